# test-96-retention.sh -- meldpuntctl retention plan and run (issue 15):
# every term (identity, content, unfounded, duplicate, a signal type's
# own terms, dossiers), reports held in an open dossier, statistics
# unchanged, nothing of an erased report left in a dump of the
# database, one audit entry per batch with counts and references,
# plan matching run, and runs that are interrupted, repeated or run
# two at once.  The clock is the real one: the reports' closing dates
# are seeded in the past (no test-only clock in the program).
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
. "$top_srcdir/tests/e2e/feedback.sh"
. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/stats.sh"
. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures
intake_catalog

sql "INSERT IGNORE INTO signal_type (slug, name, sort)
    VALUES ('testbewaar', 'Testbewaartermijn', 98)"
drugs=$(sql "SELECT id FROM signal_type WHERE slug = 'drugs'")
tb=$(sql "SELECT id FROM signal_type WHERE slug = 'testbewaar'")
aud=$(sql "SELECT id FROM audience WHERE slug = 'bewoners'")
cor=$(sql "SELECT id FROM app_user WHERE username = 'cor'")
team=$(sql "SELECT id FROM team WHERE name = 'Noord'")
# Bad input: a clear error, nothing done.
out=$(mp_ctl retention 2>&1)
is "$?:$out" "2:meldpuntctl: usage: retention plan | run" \
    "retention without plan or run is a usage error"
out=$(mp_ctl retention wis 2>&1)
is "$?" 2 "and so is an unknown subcommand"
conf_set retention.unfounded_reasons "ongegrond, .*"
out=$(mp_ctl retention plan 2>&1)
is "$?:$out" "1:meldpuntctl: retention.unfounded_reasons: words of letters, digits, spaces and hyphens, comma-separated" \
    "a pattern in unfounded_reasons is refused, by name"
conf_reset

conf_set retention.type.testbewaar.identity_months 3
conf_set retention.type.testbewaar.content_years 2

# Everything that is already closed long ago (the earlier tests' and
# the demo's reports) is erased first, so that the counts below are
# this test's own.
is "$(mp_ctl retention run 2>&1 | sed 's/[0-9][0-9]*/N/g')" \
    "erased: identity N content N dossier N in N batches" \
    "without an account of its own, retention runs as db.admin"

# From here on its own account (sql/grants-retention.sql).
head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$E2E_DIR/db.retention.password"
chmod 600 "$E2E_DIR/db.retention.password"
conf_set db.retention.user meldpunt_retention
conf_set db.retention.password_file "$E2E_DIR/db.retention.password"
mp_ctl grants >>"$E2E_DIR/ctl.log" 2>&1
is "$?" 0 "meldpuntctl grants creates the retention account"
rsql()
{
	mariadb --no-defaults -S "$E2E_DBSOCK" -umeldpunt_retention \
	    -p"$(cat "$E2E_DIR/db.retention.password")" -N -B meldpunt \
	    -e "$1" 2>&1
}
is "$(rsql "SELECT COUNT(*) FROM report WHERE closed_at IS NOT NULL" |
    grep -c '^[0-9]')" 1 "the retention account reads the dates it needs"
like "$(rsql "SELECT description FROM report LIMIT 1")" "denied" \
    "but no report's text"
like "$(rsql "SELECT body FROM message LIMIT 1")" "denied" "no message"
like "$(rsql "SELECT name_enc FROM reporter_contact LIMIT 1")" "denied" \
    "no contact"
like "$(rsql "DELETE FROM audit_log")" "denied" "and deletes no audit entry"

held0=$(mp_ctl retention plan | sed -n 's/^total: .* held \([0-9]*\) .*/\1/p')

