/*
 * crypto.c -- cryptographic helpers on OpenSSL 3 EVP: random bytes and
 * tokens, SHA-256, HMAC-SHA-256, HKDF, AES-256-GCM sealed boxes, scrypt
 * password hashes, and the encodings (hex, Crockford base32, base64url)
 * used to store and show their results.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "alloc.h"
#include "crypto.h"
#include "errcode.h"
#include "log.h"

#define SEAL_VERSION	0x01

/* scrypt parameters for new hashes and the bounds accepted on verify. */
#define PW_LN		15
#define PW_R		8
#define PW_P		1
#define PW_SALT_LEN	16
#define PW_HASH_LEN	32
#define PW_LN_MIN	10
#define PW_LN_MAX	20
#define PW_R_MAX	16
#define PW_P_MAX	4
/*
 * OpenSSL's default scrypt memory cap (32 MiB) is just below what
 * N=2^15, r=8 needs (128 * r * (N + p + 2) bytes).  Raise it, but keep
 * a cap: a stored hash with absurd parameters must not make a worker
 * allocate gigabytes.
 */
#define PW_MAXMEM	(64UL * 1024 * 1024)
#define PW_PREFIX	"$scrypt$"

/* Largest token mp_crypto_token makes, in bytes of entropy. */
#define TOKEN_MAX	128

