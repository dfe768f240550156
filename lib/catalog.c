/*
 * catalog.c -- the audiences and the signal types each one's form
 * offers, read from the database and kept by the worker for catalog.ttl
 * seconds: every form page needs them and they change a few times a
 * year, so a short staleness is the right price for not reading them on
 * every request.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "catalog.h"
#include "db.h"
#include "errcode.h"

enum stmt {
	STMT_AUDIENCES,
	STMT_TYPES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_AUDIENCES */
	"SELECT id, slug, name, intro, is_default FROM audience "
	"WHERE active = 1 ORDER BY sort, id",
	/* STMT_TYPES */
	"SELECT a.audience_id, s.id, s.slug, s.name, s.description "
	"FROM audience_signal_type a "
	"JOIN signal_type s ON s.id = a.signal_type_id "
	"WHERE s.active = 1 ORDER BY s.sort, s.id",
};

/* STMT_AUDIENCES' columns. */
enum {
	AUD_ID,
	AUD_SLUG,
	AUD_NAME,
	AUD_INTRO,
	AUD_DEFAULT
};
/* STMT_TYPES' columns. */
enum {
	TYPE_AUDIENCE,
	TYPE_ID,
	TYPE_SLUG,
	TYPE_NAME,
	TYPE_DESCRIPTION
};

static void
types_free(struct mp_signal_type *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(t[i].slug);
		free(t[i].name);
		free(t[i].description);
	}
	free(t);
}

static void
aud_free(struct mp_audience *a, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(a[i].slug);
		free(a[i].name);
		free(a[i].intro);
		types_free(a[i].types, a[i].ntypes);
	}
	free(a);
}

void
mp_catalog_free(struct mp_catalog *cat)
{

	aud_free(cat->aud, cat->naud);
	memset(cat, 0, sizeof(*cat));
}

static char *
coldup(struct mp_stmt *st, unsigned col)
{
	size_t		 len;
	const char	*s;

	s = mp_db_text(st, col, &len);
	return mp_alloc_memdup0(s == NULL ? "" : s, s == NULL ? 0 : len);
}

static enum mp_err
load_audiences(struct mp_db *db, struct mp_audience **out, size_t *nout)
{
	struct mp_stmt		*st;
	struct mp_audience	*a = NULL, *na, *x;
	size_t			 n = 0;
	enum mp_err		 er;

	er = mp_db_query(db, &st, stmts[STMT_AUDIENCES], NULL, 0);
	if (er != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		if ((na = mp_alloc_reallocarray(a, n + 1,
		    sizeof(*a))) == NULL) {
			er = MP_ENOMEM;
			break;
		}
		a = na;
		x = &a[n++];
		memset(x, 0, sizeof(*x));
		x->id = mp_db_int(st, AUD_ID);
		x->slug = coldup(st, AUD_SLUG);
		x->name = coldup(st, AUD_NAME);
		x->intro = coldup(st, AUD_INTRO);
		x->is_default = mp_db_int(st, AUD_DEFAULT) != 0;
		if (x->slug == NULL || x->name == NULL || x->intro == NULL) {
			er = MP_ENOMEM;
			break;
		}
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND) {
		aud_free(a, n);
		return er;
	}
	*out = a;
	*nout = n;
	return MP_OK;
}

static enum mp_err
load_types(struct mp_db *db, struct mp_audience *a, size_t naud)
{
	struct mp_stmt		*st;
	struct mp_signal_type	*nt, *t;
	long long		 aid;
	size_t			 i;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_TYPES], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		aid = mp_db_int(st, TYPE_AUDIENCE);
		for (i = 0; i < naud && a[i].id != aid; i++)
			continue;
		if (i == naud)
			continue;	/* an inactive audience */
		nt = mp_alloc_reallocarray(a[i].types, a[i].ntypes + 1,
		    sizeof(*nt));
		if (nt == NULL) {
			er = MP_ENOMEM;
			break;
		}
		a[i].types = nt;
		t = &nt[a[i].ntypes++];
		memset(t, 0, sizeof(*t));
		t->id = mp_db_int(st, TYPE_ID);
		t->slug = coldup(st, TYPE_SLUG);
		t->name = coldup(st, TYPE_NAME);
		t->description = coldup(st, TYPE_DESCRIPTION);
		if (t->slug == NULL || t->name == NULL ||
		    t->description == NULL) {
			er = MP_ENOMEM;
			break;
		}
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_catalog_load(struct mp_catalog *cat, struct mp_db *db, time_t now,
    long ttl)
{
	struct mp_audience	*a = NULL;
	size_t			 n = 0;
	enum mp_err		 er;

	if (cat->aud != NULL && now - cat->loaded < ttl && now >= cat->loaded)
		return MP_OK;
	if ((er = load_audiences(db, &a, &n)) != MP_OK)
		return er;
	if ((er = load_types(db, a, n)) != MP_OK) {
		aud_free(a, n);
		return er;
	}
	mp_catalog_free(cat);
	cat->aud = a;
	cat->naud = n;
	cat->loaded = now;
	return MP_OK;
}

const struct mp_audience *
mp_catalog_audience(const struct mp_catalog *cat, const char *slug)
{
	size_t	 i;

	for (i = 0; i < cat->naud; i++) {
		if (slug == NULL || slug[0] == '\0') {
			if (cat->aud[i].is_default)
				return &cat->aud[i];
		} else if (strcmp(cat->aud[i].slug, slug) == 0)
			return &cat->aud[i];
	}
	/* Without a marked default the first audience serves. */
	if ((slug == NULL || slug[0] == '\0') && cat->naud > 0)
		return &cat->aud[0];
	return NULL;
}

const struct mp_signal_type *
mp_catalog_type(const struct mp_audience *aud, const char *slug)
{
	size_t	 i;

	if (slug == NULL)
		return NULL;
	for (i = 0; i < aud->ntypes; i++)
		if (strcmp(aud->types[i].slug, slug) == 0)
			return &aud->types[i];
	return NULL;
}
