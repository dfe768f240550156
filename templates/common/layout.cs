<?cs # layout.cs -- the frame of every page: head, header, footer.
     Every var: here is HTML-escaped (Config.VarEscapeMode = html). ?><?cs
def:page_begin() ?><!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title><?cs var:Page.Title ?> - <?cs var:Instance.Name ?></title>
<link rel="stylesheet" href="<?cs var:Page.Static ?>/meldpunt.css">
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
<header class="site">
<p class="site-name"><?cs var:Instance.Name ?> &middot; Meldpunt ondermijning</p>
</header>
<main id="inhoud">
<?cs /def ?><?cs
def:page_end() ?>
</main>
<footer class="site">
<?cs if:Page.Privacy ?><p><a href="<?cs var:Page.Privacy ?>">Privacyverklaring: wat wij met uw melding en uw gegevens doen</a></p>
<?cs /if ?><?cs if:!Page.EmergencyShown ?><p id="emergency">Is er acuut gevaar? Bel <strong>112</strong>.
Wilt u anoniem iets melden bij de politie? Bel Meld Misdaad Anoniem:
<strong>0800-7000</strong>.</p><?cs /if ?>
</footer>
</body>
</html>
<?cs /def ?>
