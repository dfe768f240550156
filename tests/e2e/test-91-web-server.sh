# test-91-web-server.sh -- what the web server in front must do for the
# programs (last, so its reports and sessions are in no other test's
# counts), behind the harness's nginx and behind the shipped Apache
# site (MELDPUNT_E2E_WEB=apache): uploads sent chunked reach the form
# and the follow-up whole, a chunked body over the limit gets the same
# 413 as one with a length, a body over the server's limit gets the
# Dutch 413 page, the partner's key in the Authorization header reaches
# the export, the portal's user reaches the dashboard and nobody else
# can name one, security headers are sent once, no version is named.
# Behind Apache also what only the shipped site decides: the plain-HTTP
# redirect, the portal's address, the headers of Apache's own pages,
# and that the public host logs nothing that identifies a client.

. "$top_srcdir/tests/e2e/feedback.sh"
. "$top_srcdir/tests/e2e/export.sh"
intake_catalog
# Users of this test's own, so the dashboard tests' counts stay theirs.
if [ "$(sql "SELECT COUNT(*) FROM app_user WHERE username = 'web.h'")" = 0 ]
then
	mp_ctl user add web.h handler "Wendy Web" >/dev/null
	mp_ctl user add web.k coordinator "Karel Kijker" >/dev/null
fi

web=$MELDPUNT_E2E_WEB
d=$E2E_TEST_DIR
# The address, browser and referring page of "the reporter" of this
# test; the no-log checks look for them.
WEB_ADDR=127.0.0.16
WEB_UA="Mozilla/5.0 (meldpunt test-91 $RANDOM)"
WEB_REFERER="https://zoeken.example/q=meldpunt-test-91-$RANDOM"
wget_()
{
	local url=$1
	shift
	http_get "$url" --interface "$WEB_ADDR" -A "$WEB_UA" \
	    -e "$WEB_REFERER" "$@"
}

# count_header NAME: how often the last response carries NAME.
count_header()
{
	grep -ci "^$1:" "$HTTP_HEADERS"
}

# sha FILE: its SHA-256 in upper-case hex, as HEX() prints it.
sha()
{
	sha256sum "$1" | cut -d' ' -f1 | tr a-f A-F
}

# --- Uploads sent chunked --------------------------------------------------
# Apache passes a chunked body larger than it reads ahead (64 KiB)
# without CONTENT_LENGTH; nginx buffers it and passes the length.

write_file "$d/foto.jpg" jpeg 300000
before=$(counts)
report_fields
post_report /melden/ -H "Transfer-Encoding: chunked" \
    -F "report-attachments=@$d/foto.jpg;type=image/jpeg"
is "$HTTP_STATUS" 200 "$web: a report with a photo sent chunked is accepted"
ref=$(receipt_ref)
like "$ref" '^M-[0-9]{4}-' "$web: the chunked report gets a receipt"
is "$(sql "SELECT a.size, HEX(a.sha256) FROM attachment a JOIN report r
    ON r.id = a.report_id WHERE r.reference = '$ref'" | tr '\t' ' ')" \
    "300000 $(sha "$d/foto.jpg")" "$web: the photo is stored whole"
is "$(counts)" "$(echo "$before" | awk '{ print $1+1, $2, $3+1, $4+1 }')" \
    "$web: one report, one attachment, one event"

# And with its length announced, as browsers send it.
report_fields
post_report /melden/ -F "report-attachments=@$d/foto.jpg;type=image/jpeg"
is "$HTTP_STATUS" 200 "$web: a report with a photo is accepted"
is "$(sql "SELECT a.size, HEX(a.sha256) FROM attachment a JOIN report r
    ON r.id = a.report_id WHERE r.reference = '$(receipt_ref)'" |
    tr '\t' ' ')" "300000 $(sha "$d/foto.jpg")" "$web: the photo is stored whole"

# A chunked urlencoded form (no file) too.
report_fields
set_field report-description "Chunked en urlencoded: $RANDOM"
args=()
for f in "${F[@]}"; do
	args+=(--data-urlencode "$f")
done
http_request POST /melden/ --interface "$INTAKE_ADDR" \
    -H "Transfer-Encoding: chunked" "${args[@]}"
