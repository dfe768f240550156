/*
 * seed-demo.c -- meldpuntctl seed-demo: fill the database with demo
 * reports (the data itself: seed.c).
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "ctl.h"
#include "seed.h"

int
cmd_seed_demo(struct ctl *c, int argc, char **argv)
{
	long long	 nrep = 300, seed = 1;
	int		 subjects = 1, dossiers = 1;
	long		 done = 0;
	char		 why[256];
	int		 i;
	enum mp_err	 er;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reports") == 0 && i + 1 < argc) {
			if ((nrep = ctl_number(argv[++i], 0, 100000000)) < 0) {
				ctl_warnx("--reports: a number from 0 to"
				    " 100000000");
				return 2;
			}
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			if ((seed = ctl_number(argv[++i], 0, UINT_MAX)) < 0) {
				ctl_warnx("--seed: a number from 0 to %u",
				    UINT_MAX);
				return 2;
			}
		} else if (strcmp(argv[i], "--no-subjects") == 0) {
			subjects = 0;
		} else if (strcmp(argv[i], "--no-dossiers") == 0) {
			dossiers = 0;
		} else {
			ctl_usage();
			return 2;
		}
	}
	er = mp_seed_demo(c->db, &c->keys, (long)nrep, (unsigned int)seed,
	    &done);
	if (er != MP_OK) {
		ctl_warnx("seeding stopped after %ld reports: %s", done,
		    ctl_dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	printf("inserted %ld demo reports\n", done);
	if (dossiers && done > 0 && (er = mp_seed_dossiers(c->db)) != MP_OK) {
		ctl_warnx("demo dossiers: %s", ctl_dbwhy(c, er, why,
		    sizeof(why)));
		return 1;
	}
	/*
	 * Indexed as the intake indexes a report it stores (issue 13), by
	 * the rebuild: --no-subjects leaves that to "subjects rebuild"
	 * (bench/subjects times it).
	 */
	return subjects && done > 0 ? ctl_subjects_index(c) : 0;
}
