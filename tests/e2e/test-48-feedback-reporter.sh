# test-48-feedback-reporter.sh -- issue 16, "Reporters", at /melding/:
# the signed-in reporter sees the report as sent (never a handler's
# team, notes or subjects) and their own files, which they can
# download with the attachment headers, and no other file; a reply to
# a closed report reopens it (feedback.closed_reply = reopen: status
# event, audit row, handler kept) or is refused with the text kept
# (refuse: nothing stored); a reply typed after the session expired
# comes back through the sign-in form, escaped, and is shown filled,
# not sent.

. "$top_srcdir/tests/e2e/feedback.sh"
dash_fixtures

d=$E2E_TEST_DIR
mkdir -p "$d"
write_file "$d/foto.png" png
write_file "$d/stuk.pdf" pdf
xss='<script>alert(1)</script><img src=x onerror=alert(2)>"'"'"

# A report with text fields, a place and two files, and markup.
intake_catalog
report_fields
set_field report-description "Busjes bij de loods $xss"
set_field report-street "Havenstraat"
set_field report-house-number "12a"
set_field report-people "Een man met een rode jas"
set_field report-vehicles "Witte bus 12-ABC-3"
post_report /melden/ -F "report-attachments=@$d/foto.png;type=image/png" \
    -F "report-attachments=@$d/stuk.pdf;type=application/pdf"
is "$HTTP_STATUS" 200 "a report with two files is taken"
REF=$(receipt_ref)
CODE=$(receipt_code)
RID=$(sql "SELECT id FROM report WHERE reference = '$REF'")

# What only handlers know: team, handler, a note, a subject, a file of
# the handler's message, and a file of another report.
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord'),
    handler_id = (SELECT id FROM app_user WHERE username = 'hanna')
    WHERE id = $RID"
dash_post hanna "/melding/$RID" actie=notitie "tekst=Geheime notitie Zeeuws"
sql "INSERT INTO message (report_id, at, direction, kind, author_id, author,
    body) VALUES ($RID, UTC_TIMESTAMP(), 'uit', 'bericht', NULL, 'Hanna',
    'Zie bijlage')"
mid=$(sql "SELECT MAX(id) FROM message WHERE report_id = $RID")
sql "INSERT INTO attachment (report_id, message_id, filename, mime, size,
    sha256, data) VALUES ($RID, $mid, 'intern-handler.pdf', 'application/pdf',
    4, UNHEX(SHA2('x', 256)), 'xxxx')"
hid=$(sql "SELECT MAX(id) FROM attachment WHERE report_id = $RID")
oid=$(sql "SELECT MIN(id) FROM attachment WHERE report_id <> $RID")

http_reset_cookies
fb_signin "$REF" "$CODE"
is "$HTTP_STATUS" 303 "the reporter signs in"
fb_get /
body=$(http_body)
like "$body" 'Wat u ons stuurde' "the page shows the report as sent"
like "$body" 'Busjes bij de loods &lt;script&gt;alert' \
    "the description, escaped"
unlike "$body" '<script>alert|<img src=x' "no markup of the report runs"
like "$body" 'Havenstraat 12a' "the place"
like "$body" 'Een man met een rode jas' "the people"
like "$body" 'Witte bus 12-ABC-3' "the vehicles"
like "$body" "$(sql "SELECT DATE_FORMAT(observed_date, '%d-%m-%Y')
    FROM report WHERE id = $RID")" "the date, as dd-mm-jjjj"
# In English the date of observation takes the language's separator,
# as the date received does (both dd/mm/yyyy).
fb_get "/?taal=en"
en=$(http_body)
like "$en" '<html lang="en"' "the page in English"
like "$en" "$(sql "SELECT DATE_FORMAT(observed_date, '%d/%m/%Y')
    FROM report WHERE id = $RID")" "the date observed as dd/mm/yyyy there"
unlike "$en" "$(sql "SELECT DATE_FORMAT(observed_date, '%d-%m-%Y')
    FROM report WHERE id = $RID")" "not with the Dutch dashes"
like "$body" 'U meldde anoniem' "that it was anonymous"
unlike "$body" 'Noord|Geheime notitie|hanna|Hanna' \
    "never the team, handler or notes"
like "$body" 'foto\.png</a> \([0-9]+ kB\)' "the photo, with its size"
like "$body" 'stuk\.pdf</a>' "and the PDF"
unlike "$body" 'intern-handler' "never a handler's file"

