/*
 * test-workflow.c -- the transitions, with "wacht op melder" (asked
 * from "in behandeling", left by the reporter's answer or by the
 * handler), and the statuses in the reporter's plain Dutch, where the
 * internal ones (partner, dossier) read as "in behandeling".
 */
#include "config.h"

#include "util.h"

static void
test_waiting(void **state)
{
	const struct mp_transition	*t;

	(void)state;
	assert_true(mp_workflow_status(MP_ST_WAITING));
	assert_non_null(mp_workflow_allowed(MP_ST_TAKEN, MP_ST_WAITING));
	assert_non_null(mp_workflow_allowed(MP_ST_WAITING, MP_ST_TAKEN));
	assert_non_null(t = mp_workflow_allowed(MP_ST_WAITING,
	    MP_ST_CLOSED));
	assert_true(t->needs_reason);
	assert_null(mp_workflow_allowed(MP_ST_NEW, MP_ST_WAITING));
	assert_null(mp_workflow_allowed(MP_ST_CLOSED, MP_ST_WAITING));
	assert_null(mp_workflow_allowed(MP_ST_WAITING, MP_ST_NEW));
}

static void
test_public(void **state)
{
	size_t	 i;

	(void)state;
	assert_non_null(strstr(mp_workflow_public(MP_ST_NEW), "Ontvangen"));
	assert_non_null(strstr(mp_workflow_public(MP_ST_WAITING), "vraag"));
	assert_non_null(strstr(mp_workflow_public(MP_ST_CLOSED), "Afgerond"));
	assert_string_equal(mp_workflow_public(MP_ST_PARTNER),
	    mp_workflow_public(MP_ST_TAKEN));
	assert_string_equal(mp_workflow_public(MP_ST_DOSSIER),
	    mp_workflow_public(MP_ST_TAKEN));
	/* Never an internal code, never NULL. */
	for (i = 0; mp_statuses[i] != NULL; i++)
		assert_null(strstr(mp_workflow_public(mp_statuses[i]),
		    "partner"));
	assert_non_null(mp_workflow_public(NULL));
	assert_non_null(mp_workflow_public("iets"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_waiting),
		cmocka_unit_test(test_public),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
