# test-50-mail-queue.sh -- queueing notifications: a reporter who left
# an e-mail address gets a row in mail_outbox that holds no address and
# no text; an anonymous reporter, a report without a handler, a handler
# without an address or a disabled one get nothing; handlers' addresses
# are set with meldpuntctl user set-email, which refuses bad ones.

. "$top_srcdir/tests/e2e/mail.sh"
mail_setup

addr="melder.vijftig@voorbeeld.nl"
ref=$(mail_report "$addr")
like "$ref" '^M-[0-9]{4}-[0-9]{6}$' "a report with an e-mail address is stored"
id=$(report_id "$ref")
is "$(sql "SELECT email_enc IS NOT NULL FROM reporter_contact
    WHERE report_id = $id")" 1 "its address is sealed in reporter_contact"

out=$(mp_ctl mail queue reporter "$ref" 2>&1)
is "$?" 0 "mail queue reporter succeeds"
is "$(sql "SELECT kind, status, tries, user_id IS NULL FROM mail_outbox
    WHERE report_id = $id")" "$(printf 'reporter\tpending\t0\t1')" \
    "one pending reporter notification is queued"
# The row holds no address: not in any column, in any form we can read.
row=$(sql "SELECT * FROM mail_outbox WHERE report_id = $id")
unlike "$row" 'voorbeeld\.nl|vijftig|Jan' "the outbox row holds no address"
is "$(sql "SELECT COUNT(*) FROM information_schema.columns
    WHERE table_schema = 'meldpunt' AND table_name = 'mail_outbox'
    AND column_name LIKE '%mail%' OR (table_name = 'mail_outbox'
    AND column_name IN ('recipient', 'address', 'subject', 'body'))")" 0 \
    "mail_outbox has no column for an address or a text"

anon=$(mail_report "")
aid=$(report_id "$anon")
mp_ctl mail queue reporter "$anon" >/dev/null 2>&1
is "$?" 0 "queueing for an anonymous report succeeds"
is "$(outbox_rows "$aid")" 0 "but queues nothing"

# A report whose reporter gave a phone number only.
report_fields /melden/
set_field report-anonymous nee
set_field report-contact-name "Piet Telefoon"
set_field report-contact-phone "06 12345678"
post_report /melden/ >/dev/null
pref=$(receipt_ref)
pid=$(report_id "$pref")
like "$pref" '^M-' "a report with a phone number only is stored"
mp_ctl mail queue reporter "$pref" >/dev/null 2>&1
is "$(outbox_rows "$pid")" 0 "a reporter without an e-mail address gets nothing"

mp_ctl mail queue reporter M-1999-999999 >/dev/null 2>&1
is "$?" 1 "an unknown reference is refused"
mp_ctl mail queue reporter "x'; DROP TABLE report; --" >/dev/null 2>&1
is "$?" 2 "a malformed reference is refused"
mp_ctl mail queue someone "$ref" >/dev/null 2>&1
is "$?" 2 "an unknown recipient kind is refused"

# Handlers.
mp_ctl team add "Team Post" >/dev/null 2>&1
mp_ctl user add post.handler handler "Post Handelaar" --team "Team Post" \
    >/dev/null 2>&1
mp_ctl user add post.oud handler "Oud Handelaar" >/dev/null 2>&1

mp_ctl mail queue handler "$ref" >/dev/null 2>&1
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE report_id = $id
    AND kind = 'handler'")" 0 "a report without a handler queues nothing"
sql "UPDATE report SET handler_id = (SELECT id FROM app_user
    WHERE username = 'post.handler') WHERE id = $id"
mp_ctl mail queue handler "$ref" >/dev/null 2>&1
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE report_id = $id
    AND kind = 'handler'")" 0 "a handler without an address gets nothing"

for bad in 'geen-adres' 'a@b' 'post@voorbeeld.nl
Bcc: x@voorbeeld.nl' 'twee@voorbeeld.nl, drie@voorbeeld.nl' 'a b@voorbeeld.nl'
do
	mp_ctl user set-email post.handler "$bad" >/dev/null 2>&1
	is "$?" 2 "set-email refuses $(printf '%s' "$bad" | tr '\n' '|')"
done
is "$(sql "SELECT email IS NULL FROM app_user
    WHERE username = 'post.handler'")" 1 "nothing is stored for bad addresses"
mp_ctl user set-email nobody.here post@voorbeeld.nl >/dev/null 2>&1
is "$?" 1 "set-email for an unknown user fails"

out=$(mp_ctl user set-email post.handler post.handler@voorbeeld.nl 2>&1)
is "$?" 0 "set-email stores a valid address"
is "$(sql "SELECT email FROM app_user WHERE username = 'post.handler'")" \
    post.handler@voorbeeld.nl "the address is in app_user"
mp_ctl mail queue handler "$ref" >/dev/null 2>&1
is "$(sql "SELECT kind, user_id = (SELECT id FROM app_user
    WHERE username = 'post.handler') FROM mail_outbox
    WHERE report_id = $id AND kind = 'handler'")" "$(printf 'handler\t1')" \
    "the handler's notification is queued with the handler's id"

mp_ctl user set-email post.oud oud@voorbeeld.nl >/dev/null 2>&1
mp_ctl user disable post.oud >/dev/null 2>&1
sql "UPDATE report SET handler_id = (SELECT id FROM app_user
    WHERE username = 'post.oud') WHERE id = $pid"
mp_ctl mail queue handler "$pref" >/dev/null 2>&1
is "$(outbox_rows "$pid")" 0 "a disabled handler gets nothing"

mp_ctl user set-email post.oud "" >/dev/null 2>&1
is "$(sql "SELECT email IS NULL FROM app_user WHERE username = 'post.oud'")" \
    1 "set-email with an empty address removes it"

# Leave the outbox empty for the next tests.
sql "DELETE FROM mail_outbox"
conf_reset
