/*
 * nltime.h -- Dutch local time (Europe/Amsterdam) for what counts in
 * days and months as a municipality does: a journal task's "today"
 * (lib/journal.c) and the months of the statistics (lib/stats.c,
 * lib/dossierstat.c, the range forms).  Stored times stay UTC; these
 * functions turn a UTC instant into its local date or month and a
 * local month back into the UTC instant it starts.
 *
 * The EU rule is computed here (CET, +1; CEST, +2, from the last Sunday
 * of March 01:00 UTC to the last Sunday of October 01:00 UTC), so
 * neither tz tables in MariaDB nor zoneinfo files inside the sandbox
 * are needed.  The triggers of the monthly counters apply the same
 * rule in SQL (nl_month(), sql/043_stats_local_month.sql); there only
 * the offset at a month's first day matters, which no DST change
 * comes near (+2 on the first of April..October, +1 otherwise).
 */
#ifndef MP_NLTIME_H
#define MP_NLTIME_H

#include <time.h>

#define MP_NLTIME_DATE_LEN	11	/* "YYYY-MM-DD" and its NUL */
#define MP_NLTIME_UTC_LEN	20	/* "YYYY-MM-DD HH:MM:SS" and NUL */
#define MP_NLTIME_STAMP_LEN	17	/* "DD-MM-YYYY HH:MM" and its NUL */

/* The offset of Amsterdam's time from UTC at t, in seconds. */
int		 mp_nltime_offset(time_t t);
/* The local date at t, "YYYY-MM-DD" ("2000-01-01" if t is absurd). */
void		 mp_nltime_date(time_t t, char out[MP_NLTIME_DATE_LEN]);
/*
 * The local date and time at t as the dashboard shows them to people,
 * "DD-MM-YYYY HH:MM" ("" if t is not after 1970 or absurd): the
 * programs run where no zoneinfo may be, so localtime_r would say UTC.
 */
void		 mp_nltime_stamp(time_t t, char out[MP_NLTIME_STAMP_LEN]);
/* The local month at t as year * 12 + month - 1. */
int		 mp_nltime_month(time_t t);
/*
 * The UTC instant at which local month m (year * 12 + month - 1)
 * begins, as "YYYY-MM-DD HH:MM:SS" for a DATETIME parameter.
 */
void		 mp_nltime_month_start(int m, char out[MP_NLTIME_UTC_LEN]);
/* Days since 1970-01-01 of the date y-m-d (proleptic Gregorian). */
long long	 mp_nltime_days(int y, int m, int d);
/*
 * The local day number (days since 1970-01-01, as mp_nltime_days) of
 * the day in Amsterdam that instant t falls on: how many days ago a
 * report came in is a difference of two of these, so that one of
 * 23:30 yesterday is "gisteren" at 08:00 and not "vandaag".
 */
long long	 mp_nltime_day(time_t t);
/* The UTC instant local day number days begins, as month_start's. */
void		 mp_nltime_day_start(long long days,
		    char out[MP_NLTIME_UTC_LEN]);

#endif /* MP_NLTIME_H */
