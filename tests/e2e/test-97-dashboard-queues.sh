# test-97-dashboard-queues.sh -- a handler's queues (issue 16): "Mijn
# meldingen" and "Nieuw in mijn team" in the navigation with counts that
# equal SQL's and a plan that reads an index; a wrongly routed report
# sent back to the coordinators with a required reason (CSRF, audited,
# history, it leaves the team's queue); cover: a coordinator lets a
# handler see a colleague's queue from one day to another, audited, not
# to others, ended by itself after the last day or early by a
# coordinator, and bad input refused at its field with nothing stored.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
uid() { sql "SELECT id FROM app_user WHERE username = '$1'"; }
hanna=$(uid hanna)
henk=$(uid henk)
cor=$(uid cor)
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
mp_ctl user add hugo handler "Hugo Noordhuis" --team Noord >/dev/null 2>&1
# nav ID: the count in the navigation link ID of the page fetched last.
nav()
{
	tr '\n' ' ' <"$HTTP_BODY" |
	    sed -n "s/.*id=\"$1\"[^>]*>[^<]*<span class=\"count\">(\\([0-9]*\\))<.*/\\1/p"
}
mine_sql()
{
	sql "SELECT COUNT(*) FROM report WHERE handler_id = $1
	    AND status = 'in behandeling' AND team_id IN (SELECT team_id
	    FROM user_team WHERE user_id = $1)"
}
new_sql()
{
	sql "SELECT COUNT(*) FROM report WHERE status = 'nieuw' ${1:+AND
	    team_id IN (SELECT team_id FROM user_team WHERE user_id = $1)}"
}

# new_report USER: USER enters a phone report (of USER's only team,
# status "nieuw"); its id in id.
new_report()
{
	local tok csrf
	dash_as "$1" GET /nieuw
	tok=$(form_value form-token)
	csrf=$(form_value csrf)
	dash_as "$1" POST /nieuw --data-urlencode "csrf=$csrf" \
	    --data-urlencode "form-token=$tok" \
	    --data-urlencode report-channel=telefoon \
	    --data-urlencode "report-received-date=$(date -d yesterday +%F)" \
	    --data-urlencode report-audience=bewoners \
	    --data-urlencode report-signal-type=woonfraude \
	    --data-urlencode "report-description=Wachtrijproef $RANDOM" \
	    --data-urlencode "report-observed-date=$(date -d '7 days ago' +%F)" \
	    --data-urlencode report-city=Utrecht
	id=$(dash_new_id)
}

# --- The counts in the navigation -------------------------------------------

# Make sure hanna has work of her own to count.
new_report hanna
r=$id
dash_post hanna "/melding/$r" actie=oppakken "versie=$(dash_version "$r")"
dash_as hanna GET /
is "$HTTP_STATUS" 200 "the handler's work list"
m=$(nav nav-mijn)
isnt "$m" "" "the navigation has 'Mijn meldingen' with a count"
is "$m" "$(mine_sql "$hanna")" "which equals SQL's count"
ok '[ "$m" -gt 0 ]' "and is not zero here ($m)"
is "$(nav nav-nieuw)" "$(new_sql "$hanna")" \
    "'Nieuw in mijn team' equals SQL's count of her teams' new reports"
like "$(http_body)" 'Nieuw in mijn team' "in those words for a handler"
like "$(http_body)" "href=\"/dashboard/\\?behandelaar=$hanna&amp;status=in\\+behandeling\" id=\"nav-mijn\"" \
    "one click: the work list of her reports in handling"
like "$(http_body)" 'href="/dashboard/\?status=nieuw" id="nav-nieuw"' \
    "one click: the new reports"
dash_as hanna GET "/?behandelaar=$hanna&status=in+behandeling"
is "$HTTP_STATUS" 200 "that view opens"
is "$(grep -o 'href="/dashboard/melding/[0-9]*"' "$HTTP_BODY" | sort -u |
    wc -l)" "$m" "and lists as many reports as the count"
