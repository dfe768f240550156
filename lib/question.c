/*
 * question.c -- follow-up questions per signal type (issue 17): the
 * definitions and their texts per language, reading and checking a
 * form's answers, and the answers of a report.  The one owner of the
 * tables question, question_text and report_answer (sql/052).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "buf.h"
#include "db.h"
#include "log.h"
#include "question.h"
#include "tmpl.h"
#include "valid.h"

static const struct {
	const char	*name;		/* sql/052's ENUM, the admin form */
	const char	*label;
} kinds[MP_Q__MAX] = {
	[MP_Q_TEXT] = { "tekst", "Korte tekst" },
	[MP_Q_LONGTEXT] = { "lange-tekst", "Lange tekst" },
	[MP_Q_NUMBER] = { "getal", "Getal" },
	[MP_Q_DATE] = { "datum", "Datum" },
	[MP_Q_YESNO] = { "ja-nee", "Ja of nee" },
	[MP_Q_CHOICE] = { "keuze", "Eén keuze" },
	[MP_Q_CHOICES] = { "keuzes", "Meer keuzes" },
};

enum stmt {
	STMT_LOAD,
	STMT_TEXTS,
	STMT_ANSWERS,
	STMT_ERASE,
	STMT_ERASE_WORDS,
	STMT_SHARED,
	STMT_INSERT,
	STMT_COUNT_ACTIVE,
	STMT_UPDATE,
	STMT_TEXT_SET,
	STMT_TEXT_DEL,
	STMT_COUNT,
	STMT_SEARCH_ANY,
	STMT__MAX
};

const char mp_question_sql_search[] =
	"SELECT qa.report_id AS id FROM report_answer_text qa"
	" WHERE MATCH (qa.words) AGAINST (? IN BOOLEAN MODE)";

static const char *const stmts[STMT__MAX] = {
	/* STMT_LOAD: by type (0: all) and position. */
	"SELECT id, signal_type_id, COALESCE(audience_id, 0), kind,"
	" required, position, active FROM question"
	" WHERE (? = 0 OR signal_type_id = ?) AND (? = 1 OR active = 1)"
	" ORDER BY signal_type_id, position, id",
	/* STMT_TEXTS: "nl" first, so that texts[0] is the Dutch one. */
	"SELECT t.question_id, t.lang, t.label, t.help, t.options"
	" FROM question_text t JOIN question q ON q.id = t.question_id"
	" WHERE (? = 0 OR q.signal_type_id = ?) AND (? = 1 OR q.active = 1)"
	" ORDER BY t.question_id, t.lang <> 'nl', t.lang",
	"SELECT label, value, kind FROM report_answer WHERE report_id = ?"
	" ORDER BY position, question_id",
	"DELETE FROM report_answer WHERE report_id = ?",
	/* STMT_ERASE_WORDS: their words for the search (sql/060). */
	"DELETE FROM report_answer_text WHERE report_id = ?",
	/* STMT_SHARED: the bound partner's view (sql/052). */
	"SELECT label, value, kind FROM export_answer WHERE report_id = ?"
	" ORDER BY position, question_id",
	"INSERT INTO question (signal_type_id, audience_id, kind, required,"
	" position) VALUES (?, ?, ?, ?, ?)",
	/* STMT_COUNT_ACTIVE: locks the type's rows against a second add. */
	"SELECT COUNT(*) FROM question WHERE signal_type_id = ? AND"
	" active = 1 FOR UPDATE",
	"UPDATE question SET audience_id = ?, required = ?, position = ?,"
	" active = ? WHERE id = ?",
	"INSERT INTO question_text (question_id, lang, label, help, options)"
	" VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE label ="
	" VALUE(label), help = VALUE(help), options = VALUE(options)",
	"DELETE FROM question_text WHERE question_id = ? AND lang = ?",
	/* STMT_COUNT: the statistics of choice and yes/no questions. */
	"SELECT a.question_id, a.label, a.value, COUNT(*) FROM report_answer"
	" a JOIN report r ON r.id = a.report_id WHERE a.kind IN ('ja-nee',"
	" 'keuze', 'keuzes') AND r.received_at >= ? AND r.received_at < ?"
	" GROUP BY a.question_id, a.label, a.value"
	" ORDER BY a.question_id, a.label, COUNT(*) DESC",
	/*
	 * STMT_SEARCH_ANY: one answer is enough (the FULLTEXT engine
	 * still produces every match, of the answers only).
	 */
	"SELECT COUNT(*) FROM (SELECT 1 FROM report_answer_text qa"
	" WHERE MATCH (qa.words) AGAINST (? IN BOOLEAN MODE) LIMIT 1) x",
};

