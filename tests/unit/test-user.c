/*
 * test-user.c -- the dashboard's users and teams (lib/user.c), the one
 * owner of app_user, team and user_team for meldpuntctl and the admin
 * page: names and roles without a database, then against a private
 * MariaDB (tests/lib/mariadb.sh): creating, looking up, changing role,
 * identity right, state, password, second factor and e-mail, teams and
 * memberships, the lists, and bad input refused with nothing written.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"

struct env {
	struct testdb	 server;
	struct mp_conf	*conf;
	struct mp_db	*db;
};

static struct env	 E;

static long long
one(const char *sql, long long arg)
{
	struct mp_stmt	*s;
	struct mp_dbval	 v[1];
	long long	 r = -1;

	v[0] = MP_DBINT(arg);
	if (mp_db_query(E.db, &s, sql, v, 1) != MP_OK)
		return -1;
	if (mp_db_next(s) == MP_OK)
		r = mp_db_isnull(s, 0) ? -2 : mp_db_int(s, 0);
	mp_db_done(s);
	return r;
}

static const char sql_users[] =
    "SELECT COUNT(*) FROM app_user WHERE id > ?";
static const char sql_teams[] =
    "SELECT COUNT(*) FROM team WHERE id > ?";
static const char sql_email_null[] =
    "SELECT email IS NULL FROM app_user WHERE id = ?";
static const char sql_totp[] =
    "SELECT totp_enabled + (totp_secret IS NOT NULL) + totp_last_step"
    " FROM app_user WHERE id = ?";
static const char sql_set_totp[] =
    "UPDATE app_user SET totp_secret = 'x', totp_enabled = 1,"
    " totp_last_step = 7 WHERE id = ?";

static int
group_setup(void **state)
{

	(void)state;
	if (testdb_start(&E.server, "test-user") != 0)
		return -1;
	if ((E.conf = testdb_conf(&E.server)) == NULL ||
	    mp_db_open(&E.db, E.conf, 1) != MP_OK ||
	    testdb_migrate(&E.server, E.db) != 0) {
		fprintf(stderr, "# setup failed\n");
		return -1;
	}
	return 0;
}

static int
group_teardown(void **state)
{

	(void)state;
	mp_db_close(E.db);
	mp_conf_free(E.conf);
	testdb_stop(&E.server);
	return 0;
}

static struct mp_user
byid(long long id)
{
	struct mp_user	 u;

	assert_int_equal(mp_user_get_id(E.db, id, &u), MP_OK);
	return u;
}

static long long
add(const char *name, enum mp_role role)
{
	long long	 id = 0;

	assert_int_equal(mp_user_insert(E.db, name, name, role, &id), MP_OK);
	assert_true(id > 0);
	return id;
}

/* ------------------------------------------------------------------ */
/* Without a database.                                                 */

static void
test_names(void **state)
{
	char		 s[80];
	enum mp_role	 r;

	(void)state;
	assert_true(mp_user_valid_name("hanna"));
	assert_true(mp_user_valid_name("h.de-vries_2@gemeente.nl"));
	assert_true(mp_user_valid_name("0"));
	memset(s, 'a', 64);
	s[64] = '\0';
	assert_true(mp_user_valid_name(s));
	s[64] = 'a';
	s[65] = '\0';
	assert_false(mp_user_valid_name(s));
	assert_false(mp_user_valid_name(""));
	assert_false(mp_user_valid_name(NULL));
	assert_false(mp_user_valid_name(".hanna"));
	assert_false(mp_user_valid_name("-hanna"));
	assert_false(mp_user_valid_name("han na"));
	assert_false(mp_user_valid_name("hanna'"));
	assert_false(mp_user_valid_name("hann\xc3\xa9"));

	assert_true(mp_role_parse("handler", &r));
	assert_int_equal(r, MP_ROLE_HANDLER);
	assert_true(mp_role_parse("auditor", &r));
	assert_int_equal(r, MP_ROLE_AUDITOR);
	assert_false(mp_role_parse("Handler", &r));
	assert_false(mp_role_parse("superuser", &r));
	assert_false(mp_role_parse("", &r));
	assert_false(mp_role_parse(NULL, &r));
	assert_string_equal(mp_role_name(MP_ROLE_COORDINATOR), "coordinator");
	assert_string_equal(mp_role_label(MP_ROLE_ADMIN),
	    "functioneel beheerder");
	assert_string_equal(mp_role_name(MP_ROLE__MAX), "");
	assert_string_equal(mp_role_label((enum mp_role)-1), "");

	/* Characters, not bytes; at most 1024 bytes; UTF-8 only. */
	assert_true(mp_user_password_ok("twaalf tekens", 12));
	assert_false(mp_user_password_ok("elf tekens!", 12));
	assert_true(mp_user_password_ok("\xc3\xa9\xc3\xa9\xc3\xa9", 3));
	assert_false(mp_user_password_ok("\xc3\xa9\xc3\xa9", 3));
	assert_false(mp_user_password_ok("geen \xff utf-8 hier", 8));
	assert_false(mp_user_password_ok(NULL, 0));
}

