/*
 * test-share.c -- the export cursor: what a partner sends back as
 * since= is read exactly, and anything else is refused (400), never
 * guessed at.
 */
#include "config.h"

#include "util.h"

static void
test_cursor_good(void **state)
{
	struct mp_cursor	 c;
	char			 out[MP_CURSOR_SZ];

	(void)state;
	assert_true(mp_share_cursor_parse(NULL, &c));
	assert_true(c.seq == 0 && c.id == 0);
	assert_true(mp_share_cursor_parse("", &c));
	assert_true(c.seq == 0 && c.id == 0);
	assert_true(mp_share_cursor_parse("0-0", &c));
	assert_true(mp_share_cursor_parse("17-123456", &c));
	assert_true(c.seq == 17 && c.id == 123456);
	mp_share_cursor_format(&c, out);
	assert_string_equal(out, "17-123456");
	assert_true(mp_share_cursor_parse(
	    "9223372036854775807-9223372036854775807",
	    &c));
	assert_true(c.seq == 9223372036854775807ULL);
	mp_share_cursor_format(&c, out);
	assert_string_equal(out, "9223372036854775807-9223372036854775807");
}

static void
test_cursor_bad(void **state)
{
	struct mp_cursor	 c;
	size_t			 i;
	static const char *const bad[] = {
		"-", "1-", "-1", "1", "a-1", "1-a", "01-1", "1-01", "1--1",
		"1-2-3", "+1-2", "1-+2", " 1-2", "1-2 ", "1.2",
		"9223372036854775808-1", "1-9223372036854775808",
		"99999999999999999999-1", "1-2\n", "\xc2\xb9-2",
	};

	(void)state;
	for (i = 0; i < MP_NELEM(bad); i++) {
		print_message("# refusing \"%s\"\n", bad[i]);
		assert_false(mp_share_cursor_parse(bad[i], &c));
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cursor_good),
		cmocka_unit_test(test_cursor_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
