# tests/e2e/export.sh -- helpers for the export tests (test-7x-*.sh):
# partners with keys, pulls through nginx, validation of every response
# against the published XSD.  Sourced by those tests; lib.sh is loaded.

if [ -n "${MP_E2E_EXPORT_LOADED:-}" ]; then
	return 0
fi
MP_E2E_EXPORT_LOADED=1

. "$top_srcdir/tests/e2e/dash.sh"

EXPORT_XSD=$top_srcdir/templates/export/meldpunt-export-1.xsd

# exp_partner NAME DISPLAY [options...]: add a partner (or rotate the
# key of an existing one) and print its key.
exp_partner()
{
	local name=$1
	shift
	if [ "$(sql "SELECT COUNT(*) FROM partner WHERE name = '$name'")" \
	    = 1 ]; then
		mp_ctl partner rotate-key "$name" 2>/dev/null
	else
		mp_ctl partner add "$name" "$@" 2>/dev/null | tail -n 1
	fi
}

# exp_get PATH KEY [curl options...]: GET /api/v1/PATH with the key
# ("" for none).
exp_get()
{
	local path=$1 key=$2
	shift 2
	if [ -n "$key" ]; then
		http_get "/api/v1/$path" -H "Authorization: Bearer $key" "$@"
	else
		http_get "/api/v1/$path" "$@"
	fi
}

# xsd_ok [FILE]: 0 when FILE (default the last body) is valid against
# the schema; the errors go to the TAP log.
xsd_ok()
{
	local f=${1:-$HTTP_BODY} out
	if out=$(xmllint --noout --nonet --schema "$EXPORT_XSD" "$f" 2>&1)
	then
		return 0
	fi
	diag "$out"
	return 1
}

# exp_refs [FILE]: the references of a feed page, one a line.
exp_refs()
{
	xmllint --nonet --xpath \
	    "//*[local-name()='melding']/@referentie" "${1:-$HTTP_BODY}" \
	    2>/dev/null | sed -n 's/.*referentie="\([^"]*\)".*/\1/p'
}

# exp_changes [FILE]: "reference change" of each report, one a line.
exp_changes()
{
	xmllint --nonet --xpath "//*[local-name()='melding']" \
	    "${1:-$HTTP_BODY}" 2>/dev/null | grep -o \
	    'referentie="[^"]*" wijziging="[^"]*"' |
	    sed 's/referentie="\([^"]*\)" wijziging="\([^"]*\)"/\1 \2/'
}

# exp_next [FILE]: the next cursor and "true"/"false" for more.
exp_next()
{
	grep -o '<volgende [^>]*>' "${1:-$HTTP_BODY}" |
	    sed 's/.*cursor="\([^"]*\)".*meer="\([^"]*\)".*/\1 \2/'
}
