<?cs # dossier.cs -- one dossier (cgi/dashboard/dossier.c): summary and
     status, analysis with its versions, reports (a report the viewer
     may not see is one line "in een ander team"), subjects, members,
     history.  Every form a POST with the CSRF token; every var: is
     HTML-escaped.  Later parts go at the HOOK: marks. ?><?cs
include:"dashboard/layout.cs" ?><?cs
def:d_error(id) ?><?cs if:FieldErr == id ?>
<p class="error" id="<?cs var:id ?>-fout"><span class="visually-hidden">Fout: </span><?cs var:Message ?></p><?cs /if ?><?cs /def ?><?cs
def:d_described(id) ?><?cs if:FieldErr == id ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-fout"<?cs /if ?><?cs /def ?><?cs
def:d_form(act) ?><form method="post" action="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="<?cs var:act ?>"><?cs /def ?><?cs
call:dash_begin() ?>
<h1><span id="number"><?cs var:D.Number ?></span>: <span id="title"><?cs var:D.Title ?></span></h1>
<?cs if:Message ?><p class="message" role="alert" id="message"><?cs var:Message ?></p><?cs /if ?>
<?cs # Two columns on a wide screen (meldpunt.css, .columns): the
     dossier, its reports, subjects and members; then its journal and
     documents.  One column, in this order, on a phone. ?>