enum load_col { LOAD_ID, LOAD_TYPE, LOAD_AUD, LOAD_KIND, LOAD_REQUIRED,
	LOAD_POSITION, LOAD_ACTIVE };
enum texts_col { TEXTS_QUESTION, TEXTS_LANG, TEXTS_LABEL, TEXTS_HELP,
	TEXTS_OPTIONS };
enum answers_col { ANSWERS_LABEL, ANSWERS_VALUE, ANSWERS_KIND };
enum count_col { COUNT_QUESTION, COUNT_LABEL, COUNT_VALUE, COUNT_N };

const char *
mp_question_kind_name(enum mp_qkind k)
{

	return k < MP_Q__MAX ? kinds[k].name : "";
}

const char *
mp_question_kind_label(enum mp_qkind k)
{

	return k < MP_Q__MAX ? kinds[k].label : "";
}

enum mp_qkind
mp_question_kind_of(const char *s)
{
	size_t	 k;

	for (k = 0; s != NULL && k < MP_Q__MAX; k++)
		if (strcmp(s, kinds[k].name) == 0)
			return (enum mp_qkind)k;
	return MP_Q__MAX;
}

static void
text_free(struct mp_qtext *t)
{
	size_t	 i;

	free(t->label);
	free(t->help);
	for (i = 0; i < t->nopts; i++)
		free(t->opts[i]);
}

void
mp_question_set_free(struct mp_qset *set)
{
	size_t	 i, j;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++) {
		for (j = 0; j < set->q[i].ntexts; j++)
			text_free(&set->q[i].texts[j]);
		free(set->q[i].texts);
	}
	free(set->q);
	set->q = NULL;
	set->n = 0;
}

/* Split options (one a line, blank lines skipped) into t. */
static enum mp_err
split_options(struct mp_qtext *t, const char *s)
{
	const char	*e;
	size_t		 len;

	t->nopts = 0;
	while (s != NULL && *s != '\0' && t->nopts < MP_QUESTION_OPTIONS) {
		e = strchr(s, '\n');
		len = e == NULL ? strlen(s) : (size_t)(e - s);
		while (len > 0 && (s[len - 1] == '\r' || s[len - 1] == ' '))
			len--;
		if (len > 0 && (t->opts[t->nopts++] = mp_alloc_memdup0(s,
		    len)) == NULL)
			return MP_ENOMEM;
		s = e == NULL ? NULL : e + 1;
	}
	return MP_OK;
}

static struct mp_question *
find(const struct mp_qset *set, long long id)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (set->q[i].id == id)
			return &set->q[i];
	return NULL;
}

/* The texts of the questions in set (STMT_TEXTS's rows). */
static enum mp_err
load_texts(struct mp_db *db, const struct mp_dbval *p, struct mp_qset *set)
{
	struct mp_stmt		*st;
	struct mp_question	*q;
	struct mp_qtext		*t, *nt;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_TEXTS], p, 3)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		if ((q = find(set, mp_db_int(st, TEXTS_QUESTION))) == NULL)
			continue;
		nt = mp_alloc_reallocarray(q->texts, q->ntexts + 1,
		    sizeof(*nt));
		if (nt == NULL) {
			er = MP_ENOMEM;
			break;
		}
		q->texts = nt;
		t = &nt[q->ntexts++];
		memset(t, 0, sizeof(*t));
		(void)snprintf(t->lang, sizeof(t->lang), "%s",
		    mp_db_text(st, TEXTS_LANG, NULL));
		t->label = strdup(mp_db_text(st, TEXTS_LABEL, NULL));
		t->help = strdup(mp_db_text(st, TEXTS_HELP, NULL));
		if (t->label == NULL || t->help == NULL ||
		    (er = split_options(t, mp_db_text(st, TEXTS_OPTIONS,
		    NULL))) != MP_OK) {
			er = MP_ENOMEM;
			break;
		}
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* Drop the questions without a Dutch text (none should exist). */
static void
keep_dutch(struct mp_qset *set)
{
	size_t	 i, j, k = 0;

	for (i = 0; i < set->n; i++) {
		if (set->q[i].ntexts > 0 &&
		    strcmp(set->q[i].texts[0].lang, "nl") == 0) {
			set->q[k++] = set->q[i];
			continue;
		}
		for (j = 0; j < set->q[i].ntexts; j++)
			text_free(&set->q[i].texts[j]);
		free(set->q[i].texts);
	}
	set->n = k;
}

