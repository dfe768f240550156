/*
 * ratelimit.h -- fixed-window rate limits kept in the database, so that
 * every worker on every app server counts together.  A client is known
 * only by an HMAC of its address under the window's own key
 * (clientkey.h): the counters never hold the address itself, and once
 * the window is over its key is forgotten.
 */
#ifndef MP_RATELIMIT_H
#define MP_RATELIMIT_H

#include <time.h>

#include "errcode.h"

struct mp_db;
struct mp_keys;

struct mp_ratelimit {
	const char	*scope;		/* e.g. "intake" */
	long		 per_client;	/* hits per window per client; 0 off */
	long		 global;	/* hits per window in all; 0 off */
	long		 window;	/* seconds */
};

/*
 * Count one hit for client addr (may be NULL) in scope and say whether
 * it is allowed: MP_OK, or MP_ELIMIT when a limit is exceeded.  It
 * prepares the hit (below), which may write the window's key, so it is
 * for use outside a transaction; an action that counts its hit inside
 * its own transaction (so that a refused or failed action does not
 * count) prepares first and calls mp_ratelimit_count in there.
 */
enum mp_err	 mp_ratelimit_hit(struct mp_db *, const struct mp_keys *,
		    const struct mp_ratelimit *, const char *addr, time_t now);
/*
 * One hit made ready for the server to count (intake_store() of
 * sql/009_intake_perf.sql counts it with the report it limits, in the
 * same round trip): n buckets (0 to 2), each with its HMAC name, the
 * random slot to count in and the hits allowed in window wstart.
 * check[i] is limit / (2 * slots): while the hit's own slot holds no
 * more, the bucket cannot plausibly be over its limit and the server
 * need not sum its slots (see sql/009_intake_perf.sql).
 */
#define MP_RATELIMIT_BUCKET	32	/* = MP_SHA256_LEN */
struct mp_ratehit {
	int		 n;
	long long	 wstart;
	unsigned char	 bucket[2][MP_RATELIMIT_BUCKET];
	unsigned	 slot[2];
	long		 limit[2];
	long		 check[2];	/* sum the slots above this count */
};
/*
 * Prepare one hit: the window's key (clientkey.h; made when the window
 * has none yet, hence never inside a transaction) and the buckets.
 */
enum mp_err	 mp_ratelimit_prepare(struct mp_db *, const struct mp_keys *,
		    const struct mp_ratelimit *, const char *addr, time_t now,
		    struct mp_ratehit *);
/*
 * Count a prepared hit: MP_OK, or MP_ELIMIT when a limit is exceeded.
 * Meant to run inside the transaction of the action it limits.
 */
enum mp_err	 mp_ratelimit_count(struct mp_db *, const struct mp_ratehit *);

/*
 * Delete counters of windows that ended before now, and the client
 * keys past their forget_at (housekeeping).
 */
enum mp_err	 mp_ratelimit_purge(struct mp_db *, time_t now, long window);

#endif
