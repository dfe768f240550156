/*
 * tests/contact-open.c -- opens sealed reporter contact details
 * for tests/e2e/test-72-upgrade.sh, which must show every contact
 * detail of an old database readable with the same keys after
 * "meldpuntctl migrate".  No program prints contact details (the
 * dashboard shows them one report at a time, behind a sign-in), so the
 * test has this helper; it is built for make check only, never
 * installed.
 *
 *	contact-open KEYFILE CONTACT_PRIVATE_FILE <lines
 *
 * Each input line is "REPORT_ID FIELD HEX" (FIELD name, email or phone,
 * HEX the column's bytes); each output line "REPORT_ID FIELD HEX" with
 * the plaintext in hex, or "REPORT_ID FIELD !" when the box does not
 * open.  Exit 0 when every box opened, 1 otherwise, 2 on bad use.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "crypto.h"
#include "errcode.h"
#include "keys.h"
#include "pk.h"

#define LINE_MAX_LEN	8192

/* Open one line's box; 0 when it opened. */
static int
open_line(const struct mp_keys *keys, char *line)
{
	char		*id, *field, *hex, *save = NULL, aad[64];
	unsigned char	*box = NULL, *pt = NULL;
	size_t		 boxlen, ptlen = 0, i;
	char		 out[3];
	int		 rc = 1;

	id = strtok_r(line, " \n", &save);
	field = strtok_r(NULL, " \n", &save);
	hex = strtok_r(NULL, " \n", &save);
	if (id == NULL || field == NULL || hex == NULL)
		return 1;
	(void)snprintf(aad, sizeof(aad), "%s:%s", id, field);
	boxlen = strlen(hex) / 2;
	if ((box = mp_alloc(boxlen + 1)) != NULL &&
	    mp_crypto_unhex(box, boxlen, hex) &&
	    mp_keys_contact_open(keys, aad, box, boxlen, &pt, &ptlen) ==
	    MP_OK) {
		printf("%s %s ", id, field);
		for (i = 0; i < ptlen; i++) {
			mp_crypto_hex(out, pt + i, 1);
			fputs(out, stdout);
		}
		putchar('\n');
		rc = 0;
	} else
		printf("%s %s !\n", id, field);
	mp_alloc_freezero(pt, ptlen);
	free(box);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct mp_keys	 keys;
	char		 err[256], line[LINE_MAX_LEN];
	int		 bad = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: contact-open KEYFILE PRIVATEFILE\n");
		return 2;
	}
	memset(&keys, 0, sizeof(keys));
	if (mp_keys_load(&keys, argv[1], err, sizeof(err)) != MP_OK ||
	    mp_pk_ring_load(&keys.contact, argv[2], 1, err, sizeof(err)) !=
	    MP_OK) {
		fprintf(stderr, "contact-open: %s\n", err);
		mp_keys_wipe(&keys);
		return 2;
	}
	while (fgets(line, sizeof(line), stdin) != NULL)
		bad |= open_line(&keys, line);
	mp_keys_wipe(&keys);
	return bad;
}
