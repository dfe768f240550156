# test-60-stats.sh -- the statistics page and its CSV: every figure
# equals a count straight from the reports and their history, across
# month boundaries (the last second of a month, the first of the next,
# 29 February) and for reports closed, reopened and closed again;
# hand-counted figures for a signal type only this test uses; bad
# ranges; who may see it.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/stats.sh"
dash_fixtures

aud=$(sql "SELECT id FROM audience WHERE slug = 'bewoners'")
aud2=$(sql "SELECT id FROM audience WHERE slug = 'ondernemers'")
sql "INSERT IGNORE INTO signal_type (slug, name, sort)
    VALUES ('teststat', 'Teststatistiek', 99)"
st=$(sql "SELECT id FROM signal_type WHERE slug = 'teststat'")

# new_report TIME CHANNEL AUDIENCE: a report received at TIME, as the
# intake stores it (with its reference); prints its id.
new_report()
{
	sql_at "$1" "INSERT INTO report (channel, audience_id, signal_type_id,
	    description, observed_date, involved_people, involved_companies,
	    involved_vehicles, anonymous, received_at)
	    VALUES ('$2', $3, $st, 'Statistiektest', '2024-01-01', '', '', '',
	    1, UTC_TIMESTAMP());
	    UPDATE report SET reference = CONCAT('M-', YEAR(received_at), '-',
	    LPAD(id, 6, '0')) WHERE id = LAST_INSERT_ID();
	    SELECT LAST_INSERT_ID()"
}
# take/close/reopen ID TIME: the dashboard's statements, at TIME.
take()
{
	sql_at "$2" "UPDATE report SET status = 'in behandeling',
	    taken_at = COALESCE(taken_at, UTC_TIMESTAMP()),
	    version = version + 1 WHERE id = $1;
	    INSERT INTO event (report_id, at, kind, actor, detail)
	    VALUES ($1, UTC_TIMESTAMP(), 'in behandeling genomen', 'cor', '')"
}
close_()
{
	sql_at "$2" "INSERT INTO event (report_id, at, kind, actor, detail)
	    SELECT id, UTC_TIMESTAMP(), 'status', 'cor',
	    CONCAT(status, ' -> afgerond; reden: klaar') FROM report
	    WHERE id = $1;
	    UPDATE report SET status = 'afgerond', closed_at = UTC_TIMESTAMP(),
	    closed_reason = 'klaar', version = version + 1 WHERE id = $1"
}
reopen()
{
	sql_at "$2" "UPDATE report SET status = 'in behandeling',
	    closed_at = NULL, closed_reason = NULL, version = version + 1
	    WHERE id = $1;
	    INSERT INTO event (report_id, at, kind, actor, detail)
	    VALUES ($1, UTC_TIMESTAMP(), 'status', 'cor',
	    'afgerond -> in behandeling')"
}

if [ "$(sql "SELECT COUNT(*) FROM report WHERE signal_type_id = $st")" = 0 ]
then
	# A: last second of January; taken in the first second of
	# February; closed in the last second of 29 February; reopened in
	# the first second of March; closed again in April.
	a=$(new_report '2024-01-31 23:59:59' web "$aud")
	take "$a" '2024-02-01 00:00:00'
	close_ "$a" '2024-02-29 23:59:59'
	reopen "$a" '2024-03-01 00:00:00'
	close_ "$a" '2024-04-15 12:00:00'
	# B: first second of February, closed without being taken in the
	# last second of March.
	b=$(new_report '2024-02-01 00:00:00' telefoon "$aud2")
	close_ "$b" '2024-03-31 23:59:59'
	# C: taken after four and a bit days, stays open.
	c=$(new_report '2024-02-29 12:00:00' email "$aud")
	take "$c" '2024-03-05 10:00:00'
	# D: stored already closed, without history (as demo data is).
	sql "INSERT INTO report (channel, audience_id, signal_type_id,
	    description, observed_date, involved_people, involved_companies,
	    involved_vehicles, anonymous, status, received_at, taken_at,
	    closed_at) VALUES ('web', $aud, $st, 'Statistiektest',
	    '2024-01-01', '', '', '', 1, 'afgerond', '2024-01-10 08:00:00',
	    '2024-01-11 09:00:00', '2024-01-20 10:00:00');
	    UPDATE report SET reference = CONCAT('M-', YEAR(received_at), '-',
	    LPAD(id, 6, '0')) WHERE id = LAST_INSERT_ID()"
	# E: last second of March; F: first second of March, taken after
	# seven days.
	new_report '2024-03-31 23:59:59' telefoon "$aud" >/dev/null
	f=$(new_report '2024-03-01 00:00:00' intranet "$aud2")
	take "$f" '2024-03-08 00:00:00'
fi

# ---------------------------------------------------------------------
# The CSV for January..April 2024 against hand counts.
# ---------------------------------------------------------------------
dash_as cor GET '/statistiek/csv?van=2024-01&tot=2024-04'
is "$HTTP_STATUS" 200 "a coordinator downloads the statistics as CSV"
like "$(http_header Content-Type)" '^text/csv; charset=utf-8' \
    "as text/csv in UTF-8"
