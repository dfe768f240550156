/*
 * dossier.h -- dossiers (issue 14, sql/034): a case built from
 * reports, owned by a team, with members, an analysis kept in
 * versions, reports, subjects and its own history.  lib/dossier.c owns
 * the tables of sql/034 and their SQL, but for dossier_journal, whose
 * rules and statements are lib/journal.c's (the list's task filters
 * excepted: they are the list's statements here).  It holds the dossier's
 * statuses and their transitions in one table (as lib/workflow.c does
 * for reports), the numbers D-YYYY-NNNN, and the rule of who sees a
 * dossier (mp_dossier_sql_visible).
 *
 * Functions that change a dossier run in the caller's transaction and
 * write its history row (mp_dossier_event_add); the caller writes the
 * audit row in the same transaction.
 */
#ifndef MP_DOSSIER_H
#define MP_DOSSIER_H

#include <stddef.h>

#include "errcode.h"

struct mp_conf;
struct mp_db;
struct mp_dbval;
struct mp_user;

/* The statuses as stored in dossier.status. */
#define MP_DOS_OPEN		"open"
#define MP_DOS_RESEARCH		"in onderzoek"
#define MP_DOS_INTERVENTION	"interventie"
#define MP_DOS_CLOSED		"afgesloten"

/* Every status in work order; NULL-terminated. */
extern const char *const mp_dossier_statuses[];
/* 1 if s is a dossier status. */
int		 mp_dossier_status(const char *s);

struct mp_dossier_transition {
	const char	*from;
	const char	*to;
	const char	*label;		/* the button, in Dutch */
	int		 needs_outcome;	/* closing: one of dossier.outcomes */
};
/* The transition from -> to, or NULL when it is not allowed. */
const struct mp_dossier_transition *
		 mp_dossier_allowed(const char *from, const char *to);
/* The i-th transition leaving from, or NULL past the last. */
const struct mp_dossier_transition *
		 mp_dossier_next(const char *from, size_t i);

/* "D-2026-0012": the longest number with its NUL. */
#define MP_DOSSIER_NUMBER_LEN	16
/*
 * Write the number of the seq-th dossier of year into out (at least
 * MP_DOSSIER_NUMBER_LEN bytes): four digits at least, more past 9999.
 * MP_EINVAL for a year outside 2000-9999 or seq outside 1-99999999.
 */
enum mp_err	 mp_dossier_number(char *out, size_t outsz, int year,
		    long long seq);
/* 1 if s has the form of a dossier number. */
int		 mp_dossier_number_valid(const char *s);

/*
 * The configured lists (dossier.themes, dossier.task_types,
 * dossier.outcomes): the i-th entry into out (trimmed), 0 past the
 * last.  mp_dossier_in_list is 1 when s is an entry of the list.
 */
enum mp_dossier_list {
	MP_DOSSIER_THEMES,
	MP_DOSSIER_TASK_TYPES,
	MP_DOSSIER_OUTCOMES
};
#define MP_DOSSIER_ENTRY_MAX	100	/* characters of an entry */
int		 mp_dossier_list_entry(const struct mp_conf *,
		    enum mp_dossier_list, size_t i, char *out,
		    size_t outsz);
int		 mp_dossier_in_list(const struct mp_conf *,
		    enum mp_dossier_list, const char *s);

/* Field limits, in characters (the columns). */
#define MP_DOSSIER_TITLE_MAX	200
#define MP_DOSSIER_ANALYSIS_MAX	60000
#define MP_DOSSIER_VALUE_MAX	500	/* an event's old or new value */

/*
 * Who sees a dossier "d": a user with MP_PERM_DOSSIER_MANAGE
 * (coordinators) every one, anyone else a dossier of one of their
 * teams or of which they are a member.  Auditors and admins never
 * reach a dossier page (their roles lack MP_PERM_DOSSIER_VIEW).  It
 * takes MP_DOSSIER_VIS parameters, which mp_dossier_params writes.
 * Data of dossier.c for statement templates ("{dossier_visible}",
 * lib/sqltext.h).  Membership shows the dossier, not its reports: each
 * report line keeps the report rule (lib/access.h).
 */
#define MP_DOSSIER_VIS	3
extern const char mp_dossier_sql_visible[];
void		 mp_dossier_params(const struct mp_user *,
		    struct mp_dbval *v);
/*
 * 1 if the user may see a dossier of team with these members (the
 * same rule in C, for tests and checks after a lock).
 */
int		 mp_dossier_may_see(const struct mp_user *, long long team,
		    int member);

/* One dossier as read. */
struct mp_dossier {
	long long	 id;
	char		 number[MP_DOSSIER_NUMBER_LEN];
	char		 title[MP_DOSSIER_TITLE_MAX * 4 + 1];
	char		 theme[MP_DOSSIER_ENTRY_MAX * 4 + 1];
	char		 status[16];
	long long	 team_id;
	char		 team[401];
	char		 outcome[MP_DOSSIER_ENTRY_MAX * 4 + 1];
	long long	 created_by;
	long long	 created_at;	/* unix time */
	long long	 closed_at;	/* 0: open */
	long long	 version;
	long long	 reports;	/* how many */
};

