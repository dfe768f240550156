# test-84-dashboard-links.sh -- a report's subjects and links (issue
# 13): subjects added, confirmed and removed with their events and
# audit rows; "Verbanden" through a shared subject, only with confirmed
# links, with need-to-know across teams; same case, unrelated and
# duplicate; the subject page; hostile and bad input.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

# Two reports of Noord (odd ids) and one of Zuid.
r1=$(sql "SELECT MIN(id) FROM report WHERE id % 2 = 1")
r2=$(sql "SELECT MIN(id) FROM report WHERE id % 2 = 1 AND id > $r1")
z=$(sql "SELECT MIN(r.id) FROM report r JOIN team t ON t.id = r.team_id
    WHERE t.name = 'Zuid' AND r.id NOT IN ($r1, $r2)")
# Earlier tests move reports between teams: put r1 and r2 in Noord here
# and back at the end.
teams_before=$(sql "SELECT CONCAT('UPDATE report SET team_id = ',
    COALESCE(team_id, 'NULL'), ' WHERE id = ', id, ';') FROM report
    WHERE id IN ($r1, $r2)")
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name =
    'Noord') WHERE id IN ($r1, $r2)"
# Reports stored through the intake have subjects of their own: start
# these three from none, so that every count below is this test's.
sql "DELETE FROM report_subject WHERE report_id IN ($r1, $r2, $z)"
ref() { sql "SELECT reference FROM report WHERE id = $1"; }
ref1=$(ref "$r1") ref2=$(ref "$r2") refz=$(ref "$z")
page() { dash_as "$1" GET "/melding/$2" >/dev/null; http_body; }
text1=$(sql "SELECT MD5(CONCAT_WS('|', description, street, house_number,
    postcode, city, involved_people, involved_companies,
    involved_vehicles)) FROM report WHERE id = $r1")
nsubj() { sql "SELECT COUNT(*) FROM report_subject WHERE report_id = $1"; }

# Two reports about one address, written differently, link.
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=adres \
    "waarde=9753 ab 12"
is "$HTTP_STATUS" 303 "a handler adds an address to a report"
dash_post hanna "/melding/$r2/onderwerpen" actie=toevoegen soort=adres \
    "waarde=9753AB12"
is "$HTTP_STATUS" 303 "and the same address, written otherwise, to another"
sid=$(sql "SELECT id FROM subject WHERE kind = 1 AND norm = '9753AB 12'")
is "$(sql "SELECT COUNT(*) FROM report_subject WHERE subject_id = '$sid'
    AND report_id IN ($r1, $r2) AND confirmed = 1 AND source = 3")" 2 \
    "both link one subject, confirmed, added by a handler"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $r1 AND kind =
    'onderwerp toegevoegd'")" 1 "adding is in the history"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'onderwerp toevoegen' AND object_id = $r1 AND detail LIKE
    'onderwerp $sid;%'")" 1 "and audited by the subject's id"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%9753%'")" 0 \
    "the audit log never holds the subject's value"
body=$(page hanna "$r1")
like "$body" "melding/$r2\">$ref2</a>" "Verbanden shows the other report"

# A Zuid report on the same address: Noord sees that it exists, not what.
dash_post cor "/melding/$z/onderwerpen" actie=toevoegen soort=adres \
    "waarde=9753 AB 12"
is "$HTTP_STATUS" 303 "a coordinator adds the address to a Zuid report"
body=$(page hanna "$r1")
like "$body" 'melding in een ander team' \
    "a Noord handler sees that a Zuid report is linked"
unlike "$body" "$refz" "but not its reference"
like "$body" 'Vraag het een coördinator \(Cor Coördinator' \
    "and whom to ask: the coordinators"
unlike "$body" "melding/$z\"" "nor a link to it"
like "$(page cor "$r1")" "melding/$z\">$refz</a>" "a coordinator sees all"

# A nearby address: same postcode, other number.
dash_post hanna "/melding/$r2/onderwerpen" actie=toevoegen soort=adres \
    "waarde=9753 AB 14"
like "$(page hanna "$r1")" 'In de buurt' "a nearby address is shown as such"

# A proposal (recognised in the text) links only once confirmed.
sql "INSERT INTO subject (kind, norm, display, created_at) VALUES
    (4, '34XYZ5', '34-XYZ-5', UTC_TIMESTAMP())"