<div class="columns">
<div class="column-main">
<dl class="summary" id="summary">
<dt>Thema</dt><dd id="theme"><?cs var:D.Theme ?></dd>
<dt>Status</dt><dd id="status"><?cs call:status_badge(D.Status) ?></dd>
<?cs if:D.Outcome ?><dt>Resultaat</dt><dd id="outcome"><?cs var:D.Outcome ?></dd><?cs /if ?>
<dt>Team</dt><dd id="team"><?cs var:D.Team ?></dd>
<dt>Aangemaakt</dt><dd><?cs var:D.Created ?></dd>
<?cs if:D.Closed ?><dt>Afgesloten</dt><dd><?cs var:D.Closed ?></dd><?cs /if ?>
</dl>
<?cs # HOOK: the print view's link ("Afdrukken") goes here. ?>
<p><a id="print-link" href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/afdrukken">Afdrukken<span class="visually-hidden"> (dossier <?cs var:D.Number ?>)</span></a></p>
<?cs if:Can.DossierWork && subcount(Next) > 0 ?>
<h2 id="status-wijzigen">Status wijzigen</h2>
<?cs call:d_form("status") ?><input type="hidden" name="versie" value="<?cs var:D.Version ?>">
<div class="field"><label for="dossier-status">Nieuwe status</label><?cs call:d_error("dossier-status") ?>
<select id="dossier-status" name="naar"<?cs call:d_described("dossier-status") ?>><?cs each:n = Next ?><option value="<?cs var:n.To ?>"<?cs if:Keep.Actie == "status" && Keep.Naar == n.To ?> selected<?cs /if ?>><?cs var:n.Label ?> (<?cs var:n.To ?>)</option><?cs /each ?></select></div>
<div class="field"><label for="dossier-resultaat">Resultaat (verplicht bij afsluiten)</label><?cs call:d_error("dossier-resultaat") ?>
<select id="dossier-resultaat" name="resultaat"<?cs call:d_described("dossier-resultaat") ?>><option value="">geen</option><?cs each:o = List.Outcomes ?><option value="<?cs var:o.Name ?>"<?cs if:Keep.Actie == "status" && Keep.Resultaat == o.Name ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?></select></div>
<button type="submit">Status wijzigen</button></form>
<?cs /if ?>
<h2 id="analyse">Analyse</h2>
<?cs if:A.Version ?><div class="text" id="analysis-text"><?cs var:A.Text ?></div><p>Versie <?cs var:A.Version ?></p><?cs else ?><p id="analysis-none">Nog geen analyse.</p><?cs /if ?>
<?cs if:Can.DossierWork ?>
<?cs call:d_form("analyse") ?><input type="hidden" name="versie" value="<?cs if:A.Mine ?><?cs var:A.Version ?><?cs else ?><?cs var:A.Version + 0 ?><?cs /if ?>">
<div class="field"><label for="dossier-analyse">Analyse: wat is bekend, wat is de hypothese?</label><?cs call:d_error("dossier-analyse") ?>
<textarea id="dossier-analyse" name="tekst" rows="8"<?cs call:d_described("dossier-analyse") ?>><?cs if:A.Mine ?><?cs var:A.Mine ?><?cs else ?><?cs var:A.Text ?><?cs /if ?></textarea></div>
<button type="submit">Analyse opslaan</button></form>
<?cs /if ?>
<?cs if:subcount(A.Ver) > 1 ?><details id="versions"><summary>Eerdere versies (<?cs var:subcount(A.Ver) ?>)</summary>
<ol class="history"><?cs each:x = A.Ver ?><li>Versie <?cs var:x.Version ?>, <?cs var:x.At ?>, <?cs var:x.Author ?>: <span class="text"><?cs var:x.Text ?></span></li><?cs /each ?></ol></details><?cs /if ?>
<h2 id="meldingen">Meldingen</h2>
<?cs def:r_pager(where) ?><?cs if:Pg.R.Pages > 1 ?><nav class="pager" id="report-pages-<?cs var:where ?>" aria-label="Pagina's van de meldingen (<?cs var:where ?>)"><p>Meldingen, pagina <?cs var:Pg.R.Page ?> van <?cs var:Pg.R.Pages ?> (<?cs var:Pg.R.Count ?> in totaal, <?cs var:Pg.R.Size ?> per pagina).</p><ul>
<?cs if:Pg.R.Newer ?><li><a class="newer" href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:Pg.J.Page ?>&amp;historie=<?cs var:Pg.H.Page ?>&amp;meldingen=<?cs var:Pg.R.Newer ?>#meldingen">Later toegevoegde meldingen<span class="visually-hidden"> (pagina <?cs var:Pg.R.Newer ?>)</span></a></li><?cs /if ?>
<?cs if:Pg.R.Older ?><li><a class="older" href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:Pg.J.Page ?>&amp;historie=<?cs var:Pg.H.Page ?>&amp;meldingen=<?cs var:Pg.R.Older ?>#meldingen">Eerder toegevoegde meldingen<span class="visually-hidden"> (pagina <?cs var:Pg.R.Older ?>)</span></a></li><?cs /if ?>
</ul></nav><?cs /if ?><?cs /def ?>
<?cs if:subcount(Rep) == 0 ?><p>Nog geen meldingen in dit dossier.</p><?cs else ?>
<?cs call:r_pager("boven") ?>
<ul id="reports"><?cs each:x = Rep ?><li><?cs if:x.Visible ?><a href="<?cs var:Page.Mount ?>/melding/<?cs var:x.Id ?>"><?cs var:x.Reference ?></a> &middot; <?cs var:x.Type ?> &middot; <?cs call:status_badge(x.Status) ?> &middot; <?cs var:x.Date ?><?cs if:Can.DossierWork ?> <?cs call:d_form("melding-weg") ?><input type="hidden" name="melding" value="<?cs var:x.Id ?>"><button type="submit" class="secondary">Uit dossier halen<span class="visually-hidden"> (<?cs var:x.Reference ?>)</span></button></form><?cs /if ?><?cs else ?><span class="other-team">melding in een ander team &mdash; vraag een coördinator</span><?cs /if ?></li>
<?cs /each ?></ul><?cs call:r_pager("onder") ?><?cs /if ?>
<?cs if:Can.DossierWork ?><?cs call:d_form("melding") ?>
<div class="field"><label for="dossier-melding">Melding toevoegen (kenmerk of nummer)</label><?cs call:d_error("dossier-melding") ?>
<input id="dossier-melding" name="melding" maxlength="24"<?cs call:d_described("dossier-melding") ?> value="<?cs if:Keep.Actie == "melding" ?><?cs var:Keep.Melding ?><?cs /if ?>"></div>
<button type="submit">Toevoegen</button></form><?cs /if ?>
<h2 id="onderwerpen">Onderwerpen</h2>
<?cs if:subcount(Subj) == 0 ?><p>Geen onderwerpen.</p><?cs else ?>
<ul id="subjects"><?cs each:s = Subj ?><li><?cs var:s.Kind ?>: <a href="<?cs var:Page.Mount ?>/onderwerp/<?cs var:s.Id ?>"><?cs var:s.Display ?></a><?cs if:s.Direct ?> (direct aan dossier)<?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:Can.DossierWork ?><?cs call:d_form("onderwerp") ?>
<div class="field"><label for="onderwerp-soort">Soort onderwerp</label><?cs call:d_error("onderwerp-soort") ?>
<select id="onderwerp-soort" name="soort"<?cs call:d_described("onderwerp-soort") ?>><?cs each:k = Opt.Kinds ?><option value="<?cs var:k.Name ?>"<?cs if:Keep.Actie == "onderwerp" && Keep.Soort == k.Name ?> selected<?cs /if ?>><?cs var:k.Name ?></option><?cs /each ?></select></div>
<div class="field"><label for="onderwerp-waarde">Waarde</label><?cs call:d_error("onderwerp-waarde") ?>
<input id="onderwerp-waarde" name="waarde" maxlength="255"<?cs call:d_described("onderwerp-waarde") ?> value="<?cs if:Keep.Actie == "onderwerp" ?><?cs var:Keep.Waarde ?><?cs /if ?>"></div>
<button type="submit">Onderwerp toevoegen</button></form><?cs /if ?>
<h2 id="leden">Leden buiten het team</h2>
<?cs if:subcount(Mem) == 0 ?><p>Geen leden buiten het team.</p><?cs else ?>
<ul id="members"><?cs each:m = Mem ?><li><?cs var:m.Display ?> (<?cs var:m.Name ?>)<?cs if:Can.DossierManage ?> <?cs call:d_form("lid-weg") ?><input type="hidden" name="gebruiker" value="<?cs var:m.Id ?>"><button type="submit" class="secondary">Verwijderen<span class="visually-hidden"> (<?cs var:m.Name ?>)</span></button></form><?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:Can.DossierManage ?><?cs call:d_form("lid") ?>
<div class="field"><label for="dossier-lid">Lid toevoegen (gebruikersnaam)</label><?cs call:d_error("dossier-lid") ?>
<input id="dossier-lid" name="gebruiker" maxlength="64"<?cs call:d_described("dossier-lid") ?> value="<?cs if:Keep.Actie == "lid" ?><?cs var:Keep.Gebruiker ?><?cs /if ?>"></div>
<button type="submit">Lid toevoegen</button></form><?cs /if ?>
</div>
<div class="column-side">
<?cs # HOOK: the journal (notes, decisions, tasks with due dates and
     overdue marked) and the documents go here, before the history. ?>
