<?cs # dossiers.cs -- the dossier list (cgi/dashboard/dossier.c): counts
     per status, filters as a GET form (no JavaScript, bookmarkable),
     the dossiers newest first, a page at a time.  Every var: is
     HTML-escaped. ?><?cs
include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Dossiers</h1>
<?cs if:Can.DossierNew ?><p><a class="button" href="<?cs var:Page.Mount ?>/dossier/nieuw">Nieuw dossier</a></p><?cs /if ?>
<?cs if:F.Bad ?><p class="message" role="alert" id="message">Een filter had een onbekende waarde en is genegeerd.</p><?cs /if ?>
<?cs # HOOK: "Mijn taken" and the dossier statistics link from here. ?>
<?cs if:Can.Stats ?><p><a id="dossier-stats-link" href="<?cs var:Page.Mount ?>/dossiers/statistiek">Statistiek van dossiers</a></p><?cs /if ?>
<p id="mine"><a href="<?cs var:Page.Mount ?>/taken">Mijn taken</a>: <span id="mine-total"><?cs var:J.MineTotal ?></span> open, waarvan <span id="mine-late"><?cs var:J.MineLate ?></span> over tijd</p>
<h2>Per status</h2>
<ul class="counts" id="counts"><?cs each:c = Count ?><li><a href="<?cs var:Page.Mount ?>/dossiers?status=<?cs var:url_escape(c.Status) ?>"<?cs if:c.Sel ?> aria-current="true"<?cs /if ?>><?cs var:c.Status ?>: <span class="count" data-status="<?cs var:c.Status ?>"><?cs var:c.N ?></span></a></li>
<?cs /each ?></ul>
<form method="get" action="<?cs var:Page.Mount ?>/dossiers" class="filters">
<fieldset><legend>Filters</legend>
<div class="field"><label for="d-status">Status</label>
<select id="d-status" name="status"><option value="">alle</option>
<?cs each:c = Count ?><option value="<?cs var:c.Status ?>"<?cs if:c.Sel ?> selected<?cs /if ?>><?cs var:c.Status ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="d-thema">Thema</label>
<select id="d-thema" name="thema"><option value="">alle</option>
<?cs each:t = List.Themes ?><option value="<?cs var:t.Name ?>"<?cs if:t.Sel ?> selected<?cs /if ?>><?cs var:t.Name ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="d-team">Team</label>
<select id="d-team" name="team"><option value="">alle</option>
<?cs each:t = List.Teams ?><option value="<?cs var:t.Id ?>"<?cs if:t.Sel ?> selected<?cs /if ?>><?cs var:t.Name ?></option><?cs /each ?>
</select></div>
<div class="field check"><input type="checkbox" id="d-lid" name="lid" value="mijn"<?cs if:F.Member ?> checked<?cs /if ?>><label for="d-lid">Alleen dossiers waarvan ik lid ben</label></div>
<?cs if:Can.DossierManage ?><div class="field"><label for="d-lid-van">Dossiers met als lid (gebruikersnaam)</label>
<input id="d-lid-van" name="lid-van" maxlength="64" value="<?cs var:F.Who ?>"></div><?cs /if ?>
<?cs # HOOK: "mijn open taken" and "taken over tijd" filters (journal). ?>
<div class="field"><label for="d-taken">Taken</label>
<select id="d-taken" name="taken"><option value="">alle dossiers</option>
<option value="mijn"<?cs if:F.Tasks == "mijn" ?> selected<?cs /if ?>>met mijn open taken</option>
<option value="overtijd"<?cs if:F.Tasks == "overtijd" ?> selected<?cs /if ?>>met taken over tijd</option>
</select></div>
<button type="submit">Toon</button>
</fieldset>
</form>
<?cs if:subcount(Dos) == 0 ?><p id="empty">Geen dossiers.</p><?cs else ?>
<table class="list" id="dossiers">
<caption>Dossiers, nieuwste eerst (pagina <?cs var:F.Page ?>)</caption>
<thead><tr><th scope="col">Nummer</th><th scope="col">Titel</th><th scope="col">Thema</th><th scope="col">Status</th><th scope="col">Team</th><th scope="col">Meldingen</th><th scope="col">Aangemaakt</th></tr></thead>
<tbody><?cs each:d = Dos ?><tr><td><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:d.Id ?>"><?cs var:d.Number ?></a></td><td><?cs var:d.Title ?></td><td><?cs var:d.Theme ?></td><td><?cs call:status_badge(d.Status) ?></td><td><?cs var:d.Team ?></td><td><?cs var:d.Reports ?></td><td><?cs var:d.Created ?></td></tr>
<?cs /each ?></tbody></table><?cs /if ?>
<nav aria-label="Pagina's"><?cs if:F.Page > 1 ?><a rel="prev" href="<?cs var:Page.Mount ?>/dossiers?status=<?cs var:url_escape(F.Status) ?>&amp;thema=<?cs var:url_escape(F.Theme) ?>&amp;team=<?cs if:F.Team ?><?cs var:F.Team ?><?cs /if ?><?cs if:F.Member ?>&amp;lid=mijn<?cs /if ?>&amp;lid-van=<?cs var:url_escape(F.Who) ?>&amp;taken=<?cs var:F.Tasks ?>&amp;pagina=<?cs var:F.Page - 1 ?>">Vorige</a> <?cs /if ?><?cs if:F.More ?><a rel="next" href="<?cs var:Page.Mount ?>/dossiers?status=<?cs var:url_escape(F.Status) ?>&amp;thema=<?cs var:url_escape(F.Theme) ?>&amp;team=<?cs if:F.Team ?><?cs var:F.Team ?><?cs /if ?><?cs if:F.Member ?>&amp;lid=mijn<?cs /if ?>&amp;lid-van=<?cs var:url_escape(F.Who) ?>&amp;taken=<?cs var:F.Tasks ?>&amp;pagina=<?cs var:F.Page + 1 ?>">Volgende</a><?cs /if ?></nav>
<?cs call:dash_end() ?>
