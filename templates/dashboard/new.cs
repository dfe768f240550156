<?cs # new.cs -- a report received by telephone or e-mail, entered by
     a handler: the intake's fields (intake/form.cs) with who reported,
     the channel and the date received; contact details optional; the
     chosen signal type's follow-up questions as on the public form
     (intake/questions.cs, issue 17). ?><?cs
include:"dashboard/layout.cs" ?><?cs
include:"common/fields.cs" ?><?cs
call:dash_begin() ?>
<h1>Nieuwe melding invoeren</h1>
<p>Voor een melding die per telefoon of e-mail binnenkwam.</p>
<?cs if:Form.Message ?>
<div class="message" role="alert"><p><?cs var:Form.Message ?></p></div>
<?cs /if ?>
<?cs call:error_summary() ?>
<form method="post" action="<?cs var:Page.Mount ?>/nieuw" accept-charset="UTF-8" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<input type="hidden" name="form-token" value="<?cs var:Form.Token ?>">
<?cs if:Form.HasQuestions ?><?cs # Enter in a field submits with the
     form's first button (HTML's implicit submission): that must store
     the report, as "Melding opslaan" below does, not "Vragen tonen".
     Out of sight and out of the tab order; the visible button is the
     one to use. ?><button type="submit" class="visually-hidden" tabindex="-1" aria-hidden="true" id="report-default-submit">Melding opslaan</button><?cs /if ?>
<p class="small">Velden met <span aria-hidden="true">*</span><span class="visually-hidden">een sterretje</span> zijn verplicht.</p>

<fieldset>
<legend>Binnengekomen</legend>
<fieldset class="field<?cs if:Form.Error.channel ?> has-error<?cs /if ?>" id="report-channel"<?cs call:described("channel", "report-channel", "") ?>>
<legend>Hoe kwam de melding binnen? <span aria-hidden="true">*</span></legend><?cs call:field_error("channel", "report-channel") ?>
<div class="choice"><input type="radio" id="report-channel-telefoon" name="report-channel" value="telefoon"<?cs if:Form.Value.channel == "telefoon" ?> checked<?cs /if ?>>
<label for="report-channel-telefoon">Telefoon</label></div>
<div class="choice"><input type="radio" id="report-channel-email" name="report-channel" value="email"<?cs if:Form.Value.channel == "email" ?> checked<?cs /if ?>>
<label for="report-channel-email">E-mail</label></div>
</fieldset>
<?cs call:input("received_date", "report-received-date", "Datum ontvangen *", "Als dd-mm-jjjj, bijvoorbeeld 01-03-2026; niet in de toekomst.", "text", "") ?>
<div class="field<?cs if:Form.Error.audience ?> has-error<?cs /if ?>">
<label for="report-audience">Wie meldde? *</label><?cs call:field_error("audience", "report-audience") ?>
<select id="report-audience" name="report-audience"<?cs call:described("audience", "report-audience", "") ?>>
<?cs each:a = Audiences ?><option value="<?cs var:a.Slug ?>"<?cs if:Form.Value.audience == a.Slug || (!Form.Value.audience && a.Default) ?> selected<?cs /if ?>><?cs var:a.Name ?></option>
<?cs /each ?></select>
</div>
</fieldset>

<fieldset class="field<?cs if:Form.Error.signal_type ?> has-error<?cs /if ?>" id="report-signal-type"<?cs call:described("signal_type", "report-signal-type", "") ?>>
<legend>Waar gaat de melding over? <span aria-hidden="true">*</span></legend><?cs call:field_error("signal_type", "report-signal-type") ?>
<?cs each:t = Types ?>
<div class="choice"><input type="radio" id="report-signal-type-<?cs var:t.Slug ?>" name="report-signal-type" value="<?cs var:t.Slug ?>"<?cs if:Form.Value.signal_type == t.Slug ?> checked<?cs /if ?>>
<label for="report-signal-type-<?cs var:t.Slug ?>"><?cs var:t.Name ?></label></div><?cs /each ?>
</fieldset>
<?cs if:Form.HasQuestions ?>
<div class="field">
<p class="hint" id="report-questions-hint">Bij sommige soorten horen vervolgvragen. Kies de soort en toon de vragen; wat al is ingevuld blijft staan, gekozen bestanden niet.</p>
<button type="submit" name="vragen-tonen" value="1" class="secondary" aria-describedby="report-questions-hint">Vragen tonen</button>
</div>
<?cs /if ?><?cs include:"intake/questions.cs" ?>

