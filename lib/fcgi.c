/*
 * fcgi.c -- a program's context (configuration, log, keys, templates,
 * database handle) and its request loop on libfcgi's fcgiapp.h.  Run
 * outside a FastCGI server, a program answers one request as CGI.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "alloc.h"
#include "conf.h"
#include "confkey.h"
#include "db.h"
#include "errcode.h"
#include "fcgi.h"
#include "http.h"
#include "i18n.h"
#include "keys.h"
#include "log.h"
#include "req.h"
#include "sandbox.h"
#include "tmpl.h"

extern char	**environ;

static enum mp_err	sandbox(struct mp_ctx *);

struct mp_fcgi {
	struct mp_ctx	*ctx;
	FCGX_Request	 req;
	int		 cgi;		/* plain CGI: one request only */
	int		 done;		/* CGI: the request was handed out */
};

/* The only option is -c file; anything else is a usage error. */
static enum mp_err
ctx_args(const char *prog, int argc, char *argv[], const char **arg,
    char *err, size_t errsz)
{
	int	 c;

	/* Reset getopt: a test may call this more than once. */
	optind = 1;
	opterr = 0;
	while (argc > 0 && (c = getopt(argc, argv, "c:")) != -1) {
		if (c != 'c') {
			snprintf(err, errsz, "usage: %s [-c file]", prog);
			return MP_ECONF;
		}
		*arg = optarg;
	}
	if (argc > 0 && optind < argc) {
		snprintf(err, errsz, "usage: %s [-c file]", prog);
		return MP_ECONF;
	}
	return MP_OK;
}

/* Open the log the configuration asks for, before anything can fail. */
static enum mp_err
ctx_log(const struct mp_ctx *ctx, const char *prog, char *err,
    size_t errsz)
{
	const char	*s;
	int		 lvl;
	enum mp_err	 er;

	s = mp_confkey_str(ctx->conf, MP_CK_LOG_LEVEL);
	if ((lvl = mp_log_level(s)) < 0) {
		snprintf(err, errsz, "log.level: unknown level \"%s\"", s);
		return MP_ECONF;
	}
	s = mp_confkey_str(ctx->conf, MP_CK_LOG_TARGET);
	if ((er = mp_log_open(prog, s, (enum mp_loglevel)lvl)) != MP_OK) {
		snprintf(err, errsz, "log.target: cannot open \"%s\"", s);
		return er;
	}
	return MP_OK;
}

/* Load the keys every program needs, and the contact key if it may. */
static enum mp_err
ctx_keys(struct mp_ctx *ctx, const char *prog, char *err, size_t errsz)
{
	const char	*s;
	enum mp_err	 er;

	if ((s = mp_confkey_str(ctx->conf, MP_CK_CRYPTO_KEY_FILE)) == NULL ||
	    *s == '\0') {
		snprintf(err, errsz, "crypto.key_file is not set in %s",
		    mp_conf_file(ctx->conf));
		return MP_ECONF;
	}
	if ((er = mp_keys_load(&ctx->keys, s, err, errsz)) != MP_OK)
		return er;
	/*
	 * Only the dashboard reads reporter identities; the public
	 * programs never load the private contact key, even when a
	 * shared configuration names it.
	 */
	return mp_keys_load_contact(&ctx->keys, ctx->conf,
	    strcmp(prog, "meldpunt-dashboard") == 0, err, errsz);
}

enum mp_err
mp_fcgi_ctx_open(struct mp_ctx *ctx, const char *prog, int argc, char *argv[],
    char *err, size_t errsz)
{
	const char	*arg = NULL, *s;
	enum mp_err	 er;

	memset(ctx, 0, sizeof(*ctx));
	ctx->prog = prog;
	if (errsz > 0)
		err[0] = '\0';

	/* Nothing is open yet: a usage error needs no cleanup. */
	if ((er = ctx_args(prog, argc, argv, &arg, err, errsz)) != MP_OK)
		return er;
	if ((er = mp_conf_load(&ctx->conf, mp_conf_path(arg), err, errsz))
	    != MP_OK ||
	    (er = ctx_log(ctx, prog, err, errsz)) != MP_OK ||
	    (er = ctx_keys(ctx, prog, err, errsz)) != MP_OK)
		goto fail;

	s = mp_confkey_str(ctx->conf, MP_CK_PATHS_TEMPLATES);
	if ((er = mp_tmpl_init(s)) != MP_OK) {
		snprintf(err, errsz, "paths.templates: cannot use \"%s\"", s);
		goto fail;
	}
	/* The languages' texts, read once (lib/i18n.c). */
	if ((er = mp_i18n_init(ctx->conf, s)) != MP_OK) {
		snprintf(err, errsz, "%s/i18n: cannot read the catalogues", s);
		goto fail;
	}

	/* Each program its own database account when one is set. */
	s = strncmp(prog, "meldpunt-", 9) == 0 ? prog + 9 : prog;
	if ((er = mp_db_open_as(&ctx->db, ctx->conf, s)) != MP_OK) {
		snprintf(err, errsz, "database configuration: %s",
		    mp_err_str(er));
		goto fail;
	}

	ctx->secure_cookies = mp_confkey_bool(ctx->conf,
	    MP_CK_HTTP_SECURE_COOKIES);
	mp_req_limits_default(&ctx->limits);
	return MP_OK;
fail:
	if (errsz > 0 && err[0] == '\0')
		snprintf(err, errsz, "%s", mp_err_str(er));
	mp_fcgi_ctx_close(ctx);
	return er;
}

