/*
 * feedback.c -- the reporter's pages at /melding/ (see feedback.h).
 *
 *	GET  /melding/			sign-in form, or the thread
 *	POST /melding/aanmelden		reference + code
 *	POST /melding/antwoord		a reply (multipart: text, files)
 *	POST /melding/afmelden		sign out
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
#define THREAD_MAX	500		/* messages shown */
#define REF_MAX		24

struct mp_feedback {
	struct mp_ctx	*ctx;
	const char	*mount;		/* "/melding" */
	const char	*instance;
	const char	*static_url;
	long		 idle, absolute;
	long		 max_attempts, attempt_window;
	long		 max_files, max_file_mb;
	struct mp_ratelimit replies;
	time_t		 purged;
};

/* One request. */
struct freq {
	struct mp_feedback *f;
	struct mp_req	*req;
	struct mp_session sess;
	int		 signed_in;
	time_t		 now;
	const char	*client;	/* for the throttle's HMAC only */
};

enum stmt {
	STMT_REPORT,
	STMT_MESSAGES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/*
	 * STMT_REPORT: the views show the report of the session the
	 * request came with and no other (sql/020, lib/session.c).
	 */
	"SELECT reference, status, UNIX_TIMESTAMP(received_at)"
	" FROM feedback_own_report WHERE id = ?",
	/* STMT_MESSAGES: what the reporter may see is only this table. */
	"SELECT UNIX_TIMESTAMP(at), direction, body FROM feedback_own_message"
	" WHERE report_id = ? ORDER BY at, id LIMIT 500",
};

enum mp_err
mp_feedback_open(struct mp_feedback **out, struct mp_ctx *ctx)
{
	struct mp_feedback	*f;
	const struct mp_conf	*c = ctx->conf;

	*out = NULL;
	if ((f = mp_calloc(1, sizeof(*f))) == NULL)
		return MP_ENOMEM;
	f->ctx = ctx;
	f->mount = mp_conf_str(c, "feedback.mount", "/melding");
	f->instance = mp_conf_str(c, "instance.name", "Gemeente");
	f->static_url = mp_conf_str(c, "http.static", "/static");
	f->idle = (long)mp_conf_int(c, "feedback.session.idle", 1800, 1,
	    86400);
	f->absolute = (long)mp_conf_int(c, "feedback.session.absolute",
	    7200, 1, 86400);
	f->max_attempts = (long)mp_conf_int(c, "feedback.max_attempts", 5,
	    1, 1000000);
	f->attempt_window = (long)mp_conf_int(c, "feedback.attempt_window",
	    900, 1, 86400);
	f->replies.scope = "melding-antwoord";
	f->replies.per_client = (long)mp_conf_int(c,
	    "feedback.reply_rate.per_report", 20, 0, 1000000);
	f->replies.global = (long)mp_conf_int(c,
	    "feedback.reply_rate.global", 1000, 0, 100000000);
	f->replies.window = (long)mp_conf_int(c, "feedback.reply_rate.window",
	    3600, 60, MP_RATELIMIT_WINDOW_MAX);
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
/* Helpers.                                                            */

static const char *
form(struct freq *r, const char *name)
{

	return mp_params_get(&r->req->form, name, NULL);
}

static void
fmt_time(char out[32], time_t t)
{
	struct tm	 tm;

	out[0] = '\0';
	if (t > 0 && localtime_r(&t, &tm) != NULL)
		(void)strftime(out, 32, "%d-%m-%Y %H:%M", &tm);
}

/* The cookies' path, "/melding/", into path. */
static const char *
cookie_path(struct freq *r, char path[128])
{

	(void)snprintf(path, 128, "%s/", r->f->mount);
	return path;
}

static void
cookie(struct freq *r, const char *value)
{
	char	 path[128];
	int	 flags = MP_COOKIE_HTTPONLY | MP_COOKIE_STRICT;

	if (r->f->ctx->secure_cookies)
		flags |= MP_COOKIE_SECURE;
	(void)cookie_path(r, path);
	(void)mp_http_cookie(r->req, MP_SESSION_COOKIE_REPORTER, value,
	    value[0] == '\0' ? 0 : -1, path, flags);
}

static void
redirect(struct freq *r, const char *path)
{
	char	 loc[256];

	(void)snprintf(loc, sizeof(loc), "%s%s", r->f->mount, path);
	(void)mp_http_redirect(r->req, loc);
}

static struct mp_view *
view(struct freq *r, const char *title)
{
	struct mp_view	*v;

	if ((v = mp_view_new()) == NULL)
		return NULL;
	if (mp_view_set(v, "Page.Title", title) != MP_OK ||
	    mp_view_set(v, "Instance.Name", r->f->instance) != MP_OK ||
	    mp_view_set(v, "Page.Static", r->f->static_url) != MP_OK ||
	    mp_view_set(v, "Page.Mount", r->f->mount) != MP_OK) {
		mp_view_free(v);
		return NULL;
	}
	return v;
}

/* Render and send; frees v (NULL: 500). */
static void
render(struct freq *r, int status, struct mp_view *v, const char *tmpl)
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
	mp_view_free(v);
}

