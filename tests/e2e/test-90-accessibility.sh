# test-90-accessibility.sh -- every kind of page, opened in a real
# browser and checked by axe-core against WCAG 2.1 A and AA, and at a
# phone's width for content wider than the screen: the intake form
# (blank, with errors, another audience), the receipt, an error page,
# the reporter's sign-in (blank, wrong code), thread and reply error,
# and the dashboard's sign-in, work list, report, new report (blank and
# with errors), statistics, administration and audit log
# (tests/a11y/check-pages.py does the walking).
#
# Needs Debian's chromium and chromium-driver and python3 (scripts/check
# installs them) and axe-core, fetched once from the npm registry into
# $MELDPUNT_A11Y_CACHE (default $top_builddir/tests/a11y-cache) and
# checked against the integrity the registry published for it.

AXE_VERSION=4.11.0
AXE_SHA512=ilYanEU8vxxBexpJd8cWM4ElSQq4QctCLKih0TSfjIfCQTeyH/6zVrmIJfLPrKTKJRbiG+cfnZbQIjAlJmF1jQ==

. "$top_srcdir/tests/e2e/dash.sh"

a11y_missing=
for tool in chromium chromedriver python3 openssl tar setsid; do
	command -v "$tool" >/dev/null 2>&1 || a11y_missing="$a11y_missing $tool"
done
if [ "${MELDPUNT_E2E_VALGRIND:-0}" = 1 ]; then
	# The pages are the same markup in every build; under valgrind a
	# page takes seconds and adds nothing to this check.
	skip "pages checked for accessibility" "not under valgrind"
	return 0
fi
if [ -n "$a11y_missing" ]; then
	if [ "${MELDPUNT_E2E_REQUIRED:-0}" = 1 ]; then
		fail "the browser tools are installed (missing:$a11y_missing)"
	else
		skip "pages checked for accessibility" "missing:$a11y_missing"
	fi
	return 0
fi

# axe-core, verified.
cache=${MELDPUNT_A11Y_CACHE:-$top_builddir/tests/a11y-cache}
tgz=$cache/axe-core-$AXE_VERSION.tgz
axe=$cache/axe-core-$AXE_VERSION.min.js
integrity() { openssl dgst -sha512 -binary <"$1" | openssl base64 -A; }
if [ ! -s "$axe" ]; then
	mkdir -p "$cache"
	curl -fsS --retry 3 -o "$tgz.part" \
	    "https://registry.npmjs.org/axe-core/-/axe-core-$AXE_VERSION.tgz" ||
	    diag "could not fetch axe-core $AXE_VERSION"
	if [ -s "$tgz.part" ] && [ "$(integrity "$tgz.part")" = "$AXE_SHA512" ]
	then
		tar -xzOf "$tgz.part" package/axe.min.js >"$axe.part" &&
		    mv "$axe.part" "$axe"
	fi
	rm -f "$tgz.part" "$axe.part"
fi
if [ ! -s "$axe" ]; then
	fail "axe-core $AXE_VERSION is fetched and matches its published integrity"
	return 0
fi

# The handlers sign in locally, in the browser, as people do: users of
# their own, as earlier tests may have given the fixtures' users a
# second factor.
dash_fixtures
pw="een lang en toegankelijk wachtwoord"
for u in a11ycor:coordinator a11yad:admin a11yaud:auditor; do
	if [ "$(sql "SELECT COUNT(*) FROM app_user WHERE username =
	    '${u%%:*}'")" = 0 ]; then
		mp_ctl user add "${u%%:*}" "${u#*:}" "Toegang ${u#*:}" \
		    >/dev/null 2>&1
	fi
	printf '%s\n' "$pw" | mp_ctl user set-password "${u%%:*}" \
	    >/dev/null 2>&1
done
# A request that waits for a second person, for the pages that list
# them, and an auditor whose password someone else reset.
sql "INSERT IGNORE INTO grant_request (kind, target_id, role, was_role,
    was_disabled, was_identity, requested_by, requested_at)
    SELECT 'rol', u.id, 'coordinator', u.role, u.disabled,
    u.reporter_identity, a.id, UTC_TIMESTAMP() FROM app_user u, app_user a
    WHERE u.username = 'hanna' AND a.username = 'a11yad';
    UPDATE app_user SET password_change = 1 WHERE username = 'a11yaud'"
# A dossier with 60 notes and 61 history rows, so that its page has
# the pagers of the journal and the history (check-pages.py opens
# their second pages when A11Y_PAGED_DOSSIER names it).
sql "INSERT IGNORE INTO dossier (number, title, theme, status, team_id,
    created_by, created_at) SELECT 'D-2099-0090', 'Pagina''s', 'ondermijning',
    'open', MIN(t.id), MIN(u.id), UTC_TIMESTAMP() FROM team t, app_user u
    WHERE u.username = 'a11ycor'"
