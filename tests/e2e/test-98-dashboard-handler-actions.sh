# test-98-dashboard-handler-actions.sh -- a handler's daily work (issue
# 16): the audit log found by a report's reference, CSV downloads named
# after their content and date, dates typed as dd-mm-jjjj or jjjj-mm-dd
# on the public form and the handler's new-report form.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/intake.sh"
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

# ---------------------------------------------------------------------
# Dates as dd-mm-jjjj and jjjj-mm-dd, one parser for both forms.
# ---------------------------------------------------------------------
d_iso=$(date -d '10 days ago' +%F)
d_nl=$(date -d '10 days ago' +%d-%m-%Y)
d_short=$(date -d '10 days ago' +%-d-%-m-%Y)
nreports() { sql "SELECT COUNT(*) FROM report"; }
last_observed() { sql "SELECT observed_date FROM report ORDER BY id DESC LIMIT 1"; }

for d in "$d_nl" "$d_iso" "$d_short"; do
	report_fields
	set_field report-observed-date "$d"
	n0=$(nreports)
	post_report
	is "$HTTP_STATUS" 200 "the public form takes the date $d"
	is "$(nreports)" $((n0 + 1)) "and stores the report"
	is "$(last_observed)" "$d_iso" "as $d_iso"
done
for d in 31-02-2026 2026-13-01 gisteren 1-3-26; do
	report_fields
	set_field report-observed-date "$d"
	n0=$(nreports)
	post_report
	is "$HTTP_STATUS" 400 "the public form refuses the date '$d'"
	like "$(field_error report-observed-date)" \
	    'Vul een datum in als dd-mm-jjjj of jjjj-mm-dd' \
	    "with the Dutch error next to the field"
	is "$(form_value report-observed-date)" "$d" "keeping what was typed"
	is "$(nreports)" "$n0" "storing nothing"
done

# The handler's new-report form: the same parser.
new_form() {
	dash_as hanna GET /nieuw
	tok=$(form_value form-token)
	csrf=$(form_value csrf)
}
new_post() {
	local args=() f
	for f in "$@"; do
		args+=(--data-urlencode "$f")
	done
	dash_as hanna POST /nieuw --data-urlencode "csrf=$csrf" \
	    --data-urlencode "form-token=$tok" "${args[@]}"
}
recv_iso=$(date -d '2 days ago' +%F)
recv_nl=$(date -d '2 days ago' +%d-%m-%Y)
staff=(report-channel=telefoon report-audience=bewoners
    report-signal-type=drugs "report-description=Beller meldt busjes."
    report-street=Kerkstraat report-city=Utrecht
    "report-contact-name=Piet Beller" "report-contact-phone=06 12345678")
new_form
is "$(form_value report-received-date)" "$(date +%F)" \
    "the new-report form starts the date received at today"
n0=$(nreports)
new_post "${staff[@]}" "report-received-date=$recv_nl" \
    "report-observed-date=$d_nl"
is "$HTTP_STATUS" 200 "the handler's form takes dd-mm-jjjj for both dates"
is "$(sql "SELECT DATE(received_at), observed_date FROM report
    ORDER BY id DESC LIMIT 1")" "$recv_iso	$d_iso" "stored as those dates"
new_form
new_post "${staff[@]}" "report-received-date=$recv_iso" \
    "report-observed-date=$d_short"
is "$HTTP_STATUS" 200 "and jjjj-mm-dd and d-m-jjjj"
is "$(nreports)" $((n0 + 2)) "two reports stored"
for d in 31-02-2026 2026-13-01 morgen; do
	new_form
	n0=$(nreports)
	new_post "${staff[@]}" "report-received-date=$d" \
	    "report-observed-date=$d_nl"
	is "$HTTP_STATUS" 400 "the handler's form refuses the date received '$d'"
	like "$(field_error report-received-date)" \
	    'Vul een datum in als dd-mm-jjjj of jjjj-mm-dd' \
	    "with the Dutch error next to the field"
	is "$(form_value report-received-date)" "$d" "keeping what was typed"
	is "$(form_value report-description)" "Beller meldt busjes." \
	    "and the other fields"
	is "$(nreports)" "$n0" "storing nothing"
done

