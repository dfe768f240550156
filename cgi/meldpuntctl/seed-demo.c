/*
 * seed-demo.c -- meldpuntctl seed-demo: fill the database with demo
 * reports (the data itself: seed.c).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "ctl.h"
#include "seed.h"

/*
 * The demo's follow-up questions (issue 17), with an English text to
 * show the fallback and the admin page's "vertaling ontbreekt".
 */
static const struct demo_question {
	const char	*type;		/* signal type slug */
	enum mp_qkind	 kind;
	int		 required;
	const char	*nl, *help, *opts;
	const char	*en, *en_opts;
} demo_questions[] = {
	{ "drugs", MP_Q_CHOICES, 0, "Wat rook u?",
	  "Kies alles wat past.",
	  "Wiet of hennep\nEen chemische lucht, zoals anijs of ammoniak\n"
	  "Iets anders\nIk rook niets",
	  "What did you smell?",
	  "Cannabis\nA chemical smell, such as aniseed or ammonia\n"
	  "Something else\nI did not smell anything" },
	{ "drugs", MP_Q_YESNO, 0, "Hoorde u ongewone geluiden, zoals het "
	  "zoemen van ventilatoren of pompen?", "", "",
	  "Did you hear unusual sounds, such as fans or pumps humming?",
	  "" },
	{ "drugs", MP_Q_CHOICE, 0, "Komen en gaan er 's nachts mensen of "
	  "auto's?", "", "Nee\nSoms\nElke nacht of bijna elke nacht",
	  "Do people or cars come and go at night?",
	  "No\nSometimes\nEvery night or almost every night" },
	{ "drugs", MP_Q_DATE, 0, "Sinds wanneer ziet u dit?",
	  "Bij benadering is goed.", "", NULL, NULL },
	{ "woonfraude", MP_Q_NUMBER, 0, "Hoeveel mensen wonen er volgens u?",
	  "Een schatting is goed.", "", "How many people live there, as "
	  "far as you know?", "" },
	{ "woonfraude", MP_Q_DATE, 0, "Sinds wanneer ziet u dit?",
	  "Bij benadering is goed.", "", NULL, NULL },
	{ "uitbuiting", MP_Q_NUMBER, 0, "Hoeveel uur per dag werken de "
	  "mensen ongeveer?", "", "", "About how many hours a day do the "
	  "people work?", "" },
	{ "uitbuiting", MP_Q_YESNO, 0, "Slapen mensen op de werkplek?", "",
	  "", "Do people sleep at the workplace?", "" },
	{ "uitbuiting", MP_Q_TEXT, 0, "Welke taal spreken de werknemers?",
	  "Bijvoorbeeld Pools of Roemeens.", "", NULL, NULL },
};

struct demo_seed {
	const struct mp_catalog	*cat;
};

/* The id of the signal type with slug in cat, 0 if none. */
static long long
demo_type(const struct mp_catalog *cat, const char *slug)
{
	size_t	 a, t;

	for (a = 0; a < cat->naud; a++)
		for (t = 0; t < cat->aud[a].ntypes; t++)
			if (strcmp(cat->aud[a].types[t].slug, slug) == 0)
				return cat->aud[a].types[t].id;
	return 0;
}

/* Add the demo's questions to the types that have none yet. */
static enum mp_err
demo_questions_txn(struct mp_db *db, void *arg)
{
	struct demo_seed		*d = arg;
	const struct demo_question	*q;
	struct mp_qset			 set;
	long long			 type, id;
	size_t				 i;
	enum mp_err			 er = MP_OK;

	memset(&set, 0, sizeof(set));
	for (i = 0; er == MP_OK && i < MP_NELEM(demo_questions); i++) {
		q = &demo_questions[i];
		if ((type = demo_type(d->cat, q->type)) == 0)
			continue;
		/* The first of a type decides: a type with any is left. */
		if (i == 0 || strcmp(demo_questions[i - 1].type, q->type) !=
		    0) {
			if ((er = mp_question_load(db, type, 1, &set)) !=
			    MP_OK)
				break;
		}
		if (set.n > 0)
			continue;
		er = mp_question_insert(db, type, 0, q->kind, q->required,
		    (int)(i + 1) * 10, &id);
		if (er == MP_OK)
			er = mp_question_set_text(db, id, "nl", q->nl,
			    q->help, q->opts);
		if (er == MP_OK && q->en != NULL)
			er = mp_question_set_text(db, id, "en", q->en, "",
			    q->en_opts);
	}
	mp_question_set_free(&set);
	return er;
}

static enum mp_err
seed_questions(struct mp_db *db)
{
	struct mp_catalog	 cat;
	struct demo_seed	 d;
	enum mp_err		 er;

	memset(&cat, 0, sizeof(cat));
	if ((er = mp_catalog_load(&cat, db, time(NULL), 0)) == MP_OK) {
		d.cat = &cat;
		er = mp_db_txn(db, demo_questions_txn, &d);
	}
	mp_catalog_free(&cat);
	return er;
}

int
cmd_seed_demo(struct ctl *c, int argc, char **argv)
{
	long long	 nrep = 300, seed = 1;
	int		 subjects = 1, dossiers = 1, questions = 0;
	long		 done = 0;
	char		 why[256];
	int		 i;
	enum mp_err	 er;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reports") == 0 && i + 1 < argc) {
			if ((nrep = ctl_number(argv[++i], 0, 100000000)) < 0) {
				ctl_warnx("--reports: a number from 0 to"
				    " 100000000");
				return 2;
			}
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			if ((seed = ctl_number(argv[++i], 0, UINT_MAX)) < 0) {
				ctl_warnx("--seed: a number from 0 to %u",
				    UINT_MAX);
				return 2;
			}
		} else if (strcmp(argv[i], "--no-subjects") == 0) {
			subjects = 0;
		} else if (strcmp(argv[i], "--no-dossiers") == 0) {
			dossiers = 0;
		} else if (strcmp(argv[i], "--questions") == 0) {
			questions = 1;
		} else {
			ctl_usage();
			return 2;
		}
	}
	er = mp_seed_demo(c->db, &c->keys, (long)nrep, (unsigned int)seed,
	    &done);
	if (er != MP_OK) {
		ctl_warnx("seeding stopped after %ld reports: %s", done,
		    ctl_dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	printf("inserted %ld demo reports\n", done);
	/*
	 * Opt-in: the tests and benchmarks seed the demo catalogue too,
	 * and post forms of these signal types without the questions.
	 */
	if (questions && (er = seed_questions(c->db)) != MP_OK) {
		ctl_warnx("demo questions: %s", ctl_dbwhy(c, er, why,
		    sizeof(why)));
		return 1;
	}
	if (dossiers && done > 0 && (er = mp_seed_dossiers(c->db)) != MP_OK) {
		ctl_warnx("demo dossiers: %s", ctl_dbwhy(c, er, why,
		    sizeof(why)));
		return 1;
	}
	/*
	 * Indexed as the intake indexes a report it stores (issue 13), by
	 * the rebuild: --no-subjects leaves that to "subjects rebuild"
	 * (bench/subjects times it).
	 */
	return subjects && done > 0 ? ctl_subjects_index(c) : 0;
}
