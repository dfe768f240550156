/*
 * audit.c -- appending to the audit log (see audit.h).
 */
#include "config.h"

#include <string.h>

#include "audit.h"
#include "db.h"
#include "errcode.h"
#include "log.h"

static const char *const sql_insert =
	"INSERT INTO audit_log (at, user_id, username, action, object_type,"
	" object_id, client_addr, detail) VALUES (UTC_TIMESTAMP(), ?, ?, ?,"
	" ?, ?, ?, ?)";

/* s cut to at most max characters, on a character boundary. */
static struct mp_dbval
cut(const char *s, size_t max)
{
	size_t	 len, chars = 0, i;

	if (s == NULL)
		s = "";
	len = strlen(s);
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 && chars++ == max)
			break;
	return MP_DBTEXTN(s, i);
}

enum mp_err
mp_audit(struct mp_db *db, long long user_id, const char *username,
    const char *action, const char *object_type, long long object_id,
    const char *client, const char *detail)
{
	struct mp_dbval	 v[7];
	enum mp_err	 er;

	v[0] = user_id > 0 ? MP_DBINT(user_id) : MP_DBNULL();
	v[1] = cut(username, 64);
	v[2] = cut(action, 32);
	v[3] = cut(object_type, 16);
	v[4] = object_id > 0 ? MP_DBINT(object_id) : MP_DBNULL();
	v[5] = cut(client, 45);
	v[6] = cut(detail, 1000);
	/*
	 * A transient error here rolls the whole action back and mp_db_txn
	 * runs it again, logging the retry: not a failure to report yet.
	 */
	er = mp_db_exec(db, sql_insert, v, 7, NULL, NULL);
	if (er == MP_EDBTRANS)
		mp_debugx("%s: %s: %s", __func__, action, mp_err_str(er));
	else if (er != MP_OK)
		mp_errx("%s: %s: %s", __func__, action, mp_err_str(er));
	return er;
}
