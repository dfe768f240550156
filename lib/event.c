/*
 * event.c -- the owner of table `event`, a report's history (see
 * event.h).  The C code writes its rows only through mp_event_add.
 * Rows are also written by SQL, in the same statement as what they
 * record, and stay there so that statement keeps being one round
 * trip: the stored function intake_store() (sql/009, 010, 017: a new
 * report's first event) and feedback_reply() (sql/020: the reporter's
 * answer and, from "wacht op melder", the return to "in behandeling").
 * The demo data (cgi/meldpuntctl/seed.c) inserts its history in bulk,
 * many rows a statement, for speed; it writes a fresh database only.
 */
#include "config.h"

#include <stddef.h>

#include "db.h"
#include "event.h"

static const char sql_add[] =
    "INSERT INTO event (report_id, at, kind, actor, detail)"
    " VALUES (?, UTC_TIMESTAMP(), ?, ?, ?)";
static const char sql_add_own[] =
    "INSERT INTO intake_own_event (report_id, at, kind, actor, detail)"
    " VALUES (?, UTC_TIMESTAMP(), ?, ?, ?)";

enum mp_err
mp_event_add(struct mp_db *db, long long report_id, const char *kind,
    const char *actor, const char *detail, long long *id)
{
	struct mp_dbval		 v[4];
	unsigned long long	 newid = 0;
	enum mp_err		 er;

	if (id != NULL)
		*id = 0;
	if (kind == NULL || *kind == '\0' || actor == NULL)
		return MP_EINVAL;
	v[0] = MP_DBINT(report_id);
	v[1] = MP_DBTEXT(kind);
	v[2] = MP_DBTEXT(actor);
	v[3] = MP_DBTEXT(detail != NULL ? detail : "");
	if ((er = mp_db_exec(db, sql_add, v, 4, NULL, &newid)) != MP_OK)
		return er;
	if (id != NULL)
		*id = (long long)newid;
	return MP_OK;
}

enum mp_err
mp_event_add_own(struct mp_db *db, long long report_id, const char *kind,
    const char *actor, const char *detail)
{
	struct mp_dbval		 v[4];

	if (kind == NULL || *kind == '\0' || actor == NULL)
		return MP_EINVAL;
	v[0] = MP_DBINT(report_id);
	v[1] = MP_DBTEXT(kind);
	v[2] = MP_DBTEXT(actor);
	v[3] = MP_DBTEXT(detail != NULL ? detail : "");
	return mp_db_exec(db, sql_add_own, v, 4, NULL, NULL);
}
