/*
 * clientkey.c -- per-window secrets for the client hashes (see
 * clientkey.h).
 *
 * Why in the database: the programs keep no state of their own, and
 * every worker on every app server must hash an address alike within
 * a window or the counts split.  INSERT IGNORE on the window's primary
 * key lets whichever worker comes first make the secret, and the rest
 * read it; on Galera two first comers collide at certification and the
 * retry reads the winner's.  Why derived with MP_KEY_CLIENT as well:
 * while the window lasts, a copy of the database alone (a backup)
 * still cannot hash an address.  What remains: whoever holds the key
 * file and reads the database during the window can recompute that
 * window's hashes, as the programs themselves must.
 *
 * Each worker keeps the few secrets it uses (one per limit and window)
 * in memory until their forget_at, so a window costs it one or two
 * statements, not one per request.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "clientkey.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "keys.h"

#define SECRET_LEN	32
#define CACHE_MAX	8

enum stmt {
	STMT_MAKE,
	STMT_GET,
	STMT_PURGE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_MAKE: the first worker's secret stays; later ones vanish. */
	"INSERT IGNORE INTO client_key (purpose, window_start, window_len,"
	" secret, forget_at) VALUES (?, ?, ?, ?, ?)",
	/* STMT_GET */
	"SELECT secret, forget_at FROM client_key WHERE purpose = ?"
	" AND window_start = ? AND window_len = ?",
	/* STMT_PURGE */
	"DELETE FROM client_key WHERE forget_at < ?",
};

/* STMT_GET's columns. */
enum {
	GET_SECRET,
	GET_FORGET_AT
};

/*
 * The secrets this worker has read.  Process state, as db.c's statement
 * cache is: a FastCGI worker serves one request at a time.
 */
static struct cached {
	int		 use;		/* 0: free */
	long long	 start;
	long		 len;
	time_t		 forget_at;
	int		 none;		/* known to have no secret */
	unsigned char	 secret[SECRET_LEN];
} cache[CACHE_MAX];

static void
drop(struct cached *c)
{

	mp_alloc_wipe(c, sizeof(*c));
}

/* The slot of a window, or NULL; drops what is past its forget_at. */
static struct cached *
lookup(enum mp_clientkey_use use, long long start, long len, time_t now)
{
	struct cached	*hit = NULL;
	size_t		 i;

	for (i = 0; i < CACHE_MAX; i++) {
		if (cache[i].use == 0)
			continue;
		if (cache[i].forget_at < now)
			drop(&cache[i]);
		else if (cache[i].use == (int)use && cache[i].start == start &&
		    cache[i].len == len)
			hit = &cache[i];
	}
	return hit;
}

/* Remember a window's secret, or (secret NULL) that it has none. */
static void
keep(enum mp_clientkey_use use, long long start, long len, time_t forget_at,
    const unsigned char secret[SECRET_LEN])
{
	struct cached	*c = &cache[0];
	size_t		 i;

	/* A free slot, else the one forgotten soonest. */
	for (i = 0; i < CACHE_MAX; i++) {
		if (cache[i].use == 0) {
			c = &cache[i];
			break;
		}
		if (cache[i].forget_at < c->forget_at)
			c = &cache[i];
	}
	drop(c);
	c->use = (int)use;
	c->start = start;
	c->len = len;
	c->forget_at = forget_at;
	if (secret == NULL)
		c->none = 1;
	else
		memcpy(c->secret, secret, SECRET_LEN);
}

/* The window's secret from the database: MP_ENOTFOUND when none. */
static enum mp_err
read_secret(struct mp_db *db, enum mp_clientkey_use use, long long start,
    long len, unsigned char secret[SECRET_LEN], time_t *forget_at)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	const char	*s;
	size_t		 slen = 0;
	enum mp_err	 er;

	v[0] = MP_DBINT((long long)use);
	v[1] = MP_DBINT(start);
	v[2] = MP_DBINT((long long)len);
	if ((er = mp_db_query(db, &st, stmts[STMT_GET], v, 3)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		s = mp_db_text(st, GET_SECRET, &slen);
		if (s == NULL || slen != SECRET_LEN)
			er = MP_EDB;
		else {
			memcpy(secret, s, SECRET_LEN);
			*forget_at = (time_t)mp_db_int(st, GET_FORGET_AT);
		}
	}
	mp_db_done(st);
	return er;
}

