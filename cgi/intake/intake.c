/*
 * intake.c -- the report form's process state and what its pages share
 * (form.c, submit.c).  GET renders the form of an audience
 * with a fresh one-time token; POST checks the request (unknown fields,
 * honeypot, token), validates the report, stores it in one transaction
 * under the rate limit and shows the receipt with the reporter's secret
 * code, once.  When the database cannot take the report it is spooled
 * and the reporter still gets a receipt; meldpuntctl drain-spool, run by
 * a timer, stores it once a database node answers again.  No reporter
 * waits for that in a request (issue 11 measured 3.2 s).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "intake.h"

static void	rules_load(struct mp_intake *);

#define PURGE_EVERY	600	/* seconds between rate-counter purges */

enum mp_err
mp_intake_open(struct mp_intake **out, struct mp_ctx *ctx)
{
	struct mp_intake	*in;
	const struct mp_conf	*c = ctx->conf;
	char			 key[128];

	if ((in = mp_alloc_calloc(1, sizeof(*in))) == NULL)
		return MP_ENOMEM;
	in->ctx = ctx;
	in->spool = mp_confkey_str(c, MP_CK_PATHS_SPOOL);
	in->instance = mp_confkey_str(c, MP_CK_INSTANCE_NAME);
	in->mount = mp_confkey_str(c, MP_CK_INTAKE_MOUNT);
	in->token_ttl = (long)mp_confkey_int(c, MP_CK_INTAKE_FORM_TOKEN_TTL);
	in->catalog_ttl = (long)mp_confkey_int(c, MP_CK_CATALOG_TTL);
	in->rl.scope = "intake";
	in->rl.per_client = (long)mp_confkey_int(c,
	    MP_CK_INTAKE_RATE_PER_CLIENT);
	in->rl.global = (long)mp_confkey_int(c, MP_CK_INTAKE_RATE_GLOBAL);
	in->rl.window = (long)mp_confkey_int(c, MP_CK_INTAKE_RATE_WINDOW);
	in->intranet_mount = mp_confkey_str(c, MP_CK_INTAKE_INTRANET_MOUNT);
	in->portal_var = mp_confkey_str(c, MP_CK_AUTH_PORTAL_VARIABLE);
	in->has_intranet = mp_confkey_list_entry(c,
	    MP_CK_INTAKE_INTRANET_AUDIENCES, 0, key, sizeof(key));
	in->here.mount = in->mount;
	in->max_files = (long)ctx->limits.max_files;
	in->max_file_mb = (long)(ctx->limits.max_file / (1024 * 1024));
	/* Load the catalogue now, while the database is likely up, so the
	 * form still works for this worker if it goes down later. */
	(void)mp_catalog_load(&in->cat, ctx->db, time(NULL), 0);
	rules_load(in);
	*out = in;
	return MP_OK;
}

void
mp_intake_close(struct mp_intake *in)
{
	size_t	 i;

	if (in == NULL)
		return;
	for (i = 0; i < in->nblanks; i++)
		free(in->blanks[i].page);
	free(in->blanks);
	free(in->rules);
	for (i = 0; i < in->nreceipts; i++)
		free(in->receipts[i].page);
	free(in->receipts);
	mp_catalog_free(&in->cat);
	mp_question_set_free(&in->questions);
	free(in);
}

/* One rule row: a partner for a signal type (rows come by type). */
static void
rule_add(long long type, const char *display, void *arg)
{
	struct mp_intake	*in = arg;
	struct intake_rule	*r, *nr;
	size_t			 len;

	r = in->nrules > 0 ? &in->rules[in->nrules - 1] : NULL;
	if (r == NULL || r->type != type) {
		if ((nr = mp_alloc_reallocarray(in->rules, in->nrules + 1,
		    sizeof(*nr))) == NULL)
			return;
		in->rules = nr;
		r = &nr[in->nrules++];
		memset(r, 0, sizeof(*r));
		r->type = type;
	}
	/* The previous last name joins the list, this one comes last. */
	if (r->n > 0) {
		len = strlen(r->names);
		(void)snprintf(r->names + len, sizeof(r->names) - len,
		    "%s%s", len > 0 ? ", " : "", r->last);
	}
	(void)snprintf(r->last, sizeof(r->last), "%s", display);
	r->n++;
}

/*
 * The partners' rules, loaded with each catalogue: a failure keeps
 * the previous ones (logged by lib/db.c).
 */
static void
rules_load(struct mp_intake *in)
{
	struct intake_rule	*old = in->rules;
	size_t			 nold = in->nrules;

	if (in->rules_loaded == in->cat.loaded)
		return;
	in->rules = NULL;
	in->nrules = 0;
	if (mp_partner_rule_names(in->ctx->db, rule_add, in) != MP_OK) {
		free(in->rules);
		in->rules = old;
		in->nrules = nold;
		return;
	}
	free(old);
	in->rules_loaded = in->cat.loaded;
}

/*
 * The follow-up questions of every signal type with all their texts,
 * kept with the catalogue (catalog.ttl): every form with a signal type
 * chosen and every submission needs them.  A failed load keeps the
 * ones loaded before.
 */
static void
questions_load(struct mp_intake *in)
{
	struct mp_qset	 set;

	if (in->questions_loaded == in->cat.loaded)
		return;
	memset(&set, 0, sizeof(set));
	if (mp_question_load(in->ctx->db, 0, 0, &set) != MP_OK) {
		mp_question_set_free(&set);
		return;
	}
	mp_question_set_free(&in->questions);
	in->questions = set;
	in->questions_loaded = in->cat.loaded;
}

