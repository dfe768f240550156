# test-99-ctl-status-metrics.sh -- meldpuntctl status and metrics (issue
# 18): status is one line in the conventions of Nagios plugins and
# returns each of its states in staged conditions (healthy; a spooled
# report older than the thresholds; a mail given up; the database
# stopped; a key file others may read; a bad configuration), and
# metrics writes the Prometheus text format, atomically, that a strict
# parser accepts.  Neither names report content nor client addresses.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
intake_catalog

marker="Statusproef$(tr -dc a-z </dev/urandom | head -c 12)"

# st: run status; $st_out the line, $st_rc the exit status.
st()
{
	st_out=$(mp_ctl status 2>"$E2E_TEST_DIR/status.err")
	st_rc=$?
}

# nagios_line TEXT: one line, "MELDPUNT STATE - text | perfdata", each
# perfdata item label=value[UOM];[warn];[crit];[min];[max].
nagios_line()
{
	python3 - "$1" <<'EOF'
import re, sys
s = sys.argv[1]
if "\n" in s:
    sys.exit("more than one line")
m = re.fullmatch(r"MELDPUNT (OK|WARNING|CRITICAL|UNKNOWN) - ([^|]+?)"
                 r"(?: \| (.*))?", s)
if not m:
    sys.exit("not MELDPUNT STATE - text | perfdata")
num = r"-?[0-9]+(?:\.[0-9]+)?"
for item in (m.group(3) or "").split():
    if not re.fullmatch(r"[a-z_]+=" + num + r"(?:s|%|B|c)?"
                        r"(?:;(?:" + num + r")?){0,4}", item):
        sys.exit("bad perfdata item " + item)
EOF
}

# prom_check FILE: the text exposition format, strictly: every sample
# "name{labels} value", HELP and TYPE of a family before its samples and
# once, valid names, label values escaped, no series twice.
prom_check()
{
	python3 - "$1" <<'EOF'
import re, sys
name_re = re.compile(r"[a-zA-Z_:][a-zA-Z0-9_:]*\Z")
label_re = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"')
value_re = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?"
                      r"|Inf|NaN)\Z")
help_, type_, seen, fam_done, cur = {}, {}, set(), set(), None
text = open(sys.argv[1], encoding="utf-8").read()
if not text.endswith("\n"):
    sys.exit("no final newline")
for n, line in enumerate(text.split("\n")[:-1], 1):
    where = "line %d: " % n
    if line.startswith("# HELP ") or line.startswith("# TYPE "):
        parts = line.split(" ", 3)
        if len(parts) < 4 or not name_re.match(parts[2]):
            sys.exit(where + "bad " + parts[1])
        d = help_ if parts[1] == "HELP" else type_
        if parts[2] in d:
            sys.exit(where + parts[1] + " twice for " + parts[2])
        if parts[2] in fam_done or (cur and cur != parts[2]
                                     and cur not in fam_done):
            fam_done.add(cur)
        if parts[2] in fam_done:
            sys.exit(where + parts[2] + " continued after other families")
        if parts[1] == "TYPE" and parts[3] not in (
                "counter", "gauge", "histogram", "summary", "untyped"):
            sys.exit(where + "bad type " + parts[3])
        d[parts[2]] = parts[3]
        cur = parts[2]
        continue
    if line.startswith("#") or line == "":
        sys.exit(where + "stray line")
    m = re.match(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? (\S+)\Z", line)
    if not m:
        sys.exit(where + "not name{labels} value: " + line)
    name, labels, value = m.group(1), m.group(3), m.group(4)
    if name != cur or name not in help_ or name not in type_:
        sys.exit(where + name + ": sample without its HELP and TYPE first")
    if not value_re.match(value):
        sys.exit(where + "bad value " + value)
    keys = []
    if labels is not None:
        rest = labels
        while rest:
            lm = label_re.match(rest)
            if not lm:
                sys.exit(where + "bad labels {" + labels + "}")
            keys.append((lm.group(1), lm.group(2)))
            rest = rest[lm.end():]
            if rest.startswith(","):
                rest = rest[1:]
                if not rest:
                    sys.exit(where + "trailing comma")
            elif rest:
                sys.exit(where + "bad labels {" + labels + "}")
        if len({k for k, _ in keys}) != len(keys):
            sys.exit(where + "a label twice")
    series = (name, tuple(sorted(keys)))
    if series in seen:
        sys.exit(where + "series twice: " + line)
    seen.add(series)
print(len(seen))
EOF
}

