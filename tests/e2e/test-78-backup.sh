# test-78-backup.sh -- the backup procedure of README ("Back-up en
# herstel") proven, and meldpuntctl backup-check with it (issue 18):
# a loaded instance (demo reports and dossiers, a report through the
# form with contact details and attachments, a message, audit rows) is
# dumped with mariadb-dump --single-transaction while a writer adds
# reports; the dump goes into a second, fresh MariaDB of this test's
# own, with copies of the key files; backup-check finds the copy equal
# up to the rows the writer added after the dump, and nothing half
# written.  A dump of the quiet instance is equal in full, by
# backup-check and by the checksums and opened contacts of test-72's
# helpers (tests/e2e/tables.sh).  Then the copy is tampered with, one
# thing at a time -- a report's text, one byte of an attachment, an
# audit row deleted, another contact key -- and backup-check fails,
# naming the table and the row, never content.
#
# The second server is stopped by its pid and removed; the suite's
# database gets only the rows of the load (seed-demo's and the form's).
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/feedback.sh"
. "$top_srcdir/tests/e2e/tables.sh"
intake_catalog
dash_fixtures
mkdir -p "$E2E_TEST_DIR"

T78_COPY=$(mktemp -d /tmp/mp78.XXXXXX)
T78_WRITER=
copy=$T78_COPY/mysql.sock
out_all=$E2E_TEST_DIR/outputs

t78_cleanup()
{
	local p
	[ -n "$T78_WRITER" ] && kill "$T78_WRITER" 2>/dev/null
	p=$(cat "$T78_COPY/mariadbd.pid" 2>/dev/null)
	if [ -n "$p" ] && mp_pid_alive "$p"; then
		mariadb_stop "$T78_COPY" >/dev/null 2>&1
		mp_pid_alive "$p" && kill -9 "$p"
	fi
	rm -rf "$T78_COPY"
}
trap t78_cleanup EXIT

# csql SQL: on the restored copy.
csql()
{
	tables_sql "$copy" meldpunt "$1"
}

# check [ARGS]: meldpuntctl backup-check ARGS restored.hdf; the line in
# $out, the status in $rc; every line is kept to look for content.
check()
{
	out=$(mp_ctl backup-check "$@" 2>&1)
	rc=$?
	printf '%s\n' "$out" >>"$out_all"
}

# dump FILE: the live database as the procedure takes it.
dump()
{
	mariadb-dump --no-defaults -S "$E2E_DBSOCK" -uroot \
	    --single-transaction --routines --triggers --events --hex-blob \
	    --default-character-set=utf8mb4 meldpunt >"$1" \
	    2>>"$E2E_TEST_DIR/dump.err"
}

# restore FILE: into a new, empty database on the copy's server.
restore()
{
	mariadb --no-defaults -S "$copy" -uroot -e "
	    DROP DATABASE IF EXISTS meldpunt;
	    CREATE DATABASE meldpunt CHARACTER SET utf8mb4
	    COLLATE utf8mb4_unicode_ci" &&
	mariadb --no-defaults -S "$copy" -uroot \
	    --default-character-set=utf8mb4 meldpunt <"$1"
}

# --- The load ----------------------------------------------------------------

mp_ctl seed-demo --reports 30 --seed 78 >"$E2E_TEST_DIR/seed.log" 2>&1
is "$?" 0 "seed-demo loads demo reports and dossiers"

marker="Back-upproef$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
email="kees.kopie$(od -An -N3 -tx1 /dev/urandom | tr -d ' \n')@voorbeeld.nl"
write_file "$E2E_TEST_DIR/foto.jpg" jpeg 40000
write_file "$E2E_TEST_DIR/brief.pdf" pdf 3000
report_fields
set_field report-description "$marker: olievaten langs de sloot."
set_contact "Kees Kopie" "$email" "06 78787878"
post_report /melden/ \
    -F "report-attachments=@$E2E_TEST_DIR/foto.jpg;type=image/jpeg" \
    -F "report-attachments=@$E2E_TEST_DIR/brief.pdf;type=application/pdf"
