/*
 * crypto.h -- cryptographic helpers on OpenSSL: random bytes and
 * tokens, hashes and HMAC, AES-256-GCM sealed boxes, a slow KDF for
 * passwords, encodings, constant-time comparison.
 */
#ifndef MP_CRYPTO_H
#define MP_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#include "errcode.h"

#define MP_SHA256_LEN	32
#define MP_KEY_LEN	32	/* AES-256 and HMAC keys */
#define MP_GCM_NONCE	12
#define MP_GCM_TAG	16
/* Sealed box: 1 version byte, nonce, ciphertext, tag. */
#define MP_SEAL_OVERHEAD (1 + MP_GCM_NONCE + MP_GCM_TAG)

/* Fill buf with len bytes from the OpenSSL CSPRNG. */
enum mp_err	 mp_crypto_random(void *buf, size_t len);

/* SHA-256 of len bytes. */
void		 mp_crypto_sha256(unsigned char out[MP_SHA256_LEN],
    const void *,
		    size_t len);
/* HMAC-SHA-256 of msg under key. */
enum mp_err	 mp_crypto_hmac_sha256(unsigned char out[MP_SHA256_LEN],
		    const void *key, size_t keylen, const void *msg,
		    size_t msglen);
/* HKDF-SHA-256 (RFC 5869) with no salt: derive outlen bytes for info. */
enum mp_err	 mp_crypto_hkdf(unsigned char *out, size_t outlen,
    const void *ikm,
		    size_t ikmlen, const char *info);
/* 1 if the two len-byte areas are equal; time depends only on len. */
int		 mp_crypto_ct_equal(const void *, const void *, size_t len);

/*
 * Seal (AES-256-GCM) len bytes of pt under key with a fresh random
 * nonce, binding aad (may be NULL/0).  *out is malloc'd
 * (len + MP_SEAL_OVERHEAD bytes, *outlen set); the caller frees it.
 */
enum mp_err	 mp_crypto_seal(const unsigned char key[MP_KEY_LEN],
    const void *aad,
		    size_t aadlen, const void *pt, size_t len,
		    unsigned char **out, size_t *outlen);
/*
 * Open a sealed box.  *out is malloc'd (NUL-terminated for convenience,
 * *outlen excludes the NUL); the caller frees it, wiping it if secret.
 * MP_ECRYPTO when the box was altered, truncated or sealed under
 * another key or aad.
 */
enum mp_err	 mp_crypto_open(const unsigned char key[MP_KEY_LEN],
    const void *aad,
		    size_t aadlen, const unsigned char *box, size_t boxlen,
		    unsigned char **out, size_t *outlen);

/*
 * Passwords: scrypt (N=2^15, r=8, p=1) with a 16-byte random salt,
 * stored as "$scrypt$ln=15,r=8,p=1$<salt b64>$<hash b64>".  out needs
 * MP_PWHASH_LEN bytes.  Verify returns 1 on a match, 0 otherwise.
 */
#define MP_PWHASH_LEN	128
enum mp_err	 mp_crypto_password_hash(char out[MP_PWHASH_LEN],
    const char *pw);
int		 mp_crypto_password_verify(const char *stored, const char *pw);

/* Lower-case hex of len bytes into out (2 * len + 1 bytes). */
void		 mp_crypto_hex(char *out, const void *in, size_t len);
/* The value of one hex digit c (either case), or -1 if c is none. */
int		 mp_crypto_hexval(int c);
/* Decode exactly outlen bytes of hex; 1 on success, 0 if malformed. */
int		 mp_crypto_unhex(void *out, size_t outlen, const char *hex);
/*
 * Crockford base32 (0-9 A-Z without I L O U), no padding: encode len
 * bytes into out (needs (len * 8 + 4) / 5 + 1 bytes).
 */
void		 mp_crypto_b32(char *out, const void *in, size_t len);
/* base64url without padding; out needs (len + 2) / 3 * 4 + 1 bytes. */
void		 mp_crypto_b64url(char *out, const void *in, size_t len);
/* Decode base64url (no padding) into out; returns bytes or -1. */
long		 mp_crypto_unb64url(void *out, size_t outsz, const char *in);

/* A random token of nbytes of entropy as base64url into out (outsz). */
enum mp_err	 mp_crypto_token(char *out, size_t outsz, size_t nbytes);

#endif
