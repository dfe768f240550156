#!/bin/bash
# package.sh -- the Debian package (debian/), built and installed as a
# hosting party would, without touching this machine's own system:
#
#   1. dpkg-buildpackage -us -uc -b in a copy of the tree (the files git
#      knows, committed or not: in CI's clone that is HEAD; in a working
#      tree it is what is about to be committed), with nocheck, since
#      scripts/check runs the unit tests in build/check already;
#   2. lintian on the .deb: no errors (warnings kept are overridden in
#      debian/meldpunt.lintian-overrides, each with its reason);
#   3. dpkg --root into a fresh directory with --force-script-chrootless,
#      so that the maintainer scripts really run, against that tree
#      (DPKG_ROOT): the system users and groups appear in its passwd and
#      group, the spool, configuration and log directories get their
#      owners and modes, and the host's passwd is left as it was.  Why
#      not dpkg-deb -x: that never runs postinst or postrm, which are
#      the part of a package most likely to go wrong on a real host;
#   4. the installed meldpuntctl, against the installed sample
#      configuration with its paths moved into that directory and a
#      private MariaDB: gen-key, contact-key, migrate, grants, then
#      check-config succeeds;
#   5. dpkg --purge: the users and the log directory are gone, the key
#      files and the database stay.
#
# TAP on stdout.  Run by scripts/check beside the sanitizer build; needs
# root (as the end-to-end suite does: the private MariaDB and chown in
# the installed tree), dpkg-dev, debhelper, lintian.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/meldpunt-package.XXXXXX)
root=$work/root
db=$work/db
n=0
bad=0
export PATH=$PATH:/usr/sbin:/sbin

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

diag()
{
	sed 's/^/# /' "$@"
}

# shellcheck source=tests/lib/mariadb.sh
. "$top/tests/lib/mariadb.sh"

