# test-65-questions.sh -- follow-up questions per signal type (issue
# 17): the admin page defines one of every kind (audited, CSRF, limits,
# refusals write nothing); the form shows a type's questions once it is
# chosen, without JavaScript; every kind with good and bad answers,
# errors next to the field and values kept; answers stored with the
# report and shown to handlers; a changed or switched-off question
# leaves the answers given intact; answers in the CSV export (through
# Python's csv) and in the partner XML when the profile names them
# (valid against the XSD); script in question texts and answers shown
# escaped; the statistics count the choices;
# retention's content erasure takes the answers.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/intake.sh"
. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures
intake_catalog

AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
XSS_Q='<script>alert("vraag")</script>'
XSS_A='<img src=x onerror=alert("antwoord")>'

# A signal type of this test's own on the default form.
sql "INSERT IGNORE INTO signal_type (slug, name, description, sort)
    VALUES ('vragentest', 'Vragentest', 'Voor de vervolgvragen.', 99)"
T=$(sql "SELECT id FROM signal_type WHERE slug = 'vragentest'")
sql "INSERT IGNORE INTO audience_signal_type (audience_id, signal_type_id)
    SELECT id, $T FROM audience WHERE is_default = 1"
sql "UPDATE question SET active = 0 WHERE signal_type_id = $T"

nq()
{
	sql "SELECT COUNT(*) FROM question WHERE signal_type_id = $T"
}

# ---------------------------------------------------------------------
# The admin page.
# ---------------------------------------------------------------------
dash_as ad GET "/beheer/vragen?soort=$T"
is "$HTTP_STATUS" 200 "the admin opens the questions of a signal type"
like "$(cat "$HTTP_BODY")" "Deze signaalsoort heeft nog geen vervolgvragen" \
    "which has none yet"
dash_as hanna GET "/beheer/vragen?soort=$T"
is "$HTTP_STATUS" 403 "a handler cannot open it"

# addq KIND REQUIRED POSITION LABEL [OPTIONS] [more fields]
addq()
{
	local kind=$1 req=$2 pos=$3 label=$4 opts=${5:-}
	shift 5 2>/dev/null || shift $#
	dash_post ad /beheer/vragen actie=vraag-nieuw "soort=$T" \
	    "soort-vraag=$kind" publiek=0 "volgorde=$pos" \
	    ${req:+verplicht=1} "vraag-nl=$label" "keuzes-nl=$opts" "$@"
}

n0=$(nq)
addq tekst 1 10 "Welke kleur had de auto? $XSS_Q" "" \
    "uitleg-nl=Uitleg $XSS_Q" "vraag-en=Which colour was the car?"
is "$HTTP_STATUS" 303 "a text question is added"
like "$(http_header Location)" "/beheer/vragen\?soort=$T&opgeslagen=1" \
    "back to the type's questions"
addq lange-tekst "" 20 "Wat gebeurde er verder?"
addq getal 1 30 "Hoeveel mensen zag u?"
addq datum "" 40 "Sinds wanneer?"
addq ja-nee 1 50 "Was het donker?"
addq keuze 1 60 "Welke kleur?" "$(printf 'Rood\nGroen\n%s' "$XSS_A")" \
    "vraag-en=Which colour?" "keuzes-en=$(printf 'Red\nGreen\nBlue')"
addq keuzes "" 70 "Wanneer ziet u het?" \
    "$(printf 'Ochtend\nMiddag\nAvond\nNacht')"
is "$(nq)" $((n0 + 7)) "one question of every kind is added"
is "$(audit_count vraag-nieuw ad)" 7 "each addition has its audit entry"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $AUDIT_SINCE AND
    action LIKE 'vraag-%' AND (detail LIKE '%kleur%' OR
    detail LIKE '%script%')")" 0 "without the question's text"
is "$(sql "SELECT GROUP_CONCAT(lang ORDER BY lang) FROM question_text
    WHERE question_id = (SELECT MAX(id) FROM question WHERE
    signal_type_id = $T AND kind = 'keuze')")" "en,nl" \
    "a question has a text per language"

for kind in tekst lange-tekst getal datum ja-nee keuze keuzes; do
	eval "Q_${kind//-/_}=\$(sql \"SELECT MAX(id) FROM question WHERE
	    signal_type_id = $T AND kind = '$kind' AND active = 1\")"
done

# Refusals write nothing.
n1=$(nq)
addq tekst "" 80 "   "
is "$HTTP_STATUS" 400 "a question without text is refused"
addq keuze "" 80 "Een keuze" "Alleen"
is "$HTTP_STATUS" 400 "a choice with one option is refused"
addq keuze "" 80 "Een keuze" "$(printf 'A\nB')" "vraag-en=Choice" \
    "keuzes-en=$(printf 'A\nB\nC')"
