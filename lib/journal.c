/*
 * journal.c -- the journal of a dossier: every statement on
 * dossier_journal and its rules (see journal.h).  Decisions are only
 * ever inserted: the one UPDATE below names kind = 'task'.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "dossier.h"
#include "journal.h"
#include "nltime.h"
#include "role.h"
#include "sqltext.h"
#include "user.h"
#include "valid.h"

/* ------------------------------------------------------------------ */
/* Dates: today in Europe/Amsterdam.                                   */

void
mp_journal_today(time_t now, char out[MP_JOURNAL_DATE_LEN])
{

	mp_nltime_date(now, out);
}

int
mp_journal_overdue(const char *status, const char *due, const char *today)
{

	return status != NULL && strcmp(status, MP_TASK_OPEN) == 0 &&
	    due != NULL && *due != '\0' && today != NULL &&
	    strcmp(due, today) < 0;
}

int
mp_journal_date_valid(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int	 y, m, d, i, leap;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 2000 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

/* ------------------------------------------------------------------ */
/* Kinds and task statuses.                                            */

const char *
mp_journal_kind_label(const char *kind)
{

	if (kind == NULL)
		return "";
	if (strcmp(kind, MP_JOURNAL_NOTE) == 0)
		return "notitie";
	if (strcmp(kind, MP_JOURNAL_DECISION) == 0)
		return "besluit";
	if (strcmp(kind, MP_JOURNAL_TASK) == 0)
		return "taak";
	return "";
}

const char *const mp_journal_task_statuses[] = {
	MP_TASK_OPEN, MP_TASK_DONE, MP_TASK_CANCELLED, NULL
};

const char *
mp_journal_task_label(const char *status)
{

	if (status == NULL)
		return "";
	if (strcmp(status, MP_TASK_OPEN) == 0)
		return "open";
	if (strcmp(status, MP_TASK_DONE) == 0)
		return "uitgevoerd";
	if (strcmp(status, MP_TASK_CANCELLED) == 0)
		return "vervallen";
	return "";
}

/*
 * Done needs an outcome (the municipality counts its results);
 * cancelled does not; a closed task may be reopened; done and
 * cancelled do not turn into each other (reopen first: the history
 * then says so).
 */
static const struct {
	const char	*from, *to;
	int		 outcome;
} task_moves[] = {
	{ MP_TASK_OPEN, MP_TASK_DONE, 1 },
	{ MP_TASK_OPEN, MP_TASK_CANCELLED, 0 },
	{ MP_TASK_DONE, MP_TASK_OPEN, 0 },
	{ MP_TASK_CANCELLED, MP_TASK_OPEN, 0 },
};

static int
task_status(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && mp_journal_task_statuses[i] != NULL; i++)
		if (strcmp(s, mp_journal_task_statuses[i]) == 0)
			return 1;
	return 0;
}

