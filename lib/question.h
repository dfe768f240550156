/*
 * question.h -- follow-up questions per signal type (issue 17): what an
 * administrator asks the reporters of one signal type (and audience),
 * with a text per language; reading and checking a form's answers;
 * storing them with the report and reading them back.  Owns the tables
 * question, question_text and report_answer (sql/052).
 */
#ifndef MP_QUESTION_H
#define MP_QUESTION_H

#include <stddef.h>

#include "errcode.h"

struct mp_db;
struct mp_view;

/* The kinds, in the order of sql/052's ENUM. */
enum mp_qkind {
	MP_Q_TEXT = 0,		/* one line */
	MP_Q_LONGTEXT,		/* several lines */
	MP_Q_NUMBER,
	MP_Q_DATE,		/* dd-mm-jjjj, stored as jjjj-mm-dd */
	MP_Q_YESNO,		/* "ja" or "nee" */
	MP_Q_CHOICE,		/* one of the options */
	MP_Q_CHOICES,		/* any of the options */
	MP_Q__MAX
};

/* Limits on what an administrator defines and a reporter answers. */
#define MP_QUESTION_PER_TYPE	20	/* active questions of a type */
#define MP_QUESTION_OPTIONS	20	/* options of a choice question */
#define MP_QUESTION_LABEL_MAX	300	/* characters */
#define MP_QUESTION_HELP_MAX	1000
#define MP_QUESTION_OPTION_MAX	100	/* one option */
#define MP_QUESTION_TEXT_MAX	300	/* an answer of kind "tekst" */
#define MP_QUESTION_LONG_MAX	4000	/* "lange-tekst" */
#define MP_QUESTION_NUMBER_MAX	15	/* "getal", as typed */
#define MP_QUESTION_LANG_MAX	8

/* The kind's name in the schema and on the admin form ("ja-nee"). */
const char	*mp_question_kind_name(enum mp_qkind);
/* The kind of a name, MP_Q__MAX for an unknown one. */
enum mp_qkind	 mp_question_kind_of(const char *);
/* Its Dutch label for the admin page ("Ja of nee"). */
const char	*mp_question_kind_label(enum mp_qkind);

/* A question's text in one language. */
struct mp_qtext {
	char		 lang[MP_QUESTION_LANG_MAX];
	char		*label;
	char		*help;			/* "" for none */
	char		*opts[MP_QUESTION_OPTIONS];	/* choices only */
	size_t		 nopts;
};

struct mp_question {
	long long	 id;
	long long	 signal_type_id;
	long long	 audience_id;	/* 0: every audience */
	enum mp_qkind	 kind;
	int		 required;
	int		 position;
	int		 active;
	struct mp_qtext	*texts;		/* texts[0] is "nl" */
	size_t		 ntexts;
};

/* Questions, as loaded; owned by the set. */
struct mp_qset {
	struct mp_question *q;
	size_t		 n;
};

/*
 * Load into set (emptied first) the questions of signal type type (0:
 * of every type) with all their texts, by type and position; inactive
 * ones too when all is set (the admin page).  MP_ENOMEM, MP_EDB*.
 */
enum mp_err	 mp_question_load(struct mp_db *, long long type, int all,
		    struct mp_qset *set);
void		 mp_question_set_free(struct mp_qset *);
/* q's text in lang, the Dutch one when there is none; never NULL. */
const struct mp_qtext *
		 mp_question_text(const struct mp_question *,
		    const char *lang);
/* 1 when q is asked of reporters of type in audience aud. */
int		 mp_question_applies(const struct mp_question *,
		    long long type, long long aud);

/*
 * An answer as stored: the question's Dutch text and kind as asked,
 * so that a later change of the question never changes it (issue 17);
 * value is a choice's Dutch option, several one a line.
 */
struct mp_answer {
	long long	 question_id;
	int		 position;
	enum mp_qkind	 kind;
	char		*label;
	char		*value;
};
/* Free n answers and the array (NULL is a no-op). */
void		 mp_question_answers_free(struct mp_answer *, size_t n);

/*
 * Reading a form.  get(arg, name) gives the value of field name or
 * NULL; the fields are "question-<id>", and "question-<id>-<k>" for
 * option k (1..n) of several choices.  For each question of set that
 * applies to type and aud: its value as typed (for the form again),
 * its error (Dutch, NULL if none) and, when good and not blank, its
 * answer.  Pure but for allocation: the unit test calls it without a
 * database.
 */
typedef const char *(*mp_question_get_fn)(void *arg, const char *name);

