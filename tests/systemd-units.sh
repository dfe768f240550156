#!/usr/bin/env bash
# tests/systemd-units.sh -- every FastCGI program that the shipped web
# server sites route to has a socket unit and a service unit in
# conf/systemd/, and each service is sandboxed exactly as the intake's.
#
# Why: the README promises a socket unit per program, and the nginx and
# Apache sites pass /dashboard/ and /api/ to dashboard.sock and
# export.sock; for a while only the intake and the follow-up had units,
# so an installation by the book had no socket for the other two.
# A unit copied by hand also loses hardening lines easily.
#
# Checks, for every program meldpunt-NAME in bin_PROGRAMS (cgi/local.mk
# and cgi/*/local.mk) that conf/nginx or conf/apache route to
# (/run/meldpunt/NAME.sock):
#   - meldpunt-NAME.socket listens on /run/meldpunt/NAME.sock, owned by
#     the program's user, group www-data, mode 0660;
#   - meldpunt-NAME.service is activated by that socket, runs the
#     program as its own user (User=meldpunt-NAME, Group=meldpunt);
#   - it carries every sandbox line of meldpunt-intake.service, and no
#     other (the reference itself must hold a fixed minimum);
#   - only the intake may write (its spool), only the dashboard is in
#     the group that reads the contact private key;
#   - meldpunt-spool.service drains the spool as the intake's user and
#     group (the spool is the intake's, mode 0700);
# and `systemd-analyze verify` accepts every unit without a word, when
# systemd-analyze is installed (skipped otherwise).
#
# Prints TAP.  Run from make check, or alone:
#   tests/systemd-units.sh        (top_srcdir, top_builddir optional)

set -u

top=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
build=${top_builddir:-$top}
units=$top/conf/systemd

