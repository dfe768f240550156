/*
 * formtoken.h -- one-time form tokens.  The form page carries a token
 * made of a random 16-byte nonce, its issue time and an HMAC over both
 * (MP_KEY_FORM); issuing writes nothing.  A submission is accepted once
 * per nonce: the nonce becomes the report's submission_id, whose unique
 * key refuses a second report from the same form (a reload of the
 * receipt, a double click, a replayed POST).
 */
#ifndef MP_FORMTOKEN_H
#define MP_FORMTOKEN_H

#include <time.h>

#include "errcode.h"

#define MP_FORMTOKEN_NONCE	16
#define MP_FORMTOKEN_LEN	72	/* buffer for the text form */
#define MP_FORMTOKEN_BIND_MAX	64	/* longest value to bind to */

struct mp_keys;

/* Write a new token for time now into out. */
enum mp_err	 mp_formtoken_issue(const struct mp_keys *, time_t now,
		    char out[MP_FORMTOKEN_LEN]);
/*
 * Check a token: MP_OK with the nonce in nonce when it is authentic and
 * issued within ttl seconds before now; MP_EINVAL when malformed,
 * forged or expired.
 */
enum mp_err	 mp_formtoken_check(const struct mp_keys *, const char *token,
		    time_t now, long ttl,
		    unsigned char nonce[MP_FORMTOKEN_NONCE]);

/*
 * As mp_formtoken_issue and mp_formtoken_check, for a token bound to a
 * value of 1 to MP_FORMTOKEN_BIND_MAX bytes: its HMAC covers the value
 * too, so the token is good only together with that value.  The
 * sign-in forms bind theirs to the browser's pre-session id
 * (presession.h), so that a token taken from one browser is worth
 * nothing in another.  A bound token never passes an unbound check,
 * nor the other way round.
 */
enum mp_err	 mp_formtoken_issue_bound(const struct mp_keys *,
		    const void *bind, size_t bindlen, time_t now,
		    char out[MP_FORMTOKEN_LEN]);
enum mp_err	 mp_formtoken_check_bound(const struct mp_keys *,
		    const void *bind, size_t bindlen, const char *token,
		    time_t now, long ttl,
		    unsigned char nonce[MP_FORMTOKEN_NONCE]);

#endif
