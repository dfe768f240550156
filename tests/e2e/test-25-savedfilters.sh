# test-25-savedfilters.sh -- the work list's saved filters (issue 16):
# a user saves the filters of the list under a name, sees them as links
# on the list, uses and removes them; per user at most 20, names of at
# most 60 characters, each refused at the name field with nothing
# written; only filters the list itself accepts are saved, and a saved
# one is checked again on use (a row altered in the database is never
# trusted); one user's filters are invisible to another and neither
# usable nor removable by them (404); CSRF on every change; audited.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

AUDIT_SINCE=$(sql "SELECT COALESCE(MAX(id), 0) FROM audit_log")
uid() { sql "SELECT id FROM app_user WHERE username = '$1'"; }
hanna=$(uid hanna)
henk=$(uid henk)
tag="t25-$$"
nf() { sql "SELECT COUNT(*) FROM saved_filter WHERE user_id = $1"; }
fid() { sql "SELECT MAX(id) FROM saved_filter WHERE name = '$1'"; }
# Start from none of hanna's and henk's (an earlier run's are theirs).
sql "DELETE FROM saved_filter WHERE user_id IN ($hanna, $henk)"
type=$(sql "SELECT signal_type_id FROM report WHERE id = $(dash_report Noord)")

# --- Saving ---------------------------------------------------------------

dash_as hanna GET "/?status=nieuw"
is "$HTTP_STATUS" 200 "the work list with a filter"
like "$(http_body)" 'U heeft nog geen filters opgeslagen' "no saved filters yet"
like "$(http_body)" 'action="/dashboard/filters\?status=nieuw"' \
    "a form saves the filters shown"
dash_as hanna GET /
like "$(http_body)" 'Kies filters en klik op Filteren' \
    "without filters there is nothing to save, and the list says so"

dash_as hanna POST "/filters?status=nieuw" --data-urlencode actie=opslaan \
    --data-urlencode "naam=Zonder token"
is "$HTTP_STATUS" 403 "saving without the CSRF token: refused"
is "$(nf "$hanna")" 0 "nothing written"

dash_post hanna "/filters?status=nieuw&soort=$type&q=loods&pagina=3" \
    actie=opslaan "naam=Nieuw <i>\"$tag\"</i>"
is "$HTTP_STATUS" 303 "hanna saves the filters of her list"
is "$(http_header Location)" /dashboard/?filter=opgeslagen \
    "and returns to the list, with a confirmation"
one=$(fid "Nieuw <i>\"$tag\"</i>")
is "$(sql "SELECT CONCAT(user_id, ' ', query) FROM saved_filter WHERE id = $one")" \
    "$hanna status=nieuw&soort=$type&q=loods" \
    "stored as hers, the checked filters as a query string (no page)"
is "$(audit_count filter-opslaan hanna "$one")" 1 "audited"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE id > $AUDIT_SINCE
    AND (detail LIKE '%$tag%' OR detail LIKE '%loods%')")" 0 \
    "without its name or filters"
dash_as hanna GET /?filter=opgeslagen
like "$(http_body)" 'id="saved-note">Uw filters zijn opgeslagen' "confirmed"
like "$(http_body)" "<a href=\"/dashboard/filter/$one\">Nieuw &lt;i&gt;&quot;$tag&quot;&lt;/i&gt;</a>" \
    "the list links to it, its name escaped"
unlike "$(http_body)" "<i>\"$tag" "never as markup"

# --- Using --------------------------------------------------------------------

dash_as hanna GET "/filter/$one"
is "$HTTP_STATUS" 200 "hanna uses it"
like "$(http_body)" '<option selected>nieuw</option>' "the status filter is set"
like "$(http_body)" "<option value=\"$type\" selected>" "the type as well"
like "$(http_body)" 'id="f-q"[^>]*value="loods"' "and the search"
dash_as hanna GET "/?status=nieuw&soort=$type&q=loods"
direct=$(grep -o 'href="/dashboard/melding/[0-9]*"' "$HTTP_BODY" | sort -u)
dash_as hanna GET "/filter/$one"
is "$(grep -o 'href="/dashboard/melding/[0-9]*"' "$HTTP_BODY" | sort -u)" \
    "$direct" "the same reports as those filters typed in"

# --- Another user's ---------------------------------------------------------

dash_as henk GET "/?status=nieuw"
unlike "$(http_body)" "$tag" "henk does not see hanna's filter"
unlike "$(http_body)" "/filter/$one\"" "nor a link to it"
dash_as henk GET "/filter/$one"
is "$HTTP_STATUS" 404 "henk cannot use it: 404"
unlike "$(http_body)" "$tag" "and learns nothing of it"
dash_as henk GET /filter/4000000000
is "$HTTP_STATUS" 404 "the same answer as for one that does not exist"
dash_post henk /filters actie=verwijderen "id=$one"
is "$HTTP_STATUS" 404 "henk cannot remove it: 404"
is "$(sql "SELECT COUNT(*) FROM saved_filter WHERE id = $one")" 1 \
    "it is still there"
