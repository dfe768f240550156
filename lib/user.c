/*
 * user.c -- users and teams of the dashboard (see user.h).  All SQL is
 * in the table below; the functions are thin wrappers that check their
 * input and bind it.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "keys.h"
#include "role.h"
#include "totp.h"
#include "user.h"
#include "valid.h"

enum stmt {
	STMT_USER_BY_NAME,
	STMT_USER_BY_ID,
	STMT_USER_LOCK,
	STMT_USER_SESSION_BY_NAME,
	STMT_USER_BY_SESSION,
	STMT_USER_INSERT,
	STMT_USER_DISABLE,
	STMT_USER_ROLE,
	STMT_USER_IDENTITY,
	STMT_USER_TOTP_RESET,
	STMT_USER_TOTP_GET,
	STMT_USER_TOTP_SET,
	STMT_USER_TOTP_USE,
	STMT_USER_DISPLAY,
	STMT_USER_PASSWORD,
	STMT_USER_TEMP_PASSWORD,
	STMT_USER_EMAIL,
	STMT_USER_LIST,
	STMT_TEAM_INSERT,
	STMT_TEAM_BY_NAME,
	STMT_TEAM_BY_ID,
	STMT_TEAM_LOCK,
	STMT_TEAM_RENAME,
	STMT_TEAM_ACTIVE,
	STMT_TEAM_LIST,
	STMT_MEMBER_ADD,
	STMT_MEMBER_REMOVE,
	STMT_MEMBER_IS,
	STMT_MEMBER_LIST,
	STMT_TEAM_HANDLERS,
	STMT_TEAM_ACTIVE_NAME,
	STMT_USER_HANDLER_NAME,
	STMT_USER_MAY_HANDLE,
	STMT_USER_ONLY_TEAM,
	STMT_USER_COORDINATORS,
	STMT__MAX
};

/*
 * A user's columns, as user_row reads them (enum ucol), with the teams
 * in the same statement (the work list needs them on every page): the
 * ids as "3,5,8", the LIMIT, one more than MP_USER_TEAMS, telling
 * whether there are more.
 */
#define USER_COLS \
	"u.id, u.username, u.display_name, u.role, u.disabled," \
	" u.password_hash, u.totp_enabled, u.totp_last_step," \
	" (SELECT GROUP_CONCAT(ut.team_id ORDER BY ut.team_id LIMIT 5)" \
	" FROM user_team ut WHERE ut.user_id = u.id)," \
	" u.reporter_identity, u.password_change," \
	" EXISTS (SELECT 1 FROM cover c WHERE c.user_id = u.id" \
	" AND c.ends_at > UTC_TIMESTAMP() AND c.starts_at <= UTC_TIMESTAMP()" \
	" AND c.ended_at IS NULL)"

enum ucol {
	UC_ID,
	UC_USERNAME,
	UC_DISPLAY,
	UC_ROLE,
	UC_DISABLED,
	UC_PWHASH,	/* STMT_USER_LIST: 1 if there is one */
	UC_TOTP,
	UC_TOTP_STEP,
	UC_TEAMS,	/* STMT_USER_LIST: the names, ", " between */
	UC_IDENTITY,
	UC_PWCHANGE,
	UC_COVERING,	/* a cover runs for the user (lib/cover.h) */
	UC__MAX
};

_Static_assert(UC__MAX == MP_USER_SESSION_COL,
    "the session's columns follow the user's (user.h)");

/*
 * The staff session's columns after a user's, in the order
 * lib/session.c reads them (mp_user_get_session).
 */
#define SESS_COLS \
	"s.user_id, s.csrf, s.stage, UNIX_TIMESTAMP(s.created_at)," \
	" UNIX_TIMESTAMP(s.last_seen), UNIX_TIMESTAMP(s.expires_at)"

/* STMT_TEAM_BY_NAME, _BY_ID, _LOCK, _LIST (which adds the count). */
enum tcol {
	TC_ID,
	TC_NAME,
	TC_ACTIVE,
	TC_MEMBERS
};

/* STMT_USER_TOTP_GET */
enum totpcol {
	TOTP_SECRET,
	TOTP_ENABLED,
	TOTP_STEP
};

