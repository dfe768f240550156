/*
 * test-dossier.c -- lib/dossier.c without a database: the status
 * transitions (forward, back, closing only with an outcome, reopening,
 * skipping research refused), the numbers D-YYYY-NNNN, the configured
 * lists with their defaults, and the visibility rule in C (coordinator
 * all, handler by team or membership, admin and auditor never).  The
 * statements are exercised end to end by tests/e2e/test-88 and 89.
 */
#include "config.h"

#include "util.h"

static void
test_statuses(void **state)
{
	(void)state;
	assert_true(mp_dossier_status("open"));
	assert_true(mp_dossier_status("in onderzoek"));
	assert_true(mp_dossier_status("interventie"));
	assert_true(mp_dossier_status("afgesloten"));
	assert_false(mp_dossier_status("nieuw"));
	assert_false(mp_dossier_status(""));
	assert_false(mp_dossier_status(NULL));
}

static void
test_transitions(void **state)
{
	const struct mp_dossier_transition	*t;
	size_t					 i, n;

	(void)state;
	assert_non_null(t = mp_dossier_allowed("open", "in onderzoek"));
	assert_int_equal(t->needs_outcome, 0);
	assert_non_null(mp_dossier_allowed("in onderzoek", "interventie"));
	assert_non_null(mp_dossier_allowed("interventie", "in onderzoek"));
	/* Closing from every open status, always with an outcome. */
	assert_non_null(t = mp_dossier_allowed("open", "afgesloten"));
	assert_int_equal(t->needs_outcome, 1);
	assert_non_null(t = mp_dossier_allowed("in onderzoek", "afgesloten"));
	assert_int_equal(t->needs_outcome, 1);
	assert_non_null(t = mp_dossier_allowed("interventie", "afgesloten"));
	assert_int_equal(t->needs_outcome, 1);
	/* Reopening, into research. */
	assert_non_null(t = mp_dossier_allowed("afgesloten", "in onderzoek"));
	assert_string_equal(t->label, "Heropenen");
	/* Refused: skipping research, staying, unknown statuses. */
	assert_null(mp_dossier_allowed("open", "interventie"));
	assert_null(mp_dossier_allowed("open", "open"));
	assert_null(mp_dossier_allowed("afgesloten", "interventie"));
	assert_null(mp_dossier_allowed("open", "nieuw"));
	assert_null(mp_dossier_allowed(NULL, "open"));
	/* next lists exactly the allowed ones. */
	for (n = 0; mp_dossier_statuses[n] != NULL; n++)
		for (i = 0; (t = mp_dossier_next(mp_dossier_statuses[n], i)) !=
		    NULL; i++) {
			assert_string_equal(t->from, mp_dossier_statuses[n]);
			assert_ptr_equal(mp_dossier_allowed(t->from, t->to), t);
		}
	assert_null(mp_dossier_next("afgesloten", 1));
	assert_null(mp_dossier_next("nieuw", 0));
}

static void
test_number(void **state)
{
	char	 b[MP_DOSSIER_NUMBER_LEN];

	(void)state;
	assert_int_equal(mp_dossier_number(b, sizeof(b), 2026, 12), MP_OK);
	assert_string_equal(b, "D-2026-0012");
	assert_true(mp_dossier_number_valid(b));
	assert_int_equal(mp_dossier_number(b, sizeof(b), 2026, 1), MP_OK);
	assert_string_equal(b, "D-2026-0001");
	/* Past 9999 the number grows: never a repeat. */
	assert_int_equal(mp_dossier_number(b, sizeof(b), 2027, 12345), MP_OK);
	assert_string_equal(b, "D-2027-12345");
	assert_true(mp_dossier_number_valid(b));
	assert_int_equal(mp_dossier_number(b, sizeof(b), 2026, 0), MP_EINVAL);
	assert_int_equal(mp_dossier_number(b, sizeof(b), 1999, 1), MP_EINVAL);
	assert_int_equal(mp_dossier_number(b, 8, 2026, 1), MP_EINVAL);
	assert_false(mp_dossier_number_valid("D-2026-12"));
	assert_false(mp_dossier_number_valid("D-20x6-0012"));
	assert_false(mp_dossier_number_valid("X-2026-0012"));
	assert_false(mp_dossier_number_valid("1 OR 1=1"));
	assert_false(mp_dossier_number_valid(NULL));
}

