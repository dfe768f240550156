/*
 * test-stats.c -- the statistics' pure parts: month parsing and
 * formatting (the range form's validation), and the median of a day
 * histogram.  Includes lib/stats.c to reach the static histogram code.
 */
#include "config.h"

#include "util.h"

#include "../lib/stats.c"

static void
test_month_parse(void **state)
{
	char	 s[16];

	(void)state;
	assert_int_equal(mp_stats_month_parse("2026-01"), 2026 * 12);
	assert_int_equal(mp_stats_month_parse("2024-12"), 2024 * 12 + 11);
	assert_int_equal(mp_stats_month_parse("2000-01"), 2000 * 12);
	assert_int_equal(mp_stats_month_parse("2199-12"), 2199 * 12 + 11);
	assert_int_equal(mp_stats_month_parse("2026-13"), -1);
	assert_int_equal(mp_stats_month_parse("2026-00"), -1);
	assert_int_equal(mp_stats_month_parse("1999-12"), -1);
	assert_int_equal(mp_stats_month_parse("2200-01"), -1);
	assert_int_equal(mp_stats_month_parse("2026-1"), -1);
	assert_int_equal(mp_stats_month_parse("2026-011"), -1);
	assert_int_equal(mp_stats_month_parse("2026/01"), -1);
	assert_int_equal(mp_stats_month_parse("+026-01"), -1);
	assert_int_equal(mp_stats_month_parse("2026- 1"), -1);
	assert_int_equal(mp_stats_month_parse(""), -1);
	assert_int_equal(mp_stats_month_parse(NULL), -1);
	mp_stats_month_format(2026 * 12 + 2, s);
	assert_string_equal(s, "2026-03");
	month_date(2024 * 12 + 11 + 1, s);
	assert_string_equal(s, "2025-01-01");
	assert_string_equal(mp_stats_dim_name(MP_SD_AUDIENCE), "doelgroep");
	assert_string_equal(mp_stats_dim_name(MP_SD__MAX), "");
}

static long long
median_of(const long long *days, const long long *n, size_t len)
{
	static struct hist	 h;
	size_t			 i;

	memset(&h, 0, sizeof(h));
	for (i = 0; i < len; i++)
		hist_add(&h, days[i], n[i]);
	return hist_median(&h);
}

static void
test_median(void **state)
{
	const long long	 d1[] = { 4 }, n1[] = { 1 };
	const long long	 d2[] = { 4, 7 }, n2[] = { 1, 1 };
	const long long	 d3[] = { 0, 1, 29, 59 }, n3[] = { 3, 1, 1, 2 };
	const long long	 d4[] = { 2, 3 }, n4[] = { 2, 2 };

	(void)state;
	assert_int_equal(median_of(d1, n1, 0), MP_STATS_NONE);
	assert_int_equal(median_of(d1, n1, 1), 40);
	/* Even: the mean of the middle two. */
	assert_int_equal(median_of(d2, n2, 2), 55);
	/* 0 0 0 1 29 59 59: the fourth. */
	assert_int_equal(median_of(d3, n3, 4), 10);
	/* 2 2 3 3 */
	assert_int_equal(median_of(d4, n4, 2), 25);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_parse),
		cmocka_unit_test(test_median),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
