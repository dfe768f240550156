/*
 * test-ratelimit.c -- the rate limits against a private MariaDB
 * (tests/lib/mariadb.sh): a client is refused past its limit while
 * another is not, the global limit counts every client, a new window
 * starts afresh, a refused action rolled back with its transaction
 * leaves the count as it was, scopes count apart, the table never
 * holds the address, and the purge drops only windows long past.  Each
 * window hashes with its own key (issue 10, finding 6): workers that
 * share nothing but the database count together, and once the window
 * is over and purged, no key left (nor the key file's) can match a
 * stored bucket to its address.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"

static struct testenv	 E;

/* A fixed moment at the start of a window of an hour. */
#define T0	((time_t)1790000000 - (time_t)1790000000 % 3600)

static const char sql_rows[] = "SELECT COUNT(*) FROM rate_counter";
static const char sql_hits[] = "SELECT COALESCE(SUM(hits), 0) FROM rate_counter";
static const char sql_addr[] =
    "SELECT COUNT(*) FROM rate_counter WHERE LOCATE(?, bucket) > 0";
static const char sql_old[] =
    "INSERT INTO rate_counter (bucket, window_start, slot, hits)"
    " VALUES (UNHEX(SHA2('oud', 256)), ?, 0, 7)";
static const char sql_clear[] = "DELETE FROM rate_counter";
static const char sql_clear_keys[] = "DELETE FROM client_key";
static const char sql_nkeys[] = "SELECT COUNT(*) FROM client_key";
static const char sql_bucket[] =
    "SELECT COUNT(*) FROM rate_counter WHERE bucket = ?";
static const char sql_keys[] =
    "SELECT purpose, window_start, window_len FROM client_key";

static long long
one(const char *sql, const char *text, long long arg)
{
	struct mp_dbval	 v[1];
	size_t		 n = 0;

	if (text != NULL)
		v[n++] = MP_DBTEXT(text);
	else if (arg >= 0)
		v[n++] = MP_DBINT(arg);
	return testdb_int(E.db, sql, v, n);
}

static int
group_setup(void **state)
{

	(void)state;
	return testenv_setup(&E, "test-ratelimit", 5);
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
	return mp_db_exec(E.db, sql_clear, NULL, 0, NULL, NULL) == MP_OK &&
	    mp_db_exec(E.db, sql_clear_keys, NULL, 0, NULL, NULL) == MP_OK ?
	    0 : -1;
}

static enum mp_err
hit(const struct mp_ratelimit *rl, const char *addr, time_t now)
{

	return mp_ratelimit_hit(E.db, &E.keys, rl, addr, now);
}

static void
test_per_client(void **state)
{
	const struct mp_ratelimit rl = { "test", 3, 0, 3600 };
	int			 i;

	(void)state;
	for (i = 0; i < 3; i++)
		assert_int_equal(hit(&rl, "192.0.2.1", T0 + i), MP_OK);
	assert_int_equal(hit(&rl, "192.0.2.1", T0 + 10), MP_ELIMIT);
	assert_int_equal(hit(&rl, "192.0.2.1", T0 + 3599), MP_ELIMIT);
	/* Another client, and the same one in the next window. */
	assert_int_equal(hit(&rl, "192.0.2.2", T0 + 20), MP_OK);
	assert_int_equal(hit(&rl, "192.0.2.1", T0 + 3600), MP_OK);
	/* No client, no per-client limit. */
	for (i = 0; i < 5; i++)
		assert_int_equal(hit(&rl, NULL, T0 + 30), MP_OK);
}

static void
test_global(void **state)
{
	const struct mp_ratelimit rl = { "test", 100, 4, 3600 };
	char			 addr[32];
	int			 i;

	(void)state;
	for (i = 0; i < 4; i++) {
		snprintf(addr, sizeof(addr), "198.51.100.%d", i);
		assert_int_equal(hit(&rl, addr, T0 + i), MP_OK);
	}
	assert_int_equal(hit(&rl, "198.51.100.200", T0 + 5), MP_ELIMIT);
	/* Another scope counts apart. */
	{
		const struct mp_ratelimit other = { "ander", 100, 4, 3600 };

		assert_int_equal(hit(&other, "198.51.100.200", T0 + 6),
		    MP_OK);
	}
	/* Off: a limit of 0 counts nothing and refuses nothing. */
	{
		const struct mp_ratelimit off = { "uit", 0, 0, 3600 };
		long long		  rows = one(sql_rows, NULL, -1);

		for (i = 0; i < 10; i++)
			assert_int_equal(hit(&off, "198.51.100.1", T0),
			    MP_OK);
		assert_int_equal(one(sql_rows, NULL, -1), rows);
	}
}