/* STMT_MEMBER_LIST, STMT_TEAM_HANDLERS */
enum mcol {
	MC_USER,
	MC_TEAM
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_USER_BY_NAME */
	"SELECT " USER_COLS " FROM app_user u WHERE u.username = ?",
	/* STMT_USER_BY_ID */
	"SELECT " USER_COLS " FROM app_user u WHERE u.id = ?",
	/* STMT_USER_LOCK */
	"SELECT " USER_COLS " FROM app_user u WHERE u.id = ? FOR UPDATE",
	/*
	 * STMT_USER_SESSION_BY_NAME: portal mode, the user by name and the
	 * session of the cookie if any.
	 */
	"SELECT " USER_COLS ", s.id_hash IS NOT NULL, " SESS_COLS
	" FROM app_user u LEFT JOIN session s ON s.id_hash = ?"
	" WHERE u.username = ?",
	/* STMT_USER_BY_SESSION: local mode, the session and its owner. */
	"SELECT " USER_COLS ", 1, " SESS_COLS
	" FROM session s JOIN app_user u ON u.id = s.user_id"
	" WHERE s.id_hash = ?",
	/* STMT_USER_INSERT */
	"INSERT INTO app_user (username, display_name, role) VALUES (?, ?, ?)",
	/* STMT_USER_DISABLE */
	"UPDATE app_user SET disabled = ? WHERE id = ?",
	/* STMT_USER_ROLE: the second value says if it keeps identity. */
	"UPDATE app_user SET role = ?, reporter_identity ="
	" reporter_identity AND ? WHERE id = ?",
	/* STMT_USER_IDENTITY */
	"UPDATE app_user SET reporter_identity = ? WHERE id = ?",
	/* STMT_USER_TOTP_RESET */
	"UPDATE app_user SET totp_secret = NULL, totp_enabled = 0,"
	" totp_last_step = 0 WHERE id = ?",
	/* STMT_USER_TOTP_GET */
	"SELECT totp_secret, totp_enabled, totp_last_step FROM app_user"
	" WHERE id = ?",
	/* STMT_USER_TOTP_SET: a new secret only while none is confirmed. */
	"UPDATE app_user SET totp_secret = ?, totp_last_step = -1"
	" WHERE id = ? AND totp_enabled = 0",
	/*
	 * STMT_USER_TOTP_USE: the step moves forward only, in one
	 * statement, so two requests with the same code cannot both
	 * succeed.
	 */
	"UPDATE app_user SET totp_last_step = ?, totp_enabled = 1"
	" WHERE id = ? AND totp_last_step < ? AND totp_secret IS NOT NULL",
	/* STMT_USER_DISPLAY */
	"UPDATE app_user SET display_name = ? WHERE id = ?",
	/* STMT_USER_PASSWORD */
	"UPDATE app_user SET password_hash = ?, password_change = 0"
	" WHERE id = ?",
	/* STMT_USER_TEMP_PASSWORD */
	"UPDATE app_user SET password_hash = ?, password_change = 1"
	" WHERE id = ?",
	/* STMT_USER_EMAIL */
	"UPDATE app_user SET email = ? WHERE id = ?",
	/* STMT_USER_LIST */
	"SELECT u.id, u.username, u.display_name, u.role, u.disabled,"
	" u.password_hash IS NOT NULL, u.totp_enabled, u.totp_last_step,"
	" COALESCE(GROUP_CONCAT(t.name ORDER BY t.name SEPARATOR ', '), ''),"
	" u.reporter_identity, u.password_change"
	" FROM app_user u LEFT JOIN user_team ut ON ut.user_id = u.id"
	" LEFT JOIN team t ON t.id = ut.team_id"
	" GROUP BY u.id ORDER BY u.username",
	/* STMT_TEAM_INSERT */
	"INSERT INTO team (name) VALUES (?)",
	/* STMT_TEAM_BY_NAME */
	"SELECT id, name, active FROM team WHERE name = ?",
	/* STMT_TEAM_BY_ID */
	"SELECT id, name, active FROM team WHERE id = ?",
	/* STMT_TEAM_LOCK */
	"SELECT id, name, active FROM team WHERE id = ? FOR UPDATE",
	/* STMT_TEAM_RENAME */
	"UPDATE team SET name = ? WHERE id = ?",
	/* STMT_TEAM_ACTIVE */
	"UPDATE team SET active = ? WHERE id = ?",
	/* STMT_TEAM_LIST */
	"SELECT t.id, t.name, t.active, COUNT(ut.user_id) FROM team t"
	" LEFT JOIN user_team ut ON ut.team_id = t.id"
	" GROUP BY t.id ORDER BY t.name",
	/* STMT_MEMBER_ADD */
	"INSERT IGNORE INTO user_team (user_id, team_id) VALUES (?, ?)",
	/* STMT_MEMBER_REMOVE */
	"DELETE FROM user_team WHERE user_id = ? AND team_id = ?",
	/* STMT_MEMBER_IS */
	"SELECT 1 FROM user_team WHERE user_id = ? AND team_id = ?",
	/* STMT_MEMBER_LIST */
	"SELECT user_id, team_id FROM user_team",
	/* STMT_TEAM_HANDLERS: the same columns (enum mcol). */
	"SELECT ut.user_id, ut.team_id FROM user_team ut"
	" JOIN app_user u ON u.id = ut.user_id"
	" JOIN team t ON t.id = ut.team_id"
	" WHERE u.role = 'handler' AND u.disabled = 0 AND t.active = 1"
	" ORDER BY ut.team_id, ut.user_id",
	/* STMT_TEAM_ACTIVE_NAME */
	"SELECT name FROM team WHERE id = ? AND active = 1",
	/* STMT_USER_HANDLER_NAME */
	"SELECT display_name FROM app_user WHERE id = ? AND disabled = 0"
	" AND role IN ('handler', 'coordinator')",
	/*
	 * STMT_USER_MAY_HANDLE: a handler sees only the reports of the
	 * own teams, so one can only be given a report of such a team; a
	 * coordinator sees every report.
	 */
	"SELECT 1 FROM app_user u WHERE u.id = ? AND (u.role = 'coordinator'"
	" OR EXISTS (SELECT 1 FROM user_team ut WHERE ut.user_id = u.id"
	" AND ut.team_id = ?))",
	/* STMT_USER_ONLY_TEAM: two rows tell "not exactly one". */
	"SELECT ut.team_id FROM user_team ut JOIN team t ON t.id = ut.team_id"
	" WHERE ut.user_id = ? AND t.active = 1 LIMIT 2",
	/*
	 * STMT_USER_COORDINATORS: the enabled coordinators' names, a
	 * few rows of app_user (a table of staff).
	 */
	"SELECT u.display_name FROM app_user u"
	" WHERE u.role = 'coordinator' AND u.disabled = 0"
	" ORDER BY u.username LIMIT ?",
};

