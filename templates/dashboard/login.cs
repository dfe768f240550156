<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Aanmelden</h1>
<?cs if:Login.Message ?><p class="message" role="alert" id="message"><?cs var:Login.Message ?></p><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/aanmelden">
<input type="hidden" name="token" value="<?cs var:Login.Token ?>">
<div class="field"><label for="gebruiker">Gebruikersnaam</label>
<input id="gebruiker" name="gebruiker" autocomplete="username"<?cs if:Login.Message ?> aria-describedby="message"<?cs /if ?> required value="<?cs var:Login.User ?>"></div>
<div class="field"><label for="wachtwoord">Wachtwoord</label>
<input id="wachtwoord" name="wachtwoord" type="password" autocomplete="current-password" required></div>
<button type="submit">Aanmelden</button>
</form>
<?cs call:dash_end() ?>
