#!/bin/sh
# fuzz/fuzz.sh -- build and run the libFuzzer targets (fuzz/fuzz-*.c).
# Called by "make fuzz" and "make fuzz-check" in a configured build
# directory, which pass the compiler flags configure found:
#
#   fuzz.sh build         build every target into $FUZZ_OUT
#   fuzz.sh run [T...]    build, then run each target (or the given
#                         ones) for $FUZZ_SECONDS (600) seconds, new
#                         inputs kept in $FUZZ_OUT/corpus/T
#   fuzz.sh check         build, then run each target for $FUZZ_RUNS
#                         (20000) inputs from its seed corpus with a
#                         fixed seed: TAP, one test point per target
#
# Targets are built with clang, -fsanitize=fuzzer,address,undefined,
# from the library sources they need (LIBSRC), not from libmeldpunt.la,
# so the ordinary build keeps its own compiler and flags.  A crash, a
# sanitizer report or a failed invariant leaves the input in
# $FUZZ_OUT/crashes/; rerun it with "$FUZZ_OUT/T crashes/FILE".
#
# Environment: top_srcdir, FUZZ_CC (clang), FUZZ_CPPFLAGS (includes
# and defines, config.h's directory among them), FUZZ_LIBS, FUZZ_OUT
# (./fuzz), FUZZ_JOBS (2), FUZZ_SECONDS, FUZZ_RUNS, FUZZ_MAX_LEN.

set -eu

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${FUZZ_CC:=clang}"
: "${FUZZ_CPPFLAGS:=-I. -I$top_srcdir/lib -isystem /usr/include/ClearSilver}"
: "${FUZZ_LIBS:=-lneo_cs -lneo_utl -lfcgi -lmariadb -lxml2 -lcrypto -lqrencode -lheif -ljpeg -lz}"
: "${FUZZ_OUT:=$PWD/fuzz}"
: "${FUZZ_JOBS:=2}"
: "${FUZZ_SECONDS:=600}"
: "${FUZZ_RUNS:=20000}"
: "${FUZZ_MAX_LEN:=16384}"

# The library sources the targets link (an archive: each target takes
# only the objects it needs).  Add a file here when a target needs it.
LIBSRC="access alloc buf catalog clientkey conf confkey contact crypto csv db dbhost
err heic http image keys log mailmsg pk ratelimit report req role sqltext subject tmpl
user valid routing workflow event i18n question outbox sendmail siteurl
nltime"

# conf.c and confkey.c name the installed paths: no fuzzer reads them.
CFLAGS="-DSYSCONFDIR=\"/nonexistent\" -DTEMPLATEDIR=\"/nonexistent\"
-DSQLDIR=\"/nonexistent\" -DSPOOLDIR=\"/nonexistent\" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1
-fno-omit-frame-pointer -fsanitize=address,undefined
-fno-sanitize-recover=undefined -Wall -Wextra -Wformat=2
-Wmissing-prototypes -Wstrict-prototypes -Wshadow -Wvla -Werror"

