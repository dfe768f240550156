/*
 * testdb.h -- a private MariaDB server for the unit tests that need one,
 * started and stopped by tests/lib/mariadb.sh, as the end-to-end harness
 * starts its own, so both run the server the same way.
 */
#ifndef MP_TESTDB_H
#define MP_TESTDB_H

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

#endif
