# test-31-dashboard-portal.sh -- portal mode (the default): the web
# server names the user; unknown, disabled and forged users get nothing;
# sessions, CSRF, logout; the work list.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures
# Earlier tests (18, 20) used the dashboard as hanna: count this test's
# audit rows only, and start her without sessions.
AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
sql "DELETE s FROM session s JOIN app_user u ON u.id = s.user_id
    WHERE u.username = 'hanna'"

dash_as "" GET /
is "$HTTP_STATUS" 403 "without a portal user the dashboard refuses"
like "$(http_body)" 'intranetportaal' "and says to sign in at the portal"

dash_as nobody GET /
is "$HTTP_STATUS" 403 "an unknown user is refused"
like "$(http_body)" 'geen toegang' "with a clear page"
is "$(audit_count 'aanmelden geweigerd' nobody)" 1 \
    "the refusal of an unknown user is audited"

dash_as oud GET /
is "$HTTP_STATUS" 403 "a disabled user is refused"
like "$(http_body)" 'uitgeschakeld' "and told the account is disabled"

# Forged identities: a REMOTE_USER header arrives as HTTP_REMOTE_USER,
# and Basic credentials as nginx's $remote_user; neither counts.
http_reset_cookies
http_get "$DASH/" -H "REMOTE_USER: cor" -H "Remote-User: cor"
is "$HTTP_STATUS" 403 "a client's REMOTE_USER header is ignored"
http_get "$DASH/" -u cor:x
is "$HTTP_STATUS" 403 "a client's Basic credentials are ignored"

http_reset_cookies
dash_as hanna GET /
is "$HTTP_STATUS" 200 "a handler gets the work list"
like "$(http_header Set-Cookie)" 'mp_dash=.*HttpOnly' \
    "the session cookie is HttpOnly"
like "$(http_header Set-Cookie)" 'SameSite=Strict' \
    "the session cookie is SameSite=Strict"
like "$(http_body)" 'Hanna Handel' "the page names the user"
is "$(audit_count aanmelden hanna)" 1 "the sign-in is audited"
dash_as hanna GET /
is "$(audit_count aanmelden hanna)" 1 \
    "the session is kept: no second sign-in"
is "$(http_header Set-Cookie)" "" "and no new cookie"

# Work list: only the own team's reports.
# The newest of each team: a page holds 50, newest first, and a full
# run's earlier tests leave many reports.
noord=$(sql "SELECT MAX(r.id) FROM report r JOIN team t ON t.id = r.team_id
    WHERE t.name = 'Noord'")
zuid=$(sql "SELECT MAX(r.id) FROM report r JOIN team t ON t.id = r.team_id
    WHERE t.name = 'Zuid'")
zuid_team=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
dash_as hanna GET /
like "$(http_body)" "/melding/$noord\"" "the list shows a report of Noord"
unlike "$(http_body)" "/melding/$zuid\"" "but none of Zuid"
dash_as cor GET "/?team=$zuid_team"
like "$(http_body)" "/melding/$zuid\"" "a coordinator sees Zuid too"

# Filters, with SQL metacharacters.
nreports=$(sql 'SELECT COUNT(*) FROM report')
dash_as cor GET "/?q=%27%3B+DROP+TABLE+report%3B+--&status=nieuw"
is "$HTTP_STATUS" 200 "a text search with SQL metacharacters is answered"
is "$(sql 'SELECT COUNT(*) FROM report')" "$nreports" \
    "and the reports are all there"
dash_as cor GET "/?status=nieuw%27+OR+%271%27%3D%271"
is "$HTTP_STATUS" 400 "a status filter that is no status is refused"
like "$(http_body)" 'ongeldig' "with a message"
dash_as cor GET "/?soort=1+OR+1%3D1&team=abc"
is "$HTTP_STATUS" 400 "non-numeric id filters are refused"
st=$(sql "SELECT status FROM report WHERE id = $zuid")
# The first page holds at most 50 (the tests before may have made more).
n=$(sql "SELECT LEAST(COUNT(*), 50) FROM report WHERE status = '$st'")
dash_as cor GET "/?status=$(printf '%s' "$st" | sed 's/ /+/g')"
is "$(grep -c 'href="/dashboard/melding/' "$HTTP_BODY")" "$n" \
    "the status filter shows exactly the reports of that status"

# Detail, and the audit of the view.
dash_as hanna GET "/melding/$noord"
is "$HTTP_STATUS" 200 "a handler sees a report of the own team"
is "$(audit_count bekijken hanna "$noord")" 1 "the view is audited"
dash_as hanna GET "/melding/$zuid"
is "$HTTP_STATUS" 404 "another team's report is 404"
is "$(audit_count geweigerd hanna "$zuid")" 1 "and the attempt is audited"

# CSRF: missing or wrong token changes nothing.
v=$(dash_version "$noord")
dash_as hanna POST "/melding/$noord" --data "actie=notitie&tekst=zonder"
is "$HTTP_STATUS" 403 "a POST without CSRF token is 403"
dash_as hanna POST "/melding/$noord" --data "csrf=fout&actie=notitie&tekst=x"
is "$HTTP_STATUS" 403 "a POST with a wrong CSRF token is 403"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $noord
    AND kind = 'notitie'")" 0 "and no note was added"
is "$(dash_version "$noord")" "$v" "and the report is unchanged"

# Logout ends the session.
tok=$(dash_csrf hanna)
old_cookie=$(awk '$6 == "mp_dash" { print $7 }' "$HTTP_COOKIES")
dash_as hanna POST /afmelden --data "csrf=$tok"
is "$HTTP_STATUS" 200 "logout answers"
is "$(audit_count afmelden hanna)" 1 "logout is audited"
is "$(sql "SELECT COUNT(*) FROM session s JOIN app_user u ON u.id =
    s.user_id WHERE u.username = 'hanna'")" 0 "logout removes the session"
dash_as hanna GET / -b "mp_dash=$old_cookie" -c /dev/null
like "$(http_header Set-Cookie)" "mp_dash=" \
    "the old session id is not accepted again"
