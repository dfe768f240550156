/*
 * test-buf.c -- the capped buffer: appends, the cap, take and reset.
 */
#include "config.h"

#include "util.h"

static void
test_add_and_terminate(void **state)
{
	struct mp_buf	 b;

	(void)state;
	mp_buf_init(&b, 64);
	assert_string_equal(mp_buf_str(&b), "");
	assert_int_equal(mp_buf_addstr(&b, "abc"), MP_OK);
	assert_int_equal(mp_buf_add(&b, "d\0e", 3), MP_OK);
	assert_int_equal(mp_buf_len(&b), 6);
	assert_memory_equal(mp_buf_str(&b), "abcd\0e", 7);
	assert_int_equal(mp_buf_printf(&b, "%d-%s", 42, "x"), MP_OK);
	assert_string_equal(mp_buf_str(&b) + 6, "42-x");
	mp_buf_free(&b);
}

static void
test_cap_refuses_and_keeps_contents(void **state)
{
	struct mp_buf	 b;
	char		 big[100];

	(void)state;
	memset(big, 'x', sizeof(big));
	mp_buf_init(&b, 10);
	assert_int_equal(mp_buf_add(&b, big, 10), MP_OK);
	assert_int_equal(mp_buf_addc(&b, 'y'), MP_ETOOBIG);
	assert_int_equal(mp_buf_len(&b), 10);
	assert_int_equal(mp_buf_printf(&b, "%s", "z"), MP_ETOOBIG);
	assert_int_equal(mp_buf_len(&b), 10);
	mp_buf_reset(&b);
	assert_int_equal(mp_buf_len(&b), 0);
	assert_int_equal(mp_buf_add(&b, big, 11), MP_ETOOBIG);
	mp_buf_free(&b);
}

static void
test_take_transfers_ownership(void **state)
{
	struct mp_buf	 b;
	char		*p;
	size_t		 len;

	(void)state;
	mp_buf_init(&b, 1024);
	assert_null(mp_buf_take(&b, &len));
	assert_int_equal(len, 0);
	assert_int_equal(mp_buf_addstr(&b, "hallo"), MP_OK);
	p = mp_buf_take(&b, &len);
	assert_non_null(p);
	assert_int_equal(len, 5);
	assert_string_equal(p, "hallo");
	assert_int_equal(mp_buf_len(&b), 0);
	assert_string_equal(mp_buf_str(&b), "");
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_and_terminate),
		cmocka_unit_test(test_cap_refuses_and_keeps_contents),
		cmocka_unit_test(test_take_transfers_ownership),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
