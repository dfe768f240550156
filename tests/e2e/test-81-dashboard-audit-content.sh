# test-81-dashboard-audit-content.sh -- the audit log holds no report
# content (issue 10, finding 2): an edit, a closing with a reason, a
# note, a message to the reporter, an attachment download and an
# export with a search text, each carrying a marker, leave no marker in
# audit_log (its rows, and the audit page as the auditor sees it),
# while every entry still says who did what to which report, naming
# the field or the event in the history -- where the values stay, for
# those who may see the report.  Audit entries of an older version are
# cut back by migration 011.

. "$top_srcdir/tests/e2e/dash.sh"
. "$top_srcdir/tests/e2e/mail.sh"
dash_fixtures
noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")

M_OLD=Qmarkoudwaarde
M_NEW=Qmarknieuwewaarde
M_REASON=Qmarkredenafronden
M_NOTE=Qmarknotitietekst
M_MSG=Qmarkberichtmelder
M_FILE=Qmarkbestandsnaam
M_SEARCH=Qmarkzoektekst
markers="$M_OLD|$M_NEW|$M_REASON|$M_NOTE|$M_MSG|$M_FILE|$M_SEARCH"
in_audit()
{
	sql "SELECT COUNT(*) FROM audit_log WHERE CONCAT_WS(' ', username,
	    action, object_type, client_addr, detail) REGEXP '$markers'"
}
last()
{
	sql "SELECT CONCAT_WS(' ', username, NULLIF(object_type, ''), object_id,
	    detail)
	    FROM audit_log WHERE action = '$1' ORDER BY id DESC LIMIT 1"
}

# A report of team Noord through the intake, its words with a marker.
ref=$(mail_report "")
n=$(report_id "$ref")
sql "UPDATE report SET team_id = $noord, description = CONCAT(
    'Busje bij de loods $M_OLD ', description) WHERE id = $n"
is "$(in_audit)" 0 "no marker in the audit log to start with"

dash_post hanna "/melding/$n" actie=oppakken "versie=$(dash_version "$n")"
is "$HTTP_STATUS" 303 "hanna takes the report"
dash_post hanna "/melding/$n" actie=wijzigen veld=omschrijving \
    "waarde=Busje bij de loods $M_NEW" "versie=$(dash_version "$n")"
is "$HTTP_STATUS" 303 "hanna corrects the description"
ev=$(sql "SELECT MAX(id) FROM event WHERE report_id = $n
    AND kind = 'gewijzigd'")
is "$(last wijzigen)" "hanna melding $n veld: omschrijving; gebeurtenis $ev" \
    "the entry names who, the report, the field and the history event"
like "$(sql "SELECT detail FROM event WHERE id = $ev")" \
    "was: Busje bij de loods $M_OLD.*nu: Busje bij de loods $M_NEW" \
    "the history keeps the old and the new value"

dash_post hanna "/melding/$n" actie=notitie "tekst=Let op $M_NOTE"
dash_post hanna "/melding/$n" actie=bericht "tekst=Vraag $M_MSG"
is "$(last notitie)" "hanna melding $n gebeurtenis $(sql "SELECT MAX(id)
    FROM event WHERE report_id = $n AND kind = 'notitie'")" \
    "a note is audited by its event"

dash_post hanna "/melding/$n" actie=status naar=afgerond reden=opgelost \
    "toelichting=Afgerond omdat $M_REASON" "versie=$(dash_version "$n")"
is "$HTTP_STATUS" 303 "hanna closes it with a reason"
ev=$(sql "SELECT MAX(id) FROM event WHERE report_id = $n AND kind = 'status'")
is "$(last status)" "hanna melding $n in behandeling -> afgerond; reden in de geschiedenis; gebeurtenis $ev" \
    "the entry names the statuses and the event, not the reason"
like "$(sql "SELECT detail FROM event WHERE id = $ev")" "$M_REASON" \
    "the history keeps the reason"

sql "INSERT INTO attachment (report_id, filename, mime, size, sha256, data)
    VALUES ($n, 'foto $M_FILE.png', 'image/png', 4,
    UNHEX(SHA2('q', 256)), 'PNG!')"
att=$(sql "SELECT MAX(id) FROM attachment WHERE report_id = $n")
dash_as hanna GET "/melding/$n/bijlage/$att"
is "$HTTP_STATUS" 200 "hanna downloads an attachment"
is "$(last 'bijlage downloaden')" "hanna bijlage $att melding $n" \
    "the entry names the attachment and its report, not the file name"

dash_as cor GET "/export?q=$M_SEARCH&status=afgerond"
is "$HTTP_STATUS" 200 "cor exports with a search text"
is "$(last 'export csv')" "cor filter: status=afgerond; met zoektekst" \
    "the entry names the filters and that there was a search, not its text"

is "$(in_audit)" 0 "no marker anywhere in the audit log"

# The audit page as the auditor sees it.
dash_as aud GET /audit
is "$HTTP_STATUS" 200 "the auditor opens the audit log"
unlike "$(http_body)" "$markers" "no marker on its page"
like "$(http_body)" "veld: omschrijving; gebeurtenis" \
    "which shows the field of the edit"
dash_as aud GET "/audit?melding=$n"
unlike "$(http_body)" "$markers" "nor on the report's entries"
like "$(http_body)" "melding $n" "which name the report"
for a in oppakken wijzigen notitie bericht status; do
	is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = '$a'
	    AND object_type = 'melding' AND object_id = $n
	    AND username = 'hanna'")" 1 "hanna's $a of the report is audited"
done

# The values are on the report's page, for those who may see it.
dash_as hanna GET "/melding/$n"
like "$(http_body)" "$M_OLD" "hanna's report page shows the old value"
like "$(http_body)" "$M_REASON" "and the reason for closing"

# ---------------------------------------------------------------------
# Migration 011 cuts the content out of entries written before it: a
# second database migrated to 010, given old entries, then to 011.
db2=meldpunt_m011
mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -e \
    "DROP DATABASE IF EXISTS $db2; CREATE DATABASE $db2
    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
sql010=$E2E_TEST_DIR/sql010
rm -rf "$sql010"
mkdir -p "$sql010"
for f in "$top_srcdir"/sql/0*.sql; do
	case $(basename "$f") in
	01[1-9]_*|0[2-9][0-9]_*) ;;
	*) cp "$f" "$sql010/" ;;
	esac
