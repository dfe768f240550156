/*
 * test-access.c -- who may do what (lib/access.c): every role against
 * every permission, spelled out here from DESIGN.md's table of roles
 * (a handler works the reports of the own team; a coordinator does all
 * of that for every team, plus statistics, export, sharing and the
 * second person's yes; the functional administrator manages without
 * seeing any report; the auditor sees only the audit log), a disabled
 * account and the identity right, which changes widen what an account
 * may do (the rule of two), and against a private MariaDB
 * (tests/lib/mariadb.sh) the one condition that decides which reports
 * a user sees, in both of its forms.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

#define H	MP_ROLE_HANDLER
#define C	MP_ROLE_COORDINATOR
#define A	MP_ROLE_ADMIN
#define U	MP_ROLE_AUDITOR

/* The expected policy: one line per permission, roles H C A U. */
static const struct {
	enum mp_perm	 perm;
	char		 can[MP_ROLE__MAX];
} policy[] = {
	{ MP_PERM_NONE,			{ 1, 1, 1, 1 } },
	{ MP_PERM_REPORT_LIST,		{ 1, 1, 0, 0 } },
	{ MP_PERM_REPORT_VIEW,		{ 1, 1, 0, 0 } },
	{ MP_PERM_REPORT_ALL,		{ 0, 1, 0, 0 } },
	{ MP_PERM_REPORT_WORK,		{ 1, 1, 0, 0 } },
	{ MP_PERM_REPORT_ASSIGN,	{ 0, 1, 0, 0 } },
	{ MP_PERM_REPORTER_ID,		{ 1, 1, 0, 0 } },
	{ MP_PERM_REPORT_CREATE,	{ 1, 1, 0, 0 } },
	{ MP_PERM_ADMIN,		{ 0, 0, 1, 0 } },
	{ MP_PERM_AUDIT,		{ 0, 0, 0, 1 } },
	{ MP_PERM_STATS,		{ 0, 1, 0, 0 } },
	{ MP_PERM_EXPORT,		{ 0, 1, 0, 0 } },
	{ MP_PERM_REPORT_SHARE,		{ 0, 1, 0, 0 } },
	{ MP_PERM_GRANT_DECIDE,		{ 0, 1, 1, 0 } },
	{ MP_PERM_DOSSIER_VIEW,		{ 1, 1, 0, 0 } },
	{ MP_PERM_DOSSIER_WORK,		{ 1, 1, 0, 0 } },
	{ MP_PERM_DOSSIER_MANAGE,	{ 0, 1, 0, 0 } },
	{ MP_PERM_RETENTION_HOLD,	{ 0, 1, 0, 0 } },
};

static void
test_policy(void **state)
{
	size_t	 i;
	int	 r;

	(void)state;
	/* The table above names every permission once. */
	assert_int_equal(MP_NELEM(policy), MP_PERM__MAX);
	for (i = 0; i < MP_NELEM(policy); i++) {
		assert_int_equal(policy[i].perm, (enum mp_perm)i);
		for (r = 0; r < MP_ROLE__MAX; r++) {
			if (mp_role_can((enum mp_role)r, policy[i].perm) !=
			    policy[i].can[r])
				fail_msg("role %d, permission %s: %d", r,
				    mp_access_perm_name(policy[i].perm),
				    !policy[i].can[r]);
		}
	}
}

/* Out of range, either way: nothing. */
static void
test_out_of_range(void **state)
{

	(void)state;
	assert_false(mp_role_can(MP_ROLE__MAX, MP_PERM_NONE));
	assert_false(mp_role_can((enum mp_role)-1, MP_PERM_NONE));
	assert_false(mp_role_can(C, MP_PERM__MAX));
	assert_false(mp_role_can(C, (enum mp_perm)-1));
	assert_false(mp_role_can((enum mp_role)1000, MP_PERM_AUDIT));
	assert_string_equal(mp_access_perm_name(MP_PERM__MAX), "");
	assert_string_equal(mp_access_perm_name((enum mp_perm)-1), "");
}

/* Every permission has a Dutch name of its own. */
static void
test_names(void **state)
{
	int	 p, q;

	(void)state;
	for (p = 0; p < MP_PERM__MAX; p++) {
		assert_true(strlen(mp_access_perm_name(p)) > 0);
		for (q = 0; q < p; q++)
			assert_string_not_equal(mp_access_perm_name(p),
			    mp_access_perm_name(q));
	}
	assert_string_equal(mp_access_perm_name(MP_PERM_AUDIT), "auditlog");
	assert_string_equal(mp_access_perm_name(MP_PERM_REPORTER_ID),
	    "identiteit melder");
}