# seed NAME TYPE CLOSED-AGO [REASON]: a report closed CLOSED-AGO
# (an SQL interval, "" for open) with its text, contact, an
# attachment, a message, a note, a subject and a reporter session,
# each marked with NAME; sets the variable NAME to its id.
seed()
{
	local n=$1 type=$2 ago=$3 reason=${4:-afgehandeld} id closed status
	if [ -n "$ago" ]; then
		closed="UTC_TIMESTAMP() - INTERVAL $ago"
		status=afgerond
	else
		closed=NULL
		status='in behandeling'
		reason=
	fi
	id=$(sql "INSERT INTO report (channel, audience_id, signal_type_id,
	    description, observed_date, street, house_number, postcode, city,
	    involved_people, involved_companies, involved_vehicles,
	    anonymous, code_hash, status, team_id, received_at, taken_at,
	    closed_at, closed_reason)
	    VALUES ('web', $aud, $type, 'Tekst-$n loods vol hennep',
	    '2020-02-02', 'Straat-$n', '12', '1234 AB', 'Plaats-$n',
	    'Persoon-$n', 'Bedrijf-$n B.V.', 'KENTEKEN-$n', 0,
	    UNHEX(SHA2('$n', 256)), '$status', $team,
	    COALESCE($closed, UTC_TIMESTAMP()) - INTERVAL 30 DAY,
	    COALESCE($closed, UTC_TIMESTAMP()) - INTERVAL 20 DAY, $closed,
	    IF('$status' = 'afgerond', '$reason', NULL));
	    SET @r = LAST_INSERT_ID();
	    UPDATE report SET reference = CONCAT('M-1996-', LPAD(@r, 6, '0')),
	    subjects_at = UTC_TIMESTAMP() WHERE id = @r;
	    INSERT INTO reporter_contact (report_id, name_enc, email_enc)
	    VALUES (@r, 'Naam-$n', 'mail-$n@example.org');
	    INSERT INTO message (report_id, at, direction, kind, body)
	    VALUES (@r, UTC_TIMESTAMP(), 'in', 'antwoord', 'Bericht-$n');
	    INSERT INTO attachment (report_id, message_id, filename, mime,
	    size, sha256, data) VALUES (@r, LAST_INSERT_ID(), 'foto-$n.jpg',
	    'image/jpeg', 20, UNHEX(SHA2('x', 256)), 'Bestandsbytes-$n');
	    INSERT INTO event (report_id, at, kind, actor, detail)
	    VALUES (@r, UTC_TIMESTAMP(), 'notitie', 'cor', 'Notitie-$n'),
	    (@r, UTC_TIMESTAMP(), 'status', 'cor',
	    'in behandeling -> afgerond; reden: Reden-$n');
	    INSERT INTO subject (kind, norm, display, created_at)
	    VALUES (5, 'onderwerp-$n', 'Onderwerp-$n', UTC_TIMESTAMP());
	    INSERT INTO report_subject (report_id, subject_id, source,
	    confirmed, created_at) VALUES (@r, LAST_INSERT_ID(), 2, 1,
	    UTC_TIMESTAMP());
	    INSERT INTO reporter_session (id_hash, report_id, csrf, created_at,
	    last_seen, expires_at) VALUES (UNHEX(SHA2('s$n', 256)), @r,
	    'csrf', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP());
	    SELECT @r")
	eval "$n=$id"
}

seed ident "$drugs" "7 MONTH"			# identity only
seed oud "$drugs" "6 YEAR"				# content
seed ongegrond "$drugs" "13 MONTH" "Ongegrond: loodgieter"
seed dubbel "$drugs" "13 MONTH"			# a duplicate of nieuwer
seed nieuwer "$drugs" "2 MONTH"			# nothing yet
seed vast "$drugs" "6 YEAR"			# held: open dossier
seed indos "$drugs" "6 YEAR"			# in a closed dossier
seed tbident "$tb" "4 MONTH"			# testbewaar: 3 months
seed tboud "$tb" "3 YEAR"			# testbewaar: 2 years
seed open "$drugs" ""				# not closed
seed recent "$drugs" "1 MONTH"
seed rechtszaak "$drugs" "6 YEAR"		# held by a coordinator
a=$((dubbel < nieuwer ? dubbel : nieuwer))
b=$((dubbel < nieuwer ? nieuwer : dubbel))
sql "INSERT INTO report_link (report_a, report_b, kind, duplicate_id,
    reason, created_by, created_at) VALUES ($a, $b, 'duplicate', $dubbel,
    'Linkreden-dubbel', $cor, UTC_TIMESTAMP())"

