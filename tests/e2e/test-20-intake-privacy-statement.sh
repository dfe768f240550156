# test-20-intake-privacy-statement.sh -- telling reporters (issue 15):
# the privacy statement at /melden/privacy with its built-in Dutch
# text, each section replaceable from the configuration (and escaped);
# linked from every public form, the receipt, the follow-up's sign-in
# and thread, and every mail to a reporter; anonymous after typing
# contact details asks which is meant, keeping what was typed.

. "$top_srcdir/tests/e2e/feedback.sh"
. "$top_srcdir/tests/e2e/mail.sh"
dash_fixtures
intake_catalog

link='href="/melden/privacy"'

# --- The page -------------------------------------------------------------
iget /melden/privacy
is "$HTTP_STATUS" 200 "the privacy statement is served by the intake"
like "$(http_header Content-Type)" '^text/html' "as HTML"
body=$(http_body)
like "$body" '<h1>Privacyverklaring</h1>' "with its title"
for h in 'Wat wij bewaren' 'Hoe lang wij het bewaren' 'Wie uw melding ziet' \
    'Met wie wij uw melding kunnen delen' 'Anoniem melden' \
    "Foto(&#39;|')s en documenten" 'Uw rechten'; do
	like "$body" "<h2 id=\"[a-z]*\">$h</h2>" "it has the section \"$h\""
done
like "$body" 'De gemeente bepaalt hoe lang wij uw gegevens bewaren' \
    "the terms are the municipality's"
like "$body" 'id="term-identiteit">6 maanden<' \
    "it gives the identity term as configured (default 6 months)"
like "$body" 'id="term-inhoud">5 jaar<' "the content term (5 years)"
like "$body" 'id="term-ongegrond">1 jaar<' "the unfounded term (12 months)"
like "$body" 'Uw naam en contactgegevens geven wij nooit aan partners' \
    "it says identity is never shared"
like "$body" 'zonder dat wij weten wie u bent' "it explains anonymity"
like "$body" 'Autoriteit Persoonsgegevens' "it names the regulator"
http_head /melden/privacy --interface "$INTAKE_ADDR"
is "$HTTP_STATUS" 200 "HEAD works too"

# --- Configured per instance -----------------------------------------------
# The terms follow the retention configuration (lib/retention.c).
conf_set retention.identity_months 1
conf_set retention.content_years 2
conf_set retention.unfounded_months 9
restart_intake
iget /melden/privacy
body=$(http_body)
like "$body" 'id="term-identiteit">1 maand<' "a configured identity term"
like "$body" 'id="term-inhoud">2 jaar<' "a configured content term"
like "$body" 'id="term-ongegrond">9 maanden<' "a configured unfounded term"
conf_set privacy.terms.text 'Contactgegevens: 6 maanden na afsluiten. <b>vet</b>'
conf_set privacy.rights.text 'Mail fg@gemeente.example.'
restart_intake
iget /melden/privacy
body=$(http_body)
like "$body" 'Contactgegevens: 6 maanden na afsluiten. &lt;b&gt;vet&lt;/b&gt;' \
    "a configured section replaces the built-in text, escaped"
unlike "$body" 'De gemeente bepaalt hoe lang' "the built-in terms are gone"
like "$body" 'Mail fg@gemeente.example.' "another section too"
like "$body" 'Wie uw melding ziet' "the other sections keep their text"
is "$(mp_ctl check-config 2>&1 | grep -c 'privacy')" 0 \
    "check-config knows the keys"
conf_reset
restart_intake

# --- Linked from every public page ------------------------------------------
for a in "" $(sql "SELECT slug FROM audience WHERE is_default = 0"); do
	iget "/melden/$a"
	like "$(http_body)" "$link" "the form /melden/$a links to it"
done
iget /melden/
like "$(http_body)" 'href="/melden/privacy#anoniem"' \
    "the anonymity choice links to its section"
report_fields
post_report
is "$HTTP_STATUS" 200 "a report is stored"
like "$(http_body)" "$link" "the receipt links to it"
REF=$(receipt_ref)
CODE=$(receipt_code)
http_reset_cookies
fb_get /
like "$(http_body)" "$link" "the follow-up's sign-in links to it"
fb_signin "$REF" "$CODE"
fb_get /
like "$(http_body)" "$link" "the reporter's thread links to it"

# Sign out, as a reporter does: test-40 expects no reporter sessions.
tok=$(fb_csrf)
http_request POST "$FB/afmelden" --interface "$FB_ADDR" \
    --data-urlencode "csrf=$tok"
is "$(sql "SELECT COUNT(*) FROM reporter_session")" 0 \
    "the reporter signs out and no session is left"

