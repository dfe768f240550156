# tests/e2e/stats.sh -- helpers for the statistics and export tests
# (test-6x-*.sh): direct counts from the reports and their history, to
# hold the statistics against, and a CSV reader.  Sourced after dash.sh.

if [ -n "${MP_E2E_STATS_LOADED:-}" ]; then
	return 0
fi
MP_E2E_STATS_LOADED=1

# sql_at 'YYYY-MM-DD HH:MM:SS' "STATEMENTS": run as root with the
# server's clock set to that UTC time, as if the statements ran then
# (UTC_TIMESTAMP() in the statements and in the triggers follows it).
sql_at()
{
	sql "SET time_zone = '+00:00';
	    SET timestamp = UNIX_TIMESTAMP('$1'); $2"
}

# stats_direct FROM TO: the statistics of months FROM..TO (YYYY-MM,
# months of Europe/Amsterdam by Python's zoneinfo, an oracle apart from
# lib/nltime.c and sql/043's nl_month()) counted straight from report
# and event, one line per month and
# grouping in the layout of the CSV (period, grouping, value, received,
# taken, closed, reopened, open at the end, medians), tab-separated.
# A closing is a status event "... -> afgerond", or the closed_at of a
# report that has no such event (stored closed, like demo data); a
# reopening is a status event "afgerond -> ...".
stats_direct()
{
	MP_SOCK=$E2E_DBSOCK python3 - "$1" "$2" <<'PYEOF'
import os, subprocess, sys
from collections import defaultdict
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

AMS = ZoneInfo("Europe/Amsterdam")
def lm(s):
    # A stored UTC time into its Amsterdam month, "YYYY-MM"; "" stays.
    if s == "":
        return ""
    t = datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(
        tzinfo=timezone.utc)
    return t.astimezone(AMS).strftime("%Y-%m")

def q(s):
    out = subprocess.run(["mariadb", "--no-defaults", "-S",
        os.environ["MP_SOCK"], "-uroot", "-N", "-B",
        "--default-character-set=utf8mb4", "meldpunt", "-e", s],
        check=True, capture_output=True, text=True).stdout
    return [l.split("\t") for l in out.splitlines() if l != ""]

def mnum(s):
    return int(s[0:4]) * 12 + int(s[5:7]) - 1

lo, hi = mnum(sys.argv[1]), mnum(sys.argv[2])
dims = ("soort", "doelgroep", "kanaal")
reports = {}
for rid, st, au, ch, rec, tak, clo in q(
        "SELECT r.id, st.name, a.name, r.channel,"
        " DATE_FORMAT(r.received_at, '%Y-%m-%d %H:%i:%s'),"
        " COALESCE(DATE_FORMAT(r.taken_at, '%Y-%m-%d %H:%i:%s'), ''),"
        " COALESCE(DATE_FORMAT(r.closed_at, '%Y-%m-%d %H:%i:%s'), '')"
        " FROM report r JOIN signal_type st ON st.id = r.signal_type_id"
        " JOIN audience a ON a.id = r.audience_id"):
    reports[rid] = (st, au, ch, lm(rec), lm(tak), lm(clo))
# (month, grouping, value) -> [received, taken, closed, reopened]
n = defaultdict(lambda: [0, 0, 0, 0])
def add(rid, month, k):
    st, au, ch = reports[rid][0:3]
    m = mnum(month)
    for key in (("totaal", ""), ("soort", st), ("doelgroep", au),
            ("kanaal", ch)):
        n[(m,) + key][k] += 1
for rid, r in reports.items():
    add(rid, r[3], 0)
    if r[4]:
        add(rid, r[4], 1)
closed_by_event = set()
for rid, at, kind in q(
        "SELECT report_id, DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s'),"
        " IF(detail LIKE 'afgerond -> %', 'r', 'c') FROM event"
        " WHERE kind = 'status' AND (detail LIKE '% -> afgerond%'"
        " OR detail LIKE 'afgerond -> %')"):
    if kind == "c":
        closed_by_event.add(rid)
    add(rid, lm(at), 2 if kind == "c" else 3)
for rid, r in reports.items():
    if r[5] and rid not in closed_by_event:
        add(rid, r[5], 2)
# Medians of whole days, per month and over the range.
days = defaultdict(list)
for m, meas, d in q(
        "SELECT DATE_FORMAT(taken_at, '%Y-%m-%d %H:%i:%s'), 't',"
        " TIMESTAMPDIFF(DAY, received_at, taken_at) FROM report"
        " WHERE taken_at IS NOT NULL"
        " UNION ALL SELECT DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), 'c',"
        " TIMESTAMPDIFF(DAY, r.received_at, e.at) FROM event e"
        " JOIN report r ON r.id = e.report_id WHERE e.kind = 'status'"
        " AND e.detail LIKE '% -> afgerond%'"
        " UNION ALL SELECT DATE_FORMAT(r.closed_at, '%Y-%m-%d %H:%i:%s'), 'c',"
        " TIMESTAMPDIFF(DAY, r.received_at, r.closed_at) FROM report r"
        " WHERE r.closed_at IS NOT NULL AND NOT EXISTS (SELECT 1"
        " FROM event e WHERE e.report_id = r.id AND e.kind = 'status'"
        " AND e.detail LIKE '% -> afgerond%')"):
    mm = mnum(lm(m))
    if lo <= mm <= hi:
        days[(mm, meas)].append(int(d))
        days[("all", meas)].append(int(d))
def median(v):
    if not v:
        return ""
    v = sorted(v)
    t = (v[(len(v) - 1) // 2] + v[len(v) // 2]) * 5
    return str(t // 10) if t % 10 == 0 else "%d,%d" % (t // 10, t % 10)
keys = sorted({k[1:] for k in n} | {("totaal", "")})
for key in keys:
    open_ = 0
    tot = [0, 0, 0, 0]
    for m in sorted({k[0] for k in n if k[1:] == key}):
        if m < lo:
            c = n[(m,) + key]
            open_ += c[0] - c[2] + c[3]
    for m in range(lo, hi + 1):
        c = n.get((m,) + key, [0, 0, 0, 0])
        open_ += c[0] - c[2] + c[3]
        tot = [a + b for a, b in zip(tot, c)]
        med = ["", ""]
        if key[0] == "totaal":
            med = [median(days[(m, "t")]), median(days[(m, "c")])]
        print("\t".join(["%04d-%02d" % (m // 12, m % 12 + 1), key[0],
            key[1]] + [str(x) for x in c] + [str(open_)] + med))
    med = ["", ""]
    if key[0] == "totaal":
        med = [median(days[("all", "t")]), median(days[("all", "c")])]
    print("\t".join(["totaal", key[0], key[1]] + [str(x) for x in tot] +
        [str(open_)] + med))
PYEOF
}

# csv_rows FILE [SEP]: the CSV file (with BOM) as tab-separated lines,
# read by Python's csv module; fields' tabs and newlines as \t and \n.
csv_rows()
{
	python3 - "$1" "${2:-;}" <<'PYEOF'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    for row in csv.reader(f, delimiter=sys.argv[2]):
        print("\t".join(c.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\r", "\\r").replace("\n", "\\n") for c in row))
PYEOF
}
