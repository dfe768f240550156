/*
 * test-sendmail.c -- running the sendmail command: the message reaches
 * its standard input, argv is split at blanks without a shell, and a
 * failing, missing, hanging or relative command is reported as such.
 */
#include "config.h"

#include "util.h"

#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

static char	dir[] = "/tmp/mp-test-sendmail-XXXXXX";
static char	script[128], out[128], args[128];

/*
 * A fake sendmail that records stdin and argv; "sleep" as its first
 * word makes it hang, "fds" lists its open descriptors.
 */
static int
setup(void **state)
{
	FILE	*f;

	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(script, sizeof(script), "%s/fake", dir);
	snprintf(out, sizeof(out), "%s/stdin", dir);
	snprintf(args, sizeof(args), "%s/argv", dir);
	if ((f = fopen(script, "w")) == NULL)
		return -1;
	fprintf(f, "#!/bin/sh\ncat >'%s'\nprintf '%%s\\n' \"$@\" >'%s'\n"
	    "case \"$1\" in sleep) sleep 5 ;; fds) ls /proc/$$/fd >>'%s' ;;"
	    " esac\nexit 0\n", out, args, args);
	fclose(f);
	return chmod(script, 0700);
}

static int
teardown(void **state)
{

	(void)state;
	unlink(out);
	unlink(args);
	unlink(script);
	rmdir(dir);
	return 0;
}

static char *
slurp(const char *path)
{
	static char	 buf[4096];
	FILE		*f;
	size_t		 n;

	buf[0] = '\0';
	if ((f = fopen(path, "r")) == NULL)
		return buf;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
test_delivers(void **state)
{
	char	 cmd[256], why[256];

	(void)state;
	snprintf(cmd, sizeof(cmd), "%s 0  -t\t-i $HOME;x", script);
	assert_int_equal(mp_sendmail(cmd, "Subject: x\n\nhoi\n", 16, 10,
	    why, sizeof(why)), MP_OK);
	assert_string_equal(slurp(out), "Subject: x\n\nhoi\n");
	/* No shell: "$HOME;x" arrives as it is. */
	assert_string_equal(slurp(args), "0\n-t\n-i\n$HOME;x\n");
}

/* A descriptor of the parent (say the database's) never reaches it. */
static void
test_no_inherited_fds(void **state)
{
	char	 cmd[256], why[256];
	int	 fd;

	(void)state;
	assert_true((fd = open("/dev/null", O_RDONLY)) >= 0);
	assert_int_equal(dup2(fd, 42), 42);
	snprintf(cmd, sizeof(cmd), "%s fds", script);
	assert_int_equal(mp_sendmail(cmd, "x\n", 2, 10, why, sizeof(why)),
	    MP_OK);
	print_message("# %s", slurp(args));
	assert_null(strstr(slurp(args), "\n42\n"));
	close(42);
	close(fd);
}

static void
test_failures(void **state)
{
	char	 cmd[256], why[256];

	(void)state;
	assert_int_equal(mp_sendmail("/bin/false", "x\n", 2, 10, why,
	    sizeof(why)), MP_ESYS);
	assert_non_null(strstr(why, "/bin/false exited with status 1"));

	assert_int_equal(mp_sendmail("/nonexistent/sendmail -t", "x\n", 2,
	    10, why, sizeof(why)), MP_ESYS);
	assert_non_null(strstr(why, "cannot run /nonexistent/sendmail"));

	assert_int_equal(mp_sendmail("sendmail -t", "x\n", 2, 10, why,
	    sizeof(why)), MP_ECONF);
	assert_int_equal(mp_sendmail("   ", "x\n", 2, 10, why,
	    sizeof(why)), MP_ECONF);

	snprintf(cmd, sizeof(cmd), "%s sleep", script);
	assert_int_equal(mp_sendmail(cmd, "x\n", 2, 1, why, sizeof(why)),
	    MP_ESYS);
	assert_non_null(strstr(why, "timed out after 1 s"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delivers),
		cmocka_unit_test(test_no_inherited_fds),
		cmocka_unit_test(test_failures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
