/*
 * test-formtoken.c -- one-time form tokens: authentic ones pass with
 * their nonce, forged, altered, expired or foreign ones do not.  Bound
 * tokens (the sign-in forms', lib/presession.h) pass only with the
 * value they were bound to, and never as unbound ones or back.
 */
#include "config.h"

#include "util.h"

static struct mp_keys	 keys, other;

static int
setup(void **state)
{
	unsigned char	 m[MP_KEY_LEN];

	(void)state;
	memset(m, 7, sizeof(m));
	if (mp_keys_derive(&keys, m) != MP_OK)
		return -1;
	m[0] = 8;
	return mp_keys_derive(&other, m) == MP_OK ? 0 : -1;
}

static void
test_round_trip_and_unique(void **state)
{
	char		 a[MP_FORMTOKEN_LEN], b[MP_FORMTOKEN_LEN];
	unsigned char	 na[MP_FORMTOKEN_NONCE], nb[MP_FORMTOKEN_NONCE];

	(void)state;
	assert_int_equal(mp_formtoken_issue(&keys, 1000000, a), MP_OK);
	assert_int_equal(mp_formtoken_issue(&keys, 1000000, b), MP_OK);
	assert_string_not_equal(a, b);
	assert_int_equal(mp_formtoken_check(&keys, a, 1000100, 3600, na), MP_OK);
	assert_int_equal(mp_formtoken_check(&keys, b, 1000100, 3600, nb), MP_OK);
	assert_memory_not_equal(na, nb, sizeof(na));
	/* The same token checks to the same nonce every time. */
	assert_int_equal(mp_formtoken_check(&keys, a, 1000200, 3600, nb), MP_OK);
	assert_memory_equal(na, nb, sizeof(na));
}

static void
test_refused(void **state)
{
	char		 t[MP_FORMTOKEN_LEN], bad[MP_FORMTOKEN_LEN];
	unsigned char	 n[MP_FORMTOKEN_NONCE];
	size_t		 i;

	(void)state;
	assert_int_equal(mp_formtoken_issue(&keys, 1000000, t), MP_OK);
	/* expired, and too far in the future */
	assert_int_equal(mp_formtoken_check(&keys, t, 1003601, 3600, n),
	    MP_EINVAL);
	assert_int_equal(mp_formtoken_check(&keys, t, 999000, 3600, n),
	    MP_EINVAL);
	/* another instance's key */
	assert_int_equal(mp_formtoken_check(&other, t, 1000001, 3600, n),
	    MP_EINVAL);
	/* any changed character */
	for (i = 0; t[i] != '\0'; i++) {
		memcpy(bad, t, sizeof(bad));
		bad[i] = bad[i] == 'A' ? 'B' : 'A';
		assert_int_not_equal(mp_formtoken_check(&keys, bad, 1000001,
		    3600, n), MP_OK);
	}
	assert_int_equal(mp_formtoken_check(&keys, NULL, 1000001, 3600, n),
	    MP_EINVAL);
	assert_int_equal(mp_formtoken_check(&keys, "", 1000001, 3600, n),
	    MP_EINVAL);
	assert_int_equal(mp_formtoken_check(&keys, "' OR 1=1 --", 1000001,
	    3600, n), MP_EINVAL);
}

static void
test_bound(void **state)
{
	unsigned char	 pre_a[32], pre_b[32], n[MP_FORMTOKEN_NONCE];
	unsigned char	 n2[MP_FORMTOKEN_NONCE];
	unsigned char	 big[MP_FORMTOKEN_BIND_MAX + 1];
	char		 t[MP_FORMTOKEN_LEN], u[MP_FORMTOKEN_LEN];

	(void)state;
	memset(pre_a, 0xa1, sizeof(pre_a));
	memcpy(pre_b, pre_a, sizeof(pre_b));
	pre_b[31] ^= 1;		/* another browser: one bit apart */
	memset(big, 1, sizeof(big));
	assert_int_equal(mp_formtoken_issue_bound(&keys, pre_a,
	    sizeof(pre_a), 1000000, t), MP_OK);
	/* With its own pre-session it passes, with its nonce. */
	assert_int_equal(mp_formtoken_check_bound(&keys, pre_a,
	    sizeof(pre_a), t, 1000100, 3600, n), MP_OK);
	assert_int_equal(mp_formtoken_check_bound(&keys, pre_a,
	    sizeof(pre_a), t, 1000200, 3600, n2), MP_OK);
	assert_memory_equal(n, n2, sizeof(n));
	/* Another browser's pre-session, a shorter one, none at all. */
	assert_int_equal(mp_formtoken_check_bound(&keys, pre_b,
	    sizeof(pre_b), t, 1000100, 3600, n), MP_EINVAL);
	assert_int_equal(mp_formtoken_check_bound(&keys, pre_a, 31, t,
	    1000100, 3600, n), MP_EINVAL);
	assert_int_equal(mp_formtoken_check(&keys, t, 1000100, 3600, n),
	    MP_EINVAL);
	/* Another instance's key, an expired token. */
	assert_int_equal(mp_formtoken_check_bound(&other, pre_a,
	    sizeof(pre_a), t, 1000100, 3600, n), MP_EINVAL);
	assert_int_equal(mp_formtoken_check_bound(&keys, pre_a,
	    sizeof(pre_a), t, 1003601, 3600, n), MP_EINVAL);
	/* An unbound token (the report form's) is no sign-in token. */
	assert_int_equal(mp_formtoken_issue(&keys, 1000000, u), MP_OK);
	assert_int_equal(mp_formtoken_check_bound(&keys, pre_a,
	    sizeof(pre_a), u, 1000100, 3600, n), MP_EINVAL);
	/* Nothing to bind to, or too much: refused, not crashed. */
	assert_int_equal(mp_formtoken_issue_bound(&keys, pre_a, 0, 1000000,
	    u), MP_EINVAL);
	assert_int_equal(mp_formtoken_issue_bound(&keys, big, sizeof(big),
	    1000000, u), MP_EINVAL);
	assert_int_equal(mp_formtoken_check_bound(&keys, big, sizeof(big), t,
	    1000100, 3600, n), MP_EINVAL);
	assert_int_equal(mp_formtoken_check_bound(&keys, pre_a,
	    sizeof(pre_a), NULL, 1000100, 3600, n), MP_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_and_unique),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_bound),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