# --- Healthy ------------------------------------------------------------------

# Earlier tests share this database: thresholds from what is there now.
pending0=$(sql "SELECT COUNT(*) FROM mail_outbox WHERE status = 'pending'")
failed0=$(sql "SELECT COUNT(*) FROM mail_outbox WHERE status = 'failed'
    AND next_try_at >= UTC_TIMESTAMP() - INTERVAL 86400 SECOND")
rm -f "$E2E_SPOOL"/*.rpt "$E2E_SPOOL"/*.bad
conf_set status.mail_pending_warn $((pending0 + 100))
conf_set status.mail_pending_crit $((pending0 + 200))
conf_set status.mail_failed_warn $((failed0 + 1))
conf_set status.mail_failed_crit $((failed0 + 3))
cp "$E2E_CONF" "$E2E_CONF.status"

# A report with the marker everywhere it can be, stored normally.
report_fields
set_field report-description "$marker: lekkage achter de school."
set_field report-anonymous nee
set_field report-contact-name "$marker Jansen"
set_field report-contact-email "$marker@voorbeeld.nl"
post_report /melden/
is "$HTTP_STATUS" 200 "a report with the marker is sent"
like "$(receipt_ref)" '^M-[0-9]{4}-' "and stored: the receipt has its reference"

st
is "$st_rc" 0 "status on a healthy instance exits 0"
like "$st_out" '^MELDPUNT OK - database 1/1 up, schema [0-9]+, spool 0, mail [0-9]+ pending [0-9]+ failed \| ' \
    "status on a healthy instance: MELDPUNT OK with the figures"
ok 'nagios_line "$st_out"' "the OK line follows the plugin conventions"
is "$(cat "$E2E_TEST_DIR/status.err")" "" "status writes nothing on stderr"
latest=$(ls "$top_srcdir"/sql/[0-9][0-9][0-9]_*.sql | sed 's|.*/||' | sort | tail -n 1 | cut -c1-3)
like "$st_out" "schema $((10#$latest))," "the schema is the newest migration file's"
like "$st_out" 'schema_behind=0;' "perfdata: the schema is current"

# --- Metrics ------------------------------------------------------------------

prom=$E2E_TEST_DIR/textfile/meldpunt.prom
mkdir -p "$E2E_TEST_DIR/textfile"
conf_set metrics.file "$prom"
out=$(mp_ctl metrics 2>&1)
is "$?:$out" "0:" "metrics writes metrics.file silently"
n=$(prom_check "$prom" 2>&1)
ok '[ "$n" -gt 10 ] 2>/dev/null' "the strict parser accepts the file ($n series)"
is "$(stat -c %a "$prom")" 644 "the file is mode 0644 for the collector"
is "$(find "$E2E_TEST_DIR/textfile" -name '*.tmp.*' | wc -l)" 0 \
    "no temporary file is left beside it"
if command -v promtool >/dev/null 2>&1; then
	ok 'promtool check metrics <"$prom" >/dev/null 2>&1' "promtool accepts it"
else
	# Not a skipped check (scripts/check counts those as failures): the
	# strict parser above is the check; promtool is a second opinion.
	diag "promtool not installed (Debian's prometheus): the parser above checked it"
fi
is "$(grep -c '^meldpunt_status 0$' "$prom")" 1 "meldpunt_status is 0 (OK)"
is "$(grep -c '^meldpunt_db_up 1$' "$prom")" 1 "meldpunt_db_up is 1"
is "$(grep -c '^meldpunt_db_server_up{server="[^"]*"} 1$' "$prom")" 1 \
    "one server, up"
want=$(sql "SELECT CONCAT('meldpunt_reports{status=\"', status,
    '\",channel=\"', channel, '\"} ', COUNT(*)) FROM report
    GROUP BY status, channel ORDER BY status, channel")
is "$(grep '^meldpunt_reports{' "$prom")" "$want" \
    "reports per status and channel, as SQL counts them"
want=$(sql "SELECT COUNT(*) FROM mail_outbox WHERE status = 'sent'")
is "$(sed -n 's/^meldpunt_mail_outbox{state="sent"} //p' "$prom")" "$want" \
    "sent mails, as SQL counts them"
is "$(sed -n 's/^meldpunt_schema_version //p' "$prom")" "$((10#$latest))" \
    "the schema version"
is "$(grep -c '^meldpunt_key_file_ok{file="[a-z_]*"} 1$' "$prom")" 3 \
    "three key files, each ok"
out=$(mp_ctl metrics -o - 2>&1)
n=$(printf '%s\n' "$out" >"$E2E_TEST_DIR/stdout.prom"; prom_check "$E2E_TEST_DIR/stdout.prom" 2>&1)
ok '[ "$n" -gt 10 ] 2>/dev/null' "metrics -o - writes the same format to stdout"
# The file is replaced whole: a reader holding the old one keeps it.
exec 9<"$prom"
old_ino=$(stat -c %i "$prom")
mp_ctl metrics >/dev/null 2>&1
isnt "$(stat -c %i "$prom")" "$old_ino" "a second run renames a new file into place"
ok 'cat <&9 | grep -q "^meldpunt_status "' "the reader of the old file still reads it whole"
exec 9<&-
out=$(mp_ctl metrics -o "$E2E_TEST_DIR/no/such/dir/x.prom" 2>&1)
is "$?" 1 "metrics into a missing directory fails, status 1"
like "$out" 'No such file or directory' "and says why in one line"
out=$(mp_ctl metrics -x 2>&1)
is "$?" 2 "metrics with a bad option is a usage error"

# --- A mail given up: WARNING, then CRITICAL ---------------------------------

rid=$(sql "SELECT id FROM report ORDER BY id DESC LIMIT 1")
sql "INSERT INTO mail_outbox (kind, report_id, status, tries, created_at,
    next_try_at, last_error) VALUES ('reporter', $rid, 'failed', 8,
    UTC_TIMESTAMP(), UTC_TIMESTAMP(), 'test-99')"
