# test-40-feedback-signin.sh -- the reporter's sign-in at /melding/:
# the right code (in any typing variant), a wrong code, the code of
# another report and an unknown reference (the same answer), throttling
# per reference and per client, and a new session id at sign-in.

. "$top_srcdir/tests/e2e/feedback.sh"

fb_report
[ -n "$REF" ] && [ -n "$CODE" ] || diag "no receipt: $(head -c 300 "$HTTP_BODY")"
ref1=$REF code1=$CODE rid1=$RID
fb_report
ref2=$REF code2=$CODE rid2=$RID
like "$(http_body)" 'de code kwijt' "the receipt says a lost code is lost"
like "$(http_body)" 'href="/melding/"' "and links to the follow-up"

# The sign-in page, and the receipt's link to it.
fb_get /
is "$HTTP_STATUS" 200 "the sign-in page answers"
like "$(http_body)" 'name="meldingsnummer"' "it asks for the reference"
like "$(http_body)" 'name="code"' "and the code"
like "$(http_body)" 'kunnen hem dus niet opnieuw tonen' \
    "and says a lost code cannot be recovered"
fb_get ""
like "$HTTP_STATUS" '^30[13]$' "the mount without a slash redirects"
like "$(http_header Location)" '/melding/$' "to the page"

# Wrong combinations: one answer for all of them.
http_reset_cookies
fb_signin "$ref1" "AAAAA-AAAAA-AAAAA-AAAAA"
is "$HTTP_STATUS" 403 "a wrong code is refused"
wrong=$(sed -n 's/.*id="message">\([^<]*\)<.*/\1/p' "$HTTP_BODY")
like "$wrong" 'klopt niet' "with a clear message"
is "$(http_header Set-Cookie)" "" "and no session cookie"
fb_signin "$ref1" "$code2"
is "$HTTP_STATUS" 403 "the code of another report is refused"
is "$(sed -n 's/.*id="message">\([^<]*\)<.*/\1/p' "$HTTP_BODY")" "$wrong" \
    "with the same message"
fb_signin "M-2000-999999" "$code1"
is "$HTTP_STATUS" 403 "an unknown reference is refused"
is "$(sed -n 's/.*id="message">\([^<]*\)<.*/\1/p' "$HTTP_BODY")" "$wrong" \
    "with the same message, so it tells nothing"
fb_signin "$ref1" "not a code at all <script>"
is "$HTTP_STATUS" 403 "a malformed code is refused the same way"
unlike "$(http_body)" '<script>' "and not shown back"
# Sessions of this test's reports only: a full run's other tests keep
# theirs.
is "$(sql "SELECT COUNT(*) FROM reporter_session
    WHERE report_id IN ($rid1, $rid2)")" 0 "no session was made"

# The right code, typed loosely: lower case, spaces, O for 0; the
# reference pasted with a tab before it (lib/report.c's one rule).
loose=$(printf '%s' "$code1" | tr 'A-Z0-' 'a-zO ')
fb_signin "$(printf '\t ')$(printf '%s' "$ref1" | tr 'A-Z' 'a-z') " \
    "$loose" 127.0.0.10
is "$HTTP_STATUS" 303 "the right code signs in (typing variants allowed)"
is "$(http_header Location)" "/melding/" "and goes to the report"
cookie=$(http_header Set-Cookie)
like "$cookie" '^mp_melding=' "a session cookie is set"
like "$cookie" 'HttpOnly' "HttpOnly"
like "$cookie" 'SameSite=Strict' "SameSite=Strict"
like "$cookie" 'Path=/melding/' "limited to /melding/"
is "$(sql "SELECT report_id FROM reporter_session
    WHERE report_id IN ($rid1, $rid2)")" "$rid1" \
    "the session belongs to the report"
id1=${cookie%%;*}
http_get "$FB/" --interface 127.0.0.10
is "$HTTP_STATUS" 200 "the report's page answers"
like "$(http_body)" "$ref1" "for that report"
like "$(http_body)" 'id="status">Ontvangen' "with its status in plain Dutch"
fb_signin "$ref1" "$code1" 127.0.0.10
cookie=$(http_header Set-Cookie)
id2=${cookie%%;*}
isnt "$id2" "$id1" "signing in again gives a new session id"
is "$(sql "SELECT COUNT(*) FROM reporter_session
    WHERE report_id IN ($rid1, $rid2)")" 1 \
    "and ends the old session"

# Throttling per reference: from fresh clients, the reference of
# report 2 is tried with wrong codes until it is throttled.
http_reset_cookies
for i in 1 2 3 4 5; do
	fb_signin "$ref2" "AAAAA-AAAAA-AAAAA-AAAA$i" "127.0.1.$i"
