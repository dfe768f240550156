/*
 * gen-key.c -- meldpuntctl gen-key: write a new random master key.
 */
#include "config.h"

#include <stdio.h>

#include "meldpunt.h"
#include "ctl.h"

int
cmd_gen_key(struct ctl *c, int argc, char **argv)
{
	char	 err[512];

	(void)c;
	if (argc != 2) {
		ctl_usage();
		return 2;
	}
	if (mp_keys_generate(argv[1], err, sizeof(err)) != MP_OK) {
		ctl_warnx("%s", err);
		return 1;
	}
	printf("wrote a new key to %s\n", argv[1]);
	return 0;
}
