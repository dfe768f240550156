# tests/e2e/dash.sh -- helpers for the dashboard tests (test-3x-*.sh):
# demo users and teams, reports in known teams, requests as a portal
# user.  Sourced by those tests; lib.sh is loaded.

if [ -n "${MP_E2E_DASH_LOADED:-}" ]; then
	return 0
fi
MP_E2E_DASH_LOADED=1

DASH=/dashboard

# dash_fixtures: teams Noord and Zuid, one user per role (handler
# "hanna" in Noord, "henk" in Zuid, coordinator "cor" with the right to
# see reporter identity, admin "ad", auditor "aud", disabled "oud"), 20
# demo reports: odd ids in Noord, even
# ids in Zuid, those taken into handling handled by hanna or henk.
# Idempotent.
dash_fixtures()
{
	if [ "$(sql "SELECT COUNT(*) FROM app_user WHERE username = 'hanna'")" \
	    = 1 ]; then
		return 0
	fi
	mp_ctl team add Noord >/dev/null
	mp_ctl team add Zuid >/dev/null
	mp_ctl user add hanna handler "Hanna Handel" --team Noord >/dev/null
	mp_ctl user add henk handler "Henk Zuidema" --team Zuid >/dev/null
	mp_ctl user add cor coordinator "Cor Coördinator" --identity \
	    >/dev/null
	mp_ctl user add ad admin "Ad Beheer" >/dev/null
	mp_ctl user add aud auditor "Audrey Audit" >/dev/null
	mp_ctl user add oud handler "Oud Gebruiker" --team Noord >/dev/null
	mp_ctl user disable oud >/dev/null
	# Without subjects: the tests of subjects and links (test-82, 84,
	# 86) link these reports themselves and count exactly what they
	# made; test-85 checks the demo's own subjects and overlaps.
	# Without demo dossiers: test-88 and 89 count the ones they make.
	mp_ctl seed-demo --reports 20 --seed 7 --no-subjects --no-dossiers \
	    >/dev/null
	# seed-demo spread the reports over the teams; make it odd and
	# even, each taken report handled by its team's handler.
	sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name =
	    IF(report.id % 2 = 1, 'Noord', 'Zuid'));
	    UPDATE report SET handler_id = (SELECT id FROM app_user WHERE
	    username = IF(report.id % 2 = 1, 'hanna', 'henk'))
	    WHERE handler_id IS NOT NULL"
}

# A report of team Noord (odd id) and one of Zuid, by status.
dash_report()
{
	sql "SELECT MIN(r.id) FROM report r JOIN team t ON t.id = r.team_id
	    WHERE t.name = '$1' ${2:+AND r.status = '$2'}"
}

# dash_as USER METHOD PATH [curl args...]: a request through the portal
# as USER ("" for none).  The portal names the user in the header
# E2E_PORTAL_HEADER: the harness's nginx reads X-Test-Remote-User, the
# shipped Apache site X-Portal-User.
dash_as()
{
	local user=$1 method=$2 path=$3
	shift 3
	if [ -n "$user" ]; then
		http_request "$method" "$DASH$path" \
		    -H "${E2E_PORTAL_HEADER:-X-Test-Remote-User}: $user" "$@"
	else
		http_request "$method" "$DASH$path" "$@"
	fi
}

# dash_csrf USER: the CSRF token of USER's session (from the work list
# or the first page the role has).
dash_csrf()
{
	dash_as "$1" GET / -L >/dev/null
	form_value csrf
}

# dash_post USER PATH field=value...: a form POST with USER's token.
dash_post()
{
	local user=$1 path=$2 tok args=() f
	shift 2
	tok=$(dash_csrf "$user")
	for f in "$@"; do
		args+=(--data-urlencode "$f")
	done
	dash_as "$user" POST "$path" --data-urlencode "csrf=$tok" "${args[@]}"
}

