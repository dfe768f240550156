/*
 * test-workflow.c -- the transitions, with "wacht op melder" (asked
 * from "in behandeling", left by the reporter's answer or by the
 * handler), and the statuses in the reporter's plain Dutch, where the
 * internal ones (partner, dossier) read as "in behandeling".  Then,
 * against a private MariaDB (tests/lib/mariadb.sh), the one writer of a
 * report's status: an allowed change writes the status, its dates,
 * handler and reason and one history row; a refused one (a transition
 * not in the table, closing without a reason) writes nothing at all;
 * a stale version changes no row; taking a report.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

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
	for (i = 0; mp_workflow_statuses[i] != NULL; i++)
		assert_null(strstr(mp_workflow_public(mp_workflow_statuses[i]),
		    "partner"));
	assert_non_null(mp_workflow_public(NULL));
	assert_non_null(mp_workflow_public("iets"));
}

/* ------------------------------------------------------------------ */
/* The writer, against the database.                                   */

static struct testenv	 E;
static long long	 user;

static const char sql_user[] =
    "INSERT INTO app_user (username, display_name, role)"
    " VALUES ('piet', 'Piet', 'handler')";
static const char sql_report[] =
    "INSERT INTO report (channel, audience_id, signal_type_id,"
    " description, observed_date, involved_people, involved_companies,"
    " involved_vehicles, anonymous, received_at, status)"
    " SELECT 'web', MIN(a.id), MIN(t.id), 'x', '2026-01-01', '', '', '',"
    " 0, UTC_TIMESTAMP(), ? FROM audience a, signal_type t";
static const char sql_state[] =
    "SELECT status, version, COALESCE(handler_id, 0), taken_at IS NOT NULL,"
    " closed_at IS NOT NULL, COALESCE(closed_reason, ''),"
    " (SELECT COUNT(*) FROM event e WHERE e.report_id = r.id)"
    " FROM report r WHERE id = ?";
static const char sql_event[] =
    "SELECT report_id, kind, actor, detail FROM event WHERE id = ?";

/* sql_state's columns. */
enum state_col {
	ST_STATUS,
	ST_VERSION,
	ST_HANDLER,
	ST_TAKEN,
	ST_CLOSED,
	ST_REASON,
	ST_EVENTS
};

/* sql_event's columns. */
enum event_col {
	EV_REPORT,
	EV_KIND,
	EV_ACTOR,
	EV_DETAIL
};

/* A report's row as the writer left it. */
struct state {
	char		 status[32];
	long long	 version, handler, taken, closed, events;
	char		 reason[64];
};

static int
db_setup(void **state)
{
	unsigned long long	 id = 0;

	(void)state;
	if (testenv_setup(&E, "test-workflow", 17) != 0 ||
	    mp_seed_catalog(E.db) != MP_OK ||
	    mp_db_exec(E.db, sql_user, NULL, 0, NULL, &id) != MP_OK)
		return -1;
	user = (long long)id;
	return 0;
}

static int
db_teardown(void **state)
{

	(void)state;
	testenv_teardown(&E);
	return 0;
}

static long long
new_report(const char *status)
{
	struct mp_dbval		 v[1];
	unsigned long long	 id = 0;

	v[0] = MP_DBTEXT(status);
	assert_int_equal(mp_db_exec(E.db, sql_report, v, 1, NULL, &id),
	    MP_OK);
	return (long long)id;
}

static void
get_state(long long id, struct state *s)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(id);
	assert_int_equal(mp_db_query(E.db, &st, sql_state, v, 1), MP_OK);
	assert_int_equal(mp_db_next(st), MP_OK);
	(void)snprintf(s->status, sizeof(s->status), "%s",
	    mp_db_text(st, ST_STATUS, NULL));
	s->version = mp_db_int(st, ST_VERSION);
	s->handler = mp_db_int(st, ST_HANDLER);
	s->taken = mp_db_int(st, ST_TAKEN);
	s->closed = mp_db_int(st, ST_CLOSED);
	(void)snprintf(s->reason, sizeof(s->reason), "%s",
	    mp_db_text(st, ST_REASON, NULL));
	s->events = mp_db_int(st, ST_EVENTS);
	mp_db_done(st);
}

