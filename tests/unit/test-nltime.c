/*
 * test-nltime.c -- Dutch local time (lib/nltime.c) for the statistics'
 * months: the local month of instants around the first midnight of a
 * month in winter and summer time and across both DST changes, the UTC
 * instant each local month begins, and both against the system's
 * zoneinfo over five years where it is installed.  The local date
 * itself is held by test-journal.c (mp_journal_today).
 */
#include "config.h"

#include <stdlib.h>
#include <time.h>

#include "util.h"


static time_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return timegm(&tm);
}

#define M(y, m)	((y) * 12 + (m) - 1)

static void
test_month(void **state)
{
	(void)state;
	/* 00:30 on 1 March Dutch time (CET) is 23:30 UTC the day before. */
	assert_int_equal(mp_nltime_month(utc(2026, 2, 28, 23, 30, 0)),
	    M(2026, 3));
	assert_int_equal(mp_nltime_month(utc(2026, 2, 28, 22, 59, 59)),
	    M(2026, 2));
	/* 1 April, CEST: midnight is 22:00 UTC. */
	assert_int_equal(mp_nltime_month(utc(2026, 3, 31, 22, 0, 0)),
	    M(2026, 4));
	assert_int_equal(mp_nltime_month(utc(2026, 3, 31, 21, 59, 59)),
	    M(2026, 3));
	/* 1 November, back in CET: 23:00 UTC. */
	assert_int_equal(mp_nltime_month(utc(2026, 10, 31, 22, 30, 0)),
	    M(2026, 10));
	assert_int_equal(mp_nltime_month(utc(2026, 10, 31, 23, 0, 0)),
	    M(2026, 11));
	/* New year. */
	assert_int_equal(mp_nltime_month(utc(2026, 12, 31, 23, 0, 0)),
	    M(2027, 1));
	/* 2024: the last Sunday of March is the 31st itself. */
	assert_int_equal(mp_nltime_month(utc(2024, 3, 31, 22, 0, 0)),
	    M(2024, 4));
	assert_int_equal(mp_nltime_offset(utc(2024, 3, 31, 0, 59, 59)), 3600);
	assert_int_equal(mp_nltime_offset(utc(2024, 3, 31, 1, 0, 0)), 7200);
}

static void
start_is(int m, const char *want)
{
	char	 out[MP_NLTIME_UTC_LEN];

	mp_nltime_month_start(m, out);
	assert_string_equal(out, want);
}

static void
test_month_start(void **state)
{
	(void)state;
	start_is(M(2026, 3), "2026-02-28 23:00:00");
	start_is(M(2026, 4), "2026-03-31 22:00:00");
	start_is(M(2026, 10), "2026-09-30 22:00:00");
	start_is(M(2026, 11), "2026-10-31 23:00:00");
	start_is(M(2027, 1), "2026-12-31 23:00:00");
	start_is(M(2024, 3), "2024-02-29 23:00:00");
}

/* Where zoneinfo is installed: the same months as localtime_r. */
static void
test_zoneinfo(void **state)
{
	struct tm	 tm;
	const char	*old = getenv("TZ");
	char		 out[MP_NLTIME_UTC_LEN], want[32];
	time_t		 t, end;
	int		 m;
	FILE		*f;

	(void)state;
	if ((f = fopen("/usr/share/zoneinfo/Europe/Amsterdam", "r")) == NULL)
		skip();
	fclose(f);
	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	end = utc(2029, 1, 1, 0, 0, 0);
	for (t = utc(2024, 1, 1, 0, 0, 0); t < end; t += 1800) {
		assert_non_null(localtime_r(&t, &tm));
		if (mp_nltime_month(t) != (tm.tm_year + 1900) * 12 + tm.tm_mon)
			fail_msg("%lld: month %d", (long long)t,
			    mp_nltime_month(t));
		if (mp_nltime_offset(t) != tm.tm_gmtoff)
			fail_msg("%lld: offset %d", (long long)t,
			    mp_nltime_offset(t));
	}
	for (m = M(2024, 1); m < M(2029, 1); m++) {
		memset(&tm, 0, sizeof(tm));
		tm.tm_year = m / 12 - 1900;
		tm.tm_mon = m % 12;
		tm.tm_mday = 1;
		tm.tm_isdst = -1;
		t = mktime(&tm);
		assert_non_null(gmtime_r(&t, &tm));
		(void)strftime(want, sizeof(want), "%Y-%m-%d %H:%M:%S", &tm);
		mp_nltime_month_start(m, out);
		assert_string_equal(out, want);
	}
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
}

