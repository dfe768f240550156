/*
 * test-migrate.c -- schema migrations (lib/migrate.c) against a private
 * MariaDB (tests/lib/mariadb.sh), each test on an empty database and
 * with migration files of its own: only NNN_[a-z0-9_]+.sql files count,
 * applied in numeric order, each once, recorded with its name and the
 * SHA-256 of its text; a missing or unreadable directory or file, an
 * applied file edited or renamed, are refused before anything runs; a
 * failing statement names file and line and the file is not recorded;
 * and mp_migrate_sql_run's splitting (comments, quotes, DELIMITER, the line of
 * the failing statement).  The real sql/ and the splitting of tricky
 * text are also run by test-db (test_migrate, test_migrate_files).
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "testdb.h"

static struct testdb	 S;
static struct mp_conf	*conf;
static struct mp_db	*db;
static char		 dir[64];	/* this test's migration files */

static const char sql_drop[] = "DROP DATABASE IF EXISTS meldpunt";
static const char sql_create[] = "CREATE DATABASE meldpunt";
static const char sql_has_table[] =
    "SELECT COUNT(*) FROM information_schema.tables"
    " WHERE table_schema = DATABASE() AND table_name = ?";
static const char sql_recorded[] =
    "SELECT COUNT(*) FROM schema_migrations WHERE version = ?"
    " AND name = ? AND sha256 = SHA2(?, 256) AND applied_at IS NOT NULL";
static const char sql_nrecorded[] = "SELECT COUNT(*) FROM schema_migrations";

static int
group_setup(void **state)
{

	(void)state;
	if (testdb_start(&S, "test-migrate") != 0 ||
	    (conf = testdb_conf(&S)) == NULL) {
		fprintf(stderr, "# setup failed\n");
		return -1;
	}
	return 0;
}

static int
group_teardown(void **state)
{

	(void)state;
	mp_db_close(db);
	mp_conf_free(conf);
	testdb_stop(&S);
	return 0;
}

