# tests/e2e/mail.sh -- helpers for the mail outbox tests
# (test-5x-mail-*.sh): a fake sendmail command that records what it is
# given, the mail.* configuration pointing at it, and reports with and
# without an e-mail address sent through nginx.  Sourced by those tests
# after lib.sh; not a test itself.

if [ -n "${MP_E2E_MAIL_LOADED:-}" ]; then
	return 0
fi
MP_E2E_MAIL_LOADED=1

# shellcheck source=intake.sh
. "$top_srcdir/tests/e2e/intake.sh"

# Text a report carries, which no mail may ever contain.
MAIL_SECRET_TEXT="Loods aan de Kanaaldijk met busjes vol vaten"
MAIL_SECRET_STREET="Kanaaldijk"

# mail_setup: the fake sendmail in $MAIL_DIR and the configuration.
# The fake writes each message to $MAIL_DIR/out/N.eml and its argv, one
# word a line, to N.args; it exits with the number in $MAIL_DIR/exit
# (0 when absent) and first sleeps $MAIL_DIR/sleep seconds if present.
mail_setup()
{
	MAIL_DIR=$E2E_TEST_DIR/sendmail
	rm -rf "$MAIL_DIR"
	mkdir -p "$MAIL_DIR/out"
	cat >"$MAIL_DIR/fake-sendmail" <<EOF
#!/bin/sh
d='$MAIL_DIR'
f=\$(mktemp "\$d/out/mail-XXXXXXXX")
cat >"\$f.eml"
printf '%s\n' "\$@" >"\$f.args"
rm -f "\$f"
[ -f "\$d/sleep" ] && sleep "\$(cat "\$d/sleep")"
[ -f "\$d/exit" ] && exit "\$(cat "\$d/exit")"
exit 0
EOF
	chmod 0755 "$MAIL_DIR/fake-sendmail"
	conf_set mail.sendmail "$MAIL_DIR/fake-sendmail -t -i"
	conf_set mail.from meldpunt@voorbeeld.nl
	conf_set mail.from_name "Meldpunt Gemeente Súdwest"
	conf_set mail.feedback_url "https://meldpunt.voorbeeld.nl/melding/"
	conf_set mail.dashboard_url "https://meldpunt.voorbeeld.nl/dashboard/"
	conf_set mail.reporter.subject "Nieuws over uw melding – één bericht"
	conf_set mail.retry_delay 60
	conf_set mail.max_tries 3
	export MAIL_DIR
}

# mail_count: messages the fake sendmail received.
mail_count()
{
	find "$MAIL_DIR/out" -name '*.eml' | wc -l
}

# mail_clear: forget the received messages.
mail_clear()
{
	rm -f "$MAIL_DIR"/out/*
}

# mail_report EMAIL: store a report (with the secret text) through nginx,
# named with EMAIL, or anonymous when EMAIL is ""; prints its reference.
mail_report()
{
	intake_catalog
	report_fields /melden/
	set_field report-description "$MAIL_SECRET_TEXT en een loods."
	set_field report-street "$MAIL_SECRET_STREET"
	if [ -n "$1" ]; then
		set_field report-anonymous nee
		set_field report-contact-name "Jan Melder"
		set_field report-contact-email "$1"
	fi
	post_report /melden/ >/dev/null
	receipt_ref
}

# report_id REF: the id of the report with reference REF.
report_id()
{
	sql "SELECT id FROM report WHERE reference = '$1'"
}

# outbox_rows REPORT_ID: rows queued for the report.
outbox_rows()
{
	sql "SELECT COUNT(*) FROM mail_outbox WHERE report_id = $1"
}

# mail_send: run meldpuntctl mail send; output in $MAIL_OUT, status $MAIL_RC.
mail_send()
{
	MAIL_OUT=$(mp_ctl mail send 2>&1)
	MAIL_RC=$?
}
