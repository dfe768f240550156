# test-92-dossier-journal.sh -- the journal of a dossier (issue 14):
# notes, decisions (never edited: no route, refused; a later one
# replaces an earlier one, once, and the page shows the chain), tasks
# (an assignee who may see the dossier, a due date, overdue on the
# right Europe/Amsterdam day, closing only with an outcome), a
# concurrent edit of a task (409, the second editor's input kept,
# nothing lost), "Mijn taken" (overdue first, then by date; a task of
# a dossier one may no longer see drops out at once), the list's task
# filters, hostile text shown escaped, CSRF, audit rows without
# content and the dossier's history; the journal and the history in
# pages of 50 (links both ways without JavaScript, the last page, a
# decision chain across pages, bad page numbers a clear 400 or 404,
# no probing of a hidden dossier by page, the print view still whole).

. "$top_srcdir/tests/e2e/dash.sh"
dash_fixtures

noord=$(sql "SELECT id FROM team WHERE name = 'Noord'")
zuid=$(sql "SELECT id FROM team WHERE name = 'Zuid'")
hanna=$(sql "SELECT id FROM app_user WHERE username = 'hanna'")
henk=$(sql "SELECT id FROM app_user WHERE username = 'henk'")
cor=$(sql "SELECT id FROM app_user WHERE username = 'cor'")
# The days as Amsterdam counts them (the rule of lib/journal.c).
today=$(TZ=Europe/Amsterdam date +%F)
yesterday=$(date -d "$today -1 day" +%F)
before=$(date -d "$today -2 day" +%F)
tomorrow=$(date -d "$today +1 day" +%F)

