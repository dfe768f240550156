/*
 * test-question.c -- follow-up questions (lib/question.c) without a
 * database: every kind with good and bad answers, required and not,
 * the Dutch text kept with an answer whatever the language asked in,
 * the field names the form may send, the admin's text checks, the
 * form's view, and the answers through the spool (includes spool.c for
 * its statics, as test-spool.c).
 */
#include "config.h"

#include "util.h"
#include "../../lib/spool.c"

/* The form's fields: name=value pairs, NULL-terminated. */
static const char *const *form;

static const char *
get(void *arg, const char *name)
{
	size_t	 i;

	(void)arg;
	for (i = 0; form[i] != NULL; i += 2)
		if (strcmp(form[i], name) == 0)
			return form[i + 1];
	return NULL;
}

static char *
xdup(const char *s)
{
	char	*p = strdup(s);

	assert_non_null(p);
	return p;
}

/* One question of each kind for type 7, ids 1..7, the kind's order. */
static void
build(struct mp_qset *set, int required)
{
	static const char *const opts[] = { "Rood", "Groen", "Blauw" };
	static const char *const en[] = { "Red", "Green", "Blue" };
	struct mp_question	*q;
	size_t			 i, k;

	set->n = MP_Q__MAX;
	set->q = calloc(set->n, sizeof(*set->q));
	assert_non_null(set->q);
	for (i = 0; i < set->n; i++) {
		q = &set->q[i];
		q->id = (long long)i + 1;
		q->signal_type_id = 7;
		q->kind = (enum mp_qkind)i;
		q->required = required;
		q->position = (int)i;
		q->active = 1;
		q->ntexts = 2;
		q->texts = calloc(2, sizeof(*q->texts));
		assert_non_null(q->texts);
		(void)snprintf(q->texts[0].lang, MP_QUESTION_LANG_MAX, "nl");
		(void)snprintf(q->texts[1].lang, MP_QUESTION_LANG_MAX, "en");
		q->texts[0].label = xdup("Vraag <b>vet</b>");
		q->texts[0].help = xdup("");
		q->texts[1].label = xdup("Question");
		q->texts[1].help = xdup("");
		if (q->kind != MP_Q_CHOICE && q->kind != MP_Q_CHOICES)
			continue;
		for (k = 0; k < 3; k++) {
			q->texts[0].opts[k] = xdup(opts[k]);
			q->texts[1].opts[k] = xdup(en[k]);
		}
		q->texts[0].nopts = q->texts[1].nopts = 3;
	}
}

/* The answer to question id in f, or NULL. */
static const struct mp_answer *
answer(const struct mp_qform *f, long long id)
{
	size_t	 i;

	for (i = 0; i < f->nans; i++)
		if (f->ans[i].question_id == id)
			return &f->ans[i];
	return NULL;
}

static void
test_good(void **state)
{
	static const char *const good[] = {
		"question-1", "  een regel  ",
		"question-2", "regel een\nregel twee",
		"question-3", "2,5",
		"question-4", "3-1-2026",
		"question-5", "nee",
		"question-6", "2",
		"question-7-1", "ja",
		"question-7-3", "ja",
		NULL
	};
	struct mp_qset	 set = { NULL, 0 };
	struct mp_qform	 f;

	(void)state;
	build(&set, 1);
	form = good;
	assert_int_equal(mp_question_read(&f, &set, 7, 1, "en", get, NULL),
	    MP_OK);
	assert_int_equal(f.nerr, 0);
	assert_int_equal(f.nasked, MP_Q__MAX);
	assert_int_equal(f.nans, MP_Q__MAX);
	assert_string_equal(answer(&f, 1)->value, "een regel");
	assert_string_equal(answer(&f, 2)->value, "regel een\nregel twee");
	assert_string_equal(answer(&f, 3)->value, "2,5");
	assert_string_equal(answer(&f, 4)->value, "2026-01-03");
	assert_string_equal(answer(&f, 5)->value, "nee");
	/* Choices are stored as their Dutch text, asked in English. */
	assert_string_equal(answer(&f, 6)->value, "Groen");
	assert_string_equal(answer(&f, 7)->value, "Rood\nBlauw");
	assert_string_equal(answer(&f, 6)->label, "Vraag <b>vet</b>");
	assert_int_equal(answer(&f, 7)->kind, MP_Q_CHOICES);
	mp_question_form_free(&f);
	/* Another type, or a question for another audience: not asked. */
	assert_int_equal(mp_question_read(&f, &set, 8, 1, "nl", get, NULL),
	    MP_OK);
	assert_int_equal(f.nasked, 0);
	assert_int_equal(f.nans, 0);
	mp_question_form_free(&f);
	set.q[0].audience_id = 2;
	assert_int_equal(mp_question_read(&f, &set, 7, 1, "nl", get, NULL),
	    MP_OK);
	assert_int_equal(f.nasked, MP_Q__MAX - 1);
	assert_null(answer(&f, 1));
	mp_question_form_free(&f);
	mp_question_set_free(&set);
}

