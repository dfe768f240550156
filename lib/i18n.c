/*
 * i18n.c -- the public pages' languages (see i18n.h).  Each enabled
 * language is one HDF tree, built at start-up and never changed after:
 * the Dutch catalogue, the language's own over it (so a missing text
 * shows in Dutch rather than not at all), the instance's overrides over
 * that, under "T"; and "Lang" with the code, the direction and the list
 * of languages for the switch on every page.  A render reads it as its
 * global HDF (lib/tmpl.c), so no request copies a text.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cs.h"
#include "conf.h"
#include "confkey.h"
#include "errcode.h"
#include "i18n.h"
#include "log.h"
#include "req.h"

const char *const mp_i18n_shipped[] = { "nl", "en", "pl", "tr", "ar",
	NULL };

#define I18N_MAX	8
#define OVERRIDE	"i18n.text."

struct lang {
	const char	*code;		/* from mp_i18n_shipped */
	HDF		*hdf;
};

static struct lang	 langs[I18N_MAX];
static size_t		 nlangs;

/* Log a NEOERR with context and free it. */
static void
nerr_log(const char *what, NEOERR *nerr)
{
	STRING	 str;

	string_init(&str);
	nerr_error_string(nerr, &str);
	mp_errx("i18n: %s: %s", what, str.buf == NULL ? "?" : str.buf);
	string_clear(&str);
	nerr_ignore(&nerr);
}

void
mp_i18n_free(void)
{
	size_t	 i;

	for (i = 0; i < nlangs; i++)
		hdf_destroy(&langs[i].hdf);
	nlangs = 0;
}

/* The shipped code for s, or NULL. */
static const char *
shipped(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; mp_i18n_shipped[i] != NULL; i++)
		if (strlen(mp_i18n_shipped[i]) == len &&
		    strncasecmp(mp_i18n_shipped[i], s, len) == 0)
			return mp_i18n_shipped[i];
	return NULL;
}

/* Add code to the list unless there already; logged when full. */
static void
lang_add(const char *code)
{
	size_t	 i;

	for (i = 0; i < nlangs; i++)
		if (langs[i].code == code)
			return;
	if (nlangs == I18N_MAX) {
		mp_warnx("i18n.languages: more than %d languages", I18N_MAX);
		return;
	}
	langs[nlangs].code = code;
	langs[nlangs++].hdf = NULL;
}

/* Read dir/i18n/<code>.hdf under node. */
static enum mp_err
read_catalogue(HDF *node, const char *dir, const char *code)
{
	char	 path[4096];
	NEOERR	*nerr;

	(void)snprintf(path, sizeof(path), "%s/i18n/%s.hdf", dir, code);
	if ((nerr = hdf_read_file(node, path)) != STATUS_OK) {
		nerr_log(path, nerr);
		return MP_EINVAL;
	}
	return MP_OK;
}

struct override {
	HDF		*t;
	const char	*code;
	enum mp_err	 er;
};

/* i18n.text.<code>.<key> = value: set T.<key> of the language. */
static int
override_one(const char *name, const char *value, void *arg)
{
	struct override	*o = arg;
	size_t		 n = strlen(OVERRIDE), cl = strlen(o->code);
	NEOERR		*nerr;

	if (strncmp(name, OVERRIDE, n) != 0 ||
	    strncmp(name + n, o->code, cl) != 0 || name[n + cl] != '.' ||
	    name[n + cl + 1] == '\0')
		return 0;
	if ((nerr = hdf_set_value(o->t, name + n + cl + 1, value)) !=
	    STATUS_OK) {
		nerr_log(name, nerr);
		o->er = MP_ENOMEM;
		return 1;
	}
	return 0;
}

/* Build the tree of langs[i]: catalogues, overrides, Lang.Code/Dir. */
static enum mp_err
lang_build(struct lang *l, const struct mp_conf *c, const char *dir)
{
	struct override	 o;
	HDF		*t;
	NEOERR		*nerr;

	if ((nerr = hdf_init(&l->hdf)) != STATUS_OK ||
	    (nerr = hdf_get_node(l->hdf, "T", &t)) != STATUS_OK ||
	    (nerr = hdf_set_value(l->hdf, "Lang.Code", l->code)) !=
	    STATUS_OK ||
	    (nerr = hdf_set_value(l->hdf, "Lang.Dir",
	    mp_i18n_rtl(l->code) ? "rtl" : "ltr")) != STATUS_OK) {
		nerr_log(l->code, nerr);
		return MP_ENOMEM;
	}
	/* Dutch under every language: a missing text is never blank. */
	if (read_catalogue(t, dir, "nl") != MP_OK ||
	    (strcmp(l->code, "nl") != 0 &&
	    read_catalogue(t, dir, l->code) != MP_OK))
		return MP_EINVAL;
	o.t = t;
	o.code = l->code;
	o.er = MP_OK;
	if (c != NULL)
		(void)mp_conf_walk(c, override_one, &o);
	return o.er;
}