int
mp_user_valid_name(const char *s)
{
	size_t	 n;

	if (s == NULL || !isalnum((unsigned char)s[0]))
		return 0;
	for (n = 0; s[n] != '\0'; n++)
		if (!isalnum((unsigned char)s[n]) &&
		    strchr("._@-", s[n]) == NULL)
			return 0;
	return n <= MP_USERNAME_MAX;
}

static int
valid_name(const char *s, size_t max)
{

	return s != NULL && mp_valid_text(s, strlen(s), max, 0) &&
	    !mp_valid_blank(s, strlen(s));
}

static void
copy(char *dst, size_t dstsz, const char *src)
{

	(void)snprintf(dst, dstsz, "%s", src != NULL ? src : "");
}

/* "3,5,8" into u->teams; more than MP_USER_TEAMS sets teams_more. */
static void
user_teams(struct mp_user *u, const char *s)
{
	char		*end;
	long long	 id;

	for (; s != NULL && *s != '\0'; s = *end == ',' ? end + 1 : end) {
		id = strtoll(s, &end, 10);
		if (end == s || id <= 0)
			break;
		if (u->nteams == MP_USER_TEAMS) {
			u->teams_more = 1;
			break;
		}
		u->teams[u->nteams++] = id;
	}
}

/*
 * The columns of USER_COLS but the teams into u, where STMT_USER_LIST
 * has them too.
 */
