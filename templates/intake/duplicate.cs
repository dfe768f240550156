<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1>Deze melding is al ontvangen</h1>
<p>Dit formulier is al eerder verstuurd. Wij hebben uw melding maar één
keer opgeslagen<?cs if:Receipt.Reference ?>, onder meldingsnummer
<strong id="reference"><?cs var:Receipt.Reference ?></strong><?cs /if ?>.</p>
<p>De geheime code ziet u alleen direct na het versturen. Om veiligheidsredenen
tonen wij hem niet opnieuw.</p>
<p>Wilt u iets nieuws melden? <a href="<?cs var:Page.Mount ?>/">Begin een nieuwe melding</a>.</p>
<?cs call:page_end() ?>
