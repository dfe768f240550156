# test-95-db-failover.sh -- the programs on a list of database servers
# (db.hosts, issue 11): two private MariaDB servers of this test's own,
# N1 first, N2 second, each with the schema, the accounts and a
# coordinator.  Reports go in while N1 is killed with SIGKILL; every
# request gets its normal answer, intake, follow-up, dashboard and
# meldpuntctl carry on against N2, and every receipt names a report
# stored exactly once.
#
# The harness's own database is not used at all (its report count is
# the same at the end), so no other test sees a trace of this one, and
# the programs are back on the harness's configuration when it ends.
# Both servers are stopped by their pid and their directories removed.
#
# The two servers do not replicate: a report lives on the server that
# stored it, so N1 is started again at the end to count its reports.
# Their report ids (and so references) are kept apart as Galera keeps
# its nodes' apart: odd on N1, even on N2.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/feedback.sh"

T95_CONF=$E2E_CONF
T95_SOCK=$E2E_DBSOCK
# Short paths: a unix socket path has at most 107 bytes.
T95_N1=$(mktemp -d /tmp/mp95-n1.XXXXXX)
T95_N2=$(mktemp -d /tmp/mp95-n2.XXXXXX)
T95_LOG0=$(wc -l <"$E2E_LOG" 2>/dev/null || echo 0)
T95_HARNESS=$(sql "SELECT COUNT(*) FROM report")

t95_cleanup()
{
	local d p
	E2E_CONF=$T95_CONF
	E2E_DBSOCK=$T95_SOCK
	[ -n "${T95_BG:-}" ] && kill "$T95_BG" 2>/dev/null
	restart_programs >/dev/null 2>&1
	for d in "$T95_N1" "$T95_N2"; do
		p=$(cat "$d/mariadbd.pid" 2>/dev/null)
		if [ -n "$p" ] && mp_pid_alive "$p"; then
			mariadb_stop "$d" >/dev/null 2>&1
			mp_pid_alive "$p" && kill -9 "$p"
		fi
		rm -rf "$d"
	done
}
trap t95_cleanup EXIT

# on N SQL: run SQL as root on server N (1 or 2), database meldpunt.
on()
{
	local d=$T95_N1
	[ "$1" = 2 ] && d=$T95_N2
	mariadb --no-defaults -S "$d/mysql.sock" -uroot -N -B \
	    --default-character-set=utf8mb4 meldpunt -e "$2"
}

# t95_server DIR OFFSET: start, migrate, grants and a coordinator.
t95_server()
{
	local dir=$1 conf=$E2E_TEST_DIR/only-$2.hdf
	MARIADB_BUFFER_POOL=64M mariadb_start "$dir" \
	    >>"$E2E_TEST_DIR/mariadb.log" 2>&1 || return 1
	{ cat "$T95_CONF.orig"; echo "db.hosts = $dir/mysql.sock"; } \
	    >"$conf"
	E2E_CONF=$conf mp_ctl migrate >>"$E2E_TEST_DIR/ctl.log" 2>&1 &&
	    E2E_CONF=$conf mp_ctl grants >>"$E2E_TEST_DIR/ctl.log" 2>&1 &&
	    E2E_CONF=$conf mp_ctl user add cor coordinator "Cor Coördinator" \
	    --identity >>"$E2E_TEST_DIR/ctl.log" 2>&1 || return 1
	# Only now: the catalogue and the user have the same ids on both,
	# as a cluster replicates them; a program's cached catalogue
	# stays right when it moves.
	mariadb_sql "$dir" "SET GLOBAL auto_increment_increment = 2,
	    auto_increment_offset = $2"
}

ok 't95_server "$T95_N1" 1' "server N1 runs with the schema and accounts"
ok 't95_server "$T95_N2" 2' "server N2 runs with the schema and accounts"

# --- meldpuntctl check-config refuses a bad list ---------------------------

bad_list()
{
	local out
	{ cat "$T95_CONF.orig"; echo "db.hosts = $1"; } \
	    >"$E2E_TEST_DIR/bad.hdf"
	out=$("$top_builddir/meldpuntctl" -c "$E2E_TEST_DIR/bad.hdf" \
	    check-config 2>&1)
	is "$?" 1 "check-config refuses db.hosts = $1"
	like "$out" "$2" "and says why: $2"
}
bad_list "$T95_N1/mysql.sock,,$T95_N2/mysql.sock" \
    'db\.hosts: entry 2 is empty'
