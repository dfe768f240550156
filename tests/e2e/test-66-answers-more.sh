# test-66-answers-more.sh -- the rest of issue 17's follow-up answers:
# the work list's text search finds reports by their answers
# (report_answer_text's FULLTEXT index, sql/060; list.c's LIST_WORDS) under
# the visibility rule, a word in no answer finds nothing, the CSV
# export of the same search holds the same reports, the description
# is still searched; and a common word answered by the newest-first
# scan merges in the reports found by an answer only, giving the page
# that both FULLTEXT queries together give.  And a handler entering a
# telephone or e-mail report on the dashboard (/nieuw) is asked the
# chosen signal type's follow-up questions as on the public form:
# "Vragen tonen" without JavaScript, typed values kept, required ones
# enforced with errors at the field, nothing stored on a refusal, the
# answers stored with the report and shown escaped on its page.
# And a report spooled while MariaDB is down keeps its language when
# drain-spool stores it (lib/spool.c's language record).

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/intake.sh"
dash_fixtures

# The reports the page links to, in its order, once each.
page_ids()
{
	grep -o 'href="/dashboard/melding/[0-9]*"' "$HTTP_BODY" |
	    grep -o '[0-9][0-9]*' | awk '!seen[$0]++' | paste -sd' '
}
# The references of a CSV export's rows, in its order (through Python's
# csv: an answer's value may hold line breaks).
csv_refs()
{
	python3 -c 'import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig",
    newline=""), delimiter=";"))
print(" ".join(r[0] for r in rows[1:]))' "$HTTP_BODY"
}

# A question of this test's own (answers need one), on a demo type.
ST=$(sql "SELECT MIN(id) FROM signal_type")
sql "INSERT INTO question (signal_type_id, kind, required, position,
    active) VALUES ($ST, 'lange-tekst', 0, 900, 0)"
QID=$(sql "SELECT MAX(id) FROM question WHERE signal_type_id = $ST AND
    position = 900")
sql "INSERT INTO question_text (question_id, lang, label, help, options)
    VALUES ($QID, 'nl', 'Wat viel u nog meer op?', '', '')"

# answer REPORT VALUE: REPORT's answer to the test's question.
answer()
{
	sql "INSERT INTO report_answer (report_id, question_id, position,
	    kind, label, value) VALUES ($1, $QID, 900, 'lange-tekst',
	    'Wat viel u nog meer op?', '$2');
	    INSERT INTO report_answer_text (report_id, words)
	    VALUES ($1, '$2') ON DUPLICATE KEY UPDATE
	    words = CONCAT(words, '\n', VALUE(words))"
}

# ---------------------------------------------------------------------
# A rare word in one answer.
# ---------------------------------------------------------------------
noord=$(dash_report Noord)
zuid=$(dash_report Zuid)
answer "$noord" "Er staat elke nacht een Antwoordbusje66 met draaiende motor."
answer "$zuid" "Niets bijzonders gezien."
ref_noord=$(sql "SELECT reference FROM report WHERE id = $noord")
is "$(sql "SELECT COUNT(*) FROM report WHERE id = $noord AND
    CONCAT_WS(' ', description, street, city) LIKE '%antwoordbusje%'")" 0 \
    "the word is in the answer only, not in the report's own text"

dash_as cor GET "/?q=antwoordbusje66"
is "$HTTP_STATUS" 200 "cor searches for a word of an answer"
is "$(page_ids)" "$noord" "and finds the report whose answer holds it"
dash_as cor GET "/?q=ANTWOORDBUSJE"
is "$(page_ids)" "$noord" "by the word's start, in capitals too"
dash_as cor GET "/?q=antwoordbusje66+motor"
is "$(page_ids)" "$noord" "two words of the answer find it"
dash_as hanna GET "/?q=antwoordbusje66"
is "$(page_ids)" "$noord" "hanna (Noord, the report's team) finds it too"
dash_as henk GET "/?q=antwoordbusje66"
is "$HTTP_STATUS" 200 "henk (Zuid) searches the same"
is "$(page_ids)" "" "and does not see the other team's report"
dash_as cor GET "/?q=bestaatnergens66"
is "$(page_ids)" "" "a word in no answer and no report finds nothing"
dash_as cor GET "/?q=busje66"
is "$(page_ids)" "" "a word's middle finds nothing"
# The label (the question as asked) is not searched: every word must be
# in the answer.
dash_as cor GET "/?q=antwoordbusje66+meer"
is "$(page_ids)" "" "a word of the question's text does not count"

