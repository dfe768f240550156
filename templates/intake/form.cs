<?cs include:"common/layout.cs" ?><?cs
include:"common/fields.cs" ?><?cs
call:page_begin() ?>
<h1><?cs var:T.form.title ?></h1>
<p class="lead"><?cs var:Audience.Name ?></p>
<div class="intro"><p><?cs var:Audience.Intro ?></p></div>
<div class="notice" role="note">
<p><strong><?cs var:T.form.danger ?></strong> <?cs var:T.form.call ?> <strong>112</strong>.
<?cs var:T.form.not_urgent ?></p>
<p><?cs var:T.form.anon ?>
<strong>0800-7000</strong>.</p>
</div>
<?cs if:subcount(Audiences) > 1 ?>
<nav aria-label="<?cs var:T.form.other_forms ?>" class="audiences"><p><?cs var:T.form.for ?> <strong><?cs var:Audience.Name ?></strong>. <?cs var:T.form.also ?>
<?cs each:a = Audiences ?><?cs if:a.Slug != Audience.Slug ?> <a href="<?cs var:Form.Mount ?>/<?cs var:url_escape(a.Slug) ?>"><?cs var:a.Name ?></a><?cs /if ?><?cs /each ?></p></nav>
<?cs /if ?>
<?cs if:Form.Message ?>
<div class="message" role="alert"><p><?cs var:Form.Message ?></p></div>
<?cs /if ?>
<?cs call:error_summary() ?>
<?cs if:Form.FilesAgain ?>
<div class="message"><p><?cs var:T.form.files_again ?></p></div>
<?cs /if ?>
<form method="post" action="<?cs var:Form.Action ?>" enctype="multipart/form-data" accept-charset="UTF-8" novalidate id="report-form">
<input type="hidden" name="form-token" value="<?cs var:Form.Token ?>">
<p class="small"><?cs var:T.form.required_pre ?> <span aria-hidden="true">*</span><span class="visually-hidden"><?cs var:T.form.required_star ?></span> <?cs var:T.form.required_post ?></p>

<fieldset class="field<?cs if:Form.Error.signal_type ?> has-error<?cs /if ?>" id="report-signal-type"<?cs call:described("signal_type", "report-signal-type", "") ?>>
<legend><?cs var:T.form.type.legend ?> <span aria-hidden="true">*</span></legend><?cs call:field_error("signal_type", "report-signal-type") ?>
<?cs each:t = Types ?>
<div class="choice"><input type="radio" id="report-signal-type-<?cs var:t.Slug ?>" name="report-signal-type" value="<?cs var:t.Slug ?>"<?cs if:Form.Value.signal_type == t.Slug ?> checked<?cs /if ?>>
<label for="report-signal-type-<?cs var:t.Slug ?>"><?cs var:t.Name ?><?cs if:t.Description ?> <span class="hint"><?cs var:t.Description ?></span><?cs /if ?></label></div><?cs /each ?>
<div class="hint" id="report-signal-type-partners"><?cs if:Form.Shared ?><p><?cs var:T.form.type.shared ?></p>
<ul><?cs each:t = Types ?><?cs if:t.Partners ?>
<li><?cs var:t.Name ?>: <?cs var:T.form.type.to ?> <?cs var:t.Partners ?></li><?cs /if ?><?cs /each ?>
</ul><?cs else ?><p><?cs var:T.form.type.not_shared ?></p><?cs /if ?>
<p><a href="<?cs var:Page.Privacy ?>#delen"><?cs var:T.form.type.sharing ?></a></p></div>
</fieldset>
<?cs include:"intake/questions.cs" ?>

<fieldset>
<legend><?cs var:T.form.what.legend ?></legend>
<?cs call:textarea("description", "report-description", T.form.what.label + " *", T.form.what.hint_pre + " " + Form.Max.description + " " + T.form.what.hint_post, "8") ?>
</fieldset>

