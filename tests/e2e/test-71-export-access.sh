# test-71-export-access.sh -- who sees what: no key, a wrong key, a
# disabled key, another partner's key and a missing or wrong client
# certificate never show a report that was not shared with that
# partner; profiles limit the fields; the reporter's identity never
# leaves; every response validates against the published XSD.

. "$top_srcdir/tests/e2e/export.sh"
. "$top_srcdir/tests/e2e/intake.sh"
dash_fixtures

kp=$(exp_partner pol "Politie" --pulls-per-minute 10000)
kb=$(exp_partner belast "Belastingdienst" --fields status,signaaltype \
    --signal-types witwassen --pulls-per-minute 10000)
kd=$(exp_partner oudpartner "Oude partner" --signal-types witwassen \
    --pulls-per-minute 10000)
mp_ctl partner disable oudpartner >/dev/null
pid=$(sql "SELECT id FROM partner WHERE name = 'pol'")

# A named reporter's report of type witwassen: shared with belast by
# its rule as it is stored.
report_fields
set_field report-signal-type witwassen
set_contact "Zacharias Geheimnaam" "zacharias.geheim@voorbeeld.nl" \
    "0611223344"
set_field report-people "Piet Buurman"
post_report
named=$(receipt_ref)
like "$named" '^M-' "a named report is stored"
nid=$(sql "SELECT id FROM report WHERE reference = '$named'")
is "$(sql "SELECT via FROM report_share s JOIN partner p ON p.id =
    s.partner_id WHERE p.name = 'belast' AND s.report_id = $nid")" regel \
    "the rule on its signal type shares it with belast at once"
nseq=$(sql "SELECT seq FROM report_share WHERE report_id = $nid")
is "$nseq" "$(sql "SELECT seq FROM export_counter")" \
    "with the change sequence raised for it"

# An anonymous one is stored by one autocommitted statement (no begin,
# no commit): the rule shares it all the same, with a later sequence,
# and a disabled partner's rule shares nothing.
report_fields
set_field report-signal-type witwassen
post_report
anon=$(receipt_ref)
aid=$(sql "SELECT id FROM report WHERE reference = '$anon'")
is "$(sql "SELECT CONCAT(p.name, ':', s.via) FROM report_share s JOIN
    partner p ON p.id = s.partner_id WHERE s.report_id = $aid")" \
    belast:regel "an anonymous report is shared by belast's rule only"
aseq=$(sql "SELECT seq FROM report_share WHERE report_id = $aid")
[ "$aseq" -gt "$nseq" ] && pass "with a later sequence ($aseq > $nseq)" ||
    fail "with a later sequence ($aseq > $nseq)"
is "$(sql "SELECT COUNT(*) FROM report_share s JOIN partner p ON p.id =
    s.partner_id WHERE p.name = 'oudpartner' AND s.report_id IN ($nid,
    $aid)")" 0 "the disabled partner's rule shares neither new report"

# The coordinator shares a report and the named one with pol.
r=$(sql "SELECT MIN(id) FROM report WHERE signal_type_id <> (SELECT id
    FROM signal_type WHERE slug = 'witwassen')")
pref=$(sql "SELECT reference FROM report WHERE id = $r")
dash_post cor "/melding/$r" actie=delen "partner=$pid"
is "$HTTP_STATUS" 303 "a coordinator shares a report with pol"
dash_post cor "/melding/$nid" actie=delen "partner=$pid"
is "$HTTP_STATUS" 303 "and the named report too"

bodies=$E2E_TEST_DIR/bodies
mkdir -p "$bodies"
keep() { cp "$HTTP_BODY" "$bodies/$1.xml"; }

# No key, a wrong key, garbage, a disabled key.
exp_get reports.xml ""
is "$HTTP_STATUS" 401 "no key: 401"
like "$(http_header WWW-Authenticate)" 'Bearer' "with a Bearer challenge"
xsd_ok && pass "the 401 is valid XML of the schema" ||
    fail "the 401 is valid XML of the schema"
is "$(exp_refs | wc -l)" 0 "and shows no report"
keep nokey
wrong="mpx1.$pid.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
exp_get reports.xml "$wrong"
is "$HTTP_STATUS" 401 "pol's id with a wrong secret: 401"
xsd_ok && pass "valid against the schema" || fail "valid against the schema"
keep wrong
exp_get reports.xml "nonsense"
is "$HTTP_STATUS" 401 "a malformed key: 401"
http_get /api/v1/reports.xml -u "pol:$kp"
is "$HTTP_STATUS" 401 "the key as Basic credentials: 401"
exp_get reports.xml "$kd"
is "$HTTP_STATUS" 403 "a disabled partner's key: 403"
xsd_ok && pass "valid against the schema" || fail "valid against the schema"
is "$(exp_refs | wc -l)" 0 "and shows no report"
keep disabled

