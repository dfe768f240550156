# test-47-signin-presession.sh -- login CSRF (issue 10, finding 5):
# both sign-in forms (the reporter's at /melding/, the dashboard's in
# local mode) give the browser a pre-session cookie and a token bound to
# it, and accept each token once.  A POST without the cookie, with the
# token of another browser's form, or with a token used before is
# refused with a Dutch message on the sign-in page and signs nobody in;
# a normal sign-in still works, and the session cookie replaces the
# pre-session's (never the same id).

. "$top_srcdir/tests/e2e/feedback.sh"

# The message paragraph of the page last fetched.
message()
{
	sed -n 's/.*id="message">\([^<]*\)<.*/\1/p' "$HTTP_BODY"
}

# jar_value NAME: the value of cookie NAME in the jar.
jar_value()
{
	awk -v n="$1" '$6 == n { print $7 }' "$HTTP_COOKIES"
}

# ---------------------------------------------------------------------
# The reporter's sign-in.
# ---------------------------------------------------------------------

fb_report
sessions()
{
	sql "SELECT COUNT(*) FROM reporter_session"
}
sql "DELETE FROM reporter_session; DELETE FROM login_attempt"
jars=$E2E_TEST_DIR/jars
mkdir -p "$jars"

# fb_post TOKEN [CODE]: the sign-in POST with the jar as it is.
fb_post()
{
	http_request POST "$FB/aanmelden" --interface "$FB_ADDR" \
	    --data-urlencode "token=$1" \
	    --data-urlencode "meldingsnummer=$REF" \
	    --data-urlencode "code=${2:-$CODE}"
}

http_reset_cookies
used0=$(sql "SELECT COUNT(*) FROM signin_token_used")
fb_get /
is "$HTTP_STATUS" 200 "the sign-in page answers"
cookie=$(http_header Set-Cookie)
like "$cookie" '^mp_pre_melding=[A-Za-z0-9_-]{43};' \
    "it sets a random pre-session cookie"
like "$cookie" 'HttpOnly' "HttpOnly"
like "$cookie" 'SameSite=Strict' "SameSite=Strict"
like "$cookie" 'Path=/melding/' "limited to /melding/ (no TLS here)"
unlike "$cookie" 'Max-Age|Expires' "ending with the browser"
pre=$(jar_value mp_pre_melding)
tok=$(form_value token)
fb_get /
is "$(http_header Set-Cookie)" "" \
    "a browser that has the cookie keeps it: no new one"
unlike "$(http_body)" '<script' "the page needs no script"
is "$(sql "SELECT COUNT(*) FROM signin_token_used")" "$used0" \
    "showing the form writes nothing"

# A normal sign-in, and what replaces the pre-session.
cp "$HTTP_COOKIES" "$jars/fb-before"
used0=$(sql "SELECT COUNT(*) FROM signin_token_used")
fb_post "$tok"
is "$HTTP_STATUS" 303 "the form of this browser signs in"
like "$(grep -i '^Set-Cookie: mp_pre_melding=' "$HTTP_HEADERS")" \
    'mp_pre_melding=; Path=/melding/; Max-Age=0' \
    "the pre-session cookie is deleted"
sess=$(jar_value mp_melding)
[ -n "$sess" ] || diag "no session cookie: $(cat "$HTTP_HEADERS")"
isnt "$sess" "$pre" "the session id is not the pre-session id (fixation)"
is "$(sessions)" 1 "one session row"
is "$(sql "SELECT COUNT(*) FROM signin_token_used")" $((used0 + 1)) \
    "the token is recorded as used"
fb_get /
like "$(http_body)" "$REF" "the session opens the report"
is "$(curl -s -o /dev/null -w '%{http_code}' --interface "$FB_ADDR" \
    -b "mp_melding=$pre" "$E2E_BASE$FB/antwoord" --data 'tekst=x')" 403 \
    "the pre-session id used as a session id signs nobody in"

# Replay: the same POST again, with the cookie it came with.
cp "$jars/fb-before" "$HTTP_COOKIES"
fb_post "$tok"
is "$HTTP_STATUS" 403 "a used token is refused the second time"
like "$(message)" 'al verstuurd' "with a Dutch message"
like "$(http_body)" 'aria-describedby="message meldingsnummer-hint"' \
    "tied to the reference field"
is "$(jar_value mp_melding)" "" "no session cookie"
is "$(sessions)" 1 "no session row"
like "$(form_value token)" '^[A-Za-z0-9_-]{40,}$' \
    "the page carries a fresh token to try again"
fb_post "$(form_value token)"
is "$HTTP_STATUS" 303 "which signs in"

# A wrong code uses the token up too: it cannot be retried with the
# right one.
sql "DELETE FROM reporter_session"
http_reset_cookies
fb_get /
tok=$(form_value token)
fb_post "$tok" "AAAAA-AAAAA-AAAAA-AAAAA"
is "$HTTP_STATUS" 403 "a wrong code is refused"
like "$(message)" 'klopt niet' "as before"
fb_post "$tok"
is "$HTTP_STATUS" 403 "its token cannot be used again, not even with the right code"
like "$(message)" 'al verstuurd' "with the same message"
is "$(sessions)" 0 "no session row"

# The token of another browser's form: what a foreign page would post.
http_reset_cookies
fb_get /
tok_a=$(form_value token)
http_reset_cookies
fb_get /
used0=$(sql "SELECT COUNT(*) FROM signin_token_used")
fb_post "$tok_a"
is "$HTTP_STATUS" 403 "a token from another pre-session is refused"
like "$(message)" 'hoort niet bij deze browser' "with a Dutch message"
is "$(jar_value mp_melding)" "" "no session cookie"
is "$(sessions)" 0 "no session row"
is "$(sql "SELECT COUNT(*) FROM signin_token_used")" "$used0" \
    "and nothing is written"
