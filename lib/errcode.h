/*
 * errcode.h -- the error codes every library function returns, the text and
 * HTTP status of each, and two small macros the whole library shares.
 */
#ifndef MP_ERRCODE_H
#define MP_ERRCODE_H

#include <stddef.h>

/*
 * Library functions return enum mp_err: MP_OK (0) on success.  The
 * library logs where a failure is detected and returns; it never exits.
 */
enum mp_err {
	MP_OK = 0,
	MP_ENOMEM,	/* allocation failed */
	MP_ESYS,	/* a system call failed; errno was logged */
	MP_EINVAL,	/* malformed input (a client error: 400) */
	MP_ETOOBIG,	/* a size or count limit was exceeded (413) */
	MP_ECONF,	/* the configuration is missing or wrong */
	MP_EDB,		/* a database error that retrying will not fix */
	MP_EDBTRANS,	/* a transient database error: retry may succeed */
	MP_EDBDOWN,	/* the database cannot be reached at all */
	MP_EDUP,	/* a unique key or constraint refused the row */
	MP_ENOTFOUND,	/* no such row, file or key */
	MP_ECRYPTO,	/* a cryptographic operation or check failed */
	MP_ELIMIT,	/* a rate limit refused the action (429) */
	MP_ETMPL,	/* a template failed to load or render */
	MP_EXIT,	/* the request loop ends normally */
	MP_ERR__MAX
};

/* A static, human-readable (English, for logs) text for an error. */
const char	*mp_err_str(enum mp_err);
/*
 * The HTTP status that answers a request the program could not serve
 * because of er: 503 (try again later) when the database cannot be
 * reached, 500 for any other failure.  What the client did wrong (a
 * bad value, a limit) each page answers itself, with its own message.
 */
int		 mp_err_status(enum mp_err);
/*
 * Write a one-line reason to err, the caller's buffer of errsz bytes
 * (err may be NULL or errsz 0: nothing is written).
 */
void		 mp_err_set(char *err, size_t errsz, const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

#define MP_UNUSED(x)	((void)(x))
#define MP_NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#endif /* MP_ERRCODE_H */