/*
 * An action limited by rl that fails after its hit, as a reply might:
 * prepared before its transaction, counted inside it.
 */
struct action {
	const struct mp_ratelimit *rl;
	struct mp_ratehit hit;
	enum mp_err	 result;
};

static enum mp_err
action_txn(struct mp_db *db, void *arg)
{
	struct action	*a = arg;
	enum mp_err	 er;

	if ((er = mp_ratelimit_count(db, &a->hit)) != MP_OK)
		return er;
	return a->result;
}

static void
test_rolled_back(void **state)
{
	const struct mp_ratelimit rl = { "test", 2, 0, 3600 };
	struct action		 a;
	int			 i;

	(void)state;
	a.rl = &rl;
	assert_int_equal(mp_ratelimit_prepare(E.db, &E.keys, &rl,
	    "192.0.2.9", T0, &a.hit), MP_OK);
	a.result = MP_EINVAL;
	for (i = 0; i < 5; i++)
		assert_int_equal(mp_db_txn(E.db, action_txn, &a), MP_EINVAL);
	assert_int_equal(one(sql_hits, NULL, -1), 0);
	a.result = MP_OK;
	assert_int_equal(mp_db_txn(E.db, action_txn, &a), MP_OK);
	assert_int_equal(mp_db_txn(E.db, action_txn, &a), MP_OK);
	assert_int_equal(mp_db_txn(E.db, action_txn, &a), MP_ELIMIT);
	/* The refused third hit was rolled back with its action. */
	assert_int_equal(one(sql_hits, NULL, -1), 2);
}

static void
test_no_address_stored(void **state)
{
	const struct mp_ratelimit rl = { "test", 5, 50, 3600 };

	(void)state;
	assert_int_equal(hit(&rl, "203.0.113.77", T0), MP_OK);
	assert_int_equal(hit(&rl, "2001:db8::77", T0), MP_OK);
	assert_true(one(sql_rows, NULL, -1) >= 2);
	assert_int_equal(one(sql_addr, "203.0.113.77", -1), 0);
	assert_int_equal(one(sql_addr, "2001:db8::77", -1), 0);
}

static void
test_purge(void **state)
{
	const struct mp_ratelimit rl = { "test", 5, 0, 3600 };
	struct mp_dbval		 v[1];
	time_t			 now = T0 + 10;

	(void)state;
	/* A day-long window that began just inside the longest window. */
	v[0] = MP_DBINT((long long)now - MP_RATELIMIT_WINDOW_MAX);
	assert_int_equal(mp_db_exec(E.db, sql_old, v, 1, NULL, NULL), MP_OK);
	assert_int_equal(hit(&rl, "192.0.2.1", now), MP_OK);
	assert_int_equal(mp_ratelimit_purge(E.db, now,
	    MP_RATELIMIT_WINDOW_MAX), MP_OK);
	assert_int_equal(one(sql_rows, NULL, -1), 2);
	/* A second later it has ended: only the current one stays. */
	assert_int_equal(mp_ratelimit_purge(E.db, now + 1,
	    MP_RATELIMIT_WINDOW_MAX), MP_OK);
	assert_int_equal(one(sql_rows, NULL, -1), 1);
	assert_int_equal(one(sql_hits, NULL, -1), 1);
}

static void
test_workers(void **state)
{
	const struct mp_ratelimit rl = { "test", 3, 0, 3600 };
	int			 i;

	(void)state;
	/* Each hit from a "new worker": nothing kept in memory. */
	for (i = 0; i < 3; i++) {
		mp_clientkey_flush();
		assert_int_equal(hit(&rl, "192.0.2.1", T0 + i), MP_OK);
	}
	mp_clientkey_flush();
	assert_int_equal(hit(&rl, "192.0.2.1", T0 + 10), MP_ELIMIT);
	/* One key for the window, made by the first. */
	assert_int_equal(one(sql_nkeys, NULL, -1), 1);
	/* The next window has a key of its own, and counts afresh. */
	assert_int_equal(hit(&rl, "192.0.2.1", T0 + 3600), MP_OK);
	assert_int_equal(one(sql_nkeys, NULL, -1), 2);
}