st
is "$st_rc" 1 "a mail given up: status exits 1"
like "$st_out" "^MELDPUNT WARNING - $((failed0 + 1)) mails given up; " \
    "a mail given up: WARNING, named first"
ok 'nagios_line "$st_out"' "the WARNING line follows the conventions"
like "$st_out" "mail_failed=$((failed0 + 1));$((failed0 + 1));$((failed0 + 3));0;" \
    "perfdata: the failed mails with their thresholds"
sql "INSERT INTO mail_outbox (kind, report_id, status, tries, created_at,
    next_try_at, last_error) VALUES ('reporter', $rid, 'failed', 8,
    UTC_TIMESTAMP(), UTC_TIMESTAMP(), 'test-99'), ('reporter', $rid,
    'failed', 8, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 'test-99')"
st
is "$st_rc" 2 "three mails given up: status exits 2"
like "$st_out" "^MELDPUNT CRITICAL - $((failed0 + 3)) mails given up; " \
    "three mails given up: CRITICAL"
# Outside the window they no longer count.
sql "UPDATE mail_outbox SET next_try_at = UTC_TIMESTAMP() - INTERVAL 2 DAY
    WHERE last_error = 'test-99'"
st
is "$st_rc" 0 "mails given up two days ago no longer count: OK"
sql "DELETE FROM mail_outbox WHERE last_error = 'test-99'"

# --- The database stopped, a report spooled ----------------------------------

