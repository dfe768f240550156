# test-15-intake-privacy.sh -- what the intake keeps about a reporter:
# contact details only sealed, the secret code only as a keyed hash, and
# the client's address nowhere: no table, no log.  Runs after the other
# intake tests, so the last checks cover all their requests too.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
intake_catalog

hex()
{
	printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F
}

# count_everywhere TEXT: rows of any table that hold TEXT in any
# character or binary column (LIKE, case-insensitive for text).
count_everywhere()
{
	local q total=0 n
	while IFS=$'\t' read -r t c; do
		n=$(sql "SELECT COUNT(*) FROM \`$t\` WHERE \`$c\` LIKE
		    CONCAT('%', '$1', '%')")
		total=$((total + n))
	done < <(sql "SELECT table_name, column_name FROM
	    information_schema.columns WHERE table_schema = 'meldpunt' AND
	    data_type IN ('char', 'varchar', 'tinytext', 'text',
	    'mediumtext', 'longtext', 'binary', 'varbinary', 'tinyblob',
	    'blob', 'mediumblob', 'longblob')")
	echo "$total"
}

ok '[ "$(sql "SELECT COUNT(*) FROM information_schema.columns
    WHERE table_schema = '"'meldpunt'"' AND data_type IN ('"'text'"', '"'varchar'"')")" -gt 10 ]' \
    "the column list to search is not empty"

# --- Contact details ---------------------------------------------------------

NAME="Privacy Jansen-$RANDOM"
EMAIL="privacy.jansen.$RANDOM@voorbeeld.nl"
PHONE="06 9876 $RANDOM"
before=$(counts)
report_fields
set_contact "$NAME" "$EMAIL" "$PHONE"
post_report
is "$HTTP_STATUS" 200 "a report with contact details is accepted"
ref=$(receipt_ref)
code=$(receipt_code)
id=$(sql "SELECT id FROM report WHERE reference = '$ref'")
is "$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id = $id")" 1 \
    "the contact details have their row"
row=$(sql "SELECT HEX(name_enc), HEX(email_enc), HEX(phone_enc) FROM
    reporter_contact WHERE report_id = $id")
ok '[ -n "$row" ]' "name, e-mail and phone are stored"
unlike "$row" "$(hex "$NAME")" "the name is not stored readable (hex)"
unlike "$row" "$(hex "$EMAIL")" "the e-mail address is not stored readable (hex)"
unlike "$row" "$(hex "$PHONE")" "the phone number is not stored readable (hex)"
unlike "$row" "$(hex "privacy.jansen")" "not even part of the e-mail address"
is "$(sql "SELECT LENGTH(email_enc) > LENGTH('$EMAIL') FROM reporter_contact
    WHERE report_id = $id")" 1 "the sealed e-mail is longer than the text (nonce, tag)"
dump=$E2E_TEST_DIR/dump.sql
mp_dump >"$dump"
ok 'grep -q "INSERT INTO .reporter_contact." "$dump"' "the dump has the contact rows"
ok '! grep -qaF -- "$EMAIL" "$dump"' "the e-mail address occurs nowhere in the dump"
ok '! grep -qaiF -- "privacy.jansen" "$dump"' "nor does any part of it"
ok '! grep -qaF -- "$NAME" "$dump"' "the name occurs nowhere in the dump"
ok '! grep -qaF -- "$PHONE" "$dump"' "the phone number occurs nowhere in the dump"
is "$(count_everywhere "$EMAIL")" 0 "no column of any table holds the e-mail address"
is "$(count_everywhere "Privacy Jansen")" 0 "no column of any table holds the name"
ok '! grep -qaF -- "$code" "$dump" && ! grep -qaF -- "${code//-/}" "$dump"' \
    "the secret code occurs nowhere in the dump"
is "$(count_everywhere "${code//-/}")" 0 "no column holds the secret code"
is "$(sql "SELECT LENGTH(code_hash) FROM report WHERE id = $id")" 32 \
    "only a 32-byte hash of the code is kept"
isnt "$(sql "SELECT HEX(code_hash) FROM report WHERE id = $id")" \
    "$(printf '%s' "${code//-/}" | sha256sum | cut -d' ' -f1 | tr a-f A-F)" \
    "the hash is keyed: not the code's plain SHA-256"

# Two reports never share a code or its hash.
report_fields
post_report
code2=$(receipt_code)
isnt "$code2" "$code" "the next report gets another code"
is "$(sql "SELECT COUNT(DISTINCT code_hash) = COUNT(*) FROM report
    WHERE code_hash IS NOT NULL")" 1 "no two reports share a code hash"

# --- Anonymous: no address, no contact ------------------------------------------

before=$(counts)
report_fields
post_report
is "$HTTP_STATUS" 200 "an anonymous report is accepted"
ref=$(receipt_ref)
is "$(sql "SELECT COUNT(*) FROM reporter_contact c JOIN report r ON
    r.id = c.report_id WHERE r.reference = '$ref'")" 0 \
    "an anonymous report has no reporter_contact row"
is "$(counts)" "$(echo "$before" | awk '{ print $1+1, $2, $3, $4+1 }')" \
    "an anonymous report adds a report and an event only"
is "$(sql "SELECT COUNT(*) FROM information_schema.columns
    WHERE table_schema = 'meldpunt' AND (column_name LIKE '%ip%'
    OR column_name LIKE '%addr%' OR column_name LIKE '%remote%')
    AND column_name NOT LIKE '%description%'
    AND NOT (table_name IN ('audit_log', 'export_pull') AND
    column_name = 'client_addr')")" 0 \
    "no column but the staff and partner logs' is meant for an address"
# (The staff audit log records the address of handlers' requests; the
# checks below show no reporter's address reaches it or any table.)
# Everything the intake tests sent came from these addresses.
mp_dump >"$dump"
for addr in "$INTAKE_ADDR" 127.0.0.13 127.0.0.14; do
	is "$(count_everywhere "$addr")" 0 "no column of any table holds $addr"
	ok '! grep -qaF -- "$addr" "$dump"' "the database dump does not hold $addr"
done

# --- Logs --------------------------------------------------------------------

ok '[ -e "$E2E_LOG" ]' "the programs' log file exists"
logs=$(find "$E2E_DIR" "$E2E_RUN" -path "$E2E_DIR/tests" -prune -o \
    -path "$E2E_DB/data" -prune -o -path "$E2E_DIR/mariadb-data" -prune -o \
    -type f \( -name '*.log' -o -name '*.err' -o -name 'error.log*' \
    -o -name 'access.log*' \) -print | sort -u)
ok '[ -n "$logs" ]' "there are logs to look through"
diag "logs: $(echo $logs)"
for addr in "$INTAKE_ADDR" 127.0.0.13 127.0.0.14; do
	hits=$(grep -laF -- "$addr" $logs 2>/dev/null | tr '\n' ' ')
	is "$hits" "" "no log file holds the client address $addr"
done
hits=$(grep -rlaF -- "$INTAKE_ADDR" "$E2E_DB/data/" 2>/dev/null | tr '\n' ' ')
is "$hits" "" "no MariaDB data file holds the client address"
hits=$(grep -laF -e "$EMAIL" -e "Privacy Jansen" -e "${code//-/}" -e "$code" \
    $logs 2>/dev/null | tr '\n' ' ')
is "$hits" "" "no log holds the reporter's name, e-mail or code"
hits=$(grep -laF -e "Al weken komen er" $logs 2>/dev/null | tr '\n' ' ')
is "$hits" "" "no log holds a report's description"
