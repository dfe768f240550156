/*
 * seal.c -- cost of sealing one contact value to the contact public
 * key (X25519 + HKDF + AES-256-GCM) beside the old symmetric seal
 * (AES-256-GCM under a fixed key), in the same run.  A report seals
 * up to three values (name, e-mail, phone).
 *
 *	bench/seal [seconds per figure, default 2]
 *
 * Not built by make; from a build directory:
 *	cc -O2 -I. -I../../lib -I/usr/include/ClearSilver \
 *	    -I/usr/include/mariadb -I/usr/include/libxml2 -o seal \
 *	    ../../bench/seal.c lib/.libs/libmeldpunt.a -lneo_cs -lneo_utl \
 *	    -lfcgi -lmariadb -lcrypto -lqrencode -lxml2 -lz
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	static const char aad[] = "123456:email", val[] =
	    "jan.devries@voorbeeld.nl";
	struct mp_keys	 keys;
	struct mp_pkring ring;
	unsigned char	 master[MP_KEY_LEN], *box, *pt;
	size_t		 len, ptlen;
	double		 secs = argc > 1 ? atof(argv[1]) : 2.0, t0, t;
	unsigned long	 n;
	int		 pass;

	memset(&ring, 0, sizeof(ring));
	if (mp_crypto_random(master, sizeof(master)) != MP_OK ||
	    mp_keys_derive(&keys, master) != MP_OK ||
	    mp_pk_generate(&ring.k[0]) != MP_OK)
		return 1;
	ring.n = 1;
	for (pass = 0; pass < 3; pass++) {
		n = 0;
		t0 = now();
		do {
			if (pass == 0 && mp_crypto_seal(mp_key(&keys,
			    MP_KEY_CONTACT), aad, strlen(aad), val,
			    strlen(val), &box, &len) != MP_OK)
				return 1;
			if (pass == 1 && mp_pk_seal(&ring.k[0], aad,
			    strlen(aad), val, strlen(val), &box, &len) !=
			    MP_OK)
				return 1;
			if (pass == 2) {
				if (mp_pk_seal(&ring.k[0], aad, strlen(aad),
				    val, strlen(val), &box, &len) != MP_OK ||
				    mp_pk_open(&ring, aad, strlen(aad), box,
				    len, &pt, &ptlen) != MP_OK)
					return 1;
				free(pt);
			}
			free(box);
			n++;
		} while ((t = now() - t0) < secs);
		printf("%-28s %10.0f /s  %8.2f us each\n",
		    pass == 0 ? "symmetric seal (old)" :
		    pass == 1 ? "public-key seal (new)" :
		    "public-key seal + open", n / t, t / n * 1e6);
	}
	mp_keys_wipe(&keys);
	mp_pk_ring_wipe(&ring);
	return 0;
}
