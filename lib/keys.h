/*
 * keys.h -- the instance's secret keys.  One master key file (64 hex
 * characters, mode 0600, named by crypto.key_file in the configuration)
 * is read once; each purpose gets its own subkey derived with HKDF, so
 * a key serves one purpose only.
 */
#ifndef MP_KEYS_H
#define MP_KEYS_H

#include "crypto.h"
#include "errcode.h"
#include "pk.h"

struct mp_conf;

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
	/*
	 * Reporter contact details are sealed to a public key
	 * (pk.h).  The public programs (intake, feedback) load the
	 * public key file only; the dashboard and meldpuntctl also
	 * load the private key file, the only way to read them back.
	 */
	struct mp_pkring contact;
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
/*
 * Load the contact key files named by crypto.contact_public_file and,
 * when want_private, crypto.contact_private_file.  Neither set: the
 * old symmetric scheme stays in use (with a warning); see README.
 */
enum mp_err	 mp_keys_load_contact(struct mp_keys *, const struct mp_conf *,
		    int want_private, char *err, size_t errsz);
/*
 * Seal a contact value (aad "<report id>:<field>") to the current
 * public key, or under the old symmetric subkey when no public key is
 * configured.  *box is malloc'd; the caller frees it.
 */
enum mp_err	 mp_keys_contact_seal(const struct mp_keys *, const char *aad,
		    const char *val, unsigned char **box, size_t *boxlen);
/*
 * Open a contact value of either scheme (by its version byte).  *out
 * is malloc'd, NUL-terminated; the caller frees it with mp_alloc_freezero.
 */
enum mp_err	 mp_keys_contact_open(const struct mp_keys *, const char *aad,
		    const unsigned char *box, size_t boxlen,
		    unsigned char **out, size_t *outlen);
/* 1 when box is in the old symmetric scheme (to be migrated). */
int		 mp_keys_contact_is_legacy(const unsigned char *box,
    size_t boxlen);
/* Wipe all keys. */
void		 mp_keys_wipe(struct mp_keys *);

#define mp_key(keys, use)	((keys)->k[(use)])

#endif
