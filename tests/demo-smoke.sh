#!/bin/bash
# demo-smoke.sh -- scripts/demo, the newcomer's first command, as a
# newcomer runs it: in a copy of the source tree, with --detach, then
# the pages it prints answer, its demo logins work, the demo partner's
# key pulls XML, and --stop leaves no process behind.  TAP on stdout.
# Run by scripts/check; needs the packages scripts/demo installs.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/meldpunt-demo-smoke.XXXXXX)
n=0
bad=0

ok()
{
	n=$(( n + 1 ))
	if [ "$1" -eq 0 ]; then
		printf 'ok %d - %s\n' "$n" "$2"
	else
		printf 'not ok %d - %s\n' "$n" "$2"
		bad=$(( bad + 1 ))
	fi
}

cleanup()
{
	(cd "$work/src" 2>/dev/null && scripts/demo --stop >/dev/null 2>&1)
	rm -rf "$work"
}
trap cleanup EXIT

# The tree as it is now, committed or not, without builds or instances.
(cd "$top" && git ls-files -co --exclude-standard -z 2>/dev/null |
    grep -zv '^\(build\|var\)/' | tar -c --null -T - -f -) |
    (mkdir -p "$work/src" && tar -x -C "$work/src" -f -)
ok $? "copy of the source tree"

port=$(( 20000 + RANDOM % 30000 ))
cd "$work/src" || exit 1
MELDPUNT_PORT=$port scripts/demo --detach >"$work/demo.out" 2>&1
ok $? "scripts/demo --detach starts"
base=http://127.0.0.1:$port
grep -q "$base/melden/" "$work/demo.out"
ok $? "it prints the form's URL"
grep -q "coordinator" "$work/demo.out"
ok $? "it prints the demo logins"

code()
{
	curl -s -o "$work/body" -w '%{http_code}' "$@"
}

[ "$(code "$base/melden/")" = 200 ] && grep -q '<form' "$work/body"
ok $? "the report form answers"
[ "$(code "$base/melding/")" = 200 ]
ok $? "the follow-up sign-in answers"
[ "$(code "$base/static/meldpunt.css")" = 200 ]
ok $? "nginx serves the style sheet"

# A demo login: the form's CSRF token, then the password from the output.
jar=$work/jar
pw=$(sed -n 's/.*password for all: \([^)]*\)).*/\1/p' "$work/demo.out")
curl -s -c "$jar" -b "$jar" -o "$work/login" "$base/dashboard/aanmelden"
tok=$(sed -n 's/.*name="token" value="\([^"]*\)".*/\1/p' "$work/login" |
    head -n 1)
st=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "token=$tok" --data-urlencode "gebruiker=coordinator" \
    --data-urlencode "wachtwoord=$pw" "$base/dashboard/aanmelden")
[ -n "$pw" ] && [ "$st" = 303 ]
ok $? "the coordinator's demo login signs in (status $st)"
[ "$(code -b "$jar" "$base/dashboard/")" = 200 ] &&
    grep -q 'M-20' "$work/body"
ok $? "the work list shows the demo reports"

key=$(cat var/partner-politie.key 2>/dev/null)
[ -n "$key" ] && [ "$(code -H "Authorization: Bearer $key" \
    "$base/api/v1/reports.xml?limit=5")" = 200 ] &&
    grep -q 'urn:meldpunt:export:1' "$work/body"
ok $? "the demo partner's key pulls XML"

build/meldpuntctl -c var/meldpunt.hdf check-config >"$work/cc" 2>&1
rc=$?
[ "$rc" -eq 0 ] || sed 's/^/# /' "$work/cc"
ok $rc "meldpuntctl check-config accepts the demo's configuration"
build/meldpuntctl -c var/meldpunt.hdf mail send >"$work/ms" 2>&1
rc=$?
[ "$rc" -eq 0 ] || sed 's/^/# /' "$work/ms"
ok $rc "meldpuntctl mail send runs with the demo mailbox"

pids=$(cat var/run/*.pid var/run/db/*.pid 2>/dev/null | sort -u)
scripts/demo --stop >/dev/null 2>&1
ok $? "scripts/demo --stop"
alive=0
for p in $pids; do
	# A zombie is gone: where PID 1 reaps nothing, kill -0 finds it.
	if kill -0 "$p" 2>/dev/null &&
	    ! grep -q '^State:[[:space:]]*Z' "/proc/$p/status" 2>/dev/null; then
		alive=1
	fi
done
ok $alive "no process of the demo is left"

printf '1..%d\n' "$n"
[ "$bad" -eq 0 ]