<?cs include:"dashboard/journal.cs" ?>
<h2 id="documenten">Documenten</h2>
<?cs if:subcount(Doc) == 0 ?><p id="documents-none">Nog geen documenten.</p><?cs else ?>
<ul id="documents"><?cs each:x = Doc ?><li><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/document/<?cs var:x.Id ?>" download><?cs var:x.Name ?></a> &middot; <?cs var:x.Size ?> &middot; <?cs var:x.Uploader ?> &middot; <?cs var:x.At ?> &middot; <span class="sha">SHA-256 <?cs var:x.Sha ?></span><?cs if:Can.DossierWork && (x.Mine || Can.DossierManage) ?> <form method="post" action="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/document/<?cs var:x.Id ?>/verwijderen" class="action"><input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><button type="submit" class="secondary">Verwijderen<span class="visually-hidden"> (<?cs var:x.Name ?>)</span></button></form><?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:Can.DossierWork ?><form method="post" action="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/documenten" enctype="multipart/form-data" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<div class="field"><label for="document-bestand">Document toevoegen</label>
<p class="hint" id="document-bestand-hint">Een foto (JPEG of PNG) of PDF van hoogstens <?cs var:DocMaxMb ?> MB.</p><?cs call:d_error("document-bestand") ?>
<input id="document-bestand" name="document-bestand" type="file" accept="image/jpeg,image/png,application/pdf" aria-describedby="document-bestand-hint<?cs if:FieldErr == "document-bestand" ?> document-bestand-fout<?cs /if ?>"<?cs if:FieldErr == "document-bestand" ?> aria-invalid="true"<?cs /if ?>></div>
<button type="submit">Document toevoegen</button></form><?cs /if ?>
</div>
</div>
<h2 id="geschiedenis">Geschiedenis</h2>
<?cs def:h_pager(where) ?><?cs if:Pg.H.Pages > 1 ?><nav class="pager" id="history-pages-<?cs var:where ?>" aria-label="Pagina's van de geschiedenis (<?cs var:where ?>)"><p>Geschiedenis, pagina <?cs var:Pg.H.Page ?> van <?cs var:Pg.H.Pages ?> (<?cs var:Pg.H.Count ?> in totaal, <?cs var:Pg.H.Size ?> per pagina).</p><ul>
<?cs if:Pg.H.Newer ?><li><a class="newer" href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:Pg.J.Page ?>&amp;historie=<?cs var:Pg.H.Newer ?>&amp;meldingen=<?cs var:Pg.R.Page ?>#geschiedenis">Nieuwere geschiedenis<span class="visually-hidden"> (pagina <?cs var:Pg.H.Newer ?>)</span></a></li><?cs /if ?>
<?cs if:Pg.H.Older ?><li><a class="older" href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>?journaal=<?cs var:Pg.J.Page ?>&amp;historie=<?cs var:Pg.H.Older ?>&amp;meldingen=<?cs var:Pg.R.Page ?>#geschiedenis">Oudere geschiedenis<span class="visually-hidden"> (pagina <?cs var:Pg.H.Older ?>)</span></a></li><?cs /if ?>
</ul></nav><?cs /if ?><?cs /def ?>
<?cs call:h_pager("boven") ?>
<ol class="history" id="history" start="<?cs var:Pg.H.First ?>"><?cs each:h = Hist ?><li><?cs var:h.At ?> &middot; <?cs var:h.Actor ?> &middot; <?cs var:h.Kind ?><?cs if:h.Old ?>: was <span class="text"><?cs var:h.Old ?></span><?cs /if ?><?cs if:h.New ?>: <span class="text"><?cs var:h.New ?></span><?cs /if ?></li>
<?cs /each ?></ol>
<?cs call:h_pager("onder") ?>
<?cs call:dash_end() ?>