is "$HTTP_STATUS" 400 "a translation with other options is refused"
like "$(cat "$HTTP_BODY")" "evenveel antwoorden" "and says why"
addq html "" 80 "Soort bestaat niet"
is "$HTTP_STATUS" 400 "an unknown kind is refused"
addq tekst "" 80 "$(head -c 400 /dev/zero | tr '\0' x)"
is "$HTTP_STATUS" 400 "a question over 300 characters is refused"
dash_as ad POST /beheer/vragen --data-urlencode actie=vraag-nieuw \
    --data-urlencode "soort=$T" --data-urlencode soort-vraag=tekst \
    --data-urlencode publiek=0 --data-urlencode volgorde=1 \
    --data-urlencode vraag-nl=Zonder
is "$HTTP_STATUS" 403 "a change without the CSRF token is refused"
is "$(nq)" "$n1" "no refused change wrote a question"

dash_as ad GET "/beheer/vragen?soort=$T"
body=$(cat "$HTTP_BODY")
like "$body" '&lt;script&gt;alert' "a question's text is shown escaped"
unlike "$body" '<script>alert' "never as markup"
like "$body" "vertaling ontbreekt" "the page says which translation is missing"

sleep 1.2	# catalog.ttl: the intake reads the questions again

# ---------------------------------------------------------------------
# The form.
# ---------------------------------------------------------------------
iget /melden/
like "$(cat "$HTTP_BODY")" 'href="\?onderwerp=vragentest"' \
    "the empty form links to the type's questions (no JavaScript needed)"
unlike "$(cat "$HTTP_BODY")" "question-$Q_tekst" "and does not ask them yet"
iget "/melden/?onderwerp=vragentest"
is "$HTTP_STATUS" 200 "the form with the type chosen"
body=$(cat "$HTTP_BODY")
like "$body" 'value="vragentest" checked' "has the type chosen"
like "$body" "id=\"question-$Q_tekst\"" "and asks its questions"
like "$body" "name=\"question-$Q_keuzes-4\"" "several choices as checkboxes"
like "$body" '&lt;script&gt;alert' "the question's text escaped"
unlike "$body" '<script>alert' "never as markup"
like "$body" '&lt;img src=x' "an option escaped"
TOKEN=$(form_value form-token)
# The same questions in English (issue 17: the wording around them
# from the catalogue; a question without an English text is Dutch).
iget "/melden/?onderwerp=vragentest&taal=en"
body=$(cat "$HTTP_BODY")
like "$body" 'Questions about this kind of report' \
    "in English the questions' legend is English"
like "$body" '>Yes</label>' "and a yes/no question's answers"
unlike "$body" 'Vragen bij dit onderwerp' "with no Dutch wording around them"
iget "/melden/?taal=nl"
is "$HTTP_STATUS" 200 "back to Dutch for the rest"

reports()
{
	sql "SELECT COUNT(*) FROM report WHERE signal_type_id = $T"
}

# A form sent without the questions comes back with them.
r0=$(reports)
report_fields
set_field report-signal-type vragentest
post_report
is "$HTTP_STATUS" 200 "a report of the type sent without its questions"
like "$(cat "$HTTP_BODY")" "horen nog enkele vragen" "comes back to ask them"
like "$(cat "$HTTP_BODY")" "id=\"question-$Q_getal\"" "with the questions"
like "$(cat "$HTTP_BODY")" 'Al weken komen er' "keeping what was typed"
is "$(reports)" "$r0" "and is not stored yet"

# Wrong answers: an error next to each field, values kept.
report_fields
set_field report-signal-type vragentest
set_field questions-for vragentest
set_field "question-$Q_tekst" ""
set_field "question-$Q_lange_tekst" "Blijft staan $XSS_A"
set_field "question-$Q_getal" "veel"
set_field "question-$Q_datum" "31-02-2026"
set_field "question-$Q_keuze" "9"
set_field "question-$Q_keuzes-2" "1"
post_report
is "$HTTP_STATUS" 400 "wrong answers are refused"
is "$(reports)" "$r0" "nothing is stored"
is "$(field_error "question-$Q_tekst")" "Vul dit in." \
    "a required text left blank: its error next to it"
is "$(field_error "question-$Q_getal")" \
    "Vul een getal in, bijvoorbeeld 3 of 2,5." "not a number"
is "$(field_error "question-$Q_datum")" \
    "Vul een bestaande datum in als dd-mm-jjjj." "not a date"
