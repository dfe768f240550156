<?cs # questions.cs -- follow-up questions per signal type (issue 17),
     cgi/dashboard/questions.c: choose a signal type, then its questions
     with their texts per language (what is missing is said), a form
     to change each and one to add one.  Nothing is deleted: a question
     is switched off, and answers keep the text they were asked with. ?><?cs
include:"dashboard/layout.cs" ?><?cs
def:qtexts(q, pfx) ?><?cs each:l = QLangs ?>
<fieldset>
<legend><?cs var:l.Name ?><?cs if:l.Code == "nl" ?> (verplicht)<?cs elif:q.Id && !q.T[l.Code].Label ?> <strong>(vertaling ontbreekt: het formulier toont het Nederlands)</strong><?cs else ?> (niet verplicht)<?cs /if ?></legend>
<div class="field"><label for="<?cs var:pfx ?>-vraag-<?cs var:l.Code ?>">Vraag</label>
<input type="text" id="<?cs var:pfx ?>-vraag-<?cs var:l.Code ?>" name="vraag-<?cs var:l.Code ?>" value="<?cs if:q.Id ?><?cs var:q.T[l.Code].Label ?><?cs /if ?>" maxlength="300"<?cs if:l.Code == "ar" ?> dir="rtl"<?cs /if ?>></div>
<div class="field"><label for="<?cs var:pfx ?>-uitleg-<?cs var:l.Code ?>">Uitleg (niet verplicht)</label>
<textarea id="<?cs var:pfx ?>-uitleg-<?cs var:l.Code ?>" name="uitleg-<?cs var:l.Code ?>" rows="2" maxlength="1000"<?cs if:l.Code == "ar" ?> dir="rtl"<?cs /if ?>><?cs if:q.Id ?><?cs var:q.T[l.Code].Help ?><?cs /if ?></textarea></div>
<div class="field"><label for="<?cs var:pfx ?>-keuzes-<?cs var:l.Code ?>">Antwoorden om uit te kiezen, één per regel (alleen bij een keuzevraag)</label>
<textarea id="<?cs var:pfx ?>-keuzes-<?cs var:l.Code ?>" name="keuzes-<?cs var:l.Code ?>" rows="3"<?cs if:l.Code == "ar" ?> dir="rtl"<?cs /if ?>><?cs if:q.Id ?><?cs var:q.T[l.Code].Options ?><?cs /if ?></textarea></div>
</fieldset><?cs /each ?><?cs /def ?><?cs
def:qcommon(q, pfx) ?>
<div class="field"><label for="<?cs var:pfx ?>-publiek">Voor wie</label>
<select id="<?cs var:pfx ?>-publiek" name="publiek"><option value="0">Iedereen die deze soort kan melden</option><?cs each:a = QAudiences ?><option value="<?cs var:a.Id ?>"<?cs if:q.Id && q.Audience == a.Id ?> selected<?cs /if ?>>Alleen <?cs var:a.Name ?></option><?cs /each ?></select></div>
<div class="field"><label for="<?cs var:pfx ?>-volgorde">Volgorde (0 tot 999, laag eerst)</label>
<input type="text" inputmode="numeric" id="<?cs var:pfx ?>-volgorde" name="volgorde" value="<?cs if:q.Id ?><?cs var:q.Position ?><?cs else ?>10<?cs /if ?>" maxlength="3"></div>
<div class="choice"><input type="checkbox" id="<?cs var:pfx ?>-verplicht" name="verplicht" value="1"<?cs if:q.Id && q.Required == 1 ?> checked<?cs /if ?>>
<label for="<?cs var:pfx ?>-verplicht">Verplicht</label></div><?cs /def ?><?cs
call:dash_begin() ?>
<h1>Vervolgvragen<?cs if:Q.TypeName ?>: <?cs var:Q.TypeName ?><?cs /if ?></h1>
<p><a href="<?cs var:Page.Mount ?>/beheer">Terug naar Beheer</a></p>
<?cs if:Q.Message ?><div class="error-summary" role="alert" tabindex="-1"><p><?cs var:Q.Message ?></p></div><?cs /if ?>
<?cs if:Q.Note ?><p class="notice" role="status"><?cs var:Q.Note ?></p><?cs /if ?>
<p>Melders krijgen deze vragen als zij deze signaalsoort kiezen. Een vraag
wijzigen of uitzetten verandert nooit antwoorden die al gegeven zijn: bij
elk antwoord staat de vraag zoals die toen gesteld werd.</p>
<nav aria-label="Signaalsoorten"><ul class="plain"><?cs each:t = QTypes ?>
<li><a href="<?cs var:Page.Mount ?>/beheer/vragen?soort=<?cs var:t.Id ?>"<?cs if:t.Id == Q.Type ?> aria-current="page"<?cs /if ?>><?cs var:t.Name ?></a></li><?cs /each ?></ul></nav>
<?cs if:Q.Type ?>
<section aria-labelledby="h-vragen">
<h2 id="h-vragen">Vragen</h2>
<?cs if:subcount(Questions) == 0 ?><p>Deze signaalsoort heeft nog geen vervolgvragen.</p><?cs /if ?>
<?cs each:q = Questions ?>
<article id="vraag-<?cs var:q.Id ?>" class="question">
<h3><?cs var:q.Label ?></h3>
<p><?cs var:q.KindLabel ?>, <?cs if:q.Required == 1 ?>verplicht<?cs else ?>niet verplicht<?cs /if ?>, <?cs if:q.Active == 1 ?>staat aan<?cs else ?><strong>staat uit</strong><?cs /if ?><?cs if:q.Missing > 0 ?>; <?cs var:q.Missing ?> vertaling(en) ontbreken<?cs /if ?>.</p>
<form method="post" action="<?cs var:Page.Mount ?>/beheer/vragen">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<input type="hidden" name="actie" value="vraag-wijzig">
<input type="hidden" name="id" value="<?cs var:q.Id ?>"><?cs call:qcommon(q, "v" + q.Id) ?>
<div class="choice"><input type="checkbox" id="v<?cs var:q.Id ?>-actief" name="actief" value="1"<?cs if:q.Active == 1 ?> checked<?cs /if ?>>
<label for="v<?cs var:q.Id ?>-actief">Staat aan (uit: het formulier vraagt het niet meer)</label></div><?cs call:qtexts(q, "v" + q.Id) ?>
<p><button type="submit">Vraag opslaan</button></p>
</form>
</article>
<?cs /each ?>
</section>
<section aria-labelledby="h-nieuw">
<h2 id="h-nieuw">Nieuwe vraag</h2>
<form method="post" action="<?cs var:Page.Mount ?>/beheer/vragen">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<input type="hidden" name="actie" value="vraag-nieuw">
<input type="hidden" name="soort" value="<?cs var:Q.Type ?>">
<div class="field"><label for="n-soort-vraag">Soort vraag</label>
<select id="n-soort-vraag" name="soort-vraag"><?cs each:k = QKinds ?><option value="<?cs var:k.Name ?>"><?cs var:k.Label ?></option><?cs /each ?></select></div><?cs call:qcommon(Q.None, "n") ?><?cs call:qtexts(Q.None, "n") ?>
<p><button type="submit">Vraag toevoegen</button></p>
</form>
</section>
<?cs /if ?>
<?cs call:dash_end() ?>
