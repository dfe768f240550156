# test-85-subjects-rebuild.sh -- meldpuntctl subjects rebuild indexes
# the reports that are not indexed (stored before sql/029, loaded in
# bulk, or whose indexing failed), in batches, resumable, idempotent,
# with counts and no subject in its output (issue 13).
# Sourced by run.sh with tests/e2e/lib.sh loaded.

# Three reports stored by SQL, as a bulk load or an old schema has
# them: not indexed.  Two share a plate, one holds a KvK number.
for i in 1 2 3; do
	sql "INSERT INTO report (reference, channel, audience_id,
	    signal_type_id, description, observed_date, street, house_number,
	    postcode, city, involved_people, involved_companies,
	    involved_vehicles, anonymous, status, received_at)
	    SELECT 'M-1999-08400$i', 'web', a.id, s.id,
	    CONCAT('Busje met kenteken ', IF($i < 3, '12-ABC-3', 'XX-99-99'),
	    ' gezien'), '2024-01-01', 'Lindelaan', '$i', '', 'Voorbeeld', '',
	    IF($i = 3, 'Bouwbedrijf Test B.V., KvK 12345678', ''), '', 1,
	    'nieuw', UTC_TIMESTAMP() FROM audience a, signal_type s LIMIT 1"
done
# And one with 10,000 plate-like strings, far more than the form
# allows: 8,000 in its description (what TEXT holds) and 2,000 in
# its people (tests/unit/test-subject has 10,000 in one text).
gen()
{
	python3 -c '
import string, sys
L = string.ascii_uppercase
a, b = int(sys.argv[1]), int(sys.argv[2])
print(" ".join("%02d%s%s%s%d" % (10 + i % 90, L[i % 26], L[(i // 26) % 26],
    L[(i // 676) % 26], 1 + i % 9) for i in range(a, b)))' "$@"
}
plates=$(gen 0 8000)
people=$(gen 8000 10000)
sql "INSERT INTO report (reference, channel, audience_id,
    signal_type_id, description, observed_date, street, house_number,
    postcode, city, involved_people, involved_companies,
    involved_vehicles, anonymous, status, received_at)
    SELECT 'M-1999-084004', 'web', a.id, s.id, '$plates', '2024-01-01',
    '', '', '', '', '$people', '', '', 1, 'nieuw', UTC_TIMESTAMP()
    FROM audience a, signal_type s LIMIT 1"
refs="'M-1999-084001','M-1999-084002','M-1999-084003','M-1999-084004'"
# Everything else indexed already, as if by earlier runs.
sql "UPDATE report SET subjects_at = UTC_TIMESTAMP()
    WHERE reference NOT IN ($refs) AND subjects_at IS NULL"

out=$(mp_ctl subjects plan 2>&1)
like "$out" '^4 of [0-9]+ reports not indexed$' \
    "plan counts the 4 not indexed"

# One batch of 2 only (--limit): resumable.
out=$(mp_ctl subjects rebuild --batch 2 --limit 2 2>&1)
is "$?" 0 "rebuild --limit 2 succeeds"
like "$out" 'done: 2 reports' "and indexes 2 reports"
is "$(sql "SELECT COUNT(*) FROM report WHERE reference IN ($refs)
    AND subjects_at IS NULL")" 2 "two are left"

t0=$(date +%s%N)
out=$(mp_ctl subjects rebuild --batch 2 2>&1)
rc=$?
t1=$(date +%s%N)
is "$rc" 0 "the next run succeeds"
like "$out" 'done: 2 reports, [0-9]+ subject links, 1 cut off, 0 failed' \
    "and does the other two, one cut off"
unlike "$out" '12ABC3|12-ABC-3|12345678|Lindelaan|lindelaan' \
    "its output names no subject"
ms=$(( (t1 - t0) / 1000000 ))
if [ "$ms" -lt 5000 ]; then
	pass "two reports, one with 10,000 plates, take ${ms} ms (under 5 s)"
else
	fail "two reports, one with 10,000 plates, take ${ms} ms (under 5 s)"
fi
is "$(sql "SELECT COUNT(*) FROM report WHERE reference IN ($refs)
    AND subjects_at IS NULL")" 0 "none is left"
is "$(sql "SELECT COUNT(*) FROM report r JOIN report_subject rs
    ON rs.report_id = r.id WHERE r.reference = 'M-1999-084004'")" 50 \
    "the hostile one has subject.max_per_report subjects"
is "$(sql "SELECT subjects_cut FROM report
    WHERE reference = 'M-1999-084004'")" 1 "and its cut-off recorded"
is "$(sql "SELECT COUNT(DISTINCT r.id) FROM report r
    JOIN report_subject rs ON rs.report_id = r.id
    JOIN subject s ON s.id = rs.subject_id
    WHERE s.kind = 4 AND s.norm = '12ABC3' AND rs.confirmed = 0
    AND r.reference IN ($refs)")" 2 "the shared plate links two reports"
is "$(sql "SELECT COUNT(*) FROM report r JOIN report_subject rs
    ON rs.report_id = r.id JOIN subject s ON s.id = rs.subject_id
    WHERE r.reference = 'M-1999-084003' AND s.kind = 3
    AND s.norm = '12345678'")" 1 "the KvK number is a subject"
is "$(sql "SELECT COUNT(*) FROM report r JOIN report_subject rs
    ON rs.report_id = r.id JOIN subject s ON s.id = rs.subject_id
    WHERE r.reference = 'M-1999-084001' AND s.kind = 1
    AND s.norm = 'lindelaan 1, voorbeeld' AND rs.confirmed = 1")" 1 \
    "the structured address is a confirmed subject"

out=$(mp_ctl subjects rebuild 2>&1)
like "$out" 'done: 0 reports' "a second run has nothing to do"
# --all indexes every report, also those marked above without links.
out=$(mp_ctl subjects rebuild --all 2>&1)
is "$?" 0 "rebuild --all succeeds"
links=$(sql "SELECT COUNT(*) FROM report_subject")
mp_ctl subjects rebuild --all >/dev/null 2>&1
is "$(sql "SELECT COUNT(*) FROM report_subject")" "$links" \
    "and, indexing everything again, adds no link"

# Two at once: idempotent.
sql "UPDATE report SET subjects_at = NULL WHERE reference IN ($refs)"
mp_ctl subjects rebuild --batch 1 >"$E2E_DIR/rb1.out" 2>&1 &
p1=$!
mp_ctl subjects rebuild --batch 1 >"$E2E_DIR/rb2.out" 2>&1
r2=$?
wait "$p1"
r1=$?
is "$r1:$r2" "0:0" "two runs at once both succeed"
is "$(sql "SELECT COUNT(*) FROM report_subject")" "$links" \
    "and add no link twice"

# --jobs 2: two connections, each the reports of its id modulo 2;
# every one indexed, no link twice, each job's line of counts.
sql "UPDATE report SET subjects_at = NULL WHERE reference IN ($refs)"
out=$(mp_ctl subjects rebuild --batch 1 --jobs 2 2>&1)
is "$?" 0 "rebuild --jobs 2 succeeds"
like "$out" 'job 1 of 2 done: [0-9]+ reports' "job 1 says what it did"
like "$out" 'job 2 of 2 done: [0-9]+ reports' "and so does job 2"
is "$(echo "$out" | sed -n 's/.*done: \([0-9]*\) reports.*/\1/p' |
    awk '{ n += $1 } END { print n }')" 4 \
    "the two did the four reports between them"
is "$(sql "SELECT COUNT(*) FROM report WHERE reference IN ($refs)
    AND subjects_at IS NULL")" 0 "none is left"
is "$(sql "SELECT COUNT(*) FROM report_subject")" "$links" \
    "and no link is added twice"
out=$(mp_ctl subjects rebuild --jobs 17 2>&1)
is "$?" 2 "more than 16 jobs is a usage error"

out=$(mp_ctl subjects rebuild --batch 0 2>&1)
is "$?" 2 "a bad --batch is a usage error"
out=$(mp_ctl subjects frobnicate 2>&1)
is "$?" 2 "an unknown subcommand is a usage error"
like "$out" 'usage: subjects rebuild' "and says how to use it"

# A batch is stored in three statements, its rows in one JSON text
# (mp_subject_store_batch): a street with a quote, a double quote and
# a backslash comes through as written, and a subject a handler
# removed from one report (report_subject_refused) stays away from
# that report only, also when another report of the batch has it.
sql "INSERT INTO report (reference, channel, audience_id,
    signal_type_id, description, observed_date, street, house_number,
    postcode, city, involved_people, involved_companies,
    involved_vehicles, anonymous, status, received_at)
    SELECT CONCAT('M-1999-08401', k.n), 'web', a.id, s.id,
    'Busje met kenteken 99-XYZ-9 gezien', '2024-01-01',
    CONCAT('''t Hoekje ', CHAR(34), 'oud', CHAR(34), ' ', CHAR(92)), k.n,
    '', 'Voorbeeld', '', '', '', 1, 'nieuw', UTC_TIMESTAMP()
    FROM audience a, signal_type s, (SELECT 1 AS n UNION SELECT 2) k
    WHERE a.id = (SELECT MIN(id) FROM audience)
    AND s.id = (SELECT MIN(id) FROM signal_type)"
sql "INSERT INTO report_subject_refused (report_id, kind, norm,
    created_by, created_at) SELECT id, 4, '99XYZ9', NULL, UTC_TIMESTAMP()
    FROM report WHERE reference = 'M-1999-084011'"
out=$(mp_ctl -v subjects rebuild --batch 10 2>&1)
like "$out" 'done: 2 reports, [0-9]+ subject links, 0 cut off, 0 failed' \
    "a batch with a refused subject stores the rest"
unlike "$out" 'one by one' "as one batch, not report by report"
is "$(sql "SELECT GROUP_CONCAT(r.reference ORDER BY r.reference)
    FROM report r JOIN report_subject rs ON rs.report_id = r.id
    JOIN subject s ON s.id = rs.subject_id
    WHERE s.kind = 4 AND s.norm = '99XYZ9'")" M-1999-084012 \
    "the plate is linked to the report that did not refuse it only"
is "$(sql "SELECT COUNT(*) FROM report r JOIN report_subject rs
    ON rs.report_id = r.id JOIN subject s ON s.id = rs.subject_id
    WHERE r.reference LIKE 'M-1999-08401_' AND s.kind = 1
    AND rs.confirmed = 1 AND s.display LIKE CONCAT('%''t Hoekje ',
    CHAR(34), 'oud', CHAR(34), ' ', CHAR(92), CHAR(92), '%')")" 2 \
    "the street's quote, double quote and backslash kept in the display"
sql "DELETE FROM report WHERE reference LIKE 'M-1999-08401_'"

sql "DELETE FROM report WHERE reference IN ($refs)"

# --- seed-demo: overlaps, indexed like real reports -------------------
first=$(sql "SELECT COALESCE(MAX(id), 0) FROM report")
# Without dossiers: later tests (test-88) count the dossiers they make.
out=$(mp_ctl seed-demo --reports 130 --seed 84 --no-dossiers 2>&1)
is "$?" 0 "seed-demo --reports 130 succeeds"
like "$out" 'indexed the subjects of 130 reports' "and indexes them"
is "$(sql "SELECT COUNT(*) FROM report WHERE id > $first
    AND subjects_at IS NULL")" 0 "every demo report is indexed"
# shared KIND NORM: the demo reports that link the subject.
shared()
{
	sql "SELECT COUNT(*) FROM report_subject rs JOIN subject s
	    ON s.id = rs.subject_id WHERE rs.report_id > $first
	    AND s.kind = $1 AND s.norm = '$2'"
}
is "$(shared 4 54TGZ8)" 3 "one plate, written three ways, in three reports"
is "$(shared 3 30124359)" 2 "one company's KvK number in two reports"
is "$(shared 1 '9991AB 12')" 2 "an address spelled two ways in two reports"
n=$(sql "SELECT COUNT(*) FROM (SELECT rs.subject_id FROM report_subject rs
    JOIN subject s ON s.id = rs.subject_id WHERE rs.report_id > $first
    AND s.kind = 1 GROUP BY rs.subject_id HAVING COUNT(*) >= 2) x")
if [ "$n" -ge 3 ]; then
	pass "$n addresses have several demo reports"
else
	fail "$n addresses have several demo reports (want 3 or more of 130)"
fi
avg=$(sql "SELECT ROUND(COUNT(*) / 130, 1) FROM report_subject
    WHERE report_id > $first")
like "$avg" '^(2\.[5-9]|3\.[0-5])' "about three subjects a report ($avg)"