done
is "$HTTP_STATUS" 403 "five wrong codes are refused one by one"
fb_signin "$ref2" "AAAAA-AAAAA-AAAAA-AAAA6" 127.0.1.6
is "$HTTP_STATUS" 429 "then a sixth wrong code waits (per reference)"
like "$(http_body)" 'te vaak' "with a clear message"
is "$(http_header Set-Cookie)" "" "and no session"
is "$(sql "SELECT COUNT(*) FROM reporter_session WHERE report_id =
    (SELECT id FROM report WHERE reference = '$ref2')")" 0 \
    "no session for the throttled reference"
# References are sequential: others must not be able to keep the
# reporter out by trying wrong codes on theirs.
fb_signin "$ref2" "$code2" 127.0.1.9
is "$HTTP_STATUS" 303 "the right code still signs in (no lockout by others)"
like "$(http_header Set-Cookie)" 'mp_melding=' "with a session"
http_reset_cookies

# Per client: one address tries many references.
for i in 1 2 3 4 5; do
	fb_signin "M-2000-00000$i" "$code1" 127.0.2.1
done
fb_signin "$ref1" "$code1" 127.0.2.1
is "$HTTP_STATUS" 429 "a client that tried five wrong ones waits"
fb_signin "$ref1" "$code1" 127.0.2.2
is "$HTTP_STATUS" 303 "while another client still signs in"

# The throttle holds only keyed hashes.
is "$(sql "SELECT COUNT(*) FROM login_attempt WHERE
    user_hash = '$ref2' OR client_hash LIKE '127.%'")" 0 \
    "the throttle stores neither reference nor address"
unlike "$(fb_dump)" '127[.]0[.][12][.][0-9]|127[.]0[.]0[.](9|10)[^0-9]' \
    "no reporter's address anywhere in the database"

# A form without its token is refused.
http_request POST "$FB/aanmelden" --interface 127.0.2.3 \
    --data-urlencode "meldingsnummer=$ref1" --data-urlencode "code=$code1"
is "$HTTP_STATUS" 403 "a sign-in without the form's token is refused"

# Cross-site POSTs are refused by every program, before any form is
# looked at; same-origin ones and those without Origin (old browsers)
# are not.
xsite()
{
	local tok
	http_reset_cookies
	http_get "$FB/" --interface 127.0.2.4
	tok=$(form_value token)
	http_request POST "$FB/aanmelden" --interface 127.0.2.4 \
	    --data-urlencode "token=$tok" \
	    --data-urlencode "meldingsnummer=$ref1" \
	    --data-urlencode "code=$code1" "$@"
}
xsite -H "Origin: https://aanvaller.example"
is "$HTTP_STATUS" 403 "a sign-in posted from another site's page is refused"
like "$(http_body)" 'andere website' "with a Dutch explanation"
is "$(http_header Set-Cookie)" "" "and no session"
xsite -H "Origin: null" -H "Sec-Fetch-Site: cross-site"
is "$HTTP_STATUS" 403 "a sign-in with Origin: null from another site is refused"
# What Chromium sends for its own form post from a page with
# Referrer-Policy: no-referrer (every page here): Origin null.
xsite -H "Origin: null" -H "Sec-Fetch-Site: same-origin"
is "$HTTP_STATUS" 303 "a same-origin sign-in from a no-referrer page works"
xsite -H "Origin: https://aanvaller.example" -H "Sec-Fetch-Site: same-origin"
is "$HTTP_STATUS" 303 "Sec-Fetch-Site, where sent, decides"
xsite -H "Sec-Fetch-Site: cross-site"
is "$HTTP_STATUS" 403 "a sign-in with Sec-Fetch-Site: cross-site is refused"
xsite -H "Sec-Fetch-Site: same-site"
is "$HTTP_STATUS" 403 "and one from a sibling site (same-site)"
xsite -H "Origin: http://127.0.0.1:$E2E_PORT" -H "Sec-Fetch-Site: same-origin"
is "$HTTP_STATUS" 303 "a same-origin sign-in works"
xsite
is "$HTTP_STATUS" 303 "a sign-in without Origin (older browsers) works"
http_request POST /melden/ -H "Origin: https://aanvaller.example" \
    --data-urlencode "report-description=x"
is "$HTTP_STATUS" 403 "the report form refuses a cross-site POST too"
http_request POST /dashboard/aanmelden -H "Sec-Fetch-Site: cross-site" \
    --data-urlencode "gebruiker=x"
is "$HTTP_STATUS" 403 "and so does the dashboard"
like "$(http_body)" 'andere website' "with the same explanation"
http_reset_cookies

# Leave no throttle behind for later tests.
sql "DELETE FROM login_attempt"
