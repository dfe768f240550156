<?cs # password.cs -- the account's own password, due after a reset
     that someone else confirmed (lib/grant.h): until it is chosen,
     nothing else opens.  The error is tied to its field. ?><?cs
include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1><?cs var:Page.Title ?></h1>
<?cs if:Pw.Message ?>
<div class="error-summary" role="alert" tabindex="-1"><p><a href="#pw-<?cs var:Pw.Field ?>"><?cs var:Pw.Message ?></a></p></div>
<?cs /if ?>
<p>Uw wachtwoord is hersteld met een eenmalig wachtwoord. Kies nu een
eigen wachtwoord van ten minste <?cs var:Pw.Min ?> tekens; alleen u kent
het.</p>
<form method="post" action="<?cs var:Page.Mount ?>/wachtwoord">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<div class="field<?cs if:Pw.Field == "nieuw" ?> has-error<?cs /if ?>"><label for="pw-nieuw">Nieuw wachtwoord</label>
<?cs if:Pw.Field == "nieuw" ?><p class="error" id="pw-nieuw-error"><span class="visually-hidden">Fout: </span><?cs var:Pw.Message ?></p><?cs /if ?>
<input type="password" id="pw-nieuw" name="nieuw" autocomplete="new-password" minlength="<?cs var:Pw.Min ?>" required<?cs if:Pw.Field == "nieuw" ?> aria-invalid="true" aria-describedby="pw-nieuw-error"<?cs /if ?>></div>
<div class="field<?cs if:Pw.Field == "herhaling" ?> has-error<?cs /if ?>"><label for="pw-herhaling">Nieuw wachtwoord nog een keer</label>
<?cs if:Pw.Field == "herhaling" ?><p class="error" id="pw-herhaling-error"><span class="visually-hidden">Fout: </span><?cs var:Pw.Message ?></p><?cs /if ?>
<input type="password" id="pw-herhaling" name="herhaling" autocomplete="new-password" required<?cs if:Pw.Field == "herhaling" ?> aria-invalid="true" aria-describedby="pw-herhaling-error"<?cs /if ?>></div>
<button type="submit">Wachtwoord opslaan</button>
</form>
<?cs call:dash_end() ?>