static void
test_long_password(void **state)
{
	char	 pw[1026];

	(void)state;
	memset(pw, 'x', 1024);
	pw[1024] = '\0';
	assert_true(mp_user_password_ok(pw, 12));
	pw[1024] = 'x';
	pw[1025] = '\0';
	assert_false(mp_user_password_ok(pw, 12));
}

/* ------------------------------------------------------------------ */
/* Against the database.                                               */

static void
test_create_and_get(void **state)
{
	struct mp_user	 u;
	char		 pwhash[MP_PWHASH_LEN];
	long long	 id = 0, id2 = 0;

	(void)state;
	assert_int_equal(mp_user_insert(E.db, "anna", "Anna de Wit",
	    MP_ROLE_HANDLER, &id), MP_OK);
	assert_true(id > 0);
	assert_int_equal(mp_user_get(E.db, "anna", &u, pwhash), MP_OK);
	assert_int_equal(u.id, id);
	assert_string_equal(u.username, "anna");
	assert_string_equal(u.display, "Anna de Wit");
	assert_int_equal(u.role, MP_ROLE_HANDLER);
	assert_false(u.disabled);
	assert_false(u.identity);
	assert_false(u.has_password);
	assert_false(u.password_change);
	assert_false(u.totp_enabled);
	assert_int_equal(u.nteams, 0);
	assert_false(u.teams_more);
	assert_string_equal(pwhash, "");
	u = byid(id);
	assert_string_equal(u.username, "anna");
	/* A NULL id pointer is allowed. */
	assert_int_equal(mp_user_insert(E.db, "anna2", "Anna Twee",
	    MP_ROLE_AUDITOR, NULL), MP_OK);
	assert_int_equal(mp_user_get(E.db, "anna2", &u, NULL), MP_OK);
	assert_int_equal(u.role, MP_ROLE_AUDITOR);
	/* A display name of 100 characters, two bytes each. */
	{
		char	 d[201];
		size_t	 i;

		for (i = 0; i < 100; i++)
			memcpy(d + 2 * i, "\xc3\xa9", 2);
		d[200] = '\0';
		assert_int_equal(mp_user_insert(E.db, "lang", d,
		    MP_ROLE_HANDLER, &id2), MP_OK);
		assert_string_equal(byid(id2).display, d);
	}

	assert_int_equal(mp_user_get(E.db, "niemand", &u, NULL),
	    MP_ENOTFOUND);
	assert_int_equal(mp_user_get(E.db, "niet geldig", &u, NULL),
	    MP_ENOTFOUND);
	assert_int_equal(mp_user_get(E.db, NULL, &u, NULL), MP_ENOTFOUND);
	assert_int_equal(mp_user_get_id(E.db, 999999, &u), MP_ENOTFOUND);
	assert_int_equal(mp_user_lock(E.db, 999999, &u), MP_ENOTFOUND);
	assert_int_equal(mp_user_lock(E.db, id, &u), MP_OK);
	assert_string_equal(u.username, "anna");
}