int
mp_journal_task_allowed(const char *from, const char *to, int *needs)
{
	size_t	 i;

	*needs = 0;
	if (!task_status(from) || !task_status(to))
		return 0;
	if (strcmp(from, to) == 0) {
		*needs = strcmp(to, MP_TASK_DONE) == 0;
		return 1;
	}
	for (i = 0; i < MP_NELEM(task_moves); i++)
		if (strcmp(task_moves[i].from, from) == 0 &&
		    strcmp(task_moves[i].to, to) == 0) {
			*needs = task_moves[i].outcome;
			return 1;
		}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Statements.                                                         */

enum stmt {
	STMT_INSERT,
	STMT_DECISION,
	STMT_REPLACED,
	STMT_LIST,
	STMT_COUNT,
	STMT_POSITION,
	STMT_OPEN,
	STMT_TASK,
	STMT_TASK_LOCK,
	STMT_TASK_UPDATE,
	STMT_MINE,
	STMT_MINE_COUNT,
	STMT_CANDIDATES,
	STMT_CURRENT,
	STMT__MAX
};

/*
 * An entry's columns (enum jcol), from j, its author c, assignee u;
 * replaced: the expression of its successor's id; from: where j comes
 * from.
 */
#define ENTRY_SELECT(replaced, from) \
	"SELECT j.id, j.kind, j.body, j.reason, j.decided_by," \
	" DATE_FORMAT(j.decided_on, '%Y-%m-%d'), j.replaces_id, " \
	replaced ", j.task_type, j.assignee_id, u.display_name," \
	" DATE_FORMAT(j.due_date, '%Y-%m-%d'), j.task_status, j.outcome," \
	" j.outcome_note, j.version, c.display_name," \
	" UNIX_TIMESTAMP(j.created_at) FROM " from \
	" JOIN app_user c ON c.id = j.created_by" \
	" LEFT JOIN app_user u ON u.id = j.assignee_id"
/* One entry's successor: one dive into dossier_journal_replaces. */
#define ENTRY_COLS ENTRY_SELECT("(SELECT MIN(n.id) FROM dossier_journal n" \
	" WHERE n.replaces_id = j.id)", "dossier_journal j")

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSERT */
	"INSERT INTO dossier_journal (dossier_id, kind, body, reason,"
	" decided_by, decided_on, replaces_id, task_type, assignee_id,"
	" due_date, task_status, created_by, created_at) VALUES (?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	/* STMT_DECISION: a decision of this dossier. */
	"SELECT id FROM dossier_journal WHERE id = ? AND dossier_id = ?"
	" AND kind = 'decision'",
	/* STMT_REPLACED: its successor, if any. */
	"SELECT id FROM dossier_journal WHERE replaces_id = ? LIMIT 1",
	/*
	 * STMT_LIST: a page, newest first.  The page's ids first, from
	 * the index dossier_journal_dossier alone (the entries skipped
	 * before it are index entries, not rows and joins), then their
	 * rows.  The successors of the whole dossier come from one small
	 * derived table (the decisions that replace one, from the index
	 * dossier_journal_dossier_replaces of 045) instead of a dive per
	 * entry: 500 dives were 2.7-3.7 ms of the big dossier's page.
	 * Not split per row (split_materialized would make it the dives
	 * again).
	 */
	"SET STATEMENT optimizer_switch='split_materialized=off' FOR "
	ENTRY_SELECT("rb.nid", "(SELECT p.id FROM dossier_journal p"
	" WHERE p.dossier_id = ? ORDER BY p.created_at DESC, p.id DESC"
	" LIMIT ? OFFSET ?) pg STRAIGHT_JOIN dossier_journal j"
	" ON j.id = pg.id")
	" LEFT JOIN (SELECT n.replaces_id AS rid,"
	" MIN(n.id) AS nid FROM dossier_journal n WHERE n.dossier_id = ?"
	" AND n.replaces_id IS NOT NULL GROUP BY n.replaces_id) rb"
	" ON rb.rid = j.id ORDER BY j.created_at DESC, j.id DESC",
	/* STMT_COUNT: the entries, for the pages (the index alone). */
	"SELECT COUNT(*) FROM dossier_journal WHERE dossier_id = ?",
	/*
	 * STMT_POSITION: how many entries of its dossier come before
	 * entry x in STMT_LIST's order (dossier_journal_dossier).
	 */
	"SELECT COUNT(*) FROM dossier_journal x JOIN dossier_journal j"
	" ON j.dossier_id = x.dossier_id AND (j.created_at > x.created_at"
	" OR (j.created_at = x.created_at AND j.id > x.id))"
	" WHERE x.id = ? AND x.dossier_id = ?",
	/* STMT_OPEN: the open tasks, earliest due first. */
	ENTRY_COLS " WHERE j.dossier_id = ? AND j.kind = 'task'"
	" AND j.task_status = 'open' ORDER BY j.due_date, j.id",
	/* STMT_TASK */
	ENTRY_COLS " WHERE j.id = ? AND j.dossier_id = ? AND j.kind = 'task'",
	/* STMT_TASK_LOCK */
	ENTRY_COLS " WHERE j.id = ? AND j.dossier_id = ? AND j.kind = 'task'"
	" FOR UPDATE",
	/* STMT_TASK_UPDATE: tasks only, against the version seen. */
	"UPDATE dossier_journal SET assignee_id = ?, due_date = ?,"
	" task_status = ?, outcome = ?, outcome_note = ?,"
	" version = version + 1, updated_at = UTC_TIMESTAMP()"
	" WHERE id = ? AND kind = 'task' AND version = ?",
	/*
	 * STMT_MINE: dossier_journal_assignee gives the order (overdue
	 * are the earliest due); the rule drops dossiers out of sight.
	 */
	"SELECT j.id, j.dossier_id, d.number, d.title, j.task_type, j.body,"
	" DATE_FORMAT(j.due_date, '%Y-%m-%d') FROM dossier_journal j"
	" JOIN dossier d ON d.id = j.dossier_id"
	" WHERE j.assignee_id = ? AND j.task_status = 'open'"
	" AND {dossier_visible} ORDER BY j.due_date, j.id LIMIT ?",
	/*
	 * STMT_MINE_COUNT: all, and those overdue, on every dossier list
	 * page.  From dossier_task_count (045, kept by triggers) for the
	 * teams the user sees (all for a manager), plus, for anyone
	 * else, the tasks in dossiers they are a member of outside those
	 * teams, looked for only when the counts say there are open
	 * tasks outside them (the uncorrelated EXISTS runs once).  The
	 * two parts do not overlap: together the rule {dossier_visible}.
	 * Parameters: today; assignee, the rule's first two; the rule's
	 * three, assignee; assignee, the user.
	 */
	"SELECT COALESCE(SUM(u.n), 0), COALESCE(SUM(IF(u.due < ?, u.n, 0)),"
	" 0) FROM (SELECT c.n, c.due_date AS due FROM dossier_task_count c"
	" WHERE c.assignee_id = ? AND (? = 1 OR c.team_id IN"
	" (SELECT ut.team_id FROM user_team ut WHERE ut.user_id = ?))"
	" UNION ALL"
	" SELECT 1, j.due_date FROM dossier_member dm"
	" STRAIGHT_JOIN dossier d ON d.id = dm.dossier_id"
	" STRAIGHT_JOIN dossier_journal j ON j.dossier_id = d.id"
	" WHERE ? = 0 AND dm.user_id = ? AND d.team_id NOT IN"
	" (SELECT ut.team_id FROM user_team ut WHERE ut.user_id = ?)"
	" AND j.assignee_id = ? AND j.task_status = 'open'"
	" AND EXISTS (SELECT 1 FROM dossier_task_count o"
	" WHERE o.assignee_id = ? AND o.n > 0 AND o.team_id NOT IN"
	" (SELECT ot.team_id FROM user_team ot WHERE ot.user_id = ?))) u",
	/*
	 * STMT_CANDIDATES: active users of the team, members and
	 * coordinators; mp_dossier_may_see decides in C on each.
	 */
	"SELECT u.id, u.username, u.display_name, u.role FROM app_user u"
	" WHERE u.disabled = 0 AND (u.role = ? OR u.id IN (SELECT ut.user_id"
	" FROM user_team ut JOIN dossier d ON d.team_id = ut.team_id"
	" WHERE d.id = ?) OR u.id IN (SELECT dm.user_id FROM dossier_member dm"
	" WHERE dm.dossier_id = ?)) ORDER BY u.display_name, u.id",
	/* STMT_CURRENT: decisions no later one replaces. */
	"SELECT j.id, j.body, DATE_FORMAT(j.decided_on, '%Y-%m-%d')"
	" FROM dossier_journal j WHERE j.dossier_id = ?"
	" AND j.kind = 'decision' AND NOT EXISTS (SELECT 1"
	" FROM dossier_journal n WHERE n.replaces_id = j.id)"
	" ORDER BY j.id DESC",
};

