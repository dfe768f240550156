/*
 * test-routing.c -- which routing rule wins (lib/routing.c): the most
 * specific of those that fit, the signal type weighing more than the
 * audience, none when none fits; the history row's words; and the
 * days of a cover (lib/cover.c) as UTC instants of midnight in
 * Europe/Amsterdam, on both sides of both clock changes.
 */
#include "config.h"

#include "util.h"

#define ANY	MP_ROUTING_ANY

static struct mp_routing_rule
rule(long long id, long long type, long long aud)
{
	struct mp_routing_rule	 r;

	memset(&r, 0, sizeof(r));
	r.id = id;
	r.signal_type = type;
	r.audience = aud;
	r.team = id * 10;
	(void)snprintf(r.team_name, sizeof(r.team_name), "T%lld", id);
	return r;
}

static void
test_pick(void **state)
{
	struct mp_routing_rule	 rs[5];

	(void)state;
	/* In the order a query might return them: any first. */
	rs[0] = rule(1, ANY, ANY);
	rs[1] = rule(2, ANY, 7);
	rs[2] = rule(3, 5, ANY);
	rs[3] = rule(4, 5, 7);
	rs[4] = rule(5, 6, 7);		/* another type: never fits 5 */
	assert_int_equal(mp_routing_pick(rs, 5, 5, 7), 3);
	/* Without the exact rule: the signal type's beats the audience's. */
	assert_int_equal(mp_routing_pick(rs, 3, 5, 7), 2);
	assert_int_equal(mp_routing_pick(rs, 2, 5, 7), 1);
	assert_int_equal(mp_routing_pick(rs, 1, 5, 7), 0);
	/* Another audience: the type's rule, not the audience's. */
	assert_int_equal(mp_routing_pick(rs, 5, 5, 8), 2);
	/* Another type from audience 7: the audience's rule. */
	assert_int_equal(mp_routing_pick(rs, 5, 9, 7), 1);
	/* Type 6 from audience 7: its exact rule. */
	assert_int_equal(mp_routing_pick(rs, 5, 6, 7), 4);
	/* Nothing fits. */
	assert_int_equal(mp_routing_pick(&rs[4], 1, 5, 7), -1);
	assert_int_equal(mp_routing_pick(rs, 0, 5, 7), -1);
	/* The order of the rows does not matter. */
	rs[0] = rule(4, 5, 7);
	rs[1] = rule(3, 5, ANY);
	rs[2] = rule(1, ANY, ANY);
	assert_int_equal(mp_routing_pick(rs, 3, 5, 7), 0);
	assert_int_equal(mp_routing_pick(rs, 3, 5, 1), 1);
	assert_int_equal(mp_routing_pick(rs, 3, 2, 1), 2);
}

static void
test_detail(void **state)
{
	struct mp_routing_rule	 r = rule(12, 5, ANY);
	char			 out[MP_ROUTING_DETAIL_MAX];

	(void)state;
	mp_routing_detail(&r, out);
	assert_string_equal(out, "automatisch toegewezen aan team T12 "
	    "volgens regel 12 (signaalsoort, elke doelgroep)");
	r = rule(3, ANY, ANY);
	mp_routing_detail(&r, out);
	assert_non_null(strstr(out, "(elke melding)"));
}

static void
test_cover_days(void **state)
{
	char	 t[20];

	(void)state;
	/* Winter: midnight is 23:00 UTC the day before. */
	assert_true(mp_cover_day_start("2026-01-15", t));
	assert_string_equal(t, "2026-01-14 23:00:00");
	/* Summer: 22:00 UTC. */
	assert_true(mp_cover_day_start("2026-07-01", t));
	assert_string_equal(t, "2026-06-30 22:00:00");
	/* The day of the change to summer time still starts in winter. */
	assert_true(mp_cover_day_start("2026-03-29", t));
	assert_string_equal(t, "2026-03-28 23:00:00");
	assert_true(mp_cover_day_start("2026-03-30", t));
	assert_string_equal(t, "2026-03-29 22:00:00");
	/* The day of the change back still starts in summer. */
	assert_true(mp_cover_day_start("2026-10-25", t));
	assert_string_equal(t, "2026-10-24 22:00:00");
	assert_true(mp_cover_day_start("2026-10-26", t));
	assert_string_equal(t, "2026-10-25 23:00:00");
	/* A new year, a leap day. */
	assert_true(mp_cover_day_start("2027-01-01", t));
	assert_string_equal(t, "2026-12-31 23:00:00");
	assert_true(mp_cover_day_start("2028-02-29", t));
	assert_string_equal(t, "2028-02-28 23:00:00");
	/* Not dates. */
	assert_false(mp_cover_day_start("2026-02-30", t));
	assert_false(mp_cover_day_start("15-01-2026", t));
	assert_false(mp_cover_day_start("", t));
	assert_false(mp_cover_day_start(NULL, t));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_detail),
		cmocka_unit_test(test_cover_days),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
