/*
 * migrate.h -- schema migrations: sql/NNN_name.sql files applied in
 * order, each recorded in schema_migrations (version, name, sha256,
 * applied_at).  A file already applied is never run again; a file whose
 * checksum changed after it was applied is an error, since applied
 * migrations are history and are never edited.
 */
#ifndef MP_MIGRATE_H
#define MP_MIGRATE_H

#include <stddef.h>

#include "errcode.h"

struct mp_db;

/*
 * Apply every migration in dir not yet recorded.  *applied gets how
 * many were applied (0 when the schema was current).  Statements are
 * split at ";" at the end of a line, comments ("-- ") skipped, and each
 * runs as a prepared statement.  On failure a one-line reason naming
 * the file goes to err.
 */
enum mp_err	 mp_migrate(struct mp_db *, const char *dir, int *applied,
		    char *err, size_t errsz);
/*
 * Run every statement of an SQL script (len bytes of text, split as
 * above) as a one-shot prepared statement; for meldpuntctl grants.  On
 * failure *line (may be NULL) gets the line the failing statement
 * starts on.
 */
enum mp_err	 mp_migrate_sql_run(struct mp_db *, const char *text,
    size_t len,
		    int *line);
/* Highest applied version, 0 for an empty database, -1 on error. */
long		 mp_migrate_version(struct mp_db *);

/*
 * The highest version among the migration files of dir into *version
 * (0 when there are none), for meldpuntctl status: the schema is
 * current when mp_migrate_version says the same.  On failure a
 * one-line reason goes to err.
 */
enum mp_err	 mp_migrate_latest(const char *dir, long *version, char *err,
		    size_t errsz);
#endif