/* ------------------------------------------------------------------ */
/* Sign-in.                                                            */

/*
 * The reference as typed, normalised for the lookup and the throttle:
 * outer blanks gone, upper case; "" when it cannot be a reference.
 */
static void
norm_reference(const char *in, char out[REF_MAX + 1])
{
	size_t	 n = 0;

	out[0] = '\0';
	if (in == NULL)
		return;
	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in != '\0' && *in != ' ' && *in != '\t'; in++) {
		if (n == REF_MAX || !(isalnum((unsigned char)*in) ||
		    *in == '-')) {
			out[0] = '\0';
			return;
		}
		out[n++] = (char)toupper((unsigned char)*in);
	}
	out[n] = '\0';
	for (; *in != '\0'; in++)
		if (*in != ' ' && *in != '\t') {
			out[0] = '\0';
			return;
		}
}

static void
signin_page(struct freq *r, int status, const char *ref, const char *msg)
{
	struct mp_view	*v;
	char		 tok[MP_FORMTOKEN_LEN], path[128];

	if ((v = view(r, "Uw melding volgen")) == NULL ||
	    mp_presession_form(r->req, &r->f->ctx->keys,
	    MP_PRESESSION_FEEDBACK, cookie_path(r, path), r->now, tok) !=
	    MP_OK ||
	    mp_view_set(v, "SignIn.Token", tok) != MP_OK ||
	    (ref != NULL && mp_valid_text(ref, strlen(ref), REF_MAX, 0) &&
	    mp_view_set(v, "SignIn.Reference", ref) != MP_OK) ||
	    (msg != NULL && mp_view_set(v, "SignIn.Message", msg) != MP_OK)) {
		mp_view_free(v);
		(void)mp_http_error(r->req, 500, NULL);
		return;
	}
	render(r, status, v, "feedback/signin.cs");
}

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
	mp_wipe(typed, sizeof(typed));
	if (er == MP_ENOTFOUND)
		return 0;
	return er == MP_OK ? r->sess.user_id : -1;
}

