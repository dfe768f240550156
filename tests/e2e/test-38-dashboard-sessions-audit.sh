# test-38-dashboard-sessions-audit.sh -- sessions end after the
# configured idle time and, however busy, at the configured absolute
# time; login throttling per account (from many clients) and per client
# (for many accounts), each failed attempt audited; the auditor's log
# page: every filter, hostile filter values, and for auditors only.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures
for u in hanna henk cor ad aud; do
	printf 'een lang wachtwoord voor %s\n' "$u" |
	    mp_ctl user set-password "$u" >/dev/null 2>&1
done
sql "DELETE FROM login_attempt; DELETE FROM session"
conf_set auth.mode local
conf_set session.idle 60
conf_set session.absolute 300
restart_program dashboard

# login USER PASSWORD [curl args...]: the form, then the POST, from the
# client address curl's --interface gives (127.0.0.1 unless told).
login()
{
	local user=$1 pw=$2 tok
	shift 2
	http_request GET "$DASH/aanmelden" "$@"
	tok=$(form_value token)
	http_request POST "$DASH/aanmelden" --data-urlencode "token=$tok" \
	    --data-urlencode "gebruiker=$user" --data-urlencode "wachtwoord=$pw" \
	    "$@"
}
sessions()
{
	sql "SELECT COUNT(*) FROM session s JOIN app_user u ON u.id =
	    s.user_id WHERE u.username = '$1'"
}
# shift_session USER COLUMN SECONDS: move a time of USER's sessions back.
shift_session()
{
	sql "UPDATE session SET $2 = $2 - INTERVAL $3 SECOND WHERE user_id =
	    (SELECT id FROM app_user WHERE username = '$1')"
}

# ---------------------------------------------------------------------
# Idle expiry.
http_reset_cookies
login hanna 'een lang wachtwoord voor hanna'
is "$HTTP_STATUS" 303 "hanna signs in"
is "$(sql "SELECT TIMESTAMPDIFF(SECOND, s.created_at, s.expires_at) FROM
    session s JOIN app_user u ON u.id = s.user_id
    WHERE u.username = 'hanna'")" 300 \
    "the session's absolute expiry is the configured session.absolute"
shift_session hanna last_seen 40
http_get "$DASH/"
is "$HTTP_STATUS" 200 "40 s idle of 60 allowed: still signed in"
ok '[ "$(sql "SELECT TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP())
    FROM session s JOIN app_user u ON u.id = s.user_id
    WHERE u.username = '"'hanna'"'")" -lt 10 ]' \
    "the request counts as activity: last_seen moved on"
shift_session hanna last_seen 40
http_get "$DASH/"
is "$HTTP_STATUS" 200 \
    "active every 40 s, the user stays signed in past the idle time"
shift_session hanna last_seen 61
http_get "$DASH/"
is "$HTTP_STATUS" 303 "61 s idle with session.idle = 60: expired"
like "$(http_header Location)" '/dashboard/aanmelden$' \
    "and sent to the sign-in form"
is "$(sessions hanna)" 0 "the expired session is removed"
http_reset_cookies
login hanna 'een lang wachtwoord voor hanna'
http_get "$DASH/"
tok=$(form_value csrf)
shift_session hanna last_seen 61
http_request POST "$DASH/melding/$(dash_report Noord)" \
    --data-urlencode "csrf=$tok" --data "actie=notitie&tekst=na+verlopen"
is "$HTTP_STATUS" 403 "a POST on an idle session is refused"
like "$(http_body)" 'sessie is verlopen' "with a clear message"
is "$(sql "SELECT COUNT(*) FROM event WHERE detail = 'na verlopen'")" 0 \
    "and stores nothing"

# ---------------------------------------------------------------------
# Absolute expiry: a session in constant use still ends.
http_reset_cookies
login hanna 'een lang wachtwoord voor hanna'
cookie=$(awk '$6 == "mp_dash" { print $7 }' "$HTTP_COOKIES")
shift_session hanna created_at 290
shift_session hanna expires_at 290
http_get "$DASH/"
is "$HTTP_STATUS" 200 "10 s before the absolute expiry: still signed in"
shift_session hanna created_at 11
shift_session hanna expires_at 11
http_get "$DASH/"
is "$HTTP_STATUS" 303 \
    "past the absolute expiry the session ends, though it was just used"
