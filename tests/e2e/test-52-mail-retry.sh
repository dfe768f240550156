# test-52-mail-retry.sh -- a failing sendmail (exit 1) is retried after
# mail.retry_delay seconds, doubling, and given up after mail.max_tries
# tries, with the reason recorded and logged and no address anywhere;
# a missing command is a failure too; an incomplete configuration
# claims nothing.

. "$top_srcdir/tests/e2e/mail.sh"
mail_setup

addr="melder.tweeenvijftig@voorbeeld.nl"
ref=$(mail_report "$addr")
id=$(report_id "$ref")
mp_ctl mail queue reporter "$ref" >/dev/null 2>&1
row()
{
	sql "SELECT $1 FROM mail_outbox WHERE report_id = $id"
}
# Seconds from now until the next try.
wait_s()
{
	row "TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(), next_try_at)"
}
due_now()
{
	sql "UPDATE mail_outbox SET next_try_at = UTC_TIMESTAMP()
	    WHERE report_id = $id"
}

echo 1 >"$MAIL_DIR/exit"
mail_send
is "$MAIL_RC" 0 "a deferred mail is not an error of the run"
is "$MAIL_OUT" "sent 0, merged 0, deferred 1, given up 0" "the failed mail is deferred"
is "$(row "status, tries")" "$(printf 'pending\t1')" \
    "the row stays pending with one try"
like "$(row last_error)" 'fake-sendmail exited with status 1' \
    "the reason is recorded"
w=$(wait_s)
ok "[ $w -ge 55 ] && [ $w -le 60 ]" "the next try is retry_delay (60 s) away ($w)"
like "$(cat "$E2E_LOG")" "mail [0-9]+ \\(report $id, reporter\\) failed \\(try 1 of 3\\), next try in 60 s: .*exited with status 1" \
    "the failure is logged with the reason"

mail_send
is "$MAIL_OUT" "sent 0, merged 0, deferred 0, given up 0" "a deferred mail waits for its time"
is "$(row tries)" 1 "and is not tried early"

due_now
mail_send
is "$(row "status, tries")" "$(printf 'pending\t2')" "the second failure defers again"
w=$(wait_s)
ok "[ $w -ge 115 ] && [ $w -le 120 ]" "the delay doubles (120 s: $w)"

due_now
mail_send
is "$MAIL_RC" 1 "a run that gives a mail up exits 1"
is "$MAIL_OUT" "sent 0, merged 0, deferred 0, given up 1" "the third failure gives up (max_tries 3)"
is "$(row "status, tries")" "$(printf 'failed\t3')" "the row is marked failed"
like "$(cat "$E2E_LOG")" "mail [0-9]+ \\(report $id, reporter\\) given up after 3 tries: .*exited with status 1" \
    "giving up is logged with the reason"

due_now
rm -f "$MAIL_DIR/exit"
mail_send
is "$MAIL_OUT" "sent 0, merged 0, deferred 0, given up 0" "a given-up mail is never sent"
is "$(mail_count)" 3 "sendmail was run once per try"

# The address of a reporter may appear nowhere but in the mail itself.
unlike "$(cat "$E2E_LOG")" "$addr|tweeenvijftig" "the log never holds the address"
unlike "$(sql "SELECT * FROM mail_outbox")" "voorbeeld\\.nl" \
    "the outbox never holds the address"

# A missing sendmail command is a failure that is retried.
sql "DELETE FROM mail_outbox"
mp_ctl mail queue reporter "$ref" >/dev/null 2>&1
conf_set mail.sendmail "/nonexistent/sendmail -t -i"
mail_send
is "$MAIL_OUT" "sent 0, merged 0, deferred 1, given up 0" "a missing command defers the mail"
like "$(row last_error)" 'cannot run /nonexistent/sendmail: No such file' \
    "and says why"

# A relative command (would be looked up in PATH) is refused.
due_now
conf_set mail.sendmail "sendmail -t -i"
mail_send
like "$(row last_error)" 'absolute path' "a relative command is refused"

# An incomplete configuration claims and changes nothing.
due_now
before=$(row "tries, status, last_error")
conf_set mail.from ""
mail_send
is "$MAIL_RC" 1 "mail send without mail.from fails"
like "$MAIL_OUT" 'mail settings are incomplete' "and says so"
is "$(row "tries, status, last_error")" "$before" "the row is untouched"
conf_set mail.from meldpunt@voorbeeld.nl
conf_set mail.feedback_url "javascript:alert(1)"
mail_send
is "$MAIL_RC" 1 "a feedback URL that is not http(s) is refused"
is "$(row "claim_token IS NULL, tries")" "$(printf '1\t2')" \
    "and nothing is claimed"

sql "DELETE FROM mail_outbox"
conf_reset