# A pre-session id made up by the attacker is worth nothing either.
printf '127.0.0.1\tFALSE\t/melding/\tFALSE\t0\tmp_pre_melding\t%s\n' \
    AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA >"$HTTP_COOKIES"
fb_post "$tok_a"
is "$HTTP_STATUS" 403 "so is one with a planted pre-session id"
is "$(sessions)" 0 "no session row"

# No cookie at all (a foreign page's POST, or cookies turned off).
http_reset_cookies
fb_get /
tok=$(form_value token)
http_reset_cookies
fb_post "$tok"
is "$HTTP_STATUS" 400 "a sign-in without the pre-session cookie is refused"
like "$(message)" 'cookie' "with a Dutch message about the cookie"
like "$(http_header Set-Cookie)" '^mp_pre_melding=' \
    "and a pre-session cookie to try again with"
is "$(sessions)" 0 "no session row"
fb_post "$(form_value token)"
is "$HTTP_STATUS" 303 "with which the sign-in works"

# Under TLS the cookie is __Host- prefixed (Path=/, Secure).
conf_set http.secure_cookies 1
restart_program feedback
http_reset_cookies
http_get "$FB/" --interface "$FB_ADDR" -H 'X-Forwarded-Proto: https'
like "$(http_header Set-Cookie)" \
    '^__Host-mp_pre_melding=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Strict$' \
    "under TLS: __Host-mp_pre_melding, Path=/, Secure"
conf_reset
restart_program feedback
http_reset_cookies

# ---------------------------------------------------------------------
# The dashboard's sign-in (local mode).
# ---------------------------------------------------------------------

dash_fixtures
printf 'hanna heeft een lang wachtwoord\n' |
    mp_ctl user set-password hanna >/dev/null 2>&1
conf_set auth.mode local
restart_program dashboard
sql "DELETE FROM session; DELETE FROM login_attempt"
PW='hanna heeft een lang wachtwoord'
failed0=$(sql "SELECT COUNT(*) FROM audit_log
    WHERE action = 'aanmelden mislukt' AND username = 'hanna'")

# dash_login TOKEN [PASSWORD]: the POST with the jar as it is.
dash_login()
{
	http_request POST "$DASH/aanmelden" --data-urlencode "token=$1" \
	    --data-urlencode "gebruiker=hanna" \
	    --data-urlencode "wachtwoord=${2:-$PW}"
}
staff()
{
	sql "SELECT COUNT(*) FROM session"
}

http_reset_cookies
http_get "$DASH/aanmelden"
is "$HTTP_STATUS" 200 "the dashboard's sign-in form answers"
cookie=$(http_header Set-Cookie)
like "$cookie" '^mp_pre_dash=[A-Za-z0-9_-]{43}; Path=/dashboard/; HttpOnly; SameSite=Strict$' \
    "with a pre-session cookie of its own"
pre=$(jar_value mp_pre_dash)
tok=$(form_value token)
cp "$HTTP_COOKIES" "$jars/dash-before"
dash_login "$tok"
is "$HTTP_STATUS" 303 "the form of this browser signs in"
like "$(grep -i '^Set-Cookie: mp_pre_dash=' "$HTTP_HEADERS")" \
    'mp_pre_dash=; Path=/dashboard/; Max-Age=0' \
    "the pre-session cookie is deleted"
sess=$(jar_value mp_dash)
isnt "$sess" "$pre" "the session id is not the pre-session id (fixation)"
is "$(staff)" 1 "one session row"
http_get "$DASH/"
is "$HTTP_STATUS" 200 "the session opens the dashboard"
is "$(curl -s -o /dev/null -w '%{http_code}' -b "mp_dash=$pre" \
    "$E2E_BASE$DASH/")" 303 "the pre-session id signs nobody in"

cp "$jars/dash-before" "$HTTP_COOKIES"
dash_login "$tok"
is "$HTTP_STATUS" 403 "a used token is refused the second time"
like "$(message)" 'al verstuurd' "with a Dutch message"
like "$(http_body)" 'id="gebruiker"[^>]*aria-describedby="message"' \
    "tied to the user name field"
is "$(jar_value mp_dash)" "" "no session cookie"
is "$(staff)" 1 "no session row"

http_reset_cookies
http_get "$DASH/aanmelden"
tok_a=$(form_value token)
http_reset_cookies
http_get "$DASH/aanmelden"
dash_login "$tok_a"
is "$HTTP_STATUS" 403 "a token from another pre-session is refused"
like "$(message)" 'hoort niet bij deze browser' "with a Dutch message"
is "$(staff)" 1 "no session row"

http_reset_cookies
dash_login "$tok_a"
is "$HTTP_STATUS" 400 "a sign-in without the pre-session cookie is refused"
like "$(message)" 'cookie' "with a Dutch message about the cookie"
is "$(staff)" 1 "no session row"
dash_login "$(form_value token)"
is "$HTTP_STATUS" 303 "with the new cookie and token the sign-in works"
is "$(staff)" 2 "a second session"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'aanmelden mislukt'
    AND username = 'hanna'")" "$failed0" \
    "refused forms never reached the password"

conf_reset
restart_program dashboard
http_reset_cookies
sql "DELETE FROM login_attempt"
