/*
 * test-journal.c -- the journal of a dossier (lib/journal.c): today's
 * date in Europe/Amsterdam around midnight and both DST changes (and
 * against the system's zoneinfo, hour by hour over five years, where
 * it is installed), overdue, dates, a task's transitions; then against
 * a private MariaDB: notes, the decision chain (a decision replaced
 * once, only a decision of the same dossier), bad input refused with
 * nothing written, a task edited against its version (a stale one
 * refused with nothing written, done only with an outcome), and the
 * history rows.
 */
#include "config.h"

#include <time.h>

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

static struct testenv	 E;
static long long	 dossier, other, user;

/* UTC y-m-d h:m:s as time_t. */
static time_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return timegm(&tm);
}

static void
today_is(time_t t, const char *want)
{
	char	 out[MP_JOURNAL_DATE_LEN];

	mp_journal_today(t, out);
	assert_string_equal(out, want);
}

static void
test_today(void **state)
{
	(void)state;
	/* Winter (CET, +1): Amsterdam's midnight is 23:00 UTC. */
	today_is(utc(2026, 1, 15, 22, 59, 59), "2026-01-15");
	today_is(utc(2026, 1, 15, 23, 0, 0), "2026-01-16");
	today_is(utc(2026, 12, 31, 23, 0, 0), "2027-01-01");
	/* Summer (CEST, +2): midnight is 22:00 UTC. */
	today_is(utc(2026, 7, 1, 21, 59, 59), "2026-07-01");
	today_is(utc(2026, 7, 1, 22, 0, 0), "2026-07-02");
	/* Spring forward, Sunday 29 March 2026 01:00 UTC. */
	today_is(utc(2026, 3, 28, 22, 59, 59), "2026-03-28");
	today_is(utc(2026, 3, 28, 23, 0, 0), "2026-03-29");
	today_is(utc(2026, 3, 29, 0, 59, 59), "2026-03-29");
	today_is(utc(2026, 3, 29, 21, 59, 59), "2026-03-29");
	today_is(utc(2026, 3, 29, 22, 0, 0), "2026-03-30");
	/* The Saturday before: still CET at 22:30 UTC. */
	today_is(utc(2026, 3, 28, 22, 30, 0), "2026-03-28");
	/* Fall back, Sunday 25 October 2026 01:00 UTC. */
	today_is(utc(2026, 10, 24, 21, 59, 59), "2026-10-24");
	today_is(utc(2026, 10, 24, 22, 0, 0), "2026-10-25");
	today_is(utc(2026, 10, 25, 22, 59, 59), "2026-10-25");
	today_is(utc(2026, 10, 25, 23, 0, 0), "2026-10-26");
	/* A leap day. */
	today_is(utc(2028, 2, 28, 23, 0, 0), "2028-02-29");
}

/* Where zoneinfo is installed: the same date as localtime_r. */
static void
test_today_zoneinfo(void **state)
{
	struct tm	 tm;
	char		 out[MP_JOURNAL_DATE_LEN], want[32];
	const char	*old = getenv("TZ");
	time_t		 t, end;
	FILE		*f;

	(void)state;
	if ((f = fopen("/usr/share/zoneinfo/Europe/Amsterdam", "r")) == NULL)
		skip();
	fclose(f);
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	end = utc(2029, 1, 1, 0, 0, 0);
	/* Every half hour: the changes fall on the hour. */
	for (t = utc(2024, 1, 1, 0, 0, 0); t < end; t += 1800) {
		assert_non_null(localtime_r(&t, &tm));
		(void)strftime(want, sizeof(want), "%Y-%m-%d", &tm);
		mp_journal_today(t, out);
		if (strcmp(out, want) != 0)
			fail_msg("%lld: %s, want %s", (long long)t, out, want);
		/* And a second before each. */
		t -= 1;
		assert_non_null(localtime_r(&t, &tm));
		(void)strftime(want, sizeof(want), "%Y-%m-%d", &tm);
		mp_journal_today(t, out);
		if (strcmp(out, want) != 0)
			fail_msg("%lld: %s, want %s", (long long)t, out, want);
		t += 1;
	}
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
}

