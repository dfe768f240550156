# test-63-languages.sh -- the public pages in every shipped language
# (issue 17): each page in each language has lang (and for Arabic
# dir="rtl") on <html>, no empty heading, label, button or link and no
# catalogue key left unresolved, and the language's own texts; the
# choice by link is kept in a cookie for the form and the follow-up,
# Accept-Language decides at first; a filled form switched to another
# language keeps what was typed and stores nothing; validation
# messages, the receipt, the sign-in, the thread (status, dates) follow
# the language; an instance's override wins; Dutch stays the default.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/feedback.sh"
. "$top_srcdir/tests/e2e/mail.sh"

intake_catalog
mail_setup
LANGS="nl en pl tr ar"
conf_set i18n.languages "nl, en, pl, tr, ar"
conf_set i18n.text.en.privacy.back "Back to the form (our own words)"
restart_program intake
restart_program feedback
restart_program dashboard

# text_of LANG KEY: the catalogue's text, HTML-escaped as pages show it.
text_of()
{
	python3 - "$top_srcdir/templates/i18n/$1.hdf" "$2" <<'EOF'
import sys
path, want = sys.argv[1], sys.argv[2]
stack, out = [], None
for line in open(path, encoding='utf-8'):
    s = line.strip()
    if not s or s.startswith('#'):
        continue
    if s == '}':
        stack.pop()
    elif s.endswith('{'):
        stack.append(s[:-1].strip())
    elif '=' in s:
        k, v = s.split('=', 1)
        if '.'.join(stack + [k.strip()]) == want:
            out = v.strip()
if out is None:
    print('NO-SUCH-KEY')
    sys.exit(0)
# As ClearSilver escapes it, then quoted for a bash =~ (an ERE).
for a, b in (('&', '&amp;'), ('<', '&lt;'), ('>', '&gt;'),
             ('"', '&quot;'), ("'", '&#39;')):
    out = out.replace(a, b)
print(''.join('\\' + c if c in '.[]()*+?{}|^$\\' else c for c in out))
EOF
}

