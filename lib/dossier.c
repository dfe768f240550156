/*
 * dossier.c -- the owner of the dossier tables (sql/034): statuses and
 * their transitions, numbers, who sees a dossier, and every statement
 * on them (see dossier.h).  A report's status is never written here:
 * adding a report asks lib/workflow.c.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "access.h"
#include "confkey.h"
#include "db.h"
#include "dossier.h"
#include "message.h"
#include "role.h"
#include "sqltext.h"
#include "user.h"
#include "valid.h"
#include "workflow.h"

const char *const mp_dossier_statuses[] = {
	MP_DOS_OPEN, MP_DOS_RESEARCH, MP_DOS_INTERVENTION, MP_DOS_CLOSED,
	NULL
};

/*
 * Forward through the work, back a step when an intervention needs
 * more research, closing from anywhere (with an outcome), reopening
 * into research: a closed dossier that comes back needs a look first.
 * Skipping research to intervene is refused: an intervention rests on
 * an analysis.
 */
static const struct mp_dossier_transition transitions[] = {
	{ MP_DOS_OPEN, MP_DOS_RESEARCH, "Onderzoek starten", 0 },
	{ MP_DOS_OPEN, MP_DOS_CLOSED, "Afsluiten", 1 },
	{ MP_DOS_RESEARCH, MP_DOS_INTERVENTION, "Interventie starten", 0 },
	{ MP_DOS_RESEARCH, MP_DOS_OPEN, "Terug naar open", 0 },
	{ MP_DOS_RESEARCH, MP_DOS_CLOSED, "Afsluiten", 1 },
	{ MP_DOS_INTERVENTION, MP_DOS_RESEARCH, "Terug naar onderzoek", 0 },
	{ MP_DOS_INTERVENTION, MP_DOS_CLOSED, "Afsluiten", 1 },
	{ MP_DOS_CLOSED, MP_DOS_RESEARCH, "Heropenen", 0 },
};

int
mp_dossier_status(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && mp_dossier_statuses[i] != NULL; i++)
		if (strcmp(s, mp_dossier_statuses[i]) == 0)
			return 1;
	return 0;
}