dash_as henk GET /
is "$(nav nav-mijn)" "$(mine_sql "$henk")" "the same for another handler"
is "$(nav nav-nieuw)" "$(new_sql "$henk")" "and his team's new reports"
dash_as cor GET /
is "$(nav nav-nieuw)" "$(new_sql)" \
    "a coordinator, who sees all teams: every new report"
dash_as aud GET /audit
is "$(nav nav-mijn)" "" "an auditor, who has no work list, has no queues"
# The counts behind "Mijn meldingen" (sql/057, kept by triggers) equal
# a count of report for every handler, status and team.
counts_exact()
{
	is "$(sql "SELECT COUNT(*) FROM (SELECT handler_id, status,
	    COALESCE(team_id, 0) AS team_id, COUNT(*) AS n FROM report
	    WHERE handler_id IS NOT NULL GROUP BY 1, 2, 3) a
	    LEFT JOIN report_handler_count c ON c.handler_id = a.handler_id
	    AND c.status = a.status AND c.team_id = a.team_id
	    WHERE NOT c.n <=> a.n")" 0 "$1: every handler's count is exact"
	is "$(sql "SELECT COUNT(*) FROM report_handler_count c
	    WHERE c.n <> (SELECT COUNT(*) FROM report r
	    WHERE r.handler_id = c.handler_id AND r.status = c.status
	    AND COALESCE(r.team_id, 0) = c.team_id)")" 0 \
	    "$1: and no count stands for reports that are not there"
}
counts_exact "taken"

# --- Sent back to the coordinators ------------------------------------------

new_report hanna
r=$id
is "$(sql "SELECT team_id, status FROM report WHERE id = $r" |
    tr '\t' ' ')" "$noord nieuw" "a new report in hanna's team"
v=$(dash_version "$r")
ev() { sql "SELECT COUNT(*) FROM event WHERE report_id = $r"; }
e=$(ev)
dash_post hanna "/melding/$r" actie=terugsturen "versie=$v" "reden=   "
is "$HTTP_STATUS" 400 "sending back without a reason is refused"
like "$(http_body)" 'Geef een reden op' "with the reason why"
is "$(sql "SELECT team_id FROM report WHERE id = $r")" "$noord" \
    "the report stays in the team"
is "$(ev)" "$e" "and its history is unchanged"
dash_as hanna POST "/melding/$r" --data-urlencode actie=terugsturen \
    --data-urlencode "versie=$v" --data-urlencode "reden=Hoort bij Zuid"
is "$HTTP_STATUS" 403 "without the CSRF token: refused"
is "$(sql "SELECT team_id FROM report WHERE id = $r")" "$noord" \
    "and nothing changed"
before=$(nav_new=; dash_as hanna GET /; nav nav-nieuw)
dash_post hanna "/melding/$r" actie=terugsturen "versie=$v" \
    "reden=Gaat over een pand in Zuid, niet ons gebied"
is "$HTTP_STATUS" 303 "with a reason the handler sends it back"
is "$(http_header Location)" /dashboard/ "and returns to the work list"
is "$(sql "SELECT COALESCE(team_id, 0), COALESCE(handler_id, 0), status
    FROM report WHERE id = $r" | tr '\t' ' ')" "0 0 nieuw" \
    "the report has no team and no handler: the coordinators' queue"
is "$(sql "SELECT actor, detail FROM event WHERE report_id = $r
    AND kind = 'teruggestuurd'" | tr '\t' '|')" \
    "hanna|teruggestuurd naar de coördinatoren; reden: Gaat over een pand in Zuid, niet ons gebied" \
    "its history has the reason"
is "$(audit_count terugsturen hanna "$r")" 1 "the audit log has the entry"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $AUDIT_SINCE
    AND detail LIKE '%pand in Zuid%'")" 0 "without the reason's words"