const char *
intake_rule_names(struct mp_intake *in, long long id, char *buf,
    size_t bufsz)
{
	size_t	 i;

	for (i = 0; i < in->nrules; i++) {
		if (in->rules[i].type != id)
			continue;
		(void)snprintf(buf, bufsz, "%s%s%s%s%s", in->rules[i].names,
		    in->rules[i].n > 1 ? " " : "", in->rules[i].n > 1 ?
		    mp_i18n_text(in->lang, "form.type.and") : "",
		    in->rules[i].n > 1 ? " " : "", in->rules[i].last);
		return buf;
	}
	return NULL;
}

void
intake_site_set(struct mp_intake *in, const struct mp_req *req,
    int intranet)
{
	const char	*addr = req->remote_addr;

	in->here.intranet = intranet;
	in->here.mount = intranet ? in->intranet_mount : in->mount;
	/* The user is known only once intake_site_check trusted it. */
	(void)snprintf(in->here.client, sizeof(in->here.client), "%s",
	    intranet || addr == NULL ? "" : addr);
}

const char *
intake_site_slug(struct mp_intake *in, const char *slug, char *buf,
    size_t bufsz)
{

	if (!in->here.intranet || (slug != NULL && slug[0] != '\0'))
		return slug;
	if (!mp_confkey_list_entry(in->ctx->conf,
	    MP_CK_INTAKE_INTRANET_AUDIENCES, 0, buf, bufsz))
		return slug;
	return buf;
}

int
intake_audience_intranet(struct mp_intake *in,
    const struct mp_audience *aud)
{

	return in->has_intranet && mp_confkey_in_list(in->ctx->conf,
	    MP_CK_INTAKE_INTRANET_AUDIENCES, aud->slug);
}

/* A user name as a portal sends it: printable, no control bytes. */
static int
portal_name_ok(const char *s)
{
	size_t	 n = 0;

	for (; s[n] != '\0'; n++)
		if ((unsigned char)s[n] < 0x20 || s[n] == 0x7f)
			return 0;
	return n > 0 && n < INTAKE_CLIENT_MAX - 8;
}

/*
 * The public form refuses the intranet's audiences (with where to
 * find them); the intranet's form serves only those, and only to a
 * user the portal named.  The variable is trusted only here: on the
 * public location the web server passes REMOTE_USER from any
 * client's Authorization header (fastcgi_params), and a variable
 * given twice means the portal's is not the only one.
 */
int
intake_site_check(struct mp_intake *in, struct mp_req *req,
    const struct mp_audience *aud)
{
	const char	*user;
	int		 staff = intake_audience_intranet(in, aud);

	if (!in->here.intranet) {
		if (!staff)
			return 1;
		(void)mp_http_error(req, 404, mp_i18n_text(in->lang,
		    "error.msg.intranet_only"));
		return 0;
	}
	if (!staff) {
		(void)mp_http_error(req, 404, mp_i18n_text(in->lang,
		    "error.msg.intranet_no_form"));
		return 0;
	}
	if (mp_req_env_count(req, in->portal_var) > 1) {
		mp_errx("%s: %s passed more than once; check the web "
		    "server configuration", __func__, in->portal_var);
		(void)mp_http_error(req, 403, mp_i18n_text(in->lang,
		    "error.msg.portal_setup"));
		return 0;
	}
	user = mp_req_env(req, in->portal_var);
	if (user == NULL || !portal_name_ok(user)) {
		(void)mp_http_error(req, 403, mp_i18n_text(in->lang,
		    "error.msg.portal_signin"));
		return 0;
	}
	/* No address holds "\n": a user and an address never meet. */
	(void)snprintf(in->here.client, sizeof(in->here.client),
	    "portal\n%s", user);
	return 1;
}

/* The catalogue, reloaded when stale; a stale one beats none. */
int
intake_catalog(struct mp_intake *in)
{

	if (mp_catalog_load(&in->cat, in->ctx->db, time(NULL),
	    in->catalog_ttl) != MP_OK && in->cat.naud == 0)
		return 0;
	rules_load(in);
	questions_load(in);
	return 1;
}

const char *
intake_lang(const struct mp_intake *in, const struct mp_req *req)
{

	/* The page's language as main.c picked it (lib/i18n.c). */
	if (req != NULL && req->lang != NULL)
		return req->lang;
	return in->lang != NULL ? in->lang : "nl";
}

enum mp_err
intake_view(struct mp_intake *in, struct mp_view *v, const char *title)
{

	mp_tmpl_set_lang(v, in->lang);
	mp_tmpl_set(v, "Page.Title", title);
	mp_tmpl_set(v, "Page.Here", in->here_path);
	mp_tmpl_set(v, "Instance.Name", in->instance);
	mp_tmpl_set(v, "Page.Mount", in->here.mount);
	mp_tmpl_setf(v, "Page.Privacy", "%s/privacy", in->mount);
	mp_tmpl_set(v, "Page.Static", mp_confkey_str(in->ctx->conf,
	    MP_CK_HTTP_STATIC));
	return mp_tmpl_err(v);
}

void
intake_render(struct mp_req *req, int status, struct mp_view *v,
    const char *tmpl)
{
	struct mp_buf	 page;

	mp_buf_init(&page, INTAKE_PAGE_MAX);
	if (mp_tmpl_render(v, tmpl, &page) != MP_OK)
		(void)mp_http_error(req, 500, NULL);
	else
		(void)mp_http_send(req, status, "text/html", mp_buf_str(&page),
		    mp_buf_len(&page));
	mp_buf_freezero(&page);
}

void
mp_intake_drain(struct mp_intake *in)
{
	time_t	 now = time(NULL);

	if (now - in->purged >= PURGE_EVERY || now < in->purged) {
		in->purged = now;
		(void)mp_ratelimit_purge(in->ctx->db, now,
		    MP_RATELIMIT_WINDOW_MAX);
	}
}
