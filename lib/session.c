/*
 * session.c -- server-side sessions (see session.h).  Both kinds run
 * the same code; only their statements differ, one set per table,
 * since SQL text is never assembled.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "keys.h"
#include "session.h"
#include "user.h"

/*
 * Seconds between writes of last_seen: at most a minute, and at most a
 * quarter of the idle time, or a user active more often than every
 * TOUCH_EVERY seconds could still time out when idle is that short.
 */
#define TOUCH_EVERY	60

enum stmt {
	STMT_INSERT,
	STMT_GET,
	STMT_TOUCH,
	STMT_DELETE,
	STMT_PURGE,
	STMT_END_OWNER,
	STMT_BIND,		/* reporters only */
	STMT_OPEN,		/* reporters only */
	STMT__MAX
};

/*
 * A session's six columns as sess_row() reads them, in STMT_GET and,
 * for a staff session with its user, in lib/user.c's
 * mp_user_get_session; the table aliased "s".
 */
#define SESS_COLS(owner) \
	"s." owner ", s.csrf, s.stage, UNIX_TIMESTAMP(s.created_at)," \
	" UNIX_TIMESTAMP(s.last_seen), UNIX_TIMESTAMP(s.expires_at)"

/*
 * SESS_COLS' columns (and those of the reporter's STMT_GET, in the same
 * order), counted from the first, the owner: user or report id.
 */
enum {
	SESS_OWNER,
	SESS_CSRF,
	SESS_STAGE,
	SESS_CREATED,
	SESS_LAST_SEEN,
	SESS_EXPIRES
};

#define SESSION_STMTS(table, owner) { \
	/* STMT_INSERT */ \
	"INSERT INTO " table " (id_hash, " owner ", csrf, stage, created_at," \
	" last_seen, expires_at) VALUES (?, ?, ?, ?, FROM_UNIXTIME(?)," \
	" FROM_UNIXTIME(?), FROM_UNIXTIME(?))", \
	/* STMT_GET */ \
	"SELECT " SESS_COLS(owner) " FROM " table " s WHERE s.id_hash = ?", \
	/* STMT_TOUCH */ \
	"UPDATE " table " SET last_seen = FROM_UNIXTIME(?)" \
	" WHERE id_hash = ?", \
	/* STMT_DELETE */ \
	"DELETE FROM " table " WHERE id_hash = ?", \
	/* STMT_PURGE */ \
	"DELETE FROM " table " WHERE expires_at < FROM_UNIXTIME(?)" \
	" OR last_seen < FROM_UNIXTIME(?)", \
	/* STMT_END_OWNER */ \
	"DELETE FROM " table " WHERE " owner " = ?", \
	/* STMT_BIND, STMT_OPEN */ \
	NULL, NULL, \
}

/*
 * A reporter's session is reached only through sql/020, which runs as
 * its definer: meldpunt-feedback's account has no right on
 * reporter_session (nor on the report), so a taken-over follow-up
 * cannot list sessions to borrow one.  STMT_BIND puts the keyed hash
 * of the cookie on the connection; feedback_own_session and the other
 * views show the rows of that session's report only.  A session is
 * created by feedback_session_open() with the reporter's code
 * (mp_session_create_reporter), never by STMT_INSERT.
 */
static const char *const stmts[MP_SESS_KIND__MAX][STMT__MAX] = {
	[MP_SESS_STAFF] = SESSION_STMTS("session", "user_id"),
	[MP_SESS_REPORTER] = {
		/* STMT_INSERT */
		NULL,
		/* STMT_GET: of the session bound by STMT_BIND. */
		"SELECT report_id, csrf, stage, UNIX_TIMESTAMP(created_at),"
		" UNIX_TIMESTAMP(last_seen), UNIX_TIMESTAMP(expires_at)"
		" FROM feedback_own_session",
		/* STMT_TOUCH */
		"SELECT feedback_session_touch(?, ?)",
		/* STMT_DELETE */
		"SELECT feedback_session_end(?)",
		/* STMT_PURGE */
		"SELECT feedback_session_purge(?, ?)",
		/* STMT_END_OWNER: the dashboard's, on the table itself. */
		"DELETE FROM reporter_session WHERE report_id = ?",
		/* STMT_BIND */
		"SET @meldpunt_reporter_session = ?",
		/* STMT_OPEN */
		"SELECT feedback_session_open(?, ?, ?, ?, ?, ?, ?)",
	},
};

/* The reporter's STMT_OPEN's column: the report's id, 0 if refused. */
enum {
	OPEN_REPORT
};

/* The statement s of a session's kind (an unknown kind is staff's). */
#define SQL(kind, s)	stmts[(unsigned)(kind) < MP_SESS_KIND__MAX ? \
			    (kind) : MP_SESS_STAFF][(s)]

static enum mp_err
hash_id(const struct mp_keys *keys, const void *id, size_t len,
    unsigned char out[MP_SHA256_LEN])
{

	return mp_crypto_hmac_sha256(out, mp_key(keys, MP_KEY_SESSION),
	    MP_KEY_LEN,
	    id, len);
}

