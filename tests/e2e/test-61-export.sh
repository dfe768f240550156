# test-61-export.sh -- the work list as CSV: hostile values round-trip
# through Python's csv module (quotes, separators, newlines, formula
# starters, non-ASCII), formula starters made inert, the reporter's
# identity never in it, the list's filters apply, the separator switch,
# an audit entry for every export, and only coordinators.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/intake.sh"
. "$top_srcdir/tests/e2e/stats.sh"
dash_fixtures
intake_catalog

# A named reporter, through the intake.
NAME="Exportina Klikspaan-$RANDOM"
EMAIL="exportina.$RANDOM@voorbeeld.nl"
PHONE="06 5555 $RANDOM"
report_fields
set_contact "$NAME" "$EMAIL" "$PHONE"
post_report
is "$HTTP_STATUS" 200 "a named reporter's report is stored"
ref=$(receipt_ref)
id=$(sql "SELECT id FROM report WHERE reference = '$ref'")

# Hostile values in its fields (the dashboard's edit would allow them
# too; set here directly so that every character is exercised).
cat >"$E2E_TEST_DIR/hostile.py" <<'PYEOF'
V = {
    "description": "Zei \"hallo\"; en ging, weg\nnieuwe regel\r\nen CRLF",
    "street": "=HYPERLINK(\"http://x.invalid\";\"klik\")",
    "city": "+31 Ütrecht 東京 🚐",
    "involved_people": "-2+3",
    "involved_companies": "@SUM(A1)",
    "involved_vehicles": "\tXX-99-YY",
    "house_number": "\r12",
    "postcode": "1234 AB",
}
PYEOF
sets=$(python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
from hostile import V
def lit(s):
    return "0x" + s.encode("utf-8").hex()
print(", ".join("%s = CONVERT(%s USING utf8mb4)" % (k, lit(v))
    for k, v in V.items()))' "$E2E_TEST_DIR")
sql "UPDATE report SET $sets WHERE id = $id"
is "$(sql "SELECT city FROM report WHERE id = $id")" "+31 Ütrecht 東京 🚐" \
    "the hostile values are stored"

n_audit()
{
	sql "SELECT COUNT(*) FROM audit_log WHERE username = 'cor'
	    AND action = 'export csv'"
}

# ---------------------------------------------------------------------
# Everything, default separator.
# ---------------------------------------------------------------------
a0=$(n_audit)
dash_as cor GET /export
is "$HTTP_STATUS" 200 "a coordinator exports the work list"
like "$(http_header Content-Type)" '^text/csv; charset=utf-8' "as CSV"
like "$(http_header Content-Disposition)" \
    '^attachment; filename="meldingen-'"$(TZ=Europe/Amsterdam date +%F)"'\.csv"$' \
    "as a download named after its content and today's Dutch date"
is "$(head -c 3 "$HTTP_BODY" | od -An -tx1 | tr -d ' ')" efbbbf \
    "with a byte order mark"
cp "$HTTP_BODY" "$E2E_TEST_DIR/all.csv"
is "$(n_audit)" $((a0 + 1)) "the export is audited"
is "$(sql "SELECT detail FROM audit_log WHERE username = 'cor' AND
    action = 'export csv' ORDER BY id DESC LIMIT 1")" "filter: geen" \
    "with its filter"

check()
{
	python3 - "$1" "$2" "$3" "$E2E_TEST_DIR" <<'PYEOF'
import csv, sys
sys.path.insert(0, sys.argv[4])
from hostile import V
path, sep, ref = sys.argv[1], sys.argv[2], sys.argv[3]
with open(path, newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f, delimiter=sep, strict=True))
head = rows[0]
cols = {"description": "omschrijving", "street": "straat",
    "city": "plaats", "involved_people": "betrokken personen",
    "involved_companies": "betrokken bedrijven",
    "involved_vehicles": "betrokken voertuigen",
    "house_number": "huisnummer", "postcode": "postcode"}
mine = [r for r in rows[1:] if r[0] == ref]
if len(mine) != 1:
    sys.exit("row of %s found %d times" % (ref, len(mine)))
row = dict(zip(head, mine[0]))
bad = []
for k, v in V.items():
    want = "'" + v if v[0] in "=+-@\t\r" else v
    if row[cols[k]] != want:
        bad.append("%s: %r != %r" % (k, row[cols[k]], want))
widths = {len(r) for r in rows}
if widths != {len(head)}:
    bad.append("rows of %s fields" % sorted(widths))
for r in rows[1:]:
    for c in r:
        if c and c[0] in "=+-@\t\r":
            bad.append("live formula starter %r" % c[:20])
print("%d rows; %s" % (len(rows) - 1, "; ".join(bad) if bad else "ok"))
print(row["ontvangen"], row["anoniem"], row["status"])
PYEOF
}
res=$(check "$E2E_TEST_DIR/all.csv" ';' "$ref")
like "$res" '^[0-9]+ rows; ok' \
    "every hostile value round-trips, formula starters made inert"