# A form fetched before the stop: its own token, a submission of its own.
report_fields
set_field report-description "$marker: tweede melding, nu in de spool."
set_field report-anonymous nee
set_field report-contact-name "$marker Jansen"
set_field report-contact-email "$marker@voorbeeld.nl"
form2=("${F[@]}")
stop_mariadb_only
ok '! mariadb_up' "MariaDB is stopped"
F=("${form2[@]}")
post_report /melden/
is "$HTTP_STATUS" 200 "a report with the marker is sent"
like "$(receipt_ref)" '^M-[0-9]{4}-S' "and spooled: the receipt has a spool reference"
is "$(find "$E2E_SPOOL" -maxdepth 1 -name '*.rpt' | wc -l)" 1 "one file waits in the spool"
t0=$(date +%s)
st
t1=$(date +%s)
is "$st_rc" 2 "the database stopped: status exits 2"
like "$st_out" '^MELDPUNT CRITICAL - database server .* does not answer or is not synced; no database server answers; database 0/1 up, spool 1 \| ' \
    "the database stopped: CRITICAL, the server named, the spool counted"
ok 'nagios_line "$st_out"' "the CRITICAL line follows the conventions"
ok '[ $((t1 - t0)) -lt 20 ]' "status answers within 20 s with the database down ($((t1 - t0)) s)"
out=$(mp_ctl metrics -o - 2>&1)
printf '%s\n' "$out" >"$E2E_TEST_DIR/down.prom"
n=$(prom_check "$E2E_TEST_DIR/down.prom" 2>&1)
ok '[ "$n" -gt 5 ] 2>/dev/null' "metrics with the database down still parses ($n series)"
like "$out" $'\nmeldpunt_db_up 0\n' "metrics: meldpunt_db_up 0"
like "$out" $'\nmeldpunt_status 2\n' "metrics: meldpunt_status 2"
unlike "$out" 'meldpunt_reports\{' "metrics: no report counts without a database"
start_mariadb_only
ok mariadb_up "MariaDB is running again"

# The spooled report waits: between the thresholds WARNING, past the
# second CRITICAL (its file's time is when it was spooled).
f=$(find "$E2E_SPOOL" -maxdepth 1 -name '*.rpt' | head -n 1)
touch -d '20 minutes ago' "$f"
st
is "$st_rc" 1 "a report spooled 20 minutes ago: status exits 1"
like "$st_out" '^MELDPUNT WARNING - 1 spooled reports, the oldest 1[23][0-9][0-9]s; ' \
    "a report spooled 20 minutes ago: WARNING with its age"
like "$st_out" 'spool_oldest_age=1[23][0-9][0-9]s;600;3600;0;' \
    "perfdata: the spool's age with the default thresholds"
touch -d '2 hours ago' "$f"
st
is "$st_rc" 2 "a report spooled 2 hours ago: status exits 2"
like "$st_out" '^MELDPUNT CRITICAL - 1 spooled reports, the oldest 7[0-9][0-9][0-9]s; ' \
    "a report spooled 2 hours ago: CRITICAL"
mp_ctl metrics -o "$E2E_TEST_DIR/spool.prom" >/dev/null 2>&1
is "$(sed -n 's/^meldpunt_spool_reports //p' "$E2E_TEST_DIR/spool.prom")" 1 \
    "metrics: one spooled report"
ok 'prom_check "$E2E_TEST_DIR/spool.prom" >/dev/null' "and the file parses"
status_outputs="$st_out"
out=$(mp_ctl drain-spool 2>&1)
is "$out" "stored 1, failed 0" "the spooled report is stored"
st
is "$st_rc" 0 "spool drained: status OK again"

# --- A key file others may read ----------------------------------------------

chmod 0644 "$E2E_KEY"
st
chmod 0600 "$E2E_KEY"
is "$st_rc" 2 "the master key readable by others: status exits 2"
like "$st_out" '^MELDPUNT CRITICAL - crypto.key_file has mode 0644; ' \
    "the master key readable by others: CRITICAL, the file and mode named"
chmod 0604 "$E2E_CPRIV"
st
chmod 0600 "$E2E_CPRIV"
is "$st_rc" 2 "the contact private key readable by others: exits 2"
like "$st_out" 'crypto.contact_private_file has mode 0604' \
    "the contact private key: named with its mode"
