# test-11-intake-submit.sh -- valid reports through the form: every
# field stored in its column, the "ontvangen" event, the receipt's
# reference and secret code, attachments, and a form sent twice.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
intake_catalog

# rcol COLUMN: a column of the report with reference $ref.
rcol()
{
	sql "SELECT $1 FROM report WHERE reference = '$ref'"
}

# --- A complete, non-anonymous report ---------------------------------

before=$(counts)
report_fields /melden/medewerkers
day=$(past_date 5)
set_field report-signal-type witwassen
set_field report-description "Een kapsalon zonder klanten.
Toch elke dag open; contant betaald met briefjes van 500 euro."
set_field report-observed-date "$day"
set_field report-observed-time "21:30"
set_field report-street "  Kerkstraat  "
set_field report-house-number "12a"
set_field report-postcode "1234ab"
set_field report-city "Voorbeeld-Zuid"
set_field report-people "Man van ongeveer 40, bijnaam 'De Kapper'"
set_field report-companies "Kapsalon Knip & Co, KvK 12345678"
set_field report-vehicles "Zwarte Audi, kenteken XX-123-Y"
set_contact "Jan de Vries" "jan.devries@voorbeeld.nl" "06 12345678"
post_report /melden/medewerkers
is "$HTTP_STATUS" 200 "a complete report is accepted (200)"
like "$(http_body)" '<h1>Uw melding is ontvangen</h1>' "the receipt is shown"
like "$(http_header Cache-Control)" 'no-store' "the receipt is not cached"
ref=$(receipt_ref)
code=$(receipt_code)
like "$ref" "^M-$(date +%Y)-[0-9]{6}\$" "the receipt shows a reference M-YYYY-NNNNNN"
like "$code" '^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$' \
    "the receipt shows a secret code of 4 groups"
is "${#code}" 23 "the secret code has 23 characters"
is "$(counts)" "$(echo "$before" | awk '{ print $1+1, $2+1, $3, $4+1 }')" \
    "one report, one contact row, one event stored"
id=$(rcol id)
is "$(sql "SELECT reference FROM report ORDER BY id DESC LIMIT 1")" "$ref" \
    "the reference shown is the database's"
is "$ref" "$(printf 'M-%s-%06d' "$(date +%Y)" "$id")" \
    "the reference is made from the report's id"
is "$(rcol channel)" web "channel is web"
is "$(rcol audience_id)" "$(sql "SELECT id FROM audience WHERE slug = 'medewerkers'")" \
    "audience_id is the employees' form"
is "$(rcol signal_type_id)" "$(sql "SELECT id FROM signal_type WHERE slug = 'witwassen'")" \
    "signal_type_id is witwassen"
is "$(rcol 'HEX(description)')" "$(printf '%s' "$(field report-description)" |
    od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
    "the description is stored byte for byte, newline included"
is "$(rcol observed_date)" "$day" "observed_date is stored"
is "$(rcol observed_time)" "21:30:00" "observed_time is stored"
is "$(rcol street)" "Kerkstraat" "street is stored, trimmed"
is "$(rcol house_number)" "12a" "house_number is stored"
is "$(rcol postcode)" "1234 AB" "postcode is stored normalised (1234 AB)"
is "$(rcol city)" "Voorbeeld-Zuid" "city is stored"
is "$(rcol involved_people)" "Man van ongeveer 40, bijnaam 'De Kapper'" \
    "involved_people is stored"
is "$(rcol involved_companies)" "Kapsalon Knip & Co, KvK 12345678" \
    "involved_companies is stored"
is "$(rcol involved_vehicles)" "Zwarte Audi, kenteken XX-123-Y" \
    "involved_vehicles is stored"
is "$(rcol anonymous)" 0 "anonymous is 0"
is "$(rcol status)" nieuw "status is nieuw"
is "$(rcol 'submission_id IS NOT NULL')" 1 "the form token's nonce is kept"
ok '[ "$(rcol "ABS(TIMESTAMPDIFF(SECOND, received_at, UTC_TIMESTAMP()))")" -lt 120 ]' \
    "received_at is now, in UTC"