/* The bucket of who in scope under key. */
static void
bucket(const unsigned char *key, const char *scope, const char *who,
    unsigned char out[MP_SHA256_LEN])
{
	char	 msg[128];

	(void)snprintf(msg, sizeof(msg), "%s\n%s", scope, who);
	assert_int_equal(mp_crypto_hmac_sha256(out, key, MP_KEY_LEN, msg,
	    strlen(msg)), MP_OK);
}

/* Stored buckets of who that any key left, or the key file's, names. */
static long long
matches(const char *scope, const char *who, time_t now)
{
	struct mp_stmt	*s;
	struct mp_dbval	 v[1];
	unsigned char	 key[MP_KEY_LEN], b[MP_SHA256_LEN];
	long long	 row[16][3], n = 0, i, found = 0;

	bucket(mp_key(&E.keys, MP_KEY_CLIENT), scope, who, b);
	v[0] = MP_DBBLOB(b, sizeof(b));
	assert_int_equal(mp_db_query(E.db, &s, sql_bucket, v, 1), MP_OK);
	assert_int_equal(mp_db_next(s), MP_OK);
	found += mp_db_int(s, 0);
	mp_db_done(s);
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
		bucket(key, scope, who, b);
		v[0] = MP_DBBLOB(b, sizeof(b));
		assert_int_equal(mp_db_query(E.db, &s, sql_bucket, v, 1),
		    MP_OK);
		assert_int_equal(mp_db_next(s), MP_OK);
		found += mp_db_int(s, 0);
		mp_db_done(s);
	}
	return found;
}

static void
test_forgotten(void **state)
{
	const struct mp_ratelimit rl = { "test", 5, 0, 3600 };
	time_t			 over = T0 + 3600 + MP_CLIENTKEY_GRACE + 1;
	unsigned char		 key[MP_KEY_LEN];

	(void)state;
	assert_int_equal(hit(&rl, "203.0.113.5", T0 + 5), MP_OK);
	/* While the window lasts, the key file and the database can. */
	assert_true(matches("test", "203.0.113.5", T0 + 6) > 0);
	/* The key file alone (the old scheme) never could. */
	{
		struct mp_stmt	*st;
		struct mp_dbval	 v[1];
		unsigned char	 b[MP_SHA256_LEN];

		bucket(mp_key(&E.keys, MP_KEY_CLIENT), "test", "203.0.113.5",
		    b);
		v[0] = MP_DBBLOB(b, sizeof(b));
		assert_int_equal(mp_db_query(E.db, &st, sql_bucket, v, 1),
		    MP_OK);
		assert_int_equal(mp_db_next(st), MP_OK);
		assert_int_equal(mp_db_int(st, 0), 0);
		mp_db_done(st);
	}
	/* A later window's hit, then the purge after the first is over. */
	assert_int_equal(hit(&rl, "203.0.113.6", over), MP_OK);
	assert_int_equal(mp_ratelimit_purge(E.db, over,
	    MP_RATELIMIT_WINDOW_MAX), MP_OK);
	/* The counters are still there (a day's grace for all limits)... */
	assert_true(one(sql_rows, NULL, -1) >= 2);
	/* ...but nothing left can say whose they are. */
	assert_int_equal(matches("test", "203.0.113.5", over), 0);
	assert_int_equal(mp_clientkey_get(E.db, &E.keys, MP_CLIENTKEY_RATE,
	    (long long)T0, 3600, 0, 0, over, key), MP_ENOTFOUND);
	/* The current window's key stays, and its client is counted. */
	assert_int_equal(one(sql_nkeys, NULL, -1), 1);
	assert_true(matches("test", "203.0.113.6", over) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_per_client, clear),
		cmocka_unit_test_setup(test_global, clear),
		cmocka_unit_test_setup(test_rolled_back, clear),
		cmocka_unit_test_setup(test_no_address_stored, clear),
		cmocka_unit_test_setup(test_purge, clear),
		cmocka_unit_test_setup(test_workers, clear),
		cmocka_unit_test_setup(test_forgotten, clear),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
