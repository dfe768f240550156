# test-36-dashboard-new-report.sh -- a report received by telephone or
# e-mail, entered on the dashboard: what is stored (channel, date
# received, team, sealed contact, history, audit), refusals that store
# nothing, a second POST of the same form, CSRF, roles, escaping; the
# reference and code shown once, with which the caller signs in at
# /melding/; files through the intake's check; the contact details
# to the handler who typed them (issue 16).

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures

yesterday=$(date -d yesterday +%F)
lastweek=$(date -d '7 days ago' +%F)
tomorrow=$(date -d tomorrow +%F)
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
xss='<script>alert("x")</script>'

reports()
{
	sql "SELECT COUNT(*) FROM report"
}

# new_form USER: open the form; sets tok and csrf.
new_form()
{
	dash_as "$1" GET /nieuw
	tok=$(form_value form-token)
	csrf=$(form_value csrf)
}

# new_post USER field=value...: send the form opened last.
new_post()
{
	local user=$1 args=() f
	shift
	for f in "$@"; do
		args+=(--data-urlencode "$f")
	done
	dash_as "$user" POST /nieuw --data-urlencode "csrf=$csrf" \
	    --data-urlencode "form-token=$tok" "${args[@]}"
}

good=(report-channel=telefoon "report-received-date=$yesterday"
    report-audience=bewoners report-signal-type=drugs
    "report-description=Beller ziet 's nachts busjes laden. $xss"
    "report-observed-date=$lastweek" report-street=Kerkstraat
    report-city=Utrecht "report-contact-name=Piet Beller"
    "report-contact-phone=06 12345678")

# The form.
new_form hanna
is "$HTTP_STATUS" 200 "a handler opens the new-report form"
like "$(http_body)" 'name="report-channel"' "it asks for the channel"
like "$(http_body)" 'name="report-received-date"' "and the date received"
like "$(http_body)" 'name="report-signal-type" value="woonfraude"' \
    "and offers the signal types"
isnt "$tok" "" "it carries a form token"
is "$(form_value report-received-date)" "$(date +%F)" \
    "the date received starts at today"

# A good report.
before=$(reports)
new_post hanna "${good[@]}"
is "$HTTP_STATUS" 200 "storing the report shows a page"
id=$(sql "SELECT MAX(id) FROM report")
ref=$(sql "SELECT reference FROM report WHERE id = $id")
code=$(sed -n 's|.*id="secret-code">\([^<]*\)<.*|\1|p' "$HTTP_BODY")
like "$(http_body)" "id=\"reference\">$ref<" "with the new report's reference"
like "$code" '^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$' \
    "and its secret code, to read out to the caller"
like "$(http_body)" 'alleen nu' "said to be shown this once"
is "$(dash_new_id)" "$id" "with a link to the report"
like "$(http_header Cache-Control)" 'no-store' "never cached"
is "$(reports)" $((before + 1)) "one report is stored"
is "$(sql "SELECT channel, DATE(received_at), observed_date, team_id,
    anonymous, code_hash IS NULL, status FROM report WHERE id = $id")" \
    "$(printf 'telefoon\t%s\t%s\t%s\t0\t0\tnieuw' "$yesterday" \
    "$lastweek" "$noord")" \
    "with channel, date received, the handler's team, a code's hash"
is "$(sql "SELECT user_id FROM report_entered WHERE report_id = $id")" \
    "$(sql "SELECT id FROM app_user WHERE username = 'hanna'")" \
    "and who entered it"
is "$(sql "SELECT actor, detail FROM event WHERE report_id = $id AND
    kind = 'ontvangen'")" "$(printf 'hanna\tkanaal: telefoon')" \
    "the history names the handler"
is "$(sql "SELECT subjects_at IS NOT NULL FROM report WHERE id = $id")" 1 \
    "its subjects are indexed as the intake's are (issue 13)"
is "$(audit_count 'melding ingevoerd' hanna "$id")" 1 \
    "the audit log has the entry"
is "$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id = $id
    AND name_enc IS NOT NULL AND phone_enc IS NOT NULL
    AND email_enc IS NULL")" 1 "the contact details are stored"
