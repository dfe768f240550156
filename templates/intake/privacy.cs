<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:T.privacy.title ?></h1>
<?cs # A section is the instance's own text (privacy.<section>.text,
     set by privacy.c into Privacy.*) or the catalogue's. ?>
<p class="lead"><?cs if:Privacy.intro ?><?cs var:Privacy.intro ?><?cs else ?><?cs var:T.privacy.intro_pre ?> <?cs var:Instance.Name ?> <?cs var:T.privacy.intro_post ?><?cs /if ?></p>

<h2 id="wat"><?cs var:T.privacy.stored_title ?></h2>
<?cs if:Privacy.stored ?><p><?cs var:Privacy.stored ?></p><?cs else ?>
<ul>
<li><?cs var:T.privacy.stored_1 ?></li>
<li><?cs var:T.privacy.stored_2 ?></li>
<li><?cs var:T.privacy.stored_3 ?></li>
<li><?cs var:T.privacy.stored_4 ?></li>
<li><?cs var:T.privacy.stored_5 ?></li>
</ul>
<p><?cs var:T.privacy.stored_ip ?></p>
<?cs /if ?>

<h2 id="hoelang"><?cs var:T.privacy.terms_title ?></h2>
<?cs # The terms are the configured defaults (retention.*, set by
     privacy.c); privacy.terms.text overrides the text below. ?>
<?cs if:Privacy.terms ?><p><?cs var:Privacy.terms ?></p><?cs else ?><p><?cs var:T.privacy.terms_text ?></p>
<ul id="termijnen">
<li><?cs var:T.privacy.term_identity ?> <span id="term-identiteit"><?cs var:Terms.Identity ?></span>;</li>
<li><?cs var:T.privacy.term_content ?> <span id="term-inhoud"><?cs var:Terms.Content ?></span>;</li>
<li><?cs var:T.privacy.term_unfounded ?> <span id="term-ongegrond"><?cs var:Terms.Unfounded ?></span>.</li>
</ul>
<p><?cs var:T.privacy.terms_more ?></p><?cs /if ?>

<h2 id="wie"><?cs var:T.privacy.access_title ?></h2>
<p><?cs if:Privacy.access ?><?cs var:Privacy.access ?><?cs else ?><?cs var:T.privacy.access ?><?cs /if ?></p>

<h2 id="delen"><?cs var:T.privacy.sharing_title ?></h2>
<p><?cs if:Privacy.sharing ?><?cs var:Privacy.sharing ?><?cs else ?><?cs var:T.privacy.sharing ?><?cs /if ?></p>

<h2 id="anoniem"><?cs var:T.privacy.anonymity_title ?></h2>
<p><?cs if:Privacy.anonymity ?><?cs var:Privacy.anonymity ?><?cs else ?><?cs var:T.privacy.anonymity ?><?cs /if ?></p>

<h2 id="fotos"><?cs var:T.privacy.photos_title ?></h2>
<p><?cs if:Privacy.photos ?><?cs var:Privacy.photos ?><?cs else ?><?cs var:T.privacy.photos ?><?cs /if ?></p>

<h2 id="rechten"><?cs var:T.privacy.rights_title ?></h2>
<p><?cs if:Privacy.rights ?><?cs var:Privacy.rights ?><?cs else ?><?cs var:T.privacy.rights ?><?cs /if ?></p>

<p><a href="<?cs var:Page.Mount ?>/"><?cs var:T.privacy.back ?></a></p>
<?cs call:page_end() ?>