# dossier NAME STATUS CLOSED-AGO REPORT: a dossier with its journal,
# document, analysis, member and subject; sets NAME to its id.
dossier()
{
	local n=$1 st=$2 ago=$3 rep=$4 closed=NULL outcome=NULL id
	if [ "$st" = afgesloten ]; then
		closed="UTC_TIMESTAMP() - INTERVAL $ago"
		outcome="'pand gesloten'"
	fi
	id=$(sql "INSERT INTO dossier (number, title, theme, status, team_id,
	    outcome, created_by, created_at, closed_at) VALUES ('D-1996-$n',
	    'Dossiertitel-$n', 'ondermijning', '$st', $team, $outcome, $cor,
	    UTC_TIMESTAMP() - INTERVAL 7 YEAR, $closed);
	    SET @d = LAST_INSERT_ID();
	    INSERT INTO dossier_report VALUES (@d, $rep, $cor, UTC_TIMESTAMP());
	    INSERT INTO dossier_member VALUES (@d, $cor, $cor, UTC_TIMESTAMP());
	    INSERT INTO dossier_analysis VALUES (@d, 1, 'Analyse-$n', $cor,
	    UTC_TIMESTAMP());
	    INSERT INTO dossier_journal (dossier_id, kind, body, created_by,
	    created_at) VALUES (@d, 'note', 'Journaal-$n', $cor,
	    UTC_TIMESTAMP());
	    INSERT INTO dossier_document (dossier_id, filename, content_type,
	    size, sha256, data, uploaded_by, uploaded_at) VALUES (@d,
	    'doc-$n.pdf', 'application/pdf', 10, REPEAT('0', 64),
	    'Documentbytes-$n', $cor, UTC_TIMESTAMP());
	    INSERT INTO subject (kind, norm, display, created_at)
	    VALUES (2, 'dossieronderwerp-$n', 'Dossieronderwerp-$n',
	    UTC_TIMESTAMP());
	    INSERT INTO dossier_subject VALUES (@d, LAST_INSERT_ID(), $cor,
	    UTC_TIMESTAMP());
	    INSERT INTO dossier_event (dossier_id, kind, actor, at, old_value,
	    new_value) VALUES (@d, 'titel', 'cor', UTC_TIMESTAMP(),
	    'Oudetitel-$n', 'Dossiertitel-$n');
	    SELECT @d")
	eval "$n=$id"
}
dossier dopen open "" "$vast"
dossier dtoe afgesloten "6 YEAR" "$indos"
# More subjects than one round of the erasure takes (256).
sql "INSERT INTO subject (kind, norm, display, created_at)
    SELECT 2, CONCAT('massa-', seq), CONCAT('Massaonderwerp-', seq),
    UTC_TIMESTAMP() FROM seq_1_to_600;
    INSERT INTO dossier_subject SELECT $dtoe, id, $cor, UTC_TIMESTAMP()
    FROM subject WHERE norm LIKE 'massa-%'"

# A partner received oud and ident.
pkey=$(exp_partner bewaarpartner "Bewaarpartner")
pt=$(sql "SELECT id FROM partner WHERE name = 'bewaarpartner'")
for r in "$oud" "$ident"; do
	sql "UPDATE export_counter SET seq = seq + 1 WHERE id = 1;
	    INSERT INTO report_share (partner_id, report_id, seq, via,
	    shared_by, shared_at, changed_at) SELECT $pt, $r, seq, 'actie',
	    'cor', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM export_counter"
done
exp_get "reports.xml?limit=50" "$pkey" >/dev/null
cp "$HTTP_BODY" "$E2E_TEST_DIR/feed-before.xml"
like "$(cat "$E2E_TEST_DIR/feed-before.xml")" "Tekst-oud" \
    "the partner's feed holds the report's text before"

# A coordinator holds rechtszaak for legal proceedings.
dash_post hanna "/melding/$rechtszaak/bewaren" actie=aanhouden \
    "reden=Rechtszaak" >/dev/null
is "$HTTP_STATUS" 403 "a handler may not hold a report"
dash_post cor "/melding/$rechtszaak/bewaren" actie=aanhouden reden= \
    >/dev/null
is "$HTTP_STATUS" 400 "a hold needs a reason"
like "$(cat "$HTTP_BODY")" 'id="bewaren-reden"[^>]*aria-invalid="true"' \
    "and says so at its field"
dash_post cor "/melding/$rechtszaak/bewaren" actie=aanhouden \
    "reden=Rechtszaak aanhangig, zaaknummer 123" >/dev/null
is "$HTTP_STATUS" 303 "a coordinator holds a report, with a reason"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'bewaartermijn aanhouden' AND object_id = $rechtszaak
    AND detail NOT LIKE '%123%'")" 1 "audited, without the reason's words"
is "$(sql "SELECT detail FROM event WHERE report_id = $rechtszaak
    AND kind = 'bewaartermijn'")" "aangehouden" "and in the history"
dash_as cor GET "/melding/$rechtszaak" >/dev/null
like "$(cat "$HTTP_BODY")" 'id="aanhouding">sinds [^<]*: Rechtszaak aanhangig' \
    "the report page shows the hold and its reason"
dash_as cor GET "/melding/$nieuwer" >/dev/null
like "$(cat "$HTTP_BODY")" "Identiteit melder</dt><dd>wordt gewist vanaf [0-9]{2}-[0-9]{2}-[0-9]{4}</dd>" \
    "and the planned dates: identity"