static const struct mp_sqltext_part parts[] = {
	{ "dossier_visible", mp_dossier_sql_visible },
	{ NULL, NULL }
};

struct mp_sqltext_set mp_journal_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&mp_journal_sql, (s))

/* ENTRY_COLS' columns. */
enum jcol {
	JC_ID, JC_KIND, JC_BODY, JC_REASON, JC_DECIDED_BY, JC_DECIDED_ON,
	JC_REPLACES, JC_REPLACED_BY, JC_TYPE, JC_ASSIGNEE, JC_ASSIGNEE_NAME,
	JC_DUE, JC_STATUS, JC_OUTCOME, JC_NOTE, JC_VERSION, JC_AUTHOR,
	JC_CREATED
};
/* STMT_MINE's. */
enum mcol { MC_ID, MC_DOSSIER, MC_NUMBER, MC_TITLE, MC_TYPE, MC_BODY,
	MC_DUE };
/* STMT_MINE_COUNT's. */
enum ncol { NC_TOTAL, NC_LATE };
/* STMT_CANDIDATES'. */
enum ccol { CC_ID, CC_USERNAME, CC_DISPLAY, CC_ROLE };
/* STMT_CURRENT's. */
enum dcol { DC_ID, DC_BODY, DC_ON };

static const char *
txt(struct mp_stmt *st, unsigned col)
{
	const char	*s = mp_db_text(st, col, NULL);

	return s != NULL ? s : "";
}