enum mp_err
mp_question_load(struct mp_db *db, long long type, int all,
    struct mp_qset *set)
{
	struct mp_dbval		 p[3];
	struct mp_stmt		*st;
	struct mp_question	*nq, *q;
	enum mp_err		 er;

	mp_question_set_free(set);
	p[0] = MP_DBINT(type);
	p[1] = MP_DBINT(type);
	p[2] = MP_DBINT(all ? 1 : 0);
	if ((er = mp_db_query(db, &st, stmts[STMT_LOAD], p, 3)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		nq = mp_alloc_reallocarray(set->q, set->n + 1, sizeof(*nq));
		if (nq == NULL) {
			er = MP_ENOMEM;
			break;
		}
		set->q = nq;
		q = &nq[set->n++];
		memset(q, 0, sizeof(*q));
		q->id = mp_db_int(st, LOAD_ID);
		q->signal_type_id = mp_db_int(st, LOAD_TYPE);
		q->audience_id = mp_db_int(st, LOAD_AUD);
		q->kind = mp_question_kind_of(mp_db_text(st, LOAD_KIND,
		    NULL));
		q->required = mp_db_int(st, LOAD_REQUIRED) != 0;
		q->position = (int)mp_db_int(st, LOAD_POSITION);
		q->active = mp_db_int(st, LOAD_ACTIVE) != 0;
	}
	mp_db_done(st);
	if (er == MP_ENOTFOUND)
		er = load_texts(db, p, set);
	if (er == MP_OK)
		keep_dutch(set);
	else
		mp_question_set_free(set);
	return er;
}

const struct mp_qtext *
mp_question_text(const struct mp_question *q, const char *lang)
{
	size_t	 i;

	for (i = 1; lang != NULL && i < q->ntexts; i++)
		if (strcmp(q->texts[i].lang, lang) == 0 &&
		    q->texts[i].nopts == q->texts[0].nopts)
			return &q->texts[i];
	return &q->texts[0];
}

int
mp_question_applies(const struct mp_question *q, long long type,
    long long aud)
{

	return q->active && q->kind < MP_Q__MAX &&
	    q->signal_type_id == type &&
	    (q->audience_id == 0 || q->audience_id == aud);
}

void
mp_question_answers_free(struct mp_answer *a, size_t n)
{
	size_t	 i;

	for (i = 0; a != NULL && i < n; i++) {
		free(a[i].label);
		free(a[i].value);
	}
	free(a);
}

/* ------------------------------------------------------------------ */
/* Reading a form.                                                     */

int
mp_question_field(const char *name)
{
	const char	*p;
	int		 parts = 0;

	if (strncmp(name, "question-", 9) != 0)
		return 0;
	for (p = name + 9; parts < 2; parts++) {
		if (*p < '1' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9' && p - name < 32)
			p++;
		if (*p == '\0')
			return 1;
		if (*p++ != '-')
			return 0;
	}
	return 0;
}

/* A number as people type one: -12, 3, 2,5, 1.000 is not one. */
static int
is_number(const char *s)
{
	size_t	 digits = 0, frac = 0;
	int	 sep = 0;

	if (*s == '-')
		s++;
	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9') {
			if (sep)
				frac++;
			else
				digits++;
		} else if ((*s == ',' || *s == '.') && !sep && digits > 0)
			sep = 1;
		else
			return 0;
	}
	return digits > 0 && digits <= 12 && (!sep || (frac > 0 &&
	    frac <= 3));
}

/* s without white space around, as a new string. */
static char *
trimmed(const char *s)
{
	size_t	 len;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	return mp_alloc_memdup0(s, len);
}

/*
 * Check the typed value v of q (trimmed, not blank); the answer's
 * stored value into *out (allocated) or an error message.
 */
