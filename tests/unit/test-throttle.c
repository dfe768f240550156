/*
 * test-throttle.c -- the throttle against a private MariaDB
 * (tests/lib/mariadb.sh).  Its keys: stable, different per scope (a
 * failed dashboard sign-in does not count against a reporter's
 * reference of the same spelling), per account and per client, never
 * the plain account or address.  The client's key rotates each day and
 * is then forgotten (issue 10, finding 6): failures still count across
 * the change of day and across workers, and once the day's key is
 * purged a stored client hash cannot be matched to its address with
 * the key file and whatever keys remain.  (Counting per request is
 * tested end to end: test-32-dashboard-local, test-40-feedback-signin.)
 */
#include "config.h"

#include "util.h"
#include "testdb.h"

#define DAY	86400
/* The start of a day, and late on that day. */
#define D0	((time_t)1790000000 - (time_t)1790000000 % DAY)
#define LATE	(D0 + DAY - 100)

static struct testenv	 E;

static const char sql_del_attempts[] = "DELETE FROM login_attempt";
static const char sql_del_keys[] = "DELETE FROM client_key";
static const char sql_add[] =
    "INSERT INTO login_attempt (at, user_hash, client_hash)"
    " VALUES (FROM_UNIXTIME(?), ?, ?)";
static const char sql_keys[] =
    "SELECT purpose, window_start, window_len FROM client_key";
static const char sql_nkeys[] = "SELECT COUNT(*) FROM client_key";
static const char sql_late_key[] =
    "INSERT INTO client_key (purpose, window_start, window_len, secret,"
    " forget_at) VALUES (2, 1789862400, 86400, UNHEX(SHA2('x', 256)),"
    " 2000000000)";

static long long
count(const char *sql)
{

	return testdb_int(E.db, sql, NULL, 0);
}

static int
group_setup(void **state)
{

	(void)state;
	return testenv_setup(&E, "test-throttle", 7);
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
	mp_clientkey_flush();
	if (mp_db_exec(E.db, sql_del_attempts, NULL, 0, NULL, NULL) != MP_OK ||
	    mp_db_exec(E.db, sql_del_keys, NULL, 0, NULL, NULL) != MP_OK)
		return -1;
	return 0;
}

static void
keys_at(const char *scope, const char *account, const char *client,
    time_t now, struct mp_throttle *t)
{

	assert_int_equal(mp_throttle_keys(E.db, &E.keys, scope, account,
	    client, now, t), MP_OK);
}

static void
test_keys(void **state)
{
	struct mp_throttle	 a, b, c, d;

	(void)state;
	keys_at("melding", "M-2026-000001", "127.0.0.1", D0 + 10, &a);
	keys_at("melding", "M-2026-000001", "127.0.0.1", D0 + 20, &b);
	assert_memory_equal(&a, &b, sizeof(a));
	/* Another worker (nothing in memory) hashes alike. */
	mp_clientkey_flush();
	keys_at("melding", "M-2026-000001", "127.0.0.1", D0 + 30, &b);
	assert_memory_equal(&a, &b, sizeof(a));
	keys_at("login", "M-2026-000001", "127.0.0.1", D0 + 10, &c);
	assert_memory_not_equal(a.account, c.account, MP_SHA256_LEN);
	assert_memory_not_equal(a.client, c.client, MP_SHA256_LEN);
	keys_at("melding", "M-2026-000002", "127.0.0.2", D0 + 10, &d);
	assert_memory_not_equal(a.account, d.account, MP_SHA256_LEN);
	assert_memory_not_equal(a.client, d.client, MP_SHA256_LEN);
	keys_at("melding", "", NULL, D0 + 10, &d);
	assert_memory_not_equal(a.client, d.client, MP_SHA256_LEN);
	/* One key for the day, made once. */
	assert_int_equal(count(sql_nkeys), 1);
	/* No key yesterday: today's hash stands in for yesterday's. */
	assert_memory_equal(a.client, a.client_prev, MP_SHA256_LEN);
	/*
	 * Past the grace, a worker remembers that yesterday had no key
	 * (one statement less per sign-in): a key for yesterday made
	 * now, which no program would make, goes unread.
	 */
	keys_at("melding", "M-2026-000001", "127.0.0.1", D0 + 1000, &b);
	assert_int_equal(mp_db_exec(E.db, sql_late_key, NULL, 0, NULL, NULL),
	    MP_OK);
	keys_at("melding", "M-2026-000001", "127.0.0.1", D0 + 1001, &b);
	assert_memory_equal(b.client, b.client_prev, MP_SHA256_LEN);
	mp_clientkey_flush();
	keys_at("melding", "M-2026-000001", "127.0.0.1", D0 + 1002, &b);
	assert_memory_not_equal(b.client, b.client_prev, MP_SHA256_LEN);
}