is "$HTTP_STATUS" 200 "a report with contact details and two attachments"
rid=$(sql "SELECT id FROM report WHERE reference = '$(receipt_ref)'")
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $rid"
dash_post hanna "/melding/$rid" actie=oppakken "versie=$(dash_version "$rid")"
dash_post hanna "/melding/$rid" actie=bericht "tekst=Waar precies langs de sloot?"
is "$(sql "SELECT COUNT(*) FROM message WHERE report_id = $rid
    AND direction = 'uit' AND kind = 'bericht'")" 1 \
    "the handler's message is stored"

for t in report reporter_contact attachment message event audit_log \
    dossier dossier_report; do
	n=$(sql "SELECT COUNT(*) FROM $t")
	ok "[ '$n' -gt 0 ]" "the instance has $t rows ($n)"
done

# --- A dump while a writer adds reports ---------------------------------------

base=$(sql "SELECT MAX(id) FROM report")
stop=$E2E_TEST_DIR/writer.stop
rm -f "$stop"
(
	n=0
	while [ ! -e "$stop" ]; do
		mp_ctl seed-demo --reports 2 --seed $((78000 + n)) \
		    --no-subjects --no-dossiers >/dev/null 2>&1
		n=$((n + 1))
	done
) &
T78_WRITER=$!
wait_for 60 '[ "$(sql "SELECT MAX(id) FROM report")" -gt "$base" ]'
ok '[ "$(sql "SELECT MAX(id) FROM report")" -gt "$base" ]' \
    "the writer adds reports"
dump "$E2E_TEST_DIR/busy.sql"
is "$?" 0 "mariadb-dump --single-transaction runs while it writes"
after=$(sql "SELECT MAX(id) FROM report")
wait_for 60 '[ "$(sql "SELECT MAX(id) FROM report")" -gt "$after" ]'
touch "$stop"
wait "$T78_WRITER"
T78_WRITER=
ok '[ "$(sql "SELECT MAX(id) FROM report")" -gt "$after" ]' \
    "and goes on after the dump"

# --- A fresh server, the dump, the key files ---------------------------------

MARIADB_BUFFER_POOL=64M mariadb_start "$T78_COPY" \
    >>"$E2E_TEST_DIR/mariadb.log" 2>&1
is "$?" 0 "a second, fresh MariaDB starts"
restore "$E2E_TEST_DIR/busy.sql"
is "$?" 0 "the dump restores into it"

# The key files as kept apart from the dumps, with their modes.
kept=$E2E_TEST_DIR/kept
mkdir -p "$kept"
cp -p "$E2E_KEY" "$E2E_CPRIV" "$E2E_CPUB" "$kept/"
restored=$E2E_TEST_DIR/restored.hdf
{ cat "$E2E_CONF"
  printf 'db.socket = %s\n' "$copy"
  printf 'crypto.key_file = %s\n' "$kept/${E2E_KEY##*/}"
  printf 'crypto.contact_private_file = %s\n' "$kept/${E2E_CPRIV##*/}"
  printf 'crypto.contact_public_file = %s\n' "$kept/${E2E_CPUB##*/}"
} >"$restored"

cmax=$(csql "SELECT MAX(id) FROM report")
ok "[ '$cmax' -gt '$base' ] && [ '$cmax' -lt \"\$(sql 'SELECT MAX(id) FROM report')\" ]" \
    "the copy holds some of the writer's reports, not all ($base < $cmax)"
# Consistent: nothing of a report without the report, and each report
# of the copy with as many events and contacts as it has live.
is "$(csql "SELECT (SELECT COUNT(*) FROM event e WHERE e.report_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM report r WHERE r.id = e.report_id))
    + (SELECT COUNT(*) FROM reporter_contact c
    WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.id = c.report_id))
    + (SELECT COUNT(*) FROM attachment a
    WHERE NOT EXISTS (SELECT 1 FROM report r WHERE r.id = a.report_id))")" 0 \
    "the copy has no event, contact or attachment of a report it lacks"
per_report="SELECT CONCAT(COUNT(*), ' ', (SELECT COUNT(*) FROM event
    WHERE report_id BETWEEN $base + 1 AND $cmax), ' ',
    (SELECT COUNT(*) FROM reporter_contact
    WHERE report_id BETWEEN $base + 1 AND $cmax))
    FROM report WHERE id BETWEEN $base + 1 AND $cmax"
