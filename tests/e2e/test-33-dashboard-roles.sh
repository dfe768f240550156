# test-33-dashboard-roles.sh -- the role matrix (every page and action
# against every role, and a handler of another team), reporter
# identity, attachments, and XSS payloads shown escaped.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures
# Audit rows of this test only: in a full run earlier tests try the
# same report as other users (dash.sh's audit_count reads it).
AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")

n=$(dash_report Noord)
# An attachment whose stored type is HTML must still download as data.
sql "INSERT INTO attachment (report_id, filename, mime, size, sha256, data)
    VALUES ($n, 'x\"><script>.html', 'text/html', 20,
    UNHEX(SHA2('x', 256)), '<script>alert(1)</script>')"
att=$(sql "SELECT MAX(id) FROM attachment")

# expect USER METHOD PATH WANT DESC [field=value...]
expect()
{
	local user=$1 method=$2 path=$3 want=$4 desc=$5
	shift 5
	if [ "$method" = GET ]; then
		dash_as "$user" GET "$path"
	else
		dash_post "$user" "$path" "$@"
	fi
	is "$HTTP_STATUS" "$want" "$user: $method $path ($desc) is $want"
}

#       user  method path                      want
expect hanna GET  /                            200 "work list"
expect henk  GET  /                            200 "work list"
expect cor   GET  /                            200 "work list"
expect ad    GET  /                            303 "admin goes to beheer"
expect aud   GET  /                            303 "auditor goes to audit"
expect hanna GET  "/melding/$n"                200 "own team's report"
expect henk  GET  "/melding/$n"                404 "other team's report"
expect cor   GET  "/melding/$n"                200 "any report"
expect ad    GET  "/melding/$n"                403 "no report content"
expect aud   GET  "/melding/$n"                403 "no report content"
expect hanna GET  "/melding/$n/bijlage/$att"   200 "attachment"
expect henk  GET  "/melding/$n/bijlage/$att"   404 "other team's attachment"
expect cor   GET  "/melding/$n/bijlage/$att"   200 "attachment"
expect ad    GET  "/melding/$n/bijlage/$att"   403 "attachment"
expect aud   GET  "/melding/$n/bijlage/$att"   403 "attachment"
expect hanna POST "/melding/$n"                303 "note" actie=notitie tekst=hanna
expect henk  POST "/melding/$n"                404 "note" actie=notitie tekst=henk
expect cor   POST "/melding/$n"                303 "note" actie=notitie tekst=cor
expect ad    POST "/melding/$n"                403 "note" actie=notitie tekst=ad
expect aud   POST "/melding/$n"                403 "note" actie=notitie tekst=aud
expect hanna POST "/melding/$n"                403 "assign" actie=toewijzen versie=1
expect henk  POST "/melding/$n"                403 "assign" actie=toewijzen versie=1
expect ad    POST "/melding/$n"                403 "assign" actie=toewijzen versie=1
expect aud   POST "/melding/$n"                403 "assign" actie=toewijzen versie=1
expect hanna GET  /beheer                      403 "admin page"
expect cor   GET  /beheer                      403 "admin page"
expect ad    GET  /beheer                      200 "admin page"
expect aud   GET  /beheer                      403 "admin page"
expect hanna GET  /audit                       403 "audit log"
expect cor   GET  /audit                       403 "audit log"
expect ad    GET  /audit                       403 "audit log"
expect aud   GET  /audit                       200 "audit log"
expect ad    GET  /nieuw                       403 "new report"
expect aud   GET  /nieuw                       403 "new report"
expect hanna GET  "/melding/999999"            404 "no such report"

is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $n AND
    kind = 'notitie'")" 2 "only the two allowed notes were added"
is "$(audit_count geweigerd henk "$n")" 4 \
    "each try of another team's report is audited"
ok '[ "$(audit_count geweigerd ad)" -ge 5 ]' \
    "the admin's refused pages are audited"

# The attachment: a download, never a page.
downloads=$(audit_count 'bijlage downloaden' hanna "$att")
dash_as hanna GET "/melding/$n/bijlage/$att"
like "$(http_header Content-Disposition)" '^attachment; filename="' \
    "attachments download as attachment"
is "$(http_header Content-Disposition | tr -cd '"' | wc -c)" 2 \
    "with a file name that cannot break out of its quotes"
is "$(http_header Content-Type)" application/octet-stream \
    "a stored type other than JPEG, PNG or PDF goes out as octet-stream"
is "$(audit_count 'bijlage downloaden' hanna "$att")" $((downloads + 1)) \
    "the download is audited"