is "$(field_error "question-$Q_ja_nee")" "Kies een antwoord." \
    "a required yes/no not chosen"
is "$(field_error "question-$Q_keuze")" "Kies een van de antwoorden." \
    "a choice that is not one"
is "$(field_error "question-$Q_keuzes")" "Kies uit de antwoorden." \
    "a checkbox with another value"
is "$(field_error "question-$Q_lange_tekst")" "" "a good answer: no error"
body=$(cat "$HTTP_BODY")
like "$body" "value=\"veel\"" "the wrong number is kept to correct"
like "$body" "Blijft staan &lt;img src=x" "a good answer is kept, escaped"
unlike "$body" '<img src=x' "never as markup"
like "$body" "href=\"#question-$Q_getal\"" "the summary links to the field"

# Good answers of every kind.
report_fields
set_field report-signal-type vragentest
set_field questions-for vragentest
set_field "question-$Q_tekst" "Rood $XSS_A"
set_field "question-$Q_lange_tekst" "$(printf 'Regel een\nRegel "twee"; drie')"
set_field "question-$Q_getal" "2,5"
set_field "question-$Q_datum" "1-3-2026"
set_field "question-$Q_ja_nee" ja
set_field "question-$Q_keuze" 3
set_field "question-$Q_keuzes-1" ja
set_field "question-$Q_keuzes-4" ja
post_report
is "$HTTP_STATUS" 200 "good answers of every kind: the report is stored"
ref=$(receipt_ref)
id=$(sql "SELECT id FROM report WHERE reference = '$ref'")
is "$(sql "SELECT COUNT(*) FROM report_answer WHERE report_id = $id")" 7 \
    "with its seven answers"
# Their words for the search: one row, the values in the questions'
# order (sql/060), written in the same call.
is "$(sql "SELECT COUNT(*) FROM report_answer_text WHERE report_id = $id")" 1 \
    "and one row of their words for the search"
is "$(sql "SELECT t.words = (SELECT GROUP_CONCAT(a.value ORDER BY
    a.position, a.question_id SEPARATOR '\n') FROM report_answer a WHERE
    a.report_id = $id) FROM report_answer_text t WHERE t.report_id = $id")" \
    1 "which holds every answer's value in the questions' order"
ans()
{
	sql "SELECT value FROM report_answer WHERE report_id = $id AND
	    question_id = $1"
}
is "$(ans "$Q_datum")" 2026-03-01 "a date stored as jjjj-mm-dd"
is "$(ans "$Q_getal")" "2,5" "a number as typed"
is "$(ans "$Q_keuze")" "$XSS_A" "a choice as its Dutch text"
is "$(sql "SELECT REPLACE(value, '\n', '|') FROM report_answer WHERE
    report_id = $id AND question_id = $Q_keuzes")" "Ochtend|Nacht" \
    "several choices one a line"
is "$(sql "SELECT label FROM report_answer WHERE report_id = $id AND
    question_id = $Q_tekst")" "Welke kleur had de auto? $XSS_Q" \
    "the question's text as asked is kept with the answer"

# Optional questions left blank: no answer rows.
report_fields
set_field report-signal-type vragentest
set_field questions-for vragentest
set_field "question-$Q_tekst" "Blauw"
set_field "question-$Q_getal" "3"
set_field "question-$Q_ja_nee" nee
set_field "question-$Q_keuze" 1
post_report
is "$HTTP_STATUS" 200 "only the required questions answered: stored"
id2=$(sql "SELECT id FROM report WHERE reference = '$(receipt_ref)'")
is "$(sql "SELECT COUNT(*) FROM report_answer WHERE report_id = $id2")" 4 \
    "with an answer for each answered question only"
is "$(sql "SELECT REPLACE(words, '\n', '|') FROM report_answer_text WHERE
    report_id = $id2")" "Blauw|3|nee|$(sql "SELECT value FROM report_answer
    WHERE report_id = $id2 AND question_id = $Q_keuze")" \
    "and words of those answers only"

# ---------------------------------------------------------------------
# Handlers see the answers, escaped.
# ---------------------------------------------------------------------
dash_as cor GET "/melding/$id"
is "$HTTP_STATUS" 200 "the coordinator opens the report"
body=$(cat "$HTTP_BODY")
like "$body" 'Welke kleur had de auto\? &lt;script&gt;' \
    "the question as it was asked"
