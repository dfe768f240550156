/*
 * event.h -- a report's history (table `event`): every row written
 * from C goes through mp_event_add.
 */
#ifndef MP_EVENT_H
#define MP_EVENT_H

#include "errcode.h"

struct mp_db;

/*
 * Add a history row to report report_id, dated now: kind ("status",
 * "notitie", ...), actor (a username, "melder", "systeem"), detail
 * (NULL for none).  Its id to *id when id is not NULL.  Runs in the
 * caller's transaction, if any.  MP_EINVAL for a missing kind or actor
 * (nothing written), else the database's error.
 */
enum mp_err	 mp_event_add(struct mp_db *, long long report_id,
		    const char *kind, const char *actor, const char *detail,
		    long long *id);
/*
 * As mp_event_add, for the report intake_store() stored last on this
 * connection (the view intake_own_event, sql/042): the intake's account
 * writes a new report's routing row so, with no right on event.  The
 * database refuses a row of any other report (MP_EDB).
 */
enum mp_err	 mp_event_add_own(struct mp_db *, long long report_id,
		    const char *kind, const char *actor, const char *detail);

#endif
