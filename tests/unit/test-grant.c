/*
 * test-grant.c -- the rule of two (lib/grant.c, lib/access.c): which
 * changes widen what an account may read or grant, the identity right
 * per account, and against a private MariaDB (tests/lib/mariadb.sh):
 * one's own account refused, a widening change stored without effect,
 * who may decide, a confirmation applied exactly once, a request that
 * lapses when its account changed, taking away at once, a password
 * reset with a one-time password, new accounts, and the coordinators'
 * notice in the outbox.
 */
#include "config.h"

#include <time.h>

#include "util.h"
#include "testdb.h"

struct env {
	struct testdb	 server;
	struct mp_conf	*conf;
	struct mp_db	*db;
	long long	 admin, admin2, coord, handler, auditor, team;
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
		r = mp_db_isnull(s, 0) ? 0 : mp_db_int(s, 0);
	mp_db_done(s);
	return r;
}

static const char sql_open[] =
    "SELECT COUNT(*) FROM grant_request WHERE status = 'open'"
    " AND target_id = ?";
static const char sql_status_is[] =
    "SELECT COUNT(*) FROM grant_request WHERE id = ? AND status = 'open'";
static const char sql_confirmed[] =
    "SELECT COUNT(*) FROM audit_log WHERE action = 'verzoek bevestigd'"
    " AND object_id = ?";
static const char sql_grant_mail[] =
    "SELECT COUNT(*) FROM mail_outbox WHERE kind = 'grant'"
    " AND request_id = ? AND report_id IS NULL";
static const char sql_pwchange[] =
    "SELECT password_change FROM app_user WHERE id = ?";
static const char sql_sessions[] =
    "SELECT COUNT(*) FROM session WHERE user_id = ?";

static struct mp_grant_actor
actor(long long id, const char *name)
{
	struct mp_grant_actor	 a;

	a.id = id;
	a.username = name;
	a.client = "127.0.0.1";
	return a;
}

static struct mp_user
user(long long id)
{
	struct mp_user	 u;

	assert_int_equal(mp_user_get_id(E.db, id, &u), MP_OK);
	return u;
}

static long long
add_user(const char *name, enum mp_role role)
{
	long long	 id = 0;

	if (mp_user_insert(E.db, name, name, role, &id) != MP_OK)
		return -1;
	return id;
}

