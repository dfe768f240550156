/*
 * test-conf.c -- the HDF configuration: parsing, typed lookups with
 * defaults and ranges, child iteration, load errors, path precedence,
 * the walk over every value.
 */
#include "config.h"

#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

#include "util.h"

static const char sample[] =
	"# a comment\n"
	"db {\n"
	"  socket = /run/mysqld/mysqld.sock\n"
	"  port = 3306\n"
	"  retries = 3\n"
	"  timeout = 12x\n"
	"  big = 99999999999999999999\n"
	"  negative = -5\n"
	"  empty =\n"
	"}\n"
	"log.level = debug\n"
	"flags {\n"
	"  a = yes\n  b = No\n  c = TRUE\n  d = off\n  e = 1\n  f = 0\n"
	"  g = maybe\n  h = on\n"
	"}\n"
	"intake.audiences {\n"
	"  bewoners {\n    title = Bewoners\n  }\n"
	"  medewerkers {\n    title = Medewerkers\n  }\n"
	"  ondernemers.title = Ondernemers\n"
	"}\n"
	"intro << EOM\n"
	"Regel een\n"
	"Regel twee\n"
	"EOM\n";

static void
test_parse_str(void **state)
{
	struct mp_conf	*c;
	char		 err[256];

	(void)state;
	err[0] = '\0';
	assert_int_equal(mp_conf_parse(&c, sample, err, sizeof(err)), MP_OK);
	assert_string_equal(err, "");
	assert_string_equal(mp_conf_str(c, "db.socket", "x"),
	    "/run/mysqld/mysqld.sock");
	assert_string_equal(mp_conf_str(c, "log.level", NULL), "debug");
	assert_string_equal(mp_conf_str(c, "intake.audiences.bewoners.title",
	    NULL), "Bewoners");
	assert_string_equal(mp_conf_str(c,
	    "intake.audiences.ondernemers.title", NULL), "Ondernemers");
	/* ClearSilver keeps the last newline of a here-document. */
	assert_string_equal(mp_conf_str(c, "intro", NULL),
	    "Regel een\nRegel twee\n");
	assert_string_equal(mp_conf_str(c, "db.nothere", "dflt"), "dflt");
	assert_null(mp_conf_str(c, "nothere", NULL));
	assert_string_equal(mp_conf_str(c, "db.empty", "dflt"), "");
	assert_string_equal(mp_conf_file(c), "");
	mp_conf_free(c);
	mp_conf_free(NULL);
}

static void
test_int(void **state)
{
	struct mp_conf	*c;
	char		 err[256];

	(void)state;
	assert_int_equal(mp_conf_parse(&c, sample, err, sizeof(err)), MP_OK);
	assert_int_equal(mp_conf_int(c, "db.port", 1, 1, 65535), 3306);
	assert_int_equal(mp_conf_int(c, "db.negative", 0, -10, 10), -5);
	/* Unset or empty: the default, silently. */
	assert_int_equal(mp_conf_int(c, "db.nothere", 42, 1, 100), 42);
	assert_int_equal(mp_conf_int(c, "db.empty", 42, 1, 100), 42);
	/* Out of range, junk, overflow: the default. */
	assert_int_equal(mp_conf_int(c, "db.port", 7, 1, 1024), 7);
	assert_int_equal(mp_conf_int(c, "db.retries", 7, 4, 10), 7);
	assert_int_equal(mp_conf_int(c, "db.timeout", 30, 1, 100), 30);
	assert_int_equal(mp_conf_int(c, "db.socket", 30, 1, 100), 30);
	assert_int_equal(mp_conf_int(c, "db.big", 5, 0, LLONG_MAX), 5);
	assert_int_equal(mp_conf_int(c, "db.negative", 0, 0, 10), 0);
	/* The bounds are inclusive. */
	assert_int_equal(mp_conf_int(c, "db.retries", 0, 3, 3), 3);

	assert_true(mp_conf_check_int(c, "db.port", 1, 65535));
	assert_true(mp_conf_check_int(c, "db.nothere", 1, 2));
	assert_true(mp_conf_check_int(c, "db.empty", 1, 2));
	assert_false(mp_conf_check_int(c, "db.port", 1, 1024));
	assert_false(mp_conf_check_int(c, "db.timeout", 1, 100));
	assert_false(mp_conf_check_int(c, "db.big", 0, LLONG_MAX));
	assert_false(mp_conf_check_int(c, "log.level", 0, 10));
	mp_conf_free(c);
}

