/*
 * notice.c -- a user's choice of notices by mail: one row of
 * user_notice per user who changed the defaults.
 */
#include "config.h"

#include <string.h>

#include "db.h"
#include "errcode.h"
#include "notice.h"

static const char sql_get[] =
    "SELECT team_arrival, digest FROM user_notice WHERE user_id = ?";
/* sql_get's columns. */
enum {
	GET_TEAM,
	GET_DIGEST
};
static const char sql_set[] =
    "INSERT INTO user_notice (user_id, team_arrival, digest, updated_at)"
    " VALUES (?, ?, ?, UTC_TIMESTAMP())"
    " ON DUPLICATE KEY UPDATE team_arrival = VALUES(team_arrival),"
    " digest = VALUES(digest), updated_at = VALUES(updated_at)";

enum mp_err
mp_notice_get(struct mp_db *db, long long user_id, struct mp_notice *n)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	n->team_arrival = n->digest = 1;
	if (user_id <= 0)
		return MP_EINVAL;
	v[0] = MP_DBINT(user_id);
	if ((er = mp_db_query(db, &st, sql_get, v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		n->team_arrival = mp_db_int(st, GET_TEAM) != 0;
		n->digest = mp_db_int(st, GET_DIGEST) != 0;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_notice_set(struct mp_db *db, long long user_id,
    const struct mp_notice *n)
{
	struct mp_dbval	 v[3];

	if (user_id <= 0)
		return MP_EINVAL;
	v[0] = MP_DBINT(user_id);
	v[1] = MP_DBINT(n->team_arrival != 0);
	v[2] = MP_DBINT(n->digest != 0);
	return mp_db_exec(db, sql_set, v, 3, NULL, NULL);
}
