/*
 * sqltext.h -- statements assembled once from a template and named
 * fragments (issue 12: no SQL in headers).  A fragment that several
 * statements share -- the visibility rule (access.c), the work list's
 * filters (cgi/dashboard/list.c) -- is data of the module that owns
 * it; a statement that needs it names it in its template, "{name}",
 * and mp_sqltext_open expands every template of a set once, at a
 * program's start.  The statements then live, at fixed addresses, until
 * mp_sqltext_close: the prepared-statement cache (db.c) is keyed by the
 * address of a statement's text, so each is prepared once, as before.
 */
#ifndef MP_SQLTEXT_H
#define MP_SQLTEXT_H

#include <stddef.h>

#include "errcode.h"

/* A fragment: "{name}" in a template stands for text. */
struct mp_sqltext_part {
	const char	*name;
	const char	*text;
};

/*
 * Expand tmpl into *out (a heap string the caller frees): every
 * "{name}" replaced by the text of the part of that name (parts ends
 * with a NULL name); names in a part's text are expanded too, four
 * levels deep at most.  MP_EINVAL for an unknown name, a "{" without
 * its "}" or a deeper nesting (a part naming itself), with *out NULL;
 * MP_ENOMEM.
 */
enum mp_err	 mp_sqltext_expand(const char *tmpl,
		    const struct mp_sqltext_part *parts, char **out);

/*
 * A module's statements: n templates and the parts they use, set up
 * statically by their owner; sql is filled by mp_sqltext_open.
 */
struct mp_sqltext_set {
	const char *const		*tmpl;
	size_t				 n;
	const struct mp_sqltext_part	*parts;
	const char			**sql;	/* owned; NULL until open */
};

/*
 * Expand every template of s (one without "{" is used as it is, not
 * copied).  On an error nothing stays allocated and the template's
 * index is logged.  Opening an open set does nothing.
 */
enum mp_err	 mp_sqltext_open(struct mp_sqltext_set *s);
/*
 * Statement i of an open set.  Of a set that is not open, the template
 * itself: MariaDB then refuses it ("{" is no SQL), a clear error and
 * no crash.
 */
const char	*mp_sqltext_get(const struct mp_sqltext_set *s, size_t i);
/* Free what mp_sqltext_open made; s can be opened again. */
void		 mp_sqltext_close(struct mp_sqltext_set *s);

#endif
