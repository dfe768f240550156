/*
 * contact-migrate.c -- meldpuntctl contact-migrate: re-seal contact
 * details of the old symmetric scheme to the current public key.
 */
#include "config.h"

#include <stdio.h>

#include "meldpunt.h"
#include "ctl.h"

int
cmd_contact_migrate(struct ctl *c, int argc, char **argv)
{
	unsigned long long	 n = 0;
	enum mp_err		 er;

	(void)argv;
	if (argc != 1) {
		ctl_usage();
		return 2;
	}
	if (mp_pk_ring_current(&c->keys.contact) == NULL) {
		ctl_warnx("no contact key: set crypto.contact_private_file"
		    " and run \"meldpuntctl contact-key rotate\" first");
		return 1;
	}
	er = mp_contact_migrate(c->db, &c->keys, &n);
	printf("re-sealed %llu contact row(s)\n", n);
	if (er != MP_OK) {
		ctl_warnx("contact-migrate: %s", mp_err_str(er));
		return 1;
	}
	return 0;
}