static void
test_overdue(void **state)
{
	(void)state;
	assert_true(mp_journal_overdue("open", "2026-03-28", "2026-03-29"));
	/* Due today: not yet. */
	assert_false(mp_journal_overdue("open", "2026-03-29", "2026-03-29"));
	assert_false(mp_journal_overdue("open", "2026-03-30", "2026-03-29"));
	/* Only open tasks. */
	assert_false(mp_journal_overdue("done", "2026-01-01", "2026-03-29"));
	assert_false(mp_journal_overdue("cancelled", "2026-01-01",
	    "2026-03-29"));
	assert_false(mp_journal_overdue("open", "", "2026-03-29"));
	assert_false(mp_journal_overdue(NULL, "2026-01-01", "2026-03-29"));
	/* Across a year. */
	assert_true(mp_journal_overdue("open", "2026-12-31", "2027-01-01"));
}

static void
test_dates(void **state)
{
	(void)state;
	assert_true(mp_journal_date_valid("2026-03-29"));
	assert_true(mp_journal_date_valid("2028-02-29"));
	assert_true(mp_journal_date_valid("2000-02-29"));
	assert_false(mp_journal_date_valid("2100-02-29"));
	assert_false(mp_journal_date_valid("2026-02-29"));
	assert_false(mp_journal_date_valid("2026-04-31"));
	assert_false(mp_journal_date_valid("2026-13-01"));
	assert_false(mp_journal_date_valid("2026-00-10"));
	assert_false(mp_journal_date_valid("2026-1-01"));
	assert_false(mp_journal_date_valid("1999-12-31"));
	assert_false(mp_journal_date_valid("2026-03-29x"));
	assert_false(mp_journal_date_valid("2026/03/29"));
	assert_false(mp_journal_date_valid(""));
	assert_false(mp_journal_date_valid(NULL));
}

static void
test_task_moves(void **state)
{
	int	 needs;

	(void)state;
	assert_true(mp_journal_task_allowed("open", "done", &needs));
	assert_int_equal(needs, 1);
	assert_true(mp_journal_task_allowed("open", "cancelled", &needs));
	assert_int_equal(needs, 0);
	assert_true(mp_journal_task_allowed("done", "open", &needs));
	assert_int_equal(needs, 0);
	assert_true(mp_journal_task_allowed("cancelled", "open", &needs));
	/* Staying: other fields change; done keeps needing its outcome. */
	assert_true(mp_journal_task_allowed("open", "open", &needs));
	assert_int_equal(needs, 0);
	assert_true(mp_journal_task_allowed("done", "done", &needs));
	assert_int_equal(needs, 1);
	/* Refused. */
	assert_false(mp_journal_task_allowed("done", "cancelled", &needs));
	assert_false(mp_journal_task_allowed("cancelled", "done", &needs));
	assert_false(mp_journal_task_allowed("open", "closed", &needs));
	assert_false(mp_journal_task_allowed(NULL, "open", &needs));
	assert_string_equal(mp_journal_task_label("done"), "uitgevoerd");
	assert_string_equal(mp_journal_kind_label("decision"), "besluit");
	assert_string_equal(mp_journal_kind_label("x"), "");
}

/* ------------------------------------------------------------------ */
/* Against the database.                                               */