<fieldset>
<legend><?cs var:T.form.when.legend ?></legend>
<?cs call:input("observed_date", "report-observed-date", T.form.when.date + " *", T.form.when.date_hint, "text", "") ?>
<?cs call:input("observed_time", "report-observed-time", T.form.when.time, T.form.when.time_hint, "time", "") ?>
</fieldset>

<fieldset>
<legend><?cs var:T.form.where.legend ?></legend>
<p class="hint"><?cs var:T.form.where.hint ?></p>
<?cs call:input("street", "report-street", T.form.where.street, "", "text", "off") ?>
<?cs call:input("house_number", "report-house-number", T.form.where.number, T.form.where.number_hint, "text", "off") ?>
<?cs call:input("postcode", "report-postcode", T.form.where.postcode, T.form.where.postcode_hint, "text", "off") ?>
<?cs call:input("city", "report-city", T.form.where.city, "", "text", "off") ?>
</fieldset>

<fieldset>
<legend><?cs var:T.form.who.legend ?></legend>
<?cs call:textarea("people", "report-people", T.form.who.people, T.form.who.people_hint, "3") ?>
<?cs call:textarea("companies", "report-companies", T.form.who.companies, T.form.who.companies_hint, "3") ?>
<?cs call:textarea("vehicles", "report-vehicles", T.form.who.vehicles, T.form.who.vehicles_hint, "3") ?>
</fieldset>

<fieldset>
<legend><?cs var:T.form.files.legend ?></legend>
<div class="field<?cs if:Form.Error.attachments ?> has-error<?cs /if ?>">
<label for="report-attachments"><?cs var:T.form.files.label ?></label>
<div class="hint" id="report-attachments-hint"><p><?cs var:T.form.files.limit_pre ?> <?cs var:Limits.MaxFiles ?> <?cs var:T.form.files.limit_mid ?> <?cs var:Limits.MaxFileMB ?> <?cs var:T.form.files.limit_post ?></p>
<p><?cs var:T.form.files.photos ?></p>
<p><?cs var:T.form.files.pdf ?></p></div><?cs call:field_error("attachments", "report-attachments") ?>
<input type="file" id="report-attachments" name="report-attachments" multiple accept="image/jpeg,image/png,image/heic,image/heif,application/pdf"<?cs call:described("attachments", "report-attachments", "1") ?>>
</div>
</fieldset>

<fieldset class="field<?cs if:Form.Error.anonymous ?> has-error<?cs /if ?>" id="report-anonymous"<?cs call:described("anonymous", "report-anonymous", "") ?>>
<legend><?cs var:T.form.anonymous.legend ?> <span aria-hidden="true">*</span></legend>
<p class="hint"><?cs var:T.form.anonymous.hint ?> <a href="<?cs var:Page.Privacy ?>#anoniem"><?cs var:T.form.anonymous.more ?></a>.</p><?cs call:field_error("anonymous", "report-anonymous") ?>
<div class="choice"><input type="radio" id="report-anonymous-ja" name="report-anonymous" value="ja"<?cs if:Form.Value.anonymous == "ja" ?> checked<?cs /if ?>>
<label for="report-anonymous-ja"><?cs var:T.form.anonymous.yes ?></label></div>
<div class="choice"><input type="radio" id="report-anonymous-nee" name="report-anonymous" value="nee"<?cs if:Form.Value.anonymous == "nee" ?> checked<?cs /if ?>>
<label for="report-anonymous-nee"><?cs var:T.form.anonymous.no ?></label></div>
</fieldset>

<fieldset>
<legend><?cs var:T.form.contact.legend ?></legend>
<?cs call:input("contact_name", "report-contact-name", T.form.contact.name, "", "text", "name") ?>
<?cs call:input("contact_email", "report-contact-email", T.form.contact.email, T.form.contact.email_hint, "email", "email") ?>
<?cs call:input("contact_phone", "report-contact-phone", T.form.contact.phone, "", "tel", "tel") ?>
</fieldset>

<div class="hp" aria-hidden="true">
<label for="website"><?cs var:T.form.honeypot ?></label>
<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">
</div>

<p><button type="submit"><?cs var:T.form.submit ?></button></p>
</form>
<?cs call:page_end() ?>
