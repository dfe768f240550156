/*
 * test-route.c -- finding a page in a route table (lib/route.h): the
 * three kinds of placeholder, 404 against 405, HEAD as GET, the first
 * entry winning, and the answers each program gave before its table
 * moved to lib/route.c (the dashboard's numbers, the intake's slug with
 * or without a trailing "/", the export's reference up to ".xml").
 * Also mp_err_status.
 */
#include "config.h"

#include "util.h"
#include "route.h"

/* A program's entry: struct mp_route first, then its own fields. */
struct test_route {
	struct mp_route	 r;
	int		 page;
};

static const struct test_route dash[] = {
	{ { "GET", "/" }, 1 },
	{ { "GET", "/melding/#" }, 2 },
	{ { "POST", "/melding/#" }, 3 },
	{ { "GET", "/melding/#/bijlage/#" }, 4 },
	{ { "GET", "/statistiek" }, 5 },
	{ { "GET", "/statistiek/csv" }, 6 },
};

static const struct test_route intake[] = {
	{ { "GET", "/" }, 1 },
	{ { "POST", "/" }, 2 },
	{ { "GET", "/*" }, 1 },
	{ { "POST", "/*" }, 2 },
	{ { "GET", "/*/" }, 1 },
	{ { "POST", "/*/" }, 2 },
};

static const struct test_route xport[] = {
	{ { "GET", "schema.xsd" }, 1 },
	{ { "GET", "reports.xml" }, 2 },
	{ { "GET", "reports/$.xml" }, 3 },
};

/* The page found for method and path, or -status. */
static int
find(const struct test_route *t, size_t n, const char *method,
    const char *path, struct mp_route_args *a)
{
	size_t	 i = 99;
	int	 st;

	st = mp_route_find(t, n, sizeof(t[0]), method, path, a, &i);
	if (st != 0)
		return -st;
	assert_true(i < n);
	return t[i].page;
}

#define DASH(m, p)	find(dash, MP_NELEM(dash), (m), (p), &a)
#define INTAKE(m, p)	find(intake, MP_NELEM(intake), (m), (p), &a)
#define XPORT(m, p)	find(xport, MP_NELEM(xport), (m), (p), &a)

static void
test_literal(void **state)
{
	struct mp_route_args	 a;

	(void)state;
	assert_int_equal(DASH("GET", "/"), 1);
	assert_int_equal(DASH("HEAD", "/"), 1);
	assert_int_equal(DASH("GET", "/statistiek"), 5);
	assert_int_equal(DASH("GET", "/statistiek/csv"), 6);
	assert_int_equal(DASH("GET", "/statistiek/"), -404);
	assert_int_equal(DASH("GET", "/statistie"), -404);
	assert_int_equal(DASH("GET", ""), -404);
	assert_int_equal(DASH("POST", "/statistiek"), -405);
	assert_int_equal(DASH("PUT", "/"), -405);
	/* The method is compared exactly: "get" is not GET. */
	assert_int_equal(DASH("get", "/"), -405);
}

static void
test_number(void **state)
{
	struct mp_route_args	 a;

	(void)state;
	assert_int_equal(DASH("GET", "/melding/42"), 2);
	assert_int_equal(a.num[0], 42);
	assert_int_equal(DASH("POST", "/melding/7"), 3);
	assert_int_equal(a.num[0], 7);
	assert_int_equal(DASH("GET", "/melding/12/bijlage/3"), 4);
	assert_int_equal(a.num[0], 12);
	assert_int_equal(a.num[1], 3);
	assert_int_equal(DASH("GET", "/melding/007"), 2);
	assert_int_equal(a.num[0], 7);
	assert_int_equal(DASH("GET", "/melding/999999999999"), 2);
	assert_true(a.num[0] == 999999999999LL);
	/* Out of range, too long, not a number, or more behind it. */
	assert_int_equal(DASH("GET", "/melding/1000000000000"), -404);
	assert_int_equal(DASH("GET", "/melding/0000000000000000001"), -404);
	assert_int_equal(DASH("GET", "/melding/000000000000000001"), 2);
	assert_int_equal(DASH("GET", "/melding/0"), -404);
	assert_int_equal(DASH("GET", "/melding/"), -404);
	assert_int_equal(DASH("GET", "/melding/-1"), -404);
	assert_int_equal(DASH("GET", "/melding/1x"), -404);
	assert_int_equal(DASH("GET", "/melding/1/"), -404);
	assert_int_equal(DASH("GET", "/melding/1/bijlage/"), -404);
	assert_int_equal(DASH("PUT", "/melding/1"), -405);
}

