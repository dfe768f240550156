/*
 * test-event.c -- a report's history (lib/event.c) against a private
 * MariaDB (tests/lib/mariadb.sh): a row written with its report, kind,
 * actor and detail (none stored as ""), its id returned; a missing kind
 * or actor refused with nothing written.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

static struct testenv	 E;
static long long	 report;

static const char sql_report[] =
    "INSERT INTO report (channel, audience_id, signal_type_id,"
    " description, observed_date, involved_people, involved_companies,"
    " involved_vehicles, anonymous, received_at)"
    " SELECT 'web', MIN(a.id), MIN(t.id), 'x', '2026-01-01', '', '', '',"
    " 0, UTC_TIMESTAMP() FROM audience a, signal_type t";
static const char sql_count[] = "SELECT COUNT(*) FROM event";
static const char sql_row[] =
    "SELECT report_id, kind, actor, detail, at <= UTC_TIMESTAMP()"
    " FROM event WHERE id = ?";

/* sql_row's columns. */
enum row_col {
	ROW_REPORT,
	ROW_KIND,
	ROW_ACTOR,
	ROW_DETAIL,
	ROW_AT_NOW
};

static int
group_setup(void **state)
{
	unsigned long long	 id = 0;

	(void)state;
	if (testenv_setup(&E, "test-event", 13) != 0 ||
	    mp_seed_catalog(E.db) != MP_OK ||
	    mp_db_exec(E.db, sql_report, NULL, 0, NULL, &id) != MP_OK)
		return -1;
	report = (long long)id;
	return 0;
}

static int
group_teardown(void **state)
{

	(void)state;
	testenv_teardown(&E);
	return 0;
}

/* The row with id, checked against what was given. */
static void
check_row(long long id, const char *kind, const char *actor,
    const char *detail)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(id);
	assert_int_equal(mp_db_query(E.db, &st, sql_row, v, 1), MP_OK);
	assert_int_equal(mp_db_next(st), MP_OK);
	assert_int_equal(mp_db_int(st, ROW_REPORT), report);
	assert_string_equal(mp_db_text(st, ROW_KIND, NULL), kind);
	assert_string_equal(mp_db_text(st, ROW_ACTOR, NULL), actor);
	assert_string_equal(mp_db_text(st, ROW_DETAIL, NULL), detail);
	assert_int_equal(mp_db_int(st, ROW_AT_NOW), 1);
	mp_db_done(st);
}

static void
test_add(void **state)
{
	long long	 id = -1, id2 = -1, n;

	(void)state;
	n = testdb_int(E.db, sql_count, NULL, 0);
	assert_int_equal(mp_event_add(E.db, report, "notitie", "jan",
	    "Gebeld met de melder.", &id), MP_OK);
	assert_true(id > 0);
	check_row(id, "notitie", "jan", "Gebeld met de melder.");
	/* No detail: stored as "", not NULL. */
	assert_int_equal(mp_event_add(E.db, report, "status", "systeem",
	    NULL, &id2), MP_OK);
	assert_true(id2 > id);
	check_row(id2, "status", "systeem", "");
	/* The id is optional. */
	assert_int_equal(mp_event_add(E.db, report, "notitie", "jan", "x",
	    NULL), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_count, NULL, 0), n + 3);
}

static void
test_refused(void **state)
{
	long long	 id = 99, n;

	(void)state;
	n = testdb_int(E.db, sql_count, NULL, 0);
	assert_int_equal(mp_event_add(E.db, report, NULL, "jan", "x", &id),
	    MP_EINVAL);
	assert_int_equal(id, 0);
	id = 99;
	assert_int_equal(mp_event_add(E.db, report, "", "jan", "x", &id),
	    MP_EINVAL);
	assert_int_equal(id, 0);
	assert_int_equal(mp_event_add(E.db, report, "notitie", NULL, "x",
	    NULL), MP_EINVAL);
	/* Nothing written. */
	assert_int_equal(testdb_int(E.db, sql_count, NULL, 0), n);
	/* No such report: the foreign key refuses it. */
	assert_int_not_equal(mp_event_add(E.db, report + 1000, "notitie",
	    "jan", "x", NULL), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_count, NULL, 0), n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