jpost() { local u=$1 id=$2; shift 2; dash_post "$u" "/dossier/$id/journaal" "$@"; }
tpost() { local u=$1 id=$2 t=$3; shift 3; dash_post "$u" "/dossier/$id/taak/$t" "$@"; }
dpage() { dash_as "$1" GET "/dossier/$2" >/dev/null; http_body; }
jrows() { sql "SELECT COUNT(*) FROM dossier_journal WHERE dossier_id = $1"; }
lastj() { sql "SELECT MAX(id) FROM dossier_journal WHERE dossier_id = $1"; }
events() { sql "SELECT COUNT(*) FROM dossier_event WHERE dossier_id = $1
    AND kind = '$2'"; }

# Markers in every text: none may reach the audit log.
M_NOTE=Qjnotitie
M_DEC=Qjbesluit
M_WHY=Qjreden
M_BY=Qjdoor
M_TASK=Qjtaak
M_OUT=Qjtoelichting
markers="$M_NOTE|$M_DEC|$M_WHY|$M_BY|$M_TASK|$M_OUT"
xss='<script>alert(1)</script> "X" & <b>'
esc='&lt;script&gt;alert\(1\)&lt;/script&gt; &quot;X&quot; &amp; &lt;b&gt;'

dash_post hanna /dossier/nieuw titel=Journaalzaak thema=ondermijning "team=$noord"
is "$HTTP_STATUS" 303 "a dossier to work in"
d1=$(sql "SELECT MAX(id) FROM dossier")
dash_post cor /dossier/nieuw titel=Leeg thema=ondermijning "team=$noord"
d3=$(sql "SELECT MAX(id) FROM dossier")

body=$(dpage hanna "$d1")
like "$body" 'id="journaal"' "the page has a journal"
like "$body" 'id="tasks-none"' "and says there are no open tasks"

# A note.
jpost hanna "$d1" actie=notitie "notitie-tekst=$xss $M_NOTE"
is "$HTTP_STATUS" 303 "a note is added"
like "$(http_header Location)" "/dossier/$d1\\?gedaan=journaal-notitie#journaal" \
    "back to the journal, with its confirmation"
note=$(lastj "$d1")
is "$(sql "SELECT kind FROM dossier_journal WHERE id = $note")" note "stored as a note"
is "$(events "$d1" notitie)" 1 "its history row"
is "$(audit_count 'dossierjournaal toevoegen' hanna "$d1")" 1 "audited"
n=$(jrows "$d1")
jpost hanna "$d1" actie=notitie "notitie-tekst=   "
is "$HTTP_STATUS" 400 "a blank note is refused"
like "$(http_body)" 'id="notitie-tekst-fout"' "the error at its field"
like "$(http_body)" 'aria-describedby="notitie-tekst-fout"' "tied to the field"
jpost hanna "$d1" actie=notitie "notitie-tekst=$(head -c 10001 /dev/zero | tr '\0' a)"
is "$HTTP_STATUS" 400 "an over-long note is refused"
is "$(jrows "$d1")" "$n" "nothing written"

# Decisions: what, why, who and when; a later one replaces.  Its date
# typed as people write it (dd-mm-jjjj, as the report forms take it;
# a browser's date picker sends jjjj-mm-dd), stored as the date.
jpost hanna "$d1" actie=besluit "besluit-wat=$xss $M_DEC" \
    "besluit-reden=$xss $M_WHY" "besluit-door=$xss $M_BY" \
    "besluit-datum=$(date -d "$today" +%d-%m-%Y)"
is "$HTTP_STATUS" 303 "a decision is recorded"
da=$(lastj "$d1")
is "$(sql "SELECT CONCAT(kind, '|', DATE_FORMAT(decided_on, '%Y-%m-%d'))
    FROM dossier_journal WHERE id = $da")" "decision|$today" "with its date"
jpost hanna "$d1" actie=besluit "besluit-wat=Toch een last onder dwangsom" \
    "besluit-reden=Nieuwe feiten" "besluit-door=burgemeester" \
    "besluit-datum=$today" "besluit-vervangt=$da"
is "$HTTP_STATUS" 303 "a later decision replaces it"
db=$(lastj "$d1")
is "$(sql "SELECT replaces_id FROM dossier_journal WHERE id = $db")" "$da" "the chain is stored"
body=$(dpage hanna "$d1")
like "$body" "Vervangen door</dt><dd class=\"replaced\"><a href=\"#besluit-$db\">besluit $db</a>" \
    "the old one names its successor"
like "$body" "Vervangt</dt><dd><a href=\"#besluit-$da\">besluit $da</a>" \
    "the new one what it replaces"
is "$(events "$d1" besluit)" 2 "each in the history"
n=$(jrows "$d1")
jpost hanna "$d1" actie=besluit "besluit-wat=Derde $M_DEC" "besluit-reden=r" \
    "besluit-door=b" "besluit-datum=$today" "besluit-vervangt=$da"
is "$HTTP_STATUS" 400 "a decision replaced already is not replaced again"
like "$(http_body)" 'id="besluit-vervangt-fout"' "said at its field"
like "$(http_body)" "Derde $M_DEC</textarea>" "the typed text is kept"
jpost hanna "$d1" actie=besluit "besluit-wat=w" "besluit-reden=r" \
    "besluit-door=b" "besluit-datum=$today" "besluit-vervangt=$note"
is "$HTTP_STATUS" 400 "a note is no decision to replace"
jpost hanna "$d1" actie=besluit "besluit-wat=w" "besluit-reden=r" \
    "besluit-door=b" "besluit-datum=2026-02-30"
is "$HTTP_STATUS" 400 "an impossible date is refused"
like "$(http_body)" 'id="besluit-datum-fout"' "at its field"
jpost hanna "$d1" actie=besluit "besluit-wat=w" "besluit-reden=  " \
    "besluit-door=b" "besluit-datum=$today"
is "$HTTP_STATUS" 400 "a decision needs its reason"
is "$(jrows "$d1")" "$n" "nothing written"

# A decision is never edited: no action, no route.
was=$(sql "SELECT MD5(CONCAT_WS('|', body, reason, decided_by, decided_on,
    version)) FROM dossier_journal WHERE id = $da")
jpost hanna "$d1" actie=besluit-wijzigen "id=$da" "besluit-wat=Anders"
is "$HTTP_STATUS" 400 "there is no action that edits a decision"
tpost hanna "$d1" "$da" versie=1 "taak-uitvoerder=$hanna" \
    "taak-datum=$today" taak-status=open
is "$HTTP_STATUS" 404 "a decision cannot be edited as a task"
dash_as hanna GET "/dossier/$d1/taak/$da" >/dev/null
is "$HTTP_STATUS" 404 "nor opened as one"
dash_post hanna "/dossier/$d1/besluit/$da" "besluit-wat=Anders"
is "$HTTP_STATUS" 404 "and no decision route exists"
is "$(sql "SELECT MD5(CONCAT_WS('|', body, reason, decided_by, decided_on,
    version)) FROM dossier_journal WHERE id = $da")" "$was" "the decision is as it was"

# Tasks: type, assignee who may see the dossier, due date.
jpost hanna "$d1" actie=taak taak-soort=adrescontrole \
    "taak-omschrijving=$xss $M_TASK" "taak-uitvoerder=$hanna" \
    "taak-datum=$(date -d "$yesterday" +%-d-%-m-%Y)"
is "$HTTP_STATUS" 303 "a task due yesterday"
t1=$(lastj "$d1")
is "$(sql "SELECT due_date FROM dossier_journal WHERE id = $t1")" \
    "$yesterday" "its due date typed as d-m-jjjj, stored as the date"