# page_ok LANG: the last body is a whole page in LANG: lang and dir on
# <html>, every heading, label, legend, button, link, list item and
# term has text, no key of a catalogue shows as itself.
page_ok()
{
	python3 - "$HTTP_BODY" "$1" <<'EOF'
import re, sys
from html.parser import HTMLParser
body = open(sys.argv[1], encoding='utf-8').read()
lang = sys.argv[2]
bad = []
m = re.search(r'<html([^>]*)>', body)
attrs = m.group(1) if m else ''
if 'lang="%s"' % lang not in attrs:
    bad.append('html has %r, not lang="%s"' % (attrs, lang))
if (lang == 'ar') != ('dir="rtl"' in attrs):
    bad.append('dir wrong for %s: %r' % (lang, attrs))
# (Not p: an audience's intro may be empty, and is the catalogue's.)
TEXT = ('h1', 'h2', 'h3', 'label', 'legend', 'button', 'a', 'li', 'dt',
        'title', 'strong', 'em')
class P(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
    def handle_starttag(self, tag, attrs):
        if tag in TEXT:
            self.stack.append([tag, '', dict(attrs)])
        if dict(attrs).get('aria-label', None) == '':
            bad.append('empty aria-label on %s' % tag)
    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                t, text, a = self.stack.pop(i)
                if text.strip() == '':
                    bad.append('empty <%s %s>' % (t, a))
                for s in self.stack:
                    s[1] += text
                break
    def handle_data(self, d):
        if self.stack:
            self.stack[-1][1] += d
P().feed(body)
keys = re.findall(r'\b(?:lang|layout|error|summary|form|field|valid|receipt|'
                  r'duplicate|privacy|signin|thread|status|auto|date)'
                  r'\.[a-z_]+(?:\.[a-z_0-9]+)*\b', re.sub(r'<[^>]*>', ' ', body))
keys = [k for k in keys if not k.endswith(('.nl', '.css'))]
if keys:
    bad.append('unresolved keys: %s' % ' '.join(sorted(set(keys))))
print('; '.join(bad))
sys.exit(1 if bad else 0)
EOF
}

# fb_signout: end the reporter's session, so that no test after this
# one finds it in the table.
fb_signout()
{
	local tok
	tok=$(fb_csrf)
	http_request POST "$FB/afmelden" --interface "$FB_ADDR" \
	    --data-urlencode "csrf=$tok"
}

before=$(counts)

# Every page in every language, chosen by the link; the cookie keeps it.
for l in $LANGS; do
	http_reset_cookies
	iget "/melden/?taal=$l"
	is "$HTTP_STATUS" 200 "$l: the form answers"
	ok "page_ok $l" "$l: the form is whole, lang=\"$l\"$( [ "$l" = ar ] &&
	    printf ' dir=rtl')"
	like "$(http_header Set-Cookie)" "^mp_taal=$l;.*Path=/" \
	    "$l: the choice goes into a cookie for every page"
	like "$(http_body)" "$(text_of "$l" form.title)" "$l: its title"
	like "$(http_body)" "$(text_of "$l" form.submit)" "$l: its button"
	like "$(http_body)" "<span aria-current=\"true\" lang=\"$l\">" \
	    "$l: the switch marks it as the current language"
	# Without the parameter, from the cookie.
	iget /melden/privacy
	ok "page_ok $l" "$l: the privacy statement is whole"
	like "$(http_body)" "$(text_of "$l" privacy.rights_title)" \
	    "$l: the privacy statement in it"
	iget /melden/bestaat-niet
	is "$HTTP_STATUS" 404 "$l: an unknown form is 404"
	ok "page_ok $l" "$l: the error page is whole"
	like "$(http_body)" "$(text_of "$l" error.msg.no_form)" \
	    "$l: the error page says so in it"
	fb_get /
	ok "page_ok $l" "$l: the follow-up's sign-in is whole"
	like "$(http_body)" "$(text_of "$l" signin.lead)" \
	    "$l: the sign-in in it (the cookie spans both programs)"
	fb_get /bestaat-niet
	ok "page_ok $l" "$l: the follow-up's error page is whole"
done
unlike "$(grep -o 'href="[^"]*taal=[^"]*"' "$HTTP_BODY" | tr '\n' ' ')" \
    'bestaat-niet' "the switch on an error page leads to the start"

# Dutch stays the default, byte for byte the same texts as before.
http_reset_cookies
iget /melden/
like "$(http_body)" '<html lang="nl">' "no choice, no Accept-Language: Dutch"
like "$(http_body)" 'Meld een vermoeden van ondermijning' "the Dutch title"
is "$(http_header Set-Cookie)" "" "and no cookie is set"
iget "/melden/?taal=xx"
like "$(http_body)" '<html lang="nl">' "an unknown language is Dutch"
is "$(http_header Set-Cookie)" "" "and is not kept"
unlike "$(http_body)" 'taal=xx|"xx"' "nor echoed"

# Accept-Language decides when nothing was chosen; a cookie beats it.
http_reset_cookies
iget /melden/ -H 'Accept-Language: de-DE,de;q=0.9,pl-PL;q=0.8,en;q=0.5'
like "$(http_body)" '<html lang="pl">' "Accept-Language: the best one on (pl)"
iget /melden/ -H 'Accept-Language: fr, de'
like "$(http_body)" '<html lang="nl">' "none of them on: Dutch"
iget "/melden/?taal=tr"
iget /melden/ -H 'Accept-Language: en'
like "$(http_body)" '<html lang="tr">' "the chosen language beats the browser"

