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