static void
test_bad(void **state)
{
	static const char *const bad[] = {
		"question-1", "twee\nregels",
		"question-3", "drie",
		"question-4", "31-02-2026",
		"question-5", "misschien",
		"question-6", "4",
		"question-7-2", "1",
		NULL
	};
	static const char *const nothing[] = { NULL };
	struct mp_qset	 set = { NULL, 0 };
	struct mp_qform	 f;
	char		 big[MP_QUESTION_LONG_MAX + 2];
	const char	*toolong[] = { "question-2", big, NULL };
	size_t		 i;

	(void)state;
	build(&set, 0);
	form = bad;
	assert_int_equal(mp_question_read(&f, &set, 7, 0, "nl", get, NULL),
	    MP_OK);
	assert_int_equal(f.nerr, 6);
	assert_int_equal(f.nans, 0);
	for (i = 0; i < set.n; i++)
		if (i != 1)
			assert_non_null(f.err[i]);
	assert_null(f.err[1]);
	/* The value comes back as typed, for the form. */
	assert_string_equal(f.val[2], "drie");
	mp_question_form_free(&f);

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	form = toolong;
	assert_int_equal(mp_question_read(&f, &set, 7, 0, "nl", get, NULL),
	    MP_OK);
	assert_int_equal(f.nerr, 1);
	assert_non_null(f.err[1]);
	mp_question_form_free(&f);

	/* Optional and blank: no error, no answer; required: an error. */
	form = nothing;
	assert_int_equal(mp_question_read(&f, &set, 7, 0, "nl", get, NULL),
	    MP_OK);
	assert_int_equal(f.nerr, 0);
	assert_int_equal(f.nans, 0);
	mp_question_form_free(&f);
	for (i = 0; i < set.n; i++)
		set.q[i].required = 1;
	assert_int_equal(mp_question_read(&f, &set, 7, 0, "nl", get, NULL),
	    MP_OK);
	assert_int_equal(f.nerr, MP_Q__MAX);
	mp_question_form_free(&f);
	/* A switched-off question is not asked. */
	set.q[0].active = 0;
	assert_int_equal(mp_question_read(&f, &set, 7, 0, "nl", get, NULL),
	    MP_OK);
	assert_int_equal(f.nerr, MP_Q__MAX - 1);
	mp_question_form_free(&f);
	mp_question_set_free(&set);
}

static void
test_fields(void **state)
{

	(void)state;
	assert_true(mp_question_field("question-1"));
	assert_true(mp_question_field("question-123"));
	assert_true(mp_question_field("question-12-3"));
	assert_false(mp_question_field("question-"));
	assert_false(mp_question_field("question-0"));
	assert_false(mp_question_field("question-1-"));
	assert_false(mp_question_field("question-1-2-3"));
	assert_false(mp_question_field("question-1a"));
	assert_false(mp_question_field("questions-for"));
	assert_false(mp_question_field("report-description"));
}

static void
test_kinds_and_texts(void **state)
{
	const char	*msg;
	size_t		 k;

	(void)state;
	for (k = 0; k < MP_Q__MAX; k++)
		assert_int_equal(mp_question_kind_of(
		    mp_question_kind_name((enum mp_qkind)k)), k);
	assert_int_equal(mp_question_kind_of("html"), MP_Q__MAX);
	assert_int_equal(mp_question_kind_of(NULL), MP_Q__MAX);
	assert_true(mp_question_check_text(MP_Q_TEXT, "Wat zag u?", "",
	    NULL, &msg));
	assert_false(mp_question_check_text(MP_Q_TEXT, " ", "", NULL,
	    &msg));
	assert_non_null(msg);
	assert_false(mp_question_check_text(MP_Q_TEXT, "twee\nregels", "",
	    NULL, &msg));
	assert_true(mp_question_check_text(MP_Q_CHOICE, "Kleur?", "",
	    "Rood\nGroen\n", &msg));
	assert_false(mp_question_check_text(MP_Q_CHOICE, "Kleur?", "",
	    "Rood\n\n", &msg));
	assert_false(mp_question_check_text(MP_Q_CHOICES, "Kleur?", "",
	    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n"
	    "18\n19\n20\n21", &msg));
	assert_true(mp_question_check_text(MP_Q_CHOICES, "Kleur?", "",
	    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n"
	    "18\n19\n20", &msg));
}

