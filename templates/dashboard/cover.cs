<?cs # cover.cs -- a coordinator lets a handler see a colleague's queue
     for some days (lib/cover.h): the covers planned, running and just
     over, a new one, and ending one early.  Every form is a POST with
     the CSRF token. ?><?cs
include:"dashboard/layout.cs" ?><?cs
include:"common/fields.cs" ?><?cs
def:staff_select(f, id, name) ?>
<select id="<?cs var:id ?>" name="<?cs var:name ?>"<?cs call:described(f, id, "") ?>><option value="">kies</option>
<?cs each:u = Staff ?><option value="<?cs var:u.Id ?>"<?cs if:Form.Value[f] == u.Id ?> selected<?cs /if ?>><?cs var:u.Name ?> (<?cs var:u.User ?>)</option><?cs /each ?></select><?cs /def ?><?cs
call:dash_begin() ?>
<h1>Vervanging</h1>
<p>Tijdens een vervanging ziet de behandelaar de meldingen van de teams van
de collega, van de eerste tot en met de laatste dag (Nederlandse tijd).
Daarna stopt het vanzelf; u kunt een vervanging ook eerder beëindigen.</p>
<?cs if:Form.Message ?>
<div class="error-summary" role="alert" tabindex="-1"><p><?cs if:Form.Error.user ?><a href="#v-behandelaar"><?cs elif:Form.Error.colleague ?><a href="#v-collega"><?cs elif:Form.Error.from ?><a href="#v-van"><?cs elif:Form.Error.to ?><a href="#v-tot"><?cs else ?><a href="#vervangingen"><?cs /if ?><?cs var:Form.Message ?></a></p></div>
<?cs /if ?>

<h2 id="vervangingen">Vervangingen</h2>
<?cs if:subcount(Covers) > 0 ?>
<table>
<thead><tr><th scope="col">Behandelaar</th><th scope="col">Vervangt</th><th scope="col">Van</th><th scope="col">Tot en met</th><th scope="col">Stand</th><th scope="col">Actie</th></tr></thead>
<tbody>
<?cs each:c = Covers ?><tr>
<td><?cs var:c.User ?></td><td><?cs var:c.Colleague ?></td><td><?cs call:nl_date(c.From) ?></td><td><?cs call:nl_date(c.To) ?></td><td><?cs var:c.State ?></td>
<td><?cs if:c.Open == "1" ?><form method="post" action="<?cs var:Page.Mount ?>/vervanging" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="vervanging-einde"><input type="hidden" name="id" value="<?cs var:c.Id ?>">
<button type="submit">Beëindigen<span class="visually-hidden"> vervanging van <?cs var:c.Colleague ?> door <?cs var:c.User ?></span></button></form><?cs /if ?></td>
</tr><?cs /each ?>
</tbody></table>
<?cs else ?>
<p>Er zijn geen vervangingen.</p>
<?cs /if ?>

<h2>Nieuwe vervanging</h2>
<form method="post" action="<?cs var:Page.Mount ?>/vervanging" novalidate>
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="vervanging-nieuw">
<div class="field<?cs if:Form.Error.user ?> has-error<?cs /if ?>">
<label for="v-behandelaar">Behandelaar die vervangt</label><?cs call:field_error("user", "v-behandelaar") ?><?cs call:staff_select("user", "v-behandelaar", "behandelaar") ?>
</div>
<div class="field<?cs if:Form.Error.colleague ?> has-error<?cs /if ?>">
<label for="v-collega">Collega die wordt vervangen</label><?cs call:field_error("colleague", "v-collega") ?><?cs call:staff_select("colleague", "v-collega", "collega") ?>
</div>
<div class="field<?cs if:Form.Error.from ?> has-error<?cs /if ?>">
<label for="v-van">Eerste dag</label>
<p class="hint" id="v-van-hint">Als dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 01-03-2026.</p><?cs call:field_error("from", "v-van") ?>
<input type="text" id="v-van" name="van" value="<?cs var:Form.Value.from ?>" maxlength="10" inputmode="numeric"<?cs call:described("from", "v-van", "1") ?>>
</div>
<div class="field<?cs if:Form.Error.to ?> has-error<?cs /if ?>">
<label for="v-tot">Laatste dag (telt mee)</label>
<p class="hint" id="v-tot-hint">Als dd-mm-jjjj of jjjj-mm-dd, niet voor de eerste dag.</p><?cs call:field_error("to", "v-tot") ?>
<input type="text" id="v-tot" name="tot" value="<?cs var:Form.Value.to ?>" maxlength="10" inputmode="numeric"<?cs call:described("to", "v-tot", "1") ?>>
</div>
<button type="submit">Vervanging opslaan</button>
</form>
<?cs call:dash_end() ?>
