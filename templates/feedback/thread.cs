<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1><?cs var:T.thread.title ?> <?cs var:R.Reference ?></h1>
<?cs if:Note ?><p class="notice" role="status" id="note"><?cs var:Note ?></p><?cs /if ?>
<dl class="report">
<dt><?cs var:T.thread.status ?></dt><dd id="status"><?cs var:R.Status ?></dd>
<dt><?cs var:T.thread.received ?></dt><dd id="received"><?cs var:R.Received ?></dd>
</dl>
<h2 id="uw-melding"><?cs var:T.thread.sent ?></h2>
<?cs if:Sent.Erased ?><p id="sent-erased"><?cs var:T.thread.erased ?></p><?cs else ?>
<dl class="report" id="sent">
<dt><?cs var:T.thread.type ?></dt><dd><?cs var:Sent.Type ?></dd>
<dt><?cs var:T.thread.audience ?></dt><dd><?cs var:Sent.Audience ?></dd>
<dt><?cs var:T.thread.description ?></dt><dd class="text" id="sent-description"><?cs var:Sent.Description ?></dd>
<dt><?cs var:T.thread.when ?></dt><dd><?cs var:Sent.Date ?><?cs if:Sent.Time ?> <?cs var:T.thread.at ?> <?cs var:Sent.Time ?><?cs /if ?></dd>
<?cs if:Sent.Street || Sent.City || Sent.Postcode ?><dt><?cs var:T.thread.where ?></dt><dd id="sent-place"><?cs var:Sent.Street ?> <?cs var:Sent.Number ?><?cs if:(Sent.Street || Sent.Number) && (Sent.Postcode || Sent.City) ?>, <?cs /if ?><?cs if:Sent.Postcode ?><?cs var:Sent.Postcode ?> <?cs /if ?><?cs var:Sent.City ?></dd><?cs /if ?>
<?cs if:Sent.People ?><dt><?cs var:T.thread.people ?></dt><dd class="text"><?cs var:Sent.People ?></dd><?cs /if ?>
<?cs if:Sent.Companies ?><dt><?cs var:T.thread.companies ?></dt><dd class="text"><?cs var:Sent.Companies ?></dd><?cs /if ?>
<?cs if:Sent.Vehicles ?><dt><?cs var:T.thread.vehicles ?></dt><dd class="text"><?cs var:Sent.Vehicles ?></dd><?cs /if ?>
<dt><?cs var:T.thread.contact ?></dt><dd><?cs if:Sent.Anonymous ?><?cs var:T.thread.anonymous ?><?cs else ?><?cs var:T.thread.not_anonymous ?><?cs /if ?></dd>
</dl><?cs /if ?>
<h3 id="bestanden-van-u"><?cs var:T.thread.files ?></h3>
<?cs if:subcount(File) == 0 ?><p id="no-files"><?cs var:T.thread.no_files ?></p><?cs else ?>
<ul id="files">
<?cs each:f = File ?><li><a href="<?cs var:Page.Mount ?>/bestand/<?cs var:f.Id ?>"><?cs var:f.Name ?></a> (<?cs var:f.KB ?> kB)</li>
<?cs /each ?></ul><?cs /if ?>
<h2><?cs var:T.thread.messages ?></h2>
<?cs if:subcount(Msg) == 0 ?><p id="no-messages"><?cs var:T.thread.no_messages ?></p><?cs else ?>
<ol class="thread" id="thread">
<?cs each:m = Msg ?><li class="<?cs if:m.Out ?>from-meldpunt<?cs else ?>from-reporter<?cs /if ?>">
<p class="small"><?cs var:m.At ?> &middot; <?cs if:m.Out ?><?cs var:T.thread.from_us ?><?cs else ?><?cs var:T.thread.from_you ?><?cs /if ?></p>
<p class="text"><?cs var:m.Body ?></p></li>
<?cs /each ?></ol><?cs /if ?>
<h2 id="antwoorden"><?cs var:T.thread.reply ?></h2>
<?cs if:R.Closed == 1 ?><p class="notice" id="closed-note"><?cs var:T.thread.closed_reopen ?></p><?cs elif:R.Closed == 2 ?><p class="notice" id="closed-note"><?cs var:T.thread.closed_refused ?> <a href="<?cs var:Page.Intake ?>/"><?cs var:T.thread.closed_new ?></a>.</p><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/antwoord" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<div class="field<?cs if:Reply.Error ?> has-error<?cs /if ?>"><label for="tekst"><?cs var:T.thread.text ?></label>
<p class="hint" id="tekst-hint"><?cs var:T.thread.text_hint_pre ?> <?cs var:Limits.MaxText ?> <?cs var:T.thread.text_hint_post ?></p>
<?cs if:Reply.Error ?><p class="error" id="tekst-error"><span class="visually-hidden"><?cs var:T.summary.error ?> </span><?cs var:Reply.Error ?></p><?cs /if ?>
<textarea id="tekst" name="tekst" rows="6" maxlength="<?cs var:Limits.MaxText ?>" aria-describedby="tekst-hint<?cs if:Reply.Error ?> tekst-error<?cs /if ?>"<?cs if:Reply.Error ?> aria-invalid="true"<?cs /if ?>><?cs var:Reply.Text ?></textarea></div>
<div class="field"><label for="bestanden"><?cs var:T.thread.files_label ?></label>
<div class="hint" id="bestanden-hint"><p><?cs var:T.thread.files_limit_pre ?> <?cs var:Limits.MaxFiles ?> <?cs var:T.thread.files_limit_mid ?> <?cs var:Limits.MaxFileMB ?> <?cs var:T.thread.files_limit_post ?></p>
<p><?cs var:T.form.files.photos ?></p>
<p><?cs var:T.form.files.pdf ?></p></div>
<input type="file" id="bestanden" name="report-attachments" multiple accept="image/jpeg,image/png,image/heic,image/heif,application/pdf" aria-describedby="bestanden-hint"></div>
<button type="submit"><?cs var:T.thread.send ?></button>
</form>
<form method="post" action="<?cs var:Page.Mount ?>/afmelden" class="logout">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<p><button type="submit"><?cs var:T.thread.sign_out ?></button></p>
</form>
<?cs call:page_end() ?>
