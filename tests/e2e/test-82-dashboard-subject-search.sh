# test-82-dashboard-subject-search.sh -- the work list's search finds
# reports by subject in its normal form (issue 13): a plate, a postcode
# and house number, a KvK number, an IBAN, a phone number and an e-mail
# address, each however it is written, whether the link was confirmed
# or is a proposal; the CSV export selects the same reports; the search
# keeps the visibility rule (a handler sees no report of another team
# through it); a word too short for the FULLTEXT index does not make
# the words half match other words; hostile input is answered and
# shown escaped.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

# Two reports of Noord and one of Zuid: three of the demo reports,
# put in those teams here (earlier tests move reports between teams),
# and back at the end.
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
a=$(sql "SELECT MIN(id) FROM report")
b=$(sql "SELECT MIN(id) FROM report WHERE id > $a")
z=$(sql "SELECT MIN(id) FROM report WHERE id > $b")
teams_before=$(sql "SELECT CONCAT('UPDATE report SET team_id = ',
    COALESCE(team_id, 'NULL'), ' WHERE id = ', id, ';') FROM report
    WHERE id IN ($a, $b, $z)")
team_list()
{
	sql "SELECT GROUP_CONCAT(COALESCE(team_id, '-') ORDER BY id)
	    FROM report WHERE id IN ($a, $b, $z)"
}
teams0=$(team_list)
sql "UPDATE report SET team_id = $noord WHERE id IN ($a, $b);
    UPDATE report SET team_id = $zuid WHERE id = $z"
# Reports stored through the intake have subjects of their own (issue
# 13): start these three from none.
sql "DELETE FROM report_subject WHERE report_id IN ($a, $b, $z)"

# subject KIND NORM REPORT CONFIRMED: link REPORT to the subject (made
# when new), as lib/subject.c stores it.
subject()
{
	sql "INSERT INTO subject (kind, norm, display, created_at)
	    VALUES ($1, '$2', '$2', UTC_TIMESTAMP())
	    ON DUPLICATE KEY UPDATE id = id;
	    INSERT INTO report_subject (report_id, subject_id, source,
	    confirmed, created_at) SELECT $3, id, 2, $4, UTC_TIMESTAMP()
	    FROM subject WHERE kind = $1 AND norm = '$2'"
}
subject 4 12ABC3 "$a" 0			# plate, a proposal
subject 4 12ABC3 "$z" 1			# the same plate in Zuid, confirmed
subject 1 '1234AB 12' "$a" 1		# address
subject 3 12345678 "$b" 0		# KvK
subject 8 NL91ABNA0417164300 "$b" 0	# IBAN
subject 6 +31612345678 "$b" 0		# phone
subject 7 Jan.Jansen@example.nl "$b" 0	# e-mail
is "$(sql "SELECT COUNT(*) FROM report_subject WHERE report_id IN
    ($a, $b, $z)")" 7 "the subject links are there"

# ids: which of the three reports the page shows, sorted, space-
# separated.  Other tests' reports may mention the same address or
# number (the intake links them too): they are not this test's.
ids()
{
	grep -o 'href="/dashboard/melding/[0-9]*"' "$HTTP_BODY" |
	    grep -o '[0-9][0-9]*' | grep -xE "$a|$b|$z" | sort -n |
	    paste -sd' '
}
sorted()
{
	printf '%s\n' "$@" | sort -n | paste -sd' '
}

# finds USER Q WANT...: the work list of USER for search Q (URL-encoded)
# shows exactly the reports WANT.
finds()
{
	local user=$1 q=$2
	shift 2
	dash_as "$user" GET "/?q=$q"
	is "$HTTP_STATUS" 200 "$user: search '$q' is answered"
	is "$(ids)" "$(sorted "$@")" "$user: search '$q' finds $*"
}

# Every way of writing a plate finds the same reports, proposal or not.
for q in 12-abc-3 12ABC3 12+ABC+3 12-ABC-3 12abc3; do
	finds cor "$q" "$a" "$z"
done
for q in 1234+ab+12 1234AB12 1234AB+12 1234+AB+12; do
	finds cor "$q" "$a"
done
for q in 12345678 1234+5678 12.34.56.78; do
	finds cor "$q" "$b"
done
for q in NL91ABNA0417164300 NL91+ABNA+0417+1643+00 nl91abna0417164300; do
	finds cor "$q" "$b"
done
for q in 0612345678 06-12345678 %2B31612345678 %2B31+6+12345678 \
    0031612345678 %2B31+%280%296-12345678 %2806%29+12345678 06.12.34.56.78; do
	finds cor "$q" "$b"
done
for q in Jan.Jansen%40example.nl Jan.Jansen%40Example.NL; do
	finds cor "$q" "$b"
done
# A subject nobody linked finds nothing; a plate written otherwise is
# another plate.
finds cor 99-XYZ-9
finds cor 12-ABD-3

# Visibility: each handler finds the plate's report of the own team
# only, and nothing of another team by its subjects.
finds hanna 12-abc-3 "$a"
finds henk 12ABC3 "$z"
finds henk NL91ABNA0417164300
finds henk 1234AB12
finds henk Jan.Jansen%40example.nl