like "$(http_header Content-Disposition)" \
    'attachment; filename="statistiek-2024-01-2024-04.csv"' \
    "as a download named after the range"
is "$(head -c 3 "$HTTP_BODY" | od -An -tx1 | tr -d ' ')" efbbbf \
    "starting with the UTF-8 byte order mark"
cp "$HTTP_BODY" "$E2E_TEST_DIR/stats.csv"
rows=$(csv_rows "$E2E_TEST_DIR/stats.csv")
type_rows=$(printf '%s\n' "$rows" | awk -F '\t' \
    '$2 == "soort" && $3 == "Teststatistiek"' | cut -f 1,4-8)
# Months are Dutch (sql/043): A's receipt in the last UTC second of
# January is 00:59:59 on 1 February, B's closing at 23:59:59 UTC on 31
# March (summer time since 01:00 UTC that day) is 1 April 01:59:59.
is "$type_rows" "$(printf '%s\n' \
    "2024-01	1	1	1	0	0" \
    "2024-02	3	1	0	0	3" \
    "2024-03	1	2	1	1	4" \
    "2024-04	1	0	2	0	3" \
    "totaal	6	4	4	1	3")" \
    "month boundaries (in Dutch time) and reopened reports are counted as counted by hand"
is "$(printf '%s\n' "$rows" | head -n 1)" "$(printf '%s\t' periode \
    indeling waarde ontvangen 'in behandeling genomen' afgerond heropend \
    'open aan het eind' 'mediaan dagen tot in behandeling' \
    | sed 's/\t$//')	mediaan dagen tot afgerond" "the CSV has a header row"

# Medians of January..April 2024 hold only this test's reports.
if [ "$(sql "SELECT COUNT(*) FROM report WHERE signal_type_id <> $st AND
    (received_at < '2024-05-01' OR taken_at < '2024-05-01' OR
    closed_at < '2024-05-01')")" = 0 ]; then
	is "$(printf '%s\n' "$rows" | awk -F '\t' '$2 == "totaal"' |
	    cut -f 1,9,10)" "$(printf '%s\n' "2024-01	1	10" \
	    "2024-02	0	" "2024-03	5,5	29" "2024-04		66,5" \
	    "totaal	2,5	44")" \
	    "medians of whole days, the mean of the middle two when even"
else
	skip "hand-counted medians" "other reports in early 2024"
fi

# ---------------------------------------------------------------------
# Every figure against the direct count: early 2024, and the default
# last twelve months (demo data and the other tests' actions).
# ---------------------------------------------------------------------
compare()
{
	python3 - "$1" "$2" <<'PYEOF'
import sys
def load(path):
    d = {}
    for line in open(path, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if f[0] == "periode":
            continue
        d[tuple(f[0:3])] = f[3:]
    return d
got, want = load(sys.argv[1]), load(sys.argv[2])
zero = ["0"] * 5 + ["", ""]
bad = [(k, got.get(k, zero), want.get(k, zero)) for k in
    sorted(set(got) | set(want)) if got.get(k, zero) != want.get(k, zero)]
for k, g, w in bad[:10]:
    print("%s: page %s, direct %s" % (k, g, w))
print("rows %d, differ %d" % (len(got), len(bad)))
PYEOF
}
printf '%s\n' "$rows" >"$E2E_TEST_DIR/got"
stats_direct 2024-01 2024-04 >"$E2E_TEST_DIR/want"
res=$(compare "$E2E_TEST_DIR/got" "$E2E_TEST_DIR/want")
like "$res" 'differ 0$' "every figure of 2024-01..04 equals the direct count"
diag "$res"

# Today's work through the dashboard on a report of this test's type:
# take, close, reopen, close.  The comparison of the last twelve
# months is limited to this type, since earlier tests move other
# reports' times and statuses with SQL the application never runs
# (test-39's fixtures), which the counters do not follow by design
# (docs/architecture.md).
r=$(new_report "$(date -u '+%F %T')" web "$aud")
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $r"
dash_post cor "/melding/$r" actie=oppakken "versie=$(dash_version "$r")"
dash_post cor "/melding/$r" actie=status naar=afgerond reden=opgelost \
    "versie=$(dash_version "$r")"
dash_post cor "/melding/$r" actie=status 'naar=in behandeling' \
    "versie=$(dash_version "$r")"
dash_post cor "/melding/$r" actie=status naar=afgerond reden=ongegrond \
    "versie=$(dash_version "$r")"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $r AND
    kind = 'status'")" 3 "the dashboard closed, reopened and closed"
dash_as cor GET /statistiek/csv
is "$HTTP_STATUS" 200 "the default range (the last twelve months)"
csv_rows "$HTTP_BODY" >"$E2E_TEST_DIR/got"
from=$(head -n 2 "$E2E_TEST_DIR/got" | tail -n 1 | cut -f 1)
to=$(TZ=Europe/Amsterdam date +%Y-%m)
is "$(awk -F '\t' '$2 == "totaal" && $1 != "totaal"' "$E2E_TEST_DIR/got" |
    wc -l)" 12 "is twelve months"