# A filled form switched to English: what was typed stays, nothing is
# stored, no errors are shown yet.
http_reset_cookies
report_fields
set_field report-description 'Elke nacht busjes <b>"bij"</b> de loods.'
set_field report-street 'Industrieweg'
F+=("taal=en")
post_report
is "$HTTP_STATUS" 200 "the language button of a filled form answers"
like "$(http_body)" '<html lang="en">' "with the form in English"
is "$(form_value report-description)" \
    'Elke nacht busjes <b>"bij"</b> de loods.' "the description kept"
is "$(form_value report-street)" 'Industrieweg' "the street kept"
like "$(http_body)" 'value="drugs" checked' "the chosen type kept"
unlike "$(http_body)" 'error-summary' "no errors before it is sent"
is "$(form_value form-token)" "$(field form-token)" "the same form token"
is "$(counts)" "$before" "nothing stored"
like "$(http_header Set-Cookie)" '^mp_taal=en;' "the choice kept"
ok "page_ok en" "the switched form is whole"

# Validation in English: messages and the summary.
set_field taal ""
del_field taal
set_field report-description ""
set_field report-observed-date "31-02-2020"
post_report
is "$HTTP_STATUS" 400 "an invalid report in English is refused"
like "$(http_body)" "$(text_of en summary.title)" "the summary in English"
like "$(field_error report-description)" "$(text_of en valid.required)" \
    "the required field's message in English"
like "$(field_error report-observed-date)" '[Dd]ate' \
    "the date's message in English"
unlike "$(http_body)" 'Dit veld is verplicht' "no Dutch message"
ok "page_ok en" "the form with errors is whole"
is "$(counts)" "$before" "still nothing stored"

# A report in Arabic: the receipt right to left; no switch on it (the
# code is shown once).
http_reset_cookies
iget "/melden/?taal=ar"
report_fields
post_report
is "$HTTP_STATUS" 200 "a report in Arabic is taken"
ok "page_ok ar" "the receipt is whole, lang=ar dir=rtl"
like "$(http_body)" "$(text_of ar receipt.title)" "the receipt in Arabic"
unlike "$(http_body)" 'taal=' "the receipt offers no switch"
REF=$(receipt_ref)
CODE=$(receipt_code)
[ -n "$REF" ] && [ -n "$CODE" ] || diag "no receipt: $(head -c 300 "$HTTP_BODY")"

is "$(sql "SELECT lang FROM report WHERE reference = '$REF'")" ar \
    "the report keeps its language (report.lang)"
RID=$(sql "SELECT id FROM report WHERE reference = '$REF'")

# The follow-up: the sign-in in the chosen language (Turkish, by the
# cookie); once signed in, the report's own language (Arabic) whatever
# the cookie says, until the reporter chooses by the link.
fb_get "/?taal=tr"
fb_signin "$REF" "AAAAA-AAAAA-AAAAA-AAAAA"
is "$HTTP_STATUS" 403 "a wrong code in Turkish is refused"
like "$(http_body)" "$(text_of tr signin.wrong)" "with the Turkish message"
fb_signin "$REF" "$CODE"
fb_get /
is "$HTTP_STATUS" 200 "signed in"
ok "page_ok ar" "the thread is in the report's language, right to left"
like "$(http_body)" "$(text_of ar status.new)" "the status in Arabic"
like "$(http_body)" "$(text_of ar auto.new)" \
    "the automatic 'received' message in Arabic"
like "$(sed -n 's/.*id="received">\([^<]*\)<.*/\1/p' "$HTTP_BODY")" \
    '^[0-3][0-9]/[01][0-9]/20[0-9][0-9] [0-2][0-9]:[0-5][0-9]$' \
    "the date with the language's separator"
fb_reply ""
is "$HTTP_STATUS" 400 "an empty reply is refused"
like "$(http_body)" "$(text_of ar thread.empty)" "in Arabic"
fb_get "/?taal=tr"
ok "page_ok tr" "chosen by the link: the thread in Turkish"
like "$(http_body)" "$(text_of tr status.new)" "the status in Turkish"
like "$(sed -n 's/.*id="received">\([^<]*\)<.*/\1/p' "$HTTP_BODY")" \
    '^[0-3][0-9]\.[01][0-9]\.20[0-9][0-9] ' "the date as Turkish writes it"