# A handler's corrections (issue 16) change the report, not what the
# reporter sees of what they sent (sql/053's copy, made once).
old_type=$(sql "SELECT st.name FROM report r JOIN signal_type st
    ON st.id = r.signal_type_id WHERE r.id = $RID")
new_slug=$(sql "SELECT st.slug FROM signal_type st JOIN audience_signal_type x
    ON x.signal_type_id = st.id JOIN audience a ON a.id = x.audience_id
    WHERE st.active = 1 AND a.active = 1 AND st.id <> (SELECT signal_type_id
    FROM report WHERE id = $RID) ORDER BY st.id LIMIT 1")
is "$(sql "SELECT COUNT(*) FROM report_sent WHERE report_id = $RID")" 0 \
    "an uncorrected report has no copy as sent"
dash_post hanna "/melding/$RID" actie=wijzigen veld=omschrijving \
    "waarde=Verbeterd door de behandelaar" "versie=$(dash_version "$RID")"
is "$HTTP_STATUS" 303 "hanna corrects the description"
dash_post hanna "/melding/$RID" actie=wijzigen veld=soort "waarde=$new_slug" \
    "versie=$(dash_version "$RID")"
is "$HTTP_STATUS" 303 "and the signal type"
is "$(sql "SELECT COUNT(*) FROM report_sent WHERE report_id = $RID")" 1 \
    "one copy as sent"
like "$(sql "SELECT description FROM report_sent WHERE report_id = $RID")" \
    '^Busjes bij de loods' "made before the first correction"
fb_get /
body=$(http_body)
like "$body" 'Busjes bij de loods &lt;script&gt;alert' \
    "the reporter still sees the description as sent"
unlike "$body" 'Verbeterd door de behandelaar' "not the correction"
is "$(printf '%s' "$body" |
    sed -n 's|.*<dt>Soort melding</dt><dd>\([^<]*\)</dd>.*|\1|p')" \
    "$old_type" "and the signal type chosen"
dash_as hanna GET "/melding/$RID"
like "$(http_body)" 'Verbeterd door de behandelaar' \
    "the handler sees the corrected report"

# Downloads: own files only, as attachments with the security headers.
fid=$(sql "SELECT id FROM attachment WHERE report_id = $RID
    AND filename = 'stuk.pdf'")
fb_get "/bestand/$fid"
is "$HTTP_STATUS" 200 "the reporter downloads their own PDF"
like "$(http_header Content-Disposition)" '^attachment; filename="stuk.pdf"' \
    "as an attachment"
is "$(http_header X-Content-Type-Options)" nosniff "with nosniff"
like "$(http_header Content-Security-Policy)" "default-src 'none'" \
    "and the CSP"
like "$(http_header Content-Type)" '^application/pdf' "typed as stored"
is "$(sha256sum <"$HTTP_BODY" | cut -d' ' -f1)" \
    "$(sql "SELECT LOWER(HEX(sha256)) FROM attachment WHERE id = $fid")" \
    "the bytes are the stored file"
fb_get "/bestand/$hid"
is "$HTTP_STATUS" 404 "a handler's file of the same report is not served"
if [ -n "$oid" ]; then
	fb_get "/bestand/$oid"
	is "$HTTP_STATUS" 404 "nor another report's file"
else
	pass "nor another report's file (none in the database)"
fi
http_reset_cookies
fb_get "/bestand/$fid"
is "$HTTP_STATUS" 403 "without the session no file is served"
like "$(http_body)" 'name="meldingsnummer"' "the page asks to sign in"
unlike "$(http_header Content-Disposition)" 'attachment' "and sends no file"

# The database account: the views hold no handler data.
cols=$(sql "SELECT GROUP_CONCAT(COLUMN_NAME) FROM information_schema.COLUMNS
    WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'feedback_own_report_sent'")
unlike "$cols" 'team|handler|closed_reason|code_hash' \
    "feedback_own_report_sent has no handler-internal column"

# A reply to a closed report, reopen (the default).
fb_signin "$REF" "$CODE"
sql "UPDATE report SET status = 'afgerond', closed_at = UTC_TIMESTAMP(),
    closed_reason = 'klaar' WHERE id = $RID"
fb_get /
like "$(http_body)" 'id="closed-note"[^>]*>Uw melding is afgerond. Stuurt u toch' \
    "a closed report says a reply reopens it"
ev=$(sql "SELECT COALESCE(MAX(id), 0) FROM event WHERE report_id = $RID")
au=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
n=$(fb_messages)
fb_reply "Nog iets gezien $xss"
is "$HTTP_STATUS" 303 "a reply to a closed report is taken"
like "$(http_header Location)" 'verstuurd=2' "and reported as reopening"
is "$(fb_messages)" $((n + 1)) "the message is stored"
is "$(sql "SELECT CONCAT_WS(',', status, handler_id = (SELECT id FROM app_user
    WHERE username = 'hanna'), team_id = (SELECT id FROM team WHERE
    name = 'Noord'), closed_at IS NULL) FROM report WHERE id = $RID")" \
    "in behandeling,1,1,1" \
    "the report is in handling again with its handler and team"
is "$(sql "SELECT detail FROM event WHERE report_id = $RID AND id > $ev
    AND kind = 'status'")" \
    "afgerond -> in behandeling (antwoord van de melder)" \
    "a status event says why"
is "$(sql "SELECT CONCAT(action, ' ', object_type, ' ', object_id) FROM
    audit_log WHERE id > $au AND action = 'heropend'")" \
    "heropend melding $RID" "the reopening is audited"
unlike "$(sql "SELECT detail FROM audit_log WHERE id > $au")" 'Nog iets' \
    "without the reply's text"
fb_get "/?verstuurd=2"
like "$(http_body)" 'weer bij het meldpunt in behandeling' \
    "the reporter is told the report is open again"

# Closed without a handler: back to "nieuw", in its team's queue.
sql "UPDATE report SET status = 'afgerond', handler_id = NULL,
    closed_at = UTC_TIMESTAMP() WHERE id = $RID"
fb_reply "Nog een aanvulling"
is "$HTTP_STATUS" 303 "a reply to a report closed without a handler"
is "$(sql "SELECT CONCAT_WS(',', status, team_id = (SELECT id FROM team
    WHERE name = 'Noord')) FROM report WHERE id = $RID")" "nieuw,1" \
    "goes back to nieuw, in its team's queue"

# refuse: nothing stored, the text kept, a Dutch explanation.
sql "UPDATE report SET status = 'afgerond', closed_at = UTC_TIMESTAMP()
    WHERE id = $RID"
conf_set feedback.closed_reply refuse
restart_program feedback
http_reset_cookies
fb_signin "$REF" "$CODE"
fb_get /
like "$(http_body)" 'geen berichten meer aan' \
    "the page says replies are not taken"
like "$(http_body)" 'href="/melden/">nieuwe melding' \
    "and links to a new report"
# What a stored reply would touch.
touched()
{
	sql "SELECT (SELECT COUNT(*) FROM message), (SELECT COUNT(*) FROM event),
	    (SELECT COUNT(*) FROM attachment), (SELECT COUNT(*) FROM audit_log),
	    (SELECT COUNT(*) FROM mail_outbox), (SELECT CONCAT_WS(',', status,
	    version, unread_replies) FROM report WHERE id = $RID)"
}
before=$(touched)
n=$(fb_messages)
fb_reply "Geweigerd antwoord $xss"
is "$HTTP_STATUS" 409 "a reply to a closed report is refused"
like "$(http_body)" 'niet verstuurd' "saying it was not sent"
like "$(http_body)" 'Doe dan een nieuwe melding' "and what to do instead"
like "$(http_body)" '<textarea[^>]*>Geweigerd antwoord &lt;script&gt;alert' \
    "the text stays in the field, escaped"
unlike "$(http_body)" '<script>alert' "no markup runs"
is "$(fb_messages)" "$n" "no message is stored"
is "$(sql "SELECT status FROM report WHERE id = $RID")" afgerond \
    "the report stays closed"
is "$(touched)" "$before" \
    "no message, event, file, audit row or mail, the report unchanged"
# The database's own guard, for a report closed after the program read
# its status: with reopen 0 feedback_reply_to() fails and writes nothing.
out=$(sql "SET @meldpunt_reporter_session = (SELECT id_hash FROM
    reporter_session WHERE report_id = $RID LIMIT 1);
    SELECT feedback_reply_to('te laat', 0, 0)" 2>&1)
like "$out" 'report closed' "feedback_reply_to refuses a closed report itself"
is "$(touched)" "$before" "and writes nothing"
conf_reset
restart_program feedback

# An expired session keeps the reply.
conf_set feedback.session.idle 2
restart_program feedback
sql "UPDATE report SET status = 'in behandeling', closed_at = NULL
    WHERE id = $RID"
http_reset_cookies
fb_signin "$REF" "$CODE"
tok=$(fb_csrf)
sleep 3
n=$(fb_messages)
long="Mijn antwoord na de pauze $xss
tweede regel"
http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
    --form-string "csrf=$tok" --form-string "tekst=$long"
is "$HTTP_STATUS" 403 "after the idle time the reply is not taken"
like "$(http_body)" 'sessie is verlopen' "the page says the session expired"
like "$(http_body)" 'bericht is bewaard' "and that the text is kept"
like "$(http_body)" 'name="meldingsnummer"' "it asks for the reference"
like "$(http_body)" 'name="code"' "and the code"
like "$(http_body)" '<input type="hidden" name="tekst" value="Mijn antwoord na de pauze &lt;script&gt;alert' \
    "the text is carried in a hidden field, escaped"
unlike "$(http_body)" '<script>alert' "no markup runs"
is "$(fb_messages)" "$n" "nothing is stored"
kept=$(form_value tekst)
signtok=$(form_value token)
# A wrong code keeps it too.
http_request POST "$FB/aanmelden" --interface "$FB_ADDR" \
    --data-urlencode "token=$signtok" --data-urlencode "meldingsnummer=$REF" \
    --data-urlencode "code=FOUT-FOUT" --data-urlencode "tekst=$kept"
is "$HTTP_STATUS" 403 "a wrong code is refused"
like "$(http_body)" 'name="tekst" value="Mijn antwoord na de pauze' \
    "and the text is still carried"
signtok=$(form_value token)
kept=$(form_value tekst)
http_request POST "$FB/aanmelden" --interface "$FB_ADDR" \
    --data-urlencode "token=$signtok" --data-urlencode "meldingsnummer=$REF" \
    --data-urlencode "code=$CODE" --data-urlencode "tekst=$kept"
is "$HTTP_STATUS" 200 "signed in again, the page is shown at once"
like "$(http_body)" 'nog niet verstuurd' "saying the reply is not sent yet"
like "$(http_body)" '<textarea[^>]*>Mijn antwoord na de pauze &lt;script&gt;alert[^<]*tweede regel</textarea>' \
    "the reply form is filled with the text, both lines, escaped"
is "$(fb_messages)" "$n" "and nothing was sent automatically"
fb_reply "$(printf '%s' "$long")"
is "$HTTP_STATUS" 303 "sending it then works"
is "$(sql "SELECT REPLACE(body, CHAR(10), '|') FROM message
    WHERE report_id = $RID ORDER BY id DESC LIMIT 1")" "${long//$'\n'/|}" \
    "as typed"

# Too long a text is not carried (the form's limit is 4000).
tok=$(fb_csrf)
sleep 3
http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
    --form-string "csrf=$tok" --form-string "tekst=$(head -c 5000 /dev/zero | tr '\0' a)"
is "$HTTP_STATUS" 403 "an expired session with an over-long text"
unlike "$(http_body)" 'name="tekst"' "does not carry it"
conf_reset
restart_program feedback

# Leave no live session and no unread marker for later tests.
sql "DELETE FROM reporter_session WHERE report_id = $RID"
sql "UPDATE report SET unread_replies = 0 WHERE id = $RID"

# A place with a city but no street or number reads "Voorbeeldstad",
# not ", Voorbeeldstad" (stop 28's finding).
report_fields
set_field report-street ""
set_field report-house-number ""
set_field report-city "Voorbeeldstad"
post_report /melden/
is "$HTTP_STATUS" 200 "a report with only a city is taken"
REF2=$(receipt_ref)
CODE2=$(receipt_code)
http_reset_cookies
fb_signin "$REF2" "$CODE2"
fb_get /
like "$(http_body)" 'id="sent-place">[[:space:]]*Voorbeeldstad</dd>' \
    "its place is the city, without a leading comma"
sql "DELETE FROM reporter_session WHERE report_id =
    (SELECT id FROM report WHERE reference = '$REF2')"
