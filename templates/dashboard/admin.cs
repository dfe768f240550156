<?cs # admin.cs -- the functional administrator's page: users, teams,
     signal types and audiences, each with forms to create, rename,
     change and switch off, and the requests that wait for a second
     person.  No report content is shown here.  Every form is a POST
     with the CSRF token; nothing is ever deleted.  One's own account
     has no forms for rights: nobody changes their own (the server
     refuses it too). ?><?cs
include:"dashboard/layout.cs" ?><?cs include:"dashboard/grantlist.cs" ?><?cs
def:hidden(action, id) ?>
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<input type="hidden" name="actie" value="<?cs var:action ?>"><?cs if:id ?>
<input type="hidden" name="id" value="<?cs var:id ?>"><?cs /if ?><?cs /def ?><?cs
def:toggle(action, id, active) ?>
<form method="post" action="<?cs var:Page.Mount ?>/beheer" class="inline"><?cs call:hidden(action, id) ?>
<input type="hidden" name="aan" value="<?cs if:active ?>0<?cs else ?>1<?cs /if ?>">
<button type="submit"><?cs if:active ?>Uitschakelen<?cs else ?>Inschakelen<?cs /if ?></button>
</form><?cs /def ?><?cs
def:adm_described(u) ?><?cs if:Admin.ErrorFor == u.Id ?> aria-describedby="u-fout-<?cs var:u.Id ?>"<?cs /if ?><?cs /def ?><?cs
call:dash_begin() ?>
<h1>Beheer</h1>
<?cs if:Admin.Message ?>
<div class="error-summary" role="alert" tabindex="-1"><p><?cs if:Admin.ErrorFor ?><a href="#gebruiker-<?cs var:Admin.ErrorFor ?>"><?cs var:Admin.Message ?></a><?cs else ?><?cs var:Admin.Message ?><?cs /if ?></p></div>
<?cs /if ?>
<?cs if:Admin.Note ?><p class="notice" role="status"><?cs var:Admin.Note ?></p><?cs /if ?>
<?cs if:Admin.Password ?>
<div class="receipt" role="status">
<p>Eenmalig wachtwoord voor <strong><?cs var:Admin.PasswordUser ?></strong>:</p>
<p class="code" id="eenmalig-wachtwoord"><?cs var:Admin.Password ?></p>
<p>U ziet het maar één keer. Geef het persoonlijk aan de gebruiker, niet
per e-mail. Bij de volgende aanmelding kiest de gebruiker een eigen
wachtwoord.</p>
</div>
<?cs /if ?>

<?cs call:grant_list() ?>