like "$(cat "$HTTP_BODY")" "Inhoud</dt><dd>wordt gewist vanaf [0-9]{2}-[0-9]{2}-[0-9]{4}</dd>" \
    "and content"

# What the statistics show, before.
stats_now()
{
	sql "SELECT month, signal_type_id, audience_id, channel,
	    SUM(received), SUM(taken), SUM(closed), SUM(reopened)
	    FROM stats_month GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4;
	    SELECT month, measure, days, n FROM stats_days ORDER BY 1, 2, 3"
	dash_as cor GET '/statistiek/csv?van=2019-01&tot=2026-12' >/dev/null
	cat "$HTTP_BODY"
}
stats_before=$(stats_now)

# ---------------------------------------------------------------------
# plan: what a run would do, and nothing changed.
# ---------------------------------------------------------------------
sum_before=$(sql "CHECKSUM TABLE report, message, attachment, event" |
    awk '{ print $2 }' | tr '\n' ' ')
plan=$(mp_ctl retention plan 2>&1)
is "$?" 0 "retention plan succeeds"
printf '%s\n' "$plan" | sed 's/^/# /'
# identity: ident oud ongegrond dubbel indos tbident tboud; content: oud
# ongegrond dubbel indos tboud; held: vast (identity and content).
like "$plan" "total: identity 7 content 5 dossier 1 held $((held0 + 4)) next " \
    "plan counts 7 identities, 5 contents, 1 dossier, 4 held (2 reports)"
like "$plan" 'identity  testbewaar +3 months  due +2' \
    "a signal type's own identity term (3 months)"
like "$plan" 'content   testbewaar +24 months  due +1' \
    "and its own content term (2 years)"
like "$plan" 'content   drugs +60 months' "drugs keeps the default 5 years"
is "$(sql "CHECKSUM TABLE report, message, attachment, event" |
    awk '{ print $2 }' | tr '\n' ' ')" "$sum_before" "plan changes nothing"
unlike "$plan" 'Tekst-|Naam-|M-1996' "plan names no content"

# ---------------------------------------------------------------------
# run
# ---------------------------------------------------------------------
audits0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'bewaartermijn'")
batches0=$(sql "SELECT COALESCE(MAX(id), 0) FROM retention_batch")
# Transaction marks (sql/063, lib/db.c): the programs' writes left
# theirs; one of a program that ended two days ago goes with the run,
# one written an hour ago stays.
ok '[ "$(sql "SELECT COUNT(*) FROM txn_mark")" -gt 0 ]' \
    "the programs' transactions left their marks"
sql "INSERT INTO txn_mark (client, seq, updated_at) VALUES
    (UNHEX(REPEAT('A1', 16)), 7, UTC_TIMESTAMP() - INTERVAL 2 DAY),
    (UNHEX(REPEAT('B2', 16)), 9, UTC_TIMESTAMP() - INTERVAL 1 HOUR)"
out=$(mp_ctl retention run 2>&1)
is "$?" 0 "retention run succeeds"
is "$(sql "SELECT GROUP_CONCAT(seq ORDER BY seq) FROM txn_mark
    WHERE client IN (UNHEX(REPEAT('A1', 16)), UNHEX(REPEAT('B2', 16)))")" \
    9 "the run removes the marks of programs that ended, not the rest"
is "$out" "erased: identity 7 content 5 dossier 1 in 5 batches" \
    "run erases what plan said (content of 2 types, identity of 2, dossiers)"

# state NAME: identity erased?, content erased?, text, contact rows.
state()
{
	sql "SELECT CONCAT_WS(' ', identity_erased_at IS NOT NULL,
	    content_erased_at IS NOT NULL, description = '',
	    code_hash IS NULL,
	    (SELECT COUNT(*) FROM reporter_contact WHERE report_id = r.id),
	    (SELECT COUNT(*) FROM reporter_session WHERE report_id = r.id),
	    (SELECT COUNT(*) FROM message WHERE report_id = r.id),
	    (SELECT COUNT(*) FROM attachment WHERE report_id = r.id),
	    (SELECT COUNT(*) FROM report_subject WHERE report_id = r.id))
	    FROM report r WHERE id = $1"
}
is "$(state "$ident")" "1 0 0 1 0 0 1 1 1" \
    "closed 7 months ago: identity gone (contact, session, code), content kept"
is "$(state "$oud")" "1 1 1 1 0 0 0 0 0" "closed 6 years ago: all content gone"
is "$(state "$ongegrond")" "1 1 1 1 0 0 0 0 0" \
    "closed 13 months ago as unfounded: content gone (1 year term)"
