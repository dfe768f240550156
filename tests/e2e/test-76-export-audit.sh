# test-76-export-audit.sh -- every pull is audited: the partner, the
# time, how many reports and which references, in the audit log and
# page by page in export_pull_page.

. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures

ka=$(exp_partner auditpartner "Audittest" --signal-types drugs,witwassen \
    --pulls-per-minute 100000)
aid=$(sql "SELECT id FROM partner WHERE name = 'auditpartner'")
audits() { sql "SELECT COUNT(*) FROM audit_log WHERE username =
    'partner:auditpartner' AND action LIKE 'export%'"; }
n0=$(audits)
total=$(sql "SELECT COUNT(*) FROM report_share WHERE partner_id = $aid")

cursor=
got=$E2E_TEST_DIR/refs
: >"$got"
i=0
while :; do
	exp_get "reports.xml?since=$cursor&limit=2" "$ka"
	[ "$HTTP_STATUS" = 200 ] || break
	i=$((i + 1))
	exp_refs >>"$got"
	set -- $(exp_next)
	cursor=$1
	[ "$2" = true ] || break
done
is "$(audits)" $((n0 + i)) "each of the $i pulls has an audit entry"
like "$(sql "SELECT detail FROM audit_log WHERE username =
    'partner:auditpartner' ORDER BY id DESC LIMIT 1")" \
    'ophaling [0-9]+: [0-9]+ meldingen, cursor' \
    "naming the pull, the count and the cursors"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE username =
    'partner:auditpartner' AND object_type = 'partner' AND object_id =
    $aid AND at >= UTC_TIMESTAMP() - INTERVAL 5 MINUTE")" "$i" \
    "with the partner and the time"
is "$(wc -l <"$got")" "$total" "the pulls brought all $total shared reports"
sql "SELECT refs FROM export_pull_page pg JOIN export_pull p ON p.id =
    pg.pull_id WHERE p.partner_id = $aid" | tr ',' '\n' | sort >"$got.db"
sort "$got" | cmp -s - "$got.db" &&
    pass "export_pull_page holds exactly the references sent" ||
    fail "export_pull_page holds exactly the references sent"
is "$(sql "SELECT SUM(count) FROM export_pull_page pg JOIN export_pull p
    ON p.id = pg.pull_id WHERE p.partner_id = $aid")" "$total" \
    "and their counts"

ref=$(head -n 1 "$got")
exp_get "reports/$ref.xml" "$ka"
is "$HTTP_STATUS" 200 "a single report"
like "$(sql "SELECT detail FROM audit_log WHERE username =
    'partner:auditpartner' ORDER BY id DESC LIMIT 1")" "1 meldingen.*$ref" \
    "is audited with its reference"
is "$(sql "SELECT action FROM audit_log WHERE username =
    'partner:auditpartner' ORDER BY id DESC LIMIT 1")" "export melding" \
    "as a single-report export"

# The application may not rewrite the record.
mysql_as_app()
{
	mariadb --no-defaults -S "$E2E_DBSOCK" -umeldpunt \
	    -p"$(cat "$E2E_PWFILE")" meldpunt -e "$1" 2>&1
}
like "$(mysql_as_app "DELETE FROM export_pull_page")" 'denied' \
    "the application's user cannot delete pull records"
like "$(mysql_as_app "UPDATE export_pull SET partner_id = 0")" 'denied' \
    "or change them"
