/*
 * keys.c -- the instance's master key file and the per-purpose subkeys
 * derived from it with HKDF, so that no key ever serves two purposes.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "confkey.h"
#include "crypto.h"
#include "errcode.h"
#include "keys.h"
#include "log.h"
#include "pk.h"

#define KEYHEX_LEN	(2 * MP_KEY_LEN)

/*
 * HKDF info per purpose, indexed by enum mp_keyuse.  Changing a string
 * changes the key: existing data sealed under it could not be opened.
 */
static const char *const keyinfo[MP_KEY__MAX] = {
	"meldpunt contact v1",		/* MP_KEY_CONTACT */
	"meldpunt code v1",		/* MP_KEY_CODE */
	"meldpunt client v1",		/* MP_KEY_CLIENT */
	"meldpunt form v1",		/* MP_KEY_FORM */
	"meldpunt spool v1",		/* MP_KEY_SPOOL */
	"meldpunt session v1",		/* MP_KEY_SESSION */
	"meldpunt totp v1",		/* MP_KEY_TOTP */
	"meldpunt partner v1",		/* MP_KEY_PARTNER */
};

enum mp_err
mp_keys_derive(struct mp_keys *keys, const unsigned char master[MP_KEY_LEN])
{
	enum mp_err	 er;
	size_t		 i;

	keys->contact.n = 0;
	for (i = 0; i < MP_KEY__MAX; i++) {
		er = mp_crypto_hkdf(keys->k[i], MP_KEY_LEN, master, MP_KEY_LEN,
		    keyinfo[i]);
		if (er != MP_OK) {
			mp_keys_wipe(keys);
			return er;
		}
	}
	return MP_OK;
}

enum mp_err
mp_keys_load(struct mp_keys *keys, const char *path, char *err,
    size_t errsz)
{
	struct stat	 st;
	unsigned char	 master[MP_KEY_LEN];
	/* One spare byte for the newline, one to see anything more. */
	char		 buf[KEYHEX_LEN + 2 + 1];
	enum mp_err	 er = MP_ECONF;
	size_t		 len = 0;
	ssize_t		 n;
	int		 fd, saved;

	memset(keys, 0, sizeof(*keys));
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		saved = errno;
		mp_err_set(err, errsz, "cannot read key file %s: %s", path,
		    strerror(saved));
		return saved == ENOENT ? MP_ENOTFOUND : MP_ECONF;
	}
	if (fstat(fd, &st) == -1) {
		mp_err_set(err, errsz, "cannot stat key file %s: %s", path,
		    strerror(errno));
		er = MP_ESYS;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		mp_err_set(err, errsz,
		    "key file %s is not a regular file", path);
		goto out;
	}
	if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		mp_err_set(err, errsz, "key file %s has mode %04o: others may "
		    "read or change it; chmod 600 %s", path,
		    (unsigned int)(st.st_mode & 07777), path);
		goto out;
	}
	while (len < sizeof(buf) - 1) {
		n = read(fd, buf + len, sizeof(buf) - 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			mp_err_set(err, errsz, "cannot read key file %s: %s",
			    path, strerror(errno));
			er = MP_ESYS;
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	if (len == KEYHEX_LEN + 1 && buf[KEYHEX_LEN] == '\n')
		buf[--len] = '\0';
	if (len != KEYHEX_LEN || !mp_crypto_unhex(master, sizeof(master),
	    buf)) {
		mp_err_set(err, errsz, "key file %s must hold exactly %d hex "
		    "characters and at most one newline", path, KEYHEX_LEN);
		goto out;
	}
	if ((er = mp_keys_derive(keys, master)) != MP_OK)
		mp_err_set(err, errsz, "cannot derive keys from %s: %s", path,
		    mp_err_str(er));
out:
	mp_alloc_wipe(master, sizeof(master));
	mp_alloc_wipe(buf, sizeof(buf));
	close(fd);
	return er;
}

enum mp_err
mp_keys_generate(const char *path, char *err, size_t errsz)
{
	unsigned char	 master[MP_KEY_LEN];
	char		 hex[KEYHEX_LEN + 2];
	enum mp_err	 er = MP_ESYS;
	size_t		 len, off = 0;
	ssize_t		 n;
	int		 fd, saved;

	if ((er = mp_crypto_random(master, sizeof(master))) != MP_OK) {
		mp_err_set(err, errsz, "cannot generate a key: %s",
		    mp_err_str(er));
		return er;
	}
	mp_crypto_hex(hex, master, sizeof(master));
	mp_alloc_wipe(master, sizeof(master));
	hex[KEYHEX_LEN] = '\n';
	len = KEYHEX_LEN + 1;

	/* O_EXCL: never overwrite a key that data may be sealed under. */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0600);
	if (fd == -1) {
		saved = errno;
		mp_err_set(err, errsz, "cannot create key file %s: %s", path,
		    strerror(saved));
		er = saved == EEXIST ? MP_EDUP : MP_ESYS;
		goto out;
	}
	while (off < len) {
		n = write(fd, hex + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			mp_err_set(err, errsz, "cannot write key file %s: %s",
			    path, strerror(errno));
			goto fail;
		}
		off += (size_t)n;
	}
	if (fsync(fd) == -1) {
		mp_err_set(err, errsz, "cannot sync key file %s: %s", path,
		    strerror(errno));
		goto fail;
	}
	if (close(fd) == -1) {
		fd = -1;
		mp_err_set(err, errsz, "cannot close key file %s: %s", path,
		    strerror(errno));
		goto fail;
	}
	er = MP_OK;
	goto out;
fail:
	/* A half-written key file would only be refused later: remove it. */
	if (fd != -1)
		close(fd);
	(void)unlink(path);
	er = MP_ESYS;
out:
	mp_alloc_wipe(hex, sizeof(hex));
	return er;
}

