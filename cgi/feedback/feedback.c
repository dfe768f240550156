/*
 * feedback.c -- the reporter's pages at /melding/ (see feedback.h): the
 * process state, the front door and what the pages (signin.c,
 * thread.c) share.
 *
 *	GET  /melding/			sign-in form, or the thread
 *	POST /melding/aanmelden		reference + code
 *	POST /melding/antwoord		a reply (multipart: text, files)
 *	POST /melding/afmelden		sign out
 *	GET  /melding/bestand/<id>	one of the reporter's own files
 *
 * The code's HMAC (lib/report.c normalises and hashes it) is checked
 * against the one stored on the report by the database, which starts
 * the session in the same call (sql/020): the program reads no code
 * hash.  A reference that does not exist costs the same work and gets
 * the same answer as a wrong code.  Every read and write of the report
 * goes through views and functions bound to the request's session, so
 * the program's database account reaches no other report.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "feedback.h"

#define PAGE_MAX	(1024 * 1024)
#define PURGE_EVERY	600

enum mp_err
mp_feedback_open(struct mp_feedback **out, struct mp_ctx *ctx)
{
	struct mp_feedback	*f;
	const struct mp_conf	*c = ctx->conf;

	*out = NULL;
	if ((f = mp_alloc_calloc(1, sizeof(*f))) == NULL)
		return MP_ENOMEM;
	f->ctx = ctx;
	f->mount = mp_confkey_str(c, MP_CK_FEEDBACK_MOUNT);
	f->instance = mp_confkey_str(c, MP_CK_INSTANCE_NAME);
	f->static_url = mp_confkey_str(c, MP_CK_HTTP_STATIC);
	f->idle = (long)mp_confkey_int(c, MP_CK_FEEDBACK_SESSION_IDLE);
	f->absolute = (long)mp_confkey_int(c, MP_CK_FEEDBACK_SESSION_ABSOLUTE);
	f->max_attempts = (long)mp_confkey_int(c, MP_CK_FEEDBACK_MAX_ATTEMPTS);
	f->attempt_window = (long)mp_confkey_int(c,
	    MP_CK_FEEDBACK_ATTEMPT_WINDOW);
	f->replies.scope = "melding-antwoord";
	f->replies.per_client = (long)mp_confkey_int(c,
	    MP_CK_FEEDBACK_REPLY_RATE_PER_REPORT);
	f->replies.global = (long)mp_confkey_int(c,
	    MP_CK_FEEDBACK_REPLY_RATE_GLOBAL);
	f->replies.window = (long)mp_confkey_int(c,
	    MP_CK_FEEDBACK_REPLY_RATE_WINDOW);
	f->reopen = strcmp(mp_confkey_str(c, MP_CK_FEEDBACK_CLOSED_REPLY),
	    "reopen") == 0;
	f->max_files = (long)ctx->limits.max_files;
	f->max_file_mb = (long)(ctx->limits.max_file / (1024 * 1024));
	*out = f;
	return MP_OK;
}

void
mp_feedback_close(struct mp_feedback *f)
{

	free(f);
}

/* ------------------------------------------------------------------ */
/* Helpers the pages share (feedback.h).                              */

const char *
feedback_form(struct freq *r, const char *name)
{

	return mp_req_params_get(&r->req->form, name, NULL);
}

/* Amsterdam's time, as the dashboard shows it (lib/nltime.h). */
void
feedback_time(struct freq *r, char out[32], time_t t)
{

	mp_nltime_stamp(t, out);
	feedback_date_sep(r, out);
}

void
feedback_date_sep(struct freq *r, char *d)
{
	const char	*sep = mp_i18n_text(r->req->lang, "date.sep");

	/* One separator character; anything else is a catalogue's slip. */
	if (strlen(sep) == 1 && strlen(d) >= 10 && d[2] == '-' &&
	    d[5] == '-')
		d[2] = d[5] = sep[0];
}

/* The cookies' path, "/melding/", into path. */
const char *
feedback_cookie_path(struct freq *r, char path[128])
{

	(void)snprintf(path, 128, "%s/", r->f->mount);
	return path;
}

