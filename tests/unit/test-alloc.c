/*
 * test-alloc.c -- the allocation wrappers: zero sizes, overflow refused
 * (NULL, nothing allocated, the old block untouched), copies bounded
 * and terminated, and wiping.
 */
#include "config.h"

#include <stdint.h>

#include "util.h"

static void
test_zero_sizes_give_memory(void **state)
{
	void	*p;

	(void)state;
	p = mp_alloc(0);
	assert_non_null(p);
	free(p);
	p = mp_alloc_calloc(0, 8);
	assert_non_null(p);
	free(p);
	p = mp_alloc_realloc(NULL, 0);
	assert_non_null(p);
	free(p);
}

static void
test_reallocarray_overflow(void **state)
{
	char	*p, *q;

	(void)state;
	p = mp_alloc_reallocarray(NULL, 4, 4);
	assert_non_null(p);
	memcpy(p, "abcdefghijklmno", 16);
	/* n * size overflows: refused, and the old block stays valid. */
	assert_null(mp_alloc_reallocarray(p, SIZE_MAX / 2, 3));
	assert_null(mp_alloc_reallocarray(p, (SIZE_MAX >> 1) + 1, 2));
	assert_string_equal(p, "abcdefghijklmno");
	q = mp_alloc_reallocarray(p, 8, 4);
	assert_non_null(q);
	assert_string_equal(q, "abcdefghijklmno");
	free(q);
	/* A zero size is no overflow. */
	q = mp_alloc_reallocarray(NULL, SIZE_MAX, 0);
	assert_non_null(q);
	free(q);
}

static void
test_copies(void **state)
{
	char	*s;

	(void)state;
	s = mp_alloc_strdup("hallo");
	assert_string_equal(s, "hallo");
	free(s);
	s = mp_alloc_strndup("hallo", 3);
	assert_string_equal(s, "hal");
	free(s);
	/* max beyond the string: stops at its end, reads no further. */
	s = mp_alloc_strndup("hi", 100);
	assert_string_equal(s, "hi");
	free(s);
	s = mp_alloc_strndup("", 0);
	assert_string_equal(s, "");
	free(s);
	/* Embedded NULs kept, one terminator added. */
	s = mp_alloc_memdup0("a\0b", 3);
	assert_memory_equal(s, "a\0b\0", 4);
	free(s);
	s = mp_alloc_memdup0(NULL, 0);
	assert_string_equal(s, "");
	free(s);
	/* The one length that cannot get its terminator. */
	assert_null(mp_alloc_memdup0("x", SIZE_MAX));
}

static void
test_wipe(void **state)
{
	unsigned char	 key[32];
	char		*p;
	size_t		 i;

	(void)state;
	memset(key, 0xa5, sizeof(key));
	mp_alloc_wipe(key, sizeof(key));
	for (i = 0; i < sizeof(key); i++)
		assert_int_equal(key[i], 0);
	memset(key, 0xa5, sizeof(key));
	mp_alloc_wipe(key, 0);
	assert_int_equal(key[0], 0xa5);
	mp_alloc_wipe(NULL, 10);
	p = mp_alloc_strdup("geheim");
	assert_non_null(p);
	mp_alloc_freezero(p, strlen(p));
	mp_alloc_freezero(NULL, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zero_sizes_give_memory),
		cmocka_unit_test(test_reallocarray_overflow),
		cmocka_unit_test(test_copies),
		cmocka_unit_test(test_wipe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
