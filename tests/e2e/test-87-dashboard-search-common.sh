# test-87-dashboard-search-common.sh -- the work list's search for a
# common word (issue 13) answers from the newest reports (list.c's
# newest-first scan) and gives the pages the FULLTEXT query gives: the
# same first and second page, for a coordinator and for a handler (the
# visibility rule), with a filter, with two words, with accents and
# capitals, with "%" and "_" in q; the CSV export the same reports; a
# rare word still found.  The expected answers come from the FULLTEXT
# query itself, run here with the mariadb client.

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
# Enough reports that a common word fills two pages: 1000 demo reports
# more, in Noord and Zuid as dash_fixtures puts them, removed at the
# end.
dash_demo_add 1000 87
max0=$DEMO_MAX0
sql "UPDATE report SET team_id = (SELECT id FROM team WHERE name =
    IF(report.id % 2 = 1, 'Noord', 'Zuid')) WHERE id > $max0;
    UPDATE report SET handler_id = (SELECT id FROM app_user WHERE
    username = IF(report.id % 2 = 1, 'hanna', 'henk'))
    WHERE handler_id IS NOT NULL AND id > $max0"
ok '[ "$(sql "SELECT COUNT(*) FROM report")" -gt 1000 ]' \
    "1000 demo reports more"

# ft VIS BOOLEAN EXTRA OFFSET LIMIT: the ids of the FULLTEXT query's
# page, newest first, as the list orders them.
ft()
{
	sql "SELECT id FROM report r WHERE $1 AND MATCH (r.description,
	    r.street, r.city) AGAINST ('$2' IN BOOLEAN MODE) $3
	    ORDER BY r.received_at DESC, r.id DESC LIMIT $5 OFFSET $4" |
	    paste -sd' '
}
# The reports the page links to, in its order, once each.
page_ids()
{
	grep -o 'href="/dashboard/melding/[0-9]*"' "$HTTP_BODY" |
	    grep -o '[0-9][0-9]*' | awk '!seen[$0]++' | paste -sd' '
}

# same USER VIS Q BOOLEAN [FILTER-QS FILTER-SQL]: pages 1 and 2 of
# USER's search Q are the FULLTEXT query's (VIS: USER's visibility).
same()
{
	local user=$1 vis=$2 q=$3 bool=$4 fqs=${5:-} fsql=${6:-} want
	want=$(ft "$vis" "$bool" "$fsql" 0 50)
	ok '[ "$(echo "$want" | wc -w)" -eq 50 ]' \
	    "$user '$q'$fqs: the FULLTEXT query fills page 1"
	dash_as "$user" GET "/?q=$q$fqs"
	is "$HTTP_STATUS" 200 "$user '$q'$fqs: page 1 is answered"
	is "$(page_ids)" "$want" "$user '$q'$fqs: page 1 is FULLTEXT's"
	like "$(http_body)" 'pagina=2' "$user '$q'$fqs: it links page 2"
	want=$(ft "$vis" "$bool" "$fsql" 50 50)
	dash_as "$user" GET "/?q=$q$fqs&pagina=2"
	is "$HTTP_STATUS" 200 "$user '$q'$fqs: page 2 is answered"
	is "$(page_ids)" "$want" "$user '$q'$fqs: page 2 is FULLTEXT's"
}

# Which way a page came, from MariaDB's general log (in a table, for
# this test only): "scan ids" when the scan and then the page by id
# ran, "scan text" when the scan fell back to the FULLTEXT query.  The
# page's other statements on report (the navigation's counts) are none
# of the three and are left out.
log_output=$(sql "SELECT @@GLOBAL.log_output")
way()
{
	sql "TRUNCATE mysql.general_log; SET GLOBAL log_output = 'TABLE';
	    SET GLOBAL general_log = 1"
	dash_as "$1" GET "/?q=$2"
	sql "SET GLOBAL general_log = 0"
	sql "SELECT CASE WHEN argument LIKE '%CONCAT_WS%' THEN 'scan'
	    WHEN argument LIKE '%WHERE r.id IN (%' THEN 'ids'
	    WHEN argument LIKE '%MATCH%' THEN 'text' END FROM
	    mysql.general_log WHERE command_type = 'Execute' AND argument
	    LIKE '%FROM report r%' ORDER BY event_time" |
	    grep -v '^NULL$' | paste -sd' '
}
is "$(way cor naar)" "scan ids" "a common word is answered by the scan"
is "$(way hanna naar)" "scan ids" "for a handler too"
is "$(way cor xqzeldzaam)" "scan text" \
    "a rare word is tried by the scan, then the FULLTEXT query"
