/*
 * test-outbox.c -- queueing notifications against a private MariaDB
 * (tests/lib/mariadb.sh): the notify functions queue inside the
 * caller's transaction, so a transaction that is rolled back leaves no
 * mail behind and one that commits leaves exactly its rows; anonymous
 * reports and reports without an address queue nothing.  Issue 16:
 * a team's notice goes to each member who wants it and has an address,
 * not to who made the change, and goes with a rolled-back change; the
 * daily digest is queued once per user and day, not for a user who
 * switched it off, and only for an overdue open task.
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

static struct testenv	 E;
static long long	 with_email;	/* a report whose reporter left one */
static long long	 anonymous;	/* an anonymous report */

static long long
one(const char *sql, long long arg)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(arg);
	return testdb_int(E.db, sql, v, 1);
}

static const char sql_email[] =
    "SELECT MIN(c.report_id) FROM reporter_contact c JOIN report r"
    " ON r.id = c.report_id WHERE c.email_enc IS NOT NULL"
    " AND r.anonymous = 0 AND c.report_id > ?";
static const char sql_anon[] =
    "SELECT MIN(id) FROM report WHERE anonymous = 1 AND id > ?";
static const char sql_count[] =
    "SELECT COUNT(*) FROM mail_outbox WHERE report_id = ?";
static const char sql_clear[] = "DELETE FROM mail_outbox";

static int
group_setup(void **state)
{
	long		 n;

	(void)state;
	if (testenv_setup(&E, "test-outbox", 9) != 0)
		return -1;
	if (mp_seed_catalog(E.db) != MP_OK ||
	    mp_seed_demo(E.db, &E.keys, 200, 3, &n) != MP_OK) {
		fprintf(stderr, "# setup failed\n");
		return -1;
	}
	with_email = one(sql_email, 0);
	anonymous = one(sql_anon, 0);
	if (with_email <= 0 || anonymous <= 0) {
		fprintf(stderr, "# the demo data has no suitable reports\n");
		return -1;
	}
	return 0;
}

static int
group_teardown(void **state)
{

	(void)state;
	testenv_teardown(&E);
	return 0;
}

static int
clear(void **state)
{

	(void)state;
	return mp_db_exec(E.db, sql_clear, NULL, 0, NULL, NULL) == MP_OK ?
	    0 : -1;
}

/* A change that queues mail and then fails, as a status change might. */
struct change {
	long long	 id;
	enum mp_err	 result;	/* what the change ends with */
};

static enum mp_err
change_txn(struct mp_db *db, void *arg)
{
	struct change	*c = arg;
	enum mp_err	 er;

	if ((er = mp_outbox_notify_reporter(db, (uint64_t)c->id)) != MP_OK)
		return er;
	return c->result;
}

static void
test_rollback_queues_nothing(void **state)
{
	struct change	 c;

	(void)state;
	c.id = with_email;
	c.result = MP_EINVAL;
	assert_int_equal(mp_db_txn(E.db, change_txn, &c), MP_EINVAL);
	assert_int_equal(one(sql_count, c.id), 0);
}

static void
test_commit_queues_once(void **state)
{
	struct change	 c;

	(void)state;
	c.id = with_email;
	c.result = MP_OK;
	assert_int_equal(mp_db_txn(E.db, change_txn, &c), MP_OK);
	assert_int_equal(one(sql_count, c.id), 1);
}

static void
test_no_address_no_mail(void **state)
{
	struct change	 c;

	(void)state;
	c.id = anonymous;
	c.result = MP_OK;
	assert_int_equal(mp_db_txn(E.db, change_txn, &c), MP_OK);
	assert_int_equal(one(sql_count, c.id), 0);
	/* No handler on demo reports: nothing for a handler either. */
	assert_int_equal(mp_outbox_notify_handler(E.db,
	    (uint64_t)with_email), MP_OK);
	assert_int_equal(one(sql_count, with_email), 0);
	/* An unknown report queues nothing; id 0 is refused. */
	assert_int_equal(mp_outbox_notify_reporter(E.db, 99999999), MP_OK);
	assert_int_equal(mp_outbox_notify_reporter(E.db, 0), MP_EINVAL);
	assert_int_equal(one(sql_count, 99999999), 0);
}

