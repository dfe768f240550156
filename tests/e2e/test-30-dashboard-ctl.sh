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
