/*
 * contact.h -- moving stored reporter contact details from the old
 * symmetric scheme to boxes sealed to the contact public key.
 */
#ifndef MP_CONTACT_H
#define MP_CONTACT_H

#include "errcode.h"

struct mp_db;
struct mp_keys;

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

#endif