is "$HTTP_STATUS" 200 "$web: a urlencoded form sent chunked is accepted"
is "$(sql "SELECT COUNT(*) FROM report WHERE reference = '$(receipt_ref)'
    AND description = '$(field report-description)'")" 1 \
    "$web: and stored with its text"

# The follow-up takes files the same way.
fb_report
http_reset_cookies
fb_signin "$REF" "$CODE"
a=$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID")
fb_reply "Nog een foto, chunked." -H "Transfer-Encoding: chunked" \
    -F "report-attachments=@$d/foto.jpg;type=image/jpeg"
is "$HTTP_STATUS" 303 "$web: a reply with a photo sent chunked is taken"
is "$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID AND
    size = 300000")" $((a + 1)) "$web: its photo is stored whole"

# Over the program's limit, chunked: 413 from the program, as for a
# body that announces its length; nothing stored.
conf_set intake.max_body 131072
restart_intake
before=$(counts)
for how in chunked sized; do
	te=()
	[ "$how" = chunked ] && te=(-H "Transfer-Encoding: chunked")
	report_fields
	post_report /melden/ "${te[@]}" \
	    -F "report-attachments=@$d/foto.jpg;type=image/jpeg"
	is "$HTTP_STATUS" 413 "$web: a $how body over intake.max_body: 413"
	like "$(http_body)" 'groter dan wij kunnen ontvangen' \
	    "$web: with the form's message ($how)"
done
is "$(counts)" "$before" "$web: nothing of them is stored"
conf_reset
restart_intake

# Over the web server's limit (60 MiB): its own Dutch page.  (A JPEG
# padded with a hole: the server refuses it by its length alone.)
write_file "$d/groot.jpg" jpeg
truncate -s $((61 * 1024 * 1024)) "$d/groot.jpg"
report_fields
post_report /melden/ -F "report-attachments=@$d/groot.jpg;type=image/jpeg"
is "$HTTP_STATUS" 413 "$web: a body over the server's limit: 413"
like "$(http_body)" 'Uw melding is te groot en niet verstuurd' \
    "$web: the Dutch 413 page"
is "$(counts)" "$before" "$web: nothing stored"

# --- The partner's key -----------------------------------------------------

key=$(exp_partner web91 "Partner web91")
like "$key" '^mpx1\.' "a partner key to pull with"
exp_get reports.xml "$key"
is "$HTTP_STATUS" 200 "$web: the key in Authorization: Bearer is let in"
ok xsd_ok "$web: and the feed is valid"
exp_get reports.xml "${key%?}x"
is "$HTTP_STATUS" 401 "$web: a wrong key is 401"
exp_get reports.xml ""
is "$HTTP_STATUS" 401 "$web: no key is 401"

# --- The portal's user -----------------------------------------------------

http_reset_cookies
dash_as web.h GET /
is "$HTTP_STATUS" 200 "$web: the portal's user gets the dashboard"
like "$(http_body)" 'Wendy Web' "$web: as that user"
http_reset_cookies
dash_as "" GET /
is "$HTTP_STATUS" 403 "$web: no portal user: refused"
like "$(http_body)" 'intranetportaal' "$web: as not signed in"
http_reset_cookies
http_get "$DASH/" -H "Remote-User: web.k" -H "REMOTE_USER: web.k"
is "$HTTP_STATUS" 403 "$web: a client's REMOTE_USER header names nobody"
like "$(http_body)" 'intranetportaal' "$web: (no user at all)"
http_reset_cookies
http_get "$DASH/" -u web.k:geheim
is "$HTTP_STATUS" 403 "$web: a client's Basic credentials name nobody"
like "$(http_body)" 'intranetportaal' "$web: (none at all)"
http_reset_cookies
dash_as "web.k web.h" GET /
is "$HTTP_STATUS" 403 "$web: a portal user that is no user name: refused"

# --- Headers -----------------------------------------------------------------

iget /melden/
for h in Content-Security-Policy X-Frame-Options X-Content-Type-Options \
    Referrer-Policy; do
	is "$(count_header "$h")" 1 "$web: a form page has $h once"
done
unlike "$(http_header Server)" '[0-9]' "$web: the Server header names no version"

# Stopped on the way out; nginx-shipped.sh defines it for nginx.
stop_nginx_shipped() { :; }

