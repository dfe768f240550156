<?cs include:"common/layout.cs" ?><?cs
include:"common/fields.cs" ?><?cs
call:page_begin() ?>
<h1>Meld een vermoeden van ondermijning</h1>
<p class="lead"><?cs var:Audience.Name ?></p>
<div class="intro"><p><?cs var:Audience.Intro ?></p></div>
<div class="notice" role="note">
<p><strong>Is er acuut gevaar?</strong> Bel direct <strong>112</strong>.
Dit formulier is niet voor spoed.</p>
<p>Wilt u iets anoniem aan de politie melden? Bel Meld Misdaad Anoniem:
<strong>0800-7000</strong>.</p>
</div>
<?cs if:subcount(Audiences) > 1 ?>
<nav aria-label="Andere meldformulieren" class="audiences"><p>Dit formulier is voor: <strong><?cs var:Audience.Name ?></strong>. Ook beschikbaar:
<?cs each:a = Audiences ?><?cs if:a.Slug != Audience.Slug ?> <a href="<?cs var:Form.Mount ?>/<?cs var:url_escape(a.Slug) ?>"><?cs var:a.Name ?></a><?cs /if ?><?cs /each ?></p></nav>
<?cs /if ?>
<?cs if:Form.Message ?>
<div class="message" role="alert"><p><?cs var:Form.Message ?></p></div>
<?cs /if ?>
<?cs call:error_summary() ?>
<?cs if:Form.FilesAgain ?>
<div class="message"><p>Uw bijlagen zijn niet bewaard. Kies ze opnieuw voordat u het formulier verstuurt.</p></div>
<?cs /if ?>
<form method="post" action="<?cs var:Form.Action ?>" enctype="multipart/form-data" accept-charset="UTF-8" novalidate>
<input type="hidden" name="form-token" value="<?cs var:Form.Token ?>">
<p class="small">Velden met <span aria-hidden="true">*</span><span class="visually-hidden">een sterretje</span> zijn verplicht.</p>

<fieldset class="field<?cs if:Form.Error.signal_type ?> has-error<?cs /if ?>" id="report-signal-type"<?cs call:described("signal_type", "report-signal-type", "") ?>>
<legend>Waar gaat uw melding over? <span aria-hidden="true">*</span></legend><?cs call:field_error("signal_type", "report-signal-type") ?>
<?cs each:t = Types ?>
<div class="choice"><input type="radio" id="report-signal-type-<?cs var:t.Slug ?>" name="report-signal-type" value="<?cs var:t.Slug ?>"<?cs if:Form.Value.signal_type == t.Slug ?> checked<?cs /if ?>>
<label for="report-signal-type-<?cs var:t.Slug ?>"><?cs var:t.Name ?><?cs if:t.Description ?> <span class="hint"><?cs var:t.Description ?></span><?cs /if ?></label></div><?cs /each ?>
<div class="hint" id="report-signal-type-partners"><?cs if:Form.Shared ?><p>Sommige meldingen gaan vanzelf ook naar een partner van de gemeente. Die krijgt dan uw melding, maar nooit uw naam of contactgegevens:</p>
<ul><?cs each:t = Types ?><?cs if:t.Partners ?>
<li><?cs var:t.Name ?>: naar <?cs var:t.Partners ?></li><?cs /if ?><?cs /each ?>
</ul><?cs else ?><p>Geen van deze meldingen gaat vanzelf naar een partner van de gemeente.</p><?cs /if ?>
<p><a href="<?cs var:Page.Privacy ?>#delen">Met wie wij meldingen kunnen delen</a></p></div>
</fieldset>
<?cs include:"intake/questions.cs" ?>

<fieldset>
<legend>Wat heeft u gezien of gehoord?</legend>
<?cs call:textarea("description", "report-description", "Beschrijving *", "Beschrijf zo precies mogelijk wat u zag, hoorde of rook. Hoogstens " + Form.Max.description + " tekens.", "8") ?>
</fieldset>

