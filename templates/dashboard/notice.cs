<?cs # notice.cs -- /meldingen-per-mail: the user's own choice of notices
     by mail (lib/notice.h).  A report assigned to them is always told;
     the team's new reports and the daily digest can be switched off.
     A POST with the CSRF token. ?><?cs
include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Meldingen per e-mail</h1>
<?cs if:Notice.Note ?><p class="notice" role="status" id="klaar"><?cs var:Notice.Note ?></p><?cs /if ?>
<p>Het meldpunt stuurt u een e-mail als een melding aan u wordt
toegewezen. Hieronder kiest u of u ook andere berichten wilt. In een
e-mail staat nooit de inhoud van een melding: alleen het kenmerk en een
link naar het dashboard, waar u inlogt.</p>
<form method="post" action="<?cs var:Page.Mount ?>/meldingen-per-mail">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<fieldset><legend>Ik wil een e-mail</legend>
<div class="field check"><input type="checkbox" id="n-team" name="team" value="ja"<?cs if:Notice.Team == "1" ?> checked<?cs /if ?>>
<label for="n-team">bij elke nieuwe melding in de wachtrij van mijn team</label></div>
<div class="field check"><input type="checkbox" id="n-overzicht" name="overzicht" value="ja" aria-describedby="n-overzicht-hint"<?cs if:Notice.Digest == "1" ?> checked<?cs /if ?>>
<label for="n-overzicht">elke ochtend als ik taken heb waarvan de einddatum voorbij is</label>
<p class="hint" id="n-overzicht-hint">Hooguit één overzicht per dag.</p></div>
</fieldset>
<button type="submit">Opslaan</button>
</form>
<?cs call:dash_end() ?>
