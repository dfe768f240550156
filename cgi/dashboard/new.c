/*
 * new.c -- a report entered by a handler or coordinator after
 * a telephone call or an e-mail: the intake's fields and rules
 * (lib/report.c) plus who reported, the channel and the date received,
 * stored through the intake's own storing transaction.
 *
 * A second POST of the same form (double click, reload, back and send
 * again) must not make a second report.  The form carries the intake's
 * stateless one-time form token (lib/formtoken.c); its nonce becomes
 * the report's submission_id, whose unique key refuses the second
 * insert inside the database, even when both POSTs run at once on two
 * workers.  The second POST then goes to the report the first made.
 * The CSRF token cannot do this: it is the session's, the same for
 * every form, so it says who sent a form but not which one.
 *
 * The caller can follow the report like one from the form (issue 16):
 * it gets a secret code, and the page after saving shows the reference
 * and the code once, to read out or send, as the receipt does; the
 * second POST of the form lands on the report without it.  Files go
 * through the intake's own check (mp_report_read_files).  Who entered
 * it is kept (sql/054): that handler sees the contact details typed.
 *
 * The follow-up questions of the chosen signal type (issue 17) are
 * asked as on the public form, by lib/question.c's reading, checking
 * and view, and the public form's template (intake/questions.cs).
 * Without JavaScript: the button "Vragen tonen" sends the form back
 * with what was typed and the type's questions, nothing stored and no
 * errors yet; a form saved without the questions of a type that has
 * some comes back with them, as the intake does.  The answers go with
 * the report into its storing transaction (mp_report_store).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define FIELD_TOKEN	"form-token"
/* The signal type whose questions the form showed (questions.cs). */
#define FIELD_QFOR	"questions-for"
/* The button that shows the chosen type's questions. */
#define FIELD_QSHOW	"vragen-tonen"

/*
 * The form's follow-up questions: every active one (a small table;
 * the staff form is not the intake's hot path), and what the POST
 * answered (read: qf holds it).
 */
struct new_q {
	struct mp_qset	 set;
	struct mp_qform	 qf;
	int		 read;
};

static void
new_q_free(struct new_q *q)
{

	mp_question_form_free(&q->qf);
	mp_question_set_free(&q->set);
}

/*
 * The catalogue, reloaded when stale; 0 when there is none.  Also the
 * report page's corrections of signal type and audience (report.c).
 */
int
dash_catalog(struct mp_dreq *r)
{
	struct mp_dash	*d = r->d;

	if (mp_catalog_load(&d->cat, d->ctx->db, r->now, d->catalog_ttl) !=
	    MP_OK && d->cat.naud == 0)
		return 0;
	return 1;
}

/* Every signal type of every audience, once each, in catalogue order. */
enum mp_err
dash_catalog_view(struct mp_view *v, const struct mp_catalog *cat)
{
	const struct mp_signal_type	*t;
	char				 key[64];
	size_t				 a, i, j, k, n = 0;
	int				 seen;

	for (a = 0; a < cat->naud; a++)
		for (i = 0; i < cat->aud[a].ntypes; i++) {
			t = &cat->aud[a].types[i];
			seen = 0;
			for (j = 0; !seen && j < a; j++)
				for (k = 0; k < cat->aud[j].ntypes; k++)
					if (cat->aud[j].types[k].id == t->id)
						seen = 1;
			for (k = 0; !seen && k < i; k++)
				if (cat->aud[a].types[k].id == t->id)
					seen = 1;
			if (seen)
				continue;
			(void)snprintf(key, sizeof(key), "Types.%zu.Slug", n);
			mp_tmpl_set(v, key, t->slug);
			(void)snprintf(key, sizeof(key), "Types.%zu.Name", n);
			mp_tmpl_set(v, key, t->name);
			n++;
		}
	for (a = 0; a < cat->naud; a++) {
		(void)snprintf(key, sizeof(key), "Audiences.%zu.Slug", a);
		mp_tmpl_set(v, key, cat->aud[a].slug);
		(void)snprintf(key, sizeof(key), "Audiences.%zu.Name", a);
		mp_tmpl_set(v, key, cat->aud[a].name);
		if (cat->aud[a].is_default) {
			(void)snprintf(key, sizeof(key),
			    "Audiences.%zu.Default", a);
			mp_tmpl_set(v, key, "1");
		}
	}
	return mp_tmpl_err(v);
}

/*
 * The questions into v: whether there are any (the button), and those
 * of rep's signal type with q's answers and errors when q read them
 * (answered), after the fixed fields' errors in the summary.
 */
