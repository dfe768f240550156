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
<section aria-labelledby="h-opgeslagen" id="opgeslagen">
<h2 id="h-opgeslagen">Opgeslagen filters</h2>
<?cs if:Saved.Note ?><p class="notice" role="status" id="saved-note"><?cs var:Saved.Note ?></p><?cs /if ?>
<?cs if:subcount(Saved.List) > 0 ?><ul id="saved-filters">
<?cs each:x = Saved.List ?><li><a href="<?cs var:Page.Mount ?>/filter/<?cs var:x.Id ?>"><?cs var:x.Name ?></a>
<form method="post" action="<?cs var:Page.Mount ?>/filters" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="verwijderen"><input type="hidden" name="id" value="<?cs var:x.Id ?>">
<button type="submit" class="secondary">Verwijderen<span class="visually-hidden">: filter <?cs var:x.Name ?></span></button></form></li>
<?cs /each ?></ul><?cs else ?><p>U heeft nog geen filters opgeslagen.</p><?cs /if ?>
<?cs if:List.Query || Saved.Error ?>
<form method="post" action="<?cs var:Page.Mount ?>/filters?<?cs var:List.Query ?>" class="action" novalidate>
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="opslaan">
<div class="field<?cs if:Saved.Error ?> has-error<?cs /if ?>"><label for="f-naam">Naam voor de filters die nu gekozen zijn</label>
<p class="hint" id="f-naam-hint">Ten hoogste <?cs var:Saved.NameMax ?> tekens; u kunt <?cs var:Saved.Max ?> filters bewaren. Alleen u ziet ze.</p>
<?cs if:Saved.Error ?><p class="error" id="f-naam-error"><span class="visually-hidden">Fout: </span><?cs var:Saved.Error ?></p><?cs /if ?>
<input id="f-naam" name="naam" maxlength="<?cs var:Saved.NameMax ?>" value="<?cs var:Saved.Name ?>" aria-describedby="f-naam-hint<?cs if:Saved.Error ?> f-naam-error<?cs /if ?>"<?cs if:Saved.Error ?> aria-invalid="true"<?cs /if ?>></div>
<button type="submit">Filters opslaan</button>
</form>
<?cs else ?><p class="hint">Kies filters en klik op Filteren; daarna kunt u ze hier onder een naam opslaan.</p><?cs /if ?>
</section>
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
