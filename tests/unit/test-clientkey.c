/*
 * test-clientkey.c -- the per-window secrets behind the client hashes
 * (lib/clientkey.c) against a private MariaDB (tests/lib/mariadb.sh):
 * one secret per use and window, shared by every worker (here: the
 * cache flushed in between) and made once; keys that differ by use,
 * window, length and key file; no secret made without being asked;
 * a window long over remembered as having none; the purge forgetting a
 * secret in the database and in the worker's memory alike, so that
 * nothing can match a stored hash any more.  (How rate limits and the
 * throttle use them: test-ratelimit, test-throttle.)
 */
#include "config.h"

#include "util.h"
#include "testdb.h"

#define W	3600L
#define START	((long long)1790000000 - (long long)1790000000 % W)
#define NOW	((time_t)START + 10)
#define FORGET	((time_t)START + W + 600)

static struct testenv	 E;

static const char sql_clear[] = "DELETE FROM client_key";
static const char sql_rows[] = "SELECT COUNT(*) FROM client_key";
static const char sql_forget[] =
    "SELECT forget_at FROM client_key WHERE purpose = ? AND"
    " window_start = ? AND window_len = ?";
static const char sql_secret_is[] =
    "SELECT COUNT(*) FROM client_key WHERE secret = ?";
static const char sql_plant[] =
    "INSERT INTO client_key (purpose, window_start, window_len, secret,"
    " forget_at) VALUES (?, ?, ?, UNHEX(SHA2(?, 256)), ?)";

static int
group_setup(void **state)
{

	(void)state;
	return testenv_setup(&E, "test-clientkey", 2);
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
	return mp_db_exec(E.db, sql_clear, NULL, 0, NULL, NULL) == MP_OK ?
	    0 : -1;
}

static enum mp_err
get(enum mp_clientkey_use use, long long start, long len, int create,
    time_t now, unsigned char key[MP_KEY_LEN])
{

	return mp_clientkey_get(E.db, &E.keys, use, start, len, FORGET,
	    create, now, key);
}

/* A secret another worker made, straight into the table. */
static void
plant(enum mp_clientkey_use use, long long start, long len, time_t forget,
    const char *seed)
{
	struct mp_dbval	 v[5];

	v[0] = MP_DBINT((long long)use);
	v[1] = MP_DBINT(start);
	v[2] = MP_DBINT((long long)len);
	v[3] = MP_DBTEXT(seed);
	v[4] = MP_DBINT((long long)forget);
	assert_int_equal(mp_db_exec(E.db, sql_plant, v, 5, NULL, NULL),
	    MP_OK);
}

/*
 * The first call makes the window's secret (with the forget time
 * given); every later call, in this worker or another, gets the same
 * key; the table holds the secret, not the key.
 */
static void
test_one_secret(void **state)
{
	unsigned char	 k1[MP_KEY_LEN], k2[MP_KEY_LEN], k3[MP_KEY_LEN];
	struct mp_dbval	 v[3];

	(void)state;
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 1, NOW, k1), MP_OK);
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 1, NOW + 5, k2),
	    MP_OK);
	assert_memory_equal(k1, k2, sizeof(k1));
	mp_clientkey_flush();
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 0, NOW + 6, k3),
	    MP_OK);
	assert_memory_equal(k1, k3, sizeof(k1));
	mp_clientkey_flush();
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 1, NOW + 7, k3),
	    MP_OK);
	assert_memory_equal(k1, k3, sizeof(k1));
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 1);
	v[0] = MP_DBINT(MP_CLIENTKEY_RATE);
	v[1] = MP_DBINT(START);
	v[2] = MP_DBINT(W);
	assert_int_equal(testdb_int(E.db, sql_forget, v, 3), FORGET);
	v[0] = MP_DBBLOB(k1, sizeof(k1));
	assert_int_equal(testdb_int(E.db, sql_secret_is, v, 1), 0);
}

