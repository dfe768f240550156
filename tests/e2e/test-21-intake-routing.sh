# test-21-intake-routing.sh -- routing rules (issue 16): a new report
# goes to the team of the most specific rule that fits its signal type
# and audience, whatever the channel (the web form, a handler's phone
# report, the spool drained later), with a history row naming the rule,
# in the report's own transaction; a report no rule fits goes to no
# team (the coordinators' queue).  The rules are kept on the admin page
# (CSRF, audited, refusals that store nothing) and by meldpuntctl
# routing.  Every rule made here is removed at the end: the later tests
# expect none.

. "$top_srcdir/tests/e2e/intake.sh"
. "$top_srcdir/tests/e2e/dash.sh"
intake_catalog

AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
for t in Route-A Route-B Route-C; do
	mp_ctl team add "$t" >/dev/null 2>&1
done
mp_ctl user add rtadmin admin "Ria Routering" >/dev/null 2>&1
mp_ctl user add rtrob handler "Rob Route" --team Route-C >/dev/null 2>&1
team() { sql "SELECT id FROM team WHERE name = '$1'"; }
ta=$(team Route-A)
tb=$(team Route-B)
tc=$(team Route-C)
rules() { sql "SELECT COUNT(*) FROM routing_rule"; }
is "$(rules)" 0 "no routing rules to begin with"

# --- meldpuntctl routing ----------------------------------------------------

out=$(mp_ctl routing add drugs bewoners Route-A 2>&1)
like "$out" '^rule [0-9]+ added$' "meldpuntctl routing add: a rule"
r1=$(sql "SELECT id FROM routing_rule WHERE team_id = $ta")
out=$(mp_ctl routing add drugs '*' Route-B 2>&1)
like "$out" '^rule [0-9]+ added$' "a rule for a signal type, any audience"
r2=$(sql "SELECT id FROM routing_rule WHERE team_id = $tb")
is "$(audit_count routering-nieuw meldpuntctl)" 2 \
    "each rule the command adds is audited"
out=$(mp_ctl routing add drugs bewoners Route-C 2>&1)
is "$?" 1 "a second rule for the same pair is refused"
like "$out" 'has a rule already' "with the reason"
out=$(mp_ctl routing add geen-soort '*' Route-C 2>&1)
like "$out" 'no signal type geen-soort' "an unknown signal type is refused"
out=$(mp_ctl routing add '*' '*' Geen-Team 2>&1)
like "$out" 'no active team Geen-Team' "an unknown team is refused"
out=$(mp_ctl routing remove 999999 2>&1)
like "$out" 'no rule 999999' "removing an unknown rule is refused"
is "$(rules)" 2 "the refusals stored nothing"
is "$(audit_count routering-nieuw meldpuntctl)" 2 "and audited nothing"
out=$(mp_ctl routing list)
like "$out" "$r1 +Drugs.* +Bewoners +-> Route-A" "routing list shows a rule"
like "$out" "$r2 +Drugs.* +\\* +-> Route-B" "and 'any' as *"

# --- The admin page ---------------------------------------------------------

dash_as rtadmin GET /routering
is "$HTTP_STATUS" 200 "the admin opens the routing page"
like "$(http_body)" 'Route-A' "it lists the rules"
like "$(http_body)" 'elke doelgroep' "with 'any' in words"
ond=$(sql "SELECT id FROM audience WHERE slug = 'ondernemers'")
n=$(rules)
dash_as rtadmin POST /routering --data-urlencode actie=regel-nieuw \
    --data-urlencode soort=0 --data-urlencode "doelgroep=$ond" \
    --data-urlencode "team=$tc"
is "$HTTP_STATUS" 403 "a POST without the CSRF token is refused"
is "$(rules)" "$n" "and stores no rule"
dash_post rtrob /routering actie=regel-nieuw soort=0 "doelgroep=$ond" \
    "team=$tc"
is "$HTTP_STATUS" 403 "a handler may not change the rules"
dash_as rtrob GET /routering
is "$HTTP_STATUS" 403 "nor open the page"
dash_post rtadmin /routering actie=regel-nieuw soort=0 "doelgroep=$ond"
is "$HTTP_STATUS" 400 "a rule without a team is refused"
like "$(http_body)" 'id="r-team-error"' "with the error at the team field"
like "$(http_body)" 'Kies het team' "in Dutch"
dash_post rtadmin /routering actie=regel-nieuw soort=0 doelgroep=999999 \
    "team=$tc"
is "$HTTP_STATUS" 400 "a rule for an unknown audience is refused"
is "$(rules)" "$n" "the refusals stored nothing"
dash_post rtadmin /routering actie=regel-nieuw soort=0 "doelgroep=$ond" \
    "team=$tc"
is "$HTTP_STATUS" 303 "the admin adds a rule for an audience, any type"
r3=$(sql "SELECT id FROM routing_rule WHERE team_id = $tc")
is "$(sql "SELECT signal_type_id, audience_id FROM routing_rule
    WHERE id = '$r3'" | tr '\t' ' ')" "0 $ond" "stored with 0 for any"
is "$(audit_count routering-nieuw rtadmin "$r3")" 1 "and audited"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $AUDIT_SINCE
    AND object_type = 'routering' AND username = 'rtadmin'")" 1 \
    "once: the refusals left no entry"
dash_post rtadmin /routering actie=regel-nieuw soort=0 "doelgroep=$ond" \
    "team=$ta"
is "$HTTP_STATUS" 400 "the same pair twice is refused on the page too"
like "$(http_body)" 'bestaat al een regel' "with the reason"

# --- The web form -----------------------------------------------------------

