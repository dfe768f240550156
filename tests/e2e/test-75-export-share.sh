# test-75-export-share.sh -- the coordinator's "Delen met partner" on
# the report detail: only for those allowed, with a CSRF token, in the
# history and the audit log; a partner sees the report after, and a
# change of a shared report puts it in the feed again.

. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures

kd=$(exp_partner deel "Deeltest" --pulls-per-minute 100000)
did=$(sql "SELECT id FROM partner WHERE name = 'deel'")
r=$(sql "SELECT MAX(id) FROM report WHERE id NOT IN (SELECT report_id
    FROM report_share)")
ref=$(sql "SELECT reference FROM report WHERE id = $r")
shares() { sql "SELECT COUNT(*) FROM report_share WHERE partner_id = $did
    AND report_id = $r"; }

dash_as cor GET "/melding/$r"
like "$(http_body)" 'Delen met partner' "a coordinator sees the action"
like "$(http_body)" 'Deeltest' "with the partner to choose"
dash_as hanna GET "/melding/$(dash_report Noord)"
unlike "$(http_body)" 'Delen met partner' "a handler does not"

# A handler of the report's team may not share it.
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name =
    'Noord') WHERE id = $r"
dash_post hanna "/melding/$r" actie=delen "partner=$did"
is "$HTTP_STATUS" 403 "a handler may not share: 403"
is "$(audit_count geweigerd hanna "$r")" 1 "and the attempt is audited"
dash_as cor POST "/melding/$r" --data-urlencode actie=delen \
    --data-urlencode "partner=$did"
isnt "$HTTP_STATUS" 303 "sharing without a CSRF token is refused"
dash_post cor "/melding/$r" actie=delen partner=999999
is "$HTTP_STATUS" 400 "an unknown partner is refused"
dash_post cor "/melding/$r" actie=delen partner=abc
is "$HTTP_STATUS" 400 "a partner that is no number is refused"
is "$(shares)" 0 "none of these shared anything"

exp_get "reports/$ref.xml" "$kd"
is "$HTTP_STATUS" 404 "before sharing the partner gets 404"

dash_post cor "/melding/$r" actie=delen "partner=$did"
is "$HTTP_STATUS" 303 "a coordinator shares the report"
is "$(shares)" 1 "the share is stored"
is "$(sql "SELECT via, shared_by FROM report_share WHERE partner_id =
    $did AND report_id = $r")" "$(printf 'actie\tcor')" \
    "by hand, by cor"
is "$(sql "SELECT detail FROM event WHERE report_id = $r AND kind =
    'gedeeld met partner'")" 'Deeltest' "the history names the partner"
is "$(audit_count delen cor "$r")" 1 "the share is audited"
dash_as cor GET "/melding/$r"
like "$(http_body)" 'Deeltest \(met de hand' "the detail lists the share"
dash_post cor "/melding/$r" actie=delen "partner=$did"
is "$HTTP_STATUS" 400 "sharing twice is refused"
like "$(http_body)" 'al met die partner gedeeld' "with a clear message"

exp_get "reports/$ref.xml" "$kd"
is "$HTTP_STATUS" 200 "after sharing the partner gets the report"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"

exp_get reports.xml "$kd"
set -- $(exp_next)
cur=$1
first=$(exp_changes | grep "^$ref " | cut -d' ' -f2)
like "$first" '^[0-9]+-' "the feed has the report"
exp_get "reports.xml?since=$cur" "$kd"
is "$(exp_refs | wc -l)" 0 "a pull from the next cursor has nothing new"

v=$(dash_version "$r")
dash_post cor "/melding/$r" actie=wijzigen veld=omschrijving \
    "waarde=Aangepaste omschrijving" "versie=$v"
is "$HTTP_STATUS" 303 "the shared report is edited"
exp_get "reports.xml?since=$cur" "$kd"
is "$(exp_refs | tr '\n' ' ')" "$ref " "the edit puts it in the feed again"
like "$(http_body)" 'Aangepaste omschrijving' "with the new text"
isnt "$(exp_changes | cut -d' ' -f2)" "$first" "as a new change"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
cur=$(exp_next | cut -d' ' -f1)
dash_post cor "/melding/$r" actie=notitie "tekst=Alleen intern."
is "$HTTP_STATUS" 303 "a note is added"
exp_get "reports.xml?since=$cur" "$kd"
is "$(exp_refs | wc -l)" 0 "a note is no change for partners"
unlike "$(http_body)" 'Alleen intern' "and never leaves"