static void
test_new_day(void **state)
{
	struct mp_throttle	 a, b;

	(void)state;
	keys_at("login", "hanna", "192.0.2.1", LATE, &a);
	keys_at("login", "hanna", "192.0.2.1", D0 + DAY + 10, &b);
	/* The account's hash does not rotate; the client's does. */
	assert_memory_equal(a.account, b.account, MP_SHA256_LEN);
	assert_memory_not_equal(a.client, b.client, MP_SHA256_LEN);
	/* Yesterday's hash is still looked up. */
	assert_memory_equal(a.client, b.client_prev, MP_SHA256_LEN);
	/* Failures late yesterday count early today. */
	mp_throttle_fail(E.db, &a, LATE);
	mp_throttle_fail(E.db, &a, LATE + 1);
	mp_throttle_fail(E.db, &a, LATE + 2);
	assert_int_equal(mp_throttle_over(E.db, &b, D0 + DAY + 10, 900, 3),
	    MP_THROTTLE_ACCOUNT | MP_THROTTLE_CLIENT);
	assert_true(mp_throttle_client_wait(E.db, &b, D0 + DAY + 10, 900,
	    3) > 0);
	/* From another worker, too. */
	mp_clientkey_flush();
	keys_at("login", "hanna", "192.0.2.1", D0 + DAY + 20, &b);
	assert_int_equal(mp_throttle_over(E.db, &b, D0 + DAY + 20, 900, 3) &
	    MP_THROTTLE_CLIENT, MP_THROTTLE_CLIENT);
	/* Another client is not held up. */
	keys_at("login", "henk", "192.0.2.2", D0 + DAY + 20, &b);
	assert_int_equal(mp_throttle_over(E.db, &b, D0 + DAY + 20, 900, 3),
	    0);
	assert_int_equal(mp_throttle_client_wait(E.db, &b, D0 + DAY + 20,
	    900, 3), 0);
}

/* 1 when any key left in client_key, or MP_KEY_CLIENT, hashes msg to h. */
static int
recomputable(const char *msg, const unsigned char h[MP_SHA256_LEN],
    time_t now)
{
	struct mp_stmt	*s;
	unsigned char	 key[MP_KEY_LEN], mac[MP_SHA256_LEN];
	long long	 row[16][3];
	size_t		 n = 0, i;
	int		 found = 0;

	assert_int_equal(mp_crypto_hmac_sha256(mac, mp_key(&E.keys,
	    MP_KEY_CLIENT),
	    MP_KEY_LEN, msg, strlen(msg)), MP_OK);
	found |= memcmp(mac, h, MP_SHA256_LEN) == 0;
	assert_int_equal(mp_db_query(E.db, &s, sql_keys, NULL, 0), MP_OK);
	while (n < 16 && mp_db_next(s) == MP_OK) {
		row[n][0] = mp_db_int(s, 0);
		row[n][1] = mp_db_int(s, 1);
		row[n++][2] = mp_db_int(s, 2);
	}
	mp_db_done(s);
	for (i = 0; i < n; i++) {
		assert_int_equal(mp_clientkey_get(E.db, &E.keys,
		    (enum mp_clientkey_use)row[i][0], row[i][1],
		    (long)row[i][2], 0, 0, now, key), MP_OK);
		assert_int_equal(mp_crypto_hmac_sha256(mac, key, MP_KEY_LEN,
		    msg,
		    strlen(msg)), MP_OK);
		found |= memcmp(mac, h, MP_SHA256_LEN) == 0;
	}
	return found;
}

static void
test_forgotten(void **state)
{
	struct mp_throttle	 a, later;
	struct mp_dbval		 v[3];
	unsigned char		 backup[MP_SHA256_LEN];
	const char		*msg = "login-client:192.0.2.77";
	time_t			 gone;

	(void)state;
	keys_at("login", "hanna", "192.0.2.77", D0 + 50, &a);
	mp_throttle_fail(E.db, &a, D0 + 50);
	memcpy(backup, a.client, sizeof(backup));	/* a backup's copy */
	/* While the day lasts, the programs (key file and database) can. */
	assert_true(recomputable(msg, backup, D0 + 60));
	/* The old scheme, the key file's own key, no longer can. */
	{
		unsigned char	 mac[MP_SHA256_LEN];

		assert_int_equal(mp_crypto_hmac_sha256(mac, mp_key(&E.keys,
		    MP_KEY_CLIENT), MP_KEY_LEN, msg, strlen(msg)), MP_OK);
		assert_memory_not_equal(mac, backup, MP_SHA256_LEN);
	}
	/* Two days on, the last failure of that day is gone, and so is
	 * its key: from the database and from every worker's memory. */
	gone = D0 + 2 * DAY + MP_CLIENTKEY_GRACE + 1;
	keys_at("login", "henk", "192.0.2.78", gone, &later);
	mp_throttle_fail(E.db, &later, gone);
	assert_int_equal(count("SELECT COUNT(*) FROM client_key"
	    " WHERE window_start = 1789948800"), 0);
	assert_true(count(sql_nkeys) >= 1);	/* today's is there */
	assert_false(recomputable(msg, backup, gone));
	/* A worker that still wants the old day's key cannot have it. */
	{
		unsigned char	 key[MP_KEY_LEN];

		assert_int_equal(mp_clientkey_get(E.db, &E.keys,
		    MP_CLIENTKEY_THROTTLE, (long long)D0, DAY, 0, 0, gone,
		    key), MP_ENOTFOUND);
	}
	/* The backup's row put back counts for nobody today. */
	v[0] = MP_DBINT((long long)gone - 10);
	v[1] = MP_DBBLOB(a.account, MP_SHA256_LEN);
	v[2] = MP_DBBLOB(backup, MP_SHA256_LEN);
	assert_int_equal(mp_db_exec(E.db, sql_add, v, 3, NULL, NULL), MP_OK);
	keys_at("login", "x", "192.0.2.77", gone + 1, &later);
	assert_int_equal(mp_throttle_client_wait(E.db, &later, gone + 1, 900,
	    1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_keys, clear),
		cmocka_unit_test_setup(test_new_day, clear),
		cmocka_unit_test_setup(test_forgotten, clear),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
