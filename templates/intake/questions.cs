<?cs # questions.cs -- the follow-up questions of the chosen signal type
     (issue 17), from lib/question.c's Questions.N (mp_question_view);
     included by intake/form.cs inside its form.  Without JavaScript a
     type's questions show once the type is chosen: the links below, or
     the form sent without them comes back with them (cgi/intake).
     Error markup as common/fields.cs. ?><?cs
def:q_described(q) ?><?cs if:q.Help || q.Error ?> aria-describedby="<?cs if:q.Help ?><?cs var:q.Id ?>-hint<?cs /if ?><?cs if:q.Help && q.Error ?> <?cs /if ?><?cs if:q.Error ?><?cs var:q.Id ?>-error<?cs /if ?>"<?cs /if ?><?cs if:q.Error ?> aria-invalid="true"<?cs /if ?><?cs /def ?><?cs
def:q_hint(q) ?><?cs if:q.Help ?>
<p class="hint" id="<?cs var:q.Id ?>-hint"><?cs var:q.Help ?></p><?cs /if ?><?cs if:q.Error ?>
<p class="error" id="<?cs var:q.Id ?>-error"><span class="visually-hidden"><?cs var:T.summary.error ?> </span><?cs var:q.Error ?></p><?cs /if ?><?cs /def ?><?cs
if:Form.AnyQuestions && !Form.QuestionsFor ?>
<div class="hint" id="report-questions-links"><p><?cs var:T.question.links ?><?cs each:t = Types ?><?cs if:t.Questions ?> <a href="?onderwerp=<?cs var:url_escape(t.Slug) ?>"><?cs var:t.Name ?></a><?cs /if ?><?cs /each ?></p></div>
<?cs /if ?><?cs
if:subcount(Questions) > 0 ?>
<fieldset id="report-questions">
<legend><?cs var:T.question.legend ?></legend>
<input type="hidden" name="questions-for" value="<?cs var:Form.QuestionsFor ?>"><?cs
each:q = Questions ?><?cs
if:q.Kind == "ja-nee" || q.Kind == "keuze" || q.Kind == "keuzes" ?>
<fieldset class="field<?cs if:q.Error ?> has-error<?cs /if ?>" id="<?cs var:q.Id ?>"<?cs call:q_described(q) ?>>
<legend><?cs var:q.Label ?><?cs if:q.Required ?> <span aria-hidden="true">*</span><?cs /if ?></legend><?cs call:q_hint(q) ?><?cs
if:q.Kind == "ja-nee" ?>
<div class="choice"><input type="radio" id="<?cs var:q.Id ?>-ja" name="<?cs var:q.Id ?>" value="ja"<?cs if:q.Value == "ja" ?> checked<?cs /if ?>>
<label for="<?cs var:q.Id ?>-ja"><?cs var:T.question.yes ?></label></div>
<div class="choice"><input type="radio" id="<?cs var:q.Id ?>-nee" name="<?cs var:q.Id ?>" value="nee"<?cs if:q.Value == "nee" ?> checked<?cs /if ?>>
<label for="<?cs var:q.Id ?>-nee"><?cs var:T.question.no ?></label></div><?cs
elif:q.Kind == "keuze" ?><?cs each:o = q.Options ?>
<div class="choice"><input type="radio" id="<?cs var:q.Id ?>-<?cs var:o.Value ?>" name="<?cs var:q.Id ?>" value="<?cs var:o.Value ?>"<?cs if:o.Checked ?> checked<?cs /if ?>>
<label for="<?cs var:q.Id ?>-<?cs var:o.Value ?>"><?cs var:o.Label ?></label></div><?cs /each ?><?cs
else ?><?cs each:o = q.Options ?>
<div class="choice"><input type="checkbox" id="<?cs var:q.Id ?>-<?cs var:o.Value ?>" name="<?cs var:q.Id ?>-<?cs var:o.Value ?>" value="ja"<?cs if:o.Checked ?> checked<?cs /if ?>>
<label for="<?cs var:q.Id ?>-<?cs var:o.Value ?>"><?cs var:o.Label ?></label></div><?cs /each ?><?cs
/if ?>
</fieldset><?cs
else ?>
<div class="field<?cs if:q.Error ?> has-error<?cs /if ?>">
<label for="<?cs var:q.Id ?>"><?cs var:q.Label ?><?cs if:q.Required ?> <span aria-hidden="true">*</span><?cs else ?> <?cs var:T.question.optional ?><?cs /if ?></label><?cs call:q_hint(q) ?><?cs
if:q.Kind == "lange-tekst" ?>
<textarea id="<?cs var:q.Id ?>" name="<?cs var:q.Id ?>" rows="4" maxlength="<?cs var:q.Max ?>"<?cs call:q_described(q) ?>><?cs var:q.Value ?></textarea><?cs
else ?>
<input type="text" id="<?cs var:q.Id ?>" name="<?cs var:q.Id ?>" value="<?cs var:q.Value ?>" maxlength="<?cs var:q.Max ?>"<?cs if:q.Kind == "getal" ?> inputmode="decimal"<?cs /if ?><?cs if:q.Kind == "datum" ?> placeholder="<?cs var:T.question.date_placeholder ?>"<?cs /if ?><?cs call:q_described(q) ?>><?cs
/if ?>
</div><?cs
/if ?><?cs
/each ?>
</fieldset>
<?cs /if ?>