# Reporter identity: an account with the right (cor has it), and only
# when given; test-80 gives and takes it.
named=$(sql "SELECT MIN(r.id) FROM report r JOIN team t ON t.id =
    r.team_id WHERE t.name = 'Noord' AND r.anonymous = 0")
dash_as cor GET "/melding/$named"
reporter=$(grep -o '<dd id="reporter">[^<]*' "$HTTP_BODY")
unlike "$reporter" 'anoniem|recht identiteit' \
    "the coordinator with the right sees the reporter's name"
dash_as hanna GET "/melding/$named"
is "$(grep -o '<dd id="reporter">[^<]*' "$HTTP_BODY")" \
    '<dd id="reporter">niet anoniem; wie het is, zien alleen medewerkers met het recht identiteit melder' \
    "a handler without it does not"
anon=$(sql "SELECT MIN(r.id) FROM report r WHERE r.anonymous = 1")
dash_as cor GET "/melding/$anon"
like "$(grep -o '<dd id="reporter">[^<]*' "$HTTP_BODY")" 'anoniem' \
    "an anonymous report shows no one, even to the coordinator"

# XSS: report fields, notes and audit details come out escaped.
xss='<script>alert(1)</script>'
sql "UPDATE report SET description = '$xss', street =
    '\"><img src=x onerror=alert(2)>', city = '<svg onload=alert(3)>'
    WHERE id = $n"
dash_post hanna "/melding/$n" actie=notitie "tekst=<b onmouseover=alert(4)>"
# Cor's list shows every team's newest reports; filtered on Noord it
# holds report n on its first page however many reports earlier tests
# stored (a full run pushed it to the second page).
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
for who in hanna cor; do
	if [ "$who" = cor ]; then
		dash_as cor GET "/?team=$noord"
	else
		dash_as hanna GET /
	fi
	unlike "$(http_body)" '<script>alert|<img src=x|<svg onload' \
	    "$who's work list shows no live markup from a report"
	like "$(http_body)" '&lt;script&gt;alert' "$who's work list escapes it"
	dash_as "$who" GET "/melding/$n"
	unlike "$(http_body)" '<script>alert|<img src=x|<svg onload|<b onm' \
	    "$who's detail page shows no live markup"
	like "$(http_body)" '&lt;b onmouseover' "$who sees the note escaped"
done
dash_as aud GET "/audit?melding=$n"
unlike "$(http_body)" '<script>' "the audit page shows no live markup"
dash_as hanna GET "/?q=%3Cscript%3E"
unlike "$(http_body)" '<script>' "a search term is shown escaped"

# The counts per status above the work list: a handler counts the
# reports of their own team, a coordinator all of them, each from the
# statement of their own case (cgi/dashboard/list.c).  count_ttl 0, so
# no worker answers from its cache.
conf_set dashboard.count_ttl 0
restart_programs
# shown USER: "status=N ..." as the work list shows them.
shown()
{
	dash_as "$1" GET /
	local c='</a>: <span class="count">'
	http_body | grep -o "/?status=[^\"]*\">[^<]*$c[0-9]*" |
	    sed "s|/?status=[^\"]*\">\\([^<]*\\)$c|\\1=|" |
	    grep -v '=0$' | LC_ALL=C sort | tr '\n' ' '
}
# counted WHERE: the same from the database.
counted()
{
	sql "SELECT CONCAT(status, '=', COUNT(*)) FROM report r $1
	    GROUP BY status" | LC_ALL=C sort | tr '\n' ' '
}
is "$(shown hanna)" "$(counted "JOIN team t ON t.id = r.team_id
    WHERE t.name = 'Noord'")" "a handler's counts are of their team"
is "$(shown henk)" "$(counted "JOIN team t ON t.id = r.team_id
    WHERE t.name = 'Zuid'")" "so are another team's handler's"
is "$(shown cor)" "$(counted "")" "a coordinator's counts are of all"
like "$(shown cor)" '^afgerond=[0-9]+ .*nieuw=[0-9]+' \
    "the counts are there to compare"
conf_reset
restart_programs

# The work list binds a handler's teams as values (up to four; more
# fall back to the subquery): each way shows exactly the reports of the
# user's teams.
rows()
{
	# All pages of the list (50 a page): how many reports exist
	# depends on the tests before this one.
	local n total=0 page=1
	while :; do
		dash_as "$1" GET "/?pagina=$page"
		n=$(http_body | grep -c 'href="/dashboard/melding/' || true)
		total=$((total + n))
		if [ "$n" -lt 50 ] || [ "$page" -ge 20 ]; then
			break
		fi
		page=$((page + 1))
	done
	echo "$total"
}
in_team()
{
	sql "SELECT COUNT(*) FROM report r JOIN team t ON t.id = r.team_id
	    WHERE t.name IN ($1)"
}
for t in Drie Vier Vijf; do
	mp_ctl team add "$t" >/dev/null
done
mp_ctl user add mia handler "Mia Beide" --team Noord >/dev/null
mp_ctl user add max handler "Max Vijf" --team Noord >/dev/null
mp_ctl user add nel handler "Nel Nergens" >/dev/null
sql "INSERT INTO user_team (user_id, team_id) SELECT u.id, t.id
    FROM app_user u, team t WHERE (u.username = 'mia' AND t.name = 'Zuid')
    OR (u.username = 'max' AND t.name IN ('Zuid', 'Drie', 'Vier',
    'Vijf'))"
is "$(rows hanna)" "$(in_team "'Noord'")" "one team: its reports"
is "$(rows mia)" "$(in_team "'Noord', 'Zuid'")" "two teams: both teams'"
is "$(rows max)" "$(in_team "'Noord', 'Zuid'")" \
    "five teams (past the bound values): all of theirs"
is "$(rows nel)" 0 "no team: no reports"
dash_as mia GET "/?status=nieuw"
is "$(http_body | grep -c 'href="/dashboard/melding/' || true)" \
    "$(sql "SELECT COUNT(*) FROM report r JOIN team t ON t.id = r.team_id
    WHERE t.name IN ('Noord', 'Zuid') AND r.status = 'nieuw'")" \
    "two teams and a filter"
