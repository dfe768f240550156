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

/*
 * One event, one line, key=value (logfmt): ts, prog, pid, level and
 * msg, the message quoted, with " and backslash escaped and line breaks made
 * spaces, so that no value can end the line or the message early and
 * forge another field.  Under syslog, which has its own time, name and
 * pid, only level and msg.  The format is documented in
 * meldpunt-intake(8), LOG FORMAT.
 */
void
mp_log(enum mp_loglevel lvl, const char *fmt, ...)
{
	static const int	 prio[] = { LOG_ERR, LOG_WARNING, LOG_INFO,
				    LOG_DEBUG };
	char			 line[2048], msg[2048], stamp[32];
	va_list			 ap;
	struct tm		 tm;
	time_t			 now;
	size_t			 i, max;
	int			 n;

	if (lvl > logmin)
		return;
	va_start(ap, fmt);
	if (vsnprintf(msg, sizeof(msg), fmt, ap) < 0)
		msg[0] = '\0';
	va_end(ap);
	if (logsyslog)
		n = snprintf(line, sizeof(line), "level=%s msg=\"",
		    levelnames[lvl]);
	else {
		now = time(NULL);
		if (gmtime_r(&now, &tm) == NULL || strftime(stamp,
		    sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
			stamp[0] = '\0';
		n = snprintf(line, sizeof(line), "ts=%s prog=%s pid=%ld "
		    "level=%s msg=\"", stamp, logprog, (long)getpid(),
		    levelnames[lvl]);
	}
	if (n < 0 || (size_t)n >= sizeof(line) / 2)
		n = 0;
	/* Room for an escaped pair, the closing quote and the newline. */
	max = sizeof(line) - 4;
	for (i = 0; msg[i] != '\0' && (size_t)n < max; i++) {
		if (msg[i] == '\n' || msg[i] == '\r')
			line[n++] = ' ';
		else if (msg[i] == '"' || msg[i] == '\\') {
			line[n++] = '\\';
			line[n++] = msg[i];
		} else
			line[n++] = msg[i];
	}
	line[n++] = '"';
	if (logsyslog) {
		line[n] = '\0';
		syslog(prio[lvl], "%s", line);
		return;
	}
	line[n++] = '\n';
	if (write(logfd, line, (size_t)n) == -1)
		return;	/* nowhere left to report it */
}
