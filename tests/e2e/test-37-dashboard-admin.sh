# test-37-dashboard-admin.sh -- the functional administrator's page:
# users, teams, signal types and audiences created, renamed, changed and
# switched off, each change audited; refusals that change nothing;
# CSRF; other roles; escaping; a switched-off signal type leaves the
# public form.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

xss='<img src=x onerror=alert(1)>'
# The admin's entries, but its sign-ins: the portal signs a user in
# anew whenever the test switches between users.
audits()
{
	sql "SELECT COUNT(*) FROM audit_log WHERE username = 'ad'
	    AND action <> 'aanmelden'"
}

dash_as ad GET /beheer
is "$HTTP_STATUS" 200 "the admin opens the admin page"
like "$(http_body)" 'hanna' "it lists the users"
like "$(http_body)" 'Noord' "and the teams"
like "$(http_body)" 'woonfraude' "and the signal types"
like "$(http_body)" 'bewoners' "and the audiences"
unlike "$(http_body)" "$(sql "SELECT description FROM report LIMIT 1" |
    cut -c1-30)" "but no report content"

# Users.  What lets an account read or grant waits for a second
# person (test-80 has the rule in full); here the admin page's part.
a=$(audits)
dash_post ad /beheer actie=gebruiker-nieuw code=nina "naam=Nina $xss" \
    rol=handler
is "$HTTP_STATUS" 303 "a new user is created"
like "$(http_header Location)" '/dashboard/beheer\?verzoek=[0-9]+$' \
    "with a request to switch the account on"
nina=$(sql "SELECT id FROM app_user WHERE username = 'nina'")
is "$(sql "SELECT display_name, role, disabled FROM app_user
    WHERE id = $nina")" "$(printf 'Nina %s\thandler\t1' "$xss")" \
    "with name and role, switched off until it is confirmed"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE username = 'ad' AND
    action = 'gebruiker-nieuw' AND object_id = $nina")" 1 "and audited"
dash_as ad GET "$(http_header Location | sed 's|^/dashboard||')"
like "$(http_body)" 'Verzoek [0-9]+ is ingediend' \
    "the admin page says the request was made"
like "$(http_body)" 'account inschakelen voor <strong>nina</strong>' \
    "and lists it as waiting"
like "$(http_body)" 'Nina &lt;img src=x' "the name is shown escaped"
unlike "$(http_body)" '<img src=x' "no markup gets through"
dash_decide cor bevestigen "$(grant_open nina actief)"
is "$HTTP_STATUS" 303 "a coordinator confirms it"
is "$(sql "SELECT disabled FROM app_user WHERE id = $nina")" 0 \
    "and the account is on"
dash_post ad /beheer actie=gebruiker-naam "id=$nina" "naam=Nina Nieuw"
is "$(sql "SELECT display_name FROM app_user WHERE id = $nina")" \
    'Nina Nieuw' "a user is renamed at once"
dash_post ad /beheer actie=gebruiker-rol "id=$nina" rol=coordinator
is "$(sql "SELECT role FROM app_user WHERE id = $nina")" handler \
    "a wider role waits"
dash_decide cor bevestigen "$(grant_open nina rol)"
is "$(sql "SELECT role FROM app_user WHERE id = $nina")" coordinator \
    "and is the user's once confirmed"
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
dash_post ad /beheer actie=gebruiker-team "id=$nina" "team=$noord" aan=1
is "$(sql "SELECT COUNT(*) FROM user_team WHERE user_id = $nina
    AND team_id = $noord")" 0 "a team waits"
dash_decide cor bevestigen "$(grant_open nina team "$noord")"
is "$(sql "SELECT COUNT(*) FROM user_team WHERE user_id = $nina
    AND team_id = $noord")" 1 "and the user is in it once confirmed"
dash_post ad /beheer actie=gebruiker-team "id=$nina" "team=$noord" aan=0
is "$(sql "SELECT COUNT(*) FROM user_team WHERE user_id = $nina")" 0 \
    "taking a user out of a team is at once"
dash_post ad /beheer actie=gebruiker-actief "id=$nina" aan=0
is "$(sql "SELECT disabled FROM app_user WHERE id = $nina")" 1 \
    "a user is disabled at once"
dash_as nina GET /
is "$HTTP_STATUS" 403 "and cannot sign in"
dash_post ad /beheer actie=gebruiker-actief "id=$nina" aan=1
dash_decide cor bevestigen "$(grant_open nina actief)"
is "$(sql "SELECT disabled FROM app_user WHERE id = $nina")" 0 \
    "and enabled again, once confirmed"
is "$(audits)" $((a + 8)) \
    "every change and request of the admin has its audit entry"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE username = 'cor' AND
    action = 'verzoek bevestigd'")" 4 "and every confirmation"