jpost hanna "$d1" actie=taak taak-soort=gesprek "taak-omschrijving=Vandaag" \
    "taak-uitvoerder=$hanna" "taak-datum=$today"
t2=$(lastj "$d1")
jpost hanna "$d1" actie=taak "taak-soort=Bibob-onderzoek" \
    "taak-omschrijving=Morgen" "taak-uitvoerder=$hanna" "taak-datum=$tomorrow"
t3=$(lastj "$d1")
is "$(sql "SELECT COUNT(*) FROM dossier_journal WHERE dossier_id = $d1
    AND kind = 'task' AND task_status = 'open'")" 3 "three open tasks"
is "$(events "$d1" taak)" 3 "each in the history"
is "$(sql "SELECT detail FROM audit_log WHERE action =
    'dossierjournaal toevoegen' ORDER BY id DESC LIMIT 1")" \
    "taak $t3; uitvoerder $hanna" "the audit names ids only"
n=$(jrows "$d1")
jpost hanna "$d1" actie=taak taak-soort=adrescontrole "taak-omschrijving=x" \
    "taak-uitvoerder=$henk" "taak-datum=$today"
is "$HTTP_STATUS" 400 "an assignee who may not see the dossier is refused"
like "$(http_body)" 'id="taak-uitvoerder-fout"' "at the assignee"
jpost hanna "$d1" actie=taak taak-soort=fietsen "taak-omschrijving=x" \
    "taak-uitvoerder=$hanna" "taak-datum=$today"
is "$HTTP_STATUS" 400 "a type not configured is refused"
jpost hanna "$d1" actie=taak taak-soort=gesprek "taak-omschrijving=x" \
    "taak-uitvoerder=$hanna" "taak-datum=morgen"
is "$HTTP_STATUS" 400 "a bad due date is refused"
like "$(http_body)" 'id="taak-datum-fout"' "at its field"
is "$(jrows "$d1")" "$n" "nothing written"
like "$(dpage hanna "$d1")" "<option value=\"$cor\"" \
    "a coordinator may be given a task"
unlike "$(dpage hanna "$d1")" "<option value=\"$henk\"" \
    "a handler of another team is not offered"

# Overdue on the right day: yesterday is, today is not yet.
body=$(dpage hanna "$d1")
row() { tr '\n' ' ' <<<"$body" | grep -o "<tr id=\"open-$1\">.*" | sed 's|</tr>.*||'; }
like "$(row "$t1")" 'class="overdue">over tijd<' "due yesterday: over tijd, in words"
unlike "$(row "$t2")" 'over tijd' "due today: not overdue"
unlike "$(row "$t3")" 'over tijd' "due tomorrow: not overdue"
order=$(grep -o '<tr id="open-[0-9]*"' <<<"$body" | tr -dc '0-9\n' | tr '\n' ' ')
is "$order" "$t1 $t2 $t3 " "open tasks by due date"
like "$body" "$esc $M_TASK" "the task's text escaped"
like "$body" "$esc $M_NOTE" "the note's"
like "$body" "$esc $M_DEC" "the decision's"
like "$body" "$esc $M_WHY" "its reason"
like "$body" "$esc $M_BY" "and who decided"
unlike "$body" '<script>alert' "never as markup"
unlike "$body" '<b>' "not even a bold"
# Newest first.
jorder=$(grep -o 'data-kind="[a-z]*"' <<<"$body" | head -3 | tr -d '\n')
is "$jorder" 'data-kind="task"data-kind="task"data-kind="task"' "the journal newest first"

# Editing a task, two editors at once.
dash_as hanna GET "/dossier/$d1/taak/$t2" >/dev/null
is "$HTTP_STATUS" 200 "a task's page"
is "$(form_value versie)" 1 "carries its version"
is "$(sql "SELECT detail FROM audit_log WHERE action = 'dossiertaak bekijken'
    AND username = 'hanna' AND object_id = $d1 ORDER BY id DESC LIMIT 1")" \
    "taak $t2" "the view is audited, by id"
tpost hanna "$d1" "$t2" versie=1 "taak-uitvoerder=$hanna" \
    "taak-datum=$tomorrow" taak-status=open
is "$HTTP_STATUS" 303 "the first editor moves the date"
tpost cor "$d1" "$t2" versie=1 "taak-uitvoerder=$cor" "taak-datum=$today" \
    taak-status=cancelled "taak-toelichting=Mijn tekst $M_OUT"
is "$HTTP_STATUS" 409 "the second, on the old version, gets a conflict"
body=$(http_body)
like "$body" 'Iemand anders heeft deze taak intussen gewijzigd' "in plain Dutch"
like "$body" "id=\"task-due\"><time datetime=\"$tomorrow\">$(date -d \
    "$tomorrow" +%d-%m-%Y)</time>" "the task as it is now (dd-mm-jjjj)"