static struct mp_conf *
conf(const char *text)
{
	struct mp_conf	*c;
	char		 err[256];

	if (mp_conf_parse(&c, text, err, sizeof(err)) != MP_OK)
		fail_msg("parse: %s", err);
	return c;
}

static void
test_lists(void **state)
{
	struct mp_conf	*c;
	char		 e[64];

	(void)state;
	c = conf("");
	assert_true(mp_dossier_list_entry(c, MP_DOSSIER_THEMES, 0, e,
	    sizeof(e)));
	assert_string_equal(e, "ondermijning");
	assert_true(mp_dossier_list_entry(c, MP_DOSSIER_THEMES, 1, e,
	    sizeof(e)));
	assert_string_equal(e, "woonoverlast");
	assert_false(mp_dossier_list_entry(c, MP_DOSSIER_THEMES, 2, e,
	    sizeof(e)));
	assert_true(mp_dossier_in_list(c, MP_DOSSIER_TASK_TYPES,
	    "sluiting op grond van artikel 13b Opiumwet"));
	assert_true(mp_dossier_in_list(c, MP_DOSSIER_TASK_TYPES, "overig"));
	assert_true(mp_dossier_in_list(c, MP_DOSSIER_OUTCOMES,
	    "vermoeden niet bevestigd"));
	assert_true(mp_dossier_in_list(c, MP_DOSSIER_OUTCOMES,
	    "pand gesloten"));
	assert_false(mp_dossier_in_list(c, MP_DOSSIER_OUTCOMES, "pand"));
	assert_false(mp_dossier_in_list(c, MP_DOSSIER_THEMES, ""));
	assert_false(mp_dossier_in_list(c, MP_DOSSIER_THEMES, NULL));
	mp_conf_free(c);
	/* Configured: trimmed, empty entries skipped. */
	c = conf("dossier.themes = mensenhandel ,, drugs  \n");
	assert_true(mp_dossier_in_list(c, MP_DOSSIER_THEMES, "mensenhandel"));
	assert_true(mp_dossier_in_list(c, MP_DOSSIER_THEMES, "drugs"));
	assert_false(mp_dossier_in_list(c, MP_DOSSIER_THEMES,
	    "ondermijning"));
	assert_false(mp_dossier_list_entry(c, MP_DOSSIER_THEMES, 2, e,
	    sizeof(e)));
	mp_conf_free(c);
}

static void
test_may_see(void **state)
{
	struct mp_user	 u;

	(void)state;
	memset(&u, 0, sizeof(u));
	u.id = 5;
	u.teams[0] = 1;
	u.nteams = 1;
	u.role = MP_ROLE_HANDLER;
	assert_true(mp_dossier_may_see(&u, 1, 0));
	assert_false(mp_dossier_may_see(&u, 2, 0));
	assert_true(mp_dossier_may_see(&u, 2, 1));	/* a member */
	u.disabled = 1;
	assert_false(mp_dossier_may_see(&u, 1, 1));
	u.disabled = 0;
	u.role = MP_ROLE_COORDINATOR;
	assert_true(mp_dossier_may_see(&u, 2, 0));
	/* Admins and auditors: no content, not even as a member. */
	u.role = MP_ROLE_ADMIN;
	assert_false(mp_dossier_may_see(&u, 1, 1));
	u.role = MP_ROLE_AUDITOR;
	assert_false(mp_dossier_may_see(&u, 1, 1));
	assert_false(mp_role_can(MP_ROLE_ADMIN, MP_PERM_DOSSIER_VIEW));
	assert_false(mp_role_can(MP_ROLE_AUDITOR, MP_PERM_DOSSIER_VIEW));
	assert_false(mp_role_can(MP_ROLE_HANDLER, MP_PERM_DOSSIER_MANAGE));
}

/* A report reaches "in dossier" only through a dossier. */
static void
test_workflow(void **state)
{
	const struct mp_transition	*t;
	size_t				 i;

	(void)state;
	assert_non_null(t = mp_workflow_allowed(MP_ST_TAKEN, MP_ST_DOSSIER));
	assert_int_equal(t->via_dossier, 1);
	for (i = 0; (t = mp_workflow_next(MP_ST_TAKEN, i)) != NULL; i++)
		assert_string_not_equal(t->to, MP_ST_DOSSIER);
	assert_non_null(mp_workflow_allowed(MP_ST_CLOSED, MP_ST_DOSSIER));
	assert_null(mp_workflow_allowed(MP_ST_DOSSIER, MP_ST_DOSSIER));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statuses),
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_may_see),
		cmocka_unit_test(test_workflow),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