<fieldset>
<legend>Wat is er gezien of gehoord?</legend>
<?cs call:textarea("description", "report-description", "Beschrijving *", "Hoogstens " + Form.Max.description + " tekens.", "8") ?>
</fieldset>

<fieldset>
<legend>Wanneer?</legend>
<?cs call:input("observed_date", "report-observed-date", "Datum *", "Als dd-mm-jjjj, bijvoorbeeld 01-03-2026; niet na de datum van ontvangst.", "text", "") ?>
<?cs call:input("observed_time", "report-observed-time", "Tijd (niet verplicht)", "Bijvoorbeeld 21:30.", "time", "") ?>
</fieldset>

<fieldset>
<legend>Waar?</legend>
<p class="hint">Vul ten minste een straat, postcode of plaats in.</p>
<?cs call:input("street", "report-street", "Straat", "", "text", "off") ?>
<?cs call:input("house_number", "report-house-number", "Huisnummer", "Bijvoorbeeld 12 of 12a.", "text", "off") ?>
<?cs call:input("postcode", "report-postcode", "Postcode", "Bijvoorbeeld 1234 AB.", "text", "off") ?>
<?cs call:input("city", "report-city", "Plaats", "", "text", "off") ?>
</fieldset>

<fieldset>
<legend>Wie of wat is erbij betrokken? (niet verplicht)</legend>
<?cs call:textarea("people", "report-people", "Personen", "", "3") ?>
<?cs call:textarea("companies", "report-companies", "Bedrijven", "", "3") ?>
<?cs call:textarea("vehicles", "report-vehicles", "Voertuigen", "", "3") ?>
</fieldset>

<fieldset>
<legend>Gegevens van de melder (niet verplicht)</legend>
<p class="hint">Alleen als de melder ze gaf. Zonder gegevens is de melding anoniem. Ze worden versleuteld bewaard; alleen wie het recht identiteit melder heeft en u, die ze invoert, kunnen ze zien.</p>
<?cs call:input("contact_name", "report-contact-name", "Naam", "", "text", "off") ?>
<?cs call:input("contact_email", "report-contact-email", "E-mailadres", "", "email", "off") ?>
<?cs call:input("contact_phone", "report-contact-phone", "Telefoonnummer", "", "tel", "off") ?>
</fieldset>

<fieldset>
<legend>Foto's of documenten (niet verplicht)</legend>
<div class="field<?cs if:Form.Error.attachments ?> has-error<?cs /if ?>">
<label for="report-attachments">Bestanden die de melder stuurde</label>
<p class="hint" id="report-attachments-hint">Hoogstens <?cs var:Limits.MaxFiles ?> bestanden van elk hoogstens <?cs var:Limits.MaxFileMB ?> MB: foto's (JPEG, PNG of HEIC; locatiegegevens worden verwijderd) en PDF-bestanden. Kies ze opnieuw als het formulier terugkomt.</p><?cs call:field_error("attachments", "report-attachments") ?>
<input type="file" id="report-attachments" name="report-attachments" multiple accept="image/jpeg,image/png,image/heic,image/heif,application/pdf"<?cs call:described("attachments", "report-attachments", "1") ?>>
</div>
</fieldset>

<p><button type="submit">Melding opslaan</button></p>
</form>
<?cs call:dash_end() ?>
