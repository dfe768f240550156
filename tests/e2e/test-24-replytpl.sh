# test-24-replytpl.sh -- reply templates (issue 16): coordinators keep
# standard texts per signal type or general on /sjablonen (limits tied
# to their fields, CSRF, audited without the words, others refused); a
# handler picks one under "Bericht aan de melder" (this type's first,
# then the general ones; no other type's, no switched-off one), gets
# its text in the message field, previews it, and sends it with the
# existing action: a text with markup is shown escaped in the field
# and the preview and reaches the reporter literally, escaped in their
# thread.  Using and previewing write nothing.

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures

AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
ntpl() { sql "SELECT COUNT(*) FROM reply_template"; }
nmsg() { sql "SELECT COUNT(*) FROM message WHERE report_id = $1"; }
tpl_id() { sql "SELECT MAX(id) FROM reply_template WHERE title = '$1'"; }

# contains TEXT PART DESC: PART is in TEXT, literally (no pattern: the
# escaped texts hold parentheses).
contains()
{
	case $1 in
	*"$2"*) pass "$3" ;;
	*) fail "$3"; diag "no '$2' in '$(printf '%s' "$1" | head -c 600)'" ;;
	esac
}

# A report of hanna's own, taken into handling, where "Vraag de
# melder" is offered too: she enters it as a phone report.
dash_as hanna GET /nieuw
ntok=$(form_value form-token)
dash_post hanna /nieuw "form-token=$ntok" report-channel=telefoon \
    "report-received-date=$(date -d yesterday +%F)" \
    report-audience=bewoners report-signal-type=woonfraude \
    "report-description=Sjabloonproef $tag" \
    "report-observed-date=$(date -d '7 days ago' +%F)" report-city=Utrecht
n=$(dash_new_id)
dash_post hanna "/melding/$n" actie=oppakken "versie=$(dash_version "$n")"
is "$(sql "SELECT status FROM report WHERE id = $n")" "in behandeling" \
    "a report of hanna's in handling"
type=$(sql "SELECT signal_type_id FROM report WHERE id = $n")
other=$(sql "SELECT MIN(id) FROM signal_type WHERE id <> $type")
tag="t24-$$"
XSS='Beste melder, <script>alert("x")</script> & '"'"'kijk'"'"' <img src=x onerror=alert(1)>'
XSS_ESC='Beste melder, &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;kijk&#39; &lt;img src=x onerror=alert(1)&gt;'

# --- Only coordinators, only with the CSRF token ----------------------------

dash_as hanna GET /sjablonen
is "$HTTP_STATUS" 403 "a handler may not open the templates' page"
dash_as hanna GET /sjablonen/1
is "$HTTP_STATUS" 403 "nor a template's form"
t0=$(ntpl)
dash_post hanna /sjablonen actie=nieuw "titel=Van hanna $tag" tekst=Hallo \
    soort=0 actief=1
is "$HTTP_STATUS" 403 "a handler may not add one"
dash_as ad GET /sjablonen
is "$HTTP_STATUS" 403 "nor may the functional administrator"
dash_as cor GET /sjablonen
is "$HTTP_STATUS" 200 "a coordinator opens the page"
dash_as cor POST /sjablonen --data-urlencode actie=nieuw \
    --data-urlencode "titel=Zonder token $tag" --data-urlencode tekst=Hallo \
    --data-urlencode soort=0
is "$HTTP_STATUS" 403 "a coordinator's POST without the CSRF token: refused"
dash_as cor POST /sjablonen --data-urlencode csrf=vals \
    --data-urlencode actie=nieuw --data-urlencode "titel=Vals $tag" \
    --data-urlencode tekst=Hallo --data-urlencode soort=0
is "$HTTP_STATUS" 403 "and with a wrong token"
is "$(ntpl)" "$t0" "nothing was written"

# --- Limits, each at its field, nothing written -----------------------------

long101=$(printf 'x%.0s' $(seq 101))
long4001=$(printf 'y%.0s' $(seq 4001))
refused() # DESC FIELD-ID field=value...
{
	local desc=$1 id=$2
	shift 2
	dash_post cor /sjablonen actie=nieuw actief=1 "$@"
	is "$HTTP_STATUS" 400 "$desc: refused"
	like "$(http_body)" "id=\"$id-error\"" "$desc: the error is at its field"
	like "$(http_body)" "aria-describedby=\"[^\"]*$id-error\"" \
	    "$desc: and tied to it"
	is "$(ntpl)" "$t0" "$desc: nothing written"
}
refused "no title" s-titel "titel=   " tekst=Hallo soort=0
refused "a title of 101 characters" s-titel "titel=$long101" tekst=Hallo \
    soort=0
