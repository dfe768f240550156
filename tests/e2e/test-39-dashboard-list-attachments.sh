# test-39-dashboard-list-attachments.sh -- overdue markers and their
# configurable thresholds; attachment downloads (headers, stored type,
# audit, refusals that leak nothing); every work-list filter and their
# combinations showing exactly the reports the user may see; correcting
# a field with the old value kept; XSS payloads from reports, teams,
# users and file names escaped on every page; demo data with handlers.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
hanna=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")
henk=$(sql "SELECT id FROM app_user WHERE username = 'henk'")

# row_html ID: the work-list row (<tr>...</tr>) of report ID, one line.
row_html()
{
	tr '\n' ' ' <"$HTTP_BODY" | sed 's/<tr/\n<tr/g' |
	    grep "/melding/$1\"" | sed 's/<\/tr>.*/<\/tr>/'
}
# list_ids: the report ids of the work list, in order, space-separated.
list_ids()
{
	grep -o 'href="/dashboard/melding/[0-9]*"' "$HTTP_BODY" |
	    grep -o '[0-9]*' | paste -sd' '
}

# ---------------------------------------------------------------------
# Overdue markers, on reports of a team of their own.
mp_ctl team add Termijn >/dev/null 2>&1
termijn=$(sql "SELECT id FROM team WHERE name = 'Termijn'")
first=$(( $(sql "SELECT COALESCE(MAX(id), 0) FROM report") + 1 ))
mp_ctl seed-demo --reports 7 --seed 39 >/dev/null
# overdue ID STATUS RECEIVED_DAYS_AGO TAKEN(0/1)
overdue()
{
	sql "UPDATE report SET team_id = $termijn, status = '$2',
	    received_at = UTC_TIMESTAMP() - INTERVAL $3 DAY,
	    taken_at = IF($4, UTC_TIMESTAMP() - INTERVAL $3 DAY
	    + INTERVAL 1 HOUR, NULL),
	    handler_id = IF($4, $hanna, NULL),
	    closed_at = IF('$2' = 'afgerond', UTC_TIMESTAMP(), NULL),
	    closed_reason = IF('$2' = 'afgerond', 'klaar', NULL)
	    WHERE id = $1"
}
a=$first b=$((first + 1)) c=$((first + 2)) d=$((first + 3))
e=$((first + 4)) f=$((first + 5)) g=$((first + 6))
overdue "$a" nieuw 8 0			# not taken in 7 days
overdue "$b" nieuw 6 0			# still within 7 days
overdue "$c" 'in behandeling' 100 1	# open for over 3 months
overdue "$d" afgerond 200 1		# closed: never overdue
overdue "$e" 'in behandeling' 8 1	# taken in time
overdue "$f" 'in behandeling' 80 1	# open for less than 3 months
overdue "$g" nieuw 100 0		# both
# check_marks ID TAKE CLOSE DESC: TAKE/CLOSE 1 when the marker must show.
check_marks()
{
	local row
	row=$(row_html "$1")
	if [ -z "$row" ]; then
		fail "$4: report $1 is on the list"
		return
	fi
	if [ "$2" = 1 ]; then
		like "$row" 'class="overdue take"' "$4: marked not taken"
	else
		unlike "$row" 'overdue take' "$4: not marked not taken"
	fi
	if [ "$3" = 1 ]; then
		like "$row" 'class="overdue close"' "$4: marked open too long"
	else
		unlike "$row" 'overdue close' "$4: not marked open too long"
	fi
}
dash_as cor GET "/?team=$termijn"
is "$HTTP_STATUS" 200 "the coordinator lists the team's reports"
check_marks "$a" 1 0 "new for 8 days"
check_marks "$b" 0 0 "new for 6 days"
check_marks "$c" 0 1 "in handling for 100 days"
check_marks "$d" 0 0 "closed after 200 days"
check_marks "$e" 0 0 "taken in time, 8 days old"
check_marks "$f" 0 0 "in handling for 80 days"
check_marks "$g" 1 1 "new for 100 days"
like "$(row_html "$a")" '8 dagen' "the list says how long ago it came in"
like "$(row_html "$c")" '3 maanden' "in months for old reports"
dash_as cor GET "/melding/$a"
like "$(http_body)" '\(8 dagen\)' "the detail page says it too"