is "$(rcol 'LENGTH(code_hash)')" 32 "code_hash is 32 bytes"
nocode=${code//-/}
isnt "$(rcol 'HEX(code_hash)')" "$(printf '%s' "$nocode" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" \
    "code_hash is not the code"
is "$(rcol "code_hash = UNHEX(SHA2('$code', 256)) OR code_hash = UNHEX(SHA2('$nocode', 256))")" 0 \
    "code_hash is no plain SHA-256 of the code"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $id")" 1 \
    "the report has one event"
is "$(sql "SELECT kind, actor FROM event WHERE report_id = $id" | tr '\t' '|')" \
    "ontvangen|" "the event is 'ontvangen', by no one"
is "$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id = $id
    AND name_enc IS NOT NULL AND email_enc IS NOT NULL AND phone_enc IS NOT NULL")" 1 \
    "name, e-mail and phone are stored for a report that is not anonymous"
dump=$E2E_TEST_DIR/dump.sql
mp_dump >"$dump"
ok '[ -s "$dump" ] && grep -q "INSERT INTO .report." "$dump"' "mariadb-dump works"
ok '! grep -qF -- "$code" "$dump" && ! grep -qF -- "$nocode" "$dump"' \
    "the secret code occurs nowhere in the database dump"
is "$(sql "SELECT COUNT(*) FROM report WHERE CONCAT_WS('|', reference,
    description, street, house_number, postcode, city, involved_people,
    involved_companies, involved_vehicles, status, channel) LIKE '%$nocode%'
    OR CONCAT_WS('|', reference, description, street, city, involved_people)
    LIKE '%$code%'")" 0 "no text column of report holds the secret code"
is "$(sql "SELECT COUNT(*) FROM event WHERE detail LIKE '%$nocode%' OR
    detail LIKE '%$code%'")" 0 "no event holds the secret code"

# The receipt names the feedback page.
like "$(http_body)" 'href="/melding/"' "the receipt links to the feedback page"

# --- The same form sent again ------------------------------------------

before=$(counts)
post_report /melden/medewerkers
is "$HTTP_STATUS" 409 "the same form sent again is 409"
like "$(http_body)" 'al ontvangen' "the page says the report was already received"
is "$(receipt_ref)" "$ref" "it names the same reference"
unlike "$(http_body)" 'id="secret-code"' "it shows no secret code"
ok '! grep -qF -- "$code" "$HTTP_BODY"' "the code is not shown again"
is "$(counts)" "$before" "nothing more is stored"
is "$(sql "SELECT COUNT(*) FROM report WHERE reference = '$ref'")" 1 \
    "exactly one report has the reference"

# --- Anonymous ---------------------------------------------------------

before=$(counts)
report_fields
set_field report-contact-name "Geheime Naam"
set_field report-contact-email "geheim@voorbeeld.nl"
set_field report-contact-phone "0612345678"
post_report
# Anonymous with details typed: the form asks which is meant (issue 15).
is "$HTTP_STATUS" 400 "anonymous with contact details typed comes back"
like "$(field_error report-anonymous)" 'maar u vulde ook uw gegevens in' \
    "asking at the anonymity choice which is meant"
like "$(http_body)" 'value="Geheime Naam"' "the typed name is kept"
like "$(http_body)" 'value="geheim@voorbeeld.nl"' "the typed e-mail is kept"
is "$(counts)" "$before" "nothing is stored"
set_field report-contact-name ""
set_field report-contact-email ""
set_field report-contact-phone ""
post_report
is "$HTTP_STATUS" 200 "an anonymous report is accepted"
ref=$(receipt_ref)
like "$ref" '^M-[0-9]{4}-[0-9]{6}$' "the anonymous report has a reference"
like "$(receipt_code)" '^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$' \
    "the anonymous reporter gets a secret code too"
like "$(http_body)" 'omdat wij niet weten wie u bent' \
    "the receipt tells an anonymous reporter the code cannot be resent"
is "$(counts)" "$(echo "$before" | awk '{ print $1+1, $2, $3, $4+1 }')" \
    "an anonymous report stores a report and an event, no contact"
is "$(rcol anonymous)" 1 "anonymous is 1"
is "$(rcol audience_id)" "$(sql "SELECT id FROM audience WHERE is_default = 1")" \
    "/melden/ stores the default audience"
is "$(rcol 'observed_time IS NULL')" 1 "an empty time is stored as NULL"
is "$(sql "SELECT COUNT(*) FROM reporter_contact c JOIN report r ON
    r.id = c.report_id WHERE r.reference = '$ref'")" 0 \
    "no reporter_contact row for an anonymous report"
mp_dump >"$dump"
ok '! grep -qF "geheim@voorbeeld.nl" "$dump" && ! grep -qF "Geheime Naam" "$dump"' \
    "contact details typed in an anonymous report are dropped"

# --- Entrepreneurs; urlencoded; limits at their maximum -------------------

before=$(counts)
report_fields /melden/ondernemers
set_field report-signal-type vastgoed
set_field report-street ""
set_field report-house-number ""
set_field report-postcode "9999 zz"
set_field report-city ""
post_report_urlencoded /melden/ondernemers
is "$HTTP_STATUS" 200 "a report sent urlencoded is accepted"
ref=$(receipt_ref)
is "$(rcol audience_id)" "$(sql "SELECT id FROM audience WHERE slug = 'ondernemers'")" \
    "/melden/ondernemers stores the entrepreneurs' audience"
is "$(rcol postcode)" "9999 ZZ" "a postcode alone is enough for the place"

# An urlencoded body whose Content-Type names the charset.
report_fields
args=()
for f in "${F[@]}"; do
	args+=(--data-urlencode "$f")
done
http_request POST /melden/ --interface "$INTAKE_ADDR" \
    -H 'Content-Type: application/x-www-form-urlencoded; charset=UTF-8' \
    "${args[@]}"
is "$HTTP_STATUS" 200 "urlencoded with '; charset=UTF-8' is accepted"
ref=$(receipt_ref)
is "$(rcol street)" "Industrieweg" "and its fields are stored"

# Every text field at exactly its limit, in two-byte characters.
long()
{
	python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$1" "$2"
}
report_fields
set_field report-description "$(long é 5000)"
set_field report-street "$(long é 100)"
set_field report-city "$(long ë 80)"
set_field report-people "$(long ü 2000)"
set_field report-companies "$(long ï 2000)"
set_field report-vehicles "$(long ö 2000)"
set_field report-house-number "12345-abcdef"
set_contact "$(long é 100)" "$(long a 64)@$(long b 63).$(long c 63).$(long d 58).nl" \
    "+31 6 1234 5678 9012"
post_report
is "$HTTP_STATUS" 200 "every text field at exactly its limit is accepted"
if [ "$HTTP_STATUS" != 200 ]; then
	diag "errors: $(error_ids | tr '\n' ' ')"
fi
ref=$(receipt_ref)
is "$(rcol 'CHAR_LENGTH(description)')" 5000 \
    "a description of 5000 characters (10000 bytes) is stored whole"
is "$(rcol 'CHAR_LENGTH(street)')/$(rcol 'CHAR_LENGTH(city)')" 100/80 \
    "street (100) and city (80) are stored whole"
is "$(rcol 'CHAR_LENGTH(involved_people) + CHAR_LENGTH(involved_companies) + CHAR_LENGTH(involved_vehicles)')" \
    6000 "people, companies and vehicles (2000 each) are stored whole"
is "$(rcol house_number)" "12345-abcdef" "the longest valid house number is stored"

# --- Attachments ---------------------------------------------------------

write_file "$E2E_TEST_DIR/foto.jpg" jpeg 200000
write_file "$E2E_TEST_DIR/plattegrond.png" png
write_file "$E2E_TEST_DIR/brief.pdf" pdf 5000
before=$(counts)
report_fields
post_report /melden/ \
    -F "report-attachments=@$E2E_TEST_DIR/foto.jpg;type=image/jpeg" \
    -F "report-attachments=@$E2E_TEST_DIR/plattegrond.png;type=image/png" \
    -F "report-attachments=@$E2E_TEST_DIR/brief.pdf;filename=../../etc/brief.pdf;type=application/pdf"
is "$HTTP_STATUS" 200 "a report with a JPEG, a PNG and a PDF is accepted"
ref=$(receipt_ref)
id=$(rcol id)
is "$(counts)" "$(echo "$before" | awk '{ print $1+1, $2, $3+3, $4+1 }')" \
    "three attachments are stored with the report"
for f in foto.jpg:image/jpeg plattegrond.png:image/png brief.pdf:application/pdf; do
	name=${f%%:*}
	mime=${f#*:}
	sum=$(sha256sum "$E2E_TEST_DIR/$name" | cut -d' ' -f1)
	size=$(stat -c %s "$E2E_TEST_DIR/$name")
	row=$(sql "SELECT mime, size, LOWER(HEX(sha256)), SHA2(data, 256)
	    FROM attachment WHERE report_id = $id AND filename = '$name'" |
	    tr '\t' ' ')
	is "$row" "$mime $size $sum $sum" \
	    "$name: stored as $mime, $size bytes, sha256 as sha256sum says"
done
is "$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $id AND
    filename LIKE '%/%'")" 0 "no stored file name has a path in it"

# The type comes from the content, not from the name or the sender.
cp "$E2E_TEST_DIR/plattegrond.png" "$E2E_TEST_DIR/scan.pdf"
report_fields
post_report /melden/ \
    -F "report-attachments=@$E2E_TEST_DIR/scan.pdf;type=application/pdf"
is "$HTTP_STATUS" 200 "a PNG named .pdf is accepted"
id=$(sql "SELECT id FROM report WHERE reference = '$(receipt_ref)'")
is "$(sql "SELECT mime FROM attachment WHERE report_id = $id")" image/png \
    "it is stored as what it is: image/png"

# An empty file input (no file chosen) is no attachment.
report_fields
post_report /melden/ -F "report-attachments=@/dev/null;filename="
is "$HTTP_STATUS" 200 "an empty file input is accepted"
id=$(sql "SELECT id FROM report WHERE reference = '$(receipt_ref)'")
is "$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $id")" 0 \
    "an empty file input stores no attachment"
