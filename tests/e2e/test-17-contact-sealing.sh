# test-17-contact-sealing.sh -- reporter contact details are sealed to
# the contact public key at intake: the public programs cannot read
# them, the dashboard (identity right) can; rows of the old symmetric
# scheme are re-sealed by "meldpuntctl contact-migrate".

. "$top_srcdir/tests/e2e/intake.sh"
. "$top_srcdir/tests/e2e/dash.sh"
intake_catalog
dash_fixtures

# Key files as the harness lays them out.
is "$(stat -c %a "$E2E_CPRIV")" 600 "the private contact key file is 0600"
ok '[ -s "$E2E_CPUB" ]' "the public contact key file exists"
unlike "$(cat "$E2E_CPUB")" "$(head -c 64 "$E2E_CPRIV")" \
    "the public file does not hold the private key"

# A report through the form, with contact details.
report_fields /melden/medewerkers
set_field report-signal-type witwassen
set_field report-description "Verdachte geldstromen bij een wasserette."
set_contact "Sara Zegel" "sara.zegel@voorbeeld.nl" "06 11223344"
post_report /melden/medewerkers
is "$HTTP_STATUS" 200 "the report with contact details is accepted"
ref=$(receipt_ref)
id=$(sql "SELECT id FROM report WHERE reference = '$ref'")
is "$(sql "SELECT CONCAT(ASCII(name_enc), ASCII(email_enc), ASCII(phone_enc))
    FROM reporter_contact WHERE report_id = $id")" 222 \
    "name, e-mail and phone are sealed to the public key (version 2)"
is "$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id = $id
    AND INSTR(email_enc, 'zegel') > 0")" 0 "not in the clear"
kid=$(sed -n '/^[0-9a-f]/{p;q}' "$E2E_CPUB")
ok '[ -n "$kid" ]' "the public file holds a key"

# The dashboard, with the identity right, opens them.
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $id" >/dev/null
dash_as cor GET "/melding/$id"
is "$HTTP_STATUS" 200 "the coordinator opens the report"
like "$(http_body)" 'sara\.zegel@voorbeeld\.nl' "and reads the e-mail address"
like "$(http_body)" 'Sara Zegel' "and the name"

# Legacy rows: a configuration without contact keys seals the old way.
legacy=$E2E_TEST_DIR/legacy.hdf
grep -v '^crypto.contact_' "$E2E_CONF" >"$legacy"
before=$(sql "SELECT COALESCE(MAX(report_id), 0) FROM reporter_contact")
"$top_builddir/meldpuntctl" -c "$legacy" seed-demo --reports 40 --seed 17 \
    >"$E2E_TEST_DIR/seed.log" 2>&1
n=$(sql "SELECT COUNT(*) FROM reporter_contact WHERE report_id > $before
    AND (ASCII(name_enc) = 1 OR ASCII(email_enc) = 1 OR ASCII(phone_enc) = 1)")
ok '[ "$n" -gt 0 ]' "rows of the old scheme exist ($n)"
out=$(mp_ctl contact-migrate 2>&1)
like "$out" "re-sealed $n contact row" "contact-migrate re-seals them, with a count"
is "$(sql "SELECT COUNT(*) FROM reporter_contact
    WHERE ASCII(name_enc) = 1 OR ASCII(email_enc) = 1 OR ASCII(phone_enc) = 1")" \
    0 "no old boxes are left"
like "$(mp_ctl contact-migrate 2>&1)" 're-sealed 0 contact row' \
    "a second run changes nothing"
lid=$(sql "SELECT report_id FROM reporter_contact WHERE report_id > $before
    AND email_enc IS NOT NULL ORDER BY report_id LIMIT 1")
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $lid" >/dev/null
dash_as cor GET "/melding/$lid"
is "$HTTP_STATUS" 200 "a migrated report opens"
unlike "$(http_body)" 'niet te lezen' "its contact details open after migration"

# Rotation: a new pair; the old private key stays for the old rows.
like "$(mp_ctl contact-key rotate 2>&1)" 'new contact key' "contact-key rotate"
is "$(grep -c '^[0-9a-f]' "$E2E_CPRIV")" 2 "the private file keeps both keys"
is "$(grep -c '^[0-9a-f]' "$E2E_CPUB")" 1 "the public file holds the new key only"
# Programs read the keys at start; the migrate command reads them now
# and opens the old rows with the old key, seals nothing new.
like "$(mp_ctl contact-migrate 2>&1)" 're-sealed 0 contact row' \
    "after rotation, old rows still open (nothing to re-seal)"
