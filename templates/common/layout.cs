<?cs # layout.cs -- the frame of every page: head, header, footer.
     Every var: here is HTML-escaped (Config.VarEscapeMode = html).
     T.* and Lang.* are the page's language (lib/i18n.c): Lang.Code and
     Lang.Dir for the html element, Lang.List for the switch, shown
     where the program gives Page.Here (the public pages).  On a form
     (Page.FormId) the switch is a set of buttons of that form, so what
     was typed is sent along and comes back in the other language. ?><?cs
def:lang_switch() ?><?cs if:Page.Here && subcount(Lang.List) > 1 ?>
<nav class="languages" aria-label="<?cs var:T.lang.nav ?>"><ul><?cs
each:l = Lang.List ?>
<li><?cs if:l.Code == Lang.Code ?><span aria-current="true" lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></span><?cs
elif:Page.FormId ?><button type="submit" form="<?cs var:Page.FormId ?>" name="taal" value="<?cs var:l.Code ?>" formnovalidate class="link" lang="<?cs var:l.Code ?>"><?cs var:l.Name ?></button><?cs
else ?><a href="<?cs var:Page.Here ?>?taal=<?cs var:url_escape(l.Code) ?>" lang="<?cs var:l.Code ?>" hreflang="<?cs var:l.Code ?>"><?cs var:l.Name ?></a><?cs /if ?></li><?cs
/each ?>
</ul></nav><?cs /if ?><?cs /def ?><?cs
def:page_begin() ?><!DOCTYPE html>
<html lang="<?cs if:Lang.Code ?><?cs var:Lang.Code ?><?cs else ?>nl<?cs /if ?>"<?cs if:Lang.Dir == "rtl" ?> dir="rtl"<?cs /if ?>>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title><?cs var:Page.Title ?> - <?cs var:Instance.Name ?></title>
<link rel="stylesheet" href="<?cs var:Page.Static ?>/meldpunt.css">
</head>
<body>
<a class="skip" href="#inhoud"><?cs var:T.layout.skip ?></a>
<header class="site">
<p class="site-name"><?cs var:Instance.Name ?> &middot; <?cs var:T.layout.site ?></p><?cs call:lang_switch() ?>
</header>
<main id="inhoud">
<?cs /def ?><?cs
def:page_end() ?>
</main>
<footer class="site">
<?cs if:Page.Privacy ?><p><a href="<?cs var:Page.Privacy ?>"><?cs var:T.layout.privacy ?></a></p>
<?cs /if ?><?cs if:!Page.EmergencyShown ?><p id="emergency"><?cs var:T.layout.danger ?> <strong>112</strong>.
<?cs var:T.layout.anon ?>
<strong>0800-7000</strong>.</p><?cs /if ?>
</footer>
</body>
</html>
<?cs /def ?>