static void
read_entry(struct mp_stmt *st, const char *today, struct mp_journal_entry *e)
{

	memset(e, 0, sizeof(*e));
	e->id = mp_db_int(st, JC_ID);
	e->kind = txt(st, JC_KIND);
	e->body = txt(st, JC_BODY);
	e->reason = txt(st, JC_REASON);
	e->decided_by = txt(st, JC_DECIDED_BY);
	e->decided_on = txt(st, JC_DECIDED_ON);
	e->replaces = mp_db_int(st, JC_REPLACES);
	e->replaced_by = mp_db_int(st, JC_REPLACED_BY);
	e->task_type = txt(st, JC_TYPE);
	e->assignee = mp_db_int(st, JC_ASSIGNEE);
	e->assignee_name = txt(st, JC_ASSIGNEE_NAME);
	e->due = txt(st, JC_DUE);
	e->task_status = txt(st, JC_STATUS);
	e->outcome = txt(st, JC_OUTCOME);
	e->outcome_note = txt(st, JC_NOTE);
	e->version = mp_db_int(st, JC_VERSION);
	e->author = txt(st, JC_AUTHOR);
	e->created_at = mp_db_int(st, JC_CREATED);
	e->overdue = mp_journal_overdue(e->task_status, e->due, today);
}

/* Text s: present, not blank, at most max characters. */
static int
text_ok(const char *s, size_t max, int multiline)
{

	return s != NULL && !mp_valid_blank(s, strlen(s)) &&
	    mp_valid_text(s, strlen(s), max, multiline);
}

static struct mp_dbval
opt_text(const char *s)
{

	return s != NULL && *s != '\0' ? MP_DBTEXT(s) : MP_DBNULL();
}