const struct mp_dossier_transition *
mp_dossier_allowed(const char *from, const char *to)
{
	size_t	 i;

	for (i = 0; from != NULL && to != NULL &&
	    i < MP_NELEM(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    strcmp(transitions[i].to, to) == 0)
			return &transitions[i];
	return NULL;
}

const struct mp_dossier_transition *
mp_dossier_next(const char *from, size_t n)
{
	size_t	 i;

	for (i = 0; from != NULL && i < MP_NELEM(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0 && n-- == 0)
			return &transitions[i];
	return NULL;
}

enum mp_err
mp_dossier_number(char *out, size_t outsz, int year, long long seq)
{
	int	 n;

	if (year < 2000 || year > 9999 || seq < 1 || seq > 99999999)
		return MP_EINVAL;
	n = snprintf(out, outsz, "D-%04d-%04lld", year, seq);
	return n < 0 || (size_t)n >= outsz ? MP_EINVAL : MP_OK;
}

int
mp_dossier_number_valid(const char *s)
{
	size_t	 i, len;

	if (s == NULL || (len = strlen(s)) < 11 || len > 15 ||
	    strncmp(s, "D-", 2) != 0 || s[6] != '-')
		return 0;
	for (i = 2; i < len; i++)
		if (i != 6 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

static const enum mp_ck lists[] = {
	[MP_DOSSIER_THEMES] = MP_CK_DOSSIER_THEMES,
	[MP_DOSSIER_TASK_TYPES] = MP_CK_DOSSIER_TASK_TYPES,
	[MP_DOSSIER_OUTCOMES] = MP_CK_DOSSIER_OUTCOMES,
};

/* The list parser is the configuration's (mp_confkey_list_entry). */
int
mp_dossier_list_entry(const struct mp_conf *c, enum mp_dossier_list l,
    size_t i, char *out, size_t outsz)
{

	if ((unsigned)l >= MP_NELEM(lists))
		return 0;
	return mp_confkey_list_entry(c, lists[l], i, out, outsz);
}

int
mp_dossier_in_list(const struct mp_conf *c, enum mp_dossier_list l,
    const char *s)
{

	if ((unsigned)l >= MP_NELEM(lists))
		return 0;
	return mp_confkey_in_list(c, lists[l], s);
}

/*
 * The rule: three parameters (dossier.h).  A member row is found by
 * the primary key (dossier_id, user_id), the teams by user_team's.
 */
const char mp_dossier_sql_visible[] =
	"(? = 1 OR d.team_id IN (SELECT ut.team_id FROM user_team ut"
	" WHERE ut.user_id = ?) OR EXISTS (SELECT 1 FROM dossier_member dm"
	" WHERE dm.dossier_id = d.id AND dm.user_id = ?))";

void
mp_dossier_params(const struct mp_user *u, struct mp_dbval *v)
{

	v[0] = MP_DBINT(mp_role_can(u->role, MP_PERM_DOSSIER_MANAGE));
	v[1] = MP_DBINT(u->id);
	v[2] = MP_DBINT(u->id);
}

int
mp_dossier_may_see(const struct mp_user *u, long long team, int member)
{
	size_t	 i;

	if (u->disabled || !mp_role_can(u->role, MP_PERM_DOSSIER_VIEW))
		return 0;
	if (mp_role_can(u->role, MP_PERM_DOSSIER_MANAGE) || member)
		return 1;
	for (i = 0; i < u->nteams; i++)
		if (u->teams[i] == team)
			return 1;
	return 0;
}

enum stmt {
	STMT_GET,
	STMT_GET_LOCK,
	STMT_SEQ_BUMP,
	STMT_SEQ_READ,
	STMT_INSERT,
	STMT_EVENT,
	STMT_STATUS,
	STMT_MEMBER_ADD,
	STMT_MEMBER_DEL,
	STMT_MEMBER_LIST,
	STMT_MEMBER_IS,
	STMT_ANALYSIS_TOP,
	STMT_ANALYSIS_ADD,
	STMT_ANALYSIS_LIST,
	STMT_REPORT_LOCK,
	STMT_REPORT_ADD,
	STMT_REPORT_DEL,
	STMT_REPORT_LIST,
	STMT_REPORT_COUNT,
	STMT_OF_REPORT,
	STMT_SUBJECT_ADD,
	STMT_SUBJECT_LIST,
	STMT_SUBJECT_LIST_ALL,
	STMT_EVENT_LIST,
	STMT_EVENT_COUNT,
	STMT_LIST,
	STMT_COUNT,
	STMT_COUNT_MEMBER,
	STMT_BY_NUMBER,
	STMT_REPORT_BY_REF,
	STMT_LIST_MINE,
	STMT_LIST_LATE,
	STMT_COUNT_MINE,
	STMT_COUNT_LATE,
	STMT_LIST_TEAMS,
	STMT__MAX
};

#define DOSSIER_SELECT \
	"SELECT d.id, d.number, d.title, d.theme, d.status, d.team_id," \
	" t.name, d.outcome, d.created_by, UNIX_TIMESTAMP(d.created_at)," \
	" UNIX_TIMESTAMP(d.closed_at), d.version," \
	" (SELECT COUNT(*) FROM dossier_report x WHERE x.dossier_id = d.id)"
#define DOSSIER_COLS \
	DOSSIER_SELECT \
	" FROM dossier d STRAIGHT_JOIN team t ON t.id = d.team_id"

/*
 * DOSSIER_COLS joins team after dossier (STRAIGHT_JOIN): started from
 * team, MariaDB read every dossier of every team and sorted them for a
 * page of 50 (1.5 s at 100,000 dossiers, bench/dossier); from dossier
 * it walks the primary key or a filter's index in id order and stops
 * after a page.
 */

/* The list's filters: status, theme, team, member; each optional. */
#define LIST_WHERE	" WHERE {dossier_visible}" LIST_FILTERS
#define LIST_FILTERS \
	" AND (? IS NULL OR d.status = ?) AND (? IS NULL OR d.theme = ?)" \
	" AND (? = 0 OR d.team_id = ?) AND (? = 0 OR EXISTS (SELECT 1" \
	" FROM dossier_member mf WHERE mf.dossier_id = d.id" \
	" AND mf.user_id = ?))"

/* The task filters: open tasks of a user; open tasks due before a day. */
#define JOURNAL_MINE \
	"d.id IN (SELECT jm.dossier_id FROM dossier_journal jm" \
	" WHERE jm.assignee_id = ? AND jm.task_status = 'open')"
#define JOURNAL_LATE \
	"d.id IN (SELECT jl.dossier_id FROM dossier_journal jl" \
	" WHERE jl.task_status = 'open' AND jl.due_date < ?)"

static const char *const stmts[STMT__MAX] = {
	/* STMT_GET */
	DOSSIER_COLS " WHERE {dossier_visible} AND d.id = ?",
	/* STMT_GET_LOCK */
	DOSSIER_COLS " WHERE {dossier_visible} AND d.id = ? FOR UPDATE",
	/*
	 * STMT_SEQ_BUMP: the year's counter, created or raised; its row
	 * stays locked to the end of the transaction, so the next
	 * creator waits for this one's number.
	 */
	"INSERT INTO dossier_seq (year, last) VALUES (?, 1)"
	" ON DUPLICATE KEY UPDATE last = last + 1",
	/* STMT_SEQ_READ */
	"SELECT last FROM dossier_seq WHERE year = ?",
	/* STMT_INSERT */
	"INSERT INTO dossier (number, title, theme, status, team_id,"
	" created_by, created_at) VALUES (?, ?, ?, 'open', ?, ?,"
	" UTC_TIMESTAMP())",
	/* STMT_EVENT */
	"INSERT INTO dossier_event (dossier_id, kind, actor, at, old_value,"
	" new_value) VALUES (?, ?, ?, UTC_TIMESTAMP(), ?, ?)",
	/* STMT_STATUS */
	"UPDATE dossier SET status = ?, outcome = ?,"
	" closed_at = IF(? = 'afgesloten', UTC_TIMESTAMP(), NULL),"
	" version = version + 1 WHERE id = ? AND version = ?",
	/* STMT_MEMBER_ADD */
	"INSERT INTO dossier_member (dossier_id, user_id, added_by,"
	" added_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	/* STMT_MEMBER_DEL */
	"DELETE FROM dossier_member WHERE dossier_id = ? AND user_id = ?",
	/* STMT_MEMBER_LIST */
	"SELECT u.id, u.username, u.display_name,"
	" UNIX_TIMESTAMP(m.added_at) FROM dossier_member m"
	" JOIN app_user u ON u.id = m.user_id WHERE m.dossier_id = ?"
	" ORDER BY u.display_name, u.id",
	/* STMT_MEMBER_IS */
	"SELECT 1 FROM dossier_member WHERE dossier_id = ? AND user_id = ?",
	/* STMT_ANALYSIS_TOP: read after the dossier row is locked. */
	"SELECT COALESCE(MAX(version), 0) FROM dossier_analysis"
	" WHERE dossier_id = ?",
	/* STMT_ANALYSIS_ADD */
	"INSERT INTO dossier_analysis (dossier_id, version, body, author_id,"
	" created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	/* STMT_ANALYSIS_LIST */
	"SELECT a.version, a.body, u.display_name,"
	" UNIX_TIMESTAMP(a.created_at) FROM dossier_analysis a"
	" JOIN app_user u ON u.id = a.author_id WHERE a.dossier_id = ?"
	" ORDER BY a.version DESC LIMIT ?",
	/* STMT_REPORT_LOCK: a report the user may see, for its status. */
	"SELECT r.reference, r.status, r.version FROM report r"
	" WHERE {visible} AND r.id = ? FOR UPDATE",
	/* STMT_REPORT_ADD */
	"INSERT INTO dossier_report (dossier_id, report_id, added_by,"
	" added_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	/* STMT_REPORT_DEL */
	"DELETE FROM dossier_report WHERE dossier_id = ? AND report_id = ?",
	/*
	 * STMT_REPORT_LIST: membership shows the dossier, not its
	 * reports: a report's content only where the report rule allows.
	 */
	"SELECT x.report_id, {visible}, IF({visible}, r.reference, ''),"
	" IF({visible}, s.name, ''), IF({visible}, r.status, ''),"
	" IF({visible}, UNIX_TIMESTAMP(r.received_at), 0),"
	" UNIX_TIMESTAMP(x.added_at) FROM dossier_report x"
	" JOIN report r ON r.id = x.report_id"
	" JOIN signal_type s ON s.id = r.signal_type_id"
	" WHERE x.dossier_id = ? ORDER BY x.added_at DESC, x.report_id DESC"
	" LIMIT ? OFFSET ?",
	/* STMT_REPORT_COUNT: for the reports' pages (the primary key). */
	"SELECT COUNT(*) FROM dossier_report WHERE dossier_id = ?",
	/* STMT_OF_REPORT */
	"SELECT d.id, d.number, d.title FROM dossier_report x"
	" JOIN dossier d ON d.id = x.dossier_id"
	" WHERE x.report_id = ? AND {dossier_visible} ORDER BY d.id",
	/* STMT_SUBJECT_ADD */
	"INSERT INTO dossier_subject (dossier_id, subject_id, added_by,"
	" added_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	/*
	 * STMT_SUBJECT_LIST: direct ones, then those of the reports the
	 * user may see; a subject once, direct if it is.  The rule reads
	 * the report's team from the link's copy (sql/035, kept by
	 * triggers in the report's own transaction; the link is "r"
	 * here, as the rule names it), so no report row is read: 200
	 * lookups in report for the big dossier of bench/dossier, most of
	 * them from disk when the buffer pool is smaller than the data.
	 */
	"SELECT s.id, s.kind, s.display, MAX(u.direct) FROM ("
	" SELECT ds.subject_id AS sid, 1 AS direct FROM dossier_subject ds"
	" WHERE ds.dossier_id = ?"
	" UNION ALL"
	" SELECT r.subject_id, 0 FROM dossier_report x"
	" JOIN report_subject r ON r.report_id = x.report_id"
	" WHERE x.dossier_id = ? AND {visible}"
	" AND (r.source <> 2 OR r.confirmed = 1)"
	") u JOIN subject s ON s.id = u.sid"
	" GROUP BY s.id, s.kind, s.display ORDER BY s.kind, s.display"
	" LIMIT ?",
	/*
	 * STMT_SUBJECT_LIST_ALL: the same for a user who sees every
	 * report, without report.  The rule, though always true for
	 * them, keeps its subquery in the plan, so MariaDB cannot drop
	 * the join: 200 lookups in report for the big dossier of
	 * bench/dossier, about a quarter of the statement (4.1-5.1 ms
	 * against 3.1-3.9 ms, mariadb-slap c=1 on a busy machine).
	 * Parameters: the dossier twice, the limit.
	 */
	"SELECT s.id, s.kind, s.display, MAX(u.direct) FROM ("
	" SELECT ds.subject_id AS sid, 1 AS direct FROM dossier_subject ds"
	" WHERE ds.dossier_id = ?"
	" UNION ALL"
	" SELECT rs.subject_id, 0 FROM dossier_report x"
	" JOIN report_subject rs ON rs.report_id = x.report_id"
	" WHERE x.dossier_id = ? AND (rs.source <> 2 OR rs.confirmed = 1)"
	") u JOIN subject s ON s.id = u.sid"
	" GROUP BY s.id, s.kind, s.display ORDER BY s.kind, s.display"
	" LIMIT ?",
	/* STMT_EVENT_LIST */
	"SELECT kind, actor, UNIX_TIMESTAMP(at), old_value, new_value"
	" FROM dossier_event WHERE dossier_id = ? ORDER BY id DESC"
	" LIMIT ? OFFSET ?",
	/* STMT_EVENT_COUNT: for the history's pages (the index alone). */
	"SELECT COUNT(*) FROM dossier_event WHERE dossier_id = ?",
	/*
	 * STMT_LIST: newest first, a page and one more.  Without index
	 * merge intersection: for theme and status (or team and status)
	 * MariaDB intersected two indexes and sorted, 0.1 to 3 s at
	 * 100,000 dossiers, where dossier_theme or dossier_team alone
	 * gives the page in id order (bench/dossier: 1 ms).
	 */
	"SET STATEMENT optimizer_switch='index_merge_intersection=off' FOR "
	DOSSIER_COLS LIST_WHERE " ORDER BY d.id DESC LIMIT ? OFFSET ?",
	/*
	 * STMT_COUNT: the counts per status without the member filter,
	 * from dossier_count (migration 040) instead of counting the
	 * dossiers.  The rule {dossier_visible} in two parts that do not
	 * overlap: the teams the user sees (all for a manager), summed
	 * from the counts, and for anyone else the dossiers the user is
	 * a member of outside those teams.  Parameters: the rule's first
	 * two, theme twice, team twice, the rule's three, theme twice,
	 * team twice.
	 */
	"SELECT u.status, SUM(u.n) FROM ("
	" SELECT c.status, c.n FROM dossier_count c"
	" WHERE (? = 1 OR c.team_id IN (SELECT ut.team_id FROM user_team ut"
	" WHERE ut.user_id = ?))"
	" AND (? IS NULL OR c.theme = ?) AND (? = 0 OR c.team_id = ?)"
	" UNION ALL"
	" SELECT d.status, 1 FROM dossier_member dm"
	" STRAIGHT_JOIN dossier d ON d.id = dm.dossier_id"
	" WHERE ? = 0 AND dm.user_id = ? AND d.team_id NOT IN"
	" (SELECT ut.team_id FROM user_team ut WHERE ut.user_id = ?)"
	" AND (? IS NULL OR d.theme = ?) AND (? = 0 OR d.team_id = ?)"
	") u GROUP BY u.status",
	/*
	 * STMT_COUNT_MEMBER: the counts with the member filter, from the
	 * member's rows (dossier_member_user); the member, then as
	 * LIST_WHERE without the status and member filters.
	 */
	"SELECT d.status, COUNT(*) FROM dossier_member mf"
	" STRAIGHT_JOIN dossier d ON d.id = mf.dossier_id"
	" WHERE mf.user_id = ? AND {dossier_visible}"
	" AND (? IS NULL OR d.theme = ?) AND (? = 0 OR d.team_id = ?)"
	" GROUP BY d.status",
	/* STMT_BY_NUMBER */
	"SELECT d.id FROM dossier d WHERE {dossier_visible}"
	" AND d.number = ?",
	/* STMT_REPORT_BY_REF: a report the user may see, by reference. */
	"SELECT r.id FROM report r WHERE {visible} AND r.reference = ?",
	/*
	 * The journal's task filters (the journal's rules are
	 * lib/journal.c's; the overdue day is mp_journal_today's, given
	 * by the caller): their own statements, so that each is a plain
	 * semi-join the optimizer drives from dossier_journal's assignee
	 * or due index.
	 */
	/* STMT_LIST_MINE */
	DOSSIER_COLS LIST_WHERE " AND " JOURNAL_MINE
	" ORDER BY d.id DESC LIMIT ? OFFSET ?",
	/* STMT_LIST_LATE */
	DOSSIER_COLS LIST_WHERE " AND " JOURNAL_LATE
	" ORDER BY d.id DESC LIMIT ? OFFSET ?",
	/* STMT_COUNT_MINE */
	"SELECT d.status, COUNT(*) FROM dossier d" LIST_WHERE
	" AND " JOURNAL_MINE " GROUP BY d.status",
	/* STMT_COUNT_LATE */
	"SELECT d.status, COUNT(*) FROM dossier d" LIST_WHERE
	" AND " JOURNAL_LATE " GROUP BY d.status",
	/*
	 * STMT_LIST_TEAMS: STMT_LIST for a user who is not a manager,
	 * with their teams bound as values (mp_access_report_teams: the
	 * last repeated, so one team is an equality).  Two ranges, each
	 * newest first and stopping after the page: the teams' dossiers
	 * through the team index of the filter (migration 041), and the
	 * member dossiers outside those teams (dossier_member_user).
	 * {dossier_visible} as one condition could use no index: a
	 * handler's page read about 8 dossiers for each one shown, 4.6
	 * to 5.3 ms of mariadbd (bench/dossier).  Parameters: the teams,
	 * the filters, the branch limit; the user, the teams, the
	 * filters, the branch limit; the page and the offset.
	 */
	"SET STATEMENT optimizer_switch='index_merge_intersection=off' FOR "
	DOSSIER_SELECT " FROM ((SELECT d.id FROM dossier d"
	" WHERE d.team_id IN (?, ?, ?, ?)" LIST_FILTERS
	" ORDER BY d.id DESC LIMIT ?)"
	" UNION ALL (SELECT d.id FROM dossier_member m"
	" STRAIGHT_JOIN dossier d ON d.id = m.dossier_id"
	" WHERE m.user_id = ? AND d.team_id NOT IN (?, ?, ?, ?)" LIST_FILTERS
	" ORDER BY d.id DESC LIMIT ?)) p"
	" STRAIGHT_JOIN dossier d ON d.id = p.id"
	" STRAIGHT_JOIN team t ON t.id = d.team_id"
	" ORDER BY d.id DESC LIMIT ? OFFSET ?",
};

/* STMT_LIST_TEAMS' team lists: MP_ACCESS_TEAMS_MAX placeholders. */
_Static_assert(MP_ACCESS_TEAMS_MAX == 4, "STMT_LIST_TEAMS binds 4 teams");

static const struct mp_sqltext_part parts[] = {
	{ "dossier_visible", mp_dossier_sql_visible },
	{ "visible", mp_access_sql_visible },
	{ NULL, NULL }
};

struct mp_sqltext_set mp_dossier_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&mp_dossier_sql, (s))

/* DOSSIER_COLS' columns. */
enum dcol {
	DC_ID, DC_NUMBER, DC_TITLE, DC_THEME, DC_STATUS, DC_TEAM_ID,
	DC_TEAM, DC_OUTCOME, DC_CREATED_BY, DC_CREATED, DC_CLOSED,
	DC_VERSION, DC_REPORTS
};
/* STMT_MEMBER_LIST's. */
enum mcol { MC_ID, MC_USERNAME, MC_DISPLAY, MC_AT };
/* STMT_ANALYSIS_LIST's. */
enum acol { AC_VERSION, AC_BODY, AC_AUTHOR, AC_AT };
/* STMT_REPORT_LOCK's. */
enum rlcol { RL_REFERENCE, RL_STATUS, RL_VERSION };
/* STMT_REPORT_LIST's. */
enum rcol {
	RC_ID, RC_VIS, RC_REFERENCE, RC_TYPE, RC_STATUS, RC_RECEIVED,
	RC_ADDED
};
/* STMT_OF_REPORT's. */
enum ocol { OC_ID, OC_NUMBER, OC_TITLE };
/* STMT_SUBJECT_LIST's. */
enum scol { SC_ID, SC_KIND, SC_DISPLAY, SC_DIRECT };
/* STMT_EVENT_LIST's. */
enum ecol { EC_KIND, EC_ACTOR, EC_AT, EC_OLD, EC_NEW };
/* STMT_COUNT's. */
enum ccol { CC_STATUS, CC_N };

static void
copy(char *dst, size_t sz, struct mp_stmt *st, unsigned col)
{
	const char	*s = mp_db_text(st, col, NULL);

	(void)snprintf(dst, sz, "%s", s != NULL ? s : "");
}

static void
read_row(struct mp_stmt *st, struct mp_dossier *d)
{

	memset(d, 0, sizeof(*d));
	d->id = mp_db_int(st, DC_ID);
	copy(d->number, sizeof(d->number), st, DC_NUMBER);
	copy(d->title, sizeof(d->title), st, DC_TITLE);
	copy(d->theme, sizeof(d->theme), st, DC_THEME);
	copy(d->status, sizeof(d->status), st, DC_STATUS);
	d->team_id = mp_db_int(st, DC_TEAM_ID);
	copy(d->team, sizeof(d->team), st, DC_TEAM);
	copy(d->outcome, sizeof(d->outcome), st, DC_OUTCOME);
	d->created_by = mp_db_int(st, DC_CREATED_BY);
	d->created_at = mp_db_int(st, DC_CREATED);
	d->closed_at = mp_db_isnull(st, DC_CLOSED) ? 0 :
	    mp_db_int(st, DC_CLOSED);
	d->version = mp_db_int(st, DC_VERSION);
	d->reports = mp_db_int(st, DC_REPORTS);
}

enum mp_err
mp_dossier_get(struct mp_db *db, long long id, const struct mp_dbval *vis,
    int lock, struct mp_dossier *out)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[MP_DOSSIER_VIS + 1];
	enum mp_err	 er;

	memcpy(v, vis, MP_DOSSIER_VIS * sizeof(*v));
	v[MP_DOSSIER_VIS] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, SQL(lock ? STMT_GET_LOCK : STMT_GET),
	    v, MP_DOSSIER_VIS + 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		read_row(st, out);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_dossier_create(struct mp_db *db, struct mp_dossier_new *n)
{
	struct mp_dbval		 v[5];
	unsigned long long	 id = 0;
	long long		 seq = 0;
	enum mp_err		 er;

	n->id = 0;
	n->number[0] = '\0';
	if (n->title == NULL || mp_valid_blank(n->title, strlen(n->title)) ||
	    !mp_valid_text(n->title, strlen(n->title), MP_DOSSIER_TITLE_MAX,
	    0) || n->theme == NULL || n->team_id <= 0)
		return MP_EINVAL;
	v[0] = MP_DBINT(n->year);
	if ((er = mp_db_exec(db, SQL(STMT_SEQ_BUMP), v, 1, NULL, NULL)) !=
	    MP_OK || (er = mp_db_query_int(db, SQL(STMT_SEQ_READ), v, 1,
	    &seq)) != MP_OK)
		return er;
	if ((er = mp_dossier_number(n->number, sizeof(n->number), n->year,
	    seq)) != MP_OK)
		return er;
	v[0] = MP_DBTEXT(n->number);
	v[1] = MP_DBTEXT(n->title);
	v[2] = MP_DBTEXT(n->theme);
	v[3] = MP_DBINT(n->team_id);
	v[4] = MP_DBINT(n->user_id);
	if ((er = mp_db_exec(db, SQL(STMT_INSERT), v, 5, NULL, &id)) != MP_OK)
		return er;
	n->id = (long long)id;
	return mp_dossier_event_add(db, n->id, "aangemaakt", n->actor, NULL,
	    n->title);
}

/* s cut to MP_DOSSIER_VALUE_MAX characters, on a character boundary. */
static struct mp_dbval
cut(const char *s)
{
	size_t	 len, chars = 0, i;

	if (s == NULL)
		return MP_DBNULL();
	len = strlen(s);
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80 &&
		    ++chars > MP_DOSSIER_VALUE_MAX)
			break;
	return MP_DBTEXTN(s, i);
}

enum mp_err
mp_dossier_event_add(struct mp_db *db, long long id, const char *kind,
    const char *actor, const char *old, const char *new_value)
{
	struct mp_dbval	 v[5];

	if (kind == NULL || actor == NULL)
		return MP_EINVAL;
	v[0] = MP_DBINT(id);
	v[1] = MP_DBTEXT(kind);
	v[2] = MP_DBTEXT(actor);
	v[3] = cut(old);
	v[4] = cut(new_value);
	return mp_db_exec(db, SQL(STMT_EVENT), v, 5, NULL, NULL);
}

enum mp_err
mp_dossier_set_status(struct mp_db *db, const struct mp_dossier *d,
    long long version, const char *to, const char *outcome,
    const char *actor, const char **why)
{
	const struct mp_dossier_transition *tr;
	struct mp_dbval		 v[5];
	unsigned long long	 n = 0;
	char			 newv[MP_DOSSIER_ENTRY_MAX * 4 + 32];
	enum mp_err		 er;

	*why = NULL;
	if ((tr = mp_dossier_allowed(d->status, to)) == NULL) {
		*why = "Deze statuswijziging is niet mogelijk.";
		return MP_EINVAL;
	}
	if (tr->needs_outcome && (outcome == NULL || *outcome == '\0')) {
		*why = "Kies een resultaat om het dossier af te sluiten.";
		return MP_EINVAL;
	}
	v[0] = MP_DBTEXT(to);
	v[1] = tr->needs_outcome ? MP_DBTEXT(outcome) : MP_DBNULL();
	v[2] = MP_DBTEXT(to);
	v[3] = MP_DBINT(d->id);
	v[4] = MP_DBINT(version);
	if ((er = mp_db_exec(db, SQL(STMT_STATUS), v, 5, &n, NULL)) != MP_OK)
		return er;
	if (n == 0) {
		*why = "Het dossier is intussen gewijzigd. Bekijk de "
		    "nieuwe stand en probeer het opnieuw.";
		return MP_ENOTFOUND;
	}
	(void)snprintf(newv, sizeof(newv), "%s%s%s", to,
	    tr->needs_outcome ? "; resultaat: " : "",
	    tr->needs_outcome ? outcome : "");
	return mp_dossier_event_add(db, d->id, "status", actor, d->status,
	    newv);
}

/*
 * Link or unlink a member, report or subject (statement s binds the
 * dossier, the thing and, for a link, the user doing it: by >= 0) and
 * write the history row.  An unlink that finds nothing is
 * MP_ENOTFOUND with no history row.
 */
static enum mp_err
link_change(struct mp_db *db, enum stmt s, long long id, long long thing,
    long long by, const char *kind, const char *actor, const char *old,
    const char *new_value)
{
	struct mp_dbval		 v[3];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(thing);
	v[2] = MP_DBINT(by);
	if ((er = mp_db_exec(db, SQL(s), v, by >= 0 ? 3 : 2, &n, NULL)) !=
	    MP_OK)
		return er;
	if (by < 0 && n == 0)
		return MP_ENOTFOUND;
	return mp_dossier_event_add(db, id, kind, actor, old, new_value);
}

enum mp_err
mp_dossier_member_add(struct mp_db *db, long long id, long long user,
    const char *name, long long by, const char *actor)
{

	return link_change(db, STMT_MEMBER_ADD, id, user, by,
	    "lid toegevoegd", actor, NULL, name);
}

enum mp_err
mp_dossier_member_remove(struct mp_db *db, long long id, long long user,
    const char *name, const char *actor)
{

	return link_change(db, STMT_MEMBER_DEL, id, user, -1,
	    "lid verwijderd", actor, name, NULL);
}

enum mp_err
mp_dossier_member_list(struct mp_db *db, long long id,
    mp_dossier_member_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, SQL(STMT_MEMBER_LIST), v, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, MC_ID), mp_db_text(st, MC_USERNAME, NULL),
		    mp_db_text(st, MC_DISPLAY, NULL), mp_db_int(st, MC_AT),
		    arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_member_is(struct mp_db *db, long long id, long long user,
    int *member)
{
	struct mp_dbval	 v[2];
	long long	 one = 0;
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(user);
	er = mp_db_query_int(db, SQL(STMT_MEMBER_IS), v, 2, &one);
	*member = er == MP_OK && one == 1;
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_analysis_save(struct mp_db *db, long long id, long long base,
    const char *text, long long author, const char *actor,
    long long *saved, long long *current)
{
	struct mp_dbval	 v[4];
	char		 detail[64];
	enum mp_err	 er;

	*saved = 0;
	*current = 0;
	if (text == NULL || !mp_valid_text(text, strlen(text),
	    MP_DOSSIER_ANALYSIS_MAX, 1))
		return MP_EINVAL;
	/* The caller locked the dossier row: no one saves in between. */
	v[0] = MP_DBINT(id);
	if ((er = mp_db_query_int(db, SQL(STMT_ANALYSIS_TOP), v, 1,
	    current)) != MP_OK)
		return er;
	if (*current != base)
		return MP_EDUP;
	v[1] = MP_DBINT(base + 1);
	v[2] = MP_DBTEXT(text);
	v[3] = MP_DBINT(author);
	if ((er = mp_db_exec(db, SQL(STMT_ANALYSIS_ADD), v, 4, NULL, NULL)) !=
	    MP_OK)
		return er;
	*saved = *current = base + 1;
	(void)snprintf(detail, sizeof(detail), "versie %lld", base + 1);
	return mp_dossier_event_add(db, id, "analyse", actor, NULL, detail);
}

enum mp_err
mp_dossier_analysis_list(struct mp_db *db, long long id, unsigned limit,
    mp_dossier_analysis_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, SQL(STMT_ANALYSIS_LIST), v, 2)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, AC_VERSION), mp_db_text(st, AC_BODY, NULL),
		    mp_db_text(st, AC_AUTHOR, NULL), mp_db_int(st, AC_AT),
		    arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* The report's status now, locked, if the user may see it. */
static enum mp_err
report_lock(struct mp_db *db, struct mp_dossier_add *a, char *status,
    size_t stsz, long long *version)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	enum mp_err	 er;

	v[0] = a->vis[0];
	v[1] = a->vis[1];
	v[2] = MP_DBINT(a->report);
	if ((er = mp_db_query(db, &st, SQL(STMT_REPORT_LOCK), v, 3)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		copy(a->ref, sizeof(a->ref), st, RL_REFERENCE);
		copy(status, stsz, st, RL_STATUS);
		*version = mp_db_int(st, RL_VERSION);
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_dossier_report_add(struct mp_db *db, struct mp_dossier_add *a)
{
	struct mp_status_change	 c;
	char			 status[32], r[32];
	long long		 version = 0;
	enum mp_err		 er;

	a->moved = 0;
	a->ref[0] = '\0';
	if ((er = report_lock(db, a, status, sizeof(status), &version)) !=
	    MP_OK)
		return er;
	/*
	 * The id, not the reference: every member reads the history,
	 * and a report's reference is for those who may see it.
	 */
	(void)snprintf(r, sizeof(r), "melding %lld", a->report);
	if ((er = link_change(db, STMT_REPORT_ADD, a->dossier, a->report,
	    a->user_id, "melding toegevoegd", a->actor, NULL, r)) != MP_OK)
		return er;
	if (strcmp(status, MP_ST_DOSSIER) == 0)
		return MP_OK;
	/* Through the workflow, with the reporter's automatic text. */
	memset(&c, 0, sizeof(c));
	c.report_id = a->report;
	c.version = version;
	c.from = status;
	c.to = MP_ST_DOSSIER;
	c.user_id = a->user_id;
	c.actor = a->actor;
	c.via_dossier = 1;
	if ((er = mp_workflow_change(db, &c)) != MP_OK)
		return er;
	if (c.n != 1)
		return MP_EDBTRANS;	/* locked above: cannot move */
	a->moved = 1;
	return mp_message_on_status(db, a->conf, a->report, MP_ST_DOSSIER,
	    a->user_id, a->display, NULL);
}

enum mp_err
mp_dossier_report_remove(struct mp_db *db, long long id, long long report,
    const char *actor)
{
	char	 r[32];

	/* The id, not the reference: the history is seen by all members. */
	(void)snprintf(r, sizeof(r), "melding %lld", report);
	return link_change(db, STMT_REPORT_DEL, id, report, -1,
	    "melding verwijderd", actor, r, NULL);
}

enum mp_err
mp_dossier_report_list(struct mp_db *db, long long id,
    const struct mp_dbval *vis, unsigned offset, unsigned limit,
    mp_dossier_report_fn fn, void *arg)
{
	struct mp_stmt			*st;
	struct mp_dossier_report	 x;
	struct mp_dbval			 v[13];
	size_t				 i;
	enum mp_err			 er;

	/* {visible} five times, then the dossier, limit and offset. */
	for (i = 0; i < 5; i++) {
		v[2 * i] = vis[0];
		v[2 * i + 1] = vis[1];
	}
	v[10] = MP_DBINT(id);
	v[11] = MP_DBINT(limit);
	v[12] = MP_DBINT(offset);
	if ((er = mp_db_query(db, &st, SQL(STMT_REPORT_LIST), v, 13)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		memset(&x, 0, sizeof(x));
		x.report = mp_db_int(st, RC_ID);
		x.visible = mp_db_int(st, RC_VIS) != 0;
		x.reference = x.visible ? mp_db_text(st, RC_REFERENCE, NULL) :
		    "";
		x.type = x.visible ? mp_db_text(st, RC_TYPE, NULL) : "";
		x.status = x.visible ? mp_db_text(st, RC_STATUS, NULL) : "";
		x.received = x.visible ? mp_db_int(st, RC_RECEIVED) : 0;
		x.added_at = mp_db_int(st, RC_ADDED);
		fn(&x, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_report_count(struct mp_db *db, long long id, long long *n)
{
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	*n = 0;
	v[0] = MP_DBINT(id);
	er = mp_db_query_int(db, SQL(STMT_REPORT_COUNT), v, 1, n);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_of_report(struct mp_db *db, long long report,
    const struct mp_dbval *vis3, mp_dossier_of_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1 + MP_DOSSIER_VIS];
	enum mp_err	 er;

	v[0] = MP_DBINT(report);
	memcpy(v + 1, vis3, MP_DOSSIER_VIS * sizeof(*v));
	if ((er = mp_db_query(db, &st, SQL(STMT_OF_REPORT), v,
	    1 + MP_DOSSIER_VIS)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, OC_ID), mp_db_text(st, OC_NUMBER, NULL),
		    mp_db_text(st, OC_TITLE, NULL), arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_subject_add(struct mp_db *db, long long id, long long subject,
    const char *display, long long by, const char *actor)
{

	return link_change(db, STMT_SUBJECT_ADD, id, subject, by,
	    "onderwerp toegevoegd", actor, NULL, display);
}

enum mp_err
mp_dossier_subject_list(struct mp_db *db, long long id,
    const struct mp_dbval *vis, unsigned limit, mp_dossier_subject_fn fn,
    void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[5];
	enum mp_err	 er;

	v[0] = v[1] = MP_DBINT(id);
	if (vis[0].type == MP_DBT_INT && vis[0].i == 1) {
		/* mp_access_report_params: the user sees every report. */
		v[2] = MP_DBINT(limit);
		er = mp_db_query(db, &st, SQL(STMT_SUBJECT_LIST_ALL), v, 3);
	} else {
		v[2] = vis[0];
		v[3] = vis[1];
		v[4] = MP_DBINT(limit);
		er = mp_db_query(db, &st, SQL(STMT_SUBJECT_LIST), v, 5);
	}
	if (er != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, SC_ID), (int)mp_db_int(st, SC_KIND),
		    mp_db_text(st, SC_DISPLAY, NULL),
		    mp_db_int(st, SC_DIRECT) != 0, arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_event_list(struct mp_db *db, long long id, unsigned offset,
    unsigned limit, mp_dossier_event_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(limit);
	v[2] = MP_DBINT(offset);
	if ((er = mp_db_query(db, &st, SQL(STMT_EVENT_LIST), v, 3)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_text(st, EC_KIND, NULL), mp_db_text(st, EC_ACTOR,
		    NULL), mp_db_int(st, EC_AT), mp_db_text(st, EC_OLD, NULL),
		    mp_db_text(st, EC_NEW, NULL), arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_event_count(struct mp_db *db, long long id, long long *n)
{
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	*n = 0;
	v[0] = MP_DBINT(id);
	er = mp_db_query_int(db, SQL(STMT_EVENT_COUNT), v, 1, n);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* The list's parameters: visibility, the four filters, a task one. */
#define LIST_PARAMS	(MP_DOSSIER_VIS + 9)

static size_t
list_params(const struct mp_dossier_filter *f, const struct mp_dbval *vis,
    int status, struct mp_dbval *v)
{
	size_t	 n = MP_DOSSIER_VIS;

	memcpy(v, vis, MP_DOSSIER_VIS * sizeof(*v));
	v[n++] = MP_DBTEXT(status ? f->status : NULL);
	v[n++] = MP_DBTEXT(status ? f->status : NULL);
	v[n++] = MP_DBTEXT(f->theme);
	v[n++] = MP_DBTEXT(f->theme);
	v[n++] = MP_DBINT(f->team);
	v[n++] = MP_DBINT(f->team);
	v[n++] = MP_DBINT(f->member);
	v[n++] = MP_DBINT(f->member);
	if (f->task_user > 0)
		v[n++] = MP_DBINT(f->task_user);
	else if (f->late != NULL)
		v[n++] = MP_DBTEXT(f->late);
	return n;
}

/* The statement of the list (count 0) or counts for f's task filter. */
static const char *
list_sql(const struct mp_dossier_filter *f, int count)
{

	if (f->task_user > 0)
		return SQL(count ? STMT_COUNT_MINE : STMT_LIST_MINE);
	if (f->late != NULL)
		return SQL(count ? STMT_COUNT_LATE : STMT_LIST_LATE);
	return SQL(count ? STMT_COUNT : STMT_LIST);
}

/* STMT_LIST_TEAMS': two branches of teams, filters, limit; a page. */
#define LIST_TEAMS_PARAMS \
	(2 * (MP_ACCESS_TEAMS_MAX + 9) + 1 + 2)

/*
 * STMT_LIST_TEAMS' parameters into v, or 0 when the list takes
 * another statement: no user given, a manager (who sees every team:
 * the primary key or a filter's index in id order is the page), a
 * task filter, or more teams than bind.
 */
static size_t
list_teams_params(const struct mp_dossier_filter *f, struct mp_dbval *v)
{
	struct mp_dbval	 teams[MP_ACCESS_TEAMS_MAX];
	long long	 branch;
	size_t		 n = 0, i, b;
	int		 fits;

	if (f->user == NULL || f->task_user > 0 || f->late != NULL ||
	    mp_role_can(f->user->role, MP_PERM_DOSSIER_MANAGE))
		return 0;
	mp_access_report_teams(f->user, teams, &fits);
	if (!fits || f->user->nteams == 0)
		return 0;
	/* Each branch gives the rows up to the page's end and one more. */
	branch = (f->page + 1) * MP_DOSSIER_PAGE + 1;
	for (b = 0; b < 2; b++) {
		if (b == 1)
			v[n++] = MP_DBINT(f->user->id);
		for (i = 0; i < MP_ACCESS_TEAMS_MAX; i++)
			v[n++] = teams[i];
		v[n++] = MP_DBTEXT(f->status);
		v[n++] = MP_DBTEXT(f->status);
		v[n++] = MP_DBTEXT(f->theme);
		v[n++] = MP_DBTEXT(f->theme);
		v[n++] = MP_DBINT(f->team);
		v[n++] = MP_DBINT(f->team);
		v[n++] = MP_DBINT(f->member);
		v[n++] = MP_DBINT(f->member);
		v[n++] = MP_DBINT(branch);
	}
	v[n++] = MP_DBINT(MP_DOSSIER_PAGE + 1);
	v[n++] = MP_DBINT(f->page * MP_DOSSIER_PAGE);
	return n;
}

enum mp_err
mp_dossier_list(struct mp_db *db, const struct mp_dossier_filter *f,
    const struct mp_dbval *vis, mp_dossier_fn fn, void *arg, int *more)
{
	struct mp_stmt		*st;
	struct mp_dossier	 d;
	struct mp_dbval		 v[LIST_TEAMS_PARAMS];
	size_t			 n, rows = 0;
	enum mp_err		 er;

	*more = 0;
	if ((n = list_teams_params(f, v)) > 0)
		er = mp_db_query(db, &st, SQL(STMT_LIST_TEAMS), v, n);
	else {
		n = list_params(f, vis, 1, v);
		v[n++] = MP_DBINT(MP_DOSSIER_PAGE + 1);
		v[n++] = MP_DBINT(f->page * MP_DOSSIER_PAGE);
		er = mp_db_query(db, &st, list_sql(f, 0), v, n);
	}
	if (er != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		if (++rows > MP_DOSSIER_PAGE) {
			*more = 1;
			continue;
		}
		read_row(st, &d);
		fn(&d, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * The parameters of STMT_COUNT (dossier_count, then a handler's member
 * dossiers outside their teams) or, with the member filter, of
 * STMT_COUNT_MEMBER; see their comments.
 */
static size_t
count_params(const struct mp_dossier_filter *f, const struct mp_dbval *vis,
    struct mp_dbval *v)
{
	size_t	 nv = 0;

	if (f->member != 0)
		v[nv++] = MP_DBINT(f->member);
	else {
		v[nv++] = vis[0];
		v[nv++] = vis[1];
		v[nv++] = MP_DBTEXT(f->theme);
		v[nv++] = MP_DBTEXT(f->theme);
		v[nv++] = MP_DBINT(f->team);
		v[nv++] = MP_DBINT(f->team);
	}
	memcpy(v + nv, vis, MP_DOSSIER_VIS * sizeof(*v));
	nv += MP_DOSSIER_VIS;
	v[nv++] = MP_DBTEXT(f->theme);
	v[nv++] = MP_DBTEXT(f->theme);
	v[nv++] = MP_DBINT(f->team);
	v[nv++] = MP_DBINT(f->team);
	return nv;
}

enum mp_err
mp_dossier_count(struct mp_db *db, const struct mp_dossier_filter *f,
    const struct mp_dbval *vis, long long n[4])
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2 * MP_DOSSIER_VIS + LIST_PARAMS];
	const char	*s;
	size_t		 nv, i;
	enum mp_err	 er;

	memset(n, 0, 4 * sizeof(*n));
	if (f->task_user > 0 || f->late != NULL) {
		/* The task filters count with the list's own statements. */
		nv = list_params(f, vis, 0, v);
		er = mp_db_query(db, &st, list_sql(f, 1), v, nv);
	} else {
		nv = count_params(f, vis, v);
		er = mp_db_query(db, &st, SQL(f->member != 0 ?
		    STMT_COUNT_MEMBER : STMT_COUNT), v, nv);
	}
	if (er != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		s = mp_db_text(st, CC_STATUS, NULL);
		for (i = 0; i < 4 && s != NULL; i++)
			if (strcmp(s, mp_dossier_statuses[i]) == 0)
				n[i] = mp_db_int(st, CC_N);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossier_find_number(struct mp_db *db, const char *number,
    const struct mp_dbval *vis, long long *id)
{
	struct mp_dbval	 v[MP_DOSSIER_VIS + 1];

	*id = 0;
	if (!mp_dossier_number_valid(number))
		return MP_ENOTFOUND;
	memcpy(v, vis, MP_DOSSIER_VIS * sizeof(*v));
	v[MP_DOSSIER_VIS] = MP_DBTEXT(number);
	return mp_db_query_int(db, SQL(STMT_BY_NUMBER), v, MP_DOSSIER_VIS + 1,
	    id);
}

enum mp_err
mp_dossier_report_find(struct mp_db *db, const char *reference,
    const struct mp_dbval *vis, long long *id)
{
	struct mp_dbval	 v[3];

	*id = 0;
	v[0] = vis[0];
	v[1] = vis[1];
	v[2] = MP_DBTEXT(reference);
	return mp_db_query_int(db, SQL(STMT_REPORT_BY_REF), v, 3, id);
}