dash_as hanna GET /
is "$(nav nav-nieuw)" $((before - 1)) "it left the team's count"
counts_exact "sent back"
# Moved to another team and back by SQL (the triggers, whoever writes):
# while away hanna's navigation does not count it.
taken=$(sql "SELECT MAX(id) FROM report WHERE handler_id = $hanna
    AND status = 'in behandeling'")
m=$(mine_sql "$hanna")
sql "UPDATE report SET team_id = $zuid WHERE id = $taken"
counts_exact "moved to Zuid"
dash_as hanna GET /
is "$(nav nav-mijn)" $((m - 1)) "her count without the report now in Zuid"
sql "UPDATE report SET team_id = $noord WHERE id = $taken"
dash_as hanna GET /
is "$(nav nav-mijn)" "$m" "and with it again back in Noord"
counts_exact "moved back"
dash_as hanna GET "/melding/$r"
is "$HTTP_STATUS" 404 "and the handler no longer sees it"
dash_as cor GET "/melding/$r"
like "$(http_body)" 'teruggestuurd' "the coordinator sees it, with the reason"

# --- Cover ------------------------------------------------------------------

today=$(TZ=Europe/Amsterdam date +%F)
tomorrow=$(TZ=Europe/Amsterdam date -d tomorrow +%F)
yesterday=$(TZ=Europe/Amsterdam date -d yesterday +%F)
covers() { sql "SELECT COUNT(*) FROM cover"; }
z=$(dash_report Zuid)
dash_as hanna GET "/melding/$z"
is "$HTTP_STATUS" 404 "without cover hanna does not see Zuid's reports"
dash_as hanna GET /vervanging
is "$HTTP_STATUS" 403 "a handler cannot open the cover page"
dash_post hanna /vervanging actie=vervanging-nieuw "behandelaar=$hanna" \
    "collega=$henk" "van=$today" "tot=$today"
is "$HTTP_STATUS" 403 "nor give herself cover"
dash_as cor GET /vervanging
is "$HTTP_STATUS" 200 "the coordinator opens the cover page"
like "$(http_body)" 'Hanna Handel' "it offers the handlers"

# Bad input: refused at its field, nothing stored.
n=$(covers)
# refused FIELD-ID MESSAGE DESCRIPTION field=value...
refused()
{
	local id=$1 msg=$2 what=$3
	shift 3
	dash_post cor /vervanging actie=vervanging-nieuw "$@"
	is "$HTTP_STATUS" 400 "$what is refused"
	like "$(http_body)" "id=\"$id-error\"><span class=\"visually-hidden\">Fout: </span>$msg" \
	    "with a Dutch error at its field"
	like "$(http_body)" "id=\"$id\" [^>]*aria-invalid=\"true\"" \
	    "the field is marked invalid"
}
refused v-tot 'De laatste dag ligt voor de eerste dag' "an end before the start" \
    "behandelaar=$hanna" "collega=$henk" "van=$tomorrow" "tot=$today"
refused v-behandelaar 'Die behandelaar bestaat niet' "an unknown handler" \
    behandelaar=999999 "collega=$henk" "van=$today" "tot=$today"
refused v-collega 'Die collega bestaat niet' "an unknown colleague" \
    "behandelaar=$hanna" collega=999999 "van=$today" "tot=$today"
refused v-collega 'Iemand kan zichzelf niet' "covering oneself" \
    "behandelaar=$hanna" "collega=$hanna" "van=$today" "tot=$today"
refused v-van 'Vul de eerste dag in als dd-mm-jjjj of jjjj-mm-dd' \
    "a date in another format" \
    "behandelaar=$hanna" "collega=$henk" "van=$(date +%d/%m/%Y)" \
    "tot=$today"
refused v-tot 'Vul de laatste dag in' "a date that does not exist" \
    "behandelaar=$hanna" "collega=$henk" "van=$today" "tot=2026-02-30"
like "$(http_body)" "value=\"2026-02-30\"" "what was typed is kept"
is "$(covers)" "$n" "none of them stored a cover"
dash_as cor POST /vervanging --data-urlencode actie=vervanging-nieuw \
    --data-urlencode "behandelaar=$hanna" --data-urlencode "collega=$henk" \
    --data-urlencode "van=$today" --data-urlencode "tot=$today"
is "$HTTP_STATUS" 403 "without the CSRF token: refused"
is "$(covers)" "$n" "and not stored"

# A cover of today, its first day as people write it (dd-mm-jjjj, as
# the report forms take it too), stored as a date.
dash_post cor /vervanging actie=vervanging-nieuw "behandelaar=$hanna" \
    "collega=$henk" "van=$(TZ=Europe/Amsterdam date +%d-%m-%Y)" \
    "tot=$today"
is "$HTTP_STATUS" 303 "the coordinator gives hanna cover of henk for today"
c=$(sql "SELECT MAX(id) FROM cover")
is "$(sql "SELECT user_id, colleague_id, starts_on, ends_on, created_by
    FROM cover WHERE id = $c" | tr '\t' ' ')" \
    "$hanna $henk $today $today cor" "it is stored"
is "$(audit_count vervanging-nieuw cor "$c")" 1 "and audited"
dash_as hanna GET "/melding/$z"
is "$HTTP_STATUS" 200 "while it runs, hanna sees a report of henk's team"
dash_as hanna GET "/?team=$zuid"
like "$(http_body)" "/dashboard/melding/$z\"" \
    "and finds it in her work list"
dash_as hanna GET /
is "$(nav nav-nieuw)" "$(sql "SELECT COUNT(*) FROM report WHERE
    status = 'nieuw' AND team_id IN ($noord, $zuid)")" \
    "her 'Nieuw' count includes the colleague's team"
dash_as hugo GET "/melding/$z"
is "$HTTP_STATUS" 404 "another handler of her team does not"
dash_as henk GET "/melding/$(dash_report Noord)"
is "$HTTP_STATUS" 404 "nor does the colleague see hers"

# It ends by itself after its last day: move it into the past.
sql "UPDATE cover SET starts_on = starts_on - INTERVAL 3 DAY,
    ends_on = ends_on - INTERVAL 1 DAY, starts_at = starts_at -
    INTERVAL 3 DAY, ends_at = ends_at - INTERVAL 1 DAY WHERE id = $c"
dash_as hanna GET "/melding/$z"
is "$HTTP_STATUS" 404 "after its last day hanna no longer sees it"
dash_as hanna GET "/?team=$zuid"
unlike "$(http_body)" "/dashboard/melding/$z\"" "nor in her work list"
dash_as cor GET /vervanging
like "$(http_body)" '<td>voorbij</td>' "the page shows it as over"

# One to come does not count yet.
dash_post cor /vervanging actie=vervanging-nieuw "behandelaar=$hanna" \
    "collega=$henk" "van=$tomorrow" "tot=$tomorrow"
dash_as hanna GET "/melding/$z"
is "$HTTP_STATUS" 404 "a cover from tomorrow gives nothing today"

# Ended early by a coordinator.
dash_post cor /vervanging actie=vervanging-nieuw "behandelaar=$hanna" \
    "collega=$henk" "van=$yesterday" "tot=$tomorrow"
c=$(sql "SELECT MAX(id) FROM cover")
dash_as hanna GET "/melding/$z"
is "$HTTP_STATUS" 200 "a cover from yesterday to tomorrow runs"
dash_post cor /vervanging actie=vervanging-einde "id=$c"
is "$HTTP_STATUS" 303 "the coordinator ends it early"
is "$(sql "SELECT ended_by FROM cover WHERE id = $c")" cor "it is ended"
is "$(audit_count vervanging-einde cor "$c")" 1 "and audited"
dash_as hanna GET "/melding/$z"
is "$HTTP_STATUS" 404 "and hanna no longer sees henk's reports"
dash_post cor /vervanging actie=vervanging-einde "id=$c"
is "$HTTP_STATUS" 404 "ending it again: not found"
# The other covers are over or to come; end the one to come as well.
sql "UPDATE cover SET ended_at = UTC_TIMESTAMP(), ended_by = 'test'
    WHERE ended_at IS NULL"