<fieldset>
<legend>Wanneer?</legend>
<?cs call:input("observed_date", "report-observed-date", "Datum *", "Als dd-mm-jjjj, bijvoorbeeld 01-03-2026. Weet u het niet precies? Kies de datum bij benadering.", "text", "") ?>
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
<?cs call:textarea("people", "report-people", "Personen", "Bijvoorbeeld een naam, bijnaam of beschrijving.", "3") ?>
<?cs call:textarea("companies", "report-companies", "Bedrijven", "Bijvoorbeeld een bedrijfsnaam of KvK-nummer.", "3") ?>
<?cs call:textarea("vehicles", "report-vehicles", "Voertuigen", "Bijvoorbeeld kenteken, merk en kleur.", "3") ?>
</fieldset>

<fieldset>
<legend>Foto's of documenten (niet verplicht)</legend>
<div class="field<?cs if:Form.Error.attachments ?> has-error<?cs /if ?>">
<label for="report-attachments">Bijlagen</label>
<div class="hint" id="report-attachments-hint"><p>Hoogstens <?cs var:Limits.MaxFiles ?> bestanden van elk hoogstens <?cs var:Limits.MaxFileMB ?> MB: foto's (JPEG, PNG of HEIC van een iPhone) of PDF.</p>
<p>Wij verwijderen locatiegegevens uit foto's, en ook andere verborgen gegevens zoals het merk van de camera, de naam van het toestel en het tijdstip, voordat wij ze bewaren.</p>
<p>Een PDF bewaren wij zoals hij is. De eigenschappen van een document kunnen uw naam bevatten, bijvoorbeeld als auteur. Wilt u anoniem blijven, stuur dan liever een foto of schermafbeelding van het document.</p></div><?cs call:field_error("attachments", "report-attachments") ?>
<input type="file" id="report-attachments" name="report-attachments" multiple accept="image/jpeg,image/png,image/heic,image/heif,application/pdf"<?cs call:described("attachments", "report-attachments", "1") ?>>
</div>
</fieldset>

<fieldset class="field<?cs if:Form.Error.anonymous ?> has-error<?cs /if ?>" id="report-anonymous"<?cs call:described("anonymous", "report-anonymous", "") ?>>
<legend>Wilt u anoniem melden? <span aria-hidden="true">*</span></legend>
<p class="hint">Anoniem: wij weten niet wie u bent. U krijgt wel een code waarmee u later kunt zien wat er met uw melding gebeurt. Niet anoniem: alleen de coördinator van het meldpunt kan uw gegevens zien. <a href="<?cs var:Page.Privacy ?>#anoniem">Meer over anoniem melden en uw gegevens</a>.</p><?cs call:field_error("anonymous", "report-anonymous") ?>
<div class="choice"><input type="radio" id="report-anonymous-ja" name="report-anonymous" value="ja"<?cs if:Form.Value.anonymous == "ja" ?> checked<?cs /if ?>>
<label for="report-anonymous-ja">Ja, ik meld anoniem</label></div>
<div class="choice"><input type="radio" id="report-anonymous-nee" name="report-anonymous" value="nee"<?cs if:Form.Value.anonymous == "nee" ?> checked<?cs /if ?>>
<label for="report-anonymous-nee">Nee, ik geef mijn gegevens</label></div>
</fieldset>

<fieldset>
<legend>Uw gegevens (alleen als u niet anoniem meldt)</legend>
<?cs call:input("contact_name", "report-contact-name", "Naam", "", "text", "name") ?>
<?cs call:input("contact_email", "report-contact-email", "E-mailadres", "Vul een e-mailadres of telefoonnummer in.", "email", "email") ?>
<?cs call:input("contact_phone", "report-contact-phone", "Telefoonnummer", "", "tel", "tel") ?>
</fieldset>

<div class="hp" aria-hidden="true">
<label for="website">Laat dit veld leeg</label>
<input type="text" id="website" name="website" value="" tabindex="-1" autocomplete="off">
</div>

<p><button type="submit">Melding versturen</button></p>
</form>
<?cs call:page_end() ?>
