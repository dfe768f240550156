<?cs # new-done.cs -- after a handler entered a telephone or e-mail
     report (new.c): the reference and the secret code, this once, to
     read out or send to the caller, as the intake's receipt shows
     them; the code is stored only as a hash and cannot be shown
     again. ?><?cs
include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Melding ingevoerd</h1>
<p>Geef de melder het meldingsnummer en de geheime code door. Daarmee kan de melder de melding volgen en berichten lezen en beantwoorden op de pagina voor melders.</p>
<h2>Meldingsnummer</h2>
<p class="code" id="reference"><?cs var:New.Reference ?></p>
<h2>Geheime code</h2>
<p class="code" id="secret-code"><?cs var:New.Code ?></p>
<div class="notice"><p><strong>Deze code ziet u alleen nu.</strong> Wij bewaren hem niet leesbaar en kunnen hem niet opnieuw tonen. Schrijf hem niet in een notitie of in de melding.</p></div>
<?cs if:New.Files > 0 ?><p>Met <?cs var:New.Files ?> bestand(en).</p><?cs /if ?>
<p><a class="button" id="new-report" href="<?cs var:Page.Mount ?>/melding/<?cs var:New.Id ?>">Naar de melding</a></p>
<?cs call:dash_end() ?>
