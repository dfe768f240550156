/*
 * nltime.c -- Dutch local time (see nltime.h).  Moved here from
 * lib/journal.c when the statistics needed the same rule.
 */
#include "config.h"

#include <stdio.h>

#include "nltime.h"

/* Days since 1970-01-01 of y-m-d (proleptic Gregorian; Hinnant). */
static long long
days_from_civil(int y, int m, int d)
{
	long long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The last Sunday of month m (31 days) of y, 01:00 UTC, as time_t. */
static long long
last_sunday_0100(int y, int m)
{
	long long	 d = days_from_civil(y, m, 31);
	long long	 wd = ((d % 7) + 7 + 4) % 7;	/* 1970-01-01: Thu */

	return (d - wd) * 86400 + 3600;
}

int
mp_nltime_offset(time_t t)
{
	struct tm	 tm;
	long long	 s = (long long)t;

	if (gmtime_r(&t, &tm) == NULL)
		return 3600;
	/* CEST from the last Sunday of March to that of October. */
	if (s >= last_sunday_0100(tm.tm_year + 1900, 3) &&
	    s < last_sunday_0100(tm.tm_year + 1900, 10))
		return 7200;
	return 3600;
}

/* The local broken-down time at t; 0 if t is out of range. */
static int
local_tm(time_t t, struct tm *tm)
{
	time_t	 local = t + mp_nltime_offset(t);

	return gmtime_r(&local, tm) != NULL;
}

void
mp_nltime_date(time_t t, char out[MP_NLTIME_DATE_LEN])
{
	struct tm	 tm;

	if (!local_tm(t, &tm)) {
		(void)snprintf(out, MP_NLTIME_DATE_LEN, "2000-01-01");
		return;
	}
	(void)snprintf(out, MP_NLTIME_DATE_LEN, "%04u-%02u-%02u",
	    (unsigned)(tm.tm_year + 1900) % 10000,
	    (unsigned)(tm.tm_mon + 1) % 100, (unsigned)tm.tm_mday % 100);
}

void
mp_nltime_stamp(time_t t, char out[MP_NLTIME_STAMP_LEN])
{
	struct tm	 tm;

	out[0] = '\0';
	if (t <= 0 || !local_tm(t, &tm) || tm.tm_year + 1900 > 9999)
		return;
	(void)snprintf(out, MP_NLTIME_STAMP_LEN, "%02u-%02u-%04u %02u:%02u",
	    (unsigned)tm.tm_mday % 100, (unsigned)(tm.tm_mon + 1) % 100,
	    (unsigned)(tm.tm_year + 1900) % 10000, (unsigned)tm.tm_hour % 100,
	    (unsigned)tm.tm_min % 100);
}

int
mp_nltime_month(time_t t)
{
	struct tm	 tm;

	if (!local_tm(t, &tm))
		return 2000 * 12;
	return (tm.tm_year + 1900) * 12 + tm.tm_mon;
}

long long
mp_nltime_days(int y, int m, int d)
{

	return days_from_civil(y, m, d);
}

long long
mp_nltime_day(time_t t)
{
	long long	 local = (long long)t + mp_nltime_offset(t);

	/* Floor, not truncation: before 1970 too. */
	return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

void
mp_nltime_day_start(long long days, char out[MP_NLTIME_UTC_LEN])
{
	long long	 local;
	time_t		 t;
	struct tm	 tm;

	/*
	 * Local midnight minus the offset in force then; no DST change
	 * falls within hours of midnight (they are at 01:00 UTC), so the
	 * offset an hour earlier is the same.
	 */
	local = days * 86400;
	t = (time_t)(local - 3600);
	t = (time_t)(local - mp_nltime_offset(t));
	if (gmtime_r(&t, &tm) == NULL) {
		(void)snprintf(out, MP_NLTIME_UTC_LEN, "2000-01-01 00:00:00");
		return;
	}
	(void)snprintf(out, MP_NLTIME_UTC_LEN, "%04u-%02u-%02u %02u:%02u:%02u",
	    (unsigned)(tm.tm_year + 1900) % 10000,
	    (unsigned)(tm.tm_mon + 1) % 100, (unsigned)tm.tm_mday % 100,
	    (unsigned)tm.tm_hour % 100, (unsigned)tm.tm_min % 100,
	    (unsigned)tm.tm_sec % 100);
}

void
mp_nltime_month_start(int m, char out[MP_NLTIME_UTC_LEN])
{

	mp_nltime_day_start(days_from_civil(m / 12, m % 12 + 1, 1), out);
}
