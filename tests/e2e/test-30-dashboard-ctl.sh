# test-30-dashboard-ctl.sh -- meldpuntctl user and team: the dashboard's
# accounts are made, listed, changed and disabled from the command
# line; the application's database user may not touch the audit log
# except to add to it.

out=$(mp_ctl team add "Team Ctl" 2>&1)
is "$?" 0 "team add succeeds"
is "$(sql "SELECT COUNT(*) FROM team WHERE name = 'Team Ctl'")" 1 \
    "team add writes the team"
mp_ctl team add "Team Ctl" >/dev/null 2>&1
is "$?" 1 "a second team of the same name is refused"
like "$(mp_ctl team list)" 'Team Ctl' "team list shows it"

mp_ctl user add ctl.user handler "Ctl Gebruiker" --team "Team Ctl" \
    >/dev/null 2>&1
is "$?" 0 "user add succeeds"
is "$(sql "SELECT role, display_name, disabled FROM app_user
    WHERE username = 'ctl.user'")" "$(printf 'handler\tCtl Gebruiker\t0')" \
    "user add stores role and display name"
is "$(sql "SELECT COUNT(*) FROM user_team ut JOIN app_user u
    ON u.id = ut.user_id JOIN team t ON t.id = ut.team_id
    WHERE u.username = 'ctl.user' AND t.name = 'Team Ctl'")" 1 \
    "user add --team makes the user a member"
mp_ctl user add ctl.user handler >/dev/null 2>&1
is "$?" 1 "a second user of the same name is refused"
mp_ctl user add 'bad name' handler >/dev/null 2>&1
is "$?" 2 "a user name with a space is refused"
mp_ctl user add ctl.other superuser >/dev/null 2>&1
is "$?" 2 "an unknown role is refused"

mp_ctl user set-role ctl.user coordinator >/dev/null 2>&1
is "$(sql "SELECT role FROM app_user WHERE username = 'ctl.user'")" \
    coordinator "user set-role changes the role"

printf 'kort\n' | mp_ctl user set-password ctl.user >/dev/null 2>&1
is "$?" 1 "a short password is refused"
printf 'een lang genoeg wachtwoord\n' |
    mp_ctl user set-password ctl.user >/dev/null 2>&1
is "$?" 0 "user set-password succeeds"
like "$(sql "SELECT password_hash FROM app_user
    WHERE username = 'ctl.user'")" '^\$scrypt\$' \
    "the password is stored as an scrypt hash"

mp_ctl user disable ctl.user >/dev/null 2>&1
is "$(sql "SELECT disabled FROM app_user WHERE username = 'ctl.user'")" 1 \
    "user disable disables"
like "$(mp_ctl user list)" 'ctl\.user +coordinator +disabled' \
    "user list shows the user, role and state"

# Every subcommand of user: its one line, its status, what it wrote.
mp_ctl team add "Team Ctl2" >/dev/null 2>&1
out=$(mp_ctl user enable ctl.user 2>&1)
is "$?:$out" "0:user ctl.user enabled" "user enable says so"
is "$(sql "SELECT disabled FROM app_user WHERE username = 'ctl.user'")" 0 \
    "user enable enables"
out=$(mp_ctl user add-team ctl.user "Team Ctl2" 2>&1)
is "$?:$out" "0:user ctl.user is in team Team Ctl2" "user add-team says so"
is "$(sql "SELECT COUNT(*) FROM user_team ut JOIN app_user u
    ON u.id = ut.user_id WHERE u.username = 'ctl.user'")" 2 \
    "user add-team adds a membership"
out=$(mp_ctl user add-team ctl.user "Team Geen" 2>&1)
is "$?:$out" "1:meldpuntctl: no team Team Geen; make it with meldpuntctl team add" \
    "user add-team names a missing team"
out=$(mp_ctl user set-identity ctl.user on 2>&1)
is "$?:$out" "0:identity right of ctl.user on" "user set-identity on"
is "$(sql "SELECT reporter_identity FROM app_user
    WHERE username = 'ctl.user'")" 1 "set-identity stores the right"
