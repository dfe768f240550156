/*
 * contact.c -- re-seal reporter contact details stored under the old
 * symmetric key to the current contact public key (meldpuntctl
 * contact-key migrate).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "crypto.h"
#include "contact.h"
#include "db.h"
#include "errcode.h"
#include "keys.h"
#include "log.h"
#include "pk.h"

/* Rows holding at least one old box (version byte 0x01), in id order. */
static const char sql_next[] =
    "SELECT report_id, name_enc, email_enc, phone_enc"
    " FROM reporter_contact WHERE report_id > ? AND"
    " (ASCII(name_enc) = 1 OR ASCII(email_enc) = 1 OR"
    " ASCII(phone_enc) = 1) ORDER BY report_id LIMIT 1";
/* sql_next's columns; the boxes in the order of fields[] below. */
enum {
	NEXT_ID,
	NEXT_NAME,
	NEXT_EMAIL,
	NEXT_PHONE
};
static const char sql_update[] =
    "UPDATE reporter_contact SET name_enc = ?, email_enc = ?,"
    " phone_enc = ? WHERE report_id = ?";

/* Every row, for mp_contact_scan_*; the columns as sql_next's. */
static const char sql_scan[] =
    "SELECT report_id, name_enc, email_enc, phone_enc"
    " FROM reporter_contact ORDER BY report_id";

static const char *const fields[3] = { "name", "email", "phone" };

/*
 * Re-seal one column value: legacy boxes are opened and sealed again,
 * new ones and NULLs are kept as they are.  *out is malloc'd.
 */
static enum mp_err
reseal(const struct mp_keys *keys, long long id, int f,
    const unsigned char *in, size_t inlen, unsigned char **out,
    size_t *outlen)
{
	unsigned char	*pt = NULL;
	size_t		 ptlen = 0;
	char		 aad[64];
	enum mp_err	 er;

	*out = NULL;
	*outlen = 0;
	if (in == NULL || inlen == 0)
		return MP_OK;
	if (!mp_keys_contact_is_legacy(in, inlen)) {
		if ((*out = mp_alloc(inlen)) == NULL)
			return MP_ENOMEM;
		memcpy(*out, in, inlen);
		*outlen = inlen;
		return MP_OK;
	}
	(void)snprintf(aad, sizeof(aad), "%lld:%s", id, fields[f]);
	if ((er = mp_keys_contact_open(keys, aad, in, inlen, &pt, &ptlen)) ==
	    MP_OK)
		er = mp_keys_contact_seal(keys, aad, (const char *)pt, out,
		    outlen);
	mp_alloc_freezero(pt, ptlen);
	return er;
}

enum mp_err
mp_contact_migrate(struct mp_db *db, const struct mp_keys *keys,
    unsigned long long *done)
{
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[4];
	unsigned char	*box[3];
	size_t		 boxlen[3], len;
	const char	*v;
	long long	 last = 0, id;
	enum mp_err	 er;
	int		 i;

	*done = 0;
	/* Without a public key the "new" boxes would be old ones again. */
	if (mp_pk_ring_current(&keys->contact) == NULL)
		return MP_ECONF;
	for (;;) {
		p[0] = MP_DBINT(last);
		if ((er = mp_db_query(db, &st, sql_next, p, 1)) != MP_OK)
			return er;
		if ((er = mp_db_next(st)) == MP_ENOTFOUND) {
			mp_db_done(st);
			return MP_OK;
		}
		if (er != MP_OK) {
			mp_db_done(st);
			return er;
		}
		id = mp_db_int(st, NEXT_ID);
		for (i = 0; i < 3; i++) {
			box[i] = NULL;
			boxlen[i] = 0;
		}
		for (i = 0; i < 3 && er == MP_OK; i++) {
			if (mp_db_isnull(st, NEXT_NAME + (unsigned)i))
				continue;
			v = mp_db_text(st, NEXT_NAME + (unsigned)i, &len);
			er = reseal(keys, id, i, (const unsigned char *)v, len,
			    &box[i], &boxlen[i]);
		}
		mp_db_done(st);
		if (er == MP_OK) {
			for (i = 0; i < 3; i++)
				p[i] = box[i] == NULL ? MP_DBNULL() :
				    MP_DBBLOB(box[i], boxlen[i]);
			p[3] = MP_DBINT(id);
			er = mp_db_exec(db, sql_update, p, 4, NULL, NULL);
		}
		for (i = 0; i < 3; i++)
			free(box[i]);
		if (er != MP_OK) {
			mp_errx("contact migrate: report %lld: %s", id,
			    mp_err_str(er));
			return er;
		}
		(*done)++;
		last = id;
	}
}

enum mp_err
mp_contact_scan_start(struct mp_db *db, struct mp_contact_scan *sc)
{

	sc->st = NULL;
	return mp_db_query_stream(db, &sc->st, sql_scan, NULL, 0);
}

/*
 * Open one box and add "field, length, plaintext" to the digest's
 * input; an empty or NULL value adds the field and a zero length.
 */
static enum mp_err
scan_field(const struct mp_keys *keys, long long id, int f,
    const unsigned char *box, size_t boxlen, struct mp_buf *in, int *nf)
{
	unsigned char	*pt = NULL;
	size_t		 ptlen = 0;
	char		 aad[64];
	enum mp_err	 er;

	if (box != NULL && boxlen > 0) {
		(void)snprintf(aad, sizeof(aad), "%lld:%s", id, fields[f]);
		if ((er = mp_keys_contact_open(keys, aad, box, boxlen, &pt,
		    &ptlen)) != MP_OK)
			return MP_ECRYPTO;
		(*nf)++;
	}
	if ((er = mp_buf_printf(in, "%s:%zu:", fields[f], ptlen)) == MP_OK &&
	    ptlen > 0)
		er = mp_buf_add(in, pt, ptlen);
	mp_alloc_freezero(pt, ptlen);
	return er;
}

enum mp_err
mp_contact_scan_next(struct mp_contact_scan *sc, const struct mp_keys *keys,
    long long *report_id, unsigned char digest[32], int *nfields)
{
	struct mp_buf	 in;
	const char	*v;
	size_t		 len;
	int		 i;
	enum mp_err	 er;

	*nfields = 0;
	if ((er = mp_db_next(sc->st)) != MP_OK)
		return er;
	*report_id = mp_db_int(sc->st, NEXT_ID);
	mp_buf_init(&in, 16384);
	for (i = 0; i < 3 && er == MP_OK; i++) {
		v = mp_db_text(sc->st, NEXT_NAME + (unsigned)i, &len);
		er = scan_field(keys, *report_id, i,
		    (const unsigned char *)v, v == NULL ? 0 : len, &in,
		    nfields);
	}
	if (er == MP_OK)
		mp_crypto_sha256(digest, mp_buf_str(&in), mp_buf_len(&in));
	mp_buf_freezero(&in);
	return er;
}

void
mp_contact_scan_done(struct mp_contact_scan *sc)
{

	mp_db_done(sc->st);
	sc->st = NULL;
}
