#!/bin/sh
# tests/man-lint.sh -- mandoc -Tlint on every manual page in man/, with
# -Wwarning: a warning or error fails; the STYLE messages are left out
# because the only ones the pages give are "referenced manual not
# found" for their cross-references to each other (meldpuntctl(8),
# meldpunt.hdf(5)), which mandoc looks up among the installed pages
# and which are not installed at check time.  mandoc is in PACKAGES of
# scripts/check; without it this test fails rather than pass unseen.
# Prints TAP.

top=${top_srcdir:-.}
n=0
failed=0
pages=$(ls "$top"/man/*.[1-9] 2>/dev/null)

echo "1..$(($(echo "$pages" | wc -w) + 1))"
n=$((n + 1))
if command -v mandoc >/dev/null 2>&1; then
	echo "ok $n - mandoc is installed"
else
	echo "not ok $n - mandoc is installed (apt-get install mandoc)"
	exit 1
fi
for p in $pages; do
	n=$((n + 1))
	if out=$(mandoc -Tlint -Wwarning "$p" 2>&1) && [ -z "$out" ]; then
		echo "ok $n - mandoc -Tlint ${p##*/}: nothing to report"
	else
		echo "not ok $n - mandoc -Tlint ${p##*/}"
		printf '%s\n' "$out" | sed 's/^/# /'
		failed=1
	fi
done
exit $failed