pid=$(sql "SELECT id FROM subject WHERE kind = 4 AND norm = '34XYZ5'")
sql "INSERT INTO report_subject (report_id, subject_id, source, confirmed,
    created_at) VALUES ($r1, $pid, 2, 0, UTC_TIMESTAMP()),
    ($r2, $pid, 2, 1, UTC_TIMESTAMP())"
body=$(page hanna "$r1")
like "$body" 'voorstel, nog niet bevestigd' "a proposal is marked as such"
unlike "$body" "kenteken: <a href=\"[^\"]*\">34-XYZ-5</a></h3>" \
    "and makes no link yet"
dash_post hanna "/melding/$r1/onderwerpen" actie=bevestigen "onderwerp=$pid"
is "$HTTP_STATUS" 303 "a handler confirms the proposal"
like "$(page hanna "$r1")" "kenteken: <a href=\"[^\"]*\">34-XYZ-5</a></h3>" \
    "and then it links"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $r1 AND kind =
    'onderwerp bevestigd'")" 1 "confirming is in the history"
dash_post hanna "/melding/$r1/onderwerpen" actie=bevestigen "onderwerp=$pid"
is "$HTTP_STATUS" 400 "confirming twice is refused"

# Edit = remove + add; remove.
dash_post hanna "/melding/$r1/onderwerpen" actie=wijzigen "onderwerp=$pid" \
    soort=kenteken "waarde=99-XX-11"
is "$HTTP_STATUS" 303 "a subject is edited"
is "$(sql "SELECT COUNT(*) FROM report_subject rs JOIN subject s ON
    s.id = rs.subject_id WHERE rs.report_id = $r1 AND s.norm IN
    ('34XYZ5', '99XX11')")" 1 "into the new value, the old one gone"
nid=$(sql "SELECT id FROM subject WHERE kind = 4 AND norm = '99XX11'")
dash_post hanna "/melding/$r1/onderwerpen" actie=verwijderen "onderwerp=$nid"
is "$HTTP_STATUS" 303 "a subject is removed"
is "$(sql "SELECT COUNT(*) FROM subject WHERE id = $nid")" 0 \
    "and the subject no report names any more is gone"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $r1 AND kind IN
    ('onderwerp gewijzigd', 'onderwerp verwijderd')")" 2 \
    "both in the history"
is "$(sql "SELECT MD5(CONCAT_WS('|', description, street, house_number,
    postcode, city, involved_people, involved_companies,
    involved_vehicles)) FROM report WHERE id = $r1")" "$text1" \
    "the report's own text is never touched"

# XSS in a subject's value is shown escaped.
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=bedrijf \
    'waarde=<script>alert(1)</script> Bouw B.V.'
is "$HTTP_STATUS" 303 "a company with markup in its name is stored"
body=$(page hanna "$r1")
unlike "$body" '<script>alert' "and never shown as markup"
like "$body" '&lt;script&gt;alert' "but escaped"

# Bad input: clear errors, nothing written.
n=$(nsubj "$r1")
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=raket \
    waarde=x
is "$HTTP_STATUS" 400 "an unknown kind is refused"
like "$(http_body)" 'Kies een soort onderwerp' "with a clear message"
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=kenteken \
    "waarde=geen kenteken"
is "$HTTP_STATUS" 400 "an invalid value is refused"
like "$(http_body)" 'id="onderwerp-fout"' "with the error at its field"
like "$(http_body)" 'aria-invalid="true"' "marked invalid"
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=iban \
    "waarde=NL91ABNA0417164301"
is "$HTTP_STATUS" 400 "an IBAN with a wrong check digit is refused"
dash_post hanna "/melding/$z/onderwerpen" actie=toevoegen soort=adres \
    "waarde=9753 AB 16"
is "$HTTP_STATUS" 404 "another team's report cannot be changed"
dash_post hanna "/melding/$r1/onderwerpen" actie=verwijderen onderwerp=999999
is "$HTTP_STATUS" 400 "a subject not of the report is refused"
tok=$(dash_csrf hanna)
dash_as hanna POST "/melding/$r1/onderwerpen" --data-urlencode actie=toevoegen \
    --data-urlencode soort=adres --data-urlencode "waarde=9753 AB 18" \
    >/dev/null