is "$(audit_count geweigerd henk "$one")" 2 "both refusals audited"
dash_post henk "/filters?status=nieuw" actie=opslaan "naam=Nieuw <i>\"$tag\"</i>"
is "$HTTP_STATUS" 303 "henk may use the same name for his own"
is "$(nf "$henk")" 1 "which is his"

# --- Refused, at the name field, nothing written ----------------------------

refused() # DESC QUERY field=value...
{
	local desc=$1 q=$2 before
	shift 2
	before=$(nf "$hanna")
	dash_post hanna "/filters$q" actie=opslaan "$@"
	is "$HTTP_STATUS" 400 "$desc: refused"
	like "$(http_body)" 'id="f-naam-error"' "$desc: the error at the name"
	like "$(http_body)" 'aria-describedby="f-naam-hint f-naam-error"' \
	    "$desc: tied to the field"
	is "$(nf "$hanna")" "$before" "$desc: nothing written"
}
long61=$(printf 'n%.0s' $(seq 61))
refused "no name" "?status=nieuw" "naam=  "
refused "a name of 61 characters" "?status=nieuw" "naam=$long61"
like "$(http_body)" 'ten hoogste 60 tekens' "saying the limit"
is "$(form_value naam)" "$long61" "keeping what was typed"
refused "a name of two lines" "?status=nieuw" "naam=Een
twee"
refused "no filters" "" "naam=Alles"
like "$(http_body)" 'Kies eerst een of meer filters' "saying why"
refused "a filter the list refuses" "?status=weg&soort=x" "naam=Fout"
like "$(http_body)" 'waren ongeldig' "saying why"
refused "a name she has already" "?status=afgerond" \
    "naam=nieuw <I>\"$tag\"</I>"
like "$(http_body)" 'al filters met deze naam' "saying why"
dash_post hanna "/filters?status=nieuw" actie=opslaan \
    "naam=$(printf 'n%.0s' $(seq 60))"
is "$HTTP_STATUS" 303 "a name of 60 characters is taken"

# --- At most 20 each --------------------------------------------------------

i=$(nf "$hanna")
while [ "$i" -lt 20 ]; do
	dash_post hanna "/filters?team=$i" actie=opslaan "naam=Team $i $tag"
	i=$((i + 1))
done
is "$(nf "$hanna")" 20 "hanna has 20 saved filters"
refused "a 21st" "?status=nieuw" "naam=Nog een"
like "$(http_body)" 'U heeft al 20 opgeslagen filters' "saying why"
dash_post henk "/filters?status=afgerond" actie=opslaan "naam=Afgerond"
is "$HTTP_STATUS" 303 "henk's own limit is his own"

# --- A stored row is checked again on use -----------------------------------

sql "UPDATE saved_filter SET query = 'status=nieuw%0D%0ALocation%3A%20x'
    WHERE id = $one"
dash_as hanna GET "/filter/$one"
is "$HTTP_STATUS" 400 "a row changed to an impossible status: the list refuses it"
like "$(http_body)" 'zijn genegeerd' "as it refuses any wrong filter"
is "$(http_header Location)" "" "no header made of it"
sql "UPDATE saved_filter SET query = 'status=<script>' WHERE id = $one"
dash_as hanna GET "/filter/$one"
is "$HTTP_STATUS" 400 "a row with characters no query has: refused"
unlike "$(http_body)" '<script>' "never shown"

# --- Removing ---------------------------------------------------------------

dash_as hanna POST /filters --data-urlencode actie=verwijderen \
    --data-urlencode "id=$one"
is "$HTTP_STATUS" 403 "removing without the CSRF token: refused"
is "$(sql "SELECT COUNT(*) FROM saved_filter WHERE id = $one")" 1 "kept"
dash_post hanna /filters actie=verwijderen "id=$one"
is "$HTTP_STATUS" 303 "hanna removes her filter"
is "$(http_header Location)" /dashboard/?filter=weg "back to the list"
is "$(sql "SELECT COUNT(*) FROM saved_filter WHERE id = $one")" 0 "it is gone"
is "$(audit_count filter-weg hanna "$one")" 1 "audited"
dash_as hanna GET "/filter/$one"
is "$HTTP_STATUS" 404 "and no longer usable"
dash_post hanna /filters actie=verwijderen "id=$one"
is "$HTTP_STATUS" 404 "removing it again: 404"
dash_post hanna /filters actie=weg "id=$one"
is "$HTTP_STATUS" 400 "an unknown action: 400"
sql "DELETE FROM saved_filter WHERE user_id IN ($hanna, $henk)"
