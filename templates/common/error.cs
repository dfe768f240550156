<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:Error.Title ?></h1>
<?cs if:Error.Message ?><p><?cs var:Error.Message ?></p><?cs /if ?>
<p id="back"><?cs if:Error.Back ?><a href="<?cs var:Error.Back ?>/"><?cs var:Error.BackText ?></a>, <?cs var:T.error.or_back ?><?cs else ?><?cs var:T.error.go_back ?><?cs /if ?> <em><?cs var:T.error.button ?></em> <?cs var:T.error.browser ?></p>
<p class="small"><?cs var:T.error.code ?> <?cs var:Error.Status ?>.</p>
<?cs call:page_end() ?>