# With a filter: the filter still applies.
finds cor "12ABC3&team=$zuid" "$z"

# The CSV export selects the same reports.
ref_a=$(sql "SELECT reference FROM report WHERE id = $a")
ref_z=$(sql "SELECT reference FROM report WHERE id = $z")
ref_b=$(sql "SELECT reference FROM report WHERE id = $b")
dash_as cor GET "/export?q=12+ABC+3"
is "$HTTP_STATUS" 200 "the export of a plate search"
is "$(tail -n +2 "$HTTP_BODY" | grep -c "^$ref_a[;,]\|^$ref_z[;,]")" 2 \
    "it holds the plate's two reports"
is "$(grep -c "^$ref_b[;,]" "$HTTP_BODY")" 0 "and not the other one"
dash_as cor GET "/export?q=0031+6+12345678"
is "$(grep -c "^$ref_b[;,]" "$HTTP_BODY")" 1 \
    "the export of a phone search holds its report"
is "$(grep -c "^$ref_a[;,]" "$HTTP_BODY")" 0 "and no other"

# Hostile input.  100 characters of plate-like junk: answered, matches
# no subject; 101 are refused as before.
junk=$(printf '12-ABC-3%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13)
junk=${junk:0:100}
dash_as cor GET "/?q=$junk"
is "$HTTP_STATUS" 200 "100 characters of plate-like junk are answered"
unlike " $(ids) " " $a " "and find no plate's report"
dash_as cor GET "/?q=${junk}X"
is "$HTTP_STATUS" 400 "101 characters are refused"
dash_as cor GET "/?q=%3Cscript%3Ealert(82)%3C%2Fscript%3E12-abc-3"
is "$HTTP_STATUS" 200 "a search with markup is answered"
unlike "$(http_body)" '<script>alert\(82' "and its markup is not live"
like "$(http_body)" '&lt;script&gt;alert\(82\)' "but shown escaped"
dash_as cor GET "/?q=12ABC3%27+OR+1%3D1+--"
is "$HTTP_STATUS" 200 "an injection attempt is answered"
unlike " $(ids) " " $z " "and is no plate"

# The words half of a subject search (docs/architecture.md, "Searching
# for a subject"): a word shorter than the FULLTEXT index's shortest
# word (3) is in no index entry, so "12-abc-3" as words ("+12* +abc*
# +3*") could only find reports whose other words start with 12, abc
# and 3.  Such a search now reads the subjects only; an address by
# street and number keeps its words.
desc_b=$(sql "SELECT HEX(description) FROM report WHERE id = $b")
sql "UPDATE report SET description = 'Overlast bij de Zeldzaamstraat
    87b, 120 abcde 3000 euro' WHERE id = $b"
dash_as cor GET "/?q=abcde+3000"
is "$(ids)" "$b" "the words alone find the report with them"
finds cor 12-abc-3 "$a" "$z"
finds cor 12+ABC+3 "$a" "$z"
finds cor Zeldzaamstraat+87 "$b"
dash_as cor GET "/export?q=12-abc-3"
is "$(grep -c "^$ref_b[;,]" "$HTTP_BODY")" 0 \
    "the export of a plate search has no report of its words' prefixes"
# A plate of one letter first reads as an address too, street "n",
# number 105, addition XH; a street of one letter is no street whose
# words the index holds, so "+N* +105* +XH*" (every n-word's entries:
# seconds at a million) does not run.
sql "UPDATE report SET description = 'Overlast, nummer 1050 xhs euro'
    WHERE id = $b"
dash_as cor GET "/?q=nummer+1050+xhs"
is "$(ids)" "$b" "the words alone find the report with nummer, 1050 and xhs"
finds cor N-105-XH
finds cor n+105+xh
# "12-abc-3" reads as a plate and as an address (street "12 abc",
# number 3): a report linked to both is one row of the list, and of
# the export.
sa=$(dash_subject 1 '12 abc 3' "'12 abc 3'")
dash_link "$a" "$sa" 3 1
finds cor 12-abc-3 "$a" "$z"
dash_as cor GET "/export?q=12-abc-3"
is "$(grep -c "^$ref_a[;,]" "$HTTP_BODY")" 1 \
    "the export has the report of both subjects once"
sql "UPDATE report SET description = UNHEX('$desc_b') WHERE id = $b"

# Leave no subjects behind for the other tests (sql/028's trigger
# deletes a subject with its last link).
sql "DELETE FROM report_subject WHERE report_id IN ($a, $b, $z);
    $teams_before"
is "$(sql "SELECT COUNT(*) FROM subject s WHERE norm IN ('12ABC3',
    '1234AB 12', '12345678', 'NL91ABNA0417164300', '+31612345678',
    'Jan.Jansen@example.nl') AND NOT EXISTS (SELECT 1 FROM
    report_subject rs WHERE rs.subject_id = s.id)")" 0 \
    "the test's subjects are gone, unless another report names them"
is "$(team_list)" "$teams0" "the three reports are back in their teams"
