/*
 * sqltext.c -- statements from templates and fragments (see
 * sqltext.h).  Only text is copied here: no SQL of its own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "log.h"
#include "sqltext.h"

static const struct mp_sqltext_part *
part_of(const struct mp_sqltext_part *parts, const char *name, size_t len)
{

	for (; parts != NULL && parts->name != NULL; parts++)
		if (strlen(parts->name) == len &&
		    memcmp(parts->name, name, len) == 0)
			return parts;
	return NULL;
}

/*
 * Append tmpl expanded to b.  A part's text may name parts itself (the
 * list's search names the subjects' fragment): expanded in turn, at
 * most DEPTH_MAX deep, so that a part naming itself fails, not loops.
 */
#define DEPTH_MAX	4

static enum mp_err
expand(struct mp_buf *b, const char *tmpl,
    const struct mp_sqltext_part *parts, int depth)
{
	const struct mp_sqltext_part *pt;
	const char	*p, *open, *close;
	enum mp_err	 er = MP_OK;

	if (depth > DEPTH_MAX)
		return MP_EINVAL;
	for (p = tmpl; (open = strchr(p, '{')) != NULL; p = close + 1) {
		if ((close = strchr(open, '}')) == NULL ||
		    (pt = part_of(parts, open + 1,
		    (size_t)(close - open - 1))) == NULL)
			return MP_EINVAL;
		if ((er = mp_buf_add(b, p, (size_t)(open - p))) != MP_OK ||
		    (er = expand(b, pt->text, parts, depth + 1)) != MP_OK)
			return er;
	}
	return mp_buf_add(b, p, strlen(p));
}

enum mp_err
mp_sqltext_expand(const char *tmpl, const struct mp_sqltext_part *parts,
    char **out)
{
	struct mp_buf	 b;
	enum mp_err	 er;

	*out = NULL;
	mp_buf_init(&b, 1 << 20);
	er = expand(&b, tmpl, parts, 0);
	if (er == MP_OK && (*out = mp_alloc_strdup(mp_buf_str(&b))) == NULL)
		er = MP_ENOMEM;
	mp_buf_free(&b);
	return er;
}

enum mp_err
mp_sqltext_open(struct mp_sqltext_set *s)
{
	char		*x;
	size_t		 i;
	enum mp_err	 er;

	if (s->sql != NULL)
		return MP_OK;
	if ((s->sql = mp_alloc_calloc(s->n, sizeof(*s->sql))) == NULL)
		return MP_ENOMEM;
	for (i = 0; i < s->n; i++) {
		if (strchr(s->tmpl[i], '{') == NULL) {
			s->sql[i] = s->tmpl[i];
			continue;
		}
		if ((er = mp_sqltext_expand(s->tmpl[i], s->parts, &x)) !=
		    MP_OK) {
			mp_warnx("%s: template %zu: %s", __func__, i,
			    er == MP_EINVAL ? "unknown or unclosed {name}" :
			    "out of memory");
			mp_sqltext_close(s);
			return er;
		}
		s->sql[i] = x;
	}
	return MP_OK;
}

const char *
mp_sqltext_get(const struct mp_sqltext_set *s, size_t i)
{

	return s->sql != NULL && s->sql[i] != NULL ? s->sql[i] : s->tmpl[i];
}

void
mp_sqltext_close(struct mp_sqltext_set *s)
{
	size_t	 i;

	if (s->sql == NULL)
		return;
	for (i = 0; i < s->n; i++)
		if (s->sql[i] != s->tmpl[i])
			free((char *)s->sql[i]);
	free(s->sql);
	s->sql = NULL;
}