like "$body" "value=\"cancelled\" selected" "the editor's status kept"
like "$body" "<option value=\"$cor\" selected" "the editor's assignee kept"
like "$body" "Mijn tekst $M_OUT</textarea>" "the editor's text kept"
like "$body" "name=\"taak-datum\" type=\"date\" required value=\"$today\"" "and date"
is "$(form_value versie)" 2 "with the version now, to save again"
is "$(sql "SELECT CONCAT(task_status, '|', assignee_id, '|', due_date,
    '|', version) FROM dossier_journal WHERE id = $t2")" \
    "open|$hanna|$tomorrow|2" "nothing of the second edit written"
tpost cor "$d1" "$t2" versie=2 "taak-uitvoerder=$cor" "taak-datum=$today" \
    taak-status=cancelled
is "$HTTP_STATUS" 303 "saved again on the new version"
is "$(sql "SELECT CONCAT(task_status, '|', assignee_id, '|', version)
    FROM dossier_journal WHERE id = $t2")" "cancelled|$cor|3" "now it is"
is "$(sql "SELECT detail FROM audit_log WHERE action =
    'dossiertaak wijzigen' AND username = 'cor' ORDER BY id DESC LIMIT 1")" \
    "taak $t2; gewijzigd: uitvoerder, datum, status" "audited by field name"

# Closing a task: an outcome required.
tpost hanna "$d1" "$t3" versie=1 "taak-uitvoerder=$hanna" \
    "taak-datum=$tomorrow" taak-status=done
is "$HTTP_STATUS" 400 "done without an outcome is refused"
like "$(http_body)" 'id="taak-resultaat-fout"' "at the outcome"
tpost hanna "$d1" "$t3" versie=1 "taak-uitvoerder=$hanna" \
    "taak-datum=$tomorrow" taak-status=done taak-resultaat=bestaat-niet
is "$HTTP_STATUS" 400 "an outcome not configured is refused"
tpost hanna "$d1" "$t3" versie=1 "taak-uitvoerder=$hanna" \
    "taak-datum=$tomorrow" taak-status=done "taak-resultaat=pand gesloten" \
    "taak-toelichting=$xss $M_OUT"
is "$HTTP_STATUS" 303 "done with an outcome"
is "$(sql "SELECT CONCAT(task_status, '|', outcome) FROM dossier_journal
    WHERE id = $t3")" "done|pand gesloten" "stored"
tpost hanna "$d1" "$t3" versie=2 "taak-uitvoerder=$hanna" \
    "taak-datum=$tomorrow" taak-status=cancelled
is "$HTTP_STATUS" 400 "done does not become cancelled without reopening"
dash_as hanna GET "/dossier/$d1/taak/$t3" >/dev/null
like "$(http_body)" "$esc $M_OUT" "the outcome text escaped"
is "$(events "$d1" 'taak gewijzigd')" 3 "each edit in the history"
like "$(dpage hanna "$d1")" 'taak gewijzigd' "shown on the dossier page"
tpost hanna "$d1" 999999 versie=1 "taak-uitvoerder=$hanna" \
    "taak-datum=$today" taak-status=open
is "$HTTP_STATUS" 404 "a task that does not exist"
tpost hanna "$d3" "$t1" versie=1 "taak-uitvoerder=$hanna" \
    "taak-datum=$today" taak-status=open
is "$HTTP_STATUS" 404 "a task of another dossier"

# "Mijn taken": a task in a Zuid dossier hanna is a member of.
dash_post cor /dossier/nieuw titel=Zuidzaak thema=woonoverlast "team=$zuid"
d2=$(sql "SELECT MAX(id) FROM dossier")
dash_post cor "/dossier/$d2" actie=lid gebruiker=hanna
jpost cor "$d2" actie=taak taak-soort=gesprek "taak-omschrijving=Zuid" \
    "taak-uitvoerder=$hanna" "taak-datum=$before"
is "$HTTP_STATUS" 303 "a member may be given a task"
t4=$(lastj "$d2")
jpost hanna "$d1" actie=taak taak-soort=gesprek "taak-omschrijving=Later" \
    "taak-uitvoerder=$hanna" "taak-datum=$tomorrow"
