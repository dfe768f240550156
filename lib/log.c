/*
 * log.c -- the one logger.  Lines go to stderr, a file opened for
 * appending, or syslog.  Under spawn-fcgi stderr is /dev/null, so
 * installed programs log to syslog or a file.  Each line is formatted
 * first and written with one write(2), so workers sharing a file do not
 * interleave.  Callers never pass secrets or client addresses.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "errcode.h"
#include "log.h"

static const char	*logprog = "meldpunt";
static int		 logfd = STDERR_FILENO;
static int		 logsyslog;
static enum mp_loglevel	 logmin = MP_LOG_INFO;

static const char *const levelnames[] = { "err", "warn", "info", "debug" };

int
mp_log_level(const char *s)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(levelnames); i++)
		if (strcasecmp(s, levelnames[i]) == 0)
			return (int)i;
	return -1;
}

enum mp_err
mp_log_open(const char *prog, const char *target, enum mp_loglevel min)
{
	int	 fd;

	mp_log_close();
	logprog = prog;
	logmin = min;
	if (target == NULL || strcmp(target, "stderr") == 0)
		return MP_OK;
	if (strcmp(target, "syslog") == 0) {
		openlog(prog, LOG_PID | LOG_NDELAY, LOG_DAEMON);
		logsyslog = 1;
		return MP_OK;
	}
	fd = open(target, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd == -1) {
		mp_errx("%s: %s: %s", __func__, target, strerror(errno));
		return MP_ESYS;
	}
	logfd = fd;
	return MP_OK;
}

void
mp_log_close(void)
{

	if (logsyslog)
		closelog();
	if (logfd != STDERR_FILENO)
		(void)close(logfd);
	logsyslog = 0;
	logfd = STDERR_FILENO;
}

void
mp_log(enum mp_loglevel lvl, const char *fmt, ...)
{
	static const int	 prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO,
				    LOG_DEBUG };
	char			 line[2048], stamp[32];
	va_list			 ap;
	struct tm		 tm;
	time_t			 now;
	int			 n, m;

	if (lvl > logmin)
		return;
	va_start(ap, fmt);
	if (logsyslog) {
		vsyslog(prio[lvl], fmt, ap);
		va_end(ap);
		return;
	}
	now = time(NULL);
	if (gmtime_r(&now, &tm) == NULL ||
	    strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		stamp[0] = '\0';
	n = snprintf(line, sizeof(line), "%s %s[%ld] %s: ", stamp, logprog,
	    (long)getpid(), levelnames[lvl]);
	if (n < 0 || (size_t)n >= sizeof(line))
		n = 0;
	m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (m < 0)
		m = 0;
	n += m;
	if ((size_t)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	/* One line per message, whatever the message held. */
	for (m = 0; m < n; m++)
		if (line[m] == '\n' || line[m] == '\r')
			line[m] = ' ';
	line[n++] = '\n';
	if (write(logfd, line, (size_t)n) == -1)
		return;	/* nowhere left to report it */
}
