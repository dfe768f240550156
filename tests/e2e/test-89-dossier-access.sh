# test-89-dossier-access.sh -- who sees a dossier (issue 14): a member
# outside the team sees it; a handler who is neither in the team nor a
# member gets the same 404 as for a dossier that does not exist;
# removing a member takes effect at once; membership shows the dossier,
# not its reports (a report of another team is one line "in een ander
# team", its subjects stay out); a handler cannot create a dossier for
# another team, nor add a report out of sight; auditors and admins see
# no dossier content.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
hanna=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")
dpost() { local u=$1 id=$2; shift 2; dash_post "$u" "/dossier/$id" "$@"; }

# A Zuid dossier with a Zuid and a Noord report, and a subject of each.
rz=$(sql "SELECT MAX(id) FROM report WHERE id % 2 = 0")
rn=$(sql "SELECT MAX(id) FROM report WHERE id % 2 = 1")
sql "UPDATE report SET team_id = $zuid WHERE id = $rz;
    UPDATE report SET team_id = $noord WHERE id = $rn"
refz=$(sql "SELECT reference FROM report WHERE id = $rz")
refn=$(sql "SELECT reference FROM report WHERE id = $rn")
dash_post cor /dossier/nieuw "titel=Geheime zaak Zuid" thema=ondermijning \
    "team=$zuid" "melding=$rz"
is "$HTTP_STATUS" 303 "a coordinator creates a Zuid dossier from a report"
d=$(sql "SELECT MAX(id) FROM dossier")
dpost cor "$d" actie=melding "melding=$refn"
is "$HTTP_STATUS" 303 "and adds a Noord report"
sz=$(dash_subject 5 'ZUIDGEHEIM' "'Zuidgeheim BV'")
dash_link "$rz" "$sz" 3 1
sn=$(dash_subject 5 'NOORDZICHT' "'Noordzicht BV'")
dash_link "$rn" "$sn" 3 1

# Not in the team, not a member: the same 404 as nothing at all.
dash_as hanna GET "/dossier/$d" >/dev/null
is "$HTTP_STATUS" 404 "a non-member handler of another team gets 404"
hidden=$(http_body)
unlike "$hidden" 'Geheime zaak' "and nothing of it"
dash_as hanna GET /dossier/999999999 >/dev/null
is "$HTTP_STATUS" 404 "as for a dossier that does not exist"
is "$(http_body)" "$hidden" "byte for byte the same page"
dpost hanna "$d" actie=melding "melding=$refn"
is "$HTTP_STATUS" 404 "a POST to it is the same 404"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'geweigerd' AND
    object_type = 'dossier' AND username = 'hanna'")" 3 "each refusal audited"
dash_as hanna GET /dossiers >/dev/null
unlike "$(http_body)" 'Geheime zaak' "the list does not show it"
n=$(sql "SELECT number FROM dossier WHERE id = $d")
dash_post hanna "/melding/$rn/dossier" "dossier=$n"
is "$HTTP_STATUS" 400 "nor can its number be used from a report"

# A member outside the team sees it, at once.
dpost henk "$d" actie=lid gebruiker=hanna
is "$HTTP_STATUS" 403 "a handler of the team cannot add members"
dpost hanna "$d" actie=lid gebruiker=hanna
is "$HTTP_STATUS" 404 "one out of sight gets the 404 first"
dpost cor "$d" actie=lid gebruiker=ad
is "$HTTP_STATUS" 400 "an admin cannot be made a member"
dpost cor "$d" actie=lid gebruiker=aud
is "$HTTP_STATUS" 400 "nor an auditor"
dpost cor "$d" actie=lid gebruiker=hanna
is "$HTTP_STATUS" 303 "a coordinator adds a handler of another team"
is "$(sql "SELECT COUNT(*) FROM dossier_event WHERE dossier_id = $d AND
    kind = 'lid toegevoegd' AND new_value = 'hanna'")" 1 "in its history"
is "$(audit_count 'dossier wijzigen' cor "$d")" 2 \
    "audited: the report and the member, not the refusals"
dash_as hanna GET "/dossier/$d" >/dev/null
is "$HTTP_STATUS" 200 "the member sees the dossier"
body=$(http_body)
like "$body" 'Geheime zaak Zuid' "its summary"
like "$body" "melding/$rn\">$refn</a>" "a report of her own team, linked"
unlike "$body" "$refz" "not the Zuid report's reference, not in the history"
unlike "$body" "melding/$rz\"" "nor a link to it"
like "$body" 'melding in een ander team &mdash; vraag een coördinator' \
    "but one line that it is there"