static void
test_int_warns(void **state)
{
	struct mp_conf	*c;
	char		 err[256], logpath[] = "/tmp/test-conf-log.XXXXXX";
	char		 buf[1024];
	ssize_t		 n;
	int		 fd;

	(void)state;
	assert_true((fd = mkstemp(logpath)) != -1);
	assert_int_equal(mp_log_open("test-conf", logpath, MP_LOG_DEBUG),
	    MP_OK);
	assert_int_equal(mp_conf_parse(&c, sample, err, sizeof(err)), MP_OK);
	assert_int_equal(mp_conf_int(c, "db.timeout", 30, 1, 100), 30);
	assert_int_equal(mp_conf_bool(c, "flags.g", 1), 1);
	mp_conf_free(c);
	mp_log_close();
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	unlink(logpath);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_non_null(strstr(buf, "db.timeout"));
	assert_non_null(strstr(buf, "12x"));
	assert_non_null(strstr(buf, "flags.g"));
}

static void
test_bool(void **state)
{
	struct mp_conf	*c;
	char		 err[256];

	(void)state;
	assert_int_equal(mp_conf_parse(&c, sample, err, sizeof(err)), MP_OK);
	assert_int_equal(mp_conf_bool(c, "flags.a", 0), 1);
	assert_int_equal(mp_conf_bool(c, "flags.b", 1), 0);
	assert_int_equal(mp_conf_bool(c, "flags.c", 0), 1);
	assert_int_equal(mp_conf_bool(c, "flags.d", 1), 0);
	assert_int_equal(mp_conf_bool(c, "flags.e", 0), 1);
	assert_int_equal(mp_conf_bool(c, "flags.f", 1), 0);
	assert_int_equal(mp_conf_bool(c, "flags.h", 0), 1);
	/* Junk and unset give the default, whichever it is. */
	assert_int_equal(mp_conf_bool(c, "flags.g", 0), 0);
	assert_int_equal(mp_conf_bool(c, "flags.g", 1), 1);
	assert_int_equal(mp_conf_bool(c, "flags.z", 0), 0);
	assert_int_equal(mp_conf_bool(c, "flags.z", 1), 1);
	assert_int_equal(mp_conf_bool(c, "db.empty", 1), 1);
	/* check-config's judgement is mp_conf_bool's. */
	assert_true(mp_conf_check_bool(c, "flags.b"));
	assert_true(mp_conf_check_bool(c, "flags.h"));
	assert_true(mp_conf_check_bool(c, "flags.z"));
	assert_true(mp_conf_check_bool(c, "db.empty"));
	assert_false(mp_conf_check_bool(c, "flags.g"));
	assert_false(mp_conf_check_bool(c, "db.port"));
	mp_conf_free(c);
}

static void
test_child(void **state)
{
	struct mp_conf	*c;
	char		 err[256];
	void		*cur = NULL;
	const char	*name;

	(void)state;
	assert_int_equal(mp_conf_parse(&c, sample, err, sizeof(err)), MP_OK);
	/* In file order. */
	assert_string_equal(mp_conf_child(c, "intake.audiences", &cur),
	    "bewoners");
	assert_string_equal(mp_conf_child(c, "intake.audiences", &cur),
	    "medewerkers");
	assert_string_equal(mp_conf_child(c, "intake.audiences", &cur),
	    "ondernemers");
	assert_null(mp_conf_child(c, "intake.audiences", &cur));
	assert_null(cur);

	/* A missing node and a leaf have no children. */
	cur = NULL;
	assert_null(mp_conf_child(c, "nothere", &cur));
	cur = NULL;
	assert_null(mp_conf_child(c, "db.port", &cur));

	/* The top level. */
	cur = NULL;
	assert_string_equal(mp_conf_child(c, NULL, &cur), "db");
	assert_string_equal(mp_conf_child(c, NULL, &cur), "log");
	assert_string_equal(mp_conf_child(c, NULL, &cur), "flags");
	assert_string_equal(mp_conf_child(c, NULL, &cur), "intake");
	assert_string_equal(mp_conf_child(c, NULL, &cur), "intro");
	assert_null(mp_conf_child(c, NULL, &cur));

	/* Typical use: a loop. */
	cur = NULL;
	while ((name = mp_conf_child(c, "db", &cur)) != NULL)
		assert_true(name[0] != '\0');
	mp_conf_free(c);
}

/*
 * ClearSilver's parser is lenient: an unclosed or stray brace or an
 * unterminated here-document is accepted.  What it does refuse must
 * come back as one line and no configuration.
 */
