# test-46-feedback-reply-limit.sh -- a signed-in reporter cannot flood a
# report: beyond feedback.reply_rate.per_report replies in the window
# the reply is refused with a clear message tied to the field, its text
# kept in the form, and nothing stored (no message, no file, no event,
# no unread count); another report is not affected, and the global
# limit counts all reports together.

. "$top_srcdir/tests/e2e/feedback.sh"

# Earlier tests' replies count in this window too: start from zero.
sql "DELETE FROM rate_counter"
conf_set feedback.reply_rate.per_report 3
conf_set feedback.reply_rate.global 5
restart_program feedback

fb_report
http_reset_cookies
fb_signin "$REF" "$CODE"
for i in 1 2 3; do
	fb_reply "antwoord $i"
	is "$HTTP_STATUS" 303 "reply $i of 3 is taken"
done
n=$(fb_messages)
events=$(sql "SELECT COUNT(*) FROM event WHERE report_id = $RID")
unread=$(sql "SELECT unread_replies FROM report WHERE id = $RID")
files=$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID")
printf '%%PDF-1.4\n%% limiet\n' >"$E2E_TEST_DIR/limiet.pdf"
fb_reply "de vierde, met <b>opmaak</b>" \
    -F "report-attachments=@$E2E_TEST_DIR/limiet.pdf;type=application/pdf"
is "$HTTP_STATUS" 429 "the fourth reply within the window is refused (429)"
like "$(http_body)" 'id="tekst-error"[^>]*>.*veel berichten gestuurd' \
    "with a message tied to the text field"
like "$(http_body)" 'aria-invalid="true"' "the field is marked invalid"
like "$(http_body)" 'de vierde, met &lt;b&gt;opmaak&lt;/b&gt;' \
    "the text is kept in the form, escaped"
is "$(fb_messages)" "$n" "no message was stored"
is "$(sql "SELECT COUNT(*) FROM attachment WHERE report_id = $RID")" \
    "$files" "no file was stored"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $RID")" "$events" \
    "no event was written"
is "$(sql "SELECT unread_replies FROM report WHERE id = $RID")" "$unread" \
    "the unread count is unchanged"

# Another report has its own per-report count, but the global limit (5)
# counts the three above.
fb_report
http_reset_cookies
fb_signin "$REF" "$CODE"
fb_reply "ander rapport 1"
is "$HTTP_STATUS" 303 "another report's first reply is taken"
fb_reply "ander rapport 2"
is "$HTTP_STATUS" 303 "and its second (five in all)"
n=$(fb_messages)
fb_reply "ander rapport 3"
is "$HTTP_STATUS" 429 "the sixth reply in all is refused by the global limit"
is "$(fb_messages)" "$n" "and not stored"

# Switched off: 0 means no limit.
conf_set feedback.reply_rate.per_report 0
conf_set feedback.reply_rate.global 0
restart_program feedback
n=$(fb_messages)
fb_reply "zonder limiet"
is "$HTTP_STATUS" 303 "with the limits at 0 replies are taken again"
is "$(fb_messages)" $((n + 1)) "and stored"

conf_reset
restart_program feedback
