# test-16-db-accounts.sh -- each program's own database account
# (sql/grants-<program>.sql, made by meldpuntctl grants) can do what its
# program needs and nothing that would let a taken-over program read
# other reports, accounts or the audit trail (issue 10).

# as PROG SQL: run SQL as meldpunt_PROG; prints output, returns status.
as()
{
	mariadb --no-defaults -S "$E2E_DBSOCK" -u "meldpunt_$1" \
	    -p"$(cat "$E2E_DIR/db.$1.password")" -N -B meldpunt -e "$2" 2>&1
}

# cannot PROG SQL DESC / can PROG SQL DESC
cannot()
{
	local out
	if out=$(as "$1" "$2"); then
		fail "$1 cannot: $3"
		diag "  it could: $2"
		return 1
	fi
	like "$out" 'command denied' "$1 cannot: $3"
}

can()
{
	local out
	if out=$(as "$1" "$2"); then
		pass "$1 can: $3"
	else
		fail "$1 can: $3"
		diag "  $out"
	fi
}

# One report to aim at.
sql "INSERT IGNORE INTO report (reference, channel, audience_id,
    signal_type_id, description, observed_date, street, house_number,
    postcode, city, involved_people, involved_companies,
    involved_vehicles, anonymous, status, received_at)
    SELECT 'M-1999-000016', 'web', a.id, s.id, 'geheime tekst 16',
    '2024-01-01', 'Straat', '1', '1234AB', 'Stad', '', '', '', 0,
    'nieuw', UTC_TIMESTAMP() FROM audience a, signal_type s LIMIT 1" \
    >/dev/null
rid=$(sql "SELECT id FROM report WHERE reference = 'M-1999-000016'")

for p in intake feedback export dashboard; do
	can "$p" "SELECT 1" "sign in with its own password"
done

# intake: stores, reads nothing.
can intake "SELECT COUNT(*) FROM signal_type" "read the signal types"
can intake "SELECT reference FROM report WHERE submission_id = 0x00" \
    "look up a form sent twice"
cannot intake "SELECT description FROM report" "read report texts"
cannot intake "SELECT * FROM report" "read whole reports"
cannot intake "SELECT * FROM reporter_contact" "read contact rows"
cannot intake "SELECT * FROM attachment" "read attachments"
cannot intake "SELECT * FROM message" "read messages"
cannot intake "UPDATE report SET status = 'afgerond' WHERE id = $rid" \
    "change a report"
cannot intake "DELETE FROM report WHERE id = $rid" "delete a report"
cannot intake "SELECT * FROM app_user" "read accounts"
cannot intake "SELECT * FROM audit_log" "read the audit log"
cannot intake "SELECT * FROM partner" "read partners"
cannot intake "INSERT INTO report (reference) VALUES ('x')" \
    "insert into report around intake_store()"
# A contact row and files only for the report this connection's
# intake_store() just stored (sql/026), none for any other report.
cannot intake "INSERT INTO attachment (report_id, filename, mime, size,
    sha256, data) VALUES ($rid, 'x.txt', 'text/plain', 1, 0x00, 'x')" \
    "attach a file to any report"
cannot intake "INSERT INTO reporter_contact (report_id, name_enc)
    VALUES ($rid, 0x00)" "add a contact row to any report"
# istore_with ANSWERS WORDS: the call with answers (SQL values).
istore_with()
{
	printf '%s' "SELECT intake_store(NULL, NULL, 'web', (SELECT MIN(id)
	    FROM audience), (SELECT MIN(id) FROM signal_type),
	    'eigen melding 16', '2024-01-01', NULL, 'Straat', '1', '1234AB',
	    'Stad', '', '', '', 0, NULL, UTC_TIMESTAMP(), NULL, 2024, 'test16',
	    'test 16', 0, NULL, 0, 0, 0, NULL, 0, 0, 0, $1, $2) INTO @own;"
}
istore=$(istore_with NULL NULL)
iatt="INSERT INTO intake_own_attachment (report_id, filename, mime, size,
    sha256, data) VALUES"
