/*
 * http.c -- writing the response of a request: the CGI-style status
 * and headers (with the security headers every response carries),
 * cookies, redirects, error pages, whole and streamed bodies.  Header
 * names and values are checked here so that no input can add a header
 * or split the response.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "confkey.h"
#include "ctx.h"
#include "errcode.h"
#include "http.h"
#include "i18n.h"
#include "log.h"
#include "req.h"
#include "tmpl.h"

#define HDRS_MAX	(16 * 1024)	/* added headers of one response */
#define PAGE_MAX	(256 * 1024)	/* a rendered error page */

/* Sent with every response; the pages need no scripts at all. */
static const char	 sechdrs[] =
	"Cache-Control: no-store\r\n"
	"Content-Security-Policy: default-src 'none'; style-src 'self'; "
	    "img-src 'self' data:; form-action 'self'; "
	    "frame-ancestors 'none'; base-uri 'none'\r\n"
	"X-Content-Type-Options: nosniff\r\n"
	"Referrer-Policy: no-referrer\r\n"
	"X-Frame-Options: DENY\r\n"
	"Cross-Origin-Opener-Policy: same-origin\r\n";

static const struct {
	int		 status;
	const char	*reason;
	const char	*title;		/* Dutch, for error pages */
} statuses[] = {
	{ 200, "OK", NULL },
	{ 201, "Created", NULL },
	{ 204, "No Content", NULL },
	{ 301, "Moved Permanently", NULL },
	{ 302, "Found", NULL },
	{ 303, "See Other", NULL },
	{ 304, "Not Modified", NULL },
	{ 307, "Temporary Redirect", NULL },
	{ 400, "Bad Request", "Ongeldig verzoek" },
	{ 401, "Unauthorized", "Niet aangemeld" },
	{ 403, "Forbidden", "Geen toegang" },
	{ 404, "Not Found", "Niet gevonden" },
	{ 405, "Method Not Allowed", "Methode niet toegestaan" },
	{ 409, "Conflict", "Conflict" },
	{ 413, "Content Too Large", "Te groot" },
	{ 415, "Unsupported Media Type", "Ongeldig verzoek" },
	{ 429, "Too Many Requests", "Te veel verzoeken" },
	{ 500, "Internal Server Error", "Er ging iets mis" },
	{ 502, "Bad Gateway", "Tijdelijk niet beschikbaar" },
	{ 503, "Service Unavailable", "Tijdelijk niet beschikbaar" },
};

const char *
mp_http_reason(int status)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(statuses); i++)
		if (statuses[i].status == status)
			return statuses[i].reason;
	return "Unknown";
}

static const char *
title_nl(int status)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(statuses); i++)
		if (statuses[i].status == status &&
		    statuses[i].title != NULL)
			return statuses[i].title;
	return status >= 500 ? "Er ging iets mis" : "Ongeldig verzoek";
}

/* An HTTP token (RFC 9110 tchar+). */
static int
is_token(const char *s)
{

	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) &&
		    strchr("!#$%&'*+-.^_`|~", *s) == NULL)
			return 0;
	return 1;
}

/*
 * A field value: no CR, LF or other control character but tab, so
 * the value cannot end the header or the header block.
 */
static int
is_value(const char *s)
{

	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f)
			return 0;
	return 1;
}

/* RFC 6265 cookie-octet*. */
static int
is_cookie_value(const char *s)
{
	unsigned char	 c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if (c < 0x21 || c > 0x7e || c == '"' || c == ',' ||
		    c == ';' || c == '\\')
			return 0;
	}
	return 1;
}

/* Send len bytes through the request's writer. */
static enum mp_err
emit(struct mp_req *req, const void *p, size_t len)
{

	if (len == 0)
		return MP_OK;
	if (req->write == NULL || req->write(req->warg, p, len) !=
	    (long)len) {
		/* Mostly a client that went away: not worth an error. */
		mp_warnx("%s: write failed", __func__);
		return MP_ESYS;
	}
	return MP_OK;
}

