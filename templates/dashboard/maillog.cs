<?cs # maillog.cs -- /maillog: the coordinators' delivery log of every
     notice by mail (lib/outbox.h, mp_outbox_log): when queued, sent or
     given up and why, whom by name (a user, a team), never an address.
     Filters by status and kind; 50 a page. ?><?cs
include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Maillog</h1>
<?cs if:Log.Bad ?><p class="message" role="alert" id="message">Een of meer filters waren ongeldig en zijn genegeerd.</p><?cs /if ?>
<p>Elk bericht dat het meldpunt per e-mail stuurt: wanneer het in de
wachtrij kwam, wanneer het is verstuurd of waarom het mislukte. Adressen
staan hier niet.</p>
<form method="get" action="<?cs var:Page.Mount ?>/maillog" class="filters">
<fieldset><legend>Filters</legend>
<div class="field"><label for="m-status">Status</label>
<select id="m-status" name="status"><option value="">alle</option>
<?cs each:s = Statuses ?><option value="<?cs var:s.Code ?>"<?cs if:Log.F.Status == s.Code ?> selected<?cs /if ?>><?cs var:s.Label ?></option><?cs /each ?></select></div>
<div class="field"><label for="m-soort">Soort</label>
<select id="m-soort" name="soort"><option value="">alle</option>
<?cs each:k = Kinds ?><option value="<?cs var:k.Code ?>"<?cs if:Log.F.Kind == k.Code ?> selected<?cs /if ?>><?cs var:k.Label ?></option><?cs /each ?></select></div>
<button type="submit">Filteren</button>
</fieldset></form>
<table class="maillog" id="maillog"><caption>Berichten, nieuwste eerst: <?cs var:Log.Total ?> in totaal (pagina <?cs var:Log.Page ?><?cs if:Log.Pages > 0 ?> van <?cs var:Log.Pages ?><?cs /if ?>)</caption>
<thead><tr><th scope="col">Nr.</th><th scope="col">Soort</th><th scope="col">Aan</th><th scope="col">Over</th><th scope="col">In wachtrij</th><th scope="col">Status</th><th scope="col">Verstuurd</th><th scope="col">Pogingen</th><th scope="col">Reden</th></tr></thead>
<tbody>
<?cs each:m = Mails ?><tr class="mail-<?cs var:m.StatusCode ?>"><td><?cs var:m.Id ?></td><td><?cs var:m.Kind ?></td><td><?cs var:m.Who ?></td><td><?cs var:m.About ?></td><td><?cs var:m.Queued ?></td><td><?cs var:m.Status ?><?cs if:m.Failed ?> (<?cs var:m.Failed ?>)<?cs /if ?><?cs if:m.Next ?> (nieuwe poging <?cs var:m.Next ?>)<?cs /if ?></td><td><?cs var:m.Sent ?></td><td><?cs var:m.Tries ?></td><td><?cs var:m.Error ?></td></tr>
<?cs /each ?></tbody></table>
<?cs if:Log.Prev || Log.Next ?><nav aria-label="Pagina's"><ul class="pages">
<?cs if:Log.Prev ?><li><a rel="prev" href="<?cs var:Page.Mount ?>/maillog?status=<?cs var:url_escape(Log.F.Status) ?>&amp;soort=<?cs var:url_escape(Log.F.Kind) ?>&amp;pagina=<?cs var:Log.Prev ?>">Vorige</a></li><?cs /if ?>
<?cs if:Log.Next ?><li><a rel="next" href="<?cs var:Page.Mount ?>/maillog?status=<?cs var:url_escape(Log.F.Status) ?>&amp;soort=<?cs var:url_escape(Log.F.Kind) ?>&amp;pagina=<?cs var:Log.Next ?>">Volgende</a></li><?cs /if ?>
</ul></nav><?cs /if ?>
<?cs call:dash_end() ?>