static const char hexdigits[] = "0123456789abcdef";
static const char b32alpha[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
static const char b64alpha[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* Log the first queued OpenSSL error (if any) and clear the queue. */
static void
ossl_err(const char *func, const char *what)
{
	char		 buf[256];
	unsigned long	 e;

	if ((e = ERR_get_error()) != 0) {
		ERR_error_string_n(e, buf, sizeof(buf));
		mp_errx("%s: %s: %s", func, what, buf);
	} else
		mp_errx("%s: %s failed", func, what);
	ERR_clear_error();
}

/* RAND_bytes in slices: it takes an int. */
static enum mp_err
rand_fill(unsigned char *p, size_t len)
{
	int	 n;

	while (len > 0) {
		n = len > INT_MAX ? INT_MAX : (int)len;
		if (RAND_bytes(p, n) != 1) {
			ossl_err(__func__, "RAND_bytes");
			return MP_ECRYPTO;
		}
		p += n;
		len -= (size_t)n;
	}
	return MP_OK;
}

/*
 * Small requests (nonces, codes, slots: several per report) are served
 * from a buffer filled RAND_BYTES_POOL bytes at a time, since each call
 * of RAND_bytes costs thousands of instructions of locking and DRBG
 * bookkeeping whatever its size.  Bytes are handed out once and wiped
 * as they go.  The pid is checked so that a forked child never reuses
 * its parent's bytes.
 */
#define RAND_POOL	512
#define RAND_SMALL	64

enum mp_err
mp_crypto_random(void *buf, size_t len)
{
	static unsigned char	 pool[RAND_POOL];
	static size_t		 left;
	static pid_t		 owner;
	unsigned char		*p = buf;
	enum mp_err		 er;

	if (len > RAND_SMALL)
		return rand_fill(p, len);
	if (owner != getpid()) {
		mp_alloc_wipe(pool, sizeof(pool));
		left = 0;
		owner = getpid();
	}
	if (left < len) {
		if ((er = rand_fill(pool, sizeof(pool))) != MP_OK)
			return er;
		left = sizeof(pool);
	}
	memcpy(p, pool + sizeof(pool) - left, len);
	mp_alloc_wipe(pool + sizeof(pool) - left, len);
	left -= len;
	return MP_OK;
}

void
mp_crypto_sha256(unsigned char out[MP_SHA256_LEN], const void *in, size_t len)
{

	/*
	 * SHA-256 from the default provider does not fail short of a
	 * broken library; if it does, make the output useless rather
	 * than leave it uninitialised.
	 */
	if (EVP_Digest(in, len, out, NULL, EVP_sha256(), NULL) != 1) {
		ossl_err(__func__, "EVP_Digest");
		memset(out, 0, MP_SHA256_LEN);
	}
}

/*
 * HMAC contexts with their key set up, by key.  A worker computes its
 * HMACs (form tokens, codes, rate-limit buckets) under a few subkeys
 * for every request, and OpenSSL's one-shot HMAC() fetches the
 * algorithm and hashes the key pads each time, which costs several
 * times the HMAC of a short message.  A cached context is restarted
 * with the key it has.  The programs are single-threaded.
 */
#define HMAC_SLOTS	8
#define HMAC_KEYMAX	64	/* SHA-256's block */

static struct hmac_slot {
	size_t		 keylen;
	unsigned char	 key[HMAC_KEYMAX];
	EVP_MAC_CTX	*ctx;
} hmac_slots[HMAC_SLOTS];
static EVP_MAC	*hmac_alg;

/* The cached context for key, or NULL: use the one-shot path. */
static EVP_MAC_CTX *
hmac_ctx(const void *key, size_t keylen)
{
	OSSL_PARAM		 params[2];
	struct hmac_slot	*s;
	size_t			 i;

	if (keylen == 0 || keylen > HMAC_KEYMAX)
		return NULL;
	for (i = 0; i < HMAC_SLOTS; i++) {
		s = &hmac_slots[i];
		if (s->ctx == NULL)
			break;
		if (s->keylen == keylen && memcmp(s->key, key, keylen) == 0)
			return s->ctx;
	}
	if (i == HMAC_SLOTS)
		return NULL;
	if (hmac_alg == NULL &&
	    (hmac_alg = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL)
		return NULL;
	if ((s->ctx = EVP_MAC_CTX_new(hmac_alg)) == NULL)
		return NULL;
	params[0] = OSSL_PARAM_construct_utf8_string("digest",
	    (char *)"SHA256", 0);
	params[1] = OSSL_PARAM_construct_end();
	if (EVP_MAC_init(s->ctx, key, keylen, params) != 1) {
		EVP_MAC_CTX_free(s->ctx);
		s->ctx = NULL;
		return NULL;
	}
	memcpy(s->key, key, keylen);
	s->keylen = keylen;
	return s->ctx;
}

enum mp_err
mp_crypto_hmac_sha256(unsigned char out[MP_SHA256_LEN], const void *key,
    size_t keylen, const void *msg, size_t msglen)
{
	static const unsigned char	 nokey[1];
	EVP_MAC_CTX			*ctx;
	unsigned int			 outlen = 0;
	size_t				 olen = 0;

	if (keylen > INT_MAX) {
		mp_errx("%s: key too long", __func__);
		return MP_EINVAL;
	}
	/* OpenSSL may refuse a NULL pointer even with length 0. */
	if (key == NULL)
		key = nokey;
	if (msg == NULL)
		msg = nokey;
	if ((ctx = hmac_ctx(key, keylen)) != NULL) {
		if (EVP_MAC_init(ctx, NULL, 0, NULL) != 1 ||
		    EVP_MAC_update(ctx, msg, msglen) != 1 ||
		    EVP_MAC_final(ctx, out, &olen, MP_SHA256_LEN) != 1 ||
		    olen != MP_SHA256_LEN) {
			ossl_err(__func__, "EVP_MAC");
			return MP_ECRYPTO;
		}
		return MP_OK;
	}
	if (HMAC(EVP_sha256(), key, (int)keylen, msg, msglen, out,
	    &outlen) == NULL || outlen != MP_SHA256_LEN) {
		ossl_err(__func__, "HMAC");
		return MP_ECRYPTO;
	}
	return MP_OK;
}

enum mp_err
mp_crypto_hkdf(unsigned char *out, size_t outlen, const void *ikm,
    size_t ikmlen,
    const char *info)
{
	EVP_PKEY_CTX	*ctx;
	enum mp_err	 er = MP_ECRYPTO;
	size_t		 len = outlen;
	size_t		 infolen;

	infolen = info == NULL ? 0 : strlen(info);
	if (ikmlen > INT_MAX || infolen > INT_MAX) {
		mp_errx("%s: input too long", __func__);
		return MP_EINVAL;
	}
	if ((ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, NULL)) == NULL) {
		ossl_err(__func__, "EVP_PKEY_CTX_new_id");
		return MP_ECRYPTO;
	}
	/* No salt: RFC 5869 then uses HashLen zero bytes. */
	if (EVP_PKEY_derive_init(ctx) <= 0 ||
	    EVP_PKEY_CTX_set_hkdf_md(ctx, EVP_sha256()) <= 0 ||
	    EVP_PKEY_CTX_set1_hkdf_key(ctx, ikm, (int)ikmlen) <= 0 ||
	    (infolen > 0 && EVP_PKEY_CTX_add1_hkdf_info(ctx,
	    (const unsigned char *)info, (int)infolen) <= 0) ||
	    EVP_PKEY_derive(ctx, out, &len) <= 0 || len != outlen) {
		ossl_err(__func__, "HKDF");
		mp_alloc_wipe(out, outlen);
		goto out;
	}
	er = MP_OK;
out:
	EVP_PKEY_CTX_free(ctx);
	return er;
}

int
mp_crypto_ct_equal(const void *a, const void *b, size_t len)
{

	return CRYPTO_memcmp(a, b, len) == 0;
}

/*
 * Feed the associated data to a GCM context: the version byte first,
 * so that it is authenticated too, then the caller's aad.
 */
static int
gcm_aad(EVP_CIPHER_CTX *ctx, unsigned char version, const void *aad,
    size_t aadlen)
{
	int	 n;

	if (EVP_CipherUpdate(ctx, NULL, &n, &version, 1) != 1)
		return 0;
	if (aadlen > 0 && EVP_CipherUpdate(ctx, NULL, &n, aad,
	    (int)aadlen) != 1)
		return 0;
	return 1;
}

enum mp_err
mp_crypto_seal(const unsigned char key[MP_KEY_LEN], const void *aad,
    size_t aadlen, const void *pt, size_t len, unsigned char **out,
    size_t *outlen)
{
	EVP_CIPHER_CTX	*ctx = NULL;
	unsigned char	*box = NULL, *nonce, *ct, *tag;
	enum mp_err	 er = MP_ECRYPTO;
	size_t		 boxlen;
	int		 n;

	*out = NULL;
	*outlen = 0;
	if ((aad == NULL && aadlen > 0) || (pt == NULL && len > 0))
		return MP_EINVAL;
	if (len > INT_MAX - MP_SEAL_OVERHEAD || aadlen > INT_MAX) {
		mp_errx("%s: %zu bytes: too big", __func__, len);
		return MP_ETOOBIG;
	}
	boxlen = len + MP_SEAL_OVERHEAD;
	if ((box = mp_alloc(boxlen)) == NULL)
		return MP_ENOMEM;
	nonce = box + 1;
	ct = nonce + MP_GCM_NONCE;
	tag = ct + len;
	box[0] = SEAL_VERSION;
	if ((er = mp_crypto_random(nonce, MP_GCM_NONCE)) != MP_OK)
		goto fail;
	er = MP_ECRYPTO;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL ||
	    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL,
	    NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, MP_GCM_NONCE,
	    NULL) != 1 ||
	    EVP_EncryptInit_ex(ctx, NULL, NULL, key, nonce) != 1 ||
	    !gcm_aad(ctx, SEAL_VERSION, aad, aadlen) ||
	    (len > 0 && EVP_EncryptUpdate(ctx, ct, &n, pt, (int)len) != 1) ||
	    EVP_EncryptFinal_ex(ctx, ct + len, &n) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, MP_GCM_TAG,
	    tag) != 1) {
		ossl_err(__func__, "AES-256-GCM");
		goto fail;
	}
	EVP_CIPHER_CTX_free(ctx);
	*out = box;
	*outlen = boxlen;
	return MP_OK;