isnt "$HTTP_STATUS" 303 "a POST without the CSRF token is refused"
is "$(nsubj "$r1")" "$n" "and no refused change wrote a link"

# The subject page.
dash_as hanna GET "/onderwerp/$sid" >/dev/null
is "$HTTP_STATUS" 200 "the subject page answers"
body=$(http_body)
like "$body" "$ref2" "it lists the reports the user may see"
like "$body" 'Daarnaast 1 melding' \
    "and counts the others without content"
unlike "$body" "$refz" "no reference of another team's report"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'onderwerp bekijken' AND object_id = $sid AND username = 'hanna'")" 1 \
    "viewing it is audited by the subject's id"
dash_as hanna GET /onderwerp/999999 >/dev/null
is "$HTTP_STATUS" 404 "an unknown subject is a clear 404"

# Same case, unrelated, duplicate.
events() { sql "SELECT COUNT(*) FROM event WHERE report_id = $1 AND
    kind = '$2'"; }
dash_post hanna "/melding/$r1/verband" soort=zelfde "ander=$ref2" \
    "reden=Zelfde pand"
is "$HTTP_STATUS" 303 "two reports are marked the same case"
is "$(events "$r1" 'verband: zelfde zaak')$(events "$r2" \
    'verband: zelfde zaak')" 11 "an event on both reports"
is "$(audit_count verband hanna "$r1")" 1 "and an audit row"
dash_post hanna "/melding/$r1/verband" soort=zelfde "ander=$z" reden=x
is "$HTTP_STATUS" 400 "a report of another team cannot be linked"
like "$(http_body)" 'geen toegang' "with a clear message"
dash_post hanna "/melding/$r1/verband" soort=zelfde "ander=$refz" reden=x
is "$HTTP_STATUS" 400 "not by its reference either"
like "$(http_body)" 'die u mag zien' "with a clear message"
dash_post hanna "/melding/$r1/verband" soort=zelfde "ander=$r2" "reden= "
is "$HTTP_STATUS" 400 "a reason is required"
dash_post hanna "/melding/$r1/verband" soort=vaag "ander=$r2" reden=x
is "$HTTP_STATUS" 400 "an unknown decision is refused"
is "$(sql "SELECT COUNT(*) FROM report_link")" 1 \
    "and no refused decision wrote a row"
dash_post hanna "/melding/$r1/verband" soort=los "ander=$r2" \
    "reden=Ander bedrijf"
is "$HTTP_STATUS" 303 "two reports are marked unrelated"
unlike "$(page hanna "$r1")" "melding/$r2\">$ref2</a> &middot;" \
    "and are hidden from each other's Verbanden"
is "$(events "$r2" 'verband: geen verband')" 1 "an event on the other"
sql "UPDATE report SET status = 'in behandeling', closed_at = NULL,
    closed_reason = NULL WHERE id = $r2"
msgs=$(sql "SELECT COUNT(*) FROM message WHERE report_id = $r2")
dash_post hanna "/melding/$r2/verband" soort=dubbel "ander=$r1" \
    "reden=Zelfde melder, zelfde dag"
is "$HTTP_STATUS" 303 "a report is marked a duplicate"
is "$(sql "SELECT status FROM report WHERE id = $r2")" afgerond \
    "and closes through the workflow"
like "$(sql "SELECT closed_reason FROM report WHERE id = $r2")" \
    "dubbel van $ref1" "with a pointer to the other"
is "$(sql "SELECT duplicate_id FROM report_link WHERE report_a =
    LEAST($r1, $r2) AND report_b = GREATEST($r1, $r2)")" "$r2" \
    "the link row names the duplicate"
is "$(sql "SELECT COUNT(*) FROM message WHERE report_id = $r2")" "$msgs" \
    "the reporter gets no automatic message"
is "$(events "$r1" 'verband: dubbel')$(events "$r2" 'verband: dubbel')" 11 \
    "an event on both reports"
dash_post hanna "/melding/$r2/verband" soort=dubbel "ander=$r1" reden=nog
is "$HTTP_STATUS" 400 "a closed report cannot close again as a duplicate"

# A decision about a report that went to another team keeps its words
# there: the reason may tell of that report.
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Zuid')
    WHERE id = $r2"
# (r1's own history keeps what was written then: it is r1's.)
body=$(page hanna "$r1" | sed -n '/<ul id="decisions">/,/<\/ul>/p')
unlike "$body" 'Zelfde melder' \
    "a decision's reason is not shown when the other report is out of sight"
unlike "$body" "$ref2" "nor the other's reference"
like "$body" 'een melding in een ander team \(vraag het een coördinator' \
    "only that it exists, and whom to ask"
# Verbanden reads the team from the link's copy (sql/035): it follows
# the move in the same transaction.
body=$(page hanna "$r1")
unlike "$body" "melding/$r2\"" "Verbanden no longer links to the moved report"
like "$(page cor "$r1")" "melding/$r2\">$ref2</a>" \
    "a coordinator still sees it"

# The cut-off at subject.max_per_report, and the configured maximum.
cut_before=$(sql "SELECT subjects_cut FROM report WHERE id = $r1")
sql "UPDATE report SET subjects_cut = 0 WHERE id = $r1"
unlike "$(page hanna "$r1")" 'id="subjects-cut"' \
    "a report that was not cut off shows no notice"
sql "UPDATE report SET subjects_cut = 1 WHERE id = $r1"
like "$(page hanna "$r1")" 'Er stonden meer mogelijke onderwerpen in de tekst dan er getoond worden \(maximaal 50\)' \
    "a report whose subjects were cut off says so, with the maximum"
conf_set subject.max_per_report 3
restart_programs
for p in 12-ABC-3 34-XYZ-5 56-KLM-7; do
	[ "$(nsubj "$r1")" -ge 3 ] && break
	dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen \
	    soort=kenteken "waarde=$p"
done
is "$(nsubj "$r1")" 3 "a report takes subjects up to the configured 3"
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=kenteken \
    "waarde=78-PQR-9"
is "$HTTP_STATUS" 400 "a fourth is refused at subject.max_per_report 3"
like "$(http_body)" 'grootste aantal onderwerpen \(3\)' \
    "with the configured maximum in the message"
is "$(nsubj "$r1")" 3 "and not linked"
body=$(page hanna "$r1")
like "$body" 'Ten hoogste 3 onderwerpen per melding' \
    "the form names the configured maximum"
like "$body" 'getoond worden \(maximaal 3\)' "and so does the notice"
sql "UPDATE report SET subjects_cut = $cut_before WHERE id = $r1"
conf_reset
restart_programs

# An edit of the address or free text re-indexes the report.
fields_before=$(sql "SELECT CONCAT('UPDATE report SET street = ',
    QUOTE(street), ', house_number = ', QUOTE(house_number),
    ', postcode = ', QUOTE(postcode), ', city = ', QUOTE(city),
    ', description = ', QUOTE(description), ', involved_people = ',
    QUOTE(involved_people), ', involved_companies = ',
    QUOTE(involved_companies), ', involved_vehicles = ',
    QUOTE(involved_vehicles), ' WHERE id = ', id, ';') FROM report
    WHERE id = $r1")
sql "UPDATE report SET street = 'Molenweg', house_number = '3',
    postcode = '9753 AC', city = 'Voorbeeld', involved_people = '',
    involved_companies = '', involved_vehicles = '' WHERE id = $r1"
# Without the links the system made from the old fields (set by SQL,
# not re-indexed), so that the counts below are the edit's.
sql "DELETE FROM report_subject WHERE report_id = $r1 AND (source = 1
    OR (source = 2 AND confirmed = 0))"
