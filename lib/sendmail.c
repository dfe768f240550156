/*
 * sendmail.c -- running the configured sendmail-compatible command for
 * one message: split the command line into words, fork, execv (no
 * shell, so no word of the configuration or the message is ever
 * interpreted), write the message to the child's standard input and
 * wait, with a time limit, for its exit status.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "errcode.h"
#include "sendmail.h"

#define CMD_MAX		1024	/* bytes of the command line */
#define POLL_NS		20000000L	/* 20 ms between looks at the child */
#define FD_SCAN_MAX	65536	/* descriptors closed in the child */

/*
 * Split cmd into words at blanks, into the caller's copy and argv
 * (MP_SENDMAIL_ARGS + 1 slots, NULL-terminated).  Returns the number of
 * words, or -1 when there are none or too many.
 */
static int
split(char *copy, char *argv[MP_SENDMAIL_ARGS + 1])
{
	char	*p = copy;
	int	 n = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t')
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (n == MP_SENDMAIL_ARGS)
			return -1;
		argv[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
	}
	argv[n] = NULL;
	return n == 0 ? -1 : n;
}

/* A pipe whose ends are closed on exec (pipe2 is not POSIX). */
static int
pipe_cloexec(int fd[2])
{

	if (pipe(fd) == -1)
		return -1;
	if (fcntl(fd[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(fd[1], F_SETFD, FD_CLOEXEC) == -1) {
		close(fd[0]);
		close(fd[1]);
		fd[0] = fd[1] = -1;
		return -1;
	}
	return 0;
}

/*
 * In the child: stdin from the pipe, stdout and stderr to /dev/null,
 * and no other descriptor of ours (the database connection above all)
 * may reach the MTA, whatever flags its library set.
 */
static void
child(int in, int report, char *const argv[])
{
	struct sigaction sa;
	long		 max, fd;
	int		 null, e;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigaction(SIGPIPE, &sa, NULL);
	if (dup2(in, STDIN_FILENO) == -1 ||
	    (null = open("/dev/null", O_WRONLY)) == -1 ||
	    dup2(null, STDOUT_FILENO) == -1 ||
	    dup2(null, STDERR_FILENO) == -1)
		goto fail;
	if ((max = sysconf(_SC_OPEN_MAX)) < 0 || max > FD_SCAN_MAX)
		max = FD_SCAN_MAX;
	for (fd = STDERR_FILENO + 1; fd < max; fd++)
		if (fd != report)
			(void)close((int)fd);
	execv(argv[0], argv);
fail:
	/* Tell the parent why through the close-on-exec pipe. */
	e = errno;
	(void)write(report, &e, sizeof(e));
	_exit(127);
}

/* Write all of msg to fd; 0 or an errno value (EPIPE: child gone). */
static int
write_all(int fd, const char *msg, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		n = write(fd, msg, len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return errno;
		msg += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Wait for pid at most timeout seconds, then kill it: 1 if killed. */
static int
wait_child(pid_t pid, int timeout, int *status)
{
	struct timespec	 ts = { 0, POLL_NS };
	time_t		 end = time(NULL) + timeout;
	pid_t		 r;

	for (;;) {
		r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return 0;
		if (r == -1 && errno != EINTR) {
			*status = 0;
			return 0;
		}
		if (time(NULL) > end) {
			(void)kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) == -1 &&
			    errno == EINTR)
				continue;
			return 1;
		}
		(void)nanosleep(&ts, NULL);
	}
}

enum mp_err
mp_sendmail(const char *cmd, const char *msg, size_t len, int timeout,
    char *why, size_t whysz)
{
	char		 copy[CMD_MAX + 1];
	char		*argv[MP_SENDMAIL_ARGS + 1];
	int		 in[2] = { -1, -1 }, rep[2] = { -1, -1 };
	int		 status = 0, werr, cerr = 0, killed;
	struct sigaction sa, old;
	ssize_t		 n;
	pid_t		 pid;
	enum mp_err	 er = MP_ESYS;

	why[0] = '\0';
	if (cmd == NULL || strlen(cmd) > CMD_MAX) {
		snprintf(why, whysz, "the sendmail command is too long");
		return MP_ECONF;
	}
	memcpy(copy, cmd, strlen(cmd) + 1);
	if (split(copy, argv) == -1 || argv[0][0] != '/') {
		snprintf(why, whysz, "the sendmail command must be an"
		    " absolute path and at most %d words", MP_SENDMAIL_ARGS);
		return MP_ECONF;
	}
	if (pipe_cloexec(in) == -1 || pipe_cloexec(rep) == -1) {
		snprintf(why, whysz, "pipe: %s", strerror(errno));
		goto out;
	}
	/* A sendmail that exits early must not kill us with SIGPIPE. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	(void)sigaction(SIGPIPE, &sa, &old);
	if ((pid = fork()) == -1) {
		snprintf(why, whysz, "fork: %s", strerror(errno));
		(void)sigaction(SIGPIPE, &old, NULL);
		goto out;
	}
	if (pid == 0)
		child(in[0], rep[1], argv);
	close(in[0]);
	close(rep[1]);
	in[0] = rep[1] = -1;
	werr = write_all(in[1], msg, len);
	close(in[1]);
	in[1] = -1;
	killed = wait_child(pid, timeout, &status);
	(void)sigaction(SIGPIPE, &old, NULL);
	while ((n = read(rep[0], &cerr, sizeof(cerr))) == -1 &&
	    errno == EINTR)
		continue;
	if (n == (ssize_t)sizeof(cerr))
		snprintf(why, whysz, "cannot run %s: %s", argv[0],
		    strerror(cerr));
	else if (killed)
		snprintf(why, whysz, "%s timed out after %d s", argv[0],
		    timeout);
	else if (WIFSIGNALED(status))
		snprintf(why, whysz, "%s was killed by signal %d", argv[0],
		    WTERMSIG(status));
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		snprintf(why, whysz, "%s exited with status %d", argv[0],
		    WEXITSTATUS(status));
	else if (werr != 0)
		snprintf(why, whysz, "writing to %s: %s", argv[0],
		    strerror(werr));
	else
		er = MP_OK;
out:
	if (in[0] != -1)
		close(in[0]);
	if (in[1] != -1)
		close(in[1]);
	if (rep[0] != -1)
		close(rep[0]);
	if (rep[1] != -1)
		close(rep[1]);
	return er;
}
