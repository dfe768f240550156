/*
 * test-pk.c -- boxes sealed to a public key: round trip, wrong
 * key, tampering, truncation, unknown key id, rotation, key files.
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>

#include "util.h"
#include "crypto.h"
#include "pk.h"

#define AAD	"42:email"
#define MSG	"melder@example.nl"

static void
seal_one(const struct mp_pkkey *k, unsigned char **box, size_t *len)
{
	assert_int_equal(mp_pk_seal(k, AAD, strlen(AAD), MSG, strlen(MSG),
	    box, len), MP_OK);
	assert_int_equal(*len, strlen(MSG) + MP_PK_SEAL_OVERHEAD);
}

static void
ring_of(struct mp_pkring *r, const struct mp_pkkey *k)
{
	memset(r, 0, sizeof(*r));
	r->k[0] = *k;
	r->n = 1;
}

static void
test_round_trip(void **state)
{
	struct mp_pkkey	 k, pubonly;
	struct mp_pkring r;
	unsigned char	*box, *pt, *box2;
	size_t		 len, ptlen, len2;

	(void)state;
	assert_int_equal(mp_pk_generate(&k), MP_OK);
	/* The sealer needs only the public key. */
	mp_pk_from_public(&pubonly, k.pub);
	assert_false(pubonly.has_priv);
	assert_memory_equal(pubonly.id, k.id, MP_PK_IDLEN);
	seal_one(&pubonly, &box, &len);
	assert_int_equal(box[0], MP_PK_SEAL_VERSION);
	assert_memory_equal(box + 1, k.id, MP_PK_IDLEN);
	ring_of(&r, &k);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), box, len, &pt,
	    &ptlen), MP_OK);
	assert_int_equal(ptlen, strlen(MSG));
	assert_string_equal((char *)pt, MSG);
	free(pt);
	/* Two seals of one message differ (fresh ephemeral key). */
	seal_one(&pubonly, &box2, &len2);
	assert_memory_not_equal(box, box2, len);
	free(box2);
	/* A ring with only the public key cannot open. */
	ring_of(&r, &pubonly);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), box, len, &pt,
	    &ptlen), MP_ENOTFOUND);
	assert_null(pt);
	/* Empty plaintext works too. */
	free(box);
	assert_int_equal(mp_pk_seal(&k, NULL, 0, "", 0, &box, &len), MP_OK);
	ring_of(&r, &k);
	assert_int_equal(mp_pk_open(&r, NULL, 0, box, len, &pt, &ptlen),
	    MP_OK);
	assert_int_equal(ptlen, 0);
	free(pt);
	free(box);
}

static void
test_wrong_key(void **state)
{
	struct mp_pkkey	 k, other;
	struct mp_pkring r;
	unsigned char	*box, *pt;
	size_t		 len, ptlen;

	(void)state;
	assert_int_equal(mp_pk_generate(&k), MP_OK);
	assert_int_equal(mp_pk_generate(&other), MP_OK);
	seal_one(&k, &box, &len);
	/* Another key: its id does not match. */
	ring_of(&r, &other);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), box, len, &pt,
	    &ptlen), MP_ENOTFOUND);
	/* Another key posing under the right id: GCM refuses. */
	memcpy(r.k[0].id, k.id, MP_PK_IDLEN);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), box, len, &pt,
	    &ptlen), MP_ECRYPTO);
	assert_null(pt);
	/* Right key, other aad (another report or field). */
	ring_of(&r, &k);
	assert_int_equal(mp_pk_open(&r, "43:email", 8, box, len, &pt,
	    &ptlen), MP_ECRYPTO);
	free(box);
}