bad_list "127.0.0.1:70000" \
    "db\\.hosts: entry 1 \\(127\\.0\\.0\\.1\\): port '70000' is not a number from 1 to 65535"
bad_list "a,b,c,d,e,f,g,h,i" 'db\.hosts: 9 hosts, more than the 8 allowed'
# meldpuntctl's own list (db.admin.hosts) is checked too, by its name.
{ cat "$T95_CONF.orig"; echo "db.admin.hosts = a:1, a:1"; } \
    >"$E2E_TEST_DIR/bad.hdf"
out=$("$top_builddir/meldpuntctl" -c "$E2E_TEST_DIR/bad.hdf" check-config \
    2>&1)
is "$?" 1 "check-config refuses db.admin.hosts = a:1, a:1"
like "$out" 'db\.admin\.hosts: entry 2 \(a:1\) is entry 1 again' \
    "and names db.admin.hosts"

# --- The programs on [N1, N2] -----------------------------------------------

T95_LIST="$T95_N1/mysql.sock, $T95_N2/mysql.sock"
{ cat "$T95_CONF.orig"; echo "db.hosts = $T95_LIST"; } \
    >"$E2E_TEST_DIR/list.hdf"
E2E_CONF=$E2E_TEST_DIR/list.hdf
out=$(mp_ctl check-config 2>&1)
is "$out" "configuration OK" "check-config accepts [N1, N2]"
stop_programs
ok start_programs "the programs start on [N1, N2]"

E2E_DBSOCK=$T95_N1/mysql.sock
fb_report "report-description=Failover 95 voor: busjes bij de loods."
like "$REF" "^M-$(date +%Y)-[0-9]{6}\$" "a report before the kill is stored"
is "$(on 1 "SELECT COUNT(*) FROM report WHERE reference = '$REF'")" 1 \
    "on N1, the first server"
is "$(on 2 "SELECT COUNT(*) FROM report")" 0 "and N2 has none"

# --- N1 killed under load ---------------------------------------------------

# Thirty reports one after another, from a subshell with its own
# response files; each line: status reference nonce.
T95_OUT=$E2E_TEST_DIR/receipts
: >"$T95_OUT"
(
	E2E_TEST_DIR=$E2E_TEST_DIR/load
	mkdir -p "$E2E_TEST_DIR"
	for i in $(seq 30); do
		nonce="f95-$i-$RANDOM$RANDOM"
		report_fields
		set_field report-description \
		    "Failover 95 belasting $nonce: licht in het pand."
		t0=$(date +%s%N)
		post_report
		echo "$HTTP_STATUS $(receipt_ref) $nonce" \
		    "$(( ($(date +%s%N) - t0) / 1000000 ))" >>"$T95_OUT"
	done
) &
T95_BG=$!
for i in $(seq 300); do
	[ "$(wc -l <"$T95_OUT")" -ge 8 ] && break
	sleep 0.1
done
n1pid=$(cat "$T95_N1/mariadbd.pid")
kill -9 "$n1pid"
killed_at=$(wc -l <"$T95_OUT")
wait "$T95_BG"
T95_BG=
ok '! mp_pid_alive "$n1pid"' "N1 was killed (SIGKILL) after $killed_at receipts"
is "$(wc -l <"$T95_OUT")" 30 "all 30 reports were answered"
slow=$(sort -n -k4 "$T95_OUT" | tail -n 1 | cut -d' ' -f4)
median=$(sort -n -k4 "$T95_OUT" | sed -n 15p | cut -d' ' -f4)
diag "answers: slowest $slow ms, median $median ms"
is "$(awk '$1 != 200' "$T95_OUT" | wc -l)" 0 "every one with 200"
is "$(awk -v y="$(date +%Y)" '$2 !~ "^M-" y "-[0-9][0-9][0-9][0-9][0-9][0-9]$"' \
    "$T95_OUT" | wc -l)" 0 "every one stored, none spooled (a reference M-YYYY-NNNNNN)"
