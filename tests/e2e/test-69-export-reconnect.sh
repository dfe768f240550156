# test-69-export-reconnect.sh -- the partner export goes on after its
# MariaDB restarts: every worker that was connected and bound to the
# partner before answers its next pull with the feed, not a 500.  Stop
# 29 saw 500s there once, after test-66 restarted the programs; this
# plain restart does not show them (lib/db.c re-binds the partner on
# the new connection), and guards that.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures

ke=$(exp_partner herstart "Herstarttest" --signal-types drugs \
    --pulls-per-minute 100000)
# Every worker connected and bound (requests spread over the workers).
for i in 1 2 3 4 5 6; do
	exp_get "reports.xml?limit=5" "$ke"
done
is "$HTTP_STATUS" 200 "the feed answers before the restart"
restart_mariadb
for i in 1 2 3 4 5 6; do
	exp_get "reports.xml?limit=5" "$ke"
	is "$HTTP_STATUS" 200 "pull $i after MariaDB's restart answers 200"
	xsd_ok || fail "pull $i after the restart is valid against the XSD"
done