/* A decision's checks: fields, and what it replaces. */
static enum mp_err
decision_check(struct mp_db *db, struct mp_journal_new *n)
{
	struct mp_dbval	 v[2];
	long long	 x = 0;
	enum mp_err	 er;

	if (!text_ok(n->reason, MP_JOURNAL_TEXT_MAX, 1)) {
		n->field = "besluit-reden";
		return MP_EINVAL;
	}
	if (!text_ok(n->decided_by, MP_JOURNAL_NAME_MAX, 0)) {
		n->field = "besluit-door";
		return MP_EINVAL;
	}
	if (!mp_journal_date_valid(n->decided_on)) {
		n->field = "besluit-datum";
		return MP_EINVAL;
	}
	if (n->replaces == 0)
		return MP_OK;
	n->field = "besluit-vervangt";
	v[0] = MP_DBINT(n->replaces);
	v[1] = MP_DBINT(n->dossier);
	if ((er = mp_db_query_int(db, SQL(STMT_DECISION), v, 2, &x)) != MP_OK)
		return er;
	/* The dossier row is locked: no one replaces it meanwhile. */
	if ((er = mp_db_query_int(db, SQL(STMT_REPLACED), v, 1, &x)) == MP_OK)
		return MP_EDUP;
	if (er != MP_ENOTFOUND)
		return er;
	n->field = NULL;
	return MP_OK;
}

/* The history's line of a new entry: ids and configured values only. */
static void
add_event_text(const struct mp_journal_new *n, char *out, size_t sz)
{

	if (strcmp(n->kind, MP_JOURNAL_TASK) == 0)
		(void)snprintf(out, sz, "taak %lld: %s, uiterlijk %s", n->id,
		    n->task_type, n->due);
	else if (strcmp(n->kind, MP_JOURNAL_DECISION) == 0 &&
	    n->replaces > 0)
		(void)snprintf(out, sz, "besluit %lld, vervangt besluit %lld",
		    n->id, n->replaces);
	else
		(void)snprintf(out, sz, "%s %lld",
		    mp_journal_kind_label(n->kind), n->id);
}

enum mp_err
mp_journal_add(struct mp_db *db, struct mp_journal_new *n)
{
	struct mp_dbval		 v[12];
	unsigned long long	 id = 0;
	char			 ev[MP_DOSSIER_ENTRY_MAX * 4 + 64];
	int			 task, dec;
	enum mp_err		 er;

	n->id = 0;
	n->field = NULL;
	if (n->kind == NULL || *mp_journal_kind_label(n->kind) == '\0')
		return MP_EINVAL;
	task = strcmp(n->kind, MP_JOURNAL_TASK) == 0;
	dec = strcmp(n->kind, MP_JOURNAL_DECISION) == 0;
	if (!text_ok(n->body, MP_JOURNAL_TEXT_MAX, 1)) {
		n->field = task ? "taak-omschrijving" : dec ? "besluit-wat" :
		    "notitie-tekst";
		return MP_EINVAL;
	}
	if (dec && (er = decision_check(db, n)) != MP_OK)
		return er;
	if (task && (n->task_type == NULL || n->assignee <= 0 ||
	    !mp_journal_date_valid(n->due))) {
		n->field = n->task_type == NULL ? "taak-soort" :
		    n->assignee <= 0 ? "taak-uitvoerder" : "taak-datum";
		return MP_EINVAL;
	}
	v[0] = MP_DBINT(n->dossier);
	v[1] = MP_DBTEXT(n->kind);
	v[2] = MP_DBTEXT(n->body);
	v[3] = dec ? MP_DBTEXT(n->reason) : MP_DBNULL();
	v[4] = dec ? MP_DBTEXT(n->decided_by) : MP_DBNULL();
	v[5] = dec ? MP_DBTEXT(n->decided_on) : MP_DBNULL();
	v[6] = dec && n->replaces > 0 ? MP_DBINT(n->replaces) : MP_DBNULL();
	v[7] = task ? MP_DBTEXT(n->task_type) : MP_DBNULL();
	v[8] = task ? MP_DBINT(n->assignee) : MP_DBNULL();
	v[9] = task ? MP_DBTEXT(n->due) : MP_DBNULL();
	v[10] = task ? MP_DBTEXT(MP_TASK_OPEN) : MP_DBNULL();
	v[11] = MP_DBINT(n->user_id);
	if ((er = mp_db_exec(db, SQL(STMT_INSERT), v, 12, NULL, &id)) != MP_OK)
		return er;
	n->id = (long long)id;
	add_event_text(n, ev, sizeof(ev));
	return mp_dossier_event_add(db, n->dossier, mp_journal_kind_label(
	    n->kind), n->actor, NULL, ev);
}