fail:
	EVP_CIPHER_CTX_free(ctx);
	mp_alloc_freezero(box, boxlen);
	return er;
}

/*
 * A box that fails to authenticate is not logged here: that is an
 * expected outcome the caller, who knows what the box was, reports.
 */
enum mp_err
mp_crypto_open(const unsigned char key[MP_KEY_LEN], const void *aad,
    size_t aadlen, const unsigned char *box, size_t boxlen,
    unsigned char **out, size_t *outlen)
{
	EVP_CIPHER_CTX	*ctx = NULL;
	unsigned char	*pt = NULL, tag[MP_GCM_TAG];
	const unsigned char *nonce, *ct;
	enum mp_err	 er = MP_ECRYPTO;
	size_t		 len;
	int		 n;

	*out = NULL;
	*outlen = 0;
	if (aad == NULL && aadlen > 0)
		return MP_EINVAL;
	if (box == NULL || boxlen < MP_SEAL_OVERHEAD ||
	    box[0] != SEAL_VERSION)
		return MP_ECRYPTO;
	if (boxlen > INT_MAX || aadlen > INT_MAX)
		return MP_ETOOBIG;
	len = boxlen - MP_SEAL_OVERHEAD;
	nonce = box + 1;
	ct = nonce + MP_GCM_NONCE;
	/* The tag control wants a writable buffer. */
	memcpy(tag, ct + len, MP_GCM_TAG);
	if ((pt = mp_alloc(len + 1)) == NULL)
		return MP_ENOMEM;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL ||
	    EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL,
	    NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, MP_GCM_NONCE,
	    NULL) != 1 ||
	    EVP_DecryptInit_ex(ctx, NULL, NULL, key, nonce) != 1 ||
	    !gcm_aad(ctx, SEAL_VERSION, aad, aadlen) ||
	    (len > 0 && EVP_DecryptUpdate(ctx, pt, &n, ct, (int)len) != 1) ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, MP_GCM_TAG,
	    tag) != 1 ||
	    EVP_DecryptFinal_ex(ctx, pt + len, &n) != 1) {
		ERR_clear_error();
		goto fail;
	}
	EVP_CIPHER_CTX_free(ctx);
	pt[len] = '\0';
	*out = pt;
	*outlen = len;
	return MP_OK;
