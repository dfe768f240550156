/*
 * contact.h -- moving stored reporter contact details from the old
 * symmetric scheme to boxes sealed to the contact public key.
 */
#ifndef MP_CONTACT_H
#define MP_CONTACT_H

#include "errcode.h"

struct mp_db;
struct mp_keys;
struct mp_stmt;

/*
 * Re-seal every reporter_contact value still in the old symmetric
 * scheme to the current public key, one row at a time (each UPDATE
 * commits on its own, so an interrupted run loses nothing and a second
 * run finds only what is left).  *done gets the rows changed.  Needs
 * the private contact keys only for new boxes already present, the
 * master key for the old ones.  MP_ECONF without a contact key.
 */
enum mp_err	 mp_contact_migrate(struct mp_db *, const struct mp_keys *,
		    unsigned long long *done);

/*
 * Every reporter_contact row in report order, each box opened with
 * keys and the plaintexts reduced to one SHA-256, so that a restored
 * backup's contact details can be shown equal to the live ones without
 * printing any (meldpuntctl backup-check).  Streamed: no other
 * statement on db until mp_contact_scan_done.
 */
struct mp_contact_scan {
	struct mp_stmt	*st;
};
enum mp_err	 mp_contact_scan_start(struct mp_db *,
		    struct mp_contact_scan *);
/*
 * The next row: *report_id, the digest and *nfields (the boxes opened).
 * MP_ECRYPTO when a box does not open with keys (*report_id set; the
 * scan may go on), MP_ENOTFOUND after the last row, or an error.
 */
enum mp_err	 mp_contact_scan_next(struct mp_contact_scan *,
		    const struct mp_keys *, long long *report_id,
		    unsigned char digest[32], int *nfields);
void		 mp_contact_scan_done(struct mp_contact_scan *);

#endif