out=$(mp_ctl user set-identity ctl.user misschien 2>/dev/null)
is "$?:$out" "2:" "set-identity takes on or off only"
mp_ctl user add ctl.aud auditor "Ctl Auditor" >/dev/null 2>&1
out=$(mp_ctl user set-identity ctl.aud on 2>&1)
is "$?:$out" "2:meldpuntctl: a auditor cannot have the identity right" \
    "an auditor cannot have the identity right"
out=$(mp_ctl user set-email ctl.user ctl@example.nl 2>&1)
is "$?:$out" "0:e-mail address of ctl.user set" "user set-email sets"
is "$(sql "SELECT email FROM app_user WHERE username = 'ctl.user'")" \
    ctl@example.nl "set-email stores the address"
out=$(mp_ctl user set-email ctl.user 'geen adres' 2>&1)
is "$?:$out" "2:meldpuntctl: geen adres: not a valid e-mail address" \
    "set-email refuses a bad address"
out=$(mp_ctl user set-email ctl.user '' 2>&1)
is "$?:$out" "0:e-mail address of ctl.user removed" "set-email '' removes"
is "$(sql "SELECT COALESCE(email, 'NULL') FROM app_user
    WHERE username = 'ctl.user'")" NULL "the address is gone"
sql "UPDATE app_user SET totp_enabled = 1, totp_last_step = 9
    WHERE username = 'ctl.user'"
out=$(mp_ctl user reset-totp ctl.user 2>&1)
is "$?:$out" "0:second factor of ctl.user removed; set up anew at the next sign-in" \
    "user reset-totp says so"
is "$(sql "SELECT totp_enabled, totp_last_step FROM app_user
    WHERE username = 'ctl.user'")" "$(printf '0\t0')" \
    "reset-totp forgets the second factor"
out=$(mp_ctl user set-role ctl.user admin 2>&1)
is "$?:$out" "0:user ctl.user is now admin" "user set-role says so"
is "$(sql "SELECT reporter_identity FROM app_user
    WHERE username = 'ctl.user'")" 0 "an admin loses the identity right"
for sub in "disable nobody" "set-role nobody handler" "reset-totp nobody"; do
	# shellcheck disable=SC2086
	out=$(mp_ctl user $sub 2>&1)
	is "$?:$out" "1:meldpuntctl: no user nobody" "user $sub: no such user"
done
mp_ctl user help >/dev/null 2>&1
is "$?" 0 "user help exits 0"
like "$(mp_ctl user help 2>&1)" 'user set-email NAME ADDRESS' \
    "user help lists the subcommands"
mp_ctl user frobnicate >/dev/null 2>&1
is "$?" 2 "an unknown user subcommand is a usage error"
mp_ctl user list extra >/dev/null 2>&1
is "$?" 2 "user list takes no argument"
mp_ctl user disable >/dev/null 2>&1
is "$?" 2 "user disable wants a name"
out=$(mp_ctl team list extra 2>&1)
is "$?:$out" "2:usage: meldpuntctl team add NAME | team list" \
    "team list takes no argument"

# The audit log is append-only for the application's own user.
pw=$(cat "$E2E_PWFILE")
app_sql()
{
	mariadb --no-defaults -S "$E2E_DBSOCK" -umeldpunt -p"$pw" -N -B \
	    meldpunt -e "$1" 2>&1
}
app_sql "INSERT INTO audit_log (at, username, action) VALUES
    (UTC_TIMESTAMP(), 'test', 'test')" >/dev/null
is "$?" 0 "the application user may INSERT into audit_log"
like "$(app_sql "UPDATE audit_log SET action = 'x'")" 'denied' \
    "the application user may not UPDATE audit_log"
like "$(app_sql "DELETE FROM audit_log")" 'denied' \
    "the application user may not DELETE from audit_log"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'test'")" 1 \
    "the audit entry is still there"
