/*
 * pk.h -- boxes sealed to a public key: X25519 ephemeral-static
 * ECDH, HKDF-SHA-256, AES-256-GCM.  Whoever holds only the public key
 * (intake, feedback) can seal but never open; the private key lives
 * only with the programs that must read reporter identities.
 *
 * Box layout (all stored in the one column, so no schema change):
 *   1  version (MP_PK_SEAL_VERSION; the old symmetric boxes are 0x01)
 *   8  key id: first 8 bytes of SHA-256 of the recipient public key
 *  32  ephemeral X25519 public key
 *  12  GCM nonce
 *   n  ciphertext
 *  16  GCM tag
 * The header (version, key id, ephemeral key) and the caller's aad are
 * authenticated by GCM.
 */
#ifndef MP_PK_H
#define MP_PK_H

#include <stddef.h>

#include "errcode.h"

#define MP_PK_LEN		32
#define MP_PK_IDLEN		8
#define MP_PK_SEAL_VERSION	0x02
#define MP_PK_SEAL_OVERHEAD	(1 + MP_PK_IDLEN + MP_PK_LEN + 12 + 16)
/* Most private keys a key file may hold (rotations kept for old rows). */
#define MP_PKRING_MAX		64

struct mp_pkkey {
	unsigned char	 id[MP_PK_IDLEN];
	unsigned char	 pub[MP_PK_LEN];
	unsigned char	 priv[MP_PK_LEN];	/* zero when public only */
	int		 has_priv;
};

/*
 * A key ring, oldest first; the last key is the current one (the one
 * new boxes are sealed to).  Fixed size: no allocation to free, but
 * mp_pk_ring_wipe() it when done.
 */
struct mp_pkring {
	struct mp_pkkey	 k[MP_PKRING_MAX];
	size_t		 n;
};

/* A fresh key pair. */
enum mp_err	 mp_pk_generate(struct mp_pkkey *);
/* Fill pub and id from priv (has_priv set). */
enum mp_err	 mp_pk_from_private(struct mp_pkkey *,
		    const unsigned char priv[MP_PK_LEN]);
/* Fill id from pub (has_priv cleared). */
void		 mp_pk_from_public(struct mp_pkkey *,
		    const unsigned char pub[MP_PK_LEN]);

/* Seal len bytes of pt to key k's public key, binding aad. */
enum mp_err	 mp_pk_seal(const struct mp_pkkey *k, const void *aad,
		    size_t aadlen, const void *pt, size_t len,
		    unsigned char **out, size_t *outlen);
/*
 * Open a box with the ring's private key named by the box's key id.
 * *out is malloc'd and NUL-terminated; the caller frees (and wipes)
 * it.  MP_ENOTFOUND when the ring has no private key of that id,
 * MP_ECRYPTO when the box is truncated, altered or of another version.
 */
enum mp_err	 mp_pk_open(const struct mp_pkring *, const void *aad,
		    size_t aadlen, const unsigned char *box, size_t boxlen,
		    unsigned char **out, size_t *outlen);

/* The current (last) key, or NULL for an empty ring. */
const struct mp_pkkey *mp_pk_ring_current(const struct mp_pkring *);

/*
 * Key files: one key per line as 64 hex characters, oldest first, '#'
 * lines ignored.  A private file (mode 0600 or 0400, no access for
 * others) holds private keys; a public file holds public keys and may
 * be world readable.  Loading appends to the ring.
 */
enum mp_err	 mp_pk_ring_load(struct mp_pkring *, const char *path,
		    int private, char *err, size_t errsz);
/*
 * Rotate: add a new key pair at the end of the private file (created
 * mode 0600 if missing) and rewrite the public file to hold the new
 * public key only.  *id gets the new key id in hex (17 bytes).
 */
enum mp_err	 mp_pk_ring_rotate(const char *privpath, const char *pubpath,
		    char idhex[2 * MP_PK_IDLEN + 1], char *err, size_t errsz);
void		 mp_pk_ring_wipe(struct mp_pkring *);

#endif
