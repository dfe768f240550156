<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:T.duplicate.title ?></h1>
<p><?cs var:T.duplicate.text ?><?cs if:Receipt.Reference ?><?cs var:T.duplicate.under ?>
<strong id="reference"><?cs var:Receipt.Reference ?></strong><?cs /if ?>.</p>
<p><?cs var:T.duplicate.code ?></p>
<p><?cs var:T.duplicate.new_pre ?> <a href="<?cs var:Page.Mount ?>/"><?cs var:T.duplicate.new ?></a>.</p>
<?cs call:page_end() ?>