/* Use, window start, window length and key file each change the key. */
static void
test_distinct(void **state)
{
	unsigned char	 k[5][MP_KEY_LEN], master[MP_KEY_LEN];
	struct mp_keys	 other;
	int		 i, j;

	(void)state;
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 1, NOW, k[0]),
	    MP_OK);
	assert_int_equal(get(MP_CLIENTKEY_THROTTLE, START, W, 1, NOW, k[1]),
	    MP_OK);
	assert_int_equal(get(MP_CLIENTKEY_RATE, START + W, W, 1, NOW, k[2]),
	    MP_OK);
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, 2 * W, 1, NOW, k[3]),
	    MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 4);
	/* Another key file over the same secret: another key. */
	memset(master, 0x5a, sizeof(master));
	assert_int_equal(mp_keys_derive(&other, master), MP_OK);
	assert_int_equal(mp_clientkey_get(E.db, &other, MP_CLIENTKEY_RATE,
	    START, W, FORGET, 0, NOW, k[4]), MP_OK);
	mp_keys_wipe(&other);
	for (i = 0; i < 5; i++)
		for (j = 0; j < i; j++)
			assert_memory_not_equal(k[i], k[j], MP_KEY_LEN);
	/*
	 * Even one secret stored for several windows gives each its own
	 * key: the derivation binds use, start and length.
	 */
	plant(MP_CLIENTKEY_RATE, START + 4 * W, W, FORGET, "same");
	plant(MP_CLIENTKEY_THROTTLE, START + 4 * W, W, FORGET, "same");
	plant(MP_CLIENTKEY_RATE, START + 5 * W, W, FORGET, "same");
	plant(MP_CLIENTKEY_RATE, START + 4 * W, 2 * W, FORGET, "same");
	assert_int_equal(get(MP_CLIENTKEY_RATE, START + 4 * W, W, 0, NOW,
	    k[0]), MP_OK);
	assert_int_equal(get(MP_CLIENTKEY_THROTTLE, START + 4 * W, W, 0, NOW,
	    k[1]), MP_OK);
	assert_int_equal(get(MP_CLIENTKEY_RATE, START + 5 * W, W, 0, NOW,
	    k[2]), MP_OK);
	assert_int_equal(get(MP_CLIENTKEY_RATE, START + 4 * W, 2 * W, 0, NOW,
	    k[3]), MP_OK);
	for (i = 0; i < 4; i++)
		for (j = 0; j < i; j++)
			assert_memory_not_equal(k[i], k[j], MP_KEY_LEN);
}

/*
 * Without create no secret is made.  For a window still running the
 * answer is not remembered (another worker may make one any moment);
 * for one long over it is, so no statement is spent on it again.
 */
static void
test_no_create(void **state)
{
	unsigned char	 k[MP_KEY_LEN];
	time_t		 late = (time_t)(START + W + MP_CLIENTKEY_GRACE + 1);

	(void)state;
	assert_int_equal(get(MP_CLIENTKEY_THROTTLE, START, W, 0, NOW, k),
	    MP_ENOTFOUND);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 0);
	plant(MP_CLIENTKEY_THROTTLE, START, W, FORGET, "another worker");
	assert_int_equal(get(MP_CLIENTKEY_THROTTLE, START, W, 0, NOW, k),
	    MP_OK);

	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 0, late, k),
	    MP_ENOTFOUND);
	plant(MP_CLIENTKEY_RATE, START, W, FORGET, "too late");
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 0, late, k),
	    MP_ENOTFOUND);
	/* Another worker (nothing remembered) does find it. */
	mp_clientkey_flush();
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 0, late, k), MP_OK);
}

/*
 * Another worker's secret, made first, is the one used: the second
 * maker does not replace it.
 */
static void
test_first_wins(void **state)
{
	unsigned char	 a[MP_KEY_LEN], b[MP_KEY_LEN];

	(void)state;
	plant(MP_CLIENTKEY_RATE, START, W, FORGET, "first");
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 1, NOW, a), MP_OK);
	mp_clientkey_flush();
	assert_int_equal(mp_db_exec(E.db, sql_clear, NULL, 0, NULL, NULL),
	    MP_OK);
	plant(MP_CLIENTKEY_RATE, START, W, FORGET, "first");
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 0, NOW, b), MP_OK);
	assert_memory_equal(a, b, sizeof(a));
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 1);
}

/*
 * The purge forgets what is past its forget time, in the table and in
 * this worker's memory; later secrets stay.  A forgotten window gets
 * a new, different secret if asked.
 */
static void
test_purge(void **state)
{
	unsigned char	 k1[MP_KEY_LEN], k2[MP_KEY_LEN], k3[MP_KEY_LEN];

	(void)state;
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 1, NOW, k1), MP_OK);
	assert_int_equal(mp_clientkey_get(E.db, &E.keys, MP_CLIENTKEY_RATE,
	    START + W, W, FORGET + W, 1, NOW, k2), MP_OK);
	assert_int_equal(mp_clientkey_purge(E.db, FORGET), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 2);
	assert_int_equal(mp_clientkey_purge(E.db, FORGET + 1), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 1);
	/* Asked with an earlier clock: gone from memory too. */
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 0, NOW, k3),
	    MP_ENOTFOUND);
	assert_int_equal(get(MP_CLIENTKEY_RATE, START, W, 1, NOW, k3), MP_OK);
	assert_memory_not_equal(k1, k3, sizeof(k1));
	assert_int_equal(mp_clientkey_get(E.db, &E.keys, MP_CLIENTKEY_RATE,
	    START + W, W, FORGET + W, 0, NOW, k3), MP_OK);
	assert_memory_equal(k2, k3, sizeof(k2));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_one_secret, clear),
		cmocka_unit_test_setup(test_distinct, clear),
		cmocka_unit_test_setup(test_no_create, clear),
		cmocka_unit_test_setup(test_first_wins, clear),
		cmocka_unit_test_setup(test_purge, clear),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
