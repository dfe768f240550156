/*
 * signin.c -- the reporter signs in with the reference and the secret
 * code from the receipt (throttled per reference and per client), and
 * signs out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "feedback.h"

/*
 * Check ref and code and, when they match, start the reporter's
 * session (cookie value into value): the report's id, 0 when they do
 * not match (the same work either way: the database compares the
 * stored hash with whatever is typed, sql/020), -1 when the database
 * fails.
 */
static long long
check_code(struct freq *r, const char *ref, const char *code,
    char value[MP_SESSION_TOKEN_LEN])
{
	unsigned char	 typed[MP_SHA256_LEN];
	enum mp_err	 er;

	if (code == NULL || mp_report_code_hash(&r->f->ctx->keys, code,
	    typed) != MP_OK)
		memset(typed, 0xff, sizeof(typed));
	er = mp_session_create_reporter(r->f->ctx->db, &r->f->ctx->keys, ref,
	    typed, r->now, r->f->absolute, value, &r->sess);
	mp_alloc_wipe(typed, sizeof(typed));
	if (er == MP_ENOTFOUND)
		return 0;
	return er == MP_OK ? r->sess.user_id : -1;
}

/*
 * The form must come from this browser's own sign-in page, once
 * (lib/presession.h): no foreign page can sign the reporter into
 * someone else's thread.  1 when it does; else 0, answered.
 */
static int
form_ok(struct freq *r, const char *typed)
{
	const char	*msg;
	int		 status = 403;

	switch (mp_presession_check(r->req, r->f->ctx->db, &r->f->ctx->keys,
	    MP_PRESESSION_FEEDBACK, feedback_form(r, "token"), r->now)) {
	case MP_OK:
		return 1;
	case MP_ENOTFOUND:
		status = 400;
		msg = "signin.cookies";
		break;
	case MP_EINVAL:
		msg = "signin.expired";
		break;
	case MP_EDUP:
		msg = "signin.again";
		break;
	default:
		(void)mp_http_error(r->req, 503, NULL);
		return 0;
	}
	feedback_signin_page(r, status, typed, mp_i18n_text(r->req->lang,
	    msg));
	return 0;
}

void
feedback_sign_in(struct freq *r)
{
	struct mp_session	 old;
	struct mp_throttle	 t;
	const char		*typed, *code, *have;
	char			 ref[FEEDBACK_REF_MAX + 1], path[128];
	char			 value[MP_SESSION_TOKEN_LEN];
	long long		 id;
	int			 over;

	typed = feedback_form(r, "meldingsnummer");
	code = feedback_form(r, "code");
	if (!form_ok(r, typed))
		return;
	(void)mp_report_reference_norm(typed, ref);	/* "": no match */
	if (mp_throttle_keys(r->f->ctx->db, &r->f->ctx->keys, "melding", ref,
	    r->client, r->now, &t) != MP_OK) {
		(void)mp_http_error(r->req, 503, NULL);
		return;
	}
	/*
	 * A client over its limit waits, whatever it types.  A reference
	 * over its limit refuses only wrong codes: references are
	 * sequential, so anyone could otherwise keep a reporter out by
	 * trying wrong codes on theirs, while a 96-bit code cannot be
	 * guessed however many clients try.
	 */
	over = mp_throttle_over(r->f->ctx->db, &t, r->now,
	    r->f->attempt_window, r->f->max_attempts);
	id = 0;
	if (!(over & MP_THROTTLE_CLIENT) &&
	    (id = check_code(r, ref, code, value)) < 0) {
		(void)mp_http_error(r->req, 503, NULL);
		return;
	}
	if (id == 0 && over != 0) {
		mp_throttle_fail(r->f->ctx->db, &t, r->now);
		feedback_signin_page(r, 429, typed, mp_i18n_text(r->req->lang,
		    "signin.too_often"));
		return;
	}
	if (id == 0) {
		mp_throttle_fail(r->f->ctx->db, &t, r->now);
		feedback_signin_page(r, 403, typed, mp_i18n_text(r->req->lang,
		    "signin.wrong"));
		return;
	}
	/*
	 * A session id from before sign-in never survives it: the new
	 * one (check_code) has a new id, and the old one ends.
	 */
	have = mp_req_params_get(&r->req->cookies, MP_SESSION_COOKIE_REPORTER,
	    NULL);
	if (mp_session_load(r->f->ctx->db, &r->f->ctx->keys,
	    MP_SESS_REPORTER, have, r->now, r->f->idle, &old) == MP_OK)
		(void)mp_session_destroy(r->f->ctx->db, &old);
	/* The session cookie replaces the pre-session's. */
	mp_presession_end(r->req, MP_PRESESSION_FEEDBACK,
	    feedback_cookie_path(r, path));
	feedback_cookie(r, value);
	/*
	 * A reply kept from an expired session: the page at once, with
	 * the reply form filled, for the reporter to check and send (a
	 * redirect would lose it; it is never sent by signing in).
	 */
	if (feedback_kept_reply(r) != NULL && mp_session_load(r->f->ctx->db,
	    &r->f->ctx->keys, MP_SESS_REPORTER, value, r->now, r->f->idle,
	    &r->sess) == MP_OK) {
		mp_alloc_wipe(value, sizeof(value));
		feedback_thread_page(r, 200, feedback_kept_reply(r), NULL,
		    mp_i18n_text(r->req->lang, "signin.back_in"));
		return;
	}
	mp_alloc_wipe(value, sizeof(value));
	feedback_redirect(r, "/");
}

void
feedback_sign_out(struct freq *r)
{
	struct mp_view	*v;

	(void)mp_session_destroy(r->f->ctx->db, &r->sess);
	feedback_cookie(r, "");
	v = feedback_view(r, mp_i18n_text(r->req->lang, "signin.out_title"));
	feedback_render(r, 200, v, "feedback/signedout.cs");
}
