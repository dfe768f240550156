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

# feedback: the reporter's side only.
can feedback "SELECT status FROM report WHERE id = $rid" \
    "read a report's status"
cannot feedback "SELECT description FROM report" "read report texts"
cannot feedback "SELECT street FROM report" "read report addresses"
cannot feedback "SELECT * FROM reporter_contact" "read contact rows"
cannot feedback "SELECT * FROM attachment" "read attachments"
cannot feedback "SELECT * FROM event" "read a report's history"
cannot feedback "SELECT * FROM app_user" "read accounts"
cannot feedback "SELECT * FROM audit_log" "read the audit log"
cannot feedback "DELETE FROM report WHERE id = $rid" "delete a report"
cannot feedback "UPDATE report SET description = '' WHERE id = $rid" \
    "change a report's text"

# export: the shareable columns, never the reporter.
can export "SELECT description FROM report WHERE id = $rid" \
    "read the columns partners may see"
cannot export "SELECT code_hash FROM report" "read reporters' code hashes"
cannot export "SELECT anonymous FROM report" "read who stayed anonymous"
cannot export "SELECT * FROM reporter_contact" "read contact rows"
cannot export "SELECT * FROM message" "read messages"
cannot export "SELECT * FROM event" "read a report's history"
cannot export "SELECT * FROM app_user" "read accounts"
cannot export "SELECT * FROM audit_log" "read the audit log"
cannot export "UPDATE report SET status = 'afgerond' WHERE id = $rid" \
    "change a report"

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
sql "DELETE FROM report WHERE id = $rid" >/dev/null 2>&1 || true

# The workers serve requests inside the seccomp filter (lib/sandbox.c):
# the kernel says "Seccomp: 2" for each (filter mode).  Sanitizer and
# valgrind runs keep it off by design and log why.
for p in intake feedback export dashboard; do
	for pid in $(mp_pids "$E2E_RUN/$p.pid"); do
		mode=$(sed -n 's/^Seccomp:[[:space:]]*//p' "/proc/$pid/status")
		if grep -q "meldpunt-$p\[$pid\].*sandbox: off under" "$E2E_LOG"
		then
			is "$mode" 0 "meldpunt-$p worker $pid: no filter under a sanitizer or valgrind, as logged"
		else
			is "$mode" 2 "meldpunt-$p worker $pid serves inside the seccomp filter"
		fi
	done
done