static int
group_setup(void **state)
{
	unsigned long long	 id;
	struct mp_dbval		 v[2];

	(void)state;
	if (testenv_setup(&E, "test-journal", 41) != 0 ||
	    mp_seed_catalog(E.db) != MP_OK ||
	    mp_sqltext_open(&mp_dossier_sql) != MP_OK ||
	    mp_sqltext_open(&mp_journal_sql) != MP_OK)
		return -1;
	if (mp_db_exec(E.db, "INSERT INTO team (name) VALUES ('J')", NULL, 0,
	    NULL, &id) != MP_OK)
		return -1;
	v[0] = MP_DBINT((long long)id);
	if (mp_db_exec(E.db, "INSERT INTO app_user (username, display_name,"
	    " role) VALUES ('jan', 'Jan', 'handler')", NULL, 0, NULL, &id) !=
	    MP_OK)
		return -1;
	user = (long long)id;
	v[1] = MP_DBINT(user);
	if (mp_db_exec(E.db, "INSERT INTO dossier (number, title, theme,"
	    " team_id, created_by, created_at) VALUES ('D-2026-0001', 'T',"
	    " 'ondermijning', ?, ?, UTC_TIMESTAMP())", v, 2, NULL, &id) !=
	    MP_OK)
		return -1;
	dossier = (long long)id;
	if (mp_db_exec(E.db, "INSERT INTO dossier (number, title, theme,"
	    " team_id, created_by, created_at) VALUES ('D-2026-0002', 'U',"
	    " 'ondermijning', ?, ?, UTC_TIMESTAMP())", v, 2, NULL, &id) !=
	    MP_OK)
		return -1;
	other = (long long)id;
	return 0;
}

static int
group_teardown(void **state)
{

	(void)state;
	mp_sqltext_close(&mp_journal_sql);
	mp_sqltext_close(&mp_dossier_sql);
	testenv_teardown(&E);
	return 0;
}

static long long
rows(void)
{

	return testdb_int(E.db, "SELECT COUNT(*) FROM dossier_journal", NULL,
	    0);
}

static long long
events(const char *kind)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBTEXT(kind);
	return testdb_int(E.db, "SELECT COUNT(*) FROM dossier_event WHERE"
	    " kind = ?", v, 1);
}

static void
decision(struct mp_journal_new *n, long long in, long long replaces)
{

	memset(n, 0, sizeof(*n));
	n->dossier = in;
	n->kind = MP_JOURNAL_DECISION;
	n->body = "Pand sluiten";
	n->reason = "Drugslab aangetroffen";
	n->decided_by = "burgemeester";
	n->decided_on = "2026-03-02";
	n->replaces = replaces;
	n->user_id = user;
	n->actor = "jan";
}

struct seen {
	long long	 id[8];
	long long	 replaced_by[8];
	long long	 version[8];
	char		 status[8][16];
	size_t		 n;
};

static void
collect(const struct mp_journal_entry *e, void *arg)
{
	struct seen	*s = arg;

	if (s->n >= 8)
		return;
	s->id[s->n] = e->id;
	s->replaced_by[s->n] = e->replaced_by;
	s->version[s->n] = e->version;
	(void)snprintf(s->status[s->n], sizeof(s->status[0]), "%s",
	    e->task_status);
	s->n++;
}

static void
cur(long long id, const char *body, const char *on, void *arg)
{
	struct seen	*s = arg;

	(void)body;
	(void)on;
	if (s->n < 8)
		s->id[s->n++] = id;
}

