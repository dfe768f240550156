/*
 * form.c -- GET: the report form of an audience, with a fresh one-time
 * token; the empty form kept rendered per audience.  intake_show_form_q
 * also shows a submitted form again with its values and errors.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "intake.h"

/*
 * Fill and render the form.  r holds the values and errors to show
 * (NULL for an empty form); token is reused when still good.
 */
/* 1 when signal type type has questions for aud. */
static int
has_questions(const struct mp_intake *in, long long type, long long aud)
{
	size_t	 i;

	for (i = 0; i < in->questions.n; i++)
		if (mp_question_applies(&in->questions.q[i], type, aud))
			return 1;
	return 0;
}

/*
 * The follow-up questions of type (0: none chosen) with f's answers
 * and errors, after the fixed fields' errors in the summary; and which
 * types have questions, for the links that show them without
 * JavaScript (templates/intake/questions.cs).
 */
static void
view_questions(struct mp_intake *in, const struct mp_req *req,
    struct mp_view *v, const struct mp_audience *aud,
    const struct mp_report *r, long long type, const struct mp_qform *f)
{
	char	 key[64];
	size_t	 i, first = 0;

	for (i = 0; r != NULL && i < RF__MAX; i++)
		if (r->err[i] != NULL)
			first++;
	for (i = 0; i < aud->ntypes; i++) {
		if (!has_questions(in, aud->types[i].id, aud->id))
			continue;
		(void)snprintf(key, sizeof(key), "Types.%zu.Questions", i);
		mp_tmpl_set_int(v, key, 1);
		mp_tmpl_set_int(v, "Form.AnyQuestions", 1);
		if (aud->types[i].id == type)
			mp_tmpl_set(v, "Form.QuestionsFor",
			    aud->types[i].slug);
	}
	if (type > 0)
		(void)mp_question_view(v, &in->questions, type, aud->id,
		    intake_lang(in, req), f, first);
}

static enum mp_err
build_form(struct mp_intake *in, const struct mp_req *req,
    const struct mp_audience *aud, const struct mp_report *r,
    long long type, const struct mp_qform *f,
    const char *token, const char *message, struct mp_buf *out)
{
	const struct mp_catalog_text	*tr;
	struct mp_view	*v;
	char		 key[128], nbuf[700];
	const char	*names;
	size_t		 i, j;
	enum mp_err	 er;

	if ((v = mp_tmpl_new()) == NULL)
		return MP_ENOMEM;
	/* Names and texts in the page's language where there are some. */
	tr = mp_catalog_text(&in->cat, MP_CATALOG_AUDIENCE, aud->id,
	    in->lang);
	intake_view(in, v, tr != NULL ? tr->name : aud->name);
	/* The form says it at the top; the footer need not repeat it. */
	mp_tmpl_set_int(v, "Page.EmergencyShown", 1);
	/* The language switch submits this form (layout.cs). */
	mp_tmpl_set(v, "Page.FormId", "report-form");
	mp_tmpl_set(v, "Form.Token", token);
	mp_tmpl_setf(v, "Form.Action", "%s/%s", in->here.mount,
	    aud->is_default ? "" : aud->slug);
	mp_tmpl_set(v, "Form.Mount", in->here.mount);
	mp_tmpl_set(v, "Audience.Slug", aud->slug);
	mp_tmpl_set(v, "Audience.Name", tr != NULL ? tr->name : aud->name);
	mp_tmpl_set(v, "Audience.Intro", tr != NULL ? tr->text : aud->intro);
	mp_tmpl_set_int(v, "Limits.MaxFiles", in->max_files);
	mp_tmpl_set_int(v, "Limits.MaxFileMB", in->max_file_mb);
	if (message != NULL)
		mp_tmpl_set(v, "Form.Message", message);
	for (i = 0; i < aud->ntypes; i++) {
		tr = mp_catalog_text(&in->cat, MP_CATALOG_SIGNAL_TYPE,
		    aud->types[i].id, in->lang);
		(void)snprintf(key, sizeof(key), "Types.%zu.Slug", i);
		mp_tmpl_set(v, key, aud->types[i].slug);
		(void)snprintf(key, sizeof(key), "Types.%zu.Name", i);
		mp_tmpl_set(v, key, tr != NULL ? tr->name :
		    aud->types[i].name);
		(void)snprintf(key, sizeof(key), "Types.%zu.Description", i);
		mp_tmpl_set(v, key, tr != NULL ? tr->text :
		    aud->types[i].description);
		if ((names = intake_rule_names(in, aud->types[i].id, nbuf,
		    sizeof(nbuf))) != NULL) {
			(void)snprintf(key, sizeof(key), "Types.%zu.Partners",
			    i);
			mp_tmpl_set(v, key, names);
			mp_tmpl_set(v, "Form.Shared", "1");
		}
	}
	/* The other forms of the same site: public or intranet. */
	for (i = 0, j = 0; i < in->cat.naud; i++) {
		if (intake_audience_intranet(in, &in->cat.aud[i]) !=
		    in->here.intranet)
			continue;
		tr = mp_catalog_text(&in->cat, MP_CATALOG_AUDIENCE,
		    in->cat.aud[i].id, in->lang);
		(void)snprintf(key, sizeof(key), "Audiences.%zu.Slug", j);
		mp_tmpl_set(v, key, in->cat.aud[i].slug);
		(void)snprintf(key, sizeof(key), "Audiences.%zu.Name", j);
		mp_tmpl_set(v, key, tr != NULL ? tr->name :
		    in->cat.aud[i].name);
		j++;
	}
	mp_report_view(v, r);
	view_questions(in, req, v, aud, r, type, f);
	/* Browsers cannot send files back: say so if some came. */
	if (r != NULL && req != NULL &&
	    (req->nfiles > 0 || req->files_dropped > 0))
		mp_tmpl_set(v, "Form.FilesAgain", "1");
	/* Renders nothing and returns the first error if a set failed. */
	er = mp_tmpl_render(v, "intake/form.cs", out);
	mp_tmpl_free(v);
	return er;
}

