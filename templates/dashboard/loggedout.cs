<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>U bent afgemeld</h1>
<p>Uw sessie bij het meldpunt is beëindigd. Sluit het venster als u klaar bent.</p>
<?cs call:dash_end() ?>