enum mp_err
mp_http_header(struct mp_req *req, const char *name, const char *value)
{
	enum mp_err	 er;

	if (req->sent) {
		mp_errx("%s: headers already sent", __func__);
		return MP_EINVAL;
	}
	if (!is_token(name) || !is_value(value)) {
		/* Never echo the value: it may be what an attacker sent. */
		mp_errx("%s: refused header with invalid name or value",
		    __func__);
		return MP_EINVAL;
	}
	if (req->hdrs == NULL) {
		if ((req->hdrs = mp_alloc(sizeof(*req->hdrs))) == NULL)
			return MP_ENOMEM;
		mp_buf_init(req->hdrs, HDRS_MAX);
	}
	/* On failure mp_buf_printf adds nothing: no half header. */
	if ((er = mp_buf_printf(req->hdrs, "%s: %s\r\n", name, value))
	    != MP_OK)
		mp_errx("%s: %s: %s", __func__, name, mp_err_str(er));
	return er;
}

enum mp_err
mp_http_cookie(struct mp_req *req, const char *name, const char *value,
    long maxage, const char *path, int flags)
{
	struct mp_buf	 b;
	enum mp_err	 er;

	if (value == NULL)
		value = "";
	if (path == NULL)
		path = "/";
	if (!is_token(name) || !is_cookie_value(value) || !is_value(path) ||
	    strchr(path, ';') != NULL || path[0] != '/') {
		mp_errx("%s: refused cookie with invalid name, value or "
		    "path", __func__);
		return MP_EINVAL;
	}
	/*
	 * http.secure_cookies = 0 is for test setups without TLS, where a
	 * browser would drop a Secure cookie: callers always ask for it.
	 */
	if (req->ctx != NULL && !req->ctx->secure_cookies)
		flags &= ~MP_COOKIE_SECURE;

	mp_buf_init(&b, HDRS_MAX);
	er = mp_buf_printf(&b, "%s=%s; Path=%s", name, value, path);
	if (er == MP_OK && maxage >= 0)
		er = mp_buf_printf(&b, "; Max-Age=%ld", maxage);
	if (er == MP_OK && (flags & MP_COOKIE_HTTPONLY))
		er = mp_buf_addstr(&b, "; HttpOnly");
	if (er == MP_OK && (flags & MP_COOKIE_SECURE))
		er = mp_buf_addstr(&b, "; Secure");
	if (er == MP_OK)
		er = mp_buf_addstr(&b, (flags & MP_COOKIE_STRICT) ?
		    "; SameSite=Strict" : "; SameSite=Lax");
	if (er == MP_OK)
		er = mp_http_header(req, "Set-Cookie", mp_buf_str(&b));
	mp_buf_free(&b);
	return er;
}

/* Does a content type need "; charset=utf-8" added? */
static int
needs_charset(const char *ct)
{
	const char	*semi, *p;
	size_t		 tlen;

	for (p = ct; *p != '\0'; p++)
		if (strncasecmp(p, "charset=", 8) == 0)
			return 0;
	if (strncasecmp(ct, "text/", 5) == 0)
		return 1;
	tlen = (semi = strchr(ct, ';')) != NULL ? (size_t)(semi - ct) :
	    strlen(ct);
	while (tlen > 0 && (ct[tlen - 1] == ' ' || ct[tlen - 1] == '\t'))
		tlen--;
	if (tlen == 15 && strncasecmp(ct, "application/xml", 15) == 0)
		return 1;
	return tlen > 4 && strncasecmp(ct + tlen - 4, "+xml", 4) == 0;
}

/*
 * Build and send the header block.  len < 0: no Content-Length (a
 * streamed body).  The request counts as sent from here on, even if
 * writing fails, so no second response is ever started.
 */
