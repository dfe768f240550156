/*
 * drain-spool.c -- meldpuntctl drain-spool: store the reports that
 * waited in the spool while the database was down.
 */
#include "config.h"

#include <stdio.h>

#include "meldpunt.h"
#include "ctl.h"

int
cmd_drain_spool(struct ctl *c, int argc, char **argv)
{
	const char	*dir = mp_confkey_str(c->conf, MP_CK_PATHS_SPOOL);
	long		 stored = 0, failed = 0;
	char		 why[256];
	enum mp_err	 er;

	(void)argc;
	(void)argv;
	er = mp_spool_drain(dir, c->db, &c->keys, (size_t)mp_confkey_int(
	    c->conf, MP_CK_SUBJECT_MAX_PER_REPORT), &stored, &failed);
	printf("stored %ld, failed %ld\n", stored, failed);
	if (er != MP_OK) {
		ctl_warnx("%s: %s", dir, ctl_dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	return failed > 0 ? 1 : 0;
}
