# test-94-dossier-print-stats.sh -- the dossier's print view and the
# dossiers' statistics (issue 14).  Print: no menu, the date and the
# name of who printed it, every part (summary, analysis, reports under
# their own rule, subjects, journal, documents, history), hostile text
# escaped, audited as a print, the same 404 for a dossier out of
# sight.  Statistics: on seeded dossiers and tasks over several
# months, themes and outcomes every figure of the page equals a direct
# count in SQL, the CSV read with Python's csv module equals the page,
# its download is audited, formulas are neutralised, hostile names are
# escaped, a bad period is refused at its field, and only coordinators
# reach either (403 and audited, as the reports' statistics).

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
hanna=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")
T=$E2E_TEST_DIR
xss='<script>alert(1)</script> "Pand" & Co'

# ---------------------------------------------------------------------
# The print view.
# ---------------------------------------------------------------------
dash_post hanna /dossier/nieuw "titel=$xss" thema=woonoverlast "team=$noord"
is "$HTTP_STATUS" 303 "a dossier with a hostile title"
d=$(sql "SELECT MAX(id) FROM dossier WHERE team_id = $noord")
# By team, not by the fixtures' odd and even ids: earlier tests of a
# full run add reports of their own.
rn=$(sql "SELECT MAX(id) FROM report WHERE team_id = $noord")
rz=$(sql "SELECT MAX(id) FROM report WHERE team_id = $zuid")
refn=$(sql "SELECT reference FROM report WHERE id = $rn")
refz=$(sql "SELECT reference FROM report WHERE id = $rz")
dash_post hanna "/dossier/$d" actie=analyse versie=0 "tekst=Analyse $xss"
is "$HTTP_STATUS" 303 "with an analysis"
dash_post hanna "/dossier/$d" actie=melding "melding=$refn"
dash_post cor "/dossier/$d" actie=melding "melding=$refz"
is "$(sql "SELECT COUNT(*) FROM dossier_report WHERE dossier_id = $d")" 2 \
    "a Noord and a Zuid report"
sql "INSERT INTO dossier_journal (dossier_id, kind, body, created_by,
    created_at) VALUES ($d, 'note', 'Notitie <img src=x onerror=alert(2)>',
    $hanna, UTC_TIMESTAMP());
    INSERT INTO dossier_journal (dossier_id, kind, body, reason,
    created_by, created_at) VALUES ($d, 'decision', 'Besluit: sluiten',
    'Reden van het besluit', $hanna, UTC_TIMESTAMP());
    INSERT INTO dossier_journal (dossier_id, kind, body, task_type,
    assignee_id, due_date, task_status, created_by, created_at)
    VALUES ($d, 'task', 'Adres bezoeken', 'adrescontrole', $hanna,
    '2031-05-06', 'open', $hanna, UTC_TIMESTAMP())"
printf '%%PDF-1.4\n%%%%EOF\n' >"$T/rapport.pdf"
tok=$(dash_csrf hanna)
dash_as hanna POST "/dossier/$d/documenten" -F "csrf=$tok" \
    -F "document-bestand=@$T/rapport.pdf"
is "$HTTP_STATUS" 303 "and a document"

dash_as hanna GET "/dossier/$d" >/dev/null
like "$(http_body)" "href=\"/dashboard/dossier/$d/afdrukken\"[^>]*>Afdrukken" \
    "the dossier page links to the print view"
n=$(audit_count 'dossier afdrukken' hanna "$d")
dash_as hanna GET "/dossier/$d/afdrukken" >/dev/null
is "$HTTP_STATUS" 200 "the print view opens"
body=$(http_body)
unlike "$body" '<nav' "without navigation"
unlike "$body" 'Hoofdmenu|Afmelden|<form' "no menu, no forms"
like "$body" 'dossier-print.css' "with the print style sheet"
# Times on the dashboard are Amsterdam's (dash_time, lib/nltime.c),
# whatever the server's zone: between 23:00 and 24:00 UTC in winter
# the date of printing is already tomorrow's.
like "$body" "id=\"print-at\">$(TZ=Europe/Amsterdam date +%d-%m-%Y)" \
    "the date of printing"
