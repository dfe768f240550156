/*
 * tmpl.c -- page rendering with ClearSilver.  A view wraps an HDF tree;
 * rendering parses the template (files are read once per process and
 * kept, since they only change with a deploy and a restart) and writes
 * into an mp_buf.  Escaping is on by default: Config.VarEscapeMode is
 * set to "html" before cs_init, the only moment ClearSilver reads it.
 * ClearSilver's NEOERR stops here: it is logged, freed and turned into
 * MP_ETMPL.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cs.h"
#include "meldpunt.h"

#define TMPL_MAX_FILE	(256 * 1024)	/* no template is larger */
#define TMPL_MAX_CACHE	64

struct mp_view {
	HDF	*hdf;
};

struct tfile {
	char	*name;
	char	*text;
	size_t	 len;
};

static char		*tmpldir;
static struct tfile	 cache[TMPL_MAX_CACHE];
static size_t		 ncache;

/* Log a NEOERR chain with context and free it. */
static void
nerr_log(const char *func, const char *what, NEOERR *nerr)
{
	STRING	 str;

	string_init(&str);
	nerr_error_string(nerr, &str);
	mp_errx("%s: %s: %s", func, what, str.buf == NULL ? "?" : str.buf);
	string_clear(&str);
	nerr_ignore(&nerr);
}

enum mp_err
mp_tmpl_init(const char *dir)
{
	char	*p;

	if ((p = mp_strdup(dir)) == NULL)
		return MP_ENOMEM;
	free(tmpldir);
	tmpldir = p;
	return MP_OK;
}

/* Read a template file into the cache; NULL when it cannot be read. */
static const struct tfile *
tfile_get(const char *name)
{
	struct mp_buf	 path, text;
	struct tfile	*tf = NULL;
	char		 chunk[8192];
	size_t		 i;
	ssize_t		 n;
	int		 fd = -1;

	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].name, name) == 0)
			return &cache[i];
	mp_buf_init(&path, PATH_MAX);
	mp_buf_init(&text, TMPL_MAX_FILE);
	/* Names come from code, but never let one climb out of the dir. */
	if (tmpldir == NULL || strstr(name, "..") != NULL || name[0] == '/') {
		mp_errx("%s: refused template name %s", __func__, name);
		goto out;
	}
	if (mp_buf_printf(&path, "%s/%s", tmpldir, name) != MP_OK)
		goto out;
	if ((fd = open(mp_buf_str(&path), O_RDONLY | O_CLOEXEC)) == -1) {
		mp_errx("%s: %s: %s", __func__, mp_buf_str(&path),
		    strerror(errno));
		goto out;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		if (mp_buf_add(&text, chunk, (size_t)n) != MP_OK)
			goto out;
	if (n == -1) {
		mp_errx("%s: read %s: %s", __func__, mp_buf_str(&path),
		    strerror(errno));
		goto out;
	}
	if (ncache == TMPL_MAX_CACHE) {
		mp_errx("%s: too many templates", __func__);
		goto out;
	}
	tf = &cache[ncache];
	if ((tf->name = mp_strdup(name)) == NULL) {
		tf = NULL;
		goto out;
	}
	tf->len = mp_buf_len(&text);
	if ((tf->text = mp_buf_take(&text, NULL)) == NULL &&
	    (tf->text = mp_strdup("")) == NULL) {
		free(tf->name);
		tf = NULL;
		goto out;
	}
	ncache++;
out:
	if (fd != -1)
		(void)close(fd);
	mp_buf_free(&path);
	mp_buf_free(&text);
	return tf;
}

/* ClearSilver's file loader: hand it a malloc'd copy from the cache. */
static NEOERR *
fileload(void *ctx, HDF *hdf, const char *filename, char **contents)
{
	const struct tfile	*tf;

	(void)ctx;
	(void)hdf;
	if ((tf = tfile_get(filename)) == NULL)
		return nerr_raise(NERR_NOT_FOUND, "template %s", filename);
	if ((*contents = mp_memdup0(tf->text, tf->len)) == NULL)
		return nerr_raise(NERR_NOMEM, "template %s", filename);
	return STATUS_OK;
}