# browser_visit BASE: a reporter's visit in a real browser
# (tests/e2e/browser-visit.py), from 127.0.0.1, as TAP.
browser_visit()
{
	local base=$1 driver= up=0 try port line
	for tool in chromium chromedriver python3 setsid; do
		if ! command -v "$tool" >/dev/null 2>&1; then
			fail "$web: the browser tools are installed ($tool)"
			return 0
		fi
	done
	for try in 1 2 3 4 5; do
		port=$(mp_free_port)
		setsid chromedriver --port="$port" --allowed-ips=127.0.0.1 \
		    >"$d/chromedriver.log" 2>&1 &
		driver=$!
		trap 'kill -- -$driver 2>/dev/null; wait $driver 2>/dev/null;
		    stop_nginx_shipped' EXIT
		if wait_for 20 "curl -fsS http://127.0.0.1:$port/status ||
		    ! kill -0 $driver" &&
		    curl -fsS "http://127.0.0.1:$port/status" >/dev/null 2>&1
		then
			up=1
			break
		fi
		kill -- -"$driver" 2>/dev/null
		wait "$driver" 2>/dev/null
	done
	if [ "$up" != 1 ]; then
		fail "$web: chromedriver starts"
		diag "$(tail -n 20 "$d/chromedriver.log")"
		return 0
	fi
	python3 "$top_srcdir/tests/e2e/browser-visit.py" \
	    "http://127.0.0.1:$port" "$base" >"$d/visit.out" 2>&1
	while IFS= read -r line; do
		case $line in
		"ok "*)		pass "$web: ${line#ok }" ;;
		"not ok "*)	fail "$web: ${line#not ok }" ;;
		*)		diag "${line#\# }" ;;
		esac
	done <"$d/visit.out"
	kill -- -"$driver" 2>/dev/null
	wait "$driver" 2>/dev/null
	trap 'stop_nginx_shipped' EXIT
}

# dup_headers: the header names the last response carries twice.
dup_headers()
{
	sed 1d "$HTTP_HEADERS" | awk -F: 'NF > 1 { print tolower($1) }' |
	    sort | uniq -d | tr '\n' ' '
}

