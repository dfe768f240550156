/*
 * test-replytpl.c -- the limits of a reply template (lib/replytpl.c)
 * and of a saved filter's name and stored query (lib/savedfilter.c),
 * which the pages and the tables' owners both apply: at the limit
 * taken, one past it refused; blank and line breaks where one line is
 * wanted refused; a stored query only of a URL-encoded query string's
 * characters, so it can never end a header line or an attribute.
 */
#include "config.h"

#include "util.h"

static void
fill(char *s, size_t n, const char *unit)
{
	size_t	 i, len = strlen(unit);

	for (i = 0; i < n; i++)
		memcpy(s + i * len, unit, len);
	s[n * len] = '\0';
}

static void
test_template(void **state)
{
	static struct mp_replytpl	 t;

	(void)state;
	memset(&t, 0, sizeof(t));
	(void)snprintf(t.title, sizeof(t.title), "Ontvangen");
	(void)snprintf(t.body, sizeof(t.body), "Dank u.\r\nMet groet.");
	assert_null(mp_replytpl_invalid(&t));
	/* Limits in characters: 100 "é" (200 bytes) is a title. */
	fill(t.title, MP_REPLYTPL_TITLE_MAX, "\xc3\xa9");
	assert_null(mp_replytpl_invalid(&t));
	fill(t.title, MP_REPLYTPL_TITLE_MAX + 1, "a");
	assert_string_equal(mp_replytpl_invalid(&t), "title");
	(void)snprintf(t.title, sizeof(t.title), "Twee\nregels");
	assert_string_equal(mp_replytpl_invalid(&t), "title");
	(void)snprintf(t.title, sizeof(t.title), "  ");
	assert_string_equal(mp_replytpl_invalid(&t), "title");
	(void)snprintf(t.title, sizeof(t.title), "Titel");
	fill(t.body, MP_REPLYTPL_BODY_MAX, "\xe2\x82\xac");
	assert_null(mp_replytpl_invalid(&t));
	fill(t.body, MP_REPLYTPL_BODY_MAX + 1, "b");
	assert_string_equal(mp_replytpl_invalid(&t), "body");
	(void)snprintf(t.body, sizeof(t.body), " \r\n ");
	assert_string_equal(mp_replytpl_invalid(&t), "body");
	/* Markup is text like any other: escaped where it is shown. */
	(void)snprintf(t.body, sizeof(t.body), "<script>alert(1)</script>");
	assert_null(mp_replytpl_invalid(&t));
	t.signal_type = -1;
	assert_string_equal(mp_replytpl_invalid(&t), "type");
}

static void
test_filter(void **state)
{
	char	 s[MP_SAVEDFILTER_QUERY_MAX + 2];

	(void)state;
	assert_true(mp_savedfilter_name_ok("Nieuw in Noord"));
	fill(s, MP_SAVEDFILTER_NAME_MAX, "\xc3\xa9");
	assert_true(mp_savedfilter_name_ok(s));
	fill(s, MP_SAVEDFILTER_NAME_MAX + 1, "n");
	assert_false(mp_savedfilter_name_ok(s));
	assert_false(mp_savedfilter_name_ok("Een\ntwee"));
	assert_false(mp_savedfilter_name_ok("   "));
	assert_false(mp_savedfilter_name_ok(NULL));

	assert_true(mp_savedfilter_query_ok("status=nieuw&soort=3&q=%3Cb%3E"));
	assert_true(mp_savedfilter_query_ok("q=loods+De-Wit_1.~"));
	fill(s, MP_SAVEDFILTER_QUERY_MAX, "q");
	assert_true(mp_savedfilter_query_ok(s));
	fill(s, MP_SAVEDFILTER_QUERY_MAX + 1, "q");
	assert_false(mp_savedfilter_query_ok(s));
	assert_false(mp_savedfilter_query_ok(""));
	assert_false(mp_savedfilter_query_ok(NULL));
	assert_false(mp_savedfilter_query_ok("status=nieuw\r\nLocation: x"));
	assert_false(mp_savedfilter_query_ok("q=\"><script>"));
	assert_false(mp_savedfilter_query_ok("q=a b"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
