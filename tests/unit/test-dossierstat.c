/*
 * test-dossierstat.c -- lib/dossierstat.c and lib/dossierdoc.c without
 * a database: a range of months outside what the statistics take, and
 * a document without a proper SHA-256, are refused before any
 * statement runs.  The counts and the storing are exercised end to
 * end by tests/e2e/test-93 and test-94, against direct SQL counts.
 */
#include "config.h"

#include "util.h"

static int	calls;

static void
count(enum mp_dossierstat_part part, int month, const char *name,
    long long n, long long m, void *arg)
{

	(void)part;
	(void)month;
	(void)name;
	(void)n;
	(void)m;
	(void)arg;
	calls++;
}

static void
test_range(void **state)
{
	int	 jan = 2026 * 12;

	(void)state;
	/* No database is touched: a NULL handle would crash. */
	assert_int_equal(mp_dossierstat_each(NULL, jan, jan - 1, count,
	    NULL), MP_EINVAL);
	assert_int_equal(mp_dossierstat_each(NULL, jan - 120, jan, count,
	    NULL), MP_EINVAL);
	assert_int_equal(mp_dossierstat_each(NULL, 1999 * 12 + 11, jan,
	    count, NULL), MP_EINVAL);
	assert_int_equal(mp_dossierstat_each(NULL, -1, jan, count, NULL),
	    MP_EINVAL);
	assert_int_equal(calls, 0);
}

static void
test_doc_insert(void **state)
{
	long long	 id = 0;

	(void)state;
	assert_int_equal(mp_dossierdoc_insert(NULL, 1, "a.pdf",
	    "application/pdf", "%PDF-", 5, "abc", 1, "u", &id), MP_EINVAL);
	assert_int_equal(mp_dossierdoc_insert(NULL, 1, NULL,
	    "application/pdf", "%PDF-", 5, "", 1, "u", &id), MP_EINVAL);
	assert_int_equal(mp_dossierdoc_insert(NULL, 1, "a.pdf", NULL,
	    "%PDF-", 5, "", 1, "u", &id), MP_EINVAL);
	assert_int_equal(id, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_doc_insert),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