static void
test_create_bad(void **state)
{
	long long	 before = one(sql_users, 0), id = -7;
	char		 d[102];

	(void)state;
	add("bert", MP_ROLE_HANDLER);
	before = one(sql_users, 0);
	assert_int_equal(mp_user_insert(E.db, "bert", "Bert Twee",
	    MP_ROLE_HANDLER, &id), MP_EDUP);
	assert_int_equal(mp_user_insert(E.db, "be rt", "Bert",
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "", "Bert",
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, NULL, "Bert",
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "bert2", "",
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "bert2", "   ",
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "bert2", NULL,
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "bert2", "Bert\nTwee",
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "bert2", "Bert \xff",
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	memset(d, 'd', 101);
	d[101] = '\0';
	assert_int_equal(mp_user_insert(E.db, "bert2", d,
	    MP_ROLE_HANDLER, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "bert2", "Bert",
	    MP_ROLE__MAX, &id), MP_EINVAL);
	assert_int_equal(mp_user_insert(E.db, "bert2", "Bert",
	    (enum mp_role)-1, &id), MP_EINVAL);
	/* Nothing written, and the id left alone. */
	assert_int_equal(one(sql_users, 0), before);
	assert_int_equal(id, -7);
}

static void
test_role_identity_state(void **state)
{
	struct mp_user	 u;
	long long	 h = add("carla", MP_ROLE_HANDLER);
	long long	 a = add("dirk", MP_ROLE_AUDITOR);

	(void)state;
	/* The identity right: handler and coordinator only. */
	assert_int_equal(mp_user_set_identity(E.db, h, 1), MP_OK);
	assert_true(byid(h).identity);
	assert_int_equal(mp_user_set_identity(E.db, a, 1), MP_EINVAL);
	assert_false(byid(a).identity);
	assert_int_equal(mp_user_set_identity(E.db, 999999, 1),
	    MP_ENOTFOUND);
	/* Switching it off needs no check and is always allowed. */
	assert_int_equal(mp_user_set_identity(E.db, a, 0), MP_OK);

	/* A role that cannot hold the right drops it. */
	assert_int_equal(mp_user_set_role(E.db, h, MP_ROLE_COORDINATOR),
	    MP_OK);
	u = byid(h);
	assert_int_equal(u.role, MP_ROLE_COORDINATOR);
	assert_true(u.identity);
	assert_int_equal(mp_user_set_role(E.db, h, MP_ROLE_ADMIN), MP_OK);
	u = byid(h);
	assert_int_equal(u.role, MP_ROLE_ADMIN);
	assert_false(u.identity);
	assert_int_equal(mp_user_set_role(E.db, h, MP_ROLE_HANDLER), MP_OK);
	assert_false(byid(h).identity);
	assert_int_equal(mp_user_set_role(E.db, h, MP_ROLE__MAX), MP_EINVAL);
	assert_int_equal(byid(h).role, MP_ROLE_HANDLER);

	/* Disabled and back. */
	assert_int_equal(mp_user_set_disabled(E.db, h, 1), MP_OK);
	assert_true(byid(h).disabled);
	assert_int_equal(mp_user_set_disabled(E.db, h, 0), MP_OK);
	assert_false(byid(h).disabled);
	assert_int_equal(mp_user_set_disabled(E.db, h, 5), MP_OK);
	assert_int_equal(one("SELECT disabled FROM app_user WHERE id = ?", h),
	    1);

	/* The display name, checked as at creation. */
	assert_int_equal(mp_user_set_display(E.db, h, "Carla Nieuw"), MP_OK);
	assert_string_equal(byid(h).display, "Carla Nieuw");
	assert_int_equal(mp_user_set_display(E.db, h, " "), MP_EINVAL);
	assert_int_equal(mp_user_set_display(E.db, h, "a\nb"), MP_EINVAL);
	assert_int_equal(mp_user_set_display(E.db, h, NULL), MP_EINVAL);
	assert_string_equal(byid(h).display, "Carla Nieuw");
}

static void
test_password_totp_email(void **state)
{
	struct mp_user	 u;
	struct mp_dbval	 v[1];
	char		 pwhash[MP_PWHASH_LEN];
	long long	 id = add("eva", MP_ROLE_HANDLER);

	(void)state;
	assert_int_equal(mp_user_set_password(E.db, id, "te kort", 12),
	    MP_EINVAL);
	assert_false(byid(id).has_password);
	assert_int_equal(mp_user_set_password(E.db, id,
	    "een lang genoeg wachtwoord", 12), MP_OK);
	assert_int_equal(mp_user_get(E.db, "eva", &u, pwhash), MP_OK);
	assert_true(u.has_password);
	assert_false(u.password_change);
	assert_int_equal(strncmp(pwhash, "$scrypt$", 8), 0);
	assert_true(mp_crypto_password_verify(pwhash,
	    "een lang genoeg wachtwoord"));

	/* Someone else's choice: the account must choose its own. */
	assert_int_equal(mp_user_set_temporary_password(E.db, id, "geheim"),
	    MP_EINVAL);
	assert_int_equal(mp_user_set_temporary_password(E.db, id, NULL),
	    MP_EINVAL);
	assert_false(byid(id).password_change);
	assert_int_equal(mp_user_set_temporary_password(E.db, id, pwhash),
	    MP_OK);
	assert_true(byid(id).password_change);
	assert_int_equal(mp_user_set_password(E.db, id,
	    "nog een lang wachtwoord", 12), MP_OK);
	assert_false(byid(id).password_change);

	/* The second factor forgotten: secret, flag and last step. */
	v[0] = MP_DBINT(id);
	assert_int_equal(mp_db_exec(E.db, sql_set_totp, v, 1, NULL, NULL),
	    MP_OK);
	assert_int_equal(one(sql_totp, id), 9);
	assert_true(byid(id).totp_enabled);
	assert_int_equal(mp_user_reset_totp(E.db, id), MP_OK);
	assert_int_equal(one(sql_totp, id), 0);
	assert_false(byid(id).totp_enabled);

	/* The work address: valid, or removed with "" or NULL. */
	assert_int_equal(one(sql_email_null, id), 1);
	assert_int_equal(mp_user_set_email(E.db, id, "eva@example.nl"),
	    MP_OK);
	assert_int_equal(one(sql_email_null, id), 0);
	assert_int_equal(mp_user_set_email(E.db, id, "geen adres"),
	    MP_EINVAL);
	assert_int_equal(one(sql_email_null, id), 0);
	assert_int_equal(mp_user_set_email(E.db, id, ""), MP_OK);
	assert_int_equal(one(sql_email_null, id), 1);
	assert_int_equal(mp_user_set_email(E.db, id, "eva@example.nl"),
	    MP_OK);
	assert_int_equal(mp_user_set_email(E.db, id, NULL), MP_OK);
	assert_int_equal(one(sql_email_null, id), 1);
}

static void
test_teams(void **state)
{
	struct mp_team	 t;
	struct mp_user	 u;
	long long	 before, noord = 0, zuid = 0, id, tid[6];
	long long	 f = add("frank", MP_ROLE_HANDLER);
	char		 name[16];
	size_t		 i;

	(void)state;
	assert_int_equal(mp_user_team_insert(E.db, "Team Noord", &noord),
	    MP_OK);
	assert_int_equal(mp_user_team_insert(E.db, "Team Zuid", &zuid), MP_OK);
	before = one(sql_teams, 0);
	assert_int_equal(mp_user_team_insert(E.db, "Team Noord", &id),
	    MP_EDUP);
	assert_int_equal(mp_user_team_insert(E.db, "", &id), MP_EINVAL);
	assert_int_equal(mp_user_team_insert(E.db, " \t", &id), MP_EINVAL);
	assert_int_equal(mp_user_team_insert(E.db, "Noord\nZuid", &id),
	    MP_EINVAL);
	assert_int_equal(mp_user_team_insert(E.db, NULL, &id), MP_EINVAL);
	assert_int_equal(one(sql_teams, 0), before);

	assert_int_equal(mp_user_team_get(E.db, "Team Noord", &t), MP_OK);
	assert_int_equal(t.id, noord);
	assert_string_equal(t.name, "Team Noord");
	assert_true(t.active);
	assert_int_equal(mp_user_team_get(E.db, "Team West", &t),
	    MP_ENOTFOUND);
	assert_int_equal(mp_user_team_get(E.db, "", &t), MP_ENOTFOUND);
	assert_int_equal(mp_user_team_get_id(E.db, zuid, &t), MP_OK);
	assert_string_equal(t.name, "Team Zuid");
	assert_int_equal(mp_user_team_get_id(E.db, 999999, &t), MP_ENOTFOUND);
	assert_int_equal(mp_user_team_lock(E.db, zuid, &t), MP_OK);
	assert_string_equal(t.name, "Team Zuid");
	assert_int_equal(mp_user_team_lock(E.db, 999999, &t), MP_ENOTFOUND);

	assert_int_equal(mp_user_team_rename(E.db, zuid, "Team Noord"),
	    MP_EDUP);
	assert_int_equal(mp_user_team_rename(E.db, zuid, ""), MP_EINVAL);
	assert_int_equal(mp_user_team_rename(E.db, zuid, "Team Zuidoost"),
	    MP_OK);
	assert_int_equal(mp_user_team_get_id(E.db, zuid, &t), MP_OK);
	assert_string_equal(t.name, "Team Zuidoost");
	assert_int_equal(mp_user_team_set_active(E.db, zuid, 0), MP_OK);
	assert_int_equal(mp_user_team_get_id(E.db, zuid, &t), MP_OK);
	assert_false(t.active);
	assert_int_equal(mp_user_team_set_active(E.db, zuid, 1), MP_OK);

	/* Membership: twice or absent is no error. */
	assert_int_equal(mp_user_team_is_member(E.db, noord, f), 0);
	assert_int_equal(mp_user_team_add_member(E.db, noord, f), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, noord, f), MP_OK);
	assert_int_equal(mp_user_team_is_member(E.db, noord, f), 1);
	assert_int_equal(mp_user_team_is_member(E.db, zuid, f), 0);
	u = byid(f);
	assert_int_equal(u.nteams, 1);
	assert_int_equal(u.teams[0], noord);
	assert_int_equal(mp_user_team_remove_member(E.db, noord, f), MP_OK);
	assert_int_equal(mp_user_team_remove_member(E.db, noord, f), MP_OK);
	assert_int_equal(mp_user_team_is_member(E.db, noord, f), 0);
	assert_int_equal(byid(f).nteams, 0);

	/* The first MP_USER_TEAMS teams in order, and a flag for more. */
	for (i = 0; i < 6; i++) {
		(void)snprintf(name, sizeof(name), "Wijk %zu", i);
		assert_int_equal(mp_user_team_insert(E.db, name, &tid[i]),
		    MP_OK);
	}
	for (i = 0; i < MP_USER_TEAMS; i++)
		assert_int_equal(mp_user_team_add_member(E.db, tid[5 - i], f),
		    MP_OK);
	u = byid(f);
	assert_int_equal(u.nteams, MP_USER_TEAMS);
	assert_false(u.teams_more);
	for (i = 0; i < MP_USER_TEAMS; i++)
		assert_int_equal(u.teams[i], tid[2 + i]);
	assert_int_equal(mp_user_team_add_member(E.db, tid[0], f), MP_OK);
	u = byid(f);
	assert_int_equal(u.nteams, MP_USER_TEAMS);
	assert_true(u.teams_more);
	assert_int_equal(u.teams[0], tid[0]);
	assert_int_equal(mp_user_get(E.db, "frank", &u, NULL), MP_OK);
	assert_true(u.teams_more);
}

/* What the lists gave, one line per row. */
struct seen {
	char	 text[4096];
	size_t	 len;
};

static void
seen_add(struct seen *s, const char *line)
{
	int	 n;

	n = snprintf(s->text + s->len, sizeof(s->text) - s->len, "%s\n",
	    line);
	assert_true(n > 0 && (size_t)n < sizeof(s->text) - s->len);
	s->len += (size_t)n;
}

static void
list_user(const struct mp_user *u, const char *teams, void *arg)
{
	char	 line[512];

	(void)snprintf(line, sizeof(line), "%s|%s|%s|%d%d%d|%s", u->username,
	    u->display, mp_role_name(u->role), u->disabled, u->identity,
	    u->has_password, teams);
	seen_add(arg, line);
}

static void
list_name(const char *name, void *arg)
{

	seen_add(arg, name);
}

static void
list_team(const struct mp_team *t, void *arg)
{
	char	 line[512];

	(void)snprintf(line, sizeof(line), "%s|%d|%lld", t->name, t->active,
	    t->members);
	seen_add(arg, line);
}

static void
list_member(long long user, long long team, void *arg)
{
	char	 line[64];

	(void)snprintf(line, sizeof(line), "%lld.%lld", user, team);
	seen_add(arg, line);
}

/* The list begins with these lines (the earlier tests' rows follow). */
static void
want_prefix(const char *got, const char *want)
{

	if (strncmp(got, want, strlen(want)) != 0) {
		fprintf(stderr, "# got:\n%s# want:\n%s", got, want);
		fail();
	}
}

static void
test_lists(void **state)
{
	struct seen	 s;
	long long	 g, h, ta, tb;
	char		 want[64];

	(void)state;
	/* Names sort before every other test's. */
	g = add("0-gert", MP_ROLE_COORDINATOR);
	h = add("0-hans", MP_ROLE_HANDLER);
	assert_int_equal(mp_user_team_insert(E.db, "0 Team B", &tb), MP_OK);
	assert_int_equal(mp_user_team_insert(E.db, "0 Team A", &ta), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, tb, g), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, ta, g), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, tb, h), MP_OK);
	assert_int_equal(mp_user_set_identity(E.db, g, 1), MP_OK);
	assert_int_equal(mp_user_set_disabled(E.db, h, 1), MP_OK);
	assert_int_equal(mp_user_team_set_active(E.db, ta, 0), MP_OK);

	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_user_list(E.db, list_user, &s), MP_OK);
	want_prefix(s.text,
	    "0-gert|0-gert|coordinator|010|0 Team A, 0 Team B\n"
	    "0-hans|0-hans|handler|100|0 Team B\n"
	    "anna|Anna de Wit|handler|000|\n");

	/* The coordinators alone, enabled, by username, at most limit. */
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_user_coordinators(E.db, 1, list_name, &s), MP_OK);
	assert_string_equal(s.text, "0-gert\n");
	assert_int_equal(mp_user_coordinators(E.db, 0, list_name, &s),
	    MP_EINVAL);
	assert_int_equal(mp_user_coordinators(E.db, 1001, list_name, &s),
	    MP_EINVAL);
	assert_int_equal(mp_user_set_disabled(E.db, g, 1), MP_OK);
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_user_coordinators(E.db, 1000, list_name, &s),
	    MP_OK);
	assert_null(strstr(s.text, "0-gert"));
	assert_null(strstr(s.text, "0-hans"));
	assert_null(strstr(s.text, "anna"));
	assert_int_equal(mp_user_set_disabled(E.db, g, 0), MP_OK);

	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_user_team_list(E.db, list_team, &s), MP_OK);
	want_prefix(s.text, "0 Team A|0|1\n0 Team B|1|2\nTeam Noord|1|0\n");

	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_user_team_members(E.db, list_member, &s), MP_OK);
	(void)snprintf(want, sizeof(want), "%lld.%lld\n", g, ta);
	assert_non_null(strstr(s.text, want));
	(void)snprintf(want, sizeof(want), "%lld.%lld\n", g, tb);
	assert_non_null(strstr(s.text, want));
	(void)snprintf(want, sizeof(want), "%lld.%lld\n", h, tb);
	assert_non_null(strstr(s.text, want));
	(void)snprintf(want, sizeof(want), "%lld.%lld\n", h, ta);
	assert_null(strstr(s.text, want));
}

