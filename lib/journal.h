/*
 * journal.h -- the journal of a dossier (issue 14, sql/034 and 037):
 * notes, decisions and tasks.  lib/journal.c holds every statement on
 * dossier_journal and its rules: a decision is never edited (no
 * function here updates one; a later decision may name the one it
 * replaces, one successor each, so the chain is a line), a task's
 * statuses and their transitions in one table, optimistic locking of
 * a task by its version, and "overdue" (mp_journal_today).
 *
 * Functions that change the journal run in the caller's transaction,
 * after the caller locked the dossier row (mp_dossier_get with lock),
 * and write the dossier's history row; the caller writes the audit
 * row, with ids and field names only.
 */
#ifndef MP_JOURNAL_H
#define MP_JOURNAL_H

#include <stddef.h>
#include <time.h>

#include "errcode.h"

struct mp_db;
struct mp_dbval;

/* Field limits, in characters. */
#define MP_JOURNAL_TEXT_MAX	10000	/* a note, what was decided, a task */
#define MP_JOURNAL_NAME_MAX	200	/* who decided */
#define MP_JOURNAL_DATE_LEN	11	/* "YYYY-MM-DD" and its NUL */

/*
 * Overdue, the one rule: a task is overdue when it is open and its due
 * date lies before today's date in Europe/Amsterdam.  A task due today
 * is not overdue until the Amsterdam day after, whatever the UTC date.
 * mp_journal_today writes that date for now, by mp_nltime_date
 * (lib/nltime.c: the EU rule computed, so neither tz tables in MariaDB
 * nor zoneinfo files in a sandbox are needed).  Statements take the date
 * as a parameter ("due_date < ?").
 */
void		 mp_journal_today(time_t now, char out[MP_JOURNAL_DATE_LEN]);
/* 1 if a task with status and due (YYYY-MM-DD) is overdue on today. */
int		 mp_journal_overdue(const char *status, const char *due,
		    const char *today);
/* 1 if s is a real calendar date YYYY-MM-DD in 2000-9999. */
int		 mp_journal_date_valid(const char *s);

/* The kinds as stored, and their Dutch names. */
#define MP_JOURNAL_NOTE		"note"
#define MP_JOURNAL_DECISION	"decision"
#define MP_JOURNAL_TASK		"task"
const char	*mp_journal_kind_label(const char *kind);

/* A task's statuses as stored. */
#define MP_TASK_OPEN		"open"
#define MP_TASK_DONE		"done"
#define MP_TASK_CANCELLED	"cancelled"
extern const char *const mp_journal_task_statuses[];	/* NULL-ended */
const char	*mp_journal_task_label(const char *status);
/*
 * 1 if a task may go from -> to (to == from: no change of status, the
 * other fields may change); *needs_outcome 1 when to requires an
 * outcome from dossier.outcomes (done).
 */
int		 mp_journal_task_allowed(const char *from, const char *to,
		    int *needs_outcome);

/* A new entry; the columns its kind does not use NULL or 0. */
struct mp_journal_new {
	long long	 dossier;
	const char	*kind;		/* MP_JOURNAL_* */
	const char	*body;		/* note, what was decided, task */
	/* Decisions. */
	const char	*reason;
	const char	*decided_by;
	const char	*decided_on;	/* YYYY-MM-DD */
	long long	 replaces;	/* 0: none */
	/* Tasks. */
	const char	*task_type;	/* of dossier.task_types (caller) */
	long long	 assignee;	/* may see the dossier (caller) */
	const char	*due;		/* YYYY-MM-DD */
	long long	 user_id;
	const char	*actor;		/* username, for the history */
	/* Results. */
	long long	 id;
	const char	*field;		/* the wrong field's form name */
};
/*
 * Add n to its dossier's journal, with its history row.  MP_EINVAL with
 * n->field for a missing, long or bad field; MP_ENOTFOUND (field
 * "besluit-vervangt") when replaces is no decision of this dossier;
 * MP_EDUP (same field) when it was replaced already.
 */
enum mp_err	 mp_journal_add(struct mp_db *, struct mp_journal_new *n);

/* One entry as read; its pointers valid during the callback. */
struct mp_journal_entry {
	long long	 id;
	const char	*kind;
	const char	*body;
	const char	*reason;
	const char	*decided_by;
	const char	*decided_on;	/* "" unless a decision */
	long long	 replaces;	/* 0: none */
	long long	 replaced_by;	/* 0: none */
	const char	*task_type;
	long long	 assignee;
	const char	*assignee_name;	/* display name */
	const char	*due;		/* "" unless a task */
	const char	*task_status;
	const char	*outcome;
	const char	*outcome_note;
	long long	 version;
	const char	*author;	/* display name */
	long long	 created_at;
	int		 overdue;	/* mp_journal_overdue on today */
};
typedef void	(*mp_journal_fn)(const struct mp_journal_entry *, void *arg);
/*
 * The journal of dossier id, newest first, at most limit entries after
 * the first offset (a page of it).
 */