static const char *
check_typed(const struct mp_question *q, const char *v, char **out)
{
	char		 iso[11];
	struct tm	 tm;
	size_t		 len = strlen(v);

	switch (q->kind) {
	case MP_Q_TEXT:
		if (!mp_valid_text(v, len, MP_QUESTION_TEXT_MAX, 0))
			return "Gebruik hoogstens 300 tekens op één regel.";
		break;
	case MP_Q_LONGTEXT:
		if (!mp_valid_text(v, len, MP_QUESTION_LONG_MAX, 1))
			return "Gebruik hoogstens 4000 tekens.";
		break;
	case MP_Q_NUMBER:
		if (len > MP_QUESTION_NUMBER_MAX || !is_number(v))
			return "Vul een getal in, bijvoorbeeld 3 of 2,5.";
		break;
	case MP_Q_DATE:
		if (!mp_valid_date_nl(v, iso, &tm))
			return "Vul een bestaande datum in als dd-mm-jjjj.";
		v = iso;
		break;
	case MP_Q_YESNO:
		if (strcmp(v, "ja") != 0 && strcmp(v, "nee") != 0)
			return "Kies ja of nee.";
		break;
	default:
		return "Kies een van de antwoorden.";
	}
	if ((*out = strdup(v)) == NULL)
		return "";
	return NULL;
}

/* The options of q chosen in f (bit k-1 of *picked), checked. */
static const char *
read_choices(const struct mp_question *q, mp_question_get_fn get,
    void *arg, const char *one, unsigned long *picked)
{
	const struct mp_qtext	*nl = &q->texts[0];
	char			 name[64], *end;
	const char		*v;
	unsigned long		 k;
	size_t			 i;

	*picked = 0;
	if (q->kind == MP_Q_CHOICE) {
		if (one == NULL || one[0] == '\0')
			return NULL;
		k = strtoul(one, &end, 10);
		if (*end != '\0' || k < 1 || k > nl->nopts)
			return "Kies een van de antwoorden.";
		*picked = 1UL << (k - 1);
		return NULL;
	}
	for (i = 0; i < nl->nopts; i++) {
		(void)snprintf(name, sizeof(name), "question-%lld-%zu", q->id,
		    i + 1);
		if ((v = get(arg, name)) == NULL || v[0] == '\0')
			continue;
		if (strcmp(v, "ja") != 0)
			return "Kies uit de antwoorden.";
		*picked |= 1UL << i;
	}
	return NULL;
}

/* The Dutch options picked, one a line. */
static char *
picked_value(const struct mp_question *q, unsigned long picked)
{
	const struct mp_qtext	*nl = &q->texts[0];
	size_t			 i, n, len = 1, at = 0;
	char			*s;

	for (i = 0; i < nl->nopts; i++)
		if (picked & (1UL << i))
			len += strlen(nl->opts[i]) + 1;
	if ((s = malloc(len)) == NULL)
		return NULL;
	for (i = 0; i < nl->nopts; i++)
		if (picked & (1UL << i)) {
			if (at > 0)
				s[at++] = '\n';
			n = strlen(nl->opts[i]);
			memcpy(s + at, nl->opts[i], n);
			at += n;
		}
	s[at] = '\0';
	return s;
}

/* Read question i of f->set; MP_ENOMEM only. */
static enum mp_err
read_one(struct mp_qform *f, size_t i, mp_question_get_fn get, void *arg)
{
	const struct mp_question *q = &f->set->q[i];
	struct mp_answer	*a;
	char			 name[48], *value = NULL;
	const char		*v, *err = NULL;
	int			 blank;

	(void)snprintf(name, sizeof(name), "question-%lld", q->id);
	v = get(arg, name);
	/* Shown again in the form: only text that is fit to show. */
	if (v != NULL && !mp_valid_utf8(v, strlen(v))) {
		v = "";
		err = "Gebruik gewone tekst, zonder besturingstekens.";
	}
	if (v != NULL && (f->val[i] = trimmed(v)) == NULL)
		return MP_ENOMEM;
	if (err != NULL) {
		f->err[i] = err;
		f->nerr++;
		return MP_OK;
	}
	if (q->kind == MP_Q_CHOICE || q->kind == MP_Q_CHOICES) {
		err = read_choices(q, get, arg, f->val[i], &f->picked[i]);
		blank = f->picked[i] == 0;
		if (err == NULL && !blank &&
		    (value = picked_value(q, f->picked[i])) == NULL)
			return MP_ENOMEM;
	} else {
		blank = f->val[i] == NULL || f->val[i][0] == '\0';
		if (!blank && (err = check_typed(q, f->val[i], &value)) !=
		    NULL && err[0] == '\0')
			return MP_ENOMEM;
	}
	if (err == NULL && blank && q->required)
		err = q->kind == MP_Q_CHOICE || q->kind == MP_Q_CHOICES ||
		    q->kind == MP_Q_YESNO ? "Kies een antwoord." :
		    "Vul dit in.";
	if (err != NULL) {
		free(value);
		f->err[i] = err;
		f->nerr++;
		return MP_OK;
	}
	if (value == NULL)
		return MP_OK;
	a = &f->ans[f->nans];
	a->question_id = q->id;
	a->position = q->position;
	a->kind = q->kind;
	a->value = value;
	if ((a->label = strdup(q->texts[0].label)) == NULL)
		return MP_ENOMEM;
	f->nans++;
	return MP_OK;
}

