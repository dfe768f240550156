<?cs # grants.cs -- /verzoeken: the requests that wait for a second
     person, for administrators and coordinators; once, after a
     confirmed password reset, the one-time password. ?><?cs
include:"dashboard/layout.cs" ?><?cs include:"dashboard/grantlist.cs" ?><?cs
call:dash_begin() ?>
<h1>Verzoeken</h1>
<?cs if:Grant.Error ?>
<div class="error-summary" role="alert" tabindex="-1"><p><?cs var:Grant.Error ?></p></div>
<?cs /if ?>
<?cs if:Grant.Note ?><p class="notice" role="status"><?cs var:Grant.Note ?></p><?cs /if ?>
<?cs if:Grant.Password ?>
<div class="receipt" role="status">
<p>Eenmalig wachtwoord voor <strong><?cs var:Grant.PasswordUser ?></strong>:</p>
<p class="code" id="eenmalig-wachtwoord"><?cs var:Grant.Password ?></p>
<p>U ziet het maar één keer. Geef het persoonlijk aan de gebruiker, niet
per e-mail. Bij de volgende aanmelding kiest de gebruiker een eigen
wachtwoord; tot dan werkt alleen dit.</p>
</div>
<?cs /if ?>
<?cs call:grant_list() ?>
<?cs call:dash_end() ?>