static void
test_chain(void **state)
{
	struct mp_journal_new	 n;
	struct seen		 s;
	long long		 a, b, note, before, t;

	(void)state;
	memset(&n, 0, sizeof(n));
	n.dossier = dossier;
	n.kind = MP_JOURNAL_NOTE;
	n.body = "Buurman belde";
	n.user_id = user;
	n.actor = "jan";
	assert_int_equal(mp_journal_add(E.db, &n), MP_OK);
	note = n.id;
	assert_true(note > 0);
	assert_int_equal(events("notitie"), 1);

	decision(&n, dossier, 0);
	assert_int_equal(mp_journal_add(E.db, &n), MP_OK);
	a = n.id;
	decision(&n, dossier, a);
	assert_int_equal(mp_journal_add(E.db, &n), MP_OK);
	b = n.id;
	assert_int_equal(events("besluit"), 2);

	/* A decision is replaced once: the chain stays a line. */
	before = rows();
	decision(&n, dossier, a);
	assert_int_equal(mp_journal_add(E.db, &n), MP_EDUP);
	assert_string_equal(n.field, "besluit-vervangt");
	/* Only a decision, only of this dossier. */
	decision(&n, dossier, note);
	assert_int_equal(mp_journal_add(E.db, &n), MP_ENOTFOUND);
	decision(&n, other, b);
	assert_int_equal(mp_journal_add(E.db, &n), MP_ENOTFOUND);
	/* Missing parts. */
	decision(&n, dossier, 0);
	n.reason = "  ";
	assert_int_equal(mp_journal_add(E.db, &n), MP_EINVAL);
	assert_string_equal(n.field, "besluit-reden");
	decision(&n, dossier, 0);
	n.decided_by = "a\nb";
	assert_int_equal(mp_journal_add(E.db, &n), MP_EINVAL);
	assert_string_equal(n.field, "besluit-door");
	decision(&n, dossier, 0);
	n.decided_on = "2026-02-30";
	assert_int_equal(mp_journal_add(E.db, &n), MP_EINVAL);
	assert_string_equal(n.field, "besluit-datum");
	assert_int_equal(rows(), before);

	/* Newest first; a knows its successor. */
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_journal_list(E.db, dossier, "2026-03-03", 0, 10,
	    collect, &s), MP_OK);
	assert_int_equal(s.n, 3);
	assert_int_equal(s.id[0], b);
	assert_int_equal(s.id[1], a);
	assert_int_equal(s.replaced_by[1], b);
	assert_int_equal(s.replaced_by[0], 0);
	assert_int_equal(s.id[2], note);
	/* A page of it: the second alone still knows its successor. */
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_journal_list(E.db, dossier, "2026-03-03", 1, 1,
	    collect, &s), MP_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.id[0], a);
	assert_int_equal(s.replaced_by[0], b);
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_journal_list(E.db, dossier, "2026-03-03", 3, 10,
	    collect, &s), MP_OK);
	assert_int_equal(s.n, 0);
	assert_int_equal(mp_journal_count(E.db, dossier, &t), MP_OK);
	assert_int_equal(t, 3);
	/* Only b may still be replaced. */
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_journal_decisions_current(E.db, dossier, cur,
	    &s), MP_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.id[0], b);
}

