/*
 * test-keys.c -- the master key file: what is accepted and refused,
 * the derived subkeys, and generation.
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>

#include "util.h"

#define GOODHEX "000102030405060708090a0b0c0d0e0f" \
	"101112131415161718191a1b1c1d1e1f"

struct fixture {
	char	 dir[64];
	char	 path[128];
};

static int
setup(void **state)
{
	struct fixture	*f;

	if ((f = calloc(1, sizeof(*f))) == NULL)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/test-keys.XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof(f->path), "%s/master.key", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;

	(void)unlink(f->path);
	(void)rmdir(f->dir);
	free(f);
	return 0;
}

/* Write len bytes of s to the fixture's key file with mode. */
static void
writekey(const struct fixture *f, const char *s, size_t len, mode_t mode)
{
	int	 fd;

	(void)unlink(f->path);
	fd = open(f->path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_true(fd != -1);
	assert_int_equal(write(fd, s, len), (ssize_t)len);
	assert_int_equal(fchmod(fd, mode), 0);
	assert_int_equal(close(fd), 0);
}

static void
test_load_good(void **state)
{
	struct fixture	*f = *state;
	struct mp_keys	 k1, k2;
	unsigned char	 master[MP_KEY_LEN], want[MP_KEY_LEN];
	char		 err[256];
	size_t		 i, j;

	/* With and without the trailing newline, in either case of hex. */
	writekey(f, GOODHEX "\n", 65, 0600);
	err[0] = '\0';
	assert_int_equal(mp_keys_load(&k1, f->path, err, sizeof(err)), MP_OK);
	assert_string_equal(err, "");
	writekey(f, GOODHEX, 64, 0400);
	assert_int_equal(mp_keys_load(&k2, f->path, err, sizeof(err)), MP_OK);
	assert_memory_equal(&k1, &k2, sizeof(k1));

	/* Each subkey is HKDF(master, its info string). */
	assert_true(mp_crypto_unhex(master, sizeof(master), GOODHEX));
	assert_int_equal(mp_crypto_hkdf(want, sizeof(want), master,
	    sizeof(master),
	    "meldpunt contact v1"), MP_OK);
	assert_memory_equal(mp_key(&k1, MP_KEY_CONTACT), want, MP_KEY_LEN);
	assert_int_equal(mp_crypto_hkdf(want, sizeof(want), master,
	    sizeof(master),
	    "meldpunt session v1"), MP_OK);
	assert_memory_equal(mp_key(&k1, MP_KEY_SESSION), want, MP_KEY_LEN);
	/* Same as the value computed with `openssl kdf` (test-crypto). */
	assert_true(mp_crypto_unhex(want, sizeof(want),
	    "7af79643766e1c1d820dc2e4fd5d"
	    "0b7754b4410ce1a3a3c2d4dd77680dbea64c"));
	assert_memory_equal(mp_key(&k1, MP_KEY_CONTACT), want, MP_KEY_LEN);

	/* Every subkey differs from every other and from the master. */
	for (i = 0; i < MP_KEY__MAX; i++) {
		assert_memory_not_equal(k1.k[i], master, MP_KEY_LEN);
		for (j = i + 1; j < MP_KEY__MAX; j++)
			assert_memory_not_equal(k1.k[i], k1.k[j], MP_KEY_LEN);
	}

	/* mp_keys_derive from the raw key gives the same keys. */
	assert_int_equal(mp_keys_derive(&k2, master), MP_OK);
	assert_memory_equal(&k1, &k2, sizeof(k1));

	writekey(f, "000102030405060708090A0B0C0D0E0F"
	    "101112131415161718191A1B1C1D1E1F\n", 65, 0600);
	assert_int_equal(mp_keys_load(&k2, f->path, err, sizeof(err)), MP_OK);
	assert_memory_equal(&k1, &k2, sizeof(k1));

	/* Another master, other keys. */
	master[0] ^= 1;
	assert_int_equal(mp_keys_derive(&k2, master), MP_OK);
	for (i = 0; i < MP_KEY__MAX; i++)
		assert_memory_not_equal(k1.k[i], k2.k[i], MP_KEY_LEN);

	mp_keys_wipe(&k1);
	memset(want, 0, sizeof(want));
	for (i = 0; i < MP_KEY__MAX; i++)
		assert_memory_equal(k1.k[i], want, MP_KEY_LEN);
	mp_keys_wipe(&k2);
}

static void
test_load_bad_content(void **state)
{
	static const char *const bad[] = {
		"",
		"\n",
		GOODHEX "\n\n",			/* two newlines */
		GOODHEX " ",
		GOODHEX "\r\n",
		GOODHEX "00",			/* 66 hex */
		"000102030405060708090a0b0c0d0e0f"
		    "101112131415161718191a1b1c1d1e",	/* 62 hex */
		"000102030405060708090a0b0c0d0e0f"
		    "101112131415161718191a1b1c1d1e1g",	/* not hex */
		" 000102030405060708090a0b0c0d0e0f"
		    "101112131415161718191a1b1c1d1e1f",
		"\n000102030405060708090a0b0c0d0e0f"
		    "101112131415161718191a1b1c1d1e1f",
	};
	struct fixture	*f = *state;
	struct mp_keys	 k;
	char		 err[256];
	size_t		 i;

	for (i = 0; i < MP_NELEM(bad); i++) {
		writekey(f, bad[i], strlen(bad[i]), 0600);
		err[0] = '\0';
		assert_int_equal(mp_keys_load(&k, f->path, err, sizeof(err)),
		    MP_ECONF);
		print_message("# %zu: %s\n", i, err);
		assert_non_null(strstr(err, "64 hex"));
		assert_null(strchr(err, '\n'));
	}
	/* A NUL inside the file. */
	writekey(f, "0001\0" GOODHEX, 69, 0600);
	assert_int_equal(mp_keys_load(&k, f->path, err, sizeof(err)),
	    MP_ECONF);
	/* A much longer file. */
	writekey(f, GOODHEX GOODHEX GOODHEX, 192, 0600);
	assert_int_equal(mp_keys_load(&k, f->path, err, sizeof(err)),
	    MP_ECONF);
}

static void
test_load_bad_mode(void **state)
{
	static const mode_t	 modes[] = { 0644, 0640, 0604, 0660, 0606,
	    0620, 0602, 0610, 0601 };
	struct fixture		*f = *state;
	struct mp_keys		 k;
	char			 err[256], want[64];
	size_t			 i;

	for (i = 0; i < MP_NELEM(modes); i++) {
		writekey(f, GOODHEX "\n", 65, modes[i]);
		err[0] = '\0';
		assert_int_equal(mp_keys_load(&k, f->path, err, sizeof(err)),
		    MP_ECONF);
		print_message("# %s\n", err);
		assert_non_null(strstr(err, "chmod 600"));
		snprintf(want, sizeof(want), "%04o", (unsigned int)modes[i]);
		assert_non_null(strstr(err, want));
	}
	/* A directory is not a key file. */
	assert_int_equal(mp_keys_load(&k, f->dir, err, sizeof(err)),
	    MP_ECONF);
}

static void
test_load_missing(void **state)
{
	struct fixture	*f = *state;
	struct mp_keys	 k;
	char		 err[256];

	(void)unlink(f->path);
	assert_int_equal(mp_keys_load(&k, f->path, err, sizeof(err)),
	    MP_ENOTFOUND);
	assert_non_null(strstr(err, f->path));
	assert_non_null(strstr(err, "No such file"));
	/* A NULL error buffer is allowed. */
	assert_int_equal(mp_keys_load(&k, f->path, NULL, 0), MP_ENOTFOUND);
}

static void
test_generate(void **state)
{
	struct fixture	*f = *state;
	struct mp_keys	 k1, k2;
	struct stat	 st;
	char		 err[256], buf[80];
	ssize_t		 n;
	size_t		 i;
	int		 fd;

	(void)unlink(f->path);
	err[0] = '\0';
	assert_int_equal(mp_keys_generate(f->path, err, sizeof(err)), MP_OK);
	assert_string_equal(err, "");
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	fd = open(f->path, O_RDONLY);
	assert_true(fd != -1);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	assert_int_equal(n, 65);
	assert_int_equal(buf[64], '\n');
	for (i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", buf[i]));
	assert_int_equal(mp_keys_load(&k1, f->path, err, sizeof(err)), MP_OK);

	/* An existing file is never overwritten. */
	assert_int_equal(mp_keys_generate(f->path, err, sizeof(err)),
	    MP_EDUP);
	assert_non_null(strstr(err, "File exists"));
	assert_int_equal(mp_keys_load(&k2, f->path, err, sizeof(err)), MP_OK);
	assert_memory_equal(&k1, &k2, sizeof(k1));

	/* A second key is a different key. */
	assert_int_equal(unlink(f->path), 0);
	assert_int_equal(mp_keys_generate(f->path, err, sizeof(err)), MP_OK);
	assert_int_equal(mp_keys_load(&k2, f->path, err, sizeof(err)), MP_OK);
	assert_memory_not_equal(&k1, &k2, sizeof(k1));
	mp_keys_wipe(&k1);
	mp_keys_wipe(&k2);

	/* No such directory. */
	snprintf(buf, sizeof(buf), "%s/nodir/key", f->dir);
	assert_int_equal(mp_keys_generate(buf, err, sizeof(err)), MP_ESYS);
	assert_non_null(strstr(err, "nodir"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_load_good, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load_bad_content, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load_bad_mode, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_load_missing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_generate, setup,
		    teardown),
	};

	/* A known umask, so that the generated file mode is predictable. */
	umask(022);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
