/*
 * test-sandbox.c -- the seccomp allow-list (lib/sandbox.c): a filtered
 * child keeps working with allowed calls, is killed by SIGSYS when it
 * calls execve or fork, and shows "Seccomp: 2" in /proc/self/status.
 */
#include "config.h"

#include <sys/wait.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* Run fn in a filtered child; its wait status. */
static int
in_child(int (*fn)(void))
{
	pid_t	 pid;
	int	 st = 0;

	if ((pid = fork()) == 0) {
		if (mp_sandbox_enter() != MP_OK)
			_exit(90);
		_exit(fn());
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	return st;
}

static int
do_exec(void)
{
	char *const	 argv[] = { (char *)"/bin/true", NULL };

	execv("/bin/true", argv);
	return 91;
}

static int
do_fork(void)
{

	return fork() >= 0 ? 92 : 93;
}

/* Allowed work, and the kernel's own word that the filter is on. */
static int
do_allowed(void)
{
	char	 line[256];
	FILE	*f;
	int	 mode = -1;

	if ((f = fopen("/proc/self/status", "r")) == NULL)
		return 94;
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "Seccomp:", 8) == 0)
			mode = line[9] - '0';
	fclose(f);
	return mode == 2 ? 0 : 95;
}

static void
test_exec_kills(void **state)
{
	int	 st;

	(void)state;
	if (!mp_sandbox_available())
		skip();
	st = in_child(do_exec);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGSYS);
}

static void
test_fork_kills(void **state)
{
	int	 st;

	(void)state;
	if (!mp_sandbox_available())
		skip();
	st = in_child(do_fork);
	assert_true(WIFSIGNALED(st));
	assert_int_equal(WTERMSIG(st), SIGSYS);
}

static void
test_allowed_work_goes_on(void **state)
{
	int	 st;

	(void)state;
	if (!mp_sandbox_available())
		skip();
	st = in_child(do_allowed);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exec_kills),
		cmocka_unit_test(test_fork_kills),
		cmocka_unit_test(test_allowed_work_goes_on),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
