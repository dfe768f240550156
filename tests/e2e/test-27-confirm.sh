# test-27-confirm.sh -- every state change on the dashboard's other
# pages (dossier, journal, documents, grants, admin, routing, cover,
# retention, links) ends with a fixed Dutch confirmation on the page it
# returns to (?gedaan=<code>, shown in the status region role="status",
# never the parameter itself), and a refused change keeps what was
# typed.  The report page's own actions: test-98.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
hanna=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")
henk=$(sql "SELECT id FROM app_user WHERE username = 'henk'")
tomorrow=$(date -d "$(TZ=Europe/Amsterdam date +%F) +1 day" +%F)

# done_at USER CODE TEXT WHAT: the last response went to a page with
# ?gedaan=CODE; that page shows TEXT in its status region.
done_at()
{
	local user=$1 code=$2 text=$3 what=$4 loc
	loc=$(http_header Location)
	is "$HTTP_STATUS" 303 "$what: done (303)"
	like "$loc" "[?&]gedaan=$code(#|\$)" "$what: back with gedaan=$code"
	dash_as "$user" GET "${loc#/dashboard}"
	like "$(http_body)" "<p class=\"message done\" role=\"status\" id=\"gedaan\">$text</p>" \
	    "$what: the page confirms it ('$text')"
}

# --- Dossier and journal ----------------------------------------------------

dash_post hanna /dossier/nieuw titel=Bevestigzaak thema=ondermijning \
    "team=$noord"
d=$(sql "SELECT MAX(id) FROM dossier WHERE title = 'Bevestigzaak'")
done_at hanna dossier-nieuw 'Het dossier is aangemaakt\.' "a new dossier"

dash_post hanna "/dossier/$d" actie=melding "melding=M-1999-Qk27"
is "$HTTP_STATUS" 400 "an unknown report for the dossier is refused"
like "$(http_body)" 'id="dossier-melding"[^>]*value="M-1999-Qk27"' \
    "the typed reference is kept in its field"
unlike "$(http_body)" 'id="gedaan"' "and no confirmation is shown"

r=$(dash_report Noord)
ref=$(sql "SELECT reference FROM report WHERE id = $r")
dash_post hanna "/dossier/$d" actie=melding "melding=$ref"
done_at hanna dossier-melding 'De melding is aan het dossier toegevoegd\.' \
    "a report added to the dossier"
dash_post hanna "/dossier/$d" actie=melding-weg "melding=$r"
done_at hanna dossier-melding-weg 'De melding is uit het dossier gehaald\.' \
    "a report taken out"

dash_post cor "/dossier/$d" actie=lid gebruiker=nietbestaandQk27
is "$HTTP_STATUS" 400 "an unknown member is refused"
like "$(http_body)" 'id="dossier-lid"[^>]*value="nietbestaandQk27"' \
    "the typed user name is kept"
dash_post cor "/dossier/$d" actie=lid gebruiker=henk
done_at cor dossier-lid 'Het lid is aan het dossier toegevoegd\.' \
    "a member added"

dash_post hanna "/dossier/$d/journaal" actie=notitie \
    "notitie-tekst=Een notitie Qk27"
done_at hanna journaal-notitie 'De notitie staat in het journaal\.' \
    "a journal note"

dash_post hanna "/dossier/$d/journaal" actie=notitie "notitie-tekst=   "
is "$HTTP_STATUS" 400 "an empty note is refused"
dash_post hanna "/dossier/$d/journaal" actie=besluit \
    "besluit-wat=Besluit Qk27 blijft staan" "besluit-reden=Reden Qk27" \
    "besluit-door=MT" "besluit-datum=nooit"
is "$HTTP_STATUS" 400 "a decision with a bad date is refused"
like "$(http_body)" 'Besluit Qk27 blijft staan' \
    "what was typed of the decision is kept"

# A document and its removal.
f=$E2E_TEST_DIR/pv27.pdf
mkdir -p "$E2E_TEST_DIR"
printf '%%PDF-1.4\n%% test-27\n1 0 obj <<>> endobj\n%%%%EOF\n' >"$f"
tok=$(dash_csrf hanna)
dash_as hanna POST "/dossier/$d/documenten" -F "csrf=$tok" \
    -F "document-bestand=@$f;type=application/pdf"