enum mp_err
mp_question_read(struct mp_qform *f, const struct mp_qset *set,
    long long type, long long aud, const char *lang,
    mp_question_get_fn get, void *arg)
{
	size_t		 i;
	enum mp_err	 er = MP_OK;

	memset(f, 0, sizeof(*f));
	f->set = set;
	f->type = type;
	f->aud = aud;
	f->lang = lang;
	if (set == NULL || set->n == 0)
		return MP_OK;
	f->n = set->n;
	f->val = calloc(set->n, sizeof(*f->val));
	f->picked = calloc(set->n, sizeof(*f->picked));
	f->err = calloc(set->n, sizeof(*f->err));
	f->ans = calloc(set->n, sizeof(*f->ans));
	if (f->val == NULL || f->picked == NULL || f->err == NULL ||
	    f->ans == NULL)
		return MP_ENOMEM;
	for (i = 0; er == MP_OK && i < set->n; i++)
		if (mp_question_applies(&set->q[i], type, aud)) {
			f->nasked++;
			er = read_one(f, i, get, arg);
		}
	return er;
}

void
mp_question_form_free(struct mp_qform *f)
{
	size_t	 i;

	if (f == NULL)
		return;
	for (i = 0; f->val != NULL && i < f->n; i++)
		free(f->val[i]);
	free(f->val);
	free(f->picked);
	free(f->err);
	mp_question_answers_free(f->ans, f->nans);
	memset(f, 0, sizeof(*f));
}

/* ------------------------------------------------------------------ */
/* The form's view.                                                    */

/*
 * The answers' errors in the page's language (issue 17): the Dutch
 * text is the one the checks above return; other languages read it
 * from the catalogue (templates/i18n, question.err.*).
 */
static const struct {
	const char	*nl, *key;
} err_keys[] = {
	{ "Gebruik hoogstens 300 tekens op één regel.",
	  "question.err.text_long" },
	{ "Gebruik hoogstens 4000 tekens.",
	  "question.err.long_long" },
	{ "Vul een getal in, bijvoorbeeld 3 of 2,5.",
	  "question.err.number" },
	{ "Vul een bestaande datum in als dd-mm-jjjj.",
	  "question.err.date" },
	{ "Kies ja of nee.",
	  "question.err.yesno" },
	{ "Kies een van de antwoorden.",
	  "question.err.choice" },
	{ "Kies uit de antwoorden.",
	  "question.err.choices" },
	{ "Gebruik gewone tekst, zonder besturingstekens.",
	  "question.err.plain" },
	{ "Kies een antwoord.",
	  "question.err.pick" },
	{ "Vul dit in.",
	  "question.err.fill" },
};

/* msg in the view's language: Dutch pages show it as written. */
static const char *
view_err(const struct mp_view *v, const char *msg)
{
	size_t	 i;

	if (strcmp(mp_tmpl_lang(v), "nl") == 0)
		return msg;
	for (i = 0; i < MP_NELEM(err_keys); i++)
		if (strcmp(err_keys[i].nl, msg) == 0)
			return mp_tmpl_text(v, err_keys[i].key);
	return msg;
}

static void
view_options(struct mp_view *v, const char *base, const struct mp_qtext *t,
    unsigned long picked)
{
	char	 key[128];
	size_t	 k;

	for (k = 0; k < t->nopts; k++) {
		(void)snprintf(key, sizeof(key), "%s.Options.%zu.Label", base,
		    k);
		mp_tmpl_set(v, key, t->opts[k]);
		(void)snprintf(key, sizeof(key), "%s.Options.%zu.Value", base,
		    k);
		mp_tmpl_set_int(v, key, (long long)k + 1);
		if (picked & (1UL << k)) {
			(void)snprintf(key, sizeof(key),
			    "%s.Options.%zu.Checked", base, k);
			mp_tmpl_set_int(v, key, 1);
		}
	}
}