if [ "$web" != apache ]; then
	# --- nginx: the shipped site ------------------------------------
	# The harness's nginx above has the shipped locations; what the
	# site itself decides (logging, headers, its own pages) is tested
	# on conf/nginx/meldpunt.conf as shipped, run beside it.
	. "$top_srcdir/tests/e2e/nginx-shipped.sh"
	trap 'stop_nginx_shipped' EXIT
	if ! start_nginx_shipped; then
		fail "nginx: the shipped site starts"
		return 0
	fi
	pass "nginx: the shipped site starts"
	N=$NGX_BASE
	ngx_() {
		local url=$1
		shift
		http_get "$N$url" -k --interface "$WEB_ADDR" -A "$WEB_UA" \
		    -e "$WEB_REFERER" "$@"
	}

	ngx_ /melden/
	is "$HTTP_STATUS" 200 "nginx: the form through the shipped site"
	http_get "http://127.0.0.1:$NGX_PORT80/melden/" --interface "$WEB_ADDR" \
	    -A "$WEB_UA" -e "$WEB_REFERER"
	is "$HTTP_STATUS" 301 "nginx: plain HTTP is redirected"
	like "$(http_header Location)" '^https://127[.]0[.]0[.]1/melden/$' \
	    "nginx: to the same page over HTTPS"

	# No header twice, on every program's page.
	for u in /melden/ /melding/ /api/v1/reports.xml; do
		ngx_ "$u"
		is "$(dup_headers)" "" "nginx: $u ($HTTP_STATUS) sends no header twice"
		is "$(count_header Strict-Transport-Security)" 1 \
		    "nginx: $u has HSTS once"
	done
	http_get "$N$DASH/" -k -H "X-Portal-User: web.k"
	is "$HTTP_STATUS" 200 "nginx: the portal's user gets the dashboard"
	is "$(dup_headers)" "" "nginx: the dashboard sends no header twice"

	# nginx's own pages carry the programs' headers, once each.
	for u in /static/meldpunt.css /favicon.ico /robots.txt /bestaat-niet \
	    /static/bestaat-niet.css /melden/../bestaat-niet; do
		ngx_ "$u"
		for h in Content-Security-Policy X-Frame-Options \
		    X-Content-Type-Options Referrer-Policy \
		    Strict-Transport-Security; do
			is "$(count_header "$h")" 1 "nginx: $u has $h once"
		done
		is "$(dup_headers)" "" "nginx: $u sends no header twice"
	done
	ngx_ /bestaat-niet
	is "$HTTP_STATUS" 404 "nginx: an unknown page is 404"
	like "$(http_body)" 'Deze pagina bestaat niet' "nginx: with the Dutch page"
	ngx_ /favicon.ico
	is "$HTTP_STATUS" 200 "nginx: the favicon is served"
	ngx_ /robots.txt
	is "$HTTP_STATUS" 200 "nginx: robots.txt is served"
	# 413 from nginx itself: a length over the form's limit.
	http_request POST "$N/melden/" -k --http1.1 --interface "$WEB_ADDR" \
	    -A "$WEB_UA" -H "Content-Length: 70000000" \
	    -H "Content-Type: application/x-www-form-urlencoded" \
	    --max-time 10
	is "$HTTP_STATUS" 413 "nginx: a body over the limit is 413"
	like "$(http_body)" 'te groot' "nginx: with the Dutch page"
	for h in Content-Security-Policy X-Frame-Options X-Content-Type-Options \
	    Referrer-Policy; do
		is "$(count_header "$h")" 1 "nginx: the 413 page has $h once"
	done

	# No log holds the client: a real browser's visit (from
	# 127.0.0.1), and curl's from WEB_ADDR with a browser's
	# User-Agent and Referer.
	browser_visit "$N"
	for u in / /melden/ /favicon.ico /robots.txt /static/meldpunt.css \
	    /static/413.html /static/404.html /bestaat-niet \
	    /melden/bestaat-niet /melding/ "/melden/?q=%ZZ" /.env; do
		ngx_ "$u"
	done
	ngx_ /static/../../etc/passwd --path-as-is
	report_fields
	post_report "$N/melden/" -k -A "$WEB_UA" -e "$WEB_REFERER" \
	    --interface "$WEB_ADDR"
	is "$HTTP_STATUS" 200 "nginx: a report from the browser's address"
	http_get "http://127.0.0.1:$NGX_PORT/melden/" --interface "$WEB_ADDR" \
	    -A "$WEB_UA" -e "$WEB_REFERER"
	is "$HTTP_STATUS" 400 "nginx: plain HTTP on the HTTPS port is refused"
	stop_nginx_shipped	# flushes every log
	logs=$(nginx_shipped_logs | grep -v -e '/meldpunt-dashboard' \
	    -e '/meldpunt-api')
	ok '[ -n "$logs" ]' "nginx: there are logs to look through"
	diag "nginx logs: $(echo $logs)"
	for s in 127.0.0.1 "$WEB_ADDR" "$WEB_UA" "$WEB_REFERER"; do
		hits=$(grep -laF -- "$s" $logs 2>/dev/null | tr '\n' ' ')
		is "$hits" "" "nginx: no log of the public host holds '$s'"
	done
	is "$(cat "$NGX_DIR/logs/access.log" 2>/dev/null)" "" \
	    "nginx: the server's own access log stays empty"
	like "$(cat "$NGX_DIR/logs/meldpunt-dashboard.log")" \
	    '"GET /dashboard/' "nginx: the staff's dashboard is logged"
	like "$(cat "$NGX_DIR/logs/meldpunt-api.log")" \
	    '"GET /api/v1/reports.xml' "nginx: the partners' pulls are logged"
	trap - EXIT
	return 0
fi

# --- Apache: the shipped site only -----------------------------------------

# The plain-HTTP site only redirects.
http_get "http://127.0.0.1:$E2E_PORT80/melden/" --interface "$WEB_ADDR" \
    -A "$WEB_UA"
is "$HTTP_STATUS" 301 "apache: plain HTTP is redirected"
is "$(http_header Location)" "https://meldpunt.voorbeeld.nl/melden/" \
    "apache: to the same page over HTTPS"

is "$(http_header Server)" Apache "apache: ServerTokens Prod wins over the server's OS"

