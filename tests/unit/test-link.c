/*
 * test-link.c -- a handler's decisions about two reports (lib/link.c)
 * against a private MariaDB: a pair is stored lower id first whatever
 * the order given, a later decision replaces the earlier, a duplicate
 * names the report that was closed, bad input is refused with nothing
 * written, and the list hides the other report's reference and the
 * reason from a user who may not see that report.  Also the links a
 * shared subject makes (mp_subject_related, mp_subject_reports_of):
 * only confirmed or structured links on both sides count, a nearby
 * address is told apart, and a report the user may not see comes
 * without its content.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

static struct testenv	 E;
static long long	 report[3];
static long long	 user;

static const char sql_report[] =
    "INSERT INTO report (channel, audience_id, signal_type_id,"
    " description, observed_date, involved_people, involved_companies,"
    " involved_vehicles, anonymous, received_at)"
    " SELECT 'web', MIN(a.id), MIN(t.id), 'x', '2026-01-01', '', '', '',"
    " 0, UTC_TIMESTAMP() FROM audience a, signal_type t";
static const char sql_user[] =
    "INSERT INTO app_user (username, display_name, role)"
    " VALUES ('behandelaar', 'B', 'handler')";
static const char sql_rows[] = "SELECT COUNT(*) FROM report_link";
static const char sql_pair[] =
    "SELECT COUNT(*) FROM report_link WHERE report_a = ? AND report_b = ?"
    " AND kind = ? AND COALESCE(duplicate_id, 0) = ?";

static int
group_setup(void **state)
{
	unsigned long long	 id;
	size_t			 i;

	(void)state;
	if (testenv_setup(&E, "test-link", 30) != 0 ||
	    mp_seed_catalog(E.db) != MP_OK ||
	    mp_sqltext_open(&mp_subject_sql) != MP_OK ||
	    mp_sqltext_open(&mp_link_sql) != MP_OK)
		return -1;
	for (i = 0; i < MP_NELEM(report); i++) {
		if (mp_db_exec(E.db, sql_report, NULL, 0, NULL, &id) != MP_OK)
			return -1;
		report[i] = (long long)id;
	}
	if (mp_db_exec(E.db, sql_user, NULL, 0, NULL, &id) != MP_OK)
		return -1;
	user = (long long)id;
	return 0;
}

static int
group_teardown(void **state)
{

	(void)state;
	mp_sqltext_close(&mp_link_sql);
	mp_sqltext_close(&mp_subject_sql);
	testenv_teardown(&E);
	return 0;
}

static long long
pair(long long a, long long b, const char *kind, long long dup)
{
	struct mp_dbval	 v[4];

	v[0] = MP_DBINT(a);
	v[1] = MP_DBINT(b);
	v[2] = MP_DBTEXT(kind);
	v[3] = MP_DBINT(dup);
	return testdb_int(E.db, sql_pair, v, 4);
}

static void
test_mark(void **state)
{

	(void)state;
	/* Given higher id first: stored lower first. */
	assert_int_equal(mp_link_mark(E.db, MP_LINK_SAME, report[1],
	    report[0], "zelfde pand", user), MP_OK);
	assert_int_equal(pair(report[0], report[1], "same", 0), 1);
	/* A later decision replaces it. */
	assert_int_equal(mp_link_mark(E.db, MP_LINK_UNRELATED, report[0],
	    report[1], "ander bedrijf", user), MP_OK);
	assert_int_equal(pair(report[0], report[1], "unrelated", 0), 1);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 1);
	/* A duplicate names the one that was closed, in either order. */
	assert_int_equal(mp_link_mark(E.db, MP_LINK_DUPLICATE, report[2],
	    report[0], "dubbel", user), MP_OK);
	assert_int_equal(pair(report[0], report[2], "duplicate", report[2]),
	    1);
}

static void
test_refused(void **state)
{
	long long	 n;

	(void)state;
	n = testdb_int(E.db, sql_rows, NULL, 0);
	assert_int_equal(mp_link_mark(E.db, MP_LINK_SAME, report[0],
	    report[0], "x", user), MP_EINVAL);
	assert_int_equal(mp_link_mark(E.db, MP_LINK_SAME, report[0],
	    report[1], " \t", user), MP_EINVAL);
	assert_int_equal(mp_link_mark(E.db, MP_LINK_SAME, report[0],
	    report[1], NULL, user), MP_EINVAL);
	assert_int_equal(mp_link_mark(E.db, MP_LINK__MAX, report[0],
	    report[1], "x", user), MP_EINVAL);
	assert_int_equal(mp_link_mark(E.db, (enum mp_link_kind)0, report[0],
	    report[1], "x", user), MP_EINVAL);
	/* A report that does not exist: the foreign key refuses. */
	assert_int_not_equal(mp_link_mark(E.db, MP_LINK_SAME, report[0],
	    report[2] + 1000, "x", user), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), n);
}

struct seen {
	size_t		 n;
	int		 visible[4];
	int		 this_dup[4];
	char		 reason[4][32];
	char		 reference[4][32];
	long long	 other[4];
};

static void
collect(const struct mp_link_row *l, void *arg)
{
	struct seen	*s = arg;

	if (s->n >= 4)
		return;
	s->visible[s->n] = l->visible;
	s->this_dup[s->n] = l->this_dup;
	s->other[s->n] = l->other;
	(void)snprintf(s->reason[s->n], 32, "%s", l->reason);
	(void)snprintf(s->reference[s->n], 32, "%s", l->reference);
	s->n++;
}

