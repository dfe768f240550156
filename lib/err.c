/*
 * err.c -- the library's error codes: texts for logs (in English) and
 * the HTTP status of a failure.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "errcode.h"

static const char *const errstrs[MP_ERR__MAX] = {
	"success",				/* MP_OK */
	"out of memory",			/* MP_ENOMEM */
	"system call failed",			/* MP_ESYS */
	"malformed input",			/* MP_EINVAL */
	"size or count limit exceeded",		/* MP_ETOOBIG */
	"configuration error",			/* MP_ECONF */
	"database error",			/* MP_EDB */
	"transient database error",		/* MP_EDBTRANS */
	"database unreachable",			/* MP_EDBDOWN */
	"duplicate",				/* MP_EDUP */
	"not found",				/* MP_ENOTFOUND */
	"cryptographic failure",		/* MP_ECRYPTO */
	"rate limit exceeded",			/* MP_ELIMIT */
	"template error",			/* MP_ETMPL */
	"end of requests",			/* MP_EXIT */
};

const char *
mp_err_str(enum mp_err er)
{

	if ((unsigned)er >= MP_ERR__MAX)
		return "unknown error";
	return errstrs[er];
}

void
mp_err_set(char *err, size_t errsz, const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL || errsz == 0)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

int
mp_err_status(enum mp_err er)
{

	return er == MP_EDBDOWN ? 503 : 500;
}
