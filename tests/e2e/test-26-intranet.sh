# test-26-intranet.sh -- the staff's form only on the intranet
# (intake.intranet_audiences): the public form refuses it whatever a
# client sends, the intranet's location serves it only to the user the
# portal names, its reports get the channel "intranet" (shown in the
# dashboard and counted in the statistics), and the per-client rate
# limit counts per signed-in user, not per (shared) address.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
. "$top_srcdir/tests/e2e/dash.sh"
intake_catalog
dash_fixtures

INTRA=/intranet/melden
PORTAL=${E2E_PORTAL_HEADER:-X-Test-Remote-User}

# intra_get PATH [USER [curl args]]: GET through the intranet's location,
# from the portal's (one, shared) address; USER "" for no portal user.
intra_get()
{
	local path=$1 user=${2:-}
	shift
	[ $# -gt 0 ] && shift
	if [ -n "$user" ]; then
		http_get "$path" -H "$PORTAL: $user" "$@"
	else
		http_get "$path" "$@"
	fi
}

# intra_fields USER TEXT: a valid staff report with description TEXT in
# F, its token from the intranet's form as USER.
intra_fields()
{
	report_fields /melden/
	intra_get "$INTRA/" "$1"
	set_field form-token "$(form_value form-token)"
	set_field report-signal-type witwassen
	set_field report-description "$2"
}

# intra_post USER [curl args]: send F to the staff's form on the intranet.
intra_post()
{
	local user=$1 args=() f
	shift
	for f in "${F[@]}"; do
		args+=(--form-string "$f")
	done
	if [ -n "$user" ]; then
		args+=(-H "$PORTAL: $user")
	fi
	http_post_multipart "$INTRA/medewerkers" "${args[@]}" "$@"
}

nrep() { sql "SELECT COUNT(*) FROM report"; }
ndesc() { sql "SELECT COUNT(*) FROM report WHERE description = '$1'"; }

# --- Without the key, every audience is public (as before) ---------------

iget /melden/medewerkers
is "$HTTP_STATUS" 200 "without intake.intranet_audiences the staff form is public"
intra_get "$INTRA/" jan
is "$HTTP_STATUS" 404 "without the key the intranet's location serves nothing"

conf_set intake.intranet_audiences medewerkers
restart_intake

# --- The public location ---------------------------------------------------

iget /melden/medewerkers
is "$HTTP_STATUS" 404 "the staff form on the public site is 404"
like "$(http_body)" 'formulier voor medewerkers staat op het intranet' \
    "the page says, in Dutch, that the employees' form is on the intranet"
like "$(http_body)" 'intranetportaal' "and where to open it"
iget /melden/medewerkers -H "Accept-Language: en"
is "$HTTP_STATUS" 404 "in English the same refusal"
like "$(http_body)" 'form for employees is on the intranet' \
    "in English words (the catalogue's error.msg.intranet_only)"
iget /melden/medewerkers -u jan:geheim
is "$HTTP_STATUS" 404 "a client's Basic user (REMOTE_USER on /melden/) does not count"
iget /melden/medewerkers -H "$PORTAL: jan"
is "$HTTP_STATUS" 404 "a client's portal header on /melden/ does not count"
iget /melden/
is "$HTTP_STATUS" 200 "the public default form is still served"
unlike "$(http_body)" 'melden/medewerkers' \
    "the public form does not offer the staff form"
like "$(http_body)" '/melden/ondernemers' "it still offers the other public forms"

before=$(nrep)
report_fields
set_field report-signal-type witwassen
set_field report-description "Intranet test publiek vervalst"
post_report /melden/medewerkers -u jan:geheim -H "$PORTAL: jan"
is "$HTTP_STATUS" 404 "a report sent to the staff form on the public site is refused"
is "$(nrep)" "$before" "and nothing is stored"

# --- The intranet's location without the portal's user ---------------------

intra_get "$INTRA/"
is "$HTTP_STATUS" 403 "the intranet's form without a portal user is 403"
like "$(http_body)" 'niet aangemeld via het intranetportaal' \
    "the page says to sign in at the portal first"
unlike "$(http_body)" 'name="form-token"' "no form is shown"
intra_get "$INTRA/" "" -u jan:geheim
is "$HTTP_STATUS" 403 "a client's Basic user does not count on the intranet either"
intra_get "$INTRA/bewoners" jan
is "$HTTP_STATUS" 404 "a public audience is not served on the intranet"

before=$(nrep)
intra_fields jan "Intranet test zonder portaal"
intra_post "" -u jan:geheim
is "$HTTP_STATUS" 403 "a report without a portal user is refused (403)"
is "$(nrep)" "$before" "and nothing is stored"

# --- With the portal's user ---------------------------------------------------

intra_get "$INTRA/" jan
is "$HTTP_STATUS" 200 "with the portal user the staff form is served"
like "$(http_body)" "action=\"$INTRA/medewerkers\"" \
    "it posts to the intranet's location"
intra_get "$INTRA/medewerkers/" jan
is "$HTTP_STATUS" 200 "also by its slug"

stats0=$(sql "SELECT COALESCE(SUM(received), 0) FROM stats_month
    WHERE channel = 'intranet'")
before=$(nrep)
intra_fields jan "Intranet test met portaal"
intra_post jan
is "$HTTP_STATUS" 200 "a staff report through the portal is accepted"
like "$(http_body)" '<h1>Uw melding is ontvangen</h1>' "the receipt is shown"
ref=$(receipt_ref)
is "$(nrep)" "$(( before + 1 ))" "one report stored"
is "$(sql "SELECT channel FROM report WHERE reference = '$ref'")" intranet \
    "its channel is intranet"
is "$(sql "SELECT a.slug FROM report r JOIN audience a ON a.id = r.audience_id
    WHERE r.reference = '$ref'")" medewerkers "its audience is the staff's"
is "$(sql "SELECT COUNT(*) FROM report r WHERE r.reference = '$ref' AND
    (r.description LIKE '%jan%' OR r.city LIKE '%jan%')")" 0 \
    "the portal's user name is not stored with the report"
is "$(sql "SELECT COALESCE(SUM(received), 0) FROM stats_month
    WHERE channel = 'intranet'")" "$(( stats0 + 1 ))" \
    "the statistics count it under the channel intranet"
id=$(sql "SELECT id FROM report WHERE reference = '$ref'")
dash_as cor GET "/melding/$id"
is "$HTTP_STATUS" 200 "the coordinator opens the report"
like "$(http_body)" 'via intranet' "the report page shows the channel intranet"
dash_as cor GET "/?kanaal=intranet"
like "$(http_body)" "$ref" "the work list filtered on channel intranet lists it"

# --- Public audiences still work on the public location ------------------------

before=$(nrep)
report_fields
set_field report-description "Intranet test publiek formulier"
post_report
is "$HTTP_STATUS" 200 "the public default form still takes reports"
ref=$(receipt_ref)
is "$(sql "SELECT channel FROM report WHERE reference = '$ref'")" web \
    "with the channel web"
report_fields /melden/ondernemers
set_field report-description "Intranet test ondernemers"
post_report /melden/ondernemers
is "$HTTP_STATUS" 200 "another public audience still takes reports"

# --- The rate limit per signed-in user ----------------------------------------

conf_set intake.rate.per_client 2
restart_intake
for i in 1 2; do
	intra_fields anna "Intranet test anna $i"
	intra_post anna
	is "$HTTP_STATUS" 200 "rate limit 2: anna's report $i is accepted"
done
intra_fields anna "Intranet test anna 3"
intra_post anna
is "$HTTP_STATUS" 429 "rate limit 2: anna's third report is 429"
like "$(http_body)" 'te veel meldingen' "the page says why"
is "$(form_value report-description)" "Intranet test anna 3" \
    "and keeps what she typed"
is "$(ndesc 'Intranet test anna 3')" 0 "anna's third report is not stored"
for i in 1 2; do
	intra_fields bert "Intranet test bert $i"
	intra_post bert
	is "$HTTP_STATUS" 200 \
	    "bert, behind the same address, has his own budget ($i of 2)"
done
is "$(ndesc 'Intranet test bert 2')" 1 "bert's reports are stored"
intra_fields anna "Intranet test anna 4"
intra_post anna
is "$HTTP_STATUS" 429 "anna is still limited after bert's reports"
ADDR_SAVED=$INTAKE_ADDR
INTAKE_ADDR=127.0.0.26
report_fields
set_field report-description "Intranet test publiek na limiet"
post_report
is "$HTTP_STATUS" 200 "a public client keeps its own budget, per address"
INTAKE_ADDR=$ADDR_SAVED

conf_reset
restart_intake
