/*
 * clientkey.h -- the keys that hash client addresses in rate_counter
 * and login_attempt (issue 10, finding 6).  Each window has its own
 * random secret in table client_key (sql/024_client_key.sql), made by
 * the first worker that needs it and deleted when the window is over;
 * the HMAC key is derived from that secret and MP_KEY_CLIENT.  Once
 * a window's secret is gone, neither the key file nor anything left in
 * the database can tell which address a stored hash belongs to.
 */
#ifndef MP_CLIENTKEY_H
#define MP_CLIENTKEY_H

#include <time.h>

#include "crypto.h"
#include "errcode.h"

struct mp_db;
struct mp_keys;

enum mp_clientkey_use {
	MP_CLIENTKEY_RATE = 1,		/* rate_counter (ratelimit.h) */
	MP_CLIENTKEY_THROTTLE = 2	/* login_attempt (throttle.h) */
};

/*
 * Seconds a secret outlives what it is needed for, so that a worker
 * whose clock lags a little behind the one that purged still finds the
 * same secret instead of making a second one.
 */
#define MP_CLIENTKEY_GRACE	300

/*
 * The HMAC key for client hashes of use in the window of len seconds
 * starting at start, into key.  When the window has no secret yet and
 * create is set, one is made (to be deleted at forget_at); without
 * create that is MP_ENOTFOUND.  Every worker on every app server gets
 * the same key for the same window.  Not to be called inside a
 * transaction: a secret must be committed before it is used, or a
 * rolled-back one would split the window's count in two.  A worker
 * keeps the secrets it read until their forget_at.
 */
enum mp_err	 mp_clientkey_get(struct mp_db *, const struct mp_keys *,
		    enum mp_clientkey_use, long long start, long len,
		    time_t forget_at, int create, time_t now,
		    unsigned char key[MP_KEY_LEN]);
/*
 * Delete the secrets whose forget_at is before now, from the database
 * and from this worker's memory (housekeeping; ratelimit.h and
 * throttle.h purge with their tables).
 */
enum mp_err	 mp_clientkey_purge(struct mp_db *, time_t now);
/* Forget every secret this worker holds (tests: another worker). */
void		 mp_clientkey_flush(void);

#endif
