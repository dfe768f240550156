#!/usr/bin/env bash
# tests/deps.sh -- the dependencies of lib/ stay readable (issue 12):
#   - every lib/*.h compiles on its own (it includes what it needs),
#     twice in one unit (its include guard works);
#   - no file in lib/ includes meldpunt.h (the programs' umbrella) or
#     anything that is not a lib/ header: lib/ never reaches into cgi/;
#   - no include cycle between lib modules, a module being NAME.c with
#     NAME.h (the graph comes from the #include lines of the sources;
#     edges in CYCLE_EXCEPT below are left out: none now);
#   - every global symbol libmeldpunt.a defines starts with mp_
#     (exceptions, with the reason, in EXCEPT below: none);
#   - no result column is read by a bare number greater than 0: each
#     statement names its columns with an enum next to its SQL text
#     (COLS_FILES below says where this is looked for).
#   - no function in lib/*.c or cgi/*/*.c is longer than LONG_MAX lines
#     (from its '{' to its '}', both at column 0) unless one of the
#     three comment lines right above its signature says why, as
#     "long: <reason>" (a table, or a parser read top to bottom).
#   - one mapping from enum mp_err to HTTP status: "MP_EDBDOWN ? 503"
#     is written only in lib/err.c (mp_err_status), nowhere in lib/
#     or cgi/ besides.
#
# Prints TAP.  Run from make check, or alone:
#   top_srcdir=.. top_builddir=. ../tests/deps.sh
# The header check needs CC and MP_HDR_CFLAGS (make check sets both).

set -u
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
top_builddir=${top_builddir:-.}
lib=$top_srcdir/lib
CC=${CC:-cc}
EXCEPT=''	# symbols allowed without mp_, space-separated
# Include edges "FROM TO" left out of the cycle check, one a line, each
# a call back up that a later change must remove.  The list may only
# shrink; it is empty: the last two went with issue 12 (the roles and
# their permissions moved below user and access into role.c; the
# outbox asks for a grant request's text through a function its caller
# passes, so only grant includes outbox).
CYCLE_EXCEPT=''
# Sources whose result columns must be read by name (globs relative to
# top_srcdir): every library module and every program's pages.
COLS_FILES='lib/*.c cgi/*/*.c'
LONG_MAX=80
# Functions over LONG_MAX lines without a "long:" reason, as FILE:NAME,
# each to be split by a later change (the list may only shrink; empty).
LONG_EXCEPT=''

n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# 1. Each header alone.
for h in "$lib"/*.h; do
	b=${h##*/}
	printf '#include "%s"\n#include "%s"\n' "$b" "$b" > "$tmp/h.c"
	# shellcheck disable=SC2086
	if $CC -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	    -Wall -Wextra -Werror -fsyntax-only -I"$lib" \
	    ${MP_HDR_CFLAGS:-} "$tmp/h.c" > "$tmp/h.log" 2>&1; then
		ok "lib/$b compiles on its own"
	else
		notok "lib/$b compiles on its own"
		sed 's/^/# /' "$tmp/h.log" | head -n 10
	fi
done

# 2. What lib/ includes: only headers of lib/ (and the build's
# config.h), never the umbrella.
bad=''
for f in "$lib"/*.[ch]; do
	b=${f##*/}
	while IFS= read -r inc; do
		case $inc in
		config.h) continue ;;
		meldpunt.h)
			[ "$b" = meldpunt.h ] && continue
			bad="$bad lib/$b:$inc(umbrella)"; continue ;;
		esac
		case $inc in
		*/*) bad="$bad lib/$b:$inc" ;;
		*) [ -f "$lib/$inc" ] || bad="$bad lib/$b:$inc" ;;
		esac
	done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f")
done
if [ -z "$bad" ]; then
	ok "lib/ includes only lib/ headers, not the umbrella or cgi/"
else
	notok "lib/ includes only lib/ headers, not the umbrella or cgi/"
	echo "# offending includes:$bad"
fi

# 3. No cycle between modules (tsort finds one).
for f in "$lib"/*.[ch]; do
	b=${f##*/}
	m=${b%.*}
	[ "$b" = meldpunt.h ] && continue
	echo "$m $m"
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"/]*\)\.h".*/\1/p' \
	    "$f" | while read -r d; do
		[ "$d" = "$m" ] || [ "$d" = config ] || echo "$m $d"
	done
done | grep -vxF "$CYCLE_EXCEPT" > "$tmp/edges"
if tsort "$tmp/edges" > /dev/null 2> "$tmp/tsort.log"; then
	ok "no include cycle between lib modules"
else
	notok "no include cycle between lib modules"
	sed 's/^/# /' "$tmp/tsort.log"
