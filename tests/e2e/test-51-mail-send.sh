# test-51-mail-send.sh -- meldpuntctl mail send through a fake sendmail
# command that records its input: the reporter's mail goes to the
# decrypted address, has the right headers, an RFC 2047 subject that
# decodes to the configured UTF-8 text, no content of the report (nor
# its reference) and no sign-in link; the handler's mail names the
# reference; a sent row is not sent again.

. "$top_srcdir/tests/e2e/mail.sh"
mail_setup

addr="Melder.Eenenvijftig@voorbeeld.nl"
ref=$(mail_report "$addr")
id=$(report_id "$ref")
mp_ctl mail queue reporter "$ref" >/dev/null 2>&1
is "$(outbox_rows "$id")" 1 "a reporter notification is queued"

mail_send
is "$MAIL_RC" 0 "mail send succeeds"
like "$MAIL_OUT" 'sent 1, merged 0, deferred 0, given up 0' "mail send reports one sent"
is "$(mail_count)" 1 "the sendmail command received one message"
eml=$(find "$MAIL_DIR/out" -name '*.eml' | head -n 1)
is "$(tr '\n' ' ' <"${eml%.eml}.args")" "-t -i " \
    "sendmail is run with -t -i and no address on its command line"
is "$(sql "SELECT status, tries, sent_at IS NOT NULL, claim_token IS NULL,
    last_error FROM mail_outbox WHERE report_id = $id")" \
    "$(printf 'sent\t1\t1\t1\t')" "the row is marked sent"

# Parse the message as a mail client would.
parse()
{
	python3 - "$eml" "$1" <<'PY'
import sys, email, email.policy, email.utils
raw = open(sys.argv[1], 'rb').read()
m = email.message_from_bytes(raw, policy=email.policy.default)
what = sys.argv[2]
if what == 'subject':
    print(str(m['subject']))
elif what == 'to':
    print(m['to'])
elif what == 'from':
    print(m['from'])
elif what == 'body':
    print(m.get_content())
elif what == 'headers':
    print(m['mime-version'], m.get_content_type(),
        m.get_content_charset(), m['content-transfer-encoding'],
        m['auto-submitted'])
elif what == 'date':
    print(email.utils.parsedate_to_datetime(m['date']).utcoffset())
elif what == 'msgid':
    print(m['message-id'])
elif what == 'defects':
    print(len(m.defects) + sum(len(h.defects) for h in
        [m[k] for k in m.keys()] if hasattr(h, 'defects')))
elif what == 'linelen':
    print(max(len(l) for l in raw.split(b'\n')))
elif what == 'raw-subject':
    for l in raw.split(b'\n\n')[0].decode('ascii').split('\n'):
        print(l)
PY
}

is "$(parse to)" "$addr" "To: is the reporter's decrypted address"
is "$(parse from)" "Meldpunt Gemeente Súdwest <meldpunt@voorbeeld.nl>" \
    "From: is the configured name and address"
is "$(parse subject)" "Nieuws over uw melding – één bericht" \
    "the UTF-8 subject decodes to the configured text"
like "$(parse raw-subject | grep "^Subject:")" '^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=' \
    "the subject is sent as an RFC 2047 encoded-word"
is "$(LC_ALL=C grep -c '[^ -~]' "$eml")" 0 \
    "the message is 7-bit ASCII throughout"
ok "[ $(parse linelen) -le 78 ]" "no line is longer than 78 characters"
is "$(parse headers)" "1.0 text/plain utf-8 quoted-printable auto-generated" \
    "MIME-Version, Content-Type, charset, encoding, Auto-Submitted"
is "$(parse date)" "0:00:00" "Date: is a valid date in UTC"
like "$(parse msgid)" '^<[0-9a-f]{32}@voorbeeld\.nl>$' \
    "Message-ID is random at the sender's domain"
is "$(parse defects)" 0 "python's email parser finds no defects"

body=$(parse body)
like "$body" 'Er is nieuws over uw melding' "the body says there is news"
like "$body" 'https://meldpunt\.voorbeeld\.nl/melding/' \
    "the body names the feedback address"
like "$body" 'geheime code' "the body says to sign in with the code"
unlike "$body" "$MAIL_SECRET_STREET|Kanaaldijk|busjes|vaten|loods" \
    "the body has no content of the report"
unlike "$(cat "$eml")" "$MAIL_SECRET_STREET|Kanaaldijk|busjes|Jan Melder" \
    "the raw message has no content of the report nor the reporter's name"
unlike "$(cat "$eml")" "$ref|${ref#M-}" "the message does not carry the reference"
unlike "$body" '[?&](code|token|session)=' "the link does not sign in"

mail_send
is "$MAIL_OUT" "sent 0, merged 0, deferred 0, given up 0" "a second run sends nothing"
is "$(mail_count)" 1 "nothing is sent twice"

# Several notices about one report to one person make one mail.
mail_clear
for k in 1 2 3; do
	mp_ctl mail queue reporter "$ref" >/dev/null 2>&1
done
mail_send
is "$MAIL_OUT" "sent 1, merged 2, deferred 0, given up 0" \
    "three pending notices to one reporter are merged"
is "$(mail_count)" 1 "into one mail"
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE report_id = $id
    AND status = 'sent' AND last_error = 'merged'")" 2 \
    "the merged rows are marked sent (merged)"

# The handler's notification.
mp_ctl user add mail.handler handler "Mail Handelaar" >/dev/null 2>&1
mp_ctl user set-email mail.handler mail.handler@voorbeeld.nl >/dev/null 2>&1
sql "UPDATE report SET handler_id = (SELECT id FROM app_user
    WHERE username = 'mail.handler') WHERE id = $id"
mp_ctl mail queue handler "$ref" >/dev/null 2>&1
mail_clear
mail_send
is "$MAIL_RC" 0 "mail send of the handler's notification succeeds"
eml=$(find "$MAIL_DIR/out" -name '*.eml' | head -n 1)
is "$(parse to)" "mail.handler@voorbeeld.nl" "the handler's mail goes to the handler"
is "$(parse subject)" "De melder heeft gereageerd" "the handler's subject"
like "$(parse body)" "gereageerd op melding $ref" "the handler's mail names the reference"
like "$(parse body)" 'https://meldpunt\.voorbeeld\.nl/dashboard/' \
    "and the dashboard's address"
unlike "$(cat "$eml")" "Kanaaldijk|busjes|$addr" \
    "the handler's mail has no content and not the reporter's address"

# Nothing of the address in the log.
unlike "$(cat "$E2E_LOG")" "$addr|Eenenvijftig|eenenvijftig" \
    "the log never holds the reporter's address"
like "$(cat "$E2E_LOG")" "mail [0-9]+ \\(report $id, reporter\\) sent" \
    "the log records the sent mail by row and report id"

sql "DELETE FROM mail_outbox"
conf_reset