is "$(awk -F '\t' '$2 == "totaal"' "$E2E_TEST_DIR/got" | tail -n 2 |
    head -n 1 | cut -f 1)" "$to" "ending with this month"
is "$(awk -F '\t' -v m="$to" '$1 == m && $3 == "Teststatistiek"' \
    "$E2E_TEST_DIR/got" | cut -f 4-8)" "1	1	2	1	3" \
    "this month's take, two closings and a reopening are counted"
stats_direct "$from" "$to" >"$E2E_TEST_DIR/want"
grep -P '\tTeststatistiek\t' "$E2E_TEST_DIR/got" >"$E2E_TEST_DIR/got.t"
grep -P '\tTeststatistiek\t' "$E2E_TEST_DIR/want" >"$E2E_TEST_DIR/want.t"
res=$(compare "$E2E_TEST_DIR/got.t" "$E2E_TEST_DIR/want.t")
like "$res" 'rows 13, differ 0$' "every figure of the last twelve months \
equals the direct count"
diag "$res"

# ---------------------------------------------------------------------
# The page: tables, charts, text alternatives, the same numbers.
# ---------------------------------------------------------------------
dash_as cor GET '/statistiek?van=2024-01&tot=2024-04'
is "$HTTP_STATUS" 200 "a coordinator sees the statistics page"
body=$(http_body)
stats_direct 2024-01 2024-04 >"$E2E_TEST_DIR/want"
want_mar=$(awk -F '\t' '$1 == "2024-03" && $2 == "totaal" {
    printf "<td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>" \
    "<td>%s</td><td>%s</td>", $4, $5, $6, $7, $8, $9, $10 }' \
    "$E2E_TEST_DIR/want")
like "$(tr -d '\n' <"$HTTP_BODY")" \
    "<tr data-month=\"2024-03\"><th scope=\"row\">mrt 2024</th>$want_mar" \
    "the month table shows the direct counts"
like "$body" '<svg class="chart" role="img" aria-labelledby="c1-t c1-d"' \
    "a chart is inline SVG with a role and a label"
like "$body" '<title id="c1-t">Ontvangen, in behandeling genomen en afgerond' \
    "with a title"
like "$body" '<desc id="c1-d">Staafdiagram' "and a description"
like "$body" '<title>mrt 2024: [0-9]+ ontvangen, [0-9]+ in behandeling' \
    "every bar group has its own text"
like "$body" '<rect class="bar received" x="[0-9]+" y="[0-9]+" width="10"' \
    "the bars are drawn on the server"
like "$body" 'Teststatistiek' "per signal type"
like "$body" 'Per doelgroep' "per audience"
like "$body" 'Per kanaal' "per channel"
like "$body" 'telt twee keer' "the page says how reopened reports count"
unlike "$body" '<script|style=' "no script and no inline style (CSP)"
like "$(http_header Content-Security-Policy)" "style-src 'self'" \
    "under the usual Content-Security-Policy"
like "$body" 'href="/dashboard/statistiek/csv\?van=2024-01&amp;tot=2024-04"' \
    "the page links to its CSV"
like "$body" '<a href="/dashboard/statistiek">Statistiek</a>' \
    "the menu links to the statistics"

# ---------------------------------------------------------------------
# Bad ranges: a clear error at the field, no figures.
# ---------------------------------------------------------------------
for bad in 'van=2024-13' 'van=24-01' 'tot=abc' 'van=2024-05&tot=2024-04' \
    'van=2000-01&tot=2024-01' "van=$(printf 'x%.0s' $(seq 300))"; do
	dash_as cor GET "/statistiek?$bad"
	is "$HTTP_STATUS" 400 "range $(printf '%.20s' "$bad") is refused"
	like "$(http_body)" 'aria-invalid="true" aria-describedby="s-(van|tot)-fout"' \
	    "with the error tied to its field"
	unlike "$(http_body)" '<table class="stats"' "and no figures"
done
dash_as cor GET '/statistiek/csv?van=2024-13'
is "$HTTP_STATUS" 400 "a CSV of a bad range is refused"

# ---------------------------------------------------------------------
# Only coordinators.
# ---------------------------------------------------------------------
for u in hanna ad aud; do
	n=$(sql "SELECT COUNT(*) FROM audit_log WHERE username = '$u'
	    AND action = 'geweigerd'")
	dash_as "$u" GET /statistiek
	is "$HTTP_STATUS" 403 "$u may not see the statistics"
	dash_as "$u" GET /statistiek/csv
	is "$HTTP_STATUS" 403 "nor download them"
	is "$(sql "SELECT COUNT(*) FROM audit_log WHERE username = '$u'
	    AND action = 'geweigerd'")" $((n + 2)) "and both attempts are audited"
	dash_as "$u" GET / -L
	unlike "$(http_body)" '/statistiek"' "and has no menu link to them"
done