like "$body" 'id="print-by">Hanna Handel</span> \(hanna\)' "who printed it"
like "$body" '&lt;script&gt;alert\(1\)&lt;/script&gt; &quot;Pand&quot; &amp; Co' \
    "the hostile title escaped"
unlike "$body" '<script>|<img src=x' "never raw"
like "$body" 'Analyse &lt;script&gt;' "the analysis"
like "$body" "$refn" "a report she may see"
unlike "$body" "$refz" "not one of another team"
like "$body" 'melding in een ander team' "which is one line"
like "$body" 'Notitie &lt;img src=x' "the journal's note, escaped"
like "$body" 'Reden: <span class="text">Reden van het besluit' "the decision's reason"
like "$body" 'adrescontrole.*voor Hanna Handel.*uiterlijk <time datetime="2031-05-06">06-05-2031</time>' \
    "the task, its date as dd-mm-jjjj"
like "$body" 'rapport.pdf' "the documents"
like "$body" "$(sha256sum "$T/rapport.pdf" | cut -d ' ' -f 1)" "with their hash"
like "$body" 'id="history"' "the history"
is "$(audit_count 'dossier afdrukken' hanna "$d")" $((n + 1)) \
    "the print is in the audit log"
dash_as henk GET "/dossier/$d/afdrukken" >/dev/null
is "$HTTP_STATUS" 404 "a handler out of sight gets 404"
like "$(http_body)" 'Dit dossier bestaat niet, of u heeft er geen toegang toe' \
    "the dossier's own 404"
hidden=$(http_body)
dash_as henk GET /dossier/999999999/afdrukken >/dev/null
is "$HTTP_STATUS" 404 "as for a dossier that does not exist"
is "$(http_body)" "$hidden" "byte for byte the same page"
is "$(audit_count 'dossier afdrukken' henk)" 0 "and no print is recorded"
http_get /static/dossier-print.css
like "$(http_body)" 'size: A4' "the style sheet sets A4"
like "$(http_body)" 'counter\(page\)' "and page numbers"

# ---------------------------------------------------------------------
# The statistics, on seeded data in 2023 (no other test's dossiers).
# ---------------------------------------------------------------------
cor=$(sql "SELECT id FROM app_user WHERE username = 'cor'")
seed() {	# number theme status outcome created closed
	sql "INSERT INTO dossier (number, title, theme, status, team_id,
	    outcome, created_by, created_at, closed_at) VALUES ('$1',
	    'Stat $1', '$2', '$3', $zuid, $4, $cor, '$5', $6)"
}
seed D-2023-9001 ondermijning open NULL '2023-01-05 10:00:00' NULL
seed D-2023-9002 ondermijning afgesloten "'pand gesloten'" \
    '2023-01-20 10:00:00' "'2023-03-02 09:00:00'"
seed D-2023-9003 woonoverlast afgesloten "'aangifte gedaan'" \
    '2023-02-01 00:00:00' "'2023-02-28 23:59:59'"
seed D-2023-9004 woonoverlast interventie NULL '2023-02-14 12:00:00' NULL
seed D-2023-9005 "=HYPERLINK(\"x\")<b>" afgesloten "'pand gesloten'" \
    '2023-03-31 23:59:59' "'2023-04-01 00:00:00'"
seed D-2023-9006 ondermijning afgesloten "'geen actie mogelijk'" \
    '2022-12-31 23:59:59' "'2023-01-01 00:00:00'"
