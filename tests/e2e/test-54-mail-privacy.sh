# test-54-mail-privacy.sh -- what must never be sent: a sealed address
# moved to another report does not open (so a mail goes nowhere rather
# than to the wrong person), an address removed or a handler disabled
# after queueing gives the mail up at once, and an address with a line
# break written straight into the database cannot add a header: the
# mail is refused, not sent.  None of it puts an address in the log.

. "$top_srcdir/tests/e2e/mail.sh"
mail_setup

a1="melder.een@voorbeeld.nl"
a2="melder.twee@voorbeeld.nl"
r1=$(mail_report "$a1")
r2=$(mail_report "$a2")
i1=$(report_id "$r1")
i2=$(report_id "$r2")

state()
{
	sql "SELECT status, tries, last_error FROM mail_outbox
	    WHERE report_id = $1 ORDER BY id DESC LIMIT 1"
}

# Report 2's sealed address copied onto report 1: bound to report 2.
sql "UPDATE reporter_contact SET email_enc = (SELECT e FROM (SELECT email_enc
    AS e FROM reporter_contact WHERE report_id = $i2) x) WHERE report_id = $i1"
mp_ctl mail queue reporter "$r1" >/dev/null 2>&1
mail_send
is "$(mail_count)" 0 "a sealed address moved to another report is not sent to"
is "$(state "$i1")" "$(printf 'failed\t1\tthe sealed address cannot be opened')" \
    "the mail is given up at once, saying why"

# The address removed after the notification was queued.
mp_ctl mail queue reporter "$r2" >/dev/null 2>&1
sql "UPDATE reporter_contact SET email_enc = NULL WHERE report_id = $i2"
mail_send
is "$(mail_count)" 0 "a removed address is not sent to"
is "$(state "$i2")" "$(printf 'failed\t1\tno address')" \
    "the mail is given up at once"

# Handlers: disabled after queueing, and an address with a line break.
mp_ctl user add priv.handler handler "Privé Handelaar" >/dev/null 2>&1
mp_ctl user set-email priv.handler priv@voorbeeld.nl >/dev/null 2>&1
sql "UPDATE report SET handler_id = (SELECT id FROM app_user
    WHERE username = 'priv.handler') WHERE id IN ($i1, $i2)"
mp_ctl mail queue handler "$r1" >/dev/null 2>&1
mp_ctl user disable priv.handler >/dev/null 2>&1
mail_send
is "$(mail_count)" 0 "a handler disabled after queueing is not sent to"
is "$(state "$i1")" "$(printf 'failed\t1\tthe handler is disabled')" \
    "the mail is given up, saying why"
mp_ctl user enable priv.handler >/dev/null 2>&1

sql "UPDATE app_user SET email = 'priv@voorbeeld.nl\r\nBcc: spion@elders.nl'
    WHERE username = 'priv.handler'"
mp_ctl mail queue handler "$r2" >/dev/null 2>&1
mail_send
is "$(mail_count)" 0 "an address with CR LF cannot add a header: nothing is sent"
like "$(state "$i2")" 'failed	1	the address is refused in a header' \
    "the mail is refused for good"
sql "UPDATE app_user SET email = 'priv@voorbeeld.nl' WHERE username = 'priv.handler'"

# A configured text with a control character stops the run before
# anything is claimed (HDF values cannot hold a line break, so a tab
# stands in): a configuration error must not use up the mails.
mp_ctl mail queue handler "$r2" >/dev/null 2>&1
conf_set mail.handler.subject "Reactie	Bcc: spion@elders.nl"
mail_send
is "$MAIL_RC" 1 "a subject with a control character stops mail send"
like "$MAIL_OUT" 'mail settings are incomplete or wrong' "saying so"
is "$(mail_count)" 0 "nothing is sent"
is "$(state "$i2")" "$(printf 'pending\t0\t')" "the mail waits, untouched"
like "$(cat "$E2E_LOG")" 'mail.handler.subject or mail.signature is refused' \
    "the log says which setting"
conf_set mail.handler.subject "Reactie op uw melding"
mail_send
is "$(mail_count)" 1 "with a clean subject it is sent"
unlike "$(cat "$MAIL_DIR"/out/*.eml)" 'spion|Bcc' "and has no added header"

log=$(cat "$E2E_LOG")
unlike "$log" "$a1|$a2|melder\\.een|melder\\.twee|spion" \
    "the log holds no address"

sql "DELETE FROM mail_outbox"
conf_reset
