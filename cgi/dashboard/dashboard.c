/*
 * dashboard.c -- the dashboard's front door (see dashboard.h): routing,
 * who is signed in (portal variable or local session), CSRF and
 * permission checks before any page runs, and the helpers pages share.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define PAGE_MAX	(2 * 1024 * 1024)
#define PAGE_KEEP	(256 * 1024)	/* larger pages are not kept */
#define PURGE_EVERY	600

/* The sets of dashboard.h, in the order they are opened. */
static struct mp_sqltext_set *const sql_sets[] = {
	&dash_list_sql, &dash_report_sql, &dash_export_sql, &dash_links_sql,
	&mp_subject_sql, &mp_link_sql, &mp_dossier_sql,
	&mp_journal_sql, &dash_routing_sql
};

enum mp_err
dash_sql_open(void)
{
	size_t		 i;
	enum mp_err	 er;

	for (i = 0; i < MP_NELEM(sql_sets); i++)
		if ((er = mp_sqltext_open(sql_sets[i])) != MP_OK) {
			dash_sql_close();
			return er;
		}
	return MP_OK;
}

void
dash_sql_close(void)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(sql_sets); i++)
		mp_sqltext_close(sql_sets[i]);
}

enum mp_err
mp_dash_open(struct mp_dash **out, struct mp_ctx *ctx)
{
	struct mp_dash		*d;
	const struct mp_conf	*c = ctx->conf;
	const char		*mode, *sep;
	enum mp_err		 er;

	*out = NULL;
	if ((d = mp_alloc_calloc(1, sizeof(*d))) == NULL)
		return MP_ENOMEM;
	d->ctx = ctx;
	mode = mp_confkey_str(c, MP_CK_AUTH_MODE);
	if (strcmp(mode, "portal") == 0)
		d->mode = MP_AUTH_PORTAL;
	else if (strcmp(mode, "local") == 0)
		d->mode = MP_AUTH_LOCAL;
	else {
		mp_errx("%s: auth.mode must be portal or local, not \"%s\"",
		    __func__, mode);
		free(d);
		return MP_ECONF;
	}
	d->portal_var = mp_confkey_str(c, MP_CK_AUTH_PORTAL_VARIABLE);
	d->totp_required = mp_confkey_bool(c, MP_CK_AUTH_TOTP_REQUIRED);
	d->max_attempts = (long)mp_confkey_int(c, MP_CK_AUTH_MAX_ATTEMPTS);
	d->attempt_window = (long)mp_confkey_int(c, MP_CK_AUTH_ATTEMPT_WINDOW);
	d->pw_min = (size_t)mp_confkey_int(c, MP_CK_AUTH_PASSWORD_MIN_LENGTH);
	d->idle = (long)mp_confkey_int(c, MP_CK_SESSION_IDLE);
	d->absolute = (long)mp_confkey_int(c, MP_CK_SESSION_ABSOLUTE);
	d->take_days = (long)mp_confkey_int(c,
	    MP_CK_DASHBOARD_OVERDUE_TAKE_DAYS);
	d->close_days = (long)mp_confkey_int(c,
	    MP_CK_DASHBOARD_OVERDUE_CLOSE_DAYS);
	d->count_ttl = (long)mp_confkey_int(c, MP_CK_DASHBOARD_COUNT_TTL);
	d->catalog_ttl = (long)mp_confkey_int(c, MP_CK_CATALOG_TTL);
	d->token_ttl = (long)mp_confkey_int(c, MP_CK_INTAKE_FORM_TOKEN_TTL);
	d->subject_max = (size_t)mp_confkey_int(c,
	    MP_CK_SUBJECT_MAX_PER_REPORT);
	sep = mp_confkey_str(c, MP_CK_DASHBOARD_CSV_SEPARATOR);
	if (strcmp(sep, ";") != 0 && strcmp(sep, ",") != 0) {
		mp_errx("%s: dashboard.csv_separator must be ; or , not "
		    "\"%s\"", __func__, sep);
		free(d);
		return MP_ECONF;
	}
	d->csv_sep = sep[0];
	d->mount = mp_confkey_str(c, MP_CK_DASHBOARD_MOUNT);
	d->instance = mp_confkey_str(c, MP_CK_INSTANCE_NAME);
	d->static_url = mp_confkey_str(c, MP_CK_HTTP_STATIC);
	mp_buf_init(&d->page, PAGE_MAX);
	if ((er = dash_sql_open()) != MP_OK) {
		mp_dash_close(d);
		return er;
	}
	*out = d;
	return MP_OK;
}

