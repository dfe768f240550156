/*
 * testdb.c -- a private MariaDB server for unit tests (see testdb.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "meldpunt.h"
#include "testdb.h"

/* Run fn of tests/lib/mariadb.sh on dir; system(3)'s status. */
static int
shell(const struct testdb *t, const char *fn)
{
	char	 cmd[1024];
	int	 n;

	n = snprintf(cmd, sizeof(cmd),
	    "sh -c '. \"%s/tests/lib/mariadb.sh\" && %s \"%s\"'",
	    t->top, fn, t->dir);
	if (n < 0 || (size_t)n >= sizeof(cmd))
		return -1;
	return system(cmd);
}

int
testdb_start(struct testdb *t, const char *tag)
{
	const char	*top = getenv("top_srcdir");

	t->dir[0] = '\0';
	t->top = strdup(top != NULL && top[0] != '\0' ? top : ".");
	if (t->top == NULL) {
		fprintf(stderr, "# %s\n", strerror(errno));
		return -1;
	}
	(void)snprintf(t->dir, sizeof(t->dir), "/tmp/mp-%s.XXXXXX", tag);
	if (mkdtemp(t->dir) == NULL) {
		fprintf(stderr, "# mkdtemp: %s\n", strerror(errno));
		t->dir[0] = '\0';
		return -1;
	}
	if (shell(t, "mariadb_start") != 0) {
		/* Keep the directory only if it holds logs to read. */
		(void)shell(t, "mariadb_stop");
		if (rmdir(t->dir) == 0) {
			fprintf(stderr, "# cannot start MariaDB\n");
			t->dir[0] = '\0';
		} else
			fprintf(stderr, "# cannot start MariaDB, see %s\n",
			    t->dir);
		return -1;
	}
	return 0;
}

void
testdb_stop(struct testdb *t)
{
	char	 cmd[256];

	if (t->dir[0] != '\0' && t->top != NULL &&
	    shell(t, "mariadb_stop") == 0 && getenv("MP_KEEP_DB") == NULL) {
		(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->dir);
		(void)system(cmd);
	}
	free(t->top);
	t->top = NULL;
}

struct mp_conf *
testdb_conf(const struct testdb *t)
{
	struct mp_conf	*c = NULL;
	char		 text[512], err[256];

	(void)snprintf(text, sizeof(text),
	    "db.socket = %s/mysql.sock\ndb.user = root\ndb.name = meldpunt\n"
	    "db.admin.user = root\ndb.retries = 3\n", t->dir);
	if (mp_conf_parse(&c, text, err, sizeof(err)) != MP_OK) {
		fprintf(stderr, "# conf: %s\n", err);
		return NULL;
	}
	return c;
}

int
testdb_migrate(const struct testdb *t, struct mp_db *db)
{
	char	 sql[256], err[256];
	int	 applied;

	err[0] = '\0';
	(void)snprintf(sql, sizeof(sql), "%s/sql", t->top);
	if (mp_migrate(db, sql, &applied, err, sizeof(err)) != MP_OK) {
		fprintf(stderr, "# migrate: %s\n", err);
		return -1;
	}
	return 0;
}

int
testenv_setup(struct testenv *e, const char *tag, unsigned char fill)
{
	unsigned char	 master[MP_KEY_LEN];
	int		 rc = -1;

	memset(e, 0, sizeof(*e));
	memset(master, fill, sizeof(master));
	if (testdb_start(&e->server, tag) == 0 &&
	    (e->conf = testdb_conf(&e->server)) != NULL &&
	    mp_db_open(&e->db, e->conf, 1) == MP_OK &&
	    mp_keys_derive(&e->keys, master) == MP_OK &&
	    testdb_migrate(&e->server, e->db) == 0)
		rc = 0;
	else
		fprintf(stderr, "# setup failed\n");
	mp_alloc_wipe(master, sizeof(master));
	return rc;
}

void
testenv_teardown(struct testenv *e)
{

	mp_db_close(e->db);
	e->db = NULL;
	mp_conf_free(e->conf);
	e->conf = NULL;
	mp_keys_wipe(&e->keys);
	testdb_stop(&e->server);
}

long long
testdb_int(struct mp_db *db, const char *sql, const struct mp_dbval *v,
    size_t nv)
{
	struct mp_stmt	*s;
	long long	 r = -1;

	if (mp_db_query(db, &s, sql, v, nv) != MP_OK)
		return -1;
	if (mp_db_next(s) == MP_OK)
		r = mp_db_isnull(s, 0) ? 0 : mp_db_int(s, 0);
	mp_db_done(s);
	return r;
}
