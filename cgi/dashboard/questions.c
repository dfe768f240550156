/*
 * questions.c -- the administrator's follow-up questions per signal
 * type (issue 17) at /beheer/vragen: the questions of one type, their
 * texts per language and what is missing, a form to add one and one to
 * change each.  A question is never deleted, only switched off, and an
 * answer keeps the text it was asked with (lib/question.c), so nothing
 * here changes an answer already given.  Every change is audited
 * (without its texts) in the change's transaction.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meldpunt.h"
#include "dashboard.h"

/*
 * The languages a question has a text in, Dutch first and required.
 * MERGE: the enabled languages of the public catalogues (issue 17's
 * other half) once they are configured.
 */
static const struct {
	const char	*code;
	const char	*name;
} langs[] = {
	{ "nl", "Nederlands" },
	{ "en", "Engels" },
	{ "pl", "Pools" },
	{ "tr", "Turks" },
	{ "ar", "Arabisch" },
};

#define POSITION_MAX	999

/* The types (d->opts[0]) and audiences (d->opts[1]) as lists. */
static void
view_catalog(struct mp_dreq *r, struct mp_view *v, long long type)
{
	const struct opt_list	*t = &r->d->opts[0], *a = &r->d->opts[1];
	size_t			 i;

	for (i = 0; i < t->n; i++) {
		dash_setki(v, "QTypes", i, "Id", t->id[i]);
		dash_setk(v, "QTypes", i, "Name", t->name[i]);
		if (t->id[i] == type)
			mp_tmpl_set(v, "Q.TypeName", t->name[i]);
	}
	for (i = 0; i < a->n; i++) {
		dash_setki(v, "QAudiences", i, "Id", a->id[i]);
		dash_setk(v, "QAudiences", i, "Name", a->name[i]);
	}
	for (i = 0; i < MP_NELEM(langs); i++) {
		dash_setk(v, "QLangs", i, "Code", langs[i].code);
		dash_setk(v, "QLangs", i, "Name", langs[i].name);
	}
	for (i = 0; i < MP_Q__MAX; i++) {
		dash_setk(v, "QKinds", i, "Name",
		    mp_question_kind_name((enum mp_qkind)i));
		dash_setk(v, "QKinds", i, "Label",
		    mp_question_kind_label((enum mp_qkind)i));
	}
}

/* The options of t, one a line, into v at key. */
static void
view_options(struct mp_view *v, const char *key, const struct mp_qtext *t)
{
	struct mp_buf	 b;
	size_t		 i;

	mp_buf_init(&b, 8192);
	for (i = 0; i < t->nopts; i++)
		if (mp_buf_addstr(&b, t->opts[i]) != MP_OK ||
		    mp_buf_addstr(&b, "\n") != MP_OK)
			break;
	mp_tmpl_set(v, key, mp_buf_len(&b) > 0 ? mp_buf_str(&b) : "");
	mp_buf_free(&b);
}

/* Question q at Questions.n with its texts per language. */
static void
view_question(struct mp_view *v, const struct mp_question *q, size_t n)
{
	const struct mp_qtext	*t;
	char			 key[96];
	size_t			 i, j, missing = 0;

	dash_setki(v, "Questions", n, "Id", q->id);
	dash_setk(v, "Questions", n, "Kind", mp_question_kind_name(q->kind));
	dash_setk(v, "Questions", n, "KindLabel",
	    mp_question_kind_label(q->kind));
	dash_setki(v, "Questions", n, "Required", q->required);
	dash_setki(v, "Questions", n, "Position", q->position);
	dash_setki(v, "Questions", n, "Active", q->active);
	dash_setki(v, "Questions", n, "Audience", q->audience_id);
	dash_setk(v, "Questions", n, "Label", q->texts[0].label);
	for (i = 0; i < MP_NELEM(langs); i++) {
		for (t = NULL, j = 0; j < q->ntexts; j++)
			if (strcmp(q->texts[j].lang, langs[i].code) == 0)
				t = &q->texts[j];
		if (t == NULL) {
			missing++;
			continue;
		}
		(void)snprintf(key, sizeof(key), "Questions.%zu.T.%s.Label",
		    n, langs[i].code);
		mp_tmpl_set(v, key, t->label);
		(void)snprintf(key, sizeof(key), "Questions.%zu.T.%s.Help",
		    n, langs[i].code);
		mp_tmpl_set(v, key, t->help);
		(void)snprintf(key, sizeof(key),
		    "Questions.%zu.T.%s.Options", n, langs[i].code);
		view_options(v, key, t);
	}
	dash_setki(v, "Questions", n, "Missing", (long long)missing);
}

