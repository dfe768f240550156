<?cs include:"common/layout.cs" ?><?cs call:page_begin() ?>
<h1>U bent afgemeld</h1>
<p>U kunt later weer kijken met uw meldingsnummer en geheime code:
<a href="<?cs var:Page.Mount ?>/">uw melding volgen</a>.</p>
<?cs call:page_end() ?>