# The CSV export of the same search agrees.
dash_as cor GET "/export?q=antwoordbusje66"
is "$HTTP_STATUS" 200 "the export of the answer search"
is "$(csv_refs)" "$ref_noord" "holds the same one report"
# A word without digits is no subject (an address reads "word 66"):
# the statement of the words and the answers, for a handler's teams too.
dash_as hanna GET "/?q=antwoordbusje"
is "$(page_ids)" "$noord" "hanna finds it by a word that is no subject"
dash_as henk GET "/?q=antwoordbusje"
is "$(page_ids)" "" "henk does not"
dash_as cor GET "/export?q=antwoordbusje"
is "$(csv_refs)" "$ref_noord" "the export of that word holds the report"
dash_as cor GET "/export?q=bestaatnergens66"
is "$(csv_refs)" "" "the export of a word in no answer holds none"

# The description is searched still; a report found both ways once.
desc0=$(sql "SELECT HEX(description) FROM report WHERE id = $zuid")
sql "UPDATE report SET description = CONCAT(description,
    ' Omschrijvingwoord66.') WHERE id = $zuid"
dash_as cor GET "/?q=omschrijvingwoord66"
is "$(page_ids)" "$zuid" "a word of a description still finds its report"
answer "$(sql "SELECT MAX(id) FROM report WHERE id % 2 = 0")" \
    "Ook hier Omschrijvingwoord66 in een antwoord."
want=$(sql "SELECT id FROM report r WHERE r.id = $zuid OR r.id =
    (SELECT MAX(id) FROM report WHERE id % 2 = 0) ORDER BY
    r.received_at DESC, r.id DESC" | paste -sd' ')
dash_as cor GET "/?q=omschrijvingwoord66"
is "$(page_ids)" "$want" "a word in a description and in an answer: both"
dash_as cor GET "/export?q=omschrijvingwoord66"
is "$(csv_refs)" "$(sql "SELECT reference FROM report r WHERE r.id IN
    ($(echo "$want" | tr ' ' ,)) ORDER BY r.received_at DESC, r.id DESC" |
    paste -sd' ')" "the export holds the same reports"

# ---------------------------------------------------------------------
# A common word: the newest-first scan and the answers half merged.
# ---------------------------------------------------------------------
dash_demo_add 400 66
max0=$DEMO_MAX0
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name =
    IF(report.id % 2 = 1, 'Noord', 'Zuid')) WHERE id > $max0"
# The newest report of Noord without "naar" in its text, an older one
# from the middle of the first page, and one further down get
# an answer with "naar" in it.
nonaar()
{
	sql "SELECT id FROM report r WHERE id > $max0 AND id % 2 = 1 AND
	    NOT MATCH (r.description, r.street, r.city) AGAINST ('+naar*'
	    IN BOOLEAN MODE) ORDER BY r.received_at DESC, r.id DESC
	    LIMIT 1 OFFSET $1"
}
a1=$(nonaar 0)
a2=$(nonaar 15)
a3=$(nonaar 80)
ok '[ -n "$a1" ] && [ -n "$a2" ] && [ -n "$a3" ]' \
    "three reports of Noord without the word in their text"
for a in $a1 $a2 $a3; do
	answer "$a" "Hij reed naar de loods."
done