# dash_new_id: the id of the report the last POST to /nieuw made: the
# page that shows its code once links to it (id="new-report"); a
# second POST of the same form redirects to it.
dash_new_id()
{
	local id
	id=$(sed -n 's|.*id="new-report" href="[^"]*/melding/\([0-9]*\)".*|\1|p' \
	    "$HTTP_BODY")
	[ -n "$id" ] || id=$(http_header Location |
	    sed -n 's|.*/melding/\([0-9]*\).*|\1|p')
	printf '%s\n' "$id"
}

# dash_version ID: the report's version column.
dash_version()
{
	sql "SELECT version FROM report WHERE id = $1"
}

# audit_count ACTION USER [OBJECT_ID]: rows after AUDIT_SINCE (an
# audit_log id a test may set at its start: earlier tests of a full
# run write rows for the same users).
audit_count()
{
	sql "SELECT COUNT(*) FROM audit_log WHERE action = '$1'
	    AND username = '$2' ${3:+AND object_id = $3}
	    AND id > ${AUDIT_SINCE:-0}"
}

# grant_open USER KIND [TEAM]: the id of the open request of KIND
# ('rol', 'team', 'identiteit', 'actief', 'wachtwoord',
# 'tweede-factor') for account USER, or "".
grant_open()
{
	sql "SELECT g.id FROM grant_request g JOIN app_user u
	    ON u.id = g.target_id WHERE u.username = '$1' AND g.kind = '$2'
	    AND g.status = 'open' ${3:+AND g.team_id = $3}"
}

# dash_decide USER ACTION ID: USER bevestigen|afwijzen|intrekken request
# ID on /verzoeken.
dash_decide()
{
	dash_post "$1" /verzoeken "actie=$2" "id=$3"
}

# dash_subject KIND NORM DISPLAY_SQL: insert a subject as lib/subject.c
# stores it (DISPLAY_SQL an SQL expression), print its id.
dash_subject()
{
	sql "INSERT INTO subject (kind, norm, display, created_at)
	    VALUES ($1, '$2', $3, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()"
}

# dash_link REPORT SUBJECT SOURCE CONFIRMED: link them.
dash_link()
{
	sql "INSERT INTO report_subject (report_id, subject_id, source,
	    confirmed, created_at) VALUES ($1, $2, $3, $4, UTC_TIMESTAMP())"
}

# dash_demo_add N SEED: N demo reports more (seed-demo, no subjects;
# none for N <= 0), DEMO_MAX0 the highest report id before them.  The
# statistics' triggers count inserts only, so their tables are saved
# first, for dash_demo_remove to put back.
dash_demo_add()
{
	DEMO_MAX0=$(sql "SELECT MAX(id) FROM report")
	sql "DROP TABLE IF EXISTS t_demo_stats_month, t_demo_stats_days;
	    CREATE TABLE t_demo_stats_month AS SELECT * FROM stats_month;
	    CREATE TABLE t_demo_stats_days AS SELECT * FROM stats_days"
	if [ "$1" -gt 0 ]; then
		mp_ctl seed-demo --reports "$1" --seed "$2" --no-subjects \
		    >/dev/null
	fi
}

# dash_demo_remove: the reports after DEMO_MAX0 gone with what hangs on
# them, the statistics as dash_demo_add found them; checked.
dash_demo_remove()
{
	sql "DELETE FROM event WHERE report_id > $DEMO_MAX0;
	    DELETE FROM reporter_contact WHERE report_id > $DEMO_MAX0;
	    DELETE FROM report_subject WHERE report_id > $DEMO_MAX0;
	    DELETE FROM message WHERE report_id > $DEMO_MAX0;
	    DELETE FROM mail_outbox WHERE report_id > $DEMO_MAX0;
	    DELETE FROM attachment WHERE report_id > $DEMO_MAX0;
	    DELETE FROM report WHERE id > $DEMO_MAX0;
	    DELETE FROM stats_month; INSERT INTO stats_month
	    SELECT * FROM t_demo_stats_month; DELETE FROM stats_days;
	    INSERT INTO stats_days SELECT * FROM t_demo_stats_days;
	    DROP TABLE t_demo_stats_month, t_demo_stats_days"
	is "$(sql "SELECT COUNT(*) FROM report WHERE id > $DEMO_MAX0")" 0 \
	    "the test's demo reports are gone"
}
