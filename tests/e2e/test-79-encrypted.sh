# test-79-encrypted.sh -- encryption at rest (issue 18): with the
# server's data-at-rest encryption on (MELDPUNT_E2E_ENCRYPT=1, the
# settings of conf/mariadb/encryption.cnf, tests/lib/mariadb.sh), a
# report's text stored through the real form is in no file of the data
# directory, redo log and tablespaces included, once its pages are
# forced to disk; with it off the same search finds the text, so the
# search can fail.  As test-15 looks for client addresses in the data
# files, this looks for the description.
#
# The suite's server is one or the other; a second server of this
# test's own, in the opposite mode, gets the same report row, so every
# run shows both outcomes.  It is stopped by its pid and removed.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
intake_catalog

enc=${MELDPUNT_E2E_ENCRYPT:-0}
[ "$enc" = 1 ] || enc=0
T79_OTHER=$(mktemp -d /tmp/mp79.XXXXXX)

t79_cleanup()
{
	local p
	p=$(cat "$T79_OTHER/mariadbd.pid" 2>/dev/null)
	if [ -n "$p" ] && mp_pid_alive "$p"; then
		mariadb_stop "$T79_OTHER" >/dev/null 2>&1
		mp_pid_alive "$p" && kill -9 "$p"
	fi
	rm -rf "$T79_OTHER"
}
trap t79_cleanup EXIT

# to_disk SOCKET: write the pages of the report tables to their files
# (FOR EXPORT waits until they are flushed), as a checkpoint would.
to_disk()
{
	mariadb --no-defaults -S "$1" -uroot meldpunt -e "
	    FLUSH TABLES report, event FOR EXPORT; UNLOCK TABLES"
}

# holders DIR: the files under DIR (the data directory, the server's
# temporary files) that hold the marker, one line.
holders()
{
	grep -rlaF -- "$marker" "$1/data/" "$1/tmp/" 2>/dev/null |
	    sed "s|^$1/||" | LC_ALL=C sort | tr '\n' ' '
}

# server_says SOCKET: 1 when the server encrypts tables and redo log,
# every meldpunt tablespace included; 0 otherwise.
server_says()
{
	mariadb --no-defaults -S "$1" -uroot -N -B -e "
	    SELECT @@innodb_encrypt_log = 1 AND
	    @@innodb_encrypt_tables IN ('ON', 'FORCE') AND
	    (SELECT COUNT(*) FROM information_schema.innodb_tablespaces_encryption
	    WHERE name LIKE 'meldpunt/%' AND encryption_scheme = 1) =
	    (SELECT COUNT(*) FROM information_schema.innodb_sys_tablespaces
	    WHERE name LIKE 'meldpunt/%') AND
	    (SELECT COUNT(*) FROM information_schema.innodb_sys_tablespaces
	    WHERE name LIKE 'meldpunt/%') > 0" 2>/dev/null || echo 0
}

# A marker no other test writes, through the form.
marker="Kluisproef$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
report_fields
set_field report-description "$marker: vaten met afval achter de loods."
set_contact "Vera Kluis" "vera.kluis@voorbeeld.nl" "06 12121212"
post_report
is "$HTTP_STATUS" 200 "a report with the marker is accepted through the form"
id=$(sql "SELECT id FROM report WHERE reference = '$(receipt_ref)'")
ok '[ -n "$id" ]' "and stored (report $id)"
is "$(sql "SELECT COUNT(*) FROM report WHERE id = '$id'
    AND INSTR(description, '$marker') > 0")" 1 \
    "the server hands its text back in the clear (it is the same report)"

is "$(server_says "$E2E_DBSOCK")" "$enc" \
    "the suite's server encrypts tables and redo log: $enc (MELDPUNT_E2E_ENCRYPT)"
to_disk "$E2E_DBSOCK"
found=$(holders "$E2E_DB")
if [ "$enc" = 1 ]; then
	is "$found" "" "encrypted: no data file holds the report's text"
	ok '[ "$(stat -c %a "$E2E_DB/keys/encryption.key")" = 600 ]' \
	    "the test-only encryption key is mode 0600, outside the data"
else
	isnt "$found" "" "not encrypted: the data files hold the text ($found)"
fi

# The other mode on a server of this test's own, with the same row.
other=$((1 - enc))
MARIADB_ENCRYPT=$other MARIADB_BUFFER_POOL=64M mariadb_start "$T79_OTHER" \
    >>"$E2E_TEST_DIR/mariadb.log" 2>&1
is "$?" 0 "a second server starts with encryption $other"
is "$(server_says "$T79_OTHER/mysql.sock")" 0 \
    "which has no meldpunt tables yet"
mariadb-dump --no-defaults -S "$E2E_DBSOCK" -uroot --single-transaction \
    --skip-triggers --default-character-set=utf8mb4 --where "id = $id" \
    meldpunt report 2>>"$E2E_TEST_DIR/dump.err" |
    mariadb --no-defaults -S "$T79_OTHER/mysql.sock" -uroot \
    --default-character-set=utf8mb4 meldpunt
is "$?" 0 "the report's row is copied to it"
mariadb --no-defaults -S "$T79_OTHER/mysql.sock" -uroot meldpunt -e "
    FLUSH TABLES report FOR EXPORT; UNLOCK TABLES"
is "$(server_says "$T79_OTHER/mysql.sock")" "$other" \
    "the second server encrypts: $other"
found=$(holders "$T79_OTHER")
if [ "$other" = 1 ]; then
	is "$found" "" "encrypted: no data file of the second server holds the text"
else
	isnt "$found" "" "not encrypted: the second server's files hold the text ($found)"
fi
# And the text is really there, in either mode: the server reads it.
is "$(mariadb --no-defaults -S "$T79_OTHER/mysql.sock" -uroot -N -B meldpunt \
    -e "SELECT COUNT(*) FROM report WHERE INSTR(description, '$marker') > 0")" \
    1 "the second server reads the row back"

# A restart keeps it readable: the key file opens the encrypted
# tablespaces and log again (or, off, nothing needs a key).
mariadb_stop "$T79_OTHER" >>"$E2E_TEST_DIR/mariadb.log" 2>&1
MARIADB_ENCRYPT=$other MARIADB_BUFFER_POOL=64M mariadb_start "$T79_OTHER" \
    >>"$E2E_TEST_DIR/mariadb.log" 2>&1
is "$(mariadb --no-defaults -S "$T79_OTHER/mysql.sock" -uroot -N -B meldpunt \
    -e "SELECT COUNT(*) FROM report WHERE INSTR(description, '$marker') > 0")" \
    1 "after a restart the row reads the same"
