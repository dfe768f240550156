# test-35-dashboard-totp.sh -- the second factor in local mode:
# enrolment with a QR code and the secret shown once, a wrong code
# refused, a code used once refused again, and a later code accepted.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures
printf 'cor heeft een lang wachtwoord\n' |
    mp_ctl user set-password cor >/dev/null 2>&1
conf_set auth.mode local
conf_set auth.totp_required 1
restart_program dashboard

login()
{
	http_get "$DASH/aanmelden"
	local tok
	tok=$(form_value token)
	http_post_form "$DASH/aanmelden" "token=$tok" "gebruiker=$1" \
	    "wachtwoord=$2"
}

# totp SECRET OFFSET: the RFC 6238 code of the step OFFSET from now.
totp()
{
	python3 - "$1" "$2" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
step = int(time.time()) // 30 + int(sys.argv[2])
h = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
o = h[-1] & 15
print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 10**6))
PY
}

http_reset_cookies
login cor 'cor heeft een lang wachtwoord'
is "$HTTP_STATUS" 303 "the password is accepted"
like "$(http_header Location)" '/tweede-factor$' \
    "enrolment is due before anything else"
http_get "$DASH/"
is "$HTTP_STATUS" 303 "the work list waits for the second factor"
http_get "$DASH/tweede-factor"
is "$HTTP_STATUS" 200 "the enrolment page is shown"
like "$(http_body)" 'src="data:image/svg\+xml;base64,' "with a QR code"
secret=$(grep -o '<code id="totp-secret">[A-Z2-7]*' "$HTTP_BODY" |
    sed 's/.*>//')
is "${#secret}" 32 "and the secret as text"
tok=$(form_value csrf)
http_post_form "$DASH/tweede-factor" "csrf=$tok" "code=000000"
is "$HTTP_STATUS" 403 "a wrong code is refused"
secret=$(grep -o '<code id="totp-secret">[A-Z2-7]*' "$HTTP_BODY" |
    sed 's/.*>//')
tok=$(form_value csrf)
code=$(totp "$secret" 0)
http_post_form "$DASH/tweede-factor" "csrf=$tok" "code=$code"
is "$HTTP_STATUS" 303 "the right code completes the enrolment"
is "$(sql "SELECT totp_enabled FROM app_user WHERE username = 'cor'")" 1 \
    "the second factor is on"
http_get "$DASH/"
is "$HTTP_STATUS" 200 "and the user is signed in"
unlike "$(sql "SELECT HEX(totp_secret) FROM app_user
    WHERE username = 'cor'")" "$(printf '%s' "$secret" | od -An -tx1 |
    tr -d ' \n' | tr a-f A-F)" "the secret is not stored in the clear"

# Next sign-in: the used code is refused, the next one accepted.
http_reset_cookies
login cor 'cor heeft een lang wachtwoord'
like "$(http_header Location)" '/tweede-factor$' "a code is asked"
http_get "$DASH/tweede-factor"
unlike "$(http_body)" 'totp-secret' "the secret is not shown again"
tok=$(form_value csrf)
http_post_form "$DASH/tweede-factor" "csrf=$tok" "code=$code"
is "$HTTP_STATUS" 403 "a code used before is refused"
http_post_form "$DASH/tweede-factor" "csrf=$tok" "code=$(totp "$secret" 1)"
is "$HTTP_STATUS" 303 "a fresh code signs in"
http_get "$DASH/"
is "$HTTP_STATUS" 200 "the work list opens"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE username = 'cor' AND
    action = 'tweede factor mislukt'")" 2 "failed codes are audited"

conf_reset
restart_program dashboard