static struct mp_user
user(enum mp_role role, int disabled, int identity)
{
	struct mp_user	 u;

	memset(&u, 0, sizeof(u));
	u.id = 7;
	u.role = role;
	u.disabled = disabled;
	u.identity = identity;
	return u;
}

/*
 * An account: its role's permissions, none at all when disabled, and
 * the reporter's identity only with the account's own right to it.
 */
static void
test_user(void **state)
{
	struct mp_user	 u;
	int		 r, p;

	(void)state;
	for (r = 0; r < MP_ROLE__MAX; r++)
		for (p = 0; p < MP_PERM__MAX; p++) {
			u = user(r, 0, 1);
			assert_int_equal(mp_access_user(&u, p),
			    mp_role_can(r, p));
			u = user(r, 1, 1);
			assert_false(mp_access_user(&u, p));
			u = user(r, 0, 0);
			assert_int_equal(mp_access_user(&u, p),
			    p == MP_PERM_REPORTER_ID ? 0 :
			    mp_role_can(r, p));
		}
	/* The right alone gives nothing to a role without it. */
	u = user(A, 0, 1);
	assert_false(mp_access_user(&u, MP_PERM_REPORTER_ID));
	u = user(U, 0, 1);
	assert_false(mp_access_user(&u, MP_PERM_REPORTER_ID));
	u = user(H, 0, 1);
	assert_true(mp_access_user(&u, MP_PERM_REPORTER_ID));
}

/*
 * The rule of two: a change widens when the new role may read reports
 * or identity, manage, or decide what the old one could not; the audit
 * log alone is not guarded.
 */
static void
test_widens(void **state)
{
	int	 r;

	(void)state;
	for (r = 0; r < MP_ROLE__MAX; r++)
		assert_false(mp_access_role_widens(r, r));
	assert_true(mp_access_role_widens(H, C));
	assert_false(mp_access_role_widens(C, H));
	assert_true(mp_access_role_widens(U, H));
	assert_true(mp_access_role_widens(U, A));
	assert_true(mp_access_role_widens(U, C));
	assert_false(mp_access_role_widens(H, U));
	assert_false(mp_access_role_widens(C, U));
	assert_false(mp_access_role_widens(A, U));
	/* Admin and handler each hold what the other lacks. */
	assert_true(mp_access_role_widens(H, A));
	assert_true(mp_access_role_widens(A, H));
	/* Coordinator to admin: managing accounts is new. */
	assert_true(mp_access_role_widens(C, A));
	assert_true(mp_access_role_widens(A, C));
	assert_true(mp_access_role_guarded(H));
	assert_true(mp_access_role_guarded(C));
	assert_true(mp_access_role_guarded(A));
	assert_false(mp_access_role_guarded(U));
	assert_false(mp_access_role_guarded(MP_ROLE__MAX));
}

/* The two parameters of mp_access_sql_visible. */
static void
test_report_params(void **state)
{
	struct mp_user	 u;
	struct mp_dbval	 v[2];

	(void)state;
	u = user(C, 0, 0);
	mp_access_report_params(&u, v);
	assert_int_equal(v[0].type, MP_DBT_INT);
	assert_int_equal(v[0].i, 1);
	assert_int_equal(v[1].i, 7);
	u = user(H, 0, 0);
	mp_access_report_params(&u, v);
	assert_int_equal(v[0].i, 0);
	assert_int_equal(v[1].i, 7);
	u = user(A, 0, 0);
	mp_access_report_params(&u, v);
	assert_int_equal(v[0].i, 0);
}

/*
 * The teams as values: padded with the last team, NULL for none, and
 * "does not fit" past MP_ACCESS_TEAMS_MAX or when the user's teams were
 * cut short.
 */
static void
test_report_teams(void **state)
{
	struct mp_user	 u;
	struct mp_dbval	 v[MP_ACCESS_TEAMS_MAX];
	int		 fits, i;

	(void)state;
	u = user(H, 0, 0);
	mp_access_report_teams(&u, v, &fits);
	assert_true(fits);
	for (i = 0; i < MP_ACCESS_TEAMS_MAX; i++)
		assert_int_equal(v[i].type, MP_DBT_NULL);
	u.teams[0] = 11;
	u.nteams = 1;
	mp_access_report_teams(&u, v, &fits);
	assert_true(fits);
	for (i = 0; i < MP_ACCESS_TEAMS_MAX; i++) {
		assert_int_equal(v[i].type, MP_DBT_INT);
		assert_int_equal(v[i].i, 11);
	}
	u.teams[1] = 12;
	u.teams[2] = 13;
	u.nteams = 3;
	mp_access_report_teams(&u, v, &fits);
	assert_true(fits);
	assert_int_equal(v[0].i, 11);
	assert_int_equal(v[1].i, 12);
	assert_int_equal(v[2].i, 13);
	assert_int_equal(v[3].i, 13);
	u.teams[3] = 14;
	u.nteams = 4;
	mp_access_report_teams(&u, v, &fits);
	assert_true(fits);
	assert_int_equal(v[3].i, 14);
	u.teams_more = 1;
	mp_access_report_teams(&u, v, &fits);
	assert_false(fits);
#if MP_USER_TEAMS > MP_ACCESS_TEAMS_MAX
	u.teams_more = 0;
	u.teams[4] = 15;
	u.nteams = 5;
	mp_access_report_teams(&u, v, &fits);
	assert_false(fits);
#endif
}