is "$(sessions hanna)" 0 "and is removed"
is "$(curl -s -o /dev/null -w '%{http_code}' -b "mp_dash=$cookie" \
    "$E2E_BASE$DASH/")" 303 "the old cookie opens nothing"
login hanna 'een lang wachtwoord voor hanna'
isnt "$(awk '$6 == "mp_dash" { print $7 }' "$HTTP_COOKIES")" "$cookie" \
    "signing in again gives a new id"

# The same in portal mode: the portal signs the user in afresh, with a
# new session id, and that is audited.
conf_set auth.mode portal
restart_program dashboard
http_reset_cookies
dash_as cor GET /
c1=$(awk '$6 == "mp_dash" { print $7 }' "$HTTP_COOKIES")
signins=$(audit_count aanmelden cor)
shift_session cor created_at 301
shift_session cor expires_at 301
dash_as cor GET /
is "$HTTP_STATUS" 200 "portal mode: past the absolute expiry the portal \
signs in again"
c2=$(awk '$6 == "mp_dash" { print $7 }' "$HTTP_COOKIES")
isnt "$c2" "$c1" "with a new session id"
is "$(audit_count aanmelden cor)" $((signins + 1)) "and a new sign-in entry"
shift_session cor last_seen 61
dash_as cor GET /
isnt "$(awk '$6 == "mp_dash" { print $7 }' "$HTTP_COOKIES")" "$c2" \
    "portal mode: an idle session is replaced too"
conf_set auth.mode local
restart_program dashboard

# ---------------------------------------------------------------------
# Throttling per client: five accounts tried from one address.
sql "DELETE FROM login_attempt; DELETE FROM session"
http_reset_cookies
failed0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'aanmelden mislukt'")
for u in hanna henk ad aud onbekend; do
	login "$u" "fout wachtwoord voor $u"
	is "$HTTP_STATUS" 403 "a wrong password for $u is refused"
done
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'aanmelden mislukt'")" $((failed0 + 5)) \
    "each of the five failed attempts is audited"
is "$(sql "SELECT COUNT(DISTINCT username) FROM audit_log WHERE action =
    'aanmelden mislukt' AND client_addr = '127.0.0.1' AND
    username IN ('hanna', 'henk', 'ad', 'aud', 'onbekend')")" 5 \
    "under each account's name, with the client's address"
like "$(sql "SELECT detail FROM audit_log WHERE action =
    'aanmelden mislukt' ORDER BY id DESC LIMIT 1")" 'onbekende gebruiker' \
    "an unknown account is audited as such"
unlike "$(sql "SELECT GROUP_CONCAT(detail) FROM audit_log WHERE action =
    'aanmelden mislukt'")" 'fout wachtwoord' "no password is audited"
is "$(sql "SELECT COUNT(*) FROM login_attempt")" 5 \
    "each failed attempt is recorded for the throttle"
login cor 'een lang wachtwoord voor cor'
is "$HTTP_STATUS" 429 \
    "after five failures from one client, a sixth account must wait"
like "$(http_body)" 'Te veel mislukte pogingen' "with a clear message"
is "$(audit_count 'aanmelden geweigerd' cor)" 1 \
    "the throttled attempt is audited"
is "$(sessions cor)" 0 "and no session was made"
login cor 'een lang wachtwoord voor cor' -H 'X-Forwarded-For: 10.9.8.7'
is "$HTTP_STATUS" 429 "an X-Forwarded-For header does not escape it"
login cor 'een lang wachtwoord voor cor' --interface 127.0.0.2
is "$HTTP_STATUS" 303 "the same account from another client signs in"
like "$(sql "SELECT client_addr FROM audit_log WHERE action IN
    ('aanmelden', 'wachtwoord juist') AND username = 'cor'
    ORDER BY id DESC LIMIT 1")" '^127\.0\.0\.2$' \
    "audited with that client's address"
sql "UPDATE login_attempt SET at = at - INTERVAL 61 SECOND"
http_reset_cookies
login cor 'een lang wachtwoord voor cor'
is "$HTTP_STATUS" 303 "a minute later the first client may try again"

# Throttling per account: one account tried from five addresses.
sql "DELETE FROM login_attempt"
mark=$(sql "SELECT MAX(id) FROM audit_log")
http_reset_cookies
for i in 3 4 5 6 7; do
	login henk "fout $i" --interface "127.0.0.$i"
