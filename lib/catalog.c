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
#include "log.h"

enum stmt {
	STMT_AUDIENCES,
	STMT_TYPES,
	STMT_TEXTS,
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
	/* STMT_TEXTS: the translations (sql/051). */
	"SELECT kind, object_id, lang, name, text FROM catalog_text",
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
/* STMT_TEXTS' columns. */
enum {
	TEXT_KIND,
	TEXT_ID,
	TEXT_LANG,
	TEXT_NAME,
	TEXT_TEXT
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

static void
texts_free(struct mp_catalog_text *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(t[i].name);
		free(t[i].text);
	}
	free(t);
}

void
mp_catalog_free(struct mp_catalog *cat)
{

	aud_free(cat->aud, cat->naud);
	texts_free(cat->texts, cat->ntexts);
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

/*
 * The translations into *out.  A failure leaves none (logged by the
 * caller): the forms are then Dutch, which beats no form.
 */
static enum mp_err
load_texts(struct mp_db *db, struct mp_catalog_text **out, size_t *nout)
{
	struct mp_stmt		*st;
	struct mp_catalog_text	*t = NULL, *nt, *x;
	const char		*k, *l;
	size_t			 n = 0;
	enum mp_err		 er;

	*out = NULL;
	*nout = 0;
	if ((er = mp_db_query(db, &st, stmts[STMT_TEXTS], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		if ((nt = mp_alloc_reallocarray(t, n + 1,
		    sizeof(*t))) == NULL) {
			er = MP_ENOMEM;
			break;
		}
		t = nt;
		x = &t[n++];
		memset(x, 0, sizeof(*x));
		k = mp_db_text(st, TEXT_KIND, NULL);
		x->kind = k != NULL && strcmp(k, "audience") == 0 ?
		    MP_CATALOG_AUDIENCE : MP_CATALOG_SIGNAL_TYPE;
		x->id = mp_db_int(st, TEXT_ID);
		l = mp_db_text(st, TEXT_LANG, NULL);
		if (l != NULL && strlen(l) == 2)
			memcpy(x->lang, l, 3);
		x->name = coldup(st, TEXT_NAME);
		x->text = coldup(st, TEXT_TEXT);
		if (x->name == NULL || x->text == NULL) {
			er = MP_ENOMEM;
			break;
		}
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND) {
		texts_free(t, n);
		return er;
	}
	*out = t;
	*nout = n;
	return MP_OK;
}

enum mp_err
mp_catalog_load(struct mp_catalog *cat, struct mp_db *db, time_t now,
    long ttl)
{
	struct mp_audience	*a = NULL;
	struct mp_catalog_text	*t = NULL;
	size_t			 n = 0, nt = 0;
	enum mp_err		 er;

	if (cat->aud != NULL && now - cat->loaded < ttl && now >= cat->loaded)
		return MP_OK;
	if ((er = load_audiences(db, &a, &n)) != MP_OK)
		return er;
	if ((er = load_types(db, a, n)) != MP_OK) {
		aud_free(a, n);
		return er;
	}
	if ((er = load_texts(db, &t, &nt)) != MP_OK)
		mp_warnx("%s: the translations cannot be read (%s): the forms"
		    " show the Dutch names", __func__, mp_err_str(er));
	mp_catalog_free(cat);
	cat->aud = a;
	cat->naud = n;
	cat->texts = t;
	cat->ntexts = nt;
	cat->loaded = now;
	return MP_OK;
}

const struct mp_catalog_text *
mp_catalog_text(const struct mp_catalog *cat, enum mp_catalog_kind kind,
    long long id, const char *lang)
{
	size_t	 i;

	for (i = 0; lang != NULL && i < cat->ntexts; i++)
		if (cat->texts[i].kind == kind && cat->texts[i].id == id &&
		    strcmp(cat->texts[i].lang, lang) == 0)
			return &cat->texts[i];
	return NULL;
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