like "$body" 'Noordzicht BV' "the subjects of reports she may see"
unlike "$body" 'Zuidgeheim' "not those of reports she may not"
sp=$(dash_subject 5 'ZUIDVOORSTEL' "'Zuidvoorstel BV'")
dash_link "$rz" "$sp" 2 0
dash_as cor GET "/dossier/$d" >/dev/null
body=$(http_body)
like "$body" 'Zuidgeheim' "a coordinator sees the subjects of every report"
like "$body" 'Noordzicht BV' "of both teams"
unlike "$body" 'Zuidvoorstel' "but not an unconfirmed proposal"
dash_as hanna GET "/melding/$rz" >/dev/null
is "$HTTP_STATUS" 404 "membership gives no sight of the report itself"
dash_as hanna GET "/dossiers?lid=mijn" >/dev/null
like "$(http_body)" 'Geheime zaak Zuid' "the list shows her membership"
dash_as hanna GET /dossiers >/dev/null
like "$(http_body)" 'Geheime zaak Zuid' \
    "her whole list too: the member range beside her team's"
dash_as hanna GET "/dossiers?thema=ondermijning&status=open" >/dev/null
like "$(http_body)" 'Geheime zaak Zuid' "and under the filters"
dash_as hanna GET "/dossiers?thema=woonoverlast" >/dev/null
unlike "$(http_body)" 'Geheime zaak Zuid' "but not under another theme"
dash_as cor GET "/dossiers?lid-van=hanna" >/dev/null
like "$(http_body)" 'Geheime zaak Zuid' "a coordinator lists a user's memberships"
like "$(http_body)" 'data-status="open">1<' "counted"
dash_as cor GET "/dossiers?lid-van=niemand" >/dev/null
like "$(http_body)" 'onbekende waarde' "an unknown user is said"
dash_as henk GET "/dossiers?lid-van=cor" >/dev/null
like "$(http_body)" 'Geheime zaak Zuid' "for a handler the filter is no filter"
dpost hanna "$d" actie=analyse versie=0 'tekst=Gezien door Noord'
is "$HTTP_STATUS" 303 "a member works on the analysis"

# Removal takes effect at once.
dpost cor "$d" actie=lid-weg "gebruiker=$hanna"
is "$HTTP_STATUS" 303 "a coordinator removes the member"
dash_as hanna GET "/dossier/$d" >/dev/null
is "$HTTP_STATUS" 404 "at once: the next view is the 404"
is "$(http_body)" "$hidden" "the same as for none"
dpost cor "$d" actie=lid-weg "gebruiker=$hanna"
is "$HTTP_STATUS" 400 "removing a non-member is refused"

# Creating and adding stay within the handler's sight.
c=$(sql "SELECT COUNT(*) FROM dossier")
dash_post hanna /dossier/nieuw titel=Poging thema=ondermijning "team=$zuid"
is "$HTTP_STATUS" 400 "a handler cannot create a dossier for another team"
like "$(http_body)" 'id="dossier-team-fout"' "the error at the team field"
dash_post hanna /dossier/nieuw titel=Poging thema=ondermijning "team=$noord" \
    "melding=$rz"
is "$HTTP_STATUS" 400 "nor one from a report she cannot see"
is "$(sql "SELECT COUNT(*) FROM dossier")" "$c" "nothing created"
dash_post hanna /dossier/nieuw titel=Noordzaak thema=woonoverlast "team=$noord"
is "$HTTP_STATUS" 303 "in her own team she can"
dash_as hanna GET /dossiers >/dev/null
like "$(http_body)" 'Noordzaak' "her team's dossier is in her list"
dn=$(sql "SELECT MAX(id) FROM dossier")
st=$(sql "SELECT status FROM report WHERE id = $rz")
dpost hanna "$dn" actie=melding "melding=$refz"
is "$HTTP_STATUS" 400 "a report out of sight cannot be added by reference"
dpost hanna "$dn" actie=melding "melding=$rz"
is "$HTTP_STATUS" 400 "nor by id"
like "$(http_body)" 'bestaat niet, of u heeft er geen toegang' \
    "said as for none"
is "$(sql "SELECT COUNT(*) FROM dossier_report WHERE dossier_id = $dn")" 0 \
    "nothing added"
is "$(sql "SELECT status FROM report WHERE id = $rz")" "$st" \
    "the report's status untouched"
dash_as henk GET "/dossier/$dn" >/dev/null
is "$HTTP_STATUS" 404 "a Zuid handler does not see the Noord dossier"
dash_as henk GET "/dossier/$d" >/dev/null
is "$HTTP_STATUS" 200 "but does see his team's"

# Auditors and admins: no dossier content.
for u in aud ad; do
	dash_as "$u" GET /dossiers >/dev/null
	is "$HTTP_STATUS" 403 "$u: no dossier list"
	unlike "$(http_body)" 'Geheime zaak' "$u: no titles"
	dash_as "$u" GET "/dossier/$d" >/dev/null
	is "$HTTP_STATUS" 403 "$u: no dossier page"
	unlike "$(http_body)" 'Geheime zaak' "$u: no content"
	unlike "$(http_body)" '/dashboard/dossiers"' "$u: no menu entry"
	dpost "$u" "$d" actie=analyse versie=1 tekst=x
	is "$HTTP_STATUS" 403 "$u: no changes"
done
is "$(sql "SELECT COUNT(*) FROM dossier_analysis WHERE dossier_id = $d")" 1 \
    "the analysis as the member left it"