/* Who may be given a report: enabled handlers of active teams. */
static void
test_handlers(void **state)
{
	struct seen	 s;
	long long	 t1, t2, off, h1, h2, hoff, co;
	char		 want[256];

	(void)state;
	assert_int_equal(mp_user_team_insert(E.db, "Crew 1", &t1), MP_OK);
	assert_int_equal(mp_user_team_insert(E.db, "Crew 2", &t2), MP_OK);
	assert_int_equal(mp_user_team_insert(E.db, "Crew uit", &off), MP_OK);
	h1 = add("crew-h1", MP_ROLE_HANDLER);
	h2 = add("crew-h2", MP_ROLE_HANDLER);
	hoff = add("crew-uit", MP_ROLE_HANDLER);
	co = add("crew-co", MP_ROLE_COORDINATOR);
	assert_int_equal(mp_user_team_add_member(E.db, t2, h1), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, t1, h2), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, t1, h1), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, t1, hoff), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, t1, co), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, off, h1), MP_OK);
	assert_int_equal(mp_user_set_disabled(E.db, hoff, 1), MP_OK);
	assert_int_equal(mp_user_team_set_active(E.db, off, 0), MP_OK);

	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_user_team_handlers(E.db, list_member, &s), MP_OK);
	(void)snprintf(want, sizeof(want), "%lld.%lld\n%lld.%lld\n%lld.%lld\n",
	    h1 < h2 ? h1 : h2, t1, h1 < h2 ? h2 : h1, t1, h1, t2);
	assert_non_null(strstr(s.text, want));
	(void)snprintf(want, sizeof(want), "%lld.%lld\n", hoff, t1);
	assert_null(strstr(s.text, want));
	(void)snprintf(want, sizeof(want), "%lld.%lld\n", co, t1);
	assert_null(strstr(s.text, want));
	(void)snprintf(want, sizeof(want), "%lld.%lld\n", h1, off);
	assert_null(strstr(s.text, want));
}

