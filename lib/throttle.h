/*
 * throttle.h -- throttling of failed sign-ins, per account and per
 * client.  Every failure is a row in login_attempt keyed by two HMACs:
 * of the account (MP_KEY_CLIENT) and of the client's address (under
 * the day's own key, clientkey.h, forgotten once the day's failures
 * are purged), so the table never holds either.  Failures are recorded
 * in their own statement, outside any transaction, so a refused
 * request counts too.  Used by the dashboard's password sign-in and by
 * the reporter's sign-in with reference and code (cgi/feedback/feedback.c).
 */
#ifndef MP_THROTTLE_H
#define MP_THROTTLE_H

#include <time.h>

#include "crypto.h"
#include "errcode.h"

struct mp_db;
struct mp_keys;

struct mp_throttle {
	unsigned char	 account[MP_SHA256_LEN];
	unsigned char	 client[MP_SHA256_LEN];	/* today's: recorded */
	unsigned char	 client_prev[MP_SHA256_LEN]; /* yesterday's too */
};

/*
 * The keys of account and client in scope ("login", "melding") at now:
 * the HMACs of "<scope>-user:<account>" and "<scope>-client:<client>",
 * the latter under today's and yesterday's client key (made when today
 * has none yet; not inside a transaction).  The caller normalises
 * account (case, spaces) first.  A database error as such.
 */
enum mp_err	 mp_throttle_keys(struct mp_db *, const struct mp_keys *,
		    const char *scope, const char *account,
		    const char *client, time_t now, struct mp_throttle *);
/*
 * Which of the two had max or more failures in the window seconds
 * before now: 0 (neither), MP_THROTTLE_ACCOUNT, MP_THROTTLE_CLIENT or
 * both; both also when the database cannot tell (a database that
 * cannot count lets nobody try).
 */
#define MP_THROTTLE_ACCOUNT	0x1
#define MP_THROTTLE_CLIENT	0x2
int		 mp_throttle_over(struct mp_db *, const struct mp_throttle *,
		    time_t now, long window, long max);
/*
 * How many seconds the client of t must still wait before it may try
 * again (0: it may try now), whatever account it names.  A client with
 * fewer than max failures in the last day need not wait; from then on
 * it waits window seconds after its latest failure, twice as long once
 * it has 2 * max failures, four times at 3 * max and so on, up to a
 * day.  Guessing thus slows down ever more for each client, while no
 * client can make another wait: the account's own failures play no
 * part.  Returns window when the database cannot tell.
 */
long		 mp_throttle_client_wait(struct mp_db *,
		    const struct mp_throttle *, time_t now, long window,
		    long max);
/* Record one failure at now, and purge failures older than a day. */
void		 mp_throttle_fail(struct mp_db *, const struct mp_throttle *,
		    time_t now);

#endif
