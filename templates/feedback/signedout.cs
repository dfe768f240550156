<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:T.signin.out ?></h1>
<p><?cs var:T.signin.out_text ?>
<a href="<?cs var:Page.Mount ?>/"><?cs var:T.signin.out_link ?></a>.</p>
<?cs call:page_end() ?>