/* The dashboard's "DD-MM-YYYY HH:MM", in Amsterdam's time. */
static void
test_stamp(void **state)
{
	char	 out[MP_NLTIME_STAMP_LEN];

	(void)state;
	/* 23:30 UTC on 28 February is 00:30 on 1 March (CET). */
	mp_nltime_stamp(utc(2026, 2, 28, 23, 30, 0), out);
	assert_string_equal(out, "01-03-2026 00:30");
	/* Summer: +2, across the date line of the month and the year. */
	mp_nltime_stamp(utc(2026, 7, 4, 9, 5, 59), out);
	assert_string_equal(out, "04-07-2026 11:05");
	mp_nltime_stamp(utc(2026, 12, 31, 23, 0, 0), out);
	assert_string_equal(out, "01-01-2027 00:00");
	/* The DST changes themselves. */
	mp_nltime_stamp(utc(2026, 3, 29, 0, 59, 0), out);
	assert_string_equal(out, "29-03-2026 01:59");
	mp_nltime_stamp(utc(2026, 3, 29, 1, 0, 0), out);
	assert_string_equal(out, "29-03-2026 03:00");
	mp_nltime_stamp(utc(2026, 10, 25, 0, 59, 0), out);
	assert_string_equal(out, "25-10-2026 02:59");
	mp_nltime_stamp(utc(2026, 10, 25, 1, 0, 0), out);
	assert_string_equal(out, "25-10-2026 02:00");
	/* No time: nothing rather than 01-01-1970. */
	mp_nltime_stamp(0, out);
	assert_string_equal(out, "");
	mp_nltime_stamp(-5, out);
	assert_string_equal(out, "");
}

/* Amsterdam's day number, for "vandaag", "gisteren", "8 dagen". */
static void
test_day(void **state)
{

	(void)state;
	assert_int_equal(mp_nltime_day(utc(2026, 3, 1, 12, 0, 0)),
	    mp_nltime_days(2026, 3, 1));
	/* 23:30 UTC on 28 February is already 1 March in Amsterdam. */
	assert_int_equal(mp_nltime_day(utc(2026, 2, 28, 23, 30, 0)),
	    mp_nltime_days(2026, 3, 1));
	assert_int_equal(mp_nltime_day(utc(2026, 2, 28, 22, 59, 59)),
	    mp_nltime_days(2026, 2, 28));
	/* Summer: midnight is 22:00 UTC. */
	assert_int_equal(mp_nltime_day(utc(2026, 7, 4, 22, 0, 0)),
	    mp_nltime_days(2026, 7, 5));
	assert_int_equal(mp_nltime_day(utc(2026, 7, 4, 21, 59, 59)),
	    mp_nltime_days(2026, 7, 4));
	/* 23:30 yesterday and 08:00 today: one day apart, 8.5 hours. */
	assert_int_equal(mp_nltime_day(utc(2026, 12, 7, 7, 0, 0)) -
	    mp_nltime_day(utc(2026, 12, 6, 22, 30, 0)), 1);
	/* And 00:30 today from 23:30 yesterday: also a day. */
	assert_int_equal(mp_nltime_day(utc(2026, 12, 6, 23, 30, 0)) -
	    mp_nltime_day(utc(2026, 12, 6, 22, 30, 0)), 1);
	assert_int_equal(mp_nltime_day(0), 0);
	assert_int_equal(mp_nltime_day(-86400 - 3600), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month),
		cmocka_unit_test(test_month_start),
		cmocka_unit_test(test_zoneinfo),
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
