/*
 * test-log.c -- the logger: level names, the line format, the minimum
 * level, one line per message whatever it holds (no forged lines from
 * a value with a newline), the length cap, and a target that cannot be
 * opened.
 */
#include "config.h"

#include <fcntl.h>
#include <unistd.h>

#include "util.h"

/* The log file's whole contents, NUL-terminated; the caller frees it. */
static char *
slurp(const char *path)
{
	char	*s;
	FILE	*f;
	long	 n;

	f = fopen(path, "r");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	rewind(f);
	s = calloc(1, (size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return s;
}

static size_t
count_lines(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (*s == '\n')
			n++;
	return n;
}

static int
setup(void **state)
{
	static char	 path[] = "/tmp/test-log-XXXXXX";
	int		 fd;

	strcpy(path, "/tmp/test-log-XXXXXX");
	fd = mkstemp(path);
	if (fd == -1)
		return -1;
	close(fd);
	*state = path;
	return 0;
}

static int
teardown(void **state)
{

	mp_log_close();
	unlink(*state);
	return 0;
}

static void
test_level_names(void **state)
{

	(void)state;
	assert_int_equal(mp_log_level("err"), MP_LOG_ERR);
	assert_int_equal(mp_log_level("warn"), MP_LOG_WARN);
	assert_int_equal(mp_log_level("INFO"), MP_LOG_INFO);
	assert_int_equal(mp_log_level("debug"), MP_LOG_DEBUG);
	assert_int_equal(mp_log_level("warning"), -1);
	assert_int_equal(mp_log_level(""), -1);
	assert_int_equal(mp_log_level("debug2"), -1);
}

static void
test_format_and_minimum(void **state)
{
	char	*s, want[64];

	assert_int_equal(mp_log_open("meldpunt-test", *state, MP_LOG_WARN),
	    MP_OK);
	mp_errx("first %d", 1);
	mp_warnx("second");
	mp_infox("not written: below the minimum");
	mp_debugx("not written either");
	mp_log_close();
	s = slurp(*state);
	assert_int_equal(count_lines(s), 2);
	assert_null(strstr(s, "not written"));
	/* ts=YYYY-MM-DDTHH:MM:SSZ prog=P pid=N level=L msg="message" */
	assert_true(strlen(s) > 24);
	assert_memory_equal(s, "ts=", 3);
	assert_int_equal(s[3 + 4], '-');
	assert_int_equal(s[3 + 10], 'T');
	assert_int_equal(s[3 + 19], 'Z');
	assert_int_equal(s[3 + 20], ' ');
	snprintf(want, sizeof(want), " prog=meldpunt-test pid=%ld level=err"
	    " msg=\"first 1\"\n", (long)getpid());
	assert_non_null(strstr(s, want));
	snprintf(want, sizeof(want), " prog=meldpunt-test pid=%ld level=warn"
	    " msg=\"second\"\n", (long)getpid());
	assert_non_null(strstr(s, want));
	free(s);
}

static void
test_appends(void **state)
{
	char	*s;

	assert_int_equal(mp_log_open("a", *state, MP_LOG_INFO), MP_OK);
	mp_infox("one");
	assert_int_equal(mp_log_open("b", *state, MP_LOG_INFO), MP_OK);
	mp_infox("two");
	mp_log_close();
	s = slurp(*state);
	assert_int_equal(count_lines(s), 2);
	assert_true(strstr(s, "level=info msg=\"one\"") <
	    strstr(s, "level=info msg=\"two\""));
	free(s);
}

static void
test_one_line_per_message(void **state)
{
	char	*s;

	assert_int_equal(mp_log_open("p", *state, MP_LOG_INFO), MP_OK);
	/* A value that tries to forge a second log line. */
	mp_infox("user %s", "x\nts=2026-01-01T00:00:00Z level=err msg=\"forged"
	    "\r\n");
	/* One that tries to close msg and add a field, or to escape. */
	mp_infox("user %s", "y\" level=err x=\\");
	mp_log_close();
	s = slurp(*state);
	assert_int_equal(count_lines(s), 2);
	assert_null(strchr(s, '\r'));
	assert_non_null(strstr(s, " level=info msg=\"user x ts=2026-01-01T"
	    "00:00:00Z level=err msg=\\\"forged  \"\n"));
	assert_non_null(strstr(s, " level=info msg=\"user y\\\" level=err"
	    " x=\\\\\"\n"));
	free(s);
}

static void
test_long_message_capped(void **state)
{
	char	*big, *s;

	big = malloc(10000);
	assert_non_null(big);
	memset(big, 'x', 9999);
	big[9999] = '\0';
	assert_int_equal(mp_log_open("p", *state, MP_LOG_INFO), MP_OK);
	mp_infox("%s", big);
	mp_infox("after");
	mp_log_close();
	s = slurp(*state);
	assert_int_equal(count_lines(s), 2);
	/* Capped at the line buffer (2,048 bytes with its newline). */
	assert_true(strchr(s, '\n') - s + 1 <= 2048);
	assert_true(strchr(s, '\n') - s + 1 > 1024);
	assert_non_null(strstr(s, "level=info msg=\"after\"\n"));
	free(s);
	free(big);
}

static void
test_unopenable_target(void **state)
{

	(void)state;
	assert_int_equal(mp_log_open("p", "/nonexistent-dir/x/log",
	    MP_LOG_INFO), MP_ESYS);
	/* Still usable: it writes to stderr, and closing is harmless. */
	mp_log_close();
	mp_log_close();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_names),
		cmocka_unit_test_setup_teardown(test_format_and_minimum,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_appends, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_one_line_per_message,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_message_capped,
		    setup, teardown),
		cmocka_unit_test(test_unopenable_target),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
