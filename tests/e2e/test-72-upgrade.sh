# test-72-upgrade.sh -- an upgrade keeps every row: a database at the
# schema of an earlier commit (tests/fixtures/upgrade-030: migrations up
# to sql/030, filled by that commit's meldpuntctl; see
# tests/fixtures/make-upgrade-030.sh) is loaded into a database of its
# own, this build's "meldpuntctl migrate" brings it to the current
# schema, and every report, contact detail (opened with the fixture's
# keys), message, event and audit row is as it was: same count, same
# checksum over every column the old schema had.

. "$top_srcdir/tests/e2e/tables.sh"

fix=$top_srcdir/tests/fixtures/upgrade-030
dbn=meldpunt_upgrade
mkdir -p "$E2E_TEST_DIR"

# The helper is built by make check; a targeted run.sh makes it here.
opener=$(tables_opener)
ok '[ -x "$opener" ]' "the contact-open helper is built"

usql()
{
	tables_sql "$E2E_DBSOCK" "$dbn" "$1"
}

mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -e "
    DROP DATABASE IF EXISTS $dbn;
    CREATE DATABASE $dbn CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
mariadb --no-defaults -S "$E2E_DBSOCK" -uroot "$dbn" <"$fix/dump.sql"
is "$?" 0 "the fixture's dump loads"
is "$(usql 'SELECT MAX(version) FROM schema_migrations')" 30 \
    "at schema version 30"

# Its own keys (test-only files), with the modes the programs demand.
keys=$E2E_TEST_DIR/keys
mkdir -p "$keys"
cp "$fix/meldpunt.key" "$fix/contact.key" "$fix/contact.pub" "$keys/"
chmod 0600 "$keys/meldpunt.key" "$keys/contact.key"
conf=$E2E_TEST_DIR/upgrade.hdf
{ cat "$E2E_CONF"
  printf 'db.name = %s\n' "$dbn"
  printf 'crypto.key_file = %s\n' "$keys/meldpunt.key"
  printf 'crypto.contact_public_file = %s\n' "$keys/contact.pub"
  printf 'crypto.contact_private_file = %s\n' "$keys/contact.key"
} >"$conf"

tables="report reporter_contact message event audit_log attachment"

# The shared helpers (tests/e2e/tables.sh) on this test's database.
checksum()
{
	tables_checksum "$E2E_DBSOCK" "$dbn" "$1" "$2"
}
columns()
{
	tables_columns "$E2E_DBSOCK" "$dbn" "$1"
}
contacts()
{
	tables_contacts "$E2E_DBSOCK" "$dbn"
}

declare -A before cols
for t in $tables; do
	cols[$t]=$(columns "$t")
	before[$t]=$(checksum "$t" "${cols[$t]}")
done
for t in report reporter_contact message event audit_log attachment; do
	ok "[ '${before[$t]%% *}' -gt 0 ]" \
	    "the fixture has $t rows (${before[$t]%% *})"
done

contacts >"$E2E_TEST_DIR/boxes.before"
nboxes=$(wc -l <"$E2E_TEST_DIR/boxes.before")
"$opener" "$keys/meldpunt.key" "$keys/contact.key" \
    <"$E2E_TEST_DIR/boxes.before" >"$E2E_TEST_DIR/open.before"
is "$?" 0 "every contact box of the fixture opens with its keys"
ok "[ $nboxes -gt 10 ]" \
    "the fixture has sealed contact details ($nboxes fields)"

# First a refusal: a database whose record of an applied migration
# does not match the file shipped (edited after it was applied) is not
# touched -- migrate says which and applies nothing.
sha=$(usql 'SELECT sha256 FROM schema_migrations WHERE version = 30')
usql "UPDATE schema_migrations SET sha256 = REPEAT('0', 64)
    WHERE version = 30"
out=$("$top_builddir/meldpuntctl" -c "$conf" migrate 2>&1)
isnt "$?" 0 "migrate refuses when an applied migration differs"
like "$out" 'migration 030_report_link\.sql changed after it' \
    "and names it"
is "$(usql 'SELECT MAX(version) FROM schema_migrations')" 30 \
    "nothing is applied"
is "$(checksum report "${cols[report]}")" "${before[report]}" \
    "and the reports are untouched"
usql "UPDATE schema_migrations SET sha256 = '$sha' WHERE version = 30"

# The upgrade itself.
out=$("$top_builddir/meldpuntctl" -c "$conf" migrate 2>&1)
is "$?" 0 "meldpuntctl migrate upgrades the old database"
latest=$(LC_ALL=C ls "$top_srcdir"/sql/[0-9]*.sql |
    sed -n '$s|.*/0*\([0-9]*\)_.*|\1|p')
like "$out" "schema at version $latest\$" "to the newest migration ($latest)"
is "$(usql 'SELECT MAX(version) FROM schema_migrations')" "$latest" \
    "schema_migrations says so"
is "$(usql 'SELECT COUNT(*) FROM schema_migrations')" \
    "$(LC_ALL=C ls "$top_srcdir"/sql/[0-9]*.sql | wc -l)" \
    "every migration is recorded once"

for t in $tables; do
	is "$(checksum "$t" "${cols[$t]}")" "${before[$t]}" \
	    "$t: the same rows, every old column unchanged"
done

contacts >"$E2E_TEST_DIR/boxes.after"
is "$(md5sum <"$E2E_TEST_DIR/boxes.after")" \
    "$(md5sum <"$E2E_TEST_DIR/boxes.before")" \
    "the sealed boxes are as they were"
