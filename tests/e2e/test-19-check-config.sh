# test-19-check-config.sh -- meldpuntctl check-config against the table
# of keys (lib/confkey.c): a key meldpunt does not read is a warning
# naming it, a value it would not accept an error naming key, value
# and what is allowed (exit 1), and check-config FILE checks FILE.

out=$(mp_ctl check-config 2>&1)
is "$?" 0 "check-config accepts the harness's configuration"
is "$out" "configuration OK" "and has nothing to warn about"

# FILE wins over -c (here a file that does not exist).
conf=$E2E_TEST_DIR/check.hdf
mkdir -p "$E2E_TEST_DIR"
{ cat "$E2E_CONF"; printf 'db.prot = 3306\nintake.rate.windw = 60\n'; } \
    >"$conf"
out=$("$top_builddir/meldpuntctl" -c "$E2E_TEST_DIR/none.hdf" \
    check-config "$conf" 2>&1)
is "$?" 0 "unknown keys are warnings, not errors"
like "$out" 'warning: unknown key db\.prot ' "the warning names db.prot"
like "$out" 'warning: unknown key intake\.rate\.windw ' \
    "and intake.rate.windw"
like "$out" 'configuration OK$' "the rest of the check still runs"

{ cat "$E2E_CONF"; printf 'intake.max_files = 50\nauth.mode = ldap\n'
  printf 'sandbox.seccomp = misschien\n'; } >"$conf"
out=$(mp_ctl check-config "$conf" 2>&1)
is "$?" 1 "bad values fail the check"
like "$out" 'intake\.max_files = "50": not a whole number from 1 to 20' \
    "the error names key, value and range"
like "$out" 'auth\.mode = "ldap": not one of "portal" or "local"' \
    "a choice names the values allowed"
like "$out" 'sandbox\.seccomp = "misschien": not 1/0, yes/no' \
    "a yes/no names the forms allowed"
unlike "$out" 'configuration OK' "and is not called OK"

mp_ctl check-config "$conf" extra >/dev/null 2>&1
is "$?" 2 "a second argument is a usage error"
mp_ctl check-config "$E2E_TEST_DIR/none.hdf" >/dev/null 2>&1
is "$?" 1 "a FILE that does not exist fails"