# Refusals change nothing.
a=$(audits)
n=$(sql "SELECT COUNT(*) FROM app_user")
dash_post ad /beheer actie=gebruiker-nieuw code=nina naam=Twee rol=handler
is "$HTTP_STATUS" 400 "a user name that is taken is refused"
like "$(http_body)" 'bestaat al' "with the reason"
dash_post ad /beheer actie=gebruiker-nieuw "code=a b" naam=X rol=handler
is "$HTTP_STATUS" 400 "a bad user name is refused"
dash_post ad /beheer actie=gebruiker-nieuw code=piet naam=X rol=baas
is "$HTTP_STATUS" 400 "an unknown role is refused"
dash_post ad /beheer actie=gebruiker-naam "id=$nina" "naam=   "
is "$HTTP_STATUS" 400 "an empty name is refused"
dash_post ad /beheer actie=gebruiker-naam id=999999 naam=X
is "$HTTP_STATUS" 404 "a user that does not exist is refused"
dash_post ad /beheer actie=verwijder "id=$nina"
is "$HTTP_STATUS" 400 "there is no delete"
is "$(sql "SELECT COUNT(*) FROM app_user")" "$n" "no user was added"
is "$(sql "SELECT display_name FROM app_user WHERE id = $nina")" \
    'Nina Nieuw' "nor renamed"
is "$(audits)" "$a" "and nothing was audited as done"

# Teams.
dash_post ad /beheer actie=team-nieuw "naam=West"
is "$HTTP_STATUS" 303 "a team is created"
west=$(sql "SELECT id FROM team WHERE name = 'West'")
isnt "$west" "" "and stored"
dash_post ad /beheer actie=team-naam "id=$west" "naam=West-Oost"
is "$(sql "SELECT name FROM team WHERE id = $west")" West-Oost \
    "a team is renamed"
dash_post ad /beheer actie=team-naam "id=$west" "naam=Noord"
is "$HTTP_STATUS" 400 "a team name that is taken is refused"
dash_post ad /beheer actie=team-actief "id=$west" aan=0
is "$(sql "SELECT active FROM team WHERE id = $west")" 0 \
    "a team is switched off"

# Signal types and audiences; a switched-off type leaves the form.
dash_post ad /beheer actie=soort-nieuw code=afval "naam=Afval $xss" \
    "tekst=Dumpen van afval"
is "$HTTP_STATUS" 303 "a signal type is created"
st=$(sql "SELECT id FROM signal_type WHERE slug = 'afval'")
is "$(sql "SELECT name, description, active FROM signal_type
    WHERE id = $st")" "$(printf 'Afval %s\tDumpen van afval\t1' "$xss")" \
    "with name and description"
bew=$(sql "SELECT id FROM audience WHERE slug = 'bewoners'")
dash_post ad /beheer actie=publiek-soort "id=$bew" "soort=$st" aan=1
is "$(sql "SELECT COUNT(*) FROM audience_signal_type WHERE
    audience_id = $bew AND signal_type_id = $st")" 1 \
    "an audience offers the new type"
dash_post ad /beheer actie=soort-wijzig "id=$st" naam=Afvaldumping \
    "tekst=Afval op straat"
is "$(sql "SELECT name, description FROM signal_type WHERE id = $st")" \
    "$(printf 'Afvaldumping\tAfval op straat')" "a signal type is changed"
sleep 2
http_get /melden/bewoners
like "$(http_body)" 'value="afval"' "the public form offers it"
dash_post ad /beheer actie=soort-actief "id=$st" aan=0
is "$(sql "SELECT active FROM signal_type WHERE id = $st")" 0 \
    "a signal type is switched off"
sleep 2
http_get /melden/bewoners
is "$HTTP_STATUS" 200 "the public form still opens"
unlike "$(http_body)" 'value="afval"' "without the switched-off type"
dash_post ad /beheer actie=publiek-wijzig "id=$bew" "naam=Bewoners" \
    "tekst=Welkom, bewoner. $xss"
is "$(sql "SELECT intro FROM audience WHERE id = $bew")" \
    "Welkom, bewoner. $xss" "an audience's intro is changed"
sleep 2
http_get /melden/bewoners
like "$(http_body)" 'Welkom, bewoner. &lt;img' \
    "and shown escaped on its form"
dash_post ad /beheer actie=publiek-nieuw code=scholen naam=Scholen \
    tekst=Voor scholen
is "$HTTP_STATUS" 303 "an audience is created"
sc=$(sql "SELECT id FROM audience WHERE slug = 'scholen'")
dash_post ad /beheer actie=publiek-actief "id=$sc" aan=0
is "$(sql "SELECT active FROM audience WHERE id = $sc")" 0 \
    "an audience is switched off"
dash_post ad /beheer actie=publiek-nieuw code=Scholen! naam=X
is "$HTTP_STATUS" 400 "a bad code is refused"

# CSRF and GET.
n=$(sql "SELECT COUNT(*) FROM team")
dash_as ad POST /beheer --data-urlencode actie=team-nieuw \
    --data-urlencode naam=Zonder
is "$HTTP_STATUS" 403 "a POST without the CSRF token is refused"
dash_as ad GET "/beheer?actie=team-nieuw&naam=Via-get"
is "$HTTP_STATUS" 200 "a GET only shows the page"
is "$(sql "SELECT COUNT(*) FROM team")" "$n" "and neither made a team"

# Other roles.
for u in hanna cor aud; do
	dash_as "$u" GET /beheer
	is "$HTTP_STATUS" 403 "$u cannot open the admin page"
	dash_post "$u" /beheer actie=team-nieuw naam=Van-$u
	is "$HTTP_STATUS" 403 "$u cannot change anything"
done
is "$(sql "SELECT COUNT(*) FROM team")" "$n" "the refused roles made nothing"
dash_as ad GET /
is "$(dash_as ad GET /melding/1; echo "$HTTP_STATUS")" 403 \
    "the admin cannot open a report"
