/*
 * intake.c -- the report form.  GET renders the form of an audience
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

#define PAGE_MAX	(1024 * 1024)
#define PURGE_EVERY	600	/* seconds between rate-counter purges */

/* A rendered empty form: page[0..head) + token + the rest. */
struct blank {
	long long	 audience_id;
	char		*page;
	size_t		 head;		/* offset of TOKEN_MARK */
	size_t		 len;
};

/*
 * A rendered receipt: page[0..at[0]) + first value + page[at[0] +
 * marklen..at[1]) + second value + the rest; which[] says whether the
 * reference (0) or the code (1) comes first.
 */
struct receipt {
	char		*page;		/* NULL: not rendered yet */
	size_t		 len;
	size_t		 at[2];
	int		 which[2];
};

struct mp_intake {
	struct mp_ctx		*ctx;
	struct blank		*blanks;
	size_t			 nblanks;
	time_t			 blanks_loaded;	/* catalogue they show */
	struct receipt		 receipts[2];	/* by r->anonymous */
	struct mp_catalog	 cat;
	struct mp_ratelimit	 rl;
	const char		*spool;
	const char		*instance;
	const char		*mount;
	long			 token_ttl;
	long			 catalog_ttl;
	time_t			 purged;	/* rate counters */
	long			 max_files;
	long			 max_file_mb;
};

/* Form fields besides the report's own. */
#define FIELD_TOKEN	"form-token"
#define FIELD_HONEYPOT	"website"

enum mp_err
mp_intake_open(struct mp_intake **out, struct mp_ctx *ctx)
{
	struct mp_intake	*in;
	const struct mp_conf	*c = ctx->conf;

	if ((in = mp_calloc(1, sizeof(*in))) == NULL)
		return MP_ENOMEM;
	in->ctx = ctx;
	in->spool = mp_conf_str(c, "paths.spool", SPOOLDIR);
	in->instance = mp_conf_str(c, "instance.name", "Gemeente");
	in->mount = mp_conf_str(c, "intake.mount", "/melden");
	in->token_ttl = (long)mp_conf_int(c, "intake.form_token_ttl", 86400,
	    60, 7 * 86400);
	in->catalog_ttl = (long)mp_conf_int(c, "catalog.ttl", 60, 0, 86400);
	in->rl.scope = "intake";
	in->rl.per_client = (long)mp_conf_int(c, "intake.rate.per_client", 5,
	    0, 1000000);
	in->rl.global = (long)mp_conf_int(c, "intake.rate.global", 100, 0,
	    100000000);
	in->rl.window = (long)mp_conf_int(c, "intake.rate.window", 3600, 60,
	    MP_RATELIMIT_WINDOW_MAX);
	in->max_files = (long)ctx->limits.max_files;
	in->max_file_mb = (long)(ctx->limits.max_file / (1024 * 1024));
	/* Load the catalogue now, while the database is likely up, so the
	 * form still works for this worker if it goes down later. */
	(void)mp_catalog_load(&in->cat, ctx->db, time(NULL), 0);
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
	for (i = 0; i < 2; i++)
		free(in->receipts[i].page);
	mp_catalog_free(&in->cat);
	free(in);
}

/* The catalogue, reloaded when stale; a stale one beats none. */
static int
catalog(struct mp_intake *in)
{

	if (mp_catalog_load(&in->cat, in->ctx->db, time(NULL),
	    in->catalog_ttl) != MP_OK && in->cat.naud == 0)
		return 0;
	return 1;
}

static enum mp_err
view_common(struct mp_intake *in, struct mp_view *v, const char *title)
{
	enum mp_err	 er;

	if ((er = mp_view_set(v, "Page.Title", title)) != MP_OK ||
	    (er = mp_view_set(v, "Instance.Name", in->instance)) != MP_OK ||
	    (er = mp_view_set(v, "Page.Mount", in->mount)) != MP_OK)
		return er;
	return mp_view_set(v, "Page.Static", mp_conf_str(in->ctx->conf,
	    "http.static", "/static"));
}

static void
render(struct mp_req *req, int status, struct mp_view *v, const char *tmpl)
{
	struct mp_buf	 page;

	mp_buf_init(&page, PAGE_MAX);
	if (mp_tmpl_render(v, tmpl, &page) != MP_OK)
		(void)mp_http_error(req, 500, NULL);
	else
		(void)mp_http_send(req, status, "text/html", mp_buf_str(&page),
		    mp_buf_len(&page));
	mp_buf_freezero(&page);
}

