<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1>Uw melding <?cs var:R.Reference ?></h1>
<?cs if:Note ?><p class="notice" role="status" id="note"><?cs var:Note ?></p><?cs /if ?>
<dl class="report">
<dt>Status</dt><dd id="status"><?cs var:R.Status ?></dd>
<dt>Ontvangen op</dt><dd id="received"><?cs var:R.Received ?></dd>
</dl>
<h2 id="uw-melding">Wat u ons stuurde</h2>
<?cs if:Sent.Erased ?><p id="sent-erased">De inhoud van uw melding is volgens de bewaartermijn verwijderd.</p><?cs else ?>
<dl class="report" id="sent">
<dt>Soort melding</dt><dd><?cs var:Sent.Type ?></dd>
<dt>U meldde als</dt><dd><?cs var:Sent.Audience ?></dd>
<dt>Wat heeft u gezien?</dt><dd class="text" id="sent-description"><?cs var:Sent.Description ?></dd>
<dt>Wanneer</dt><dd><?cs var:Sent.Date ?><?cs if:Sent.Time ?> om <?cs var:Sent.Time ?><?cs /if ?></dd>
<?cs if:Sent.Street || Sent.City || Sent.Postcode ?><dt>Waar</dt><dd id="sent-place"><?cs var:Sent.Street ?> <?cs var:Sent.Number ?><?cs if:Sent.Postcode || Sent.City ?>, <?cs if:Sent.Postcode ?><?cs var:Sent.Postcode ?> <?cs /if ?><?cs var:Sent.City ?><?cs /if ?></dd><?cs /if ?>
<?cs if:Sent.People ?><dt>Betrokken personen</dt><dd class="text"><?cs var:Sent.People ?></dd><?cs /if ?>
<?cs if:Sent.Companies ?><dt>Betrokken bedrijven</dt><dd class="text"><?cs var:Sent.Companies ?></dd><?cs /if ?>
<?cs if:Sent.Vehicles ?><dt>Betrokken voertuigen</dt><dd class="text"><?cs var:Sent.Vehicles ?></dd><?cs /if ?>
<dt>Contactgegevens</dt><dd><?cs if:Sent.Anonymous ?>U meldde anoniem.<?cs else ?>U gaf uw contactgegevens. Om ze te beschermen tonen wij ze hier niet.<?cs /if ?></dd>
</dl><?cs /if ?>
<h3 id="bestanden-van-u">Uw bestanden</h3>
<?cs if:subcount(File) == 0 ?><p id="no-files">U heeft geen bestanden meegestuurd.</p><?cs else ?>
<ul id="files">
<?cs each:f = File ?><li><a href="<?cs var:Page.Mount ?>/bestand/<?cs var:f.Id ?>"><?cs var:f.Name ?></a> (<?cs var:f.KB ?> kB)</li>
<?cs /each ?></ul><?cs /if ?>
<h2>Berichten</h2>
<?cs if:subcount(Msg) == 0 ?><p id="no-messages">Er zijn nog geen berichten.</p><?cs else ?>
<ol class="thread" id="thread">
<?cs each:m = Msg ?><li class="<?cs if:m.Out ?>from-meldpunt<?cs else ?>from-reporter<?cs /if ?>">
<p class="small"><?cs var:m.At ?> &middot; <?cs if:m.Out ?>Meldpunt<?cs else ?>U<?cs /if ?></p>
<p class="text"><?cs var:m.Body ?></p></li>
<?cs /each ?></ol><?cs /if ?>
<h2 id="antwoorden">Antwoorden of informatie toevoegen</h2>
<?cs if:R.Closed == 1 ?><p class="notice" id="closed-note">Uw melding is afgerond. Stuurt u toch een bericht, dan nemen wij de melding opnieuw in behandeling.</p><?cs elif:R.Closed == 2 ?><p class="notice" id="closed-note">Uw melding is afgerond. Wij nemen bij deze melding geen berichten meer aan. Heeft u nieuwe informatie? Doe dan een <a href="<?cs var:Page.Intake ?>/">nieuwe melding</a>.</p><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/antwoord" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<div class="field<?cs if:Reply.Error ?> has-error<?cs /if ?>"><label for="tekst">Uw bericht</label>
<p class="hint" id="tekst-hint">Ten hoogste <?cs var:Limits.MaxText ?> tekens. Schrijf geen gegevens over uzelf op als u anoniem wilt blijven.</p>
<?cs if:Reply.Error ?><p class="error" id="tekst-error"><span class="visually-hidden">Fout: </span><?cs var:Reply.Error ?></p><?cs /if ?>
<textarea id="tekst" name="tekst" rows="6" maxlength="<?cs var:Limits.MaxText ?>" aria-describedby="tekst-hint<?cs if:Reply.Error ?> tekst-error<?cs /if ?>"<?cs if:Reply.Error ?> aria-invalid="true"<?cs /if ?>><?cs var:Reply.Text ?></textarea></div>
<div class="field"><label for="bestanden">Bestanden (niet verplicht)</label>
<div class="hint" id="bestanden-hint"><p>Foto's (JPEG, PNG of HEIC van een iPhone) of PDF, hoogstens <?cs var:Limits.MaxFiles ?> bestanden van elk hoogstens <?cs var:Limits.MaxFileMB ?> MB.</p>
<p>Wij verwijderen locatiegegevens uit foto's, en ook andere verborgen gegevens zoals het merk van de camera, de naam van het toestel en het tijdstip, voordat wij ze bewaren.</p>
<p>Een PDF bewaren wij zoals hij is. De eigenschappen van een document kunnen uw naam bevatten, bijvoorbeeld als auteur. Wilt u anoniem blijven, stuur dan liever een foto of schermafbeelding van het document.</p></div>
<input type="file" id="bestanden" name="report-attachments" multiple accept="image/jpeg,image/png,image/heic,image/heif,application/pdf" aria-describedby="bestanden-hint"></div>
<button type="submit">Versturen</button>
</form>
<form method="post" action="<?cs var:Page.Mount ?>/afmelden" class="logout">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<p><button type="submit">Afmelden</button></p>
</form>
<?cs call:page_end() ?>
