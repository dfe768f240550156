<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Auditlog</h1>
<?cs if:Audit.Bad ?><p class="message" role="alert" id="message">Een of meer filters waren ongeldig en zijn genegeerd.</p><?cs /if ?>
<?cs if:Audit.NoRef ?><p class="message" role="status" id="noref">Er is geen melding met dit kenmerk.</p><?cs /if ?>
<form method="get" action="<?cs var:Page.Mount ?>/audit" class="filters">
<fieldset><legend>Filters</legend>
<div class="field"><label for="a-gebruiker">Gebruiker</label><input id="a-gebruiker" name="gebruiker" value="<?cs var:Audit.F.User ?>"></div>
<div class="field"><label for="a-melding">Melding (kenmerk of nummer)</label><input id="a-melding" name="melding" aria-describedby="a-melding-hint" value="<?cs var:Audit.F.Report ?>"><p class="hint" id="a-melding-hint">Bijvoorbeeld M-2026-000308.</p></div>
<div class="field"><label for="a-actie">Actie</label><input id="a-actie" name="actie" value="<?cs var:Audit.F.Action ?>"></div>
<div class="field"><label for="a-van">Vanaf</label><input id="a-van" name="van" type="date" value="<?cs var:Audit.F.From ?>"></div>
<div class="field"><label for="a-tot">Tot en met</label><input id="a-tot" name="tot" type="date" value="<?cs var:Audit.F.To ?>"></div>
<button type="submit">Filteren</button>
</fieldset></form>
<table class="audit"><caption>Auditlog, nieuwste eerst (pagina <?cs var:Audit.Page ?>)</caption>
<thead><tr><th scope="col">Tijd</th><th scope="col">Gebruiker</th><th scope="col">Actie</th><th scope="col">Object</th><th scope="col">Adres</th><th scope="col">Details</th></tr></thead>
<tbody>
<?cs each:a = Audit.Rows ?><tr><td><?cs var:a.At ?></td><td><?cs var:a.User ?></td><td><?cs var:a.Action ?></td><td><?cs var:a.Type ?><?cs if:a.Object ?> <?cs var:a.Object ?><?cs /if ?></td><td><?cs var:a.Client ?></td><td><?cs var:a.Detail ?></td></tr>
<?cs /each ?></tbody></table>
<?cs if:Audit.Next ?><p><a rel="next" href="<?cs var:Page.Mount ?>/audit?gebruiker=<?cs var:url_escape(Audit.F.User) ?>&amp;melding=<?cs var:url_escape(Audit.F.Report) ?>&amp;actie=<?cs var:url_escape(Audit.F.Action) ?>&amp;van=<?cs var:Audit.F.From ?>&amp;tot=<?cs var:Audit.F.To ?>&amp;pagina=<?cs var:Audit.Next ?>">Volgende</a></p><?cs /if ?>
<?cs call:dash_end() ?>