# ft VIS OFFSET LIMIT: the page both FULLTEXT queries give.
ft()
{
	sql "SELECT r.id FROM report r WHERE $1 AND (MATCH (r.description,
	    r.street, r.city) AGAINST ('+naar*' IN BOOLEAN MODE) OR r.id IN
	    (SELECT report_id FROM report_answer_text WHERE MATCH (words) AGAINST
	    ('+naar*' IN BOOLEAN MODE))) ORDER BY r.received_at DESC,
	    r.id DESC LIMIT $3 OFFSET $2" | paste -sd' '
}
log_output=$(sql "SELECT @@GLOBAL.log_output")
# Which way a page came (as test-87): the lookup whether an answer holds
# the words ("any"), the scan, its answers half, the page by id, the
# FULLTEXT statement on the report's text alone ("text") or with the
# answers half ("words").
way()
{
	sql "TRUNCATE mysql.general_log; SET GLOBAL log_output = 'TABLE';
	    SET GLOBAL general_log = 1"
	dash_as "$1" GET "/?q=$2"
	sql "SET GLOBAL general_log = 0"
	sql "SELECT CASE WHEN argument LIKE '%SELECT 1 FROM report_answer%'
	    THEN 'any' WHEN argument LIKE '%CONCAT_WS%' THEN 'scan'
	    WHEN argument LIKE '%WHERE r.id IN (%' THEN 'ids'
	    WHEN argument LIKE '%FROM report f%' THEN 'words'
	    WHEN argument LIKE '%report_answer%' THEN 'answers'
	    WHEN argument LIKE '%MATCH%' THEN 'text' END FROM
	    mysql.general_log WHERE command_type = 'Execute' AND (argument
	    LIKE '%FROM report r%' OR argument LIKE '%FROM report f%' OR
	    argument LIKE '%FROM report_answer%') ORDER BY event_time" |
	    grep -v '^NULL$' | paste -sd' '
}
is "$(way cor naar)" "any scan answers ids" \
    "a common word: the scan, the answers half, the page by id"
is "$(way cor 'naar&pagina=6')" "any words" \
    "past the scan's reach: the FULLTEXT statement with its answers half"
is "$(way cor gingen)" "any scan ids" \
    "a common word in no answer: the scan alone, as before"
is "$(way cor 'gingen&pagina=6')" "any text" \
    "and past its reach the FULLTEXT statement as before"
is "$(way cor antwoordbusje)" "any scan words" \
    "a rare word of an answer: the scan, then the statement with answers"
is "$(way cor antwoordbusje66)" "words" \
    "one that reads as an address too: the subject search, answers in"

mine="r.team_id = $(sql "SELECT id FROM team WHERE name = 'Noord'")"
for user in cor hanna; do
	[ "$user" = cor ] && vis=1 || vis=$mine
	for page in 1 2 3; do
		want=$(ft "$vis" $(((page - 1) * 50)) 50)
		dash_as "$user" GET "/?q=naar&pagina=$page"
		is "$(page_ids)" "$want" \
		    "$user 'naar' page $page: both FULLTEXT queries' page"
	done
done
dash_as cor GET "/?q=naar"
like " $(page_ids) " " $a1 " "the newest answer-only report is on page 1"
like " $(page_ids) " " $a2 " "and the one from the page's middle"
dash_as cor GET "/export?q=naar"
is "$(csv_refs)" "$(sql "SELECT reference FROM report r WHERE r.id IN
    ($(ft 1 0 100000 | tr ' ' ,)) ORDER BY r.received_at DESC, r.id DESC" |
    paste -sd' ')" "the export holds every report of both queries"
like " $(csv_refs) " " $(sql "SELECT reference FROM report WHERE
    id = $a3") " "the answer-only report further down among them"

# ---------------------------------------------------------------------
# Questions on a report entered on the dashboard (/nieuw).
# ---------------------------------------------------------------------
XSS='<script>alert("antwoord66")</script>'
sql "INSERT IGNORE INTO signal_type (slug, name, description, sort)
    VALUES ('vragen66', 'Vragen66', 'Voor test-66.', 99)"
T66=$(sql "SELECT id FROM signal_type WHERE slug = 'vragen66'")
sql "INSERT IGNORE INTO audience_signal_type (audience_id, signal_type_id)
    SELECT id, $T66 FROM audience WHERE slug = 'bewoners'"
sql "UPDATE question SET active = 0 WHERE signal_type_id = $T66"
# q66 KIND REQUIRED POSITION LABEL [OPTIONS]: a question of vragen66.
q66()
{
	sql "INSERT INTO question (signal_type_id, kind, required, position)
	    VALUES ($T66, '$1', $2, $3); SET @q = LAST_INSERT_ID();
	    INSERT INTO question_text (question_id, lang, label, help, options)
	    VALUES (@q, 'nl', '$4', '', '${5:-}'); SELECT @q"
}
QT=$(q66 tekst 1 10 'Welke taal spraken de mensen?')
QJ=$(q66 ja-nee 1 20 'Slapen er mensen op de werkplek?')
QN=$(q66 getal 0 30 'Hoeveel mensen zag de melder?')
QL=$(q66 lange-tekst 0 40 'Wat viel de melder verder op?')
sleep 1.2	# catalog.ttl: the dashboard reads the catalogue again

