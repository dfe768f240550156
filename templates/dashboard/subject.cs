<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Onderwerp: <?cs var:S.Display ?></h1>
<p>Soort: <?cs var:S.Kind ?></p>
<h2>Tijdlijn van de meldingen</h2>
<?cs if:subcount(Rep) == 0 ?><p>Geen meldingen die u mag zien.</p><?cs else ?>
<ol class="history" id="timeline">
<?cs each:x = Rep ?><li><?cs var:x.Date ?> &middot; <a href="<?cs var:Page.Mount ?>/melding/<?cs var:x.Id ?>"><?cs var:x.Reference ?></a> &middot; <?cs var:x.Type ?> &middot; <?cs call:status_badge(x.Status) ?><?cs if:x.Proposal ?> (voorstel, nog niet bevestigd)<?cs /if ?></li>
<?cs /each ?></ol><?cs /if ?>
<?cs if:S.Hidden > 0 ?><p id="hidden">Daarnaast <?cs var:S.Hidden ?> melding(en) in een ander team. Wilt u die zien? Vraag het een coördinator<?cs if:Coordinators ?> (<?cs var:Coordinators ?>)<?cs /if ?>.</p><?cs /if ?>
<?cs call:dash_end() ?>
