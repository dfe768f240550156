/*
 * throttle.c -- failed sign-ins per account and per client (see
 * throttle.h).
 *
 * The client hash is keyed per day (clientkey.h).  Failures are
 * remembered for a day, sliding, so a count looks at today's hashes
 * and yesterday's: each client is looked up under both keys.  A day's
 * key is forgotten when the last failure hashed under it has been
 * purged, two days after the day began.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "clientkey.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "keys.h"
#include "throttle.h"

/* How long failures are kept, and the longest wait. */
#define THROTTLE_MEMORY	86400

enum stmt {
	STMT_COUNT,
	STMT_CLIENT,
	STMT_ATTEMPT,
	STMT_PURGE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/*
	 * STMT_COUNT: both counts in one round trip (every sign-in pays
	 * for it), each half by its own index.
	 */
	"SELECT (SELECT COUNT(*) FROM login_attempt WHERE user_hash = ?"
	" AND at > FROM_UNIXTIME(?)), (SELECT COUNT(*) FROM login_attempt"
	" WHERE client_hash IN (?, ?) AND at > FROM_UNIXTIME(?))",
	/* STMT_CLIENT: the client's failures of the last day, latest. */
	"SELECT COUNT(*), COALESCE(UNIX_TIMESTAMP(MAX(at)), 0)"
	" FROM login_attempt WHERE client_hash IN (?, ?)"
	" AND at > FROM_UNIXTIME(?)",
	/* STMT_ATTEMPT */
	"INSERT INTO login_attempt (at, user_hash, client_hash)"
	" VALUES (FROM_UNIXTIME(?), ?, ?)",
	/* STMT_PURGE */
	"DELETE FROM login_attempt WHERE at < FROM_UNIXTIME(?)",
};

/* STMT_COUNT's columns: the account's failures, the client's. */
enum {
	COUNT_ACCOUNT,
	COUNT_CLIENT
};
/* STMT_CLIENT's columns. */
enum {
	CLIENT_N,
	CLIENT_LAST		/* UNIX time, 0 when none */
};

enum mp_err
mp_throttle_keys(struct mp_db *db, const struct mp_keys *keys,
    const char *scope, const char *account, const char *client, time_t now,
    struct mp_throttle *t)
{
	unsigned char	 day[MP_KEY_LEN], prev[MP_KEY_LEN];
	long long	 start = (long long)now -
			    (long long)now % THROTTLE_MEMORY;
	char		 msg[160];
	enum mp_err	 er;

	memset(t, 0, sizeof(*t));
	/* The account is a name or reference, not an address. */
	(void)snprintf(msg, sizeof(msg), "%s-user:%s", scope, account);
	if ((er = mp_crypto_hmac_sha256(t->account, mp_key(keys,
	    MP_KEY_CLIENT),
	    MP_KEY_LEN, msg, strlen(msg))) != MP_OK)
		goto out;
	if ((er = mp_clientkey_get(db, keys, MP_CLIENTKEY_THROTTLE, start,
	    THROTTLE_MEMORY, (time_t)(start + 2 * THROTTLE_MEMORY +
	    MP_CLIENTKEY_GRACE), 1, now, day)) != MP_OK)
		goto out;
	er = mp_clientkey_get(db, keys, MP_CLIENTKEY_THROTTLE,
	    start - THROTTLE_MEMORY, THROTTLE_MEMORY, (time_t)(start +
	    THROTTLE_MEMORY + MP_CLIENTKEY_GRACE), 0, now, prev);
	if (er == MP_ENOTFOUND)		/* no failure yesterday */
		memcpy(prev, day, sizeof(prev));
	else if (er != MP_OK)
		goto out;
	(void)snprintf(msg, sizeof(msg), "%s-client:%s", scope,
	    client != NULL ? client : "");
	if ((er = mp_crypto_hmac_sha256(t->client, day, MP_KEY_LEN, msg,
	    strlen(msg))) != MP_OK ||
	    (er = mp_crypto_hmac_sha256(t->client_prev,
	    prev, MP_KEY_LEN, msg, strlen(msg))) != MP_OK)
		goto out;
out:
	mp_alloc_wipe(msg, sizeof(msg));
	mp_alloc_wipe(day, sizeof(day));
	mp_alloc_wipe(prev, sizeof(prev));
	return er;
}

int
mp_throttle_over(struct mp_db *db, const struct mp_throttle *t, time_t now,
    long window, long max)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[5];
	long long	 na = -1, nc = -1;

	v[0] = MP_DBBLOB(t->account, MP_SHA256_LEN);
	v[1] = MP_DBINT((long long)(now - window));
	v[2] = MP_DBBLOB(t->client, MP_SHA256_LEN);
	v[3] = MP_DBBLOB(t->client_prev, MP_SHA256_LEN);
	v[4] = v[1];
	if (mp_db_query(db, &st, stmts[STMT_COUNT], v, 5) == MP_OK) {
		if (mp_db_next(st) == MP_OK) {
			na = mp_db_int(st, COUNT_ACCOUNT);
			nc = mp_db_int(st, COUNT_CLIENT);
		}
		mp_db_done(st);
	}
	if (na < 0 || nc < 0)
		return MP_THROTTLE_ACCOUNT | MP_THROTTLE_CLIENT;
	return (na >= max ? MP_THROTTLE_ACCOUNT : 0) |
	    (nc >= max ? MP_THROTTLE_CLIENT : 0);
}

long
mp_throttle_client_wait(struct mp_db *db, const struct mp_throttle *t,
    time_t now, long window, long max)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	long long	 n = -1, last = 0, wait;
	int		 doublings;

	if (max < 1)
		max = 1;
	v[0] = MP_DBBLOB(t->client, MP_SHA256_LEN);
	v[1] = MP_DBBLOB(t->client_prev, MP_SHA256_LEN);
	v[2] = MP_DBINT((long long)now - THROTTLE_MEMORY);
	if (mp_db_query(db, &st, stmts[STMT_CLIENT], v, 3) == MP_OK) {
		if (mp_db_next(st) == MP_OK) {
			n = mp_db_int(st, CLIENT_N);
			last = mp_db_int(st, CLIENT_LAST);
		}
		mp_db_done(st);
	}
	if (n < 0)
		return window;
	if (n < max)
		return 0;
	/* window << (n / max - 1), without overflowing, at most a day. */
	doublings = (int)(n / max - 1);
	wait = window;
	while (doublings-- > 0 && wait < THROTTLE_MEMORY)
		wait *= 2;
	if (wait > THROTTLE_MEMORY)
		wait = THROTTLE_MEMORY;
	wait -= (long long)now - last;
	return wait > 0 ? (long)wait : 0;
}

void
mp_throttle_fail(struct mp_db *db, const struct mp_throttle *t, time_t now)
{
	struct mp_dbval	 v[3];

	v[0] = MP_DBINT((long long)now);
	v[1] = MP_DBBLOB(t->account, MP_SHA256_LEN);
	v[2] = MP_DBBLOB(t->client, MP_SHA256_LEN);
	(void)mp_db_exec(db, stmts[STMT_ATTEMPT], v, 3, NULL, NULL);
	v[0] = MP_DBINT((long long)(now - THROTTLE_MEMORY));
	(void)mp_db_exec(db, stmts[STMT_PURGE], v, 1, NULL, NULL);
	(void)mp_clientkey_purge(db, now);
}
