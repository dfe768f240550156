<?cs # journal.cs -- the journal of a dossier, included by dossier.cs
     (cgi/dashboard/journal.c): the open tasks, earliest due first,
     overdue said in words ("over tijd"), then the journal newest
     first (as the history), then the forms for a note, a decision and
     a task.  A decision has no edit form: a later one may replace it,
     and both show the chain.  Every var: is HTML-escaped; d_error and
     d_described are dossier.cs's. ?><?cs
def:j_form(act) ?><form method="post" action="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/journaal" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="<?cs var:act ?>"><?cs /def ?>
<h2 id="taken">Open taken</h2>
<?cs if:subcount(J.Open) == 0 ?><p id="tasks-none">Geen open taken.</p><?cs else ?>
<table class="list" id="open-tasks">
<caption>Open taken, vroegste uiterste datum eerst (vandaag: <?cs call:nl_date(J.Today) ?>)</caption>
<thead><tr><th scope="col">Taak</th><th scope="col">Soort</th><th scope="col">Uitvoerder</th><th scope="col">Uiterlijk</th><th scope="col">Omschrijving</th></tr></thead>
<tbody><?cs each:t = J.Open ?><tr id="open-<?cs var:t.Id ?>"><td><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/taak/<?cs var:t.Id ?>">Taak <?cs var:t.Id ?></a></td><td><?cs var:t.Type ?></td><td><?cs var:t.Assignee ?></td><td><?cs call:nl_date(t.Due) ?><?cs if:t.Overdue ?> <strong class="overdue">over tijd</strong><?cs /if ?></td><td class="text"><?cs var:t.Body ?></td></tr>
<?cs /each ?></tbody></table><?cs /if ?>
<h2 id="journaal">Journaal</h2>
<p>Notities, besluiten en taken, nieuwste eerst.</p>
<?cs if:subcount(J.E) == 0 ?><p id="journal-none">Het journaal is nog leeg.</p><?cs else ?>
<?cs def:j_pager(where) ?><?cs if:Pg.J.Pages > 1 ?><nav class="pager" id="journal-pages-<?cs var:where ?>" aria-label="Pagina's van het journaal (<?cs var:where ?>)"><p>Journaal, pagina <?cs var:Pg.J.Page ?> van <?cs var:Pg.J.Pages ?> (<?cs var:Pg.J.Count ?> in totaal, <?cs var:Pg.J.Size ?> per pagina).</p><ul>
<?cs if:Pg.J.Newer ?><li><a class="newer" href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:Pg.J.Newer ?>&amp;historie=<?cs var:Pg.H.Page ?>&amp;meldingen=<?cs var:Pg.R.Page ?>#journaal">Nieuwere notities<span class="visually-hidden"> (pagina <?cs var:Pg.J.Newer ?>)</span></a></li><?cs /if ?>
<?cs if:Pg.J.Older ?><li><a class="older" href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:Pg.J.Older ?>&amp;historie=<?cs var:Pg.H.Page ?>&amp;meldingen=<?cs var:Pg.R.Page ?>#journaal">Oudere notities<span class="visually-hidden"> (pagina <?cs var:Pg.J.Older ?>)</span></a></li><?cs /if ?>
</ul></nav><?cs /if ?><?cs /def ?>
<?cs call:j_pager("boven") ?>
<ol class="journal" id="journal" reversed start="<?cs var:Pg.J.Start ?>"><?cs each:e = J.E ?><li id="<?cs if:e.Kind == "task" ?>taak<?cs elif:e.Kind == "decision" ?>besluit<?cs else ?>notitie<?cs /if ?>-<?cs var:e.Id ?>" data-kind="<?cs var:e.Kind ?>">
<p><strong><?cs if:e.Kind == "task" ?>Taak<?cs elif:e.Kind == "decision" ?>Besluit<?cs else ?>Notitie<?cs /if ?> <?cs var:e.Id ?></strong> &middot; <?cs var:e.At ?> &middot; <?cs var:e.Author ?></p>
<?cs if:e.Kind == "decision" ?><dl class="summary">
<dt>Besloten</dt><dd class="text"><?cs var:e.Body ?></dd>
<dt>Reden</dt><dd class="text"><?cs var:e.Reason ?></dd>
<dt>Besloten door</dt><dd><?cs var:e.DecidedBy ?>, op <?cs call:nl_date(e.DecidedOn) ?></dd>
<?cs if:e.Replaces ?><dt>Vervangt</dt><dd><a href="<?cs if:e.ReplacesPage ?><?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:e.ReplacesPage ?>&amp;historie=<?cs var:Pg.H.Page ?>&amp;meldingen=<?cs var:Pg.R.Page ?><?cs /if ?>#besluit-<?cs var:e.Replaces ?>">besluit <?cs var:e.Replaces ?></a></dd><?cs /if ?>
<?cs if:e.ReplacedBy ?><dt>Vervangen door</dt><dd class="replaced"><a href="<?cs if:e.ReplacedByPage ?><?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:e.ReplacedByPage ?>&amp;historie=<?cs var:Pg.H.Page ?>&amp;meldingen=<?cs var:Pg.R.Page ?><?cs /if ?>#besluit-<?cs var:e.ReplacedBy ?>">besluit <?cs var:e.ReplacedBy ?></a> (dit besluit geldt niet meer)</dd><?cs /if ?>
</dl><?cs elif:e.Kind == "task" ?><dl class="summary">
<dt>Soort</dt><dd><?cs var:e.Type ?></dd>
<dt>Omschrijving</dt><dd class="text"><?cs var:e.Body ?></dd>
<dt>Uitvoerder</dt><dd><?cs var:e.Assignee ?></dd>
<dt>Uiterlijk</dt><dd><?cs call:nl_date(e.Due) ?><?cs if:e.Overdue ?> <strong class="overdue">over tijd</strong><?cs /if ?></dd>
<dt>Status</dt><dd data-status="<?cs var:e.Status ?>"><?cs var:e.StatusLabel ?></dd>
<?cs if:e.Outcome ?><dt>Resultaat</dt><dd><?cs var:e.Outcome ?></dd><?cs /if ?>
<?cs if:e.Note ?><dt>Toelichting</dt><dd class="text"><?cs var:e.Note ?></dd><?cs /if ?>
</dl><p><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/taak/<?cs var:e.Id ?>">Taak <?cs var:e.Id ?> bekijken<?cs if:Can.DossierWork ?> of wijzigen<?cs /if ?></a></p><?cs else ?><div class="text"><?cs var:e.Body ?></div><?cs /if ?>
</li>
<?cs /each ?></ol><?cs call:j_pager("onder") ?><?cs /if ?>
<?cs if:Can.DossierWork ?>
<h3 id="notitie-nieuw">Notitie toevoegen</h3>
<?cs call:j_form("notitie") ?>
<div class="field"><label for="notitie-tekst">Notitie</label><?cs call:d_error("notitie-tekst") ?>
<textarea id="notitie-tekst" name="notitie-tekst" rows="4" required<?cs call:d_described("notitie-tekst") ?>><?cs var:J.Keep.Note ?></textarea></div>
<button type="submit">Notitie toevoegen</button></form>
<h3 id="besluit-nieuw">Besluit vastleggen</h3>
<p>Een besluit wordt nooit gewijzigd. Is er anders besloten, leg dan een nieuw besluit vast dat het eerdere vervangt.</p>
<?cs call:j_form("besluit") ?>
<div class="field"><label for="besluit-wat">Wat is besloten</label><?cs call:d_error("besluit-wat") ?>
<textarea id="besluit-wat" name="besluit-wat" rows="3" required<?cs call:d_described("besluit-wat") ?>><?cs var:J.Keep.DecWhat ?></textarea></div>
<div class="field"><label for="besluit-reden">Reden</label><?cs call:d_error("besluit-reden") ?>
<textarea id="besluit-reden" name="besluit-reden" rows="3" required<?cs call:d_described("besluit-reden") ?>><?cs var:J.Keep.DecWhy ?></textarea></div>
<div class="field"><label for="besluit-door">Besloten door (naam of functie)</label><?cs call:d_error("besluit-door") ?>
<input id="besluit-door" name="besluit-door" maxlength="200" required value="<?cs var:J.Keep.DecBy ?>"<?cs call:d_described("besluit-door") ?>></div>
<div class="field"><label for="besluit-datum">Datum van het besluit (dd-mm-jjjj of jjjj-mm-dd)</label><?cs call:d_error("besluit-datum") ?>
<input id="besluit-datum" name="besluit-datum" type="date" required value="<?cs var:J.Keep.DecOn ?>"<?cs call:d_described("besluit-datum") ?>></div>
<div class="field"><label for="besluit-vervangt">Vervangt besluit</label><?cs call:d_error("besluit-vervangt") ?>
<select id="besluit-vervangt" name="besluit-vervangt"<?cs call:d_described("besluit-vervangt") ?>><option value="">geen</option><?cs each:c = J.Cur ?><option value="<?cs var:c.Id ?>"<?cs if:c.Sel ?> selected<?cs /if ?>>besluit <?cs var:c.Id ?> (<?cs var:c.On ?>): <?cs var:c.Body ?></option><?cs /each ?></select></div>
<button type="submit">Besluit vastleggen</button></form>
<h3 id="taak-nieuw">Taak of interventie toevoegen</h3>
<?cs call:j_form("taak") ?>
<div class="field"><label for="taak-soort">Soort</label><?cs call:d_error("taak-soort") ?>
<select id="taak-soort" name="taak-soort"<?cs call:d_described("taak-soort") ?>><?cs each:o = J.Types ?><option value="<?cs var:o.Name ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?></select></div>
<div class="field"><label for="taak-omschrijving">Omschrijving</label><?cs call:d_error("taak-omschrijving") ?>
<textarea id="taak-omschrijving" name="taak-omschrijving" rows="3" required<?cs call:d_described("taak-omschrijving") ?>><?cs var:J.Keep.TaskBody ?></textarea></div>
<div class="field"><label for="taak-uitvoerder">Uitvoerder</label><?cs call:d_error("taak-uitvoerder") ?>
<select id="taak-uitvoerder" name="taak-uitvoerder"<?cs call:d_described("taak-uitvoerder") ?>><?cs each:c = J.Cand ?><option value="<?cs var:c.Id ?>"<?cs if:c.Sel ?> selected<?cs /if ?>><?cs var:c.Display ?> (<?cs var:c.Name ?>)</option><?cs /each ?></select></div>
<div class="field"><label for="taak-datum">Uiterste datum (dd-mm-jjjj of jjjj-mm-dd)</label><?cs call:d_error("taak-datum") ?>
<input id="taak-datum" name="taak-datum" type="date" required value="<?cs var:J.Keep.TaskDue ?>"<?cs call:d_described("taak-datum") ?>></div>
<button type="submit">Taak toevoegen</button></form>
<?cs /if ?>
