# test-41-feedback-roundtrip.sh -- an anonymous report's whole
# conversation: the handler asks through the dashboard and sets "wacht
# op melder", the reporter signs in at /melding/, reads and answers,
# the report is back in handling with a history event, the handler
# sees the answer and the unread marker, and the database holds nothing
# that identifies the reporter.

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures

fb_report
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $RID"
is "$(sql "SELECT anonymous, (SELECT COUNT(*) FROM reporter_contact
    WHERE report_id = $RID) FROM report WHERE id = $RID")" "$(printf '1\t0')" \
    "the report is anonymous, with no contact row"

# The handler takes it and asks a question.
dash_post hanna "/melding/$RID" actie=oppakken "versie=$(dash_version "$RID")"
is "$HTTP_STATUS" 303 "the handler takes the report"
question='Welke kleur had het busje? En zag u een kenteken?'
dash_post hanna "/melding/$RID" actie=bericht "tekst=$question"
is "$HTTP_STATUS" 303 "the handler writes to the reporter"
is "$(sql "SELECT direction, kind, author FROM message WHERE report_id = $RID
    AND kind = 'bericht'")" "$(printf 'uit\tbericht\tHanna Handel')" \
    "the message is stored, to the reporter, by the handler"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $RID
    AND kind = 'bericht aan melder'")" 1 "with a history event"
is "$(audit_count bericht hanna "$RID")" 1 "and an audit entry"
dash_post hanna "/melding/$RID" actie=bericht "tekst=   "
is "$HTTP_STATUS" 400 "an empty message is refused"
dash_post hanna "/melding/$RID" actie=status "naar=wacht op melder" \
    "versie=$(dash_version "$RID")"
is "$HTTP_STATUS" 303 "the handler sets 'wacht op melder'"
is "$(sql "SELECT status FROM report WHERE id = $RID")" 'wacht op melder' \
    "the status is 'wacht op melder'"
dash_post henk "/melding/$RID" actie=bericht "tekst=Mag ik dit zien?"
is "$HTTP_STATUS" 404 "a handler of another team cannot write to it"

# The reporter reads and answers.
http_reset_cookies
fb_signin "$REF" "$CODE"
is "$HTTP_STATUS" 303 "the reporter signs in"
fb_get /
like "$(http_body)" 'Welke kleur had het busje' "and reads the question"
like "$(http_body)" 'id="status">Wij hebben u een vraag gesteld' \
    "the status says a question waits"
unlike "$(http_body)" 'Hanna' "the handler's name is not shown"
unlike "$(http_body)" 'oppakken\|notitie\|in behandeling genomen' \
    "nor the history"
fb_reply 'Het busje was wit, kenteken begon met VX.'
is "$HTTP_STATUS" 303 "the reporter's answer is taken"
like "$(http_header Location)" '^/melding/' "and goes back to the report"
fb_get "/?verstuurd=1"
like "$(http_body)" 'Uw bericht is verstuurd' "the reporter is told it was sent"
like "$(http_body)" 'Het busje was wit' "and sees the answer in the thread"
is "$(sql "SELECT direction, kind, author_id IS NULL FROM message
    WHERE report_id = $RID AND kind = 'antwoord'")" \
    "$(printf 'in\tantwoord\t1')" "the answer is stored, from the reporter"
is "$(sql "SELECT status, unread_replies FROM report WHERE id = $RID")" \
    "$(printf 'in behandeling\t1')" \
    "the answer ends 'wacht op melder' and is unread"
like "$(sql "SELECT detail FROM event WHERE report_id = $RID AND
    kind = 'status' ORDER BY id DESC LIMIT 1")" \
    'wacht op melder -> in behandeling' "with a history event"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $RID
    AND kind = 'antwoord melder'")" 1 "and an event for the answer"

# The handler sees the answer and the marker.
dash_as hanna GET /
like "$(http_body)" 'nieuw antwoord [(]1[)]' "the work list marks the unread answer"
dash_as hanna GET "/melding/$RID"
like "$(http_body)" 'Het busje was wit' "the detail shows the answer"
like "$(http_body)" 'van de melder' "from the reporter"
like "$(http_body)" 'id="unread">1 ongelezen' "marked unread"
like "$(http_body)" 'Welke kleur had het busje' "beside the question"
dash_post hanna "/melding/$RID" actie=gelezen
is "$HTTP_STATUS" 303 "the handler marks it read"
is "$(sql "SELECT unread_replies FROM report WHERE id = $RID")" 0 \
    "the marker is gone"
dash_as hanna GET /
unlike "$(http_body)" 'nieuw antwoord' "from the work list too"

# Nothing identifies the reporter.
is "$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id = $RID")" 0 \
    "still no contact row"
dump=$(fb_dump)
unlike "$dump" "$INTAKE_ADDR" "the intake address is nowhere in the database"
unlike "$dump" "$FB_ADDR" "nor the follow-up address"
unlike "$(cat "$E2E_LOG")" "$FB_ADDR" "nor in the programs' log"
