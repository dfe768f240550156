/*
 * ratelimit.c -- fixed-window counters in the database.  Each limited
 * party (a client, or everyone together) is a bucket named by an HMAC
 * under the window's own key (clientkey.h), so neither the table nor a
 * backup of it holds an address, and once the window's key is
 * forgotten nothing, not even the key file, can tell whose a bucket
 * was.  A bucket's count is spread over RL_SLOTS rows picked at
 * random, so concurrent submissions rarely wait on the same row lock;
 * the count is their sum.  Both buckets of a hit are counted with one
 * statement and read back with one more: this runs for every report,
 * and each round trip costs the database more than the work it does.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "clientkey.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "keys.h"
#include "ratelimit.h"

#define RL_SLOTS	16

_Static_assert(MP_RATELIMIT_BUCKET == MP_SHA256_LEN, "bucket is an HMAC");

enum stmt {
	STMT_HIT1,
	STMT_HIT2,
	STMT_SUM1,
	STMT_SUM2,
	STMT_PURGE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_HIT1 */
	"INSERT INTO rate_counter (bucket, window_start, slot, hits) "
	"VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE hits = hits + 1",
	/* STMT_HIT2 */
	"INSERT INTO rate_counter (bucket, window_start, slot, hits) "
	"VALUES (?, ?, ?, 1), (?, ?, ?, 1) "
	"ON DUPLICATE KEY UPDATE hits = hits + 1",
	/* STMT_SUM1 */
	"SELECT bucket, COALESCE(SUM(hits), 0) FROM rate_counter "
	"WHERE bucket = ? AND window_start = ? GROUP BY bucket",
	/* STMT_SUM2 */
	"SELECT bucket, COALESCE(SUM(hits), 0) FROM rate_counter "
	"WHERE bucket IN (?, ?) AND window_start = ? GROUP BY bucket",
	/* STMT_PURGE */
	"DELETE FROM rate_counter WHERE window_start < ?",
};

/* STMT_SUM1's and STMT_SUM2's columns. */
enum {
	SUM_BUCKET,
	SUM_HITS
};

static enum mp_err
bucket_of(const unsigned char key[MP_KEY_LEN], const char *scope,
    const char *who, unsigned char out[MP_SHA256_LEN])
{
	struct mp_buf	 b;
	enum mp_err	 er;

	mp_buf_init(&b, 512);
	if ((er = mp_buf_printf(&b, "%s\n%s", scope, who)) == MP_OK)
		er = mp_crypto_hmac_sha256(out, key, MP_KEY_LEN,
		    mp_buf_str(&b),
		    mp_buf_len(&b));
	mp_buf_freezero(&b);
	return er;
}

enum mp_err
mp_ratelimit_prepare(struct mp_db *db, const struct mp_keys *keys,
    const struct mp_ratelimit *rl, const char *addr, time_t now,
    struct mp_ratehit *h)
{
	unsigned char	 slot[2], key[MP_KEY_LEN];
	int		 i;
	enum mp_err	 er;

	h->n = 0;
	h->wstart = 0;
	if (rl == NULL || rl->window <= 0)
		return MP_OK;
	h->wstart = (long long)now - (long long)now % rl->window;
	if (rl->global <= 0 && (rl->per_client <= 0 || addr == NULL ||
	    addr[0] == '\0'))
		return MP_OK;
	/* The window's key, forgotten once the window is over. */
	if ((er = mp_clientkey_get(db, keys, MP_CLIENTKEY_RATE, h->wstart,
	    rl->window, (time_t)(h->wstart + rl->window +
	    MP_CLIENTKEY_GRACE), 1, now, key)) != MP_OK)
		goto out;
	if (rl->global > 0) {
		/* No address holds "\n": no client can be "global". */
		if ((er = bucket_of(key, rl->scope, "\nglobal",
		    h->bucket[h->n])) != MP_OK)
			goto out;
		h->limit[h->n++] = rl->global;
	}
	if (rl->per_client > 0 && addr != NULL && addr[0] != '\0') {
		if ((er = bucket_of(key, rl->scope, addr,
		    h->bucket[h->n])) != MP_OK)
			goto out;
		h->limit[h->n++] = rl->per_client;
	}
	if ((er = mp_crypto_random(slot, sizeof(slot))) != MP_OK)
		goto out;
	for (i = 0; i < h->n; i++) {
		h->slot[i] = slot[i] % RL_SLOTS;
		h->check[i] = h->limit[i] / (2 * RL_SLOTS);
	}
out:
	mp_alloc_wipe(key, sizeof(key));
	if (er != MP_OK)
		h->n = 0;
	return er;
}

enum mp_err
mp_ratelimit_hit(struct mp_db *db, const struct mp_keys *keys,
    const struct mp_ratelimit *rl, const char *addr, time_t now)
{
	struct mp_ratehit h;
	enum mp_err	 er;

	if ((er = mp_ratelimit_prepare(db, keys, rl, addr, now, &h)) != MP_OK)
		return er;
	return mp_ratelimit_count(db, &h);
}

enum mp_err
mp_ratelimit_count(struct mp_db *db, const struct mp_ratehit *hp)
{
	const struct mp_ratehit *h = hp;
	struct mp_dbval	 p[6];
	struct mp_stmt	*st;
	const char	*b;
	size_t		 blen;
	int		 n, i;
	enum mp_err	 er;

	if ((n = h->n) < 1 || n > 2)
		return MP_OK;
	for (i = 0; i < n; i++) {
		p[3 * i] = MP_DBBLOB(h->bucket[i], MP_SHA256_LEN);
		p[3 * i + 1] = MP_DBINT(h->wstart);
		p[3 * i + 2] = MP_DBINT(h->slot[i]);
	}
	if ((er = mp_db_exec(db, stmts[n == 2 ? STMT_HIT2 : STMT_HIT1], p,
	    3 * (size_t)n, NULL, NULL)) != MP_OK)
		return er;
	for (i = 0; i < n; i++)
		p[i] = MP_DBBLOB(h->bucket[i], MP_SHA256_LEN);
	p[n] = MP_DBINT(h->wstart);
	if ((er = mp_db_query(db, &st, stmts[n == 2 ? STMT_SUM2 : STMT_SUM1],
	    p, (size_t)n + 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		b = mp_db_text(st, SUM_BUCKET, &blen);
		for (i = 0; i < n; i++)
			if (b != NULL && blen == MP_SHA256_LEN &&
			    memcmp(b, h->bucket[i], blen) == 0 &&
			    mp_db_int(st, SUM_HITS) > h->limit[i])
				er = MP_ELIMIT;
		if (er == MP_ELIMIT)
			break;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_ratelimit_purge(struct mp_db *db, time_t now, long window)
{
	struct mp_dbval	 p[1];
	enum mp_err	 er;

	p[0] = MP_DBINT((long long)now - window);
	if ((er = mp_db_exec(db, stmts[STMT_PURGE], p, 1, NULL, NULL)) !=
	    MP_OK)
		return er;
	return mp_clientkey_purge(db, now);
}