refused "a title of two lines" s-titel "titel=Een
twee" tekst=Hallo soort=0
refused "no text" s-tekst "titel=Leeg $tag" "tekst=  " soort=0
refused "a text of 4001 characters" s-tekst "titel=Lang $tag" \
    "tekst=$long4001" soort=0
like "$(http_body)" 'ten hoogste 4000 tekens' "saying the limit"
is "$(form_value titel)" "Lang $tag" "keeping what was typed"
refused "a signal type that does not exist" s-soort "titel=Soort $tag" \
    tekst=Hallo soort=4000000000
dash_post cor /sjablonen actie=nieuw "titel=Precies $tag" \
    "tekst=$(printf 'z%.0s' $(seq 4000))" soort=0 actief=1
is "$HTTP_STATUS" 303 "4000 characters of text are taken"
sql "DELETE FROM reply_template WHERE title = 'Precies $tag'"

# --- Templates made ---------------------------------------------------------

a0=$(audit_count sjabloon-nieuw cor)

dash_post cor /sjablonen actie=nieuw "titel=Algemeen <b>\"$tag\"</b>" \
    "tekst=$XSS" soort=0 actief=1
is "$HTTP_STATUS" 303 "a general template with markup in it is stored"
is "$(http_header Location)" /dashboard/sjablonen?klaar=nieuw \
    "back to the page, with its confirmation"
gen=$(tpl_id "Algemeen <b>\"$tag\"</b>")
is "$(sql "SELECT body FROM reply_template WHERE id = $gen")" "$XSS" \
    "its text stored literally"
dash_post cor /sjablonen actie=nieuw "titel=Eigen soort $tag" \
    "tekst=Voor deze soort." "soort=$type" actief=1
own=$(tpl_id "Eigen soort $tag")
dash_post cor /sjablonen actie=nieuw "titel=Andere soort $tag" \
    "tekst=Voor een andere soort." "soort=$other" actief=1
oth=$(tpl_id "Andere soort $tag")
dash_post cor /sjablonen actie=nieuw "titel=Uitgezet $tag" \
    "tekst=Niet meer gebruiken." soort=0
off=$(tpl_id "Uitgezet $tag")
is "$(ntpl)" $((t0 + 4)) "four templates stored"
is "$(sql "SELECT active FROM reply_template WHERE id = $off")" 0 \
    "one of them switched off"
is "$(audit_count sjabloon-nieuw cor)" $((a0 + 4)) "each audited"
is "$(sql "SELECT detail FROM audit_log WHERE action = 'sjabloon-nieuw'
    AND object_id = $own AND id > $AUDIT_SINCE")" \
    "signaalsoort $type (0: algemeen), aangeboden 1" \
    "naming its type and switch"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $AUDIT_SINCE
    AND (detail LIKE '%script%' OR detail LIKE '%$tag%'
    OR detail LIKE '%soort.%')")" 0 "never its title or words"
dash_as cor GET /sjablonen
like "$(http_body)" "Algemeen &lt;b&gt;&quot;$tag&quot;&lt;/b&gt;" \
    "the list shows the title escaped"
unlike "$(http_body)" "<b>\"$tag" "never as markup"
dash_as cor GET "/sjablonen/$gen"
is "$HTTP_STATUS" 200 "a template's form"
contains "$(http_body)" "$XSS_ESC</textarea>" "with its text escaped"
is "$(form_value tekst)" "$XSS" "which reads back as the literal text"
dash_as cor GET /sjablonen/4000000000
is "$HTTP_STATUS" 404 "a template that does not exist: 404"

# --- Offered on the report page ---------------------------------------------

dash_as hanna GET "/melding/$n"
is "$HTTP_STATUS" 200 "the handler's report page"
body=$(tr '\n' ' ' <"$HTTP_BODY")
sel=$(printf '%s' "$body" | sed -n 's/.*<select id="sjabloon"\(.*\)<\/select>.*/\1/p' |
    sed 's/<\/select>.*//')
like "$sel" "<optgroup label=\"Voor deze soort\"><option value=\"$own\">Eigen soort $tag</option>" \
    "offers the template of the report's signal type"