done
conf2=$E2E_TEST_DIR/m011.hdf
cp "$E2E_CONF" "$conf2"
printf 'db.name = %s\npaths.sql = %s\n' "$db2" "$sql010" >>"$conf2"
"$top_builddir/meldpuntctl" -c "$conf2" migrate >/dev/null 2>&1
is "$?" 0 "a second database is migrated up to 010"
sql2() {
	mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -N -B \
	    --default-character-set=utf8mb4 "$db2" -e "$1"
}
sql2 "INSERT INTO report (id, channel, audience_id, signal_type_id,
    description, observed_date, involved_people, involved_companies,
    involved_vehicles, anonymous, received_at)
    SELECT 7, 'web', MIN(a.id), MIN(s.id), 'x', '2025-01-01', '', '', '',
    1, '2025-01-01' FROM audience a, signal_type s;
    INSERT INTO attachment (id, report_id, filename, mime, size, sha256,
    data) VALUES (5, 7, 'f $M_FILE.png', 'image/png', 1,
    UNHEX(SHA2('q', 256)), 'x')"
sql2 "INSERT INTO audit_log (at, username, action, object_type, object_id,
    detail) VALUES
    (NOW(), 'h', 'wijzigen', 'melding', 7,
     'Omschrijving gewijzigd; was: $M_OLD; nu: $M_NEW'),
    (NOW(), 'h', 'status', 'melding', 7,
     'in behandeling -> afgerond; reden: $M_REASON'),
    (NOW(), 'h', 'bijlage downloaden', 'bijlage', 5, 'f $M_FILE.png'),
    (NOW(), 'c', 'export csv', '', NULL, 'filter: soort=3&q=$M_SEARCH'),
    (NOW(), 'c', 'export csv', '', NULL, 'filter: q=$M_SEARCH'),
    (NOW(), 'c', 'export csv', '', NULL, 'filter: kanaal=web')"
printf 'paths.sql = %s/sql\n' "$top_srcdir" >>"$conf2"
"$top_builddir/meldpuntctl" -c "$conf2" migrate >/dev/null 2>&1
is "$?" 0 "and then to 011"
is "$(sql2 "SELECT COUNT(*) FROM audit_log WHERE detail REGEXP
    '$markers'")" 0 "no marker is left in the old entries"
is "$(sql2 "SELECT GROUP_CONCAT(detail ORDER BY id SEPARATOR ' | ')
    FROM audit_log")" \
    "veld: Omschrijving | in behandeling -> afgerond; reden in de geschiedenis | melding 7 | filter: soort=3; met zoektekst | filter: geen; met zoektekst | filter: kanaal=web" \
    "each keeps what the new code writes: the field, the event, the filters"
mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -e "DROP DATABASE $db2"
