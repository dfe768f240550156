# test-70-export-partners.sh -- meldpuntctl partner: partners are added
# with a key shown once and stored only as a keyed hash, listed,
# changed, disabled and given a new key; bad input is refused with
# nothing stored.

. "$top_srcdir/tests/e2e/export.sh"
dash_fixtures

key=$(mp_ctl partner add politie "Politie Eenheid Oost" 2>/dev/null)
is "$?" 0 "partner add succeeds"
like "$key" '^mpx1\.[0-9]+\.[A-Za-z0-9_-]{43}$' \
    "and prints a long random key"
secret=${key##*.}
is "$(sql "SELECT COUNT(*) FROM partner WHERE name = 'politie'
    AND LENGTH(key_hash) = 32")" 1 "the partner is stored with a hash"
is "$(sql "SELECT COUNT(*) FROM partner WHERE HEX(key_hash) LIKE
    CONCAT('%', HEX('$secret'), '%') OR fields LIKE '%$secret%'")" 0 \
    "the key itself is stored nowhere"
if grep -q -- "$secret" "$E2E_LOG" 2>/dev/null; then
	fail "the key is not in the log"
else
	pass "the key is not in the log"
fi
is "$(sql "SELECT fields FROM partner WHERE name = 'politie'")" \
    'status,signaaltype,kanaal,doelgroep,data,waarneming,omschrijving,adres,personen,bedrijven,voertuigen,onderwerpen,antwoorden' \
    "the default profile has every exportable field"

mp_ctl partner add politie "Nog eens" >/dev/null 2>&1
is "$?" 1 "a second partner of the same name is refused"
mp_ctl partner add 'Bad Name' "X" >/dev/null 2>&1
is "$?" 2 "a partner name with capitals and a space is refused"
mp_ctl partner add fiod "FIOD" --fields status,melder >/dev/null 2>&1
is "$?" 2 "a profile with reporter identity is refused"
mp_ctl partner add fiod "FIOD" --fields bijlagen >/dev/null 2>&1
is "$?" 2 "a profile with attachments is refused"
is "$(sql "SELECT COUNT(*) FROM partner WHERE name IN ('fiod',
    'Bad Name')")" 0 "and nothing was stored for them"

out=$(mp_ctl partner add belasting "Belastingdienst" --fields \
    status,signaaltype --signal-types nosuchtype 2>&1)
is "$?" 2 "an unknown signal type in the rule is refused"
is "$(sql "SELECT COUNT(*) FROM partner WHERE name = 'belasting'")" 0 \
    "and the partner is not stored either"

mp_ctl partner set politie --fields status,signaaltype,adres \
    --pulls-per-minute 1000 >/dev/null 2>&1
is "$?" 0 "partner set changes profile and limit"
is "$(sql "SELECT fields, pulls_per_minute FROM partner
    WHERE name = 'politie'")" "$(printf 'status,signaaltype,adres\t1000')" \
    "and stores them"
like "$(mp_ctl partner list)" 'politie.*active' "partner list shows it"

mp_ctl partner disable politie >/dev/null
is "$(sql "SELECT disabled FROM partner WHERE name = 'politie'")" 1 \
    "partner disable"
mp_ctl partner enable politie >/dev/null
is "$(sql "SELECT disabled FROM partner WHERE name = 'politie'")" 0 \
    "partner enable"
old=$(sql "SELECT HEX(key_hash) FROM partner WHERE name = 'politie'")
key2=$(mp_ctl partner rotate-key politie 2>/dev/null)
is "$?" 0 "rotate-key succeeds"
isnt "$key2" "$key" "and gives a new key"
isnt "$(sql "SELECT HEX(key_hash) FROM partner WHERE name = 'politie'")" \
    "$old" "and replaces the stored hash"
mp_ctl partner rotate-key nobody >/dev/null 2>&1
is "$?" 1 "rotating the key of an unknown partner fails"

# Each subcommand's line and status, and its usage errors.
out=$(mp_ctl partner disable politie 2>&1)
is "$?:$out" "0:partner politie disabled" "partner disable says so"
out=$(mp_ctl partner enable politie 2>&1)
is "$?:$out" "0:partner politie enabled" "partner enable says so"
out=$(mp_ctl partner disable nobody 2>&1)
is "$?:$out" "1:meldpuntctl: no partner nobody" \
    "disabling an unknown partner names it"
out=$(mp_ctl partner rotate-key nobody 2>&1)
is "$?:$out" "1:meldpuntctl: no partner nobody" \
    "rotating an unknown partner's key names it"
out=$(mp_ctl partner set nobody --pulls-per-minute 5 2>&1)
is "$?:$out" "1:meldpuntctl: no partner nobody" \
    "setting an unknown partner names it"
out=$(mp_ctl partner set politie --pulls-per-minute 5 2>&1)
is "$?:$out" "0:" "partner set says nothing when it worked"
is "$(sql "SELECT pulls_per_minute FROM partner WHERE name = 'politie'")" \
    5 "and stores the limit"
mp_ctl partner set politie --pulls-per-minute 0 >/dev/null 2>&1
mp_ctl partner >/dev/null 2>&1
is "$?" 0 "partner without a subcommand shows its help"
like "$(mp_ctl partner help 2>&1)" 'partner rotate-key NAME' \
    "partner help lists the subcommands"
for args in "frobnicate" "add politie" "set politie" "list extra" \
    "disable" "enable a b" "rotate-key" "set politie --fields"; do
	# shellcheck disable=SC2086
	mp_ctl partner $args >/dev/null 2>&1
	is "$?" 2 "partner $args: a usage error"
done
