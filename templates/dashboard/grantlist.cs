<?cs # grantlist.cs -- the requests that wait for a second person
     (lib/grant.h), as a table with a form per decision: on the admin
     page and on /verzoeken.  Each form is a POST with the CSRF token;
     the server decides who may do what, the buttons only follow it.
     Each button names its request for screen readers. ?><?cs
def:grant_form(g, action, label) ?>
<form method="post" action="<?cs var:Page.Mount ?>/verzoeken" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<input type="hidden" name="actie" value="<?cs var:action ?>">
<input type="hidden" name="id" value="<?cs var:g.Id ?>">
<input type="hidden" name="terug" value="<?cs var:GrantBack ?>">
<button type="submit" aria-describedby="verzoek-<?cs var:g.Id ?>"><?cs var:label ?></button>
</form><?cs /def ?><?cs
def:grant_list() ?>
<section aria-labelledby="h-verzoeken" id="verzoeken">
<h2 id="h-verzoeken">Verzoeken die wachten op bevestiging</h2>
<p>Een wijziging waarmee een account meldingen of de identiteit van
melders kan zien, of rechten kan geven, gaat pas in als een tweede
persoon haar bevestigt: een andere beheerder of een coördinator. Wie het
vroeg en het account zelf kunnen niet bevestigen.</p>
<?cs if:subcount(Grants) == 0 ?>
<p id="geen-verzoeken">Er wachten geen verzoeken.</p>
<?cs else ?>
<table class="grants">
<caption class="visually-hidden">Verzoeken die wachten op bevestiging</caption>
<thead><tr><th scope="col">Verzoek</th><th scope="col">Account nu</th><th scope="col">Gevraagd door</th><th scope="col">Beslissen</th></tr></thead>
<tbody>
<?cs each:g = Grants ?>
<tr>
<td id="verzoek-<?cs var:g.Id ?>">Verzoek <?cs var:g.Id ?>: <?cs var:g.What ?> voor <strong><?cs var:g.User ?></strong> (<?cs var:g.UserName ?>)</td>
<td><?cs var:g.Role ?><?cs if:g.Disabled == "1" ?>, uitgeschakeld<?cs /if ?><?cs if:g.Identity == "1" ?>, met recht identiteit melder<?cs /if ?><?cs if:g.Teams ?>; teams: <?cs var:g.Teams ?><?cs else ?>; geen team<?cs /if ?></td>
<td><?cs var:g.By ?> (<?cs var:g.ByName ?>), <?cs var:g.At ?></td>
<td><?cs if:g.MayConfirm == "1" ?><?cs call:grant_form(g, "bevestigen", "Bevestigen") ?><?cs /if ?><?cs
if:g.MayReject == "1" ?><?cs call:grant_form(g, "afwijzen", "Afwijzen") ?><?cs /if ?><?cs
if:g.MayWithdraw == "1" ?><?cs call:grant_form(g, "intrekken", "Intrekken") ?><?cs /if ?><?cs
if:g.MayConfirm != "1" && g.MayWithdraw != "1" ?><p class="small">Dit verzoek gaat over uw eigen account: een ander bevestigt het.</p><?cs /if ?></td>
</tr>
<?cs /each ?>
</tbody>
</table>
<?cs /if ?>
</section><?cs /def ?>