static void
view_questions(struct mp_view *v, const struct mp_report *rep,
    const struct new_q *q, int answered)
{
	size_t	 i, first = 0;

	if (q == NULL || q->set.n == 0)
		return;
	mp_tmpl_set(v, "Form.HasQuestions", "1");
	if (rep == NULL || rep->signal_type_id <= 0 ||
	    rep->val[RF_SIGNAL_TYPE] == NULL)
		return;
	for (i = 0; i < RF__MAX; i++)
		if (rep->err[i] != NULL)
			first++;
	for (i = 0; i < q->set.n; i++)
		if (mp_question_applies(&q->set.q[i], rep->signal_type_id,
		    rep->audience_id))
			break;
	if (i == q->set.n)
		return;
	mp_tmpl_set(v, "Form.QuestionsFor", rep->val[RF_SIGNAL_TYPE]);
	(void)mp_question_view(v, &q->set, rep->signal_type_id,
	    rep->audience_id, "nl", answered && q->read ? &q->qf : NULL,
	    first);
}

/*
 * Render the form with status: rep holds the values and errors to show
 * (NULL for an empty one), token the form token to carry, q the
 * questions (answered: with the answers and errors read).
 */
static void
show_form(struct mp_dreq *r, int status, const struct mp_report *rep,
    const char *token, const char *message, const struct new_q *q,
    int answered)
{
	struct mp_view	*v;
	char		 day[11];
	struct tm	 tm;

	if ((v = dash_view(r, "Nieuwe melding")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	mp_tmpl_set(v, "Form.Token", token);
	mp_tmpl_set_int(v, "Limits.MaxFiles",
	    (long long)r->d->ctx->limits.max_files);
	mp_tmpl_set_int(v, "Limits.MaxFileMB",
	    (long long)(r->d->ctx->limits.max_file / (1024 * 1024)));
	dash_catalog_view(v, &r->d->cat);
	if (message != NULL)
		mp_tmpl_set(v, "Form.Message", message);
	if (rep == NULL && localtime_r(&r->now, &tm) != NULL &&
	    strftime(day, sizeof(day), "%Y-%m-%d", &tm) != 0)
		mp_tmpl_set(v, "Form.Value.received_date", day);
	mp_report_view(v, rep);
	view_questions(v, rep, q, answered);
	dash_render(r, status, v, "dashboard/new.cs");
}

void
mp_dash_new_form(struct mp_dreq *r)
{
	struct new_q	 q;
	char		 tok[MP_FORMTOKEN_LEN];
	enum mp_err	 er;

	memset(&q, 0, sizeof(q));
	if (!dash_catalog(r)) {
		dash_error(r, 503, NULL);
		return;
	}
	if ((er = mp_question_load(r->d->ctx->db, 0, 0, &q.set)) != MP_OK)
		dash_error(r, mp_err_status(er), NULL);
	else if (mp_formtoken_issue(&r->d->ctx->keys, r->now, tok) != MP_OK)
		dash_error(r, 500, NULL);
	else
		show_form(r, 200, NULL, tok, NULL, &q, 0);
	new_q_free(&q);
}

/* A form field for mp_question_read. */
static const char *
form_get(void *arg, const char *name)
{

	return dash_form(arg, name);
}

/*
 * Whether the form sent showed the questions of rep's signal type:
 * without JavaScript they show only once the type is chosen.
 */
static int
questions_shown(struct mp_dreq *r, const struct mp_report *rep)
{
	const char	*s = dash_form(r, FIELD_QFOR);

	return s != NULL && rep->val[RF_SIGNAL_TYPE] != NULL &&
	    strcmp(s, rep->val[RF_SIGNAL_TYPE]) == 0;
}

/*
 * The form again with what was typed and the chosen type's questions,
 * without errors: the user asked for the questions, did not save.
 */
static void
show_questions(struct mp_dreq *r, struct mp_report *rep, struct new_q *q,
    const char *token)
{
	size_t	 i;

	for (i = 0; i < RF__MAX; i++)
		rep->err[i] = NULL;
	rep->nerr = 0;
	for (i = 0; q->qf.err != NULL && i < q->qf.n; i++)
		q->qf.err[i] = NULL;
	q->qf.nerr = 0;
	/* Say why none show, rather than leave the form as it was. */
	show_form(r, 200, rep, token, rep->signal_type_id <= 0 ?
	    "Kies eerst waar de melding over gaat; dan verschijnen de "
	    "vragen bij die soort." : q->qf.nasked == 0 ? "Bij deze soort "
	    "melding horen geen vervolgvragen." : NULL, q, 1);
}

/* In the storing transaction: the audit entry, or no report. */
static enum mp_err
audit_new(struct mp_db *db, const struct mp_report *rep, void *arg)
{
	struct mp_dreq	*r = arg;
	char		 detail[64];

	enum mp_err	 er;

	(void)snprintf(detail, sizeof(detail), "%s; kanaal: %s",
	    rep->reference, rep->channel);
	if ((er = mp_report_entered(db, rep->id, r->user.id)) != MP_OK)
		return er;
	return mp_audit(db, r->user.id, r->user.username,
	    "melding ingevoerd", "melding", rep->id, r->client, detail);
}

/*
 * The reference and the secret code, shown this once (as the intake's
 * receipt shows them): never stored readable, so never again.
 */
static void
show_code(struct mp_dreq *r, const struct mp_report *rep, const char *code)
{
	struct mp_view	*v;

	if ((v = dash_view(r, "Melding ingevoerd")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	mp_tmpl_set(v, "New.Reference", rep->reference);
	mp_tmpl_set(v, "New.Code", code);
	mp_tmpl_set_int(v, "New.Id", rep->id);
	mp_tmpl_set_int(v, "New.Files", (long long)rep->natt);
	dash_render(r, 200, v, "dashboard/new-done.cs");
}

/*
 * Whether rep may be stored: its type's questions were asked and every
 * field and answer is good; then the answers go with the report, into
 * its transaction.  Otherwise the form again (answered) and 0.
 */
static int
complete(struct mp_dreq *r, struct mp_report *rep, struct new_q *q,
    const char *token)
{

	if (q->qf.nasked > 0 && !questions_shown(r, rep)) {
		/* Not an error: the form had not asked them yet. */
		show_form(r, rep->nerr > 0 ? 400 : 200, rep, token, "Bij deze "
		    "soort melding horen vervolgvragen. Stel ze de melder "
		    "als dat kan, vul de antwoorden in en sla de melding "
		    "dan opnieuw op.", q, 0);
		return 0;
	}
	rep->nerr += q->qf.nerr;
	if (rep->nerr > 0) {
		show_form(r, 400, rep, token, NULL, q, 1);
		return 0;
	}
	rep->ans = q->qf.ans;
	rep->nans = q->qf.nans;
	q->qf.ans = NULL;
	q->qf.nans = 0;
	return 1;
}

void
mp_dash_new(struct mp_dreq *r)
{
	struct mp_report	 rep;
	struct new_q		 q;
	const char		*token;
	char			 tok[MP_FORMTOKEN_LEN], back[64];
	char			 code[MP_CODE_LEN];
	enum mp_err		 er;

	mp_report_init(&rep);
	memset(&q, 0, sizeof(q));
	code[0] = '\0';
	if (!dash_catalog(r)) {
		dash_error(r, 503, NULL);
		goto out;
	}
	if ((er = mp_question_load(r->d->ctx->db, 0, 0, &q.set)) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		goto out;
	}
	if (mp_report_read_staff(&rep, r->req, &r->d->cat, r->now) !=
	    MP_OK || mp_question_read(&q.qf, &q.set, rep.signal_type_id,
	    rep.audience_id, "nl", form_get, r) != MP_OK) {
		dash_error(r, 500, NULL);
		goto out;
	}
	q.read = 1;
	token = dash_form(r, FIELD_TOKEN);
	if (dash_form(r, FIELD_QSHOW) != NULL) {
		show_questions(r, &rep, &q, token);
		goto out;
	}
	if (mp_formtoken_check(&r->d->ctx->keys, token, r->now,
	    r->d->token_ttl, rep.submission) != MP_OK) {
		if (mp_formtoken_issue(&r->d->ctx->keys, r->now, tok) !=
		    MP_OK)
			dash_error(r, 500, NULL);
		else
			show_form(r, 400, &rep, tok, "Dit formulier is "
			    "verlopen. Controleer de gegevens en sla de "
			    "melding opnieuw op.", &q, 1);
		goto out;
	}
	rep.has_submission = 1;
	if (!complete(r, &rep, &q, token))
		goto out;
	if (mp_report_new_code(&rep, &r->d->ctx->keys, code) != MP_OK) {
		dash_error(r, 500, NULL);
		goto out;
	}
	rep.actor = r->user.username;
	rep.actor_id = r->user.id;
	rep.also = audit_new;
	rep.also_arg = r;
	rep.subject_max = r->d->subject_max;
	if ((er = mp_user_only_team(r->d->ctx->db, r->user.id,
	    &rep.team_id)) == MP_OK)
		er = mp_report_store(r->d->ctx->db, &r->d->ctx->keys, &rep,
		    NULL, NULL);
	if (er == MP_OK)
		show_code(r, &rep, code);
	else if (er == MP_EDUP && rep.id > 0) {
		/* The same form again lands on the report it made. */
		(void)snprintf(back, sizeof(back), "/melding/%lld", rep.id);
		dash_done(r, back, "ingevoerd");
	} else
		show_form(r, mp_err_status(er), &rep, token,
		    "De melding kon nu niet worden opgeslagen. Probeer het "
		    "over enkele minuten opnieuw; de gegevens staan nog in "
		    "het formulier.", &q, 1);
out:
	mp_alloc_wipe(code, sizeof(code));
	new_q_free(&q);
	mp_report_free(&rep);
}