static void
user_base(struct mp_stmt *st, struct mp_user *u, char *pwhash)
{
	const char	*pw;

	memset(u, 0, sizeof(*u));
	u->id = mp_db_int(st, UC_ID);
	copy(u->username, sizeof(u->username), mp_db_text(st, UC_USERNAME,
	    NULL));
	copy(u->display, sizeof(u->display), mp_db_text(st, UC_DISPLAY,
	    NULL));
	if (!mp_role_parse(mp_db_text(st, UC_ROLE, NULL), &u->role))
		u->role = MP_ROLE_HANDLER;
	u->disabled = mp_db_int(st, UC_DISABLED) != 0;
	pw = mp_db_isnull(st, UC_PWHASH) ? NULL : mp_db_text(st,
	    UC_PWHASH, NULL);
	u->has_password = pw != NULL && pw[0] != '\0';
	if (pwhash != NULL)
		copy(pwhash, MP_PWHASH_LEN, pw);
	u->totp_enabled = mp_db_int(st, UC_TOTP) != 0;
	u->totp_last_step = mp_db_int(st, UC_TOTP_STEP);
	u->identity = mp_db_int(st, UC_IDENTITY) != 0;
	u->password_change = mp_db_int(st, UC_PWCHANGE) != 0;
}

/* A row of USER_COLS into u. */
static void
user_row(struct mp_stmt *st, struct mp_user *u, char *pwhash)
{

	user_base(st, u, pwhash);
	user_teams(u, mp_db_text(st, UC_TEAMS, NULL));
	u->covering = mp_db_int(st, UC_COVERING) != 0;
}

static enum mp_err
get(struct mp_db *db, enum stmt s, struct mp_dbval v, struct mp_user *u,
    char *pwhash)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, stmts[s], &v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		user_row(st, u, pwhash);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_user_get(struct mp_db *db, const char *username, struct mp_user *u,
    char *pwhash)
{

	if (!mp_user_valid_name(username))
		return MP_ENOTFOUND;
	return get(db, STMT_USER_BY_NAME, MP_DBTEXT(username), u, pwhash);
}

enum mp_err
mp_user_get_id(struct mp_db *db, long long id, struct mp_user *u)
{

	return get(db, STMT_USER_BY_ID, MP_DBINT(id), u, NULL);
}

enum mp_err
mp_user_lock(struct mp_db *db, long long id, struct mp_user *u)
{

	return get(db, STMT_USER_LOCK, MP_DBINT(id), u, NULL);
}

enum mp_err
mp_user_get_session(struct mp_db *db, const char *username,
    const void *id_hash, size_t len, struct mp_user *u,
    struct mp_stmt **stp)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2];
	enum mp_err	 er;

	*stp = NULL;
	if (username != NULL && !mp_user_valid_name(username))
		return MP_ENOTFOUND;
	/* NULL binds NULL: the join then finds no session. */
	v[0] = MP_DBBLOB(id_hash, len);
	v[1] = MP_DBTEXT(username);
	if ((er = mp_db_query(db, &st, stmts[username != NULL ?
	    STMT_USER_SESSION_BY_NAME : STMT_USER_BY_SESSION], v,
	    username != NULL ? 2 : 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		return er;
	}
	user_row(st, u, NULL);
	*stp = st;
	return MP_OK;
}

enum mp_err
mp_user_insert(struct mp_db *db, const char *username, const char *display,
    enum mp_role role, long long *id)
{
	struct mp_dbval		 v[3];
	unsigned long long	 iid = 0;
	enum mp_err		 er;

	if (!mp_user_valid_name(username) || !valid_name(display,
	    MP_DISPLAY_MAX) || (unsigned)role >= MP_ROLE__MAX)
		return MP_EINVAL;
	v[0] = MP_DBTEXT(username);
	v[1] = MP_DBTEXT(display);
	v[2] = MP_DBTEXT(mp_role_name(role));
	er = mp_db_exec(db, stmts[STMT_USER_INSERT], v, 3, NULL, &iid);
	if (er == MP_OK && id != NULL)
		*id = (long long)iid;
	return er;
}

/* An UPDATE of one column of one row by id. */
static enum mp_err
update(struct mp_db *db, enum stmt s, struct mp_dbval val, long long id)
{
	struct mp_dbval		 v[2];

	v[0] = val;
	v[1] = MP_DBINT(id);
	return mp_db_exec(db, stmts[s], v, 2, NULL, NULL);
}

enum mp_err
mp_user_set_disabled(struct mp_db *db, long long id, int disabled)
{

	return update(db, STMT_USER_DISABLE, MP_DBINT(disabled != 0), id);
}

enum mp_err
mp_user_set_role(struct mp_db *db, long long id, enum mp_role role)
{
	struct mp_dbval	 v[3];

	if ((unsigned)role >= MP_ROLE__MAX)
		return MP_EINVAL;
	v[0] = MP_DBTEXT(mp_role_name(role));
	v[1] = MP_DBINT(mp_role_can(role, MP_PERM_REPORTER_ID));
	v[2] = MP_DBINT(id);
	return mp_db_exec(db, stmts[STMT_USER_ROLE], v, 3, NULL, NULL);
}

enum mp_err
mp_user_set_identity(struct mp_db *db, long long id, int on)
{
	struct mp_user	 u;
	enum mp_err	 er;

	if (on) {
		if ((er = mp_user_get_id(db, id, &u)) != MP_OK)
			return er;
		if (!mp_role_can(u.role, MP_PERM_REPORTER_ID))
			return MP_EINVAL;
	}
	return update(db, STMT_USER_IDENTITY, MP_DBINT(on != 0), id);
}

enum mp_err
mp_user_reset_totp(struct mp_db *db, long long id)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(id);
	return mp_db_exec(db, stmts[STMT_USER_TOTP_RESET], v, 1, NULL, NULL);
}