/* A user with the staff session the dashboard reads on each request. */
static const char sql_session[] =
    "INSERT INTO session (id_hash, user_id, csrf, stage, created_at,"
    " last_seen, expires_at) VALUES (REPEAT('k', 32), ?, 'tok', 1,"
    " FROM_UNIXTIME(1700000000), FROM_UNIXTIME(1700000100),"
    " FROM_UNIXTIME(1700000200))";

static void
test_session(void **state)
{
	struct mp_stmt	*st = (struct mp_stmt *)&st;
	struct mp_dbval	 v[1];
	struct mp_user	 u;
	unsigned char	 k[32], other[32];
	long long	 id = add("ines", MP_ROLE_COORDINATOR), team = 0;
	unsigned	 c = MP_USER_SESSION_COL;

	(void)state;
	memset(k, 'k', sizeof(k));
	memset(other, 'o', sizeof(other));
	assert_int_equal(mp_user_team_insert(E.db, "Team Ines", &team), MP_OK);
	assert_int_equal(mp_user_team_add_member(E.db, team, id), MP_OK);
	v[0] = MP_DBINT(id);
	assert_int_equal(mp_db_exec(E.db, sql_session, v, 1, NULL, NULL),
	    MP_OK);

	/* Portal mode: by name, with the session when the hash has one. */
	assert_int_equal(mp_user_get_session(E.db, "ines", k, sizeof(k), &u,
	    &st), MP_OK);
	assert_int_equal(u.id, id);
	assert_string_equal(u.username, "ines");
	assert_int_equal(u.role, MP_ROLE_COORDINATOR);
	assert_int_equal(u.nteams, 1);
	assert_int_equal(u.teams[0], team);
	assert_int_equal(mp_db_int(st, c), 1);
	assert_int_equal(mp_db_int(st, c + 1), id);
	assert_string_equal(mp_db_text(st, c + 2, NULL), "tok");
	assert_int_equal(mp_db_int(st, c + 3), 1);
	assert_int_equal(mp_db_int(st, c + 4), 1700000000);
	assert_int_equal(mp_db_int(st, c + 5), 1700000100);
	assert_int_equal(mp_db_int(st, c + 6), 1700000200);
	mp_db_done(st);
	assert_int_equal(mp_user_get_session(E.db, "ines", other,
	    sizeof(other), &u, &st), MP_OK);
	assert_int_equal(u.id, id);
	assert_int_equal(mp_db_int(st, c), 0);
	mp_db_done(st);
	assert_int_equal(mp_user_get_session(E.db, "ines", NULL, 32, &u,
	    &st), MP_OK);
	assert_int_equal(mp_db_int(st, c), 0);
	mp_db_done(st);

	/* Local mode: the session of the hash and its owner. */
	assert_int_equal(mp_user_get_session(E.db, NULL, k, sizeof(k), &u,
	    &st), MP_OK);
	assert_int_equal(u.id, id);
	assert_int_equal(mp_db_int(st, c), 1);
	assert_string_equal(mp_db_text(st, c + 2, NULL), "tok");
	mp_db_done(st);

	/* Nothing found: no statement left open. */
	assert_int_equal(mp_user_get_session(E.db, NULL, other, sizeof(other),
	    &u, &st), MP_ENOTFOUND);
	assert_null(st);
	st = (struct mp_stmt *)&st;
	assert_int_equal(mp_user_get_session(E.db, "niemand", k, sizeof(k),
	    &u, &st), MP_ENOTFOUND);
	assert_null(st);
	st = (struct mp_stmt *)&st;
	assert_int_equal(mp_user_get_session(E.db, "in es", k, sizeof(k),
	    &u, &st), MP_ENOTFOUND);
	assert_null(st);
}

