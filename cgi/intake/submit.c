/*
 * submit.c -- POST: taking a report (unknown fields, honeypot, token,
 * validation), storing or spooling it, and the receipt with the secret
 * code, once; a second submission of the same form gets the duplicate
 * page.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "intake.h"

/* Form fields besides the report's own. */
#define FIELD_TOKEN	"form-token"
#define FIELD_HONEYPOT	"website"
/* The signal type whose questions the form showed (questions.cs). */
#define FIELD_QFOR	"questions-for"

/* A field the form has. */
static int
field_known(const char *n)
{
	size_t	 f;

	if (strcmp(n, FIELD_TOKEN) == 0 || strcmp(n, FIELD_HONEYPOT) == 0 ||
	    strcmp(n, FIELD_QFOR) == 0 || mp_question_field(n) ||
	    strcmp(n, MP_I18N_PARAM) == 0)
		return 1;
	for (f = 0; f < RF_ATTACHMENTS; f++)
		if (strcmp(n, mp_report_field_name(f)) == 0)
			return 1;
	return 0;
}

/* Every field sent must be one the form has, and each only once. */
static int
fields_known(const struct mp_req *req)
{

	return mp_req_form_known(req, field_known,
	    mp_report_field_name(RF_ATTACHMENTS));
}

/* A form field for lib/question.c. */
static const char *
form_get(void *arg, const char *name)
{
	const struct mp_req	*req = arg;

	return mp_req_params_get(&req->form, name, NULL);
}

/*
 * 1 when the form the reporter sent showed the questions of r's signal
 * type: without JavaScript the form shows a type's questions only once
 * it is chosen, so a form sent without them comes back with them.
 */
static int
questions_shown(const struct mp_req *req, const struct mp_report *r)
{
	const char	*s = mp_req_params_get(&req->form, FIELD_QFOR, NULL);

	return s != NULL && r->val[RF_SIGNAL_TYPE] != NULL &&
	    strcmp(s, r->val[RF_SIGNAL_TYPE]) == 0;
}

/* Render the receipt for a report shown with ref and code into out. */
static enum mp_err
build_receipt(struct mp_intake *in, int anonymous, size_t natt,
    const char *ref, const char *code, struct mp_buf *out)
{
	struct mp_view	*v;
	char		 url[MP_SITEURL_MAX];
	enum mp_err	 er;

	if ((v = mp_tmpl_new()) == NULL)
		return MP_ENOMEM;
	/* The full address (site.public_url), to write down or type. */
	(void)mp_siteurl_feedback(in->ctx->conf, url);
	intake_view(in, v, mp_i18n_text(in->lang, "receipt.title"));
	/* Not here: switching would lose the code, shown only once. */
	mp_tmpl_set(v, "Page.Here", "");
	mp_tmpl_set(v, "Receipt.Reference", ref);
	mp_tmpl_set(v, "Receipt.Code", code);
	mp_tmpl_set_int(v, "Receipt.Anonymous", anonymous);
	mp_tmpl_set_int(v, "Receipt.Attachments", (long long)natt);
	mp_tmpl_set(v, "Receipt.Feedback", url);
	/* Renders nothing and returns the first error if a set failed. */
	er = mp_tmpl_render(v, "intake/receipt.cs", out);
	mp_tmpl_free(v);
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
	struct receipt	*rc, *nr;
	struct mp_buf	 page;
	const char	*p, *m[2];
	size_t		 i;
	int		 k;

	/* Two per language: anonymous (odd) or not (even). */
	for (i = 0; i + 1 < in->nreceipts; i += 2)
		if (in->receipts[i].lang == in->lang)
			break;
	if (i + 1 >= in->nreceipts) {
		if ((nr = mp_alloc_reallocarray(in->receipts,
		    in->nreceipts + 2, sizeof(*nr))) == NULL)
			return NULL;
		in->receipts = nr;
		i = in->nreceipts;
		memset(&nr[i], 0, 2 * sizeof(*nr));
		nr[i].lang = nr[i + 1].lang = in->lang;
		in->nreceipts += 2;
	}
	rc = &in->receipts[i + (anonymous ? 1 : 0)];
	if (rc->page != NULL)
		return rc;
	mp_buf_init(&page, INTAKE_PAGE_MAX);
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
	mp_buf_init(&page, INTAKE_PAGE_MAX);
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

	if ((v = mp_tmpl_new()) == NULL) {
		(void)mp_http_error(req, 500, NULL);
		return;
	}
	er = intake_view(in, v, mp_i18n_text(in->lang, "duplicate.title"));
	if (er == MP_OK && ref != NULL && ref[0] != '\0')
		er = mp_tmpl_set(v, "Receipt.Reference", ref);
	if (er != MP_OK)
		(void)mp_http_error(req, 500, NULL);
	else
		intake_render(req, 409, v, "intake/duplicate.cs");
	mp_tmpl_free(v);
}

