<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:Error.Title ?></h1>
<?cs if:Error.Message ?><p><?cs var:Error.Message ?></p><?cs /if ?>
<p id="back"><?cs if:Error.Back ?><a href="<?cs var:Error.Back ?>/"><?cs var:Error.BackText ?></a>, of ga<?cs else ?>Ga<?cs /if ?> terug met de knop <em>Vorige</em> van uw browser.</p>
<p class="small">Foutcode <?cs var:Error.Status ?>.</p>
<?cs call:page_end() ?>
