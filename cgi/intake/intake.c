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

/* The catalogue, reloaded when stale; a stale one beats none. */
int
intake_catalog(struct mp_intake *in)
{

	if (mp_catalog_load(&in->cat, in->ctx->db, time(NULL),
	    in->catalog_ttl) != MP_OK && in->cat.naud == 0)
		return 0;
	rules_load(in);
	return 1;
}

enum mp_err
intake_view(struct mp_intake *in, struct mp_view *v, const char *title)
{

	mp_tmpl_set_lang(v, in->lang);
	mp_tmpl_set(v, "Page.Title", title);
	mp_tmpl_set(v, "Page.Here", in->here);
	mp_tmpl_set(v, "Instance.Name", in->instance);
	mp_tmpl_set(v, "Page.Mount", in->mount);
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