# link KIND NORM: "source|confirmed" of r1's link, or "".
link() { sql "SELECT CONCAT(rs.source, '|', rs.confirmed)
    FROM report_subject rs JOIN subject s ON s.id = rs.subject_id
    WHERE rs.report_id = $r1 AND s.kind = $1 AND s.norm = '$2'"; }
handler_links=$(sql "SELECT COUNT(*) FROM report_subject WHERE
    report_id = $r1 AND source = 3")
edit() {
	dash_post hanna "/melding/$r1" actie=wijzigen "veld=$1" "waarde=$2" \
	    "versie=$(dash_version "$r1")"
}
edit omschrijving "Busje met kenteken 13-BCD-4 bij de loods."
is "$HTTP_STATUS" 303 "a handler edits the description"
is "$(link 1 '9753AC 3')" '1|1' "the structured address is linked, confirmed"
is "$(link 4 '13BCD4')" '2|0' "a plate in the new text is a proposal"
is "$(sql "SELECT COUNT(*) FROM event WHERE report_id = $r1 AND kind =
    'onderwerpen bijgewerkt' AND detail LIKE
    'na wijziging van Omschrijving; nieuw: %13-BCD-4%'")" 1 \
    "the re-index is in the history, with what it found"
ev=$(sql "SELECT MAX(id) FROM event WHERE report_id = $r1 AND kind =
    'onderwerpen bijgewerkt'")
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action =
    'onderwerpen bijwerken' AND object_id = $r1 AND username = 'hanna'
    AND detail = 'nieuw 2, vervallen 0; gebeurtenis $ev'")" 1 \
    "and audited by counts and the event's id"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%13-BCD%'
    OR detail LIKE '%13BCD%' OR detail LIKE '%9753 AC%'
    OR detail LIKE '%Molenweg%'")" 0 "without any value"
is "$(sql "SELECT subjects_at IS NOT NULL FROM report WHERE id = $r1")" 1 \
    "the report is marked indexed again"
edit huisnummer 5
is "$HTTP_STATUS" 303 "a handler corrects the house number"
is "$(link 1 '9753AC 5')" '1|1' "the structured link follows the new address"
is "$(link 1 '9753AC 3')" '' "the old one goes"
is "$(sql "SELECT COUNT(*) FROM subject WHERE kind = 1
    AND norm = '9753AC 3'")" 0 "and with it the subject no report names"
is "$(link 4 '13BCD4')" '2|0' "the proposal still in the text stays"
is "$(sql "SELECT COUNT(*) FROM report_subject WHERE report_id = $r1
    AND source = 3")" "$handler_links" "what handlers added stays"
pid=$(sql "SELECT id FROM subject WHERE kind = 4 AND norm = '13BCD4'")
dash_post hanna "/melding/$r1/onderwerpen" actie=bevestigen "onderwerp=$pid"
edit omschrijving "Busje bij de loods, kenteken onbekend."
is "$(link 4 '13BCD4')" '2|1' \
    "a confirmed subject stays when the text no longer holds it"
# A handler who adds the structured address by hand keeps it.
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=adres \
    "waarde=9753 AC 5"
is "$(link 1 '9753AC 5')" '3|1' "the address added by hand is the handler's"
edit huisnummer 7
is "$(link 1 '9753AC 5')$(link 1 '9753AC 7')" '3|11|1' \
    "it stays beside the new structured address"

# A proposal a handler removed is not proposed again.
refused() { sql "SELECT COUNT(*) FROM report_subject_refused
    WHERE report_id = $r1 AND kind = 4 AND norm = '24CDE5'"; }
edit omschrijving "Busje 24-CDE-5 bij de loods."
is "$(link 4 '24CDE5')" '2|0' "a new plate in the text is proposed"
pid=$(sql "SELECT id FROM subject WHERE kind = 4 AND norm = '24CDE5'")
dash_post hanna "/melding/$r1/onderwerpen" actie=verwijderen "onderwerp=$pid"
is "$HTTP_STATUS" 303 "a handler removes the proposal"
is "$(refused)" 1 "the refusal is remembered"
edit omschrijving "Busje 24-CDE-5 bij de loods, weer gezien."
is "$HTTP_STATUS" 303 "the description is edited again"
is "$(link 4 '24CDE5')" '' "a re-index does not propose it again"
out=$(mp_ctl subjects rebuild --all --after $((r1 - 1)) --limit 1 2>&1)
like "$out" 'done: 1 reports' "rebuild --all indexes the report"
is "$(link 4 '24CDE5')" '' "and does not propose it again either"
dash_post hanna "/melding/$r1/onderwerpen" actie=toevoegen soort=kenteken \
    "waarde=24CDE5"
is "$HTTP_STATUS" 303 "a handler can still add it by hand"
is "$(link 4 '24CDE5')" '3|1' "then it is linked"
is "$(refused)" 0 "and the refusal is gone"

sql "$fields_before"
sql "$teams_before"
