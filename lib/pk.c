/*
 * pk.c -- boxes sealed to an X25519 public key (see pk.h).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/evp.h>

#include "alloc.h"
#include "crypto.h"
#include "errcode.h"
#include "pk.h"

#define NONCE_LEN	12
#define TAG_LEN		16
#define HDR_LEN		(1 + MP_PK_IDLEN + MP_PK_LEN)
#define KDF_INFO	"meldpunt contact seal v2"

void
mp_pk_from_public(struct mp_pkkey *k, const unsigned char pub[MP_PK_LEN])
{
	unsigned char	 h[MP_SHA256_LEN];

	memset(k, 0, sizeof(*k));
	memcpy(k->pub, pub, MP_PK_LEN);
	mp_crypto_sha256(h, pub, MP_PK_LEN);
	memcpy(k->id, h, MP_PK_IDLEN);
}

enum mp_err
mp_pk_from_private(struct mp_pkkey *k, const unsigned char priv[MP_PK_LEN])
{
	EVP_PKEY	*pk;
	unsigned char	 pub[MP_PK_LEN];
	size_t		 publen = sizeof(pub);

	pk = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, priv,
	    MP_PK_LEN);
	if (pk == NULL || EVP_PKEY_get_raw_public_key(pk, pub, &publen) != 1 ||
	    publen != MP_PK_LEN) {
		EVP_PKEY_free(pk);
		ERR_clear_error();
		return MP_ECRYPTO;
	}
	EVP_PKEY_free(pk);
	mp_pk_from_public(k, pub);
	memcpy(k->priv, priv, MP_PK_LEN);
	k->has_priv = 1;
	return MP_OK;
}

enum mp_err
mp_pk_generate(struct mp_pkkey *k)
{
	unsigned char	 priv[MP_PK_LEN];
	enum mp_err	 er;

	/* X25519 clamps on use, so any 32 random bytes are a key. */
	if ((er = mp_crypto_random(priv, sizeof(priv))) == MP_OK)
		er = mp_pk_from_private(k, priv);
	mp_alloc_wipe(priv, sizeof(priv));
	return er;
}

/*
 * The AES key for one box: X25519(priv, peer), then HKDF over the
 * shared secret and both public keys, so the key is bound to this
 * ephemeral key and this recipient.
 */
static enum mp_err
box_key(unsigned char key[MP_KEY_LEN], const unsigned char priv[MP_PK_LEN],
    const unsigned char peer[MP_PK_LEN], const unsigned char eph[MP_PK_LEN],
    const unsigned char rcpt[MP_PK_LEN])
{
	EVP_PKEY	*mine = NULL, *theirs = NULL;
	EVP_PKEY_CTX	*ctx = NULL;
	unsigned char	 ikm[3 * MP_PK_LEN];
	size_t		 slen = MP_PK_LEN;
	enum mp_err	 er = MP_ECRYPTO;

	if ((mine = EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, NULL, priv,
	    MP_PK_LEN)) == NULL ||
	    (theirs = EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, NULL, peer,
	    MP_PK_LEN)) == NULL ||
	    (ctx = EVP_PKEY_CTX_new(mine, NULL)) == NULL ||
	    EVP_PKEY_derive_init(ctx) != 1 ||
	    EVP_PKEY_derive_set_peer(ctx, theirs) != 1 ||
	    /* Fails on an all-zero secret (a small-order peer key). */
	    EVP_PKEY_derive(ctx, ikm, &slen) != 1 || slen != MP_PK_LEN)
		goto out;
	memcpy(ikm + MP_PK_LEN, eph, MP_PK_LEN);
	memcpy(ikm + 2 * MP_PK_LEN, rcpt, MP_PK_LEN);
	er = mp_crypto_hkdf(key, MP_KEY_LEN, ikm, sizeof(ikm), KDF_INFO);
out:
	ERR_clear_error();
	mp_alloc_wipe(ikm, sizeof(ikm));
	EVP_PKEY_CTX_free(ctx);
	EVP_PKEY_free(theirs);
	EVP_PKEY_free(mine);
	return er;
}