cleanup()
{
	mariadb_stop "$db" >/dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT

echo "1..23"

if [ "$(id -u)" -ne 0 ]; then
	echo "Bail out! tests/package.sh needs root"
	exit 1
fi

host_passwd=$(md5sum /etc/passwd /etc/group)

(cd "$top" && git ls-files -co --exclude-standard -z 2>/dev/null |
    grep -zv '^\(build\|var\)/' | tar -c --null -T - -f -) |
    (mkdir -p "$work/src" && tar -x -C "$work/src" -f -)
ok $? "copy of the source tree"

t=$(date +%s)
(cd "$work/src" &&
    DEB_BUILD_OPTIONS="nocheck parallel=${MELDPUNT_CHECK_JOBS:-2}" \
    dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1
rc=$?
echo "# dpkg-buildpackage: $(( $(date +%s) - t )) s"
[ "$rc" -eq 0 ] || tail -n 30 "$work/build.log" | diag
deb=$(ls "$work"/meldpunt_*.deb 2>/dev/null | head -n 1)
[ "$rc" -eq 0 ] && [ -n "$deb" ]
ok $? "dpkg-buildpackage -us -uc -b builds the package"

t=$(date +%s)
lintian --fail-on error "$deb" >"$work/lintian.log" 2>&1
rc=$?
echo "# lintian: $(( $(date +%s) - t )) s"
grep -v '^running with root' "$work/lintian.log" | diag
ok $rc "lintian: no errors"

# A fresh root: dpkg's database and the base system's users, no more.
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" \
    "$root/etc" "$root/var/log" "$root/var/spool"
: >"$root/var/lib/dpkg/status"
: >"$root/var/lib/dpkg/available"
{ echo 'root:x:0:0:root:/root:/bin/bash'
  echo 'www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin'
} >"$root/etc/passwd"
printf 'root:x:0:\nadm:x:4:\nwww-data:x:33:\n' >"$root/etc/group"
printf 'root:*:19000:0:99999:7:::\nwww-data:*:19000:0:99999:7:::\n' \
    >"$root/etc/shadow"
printf 'root:*::\nadm:*::\nwww-data:*::\n' >"$root/etc/gshadow"
chmod 0640 "$root/etc/shadow" "$root/etc/gshadow"

instdpkg()
{
	dpkg --root="$root" --force-not-root --force-script-chrootless \
	    --force-depends --log="$work/dpkg.log" "$@"
}

instdpkg -i "$deb" >"$work/install.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || diag "$work/install.log"
ok $rc "dpkg --root installs it, maintainer scripts included"

[ -x "$root/usr/sbin/meldpuntctl" ] &&
    [ -x "$root/usr/bin/meldpunt-intake" ] &&
    [ -x "$root/usr/bin/meldpunt-feedback" ] &&
    [ -x "$root/usr/bin/meldpunt-dashboard" ] &&
    [ -x "$root/usr/bin/meldpunt-export" ]
ok $? "the programs and meldpuntctl are installed"

[ -s "$root/usr/share/meldpunt/templates/intake/form.cs" ] &&
    [ -s "$root/usr/share/meldpunt/templates/static/meldpunt.css" ] &&
    [ -s "$root/usr/share/meldpunt/sql/001_init.sql" ] &&
    [ -s "$root/usr/share/meldpunt/sql/grants-intake.sql" ] &&
    [ "$(ls "$root"/usr/share/meldpunt/sql/*.sql | wc -l)" -eq \
    "$(ls "$top"/sql/*.sql | wc -l)" ]
ok $? "templates, every migration and the grants are installed"

grep -qx /etc/meldpunt/meldpunt.hdf \
    "$root/var/lib/dpkg/info/meldpunt.conffiles"
ok $? "/etc/meldpunt/meldpunt.hdf is a conffile"

units=$(ls "$top"/conf/systemd/ | wc -l)
[ "$(ls "$root/lib/systemd/system" | wc -l)" -eq "$units" ] &&
    ! grep -n /usr/local "$root"/lib/systemd/system/* \
    "$root"/usr/share/doc/meldpunt/examples/*/* &&
    svc=$root/lib/systemd/system/meldpunt-intake.service &&
    want='ExecStart=/usr/bin/meldpunt-intake -c /etc/meldpunt/meldpunt.hdf' &&
    grep -qx "$want" "$svc" &&
    grep -qx 'ReadWritePaths=/var/spool/meldpunt' "$svc" &&
    grep -qx 'ReadOnlyPaths=/etc/meldpunt' "$svc" &&
    [ ! -e "$root/etc/systemd/system/sockets.target.wants" ]
ok $? "every unit is installed with the package's paths, none enabled"

[ -s "$root/usr/share/doc/meldpunt/examples/nginx/meldpunt.conf" ] &&
    [ -s "$root/usr/share/doc/meldpunt/examples/apache/meldpunt.conf" ] &&
    [ -s "$root/usr/share/doc/meldpunt/examples/cron/meldpunt" ] &&
    grep -q 'alias /usr/share/meldpunt/templates/static/;' \
    "$root/usr/share/doc/meldpunt/examples/nginx/meldpunt.conf"
ok $? "the nginx and Apache sites and the cron file are examples"

missing=
for u in meldpunt meldpunt-intake meldpunt-feedback meldpunt-dashboard \
    meldpunt-export; do
	awk -F: -v u="$u" '$1 == u && $7 == "/usr/sbin/nologin" { f = 1 }
	    END { exit !f }' "$root/etc/passwd" || missing="$missing $u"
done
for g in meldpunt meldpunt-contact; do
	grep -q "^$g:" "$root/etc/group" || missing="$missing group:$g"
done
[ -z "$missing" ] || echo "# missing:$missing"
[ -z "$missing" ]
ok $? "postinst made a user per program, groups meldpunt, meldpunt-contact"

[ "$(md5sum /etc/passwd /etc/group)" = "$host_passwd" ] &&
    ! grep -q '^meldpunt-intake:' /etc/passwd
ok $? "and left the host's passwd and group alone"

uid()
{
	awk -F: -v n="$1" '$1 == n { print $3 }' "$root/etc/passwd"
}
gid()
{
	awk -F: -v n="$1" '$1 == n { print $3 }' "$root/etc/group"
}
perm()
{
	stat -c '%a %u %g' "$root$1" 2>/dev/null
}
[ "$(perm /var/spool/meldpunt)" = \
    "700 $(uid meldpunt-intake) $(gid meldpunt)" ]
ok $? "spool: 0700 meldpunt-intake:meldpunt ($(perm /var/spool/meldpunt))"
[ "$(perm /etc/meldpunt)" = "750 0 $(gid meldpunt)" ]
ok $? "configuration and keys: 0750 root:meldpunt ($(perm /etc/meldpunt))"
[ "$(perm /var/log/meldpunt)" = "2770 0 $(gid meldpunt)" ]
ok $? "log: 2770 root:meldpunt ($(perm /var/log/meldpunt))"

# Installed again (an upgrade runs postinst with the old version): the
# users are there already, and a directory keeps what the administrator
# gave it.
chmod g-w "$root/var/log/meldpunt"
instdpkg -i "$deb" >"$work/reinstall.log" 2>&1 &&
    [ "$(grep -c '^meldpunt' "$root/etc/passwd")" -eq 5 ] &&
    [ "$(perm /var/log/meldpunt)" = "2750 0 $(gid meldpunt)" ]
rc=$?
if [ "$rc" -ne 0 ]; then
	diag "$work/reinstall.log"
	echo "# users: $(grep -c '^meldpunt' "$root/etc/passwd")," \
	    "log: $(perm /var/log/meldpunt)"
fi
ok $rc "installed again: no second user, the administrator's mode kept"

# The installed sample configuration, its installed paths moved into
# the fresh root, and a private MariaDB's socket.
conf=$work/meldpunt.hdf
sed -e "s|= /usr/share/meldpunt/|= $root/usr/share/meldpunt/|" \
    -e "s|= /etc/meldpunt/|= $root/etc/meldpunt/|" \
    -e "s|= /var/spool/meldpunt|= $root/var/spool/meldpunt|" \
    "$root/etc/meldpunt/meldpunt.hdf" >"$conf" &&
    printf 'db.socket = %s\nlog.target = stderr\n' "$db/mysql.sock" >>"$conf"
ctl()
{
	"$root/usr/sbin/meldpuntctl" -c "$conf" "$@"
}
mariadb_start "$db" >"$work/mariadb.log" 2>&1
ok $? "a private MariaDB for check-config"

(umask 077 && od -An -N24 -tx1 /dev/urandom | tr -d ' \n' \
    >"$root/etc/meldpunt/db.password") &&
    ctl gen-key "$root/etc/meldpunt/meldpunt.key" >"$work/ctl.log" 2>&1 &&
    ctl contact-key rotate >>"$work/ctl.log" 2>&1 &&
    ctl migrate >>"$work/ctl.log" 2>&1 &&
    ctl grants >>"$work/ctl.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || diag "$work/ctl.log"
ok $rc "installed meldpuntctl: gen-key, contact-key rotate, migrate, grants"

out=$(ctl check-config 2>&1)
rc=$?
printf '%s\n' "$out" | diag
[ "$rc" -eq 0 ] && [ "$out" = "configuration OK" ]
ok $? "installed meldpuntctl check-config accepts the installed sample"

tables=$(mariadb --no-defaults -S "$db/mysql.sock" -uroot -N -e \
    "SELECT COUNT(*) FROM information_schema.tables
     WHERE table_schema = 'meldpunt'")

instdpkg --purge meldpunt >"$work/purge.log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || diag "$work/purge.log"
ok $rc "dpkg --purge removes it"

! grep -q '^meldpunt' "$root/etc/passwd" &&
    ! grep -q '^meldpunt' "$root/etc/group"
ok $? "purge removed the users and groups"
[ ! -e "$root/var/log/meldpunt" ] && [ ! -e "$root/var/spool/meldpunt" ] &&
    [ ! -e "$root/usr/sbin/meldpuntctl" ] &&
    [ ! -e "$root/etc/meldpunt/meldpunt.hdf" ]
ok $? "and the log, the empty spool, the programs and the conffile"
[ -s "$root/etc/meldpunt/meldpunt.key" ] &&
    [ -s "$root/etc/meldpunt/contact.key" ]
ok $? "but kept the key files (contact details cannot be read without them)"

after=$(mariadb --no-defaults -S "$db/mysql.sock" -uroot -N -e \
    "SELECT COUNT(*) FROM information_schema.tables
     WHERE table_schema = 'meldpunt'")
[ -n "$tables" ] && [ "$tables" -gt 10 ] && [ "$after" = "$tables" ]
ok $? "and left the database alone ($after tables)"

[ "$bad" -eq 0 ]
