/*
 * retention.h -- the privacy protocol's retention terms (issue 15) and
 * the erasure of what has outlived them: a reporter's identity, a
 * report's content, a closed dossier.  The terms come from the
 * configuration (retention.*, per signal type with a default); the
 * date computations are pure functions; the SQL lives in retention.c.
 */
#ifndef MP_RETENTION_H
#define MP_RETENTION_H

#include <stddef.h>
#include <time.h>

#include "errcode.h"

struct mp_conf;
struct mp_db;

/* The terms of one signal type, in months, each counted from closing. */
struct mp_retention_terms {
	int	 identity;	/* contact, sessions, code hash */
	int	 content;	/* texts, attachments, messages, subjects */
	int	 unfounded;	/* content of unfounded or duplicate ones */
};

/*
 * What is erased: a reporter's identity, a report's content (and its
 * identity with it), a closed dossier.
 */
enum mp_retention_kind {
	MP_RETENTION_IDENTITY,
	MP_RETENTION_CONTENT,
	MP_RETENTION_DOSSIER,
	MP_RETENTION__MAX
};

/* "identity", "content", "dossier". */
const char	*mp_retention_kind_name(enum mp_retention_kind);

/*
 * The terms of the signal type slug (NULL: the defaults) from conf:
 * retention.type.<slug>.* where set, else retention.*.  The
 * unfounded term is never longer than the content term.
 */
void		 mp_retention_terms(const struct mp_conf *, const char *slug,
		    struct mp_retention_terms *);
/* The dossier term in months (retention.dossier_years). */
int		 mp_retention_dossier_months(const struct mp_conf *);

/*
 * t moved by months calendar months (negative: back), in UTC; a day
 * that the target month lacks becomes its last day (31 August minus
 * six months is 28 or 29 February).  Returns (time_t)-1 on overflow.
 */
time_t		 mp_retention_add_months(time_t t, int months);

/*
 * The closing time before which a report is due with a term of months
 * at now: now minus months.  A report closed at exactly the cutoff is
 * not yet due.
 */
time_t		 mp_retention_cutoff(time_t now, int months);

/* t as "YYYY-MM-DD HH:MM:SS" (UTC) in buf (20 bytes). */
#define MP_RETENTION_TS	20
void		 mp_retention_ts(time_t t, char buf[MP_RETENTION_TS]);

/*
 * The extended regular expression that the closing reasons of
 * unfounded reports start with, from the comma list words (entries of
 * letters, digits, spaces and hyphens only): "^(w1|w2)", or "" when
 * the list is empty.  Returns 0, or -1 for an entry with another
 * character or a result that does not fit in sz.
 */
int		 mp_retention_reason_pattern(const char *words, char *buf,
		    size_t sz);

/*
 * Call fn(id, slug, arg) for every signal type, active or not, in id
 * order; stops at and returns fn's first error.
 */
enum mp_err	 mp_retention_types(struct mp_db *,
		    enum mp_err (*fn)(long long id, const char *slug,
		    void *arg), void *arg);

/* Counts of one kind and signal type, for plan. */
struct mp_retention_count {
	long long	 due;	/* erased by a run now */
	long long	 held;	/* due, but in an open dossier */
	time_t		 next;	/* earliest later due date, 0: none */
};

/*
 * What a run at now would erase for the signal type id with terms t
 * (kinds identity and content) or for dossiers (type_id 0, kind
 * dossier, months in t->content).  Changes nothing.
 */
enum mp_err	 mp_retention_count(struct mp_db *, const struct mp_conf *,
		    enum mp_retention_kind, long long type_id,
		    const struct mp_retention_terms *, time_t now,
		    struct mp_retention_count *);

/* One batch erased: counts and the references, for the audit. */
struct mp_retention_batch {
	enum mp_retention_kind	 kind;
	long long		 n;		/* reports or dossiers */
	long long		 identities;	/* identities erased */
	long long		 batch_id;	/* retention_batch.id */
	char			 refs[8192];	/* space-separated */
	int			 refs_cut;	/* refs did not fit */
};

/*
 * Erase at most limit due items of kind (for signal type type_id with
 * terms t; dossiers: type_id 0, months in t->content) in one
 * transaction: rows claimed with FOR UPDATE SKIP LOCKED, so that a
 * run beside this one takes other rows, erased, and one audit entry
 * plus one retention_batch row written.  b->n is 0 when nothing was
 * left.  On an error nothing of the batch is changed.
 */
enum mp_err	 mp_retention_erase(struct mp_db *, const struct mp_conf *,
		    enum mp_retention_kind, long long type_id,
		    const struct mp_retention_terms *, time_t now, int limit,
		    struct mp_retention_batch *b);

/* How the reports and dossiers stand, for the privacy officer. */
struct mp_retention_overview {
	long long	 reports;
	long long	 open;		/* not closed */
	long long	 identity_kept;	/* closed, nothing erased yet */
	long long	 identity_gone;	/* identity erased, content kept */
	long long	 content_gone;	/* content (and identity) erased */
	long long	 held;		/* closed, kept for an open dossier */
	long long	 dossiers;
	long long	 dossiers_open;
	long long	 dossiers_closed;	/* closed, not erased */
	long long	 dossiers_gone;
};

/*
 * The overview (reads every report's dates once: for a page opened now
 * and then, not for every request).
 */
enum mp_err	 mp_retention_overview(struct mp_db *,
		    struct mp_retention_overview *);

/* One batch of a past run. */
struct mp_retention_run {
	long long	 id;
	time_t		 at;
	const char	*kind;		/* "identity", "content", "dossier" */
	long long	 items, identities;
};

/* One report's retention, for its page. */
struct mp_retention_status {
	time_t		 identity_due;	/* 0: not closed */
	time_t		 content_due;
	time_t		 identity_erased;	/* 0: not yet */
	time_t		 content_erased;
	int		 unfounded;	/* unfounded or duplicate */
	int		 in_open_dossier;
	int		 held;		/* by a coordinator */
	char		 hold_reason[2001];
	time_t		 held_at;
};

/* The retention of report id; MP_ENOTFOUND when there is none. */
enum mp_err	 mp_retention_report(struct mp_db *, const struct mp_conf *,
		    long long id, struct mp_retention_status *);

/*
 * Hold report id past its terms with reason (1-500 bytes), as user;
 * user 0 lifts the hold (reason is then only checked).  Call inside
 * the caller's transaction, with its event and audit entry.
 * MP_ENOTFOUND for no such report, MP_EINVAL for a bad reason.
 */
enum mp_err	 mp_retention_hold(struct mp_db *, long long id,
		    long long user, const char *reason);

/* Call fn for the last limit batches, newest first. */
enum mp_err	 mp_retention_runs(struct mp_db *, int limit,
		    void (*fn)(const struct mp_retention_run *, void *arg),
		    void *arg);

#endif
