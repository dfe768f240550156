/*
 * cover.h -- the owner of table cover: a coordinator lets a handler
 * see a colleague's queue for a while (issue 16).  While a cover runs
 * the handler sees the reports of the colleague's teams, as the
 * colleague does; the rule itself is lib/access.c's (it reads the view
 * user_team_access of sql/042, which adds the running covers to
 * user_team).  A cover runs from its first day to its last, both
 * included, in Europe/Amsterdam, and ends by itself after its last
 * day; a coordinator can end it early.
 */
#ifndef MP_COVER_H
#define MP_COVER_H

#include <time.h>

#include "errcode.h"

struct mp_db;

#define MP_COVER_DATE_LEN	11	/* "YYYY-MM-DD" */
#define MP_COVER_NAME_MAX	404

struct mp_cover {
	long long	 id;
	long long	 user, colleague;
	char		 user_name[MP_COVER_NAME_MAX];	/* display names */
	char		 colleague_name[MP_COVER_NAME_MAX];
	char		 starts_on[MP_COVER_DATE_LEN];
	char		 ends_on[MP_COVER_DATE_LEN];
	char		 created_by[65];
	int		 state;		/* MP_COVER_* */
};

enum { MP_COVER_PLANNED, MP_COVER_ACTIVE, MP_COVER_OVER, MP_COVER_ENDED };

/*
 * The UTC instant "YYYY-MM-DD HH:MM:SS" at which day (a date
 * "YYYY-MM-DD") begins in Europe/Amsterdam, into out; 0 when day is
 * not a valid date.
 */
int		 mp_cover_day_start(const char *day, char out[20]);

/*
 * Store a cover of colleague by user from starts_on to ends_on (dates
 * "YYYY-MM-DD", checked by the caller), by actor; its id to *id.
 * MP_EINVAL when the dates are wrong, the end before the start, or
 * user and colleague are the same; MP_ENOTFOUND when either is no
 * enabled account.  Nothing written then.
 */
enum mp_err	 mp_cover_add(struct mp_db *, long long user,
		    long long colleague, const char *starts_on,
		    const char *ends_on, const char *actor, long long *id);
/*
 * End cover id now, by actor, what it was into *was; MP_ENOTFOUND when
 * there is no such cover that has not ended (or run out) yet.
 */
enum mp_err	 mp_cover_end(struct mp_db *, long long id,
		    const char *actor, struct mp_cover *was);
/* The covers not over for more than 30 days, newest first, to fn. */
typedef void	(*mp_cover_fn)(const struct mp_cover *, void *);
enum mp_err	 mp_cover_list(struct mp_db *, mp_cover_fn, void *);

#endif