like "$sel" "<optgroup label=\"Algemeen\">.*<option value=\"$gen\">Algemeen &lt;b&gt;" \
    "and the general one, escaped"
like "$sel" "value=\"$own\".*value=\"$gen\"" "its type's first, then the general ones"
unlike "$sel" "value=\"$oth\"" "not another type's"
unlike "$sel" "value=\"$off\"" "not a switched-off one"
like "$body" 'button type="submit" name="actie" value="sjabloon"[^>]*>Gebruik sjabloon' \
    "a button 'Gebruik sjabloon'"
like "$body" 'name="actie" value="voorbeeld"[^>]*>Voorbeeld' "and 'Voorbeeld'"
unlike "$body" 'Zet daarna de status op' "the old hint is gone"
like "$body" 'Gebruik dan &ldquo;Vraag de melder&rdquo;' \
    "the hint points at 'Vraag de melder', which does both"

# --- Use, preview: nothing written ------------------------------------------

m0=$(nmsg "$n")
e0=$(sql "SELECT COUNT(*) FROM event WHERE report_id = $n")
v0=$(dash_version "$n")
dash_post hanna "/melding/$n" actie=sjabloon "sjabloon=$gen" "tekst=oud"
is "$HTTP_STATUS" 200 "'Gebruik sjabloon' shows the page again"
contains "$(http_body)" "$XSS_ESC</textarea>" "with the text in the field, escaped"
unlike "$(http_body)" '<script>alert' "never as markup"
is "$(form_value tekst)" "$XSS" "the field holds the literal text"
like "$(http_body)" 'id="sjabloon-gebruikt"' "saying what happened"
like "$(http_body)" "<option value=\"$gen\" selected>" "the choice kept"
dash_post hanna "/melding/$n" actie=sjabloon "sjabloon=$own"
is "$(form_value tekst)" "Voor deze soort." "the type's own template as well"
for bad in "$oth:another type's template" "$off:a switched-off template" \
    "4000000000:a template that does not exist" ":no template"; do
	dash_post hanna "/melding/$n" actie=sjabloon "sjabloon=${bad%%:*}" \
	    "tekst=Mijn eigen tekst"
	is "$HTTP_STATUS" 400 "${bad#*:}: refused"
	like "$(http_body)" 'id="sjabloon-fout"' "${bad#*:}: the error at the list"
	is "$(form_value tekst)" "Mijn eigen tekst" "${bad#*:}: the text kept"
done
dash_post hanna "/melding/$n" actie=voorbeeld "tekst=$XSS"
is "$HTTP_STATUS" 200 "'Voorbeeld' shows the page again"
prev=$(tr '\n' ' ' <"$HTTP_BODY" | sed -n 's/.*<div class="preview" id="voorbeeld"\(.*\)/\1/p' |
    sed 's/<\/div>.*//')
contains "$prev" "<p class=\"text\">$XSS_ESC</p>" \
    "with the text as the reporter's thread shows it, escaped"
unlike "$(http_body)" '<script>alert' "never as markup"
is "$(form_value tekst)" "$XSS" "and the text still in the field"
dash_post hanna "/melding/$n" actie=voorbeeld "tekst=   "
is "$HTTP_STATUS" 400 "a preview of nothing: refused"
like "$(http_body)" 'id="bericht-fout"' "the error at the message field"
like "$(http_body)" 'aria-describedby="bericht-hint bericht-fout"' \
    "tied to it"
dash_post hanna "/melding/$n" actie=voorbeeld "tekst=$long4001"
is "$HTTP_STATUS" 400 "a preview of 4001 characters: refused"
dash_as hanna POST "/melding/$n" --data-urlencode actie=voorbeeld \
    --data-urlencode tekst=Hallo
is "$HTTP_STATUS" 403 "a preview without the CSRF token: refused"
dash_post henk "/melding/$n" actie=sjabloon "sjabloon=$gen"
is "$HTTP_STATUS" 404 "a handler who may not see the report gets 404"
unlike "$(http_body)" 'script' "and no template"
dash_post aud "/melding/$n" actie=voorbeeld tekst=Hallo
is "$HTTP_STATUS" 403 "an auditor may not use it"
is "$(nmsg "$n")" "$m0" "using and previewing sent no message"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $n")" "$e0" \
    "wrote no history"