static void
test_slug(void **state)
{
	struct mp_route_args	 a;

	(void)state;
	assert_int_equal(INTAKE("GET", "/"), 1);
	assert_string_equal(a.slug, "");
	assert_int_equal(INTAKE("POST", "/"), 2);
	assert_int_equal(INTAKE("GET", "/bewoners"), 1);
	assert_string_equal(a.slug, "bewoners");
	assert_int_equal(INTAKE("POST", "/bewoners/"), 2);
	assert_string_equal(a.slug, "bewoners");
	assert_int_equal(INTAKE("HEAD", "/a-1"), 1);
	assert_string_equal(a.slug, "a-1");
	assert_int_equal(INTAKE("GET",
	    "/abcdefghijabcdefghijabcdefghijab"), 1);	/* 32 */
	/* Not a slug: 404 before the method is looked at. */
	assert_int_equal(INTAKE("GET",
	    "/abcdefghijabcdefghijabcdefghijabc"), -404);	/* 33 */
	assert_int_equal(INTAKE("GET", "/Bewoners"), -404);
	assert_int_equal(INTAKE("GET", "/-a"), -404);
	assert_int_equal(INTAKE("GET", "/a_b"), -404);
	assert_int_equal(INTAKE("GET", "/a/b"), -404);
	assert_int_equal(INTAKE("GET", "/a//"), -404);
	assert_int_equal(INTAKE("GET", "//"), -404);
	assert_int_equal(INTAKE("PUT", "/Bewoners"), -404);
	assert_int_equal(INTAKE("PUT", "/bewoners"), -405);
	assert_int_equal(INTAKE("DELETE", "/"), -405);
}

static void
test_text(void **state)
{
	struct mp_route_args	 a;

	(void)state;
	assert_int_equal(XPORT("GET", "schema.xsd"), 1);
	assert_int_equal(XPORT("GET", "reports.xml"), 2);
	assert_int_equal(XPORT("GET", "reports/MP-2026-ABC.xml"), 3);
	assert_int_equal((int)a.textlen, 11);
	assert_memory_equal(a.text, "MP-2026-ABC", 11);
	/* Anything up to the last ".xml"; the page judges it. */
	assert_int_equal(XPORT("GET", "reports/a/b.xml"), 3);
	assert_int_equal((int)a.textlen, 3);
	assert_int_equal(XPORT("GET", "reports/x.xml.xml"), 3);
	assert_memory_equal(a.text, "x.xml", 5);
	assert_int_equal(XPORT("GET", "reports/.xml"), -404);
	assert_int_equal(XPORT("GET", "reports/x.xm"), -404);
	assert_int_equal(XPORT("GET", "reports/"), -404);
	assert_int_equal(XPORT("POST", "reports/x.xml"), -405);
}

static void
test_err_status(void **state)
{

	(void)state;
	assert_int_equal(mp_err_status(MP_EDBDOWN), 503);
	assert_int_equal(mp_err_status(MP_EDB), 500);
	assert_int_equal(mp_err_status(MP_EDBTRANS), 500);
	assert_int_equal(mp_err_status(MP_ENOMEM), 500);
	assert_int_equal(mp_err_status(MP_ETMPL), 500);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_literal),
		cmocka_unit_test(test_number),
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_err_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
