# tests/e2e/tables.sh -- a meldpunt database's rows as checksums and
# its sealed contact boxes, for the tests that show rows survive
# something: test-72 (an upgrade), test-78 (a backup and its restore on
# another server).  Every function takes the server's socket and the
# database first, so that two databases can be put side by side.
# Sourced (bash) by those tests, with tests/e2e/lib.sh loaded.

# tables_sql SOCKET DB SQL: as root, tab-separated, no column names.
tables_sql()
{
	mariadb --no-defaults -S "$1" -uroot -N -B \
	    --default-character-set=utf8mb4 "$2" -e "$3"
}

# tables_columns SOCKET DB TABLE: the table's columns, in order.
tables_columns()
{
	tables_sql "$1" "$2" "SELECT column_name FROM information_schema.columns
	    WHERE table_schema = '$2' AND table_name = '$3'
	    ORDER BY ordinal_position" | tr '\n' ' '
}

# tables_key TABLE: the column its rows are ordered by.
tables_key()
{
	case $1 in
	reporter_contact) echo report_id ;;
	dossier_report) echo dossier_id, report_id ;;
	dossier_member) echo dossier_id, user_id ;;
	*) echo id ;;
	esac
}

# tables_checksum SOCKET DB TABLE COLUMNS: row count and one digest
# over every row's listed columns (QUOTE keeps NULL apart from 'NULL'
# and the empty string), in key order.
tables_checksum()
{
	local expr
	expr=$(printf "QUOTE(%s)," $4)
	expr=${expr%,}
	tables_sql "$1" "$2" "SET SESSION group_concat_max_len = 1073741824;
	    SELECT CONCAT(COUNT(*), ' ', MD5(COALESCE(GROUP_CONCAT(
	    MD5(CONCAT_WS(',', $expr)) ORDER BY $(tables_key "$3")
	    SEPARATOR ''), '')))
	    FROM $3"
}

# tables_contacts SOCKET DB: every sealed field as "report_id field hex",
# the input of tests/contact-open.
tables_contacts()
{
	tables_sql "$1" "$2" "SELECT report_id, 'name', HEX(name_enc)
	    FROM reporter_contact WHERE LENGTH(name_enc) > 0
	    UNION ALL SELECT report_id, 'email', HEX(email_enc)
	    FROM reporter_contact WHERE LENGTH(email_enc) > 0
	    UNION ALL SELECT report_id, 'phone', HEX(phone_enc)
	    FROM reporter_contact WHERE LENGTH(phone_enc) > 0
	    ORDER BY 1, 2" | tr '\t' ' '
}

# tables_opener: the path of tests/contact-open, built when a targeted
# run.sh has not built it yet.
tables_opener()
{
	local opener=$top_builddir/tests/contact-open
	if [ ! -x "$opener" ]; then
		make -s -C "$top_builddir" tests/contact-open >/dev/null 2>&1
	fi
	printf '%s\n' "$opener"
}
