/*
 * main.c -- meldpunt-intake, the report form at /melden/ (see
 * intake.h): GET /melden/ and /melden/<audience> show a form, POST
 * to the same address takes a report; the staff's form behind the
 * portal at /intranet/melden/ (intake.intranet_audiences).
 */
#include "config.h"

#include <err.h>
#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "intake.h"
#include "route.h"

typedef void	(*intake_fn)(struct mp_intake *, struct mp_req *,
		    const char *slug);

/* A page; "*" is the audience's slug, none the default audience. */
struct intake_route {
	struct mp_route	 r;		/* method and pattern */
	intake_fn	 fn;
};

static const struct intake_route routes[] = {
	{ { "GET", "/" }, mp_intake_form },
	{ { "POST", "/" }, mp_intake_submit },
	{ { "GET", "/privacy" }, mp_intake_privacy },
	{ { "GET", "/*" }, mp_intake_form },
	{ { "POST", "/*" }, mp_intake_submit },
	{ { "GET", "/*/" }, mp_intake_form },
	{ { "POST", "/*/" }, mp_intake_submit },
};

/* 1 if path is mount or below it. */
static int
below(const char *path, const char *mount)
{
	size_t	 n = strlen(mount);

	return strncmp(path, mount, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/');
}

/*
 * The intranet's form (intake.intranet_audiences) comes in at its own
 * mount, where the web server sets the portal's user; the same pages
 * and routes, with the site in in->here.
 */
static void
serve(struct mp_intake *in, struct mp_req *r, const char *mount)
{
	struct mp_route_args	 a;
	const char		*path;
	size_t			 n, i;
	int			 status, intranet, chosen;

	/* The page's language (lib/i18n.c); a choice is kept a year. */
	r->lang = mp_i18n_pick(r, &chosen);
	if (chosen)
		(void)mp_http_cookie(r, MP_I18N_COOKIE, r->lang,
		    365L * 86400, "/", MP_COOKIE_HTTPONLY |
		    (in->ctx->secure_cookies ? MP_COOKIE_SECURE : 0));
	in->lang = r->lang;
	in->here_path = r->path;
	intranet = in->has_intranet && below(r->path, in->intranet_mount);
	if (intranet)
		mount = in->intranet_mount;
	n = strlen(mount);
	if (strncmp(r->path, mount, n) != 0) {
		(void)mp_http_error(r, 404, mp_i18n_text(r->lang,
		    "error.msg.not_found"));
		return;
	}
	intake_site_set(in, r, intranet);
	path = r->path[n] == '\0' ? "/" : r->path + n;
	if ((status = mp_route_find(routes, MP_NELEM(routes),
	    sizeof(routes[0]), r->method, path, &a, &i)) != 0) {
		(void)mp_http_error(r, status, status == 405 ? NULL :
		    mp_i18n_text(r->lang, "error.msg.not_found"));
		return;
	}
	routes[i].fn(in, r, a.slug);
}

int
main(int argc, char *argv[])
{
	struct mp_ctx		 ctx;
	struct mp_fcgi		*f;
	struct mp_intake	*in;
	struct mp_req		 r;
	const char		*mount;
	char			 errbuf[512];
	enum mp_err		 er;

	if (mp_fcgi_ctx_open(&ctx, "meldpunt-intake", argc, argv, errbuf,
	    sizeof(errbuf)) != MP_OK)
		errx(1, "%s", errbuf);
	mp_fcgi_upload_limits(&ctx, &ctx.limits);
	if (mp_intake_open(&in, &ctx) != MP_OK)
		errx(1, "cannot start the intake");
	if (mp_fcgi_init(&f, &ctx) != MP_OK)
		errx(1, "cannot start FastCGI");
	mount = mp_confkey_str(ctx.conf, MP_CK_INTAKE_MOUNT);

	while ((er = mp_fcgi_accept(f, &r)) == MP_OK) {
		serve(in, &r, mount);
		mp_req_free(&r);
	}
	mp_fcgi_free(f);
	mp_intake_close(in);
	mp_fcgi_ctx_close(&ctx);
	return er == MP_EXIT ? 0 : 1;
}