static int
group_setup(void **state)
{

	(void)state;
	if (testdb_start(&E.server, "test-grant") != 0)
		return -1;
	if ((E.conf = testdb_conf(&E.server)) == NULL ||
	    mp_db_open(&E.db, E.conf, 1) != MP_OK ||
	    testdb_migrate(&E.server, E.db) != 0 ||
	    mp_user_team_insert(E.db, "Noord", &E.team) != MP_OK) {
		fprintf(stderr, "# setup failed\n");
		return -1;
	}
	E.admin = add_user("ad", MP_ROLE_ADMIN);
	E.admin2 = add_user("ad2", MP_ROLE_ADMIN);
	E.coord = add_user("cor", MP_ROLE_COORDINATOR);
	E.handler = add_user("hanna", MP_ROLE_HANDLER);
	E.auditor = add_user("aud", MP_ROLE_AUDITOR);
	if (E.admin < 0 || E.admin2 < 0 || E.coord < 0 || E.handler < 0 ||
	    E.auditor < 0 || mp_user_set_email(E.db, E.coord,
	    "cor@example.nl") != MP_OK) {
		fprintf(stderr, "# users failed\n");
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

/* ------------------------------------------------------------------ */
/* The rules, without a database.                                      */

static void
test_role_widens(void **state)
{
	enum mp_role	 r;

	(void)state;
	assert_true(mp_access_role_widens(MP_ROLE_HANDLER,
	    MP_ROLE_COORDINATOR));
	assert_true(mp_access_role_widens(MP_ROLE_HANDLER, MP_ROLE_ADMIN));
	assert_true(mp_access_role_widens(MP_ROLE_ADMIN, MP_ROLE_HANDLER));
	assert_true(mp_access_role_widens(MP_ROLE_ADMIN,
	    MP_ROLE_COORDINATOR));
	assert_true(mp_access_role_widens(MP_ROLE_COORDINATOR,
	    MP_ROLE_ADMIN));
	assert_true(mp_access_role_widens(MP_ROLE_AUDITOR, MP_ROLE_HANDLER));
	/* Less, or the same: at once. */
	assert_false(mp_access_role_widens(MP_ROLE_COORDINATOR,
	    MP_ROLE_HANDLER));
	for (r = 0; r < MP_ROLE__MAX; r++) {
		assert_false(mp_access_role_widens(r, r));
		assert_false(mp_access_role_widens(r, MP_ROLE_AUDITOR));
	}
	assert_true(mp_access_role_guarded(MP_ROLE_HANDLER));
	assert_true(mp_access_role_guarded(MP_ROLE_COORDINATOR));
	assert_true(mp_access_role_guarded(MP_ROLE_ADMIN));
	assert_false(mp_access_role_guarded(MP_ROLE_AUDITOR));
	/* Out of range is never more. */
	assert_false(mp_access_role_widens(MP_ROLE_HANDLER, MP_ROLE__MAX));
}

static void
test_identity_per_account(void **state)
{
	struct mp_user	 u;

	(void)state;
	memset(&u, 0, sizeof(u));
	u.role = MP_ROLE_COORDINATOR;
	assert_true(mp_access_user(&u, MP_PERM_REPORT_ALL));
	assert_false(mp_access_user(&u, MP_PERM_REPORTER_ID));
	u.identity = 1;
	assert_true(mp_access_user(&u, MP_PERM_REPORTER_ID));
	u.disabled = 1;
	assert_false(mp_access_user(&u, MP_PERM_REPORTER_ID));
	assert_false(mp_access_user(&u, MP_PERM_REPORT_LIST));
	memset(&u, 0, sizeof(u));
	u.role = MP_ROLE_HANDLER;
	u.identity = 1;
	assert_true(mp_access_user(&u, MP_PERM_REPORTER_ID));
	u.role = MP_ROLE_ADMIN;
	assert_false(mp_access_user(&u, MP_PERM_REPORTER_ID));
	u.role = MP_ROLE_AUDITOR;
	assert_false(mp_access_user(&u, MP_PERM_REPORTER_ID));
	/* Who decides requests: admins and coordinators. */
	assert_true(mp_role_can(MP_ROLE_ADMIN, MP_PERM_GRANT_DECIDE));
	assert_true(mp_role_can(MP_ROLE_COORDINATOR,
	    MP_PERM_GRANT_DECIDE));
	assert_false(mp_role_can(MP_ROLE_HANDLER, MP_PERM_GRANT_DECIDE));
	assert_false(mp_role_can(MP_ROLE_AUDITOR, MP_PERM_GRANT_DECIDE));
}

static void
test_widens_by_kind(void **state)
{
	struct mp_grant_change	 c;

	(void)state;
	memset(&c, 0, sizeof(c));
	c.kind = MP_GRANT_TEAM;
	c.on = 1;
	assert_true(mp_grant_widens(&c, MP_ROLE_AUDITOR));
	c.on = 0;
	assert_false(mp_grant_widens(&c, MP_ROLE_HANDLER));
	c.kind = MP_GRANT_IDENTITY;
	c.on = 1;
	assert_true(mp_grant_widens(&c, MP_ROLE_HANDLER));
	c.on = 0;
	assert_false(mp_grant_widens(&c, MP_ROLE_COORDINATOR));
	c.kind = MP_GRANT_ACTIVE;
	c.on = 1;
	assert_true(mp_grant_widens(&c, MP_ROLE_HANDLER));
	assert_false(mp_grant_widens(&c, MP_ROLE_AUDITOR));
	c.on = 0;
	assert_false(mp_grant_widens(&c, MP_ROLE_COORDINATOR));
	c.kind = MP_GRANT_PASSWORD;
	assert_true(mp_grant_widens(&c, MP_ROLE_HANDLER));
	assert_true(mp_grant_widens(&c, MP_ROLE_ADMIN));
	assert_false(mp_grant_widens(&c, MP_ROLE_AUDITOR));
	c.kind = MP_GRANT_TOTP;
	assert_true(mp_grant_widens(&c, MP_ROLE_COORDINATOR));
	assert_false(mp_grant_widens(&c, MP_ROLE_AUDITOR));
	c.kind = MP_GRANT_ROLE;
	c.role = MP_ROLE_COORDINATOR;
	assert_true(mp_grant_widens(&c, MP_ROLE_HANDLER));
	c.role = MP_ROLE_HANDLER;
	assert_false(mp_grant_widens(&c, MP_ROLE_COORDINATOR));
}

/* ------------------------------------------------------------------ */
/* Against the database.                                               */

static enum mp_grant_outcome
change(long long who, const char *name, enum mp_grant_kind k,
    long long target, enum mp_role role, int on, long long *req)
{
	struct mp_grant_actor	 a = actor(who, name);
	struct mp_grant_change	 c;
	enum mp_grant_outcome	 o = MP_GRANT_OUTCOME__MAX;
	char			 pw[MP_GRANT_PW_LEN];
	long long		 r = 0;

	memset(&c, 0, sizeof(c));
	c.kind = k;
	c.target = target;
	c.role = role;
	c.team = E.team;
	c.on = on;
	assert_int_equal(mp_grant_change(E.db, &a, &c, &o, &r, pw), MP_OK);
	if (req != NULL)
		*req = r;
	return o;
}

static enum mp_grant_outcome
decide(long long who, const char *name, long long req,
    enum mp_grant_decision d, char pw[MP_GRANT_PW_LEN])
{
	struct mp_grant_actor	 a = actor(who, name);
	enum mp_grant_outcome	 o = MP_GRANT_OUTCOME__MAX;
	char			 what[MP_GRANT_WHAT_MAX], spare[MP_GRANT_PW_LEN];

	assert_int_equal(mp_grant_decide(E.db, &a, req, d, &o, what,
	    pw != NULL ? pw : spare), MP_OK);
	return o;
}

static void
test_self_refused(void **state)
{
	long long	 req = 0;

	(void)state;
	assert_int_equal(change(E.admin, "ad", MP_GRANT_ROLE, E.admin,
	    MP_ROLE_COORDINATOR, 0, &req), MP_GRANT_SELF);
	assert_int_equal(change(E.admin, "ad", MP_GRANT_TEAM, E.admin,
	    0, 1, &req), MP_GRANT_SELF);
	assert_int_equal(change(E.admin, "ad", MP_GRANT_ACTIVE, E.admin,
	    0, 0, &req), MP_GRANT_SELF);
	assert_int_equal(user(E.admin).role, MP_ROLE_ADMIN);
	assert_int_equal(one(sql_open, E.admin), 0);
	/* Only an administrator asks: a coordinator cannot. */
	assert_int_equal(change(E.coord, "cor", MP_GRANT_TEAM, E.handler,
	    0, 1, &req), MP_GRANT_NOT_ALLOWED);
	assert_int_equal(one(sql_open, E.handler), 0);
}

static void
test_confirm_once(void **state)
{
	struct mp_outbox_request m;
	long long	 req = 0;

	(void)state;
	assert_int_equal(change(E.admin, "ad", MP_GRANT_ROLE, E.handler,
	    MP_ROLE_COORDINATOR, 0, &req), MP_GRANT_PENDING);
	assert_true(req > 0);
	assert_int_equal(user(E.handler).role, MP_ROLE_HANDLER);
	assert_int_equal(one(sql_grant_mail, req), 1);
	/* What the coordinators' mail will say about it (lib/outbox.h). */
	memset(&m, 0xff, sizeof(m));
	assert_int_equal(mp_grant_mail(E.db, req, &m), MP_OK);
	assert_int_equal(m.id, req);
	assert_string_equal(m.what, "rol coördinator");
	assert_string_equal(m.target, "hanna");
	assert_string_equal(m.requester, "ad");
	assert_string_equal(m.status, "open");
	assert_true(m.at > 0);
	assert_int_equal(mp_grant_mail(E.db, 999999, &m), MP_ENOTFOUND);
	/* The same change again waits already. */
	assert_int_equal(change(E.admin2, "ad2", MP_GRANT_ROLE, E.handler,
	    MP_ROLE_COORDINATOR, 0, NULL), MP_GRANT_WAITING);
	assert_int_equal(one(sql_open, E.handler), 1);
	/* Not the requester, not the account, not a handler. */
	assert_int_equal(decide(E.admin, "ad", req, MP_GRANT_CONFIRM, NULL),
	    MP_GRANT_OWN_REQUEST);
	assert_int_equal(decide(E.handler, "hanna", req, MP_GRANT_CONFIRM,
	    NULL), MP_GRANT_NOT_ALLOWED);
	assert_int_equal(decide(E.admin2, "ad2", req, MP_GRANT_WITHDRAW,
	    NULL), MP_GRANT_NOT_YOURS);
	assert_int_equal(one(sql_status_is, req), 1);
	assert_int_equal(user(E.handler).role, MP_ROLE_HANDLER);
	/* A coordinator confirms: applied, once. */
	assert_int_equal(decide(E.coord, "cor", req, MP_GRANT_CONFIRM, NULL),
	    MP_GRANT_DONE);
	assert_int_equal(user(E.handler).role, MP_ROLE_COORDINATOR);
	assert_int_equal(decide(E.admin2, "ad2", req, MP_GRANT_CONFIRM,
	    NULL), MP_GRANT_DECIDED);
	assert_int_equal(decide(E.admin, "ad", req, MP_GRANT_WITHDRAW, NULL),
	    MP_GRANT_DECIDED);
	assert_int_equal(one(sql_confirmed, req), 1);
	/* A mail sent now says so. */
	assert_int_equal(mp_grant_mail(E.db, req, &m), MP_OK);
	assert_string_equal(m.status, "bevestigd");
	/* Back at once: it only takes away. */
	assert_int_equal(change(E.admin, "ad", MP_GRANT_ROLE, E.handler,
	    MP_ROLE_HANDLER, 0, NULL), MP_GRANT_DONE);
	assert_int_equal(user(E.handler).role, MP_ROLE_HANDLER);
	/* An unknown request. */
	assert_int_equal(decide(E.coord, "cor", 999999, MP_GRANT_CONFIRM,
	    NULL), MP_GRANT_GONE);
}

static void
test_target_cannot_confirm(void **state)
{
	long long	 req = 0;

	(void)state;
	assert_int_equal(change(E.admin, "ad", MP_GRANT_IDENTITY, E.coord,
	    0, 1, &req), MP_GRANT_PENDING);
	assert_int_equal(decide(E.coord, "cor", req, MP_GRANT_CONFIRM, NULL),
	    MP_GRANT_CONCERNS_YOU);
	assert_false(user(E.coord).identity);
	/* The account may reject what concerns it. */
	assert_int_equal(decide(E.coord, "cor", req, MP_GRANT_REJECT, NULL),
	    MP_GRANT_DONE);
	assert_int_equal(decide(E.admin2, "ad2", req, MP_GRANT_CONFIRM,
	    NULL), MP_GRANT_DECIDED);
	assert_false(user(E.coord).identity);
	/* An admin cannot hold the identity right at all. */
	assert_int_equal(change(E.admin, "ad", MP_GRANT_IDENTITY, E.admin2,
	    0, 1, NULL), MP_GRANT_CANNOT);
}

static void
test_stale_lapses(void **state)
{
	long long	 req = 0;

	(void)state;
	assert_int_equal(change(E.admin, "ad", MP_GRANT_TEAM, E.handler,
	    0, 1, &req), MP_GRANT_PENDING);
	/* Meanwhile the account is switched off (at once). */
	assert_int_equal(change(E.admin2, "ad2", MP_GRANT_ACTIVE, E.handler,
	    0, 0, NULL), MP_GRANT_DONE);
	assert_int_equal(decide(E.coord, "cor", req, MP_GRANT_CONFIRM, NULL),
	    MP_GRANT_STALE);
	assert_int_equal(mp_user_team_is_member(E.db, E.team, E.handler), 0);
	assert_int_equal(one(sql_status_is, req), 0);
	assert_int_equal(decide(E.admin2, "ad2", req, MP_GRANT_CONFIRM,
	    NULL), MP_GRANT_DECIDED);
	/* Switched on again, through a confirmed request. */
	assert_int_equal(change(E.admin, "ad", MP_GRANT_ACTIVE, E.handler,
	    0, 1, &req), MP_GRANT_PENDING);
	assert_int_equal(decide(E.admin2, "ad2", req, MP_GRANT_CONFIRM,
	    NULL), MP_GRANT_DONE);
	assert_false(user(E.handler).disabled);
}

static void
test_password_reset(void **state)
{
	struct mp_user	 u;
	char		 pw[MP_GRANT_PW_LEN], hash[MP_PWHASH_LEN];
	char		 cookie[MP_SESSION_TOKEN_LEN];
	struct mp_session s;
	struct mp_keys	 keys;
	unsigned char	 master[MP_KEY_LEN];
	long long	 req = 0;
	size_t		 i;

	(void)state;
	memset(master, 3, sizeof(master));
	assert_int_equal(mp_keys_derive(&keys, master), MP_OK);
	assert_int_equal(mp_session_create(E.db, &keys, MP_SESS_STAFF,
	    E.handler, MP_SESS_FULL, time(NULL), 3600, cookie, &s), MP_OK);
	assert_int_equal(one(sql_sessions, E.handler), 1);
	assert_int_equal(change(E.admin, "ad", MP_GRANT_PASSWORD, E.handler,
	    0, 0, &req), MP_GRANT_PENDING);
	assert_int_equal(one(sql_pwchange, E.handler), 0);
	assert_int_equal(one(sql_sessions, E.handler), 1);
	assert_int_equal(decide(E.admin2, "ad2", req, MP_GRANT_CONFIRM, pw),
	    MP_GRANT_DONE);
	/* XXXX-XXXX-XXXX-XXXX of Crockford base32. */
	assert_int_equal(strlen(pw), 19);
	for (i = 0; i < 19; i++)
		if (i % 5 == 4)
			assert_int_equal(pw[i], '-');
		else
			assert_non_null(strchr("0123456789ABCDEFGHJKMNPQRSTVWXYZ",
			    pw[i]));
	assert_int_equal(mp_user_get(E.db, "hanna", &u, hash), MP_OK);
	assert_true(mp_crypto_password_verify(hash, pw));
	assert_true(u.password_change);
	assert_int_equal(one(sql_sessions, E.handler), 0);
	/* The account's own password clears the flag. */
	assert_int_equal(mp_user_set_password(E.db, E.handler,
	    "hanna kiest er zelf een", 12), MP_OK);
	assert_int_equal(one(sql_pwchange, E.handler), 0);
	/* An auditor reads nothing: at once, and the actor gets it. */
	assert_int_equal(change(E.admin, "ad", MP_GRANT_PASSWORD, E.auditor,
	    0, 0, &req), MP_GRANT_DONE);
	assert_int_equal(req, 0);
	assert_int_equal(one(sql_pwchange, E.auditor), 1);
	mp_keys_wipe(&keys);
}

static void
test_new_user(void **state)
{
	struct mp_grant_actor	 a = actor(E.admin, "ad");
	enum mp_grant_outcome	 o;
	long long		 id = 0, req = 0;

	(void)state;
	assert_int_equal(mp_grant_user_new(E.db, &a, "nieuw", "Nieuw",
	    MP_ROLE_HANDLER, &o, &id, &req), MP_OK);
	assert_int_equal(o, MP_GRANT_PENDING);
	assert_true(user(id).disabled);
	assert_int_equal(one(sql_open, id), 1);
	assert_int_equal(mp_grant_user_new(E.db, &a, "kijker", "Kijker",
	    MP_ROLE_AUDITOR, &o, &id, &req), MP_OK);
	assert_int_equal(o, MP_GRANT_DONE);
	assert_false(user(id).disabled);
	assert_int_equal(req, 0);
	assert_int_equal(mp_grant_user_new(E.db, &a, "nieuw", "Twee",
	    MP_ROLE_AUDITOR, &o, &id, &req), MP_EDUP);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_widens),
		cmocka_unit_test(test_identity_per_account),
		cmocka_unit_test(test_widens_by_kind),
		cmocka_unit_test(test_self_refused),
		cmocka_unit_test(test_confirm_once),
		cmocka_unit_test(test_target_cannot_confirm),
		cmocka_unit_test(test_stale_lapses),
		cmocka_unit_test(test_password_reset),
		cmocka_unit_test(test_new_user),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
