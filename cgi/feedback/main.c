/*
 * main.c -- meldpunt-feedback, the reporter's follow-up at
 * /melding/ (see feedback.h): sign in with the reference and the
 * secret code from the receipt, read the meldpunt's messages, answer.
 */
#include "config.h"

#include <err.h>
#include <stdio.h>

#include "meldpunt.h"
#include "feedback.h"

static const struct feedback_route routes[] = {
	{ { "GET", "/" }, 0, feedback_home },
	{ { "POST", "/aanmelden" }, 0, feedback_sign_in },
	{ { "POST", "/antwoord" }, 1, feedback_reply },
	{ { "POST", "/afmelden" }, 1, feedback_sign_out },
	/* The session is checked by the page: a GET carries no token. */
	{ { "GET", "/bestand/#" }, 0, feedback_file },
};

int
main(int argc, char *argv[])
{
	struct mp_ctx		 ctx;
	struct mp_fcgi		*f;
	struct mp_feedback	*fb;
	struct mp_req		 r;
	char			 errbuf[512];
	enum mp_err		 er;

	if (mp_fcgi_ctx_open(&ctx, "meldpunt-feedback", argc, argv, errbuf,
	    sizeof(errbuf)) != MP_OK)
		errx(1, "%s", errbuf);
	/* Replies take files by the intake's rules (intake.*). */
	mp_fcgi_upload_limits(&ctx, &ctx.limits);
	if (mp_feedback_open(&fb, &ctx) != MP_OK)
		errx(1, "cannot start the feedback program");
	if (mp_fcgi_init(&f, &ctx) != MP_OK)
		errx(1, "cannot start FastCGI");
	while ((er = mp_fcgi_accept(f, &r)) == MP_OK) {
		mp_feedback_serve(fb, &r, routes, MP_NELEM(routes));
		mp_req_free(&r);
	}
	mp_fcgi_free(f);
	mp_feedback_close(fb);
	mp_fcgi_ctx_close(&ctx);
	return er == MP_EXIT ? 0 : 1;
}
