/*
 * ratelimit.c -- fixed-window counters in the database.  Each limited
 * party (a client, or everyone together) is a bucket named by an HMAC
 * under MP_KEY_CLIENT, so neither the table nor a backup of it holds an
 * address.  A bucket's count is spread over RL_SLOTS rows picked at
 * random, so concurrent submissions rarely wait on the same row lock;
 * the count is their sum.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "meldpunt.h"

#define RL_SLOTS	8

enum stmt {
	STMT_HIT,
	STMT_SUM,
	STMT_PURGE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_HIT */
	"INSERT INTO rate_counter (bucket, window_start, slot, hits) "
	"VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE hits = hits + 1",
	/* STMT_SUM */
	"SELECT COALESCE(SUM(hits), 0) FROM rate_counter "
	"WHERE bucket = ? AND window_start = ?",
	/* STMT_PURGE */
	"DELETE FROM rate_counter WHERE window_start < ?",
};

/* Count a hit in bucket and compare the window's total with limit. */
static enum mp_err
hit(struct mp_db *db, const unsigned char bucket[MP_SHA256_LEN],
    long long wstart, long limit)
{
	struct mp_dbval	 p[3];
	struct mp_stmt	*st;
	unsigned char	 r;
	long long	 total;
	enum mp_err	 er;

	if ((er = mp_random(&r, 1)) != MP_OK)
		return er;
	p[0] = MP_DBBLOB(bucket, MP_SHA256_LEN);
	p[1] = MP_DBINT(wstart);
	p[2] = MP_DBINT(r % RL_SLOTS);
	if ((er = mp_db_exec(db, stmts[STMT_HIT], p, 3, NULL, NULL)) != MP_OK)
		return er;
	if ((er = mp_db_query(db, &st, stmts[STMT_SUM], p, 2)) != MP_OK)
		return er;
	er = mp_stmt_next(st);
	total = er == MP_OK ? mp_stmt_int(st, 0) : 0;
	mp_stmt_done(st);
	if (er != MP_OK && er != MP_ENOTFOUND)
		return er;
	return total > limit ? MP_ELIMIT : MP_OK;
}

static enum mp_err
bucket_of(const struct mp_keys *keys, const char *scope, const char *who,
    unsigned char out[MP_SHA256_LEN])
{
	struct mp_buf	 b;
	enum mp_err	 er;

	mp_buf_init(&b, 512);
	if ((er = mp_buf_printf(&b, "%s\n%s", scope, who)) == MP_OK)
		er = mp_hmac_sha256(out, mp_key(keys, MP_KEY_CLIENT),
		    MP_KEY_LEN, mp_buf_str(&b), mp_buf_len(&b));
	mp_buf_freezero(&b);
	return er;
}

enum mp_err
mp_ratelimit_hit(struct mp_db *db, const struct mp_keys *keys,
    const struct mp_ratelimit *rl, const char *addr, time_t now)
{
	unsigned char	 bucket[MP_SHA256_LEN];
	long long	 wstart;
	enum mp_err	 er;

	if (rl->window <= 0)
		return MP_OK;
	wstart = (long long)now - (long long)now % rl->window;
	if (rl->global > 0) {
		/* No address holds "\n": no client can be "global". */
		er = bucket_of(keys, rl->scope, "\nglobal", bucket);
		if (er != MP_OK)
			return er;
		if ((er = hit(db, bucket, wstart, rl->global)) != MP_OK)
			return er;
	}
	if (rl->per_client > 0 && addr != NULL && addr[0] != '\0') {
		if ((er = bucket_of(keys, rl->scope, addr, bucket)) != MP_OK)
			return er;
		if ((er = hit(db, bucket, wstart, rl->per_client)) != MP_OK)
			return er;
	}
	return MP_OK;
}

enum mp_err
mp_ratelimit_purge(struct mp_db *db, time_t now, long window)
{
	struct mp_dbval	 p[1];

	p[0] = MP_DBINT((long long)now - window);
	return mp_db_exec(db, stmts[STMT_PURGE], p, 1, NULL, NULL);
}
