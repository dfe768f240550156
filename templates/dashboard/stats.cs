<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?><?cs
def:hbars(id, title, what) ?>
<figure class="chart">
<svg class="chart" role="img" aria-labelledby="<?cs var:id ?>-t <?cs var:id ?>-d" viewBox="0 0 <?cs var:Stats.Chart.HbW ?> <?cs var:what.H ?>" width="<?cs var:Stats.Chart.HbW ?>" height="<?cs var:what.H ?>" preserveAspectRatio="xMinYMin meet">
<title id="<?cs var:id ?>-t"><?cs var:title ?></title>
<desc id="<?cs var:id ?>-d">Staafdiagram van het aantal ontvangen meldingen <?cs var:title ?> van <?cs var:Stats.From ?> tot en met <?cs var:Stats.To ?>; de schaal loopt tot <?cs var:what.Max ?>. De tabel eronder geeft dezelfde aantallen.</desc>
<?cs each:b = what.Rows ?><g><title><?cs var:b.Name ?>: <?cs var:b.Received ?> ontvangen</title>
<text class="label" x="<?cs var:#Stats.Chart.HbLabel - 6 ?>" y="<?cs var:b.TY ?>" text-anchor="end"><?cs var:b.Name ?></text>
<rect class="bar received" x="<?cs var:Stats.Chart.HbLabel ?>" y="<?cs var:b.Y ?>" width="<?cs var:b.W ?>" height="18"></rect>
<text class="value" x="<?cs var:b.TX ?>" y="<?cs var:b.TY ?>"><?cs var:b.Received ?></text></g>
<?cs /each ?></svg>
</figure><?cs
/def ?><?cs
def:itemtable(caption, head, what) ?>
<table class="stats">
<caption><?cs var:caption ?></caption>
<thead><tr><th scope="col"><?cs var:head ?></th><th scope="col">Ontvangen</th><th scope="col">In behandeling genomen</th><th scope="col">Afgerond</th><th scope="col">Heropend</th><th scope="col">Open op <?cs var:Stats.To ?></th></tr></thead>
<tbody>
<?cs each:b = what.Rows ?><tr><th scope="row"><?cs var:b.Name ?></th><td><?cs var:b.Received ?></td><td><?cs var:b.Taken ?></td><td><?cs var:b.Closed ?></td><td><?cs var:b.Reopened ?></td><td><?cs var:b.Open ?></td></tr>
<?cs /each ?></tbody></table><?cs
/def ?>
<h1>Statistiek</h1>
<form method="get" action="<?cs var:Page.Mount ?>/statistiek" class="filters" novalidate>
<fieldset><legend>Periode (maanden)</legend>
<div class="field<?cs if:Stats.Err.From ?> has-error<?cs /if ?>"><label for="s-van">Eerste maand (jjjj-mm)</label>
<?cs if:Stats.Err.From ?><p class="error" id="s-van-fout"><?cs var:Stats.Err.From ?></p><?cs /if ?>
<input id="s-van" name="van" type="month" placeholder="2026-01" pattern="[0-9]{4}-[0-9]{2}" value="<?cs var:Stats.From ?>"<?cs if:Stats.Err.From ?> aria-invalid="true" aria-describedby="s-van-fout"<?cs /if ?>></div>
<div class="field<?cs if:Stats.Err.To ?> has-error<?cs /if ?>"><label for="s-tot">Laatste maand (jjjj-mm)</label>
<?cs if:Stats.Err.To ?><p class="error" id="s-tot-fout"><?cs var:Stats.Err.To ?></p><?cs /if ?>
<input id="s-tot" name="tot" type="month" placeholder="2026-12" pattern="[0-9]{4}-[0-9]{2}" value="<?cs var:Stats.To ?>"<?cs if:Stats.Err.To ?> aria-invalid="true" aria-describedby="s-tot-fout"<?cs /if ?>></div>
<button type="submit">Tonen</button>
</fieldset></form>
<?cs if:Stats.Err.From || Stats.Err.To ?><p class="message" role="alert" id="message">De periode is niet goed ingevuld; zie de melding bij het veld.</p><?cs else ?>
<p><a id="stats-csv" href="<?cs var:Page.Mount ?>/statistiek/csv?van=<?cs var:Stats.From ?>&amp;tot=<?cs var:Stats.To ?>">Download deze cijfers als CSV</a></p>
<details class="definitions"><summary>Wat telt mee?</summary>
<ul>
<li><strong>Ontvangen</strong>: meldingen met hun ontvangstmoment in die maand.</li>
<li><strong>In behandeling genomen</strong>: meldingen die in die maand voor het eerst in behandeling zijn genomen. Een heropende melding telt hier niet opnieuw mee.</li>
<li><strong>Afgerond</strong>: het aantal keren dat in die maand een melding is afgerond. Een melding die is afgerond, heropend en weer afgerond, telt twee keer, in de maanden waarin dat gebeurde.</li>
<li><strong>Heropend</strong>: het aantal keren dat in die maand een afgeronde melding is heropend.</li>
<li><strong>Open aan het eind van de maand</strong>: alle meldingen die tot en met die maand zijn ontvangen, min de afrondingen, plus de heropeningen tot en met die maand. Een heropende melding is dus weer open vanaf de maand van heropening.</li>
<li><strong>Mediaan dagen</strong>: de middelste waarde van het aantal hele dagen tussen ontvangst en het in behandeling nemen (of het afronden), over wat in die maand in behandeling is genomen (of is afgerond); bij een even aantal het gemiddelde van de twee middelste.</li>
<li>Maanden lopen in Nederlandse tijd: een melding van 1 maart 00:30 uur telt in maart, ook in de zomertijd.</li>
</ul></details>
<h2>Per maand</h2>
<figure class="chart">
<svg class="chart" role="img" aria-labelledby="c1-t c1-d" viewBox="0 0 <?cs var:Stats.Chart.W ?> <?cs var:Stats.Chart.H ?>" width="<?cs var:Stats.Chart.W ?>" height="<?cs var:Stats.Chart.H ?>" preserveAspectRatio="xMinYMin meet">
<title id="c1-t">Ontvangen, in behandeling genomen en afgerond per maand</title>
<desc id="c1-d">Staafdiagram met per maand van <?cs var:Stats.From ?> tot en met <?cs var:Stats.To ?> drie staven: ontvangen, in behandeling genomen en afgerond. De schaal loopt van 0 tot <?cs var:Stats.Max ?>. De tabel onder het diagram geeft dezelfde aantallen.</desc>
<line class="axis" x1="<?cs var:Stats.Chart.Left ?>" y1="<?cs var:Stats.Chart.Base ?>" x2="<?cs var:Stats.Chart.Right ?>" y2="<?cs var:Stats.Chart.Base ?>"></line>
<line class="grid" x1="<?cs var:Stats.Chart.Left ?>" y1="<?cs var:Stats.Chart.Top ?>" x2="<?cs var:Stats.Chart.Right ?>" y2="<?cs var:Stats.Chart.Top ?>"></line>
<line class="grid" x1="<?cs var:Stats.Chart.Left ?>" y1="<?cs var:Stats.Chart.Mid ?>" x2="<?cs var:Stats.Chart.Right ?>" y2="<?cs var:Stats.Chart.Mid ?>"></line>
<text class="tick" x="<?cs var:#Stats.Chart.Left - 4 ?>" y="<?cs var:#Stats.Chart.Top + 4 ?>" text-anchor="end"><?cs var:Stats.Max ?></text>
<text class="tick" x="<?cs var:#Stats.Chart.Left - 4 ?>" y="<?cs var:#Stats.Chart.Mid + 4 ?>" text-anchor="end"><?cs var:Stats.HalfMax ?></text>
<text class="tick" x="<?cs var:#Stats.Chart.Left - 4 ?>" y="<?cs var:#Stats.Chart.Base + 4 ?>" text-anchor="end">0</text>
<?cs each:m = Stats.Months ?><g><title><?cs var:m.Label ?>: <?cs var:m.Received ?> ontvangen, <?cs var:m.Taken ?> in behandeling genomen, <?cs var:m.Closed ?> afgerond</title>
<rect class="bar received" x="<?cs var:m.R.X ?>" y="<?cs var:m.R.Y ?>" width="10" height="<?cs var:m.R.H ?>"></rect>
<rect class="bar taken" x="<?cs var:m.T.X ?>" y="<?cs var:m.T.Y ?>" width="10" height="<?cs var:m.T.H ?>"></rect>
<rect class="bar closed" x="<?cs var:m.C.X ?>" y="<?cs var:m.C.Y ?>" width="10" height="<?cs var:m.C.H ?>"></rect>
<text class="label" x="<?cs var:m.LX ?>" y="<?cs var:Stats.Chart.LabelY ?>" text-anchor="middle"><?cs var:m.Abbr ?></text>
<?cs if:m.Year ?><text class="label" x="<?cs var:m.LX ?>" y="<?cs var:Stats.Chart.YearY ?>" text-anchor="middle"><?cs var:m.Year ?></text><?cs /if ?></g>
<?cs /each ?></svg>
<figcaption><span class="key received">ontvangen</span> <span class="key taken">in behandeling genomen</span> <span class="key closed">afgerond</span></figcaption>
</figure>
<figure class="chart">
<svg class="chart" role="img" aria-labelledby="c2-t c2-d" viewBox="0 0 <?cs var:Stats.Chart.W ?> <?cs var:Stats.Chart.H ?>" width="<?cs var:Stats.Chart.W ?>" height="<?cs var:Stats.Chart.H ?>" preserveAspectRatio="xMinYMin meet">
<title id="c2-t">Open meldingen aan het eind van elke maand</title>
<desc id="c2-d">Staafdiagram met per maand van <?cs var:Stats.From ?> tot en met <?cs var:Stats.To ?> het aantal meldingen dat aan het eind van de maand open was. De schaal loopt van 0 tot <?cs var:Stats.OpenMax ?>. De tabel onder het diagram geeft dezelfde aantallen.</desc>
<line class="axis" x1="<?cs var:Stats.Chart.Left ?>" y1="<?cs var:Stats.Chart.Base ?>" x2="<?cs var:Stats.Chart.Right ?>" y2="<?cs var:Stats.Chart.Base ?>"></line>
<line class="grid" x1="<?cs var:Stats.Chart.Left ?>" y1="<?cs var:Stats.Chart.Top ?>" x2="<?cs var:Stats.Chart.Right ?>" y2="<?cs var:Stats.Chart.Top ?>"></line>
<line class="grid" x1="<?cs var:Stats.Chart.Left ?>" y1="<?cs var:Stats.Chart.Mid ?>" x2="<?cs var:Stats.Chart.Right ?>" y2="<?cs var:Stats.Chart.Mid ?>"></line>
<text class="tick" x="<?cs var:#Stats.Chart.Left - 4 ?>" y="<?cs var:#Stats.Chart.Top + 4 ?>" text-anchor="end"><?cs var:Stats.OpenMax ?></text>
<text class="tick" x="<?cs var:#Stats.Chart.Left - 4 ?>" y="<?cs var:#Stats.Chart.Mid + 4 ?>" text-anchor="end"><?cs var:Stats.OpenHalfMax ?></text>
<text class="tick" x="<?cs var:#Stats.Chart.Left - 4 ?>" y="<?cs var:#Stats.Chart.Base + 4 ?>" text-anchor="end">0</text>
<?cs each:m = Stats.Months ?><g><title><?cs var:m.Label ?>: <?cs var:m.Open ?> open</title>
<rect class="bar open" x="<?cs var:m.O.X ?>" y="<?cs var:m.O.Y ?>" width="24" height="<?cs var:m.O.H ?>"></rect>
<text class="label" x="<?cs var:m.LX ?>" y="<?cs var:Stats.Chart.LabelY ?>" text-anchor="middle"><?cs var:m.Abbr ?></text>
<?cs if:m.Year ?><text class="label" x="<?cs var:m.LX ?>" y="<?cs var:Stats.Chart.YearY ?>" text-anchor="middle"><?cs var:m.Year ?></text><?cs /if ?></g>
<?cs /each ?></svg>
</figure>
<div class="table-scroll">
<table class="stats" id="stats-months">
<caption>Per maand, <?cs var:Stats.From ?> tot en met <?cs var:Stats.To ?></caption>
<thead><tr><th scope="col">Maand</th><th scope="col">Ontvangen</th><th scope="col">In behandeling genomen</th><th scope="col">Afgerond</th><th scope="col">Heropend</th><th scope="col">Open aan het eind</th><th scope="col">Mediaan dagen tot in behandeling</th><th scope="col">Mediaan dagen tot afgerond</th></tr></thead>
<tbody>
<?cs each:m = Stats.Months ?><tr data-month="<?cs var:m.Key ?>"><th scope="row"><?cs var:m.Label ?></th><td><?cs var:m.Received ?></td><td><?cs var:m.Taken ?></td><td><?cs var:m.Closed ?></td><td><?cs var:m.Reopened ?></td><td><?cs var:m.Open ?></td><td><?cs var:m.TakeMedian ?></td><td><?cs var:m.CloseMedian ?></td></tr>
<?cs /each ?></tbody>
<tfoot><tr><th scope="row">Totaal</th><td><?cs var:Stats.Total.Received ?></td><td><?cs var:Stats.Total.Taken ?></td><td><?cs var:Stats.Total.Closed ?></td><td><?cs var:Stats.Total.Reopened ?></td><td><?cs var:Stats.Total.Open ?></td><td><?cs var:Stats.Total.TakeMedian ?></td><td><?cs var:Stats.Total.CloseMedian ?></td></tr></tfoot>
</table></div>
<h2>Per soort</h2>
<?cs call:hbars("c3", "per soort", Stats.Types) ?>
<?cs call:itemtable("Per soort, " + Stats.From + " tot en met " + Stats.To, "Soort", Stats.Types) ?>
<h2>Per doelgroep</h2>
<?cs call:hbars("c4", "per doelgroep", Stats.Audiences) ?>
<?cs call:itemtable("Per doelgroep, " + Stats.From + " tot en met " + Stats.To, "Doelgroep", Stats.Audiences) ?>
<h2>Per kanaal</h2>
<?cs call:hbars("c5", "per kanaal", Stats.Channels) ?>
<?cs call:itemtable("Per kanaal, " + Stats.From + " tot en met " + Stats.To, "Kanaal", Stats.Channels) ?>
<h2>Per reden van afronden</h2>
<p>Meldingen die in deze maanden zijn afgerond en nog afgerond zijn, per gekozen reden. Een heropende melding telt pas weer mee als zij opnieuw is afgerond.</p>
<table class="stats" id="stats-reasons">
<caption>Afgerond per reden, <?cs var:Stats.From ?> tot en met <?cs var:Stats.To ?></caption>
<thead><tr><th scope="col">Reden</th><th scope="col">Afgerond</th></tr></thead>
<tbody>
<?cs each:b = Stats.Reasons ?><tr><th scope="row"><?cs var:b.Name ?></th><td><?cs var:b.N ?></td></tr>
<?cs /each ?></tbody></table>
<?cs if:subcount(Stats.Answers) > 0 ?>
<h2 id="antwoorden">Antwoorden op keuzevragen</h2>
<p>Meldingen die in deze maanden binnenkwamen, per antwoord op een vervolgvraag met keuzes of ja/nee. Wie meer keuzes aankruiste, telt bij elke keuze.</p>
<?cs each:q = Stats.Answers ?>
<table class="stats">
<caption><?cs var:q.Label ?></caption>
<thead><tr><th scope="col">Antwoord</th><th scope="col">Meldingen</th></tr></thead>
<tbody>
<?cs each:o = q.Options ?><tr><th scope="row"><?cs var:o.Name ?></th><td><?cs var:o.N ?></td></tr>
<?cs /each ?></tbody></table>
<?cs /each ?>
<?cs /if ?>
<?cs /if ?>
<?cs call:dash_end() ?>
