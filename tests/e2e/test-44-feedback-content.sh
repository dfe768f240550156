# test-44-feedback-content.sh -- what goes through the thread: XSS
# payloads shown escaped on both sides, the intake's attachment rules
# on replies (type by content, count, size), bad text and unknown
# fields refused with nothing stored.

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures

fb_report
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $RID"
http_reset_cookies
fb_signin "$REF" "$CODE"

# XSS, both ways.
xss='<script>alert(1)</script><img src=x onerror=alert(2)>"'"'"
dash_post hanna "/melding/$RID" actie=bericht "tekst=Vraag $xss"
is "$HTTP_STATUS" 303 "a handler's message with markup is stored"
fb_get /
unlike "$(http_body)" '<script>alert' "the reporter's page does not run it"
like "$(http_body)" '&lt;script&gt;alert[(]1[)]&lt;/script&gt;' \
    "it is shown escaped"
fb_reply "Antwoord $xss"
is "$HTTP_STATUS" 303 "a reply with markup is stored"
is "$(sql "SELECT body FROM message WHERE report_id = $RID AND
    kind = 'antwoord'")" "Antwoord $xss" "as typed"
dash_as hanna GET "/melding/$RID"
unlike "$(http_body)" '<script>alert\|<img src=x' \
    "the dashboard does not run it"
like "$(http_body)" 'Antwoord &lt;script&gt;' "it is shown escaped"

n=$(fb_messages)
a=$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID")
d=$E2E_TEST_DIR
write_file "$d/foto.png" png
write_file "$d/stuk.pdf" pdf
write_file "$d/pagina.html" html
write_file "$d/groot.jpg" jpeg 10485800

# A good file.
fb_reply "Hier is een foto." -F "report-attachments=@$d/foto.png;type=image/png" \
    -F "report-attachments=@$d/stuk.pdf;type=application/pdf"
is "$HTTP_STATUS" 303 "a reply with a photo and a PDF is taken"
is "$(sql "SELECT COUNT(*) FROM attachment a JOIN message m ON
    m.id = a.message_id WHERE a.report_id = $RID AND m.kind = 'antwoord'")" 2 \
    "both files are stored with the reply"
dash_as hanna GET "/melding/$RID"
like "$(http_body)" 'met 2 bijlage[(]n[)]' "the handler sees the files with it"
like "$(http_body)" 'foto.png' "in the list of attachments"
a=$((a + 2))
n=$((n + 1))

# Bad files: nothing stored, a clear message at the field.
fb_reply "html" -F "report-attachments=@$d/pagina.html;type=image/png"
is "$HTTP_STATUS" 400 "an HTML file posing as PNG is refused"
like "$(http_body)" 'alleen foto' "with the intake's message"
like "$(http_body)" 'aria-invalid="true"' "tied to the field"
like "$(http_body)" '>html</textarea>' "and the text is kept"
fb_reply "groot" -F "report-attachments=@$d/groot.jpg;type=image/jpeg"
is "$HTTP_STATUS" 400 "a file over the size limit is refused"
like "$(http_body)" 'groter dan' "with the intake's message"
args=()
for i in 1 2 3 4 5 6; do
	args+=(-F "report-attachments=@$d/foto.png;type=image/png")
done
fb_reply "zes" "${args[@]}"
is "$HTTP_STATUS" 400 "six files are refused"
like "$(http_body)" 'hoogstens' "with the intake's message"
fb_reply ""
is "$HTTP_STATUS" 400 "an empty reply is refused"
like "$(http_body)" 'Schrijf een bericht' "with a clear message"
long=$(head -c 4001 /dev/zero | tr '\0' 'x')
fb_reply "$long"
is "$HTTP_STATUS" 400 "a reply over 4000 characters is refused"
printf 'csrf=%s&tekst=%%ff%%fe' "$(fb_csrf)" >"$d/bad"
http_request POST "$FB/antwoord" --interface "$FB_ADDR" --data-binary @"$d/bad"
is "$HTTP_STATUS" 400 "invalid UTF-8 is refused"
tok=$(fb_csrf)
http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
    --form-string "csrf=$tok" --form-string "tekst=x" \
    --form-string "status=afgerond"
is "$HTTP_STATUS" 400 "an unknown field is refused"
is "$(fb_messages)" "$n" "none of the refused replies stored a message"
is "$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID")" "$a" \
    "nor a file"
