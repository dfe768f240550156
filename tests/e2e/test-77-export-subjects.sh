# test-77-export-subjects.sh -- subjects in the partner export (issue
# 13): a partner whose profile names "onderwerpen" receives a shared
# report's sure subjects (structured or confirmed; kind, normal form,
# display), one without does not; proposals and the subjects of
# reports not shared stay home, also for the export's database account
# (sql/031's view); every response validates against the schema, and
# documents of schema 1.0 (tests/e2e/export-1.0/) still validate
# against the current one.

. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures
OLD=$top_srcdir/tests/e2e/export-1.0

OLDFIELDS=status,signaaltype,kanaal,doelgroep,data,waarneming,omschrijving
OLDFIELDS=$OLDFIELDS,adres,personen,bedrijven,voertuigen
kmet=$(exp_partner ondmet "Met onderwerpen" --fields \
    status,adres,onderwerpen --pulls-per-minute 100000)
kzonder=$(exp_partner ondzonder "Zonder onderwerpen" --fields \
    "$OLDFIELDS" --pulls-per-minute 100000)
pmet=$(sql "SELECT id FROM partner WHERE name = 'ondmet'")
pzonder=$(sql "SELECT id FROM partner WHERE name = 'ondzonder'")
is "$(sql "SELECT fields FROM partner WHERE id = $pmet")" \
    status,adres,onderwerpen "a profile takes the field onderwerpen"

# Three reports not shared before: r and e shared with both partners
# (e has no subjects), u with neither.
set -- $(sql "SELECT id FROM report WHERE id NOT IN (SELECT report_id
    FROM report_share) ORDER BY id DESC LIMIT 3")
r=$1 e=$2 u=$3
# The intake gave them subjects of their own: start from none.
sql "DELETE FROM report_subject WHERE report_id IN ($r, $e, $u)"
ref=$(sql "SELECT reference FROM report WHERE id = $r")
eref=$(sql "SELECT reference FROM report WHERE id = $e")
for id in "$r" "$e"; do
	for p in "$pmet" "$pzonder"; do
		dash_post cor "/melding/$id" actie=delen "partner=$p"
		is "$HTTP_STATUS" 303 "report $id shared with partner $p"
	done
done

DISPLAY='Hoofdstr. 12 <b>&"x"</b>'
DISPLAY_HEX=$(printf '%s' "$DISPLAY" | od -An -tx1 | tr -d ' \n')
sa=$(dash_subject 1 '1234AB 12' "CONVERT(0x$DISPLAY_HEX USING utf8mb4)")
sv=$(dash_subject 4 '77XYZ7' "'77-XYZ-7'")
sp=$(dash_subject 6 '+31201234567' "'020-1234567'")
sk=$(dash_subject 3 '12345678' "'KvK 1234 5678'")
dash_link "$r" "$sa" 1 0	# the report's address
dash_link "$r" "$sv" 2 1	# a plate found in the text and confirmed
dash_link "$r" "$sp" 2 0	# a proposal: not sent
dash_link "$u" "$sk" 3 1	# a report not shared: not sent

# subjects FILE: "kind|norm|display" of each <onderwerp>, then
# "onderwerpen=N" (how many <onderwerpen> elements there were).
subjects()
{
	python3 - "$1" <<'PYEOF'
import sys, xml.etree.ElementTree as ET
ns = "{urn:meldpunt:export:1}"
root = ET.parse(sys.argv[1]).getroot()
n = 0
for m in root.iter(ns + "melding"):
    for os_ in m.findall(ns + "onderwerpen"):
        n += 1
        for o in os_.findall(ns + "onderwerp"):
            print("%s|%s|%s" % (o.get("soort"),
                o.find(ns + "genormaliseerd").text,
                o.find(ns + "weergave").text))
print("onderwerpen=%d" % n)
PYEOF
}

# ---------------------------------------------------------------------
# The partner with the field.
# ---------------------------------------------------------------------
exp_get "reports/$ref.xml" "$kmet"
is "$HTTP_STATUS" 200 "the partner with the field gets the report"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
is "$(subjects "$HTTP_BODY")" "adres|1234AB 12|$DISPLAY
kenteken|77XYZ7|77-XYZ-7
onderwerpen=1" "its sure subjects with kind, normal form and display; no proposal"
like "$(cat "$HTTP_BODY")" \
    '<weergave>Hoofdstr. 12 &lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</weergave>' \
    "markup in a display is escaped as text"
unlike "$(cat "$HTTP_BODY")" '020-1234567' "the proposed phone number is not in it"

exp_get "reports/$eref.xml" "$kmet"
xsd_ok && pass "a report without subjects: valid" || \
    fail "a report without subjects: valid"