/*
 * The request before its report is read: size, fields, the catalogue,
 * the audience of slug, the honeypot.  NULL when refused (answered).
 */
static const struct mp_audience *
submit_check(struct mp_intake *in, struct mp_req *req, const char *slug)
{
	const struct mp_audience	*aud;
	const char			*hp;
	char				 sbuf[128];

	if (req->err == MP_ETOOBIG) {
		(void)mp_http_error(req, 413, mp_i18n_text(in->lang,
		    "error.msg.intake_too_large"));
		return NULL;
	}
	if (req->err != MP_OK || !fields_known(req)) {
		(void)mp_http_error(req, 400, mp_i18n_text(in->lang,
		    "error.msg.unreadable"));
		return NULL;
	}
	if (!intake_catalog(in)) {
		(void)mp_http_error(req, 503, mp_i18n_text(in->lang,
		    "error.msg.unavailable"));
		return NULL;
	}
	if ((aud = mp_catalog_audience(&in->cat, intake_site_slug(in, slug,
	    sbuf, sizeof(sbuf)))) == NULL) {
		(void)mp_http_error(req, 404, mp_i18n_text(in->lang,
		    "error.msg.no_form"));
		return NULL;
	}
	if (!intake_site_check(in, req, aud))
		return NULL;
	if ((hp = mp_req_params_get(&req->form, FIELD_HONEYPOT,
	    NULL)) != NULL &&
	    hp[0] != '\0') {
		/* Only robots fill in the field people cannot see. */
		(void)mp_http_error(req, 400, mp_i18n_text(in->lang,
		    "error.msg.honeypot"));
		return NULL;
	}
	return aud;
}

/*
 * Whether r may be stored: its type's questions were asked and every
 * field and answer is good; then the answers go with the report
 * (stored or spooled).  Otherwise the form again (answered) and 0.
 */
static int
submit_complete(struct mp_intake *in, struct mp_req *req,
    const struct mp_audience *aud, struct mp_report *r,
    struct mp_qform *qf, const char *token)
{

	if (qf->nasked > 0 && !questions_shown(req, r)) {
		/* Not an error: the form had not asked them yet. */
		intake_show_form_q(in, req, r->nerr > 0 ? 400 : 200, aud, r,
		    r->signal_type_id, NULL, token, mp_i18n_text(in->lang,
		    "form.questions_more"));
		return 0;
	}
	r->nerr += qf->nerr;
	if (r->nerr > 0) {
		intake_show_form_q(in, req, 400, aud, r, r->signal_type_id,
		    qf, token, NULL);
		return 0;
	}
	r->ans = qf->ans;
	r->nans = qf->nans;
	qf->ans = NULL;
	qf->nans = 0;
	return 1;
}

/*
 * The form sent by a language button (layout.cs): shown again in the
 * chosen language with what was typed, nothing stored and no errors
 * yet (the reporter has not sent it).  The token goes along while it
 * is good.  Files cannot come back; the form says so.
 */
static void
show_switched(struct mp_intake *in, struct mp_req *req,
    const struct mp_audience *aud, struct mp_report *r,
    const struct mp_qform *qf, const char *token)
{
	size_t	 f;

	for (f = 0; f < RF__MAX; f++)
		r->err[f] = NULL;
	r->nerr = 0;
	if (mp_formtoken_check(&in->ctx->keys, token, time(NULL),
	    in->token_ttl, r->submission) != MP_OK)
		token = NULL;
	intake_show_form_q(in, req, 200, aud, r, r->signal_type_id, qf,
	    token, NULL);
}

