# test-80-dashboard-grants.sh -- the rule of two for what an account
# may read (issue 10, finding 1): nobody changes their own role, teams
# or rights; a change that widens what an account may read or grant
# waits, with no effect, until another admin or a coordinator confirms
# it (never the requester, never the account concerned); requests are
# listed, rejected, withdrawn, confirmed once only, lapse when the
# account changed meanwhile, and are audited and mailed to the
# coordinators without any report content; taking rights away is at
# once; the identity right is per account; in local mode a password or
# second-factor reset of a reading account waits as well, and the
# account then chooses its own password.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/mail.sh"
dash_fixtures
mp_ctl user add ad2 admin "Adriaan Tweede" >/dev/null
mp_ctl user add cor2 coordinator "Corrie Zonder" >/dev/null
mp_ctl user add rita handler "Rita Race" >/dev/null
mp_ctl user set-email cor cor@gemeente.example >/dev/null
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
uid() { sql "SELECT id FROM app_user WHERE username = '$1'"; }
role() { sql "SELECT role FROM app_user WHERE username = '$1'"; }
teams() {
	sql "SELECT COUNT(*) FROM user_team WHERE user_id = $(uid "$1")
	    ${2:+AND team_id = $2}"
}
status_of() { sql "SELECT status FROM grant_request WHERE id = $1"; }
nzuid=$(dash_report Zuid)
nnoord=$(dash_report Noord)

# ---------------------------------------------------------------------
# Nobody changes their own role, teams or rights.
adid=$(uid ad)
dash_post ad /beheer actie=gebruiker-rol "id=$adid" rol=coordinator
is "$HTTP_STATUS" 403 "an admin cannot make itself coordinator"
like "$(http_body)" 'U kunt uw eigen rol, teams en rechten niet wijzigen' \
    "with a clear Dutch message"
like "$(http_body)" "href=\"#gebruiker-$adid\"" \
    "that links to the account's row"
like "$(http_body)" "id=\"u-fout-$adid\"" "and stands in that row"
is "$(role ad)" admin "the role is unchanged"
is "$(sql "SELECT COUNT(*) FROM grant_request WHERE target_id = $adid")" 0 \
    "and no request was made of it"
dash_as ad GET "/melding/$nnoord"
is "$HTTP_STATUS" 403 "the admin still cannot open a report"
dash_post ad /beheer actie=gebruiker-team "id=$adid" "team=$noord" aan=1
is "$HTTP_STATUS" 403 "an admin cannot put itself in a team"
is "$(teams ad)" 0 "it is in no team"
dash_post ad /beheer actie=gebruiker-identiteit "id=$adid" aan=1
is "$HTTP_STATUS" 403 "nor give itself the identity right"
dash_post ad /beheer actie=gebruiker-actief "id=$adid" aan=0
is "$HTTP_STATUS" 403 "nor switch its own account"
is "$(sql "SELECT CONCAT(role, reporter_identity, disabled) FROM app_user
    WHERE id = $adid")" admin00 "nothing of its account changed"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE username = 'ad'
    AND action = 'geweigerd' AND object_type = 'gebruiker'
    AND object_id = $adid AND detail = 'eigen account'")" 4 \
    "each refusal is audited"
dash_as ad GET /beheer
like "$(http_body)" 'Dit is uw eigen account' \
    "the admin page offers no rights forms for one's own account"
unlike "$(http_body)" "id=\"u-rol-$adid\"" "and no role to pick for it"

# ---------------------------------------------------------------------
# A request waits, with no effect, and is listed.
hanna=$(uid hanna)
mails0=$(sql "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'grant'")
dash_post ad /beheer actie=gebruiker-rol "id=$hanna" rol=coordinator
is "$HTTP_STATUS" 303 "an admin asks for hanna as coordinator"
r1=$(grant_open hanna rol)
isnt "$r1" "" "the request is stored"
like "$(http_header Location)" "/beheer\\?verzoek=$r1\$" \
    "and the page says so"
is "$(role hanna)" handler "hanna is still a handler"
dash_as hanna GET "/melding/$nzuid"
is "$HTTP_STATUS" 404 "and still cannot open another team's report"
dash_as ad GET /beheer
like "$(http_body)" "Verzoek $r1: rol coördinator voor <strong>hanna" \
    "the admin page lists the waiting request"
