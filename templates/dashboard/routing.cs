<?cs # routing.cs -- the routing rules (Beheer): signal type and audience
     -> team, the most specific rule first (lib/routing.h); a new rule,
     and removing one.  Every form is a POST with the CSRF token. ?><?cs
include:"dashboard/layout.cs" ?><?cs
include:"common/fields.cs" ?><?cs
call:dash_begin() ?>
<h1>Routering</h1>
<p>Een nieuwe melding gaat naar het team van de regel die er het best bij
past, via elk kanaal (formulier, telefoon of e-mail, spool). De volgorde:
eerst signaalsoort én doelgroep, dan alleen de signaalsoort, dan alleen de
doelgroep, dan "elke melding". Past geen regel, dan komt de melding bij de
coördinatoren. De geschiedenis van de melding noemt de regel.</p>
<?cs if:Form.Message ?>
<div class="error-summary" role="alert" tabindex="-1"><p><?cs if:Form.Error.type ?><a href="#r-soort"><?cs elif:Form.Error.audience ?><a href="#r-doelgroep"><?cs elif:Form.Error.team ?><a href="#r-team"><?cs else ?><a href="#regels"><?cs /if ?><?cs var:Form.Message ?></a></p></div>
<?cs /if ?>

<h2 id="regels">Regels</h2>
<?cs if:subcount(Rules) > 0 ?>
<table>
<thead><tr><th scope="col">Regel</th><th scope="col">Signaalsoort</th><th scope="col">Doelgroep</th><th scope="col">Team</th><th scope="col">Actie</th></tr></thead>
<tbody>
<?cs each:x = Rules ?><tr>
<td><?cs var:x.Id ?></td><td><?cs var:x.Type ?></td><td><?cs var:x.Audience ?></td><td><?cs var:x.Team ?><?cs if:x.Active != "1" ?> (uitgeschakeld: regel telt niet)<?cs /if ?></td>
<td><form method="post" action="<?cs var:Page.Mount ?>/routering" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="regel-weg"><input type="hidden" name="id" value="<?cs var:x.Id ?>">
<button type="submit">Verwijderen<span class="visually-hidden"> regel <?cs var:x.Id ?></span></button></form></td>
</tr><?cs /each ?>
</tbody></table>
<?cs else ?>
<p>Er zijn nog geen regels: elke nieuwe melding komt bij de coördinatoren.</p>
<?cs /if ?>

<h2 id="h-nieuw">Nieuwe regel</h2>
<form method="post" action="<?cs var:Page.Mount ?>/routering" novalidate>
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="regel-nieuw">
<div class="field<?cs if:Form.Error.type ?> has-error<?cs /if ?>">
<label for="r-soort">Signaalsoort</label><?cs call:field_error("type", "r-soort") ?>
<select id="r-soort" name="soort"<?cs call:described("type", "r-soort", "") ?>><option value="0">elke signaalsoort</option>
<?cs each:t = Types ?><option value="<?cs var:t.Id ?>"<?cs if:Form.Value.type == t.Id ?> selected<?cs /if ?>><?cs var:t.Name ?></option><?cs /each ?></select>
</div>
<div class="field<?cs if:Form.Error.audience ?> has-error<?cs /if ?>">
<label for="r-doelgroep">Doelgroep</label><?cs call:field_error("audience", "r-doelgroep") ?>
<select id="r-doelgroep" name="doelgroep"<?cs call:described("audience", "r-doelgroep", "") ?>><option value="0">elke doelgroep</option>
<?cs each:a = Audiences ?><option value="<?cs var:a.Id ?>"<?cs if:Form.Value.audience == a.Id ?> selected<?cs /if ?>><?cs var:a.Name ?></option><?cs /each ?></select>
</div>
<div class="field<?cs if:Form.Error.team ?> has-error<?cs /if ?>">
<label for="r-team">Naar team</label><?cs call:field_error("team", "r-team") ?>
<select id="r-team" name="team"<?cs call:described("team", "r-team", "") ?>>
<?cs each:t = Teams ?><option value="<?cs var:t.Id ?>"<?cs if:Form.Value.team == t.Id ?> selected<?cs /if ?>><?cs var:t.Name ?></option><?cs /each ?></select>
</div>
<button type="submit">Regel opslaan</button>
</form>
<?cs call:dash_end() ?>