t5=$(lastj "$d1")
dash_as hanna GET /taken >/dev/null
is "$HTTP_STATUS" 200 "Mijn taken"
body=$(http_body)
order=$(grep -o 'data-task="[0-9]*"' <<<"$body" | tr -dc '0-9\n' | tr '\n' ' ')
is "$order" "$t4 $t1 $t5 " "overdue first, then by due date; only open ones"
like "$body" 'id="late">2<' "two overdue"
like "$body" 'id="total">3<' "three open"
dash_as hanna GET /dossiers >/dev/null
like "$(http_body)" 'id="mine-total">3</span> open, waarvan <span id="mine-late">2<' \
    "the dossier list links to Mijn taken with the counts"
like "$body" 'class="overdue">over tijd<' "said in words"
like "$body" "$esc $M_TASK" "escaped"
is "$(audit_count 'taken bekijken' hanna)" 1 "the view is audited"
like "$body" '/dashboard/taken">Mijn taken</a>' "the menu has Mijn taken"
dash_as henk GET /taken >/dev/null
unlike "$(http_body)" "data-task=" "another handler's tasks are not his"

# The list's filters.
dash_as hanna GET "/dossiers?taken=mijn" >/dev/null
body=$(http_body)
like "$body" "/dossier/$d1\"" "my open tasks: d1"
like "$body" "/dossier/$d2\"" "and the member's dossier"
unlike "$body" "/dossier/$d3\"" "not one without my tasks"
like "$body" '<option value="mijn" selected>' "the filter shown"
dash_as cor GET "/dossiers?taken=overtijd" >/dev/null
body=$(http_body)
like "$body" "/dossier/$d1\"" "overdue: d1"
like "$body" "/dossier/$d2\"" "and d2"
unlike "$body" "/dossier/$d3\"" "not one without overdue tasks"
late=$(sql "SELECT COUNT(DISTINCT d.id) FROM dossier d JOIN dossier_journal j
    ON j.dossier_id = d.id WHERE d.status = 'open' AND j.task_status = 'open'
    AND j.due_date < '$today'")
ok "[ $late -ge 2 ]" "(two of ours among the overdue)"
like "$body" "data-status=\"open\">$late<" "counted by the filter"
sql "UPDATE dossier_journal SET due_date = '$today' WHERE id IN ($t1, $t4)"
dash_as cor GET "/dossiers?taken=overtijd" >/dev/null
unlike "$(http_body)" "/dossier/$d1\"" "due today is not overdue in the filter"
sql "UPDATE dossier_journal SET due_date = '$yesterday' WHERE id = $t1;
    UPDATE dossier_journal SET due_date = '$before' WHERE id = $t4"
dash_as hanna GET "/dossiers?taken=iets" >/dev/null
like "$(http_body)" 'onbekende waarde' "an unknown filter is said"

# Removal from the dossier: its task leaves Mijn taken at once.
dash_post cor "/dossier/$d2" actie=lid-weg "gebruiker=$hanna"
is "$HTTP_STATUS" 303 "hanna is no longer a member"
dash_as hanna GET /taken >/dev/null
body=$(http_body)
unlike "$body" "data-task=\"$t4\"" "the task of the dossier she cannot see is gone"
like "$body" "data-task=\"$t1\"" "her other tasks stay"
dash_as hanna GET "/dossiers?taken=mijn" >/dev/null
unlike "$(http_body)" "/dossier/$d2\"" "and the filter drops the dossier"
dash_as hanna GET "/dossier/$d2/taak/$t4" >/dev/null
is "$HTTP_STATUS" 404 "its task page is the dossier's 404"
jpost hanna "$d2" actie=notitie "notitie-tekst=Nog even"
is "$HTTP_STATUS" 404 "and she cannot write in its journal"

# Roles: admins and auditors see no tasks.
dash_as ad GET /taken >/dev/null
is "$HTTP_STATUS" 403 "an admin has no Mijn taken"
dash_as aud GET /taken >/dev/null
is "$HTTP_STATUS" 403 "nor an auditor"

# CSRF: without a token, or a wrong one, nothing is written.
n=$(jrows "$d1")
v=$(sql "SELECT version FROM dossier_journal WHERE id = $t1")
dash_as hanna GET / >/dev/null
dash_as hanna POST "/dossier/$d1/journaal" --data-urlencode actie=notitie \
    --data-urlencode "notitie-tekst=zonder token" >/dev/null
is "$HTTP_STATUS" 403 "a note without the CSRF token is refused"
dash_as hanna POST "/dossier/$d1/taak/$t1" --data-urlencode csrf=bogus \
    --data-urlencode "versie=$v" --data-urlencode "taak-uitvoerder=$hanna" \
    --data-urlencode "taak-datum=$today" --data-urlencode taak-status=cancelled \
    >/dev/null
is "$HTTP_STATUS" 403 "a task edit with a wrong token is refused"
is "$(jrows "$d1")" "$n" "nothing added"
is "$(sql "SELECT CONCAT(task_status, version) FROM dossier_journal
    WHERE id = $t1")" "open$v" "nothing changed"

# The audit log: who did what to which dossier, never the text.
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE CONCAT_WS(' ', username,
    action, object_type, detail) REGEXP '$markers'")" 0 \
    "no journal text in the audit log"
ok "[ $(sql "SELECT COUNT(*) FROM dossier_event WHERE CONCAT_WS(' ',
    old_value, new_value) REGEXP '$markers'") -eq 0 ]" \
    "nor in the history's values (the journal holds it)"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action IN
    ('dossierjournaal toevoegen', 'dossiertaak wijzigen')
    AND object_type = 'dossier' AND object_id IN ($d1, $d2)")" 11 \
    "every journal action audited"

# ---------------------------------------------------------------------
# Pages: the journal and the history 50 at a time, newest first.
# ---------------------------------------------------------------------
dash_post hanna /dossier/nieuw titel=Paginazaak thema=ondermijning "team=$noord"
is "$HTTP_STATUS" 303 "a dossier for the pages"
dp=$(sql "SELECT MAX(id) FROM dossier")
# 120 notes a minute apart, a decision on the last page and one on the
# first that replaces it: 122 entries, pages of 50, 50 and 22.
sql "INSERT INTO dossier_journal (dossier_id, kind, body, created_by,
    created_at) SELECT $dp, 'note', CONCAT('Pgnotitie ', s.seq, '.'),
    $hanna, UTC_TIMESTAMP() - INTERVAL s.seq MINUTE FROM seq_1_to_120 s;
    INSERT INTO dossier_journal (dossier_id, kind, body, reason,
    decided_by, decided_on, created_by, created_at) VALUES ($dp,
    'decision', 'Pgoud', 'r', 'b', '$today', $hanna,
    UTC_TIMESTAMP() - INTERVAL 1 DAY)"
