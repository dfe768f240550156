#!/usr/bin/env bash
# tests/pages/snapshot.sh -- write every kind of page the programs serve,
# for the same data, into OUTDIR: one file per page with the status
# line, the headers and the body, so that two builds can be compared
# with diff -r (issue 12: "every page byte-identical for the same
# data").  Not a test: it checks nothing and always writes the same
# pages in the same order; compare two runs yourself.
#
#	cd build && top_srcdir=$PWD/.. top_builddir=$PWD \
#	    ../tests/pages/snapshot.sh OUTDIR
#
# It uses the end-to-end harness (tests/e2e/lib.sh): a private MariaDB,
# the programs under spawn-fcgi and a private nginx on free ports, in
# $top_builddir/tests/pages-run (MELDPUNT_PAGES_ROOT), stopped and
# removed at the end (MELDPUNT_PAGES_KEEP=1 keeps the directory).
#
# Determinism.  The data are the e2e fixtures (tests/e2e/dash.sh: teams,
# one user per role, seed-demo --reports 20 --seed 7) plus a few
# reports, replies and actions made through the pages.  The clock is
# stopped at MP_FIXED_TIME (2026-11-30 10:00:00 UTC) for everything
# that writes or shows a date:
#   - meldpuntctl and the FastCGI programs run with fixclock.so in
#     LD_PRELOAD (tests/pages/fixclock.c, compiled here with cc);
#   - every non-root MariaDB session (the programs' accounts and the
#     shared account meldpuntctl uses) starts with SET timestamp by
#     init_connect; the root statements of this script set it too.
# TZ is Europe/Amsterdam and LC_ALL C.  What stays random is masked with
# sed after each response (mask() below, one rule each):
#   1. the Date header (nginx's own clock);
#   2. Set-Cookie values (session ids, pre-session ids);
#   3. the value of hidden csrf, form-token and token inputs (random
#      nonces, HMACs under a key made per instance);
#   4. the secret code on the receipt (random);
#   5. the partner key in an export URL or log line, were one shown.
# Everything else -- references, ids, dates, texts, orders -- is the
# same on every run, so a difference is a difference of the build.

set -u