static void
page(struct mp_dreq *r, int status, long long type, const char *msg,
    const char *note)
{
	struct mp_view	*v;
	struct mp_qset	 set;
	size_t		 i;
	enum mp_err	 er;

	memset(&set, 0, sizeof(set));
	if ((v = dash_view(r, "Vervolgvragen")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	if (msg != NULL)
		mp_tmpl_set(v, "Q.Message", msg);
	if (note != NULL)
		mp_tmpl_set(v, "Q.Note", note);
	er = dash_options_refresh(r->d, r->now);
	if (er == MP_OK)
		view_catalog(r, v, type);
	if (er == MP_OK && type > 0) {
		mp_tmpl_set_int(v, "Q.Type", type);
		er = mp_question_load(r->d->ctx->db, type, 1, &set);
	}
	for (i = 0; er == MP_OK && i < set.n; i++)
		view_question(v, &set.q[i], i);
	mp_question_set_free(&set);
	dash_finish(r, er, status, v, "dashboard/questions.cs");
}

void
mp_dash_questions(struct mp_dreq *r)
{
	long long	 type = -1;
	const char	*s = dash_query(r, "soort");

	if (s != NULL && (type = dash_number(s, 1, 1LL << 31)) < 0) {
		dash_error(r, 400, "Onbekende signaalsoort.");
		return;
	}
	page(r, 200, type > 0 ? type : 0, NULL,
	    dash_query(r, "opgeslagen") != NULL ? "De vraag is opgeslagen." :
	    NULL);
}

/* ------------------------------------------------------------------ */
/* Changes.                                                            */

struct qchange {
	struct mp_dreq	*r;
	int		 create;
	long long	 id;		/* the question; set when created */
	long long	 type;
	long long	 aud;		/* 0: every audience */
	enum mp_qkind	 kind;
	int		 required, position, active;
	const char	*label[MP_NELEM(langs)];
	const char	*help[MP_NELEM(langs)];
	const char	*opts[MP_NELEM(langs)];
	const char	*msg;		/* why refused */
};

/* The lines of s that are not blank. */
static size_t
option_lines(const char *s)
{
	size_t	 n = 0;
	int	 text = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n') {
			n += (size_t)text;
			text = 0;
		} else if (*s != ' ' && *s != '\r')
			text = 1;
	}
	return n + (size_t)text;
}

/* The texts of every language: Dutch required, others optional. */
static int
read_texts(struct qchange *c)
{
	char	 name[32];
	size_t	 i;

	for (i = 0; i < MP_NELEM(langs); i++) {
		(void)snprintf(name, sizeof(name), "vraag-%s", langs[i].code);
		c->label[i] = dash_form(c->r, name);
		(void)snprintf(name, sizeof(name), "uitleg-%s",
		    langs[i].code);
		c->help[i] = dash_form(c->r, name);
		(void)snprintf(name, sizeof(name), "keuzes-%s",
		    langs[i].code);
		c->opts[i] = dash_form(c->r, name);
		if (i > 0 && (c->label[i] == NULL || c->label[i][0] == '\0'))
			continue;
		if (!mp_question_check_text(c->kind, c->label[i], c->help[i],
		    c->opts[i], &c->msg))
			return 0;
		if ((c->kind == MP_Q_CHOICE || c->kind == MP_Q_CHOICES) &&
		    option_lines(c->opts[i]) != option_lines(c->opts[0])) {
			c->msg = "Een vertaling heeft evenveel antwoorden om "
			    "uit te kiezen als het Nederlands, in dezelfde "
			    "volgorde.";
			return 0;
		}
	}
	return 1;
}