enum mp_err
mp_pk_seal(const struct mp_pkkey *k, const void *aad, size_t aadlen,
    const void *pt, size_t len, unsigned char **out, size_t *outlen)
{
	EVP_CIPHER_CTX	*ctx = NULL;
	struct mp_pkkey	 eph;
	unsigned char	 key[MP_KEY_LEN], *box = NULL, *nonce, *ct;
	enum mp_err	 er;
	size_t		 boxlen;
	int		 n;

	*out = NULL;
	*outlen = 0;
	if (k == NULL || (aad == NULL && aadlen > 0) ||
	    (pt == NULL && len > 0))
		return MP_EINVAL;
	if (len > INT_MAX - MP_PK_SEAL_OVERHEAD || aadlen > INT_MAX)
		return MP_ETOOBIG;
	boxlen = len + MP_PK_SEAL_OVERHEAD;
	if ((box = mp_alloc(boxlen)) == NULL)
		return MP_ENOMEM;
	if ((er = mp_pk_generate(&eph)) != MP_OK ||
	    (er = box_key(key, eph.priv, k->pub, eph.pub, k->pub)) != MP_OK)
		goto fail;
	box[0] = MP_PK_SEAL_VERSION;
	memcpy(box + 1, k->id, MP_PK_IDLEN);
	memcpy(box + 1 + MP_PK_IDLEN, eph.pub, MP_PK_LEN);
	nonce = box + HDR_LEN;
	ct = nonce + NONCE_LEN;
	/* The key is used once, but a random nonce costs nothing. */
	if ((er = mp_crypto_random(nonce, NONCE_LEN)) != MP_OK)
		goto fail;
	er = MP_ECRYPTO;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL ||
	    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL,
	    NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, NONCE_LEN,
	    NULL) != 1 ||
	    EVP_EncryptInit_ex(ctx, NULL, NULL, key, nonce) != 1 ||
	    EVP_EncryptUpdate(ctx, NULL, &n, box, HDR_LEN) != 1 ||
	    (aadlen > 0 && EVP_EncryptUpdate(ctx, NULL, &n, aad,
	    (int)aadlen) != 1) ||
	    (len > 0 && EVP_EncryptUpdate(ctx, ct, &n, pt, (int)len) != 1) ||
	    EVP_EncryptFinal_ex(ctx, ct + len, &n) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, TAG_LEN,
	    ct + len) != 1) {
		ERR_clear_error();
		goto fail;
	}
	EVP_CIPHER_CTX_free(ctx);
	mp_alloc_wipe(key, sizeof(key));
	mp_alloc_wipe(&eph, sizeof(eph));
	*out = box;
	*outlen = boxlen;
	return MP_OK;
fail:
	EVP_CIPHER_CTX_free(ctx);
	mp_alloc_wipe(key, sizeof(key));
	mp_alloc_wipe(&eph, sizeof(eph));
	free(box);
	return er;
}

enum mp_err
mp_pk_open(const struct mp_pkring *ring, const void *aad, size_t aadlen,
    const unsigned char *box, size_t boxlen, unsigned char **out,
    size_t *outlen)
{
	EVP_CIPHER_CTX		*ctx = NULL;
	const struct mp_pkkey	*k = NULL;
	const unsigned char	*eph, *nonce, *ct;
	unsigned char		 key[MP_KEY_LEN], tag[TAG_LEN], *pt = NULL;
	enum mp_err		 er = MP_ECRYPTO;
	size_t			 i, len;
	int			 n;

	*out = NULL;
	*outlen = 0;
	if (ring == NULL || (aad == NULL && aadlen > 0))
		return MP_EINVAL;
	if (box == NULL || boxlen < MP_PK_SEAL_OVERHEAD ||
	    box[0] != MP_PK_SEAL_VERSION)
		return MP_ECRYPTO;
	if (boxlen > INT_MAX || aadlen > INT_MAX)
		return MP_ETOOBIG;
	for (i = 0; i < ring->n; i++)
		if (ring->k[i].has_priv &&
		    memcmp(ring->k[i].id, box + 1, MP_PK_IDLEN) == 0)
			k = &ring->k[i];
	if (k == NULL)
		return MP_ENOTFOUND;
	eph = box + 1 + MP_PK_IDLEN;
	nonce = box + HDR_LEN;
	ct = nonce + NONCE_LEN;
	len = boxlen - MP_PK_SEAL_OVERHEAD;
	memcpy(tag, ct + len, TAG_LEN);
	if ((er = box_key(key, k->priv, eph, eph, k->pub)) != MP_OK)
		return er;
	er = MP_ENOMEM;
	if ((pt = mp_alloc(len + 1)) == NULL)
		goto fail;
	er = MP_ECRYPTO;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL ||
	    EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL,
	    NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, NONCE_LEN,
	    NULL) != 1 ||
	    EVP_DecryptInit_ex(ctx, NULL, NULL, key, nonce) != 1 ||
	    EVP_DecryptUpdate(ctx, NULL, &n, box, HDR_LEN) != 1 ||
	    (aadlen > 0 && EVP_DecryptUpdate(ctx, NULL, &n, aad,
	    (int)aadlen) != 1) ||
	    (len > 0 && EVP_DecryptUpdate(ctx, pt, &n, ct, (int)len) != 1) ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, TAG_LEN,
	    tag) != 1 ||
	    EVP_DecryptFinal_ex(ctx, pt + len, &n) != 1) {
		ERR_clear_error();
		goto fail;
	}
	EVP_CIPHER_CTX_free(ctx);
	mp_alloc_wipe(key, sizeof(key));
	pt[len] = '\0';
	*out = pt;
	*outlen = len;
	return MP_OK;
fail:
	EVP_CIPHER_CTX_free(ctx);
	mp_alloc_wipe(key, sizeof(key));
	if (pt != NULL)
		mp_alloc_wipe(pt, len + 1);
	free(pt);
	return er;
}

