#!/bin/sh
# tests/ctl-help.sh -- meldpuntctl without a database: the help text
# line by line (a synopsis longer than its column was once cut short and
# ran into its description), the version, and the usage errors of the
# dispatch in cgi/meldpuntctl/main.c.  Prints TAP.

ctl=${top_builddir:-.}/meldpuntctl
n=0
failed=0

result()
{
	n=$((n + 1))
	if [ "$1" = ok ]; then
		echo "ok $n - $2"
	else
		echo "not ok $n - $2"
		failed=1
	fi
}

# is GOT EXPECTED DESCRIPTION
is()
{
	if [ "$1" = "$2" ]; then
		result ok "$3"
	else
		result 'not ok' "$3"
		printf '%s\n' "$1" > "$tmp/got"
		printf '%s\n' "$2" > "$tmp/expected"
		diff -u "$tmp/expected" "$tmp/got" | sed 's/^/# /'
	fi
}

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

echo "1..15"

MELDPUNT_CONFIG=/etc/test/meldpunt.hdf
export MELDPUNT_CONFIG
version=$(sed -n 's/^#define PACKAGE_VERSION "\(.*\)"$/\1/p' \
    "${top_builddir:-.}/config.h")

out=$("$ctl" help 2>"$tmp/err")
is "$?" 0 "help exits 0"
is "$(cat "$tmp/err")" "" "help writes nothing on stderr"
# Each synopsis whole; one too long for its 40 columns on a line of its
# own, with the description under the others.
pad='                                           '
is "$out" "usage: meldpuntctl [-v] [-c FILE] COMMAND [ARGS]

  -c FILE  configuration (default \$MELDPUNT_CONFIG or /etc/test/meldpunt.hdf)
  -v       show the library's log on stderr

commands:
  help                                     show this list
  version                                  show the version
  migrate                                  apply new schema migrations from paths.sql (as db.admin)
  grants                                   create the database accounts (shared and per program) and grant their rights
  check-config [FILE]                      check the configuration (or FILE), key, paths and database connection
  gen-key FILE                             write a new random master key to FILE (mode 0600)
  contact-key rotate                       new contact key pair: appended to crypto.contact_private_file, the public key replaces crypto.contact_public_file
  contact-migrate                          re-seal contact details of the old symmetric scheme to the current contact public key
  seed-demo [--reports N] [--seed S] ...   fill the database with demo reports (default 300, seed 1), indexed unless --no-subjects
  subjects rebuild [--all] ... | plan      index the subjects of reports not yet indexed (resumable)
  retention plan | run                     erase what has outlived its retention term (plan: only show)
  drain-spool                              store the reports waiting in the spool directory
  user add|disable|enable|list|add-team|reset-totp|set-* ...
${pad}dashboard users, at once (IT's bootstrap); \"user help\"
  team add NAME | list                     dashboard teams
  mail send | status | digest | queue ...  deliver pending mail (cron); \"mail help\" for details
  partner add|list|set|disable|enable|rotate-key ...
${pad}partners of the XML export; \"partner help\" for details
  routing list | add TYPE|* AUDIENCE|* TEAM | remove ID
${pad}routing rules: signal type and audience -> team
  status                                   the instance's health in one line for Nagios (exit 0-3)
  metrics [-o FILE]                        the same and counts for Prometheus, to metrics.file or FILE
  backup-check [--allow-newer] RESTORED.hdf
${pad}compare the database with a restored backup (Nagios line): rows, contact details, attachments" \
    "help lists every command with its whole synopsis"

out=$("$ctl" version)
is "$?:$out" "0:meldpuntctl $version" "version prints the package version"

usage="usage: meldpuntctl [-v] [-c FILE] COMMAND [ARGS]
       meldpuntctl help"
out=$("$ctl" 2>&1 >/dev/null)
is "$?:$out" "2:$usage" "no command: usage on stderr, status 2"
out=$("$ctl" -x help 2>&1 >/dev/null)
is "$?" 2 "an unknown option is a usage error"
out=$("$ctl" frobnicate 2>&1 >/dev/null)
is "$?:$out" "2:meldpuntctl: unknown command frobnicate; try meldpuntctl help" \
    "an unknown command is named, status 2"
out=$("$ctl" gen-key 2>&1 >/dev/null)
is "$?:$out" "2:$usage" "gen-key without a file is a usage error"

out=$("$ctl" gen-key "$tmp/key")
is "$?:$out" "0:wrote a new key to $tmp/key" "gen-key writes a key"
is "$(stat -c %a "$tmp/key")" 600 "the key file has mode 0600"
out=$("$ctl" gen-key "$tmp/key" 2>&1)
is "$?" 1 "gen-key does not overwrite a key"
out=$("$ctl" -c "$tmp/none.hdf" team list 2>&1)
is "$?:$out" "1:meldpuntctl: cannot read $tmp/none.hdf: No such file or directory" \
    "a missing configuration file is one line, status 1"
# backup-check speaks Nagios: a set-up it cannot make is UNKNOWN (3).
out=$("$ctl" -c "$tmp/none.hdf" backup-check "$tmp/none.hdf" 2>/dev/null)
is "$?:$out" "3:MELDPUNT UNKNOWN - cannot read the configuration or set up the database connection" \
    "backup-check without a configuration is UNKNOWN, status 3"

# The manual page documents every command of the table and no other:
# the first-level ".It Cm" entries of its COMMANDS section.
page=${top_srcdir:-..}/man/meldpuntctl.8
cmds=$("$ctl" help | sed -n '/^commands:$/,$p' | sed -n 's/^  \([a-z][a-z-]*\).*/\1/p' |
    LC_ALL=C sort)
documented=$(awk '
	/^\.Sh / { insect = ($2 == "COMMANDS"); depth = 0; next }
	!insect { next }
	/^\.Bl/ { depth++; next }
	/^\.El/ { depth--; next }
	depth == 1 && /^\.It Cm / { print $3 }
	' "$page" | LC_ALL=C sort)
is "$documented" "$cmds" "man/meldpuntctl.8 documents every command, and no other"
opts=$(sed -n 's/^\.It Fl \([a-z]\) .*/\1/p; s/^\.It Fl \([a-z]\)$/\1/p' "$page" |
    LC_ALL=C sort -u | tr '\n' ' ')
is "$opts" "c v " "man/meldpuntctl.8 documents the options -c and -v"

exit $failed