is "$(dash_version "$n")" "$v0" "and left the report as it was"

# --- Sent literally; the reporter reads it escaped --------------------------

fb_report
dash_as hanna POST "/melding/$RID" --data-urlencode actie=bericht \
    --data-urlencode "tekst=$XSS"
is "$HTTP_STATUS" 403 "sending without the CSRF token: refused"
is "$(nmsg "$RID")" 0 "nothing sent"
dash_post cor "/melding/$RID" actie=sjabloon "sjabloon=$gen"
is "$(form_value tekst)" "$XSS" "the coordinator picks the template"
dash_post cor "/melding/$RID" actie=bericht "tekst=$(form_value tekst)"
is "$HTTP_STATUS" 303 "and sends it with the send button"
is "$(nmsg "$RID")" 1 "one message"
is "$(sql "SELECT body FROM message WHERE report_id = $RID")" "$XSS" \
    "stored literally"
fb_signin "$REF" "$CODE"
fb_get /
contains "$(http_body)" "<p class=\"text\">$XSS_ESC</p>" \
    "the reporter's thread shows the literal text, escaped"
unlike "$(http_body)" '<script>alert' "never as markup"

# --- Change and remove --------------------------------------------------------

dash_post cor /sjablonen actie=wijzigen "id=$own" "titel=Eigen soort $tag" \
    "tekst=Gewijzigd." soort=0
is "$HTTP_STATUS" 303 "a coordinator changes a template"
is "$(sql "SELECT CONCAT(body, '|', COALESCE(signal_type_id, 0), '|', active)
    FROM reply_template WHERE id = $own")" "Gewijzigd.|0|0" \
    "text, type and switch changed"
is "$(audit_count sjabloon-wijzigen cor "$own")" 1 "audited"
dash_post cor /sjablonen actie=wijzigen "id=$own" "titel=" tekst=X soort=0
is "$HTTP_STATUS" 400 "a change without a title: refused"
like "$(http_body)" 'name="id" value="'"$own"'"' "the form still changes that one"
is "$(sql "SELECT body FROM reply_template WHERE id = $own")" Gewijzigd. \
    "nothing written"
dash_post cor /sjablonen actie=wijzigen id=4000000000 titel=X tekst=X soort=0
is "$HTTP_STATUS" 400 "a change of a template that does not exist: refused"
dash_as cor POST /sjablonen --data-urlencode actie=verwijderen \
    --data-urlencode "id=$oth"
is "$HTTP_STATUS" 403 "removing without the CSRF token: refused"
dash_post hanna /sjablonen actie=verwijderen "id=$oth"
is "$HTTP_STATUS" 403 "a handler may not remove one"
is "$(sql "SELECT COUNT(*) FROM reply_template WHERE id = $oth")" 1 \
    "it is still there"
dash_post cor /sjablonen actie=verwijderen "id=$oth"
is "$HTTP_STATUS" 303 "a coordinator removes it"
is "$(sql "SELECT COUNT(*) FROM reply_template WHERE id = $oth")" 0 "it is gone"
is "$(audit_count sjabloon-weg cor "$oth")" 1 "audited"
dash_post cor /sjablonen actie=verwijderen "id=$oth"
is "$HTTP_STATUS" 404 "removing it again: 404"
is "$(sql "SELECT body FROM message WHERE report_id = $RID")" "$XSS" \
    "the message sent from a template is a copy and stays"

# --- At most MP_REPLYTPL_MAX (200) templates ----------------------------------

have=$(ntpl)
sql "INSERT INTO reply_template (title, body, updated_by)
    SELECT CONCAT('Vulling $tag ', seq), 'x', 'test'
    FROM seq_1_to_200 WHERE seq <= GREATEST(0, 200 - $have)"
is "$(ntpl)" 200 "200 templates"
dash_post cor /sjablonen actie=nieuw "titel=Te veel $tag" tekst=Hallo soort=0
is "$HTTP_STATUS" 400 "a 201st: refused"
like "$(http_body)" 'Er zijn al 200 sjablonen' "saying why"
like "$(http_body)" 'id="s-titel-error"' "at the form"
is "$(ntpl)" 200 "nothing written"
sql "DELETE FROM reply_template WHERE title LIKE 'Vulling $tag %'"
# This test's templates go: later tests and the accessibility walk make
# their own.
sql "DELETE FROM reply_template WHERE title LIKE '%$tag%'"