/* An empty database meldpunt, a new connection, an empty directory. */
static int
setup(void **state)
{

	(void)state;
	mp_db_close(db);
	db = NULL;
	if (mp_db_open(&db, conf, 1) != MP_OK ||
	    mp_db_exec(db, sql_drop, NULL, 0, NULL, NULL) != MP_OK ||
	    mp_db_exec(db, sql_create, NULL, 0, NULL, NULL) != MP_OK)
		return -1;
	/* Reconnect: the dropped database is no longer the current one. */
	mp_db_close(db);
	db = NULL;
	if (mp_db_open(&db, conf, 1) != MP_OK)
		return -1;
	(void)snprintf(dir, sizeof(dir), "/tmp/mp-test-migrate.XXXXXX");
	return mkdtemp(dir) != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
put(const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

static void
drop(const char *name)
{
	char	 path[256];

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_int_equal(unlink(path), 0);
}

static int
has_table(const char *name)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBTEXT(name);
	return (int)testdb_int(db, sql_has_table, v, 1);
}

static long long
recorded(long version, const char *name, const char *text)
{
	struct mp_dbval	 v[3];

	v[0] = MP_DBINT(version);
	v[1] = MP_DBTEXT(name);
	v[2] = MP_DBTEXT(text);
	return testdb_int(db, sql_recorded, v, 3);
}

static enum mp_err
run(const char *text, int *line)
{

	return mp_migrate_sql_run(db, text, strlen(text), line);
}

static enum mp_err
migrate(int *applied, char *err, size_t errsz)
{

	return mp_migrate(db, dir, applied, err, errsz);
}

/* A fresh database is at version 0; so is one after an empty dir. */
static void
test_empty(void **state)
{
	char	 err[256];
	int	 n = -1;

	(void)state;
	assert_int_equal(mp_migrate_version(db), 0);
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_int_equal(n, 0);
	assert_string_equal(err, "");
	assert_int_equal(mp_migrate_version(db), 0);
	assert_int_equal(testdb_int(db, sql_nrecorded, NULL, 0), 0);
}

/* A directory that is not there: an error naming it, nothing made. */
static void
test_missing_dir(void **state)
{
	char	 err[256];
	int	 n = -1;

	(void)state;
	assert_int_equal(mp_migrate(db, "/nonexistent/mp-sql", &n, err,
	    sizeof(err)), MP_ESYS);
	assert_int_equal(n, 0);
	assert_non_null(strstr(err, "/nonexistent/mp-sql"));
	assert_non_null(strstr(err, strerror(ENOENT)));
	assert_int_equal(has_table("schema_migrations"), 0);
	assert_int_equal(mp_migrate_version(db), 0);
}

/* Files that a typo would hide are not migrations: none of them runs. */
static const char *const not_migrations[] = {
	"01_short.sql", "0004_long.sql", "005_Caps.sql", "006_x.sql~",
	"007_x.SQL", "abc_x.sql", "008_.sql", "009_a-b.sql", "010 x.sql",
	"011_x.sql.orig", "README", ".012_hidden.sql", "013_caf\xc3\xa9.sql",
};

/*
 * Applied in numeric order whatever the directory's order, each
 * recorded with its name and the SHA-256 of its text, and once only.
 */
static void
test_order_and_record(void **state)
{
	static const char	 t1[] =
	    "CREATE TABLE mig_log (n INT AUTO_INCREMENT PRIMARY KEY,"
	    " v INT NOT NULL);\n";
	static const char	 t2[] = "INSERT INTO mig_log (v) VALUES (2);\n";
	static const char	 t10[] =
	    "-- the last\nINSERT INTO mig_log (v) VALUES (10);\n";
	struct mp_stmt		*s;
	char			 err[256];
	int			 n = -1, i;
	size_t			 k;
	const long long		 want[] = { 2, 10 };

	(void)state;
	put("010_c.sql", t10);
	put("002_b.sql", t2);
	put("001_a.sql", t1);
	for (k = 0; k < MP_NELEM(not_migrations); k++)
		put(not_migrations[k], "SELEKT 1;\n");
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_int_equal(n, 3);
	assert_int_equal(mp_migrate_version(db), 10);
	assert_int_equal(testdb_int(db, sql_nrecorded, NULL, 0), 3);
	assert_int_equal(recorded(1, "001_a.sql", t1), 1);
	assert_int_equal(recorded(2, "002_b.sql", t2), 1);
	assert_int_equal(recorded(10, "010_c.sql", t10), 1);
	assert_int_equal(mp_db_query(db, &s,
	    "SELECT v FROM mig_log ORDER BY n", NULL, 0), MP_OK);
	i = 0;
	while (mp_db_next(s) == MP_OK) {
		assert_true(i < 2);
		assert_int_equal(mp_db_int(s, 0), want[i]);
		i++;
	}
	mp_db_done(s);
	assert_int_equal(i, 2);
	/* Again: nothing to do, nothing run twice. */
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_int_equal(n, 0);
	assert_int_equal(testdb_int(db, "SELECT COUNT(*) FROM mig_log", NULL,
	    0), 2);
	/* A new file later on is applied alone. */
	put("011_d.sql", "INSERT INTO mig_log (v) VALUES (11)");
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(mp_migrate_version(db), 11);
	assert_int_equal(testdb_int(db, "SELECT COUNT(*) FROM mig_log", NULL,
	    0), 3);
}

/*
 * An applied file edited or renamed is refused, and refused before the
 * new file beside it runs.
 */
static void
test_refuse_before_change(void **state)
{
	static const char	 t1[] = "CREATE TABLE mig_a (id INT);\n";
	char			 err[256];
	int			 n = -1;

	(void)state;
	put("001_a.sql", t1);
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_int_equal(n, 1);
	put("002_b.sql", "CREATE TABLE mig_b (id INT);\n");

	put("001_a.sql", "CREATE TABLE mig_a (id INT); \n");
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_ECONF);
	assert_string_equal(err,
	    "migration 001_a.sql changed after it was applied");
	assert_int_equal(n, 0);
	assert_int_equal(has_table("mig_b"), 0);
	assert_int_equal(mp_migrate_version(db), 1);

	drop("001_a.sql");
	put("001_other.sql", t1);
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_ECONF);
	assert_string_equal(err,
	    "migration 001_other.sql was applied as 001_a.sql");
	assert_int_equal(has_table("mig_b"), 0);

	/* Two files with one number: refused, naming both. */
	drop("001_other.sql");
	put("001_a.sql", t1);
	put("002_c.sql", "CREATE TABLE mig_c (id INT);\n");
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_ECONF);
	assert_non_null(strstr(err, "002_b.sql"));
	assert_non_null(strstr(err, "002_c.sql"));
	assert_int_equal(has_table("mig_b"), 0);
	assert_int_equal(has_table("mig_c"), 0);

	/* Put right: the new file runs. */
	drop("002_c.sql");
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(has_table("mig_b"), 1);
}

/*
 * A file that cannot be read (here a directory of a migration's name)
 * stops everything before the first statement, naming it.
 */
static void
test_unreadable(void **state)
{
	char	 err[256], path[256];
	int	 n = -1;

	(void)state;
	put("001_a.sql", "CREATE TABLE mig_a (id INT);\n");
	(void)snprintf(path, sizeof(path), "%s/002_dir.sql", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_ESYS);
	assert_non_null(strstr(err, "002_dir.sql"));
	assert_int_equal(n, 0);
	assert_int_equal(has_table("mig_a"), 0);
	assert_int_equal(mp_migrate_version(db), 0);
}

/*
 * A statement that fails: the error names the file, the line the
 * statement starts on and the server's error; the statements before it
 * stay (DDL is not transactional), the file is not recorded, and once
 * mended it runs again in full.
 */
