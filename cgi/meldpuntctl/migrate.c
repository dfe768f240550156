/*
 * migrate.c -- meldpuntctl migrate: apply the new schema migrations
 * of paths.sql as db.admin, and give a new installation the standard
 * catalogue.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "ctl.h"
#include "seed.h"

int
cmd_migrate(struct ctl *c, int argc, char **argv)
{
	const char	*dir = mp_confkey_str(c->conf, MP_CK_PATHS_SQL);
	struct mp_catalog cat;
	char		 err[512];
	int		 n, empty;
	long		 v;
	enum mp_err	 er;

	(void)argc;
	(void)argv;
	if ((er = mp_db_connect(c->db)) != MP_OK) {
		ctl_warnx("%s", ctl_dbwhy(c, er, err, sizeof(err)));
		return 1;
	}
	if (mp_migrate(c->db, dir, &n, err, sizeof(err)) != MP_OK) {
		ctl_warnx("%s", err);
		return 1;
	}
	if ((v = mp_migrate_version(c->db)) < 0) {
		ctl_warnx("cannot read the schema version");
		return 1;
	}
	if (n > 0)
		printf("applied %d migration%s, schema at version %ld\n", n,
		    n == 1 ? "" : "s", v);
	else
		printf("schema up to date at version %ld\n", v);
	/* A new installation gets the standard forms, or every form would
	 * be a 404 until someone ran seed-demo; an existing catalogue is
	 * the administrators' and is left alone. */
	memset(&cat, 0, sizeof(cat));
	if ((er = mp_catalog_load(&cat, c->db, time(NULL), 0)) != MP_OK) {
		ctl_warnx("cannot read the catalogue: %s", mp_err_str(er));
		return 1;
	}
	empty = cat.naud == 0;
	mp_catalog_free(&cat);
	if (empty) {
		if ((er = mp_seed_catalog(c->db)) != MP_OK) {
			ctl_warnx("cannot install the standard catalogue: %s",
			    mp_err_str(er));
			return 1;
		}
		printf("installed the standard audiences and signal types\n");
	}
	return 0;
}