n=0
failed=0
ok()
{
	n=$((n + 1))
	printf 'ok %d - %s\n' "$n" "$1"
}
notok()
{
	n=$((n + 1))
	failed=$((failed + 1))
	printf 'not ok %d - %s\n' "$n" "$1"
	shift
	local l
	for l in "$@"; do
		printf '#   %s\n' "$l"
	done
}
skip()
{
	n=$((n + 1))
	printf 'ok %d - %s # SKIP %s\n' "$n" "$1" "$2"
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# The [Service] lines of a unit, without comments or blanks, one
# "Key=value" per line, in file order.
service_lines()
{
	awk '
	/^[ \t]*[#;]/ || /^[ \t]*$/ { next }
	/^\[/ { insvc = ($0 == "[Service]"); next }
	insvc { print }
	' "$1"
}

# The value of Key in a unit's section (the last one wins, as in
# systemd; an empty string when absent).
unit_value()
{
	awk -v sect="[$2]" -v key="$3" '
	/^[ \t]*[#;]/ || /^[ \t]*$/ { next }
	/^\[/ { in_s = ($0 == sect); next }
	in_s {
		i = index($0, "=")
		if (i > 0 && substr($0, 1, i - 1) == key) {
			v = substr($0, i + 1)
			found = 1
		}
	}
	END { if (found) print v }
	' "$1"
}

# Lines that differ by program by design; every other [Service] line
# (the sandbox, UMask, read-only paths, limits) is the intake's.
PER_PROGRAM='^(Type|ExecStart|StandardInput|StandardOutput|StandardError|KillSignal|TimeoutStopSec|Restart|RestartSec|User|ReadWritePaths|SupplementaryGroups)='

hardening()
{
	service_lines "$1" | grep -Ev "$PER_PROGRAM" | LC_ALL=C sort
}

# --- what is built and what the web servers route to ---------------

programs=$(cat "$top"/cgi/local.mk "$top"/cgi/*/local.mk 2>/dev/null |
    sed -n 's/^[ \t]*bin_PROGRAMS[ \t]*+*=[ \t]*//p' | tr ' \t' '\n\n' |
    grep -v '^$' | LC_ALL=C sort -u)
nginx_socks=$(sed -n \
    's|^[ \t]*fastcgi_pass[ \t]*unix:/run/meldpunt/\([a-z0-9_-]*\)\.sock;.*|\1|p' \
    "$top/conf/nginx/meldpunt.conf" | LC_ALL=C sort -u)
apache_socks=$(sed -n \
    's#^[ \t]*ProxyPass .*"unix:/run/meldpunt/\([a-z0-9_-]*\)\.sock|.*#\1#p' \
    "$top/conf/apache/meldpunt.conf" | LC_ALL=C sort -u)

if [ -n "$programs" ]; then
	ok "bin_PROGRAMS: $(echo $programs)"
else
	notok "bin_PROGRAMS found in cgi/local.mk or cgi/*/local.mk"
fi
if [ -n "$nginx_socks" ] && [ "$nginx_socks" = "$apache_socks" ]; then
	ok "nginx and Apache route to the same sockets: $(echo $nginx_socks)"
else
	notok "nginx and Apache route to the same sockets" \
	    "nginx: $(echo $nginx_socks)" "apache: $(echo $apache_socks)"
fi

routed=$(printf '%s\n%s\n' "$nginx_socks" "$apache_socks" | grep -v '^$' |
    LC_ALL=C sort -u)
for s in $routed; do
	if printf '%s\n' "$programs" | grep -qx "meldpunt-$s"; then
		ok "$s.sock is served by a built program, meldpunt-$s"
	else
		notok "$s.sock is served by a built program, meldpunt-$s" \
		    "the web server sites route to $s.sock, bin_PROGRAMS" \
		    "has no meldpunt-$s"
	fi
done

# --- the reference: the intake's sandbox -----------------------------

ref=$units/meldpunt-intake.service
if [ -f "$ref" ]; then
	hardening "$ref" >"$tmp/ref"
	# The floor: these may not leave the reference either, or every
	# unit could lose them together.
	missing=()
	for l in NoNewPrivileges=yes ProtectSystem=strict ProtectHome=yes \
	    PrivateTmp=yes PrivateDevices=yes ProtectKernelTunables=yes \
	    ProtectKernelModules=yes ProtectKernelLogs=yes \
	    ProtectControlGroups=yes ProtectClock=yes ProtectHostname=yes \
	    ProtectProc=invisible ProcSubset=pid RestrictNamespaces=yes \
	    RestrictRealtime=yes RestrictSUIDSGID=yes LockPersonality=yes \
	    MemoryDenyWriteExecute=yes RemoveIPC=yes \
	    CapabilityBoundingSet= AmbientCapabilities= \
	    SystemCallArchitectures=native \
	    SystemCallFilter=@system-service SystemCallFilter=~@privileged \
	    UMask=0077 Group=meldpunt \
	    ReadOnlyPaths=/usr/local/etc/meldpunt; do
		grep -qxF -- "$l" "$tmp/ref" || missing+=("missing: $l")
	done
	for k in RestrictAddressFamilies MemoryMax TasksMax; do
		grep -q "^$k=" "$tmp/ref" || missing+=("missing: $k=")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		ok "meldpunt-intake.service holds the minimum sandbox"
	else
		notok "meldpunt-intake.service holds the minimum sandbox" \
		    "${missing[@]}"
	fi
else
	notok "conf/systemd/meldpunt-intake.service exists (the reference)"
	: >"$tmp/ref"
fi

# --- each routed program ---------------------------------------------

for p in $programs; do
	s=${p#meldpunt-}
	if [ "$s" = "$p" ] ||
	    ! printf '%s\n' "$routed" | grep -qx "$s"; then
		printf '# %s: no web server routes to it; no unit needed\n' "$p"
		continue
	fi
	sock=$units/$p.socket
	svc=$units/$p.service

	if [ ! -f "$sock" ]; then
		notok "$p.socket exists" "conf/systemd/$p.socket is missing:" \
		    "nothing would listen on /run/meldpunt/$s.sock"
	else
		bad=()
		v=$(unit_value "$sock" Socket ListenStream)
		[ "$v" = "/run/meldpunt/$s.sock" ] ||
		    bad+=("ListenStream=$v, not /run/meldpunt/$s.sock")
		v=$(unit_value "$sock" Socket SocketUser)
		[ "$v" = "$p" ] || bad+=("SocketUser=$v, not $p")
		v=$(unit_value "$sock" Socket SocketGroup)
		[ "$v" = www-data ] || bad+=("SocketGroup=$v, not www-data")
		v=$(unit_value "$sock" Socket SocketMode)
		[ "$v" = 0660 ] || bad+=("SocketMode=$v, not 0660")
		v=$(unit_value "$sock" Socket Accept)
		[ "$v" = no ] || bad+=("Accept=$v, not no")
		if [ ${#bad[@]} -eq 0 ]; then
			ok "$p.socket: /run/meldpunt/$s.sock, $p:www-data 0660"
		else
			notok "$p.socket: /run/meldpunt/$s.sock, $p:www-data 0660" \
			    "${bad[@]}"
		fi
	fi

	if [ ! -f "$svc" ]; then
		notok "$p.service exists" "conf/systemd/$p.service is missing"
		continue
	fi
	bad=()
	v=$(unit_value "$svc" Unit Requires)
	[ "$v" = "$p.socket" ] || bad+=("Requires=$v, not $p.socket")
	v=$(unit_value "$svc" Service StandardInput)
	[ "$v" = socket ] || bad+=("StandardInput=$v, not socket")
	v=$(unit_value "$svc" Service ExecStart)
	case $v in
	/*/bin/"$p" | /*/bin/"$p "*) ;;
	*) bad+=("ExecStart=$v does not run .../bin/$p") ;;
	esac
	v=$(unit_value "$svc" Service User)
	[ "$v" = "$p" ] || bad+=("User=$v, not $p (its own user)")
	if [ ${#bad[@]} -eq 0 ]; then
		ok "$p.service: socket-activated, runs $p as user $p"
	else
		notok "$p.service: socket-activated, runs $p as user $p" \
		    "${bad[@]}"
	fi

	hardening "$svc" >"$tmp/got"
	if [ -s "$tmp/ref" ] && cmp -s "$tmp/ref" "$tmp/got"; then
		ok "$p.service: the intake's sandbox, line for line"
	else
		d=()
		while IFS= read -r l; do
			d+=("$l")
		done < <(diff "$tmp/ref" "$tmp/got" |
		    sed -n 's/^< /missing: /p; s/^> /extra: /p')
		notok "$p.service: the intake's sandbox, line for line" \
		    "${d[@]}"
	fi

	# Least privilege between the programs: the spool is the intake's,
	# the contact private key the dashboard's.
	bad=()
	v=$(unit_value "$svc" Service ReadWritePaths)
	if [ "$p" != meldpunt-intake ] && [ -n "$v" ]; then
		bad+=("ReadWritePaths=$v: only the intake writes (its spool)")
	fi
	v=$(unit_value "$svc" Service SupplementaryGroups)
	if [ "$p" != meldpunt-dashboard ] &&
	    printf '%s\n' "$v" | grep -qw meldpunt-contact; then
		bad+=("SupplementaryGroups=$v: only the dashboard reads contact.key")
	fi
	if [ ${#bad[@]} -eq 0 ]; then
		ok "$p.service: writes and reads no more than its own"
	else
		notok "$p.service: writes and reads no more than its own" \
		    "${bad[@]}"
	fi
done

# --- the spool drain ------------------------------------------------
#
# meldpunt-spool.service stores what the intake spooled.  The spool is
# the intake's (0700, files 0600), so the drain runs as the intake's
# user and group, may write only the spool, and reads no contact
# private key; meldpuntctl drain-spool opens the intake's database
# account (db.intake) by itself.

spool=$units/meldpunt-spool.service
if [ ! -f "$spool" ] || [ ! -f "$ref" ]; then
	notok "meldpunt-spool.service and meldpunt-intake.service exist"
else
	bad=()
	v=$(unit_value "$spool" Service ExecStart)
	case $v in
	*/meldpuntctl\ *drain-spool*) ;;
	*) bad+=("ExecStart=$v does not run meldpuntctl drain-spool") ;;
	esac
	for k in User Group ReadWritePaths; do
		v=$(unit_value "$spool" Service "$k")
		w=$(unit_value "$ref" Service "$k")
		[ -n "$v" ] && [ "$v" = "$w" ] ||
		    bad+=("$k=$v, not the intake's $k=$w")
	done
	v=$(unit_value "$spool" Service SupplementaryGroups)
	if printf '%s\n' "$v" | grep -qw meldpunt-contact; then
		bad+=("SupplementaryGroups=$v: only the dashboard reads contact.key")
	fi
	if [ ${#bad[@]} -eq 0 ]; then
		ok "meldpunt-spool.service: drains as the intake's user, its spool only"
	else
		notok "meldpunt-spool.service: drains as the intake's user, its spool only" \
		    "${bad[@]}"
	fi
fi

# --- systemd's own parser --------------------------------------------

if ! command -v systemd-analyze >/dev/null 2>&1; then
	skip "systemd-analyze verify conf/systemd/*" "no systemd-analyze"
else
	mkdir "$tmp/units"
	cp "$units"/*.service "$units"/*.socket "$units"/*.timer "$tmp/units/"
	# verify wants ExecStart's program to exist: the built one, else
	# any executable (the units name the installed path).
	for f in "$tmp"/units/*.service; do
		exe=$(unit_value "$f" Service ExecStart)
		exe=${exe%% *}
		b=$build/$(basename "$exe")
		[ -x "$b" ] || b=$(command -v true)
		sed -i "s|^ExecStart=$exe|ExecStart=$b|" "$f"
	done
	if out=$(cd "$tmp/units" && systemd-analyze verify ./* 2>&1) &&
	    [ -z "$out" ]; then
		ok "systemd-analyze verify conf/systemd/*: no complaint"
	else
		l=()
		while IFS= read -r x; do
			l+=("$x")
		done <<<"$out"
		notok "systemd-analyze verify conf/systemd/*: no complaint" \
		    "${l[@]}"
	fi
fi

printf '1..%d\n' "$n"
[ "$failed" -eq 0 ]