/*
 * Fill and render the form.  r holds the values and errors to show
 * (NULL for an empty form); token is reused when still good.
 */
static enum mp_err
build_form(struct mp_intake *in, const struct mp_req *req,
    const struct mp_audience *aud, const struct mp_report *r,
    const char *token, const char *message, struct mp_buf *out)
{
	struct mp_view	*v;
	char		 key[128];
	size_t		 i;
	enum mp_err	 er = MP_OK;

	if ((v = mp_view_new()) == NULL)
		return MP_ENOMEM;
	if ((er = view_common(in, v, aud->name)) == MP_OK)
		er = mp_view_set(v, "Form.Token", token);
	if (er == MP_OK)
		er = mp_view_setf(v, "Form.Action", "%s/%s", in->mount,
		    aud->is_default ? "" : aud->slug);
	if (er == MP_OK)
		er = mp_view_set(v, "Form.Mount", in->mount);
	if (er == MP_OK)
		er = mp_view_set(v, "Audience.Slug", aud->slug);
	if (er == MP_OK)
		er = mp_view_set(v, "Audience.Name", aud->name);
	if (er == MP_OK)
		er = mp_view_set(v, "Audience.Intro", aud->intro);
	if (er == MP_OK)
		er = mp_view_set_int(v, "Limits.MaxFiles", in->max_files);
	if (er == MP_OK)
		er = mp_view_set_int(v, "Limits.MaxFileMB", in->max_file_mb);
	if (er == MP_OK && message != NULL)
		er = mp_view_set(v, "Form.Message", message);
	for (i = 0; er == MP_OK && i < aud->ntypes; i++) {
		(void)snprintf(key, sizeof(key), "Types.%zu.Slug", i);
		er = mp_view_set(v, key, aud->types[i].slug);
		(void)snprintf(key, sizeof(key), "Types.%zu.Name", i);
		if (er == MP_OK)
			er = mp_view_set(v, key, aud->types[i].name);
		(void)snprintf(key, sizeof(key), "Types.%zu.Description", i);
		if (er == MP_OK)
			er = mp_view_set(v, key, aud->types[i].description);
	}
	for (i = 0; er == MP_OK && i < in->cat.naud; i++) {
		(void)snprintf(key, sizeof(key), "Audiences.%zu.Slug", i);
		er = mp_view_set(v, key, in->cat.aud[i].slug);
		(void)snprintf(key, sizeof(key), "Audiences.%zu.Name", i);
		if (er == MP_OK)
			er = mp_view_set(v, key, in->cat.aud[i].name);
	}
	if (er == MP_OK)
		er = mp_report_view(v, r);
	/* Browsers cannot send files back: say so if some came. */
	if (er == MP_OK && r != NULL && req != NULL &&
	    (req->nfiles > 0 || req->files_dropped > 0))
		er = mp_view_set(v, "Form.FilesAgain", "1");
	if (er == MP_OK)
		er = mp_tmpl_render(v, "intake/form.cs", out);
	mp_view_free(v);
	return er;
}

/*
 * Render and send the form: r holds the values and errors to show
 * (NULL for an empty form); token is reused when still good.
 */
static void
show_form(struct mp_intake *in, struct mp_req *req, int status,
    const struct mp_audience *aud, const struct mp_report *r,
    const char *token, const char *message)
{
	struct mp_buf	 page;
	char		 tok[MP_FORMTOKEN_LEN];

	mp_buf_init(&page, PAGE_MAX);
	if (token == NULL && mp_formtoken_issue(&in->ctx->keys, time(NULL),
	    tok) == MP_OK)
		token = tok;
	if (token == NULL || build_form(in, req, aud, r, token, message,
	    &page) != MP_OK)
		(void)mp_http_error(req, 500, NULL);
	else
		(void)mp_http_send(req, status, "text/html", mp_buf_str(&page),
		    mp_buf_len(&page));
	mp_buf_freezero(&page);
}

/*
 * The empty form of an audience is the same page for everyone but for
 * its token, and showing it is the commonest request: keep it rendered,
 * split where the token goes, until the catalogue is reloaded.
 */
#define TOKEN_MARK	"mpFORMTOKENmp"

