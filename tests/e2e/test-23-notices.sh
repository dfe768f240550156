# test-23-notices.sh -- notices by mail to staff (issue 16): a routed
# report queues the team's notice for each member who wants it (none
# for one who switched it off, none without an address); assigning a
# report queues the new handler's notice and a new team's; a change
# rolled back leaves no notice; the daily digest of overdue tasks is
# queued once per Amsterdam day and not for a user who switched it off;
# the mails carry no content of the report and the full dashboard
# address (site.public_url); the coordinators' delivery log shows sent
# and failed with the reason, never an address, filtered and paged,
# audited, refused to others; the settings form needs its CSRF token.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/mail.sh"
dash_fixtures
intake_catalog
mail_setup
# The dashboard's address from the public base, not mail.dashboard_url.
conf_set mail.dashboard_url ""
conf_set site.public_url "https://meldpunt.voorbeeld.nl"

AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
uid() { sql "SELECT id FROM app_user WHERE username = '$1'"; }
if [ -z "$(uid nanda)" ]; then
	mp_ctl team add Meldteam >/dev/null
	mp_ctl user add nanda handler "Nanda Nieuwsgierig" --team Meldteam \
	    >/dev/null
	mp_ctl user add nico handler "Nico Niethoren" --team Meldteam \
	    >/dev/null
	mp_ctl user add nele handler "Nele Geenoverzicht" --team Meldteam \
	    >/dev/null
	mp_ctl user add nora handler "Nora Zonderadres" --team Meldteam \
	    >/dev/null
	for u in nanda nico nele; do
		mp_ctl user set-email "$u" "$u.notice@voorbeeld.nl" >/dev/null
	done
fi
nanda=$(uid nanda)
nico=$(uid nico)
nele=$(uid nele)
nora=$(uid nora)
team=$(sql "SELECT id FROM team WHERE name = 'Meldteam'")
out=$(mp_ctl routing add drugs bewoners Meldteam 2>&1)
like "$out" '^rule [0-9]+ added$' "a routing rule to the test's team"
rule=$(sql "SELECT id FROM routing_rule WHERE team_id = $team")
# Later tests route by their own rules: leave none of ours behind.
cleanup()
{
	mp_ctl routing remove "$rule" >/dev/null 2>&1
	sql "DROP TRIGGER IF EXISTS e2e_notice_fail" >/dev/null 2>&1
	mp_ctl user enable nele >/dev/null 2>&1
	conf_reset
}
trap cleanup EXIT
notices() # KIND REPORT USER: rows queued
{
	sql "SELECT COUNT(*) FROM mail_outbox WHERE kind = '$1'
	    ${2:+AND report_id = $2} ${3:+AND user_id = $3}"
}

# --- The user's own choice ---------------------------------------------------

dash_as nico GET /meldingen-per-mail
is "$HTTP_STATUS" 200 "a handler opens 'Meldingen per e-mail'"
is "$(grep -c ' checked' "$HTTP_BODY")" 2 "both notices are on by default"
like "$(http_body)" '<label for="n-team">' "each choice has its label"
csrf=$(form_value csrf)
dash_as nico POST /meldingen-per-mail --data-urlencode overzicht=ja
is "$HTTP_STATUS" 403 "without the CSRF token the choice is refused"
is "$(sql "SELECT COUNT(*) FROM user_notice WHERE user_id = $nico")" 0 \
    "and nothing is stored"
dash_as nico POST /meldingen-per-mail --data-urlencode "csrf=$csrf" \
    --data-urlencode overzicht=ja
is "$HTTP_STATUS" 303 "with it, nico switches the team's notices off"
is "$(http_header Location)" /dashboard/meldingen-per-mail?klaar=1 \
    "and returns to the page"
is "$(sql "SELECT team_arrival, digest FROM user_notice
    WHERE user_id = $nico" | tr '\t' ' ')" "0 1" "stored: team off, digest on"
dash_as nico GET /meldingen-per-mail?klaar=1
like "$(http_body)" 'Uw keuze is opgeslagen' "the page confirms it"
is "$(grep -c ' checked' "$HTTP_BODY")" 1 "and shows one choice on"
is "$(audit_count meldingen-per-mail nico "$nico")" 1 "the change is audited"
dash_post nele /meldingen-per-mail team=ja
is "$HTTP_STATUS" 303 "nele switches the digest off"
dash_post nele /meldingen-per-mail team=ja overzicht=misschien
is "$HTTP_STATUS" 400 "a value that is no choice is refused"
is "$(sql "SELECT team_arrival, digest FROM user_notice
    WHERE user_id = $nele" | tr '\t' ' ')" "1 0" "and nothing changed"
