#!/usr/bin/env bash
# tests/deps.sh -- the dependencies of lib/ stay readable (issue 12):
#   - every lib/*.h compiles on its own (it includes what it needs),
#     twice in one unit (its include guard works);
#   - no file in lib/ includes meldpunt.h (the programs' umbrella) or
#     anything that is not a lib/ header: lib/ never reaches into cgi/;
#   - no include cycle between lib modules, a module being NAME.c with
#     NAME.h (the graph comes from the #include lines of the sources;
#     two known edges are left out, CYCLE_EXCEPT below);
#   - every global symbol libmeldpunt.a defines starts with mp_
#     (exceptions, with the reason, in EXCEPT below: none);
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
# Include edges "FROM TO" left out of the cycle check, each a call back
# up that a later change must remove (the list may only shrink):
#   user access: user.c asks mp_access_can whether a role may hold the
#     reporter-identity right, while access is built on user's roles;
#   grant outbox: grant.c queues its mail with mp_outbox_notify_grant,
#     while outbox.c reads the grant (mp_grant_get) to write that mail.
CYCLE_EXCEPT='user access
grant outbox'

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

# 5. One mapping from error to status: mp_err_status in lib/err.c.
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
