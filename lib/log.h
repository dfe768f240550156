/*
 * log.h -- the one logger: to stderr, a file, or syslog.  Each line is
 * written with a single write(2) so workers do not interleave.
 * Never pass a secret or a reporter's address to it.
 */
#ifndef MP_LOG_H
#define MP_LOG_H

#include "errcode.h"

enum mp_loglevel {
	MP_LOG_ERR = 0,
	MP_LOG_WARN,
	MP_LOG_INFO,
	MP_LOG_DEBUG
};

/*
 * target: "stderr", "syslog" or a file path (opened O_APPEND).
 * Until called, messages go to stderr at level INFO.
 */
enum mp_err	 mp_log_open(const char *prog, const char *target,
		    enum mp_loglevel min);
void		 mp_log_close(void);
/* Parse "err", "warn", "info", "debug"; -1 when unknown. */
int		 mp_log_level(const char *);
void		 mp_log(enum mp_loglevel, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Shorthands; messages conventionally start with __func__. */
#define mp_errx(...)	mp_log(MP_LOG_ERR, __VA_ARGS__)
#define mp_warnx(...)	mp_log(MP_LOG_WARN, __VA_ARGS__)
#define mp_infox(...)	mp_log(MP_LOG_INFO, __VA_ARGS__)
#define mp_debugx(...)	mp_log(MP_LOG_DEBUG, __VA_ARGS__)

#endif