/* The additional data a secret is sealed with: the account's id. */
static void
totp_aad(char aad[32], long long id)
{

	(void)snprintf(aad, 32, "totp:%lld", id);
}

enum mp_err
mp_user_totp_get(struct mp_db *db, const struct mp_keys *keys, long long id,
    struct mp_user_totp *t)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	const char	*box;
	unsigned char	*pt = NULL;
	size_t		 boxlen, ptlen;
	char		 aad[32];
	enum mp_err	 er;

	memset(t, 0, sizeof(*t));
	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_USER_TOTP_GET], v, 1)) !=
	    MP_OK)
		return er;
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		return er;
	}
	t->enabled = mp_db_int(st, TOTP_ENABLED) != 0;
	t->last_step = mp_db_int(st, TOTP_STEP);
	totp_aad(aad, id);
	if (!mp_db_isnull(st, TOTP_SECRET) && (box = mp_db_text(st,
	    TOTP_SECRET, &boxlen)) != NULL && mp_crypto_open(mp_key(keys,
	    MP_KEY_TOTP), aad, strlen(aad), (const unsigned char *)box,
	    boxlen, &pt, &ptlen) == MP_OK) {
		if (ptlen == MP_TOTP_SECRET_LEN) {
			memcpy(t->secret, pt, ptlen);
			t->has_secret = 1;
		}
		mp_alloc_freezero(pt, ptlen);
	}
	mp_db_done(st);
	return MP_OK;
}

enum mp_err
mp_user_totp_set_secret(struct mp_db *db, const struct mp_keys *keys,
    long long id, const unsigned char secret[MP_TOTP_SECRET_LEN])
{
	struct mp_dbval	 v[2];
	unsigned char	*box = NULL;
	size_t		 boxlen = 0;
	char		 aad[32];
	enum mp_err	 er;

	totp_aad(aad, id);
	if ((er = mp_crypto_seal(mp_key(keys, MP_KEY_TOTP), aad, strlen(aad),
	    secret, MP_TOTP_SECRET_LEN, &box, &boxlen)) != MP_OK)
		return er;
	v[0] = MP_DBBLOB(box, boxlen);
	v[1] = MP_DBINT(id);
	er = mp_db_exec(db, stmts[STMT_USER_TOTP_SET], v, 2, NULL, NULL);
	free(box);
	return er;
}

enum mp_err
mp_user_totp_accept_step(struct mp_db *db, long long id, long long step)
{
	struct mp_dbval		 v[3];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	v[0] = MP_DBINT(step);
	v[1] = MP_DBINT(id);
	v[2] = MP_DBINT(step);
	if ((er = mp_db_exec(db, stmts[STMT_USER_TOTP_USE], v, 3, &n,
	    NULL)) != MP_OK)
		return er;
	return n == 1 ? MP_OK : MP_ECRYPTO;
}

enum mp_err
mp_user_set_display(struct mp_db *db, long long id, const char *display)
{

	if (!valid_name(display, MP_DISPLAY_MAX))
		return MP_EINVAL;
	return update(db, STMT_USER_DISPLAY, MP_DBTEXT(display), id);
}