doc=$(sql "SELECT MAX(id) FROM dossier_document WHERE dossier_id = $d")
if [ -n "$doc" ] && [ "$doc" != NULL ]; then
	done_at hanna document 'Het document is toegevoegd\.' "a document"
	dash_post hanna "/dossier/$d/document/$doc/verwijderen"
	done_at hanna document-weg 'Het document is verwijderd\.' \
	    "a document removed"
else
	fail "a document is stored ($HTTP_STATUS)"
fi

dash_as hanna GET "/dossier/$d?gedaan=%3Cscript%3Ealert(1)%3C/script%3E"
is "$HTTP_STATUS" 200 "an unknown code is answered"
unlike "$(http_body)" 'id="gedaan"|<script>alert' \
    "without a confirmation or an echo"

# --- The report page's other forms (links, retention, dossier) --------------

long=$(printf 'Qk27reden%.0s' $(seq 1 60))
dash_post cor "/melding/$r/bewaren" actie=aanhouden "reden=$long"
is "$HTTP_STATUS" 400 "a hold reason over 500 characters is refused"
like "$(http_body)" "id=\"bewaren-reden\"[^>]*>$long</textarea>" \
    "the typed reason is kept"
dash_post cor "/melding/$r/bewaren" actie=aanhouden "reden=Rechtszaak Qk27"
done_at cor bewaren 'De aanhouding van de bewaartermijn is bijgewerkt\.' \
    "a hold"
dash_post cor "/melding/$r/bewaren" actie=opheffen "reden=Klaar Qk27"
is "$HTTP_STATUS" 303 "and lifted again"

dash_post hanna "/melding/$r/verband" soort=zelfde ander=M-1999-000000 \
    "reden=Zelfde loods Qk27"
is "$HTTP_STATUS" 400 "a link to an unknown report is refused"
like "$(http_body)" 'id="verband-reden"[^>]*>Zelfde loods Qk27</textarea>' \
    "the typed reason is kept"
like "$(http_body)" 'id="verband-ander"[^>]*value="M-1999-000000"' \
    "and the other report's number"

dash_post hanna "/melding/$r/dossier" "dossier=D-1999-Qk27"
is "$HTTP_STATUS" 400 "an unknown dossier number is refused"
like "$(http_body)" 'id="dossier-nummer"[^>]*value="D-1999-Qk27"' \
    "the typed number is kept"
num=$(sql "SELECT number FROM dossier WHERE id = $d")
dash_post hanna "/melding/$r/dossier" "dossier=$num"
done_at hanna in-dossier 'De melding is aan het dossier toegevoegd\.' \
    "a report added from its page"

# --- Admin and grants ---------------------------------------------------------

dash_post ad /beheer actie=team-nieuw "naam=Bevestigteam $$"
done_at ad team-nieuw 'Het team is aangemaakt\.' "a new team"
dash_post ad /beheer actie=soort-nieuw "code=Geen Code!" \
    "naam=Soort Qk27" "tekst=Omschrijving Qk27"
is "$HTTP_STATUS" 400 "a signal type with a bad code is refused"
like "$(http_body)" 'id="ns-naam"[^>]*value="Soort Qk27"' "its name is kept"
like "$(http_body)" 'id="ns-tekst"[^>]*>Omschrijving Qk27</textarea>' \
    "and its description"
like "$(http_body)" 'id="ns-code"[^>]*value="Geen Code!"' "and its code"

if [ "$(sql "SELECT COUNT(*) FROM app_user WHERE username = 'conf27'")" = 0 ]
then
	mp_ctl user add conf27 handler "Conf Zevenentwintig" --team Noord \
	    >/dev/null
fi
c27=$(sql "SELECT id FROM app_user WHERE username = 'conf27'")
dash_post ad /beheer actie=gebruiker-naam "id=$c27" "naam=Conf Qk27"
done_at ad gebruiker-naam 'De naam van de gebruiker is gewijzigd\.' \
    "a user's name"
dash_post ad /beheer actie=gebruiker-identiteit "id=$c27" aan=1
g=$(grant_open conf27 identiteit)
isnt "$g" "" "a widening change is a request"
dash_decide cor afwijzen "$g"
like "$(http_header Location)" "#verzoek-$g\$" "back at the request's row"
done_at cor verzoek-afgewezen 'Het verzoek is afgewezen\.' \
    "a request rejected"

