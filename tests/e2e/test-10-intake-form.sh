# test-10-intake-form.sh -- the report form as each audience sees it:
# its own signal types and intro, labels tied to every field, the
# security headers, and the answers to unknown pages and methods.
# Sourced by run.sh with tests/e2e/lib.sh loaded.

. "$top_srcdir/tests/e2e/intake.sh"

intake_catalog

# Signal type slugs of the form in the last body, sorted, one line.
form_types()
{
	grep -o 'name="report-signal-type" value="[^"]*"' "$HTTP_BODY" |
	    sed 's/.*value="\([^"]*\)"/\1/' | LC_ALL=C sort | tr '\n' ' '
}

# The same list as the database has it for audience SLUG.
db_types()
{
	sql "SELECT s.slug FROM audience a
	    JOIN audience_signal_type ast ON ast.audience_id = a.id
	    JOIN signal_type s ON s.id = ast.signal_type_id
	    WHERE a.slug = '$1' AND s.active = 1" | LC_ALL=C sort | tr '\n' ' '
}

# Every <label for> names an element, and every visible input,
# textarea and select has a label for its id.
labels_ok()
{
	python3 - "$HTTP_BODY" <<'EOF'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.fors, self.controls = set(), [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if 'id' in a:
            self.ids.add(a['id'])
        if tag == 'label':
            self.fors.append(a.get('for'))
        if tag in ('input', 'textarea', 'select') and \
           a.get('type') not in ('hidden', 'submit', 'button'):
            self.controls.append(a.get('id'))
p = P()
p.feed(open(sys.argv[1], encoding='utf-8').read())
bad = [f for f in p.fors if f is None or f not in p.ids]
bad += ['no label for %s' % c for c in p.controls
        if c is None or c not in p.fors]
# aria-describedby must point at elements that exist.
print('\n'.join(str(b) for b in bad))
sys.exit(1 if bad or len(p.controls) < 15 else 0)
EOF
}

# describedby_ok: every aria-describedby names an existing id.
describedby_ok()
{
	python3 - "$HTTP_BODY" <<'EOF'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.refs = set(), []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if 'id' in a:
            self.ids.add(a['id'])
        self.refs += (a.get('aria-describedby') or '').split()
p = P()
p.feed(open(sys.argv[1], encoding='utf-8').read())
bad = [r for r in p.refs if r not in p.ids]
print(' '.join(bad))
sys.exit(1 if bad or not p.refs else 0)
EOF
}

before=$(counts)
rc_before=$(sql 'SELECT COUNT(*) FROM rate_counter')

# The default audience at /melden/ is the residents' form.
iget /melden/
is "$HTTP_STATUS" 200 "GET /melden/ is 200"
like "$(http_header Content-Type)" '^text/html; *charset=utf-8$' \
    "the form is HTML in UTF-8"
like "$(http_body)" '<p class="lead">Bewoners</p>' \
    "/melden/ is the form for residents (bewoners)"
like "$(http_body)" 'Ziet of hoort u in uw buurt iets dat niet klopt' \
    "/melden/ shows the residents' intro"
like "$(http_body)" '<form method="post" action="/melden/"' \
    "/melden/ posts to itself"
is "$(form_types)" "$(db_types bewoners)" \
    "/melden/ offers exactly the residents' signal types"
like "$(form_types)" 'woonfraude' "residents may report woonfraude"
like "$(form_value form-token)" '^[A-Za-z0-9_-]{40,}$' \
    "the form carries a form token"
ok labels_ok "every field of /melden/ has a <label for> matching its id"
ok describedby_ok "every aria-describedby of /melden/ names an element"
like "$(http_body)" 'Bel direct <strong>112</strong>' \
    "the form points to 112 for acute danger"
like "$(http_body)" 'Meld Misdaad Anoniem' \
    "the form points to Meld Misdaad Anoniem"
like "$(http_body)" 'name="website"' "the form has the honeypot field"

# Security headers, and no caching of the form.
like "$(http_header Content-Security-Policy)" "default-src 'none'" \
    "CSP: default-src 'none'"
like "$(http_header Content-Security-Policy)" "frame-ancestors 'none'" \
    "CSP: frame-ancestors 'none'"
like "$(http_header Content-Security-Policy)" "form-action 'self'" \
    "CSP: form-action 'self'"
unlike "$(http_header Content-Security-Policy)" "unsafe-inline|unsafe-eval" \
    "CSP allows no inline script or eval"
is "$(http_header X-Content-Type-Options)" nosniff \
    "X-Content-Type-Options: nosniff"
is "$(http_header Referrer-Policy)" no-referrer "Referrer-Policy: no-referrer"
like "$(http_header Cache-Control)" 'no-store' "Cache-Control: no-store"
is "$(http_header Set-Cookie)" "" "the form sets no cookie"

tok1=$(form_value form-token)
iget /melden/
isnt "$(form_value form-token)" "$tok1" "each GET issues a new form token"

for slug in bewoners ondernemers medewerkers; do
	iget "/melden/$slug"
	is "$HTTP_STATUS" 200 "GET /melden/$slug is 200"
	name=$(sql "SELECT name FROM audience WHERE slug = '$slug'")
	like "$(http_body)" "<p class=\"lead\">$name</p>" \
	    "/melden/$slug names its audience ($name)"
	intro=$(sql "SELECT LEFT(intro, 60) FROM audience WHERE slug = '$slug'")
	ok 'grep -qF -- "$intro" "$HTTP_BODY"' "/melden/$slug shows its own intro"
	is "$(form_types)" "$(db_types "$slug")" \
	    "/melden/$slug offers exactly its own signal types"
	ok labels_ok "every field of /melden/$slug has a matching <label for>"
	like "$(http_header Content-Security-Policy)" "frame-ancestors 'none'" \
	    "/melden/$slug has the CSP header"
	like "$(http_header Cache-Control)" 'no-store' \
	    "/melden/$slug is not cached"
done

iget /melden/ondernemers
unlike "$(form_types)" 'woonfraude' "the entrepreneurs' form lacks woonfraude"
like "$(http_body)" 'action="/melden/ondernemers"' \
    "the entrepreneurs' form posts to /melden/ondernemers"
unlike "$(http_body)" 'Ziet of hoort u in uw buurt' \
    "the entrepreneurs' form does not show the residents' intro"
iget /melden/medewerkers
like "$(form_types)" 'woonfraude' "the employees' form has woonfraude"
like "$(http_body)" 'tijdens uw werk' "the employees' form has its own intro"
iget /melden/bewoners/
is "$HTTP_STATUS" 200 "a trailing slash after the audience is accepted"

# Unknown forms and pages.
iget /melden/onbekend
is "$HTTP_STATUS" 404 "an unknown audience is 404"
like "$(http_body)" 'Dit meldformulier bestaat niet' \
    "the 404 says in Dutch that the form does not exist"
unlike "$(http_body)" 'name="form-token"' "the 404 shows no form"
like "$(http_body)" "href=\"/static/meldpunt.css\"" \
    "the 404 page has the same style sheet as every page"
like "$(http_body)" "Gemeente" "the 404 page names the municipality"
iget /melden/Bewoners%20x
is "$HTTP_STATUS" 404 "an audience name that is no slug is 404"
iget /melden/bewoners/extra
is "$HTTP_STATUS" 404 "a path below an audience is 404"
iget "/melden/$(printf 'a%.0s' $(seq 40))"
is "$HTTP_STATUS" 404 "an overlong audience name is 404"

# Only GET, HEAD and POST.
for m in PUT DELETE PATCH; do
	http_request "$m" /melden/ --interface "$INTAKE_ADDR" --data 'x=1'
	is "$HTTP_STATUS" 405 "$m /melden/ is 405"
	like "$(http_header Allow)" 'GET' "$m /melden/ answers with Allow"
done
http_head /melden/ --interface "$INTAKE_ADDR"
is "$HTTP_STATUS" 200 "HEAD /melden/ is 200"
is "$(counts)" "$before" "showing forms stored nothing"
is "$(sql 'SELECT COUNT(*) FROM rate_counter')" "$rc_before" \
    "showing forms wrote no rate counter"
