/*
 * test-retention.c -- the retention terms (lib/retention.c): calendar
 * months back and forth at month ends and leap days, the cutoffs, the
 * terms per signal type with their defaults and bounds, and the
 * pattern of unfounded closing reasons.
 */
#include "config.h"

#include <time.h>

#include "util.h"

static struct mp_conf *
parse(const char *text)
{
	struct mp_conf	*c;
	char		 err[256];

	err[0] = '\0';
	if (mp_conf_parse(&c, text, err, sizeof(err)) != MP_OK)
		fail_msg("parse: %s", err);
	return c;
}

/* "YYYY-MM-DD HH:MM:SS" as a time (UTC). */
static time_t
at(const char *s)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	assert_int_equal(sscanf(s, "%d-%d-%d %d:%d:%d", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec), 6);
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return timegm(&tm);
}

static void
ts_is(time_t t, const char *want)
{
	char	 buf[MP_RETENTION_TS];

	mp_retention_ts(t, buf);
	assert_string_equal(buf, want);
}

static void
test_months(void **state)
{

	(void)state;
	ts_is(mp_retention_add_months(at("2026-12-06 20:00:00"), -6),
	    "2026-06-06 20:00:00");
	ts_is(mp_retention_add_months(at("2026-12-06 20:00:00"), 6),
	    "2027-06-06 20:00:00");
	/* A day the target month lacks becomes its last. */
	ts_is(mp_retention_add_months(at("2026-08-31 10:00:00"), -6),
	    "2026-02-28 10:00:00");
	ts_is(mp_retention_add_months(at("2028-08-31 10:00:00"), -6),
	    "2028-02-29 10:00:00");
	ts_is(mp_retention_add_months(at("2024-02-29 00:00:00"), 12),
	    "2025-02-28 00:00:00");
	ts_is(mp_retention_add_months(at("2024-02-29 00:00:00"), 48),
	    "2028-02-29 00:00:00");
	ts_is(mp_retention_add_months(at("2026-01-15 00:00:00"), -60),
	    "2021-01-15 00:00:00");
	ts_is(mp_retention_add_months(at("2026-03-31 23:59:59"), -1),
	    "2026-02-28 23:59:59");
	assert_true(mp_retention_add_months(at("2026-01-01 00:00:00"),
	    -12 * 3000) == (time_t)-1);
}

static void
test_cutoff(void **state)
{
	time_t	 now = at("2031-01-01 00:00:00");

	(void)state;
	ts_is(mp_retention_cutoff(now, 6), "2030-07-01 00:00:00");
	ts_is(mp_retention_cutoff(now, 60), "2026-01-01 00:00:00");
	ts_is(mp_retention_cutoff(now, 12), "2030-01-01 00:00:00");
	/* Due means closed before the cutoff: adding the term back to a
	 * closing at the cutoff gives now, not earlier. */
	assert_true(mp_retention_add_months(mp_retention_cutoff(now, 6), 6)
	    == now);
}

static void
test_terms(void **state)
{
	struct mp_retention_terms	 t;
	struct mp_conf			*c;

	(void)state;
	c = parse("");
	mp_retention_terms(c, NULL, &t);
	assert_int_equal(t.identity, 6);
	assert_int_equal(t.content, 60);
	assert_int_equal(t.unfounded, 12);
	assert_int_equal(mp_retention_dossier_months(c), 60);
	mp_retention_terms(c, "drugs", &t);
	assert_int_equal(t.identity, 6);
	mp_conf_free(c);

	c = parse("retention {\n identity_months = 9\n content_years = 7\n"
	    " dossier_years = 10\n type {\n  drugs {\n   identity_months = 3\n"
	    "   content_years = 2\n  }\n  fraude {\n   unfounded_months = 200\n"
	    "  }\n  kapot {\n   identity_months = 0\n   content_years = x\n"
	    "  }\n }\n}\n");
	mp_retention_terms(c, "drugs", &t);
	assert_int_equal(t.identity, 3);
	assert_int_equal(t.content, 24);
	assert_int_equal(t.unfounded, 12);
	mp_retention_terms(c, "mensenhandel", &t);
	assert_int_equal(t.identity, 9);
	assert_int_equal(t.content, 84);
	/* Never longer for unfounded reports than for any other. */
	mp_retention_terms(c, "fraude", &t);
	assert_int_equal(t.unfounded, 84);
	/* Out of bounds or not a number: the default, logged. */
	mp_retention_terms(c, "kapot", &t);
	assert_int_equal(t.identity, 9);
	assert_int_equal(t.content, 84);
	assert_int_equal(mp_retention_dossier_months(c), 120);
	mp_conf_free(c);
}

static void
test_reason_pattern(void **state)
{
	char	 buf[64];

	(void)state;
	assert_int_equal(mp_retention_reason_pattern("ongegrond, geen grond",
	    buf, sizeof(buf)), 0);
	assert_string_equal(buf, "^(ongegrond|geen grond)");
	assert_int_equal(mp_retention_reason_pattern(" niet-gegrond ,, ",
	    buf, sizeof(buf)), 0);
	assert_string_equal(buf, "^(niet-gegrond)");
	assert_int_equal(mp_retention_reason_pattern("", buf, sizeof(buf)),
	    0);
	assert_string_equal(buf, "");
	assert_int_equal(mp_retention_reason_pattern(NULL, buf, sizeof(buf)),
	    0);
	assert_string_equal(buf, "");
	/* No regular expression from the configuration. */
	assert_int_equal(mp_retention_reason_pattern("onge.*", buf,
	    sizeof(buf)), -1);
	assert_int_equal(mp_retention_reason_pattern("a|b", buf,
	    sizeof(buf)), -1);
	assert_int_equal(mp_retention_reason_pattern("x'y", buf,
	    sizeof(buf)), -1);
	/* Too long for the buffer. */
	assert_int_equal(mp_retention_reason_pattern("aaaaaaaaaa", buf, 12),
	    -1);
}

static void
test_kind_names(void **state)
{

	(void)state;
	assert_string_equal(mp_retention_kind_name(MP_RETENTION_IDENTITY),
	    "identity");
	assert_string_equal(mp_retention_kind_name(MP_RETENTION_CONTENT),
	    "content");
	assert_string_equal(mp_retention_kind_name(MP_RETENTION_DOSSIER),
	    "dossier");
	assert_string_equal(mp_retention_kind_name(MP_RETENTION__MAX), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_cutoff),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_reason_pattern),
		cmocka_unit_test(test_kind_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
