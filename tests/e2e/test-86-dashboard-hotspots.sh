# test-86-dashboard-hotspots.sh -- "Terugkerende onderwerpen" (issue
# 13): the subjects with two or more reports in a period, counted over
# the reports the user may see and over sure links only (structured or
# confirmed); sorting, the kind and signal-type filters, the default
# period of twelve months, a Dutch error at its field for every bad
# filter, XSS in a subject's display shown escaped, and the CSV:
# audited with its filters, round-tripped through Python's csv module
# with formula starters made inert, coordinators only, nothing of the
# subjects in the logs; the links' copies of their reports' time,
# team and signal type (sql/035) follow every change, and the counts
# equal a direct count after each.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/stats.sh"
dash_fixtures
# Only this test's subjects (the purge trigger removes the rest).
sql "DELETE FROM report_subject"

# Reports: n1..n3 of Noord (odd ids), z1..z3 of Zuid (even ids).
set -- $(sql "SELECT id FROM report WHERE id % 2 = 1 ORDER BY id LIMIT 3")
n1=$1 n2=$2 n3=$3
set -- $(sql "SELECT id FROM report WHERE id % 2 = 0 ORDER BY id LIMIT 3")
z1=$1 z2=$2 z3=$3
set -- $(sql "SELECT id FROM signal_type ORDER BY id LIMIT 2")
t1=$1 t2=$2
ok '[ -n "$n3" ] && [ -n "$z3" ] && [ -n "$t2" ]' "fixtures are there"

# Received some days ago (UTC), each with a known signal type, in the
# team of its id's parity whatever earlier tests did to it; hanna only
# in Noord and henk only in Zuid.
days()
{
	sql "UPDATE report SET received_at = UTC_TIMESTAMP() -
	    INTERVAL $2 DAY, signal_type_id = $3, team_id = (SELECT id
	    FROM team WHERE name = IF($1 % 2 = 1, 'Noord', 'Zuid'))
	    WHERE id = $1"
}
for u in hanna:Noord henk:Zuid; do
	sql "DELETE ut FROM user_team ut JOIN app_user a ON a.id = ut.user_id
	    WHERE a.username = '${u%%:*}';
	    INSERT INTO user_team (user_id, team_id) SELECT a.id, t.id
	    FROM app_user a, team t WHERE a.username = '${u%%:*}'
	    AND t.name = '${u##*:}'"
done
days "$n1" 30 "$t1"
days "$n2" 20 "$t1"
days "$n3" 10 "$t2"
days "$z1" 25 "$t2"
days "$z2" 5 "$t2"
days "$z3" 3 "$t2"

