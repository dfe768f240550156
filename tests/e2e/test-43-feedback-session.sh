# test-43-feedback-session.sh -- the reporter's session: CSRF missing
# or wrong refused with nothing changed, idle expiry (a short idle time
# in the configuration), sign-out, the Secure flag.

. "$top_srcdir/tests/e2e/feedback.sh"

fb_report
http_reset_cookies
fb_signin "$REF" "$CODE"
tok=$(fb_csrf)
[ -n "$tok" ] || diag "no CSRF token on the page"

# CSRF.
n=$(fb_messages)
http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
    --form-string "tekst=zonder token"
is "$HTTP_STATUS" 403 "a reply without the CSRF token is refused"
http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
    --form-string "csrf=${tok}x" --form-string "tekst=fout token"
is "$HTTP_STATUS" 403 "a reply with a wrong token is refused"
http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
    --form-string "csrf=" --form-string "tekst=leeg token"
is "$HTTP_STATUS" 403 "a reply with an empty token is refused"
is "$(fb_messages)" "$n" "nothing was stored"
http_request POST "$FB/afmelden" --interface "$FB_ADDR" --data "csrf=nee"
is "$HTTP_STATUS" 403 "sign-out with a wrong token is refused"
is "$(sql "SELECT COUNT(*) FROM reporter_session WHERE report_id = $RID")" 1 \
    "and the session stays"
fb_reply "met token"
is "$HTTP_STATUS" 303 "with the right token the reply is taken"
is "$(fb_messages)" $((n + 1)) "and stored"

# Sign-out.
tok=$(fb_csrf)
http_request POST "$FB/afmelden" --interface "$FB_ADDR" \
    --data-urlencode "csrf=$tok"
is "$HTTP_STATUS" 200 "sign-out answers"
like "$(http_body)" 'U bent afgemeld' "and says so"
like "$(http_header Set-Cookie)" 'Max-Age=0' "the cookie is deleted"
is "$(sql "SELECT COUNT(*) FROM reporter_session WHERE report_id = $RID")" 0 \
    "the session is gone"
fb_get /
like "$(http_body)" 'name="meldingsnummer"' "the next visit asks to sign in"

# Idle expiry.
conf_set feedback.session.idle 2
restart_program feedback
http_reset_cookies
fb_signin "$REF" "$CODE"
is "$HTTP_STATUS" 303 "signed in again"
tok=$(fb_csrf)
like "$(http_body)" 'id="status"' "the page shows while active"
sleep 3
n=$(fb_messages)
http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
    --form-string "csrf=$tok" --form-string "tekst=te laat"
is "$HTTP_STATUS" 403 "after the idle time a reply is refused"
like "$(http_body)" 'sessie is verlopen' "with a clear message"
is "$(fb_messages)" "$n" "and nothing stored"
fb_get /
like "$(http_body)" 'name="meldingsnummer"' "the page asks to sign in again"
is "$(sql "SELECT COUNT(*) FROM reporter_session WHERE report_id = $RID")" 0 \
    "the expired session was deleted"

# Secure cookies where configured.
conf_set http.secure_cookies 1
restart_program feedback
http_reset_cookies
fb_signin "$REF" "$CODE"
like "$(http_header Set-Cookie)" 'Secure' "the cookie is Secure when configured"
conf_reset
restart_program feedback