# --- Every mail to a reporter ------------------------------------------------
mail_setup
conf_set mail.privacy_url "https://meldpunt.voorbeeld.nl/melden/privacy"
restart_programs
ref=$(mail_report mia@voorbeeld.nl)
rid=$(report_id "$ref")
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id = $rid"
dash_post hanna "/melding/$rid" actie=bericht "tekst=Wanneer was dit?"
is "$(outbox_rows "$rid")" 1 "a message to the reporter queues a mail"
mail_send
is "$MAIL_RC" 0 "meldpuntctl mail send succeeds"
m=$(cat "$MAIL_DIR"/out/*.eml 2>/dev/null)
like "$m" 'privacyverklaring: https://meldpunt.voorbeeld.nl/melden/privacy' \
    "the mail to the reporter names the privacy statement"
conf_set mail.privacy_url "javascript:alert(1)"
mail_send
isnt "$MAIL_RC" 0 "a privacy_url that is not http(s) is refused"
conf_reset
restart_programs

# --- Anonymous after typing contact details ---------------------------------
before=$(counts)
report_fields
set_field report-contact-name "Piet Tweestrijd"
set_field report-contact-phone "0612345678"
post_report
is "$HTTP_STATUS" 400 "anonymous with a name typed comes back"
like "$(field_error report-anonymous)" 'Wilt u anoniem blijven' \
    "asking at the anonymity choice which is meant"
like "$(http_body)" 'value="Piet Tweestrijd"' "the name is kept"
like "$(http_body)" 'value="0612345678"' "the phone number is kept"
like "$(http_body)" 'id="report-anonymous-ja"[^>]*checked' \
    "the anonymous choice is kept"
is "$(counts)" "$before" "nothing is stored"
set_field report-anonymous nee
post_report
is "$HTTP_STATUS" 200 "choosing to give the details stores the report"
is "$(counts | awk '{ print $2 }')" "$(echo "$before" | awk '{ print $2 + 1 }')" \
    "with its contact row"
before=$(counts)
report_fields
set_field report-contact-name "   "
post_report
is "$HTTP_STATUS" 200 "anonymous with only blanks typed is simply anonymous"
is "$(counts | awk '{ print $2 }')" "$(echo "$before" | awk '{ print $2 }')" \
    "and stores no contact row"

# --- Which partners receive a signal type's reports automatically ------------
# The partners of earlier tests stand aside; two of ours share drugs,
# one of them also another type, a disabled one is not named.
was=$(sql "SELECT COALESCE(GROUP_CONCAT(id), 0) FROM partner
    WHERE disabled = 0")
sql "UPDATE partner SET disabled = 1"
restart_intake
iget /melden/
like "$(http_body)" 'Geen van deze meldingen gaat vanzelf naar een partner' \
    "without rules the form says no report goes to a partner by itself"
drugs=$(sql "SELECT name FROM signal_type WHERE slug = 'drugs'")
other=$(sql "SELECT s.slug FROM signal_type s JOIN audience_signal_type a
    ON a.signal_type_id = s.id JOIN audience au ON au.id = a.audience_id
    WHERE au.is_default = 1 AND s.slug <> 'drugs' ORDER BY s.id LIMIT 1")
othername=$(sql "SELECT name FROM signal_type WHERE slug = '$other'")
mp_ctl partner add t20politie "Politie Oost & Noord" --signal-types drugs \
    >/dev/null 2>&1 || mp_ctl partner set t20politie --signal-types drugs \
    >/dev/null 2>&1
mp_ctl partner enable t20politie >/dev/null 2>&1
mp_ctl partner add t20belasting "Belastingdienst" \
    --signal-types "drugs,$other" >/dev/null 2>&1 ||
    mp_ctl partner set t20belasting --signal-types "drugs,$other" \
    >/dev/null 2>&1
mp_ctl partner enable t20belasting >/dev/null 2>&1
mp_ctl partner add t20uit "Uitgezet" --signal-types drugs >/dev/null 2>&1
mp_ctl partner disable t20uit >/dev/null 2>&1
restart_intake
iget /melden/
body=$(http_body)
like "$body" 'maar nooit uw naam of contactgegevens' \
    "the form says partners never get the reporter's identity"
ok "grep -qF '<li>$drugs: naar Belastingdienst en Politie Oost &amp; Noord</li>' '$HTTP_BODY'" \
    "it names the partners of a type in plain words, escaped"
ok "grep -qF '<li>$othername: naar Belastingdienst</li>' '$HTTP_BODY'" \
    "and of another type"
unlike "$body" 'Uitgezet' "a disabled partner is not named"
like "$body" 'href="/melden/privacy#delen"' "it links to the statement"
report_fields
post_report
rid=$(sql "SELECT id FROM report WHERE reference = '$(receipt_ref)'")
is "$(sql "SELECT GROUP_CONCAT(p.name ORDER BY p.name) FROM report_share s
    JOIN partner p ON p.id = s.partner_id WHERE s.report_id = $rid")" \
    "t20belasting,t20politie" \
    "a drugs report is shared with exactly the partners the form named"
mp_ctl partner disable t20politie >/dev/null 2>&1
mp_ctl partner disable t20belasting >/dev/null 2>&1
sql "UPDATE partner SET disabled = 0 WHERE id IN ($was)"