static void
test_view(void **state)
{
	static const char *const some[] = {
		"question-3", "<script>",
		"question-6", "3",
		NULL
	};
	struct mp_qset	 set = { NULL, 0 };
	struct mp_qform	 f;
	struct mp_view	*v;

	(void)state;
	build(&set, 0);
	form = some;
	assert_int_equal(mp_question_read(&f, &set, 7, 0, "en", get, NULL),
	    MP_OK);
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_question_view(v, &set, 7, 0, "en", &f, 2),
	    MP_OK);
	assert_string_equal(mp_tmpl_get(v, "Questions.0.Id"), "question-1");
	assert_string_equal(mp_tmpl_get(v, "Questions.0.Label"), "Question");
	assert_string_equal(mp_tmpl_get(v, "Questions.5.Options.0.Label"),
	    "Red");
	assert_string_equal(mp_tmpl_get(v, "Questions.5.Options.2.Checked"),
	    "1");
	assert_string_equal(mp_tmpl_get(v, "Questions.2.Value"), "<script>");
	assert_non_null(mp_tmpl_get(v, "Questions.2.Error"));
	/* The summary goes on after the fixed fields' two errors. */
	assert_string_equal(mp_tmpl_get(v, "Form.ErrorList.2.Id"),
	    "question-3");
	assert_null(mp_tmpl_get(v, "Form.ErrorList.3.Id"));
	mp_tmpl_free(v);
	/* An unknown language falls back to Dutch. */
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_question_view(v, &set, 7, 0, "tr", NULL, 0),
	    MP_OK);
	assert_string_equal(mp_tmpl_get(v, "Questions.0.Label"),
	    "Vraag <b>vet</b>");
	mp_tmpl_free(v);
	mp_question_form_free(&f);
	mp_question_set_free(&set);
}

/* A report spooled while the database is away keeps its answers. */
static void
test_spool(void **state)
{
	struct mp_report	 r, back;
	struct mp_buf		 b;
	size_t			 i;

	(void)state;
	mp_report_init(&r);
	for (i = 0; i < RF_ATTACHMENTS; i++)
		assert_non_null(r.val[i] = xdup(""));
	r.audience_id = 1;
	r.signal_type_id = 7;
	r.channel = "web";
	r.anonymous = 1;
	r.has_submission = 1;
	(void)snprintf(r.reference, sizeof(r.reference), "M-2026-SQ");
	assert_non_null(r.ans = calloc(2, sizeof(*r.ans)));
	r.nans = 2;
	r.ans[0].question_id = 12;
	r.ans[0].position = 3;
	r.ans[0].kind = MP_Q_CHOICES;
	r.ans[0].label = xdup("Wanneer <b>?</b>");
	r.ans[0].value = xdup("Ochtend\nNacht");
	r.ans[1].question_id = 13;
	r.ans[1].kind = MP_Q_TEXT;
	r.ans[1].label = xdup("Taal");
	r.ans[1].value = xdup("");
	mp_buf_init(&b, SPOOL_MAX);
	assert_int_equal(serialise(&r, &b), MP_OK);
	mp_report_init(&back);
	assert_int_equal(deserialise(&back, (const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b)), MP_OK);
	assert_int_equal(back.nans, 2);
	assert_int_equal(back.ans[0].question_id, 12);
	assert_int_equal(back.ans[0].position, 3);
	assert_int_equal(back.ans[0].kind, MP_Q_CHOICES);
	assert_string_equal(back.ans[0].label, "Wanneer <b>?</b>");
	assert_string_equal(back.ans[0].value, "Ochtend\nNacht");
	assert_string_equal(back.ans[1].value, "");
	mp_report_free(&back);
	/* An answer record without its text is refused. */
	mp_buf_free(&b);
	mp_buf_init(&b, SPOOL_MAX);
	free(r.ans[1].label);
	r.ans[1].label = NULL;
	r.nans = 1;
	assert_int_equal(serialise(&r, &b), MP_OK);
	assert_int_equal(mp_buf_add(&b, "\x60\0\0\0\x06" "14 0 0", 11),
	    MP_OK);
	mp_report_init(&back);
	assert_int_not_equal(deserialise(&back, (const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b)), MP_OK);
	mp_report_free(&back);
	mp_buf_free(&b);
	r.nans = 2;
	mp_report_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_kinds_and_texts),
		cmocka_unit_test(test_view),
		cmocka_unit_test(test_spool),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