# refused INTAKE-SQL DESC: the view's check option refuses the row.
refused()
{
	local out
	if out=$(as intake "$1"); then
		fail "intake cannot: $2"
		diag "  it could: $1"
		return 1
	fi
	like "$out" 'CHECK OPTION failed' "intake cannot: $2"
}
refused "$iatt ($rid, 'x.txt', 'text/plain', 1, 0x00, 'x')" \
    "attach a file to a report it did not store"
refused "SET @meldpunt_intake_report = $rid, @meldpunt_intake_proof =
    UNHEX(SHA2('raden', 256)); $iatt ($rid, 'x.txt', 'text/plain', 1,
    0x00, 'x')" "attach a file with a guessed proof"
refused "$istore SET @meldpunt_intake_report = $rid;
    $iatt ($rid, 'x.txt', 'text/plain', 1, 0x00, 'x')" \
    "attach a file to another report with its own report's proof"
refused "$istore INSERT INTO intake_own_contact (report_id, name_enc)
    VALUES ($rid, 0x00)" "add a contact row to another report"
out=$(as intake "$istore
    INSERT INTO intake_own_contact (report_id, name_enc) VALUES (@own, 0x01);
    $iatt (@own, 'eigen.txt', 'text/plain', 1, 0x00, 'x'); SELECT @own")
own=$(sql "SELECT r.id FROM report r JOIN reporter_contact c
    ON c.report_id = r.id JOIN attachment a ON a.report_id = r.id
    WHERE r.description = 'eigen melding 16' AND a.filename = 'eigen.txt'")
if [ -n "$own" ] && [ "$out" = "$own" ]; then
	pass "intake can: add a contact row and a file to the report it stored"
else
	fail "intake can: add a contact row and a file to the report it stored"
	diag "  $out"
fi
# 029: subjects only for the report it stored, no right on the tables.
cannot intake "SELECT * FROM subject" "read subjects"
cannot intake "SELECT * FROM report_subject" "read subject links"
cannot intake "INSERT INTO report_subject (report_id, subject_id, source,
    created_at) VALUES ($rid, 1, 1, NOW())" "link a subject to any report"
cannot intake "UPDATE subject SET display = 'x'" "change a subject"
out=$(as intake "SELECT intake_subject_link(1, '9999ZZ 1', 'x', 1)")
like "$out" 'no report stored on this connection' \
    "intake cannot: link a subject without a report of its own"
as intake "$istore UPDATE intake_own_subjects_done SET subjects_cut = 1
    WHERE id = $rid" >/dev/null
is "$(sql "SELECT subjects_cut FROM report WHERE id = $rid")" 0 \
    "intake cannot: mark another report indexed"
out=$(as intake "$istore SELECT intake_subject_link(1, '9999ZZ 16', 'x', 1)")
is "$(sql "SELECT COUNT(*) FROM report_subject rs JOIN subject s
    ON s.id = rs.subject_id WHERE s.norm = '9999ZZ 16'
    AND rs.report_id <> $rid")" 1 \
    "intake can: link a subject to the report it stored"
# 061: answers only with the report, in intake_store() itself, whole.
qid=$(sql "SELECT MIN(id) FROM question")
if [ -z "$qid" ] || [ "$qid" = NULL ]; then
	sql "INSERT INTO question (signal_type_id, audience_id, kind, required,
	    position) VALUES ((SELECT MIN(id) FROM signal_type), NULL, 'tekst',
	    0, 1)"
	qid=$(sql "SELECT MIN(id) FROM question")
fi
cannot intake "INSERT INTO report_answer (report_id, question_id, position,
    kind, label, value) VALUES ($rid, $qid, 1, 'tekst', 'v', 'a')" \
    "add an answer to any report"
cannot intake "INSERT INTO report_answer_text (report_id, words)
    VALUES ($rid, 'a')" "write the answers' words of any report"
is "$(sql "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE
    ROUTINE_SCHEMA = DATABASE() AND ROUTINE_NAME LIKE 'intake_store%'")" 1 \
    "059's separate call is gone, intake_store() stores the answers (061)"