/* One question at Questions.n, with its value and error from f. */
static void
view_one(struct mp_view *v, const struct mp_question *q, size_t n,
    const char *lang, const struct mp_qform *f, size_t i)
{
	const struct mp_qtext	*t = mp_question_text(q, lang);
	char			 base[48], key[96];

	(void)snprintf(base, sizeof(base), "Questions.%zu", n);
	(void)snprintf(key, sizeof(key), "%s.Id", base);
	mp_tmpl_setf(v, key, "question-%lld", q->id);
	(void)snprintf(key, sizeof(key), "%s.Kind", base);
	mp_tmpl_set(v, key, kinds[q->kind].name);
	(void)snprintf(key, sizeof(key), "%s.Label", base);
	mp_tmpl_set(v, key, t->label);
	(void)snprintf(key, sizeof(key), "%s.Help", base);
	mp_tmpl_set(v, key, t->help);
	(void)snprintf(key, sizeof(key), "%s.Required", base);
	mp_tmpl_set_int(v, key, q->required);
	(void)snprintf(key, sizeof(key), "%s.Max", base);
	mp_tmpl_set_int(v, key, q->kind == MP_Q_LONGTEXT ?
	    MP_QUESTION_LONG_MAX : q->kind == MP_Q_NUMBER ?
	    MP_QUESTION_NUMBER_MAX : MP_QUESTION_TEXT_MAX);
	view_options(v, base, t, f != NULL ? f->picked[i] : 0);
	if (f != NULL && f->val[i] != NULL) {
		(void)snprintf(key, sizeof(key), "%s.Value", base);
		mp_tmpl_set(v, key, f->val[i]);
	}
	if (f != NULL && f->err[i] != NULL) {
		(void)snprintf(key, sizeof(key), "%s.Error", base);
		mp_tmpl_set(v, key, view_err(v, f->err[i]));
	}
}

enum mp_err
mp_question_view(struct mp_view *v, const struct mp_qset *set,
    long long type, long long aud, const char *lang,
    const struct mp_qform *f, size_t first)
{
	char		 key[96];
	size_t		 i, n = 0;

	if (f != NULL && f->set != set)
		f = NULL;
	for (i = 0; set != NULL && i < set->n; i++) {
		if (!mp_question_applies(&set->q[i], type, aud))
			continue;
		view_one(v, &set->q[i], n++, lang, f, i);
		if (f == NULL || f->err[i] == NULL)
			continue;
		/* The summary links to the field, after the fixed ones. */
		(void)snprintf(key, sizeof(key), "Form.ErrorList.%zu.Id",
		    first);
		mp_tmpl_setf(v, key, "question-%lld", set->q[i].id);
		(void)snprintf(key, sizeof(key), "Form.ErrorList.%zu.Label",
		    first);
		mp_tmpl_set(v, key, mp_question_text(&set->q[i],
		    lang)->label);
		(void)snprintf(key, sizeof(key), "Form.ErrorList.%zu.Message",
		    first++);
		mp_tmpl_set(v, key, view_err(v, f->err[i]));
	}
	return mp_tmpl_err(v);
}

/* ------------------------------------------------------------------ */
/* A report's answers.                                                 */

/*
 * The longest JSON array of a report's answers: every character of a
 * label and a long answer escaped as \u00XX (6 bytes, more than the 4
 * of any UTF-8 character), and the numbers and punctuation.
 */
#define ANSWERS_JSON_MAX	(MP_QUESTION_PER_TYPE * (6 * \
	(MP_QUESTION_LABEL_MAX + MP_QUESTION_LONG_MAX) + 64) + 2)

/* The longest words of a report's answers: every long answer, a line. */
#define ANSWERS_WORDS_MAX	(MP_QUESTION_PER_TYPE * \
	(4 * MP_QUESTION_LONG_MAX + 1) + 1)

/*
 * The answers go in with the report, in intake_store() (sql/061): a
 * call of their own after it cost 12 % of a report's server CPU in
 * bench/intake, a statement, a second proof of the report and the
 * tables opened again.  The words are written here too: a
 * GROUP_CONCAT of the rows in the function cost 350 us a report, more
 * than the answers themselves.
 */
enum mp_err
mp_question_answers_json(const struct mp_answer *a, size_t n,
    struct mp_buf *b, struct mp_buf *w)
{
	const char	*kind;
	size_t		 i;
	enum mp_err	 er;