static void
test_task(void **state)
{
	struct mp_journal_new	 n;
	struct mp_journal_edit	 e;
	struct seen		 s;
	long long		 t, before;

	(void)state;
	memset(&n, 0, sizeof(n));
	n.dossier = dossier;
	n.kind = MP_JOURNAL_TASK;
	n.body = "Adres controleren";
	n.task_type = "adrescontrole";
	n.assignee = user;
	n.due = "2026-03-29";
	n.user_id = user;
	n.actor = "jan";
	before = rows();
	n.due = "29-03-2026";
	assert_int_equal(mp_journal_add(E.db, &n), MP_EINVAL);
	assert_string_equal(n.field, "taak-datum");
	assert_int_equal(rows(), before);
	n.due = "2026-03-29";
	assert_int_equal(mp_journal_add(E.db, &n), MP_OK);
	t = n.id;

	/* Due today is open, not overdue; tomorrow it is. */
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_journal_open_tasks(E.db, dossier, "2026-03-29",
	    collect, &s), MP_OK);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.version[0], 1);

	memset(&e, 0, sizeof(e));
	e.dossier = dossier;
	e.id = t;
	e.version = 1;
	e.assignee = user;
	e.due = "2026-04-01";
	e.status = "open";
	e.actor = "jan";
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_OK);
	assert_string_equal(e.changed, "datum");
	assert_int_equal(events("taak gewijzigd"), 1);

	/* A second editor who saw version 1: refused, nothing written. */
	e.due = "2026-05-01";
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_EDUP);
	assert_non_null(e.why);
	assert_int_equal(events("taak gewijzigd"), 1);

	/* Done needs an outcome; done -> cancelled needs a reopening. */
	e.version = 2;
	e.due = "2026-04-01";
	e.status = "done";
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_EINVAL);
	assert_string_equal(e.field, "taak-resultaat");
	e.outcome = "pand gesloten";
	e.outcome_note = "Sleutels ingeleverd";
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_OK);
	assert_string_equal(e.changed, "status, resultaat, toelichting");
	e.version = 3;
	e.status = "cancelled";
	e.outcome = NULL;
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_EINVAL);
	assert_string_equal(e.field, "taak-status");
	/* Unchanged: nothing written. */
	e.status = "done";
	e.outcome = "pand gesloten";
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_OK);
	assert_string_equal(e.changed, "");
	assert_int_equal(events("taak gewijzigd"), 2);

	/* A decision or note is no task: no edit reaches it. */
	e.id = testdb_int(E.db, "SELECT MIN(id) FROM dossier_journal WHERE"
	    " kind = 'decision'", NULL, 0);
	e.version = 1;
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_ENOTFOUND);
	/* Nor one of another dossier. */
	e.id = t;
	e.dossier = other;
	e.version = 3;
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_ENOTFOUND);
	memset(&s, 0, sizeof(s));
	assert_int_equal(mp_journal_open_tasks(E.db, dossier, "2026-04-02",
	    collect, &s), MP_OK);
	assert_int_equal(s.n, 0);
}

/* ------------------------------------------------------------------ */
/* "Mijn taken" counts (dossier_task_count, 045) against direct SQL.   */

/* The direct count, as STMT_MINE_COUNT read it before 045. */
#define DIRECT_MINE \
	" FROM dossier_journal j JOIN dossier d ON d.id = j.dossier_id" \
	" WHERE j.assignee_id = ? AND j.task_status = 'open' AND (? = 1" \
	" OR d.team_id IN (SELECT ut.team_id FROM user_team ut" \
	" WHERE ut.user_id = ?) OR EXISTS (SELECT 1 FROM dossier_member dm" \
	" WHERE dm.dossier_id = d.id AND dm.user_id = ?))"

/* u's counts as u (manage: as a coordinator) equal the direct ones. */
static void
mine_equal(long long u, int manage, const char *today, long long want)
{
	struct mp_dbval	 vis[MP_DOSSIER_VIS], v[5];
	long long	 total = -1, late = -1;

	vis[0] = MP_DBINT(manage);
	vis[1] = MP_DBINT(u);
	vis[2] = MP_DBINT(u);
	assert_int_equal(mp_journal_mine_count(E.db, u, vis, today, &total,
	    &late), MP_OK);
	v[0] = MP_DBTEXT(today);
	v[1] = MP_DBINT(u);
	v[2] = MP_DBINT(manage);
	v[3] = MP_DBINT(u);
	v[4] = MP_DBINT(u);
	assert_int_equal(total, testdb_int(E.db, "SELECT COUNT(*)"
	    DIRECT_MINE, v + 1, 4));
	assert_int_equal(late, testdb_int(E.db, "SELECT"
	    " COALESCE(SUM(j.due_date < ?), 0)" DIRECT_MINE, v, 5));
	if (want >= 0)
		assert_int_equal(total, want);
}