/* Lang.List.<i>.Code and .Name (in its own language) in every tree. */
static enum mp_err
lists_build(void)
{
	char		 key[64];
	const char	*self;
	size_t		 i, j;
	NEOERR		*nerr;

	for (i = 0; i < nlangs; i++)
		for (j = 0; j < nlangs; j++) {
			self = hdf_get_value(langs[j].hdf, "T.lang.self",
			    langs[j].code);
			(void)snprintf(key, sizeof(key), "Lang.List.%zu.Code",
			    j);
			if ((nerr = hdf_set_value(langs[i].hdf, key,
			    langs[j].code)) != STATUS_OK) {
				nerr_log(key, nerr);
				return MP_ENOMEM;
			}
			(void)snprintf(key, sizeof(key), "Lang.List.%zu.Name",
			    j);
			if ((nerr = hdf_set_value(langs[i].hdf, key, self)) !=
			    STATUS_OK) {
				nerr_log(key, nerr);
				return MP_ENOMEM;
			}
		}
	return MP_OK;
}

enum mp_err
mp_i18n_init(const struct mp_conf *c, const char *dir)
{
	char		 entry[64];
	const char	*code;
	size_t		 i;
	enum mp_err	 er = MP_OK;

	mp_i18n_free();
	lang_add(mp_i18n_shipped[0]);
	for (i = 0; c != NULL && mp_confkey_list_entry(c, MP_CK_I18N_LANGUAGES,
	    i, entry, sizeof(entry)); i++) {
		if ((code = shipped(entry, strlen(entry))) == NULL) {
			mp_warnx("i18n.languages: no catalogue for \"%s\"",
			    entry);
			continue;
		}
		lang_add(code);
	}
	for (i = 0; i < nlangs && er == MP_OK; i++)
		er = lang_build(&langs[i], c, dir);
	if (er == MP_OK)
		er = lists_build();
	if (er != MP_OK)
		mp_i18n_free();
	return er;
}

size_t
mp_i18n_count(void)
{

	return nlangs;
}

const char *
mp_i18n_lang(size_t i)
{

	return i < nlangs ? langs[i].code : NULL;
}

/* The enabled language of the first len bytes of s, or NULL. */
static const struct lang *
lang_find(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; s != NULL && i < nlangs; i++)
		if (strlen(langs[i].code) == len &&
		    strncasecmp(langs[i].code, s, len) == 0)
			return &langs[i];
	return NULL;
}

const char *
mp_i18n_find(const char *s)
{
	const struct lang	*l;

	l = s == NULL ? NULL : lang_find(s, strlen(s));
	return l == NULL ? NULL : l->code;
}

int
mp_i18n_rtl(const char *lang)
{

	return lang != NULL && strcmp(lang, "ar") == 0;
}

/*
 * The best enabled language of an Accept-Language header ("pl-PL,
 * pl;q=0.9, en;q=0.5"): the highest q, the first of equals; a tag's
 * region is ignored.  NULL when none is enabled.
 */
static const char *
accept_best(const char *h)
{
	const struct lang	*l;
	const char		*best = NULL, *tag, *p;
	double			 q, bestq = 0.0;
	size_t			 len;

	for (p = h; p != NULL && *p != '\0';) {
		while (*p == ' ' || *p == ',')
			p++;
		tag = p;
		while (isalpha((unsigned char)*p))
			p++;
		len = (size_t)(p - tag);
		while (*p != '\0' && *p != ',' && *p != ';')
			p++;
		q = 1.0;
		if (*p == ';') {
			const char	*qs = strstr(p, "q=");

			if (qs != NULL && (strchr(p, ',') == NULL ||
			    qs < strchr(p, ',')))
				q = strtod(qs + 2, NULL);
			while (*p != '\0' && *p != ',')
				p++;
		}
		if (len == 0) {
			if (*p != '\0')
				p++;
			continue;
		}
		if ((l = lang_find(tag, len)) != NULL && q > bestq) {
			best = l->code;
			bestq = q;
		}
	}
	return best;
}

const char *
mp_i18n_pick(const struct mp_req *req, int *chosen)
{
	const char	*s;

	*chosen = 0;
	if (nlangs == 0)
		return mp_i18n_shipped[0];
	if ((s = mp_i18n_find(mp_req_params_get(&req->form, MP_I18N_PARAM,
	    NULL))) != NULL || (s = mp_i18n_find(mp_req_params_get(
	    &req->query, MP_I18N_PARAM, NULL))) != NULL) {
		*chosen = 1;
		return s;
	}
	if ((s = mp_i18n_find(mp_req_params_get(&req->cookies,
	    MP_I18N_COOKIE, NULL))) != NULL)
		return s;
	if ((s = accept_best(mp_req_env(req, "HTTP_ACCEPT_LANGUAGE"))) !=
	    NULL)
		return s;
	return langs[0].code;
}

/* The tree of lang, Dutch for NULL or one not enabled. */
static const struct lang *
tree_of(const char *lang)
{
	const struct lang	*l;

	if (nlangs == 0)
		return NULL;
	l = lang == NULL ? NULL : lang_find(lang, strlen(lang));
	return l != NULL ? l : &langs[0];
}

const char *
mp_i18n_text(const char *lang, const char *key)
{
	const struct lang	*l = tree_of(lang);
	HDF			*t;
	const char		*s;

	/* Dutch is under every tree: one look-up finds either. */
	if (l == NULL || (t = hdf_get_obj(l->hdf, "T")) == NULL ||
	    (s = hdf_get_value(t, key, NULL)) == NULL) {
		mp_warnx("i18n: no text for %s", key);
		return key;
	}
	return s;
}

void *
mp_i18n_tree(const char *lang)
{
	const struct lang	*l = tree_of(lang);

	return l == NULL ? NULL : l->hdf;
}