/* ------------------------------------------------------------------ */
/* Issue 16: notices to staff.                                         */

static long long	 team, u_on, u_off, u_none;

/* Text made here is not static: run it once, uncached (lib/db.h). */
static int
run(const char *sql)
{

	return mp_db_exec_once(E.db, sql, strlen(sql), NULL, 0, NULL) ==
	    MP_OK ? 0 : -1;
}

static const char sql_last_id[] = "SELECT LAST_INSERT_ID()";

/* Run an INSERT; the id it made, or -1. */
static long long
exec_id(const char *sql)
{

	if (run(sql) != 0)
		return -1;
	return testdb_int(E.db, sql_last_id, NULL, 0);
}

static long long
staff(const char *name, const char *email)
{
	char	 sql[512];

	(void)snprintf(sql, sizeof(sql), "INSERT INTO app_user (username,"
	    " display_name, role, email)"
	    " VALUES ('%s', '%s', 'handler', %s%s%s)",
	    name, name, email != NULL ? "'" : "", email != NULL ? email :
	    "NULL", email != NULL ? "'" : "");
	return exec_id(sql);
}

static int
staff_setup(void **state)
{
	char	 sql[512];

	(void)state;
	if (team > 0)
		return clear(state);
	if ((team = exec_id("INSERT INTO team (name) VALUES ('Eenheid')")) <=
	    0 || (u_on = staff("wil", "wil@voorbeeld.nl")) <= 0 ||
	    (u_off = staff("wilniet", "wilniet@voorbeeld.nl")) <= 0 ||
	    (u_none = staff("geenadres", NULL)) <= 0)
		return -1;
	(void)snprintf(sql, sizeof(sql), "INSERT INTO user_team (user_id,"
	    " team_id) VALUES (%lld, %lld), (%lld, %lld), (%lld, %lld)",
	    u_on, team, u_off, team, u_none, team);
	if (run(sql) != 0)
		return -1;
	(void)snprintf(sql, sizeof(sql), "INSERT INTO user_notice (user_id,"
	    " team_arrival, digest, updated_at) VALUES (%lld, 0, 0,"
	    " UTC_TIMESTAMP())", u_off);
	if (run(sql) != 0)
		return -1;
	(void)snprintf(sql, sizeof(sql), "UPDATE report SET team_id = %lld,"
	    " handler_id = %lld WHERE id = %lld", team, u_on, with_email);
	if (run(sql) != 0)
		return -1;
	return clear(state);
}

static const char sql_kind_user[] =
    "SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND user_id = ?";

static long long
rows_for(const char *kind, long long user)
{
	struct mp_dbval	 v[2];

	v[0] = MP_DBTEXT(kind);
	v[1] = MP_DBINT(user);
	return testdb_int(E.db, sql_kind_user, v, 2);
}

/* A team's notice in a change that then fails, or not. */
static enum mp_err
team_txn(struct mp_db *db, void *arg)
{
	struct change	*c = arg;
	enum mp_err	 er;

	if ((er = mp_outbox_notify_team(db, (uint64_t)c->id, 0)) != MP_OK ||
	    (er = mp_outbox_notify_assigned(db, (uint64_t)c->id, 0)) != MP_OK)
		return er;
	return c->result;
}

static void
test_team_notice(void **state)
{
	struct change	 c;

	(void)state;
	c.id = with_email;
	c.result = MP_EDB;
	assert_int_equal(mp_db_txn(E.db, team_txn, &c), MP_EDB);
	assert_int_equal(one(sql_count, c.id), 0);
	c.result = MP_OK;
	assert_int_equal(mp_db_txn(E.db, team_txn, &c), MP_OK);
	assert_int_equal(rows_for("team", u_on), 1);
	assert_int_equal(rows_for("team", u_off), 0);
	assert_int_equal(rows_for("team", u_none), 0);
	assert_int_equal(rows_for("assigned", u_on), 1);
	/* Not to who made the change. */
	assert_int_equal(mp_outbox_notify_team(E.db, (uint64_t)with_email,
	    u_on), MP_OK);
	assert_int_equal(mp_outbox_notify_assigned(E.db,
	    (uint64_t)with_email, u_on), MP_OK);
	assert_int_equal(rows_for("team", u_on), 1);
	assert_int_equal(rows_for("assigned", u_on), 1);
}