dash_as aud GET /meldingen-per-mail
is "$HTTP_STATUS" 403 "an auditor, who gets no notices, has no such page"

# --- A routed report: the team hears of it -----------------------------------

ref=$(mail_report "")
id=$(report_id "$ref")
isnt "$id" "" "a report through the form ($ref)"
is "$(sql "SELECT team_id FROM report WHERE id = $id")" "$team" \
    "routed to the test's team"
is "$(notices team "$id")" 2 "two team notices are queued"
is "$(notices team "$id" "$nanda")" 1 "for nanda, who wants them"
is "$(notices team "$id" "$nico")" 0 "none for nico, who switched it off"
is "$(notices team "$id" "$nora")" 0 "none for nora, who has no address"
is "$(notices team "$id" "$nele")" 1 "nele, who only left the digest, gets it"
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE report_id = $id
    AND kind = 'team' AND team_id <> $team")" 0 "the rows name the team"

# --- Assignment ---------------------------------------------------------------

dash_post cor "/melding/$id" actie=toewijzen "versie=$(dash_version "$id")" \
    "team=$team" "behandelaar=$nico"
is "$HTTP_STATUS" 303 "the coordinator assigns the report to nico"
is "$(notices assigned "$id" "$nico")" 1 \
    "nico's notice is queued (team notices off does not stop it)"
is "$(notices team "$id")" 2 "the team did not change: no new team notice"
dash_post cor "/melding/$id" actie=toewijzen "versie=$(dash_version "$id")" \
    "team=$team" "behandelaar=$nico"
is "$HTTP_STATUS" 303 "assigned again as it was"
is "$(notices assigned "$id" "$nico")" 1 "which tells nobody again"

# A change rolled back: its audit entry fails after the notice is
# written, and the whole transaction goes.
ref2=$(mail_report "")
id2=$(report_id "$ref2")
mariadb --no-defaults -S "$E2E_DBSOCK" -uroot meldpunt <<SQL
DELIMITER //
CREATE TRIGGER e2e_notice_fail BEFORE INSERT ON audit_log FOR EACH ROW
BEGIN
	IF NEW.action = 'toewijzen' AND NEW.object_id = $id2 THEN
		SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'e2e: no audit';
	END IF;
END
//
DELIMITER ;
SQL
before=$(notices assigned "$id2")
dash_post cor "/melding/$id2" actie=toewijzen \
    "versie=$(dash_version "$id2")" "team=$team" "behandelaar=$nanda"
like "$HTTP_STATUS" '^5' "an assignment whose audit entry fails is an error"
sql "DROP TRIGGER e2e_notice_fail"
is "$(sql "SELECT COALESCE(handler_id, 0) FROM report WHERE id = $id2")" 0 \
    "the assignment was rolled back"
is "$(notices assigned "$id2")" "$before" "and left no notice behind"
dash_post cor "/melding/$id2" actie=toewijzen \
    "versie=$(dash_version "$id2")" "team=$team" "behandelaar=$nanda"
is "$HTTP_STATUS" 303 "done again without the failure"
is "$(notices assigned "$id2" "$nanda")" 1 "the notice is queued"
# To another team: its members hear of it (hanna has no address).
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
mp_ctl user set-email henk henk.notice@voorbeeld.nl >/dev/null
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
dash_post cor "/melding/$id2" actie=toewijzen \
    "versie=$(dash_version "$id2")" "team=$zuid" "behandelaar="
is "$HTTP_STATUS" 303 "the coordinator moves it to team Zuid"
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'team'
    AND report_id = $id2 AND team_id = $zuid")" \
    "$(sql "SELECT COUNT(*) FROM user_team ut JOIN app_user u
    ON u.id = ut.user_id WHERE ut.team_id = $zuid AND u.disabled = 0
    AND u.email <> ''")" "each member of Zuid with an address is told"
ok "[ $(notices team "$id2" "$(uid henk)") -eq 1 ]" "henk among them"
mp_ctl user set-email henk "" >/dev/null 2>&1 ||
    sql "UPDATE app_user SET email = NULL WHERE username = 'henk'"

# --- The daily digest ---------------------------------------------------------

