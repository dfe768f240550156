<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1>Privacyverklaring</h1>
<p class="lead"><?cs if:Privacy.intro ?><?cs var:Privacy.intro ?><?cs else ?>Hier leest u wat het meldpunt van <?cs var:Instance.Name ?> doet met uw melding en met uw gegevens. De gemeente is verantwoordelijk voor deze gegevens en volgt daarbij het privacyprotocol dat zij heeft opgesteld, de Algemene verordening gegevensbescherming (AVG) en de Archiefwet.<?cs /if ?></p>

<h2 id="wat">Wat wij bewaren</h2>
<?cs if:Privacy.stored ?><p><?cs var:Privacy.stored ?></p><?cs else ?>
<ul>
<li>Wat u ons vertelt: uw beschrijving, wanneer en waar u iets zag, en de personen, bedrijven en voertuigen die u noemt.</li>
<li>De foto's en documenten die u meestuurt.</li>
<li>Als u niet anoniem meldt: uw naam, e-mailadres en telefoonnummer. Die bewaren wij versleuteld en apart van de melding.</li>
<li>Het meldingsnummer en een versleutelde vorm van uw geheime code, zodat u uw melding later kunt volgen. Uw code zelf bewaren wij niet.</li>
<li>De berichten tussen u en het meldpunt.</li>
</ul>
<p>Wij bewaren uw IP-adres niet bij een anonieme melding.</p>
<?cs /if ?>

<h2 id="hoelang">Hoe lang wij het bewaren</h2>
<?cs # The terms are the configured defaults (retention.*, set by
     privacy.c); privacy.terms.text overrides the text below. ?>
<?cs if:Privacy.terms ?><p><?cs var:Privacy.terms ?></p><?cs else ?><p>De gemeente bepaalt hoe lang wij uw gegevens bewaren. Wij bewaren ze niet langer dan nodig is voor het doel waarvoor u ze gaf. Uw contactgegevens wissen wij eerder dan de melding zelf. De termijnen tellen vanaf de dag dat wij de melding afronden:</p>
<ul id="termijnen">
<li>uw naam, contactgegevens en de code waarmee u uw melding volgt: <span id="term-identiteit"><?cs var:Terms.Identity ?></span>;</li>
<li>de inhoud van de melding, met foto's en berichten: <span id="term-inhoud"><?cs var:Terms.Content ?></span>;</li>
<li>een melding die niet klopte of dubbel was: <span id="term-ongegrond"><?cs var:Terms.Unfounded ?></span>.</li>
</ul>
<p>Voor sommige soorten meldingen kan de gemeente andere termijnen kiezen. Een melding die deel is van een lopend onderzoek bewaren wij tot dat onderzoek is afgerond. Na afloop van de bewaartermijn wissen wij de gegevens echt; alleen cijfers voor de statistiek blijven over, zonder inhoud en zonder namen.</p><?cs /if ?>

<h2 id="wie">Wie uw melding ziet</h2>
<p><?cs if:Privacy.access ?><?cs var:Privacy.access ?><?cs else ?>Alleen de medewerkers van het meldpunt die uw melding behandelen, en hun coördinator. Uw naam en contactgegevens ziet alleen wie daarvoor apart toestemming heeft, meestal alleen de coördinator. Elke keer dat iemand een melding bekijkt, leggen wij vast wie dat was en wanneer.<?cs /if ?></p>

<h2 id="delen">Met wie wij uw melding kunnen delen</h2>
<p><?cs if:Privacy.sharing ?><?cs var:Privacy.sharing ?><?cs else ?>Om ondermijning aan te pakken werkt de gemeente samen met partners, zoals de politie, de Belastingdienst en woningcorporaties. Soms geven wij (een deel van) een melding aan zo'n partner. Bij sommige soorten meldingen gebeurt dat vanzelf; het meldformulier zegt dan welke partner uw melding krijgt. Uw naam en contactgegevens geven wij nooit aan partners.<?cs /if ?></p>

<h2 id="anoniem">Anoniem melden</h2>
<p><?cs if:Privacy.anonymity ?><?cs var:Privacy.anonymity ?><?cs else ?>Als u anoniem meldt, vragen en bewaren wij niets waaruit blijkt wie u bent. U krijgt wel een meldingsnummer en een geheime code. Daarmee kunt u later zien wat er met uw melding gebeurt en vragen van ons beantwoorden, zonder dat wij weten wie u bent. Let op: schrijf dan ook in uw beschrijving en berichten niets over uzelf. Wilt u de politie anoniem iets vertellen? Zie onderaan deze pagina.<?cs /if ?></p>

<h2 id="fotos">Foto's en documenten</h2>
<p><?cs if:Privacy.photos ?><?cs var:Privacy.photos ?><?cs else ?>Uit foto's verwijderen wij locatiegegevens en andere verborgen gegevens, zoals het merk van de camera, de naam van het toestel en het tijdstip, voordat wij ze bewaren. Een PDF bewaren wij zoals hij is: de eigenschappen van een document kunnen uw naam bevatten, bijvoorbeeld als auteur.<?cs /if ?></p>

<h2 id="rechten">Uw rechten</h2>
<p><?cs if:Privacy.rights ?><?cs var:Privacy.rights ?><?cs else ?>U mag de gemeente vragen welke gegevens zij van u heeft, en vragen die te verbeteren of te wissen. Neem daarvoor contact op met de gemeente of met haar functionaris gegevensbescherming. Bent u het niet eens met hoe de gemeente met uw gegevens omgaat? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens.<?cs /if ?></p>

<p><a href="<?cs var:Page.Mount ?>/">Terug naar het meldformulier</a></p>
<?cs call:page_end() ?>