like "$(cat "$HTTP_BODY")" '<onderwerpen/>' \
    "it has an empty <onderwerpen/>: none, rather than not asked"

exp_get reports.xml "$kmet"
is "$HTTP_STATUS" 200 "the feed of the partner with the field"
xsd_ok && pass "the feed is valid" || fail "the feed is valid"
is "$(subjects "$HTTP_BODY" | tail -n 1)" "onderwerpen=2" \
    "every report in it has <onderwerpen>"
unlike "$(cat "$HTTP_BODY")" '12345678' \
    "the subject of a report not shared is not in it"

# ---------------------------------------------------------------------
# The partner without the field: the documents of schema 1.0.
# ---------------------------------------------------------------------
exp_get "reports/$ref.xml" "$kzonder"
is "$HTTP_STATUS" 200 "the partner without the field gets the report"
cp "$HTTP_BODY" "$E2E_TEST_DIR/zonder-one.xml"
xsd_ok && pass "valid against the XSD" || fail "valid against the XSD"
is "$(subjects "$HTTP_BODY")" "onderwerpen=0" "without <onderwerpen>"
unlike "$(cat "$HTTP_BODY")" '77XYZ7' "and without the subjects' values"
xsd_ok "$E2E_TEST_DIR/zonder-one.xml" && \
    EXPORT_XSD=$OLD/meldpunt-export-1.0.xsd xsd_ok \
    "$E2E_TEST_DIR/zonder-one.xml" && \
    pass "it is valid against schema 1.0 as well" || \
    fail "it is valid against schema 1.0 as well"
exp_get reports.xml "$kzonder"
cp "$HTTP_BODY" "$E2E_TEST_DIR/zonder-feed.xml"
EXPORT_XSD=$OLD/meldpunt-export-1.0.xsd xsd_ok && \
    pass "so is its feed" || fail "so is its feed"

# Documents written under schema 1.0, kept as they were.
for f in "$OLD"/*.xml; do
	EXPORT_XSD=$OLD/meldpunt-export-1.0.xsd xsd_ok "$f" && \
	    pass "${f##*/} is a valid 1.0 document" || \
	    fail "${f##*/} is a valid 1.0 document"
	xsd_ok "$f" && pass "${f##*/} is valid against the current schema" ||
	    fail "${f##*/} is valid against the current schema"
done
exp_get schema.xsd ""
is "$HTTP_STATUS" 200 "the schema is served"
like "$(cat "$HTTP_BODY")" 'name="onderwerpen" type="m:Onderwerpen" minOccurs="0"' \
    "with the optional element"

# ---------------------------------------------------------------------
# The export's account, through sql/031's view.
# ---------------------------------------------------------------------
as()
{
	mariadb --no-defaults -S "$E2E_DBSOCK" -u "meldpunt_$1" \
	    -p"$(cat "$E2E_DIR/db.$1.password")" -N -B meldpunt -e "$2" 2>&1
}
k1=$(printf '77p1' | sha256sum | cut -c1-64)
k2=$(printf '77p2' | sha256sum | cut -c1-64)
sql "UPDATE partner SET key_hash = 0x$k1 WHERE id = $pmet;
    UPDATE partner SET key_hash = 0x$k2 WHERE id = $pzonder"
bind1="SET @meldpunt_partner_id = $pmet, @meldpunt_partner_key = 0x$k1;"
bind2="SET @meldpunt_partner_id = $pzonder, @meldpunt_partner_key = 0x$k2;"
is "$(as export "$bind1 SELECT GROUP_CONCAT(norm ORDER BY norm)
    FROM export_subject")" "1234AB 12,77XYZ7" \
    "the export account reads the sure subjects of what was shared"
is "$(as export "$bind2 SELECT COUNT(*) FROM export_subject")" 0 \
    "nothing for a partner whose profile lacks the field"
is "$(as export "SELECT COUNT(*) FROM export_subject")" 0 \
    "nothing without a key"
is "$(as export "SET @meldpunt_partner_id = $pmet,
    @meldpunt_partner_key = 0x$k2; SELECT COUNT(*) FROM export_subject")" \
    0 "nothing with another partner's key"
like "$(as export "SELECT COUNT(*) FROM subject")" 'command denied' \
    "the subject table itself stays closed to it"
like "$(as export "SELECT COUNT(*) FROM report_subject")" 'command denied' \
    "and so do the links"
sql "UPDATE partner SET disabled = 1 WHERE id = $pmet"
is "$(as export "$bind1 SELECT COUNT(*) FROM export_subject")" 0 \
    "nothing for a disabled partner"
sql "UPDATE partner SET disabled = 0 WHERE id = $pmet"