void
mp_dash_close(struct mp_dash *d)
{

	if (d == NULL)
		return;
	dash_options_free(d);
	dash_sql_close();
	mp_catalog_free(&d->cat);
	mp_buf_free(&d->page);
	free(d);
}

/* ------------------------------------------------------------------ */
/* Helpers for the pages.                                              */

const char *
dash_form(struct mp_dreq *r, const char *name)
{

	return mp_req_params_get(&r->req->form, name, NULL);
}

const char *
dash_form_date(struct mp_dreq *r, const char *name, char buf[11])
{
	const char	*s = dash_form(r, name);
	struct tm	 tm;

	return s != NULL && mp_valid_date_nl(s, buf, &tm) ? buf : s;
}

const char *
dash_query(struct mp_dreq *r, const char *name)
{

	return mp_req_params_get(&r->req->query, name, NULL);
}

const char *
dash_query_date(struct mp_dreq *r, const char *name, char out[11],
    int *bad)
{
	const char	*s = dash_query(r, name);
	struct tm	 tm;

	out[0] = '\0';
	if (s == NULL || s[0] == '\0')
		return NULL;
	/* As typed where a browser has no date picker: dd-mm-jjjj too. */
	if (!mp_valid_date_nl(s, out, &tm)) {
		out[0] = '\0';
		*bad = 1;
		return NULL;
	}
	return out;
}

long long
dash_number(const char *s, long long min, long long max)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s < '0' || *s > '9' || strlen(s) > 18)
		return -1;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < min || v > max)
		return -1;
	return v;
}

/* Amsterdam's time whatever the process's TZ (lib/nltime.h). */
void
dash_time(char out[32], time_t t)
{

	mp_nltime_stamp(t, out);
}

void
dash_age(char out[32], time_t t, time_t now)
{
	/* Calendar days in Amsterdam, not periods of 24 hours. */
	long	 days = (long)(mp_nltime_day(now) - mp_nltime_day(t));

	if (days < 1)
		(void)snprintf(out, 32, "vandaag");
	else if (days == 1)
		(void)snprintf(out, 32, "gisteren");
	else if (days < 14)
		(void)snprintf(out, 32, "%ld dagen", days);
	else if (days < 61)
		(void)snprintf(out, 32, "%ld weken", days / 7);
	else
		(void)snprintf(out, 32, "%ld maanden", days / 30);
}

void
dash_audit(struct mp_dreq *r, const char *action, const char *objtype,
    long long objid, const char *detail)
{

	(void)mp_audit(r->d->ctx->db, r->signed_in ? r->user.id : 0,
	    r->signed_in ? r->user.username : "", action, objtype, objid,
	    r->client, detail);
}

void
dash_cookie(struct mp_dreq *r, const char *value)
{
	char	 path[128];
	int	 flags = MP_COOKIE_HTTPONLY | MP_COOKIE_STRICT;

	if (r->d->ctx->secure_cookies)
		flags |= MP_COOKIE_SECURE;
	(void)snprintf(path, sizeof(path), "%s/", r->d->mount);
	(void)mp_http_cookie(r->req, MP_SESSION_COOKIE, value,
	    value[0] == '\0' ? 0 : -1, path, flags);
}

void
dash_error(struct mp_dreq *r, int status, const char *msg)
{

	(void)mp_http_error(r->req, status, msg);
}

void
dash_redirect(struct mp_dreq *r, const char *path)
{
	char	 loc[512];

	(void)snprintf(loc, sizeof(loc), "%s%s", r->d->mount, path);
	(void)mp_http_redirect(r->req, loc);
}