own16()
{
	sql "SELECT COUNT(*) FROM report WHERE description = 'eigen melding 16'"
}
n16=$(own16)
for bad in "[[$qid, 1, \"tekst\", \"v\"]]" '[[1, 1, "tekst", "v", "a"' '{}' \
    "[[$qid, 1, \"tekst\", \"$(printf '%0301d' 0)\", \"a\"]]"; do
	out=$(as intake "$(istore_with "'$bad'" "'a'")") &&
	    fail "intake_store refuses answers ${bad:0:40}" ||
	    pass "intake_store refuses answers ${bad:0:40}..."
done
out=$(as intake "$(istore_with "'[[$qid, 1, \"tekst\", \"v\", \"a\"]]'" \
    NULL)") &&
    fail "intake_store refuses answers without their words" ||
    pass "intake_store refuses answers without their words"
is "$(own16)" "$n16" "and stores no report for any of them"
is "$(sql "SELECT (SELECT COUNT(*) FROM report_answer a JOIN report r
    ON r.id = a.report_id WHERE r.description = 'eigen melding 16') +
    (SELECT COUNT(*) FROM report_answer_text a JOIN report r
    ON r.id = a.report_id WHERE r.description = 'eigen melding 16')")" 0 \
    "no answer, not a shortened one, and no words of one"
# A label with quotes, a value with markup, a backslash and a line
# break, as lib/question.c escapes them for JSON.
q=$(cat <<'SQL'
'[[QID, 1, "tekst", "Vraag \"1\"", "<b>\u00e9</b> \\ \n regel"]]'
SQL
)
out=$(as intake "SET SESSION sql_mode = CONCAT(@@sql_mode,
    ',NO_BACKSLASH_ESCAPES'); $(istore_with "${q//QID/$qid}" \
    "'eigen woorden 16'")")
is "$(own16)" $(( n16 + 1 )) "intake can: store a report with its answers"
is "$(sql "SELECT label = 'Vraag \"1\"' AND value = CONCAT('<b>é</b> ', CHAR(92),
    ' ', CHAR(10), ' regel') FROM
    report_answer a JOIN report r ON r.id = a.report_id
    WHERE r.description = 'eigen melding 16'")" 1 \
    "with the answer in the same call, quotes intact ($out)"
is "$(sql "SELECT a.words FROM report_answer_text a JOIN report r
    ON r.id = a.report_id WHERE r.description = 'eigen melding 16'")" \
    "eigen woorden 16" "and its words for the search (sql/060)"
sql "DELETE a FROM report_answer a JOIN report r ON r.id = a.report_id
    WHERE r.description = 'eigen melding 16';
    DELETE a FROM report_answer_text a JOIN report r ON r.id = a.report_id
    WHERE r.description = 'eigen melding 16'"
n=$(sql "SELECT (SELECT COUNT(*) FROM attachment WHERE report_id = $rid)
    + (SELECT COUNT(*) FROM reporter_contact WHERE report_id = $rid)")
is "$n" 0 "and none of the refused attempts wrote a row"
# The test's rows are no real boxes (contact-migrate, test-17, would
# try to open them).
if [ -n "$own" ]; then
	sql "DELETE FROM reporter_contact WHERE report_id = $own"
	sql "DELETE FROM attachment WHERE report_id = $own"
fi

# feedback: the reporter's side only, and of one report only: the one
# whose session the connection is bound to (sql/020).  A second report
# with a session of its own, and a third without one.
for n in 2 3; do
	sql "INSERT IGNORE INTO report (reference, channel, audience_id,
	    signal_type_id, description, observed_date, street,
	    house_number, postcode, city, involved_people,
	    involved_companies, involved_vehicles, anonymous, status,
	    received_at, code_hash)
	    SELECT 'M-1999-00016$n', 'web', a.id, s.id, 'geheime tekst 16-$n',
	    '2024-01-01', 'Straat', '1', '1234AB', 'Stad', '', '', '', 0,
	    'nieuw', UTC_TIMESTAMP(), UNHEX(SHA2('code 16-$n', 256))
	    FROM audience a, signal_type s LIMIT 1" >/dev/null
done
rid2=$(sql "SELECT id FROM report WHERE reference = 'M-1999-000162'")
rid3=$(sql "SELECT id FROM report WHERE reference = 'M-1999-000163'")
for r in "$rid" "$rid2" "$rid3"; do
	sql "INSERT INTO message (report_id, at, direction, kind, body)
	    VALUES ($r, UTC_TIMESTAMP(), 'uit', 'bericht', 'bericht $r')"
