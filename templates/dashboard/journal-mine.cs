<?cs # journal-mine.cs -- "Mijn taken" (cgi/dashboard/journal.c): the
     user's open tasks across the dossiers they may see now, overdue
     first (said in words), then by due date.  Every var: is
     HTML-escaped. ?><?cs
include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Mijn taken</h1>
<p id="summary"><span id="total"><?cs var:Total ?></span> open <?cs if:Total == 1 ?>taak<?cs else ?>taken<?cs /if ?>, waarvan <span id="late"><?cs var:Late ?></span> over tijd (vandaag: <?cs call:nl_date(J.Today) ?>).</p>
<?cs if:subcount(Task) == 0 ?><p id="empty">U heeft geen open taken.</p><?cs else ?>
<table class="list" id="tasks">
<caption>Open taken, over tijd eerst, dan op uiterste datum</caption>
<thead><tr><th scope="col">Uiterlijk</th><th scope="col">Dossier</th><th scope="col">Soort</th><th scope="col">Omschrijving</th><th scope="col">Taak</th></tr></thead>
<tbody><?cs each:t = Task ?><tr data-task="<?cs var:t.Id ?>"><td><?cs call:nl_date(t.Due) ?><?cs if:t.Overdue ?> <strong class="overdue">over tijd</strong><?cs /if ?></td><td><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:t.Dossier ?>"><?cs var:t.Number ?></a>: <?cs var:t.Title ?></td><td><?cs var:t.Type ?></td><td class="text"><?cs var:t.Body ?></td><td><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:t.Dossier ?>/taak/<?cs var:t.Id ?>">Taak <?cs var:t.Id ?><span class="visually-hidden"> openen</span></a></td></tr>
<?cs /each ?></tbody></table><?cs if:More ?><p id="more">Alleen de eerste <?cs var:subcount(Task) ?> staan hier.</p><?cs /if ?><?cs /if ?>
<?cs call:dash_end() ?>