# The handlers see the language, and the automatic text of a status
# goes to the reporter in it.
dash_fixtures
dash_as cor GET "/melding/$RID"
like "$(http_body)" 'id="report-lang">Arabisch \(ar\)<' \
    "the report page names the reporter's language"
dash_post cor "/melding/$RID" actie=oppakken "versie=$(dash_version "$RID")"
like "$(sql "SELECT body FROM message WHERE report_id = $RID AND
    direction = 'uit' ORDER BY id DESC LIMIT 1")" "$(text_of ar auto.taken)" \
    "taking it writes the automatic text in Arabic"
fb_signout
http_reset_cookies
fb_signin "$REF" "$CODE"
fb_get /
like "$(http_body)" "$(text_of ar status.taken)" \
    "the reporter reads the new status in Arabic"
fb_signout
like "$(http_body)" "$(text_of ar signin.out)" "and signs out in Arabic"

# A reporter who wrote in English and left an address gets the mail
# about news in English (meldpuntctl mail send reads the catalogues).
http_reset_cookies
iget "/melden/?taal=en"
mref=$(mail_report mia.i18n@voorbeeld.nl)
mrid=$(report_id "$mref")
is "$(sql "SELECT lang FROM report WHERE id = $mrid")" en \
    "a report with contact details made in English is English"
dash_post cor "/melding/$mrid" actie=oppakken "versie=$(dash_version "$mrid")"
like "$(sql "SELECT body FROM message WHERE report_id = $mrid AND
    direction = 'uit' ORDER BY id DESC LIMIT 1")" "$(text_of en auto.taken)" \
    "its automatic text is English"
