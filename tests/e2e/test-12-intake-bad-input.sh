# test-12-intake-bad-input.sh -- reports the intake must refuse: each
# gets a clear answer (a Dutch message next to the field, in a form that
# keeps every other value; or an error page for a request that cannot be
# read) and stores nothing at all.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
intake_catalog

# The text inputs of the form, whose values must come back on an error.
TEXT_FIELDS="report-description report-observed-date report-observed-time
report-street report-house-number report-postcode report-city report-people
report-companies report-vehicles report-contact-name report-contact-email
report-contact-phone"

# values_kept [BAD_FIELD]: every value of F is in the re-rendered form
# (radio buttons checked as sent), the faulty field's too.
values_kept()
{
	local n bad=
	for n in $TEXT_FIELDS; do
		if [ "$(form_value "$n")" != "$(field "$n")" ]; then
			bad="$bad $n"
		fi
	done
	for n in report-signal-type report-anonymous; do
		if [ "$(checked "$n")" != "$(field "$n")" ]; then
			bad="$bad $n"
		fi
	done
	if [ -n "$bad" ]; then
		diag "values lost:$bad"
		return 1
	fi
	return 0
}

# refused STATUS FIELD-ID MESSAGE-ERE DESC: the last answer re-rendered
# the form with STATUS, MESSAGE tied to FIELD-ID, every value kept, and
# nothing was stored since $before.
refused()
{
	local status=$1 fid=$2 msg=$3 desc=$4 got
	is "$HTTP_STATUS" "$status" "$desc: $status"
	got=$(field_error "$fid")
	like "$got" "$msg" "$desc: message next to the field"
	like "$(http_body)" "<a href=\"#$fid\">" \
	    "$desc: the error summary links to the field"
	ok values_kept "$desc: the other values are kept"
	like "$(form_value form-token)" '^[A-Za-z0-9_-]{40,}$' \
	    "$desc: the form can be sent again"
	is "$(counts)" "$before" "$desc: nothing stored"
}

# page_refused STATUS MESSAGE-ERE DESC: an error page instead of a form.
page_refused()
{
	is "$HTTP_STATUS" "$1" "$3: $1"
	like "$(http_body)" "$2" "$3: says why in Dutch"
	is "$(counts)" "$before" "$3: nothing stored"
}

before=$(counts)

# --- Required fields --------------------------------------------------

report_fields
del_field report-signal-type
post_report
set_field report-signal-type ""
refused 400 report-signal-type 'Kies waar uw melding over gaat' \
    "no signal type"
like "$(http_body)" 'Controleer het formulier' "the form has an error summary"
like "$(http_body)" 'Eén veld is' "the summary counts one field"

report_fields
set_field report-description "   "
post_report
set_field report-description ""	# shown trimmed
refused 400 report-description 'verplicht' "a blank description"

report_fields
del_field report-observed-date
post_report
set_field report-observed-date ""
refused 400 report-observed-date 'verplicht' "no date"

report_fields
del_field report-anonymous
post_report
set_field report-anonymous ""
refused 400 report-anonymous 'Kies of u anoniem wilt melden' \
    "no choice of anonymity"

report_fields
set_field report-anonymous x
post_report
set_field report-anonymous ""
is "$HTTP_STATUS" 400 "an anonymity choice that is neither ja nor nee: 400"
like "$(field_error report-anonymous)" 'anoniem' \
    "an anonymity choice that is neither ja nor nee: message"
is "$(counts)" "$before" "an anonymity choice that is neither ja nor nee: nothing stored"

report_fields
set_field report-street ""
set_field report-house-number ""
set_field report-city ""
post_report
refused 400 report-street 'ten minste een straat, postcode of plaats' \
    "no place at all"

report_fields
set_field report-anonymous nee
post_report
refused 400 report-contact-name 'Vul uw naam in' "not anonymous without a name"

report_fields
set_field report-anonymous nee
set_field report-contact-name "Jan"
post_report
refused 400 report-contact-email 'e-mailadres of telefoonnummer' \
    "not anonymous without a way to reach the reporter"

