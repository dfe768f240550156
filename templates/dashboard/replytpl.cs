<?cs # replytpl.cs -- reply templates (coordinators): the standard texts a
     handler picks under "Bericht aan de melder" on a report (lib/replytpl.h),
     per signal type or general; a new one, changing and removing one.
     Every form is a POST with the CSRF token. ?><?cs
include:"dashboard/layout.cs" ?><?cs
include:"common/fields.cs" ?><?cs
call:dash_begin() ?>
<h1>Sjablonen voor berichten aan de melder</h1>
<p>Een behandelaar kiest een sjabloon onder &ldquo;Bericht aan de melder&rdquo;
bij een melding: eerst de sjablonen voor de soort van die melding, dan de
algemene. De tekst komt in het berichtvak, waar de behandelaar hem aanpast
en bekijkt voordat hij wordt verstuurd. Een verstuurd bericht is een kopie:
een sjabloon wijzigen of verwijderen verandert geen verstuurd bericht.</p>
<?cs if:Form.Message ?>
<div class="error-summary" role="alert" tabindex="-1"><p><?cs if:Form.Error.title ?><a href="#s-titel"><?cs elif:Form.Error.type ?><a href="#s-soort"><?cs elif:Form.Error.body ?><a href="#s-tekst"><?cs else ?><a href="#sjablonen"><?cs /if ?><?cs var:Form.Message ?></a></p></div>
<?cs /if ?>
<?cs if:Form.Note ?><p class="notice" role="status"><?cs var:Form.Note ?></p><?cs /if ?>

<h2 id="sjablonen">Sjablonen</h2>
<?cs if:subcount(Templates) > 0 ?>
<table id="templates">
<thead><tr><th scope="col">Titel</th><th scope="col">Soort</th><th scope="col">Aangeboden</th><th scope="col">Acties</th></tr></thead>
<tbody>
<?cs each:x = Templates ?><tr>
<td><?cs var:x.Title ?></td><td><?cs var:x.Type ?></td><td><?cs if:x.Active == "1" ?>ja<?cs else ?>nee<?cs /if ?></td>
<td><a href="<?cs var:Page.Mount ?>/sjablonen/<?cs var:x.Id ?>">Wijzigen<span class="visually-hidden">: <?cs var:x.Title ?></span></a>
<form method="post" action="<?cs var:Page.Mount ?>/sjablonen" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="verwijderen"><input type="hidden" name="id" value="<?cs var:x.Id ?>">
<button type="submit" class="secondary">Verwijderen<span class="visually-hidden">: <?cs var:x.Title ?></span></button></form></td>
</tr><?cs /each ?>
</tbody></table>
<?cs else ?>
<p>Er zijn nog geen sjablonen.</p>
<?cs /if ?>

<h2 id="h-form"><?cs if:Form.Id ?>Sjabloon wijzigen<?cs else ?>Nieuw sjabloon<?cs /if ?></h2>
<form method="post" action="<?cs var:Page.Mount ?>/sjablonen" novalidate>
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><?cs if:Form.Id ?><input type="hidden" name="actie" value="wijzigen"><input type="hidden" name="id" value="<?cs var:Form.Id ?>"><?cs else ?><input type="hidden" name="actie" value="nieuw"><?cs /if ?>
<div class="field<?cs if:Form.Error.title ?> has-error<?cs /if ?>">
<label for="s-titel">Titel</label>
<p class="hint" id="s-titel-hint">Ziet alleen de behandelaar, in de keuzelijst. Ten hoogste <?cs var:Form.Max.title ?> tekens.</p><?cs call:field_error("title", "s-titel") ?>
<input id="s-titel" name="titel" maxlength="<?cs var:Form.Max.title ?>" value="<?cs var:Form.Value.title ?>"<?cs call:described("title", "s-titel", "1") ?>>
</div>
<div class="field<?cs if:Form.Error.type ?> has-error<?cs /if ?>">
<label for="s-soort">Signaalsoort</label><?cs call:field_error("type", "s-soort") ?>
<select id="s-soort" name="soort"<?cs call:described("type", "s-soort", "") ?>><option value="0">algemeen (elke soort)</option>
<?cs each:t = Types ?><option value="<?cs var:t.Id ?>"<?cs if:Form.Value.type == t.Id ?> selected<?cs /if ?>><?cs var:t.Name ?><?cs if:t.Active != "1" ?> (uitgeschakeld)<?cs /if ?></option><?cs /each ?></select>
</div>
<div class="field<?cs if:Form.Error.body ?> has-error<?cs /if ?>">
<label for="s-tekst">Tekst</label>
<p class="hint" id="s-tekst-hint">Zo leest de melder het, na aanpassing door de behandelaar. Ten hoogste <?cs var:Form.Max.body ?> tekens.</p><?cs call:field_error("body", "s-tekst") ?>
<textarea id="s-tekst" name="tekst" rows="8" maxlength="<?cs var:Form.Max.body ?>"<?cs call:described("body", "s-tekst", "1") ?>><?cs var:Form.Value.body ?></textarea>
</div>
<div class="field"><input type="checkbox" id="s-actief" name="actief" value="1"<?cs if:Form.Value.active == "1" ?> checked<?cs /if ?>> <label for="s-actief">Aanbieden aan behandelaars</label></div>
<button type="submit">Sjabloon opslaan</button><?cs if:Form.Id ?> <a href="<?cs var:Page.Mount ?>/sjablonen">Annuleren</a><?cs /if ?>
</form>
<?cs call:dash_end() ?>