static void
test_parse_error(void **state)
{
	struct mp_conf	*c = (struct mp_conf *)1;
	char		 err[256];

	(void)state;
	err[0] = '\0';
	assert_int_equal(mp_conf_parse(&c, "db {\n  port = 1\n  oops\n}\n",
	    err, sizeof(err)), MP_ECONF);
	assert_null(c);
	print_message("# %s\n", err);
	assert_non_null(strstr(err, "oops"));
	assert_null(strchr(err, '\n'));

	err[0] = '\0';
	assert_int_equal(mp_conf_parse(&c, "#include \"other.hdf\"\n", err,
	    sizeof(err)), MP_ECONF);
	assert_null(c);
	print_message("# %s\n", err);
	assert_non_null(strstr(err, "include"));
	assert_int_equal(mp_conf_parse(&c, NULL, err, sizeof(err)), MP_ECONF);
}

static void
test_load(void **state)
{
	struct mp_conf	*c = (struct mp_conf *)1;
	char		 path[] = "/tmp/test-conf.XXXXXX", err[256];
	char		 missing[64];
	const char	*bad = "db {\nport = 1\nno equals sign\n}\n";
	int		 fd;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	assert_int_equal(write(fd, sample, sizeof(sample) - 1),
	    (ssize_t)(sizeof(sample) - 1));
	close(fd);
	assert_int_equal(mp_conf_load(&c, path, err, sizeof(err)), MP_OK);
	assert_string_equal(mp_conf_file(c), path);
	assert_int_equal(mp_conf_int(c, "db.port", 0, 0, 65535), 3306);
	mp_conf_free(c);

	/* A syntax error names the file, on one line. */
	assert_true((fd = open(path, O_WRONLY | O_TRUNC)) != -1);
	assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
	close(fd);
	err[0] = '\0';
	assert_int_equal(mp_conf_load(&c, path, err, sizeof(err)), MP_ECONF);
	assert_null(c);
	print_message("# %s\n", err);
	assert_non_null(strstr(err, path));
	assert_null(strchr(err, '\n'));
	unlink(path);

	/* A missing file says so plainly. */
	snprintf(missing, sizeof(missing), "%s.missing", path);
	assert_int_equal(mp_conf_load(&c, missing, err, sizeof(err)),
	    MP_ECONF);
	assert_null(c);
	print_message("# %s\n", err);
	assert_int_equal(strncmp(err, "cannot read ", 12), 0);
	assert_non_null(strstr(err, missing));
	assert_non_null(strstr(err, "No such file or directory"));
	/* A small error buffer truncates, it does not overflow. */
	assert_int_equal(mp_conf_load(&c, missing, err, 8), MP_ECONF);
	assert_string_equal(err, "cannot ");
	assert_int_equal(mp_conf_load(&c, missing, NULL, 0), MP_ECONF);
	assert_int_equal(mp_conf_load(&c, "", err, sizeof(err)), MP_ECONF);
}

/*
 * Links ("a : b") and splices ("@a") are refused before ClearSilver
 * sees them: it follows a link cycle until its stack overflows (found
 * by fuzz-conf on "a:a").  The message names the line; a copy (":=")
 * and a colon inside a value stay allowed.
 */