void
mp_fcgi_ctx_close(struct mp_ctx *ctx)
{

	if (ctx->db != NULL)
		mp_db_close(ctx->db);
	mp_keys_wipe(&ctx->keys);
	mp_i18n_free();
	if (ctx->conf != NULL)
		mp_conf_free(ctx->conf);
	memset(ctx, 0, sizeof(*ctx));
}

void
mp_fcgi_upload_limits(const struct mp_ctx *ctx, struct mp_limits *l)
{

	mp_req_limits_default(l);
	l->max_files = (size_t)mp_confkey_int(ctx->conf,
	    MP_CK_INTAKE_MAX_FILES);
	l->max_file = (size_t)mp_confkey_int(ctx->conf,
	    MP_CK_INTAKE_MAX_FILE_SIZE);
	l->max_body = (size_t)mp_confkey_int(ctx->conf,
	    MP_CK_INTAKE_MAX_BODY);
	l->max_params = 64;
	l->max_value = 32 * 1024;
}

/* mp_read_fn on a FastCGI stream. */
static long
fcgi_read(void *arg, void *buf, size_t len)
{
	FCGX_Stream	*in = arg;
	int		 n;

	if (len > INT_MAX)
		len = INT_MAX;
	n = FCGX_GetStr(buf, (int)len, in);
	if (n <= 0)
		return FCGX_GetError(in) != 0 ? -1 : 0;
	return n;
}

/* mp_write_fn on a FastCGI stream. */
static long
fcgi_write(void *arg, const void *buf, size_t len)
{
	FCGX_Stream	*out = arg;
	const char	*p = buf;
	size_t		 left = len, n;

	while (left > 0) {
		n = left > INT_MAX ? INT_MAX : left;
		if (FCGX_PutStr(p, (int)n, out) != (int)n)
			return -1;
		p += n;
		left -= n;
	}
	return (long)len;
}

/* mp_read_fn on stdin (CGI). */
static long
cgi_read(void *arg, void *buf, size_t len)
{
	ssize_t	 n;

	MP_UNUSED(arg);
	do
		n = read(STDIN_FILENO, buf, len);
	while (n == -1 && errno == EINTR);
	return (long)n;
}