void
feedback_sign_in(struct freq *r)
{
	struct mp_session	 old;
	struct mp_throttle	 t;
	const char		*typed, *code, *have;
	char			 ref[REF_MAX + 1], path[128];
	char			 value[MP_SESSION_TOKEN_LEN];
	long long		 id;
	int			 over;
	enum mp_err		 er;

	typed = form(r, "meldingsnummer");
	code = form(r, "code");
	/*
	 * The form must come from this browser's own sign-in page, once
	 * (lib/presession.h): no foreign page can sign the reporter into
	 * someone else's thread.
	 */
	er = mp_presession_check(r->req, r->f->ctx->db, &r->f->ctx->keys,
	    MP_PRESESSION_FEEDBACK, form(r, "token"), r->now);
	if (er == MP_ENOTFOUND) {
		signin_page(r, 400, typed, "Uw browser stuurde het cookie "
		    "van dit formulier niet mee. Sta cookies voor deze site "
		    "toe en vul uw meldingsnummer en code opnieuw in.");
		return;
	}
	if (er == MP_EINVAL) {
		signin_page(r, 403, typed, "Het formulier was verlopen of "
		    "hoort niet bij deze browser. Vul uw meldingsnummer en "
		    "code opnieuw in.");
		return;
	}
	if (er == MP_EDUP) {
		signin_page(r, 403, typed, "Dit formulier was al verstuurd. "
		    "Vul uw meldingsnummer en code opnieuw in.");
		return;
	}
	if (er != MP_OK) {
		(void)mp_http_error(r->req, 503, NULL);
		return;
	}
	norm_reference(typed, ref);
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
		signin_page(r, 429, typed, "U heeft te vaak een verkeerd "
		    "meldingsnummer of een verkeerde code ingevuld. Wacht "
		    "een kwartier en probeer het dan opnieuw.");
		return;
	}
	if (id == 0) {
		mp_throttle_fail(r->f->ctx->db, &t, r->now);
		signin_page(r, 403, typed, "Het meldingsnummer of de code "
		    "klopt niet. Controleer beide en probeer het opnieuw.");
		return;
	}
	/*
	 * A session id from before sign-in never survives it: the new
	 * one (check_code) has a new id, and the old one ends.
	 */
	have = mp_params_get(&r->req->cookies, MP_SESSION_COOKIE_REPORTER,
	    NULL);
	if (mp_session_load(r->f->ctx->db, &r->f->ctx->keys,
	    MP_SESS_REPORTER, have, r->now, r->f->idle, &old) == MP_OK)
		(void)mp_session_destroy(r->f->ctx->db, &old);
	/* The session cookie replaces the pre-session's. */
	mp_presession_end(r->req, MP_PRESESSION_FEEDBACK,
	    cookie_path(r, path));
	cookie(r, value);
	mp_wipe(value, sizeof(value));
	redirect(r, "/");
}

/* ------------------------------------------------------------------ */
/* The thread.                                                         */

/*
 * The report's page for the signed-in reporter: status, date, the
 * messages and the reply form; text and err (may be NULL) are a reply
 * that came back with a problem, note a line above the thread.
 */
static void
thread_page(struct freq *r, int status, const char *text, const char *err,
    const char *note)
{
	struct mp_view	*v = NULL;
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[1];
	const char	*auto_new;
	char		 key[64], t[32];
	time_t		 received;
	size_t		 n = 0;
	enum mp_err	 er;

	p[0] = MP_DBINT(r->sess.user_id);
	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_REPORT], p,
	    1)) != MP_OK)
		goto out;
	if ((er = mp_stmt_next(st)) != MP_OK)
		goto out;
	if ((v = view(r, "Uw melding")) == NULL) {
		er = MP_ENOMEM;
		goto out;
	}
	received = (time_t)mp_stmt_int(st, 2);
	fmt_time(t, received);
	if ((er = mp_view_set(v, "R.Reference", mp_stmt_text(st, 0,
	    NULL))) != MP_OK || (er = mp_view_set(v, "R.Status",
	    mp_workflow_public(mp_stmt_text(st, 1, NULL)))) != MP_OK ||
	    (er = mp_view_set(v, "R.Received", t)) != MP_OK ||
	    (er = mp_view_set(v, "Csrf", r->sess.csrf)) != MP_OK ||
	    (er = mp_view_set_int(v, "Limits.MaxFiles", r->f->max_files)) !=
	    MP_OK || (er = mp_view_set_int(v, "Limits.MaxFileMB",
	    r->f->max_file_mb)) != MP_OK || (er = mp_view_set_int(v,
	    "Limits.MaxText", MP_MSG_MAX)) != MP_OK)
		goto out;
	mp_stmt_done(st);
	st = NULL;
	/* "Received" is the first message, from the configuration. */
	if ((auto_new = mp_message_auto_text(r->f->ctx->conf, MP_ST_NEW)) !=
	    NULL) {
		(void)snprintf(key, sizeof(key), "Msg.%zu.At", n);
		if ((er = mp_view_set(v, key, t)) != MP_OK)
			goto out;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Out", n);
		if ((er = mp_view_set_int(v, key, 1)) != MP_OK)
			goto out;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Body", n++);
		if ((er = mp_view_set(v, key, auto_new)) != MP_OK)
			goto out;
	}
	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_MESSAGES], p,
	    1)) != MP_OK)
		goto out;
	while ((er = mp_stmt_next(st)) == MP_OK && n <= THREAD_MAX) {
		fmt_time(t, (time_t)mp_stmt_int(st, 0));
		(void)snprintf(key, sizeof(key), "Msg.%zu.At", n);
		if ((er = mp_view_set(v, key, t)) != MP_OK)
			goto out;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Out", n);
		if ((er = mp_view_set_int(v, key, strcmp(mp_stmt_text(st, 1,
		    NULL), "uit") == 0)) != MP_OK)
			goto out;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Body", n++);
		if ((er = mp_view_set(v, key, mp_stmt_text(st, 2, NULL))) !=
		    MP_OK)
			goto out;
	}
	if (er != MP_ENOTFOUND)
		goto out;
	mp_stmt_done(st);
	st = NULL;
	er = MP_OK;
	if (text != NULL)
		er = mp_view_set(v, "Reply.Text", text);
	if (er == MP_OK && err != NULL)
		er = mp_view_set(v, "Reply.Error", err);
	if (er == MP_OK && note != NULL)
		er = mp_view_set(v, "Note", note);
	if (er != MP_OK)
		goto out;
	render(r, status, v, "feedback/thread.cs");
	v = NULL;
