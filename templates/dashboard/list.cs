<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Werklijst</h1>
<?cs if:List.Bad ?><p class="message" role="alert" id="message">Een of meer filters waren ongeldig en zijn genegeerd.</p><?cs /if ?>
<h2>Aantallen per status</h2>
<ul class="counts">
<?cs each:c = List.Counts ?><li><a href="<?cs var:Page.Mount ?>/?status=<?cs var:url_escape(c.Status) ?>"><?cs var:c.Status ?></a>: <span class="count"><?cs var:c.N ?></span></li>
<?cs /each ?></ul>
<form method="get" action="<?cs var:Page.Mount ?>/" class="filters">
<fieldset><legend>Filters</legend>
<div class="field"><label for="f-status">Status</label>
<select id="f-status" name="status"><option value="">alle</option>
<?cs each:c = List.Counts ?><option<?cs if:c.Status == List.F.Status ?> selected<?cs /if ?>><?cs var:c.Status ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="f-soort">Soort</label>
<select id="f-soort" name="soort"><option value="">alle</option>
<?cs each:o = List.Opt.Types ?><option value="<?cs var:o.Id ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="f-team">Team</label>
<select id="f-team" name="team"><option value="">alle</option>
<?cs each:o = List.Opt.Teams ?><option value="<?cs var:o.Id ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="f-behandelaar">Behandelaar</label>
<select id="f-behandelaar" name="behandelaar"><option value="">alle</option>
<?cs each:o = List.Opt.Handlers ?><option value="<?cs var:o.Id ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="f-doelgroep">Doelgroep</label>
<select id="f-doelgroep" name="doelgroep"><option value="">alle</option>
<?cs each:o = List.Opt.Audiences ?><option value="<?cs var:o.Id ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="f-kanaal">Kanaal</label>
<select id="f-kanaal" name="kanaal"><option value="">alle</option>
<option<?cs if:List.F.Channel == "web" ?> selected<?cs /if ?>>web</option>
<option<?cs if:List.F.Channel == "intranet" ?> selected<?cs /if ?>>intranet</option>
<option<?cs if:List.F.Channel == "telefoon" ?> selected<?cs /if ?>>telefoon</option>
<option<?cs if:List.F.Channel == "email" ?> selected<?cs /if ?>>email</option>
</select></div>
<div class="field"><label for="f-van">Ontvangen vanaf</label>
<input id="f-van" name="van" type="date" value="<?cs var:List.F.From ?>"></div>
<div class="field"><label for="f-tot">tot en met</label>
<input id="f-tot" name="tot" type="date" value="<?cs var:List.F.To ?>"></div>
<div class="field"><label for="f-q">Zoeken in omschrijving en plaats</label>
<input id="f-q" name="q" type="search" maxlength="100" value="<?cs var:List.F.Q ?>"></div>
<button type="submit">Filteren</button>
</fieldset>
</form>
<?cs if:Can.Export ?><p><a id="export-csv" href="<?cs var:Page.Mount ?>/export?<?cs var:List.Query ?>">Exporteer deze selectie als CSV</a> (alle meldingen die aan de filters voldoen, zonder gegevens van de melder)</p><?cs /if ?>
<?cs if:List.Count == 0 ?><p id="empty">Geen meldingen gevonden.</p><?cs else ?>
<table class="worklist">
<caption>Meldingen, nieuwste eerst (pagina <?cs var:List.Page ?>)</caption>
<thead><tr><th scope="col">Melding</th><th scope="col">Ontvangen</th><th scope="col">Status</th><th scope="col">Soort</th><th scope="col">Team</th><th scope="col">Behandelaar</th><th scope="col">Kanaal</th><th scope="col">Waar</th><th scope="col">Omschrijving</th></tr></thead>
<tbody>
<?cs each:row = List.Rows ?><tr<?cs if:row.LateTake || row.LateClose ?> class="late"<?cs /if ?>>
<td><a href="<?cs var:Page.Mount ?>/melding/<?cs var:row.Id ?>"><?cs var:row.Reference ?></a><?cs if:row.Unread ?><br><strong class="unread">nieuw antwoord (<?cs var:row.Unread ?>)</strong><?cs /if ?></td>
<td><?cs var:row.Received ?><br><span class="small"><?cs var:row.Age ?></span></td>
<td><?cs call:status_badge(row.Status) ?><?cs if:row.LateTake ?> <strong class="overdue take">niet opgepakt</strong><?cs /if ?><?cs if:row.LateClose ?> <strong class="overdue close">te lang open</strong><?cs /if ?></td>
<td><?cs var:row.Type ?></td><td><?cs var:row.Team ?></td><td><?cs var:row.Handler ?></td><td><?cs var:row.Channel ?></td>
<td><?cs var:row.Where ?></td><td><span class="clamp"><?cs var:row.Summary ?></span></td>
</tr>
<?cs /each ?></tbody></table>
<?cs /if ?>
<nav aria-label="Pagina's"><p>
<?cs if:List.Prev ?><a rel="prev" href="<?cs var:Page.Mount ?>/?<?cs var:List.Query ?>&amp;pagina=<?cs var:List.Prev ?>">Vorige</a><?cs /if ?>
<?cs if:List.Next ?><a rel="next" href="<?cs var:Page.Mount ?>/?<?cs var:List.Query ?>&amp;pagina=<?cs var:List.Next ?>">Volgende</a><?cs /if ?>
</p></nav>
<?cs call:dash_end() ?>
