# test-98-dashboard-handler-actions.sh -- a handler's daily work (issue
# 16): the audit log found by a report's reference, CSV downloads named
# after their content and date, dates typed as dd-mm-jjjj or jjjj-mm-dd
# on the public form and the handler's new-report form.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/intake.sh"
dash_fixtures
AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
today=$(TZ=Europe/Amsterdam date +%F)

# ---------------------------------------------------------------------
# The audit log by reference.
# ---------------------------------------------------------------------
n=$(dash_report Noord)
ref=$(sql "SELECT reference FROM report WHERE id = $n")
dash_as hanna GET "/melding/$n" >/dev/null
is "$HTTP_STATUS" 200 "hanna opens report $ref"
dash_as aud GET "/audit?melding=$n"
is "$HTTP_STATUS" 200 "the auditor filters on the internal id"
by_id=$(http_body | grep -o '<tr><td>[^<]*</td><td>[^<]*</td>' | head -n 5)
isnt "$by_id" "" "and sees entries"
dash_as aud GET "/audit?melding=$ref"
is "$HTTP_STATUS" 200 "the auditor filters on the reference $ref"
is "$(http_body | grep -o '<tr><td>[^<]*</td><td>[^<]*</td>' | head -n 5)" \
    "$by_id" "and sees the same entries"
like "$(http_body)" "value=\"$ref\"" "the reference stays in its field"
like "$(http_body)" "melding $n</td>" "the entries are of that report"
lower=$(printf '%s' "$ref" | tr 'M' 'm')
dash_as aud GET "/audit?melding=+$lower+"
is "$(http_body | grep -o '<tr><td>[^<]*</td><td>[^<]*</td>' | head -n 5)" \
    "$by_id" "in lower case and with spaces around as well"
dash_as aud GET "/audit?melding=M-1999-999999"
is "$HTTP_STATUS" 200 "a reference of no report is answered"
like "$(http_body)" 'Er is geen melding met dit kenmerk' "saying there is none"
unlike "$(http_body)" '<tbody><tr>' "with no entries"
dash_as aud GET "/audit?melding=M-2026-%3Cb%3E"
is "$HTTP_STATUS" 400 "something that is no reference is refused"
unlike "$(http_body)" '<b>' "and never shown raw"
dash_as hanna GET "/audit?melding=$ref"
is "$HTTP_STATUS" 403 "a handler may not read the audit log"

# ---------------------------------------------------------------------
# CSV downloads named after content and date.
# ---------------------------------------------------------------------
dash_as cor GET /export
is "$HTTP_STATUS" 200 "the work list's CSV"
is "$(http_header Content-Disposition)" \
    "attachment; filename=\"meldingen-$today.csv\"" \
    "is named meldingen-<Dutch date>.csv"
dash_as aud GET /privacy/csv
is "$HTTP_STATUS" 200 "the privacy overview's CSV"
is "$(http_header Content-Disposition)" \
    "attachment; filename=\"privacyoverzicht-$today.csv\"" \
    "is named privacyoverzicht-<Dutch date>.csv"
dash_as cor GET '/statistiek/csv?van=2025-01&tot=2025-12'
is "$(http_header Content-Disposition)" \
    'attachment; filename="statistiek-2025-01-2025-12.csv"' \
    "the statistics' CSV is named after its months"

# ---------------------------------------------------------------------
# Dates as dd-mm-jjjj and jjjj-mm-dd, one parser for both forms.
# ---------------------------------------------------------------------
d_iso=$(date -d '10 days ago' +%F)
d_nl=$(date -d '10 days ago' +%d-%m-%Y)
d_short=$(date -d '10 days ago' +%-d-%-m-%Y)
nreports() { sql "SELECT COUNT(*) FROM report"; }
last_observed() { sql "SELECT observed_date FROM report ORDER BY id DESC LIMIT 1"; }

for d in "$d_nl" "$d_iso" "$d_short"; do
	report_fields
	set_field report-observed-date "$d"
	n0=$(nreports)
	post_report
	is "$HTTP_STATUS" 200 "the public form takes the date $d"
	is "$(nreports)" $((n0 + 1)) "and stores the report"
	is "$(last_observed)" "$d_iso" "as $d_iso"
done
for d in 31-02-2026 2026-13-01 gisteren 1-3-26; do
	report_fields
	set_field report-observed-date "$d"
	n0=$(nreports)
	post_report
	is "$HTTP_STATUS" 400 "the public form refuses the date '$d'"
	like "$(field_error report-observed-date)" \
	    'Vul een datum in als dd-mm-jjjj of jjjj-mm-dd' \
	    "with the Dutch error next to the field"
	is "$(form_value report-observed-date)" "$d" "keeping what was typed"
	is "$(nreports)" "$n0" "storing nothing"
done

# The handler's new-report form: the same parser.
new_form() {
	dash_as hanna GET /nieuw
	tok=$(form_value form-token)
	csrf=$(form_value csrf)
}
new_post() {
	local args=() f
	for f in "$@"; do
		args+=(--data-urlencode "$f")
	done
	dash_as hanna POST /nieuw --data-urlencode "csrf=$csrf" \
	    --data-urlencode "form-token=$tok" "${args[@]}"
}
recv_iso=$(date -d '2 days ago' +%F)
recv_nl=$(date -d '2 days ago' +%d-%m-%Y)
staff=(report-channel=telefoon report-audience=bewoners
    report-signal-type=drugs "report-description=Beller meldt busjes."
    report-street=Kerkstraat report-city=Utrecht
    "report-contact-name=Piet Beller" "report-contact-phone=06 12345678")
new_form
is "$(form_value report-received-date)" "$(date +%F)" \
    "the new-report form starts the date received at today"
n0=$(nreports)
new_post "${staff[@]}" "report-received-date=$recv_nl" \
    "report-observed-date=$d_nl"
is "$HTTP_STATUS" 303 "the handler's form takes dd-mm-jjjj for both dates"
is "$(sql "SELECT DATE(received_at), observed_date FROM report
    ORDER BY id DESC LIMIT 1")" "$recv_iso	$d_iso" "stored as those dates"
new_form
new_post "${staff[@]}" "report-received-date=$recv_iso" \
    "report-observed-date=$d_short"
is "$HTTP_STATUS" 303 "and jjjj-mm-dd and d-m-jjjj"
is "$(nreports)" $((n0 + 2)) "two reports stored"
for d in 31-02-2026 2026-13-01 morgen; do
	new_form
	n0=$(nreports)
	new_post "${staff[@]}" "report-received-date=$d" \
	    "report-observed-date=$d_nl"
	is "$HTTP_STATUS" 400 "the handler's form refuses the date received '$d'"
	like "$(field_error report-received-date)" \
	    'Vul een datum in als dd-mm-jjjj of jjjj-mm-dd' \
	    "with the Dutch error next to the field"
	is "$(form_value report-received-date)" "$d" "keeping what was typed"
	is "$(form_value report-description)" "Beller meldt busjes." \
	    "and the other fields"
	is "$(nreports)" "$n0" "storing nothing"
done