static enum mp_err
send_headers(struct mp_req *req, int status, const char *ctype, long long len)
{
	struct mp_buf	 b;
	enum mp_err	 er;

	if (req->sent) {
		mp_errx("%s: response already sent", __func__);
		return MP_EINVAL;
	}
	if (ctype == NULL)
		ctype = "text/html";
	if (status < 100 || status > 999 || !is_value(ctype)) {
		mp_errx("%s: invalid status or content type", __func__);
		return MP_EINVAL;
	}

	mp_buf_init(&b, HDRS_MAX + 4096);
	er = mp_buf_printf(&b, "Status: %d %s\r\nContent-Type: %s%s\r\n",
	    status, mp_http_reason(status), ctype,
	    needs_charset(ctype) ? "; charset=utf-8" : "");
	if (er == MP_OK && len >= 0)
		er = mp_buf_printf(&b, "Content-Length: %lld\r\n", len);
	if (er == MP_OK)
		er = mp_buf_addstr(&b, sechdrs);
	if (er == MP_OK && req->hdrs != NULL)
		er = mp_buf_add(&b, mp_buf_str(req->hdrs),
		    mp_buf_len(req->hdrs));
	if (er == MP_OK)
		er = mp_buf_addstr(&b, "\r\n");
	if (er != MP_OK) {
		mp_errx("%s: %s", __func__, mp_err_str(er));
		goto out;
	}
	req->sent = 1;
	req->status = status;
	er = emit(req, mp_buf_str(&b), mp_buf_len(&b));
out:
	mp_buf_free(&b);
	return er;
}

static int
is_head(const struct mp_req *req)
{

	return req->method != NULL && strcmp(req->method, "HEAD") == 0;
}

enum mp_err
mp_http_send(struct mp_req *req, int status, const char *ctype,
    const void *body, size_t len)
{
	enum mp_err	 er;

	if (body == NULL)
		len = 0;
	if ((er = send_headers(req, status, ctype, (long long)len)) != MP_OK)
		return er;
	if (is_head(req))
		return MP_OK;
	return emit(req, body, len);
}

enum mp_err
mp_http_begin(struct mp_req *req, int status, const char *ctype)
{

	return send_headers(req, status, ctype, -1);
}

enum mp_err
mp_http_write(struct mp_req *req, const void *p, size_t len)
{

	if (!req->sent) {
		mp_errx("%s: mp_http_begin was not called", __func__);
		return MP_EINVAL;
	}
	if (is_head(req))
		return MP_OK;
	return emit(req, p, len);
}

/* Append s to b with & < > " ' escaped for HTML text and attributes. */
static enum mp_err
html_escape(struct mp_buf *b, const char *s)
{
	enum mp_err	 er = MP_OK;
	size_t		 n;

	while (er == MP_OK && *s != '\0') {
		n = strcspn(s, "&<>\"'");
		if ((er = mp_buf_add(b, s, n)) != MP_OK)
			break;
		s += n;
		switch (*s) {
		case '&':
			er = mp_buf_addstr(b, "&amp;");
			break;
		case '<':
			er = mp_buf_addstr(b, "&lt;");
			break;
		case '>':
			er = mp_buf_addstr(b, "&gt;");
			break;
		case '"':
			er = mp_buf_addstr(b, "&quot;");
			break;
		case '\'':
			er = mp_buf_addstr(b, "&#39;");
			break;
		default:
			continue;	/* the end of s */
		}
		s++;
	}
	return er;
}