is "$(way cor 'naar&pagina=6')" "text" \
    "a page past the scan's reach goes to the FULLTEXT query at once"

# "naar" is in some 40% of the demo reports.
all=1
mine="r.team_id = $noord"
same cor "$all" naar '+naar*'
same hanna "$mine" naar '+naar*'
same cor "$all" naar '+naar*' '&kanaal=web' "AND r.channel = 'web'"
same hanna "$mine" naar '+naar*' '&kanaal=web' "AND r.channel = 'web'"
# Capitals and accents fold, in q as in the index.
same cor "$all" N%C3%81%C3%81R '+NÁÁR*'
# Two words, and "%" and "_", which split words as any punctuation does
# and are no LIKE wildcards.
same cor "$all" naar+gingen '+naar* +gingen*'
same cor "$all" naar%25 '+naar*'
same hanna "$mine" naar_gingen '+naar* +gingen*'
same cor "$all" %25naar_%25 '+naar*'

# Words InnoDB does not index (under 3 characters, stopwords) match as
# they do there: "in" only as the start of a longer word, "ik" not in
# the demo's text at all.
agrees()
{
	local user=$1 vis=$2 q=$3 bool=$4
	dash_as "$user" GET "/?q=$q"
	is "$(page_ids)" "$(ft "$vis" "$bool" "" 0 50)" \
	    "$user '$q': page 1 is FULLTEXT's"
}
ok '[ "$(ft "$all" "+naar* +in*" "" 0 100 | wc -w)" -gt 51 ]' \
    "'+naar* +in*' fills a page"
agrees cor "$all" naar+in '+naar* +in*'
agrees cor "$all" naar+ik '+naar* +ik*'
agrees cor "$all" naar+the '+naar* +the*'

# The CSV export holds the FULLTEXT query's reports, all of them.
csv_refs()
{
	tail -n +2 "$HTTP_BODY" | grep -o '^[A-Z0-9-]*' | paste -sd' '
}
dash_as cor GET "/export?q=naar&kanaal=web"
is "$HTTP_STATUS" 200 "the export of a common word"
is "$(csv_refs)" "$(sql "SELECT reference FROM report r WHERE
    MATCH (r.description, r.street, r.city) AGAINST ('+naar*' IN
    BOOLEAN MODE) AND r.channel = 'web' ORDER BY r.received_at DESC,
    r.id DESC" | paste -sd' ')" "it holds the FULLTEXT query's reports"

# A rare word: one report, still found (the FULLTEXT query answers);
# an accented one found without its accent and the other way round.
rare=$(sql "SELECT MAX(id) FROM report WHERE id > $max0 AND id % 2 = 1")
sql "UPDATE report SET description = CONCAT(description,
    ' Zeldzaamwoordje87 in het Caféterras87') WHERE id = $rare"
for q in zeldzaamwoordje87 ZELDZAAM cafeterras87 caf%C3%A9terras87; do
	dash_as cor GET "/?q=$q"
	is "$(page_ids)" "$rare" "cor: '$q' finds the one report"
done
dash_as hanna GET "/?q=zeldzaamwoordje87"
is "$(page_ids)" "$rare" "hanna: so does she (Noord)"
dash_as henk GET "/?q=zeldzaamwoordje87"
is "$(page_ids)" "" "henk (Zuid) does not see it"
# Not in the middle of a word.
dash_as cor GET "/?q=woordje87"
is "$(page_ids)" "" "a word's middle finds nothing"

# Leave the data as it was for the tests after this one.
sql "TRUNCATE mysql.general_log; SET GLOBAL log_output = '$log_output'"
dash_demo_remove
