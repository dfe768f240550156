# tests/e2e/feedback.sh -- helpers for the reporter's follow-up tests
# (test-4x-feedback-*.sh), sourced after lib.sh.  A report is made
# through the intake (intake.sh); the reporter then talks to /melding/
# from FB_ADDR, a loopback address of its own, so throttling per client
# can be shown and no table or log can be seen to hold it.

if [ -n "${MP_E2E_FEEDBACK_LOADED:-}" ]; then
	return 0
fi
MP_E2E_FEEDBACK_LOADED=1

. "$top_srcdir/tests/e2e/intake.sh"
. "$top_srcdir/tests/e2e/dash.sh"

FB=/melding
FB_ADDR=${FB_ADDR:-127.0.0.9}

# fb_report [field=value...]: submit an anonymous report through the
# intake (fields changed as given); sets REF, CODE and RID.
fb_report()
{
	local f
	intake_catalog
	report_fields
	for f in "$@"; do
		set_field "${f%%=*}" "${f#*=}"
	done
	post_report
	REF=$(receipt_ref)
	CODE=$(receipt_code)
	RID=$(sql "SELECT id FROM report WHERE reference = '$REF'")
}

# fb_get PATH [curl args]: a GET of /melding/PATH from FB_ADDR.
fb_get()
{
	local p=$1
	shift
	http_get "$FB$p" --interface "$FB_ADDR" "$@"
}

# fb_signin REF CODE [ADDR]: the sign-in form, then its POST.
fb_signin()
{
	local tok
	http_get "$FB/" --interface "${3:-$FB_ADDR}"
	tok=$(form_value token)
	http_request POST "$FB/aanmelden" --interface "${3:-$FB_ADDR}" \
	    --data-urlencode "token=$tok" \
	    --data-urlencode "meldingsnummer=$1" --data-urlencode "code=$2"
}

# fb_csrf: the CSRF token on the reporter's page.
fb_csrf()
{
	fb_get / >/dev/null
	form_value csrf
}

# fb_reply TEXT [curl args...]: answer, as multipart, with the token.
fb_reply()
{
	local text=$1 tok
	shift
	tok=$(fb_csrf)
	http_request POST "$FB/antwoord" --interface "$FB_ADDR" \
	    --form-string "csrf=$tok" --form-string "tekst=$text" "$@"
}

# fb_messages: rows in message for RID.
fb_messages()
{
	sql "SELECT COUNT(*) FROM message WHERE report_id = $RID"
}

# fb_dump: the database as mariadb-dump writes it, without audit_log,
# whose client_addr is a member of staff's address by design.
fb_dump()
{
	mariadb-dump --no-defaults -S "$E2E_DBSOCK" -uroot \
	    --default-character-set=utf8mb4 --skip-extended-insert \
	    --ignore-table=meldpunt.audit_log meldpunt
}