diag "$res"
like "$(printf '%s\n' "$res" | tail -n 1)" \
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z nee nieuw$' \
    "dates in ISO 8601 (UTC)"
is "$(printf '%s\n' "$res" | head -n 1 | cut -d ' ' -f 1)" \
    "$(sql 'SELECT COUNT(*) FROM report')" "every report is a row"
ok '! grep -qaF -- "$NAME" "$E2E_TEST_DIR/all.csv"' \
    "the reporter's name is nowhere in the CSV"
ok '! grep -qaF -- "$EMAIL" "$E2E_TEST_DIR/all.csv"' "nor the e-mail address"
ok '! grep -qaF -- "$PHONE" "$E2E_TEST_DIR/all.csv"' "nor the phone number"
unlike "$(head -n 1 "$E2E_TEST_DIR/all.csv")" 'naam|e-?mail|telefoon;' \
    "and no column for them"
like "$(sed -n 1p "$E2E_TEST_DIR/all.csv" | od -An -c | tail -n 2)" \
    '\\r +\\n' "rows end in CRLF"

# ---------------------------------------------------------------------
# The work list's filters.
# ---------------------------------------------------------------------
st=$(sql "SELECT id FROM signal_type WHERE slug = 'drugs'")
today=$(date -u +%F)
dash_as cor GET "/export?soort=$st&kanaal=web&van=$today&tot=$today"
is "$HTTP_STATUS" 200 "an export with filters"
got=$(csv_rows "$HTTP_BODY" | tail -n +2 | wc -l)
is "$got" "$(sql "SELECT COUNT(*) FROM report WHERE signal_type_id = $st
    AND channel = 'web' AND received_at >= '$today'
    AND received_at < '$today' + INTERVAL 1 DAY")" \
    "holds exactly the reports the filters select"
is "$(sql "SELECT detail FROM audit_log WHERE username = 'cor' AND
    action = 'export csv' ORDER BY id DESC LIMIT 1")" \
    "filter: soort=$st&kanaal=web&van=$today&tot=$today" \
    "and the audit entry names them"
is "$(n_audit)" $((a0 + 2)) "each export has its audit entry"
dash_as cor GET '/export?q=Zei+hallo'
like "$(csv_rows "$HTTP_BODY" | cut -f 1)" "$ref" "the text search applies"
is "$(n_audit)" $((a0 + 3)) "audited too"
dash_as cor GET "/?soort=$st&kanaal=web"
like "$(http_body)" \
    "<a id=\"export-csv\" href=\"/dashboard/export\\?soort=$st&amp;kanaal=web\">" \
    "the work list links to the export of its own filter"

for bad in 'soort=abc' 'kanaal=fax' 'van=2024-02-30' 'status=weg'; do
	dash_as cor GET "/export?$bad"
	is "$HTTP_STATUS" 400 "a bad filter ($bad) is refused"
	like "$(http_body)" 'filters zijn ongeldig' "with a clear message"
done
is "$(n_audit)" $((a0 + 3)) "and no export ran"

# ---------------------------------------------------------------------
# The separator switch.
# ---------------------------------------------------------------------
conf_set dashboard.csv_separator ','
restart_programs
dash_as cor GET /export
res=$(check "$HTTP_BODY" ',' "$ref")
like "$res" '^[0-9]+ rows; ok' "with dashboard.csv_separator = , too"
dash_as cor GET /statistiek/csv
like "$(sed -n 1p "$HTTP_BODY")" '^.*periode,indeling,waarde,' \
    "and the statistics follow it"
conf_reset
restart_programs

# ---------------------------------------------------------------------
# Only coordinators.
# ---------------------------------------------------------------------
for u in hanna ad aud; do
	dash_as "$u" GET /export
	is "$HTTP_STATUS" 403 "$u may not export"
	dash_as "$u" GET / -L
	unlike "$(http_body)" 'export-csv' "and sees no export link"
done
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'export csv'
    AND username <> 'cor'")" 0 "no export by anyone else"

# The hostile values went in by SQL, past the intake's and the
# dashboard's checks (a house number never holds a CR); give the report
# ordinary values again so later tests see only data the application
# could have stored.
sql "UPDATE report SET description = 'Exporttest', street = 'Industrieweg',
    city = 'Voorbeeld', involved_people = '', involved_companies = '',
    involved_vehicles = '', house_number = '7', postcode = ''
    WHERE id = $id"