done
is "$HTTP_STATUS" 403 "wrong passwords from five clients are refused"
is "$(sql "SELECT COUNT(DISTINCT client_addr) FROM audit_log WHERE
    action = 'aanmelden mislukt' AND username = 'henk' AND
    id > $mark")" 5 "each is audited with its address"
# Issue 10 finding 4: failures from other clients lock nobody out; a
# client not over its own limit signs in with the right password.
login henk 'een lang wachtwoord voor henk' --interface 127.0.0.8
is "$HTTP_STATUS" 303 \
    "after five failures on an account, the right password from a new client works"
is "$(sessions henk)" 1 "and henk has a session"
login hanna 'een lang wachtwoord voor hanna' --interface 127.0.0.8
is "$HTTP_STATUS" 303 "while another account from that client signs in"
login '"><script>alert(96)</script>' 'x' --interface 127.0.0.9
is "$HTTP_STATUS" 403 "a user name with markup is refused"
unlike "$(http_body)" '<script>alert' "and not echoed as markup"
is "$(sql "SELECT username FROM audit_log WHERE action =
    'aanmelden mislukt' ORDER BY id DESC LIMIT 1")" "" \
    "nor written to the audit log"
sql "DELETE FROM login_attempt"

# ---------------------------------------------------------------------
# The audit log page, back in portal mode.
conf_reset
restart_program dashboard
http_reset_cookies

# Known entries in 2020, far from anything the other tests write.
sql "INSERT INTO audit_log (at, username, action, object_type, object_id,
    client_addr, detail) VALUES
    ('2020-01-31 23:59:59', 'filt.a', 'bekijken', 'melding', 990001,
     '10.0.0.1', 'eind januari'),
    ('2020-02-01 00:00:00', 'filt.a', 'status', 'melding', 990001,
     '10.0.0.1', 'begin februari'),
    ('2020-02-15 12:00:00', 'filt.b', 'bekijken', 'melding', 990002,
     '10.0.0.2', 'half februari'),
    ('2020-02-29 23:59:59', 'filt.b', 'status', 'melding', 990001,
     '10.0.0.2', 'eind februari'),
    ('2020-03-01 00:00:00', 'filt.a', 'bekijken', 'melding', 990002,
     '10.0.0.1', 'begin maart'),
    ('2020-02-10 08:00:00', 'filt.c', 'bekijken', 'bijlage', 990001,
     '10.0.0.3', 'bijlage met hetzelfde nummer')"

# audit_rows QUERY: the detail column of every row the page shows, in
# order, joined by "|".  Run in $(...), so HTTP_STATUS stays unset.
audit_rows()
{
	dash_as aud GET "/audit?$1"
	tr '\n' ' ' <"$HTTP_BODY" | grep -o '<tbody>.*</tbody>' |
	    sed 's/<tr>/\n<tr>/g' | grep '^<tr>' |
	    sed 's/.*<td>\([^<]*\)<\/td><\/tr>.*/\1/' | paste -sd'|'
}

is "$(audit_rows 'van=2020-01-01&tot=2020-12-31')" \
    'begin maart|eind februari|half februari|bijlage met hetzelfde nummer|begin februari|eind januari' \
    "a date range shows its entries, newest first"
dash_as aud GET '/audit?van=2020-01-01&tot=2020-12-31'
is "$HTTP_STATUS" 200 "and answers 200"
is "$(audit_rows 'van=2020-02-01&tot=2020-02-29')" \
    'eind februari|half februari|bijlage met hetzelfde nummer|begin februari' \
    "both ends of the date range are included, to the last second"
is "$(audit_rows 'van=1-2-2020&tot=29-02-2020')" \
    'eind februari|half februari|bijlage met hetzelfde nummer|begin februari' \
    "the same range typed as dd-mm-jjjj"
is "$(audit_rows 'gebruiker=filt.a')" \
    'begin maart|begin februari|eind januari' "the user filter"
is "$(audit_rows 'actie=status&van=2020-01-01&tot=2020-12-31')" \
    'eind februari|begin februari' "the action filter"
is "$(audit_rows 'melding=990001')" \
    'eind februari|begin februari|eind januari' \
    "the report filter: that report's entries, not an attachment's \
of the same number"
is "$(audit_rows 'gebruiker=filt.a&actie=bekijken&van=2020-01-01&tot=2020-02-29&melding=990001')" \
    'eind januari' "all filters together"