# Each report answered after the kill is on N2, by its reference; not
# the first one after it, which may have been in flight and committed
# on N1 just before the kill (a fresh-clone run saw exactly that).
tail -n +"$((killed_at + 2))" "$T95_OUT" | cut -d' ' -f2 >"$T95_OUT.after"
want=$(wc -l <"$T95_OUT.after")
got=0
if [ "$want" -gt 0 ]; then
	got=$(on 2 "SELECT COUNT(*) FROM report WHERE reference IN
	    ($(sed "s/.*/'&'/" "$T95_OUT.after" | paste -sd,))")
fi
is "$got" "$want" "the reports after the kill are on N2"

log_since()
{
	tail -n +"$((T95_LOG0 + 1))" "$E2E_LOG"
}
like "$(log_since | grep -c "moved from database server $T95_N1/mysql.sock to $T95_N2/mysql.sock (2 of 2)")" \
    '^[1-9]' "the log says the intake moved from N1 to N2"
ok '! log_since | grep -qF -f "$E2E_DIR/db.intake.password"' \
    "and holds no password"

# --- Everything else carries on against N2 ----------------------------------

E2E_DBSOCK=$T95_N2/mysql.sock
fb_report "report-description=Failover 95 na: een nieuwe melding."
like "$REF" "^M-$(date +%Y)-[0-9]{6}\$" "a report after the kill is stored"
is "$(on 2 "SELECT COUNT(*) FROM report WHERE reference = '$REF'")" 1 \
    "on N2"
fb_signin "$REF" "$CODE"
is "$HTTP_STATUS" 303 "the reporter signs in (follow-up on N2)"
fb_reply "Failover 95: nog een aanvulling."
is "$HTTP_STATUS" 303 "and adds information"
is "$(on 2 "SELECT COUNT(*) FROM message WHERE report_id = $RID")" 1 \
    "which is stored on N2"
dash_as cor GET /
is "$HTTP_STATUS" 200 "the dashboard's work list shows (on N2)"
like "$(http_body)" "/melding/$RID\"" "with the new report"
v=$(on 2 "SELECT version FROM report WHERE id = $RID")
dash_post cor "/melding/$RID" actie=oppakken "versie=$v"
is "$HTTP_STATUS" 303 "a coordinator takes the report into handling"
is "$(on 2 "SELECT status FROM report WHERE id = $RID")" \
    "in behandeling" "and N2 stores it"
for p in feedback dashboard; do
	like "$(log_since | grep -F "prog=meldpunt-$p " |
	    grep -cF "$T95_N2/mysql.sock (2 of 2)")" '^[1-9]' \
	    "meldpunt-$p logs that it went to N2"
done
out=$(mp_ctl drain-spool 2>&1)
is "$?" 0 "meldpuntctl drain-spool runs with N1 dead ($out)"
out=$(mp_ctl check-config 2>&1)
is "$out" "configuration OK" "check-config passes with N1 dead"

# --- Every receipt names one stored report -----------------------------------

stop_programs
ok 'mariadb_start "$T95_N1" >>"$E2E_TEST_DIR/mariadb.log" 2>&1' \
    "N1 starts again after the kill (crash recovery)"
bad=0
while read -r st ref nonce ms; do
	n=$(( $(on 1 "SELECT COUNT(*) FROM report WHERE reference = '$ref'
	    AND description LIKE '%$nonce%'") +
	    $(on 2 "SELECT COUNT(*) FROM report WHERE reference = '$ref'
	    AND description LIKE '%$nonce%'") ))
	if [ "$n" != 1 ]; then
		diag "receipt $ref ($nonce): $n stored reports"
		bad=$((bad + 1))
	fi
done <"$T95_OUT"
is "$bad" 0 "each of the 30 receipts names exactly one stored report with its text"
is "$(on 2 "SELECT COUNT(*) FROM report r JOIN event e ON e.report_id = r.id
    WHERE e.kind = 'ontvangen' AND r.description LIKE 'Failover 95 b%'")" \
    "$(on 2 "SELECT COUNT(*) FROM report WHERE description LIKE 'Failover 95 b%'")" \
    "each report on N2 is whole (its 'ontvangen' event)"

# --- Back to the harness ----------------------------------------------------

t95_cleanup
trap - EXIT
ok '[ ! -e "$T95_N1" ] && [ ! -e "$T95_N2" ]' "both servers stopped and removed"
is "$(sql "SELECT COUNT(*) FROM report")" "$T95_HARNESS" \
    "the harness's database got no report"
E2E_DBSOCK=$T95_SOCK
iget /melden/
is "$HTTP_STATUS" 200 "the programs are back on the harness's server (form)"
like "$(http_body)" 'report-signal-type' "with its catalogue"
dash_as cor GET /
ok '[ "$HTTP_STATUS" -ge 200 ] && [ "$HTTP_STATUS" -lt 500 ]' \
    "and the dashboard answers ($HTTP_STATUS)"
is "$(sql "SELECT COUNT(*) FROM report")" "$T95_HARNESS" \
    "still without a report from this test"
