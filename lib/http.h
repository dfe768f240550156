/*
 * http.h -- the response: status, headers (with the security headers
 * every page carries), cookies, redirects, whole or streamed bodies.
 * Header names and values with CR, LF or NUL are refused, so header
 * injection cannot happen.
 */
#ifndef MP_HTTP_H
#define MP_HTTP_H

#include <stddef.h>

#include "errcode.h"

struct mp_req;

#define MP_COOKIE_SECURE	0x01
#define MP_COOKIE_HTTPONLY	0x02
#define MP_COOKIE_STRICT	0x04	/* SameSite=Strict (else Lax) */

/* Add a header to the response not yet sent. */
enum mp_err	 mp_http_header(struct mp_req *, const char *name,
		    const char *value);
/*
 * Set a cookie.  maxage < 0: session cookie; 0: delete.  The value must
 * be cookie-safe (token characters); path defaults to "/".
 */
enum mp_err	 mp_http_cookie(struct mp_req *, const char *name,
		    const char *value, long maxage, const char *path,
		    int flags);
/*
 * Send a whole response: status line, Content-Type (text types get
 * "; charset=utf-8" unless given), Content-Length, Cache-Control:
 * no-store, the security headers (CSP, X-Content-Type-Options,
 * Referrer-Policy, frame-ancestors / X-Frame-Options), added headers,
 * then the body (not for HEAD).
 */
enum mp_err	 mp_http_send(struct mp_req *, int status, const char *ctype,
		    const void *body, size_t len);
/*
 * Send a stored file for download (200): Content-Disposition
 * attachment with a file name made safe for the header (ASCII, no
 * quotes; none when nothing is left), Content-Type only one of the
 * types uploads may have (JPEG, PNG, PDF; else
 * application/octet-stream, never text/html), and mp_http_send's
 * security headers (nosniff, CSP).  The name is cut to namesz - 1
 * bytes (at most 255).  MP_EINVAL or MP_ENOMEM when the header could
 * not be set (nothing sent), else what mp_http_send returns.
 */
enum mp_err	 mp_http_send_file(struct mp_req *, const char *filename,
		    size_t namesz, const char *none, const char *mime,
		    const void *data, size_t len);
/* Headers now, body later through mp_http_write (streamed exports). */
enum mp_err	 mp_http_begin(struct mp_req *, int status, const char *ctype);
enum mp_err	 mp_http_write(struct mp_req *, const void *, size_t);
/* 303 See Other to a local path (must start with "/"). */
enum mp_err	 mp_http_redirect(struct mp_req *, const char *location);
/*
 * A plain Dutch error page for status with an optional explanation
 * (rendered through common/error.cs, or a built-in page when templates
 * fail).  Used for 400, 403, 404, 405, 413, 429, 500, 503.
 */
enum mp_err	 mp_http_error(struct mp_req *, int status, const char *msg);
/* The reason phrase for a status ("Not Found"). */
const char	*mp_http_reason(int status);

#endif