# Four errors at once: all shown, all values kept.
report_fields
del_field report-signal-type
set_field report-description ""
set_field report-observed-date ""
del_field report-anonymous
post_report
set_field report-signal-type ""
set_field report-anonymous ""
is "$HTTP_STATUS" 400 "four required fields missing: 400"
is "$(error_ids | LC_ALL=C sort | tr '\n' ' ')" \
    "report-anonymous report-description report-observed-date report-signal-type " \
    "four required fields missing: four errors"
like "$(http_body)" '4 velden zijn' "the summary counts four fields"
ok values_kept "four required fields missing: the other values are kept"
is "$(counts)" "$before" "four required fields missing: nothing stored"

# --- Every text field one character over its limit ------------------------

# name:limit, as lib/report.c's rfields table has them.
for spec in signal-type:32 description:5000 observed-date:10 \
    observed-time:5 street:100 house-number:12 postcode:7 city:80 \
    people:2000 companies:2000 vehicles:2000 anonymous:3 \
    contact-name:100 contact-email:254 contact-phone:20; do
	name=report-${spec%%:*}
	max=${spec#*:}
	over=$(python3 -c 'import sys; sys.stdout.write("7" * (int(sys.argv[1]) + 1))' "$max")
	report_fields
	case $name in
	report-contact-*)
		set_field report-anonymous nee
		set_field report-contact-name "Jan de Vries"
		set_field report-contact-email "jan@voorbeeld.nl"
		;;
	esac
	set_field "$name" "$over"
	post_report
	case $name in
	report-signal-type|report-anonymous)
		# A radio button: the value cannot be shown back.
		set_field "$name" ""
		;;
	esac
	refused 400 "$name" 'te lang' "${spec%%:*} of $((max + 1)) characters"
done

# --- Encodings and control characters ---------------------------------

report_fields
set_field report-description "$(printf 'Goed begin \xff\xfe en dan')"
post_report
is "$HTTP_STATUS" 400 "invalid UTF-8 (multipart): 400"
like "$(field_error report-description)" 'tekens die wij niet kunnen lezen' \
    "invalid UTF-8 (multipart): message next to the field"
like "$(form_value report-description)" 'Goed begin .* en dan' \
    "invalid UTF-8 (multipart): the text is shown back"
ok 'python3 -c "import sys; open(sys.argv[1], encoding=\"utf-8\", errors=\"strict\").read()" "$HTTP_BODY"' \
    "invalid UTF-8 (multipart): the page itself is valid UTF-8"
is "$(counts)" "$before" "invalid UTF-8 (multipart): nothing stored"

report_fields
body=$E2E_TEST_DIR/body.urlenc
{
	for f in "${F[@]}"; do
		case $f in
		report-city=*) printf 'report-city=Voor%%C3%%28beeld&' ;;
		*) printf '%s&' "$(python3 -c 'import sys, urllib.parse; n, v = sys.argv[1].split("=", 1); print(n + "=" + urllib.parse.quote(v, safe=""))' "$f")" ;;
		esac
	done
	printf 'x-end='
} >"$body"
# x-end is an unknown field: strip it, it is only the terminator.
sed -i 's/&x-end=$//' "$body"
post_raw_body "$body" application/x-www-form-urlencoded
is "$HTTP_STATUS" 400 "invalid UTF-8 (urlencoded): 400"
like "$(field_error report-city)" 'niet kunnen lezen' \
    "invalid UTF-8 (urlencoded): message next to the field"
is "$(counts)" "$before" "invalid UTF-8 (urlencoded): nothing stored"

sed -i 's/report-city=Voor%C3%28beeld/report-city=Voor%00beeld/' "$body"
post_raw_body "$body" application/x-www-form-urlencoded
is "$HTTP_STATUS" 400 "a NUL byte (%00, urlencoded): 400"
like "$(field_error report-city)" 'niet kunnen lezen' \
    "a NUL byte (%00, urlencoded): message next to the field"