conf_set dashboard.overdue_take_days 5
conf_set dashboard.overdue_close_days 60
conf_set dashboard.count_ttl 0
restart_program dashboard
dash_as cor GET "/?team=$termijn"
check_marks "$b" 1 0 "thresholds 5/60 days: new for 6 days"
check_marks "$f" 0 1 "thresholds 5/60 days: in handling for 80 days"
check_marks "$e" 0 0 "thresholds 5/60 days: taken in time"
check_marks "$d" 0 0 "thresholds 5/60 days: closed"
# The counts per status are of the reports the user may see.
dash_as hanna GET /
is "$(grep -o '>[^<>]*</a>: <span class="count">[0-9]*' "$HTTP_BODY" |
    sed 's/^>//; s/<\/a>: <span class="count">/=/' | grep -v '=0$' |
    LC_ALL=C sort | paste -sd,)" \
    "$(sql "SELECT CONCAT(status, '=', COUNT(*)) FROM report WHERE team_id
    IN (SELECT team_id FROM user_team WHERE user_id = $hanna)
    GROUP BY status" | LC_ALL=C sort | paste -sd,)" \
    "a handler's counts per status are those of the own team"
conf_reset
restart_program dashboard
# Back to team-less reports so that no other list changes.
sql "UPDATE report SET team_id = NULL WHERE id BETWEEN $a AND $g"

# ---------------------------------------------------------------------
# Attachment downloads.
n=$(dash_report Noord)
n2=$(sql "SELECT MIN(id) FROM report WHERE team_id = $noord AND id > $n")
sql "INSERT INTO attachment (report_id, filename, mime, size, sha256, data)
    VALUES ($n, 'foto van de loods.png', 'image/png', 12,
    UNHEX(SHA2('p', 256)), UNHEX('89504E470D0A1A0A00000D49')),
    ($n, 'rapport.pdf', 'application/pdf', 8, UNHEX(SHA2('d', 256)),
    '%PDF-1.4'),
    ($n, 'a\r\nSet-Cookie: gestolen=1\r\nX: .png', 'image/png', 4,
    UNHEX(SHA2('c', 256)), 'PNG!')"
png=$(sql "SELECT id FROM attachment WHERE filename =
    'foto van de loods.png' ORDER BY id DESC LIMIT 1")
pdf=$(sql "SELECT id FROM attachment WHERE filename = 'rapport.pdf'
    ORDER BY id DESC LIMIT 1")
crlf=$(sql "SELECT MAX(id) FROM attachment")
downloads()
{
	sql "SELECT COUNT(*) FROM audit_log WHERE action = 'bijlage downloaden'
	    ${1:+AND username = '$1'}"
}

dl=$(audit_count 'bijlage downloaden' hanna "$png")
dash_as hanna GET "/melding/$n/bijlage/$png"
is "$HTTP_STATUS" 200 "a handler downloads a PNG of the own team"
is "$(http_header Content-Disposition)" \
    'attachment; filename="foto van de loods.png"' \
    "as an attachment with its name"
like "$(http_header Content-Type)" '^image/png' "with the stored type"
is "$(http_header X-Content-Type-Options)" nosniff "and nosniff"
is "$(od -An -tx1 "$HTTP_BODY" | tr -d ' \n')" \
    "$(sql "SELECT LOWER(HEX(data)) FROM attachment WHERE id = $png")" \
    "the bytes are those stored"
is "$(audit_count 'bijlage downloaden' hanna "$png")" $((dl + 1)) \
    "the download is audited"
is "$(sql "SELECT CONCAT(object_type, ' ', object_id, ' ', client_addr,
    ' ', detail) FROM audit_log WHERE action = 'bijlage downloaden'
    AND username = 'hanna' ORDER BY id DESC LIMIT 1")" \
    "bijlage $png 127.0.0.1 melding $n" \
    "with object, client address and report, not the file's name"
dash_as cor GET "/melding/$n/bijlage/$pdf"
is "$HTTP_STATUS" 200 "the coordinator downloads a PDF"
like "$(http_header Content-Type)" '^application/pdf' "as application/pdf"
like "$(http_header Content-Disposition)" '^attachment;' "as an attachment"
is "$(http_header X-Content-Type-Options)" nosniff "with nosniff"
is "$(audit_count 'bijlage downloaden' cor "$pdf")" 1 "audited for cor"

dash_as hanna GET "/melding/$n/bijlage/$crlf"
is "$HTTP_STATUS" 200 "a file name with CR LF downloads"
is "$(grep -ci 'gestolen' "$HTTP_HEADERS")" 1 \
    "its name cannot add a header"
is "$(grep -ci '^set-cookie: *gestolen' "$HTTP_HEADERS")" 0 \
    "no cookie is set by it"
is "$(grep -c '^Content-Disposition:' "$HTTP_HEADERS")" 1 \
    "one Content-Disposition line"

# Refusals: nothing sent, nothing of the file in the log.
total=$(downloads)
refused=$(audit_count geweigerd henk "$n")
dash_as henk GET "/melding/$n/bijlage/$png"
is "$HTTP_STATUS" 404 "another team's handler gets 404"
unlike "$(http_body)" 'PNG|loods' "and nothing of the file"
is "$(http_header Content-Disposition)" "" "and no download"
is "$(audit_count geweigerd henk "$n")" $((refused + 1)) \
    "the attempt is audited as refused"
is "$(sql "SELECT detail FROM audit_log WHERE username = 'henk'
    ORDER BY id DESC LIMIT 1")" "" "with no file name in the entry"
dash_as hanna GET "/melding/$n2/bijlage/$png"
is "$HTTP_STATUS" 404 "an attachment asked for under another report is 404"
unlike "$(http_body)" 'PNG|loods' "and sends nothing of it"
dash_as hanna GET "/melding/$n/bijlage/999999999"
is "$HTTP_STATUS" 404 "an unknown attachment is 404"
for who in ad aud; do
	dash_as "$who" GET "/melding/$n/bijlage/$png"
	is "$HTTP_STATUS" 403 "$who may not download"
	unlike "$(http_body)" 'PNG|loods' "$who gets nothing of the file"
done
is "$(downloads)" "$total" "no refused request is logged as a download"
unlike "$(sql "SELECT GROUP_CONCAT(detail) FROM audit_log WHERE
    action = 'geweigerd'")" 'loods|rapport' \
    "no refusal's entry names a file"

# ---------------------------------------------------------------------
# Work-list filters: every combination shows exactly the matching
# reports hanna (team Noord) may see, newest first.
hanna_teams="(SELECT team_id FROM user_team WHERE user_id = $hanna)"
type1=$(sql "SELECT signal_type_id FROM report WHERE team_id = $noord
    GROUP BY signal_type_id ORDER BY COUNT(*) DESC LIMIT 1")
aud1=$(sql "SELECT audience_id FROM report WHERE team_id = $noord
    GROUP BY audience_id ORDER BY COUNT(*) DESC LIMIT 1")
chan1=$(sql "SELECT channel FROM report WHERE team_id = $noord
    GROUP BY channel ORDER BY COUNT(*) DESC LIMIT 1")
mid=$(sql "SELECT DATE(received_at) FROM report WHERE team_id = $noord
    ORDER BY received_at LIMIT 1 OFFSET 4")
late=$(sql "SELECT DATE(MAX(received_at)) FROM report
    WHERE team_id = $noord")
# expect_list QUERY WHERE DESC: hanna's list for QUERY equals the
# visible reports matching WHERE.
expect_list()
{
	local want
	want=$(sql "SELECT r.id FROM report r WHERE r.team_id IN $hanna_teams
	    AND $2 ORDER BY r.received_at DESC, r.id DESC LIMIT 50" |
	    paste -sd' ')
	dash_as hanna GET "/?$1"
	is "$HTTP_STATUS $(list_ids)" "200 $want" "list ?$1: $3"
}
nonempty=0
for st in '' nieuw in+behandeling afgerond; do
	for tm in '' "$noord" "$zuid"; do
		for hd in '' "$hanna" "$henk"; do
			w="1=1"
			[ -n "$st" ] && w="$w AND r.status = '${st//+/ }'"
			[ -n "$tm" ] && w="$w AND r.team_id = $tm"
			[ -n "$hd" ] && w="$w AND r.handler_id = $hd"
			expect_list "status=$st&team=$tm&behandelaar=$hd" \
			    "$w" "status, team, handler"
			if [ -n "$(list_ids)" ]; then
				nonempty=$((nonempty + 1))
			fi
		done
	done
done
ok '[ "$nonempty" -ge 6 ]' "the combinations include non-empty lists"
expect_list "soort=$type1" "r.signal_type_id = $type1" "signal type"
expect_list "doelgroep=$aud1" "r.audience_id = $aud1" "audience"
expect_list "kanaal=$chan1" "r.channel = '$chan1'" "channel"
expect_list "van=$mid" "r.received_at >= '$mid'" "date from"
expect_list "tot=$mid" "r.received_at < '$mid' + INTERVAL 1 DAY" \
    "date to, inclusive"
expect_list "van=$mid&tot=$late" "r.received_at >= '$mid' AND
    r.received_at < '$late' + INTERVAL 1 DAY" "date range"
# As typed where the browser has no date picker: dd-mm-jjjj, one-digit
# day and month too; the form shows it back as jjjj-mm-dd.
nl=$(date -u -d "$mid" +%-d-%-m-%Y)
expect_list "van=$nl&tot=$(date -u -d "$late" +%d-%m-%Y)" \
    "r.received_at >= '$mid' AND r.received_at < '$late' + INTERVAL 1 DAY" \
    "date range as dd-mm-jjjj ($nl)"
like "$(cat "$HTTP_BODY")" "id=\"f-van\" name=\"van\" type=\"date\" value=\"$mid\"" \
    "and the form shows it as jjjj-mm-dd"
expect_list "soort=$type1&doelgroep=$aud1&kanaal=$chan1&van=$mid&tot=$late&team=$noord" \
    "r.signal_type_id = $type1 AND r.audience_id = $aud1 AND
    r.channel = '$chan1' AND r.received_at >= '$mid' AND
    r.received_at < '$late' + INTERVAL 1 DAY AND r.team_id = $noord" \
    "every filter at once"
expect_list "soort=$type1&team=$zuid&kanaal=$chan1" "0" \
    "another team's reports stay hidden with other filters"
expect_list "pagina=2" "0" "the second page of a short list is empty"

# Hostile values: refused (400) or bound; never more than the visible.
visible=" $(sql "SELECT id FROM report WHERE team_id IN $hanna_teams" |
    paste -sd' ') "
nrep=$(sql "SELECT COUNT(*) FROM report")
# only_visible DESC: every report of the last list is hanna's to see.
only_visible()
{
	local id bad=
	for id in $(list_ids); do
		case $visible in
		*" $id "*) ;;
		*) bad="$bad $id" ;;
		esac
	done
	is "$bad" "" "$1: shows only reports of the own team"
}
for q in "%27+OR+%271%27%3D%271" "%27%29+OR+1%3D1+--+" \
    "%22%3B+DROP+TABLE+report%3B+--" "%25" "%5C" "%2B%2A%28%29%3C%3E%7E" \
    "x%27+UNION+SELECT+description+FROM+report+--"; do
	dash_as hanna GET "/?q=$q"
	is "$HTTP_STATUS" 200 "search '$q' is answered"
	only_visible "search '$q'"
done
for bad in "team=$zuid+OR+1%3D1" "behandelaar=$henk%27" \
    "van=2020-01-01%27+OR+%271%27%3D%271" "tot=2020-02-30" \
    "kanaal=web%27--" "doelgroep=-1" "soort=0x1" "pagina=0" \
    "status=afgerond%27+OR+1%3D1+--"; do
	dash_as hanna GET "/?$bad&team=$zuid"
	is "$HTTP_STATUS" 400 "filter $bad is refused"
	only_visible "filter $bad"
done
is "$(sql "SELECT COUNT(*) FROM report")" "$nrep" "no report went missing"

# ---------------------------------------------------------------------
# Correcting a field: the old value stays in the history, on the page.
sql "UPDATE report SET description = 'Busje met kenteken 12-AB-34.'
    WHERE id = $n"
v=$(dash_version "$n")
dash_post hanna "/melding/$n" actie=wijzigen veld=omschrijving \
    "waarde=Busje met kenteken 12-AB-35, <i>verbeterd</i>." "versie=$v"
is "$HTTP_STATUS" 303 "the description is corrected"
dash_as hanna GET "/melding/$n"
like "$(http_body)" 'Omschrijving gewijzigd; was: Busje met kenteken 12-AB-34\.' \
    "the detail page's history shows the old value"
like "$(http_body)" '12-AB-35, &lt;i&gt;verbeterd' \
    "and the new value, escaped"
is "$(audit_count wijzigen hanna "$n")" \
    "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $n AND
    kind = 'gewijzigd'")" "each correction is audited"
ev=$(sql "SELECT COUNT(*) FROM event WHERE report_id = $n")
dash_post hanna "/melding/$n" actie=wijzigen veld=omschrijving \
    "waarde=Te laat" "versie=$v"
is "$HTTP_STATUS" 409 "a correction on a stale version is a conflict"
dash_post henk "/melding/$n" actie=wijzigen veld=omschrijving \
    "waarde=Van een ander team" "versie=$((v + 1))"
is "$HTTP_STATUS" 404 "another team cannot correct it"
v=$(dash_version "$n")
dash_post hanna "/melding/$n" actie=wijzigen veld=omschrijving \
    "waarde=   " "versie=$v"
is "$HTTP_STATUS" 400 "an empty description is refused"
is "$(sql "SELECT description FROM report WHERE id = $n")" \
    'Busje met kenteken 12-AB-35, <i>verbeterd</i>.' \
    "the refused corrections changed nothing"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $n")" "$ev" \
    "and wrote no history"

# ---------------------------------------------------------------------
# Assignment keeps a handler within the report's team, where the
# handler can see it.
cor=$(sql "SELECT id FROM app_user WHERE username = 'cor'")
state()
{
	sql "SELECT team_id, COALESCE(handler_id, 0), version FROM report
	    WHERE id = $n2"
}
was=$(state)
v=$(dash_version "$n2")
dash_post cor "/melding/$n2" actie=toewijzen "team=$noord" \
    "behandelaar=$henk" "versie=$v"
is "$HTTP_STATUS" 400 "a handler of another team cannot be assigned"
like "$(http_body)" 'hoort niet bij het gekozen team' "with a clear message"
dash_post cor "/melding/$n2" actie=toewijzen "behandelaar=$hanna" \
    "versie=$v"
is "$HTTP_STATUS" 400 "nor a handler without a team"
is "$(state)" "$was" "the refused assignments changed nothing"
dash_post cor "/melding/$n2" actie=toewijzen "team=$noord" \
    "behandelaar=$cor" "versie=$v"
is "$HTTP_STATUS" 303 "a coordinator can be given any team's report"
v=$(dash_version "$n2")
dash_post cor "/melding/$n2" actie=toewijzen "team=$noord" \
    "behandelaar=$hanna" "versie=$v"
is "$HTTP_STATUS" 303 "a handler of the team can be assigned"
is "$(sql "SELECT team_id, handler_id FROM report WHERE id = $n2")" \
    "$(printf '%s\t%s' "$noord" "$hanna")" "and is"
dash_as hanna GET "/melding/$n2"
is "$HTTP_STATUS" 200 "and sees the report"

# ---------------------------------------------------------------------
# XSS: payloads in every kind of text a page shows.
s1='<script>alert(91)</script>'
s2='<img src=x onerror=alert(92)>'
s3='<svg onload=alert(93)>'
s4='"><b onmouseover=alert(94)>'
s5="' onfocus=alert(95) x='"
sql "UPDATE report SET description = '$s1 $s4', street = '$s2',
    city = '$s3', house_number = '1', involved_people = '${s5//\'/\'\'}',
    involved_companies = '$s1', involved_vehicles = '$s2'
    WHERE id = $n"
sql "INSERT INTO team (name) VALUES ('Team $s3')"
sql "INSERT INTO signal_type (slug, name, description) VALUES
    ('xss-soort', 'Soort $s2', 'Uitleg $s1')"
sql "INSERT INTO audience_signal_type (audience_id, signal_type_id)
    SELECT a.id, s.id FROM audience a, signal_type s
    WHERE a.is_default = 1 AND s.slug = 'xss-soort'"
mp_ctl user add xss.h handler "Hendrik" --team Noord >/dev/null 2>&1
sql "UPDATE app_user SET display_name = 'Hendrik $s4' WHERE
    username = 'xss.h'"
sql "UPDATE report SET handler_id = (SELECT id FROM app_user WHERE
    username = 'xss.h') WHERE id = $n"
sql "INSERT INTO attachment (report_id, filename, mime, size, sha256, data)
    VALUES ($n, '$s3.png', 'image/png', 4, UNHEX(SHA2('z', 256)), 'PNG!')"
xatt=$(sql "SELECT MAX(id) FROM attachment")
dash_post hanna "/melding/$n" actie=notitie "tekst=Notitie $s1 $s5"
dash_as hanna GET "/melding/$n/bijlage/$xatt"
sleep 1.1	# catalog.ttl: the new signal type reaches the forms

# no_markup USER PATH DESC: USER's page has no payload as it was given
# (only escaped: a payload inside an escaped attribute value is text).
no_markup()
{
	local body p found=
	dash_as "$1" GET "$2"
	is "$HTTP_STATUS" 200 "$3 ($1) is shown"
	body=$(http_body)
	for p in "$s1" "$s2" "$s3" "$s4" "$s5"; do
		case $body in
		*"$p"*) found="$found $p" ;;
		esac
	done
	is "$found" "" "$3 ($1) has no payload unescaped"
	if [ "${4:-}" = none ]; then
		unlike "$body" '&lt;(script|img|svg)' \
		    "$3 ($1) holds none of the report's words, escaped or not"
	else
		like "$body" '&lt;(script|img|svg)' "$3 ($1) shows it escaped"
	fi
}
for who in hanna cor; do
	no_markup "$who" / "the work list"
	no_markup "$who" "/?team=$noord&status=&q=" "the filtered work list"
	no_markup "$who" "/melding/$n" "the detail page"
	no_markup "$who" /nieuw "the new-report form"
done
no_markup ad /beheer "the admin page"
# The audit log names who did what to the report, never its words:
# the file name and the note with the payloads are not in it at all.
no_markup aud "/audit?melding=$n" "the audit log" none
no_markup aud "/audit?gebruiker=hanna" "the audit log by user" none
dash_as hanna GET "/melding/%3Cscript%3Ealert(91)%3C%2Fscript%3E"
is "$HTTP_STATUS" 404 "a path with markup is 404"
unlike "$(http_body)" '<script>alert' "and not echoed"
dash_as hanna GET "/?q=%3Csvg+onload%3Dalert(93)%3E"
unlike "$(http_body)" '<svg onload' "a search term with markup is escaped"

# Clean up what would show on other pages.
sql "UPDATE report SET handler_id = $hanna WHERE id = $n;
    UPDATE app_user SET disabled = 1 WHERE username = 'xss.h';
    UPDATE signal_type SET active = 0 WHERE slug = 'xss-soort';
    UPDATE team SET active = 0 WHERE name = 'Team $s3'"

# ---------------------------------------------------------------------
# Demo data: reports in handling have a handler of their team.
first=$(( $(sql "SELECT COALESCE(MAX(id), 0) FROM report") + 1 ))
mp_ctl seed-demo --reports 40 --seed 3939 >/dev/null
new="r.id >= $first"
ok '[ "$(sql "SELECT COUNT(*) FROM report r WHERE $new AND
    r.status <> '"'nieuw'"'")" -gt 0 ]' "the demo has reports in handling"
is "$(sql "SELECT COUNT(*) FROM report r WHERE $new AND r.team_id IS NULL")" \
    0 "every demo report has a team"
is "$(sql "SELECT COUNT(*) FROM report r WHERE $new AND
    r.status <> 'nieuw' AND (r.handler_id IS NULL OR r.taken_at IS NULL)")" \
    0 "every demo report past nieuw has a handler and a time taken"
is "$(sql "SELECT COUNT(*) FROM report r WHERE $new AND
    r.handler_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM user_team ut
    WHERE ut.user_id = r.handler_id AND ut.team_id = r.team_id)")" 0 \
    "and the handler belongs to the report's team"
is "$(sql "SELECT COUNT(*) FROM report r JOIN app_user u ON
    u.id = r.handler_id WHERE $new AND (u.disabled = 1 OR
    u.role <> 'handler')")" 0 "an enabled handler"
is "$(sql "SELECT COUNT(*) FROM report r WHERE $new AND
    r.status = 'nieuw' AND (r.handler_id IS NOT NULL OR
    r.taken_at IS NOT NULL)")" 0 "new reports have neither"
# Back to team-less, so no other list changes.
sql "UPDATE report SET team_id = NULL, handler_id = NULL WHERE id >= $first"