pold=$(sql "SELECT MAX(id) FROM dossier_journal WHERE dossier_id = $dp")
sql "INSERT INTO dossier_journal (dossier_id, kind, body, reason,
    decided_by, decided_on, replaces_id, created_by, created_at) VALUES
    ($dp, 'decision', 'Pgnieuw', 'r', 'b', '$today', $pold, $hanna,
    UTC_TIMESTAMP() + INTERVAL 1 MINUTE)"
pnew=$(sql "SELECT MAX(id) FROM dossier_journal WHERE dossier_id = $dp")
is "$(jrows "$dp")" 122 "122 entries"
entries() { grep -o 'data-kind="[a-z]*"' | wc -l; }
ids() { grep -o '<li id="\(notitie\|besluit\|taak\)-[0-9]*"' |
    grep -o '[0-9]*' ; }

dash_as hanna GET "/dossier/$dp" >/dev/null
is "$HTTP_STATUS" 200 "page 1"
p1=$(http_body)
is "$(printf '%s' "$p1" | entries)" 50 "holds the newest 50"
like "$p1" "id=\"besluit-$pnew\"" "the newest first"
like "$p1" 'Journaal, pagina 1 van 3 \(122 in totaal' "says which page of how many"
like "$p1" "href=\"[^\"]*/dossier/$dp\?journaal=2&amp;historie=1&amp;meldingen=1#journaal\">Oudere notities" \
    "links to older notes"
unlike "$p1" 'Nieuwere notities' "none newer than the first"
like "$p1" 'reversed start="122"' "numbered from 122 down"
like "$p1" "href=\"[^\"]*/dossier/$dp\?journaal=3&amp;historie=1&amp;meldingen=1#besluit-$pold\">besluit $pold" \
    "the replaced decision linked on its own page"

dash_as hanna GET "/dossier/$dp?journaal=2" >/dev/null
is "$HTTP_STATUS" 200 "page 2"
p2=$(http_body)
is "$(printf '%s' "$p2" | entries)" 50 "holds the next 50"
like "$p2" "journaal=1&amp;historie=1&amp;meldingen=1#journaal\">Nieuwere notities" "links newer"
like "$p2" "journaal=3&amp;historie=1&amp;meldingen=1#journaal\">Oudere notities" "and older"
like "$p2" 'reversed start="72"' "numbered on"

dash_as hanna GET "/dossier/$dp?journaal=3" >/dev/null
is "$HTTP_STATUS" 200 "the last page"
p3=$(http_body)
is "$(printf '%s' "$p3" | entries)" 22 "holds the last 22"
unlike "$p3" 'Oudere notities' "no older link on the last page"
like "$p3" "id=\"besluit-$pold\"" "the oldest decision there"
like "$p3" "journaal=1&amp;historie=1&amp;meldingen=1#besluit-$pnew\">besluit $pnew</a> \\(dit besluit geldt niet meer\\)" \
    "replaced by the newest, linked on page 1"