struct mp_view *
dash_view(struct mp_dreq *r, const char *title)
{
	/* What the menu offers: Can.<name> is 1 when the role may. */
	static const struct {
		const char	*name;
		enum mp_perm	 perm;
	} cans[] = {
		{ "Can.List", MP_PERM_REPORT_LIST },
		{ "Can.Create", MP_PERM_REPORT_CREATE },
		{ "Can.Admin", MP_PERM_ADMIN },
		{ "Can.Audit", MP_PERM_AUDIT },
		{ "Can.Stats", MP_PERM_STATS },
		{ "Can.Export", MP_PERM_EXPORT },
		{ "Can.Grant", MP_PERM_GRANT_DECIDE },
		{ "Can.Dossier", MP_PERM_DOSSIER_VIEW },
		{ "Can.MailLog", MP_PERM_REPORT_ASSIGN },
	};
	struct mp_view	*v;
	const char	*done;
	size_t		 i;

	if ((v = mp_tmpl_new()) == NULL)
		return NULL;
	mp_tmpl_set(v, "Page.Title", title);
	mp_tmpl_set(v, "Instance.Name", r->d->instance);
	mp_tmpl_set(v, "Page.Static", r->d->static_url);
	mp_tmpl_set(v, "Page.Mount", r->d->mount);
	mp_tmpl_set_int(v, "Auth.Local", r->d->mode == MP_AUTH_LOCAL);
	if (r->signed_in) {
		mp_tmpl_set(v, "User.Name", r->user.username);
		mp_tmpl_set(v, "User.Display", r->user.display);
		mp_tmpl_set(v, "User.Role", mp_role_label(r->user.role));
		mp_tmpl_set_int(v, "User.Stage", r->sess.stage);
		mp_tmpl_set(v, "Csrf", r->sess.csrf);
		for (i = 0; i < MP_NELEM(cans); i++)
			mp_tmpl_set_int(v, cans[i].name,
			    mp_role_can(r->user.role, cans[i].perm));
		mp_tmpl_set_int(v, "Can.Cover", mp_role_can(r->user.role,
		    MP_PERM_REPORT_ASSIGN));
		/* The queues' counts, once signed in fully (cheap: 042). */
		if (r->sess.stage == MP_SESS_FULL && mp_role_can(r->user.role,
		    MP_PERM_REPORT_LIST))
			dash_queue_counts(r, v);
	}
	/* After a redirect from an action: its fixed text (done.c). */
	if (strcmp(r->req->method, "POST") != 0 &&
	    (done = dash_done_text(dash_query(r, "gedaan"))) != NULL)
		mp_tmpl_set(v, "Done", done);
	if (mp_tmpl_err(v) != MP_OK) {
		mp_tmpl_free(v);
		return NULL;
	}
	return v;
}