out:
	if (st != NULL)
		mp_stmt_done(st);
	mp_view_free(v);
	if (er != MP_OK)
		(void)mp_http_error(r->req, mp_err_status(er),
		    NULL);
}

/* Only the reply form's fields, each once. */
static int
reply_fields_known(const struct mp_req *req)
{
	const char	*n;
	size_t		 i;

	for (i = 0; i < req->form.n; i++) {
		n = req->form.v[i].name;
		if ((strcmp(n, "csrf") != 0 && strcmp(n, "tekst") != 0) ||
		    mp_params_count(&req->form, n) != 1)
			return 0;
	}
	for (i = 0; i < req->nfiles; i++)
		if (strcmp(req->files[i].field,
		    mp_report_field_name(RF_ATTACHMENTS)) != 0)
			return 0;
	return 1;
}

void
feedback_reply(struct freq *r)
{
	struct mp_report	 files;
	struct mp_reply		 rp;
	const char		*text, *err = NULL;
	size_t			 len;
	enum mp_err		 er;

	if (!reply_fields_known(r->req)) {
		(void)mp_http_error(r->req, 400, "Dit formulier bevat velden "
		    "die wij niet kennen. Laad de pagina opnieuw.");
		return;
	}
	text = form(r, "tekst");
	if (text == NULL)
		text = "";
	len = strlen(text);
	mp_report_init(&files);
	if (mp_report_read_files(&files, r->req) != MP_OK) {
		mp_report_free(&files);
		(void)mp_http_error(r->req, 500, NULL);
		return;
	}
	if (!mp_valid_utf8(text, len))
		err = "Uw bericht bevat tekens die wij niet kunnen lezen. Typ "
		    "het opnieuw.";
	else if (!mp_valid_text(text, len, MP_MSG_MAX, 1))
		err = "Uw bericht is te lang: ten hoogste 4000 tekens.";
	else if (files.err[RF_ATTACHMENTS] != NULL)
		err = files.err[RF_ATTACHMENTS];
	else if (mp_blank(text, len) && files.natt == 0)
		err = "Schrijf een bericht of voeg een bestand toe.";
	if (err != NULL) {
		thread_page(r, 400, mp_valid_utf8(text, len) ? text : "",
		    err, NULL);
		mp_report_free(&files);
		return;
	}
	memset(&rp, 0, sizeof(rp));
	rp.report_id = r->sess.user_id;
	rp.body = mp_blank(text, len) ? "" : text;
	rp.att = files.att;
	rp.natt = files.natt;
	rp.keys = &r->f->ctx->keys;
	rp.rl = &r->f->replies;
	rp.now = r->now;
	er = mp_message_reply(r->f->ctx->db, &rp);
	mp_report_free(&files);
	if (er == MP_ELIMIT) {
		thread_page(r, 429, text, "U heeft de laatste tijd veel "
		    "berichten gestuurd. Dit bericht is niet verstuurd; de "
		    "tekst staat hieronder nog (bestanden moet u opnieuw "
		    "kiezen). Probeer het later opnieuw.", NULL);
		return;
	}
	if (er != MP_OK) {
		(void)mp_http_error(r->req, mp_err_status(er),
		    "Uw bericht kon niet worden opgeslagen. Probeer het over "
		    "enkele minuten opnieuw.");
		return;
	}
	redirect(r, "/?verstuurd=1");
}