today=$(TZ=Europe/Amsterdam date +%F)
yesterday=$(TZ=Europe/Amsterdam date -d yesterday +%F)
dossier=$(sql "INSERT INTO dossier (number, title, theme, status, team_id,
    created_by, created_at) VALUES ('D-E2E-23', 'Meldingen', 'overig',
    'open', $team, $nanda, UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")
task() # ASSIGNEE DUE STATUS
{
	sql "INSERT INTO dossier_journal (dossier_id, kind, body, task_type,
	    assignee_id, due_date, task_status, created_by, created_at)
	    VALUES ($dossier, 'task', 'Geheime taaktekst', 'controle', $1,
	    '$2', '$3', $nanda, UTC_TIMESTAMP())"
}
task "$nanda" "$yesterday" open
task "$nele" "$yesterday" open
task "$nico" "$today" open
task "$nora" "$yesterday" done
out=$(mp_ctl mail digest 2>&1)
like "$out" "^queued [0-9]+ digests for $today\$" \
    "meldpuntctl mail digest queues today's digests (Amsterdam day)"
is "$(sql "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'digest'
    AND user_id = $nanda AND digest_day = '$today'")" 1 \
    "one for nanda, whose task is overdue"
is "$(notices digest "" "$nele")" 0 "none for nele, who switched it off"
is "$(notices digest "" "$nico")" 0 "none for nico, whose task is due today"
out=$(mp_ctl mail digest 2>&1)
is "$out" "queued 0 digests for $today" "a second run the same day queues none"
is "$(notices digest "" "$nanda")" 1 "nanda still has one"

# --- Sending: no content, the full address ---------------------------------

mail_clear
mail_send
like "$MAIL_OUT" '^sent [1-9][0-9]*, ' "mail send delivers the notices"
is "$MAIL_RC" 1 "and fails as a run that gave one up"
is "$(sql "SELECT status, last_error FROM mail_outbox WHERE kind = 'team'
    AND report_id = $id2 AND user_id = $(uid henk)" | tr '\t' '|')" \
    "failed|no address" "henk's, whose address was removed meanwhile"