static void
test_list(void **state)
{
	struct mp_dbval	 vis[2];
	struct seen	 s;

	(void)state;
	/* A user who sees all. */
	vis[0] = MP_DBINT(1);
	vis[1] = MP_DBINT(user);
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_link_list(E.db, report[2], vis, 10, collect, &s),
	    MP_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.other[0], report[0]);
	assert_int_equal(s.this_dup[0], 1);
	assert_int_equal(s.visible[0], 1);
	assert_string_equal(s.reason[0], "dubbel");
	/* A user of no team: the decision, without its words. */
	vis[0] = MP_DBINT(0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_link_list(E.db, report[0], vis, 10, collect, &s),
	    MP_OK);
	assert_int_equal(s.n, 2);
	assert_int_equal(s.visible[0] + s.visible[1], 0);
	assert_string_equal(s.reason[0], "");
	assert_string_equal(s.reason[1], "");
	assert_string_equal(s.reference[0], "");
	assert_int_equal(mp_link_list(E.db, report[0], vis, 0, collect, &s),
	    MP_EINVAL);
}

struct rel {
	size_t		 n;
	long long	 report[8], subject[8];
	int		 nearby[8], visible[8];
	char		 reference[8][32];
};

static void
rel_collect(const struct mp_subject_rep *x, void *arg)
{
	struct rel	*r = arg;

	if (r->n >= 8)
		return;
	r->report[r->n] = x->report;
	r->subject[r->n] = x->subject;
	r->nearby[r->n] = x->nearby;
	r->visible[r->n] = x->visible;
	(void)snprintf(r->reference[r->n], 32, "%s", x->reference);
	r->n++;
}

static long long
subject(enum mp_subject_kind kind, const char *norm)
{
	long long	 id = 0;

	assert_int_equal(mp_subject_upsert(E.db, kind, norm, NULL, &id),
	    MP_OK);
	return id;
}

static void
test_related(void **state)
{
	struct mp_dbval	 vis[2], tv[MP_ACCESS_TEAMS_MAX], p[2];
	struct rel	 r;
	unsigned long long team = 0;
	size_t		 i;
	long long	 a12, a14, car;

	(void)state;
	a12 = subject(MP_SUBJECT_ADDRESS, "1234AB 12");
	a14 = subject(MP_SUBJECT_ADDRESS, "1234AB 14");
	car = subject(MP_SUBJECT_VEHICLE, "12ABC3");
	assert_int_equal(mp_subject_link(E.db, report[0], a12,
	    MP_SUBJECT_STRUCTURED, 0, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[1], a12,
	    MP_SUBJECT_HANDLER, 1, user), MP_OK);
	/* A proposal links nothing. */
	assert_int_equal(mp_subject_link(E.db, report[2], a12,
	    MP_SUBJECT_EXTRACTED, 0, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[2], a14,
	    MP_SUBJECT_STRUCTURED, 0, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[0], car,
	    MP_SUBJECT_EXTRACTED, 1, user), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[1], car,
	    MP_SUBJECT_EXTRACTED, 0, 0), MP_OK);

	vis[0] = MP_DBINT(1);
	vis[1] = MP_DBINT(user);
	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_subject_related(E.db, report[0], vis, 2, 100,
	    rel_collect, &r), MP_OK);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.report[0], report[1]);
	assert_int_equal(r.subject[0], a12);
	assert_int_equal(r.nearby[0], 0);
	assert_int_equal(r.visible[0], 1);
	assert_true(r.reference[0][0] != '\0');
	assert_int_equal(r.report[1], report[2]);
	assert_int_equal(r.subject[1], a14);
	assert_int_equal(r.nearby[1], 1);

	/* A user of no team: the links, not the content. */
	vis[0] = MP_DBINT(0);
	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_subject_related(E.db, report[0], vis, 2, 100,
	    rel_collect, &r), MP_OK);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.visible[0] + r.visible[1], 0);
	assert_string_equal(r.reference[0], "");

	/*
	 * A handler's teams as values (STMT_RELATED_TEAMS): the report of
	 * the team is seen, the one of no team only linked.
	 */
	assert_int_equal(mp_db_exec(E.db, "INSERT INTO team (name)"
	    " VALUES ('Noord')", NULL, 0, NULL, &team), MP_OK);
	p[0] = MP_DBINT((long long)team);
	p[1] = MP_DBINT(report[1]);
	assert_int_equal(mp_db_exec(E.db, "UPDATE report SET team_id = ?"
	    " WHERE id = ?", p, 2, NULL, NULL), MP_OK);
	for (i = 0; i < MP_ACCESS_TEAMS_MAX; i++)
		tv[i] = MP_DBINT((long long)team);
	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_subject_related(E.db, report[0], tv,
	    MP_ACCESS_TEAMS_MAX, 100, rel_collect, &r), MP_OK);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.report[0], report[1]);
	assert_int_equal(r.visible[0], 1);
	assert_true(r.reference[0][0] != '\0');
	assert_int_equal(r.report[1], report[2]);
	assert_int_equal(r.visible[1], 0);
	assert_string_equal(r.reference[1], "");
	assert_int_equal(mp_subject_related(E.db, report[0], tv, 3, 100,
	    rel_collect, &r), MP_EINVAL);

	/* The subject page: every link, proposals too. */
	vis[0] = MP_DBINT(1);
	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_subject_reports_of(E.db, a12, vis, 100,
	    rel_collect, &r), MP_OK);
	assert_int_equal(r.n, 3);
	assert_int_equal(mp_subject_related(E.db, report[0], vis, 2, 0,
	    rel_collect, &r), MP_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mark),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_related),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