static void
check_event(long long id, long long report, const char *kind,
    const char *detail)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(id);
	assert_int_equal(mp_db_query(E.db, &st, sql_event, v, 1), MP_OK);
	assert_int_equal(mp_db_next(st), MP_OK);
	assert_int_equal(mp_db_int(st, EV_REPORT), report);
	assert_string_equal(mp_db_text(st, EV_KIND, NULL), kind);
	assert_string_equal(mp_db_text(st, EV_ACTOR, NULL), "piet");
	assert_string_equal(mp_db_text(st, EV_DETAIL, NULL), detail);
	mp_db_done(st);
}

static void
change_init(struct mp_status_change *c, long long id, long long version,
    const char *from, const char *to, const char *reason)
{

	memset(c, 0, sizeof(*c));
	c->report_id = id;
	c->version = version;
	c->from = from;
	c->to = to;
	c->reason = reason;
	c->user_id = user;
	c->actor = "piet";
}

static void
test_change(void **state)
{
	struct mp_status_change	 c;
	struct state		 a, b;
	long long		 id = new_report(MP_ST_NEW);

	(void)state;
	get_state(id, &a);
	/* nieuw -> in behandeling: the handler and taken_at come along. */
	change_init(&c, id, a.version, MP_ST_NEW, MP_ST_TAKEN, NULL);
	assert_int_equal(mp_workflow_change(E.db, &c), MP_OK);
	assert_non_null(c.tr);
	assert_int_equal(c.n, 1);
	assert_true(c.event > 0);
	get_state(id, &b);
	assert_string_equal(b.status, MP_ST_TAKEN);
	assert_int_equal(b.version, a.version + 1);
	assert_int_equal(b.handler, user);
	assert_int_equal(b.taken, 1);
	assert_int_equal(b.closed, 0);
	assert_int_equal(b.events, a.events + 1);
	check_event(c.event, id, "status", "nieuw -> in behandeling");
	/* Closing: the reason is stored and in the history. */
	change_init(&c, id, b.version, MP_ST_TAKEN, MP_ST_CLOSED, "klaar");
	assert_int_equal(mp_workflow_change(E.db, &c), MP_OK);
	assert_int_equal(c.n, 1);
	get_state(id, &b);
	assert_string_equal(b.status, MP_ST_CLOSED);
	assert_int_equal(b.closed, 1);
	assert_string_equal(b.reason, "klaar");
	check_event(c.event, id, "status",
	    "in behandeling -> afgerond; reden: klaar");
	/* Reopened: no longer closed. */
	change_init(&c, id, b.version, MP_ST_CLOSED, MP_ST_TAKEN, NULL);
	assert_int_equal(mp_workflow_change(E.db, &c), MP_OK);
	get_state(id, &b);
	assert_string_equal(b.status, MP_ST_TAKEN);
	assert_int_equal(b.closed, 0);
	assert_string_equal(b.reason, "");
}

/* Refused: MP_EINVAL and the row and its history as they were. */
static void
refuse(long long id, const char *from, const char *to, const char *reason,
    int known)
{
	struct mp_status_change	 c;
	struct state		 a, b;

	get_state(id, &a);
	change_init(&c, id, a.version, from, to, reason);
	assert_int_equal(mp_workflow_change(E.db, &c), MP_EINVAL);
	if (known)
		assert_non_null(c.tr);
	else
		assert_null(c.tr);
	assert_int_equal(c.n, 0);
	assert_int_equal(c.event, 0);
	get_state(id, &b);
	assert_string_equal(b.status, a.status);
	assert_int_equal(b.version, a.version);
	assert_int_equal(b.handler, a.handler);
	assert_int_equal(b.closed, a.closed);
	assert_int_equal(b.events, a.events);
}