enum mp_err
mp_user_set_email(struct mp_db *db, long long id, const char *email)
{

	if (email != NULL && email[0] == '\0')
		email = NULL;
	if (email != NULL && !mp_valid_email(email))
		return MP_EINVAL;
	return update(db, STMT_USER_EMAIL, MP_DBTEXT(email), id);
}

int
mp_user_password_ok(const char *pw, size_t minlen)
{
	size_t		 len;

	return pw != NULL && (len = strlen(pw)) <= 1024 &&
	    mp_valid_utf8(pw, len) && mp_valid_utf8_chars(pw, len) >= minlen;
}

enum mp_err
mp_user_set_password(struct mp_db *db, long long id, const char *pw,
    size_t minlen)
{
	char		 h[MP_PWHASH_LEN];
	enum mp_err	 er;

	if (!mp_user_password_ok(pw, minlen))
		return MP_EINVAL;
	if ((er = mp_crypto_password_hash(h, pw)) != MP_OK)
		return er;
	er = update(db, STMT_USER_PASSWORD, MP_DBTEXT(h), id);
	mp_alloc_wipe(h, sizeof(h));
	return er;
}

enum mp_err
mp_user_set_temporary_password(struct mp_db *db, long long id,
    const char *hash)
{

	if (hash == NULL || strncmp(hash, "$scrypt$", 8) != 0)
		return MP_EINVAL;
	return update(db, STMT_USER_TEMP_PASSWORD, MP_DBTEXT(hash), id);
}

enum mp_err
mp_user_list(struct mp_db *db, mp_user_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_user	 u;
	const char	*teams;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_USER_LIST], NULL, 0)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		user_base(st, &u, NULL);
		u.has_password = mp_db_int(st, UC_PWHASH) != 0;
		teams = mp_db_text(st, UC_TEAMS, NULL);
		fn(&u, teams != NULL ? teams : "", arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_user_team_insert(struct mp_db *db, const char *name, long long *id)
{
	struct mp_dbval		 v[1];
	unsigned long long	 iid = 0;
	enum mp_err		 er;

	if (!valid_name(name, MP_TEAMNAME_MAX))
		return MP_EINVAL;
	v[0] = MP_DBTEXT(name);
	er = mp_db_exec(db, stmts[STMT_TEAM_INSERT], v, 1, NULL, &iid);
	if (er == MP_OK && id != NULL)
		*id = (long long)iid;
	return er;
}

static enum mp_err
team_get(struct mp_db *db, enum stmt s, struct mp_dbval key,
    struct mp_team *t)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = key;
	if ((er = mp_db_query(db, &st, stmts[s], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		memset(t, 0, sizeof(*t));
		t->id = mp_db_int(st, TC_ID);
		copy(t->name, sizeof(t->name), mp_db_text(st, TC_NAME,
		    NULL));
		t->active = mp_db_int(st, TC_ACTIVE) != 0;
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_user_team_get(struct mp_db *db, const char *name, struct mp_team *t)
{

	if (!valid_name(name, MP_TEAMNAME_MAX))
		return MP_ENOTFOUND;
	return team_get(db, STMT_TEAM_BY_NAME, MP_DBTEXT(name), t);
}

enum mp_err
mp_user_team_get_id(struct mp_db *db, long long id, struct mp_team *t)
{

	return team_get(db, STMT_TEAM_BY_ID, MP_DBINT(id), t);
}

enum mp_err
mp_user_team_lock(struct mp_db *db, long long id, struct mp_team *t)
{

	return team_get(db, STMT_TEAM_LOCK, MP_DBINT(id), t);
}

enum mp_err
mp_user_team_rename(struct mp_db *db, long long id, const char *name)
{

	if (!valid_name(name, MP_TEAMNAME_MAX))
		return MP_EINVAL;
	return update(db, STMT_TEAM_RENAME, MP_DBTEXT(name), id);
}

enum mp_err
mp_user_team_set_active(struct mp_db *db, long long id, int active)
{

	return update(db, STMT_TEAM_ACTIVE, MP_DBINT(active != 0), id);
}

enum mp_err
mp_user_team_list(struct mp_db *db, mp_team_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_team	 t;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_TEAM_LIST], NULL, 0)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		memset(&t, 0, sizeof(t));
		t.id = mp_db_int(st, TC_ID);
		copy(t.name, sizeof(t.name), mp_db_text(st, TC_NAME, NULL));
		t.active = mp_db_int(st, TC_ACTIVE) != 0;
		t.members = mp_db_int(st, TC_MEMBERS);
		fn(&t, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

static enum mp_err
member(struct mp_db *db, enum stmt s, long long team, long long user)
{
	struct mp_dbval	 v[2];

	v[0] = MP_DBINT(user);
	v[1] = MP_DBINT(team);
	return mp_db_exec(db, stmts[s], v, 2, NULL, NULL);
}

enum mp_err
mp_user_team_add_member(struct mp_db *db, long long team, long long user)
{

	return member(db, STMT_MEMBER_ADD, team, user);
}

enum mp_err
mp_user_team_remove_member(struct mp_db *db, long long team, long long user)
{

	return member(db, STMT_MEMBER_REMOVE, team, user);
}

int
mp_user_team_is_member(struct mp_db *db, long long team, long long user)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2];
	enum mp_err	 er;

	v[0] = MP_DBINT(user);
	v[1] = MP_DBINT(team);
	if (mp_db_query(db, &st, stmts[STMT_MEMBER_IS], v, 2) != MP_OK)
		return -1;
	er = mp_db_next(st);
	mp_db_done(st);
	return er == MP_OK ? 1 : er == MP_ENOTFOUND ? 0 : -1;
}

static enum mp_err
members(struct mp_db *db, enum stmt s, mp_member_fn fn, void *arg)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, stmts[s], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, MC_USER), mp_db_int(st, MC_TEAM), arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_user_team_members(struct mp_db *db, mp_member_fn fn, void *arg)
{

	return members(db, STMT_MEMBER_LIST, fn, arg);
}

enum mp_err
mp_user_team_handlers(struct mp_db *db, mp_member_fn fn, void *arg)
{

	return members(db, STMT_TEAM_HANDLERS, fn, arg);
}

/* The one text column of statement st for id, into out (sz bytes). */
static enum mp_err
name_of(struct mp_db *db, enum stmt st, long long id, char *out, size_t sz)
{
	struct mp_stmt	*q;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &q, stmts[st], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(q)) == MP_OK)
		(void)snprintf(out, sz, "%s", mp_db_text(q, 0, NULL));
	mp_db_done(q);
	return er;
}

