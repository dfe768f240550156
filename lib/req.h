/*
 * req.h -- one HTTP request as the FastCGI responder sees it: CGI
 * variables, query string, cookies, and an urlencoded or
 * multipart/form-data body, parsed here (not by ClearSilver's CGI kit,
 * which loses fields) with a limit on every size and count.
 *
 * All memory of a request belongs to it and dies with mp_req_free().
 */
#ifndef MP_REQ_H
#define MP_REQ_H

#include <stddef.h>

#include "buf.h"
#include "errcode.h"

struct mp_ctx;

/* One name=value pair; val is NUL-terminated but may hold NULs (valsz). */
struct mp_param {
	char	*name;
	char	*val;
	size_t	 valsz;
};

/* An ordered list of pairs, duplicates kept in arrival order. */
struct mp_params {
	struct mp_param	*v;
	size_t		 n;
	size_t		 cap;
};

/* One uploaded file part (a file input left empty is not recorded). */
struct mp_upload {
	char		*field;		/* the form field's name */
	char		*filename;	/* as sent: untrusted, may be "" */
	char		*ctype;		/* as sent: untrusted, never used */
	unsigned char	*data;		/* NULL when over */
	size_t		 size;		/* bytes received (capped when over) */
	int		 over;		/* over max_file: data dropped */
};

/* Every limit the parser enforces.  Zero means "use the default". */
struct mp_limits {
	size_t	max_body;	/* request body bytes (413 beyond) */
	size_t	max_params;	/* pairs in query + body together */
	size_t	max_name;	/* bytes of one field name */
	size_t	max_value;	/* bytes of one non-file value */
	size_t	max_files;	/* file parts kept; more are counted */
	size_t	max_file;	/* bytes of one file */
	size_t	max_cookies;	/* cookie pairs */
	size_t	max_part_header; /* bytes of one multipart header block */
};

/* Defaults: 1 MiB body, 200 params, 64 B names, 64 KiB values, 5 files
 * of 10 MiB (only when max_body allows), 32 cookies, 4 KiB headers. */
void	mp_req_limits_default(struct mp_limits *);

/* Read up to len bytes of body into buf: bytes read, 0 at end, -1 error. */
typedef long (*mp_read_fn)(void *arg, void *buf, size_t len);
/* Write len bytes of response: len on success, -1 on error. */
typedef long (*mp_write_fn)(void *arg, const void *buf, size_t len);

struct mp_req {
	struct mp_ctx	*ctx;		/* the program's context, or NULL */
	char		**env;		/* CGI variables, "NAME=value" */
	const char	*method;	/* "GET", "POST" (points into env) */
	char		*path;		/* REQUEST_URI without the query */
	const char	*remote_addr;	/* never log or store this */
	struct mp_params query;
	struct mp_params cookies;
	struct mp_params form;		/* urlencoded or multipart fields */
	struct mp_upload *files;
	size_t		 nfiles;
	size_t		 files_dropped;	/* file parts beyond max_files */
	enum mp_err	 err;		/* MP_OK, or why parsing failed:
					   MP_EINVAL (400), MP_ETOOBIG (413) */
	int		 page;		/* set by the program's dispatcher */
	const char	*lang;		/* a public page's language, set
					   by its program; NULL: Dutch */

	/* The response; private to http.c. */
	mp_write_fn	 write;
	void		*warg;
	struct mp_buf	*hdrs;
	int		 sent;		/* headers already sent */
	int		 status;	/* status sent (for tests and logs) */
};

/*
 * Parse a request from CGI variables env (NULL-terminated "NAME=value",
 * not copied: it must outlive the request) and a body reader.  Returns
 * MP_ENOMEM on allocation failure only; client errors (malformed body,
 * limits) are stored in req->err with the fields parsed so far kept,
 * so the handler chooses the answer.  Always pair with mp_req_free().
 */
enum mp_err	 mp_req_parse(struct mp_req *, char **env, mp_read_fn,
		    void *rarg, mp_write_fn, void *warg,
		    const struct mp_limits *);
/* Free everything the request holds; req may be reused after. */
void		 mp_req_free(struct mp_req *);

/* A CGI variable, or NULL. */
const char	*mp_req_env(const struct mp_req *, const char *name);
/*
 * How often name=... is among the CGI variables: a trusted variable
 * given twice (the portal's and a client's) cannot be trusted.
 */
size_t		 mp_req_env_count(const struct mp_req *, const char *name);
/* The first value of name, or NULL; *len (may be NULL) gets its size. */
const char	*mp_req_params_get(const struct mp_params *, const char *name,
		    size_t *len);
/* How many values name has. */
size_t		 mp_req_params_count(const struct mp_params *,
    const char *name);
/*
 * Whether the form holds only fields known(name) accepts, each once, and
 * files only under the field named files: 1 or 0.  known must be pure.
 */
int		 mp_req_form_known(const struct mp_req *,
		    int (*known)(const char *name), const char *files);

/*
 * Parsers used by mp_req_parse, exported for tests: append pairs from
 * an application/x-www-form-urlencoded string / a Cookie header.
 * MP_EINVAL for malformed input, MP_ETOOBIG past a limit.
 */
enum mp_err	 mp_req_parse_urlencoded(struct mp_params *, const char *s,
		    size_t len, const struct mp_limits *, size_t *count);
enum mp_err	 mp_req_parse_cookies(struct mp_params *, const char *hdr,
		    const struct mp_limits *);
void		 mp_req_params_free(struct mp_params *);

#endif
