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

# --- The form's small things (issue 16, "Reporters", last point). ---

# count PATTERN: how often PATTERN occurs in the last body.
count()
{
	grep -o "$1" "$HTTP_BODY" | wc -l | tr -d ' '
}

# 112 and Meld Misdaad Anoniem once per page.
for p in /melden/ /melden/medewerkers /melden/ondernemers /melden/privacy; do
	iget "$p"
	is "$HTTP_STATUS" 200 "$p answers"
	is "$(count '112')" 1 "$p names 112 once"
	is "$(count 'Meld Misdaad Anoniem')" 1 \
	    "$p names Meld Misdaad Anoniem once"
done
report_fields
post_report
is "$(count '112')" 1 "the receipt names 112 once"
fb_page=$(http_get /melding/ --interface 127.0.0.9 >/dev/null; cat "$HTTP_BODY")
is "$(count '112')" 1 "the follow-up's sign-in page names 112 once"

# An installation with the old standard introductions gets the new
# ones from the migration; one a municipality changed keeps its own.
old_intro="Ziet u tijdens uw werk iets dat wijst op criminaliteit, bijvoorbeeld bij een huisbezoek, een vergunningaanvraag of in de openbare ruimte? Meld het hier. U kiest zelf of de behandelaars uw naam mogen zien. Is er acuut gevaar? Bel dan 112. Anoniem een tip geven aan de politie kan bij Meld Misdaad Anoniem: 0800-7000."
saved=$(sql "SELECT intro FROM audience WHERE slug = 'ondernemers'")
sql "UPDATE audience SET intro = '${old_intro//\'/\'\'}' WHERE slug = 'medewerkers'"
sql "UPDATE audience SET intro = 'Eigen tekst, bel 112' WHERE slug = 'ondernemers'"
sed -n '/^UPDATE audience/,/;$/p' "$top_srcdir/sql/046_feedback_reporter_view.sql" \
    >"$E2E_TEST_DIR/intros.sql"
sql "$(cat "$E2E_TEST_DIR/intros.sql")"
like "$(sql "SELECT intro FROM audience WHERE slug = 'medewerkers'")" \
    'Geeft u uw naam, dan kan alleen de coördinator van het meldpunt uw gegevens zien\.$' \
    "the migration replaces the old standard staff introduction"
is "$(sql "SELECT intro FROM audience WHERE slug = 'ondernemers'")" \
    "Eigen tekst, bel 112" "and leaves a changed one alone"
sql "UPDATE audience SET intro = '${saved//\'/\'\'}' WHERE slug = 'ondernemers'"
sleep 1.2	# catalog.ttl

# The staff form: the introduction and the form make one promise.
iget /melden/medewerkers
body=$(tr '\n' ' ' <"$HTTP_BODY")
like "$body" 'class="intro"><p>[^<]*alleen de coördinator van het meldpunt uw gegevens zien' \
    "the staff introduction: only the coordinator sees the name"
like "$body" 'Niet anoniem: alleen de coördinator van het meldpunt kan uw gegevens zien' \
    "the form says the same"
unlike "$body" 'behandelaars uw naam' "no other promise about the handlers"

# The error summary names each field, and echoes text escaped.
report_fields
set_field report-description ""
set_field report-postcode "12345"
set_field report-people "$(printf '<script>alert(1)</script>%.0s' $(seq 1 200))"
set_field report-city '"><script>alert(2)</script>'
post_report
is "$HTTP_STATUS" 400 "a form with errors comes back"
body=$(tr '\n' ' ' <"$HTTP_BODY")
like "$body" 'href="#report-description">Beschrijving: ' \
    "the summary names the description"
like "$body" 'href="#report-postcode">Postcode: Vul een postcode in' \
    "the postcode"
like "$body" 'href="#report-people">Personen: Deze tekst is te lang' \
    "and the people field whose message alone does not say which"
is "$(grep -c '<li><a href="#report-' "$HTTP_BODY")" \
    "$(grep -o 'class="error" id="[^"]*-error"' "$HTTP_BODY" | wc -l)" \
    "one summary line per field in error"
unlike "$body" '<script>alert' "no markup from the values runs"
like "$body" 'value="&quot;&gt;&lt;script&gt;alert\(2\)' "the city is kept, escaped"

# Error pages offer a way back.
iget /melden/bestaat-niet/echt
like "$(tr '\n' ' ' <"$HTTP_BODY")" 'id="back"><a href="/melden/">Naar het meldformulier</a>' \
    "the form's error page links back to the form"
http_get /melding/bestaat-niet --interface 127.0.0.9
is "$HTTP_STATUS" 404 "an unknown follow-up page"
like "$(http_body)" 'href="/melding/">Naar uw melding</a>' \
    "links back to the follow-up"
http_get /dashboard/bestaat-niet
like "$(http_body)" 'href="/dashboard/">Naar de werklijst</a>|href="/dashboard/login' \
    "the dashboard's links back to the work list (or its sign-in)"
for f in 404.html 50x.html 413.html; do
	like "$(cat "$top_srcdir/templates/static/$f")" '<a href="/melden/">' \
	    "static/$f offers a way back to the form"
done
