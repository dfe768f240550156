<?cs include:"dashboard/layout.cs" ?><?cs call:dash_begin() ?>
<h1>Melding <?cs var:R.Reference ?></h1>
<?cs if:Message ?><p class="message" role="alert" id="message"><?cs var:Message ?></p><?cs /if ?>
<?cs # Two columns on a wide screen (meldpunt.css, .columns): the
     report and its links, then the conversation and the actions; one
     column, in this order, on a phone. ?>
<div class="columns">
<div class="column-main">
<dl class="report">
<dt>Status</dt><dd id="status"><?cs call:status_badge(R.Status) ?><?cs if:R.ClosedReason ?> (reden: <?cs var:R.ClosedReason ?>)<?cs /if ?></dd>
<dt>Ontvangen</dt><dd><?cs var:R.Received ?> (<?cs var:R.Age ?>) via <?cs var:R.Channel ?></dd>
<?cs if:R.Taken ?><dt>In behandeling sinds</dt><dd><?cs var:R.Taken ?></dd><?cs /if ?>
<?cs if:R.Closed ?><dt>Afgerond</dt><dd><?cs var:R.Closed ?></dd><?cs /if ?>
<dt>Team</dt><dd id="team"><?cs if:R.Team ?><?cs var:R.Team ?><?cs else ?>geen<?cs /if ?></dd>
<dt>Behandelaar</dt><dd id="handler"><?cs if:R.Handler ?><?cs var:R.Handler ?><?cs else ?>geen<?cs /if ?></dd>
<dt>Doelgroep</dt><dd><?cs var:R.Audience ?></dd>
<dt>Soort</dt><dd><?cs var:R.Type ?></dd>
<dt>Omschrijving</dt><dd id="description" class="text"><?cs var:R.Description ?></dd>
<dt>Waargenomen</dt><dd><?cs var:R.ObservedDate ?> <?cs var:R.ObservedTime ?></dd>
<dt>Adres</dt><dd id="address"><?cs var:R.Street ?> <?cs var:R.HouseNumber ?>, <?cs var:R.Postcode ?> <?cs var:R.City ?></dd>
<dt>Betrokken personen</dt><dd class="text"><?cs var:R.People ?></dd>
<dt>Betrokken bedrijven</dt><dd class="text"><?cs var:R.Companies ?></dd>
<dt>Voertuigen</dt><dd class="text"><?cs var:R.Vehicles ?></dd>
<?cs each:a = Answers ?><dt class="answer"><?cs var:a.Label ?></dt><dd class="text answer"><?cs var:a.Value ?></dd>
<?cs /each ?><dt>Melder</dt><dd id="reporter"><?cs if:R.Anonymous ?>anoniem<?cs elif:R.Contact.Shown ?><?cs var:R.Contact.Name ?><?cs if:R.Contact.Email ?>, <?cs var:R.Contact.Email ?><?cs /if ?><?cs if:R.Contact.Phone ?>, <?cs var:R.Contact.Phone ?><?cs /if ?><?cs else ?>niet anoniem; wie het is, zien alleen medewerkers met het recht identiteit melder<?cs /if ?></dd>
<dt>Taal van de melder</dt><dd id="report-lang"><?cs var:R.Lang ?></dd>
</dl>
<h2 id="onderwerpen">Onderwerpen</h2>
<?cs if:R.SubjectsCut ?><p class="notice" id="subjects-cut">Er stonden meer mogelijke onderwerpen in de tekst dan er getoond worden (maximaal <?cs var:SubjMax ?>).</p><?cs /if ?>
<?cs if:subcount(Subj) == 0 ?><p>Nog geen onderwerpen.</p><?cs else ?>
<ul id="subjects">
<?cs each:o = Subj ?><li><?cs var:o.Kind ?>: <a href="<?cs var:Page.Mount ?>/onderwerp/<?cs var:o.Id ?>"><?cs var:o.Display ?></a> (<?cs var:o.Source ?>)<?cs if:o.Proposal ?> <strong class="proposal">voorstel, nog niet bevestigd</strong><?cs /if ?>
<?cs if:Act.Subj ?><?cs if:o.Proposal ?><form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>/onderwerpen" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="bevestigen"><input type="hidden" name="onderwerp" value="<?cs var:o.Id ?>">
<button type="submit">Bevestigen<span class="visually-hidden">: <?cs var:o.Display ?></span></button></form><?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>/onderwerpen" class="inline">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="verwijderen"><input type="hidden" name="onderwerp" value="<?cs var:o.Id ?>">
<button type="submit" class="secondary">Verwijderen<span class="visually-hidden">: <?cs var:o.Display ?></span></button></form><?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:Act.Subj ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>/onderwerpen" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<fieldset><legend>Onderwerp toevoegen of wijzigen</legend>
<p class="hint" id="onderwerp-hint">Ten hoogste <?cs var:SubjMax ?> onderwerpen per melding. Wijzigen vervangt het gekozen onderwerp door dit nieuwe.</p>
<div class="field"><label for="onderwerp-soort">Soort</label><select id="onderwerp-soort" name="soort"<?cs if:FieldErr == "onderwerp-soort" ?> aria-invalid="true" aria-describedby="message"<?cs /if ?>>
<?cs each:k = Opt.Kinds ?><option value="<?cs var:k.Name ?>"><?cs var:k.Name ?></option><?cs /each ?></select></div>
<div class="field"><label for="onderwerp-waarde">Waarde</label><?cs if:FieldErr == "onderwerp-waarde" ?><p class="error" id="onderwerp-fout"><?cs var:Message ?></p><?cs /if ?>
<input id="onderwerp-waarde" name="waarde" maxlength="255" required aria-describedby="onderwerp-hint<?cs if:FieldErr == "onderwerp-waarde" ?> onderwerp-fout<?cs /if ?>"<?cs if:FieldErr == "onderwerp-waarde" ?> aria-invalid="true"<?cs /if ?> value="<?cs if:FieldErr == "onderwerp-waarde" || FieldErr == "onderwerp-soort" ?><?cs var:Keep.Waarde ?><?cs /if ?>"></div>
<?cs if:subcount(Subj) > 0 ?><div class="field"><label for="onderwerp-oud">Te vervangen onderwerp (alleen bij wijzigen)</label><select id="onderwerp-oud" name="onderwerp">
<?cs each:o = Subj ?><option value="<?cs var:o.Id ?>"><?cs var:o.Kind ?>: <?cs var:o.Display ?></option><?cs /each ?></select></div><?cs /if ?>
<button type="submit" name="actie" value="toevoegen">Toevoegen</button>
<?cs if:subcount(Subj) > 0 ?><button type="submit" name="actie" value="wijzigen">Wijzigen</button><?cs /if ?>
</fieldset>
</form>
<?cs /if ?>
<h2 id="verbanden">Verbanden</h2>
<?cs if:subcount(Verb) == 0 ?><p>Geen andere meldingen met een gedeeld onderwerp.</p><?cs else ?>
<?cs each:g = Verb ?><h3><?cs if:g.Nearby ?>In de buurt (zelfde postcode, ander huisnummer): <?cs /if ?><?cs var:g.Kind ?>: <a href="<?cs var:Page.Mount ?>/onderwerp/<?cs var:g.Subject ?>"><?cs var:g.Display ?></a></h3>
<ul class="links<?cs if:g.Nearby ?> nearby<?cs /if ?>">
<?cs each:x = g.Rep ?><li><a href="<?cs var:Page.Mount ?>/melding/<?cs var:x.Id ?>"><?cs var:x.Reference ?></a> &middot; <?cs var:x.Type ?> &middot; <?cs var:x.Date ?> &middot; <?cs call:status_badge(x.Status) ?></li>
<?cs /each ?><?cs if:g.Unseen ?><li><span class="other-team">Er is een verband met <?cs if:g.Unseen == 1 ?>een melding<?cs else ?><?cs var:g.Unseen ?> meldingen<?cs /if ?> in een ander team. Wilt u die zien? Vraag het een coördinator<?cs if:Coordinators ?> (<?cs var:Coordinators ?>)<?cs /if ?>.</span></li>
<?cs /if ?></ul>
<?cs /each ?><?cs /if ?>
<?cs if:subcount(Dec) > 0 ?><h3>Besluiten over verbanden</h3><ul id="decisions">
<?cs each:x = Dec ?><li><?cs var:x.At ?> &middot; <?cs var:x.Kind ?> <?cs if:x.Visible ?><a href="<?cs var:Page.Mount ?>/melding/<?cs var:x.Other ?>"><?cs var:x.Reference ?></a>: <span class="text"><?cs var:x.Reason ?></span><?cs else ?>een melding in een ander team (vraag het een coördinator<?cs if:Coordinators ?>: <?cs var:Coordinators ?><?cs /if ?>)<?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
<?cs if:Act.Subj ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>/verband" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<fieldset><legend>Verband met een andere melding vastleggen</legend>
<div class="field"><label for="verband-soort">Besluit</label><select id="verband-soort" name="soort"<?cs if:FieldErr == "verband-soort" ?> aria-invalid="true" aria-describedby="message"<?cs /if ?>>
<option value="zelfde">zelfde zaak</option><option value="los">geen verband (verbergen)</option><option value="dubbel">deze melding is dubbel (rondt haar af)</option></select></div>
<div class="field"><label for="verband-ander">Meldingsnummer van de andere melding</label><input id="verband-ander" name="ander" maxlength="32" required<?cs if:FieldErr == "verband-ander" ?> aria-invalid="true" aria-describedby="message"<?cs /if ?> value="<?cs if:FieldErr == "verband-soort" || FieldErr == "verband-ander" || FieldErr == "verband-reden" ?><?cs var:Keep.Ander ?><?cs /if ?>"></div>
<div class="field"><label for="verband-reden">Reden</label><textarea id="verband-reden" name="reden" rows="2" maxlength="500" required<?cs if:FieldErr == "verband-reden" ?> aria-invalid="true" aria-describedby="message"<?cs /if ?>><?cs if:FieldErr == "verband-soort" || FieldErr == "verband-ander" || FieldErr == "verband-reden" ?><?cs var:Keep.Reden ?><?cs /if ?></textarea></div>
<button type="submit">Vastleggen</button>
</fieldset>
</form>
<?cs /if ?>
<?cs if:Can.Dossier ?><h2 id="dossiers">Dossiers</h2>
<?cs if:subcount(Dossiers) == 0 ?><p>Deze melding zit in geen dossier dat u mag zien.</p><?cs else ?>
<ul id="report-dossiers"><?cs each:x = Dossiers ?><li><a href="<?cs var:Page.Mount ?>/dossier/<?cs var:x.Id ?>"><?cs var:x.Number ?></a>: <?cs var:x.Title ?></li><?cs /each ?></ul><?cs /if ?>
<?cs if:Can.DossierWork ?><p><a class="button" href="<?cs var:Page.Mount ?>/dossier/nieuw?melding=<?cs var:R.Id ?>">Nieuw dossier</a></p>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>/dossier" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<div class="field"><label for="dossier-nummer">Toevoegen aan dossier (nummer, zoals D-2026-0012)</label><?cs if:FieldErr == "dossier-nummer" ?><p class="error" id="dossier-nummer-fout"><span class="visually-hidden">Fout: </span><?cs var:Message ?></p><?cs /if ?>
<input id="dossier-nummer" name="dossier" maxlength="16"<?cs if:FieldErr == "dossier-nummer" ?> aria-invalid="true" aria-describedby="dossier-nummer-fout"<?cs /if ?> value="<?cs if:FieldErr == "dossier-nummer" ?><?cs var:Keep.Dossier ?><?cs /if ?>"></div>
<button type="submit">Toevoegen aan dossier</button></form><?cs /if ?><?cs /if ?>
<h2>Bijlagen</h2>
<?cs if:subcount(R.Att) == 0 ?><p>Geen bijlagen.</p><?cs else ?><ul>
<?cs each:a = R.Att ?><li><a href="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>/bijlage/<?cs var:a.Id ?>" download><?cs var:a.Name ?></a> (<?cs var:a.Mime ?>, <?cs var:a.Size ?> bytes)</li>
<?cs /each ?></ul><?cs /if ?>
</div>
<div class="column-side">
<h2 id="gesprek">Gesprek met de melder<?cs if:R.Unread ?> <strong class="unread" id="unread"><?cs var:R.Unread ?> ongelezen</strong><?cs /if ?></h2>
<?cs if:subcount(R.Msg) == 0 ?><p>Nog geen berichten.</p><?cs else ?>
<ol class="thread" id="thread">
<?cs each:m = R.Msg ?><li class="<?cs if:m.Out ?>from-meldpunt<?cs else ?>from-reporter<?cs /if ?>">
<p class="small"><?cs var:m.At ?> &middot; <?cs if:m.Out ?>aan de melder, van <?cs var:m.Who ?><?cs if:m.Kind == "automatisch" ?> (automatisch)<?cs /if ?><?cs else ?>van de melder<?cs if:m.Files ?>, met <?cs var:m.Files ?> bijlage(n)<?cs /if ?><?cs /if ?></p>
<p class="text"><?cs var:m.Body ?></p></li>
<?cs /each ?></ol><?cs /if ?>
<?cs if:Act.Work ?>
<?cs if:R.Unread ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="gelezen">
<button type="submit">Antwoorden als gelezen markeren</button>
</form>
<?cs /if ?>
<?cs # The message to the reporter, with reply templates (issue 16): "Gebruik
     sjabloon" puts a template's text in the field, "Voorbeeld" shows the
     text as the reporter will read it; both only show the page again. ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action" id="bericht-form">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<?cs if:subcount(Tpl) > 0 ?><div class="field"><label for="sjabloon">Sjabloon</label>