done
# Sessions as lib/session.c stores them: the keyed hash of the cookie.
# Whoever holds h1 signed in to $rid, h2 to $rid2.
h1=$(printf 16a | sha256sum | cut -c1-64)
h2=$(printf 16b | sha256sum | cut -c1-64)
for pair in "$h1:$rid" "$h2:$rid2"; do
	sql "INSERT INTO reporter_session (id_hash, report_id, csrf, stage,
	    created_at, last_seen, expires_at) VALUES (0x${pair%%:*},
	    ${pair#*:}, 'c', 0, UTC_TIMESTAMP(), UTC_TIMESTAMP(),
	    UTC_TIMESTAMP() + INTERVAL 1 HOUR)"
done
bind1="SET @meldpunt_reporter_session = 0x$h1;"

cannot feedback "SELECT description FROM report" "read report texts"
cannot feedback "SELECT street FROM report" "read report addresses"
cannot feedback "SELECT status FROM report WHERE id = $rid2" \
    "read any report's status"
cannot feedback "SELECT code_hash FROM report" "read reporters' code hashes"
cannot feedback "SELECT * FROM reporter_session" \
    "read sessions (to borrow another reporter's)"
cannot feedback "SELECT * FROM message" "read the messages of all reports"
cannot feedback "SELECT * FROM reporter_contact" "read contact rows"
cannot feedback "SELECT * FROM attachment" "read attachments"
cannot feedback "SELECT * FROM event" "read a report's history"
cannot feedback "SELECT * FROM report_share" "read whom reports went to"
cannot feedback "SELECT * FROM partner" "read partners"
cannot feedback "SELECT * FROM app_user" "read accounts"
cannot feedback "SELECT * FROM audit_log" "read the audit log"
cannot feedback "DELETE FROM report WHERE id = $rid" "delete a report"
cannot feedback "UPDATE report SET description = '' WHERE id = $rid" \
    "change a report's text"
cannot feedback "UPDATE report SET status = 'nieuw' WHERE id = $rid2" \
    "change a report's status"
cannot feedback "INSERT INTO message (report_id, at, direction, kind, body)
    VALUES ($rid2, UTC_TIMESTAMP(), 'in', 'antwoord', 'x')" \
    "write a message on any report"
cannot feedback "INSERT INTO event (report_id, at, kind, detail)
    VALUES ($rid2, UTC_TIMESTAMP(), 'x', 'x')" "write any report's history"
cannot feedback "INSERT INTO attachment (report_id, filename, mime, size,
    sha256, data) VALUES ($rid2, 'a', 'text/plain', 1, REPEAT('a', 32),
    'a')" "attach a file to any report"
cannot feedback "$bind1 SELECT * FROM feedback_own_attachment" \
    "read its own report's attachments"

