# test-53-mail-concurrent.sh -- two meldpuntctl mail send runs at the
# same time (a cron job overlapping a timer, two app servers) never
# send one row twice: each row is claimed by one run with a committed
# token.  A row claimed by a sender that died is taken again once its
# lease has run out, not before.

. "$top_srcdir/tests/e2e/mail.sh"
mail_setup

# One notice each for n reports (notices about one report to one
# person would be merged into one mail).
n=20
i=0
while [ $i -lt $n ]; do
	r=$(mail_report "melder.$i@voorbeeld.nl")
	mp_ctl mail queue reporter "$r" >/dev/null 2>&1
	i=$((i + 1))
done
ref=$r
id=$(report_id "$ref")
is "$(sql "SELECT COUNT(DISTINCT report_id) FROM mail_outbox
    WHERE status = 'pending'")" "$n" "$n notifications are queued"

# Each delivery takes a little while, so the two runs overlap.
echo 0.1 >"$MAIL_DIR/sleep"
mp_ctl mail send >"$E2E_TEST_DIR/send1.out" 2>&1 &
p1=$!
mp_ctl mail send >"$E2E_TEST_DIR/send2.out" 2>&1 &
p2=$!
wait "$p1"
rc1=$?
wait "$p2"
rc2=$?
rm -f "$MAIL_DIR/sleep"
is "$rc1 $rc2" "0 0" "both runs succeed"
s1=$(sed -n 's/^sent \([0-9]*\),.*/\1/p' "$E2E_TEST_DIR/send1.out")
s2=$(sed -n 's/^sent \([0-9]*\),.*/\1/p' "$E2E_TEST_DIR/send2.out")
diag "run 1 sent $s1, run 2 sent $s2"
is "$((s1 + s2))" "$n" "together they sent each notification once"
ok "[ $s1 -gt 0 ] && [ $s2 -gt 0 ]" "both runs did part of the work"
is "$(mail_count)" "$n" "sendmail received exactly $n messages"
is "$(sql "SELECT COUNT(*) FROM mail_outbox
    WHERE status = 'sent' AND tries = 1")" "$n" "every row is sent after one try"
# Every report's reporter got exactly one mail.
is "$(cat "$MAIL_DIR"/out/*.eml | grep -c '^To: ')" "$n" "$n recipients"
is "$(cat "$MAIL_DIR"/out/*.eml | grep '^To: ' | sort -u | wc -l)" "$n" \
    "each a different one"

# A row claimed by a sender that died: skipped while the lease runs.
mail_clear
mp_ctl mail queue reporter "$ref" >/dev/null 2>&1
mid=$(sql "SELECT MAX(id) FROM mail_outbox")
sql "UPDATE mail_outbox SET claim_token = UNHEX(REPEAT('ab', 16)),
    claim_until = UTC_TIMESTAMP() + INTERVAL 5 MINUTE WHERE id = $mid"
mail_send
is "$MAIL_OUT" "sent 0, merged 0, deferred 0, given up 0" \
    "a row claimed by another sender is left alone"
sql "UPDATE mail_outbox SET claim_until = UTC_TIMESTAMP() - INTERVAL 1 SECOND
    WHERE id = $mid"
mail_send
is "$MAIL_OUT" "sent 1, merged 0, deferred 0, given up 0" \
    "once the lease has run out the row is sent"
is "$(mail_count)" 1 "exactly once"

sql "DELETE FROM mail_outbox"
conf_reset