static void
test_tampered(void **state)
{
	struct mp_pkkey	 k;
	struct mp_pkring r;
	unsigned char	*box, *pt;
	size_t		 len, ptlen, i;

	(void)state;
	assert_int_equal(mp_pk_generate(&k), MP_OK);
	ring_of(&r, &k);
	seal_one(&k, &box, &len);
	/*
	 * Every byte: version, key id, ephemeral key, nonce, ciphertext,
	 * tag.  A flipped bit anywhere must make the open fail.
	 */
	for (i = 0; i < len; i++) {
		box[i] ^= 0x01;
		assert_int_not_equal(mp_pk_open(&r, AAD, strlen(AAD), box,
		    len, &pt, &ptlen), MP_OK);
		assert_null(pt);
		box[i] ^= 0x01;
	}
	/* An all-zero (small-order) ephemeral key is refused. */
	memset(box + 1 + MP_PK_IDLEN, 0, MP_PK_LEN);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), box, len, &pt,
	    &ptlen), MP_ECRYPTO);
	free(box);
}

static void
test_truncated(void **state)
{
	struct mp_pkkey	 k;
	struct mp_pkring r;
	unsigned char	*box, *pt;
	size_t		 len, ptlen, i;

	(void)state;
	assert_int_equal(mp_pk_generate(&k), MP_OK);
	ring_of(&r, &k);
	seal_one(&k, &box, &len);
	for (i = 0; i < len; i++)
		assert_int_not_equal(mp_pk_open(&r, AAD, strlen(AAD), box, i,
		    &pt, &ptlen), MP_OK);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), NULL, 0, &pt,
	    &ptlen), MP_ECRYPTO);
	/* An old symmetric box (version 0x01) is not ours to open. */
	box[0] = 0x01;
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), box, len, &pt,
	    &ptlen), MP_ECRYPTO);
	free(box);
}

static void
test_rotation(void **state)
{
	struct mp_pkkey	 k1, k2;
	struct mp_pkring r;
	unsigned char	*b1, *b2, *pt;
	size_t		 l1, l2, ptlen;

	(void)state;
	assert_int_equal(mp_pk_generate(&k1), MP_OK);
	assert_int_equal(mp_pk_generate(&k2), MP_OK);
	seal_one(&k1, &b1, &l1);
	memset(&r, 0, sizeof(r));
	r.k[0] = k1;
	r.k[1] = k2;
	r.n = 2;
	assert_ptr_equal(mp_pk_ring_current(&r), &r.k[1]);
	seal_one(mp_pk_ring_current(&r), &b2, &l2);
	assert_memory_not_equal(b1 + 1, b2 + 1, MP_PK_IDLEN);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), b1, l1, &pt,
	    &ptlen), MP_OK);
	assert_string_equal((char *)pt, MSG);
	free(pt);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), b2, l2, &pt,
	    &ptlen), MP_OK);
	assert_string_equal((char *)pt, MSG);
	free(pt);
	/* Drop the old key: old rows no longer open, new ones do. */
	r.k[0] = k2;
	r.n = 1;
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), b1, l1, &pt,
	    &ptlen), MP_ENOTFOUND);
	free(b1);
	free(b2);
}