/*
 * The second factor's storage for the dashboard: a secret stored
 * sealed reads back under the same key and account only, a new one
 * replaces an unconfirmed one but never a confirmed one, and a step
 * is accepted once, moving forward only.
 */
static void
test_totp_secret_steps(void **state)
{
	struct mp_keys		 keys, other;
	struct mp_user_totp	 t;
	struct mp_dbval		 v[1];
	unsigned char		 master[MP_KEY_LEN], s1[MP_TOTP_SECRET_LEN],
				 s2[MP_TOTP_SECRET_LEN];
	long long		 id = add("totpa", MP_ROLE_HANDLER);
	long long		 id2 = add("totpb", MP_ROLE_HANDLER);

	(void)state;
	memset(master, 0x42, sizeof(master));
	assert_int_equal(mp_keys_derive(&keys, master), MP_OK);
	master[0] ^= 1;
	assert_int_equal(mp_keys_derive(&other, master), MP_OK);
	memset(s1, 0x11, sizeof(s1));
	memset(s2, 0x22, sizeof(s2));

	/* Nothing stored: no secret, not enabled; no such account. */
	memset(&t, 0xff, sizeof(t));
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_false(t.has_secret);
	assert_false(t.enabled);
	assert_int_equal(t.last_step, 0);
	assert_int_equal(mp_user_totp_get(E.db, &keys, 999999, &t),
	    MP_ENOTFOUND);
	/* No secret: no step is accepted. */
	assert_int_equal(mp_user_totp_accept_step(E.db, id, 5), MP_ECRYPTO);
	assert_int_equal(one(sql_totp, id), 0);

	/* A stored secret reads back, unconfirmed, with no step yet. */
	assert_int_equal(mp_user_totp_set_secret(E.db, &keys, id, s1), MP_OK);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_true(t.has_secret);
	assert_memory_equal(t.secret, s1, sizeof(s1));
	assert_false(t.enabled);
	assert_int_equal(t.last_step, -1);
	/* Sealed, not stored in the clear. */
	assert_int_equal(one("SELECT LOCATE(REPEAT(CHAR(17), 20),"
	    " totp_secret) = 0 AND LENGTH(totp_secret) > 20 FROM app_user"
	    " WHERE id = ?", id), 1);
	/* Another key, or the box copied to another account: no secret. */
	assert_int_equal(mp_user_totp_get(E.db, &other, id, &t), MP_OK);
	assert_false(t.has_secret);
	v[0] = MP_DBINT(id2);
	assert_int_equal(mp_db_exec(E.db, "UPDATE app_user u, app_user v"
	    " SET u.totp_secret = v.totp_secret WHERE u.id = ?"
	    " AND v.username = 'totpa'", v, 1, NULL, NULL), MP_OK);
	assert_int_equal(one("SELECT totp_secret IS NOT NULL FROM app_user"
	    " WHERE id = ?", id2), 1);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id2, &t), MP_OK);
	assert_false(t.has_secret);

	/* Before it is confirmed, a new secret replaces it. */
	assert_int_equal(mp_user_totp_set_secret(E.db, &keys, id, s2), MP_OK);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_memory_equal(t.secret, s2, sizeof(s2));

	/* The first step confirms it; the same step again is refused. */
	assert_int_equal(mp_user_totp_accept_step(E.db, id, 100), MP_OK);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_true(t.enabled);
	assert_int_equal(t.last_step, 100);
	assert_int_equal(mp_user_totp_accept_step(E.db, id, 100),
	    MP_ECRYPTO);
	assert_int_equal(mp_user_totp_accept_step(E.db, id, 99), MP_ECRYPTO);
	assert_int_equal(mp_user_totp_accept_step(E.db, id, 101), MP_OK);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_int_equal(t.last_step, 101);
	assert_int_equal(mp_user_totp_accept_step(E.db, 999999, 500),
	    MP_ECRYPTO);

	/* A confirmed secret stays as it is: MP_OK, nothing changed. */
	assert_int_equal(mp_user_totp_set_secret(E.db, &keys, id, s1), MP_OK);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_true(t.has_secret);
	assert_memory_equal(t.secret, s2, sizeof(s2));
	assert_true(t.enabled);
	assert_int_equal(t.last_step, 101);

	/* After a reset the account enrols anew. */
	assert_int_equal(mp_user_reset_totp(E.db, id), MP_OK);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_false(t.has_secret);
	assert_false(t.enabled);
	assert_int_equal(mp_user_totp_set_secret(E.db, &keys, id, s1), MP_OK);
	assert_int_equal(mp_user_totp_get(E.db, &keys, id, &t), MP_OK);
	assert_memory_equal(t.secret, s1, sizeof(s1));
	assert_int_equal(mp_user_totp_accept_step(E.db, id, 1), MP_OK);
	mp_keys_wipe(&keys);
	mp_keys_wipe(&other);
}