/*
 * Store r (its code made) and answer: the receipt, the duplicate's
 * page, the form again when over the limit, or, when the database
 * cannot take it, the spool and still the receipt.
 */
static void
store_and_answer(struct mp_intake *in, struct mp_req *req,
    const struct mp_audience *aud, struct mp_report *r,
    const struct mp_qform *qf, const char *token, const char *code)
{
	enum mp_err	 er;

	r->lang = in->lang;	/* lib/report.c writes it with the report */
	/* Per address, or on the intranet per signed-in user. */
	er = mp_report_store(in->ctx->db, &in->ctx->keys, r, &in->rl,
	    in->here.client);
	switch (er) {
	case MP_OK:
		show_receipt(in, req, r, code);
		mp_intake_drain(in);
		break;
	case MP_EDUP:
		show_duplicate(in, req, r->reference);
		break;
	case MP_ELIMIT:
		/* 112 is in the form's notice, once. */
		intake_show_form_q(in, req, 429, aud, r, r->signal_type_id,
		    qf, token, mp_i18n_text(in->lang, "form.too_many"));
		break;
	default:
		/* Whatever kept the database from taking it: keep it here. */
		mp_warnx("%s: storing failed (%s); spooling", __func__,
		    mp_err_str(er));
		er = mp_spool_write(in->spool, &in->ctx->keys, r);
		if (er == MP_OK)
			show_receipt(in, req, r, code);
		else if (er == MP_EDUP)
			show_duplicate(in, req, NULL);
		else
			intake_show_form_q(in, req, 503, aud, r,
			    r->signal_type_id, qf, token,
			    mp_i18n_text(in->lang, "form.not_stored"));
		break;
	}
}

void
mp_intake_submit(struct mp_intake *in, struct mp_req *req, const char *slug)
{
	const struct mp_audience	*aud;
	struct mp_report		 r;
	struct mp_qform			 qf;
	const char			*token;
	char				 code[MP_CODE_LEN];
	enum mp_err			 er;

	mp_report_init(&r);
	memset(&qf, 0, sizeof(qf));
	code[0] = '\0';
	if ((aud = submit_check(in, req, slug)) == NULL)
		goto out;
	if ((er = mp_report_read(&r, req, aud, time(NULL))) != MP_OK ||
	    (er = mp_question_read(&qf, &in->questions, r.signal_type_id,
	    aud->id, intake_lang(in, req), form_get, req)) != MP_OK) {
		(void)mp_http_error(req, 500, NULL);
		goto out;
	}
	if (in->here.intranet)
		r.channel = "intranet";
	token = mp_req_params_get(&req->form, FIELD_TOKEN, NULL);
	if (mp_req_params_get(&req->form, MP_I18N_PARAM, NULL) != NULL) {
		show_switched(in, req, aud, &r, &qf, token);
		goto out;
	}
	if (mp_formtoken_check(&in->ctx->keys, token, time(NULL),
	    in->token_ttl, r.submission) != MP_OK) {
		intake_show_form_q(in, req, 400, aud, &r, r.signal_type_id,
		    &qf, NULL, mp_i18n_text(in->lang, "form.expired"));
		goto out;
	}
	r.has_submission = 1;
	if (!submit_complete(in, req, aud, &r, &qf, token))
		goto out;
	if (mp_spool_has(in->spool, r.submission)) {
		show_duplicate(in, req, NULL);
		goto out;
	}
	if ((er = mp_report_new_code(&r, &in->ctx->keys, code)) != MP_OK) {
		(void)mp_http_error(req, 500, NULL);
		goto out;
	}
	r.subject_max = (size_t)mp_confkey_int(in->ctx->conf,
	    MP_CK_SUBJECT_MAX_PER_REPORT);
	store_and_answer(in, req, aud, &r, &qf, token, code);
out:
	mp_alloc_wipe(code, sizeof(code));
	mp_question_form_free(&qf);
	mp_report_free(&r);
}