is "$(state "$dubbel")" "1 1 1 1 0 0 0 0 0" \
    "closed 13 months ago as a duplicate: content gone"
is "$(state "$nieuwer")" "0 0 0 0 1 1 1 1 1" \
    "closed 2 months ago: nothing erased"
is "$(state "$vast")" "0 0 0 0 1 1 1 1 1" \
    "closed 6 years ago but in an open dossier: held, nothing erased"
is "$(state "$indos")" "1 1 1 1 0 0 0 0 0" \
    "in a closed dossier: its own terms apply"
is "$(state "$tbident")" "1 0 0 1 0 0 1 1 1" \
    "testbewaar, closed 4 months ago: identity gone (3 months)"
is "$(state "$tboud")" "1 1 1 1 0 0 0 0 0" \
    "testbewaar, closed 3 years ago: content gone (2 years)"
is "$(state "$open")" "0 0 0 0 1 1 1 1 1" "an open report: nothing erased"
is "$(state "$recent")" "0 0 0 0 1 1 1 1 1" "closed a month ago: nothing"
is "$(sql "SELECT CONCAT_WS(' ', reference, channel, audience_id,
    signal_type_id, status, received_at IS NOT NULL, taken_at IS NOT NULL,
    closed_at IS NOT NULL, street, city, involved_people,
    COALESCE(closed_reason, '-')) FROM report WHERE id = $oud")" \
    "M-1996-$(printf '%06d' "$oud") web $aud $drugs afgerond 1 1 1    -" \
    "what stays: reference, channel, audience, type, status, dates"
is "$(sql "SELECT GROUP_CONCAT(detail ORDER BY id SEPARATOR '|')
    FROM event WHERE report_id = $oud")" "|in behandeling -> afgerond" \
    "the history keeps a status change's from -> to, not its words"
is "$(sql "SELECT CONCAT(kind, ' ', duplicate_id = $dubbel, ' [', reason,
    ']') FROM report_link WHERE report_a = $a AND report_b = $b")" \
    "duplicate 1 []" "the duplicate decision stays, its reason goes"
is "$(sql "SELECT CONCAT_WS(' ', title = '', erased_at IS NOT NULL, number,
    outcome, (SELECT COUNT(*) FROM dossier_journal WHERE dossier_id = d.id),
    (SELECT COUNT(*) FROM dossier_document WHERE dossier_id = d.id),
    (SELECT COUNT(*) FROM dossier_analysis WHERE dossier_id = d.id),
    (SELECT COUNT(*) FROM dossier_member WHERE dossier_id = d.id),
    (SELECT COUNT(*) FROM dossier_subject WHERE dossier_id = d.id),
    (SELECT COUNT(*) FROM dossier_report WHERE dossier_id = d.id))
    FROM dossier d WHERE id = $dtoe")" \
    "1 1 D-1996-dtoe pand gesloten 0 0 0 0 0 0" \
    "a dossier closed 6 years ago: all but number, outcome and dates gone"
is "$(sql "SELECT CONCAT_WS(' ', title, erased_at IS NULL,
    (SELECT COUNT(*) FROM dossier_journal WHERE dossier_id = d.id))
    FROM dossier d WHERE id = $dopen")" "Dossiertitel-dopen 1 1" \
    "an open dossier stays whole"
is "$(sql "SELECT COUNT(*) FROM subject WHERE norm IN ('onderwerp-oud',
    'onderwerp-indos', 'dossieronderwerp-dtoe')")" 0 \
    "subjects no report or dossier mentions any more are gone"
is "$(sql "SELECT COUNT(*) FROM subject WHERE norm LIKE 'massa-%'")" 0 \
    "all 600 of a dossier's own subjects"
is "$(sql "SELECT COUNT(*) FROM subject WHERE norm IN ('onderwerp-ident',
    'onderwerp-vast', 'dossieronderwerp-dopen')")" 3 \
    "subjects still mentioned stay"

# The partner sees the erased report once more, as erased.
exp_get "reports.xml?limit=50" "$pkey" >/dev/null
is "$HTTP_STATUS" 200 "the partner pulls its feed after the run"
xsd_ok && pass "the feed with an erased report is valid (schema 1.2)" ||
    fail "the feed with an erased report is valid (schema 1.2)"
feed=$(cat "$HTTP_BODY")
unlike "$feed" "Tekst-oud|Straat-oud|Persoon-oud" \
    "the erased report's text is not in the feed"