# --- Routing and cover --------------------------------------------------------

t27=$(sql "SELECT id FROM team WHERE name = 'Bevestigteam $$'")
ond=$(sql "SELECT id FROM audience WHERE slug = 'ondernemers'")
typ=$(sql "SELECT MAX(id) FROM signal_type")
dash_post ad /routering actie=regel-nieuw "soort=$typ" "doelgroep=$ond"
is "$HTTP_STATUS" 400 "a rule without a team is refused"
like "$(http_body)" "<option value=\"$ond\" selected" \
    "the chosen audience is kept"
n=$(sql "SELECT COUNT(*) FROM routing_rule")
dash_post ad /routering actie=regel-nieuw "soort=$typ" "doelgroep=$ond" \
    "team=$t27"
done_at ad regel-nieuw 'De regel is opgeslagen\.' "a routing rule"
rule=$(sql "SELECT MAX(id) FROM routing_rule WHERE team_id = $t27")
dash_post ad /routering actie=regel-weg "id=$rule"
done_at ad regel-weg 'De regel is verwijderd\.' "a rule removed"
is "$(sql "SELECT COUNT(*) FROM routing_rule")" "$n" \
    "no rule of this test is left"

dash_post cor /vervanging actie=vervanging-nieuw "behandelaar=$hanna" \
    "collega=$henk" "van=$tomorrow" "tot=nooit"
is "$HTTP_STATUS" 400 "a cover with a bad end date is refused"
like "$(http_body)" 'value="nooit"' "the typed date is kept"
dash_post cor /vervanging actie=vervanging-nieuw "behandelaar=$hanna" \
    "collega=$henk" "van=$tomorrow" "tot=$tomorrow"
done_at cor vervanging-nieuw 'De vervanging is opgeslagen\.' "a cover"
c=$(sql "SELECT MAX(id) FROM cover")
dash_post cor /vervanging actie=vervanging-einde "id=$c"
done_at cor vervanging-einde 'De vervanging is beëindigd\.' "a cover ended"

# --- One status region, on every page ------------------------------------------

dash_as ad GET "/beheer?gedaan=team-nieuw"
n=$(grep -o 'role="status" id="gedaan"' "$HTTP_BODY" | wc -l)
is "$n" 1 "a page has exactly one confirmation region"

# --- The user's own password (local sign-in) -----------------------------------

printf 'conf27 heeft een lang wachtwoord\n' |
    mp_ctl user set-password conf27 >/dev/null 2>&1
mp_ctl user reset-totp conf27 >/dev/null 2>&1
sql "UPDATE app_user SET password_change = 1 WHERE username = 'conf27'"
conf_set auth.mode local
restart_program dashboard
http_reset_cookies
http_get "$DASH/aanmelden"
http_post_form "$DASH/aanmelden" "token=$(form_value token)" \
    gebruiker=conf27 "wachtwoord=conf27 heeft een lang wachtwoord"
like "$(http_header Location)" '/wachtwoord$' \
    "conf27 must choose an own password first"
http_get "$DASH/wachtwoord"
tok=$(form_value csrf)
http_post_form "$DASH/wachtwoord" "csrf=$tok" \
    "nieuw=Zq27pw een eigen wachtwoord" "herhaling=Zq27pw iets anders"
is "$HTTP_STATUS" 400 "two different passwords are refused"
unlike "$(http_body)" 'Zq27pw' "and neither is put back in the form"
http_post_form "$DASH/wachtwoord" "csrf=$tok" \
    "nieuw=Zq27pw een eigen wachtwoord" \
    "herhaling=Zq27pw een eigen wachtwoord"
loc=$(http_header Location)
is "$HTTP_STATUS" 303 "the own password is taken"
like "$loc" '[?&]gedaan=wachtwoord$' "back with gedaan=wachtwoord"
http_get "$loc"
like "$(http_body)" '<p class="message done" role="status" id="gedaan">Uw wachtwoord is gewijzigd\.</p>' \
    "the first page confirms it"
http_reset_cookies
conf_reset
restart_program dashboard