enum mp_err
mp_session_create(struct mp_db *db, const struct mp_keys *keys,
    enum mp_sess_kind kind, long long user_id, enum mp_sess_stage stage,
    time_t now, long absolute, char cookie[MP_SESSION_TOKEN_LEN],
    struct mp_session *s)
{
	struct mp_dbval	 v[7];
	unsigned char	 id[32];
	enum mp_err	 er;

	memset(s, 0, sizeof(*s));
	if (SQL(kind, STMT_INSERT) == NULL)
		return MP_EINVAL;
	if ((er = mp_crypto_random(id, sizeof(id))) != MP_OK ||
	    (er = mp_crypto_token(s->csrf, sizeof(s->csrf), 32)) != MP_OK ||
	    (er = hash_id(keys, id, sizeof(id), s->id_hash)) != MP_OK)
		goto out;
	mp_crypto_b64url(cookie, id, sizeof(id));
	s->kind = kind;
	s->user_id = user_id;
	s->stage = stage;
	s->created = s->last_seen = now;
	s->expires = now + absolute;
	v[0] = MP_DBBLOB(s->id_hash, sizeof(s->id_hash));
	v[1] = MP_DBINT(user_id);
	v[2] = MP_DBTEXT(s->csrf);
	v[3] = MP_DBINT(stage);
	v[4] = MP_DBINT((long long)now);
	v[5] = MP_DBINT((long long)now);
	v[6] = MP_DBINT((long long)s->expires);
	er = mp_db_exec(db, SQL(kind, STMT_INSERT), v, 7, NULL, NULL);
out:
	mp_alloc_wipe(id, sizeof(id));
	return er;
}

enum mp_err
mp_session_create_reporter(struct mp_db *db, const struct mp_keys *keys,
    const char *reference, const unsigned char code_hash[MP_SHA256_LEN],
    time_t now, long absolute, char cookie[MP_SESSION_TOKEN_LEN],
    struct mp_session *s)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[7];
	unsigned char	 id[32];
	enum mp_err	 er;

	memset(s, 0, sizeof(*s));
	cookie[0] = '\0';
	if ((er = mp_crypto_random(id, sizeof(id))) != MP_OK ||
	    (er = mp_crypto_token(s->csrf, sizeof(s->csrf), 32)) != MP_OK ||
	    (er = hash_id(keys, id, sizeof(id), s->id_hash)) != MP_OK)
		goto out;
	s->kind = MP_SESS_REPORTER;
	s->stage = MP_SESS_FULL;
	s->created = s->last_seen = now;
	s->expires = now + absolute;
	v[0] = MP_DBTEXT(reference);
	v[1] = MP_DBBLOB(code_hash, MP_SHA256_LEN);
	v[2] = MP_DBBLOB(s->id_hash, sizeof(s->id_hash));
	v[3] = MP_DBTEXT(s->csrf);
	v[4] = MP_DBINT(MP_SESS_FULL);
	v[5] = MP_DBINT((long long)now);
	v[6] = MP_DBINT((long long)s->expires);
	if ((er = mp_db_query(db, &st, SQL(MP_SESS_REPORTER, STMT_OPEN), v,
	    7)) != MP_OK)
		goto out;
	if ((er = mp_db_next(st)) == MP_OK)
		s->user_id = mp_db_int(st, OPEN_REPORT);
	mp_db_done(st);
	if (er == MP_ENOTFOUND)
		er = MP_EDB;
	if (er == MP_OK && s->user_id <= 0)
		er = MP_ENOTFOUND;
	if (er == MP_OK)
		mp_crypto_b64url(cookie, id, sizeof(id));
out:
	if (er != MP_OK)
		memset(s, 0, sizeof(*s));
	mp_alloc_wipe(id, sizeof(id));
	return er;
}

/* The session columns of the current row, from column c, into s. */
static void
sess_row(struct mp_stmt *st, unsigned c, struct mp_session *s)
{
	const char	*csrf;

	s->user_id = mp_db_int(st, c + SESS_OWNER);
	csrf = mp_db_text(st, c + SESS_CSRF, NULL);
	(void)snprintf(s->csrf, sizeof(s->csrf), "%s",
	    csrf != NULL ? csrf : "");
	s->stage = (enum mp_sess_stage)mp_db_int(st, c + SESS_STAGE);
	s->created = (time_t)mp_db_int(st, c + SESS_CREATED);
	s->last_seen = (time_t)mp_db_int(st, c + SESS_LAST_SEEN);
	s->expires = (time_t)mp_db_int(st, c + SESS_EXPIRES);
}

/*
 * A session just read: MP_ENOTFOUND (and the row deleted) when it is
 * past its expiry or idle too long; its last use written when due.
 */
