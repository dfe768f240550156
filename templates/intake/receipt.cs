<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1>Uw melding is ontvangen</h1>
<p class="lead">Dank u wel. Uw melding helpt ons om ondermijning aan te pakken.</p>
<div class="receipt">
<p>Uw meldingsnummer:</p>
<p class="code" id="reference"><?cs var:Receipt.Reference ?></p>
<p>Uw geheime code:</p>
<p class="code" id="secret-code"><?cs var:Receipt.Code ?></p>
</div>
<div class="notice">
<h2>Bewaar deze code goed</h2>
<p>Schrijf het meldingsnummer en de code op, of maak er een foto van.
U ziet de code maar één keer. Wij bewaren hem niet en kunnen hem niet
opnieuw tonen of opsturen<?cs if:Receipt.Anonymous ?>, omdat wij niet weten wie u bent<?cs /if ?>.
Bent u de code kwijt? Dan kunt u deze melding niet meer volgen. U kunt wel
altijd een nieuwe melding doen.</p>
</div>
<h2>Wat gebeurt er nu?</h2>
<ul>
<li>Een medewerker van het meldpunt bekijkt uw melding.</li>
<li>Met het meldingsnummer en de code kunt u later zien wat de status is, vragen
van ons beantwoorden en informatie toevoegen: <a id="feedback-url" href="<?cs var:Receipt.Feedback ?>"><?cs var:Receipt.Feedback ?></a>.</li>
<?cs if:!Receipt.Anonymous ?><li>Wij kunnen contact met u opnemen via de gegevens die u gaf.</li><?cs /if ?>
</ul>
<?cs call:page_end() ?>