/* ------------------------------------------------------------------ */
/* The condition, against the database.                                */

static struct testenv	 E;
static long long	 noord, zuid, leeg;	/* teams */
static long long	 hanna, cor, nemo;	/* users */

static const char sql_team[] = "INSERT INTO team (name) VALUES (?)";
static const char sql_team_id[] = "SELECT id FROM team WHERE name = ?";
static const char sql_user[] =
    "INSERT INTO app_user (username, display_name, role) VALUES (?, ?, ?)";
static const char sql_user_id[] =
    "SELECT id FROM app_user WHERE username = ?";
static const char sql_member[] =
    "INSERT INTO user_team (user_id, team_id) VALUES (?, ?)";
/* Three reports in Noord, two in Zuid, one in no team. */
static const char sql_reports[] =
    "INSERT INTO report (channel, audience_id, signal_type_id,"
    " description, observed_date, involved_people, involved_companies,"
    " involved_vehicles, anonymous, received_at, team_id)"
    " SELECT 'web', MIN(a.id), MIN(t.id), 'x', '2026-01-01', '', '', '',"
    " 1, UTC_TIMESTAMP(), ? FROM audience a, signal_type t";
/* The rule's three forms, put in as the dashboard does (sqltext.h). */
enum { SQL_VISIBLE, SQL_IN_TEAMS, SQL_TEAMS_ONLY, SQL__MAX };
static const char *const sql_tmpl[SQL__MAX] = {
	"SELECT COUNT(*), COALESCE(SUM(r.team_id = ?), 0) FROM report r"
	" WHERE {visible}",
	"SELECT COUNT(*) FROM report r WHERE {in_teams}",
	"SELECT COUNT(*) FROM report r WHERE {teams}",
};
static const struct mp_sqltext_part sql_parts[] = {
	{ "visible", mp_access_sql_visible },
	{ "teams", mp_access_sql_teams },
	{ "in_teams", mp_access_sql_in_teams },
	{ NULL, NULL }
};
static struct mp_sqltext_set sql_set = { sql_tmpl, SQL__MAX, sql_parts,
    NULL };
#define sql_visible	mp_sqltext_get(&sql_set, SQL_VISIBLE)
#define sql_in_teams	mp_sqltext_get(&sql_set, SQL_IN_TEAMS)
#define sql_teams_only	mp_sqltext_get(&sql_set, SQL_TEAMS_ONLY)

static long long
id_of(const char *sql, const char *name)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBTEXT(name);
	return testdb_int(E.db, sql, v, 1);
}

static long long
add_team(const char *name)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBTEXT(name);
	if (mp_db_exec(E.db, sql_team, v, 1, NULL, NULL) != MP_OK)
		return -1;
	return id_of(sql_team_id, name);
}

static long long
add_user(const char *name, const char *role, long long team)
{
	struct mp_dbval	 v[3];
	long long	 id;

	v[0] = MP_DBTEXT(name);
	v[1] = MP_DBTEXT(name);
	v[2] = MP_DBTEXT(role);
	if (mp_db_exec(E.db, sql_user, v, 3, NULL, NULL) != MP_OK ||
	    (id = id_of(sql_user_id, name)) <= 0)
		return -1;
	if (team > 0) {
		v[0] = MP_DBINT(id);
		v[1] = MP_DBINT(team);
		if (mp_db_exec(E.db, sql_member, v, 2, NULL, NULL) != MP_OK)
			return -1;
	}
	return id;
}

static int
add_reports(long long team, int n)
{
	struct mp_dbval	 v[1];

	v[0] = team > 0 ? MP_DBINT(team) : MP_DBNULL();
	while (n-- > 0)
		if (mp_db_exec(E.db, sql_reports, v, 1, NULL, NULL) != MP_OK)
			return -1;
	return 0;
}