static const struct blank *
blank_get(struct mp_intake *in, const struct mp_audience *aud)
{
	struct mp_buf	 page;
	struct blank	*b, *nb;
	const char	*mark;
	size_t		 i;

	if (in->blanks_loaded != in->cat.loaded) {
		for (i = 0; i < in->nblanks; i++)
			free(in->blanks[i].page);
		in->nblanks = 0;
		in->blanks_loaded = in->cat.loaded;
	}
	for (i = 0; i < in->nblanks; i++)
		if (in->blanks[i].audience_id == aud->id)
			return &in->blanks[i];
	mp_buf_init(&page, PAGE_MAX);
	if (build_form(in, NULL, aud, NULL, TOKEN_MARK, NULL, &page) !=
	    MP_OK || (mark = strstr(mp_buf_str(&page), TOKEN_MARK)) == NULL) {
		mp_buf_free(&page);
		return NULL;
	}
	nb = mp_reallocarray(in->blanks, in->nblanks + 1, sizeof(*nb));
	if (nb == NULL) {
		mp_buf_free(&page);
		return NULL;
	}
	in->blanks = nb;
	b = &nb[in->nblanks];
	b->audience_id = aud->id;
	b->head = (size_t)(mark - mp_buf_str(&page));
	b->len = mp_buf_len(&page);
	if ((b->page = mp_buf_take(&page, NULL)) == NULL)
		return NULL;
	in->nblanks++;
	return b;
}

/* Send the empty form of aud with a fresh token. */
static void
send_blank(struct mp_intake *in, struct mp_req *req,
    const struct mp_audience *aud)
{
	const struct blank	*b;
	struct mp_buf		 page;
	char			 tok[MP_FORMTOKEN_LEN];
	size_t			 marklen = strlen(TOKEN_MARK);

	if ((b = blank_get(in, aud)) == NULL ||
	    mp_formtoken_issue(&in->ctx->keys, time(NULL), tok) != MP_OK) {
		(void)mp_http_error(req, 500, NULL);
		return;
	}
	mp_buf_init(&page, PAGE_MAX);
	if (mp_buf_add(&page, b->page, b->head) != MP_OK ||
	    mp_buf_addstr(&page, tok) != MP_OK ||
	    mp_buf_add(&page, b->page + b->head + marklen,
	    b->len - b->head - marklen) != MP_OK)
		(void)mp_http_error(req, 500, NULL);
	else
		(void)mp_http_send(req, 200, "text/html", mp_buf_str(&page),
		    mp_buf_len(&page));
	mp_buf_free(&page);
}


void
mp_intake_form(struct mp_intake *in, struct mp_req *req, const char *slug)
{
	const struct mp_audience	*aud;

	if (!catalog(in)) {
		(void)mp_http_error(req, 503, "Het meldpunt is even niet "
		    "bereikbaar. Probeer het over enkele minuten opnieuw. Is "
		    "er acuut gevaar? Bel 112.");
		return;
	}
	if ((aud = mp_catalog_audience(&in->cat, slug)) == NULL) {
		(void)mp_http_error(req, 404, "Dit meldformulier bestaat "
		    "niet.");
		return;
	}
	send_blank(in, req, aud);
}

/* Every field sent must be one the form has, and each only once. */
static int
fields_known(const struct mp_req *req)
{
	const char	*n;
	size_t		 i, f;
	int		 known;

	for (i = 0; i < req->form.n; i++) {
		n = req->form.v[i].name;
		known = strcmp(n, FIELD_TOKEN) == 0 ||
		    strcmp(n, FIELD_HONEYPOT) == 0;
		for (f = 0; !known && f < RF_ATTACHMENTS; f++)
			known = strcmp(n, mp_report_field_name(f)) == 0;
		if (!known || mp_params_count(&req->form, n) != 1)
			return 0;
	}
	for (i = 0; i < req->nfiles; i++)
		if (strcmp(req->files[i].field,
		    mp_report_field_name(RF_ATTACHMENTS)) != 0)
			return 0;
	return 1;
}

