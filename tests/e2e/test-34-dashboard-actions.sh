# test-34-dashboard-actions.sh -- each action's effect on the report,
# its history and the audit log; the workflow's transitions; optimistic
# locking when two people act at once.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

r=$(sql "SELECT MIN(r.id) FROM report r JOIN team t ON t.id = r.team_id
    WHERE t.name = 'Noord' AND r.status = 'nieuw'")
if [ -z "$r" ] || [ "$r" = NULL ]; then
	r=$(dash_report Noord)
	sql "UPDATE report SET status = 'nieuw', taken_at = NULL,
	    handler_id = NULL, closed_at = NULL WHERE id = $r"
fi
hanna=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")
events()
{
	sql "SELECT COUNT(*) FROM event WHERE report_id = $r AND kind = '$1'"
}

# Take into handling.
v=$(dash_version "$r")
dash_post hanna "/melding/$r" actie=oppakken "versie=$v"
is "$HTTP_STATUS" 303 "taking a report answers with a redirect"
is "$(sql "SELECT status, handler_id, taken_at IS NOT NULL FROM report
    WHERE id = $r")" "$(printf 'in behandeling\t%s\t1' "$hanna")" \
    "take sets status, handler and the time taken"
is "$(dash_version "$r")" $((v + 1)) "and raises the version"
is "$(events 'in behandeling genomen')" 1 "and writes the history"
is "$(audit_count oppakken hanna "$r")" 1 "and the audit log"

# Optimistic locking: a second handler with the old version.
dash_post cor "/melding/$r" actie=oppakken "versie=$v"
is "$HTTP_STATUS" 409 "acting on a stale version is a conflict"
like "$(http_body)" 'Iemand anders heeft deze melding gewijzigd' \
    "with a clear message"
is "$(sql "SELECT handler_id FROM report WHERE id = $r")" "$hanna" \
    "and the first change stands"

# Status: not allowed, closing without and with a reason, reopening.
v=$(dash_version "$r")
dash_post hanna "/melding/$r" actie=status naar=nieuw "versie=$v"
is "$HTTP_STATUS" 400 "a transition the workflow lacks is refused"
dash_post hanna "/melding/$r" actie=status naar=afgerond "versie=$v"
is "$HTTP_STATUS" 400 "closing without a reason is refused"
like "$(http_body)" 'reden' "and asks for a reason"
is "$(sql "SELECT status FROM report WHERE id = $r")" 'in behandeling' \
    "the refused changes left the status"
is "$(dash_version "$r")" "$v" "and the version"
# The reason from dashboard.close_reasons, the words beside it (issue 16).
dash_post hanna "/melding/$r" actie=status naar=afgerond reden=ongegrond \
    "toelichting=Geen aanwijzingen gevonden" "versie=$v"
is "$HTTP_STATUS" 303 "closing with a reason works"
is "$(sql "SELECT status, closed_reason, closed_at IS NOT NULL FROM report
    WHERE id = $r")" "$(printf 'afgerond\tongegrond\t1')" \
    "closing sets status, reason and time"
like "$(sql "SELECT detail FROM event WHERE report_id = $r AND kind =
    'status' ORDER BY id DESC LIMIT 1")" 'in behandeling -> afgerond' \
    "the history has the transition"
v=$(dash_version "$r")
dash_post hanna "/melding/$r" actie=status "naar=in behandeling" "versie=$v"
is "$HTTP_STATUS" 303 "a closed report can be reopened"
is "$(sql "SELECT status, closed_at IS NULL, closed_reason IS NULL FROM
    report WHERE id = $r")" "$(printf 'in behandeling\t1\t1')" \
    "reopening clears the closing"
v=$(dash_version "$r")
dash_post hanna "/melding/$r" actie=status "naar=doorgezet naar partner" \
    "versie=$v"
is "$(sql "SELECT status FROM report WHERE id = $r")" \
    'doorgezet naar partner' "a report can go to a partner"
is "$(audit_count status hanna "$r")" 3 "each status change is audited"

# A note.
dash_post hanna "/melding/$r" actie=notitie "tekst=Buurman gebeld."
is "$HTTP_STATUS" 303 "a note is added"
is "$(sql "SELECT detail FROM event WHERE report_id = $r AND kind =
    'notitie' ORDER BY id DESC LIMIT 1")" 'Buurman gebeld.' \
    "the note is in the history"
dash_post hanna "/melding/$r" actie=notitie "tekst=   "
is "$HTTP_STATUS" 400 "an empty note is refused"

# Editing a field keeps the old value.
sql "UPDATE report SET street = 'Oude Straat' WHERE id = $r"
v=$(dash_version "$r")
dash_post hanna "/melding/$r" actie=wijzigen veld=straat \
    "waarde=Nieuwe Straat" "versie=$v"
is "$HTTP_STATUS" 303 "a field can be corrected"
is "$(sql "SELECT street FROM report WHERE id = $r")" 'Nieuwe Straat' \
    "the new value is stored"
like "$(sql "SELECT detail FROM event WHERE report_id = $r AND kind =
    'gewijzigd' ORDER BY id DESC LIMIT 1")" "was: Oude Straat; nu: Nieuwe Straat" \
    "the history keeps the old value"
v=$(dash_version "$r")
dash_post hanna "/melding/$r" actie=wijzigen veld=postcode \
    "waarde=nonsense" "versie=$v"
is "$HTTP_STATUS" 400 "a wrong postcode is refused"
dash_post hanna "/melding/$r" actie=wijzigen veld=status \
    "waarde=afgerond" "versie=$v"
is "$HTTP_STATUS" 400 "a field that cannot be edited is refused"

# Assignment by the coordinator moves the report to another team.
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
henk=$(sql "SELECT id FROM app_user WHERE username = 'henk'")
v=$(dash_version "$r")
dash_post cor "/melding/$r" actie=toewijzen "team=$zuid" \
    "behandelaar=$henk" "versie=$v"
is "$HTTP_STATUS" 303 "the coordinator assigns"
is "$(sql "SELECT team_id, handler_id FROM report WHERE id = $r")" \
    "$(printf '%s\t%s' "$zuid" "$henk")" "team and handler are set"
is "$(events toegewezen)" 1 "the assignment is in the history"
dash_as hanna GET "/melding/$r"
is "$HTTP_STATUS" 404 "the old team no longer sees it"
dash_as henk GET "/melding/$r"
is "$HTTP_STATUS" 200 "the new team does"
v=$(dash_version "$r")
dash_post cor "/melding/$r" actie=toewijzen "team=999999" "versie=$v"
is "$HTTP_STATUS" 400 "an unknown team is refused"
is "$(dash_version "$r")" "$v" "and changes nothing"

# Audit: the views of the detail were recorded with client address.
like "$(sql "SELECT client_addr FROM audit_log WHERE action = 'bekijken'
    AND username = 'henk' AND object_id = $r LIMIT 1")" '^127\.0\.0\.1$' \
    "a view is audited with the client's address"

# After all these actions the counts the triggers keep in report_count
# (sql/007_dashboard_perf.sql) are those of the reports themselves.
is "$(sql "SELECT team_id, status, SUM(n) FROM report_count GROUP BY
    team_id, status HAVING SUM(n) <> 0 ORDER BY 1, 2")" \
    "$(sql "SELECT COALESCE(team_id, 0), status, COUNT(*) FROM report
    GROUP BY 1, 2 ORDER BY 1, 2")" "report_count matches the reports"
