<?cs # journal-task.cs -- one task of a dossier's journal
     (cgi/dashboard/journal.c): as it is now, and the form that changes
     its assignee, due date and status (an outcome required to mark it
     done).  The form carries the version the user saw: when another
     edit came first the page answers 409 with the task as it is now and
     the user's own input kept in the form.  Every var: is
     HTML-escaped. ?><?cs
include:"dashboard/layout.cs" ?><?cs
def:t_error(id) ?><?cs if:FieldErr == id ?>
<p class="error" id="<?cs var:id ?>-fout"><span class="visually-hidden">Fout: </span><?cs var:Message ?></p><?cs /if ?><?cs /def ?><?cs
def:t_described(id) ?><?cs if:FieldErr == id ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-fout"<?cs /if ?><?cs /def ?><?cs
call:dash_begin() ?>
<p><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>#taken">Terug naar dossier <?cs var:D.Number ?></a></p>
<h1>Taak <?cs var:T.0.Id ?> in dossier <?cs var:D.Number ?></h1>
<?cs if:Message && !FieldErr ?><p class="message" role="alert" id="message"><?cs var:Message ?></p><?cs /if ?>
<?cs if:Message && FieldErr ?><p class="message" role="alert" id="message">De taak is niet opgeslagen: <a href="#<?cs var:FieldErr ?>"><?cs var:Message ?></a></p><?cs /if ?>
<h2 id="stand">Huidige stand</h2>
<dl class="summary" id="task-now">
<dt>Soort</dt><dd id="task-type"><?cs var:T.0.Type ?></dd>
<dt>Omschrijving</dt><dd class="text" id="task-body"><?cs var:T.0.Body ?></dd>
<dt>Uitvoerder</dt><dd id="task-assignee"><?cs var:T.0.Assignee ?></dd>
<dt>Uiterlijk</dt><dd id="task-due"><?cs call:nl_date(T.0.Due) ?><?cs if:T.0.Overdue ?> <strong class="overdue">over tijd</strong><?cs /if ?></dd>
<dt>Status</dt><dd id="task-status" data-status="<?cs var:T.0.Status ?>"><?cs var:T.0.StatusLabel ?></dd>
<?cs if:T.0.Outcome ?><dt>Resultaat</dt><dd id="task-outcome"><?cs var:T.0.Outcome ?></dd><?cs /if ?>
<?cs if:T.0.Note ?><dt>Toelichting</dt><dd class="text" id="task-note"><?cs var:T.0.Note ?></dd><?cs /if ?>
<dt>Aangemaakt</dt><dd><?cs var:T.0.At ?> door <?cs var:T.0.Author ?></dd>
</dl>
<?cs if:Can.DossierWork ?>
<h2 id="wijzigen">Taak wijzigen</h2>
<?cs if:Mine ?><p id="kept">Het formulier bevat uw eigen invoer.</p><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/dossier/<?cs var:D.Id ?>/taak/<?cs var:T.0.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:T.0.Version ?>">
<div class="field"><label for="taak-uitvoerder">Uitvoerder</label><?cs call:t_error("taak-uitvoerder") ?>
<select id="taak-uitvoerder" name="taak-uitvoerder"<?cs call:t_described("taak-uitvoerder") ?>><?cs each:c = J.Cand ?><option value="<?cs var:c.Id ?>"<?cs if:c.Sel ?> selected<?cs /if ?>><?cs var:c.Display ?> (<?cs var:c.Name ?>)</option><?cs /each ?></select></div>
<div class="field"><label for="taak-datum">Uiterste datum (dd-mm-jjjj of jjjj-mm-dd)</label><?cs call:t_error("taak-datum") ?>
<input id="taak-datum" name="taak-datum" type="date" required value="<?cs if:Mine ?><?cs var:K.Due ?><?cs else ?><?cs var:T.0.Due ?><?cs /if ?>"<?cs call:t_described("taak-datum") ?>></div>
<?cs if:Mine ?><?cs set:Sel = K.Status ?><?cs else ?><?cs set:Sel = T.0.Status ?><?cs /if ?>
<div class="field"><label for="taak-status">Status</label><?cs call:t_error("taak-status") ?>
<select id="taak-status" name="taak-status"<?cs call:t_described("taak-status") ?>>
<option value="open"<?cs if:Sel == "open" ?> selected<?cs /if ?>>open</option>
<option value="done"<?cs if:Sel == "done" ?> selected<?cs /if ?>>uitgevoerd (resultaat verplicht)</option>
<option value="cancelled"<?cs if:Sel == "cancelled" ?> selected<?cs /if ?>>vervallen</option>
</select></div>
<div class="field"><label for="taak-resultaat">Resultaat (verplicht bij uitgevoerd)</label><?cs call:t_error("taak-resultaat") ?>
<select id="taak-resultaat" name="taak-resultaat"<?cs call:t_described("taak-resultaat") ?>><option value="">geen</option><?cs each:o = J.Outcomes ?><option value="<?cs var:o.Name ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?></select></div>
<div class="field"><label for="taak-toelichting">Toelichting bij het resultaat (niet verplicht)</label><?cs call:t_error("taak-toelichting") ?>
<textarea id="taak-toelichting" name="taak-toelichting" rows="3"<?cs call:t_described("taak-toelichting") ?>><?cs if:Mine ?><?cs var:K.Note ?><?cs else ?><?cs var:T.0.Note ?><?cs /if ?></textarea></div>
<button type="submit">Taak opslaan</button></form>
<?cs /if ?>
<?cs call:dash_end() ?>