# ---------------------------------------------------------------------
# "Vraag de melder": the question and "wacht op melder" in one go.
# ---------------------------------------------------------------------
# ask_report: a new report of team Noord in handling at hanna's, as the
# dashboard leaves one; prints its id.
ask_report()
{
	sql "INSERT INTO report (channel, audience_id, signal_type_id,
	    description, observed_date, involved_people, involved_companies,
	    involved_vehicles, anonymous, received_at, status, taken_at,
	    team_id, handler_id)
	    SELECT 'web', (SELECT MIN(id) FROM audience),
	    (SELECT MIN(id) FROM signal_type), 'Test 98', CURDATE(), '', '',
	    '', 1, UTC_TIMESTAMP(), 'in behandeling', UTC_TIMESTAMP(),
	    (SELECT id FROM team WHERE name = 'Noord'),
	    (SELECT id FROM app_user WHERE username = 'hanna');
	    UPDATE report SET reference = CONCAT('M-', YEAR(received_at), '-',
	    LPAD(id, 6, '0')) WHERE id = LAST_INSERT_ID();
	    SELECT LAST_INSERT_ID()"
}
# rows ID: messages, events, outbox rows and audit rows of report ID.
rows()
{
	sql "SELECT (SELECT COUNT(*) FROM message WHERE report_id = $1),
	    (SELECT COUNT(*) FROM event WHERE report_id = $1),
	    (SELECT COUNT(*) FROM mail_outbox),
	    (SELECT COUNT(*) FROM audit_log WHERE object_type = 'melding'
	    AND object_id = $1 AND action = 'vragen'),
	    (SELECT CONCAT(status, '/', version) FROM report WHERE id = $1)"
}

q1=$(ask_report)
dash_as hanna GET "/melding/$q1"
like "$(http_body)" 'name="actie" value="vragen"' \
    "a report in handling offers \"Vraag de melder\""
like "$(http_body)" '<label for="vraag">Vraag de melder</label>' \
    "with a labelled text field"
m0=$(sql "SELECT COUNT(*) FROM message WHERE report_id = $q1")
e0=$(sql "SELECT COUNT(*) FROM event WHERE report_id = $q1")
dash_post hanna "/melding/$q1" actie=vragen \
    "tekst=Welk huisnummer bedoelt u? <b>x</b>" "versie=$(dash_version "$q1")"
is "$HTTP_STATUS" 303 "hanna asks the reporter"
is "$(sql "SELECT status FROM report WHERE id = $q1")" "wacht op melder" \
    "the report waits for the reporter"
is "$(sql "SELECT COUNT(*) FROM message WHERE report_id = $q1")" \
    $((m0 + 1)) "one message to the reporter"
like "$(sql "SELECT body FROM message WHERE report_id = $q1
    ORDER BY id DESC LIMIT 1")" 'Welk huisnummer bedoelt u\? <b>x</b>$' \
    "holding the question as typed"
is "$(sql "SELECT direction FROM message WHERE report_id = $q1
    ORDER BY id DESC LIMIT 1")" uit "sent out"
is "$(sql "SELECT detail FROM event WHERE report_id = $q1 AND id >
    (SELECT COALESCE(MAX(id), 0) FROM event WHERE report_id = $q1) - 1
    ORDER BY id DESC LIMIT 1")" "in behandeling -> wacht op melder" \
    "and the status change is in the history"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $q1")" \
    $((e0 + 1)) "one history row"
is "$(sql "SELECT detail FROM audit_log WHERE action = 'vragen'
    AND object_id = $q1 ORDER BY id DESC LIMIT 1" | sed 's/gebeurtenis [0-9]*/gebeurtenis N/')" \
    "in behandeling -> wacht op melder; vraag aan melder; gebeurtenis N" \
    "audited without the question's words"
dash_as hanna GET "/melding/$q1"
like "$(http_body)" 'Welk huisnummer bedoelt u\? &lt;b&gt;x&lt;/b&gt;' \
    "the question is shown escaped in the conversation"
unlike "$(http_body)" 'name="actie" value="vragen"' \
    "a waiting report offers no second question"

# Asked again while waiting: refused, nothing written.
before=$(rows "$q1")
dash_post hanna "/melding/$q1" actie=vragen "tekst=Nog een vraag" \
    "versie=$(dash_version "$q1")"
is "$HTTP_STATUS" 400 "asking a report that already waits is refused"
like "$(http_body)" 'kan nu niet op' "saying why"
is "$(rows "$q1")" "$before" "and nothing is written"