fail:
	EVP_CIPHER_CTX_free(ctx);
	/* Never hand out plaintext that did not authenticate. */
	mp_alloc_freezero(pt, len + 1);
	return er;
}

/* scrypt of pw under salt with N = 2^ln into out (PW_HASH_LEN bytes). */
static enum mp_err
scrypt(unsigned char out[PW_HASH_LEN], const char *pw,
    const unsigned char *salt, size_t saltlen, unsigned int ln,
    unsigned int r, unsigned int p)
{
	EVP_PKEY_CTX	*ctx;
	enum mp_err	 er = MP_ECRYPTO;
	size_t		 len = PW_HASH_LEN, pwlen;
	uint64_t	 n = (uint64_t)1 << ln;

	pwlen = strlen(pw);
	if (pwlen > INT_MAX)
		return MP_EINVAL;
	/* The memory scrypt needs, as OpenSSL counts it. */
	if (128ULL * r * (n + p + 2) > PW_MAXMEM) {
		mp_warnx("%s: ln=%u,r=%u,p=%u needs more than %lu bytes",
		    __func__, ln, r, p, PW_MAXMEM);
		return MP_ECRYPTO;
	}
	if ((ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_SCRYPT, NULL)) == NULL) {
		ossl_err(__func__, "EVP_PKEY_CTX_new_id");
		return MP_ECRYPTO;
	}
	if (EVP_PKEY_derive_init(ctx) <= 0 ||
	    EVP_PKEY_CTX_set1_pbe_pass(ctx, pw, (int)pwlen) <= 0 ||
	    EVP_PKEY_CTX_set1_scrypt_salt(ctx, salt, (int)saltlen) <= 0 ||
	    EVP_PKEY_CTX_set_scrypt_N(ctx, n) <= 0 ||
	    EVP_PKEY_CTX_set_scrypt_r(ctx, r) <= 0 ||
	    EVP_PKEY_CTX_set_scrypt_p(ctx, p) <= 0 ||
	    EVP_PKEY_CTX_set_scrypt_maxmem_bytes(ctx, PW_MAXMEM) <= 0 ||
	    EVP_PKEY_derive(ctx, out, &len) <= 0 || len != PW_HASH_LEN) {
		ossl_err(__func__, "scrypt");
		mp_alloc_wipe(out, PW_HASH_LEN);
		goto out;
	}
	er = MP_OK;
out:
	EVP_PKEY_CTX_free(ctx);
	return er;
}