# pol sees exactly what was shared with it, with its full profile.
exp_get reports.xml "$kp"
is "$HTTP_STATUS" 200 "pol's pull: 200"
xsd_ok && pass "pol's pull validates against the XSD" ||
    fail "pol's pull validates against the XSD"
is "$(exp_refs | sort | tr '\n' ' ')" \
    "$(printf '%s\n%s\n' "$pref" "$named" | sort | tr '\n' ' ')" \
    "pol sees the two reports shared with it and nothing else"
like "$(http_body)" '<omschrijving>' "the full profile has descriptions"
like "$(http_body)" 'Piet Buurman' "and the people involved"
like "$(http_header Content-Type)" 'application/xml' "as application/xml"
keep pol

# belast: only its rule's report, only status and signal type.
exp_get reports.xml "$kb"
is "$HTTP_STATUS" 200 "belast's pull: 200"
xsd_ok && pass "belast's pull validates" || fail "belast's pull validates"
is "$(exp_refs | sort | tr '\n' ' ')" "$(sql "SELECT r.reference FROM report r
    JOIN signal_type st ON st.id = r.signal_type_id WHERE st.slug =
    'witwassen' ORDER BY r.reference" | tr '\n' ' ')" \
    "belast sees the reports of its rule (older ones too) and no others"
like "$(exp_refs | tr '\n' ' ')" "$named" "among them the new one"
unlike "$(http_body)" '<omschrijving>|<adres>|Piet Buurman' \
    "and only the fields of its profile"
like "$(http_body)" '<status>' "status is in its profile"
keep belast

# One report by reference.
exp_get "reports/$pref.xml" "$kp"
is "$HTTP_STATUS" 200 "pol fetches a shared report by reference"
xsd_ok && pass "validates" || fail "validates"
keep one
exp_get "reports/$pref.xml" "$kb"
is "$HTTP_STATUS" 404 "belast gets 404 for a report not shared with it"
xsd_ok && pass "the 404 validates" || fail "the 404 validates"
unlike "$(http_body)" "$pref" "and learns nothing of it"
exp_get "reports/$pref.xml" ""
is "$HTTP_STATUS" 401 "without a key: 401"
exp_get "reports/$pref.xml" "$kd"
is "$HTTP_STATUS" 403 "with a disabled key: 403"

# A key tied to a client certificate.
mp_ctl partner set pol --cert-subject "CN=politie-oost,O=Politie" \
    >/dev/null
exp_get reports.xml "$kp"
is "$HTTP_STATUS" 403 "a certificate is required and none was shown: 403"
xsd_ok && pass "validates" || fail "validates"
exp_get reports.xml "$kp" -H "X-Test-Client-DN: CN=indringer,O=Elders"
is "$HTTP_STATUS" 403 "another certificate subject: 403"
exp_get reports.xml "$kp" -H "X-Test-Client-DN: CN=politie-oost,O=Politie"
is "$HTTP_STATUS" 200 "the right subject and key: 200"
xsd_ok && pass "validates" || fail "validates"
mp_ctl partner set pol --cert-subject "" >/dev/null

# Rotating a key ends the old one.
kb2=$(mp_ctl partner rotate-key belast 2>/dev/null)
exp_get reports.xml "$kb"
is "$HTTP_STATUS" 401 "after rotate-key the old key is refused"
exp_get reports.xml "$kb2"
is "$HTTP_STATUS" 200 "and the new one works"

# The reporter's identity never appears in any response.
for f in "$bodies"/*.xml; do
	if grep -q -i -e 'Zacharias' -e 'Geheimnaam' -e 'zacharias.geheim' \
	    -e '0611223344' "$f"; then
		fail "reporter identity in $(basename "$f")"
	fi
done
pass "no response holds the reporter's name, e-mail or phone"

# The schema itself.
http_get /api/v1/schema.xsd
is "$HTTP_STATUS" 200 "the schema is published"
cmp -s "$HTTP_BODY" "$EXPORT_XSD" && pass "as kept in the repository" ||
    fail "as kept in the repository"
http_request POST /api/v1/reports.xml -H "Authorization: Bearer $kp"
is "$HTTP_STATUS" 405 "POST is not allowed"
xsd_ok && pass "and says so in XML" || fail "and says so in XML"