is "$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id = $id
    AND (INSTR(name_enc, 'Piet') > 0 OR INSTR(phone_enc, '12345678') > 0)")" \
    0 "sealed, not in the clear"

# The same form again: no second report.
new_post hanna "${good[@]}"
is "$HTTP_STATUS" 303 "sending the same form again redirects"
unlike "$(http_body)" "$code" "without the code: it was shown once"
like "$(http_header Location)" "/dashboard/melding/$id\\?gedaan=ingevoerd\$" \
    "to the report it made the first time"
is "$(reports)" $((before + 1)) "and stores nothing more"

# The caller follows it with the reference and code read out.
http_reset_cookies
fb_signin "$ref" "$code"
is "$HTTP_STATUS" 303 "the caller signs in at /melding/ with them"
fb_get /
like "$(http_body)" "$ref" "and sees the report"
http_reset_cookies

# The handler who typed the contact details sees them, audited; the
# page shows no code.
a0=$(audit_count 'identiteit bekijken' hanna "$id")
dash_as hanna GET "/melding/$id"
like "$(http_body)" 'id="reporter">Piet Beller' \
    "the handler who entered it sees the caller's name"
unlike "$(http_body)" "$code" "and never the code again"
is "$(audit_count 'identiteit bekijken' hanna "$id")" $((a0 + 1)) \
    "audited as a look at the identity"

# Files the caller sent, through the intake's own check (multipart,
# as the form posts): a photo is stored, a text posing as a photo is
# refused at the field and nothing is stored.
fdir=$E2E_TEST_DIR
mkdir -p "$fdir"
write_file "$fdir/foto.png" png
printf 'geen foto' >"$fdir/nep.png"
new_multi()
{
	dash_as hanna POST /nieuw -F "csrf=$csrf" -F "form-token=$tok" \
	    -F report-channel=email -F "report-received-date=$yesterday" \
	    -F report-audience=bewoners -F report-signal-type=drugs \
	    -F "report-description=Beller stuurde een foto" \
	    -F "report-observed-date=$lastweek" -F report-city=Utrecht "$@"
}
new_form hanna
like "$(http_body)" 'enctype="multipart/form-data"' "the form sends files"
like "$(http_body)" 'name="report-attachments"' "and asks for them"
n0=$(reports)
new_multi -F "report-attachments=@$fdir/nep.png;type=image/png"
is "$HTTP_STATUS" 400 "a file that is no photo is refused"
like "$(field_error report-attachments)" "alleen foto" \
    "with the intake's error next to the field"
is "$(reports)" "$n0" "and nothing is stored"
new_form hanna
new_multi -F "report-attachments=@$fdir/foto.png;type=image/png"
is "$HTTP_STATUS" 200 "a report with a photo is stored"
fid=$(dash_new_id)
is "$(sql "SELECT COUNT(*), MIN(mime) FROM attachment
    WHERE report_id = ${fid:-0}")" "$(printf '1\timage/png')" \
    "with the photo as an attachment"
is "$(sql "SELECT sha256 = UNHEX(SHA2(data, 256)) FROM attachment
    WHERE report_id = ${fid:-0}")" 1 "its hash that of the stored bytes"

# The detail shows the description escaped.
dash_as hanna GET "/melding/$id"
is "$HTTP_STATUS" 200 "the handler sees the new report"
like "$(http_body)" '&lt;script&gt;' "its description is escaped"
unlike "$(http_body)" '<script>alert' "no markup gets through"

# Errors: shown at their fields, values kept, nothing stored.
expect_refused()
{
	local what=$1 msg=$2
	shift 2
	new_form hanna
	before=$(reports)
	new_post hanna "$@"
	is "$HTTP_STATUS" 400 "$what is refused"
	like "$(http_body)" "$msg" "with the reason"
	is "$(reports)" "$before" "and nothing is stored"
}
with()
{
	local f out=() name=${1%%=*}
	for f in "${good[@]}"; do
		[ "${f%%=*}" = "$name" ] || out+=("$f")
	done
	printf '%s\n' "${out[@]}" "$1"
}
mapfile -t args < <(with "report-received-date=$tomorrow")
expect_refused "a date received in the future" 'Deze datum ligt in de toekomst' \
    "${args[@]}"
