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

#endif
