/*
 * keys.h -- the instance's secret keys.  One master key file (64 hex
 * characters, mode 0600, named by crypto.key_file in the configuration)
 * is read once; each purpose gets its own subkey derived with HKDF, so
 * a key serves one purpose only.
 */
#ifndef MP_KEYS_H
#define MP_KEYS_H

#include "crypto.h"

enum mp_keyuse {
	MP_KEY_CONTACT = 0,	/* AES-GCM: reporter contact details */
	MP_KEY_CODE,		/* HMAC: reporter secret codes */
	MP_KEY_CLIENT,		/* HMAC: client addresses for rate limits */
	MP_KEY_FORM,		/* HMAC: one-time form tokens */
	MP_KEY_SPOOL,		/* AES-GCM: spooled reports */
	MP_KEY_SESSION,		/* HMAC: session and CSRF tokens */
	MP_KEY_TOTP,		/* AES-GCM: users' TOTP secrets */
	MP_KEY_PARTNER,		/* HMAC: partner export keys */
	MP_KEY__MAX
};

struct mp_keys {
	unsigned char	k[MP_KEY__MAX][MP_KEY_LEN];
};

/*
 * Read the master key file and derive every subkey.  Refuses a file
 * that is not exactly 64 hex characters (plus an optional newline) or
 * that others can read.  On failure a one-line reason goes to err.
 */
enum mp_err	 mp_keys_load(struct mp_keys *, const char *path, char *err,
		    size_t errsz);
/* Derive from a raw 32-byte master key (tests, key generation). */
enum mp_err	 mp_keys_derive(struct mp_keys *,
		    const unsigned char master[MP_KEY_LEN]);
/* Write a new random master key to path (mode 0600, O_EXCL). */
enum mp_err	 mp_keys_generate(const char *path, char *err, size_t errsz);
/* Wipe all keys. */
void		 mp_keys_wipe(struct mp_keys *);

#define mp_key(keys, use)	((keys)->k[(use)])

#endif
