<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:T.signin.title ?></h1>
<p class="lead"><?cs var:T.signin.lead ?></p>
<?cs if:SignIn.Message ?><p class="message" role="alert" id="message"><?cs var:SignIn.Message ?></p><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/aanmelden">
<input type="hidden" name="token" value="<?cs var:SignIn.Token ?>">
<?cs if:SignIn.Kept ?><input type="hidden" name="tekst" value="<?cs var:SignIn.Kept ?>"><?cs /if ?>
<div class="field"><label for="meldingsnummer"><?cs var:T.signin.reference ?></label>
<p class="hint" id="meldingsnummer-hint"><?cs var:T.signin.reference_hint ?></p>
<input type="text" id="meldingsnummer" name="meldingsnummer" aria-describedby="<?cs if:SignIn.Message ?>message <?cs /if ?>meldingsnummer-hint" autocomplete="off" spellcheck="false" maxlength="24" required value="<?cs var:SignIn.Reference ?>"></div>
<div class="field"><label for="code"><?cs var:T.signin.code ?></label>
<p class="hint" id="code-hint"><?cs var:T.signin.code_hint ?></p>
<input type="text" id="code" name="code" aria-describedby="code-hint" autocomplete="off" spellcheck="false" maxlength="40" required></div>
<button type="submit"><?cs var:T.signin.submit ?></button>
</form>
<div class="notice" id="lost-code">
<h2><?cs var:T.signin.lost ?></h2>
<p><?cs var:T.signin.lost_text ?></p>
</div>
<?cs call:page_end() ?>