# A blank question, a stale version, no CSRF token: nothing written.
q2=$(ask_report)
before=$(rows "$q2")
dash_post hanna "/melding/$q2" actie=vragen "tekst=   " \
    "versie=$(dash_version "$q2")"
is "$HTTP_STATUS" 400 "a blank question is refused"
like "$(http_body)" 'Een vraag aan de melder heeft tekst' "with a Dutch message"
dash_post hanna "/melding/$q2" actie=vragen "tekst=Vraag" \
    "versie=$(( $(dash_version "$q2") + 7 ))"
is "$HTTP_STATUS" 409 "a question on a stale version is refused"
dash_as hanna POST "/melding/$q2" --data-urlencode actie=vragen \
    --data-urlencode tekst=Vraag \
    --data-urlencode "versie=$(dash_version "$q2")" >/dev/null
is "$HTTP_STATUS" 403 "a question without the CSRF token is refused"
is "$(rows "$q2")" "$before" "none of these wrote anything"

# The message fails inside the transaction: the status stays too.
sql "CREATE TRIGGER t98_message_fail BEFORE INSERT ON message FOR EACH ROW
    SET NEW.direction = IF(NEW.report_id = $q2, 'kapot', NEW.direction)"
dash_post hanna "/melding/$q2" actie=vragen "tekst=Vraag die mislukt" \
    "versie=$(dash_version "$q2")"
sql "DROP TRIGGER t98_message_fail"
like "$HTTP_STATUS" '^5' "a question whose message cannot be written fails"
is "$(rows "$q2")" "$before" \
    "and neither status, history, message, mail nor audit is written"
# The status fails (the report was closed meanwhile): no message.
sql "UPDATE report SET status = 'afgerond', closed_at = UTC_TIMESTAMP(),
    closed_reason = 't98', version = version + 1 WHERE id = $q2"
before=$(rows "$q2")
dash_post hanna "/melding/$q2" actie=vragen "tekst=Te laat" \
    "versie=$(dash_version "$q2")"
is "$HTTP_STATUS" 400 "a question to a closed report is refused"
is "$(rows "$q2")" "$before" "and no message is written"

# ---------------------------------------------------------------------
# Closing: a reason from dashboard.close_reasons and an explanation.
# ---------------------------------------------------------------------
c1=$(ask_report)
dash_as hanna GET "/melding/$c1"
like "$(http_body)" '<select id="reden-[^"]*" name="reden" required><option value="">kies een reden</option>' \
    "closing offers a list of reasons"
like "$(http_body)" '<option value="dubbele melding">dubbele melding</option>' \
    "the configured ones"
like "$(http_body)" 'name="toelichting"' "and a field for an explanation"
before=$(rows "$c1")
for bad in "reden=klaar" "reden=" "reden=opgelost<script>"; do
	dash_post hanna "/melding/$c1" actie=status naar=afgerond "$bad" \
	    "versie=$(dash_version "$c1")"
	is "$HTTP_STATUS" 400 "closing with '$bad' is refused"
	like "$(http_body)" 'Kies een reden uit de lijst' "asking for a listed reason"
done
dash_post hanna "/melding/$c1" actie=status naar=afgerond reden=opgelost \
    "toelichting=$(printf 'x%.0s' $(seq 501))" "versie=$(dash_version "$c1")"
is "$HTTP_STATUS" 400 "an explanation over 500 characters is refused"
is "$(rows "$c1")" "$before" "none of the refusals wrote anything"
dash_post hanna "/melding/$c1" actie=status naar=afgerond \
    "reden=dubbele melding" "toelichting=Zelfde als de melding van gisteren" \
    "versie=$(dash_version "$c1")"
is "$HTTP_STATUS" 303 "closing with a listed reason and an explanation"
is "$(sql "SELECT status, closed_reason FROM report WHERE id = $c1")" \
    "afgerond	dubbele melding" "stores the reason with the report"
is "$(sql "SELECT detail FROM event WHERE report_id = $c1 AND kind = 'status'
    ORDER BY id DESC LIMIT 1")" \
    "in behandeling -> afgerond; reden: dubbele melding; toelichting: Zelfde als de melding van gisteren" \
    "and reason and explanation with the close event"