like "$(http_body)" 'id="report-received-date-error"' \
    "the error stands at its field"
like "$(http_body)" 'aria-invalid="true"' "and the field is marked invalid"
is "$(form_value report-city)" Utrecht "the other values are kept"
is "$(form_value report-contact-name)" "Piet Beller" "contact too"
mapfile -t args < <(with report-channel=fax)
expect_refused "a channel other than telefoon or email" \
    'Kies hoe de melding binnenkwam' "${args[@]}"
mapfile -t args < <(with report-channel=web)
expect_refused "the web channel" 'Kies hoe de melding binnenkwam' \
    "${args[@]}"
mapfile -t args < <(with "report-observed-date=$(date +%F)")
expect_refused "an observation after the date received" \
    'na de datum van ontvangst' "${args[@]}"
args=()
for f in "${good[@]}"; do
	case $f in
	report-audience=*) args+=(report-audience=ondernemers) ;;
	report-signal-type=*) args+=(report-signal-type=woonfraude) ;;
	*) args+=("$f") ;;
	esac
done
expect_refused "a signal type the audience is not offered" \
    'hoort niet bij deze melders' "${args[@]}"
mapfile -t args < <(with "report-city=$xss")
args=("${args[@]/report-street=Kerkstraat/report-street=}")
args=("${args[@]/report-description=*/report-description=}")
expect_refused "an empty description" 'Dit veld is verplicht' "${args[@]}"
like "$(http_body)" '&lt;script&gt;alert' "the values shown are escaped"
unlike "$(http_body)" '<script>alert' "and no markup gets through"

# No contact details: anonymous, nothing to seal.
new_form hanna
args=()
for f in "${good[@]}"; do
	case $f in
	report-contact-*) ;;
	report-channel=*) args+=(report-channel=email) ;;
	*) args+=("$f") ;;
	esac
done
new_post hanna "${args[@]}"
is "$HTTP_STATUS" 200 "a report without contact details is stored"
id2=$(sql "SELECT MAX(id) FROM report")
is "$(sql "SELECT channel, anonymous FROM report WHERE id = $id2")" \
    "$(printf 'email\t1')" "as anonymous, by e-mail"
is "$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id = $id2")" \
    0 "with no contact row"

# A coordinator (no team): the report has no team yet.
new_form cor
is "$HTTP_STATUS" 200 "a coordinator opens the form"
new_post cor "${good[@]}"
is "$HTTP_STATUS" 200 "and stores a report"
id3=$(sql "SELECT MAX(id) FROM report")
is "$(sql "SELECT team_id IS NULL FROM report WHERE id = $id3")" 1 \
    "without a team"
is "$(sql "SELECT actor FROM event WHERE report_id = $id3")" cor \
    "the history names the coordinator"

# CSRF missing or wrong: 403, nothing stored.
new_form hanna
before=$(reports)
dash_as hanna POST /nieuw --data-urlencode "form-token=$tok" \
    --data-urlencode report-channel=telefoon \
    --data-urlencode "report-received-date=$yesterday" \
    --data-urlencode report-audience=bewoners \
    --data-urlencode report-signal-type=drugs \
    --data-urlencode "report-description=Zonder token" \
    --data-urlencode "report-observed-date=$lastweek" \
    --data-urlencode report-city=Utrecht
is "$HTTP_STATUS" 403 "a POST without the CSRF token is refused"
csrf=wrong
new_post hanna "${good[@]}"
is "$HTTP_STATUS" 403 "so is one with a wrong token"
is "$(reports)" "$before" "and neither stored anything"

# Roles: admin and auditor may not enter reports.
for u in ad aud; do
	dash_as "$u" GET /nieuw
	is "$HTTP_STATUS" 403 "$u cannot open the form"
	csrf=$(dash_csrf "$u")
	new_post "$u" "${good[@]}"
	is "$HTTP_STATUS" 403 "$u cannot send it"
done
is "$(reports)" "$before" "the refused roles stored nothing"
