# test-42-feedback-auto.sh -- automatic feedback: the configured text
# per status added to the reporter's thread with the status change (and
# the handler's personal line), each switched off in the configuration,
# and a refused status change writes no message.

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures

noord()
{
	sql "UPDATE report SET team_id = (SELECT id FROM team WHERE
	    name = 'Noord') WHERE id = $RID"
}
auto_count()
{
	sql "SELECT COUNT(*) FROM message WHERE report_id = $RID
	    AND kind = 'automatisch'"
}

# Defaults: received, taken, closed.
fb_report
noord
http_reset_cookies
fb_signin "$REF" "$CODE"
fb_get /
like "$(http_body)" 'Wij hebben uw melding ontvangen' \
    "the 'received' text is the reporter's first message"
is "$(fb_messages)" 0 "it is configuration, not a row"
dash_post hanna "/melding/$RID" actie=oppakken "versie=$(dash_version "$RID")"
is "$(auto_count)" 1 "taking the report adds the 'in behandeling' text"
like "$(sql "SELECT body FROM message WHERE report_id = $RID")" \
    'in behandeling genomen' "with the configured text"
v=$(dash_version "$RID")
dash_post hanna "/melding/$RID" actie=status naar=afgerond "versie=$((v - 1))" \
    "reden=opgelost" "bericht=Dank voor uw hulp."
is "$HTTP_STATUS" 409 "a refused status change (stale version)"
is "$(auto_count)" 1 "writes no message"
dash_post hanna "/melding/$RID" actie=status naar=afgerond "versie=$v" \
    "reden=doorgezet naar partner" "bericht=Dank voor uw hulp, buurtbewoner."
is "$HTTP_STATUS" 303 "closing the report"
is "$(auto_count)" 2 "adds the 'afgerond' text"
body=$(sql "SELECT body FROM message WHERE report_id = $RID ORDER BY id DESC
    LIMIT 1")
like "$body" 'afgerond' "with the configured text"
like "$body" 'Dank voor uw hulp, buurtbewoner' "and the personal line"
unlike "$body" 'Doorgegeven' "but not the internal reason"
fb_get /
like "$(http_body)" 'id="status">Afgerond' "the reporter sees 'Afgerond'"
like "$(http_body)" 'Dank voor uw hulp, buurtbewoner' "and the message"

# A status without a text (doorgezet naar partner) writes nothing,
# unless the handler adds a line.
dash_post hanna "/melding/$RID" actie=status "naar=in behandeling" \
    "versie=$(dash_version "$RID")"
n=$(auto_count)
dash_post hanna "/melding/$RID" actie=status "naar=doorgezet naar partner" \
    "versie=$(dash_version "$RID")"
is "$(auto_count)" "$n" "a status without a text adds no message"
unlike "$(fb_get /; http_body)" 'partner' \
    "and the reporter never sees 'partner'"

# Switched off.
conf_set feedback.auto.nieuw.enabled 0
conf_set feedback.auto.in_behandeling.enabled 0
conf_set feedback.auto.afgerond.enabled 0
restart_program feedback
restart_program dashboard
fb_report
noord
http_reset_cookies
fb_signin "$REF" "$CODE"
fb_get /
unlike "$(http_body)" 'Wij hebben uw melding ontvangen' \
    "switched off: no 'received' message"
like "$(http_body)" 'nog geen berichten' "the thread is empty"
dash_post hanna "/melding/$RID" actie=oppakken "versie=$(dash_version "$RID")"
is "$(auto_count)" 0 "switched off: taking adds no message"
dash_post hanna "/melding/$RID" actie=status naar=afgerond \
    "versie=$(dash_version "$RID")" reden=opgelost
is "$(auto_count)" 0 "switched off: closing adds no message"
dash_post hanna "/melding/$RID" actie=status "naar=in behandeling" \
    "versie=$(dash_version "$RID")" "bericht=We kijken er opnieuw naar."
is "$(sql "SELECT body FROM message WHERE report_id = $RID")" \
    'We kijken er opnieuw naar.' \
    "switched off, a personal line is still sent, alone"

# A changed text.
conf_set feedback.auto.in_behandeling.enabled 1
conf_set feedback.auto.in_behandeling.text 'Wij zijn ermee bezig.'
restart_program dashboard
fb_report
noord
dash_post hanna "/melding/$RID" actie=oppakken "versie=$(dash_version "$RID")"
is "$(sql "SELECT body FROM message WHERE report_id = $RID")" \
    'Wij zijn ermee bezig.' "the configured text is used"
conf_reset
restart_program feedback
restart_program dashboard
