# test-74-export-errors.sh -- bad requests get an XML error with the
# right status and record no pull: a malformed cursor or limit (400),
# unknown parameters (400), unknown paths and references (404), a
# partner pulling too often (429).

. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures

ke=$(exp_partner fouten "Foutentest" --signal-types drugs \
    --pulls-per-minute 100000)
eid=$(sql "SELECT id FROM partner WHERE name = 'fouten'")
pulls() { sql "SELECT COUNT(*) FROM export_pull WHERE partner_id = $eid"; }

before=$(pulls)
for c in abc 1- -1 01-2 1-02 1.2 '1-2-3' 99999999999999999999-1 \
    '1-%00' '%E2%82%AC'; do
	exp_get "reports.xml?since=$c" "$ke"
	is "$HTTP_STATUS" 400 "cursor '$c' is refused with 400"
	xsd_ok || fail "the 400 for '$c' is valid against the XSD"
done
like "$(http_body)" 'cursor' "the error names the cursor"
for l in 0 -5 abc 1e3 10001 99999999 '%205' ''; do
	exp_get "reports.xml?limit=$l" "$ke"
	is "$HTTP_STATUS" 400 "limit '$l' is refused with 400"
	xsd_ok || fail "the 400 for limit '$l' is valid against the XSD"
done
exp_get "reports.xml?limit=5&limit=6" "$ke"
is "$HTTP_STATUS" 400 "a repeated parameter is refused"
exp_get "reports.xml?sinds=0-0" "$ke"
is "$HTTP_STATUS" 400 "an unknown parameter is refused"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
exp_get "reports/M-2026-000001.xml?x=1" "$ke"
is "$HTTP_STATUS" 400 "parameters on a single report are refused"
is "$(pulls)" "$before" "no refused request was recorded as a pull"

exp_get "reports.xml?since=&limit=10000" "$ke"
is "$HTTP_STATUS" 200 "an empty cursor and the maximum limit are fine"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"

exp_get "reports/M-2026-999999.xml" "$ke"
is "$HTTP_STATUS" 404 "an unknown reference: 404"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
exp_get "reports/..%2Fetc%2Fpasswd.xml" "$ke"
is "$HTTP_STATUS" 404 "a reference that is no reference: 404"
exp_get "nothing.xml" "$ke"
is "$HTTP_STATUS" 404 "an unknown path: 404"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
http_get /api/v2/reports.xml -H "Authorization: Bearer $ke"
is "$HTTP_STATUS" 404 "an unknown version: 404"

# Pulling too often.
# A partner of its own: the requests above counted for fouten.
ke=$(exp_partner zelden "Zelden" --pulls-per-minute 2)
# Start at the beginning of a minute, so the window holds all three.
while [ "$(date +%S)" -gt 55 ]; do sleep 1; done
exp_get reports.xml "$ke"
s1=$HTTP_STATUS
exp_get reports.xml "$ke"
s2=$HTTP_STATUS
exp_get reports.xml "$ke"
is "$s1 $s2 $HTTP_STATUS" "200 200 429" \
    "the third pull within a minute of a 2-per-minute partner is 429"
xsd_ok && pass "the 429 is valid against the XSD" ||
    fail "the 429 is valid against the XSD"
like "$(http_header Retry-After)" '^[0-9]+$' "with Retry-After"
is "$(exp_refs | wc -l)" 0 "and shows no report"
