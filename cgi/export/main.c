/*
 * main.c -- meldpunt-export, the partners' XML export at /api/ (see
 * export.h).
 */
#include "config.h"

#include <err.h>
#include <stdio.h>

#include "meldpunt.h"
#include "export.h"

static const struct export_route routes[] = {
	{ { "GET", "schema.xsd" }, export_schema },
	{ { "GET", "reports.xml" }, export_reports },
	{ { "GET", "reports/$.xml" }, export_report },
};

int
main(int argc, char *argv[])
{
	struct mp_ctx		 ctx;
	struct mp_fcgi		*f;
	struct mp_export	*e;
	struct mp_req		 r;
	char			 errbuf[512];
	enum mp_err		 er;

	if (mp_fcgi_ctx_open(&ctx, "meldpunt-export", argc, argv, errbuf,
	    sizeof(errbuf)) != MP_OK)
		errx(1, "%s", errbuf);
	if (mp_export_open(&e, &ctx) != MP_OK)
		errx(1, "cannot start the export (schema file?); see the log");
	if (mp_fcgi_init(&f, &ctx) != MP_OK)
		errx(1, "cannot start FastCGI");
	while ((er = mp_fcgi_accept(f, &r)) == MP_OK) {
		mp_export_serve(e, &r, routes, MP_NELEM(routes));
		mp_req_free(&r);
	}
	mp_fcgi_free(f);
	mp_export_close(e);
	mp_fcgi_ctx_close(&ctx);
	return er == MP_EXIT ? 0 : 1;
}