seed D-2023-9007 ondermijning open NULL '2023-05-01 00:00:00' NULL
ds=$(sql "SELECT MIN(id) FROM dossier WHERE number = 'D-2023-9001'")
task() {	# type status outcome created updated
	sql "INSERT INTO dossier_journal (dossier_id, kind, body, task_type,
	    task_status, outcome, created_by, created_at, updated_at)
	    VALUES ($ds, 'task', 'taak', '$1', '$2', $3, $cor, '$4', $5)"
}
task adrescontrole open NULL '2023-01-10 08:00:00' NULL
task adrescontrole done "'pand gesloten'" '2023-01-11 08:00:00' \
    "'2023-02-11 08:00:00'"
task gesprek done "'aangifte gedaan'" '2023-02-11 08:00:00' NULL
task gesprek cancelled NULL '2023-03-11 08:00:00' "'2023-03-12 08:00:00'"
task Bibob-onderzoek done "'vermoeden niet bevestigd'" \
    '2023-04-11 08:00:00' "'2023-05-11 08:00:00'"

dash_as cor GET '/dossiers/statistiek?van=2023-01&tot=2023-04' >/dev/null
is "$HTTP_STATUS" 200 "a coordinator opens the dossiers' statistics"
cp "$HTTP_BODY" "$T/page.html"
like "$(http_body)" '<svg class="chart" role="img"' "with charts"
like "$(http_body)" '&lt;b&gt;' "a hostile theme escaped"
unlike "$(http_body)" '<b>' "never raw"
like "$(http_body)" 'href="/dashboard/dossiers/statistiek/csv\?van=2023-01&amp;tot=2023-04"' \
    "a link to the CSV of the period"
n=$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'export csv dossierstatistiek' AND username = 'cor'")
dash_as cor GET '/dossiers/statistiek/csv?van=2023-01&tot=2023-04' >/dev/null
is "$HTTP_STATUS" 200 "and its CSV"
is "$(http_header Content-Disposition)" \
    'attachment; filename="dossierstatistiek-2023-01-2023-04.csv"' \
    "as a download"
cp "$HTTP_BODY" "$T/stats.csv"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'export csv dossierstatistiek' AND username = 'cor'
    AND detail = 'dossierstatistiek 2023-01 tot 2023-04'")" $((n + 1)) \
    "the CSV download is audited"

# Page, CSV and SQL, each as lines "table<TAB>key<TAB>a<TAB>b".
MP_SOCK=$E2E_DBSOCK python3 - "$T/page.html" "$T/stats.csv" \
    >"$T/cmp" 2>&1 <<'PYEOF'
import csv, html.parser, os, subprocess, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

def lm(s):	# a stored UTC time into its Amsterdam month
    return datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(
        tzinfo=timezone.utc).astimezone(ZoneInfo("Europe/Amsterdam")
        ).strftime("%Y-%m")

def q(s):
    out = subprocess.run(["mariadb", "--no-defaults", "-S",
        os.environ["MP_SOCK"], "-uroot", "-N", "-B",
        "--default-character-set=utf8mb4", "meldpunt", "-e", s],
        check=True, capture_output=True, text=True).stdout
    return [l.split("\t") for l in out.splitlines() if l != ""]

class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.t = {}; self.cur = None; self.row = None; self.cell = None
        self.month = None; self.body = False
    def handle_starttag(self, tag, a):
        a = dict(a)
        if tag == "table": self.cur = a.get("id"); self.t[self.cur] = []
        if tag == "tbody": self.body = True
        if tag == "tr" and self.body:
            self.row = [a["data-month"]] if "data-month" in a and \
                self.cur == "dstats-months" else []
        if tag in ("td", "th") and self.row is not None: self.cell = ""
    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell); self.cell = None
        if tag == "tr" and self.row is not None:
            self.t[self.cur].append(self.row); self.row = None
        if tag == "tbody": self.body = False
    def handle_data(self, d):
        if self.cell is not None: self.cell += d

