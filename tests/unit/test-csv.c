/*
 * test-csv.c -- the CSV writer: quoting, neutralised formula starters,
 * the BOM, separators, numbers, buffering through the callback and
 * the sticky error.
 */
#include "config.h"

#include <limits.h>

#include "util.h"

/* The callback: collect into a buffer; fail when arg says so. */
struct sink {
	struct mp_buf	 b;
	size_t		 calls;
	int		 fail;
};

static enum mp_err
collect(void *arg, const void *p, size_t n)
{
	struct sink	*s = arg;

	s->calls++;
	if (s->fail)
		return MP_ESYS;
	return mp_buf_add(&s->b, p, n);
}

/* One row of the given fields, as written with separator sep. */
static void
row_is(char sep, const char *const *fields, size_t n, const char *want)
{
	struct mp_csv	 c;
	struct sink	 s = { .fail = 0 };
	size_t		 i;

	mp_buf_init(&s.b, 1 << 20);
	mp_csv_init(&c, sep, collect, &s);
	for (i = 0; i < n; i++)
		assert_int_equal(mp_csv_field(&c, fields[i]), MP_OK);
	assert_int_equal(mp_csv_endrow(&c), MP_OK);
	assert_int_equal(mp_csv_flush(&c), MP_OK);
	assert_string_equal(mp_buf_str(&s.b), want);
	mp_buf_free(&s.b);
}

static void
test_plain_and_quoted(void **state)
{
	const char *const f[] = {
		"gewoon", "met;punt", "met,komma", "zeg \"hoi\"",
		"regel\nnieuw", "cr\rhier", "", NULL, "ëüß 東京"
	};

	(void)state;
	row_is(';', f, MP_NELEM(f), "gewoon;\"met;punt\";met,komma;"
	    "\"zeg \"\"hoi\"\"\";\"regel\nnieuw\";\"cr\rhier\";;;"
	    "ëüß 東京\r\n");
	row_is(',', f, MP_NELEM(f), "gewoon,met;punt,\"met,komma\","
	    "\"zeg \"\"hoi\"\"\",\"regel\nnieuw\",\"cr\rhier\",,,"
	    "ëüß 東京\r\n");
}

static void
test_formula_starters_made_inert(void **state)
{
	const char *const f[] = {
		"=SUM(A1:A9)", "+31", "-5", "@cmd", "\tweg", "\rterug",
		"a=b", "'al"
	};

	(void)state;
	row_is(';', f, MP_NELEM(f), "'=SUM(A1:A9);'+31;'-5;'@cmd;'\tweg;"
	    "\"'\rterug\";a=b;'al\r\n");
	/* A starter inside a quoted field: the apostrophe inside too. */
	{
		const char *const g[] = { "=HYPERLINK(\"x\";\"y\")" };

		row_is(';', g, 1, "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"\r\n");
	}
}

static void
test_numbers_bom_and_rows(void **state)
{
	struct mp_csv	 c;
	struct sink	 s = { .fail = 0 };

	(void)state;
	mp_buf_init(&s.b, 1024);
	mp_csv_init(&c, ';', collect, &s);
	assert_int_equal(mp_csv_bom(&c), MP_OK);
	assert_int_equal(mp_csv_field(&c, "maand"), MP_OK);
	assert_int_equal(mp_csv_int(&c, -3), MP_OK);
	assert_int_equal(mp_csv_tenths(&c, 25), MP_OK);
	assert_int_equal(mp_csv_endrow(&c), MP_OK);
	assert_int_equal(mp_csv_int(&c, 7), MP_OK);
	assert_int_equal(mp_csv_endrow(&c), MP_OK);
	/* Nothing reaches the callback before a flush of a small row. */
	assert_int_equal(s.calls, 0);
	assert_int_equal(mp_csv_flush(&c), MP_OK);
	assert_string_equal(mp_buf_str(&s.b),
	    "\xef\xbb\xbfmaand;-3;2,5\r\n7\r\n");
	mp_buf_reset(&s.b);
	mp_csv_init(&c, ',', collect, &s);
	assert_int_equal(mp_csv_tenths(&c, 40), MP_OK);
	assert_int_equal(mp_csv_tenths(&c, -15), MP_OK);
	assert_int_equal(mp_csv_flush(&c), MP_OK);
	assert_string_equal(mp_buf_str(&s.b), "4,-1.5");
	/* The smallest number has no positive counterpart (fuzz-csv). */
	mp_buf_reset(&s.b);
	mp_csv_init(&c, ';', collect, &s);
	assert_int_equal(mp_csv_tenths(&c, LLONG_MIN), MP_OK);
	assert_int_equal(mp_csv_flush(&c), MP_OK);
	assert_string_equal(mp_buf_str(&s.b), "-922337203685477580,8");
	mp_buf_free(&s.b);
}

/* Many rows go out in buffer-sized pieces, none lost. */
static void
test_streams_in_pieces(void **state)
{
	struct mp_csv	 c;
	struct sink	 s = { .fail = 0 };
	char		 field[300];
	size_t		 i;

	(void)state;
	memset(field, 'x', sizeof(field) - 1);
	field[sizeof(field) - 1] = '\0';
	mp_buf_init(&s.b, 1 << 20);
	mp_csv_init(&c, ';', collect, &s);
	for (i = 0; i < 1000; i++) {
		assert_int_equal(mp_csv_field(&c, field), MP_OK);
		assert_int_equal(mp_csv_endrow(&c), MP_OK);
	}
	assert_int_equal(mp_csv_flush(&c), MP_OK);
	assert_int_equal(mp_buf_len(&s.b), 1000 * (sizeof(field) + 1));
	assert_true(s.calls >= 1000 * sizeof(field) / MP_CSV_BUFSZ);
	mp_buf_free(&s.b);
}

/* The first error of the callback sticks and stops all output. */
static void
test_error_sticks(void **state)
{
	struct mp_csv	 c;
	struct sink	 s = { .fail = 1 };
	char		 big[MP_CSV_BUFSZ + 10];
	size_t		 calls;

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	mp_buf_init(&s.b, 1024);
	mp_csv_init(&c, ';', collect, &s);
	assert_int_equal(mp_csv_field(&c, big), MP_ESYS);
	calls = s.calls;
	assert_int_equal(mp_csv_field(&c, "meer"), MP_ESYS);
	assert_int_equal(mp_csv_endrow(&c), MP_ESYS);
	assert_int_equal(mp_csv_flush(&c), MP_ESYS);
	assert_int_equal(s.calls, calls);
	assert_int_equal(mp_buf_len(&s.b), 0);
	mp_buf_free(&s.b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_and_quoted),
		cmocka_unit_test(test_formula_starters_made_inert),
		cmocka_unit_test(test_numbers_bom_and_rows),
		cmocka_unit_test(test_streams_in_pieces),
		cmocka_unit_test(test_error_sticks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