XSS='=HYPERLINK("http://x.invalid") <script>alert("xss")</script>'
XSS_HEX=$(printf '%s' "$XSS" | od -An -tx1 | tr -d ' \n')
# A: an address in two Noord reports and one Zuid report (structured,
# or found in the text and confirmed).
sa=$(dash_subject 1 '1234AB 12' "'Hoofdstraat 12, Hotspotstad'")
dash_link "$n1" "$sa" 1 0
dash_link "$n2" "$sa" 2 1
dash_link "$z1" "$sa" 1 0
# B: a company with a hostile name, in two Zuid reports, added by a
# handler; the latest report of all.
sb=$(dash_subject 2 'xss bedrijf' "CONVERT(0x$XSS_HEX USING utf8mb4)")
dash_link "$z1" "$sb" 3 1
dash_link "$z2" "$sb" 3 1
# C: a plate confirmed once, and proposed (not confirmed) twice: one
# sure link, so no hotspot.
sc=$(dash_subject 4 '12ABC3' "'12-ABC-3'")
dash_link "$n1" "$sc" 2 1
dash_link "$n3" "$sc" 2 0
dash_link "$z3" "$sc" 2 0
# D: a phone number in n3 and in a report of two years ago.
old=$(sql "SELECT id FROM report WHERE id % 2 = 1 ORDER BY id LIMIT 1
    OFFSET 3")
sql "UPDATE report SET received_at = UTC_TIMESTAMP() - INTERVAL 730 DAY
    WHERE id = $old"
sd=$(dash_subject 6 '+31201234567' "'020-1234567'")
dash_link "$n3" "$sd" 1 0
dash_link "$old" "$sd" 1 0

# rows FILE: "display|count|kind" for each row of the page's table.
rows()
{
	python3 - "$1" <<'PYEOF'
import html.parser, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.inbody = False; self.cells = None; self.rows = []
        self.cell = None
    def handle_starttag(self, t, a):
        if t == "tbody": self.inbody = True
        elif self.inbody and t == "tr": self.cells = []
        elif self.cells is not None and t in ("td", "th"): self.cell = ""
    def handle_endtag(self, t):
        if t == "tbody": self.inbody = False
        elif t in ("td", "th") and self.cell is not None:
            self.cells.append(self.cell.strip()); self.cell = None
        elif t == "tr" and self.cells is not None:
            self.rows.append(self.cells); self.cells = None
    def handle_data(self, d):
        if self.cell is not None: self.cell += d
p = P()
p.feed(open(sys.argv[1], encoding="utf-8").read())
for r in p.rows:
    print("%s|%s|%s" % (r[1], r[2], r[0]))
PYEOF
}

# ---------------------------------------------------------------------
# The coordinator: every team.
# ---------------------------------------------------------------------
dash_as cor GET /onderwerpen
is "$HTTP_STATUS" 200 "a coordinator opens the hotspot view"
body=$(cat "$HTTP_BODY")
like "$body" '<h1>Terugkerende onderwerpen</h1>' "with its title"
got=$(rows "$HTTP_BODY")
is "$got" "Hoofdstraat 12, Hotspotstad|3|Adres
$XSS|2|Bedrijf" "two hotspots, most reports first; proposals do not count"
like "$body" "href=\"/dashboard/onderwerp/$sa\"" \
    "each links to its subject page"
like "$body" '&lt;script&gt;alert\(&quot;xss&quot;\)&lt;/script&gt;' \
    "a hostile display is escaped"
unlike "$body" '<script>alert' "and never markup"
like "$body" "<td><time datetime=\"$(date -u -d '5 days ago' +%Y-%m-%d)\">$(date -u \
    -d '5 days ago' +%d-%m-%Y)</time></td>" "with the date of the latest report"
like "$body" "name=\"van\" type=\"date\" value=\"$(date -u -d \
    "$(date -u -d '1 year ago' +%F) + 1 day" +%F)\"" "the default period is twelve months"
like "$body" "name=\"tot\" type=\"date\" value=\"$(date -u +%Y-%m-%d)\"" \
    "up to today"

dash_as cor GET /
like "$(cat "$HTTP_BODY")" 'href="/dashboard/onderwerpen">Terugkerende onderwerpen<' \
    "the menu leads to it"

dash_as cor GET '/onderwerpen?volgorde=recent'
is "$(rows "$HTTP_BODY" | cut -d '|' -f 2)" "2
3" "by latest report: the company first"
like "$(cat "$HTTP_BODY")" '<option value="recent" selected>' \
    "the order chosen stays chosen"

dash_as cor GET '/onderwerpen?onderwerp=adres'
is "$(rows "$HTTP_BODY")" "Hoofdstraat 12, Hotspotstad|3|Adres" \
    "filtered by kind"
dash_as cor GET "/onderwerpen?soort=$t1"
is "$(rows "$HTTP_BODY")" "Hoofdstraat 12, Hotspotstad|2|Adres" \
    "filtered by signal type, counting only reports of that type"
dash_as cor GET "/onderwerpen?van=$(date -u -d '3 years ago' +%Y-%m-%d)"
like "$(rows "$HTTP_BODY")" '020-1234567\|2\|Telefoonnummer' \
    "a longer period finds the older report too"
dash_as cor GET "/onderwerpen?tot=$(date -u -d '15 days ago' +%Y-%m-%d)"
is "$(rows "$HTTP_BODY")" "Hoofdstraat 12, Hotspotstad|3|Adres" \
    "an earlier end leaves the company with one report"
dash_as cor GET "/onderwerpen?tot=$(date -u -d '15 days ago' +%d-%m-%Y)"
is "$(rows "$HTTP_BODY")" "Hoofdstraat 12, Hotspotstad|3|Adres" \
    "the end typed as dd-mm-jjjj, the same"
like "$(cat "$HTTP_BODY")" \
    "id=\"h-tot\" name=\"tot\" type=\"date\" value=\"$(date -u -d '15 days ago' +%F)\"" \
    "and shown back as jjjj-mm-dd"
dash_as cor GET '/onderwerpen?van=2001-01-01&tot=2001-12-31'
is "$HTTP_STATUS" 200 "an empty period"
like "$(cat "$HTTP_BODY")" 'id="empty"' "says that nothing was found"

# ---------------------------------------------------------------------
# Handlers see counts of their own teams' reports only.
# ---------------------------------------------------------------------
dash_as hanna GET /onderwerpen
is "$HTTP_STATUS" 200 "a handler opens the view"
is "$(rows "$HTTP_BODY")" "Hoofdstraat 12, Hotspotstad|2|Adres" \
    "a Noord handler counts only Noord reports; Zuid's company is absent"
unlike "$(cat "$HTTP_BODY")" 'hotspots-csv' "and is not offered the CSV"
dash_as henk GET /onderwerpen
is "$(rows "$HTTP_BODY")" "$XSS|2|Bedrijf" \
    "a Zuid handler sees no count from Noord's reports"
unlike "$(cat "$HTTP_BODY")" 'Hoofdstraat 12' \
    "nor the address that has only one Zuid report"
dash_as ad GET /onderwerpen
is "$HTTP_STATUS" 403 "an admin (no report content) may not"
dash_as aud GET /onderwerpen
is "$HTTP_STATUS" 403 "nor an auditor"

# ---------------------------------------------------------------------
# Bad filters: a Dutch error at the field, no rows.
# ---------------------------------------------------------------------
# bad QUERY FIELD-ID MESSAGE-PATTERN DESCRIPTION
bad()
{
	dash_as cor GET "/onderwerpen?$1"
	is "$HTTP_STATUS" 400 "$4: 400"
	body=$(cat "$HTTP_BODY")
	like "$body" "<p class=\"error\" id=\"$2-fout\"><span class=\"visually-hidden\">Fout: </span>$3" \
	    "$4: the message at its field"
	like "$body" "id=\"$2\"[^>]* aria-invalid=\"true\" aria-describedby=\"$2-fout\"" \
	    "$4: tied to the field"
	like "$body" "<li><a href=\"#$2\">" "$4: in the summary"
	unlike "$body" '<tbody>' "$4: no rows"
}
bad 'van=2026-13-01' h-van 'Vul een datum in als dd-mm-jjjj of jjjj-mm-dd' \
    "a month 13"
bad 'van=31-13-2026' h-van 'Vul een datum in' "a month 13 as dd-mm-jjjj"
bad 'van=gisteren' h-van 'Vul een datum in' "a date in words"
bad 'tot=2026-02-30' h-tot 'Vul een datum in' "30 February"
bad 'van=2026-05-01&tot=2026-04-01' h-tot \
    'De einddatum ligt voor de begindatum' "the end before the start"
bad 'van=2001-01-01&tot=2026-01-01' h-tot 'Kies een periode van hoogstens' \
    "a period over ten years"
bad 'onderwerp=boot' h-onderwerp 'Kies een soort onderwerp uit de lijst' \
    "an unknown kind"
bad 'soort=abc' h-soort 'Kies een soort melding uit de lijst' \
    "a signal type that is no number"
bad 'soort=999999' h-soort 'Kies een soort melding uit de lijst' \
    "an unknown signal type"
bad 'volgorde=x' h-volgorde 'Kies een volgorde' "an unknown order"
dash_as cor GET '/onderwerpen?van=2026-13-01'
like "$(cat "$HTTP_BODY")" 'name="van" type="date" value="2026-13-01"' \
    "the wrong value stays in its field"
dash_as cor GET '/onderwerpen?pagina=0'
is "$HTTP_STATUS" 400 "page 0: 400"
like "$(cat "$HTTP_BODY")" 'Deze pagina bestaat niet' "with a message"
dash_as cor GET "/onderwerpen?van=%3Cscript%3E"
unlike "$(cat "$HTTP_BODY")" 'value="<script>' \
    "a hostile filter value is escaped in the form"

# ---------------------------------------------------------------------
# Paging: 50 a page.  51 more plates, each in n1 and n2.
# ---------------------------------------------------------------------
sql "INSERT INTO subject (kind, norm, display, created_at)
    SELECT 4, CONCAT('PG', LPAD(seq, 4, '0')), CONCAT('PG-', seq),
    UTC_TIMESTAMP() FROM seq_1_to_51;
    INSERT INTO report_subject (report_id, subject_id, source, confirmed,
    created_at) SELECT r.id, s.id, 3, 1, UTC_TIMESTAMP() FROM subject s
    JOIN report r ON r.id IN ($n1, $n2) WHERE s.norm LIKE 'PG%'"
dash_as cor GET '/onderwerpen?onderwerp=kenteken'
is "$(rows "$HTTP_BODY" | wc -l)" 50 "a page holds 50 hotspots"
like "$(cat "$HTTP_BODY")" 'rel="next" href="/dashboard/onderwerpen\?van=[0-9-]+&amp;tot=[0-9-]+&amp;volgorde=aantal&amp;onderwerp=kenteken&amp;pagina=2"' \
    "and links to the next page with its filters"
unlike "$(cat "$HTTP_BODY")" 'rel="prev"' "but not to a previous one"
dash_as cor GET '/onderwerpen?onderwerp=kenteken&pagina=2'
is "$(rows "$HTTP_BODY" | wc -l)" 1 "the second page holds the 51st"
like "$(cat "$HTTP_BODY")" 'rel="prev"' "and links back"
unlike "$(cat "$HTTP_BODY")" 'rel="next"' "but not further"
dash_as cor GET '/onderwerpen/csv?onderwerp=kenteken'
is "$(csv_rows "$HTTP_BODY" | tail -n +2 | wc -l)" 51 \
    "the CSV holds all of them, unpaged"
# (By id: the purge trigger may not delete from subject while the
# statement reads it.)
pg=$(sql "SELECT GROUP_CONCAT(id) FROM subject WHERE norm LIKE 'PG%'")
sql "DELETE FROM report_subject WHERE subject_id IN ($pg)"
is "$(sql "SELECT COUNT(*) FROM subject WHERE norm LIKE 'PG%'")" 0 \
    "(the plates went with their links)"

# ---------------------------------------------------------------------
# The CSV.
# ---------------------------------------------------------------------
n_audit()
{
	sql "SELECT COUNT(*) FROM audit_log WHERE username = 'cor'
	    AND action = 'export csv onderwerpen'"
}
a0=$(n_audit)
dash_as cor GET /onderwerpen
like "$(cat "$HTTP_BODY")" \
    'id="hotspots-csv" href="/dashboard/onderwerpen/csv\?van=[0-9-]+&amp;tot=[0-9-]+&amp;volgorde=aantal"' \
    "the view links to its CSV with its filters"
dash_as cor GET '/onderwerpen/csv'
is "$HTTP_STATUS" 200 "a coordinator downloads the CSV"
like "$(http_header Content-Type)" '^text/csv; charset=utf-8' "as CSV"
like "$(http_header Content-Disposition)" \
    '^attachment; filename="onderwerpen-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{4}-[0-9]{2}-[0-9]{2}\.csv"' \
    "as a download named by its period"
cp "$HTTP_BODY" "$E2E_TEST_DIR/hot.csv"
is "$(n_audit)" $((a0 + 1)) "the export is audited"
detail=$(sql "SELECT detail FROM audit_log WHERE username = 'cor' AND
    action = 'export csv onderwerpen' ORDER BY id DESC LIMIT 1")
like "$detail" \
    '^onderwerpen; filter: van=[0-9]{4}-[0-9]{2}-[0-9]{2}&tot=[0-9]{4}-[0-9]{2}-[0-9]{2}&volgorde=aantal$' \
    "with its filters"
res=$(python3 - "$E2E_TEST_DIR/hot.csv" "$XSS" <<'PYEOF'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=";", strict=True))
want = [["soort onderwerp", "onderwerp", "genormaliseerd",
    "aantal meldingen", "laatste melding"],
    ["Adres", "Hoofdstraat 12, Hotspotstad", "1234AB 12", "3"],
    ["Bedrijf", "'" + sys.argv[2], "xss bedrijf", "2"]]
bad = []
if rows[0] != want[0]:
    bad.append("header %r" % rows[0])
got = [r[:4] for r in rows[1:]]
if got != want[1:]:
    bad.append("rows %r" % got)
for r in rows:
    if len(r) != 5:
        bad.append("a row of %d fields" % len(r))
    for c in r:
        if c and c[0] in "=+-@\t\r":
            bad.append("live formula starter %r" % c[:20])
print("; ".join(bad) if bad else "ok")
PYEOF
)
is "$res" ok "the CSV round-trips; the formula in a display is made inert"
dash_as cor GET '/onderwerpen/csv?onderwerp=bedrijf&volgorde=recent'
is "$(csv_rows "$HTTP_BODY" | tail -n +2 | cut -f 1,4)" "Bedrijf	2" \
    "the CSV takes the view's filters"