dash_as cor GET /verzoeken
is "$HTTP_STATUS" 200 "a coordinator opens the requests"
like "$(http_body)" "Verzoek $r1: rol coördinator voor <strong>hanna" \
    "and sees it there"
like "$(http_body)" "behandelaar; teams: Noord" \
    "with the account as it is now"
like "$(http_body)" 'name="actie" value="bevestigen"' \
    "with a button to confirm"
for u in hanna aud; do
	dash_as "$u" GET /verzoeken
	is "$HTTP_STATUS" 403 "$u cannot open the requests"
done
is "$(sql "SELECT CONCAT(username, ' ', object_type, ' ', object_id, ' ',
    detail) FROM audit_log WHERE action = 'verzoek ingediend'
    ORDER BY id DESC LIMIT 1")" \
    "ad verzoek $r1 gebruiker hanna ($hanna): rol coördinator" \
    "the request is audited: who, what, which account"

# The coordinators are told by mail, without any report content.
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'grant'")" \
    $((mails0 + 1)) "one notice is queued (cor has an address)"
is "$(sql "SELECT CONCAT(u.username, ' ', o.request_id, ' ',
    COALESCE(o.report_id, 'geen')) FROM mail_outbox o
    JOIN app_user u ON u.id = o.user_id WHERE o.kind = 'grant'
    ORDER BY o.id DESC LIMIT 1")" "cor $r1 geen" \
    "to the coordinator, about the request, of no report"
mail_setup
mail_send
is "$MAIL_RC" 0 "meldpuntctl mail send delivers it"
m=$(find "$MAIL_DIR/out" -name '*.eml' | xargs grep -l 'cor@gemeente.example' |
    head -n 1)
isnt "$m" "" "a mail went to the coordinator"
body=$(python3 - "$m" <<'PY'
import email, email.policy, sys
with open(sys.argv[1], 'rb') as f:
    m = email.message_from_binary_file(f, policy=email.policy.default)
print(m['subject'])
print(m.get_content())
PY
)
like "$body" "Verzoek om rechten" "its subject says what it is about"
like "$body" "Verzoek $r1: rol coördinator voor account hanna" \
    "it names the request, the change and the account"
like "$body" "gevraagd door ad " "and who asked"
like "$body" "https://meldpunt.voorbeeld.nl/dashboard/verzoeken" \
    "and where to decide"
