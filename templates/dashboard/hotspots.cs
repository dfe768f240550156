<?cs # hotspots.cs -- "Terugkerende onderwerpen" (cgi/dashboard/hotspot.c):
     the filters (GET, so no JavaScript is needed and a view can be
     bookmarked), each error at its field, and the subjects with two
     or more reports in the period.  Every var: is HTML-escaped. ?><?cs
include:"dashboard/layout.cs" ?><?cs
def:hot_error(err, id) ?><?cs if:err ?>
<p class="error" id="<?cs var:id ?>-fout"><span class="visually-hidden">Fout: </span><?cs var:err ?></p><?cs /if ?><?cs /def ?><?cs
def:hot_described(err, id) ?><?cs if:err ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-fout"<?cs /if ?><?cs /def ?><?cs
call:dash_begin() ?>
<h1>Terugkerende onderwerpen</h1>
<p>Adressen, kentekens, bedrijven en andere onderwerpen die in twee of meer meldingen voorkomen, in de gekozen periode. Alleen meldingen die u mag inzien tellen mee, en alleen onderwerpen die uit het adres van de melding komen of door een behandelaar zijn bevestigd.</p>
<?cs if:Hot.Err.From || Hot.Err.To || Hot.Err.Kind || Hot.Err.Type || Hot.Err.Sort || Hot.Err.Page ?>
<div class="error-summary" role="alert" id="message" tabindex="-1">
<h2>Controleer de filters</h2>
<ul><?cs if:Hot.Err.From ?><li><a href="#h-van">Vanaf: <?cs var:Hot.Err.From ?></a></li><?cs /if ?><?cs
if:Hot.Err.To ?><li><a href="#h-tot">Tot en met: <?cs var:Hot.Err.To ?></a></li><?cs /if ?><?cs
if:Hot.Err.Kind ?><li><a href="#h-onderwerp">Soort onderwerp: <?cs var:Hot.Err.Kind ?></a></li><?cs /if ?><?cs
if:Hot.Err.Type ?><li><a href="#h-soort">Soort melding: <?cs var:Hot.Err.Type ?></a></li><?cs /if ?><?cs
if:Hot.Err.Sort ?><li><a href="#h-volgorde">Volgorde: <?cs var:Hot.Err.Sort ?></a></li><?cs /if ?><?cs
if:Hot.Err.Page ?><li><?cs var:Hot.Err.Page ?></li><?cs /if ?></ul>
</div><?cs /if ?>
<form method="get" action="<?cs var:Page.Mount ?>/onderwerpen" class="filters" novalidate>
<fieldset><legend>Filters</legend>
<div class="field<?cs if:Hot.Err.From ?> has-error<?cs /if ?>"><label for="h-van">Meldingen ontvangen vanaf (jjjj-mm-dd)</label><?cs call:hot_error(Hot.Err.From, "h-van") ?>
<input id="h-van" name="van" type="date" value="<?cs var:Hot.F.From ?>"<?cs call:hot_described(Hot.Err.From, "h-van") ?>></div>
<div class="field<?cs if:Hot.Err.To ?> has-error<?cs /if ?>"><label for="h-tot">tot en met (jjjj-mm-dd)</label><?cs call:hot_error(Hot.Err.To, "h-tot") ?>
<input id="h-tot" name="tot" type="date" value="<?cs var:Hot.F.To ?>"<?cs call:hot_described(Hot.Err.To, "h-tot") ?>></div>
<div class="field<?cs if:Hot.Err.Kind ?> has-error<?cs /if ?>"><label for="h-onderwerp">Soort onderwerp</label><?cs call:hot_error(Hot.Err.Kind, "h-onderwerp") ?>
<select id="h-onderwerp" name="onderwerp"<?cs call:hot_described(Hot.Err.Kind, "h-onderwerp") ?>><option value="">alle</option>
<?cs each:k = Hot.Kinds ?><option value="<?cs var:k.Name ?>"<?cs if:k.Name == Hot.F.Kind ?> selected<?cs /if ?>><?cs var:k.Label ?></option><?cs /each ?>
</select></div>
<div class="field<?cs if:Hot.Err.Type ?> has-error<?cs /if ?>"><label for="h-soort">Soort melding</label><?cs call:hot_error(Hot.Err.Type, "h-soort") ?>
<select id="h-soort" name="soort"<?cs call:hot_described(Hot.Err.Type, "h-soort") ?>><option value="">alle</option>
<?cs each:o = Hot.Types ?><option value="<?cs var:o.Id ?>"<?cs if:o.Id == Hot.F.Type ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?>
</select></div>
<div class="field<?cs if:Hot.Err.Sort ?> has-error<?cs /if ?>"><label for="h-volgorde">Volgorde</label><?cs call:hot_error(Hot.Err.Sort, "h-volgorde") ?>
<select id="h-volgorde" name="volgorde"<?cs call:hot_described(Hot.Err.Sort, "h-volgorde") ?>>
<option value="aantal"<?cs if:Hot.F.Sort == "aantal" ?> selected<?cs /if ?>>meeste meldingen eerst</option>
<option value="recent"<?cs if:Hot.F.Sort == "recent" ?> selected<?cs /if ?>>laatste melding eerst</option>
</select></div>
<button type="submit">Tonen</button>
</fieldset>
</form>
<?cs if:Hot.Shown ?>
<?cs if:Can.Export ?><p><a id="hotspots-csv" href="<?cs var:Page.Mount ?>/onderwerpen/csv?<?cs var:Hot.Query ?>">Download deze lijst als CSV</a> (alle onderwerpen die aan de filters voldoen)</p><?cs /if ?>
<?cs if:Hot.Count == 0 ?><p id="empty">Geen onderwerpen met twee of meer meldingen in deze periode.</p><?cs else ?>
<table class="hotspots">
<caption>Onderwerpen met twee of meer meldingen van <?cs call:nl_date(Hot.F.From) ?> tot en met <?cs call:nl_date(Hot.F.To) ?>, <?cs if:Hot.F.Sort == "recent" ?>laatste melding eerst<?cs else ?>meeste meldingen eerst<?cs /if ?> (pagina <?cs var:Hot.Page ?>)</caption>
<thead><tr><th scope="col">Soort</th><th scope="col">Onderwerp</th><th scope="col">Meldingen</th><th scope="col">Laatste melding</th></tr></thead>
<tbody>
<?cs each:row = Hot.Rows ?><tr>
<td><?cs var:row.Kind ?></td>
<th scope="row"><a href="<?cs var:Page.Mount ?>/onderwerp/<?cs var:row.Id ?>"><?cs var:row.Display ?></a></th>
<td class="count"><?cs var:row.Reports ?></td>
<td><?cs call:nl_date(row.Latest) ?></td>
</tr>
<?cs /each ?></tbody></table>
<?cs /if ?>
<nav aria-label="Pagina's"><p>
<?cs if:Hot.Prev ?><a rel="prev" href="<?cs var:Page.Mount ?>/onderwerpen?<?cs var:Hot.Query ?>&amp;pagina=<?cs var:Hot.Prev ?>">Vorige</a><?cs /if ?>
<?cs if:Hot.Next ?><a rel="next" href="<?cs var:Page.Mount ?>/onderwerpen?<?cs var:Hot.Query ?>&amp;pagina=<?cs var:Hot.Next ?>">Volgende</a><?cs /if ?>
</p></nav>
<?cs /if ?>
<?cs call:dash_end() ?>