/*
 * The dossier id into *out if the user whose parameters vis
 * (mp_dossier_params) came from may see it; lock: FOR UPDATE, in the
 * caller's transaction.  MP_ENOTFOUND for a dossier that does not
 * exist and for one the user may not see alike (no probing).
 */
enum mp_err	 mp_dossier_get(struct mp_db *, long long id,
		    const struct mp_dbval *vis, int lock,
		    struct mp_dossier *out);

/*
 * The id of the dossier with number that the user (vis3) may see, or
 * MP_ENOTFOUND alike for none and one out of sight.
 */
enum mp_err	 mp_dossier_find_number(struct mp_db *, const char *number,
		    const struct mp_dbval *vis3, long long *id);
/*
 * The id of the report with reference that the user (vis[2],
 * mp_access_report_params) may see, or MP_ENOTFOUND: a report is
 * added to a dossier by the reference handlers know it by.
 */
enum mp_err	 mp_dossier_report_find(struct mp_db *, const char *reference,
		    const struct mp_dbval *vis, long long *id);

/* A new dossier; see mp_dossier_create. */
struct mp_dossier_new {
	const char	*title;
	const char	*theme;		/* one of dossier.themes */
	long long	 team_id;
	long long	 user_id;
	const char	*actor;		/* the history's name for the user */
	int		 year;		/* of the number (Europe/Amsterdam) */
	/* Results. */
	long long	 id;
	char		 number[MP_DOSSIER_NUMBER_LEN];
};
/*
 * Create a dossier with status open and the next number of n->year,
 * with its history row.  The year's counter row stays locked until
 * the caller's transaction ends, so numbers never repeat or skip under
 * concurrent creators.  MP_EINVAL for a blank or long title (theme and
 * team the caller checked); the database's error otherwise.
 */
enum mp_err	 mp_dossier_create(struct mp_db *, struct mp_dossier_new *);

/*
 * A history row of dossier id: kind, actor (username), old and new
 * value (either may be NULL; cut to MP_DOSSIER_VALUE_MAX).
 */
enum mp_err	 mp_dossier_event_add(struct mp_db *, long long id,
		    const char *kind, const char *actor, const char *old,
		    const char *new_value);

/*
 * Change the status of dossier d (locked by mp_dossier_get, version
 * as the user saw it) to to, with outcome when closing (one of
 * dossier.outcomes, checked by the caller).  *why: a Dutch reason
 * when refused.  MP_EINVAL (nothing written) for a transition that is
 * not allowed or a missing outcome; MP_ENOTFOUND when the version
 * moved.
 */
enum mp_err	 mp_dossier_set_status(struct mp_db *,
		    const struct mp_dossier *d, long long version,
		    const char *to, const char *outcome, const char *actor,
		    const char **why);

/*
 * Members.  add: MP_EDUP when already a member; remove: MP_ENOTFOUND
 * when not.  Each writes its history row with the member's name.
 */
enum mp_err	 mp_dossier_member_add(struct mp_db *, long long id,
		    long long user, const char *name, long long by,
		    const char *actor);
enum mp_err	 mp_dossier_member_remove(struct mp_db *, long long id,
		    long long user, const char *name, const char *actor);
typedef void	(*mp_dossier_member_fn)(long long user, const char *name,
		    const char *display, long long added_at, void *arg);
enum mp_err	 mp_dossier_member_list(struct mp_db *, long long id,
		    mp_dossier_member_fn fn, void *arg);
/* 1 in *member when user is a member of dossier id. */
enum mp_err	 mp_dossier_member_is(struct mp_db *, long long id,
		    long long user, int *member);

/*
 * The analysis.  save: a new version on top of base (the version the
 * editor started from; 0 for none yet).  When another version was
 * saved meanwhile, MP_EDUP with nothing written and *current the
 * version now: the caller gives the editor a conflict and their text
 * back.  *saved: the new version's number.
 */
enum mp_err	 mp_dossier_analysis_save(struct mp_db *, long long id,
		    long long base, const char *text, long long author,
		    const char *actor, long long *saved, long long *current);
/* Its versions, newest (the current one) first, at most limit. */
typedef void	(*mp_dossier_analysis_fn)(long long version,
		    const char *text, const char *author, long long at,
		    void *arg);
enum mp_err	 mp_dossier_analysis_list(struct mp_db *, long long id,
		    unsigned limit, mp_dossier_analysis_fn fn, void *arg);

/*
 * Add report to dossier id, for a user whose report visibility vis[2]
 * came from mp_access_report_params: MP_ENOTFOUND for a report the
 * user may not see (or that does not exist), MP_EDUP when it is in the
 * dossier already.  A report not yet "in dossier" moves there through
 * lib/workflow.c (its history row) and the reporter gets that status's
 * automatic text (lib/message.c, feedback.auto.in_dossier) from
 * author/display.  *ref: the report's reference.
 */