p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
page = set()
for r in p.t["dstats-months"]: page.add(("maand", r[0], r[2], r[3]))
for r in p.t.get("dstats-cells", []): page.add(("cel", r[0] + "/" + r[1], r[2], r[3]))
for r in p.t["dstats-themes"]: page.add(("thema", r[0], r[1], r[2]))
for r in p.t["dstats-types"]: page.add(("taaktype", r[0], r[1], r[2]))
for r in p.t["dstats-outcomes"]: page.add(("resultaat", r[0], r[1], r[2]))

rows = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline=""),
    delimiter=";"))
assert rows[0][0] == "indeling", rows[0]
got = set()
def un(s):	# the CSV's neutralisation of a formula, undone
    return s[1:] if s[:1] == "'" and s[1:2] in "=+-@\t\r" else s
for r in rows[1:]:
    dim, per, name = r[0], r[1], un(r[2])
    if dim == "maand" and per != "totaal": got.add(("maand", per, r[3], r[4]))
    elif dim == "maand en thema": got.add(("cel", per + "/" + name, r[3], r[4]))
    elif dim == "thema": got.add(("thema", name, r[3], r[4]))
    elif dim == "taaktype": got.add(("taaktype", name, r[5], r[6]))
    elif dim == "resultaat": got.add(("resultaat", name, r[7], r[8]))
formula = [r[2] for r in rows[1:] if r[2][:2] == "'="]

# The UTC instants Amsterdam's January and May 2023 begin.
lo, hi = "2022-12-31 23:00:00", "2023-04-30 22:00:00"
sql = set()
ms = ["2023-%02d" % m for m in range(1, 5)]
op = dict((m, 0) for m in ms); cl = dict((m, 0) for m in ms)
cells = {}
for m, th, n in q("SELECT created_at, theme, 1 "
        "FROM dossier WHERE created_at >= '%s' AND created_at < '%s' "
        % (lo, hi)):
    m = lm(m)
    op[m] += int(n); cells.setdefault((m, th), [0, 0])[0] += int(n)
for m, th, n in q("SELECT closed_at, theme, 1 "
        "FROM dossier WHERE status = 'afgesloten' AND closed_at >= '%s' "
        "AND closed_at < '%s'" % (lo, hi)):
    m = lm(m)
    cl[m] += int(n); cells.setdefault((m, th), [0, 0])[1] += int(n)
for m in ms: sql.add(("maand", m, str(op[m]), str(cl[m])))
for (m, th), (a, b) in cells.items(): sql.add(("cel", m + "/" + th, str(a), str(b)))
themes = {}
for (m, th), (a, b) in cells.items():
    t = themes.setdefault(th, [0, 0]); t[0] += a; t[1] += b
for th in ("ondermijning", "woonoverlast"): themes.setdefault(th, [0, 0])
for th, (a, b) in themes.items(): sql.add(("thema", th, str(a), str(b)))
types = {}
for ty, a, b in q("SELECT task_type, COUNT(*), SUM(task_status = 'done') "
        "FROM dossier_journal WHERE kind = 'task' AND created_at >= '%s' "
        "AND created_at < '%s' GROUP BY 1" % (lo, hi)):
    types[ty] = (a, b)
for ty in ("adrescontrole", "Bibob-onderzoek", "bestuurlijke rapportage",
        "sluiting op grond van artikel 13b Opiumwet", "last onder dwangsom",
        "gesprek", "doorgezet naar partner", "overig"):
    types.setdefault(ty, ("0", "0"))
for ty, (a, b) in types.items(): sql.add(("taaktype", ty, str(a), str(b)))
outs = {}
for o, n in q("SELECT outcome, COUNT(*) FROM dossier WHERE status = "
        "'afgesloten' AND closed_at >= '%s' AND closed_at < '%s' GROUP BY 1"
        % (lo, hi)):
    outs.setdefault(o, [0, 0])[0] += int(n)
