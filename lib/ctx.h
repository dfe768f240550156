/*
 * ctx.h -- a program's context: what it keeps from start to stop
 * (fcgi.c opens it with mp_fcgi_ctx_open).  A header of its own so that the
 * response side (http.c, presession.c) can read the context without
 * depending on the request loop, which itself depends on them.
 */
#ifndef MP_CTX_H
#define MP_CTX_H

#include "keys.h"
#include "req.h"

struct mp_conf;
struct mp_db;

/* Everything a program keeps from start to stop. */
struct mp_ctx {
	const char	*prog;		/* program name for logs */
	struct mp_conf	*conf;
	struct mp_keys	 keys;
	struct mp_db	*db;		/* connects lazily */
	struct mp_limits limits;	/* request limits for this program */
	int		 secure_cookies; /* http.secure_cookies */
};

#endif /* MP_CTX_H */