static void
test_refused(void **state)
{
	long long	 id = new_report(MP_ST_NEW);

	(void)state;
	/* Not in the table. */
	refuse(id, MP_ST_NEW, MP_ST_WAITING, NULL, 0);
	refuse(id, MP_ST_NEW, MP_ST_NEW, NULL, 0);
	refuse(id, MP_ST_NEW, "gesloten", NULL, 0);
	refuse(id, MP_ST_NEW, NULL, NULL, 0);
	/* Closing needs a reason that is not blank. */
	refuse(id, MP_ST_NEW, MP_ST_CLOSED, NULL, 1);
	refuse(id, MP_ST_NEW, MP_ST_CLOSED, " \t\n", 1);
}

/* A stale version: no row changes (the caller then rolls back). */
static void
test_stale(void **state)
{
	struct mp_status_change	 c;
	struct state		 a, b;
	long long		 id = new_report(MP_ST_NEW);

	(void)state;
	get_state(id, &a);
	change_init(&c, id, a.version + 5, MP_ST_NEW, MP_ST_TAKEN, NULL);
	assert_int_equal(mp_workflow_change(E.db, &c), MP_OK);
	assert_int_equal(c.n, 0);
	get_state(id, &b);
	assert_string_equal(b.status, MP_ST_NEW);
	assert_int_equal(b.version, a.version);
}

static void
test_take(void **state)
{
	struct state		 a, b;
	unsigned long long	 n = 9;
	long long		 ev = 0;
	long long		 id = new_report(MP_ST_NEW);
	long long		 w = new_report(MP_ST_WAITING);

	(void)state;
	get_state(id, &a);
	assert_int_equal(mp_workflow_take(E.db, id, a.version, user, "piet",
	    "Piet", &n, &ev), MP_OK);
	assert_int_equal(n, 1);
	get_state(id, &b);
	assert_string_equal(b.status, MP_ST_TAKEN);
	assert_int_equal(b.handler, user);
	assert_int_equal(b.taken, 1);
	assert_int_equal(b.version, a.version + 1);
	check_event(ev, id, "in behandeling genomen", "Piet");
	/* Taking keeps any other status. */
	get_state(w, &a);
	assert_int_equal(mp_workflow_take(E.db, w, a.version, user, "piet",
	    "Piet", &n, &ev), MP_OK);
	get_state(w, &b);
	assert_string_equal(b.status, MP_ST_WAITING);
	assert_int_equal(b.handler, user);
	/* Stale: nothing changes. */
	assert_int_equal(mp_workflow_take(E.db, w, a.version, user, "piet",
	    "Piet", &n, &ev), MP_OK);
	assert_int_equal(n, 0);
}

/* A reporter's reply: what it does to each status (issue 16). */
static void
test_on_reply(void **state)
{

	(void)state;
	assert_int_equal(mp_workflow_on_reply(MP_ST_WAITING, 0),
	    MP_WF_REPLY_TAKES_BACK);
	assert_int_equal(mp_workflow_on_reply(MP_ST_CLOSED, 1),
	    MP_WF_REPLY_REOPENS);
	assert_int_equal(mp_workflow_on_reply(MP_ST_CLOSED, 0),
	    MP_WF_REPLY_REFUSED);
	assert_int_equal(mp_workflow_on_reply(MP_ST_NEW, 0),
	    MP_WF_REPLY_STAYS);
	assert_int_equal(mp_workflow_on_reply(MP_ST_TAKEN, 1),
	    MP_WF_REPLY_STAYS);
	assert_int_equal(mp_workflow_on_reply(NULL, 1), MP_WF_REPLY_STAYS);
	/* Reopening to "in behandeling" is the handlers' "Heropenen". */
	assert_non_null(mp_workflow_allowed(MP_ST_CLOSED, MP_ST_TAKEN));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_waiting),
		cmocka_unit_test(test_on_reply),
		cmocka_unit_test(test_public),
		cmocka_unit_test(test_change),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_take),
	};

	/* One group (one TAP plan): the server serves the last four. */
	return cmocka_run_group_tests(tests, db_setup, db_teardown);
}
