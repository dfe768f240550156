# test-98-dashboard-handler-actions.sh -- a handler's daily work (issue
# 16): the audit log found by a report's reference, CSV downloads named
# after their content and date.

. "$top_srcdir/tests/e2e/dash.sh"
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