void
feedback_cookie(struct freq *r, const char *value)
{
	char	 path[128];
	int	 flags = MP_COOKIE_HTTPONLY | MP_COOKIE_STRICT;

	if (r->f->ctx->secure_cookies)
		flags |= MP_COOKIE_SECURE;
	(void)feedback_cookie_path(r, path);
	(void)mp_http_cookie(r->req, MP_SESSION_COOKIE_REPORTER, value,
	    value[0] == '\0' ? 0 : -1, path, flags);
}

void
feedback_redirect(struct freq *r, const char *path)
{
	char	 loc[256];

	(void)snprintf(loc, sizeof(loc), "%s%s", r->f->mount, path);
	(void)mp_http_redirect(r->req, loc);
}

struct mp_view *
feedback_view(struct freq *r, const char *title)
{
	struct mp_view	*v;

	if ((v = mp_tmpl_new()) == NULL)
		return NULL;
	mp_tmpl_set_lang(v, r->req->lang);
	/* The switch links to the front door: every POST ends there. */
	if (mp_tmpl_set(v, "Page.Title", title) != MP_OK ||
	    mp_tmpl_setf(v, "Page.Here", "%s/", r->f->mount) != MP_OK ||
	    mp_tmpl_set(v, "Instance.Name", r->f->instance) != MP_OK ||
	    mp_tmpl_set(v, "Page.Static", r->f->static_url) != MP_OK ||
	    mp_tmpl_set(v, "Page.Mount", r->f->mount) != MP_OK ||
	    mp_tmpl_setf(v, "Page.Privacy", "%s/privacy",
	    mp_confkey_str(r->f->ctx->conf, MP_CK_INTAKE_MOUNT)) != MP_OK ||
	    mp_tmpl_set(v, "Page.Intake", mp_confkey_str(r->f->ctx->conf,
	    MP_CK_INTAKE_MOUNT)) != MP_OK) {
		mp_tmpl_free(v);
		return NULL;
	}
	return v;
}

/* Render and send; frees v (NULL: 500). */
void
feedback_render(struct freq *r, int status, struct mp_view *v,
    const char *tmpl)
{
	struct mp_buf	 page;

	if (v == NULL) {
		(void)mp_http_error(r->req, 500, NULL);
		return;
	}
	mp_buf_init(&page, PAGE_MAX);
	if (mp_tmpl_render(v, tmpl, &page) != MP_OK)
		(void)mp_http_error(r->req, 500, NULL);
	else
		(void)mp_http_send(r->req, status, "text/html",
		    mp_buf_str(&page), mp_buf_len(&page));
	mp_buf_freezero(&page);
	mp_tmpl_free(v);
}

const char *
feedback_kept_reply(struct freq *r)
{
	const char	*text = feedback_form(r, "tekst");
	size_t		 len;

	if (text == NULL || strcmp(r->req->method, "POST") != 0)
		return NULL;
	len = strlen(text);
	/* The reply form's own limits; anything else is not carried. */
	if (mp_valid_blank(text, len) || !mp_valid_utf8(text, len) ||
	    !mp_valid_text(text, len, MP_MSG_MAX, 1))
		return NULL;
	return text;
}

/*
 * The sign-in form, with status and an optional message; a reply that
 * came with the request (feedback_kept_reply) rides along in a hidden
 * field, so that it is not lost when the session was gone.
 */
void
feedback_signin_page(struct freq *r, int status, const char *ref,
    const char *msg)
{
	struct mp_view	*v;
	const char	*kept = feedback_kept_reply(r);
	char		 tok[MP_FORMTOKEN_LEN], path[128];

	if ((v = feedback_view(r, mp_i18n_text(r->req->lang,
	    "signin.title"))) == NULL ||
	    mp_presession_form(r->req, &r->f->ctx->keys,
	    MP_PRESESSION_FEEDBACK, feedback_cookie_path(r, path), r->now,
	    tok) != MP_OK ||
	    mp_tmpl_set(v, "SignIn.Token", tok) != MP_OK ||
	    (ref != NULL && mp_valid_text(ref, strlen(ref), FEEDBACK_REF_MAX,
	    0) && mp_tmpl_set(v, "SignIn.Reference", ref) != MP_OK) ||
	    (msg != NULL && mp_tmpl_set(v, "SignIn.Message", msg) != MP_OK) ||
	    (kept != NULL && mp_tmpl_set(v, "SignIn.Kept", kept) != MP_OK)) {
		mp_tmpl_free(v);
		(void)mp_http_error(r->req, 500, NULL);
		return;
	}
	feedback_render(r, status, v, "feedback/signin.cs");
}

