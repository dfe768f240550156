# test-88-dossier.sh -- dossiers (issue 14): create, the list with its
# filters and counts, status transitions with a refused one, closing
# with an outcome and reopening, the analysis in versions and a
# concurrent edit, adding reports (the report to "in dossier" through
# the workflow, its history row and the reporter's neutral text),
# subjects, hostile text shown escaped, CSRF, and every view and
# change audited.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
year=$(TZ=Europe/Amsterdam date +%Y)
dpost() { local u=$1 id=$2; shift 2; dash_post "$u" "/dossier/$id" "$@"; }
dpage() { dash_as "$1" GET "/dossier/$2" >/dev/null; http_body; }
dver() { sql "SELECT version FROM dossier WHERE id = $1"; }
changes() { sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'dossier wijzigen' AND object_id = $1"; }

# The list, empty, and the menu.
dash_as hanna GET /dossiers >/dev/null
is "$HTTP_STATUS" 200 "a handler opens the dossier list"
like "$(http_body)" '/dashboard/dossiers">Dossiers</a>' "the menu has Dossiers"
is "$(audit_count 'dossiers bekijken' hanna)" 1 "the list view is audited"

# Create, with hostile text in the title.
xss='<script>alert(1)</script> Pand "X" & Co'
dash_post hanna /dossier/nieuw "titel=$xss" thema=ondermijning "team=$noord"
is "$HTTP_STATUS" 303 "a handler creates a dossier in their team"
d1=$(sql "SELECT MAX(id) FROM dossier")
n1=$(sql "SELECT number FROM dossier WHERE id = $d1")
like "$n1" "^D-$year-[0-9]{4}\$" "numbered D-YYYY-NNNN"
is "$(sql "SELECT CONCAT(status, '|', theme, '|', team_id, '|', version)
    FROM dossier WHERE id = $d1")" "open|ondermijning|$noord|1" "open, as given"
is "$(sql "SELECT COUNT(*) FROM dossier_event WHERE dossier_id = $d1 AND
    kind = 'aangemaakt'")" 1 "its history starts"
is "$(audit_count 'dossier aanmaken' hanna "$d1")" 1 "creating is audited"
dash_as hanna GET "/dossier/$d1" >/dev/null
is "$HTTP_STATUS" 200 "the dossier page"
body=$(http_body)
like "$body" '&lt;script&gt;alert\(1\)&lt;/script&gt; Pand &quot;X&quot; &amp; Co' \
    "the title is shown escaped"
unlike "$body" '<script>alert' "never as markup"
is "$(audit_count 'dossier bekijken' hanna "$d1")" 1 "the view is audited"

# Bad input: nothing written, the error at its field.
n=$(sql "SELECT COUNT(*) FROM dossier")
dash_post hanna /dossier/nieuw "titel=  " thema=ondermijning "team=$noord"
is "$HTTP_STATUS" 400 "a blank title is refused"
like "$(http_body)" 'id="dossier-titel-fout"' "at its field"
dash_post hanna /dossier/nieuw titel=T thema=fietsendiefstal "team=$noord"
is "$HTTP_STATUS" 400 "a theme not configured is refused"
dash_post hanna /dossier/nieuw titel=T thema=ondermijning team=abc
is "$HTTP_STATUS" 400 "a bad team is refused"
is "$(sql "SELECT COUNT(*) FROM dossier")" "$n" "and nothing was written"

# A second (coordinator, Zuid, woonoverlast) and the numbers follow.
dash_post cor /dossier/nieuw titel=Kamerverhuur thema=woonoverlast "team=$zuid"
is "$HTTP_STATUS" 303 "a coordinator creates a dossier in any team"
d2=$(sql "SELECT MAX(id) FROM dossier")
n2=$(sql "SELECT number FROM dossier WHERE id = $d2")
is "$(( 10#${n2##*-} - 10#${n1##*-} ))" 1 "the next number of the year"

# The list: filters and counts follow what the user may see.
dash_as cor GET /dossiers >/dev/null
body=$(http_body)
like "$body" "$n1" "a coordinator lists every dossier"
like "$body" "$n2" "both"
# Counts as the database has them: earlier tests' seed-demo may have
# made dossiers of its own.
open_all=$(sql "SELECT COUNT(*) FROM dossier WHERE status = 'open'")
like "$body" "data-status=\"open\">$open_all<" "the open ones counted"
dash_as cor GET "/dossiers?thema=woonoverlast" >/dev/null
body=$(http_body)
like "$body" "$n2" "the theme filter keeps woonoverlast"
unlike "$body" "$n1" "and leaves ondermijning out"
open_wo=$(sql "SELECT COUNT(*) FROM dossier WHERE status = 'open'
    AND theme = 'woonoverlast'")
like "$body" "data-status=\"open\">$open_wo<" "the counts follow the filter"
dash_as cor GET "/dossiers?team=$noord" >/dev/null
like "$(http_body)" "$n1" "the team filter"
unlike "$(http_body)" "$n2" "only that team"
dash_as hanna GET /dossiers >/dev/null
body=$(http_body)
like "$body" "$n1" "a Noord handler lists the Noord dossier"
unlike "$body" "$n2" "not the Zuid one"
open_hanna=$(sql "SELECT COUNT(*) FROM dossier d JOIN app_user u
    ON u.username = 'hanna' WHERE d.status = 'open' AND (d.team_id IN
    (SELECT team_id FROM user_team WHERE user_id = u.id) OR d.id IN
    (SELECT dossier_id FROM dossier_member WHERE user_id = u.id))")
like "$body" "data-status=\"open\">$open_hanna<" "and counts only hers"
dash_as hanna GET "/dossiers?status=bestaatniet" >/dev/null
like "$(http_body)" 'onbekende waarde' "an unknown filter value is said"

# Status: a refused transition, forward, closing needs an outcome,
# reopening.
c0=$(changes "$d1")
dpost hanna "$d1" actie=status naar=interventie "versie=$(dver "$d1")"
is "$HTTP_STATUS" 400 "open -> interventie is refused"
like "$(http_body)" 'niet mogelijk' "with the reason"
is "$(sql "SELECT status FROM dossier WHERE id = $d1")" open "nothing changed"
dpost hanna "$d1" actie=status "naar=in onderzoek" "versie=$(dver "$d1")"
is "$HTTP_STATUS" 303 "open -> in onderzoek"
dpost hanna "$d1" actie=status naar=afgesloten "versie=$(dver "$d1")"
is "$HTTP_STATUS" 400 "closing without an outcome is refused"
like "$(http_body)" 'Kies een resultaat' "it asks for one"
dpost hanna "$d1" actie=status naar=afgesloten resultaat=onzin \
    "versie=$(dver "$d1")"
is "$HTTP_STATUS" 400 "an outcome not configured is refused"
v=$(dver "$d1")
dpost hanna "$d1" actie=status naar=afgesloten "resultaat=pand gesloten" \
    "versie=$v"
is "$HTTP_STATUS" 303 "closing with an outcome"
is "$(sql "SELECT CONCAT(status, '|', outcome, '|', closed_at IS NOT NULL)
    FROM dossier WHERE id = $d1")" "afgesloten|pand gesloten|1" \
    "closed, with outcome and date"
dpost hanna "$d1" actie=status "naar=in onderzoek" "versie=$v"
is "$HTTP_STATUS" 409 "a stale version is refused"
dpost hanna "$d1" actie=status "naar=in onderzoek" "versie=$(dver "$d1")"
is "$HTTP_STATUS" 303 "reopening"
is "$(sql "SELECT CONCAT(status, '|', outcome IS NULL, '|',
    closed_at IS NULL) FROM dossier WHERE id = $d1")" "in onderzoek|1|1" \
    "reopened into research"
is "$(sql "SELECT GROUP_CONCAT(CONCAT(old_value, '>', new_value) ORDER BY id
    SEPARATOR ',') FROM dossier_event WHERE dossier_id = $d1 AND
    kind = 'status'")" \
    "open>in onderzoek,in onderzoek>afgesloten; resultaat: pand gesloten,afgesloten>in onderzoek" \
    "each change an event"
is "$(( $(changes "$d1") - c0 ))" 3 "each change audited, refusals not"

# The analysis: versions and a concurrent edit.
dpost hanna "$d1" actie=analyse versie=0 'tekst=<b>Hypothese</b> één'
is "$HTTP_STATUS" 303 "the first analysis"
dpost cor "$d1" actie=analyse versie=0 'tekst=Mijn eigen inzicht'
is "$HTTP_STATUS" 409 "a second editor from the same version gets a conflict"
body=$(http_body)
like "$body" 'Iemand anders heeft de analyse' "said plainly"
like "$body" 'Mijn eigen inzicht' "with their text back"
like "$body" '&lt;b&gt;Hypothese&lt;/b&gt;' "beside the saved one, escaped"
is "$(sql "SELECT COUNT(*) FROM dossier_analysis WHERE dossier_id = $d1")" 1 \
    "nothing overwritten"
dpost cor "$d1" actie=analyse versie=1 'tekst=Mijn eigen inzicht, samengevoegd'
is "$HTTP_STATUS" 303 "saved on top of the current version"
is "$(sql "SELECT GROUP_CONCAT(version ORDER BY version) FROM
    dossier_analysis WHERE dossier_id = $d1")" "1,2" "both versions kept"
body=$(dpage hanna "$d1")
like "$body" 'id="versions"' "the page has the history of versions"
like "$body" 'samengevoegd' "the current one shown"
dpost hanna "$d1" actie=analyse versie=abc tekst=x
is "$HTTP_STATUS" 400 "a bad version is refused"

# Reports: into the dossier through the workflow.
r1=$(sql "SELECT MIN(id) FROM report WHERE id % 2 = 1")
sql "UPDATE report SET status = 'in behandeling', team_id = $noord
    WHERE id = $r1; DELETE FROM message WHERE report_id = $r1"
ref1=$(sql "SELECT reference FROM report WHERE id = $r1")
ev0=$(sql "SELECT COUNT(*) FROM event WHERE report_id = $r1")
# Earlier tests of a full run may have put the same report in theirs.
au0=$(audit_count 'melding aan dossier' hanna "$r1")
dpost hanna "$d1" actie=melding "melding=$ref1"
is "$HTTP_STATUS" 303 "a report added by its reference"
is "$(sql "SELECT status FROM report WHERE id = $r1")" "in dossier" \
    "its status is now in dossier"
is "$(sql "SELECT detail FROM event WHERE report_id = $r1 AND kind = 'status'
    ORDER BY id DESC LIMIT 1")" "in behandeling -> in dossier" \
    "with its history row"
is "$(( $(sql "SELECT COUNT(*) FROM event WHERE report_id = $r1") - ev0 ))" 1 \
    "one"
msg=$(sql "SELECT body FROM message WHERE report_id = $r1 AND
    kind = 'automatisch'")
like "$msg" 'Uw melding wordt verder behandeld' \
    "the reporter gets the neutral automatic text"
unlike "$msg" 'ossier' "which does not mention a dossier"
unlike "$msg" "$n1" "nor its number"
is "$(audit_count 'melding aan dossier' hanna "$r1")" $((au0 + 1)) \
    "audited on the report"
dpost hanna "$d1" actie=melding "melding=$ref1"
is "$HTTP_STATUS" 400 "a report twice is refused"
like "$(http_body)" 'zit al in dit dossier' "said so"
dpost hanna "$d1" actie=melding melding=M-0000-NOPE
is "$HTTP_STATUS" 400 "an unknown reference is refused"
body=$(dpage hanna "$d1")
like "$body" "melding/$r1\">$ref1</a>" "the dossier links to the report"
dash_as hanna GET "/melding/$r1" >/dev/null
like "$(http_body)" "dossier/$d1\">$n1</a>" "the report page names its dossier"

# From the report page, by the dossier's number; a report already in
# a dossier keeps its status and the reporter hears nothing new.
r3=$(sql "SELECT MIN(id) FROM report WHERE id % 2 = 1 AND id > $r1")
sql "UPDATE report SET status = 'nieuw', team_id = $noord WHERE id = $r3"
dash_post hanna "/melding/$r3/dossier" "dossier=$n1"
is "$HTTP_STATUS" 303 "added from the report page"
is "$(sql "SELECT status FROM report WHERE id = $r3")" "in dossier" \
    "nieuw -> in dossier"
dash_post cor "/melding/$r1/dossier" "dossier=$n2"
is "$HTTP_STATUS" 303 "a report may be in a second dossier"
is "$(sql "SELECT COUNT(*) FROM message WHERE report_id = $r1 AND
    kind = 'automatisch'")" 1 "without a second message"
dash_post hanna "/melding/$r3/dossier" "dossier=D-1999-0001"
is "$HTTP_STATUS" 400 "an unknown dossier number is refused"
dash_post hanna "/melding/$r3/dossier" "dossier=$n2"
is "$HTTP_STATUS" 400 "and one out of sight alike"
like "$(http_body)" 'geen dossier met dit nummer' "with one message for both"
dpost hanna "$d1" actie=melding-weg "melding=$r3"
is "$HTTP_STATUS" 303 "a report taken out again"
is "$(sql "SELECT COUNT(*) FROM dossier_report WHERE dossier_id = $d1")" 1 \
    "one left"

# Subjects: direct, and those of its reports.
dpost hanna "$d1" actie=onderwerp soort=adres "waarde=9753 AB 12"
is "$HTTP_STATUS" 303 "a subject added directly"
sid=$(sql "SELECT subject_id FROM dossier_subject WHERE dossier_id = $d1")
dpost hanna "$d1" actie=onderwerp soort=kenteken "waarde=<img src=x>"
is "$HTTP_STATUS" 400 "a value that is no subject is refused"
s2=$(dash_subject 3 'ABC123XSS' "'<i>Bedrijf</i> BV'")
dash_link "$r1" "$s2" 3 1
body=$(dpage hanna "$d1")
like "$body" "onderwerp/$sid\">" "the direct subject, linked"
like "$body" "onderwerp/$s2\">&lt;i&gt;Bedrijf&lt;/i&gt; BV</a>" \
    "and its report's, escaped"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE object_id = $d1 AND
    detail LIKE '%9753%'")" 0 "the audit names the subject by id only"

# CSRF: a POST without the token changes nothing.
dash_as hanna GET / >/dev/null
v=$(dver "$d1")
dash_as hanna POST "/dossier/$d1" --data-urlencode actie=status \
    --data-urlencode "naar=interventie" --data-urlencode "versie=$v" >/dev/null
is "$HTTP_STATUS" 403 "a POST without the CSRF token is refused"
dash_as hanna POST /dossier/nieuw --data-urlencode titel=x \
    --data-urlencode thema=ondermijning --data-urlencode "team=$noord" \
    --data-urlencode csrf=bogus >/dev/null
is "$HTTP_STATUS" 403 "and one with a wrong token"
is "$(dver "$d1")" "$v" "nothing changed"

# Every view audited: three more views, three more rows.
a0=$(audit_count 'dossier bekijken' cor "$d1")
dpage cor "$d1" >/dev/null; dpage cor "$d1" >/dev/null; dpage cor "$d1" >/dev/null
is "$(( $(audit_count 'dossier bekijken' cor "$d1") - a0 ))" 3 "every view"
body=$(dpage hanna "$d1")
like "$body" 'id="history"' "the page shows its history"
like "$body" 'lid toegevoegd|melding toegevoegd' "with its changes"

# Numbers under concurrency: eight creators at once (the same session,
# each its own request) get eight different numbers, one after the
# other, with no gap.
tok=$(dash_csrf cor)
last=$(sql "SELECT MAX(id) FROM dossier")
pids=
for i in 1 2 3 4 5 6 7 8; do
	curl -sS -o /dev/null -b "$HTTP_COOKIES" \
	    -H "${E2E_PORTAL_HEADER:-X-Test-Remote-User}: cor" \
	    --data-urlencode "csrf=$tok" --data-urlencode "titel=Tegelijk $i" \
	    --data-urlencode thema=ondermijning --data-urlencode "team=$zuid" \
	    "$(_http_url "$DASH/dossier/nieuw")" &
	pids="$pids $!"
done
wait $pids
is "$(sql "SELECT COUNT(*) FROM dossier WHERE id > $last")" 8 \
    "eight concurrent creations"
is "$(sql "SELECT COUNT(DISTINCT number) FROM dossier WHERE id > $last")" 8 \
    "eight different numbers"
is "$(sql "SELECT MAX(CAST(SUBSTRING_INDEX(number, '-', -1) AS UNSIGNED)) -
    MIN(CAST(SUBSTRING_INDEX(number, '-', -1) AS UNSIGNED)) FROM dossier
    WHERE id > $last")" 7 "one after the other, no gap"

# The demo: seed-demo makes a few dossiers from demo reports that are
# "in dossier" already, of both themes and several statuses, one with
# a member outside its team.
before=$(sql "SELECT COALESCE(MAX(id), 0) FROM dossier")
out=$(mp_ctl seed-demo --reports 120 --seed 88 --no-subjects 2>&1)
is "$?" 0 "seed-demo with dossiers succeeds" || diag "$out"
is "$(sql "SELECT COUNT(DISTINCT theme) FROM dossier WHERE id > $before")" 2 \
    "demo dossiers of both themes"
ok "[ $(sql "SELECT COUNT(DISTINCT status) FROM dossier
    WHERE id > $before") -ge 3 ]" "in several statuses"
ok "[ $(sql "SELECT COUNT(*) FROM dossier_report x JOIN dossier d
    ON d.id = x.dossier_id WHERE d.id > $before") -ge 1 ]" "with reports"
is "$(sql "SELECT COUNT(*) FROM dossier_report x JOIN dossier d
    ON d.id = x.dossier_id JOIN report r ON r.id = x.report_id
    WHERE d.id > $before AND (r.status <> 'in dossier'
    OR r.team_id <> d.team_id)")" 0 "each already in dossier, of its team"
is "$(sql "SELECT COUNT(*) FROM dossier_member m JOIN dossier d
    ON d.id = m.dossier_id WHERE d.id > $before AND m.user_id NOT IN
    (SELECT ut.user_id FROM user_team ut WHERE ut.team_id = d.team_id)")" \
    1 "one member outside the team"