static void
test_failure(void **state)
{
	static const char	 bad[] =
	    "CREATE TABLE IF NOT EXISTS mig_c (id INT);\n"
	    "INSERT INTO mig_c VALUES (1);\n"
	    "\n"
	    "-- a comment\n"
	    "INSERT INTO mig_nope\n"
	    "    VALUES (2);\n"
	    "CREATE TABLE mig_d (id INT);\n";
	static const char	 good[] =
	    "CREATE TABLE IF NOT EXISTS mig_c (id INT);\n"
	    "INSERT INTO mig_c VALUES (1);\n"
	    "CREATE TABLE mig_d (id INT);\n";
	char			 err[256];
	int			 n = -1;

	(void)state;
	put("001_first.sql", "CREATE TABLE mig_first (id INT);\n");
	put("002_x.sql", bad);
	put("003_y.sql", "CREATE TABLE mig_y (id INT);\n");
	assert_int_not_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_non_null(strstr(err, "migration 002_x.sql failed at the"
	    " statement on line 5"));
	assert_non_null(strstr(err, "(error 1146)"));
	assert_int_equal(n, 1);
	assert_int_equal(mp_migrate_version(db), 1);
	assert_int_equal(has_table("mig_first"), 1);
	assert_int_equal(has_table("mig_c"), 1);
	assert_int_equal(has_table("mig_d"), 0);
	assert_int_equal(has_table("mig_y"), 0);
	put("002_x.sql", good);
	assert_int_equal(migrate(&n, err, sizeof(err)), MP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(mp_migrate_version(db), 3);
	assert_int_equal(recorded(2, "002_x.sql", good), 1);
	assert_int_equal(has_table("mig_d"), 1);
	assert_int_equal(has_table("mig_y"), 1);
}

/* mp_migrate_sql_run: what counts as a statement and where it starts. */
static void
test_sql_run(void **state)
{
	static const char	 ok[] =
	    "-- header\n"
	    "\n"
	    "CREATE TABLE run_t (v INT NOT NULL,\n"
	    "    s VARCHAR(20) NOT NULL DEFAULT '');\n"
	    ";\n"
	    "   ;   \n"
	    "INSERT INTO run_t (v) VALUES (5--1); -- 5 minus -1, no comment\n"
	    "INSERT INTO run_t VALUES (1, 'a -- b;');\n"
	    "DELIMITER $$\n"
	    "CREATE FUNCTION run_f() RETURNS INT\n"
	    "BEGIN\n"
	    "\tRETURN 40;\n"
	    "END\n"
	    "$$\n"
	    "DELIMITER ;\n"
	    "INSERT INTO run_t (v) VALUES (run_f() + 2)";
	int			 line = -1;

	(void)state;
	assert_int_equal(run("", &line), MP_OK);
	assert_int_equal(line, 0);
	assert_int_equal(run("-- nothing\n\n;\n", &line), MP_OK);
	assert_int_equal(run(ok, &line), MP_OK);
	assert_int_equal(testdb_int(db, "SELECT COUNT(*) FROM run_t", NULL,
	    0), 3);
	assert_int_equal(testdb_int(db,
	    "SELECT COUNT(*) FROM run_t WHERE v = 6", NULL, 0), 1);
	assert_int_equal(testdb_int(db,
	    "SELECT COUNT(*) FROM run_t WHERE s = 'a -- b;'", NULL, 0), 1);
	assert_int_equal(testdb_int(db,
	    "SELECT COUNT(*) FROM run_t WHERE v = 42", NULL, 0), 1);
	assert_int_equal(line, 16);

	/* The first line of the failing statement, not its last. */
	line = -1;
	assert_int_not_equal(run(
	    "INSERT INTO run_t (v) VALUES (7);\n"
	    "\n"
	    "INSERT INTO\n"
	    "  run_nope (v)\n"
	    "  VALUES (8);\n"
	    "INSERT INTO run_t (v) VALUES (9);\n", &line), MP_OK);
	assert_int_equal(line, 3);
	assert_int_equal(testdb_int(db,
	    "SELECT COUNT(*) FROM run_t WHERE v IN (7, 9)", NULL, 0), 1);
	/* On the first line; NULL for the line is allowed. */
	assert_int_not_equal(run("SELEKT 1;\n", &line), MP_OK);
	assert_int_equal(line, 1);
	assert_int_not_equal(run("SELEKT 1;\n", NULL), MP_OK);
	/*
	 * A quote left open swallows the rest into one statement, which
	 * the server refuses: the second INSERT must not run on its own.
	 */
	assert_int_not_equal(run(
	    "INSERT INTO run_t (v, s) VALUES (10, 'open);\n"
	    "INSERT INTO run_t (v) VALUES (11);\n", &line), MP_OK);
	assert_int_equal(line, 1);
	assert_int_equal(testdb_int(db,
	    "SELECT COUNT(*) FROM run_t WHERE v IN (10, 11)", NULL, 0), 0);
	/* A delimiter longer than 8 is no DELIMITER line. */
	assert_int_not_equal(run("DELIMITER 123456789\nSELECT 1;\n", &line),
	    MP_OK);
	assert_int_equal(line, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_dir, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_order_and_record, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refuse_before_change,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_failure, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sql_run, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