static void
test_links(void **state)
{
	static const struct {
		const char	*text;
		const char	*line;
	} bad[] = {
		{ "a:a\n", "line 1" },
		{ "\va:a\n", "line 1" },
		{ "x = 1\n\f b \v: a\n", "line 2" },
		{ "a : b\nb : a\n", "line 1" },
		{ "db {\n  port = 1\n  host : db.port\n}\n", "line 3" },
		{ "x [hidden] : y\n", "line 1" },
		{ "db {\n  h[st ]eb.hos!t\n}\n", "line 2" },
		{ "x [a=1] = y\n", "line 1" },
		{ "\t@db\n", "line 1" },
		{ "m << EOM\nq : r\nEOM\n", "line 2" },
		{ ": a\n", "line 1" },
	};
	struct mp_conf	*c = (struct mp_conf *)1;
	char		 path[] = "/tmp/test-conf.XXXXXX", err[256];
	size_t		 i;
	int		 fd;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		c = (struct mp_conf *)1;
		assert_int_equal(mp_conf_parse(&c, bad[i].text, err,
		    sizeof(err)), MP_ECONF);
		assert_null(c);
		print_message("# %s\n", err);
		assert_non_null(strstr(err, bad[i].line));
		assert_non_null(strstr(err, "not supported"));
		assert_null(strchr(err, '\n'));
	}
	assert_int_equal(mp_conf_parse(&c, "a = 1\nb := a\n"
	    "url = http://x:80/y\nt = 10:30\n", err, sizeof(err)), MP_OK);
	assert_string_equal(mp_conf_str(c, "b", ""), "1");
	assert_string_equal(mp_conf_str(c, "url", ""), "http://x:80/y");
	assert_string_equal(mp_conf_str(c, "t", ""), "10:30");
	mp_conf_free(c);

	/* A file passes the same screen, and a huge file is refused. */
	assert_true((fd = mkstemp(path)) != -1);
	assert_int_equal(write(fd, "db.port = 1\nb : b\n", 18), 18);
	close(fd);
	err[0] = '\0';
	assert_int_equal(mp_conf_load(&c, path, err, sizeof(err)), MP_ECONF);
	assert_null(c);
	assert_non_null(strstr(err, path));
	assert_non_null(strstr(err, "line 2"));
	assert_true(truncate(path, 2 * 1024 * 1024) == 0);
	err[0] = '\0';
	assert_int_equal(mp_conf_load(&c, path, err, sizeof(err)), MP_ECONF);
	assert_null(c);
	print_message("# %s\n", err);
	assert_non_null(strstr(err, "larger than"));
	unlink(path);
}

static void
test_path(void **state)
{

	(void)state;
	assert_int_equal(unsetenv("MELDPUNT_CONFIG"), 0);
	assert_string_equal(mp_conf_path(NULL),
	    SYSCONFDIR "/meldpunt/meldpunt.hdf");
	assert_string_equal(mp_conf_path("/etc/a.hdf"), "/etc/a.hdf");
	assert_int_equal(setenv("MELDPUNT_CONFIG", "", 1), 0);
	assert_string_equal(mp_conf_path(NULL),
	    SYSCONFDIR "/meldpunt/meldpunt.hdf");
	assert_int_equal(setenv("MELDPUNT_CONFIG", "/srv/b.hdf", 1), 0);
	assert_string_equal(mp_conf_path(NULL), "/srv/b.hdf");
	/* -c wins over the environment. */
	assert_string_equal(mp_conf_path("/etc/a.hdf"), "/etc/a.hdf");
	assert_int_equal(unsetenv("MELDPUNT_CONFIG"), 0);
}

/* mp_conf_walk: full dotted names of valued nodes, in file order. */
static int
walk_one(const char *name, const char *value, void *arg)
{
	char	*out = arg;
	size_t	 len = strlen(out);

	(void)snprintf(out + len, 2048 - len, "%s=%s;", name, value);
	return strcmp(value, "stop") == 0 ? 7 : 0;
}

static void
test_walk(void **state)
{
	struct mp_conf	*c;
	char		 out[2048], text[1024], err[256];

	(void)state;
	out[0] = '\0';
	assert_int_equal(mp_conf_parse(&c,
	    "a = 1\nb {\n c = 2\n d.e = 3\n}\nb.f =\n", err, sizeof(err)),
	    MP_OK);
	assert_int_equal(mp_conf_walk(c, walk_one, out), 0);
	mp_conf_free(c);
	assert_string_equal(out, "a=1;b.c=2;b.d.e=3;b.f=;");

	out[0] = '\0';
	assert_int_equal(mp_conf_parse(&c, "a = 1\nb = stop\nc = 3\n", err,
	    sizeof(err)), MP_OK);
	assert_int_equal(mp_conf_walk(c, walk_one, out), 7);
	mp_conf_free(c);
	assert_string_equal(out, "a=1;b=stop;");

	/* A name past 255 bytes is cut short and says so. */
	out[0] = '\0';
	memset(text, 'x', 300);
	memcpy(text + 300, ".y = 1\n", 8);
	assert_int_equal(mp_conf_parse(&c, text, err, sizeof(err)), MP_OK);
	assert_int_equal(mp_conf_walk(c, walk_one, out), 0);
	mp_conf_free(c);
	assert_int_equal(strlen(out), 255 + strlen("=1;"));
	assert_memory_equal(out + 252, "...=1;", 6);
	assert_int_equal(mp_conf_walk(NULL, walk_one, out), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_str),
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_int_warns),
		cmocka_unit_test(test_bool),
		cmocka_unit_test(test_child),
		cmocka_unit_test(test_parse_error),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_walk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