struct mp_dossier_add {
	long long	 dossier;
	const char	*number;
	long long	 report;
	const struct mp_dbval *vis;
	long long	 user_id;
	const char	*actor;		/* username */
	const char	*display;	/* the reporter's thread's author */
	const struct mp_conf *conf;
	/* Results. */
	char		 ref[64];
	int		 moved;		/* its status became "in dossier" */
};
enum mp_err	 mp_dossier_report_add(struct mp_db *,
		    struct mp_dossier_add *);
/* Take report out of dossier id (its status stays); MP_ENOTFOUND. */
enum mp_err	 mp_dossier_report_remove(struct mp_db *, long long id,
		    long long report, const char *actor);

/* A report line; content only where visible. */
struct mp_dossier_report {
	long long	 report;
	int		 visible;
	const char	*reference;	/* "" unless visible */
	const char	*type;		/* "" unless visible */
	const char	*status;	/* "" unless visible */
	long long	 received;	/* 0 unless visible */
	long long	 added_at;
};
typedef void	(*mp_dossier_report_fn)(const struct mp_dossier_report *,
		    void *arg);
/*
 * The reports of dossier id, newest added first: at most limit after
 * the first offset.
 */
enum mp_err	 mp_dossier_report_list(struct mp_db *, long long id,
		    const struct mp_dbval *vis, unsigned offset,
		    unsigned limit, mp_dossier_report_fn fn, void *arg);
/* How many reports dossier id holds (*n), those out of sight too. */
enum mp_err	 mp_dossier_report_count(struct mp_db *, long long id,
		    long long *n);
/* The dossiers report is in that the user may see (vis3), by number. */
typedef void	(*mp_dossier_of_fn)(long long id, const char *number,
		    const char *title, void *arg);
enum mp_err	 mp_dossier_of_report(struct mp_db *, long long report,
		    const struct mp_dbval *vis3, mp_dossier_of_fn fn,
		    void *arg);

/* Subjects: add one directly (MP_EDUP when it is there already). */
enum mp_err	 mp_dossier_subject_add(struct mp_db *, long long id,
		    long long subject, const char *display, long long by,
		    const char *actor);
/*
 * The dossier's subjects: its direct ones and those of its reports
 * the user may see (vis[2]: mp_access_report_params), each once;
 * direct is 1 for one added to the dossier.
 */
typedef void	(*mp_dossier_subject_fn)(long long subject, int kind,
		    const char *display, int direct, void *arg);
enum mp_err	 mp_dossier_subject_list(struct mp_db *, long long id,
		    const struct mp_dbval *vis, unsigned limit,
		    mp_dossier_subject_fn fn, void *arg);

/* The history, newest first: at most limit rows after the first offset. */
typedef void	(*mp_dossier_event_fn)(const char *kind, const char *actor,
		    long long at, const char *old, const char *new_value,
		    void *arg);
enum mp_err	 mp_dossier_event_list(struct mp_db *, long long id,
		    unsigned offset, unsigned limit, mp_dossier_event_fn fn,
		    void *arg);
/* How many history rows dossier id has (*n). */
enum mp_err	 mp_dossier_event_count(struct mp_db *, long long id,
		    long long *n);

/* The list's filters; NULL or 0 where not set. */
struct mp_dossier_filter {
	const char	*status;
	const char	*theme;
	long long	 team;
	long long	 member;	/* dossiers this user is a member of */
	/* The journal's (one of the two): open tasks of this user, */
	long long	 task_user;
	/* or overdue tasks on this day (mp_journal_today). */
	const char	*late;
	long long	 page;		/* from 0 */
	/*
	 * The user vis was made for, or NULL: given, a handler's list
	 * reads their teams' ranges by index (STMT_LIST_TEAMS).
	 */
	const struct mp_user	*user;
};
#define MP_DOSSIER_PAGE	50
/*
 * A page of the dossiers the user (vis: mp_dossier_params) may see,
 * newest first; fn gets each, its pointers valid during the call.
 * *more: a next page exists.
 */
typedef void	(*mp_dossier_fn)(const struct mp_dossier *, void *arg);
enum mp_err	 mp_dossier_list(struct mp_db *,
		    const struct mp_dossier_filter *,
		    const struct mp_dbval *vis, mp_dossier_fn fn, void *arg,
		    int *more);
/*
 * The counts per status (mp_dossier_statuses order, n[4]) of the
 * dossiers the user may see under f's other filters (f->status and
 * f->page ignored).
 */
enum mp_err	 mp_dossier_count(struct mp_db *,
		    const struct mp_dossier_filter *,
		    const struct mp_dbval *vis, long long n[4]);

/*
 * The statements that put in the visibility rules: open this set
 * (mp_sqltext_open) at a program's start, as dash_sql_open does.
 */
struct mp_sqltext_set;
extern struct mp_sqltext_set mp_dossier_sql;

#endif /* MP_DOSSIER_H */