unlike "$body" 'M-20[0-9][0-9]-' "it names no report"
desc=$(sql "SELECT GROUP_CONCAT(LEFT(description, 25) SEPARATOR '|')
    FROM report WHERE id <= 20")
unlike "$body" "$desc" "and holds no report's words"
conf_reset

# ---------------------------------------------------------------------
# Who may confirm: not the requester, not the account itself.
dash_decide ad bevestigen "$r1"
is "$HTTP_STATUS" 403 "the requester cannot confirm its own request"
like "$(http_body)" 'U heeft dit verzoek zelf gedaan' "and is told why"
dash_decide ad afwijzen "$r1"
is "$HTTP_STATUS" 403 "nor reject it (it withdraws)"
dash_decide hanna bevestigen "$r1"
is "$HTTP_STATUS" 403 "hanna (a handler) cannot confirm"
is "$(role hanna)$(status_of "$r1")" handleropen \
    "nothing changed and the request still waits"
cor2=$(uid cor2)
dash_post ad /beheer actie=gebruiker-identiteit "id=$cor2" aan=1
r2=$(grant_open cor2 identiteit)
isnt "$r2" "" "an admin asks for the identity right of cor2"
dash_decide cor2 bevestigen "$r2"
is "$HTTP_STATUS" 403 "the account concerned cannot confirm it"
like "$(http_body)" 'gaat over uw eigen account' "and is told why"
dash_as cor2 GET /verzoeken
like "$(http_body)" "Dit verzoek gaat over uw eigen account" \
    "its list offers it no confirm button"
is "$(sql "SELECT reporter_identity FROM app_user WHERE id = $cor2")" 0 \
    "cor2 has no identity right yet"

# Another admin confirms; then it takes effect.
dash_decide ad2 bevestigen "$r1"
is "$HTTP_STATUS" 303 "another admin confirms hanna's role"
is "$(role hanna)" coordinator "and now hanna is coordinator"
dash_as hanna GET "/melding/$nzuid"
is "$HTTP_STATUS" 200 "and opens any team's report"
is "$(status_of "$r1")" bevestigd "the request is confirmed"
is "$(sql "SELECT CONCAT(username, ' ', object_id, ' ', detail) FROM
    audit_log WHERE action = 'verzoek bevestigd' AND object_id = $r1")" \
    "ad2 $r1 gebruiker hanna ($hanna): rol coördinator" \
    "the confirmation is audited: who, which request"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE object_type = 'verzoek'
    AND object_id = $r1 AND at IS NOT NULL")" 2 \
    "both steps are in the audit log, with their time"

# Confirming twice applies once.
dash_decide cor bevestigen "$r1"
is "$HTTP_STATUS" 409 "a second confirmation is refused"
like "$(http_body)" 'al beslist' "as already decided"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'verzoek bevestigd'
    AND object_id = $r1")" 1 "and audits nothing more"

# The identity right is the account's: cor2 (coordinator) has it not.
named=$(sql "SELECT MIN(r.id) FROM report r JOIN reporter_contact c
    ON c.report_id = r.id WHERE r.anonymous = 0 AND c.name_enc IS NOT NULL")
reporter() { grep -o '<dd id="reporter">[^<]*' "$HTTP_BODY"; }
dash_as cor GET "/melding/$named"
cor_sees=$(reporter)
unlike "$cor_sees" 'niet anoniem' "cor (with the right) sees the reporter"
dash_as cor2 GET "/melding/$named"
is "$HTTP_STATUS" 200 "a coordinator without the right opens the report"
is "$(reporter)" '<dd id="reporter">niet anoniem; wie het is, zien alleen medewerkers met het recht identiteit melder' \
    "but not who reported it"
dash_decide cor bevestigen "$r2"
is "$HTTP_STATUS" 303 "a coordinator confirms cor2's identity right"
dash_as cor2 GET "/melding/$named"
is "$(reporter)" "$cor_sees" "and cor2 now sees the reporter as cor does"
dash_post ad /beheer actie=gebruiker-identiteit "id=$(uid ad2)" aan=1
is "$HTTP_STATUS" 400 "an admin account cannot get the identity right"
like "$(http_body)" 'kan een account het recht op de identiteit' \
    "with the reason"

# ---------------------------------------------------------------------
# Reject and withdraw.
henk=$(uid henk)
dash_post ad /beheer actie=gebruiker-team "id=$henk" "team=$noord" aan=1
r3=$(grant_open henk team "$noord")
dash_post ad /beheer actie=gebruiker-team "id=$henk" "team=$noord" aan=1
is "$HTTP_STATUS" 409 "the same request twice is refused"
is "$(sql "SELECT COUNT(*) FROM grant_request WHERE target_id = $henk
    AND status = 'open'")" 1 "one request waits"
dash_decide cor afwijzen "$r3"
is "$HTTP_STATUS" 303 "a coordinator rejects it"
is "$(status_of "$r3")$(teams henk "$noord")" afgewezen0 \
    "it is rejected and henk is not in Noord"
dash_decide ad2 bevestigen "$r3"
is "$HTTP_STATUS" 409 "a rejected request cannot be confirmed"
is "$(teams henk "$noord")" 0 "and henk is still not in Noord"

dash_post ad /beheer actie=gebruiker-team "id=$henk" "team=$noord" aan=1
r4=$(grant_open henk team "$noord")
dash_decide ad2 intrekken "$r4"
is "$HTTP_STATUS" 403 "only the requester withdraws"
dash_decide ad intrekken "$r4"
is "$HTTP_STATUS" 303 "the requester withdraws it"
is "$(status_of "$r4")" ingetrokken "it is withdrawn"
dash_decide cor bevestigen "$r4"
is "$HTTP_STATUS" 409 "a withdrawn request cannot be confirmed"
is "$(teams henk "$noord")" 0 "and changes nothing"
is "$(sql "SELECT GROUP_CONCAT(action ORDER BY id) FROM audit_log
    WHERE object_type = 'verzoek' AND object_id IN ($r3, $r4)")" \
    "verzoek ingediend,verzoek afgewezen,verzoek ingediend,verzoek ingetrokken" \
    "requests, the rejection and the withdrawal are audited"

# ---------------------------------------------------------------------
# A request whose account changed meanwhile lapses.
dash_post ad /beheer actie=gebruiker-rol "id=$henk" rol=coordinator
r5=$(grant_open henk rol)
dash_post ad /beheer actie=gebruiker-actief "id=$henk" aan=0
is "$(sql "SELECT disabled FROM app_user WHERE id = $henk")" 1 \
    "meanwhile henk is switched off, at once"
dash_decide cor bevestigen "$r5"
is "$HTTP_STATUS" 409 "confirming the old request is refused"
like "$(http_body)" 'vervallen' "as lapsed"
is "$(role henk)$(status_of "$r5")" handlervervallen \
    "henk stays a handler and the request lapsed"
dash_post ad /beheer actie=gebruiker-actief "id=$henk" aan=1
dash_decide cor bevestigen "$(grant_open henk actief)"
is "$(sql "SELECT disabled FROM app_user WHERE id = $henk")" 0 \
    "switching henk on again was confirmed too"

# ---------------------------------------------------------------------
# Two people confirming at once: applied once.  Each round a new
# request and two confirmations sent together.
jar()
{
	local d=$E2E_TEST_DIR/jar-$1
	mkdir -p "$d"
	printf '%s' "$d/cookies"
}
token_for()
{
	curl -s -b "$(jar "$1")" -c "$(jar "$1")" \
	    -H "${E2E_PORTAL_HEADER:-X-Test-Remote-User}: $1" "$E2E_BASE$DASH/verzoeken" |
	    grep -o 'name="csrf" value="[^"]*"' | head -n 1 |
	    sed 's/.*value="//; s/"$//'
}
confirm_bg()
{
	curl -s -o /dev/null -w '%{http_code}\n' -b "$(jar "$1")" \
	    -c "$(jar "$1")" -H "${E2E_PORTAL_HEADER:-X-Test-Remote-User}: $1" \
	    --data-urlencode "csrf=$2" --data-urlencode actie=bevestigen \
	    --data-urlencode "id=$3" "$E2E_BASE$DASH/verzoeken"
}
rita=$(uid rita)
tc=$(token_for cor)
ta=$(token_for ad2)
bad=0
for i in 1 2 3 4 5; do
	mp_ctl team add "Race $i" >/dev/null
	t=$(sql "SELECT id FROM team WHERE name = 'Race $i'")
	dash_post ad /beheer actie=gebruiker-team "id=$rita" "team=$t" aan=1
	r=$(grant_open rita team "$t")
	confirm_bg cor "$tc" "$r" >"$E2E_TEST_DIR/race-a" &
	pa=$!
	confirm_bg ad2 "$ta" "$r" >"$E2E_TEST_DIR/race-b" &
	pb=$!
	wait "$pa" "$pb"
	codes=$(cat "$E2E_TEST_DIR/race-a" "$E2E_TEST_DIR/race-b" | sort |
	    tr '\n' ' ')
	n=$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
	    'verzoek bevestigd' AND object_id = $r")
	if [ "$codes" != "303 409 " ] || [ "$n" != 1 ] ||
	    [ "$(teams rita "$t")" != 1 ]; then
		diag "round $i: codes $codes, confirmations $n"
		bad=$((bad + 1))
	fi
done
is "$bad" 0 "two confirmations at once: one applies, one is refused (5 rounds)"

# ---------------------------------------------------------------------
# Taking rights away is at once.
dash_post ad /beheer actie=gebruiker-rol "id=$hanna" rol=handler
is "$HTTP_STATUS" 303 "hanna back to handler"
is "$(role hanna)" handler "at once"
dash_as hanna GET "/melding/$nzuid"
is "$HTTP_STATUS" 404 "and she sees only her team again"
dash_post ad /beheer actie=gebruiker-team "id=$hanna" "team=$noord" aan=0
is "$(teams hanna)" 0 "a team is taken away at once"
dash_post ad /beheer actie=gebruiker-identiteit "id=$cor2" aan=0
is "$(sql "SELECT reporter_identity FROM app_user WHERE id = $cor2")" 0 \
    "the identity right is taken away at once"
dash_post ad /beheer actie=gebruiker-rol "id=$cor2" rol=auditor
is "$(role cor2)" auditor "a coordinator becomes auditor at once"
is "$(sql "SELECT COUNT(*) FROM grant_request WHERE status = 'open'
    AND target_id IN ($hanna, $cor2)")" 0 "none of these made a request"
dash_post ad /beheer actie=gebruiker-team "id=$hanna" "team=$noord" aan=1
dash_decide ad2 bevestigen "$(grant_open hanna team "$noord")"
is "$(teams hanna "$noord")" 1 "(hanna back in Noord, confirmed)"

# A handler may hold the identity right too, for her team's reports.
sql "UPDATE report SET team_id = $noord WHERE id = $named"
dash_as hanna GET "/melding/$named"
is "$(reporter)" '<dd id="reporter">niet anoniem; wie het is, zien alleen medewerkers met het recht identiteit melder' \
    "hanna (handler) sees no reporter without the right"
dash_post ad /beheer actie=gebruiker-identiteit "id=$hanna" aan=1
dash_decide cor bevestigen "$(grant_open hanna identiteit)"
dash_as hanna GET "/melding/$named"
is "$(reporter)" "$cor_sees" "and sees the reporter once it is confirmed"
dash_post ad /beheer actie=gebruiker-identiteit "id=$hanna" aan=0
dash_as hanna GET "/melding/$named"
is "$(reporter)" '<dd id="reporter">niet anoniem; wie het is, zien alleen medewerkers met het recht identiteit melder' \
    "and not once it is taken away"

# CSRF on the new actions.
dash_as cor POST /verzoeken --data-urlencode actie=afwijzen \
    --data-urlencode id=1
is "$HTTP_STATUS" 403 "a decision without the CSRF token is refused"
dash_as ad POST /beheer --data-urlencode actie=gebruiker-identiteit \
    --data-urlencode "id=$henk" --data-urlencode aan=1
is "$HTTP_STATUS" 403 "a rights change without the CSRF token is refused"
dash_post ad /beheer actie=gebruiker-wachtwoord "id=$henk"
is "$HTTP_STATUS" 400 "portal mode has no password reset"

# ---------------------------------------------------------------------
# Local mode: a password or second-factor reset of a reading account
# waits; the confirmer sees the one-time password once; the account
# chooses its own at its next sign-in.
# Earlier tests may have given them a second factor: IT takes it away
# (meldpuntctl acts at once), so each signs in with the password.
for u in ad ad2 cor hanna; do
	printf '%s heeft een lang wachtwoord\n' "$u" |
	    mp_ctl user set-password "$u" >/dev/null 2>&1
	mp_ctl user reset-totp "$u" >/dev/null
done
conf_set auth.mode local
restart_program dashboard
base=$E2E_TEST_DIR
as() { E2E_TEST_DIR=$base/local-$1; mkdir -p "$E2E_TEST_DIR"; }
login()
{
	http_get "$DASH/aanmelden"
	http_post_form "$DASH/aanmelden" "token=$(form_value token)" \
	    "gebruiker=$1" "wachtwoord=$2"
}
lpost()
{
	local path=$1 tok
	shift
	http_get "$DASH/"  -L
	tok=$(form_value csrf)
	http_post_form "$DASH$path" "csrf=$tok" "$@"
}
as ad; login ad 'ad heeft een lang wachtwoord'
as ad2; login ad2 'ad2 heeft een lang wachtwoord'
as cor; login cor 'cor heeft een lang wachtwoord'
as hanna; login hanna 'hanna heeft een lang wachtwoord'
is "$HTTP_STATUS" 303 "hanna signs in with her password"

as ad; lpost /beheer actie=gebruiker-wachtwoord "id=$hanna"
is "$HTTP_STATUS" 303 "an admin asks for a reset of hanna's password"
r6=$(grant_open hanna wachtwoord)
isnt "$r6" "" "it is a request"
as hanna; http_get "$DASH/"
is "$HTTP_STATUS" 200 "hanna is still signed in"
http_reset_cookies
login hanna 'hanna heeft een lang wachtwoord'
is "$HTTP_STATUS" 303 "and her password still works"
as ad; lpost /verzoeken actie=bevestigen "id=$r6"
is "$HTTP_STATUS" 403 "the requester cannot confirm the reset"
as ad2; lpost /verzoeken actie=bevestigen "id=$r6"
is "$HTTP_STATUS" 200 "another admin confirms it"
pw=$(grep -o '<p class="code" id="eenmalig-wachtwoord">[^<]*' "$HTTP_BODY" |
    sed 's/.*>//')
like "$pw" '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$' \
    "and is shown a one-time password"
is "$(sql "SELECT password_change FROM app_user WHERE id = $hanna")" 1 \
    "which hanna must replace"
as hanna; http_get "$DASH/"
is "$HTTP_STATUS" 303 "hanna's session has ended"
http_reset_cookies
login hanna 'hanna heeft een lang wachtwoord'
is "$HTTP_STATUS" 403 "her old password no longer works"
unlike "$(sql "SELECT GROUP_CONCAT(detail) FROM audit_log
    WHERE object_id = $r6 AND object_type = 'verzoek'")" "$pw" \
    "the one-time password is in no audit entry"
login hanna "$pw"
is "$HTTP_STATUS" 303 "the one-time password signs in"
like "$(http_header Location)" '/wachtwoord$' "to choosing her own"
http_get "$DASH/"
like "$(http_header Location)" '/wachtwoord$' "nothing else opens first"
http_get "$DASH/tweede-factor"
like "$(http_header Location)" '/wachtwoord$' "not even the second factor"
http_get "$DASH/wachtwoord"
tok=$(form_value csrf)
http_post_form "$DASH/wachtwoord" "csrf=$tok" "nieuw=$pw" "herhaling=$pw"
is "$HTTP_STATUS" 400 "the one-time password cannot be kept"
http_post_form "$DASH/wachtwoord" "csrf=$tok" "nieuw=kort" "herhaling=kort"
is "$HTTP_STATUS" 400 "a short password is refused"
like "$(http_body)" 'aria-describedby="pw-nieuw-error"' \
    "with the error tied to its field"
http_post_form "$DASH/wachtwoord" "csrf=$tok" \
    "nieuw=hanna kiest zelf een wachtwoord" "herhaling=iets anders hier"
is "$HTTP_STATUS" 400 "two different passwords are refused"
http_post_form "$DASH/wachtwoord" "csrf=$tok" \
    "nieuw=hanna kiest zelf een wachtwoord" \
    "herhaling=hanna kiest zelf een wachtwoord"
is "$HTTP_STATUS" 303 "her own password is stored"
http_get "$DASH/"
is "$HTTP_STATUS" 200 "and she is signed in"
http_reset_cookies
login hanna "$pw"
is "$HTTP_STATUS" 403 "the one-time password works no more"
login hanna 'hanna kiest zelf een wachtwoord'
is "$HTTP_STATUS" 303 "her own one does"
like "$(http_header Location)" '/dashboard/$' "straight to the work list"

# A second-factor reset of a reading account waits as well.
sql "UPDATE app_user SET totp_enabled = 1, totp_secret = 'x',
    totp_last_step = 5 WHERE id = $hanna"
as ad; lpost /beheer actie=gebruiker-tweede-factor "id=$hanna"
r7=$(grant_open hanna tweede-factor)
isnt "$r7" "" "a second-factor reset of hanna is a request"
is "$(sql "SELECT totp_enabled FROM app_user WHERE id = $hanna")" 1 \
    "that changes nothing yet"
as cor; lpost /verzoeken actie=bevestigen "id=$r7"
is "$HTTP_STATUS $(http_header Location)" \
    "303 /dashboard/verzoeken?gedaan=verzoek-bevestigd#verzoek-$r7" \
    "a coordinator confirms it"
is "$(sql "SELECT CONCAT(totp_enabled, COALESCE(totp_secret, '-'))
    FROM app_user WHERE id = $hanna")" 0- \
    "and her second factor is gone, to be set up anew"

# An account that reads nothing: at once, shown to the admin.
as ad; lpost /beheer actie=gebruiker-wachtwoord "id=$(uid aud)"
is "$HTTP_STATUS" 200 "an auditor's password is reset at once"
like "$(http_body)" 'id="eenmalig-wachtwoord">[0-9A-Z-]{19}<' \
    "and the one-time password shown to the admin"
is "$(grant_open aud wachtwoord)" "" "without a request"
as ad; lpost /beheer actie=gebruiker-wachtwoord "id=$adid"
is "$HTTP_STATUS" 403 "nobody resets their own password here"

E2E_TEST_DIR=$base
conf_reset
restart_program dashboard
