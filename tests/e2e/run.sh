#!/usr/bin/env bash
# tests/e2e/run.sh -- the end-to-end suite as one TAP program for make
# check: sets up a private instance (tests/e2e/lib.sh) under
# $top_builddir/tests/e2e-run, runs every tests/e2e/test-*.sh against
# it in sorted order, prints the plan at the end and always tears the
# instance down.
#
#	MELDPUNT_E2E_SKIP=1	print "1..0 # SKIP" and do nothing
#	MELDPUNT_E2E_REQUIRED=1	a missing tool is a failure, not a skip
#	MELDPUNT_E2E_KEEP=1	leave tests/e2e-run behind (it is removed
#				at the next start in any case)
#	MELDPUNT_E2E_ROOT=DIR	the instance directory (default
#				$top_builddir/tests/e2e-run)
#	MELDPUNT_E2E_WEB=apache	run behind the shipped Apache site
#				(tests/e2e/apache.sh) instead of nginx
#	MELDPUNT_E2E_ENCRYPT=1	MariaDB with data-at-rest encryption on
#				(tests/lib/mariadb.sh, test-79)
#
# Run by hand from the build directory, optionally with test names:
#	top_srcdir=$PWD/.. top_builddir=$PWD ../tests/e2e/run.sh test-00-harness.sh

set -u

if [ -z "${top_srcdir:-}" ]; then
	top_srcdir=$(cd "$(dirname "$0")/../.." && pwd)
fi
if [ -z "${top_builddir:-}" ]; then
	top_builddir=$(pwd)
fi
export top_srcdir top_builddir
PATH=$PATH:/usr/sbin:/sbin
export PATH

if [ "${MELDPUNT_E2E_SKIP:-0}" = 1 ]; then
	echo "1..0 # SKIP end-to-end tests disabled (MELDPUNT_E2E_SKIP=1)"
	exit 0
fi

if [ "${MELDPUNT_E2E_WEB:-nginx}" = apache ]; then
	web="apache2 openssl"
else
	web=nginx
fi
missing=
for tool in mariadbd mariadb-install-db mariadb-admin mariadb $web \
    spawn-fcgi curl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		missing="$missing $tool"
	fi
done
if [ -n "$missing" ]; then
	if [ "${MELDPUNT_E2E_REQUIRED:-0}" = 1 ]; then
		echo "Bail out! missing:$missing (MELDPUNT_E2E_REQUIRED=1)"
		exit 1
	fi
	echo "1..0 # SKIP missing:$missing"
	exit 0
fi
if [ ! -r "$top_srcdir/tests/lib/mariadb.sh" ]; then
	echo "Bail out! $top_srcdir/tests/lib/mariadb.sh missing"
	exit 1
fi
for prog in meldpuntctl meldpunt-intake; do
	if [ ! -x "$top_builddir/$prog" ]; then
		echo "Bail out! $top_builddir/$prog not built"
		exit 1
	fi
done

# shellcheck source=lib.sh
. "$top_srcdir/tests/e2e/lib.sh"

# A second instance beside a running one (scripts/check) needs its own.
E2E_ROOT=${MELDPUNT_E2E_ROOT:-$top_builddir/tests/e2e-run}

# Programs built with --enable-sanitizers write their reports to files
# (spawn-fcgi sends stderr to /dev/null); each is a failure below.  Leak
# checking is left to the unit tests: the programs end on a signal.
ASAN_OPTIONS="log_path=$E2E_ROOT/sanitizer.asan:detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="log_path=$E2E_ROOT/sanitizer.ubsan:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS UBSAN_OPTIONS

finish()
{
	local rc=$?
	trap - EXIT INT TERM HUP
	e2e_teardown
	if [ "${MELDPUNT_E2E_KEEP:-0}" != 1 ] && [ "${failed:-1}" -eq 0 ]
	then
		mp_remove_instance "$E2E_ROOT"
	fi
	exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

failed=1
if ! e2e_setup "$E2E_ROOT"; then
	e2e_diagnostics
	echo "Bail out! could not set up the end-to-end instance"
	exit 1
fi
diag "instance $E2E_DIR, ${web%% *} on $E2E_BASE"

if [ $# -gt 0 ]; then
	tests=()
	for t in "$@"; do
		tests+=("$top_srcdir/tests/e2e/$(basename "$t")")
	done
else
	tests=()
	while IFS= read -r t; do
		tests+=("$t")
	done < <(LC_ALL=C ls "$top_srcdir"/tests/e2e/test-*.sh 2>/dev/null)
fi

for t in "${tests[@]}"; do
	name=$(basename "$t" .sh)
	E2E_TEST_NAME=$name
	E2E_TEST_DIR=$E2E_DIR/tests/$name
	export E2E_TEST_NAME E2E_TEST_DIR
	mkdir -p "$E2E_TEST_DIR"
	diag "$name"
	before=$(wc -l <"$E2E_DIR/tap.results")
	started=$(date +%s)
	(
		set +eu
		cd "$E2E_TEST_DIR" || exit 1
		# shellcheck disable=SC1090
		. "$t"
		: >"$E2E_TEST_DIR/.completed"
	)
	rc=$?
	after=$(wc -l <"$E2E_DIR/tap.results")
	# Where the suite's time goes (scripts/check keeps it under budget).
	diag "$name: $((after - before)) checks in $(( $(date +%s) - started )) s"
	if [ ! -e "$E2E_TEST_DIR/.completed" ] && [ "$rc" -ne 0 ]; then
		fail "$name ran to its end (it exited with status $rc)"
	elif [ "$after" -eq "$before" ]; then
		fail "$name made at least one check"
	fi
	# A test that stopped a service must leave it running again.
	if ! mariadb_up; then
		diag "$name left MariaDB down; starting it again"
		start_mariadb_only
	fi
	for p in $MP_PROGRAMS; do
		if [ -x "$top_builddir/meldpunt-$p" ] &&
		    ! mp_alive "$E2E_RUN/$p.pid"; then
			diag "$name left meldpunt-$p down; starting it again"
			conf_reset
			start_program "$p"
		fi
	done
done

# Stop the programs before looking for sanitizer reports.
e2e_teardown
reports=$(find "$E2E_DIR" -maxdepth 1 -name 'sanitizer.*' 2>/dev/null)
if [ -n "$reports" ]; then
	fail "no sanitizer reports from the programs"
	for r in $reports; do
		diag "--- $r"
		diag "$(head -n 40 "$r")"
	done
else
	pass "no sanitizer reports from the programs"
fi

# Under valgrind each worker left a log: any error (invalid access,
# uninitialised value, definite leak) in one is a failure.
if [ "${MELDPUNT_E2E_VALGRIND:-0}" = 1 ]; then
	vlogs=$(find "$E2E_DIR" -maxdepth 1 -name 'valgrind.*.log' 2>/dev/null)
	bad=
	for v in $vlogs; do
		if [ -s "$v" ]; then
			bad="$bad $v"
		fi
	done
	if [ -z "$vlogs" ]; then
		fail "valgrind logs were written for the programs"
	elif [ -n "$bad" ]; then
		fail "valgrind found no errors in the programs"
		for v in $bad; do
			diag "--- $v"
			diag "$(head -n 60 "$v")"
		done
	else
		pass "valgrind found no errors in $(echo "$vlogs" | wc -l) worker processes"
	fi
fi

total=$(wc -l <"$E2E_DIR/tap.results")
failed=$(grep -c '^not ok' "$E2E_DIR/tap.results")
if [ "$failed" -gt 0 ]; then
	e2e_diagnostics
fi
echo "1..$total"
[ "$failed" -eq 0 ]
