/*
 * test-throttle.c -- the throttle's keys: stable, different per scope
 * (a failed dashboard sign-in does not count against a reporter's
 * reference of the same spelling), per account and per client, and
 * never the plain account or address.  (Counting is tested end to end:
 * test-32-dashboard-local, test-40-feedback-signin.)
 */
#include "config.h"

#include "util.h"

static void
test_keys(void **state)
{
	struct mp_keys		 keys;
	struct mp_throttle	 a, b, c, d;
	unsigned char		 master[MP_KEY_LEN];

	(void)state;
	memset(master, 7, sizeof(master));
	assert_int_equal(mp_keys_derive(&keys, master), MP_OK);
	mp_throttle_keys(&keys, "melding", "M-2026-000001", "127.0.0.1", &a);
	mp_throttle_keys(&keys, "melding", "M-2026-000001", "127.0.0.1", &b);
	assert_memory_equal(&a, &b, sizeof(a));
	mp_throttle_keys(&keys, "login", "M-2026-000001", "127.0.0.1", &c);
	assert_memory_not_equal(a.account, c.account, MP_SHA256_LEN);
	assert_memory_not_equal(a.client, c.client, MP_SHA256_LEN);
	mp_throttle_keys(&keys, "melding", "M-2026-000002", "127.0.0.2", &d);
	assert_memory_not_equal(a.account, d.account, MP_SHA256_LEN);
	assert_memory_not_equal(a.client, d.client, MP_SHA256_LEN);
	mp_throttle_keys(&keys, "melding", "", NULL, &d);
	assert_memory_not_equal(a.client, d.client, MP_SHA256_LEN);
	mp_keys_wipe(&keys);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
