# test-28-layout.sh -- the dashboard's look (issue 16): one stylesheet
# whose colours all come from its design tokens, a visible focus ring,
# the report page in two columns (the report and its links, then the
# conversation and the actions; the history under both, one column on
# a phone), the status as a badge that says it in words, times as
# dd-mm-jjjj HH:MM in Amsterdam's time and no ISO date in what people
# read, and the same frame on every page, without any script.  What the
# pages look like in a browser, and that they stay accessible, is
# test-90's (tests/a11y/check-pages.py; A11Y_SHOTS=DIR saves them).

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

# text: what a person reads of the page fetched last (the tags and
# their attributes gone, so <time datetime> and form values too).
text()
{
	tr '\n' ' ' <"$HTTP_BODY" | sed 's/<[^>]*>/ /g'
}
# at N: the offset of the first line of the page that matches N.
at()
{
	grep -n -m 1 -e "$1" "$HTTP_BODY" | cut -d : -f 1
}

# --- The stylesheet ----------------------------------------------------------
http_get /static/meldpunt.css
is "$HTTP_STATUS" 200 "the stylesheet is served"
# Without its comments, on one line.
css=$(perl -0pe 's{/\*.*?\*/}{}gs; s{\s+}{ }g' "$HTTP_BODY")
like "$css" ':root \{[^}]*--mp-color-primary: #' "its design tokens come first"
for t in --mp-space-m --mp-font-size-m --mp-focus-color --mp-badge-new-bg; do
	like "$css" ":root \\{[^}]*$t:" "a token for $t"
done
is "$(printf '%s' "$css" | sed 's/:root {[^}]*}//g' |
    grep -o '#[0-9a-fA-F]\{3,6\}\b' | sort -u | tr '\n' ' ')" "" \
    "no colour outside the tokens: every rule uses them"
like "$css" ':focus-visible \{[^}]*outline: var\(--mp-focus-width\) solid' \
    "a visible focus ring on everything focusable"
like "$css" '@media \(min-width: 64rem\) \{ \.columns \{ display: grid' \
    "two columns from 1024 px on, one below"
like "$css" '\.badge\[data-status="afgerond"\]' "a colour per status kind"

# --- A report of one's own, by phone -----------------------------------------
word="Opmaakproef$RANDOM"
dash_as hanna GET /nieuw
tok=$(form_value form-token)
csrf=$(form_value csrf)
dash_as hanna POST /nieuw --data-urlencode "csrf=$csrf" \
    --data-urlencode "form-token=$tok" \
    --data-urlencode report-channel=telefoon \
    --data-urlencode "report-received-date=$(date -d yesterday +%F)" \
    --data-urlencode report-audience=bewoners \
    --data-urlencode report-signal-type=woonfraude \
    --data-urlencode "report-description=$word: drie busjes per nacht" \
    --data-urlencode "report-observed-date=$(date -d '7 days ago' +%F)" \
    --data-urlencode report-city=Utrecht
id=$(dash_new_id)
ok "[ -n '$id' ]" "a handler entered a report"
status=$(sql "SELECT status FROM report WHERE id = ${id:-0}")
epoch=$(sql "SELECT UNIX_TIMESTAMP(received_at) FROM report WHERE id = ${id:-0}")

dash_as cor GET "/melding/$id"
is "$HTTP_STATUS" 200 "the coordinator opens it"
body=$(tr '\n' ' ' <"$HTTP_BODY")
like "$body" "<dt>Status</dt><dd id=\"status\"><span class=\"badge\" data-status=\"$status\">$status</span>" \
    "its status a badge with the status in words, labelled 'Status'"
cols=$(at '<div class="columns">')
main=$(at '<div class="column-main">')
facts=$(at 'id="description"')
links=$(at '<h2 id="verbanden">')
side=$(at '<div class="column-side">')
talk=$(at '<h2 id="gesprek">')
acts=$(at '<h2>Acties</h2>')
hist=$(at '<h2>Geschiedenis</h2>')
ok "[ -n '$cols' ] && [ -n '$hist' ] && [ $cols -lt $main ] &&
    [ $main -lt $facts ] && [ $facts -lt $links ] && [ $links -lt $side ] &&
    [ $side -lt $talk ] && [ $talk -lt $acts ] && [ $acts -lt $hist ]" \
    "the report and its links, then conversation and actions, history last"
is "$(sed -n "$side,${hist}p" "$HTTP_BODY" | grep -c '^</div>$')" 2 \
    "both columns closed before the history"
if [ "$(TZ=Europe/Amsterdam date -d @0 +%H)" = 01 ]; then
	when=$(TZ=Europe/Amsterdam date -d "@$epoch" '+%d-%m-%Y %H:%M')
	like "$body" "<dt>Ontvangen</dt><dd>$when \\(" \
	    "received at dd-mm-jjjj HH:MM, Amsterdam's time ($when)"
else
	skip "received in Amsterdam's time" "no zoneinfo on this machine"
fi
like "$body" "<dt>Waargenomen</dt><dd>$(date -d '7 days ago' +%d-%m-%Y) " \
    "the date of observation as dd-mm-jjjj"
unlike "$(text)" '[0-9]{4}-[0-9]{2}-[0-9]{2}' \
    "no ISO date in what people read of the report"

# --- The work list -----------------------------------------------------------
dash_as cor GET "/?q=$word"
body=$(tr '\n' ' ' <"$HTTP_BODY")
like "$body" "<table class=\"worklist\">" "the work list finds it"
like "$body" "href=\"/dashboard/melding/$id\">.*<span class=\"badge\" data-status=\"$status\">$status</span>" \
    "its row shows the status as a badge"
if [ "$(TZ=Europe/Amsterdam date -d @0 +%H)" = 01 ]; then
	like "$body" "<td>$when<br>" "and when it came in, as on the report"
fi
unlike "$(text)" '[0-9]{4}-[0-9]{2}-[0-9]{2}' \
    "no ISO date in what people read of the list"
like "$body" "name=\"van\" type=\"date\"" \
    "a date field still takes the ISO form the browser sends"

# --- The same frame on every page, no script ---------------------------------
# framed: the page fetched last has the dashboard's frame (skip link,
# stylesheet, main), no script and no style attribute (the CSP allows
# neither).
framed()
{
	[ "$HTTP_STATUS" = 200 ] &&
	    tr '\n' ' ' <"$HTTP_BODY" | grep -q \
	    '<body class="dashboard"> *<a class="skip" href="#inhoud">' &&
	    grep -q 'rel="stylesheet" href="/static/meldpunt.css"' \
	    "$HTTP_BODY" && grep -q '<main id="inhoud">' "$HTTP_BODY" &&
	    ! grep -qi '<script\|style="' "$HTTP_BODY"
}
for p in "cor /" "cor /melding/$id" "cor /nieuw" "cor /dossiers" \
    "cor /taken" "cor /onderwerpen" "cor /statistiek" "cor /vervanging" \
    "ad /beheer" "ad /routering" "aud /audit" "aud /privacy"; do
	dash_as "${p% *}" GET "${p#* }"
	ok framed "${p#* } (${p% *}): the dashboard's frame and stylesheet, no script"
done
# The public pages keep their own, narrower frame on the same sheet.
http_get /melden/
like "$(http_body)" 'href="/static/meldpunt.css"' "the public form uses it too"
unlike "$(http_body)" 'class="dashboard"' "in the public frame"
