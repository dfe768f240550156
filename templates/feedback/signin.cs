<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1>Uw melding volgen</h1>
<p class="lead">Vul het meldingsnummer en de geheime code in die u kreeg toen u
uw melding deed. U ziet dan hoe het met uw melding staat, leest onze berichten
en kunt ons antwoorden.</p>
<?cs if:SignIn.Message ?><p class="message" role="alert" id="message"><?cs var:SignIn.Message ?></p><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/aanmelden">
<input type="hidden" name="token" value="<?cs var:SignIn.Token ?>">
<?cs if:SignIn.Kept ?><input type="hidden" name="tekst" value="<?cs var:SignIn.Kept ?>"><?cs /if ?>
<div class="field"><label for="meldingsnummer">Meldingsnummer</label>
<p class="hint" id="meldingsnummer-hint">Bijvoorbeeld M-2026-000123.</p>
<input type="text" id="meldingsnummer" name="meldingsnummer" aria-describedby="<?cs if:SignIn.Message ?>message <?cs /if ?>meldingsnummer-hint" autocomplete="off" spellcheck="false" maxlength="24" required value="<?cs var:SignIn.Reference ?>"></div>
<div class="field"><label for="code">Geheime code</label>
<p class="hint" id="code-hint">20 letters en cijfers, bijvoorbeeld ABCDE-12345-FGHJK-67890. Hoofdletters en streepjes maken niet uit.</p>
<input type="text" id="code" name="code" aria-describedby="code-hint" autocomplete="off" spellcheck="false" maxlength="40" required></div>
<button type="submit">Bekijk mijn melding</button>
</form>
<div class="notice" id="lost-code">
<h2>Code kwijt?</h2>
<p>Wij bewaren uw code niet en kunnen hem dus niet opnieuw tonen of opsturen.
Zo blijft u anoniem als u dat wilt. Zonder de code kunt u deze melding niet
meer volgen. U kunt wel altijd een nieuwe melding doen.</p>
</div>
<?cs call:page_end() ?>
