# test-45-feedback-mail.sh -- the conversation queues mail in its own
# transactions (lib/message.c -> lib/outbox.c): a handler's message and
# an automatic text notify a reporter who left an e-mail address, the
# reporter's answer notifies the handler, a refused change and a
# refused reply queue nothing, an anonymous reporter is never mailed,
# and notes send nothing.

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures
mp_ctl user set-email hanna hanna@voorbeeld.nl >/dev/null

outbox()
{
	sql "SELECT COUNT(*) FROM mail_outbox WHERE report_id = $RID
	    AND kind = '$1'"
}

# A reporter who left an address.
fb_report report-anonymous=nee "report-contact-name=Mia Mail" \
    report-contact-email=mia@voorbeeld.nl
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $RID"
is "$(outbox reporter)" 0 "storing the report queues nothing"
dash_post hanna "/melding/$RID" actie=oppakken "versie=$(dash_version "$RID")"
is "$(outbox reporter)" 1 "the automatic 'in behandeling' text notifies"
dash_post hanna "/melding/$RID" actie=notitie "tekst=Intern: bekende locatie"
is "$(outbox reporter)" 1 "a note does not"
dash_post hanna "/melding/$RID" actie=bericht "tekst=Wanneer was dit?"
is "$(outbox reporter)" 2 "a handler's message notifies the reporter"
v=$(dash_version "$RID")
dash_post hanna "/melding/$RID" actie=status "naar=wacht op melder" \
    "versie=$((v - 1))" "bericht=Graag antwoord."
is "$HTTP_STATUS" 409 "a refused status change"
is "$(outbox reporter)" 2 "queues no mail"
is "$(sql "SELECT COUNT(*) FROM message WHERE report_id = $RID")" 2 \
    "and no message"

http_reset_cookies
fb_signin "$REF" "$CODE"
fb_reply ""
is "$HTTP_STATUS" 400 "a refused reply"
is "$(outbox handler)" 0 "queues no mail"
fb_reply "Gisteravond rond tien uur."
is "$HTTP_STATUS" 303 "the reporter answers"
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE report_id = $RID
    AND kind = 'handler' AND user_id = (SELECT id FROM app_user
    WHERE username = 'hanna')")" 1 "the answer notifies the report's handler"
is "$(outbox reporter)" 2 "and not the reporter"

# An anonymous reporter: the same conversation, no mail to them.
fb_report
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $RID"
dash_post hanna "/melding/$RID" actie=oppakken "versie=$(dash_version "$RID")"
dash_post hanna "/melding/$RID" actie=bericht "tekst=Wanneer was dit?"
is "$(sql "SELECT COUNT(*) FROM message WHERE report_id = $RID")" 2 \
    "an anonymous reporter gets the messages"
is "$(outbox reporter)" 0 "but no mail: nobody knows where to"
