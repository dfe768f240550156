/*
 * fcgi.h -- a program's context and its FastCGI request loop.  A
 * program calls mp_fcgi_ctx_open (configuration, log, keys, templates, the
 * database handle), then mp_fcgi_accept in a loop, answering each
 * request and freeing it with mp_req_free.  Run outside a FastCGI
 * server (FCGX_IsCGI) it answers one request as plain CGI.
 */
#ifndef MP_FCGI_H
#define MP_FCGI_H

#include "ctx.h"
#include "errcode.h"
#include "req.h"

struct mp_fcgi;

/*
 * Open the context for prog: read -c FILE from argv (or
 * $MELDPUNT_CONFIG, or the default), open the log, load keys, set the
 * template directory and create the database handle.  A one-line
 * reason goes to err on failure.
 */
enum mp_err	 mp_fcgi_ctx_open(struct mp_ctx *, const char *prog, int argc,
		    char *argv[], char *err, size_t errsz);
void		 mp_fcgi_ctx_close(struct mp_ctx *);
/*
 * The request limits of the programs that take a reporter's files (the
 * report form and the replies after it), from intake.max_files,
 * intake.max_file_size and intake.max_body.
 */
void		 mp_fcgi_upload_limits(const struct mp_ctx *,
    struct mp_limits *);

/* Start accepting on the FastCGI socket given on fd 0. */
enum mp_err	 mp_fcgi_init(struct mp_fcgi **, struct mp_ctx *);
/*
 * Wait for the next request and parse it into req (MP_OK; see
 * mp_req_parse for req->err), or MP_EXIT when the server tells the
 * program to stop.  Pair every MP_OK with mp_req_free.
 */
enum mp_err	 mp_fcgi_accept(struct mp_fcgi *, struct mp_req *);
void		 mp_fcgi_free(struct mp_fcgi *);

#endif