/* Every row of dossier_task_count equals a direct count, and back. */
static void
table_exact(void)
{

	assert_int_equal(testdb_int(E.db, "SELECT COUNT(*) FROM"
	    " dossier_task_count c WHERE c.n <> (SELECT COUNT(*)"
	    " FROM dossier_journal j JOIN dossier d ON d.id = j.dossier_id"
	    " WHERE j.task_status = 'open' AND j.assignee_id = c.assignee_id"
	    " AND d.team_id = c.team_id"
	    " AND COALESCE(j.due_date, '9999-12-31') = c.due_date)", NULL, 0),
	    0);
	assert_int_equal(testdb_int(E.db, "SELECT COUNT(*) FROM"
	    " dossier_journal j JOIN dossier d ON d.id = j.dossier_id"
	    " WHERE j.task_status = 'open' AND NOT EXISTS (SELECT 1"
	    " FROM dossier_task_count c WHERE c.assignee_id = j.assignee_id"
	    " AND c.team_id = d.team_id"
	    " AND c.due_date = COALESCE(j.due_date, '9999-12-31'))", NULL, 0),
	    0);
}

/* After each kind of change: a, b as themselves and as coordinators. */
static void
all_equal(long long a, long long b, long long want_a, long long want_b)
{

	table_exact();
	mine_equal(a, 0, "2026-03-10", want_a);
	mine_equal(b, 0, "2026-03-10", want_b);
	mine_equal(a, 1, "2026-03-10", -1);
	mine_equal(b, 1, "2026-03-10", -1);
	/* The day a task falls due and the day after. */
	mine_equal(a, 0, "2026-04-01", -1);
	mine_equal(a, 0, "2026-04-02", -1);
}

static long long
add_task(long long in, long long to, const char *due)
{
	struct mp_journal_new	 n;

	memset(&n, 0, sizeof(n));
	n.dossier = in;
	n.kind = MP_JOURNAL_TASK;
	n.body = "Tellen";
	n.task_type = "gesprek";
	n.assignee = to;
	n.due = due;
	n.user_id = user;
	n.actor = "jan";
	assert_int_equal(mp_journal_add(E.db, &n), MP_OK);
	return n.id;
}

static void
edit_task(long long in, long long id, long long to, const char *due,
    const char *status)
{
	struct mp_journal_edit	 e;
	struct mp_dbval		 v[1];

	memset(&e, 0, sizeof(e));
	v[0] = MP_DBINT(id);
	e.dossier = in;
	e.id = id;
	e.version = testdb_int(E.db, "SELECT version FROM dossier_journal"
	    " WHERE id = ?", v, 1);
	e.assignee = to;
	e.due = due;
	e.status = status;
	e.outcome = strcmp(status, "done") == 0 ? "pand gesloten" : NULL;
	e.actor = "jan";
	assert_int_equal(mp_journal_task_update(E.db, &e), MP_OK);
}

static long long
sql_id(const char *sql, struct mp_dbval *v, size_t nv)
{
	unsigned long long	 id = 0;

	assert_int_equal(mp_db_exec(E.db, sql, v, nv, NULL, &id), MP_OK);
	return (long long)id;
}

