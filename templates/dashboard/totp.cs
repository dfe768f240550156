<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1><?cs var:Page.Title ?></h1>
<?cs if:Totp.Message ?><p class="message" role="alert" id="message"><?cs var:Totp.Message ?></p><?cs /if ?>
<?cs if:Totp.Enrol ?>
<p>Stel een tweede factor in met een authenticator-app op uw telefoon.
Scan de QR-code, of typ de geheime sleutel over. U ziet deze sleutel maar
één keer.</p>
<p><img class="qr" src="<?cs var:Totp.Qr ?>" alt="QR-code voor uw authenticator-app" width="240" height="240"></p>
<p>Geheime sleutel: <code id="totp-secret"><?cs var:Totp.Secret ?></code></p>
<?cs else ?>
<p>Typ de code van zes cijfers uit uw authenticator-app.</p>
<?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/tweede-factor">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<div class="field"><label for="code">Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required></div>
<button type="submit">Bevestigen</button>
</form>
<?cs call:dash_end() ?>
