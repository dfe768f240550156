/*
 * testdb.h -- a private MariaDB server for the unit tests that need one,
 * started and stopped by tests/lib/mariadb.sh, as the end-to-end harness
 * starts its own, so both run the server the same way.
 */
#ifndef MP_TESTDB_H
#define MP_TESTDB_H

#include "meldpunt.h"

struct testdb {
	char	 dir[64];	/* its directory; mysql.sock is in it */
	char	*top;		/* the source tree ($top_srcdir), owned */
};

/*
 * Start a server in a new directory /tmp/mp-<tag>.XXXXXX.  0 on
 * success; -1 with a "# ..." line on stderr, after which testdb_stop is
 * still safe to call.
 */
int	 testdb_start(struct testdb *, const char *tag);
/* Stop it and remove its directory unless MP_KEEP_DB is set. */
void	 testdb_stop(struct testdb *);

struct mp_conf;
struct mp_db;
/*
 * A configuration for the server: its root over its socket as the
 * application's and the admin user, database meldpunt.  NULL with a
 * "# ..." line on stderr; the caller frees it (mp_conf_free).
 */
struct mp_conf	*testdb_conf(const struct testdb *);
/* Apply the source tree's sql/ on db: 0, or -1 with a "# ..." line. */
int		 testdb_migrate(const struct testdb *, struct mp_db *);

/*
 * What most tests against the database start from: a server, its
 * configuration, a connection to the migrated schema and keys derived
 * from a master key of MP_KEY_LEN bytes of fill (each test its own, so
 * that their hashes differ).
 */
struct testenv {
	struct testdb	 server;
	struct mp_conf	*conf;
	struct mp_db	*db;
	struct mp_keys	 keys;
};

/* 0, or -1 with a "# ..." line; testenv_teardown is safe after both. */
int		 testenv_setup(struct testenv *, const char *tag,
		    unsigned char fill);
void		 testenv_teardown(struct testenv *);
/*
 * The integer in the first column of the first row of sql run with
 * the nv values v: 0 for NULL, -1 on an error or when there is no row.
 */
long long	 testdb_int(struct mp_db *, const char *sql,
		    const struct mp_dbval *v, size_t nv);

#endif