is "$(counts)" "$before" "a NUL byte (%00, urlencoded): nothing stored"

sed -i 's/report-city=Voor%00beeld/report-city=Voor%1Bbeeld/' "$body"
post_raw_body "$body" application/x-www-form-urlencoded
is "$HTTP_STATUS" 400 "an escape character (urlencoded): 400"
is "$(counts)" "$before" "an escape character (urlencoded): nothing stored"

sed -i 's/report-city=Voor%1Bbeeld/report-ci%00ty=Voorbeeld/' "$body"
post_raw_body "$body" application/x-www-form-urlencoded
page_refused 400 'kon niet worden gelezen' "a NUL byte in a field name"

# A raw NUL in a multipart text part.
report_fields
body=$E2E_TEST_DIR/body.multipart
python3 - "$body" "${F[@]}" <<'EOF'
import sys
out = open(sys.argv[1], 'wb')
b = b'----e2eNULboundary'
for f in sys.argv[2:]:
    n, v = f.split('=', 1)
    v = v.encode()
    if n == 'report-description':
        v = b'voor\x00na'
    out.write(b'--' + b + b'\r\nContent-Disposition: form-data; name="' +
              n.encode() + b'"\r\n\r\n' + v + b'\r\n')
out.write(b'--' + b + b'--\r\n')
EOF
post_raw_body "$body" 'multipart/form-data; boundary=----e2eNULboundary'
is "$HTTP_STATUS" 400 "a raw NUL byte in a multipart text part: 400"
like "$(field_error report-description)" 'niet kunnen lezen' \
    "a raw NUL byte in a multipart text part: message next to the field"
is "$(counts)" "$before" "a raw NUL byte in a multipart text part: nothing stored"

# The same body, well-formed, is accepted: the broken variants below
# fail for their breakage alone.
report_fields
python3 - "$body" "${F[@]}" <<'EOF'
import sys
out = open(sys.argv[1], 'wb')
b = b'----e2eboundary'
for f in sys.argv[2:]:
    n, v = f.split('=', 1)
    out.write(b'--' + b + b'\r\nContent-Disposition: form-data; name="' +
              n.encode() + b'"\r\n\r\n' + v.encode() + b'\r\n')
out.write(b'--' + b + b'--\r\n')
EOF
cp "$body" "$body.good"
post_raw_body "$body" 'multipart/form-data; boundary=----e2eboundary'
is "$HTTP_STATUS" 200 "a hand-made multipart body is accepted"
before=$(counts)

# --- Broken bodies -------------------------------------------------------

report_fields
python3 - "$body" "${F[@]}" <<'EOF'
import sys
out = open(sys.argv[1], 'wb')
b = b'----e2eboundary'
for f in sys.argv[2:]:
    n, v = f.split('=', 1)
    out.write(b'--' + b + b'\r\nContent-Disposition: form-data; name="' +
              n.encode() + b'"\r\n\r\n' + v.encode() + b'\r\n')
EOF
post_raw_body "$body" 'multipart/form-data; boundary=----e2eboundary'
page_refused 400 'kon niet worden gelezen' "multipart without its final boundary"

head -c 3000 /dev/urandom >"$body"
post_raw_body "$body" 'multipart/form-data; boundary=----e2eboundary'
page_refused 400 'kon niet worden gelezen' "a multipart body of random bytes"

cp "$body.good" "$body"
post_raw_body "$body" 'multipart/form-data'
page_refused 400 'kon niet worden gelezen' "multipart without a boundary parameter"

post_raw_body "$body" 'multipart/form-data; boundary=iets-anders'
page_refused 400 'kon niet worden gelezen' "multipart with the wrong boundary"

post_raw_body "$body" 'application/json'
is "$HTTP_STATUS" 400 "a body of another type: 400"
is "$(counts)" "$before" "a body of another type: nothing stored"

http_request POST /melden/ --interface "$INTAKE_ADDR" \
    -H 'Content-Type: application/x-www-form-urlencoded' --data-binary 'a=%zz&b'