all=$( { printf '%s' "$p1" | ids; printf '%s' "$p2" | ids;
    printf '%s' "$p3" | ids; } | sort -n)
is "$(printf '%s\n' "$all" | sort -un | wc -l)" 122 "every entry on exactly one page"
is "$(printf '%s\n' "$all" | wc -l)" 122 "none twice"
is "$(printf '%s\n' "$all" | tr '\n' ' ')" \
    "$(sql "SELECT id FROM dossier_journal WHERE dossier_id = $dp ORDER BY id" |
    tr '\n' ' ')" "the same ids as the table"

# Past the last page: 404 that says how many there are.
dash_as hanna GET "/dossier/$dp?journaal=4" >/dev/null
is "$HTTP_STATUS" 404 "past the last page: 404"
like "$(http_body)" "het journaal van dit dossier heeft 3 pagina" "saying how many pages there are"
# Not a page number: 400, not a 500.
for bad in 0 -1 abc 2x 99999999999999999999 "" ; do
	dash_as hanna GET "/dossier/$dp?journaal=$bad" >/dev/null
	is "$HTTP_STATUS" 400 "journaal=$bad: 400"
	like "$(http_body)" "Ongeldige pagina: journaal= vraagt een paginanummer" \
	    "journaal=$bad: says what is wrong"
done
dash_as hanna GET "/dossier/$dp?historie=x" >/dev/null
is "$HTTP_STATUS" 400 "historie=x: 400"
# A dossier out of sight: its refusal, whatever the page.
dash_as henk GET "/dossier/$dp" >/dev/null
hidden=$(http_body)
is "$HTTP_STATUS" 404 "henk (Zuid) does not see it"
for q in journaal=abc journaal=3 journaal=4 historie=9; do
	dash_as henk GET "/dossier/$dp?$q" >/dev/null
	is "$HTTP_STATUS" 404 "nor with ?$q"
	is "$(http_body)" "$hidden" "?$q: the same page as without"
done

# The history: 60 rows more, pages of 50.
sql "INSERT INTO dossier_event (dossier_id, kind, actor, at, new_value)
    SELECT $dp, 'pgtest', 'hanna', UTC_TIMESTAMP() - INTERVAL s.seq MINUTE,
    CONCAT('Pggeschiedenis ', s.seq) FROM seq_1_to_60 s"
hn=$(sql "SELECT COUNT(*) FROM dossier_event WHERE dossier_id = $dp")
hp=$(( (hn + 49) / 50 ))
hist() { sed -n '/<ol class="history" id="history"/,/<\/ol>/p' | grep -c '<li>'; }
dash_as hanna GET "/dossier/$dp" >/dev/null
h1=$(http_body)
is "$(printf '%s' "$h1" | hist)" 50 "the history's first page holds 50"
like "$h1" "Geschiedenis, pagina 1 van $hp \\($hn in totaal" "says how many"
like "$h1" "journaal=1&amp;historie=2&amp;meldingen=1#geschiedenis\">Oudere geschiedenis" "links older history"
dash_as hanna GET "/dossier/$dp?historie=$hp&journaal=2" >/dev/null
is "$HTTP_STATUS" 200 "the history's last page, with the journal's second"
hl=$(http_body)
is "$(printf '%s' "$hl" | hist)" $((hn - 50 * (hp - 1))) "holds the rest"
unlike "$hl" 'Oudere geschiedenis' "no older history link there"
like "$hl" "journaal=2&amp;historie=$((hp - 1))&amp;meldingen=1#geschiedenis\">Nieuwere geschiedenis" \
    "links newer history, keeping the journal's page"
is "$(printf '%s' "$hl" | entries)" 50 "and the journal's second page"
dash_as hanna GET "/dossier/$dp?historie=$((hp + 1))" >/dev/null
is "$HTTP_STATUS" 404 "past the history's last page: 404"
like "$(http_body)" "de geschiedenis van dit dossier heeft $hp pagina" "saying how many"

# The print view keeps the whole journal.
dash_as hanna GET "/dossier/$dp/afdrukken" >/dev/null
is "$HTTP_STATUS" 200 "the print view"
is "$(http_body | sed -n '/<ol class="journal" id="journal"/,/<\/ol>/p' |
    grep -o '<li>' | wc -l)" 122 "prints all 122 entries"