dash_as cor GET '/onderwerpen/csv?tot=2026-99-01'
is "$HTTP_STATUS" 400 "a bad filter: no CSV"
like "$(cat "$HTTP_BODY")" 'filters zijn ongeldig' "but a Dutch message"
is "$(n_audit)" $((a0 + 2)) "and no audit row for it"
dash_as hanna GET '/onderwerpen/csv'
is "$HTTP_STATUS" 403 "a handler may not export"
dash_as henk GET '/onderwerpen/csv'
is "$HTTP_STATUS" 403 "nor a handler of the other team"

# ---------------------------------------------------------------------
# The copies in the links (sql/035): the view reads each link's
# report's time, team and signal type from the link itself.  After
# every kind of change the page's counts equal a count made directly
# from report, as the coordinator and as a handler.
# ---------------------------------------------------------------------
van=$(date -u -d '60 days ago' +%Y-%m-%d)
tot=$(date -u +%Y-%m-%d)
# direct [USER]: "display|count" of the hotspots counted from report,
# the page's order; with USER only the reports of USER's teams.
direct()
{
	local vis=1
	[ -z "${1:-}" ] || vis="r.team_id IN (SELECT ut.team_id FROM
	    user_team ut JOIN app_user a ON a.id = ut.user_id
	    WHERE a.username = '$1')"
	sql "SELECT CONCAT(s.display, '|', COUNT(*)) FROM report_subject rs
	    JOIN report r ON r.id = rs.report_id
	    JOIN subject s ON s.id = rs.subject_id
	    WHERE (rs.source = 1 OR rs.confirmed = 1) AND $vis
	    AND r.received_at >= '$van'
	    AND r.received_at < '$tot' + INTERVAL 1 DAY
	    GROUP BY s.id HAVING COUNT(*) >= 2
	    ORDER BY COUNT(*) DESC, MAX(r.received_at) DESC, s.id"
}
# same WHAT: the copies equal their reports, and the page's rows the
# direct count, for cor, hanna and henk.
same()
{
	local u
	is "$(sql "SELECT COUNT(*) FROM report_subject rs
	    JOIN report r ON r.id = rs.report_id
	    WHERE NOT (rs.received_at <=> r.received_at AND
	    rs.team_id <=> r.team_id AND
	    rs.signal_type_id <=> r.signal_type_id)")" 0 \
	    "$1: every link holds its report's time, team and type"
	is "$(sql "SELECT COUNT(*) FROM subject_recur m LEFT JOIN (SELECT
	    subject_id, COUNT(*) AS n, SUM(source = 1 OR confirmed = 1)
	    AS sure FROM report_subject GROUP BY subject_id) x
	    ON x.subject_id = m.subject_id
	    WHERE NOT (m.reports <=> x.n AND m.sure <=> x.sure)")" 0 \
	    "$1: every subject's count of links and of sure links is right"
	# sql/056: the sure links of subjects with two or more, exactly.
	is "$(sql "WITH sure AS (SELECT rs.subject_id, rs.report_id,
	    rs.received_at, rs.signal_type_id, rs.team_id, s.kind
	    FROM report_subject rs JOIN subject_recur m
	    ON m.subject_id = rs.subject_id
	    JOIN subject s ON s.id = rs.subject_id
	    WHERE m.sure >= 2 AND (rs.source = 1 OR rs.confirmed = 1)),
	    hot AS (SELECT subject_id, report_id, received_at,
	    signal_type_id, team_id, kind FROM subject_hot_link)
	    SELECT (SELECT COUNT(*) FROM (SELECT * FROM sure EXCEPT
	    SELECT * FROM hot) a) + (SELECT COUNT(*) FROM (SELECT * FROM hot
	    EXCEPT SELECT * FROM sure) b)")" 0 \
	    "$1: the hotspot table holds exactly the countable links"
	for u in cor hanna henk; do
		dash_as "$u" GET "/onderwerpen?van=$van&tot=$tot"
		is "$(rows "$HTTP_BODY" | cut -d '|' -f 1,2)" \
		    "$(direct "$([ "$u" = cor ] || echo "$u")")" \
		    "$1: $u's counts equal the direct count"
	done
}
same "as linked"
noord_id=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid_id=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
# z1 to Noord: the address is then three Noord reports for hanna.
sql "UPDATE report SET team_id = $noord_id WHERE id = $z1"
same "a report moved to another team"
dash_as hanna GET "/onderwerpen?van=$van&tot=$tot"
is "$(rows "$HTTP_BODY")" "Hoofdstraat 12, Hotspotstad|3|Adres" \
    "hanna now counts the moved report"
