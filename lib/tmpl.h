/*
 * tmpl.h -- rendering pages with ClearSilver.  A view is the data of
 * one page (an HDF tree); a template is a .cs file under the template
 * directory.  Every variable is HTML-escaped by default
 * (Config.VarEscapeMode = html); templates never use uvar:, lvar:,
 * evar: or name: (scripts/lint checks).
 */
#ifndef MP_TMPL_H
#define MP_TMPL_H

#include <stddef.h>

#include "errcode.h"

struct mp_view;
struct mp_buf;

/* A new, empty view, freed with mp_tmpl_free (NULL-safe); NULL on error. */
struct mp_view	*mp_tmpl_new(void);
void		 mp_tmpl_free(struct mp_view *);

/*
 * A view keeps its first error.  Every setter below (mp_tmpl_set*,
 * mp_tmpl_node, mp_tmpl_vnode_*) that fails records its error in the view,
 * and once the view has failed every setter does nothing and returns
 * that first error; mp_tmpl_render then returns it too, without
 * writing anything.  So a page calls the setters plainly, one after
 * the other, and checks once: mp_tmpl_err, or the render's result.
 * The setters still return MP_OK or the view's first error, for a
 * caller that must stop early (before a database call, say).  A
 * setter fails only for want of memory (MP_ENOMEM) or, for
 * mp_tmpl_setf, a value over 64 KiB (MP_ETOOBIG) or a bad format.
 */
/* The view's first error, MP_OK while every setter has succeeded. */
enum mp_err	 mp_tmpl_err(const struct mp_view *);

/* Set name (dotted HDF path) to a copy of value.  NULL value is "". */
enum mp_err	 mp_tmpl_set(struct mp_view *, const char *name,
		    const char *value);
/* As mp_tmpl_set with a value of len bytes (need not be terminated). */
enum mp_err	 mp_tmpl_setn(struct mp_view *, const char *name,
		    const char *value, size_t len);
enum mp_err	 mp_tmpl_set_int(struct mp_view *, const char *name,
		    long long);
enum mp_err	 mp_tmpl_setf(struct mp_view *, const char *name,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
/*
 * A node of a view, for a page that sets many values under one name
 * (the 50 rows of the work list): setting "Reference" under the node
 * of "List.Rows.7" costs no formatting of the whole name and no walk
 * from the top of the tree, for each value.  A node belongs to its
 * view and is valid until mp_tmpl_free.
 */
struct mp_vnode;
/*
 * The node at name (dotted; made if absent) of v.  Never NULL: when
 * the view has failed, or fails here (MP_ENOMEM, kept in the view),
 * a node on which every setter does nothing.
 */
struct mp_vnode	*mp_tmpl_node(struct mp_view *, const char *name);
/* The node at name under node n (made if absent); as mp_tmpl_node. */
struct mp_vnode	*mp_tmpl_vnode_node(struct mp_vnode *, const char *name);
/* As mp_tmpl_set, mp_tmpl_set_int under node n (same sticky rule). */
enum mp_err	 mp_tmpl_vnode_set(struct mp_vnode *, const char *name,
		    const char *value);
enum mp_err	 mp_tmpl_vnode_set_int(struct mp_vnode *, const char *name,
		    long long);
/* The value at name, or NULL; owned by the view. */
const char	*mp_tmpl_get(const struct mp_view *, const char *name);
/*
 * The language the view renders in (lib/i18n.c): its templates read
 * T.<key> from that language's catalogue and Lang.Code, Lang.Dir from
 * it.  A language not enabled, or none set, is Dutch.
 */
void		 mp_tmpl_set_lang(struct mp_view *, const char *lang);
/* The view's language code ("nl" when none was set). */
const char	*mp_tmpl_lang(const struct mp_view *);
/* The text of key in the view's language (mp_i18n_text). */
const char	*mp_tmpl_text(const struct mp_view *, const char *key);

/*
 * Render dir/name (e.g. "intake/form.cs") with the view's data into
 * out (appended).  The template directory is set once per process with
 * mp_tmpl_init.  Returns the view's first error (see mp_tmpl_err;
 * nothing is written), or MP_ETMPL (logged) when parsing or rendering
 * fails; out may then hold a partial page and should be discarded.
 */
enum mp_err	 mp_tmpl_init(const char *dir);
enum mp_err	 mp_tmpl_render(struct mp_view *, const char *name,
		    struct mp_buf *out);

#endif
