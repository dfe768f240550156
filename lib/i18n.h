/*
 * i18n.h -- the public pages' languages (issue 17).  The texts live in
 * one HDF catalogue per language, <paths.templates>/i18n/<lang>.hdf,
 * read once at start-up; an instance switches languages on with
 * i18n.languages and overrides any text with i18n.text.<lang>.<key>.
 * Templates read a text as T.<key> (the language's tree is the
 * render's global HDF, lib/tmpl.c), C code with mp_i18n_text.  A key a
 * catalogue lacks falls back to the Dutch text: nl.hdf is complete by
 * definition, and tests/unit/test-i18n.c fails on any catalogue that
 * lacks one of its keys.
 */
#ifndef MP_I18N_H
#define MP_I18N_H

#include <stddef.h>

#include "errcode.h"

struct mp_conf;
struct mp_req;

/* The languages meldpunt ships, Dutch first; NULL ends. */
extern const char *const mp_i18n_shipped[];

/* The query or form parameter and the cookie that choose a language. */
#define MP_I18N_PARAM	"taal"
#define MP_I18N_COOKIE	"mp_taal"

/*
 * Read the catalogues of the languages conf switches on (i18n.languages;
 * Dutch always, first) from dir/i18n/<lang>.hdf (dir: the templates'),
 * with the overrides of conf.
 * Called again (tests), it forgets the previous ones.  MP_EINVAL
 * (logged) when a catalogue cannot be read.
 */
enum mp_err	 mp_i18n_init(const struct mp_conf *, const char *dir);
void		 mp_i18n_free(void);

/* How many languages are on, and the i-th ("nl" first); NULL past. */
size_t		 mp_i18n_count(void);
const char	*mp_i18n_lang(size_t i);
/* The enabled language named s (case ignored) as a static code; NULL. */
const char	*mp_i18n_find(const char *s);
/* 1 when lang is written right to left. */
int		 mp_i18n_rtl(const char *lang);

/*
 * The language of a request: the parameter taal (query or form) when
 * it names an enabled language, else the cookie, else the best enabled
 * match in Accept-Language, else Dutch.  *chosen is 1 when it came from
 * the parameter: the program keeps it in the cookie MP_I18N_COOKIE
 * (path /, so the form and the follow-up share it).  Never NULL.
 */
const char	*mp_i18n_pick(const struct mp_req *, int *chosen);

/*
 * The text of key ("error.back.intake") in lang: its own, the Dutch
 * one, or key itself when neither has it (and that is logged).  NULL
 * or an unknown lang is Dutch.  The string lives until mp_i18n_free.
 */
const char	*mp_i18n_text(const char *lang, const char *key);

/*
 * For lib/tmpl.c only: the ClearSilver HDF (as void *, so that no
 * other file needs ClearSilver's headers) holding T.* and Lang.* of
 * lang; NULL before mp_i18n_init.
 */
void		*mp_i18n_tree(const char *lang);

#endif