static void
test_mine_counts(void **state)
{
	struct mp_dbval	 v[3];
	long long	 tj, tk, a, b, dk, dm, t1, t2, t3;

	(void)state;
	/* a: handler of team J, member of dk (team K); b: of team K. */
	v[0] = MP_DBINT(dossier);
	tj = testdb_int(E.db, "SELECT team_id FROM dossier WHERE id = ?", v,
	    1);
	tk = sql_id("INSERT INTO team (name) VALUES ('K')", NULL, 0);
	a = sql_id("INSERT INTO app_user (username, display_name, role)"
	    " VALUES ('piet', 'Piet', 'handler')", NULL, 0);
	b = sql_id("INSERT INTO app_user (username, display_name, role)"
	    " VALUES ('anna', 'Anna', 'handler')", NULL, 0);
	v[0] = MP_DBINT(a);
	v[1] = MP_DBINT(tj);
	(void)sql_id("INSERT INTO user_team (user_id, team_id) VALUES (?, ?)",
	    v, 2);
	v[0] = MP_DBINT(b);
	v[1] = MP_DBINT(tk);
	(void)sql_id("INSERT INTO user_team (user_id, team_id) VALUES (?, ?)",
	    v, 2);
	v[0] = MP_DBINT(tk);
	v[1] = MP_DBINT(user);
	dk = sql_id("INSERT INTO dossier (number, title, theme, team_id,"
	    " created_by, created_at) VALUES ('D-2026-0003', 'K',"
	    " 'woonoverlast', ?, ?, UTC_TIMESTAMP())", v, 2);
	dm = sql_id("INSERT INTO dossier (number, title, theme, team_id,"
	    " created_by, created_at) VALUES ('D-2026-0004', 'M',"
	    " 'woonoverlast', ?, ?, UTC_TIMESTAMP())", v, 2);
	v[0] = MP_DBINT(dk);
	v[1] = MP_DBINT(a);
	v[2] = MP_DBINT(user);
	(void)sql_id("INSERT INTO dossier_member (dossier_id, user_id,"
	    " added_by, added_at) VALUES (?, ?, ?, UTC_TIMESTAMP())", v, 3);
	all_equal(a, b, 0, 0);

	/* Created: in a's team (overdue), in dk where a is a member. */
	t1 = add_task(dossier, a, "2026-03-01");
	all_equal(a, b, 1, 0);
	t2 = add_task(dk, a, "2026-04-01");
	all_equal(a, b, 2, 0);
	/* In dm (team K): a is assigned but may not see it. */
	t3 = add_task(dm, a, "2026-03-02");
	all_equal(a, b, 2, 0);
	/* Reassigned to b, who sees it; then its date moved. */
	edit_task(dm, t3, b, "2026-03-02", "open");
	all_equal(a, b, 2, 1);
	edit_task(dm, t3, b, "2026-05-02", "open");
	all_equal(a, b, 2, 1);
	/* Completed, cancelled, reopened. */
	edit_task(dossier, t1, a, "2026-03-01", "done");
	all_equal(a, b, 1, 1);
	edit_task(dm, t3, b, "2026-05-02", "cancelled");
	all_equal(a, b, 1, 0);
	edit_task(dm, t3, b, "2026-05-02", "open");
	all_equal(a, b, 1, 1);
	/* a no longer a member of dk: its task out of a's sight. */
	v[0] = MP_DBINT(dk);
	v[1] = MP_DBINT(a);
	(void)sql_id("DELETE FROM dossier_member WHERE dossier_id = ?"
	    " AND user_id = ?", v, 2);
	all_equal(a, b, 0, 1);
	/* dk closed: its open tasks stay open and counted (b's team). */
	(void)sql_id("UPDATE dossier SET status = 'afgesloten', outcome ="
	    " 'pand gesloten', closed_at = UTC_TIMESTAMP() WHERE id = ?", v, 1);
	all_equal(a, b, 0, 1);
	/* Moved to team J (the application never does): a sees it again. */
	v[0] = MP_DBINT(tj);
	v[1] = MP_DBINT(dk);
	(void)sql_id("UPDATE dossier SET team_id = ? WHERE id = ?", v, 2);
	all_equal(a, b, 1, 1);
	/* Deleted as retention erases a dossier's journal. */
	v[0] = MP_DBINT(dk);
	(void)sql_id("DELETE FROM dossier_journal WHERE dossier_id = ?", v,
	    1);
	all_equal(a, b, 0, 1);
	/* A dossier deleted: its rows by ON DELETE CASCADE. */
	v[0] = MP_DBINT(dm);
	(void)sql_id("DELETE FROM dossier_event WHERE dossier_id = ?", v, 1);
	(void)sql_id("DELETE FROM dossier WHERE id = ?", v, 1);
	all_equal(a, b, 0, 0);
	(void)t2;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_today),
		cmocka_unit_test(test_today_zoneinfo),
		cmocka_unit_test(test_overdue),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_task_moves),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_task),
		cmocka_unit_test(test_mine_counts),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