# ---------------------------------------------------------------------
# The reports 50 at a time too, the latest added first; the other
# lists keep their pages.
# ---------------------------------------------------------------------
# At least 70 reports: demo reports more when there are fewer, removed
# at the end (dash_demo_add and dash_demo_remove, as test-87).
dash_demo_add $(( 70 - $(sql "SELECT COUNT(*) FROM report") )) 92
sql "INSERT INTO dossier_report (dossier_id, report_id, added_by, added_at)
    SELECT $dp, r.id, $hanna, UTC_TIMESTAMP() - INTERVAL r.id SECOND
    FROM report r ORDER BY r.id LIMIT 70"
rn=$(sql "SELECT COUNT(*) FROM dossier_report WHERE dossier_id = $dp")
rp=$(( (rn + 49) / 50 ))
ok "[ $rn -gt 50 ]" "the dossier holds more than a page of reports ($rn)"
reps() { sed -n '/<ul id="reports">/,/<\/ul>/p' | grep -c '<li>'; }
dash_as hanna GET "/dossier/$dp" >/dev/null
is "$HTTP_STATUS" 200 "the page with $rn reports"
r1=$(http_body)
is "$(printf '%s' "$r1" | reps)" 50 "lists the first 50 reports"
like "$r1" "Meldingen, pagina 1 van $rp \\($rn in totaal, 50 per pagina" \
    "says which page of how many"
like "$r1" "journaal=1&amp;historie=1&amp;meldingen=2#meldingen\">Eerder toegevoegde meldingen" \
    "links to the reports added earlier"
unlike "$r1" 'Later toegevoegde meldingen' "none later than the first page"
newest=$(sql "SELECT report_id FROM dossier_report WHERE dossier_id = $dp
    ORDER BY added_at DESC, report_id DESC LIMIT 1")
like "$r1" "(/melding/$newest\"|<li><span class=\"other-team\">)" \
    "the latest added first"
dash_as hanna GET "/dossier/$dp?meldingen=$rp&journaal=2&historie=2" >/dev/null
is "$HTTP_STATUS" 200 "the reports' last page, with the journal's and history's second"
rl=$(http_body)
is "$(printf '%s' "$rl" | reps)" $(( rn - 50 * (rp - 1) )) "holds the rest"
like "$rl" "journaal=2&amp;historie=2&amp;meldingen=$((rp - 1))#meldingen\">Later toegevoegde meldingen" \
    "links back, keeping the other lists' pages"
like "$rl" "journaal=3&amp;historie=2&amp;meldingen=$rp#journaal\">Oudere notities" \
    "and the journal's links keep the reports' page"
is "$(printf '%s' "$rl" | entries)" 50 "the journal's second page is there"
# Every report on one page: the visible ones by their link, the others
# (another team's) by the note in their place.
vis=$( { printf '%s' "$r1"; printf '%s' "$rl"; } |
    sed -n '/<ul id="reports">/,/<\/ul>/p' |
    grep -o 'href="[^"]*/melding/[0-9]*' | grep -o '[0-9]*$' | sort -n |
    tr '\n' ' ')
hid=$( { printf '%s' "$r1"; printf '%s' "$rl"; } |
    sed -n '/<ul id="reports">/,/<\/ul>/p' | grep -c 'class="other-team"')
is "$(( $(printf '%s' "$vis" | wc -w) + hid ))" "$rn" \
    "every report on exactly one of the pages"
is "$(printf '%s' "$vis" | tr ' ' '\n' | sort -un | grep -c .)" \
    "$(printf '%s' "$vis" | wc -w)" "none twice"
dash_as hanna GET "/dossier/$dp?meldingen=$((rp + 1))" >/dev/null
is "$HTTP_STATUS" 404 "past the reports' last page: 404"
like "$(http_body)" "de lijst van meldingen van dit dossier heeft $rp pagina" \
    "saying how many"
for bad in 0 abc ""; do
	dash_as hanna GET "/dossier/$dp?meldingen=$bad" >/dev/null
	is "$HTTP_STATUS" 400 "meldingen=$bad: 400"
	like "$(http_body)" "Ongeldige pagina: meldingen= vraagt een paginanummer" \
	    "meldingen=$bad: says what is wrong"
done
dash_as henk GET "/dossier/$dp?meldingen=9" >/dev/null
is "$HTTP_STATUS" 404 "henk: the same refusal with ?meldingen=9"
is "$(http_body)" "$hidden" "no probing by the reports' page"
dash_as hanna GET "/dossier/$dp/afdrukken" >/dev/null
is "$(http_body | sed -n '/<table id="reports"/,/<\/table>/p' |
    grep -o '<tr><td' | wc -l)" "$rn" "the print view lists all $rn reports"

# Leave the data as it was for the tests after this one.
sql "DELETE FROM dossier_report WHERE dossier_id = $dp"
dash_demo_remove