/* As intake.h says. */
void
intake_show_form_q(struct mp_intake *in, struct mp_req *req, int status,
    const struct mp_audience *aud, const struct mp_report *r,
    long long type, const struct mp_qform *f, const char *token,
    const char *message)
{
	struct mp_buf	 page;
	char		 tok[MP_FORMTOKEN_LEN];

	mp_buf_init(&page, INTAKE_PAGE_MAX);
	if (token == NULL && mp_formtoken_issue(&in->ctx->keys, time(NULL),
	    tok) == MP_OK)
		token = tok;
	if (token == NULL || build_form(in, req, aud, r, type, f, token,
	    message, &page) != MP_OK)
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

	/* One per audience and language, until the catalogue is reloaded. */
	if (in->blanks_loaded != in->cat.loaded) {
		for (i = 0; i < in->nblanks; i++)
			free(in->blanks[i].page);
		in->nblanks = 0;
		in->blanks_loaded = in->cat.loaded;
	}
	for (i = 0; i < in->nblanks; i++)
		if (in->blanks[i].audience_id == aud->id &&
		    in->blanks[i].lang == in->lang)
			return &in->blanks[i];
	mp_buf_init(&page, INTAKE_PAGE_MAX);
	if (build_form(in, NULL, aud, NULL, 0, NULL, TOKEN_MARK, NULL,
	    &page) !=
	    MP_OK || (mark = strstr(mp_buf_str(&page), TOKEN_MARK)) == NULL) {
		mp_buf_free(&page);
		return NULL;
	}
	nb = mp_alloc_reallocarray(in->blanks, in->nblanks + 1, sizeof(*nb));
	if (nb == NULL) {
		mp_buf_free(&page);
		return NULL;
	}
	in->blanks = nb;
	b = &nb[in->nblanks];
	b->audience_id = aud->id;
	b->lang = in->lang;
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
	mp_buf_init(&page, INTAKE_PAGE_MAX);
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

/* The empty form with signal type t chosen and its questions shown. */
static void
show_chosen(struct mp_intake *in, struct mp_req *req,
    const struct mp_audience *aud, const struct mp_signal_type *t)
{
	struct mp_report	 r;

	mp_report_init(&r);
	if ((r.val[RF_SIGNAL_TYPE] = strdup(t->slug)) == NULL)
		(void)mp_http_error(req, 500, NULL);
	else
		intake_show_form_q(in, req, 200, aud, &r, t->id, NULL, NULL,
		    NULL);
	mp_report_free(&r);
}

void
mp_intake_form(struct mp_intake *in, struct mp_req *req, const char *slug)
{
	const struct mp_audience	*aud;
	char				 sbuf[128];
	const struct mp_signal_type	*t;
	const char			*chosen;

	if (!intake_catalog(in)) {
		/* 112 is in the error page's footer. */
		(void)mp_http_error(req, 503, mp_i18n_text(in->lang,
		    "error.msg.unavailable"));
		return;
	}
	if ((aud = mp_catalog_audience(&in->cat, intake_site_slug(in, slug,
	    sbuf, sizeof(sbuf)))) == NULL) {
		(void)mp_http_error(req, 404, mp_i18n_text(in->lang,
		    "error.msg.no_form"));
		return;
	}
	if (!intake_site_check(in, req, aud))
		return;
	/*
	 * ?onderwerp=<slug>: the form with that signal type chosen and
	 * its follow-up questions, for browsers without JavaScript (the
	 * links next to the signal types, templates/intake/questions.cs).
	 */
	chosen = mp_req_params_get(&req->query, "onderwerp", NULL);
	if (chosen != NULL && (t = mp_catalog_type(aud, chosen)) != NULL &&
	    has_questions(in, t->id, aud->id)) {
		show_chosen(in, req, aud, t);
		return;
	}
	send_blank(in, req, aud);
}
