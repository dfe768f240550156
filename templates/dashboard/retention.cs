<h2 id="bewaren">Bewaartermijn</h2>
<dl id="bewaartermijn">
<?cs if:Ret.ContentErased ?><dt>Inhoud</dt><dd>gewist op <?cs var:Ret.ContentErased ?></dd>
<?cs elif:Ret.IdentityDue ?><dt>Identiteit melder</dt><dd><?cs if:Ret.IdentityErased ?>gewist op <?cs var:Ret.IdentityErased ?><?cs else ?>wordt gewist vanaf <?cs var:Ret.IdentityDue ?><?cs /if ?></dd>
<dt>Inhoud</dt><dd>wordt gewist vanaf <?cs var:Ret.ContentDue ?><?cs if:Ret.Unfounded ?> (korter: ongegrond of dubbel)<?cs /if ?></dd>
<?cs else ?><dt>Termijnen</dt><dd>lopen vanaf het afronden van de melding</dd><?cs /if ?>
<?cs if:Ret.Dossier ?><dt>Vastgehouden</dt><dd>zolang een dossier met deze melding open is</dd><?cs /if ?>
<?cs if:Ret.Held ?><dt>Aangehouden</dt><dd id="aanhouding">sinds <?cs var:Ret.HeldAt ?>: <?cs var:Ret.Reason ?></dd><?cs /if ?>
</dl>
<?cs if:Can.Hold ?><form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>/bewaren" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<input type="hidden" name="actie" value="<?cs if:Ret.Held ?>opheffen<?cs else ?>aanhouden<?cs /if ?>">
<div class="field"><label for="bewaren-reden"><?cs if:Ret.Held ?>Reden om de aanhouding op te heffen<?cs else ?>Reden om niet te wissen (bijvoorbeeld een rechtszaak)<?cs /if ?></label>
<textarea id="bewaren-reden" name="reden" rows="2" maxlength="500" required<?cs if:FieldErr == "bewaren-reden" ?> aria-invalid="true" aria-describedby="message"<?cs /if ?>><?cs if:FieldErr == "bewaren-reden" ?><?cs var:Keep.Reden ?><?cs /if ?></textarea></div>
<button type="submit"><?cs if:Ret.Held ?>Aanhouding opheffen<?cs else ?>Aanhouden<?cs /if ?></button>
</form><?cs /if ?>