	mp_buf_init(b, ANSWERS_JSON_MAX);
	mp_buf_init(w, ANSWERS_WORDS_MAX);
	/* Most reports have none: nothing to build on the intake's path. */
	if (n == 0)
		return MP_OK;
	er = mp_buf_addc(b, '[');
	for (i = 0; er == MP_OK && i < n; i++) {
		kind = mp_question_kind_name(a[i].kind);
		er = mp_buf_printf(b, "%s[%lld,%d,", i > 0 ? "," : "",
		    a[i].question_id, (int)a[i].position);
		if (er == MP_OK)
			er = mp_buf_add_json(b, kind, strlen(kind));
		if (er == MP_OK)
			er = mp_buf_addc(b, ',');
		if (er == MP_OK)
			er = mp_buf_add_json(b, a[i].label,
			    strlen(a[i].label));
		if (er == MP_OK)
			er = mp_buf_addc(b, ',');
		if (er == MP_OK)
			er = mp_buf_add_json(b, a[i].value,
			    strlen(a[i].value));
		if (er == MP_OK)
			er = mp_buf_addc(b, ']');
		if (er == MP_OK && i > 0)
			er = mp_buf_addc(w, '\n');
		if (er == MP_OK)
			er = mp_buf_add(w, a[i].value, strlen(a[i].value));
	}
	if (er == MP_OK)
		er = mp_buf_addc(b, ']');
	return er;
}

enum mp_err
mp_question_answers_view(struct mp_db *db, long long report,
    struct mp_view *v, const char *list)
{
	struct mp_dbval	 p[1];
	struct mp_stmt	*st;
	char		 key[96];
	size_t		 n = 0;
	enum mp_err	 er;