/* Read and check the form; 0 and c->msg when wrong. */
static int
read_change(struct qchange *c)
{
	const char	*s;

	c->aud = dash_number(dash_form(c->r, "publiek"), 0, 1LL << 31);
	c->position = (int)dash_number(dash_form(c->r, "volgorde"), 0,
	    POSITION_MAX);
	s = dash_form(c->r, "verplicht");
	c->required = s != NULL && strcmp(s, "1") == 0;
	s = dash_form(c->r, "actief");
	c->active = c->create || (s != NULL && strcmp(s, "1") == 0);
	if (c->aud < 0 || c->position < 0) {
		c->msg = "Kies een doelgroep en geef de volgorde als getal "
		    "van 0 tot 999.";
		return 0;
	}
	if (c->create) {
		c->type = dash_number(dash_form(c->r, "soort"), 1,
		    1LL << 31);
		c->kind = mp_question_kind_of(dash_form(c->r, "soort-vraag"));
		if (c->type < 0 || c->kind == MP_Q__MAX) {
			c->msg = "Kies de signaalsoort en de soort vraag.";
			return 0;
		}
	} else if ((c->id = dash_number(dash_form(c->r, "id"), 1,
	    1LL << 31)) < 0) {
		c->msg = "Onbekende vraag.";
		return 0;
	}
	return 1;
}

/* The question as it is now: its type and kind, for an edit. */
static enum mp_err
current(struct mp_db *db, struct qchange *c)
{
	struct mp_qset	 set;
	size_t		 i;
	enum mp_err	 er;

	memset(&set, 0, sizeof(set));
	if ((er = mp_question_load(db, 0, 1, &set)) != MP_OK)
		return er;
	er = MP_ENOTFOUND;
	for (i = 0; i < set.n; i++)
		if (set.q[i].id == c->id) {
			c->type = set.q[i].signal_type_id;
			c->kind = set.q[i].kind;
			er = MP_OK;
		}
	mp_question_set_free(&set);
	return er;
}

static enum mp_err
change_txn(struct mp_db *db, void *arg)
{
	struct qchange	*c = arg;
	char		 detail[128];
	size_t		 i;
	enum mp_err	 er;

	if (c->create)
		er = mp_question_insert(db, c->type, c->aud, c->kind,
		    c->required, c->position, &c->id);
	else
		er = mp_question_update(db, c->id, c->aud, c->required,
		    c->position, c->active);
	for (i = 0; er == MP_OK && i < MP_NELEM(langs); i++)
		er = mp_question_set_text(db, c->id, langs[i].code,
		    c->label[i], c->help[i], c->opts[i]);
	if (er != MP_OK)
		return er;
	/* What changed, not the texts (they may name people). */
	(void)snprintf(detail, sizeof(detail), "soort %lld, %s, %s%s",
	    c->type, mp_question_kind_name(c->kind),
	    c->required ? "verplicht" : "niet verplicht",
	    c->active ? "" : ", uitgeschakeld");
	return mp_audit(db, c->r->user.id, c->r->user.username,
	    c->create ? "vraag-nieuw" : "vraag-wijzig", "vraag", c->id,
	    c->r->client, detail);
}

void
mp_dash_questions_post(struct mp_dreq *r)
{
	struct qchange	 c;
	const char	*s = dash_form(r, "actie");
	char		 path[64];
	enum mp_err	 er;

	memset(&c, 0, sizeof(c));
	c.r = r;
	if (s == NULL || (strcmp(s, "vraag-nieuw") != 0 &&
	    strcmp(s, "vraag-wijzig") != 0)) {
		dash_error(r, 400, "Onbekende beheeractie.");
		return;
	}
	c.create = strcmp(s, "vraag-nieuw") == 0;
	if (!read_change(&c)) {
		page(r, 400, c.type > 0 ? c.type : 0, c.msg, NULL);
		return;
	}
	if (!c.create && (er = current(r->d->ctx->db, &c)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			dash_error(r, 404, "Deze vraag bestaat niet.");
		else
			dash_error(r, mp_err_status(er), NULL);
		return;
	}
	if (!read_texts(&c)) {
		page(r, 400, c.type, c.msg, NULL);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, change_txn, &c);
	if (er == MP_ELIMIT) {
		page(r, 400, c.type, "Een signaalsoort heeft hoogstens 20 "
		    "vragen die aan staan. Zet eerst een vraag uit.", NULL);
		return;
	}
	if ((er == MP_EDB || er == MP_EDUP) && c.create) {
		/* A type or audience that does not exist (foreign key). */
		page(r, 400, 0, "Onbekende signaalsoort of doelgroep.", NULL);
		return;
	}
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	(void)snprintf(path, sizeof(path), "/beheer/vragen?soort=%lld&"
	    "opgeslagen=1#vraag-%lld", c.type, c.id);
	dash_redirect(r, path);
}
