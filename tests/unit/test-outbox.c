/*
 * test-outbox.c -- queueing notifications against a private MariaDB
 * (tests/lib/mariadb.sh): the notify functions queue inside the
 * caller's transaction, so a transaction that is rolled back leaves no
 * mail behind and one that commits leaves exactly its rows; anonymous
 * reports and reports without an address queue nothing.
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

struct env {
	struct testdb	 server;
	struct mp_conf	*conf;
	struct mp_db	*db;
	struct mp_keys	 keys;
	long long	 with_email;	/* a report whose reporter left one */
	long long	 anonymous;	/* an anonymous report */
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
	if (mp_stmt_next(s) == MP_OK)
		r = mp_stmt_isnull(s, 0) ? 0 : mp_stmt_int(s, 0);
	mp_stmt_done(s);
	return r;
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
	unsigned char	 master[MP_KEY_LEN];
	long		 n;

	(void)state;
	if (testdb_start(&E.server, "test-outbox") != 0)
		return -1;
	memset(master, 9, sizeof(master));
	if ((E.conf = testdb_conf(&E.server)) == NULL ||
	    mp_db_open(&E.db, E.conf, 1) != MP_OK ||
	    mp_keys_derive(&E.keys, master) != MP_OK ||
	    testdb_migrate(&E.server, E.db) != 0 ||
	    mp_seed_catalog(E.db) != MP_OK ||
	    mp_seed_demo(E.db, &E.keys, 200, 3, &n) != MP_OK) {
		fprintf(stderr, "# setup failed\n");
		return -1;
	}
	E.with_email = one(sql_email, 0);
	E.anonymous = one(sql_anon, 0);
	if (E.with_email <= 0 || E.anonymous <= 0) {
		fprintf(stderr, "# the demo data has no suitable reports\n");
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
	mp_keys_wipe(&E.keys);
	testdb_stop(&E.server);
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
	c.id = E.with_email;
	c.result = MP_EINVAL;
	assert_int_equal(mp_db_txn(E.db, change_txn, &c), MP_EINVAL);
	assert_int_equal(one(sql_count, c.id), 0);
}

static void
test_commit_queues_once(void **state)
{
	struct change	 c;

	(void)state;
	c.id = E.with_email;
	c.result = MP_OK;
	assert_int_equal(mp_db_txn(E.db, change_txn, &c), MP_OK);
	assert_int_equal(one(sql_count, c.id), 1);
}

static void
test_no_address_no_mail(void **state)
{
	struct change	 c;

	(void)state;
	c.id = E.anonymous;
	c.result = MP_OK;
	assert_int_equal(mp_db_txn(E.db, change_txn, &c), MP_OK);
	assert_int_equal(one(sql_count, c.id), 0);
	/* No handler on demo reports: nothing for a handler either. */
	assert_int_equal(mp_outbox_notify_handler(E.db,
	    (uint64_t)E.with_email), MP_OK);
	assert_int_equal(one(sql_count, E.with_email), 0);
	/* An unknown report queues nothing; id 0 is refused. */
	assert_int_equal(mp_outbox_notify_reporter(E.db, 99999999), MP_OK);
	assert_int_equal(mp_outbox_notify_reporter(E.db, 0), MP_EINVAL);
	assert_int_equal(one(sql_count, 99999999), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_rollback_queues_nothing, clear),
		cmocka_unit_test_setup(test_commit_queues_once, clear),
		cmocka_unit_test_setup(test_no_address_no_mail, clear),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
