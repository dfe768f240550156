<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Beheer</h1>
<p>Gebruikers en teams beheert u voorlopig met <code>meldpuntctl user</code> en <code>meldpuntctl team</code>.</p>
<?cs call:dash_end() ?>