enum mp_err
mp_user_team_active_name(struct mp_db *db, long long id, char *name, size_t sz)
{

	return name_of(db, STMT_TEAM_ACTIVE_NAME, id, name, sz);
}

enum mp_err
mp_user_handler_name(struct mp_db *db, long long id, char *display,
    size_t sz)
{

	return name_of(db, STMT_USER_HANDLER_NAME, id, display, sz);
}

enum mp_err
mp_user_may_handle(struct mp_db *db, long long user, long long team)
{
	struct mp_stmt	*q;
	struct mp_dbval	 v[2];
	enum mp_err	 er;

	v[0] = MP_DBINT(user);
	v[1] = team > 0 ? MP_DBINT(team) : MP_DBNULL();
	if ((er = mp_db_query(db, &q, stmts[STMT_USER_MAY_HANDLE], v, 2)) !=
	    MP_OK)
		return er;
	er = mp_db_next(q);
	mp_db_done(q);
	return er;
}

enum mp_err
mp_user_only_team(struct mp_db *db, long long user, long long *team)
{
	struct mp_stmt	*q;
	struct mp_dbval	 v[1];
	size_t		 n = 0;
	enum mp_err	 er;

	*team = 0;
	v[0] = MP_DBINT(user);
	if ((er = mp_db_query(db, &q, stmts[STMT_USER_ONLY_TEAM], v, 1)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(q)) == MP_OK)
		if (n++ == 0)
			*team = mp_db_int(q, 0);
	mp_db_done(q);
	if (n != 1)
		*team = 0;
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_user_coordinators(struct mp_db *db, unsigned limit, mp_user_name_fn fn,
    void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	const char	*name;
	enum mp_err	 er;

	if (limit < 1 || limit > 1000)
		return MP_EINVAL;
	v[0] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, stmts[STMT_USER_COORDINATORS], v,
	    1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		if ((name = mp_db_text(st, 0, NULL)) != NULL)
			fn(name, arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}