void
mp_keys_wipe(struct mp_keys *keys)
{

	if (keys != NULL)
		mp_alloc_wipe(keys, sizeof(*keys));
}

enum mp_err
mp_keys_load_contact(struct mp_keys *keys, const struct mp_conf *conf,
    int want_private, char *err, size_t errsz)
{
	const char	*pub, *priv;
	enum mp_err	 er;

	mp_pk_ring_wipe(&keys->contact);
	pub = mp_confkey_str(conf, MP_CK_CRYPTO_CONTACT_PUBLIC_FILE);
	priv = want_private ?
	    mp_confkey_str(conf, MP_CK_CRYPTO_CONTACT_PRIVATE_FILE) : "";
	if (priv[0] != '\0') {
		/* The private file's last key is the current one. */
		if ((er = mp_pk_ring_load(&keys->contact, priv, 1, err,
		    errsz)) != MP_OK)
			return er;
	} else if (pub[0] != '\0') {
		if ((er = mp_pk_ring_load(&keys->contact, pub, 0, err,
		    errsz)) != MP_OK)
			return er;
	} else
		mp_warnx("crypto.contact_public_file is not set: contact "
		    "details are sealed with the old symmetric key");
	return MP_OK;
}

int
mp_keys_contact_is_legacy(const unsigned char *box, size_t boxlen)
{
	return box != NULL && boxlen > 0 && box[0] != MP_PK_SEAL_VERSION;
}

enum mp_err
mp_keys_contact_seal(const struct mp_keys *keys, const char *aad,
    const char *val, unsigned char **box, size_t *boxlen)
{
	const struct mp_pkkey	*k;

	if ((k = mp_pk_ring_current(&keys->contact)) != NULL)
		return mp_pk_seal(k, aad, strlen(aad), val, strlen(val), box,
		    boxlen);
	return mp_crypto_seal(mp_key(keys, MP_KEY_CONTACT), aad, strlen(aad),
	    val,
	    strlen(val), box, boxlen);
}

enum mp_err
mp_keys_contact_open(const struct mp_keys *keys, const char *aad,
    const unsigned char *box, size_t boxlen, unsigned char **out,
    size_t *outlen)
{
	if (box != NULL && boxlen > 0 && box[0] == MP_PK_SEAL_VERSION)
		return mp_pk_open(&keys->contact, aad, strlen(aad), box,
		    boxlen, out, outlen);
	return mp_crypto_open(mp_key(keys, MP_KEY_CONTACT), aad, strlen(aad),
	    box,
	    boxlen, out, outlen);
}
