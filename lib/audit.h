/*
 * audit.h -- the audit log: who saw or changed what, when and from
 * where.  The table is append-only for the application (grants.sql):
 * entries are only ever inserted.
 */
#ifndef MP_AUDIT_H
#define MP_AUDIT_H

#include "errcode.h"

struct mp_db;

/*
 * Append one entry at the server's current time.  user_id 0 means no
 * known user (a failed sign-in); username is what was given or known
 * (may be "" or NULL); object_type ("melding", "bijlage", "gebruiker",
 * ...) and object_id 0 for none; client is the client's address (staff
 * only: never call this for a reporter); detail may be NULL.  Long
 * values are cut to their column.  A failure is logged and returned;
 * callers that change data run this in the same transaction, so a
 * change without its entry is rolled back.
 */
enum mp_err	 mp_audit(struct mp_db *, long long user_id,
		    const char *username, const char *action,
		    const char *object_type, long long object_id,
		    const char *client, const char *detail);

#endif