page_refused 400 'kon niet worden gelezen' "a broken %-escape"

# --- Unknown or repeated fields --------------------------------------------

report_fields
set_field report-extra "1"
post_report
page_refused 400 'kon niet worden gelezen' "an unknown field"

report_fields
post_report /melden/ --form-string "report-street=Tweede straat"
page_refused 400 'kon niet worden gelezen' "a field sent twice"

report_fields
post_report /melden/ -F "foto=@$body.good;filename=x.jpg"
page_refused 400 'kon niet worden gelezen' "a file under an unknown name"

# --- Values the rules refuse ----------------------------------------------

report_fields
set_field report-signal-type wapens
post_report
set_field report-signal-type ""
refused 400 report-signal-type 'Kies een onderwerp uit de lijst' \
    "an unknown signal type"

report_fields /melden/ondernemers
set_field report-signal-type woonfraude
post_report /melden/ondernemers
set_field report-signal-type ""
refused 400 report-signal-type 'Kies een onderwerp uit de lijst' \
    "woonfraude on the entrepreneurs' form"

report_fields
post_report /melden/onbekend
page_refused 404 'Dit meldformulier bestaat niet' "a report to an unknown audience"

report_fields
set_field report-observed-date "$(date -d '2 days' +%F)"
post_report
refused 400 report-observed-date 'in de toekomst' "a date in the future"

for d in 1-3-26 2026-02-30 31-02-2026 2026-13-01 gisteren "2026-1-01'"; do
	report_fields
	set_field report-observed-date "$d"
	post_report
	refused 400 report-observed-date 'jjjj-mm-dd' "the date '$d'"
done

report_fields
set_field report-observed-date 1949-12-31
post_report
refused 400 report-observed-date 'te ver in het verleden' "a date before 1950"

report_fields
set_field report-observed-time 25:00
post_report
refused 400 report-observed-time 'uu:mm' "the time 25:00"

for pc in 12345 "1234 A" 0123AB "1234 SS" "AB 1234"; do
	report_fields
	set_field report-postcode "$pc"
	post_report
	refused 400 report-postcode '1234 AB' "the postcode '$pc'"
done

report_fields
set_field report-house-number "nul"
post_report
refused 400 report-house-number 'huisnummer' "the house number 'nul'"

report_fields
set_field report-street "Kerk$(printf '\t')straat"
post_report
refused 400 report-street 'regeleinden of tabs' "a tab in the street"

report_fields
set_field report-anonymous nee
set_field report-contact-name "Jan"
set_field report-contact-email "jan@@voorbeeld"
post_report
refused 400 report-contact-email 'naam@voorbeeld.nl' "a malformed e-mail address"

report_fields
set_field report-anonymous nee
set_field report-contact-name "Jan"
set_field report-contact-phone "bel me"
post_report
refused 400 report-contact-phone 'telefoonnummer' "a malformed phone number"

# --- Attachments --------------------------------------------------------------

write_file "$E2E_TEST_DIR/foto.jpg" html
report_fields
post_report /melden/ -F "report-attachments=@$E2E_TEST_DIR/foto.jpg;type=image/jpeg"
refused 400 report-attachments "alleen foto's \\(JPEG of PNG\\) en PDF" \
    "an HTML file named foto.jpg"
like "$(http_body)" 'Uw bijlagen zijn niet bewaard' \
    "the form asks to choose the files again"

write_file "$E2E_TEST_DIR/echt.jpg" jpeg 1000
args=()
for i in 1 2 3 4 5 6; do
	args+=(-F "report-attachments=@$E2E_TEST_DIR/echt.jpg;filename=foto$i.jpg;type=image/jpeg")
done
report_fields
post_report /melden/ "${args[@]}"
refused 400 report-attachments 'hoogstens het aangegeven aantal' "six files"
unset 'args[10]' 'args[11]'
report_fields
post_report /melden/ "${args[@]}"
is "$HTTP_STATUS" 200 "five files are accepted"
is "$(sql "SELECT COUNT(*) FROM attachment a JOIN report r ON r.id = a.report_id
    WHERE r.reference = '$(receipt_ref)'")" 5 "five files are stored"