A11Y_PAGED_DOSSIER=$(sql "SELECT id FROM dossier WHERE number = 'D-2099-0090'")
export A11Y_PAGED_DOSSIER
sql "INSERT INTO dossier_journal (dossier_id, kind, body, created_by,
    created_at) SELECT $A11Y_PAGED_DOSSIER, 'note', CONCAT('Notitie ',
    s.seq), MIN(u.id), UTC_TIMESTAMP() - INTERVAL s.seq MINUTE
    FROM seq_1_to_60 s, app_user u WHERE u.username = 'a11ycor'
    GROUP BY s.seq;
    INSERT INTO dossier_event (dossier_id, kind, actor, at, new_value)
    SELECT $A11Y_PAGED_DOSSIER, 'notitie', 'a11ycor',
    UTC_TIMESTAMP() - INTERVAL s.seq MINUTE, CONCAT('notitie ', s.seq)
    FROM seq_0_to_60 s"
# A signal type with a follow-up question (issue 17), for the walk's
# new-report form with its questions; switched off after the walk.
sql "INSERT IGNORE INTO signal_type (slug, name, description, sort)
    VALUES ('a11yvragen', 'Toegankelijkheid vragen', 'Voor test-90.', 98)"
A11Y_QTYPE=$(sql "SELECT id FROM signal_type WHERE slug = 'a11yvragen'")
sql "INSERT IGNORE INTO audience_signal_type (audience_id, signal_type_id)
    SELECT id, $A11Y_QTYPE FROM audience WHERE is_default = 1;
    UPDATE question SET active = 0 WHERE signal_type_id = $A11Y_QTYPE;
    INSERT INTO question (signal_type_id, kind, required, position)
    VALUES ($A11Y_QTYPE, 'ja-nee', 1, 1);
    INSERT INTO question_text (question_id, lang, label, help, options)
    VALUES (LAST_INSERT_ID(), 'nl', 'Was het donker?', 'Bij benadering.',
    '')"
conf_set auth.mode local
restart_program dashboard
# The public pages in English and Arabic too (issue 17).
A11Y_LANGS="nl en ar"
export A11Y_LANGS
conf_set i18n.languages "nl, en, ar"
restart_program intake
restart_program feedback

# chromedriver in a session of its own, so that it and the browsers it
# starts are stopped together, by its pid, whatever happens.  It binds
# its port on IPv4 and IPv6 and gives up if either is taken, which
# mp_free_port (IPv4) cannot foresee: then another port, a few times.
driver=
up=0
for try in 1 2 3 4 5; do
	port=$(mp_free_port)
	setsid chromedriver --port="$port" --allowed-ips=127.0.0.1 \
	    >"$E2E_TEST_DIR/chromedriver.log" 2>&1 &
	driver=$!
	trap 'kill -- -$driver 2>/dev/null; wait $driver 2>/dev/null' EXIT
	if wait_for 20 "curl -fsS http://127.0.0.1:$port/status ||
	    ! kill -0 $driver"; then
		if curl -fsS "http://127.0.0.1:$port/status" >/dev/null 2>&1
		then
			up=1
			break
		fi
	fi
	diag "chromedriver on port $port: $(tail -n 1 \
	    "$E2E_TEST_DIR/chromedriver.log")"
	kill -- -"$driver" 2>/dev/null
	wait "$driver" 2>/dev/null
done
if [ "$up" != 1 ]; then
	fail "chromedriver starts"
	diag "$(tail -n 20 "$E2E_TEST_DIR/chromedriver.log")"
else
	python3 "$top_srcdir/tests/a11y/check-pages.py" "$E2E_BASE" \
	    "http://127.0.0.1:$port" "$axe" a11ycor a11yad a11yaud "$pw" \
	    >"$E2E_TEST_DIR/pages.out" 2>&1
	n=0
	while IFS= read -r line; do
		case $line in
		"ok "*)		pass "${line#ok }"; n=$((n + 1)) ;;
		"not ok "*)	fail "${line#not ok }"; n=$((n + 1)) ;;
		*)		diag "${line#\# }" ;;
		esac
	done <"$E2E_TEST_DIR/pages.out"
	[ "$n" -ge 54 ] && pass "all $n page checks ran" ||
	    fail "all page checks ran (only $n)"
fi
kill -- -"$driver" 2>/dev/null
wait "$driver" 2>/dev/null
trap - EXIT

sql "UPDATE question SET active = 0 WHERE signal_type_id = $A11Y_QTYPE;
    DELETE FROM audience_signal_type WHERE signal_type_id = $A11Y_QTYPE"
conf_reset
restart_program dashboard
restart_program intake
restart_program feedback