static void
test_files(void **state)
{
	char		 dir[64], priv[128], pub[128], id1[17], id2[17];
	char		 err[256], hex[2 * MP_PK_IDLEN + 1];
	struct mp_pkring r, pr;
	struct stat	 st;
	unsigned char	*box, *pt;
	size_t		 len, ptlen;
	FILE		*f;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test-pk.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(priv, sizeof(priv), "%s/contact.key", dir);
	snprintf(pub, sizeof(pub), "%s/contact.pub", dir);
	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_pk_ring_load(&r, priv, 1, err, sizeof(err)),
	    MP_ENOTFOUND);
	assert_int_equal(mp_pk_ring_rotate(priv, pub, id1, err, sizeof(err)),
	    MP_OK);
	assert_int_equal(stat(priv, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	memset(&pr, 0, sizeof(pr));
	assert_int_equal(mp_pk_ring_load(&pr, pub, 0, err, sizeof(err)),
	    MP_OK);
	seal_one(mp_pk_ring_current(&pr), &box, &len);
	assert_int_equal(mp_pk_ring_rotate(priv, pub, id2, err, sizeof(err)),
	    MP_OK);
	assert_string_not_equal(id1, id2);
	/* The public file has the new key only; the private file both. */
	memset(&pr, 0, sizeof(pr));
	assert_int_equal(mp_pk_ring_load(&pr, pub, 0, err, sizeof(err)),
	    MP_OK);
	assert_int_equal(pr.n, 1);
	mp_crypto_hex(hex, pr.k[0].id, MP_PK_IDLEN);
	assert_string_equal(hex, id2);
	assert_false(pr.k[0].has_priv);
	assert_int_equal(mp_pk_ring_load(&r, priv, 1, err, sizeof(err)),
	    MP_OK);
	assert_int_equal(r.n, 2);
	mp_crypto_hex(hex, mp_pk_ring_current(&r)->id, MP_PK_IDLEN);
	assert_string_equal(hex, id2);
	assert_int_equal(mp_pk_open(&r, AAD, strlen(AAD), box, len, &pt,
	    &ptlen), MP_OK);
	free(pt);
	free(box);
	mp_pk_ring_wipe(&r);
	/* A private file others can read is refused. */
	assert_int_equal(chmod(priv, 0644), 0);
	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_pk_ring_load(&r, priv, 1, err, sizeof(err)),
	    MP_ECONF);
	assert_non_null(strstr(err, "chmod"));
	/* Garbage is refused with the line number. */
	assert_non_null(f = fopen(pub, "w"));
	fputs("# comment\nnot hex\n", f);
	fclose(f);
	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_pk_ring_load(&r, pub, 0, err, sizeof(err)),
	    MP_ECONF);
	assert_non_null(strstr(err, ":2:"));
	(void)unlink(priv);
	(void)unlink(pub);
	(void)rmdir(dir);
}

/*
 * What a public program loads (want_private 0) from a configuration
 * naming both files: the public key only, so it can seal, not open.
 */
static void
test_load_contact(void **state)
{
	char		 dir[64], priv[128], pub[128], id[17], err[256];
	char		 text[512];
	struct mp_conf	*c = NULL;
	struct mp_keys	 keys;
	unsigned char	 master[MP_KEY_LEN], *box, *pt;
	size_t		 len, ptlen;

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test-pk.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(priv, sizeof(priv), "%s/contact.key", dir);
	snprintf(pub, sizeof(pub), "%s/contact.pub", dir);
	assert_int_equal(mp_pk_ring_rotate(priv, pub, id, err, sizeof(err)),
	    MP_OK);
	snprintf(text, sizeof(text), "crypto.contact_public_file = %s\n"
	    "crypto.contact_private_file = %s\n", pub, priv);
	assert_int_equal(mp_conf_parse(&c, text, err, sizeof(err)), MP_OK);
	memset(master, 7, sizeof(master));
	assert_int_equal(mp_keys_derive(&keys, master), MP_OK);
	assert_int_equal(mp_keys_load_contact(&keys, c, 0, err, sizeof(err)),
	    MP_OK);
	assert_int_equal(keys.contact.n, 1);
	assert_false(keys.contact.k[0].has_priv);
	assert_int_equal(mp_keys_contact_seal(&keys, AAD, MSG, &box, &len),
	    MP_OK);
	assert_int_equal(box[0], MP_PK_SEAL_VERSION);
	assert_int_not_equal(mp_keys_contact_open(&keys, AAD, box, len, &pt,
	    &ptlen), MP_OK);
	/* The dashboard's view of the same files opens it. */
	assert_int_equal(mp_keys_load_contact(&keys, c, 1, err, sizeof(err)),
	    MP_OK);
	assert_true(keys.contact.k[0].has_priv);
	assert_int_equal(mp_keys_contact_open(&keys, AAD, box, len, &pt,
	    &ptlen),
	    MP_OK);
	assert_string_equal((char *)pt, MSG);
	free(pt);
	free(box);
	mp_keys_wipe(&keys);
	mp_conf_free(c);
	(void)unlink(priv);
	(void)unlink(pub);
	(void)rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_wrong_key),
		cmocka_unit_test(test_tampered),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_rotation),
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_load_contact),
	};

	umask(022);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