before=$(counts)

# A file over intake.max_file_size.
conf_set intake.max_file_size 65536
restart_intake
write_file "$E2E_TEST_DIR/groot.jpg" jpeg 65537
write_file "$E2E_TEST_DIR/klein.jpg" jpeg 65536
report_fields
post_report /melden/ -F "report-attachments=@$E2E_TEST_DIR/klein.jpg;type=image/jpeg" \
    -F "report-attachments=@$E2E_TEST_DIR/groot.jpg;type=image/jpeg"
refused 400 report-attachments 'groter dan toegestaan' \
    "a file one byte over intake.max_file_size"
like "$(http_body)" 'elk hoogstens 0 MB|elk hoogstens [0-9]+ MB' \
    "the form states the size limit"
report_fields
post_report /melden/ -F "report-attachments=@$E2E_TEST_DIR/klein.jpg;type=image/jpeg"
is "$HTTP_STATUS" 200 "a file of exactly intake.max_file_size is accepted"
is "$(sql "SELECT size FROM attachment ORDER BY id DESC LIMIT 1")" 65536 \
    "it is stored whole"
before=$(counts)

# A body over intake.max_body: 413 from the intake itself.
conf_set intake.max_body 65536
restart_intake
report_fields
post_report /melden/ -F "report-attachments=@$E2E_TEST_DIR/groot.jpg;type=image/jpeg"
page_refused 413 'groter dan wij kunnen ontvangen' \
    "a body over intake.max_body"
conf_reset
restart_intake

# A body over nginx's client_max_body_size (60m): 413 from nginx.
big=$E2E_TEST_DIR/big.jpg
write_file "$big" jpeg $((61 * 1024 * 1024))
report_fields
post_report /melden/ -F "report-attachments=@$big;type=image/jpeg"
is "$HTTP_STATUS" 413 "a body over nginx's limit: 413"
like "$(http_body)" 'Uw melding is te groot en niet verstuurd' "a body over nginx's limit: the Dutch 413 page"
is "$(counts)" "$before" "a body over nginx's limit: nothing stored"
rm -f "$big"

# --- Form tokens -----------------------------------------------------------------

report_fields
del_field form-token
post_report
is "$HTTP_STATUS" 400 "no form token: 400"
like "$(http_body)" 'Dit formulier is verlopen' "no form token: the form says so"
set_field form-token x
ok values_kept "no form token: the values are kept"
like "$(form_value form-token)" '^[A-Za-z0-9_-]{40,}$' \
    "no form token: the form comes back with a token"
is "$(counts)" "$before" "no form token: nothing stored"

report_fields
tok=$(field form-token)
last=${tok: -1}
[ "$last" = A ] && repl=B || repl=A
set_field form-token "${tok%?}$repl"
post_report
is "$HTTP_STATUS" 400 "a forged form token: 400"
like "$(http_body)" 'Dit formulier is verlopen' "a forged form token: the form says so"
set_field form-token "$tok"
ok values_kept "a forged form token: the values are kept"
isnt "$(form_value form-token)" "${tok%?}$repl" \
    "a forged form token: the form comes back with a new token"
is "$(counts)" "$before" "a forged form token: nothing stored"

set_field form-token "$(printf 'A%.0s' $(seq 54))"
post_report
is "$HTTP_STATUS" 400 "a made-up form token: 400"
is "$(counts)" "$before" "a made-up form token: nothing stored"

# The new token of a refused form works.
report_fields
set_field report-description ""
post_report
is "$HTTP_STATUS" 400 "(a refused form)"
set_field form-token "$(form_value form-token)"
set_field report-description "Nu wel ingevuld."
post_report
is "$HTTP_STATUS" 200 "the form sent again, corrected, is accepted"
is "$(sql "SELECT COUNT(*) FROM report WHERE reference = '$(receipt_ref)'")" 1 \
    "the corrected report is stored once"