enum mp_err
mp_http_redirect(struct mp_req *req, const char *location)
{
	struct mp_buf	 b;
	enum mp_err	 er;

	/*
	 * Only local paths: "//host" and "/\host" are taken by browsers
	 * as another host, which would make this an open redirect.
	 */
	/*
	 * A browser removes tabs from a URL before it reads it (WHATWG
	 * URL), so "/<tab>/host" is "//host": no tab in a location.
	 */
	if (location == NULL || location[0] != '/' || location[1] == '/' ||
	    location[1] == '\\' || !is_value(location) ||
	    strchr(location, '\t') != NULL) {
		mp_errx("%s: refused redirect to a non-local location",
		    __func__);
		return MP_EINVAL;
	}
	if ((er = mp_http_header(req, "Location", location)) != MP_OK)
		return er;
	mp_buf_init(&b, PAGE_MAX);
	er = mp_buf_addstr(&b, "<!DOCTYPE html>\n<html lang=\"nl\"><head>"
	    "<meta charset=\"utf-8\"><title>Doorverwijzing</title></head>"
	    "<body><p><a href=\"");
	if (er == MP_OK)
		er = html_escape(&b, location);
	if (er == MP_OK)
		er = mp_buf_addstr(&b, "\">Ga verder</a></p></body></html>\n");
	if (er == MP_OK)
		er = mp_http_send(req, 303, "text/html", mp_buf_str(&b),
		    mp_buf_len(&b));
	mp_buf_free(&b);
	return er;
}

/*
 * The way back from an error: the start of the program whose pages
 * the request was for (its mount), with the link's text; the form
 * when none matches.
 */
static void
error_back(const struct mp_req *req, const struct mp_conf *c,
    const char **href, const char **text)
{
	static const struct {
		enum mp_ck	 mount;
		const char	*text;
		const char	*key;		/* the public pages' text */
	} homes[] = {
		{ MP_CK_DASHBOARD_MOUNT, "Naar de werklijst", NULL },
		{ MP_CK_FEEDBACK_MOUNT, "Naar uw melding",
		    "error.back.feedback" },
		{ MP_CK_INTAKE_MOUNT, "Naar het meldformulier",
		    "error.back.intake" },
	};
	const char	*m;
	size_t		 i, n;

	*href = mp_confkey_str(c, MP_CK_INTAKE_MOUNT);
	*text = req->lang != NULL ? mp_i18n_text(req->lang,
	    "error.back.intake") : "Naar het meldformulier";
	for (i = 0; req->path != NULL && i < sizeof(homes) / sizeof(homes[0]);
	    i++) {
		m = mp_confkey_str(c, homes[i].mount);
		n = strlen(m);
		if (n > 0 && strncmp(req->path, m, n) == 0 &&
		    (req->path[n] == '/' || req->path[n] == '\0')) {
			*href = m;
			*text = req->lang != NULL && homes[i].key != NULL ?
			    mp_i18n_text(req->lang, homes[i].key) :
			    homes[i].text;
			return;
		}
	}
}

/*
 * The title of an error page: in the request's language on the public
 * pages (error.title.<status> of lib/i18n.c), else Dutch.
 */
static const char *
error_title(const struct mp_req *req, int status, char key[32])
{
	const char	*s;

	if (req->lang == NULL)
		return title_nl(status);
	(void)snprintf(key, 32, "error.title.%d", status);
	s = mp_i18n_text(req->lang, key);
	return s == key ? title_nl(status) : s;
}

/* Render common/error.cs; MP_OK only with a non-empty page in b. */
static enum mp_err
error_tmpl(const struct mp_req *req, struct mp_buf *b, int status,
    const char *title, const char *msg)
{
	const struct mp_conf	*c = req->ctx == NULL ? NULL : req->ctx->conf;
	struct mp_view		*v;
	const char		*back, *backtext;
	enum mp_err		 er;

	if ((v = mp_tmpl_new()) == NULL)
		return MP_ENOMEM;
	mp_tmpl_set_lang(v, req->lang);
	error_back(req, c, &back, &backtext);
	mp_tmpl_set(v, "Error.Back", back);
	/* A public page's language switch leads to its program's start. */
	if (req->lang != NULL)
		mp_tmpl_setf(v, "Page.Here", "%s/", back);
	mp_tmpl_set(v, "Error.BackText", backtext);
	/* The same frame as every other page: name and style sheet. */
	mp_tmpl_set(v, "Instance.Name",
	    mp_confkey_str(c, MP_CK_INSTANCE_NAME));
	mp_tmpl_set(v, "Page.Static", mp_confkey_str(c, MP_CK_HTTP_STATIC));
	mp_tmpl_set(v, "Page.Title", title);
	mp_tmpl_set_int(v, "Error.Status", status);
	mp_tmpl_set(v, "Error.Title", title);
	mp_tmpl_set(v, "Error.Message", msg);
	/* Renders nothing and returns the first error if a set failed. */
	er = mp_tmpl_render(v, "common/error.cs", b);
	mp_tmpl_free(v);
	if (er == MP_OK && mp_buf_len(b) == 0)
		er = MP_ETMPL;
	return er;
}