<section aria-labelledby="h-users">
<h2 id="h-users">Gebruikers</h2>
<p>Wat een account meer laat zien of laat geven (een rol met meer
rechten, een team, het recht op de identiteit van melders, een account
inschakelen, een wachtwoord of tweede factor herstellen) wordt een
verzoek dat een tweede persoon moet bevestigen. Rechten afnemen gaat
direct. Uw eigen rol, teams en rechten wijzigt een ander.</p>
<table>
<thead><tr><th scope="col">Gebruikersnaam</th><th scope="col">Naam</th><th scope="col">Rol</th><th scope="col">Teams</th><th scope="col">Identiteit melder</th><th scope="col">Status</th><?cs if:Auth.Local ?><th scope="col">Aanmelden</th><?cs /if ?></tr></thead>
<tbody>
<?cs each:u = Users ?><?cs set:self = u.Id == Admin.Self ?>
<tr id="gebruiker-<?cs var:u.Id ?>">
<td><?cs var:u.Name ?><?cs if:Admin.ErrorFor == u.Id ?><p class="error" id="u-fout-<?cs var:u.Id ?>"><span class="visually-hidden">Fout: </span><?cs var:Admin.Message ?></p><?cs /if ?></td>
<td><form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("gebruiker-naam", u.Id) ?>
<label for="u-naam-<?cs var:u.Id ?>" class="visually-hidden">Naam van <?cs var:u.Name ?></label>
<input type="text" id="u-naam-<?cs var:u.Id ?>" name="naam" value="<?cs if:Keep.Actie == "gebruiker-naam" && Keep.Id == u.Id ?><?cs var:Keep.Naam ?><?cs else ?><?cs var:u.Display ?><?cs /if ?>" maxlength="100">
<button type="submit">Naam opslaan</button></form></td>
<?cs if:self ?>
<td><?cs each:ro = Roles ?><?cs if:ro.Name == u.Role ?><?cs var:ro.Label ?><?cs /if ?><?cs /each ?></td>
<td colspan="<?cs if:Auth.Local ?>4<?cs else ?>3<?cs /if ?>">Dit is uw eigen account: een andere beheerder wijzigt uw rol, teams en rechten.</td>
<?cs else ?>
<td><form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("gebruiker-rol", u.Id) ?>
<label for="u-rol-<?cs var:u.Id ?>" class="visually-hidden">Rol van <?cs var:u.Name ?></label>
<select id="u-rol-<?cs var:u.Id ?>" name="rol"<?cs call:adm_described(u) ?>><?cs each:ro = Roles ?><option value="<?cs var:ro.Name ?>"<?cs if:ro.Name == u.Role ?> selected<?cs /if ?>><?cs var:ro.Label ?></option><?cs /each ?></select>
<button type="submit">Rol opslaan</button></form></td>
<td><ul class="plain"><?cs each:t = Teams ?><?cs set:mem = Member[u.Id][t.Id] ?>
<li><form method="post" action="<?cs var:Page.Mount ?>/beheer" class="inline"><?cs call:hidden("gebruiker-team", u.Id) ?>
<input type="hidden" name="team" value="<?cs var:t.Id ?>"><input type="hidden" name="aan" value="<?cs if:mem ?>0<?cs else ?>1<?cs /if ?>">
<?cs var:t.Name ?>: <?cs if:mem ?>lid <button type="submit">Uit team halen</button><?cs else ?>geen lid <button type="submit">In team zetten</button><?cs /if ?></form></li><?cs /each ?></ul></td>
<td><?cs if:u.Identity == "1" ?>ja<?cs else ?>nee<?cs /if ?><?cs if:u.Role == "handler" || u.Role == "coordinator" || u.Identity == "1" ?>
<form method="post" action="<?cs var:Page.Mount ?>/beheer" class="inline"><?cs call:hidden("gebruiker-identiteit", u.Id) ?>
<input type="hidden" name="aan" value="<?cs if:u.Identity == "1" ?>0<?cs else ?>1<?cs /if ?>">
<button type="submit"><?cs if:u.Identity == "1" ?>Recht afnemen<?cs else ?>Recht geven<?cs /if ?><span class="visually-hidden"> identiteit melder aan <?cs var:u.Name ?></span></button></form><?cs /if ?></td>
<td><?cs if:u.Disabled == "1" ?>uitgeschakeld<?cs else ?>actief<?cs /if ?><?cs call:toggle("gebruiker-actief", u.Id, u.Disabled != "1") ?></td>
<?cs if:Auth.Local ?>
<td><?cs if:u.HasPassword == "1" ?>wachtwoord<?cs else ?>geen wachtwoord<?cs /if ?><?cs if:u.Totp == "1" ?>, tweede factor<?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/beheer" class="inline"><?cs call:hidden("gebruiker-wachtwoord", u.Id) ?>
<button type="submit">Wachtwoord herstellen<span class="visually-hidden"> van <?cs var:u.Name ?></span></button></form><?cs if:u.Totp == "1" ?>
<form method="post" action="<?cs var:Page.Mount ?>/beheer" class="inline"><?cs call:hidden("gebruiker-tweede-factor", u.Id) ?>
<button type="submit">Tweede factor herstellen<span class="visually-hidden"> van <?cs var:u.Name ?></span></button></form><?cs /if ?></td>
<?cs /if ?>
<?cs /if ?>
</tr>
<?cs /each ?>
</tbody>
</table>
<h3>Nieuwe gebruiker</h3>
<p id="nu-hint">Een behandelaar, coördinator of beheerder staat uit tot
een tweede persoon het account bevestigt; een auditor werkt direct.</p>
<form method="post" action="<?cs var:Page.Mount ?>/beheer" aria-describedby="nu-hint"><?cs call:hidden("gebruiker-nieuw", "") ?>
<div class="field"><label for="nu-code">Gebruikersnaam (zoals het portaal hem doorgeeft)</label>
<input type="text" id="nu-code" name="code" maxlength="64" autocomplete="off" value="<?cs if:Keep.Actie == "gebruiker-nieuw" ?><?cs var:Keep.Code ?><?cs /if ?>"></div>
<div class="field"><label for="nu-naam">Naam</label>
<input type="text" id="nu-naam" name="naam" maxlength="100" value="<?cs if:Keep.Actie == "gebruiker-nieuw" ?><?cs var:Keep.Naam ?><?cs /if ?>"></div>
<div class="field"><label for="nu-rol">Rol</label>
<select id="nu-rol" name="rol"><?cs each:ro = Roles ?><option value="<?cs var:ro.Name ?>"<?cs if:Keep.Actie == "gebruiker-nieuw" && Keep.Rol == ro.Name ?> selected<?cs /if ?>><?cs var:ro.Label ?></option><?cs /each ?></select></div>
<p><button type="submit">Gebruiker aanmaken</button></p>
</form>
</section>

