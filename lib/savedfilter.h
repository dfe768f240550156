/*
 * savedfilter.h -- the owner of table saved_filter (sql/049): a user's
 * named filters of the work list (issue 16).  A filter is stored as
 * the query string the dashboard made from filters it checked, and is
 * only ever a query string: using it runs the work list's checks
 * again.  Each user sees, uses and removes only their own: every
 * statement names the user.
 */
#ifndef MP_SAVEDFILTER_H
#define MP_SAVEDFILTER_H

#include "errcode.h"

struct mp_db;

#define MP_SAVEDFILTER_NAME_MAX		60	/* characters */
#define MP_SAVEDFILTER_QUERY_MAX	2000	/* bytes */
#define MP_SAVEDFILTER_PER_USER		20
#define MP_SAVEDFILTER_NAME_SZ		(MP_SAVEDFILTER_NAME_MAX * 4 + 1)

struct mp_savedfilter {
	long long	 id;
	char		 name[MP_SAVEDFILTER_NAME_SZ];
	char		 query[MP_SAVEDFILTER_QUERY_MAX + 1];
};

/* 1 when name is a filter's name: not blank, one line, not too long. */
int		 mp_savedfilter_name_ok(const char *name);
/*
 * 1 when q can be a stored query: not empty, at most
 * MP_SAVEDFILTER_QUERY_MAX bytes of a URL-encoded query string's
 * characters (letters, digits, "%&=-._~+"), so it can go into a link
 * or a Location header as it is.
 */
int		 mp_savedfilter_query_ok(const char *q);

/* User's filters, by name. */
typedef void	(*mp_savedfilter_fn)(const struct mp_savedfilter *, void *);
enum mp_err	 mp_savedfilter_list(struct mp_db *, long long user,
		    mp_savedfilter_fn, void *);
/* User's filter id into *out; MP_ENOTFOUND, also for another's. */
enum mp_err	 mp_savedfilter_get(struct mp_db *, long long user,
		    long long id, struct mp_savedfilter *out);
/*
 * Save query as user's filter name (its id to *id).  MP_EINVAL for a
 * bad name or query, MP_ETOOBIG when the user has
 * MP_SAVEDFILTER_PER_USER already, MP_EDUP when the name is taken;
 * nothing written then.  Runs in the caller's transaction.
 */
enum mp_err	 mp_savedfilter_add(struct mp_db *, long long user,
		    const char *name, const char *query, long long *id);
/* Remove user's filter id; MP_ENOTFOUND, also for another's. */
enum mp_err	 mp_savedfilter_remove(struct mp_db *, long long user,
		    long long id);

#endif