is "$(csql "$per_report")" "$(sql "$per_report")" \
    "the writer's reports in the copy have all their events and contacts"

check --allow-newer "$restored"
is "$rc" 0 "backup-check --allow-newer: the copy equals the live database"
like "$out" '^MELDPUNT BACKUP OK - the restored copy equals' "in a Nagios line"
like "$out" " report=$(csql 'SELECT COUNT(*) FROM report');" \
    "every report of the copy compared"
like "$out" ' newer=[1-9][0-9]*;' "the writer's later rows counted as newer"
check "$restored"
is "$rc" 2 "strict, the later rows are differences: CRITICAL"
like "$out" "report: id $(sql "SELECT MIN(id) FROM report WHERE id > $cmax") missing from the restored copy" \
    "naming the first report the copy lacks"

# --- A dump of the quiet instance: equal in full ------------------------------

# What is wrong live is no difference of the copy: one of this test's
# attachments off its SHA-256 (as other tests leave rows they made by
# hand) is reported as such on both sides, and put right at the end.
bad=$(sql "SELECT MAX(id) FROM attachment WHERE report_id = $rid")
goodsum=$(sql "SELECT HEX(sha256) FROM attachment WHERE id = $bad")
sql "UPDATE attachment SET sha256 = UNHEX(SHA2('x', 256)) WHERE id = $bad"
dump "$E2E_TEST_DIR/quiet.sql"
restore "$E2E_TEST_DIR/quiet.sql"
is "$?" 0 "a dump of the quiet instance restores"
check "$restored"
is "$rc" 0 "backup-check: equal"
like "$out" '^MELDPUNT BACKUP OK - .* [1-9][0-9]* contact fields, [1-9][0-9]* attachments equal[ ,]' \
    "contact fields opened on both sides, attachments checked"
like "$out" ', [1-9][0-9]* attachments off their SHA-256 on both sides as live' \
    "an attachment off its SHA-256 live and in the copy is named, not a difference"
like "$out" " audit_log=$(sql 'SELECT COUNT(*) FROM audit_log');" \
    "every audit row compared"
like "$out" " attachment=$(sql 'SELECT COUNT(*) FROM attachment');" \
    "every attachment compared"

# The same with test-72's helpers, from the shell: checksums over every
# column, and the contacts opened with each side's key files.
for t in report reporter_contact message event audit_log attachment \
    dossier dossier_report; do
	cols=$(tables_columns "$E2E_DBSOCK" meldpunt "$t")
	is "$(tables_checksum "$copy" meldpunt "$t" "$cols")" \
	    "$(tables_checksum "$E2E_DBSOCK" meldpunt "$t" "$cols")" \
	    "$t: the same count and checksum in the copy"
done
opener=$(tables_opener)
tables_contacts "$E2E_DBSOCK" meldpunt |
    "$opener" "$E2E_KEY" "$E2E_CPRIV" >"$E2E_TEST_DIR/open.live"
tables_contacts "$copy" meldpunt |
    "$opener" "$kept/${E2E_KEY##*/}" "$kept/${E2E_CPRIV##*/}" \
    >"$E2E_TEST_DIR/open.copy"
# (A full run's database holds a few boxes other tests sealed to keys
# the ring lacks: they open on neither side, and count the same.)
ok "[ $(grep -vc ' !$' "$E2E_TEST_DIR/open.live") -gt 0 ]" \
    "the live contacts open with the live keys"
is "$(grep -vc ' !$' "$E2E_TEST_DIR/open.copy")" \
    "$(grep -vc ' !$' "$E2E_TEST_DIR/open.live")" \
    "as many fields of the copy open with the kept keys"
is "$(md5sum <"$E2E_TEST_DIR/open.copy")" "$(md5sum <"$E2E_TEST_DIR/open.live")" \
    "to the same contact details ($(wc -l <"$E2E_TEST_DIR/open.live") fields)"