src=$top_srcdir/fuzz
mode=${1:-}
[ $# -gt 0 ] && shift

targets()
{
	for f in "$src"/fuzz-*.c; do
		f=${f##*/}
		echo "${f%.c}"
	done
}

# newer FILE DEP...: true when FILE is missing or older than any DEP.
newer()
{
	out=$1
	shift
	[ -e "$out" ] || return 0
	[ -n "$(find "$@" -newer "$out" 2>/dev/null | head -n 1)" ]
}

build()
{
	mkdir -p "$FUZZ_OUT/obj"
	# Objects, FUZZ_JOBS at a time; a header change rebuilds all.
	todo=
	for s in $LIBSRC; do
		if newer "$FUZZ_OUT/obj/$s.o" "$top_srcdir/lib/$s.c" \
		    "$top_srcdir"/lib/*.h; then
			todo="$todo $s"
		fi
	done
	if [ -n "$todo" ]; then
		echo "fuzz: compiling$todo" >&2
		# shellcheck disable=SC2086
		printf '%s\n' $todo | xargs -P "$FUZZ_JOBS" -I{} \
		    $FUZZ_CC $CFLAGS -fsanitize=fuzzer-no-link \
		    $FUZZ_CPPFLAGS -c "$top_srcdir/lib/{}.c" \
		    -o "$FUZZ_OUT/obj/{}.o"
		rm -f "$FUZZ_OUT/libfuzzmp.a"
	fi
	if [ ! -e "$FUZZ_OUT/libfuzzmp.a" ]; then
		# shellcheck disable=SC2046
		ar rcs "$FUZZ_OUT/libfuzzmp.a" $(for s in $LIBSRC; do
			echo "$FUZZ_OUT/obj/$s.o"; done)
	fi
	todo=
	for t in $(targets); do
		if newer "$FUZZ_OUT/$t" "$src/$t.c" "$src/fuzz.h" \
		    "$FUZZ_OUT/libfuzzmp.a"; then
			todo="$todo $t"
		fi
	done
	if [ -n "$todo" ]; then
		echo "fuzz: linking$todo" >&2
		# shellcheck disable=SC2086
		printf '%s\n' $todo | xargs -P "$FUZZ_JOBS" -I{} \
		    $FUZZ_CC $CFLAGS -fsanitize=fuzzer $FUZZ_CPPFLAGS \
		    -I"$src" "$src/{}.c" "$FUZZ_OUT/libfuzzmp.a" $FUZZ_LIBS \
		    -o "$FUZZ_OUT/{}"
	fi
}

# options T: the libFuzzer options every run of target T shares.
options()
{
	ot=$1
	set -- -max_len="$FUZZ_MAX_LEN" -timeout=20 -rss_limit_mb=2048 \
	    -artifact_prefix="$FUZZ_OUT/crashes/$ot-" -print_final_stats=1
	if [ -f "$src/$ot.dict" ]; then
		set -- "$@" -dict="$src/$ot.dict"
	fi
	echo "$@"
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

case $mode in
build)
	build
	;;
run)
	build
	[ $# -gt 0 ] || set -- $(targets)
	mkdir -p "$FUZZ_OUT/crashes"
	rc=0
	for t in "$@"; do
		mkdir -p "$FUZZ_OUT/corpus/$t"
		echo "fuzz: $t for ${FUZZ_SECONDS}s" >&2
		# shellcheck disable=SC2046
		"$FUZZ_OUT/$t" $(options "$t") -max_total_time="$FUZZ_SECONDS" \
		    "$FUZZ_OUT/corpus/$t" "$src/corpus/$t" || rc=1
	done
	exit $rc
	;;
check)
	if ! build; then
		echo "1..1"
		echo "not ok 1 - fuzz targets build"
		exit 1
	fi
	set -- $(targets)
	echo "1..$#"
	mkdir -p "$FUZZ_OUT/crashes"
	n=0
	rc=0
	for t in "$@"; do
		n=$((n + 1))
		work=$FUZZ_OUT/check/$t
		rm -rf "$work"
		mkdir -p "$work"
		# shellcheck disable=SC2046
		if "$FUZZ_OUT/$t" $(options "$t") -runs="$FUZZ_RUNS" -seed=1 \
		    "$work" "$src/corpus/$t" >"$FUZZ_OUT/check/$t.log" 2>&1
		then
			echo "ok $n - $t: $(grep -E '^stat::number_of_executed_units' \
			    "$FUZZ_OUT/check/$t.log" | sed 's/.*: *//') runs"
		else
			echo "not ok $n - $t (see $FUZZ_OUT/check/$t.log)"
			grep -E -A20 'ERROR|invariant|runtime error' \
			    "$FUZZ_OUT/check/$t.log" | head -n 40 | sed 's/^/# /'
			rc=1
		fi
	done
	exit $rc
	;;
*)
	echo "usage: fuzz.sh build | run [TARGET...] | check" >&2
	exit 2
	;;
esac