struct make {
	struct mp_dbval	 v[5];
};

static enum mp_err
make_txn(struct mp_db *db, void *arg)
{
	struct make	*m = arg;

	return mp_db_exec(db, stmts[STMT_MAKE], m->v, 5, NULL, NULL);
}

/* The HMAC key: MP_KEY_CLIENT over the window and its secret. */
static enum mp_err
derive(const struct mp_keys *keys, enum mp_clientkey_use use,
    long long start, long len, const unsigned char secret[SECRET_LEN],
    unsigned char key[MP_KEY_LEN])
{
	static const char	 label[] = "client key v2";
	unsigned char		 m[sizeof(label) + 1 + 8 + 8 + SECRET_LEN];
	uint64_t		 s = (uint64_t)start, l = (uint64_t)len;
	size_t			 n;
	int			 i;
	enum mp_err		 er;

	memcpy(m, label, sizeof(label));
	n = sizeof(label);
	m[n++] = (unsigned char)use;
	for (i = 0; i < 8; i++)
		m[n++] = (unsigned char)(s >> (56 - 8 * i));
	for (i = 0; i < 8; i++)
		m[n++] = (unsigned char)(l >> (56 - 8 * i));
	memcpy(m + n, secret, SECRET_LEN);
	n += SECRET_LEN;
	_Static_assert(MP_KEY_LEN == MP_SHA256_LEN, "an HMAC is a key");
	er = mp_crypto_hmac_sha256(key, mp_key(keys, MP_KEY_CLIENT),
	    MP_KEY_LEN, m,
	    n);
	mp_alloc_wipe(m, sizeof(m));
	return er;
}

enum mp_err
mp_clientkey_get(struct mp_db *db, const struct mp_keys *keys,
    enum mp_clientkey_use use, long long start, long len, time_t forget_at,
    int create, time_t now, unsigned char key[MP_KEY_LEN])
{
	struct cached	*c;
	struct make	 m;
	unsigned char	 secret[SECRET_LEN];
	time_t		 stored_forget = forget_at;
	enum mp_err	 er;

	if ((c = lookup(use, start, len, now)) != NULL)
		return c->none ? MP_ENOTFOUND : derive(keys, use, start, len,
		    c->secret, key);
	er = read_secret(db, use, start, len, secret, &stored_forget);
	/*
	 * A window over (with grace) that has no secret will never get
	 * one: remembered, so that the throttle's look at yesterday costs
	 * no statement per sign-in after a day without any.
	 */
	if (er == MP_ENOTFOUND && !create &&
	    now > (time_t)(start + len + MP_CLIENTKEY_GRACE))
		keep(use, start, len, forget_at, NULL);
	if (er == MP_ENOTFOUND && create) {
		if ((er = mp_crypto_random(secret, sizeof(secret))) != MP_OK)
			goto out;
		m.v[0] = MP_DBINT((long long)use);
		m.v[1] = MP_DBINT(start);
		m.v[2] = MP_DBINT((long long)len);
		m.v[3] = MP_DBBLOB(secret, sizeof(secret));
		m.v[4] = MP_DBINT((long long)forget_at);
		if ((er = mp_db_txn1(db, make_txn, &m)) != MP_OK)
			goto out;
		/* Ours, or the one another worker made first. */
		er = read_secret(db, use, start, len, secret, &stored_forget);
	}
	if (er != MP_OK)
		goto out;
	keep(use, start, len, stored_forget, secret);
	er = derive(keys, use, start, len, secret, key);
out:
	mp_alloc_wipe(secret, sizeof(secret));
	return er;
}

enum mp_err
mp_clientkey_purge(struct mp_db *db, time_t now)
{
	struct mp_dbval	 v[1];

	(void)lookup(0, 0, 0, now);
	v[0] = MP_DBINT((long long)now);
	return mp_db_exec(db, stmts[STMT_PURGE], v, 1, NULL, NULL);
}

void
mp_clientkey_flush(void)
{
	size_t	 i;

	for (i = 0; i < CACHE_MAX; i++)
		drop(&cache[i]);
}