if [ $# -ne 1 ]; then
	echo "usage: snapshot.sh OUTDIR" >&2
	exit 2
fi
OUT=$1

if [ -z "${top_srcdir:-}" ]; then
	top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
fi
if [ -z "${top_builddir:-}" ]; then
	top_builddir=$(pwd)
fi
export top_srcdir top_builddir
TZ=Europe/Amsterdam
LC_ALL=C
export TZ LC_ALL

MP_FIXED_TIME=${MP_FIXED_TIME:-1796032800}
export MP_FIXED_TIME

# shellcheck source=../e2e/lib.sh
. "$top_srcdir/tests/e2e/lib.sh"
# shellcheck source=../e2e/feedback.sh
. "$top_srcdir/tests/e2e/feedback.sh"
# shellcheck source=../e2e/export.sh
. "$top_srcdir/tests/e2e/export.sh"

ROOT=${MELDPUNT_PAGES_ROOT:-$top_builddir/tests/pages-run}

finish()
{
	local rc=$?
	trap - EXIT INT TERM HUP
	e2e_teardown
	if [ "${MELDPUNT_PAGES_KEEP:-0}" != 1 ] && [ "$rc" -eq 0 ]; then
		mp_remove_instance "$ROOT"
	fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

die()
{
	printf 'snapshot.sh: %s\n' "$*" >&2
	e2e_diagnostics >&2
	exit 1
}

# The clock: meldpuntctl under the shim; root SQL at the fixed time.
mp_ctl()
{
	LD_PRELOAD=$SHIM "$top_builddir/meldpuntctl" -c "$E2E_CONF" "$@"
}

sql()
{
	mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -N -B \
	    --default-character-set=utf8mb4 meldpunt \
	    -e "SET timestamp = $MP_FIXED_TIME; $1"
}

# intake.sh's date "3 days ago", by the stopped clock.
past_date()
{
	date -u -d "@$(( MP_FIXED_TIME - ${1:-3} * 86400 ))" +%F
}

# The masks, in the order of the list above.
mask()
{
	sed -E \
	    -e 's/^(Date:) .*/\1 (masked)/' \
	    -e 's/^(Set-Cookie: [^=]+=)[^;]+/\1(masked)/' \
	    -e 's/(name="(csrf|form-token|token)" value=")[^"]*"/\1(masked)"/g' \
	    -e 's/(id="secret-code">)[^<]*</\1(masked)</g' \
	    -e 's/mpx1\.[0-9]+\.[A-Za-z0-9_-]{43}/(masked key)/g'
}

NPAGES=0

# save NAME: the last response (lib.sh's HTTP_HEADERS and HTTP_BODY)
# into OUT/NN-NAME, masked.
save()
{
	local f
	NPAGES=$(( NPAGES + 1 ))
	f=$(printf '%s/%02d-%s' "$OUT" "$NPAGES" "$1")
	{
		mask <"$HTTP_HEADERS"
		mask <"$HTTP_BODY"
	} >"$f"
}

# as WHO: use WHO's cookie jar for the next requests.
as()
{
	E2E_TEST_DIR=$E2E_DIR/tests/$1
	export E2E_TEST_DIR
	mkdir -p "$E2E_TEST_DIR"
}

# ---------------------------------------------------------------------
# The instance, like e2e_setup, with the clock stopped.
# ---------------------------------------------------------------------

mkdir -p "$OUT" || exit 1
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT"/[0-9][0-9]-*

mp_remove_instance "$ROOT"
mp_layout "$ROOT"
: >"$E2E_DIR/tap.results"
SHIM=$E2E_DIR/fixclock.so
cc -shared -fPIC -O2 -o "$SHIM" "$top_srcdir/tests/pages/fixclock.c" \
    -ldl || die "cannot compile fixclock.c"
mp_write_config
start_mariadb_only || die "MariaDB did not start"
mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -e \
    "SET GLOBAL init_connect = 'SET timestamp = $MP_FIXED_TIME'" ||
    die "cannot set init_connect"
mp_prepare_db || die "cannot prepare the database"
(
	LD_PRELOAD=$SHIM
	export LD_PRELOAD
	start_programs
) || die "the programs did not start"
start_web || die "the web server did not start"

# ---------------------------------------------------------------------
# Data.
# ---------------------------------------------------------------------

as setup
dash_fixtures
intake_catalog
mp_ctl partner add politie "Politie Eenheid Oost" --signal-types drugs \
    >"$E2E_DIR/partner.key" 2>>"$E2E_DIR/ctl.log" ||
    die "partner add failed"
PKEY=$(tail -n 1 "$E2E_DIR/partner.key")

# An anonymous report and a named one through the intake.
as intake
report_fields
post_report
[ "$HTTP_STATUS" = 200 ] || die "intake: $HTTP_STATUS"
REF1=$(receipt_ref)
CODE1=$(receipt_code)
report_fields
set_contact "Marieke de Melder" "marieke@voorbeeld.nl" "06 1234 5678"
set_field report-signal-type woonfraude
post_report
[ "$HTTP_STATUS" = 200 ] || die "intake (named): $HTTP_STATUS"
REF2=$(receipt_ref)
ID1=$(sql "SELECT id FROM report WHERE reference = '$REF1'")
ID2=$(sql "SELECT id FROM report WHERE reference = '$REF2'")
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name = 'Noord')
    WHERE id IN ($ID1, $ID2)"

# The handler takes the first and asks the reporter something; the
# reporter answers.
as hanna
dash_post hanna "/melding/$ID1" actie=oppakken "versie=$(dash_version "$ID1")"
dash_post hanna "/melding/$ID1" actie=notitie "tekst=Buurman gebeld."
dash_post hanna "/melding/$ID1" actie=bericht \
    "tekst=Welke kleur had het busje?"
as reporter
fb_signin "$REF1" "$CODE1"
fb_reply 'Het busje was wit, kenteken begon met VX.'

# ---------------------------------------------------------------------
# The pages, in a fixed order.
# ---------------------------------------------------------------------

# Intake.
as visitor
iget /melden/;					save intake-form
iget /melden/ondernemers;			save intake-form-audience
iget /melden/bestaat-niet;			save intake-404
new_token
# shellcheck disable=SC2034  # F is read by post_report
F=("form-token=$TOKEN" "report-signal-type=" "report-description="
    "report-anonymous=" "website=")
post_report;					save intake-empty
report_fields
set_field report-observed-date 2999-01-01
set_field report-postcode 'abc'
set_contact "" "geen-adres" ""
post_report;					save intake-bad-fields
report_fields
set_field form-token 'vals'
post_report;					save intake-bad-token
report_fields
set_field website 'http://spam.invalid'
post_report;					save intake-honeypot
report_fields
post_report;					save intake-receipt
post_report;					save intake-duplicate

# Feedback.
as reporter2
fb_get /;					save feedback-signin
fb_signin "$REF1" "verkeerde-code";		save feedback-signin-wrong
http_reset_cookies
http_request POST "$FB/aanmelden" --interface "$FB_ADDR" \
    --data-urlencode "token=x" --data-urlencode "meldingsnummer=$REF1" \
    --data-urlencode "code=$CODE1";		save feedback-signin-nocookie
fb_signin "$REF1" "$CODE1";			save feedback-signin-ok
fb_get /;					save feedback-thread
fb_get "/?verstuurd=1";				save feedback-thread-sent
fb_reply '';					save feedback-reply-empty
tok=$(fb_csrf)
http_request POST "$FB/afmelden" --interface "$FB_ADDR" \
    --data-urlencode "csrf=$tok";		save feedback-signout
fb_get /;					save feedback-after-signout

# Dashboard.
N=$(dash_report Noord)
Z=$(dash_report Zuid)
as nobody
dash_as "" GET /;				save dash-no-user
dash_as nobody GET /;				save dash-unknown-user
dash_as oud GET /;				save dash-disabled-user
as hanna
dash_as hanna GET /;				save dash-list-handler
dash_as hanna GET "/melding/$ID1";		save dash-report-handler
dash_as hanna GET "/melding/$Z";		save dash-report-other-team
dash_as hanna GET /beheer;			save dash-admin-denied
dash_as hanna GET /nieuw;			save dash-new-form
as cor
dash_as cor GET /;				save dash-list-coordinator
dash_as cor GET "/?status=nieuw";		save dash-list-status
dash_as cor GET "/?team=$(sql "SELECT id FROM team WHERE name = 'Zuid'")&status=in+behandeling"
						save dash-list-team
dash_as cor GET "/?q=busjes";			save dash-list-search
dash_as cor GET "/?van=2026-06-01&tot=2026-09-30&kanaal=web"
						save dash-list-dates
dash_as cor GET "/?pagina=2";			save dash-list-page2
dash_as cor GET "/?van=2020-02-30&pagina=0";	save dash-list-bad-filter
dash_as cor GET "/melding/$ID2";		save dash-report-named
dash_as cor GET "/melding/$N";			save dash-report-seeded
dash_as cor GET "/melding/999999";		save dash-report-404
dash_post cor "/melding/$N" actie=status naar=onzin "versie=0"
						save dash-action-bad
dash_as cor GET /statistiek;			save dash-stats
dash_as cor GET "/statistiek?van=2026-01&tot=2026-06"
						save dash-stats-range
dash_as cor GET "/statistiek/csv?van=2025-12&tot=2026-11"
						save dash-stats-csv
dash_as cor GET "/export?status=nieuw";		save dash-export-csv
dash_as cor GET /verzoeken;			save dash-grants
as ad
dash_as ad GET /beheer;				save dash-admin
as aud
dash_as aud GET /audit;				save dash-audit
dash_as aud GET "/audit?gebruiker=hanna&actie=aanmelden"
						save dash-audit-filtered
dash_as aud GET "/audit?van=morgen";		save dash-audit-bad-filter

# Export API.
as partner
exp_get reports.xml "";				save api-no-key
exp_get reports.xml "$PKEY";			save api-feed
SHARED=$(exp_refs | head -n 1)
exp_get "reports.xml?limit=2" "$PKEY";		save api-feed-limit
exp_get "reports.xml?since=onzin" "$PKEY";	save api-feed-bad-cursor
exp_get schema.xsd "$PKEY";			save api-schema
exp_get "reports/$SHARED.xml" "$PKEY";		save api-report
exp_get "reports/MP-0000-000000.xml" "$PKEY";	save api-report-404
exp_get nergens "$PKEY";			save api-404

# Dossiers (issue 14), made last so that the pages above stay as they
# were: a Noord dossier with a report of each team (one out of
# hanna's sight), an analysis, a note, a task and a document.
as hanna
NOORD=$(sql "SELECT id FROM team WHERE name = 'Noord'")
HANNA=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")
dash_post hanna /dossier/nieuw "titel=Pand <Kerkstraat> & Co" \
    thema=woonoverlast "team=$NOORD"
[ "$HTTP_STATUS" = 303 ] || die "new dossier: $HTTP_STATUS"
DS=$(sql "SELECT MAX(id) FROM dossier")
dash_post hanna "/dossier/$DS" actie=analyse versie=0 \
    "tekst=Eerste analyse & <vermoeden>"
dash_post hanna "/dossier/$DS" actie=melding "melding=$REF1"
as cor
dash_post cor "/dossier/$DS" actie=melding \
    "melding=$(sql "SELECT reference FROM report WHERE id = $Z")"
as hanna
dash_post hanna "/dossier/$DS/journaal" actie=notitie \
    "notitie-tekst=Buurt gesproken."
dash_post hanna "/dossier/$DS/journaal" actie=taak taak-soort=adrescontrole \
    "taak-omschrijving=Adres bezoeken" "taak-uitvoerder=$HANNA" \
    "taak-datum=2026-12-15"
printf '%%PDF-1.4\n%%%%EOF\n' >"$E2E_DIR/rapport.pdf"
tok=$(dash_csrf hanna)
dash_as hanna POST "/dossier/$DS/documenten" -F "csrf=$tok" \
    -F "document-bestand=@$E2E_DIR/rapport.pdf;filename=rap\"port;x.pdf" \
    >/dev/null
[ "$HTTP_STATUS" = 303 ] || die "document: $HTTP_STATUS"
DOC=$(sql "SELECT MAX(id) FROM dossier_document")
dash_as hanna GET /dossiers;			save dossier-list
dash_as hanna GET "/dossier/$DS";		save dossier-page
dash_as hanna GET "/dossier/$DS/afdrukken";	save dossier-print
dash_as hanna GET "/dossier/$DS/document/$DOC";	save dossier-document
dash_as hanna GET "/dossier/$DS/document/999999"
						save dossier-document-404
tok=$(dash_csrf hanna)
dash_as hanna POST "/dossier/$DS/documenten" -F "csrf=$tok" >/dev/null
						save dossier-document-none
dash_as hanna GET /taken;			save dossier-tasks
dash_as hanna GET "/melding/$ID1";		save dossier-report
as henk
dash_as henk GET "/dossier/$DS";		save dossier-out-of-sight
dash_as henk GET "/dossier/$DS/afdrukken";	save dossier-print-out-of-sight
dash_as henk GET "/dossier/$DS/document/$DOC"
						save dossier-document-out-of-sight
as cor
dash_as cor GET "/dossier/$DS/afdrukken";	save dossier-print-coordinator
dash_as cor GET /dossiers/statistiek;		save dossier-stats
dash_as cor GET "/dossiers/statistiek?van=2026-13&tot=2026-01"
						save dossier-stats-bad
dash_as cor GET "/dossiers/statistiek/csv?van=2025-12&tot=2026-11"
						save dossier-stats-csv

echo "snapshot.sh: $NPAGES pages in $OUT"