struct mp_qform {
	const struct mp_qset *set;
	long long	 type, aud;
	const char	*lang;
	size_t		 n;		/* == set->n */
	size_t		 nasked;	/* questions that apply */
	char		**val;		/* per question of set, or NULL */
	unsigned long	*picked;	/* options chosen, bit k-1 */
	const char	**err;
	int		 nerr;
	struct mp_answer *ans;		/* handed to the report */
	size_t		 nans;
};
enum mp_err	 mp_question_read(struct mp_qform *, const struct mp_qset *,
		    long long type, long long aud, const char *lang,
		    mp_question_get_fn get, void *arg);
void		 mp_question_form_free(struct mp_qform *);
/* 1 if name is a field the questions may send ("question-12-3"). */
int		 mp_question_field(const char *name);

/*
 * Put the questions of set for type and aud into v under Questions.N
 * (Id, Name, Kind, Label, Help, Required, Value, Error, Options.K.Label,
 * .Value, .Checked), with f's values and errors when f is not NULL;
 * the errors also into Form.ErrorList from index first on.
 */
enum mp_err	 mp_question_view(struct mp_view *, const struct mp_qset *,
		    long long type, long long aud, const char *lang,
		    const struct mp_qform *f, size_t first);

/*
 * A report's answers as intake_store() takes them (sql/061): into json
 * the JSON array of [question_id, position, kind, label, value], into
 * words their values one a line (for the search, sql/060); for no
 * answers, both stay empty (the caller binds NULL).  Both
 * buffers are initialised here; the caller frees them with
 * mp_buf_freezero, after an error too.  MP_ENOMEM when one cannot grow.
 */
struct mp_buf;
enum mp_err	 mp_question_answers_json(const struct mp_answer *,
		    size_t n, struct mp_buf *json, struct mp_buf *words);
/* A report's answers in order into v under list.N.{Label,Value,Kind}. */
enum mp_err	 mp_question_answers_view(struct mp_db *, long long report,
		    struct mp_view *, const char *list);
/*
 * The answers of report id as shared with the partner bound to the
 * connection (sql/052's export_answer, lib/partner.h): fn per answer
 * in order; none when the partner's profile lacks "antwoorden".
 */
typedef void	(*mp_question_answer_fn)(const char *kind,
		    const char *label, const char *value, void *arg);
enum mp_err	 mp_question_answers_shared(struct mp_db *, long long report,
		    mp_question_answer_fn, void *arg);
/*
 * Retention: a report's answers go with its content, and their words
 * for the search with them.
 */
enum mp_err	 mp_question_answers_erase(struct mp_db *, long long report);

/*
 * Administration, each in the caller's transaction.  Insert returns the
 * new id in *id; MP_ELIMIT with more than MP_QUESTION_PER_TYPE active
 * questions of the type.  Texts: label, help and the options one a
 * line; an empty label of a language other than "nl" removes its text.
 */
enum mp_err	 mp_question_insert(struct mp_db *, long long type,
		    long long aud, enum mp_qkind, int required, int position,
		    long long *id);
enum mp_err	 mp_question_update(struct mp_db *, long long id,
		    long long aud, int required, int position, int active);
enum mp_err	 mp_question_set_text(struct mp_db *, long long id,
		    const char *lang, const char *label, const char *help,
		    const char *options);
/*
 * Check a definition's texts: 1 when good, else 0 and *msg a Dutch
 * reason.  Options are needed (2 or more) for choices only.
 */
int		 mp_question_check_text(enum mp_qkind, const char *label,
		    const char *help, const char *options, const char **msg);

/*
 * The count per option of choice and yes/no questions of answers to
 * reports received from from to to (UTC, end exclusive): fn per
 * (question text, value, count).  For several choices each chosen
 * option counts.
 */
typedef void	(*mp_question_count_fn)(long long question,
		    const char *label, const char *value, long long n,
		    void *arg);
enum mp_err	 mp_question_count(struct mp_db *, const char *from,
		    const char *to, mp_question_count_fn, void *arg);

/*
 * "The ids of the reports whose answers hold the words": a SELECT of
 * one column, id, for a statement to put in (a UNION, a derived table;
 * lib/sqltext.h, as "{answer_reports}"), as mp_subject_sql_search.  Its
 * one parameter is a FULLTEXT boolean query; it reads the FULLTEXT
 * index of report_answer_text, a report's answers in one row (sql/060),
 * so a query that no answer holds costs one empty lookup, the words
 * may be in different answers of the report, and a report comes once.
 */
extern const char mp_question_sql_search[];
/*
 * Whether any answer's value holds the words of boolean (a FULLTEXT
 * boolean query, as mp_question_sql_search's): *any 1 or 0.  For a
 * search to leave the answers half out when it would find nothing
 * there.  MP_EDB* when the database fails.
 */
enum mp_err	 mp_question_search_any(struct mp_db *, const char *boolean,
		    int *any);

#endif