/* url_escape() in templates, for values placed in links. */
static NEOERR *
url_escape(const char *in, char **out)
{

	return neos_url_escape(in, out, NULL);
}

static NEOERR *
output(void *ctx, char *s)
{
	struct mp_buf	*out = ctx;

	if (mp_buf_addstr(out, s) != MP_OK)
		return nerr_raise(NERR_NOMEM, "page too large");
	return STATUS_OK;
}

struct mp_view *
mp_view_new(void)
{
	struct mp_view	*v;
	NEOERR		*nerr;

	if ((v = mp_calloc(1, sizeof(*v))) == NULL)
		return NULL;
	if ((nerr = hdf_init(&v->hdf)) != STATUS_OK) {
		nerr_log(__func__, "hdf_init", nerr);
		free(v);
		return NULL;
	}
	return v;
}

void
mp_view_free(struct mp_view *v)
{

	if (v == NULL)
		return;
	hdf_destroy(&v->hdf);
	free(v);
}

enum mp_err
mp_view_set(struct mp_view *v, const char *name, const char *value)
{
	NEOERR	*nerr;

	if ((nerr = hdf_set_value(v->hdf, name,
	    value == NULL ? "" : value)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		return MP_ENOMEM;
	}
	return MP_OK;
}

enum mp_err
mp_view_setn(struct mp_view *v, const char *name, const char *value,
    size_t len)
{
	char		*copy;
	NEOERR		*nerr;

	if ((copy = mp_memdup0(value, len)) == NULL)
		return MP_ENOMEM;
	/* hdf_set_buf takes ownership of copy, also on failure. */
	if ((nerr = hdf_set_buf(v->hdf, name, copy)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		return MP_ENOMEM;
	}
	return MP_OK;
}

enum mp_err
mp_view_set_int(struct mp_view *v, const char *name, long long val)
{
	char	 num[32];

	(void)snprintf(num, sizeof(num), "%lld", val);
	return mp_view_set(v, name, num);
}

enum mp_err
mp_view_setf(struct mp_view *v, const char *name, const char *fmt, ...)
{
	struct mp_buf	 b;
	va_list		 ap;
	enum mp_err	 er;

	mp_buf_init(&b, 64 * 1024);
	va_start(ap, fmt);
	er = mp_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	if (er == MP_OK)
		er = mp_view_set(v, name, mp_buf_str(&b));
	mp_buf_free(&b);
	return er;
}

const char *
mp_view_get(const struct mp_view *v, const char *name)
{

	return hdf_get_value(v->hdf, name, NULL);
}

enum mp_err
mp_tmpl_render(struct mp_view *v, const char *name, struct mp_buf *out)
{
	CSPARSE		*cs = NULL;
	NEOERR		*nerr;
	enum mp_err	 er = MP_ETMPL;

	if ((nerr = hdf_set_value(v->hdf, "Config.VarEscapeMode",
	    "html")) != STATUS_OK) {
		nerr_log(__func__, "escape mode", nerr);
		return MP_ENOMEM;
	}
	if ((nerr = cs_init(&cs, v->hdf)) != STATUS_OK) {
		nerr_log(__func__, "cs_init", nerr);
		return MP_ETMPL;
	}
	cs_register_fileload(cs, NULL, fileload);
	if ((nerr = cs_register_esc_strfunc(cs, "url_escape",
	    url_escape)) != STATUS_OK) {
		nerr_log(__func__, "register url_escape", nerr);
		goto out;
	}
	if ((nerr = cs_parse_file(cs, name)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		goto out;
	}
	if ((nerr = cs_render(cs, out, output)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		goto out;
	}
	er = MP_OK;
out:
	cs_destroy(&cs);
	return er;
}