static enum mp_err
entries(struct mp_db *db, const char *sql, struct mp_dbval *v, size_t nv,
    const char *today, mp_journal_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_journal_entry	 e;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, sql, v, nv)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		read_entry(st, today, &e);
		fn(&e, arg);
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_journal_list(struct mp_db *db, long long id, const char *today,
    unsigned offset, unsigned limit, mp_journal_fn fn, void *arg)
{
	struct mp_dbval	 v[4];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(limit);
	v[2] = MP_DBINT(offset);
	v[3] = MP_DBINT(id);
	er = entries(db, SQL(STMT_LIST), v, 4, today, fn, arg);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_journal_count(struct mp_db *db, long long id, long long *n)
{
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	*n = 0;
	v[0] = MP_DBINT(id);
	er = mp_db_query_int(db, SQL(STMT_COUNT), v, 1, n);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_journal_position(struct mp_db *db, long long id, long long entry,
    long long *n)
{
	struct mp_dbval	 v[2];
	enum mp_err	 er;

	*n = 0;
	v[0] = MP_DBINT(entry);
	v[1] = MP_DBINT(id);
	er = mp_db_query_int(db, SQL(STMT_POSITION), v, 2, n);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_journal_open_tasks(struct mp_db *db, long long id, const char *today,
    mp_journal_fn fn, void *arg)
{
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	er = entries(db, SQL(STMT_OPEN), v, 1, today, fn, arg);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

struct found {
	mp_journal_fn	 fn;
	void		*arg;
	int		 n;
};

static void
found_one(const struct mp_journal_entry *e, void *arg)
{
	struct found	*f = arg;

	f->n++;
	f->fn(e, f->arg);
}

enum mp_err
mp_journal_task_get(struct mp_db *db, long long dossier, long long id,
    const char *today, int lock, mp_journal_fn fn, void *arg)
{
	struct mp_dbval	 v[2];
	struct found	 f;
	enum mp_err	 er;

	f.fn = fn;
	f.arg = arg;
	f.n = 0;
	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(dossier);
	er = entries(db, SQL(lock ? STMT_TASK_LOCK : STMT_TASK), v, 2, today,
	    found_one, &f);
	if (er == MP_ENOTFOUND && f.n > 0)
		er = MP_OK;
	return er;
}

/* The task as it is now (locked), for the edit's comparison. */
struct now {
	long long	 version;
	long long	 assignee;
	char		 due[MP_JOURNAL_DATE_LEN];
	char		 status[16];
	char		 outcome[MP_DOSSIER_ENTRY_MAX * 4 + 1];
	int		 note;		/* has an outcome text */
	char		 note_text[64];	/* its first bytes, to compare */
};

static void
now_row(const struct mp_journal_entry *e, void *arg)
{
	struct now	*n = arg;

	n->version = e->version;
	n->assignee = e->assignee;
	(void)snprintf(n->due, sizeof(n->due), "%s", e->due);
	(void)snprintf(n->status, sizeof(n->status), "%s", e->task_status);
	(void)snprintf(n->outcome, sizeof(n->outcome), "%s", e->outcome);
	n->note = *e->outcome_note != '\0';
	(void)snprintf(n->note_text, sizeof(n->note_text), "%s",
	    e->outcome_note);
}

/* Check e's fields against the task now; 0 with field and why. */
static int
edit_check(struct mp_journal_edit *e, const struct now *n, int *needs)
{

	if (e->assignee <= 0) {
		e->field = "taak-uitvoerder";
		e->why = "Kies een uitvoerder uit de lijst.";
		return 0;
	}
	if (!mp_journal_date_valid(e->due)) {
		e->field = "taak-datum";
		e->why = "Geef een geldige datum (jjjj-mm-dd).";
		return 0;
	}
	if (!mp_journal_task_allowed(n->status, e->status, needs)) {
		e->field = "taak-status";
		e->why = "Deze statuswijziging van de taak is niet mogelijk; "
		    "heropen de taak eerst.";
		return 0;
	}
	if (*needs && (e->outcome == NULL || *e->outcome == '\0')) {
		e->field = "taak-resultaat";
		e->why = "Kies een resultaat om de taak af te ronden.";
		return 0;
	}
	if (e->outcome_note != NULL && *e->outcome_note != '\0' &&
	    !mp_valid_text(e->outcome_note, strlen(e->outcome_note),
	    MP_JOURNAL_TEXT_MAX, 1)) {
		e->field = "taak-toelichting";
		e->why = "De toelichting is te lang of bevat ongeldige "
		    "tekens.";
		return 0;
	}
	return 1;
}

/* The names of the fields e changes, into e->changed. */
static void
edit_changed(struct mp_journal_edit *e, const struct now *n, int needs)
{
	const char	*note = needs && e->outcome_note != NULL ?
	    e->outcome_note : "";
	size_t		 len = 0;

	e->changed[0] = '\0';
#define CHANGED(cond, name) do { \
	if ((cond) && len < sizeof(e->changed)) \
		len += (size_t)snprintf(e->changed + len, \
		    sizeof(e->changed) - len, "%s%s", len ? ", " : "", name); \
} while (0)
	CHANGED(e->assignee != n->assignee, "uitvoerder");
	CHANGED(strcmp(e->due, n->due) != 0, "datum");
	CHANGED(strcmp(e->status, n->status) != 0, "status");
	CHANGED(strcmp(needs ? e->outcome : "", n->outcome) != 0,
	    "resultaat");
	CHANGED((*note != '\0') != n->note || strncmp(note, n->note_text,
	    sizeof(n->note_text) - 1) != 0, "toelichting");
#undef CHANGED
}

enum mp_err
mp_journal_task_update(struct mp_db *db, struct mp_journal_edit *e)
{
	struct mp_dbval		 v[7];
	struct now		 n;
	unsigned long long	 rows = 0;
	char			 ev[MP_DOSSIER_ENTRY_MAX * 4 + 160];
	int			 needs = 0;
	enum mp_err		 er;

	e->field = e->why = NULL;
	e->changed[0] = '\0';
	memset(&n, 0, sizeof(n));
	if ((er = mp_journal_task_get(db, e->dossier, e->id, "", 1, now_row,
	    &n)) != MP_OK)
		return er;
	if (n.version != e->version) {
		e->why = "Iemand anders heeft deze taak intussen gewijzigd. "
		    "Hieronder staan de huidige stand en uw invoer; pas uw "
		    "invoer zo nodig aan en sla opnieuw op.";
		return MP_EDUP;
	}
	if (!edit_check(e, &n, &needs))
		return MP_EINVAL;
	edit_changed(e, &n, needs);
	if (e->changed[0] == '\0')
		return MP_OK;
	v[0] = MP_DBINT(e->assignee);
	v[1] = MP_DBTEXT(e->due);
	v[2] = MP_DBTEXT(e->status);
	v[3] = needs ? MP_DBTEXT(e->outcome) : MP_DBNULL();
	v[4] = needs ? opt_text(e->outcome_note) : MP_DBNULL();
	v[5] = MP_DBINT(e->id);
	v[6] = MP_DBINT(e->version);
	if ((er = mp_db_exec(db, SQL(STMT_TASK_UPDATE), v, 7, &rows, NULL)) !=
	    MP_OK)
		return er;
	if (rows != 1)
		return MP_EDUP;		/* locked above: cannot happen */
	(void)snprintf(ev, sizeof(ev), "taak %lld: %s; status %s%s%s, "
	    "uiterlijk %s", e->id, e->changed, e->status,
	    needs ? "; resultaat: " : "", needs ? e->outcome : "", e->due);
	return mp_dossier_event_add(db, e->dossier, "taak gewijzigd",
	    e->actor, NULL, ev);
}

enum mp_err
mp_journal_mine_count(struct mp_db *db, long long user,
    const struct mp_dbval *vis, const char *today, long long *total,
    long long *late)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[MP_DOSSIER_VIS + 7];
	size_t		 n = 0;
	enum mp_err	 er;

	*total = *late = 0;
	v[n++] = MP_DBTEXT(today);
	v[n++] = MP_DBINT(user);
	v[n++] = vis[0];
	v[n++] = vis[1];
	memcpy(v + n, vis, MP_DOSSIER_VIS * sizeof(*v));
	n += MP_DOSSIER_VIS;
	v[n++] = MP_DBINT(user);
	v[n++] = MP_DBINT(user);
	v[n++] = vis[1];
	if ((er = mp_db_query(db, &st, SQL(STMT_MINE_COUNT), v, n)) !=
	    MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		*total = mp_db_int(st, NC_TOTAL);
		*late = mp_db_int(st, NC_LATE);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_journal_mine(struct mp_db *db, long long user, const struct mp_dbval *vis,
    const char *today, unsigned limit, mp_journal_mine_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_journal_mine	 m;
	struct mp_dbval		 v[MP_DOSSIER_VIS + 2];
	enum mp_err		 er;

	v[0] = MP_DBINT(user);
	memcpy(v + 1, vis, MP_DOSSIER_VIS * sizeof(*v));
	v[MP_DOSSIER_VIS + 1] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, SQL(STMT_MINE), v,
	    MP_DOSSIER_VIS + 2)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		m.id = mp_db_int(st, MC_ID);
		m.dossier = mp_db_int(st, MC_DOSSIER);
		m.number = txt(st, MC_NUMBER);
		m.title = txt(st, MC_TITLE);
		m.task_type = txt(st, MC_TYPE);
		m.body = txt(st, MC_BODY);
		m.due = txt(st, MC_DUE);
		m.overdue = mp_journal_overdue(MP_TASK_OPEN, m.due, today);
		fn(&m, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_journal_candidates(struct mp_db *db, long long id,
    mp_journal_cand_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	enum mp_role	 role;
	enum mp_err	 er;

	v[0] = MP_DBTEXT(mp_role_name(MP_ROLE_COORDINATOR));
	v[1] = MP_DBINT(id);
	v[2] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, SQL(STMT_CANDIDATES), v, 3)) != MP_OK)
		return er;
	/* Admins and auditors in a team never see a dossier. */
	while ((er = mp_db_next(st)) == MP_OK) {
		if (!mp_role_parse(txt(st, CC_ROLE), &role) ||
		    !mp_role_can(role, MP_PERM_DOSSIER_VIEW))
			continue;
		fn(mp_db_int(st, CC_ID), txt(st, CC_USERNAME),
		    txt(st, CC_DISPLAY), arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_journal_may_assign(struct mp_db *db, long long id, long long team,
    long long user, int *ok)
{
	struct mp_user	 u;
	int		 member = 0;
	enum mp_err	 er;

	*ok = 0;
	if ((er = mp_user_get_id(db, user, &u)) == MP_ENOTFOUND)
		return MP_OK;
	if (er != MP_OK || (er = mp_dossier_member_is(db, id, user,
	    &member)) != MP_OK)
		return er;
	*ok = mp_dossier_may_see(&u, team, member);
	return MP_OK;
}

enum mp_err
mp_journal_decisions_current(struct mp_db *db, long long id,
    mp_journal_open_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, SQL(STMT_CURRENT), v, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, DC_ID), txt(st, DC_BODY), txt(st, DC_ON),
		    arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}
