/*
 * link.h -- what a handler decided about two reports (table
 * report_link, sql/030): the same case, unrelated (hidden from each
 * other's "Verbanden"), or one closed as a duplicate of the other.
 * The links a shared subject makes are lib/subject.h's; these are the
 * decisions about them.  One decision a pair; a later one replaces it.
 */
#ifndef MP_LINK_H
#define MP_LINK_H

#include <stddef.h>

#include "errcode.h"

struct mp_db;
struct mp_dbval;

enum mp_link_kind {
	MP_LINK_SAME = 1,
	MP_LINK_UNRELATED,
	MP_LINK_DUPLICATE,
	MP_LINK__MAX
};

/* Bytes of a reason (the column is VARCHAR(2000) characters). */
#define MP_LINK_REASON_MAX	2000

/* The stored name ("same", ...) of kind, or NULL. */
const char	*mp_link_kind_name(enum mp_link_kind);

/*
 * Record the decision kind about reports a and b (different, in either
 * order) by user with reason (not blank); for MP_LINK_DUPLICATE, a is
 * the duplicate.  Replaces an earlier decision about the pair.  In the
 * caller's transaction.  MP_EINVAL for a bad kind, a == b or a blank
 * reason; the database's error for a report that does not exist.
 */
enum mp_err	 mp_link_mark(struct mp_db *, enum mp_link_kind,
		    long long a, long long b, const char *reason,
		    long long user);

/* One decision as mp_link_list hands it over. */
struct mp_link_row {
	long long		 other;		/* the other report */
	enum mp_link_kind	 kind;
	int			 this_dup;	/* this one is the duplicate */
	int			 visible;	/* the user may see other */
	const char		*reference;	/* "" unless visible */
	const char		*reason;	/* "" unless visible */
	long long		 at;		/* unix time */
};
typedef void	(*mp_link_fn)(const struct mp_link_row *, void *arg);

/*
 * Call fn for each decision about report, newest first, at most limit
 * (1 to 1000), for a user whose visibility parameters vis (two) came
 * from mp_access_report_params: the other report's reference and the
 * reason only where the user may see it.  The pointers are valid
 * during the call only.
 */
enum mp_err	 mp_link_list(struct mp_db *, long long report,
		    const struct mp_dbval *vis, unsigned limit,
		    mp_link_fn fn, void *arg);

/*
 * mp_link_list's statement puts in the visibility rule: open this set
 * (mp_sqltext_open, lib/sqltext.h) at a program's start, as the
 * dashboard's dash_sql_open does; mp_link_mark needs no opening.
 */
struct mp_sqltext_set;
extern struct mp_sqltext_set mp_link_sql;

#endif /* MP_LINK_H */