void
feedback_sign_out(struct freq *r)
{
	struct mp_view	*v;

	(void)mp_session_destroy(r->f->ctx->db, &r->sess);
	cookie(r, "");
	v = view(r, "Afgemeld");
	render(r, 200, v, "feedback/signedout.cs");
}

/* ------------------------------------------------------------------ */
/* The front door.                                                    */

/* 1 when the reporter's session is good; else an answer was sent. */
static int
session(struct freq *r, int post)
{
	const char	*have;
	enum mp_err	 er;

	have = mp_params_get(&r->req->cookies, MP_SESSION_COOKIE_REPORTER,
	    NULL);
	er = mp_session_load(r->f->ctx->db, &r->f->ctx->keys,
	    MP_SESS_REPORTER, have, r->now, r->f->idle, &r->sess);
	if (er == MP_ENOTFOUND) {
		if (have != NULL)
			cookie(r, "");
		if (post)
			signin_page(r, 403, NULL, "Uw sessie is verlopen. "
			    "Meld u opnieuw aan; wat u invulde is niet "
			    "verstuurd.");
		return 0;
	}
	if (er != MP_OK) {
		(void)mp_http_error(r->req, 503, NULL);
		return 0;
	}
	r->signed_in = 1;
	return 1;
}

/* "/": the sign-in form, or the thread when signed in. */
void
feedback_home(struct freq *r)
{

	if (!session(r, 0)) {
		if (!r->req->sent)
			signin_page(r, 200, NULL, NULL);
		return;
	}
	thread_page(r, 200, NULL, NULL,
	    mp_params_get(&r->req->query, "verstuurd", NULL) != NULL ?
	    "Uw bericht is verstuurd. Dank u wel." : NULL);
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
	r.now = time(NULL);
	r.client = req->remote_addr != NULL ? req->remote_addr : "";
	if (req->err == MP_ETOOBIG) {
		(void)mp_http_error(req, 413, "Wat u verstuurde is te groot. "
		    "Stuur minder of kleinere bestanden.");
		return;
	}
	if (req->err != MP_OK) {
		(void)mp_http_error(req, 400, NULL);
		return;
	}
	if (strncmp(req->path, f->mount, mlen) != 0) {
		(void)mp_http_error(req, 404, "Deze pagina bestaat niet.");
		return;
	}
	path = req->path + mlen;
	if (*path == '\0') {
		redirect(&r, "/");
		return;
	}
	method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
	if ((status = mp_route_find(routes, n, sizeof(routes[0]), method,
	    path, &a, &i)) != 0) {
		if (status == 405 && strcmp(path, "/aanmelden") == 0 &&
		    strcmp(method, "GET") == 0)
			redirect(&r, "/");
		else
			(void)mp_http_error(req, status, status == 405 ?
			    NULL : "Deze pagina bestaat niet.");
		return;
	}
	rt = &routes[i];
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
		if (!session(&r, post))
			return;
		/* Every state-changing request carries the token. */
		if (!mp_session_csrf_ok(&r.sess, form(&r, "csrf"))) {
			(void)mp_http_error(req, 403, "Dit formulier is "
			    "verlopen of niet door deze site verstuurd. Ga "
			    "terug, laad de pagina opnieuw en probeer het nog "
			    "eens.");
			return;
		}
	}
	rt->fn(&r);
}
