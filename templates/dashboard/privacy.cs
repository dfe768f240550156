<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Privacy: verwerking en bewaartermijnen</h1>
<p>Hoe meldpunt is ingesteld en hoe het ervoor staat. Alleen lezen; elke weergave staat in de auditlog. <a href="<?cs var:Page.Mount ?>/privacy/csv">Download als CSV</a></p>
<table><caption>Welke gegevens worden bewaard</caption>
<thead><tr><th scope="col">Soort gegevens</th><th scope="col">Wat</th><th scope="col">Hoe lang</th></tr></thead>
<tbody><?cs each:x = Privacy.Data ?><tr><th scope="row"><?cs var:x.A ?></th><td><?cs var:x.B ?></td><td><?cs var:x.C ?></td></tr>
<?cs /each ?></tbody></table>
<table><caption>Bewaartermijnen na afronden, per soort melding</caption>
<thead><tr><th scope="col">Soort</th><th scope="col">Identiteit melder</th><th scope="col">Inhoud</th><th scope="col">Inhoud bij ongegrond of dubbel</th></tr></thead>
<tbody><?cs each:x = Privacy.Terms ?><tr><th scope="row"><?cs var:x.A ?></th><td><?cs var:x.B ?></td><td><?cs var:x.C ?></td><td><?cs var:x.D ?></td></tr>
<?cs /each ?></tbody></table>
<table><caption>Stand van de meldingen en dossiers</caption>
<thead><tr><th scope="col">Stadium</th><th scope="col">Aantal</th></tr></thead>
<tbody><?cs each:x = Privacy.Stand ?><tr><th scope="row"><?cs var:x.A ?></th><td><?cs var:x.B ?></td></tr>
<?cs /each ?></tbody></table>
<table><caption>Gebruikers die de identiteit van melders mogen zien</caption>
<thead><tr><th scope="col">Gebruiker</th><th scope="col">Naam</th><th scope="col">Rol</th><th scope="col">Account</th></tr></thead>
<tbody><?cs each:x = Privacy.Identity ?><tr><td><?cs var:x.A ?></td><td><?cs var:x.B ?></td><td><?cs var:x.C ?></td><td><?cs var:x.D ?></td></tr>
<?cs /each ?></tbody></table>
<table><caption>Partners, hun profiel en hun regels</caption>
<thead><tr><th scope="col">Partner</th><th scope="col">Velden (profiel)</th><th scope="col">Automatisch gedeeld (soorten)</th><th scope="col">Gedeeld</th></tr></thead>
<tbody><?cs each:x = Privacy.Partners ?><tr><td><?cs var:x.A ?></td><td><?cs var:x.B ?></td><td><?cs var:x.C ?></td><td><?cs var:x.D ?></td></tr>
<?cs /each ?></tbody></table>
<table><caption>Laatste bewaartermijn-runs (per batch, nieuwste eerst)</caption>
<thead><tr><th scope="col">Tijd</th><th scope="col">Soort</th><th scope="col">Gewist</th><th scope="col">Waarvan identiteiten</th></tr></thead>
<tbody><?cs each:x = Privacy.Runs ?><tr><td><?cs var:x.A ?></td><td><?cs var:x.B ?></td><td><?cs var:x.C ?></td><td><?cs var:x.D ?></td></tr>
<?cs /each ?></tbody></table>
<?cs call:dash_end() ?>