/* mp_write_fn on stdout (CGI). */
static long
cgi_write(void *arg, const void *buf, size_t len)
{
	const char	*p = buf;
	size_t		 left = len;
	ssize_t		 n;

	MP_UNUSED(arg);
	while (left > 0) {
		if ((n = write(STDOUT_FILENO, p, left)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		left -= (size_t)n;
	}
	return (long)len;
}

enum mp_err
mp_fcgi_init(struct mp_fcgi **fp, struct mp_ctx *ctx)
{
	struct mp_fcgi	*f;

	*fp = NULL;
	if (FCGX_Init() != 0) {
		mp_errx("%s: FCGX_Init failed", __func__);
		return MP_ESYS;
	}
	if ((f = mp_alloc_calloc(1, sizeof(*f))) == NULL)
		return MP_ENOMEM;
	f->ctx = ctx;
	if (FCGX_IsCGI())
		f->cgi = 1;
	else if (FCGX_InitRequest(&f->req, 0, 0) != 0) {
		mp_errx("%s: FCGX_InitRequest failed", __func__);
		free(f);
		return MP_ESYS;
	}
	*fp = f;
	return sandbox(ctx);
}

/*
 * From here on the worker serves requests: confine it (lib/sandbox.c)
 * unless sandbox.seccomp = 0.  Valgrind (its preload in LD_PRELOAD)
 * and sanitizer builds make calls of their own (symbolizer, leak
 * checker), so the filter stays off under them, and the log says so.
 */
static enum mp_err
sandbox(struct mp_ctx *ctx)
{
	const char	*pre = getenv("LD_PRELOAD");
	int		 san = 0;

#if defined(__SANITIZE_ADDRESS__)
	san = 1;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	san = 1;
#endif
#endif
	if (ctx == NULL || ctx->conf == NULL ||
	    !mp_confkey_bool(ctx->conf, MP_CK_SANDBOX_SECCOMP)) {
		mp_infox("sandbox: off (sandbox.seccomp = 0)");
		return MP_OK;
	}
	if (san || (pre != NULL && strstr(pre, "vgpreload") != NULL)) {
		mp_infox("sandbox: off under %s", san ? "a sanitizer" :
		    "valgrind");
		return MP_OK;
	}
	if (!mp_sandbox_available()) {
		mp_warnx("sandbox: built without libseccomp");
		return MP_OK;
	}
	return mp_sandbox_enter();
}

/* A response that needs no memory, when parsing ran out of it. */
static void
answer_enomem(mp_write_fn fn, void *arg)
{
	static const char	 msg[] = "Status: 503 Service Unavailable\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Cache-Control: no-store\r\n\r\n"
	    "Tijdelijk niet beschikbaar\n";

	(void)fn(arg, msg, sizeof(msg) - 1);
}

/*
 * Whether a request that changes state comes from another site.  A
 * browser that sends Sec-Fetch-Site is believed: only same-origin and
 * none (typed by the user) pass.  Only without it does Origin count:
 * a host other than the one the request was sent to is refused.
 * "Origin: null" then passes, because every page here is sent with
 * Referrer-Policy: no-referrer, under which browsers send null for
 * their own same-origin form posts (Fetch standard; Chromium does so
 * even beside Sec-Fetch-Site: same-origin).  Browsers too old to send
 * either header pass too: the forms' tokens, bound to the browser
 * where it matters (sign-in), still protect them.  GET and HEAD change
 * nothing.
 */
/* The length of the host name in "host[:port]" or "[v6][:port]". */
static size_t
hostlen(const char *s)
{
	const char	*e;

	if (s[0] == '[' && (e = strchr(s, ']')) != NULL)
		return (size_t)(e - s) + 1;
	return strcspn(s, ":/");
}

static int
cross_site(const struct mp_req *req)
{
	const char	*m = req->method, *sfs, *origin, *host, *p;

	if (m == NULL || strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0)
		return 0;
	if ((sfs = mp_req_env(req, "HTTP_SEC_FETCH_SITE")) != NULL)
		return strcmp(sfs, "same-origin") != 0 &&
		    strcmp(sfs, "none") != 0;
	if ((origin = mp_req_env(req, "HTTP_ORIGIN")) == NULL ||
	    strcmp(origin, "null") == 0)
		return 0;
	host = mp_req_env(req, "HTTP_HOST");
	if ((p = strstr(origin, "://")) == NULL || host == NULL)
		return 1;
	p += 3;
	/*
	 * Host names only: Debian's fastcgi_params passes HTTP_HOST as
	 * nginx's $host, without the port, while Origin has it.
	 */
	return hostlen(p) != hostlen(host) ||
	    strncasecmp(p, host, hostlen(p)) != 0;
}

/* Refuse req if it is a cross-site state change; 1 when refused. */
static int
refuse_cross_site(struct mp_req *req)
{

	if (!cross_site(req))
		return 0;
	(void)mp_http_error(req, 403, "Dit formulier is vanaf een andere "
	    "website verstuurd en daarom niet verwerkt. Open de pagina "
	    "van het meldpunt zelf en probeer het daar opnieuw.");
	return 1;
}

enum mp_err
mp_fcgi_accept(struct mp_fcgi *f, struct mp_req *req)
{
	const struct mp_limits	*lim = f->ctx != NULL ? &f->ctx->limits :
				    NULL;
	enum mp_err		 er;

	memset(req, 0, sizeof(*req));
	if (f->cgi) {
		if (f->done)
			return MP_EXIT;
		f->done = 1;
		er = mp_req_parse(req, environ, cgi_read, NULL, cgi_write,
		    NULL, lim);
		if (er != MP_OK) {
			answer_enomem(cgi_write, NULL);
			mp_req_free(req);
			return er;
		}
		req->ctx = f->ctx;
		if (refuse_cross_site(req)) {
			mp_req_free(req);
			return MP_EXIT;
		}
		return MP_OK;
	}

	for (;;) {
		/* This also finishes the previous request. */
		if (FCGX_Accept_r(&f->req) < 0)
			return MP_EXIT;
		er = mp_req_parse(req, f->req.envp, fcgi_read, f->req.in,
		    fcgi_write, f->req.out, lim);
		if (er == MP_OK) {
			req->ctx = f->ctx;
			if (!refuse_cross_site(req)) {
				/* Back to the first server (db.failback). */
				if (f->ctx != NULL)
					mp_db_idle(f->ctx->db);
				break;
			}
			mp_req_free(req);
			continue;
		}
		/* Out of memory for this request: answer, try the next. */
		mp_errx("%s: %s", __func__, mp_err_str(er));
		answer_enomem(fcgi_write, f->req.out);
		mp_req_free(req);
	}
	req->ctx = f->ctx;
	return MP_OK;
}

void
mp_fcgi_free(struct mp_fcgi *f)
{

	if (f == NULL)
		return;
	if (!f->cgi)
		FCGX_Finish_r(&f->req);
	free(f);
}