mail_clear
mail_send
m=$(grep -l 'mia.i18n@voorbeeld.nl' "$MAIL_DIR"/out/*.eml 2>/dev/null |
    head -n 1)
ok "[ -n '$m' ]" "a mail to the English reporter"
like "$(cat "$m" 2>/dev/null)" 'Subject: News about your report' \
    "its subject in English"
like "$(cat "$m" 2>/dev/null)" 'Dear reporter,' "its text in English"
unlike "$(cat "$m" 2>/dev/null)" 'Beste melder' "and not in Dutch"
unlike "$(cat "$m" 2>/dev/null)" "$MAIL_SECRET_STREET" \
    "and, as ever, nothing of the report"

# An instance's own text wins over the catalogue.
iget "/melden/privacy?taal=en"
like "$(http_body)" 'Back to the form \(our own words\)' \
    "i18n.text.en.<key> overrides the English text"
iget "/melden/privacy?taal=nl"
like "$(http_body)" 'Terug naar het meldformulier' "but not the Dutch one"

# The catalogue in the other languages: the administration page lists
# what is missing; a translation saved shows on the form in that
# language (and in no other), escaped; a wrong language is refused; an
# empty name removes it and the form falls back to Dutch.
dash_fixtures
tid=$(sql "SELECT id FROM signal_type WHERE slug = 'drugs'")
aid=$(sql "SELECT a.id FROM audience a JOIN audience_signal_type x
    ON x.audience_id = a.id WHERE x.signal_type_id = $tid AND a.active = 1
    ORDER BY a.is_default DESC, a.id LIMIT 1")
aslug=$(sql "SELECT slug FROM audience WHERE id = $aid")
sql "DELETE FROM catalog_text WHERE (kind = 'signal_type' AND object_id = $tid)
    OR (kind = 'audience' AND object_id = $aid)"
dash_as ad GET /beheer
is "$HTTP_STATUS" 200 "the administration page answers"
like "$(http_body)" "id=\"tr-s-$tid-en-naam\"" \
    "it offers a translation per language switched on"
like "$(http_body)" "id=\"tr-s-$tid-ar-naam\"" "Arabic too"
like "$(tr '\n' ' ' <"$HTTP_BODY")" \
    "for=\"tr-s-$tid-en-naam\">[^<]*<span lang=\"en\">English</span>\)? \(ontbreekt" \
    "and says the English one is missing"
like "$(http_body)" 'id="missing-translations"' "with a list of what is missing"
n0=$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'soort-taal'")
dash_post ad /beheer actie=soort-taal "id=$tid" taal=en "naam=Drugs (EN)" \
    "tekst=Making or dealing drugs"
is "$HTTP_STATUS" 303 "a translation is saved"
is "$(sql "SELECT CONCAT(name, '|', text) FROM catalog_text WHERE
    kind = 'signal_type' AND object_id = $tid AND lang = 'en'")" \
    "Drugs (EN)|Making or dealing drugs" "as typed"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'soort-taal'")" \
    "$((n0 + 1))" "with an audit entry"
dash_post ad /beheer actie=publiek-taal "id=$aid" taal=en \
    "naam=<script>alert(1)</script>" "tekst=<b>Intro</b> & more"
is "$HTTP_STATUS" 303 "an audience's translation is saved"
dash_post ad /beheer actie=soort-taal "id=$tid" taal=nl "naam=Drugs NL"
is "$HTTP_STATUS" 400 "Dutch is not a translation"
dash_post ad /beheer actie=soort-taal "id=$tid" taal=xx "naam=Drugs XX"
is "$HTTP_STATUS" 400 "nor a language not switched on"
is "$(sql "SELECT COUNT(*) FROM catalog_text WHERE object_id = $tid AND
    kind = 'signal_type'")" 1 "and nothing was written for them"
dash_as ad GET /beheer
like "$(http_body)" 'value="Drugs \(EN\)"' "the page shows the translation"
unlike "$(tr '\n' ' ' <"$HTTP_BODY")" \
    "for=\"tr-s-$tid-en-naam\">[^<]*<span lang=\"en\">English</span>\)? \(ontbreekt" \
    "and no longer calls it missing"
sleep 1.2		# catalog.ttl is 1 s in the test configuration
http_reset_cookies
iget "/melden/$aslug?taal=en"
like "$(http_body)" 'Drugs \(EN\)' "the English form shows the translated name"
like "$(http_body)" 'Making or dealing drugs' "and description"
like "$(http_body)" '&lt;script&gt;alert\(1\)&lt;/script&gt;' \
    "the audience's translated name, escaped"
unlike "$(http_body)" '<script>' "never as markup"
iget "/melden/$aslug?taal=pl"
unlike "$(http_body)" 'Drugs \(EN\)' "the Polish form: no English"
like "$(http_body)" "$(sql "SELECT name FROM signal_type WHERE id = $tid" |
    sed 's/[][\.*^$()+?{}|]/\\&/g')" "but the Dutch name"
dash_post ad /beheer actie=soort-taal "id=$tid" taal=en naam=
is "$HTTP_STATUS" 303 "an empty name removes a translation"
dash_post ad /beheer actie=publiek-taal "id=$aid" taal=en naam=
is "$(sql "SELECT COUNT(*) FROM catalog_text WHERE (kind = 'signal_type'
    AND object_id = $tid) OR (kind = 'audience' AND object_id = $aid)")" 0 \
    "both are gone"
sleep 1.2
iget "/melden/$aslug?taal=en"
unlike "$(http_body)" 'Drugs \(EN\)' "the English form falls back to Dutch"

# Only the languages switched on are offered.
conf_reset
restart_program intake
restart_program feedback
restart_program dashboard
http_reset_cookies
iget "/melden/privacy?taal=ar"
like "$(http_body)" '<html lang="nl">' "Arabic not switched on: Dutch"
like "$(http_body)" 'hreflang="en"' "the shipped default offers English"
unlike "$(http_body)" 'hreflang="ar"' "and not Arabic"