<section aria-labelledby="h-teams">
<h2 id="h-teams">Teams</h2>
<table>
<thead><tr><th scope="col">Naam</th><th scope="col">Status</th></tr></thead>
<tbody>
<?cs each:t = Teams ?>
<tr><td><form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("team-naam", t.Id) ?>
<label for="t-naam-<?cs var:t.Id ?>" class="visually-hidden">Naam van team <?cs var:t.Name ?></label>
<input type="text" id="t-naam-<?cs var:t.Id ?>" name="naam" value="<?cs if:Keep.Actie == "team-naam" && Keep.Id == t.Id ?><?cs var:Keep.Naam ?><?cs else ?><?cs var:t.Name ?><?cs /if ?>" maxlength="100">
<button type="submit">Naam opslaan</button></form></td>
<td><?cs if:t.Active == "1" ?>actief<?cs else ?>uitgeschakeld<?cs /if ?><?cs call:toggle("team-actief", t.Id, t.Active == "1") ?></td></tr>
<?cs /each ?>
</tbody>
</table>
<form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("team-nieuw", "") ?>
<div class="field"><label for="nt-naam">Nieuw team</label>
<input type="text" id="nt-naam" name="naam" maxlength="100" value="<?cs if:Keep.Actie == "team-nieuw" ?><?cs var:Keep.Naam ?><?cs /if ?>"></div>
<p><button type="submit">Team aanmaken</button></p>
</form>
</section>

<section aria-labelledby="h-types">
<h2 id="h-types">Signaalsoorten</h2>
<p><a href="<?cs var:Page.Mount ?>/beheer/vragen">Vervolgvragen per signaalsoort</a>: wat het meldformulier bij een soort nog vraagt.</p>
<table>
<thead><tr><th scope="col">Code</th><th scope="col">Naam en omschrijving</th><th scope="col">Status</th></tr></thead>
<tbody>
<?cs each:s = Types ?>
<tr><td><?cs var:s.Slug ?></td>
<td><form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("soort-wijzig", s.Id) ?>
<label for="s-naam-<?cs var:s.Id ?>">Naam</label>
<input type="text" id="s-naam-<?cs var:s.Id ?>" name="naam" value="<?cs if:Keep.Actie == "soort-wijzig" && Keep.Id == s.Id ?><?cs var:Keep.Naam ?><?cs else ?><?cs var:s.Name ?><?cs /if ?>" maxlength="100">
<label for="s-tekst-<?cs var:s.Id ?>">Omschrijving</label>
<textarea id="s-tekst-<?cs var:s.Id ?>" name="tekst" rows="2" maxlength="500"><?cs if:Keep.Actie == "soort-wijzig" && Keep.Id == s.Id ?><?cs var:Keep.Tekst ?><?cs else ?><?cs var:s.Text ?><?cs /if ?></textarea>
<button type="submit">Opslaan</button></form></td>
<td><?cs if:s.Active == "1" ?>actief<?cs else ?>uitgeschakeld<?cs /if ?><?cs call:toggle("soort-actief", s.Id, s.Active == "1") ?></td></tr>
<?cs /each ?>
</tbody>
</table>
<h3>Nieuwe signaalsoort</h3>
<form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("soort-nieuw", "") ?>
<div class="field"><label for="ns-code">Code (kleine letters, cijfers en -)</label>
<input type="text" id="ns-code" name="code" maxlength="32" autocomplete="off" value="<?cs if:Keep.Actie == "soort-nieuw" ?><?cs var:Keep.Code ?><?cs /if ?>"></div>
<div class="field"><label for="ns-naam">Naam</label>
<input type="text" id="ns-naam" name="naam" maxlength="100" value="<?cs if:Keep.Actie == "soort-nieuw" ?><?cs var:Keep.Naam ?><?cs /if ?>"></div>
<div class="field"><label for="ns-tekst">Omschrijving</label>
<textarea id="ns-tekst" name="tekst" rows="2" maxlength="500"><?cs if:Keep.Actie == "soort-nieuw" ?><?cs var:Keep.Tekst ?><?cs /if ?></textarea></div>
<p><button type="submit">Signaalsoort aanmaken</button></p>
</form>
</section>