like "$feed" "Tekst-ident" "the other report's text still is"
oref="M-1996-$(printf '%06d' "$oud")"
is "$(xmllint --nonet --xpath "count(//*[local-name()='melding'][@referentie='$oref'][@gewist])" "$HTTP_BODY")" 1 \
    "the erased report comes with the attribute gewist"
is "$(xmllint --nonet --xpath "count(//*[local-name()='melding'][@referentie='$oref']/*)" "$HTTP_BODY")" 0 \
    "and no element: reference and dates only"
before=$(exp_changes "$E2E_TEST_DIR/feed-before.xml" | awk -v r="$oref" '$1 == r { print $2 }')
after=$(exp_changes | awk -v r="$oref" '$1 == r { print $2 }')
isnt "$after" "$before" "as a new change in the feed ($before -> $after)"
exp_get "reports/$oref.xml" "$pkey" >/dev/null
like "$(cat "$HTTP_BODY")" "gewist=" "and the report by its reference too"

# Statistics: every figure the same.
stats_after=$(stats_now)
if [ "$stats_before" = "$stats_after" ]; then
	pass "the statistics (tables and the CSV of 2019..2026) are unchanged"
else
	fail "the statistics (tables and the CSV of 2019..2026) are unchanged"
	diff <(printf '%s\n' "$stats_before") <(printf '%s\n' "$stats_after") |
	    head -20 | sed 's/^/# /'
fi
like "$stats_after" 'Testbewaartermijn' "and the CSV holds the erased type"

# Nothing of an erased report anywhere in the database.
mp_dump >"$E2E_TEST_DIR/dump.sql"
left=""
for n in oud ongegrond dubbel indos tboud dtoe; do
	for w in "Tekst-$n" "Straat-$n" "Plaats-$n" "Persoon-$n" "Bedrijf-$n" \
	    "KENTEKEN-$n" "Naam-$n" "mail-$n@" "Bericht-$n" "Bestandsbytes-$n" \
	    "foto-$n" "Notitie-$n" "Reden-$n" "nderwerp-$n" "Journaal-$n" \
	    "Analyse-$n" "Documentbytes-$n" "Dossiertitel-$n" \
	    "Oudetitel-$n" "Linkreden-$n"; do
		if grep -q -- "$w" "$E2E_TEST_DIR/dump.sql"; then
			left="$left $w"
		fi
	done
done
is "$left" "" "a dump of the database holds none of the erased texts,"\
" names, subjects, file bytes or dossier contents"
for w in "Naam-ident" "mail-ident@"; do
	if grep -q -- "$w" "$E2E_TEST_DIR/dump.sql"; then
		fail "an erased identity is not in the dump ($w)"
	else
		pass "an erased identity is not in the dump ($w)"
	fi
done
grep -q "Tekst-ident" "$E2E_TEST_DIR/dump.sql" &&
    pass "while the content of a report whose identity went is still there" ||
    fail "while the content of a report whose identity went is still there"

# The audit: one entry per batch, counts and references, no content.
is "$(sql "SELECT COUNT(*) - $audits0 FROM audit_log
    WHERE action = 'bewaartermijn'")" 5 "one audit entry per batch"
audit=$(sql "SELECT detail FROM audit_log WHERE action = 'bewaartermijn'
    ORDER BY id DESC LIMIT 5")
like "$audit" "content: 4 meldingen, 4 identiteiten; batch [0-9]+: .*M-1996-$(printf '%06d' "$oud")" \
    "an entry has the counts and the references"
like "$audit" "dossier: 1 dossiers, 0 identiteiten; batch [0-9]+: D-1996-dtoe" \
    "and a dossier's number"
unlike "$audit" 'Tekst-|Naam-|Straat-|Dossiertitel' "but no content"
is "$(sql "SELECT SUM(items) FROM retention_batch WHERE id > $batches0")" \
    8 "retention_batch holds the batches' counts"

# Twice: nothing more.
out=$(mp_ctl retention run 2>&1)
is "$out" "erased: identity 0 content 0 dossier 0 in 0 batches" \
    "a second run finds nothing more"
like "$(mp_ctl retention plan)" "total: identity 0 content 0 dossier 0 held $((held0 + 4))" \
    "and plan agrees, still reporting the held report"

is "$(state "$rechtszaak")" "0 0 0 0 1 1 1 1 1" \
    "a report a coordinator holds: nothing erased"
dash_as cor GET "/melding/$ident" >/dev/null
like "$(cat "$HTTP_BODY")" "Identiteit melder</dt><dd>gewist op [0-9-]{10}</dd>" \
    "the report page says when the identity was erased"
dash_post cor "/melding/$rechtszaak/bewaren" actie=opheffen \
    "reden=Zaak afgerond" >/dev/null
is "$HTTP_STATUS" 303 "the coordinator lifts the hold"
is "$(sql "SELECT COUNT(*) FROM report_hold WHERE report_id = $rechtszaak")" \
    0 "and the hold with its reason is gone"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'aanhouding opheffen' AND object_id = $rechtszaak")" 1 "audited"
out=$(mp_ctl retention run 2>&1)
is "$out" "erased: identity 1 content 1 dossier 0 in 1 batches" \
    "the next run erases it"
is "$(state "$rechtszaak")" "1 1 1 1 0 0 0 0 0" "all of it"
dash_as cor GET "/melding/$rechtszaak" >/dev/null
like "$(cat "$HTTP_BODY")" "Inhoud</dt><dd>gewist op [0-9-]{10}</dd>" \
    "and its page says the content was erased"
unlike "$(cat "$HTTP_BODY")" 'action="[^"]*/bewaren"' \
    "with no hold to put on it any more"
left=$(mp_dump | grep -o "Tekst-rechtszaak\|Rechtszaak aanhangig\|Bericht-rechtszaak" | sort -u)
is "$left" "" "neither its text nor the hold's reason is left in the database"

# Held until the dossier closes.
sql "UPDATE dossier SET status = 'afgesloten', outcome = 'pand gesloten',
    closed_at = UTC_TIMESTAMP() WHERE id = $dopen"
out=$(mp_ctl retention run 2>&1)
is "$out" "erased: identity 1 content 1 dossier 0 in 1 batches" \
    "once its dossier closes, the held report is erased"
is "$(state "$vast")" "1 1 1 1 0 0 0 0 0" "all of it"

# ---------------------------------------------------------------------
# Many reports: interrupted, then two runs at once.
# ---------------------------------------------------------------------
N=3000
sql "INSERT INTO report (reference, channel, audience_id, signal_type_id,
    description, observed_date, involved_people, involved_companies,
    involved_vehicles, anonymous, status, received_at, closed_at,
    closed_reason, subjects_at)
    SELECT CONCAT('M-1997-', LPAD(seq, 6, '0')), 'web', $aud, $drugs,
    CONCAT('Bulktekst-', seq), '2020-01-01', '', '', '', 1, 'afgerond',
    UTC_TIMESTAMP() - INTERVAL 7 YEAR, UTC_TIMESTAMP() - INTERVAL 6 YEAR,
    'klaar', UTC_TIMESTAMP() FROM seq_1_to_$N;
    INSERT INTO message (report_id, at, direction, kind, body)
    SELECT id, UTC_TIMESTAMP(), 'in', 'antwoord', CONCAT('Bulkbericht-', id)
    FROM report WHERE reference LIKE 'M-1997-%'"
stats_before=$(stats_now)
conf_set retention.batch 100
"$top_builddir/meldpuntctl" -c "$E2E_CONF" retention run \
    >"$E2E_TEST_DIR/killed.out" 2>&1 &
pid=$!
wait_for 30 "[ \$(sql \"SELECT COUNT(*) FROM retention_batch
    WHERE id > $batches0 AND items = 100\") -ge 2 ]" >/dev/null 2>&1
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
done1=$(sql "SELECT COUNT(*) FROM report WHERE reference LIKE 'M-1997-%'
    AND content_erased_at IS NOT NULL")
if [ "$done1" -gt 0 ] && [ "$done1" -lt "$N" ]; then
	pass "a run killed midway erased some ($done1 of $N)"
else
	fail "a run killed midway erased some ($done1 of $N)"
fi
is "$(sql "SELECT COUNT(*) FROM report r WHERE reference LIKE 'M-1997-%'
    AND ((content_erased_at IS NULL) <> (description <> '')
    OR (content_erased_at IS NULL) <> EXISTS (SELECT 1 FROM message m
    WHERE m.report_id = r.id))")" 0 "nothing is half erased"
is "$(sql "SELECT $done1 % 100")" 0 "whole batches only"

t0=$(date +%s%N)
"$top_builddir/meldpuntctl" -c "$E2E_CONF" retention run \
    >"$E2E_TEST_DIR/p1.out" 2>&1 &
p1=$!
"$top_builddir/meldpuntctl" -c "$E2E_CONF" retention run \
    >"$E2E_TEST_DIR/p2.out" 2>&1 &
p2=$!
wait "$p1"
r1=$?
wait "$p2"
r2=$?
t1=$(date +%s%N)
is "$r1 $r2" "0 0" "two runs at once both succeed"
c1=$(sed -n 's/^erased: identity [0-9]* content \([0-9]*\) .*/\1/p' \
    "$E2E_TEST_DIR/p1.out")
c2=$(sed -n 's/^erased: identity [0-9]* content \([0-9]*\) .*/\1/p' \
    "$E2E_TEST_DIR/p2.out")
is "$((c1 + c2))" "$((N - done1))" \
    "and between them erase the rest exactly once ($c1 + $c2)"
is "$(sql "SELECT COUNT(*) FROM report WHERE reference LIKE 'M-1997-%'
    AND (content_erased_at IS NULL OR description <> '')")" 0 \
    "all $N are erased"
is "$(sql "SELECT COUNT(*) FROM message m JOIN report r ON r.id = m.report_id
    WHERE r.reference LIKE 'M-1997-%'")" 0 "with their messages"
ms=$(( (t1 - t0) / 1000000 ))
diag "erased $((N - done1)) reports (one message each) in ${ms} ms with two runs: $(( (N - done1) * 1000 / (ms + 1) )) reports/s"
stats_after=$(stats_now)
is "$stats_after" "$stats_before" "the statistics are unchanged again"
is "$(mp_ctl retention run)" \
    "erased: identity 0 content 0 dossier 0 in 0 batches" \
    "and a run after them finds nothing"

# retention.pause_ms: a wait between batches, so that a large backlog
# leaves the intake room.  Three due reports in batches of one with
# 400 ms between them cannot take less than 1.2 s.
sql "INSERT INTO report (reference, channel, audience_id, signal_type_id,
    description, observed_date, involved_people, involved_companies,
    involved_vehicles, anonymous, status, received_at, closed_at,
    closed_reason, subjects_at)
    SELECT CONCAT('M-1998-', LPAD(seq, 6, '0')), 'web', $aud, $drugs,
    CONCAT('Pauzetekst-', seq), '2020-01-01', '', '', '', 1, 'afgerond',
    UTC_TIMESTAMP() - INTERVAL 7 YEAR, UTC_TIMESTAMP() - INTERVAL 6 YEAR,
    'klaar', UTC_TIMESTAMP() FROM seq_1_to_3"
conf_set retention.batch 1
conf_set retention.pause_ms 400
t0=$(date +%s%N)
out=$(mp_ctl retention run 2>&1)
t1=$(date +%s%N)
is "$out" "erased: identity 3 content 3 dossier 0 in 3 batches" \
    "with retention.pause_ms the run erases the same"
ms=$(( (t1 - t0) / 1000000 ))
if [ "$ms" -ge 1200 ]; then
	pass "and waits between its batches (${ms} ms for 3 x 400 ms)"
else
	fail "and waits between its batches (${ms} ms for 3 x 400 ms)"
fi
conf_set retention.pause_ms 0
conf_set retention.batch 500

# ---------------------------------------------------------------------
# The privacy officer's page: read-only, audited, no content.
# ---------------------------------------------------------------------
a0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'privacyoverzicht'")
dash_as aud GET /privacy >/dev/null
is "$HTTP_STATUS" 200 "an auditor opens the privacy page"
page=$(cat "$HTTP_BODY")
like "$page" "Bewaartermijnen na afronden" "with the retention terms"
like "$page" "standaard</th><td>6 maanden</td><td>60 maanden</td><td>12 maanden" \
    "the default terms"
like "$page" "testbewaar</th><td>[0-9]+ maanden" "and those of each signal type"
like "$page" "inhoud gewist</th><td>[0-9]+" "the reports per stage"
like "$page" "vastgehouden voor een open dossier</th><td>[0-9]+" \
    "the held reports"
like "$page" "<td>cor</td>" "the users who may see reporter identity"
like "$page" "Bewaarpartner" "the partners with their profiles"
like "$page" "<td>content</td><td>[0-9]+</td>" "and the last retention runs"
unlike "$page" "Tekst-|Naam-|Straat-" "and no report content"
is "$(sql "SELECT COUNT(*) - $a0 FROM audit_log
    WHERE action = 'privacyoverzicht'")" 1 "viewing it is audited"
dash_as aud GET /privacy/csv >/dev/null
is "$HTTP_STATUS" 200 "it downloads as CSV"
like "$(cat "$HTTP_BODY")" "stand;inhoud gewist;[0-9]+" \
    "with the same rows"
is "$(sql "SELECT COUNT(*) - $a0 FROM audit_log
    WHERE action = 'privacyoverzicht'")" 2 "and the download is audited"
dash_as hanna GET /privacy >/dev/null
is "$HTTP_STATUS" 403 "a handler may not open it"
conf_reset