/* Render the receipt for a report shown with ref and code into out. */
static enum mp_err
build_receipt(struct mp_intake *in, int anonymous, size_t natt,
    const char *ref, const char *code, struct mp_buf *out)
{
	struct mp_view	*v;
	enum mp_err	 er;

	if ((v = mp_view_new()) == NULL)
		return MP_ENOMEM;
	er = view_common(in, v, "Uw melding is ontvangen");
	if (er == MP_OK)
		er = mp_view_set(v, "Receipt.Reference", ref);
	if (er == MP_OK)
		er = mp_view_set(v, "Receipt.Code", code);
	if (er == MP_OK)
		er = mp_view_set_int(v, "Receipt.Anonymous", anonymous);
	if (er == MP_OK)
		er = mp_view_set_int(v, "Receipt.Attachments",
		    (long long)natt);
	if (er == MP_OK)
		er = mp_view_setf(v, "Receipt.Feedback", "%s/",
		    mp_conf_str(in->ctx->conf, "feedback.mount", "/melding"));
	if (er == MP_OK)
		er = mp_tmpl_render(v, "intake/receipt.cs", out);
	mp_view_free(v);
	return er;
}

/*
 * Like the empty form, the receipt of a report without attachments is
 * one page per kind (anonymous or not) but for its reference and code:
 * keep it rendered with marks where they go.  Rendering it took a fifth
 * of the intake's instructions per report (bench/intake, callgrind).
 */
#define REF_MARK	"mpREFERENCEmp"
#define CODE_MARK	"mpSECRETCODEmp"

static const char *const receipt_marks[2] = { REF_MARK, CODE_MARK };

static const struct receipt *
receipt_get(struct mp_intake *in, int anonymous)
{
	struct receipt	*rc = &in->receipts[anonymous ? 1 : 0];
	struct mp_buf	 page;
	const char	*p, *m[2];
	int		 k;

	if (rc->page != NULL)
		return rc;
	mp_buf_init(&page, PAGE_MAX);
	if (build_receipt(in, anonymous, 0, REF_MARK, CODE_MARK, &page) !=
	    MP_OK) {
		mp_buf_free(&page);
		return NULL;
	}
	p = mp_buf_str(&page);
	/* Each mark exactly once, or the page cannot be spliced. */
	for (k = 0; k < 2; k++)
		if ((m[k] = strstr(p, receipt_marks[k])) == NULL ||
		    strstr(m[k] + 1, receipt_marks[k]) != NULL) {
			mp_buf_free(&page);
			return NULL;
		}
	k = m[0] < m[1] ? 0 : 1;
	rc->which[0] = k;
	rc->which[1] = !k;
	rc->at[0] = (size_t)(m[k] - p);
	rc->at[1] = (size_t)(m[!k] - p);
	rc->len = mp_buf_len(&page);
	rc->page = mp_buf_take(&page, NULL);
	return rc->page != NULL ? rc : NULL;
}

