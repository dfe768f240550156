<?cs # dossier-stats.cs -- the dossiers' statistics
     (cgi/dashboard/dossier_stats.c): a period form, bar charts as
     inline SVG with a text equivalent, and the tables with the same
     figures as the CSV.  Every var: is HTML-escaped. ?><?cs
include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?><?cs
def:hbars(id, title, what, unit) ?>
<figure class="chart">
<svg class="chart" role="img" aria-labelledby="<?cs var:id ?>-t <?cs var:id ?>-d" viewBox="0 0 <?cs var:DS.Chart.HbW ?> <?cs var:what.H ?>" width="<?cs var:DS.Chart.HbW ?>" height="<?cs var:what.H ?>" preserveAspectRatio="xMinYMin meet">
<title id="<?cs var:id ?>-t"><?cs var:title ?></title>
<desc id="<?cs var:id ?>-d">Staafdiagram van het aantal <?cs var:unit ?> <?cs var:title ?> van <?cs var:DS.From ?> tot en met <?cs var:DS.To ?>; de schaal loopt tot <?cs var:what.Max ?>. De tabel eronder geeft dezelfde aantallen.</desc>
<?cs each:b = what.Rows ?><g><title><?cs var:b.Name ?>: <?cs var:b.Sum ?></title>
<text class="label" x="<?cs var:#DS.Chart.HbLabel - 6 ?>" y="<?cs var:b.TY ?>" text-anchor="end"><?cs var:b.Name ?></text>
<rect class="bar received" x="<?cs var:DS.Chart.HbLabel ?>" y="<?cs var:b.Y ?>" width="<?cs var:b.W ?>" height="18"></rect>
<text class="value" x="<?cs var:b.TX ?>" y="<?cs var:b.TY ?>"><?cs var:b.Sum ?></text></g>
<?cs /each ?></svg>
</figure><?cs
/def ?><?cs
def:table(id, caption, head, a, b, what) ?>
<div class="table-scroll"><table class="stats" id="<?cs var:id ?>">
<caption><?cs var:caption ?></caption>
<thead><tr><th scope="col"><?cs var:head ?></th><th scope="col"><?cs var:a ?></th><th scope="col"><?cs var:b ?></th></tr></thead>
<tbody>
<?cs each:x = what.Rows ?><tr><th scope="row"><?cs var:x.Name ?></th><td><?cs var:x.A ?></td><td><?cs var:x.B ?></td></tr>
<?cs /each ?></tbody></table></div><?cs
/def ?>
<h1>Statistiek van dossiers</h1>
<p><a href="<?cs var:Page.Mount ?>/dossiers">Terug naar de dossiers</a> &middot; <a href="<?cs var:Page.Mount ?>/statistiek">Statistiek van meldingen</a></p>
<form method="get" action="<?cs var:Page.Mount ?>/dossiers/statistiek" class="filters" novalidate>
<fieldset><legend>Periode (maanden)</legend>
<div class="field<?cs if:DS.Err.From ?> has-error<?cs /if ?>"><label for="s-van">Eerste maand (jjjj-mm)</label>
<?cs if:DS.Err.From ?><p class="error" id="s-van-fout"><?cs var:DS.Err.From ?></p><?cs /if ?>
<input id="s-van" name="van" type="month" placeholder="2026-01" pattern="[0-9]{4}-[0-9]{2}" value="<?cs var:DS.From ?>"<?cs if:DS.Err.From ?> aria-invalid="true" aria-describedby="s-van-fout"<?cs /if ?>></div>
<div class="field<?cs if:DS.Err.To ?> has-error<?cs /if ?>"><label for="s-tot">Laatste maand (jjjj-mm)</label>
<?cs if:DS.Err.To ?><p class="error" id="s-tot-fout"><?cs var:DS.Err.To ?></p><?cs /if ?>
<input id="s-tot" name="tot" type="month" placeholder="2026-12" pattern="[0-9]{4}-[0-9]{2}" value="<?cs var:DS.To ?>"<?cs if:DS.Err.To ?> aria-invalid="true" aria-describedby="s-tot-fout"<?cs /if ?>></div>
<button type="submit">Tonen</button>
</fieldset></form>
<?cs if:DS.Err.From || DS.Err.To ?><p class="message" role="alert" id="message">De periode is niet goed ingevuld; zie de melding bij het veld.</p><?cs else ?>
<p><a id="dstats-csv" href="<?cs var:Page.Mount ?>/dossiers/statistiek/csv?van=<?cs var:DS.From ?>&amp;tot=<?cs var:DS.To ?>">Download deze cijfers als CSV</a></p>
<?cs if:DS.Cut ?><p class="message" role="status">Er zijn meer dan 64 thema's, taaktypen of resultaten; de rest is weggelaten.</p><?cs /if ?>
<details class="definitions"><summary>Wat telt mee?</summary>
<ul>
<li><strong>Geopend</strong>: dossiers aangemaakt in die maand.</li>
<li><strong>Afgesloten</strong>: dossiers die nu afgesloten zijn, in de maand waarin ze (het laatst) zijn afgesloten. Een heropend dossier telt pas weer als het opnieuw is afgesloten.</li>
<li><strong>Taken per type</strong>: taken uit het journaal die in de periode zijn aangemaakt, en hoeveel daarvan nu afgerond zijn.</li>
<li><strong>Resultaten</strong>: het resultaat van de dossiers die in de periode zijn afgesloten, en van de taken die in de periode zijn afgerond.</li>
<li>Maanden lopen in Nederlandse tijd, zoals bij de statistiek van meldingen.</li>
</ul></details>
<h2>Per maand</h2>
<figure class="chart">
<svg class="chart" role="img" aria-labelledby="d1-t d1-d" viewBox="0 0 <?cs var:DS.Chart.W ?> <?cs var:DS.Chart.H ?>" width="<?cs var:DS.Chart.W ?>" height="<?cs var:DS.Chart.H ?>" preserveAspectRatio="xMinYMin meet">
<title id="d1-t">Dossiers geopend en afgesloten per maand</title>
<desc id="d1-d">Staafdiagram met per maand van <?cs var:DS.From ?> tot en met <?cs var:DS.To ?> twee staven: geopend en afgesloten. De schaal loopt van 0 tot <?cs var:DS.Max ?>. De tabel onder het diagram geeft dezelfde aantallen.</desc>
<line class="axis" x1="<?cs var:DS.Chart.Left ?>" y1="<?cs var:DS.Chart.Base ?>" x2="<?cs var:DS.Chart.Right ?>" y2="<?cs var:DS.Chart.Base ?>"></line>
<line class="grid" x1="<?cs var:DS.Chart.Left ?>" y1="<?cs var:DS.Chart.Top ?>" x2="<?cs var:DS.Chart.Right ?>" y2="<?cs var:DS.Chart.Top ?>"></line>
<line class="grid" x1="<?cs var:DS.Chart.Left ?>" y1="<?cs var:DS.Chart.Mid ?>" x2="<?cs var:DS.Chart.Right ?>" y2="<?cs var:DS.Chart.Mid ?>"></line>
<text class="tick" x="<?cs var:#DS.Chart.Left - 4 ?>" y="<?cs var:#DS.Chart.Top + 4 ?>" text-anchor="end"><?cs var:DS.Max ?></text>
<text class="tick" x="<?cs var:#DS.Chart.Left - 4 ?>" y="<?cs var:#DS.Chart.Mid + 4 ?>" text-anchor="end"><?cs var:DS.HalfMax ?></text>
<text class="tick" x="<?cs var:#DS.Chart.Left - 4 ?>" y="<?cs var:#DS.Chart.Base + 4 ?>" text-anchor="end">0</text>
<?cs each:m = DS.Months ?><g><title><?cs var:m.Label ?>: <?cs var:m.Opened ?> geopend, <?cs var:m.Closed ?> afgesloten</title>
<rect class="bar received" x="<?cs var:m.O.X ?>" y="<?cs var:m.O.Y ?>" width="12" height="<?cs var:m.O.H ?>"></rect>
<rect class="bar closed" x="<?cs var:m.C.X ?>" y="<?cs var:m.C.Y ?>" width="12" height="<?cs var:m.C.H ?>"></rect>
<text class="label" x="<?cs var:m.LX ?>" y="<?cs var:DS.Chart.LabelY ?>" text-anchor="middle"><?cs var:m.Abbr ?></text>
<?cs if:m.Year ?><text class="label" x="<?cs var:m.LX ?>" y="<?cs var:DS.Chart.YearY ?>" text-anchor="middle"><?cs var:m.Year ?></text><?cs /if ?></g>
<?cs /each ?></svg>
<figcaption><span class="key received">geopend</span> <span class="key closed">afgesloten</span></figcaption>
</figure>
<div class="table-scroll">
<table class="stats" id="dstats-months">
<caption>Dossiers per maand, <?cs var:DS.From ?> tot en met <?cs var:DS.To ?></caption>
<thead><tr><th scope="col">Maand</th><th scope="col">Geopend</th><th scope="col">Afgesloten</th></tr></thead>
<tbody>
<?cs each:m = DS.Months ?><tr data-month="<?cs var:m.Key ?>"><th scope="row"><?cs var:m.Label ?></th><td><?cs var:m.Opened ?></td><td><?cs var:m.Closed ?></td></tr>
<?cs /each ?></tbody>
<tfoot><tr><th scope="row">Totaal</th><td><?cs var:DS.Total.Opened ?></td><td><?cs var:DS.Total.Closed ?></td></tr></tfoot>
</table></div>
<h2>Per maand en thema</h2>
<?cs if:subcount(DS.Cells) == 0 ?><p>Geen dossiers geopend of afgesloten in deze periode.</p><?cs else ?>
<div class="table-scroll"><table class="stats" id="dstats-cells">
<caption>Dossiers per maand en thema (alleen wat niet 0 is)</caption>
<thead><tr><th scope="col">Maand</th><th scope="col">Thema</th><th scope="col">Geopend</th><th scope="col">Afgesloten</th></tr></thead>
<tbody>
<?cs each:x = DS.Cells ?><tr data-month="<?cs var:x.Month ?>"><td><?cs var:x.Month ?></td><th scope="row"><?cs var:x.Theme ?></th><td><?cs var:x.Opened ?></td><td><?cs var:x.Closed ?></td></tr>
<?cs /each ?></tbody></table></div><?cs /if ?>
<h2>Per thema</h2>
<?cs call:hbars("d2", "per thema", DS.Themes, "dossiers geopend en afgesloten") ?>
<?cs call:table("dstats-themes", "Dossiers per thema, " + DS.From + " tot en met " + DS.To, "Thema", "Geopend", "Afgesloten", DS.Themes) ?>
<h2>Taken per type</h2>
<?cs call:hbars("d3", "per taaktype", DS.Types, "taken aangemaakt en afgerond") ?>
<?cs call:table("dstats-types", "Taken per type, " + DS.From + " tot en met " + DS.To, "Taaktype", "Aangemaakt", "Afgerond", DS.Types) ?>
<h2>Resultaten</h2>
<?cs call:hbars("d4", "per resultaat", DS.Outcomes, "dossiers en taken") ?>
<?cs call:table("dstats-outcomes", "Resultaten, " + DS.From + " tot en met " + DS.To, "Resultaat", "Dossiers afgesloten", "Taken afgerond", DS.Outcomes) ?>
<?cs /if ?>
<?cs call:dash_end() ?>
