/*
 * main.c -- meldpunt-intake, the report form at /melden/ (see
 * intake.h): GET /melden/ and /melden/<audience> show a form, POST
 * to the same address takes a report.
 */
#include "config.h"

#include <err.h>
#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "intake.h"

/*
 * The audience slug of a path below the mount point: "" for the mount
 * itself, NULL when the path is not ours or not a valid slug.
 */
static const char *
route(const char *path, const char *mount)
{
	size_t		 n = strlen(mount);
	const char	*rest;
	static char	 slug[33];
	size_t		 len;

	if (strncmp(path, mount, n) != 0)
		return NULL;
	rest = path + n;
	if (rest[0] == '\0' || strcmp(rest, "/") == 0)
		return "";
	if (rest[0] != '/')
		return NULL;
	rest++;
	len = strlen(rest);
	if (len > 0 && rest[len - 1] == '/')
		len--;
	if (len == 0 || len >= sizeof(slug))
		return NULL;
	memcpy(slug, rest, len);
	slug[len] = '\0';
	return mp_valid_slug(slug) ? slug : NULL;
}

int
main(int argc, char *argv[])
{
	struct mp_ctx		 ctx;
	struct mp_fcgi		*f;
	struct mp_intake	*in;
	struct mp_req		 r;
	const char		*slug, *mount;
	char			 errbuf[512];
	enum mp_err		 er;

	if (mp_ctx_open(&ctx, "meldpunt-intake", argc, argv, errbuf,
	    sizeof(errbuf)) != MP_OK)
		errx(1, "%s", errbuf);
	mp_upload_limits(&ctx, &ctx.limits);
	if (mp_intake_open(&in, &ctx) != MP_OK)
		errx(1, "cannot start the intake");
	if (mp_fcgi_init(&f, &ctx) != MP_OK)
		errx(1, "cannot start FastCGI");
	mount = mp_conf_str(ctx.conf, "intake.mount", "/melden");

	while ((er = mp_fcgi_accept(f, &r)) == MP_OK) {
		if ((slug = route(r.path, mount)) == NULL)
			(void)mp_http_error(&r, 404, "Deze pagina bestaat "
			    "niet.");
		else if (strcmp(r.method, "GET") == 0 ||
		    strcmp(r.method, "HEAD") == 0)
			mp_intake_form(in, &r, slug);
		else if (strcmp(r.method, "POST") == 0)
			mp_intake_submit(in, &r, slug);
		else
			(void)mp_http_error(&r, 405, NULL);
		mp_req_free(&r);
	}
	mp_fcgi_free(f);
	mp_intake_close(in);
	mp_ctx_close(&ctx);
	return er == MP_EXIT ? 0 : 1;
}
