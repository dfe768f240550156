/*
 * presession.h -- the pre-session of a sign-in form, against login
 * CSRF (issue 10, finding 5).  Showing a sign-in form gives the browser
 * a random pre-session id in a cookie of its own and a form token bound
 * to that id (formtoken.h); the POST is accepted only with the cookie,
 * a token bound to it, and only once.  A foreign page could post the
 * attacker's reference and code (or name and password) from a victim's
 * browser, but not with the attacker's cookie, so it cannot sign the
 * victim into the attacker's thread or account.
 *
 * Under TLS (http.secure_cookies) the cookie is "__Host-<name>": the
 * browser then takes it only from this very host over HTTPS with
 * Path=/ and no Domain, so a sibling host or an http:// page cannot
 * plant one (the prefix demands Path=/, hence a name per program).
 * Without TLS (test setups) it is "<name>", limited to the program's
 * path.  Secure, HttpOnly, SameSite=Strict, ending with the browser.
 */
#ifndef MP_PRESESSION_H
#define MP_PRESESSION_H

#include <time.h>

#include "errcode.h"
#include "formtoken.h"

struct mp_db;
struct mp_keys;
struct mp_req;

#define MP_PRESESSION_FEEDBACK	"mp_pre_melding"
#define MP_PRESESSION_DASHBOARD	"mp_pre_dash"

/* How long a sign-in form may be filled in, in seconds. */
#define MP_PRESESSION_TTL	3600

/*
 * The token for a sign-in form into tok, bound to the pre-session of
 * the request's cookie name (see above); a request without a
 * well-formed one gets a new random id, set as the cookie with path
 * (the program's, "/melding/") on the response.  Writes nothing to the
 * database.
 */
enum mp_err	 mp_presession_form(struct mp_req *, const struct mp_keys *,
		    const char *name, const char *path, time_t now,
		    char tok[MP_FORMTOKEN_LEN]);
/*
 * Check a sign-in POST's token against the request's pre-session
 * cookie name and use it up.  MP_OK: go on.  MP_ENOTFOUND: no
 * (well-formed) cookie.  MP_EINVAL: the token is missing, forged,
 * expired or bound to another pre-session (another browser's form).
 * MP_EDUP: the token was used before (it is stored until it expires,
 * table signin_token_used).  A database error as such.
 */
enum mp_err	 mp_presession_check(struct mp_req *, struct mp_db *,
		    const struct mp_keys *, const char *name,
		    const char *token, time_t now);
/*
 * Delete the pre-session cookie at sign-in: the session cookie, with
 * an id of its own (session.h), replaces it.
 */
void		 mp_presession_end(struct mp_req *, const char *name,
		    const char *path);
/* Delete used tokens that have expired (housekeeping). */
enum mp_err	 mp_presession_purge(struct mp_db *, time_t now);

#endif
