# test-22-intake-receipt.sh -- the receipt and the reporter's mail name
# the follow-up page by its full address, made from site.public_url
# (lib/siteurl.c), not the bare "/melding/"; the older mail.feedback_url
# and mail.privacy_url still win when set; check-config refuses a base
# that is relative, not https or would have to be quoted, and warns on
# a real site (secure cookies) that has none.  Issue 16, "Reporters".

. "$top_srcdir/tests/e2e/mail.sh"

BASE=https://meldpunt.gemeente.nl

# receipt_url: the follow-up address on the receipt (href, then text).
receipt_url()
{
	tr '\n' ' ' <"$HTTP_BODY" |
	    sed -n 's/.*<a id="feedback-url" href="\([^"]*\)">\([^<]*\)<.*/\1 \2/p'
}

# Without a base (the harness's own configuration): the bare path.
intake_catalog
report_fields
post_report
is "$HTTP_STATUS" 200 "a report is taken"
is "$(receipt_url)" "/melding/ /melding/" \
    "without site.public_url the receipt names the bare path"

# With a base: the full address, as link and as text to write down.
conf_set site.public_url "$BASE"
restart_program intake
report_fields
post_report
is "$HTTP_STATUS" 200 "a report is taken with site.public_url set"
is "$(receipt_url)" "$BASE/melding/ $BASE/melding/" \
    "the receipt names https://meldpunt.gemeente.nl/melding/"

# A "/" at the end of the base is not doubled; a path prefix is kept.
conf_set site.public_url "$BASE/wijk/"
restart_program intake
report_fields
post_report
is "$(receipt_url)" "$BASE/wijk/melding/ $BASE/wijk/melding/" \
    "a base with a prefix and a trailing / gives one / between the parts"

# The older key still wins when it is set.
conf_set mail.feedback_url "https://oud.voorbeeld.nl/volgen/"
restart_program intake
report_fields
post_report
is "$(receipt_url)" "https://oud.voorbeeld.nl/volgen/ https://oud.voorbeeld.nl/volgen/" \
    "mail.feedback_url, when set, still names the page"
conf_reset
restart_program intake

# Mail to a reporter: both addresses from the base alone.
mail_setup
sed -i '/^mail\.feedback_url = /d' "$E2E_CONF"
conf_set site.public_url "$BASE"
ref=$(mail_report "melder.bon@voorbeeld.nl")
mail_clear
mp_ctl mail queue reporter "$ref" >/dev/null 2>&1
mail_send
is "$MAIL_RC" 0 "mail is sent with only site.public_url set"
is "$(mail_count)" 1 "one mail"
eml=$(cat "$MAIL_DIR"/out/*.eml 2>/dev/null)
like "$eml" "naar $BASE/melding/ te gaan" \
    "the mail names the full follow-up address"
like "$eml" "privacyverklaring: $BASE/melden/privacy" \
    "and the full address of the privacy statement"
unlike "$eml" ' /melding/ ' "never the bare path"

# Neither a base nor mail.feedback_url: mail refuses to run.
sed -i '/^site\.public_url = /d' "$E2E_CONF"
mail_clear
mp_ctl mail queue reporter "$ref" >/dev/null 2>&1
mail_send
isnt "$MAIL_RC" 0 "without any follow-up address mail refuses to run"
is "$(mail_count)" 0 "and sends nothing"
like "$MAIL_OUT" 'site\.public_url' "naming the key to set"
out=$(mp_ctl check-config 2>&1)
is "$?" 1 "check-config fails when mail has no follow-up address"
like "$out" 'site\.public_url: not set' "and says which key"
conf_reset

# check-config on site.public_url.
conf=$E2E_TEST_DIR/receipt.hdf
mkdir -p "$E2E_TEST_DIR"
check()
{
	{ cat "$E2E_CONF"; printf 'site.public_url = %s\n' "$1"; } >"$conf"
	CHECK_OUT=$(mp_ctl check-config "$conf" 2>&1)
	CHECK_RC=$?
}
check "$BASE"
is "$CHECK_RC" 0 "an https base is accepted"
is "$CHECK_OUT" "configuration OK" "without a remark"
check "http://meldpunt.gemeente.nl"
is "$CHECK_RC" 1 "an http:// base is refused"
like "$CHECK_OUT" 'site\.public_url: not an https:// address' "saying why"
check "/melding"
is "$CHECK_RC" 1 "a relative base is refused"
like "$CHECK_OUT" 'site\.public_url: not an absolute address' "saying why"
check 'https://meldpunt.gemeente.nl/"><script>alert(1)</script>'
is "$CHECK_RC" 1 "a base with quotes and brackets is refused"
check "http://127.0.0.1:8080"
is "$CHECK_RC" 0 "http:// on the loopback with a port is a demo: accepted"
{ cat "$E2E_CONF"; printf 'http.secure_cookies = 1\n'; } >"$conf"
out=$(mp_ctl check-config "$conf" 2>&1)
is "$?" 0 "secure cookies without a base is a warning, not an error"
like "$out" 'warning: site\.public_url: not set; the receipt names /melding/' \
    "which says what the receipt would show"

# An address that would need quoting never reaches a page: the receipt
# falls back to the bare path rather than showing it.
conf_set site.public_url 'https://x.nl/"><script>alert(1)</script>'
restart_program intake
report_fields
post_report
is "$HTTP_STATUS" 200 "a report is still taken"
unlike "$(cat "$HTTP_BODY")" '<script>alert' "no markup from the setting"
conf_reset
restart_program intake