/* ------------------------------------------------------------------ */
/* The front door.                                                    */

/* 1 when the reporter's session is good; else an answer was sent. */
int
feedback_session(struct freq *r, int post)
{
	const char	*have;
	enum mp_err	 er;

	have = mp_req_params_get(&r->req->cookies, MP_SESSION_COOKIE_REPORTER,
	    NULL);
	er = mp_session_load(r->f->ctx->db, &r->f->ctx->keys,
	    MP_SESS_REPORTER, have, r->now, r->f->idle, &r->sess);
	if (er == MP_ENOTFOUND) {
		if (have != NULL)
			feedback_cookie(r, "");
		if (post)
			feedback_signin_page(r, 403, NULL,
			    mp_i18n_text(r->req->lang,
			    feedback_kept_reply(r) != NULL ?
			    "signin.expired_kept" : "signin.expired_session"));
		return 0;
	}
	if (er != MP_OK) {
		(void)mp_http_error(r->req, 503, NULL);
		return 0;
	}
	r->signed_in = 1;
	feedback_report_lang(r);
	return 1;
}

void
mp_feedback_serve(struct mp_feedback *f, struct mp_req *req,
    const struct feedback_route *routes, size_t n)
{
	struct freq			 r;
	const struct feedback_route	*rt;
	struct mp_route_args		 a;
	const char			*path, *method;
	size_t				 i, mlen = strlen(f->mount);
	int				 status, post;

	memset(&r, 0, sizeof(r));
	r.f = f;
	r.req = req;
	/* The page's language (lib/i18n.c); a choice is kept a year. */
	req->lang = mp_i18n_pick(req, &r.lang_chosen);
	if (r.lang_chosen)
		(void)mp_http_cookie(req, MP_I18N_COOKIE, req->lang,
		    365L * 86400, "/", MP_COOKIE_HTTPONLY |
		    (f->ctx->secure_cookies ? MP_COOKIE_SECURE : 0));
	r.now = time(NULL);
	r.client = req->remote_addr != NULL ? req->remote_addr : "";
	if (req->err == MP_ETOOBIG) {
		(void)mp_http_error(req, 413, mp_i18n_text(req->lang,
		    "error.msg.too_large"));
		return;
	}
	if (req->err != MP_OK) {
		(void)mp_http_error(req, 400, NULL);
		return;
	}
	if (strncmp(req->path, f->mount, mlen) != 0) {
		(void)mp_http_error(req, 404, mp_i18n_text(req->lang,
		    "error.msg.not_found"));
		return;
	}
	path = req->path + mlen;
	if (*path == '\0') {
		feedback_redirect(&r, "/");
		return;
	}
	method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
	if ((status = mp_route_find(routes, n, sizeof(routes[0]), method,
	    path, &a, &i)) != 0) {
		if (status == 405 && strcmp(path, "/aanmelden") == 0 &&
		    strcmp(method, "GET") == 0)
			feedback_redirect(&r, "/");
		else
			(void)mp_http_error(req, status, status == 405 ?
			    NULL : mp_i18n_text(req->lang,
			    "error.msg.not_found"));
		return;
	}
	rt = &routes[i];
	r.arg = a.num[0];
	if (f->purged + PURGE_EVERY < r.now) {
		f->purged = r.now;
		(void)mp_session_purge(f->ctx->db, MP_SESS_REPORTER, r.now,
		    f->idle);
		(void)mp_ratelimit_purge(f->ctx->db, r.now,
		    MP_RATELIMIT_WINDOW_MAX);
		(void)mp_presession_purge(f->ctx->db, r.now);
	}
	post = strcmp(method, "POST") == 0;
	if (rt->session) {
		if (!feedback_session(&r, post))
			return;
		/* Every state-changing request carries the token. */
		if (!mp_session_csrf_ok(&r.sess, feedback_form(&r, "csrf"))) {
			(void)mp_http_error(req, 403, mp_i18n_text(req->lang,
			    "error.msg.csrf"));
			return;
		}
	}
	rt->fn(&r);
}
