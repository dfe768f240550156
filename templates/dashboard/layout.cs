<?cs # layout.cs -- the frame of every dashboard page: head, menu with the
     pages the user's role has, logout (a POST with the CSRF token).
     Every var: is HTML-escaped (Config.VarEscapeMode = html).
     nl_date(d): a date "jjjj-mm-dd" shown as people read it,
     dd-mm-jjjj, the ISO form only for machines (<time datetime>);
     anything else as it is.  status_badge(s): a status as a labelled
     badge, its text always there, its colour (meldpunt.css, by
     data-status) only added to it. ?><?cs
def:nl_date(d) ?><?cs if:string.length(d) == 10 && string.slice(d, 4, 5) == "-" ?><time datetime="<?cs var:d ?>"><?cs var:string.slice(d, 8, 10) ?>-<?cs var:string.slice(d, 5, 7) ?>-<?cs var:string.slice(d, 0, 4) ?></time><?cs else ?><?cs var:d ?><?cs /if ?><?cs /def ?><?cs
def:status_badge(s) ?><span class="badge" data-status="<?cs var:s ?>"><?cs var:s ?></span><?cs /def ?><?cs
def:dash_begin() ?><!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title><?cs var:Page.Title ?> - Meldpunt <?cs var:Instance.Name ?></title>
<link rel="stylesheet" href="<?cs var:Page.Static ?>/meldpunt.css">
</head>
<body class="dashboard">
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header class="site">
<p class="site-name"><?cs var:Instance.Name ?> &middot; Meldpunt ondermijning &middot; dashboard</p>
<?cs if:User.Name && User.Stage == 0 ?>
<nav aria-label="Hoofdmenu"><ul class="menu">
<?cs if:Can.List ?><li><a href="<?cs var:Page.Mount ?>/">Werklijst</a></li><?cs /if ?>
<?cs if:Can.List && ?Queue.Mine ?><li><a href="<?cs var:Page.Mount ?>/?behandelaar=<?cs var:Queue.Me ?>&amp;status=in+behandeling" id="nav-mijn">Mijn meldingen <span class="count">(<?cs var:Queue.Mine ?>)</span></a></li><?cs /if ?>
<?cs if:Can.List && ?Queue.New ?><li><a href="<?cs var:Page.Mount ?>/?status=nieuw" id="nav-nieuw"><?cs if:Queue.All ?>Nieuw<?cs else ?>Nieuw in mijn team<?cs /if ?> <span class="count">(<?cs var:Queue.New ?>)</span></a></li><?cs /if ?>
<?cs if:Can.List ?><li><a href="<?cs var:Page.Mount ?>/onderwerpen">Terugkerende onderwerpen</a></li><?cs /if ?>
<?cs if:Can.Create ?><li><a href="<?cs var:Page.Mount ?>/nieuw">Nieuwe melding</a></li><?cs /if ?>
<?cs if:Can.Dossier ?><li><a href="<?cs var:Page.Mount ?>/dossiers">Dossiers</a></li><li><a href="<?cs var:Page.Mount ?>/taken">Mijn taken</a></li><?cs /if ?>
<?cs if:Can.Stats ?><li><a href="<?cs var:Page.Mount ?>/statistiek">Statistiek</a></li><?cs /if ?>
<?cs if:Can.Admin ?><li><a href="<?cs var:Page.Mount ?>/beheer">Beheer</a></li><?cs /if ?>
<?cs if:Can.Admin ?><li><a href="<?cs var:Page.Mount ?>/routering">Routering</a></li><?cs /if ?>
<?cs if:Can.Cover ?><li><a href="<?cs var:Page.Mount ?>/vervanging">Vervanging</a></li><?cs /if ?>
<?cs if:Can.Cover ?><li><a href="<?cs var:Page.Mount ?>/sjablonen">Sjablonen</a></li><?cs /if ?>
<?cs if:Can.Grant ?><li><a href="<?cs var:Page.Mount ?>/verzoeken">Verzoeken</a></li><?cs /if ?>
<?cs if:Can.Audit ?><li><a href="<?cs var:Page.Mount ?>/audit">Auditlog</a></li><?cs /if ?>
<?cs if:Can.Audit ?><li><a href="<?cs var:Page.Mount ?>/privacy">Privacy</a></li><?cs /if ?>
<?cs if:Can.MailLog ?><li><a href="<?cs var:Page.Mount ?>/maillog">Maillog</a></li><?cs /if ?>
<?cs if:Can.List ?><li><a href="<?cs var:Page.Mount ?>/meldingen-per-mail">Meldingen per e-mail</a></li><?cs /if ?>
<?cs if:Auth.Local ?><li><a href="<?cs var:Page.Mount ?>/tweede-factor">Tweede factor</a></li><?cs /if ?>
</ul></nav>
<?cs /if ?>
<?cs if:User.Name ?>
<form class="logout" method="post" action="<?cs var:Page.Mount ?>/afmelden">
<p><span id="user"><?cs var:User.Display ?></span> (<?cs var:User.Role ?>)
<input type="hidden" name="csrf" value="<?cs var:Csrf ?>">
<button type="submit">Afmelden</button></p>
</form>
<?cs /if ?>
</header>
<main id="inhoud">
<?cs if:Done ?><p class="message done" role="status" id="gedaan"><?cs var:Done ?></p><?cs /if ?>
<?cs /def ?><?cs
def:dash_end() ?>
</main>
</body>
</html>
<?cs /def ?>