# n2's signal type, then the filter on it.
sql "UPDATE report SET signal_type_id = $t2 WHERE id = $n2"
same "a report of another signal type"
dash_as cor GET "/onderwerpen?van=$van&tot=$tot&soort=$t1"
is "$(rows "$HTTP_BODY")" "" "no subject has two type-1 reports now"
# n1 received before the period: the address falls to two.
sql "UPDATE report SET received_at = UTC_TIMESTAMP() - INTERVAL 90 DAY
    WHERE id = $n1"
same "a report received at another time"
# A new sure link, a confirmation (the plate: n1 is out of the period
# now, n3 and z3 count), a removal.
dash_link "$z2" "$sa" 1 0
same "a link added"
sql "UPDATE report_subject SET confirmed = 1 WHERE subject_id = $sc"
same "links confirmed"
sql "UPDATE report_subject SET confirmed = 0, source = 2
    WHERE subject_id = $sc AND report_id = $z3"
same "a link no longer sure"
sql "UPDATE report_subject SET confirmed = 1
    WHERE subject_id = $sc AND report_id = $z3"
same "and sure again"
sql "DELETE FROM report_subject WHERE report_id = $z2 AND subject_id = $sa"
same "a link removed"
dash_as cor GET "/onderwerpen?van=$van&tot=$tot"
is "$(rows "$HTTP_BODY" | cut -d '|' -f 1,2 | sort)" "$(printf '%s\n' \
    "12-ABC-3|2" "$XSS|2" "Hoofdstraat 12, Hotspotstad|2" | sort)" \
    "the page after all that, as counted by hand"
sql "UPDATE report SET team_id = $zuid_id WHERE id = $z1"

# Nothing about the subjects in the logs.
logs=$(cat "$E2E_LOG" "$E2E_DIR"/*.log 2>/dev/null)
ok '! printf "%s" "$logs" | grep -qF "Hoofdstraat 12"' \
    "no subject's display in the logs"
ok '! printf "%s" "$logs" | grep -qF "1234AB 12"' \
    "nor its normal form"
ok '! printf "%s" "$logs" | grep -qF "xss bedrijf"' "nor the company's"