/* 1 if s needs no HTML escaping (references and codes never do). */
static int
plain(const char *s)
{

	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

static void
show_receipt(struct mp_intake *in, struct mp_req *req,
    const struct mp_report *r, const char *code)
{
	const struct receipt	*rc = NULL;
	const char		*val[2];
	struct mp_buf		 page;
	size_t			 from, k;
	enum mp_err		 er = MP_OK;

	val[0] = r->reference;
	val[1] = code;
	mp_buf_init(&page, PAGE_MAX);
	if (r->natt == 0 && plain(val[0]) && plain(val[1]))
		rc = receipt_get(in, r->anonymous);
	if (rc == NULL)
		er = build_receipt(in, r->anonymous, r->natt, val[0], val[1],
		    &page);
	else {
		for (from = 0, k = 0; k < 2 && er == MP_OK; k++) {
			er = mp_buf_add(&page, rc->page + from,
			    rc->at[k] - from);
			if (er == MP_OK)
				er = mp_buf_addstr(&page, val[rc->which[k]]);
			from = rc->at[k] +
			    strlen(receipt_marks[rc->which[k]]);
		}
		if (er == MP_OK)
			er = mp_buf_add(&page, rc->page + from,
			    rc->len - from);
	}
	if (er != MP_OK)
		(void)mp_http_error(req, 500, NULL);
	else
		(void)mp_http_send(req, 200, "text/html", mp_buf_str(&page),
		    mp_buf_len(&page));
	mp_buf_freezero(&page);
}

static void
show_duplicate(struct mp_intake *in, struct mp_req *req, const char *ref)
{
	struct mp_view	*v;
	enum mp_err	 er;

	if ((v = mp_view_new()) == NULL) {
		(void)mp_http_error(req, 500, NULL);
		return;
	}
	er = view_common(in, v, "Deze melding is al ontvangen");
	if (er == MP_OK && ref != NULL && ref[0] != '\0')
		er = mp_view_set(v, "Receipt.Reference", ref);
	if (er != MP_OK)
		(void)mp_http_error(req, 500, NULL);
	else
		render(req, 409, v, "intake/duplicate.cs");
	mp_view_free(v);
}

void
mp_intake_submit(struct mp_intake *in, struct mp_req *req, const char *slug)
{
	const struct mp_audience	*aud;
	struct mp_report		 r;
	const char			*token, *hp;
	char				 code[MP_CODE_LEN];
	enum mp_err			 er;

	mp_report_init(&r);
	code[0] = '\0';
	if (req->err == MP_ETOOBIG) {
		(void)mp_http_error(req, 413, "Uw melding is groter dan wij "
		    "kunnen ontvangen. Stuur minder of kleinere bijlagen "
		    "mee.");
		goto out;
	}
	if (req->err != MP_OK || !fields_known(req)) {
		(void)mp_http_error(req, 400, "Het formulier kon niet worden "
		    "gelezen. Ga terug naar het formulier en probeer het "
		    "opnieuw.");
		goto out;
	}
	if (!catalog(in)) {
		(void)mp_http_error(req, 503, "Het meldpunt is even niet "
		    "bereikbaar. Probeer het over enkele minuten opnieuw.");
		goto out;
	}
	if ((aud = mp_catalog_audience(&in->cat, slug)) == NULL) {
		(void)mp_http_error(req, 404, "Dit meldformulier bestaat "
		    "niet.");
		goto out;
	}
	if ((hp = mp_params_get(&req->form, FIELD_HONEYPOT, NULL)) != NULL &&
	    hp[0] != '\0') {
		/* Only robots fill in the field people cannot see. */
		(void)mp_http_error(req, 400, "Uw melding is niet verstuurd, "
		    "omdat het verborgen veld 'website' was ingevuld.");
		goto out;
	}
	if ((er = mp_report_read(&r, req, aud, time(NULL))) != MP_OK) {
		(void)mp_http_error(req, 500, NULL);
		goto out;
	}
	token = mp_params_get(&req->form, FIELD_TOKEN, NULL);
	if (mp_formtoken_check(&in->ctx->keys, token, time(NULL),
	    in->token_ttl, r.submission) != MP_OK) {
		show_form(in, req, 400, aud, &r, NULL, "Dit formulier is "
		    "verlopen. Controleer uw gegevens en verstuur het "
		    "opnieuw.");
		goto out;
	}
	r.has_submission = 1;
	if (r.nerr > 0) {
		show_form(in, req, 400, aud, &r, token, NULL);
		goto out;
	}
	if (mp_spool_has(in->spool, r.submission)) {
		show_duplicate(in, req, NULL);
		goto out;
	}
	if ((er = mp_report_new_code(&r, &in->ctx->keys, code)) != MP_OK) {
		(void)mp_http_error(req, 500, NULL);
		goto out;
	}
	er = mp_report_store(in->ctx->db, &in->ctx->keys, &r, &in->rl,
	    req->remote_addr);
	switch (er) {
	case MP_OK:
		show_receipt(in, req, &r, code);
		mp_intake_drain(in);
		break;
	case MP_EDUP:
		show_duplicate(in, req, r.reference);
		break;
	case MP_ELIMIT:
		show_form(in, req, 429, aud, &r, token, "Er zijn de "
		    "afgelopen tijd te veel meldingen verstuurd. Probeer het "
		    "over een uur opnieuw. Is er acuut gevaar? Bel 112.");
		break;
	default:
		/* Whatever kept the database from taking it: keep it here. */
		mp_warnx("%s: storing failed (%s); spooling", __func__,
		    mp_strerror(er));
		er = mp_spool_write(in->spool, &in->ctx->keys, &r);
		if (er == MP_OK)
			show_receipt(in, req, &r, code);
		else if (er == MP_EDUP)
			show_duplicate(in, req, NULL);
		else
			show_form(in, req, 503, aud, &r, token, "Uw melding "
			    "kon nu niet worden opgeslagen. Probeer het over "
			    "enkele minuten opnieuw; uw gegevens staan nog "
			    "in het formulier.");
		break;
	}
out:
	mp_wipe(code, sizeof(code));
	mp_report_free(&r);
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
