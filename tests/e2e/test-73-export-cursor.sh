# test-73-export-cursor.sh -- the cursor loses nothing and duplicates
# nothing while reports change during the pulls.  A background loop
# shares reports, edits shared ones through the dashboard and takes new
# reports through the form (shared by a rule), while the partner pulls
# page by page with a small limit.  Afterwards the (reference, change)
# pairs received are compared with the database.

. "$top_srcdir/tests/e2e/export.sh"
. "$top_srcdir/tests/e2e/intake.sh"
dash_fixtures

ks=$(exp_partner stroom "Stroomtest" --signal-types drugs \
    --pulls-per-minute 100000)
sid=$(sql "SELECT id FROM partner WHERE name = 'stroom'")
work=$E2E_TEST_DIR/cursor
mkdir -p "$work"
: >"$work/received"
rounds=40

# The changes, in the background, with their own HTTP files.
(
	E2E_TEST_DIR=$work/bg
	mkdir -p "$E2E_TEST_DIR"
	i=0
	while [ $i -lt $rounds ]; do
		i=$((i + 1))
		HTTP_STATUS=200
		id=$(sql "SELECT id FROM report ORDER BY RAND() LIMIT 1")
		shared=$(sql "SELECT COUNT(*) FROM report_share WHERE
		    partner_id = $sid AND report_id = $id")
		case $((i % 4)) in
		0)
			report_fields
			post_report >/dev/null ;;
		1)
			if [ "$shared" = 0 ]; then
				dash_post cor "/melding/$id" actie=delen \
				    "partner=$sid" >/dev/null
			fi ;;
		*)
			id=$(sql "SELECT report_id FROM report_share WHERE
			    partner_id = $sid ORDER BY RAND() LIMIT 1")
			dash_post cor "/melding/$id" actie=wijzigen \
			    veld=omschrijving "waarde=Wijziging $i" \
			    "versie=$(dash_version "$id")" >/dev/null ;;
		esac
		echo "$i $HTTP_STATUS" >>"$work/bg.log"
	done
	touch "$work/bg.done"
) &
bg=$!

cursor=
pages=0
bad=0
while :; do
	exp_get "reports.xml?since=$cursor&limit=3" "$ks"
	if [ "$HTTP_STATUS" != 200 ] || ! xsd_ok; then
		bad=$((bad + 1))
		diag "page $pages: $HTTP_STATUS"
		break
	fi
	pages=$((pages + 1))
	exp_changes >>"$work/received"
	set -- $(exp_next)
	cursor=$1
	if [ "$2" = false ]; then
		if [ -e "$work/bg.done" ]; then
			# One more round after the changes stopped.
			[ -e "$work/final" ] && break
			touch "$work/final"
		else
			sleep 0.2
		fi
	fi
	[ $pages -gt 2000 ] && break
done
wait "$bg"

is "$bad" 0 "every page was 200 and valid against the XSD"
ok "[ $pages -gt 5 ]" \
    "the partner pulled page by page ($pages pages)"
is "$(grep -c -v ' \(200\|303\)$' "$work/bg.log")" 0 \
    "every change in the background succeeded"
is "$(sort "$work/received" | uniq -d | wc -l)" 0 \
    "no (reference, change) was received twice"

# Changes arrive in feed order, oldest first.
awk '{ split($2, c, "-"); print c[1] " " c[2] }' "$work/received" |
    sort -c -k1,1n -k2,2n -u 2>/dev/null &&
    pass "changes arrive in strictly increasing cursor order" ||
    fail "changes arrive in strictly increasing cursor order"

# The database's final state of every shared report was received.
sql "SELECT r.reference, CONCAT(s.seq, '-', s.report_id) FROM
    report_share s JOIN report r ON r.id = s.report_id WHERE
    s.partner_id = $sid" | tr '\t' ' ' | sort >"$work/db"
sort -u "$work/received" >"$work/got"
missing=$(comm -23 "$work/db" "$work/got" | wc -l)
is "$missing" 0 "no change of a shared report was missed"
is "$(cut -d' ' -f1 "$work/got" | sort -u | wc -l)" "$(wc -l <"$work/db")" \
    "every shared report was received, and no other"
changed=$(sql "SELECT COUNT(*) FROM report_share WHERE partner_id = $sid
    AND seq > (SELECT MIN(seq) FROM report_share WHERE partner_id = $sid)")
ok "[ $changed -gt 5 ]" \
    "the background really changed shared reports ($changed)"