<p class="hint" id="sjabloon-hint">Eerst de sjablonen voor deze soort, dan de algemene. &ldquo;Gebruik sjabloon&rdquo; zet de tekst in het berichtvak en vervangt wat daar stond.</p>
<?cs if:FieldErr == "sjabloon" ?><p class="error" id="sjabloon-fout"><span class="visually-hidden">Fout: </span><?cs var:Message ?></p><?cs /if ?>
<select id="sjabloon" name="sjabloon" aria-describedby="sjabloon-hint<?cs if:FieldErr == "sjabloon" ?> sjabloon-fout<?cs /if ?>"<?cs if:FieldErr == "sjabloon" ?> aria-invalid="true"<?cs /if ?>>
<?cs if:TplOwn > 0 ?><optgroup label="Voor deze soort"><?cs each:t = Tpl ?><?cs if:t.Own ?><option value="<?cs var:t.Id ?>"<?cs if:t.Sel ?> selected<?cs /if ?>><?cs var:t.Title ?></option><?cs /if ?><?cs /each ?></optgroup><?cs /if ?>
<?cs if:TplGeneral > 0 ?><optgroup label="Algemeen"><?cs each:t = Tpl ?><?cs if:!t.Own ?><option value="<?cs var:t.Id ?>"<?cs if:t.Sel ?> selected<?cs /if ?>><?cs var:t.Title ?></option><?cs /if ?><?cs /each ?></optgroup><?cs /if ?>
</select></div>
<button type="submit" name="actie" value="sjabloon" class="secondary" formnovalidate>Gebruik sjabloon</button>
<?cs /if ?>
<?cs if:Compose.Note ?><p class="notice" role="status" id="sjabloon-gebruikt"><?cs var:Compose.Note ?></p><?cs /if ?>
<div class="field"><label for="bericht">Bericht aan de melder</label>
<p class="hint" id="bericht-hint">De melder leest dit na aanmelden met meldingsnummer en code. Uw naam ziet de melder niet.<?cs if:Act.Ask ?> Wacht u op antwoord? Gebruik dan &ldquo;Vraag de melder&rdquo; hieronder: dat verstuurt uw vraag en zet de melding in &eacute;&eacute;n keer op &ldquo;wacht op melder&rdquo;.<?cs /if ?></p>
<?cs if:FieldErr == "bericht" ?><p class="error" id="bericht-fout"><span class="visually-hidden">Fout: </span><?cs var:Message ?></p><?cs /if ?>
<textarea id="bericht" name="tekst" rows="6" maxlength="4000" aria-describedby="bericht-hint<?cs if:FieldErr == "bericht" ?> bericht-fout<?cs /if ?>"<?cs if:FieldErr == "bericht" ?> aria-invalid="true"<?cs /if ?> required><?cs if:Keep.Actie == "bericht" || Keep.Actie == "voorbeeld" || Keep.Actie == "sjabloon" ?><?cs var:Keep.Tekst ?><?cs /if ?></textarea></div>
<?cs if:Compose.Preview ?><div class="preview" id="voorbeeld" role="region" aria-labelledby="voorbeeld-kop" tabindex="-1">
<h3 id="voorbeeld-kop">Voorbeeld: zo leest de melder uw bericht</h3>
<p class="text"><?cs var:Compose.Preview ?></p>
<p class="hint">Nog niet verstuurd. Pas de tekst zo nodig aan en kies &ldquo;Bericht versturen&rdquo;.</p></div><?cs /if ?>
<button type="submit" name="actie" value="voorbeeld" class="secondary">Voorbeeld</button>
<button type="submit" name="actie" value="bericht">Bericht versturen</button>
</form>
<?cs if:Act.Ask ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>"><input type="hidden" name="actie" value="vragen">
<div class="field"><label for="vraag">Vraag de melder</label>
<p class="hint" id="vraag-hint">Uw vraag gaat naar de melder en de melding krijgt in &eacute;&eacute;n keer de status &ldquo;wacht op melder&rdquo;. Antwoordt de melder, dan gaat de melding terug naar &ldquo;in behandeling&rdquo;.</p>
<textarea id="vraag" name="tekst" rows="4" maxlength="4000" aria-describedby="vraag-hint" required><?cs if:Keep.Actie == "vragen" ?><?cs var:Keep.Tekst ?><?cs /if ?></textarea></div>
<button type="submit">Vraag versturen en wachten op de melder</button>
</form>
<?cs /if ?>
<?cs /if ?>
<?cs if:Act.Share ?>
<h2>Gedeeld met partners</h2>
<?cs if:subcount(R.Shares) == 0 ?><p>Met geen enkele partner gedeeld.</p><?cs else ?><ul>
<?cs each:s = R.Shares ?><li><?cs var:s.Name ?> (<?cs var:s.Via ?>, <?cs var:s.At ?>)</li>
<?cs /each ?></ul><?cs /if ?>
<?cs /if ?>
<?cs include:"dashboard/retention.cs" ?>
<?cs if:Act.Work || Act.Assign || Act.Share ?>
<h2>Acties</h2>
<?cs if:Act.Work ?>
<?cs if:!R.Mine ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="oppakken"><button type="submit">Zelf oppakken</button>
</form>
<?cs /if ?>
<?cs each:t = Act.Next ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="status"><input type="hidden" name="naar" value="<?cs var:t.To ?>">
<?cs if:t.Reason ?><label for="reden-<?cs var:name(t) ?>">Reden van afronden</label> <select id="reden-<?cs var:name(t) ?>" name="reden" required><option value="">kies een reden</option>
<?cs each:o = Act.Reasons ?><option value="<?cs var:o.Name ?>"<?cs if:Keep.Actie == "status" && Keep.Naar == t.To && Keep.Reden == o.Name ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?></select>
<label for="toelichting-<?cs var:name(t) ?>">Toelichting (niet verplicht, alleen intern)</label> <textarea id="toelichting-<?cs var:name(t) ?>" name="toelichting" rows="2" maxlength="500"><?cs if:Keep.Actie == "status" && Keep.Naar == t.To ?><?cs var:Keep.Toelichting ?><?cs /if ?></textarea><?cs /if ?>
<label for="bericht-<?cs var:name(t) ?>">Persoonlijke regel voor de melder (niet verplicht)</label> <textarea id="bericht-<?cs var:name(t) ?>" name="bericht" rows="2" maxlength="4000"><?cs if:Keep.Actie == "status" && Keep.Naar == t.To ?><?cs var:Keep.Bericht ?><?cs /if ?></textarea>
<button type="submit"><?cs var:t.Label ?></button>
</form>
<?cs /each ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="notitie">
<div class="field"><label for="tekst">Notitie</label><textarea id="tekst" name="tekst" rows="3" maxlength="4000" required><?cs if:Keep.Actie == "notitie" ?><?cs var:Keep.Tekst ?><?cs /if ?></textarea></div>
<button type="submit">Notitie toevoegen</button>
</form>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="wijzigen">
<div class="field"><label for="veld">Veld corrigeren</label><select id="veld" name="veld">
<?cs each:f = Act.Fields ?><option value="<?cs var:f.Name ?>"<?cs if:Keep.Actie == "wijzigen" && Keep.Veld == f.Name ?> selected<?cs /if ?>><?cs var:f.Label ?></option><?cs /each ?></select></div>
<div class="field"><label for="waarde">Nieuwe waarde</label><textarea id="waarde" name="waarde" rows="2"><?cs if:Keep.Actie == "wijzigen" && Keep.Veld != "datum" && Keep.Veld != "soort" && Keep.Veld != "doelgroep" ?><?cs var:Keep.Waarde ?><?cs /if ?></textarea></div>
<button type="submit">Corrigeren</button>
</form>
<?cs if:R.HasTeam && R.Status != "afgerond" ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="terugsturen">
<div class="field"><label for="terug-reden">Verkeerd team? Reden om terug te sturen naar de coördinatoren</label>
<textarea id="terug-reden" name="reden" rows="2" maxlength="500" required><?cs if:Keep.Actie == "terugsturen" ?><?cs var:Keep.Reden ?><?cs /if ?></textarea></div>
<button type="submit">Terugsturen naar coördinatoren</button>
</form>
<?cs /if ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="wijzigen"><input type="hidden" name="veld" value="soort">
<div class="field"><label for="c-soort">Soort corrigeren</label><select id="c-soort" name="waarde">
<?cs each:o = Types ?><option value="<?cs var:o.Slug ?>"><?cs var:o.Name ?></option><?cs /each ?></select></div>
<button type="submit">Soort corrigeren</button>
</form>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="wijzigen"><input type="hidden" name="veld" value="doelgroep">
<div class="field"><label for="c-doelgroep">Doelgroep corrigeren</label><select id="c-doelgroep" name="waarde">
<?cs each:o = Audiences ?><option value="<?cs var:o.Slug ?>"><?cs var:o.Name ?></option><?cs /each ?></select></div>
<button type="submit">Doelgroep corrigeren</button>
</form>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="wijzigen"><input type="hidden" name="veld" value="datum">
<div class="field"><label for="c-datum">Datum waarneming corrigeren</label><p class="hint" id="c-datum-hint">Als dd-mm-jjjj, bijvoorbeeld 01-03-2026.</p><input id="c-datum" name="waarde" maxlength="12" aria-describedby="c-datum-hint" value="<?cs if:Keep.Actie == "wijzigen" && Keep.Veld == "datum" ?><?cs var:Keep.Waarde ?><?cs /if ?>"></div>
<button type="submit">Datum corrigeren</button>
</form>
<?cs /if ?>
<?cs if:Act.Assign ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="versie" value="<?cs var:R.Version ?>">
<input type="hidden" name="actie" value="toewijzen">
<div class="field"><label for="a-team">Team</label><select id="a-team" name="team"><option value="">geen</option>
<?cs each:o = Opt.Teams ?><option value="<?cs var:o.Id ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?></select></div>
<div class="field"><label for="a-behandelaar">Behandelaar</label><select id="a-behandelaar" name="behandelaar"><option value="">geen</option>
<?cs each:o = Opt.Handlers ?><option value="<?cs var:o.Id ?>"<?cs if:o.Sel ?> selected<?cs /if ?>><?cs var:o.Name ?></option><?cs /each ?></select></div>
<button type="submit">Toewijzen</button>
</form>
<?cs /if ?>
<?cs if:Act.Share && subcount(Opt.Partners) > 0 ?>
<form method="post" action="<?cs var:Page.Mount ?>/melding/<?cs var:R.Id ?>" class="action">
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>"><input type="hidden" name="actie" value="delen">
<div class="field"><label for="d-partner">Delen met partner</label><select id="d-partner" name="partner">
<?cs each:o = Opt.Partners ?><option value="<?cs var:o.Id ?>"><?cs var:o.Name ?></option><?cs /each ?></select></div>
<p class="hint">De partner ziet de velden van zijn profiel, nooit wie de melder is, notities of bijlagen.</p>
<button type="submit">Delen met partner</button>
</form>
<?cs /if ?>
<?cs /if ?>
</div>
</div>
<h2>Geschiedenis</h2>
<ol class="history">
<?cs each:e = R.Ev ?><li><?cs var:e.At ?> &middot; <?cs var:e.Kind ?><?cs if:e.Actor ?> &middot; <?cs var:e.Actor ?><?cs /if ?><?cs if:e.Detail ?>: <span class="text"><?cs var:e.Detail ?></span><?cs /if ?></li>
<?cs /each ?></ol>
<?cs call:dash_end() ?>