enum mp_err
mp_crypto_password_hash(char out[MP_PWHASH_LEN], const char *pw)
{
	unsigned char	 salt[PW_SALT_LEN], hash[PW_HASH_LEN];
	char		 bsalt[(PW_SALT_LEN + 2) / 3 * 4 + 1];
	char		 bhash[(PW_HASH_LEN + 2) / 3 * 4 + 1];
	enum mp_err	 er;
	int		 n;

	out[0] = '\0';
	if (pw == NULL)
		return MP_EINVAL;
	if ((er = mp_crypto_random(salt, sizeof(salt))) != MP_OK)
		return er;
	if ((er = scrypt(hash, pw, salt, sizeof(salt), PW_LN, PW_R,
	    PW_P)) != MP_OK)
		return er;
	mp_crypto_b64url(bsalt, salt, sizeof(salt));
	mp_crypto_b64url(bhash, hash, sizeof(hash));
	mp_alloc_wipe(hash, sizeof(hash));
	n = snprintf(out, MP_PWHASH_LEN, PW_PREFIX "ln=%d,r=%d,p=%d$%s$%s",
	    PW_LN, PW_R, PW_P, bsalt, bhash);
	if (n < 0 || n >= MP_PWHASH_LEN) {
		/* Cannot happen with the sizes above. */
		out[0] = '\0';
		return MP_ETOOBIG;
	}
	return MP_OK;
}

/*
 * Parse a small decimal ("name=" already matched) without sign or
 * leading zeros into *v; advance *sp.  0 if malformed or not in
 * [min, max].
 */
static int
parse_param(const char **sp, unsigned int min, unsigned int max,
    unsigned int *v)
{
	const char	*s = *sp;
	unsigned int	 n = 0;
	size_t		 i;

	for (i = 0; s[i] >= '0' && s[i] <= '9'; i++) {
		if (i == 2 || (i == 1 && s[0] == '0'))
			return 0;
		n = n * 10 + (unsigned int)(s[i] - '0');
	}
	if (i == 0 || n < min || n > max)
		return 0;
	*v = n;
	*sp = s + i;
	return 1;
}

int
mp_crypto_password_verify(const char *stored, const char *pw)
{
	unsigned char	 salt[64], want[PW_HASH_LEN + 1], got[PW_HASH_LEN];
	char		 bsalt[(sizeof(salt) + 2) / 3 * 4 + 1];
	const char	*s, *dollar;
	unsigned int	 ln, r, p;
	long		 saltlen, hashlen;
	size_t		 n;
	int		 ok = 0;

	if (stored == NULL || pw == NULL)
		return 0;
	s = stored;
	if (strncmp(s, PW_PREFIX "ln=", sizeof(PW_PREFIX "ln=") - 1) != 0)
		return 0;
	s += sizeof(PW_PREFIX "ln=") - 1;
	if (!parse_param(&s, PW_LN_MIN, PW_LN_MAX, &ln) ||
	    strncmp(s, ",r=", 3) != 0)
		return 0;
	s += 3;
	if (!parse_param(&s, 1, PW_R_MAX, &r) || strncmp(s, ",p=", 3) != 0)
		return 0;
	s += 3;
	if (!parse_param(&s, 1, PW_P_MAX, &p) || *s++ != '$')
		return 0;
	if ((dollar = strchr(s, '$')) == NULL)
		return 0;
	if ((n = (size_t)(dollar - s)) == 0 || n >= sizeof(bsalt))
		return 0;
	memcpy(bsalt, s, n);
	bsalt[n] = '\0';
	/* Salts shorter than 8 bytes are not worth the name. */
	if ((saltlen = mp_crypto_unb64url(salt, sizeof(salt), bsalt)) < 8)
		return 0;
	/* Decoding into one spare byte catches an over-long hash. */
	hashlen = mp_crypto_unb64url(want, sizeof(want), dollar + 1);
	if (hashlen != PW_HASH_LEN)
		return 0;
	if (scrypt(got, pw, salt, (size_t)saltlen, ln, r, p) != MP_OK)
		goto out;
	ok = mp_crypto_ct_equal(got, want, PW_HASH_LEN);
out:
	mp_alloc_wipe(got, sizeof(got));
	mp_alloc_wipe(want, sizeof(want));
	return ok;
}

void
mp_crypto_hex(char *out, const void *in, size_t len)
{
	const unsigned char	*p = in;
	size_t			 i;

	for (i = 0; i < len; i++) {
		out[2 * i] = hexdigits[p[i] >> 4];
		out[2 * i + 1] = hexdigits[p[i] & 0x0f];
	}
	out[2 * len] = '\0';
}

