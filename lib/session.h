/*
 * session.h -- server-side sessions, of two kinds: a member of staff
 * on the dashboard (table session, owner an app_user) and a reporter
 * on /melding/ (table reporter_session, owner a report).  The cookie
 * holds 32 random bytes (base64url); the database holds only their
 * HMAC under MP_KEY_SESSION, with the owner, a CSRF token, the stage
 * of the sign-in, the last use and an absolute expiry.
 */
#ifndef MP_SESSION_H
#define MP_SESSION_H

#include <time.h>

#include "crypto.h"
#include "errcode.h"

struct mp_db;
struct mp_keys;

#define MP_SESSION_COOKIE	"mp_dash"
#define MP_SESSION_COOKIE_REPORTER "mp_melding"
#define MP_SESSION_TOKEN_LEN	48	/* base64url of 32 bytes + NUL */

enum mp_sess_stage {
	MP_SESS_FULL = 0,	/* signed in */
	MP_SESS_TOTP = 1,	/* password given, TOTP code due */
	MP_SESS_ENROL = 2,	/* password given, TOTP enrolment due */
	MP_SESS_NEWPW = 3	/* password given, but set by someone
				   else: the account's own is due first */
};

/* Whose session: each kind has its own table and cookie. */
enum mp_sess_kind {
	MP_SESS_STAFF = 0,	/* dashboard: user_id is an app_user */
	MP_SESS_REPORTER,	/* /melding/: user_id is a report */
	MP_SESS_KIND__MAX
};

struct mp_session {
	enum mp_sess_kind kind;
	unsigned char	 id_hash[MP_SHA256_LEN];
	long long	 user_id;	/* the owner, by kind */
	char		 csrf[MP_SESSION_TOKEN_LEN];
	enum mp_sess_stage stage;
	time_t		 created, last_seen, expires;
};

/*
 * Start a session of kind for owner user_id at now, lasting at most
 * absolute seconds: a fresh id goes to cookie (to be sent to the
 * client) and the row is stored.  A new session always has a new
 * id, so an id planted before sign-in (session fixation) is worth
 * nothing.
 */
enum mp_err	 mp_session_create(struct mp_db *, const struct mp_keys *,
		    enum mp_sess_kind, long long user_id, enum mp_sess_stage,
		    time_t now, long absolute,
		    char cookie[MP_SESSION_TOKEN_LEN], struct mp_session *);
/*
 * Sign a reporter in: when code_hash is the keyed hash of the code of
 * the report with this reference (mp_report_code_hash), start a
 * session for it as mp_session_create does and return MP_OK with the
 * report's id in s->user_id; MP_ENOTFOUND when the reference or the
 * code is wrong (cookie and s are then cleared).  The database checks
 * the code (sql/020, feedback_session_open), so the program never
 * reads a code hash.  The kind MP_SESS_REPORTER has no other way to
 * start a session: mp_session_create refuses it (MP_EINVAL).
 */
enum mp_err	 mp_session_create_reporter(struct mp_db *,
		    const struct mp_keys *, const char *reference,
		    const unsigned char code_hash[MP_SHA256_LEN], time_t now,
		    long absolute, char cookie[MP_SESSION_TOKEN_LEN],
		    struct mp_session *);
/*
 * Find the session of a cookie value: MP_ENOTFOUND when there is none,
 * or it was idle for more than idle seconds, or past its absolute
 * expiry (such a row is deleted).  The last use is written at most
 * once a minute, so most requests cost one read.
 */
enum mp_err	 mp_session_load(struct mp_db *, const struct mp_keys *,
		    enum mp_sess_kind, const char *cookie, time_t now,
		    long idle, struct mp_session *);
/*
 * A staff session and its user in one statement, for the dashboard's
 * every request.  With username (portal mode): the user of that name
 * into u, MP_ENOTFOUND when there is none; and the session of cookie,
 * whoever owns it, into s with *sess_er MP_OK, or *sess_er MP_ENOTFOUND
 * as mp_session_load would say.  Without username (local mode): the
 * session of cookie and its owner; MP_ENOTFOUND when either is missing
 * (or the session expired: then *sess_er says so too).  Another error
 * (database) is returned as such.
 */
struct mp_user;
enum mp_err	 mp_session_load_user(struct mp_db *, const struct mp_keys *,
		    const char *cookie, const char *username, time_t now,
		    long idle, struct mp_user *u, struct mp_session *s,
		    enum mp_err *sess_er);
/* End the session (logout, or replaced at sign-in). */
enum mp_err	 mp_session_destroy(struct mp_db *, const struct mp_session *);
/*
 * End every session of one owner (a user whose password or second
 * factor was reset: whoever is signed in with the old ones is out).
 */
enum mp_err	 mp_session_end_owner(struct mp_db *, enum mp_sess_kind,
		    long long owner);
/* 1 if token is the session's CSRF token (constant time). */
int		 mp_session_csrf_ok(const struct mp_session *,
		    const char *token);
/* Delete sessions that expired before now (housekeeping). */
enum mp_err	 mp_session_purge(struct mp_db *, enum mp_sess_kind,
		    time_t now, long idle);

#endif