# web TYPE [PATH]: send a report of TYPE on the form at PATH; ref set.
web()
{
	report_fields "${2:-/melden/}"
	set_field report-signal-type "$1"
	set_field report-description "Routeringsproef $1 $RANDOM"
	post_report "${2:-/melden/}"
	ref=$(receipt_ref)
}
teamof() { sql "SELECT COALESCE(team_id, 0) FROM report WHERE $1"; }
routed() {
	sql "SELECT COUNT(*), COALESCE(MAX(detail), '') FROM event
	    WHERE report_id = ($1) AND kind = 'toegewezen'
	    AND actor = 'systeem'" | tr '\t' '|'
}

web drugs
is "$HTTP_STATUS" 200 "a resident's drugs report is received"
is "$(teamof "reference = '$ref'")" "$ta" \
    "it goes to the team of the most specific rule (type and audience)"
is "$(routed "SELECT id FROM report WHERE reference = '$ref'")" \
    "1|automatisch toegewezen aan team Route-A volgens regel $r1 (signaalsoort en doelgroep)" \
    "the history names the team and the rule"
web drugs /melden/ondernemers
is "$(teamof "reference = '$ref'")" "$tb" \
    "an entrepreneur's drugs report: the signal type's rule beats the audience's"
like "$(routed "SELECT id FROM report WHERE reference = '$ref'")" \
    "^1\\|.*Route-B volgens regel $r2 " "its history says so"
web witwassen /melden/ondernemers
is "$(teamof "reference = '$ref'")" "$tc" \
    "another type from entrepreneurs: the audience's rule"
web woonfraude
is "$(teamof "reference = '$ref'")" 0 \
    "a report no rule fits goes to no team: the coordinators' queue"
is "$(routed "SELECT id FROM report WHERE reference = '$ref'")" "0|" \
    "with no routing row in its history"

# --- A report entered by a handler ------------------------------------------

yesterday=$(date -d yesterday +%F)
lastweek=$(date -d '7 days ago' +%F)
# staff TYPE: rtrob enters a phone report of TYPE from a resident.
staff()
{
	local tok csrf
	dash_as rtrob GET /nieuw
	tok=$(form_value form-token)
	csrf=$(form_value csrf)
	dash_as rtrob POST /nieuw --data-urlencode "csrf=$csrf" \
	    --data-urlencode "form-token=$tok" \
	    --data-urlencode report-channel=telefoon \
	    --data-urlencode "report-received-date=$yesterday" \
	    --data-urlencode report-audience=bewoners \
	    --data-urlencode "report-signal-type=$1" \
	    --data-urlencode "report-description=Telefonische routeringsproef $RANDOM" \
	    --data-urlencode "report-observed-date=$lastweek" \
	    --data-urlencode report-city=Utrecht
	id=$(dash_new_id)
}
staff drugs
is "$HTTP_STATUS" 200 "a handler enters a phone report"
is "$(teamof "id = '$id'")" "$ta" \
    "the rule routes it too, over the handler's own team"
like "$(routed "$id")" "^1\\|.*Route-A volgens regel $r1 " \
    "with the routing row"
staff woonfraude
is "$(teamof "id = '$id'")" "$tc" \
    "no rule fits: the handler's only team, as before"
is "$(routed "$id")" "0|" "and no routing row"

# --- The spool, drained later -----------------------------------------------

rm -f "$E2E_SPOOL"/*.rpt
report_fields
set_field report-description "Routering via de spool $RANDOM"
stop_mariadb_only
post_report /melden/
is "$HTTP_STATUS" 200 "a report sent while MariaDB is down gets a receipt"
ref=$(receipt_ref)
start_mariadb_only
out=$(mp_ctl drain-spool 2>&1)
is "$out" "stored 1, failed 0" "meldpuntctl drain-spool stores it"
is "$(teamof "reference = '$ref'")" "$ta" "routed by the rule when stored"
like "$(routed "SELECT id FROM report WHERE reference = '$ref'")" \
    "^1\\|.*Route-A volgens regel $r1 " "with the routing row"

# --- Any type, any audience; a switched-off team is passed over -------------

mp_ctl routing add '*' '*' Route-B >/dev/null
r4=$(sql "SELECT id FROM routing_rule WHERE signal_type_id = 0
    AND audience_id = 0")
web woonfraude
is "$(teamof "reference = '$ref'")" "$tb" \
    "with a rule for any report, nothing is left unrouted"
like "$(routed "SELECT id FROM report WHERE reference = '$ref'")" \
    "^1\\|.*volgens regel $r4 \\(elke melding\\)" "its row names that rule"
sql "UPDATE team SET active = 0 WHERE id = $ta"
web drugs
is "$(teamof "reference = '$ref'")" "$tb" \
    "a rule whose team is switched off is passed over for the next"
sql "UPDATE team SET active = 1 WHERE id = $ta"

# --- Removing, on the page and by the command -------------------------------

dash_post rtadmin /routering actie=regel-weg "id=$r3"
is "$HTTP_STATUS" 303 "the admin removes a rule"
is "$(sql "SELECT COUNT(*) FROM routing_rule WHERE id = $r3")" 0 \
    "it is gone"
is "$(audit_count routering-weg rtadmin "$r3")" 1 "and that is audited"
dash_post rtadmin /routering actie=regel-weg "id=$r3"
is "$HTTP_STATUS" 404 "removing it again: not found"
for r in $r1 $r2 $r4; do
	mp_ctl routing remove "$r" >/dev/null
done
is "$(audit_count routering-weg meldpuntctl)" 3 \
    "each removal by the command is audited"
is "$(rules)" 0 "no rule is left for the later tests"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $AUDIT_SINCE
    AND object_type = 'routering' AND (detail LIKE '%Routeringsproef%'
    OR detail LIKE '%spool%')")" 0 "no report content in the audit log"