int
mp_crypto_hexval(int c)
{

	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
mp_crypto_unhex(void *out, size_t outlen, const char *hex)
{
	unsigned char	*p = out;
	size_t		 i;
	int		 hi, lo;

	if (hex == NULL || strlen(hex) != 2 * outlen)
		return 0;
	for (i = 0; i < outlen; i++) {
		if ((hi = mp_crypto_hexval((unsigned char)hex[2 * i])) < 0 ||
		    (lo = mp_crypto_hexval((unsigned char)hex[2 * i + 1])) <
		    0) {
			/* out may be meant for a key: leave no half of one. */
			mp_alloc_wipe(out, outlen);
			return 0;
		}
		p[i] = (unsigned char)(hi << 4 | lo);
	}
	return 1;
}

void
mp_crypto_b32(char *out, const void *in, size_t len)
{
	const unsigned char	*p = in;
	unsigned int		 acc = 0, bits = 0;
	size_t			 i, o = 0;

	/* MSB first: shift bytes in, take 5 bits off the top. */
	for (i = 0; i < len; i++) {
		acc = (acc << 8 | p[i]) & 0xfff;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out[o++] = b32alpha[(acc >> bits) & 0x1f];
		}
	}
	if (bits > 0)
		out[o++] = b32alpha[(acc << (5 - bits)) & 0x1f];
	out[o] = '\0';
}

void
mp_crypto_b64url(char *out, const void *in, size_t len)
{
	const unsigned char	*p = in;
	unsigned long		 v;
	size_t			 i, o = 0;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8 |
		    p[i + 2];
		out[o++] = b64alpha[(v >> 18) & 0x3f];
		out[o++] = b64alpha[(v >> 12) & 0x3f];
		out[o++] = b64alpha[(v >> 6) & 0x3f];
		out[o++] = b64alpha[v & 0x3f];
	}
	if (len - i == 1) {
		v = (unsigned long)p[i] << 16;
		out[o++] = b64alpha[(v >> 18) & 0x3f];
		out[o++] = b64alpha[(v >> 12) & 0x3f];
	} else if (len - i == 2) {
		v = (unsigned long)p[i] << 16 | (unsigned long)p[i + 1] << 8;
		out[o++] = b64alpha[(v >> 18) & 0x3f];
		out[o++] = b64alpha[(v >> 12) & 0x3f];
		out[o++] = b64alpha[(v >> 6) & 0x3f];
	}
	out[o] = '\0';
}

static int
b64val(char c)
{

	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/*
 * Strict: a length of 1 mod 4 cannot occur, and the unused low bits of
 * the last character must be zero, so each byte string has exactly one
 * encoding (tokens compared as text cannot be varied).
 */
long
mp_crypto_unb64url(void *out, size_t outsz, const char *in)
{
	unsigned char	*p = out;
	unsigned long	 acc = 0;
	unsigned int	 bits = 0;
	size_t		 len, need, i, o = 0;
	int		 v;

	if (in == NULL)
		return -1;
	len = strlen(in);
	if (len % 4 == 1 || len / 4 > LONG_MAX / 3)
		return -1;
	need = len / 4 * 3 + (len % 4 == 0 ? 0 : len % 4 - 1);
	if (need > outsz)
		return -1;
	for (i = 0; i < len; i++) {
		if ((v = b64val(in[i])) < 0)
			goto fail;
		acc = (acc << 6 | (unsigned long)v) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			p[o++] = (unsigned char)(acc >> bits);
		}
	}
	if ((acc & ((1UL << bits) - 1)) != 0)
		goto fail;
	return (long)o;
fail:
	mp_alloc_wipe(out, outsz);
	return -1;
}

enum mp_err
mp_crypto_token(char *out, size_t outsz, size_t nbytes)
{
	unsigned char	 raw[TOKEN_MAX];
	enum mp_err	 er;

	if (outsz > 0)
		out[0] = '\0';
	if (nbytes == 0 || nbytes > TOKEN_MAX) {
		mp_errx("%s: %zu bytes: unsupported size", __func__, nbytes);
		return MP_EINVAL;
	}
	if (outsz < (nbytes * 4 + 2) / 3 + 1) {
		mp_errx("%s: %zu bytes do not fit in %zu", __func__, nbytes,
		    outsz);
		return MP_ETOOBIG;
	}
	if ((er = mp_crypto_random(raw, nbytes)) != MP_OK)
		return er;
	mp_crypto_b64url(out, raw, nbytes);
	mp_alloc_wipe(raw, nbytes);
	return MP_OK;
}
