/*
 * options.c -- the choices of the work list's filters (signal types,
 * audiences, teams, handlers), kept in struct mp_dash for catalog.ttl
 * seconds (see struct opt_list in dashboard.h).  list.c shows them;
 * dashboard.c frees them with the process state.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define OPT_MAX		500	/* choices of one <select> */

enum stmt {
	STMT_OPT_TYPES,
	STMT_OPT_AUDIENCES,
	STMT_OPT_TEAMS,
	STMT_OPT_HANDLERS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_OPT_TYPES */
	"SELECT id, name FROM signal_type ORDER BY sort, name",
	/* STMT_OPT_AUDIENCES */
	"SELECT id, name FROM audience ORDER BY sort, name",
	/* STMT_OPT_TEAMS */
	"SELECT id, name FROM team ORDER BY name",
	/* STMT_OPT_HANDLERS */
	"SELECT id, display_name FROM app_user WHERE role IN"
	" ('handler', 'coordinator') ORDER BY display_name",
};

/* The columns of every statement above. */
enum opt_col { OPT_ID, OPT_NAME };

static void
opt_free(struct opt_list *o)
{
	size_t	 i;

	for (i = 0; i < o->n; i++)
		free(o->name[i]);
	free(o->name);
	free(o->id);
	memset(o, 0, sizeof(*o));
}

void
dash_options_free(struct mp_dash *d)
{
	size_t	 k;

	for (k = 0; k < OPT_KINDS; k++)
		opt_free(&d->opts[k]);
	d->opts_at = 0;
}

/* Read the choices of statement s into o (emptied first). */
static enum mp_err
opt_load(struct mp_db *db, enum stmt s, struct opt_list *o)
{
	struct mp_stmt	*st;
	const char	*name;
	enum mp_err	 er;

	opt_free(o);
	if ((o->id = mp_alloc_calloc(OPT_MAX, sizeof(*o->id))) == NULL ||
	    (o->name = mp_alloc_calloc(OPT_MAX, sizeof(*o->name))) == NULL)
		return MP_ENOMEM;
	if ((er = mp_db_query(db, &st, stmts[s], NULL, 0)) != MP_OK)
		return er;
	while (o->n < OPT_MAX && (er = mp_db_next(st)) == MP_OK) {
		name = mp_db_text(st, OPT_NAME, NULL);
		if ((o->name[o->n] = mp_alloc_strdup(name != NULL ? name :
		    "")) ==
		    NULL) {
			er = MP_ENOMEM;
			break;
		}
		o->id[o->n++] = mp_db_int(st, OPT_ID);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND || er == MP_OK ? MP_OK : er;
}

enum mp_err
dash_options_refresh(struct mp_dash *d, time_t now)
{
	static const enum stmt	 s[OPT_KINDS] = {
		STMT_OPT_TYPES, STMT_OPT_AUDIENCES, STMT_OPT_TEAMS,
		STMT_OPT_HANDLERS
	};
	size_t			 k;
	enum mp_err		 er;

	if (d->opts_at != 0 && d->opts_at + d->catalog_ttl > now)
		return MP_OK;
	for (k = 0; k < OPT_KINDS; k++)
		if ((er = opt_load(d->ctx->db, s[k], &d->opts[k])) != MP_OK) {
			dash_options_free(d);
			return er;
		}
	d->opts_at = now;
	return MP_OK;
}