# Only the portal reaches the dashboard: from anywhere else the
# portal's header names nobody.
http_reset_cookies
http_get "$DASH/" --interface "$WEB_ADDR" -H "$E2E_PORTAL_HEADER: web.k"
is "$HTTP_STATUS" 403 "apache: the portal header from another address is refused"
unlike "$(http_body)" 'Karel|dashboard' "apache: and shows nothing of the dashboard"
# The header twice (the portal's and a client's): no user at all.
http_reset_cookies
http_get "$DASH/" -H "$E2E_PORTAL_HEADER: web.k" \
    -H "$E2E_PORTAL_HEADER: web.h"
is "$HTTP_STATUS" 403 "apache: two portal users in one request: refused"
like "$(http_body)" 'intranetportaal' "apache: (no user at all)"

# Apache's own pages get the programs' headers, once each, and no
# version.
for u in /static/meldpunt.css /bestaat-niet /static/bestaat-niet.css; do
	wget_ "$u"
	for h in Content-Security-Policy X-Frame-Options \
	    X-Content-Type-Options Referrer-Policy; do
		is "$(count_header "$h")" 1 "apache: $u has $h once"
	done
done
is "$HTTP_STATUS" 404 "apache: an unknown file is 404"
unlike "$(http_body)" 'Apache/|Debian' "apache: the 404 page names no server"

# No log holds the client: what a browser asks for itself, the pages,
# errors, refusals and the redirect, all from WEB_ADDR with a browser's
# User-Agent and Referer.
for u in / /melden/ /favicon.ico /robots.txt /static/meldpunt.css \
    /static/413.html /bestaat-niet /melden/bestaat-niet /melding/ \
    "/melden/?q=%ZZ" /dashboard/; do
	wget_ "$u"
done
wget_ /static/../../etc/passwd --path-as-is
report_fields
post_report /melden/ -A "$WEB_UA" -e "$WEB_REFERER" --interface "$WEB_ADDR"
is "$HTTP_STATUS" 200 "apache: a report from the browser's address"
report_fields
post_report /melden/ -A "$WEB_UA" -e "$WEB_REFERER" --interface "$WEB_ADDR" \
    -F "report-attachments=@$d/groot.jpg;type=image/jpeg"
is "$HTTP_STATUS" 413 "apache: (a refused upload from it)"
rm -f "$d/groot.jpg"
http_get "http://127.0.0.1:$E2E_PORT80/" --interface "$WEB_ADDR" \
    -A "$WEB_UA" -e "$WEB_REFERER"
# Plain HTTP to the HTTPS port, as scanners do.
http_get "http://127.0.0.1:$E2E_PORT/melden/" --interface "$WEB_ADDR" \
    -A "$WEB_UA" -e "$WEB_REFERER"
is "$HTTP_STATUS" 400 "apache: plain HTTP on the HTTPS port is refused"

browser_visit "$E2E_BASE"
trap - EXIT
logs=$(apache_logs)
ok '[ -n "$logs" ]' "apache: there are logs to look through"
diag "apache logs: $(echo $logs)"
ok 'grep -q "AH01630" "$E2E_APACHE/logs/meldpunt-error.log"' \
    "apache: the refused dashboard request is in the error log"
for s in "$WEB_ADDR" "$WEB_UA" "$WEB_REFERER"; do
	hits=$(grep -laF -- "$s" $logs 2>/dev/null | tr '\n' ' ')
	is "$hits" "" "apache: no log holds '$s'"
done
hits=$(grep -laF -e "$INTAKE_ADDR" -e "$FB_ADDR" $logs 2>/dev/null |
    tr '\n' ' ')
is "$hits" "" "apache: no log holds the form's or the follow-up's clients"
hits=$(grep -laF -- 127.0.0.1 $(echo "$logs" | grep -v -e meldpunt-dashboard \
    -e meldpunt-api) 2>/dev/null | tr '\n' ' ')
is "$hits" "" "apache: no log of the public host holds the browser's 127.0.0.1"
is "$(cat "$E2E_APACHE/logs/other_vhosts_access.log")" "" \
    "apache: the server's own access log stays empty"
like "$(cat "$E2E_APACHE/logs/meldpunt-dashboard.log")" '"GET /dashboard/' \
    "apache: the staff's dashboard is logged"
like "$(cat "$E2E_APACHE/logs/meldpunt-api.log")" '"GET /api/v1/reports.xml' \
    "apache: the partners' pulls are logged"