is "$(csql 'SELECT COUNT(*) FROM attachment WHERE sha256 <> UNHEX(SHA2(data, 256))')" \
    "$(sql 'SELECT COUNT(*) FROM attachment WHERE sha256 <> UNHEX(SHA2(data, 256))')" \
    "as many attachments of the copy match their SHA-256 as live"

# --- Tampering, one thing at a time -------------------------------------------

# (The live attachment put right again, the copy with it.)
sql "UPDATE attachment SET sha256 = UNHEX('$goodsum') WHERE id = $bad"
csql "UPDATE attachment SET sha256 = UNHEX('$goodsum') WHERE id = $bad"

# A report's text.
saved=$(csql "SELECT CONCAT(HEX(description), ' ', updated_at) FROM report
    WHERE id = $rid")
csql "UPDATE report SET description = CONCAT(description, '.') WHERE id = $rid"
check "$restored"
is "$rc" 2 "a report's text changed in the copy: CRITICAL"
like "$out" "report: row id $rid differs" "naming the table and the report"
csql "UPDATE report SET description = UNHEX('${saved%% *}'),
    updated_at = '${saved#* }' WHERE id = $rid"
check "$restored"
is "$rc" 0 "put back, equal again"

# One byte of an attachment.
aid=$(csql "SELECT MIN(id) FROM attachment WHERE report_id = $rid")
flip="UPDATE attachment SET data = CONCAT(LEFT(data, LENGTH(data) - 1),
    CHAR(ASCII(RIGHT(data, 1)) ^ 1)) WHERE id = $aid"
csql "$flip"
check "$restored"
is "$rc" 2 "one byte of an attachment changed: CRITICAL"
like "$out" "attachment: row id $aid differs" "naming the attachment"
like "$out" "attachment: id $aid does not match its SHA-256 in the restored copy" \
    "and that its content no longer matches its SHA-256"
csql "$flip"
check "$restored"
is "$rc" 0 "flipped back, equal again"

# An audit row deleted (one in the middle).
auid=$(csql "SELECT id FROM audit_log ORDER BY id
    LIMIT 1 OFFSET $(( $(csql 'SELECT COUNT(*) FROM audit_log') / 2 ))")
mariadb-dump --no-defaults -S "$copy" -uroot --no-create-info --skip-triggers \
    --hex-blob --default-character-set=utf8mb4 --where "id = $auid" \
    meldpunt audit_log >"$E2E_TEST_DIR/audit-row.sql" 2>>"$E2E_TEST_DIR/dump.err"
csql "DELETE FROM audit_log WHERE id = $auid"
check "$restored"
is "$rc" 2 "an audit row deleted from the copy: CRITICAL"
like "$out" "audit_log: id $auid missing from the restored copy" \
    "naming the audit row"
mariadb --no-defaults -S "$copy" -uroot meldpunt <"$E2E_TEST_DIR/audit-row.sql"
check "$restored"
is "$rc" 0 "restored, equal again"

# Another contact private key: the contact details cannot be read.
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' |
    sed 's/$/\n/' >"$E2E_TEST_DIR/other.key")
{ cat "$restored"
  printf 'crypto.contact_private_file = %s\n' "$E2E_TEST_DIR/other.key"
} >"$E2E_TEST_DIR/wrongkey.hdf"
check "$E2E_TEST_DIR/wrongkey.hdf"
is "$rc" 2 "the copy with another contact key: CRITICAL"
like "$out" "reporter_contact: the contact of report [0-9]+ does not open with the restored keys" \
    "naming the contacts that do not open"

# Refusals: a copy that is the live database, a missing file.
check "$E2E_CONF"
is "$rc" 3 "the live database as its own copy: UNKNOWN"
like "$out" "is the live database" "and says why"
check "$E2E_TEST_DIR/none.hdf"
is "$rc" 3 "a restored configuration that does not exist: UNKNOWN"
like "$out" '^MELDPUNT BACKUP UNKNOWN - restored copy: ' "naming the side"

# Never content: not the report's text, not a contact detail.
ok '! grep -qF -e "$marker" -e "$email" -e "Kees Kopie" "$out_all"' \
    "no output of backup-check holds report text or contact details"
