# test-32-dashboard-local.sh -- local mode: the login form, throttling
# per account, failed attempts recorded and audited, session fixation,
# idle expiry, logout, and a forged REMOTE_USER that counts for nothing.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures
printf 'hanna heeft een lang wachtwoord\n' |
    mp_ctl user set-password hanna >/dev/null 2>&1
printf 'henk heeft ook een lang wachtwoord\n' |
    mp_ctl user set-password henk >/dev/null 2>&1
conf_set auth.mode local
restart_program dashboard

# login USER PASSWORD: the form, then the POST; cookies kept.
# login USER PASSWORD [CURL-ARGS...], e.g. --interface 127.0.3.1 to
# come from another client address.
login()
{
	local user=$1 pw=$2 tok
	shift 2
	http_get "$DASH/aanmelden" "$@"
	tok=$(form_value token)
	http_request POST "$DASH/aanmelden" --data-urlencode "token=$tok" \
	    --data-urlencode "gebruiker=$user" --data-urlencode "wachtwoord=$pw" \
	    "$@"
}

http_reset_cookies
http_get "$DASH/" -H "X-Test-Remote-User: cor"
is "$HTTP_STATUS" 303 "local mode ignores the portal's user: to sign-in"
like "$(http_header Location)" '/dashboard/aanmelden$' \
    "and redirects to the sign-in form"
http_get "$DASH/aanmelden"
is "$HTTP_STATUS" 200 "the sign-in form is shown"

# Session fixation: a planted cookie is replaced at sign-in.
signins=$(audit_count aanmelden hanna)
planted=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
printf '127.0.0.1\tFALSE\t/dashboard/\tFALSE\t0\tmp_dash\t%s\n' \
    "$planted" >"$HTTP_COOKIES"
login hanna 'hanna heeft een lang wachtwoord'
is "$HTTP_STATUS" 303 "a right password signs in"
new=$(awk '$6 == "mp_dash" { print $7 }' "$HTTP_COOKIES")
isnt "$new" "$planted" "sign-in gives a new session id"
is "$(audit_count aanmelden hanna)" $((signins + 1)) "the sign-in is audited"
http_get "$DASH/"
is "$HTTP_STATUS" 200 "the session opens the work list"
is "$(curl -s -o /dev/null -w '%{http_code}' -b "mp_dash=$planted" \
    "$E2E_BASE$DASH/")" 303 "the planted id signs nobody in"

# Idle expiry, on the server.
sql "UPDATE session SET last_seen = last_seen - INTERVAL 2 HOUR"
http_get "$DASH/"
is "$HTTP_STATUS" 303 "an idle session has expired"
is "$(sql "SELECT COUNT(*) FROM session s JOIN app_user u ON u.id =
    s.user_id WHERE u.username = 'hanna'
    AND s.last_seen > UTC_TIMESTAMP() - INTERVAL 1 HOUR")" 0 \
    "and no fresh session took its place"

# Wrong passwords: recorded, audited, throttled after five.
http_reset_cookies
for i in 1 2 3 4 5; do
	login henk "fout wachtwoord $i"
done
is "$HTTP_STATUS" 403 "a wrong password is refused"
is "$(sql "SELECT COUNT(*) FROM login_attempt")" 5 \
    "every failed attempt is recorded"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'aanmelden mislukt' AND username = 'henk'")" 5 \
    "every failed attempt is audited"
login henk 'henk heeft ook een lang wachtwoord'
is "$HTTP_STATUS" 429 "after five failures even the right password waits"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'aanmelden geweigerd' AND username = 'henk'")" 1 \
    "the throttled attempt is audited"
sql "UPDATE login_attempt SET at = at - INTERVAL 2 MINUTE"
login henk 'henk heeft ook een lang wachtwoord'
is "$HTTP_STATUS" 303 "a minute later the right password works"

# No lockout by others: five wrong passwords from one address keep out
# that address only, while the right password from another gets in.
sql "DELETE FROM login_attempt"
http_reset_cookies
for i in 1 2 3 4 5 6; do
	login henk "fout wachtwoord $i" --interface 127.0.3.1
done
is "$HTTP_STATUS" 429 "a client with five wrong passwords waits"
like "$(http_body)" 'vanaf deze computer' "and is told that this computer waits"
http_reset_cookies
login henk 'henk heeft ook een lang wachtwoord' --interface 127.0.3.2
is "$HTTP_STATUS" 303 "the right password from another client signs in"
http_reset_cookies
login henk 'henk heeft ook een lang wachtwoord' --interface 127.0.3.1
is "$HTTP_STATUS" 429 "the guessing client still waits, even with the right one"
# Growing delays: past five failures a client may guess once a minute,
# past ten once every two minutes.
for i in 7 8 9 10 11; do
	sql "UPDATE login_attempt SET at = at - INTERVAL 70 SECOND"
	login henk "fout wachtwoord $i" --interface 127.0.3.1
	is "$HTTP_STATUS" 403 "after its minute the client may guess again ($i)"
	login henk "fout wachtwoord $i" --interface 127.0.3.1
	is "$HTTP_STATUS" 429 "but only once a minute ($i)"
done
like "$(http_body)" 'Wacht 2 minuten' "after ten failures it waits two minutes"
sql "UPDATE login_attempt SET at = at - INTERVAL 70 SECOND"
login henk 'henk heeft ook een lang wachtwoord' --interface 127.0.3.1
is "$HTTP_STATUS" 429 "after ten failures a minute is not enough"
sql "UPDATE login_attempt SET at = at - INTERVAL 60 SECOND"
login henk 'henk heeft ook een lang wachtwoord' --interface 127.0.3.1
is "$HTTP_STATUS" 303 "and then gets in with the right password"
sql "DELETE FROM login_attempt"
http_reset_cookies

login nobody 'wat dan ook'
is "$HTTP_STATUS" 403 "an unknown user is refused like a wrong password"
like "$(http_body)" 'onjuist' "with the same message"

# A disabled user cannot sign in with a right password.
printf 'oud maar lang wachtwoord\n' |
    mp_ctl user set-password oud >/dev/null 2>&1
login oud 'oud maar lang wachtwoord'
is "$HTTP_STATUS" 403 "a disabled user cannot sign in"

# Logout: a POST with the token ends the session.
http_reset_cookies
login hanna 'hanna heeft een lang wachtwoord'
http_get "$DASH/"
tok=$(form_value csrf)
http_post_form "$DASH/afmelden"
is "$HTTP_STATUS" 403 "logout without the CSRF token is refused"
http_post_form "$DASH/afmelden" "csrf=$tok"
is "$HTTP_STATUS" 303 "logout with the token works"
http_get "$DASH/"
is "$HTTP_STATUS" 303 "after logout the session is gone"

conf_reset
restart_program dashboard