for o, n in q("SELECT outcome, COUNT(*) FROM dossier_journal WHERE kind = "
        "'task' AND task_status = 'done' AND COALESCE(updated_at, created_at)"
        " >= '%s' AND COALESCE(updated_at, created_at) < '%s' GROUP BY 1"
        % (lo, hi)):
    outs.setdefault(o, [0, 0])[1] += int(n)
for o in ("pand gesloten", "boete of last opgelegd", "aangifte gedaan",
        "doorgezet naar partner", "geen actie mogelijk",
        "vermoeden niet bevestigd"):
    outs.setdefault(o, [0, 0])
for o, (a, b) in outs.items(): sql.add(("resultaat", o, str(a), str(b)))

print("page-sql", "same" if page == sql else
    "differ: page-only %s sql-only %s" % (sorted(page - sql), sorted(sql - page)))
print("csv-page", "same" if got == page else
    "differ: csv-only %s page-only %s" % (sorted(got - page), sorted(page - got)))
print("formula", len(formula), len([r for r in rows[1:] if r[2][:1] == "="]),
    all(f == "'=HYPERLINK(\"x\")<b>" for f in formula))
print("rows", len(page))
# Hand-counted: the seeded data itself.
print("jan", sorted(x for x in page if x[0] == "maand" and x[1] == "2023-01"))
print("pand", sorted(x for x in page if x[1] == "pand gesloten"))
PYEOF
diag "$(cat "$T/cmp")"
is "$(grep '^page-sql' "$T/cmp")" "page-sql same" "every figure on the page equals a direct count"
is "$(grep '^csv-page' "$T/cmp")" "csv-page same" "the CSV, read with Python's csv module, equals the page"
# Its dossier was opened and closed in April, Dutch time: one month
# cell and the theme's row.
is "$(grep '^formula' "$T/cmp")" "formula 2 0 True" \
    "a theme that looks like a formula is neutralised in the CSV, each time"
is "$(grep '^jan' "$T/cmp")" "jan [('maand', '2023-01', '3', '1')]" \
    "January 2023 (Dutch time): three opened, one of them at 23:59:59 UTC on New Year's Eve, one closed"
is "$(grep '^pand' "$T/cmp")" \
    "pand [('resultaat', 'pand gesloten', '2', '1')]" \
    "pand gesloten: two dossiers (March, April), one task (February)"

# A bad period is refused at its field, as on the reports' page.
for bad in 'van=2023-13' 'van=2023-05&tot=2023-04' 'van=2000-01&tot=2023-01'; do
	dash_as cor GET "/dossiers/statistiek?$bad" >/dev/null
	is "$HTTP_STATUS" 400 "period $bad is refused"
	like "$(http_body)" 'aria-invalid="true" aria-describedby="s-(van|tot)-fout"' \
	    "with the error at its field"
done
dash_as cor GET '/dossiers/statistiek/csv?tot=abc' >/dev/null
is "$HTTP_STATUS" 400 "a CSV of a bad period is refused"

# Only coordinators, as the reports' statistics.
for u in hanna ad aud; do
	n=$(sql "SELECT COUNT(*) FROM audit_log WHERE username = '$u'
	    AND action = 'geweigerd'")
	dash_as "$u" GET /dossiers/statistiek >/dev/null
	is "$HTTP_STATUS" 403 "$u may not see the dossiers' statistics"
	dash_as "$u" GET /dossiers/statistiek/csv >/dev/null
	is "$HTTP_STATUS" 403 "nor download them"
	is "$(sql "SELECT COUNT(*) FROM audit_log WHERE username = '$u'
	    AND action = 'geweigerd'")" $((n + 2)) "both attempts audited"
done
dash_as hanna GET /dossiers >/dev/null
unlike "$(http_body)" 'dossiers/statistiek' "a handler's list has no link to them"
dash_as cor GET /dossiers >/dev/null
like "$(http_body)" 'href="/dashboard/dossiers/statistiek"' "a coordinator's has"
