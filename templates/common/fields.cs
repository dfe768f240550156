<?cs # fields.cs -- the markup of a form field and of the error summary,
     shared by the intake form (intake/form.cs) and the handler's new
     report (dashboard/new.cs), which show the same fields of
     lib/report.c from the same Form.* tree (mp_report_view).
     Only definitions: including it prints nothing. ?><?cs
# A text input with its label, hint and error, tied by id and
  aria-describedby so screen readers read them with the field. ?><?cs
def:field_error(f, id) ?><?cs if:Form.Error[f] ?>
<p class="error" id="<?cs var:id ?>-error"><span class="visually-hidden"><?cs var:T.summary.error ?> </span><?cs var:Form.Error[f] ?></p><?cs /if ?><?cs /def ?><?cs
def:described(f, id, hint) ?><?cs if:hint || Form.Error[f] ?> aria-describedby="<?cs if:hint ?><?cs var:id ?>-hint<?cs /if ?><?cs if:hint && Form.Error[f] ?> <?cs /if ?><?cs if:Form.Error[f] ?><?cs var:id ?>-error<?cs /if ?>"<?cs /if ?><?cs if:Form.Error[f] ?> aria-invalid="true"<?cs /if ?><?cs /def ?><?cs
def:input(f, id, label, hint, type, extra) ?>
<div class="field<?cs if:Form.Error[f] ?> has-error<?cs /if ?>">
<label for="<?cs var:id ?>"><?cs var:label ?></label><?cs if:hint ?>
<p class="hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p><?cs /if ?><?cs call:field_error(f, id) ?>
<input type="<?cs var:type ?>" id="<?cs var:id ?>" name="<?cs var:id ?>" value="<?cs var:Form.Value[f] ?>" maxlength="<?cs var:Form.Max[f] ?>"<?cs call:described(f, id, hint) ?><?cs if:extra ?> autocomplete="<?cs var:extra ?>"<?cs /if ?>>
</div><?cs /def ?><?cs
def:textarea(f, id, label, hint, rows) ?>
<div class="field<?cs if:Form.Error[f] ?> has-error<?cs /if ?>">
<label for="<?cs var:id ?>"><?cs var:label ?></label><?cs if:hint ?>
<p class="hint" id="<?cs var:id ?>-hint"><?cs var:hint ?></p><?cs /if ?><?cs call:field_error(f, id) ?>
<textarea id="<?cs var:id ?>" name="<?cs var:id ?>" rows="<?cs var:rows ?>" maxlength="<?cs var:Form.Max[f] ?>"<?cs call:described(f, id, hint) ?>><?cs var:Form.Value[f] ?></textarea>
</div><?cs /def ?><?cs
# Every error of the form as links to its field, first on the page
  and announced, so a screen-reader user hears that and where. ?><?cs
def:error_summary() ?><?cs if:Form.Errors > 0 ?>
<div class="error-summary" role="alert" tabindex="-1">
<h2><?cs var:T.summary.title ?></h2>
<p><?cs if:Form.Errors == 1 ?><?cs var:T.summary.one ?><?cs else ?><?cs if:T.summary.many_pre ?><?cs var:T.summary.many_pre ?> <?cs /if ?><?cs var:Form.Errors ?><?cs if:T.summary.many_post ?> <?cs var:T.summary.many_post ?><?cs /if ?><?cs /if ?></p>
<ul><?cs each:e = Form.ErrorList ?>
<li><a href="#<?cs var:e.Id ?>"><?cs var:e.Label ?>: <?cs var:e.Message ?></a></li><?cs /each ?></ul>
</div>
<?cs /if ?><?cs /def ?>