const struct mp_pkkey *
mp_pk_ring_current(const struct mp_pkring *ring)
{
	return ring->n == 0 ? NULL : &ring->k[ring->n - 1];
}

void
mp_pk_ring_wipe(struct mp_pkring *ring)
{
	mp_alloc_wipe(ring, sizeof(*ring));
}

enum mp_err
mp_pk_ring_load(struct mp_pkring *ring, const char *path, int private,
    char *err, size_t errsz)
{
	FILE		*f = NULL;
	struct stat	 st;
	char		 line[256];
	unsigned char	 raw[MP_PK_LEN];
	enum mp_err	 er = MP_ECONF;
	size_t		 l, lineno = 0, before = ring->n;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		mp_err_set(err, errsz, "%s: %s", path, strerror(errno));
		return errno == ENOENT ? MP_ENOTFOUND : MP_ECONF;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		mp_err_set(err, errsz, "%s: not a regular file", path);
		(void)close(fd);
		return MP_ECONF;
	}
	if (private && (st.st_mode & S_IRWXO) != 0) {
		mp_err_set(err, errsz,
		    "%s: others may access this private key "
		    "file; chmod 0600 it", path);
		(void)close(fd);
		return MP_ECONF;
	}
	if ((f = fdopen(fd, "r")) == NULL) {
		(void)close(fd);
		mp_err_set(err, errsz, "%s: %s", path, strerror(errno));
		return MP_ESYS;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		l = strcspn(line, "\r\n");
		line[l] = '\0';
		if (l == 0 || line[0] == '#')
			continue;
		if (l != 2 * MP_PK_LEN || !mp_crypto_unhex(raw, sizeof(raw),
		    line)) {
			mp_err_set(err, errsz, "%s:%zu: not a key (64 hex "
			    "characters)", path, lineno);
			goto out;
		}
		if (ring->n == MP_PKRING_MAX) {
			mp_err_set(err, errsz, "%s: more than %d keys", path,
			    MP_PKRING_MAX);
			goto out;
		}
		if (private) {
			if (mp_pk_from_private(&ring->k[ring->n], raw) !=
			    MP_OK) {
				mp_err_set(err, errsz, "%s:%zu: bad key", path,
				    lineno);
				goto out;
			}
		} else
			mp_pk_from_public(&ring->k[ring->n], raw);
		ring->n++;
	}
	if (ring->n == before) {
		mp_err_set(err, errsz, "%s: no key in the file", path);
		goto out;
	}
	er = MP_OK;
out:
	mp_alloc_wipe(raw, sizeof(raw));
	mp_alloc_wipe(line, sizeof(line));
	(void)fclose(f);
	return er;
}

/* Write all of s to fd. */
static int
write_all(int fd, const char *s, size_t len)
{
	ssize_t	 w;

	while (len > 0) {
		if ((w = write(fd, s, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		len -= (size_t)w;
	}
	return 0;
}

enum mp_err
mp_pk_ring_rotate(const char *privpath, const char *pubpath,
    char idhex[2 * MP_PK_IDLEN + 1], char *err, size_t errsz)
{
	struct mp_pkkey	 k;
	char		 line[2 * MP_PK_LEN + 2], tmp[4096];
	enum mp_err	 er;
	int		 fd = -1;

	if ((er = mp_pk_generate(&k)) != MP_OK) {
		mp_err_set(err, errsz, "cannot generate a key pair");
		return er;
	}
	/* Private key first: a public key nobody can open is worse. */
	mp_crypto_hex(line, k.priv, MP_PK_LEN);
	line[2 * MP_PK_LEN] = '\n';
	line[2 * MP_PK_LEN + 1] = '\0';
	er = MP_ESYS;
	if ((fd = open(privpath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0600)) == -1 || write_all(fd, line, 2 * MP_PK_LEN + 1) == -1 ||
	    fsync(fd) == -1) {
		mp_err_set(err, errsz, "%s: %s", privpath, strerror(errno));
		goto out;
	}
	(void)close(fd);
	fd = -1;
	/* The public file holds the current key only, replaced whole. */
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.new", pubpath) >=
	    sizeof(tmp)) {
		mp_err_set(err, errsz, "%s: path too long", pubpath);
		goto out;
	}
	mp_crypto_hex(line, k.pub, MP_PK_LEN);
	line[2 * MP_PK_LEN] = '\n';
	(void)unlink(tmp);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0644)) == -1 || write_all(fd, line, 2 * MP_PK_LEN + 1) == -1 ||
	    fsync(fd) == -1) {
		mp_err_set(err, errsz, "%s: %s", tmp, strerror(errno));
		goto out;
	}
	(void)close(fd);
	fd = -1;
	if (rename(tmp, pubpath) == -1) {
		mp_err_set(err, errsz, "%s: %s", pubpath, strerror(errno));
		goto out;
	}
	mp_crypto_hex(idhex, k.id, MP_PK_IDLEN);
	er = MP_OK;
out:
	if (fd != -1)
		(void)close(fd);
	mp_alloc_wipe(line, sizeof(line));
	mp_alloc_wipe(&k, sizeof(k));
	return er;
}