static int
db_setup(void **state)
{

	(void)state;
	if (mp_sqltext_open(&sql_set) != MP_OK ||
	    testenv_setup(&E, "test-access", 4) != 0)
		return -1;
	if (mp_seed_catalog(E.db) != MP_OK ||
	    (noord = add_team("Noord")) <= 0 ||
	    (zuid = add_team("Zuid")) <= 0 ||
	    (leeg = add_team("Leeg")) <= 0 ||
	    (hanna = add_user("hanna", "handler", noord)) <= 0 ||
	    (cor = add_user("cor", "coordinator", 0)) <= 0 ||
	    (nemo = add_user("nemo", "handler", 0)) <= 0 ||
	    add_reports(noord, 3) != 0 || add_reports(zuid, 2) != 0 ||
	    add_reports(0, 1) != 0) {
		fprintf(stderr, "# fixtures failed\n");
		return -1;
	}
	return 0;
}

static int
db_teardown(void **state)
{

	(void)state;
	testenv_teardown(&E);
	mp_sqltext_close(&sql_set);
	return 0;
}

/* How many reports u sees (into *all) and how many of them in team. */
static void
visible(const struct mp_user *u, long long team, long long *all,
    long long *inteam)
{
	struct mp_stmt	*s;
	struct mp_dbval	 v[3];

	v[0] = MP_DBINT(team);
	mp_access_report_params(u, v + 1);
	assert_int_equal(mp_db_query(E.db, &s, sql_visible, v, 3), MP_OK);
	assert_int_equal(mp_db_next(s), MP_OK);
	*all = mp_db_int(s, 0);
	*inteam = mp_db_int(s, 1);
	mp_db_done(s);
}

static long long
in_teams(const struct mp_user *u)
{
	struct mp_dbval	 v[MP_ACCESS_TEAMS_MAX];
	int		 fits;

	mp_access_report_teams(u, v, &fits);
	assert_true(fits);
	return testdb_int(E.db, sql_in_teams, v, MP_ACCESS_TEAMS_MAX);
}

static struct mp_user
db_user(long long id, enum mp_role role)
{
	struct mp_user	 u;

	memset(&u, 0, sizeof(u));
	u.id = id;
	u.role = role;
	return u;
}

/*
 * A handler sees the own team's reports and no other (nor those of no
 * team); a coordinator every report; a handler of no team none.  The
 * form with the teams as values agrees.
 */
static void
test_visible(void **state)
{
	struct mp_user	 u;
	struct mp_dbval	 v[1];
	long long	 all, inteam;

	(void)state;
	u = db_user(hanna, H);
	visible(&u, noord, &all, &inteam);
	assert_int_equal(all, 3);
	assert_int_equal(inteam, 3);
	u.teams[0] = noord;
	u.nteams = 1;
	assert_int_equal(in_teams(&u), 3);
	v[0] = MP_DBINT(hanna);
	assert_int_equal(testdb_int(E.db, sql_teams_only, v, 1), 3);

	u = db_user(cor, C);
	visible(&u, noord, &all, &inteam);
	assert_int_equal(all, 6);
	assert_int_equal(inteam, 3);

	u = db_user(nemo, H);
	visible(&u, noord, &all, &inteam);
	assert_int_equal(all, 0);
	assert_int_equal(in_teams(&u), 0);

	/* Two teams as values: both teams' reports, once each. */
	u = db_user(hanna, H);
	u.teams[0] = noord;
	u.teams[1] = zuid;
	u.nteams = 2;
	assert_int_equal(in_teams(&u), 5);
	u.teams[0] = leeg;
	u.nteams = 1;
	assert_int_equal(in_teams(&u), 0);
}

/*
 * The role decides, not the id: an admin or auditor with the id of a
 * coordinator sees nothing of other teams.
 */
static void
test_visible_roles(void **state)
{
	struct mp_user	 u;
	long long	 all, inteam;

	(void)state;
	u = db_user(cor, A);
	visible(&u, noord, &all, &inteam);
	assert_int_equal(all, 0);
	u = db_user(cor, U);
	visible(&u, noord, &all, &inteam);
	assert_int_equal(all, 0);
	u = db_user(hanna, C);
	visible(&u, zuid, &all, &inteam);
	assert_int_equal(all, 6);
	assert_int_equal(inteam, 2);
}

int
main(void)
{
	/* One group: the policy needs no server, the condition does. */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_user),
		cmocka_unit_test(test_widens),
		cmocka_unit_test(test_report_params),
		cmocka_unit_test(test_report_teams),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_visible_roles),
	};

	return cmocka_run_group_tests(tests, db_setup, db_teardown);
}