void
dash_render(struct mp_dreq *r, int status, struct mp_view *v,
    const char *tmpl)
{
	struct mp_buf	*page = &r->d->page;

	if (v == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	mp_buf_reset(page);
	if (mp_tmpl_render(v, tmpl, page) != MP_OK)
		dash_error(r, 500, NULL);
	else
		(void)mp_http_send(r->req, status, "text/html",
		    mp_buf_str(page), mp_buf_len(page));
	if (mp_buf_len(page) > PAGE_KEEP)
		mp_buf_free(page);
	else
		mp_buf_reset(page);
	mp_tmpl_free(v);
}

/* lib/http.c's file sender; a header it could not set is a 500 here. */
void
dash_send_file(struct mp_dreq *r, const char *filename, size_t namesz,
    const char *none, const char *mime, const void *data, size_t len)
{
	enum mp_err	 er;

	er = mp_http_send_file(r->req, filename, namesz, none, mime, data,
	    len);
	if (er == MP_EINVAL || er == MP_ENOMEM)
		dash_error(r, 500, NULL);
}

void
dash_setk(struct mp_view *v, const char *list, size_t n, const char *name,
    const char *val)
{
	char	 key[128];

	(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, n, name);
	(void)mp_tmpl_set(v, key, val != NULL ? val : "");
}

void
dash_setki(struct mp_view *v, const char *list, size_t n, const char *name,
    long long val)
{
	char	 key[128];

	(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, n, name);
	(void)mp_tmpl_set_int(v, key, val);
}

void
dash_finish(struct mp_dreq *r, enum mp_err er, int status,
    struct mp_view *v, const char *tmpl)
{

	if (er != MP_OK) {
		mp_tmpl_free(v);
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	dash_render(r, status, v, tmpl);
}

/* ------------------------------------------------------------------ */
/* Routing.                                                            */

/*
 * Portal mode: the web server names the user in its variable, after
 * the portal's own sign-in.  A variable given twice is refused: only a
 * misconfigured server sends that (for example nginx's fastcgi_params
 * REMOTE_USER, which comes from the client's Authorization header,
 * next to the portal's), and we cannot tell which one to trust.
 * Returns 1 when r->user is set; 0 when an answer was sent.
 */
static int
portal_user(struct mp_dreq *r)
{
	struct mp_dash	*d = r->d;
	const char	*name;
	char		 cookie[MP_SESSION_TOKEN_LEN];
	const char	*have;
	enum mp_err	 er, ser;

	if (mp_req_env_count(r->req, d->portal_var) > 1) {
		mp_errx("%s: %s passed more than once; check the web "
		    "server configuration", __func__, d->portal_var);
		dash_error(r, 403, "De aanmelding via het portaal is niet "
		    "goed ingesteld. Neem contact op met de servicedesk.");
		return 0;
	}
	name = mp_req_env(r->req, d->portal_var);
	if (name == NULL || name[0] == '\0') {
		dash_error(r, 403, "U bent niet aangemeld via het "
		    "intranetportaal. Meld u eerst aan op het portaal.");
		return 0;
	}
	/*
	 * The user and the session of the cookie in one statement; the
	 * session is kept while the portal names the same user.
	 */
	have = mp_req_params_get(&r->req->cookies, MP_SESSION_COOKIE, NULL);
	er = mp_session_load_user(d->ctx->db, &d->ctx->keys, have, name,
	    r->now, d->idle, &r->user, &r->sess, &ser);
	if (er == MP_ENOTFOUND || (er == MP_OK && r->user.disabled)) {
		(void)mp_audit(d->ctx->db, er == MP_OK ? r->user.id : 0,
		    mp_user_valid_name(name) ? name : "?",
		    "aanmelden geweigerd",
		    "", 0, r->client, er == MP_OK ? "uitgeschakeld" :
		    "onbekend");
		dash_error(r, 403, er == MP_OK ? "Uw account voor het "
		    "meldpunt is uitgeschakeld. Neem contact op met de "
		    "functioneel beheerder." : "U heeft geen toegang tot het "
		    "meldpunt. Neem contact op met de functioneel beheerder "
		    "als u toegang nodig heeft.");
		return 0;
	}
	if (er != MP_OK) {
		dash_error(r, 503, NULL);
		return 0;
	}
	er = ser;
	if (er == MP_OK && r->sess.user_id == r->user.id &&
	    r->sess.stage == MP_SESS_FULL) {
		r->signed_in = 1;
		return 1;
	}
	if (er == MP_OK)
		(void)mp_session_destroy(d->ctx->db, &r->sess);
	else if (er != MP_ENOTFOUND) {
		dash_error(r, 503, NULL);
		return 0;
	}
	if (mp_session_create(d->ctx->db, &d->ctx->keys, MP_SESS_STAFF,
	    r->user.id,
	    MP_SESS_FULL, r->now, d->absolute, cookie, &r->sess) != MP_OK) {
		dash_error(r, 503, NULL);
		return 0;
	}
	dash_cookie(r, cookie);
	mp_alloc_wipe(cookie, sizeof(cookie));
	r->signed_in = 1;
	dash_audit(r, "aanmelden", "", 0, "portaal");
	return 1;
}

/* Local mode: the session cookie.  Same contract as portal_user. */
static int
local_user(struct mp_dreq *r, const struct dash_route *rt)
{
	struct mp_dash	*d = r->d;
	const char	*have;
	enum mp_err	 er, ser;

	have = mp_req_params_get(&r->req->cookies, MP_SESSION_COOKIE, NULL);
	/* The session and its user in one statement. */
	er = mp_session_load_user(d->ctx->db, &d->ctx->keys, have, NULL,
	    r->now, d->idle, &r->user, &r->sess, &ser);
	if (er == MP_OK && r->user.disabled) {
		(void)mp_session_destroy(d->ctx->db, &r->sess);
		er = MP_ENOTFOUND;
	}
	if (er == MP_ENOTFOUND) {
		if (have != NULL)
			dash_cookie(r, "");
		if (strcmp(r->req->method, "POST") == 0)
			dash_error(r, 403, "Uw sessie is verlopen. Meld u "
			    "opnieuw aan; wat u invulde is niet opgeslagen.");
		else
			dash_redirect(r, "/aanmelden");
		return 0;
	}
	if (er != MP_OK) {
		dash_error(r, 503, NULL);
		return 0;
	}
	r->signed_in = 1;
	if (r->sess.stage != MP_SESS_FULL && !(rt->flags & DASH_STAGE)) {
		dash_redirect(r, dash_stage_path(r->sess.stage));
		return 0;
	}
	return 1;
}

void
mp_dash_serve(struct mp_dash *d, struct mp_req *req,
    const struct dash_route *routes, size_t n)
{
	struct mp_dreq			 r;
	const struct dash_route		*rt;
	struct mp_route_args		 a;
	const char			*path, *method;
	size_t				 i, mlen = strlen(d->mount);
	int				 status;

	memset(&r, 0, sizeof(r));
	r.d = d;
	r.req = req;
	r.now = time(NULL);
	r.client = req->remote_addr != NULL ? req->remote_addr : "";
	if (req->err == MP_ETOOBIG) {
		dash_error(&r, 413, "Wat u verstuurde is te groot.");
		return;
	}
	if (req->err != MP_OK) {
		dash_error(&r, 400, NULL);
		return;
	}
	if (strncmp(req->path, d->mount, mlen) != 0) {
		dash_error(&r, 404, "Deze pagina bestaat niet.");
		return;
	}
	path = req->path + mlen;
	if (*path == '\0') {
		dash_redirect(&r, "/");
		return;
	}
	method = strcmp(req->method, "HEAD") == 0 ? "GET" : req->method;
	if ((status = mp_route_find(routes, n, sizeof(routes[0]), method,
	    path, &a, &i)) != 0) {
		dash_error(&r, status, status == 405 ? NULL :
		    "Deze pagina bestaat niet.");
		return;
	}
	rt = &routes[i];
	memcpy(r.arg, a.num, sizeof(r.arg));
	if (d->purged + PURGE_EVERY < r.now) {
		d->purged = r.now;
		(void)mp_session_purge(d->ctx->db, MP_SESS_STAFF, r.now,
		    d->idle);
		if (d->mode == MP_AUTH_LOCAL)
			(void)mp_presession_purge(d->ctx->db, r.now);
	}
	if (!(rt->flags & DASH_PUBLIC)) {
		if (d->mode == MP_AUTH_PORTAL ? !portal_user(&r) :
		    !local_user(&r, rt))
			return;
		/* Every state-changing request carries the token. */
		if (strcmp(method, "POST") == 0 &&
		    !mp_session_csrf_ok(&r.sess, dash_form(&r, "csrf"))) {
			dash_error(&r, 403, "Dit formulier is verlopen of "
			    "niet door deze site verstuurd. Ga terug, laad "
			    "de pagina opnieuw en probeer het nog eens.");
			return;
		}
		if (!mp_access_user(&r.user, rt->perm)) {
			dash_audit(&r, "geweigerd", "pagina", 0, path);
			dash_error(&r, 403, "U heeft geen toegang tot deze "
			    "pagina.");
			return;
		}
	}
	rt->fn(&r);
}

const char *
dash_stage_path(enum mp_sess_stage stage)
{

	switch (stage) {
	case MP_SESS_FULL:
		return "/";
	case MP_SESS_NEWPW:
		return "/wachtwoord";
	default:
		return "/tweede-factor";
	}
}