"$opener" "$keys/meldpunt.key" "$keys/contact.key" \
    <"$E2E_TEST_DIR/boxes.after" >"$E2E_TEST_DIR/open.after"
is "$?" 0 "every contact box opens after the upgrade"
is "$(wc -l <"$E2E_TEST_DIR/open.after")" "$nboxes" "all $nboxes fields"
is "$(md5sum <"$E2E_TEST_DIR/open.after")" \
    "$(md5sum <"$E2E_TEST_DIR/open.before")" "to the same contact details"
email=$(printf '%b' "$(awk '$2 == "email" { print $3; exit }' \
    "$E2E_TEST_DIR/open.after" | sed 's/../\\x&/g')")
like "$email" '^[^@ ]+@[^@ ]+\.[a-z]+$' "an opened e-mail field is an address"

is "$(usql 'SELECT COUNT(*) FROM attachment
    WHERE sha256 <> UNHEX(SHA2(data, 256))')" 0 \
    "every attachment still matches its SHA-256"

# The new code works on the old rows: the retention plan (sql/039's
# columns, lib/retention.c) counts every old report under its terms.
# Its own account has rights on the suite's database only, so the
# administrator runs it here (db.retention.user empty).
out=$(printf 'db.retention.user =\n' | cat "$conf" - >"$conf.ret" &&
    "$top_builddir/meldpuntctl" -c "$conf.ret" retention plan 2>&1)
is "$?" 0 "meldpuntctl retention plan runs on the upgraded reports"
like "$out" 'total: identity [0-9]+ content [0-9]+ ' "and sums them up"

# sql/060 on answers stored before it: each report's answers in one row
# of words, in the questions' order, and sql/055's index on every answer
# gone with InnoDB's hidden document id column.  The database is taken
# back to 059 (the index again, no words table, 060 not recorded).
st=$(usql 'SELECT MIN(id) FROM signal_type')
r1=$(usql 'SELECT MIN(id) FROM report')
r2=$(usql 'SELECT MAX(id) FROM report')
usql "INSERT INTO question (signal_type_id, kind, required, position)
    VALUES ($st, 'tekst', 0, 1), ($st, 'lange-tekst', 0, 2)"
q1=$(usql "SELECT MIN(id) FROM question WHERE signal_type_id = $st")
q2=$(usql "SELECT MAX(id) FROM question WHERE signal_type_id = $st")
usql "INSERT INTO report_answer (report_id, question_id, position, kind,
    label, value) VALUES ($r1, $q2, 2, 'lange-tekst', 'b', 'Tweede\nregel'),
    ($r1, $q1, 1, 'tekst', 'a', 'Eerste'), ($r2, $q1, 1, 'tekst', 'a', 'Ander');
    DROP TABLE report_answer_text;
    ALTER TABLE report_answer ADD FULLTEXT INDEX report_answer_value (value);
    DELETE FROM schema_migrations WHERE version = 60"
out=$("$top_builddir/meldpuntctl" -c "$conf" migrate 2>&1)
is "$?" 0 "migrate applies 060 to a database with answers ($out)"
is "$(usql "SELECT GROUP_CONCAT(CONCAT(report_id, '=', REPLACE(words, '\n',
    '|')) ORDER BY report_id SEPARATOR ' ') FROM report_answer_text")" \
    "$r1=Eerste|Tweede|regel $r2=Ander" \
    "the answers given before it become one row of words a report"
is "$(usql "SELECT COUNT(*) FROM information_schema.STATISTICS WHERE
    TABLE_SCHEMA = '$dbn' AND TABLE_NAME = 'report_answer' AND
    INDEX_TYPE = 'FULLTEXT'")" 0 "report_answer has no FULLTEXT index"
fts_doc_id()
{
	usql "SELECT COUNT(*) FROM information_schema.INNODB_SYS_COLUMNS c
	    JOIN information_schema.INNODB_SYS_TABLES t ON
	    t.TABLE_ID = c.TABLE_ID WHERE t.NAME = '$dbn/$1' AND
	    c.NAME = 'FTS_DOC_ID'"
}
is "$(fts_doc_id report_answer)" 0 \
    "nor the hidden document id that one a row cost"
is "$(fts_doc_id report_answer_text)" 1 \
    "which the words' table has (the query above sees it)"
is "$(usql "SELECT COUNT(*) FROM report_answer")" 3 "the answers stay"

# Again: nothing left to do, nothing changes.
out=$("$top_builddir/meldpuntctl" -c "$conf" migrate 2>&1)
is "$?" 0 "a second migrate succeeds"
like "$out" "up to date" "and has nothing to apply"
is "$(checksum report "${cols[report]}")" "${before[report]}" \
    "and leaves the reports alone"

# A wrong contact key opens nothing: the check above means something.
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' |
    sed 's/$/\n/' >"$E2E_TEST_DIR/other.key")
"$opener" "$keys/meldpunt.key" "$E2E_TEST_DIR/other.key" \
    <"$E2E_TEST_DIR/boxes.after" >"$E2E_TEST_DIR/open.other" 2>&1
is "$?" 1 "another contact key does not open them"
is "$(grep -c ' !$' "$E2E_TEST_DIR/open.other")" "$nboxes" \
    "not one of the $nboxes fields"

mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -e "DROP DATABASE $dbn"