<section aria-labelledby="h-aud">
<h2 id="h-aud">Doelgroepen</h2>
<?cs each:a = Audiences ?>
<h3><?cs var:a.Name ?> (<?cs var:a.Slug ?>, <?cs if:a.Active == "1" ?>actief<?cs else ?>uitgeschakeld<?cs /if ?>)</h3>
<form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("publiek-wijzig", a.Id) ?>
<div class="field"><label for="a-naam-<?cs var:a.Id ?>">Naam</label>
<input type="text" id="a-naam-<?cs var:a.Id ?>" name="naam" value="<?cs if:Keep.Actie == "publiek-wijzig" && Keep.Id == a.Id ?><?cs var:Keep.Naam ?><?cs else ?><?cs var:a.Name ?><?cs /if ?>" maxlength="100"></div>
<div class="field"><label for="a-tekst-<?cs var:a.Id ?>">Inleiding</label>
<textarea id="a-tekst-<?cs var:a.Id ?>" name="tekst" rows="3" maxlength="2000"><?cs if:Keep.Actie == "publiek-wijzig" && Keep.Id == a.Id ?><?cs var:Keep.Tekst ?><?cs else ?><?cs var:a.Text ?><?cs /if ?></textarea></div>
<p><button type="submit">Opslaan</button></p></form>
<?cs call:toggle("publiek-actief", a.Id, a.Active == "1") ?>
<p>Signaalsoorten op dit formulier:</p>
<ul class="plain"><?cs each:s = Types ?><?cs set:off = Offer[a.Id][s.Id] ?>
<li><form method="post" action="<?cs var:Page.Mount ?>/beheer" class="inline"><?cs call:hidden("publiek-soort", a.Id) ?>
<input type="hidden" name="soort" value="<?cs var:s.Id ?>"><input type="hidden" name="aan" value="<?cs if:off ?>0<?cs else ?>1<?cs /if ?>">
<?cs var:s.Name ?>: <?cs if:off ?>aangeboden <button type="submit">Weghalen</button><?cs else ?>niet aangeboden <button type="submit">Aanbieden</button><?cs /if ?></form></li><?cs /each ?></ul>
<?cs /each ?>
<h3>Nieuwe doelgroep</h3>
<form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("publiek-nieuw", "") ?>
<div class="field"><label for="na-code">Code (in het adres van het formulier)</label>
<input type="text" id="na-code" name="code" maxlength="32" autocomplete="off" value="<?cs if:Keep.Actie == "publiek-nieuw" ?><?cs var:Keep.Code ?><?cs /if ?>"></div>
<div class="field"><label for="na-naam">Naam</label>
<input type="text" id="na-naam" name="naam" maxlength="100" value="<?cs if:Keep.Actie == "publiek-nieuw" ?><?cs var:Keep.Naam ?><?cs /if ?>"></div>
<div class="field"><label for="na-tekst">Inleiding</label>
<textarea id="na-tekst" name="tekst" rows="3" maxlength="2000"><?cs if:Keep.Actie == "publiek-nieuw" ?><?cs var:Keep.Tekst ?><?cs /if ?></textarea></div>
<p><button type="submit">Doelgroep aanmaken</button></p>
</form>
<?cs # The catalogue in the other languages of the public pages (issue
     17, sql/051): Lang.List is every language switched on, Dutch
     first; Tr.<kind>.<id>.<lang> the translations there are. ?>
