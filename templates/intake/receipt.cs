<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:T.receipt.title ?></h1>
<p class="lead"><?cs var:T.receipt.thanks ?></p>
<div class="receipt">
<p><?cs var:T.receipt.reference ?></p>
<p class="code" id="reference"><?cs var:Receipt.Reference ?></p>
<p><?cs var:T.receipt.code ?></p>
<p class="code" id="secret-code"><?cs var:Receipt.Code ?></p>
</div>
<div class="notice">
<h2><?cs var:T.receipt.keep ?></h2>
<p><?cs var:T.receipt.keep_text ?><?cs if:Receipt.Anonymous ?><?cs var:T.receipt.keep_anon ?><?cs /if ?><?cs var:T.receipt.keep_lost ?></p>
</div>
<h2><?cs var:T.receipt.next ?></h2>
<ul>
<li><?cs var:T.receipt.next_look ?></li>
<li><?cs var:T.receipt.next_follow ?> <a id="feedback-url" href="<?cs var:Receipt.Feedback ?>"><?cs var:Receipt.Feedback ?></a>.</li>
<?cs if:!Receipt.Anonymous ?><li><?cs var:T.receipt.next_contact ?></li><?cs /if ?>
</ul>
<?cs call:page_end() ?>
