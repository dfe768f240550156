/*
 * cover.c -- the owner of table cover (see cover.h).  A cover's days
 * are stored as the dates the coordinator typed and as the UTC
 * instants they begin and end, computed here for Europe/Amsterdam, so
 * that the rule (the view user_team_access, sql/042) compares with
 * UTC_TIMESTAMP() and needs no time zone tables in the server.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cover.h"
#include "db.h"
#include "errcode.h"
#include "nltime.h"
#include "valid.h"

enum stmt {
	STMT_USER_OK,
	STMT_ADD,
	STMT_GET,
	STMT_END,
	STMT_LIST,
	STMT__MAX
};

#define COVER_COLS \
	"c.id, c.user_id, c.colleague_id, u.display_name, k.display_name," \
	" DATE_FORMAT(c.starts_on, '%Y-%m-%d')," \
	" DATE_FORMAT(c.ends_on, '%Y-%m-%d'), c.created_by," \
	" CASE WHEN c.ended_at IS NOT NULL THEN 3" \
	" WHEN c.ends_at <= UTC_TIMESTAMP() THEN 2" \
	" WHEN c.starts_at > UTC_TIMESTAMP() THEN 0 ELSE 1 END" \
	" FROM cover c JOIN app_user u ON u.id = c.user_id" \
	" JOIN app_user k ON k.id = c.colleague_id"

static const char *const stmts[STMT__MAX] = {
	/* STMT_USER_OK: an enabled account, locked while the cover is. */
	"SELECT 1 FROM app_user WHERE id = ? AND disabled = 0 FOR UPDATE",
	/* STMT_ADD */
	"INSERT INTO cover (user_id, colleague_id, starts_on, ends_on,"
	" starts_at, ends_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/* STMT_GET: one that still runs or is still to come. */
	"SELECT " COVER_COLS " WHERE c.id = ? AND c.ended_at IS NULL"
	" AND c.ends_at > UTC_TIMESTAMP() FOR UPDATE",
	/* STMT_END */
	"UPDATE cover SET ended_at = UTC_TIMESTAMP(), ended_by = ?"
	" WHERE id = ? AND ended_at IS NULL",
	/* STMT_LIST */
	"SELECT " COVER_COLS " WHERE c.ends_at > UTC_TIMESTAMP()"
	" - INTERVAL 30 DAY ORDER BY c.starts_on DESC, c.id DESC LIMIT 200",
};

/* The columns of STMT_GET and STMT_LIST. */
enum cover_col {
	CC_ID, CC_USER, CC_COLLEAGUE, CC_USER_NAME, CC_COLLEAGUE_NAME,
	CC_STARTS, CC_ENDS, CC_BY, CC_STATE
};

/* The day number of "YYYY-MM-DD", or -1 when it is no date. */
static long long
day_number(const char *day)
{
	struct tm	 tm;

	if (day == NULL || !mp_valid_date(day, &tm))
		return -1;
	return mp_nltime_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

int
mp_cover_day_start(const char *day, char out[20])
{
	long long	 d = day_number(day);

	if (d < 0)
		return 0;
	mp_nltime_day_start(d, out);
	return 1;
}

static enum mp_err
user_ok(struct mp_db *db, long long id)
{
	struct mp_dbval	 v[1];
	struct mp_stmt	*st;
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_USER_OK], v, 1)) != MP_OK)
		return er;
	er = mp_db_next(st);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_cover_add(struct mp_db *db, long long user, long long colleague,
    const char *starts_on, const char *ends_on, const char *actor,
    long long *id)
{
	struct mp_dbval		 v[7];
	unsigned long long	 newid = 0;
	long long		 s = day_number(starts_on);
	long long		 e = day_number(ends_on);
	char			 from[20], to[20];
	enum mp_err		 er;

	*id = 0;
	if (s < 0 || e < s || user <= 0 || user == colleague ||
	    actor == NULL)
		return MP_EINVAL;
	if ((er = user_ok(db, user)) != MP_OK ||
	    (er = user_ok(db, colleague)) != MP_OK)
		return er;
	mp_nltime_day_start(s, from);
	/* The last day is included: it ends at the next midnight. */
	mp_nltime_day_start(e + 1, to);
	v[0] = MP_DBINT(user);
	v[1] = MP_DBINT(colleague);
	v[2] = MP_DBTEXT(starts_on);
	v[3] = MP_DBTEXT(ends_on);
	v[4] = MP_DBTEXT(from);
	v[5] = MP_DBTEXT(to);
	v[6] = MP_DBTEXT(actor);
	if ((er = mp_db_exec(db, stmts[STMT_ADD], v, 7, NULL, &newid)) ==
	    MP_OK)
		*id = (long long)newid;
	return er;
}

static void
cover_row(struct mp_stmt *st, struct mp_cover *c)
{

	memset(c, 0, sizeof(*c));
	c->id = mp_db_int(st, CC_ID);
	c->user = mp_db_int(st, CC_USER);
	c->colleague = mp_db_int(st, CC_COLLEAGUE);
	(void)snprintf(c->user_name, sizeof(c->user_name), "%s",
	    mp_db_text(st, CC_USER_NAME, NULL));
	(void)snprintf(c->colleague_name, sizeof(c->colleague_name), "%s",
	    mp_db_text(st, CC_COLLEAGUE_NAME, NULL));
	(void)snprintf(c->starts_on, sizeof(c->starts_on), "%s",
	    mp_db_text(st, CC_STARTS, NULL));
	(void)snprintf(c->ends_on, sizeof(c->ends_on), "%s",
	    mp_db_text(st, CC_ENDS, NULL));
	(void)snprintf(c->created_by, sizeof(c->created_by), "%s",
	    mp_db_text(st, CC_BY, NULL));
	c->state = (int)mp_db_int(st, CC_STATE);
}

enum mp_err
mp_cover_end(struct mp_db *db, long long id, const char *actor,
    struct mp_cover *was)
{
	struct mp_cover	 c;
	struct mp_dbval	 v[2];
	struct mp_stmt	*st;
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_GET], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		cover_row(st, &c);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	v[0] = MP_DBTEXT(actor);
	v[1] = MP_DBINT(id);
	if ((er = mp_db_exec(db, stmts[STMT_END], v, 2, NULL, NULL)) ==
	    MP_OK && was != NULL)
		*was = c;
	return er;
}

enum mp_err
mp_cover_list(struct mp_db *db, mp_cover_fn fn, void *arg)
{
	struct mp_cover	 c;
	struct mp_stmt	*st;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_LIST], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		cover_row(st, &c);
		fn(&c, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}