yesterday=$(date -d yesterday +%F)
lastweek=$(date -d '7 days ago' +%F)
counts66()
{
	sql "SELECT CONCAT((SELECT COUNT(*) FROM report), '/',
	    (SELECT COUNT(*) FROM report_answer))"
}
new_form()
{
	dash_as hanna GET /nieuw
	tok=$(form_value form-token)
	csrf=$(form_value csrf)
}
new_post()
{
	local args=() f
	for f in "$@"; do
		args+=(--data-urlencode "$f")
	done
	dash_as hanna POST /nieuw --data-urlencode "csrf=$csrf" \
	    --data-urlencode "form-token=$tok" "${args[@]}"
}
base66=(report-channel=telefoon "report-received-date=$yesterday"
    report-audience=bewoners report-signal-type=vragen66
    "report-description=Beller ziet mensen in een loods slapen."
    "report-observed-date=$lastweek" report-street=Havenweg
    report-city=Utrecht)

new_form
is "$HTTP_STATUS" 200 "the new-report form"
like "$(http_body)" 'name="vragen-tonen"' \
    "offers to show a signal type's questions (no JavaScript needed)"
unlike "$(http_body)" "id=\"question-$QT\"" "and asks none yet"
# Enter in a field submits with the form's first submit button (HTML's
# implicit submission): it stores, it does not show the questions.
first=$(python3 -c 'import re, sys
b = open(sys.argv[1], encoding="utf-8").read()
f = b[b.index("action=\"" + sys.argv[2]):]
print(re.search(r"<button type=\"submit\"[^>]*>[^<]*", f).group(0))' \
    "$HTTP_BODY" "$DASH/nieuw" 2>&1)
like "$first" '>Melding opslaan$' "the form's first button stores (Enter in a field)"
unlike "$first" 'vragen-tonen' "not 'Vragen tonen'"
like "$first" 'tabindex="-1" aria-hidden="true"' \
    "out of the tab order and hidden from screen readers (the visible one is below)"

c0=$(counts66)
new_post "${base66[@]}" vragen-tonen=1
is "$HTTP_STATUS" 200 "'Vragen tonen' with the type chosen"
body=$(http_body)
like "$body" "id=\"question-$QT\"" "shows the type's text question"
like "$body" "name=\"question-$QJ\" value=\"ja\"" "and its yes/no question"
like "$body" 'name="questions-for" value="vragen66"' \
    "and says whose questions the form shows"
like "$body" 'Beller ziet mensen in een loods slapen' \
    "what was typed is kept"
unlike "$body" 'class="error-summary' "no errors yet: nothing was saved"
is "$(counts66)" "$c0" "nothing is stored"

new_post "${base66[@]/report-signal-type=vragen66/report-signal-type=}" \
    vragen-tonen=1
is "$HTTP_STATUS" 200 "'Vragen tonen' without a type chosen"
like "$(http_body)" 'Kies eerst waar de melding over gaat' "says to choose one"
new_post "${base66[@]/report-signal-type=vragen66/report-signal-type=drugs}" \
    vragen-tonen=1
like "$(http_body)" 'horen geen vervolgvragen' \
    "a type without questions: the form says so"
is "$(counts66)" "$c0" "nothing is stored"

new_post "${base66[@]}"
is "$HTTP_STATUS" 200 "saved without the questions shown"
like "$(http_body)" 'horen vervolgvragen' "the form says there are questions"
like "$(http_body)" "id=\"question-$QT\"" "and asks them"
is "$(counts66)" "$c0" "nothing is stored"

new_post "${base66[@]}" questions-for=vragen66 "question-$QT=$XSS" \
    "question-$QN=veel"
is "$HTTP_STATUS" 400 "a required question unanswered and a bad number"
is "$(field_error "question-$QJ")" "Kies een antwoord." \
    "the yes/no question's error is at the field"
is "$(field_error "question-$QN")" "Vul een getal in, bijvoorbeeld 3 of 2,5." \
    "the number's too"
is "$(field_error "question-$QT")" "" "a good answer has no error"
like "$(http_body)" "href=\"#question-$QJ\"" \
    "the summary links to the question"
like "$(http_body)" 'value="&lt;script&gt;alert' \
    "the typed answer is kept, escaped"
unlike "$(http_body)" '<script>alert' "never as markup"
like "$(http_body)" 'value="veel"' "the bad number is kept as typed"
is "$(counts66)" "$c0" "nothing is stored, no report and no answer"

new_post "${base66[@]}" questions-for=vragen66 "question-$QT=$XSS" \
    "question-$QJ=ja" "question-$QN=4" "question-$QL="
is "$HTTP_STATUS" 200 "good answers: the report is stored"
nid=$(dash_new_id)
ok '[ -n "$nid" ]' "the page links to the new report"
is "$(sql "SELECT COUNT(*) FROM report_answer WHERE report_id = $nid")" 3 \
    "with an answer to each answered question"
is "$(sql "SELECT value FROM report_answer WHERE report_id = $nid AND
    question_id = $QT")" "$XSS" "an answer stored as typed"
is "$(sql "SELECT CONCAT(channel, ' ', signal_type_id) FROM report
    WHERE id = $nid")" "telefoon $T66" "a telephone report of the type"
dash_as hanna GET "/melding/$nid"
is "$HTTP_STATUS" 200 "the handler opens the report"
body=$(http_body)
like "$body" 'Slapen er mensen op de werkplek' "the question as asked"
like "$body" '&lt;script&gt;alert\(&#34;antwoord66|&lt;script&gt;alert\(&quot;antwoord66' \
    "the answer shown escaped"
unlike "$body" '<script>alert' "never as markup"
dash_as cor GET "/?q=slapen+werkplek"
unlike " $(page_ids) " " $nid " "the question's text does not find it"
dash_as cor GET "/export?soort=$T66"
like "$(csv_refs)" "$(sql "SELECT reference FROM report WHERE id = $nid")" \
    "it is in the export of its type"

# ---------------------------------------------------------------------
# Leave the data as it was for the tests after this one.
# ---------------------------------------------------------------------
sql "TRUNCATE mysql.general_log; SET GLOBAL log_output = '$log_output'"
sql "UPDATE report SET description = UNHEX('$desc0') WHERE id = $zuid;
    DELETE FROM report_answer WHERE question_id = $QID"
dash_demo_remove
sql "DELETE FROM question_text WHERE question_id = $QID;
    DELETE FROM question WHERE id = $QID;
    UPDATE question SET active = 0 WHERE signal_type_id = $T66;
    DELETE FROM audience_signal_type WHERE signal_type_id = $T66"

# ---------------------------------------------------------------------
# A spooled report keeps its language (as test-14 spools and drains).
# ---------------------------------------------------------------------
intake_catalog
conf_set i18n.languages "nl, en"
restart_intake
rm -f "$E2E_SPOOL"/*.rpt
# spool_report LANG WORD: a report sent in LANG while MariaDB is down.
spool_report()
{
	http_reset_cookies
	iget "/melden/?taal=$1"
	report_fields
	set_field report-description "$2: al weken komen er 's nachts busjes."
	post_report
}
stop_mariadb_only
ok '! mariadb_up' "MariaDB is stopped"
spool_report en Spooltaalengels66
is "$HTTP_STATUS" 200 "a report in English sent while MariaDB is down: a receipt"
like "$(http_body)" 'lang="en"' "the receipt in English"
spool_report nl Spooltaalnederlands66
is "$HTTP_STATUS" 200 "one in Dutch too"
is "$(find "$E2E_SPOOL" -maxdepth 1 -name '*.rpt' | wc -l)" 2 \
    "both wait in the spool"
start_mariadb_only
ok mariadb_up "MariaDB is running again"
is "$(mp_ctl drain-spool 2>&1)" "stored 2, failed 0" "drain-spool stores both"
lang_of()
{
	sql "SELECT lang FROM report WHERE description LIKE '$1:%'"
}
is "$(lang_of Spooltaalengels66)" en \
    "the English report is stored in English (report.lang)"
is "$(lang_of Spooltaalnederlands66)" nl \
    "the Dutch one in Dutch (its file has no language record, as before)"
conf_reset
# Every program anew, as test-95 does: a worker whose connection
# predates the restart of MariaDB answered its first partner export
# request with a 500 (seen in test-71 after this test).
restart_programs >/dev/null 2>&1
