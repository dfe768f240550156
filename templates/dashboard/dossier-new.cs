<?cs # dossier-new.cs -- a new dossier (cgi/dashboard/dossier.c), also
     from a report (N.Report).  Errors at their field.  Every var: is
     HTML-escaped. ?><?cs
include:"dashboard/layout.cs" ?><?cs
def:dn_error(id) ?><?cs if:FieldErr == id ?>
<p class="error" id="<?cs var:id ?>-fout"><span class="visually-hidden">Fout: </span><?cs var:Message ?></p><?cs /if ?><?cs /def ?><?cs
def:dn_described(id) ?><?cs if:FieldErr == id ?> aria-invalid="true" aria-describedby="<?cs var:id ?>-fout"<?cs /if ?><?cs /def ?><?cs
call:dash_begin() ?>
<h1>Nieuw dossier</h1>
<?cs if:Message ?><p class="message" role="alert" id="message"><?cs var:Message ?></p><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/dossier/nieuw">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<?cs if:N.Report ?><input type="hidden" name="melding" value="<?cs var:N.Report ?>">
<p>De melding wordt aan het nieuwe dossier toegevoegd.</p><?cs /if ?>
<div class="field"><label for="dossier-titel">Titel</label><?cs call:dn_error("dossier-titel") ?>
<input id="dossier-titel" name="titel" maxlength="200" required value="<?cs var:N.Title ?>"<?cs call:dn_described("dossier-titel") ?>></div>
<div class="field"><label for="dossier-thema">Thema</label><?cs call:dn_error("dossier-thema") ?>
<select id="dossier-thema" name="thema"<?cs call:dn_described("dossier-thema") ?>>
<?cs each:t = List.Themes ?><option value="<?cs var:t.Name ?>"<?cs if:t.Sel ?> selected<?cs /if ?>><?cs var:t.Name ?></option><?cs /each ?>
</select></div>
<div class="field"><label for="dossier-team">Team</label><?cs call:dn_error("dossier-team") ?>
<select id="dossier-team" name="team"<?cs call:dn_described("dossier-team") ?>>
<?cs each:t = List.Teams ?><option value="<?cs var:t.Id ?>"<?cs if:t.Sel ?> selected<?cs /if ?>><?cs var:t.Name ?></option><?cs /each ?>
</select></div>
<button type="submit">Dossier aanmaken</button>
</form>
<?cs call:dash_end() ?>