static void
test_digest(void **state)
{
	unsigned long long n = 0;
	long long	 dossier;
	char		 sql[512];

	(void)state;
	(void)snprintf(sql, sizeof(sql), "INSERT INTO dossier (number, title,"
	    " theme, team_id, created_by, created_at) VALUES ('D-UNIT-1',"
	    " 'x', 'overig', %lld, %lld, UTC_TIMESTAMP())", team, u_on);
	assert_true((dossier = exec_id(sql)) > 0);
	/* Overdue on 2026-03-02: due the day before; u_off's too. */
	(void)snprintf(sql, sizeof(sql), "INSERT INTO dossier_journal"
	    " (dossier_id, kind, body, task_type, assignee_id, due_date,"
	    " task_status, created_by, created_at) VALUES"
	    " (%lld, 'task', 'x', 't', %lld, '2026-03-01', 'open', %lld,"
	    " UTC_TIMESTAMP()),"
	    " (%lld, 'task', 'x', 't', %lld, '2026-03-01', 'open', %lld,"
	    " UTC_TIMESTAMP())", dossier, u_on, u_on, dossier, u_off, u_on);
	assert_int_equal(run(sql), 0);
	/* Due that day: not overdue yet. */
	assert_int_equal(mp_outbox_queue_digest(E.db, "2026-03-01", &n),
	    MP_OK);
	assert_int_equal(rows_for("digest", u_on), 0);
	/* The demo's users may have overdue tasks of their own. */
	assert_int_equal(mp_outbox_queue_digest(E.db, "2026-03-02", &n),
	    MP_OK);
	assert_true(n >= 1);
	assert_int_equal(rows_for("digest", u_on), 1);
	assert_int_equal(rows_for("digest", u_off), 0);
	/* Twice the same day: none more; the next day: one more. */
	assert_int_equal(mp_outbox_queue_digest(E.db, "2026-03-02", &n),
	    MP_OK);
	assert_int_equal(n, 0);
	assert_int_equal(mp_outbox_queue_digest(E.db, "2026-03-03", &n),
	    MP_OK);
	assert_true(n >= 1);
	assert_int_equal(rows_for("digest", u_on), 2);
	assert_int_equal(mp_outbox_queue_digest(E.db, "bad", &n), MP_EINVAL);
}

static void
test_choice(void **state)
{
	struct mp_notice n;

	(void)state;
	assert_int_equal(mp_notice_get(E.db, u_on, &n), MP_OK);
	assert_int_equal(n.team_arrival, 1);
	assert_int_equal(n.digest, 1);
	n.team_arrival = 0;
	assert_int_equal(mp_notice_set(E.db, u_on, &n), MP_OK);
	memset(&n, 0, sizeof(n));
	assert_int_equal(mp_notice_get(E.db, u_on, &n), MP_OK);
	assert_int_equal(n.team_arrival, 0);
	assert_int_equal(n.digest, 1);
	n.team_arrival = 1;
	assert_int_equal(mp_notice_set(E.db, u_on, &n), MP_OK);
	assert_true(mp_outbox_kind_valid("digest"));
	assert_false(mp_outbox_kind_valid("digest'"));
	assert_false(mp_outbox_kind_valid(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_rollback_queues_nothing, clear),
		cmocka_unit_test_setup(test_commit_queues_once, clear),
		cmocka_unit_test_setup(test_no_address_no_mail, clear),
		cmocka_unit_test_setup(test_team_notice, staff_setup),
		cmocka_unit_test_setup(test_digest, staff_setup),
		cmocka_unit_test_setup(test_choice, staff_setup),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
