/*
 * contact-key.c -- meldpuntctl contact-key rotate: a new key pair for
 * sealing reporters' contact details.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "ctl.h"

/*
 * Rotation and first generation are one operation: the new pair goes
 * at the end of the private file (older keys stay, to open older
 * rows) and becomes the only key in the public file.
 */
int
cmd_contact_key(struct ctl *c, int argc, char **argv)
{
	const char	*priv, *pub;
	char		 err[512], id[2 * MP_PK_IDLEN + 1];

	if (argc != 2 || strcmp(argv[1], "rotate") != 0) {
		ctl_usage();
		return 2;
	}
	priv = mp_confkey_str(c->conf, MP_CK_CRYPTO_CONTACT_PRIVATE_FILE);
	pub = mp_confkey_str(c->conf, MP_CK_CRYPTO_CONTACT_PUBLIC_FILE);
	if (priv[0] == '\0' || pub[0] == '\0') {
		ctl_warnx("crypto.contact_private_file and "
		    "crypto.contact_public_file must both be set");
		return 1;
	}
	if (mp_pk_ring_rotate(priv, pub, id, err, sizeof(err)) != MP_OK) {
		ctl_warnx("%s", err);
		return 1;
	}
	printf("new contact key %s: private key added to %s, public key "
	    "in %s\n", id, priv, pub);
	printf("restart the programs to seal to it; back up %s now\n",
	    priv);
	return 0;
}