	p[0] = MP_DBINT(report);
	if ((er = mp_db_query(db, &st, stmts[STMT_ANSWERS], p, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		(void)snprintf(key, sizeof(key), "%s.%zu.Label", list, n);
		mp_tmpl_set(v, key, mp_db_text(st, ANSWERS_LABEL, NULL));
		(void)snprintf(key, sizeof(key), "%s.%zu.Value", list, n);
		mp_tmpl_set(v, key, mp_db_text(st, ANSWERS_VALUE, NULL));
		(void)snprintf(key, sizeof(key), "%s.%zu.Kind", list, n++);
		mp_tmpl_set(v, key, mp_db_text(st, ANSWERS_KIND, NULL));
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		return er;
	return mp_tmpl_err(v);
}

enum mp_err
mp_question_answers_shared(struct mp_db *db, long long report,
    mp_question_answer_fn fn, void *arg)
{
	struct mp_dbval	 p[1];
	struct mp_stmt	*st;
	enum mp_err	 er;

	p[0] = MP_DBINT(report);
	if ((er = mp_db_query(db, &st, stmts[STMT_SHARED], p, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_text(st, ANSWERS_KIND, NULL), mp_db_text(st,
		    ANSWERS_LABEL, NULL), mp_db_text(st, ANSWERS_VALUE, NULL),
		    arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_question_answers_erase(struct mp_db *db, long long report)
{
	struct mp_dbval	 p[1];

	enum mp_err	 er;

	p[0] = MP_DBINT(report);
	if ((er = mp_db_exec(db, stmts[STMT_ERASE], p, 1, NULL, NULL)) !=
	    MP_OK)
		return er;
	return mp_db_exec(db, stmts[STMT_ERASE_WORDS], p, 1, NULL, NULL);
}

enum mp_err
mp_question_search_any(struct mp_db *db, const char *boolean, int *any)
{
	struct mp_dbval	 p[1];
	long long	 n = 0;
	enum mp_err	 er;

	p[0] = MP_DBTEXT(boolean);
	er = mp_db_query_int(db, stmts[STMT_SEARCH_ANY], p, 1, &n);
	*any = er == MP_OK && n > 0;
	return er;
}

/* ------------------------------------------------------------------ */
/* Administration.                                                     */

enum mp_err
mp_question_insert(struct mp_db *db, long long type, long long aud,
    enum mp_qkind kind, int required, int position, long long *id)
{
	struct mp_dbval		 p[5];
	unsigned long long	 nid = 0;
	long long		 n = 0;
	enum mp_err		 er;

	if (kind >= MP_Q__MAX)
		return MP_EINVAL;
	p[0] = MP_DBINT(type);
	if ((er = mp_db_query_int(db, stmts[STMT_COUNT_ACTIVE], p, 1,
	    &n)) != MP_OK)
		return er;
	if (n >= MP_QUESTION_PER_TYPE)
		return MP_ELIMIT;
	p[1] = aud > 0 ? MP_DBINT(aud) : MP_DBNULL();
	p[2] = MP_DBTEXT(kinds[kind].name);
	p[3] = MP_DBINT(required ? 1 : 0);
	p[4] = MP_DBINT(position);
	if ((er = mp_db_exec(db, stmts[STMT_INSERT], p, 5, NULL, &nid)) ==
	    MP_OK)
		*id = (long long)nid;
	return er;
}

enum mp_err
mp_question_update(struct mp_db *db, long long id, long long aud,
    int required, int position, int active)
{
	struct mp_dbval		 p[5];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	p[0] = aud > 0 ? MP_DBINT(aud) : MP_DBNULL();
	p[1] = MP_DBINT(required ? 1 : 0);
	p[2] = MP_DBINT(position);
	p[3] = MP_DBINT(active ? 1 : 0);
	p[4] = MP_DBINT(id);
	er = mp_db_exec(db, stmts[STMT_UPDATE], p, 5, &n, NULL);
	return er;
}

enum mp_err
mp_question_set_text(struct mp_db *db, long long id, const char *lang,
    const char *label, const char *help, const char *options)
{
	struct mp_dbval	 p[5];

	p[0] = MP_DBINT(id);
	p[1] = MP_DBTEXT(lang);
	if ((label == NULL || label[0] == '\0') && strcmp(lang, "nl") != 0)
		return mp_db_exec(db, stmts[STMT_TEXT_DEL], p, 2, NULL,
		    NULL);
	p[2] = MP_DBTEXT(label);
	p[3] = MP_DBTEXT(help != NULL ? help : "");
	p[4] = MP_DBTEXT(options != NULL ? options : "");
	return mp_db_exec(db, stmts[STMT_TEXT_SET], p, 5, NULL, NULL);
}

/* The lines of s that are not blank. */
static size_t
lines(const char *s)
{
	size_t	 n = 0;
	int	 text = 0;

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			n += (size_t)text;
			text = 0;
		} else if (*s != ' ' && *s != '\r')
			text = 1;
	}
	return n + (size_t)text;
}

int
mp_question_check_text(enum mp_qkind kind, const char *label,
    const char *help, const char *options, const char **msg)
{
	struct mp_qtext	 t;
	size_t		 i;
	int		 ok = 1;

	*msg = NULL;
	if (label == NULL || mp_valid_blank(label, strlen(label)) ||
	    !mp_valid_text(label, strlen(label), MP_QUESTION_LABEL_MAX, 0))
		*msg = "De vraag is nodig: één regel van hoogstens 300 "
		    "tekens.";
	else if (help != NULL && !mp_valid_text(help, strlen(help),
	    MP_QUESTION_HELP_MAX, 1))
		*msg = "De uitleg is te lang (hoogstens 1000 tekens).";
	if (*msg != NULL)
		return 0;
	if (kind != MP_Q_CHOICE && kind != MP_Q_CHOICES)
		return 1;
	memset(&t, 0, sizeof(t));
	if (options == NULL || !mp_valid_text(options, strlen(options),
	    MP_QUESTION_OPTIONS * (MP_QUESTION_OPTION_MAX + 2), 1) ||
	    split_options(&t, options) != MP_OK || t.nopts < 2)
		ok = 0;
	for (i = 0; ok && i < t.nopts; i++)
		if (mp_valid_utf8_chars(t.opts[i], strlen(t.opts[i])) >
		    MP_QUESTION_OPTION_MAX)
			ok = 0;
	/* split_options stops at the maximum: more lines are refused. */
	if (ok && t.nopts == MP_QUESTION_OPTIONS && lines(options) >
	    MP_QUESTION_OPTIONS)
		ok = 0;
	text_free(&t);
	if (!ok)
		*msg = "Geef 2 tot 20 antwoorden om uit te kiezen, één per "
		    "regel, elk hoogstens 100 tekens.";
	return ok;
}

enum mp_err
mp_question_count(struct mp_db *db, const char *from, const char *to,
    mp_question_count_fn fn, void *arg)
{
	struct mp_dbval	 p[2];
	struct mp_stmt	*st;
	enum mp_err	 er;

	p[0] = MP_DBTEXT(from);
	p[1] = MP_DBTEXT(to);
	if ((er = mp_db_query(db, &st, stmts[STMT_COUNT], p, 2)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, COUNT_QUESTION), mp_db_text(st, COUNT_LABEL,
		    NULL), mp_db_text(st, COUNT_VALUE, NULL),
		    mp_db_int(st, COUNT_N), arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}
