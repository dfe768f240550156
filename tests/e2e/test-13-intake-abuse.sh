# test-13-intake-abuse.sh -- hostile input and hostile clients: markup
# and SQL in every text field (stored literally, shown escaped), the
# honeypot, and the rate limit per client address.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"
intake_catalog

P="\"><script>alert(1)</script>' OR 1=1 --"
P_ESC='&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'

# --- Markup and SQL, stored -------------------------------------------------

before=$(counts)
report_fields
for n in description street city people companies vehicles contact-name; do
	set_field "report-$n" "$P"
done
set_field report-anonymous nee
set_field report-contact-email "jan@voorbeeld.nl"
post_report
is "$HTTP_STATUS" 200 "a report with markup and SQL in every free-text field is accepted"
ref=$(receipt_ref)
is "$(counts)" "$(echo "$before" | awk '{ print $1+1, $2+1, $3, $4+1 }')" \
    "it is stored once, with its contact row and event"
for c in description street city involved_people involved_companies \
    involved_vehicles; do
	is "$(sql "SELECT $c FROM report WHERE reference = '$ref'")" "$P" \
	    "$c is stored literally"
done
is "$(sql 'SELECT COUNT(*) FROM audience')" 3 "no table was touched by the SQL"
unlike "$(http_body)" '<script>alert' "the receipt echoes no markup"

# --- Markup and SQL, shown back ---------------------------------------------

before=$(counts)
report_fields
for n in signal-type description observed-date observed-time street \
    house-number postcode city people companies vehicles contact-name \
    contact-email contact-phone; do
	set_field "report-$n" "$P"
done
set_field report-anonymous nee
post_report
is "$HTTP_STATUS" 400 "markup and SQL in every text field: 400"
is "$(counts)" "$before" "markup and SQL in every text field: nothing stored"
unlike "$(http_body)" '<script>alert' "the raw <script> is never in the page"
unlike "$(http_body)" '"><script|value="">' "no attribute is broken out of"
n=$(grep -o "$P_ESC" "$HTTP_BODY" | wc -l)
ok '[ "$n" -ge 13 ]' "each text field shows the value escaped (&lt;script&gt;: $n times)"
bad=
for n in description observed-date observed-time street house-number \
    postcode city people companies vehicles contact-name contact-email \
    contact-phone; do
	[ "$(form_value "report-$n")" = "$P" ] || bad="$bad $n"
done
is "$bad" "" "every text field gets the value back exactly as typed"
is "$(checked report-signal-type)" "" "no signal type is checked for a bogus one"
for n in signal-type observed-date house-number postcode contact-email \
    contact-phone; do
	ok '[ -n "$(field_error "report-$n")" ]' "report-$n is marked wrong"
done

# The same in an urlencoded body and in the query string.
report_fields
set_field report-description ""
set_field report-city "$P"
post_report_urlencoded
is "$HTTP_STATUS" 400 "urlencoded markup: 400"
unlike "$(http_body)" '<script>alert' "urlencoded markup: never raw in the page"
is "$(form_value report-city)" "$P" "urlencoded markup: shown back escaped"
iget "/melden/?report-description=%3Cscript%3Ealert(1)%3C/script%3E"
is "$HTTP_STATUS" 200 "a query string on the form is ignored"
unlike "$(http_body)" '<script>alert|&lt;script' \
    "a query string is not reflected in the form"

# --- Honeypot -------------------------------------------------------------------

before=$(counts)
report_fields
set_field website "http://goedkope-pillen.example"
post_report
is "$HTTP_STATUS" 400 "the honeypot filled in: 400"
like "$(http_body)" "verborgen veld &#39;website&#39;" "the honeypot: the page says why"
unlike "$(http_body)" 'id="reference"' "the honeypot: no receipt"
is "$(counts)" "$before" "the honeypot: nothing stored"
set_field website " "
post_report
is "$HTTP_STATUS" 400 "the honeypot with a space: 400"
is "$(counts)" "$before" "the honeypot with a space: nothing stored"
set_field website ""
post_report
is "$HTTP_STATUS" 200 "the same form with an empty honeypot is accepted"

# --- Rate limit per client ---------------------------------------------------------

conf_set intake.rate.per_client 2
restart_intake
ADDR_SAVED=$INTAKE_ADDR
INTAKE_ADDR=127.0.0.13
before=$(counts)
report_fields
post_report
is "$HTTP_STATUS" 200 "rate limit 2: the first report is accepted"
report_fields
post_report
is "$HTTP_STATUS" 200 "rate limit 2: the second report is accepted"
is "$(counts | cut -d' ' -f1)" "$(( ${before%% *} + 2 ))" \
    "rate limit 2: two reports stored"
before=$(counts)
report_fields
set_field report-description "De derde melding"
post_report
is "$HTTP_STATUS" 429 "rate limit 2: the third report is 429"
like "$(http_body)" 'te veel meldingen' "the 429 page says why, in Dutch"
like "$(http_body)" 'Bel direct <strong>112</strong>' \
    "the 429 page points to 112 (in the form's notice, once)"
is "$(form_value report-description)" "De derde melding" \
    "the 429 page keeps the report in the form"
is "$(counts)" "$before" "the third report is not stored"
is "$(sql "SELECT COUNT(*) FROM report WHERE description = 'De derde melding'")" 0 \
    "the third report is nowhere in the database"
limited=("${F[@]}")
report_fields
post_report
is "$HTTP_STATUS" 429 "rate limit 2: a fourth report is 429 too"
is "$(counts)" "$before" "the fourth report is not stored"

INTAKE_ADDR=127.0.0.14
report_fields
post_report
is "$HTTP_STATUS" 200 "another client address is still accepted"
is "$(counts | cut -d' ' -f1)" "$(( ${before%% *} + 1 ))" \
    "the other client's report is stored"
before=$(counts)

conf_reset
restart_intake
INTAKE_ADDR=127.0.0.13
F=("${limited[@]}")
post_report
is "$HTTP_STATUS" 200 "with the limit raised, the refused form is accepted"
is "$(sql "SELECT COUNT(*) FROM report WHERE description = 'De derde melding'")" 1 \
    "and stored once"
INTAKE_ADDR=$ADDR_SAVED