enum mp_err	 mp_journal_list(struct mp_db *, long long id,
		    const char *today, unsigned offset, unsigned limit,
		    mp_journal_fn fn, void *arg);
/* How many entries the journal of dossier id has (*n). */
enum mp_err	 mp_journal_count(struct mp_db *, long long id,
		    long long *n);
/* How many entries of dossier id come before entry in that order (*n). */
enum mp_err	 mp_journal_position(struct mp_db *, long long id,
		    long long entry, long long *n);
/* Its open tasks, earliest due first. */
enum mp_err	 mp_journal_open_tasks(struct mp_db *, long long id,
		    const char *today, mp_journal_fn fn, void *arg);
/*
 * Task id of dossier (lock: FOR UPDATE) into fn; MP_ENOTFOUND for no
 * task of that dossier (a note or a decision is none).
 */
enum mp_err	 mp_journal_task_get(struct mp_db *, long long dossier,
		    long long id, const char *today, int lock,
		    mp_journal_fn fn, void *arg);

/* An edit of a task, against the version the editor saw. */
struct mp_journal_edit {
	long long	 dossier;
	long long	 id;
	long long	 version;
	long long	 assignee;
	const char	*due;
	const char	*status;
	const char	*outcome;	/* required when done */
	const char	*outcome_note;	/* optional */
	const char	*actor;
	/* Results. */
	const char	*field;		/* the wrong field's form name */
	const char	*why;		/* Dutch */
	char		 changed[128];	/* field names, for the audit */
};
/*
 * Write e over task e->id.  MP_EINVAL with field and why for a bad
 * field, a transition not allowed or closing without an outcome;
 * MP_ENOTFOUND for no such task; MP_EDUP with nothing written when
 * another edit came first (its version moved): the caller shows the
 * task as it is now and the editor's input.  Nothing changed is MP_OK
 * with changed "" and no history row.
 */
enum mp_err	 mp_journal_task_update(struct mp_db *,
		    struct mp_journal_edit *e);

/* "Mijn taken": one open task of the user, with its dossier. */
struct mp_journal_mine {
	long long	 id;
	long long	 dossier;
	const char	*number;
	const char	*title;
	const char	*task_type;
	const char	*body;
	const char	*due;
	int		 overdue;
};
typedef void	(*mp_journal_mine_fn)(const struct mp_journal_mine *,
		    void *arg);
/*
 * The open tasks assigned to user in dossiers the user (vis:
 * mp_dossier_params) may see now, overdue first, then by due date, at
 * most limit.
 */
enum mp_err	 mp_journal_mine(struct mp_db *, long long user,
		    const struct mp_dbval *vis, const char *today,
		    unsigned limit, mp_journal_mine_fn fn, void *arg);

/* How many of those in all (*total), and how many overdue (*late). */
enum mp_err	 mp_journal_mine_count(struct mp_db *, long long user,
		    const struct mp_dbval *vis, const char *today,
		    long long *total, long long *late);

/* Who may be given a task of dossier id: active staff with sight. */
typedef void	(*mp_journal_cand_fn)(long long id, const char *username,
		    const char *display, void *arg);
enum mp_err	 mp_journal_candidates(struct mp_db *, long long id,
		    mp_journal_cand_fn fn, void *arg);
/* 1 in *ok when user may be given a task of dossier id (team). */
enum mp_err	 mp_journal_may_assign(struct mp_db *, long long id,
		    long long team, long long user, int *ok);

/* The decisions of dossier id not yet replaced, newest first. */
typedef void	(*mp_journal_open_fn)(long long id, const char *body,
		    const char *decided_on, void *arg);
enum mp_err	 mp_journal_decisions_current(struct mp_db *, long long id,
		    mp_journal_open_fn fn, void *arg);

/*
 * The dossier list's task filters ("mijn open taken", "taken over
 * tijd") are lib/dossier.c's statements (struct mp_dossier_filter's
 * task_user and late, late from mp_journal_today).
 */

/* The statements with the visibility rule: open at a program's start. */
struct mp_sqltext_set;
extern struct mp_sqltext_set mp_journal_sql;

#endif /* MP_JOURNAL_H */
