/*
 * test-crypto.c -- hashes, HMAC and HKDF against RFC vectors, sealed
 * boxes (round trip, every kind of tampering), scrypt password hashes
 * (RFC 7914 vector, malformed stored strings), the encodings, tokens.
 */
#include "config.h"

#include "util.h"

/* Decode a hex literal in a test; fails the test if malformed. */
static void
unhex(unsigned char *out, size_t len, const char *hex)
{

	assert_true(mp_crypto_unhex(out, len, hex));
}

static void
test_sha256(void **state)
{
	unsigned char	 got[MP_SHA256_LEN], want[MP_SHA256_LEN];

	(void)state;
	/* FIPS 180-2, appendix B.1, and the empty message. */
	mp_crypto_sha256(got, "abc", 3);
	unhex(want, sizeof(want), "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	assert_memory_equal(got, want, sizeof(want));
	mp_crypto_sha256(got, "", 0);
	unhex(want, sizeof(want), "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	assert_memory_equal(got, want, sizeof(want));
}

static void
test_hmac_rfc4231(void **state)
{
	static const struct {
		const char	*key;	/* hex */
		size_t		 keyrep; /* key byte repeated, or 0 */
		const char	*data;
		size_t		 datarep;
		const char	*mac;
	} v[] = {
		/* Test case 1 */
		{ "0b", 20, "Hi There", 0,
		  "b0344c61d8db38535ca8afceaf0bf12b"
		  "881dc200c9833da726e9376c2e32cff7" },
		/* Test case 2 */
		{ "4a656665", 0, "what do ya want for nothing?", 0,
		  "5bdcc146bf60754e6a042426089575c7"
		  "5a003f089d2739839dec58b964ec3843" },
		/* Test case 3 */
		{ "aa", 20, "\xdd", 50,
		  "773ea91e36800e46854db8ebd09181a7"
		  "2959098b3ef8c122d9635514ced565fe" },
		/* Test case 4 */
		{ "0102030405060708090a0b0c0d0e0f10111213141516171819", 0,
		  "\xcd", 50,
		  "82558a389a443c0ea4cc819899f2083a"
		  "85f0faa3e578f8077a2e3ff46729665b" },
		/* Test case 6 */
		{ "aa", 131,
		  "Test Using Larger Than Block-Size Key - Hash Key First", 0,
		  "60e431591ee0b67f0d8a26aacbf5b77f"
		  "8e0bc6213728c5140546040f0ee37f54" },
		/* Test case 7 */
		{ "aa", 131,
		  "This is a test using a larger than block-size key and a "
		  "larger than block-size data. The key needs to be hashed "
		  "before being used by the HMAC algorithm.", 0,
		  "9b09ffa71b942fcb27635fbcd5b0e944"
		  "bfdc63644f0713938a7f51535c3a35e2" },
	};
	unsigned char	 key[256], data[256], mac[MP_SHA256_LEN];
	unsigned char	 want[MP_SHA256_LEN];
	size_t		 i, keylen, datalen;

	(void)state;
	for (i = 0; i < MP_NELEM(v); i++) {
		if (v[i].keyrep > 0) {
			unhex(key, 1, v[i].key);
			memset(key, key[0], v[i].keyrep);
			keylen = v[i].keyrep;
		} else {
			keylen = strlen(v[i].key) / 2;
			unhex(key, keylen, v[i].key);
		}
		if (v[i].datarep > 0) {
			memset(data, v[i].data[0], v[i].datarep);
			datalen = v[i].datarep;
		} else {
			datalen = strlen(v[i].data);
			memcpy(data, v[i].data, datalen);
		}
		unhex(want, sizeof(want), v[i].mac);
		assert_int_equal(mp_crypto_hmac_sha256(mac, key, keylen, data,
		    datalen), MP_OK);
		assert_memory_equal(mac, want, sizeof(want));
	}
}

static void
test_hkdf(void **state)
{
	unsigned char	 ikm[32], out[42], want[42], other[32];

	(void)state;
	/* RFC 5869 test case 3: no salt, no info. */
	memset(ikm, 0x0b, 22);
	unhex(want, 42, "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879e"
	    "c3454e5f3c738d2d9d201395faa4b61a96c8");
	assert_int_equal(mp_crypto_hkdf(out, 42, ikm, 22, ""), MP_OK);
	assert_memory_equal(out, want, 42);
	assert_int_equal(mp_crypto_hkdf(out, 42, ikm, 22, NULL), MP_OK);
	assert_memory_equal(out, want, 42);

	/*
	 * With an info string; the expected values were computed with
	 * `openssl kdf -keylen N -kdfopt digest:SHA256 -kdfopt hexkey:...
	 * -kdfopt info:"..." HKDF` and checked with Python's hmac.
	 */
	unhex(want, 42, "0e283f43ecf485c6f469c00f72478a8d36a86674526254a3"
	    "0caabe99e4d7d645e1c1fd4663cc287a003d");
	assert_int_equal(mp_crypto_hkdf(out, 42, ikm, 22,
	    "meldpunt contact v1"),
	    MP_OK);
	assert_memory_equal(out, want, 42);

	unhex(ikm, 32, "000102030405060708090a0b0c0d0e0f"
	    "101112131415161718191a1b1c1d1e1f");
	unhex(want, 32, "7af79643766e1c1d820dc2e4fd5d0b77"
	    "54b4410ce1a3a3c2d4dd77680dbea64c");
	assert_int_equal(mp_crypto_hkdf(out, 32, ikm, 32,
	    "meldpunt contact v1"),
	    MP_OK);
	assert_memory_equal(out, want, 32);
	unhex(want, 32, "5dc9ecdeea802b0840c0e8ea18c5b78f"
	    "4edae50d86c96665801acb0e788fa6fd");
	assert_int_equal(mp_crypto_hkdf(other, 32, ikm, 32,
	    "meldpunt session v1"),
	    MP_OK);
	assert_memory_equal(other, want, 32);
	assert_memory_not_equal(out, other, 32);
}

static void
test_ct_equal(void **state)
{

	(void)state;
	assert_true(mp_crypto_ct_equal("abcdef", "abcdef", 6));
	assert_false(mp_crypto_ct_equal("abcdef", "abcdeF", 6));
	assert_false(mp_crypto_ct_equal("Abcdef", "abcdef", 6));
	assert_true(mp_crypto_ct_equal("abc", "abd", 2));
	assert_true(mp_crypto_ct_equal("x", "y", 0));
}

static void
test_random(void **state)
{
	unsigned char	 a[32], b[32], zero[32];

	(void)state;
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	memset(zero, 0, sizeof(zero));
	assert_int_equal(mp_crypto_random(a, sizeof(a)), MP_OK);
	assert_int_equal(mp_crypto_random(b, sizeof(b)), MP_OK);
	assert_memory_not_equal(a, zero, sizeof(a));
	assert_memory_not_equal(a, b, sizeof(a));
	assert_int_equal(mp_crypto_random(a, 0), MP_OK);
}

static void
test_seal_open(void **state)
{
	unsigned char	 key[MP_KEY_LEN], *box, *box2, *pt;
	const char	*msg = "Jan Jansen, Dorpsstraat 1, 06-12345678";
	size_t		 len = strlen(msg), boxlen, box2len, ptlen, i;

	(void)state;
	memset(key, 0x42, sizeof(key));
	assert_int_equal(mp_crypto_seal(key, "report 17", 9, msg, len, &box,
	    &boxlen), MP_OK);
	assert_int_equal(boxlen, len + MP_SEAL_OVERHEAD);
	assert_int_equal(box[0], 0x01);
	/* The plaintext does not appear in the box. */
	for (i = 0; i + 6 <= boxlen; i++)
		assert_memory_not_equal(box + i, "Jansen", 6);
	assert_int_equal(mp_crypto_open(key, "report 17", 9, box, boxlen, &pt,
	    &ptlen), MP_OK);
	assert_int_equal(ptlen, len);
	assert_string_equal((char *)pt, msg);	/* also NUL-terminated */
	free(pt);

	/* A fresh nonce each time: the same input seals differently. */
	assert_int_equal(mp_crypto_seal(key, "report 17", 9, msg, len, &box2,
	    &box2len), MP_OK);
	assert_int_equal(box2len, boxlen);
	assert_memory_not_equal(box + 1, box2 + 1, MP_GCM_NONCE);
	assert_memory_not_equal(box, box2, boxlen);
	free(box);
	free(box2);

	/* No aad and an empty plaintext. */
	assert_int_equal(mp_crypto_seal(key, NULL, 0, "", 0, &box, &boxlen),
	    MP_OK);
	assert_int_equal(boxlen, MP_SEAL_OVERHEAD);
	assert_int_equal(mp_crypto_open(key, NULL, 0, box, boxlen, &pt,
	    &ptlen),
	    MP_OK);
	assert_int_equal(ptlen, 0);
	assert_string_equal((char *)pt, "");
	free(pt);
	free(box);
}

static void
test_open_tampered(void **state)
{
	unsigned char	 key[MP_KEY_LEN], *box, *pt;
	size_t		 boxlen, ptlen, i;
	int		 bit;

	(void)state;
	memset(key, 0x17, sizeof(key));
	assert_int_equal(mp_crypto_seal(key, "aad", 3, "geheim", 6, &box,
	    &boxlen),
	    MP_OK);
	/* Every bit of every byte: version, nonce, ciphertext, tag. */
	for (i = 0; i < boxlen; i++) {
		for (bit = 0; bit < 8; bit++) {
			box[i] ^= (unsigned char)(1 << bit);
			pt = (unsigned char *)"x";
			assert_int_equal(mp_crypto_open(key, "aad", 3, box,
			    boxlen,
			    &pt, &ptlen), MP_ECRYPTO);
			assert_null(pt);
			assert_int_equal(ptlen, 0);
			box[i] ^= (unsigned char)(1 << bit);
		}
	}
	/* Unchanged, it still opens. */
	assert_int_equal(mp_crypto_open(key, "aad", 3, box, boxlen, &pt,
	    &ptlen),
	    MP_OK);
	assert_string_equal((char *)pt, "geheim");
	free(pt);
	free(box);
}

static void
test_open_wrong_key_aad_truncated(void **state)
{
	unsigned char	 key[MP_KEY_LEN], other[MP_KEY_LEN], *box, *pt;
	unsigned char	*longer;
	size_t		 boxlen, ptlen, n;

	(void)state;
	memset(key, 0x17, sizeof(key));
	memcpy(other, key, sizeof(other));
	other[31] ^= 1;
	assert_int_equal(mp_crypto_seal(key, "aad", 3, "geheim", 6, &box,
	    &boxlen),
	    MP_OK);
	assert_int_equal(mp_crypto_open(other, "aad", 3, box, boxlen, &pt,
	    &ptlen),
	    MP_ECRYPTO);
	assert_null(pt);
	assert_int_equal(mp_crypto_open(key, "aae", 3, box, boxlen, &pt,
	    &ptlen),
	    MP_ECRYPTO);
	assert_int_equal(mp_crypto_open(key, "aa", 2, box, boxlen, &pt,
	    &ptlen),
	    MP_ECRYPTO);
	assert_int_equal(mp_crypto_open(key, NULL, 0, box, boxlen, &pt,
	    &ptlen),
	    MP_ECRYPTO);
	/* Every truncation, below and above the overhead. */
	for (n = 0; n < boxlen; n++) {
		assert_int_equal(mp_crypto_open(key, "aad", 3, box, n, &pt,
		    &ptlen),
		    MP_ECRYPTO);
		assert_null(pt);
	}
	/* Appended bytes. */
	longer = malloc(boxlen + 1);
	assert_non_null(longer);
	memcpy(longer, box, boxlen);
	longer[boxlen] = 0;
	assert_int_equal(mp_crypto_open(key, "aad", 3, longer, boxlen + 1, &pt,
	    &ptlen), MP_ECRYPTO);
	free(longer);
	free(box);

	/* Sealed without aad, opened with some. */
	assert_int_equal(mp_crypto_seal(key, NULL, 0, "geheim", 6, &box,
	    &boxlen),
	    MP_OK);
	assert_int_equal(mp_crypto_open(key, "aad", 3, box, boxlen, &pt,
	    &ptlen),
	    MP_ECRYPTO);
	free(box);
}

static void
test_password(void **state)
{
	char	 h1[MP_PWHASH_LEN], h2[MP_PWHASH_LEN];
	const char *p;

	(void)state;
	assert_int_equal(mp_crypto_password_hash(h1, "correct horse battery"),
	    MP_OK);
	assert_int_equal(strncmp(h1, "$scrypt$ln=15,r=8,p=1$", 22), 0);
	/* 22 characters of salt, '$', 43 of hash. */
	assert_int_equal(strlen(h1), 22 + 22 + 1 + 43);
	assert_int_equal(h1[22 + 22], '$');
	for (p = h1 + 22; *p != '\0'; p++)
		assert_true(*p == '$' || *p == '-' || *p == '_' ||
		    (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z'));
	assert_true(mp_crypto_password_verify(h1, "correct horse battery"));
	assert_false(mp_crypto_password_verify(h1, "correct horse batterY"));
	assert_false(mp_crypto_password_verify(h1, "correct horse battery "));
	assert_false(mp_crypto_password_verify(h1, ""));
	assert_false(mp_crypto_password_verify(h1, NULL));
	/* A fresh salt: the same password hashes differently. */
	assert_int_equal(mp_crypto_password_hash(h2, "correct horse battery"),
	    MP_OK);
	assert_string_not_equal(h1, h2);
	assert_true(mp_crypto_password_verify(h2, "correct horse battery"));

	assert_int_equal(mp_crypto_password_hash(h2, ""), MP_OK);
	assert_true(mp_crypto_password_verify(h2, ""));
	assert_false(mp_crypto_password_verify(h2, "x"));
}

/*
 * RFC 7914 section 12: P "pleaseletmein", S "SodiumChloride", N 16384,
 * r 8, p 1; the first 32 bytes of its 64-byte output, in our format.
 */
#define RFC7914 "$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$" \
	"cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI"

static void
test_password_rfc7914(void **state)
{

	(void)state;
	assert_true(mp_crypto_password_verify(RFC7914, "pleaseletmein"));
	assert_false(mp_crypto_password_verify(RFC7914, "pleaseletmeim"));
}

static void
test_password_malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"$scrypt$",
		"scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$argon2$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		/* parameters out of range or badly written */
		"$scrypt$ln=9,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=21,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=014,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=0,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=17,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=8,p=0$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=8,p=5$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=-8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,p=1,r=8$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=8,p=1,x=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		/* memory beyond the cap (1 GiB) */
		"$scrypt$ln=20,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		/* salt missing, too short, or not base64url */
		"$scrypt$ln=14,r=8,p=1$$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=8,p=1$U29kaQ$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU="
		    "$cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI",
		/* hash short, long, padded, standard base64, extra field */
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdo",
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofIAA",
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI=",
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046/2o+7qQT44+qbVD9lRdofI",
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofI$",
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$",
		/* one bit of the hash changed */
		"$scrypt$ln=14,r=8,p=1$U29kaXVtQ2hsb3JpZGU$"
		    "cCO9yzr9c0hGHAbNgf046_2o-7qQT44-qbVD9lRdofA",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(bad); i++) {
		print_message("# malformed %zu: %s\n", i, bad[i]);
		assert_false(mp_crypto_password_verify(bad[i],
		    "pleaseletmein"));
	}
	assert_false(mp_crypto_password_verify(NULL, "pleaseletmein"));
}

static void
test_hex(void **state)
{
	unsigned char	 b[4];
	char		 s[9];

	(void)state;
	mp_crypto_hex(s, "\x00\x01\xab\xff", 4);
	assert_string_equal(s, "0001abff");
	mp_crypto_hex(s, "", 0);
	assert_string_equal(s, "");
	assert_true(mp_crypto_unhex(b, 4, "0001abff"));
	assert_memory_equal(b, "\x00\x01\xab\xff", 4);
	assert_true(mp_crypto_unhex(b, 4, "DEADbeef"));
	assert_memory_equal(b, "\xde\xad\xbe\xef", 4);
	assert_true(mp_crypto_unhex(b, 0, ""));
	assert_false(mp_crypto_unhex(b, 4, "0001abf"));	/* short */
	assert_false(mp_crypto_unhex(b, 4, "0001abff0"));	/* long */
	assert_false(mp_crypto_unhex(b, 4, "0001abfg"));	/* not hex */
	assert_false(mp_crypto_unhex(b, 4, "0001 bff"));
	assert_false(mp_crypto_unhex(b, 4, "+001abff"));
	assert_false(mp_crypto_unhex(b, 4, NULL));
	assert_false(mp_crypto_unhex(b, 2, "0x12"));
}

static void
test_b32(void **state)
{
	/*
	 * RFC 4648 section 10 vectors, mapped from the base32 alphabet
	 * onto Crockford's (checked with Python's base64.b32encode).
	 */
	static const struct {
		const char	*in;
		size_t		 len;
		const char	*out;
	} v[] = {
		{ "", 0, "" },
		{ "f", 1, "CR" },
		{ "fo", 2, "CSQG" },
		{ "foo", 3, "CSQPY" },
		{ "foob", 4, "CSQPYRG" },
		{ "fooba", 5, "CSQPYRK1" },
		{ "foobar", 6, "CSQPYRK1E8" },
		{ "\xff\xff\xff\xff\xff", 5, "ZZZZZZZZ" },
		{ "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d"
		  "\x0e\x0f", 16, "000G40R40M30E209185GR38E1W" },
	};
	char	 out[64];
	size_t	 i;
	const char *p;

	(void)state;
	for (i = 0; i < MP_NELEM(v); i++) {
		memset(out, 'X', sizeof(out));
		mp_crypto_b32(out, v[i].in, v[i].len);
		assert_string_equal(out, v[i].out);
		assert_int_equal(strlen(out), (v[i].len * 8 + 4) / 5);
	}
	/* Never the confusable letters. */
	for (i = 0; i < 32; i++) {
		unsigned char	 r[20];

		assert_int_equal(mp_crypto_random(r, sizeof(r)), MP_OK);
		mp_crypto_b32(out, r, sizeof(r));
		for (p = out; *p != '\0'; p++)
			assert_null(strchr("ILOU", *p));
	}
}

static void
test_b64url(void **state)
{
	static const struct {
		const char	*in;
		size_t		 len;
		const char	*out;
	} v[] = {
		/* RFC 4648 section 10, without padding */
		{ "", 0, "" },
		{ "f", 1, "Zg" },
		{ "fo", 2, "Zm8" },
		{ "foo", 3, "Zm9v" },
		{ "foob", 4, "Zm9vYg" },
		{ "fooba", 5, "Zm9vYmE" },
		{ "foobar", 6, "Zm9vYmFy" },
		/* the URL-safe characters */
		{ "\xfb\xff", 2, "-_8" },
		{ "\xfb\xff\xbf", 3, "-_-_" },
	};
	static const char *const bad[] = {
		"Z",		/* impossible length */
		"Zm9vY",
		"Zg==",		/* padding */
		"Zm9v!",
		"Zm 9",
		"+/8",		/* standard, not URL alphabet */
		"Zh",		/* non-zero unused bits */
		"Zm9",
	};
	unsigned char	 buf[64], r[64];
	char		 out[128];
	size_t		 i, n;

	(void)state;
	for (i = 0; i < MP_NELEM(v); i++) {
		mp_crypto_b64url(out, v[i].in, v[i].len);
		assert_string_equal(out, v[i].out);
		assert_int_equal(mp_crypto_unb64url(buf, sizeof(buf),
		    v[i].out),
		    (long)v[i].len);
		assert_memory_equal(buf, v[i].in, v[i].len);
	}
	for (i = 0; i < MP_NELEM(bad); i++) {
		print_message("# bad base64url: %s\n", bad[i]);
		assert_int_equal(mp_crypto_unb64url(buf, sizeof(buf), bad[i]),
		    -1);
	}
	assert_int_equal(mp_crypto_unb64url(buf, sizeof(buf), NULL), -1);
	/* Output too small by one byte. */
	assert_int_equal(mp_crypto_unb64url(buf, 5, "Zm9vYmFy"), -1);
	assert_int_equal(mp_crypto_unb64url(buf, 6, "Zm9vYmFy"), 6);
	/* Round trips of every length up to 64. */
	for (n = 0; n <= sizeof(r); n++) {
		assert_int_equal(mp_crypto_random(r, sizeof(r)), MP_OK);
		mp_crypto_b64url(out, r, n);
		assert_int_equal(strlen(out), (n * 4 + 2) / 3);
		assert_int_equal(mp_crypto_unb64url(buf, sizeof(buf), out),
		    (long)n);
		assert_memory_equal(buf, r, n);
	}
}

static void
test_token(void **state)
{
	char		 a[64], b[64], small[43];
	unsigned char	 raw[32];

	(void)state;
	assert_int_equal(mp_crypto_token(a, sizeof(a), 32), MP_OK);
	assert_int_equal(strlen(a), 43);
	assert_int_equal(mp_crypto_unb64url(raw, sizeof(raw), a), 32);
	assert_int_equal(mp_crypto_token(b, sizeof(b), 32), MP_OK);
	assert_string_not_equal(a, b);
	assert_int_equal(mp_crypto_token(a, sizeof(a), 16), MP_OK);
	assert_int_equal(strlen(a), 22);
	/* 43 characters need 44 bytes. */
	assert_int_equal(mp_crypto_token(small, sizeof(small), 32),
	    MP_ETOOBIG);
	assert_string_equal(small, "");
	assert_int_equal(mp_crypto_token(a, sizeof(a), 0), MP_EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_hmac_rfc4231),
		cmocka_unit_test(test_hkdf),
		cmocka_unit_test(test_ct_equal),
		cmocka_unit_test(test_random),
		cmocka_unit_test(test_seal_open),
		cmocka_unit_test(test_open_tampered),
		cmocka_unit_test(test_open_wrong_key_aad_truncated),
		cmocka_unit_test(test_password),
		cmocka_unit_test(test_password_rfc7914),
		cmocka_unit_test(test_password_malformed),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_b32),
		cmocka_unit_test(test_b64url),
		cmocka_unit_test(test_token),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