# Bound to the session of $rid: that report, and nothing of another,
# whatever the statement names.
out=$(as feedback "$bind1 SELECT reference FROM feedback_own_report")
is "$out" "M-1999-000016" "feedback with a session sees its own report"
out=$(as feedback "$bind1 SELECT body FROM feedback_own_message")
is "$out" "bericht $rid" "feedback with a session reads its own messages only"
out=$(as feedback "$bind1 SELECT COUNT(*) FROM feedback_own_message
    WHERE report_id IN ($rid2, $rid3)")
is "$out" 0 "feedback with a session for one report reads no other's messages"
out=$(as feedback "$bind1 SELECT COUNT(*) FROM feedback_own_report
    WHERE id <> $rid")
is "$out" 0 "feedback with a session for one report sees no other report"
out=$(as feedback "SET @meldpunt_reporter_session = 0x$(printf x |
    sha256sum | cut -c1-64); SELECT COUNT(*) FROM feedback_own_message")
is "$out" 0 "feedback with a made-up session reads nothing"
out=$(as feedback "SELECT COUNT(*) FROM feedback_own_session")
is "$out" 0 "feedback without a session sees no session"
out=$(as feedback "$bind1 INSERT INTO feedback_own_attachment (report_id,
    filename, mime, size, sha256, data) VALUES ($rid2, 'a', 'text/plain',
    1, REPEAT('a', 32), 'a')") && st=0 || st=1
is "$st:$(echo "$out" | grep -c 'CHECK OPTION failed')" 1:1 \
    "feedback with a session cannot attach a file to another report"
# A reply lands on the bound report, and without a session nowhere.
out=$(as feedback "SELECT feedback_reply('zonder sessie', 0)")
is "$out" 0 "feedback without a session cannot reply"
out=$(as feedback "$bind1 SELECT feedback_reply('antwoord 16', 0) > 0")
is "$out" 1 "feedback with a session replies"
out=$(sql "SELECT GROUP_CONCAT(report_id) FROM message
    WHERE body IN ('antwoord 16', 'zonder sessie')")
is "$out" "$rid" "the reply went to the session's report and no other"
# An expired session opens nothing.
sql "UPDATE reporter_session SET expires_at = UTC_TIMESTAMP() -
    INTERVAL 1 SECOND WHERE id_hash = 0x$h1"
out=$(as feedback "$bind1 SELECT COUNT(*) FROM feedback_own_message")
is "$out" 0 "feedback with an expired session reads nothing"
# Sign-in checks the code in the database and gives a session.
out=$(as feedback "SELECT feedback_session_open('M-1999-000162',
    UNHEX(SHA2('fout', 256)), UNHEX(SHA2('16c', 256)), 'c', 0,
    UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + 60)")
is "$out" 0 "feedback cannot open a session with a wrong code"
out=$(as feedback "SELECT feedback_session_open('M-1999-000162',
    UNHEX(SHA2('code 16-2', 256)), UNHEX(SHA2('16c', 256)), 'c', 0,
    UNIX_TIMESTAMP(), UNIX_TIMESTAMP() + 60)")
is "$out" "$rid2" "feedback opens a session with the right code"

# export: what was shared with the partner whose key came with the
# request, never the reporter (sql/021).  Two partners, a report shared
# with each, and one shared with neither.
k1=$(printf '16p1' | sha256sum | cut -c1-64)
k2=$(printf '16p2' | sha256sum | cut -c1-64)
sql "INSERT INTO partner (name, display_name, key_hash, fields)
    VALUES ('test16-een', 'Een', 0x$k1, 'alle'),
    ('test16-twee', 'Twee', 0x$k2, 'alle')"
p1=$(sql "SELECT id FROM partner WHERE name = 'test16-een'")
p2=$(sql "SELECT id FROM partner WHERE name = 'test16-twee'")
sql "INSERT INTO report_share (partner_id, report_id, seq, via, shared_at,
    changed_at) VALUES ($p1, $rid, 1, 'actie', UTC_TIMESTAMP(),
    UTC_TIMESTAMP()), ($p2, $rid2, 1, 'actie', UTC_TIMESTAMP(),
    UTC_TIMESTAMP())"
xbind1="SET @meldpunt_partner_id = $p1, @meldpunt_partner_key = 0x$k1;"

cannot export "SELECT description FROM report WHERE id = $rid3" \
    "read a report that was not shared"
cannot export "SELECT code_hash FROM report" "read reporters' code hashes"
cannot export "SELECT anonymous FROM report" "read who stayed anonymous"
cannot export "SELECT key_hash FROM partner" "read partners' key hashes"
cannot export "SELECT * FROM report_share" "read every partner's shares"
cannot export "SELECT * FROM reporter_contact" "read contact rows"
cannot export "SELECT * FROM message" "read messages"
cannot export "SELECT * FROM event" "read a report's history"
cannot export "SELECT * FROM app_user" "read accounts"
cannot export "SELECT * FROM audit_log" "read the audit log"
cannot export "UPDATE report SET status = 'afgerond' WHERE id = $rid" \
    "change a report"
cannot export "UPDATE partner SET window_pulls = 0" \
    "reset partners' pull counts"
out=$(as export "$xbind1 SELECT GROUP_CONCAT(reference) FROM export_feed")
is "$out" "M-1999-000016" \
    "export with a partner's key reads what was shared with it, only"
out=$(as export "$xbind1 SELECT COUNT(*) FROM export_shared_report
    WHERE reference IN ('M-1999-000162', 'M-1999-000163')")
is "$out" 0 "export with one partner's key reads no other's or unshared report"
out=$(as export "SET @meldpunt_partner_id = $p2,
    @meldpunt_partner_key = 0x$k1; SELECT COUNT(*) FROM export_feed")
is "$out" 0 "export cannot pull as another partner with its own key"
out=$(as export "SET @meldpunt_partner_id = $p2,
    @meldpunt_partner_key = 0x$k1; SELECT COUNT(*) FROM export_self")
is "$out" 0 "export cannot read another partner's row with its own key"
out=$(as export "SELECT COUNT(*) FROM export_feed")
is "$out" 0 "export without a key reads nothing"
out=$(as export "$xbind1 SELECT name FROM export_self")
is "$out" "test16-een" "export with a partner's key reads that partner's row"
# The record of pulls: only in the bound partner's name (sql/027).
cannot export "INSERT INTO export_pull (partner_id, at, what)
    VALUES ($p2, UTC_TIMESTAMP(), 'vals')" "record a pull for any partner"
cannot export "INSERT INTO audit_log (at, username, action)
    VALUES (UTC_TIMESTAMP(), 'partner:test16-twee', 'vals')" \
    "write the audit log in any name"
cannot export "INSERT INTO export_pull_page (pull_id, page, count, next,
    refs) VALUES (1, 99, 1, '', 'M-1')" "add a page to any pull"
out=$(as export "SET @meldpunt_partner_id = $p2,
    @meldpunt_partner_key = 0x$k1; SELECT IFNULL(export_log_pull('vals',
    '', ''), 'NULL'), export_log_audit('vals', '', 'vals')")
is "$out" "NULL	0" "export cannot record a pull as another partner"
out=$(as export "SELECT IFNULL(export_log_pull('vals', '', ''), 'NULL')")
is "$out" "NULL" "export cannot record a pull without a key"
pull1=$(as export "$xbind1 SELECT export_log_pull('lijst', '', '')")
out=$(as export "$xbind1 SELECT export_log_page($pull1, 1, 1, '', 'M-1'),
    export_log_audit('ophalen', '', 'test 16')")
is "$out" "1	1" "export records a pull, page and audit entry for its partner"
out=$(sql "SELECT CONCAT(p.partner_id, ' ', g.count, ' ', a.username, ' ',
    a.object_id) FROM export_pull p JOIN export_pull_page g
    ON g.pull_id = p.id JOIN audit_log a ON a.object_type = 'partner'
    AND a.object_id = p.partner_id AND a.detail = 'test 16'
    WHERE p.id = $pull1")
is "$out" "$p1 1 partner:test16-een $p1" "in that partner's name"
out=$(as export "SET @meldpunt_partner_id = $p2,
    @meldpunt_partner_key = 0x$k2; SELECT export_log_page($pull1, 2, 1,
    '', 'M-2')")
is "$out" 0 "export cannot add a page to another partner's pull"
n=$(sql "SELECT (SELECT COUNT(*) FROM export_pull WHERE what = 'vals')
    + (SELECT COUNT(*) FROM audit_log WHERE action = 'vals')
    + (SELECT COUNT(*) FROM export_pull_page WHERE pull_id = $pull1
    AND page > 1)")
is "$n" 0 "and none of the refused attempts wrote a row"
sql "DELETE FROM export_pull_page WHERE pull_id = $pull1"
sql "DELETE FROM export_pull WHERE id = $pull1"
sql "DELETE FROM report_share WHERE partner_id IN ($p1, $p2)"
sql "DELETE FROM partner WHERE id IN ($p1, $p2)"

# Subjects (sql/028) are personal data: the dashboard's alone.
for p in intake feedback export; do
	cannot "$p" "SELECT * FROM subject" "read subjects"
	cannot "$p" "SELECT * FROM report_subject" "read a report's subjects"
	cannot "$p" "INSERT INTO subject (kind, norm, display, created_at)
	    VALUES (4, '16ZZZ6', 'x', UTC_TIMESTAMP())" "add a subject"
	cannot "$p" "SELECT * FROM report_link" "read decisions about links"
	cannot "$p" "SELECT * FROM report_subject_refused" \
	    "read the subjects handlers removed"
done
can dashboard "SELECT COUNT(*) FROM report_subject" "read a report's subjects"
cannot dashboard "DELETE FROM subject" \
    "delete subjects (they go with their last link)"
# 030: a decision about two reports is replaced, never deleted.
can dashboard "SELECT COUNT(*) FROM report_link" "read decisions about links"
cannot dashboard "DELETE FROM report_link" "delete decisions about links"
# 032: what a handler removed is remembered; adding it by hand clears it.
can dashboard "SELECT COUNT(*) FROM report_subject_refused" \
    "read the subjects handlers removed"
cannot dashboard "UPDATE report_subject_refused SET kind = 1" \
    "change a refusal (it is made and cleared, never changed)"

# dashboard: the rest, but the append-only tables stay so.
can dashboard "SELECT COUNT(*) FROM reporter_contact" "read contact rows"
cannot dashboard "DELETE FROM audit_log" "delete from the audit log"
cannot dashboard "UPDATE audit_log SET action = ''" "change the audit log"

# The programs really connect as their own accounts.
http_get "/melden/"
n=$(sql "SELECT COUNT(*) FROM information_schema.processlist
    WHERE user = 'meldpunt_intake'")
isnt "$n" 0 "meldpunt-intake is connected as meldpunt_intake"
for p in intake feedback export dashboard; do
	ok "grep -q '$p.user = meldpunt_$p' '$E2E_CONF'" \
	    "meldpunt-$p is configured with its own account"
done
for r in "$rid" "$rid2" "$rid3"; do
	for t in reporter_session message event attachment report_share; do
		sql "DELETE FROM $t WHERE report_id = $r" >/dev/null 2>&1 ||
		    true
	done
	sql "DELETE FROM report WHERE id = $r" >/dev/null 2>&1 || true
done

# grants reads a program's password as the programs do (lib/db.c) and
# names what is wrong with it, before it changes the account.
conf_set db.intake.password_file "$E2E_DIR/nonexistent.password"
out=$(mp_ctl grants 2>&1 >/dev/null)
is "$?:$out" "1:meldpuntctl: $E2E_DIR/nonexistent.password: No such file or directory" \
    "grants names a missing password file"
: >"$E2E_DIR/empty.password"
conf_set db.intake.password_file "$E2E_DIR/empty.password"
out=$(mp_ctl grants 2>&1 >/dev/null)
is "$?:$out" "1:meldpuntctl: $E2E_DIR/empty.password: empty" \
    "grants refuses an empty password file"
conf_set db.intake.password_file ""
out=$(mp_ctl grants 2>&1 >/dev/null)
is "$?:$out" "1:meldpuntctl: db.intake.password or db.intake.password_file must be set" \
    "grants wants a password for a program's account"
can intake "SELECT COUNT(*) FROM signal_type" \
    "still read the signal types after grants refused its password"
conf_set db.intake.password "$(cat "$E2E_DIR/db.intake.password")"
out=$(mp_ctl grants 2>&1)
is "$?" 0 "grants takes db.intake.password instead of a file"
can intake "SELECT 1" "sign in after grants with db.intake.password"
conf_reset
rm -f "$E2E_DIR/empty.password"

# The workers serve requests inside the seccomp filter (lib/sandbox.c):
# the kernel says "Seccomp: 2" for each (filter mode).  Sanitizer and
# valgrind runs keep it off by design and log why.
for p in intake feedback export dashboard; do
	for pid in $(mp_pids "$E2E_RUN/$p.pid"); do
		mode=$(sed -n 's/^Seccomp:[[:space:]]*//p' "/proc/$pid/status")
		if grep -q "prog=meldpunt-$p pid=$pid .*sandbox: off under" "$E2E_LOG"
		then
			is "$mode" 0 "meldpunt-$p worker $pid: no filter under a sanitizer or valgrind, as logged"
		else
			is "$mode" 2 "meldpunt-$p worker $pid serves inside the seccomp filter"
		fi
	done
done