like "$body" 'Rood &lt;img src=x onerror' "its answer, escaped"
unlike "$body" '<img src=x' "no answer as markup"
unlike "$body" '<script>alert' "no question as markup"
like "$body" 'Ochtend' "several choices shown"
# Words of two different answers find the report together (one row of
# words a report, sql/060), and the report's own text with none.
dash_as cor GET "/?q=rood+regel"
is "$HTTP_STATUS" 200 "the coordinator searches words of two answers"
like "$(cat "$HTTP_BODY")" "href=\"/dashboard/melding/$id\"" \
    "and finds the report whose answers hold them between them"
dash_as cor GET "/?q=rood+regel+bestaatnergens65"
unlike "$(cat "$HTTP_BODY")" "href=\"/dashboard/melding/$id\"" \
    "but not with a word that no answer holds"

# ---------------------------------------------------------------------
# A changed and a switched-off question leave the answers intact.
# ---------------------------------------------------------------------
before=$(sql "SELECT GROUP_CONCAT(CONCAT(question_id, ':', label, '=',
    value) ORDER BY question_id SEPARATOR '|') FROM report_answer WHERE
    report_id = $id")
dash_post ad /beheer/vragen actie=vraag-wijzig "id=$Q_tekst" publiek=0 \
    volgorde=10 verplicht=1 actief=1 "vraag-nl=Een nieuwe vraagtekst"
is "$HTTP_STATUS" 303 "the admin changes a question's text"
dash_post ad /beheer/vragen actie=vraag-wijzig "id=$Q_lange_tekst" \
    publiek=0 volgorde=20 "vraag-nl=Wat gebeurde er verder?"
is "$HTTP_STATUS" 303 "and switches one off"
is "$(sql "SELECT active FROM question WHERE id = $Q_lange_tekst")" 0 \
    "which is off (never deleted)"
is "$(audit_count vraag-wijzig ad)" 2 "both changes audited"
is "$(sql "SELECT GROUP_CONCAT(CONCAT(question_id, ':', label, '=',
    value) ORDER BY question_id SEPARATOR '|') FROM report_answer WHERE
    report_id = $id")" "$before" "the answers given are unchanged"
dash_as cor GET "/melding/$id"
like "$(cat "$HTTP_BODY")" 'Welke kleur had de auto' \
    "the report still shows the question as it was asked"
unlike "$(cat "$HTTP_BODY")" 'Een nieuwe vraagtekst' "not the new text"
sleep 1.2
iget "/melden/?onderwerp=vragentest"
like "$(cat "$HTTP_BODY")" 'Een nieuwe vraagtekst' "the form asks the new text"
unlike "$(cat "$HTTP_BODY")" "id=\"question-$Q_lange_tekst\"" \
    "and no longer the one switched off"

# ---------------------------------------------------------------------
# The CSV export.
# ---------------------------------------------------------------------
dash_as cor GET "/export?soort=$T"
is "$HTTP_STATUS" 200 "the export filtered on the signal type"
cp "$HTTP_BODY" "$E2E_TEST_DIR/q.csv"
out=$(python3 - "$E2E_TEST_DIR/q.csv" "$ref" "$Q_lange_tekst" \
    "$XSS_A" <<'PYEOF'
import csv, sys
path, ref, qlong, xss = sys.argv[1:5]
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
head, body = rows[0], rows[1:]
row = [r for r in body if r[0] == ref]
assert len(row) == 1, "the report is in it once"
r = dict(zip(head, row[0]))
a = r["antwoorden"].split("\n")
assert a[0] == "Welke kleur had de auto? <script>alert(\"vraag\")</script>: Rood " + xss, a[0]
assert 'Wat gebeurde er verder?: Regel een; Regel "twee"; drie' in a, a
assert "Wanneer ziet u het?: Ochtend; Nacht" in a, a
# A column per question of the type, under its current text.
assert r["Een nieuwe vraagtekst"] == "Rood " + xss
assert r["Sinds wanneer?"] == "2026-03-01"
assert r["Welke kleur?"] == xss
assert r["Wat gebeurde er verder?"] == 'Regel een; Regel "twee"; drie'
print("ok", len(head))
PYEOF
)
like "$out" "^ok [0-9]+$" "answers in the CSV: one column of all, and one per question (python csv)"

# ---------------------------------------------------------------------
# The partner XML: only with "antwoorden" in the profile.
# ---------------------------------------------------------------------
kmet=$(exp_partner antwmet "Met antwoorden" --fields \
    status,signaaltype,antwoorden --pulls-per-minute 100000)
kzonder=$(exp_partner antwzonder "Zonder antwoorden" --fields \
    status,signaaltype,omschrijving --pulls-per-minute 100000)
is "$(sql "SELECT fields FROM partner WHERE name = 'antwmet'")" \
    status,signaaltype,antwoorden "a profile takes the field antwoorden"