fi

# 4. Exported symbols carry the prefix.
a=$top_builddir/lib/.libs/libmeldpunt.a
if [ ! -f "$a" ]; then
	notok "libmeldpunt.a exports only mp_ symbols (no $a)"
elif ! nm -g --defined-only "$a" > "$tmp/nm" 2> "$tmp/nm.log"; then
	notok "libmeldpunt.a exports only mp_ symbols (nm failed)"
	sed 's/^/# /' "$tmp/nm.log"
else
	# AddressSanitizer adds its own globals (__odr_asan.mp_x for a
	# global mp_x, __asan_*): they are the compiler's, not ours.
	odd=$(awk 'NF == 3 && $3 !~ /^mp_/ &&
	    $3 !~ /^__(odr_asan[.]mp_|asan_|ubsan_|sancov_)/ { print $3 }' \
	    "$tmp/nm" |
	    sort -u | while read -r s; do
		case " $EXCEPT " in *" $s "*) ;; *) echo "$s" ;; esac
	done)
	if [ -z "$odd" ]; then
		ok "libmeldpunt.a exports only mp_ symbols"
	else
		notok "libmeldpunt.a exports only mp_ symbols"
		echo "$odd" | sed 's/^/# without mp_: /'
	fi
fi

# 5. Result columns by name: mp_db_int(st, 3), mp_db_text(st, 2,
# ...) or mp_db_isnull(st, 1) hides which column is meant, and a
# column added to the SELECT shifts them silently.  Column 0 of a
# one-column statement may stay a number.  A call split after its
# first argument is not seen: keep the column on the call's line.
# shellcheck disable=SC2086
bare=$(cd "$top_srcdir" && grep -HnE \
    'mp_db_(int|text|isnull)[[:space:]]*\([^,]*,[[:space:]]*[(]?[1-9]' \
    $COLS_FILES 2>&1)
if [ -z "$bare" ]; then
	ok "result columns are read by name, not by number ($COLS_FILES)"
else
	notok "result columns are read by name, not by number ($COLS_FILES)"
	echo "$bare" | sed 's/^/# /'
fi

# 6. Long functions say why they are long.
for f in "$top_srcdir"/lib/*.c "$top_srcdir"/cgi/*/*.c; do
	[ -f "$f" ] || continue
	awk -v f="${f#"$top_srcdir"/}" -v lim="$LONG_MAX" '
	{ line[NR] = $0 }
	/^[A-Za-z_].*\(/ { sig = $0 }
	/^\{/ { start = NR; name = sig }
	/^\}/ && start {
		n = NR - start + 1
		if (n > lim) {
			m = name; sub(/\(.*/, "", m); sub(/.*[ *]/, "", m)
			# Up over the signature block to the line above it.
			for (j = start - 1; j > 0 && line[j] !~ /^[ \t]*$/ &&
			    line[j] !~ /^(\/\*| \*)/; j--)
				;
			why = 0
			for (k = j; k > 0 && k > j - 3 &&
			    line[k] ~ /^(\/\*| \*)/; k--)
				if (line[k] ~ /long:[ \t]*[^ \t*]/)
					why = 1
			if (!why)
				printf "%s:%s %d\n", f, m, n
		}
		start = 0
	}' "$f"
done > "$tmp/long"
odd=$(while read -r fn len; do
	case " $LONG_EXCEPT " in *" $fn "*) ;; *) echo "$fn $len" ;; esac
done < "$tmp/long")
for x in $LONG_EXCEPT; do
	grep -q "^$x " "$tmp/long" ||
	    echo "# $x is no longer long: take it out of LONG_EXCEPT"
done
if [ -z "$odd" ]; then
	ok "no function over $LONG_MAX lines without a long: reason"
else
	notok "no function over $LONG_MAX lines without a long: reason"
	echo "$odd" | sed 's/^/# too long, no "long:" above: /'
fi

# 7. One mapping from error to status: mp_err_status in lib/err.c.
odd=$(grep -rnE --include='*.[ch]' 'MP_EDBDOWN[[:space:]]*[?]' \
    "$lib" "$top_srcdir/cgi" | grep -v "^$lib/err\.c:")
if [ -z "$odd" ] && grep -qE 'MP_EDBDOWN[[:space:]]*[?][[:space:]]*503' \
    "$lib/err.c"; then
	ok "MP_EDBDOWN ? 503 is written only in lib/err.c (mp_err_status)"
else
	notok "MP_EDBDOWN ? 503 is written only in lib/err.c (mp_err_status)"
	echo "$odd" | sed "s|^$top_srcdir/|# elsewhere: |"
fi

echo "1..$n"
[ "$fails" -eq 0 ]