to_of() { grep -l -i "^To: $1" "$MAIL_DIR"/out/*.eml 2>/dev/null; }
body_of() # FILE: the decoded body
{
	python3 - "$1" <<'PY'
import sys, email, email.policy
m = email.message_from_bytes(open(sys.argv[1], 'rb').read(),
    policy=email.policy.default)
print(m['subject'])
print(m.get_content())
PY
}
nanda_mails=$(to_of nanda.notice@voorbeeld.nl)
is "$(printf '%s\n' $nanda_mails | grep -c .)" 4 \
    "nanda got four mails: two new reports in her team, an assignment, the digest"
all=""
for f in $nanda_mails $(to_of nico.notice@voorbeeld.nl) \
    $(to_of nele.notice@voorbeeld.nl); do
	all="$all$(body_of "$f")"
done
like "$all" "Er is een nieuwe melding in de wachtrij van team Meldteam" \
    "the team's mail says so, with the team's name"
like "$all" "melding $ref\\." "and names the reference"
like "$all" "https://meldpunt\\.voorbeeld\\.nl/dashboard/melding/$id" \
    "with the report's full dashboard address (site.public_url)"
like "$all" "Melding $ref is aan u toegewezen" "the handler's mail"
like "$all" "https://meldpunt\\.voorbeeld\\.nl/dashboard/taken" \
    "the digest links to 'Mijn taken'"
like "$all" "Taken over de datum" "under the digest's subject"
unlike "$all" "$MAIL_SECRET_STREET|Kanaaldijk|busjes|vaten|Geheime taaktekst" \
    "no mail carries the report's or the task's words"
unlike "$(cat $nanda_mails)" "Kanaaldijk|busjes|Geheime" \
    "not even encoded in the raw messages"

# A failure: a user disabled before the mail goes, and one given up
# by sendmail.
dash_post cor "/melding/$id" actie=toewijzen "versie=$(dash_version "$id")" \
    "team=$team" "behandelaar=$nele"
mp_ctl user disable nele >/dev/null
mail_send
mp_ctl user enable nele >/dev/null
is "$(sql "SELECT status, last_error FROM mail_outbox WHERE kind = 'assigned'
    AND report_id = $id AND user_id = $nele" | tr '\t' '|')" \
    "failed|the user is disabled" "a notice to a disabled user fails, saying why"
dash_post cor "/melding/$id" actie=toewijzen "versie=$(dash_version "$id")" \
    "team=$team" "behandelaar=$nanda"
echo 75 >"$MAIL_DIR/exit"
conf_set mail.max_tries 1
mail_send
rm -f "$MAIL_DIR/exit"
like "$(sql "SELECT status, last_error FROM mail_outbox WHERE kind = 'assigned'
    AND report_id = $id AND user_id = $nanda ORDER BY id DESC LIMIT 1" |
    tr '\t' '|')" '^failed\|.*exited with status 75$' \
    "a mail sendmail refused is given up with sendmail's status"

# --- The delivery log ---------------------------------------------------------

dash_as cor GET /
like "$(http_body)" 'href="/dashboard/maillog"' \
    "the coordinator's navigation links the delivery log"
dash_as hanna GET /
unlike "$(http_body)" 'href="/dashboard/maillog"' "a handler's does not"
like "$(http_body)" 'href="/dashboard/meldingen-per-mail"' \
    "but links her own notices"
for u in hanna ad aud; do
	dash_as "$u" GET /maillog
	is "$HTTP_STATUS" 403 "$u may not open the delivery log"
done
dash_as cor GET /maillog
is "$HTTP_STATUS" 200 "the coordinator opens the delivery log"
log=$(http_body)
like "$log" "Nanda Nieuwsgierig \\(team Meldteam\\)" \
    "whom by name, with the team"
like "$log" "$ref" "about which report, by reference"
like "$log" "verstuurd" "what was sent"
like "$log" "mislukt" "what failed"
like "$log" "the user is disabled" "and why"
like "$log" "exited with status 75" "and sendmail's reason"
unlike "$log" "@voorbeeld\\.nl|notice@" "never an address"
is "$(audit_count maillog-bekijken cor)" 1 "the view is audited"
total=$(sql "SELECT COUNT(*) FROM mail_outbox")
like "$log" "$total in totaal" "the count equals SQL's"
rows=$(grep -c '<tr class="mail-' "$HTTP_BODY")
is "$rows" "$((total < 50 ? total : 50))" "at most 50 a page"
dash_as cor GET "/maillog?status=failed"
is "$HTTP_STATUS" 200 "filtered by status"
is "$(grep -c '<tr class="mail-' "$HTTP_BODY")" \
    "$(sql "SELECT LEAST(COUNT(*), 50) FROM mail_outbox WHERE status = 'failed'")" \
    "as many rows as SQL has failed"
is "$(grep -c '<tr class="mail-sent' "$HTTP_BODY")" 0 "and no sent one"
dash_as cor GET "/maillog?soort=digest"
is "$(grep -c '<tr class="mail-' "$HTTP_BODY")" \
    "$(sql "SELECT LEAST(COUNT(*), 50) FROM mail_outbox WHERE kind = 'digest'")" \
    "filtered by kind"
like "$(http_body)" "dag $today" "a digest names its day"
dash_as cor GET "/maillog?soort=%3Cscript%3E"
is "$HTTP_STATUS" 400 "an unknown kind is refused"
unlike "$(http_body)" '<script>' "and not echoed"
# Paging: enough rows for a second page.
sql "INSERT INTO mail_outbox (kind, report_id, user_id, status,
    created_at, next_try_at, sent_at) SELECT 'assigned', $id, $nanda,
    'sent', UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP()
    FROM seq_1_to_60" 2>/dev/null ||
    for k in $(seq 60); do sql "INSERT INTO mail_outbox (kind, report_id,
    user_id, status, created_at, next_try_at, sent_at) VALUES
    ('assigned', $id, $nanda, 'sent', UTC_TIMESTAMP(), UTC_TIMESTAMP(),
    UTC_TIMESTAMP())"; done
dash_as cor GET "/maillog?soort=assigned"
is "$(grep -c '<tr class="mail-' "$HTTP_BODY")" 50 "a full page has 50"
like "$(http_body)" 'rel="next" href="/dashboard/maillog\?status=&amp;soort=assigned&amp;pagina=2"' \
    "and a link to the next page, keeping the filter"
dash_as cor GET "/maillog?soort=assigned&pagina=2"
is "$(grep -c '<tr class="mail-' "$HTTP_BODY")" \
    "$(sql "SELECT LEAST(COUNT(*) - 50, 50) FROM mail_outbox
    WHERE kind = 'assigned'")" "the second page has the rest"
like "$(http_body)" 'rel="prev"' "and a link back"