for p in antwmet antwzonder; do
	pid=$(sql "SELECT id FROM partner WHERE name = '$p'")
	dash_post cor "/melding/$id" actie=delen "partner=$pid"
	is "$HTTP_STATUS" 303 "the report is shared with $p"
done
exp_get "reports/$ref.xml" "$kmet"
is "$HTTP_STATUS" 200 "the partner with the field gets the report"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
out=$(python3 - "$HTTP_BODY" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
ns = "{urn:meldpunt:export:1}"
m = ET.parse(sys.argv[1]).getroot()
for a in m.iter(ns + "antwoord"):
    print("%s|%s|%s" % (a.get("soort"), a.find(ns + "vraag").text,
        a.find(ns + "waarde").text.replace("\n", "/")))
PYEOF
)
like "$out" "^tekst\|Welke kleur had de auto\? <script>alert\(\"vraag\"\)</script>\|Rood <img" \
    "the answers in order, with the question as asked"
like "$out" "keuzes\|Wanneer ziet u het\?\|Ochtend/Nacht" "several choices"
like "$out" "datum\|Sinds wanneer\?\|2026-03-01" "a date"
is "$(printf '%s\n' "$out" | wc -l)" 7 "all seven"
like "$(cat "$HTTP_BODY")" '&lt;script&gt;' "markup escaped as text"
exp_get "reports/$ref.xml" "$kzonder"
is "$HTTP_STATUS" 200 "the partner without the field gets the report"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
unlike "$(cat "$HTTP_BODY")" 'antwoord' "without the answers"
exp_get reports.xml "$kmet"
xsd_ok && pass "the feed with answers is valid" || \
    fail "the feed with answers is valid"

# ---------------------------------------------------------------------
# The statistics count the choices.
# ---------------------------------------------------------------------
dash_as cor GET /statistiek
is "$HTTP_STATUS" 200 "the statistics page"
out=$(python3 - "$HTTP_BODY" <<'PYEOF'
import sys, re, html
t = open(sys.argv[1], encoding="utf-8").read()
i = t.find('id="antwoorden"')
t = t[i:]
for cap, body in re.findall(r'<caption>(.*?)</caption>(.*?)</table>', t, re.S):
    if cap.startswith("Wanneer ziet u het"):
        for k, n in re.findall(r'<th scope="row">(.*?)</th><td>(\d+)</td>', body):
            print("%s=%s" % (html.unescape(k), n))
PYEOF
)
like "$out" "Ochtend=1" "several choices count per option"
like "$out" "Nacht=1" "each option chosen"

# ---------------------------------------------------------------------
# Retention's content erasure takes the answers.
# ---------------------------------------------------------------------
sql "UPDATE report SET status = 'afgerond', closed_reason = 'afgehandeld',
    taken_at = UTC_TIMESTAMP() - INTERVAL 25 MONTH,
    closed_at = UTC_TIMESTAMP() - INTERVAL 2 YEAR WHERE id = $id"
# A copy as sent, as a handler's correction leaves it (sql/053): content
# too, so it goes with the answers.
sql "INSERT INTO report_sent (report_id, signal_type_id, audience_id,
    description, observed_date, involved_people, involved_companies,
    involved_vehicles, created_at) SELECT id, signal_type_id, audience_id,
    'Zoals verstuurd t65', observed_date, '', '', '', UTC_TIMESTAMP()
    FROM report WHERE id = $id"
# Only this test's type is due: every other term at its longest.
conf_set retention.identity_months 120
conf_set retention.content_years 30
conf_set retention.unfounded_months 360
conf_set retention.dossier_years 30
conf_set retention.type.vragentest.content_years 1
out=$(mp_ctl retention run 2>&1)
is "$?" 0 "retention runs"
conf_reset
is "$(sql "SELECT COUNT(*) FROM report_answer WHERE report_id = $id")" 0 \
    "the erased report's answers are gone"
is "$(sql "SELECT COUNT(*) FROM report_answer_text WHERE report_id = $id")" \
    0 "and their words for the search"
is "$(sql "SELECT COUNT(*) FROM report_sent WHERE report_id = $id")" 0 \
    "and its copy as sent"
is "$(sql "SELECT content_erased_at IS NOT NULL FROM report WHERE
    id = $id")" 1 "with its content"
is "$(sql "SELECT COUNT(*) FROM report_answer WHERE report_id = $id2")" 4 \
    "another report's answers stay"
is "$(sql "SELECT COUNT(*) FROM report_answer_text WHERE report_id = $id2")" \
    1 "with their words"

# Leave the default form as it was for the tests after this one.
sql "DELETE FROM audience_signal_type WHERE signal_type_id = $T"