unlike "$(sql "SELECT detail FROM audit_log WHERE action = 'status'
    AND object_id = $c1 ORDER BY id DESC LIMIT 1")" 'gisteren' \
    "the audit row holds no explanation"

# The statistics count closings per reason, in Dutch months.
c2=$(ask_report)
dash_post hanna "/melding/$c2" actie=status naar=afgerond reden=ongegrond \
    "versie=$(dash_version "$c2")"
is "$HTTP_STATUS" 303 "a second report closed as ongegrond"
m=$(TZ=Europe/Amsterdam date +%Y-%m)
from_utc=$(python3 -c "
from datetime import datetime; from zoneinfo import ZoneInfo
print(datetime(int('$m'[:4]), int('$m'[5:]), 1,
    tzinfo=ZoneInfo('Europe/Amsterdam')).astimezone(ZoneInfo('UTC'))
    .strftime('%Y-%m-%d %H:%M:%S'))")
want_reason() {
	sql "SELECT COUNT(*) FROM report WHERE closed_reason = '$1'
	    AND closed_at >= '$from_utc'"
}
dash_as cor GET "/statistiek?van=$m&tot=$m"
is "$HTTP_STATUS" 200 "the statistics page of this month"
page=$(tr -d '\n' <"$HTTP_BODY")
for reason in 'dubbele melding' ongegrond opgelost \
    'buiten onze bevoegdheid'; do
	like "$page" "<tr><th scope=\"row\">$reason</th><td>$(want_reason "$reason")</td></tr>" \
	    "counts closings as '$reason' as SQL does"
done
ok '[ "$(want_reason "dubbele melding")" -ge 1 ]' "(one of them this test's)"
dash_as hanna GET /statistiek
is "$HTTP_STATUS" 403 "a handler does not see the statistics"

# ---------------------------------------------------------------------
# Corrections of signal type, audience and date of observation.
# ---------------------------------------------------------------------
k=$(ask_report)
old_type=$(sql "SELECT st.name FROM report r JOIN signal_type st
    ON st.id = r.signal_type_id WHERE r.id = $k")
new_slug=$(sql "SELECT st.slug FROM signal_type st JOIN audience_signal_type x
    ON x.signal_type_id = st.id JOIN audience a ON a.id = x.audience_id
    WHERE st.active = 1 AND a.active = 1 AND st.id <> (SELECT signal_type_id
    FROM report WHERE id = $k) ORDER BY st.id LIMIT 1")
new_type=$(sql "SELECT name FROM signal_type WHERE slug = '$new_slug'")
# The report's counters: received per signal type in its month.
stat_of() { sql "SELECT COALESCE(SUM(received), 0) FROM stats_month
    WHERE signal_type_id = (SELECT id FROM signal_type WHERE slug = '$1')
    AND month = nl_month((SELECT received_at FROM report WHERE id = $k))"; }
old_slug=$(sql "SELECT st.slug FROM report r JOIN signal_type st
    ON st.id = r.signal_type_id WHERE r.id = $k")
s_old=$(stat_of "$old_slug"); s_new=$(stat_of "$new_slug")
dash_as hanna GET "/melding/$k"
like "$(http_body)" '<label for="c-soort">Soort corrigeren</label><select id="c-soort" name="waarde">' \
    "the report page offers to correct the signal type"
like "$(http_body)" '<label for="c-doelgroep">Doelgroep corrigeren</label>' "the audience"
like "$(http_body)" '<label for="c-datum">Datum waarneming corrigeren</label>' \
    "and the date of observation"
v=$(dash_version "$k")
dash_post hanna "/melding/$k" actie=wijzigen veld=soort "waarde=$new_slug" \
    "versie=$v"
is "$HTTP_STATUS" 303 "hanna corrects the signal type"
is "$(sql "SELECT st.slug FROM report r JOIN signal_type st
    ON st.id = r.signal_type_id WHERE r.id = $k")" "$new_slug" "it is stored"
is "$(dash_version "$k")" $((v + 1)) "the version moves on"
is "$(sql "SELECT detail FROM event WHERE report_id = $k AND kind = 'gewijzigd'
    ORDER BY id DESC LIMIT 1")" "Soort gewijzigd; was: $old_type; nu: $new_type" \
    "the history keeps the old value"
like "$(sql "SELECT detail FROM audit_log WHERE action = 'wijzigen'
    AND object_id = $k ORDER BY id DESC LIMIT 1")" '^veld: soort; gebeurtenis [0-9]+$' \
    "audited by field and event"
is "$(stat_of "$old_slug") $(stat_of "$new_slug")" \
    "$((s_old - 1)) $((s_new + 1))" "the statistics move the report to its new type"

aud_slug=$(sql "SELECT slug FROM audience WHERE active = 1 AND id <>
    (SELECT audience_id FROM report WHERE id = $k) ORDER BY id LIMIT 1")
aud_name=$(sql "SELECT name FROM audience WHERE slug = '$aud_slug'")
old_aud=$(sql "SELECT a.name FROM report r JOIN audience a
    ON a.id = r.audience_id WHERE r.id = $k")
dash_post hanna "/melding/$k" actie=wijzigen veld=doelgroep \
    "waarde=$aud_slug" "versie=$(dash_version "$k")"
is "$HTTP_STATUS" 303 "hanna corrects the audience"
is "$(sql "SELECT detail FROM event WHERE report_id = $k AND kind = 'gewijzigd'
    ORDER BY id DESC LIMIT 1")" "Doelgroep gewijzigd; was: $old_aud; nu: $aud_name" \
    "the history keeps the old audience"

old_date=$(sql "SELECT observed_date FROM report WHERE id = $k")
nd_iso=$(date -d '20 days ago' +%F); nd_nl=$(date -d '20 days ago' +%d-%m-%Y)
dash_post hanna "/melding/$k" actie=wijzigen veld=datum "waarde=$nd_nl" \
    "versie=$(dash_version "$k")"
is "$HTTP_STATUS" 303 "hanna corrects the date of observation as dd-mm-jjjj"
is "$(sql "SELECT observed_date FROM report WHERE id = $k")" "$nd_iso" \
    "stored as a date"
is "$(sql "SELECT detail FROM event WHERE report_id = $k AND kind = 'gewijzigd'
    ORDER BY id DESC LIMIT 1")" "Datum waarneming gewijzigd; was: $old_date; nu: $nd_iso" \
    "the history keeps the old date"

# Refusals write nothing.
before=$(sql "SELECT CONCAT(version, '/', signal_type_id, '/', audience_id,
    '/', observed_date, '/', (SELECT COUNT(*) FROM event WHERE report_id = $k))
    FROM report WHERE id = $k")
for bad in "veld=soort waarde=bestaat-niet" "veld=doelgroep waarde=<b>" \
    "veld=datum waarde=31-02-2026" "veld=datum waarde=2026-13-01" \
    "veld=datum waarde=$(TZ=Europe/Amsterdam date -d tomorrow +%d-%m-%Y)" \
    "veld=datum waarde=gisteren"; do
	set -- $bad
	dash_post hanna "/melding/$k" actie=wijzigen "$1" "$2" \
	    "versie=$(dash_version "$k")"
	is "$HTTP_STATUS" 400 "correction '$bad' is refused"
done
dash_post hanna "/melding/$k" actie=wijzigen veld=soort "waarde=$old_slug" \
    "versie=$(( $(dash_version "$k") + 3 ))"
is "$HTTP_STATUS" 409 "a correction on a stale version is refused"
dash_as hanna POST "/melding/$k" --data-urlencode actie=wijzigen \
    --data-urlencode veld=soort --data-urlencode "waarde=$old_slug" \
    --data-urlencode "versie=$(dash_version "$k")" >/dev/null
is "$HTTP_STATUS" 403 "a correction without the CSRF token is refused"
dash_post aud "/melding/$k" actie=wijzigen veld=soort "waarde=$old_slug" \
    "versie=$(dash_version "$k")"
is "$HTTP_STATUS" 403 "an auditor may not correct"
is "$(sql "SELECT CONCAT(version, '/', signal_type_id, '/', audience_id,
    '/', observed_date, '/', (SELECT COUNT(*) FROM event WHERE report_id = $k))
    FROM report WHERE id = $k")" "$before" "none of these changed anything"

# ---------------------------------------------------------------------
# Every action ends with a fixed confirmation; errors keep what was typed.
# ---------------------------------------------------------------------
g=$(ask_report)
done_after()	# ACTION TEXT-ERE DESC fields...: the action and its page
{
	local act=$1 want=$2 desc=$3
	shift 3
	dash_post hanna "/melding/$g" "actie=$act" "$@"
	is "$HTTP_STATUS" 303 "$desc"
	like "$(http_header Location)" "/dashboard/melding/$g\\?gedaan=$act\$" \
	    "and goes back to the report with gedaan=$act"
	dash_as hanna GET "/melding/$g?gedaan=$act"
	like "$(http_body)" "<p class=\"message done\" role=\"status\" id=\"gedaan\">$want</p>" \
	    "which confirms it"
}
done_after notitie 'Uw notitie is toegevoegd\.' "a note" "tekst=Notitie 98"
done_after bericht 'Uw bericht aan de melder is verstuurd\.' "a message" \
    "tekst=Bericht 98"
done_after wijzigen 'Uw correctie is opgeslagen; de oude waarde staat in de geschiedenis\.' \
    "a correction" veld=plaats waarde=Utrecht "versie=$(dash_version "$g")"
done_after status 'De status is gewijzigd\.' "a status change" \
    "naar=doorgezet naar partner" "versie=$(dash_version "$g")"
done_after status 'De status is gewijzigd\.' "and back" \
    "naar=in behandeling" "versie=$(dash_version "$g")"
done_after vragen 'Uw vraag is verstuurd; de melding wacht nu op de melder\.' \
    "a question" "tekst=Vraag 98" "versie=$(dash_version "$g")"
dash_post cor "/melding/$g" actie=toewijzen \
    "team=$(sql "SELECT id FROM team WHERE name = 'Noord'")" \
    "behandelaar=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")" \
    "versie=$(dash_version "$g")"
like "$(http_header Location)" "\\?gedaan=toewijzen\$" "an assignment too"
dash_as cor GET "/melding/$g?gedaan=toewijzen"
like "$(http_body)" 'id="gedaan">De melding is toegewezen\.</p>' "with its text"

# The parameter is never shown: unknown values give nothing.
for bad in '%3Cscript%3Ealert(1)%3C%2Fscript%3E' 'iets' ''; do
	dash_as hanna GET "/melding/$g?gedaan=$bad"
	is "$HTTP_STATUS" 200 "gedaan='$bad' is answered"
	unlike "$(http_body)" 'id="gedaan"|<script>alert' "without a confirmation or echo"
done

# Refused actions keep what was typed.
long=$(printf 'woord %.0s' $(seq 700))
dash_post hanna "/melding/$g" actie=notitie "tekst=$long<b>x"
is "$HTTP_STATUS" 400 "a note over 4000 characters is refused"
like "$(tr -d '\n' <"$HTTP_BODY")" "<textarea id=\"tekst\" name=\"tekst\"[^>]*>woord woord .*&lt;b&gt;x</textarea>" \
    "and the note is still in its field, escaped"
unlike "$(http_body)" 'id="gedaan"' "with no confirmation"
sql "UPDATE report SET status = 'in behandeling', version = version + 1
    WHERE id = $g"
dash_post hanna "/melding/$g" actie=status naar=afgerond reden=klaar \
    "toelichting=Mijn uitleg 98" "bericht=Groet 98" "versie=$(dash_version "$g")"
is "$HTTP_STATUS" 400 "closing with an unlisted reason is refused"
like "$(tr -d '\n' <"$HTTP_BODY")" 'name="toelichting" rows="2" maxlength="500">Mijn uitleg 98</textarea>' \
    "the explanation is kept"
like "$(tr -d '\n' <"$HTTP_BODY")" 'maxlength="4000">Groet 98</textarea>' \
    "and the line for the reporter"
dash_post hanna "/melding/$g" actie=wijzigen veld=datum waarde=31-02-2026 \
    "versie=$(dash_version "$g")"
is "$HTTP_STATUS" 400 "a wrong date correction is refused"
like "$(http_body)" 'id="c-datum" name="waarde" maxlength="12" aria-describedby="c-datum-hint" value="31-02-2026"' \
    "and the date is still in its field"
dash_post hanna "/melding/$g" actie=vragen "tekst=$long" \
    "versie=$(( $(dash_version "$g") + 9 ))"
is "$HTTP_STATUS" 400 "a question over 4000 characters is refused"
like "$(tr -d '\n' <"$HTTP_BODY")" '<textarea id="vraag" name="tekst"[^>]*>woord woord' \
    "and the question is kept"