is "$(audit_rows 'gebruiker=filt.b&melding=990001&tot=2020-02-28')" '' \
    "filters that match nothing show nothing"

# The downloads of a report's attachments belong to the report.  Two
# attachments, so that the one downloaded has an id other than the
# report's.
n=$(dash_report Noord)
sql "INSERT INTO attachment (report_id, filename, mime, size, sha256, data)
    VALUES ($n, 'audit.pdf', 'application/pdf', 4, UNHEX(SHA2('x', 256)),
    '%PDF'), ($n, 'audit2.pdf', 'application/pdf', 4,
    UNHEX(SHA2('y', 256)), '%PDF')"
att=$(sql "SELECT MAX(id) FROM attachment WHERE report_id = $n
    AND id <> $n")
dash_as hanna GET "/melding/$n/bijlage/$att"
is "$HTTP_STATUS" 200 "hanna downloads an attachment"
dash_as aud GET "/audit?melding=$n&actie=bijlage+downloaden"
like "$(http_body)" "<td>bijlage $att</td>" \
    "the report filter shows the download of its attachment"

# Hostile filter values: refused or bound, never SQL; shown escaped.
nlog=$(sql "SELECT COUNT(*) FROM audit_log")
dash_as aud GET "/audit?gebruiker=%27+OR+%271%27%3D%271"
is "$HTTP_STATUS" 400 "a user filter with SQL metacharacters is refused"
like "$(http_body)" 'ongeldig' "with a message"
unlike "$(http_body)" "value=\"' OR" "and is not echoed raw"
is "$(audit_rows "actie=status%27+OR+%271%27%3D%271")" '' \
    "an action filter with SQL metacharacters matches nothing"
dash_as aud GET "/audit?actie=status%27+OR+%271%27%3D%271"
is "$HTTP_STATUS" 200 "and is answered"
is "$(audit_rows "actie=%27%3B+DELETE+FROM+audit_log%3B+--")" '' \
    "a DELETE in the action filter matches nothing"
ok '[ "$(sql "SELECT COUNT(*) FROM audit_log")" -ge "$nlog" ]' \
    "and the audit log is whole"
dash_as aud GET "/audit?melding=1+OR+1%3D1"
is "$HTTP_STATUS" 400 "a report filter that is no number is refused"
dash_as aud GET "/audit?van=2020-13-45&tot=%27%29--"
is "$HTTP_STATUS" 400 "dates that are no dates are refused"
dash_as aud GET "/audit?actie=%3Cscript%3Ealert(1)%3C%2Fscript%3E"
is "$HTTP_STATUS" 200 "an action filter with markup is answered"
unlike "$(http_body)" '<script>alert' "and shown escaped"
like "$(http_body)" 'value="&lt;script&gt;alert' "in its field"
dash_as aud GET "/audit?actie=%22onfocus%3Dalert(1)+x%3D%22"
is "$HTTP_STATUS" 200 "a filter with a quote is answered"
unlike "$(http_body)" '"onfocus=' \
    "an attribute breakout in a filter stays inside the value"
long=$(printf 'x%.0s' $(seq 40))
dash_as aud GET "/audit?actie=$long"
is "$HTTP_STATUS" 400 "an overlong action filter is refused"

# Entries with markup are shown escaped.
sql "INSERT INTO audit_log (at, username, action, object_type, object_id,
    client_addr, detail) VALUES ('2020-04-01 10:00:00', 'filt.x',
    '<b>x</b>', 'melding', 990003, '10.0.0.4',
    '<script>alert(5)</script><img src=x onerror=alert(6)>')"
dash_as aud GET "/audit?gebruiker=filt.x"
like "$(http_body)" '&lt;script&gt;alert\(5\)' "audit details are escaped"
unlike "$(http_body)" '<script>alert|<img src=x|<b>x' \
    "and no markup from the log gets through"

# The audit log is for auditors only, whatever the filters.
for who in hanna cor ad; do
	dash_as "$who" GET "/audit?gebruiker=filt.a&van=2020-01-01"
	is "$HTTP_STATUS" 403 "$who may not open the audit log"
	unlike "$(http_body)" 'begin februari|eind januari' \
	    "and sees none of its entries"
done
dash_as aud GET /
like "$(http_header Location)" '/dashboard/audit$' \
    "the auditor's home is the audit log"
dash_as hanna GET /
unlike "$(http_body)" 'href="/dashboard/audit"' \
    "a handler's menu has no link to the audit log"
