<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:Error.Title ?></h1>
<?cs if:Error.Message ?><p><?cs var:Error.Message ?></p><?cs /if ?>
<p class="small">Foutcode <?cs var:Error.Status ?>.</p>
<?cs call:page_end() ?>