chmod 0640 "$E2E_CPRIV"
st
chmod 0600 "$E2E_CPRIV"
is "$st_rc" 0 "a contact private key readable by its group (0640) is allowed"
chmod 0666 "$E2E_CPUB"
st
chmod 0644 "$E2E_CPUB"
is "$st_rc" 2 "a contact public key others may replace: exits 2"
mv "$E2E_KEY" "$E2E_KEY.away"
st
mv "$E2E_KEY.away" "$E2E_KEY"
like "$st_rc:$st_out" '^2:MELDPUNT CRITICAL - crypto.key_file missing; ' \
    "the master key missing: CRITICAL"
st
is "$st_rc" 0 "modes back: OK"

# --- UNKNOWN and the database behind its migrations -------------------------

out=$(mp_ctl -c "$E2E_TEST_DIR/none.hdf" status 2>/dev/null)
is "$?" 3 "status without its configuration exits 3"
like "$out" '^MELDPUNT UNKNOWN - ' "and says UNKNOWN on stdout"
out=$(mp_ctl status extra 2>/dev/null)
is "$?:$out" "3:MELDPUNT UNKNOWN - usage: meldpuntctl status" \
    "status with an argument: UNKNOWN, exit 3"
mkdir -p "$E2E_TEST_DIR/sql"
cp "$top_srcdir"/sql/*.sql "$E2E_TEST_DIR/sql/"
printf 'SELECT 1;\n' >"$E2E_TEST_DIR/sql/999_future.sql"
conf_set paths.sql "$E2E_TEST_DIR/sql"
st
is "$st_rc" 2 "a migration not applied: exits 2"
like "$st_out" "schema $((10#$latest)) behind migrations 999; run meldpuntctl migrate" \
    "a migration not applied: CRITICAL, says to migrate"
cp "$E2E_CONF.status" "$E2E_CONF"
# A second server on a closed port: that server named, CRITICAL.
port=$(mp_free_port)
conf_set db.hosts "$E2E_DBSOCK, 127.0.0.1:$port"
st
cp "$E2E_CONF.status" "$E2E_CONF"
is "$st_rc" 2 "a configured server that does not answer: exits 2"
like "$st_out" "database server 127.0.0.1:$port does not answer or is not synced; database 1/2 up" \
    "each configured server is probed; the dead one named"

# --- Nothing of a report or a client in either output -----------------------

mp_ctl metrics -o "$E2E_TEST_DIR/final.prom" >/dev/null 2>&1
st
all="$st_out
$status_outputs
$(cat "$prom" "$E2E_TEST_DIR/down.prom" "$E2E_TEST_DIR/spool.prom" "$E2E_TEST_DIR/final.prom")"
is "$(sql "SELECT COUNT(*) FROM report WHERE description LIKE '$marker%'")" 2 \
    "both reports with the marker are stored"
unlike "$all" "$marker" "no report content in status or metrics"
unlike "$all" "voorbeeld\\.nl" "no contact details in status or metrics"
unlike "$all" "$(printf '%s' "$INTAKE_ADDR" | sed 's/\./\\./g')" \
    "no client address in status or metrics"
cp "$E2E_CONF.orig" "$E2E_CONF"

# --- The programs' log: one event per line, key=value -----------------------

out=$(python3 - "$E2E_LOG" 2>&1 <<'EOF'
import re, sys
line_re = re.compile(r'ts=[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'
                     r' prog=[a-z-]+ pid=[0-9]+ level=(err|warn|info|debug)'
                     r' msg="(?:[^"\\\n]|\\["\\])*"\Z')
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
n = 0
for i, line in enumerate(text.split("\n")[:-1], 1):
    n += 1
    if not line_re.match(line):
        sys.exit("line %d is not ts= prog= pid= level= msg=: %s"
                 % (i, line[:200]))
print(n)
EOF
)
ok '[ "$out" -gt 0 ] 2>/dev/null' \
    "every line of the programs' log is ts= prog= pid= level= msg=\"...\" (${out%%:*})" ||
    diag "$out"
