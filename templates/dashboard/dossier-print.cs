<?cs # dossier-print.cs -- the print view of a dossier
     (cgi/dashboard/dossier_print.c): A4 through
     static/dossier-print.css, no menu or forms, the date and who
     printed it at the top.  Reports the reader may not see are one
     line, as on the dossier page.  Every var: is HTML-escaped. ?><!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title><?cs var:Page.Title ?> - Meldpunt <?cs var:Instance.Name ?></title>
<link rel="stylesheet" href="<?cs var:Page.Static ?>/dossier-print.css">
</head>
<body class="print">
<?cs # For its macros (nl_date) only; the frame is this page's own. ?><?cs include:"dashboard/layout.cs" ?>
<main id="inhoud">
<header class="print-head">
<p class="site-name"><?cs var:Instance.Name ?> &middot; Meldpunt ondermijning &middot; dossier</p>
<p id="printed">Afgedrukt op <span id="print-at"><?cs var:Print.At ?></span> door <span id="print-by"><?cs var:Print.By ?></span> (<?cs var:Print.User ?>). Vertrouwelijk.</p>
</header>
<h1><span id="number"><?cs var:D.Number ?></span>: <span id="title"><?cs var:D.Title ?></span></h1>
<section id="samenvatting"><h2>Samenvatting</h2>
<dl class="summary" id="summary">
<dt>Thema</dt><dd><?cs var:D.Theme ?></dd>
<dt>Status</dt><dd><?cs var:D.Status ?></dd>
<?cs if:D.Outcome ?><dt>Resultaat</dt><dd><?cs var:D.Outcome ?></dd><?cs /if ?>
<dt>Team</dt><dd><?cs var:D.Team ?></dd>
<dt>Aangemaakt</dt><dd><?cs var:D.Created ?></dd>
<?cs if:D.Closed ?><dt>Afgesloten</dt><dd><?cs var:D.Closed ?></dd><?cs /if ?>
</dl>
<?cs if:subcount(Mem) > 0 ?><p>Leden buiten het team: <?cs each:m = Mem ?><?cs var:m.Display ?> (<?cs var:m.Name ?>)<?cs if:!last(m) ?>, <?cs /if ?><?cs /each ?>.</p><?cs /if ?>
</section>
<section id="analyse"><h2>Analyse</h2>
<?cs if:A.Version ?><div class="text" id="analysis-text"><?cs var:A.Text ?></div>
<p class="meta">Versie <?cs var:A.Version ?>, <?cs var:A.At ?>, <?cs var:A.Author ?></p><?cs else ?><p>Nog geen analyse.</p><?cs /if ?>
</section>
<section id="meldingen"><h2>Meldingen</h2>
<?cs if:subcount(Rep) == 0 ?><p>Geen meldingen.</p><?cs else ?>
<table id="reports"><thead><tr><th scope="col">Kenmerk</th><th scope="col">Soort</th><th scope="col">Status</th><th scope="col">Ontvangen</th></tr></thead><tbody>
<?cs each:x = Rep ?><?cs if:x.Visible ?><tr><td><?cs var:x.Reference ?></td><td><?cs var:x.Type ?></td><td><?cs var:x.Status ?></td><td><?cs var:x.Date ?></td></tr><?cs else ?><tr><td colspan="4" class="other-team">melding in een ander team</td></tr><?cs /if ?>
<?cs /each ?></tbody></table><?cs /if ?>
</section>
<section id="onderwerpen"><h2>Onderwerpen</h2>
<?cs if:subcount(Subj) == 0 ?><p>Geen onderwerpen.</p><?cs else ?>
<ul id="subjects"><?cs each:s = Subj ?><li><?cs var:s.Kind ?>: <?cs var:s.Display ?><?cs if:s.Direct ?> (direct aan dossier)<?cs /if ?></li>
<?cs /each ?></ul><?cs /if ?>
</section>
<section id="journaal"><h2>Journaal</h2>
<?cs if:subcount(Jrn) == 0 ?><p>Geen journaal.</p><?cs else ?>
<ol class="journal" id="journal"><?cs each:j = Jrn ?><li><p class="meta"><?cs var:j.At ?> &middot; <?cs var:j.Author ?> &middot; <strong><?cs var:j.Kind ?></strong><?cs if:j.TaskType ?> &middot; <?cs var:j.TaskType ?><?cs /if ?><?cs if:j.Assignee ?> &middot; voor <?cs var:j.Assignee ?><?cs /if ?><?cs if:j.Due ?> &middot; uiterlijk <?cs call:nl_date(j.Due) ?><?cs /if ?><?cs if:j.TaskStatus ?> &middot; <?cs var:j.TaskStatus ?><?cs /if ?><?cs if:j.Outcome ?> &middot; resultaat: <?cs var:j.Outcome ?><?cs /if ?></p>
<div class="text"><?cs var:j.Body ?></div><?cs if:j.Reason ?><p>Reden: <span class="text"><?cs var:j.Reason ?></span></p><?cs /if ?></li>
<?cs /each ?></ol><?cs /if ?>
</section>
<section id="documenten"><h2>Documenten</h2>
<?cs if:subcount(Doc) == 0 ?><p>Geen documenten.</p><?cs else ?>
<table id="documents"><thead><tr><th scope="col">Bestand</th><th scope="col">Bytes</th><th scope="col">Toegevoegd</th><th scope="col">SHA-256</th></tr></thead><tbody>
<?cs each:x = Doc ?><tr><td><?cs var:x.Name ?></td><td><?cs var:x.Bytes ?></td><td><?cs var:x.At ?>, <?cs var:x.Uploader ?></td><td class="sha"><?cs var:x.Sha ?></td></tr>
<?cs /each ?></tbody></table><?cs /if ?>
</section>
<section id="geschiedenis"><h2>Geschiedenis</h2>
<ol class="history" id="history"><?cs each:h = Hist ?><li><?cs var:h.At ?> &middot; <?cs var:h.Actor ?> &middot; <?cs var:h.Kind ?><?cs if:h.Old ?>: was <span class="text"><?cs var:h.Old ?></span><?cs /if ?><?cs if:h.New ?>: <span class="text"><?cs var:h.New ?></span><?cs /if ?></li>
<?cs /each ?></ol>
</section>
</main>
</body>
</html>