<h2 id="h-vertalingen">Vertalingen van signaalsoorten en doelgroepen</h2>
<?cs if:subcount(Lang.List) < 2 ?><p id="translations-off">Alleen het Nederlands staat aan (i18n.languages).</p><?cs else ?>
<p>Een formulier in een andere taal toont deze namen en teksten; ontbreekt een vertaling, dan toont het de Nederlandse.</p>
<h3 id="h-ontbrekend">Ontbrekende vertalingen</h3>
<ul id="missing-translations"><?cs set:Missing = #0 ?><?cs
each:s = Types ?><?cs each:l = Lang.List ?><?cs if:l.Code != "nl" && !Tr.signal_type[s.Id][l.Code].Name ?><?cs set:Missing = Missing + #1 ?>
<li>Signaalsoort <?cs var:s.Name ?>: <span lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></span></li><?cs /if ?><?cs /each ?><?cs /each ?><?cs
each:a = Audiences ?><?cs each:l = Lang.List ?><?cs if:l.Code != "nl" && !Tr.audience[a.Id][l.Code].Name ?><?cs set:Missing = Missing + #1 ?>
<li>Doelgroep <?cs var:a.Name ?>: <span lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></span></li><?cs /if ?><?cs /each ?><?cs /each ?>
</ul><?cs if:Missing == #0 ?><p id="nothing-missing">Er ontbreekt geen vertaling.</p><?cs /if ?>
<?cs each:s = Types ?>
<h3>Signaalsoort <?cs var:s.Name ?></h3>
<?cs each:l = Lang.List ?><?cs if:l.Code != "nl" ?>
<form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("soort-taal", s.Id) ?>
<input type="hidden" name="taal" value="<?cs var:l.Code ?>">
<div class="field"><label for="tr-s-<?cs var:s.Id ?>-<?cs var:l.Code ?>-naam">Naam (<span lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></span>)<?cs if:!Tr.signal_type[s.Id][l.Code].Name ?> (ontbreekt: het formulier toont de Nederlandse naam)<?cs /if ?></label>
<input type="text" id="tr-s-<?cs var:s.Id ?>-<?cs var:l.Code ?>-naam" name="naam" lang="<?cs var:l.Code ?>" dir="auto" value="<?cs var:Tr.signal_type[s.Id][l.Code].Name ?>" maxlength="100"></div>
<div class="field"><label for="tr-s-<?cs var:s.Id ?>-<?cs var:l.Code ?>-tekst">Omschrijving (<span lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></span>)</label>
<textarea id="tr-s-<?cs var:s.Id ?>-<?cs var:l.Code ?>-tekst" name="tekst" lang="<?cs var:l.Code ?>" dir="auto" rows="2" maxlength="500"><?cs var:Tr.signal_type[s.Id][l.Code].Text ?></textarea></div>
<p><button type="submit">Vertaling opslaan</button></p></form><?cs /if ?><?cs /each ?>
<?cs /each ?>
<?cs each:a = Audiences ?>
<h3>Doelgroep <?cs var:a.Name ?></h3>
<?cs each:l = Lang.List ?><?cs if:l.Code != "nl" ?>
<form method="post" action="<?cs var:Page.Mount ?>/beheer"><?cs call:hidden("publiek-taal", a.Id) ?>
<input type="hidden" name="taal" value="<?cs var:l.Code ?>">
<div class="field"><label for="tr-a-<?cs var:a.Id ?>-<?cs var:l.Code ?>-naam">Naam (<span lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></span>)<?cs if:!Tr.audience[a.Id][l.Code].Name ?> (ontbreekt: het formulier toont de Nederlandse naam)<?cs /if ?></label>
<input type="text" id="tr-a-<?cs var:a.Id ?>-<?cs var:l.Code ?>-naam" name="naam" lang="<?cs var:l.Code ?>" dir="auto" value="<?cs var:Tr.audience[a.Id][l.Code].Name ?>" maxlength="100"></div>
<div class="field"><label for="tr-a-<?cs var:a.Id ?>-<?cs var:l.Code ?>-tekst">Inleiding (<span lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></span>)</label>
<textarea id="tr-a-<?cs var:a.Id ?>-<?cs var:l.Code ?>-tekst" name="tekst" lang="<?cs var:l.Code ?>" dir="auto" rows="3" maxlength="2000"><?cs var:Tr.audience[a.Id][l.Code].Text ?></textarea></div>
<p><button type="submit">Vertaling opslaan</button></p></form><?cs /if ?><?cs /each ?>
<?cs /each ?>
<?cs /if ?>
</section>
<?cs call:dash_end() ?>