static enum mp_err
sess_check(struct mp_db *db, struct mp_session *s, time_t now, long idle)
{
	struct mp_dbval	 v[2];
	long		 touch;
	enum mp_err	 er;

	if (now >= s->expires || now - s->last_seen > idle) {
		(void)mp_session_destroy(db, s);
		return MP_ENOTFOUND;
	}
	touch = idle / 4 < TOUCH_EVERY ? idle / 4 : TOUCH_EVERY;
	if (now - s->last_seen >= touch) {
		v[0] = MP_DBINT((long long)now);
		v[1] = MP_DBBLOB(s->id_hash, sizeof(s->id_hash));
		if ((er = mp_db_exec(db, SQL(s->kind, STMT_TOUCH), v, 2, NULL,
		    NULL)) != MP_OK)
			return er;
		s->last_seen = now;
	}
	return MP_OK;
}

/* The id hash of a cookie value into s; MP_ENOTFOUND if malformed. */
static enum mp_err
sess_hash(const struct mp_keys *keys, const char *cookie,
    struct mp_session *s)
{
	unsigned char	 id[32];
	enum mp_err	 er;

	if (cookie == NULL || strlen(cookie) != 43 ||
	    mp_crypto_unb64url(id, sizeof(id), cookie) != (long)sizeof(id))
		return MP_ENOTFOUND;
	er = hash_id(keys, id, sizeof(id), s->id_hash);
	mp_alloc_wipe(id, sizeof(id));
	return er;
}

enum mp_err
mp_session_load(struct mp_db *db, const struct mp_keys *keys,
    enum mp_sess_kind kind, const char *cookie, time_t now, long idle,
    struct mp_session *s)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er, her;

	memset(s, 0, sizeof(*s));
	s->kind = kind;
	her = sess_hash(keys, cookie, s);
	/*
	 * A reporter's connection is bound to this cookie's session or,
	 * without one, to none: never to the last request's.
	 */
	if (SQL(kind, STMT_BIND) != NULL) {
		v[0] = her == MP_OK ? MP_DBBLOB(s->id_hash,
		    sizeof(s->id_hash)) : MP_DBNULL();
		if ((er = mp_db_bind(db, SQL(kind, STMT_BIND), v, 1)) !=
		    MP_OK)
			return er;
	}
	if (her != MP_OK)
		return her;
	v[0] = MP_DBBLOB(s->id_hash, sizeof(s->id_hash));
	if ((er = mp_db_query(db, &st, SQL(kind, STMT_GET), v,
	    SQL(kind, STMT_BIND) != NULL ? 0 : 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		sess_row(st, 0, s);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	return sess_check(db, s, now, idle);
}

enum mp_err
mp_session_load_user(struct mp_db *db, const struct mp_keys *keys,
    const char *cookie, const char *username, time_t now, long idle,
    struct mp_user *u, struct mp_session *s, enum mp_err *sess_er)
{
	struct mp_stmt	*st;
	enum mp_err	 er, her;
	int		 have;

	memset(u, 0, sizeof(*u));
	memset(s, 0, sizeof(*s));
	s->kind = MP_SESS_STAFF;
	*sess_er = MP_ENOTFOUND;
	her = sess_hash(keys, cookie, s);
	if (her != MP_OK && her != MP_ENOTFOUND)
		return her;
	if (username == NULL && her != MP_OK)
		return MP_ENOTFOUND;
	/* A malformed cookie looks for no session. */
	if ((er = mp_user_get_session(db, username, her == MP_OK ?
	    s->id_hash : NULL, sizeof(s->id_hash), u, &st)) != MP_OK)
		return er;
	if ((have = mp_db_int(st, MP_USER_SESSION_COL) != 0))
		sess_row(st, MP_USER_SESSION_COL + 1, s);
	mp_db_done(st);
	if (have)
		*sess_er = sess_check(db, s, now, idle);
	if (*sess_er != MP_OK && *sess_er != MP_ENOTFOUND)
		return *sess_er;
	return username == NULL ? *sess_er : MP_OK;
}

enum mp_err
mp_session_destroy(struct mp_db *db, const struct mp_session *s)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBBLOB(s->id_hash, sizeof(s->id_hash));
	return mp_db_exec(db, SQL(s->kind, STMT_DELETE), v, 1, NULL, NULL);
}

enum mp_err
mp_session_end_owner(struct mp_db *db, enum mp_sess_kind kind,
    long long owner)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(owner);
	return mp_db_exec(db, SQL(kind, STMT_END_OWNER), v, 1, NULL, NULL);
}

int
mp_session_csrf_ok(const struct mp_session *s, const char *token)
{
	size_t	 len;

	if (token == NULL || s->csrf[0] == '\0')
		return 0;
	len = strlen(s->csrf);
	return strlen(token) == len && mp_crypto_ct_equal(token, s->csrf, len);
}

enum mp_err
mp_session_purge(struct mp_db *db, enum mp_sess_kind kind, time_t now,
    long idle)
{
	struct mp_dbval	 v[2];

	v[0] = MP_DBINT((long long)now);
	v[1] = MP_DBINT((long long)(now - idle));
	return mp_db_exec(db, SQL(kind, STMT_PURGE), v, 2, NULL, NULL);
}