/* The page when templates fail: nothing here may fail but memory. */
static enum mp_err
error_builtin(struct mp_buf *b, int status, const char *title,
    const char *msg)
{
	enum mp_err	 er;

	er = mp_buf_printf(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>"
	    "<meta charset=\"utf-8\"><title>%s</title></head>\n<body>\n"
	    "<main>\n<h1>%s</h1>\n", title, title);
	if (er == MP_OK && msg != NULL && *msg != '\0') {
		er = mp_buf_addstr(b, "<p>");
		if (er == MP_OK)
			er = html_escape(b, msg);
		if (er == MP_OK)
			er = mp_buf_addstr(b, "</p>\n");
	}
	if (er == MP_OK)
		er = mp_buf_printf(b, "<p>(Foutcode %d)</p>\n</main>\n"
		    "</body>\n</html>\n", status);
	return er;
}

enum mp_err
mp_http_error(struct mp_req *req, int status, const char *msg)
{
	struct mp_buf	 b;
	char		 key[32];
	const char	*title = error_title(req, status, key);
	enum mp_err	 er;

	if (req->sent) {
		mp_errx("%s: response already sent", __func__);
		return MP_EINVAL;
	}
	if (msg == NULL)
		msg = "";
	if (status == 405 &&
	    (er = mp_http_header(req, "Allow", "GET, POST")) != MP_OK)
		return er;
	mp_buf_init(&b, PAGE_MAX);
	if (error_tmpl(req, &b, status, title, msg) != MP_OK) {
		/* The template may have left half a page behind. */
		mp_buf_free(&b);
		if ((er = error_builtin(&b, status, title, msg)) != MP_OK) {
			/* Out of memory: the status must still go out. */
			mp_errx("%s: %s", __func__, mp_err_str(er));
			mp_buf_free(&b);
			return mp_http_send(req, status, "text/plain", title,
			    strlen(title));
		}
	}
	er = mp_http_send(req, status, "text/html", mp_buf_str(&b),
	    mp_buf_len(&b));
	mp_buf_free(&b);
	return er;
}

enum mp_err
mp_http_send_file(struct mp_req *req, const char *filename, size_t namesz,
    const char *none, const char *mime, const void *data, size_t len)
{
	static const char *const types[] = {
		"image/jpeg", "image/png", "application/pdf"
	};
	const char	*ctype = "application/octet-stream";
	char		 name[256], disp[320];
	size_t		 i, o = 0;
	enum mp_err	 er;

	for (i = 0; mime != NULL && i < sizeof(types) / sizeof(types[0]);
	    i++)
		if (strcmp(mime, types[i]) == 0)
			ctype = types[i];
	/* The sender chose the name: nothing that ends or bends a header. */
	if (namesz > sizeof(name))
		namesz = sizeof(name);
	for (; filename != NULL && *filename != '\0' && o + 1 < namesz;
	    filename++) {
		unsigned char	 c = (unsigned char)*filename;

		name[o++] = c < 0x20 || c > 0x7e || c == '"' || c == '\\' ||
		    c == '/' || c == ';' ? '_' : (char)c;
	}
	name[o] = '\0';
	(void)snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"",
	    o > 0 ? name : none);
	if ((er = mp_http_header(req, "Content-Disposition", disp)) != MP_OK)
		return er;
	return mp_http_send(req, 200, ctype, data, len);
}