/*
 * What assigning a report and a new report's default team ask: an
 * active team's name, an enabled handler's or coordinator's name,
 * whether a person may be given a report of a team, the one team.
 */
static void
test_assign_checks(void **state)
{
	char		 name[MP_TEAMNAME_MAX * 4 + 1];
	char		 small[4];
	long long	 t1 = 0, t2 = 0, t3 = 0, team = -1;
	long long	 h = add("asha", MP_ROLE_HANDLER);
	long long	 c = add("acor", MP_ROLE_COORDINATOR);
	long long	 a = add("aadm", MP_ROLE_ADMIN);

	(void)state;
	assert_int_equal(mp_user_team_insert(E.db, "Assign Een", &t1), MP_OK);
	assert_int_equal(mp_user_team_insert(E.db, "Assign Twee", &t2), MP_OK);
	assert_int_equal(mp_user_team_insert(E.db, "Assign Drie", &t3), MP_OK);

	/* Team names: active teams only; cut short to the buffer. */
	assert_int_equal(mp_user_team_active_name(E.db, t1, name,
	    sizeof(name)),
	    MP_OK);
	assert_string_equal(name, "Assign Een");
	assert_int_equal(mp_user_team_active_name(E.db, t1, small,
	    sizeof(small)),
	    MP_OK);
	assert_string_equal(small, "Ass");
	assert_int_equal(mp_user_team_set_active(E.db, t3, 0), MP_OK);
	(void)snprintf(name, sizeof(name), "x");
	assert_int_equal(mp_user_team_active_name(E.db, t3, name,
	    sizeof(name)),
	    MP_ENOTFOUND);
	assert_string_equal(name, "x");
	assert_int_equal(mp_user_team_active_name(E.db, 999999, name,
	    sizeof(name)), MP_ENOTFOUND);

	/* Handler names: enabled handlers and coordinators only. */
	assert_int_equal(mp_user_handler_name(E.db, h, name, sizeof(name)),
	    MP_OK);
	assert_string_equal(name, "asha");
	assert_int_equal(mp_user_handler_name(E.db, c, name, sizeof(name)),
	    MP_OK);
	assert_string_equal(name, "acor");
	assert_int_equal(mp_user_handler_name(E.db, a, name, sizeof(name)),
	    MP_ENOTFOUND);
	assert_int_equal(mp_user_set_disabled(E.db, h, 1), MP_OK);
	assert_int_equal(mp_user_handler_name(E.db, h, name, sizeof(name)),
	    MP_ENOTFOUND);
	assert_int_equal(mp_user_set_disabled(E.db, h, 0), MP_OK);

	/* A handler only for an own team; a coordinator for any. */
	assert_int_equal(mp_user_may_handle(E.db, h, t1), MP_ENOTFOUND);
	assert_int_equal(mp_user_only_team(E.db, h, &team), MP_OK);
	assert_int_equal(team, 0);
	assert_int_equal(mp_user_team_add_member(E.db, t1, h), MP_OK);
	assert_int_equal(mp_user_may_handle(E.db, h, t1), MP_OK);
	assert_int_equal(mp_user_may_handle(E.db, h, t2), MP_ENOTFOUND);
	assert_int_equal(mp_user_may_handle(E.db, h, 0), MP_ENOTFOUND);
	assert_int_equal(mp_user_may_handle(E.db, c, t2), MP_OK);
	assert_int_equal(mp_user_may_handle(E.db, c, 0), MP_OK);
	assert_int_equal(mp_user_may_handle(E.db, 999999, t1),
	    MP_ENOTFOUND);

	/* The one active team, or 0. */
	team = -1;
	assert_int_equal(mp_user_only_team(E.db, h, &team), MP_OK);
	assert_int_equal(team, t1);
	assert_int_equal(mp_user_team_add_member(E.db, t3, h), MP_OK);
	assert_int_equal(mp_user_only_team(E.db, h, &team), MP_OK);
	assert_int_equal(team, t1);	/* t3 is not active */
	assert_int_equal(mp_user_team_add_member(E.db, t2, h), MP_OK);
	assert_int_equal(mp_user_only_team(E.db, h, &team), MP_OK);
	assert_int_equal(team, 0);
	assert_int_equal(mp_user_only_team(E.db, 999999, &team), MP_OK);
	assert_int_equal(team, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_long_password),
		cmocka_unit_test(test_create_and_get),
		cmocka_unit_test(test_create_bad),
		cmocka_unit_test(test_role_identity_state),
		cmocka_unit_test(test_password_totp_email),
		cmocka_unit_test(test_totp_secret_steps),
		cmocka_unit_test(test_teams),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_session),
		cmocka_unit_test(test_handlers),
		cmocka_unit_test(test_assign_checks),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
