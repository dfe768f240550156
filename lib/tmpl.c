/*
 * tmpl.c -- page rendering with ClearSilver.  A view wraps an HDF tree;
 * rendering writes into an mp_buf.  Each template is parsed once per
 * process and its parse tree (CSPARSE) kept, since templates only
 * change with a deploy and a restart: parsing the work list and its
 * includes took about a tenth of the dashboard's time per page.  A
 * request binds its own HDF to the kept tree for the length of
 * cs_render only (see render_parsed for why that is safe).
 *
 * Escaping is on by default: the kept tree is made by cs_init on an
 * HDF of our own with Config.VarEscapeMode = "html", and ClearSilver
 * reads that setting only there, stamping each var: node with it while
 * parsing; the request's HDF cannot change it.  ClearSilver's NEOERR
 * stops here: it is logged, freed and turned into MP_ETMPL.
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
#include "alloc.h"
#include "buf.h"
#include "errcode.h"
#include "i18n.h"
#include "log.h"
#include "tmpl.h"

#define TMPL_MAX_FILE	(256 * 1024)	/* no template is larger */
#define TMPL_MAX_CACHE	64

/*
 * A node handle knows its view, so that a setter on a node keeps the
 * view's first error as the view's own setters do.  Handles are made
 * by mp_tmpl_node and mp_tmpl_vnode_node, one small allocation each (the
 * work list makes about a hundred, against thousands of ClearSilver's
 * own for its values), and freed with the view.  dead is what a
 * failed view hands out instead of a node: every setter on it does
 * nothing, so a caller need not check for NULL.
 */
struct mp_vnode {
	HDF		*hdf;
	struct mp_view	*v;
	struct mp_vnode	*next;		/* the view's list, for freeing */
};

struct mp_view {
	HDF		*hdf;
	enum mp_err	 err;		/* the first failure, or MP_OK */
	struct mp_vnode	*nodes;
	struct mp_vnode	 dead;
	const char	*lang;		/* lib/i18n.c's code; NULL: Dutch */
};

struct tfile {
	char	*name;
	char	*text;
	size_t	 len;
};

/*
 * A parsed template.  cs->hdf is conf except during a render, so that
 * the tree never points at a request's freed HDF.
 */
struct tparsed {
	char	*name;
	HDF	*conf;		/* Config.VarEscapeMode = html */
	CSPARSE	*cs;
};

static char		*tmpldir;
static struct tfile	 cache[TMPL_MAX_CACHE];
static size_t		 ncache;
static struct tparsed	 parsed[TMPL_MAX_CACHE];
static size_t		 nparsed;

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

/* Forget every file and parse tree read so far. */
static void
cache_clear(void)
{
	size_t	 i;

	for (i = 0; i < nparsed; i++) {
		cs_destroy(&parsed[i].cs);
		hdf_destroy(&parsed[i].conf);
		free(parsed[i].name);
	}
	nparsed = 0;
	for (i = 0; i < ncache; i++) {
		free(cache[i].name);
		free(cache[i].text);
	}
	ncache = 0;
}

enum mp_err
mp_tmpl_init(const char *dir)
{
	char	*p;

	if ((p = mp_alloc_strdup(dir)) == NULL)
		return MP_ENOMEM;
	/* Another directory (tests) must not see the old one's trees. */
	cache_clear();
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
	if ((tf->name = mp_alloc_strdup(name)) == NULL) {
		tf = NULL;
		goto out;
	}
	tf->len = mp_buf_len(&text);
	if ((tf->text = mp_buf_take(&text, NULL)) == NULL &&
	    (tf->text = mp_alloc_strdup("")) == NULL) {
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
	if ((*contents = mp_alloc_memdup0(tf->text, tf->len)) == NULL)
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
mp_tmpl_new(void)
{
	struct mp_view	*v;
	NEOERR		*nerr;

	if ((v = mp_alloc_calloc(1, sizeof(*v))) == NULL)
		return NULL;
	if ((nerr = hdf_init(&v->hdf)) != STATUS_OK) {
		nerr_log(__func__, "hdf_init", nerr);
		free(v);
		return NULL;
	}
	v->err = MP_OK;
	v->dead.v = v;
	return v;
}

void
mp_tmpl_free(struct mp_view *v)
{
	struct mp_vnode	*n;

	if (v == NULL)
		return;
	while ((n = v->nodes) != NULL) {
		v->nodes = n->next;
		free(n);
	}
	hdf_destroy(&v->hdf);
	free(v);
}

enum mp_err
mp_tmpl_err(const struct mp_view *v)
{

	return v->err;
}

/* Keep er as the view's first error (if it is the first); return it. */
static enum mp_err
view_fail(struct mp_view *v, enum mp_err er)
{

	if (v->err == MP_OK)
		v->err = er;
	return v->err;
}

/* Set name under at to value (all setters but mp_tmpl_setn). */
static enum mp_err
view_set(struct mp_view *v, HDF *at, const char *name, const char *value)
{
	NEOERR	*nerr;

	if (v->err != MP_OK)
		return v->err;
	if ((nerr = hdf_set_value(at, name,
	    value == NULL ? "" : value)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		return view_fail(v, MP_ENOMEM);
	}
	return MP_OK;
}

/*
 * val as decimal text in num (of 32 bytes), by hand: snprintf was a
 * tenth of the work list's own time.
 */
static const char *
fmt_int(char num[32], long long val)
{
	char			*p = num + 31;
	unsigned long long	 u;

	*p = '\0';
	u = val < 0 ? 0ULL - (unsigned long long)val : (unsigned long long)val;
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (val < 0)
		*--p = '-';
	return p;
}

enum mp_err
mp_tmpl_set(struct mp_view *v, const char *name, const char *value)
{

	return view_set(v, v->hdf, name, value);
}

enum mp_err
mp_tmpl_setn(struct mp_view *v, const char *name, const char *value,
    size_t len)
{
	char		*copy;
	NEOERR		*nerr;

	if (v->err != MP_OK)
		return v->err;
	if ((copy = mp_alloc_memdup0(value, len)) == NULL)
		return view_fail(v, MP_ENOMEM);
	/* hdf_set_buf takes ownership of copy, also on failure. */
	if ((nerr = hdf_set_buf(v->hdf, name, copy)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		return view_fail(v, MP_ENOMEM);
	}
	return MP_OK;
}

enum mp_err
mp_tmpl_set_int(struct mp_view *v, const char *name, long long val)
{
	char	 num[32];

	if (v->err != MP_OK)
		return v->err;
	return view_set(v, v->hdf, name, fmt_int(num, val));
}

enum mp_err
mp_tmpl_setf(struct mp_view *v, const char *name, const char *fmt, ...)
{
	struct mp_buf	 b;
	va_list		 ap;
	enum mp_err	 er;

	if (v->err != MP_OK)
		return v->err;
	mp_buf_init(&b, 64 * 1024);
	va_start(ap, fmt);
	er = mp_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	er = er == MP_OK ? view_set(v, v->hdf, name, mp_buf_str(&b)) :
	    view_fail(v, er);
	mp_buf_free(&b);
	return er;
}

/*
 * The node at name under at, as a handle of v; &v->dead once v has
 * failed or when the node or its handle cannot be made (MP_ENOMEM).
 */
static struct mp_vnode *
vnode_get(struct mp_view *v, HDF *at, const char *name)
{
	struct mp_vnode	*n;
	HDF		*node;
	NEOERR		*nerr;

	if (v->err != MP_OK)
		return &v->dead;
	if ((nerr = hdf_get_node(at, name, &node)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		(void)view_fail(v, MP_ENOMEM);
		return &v->dead;
	}
	if ((n = mp_alloc(sizeof(*n))) == NULL) {
		(void)view_fail(v, MP_ENOMEM);
		return &v->dead;
	}
	n->hdf = node;
	n->v = v;
	n->next = v->nodes;
	v->nodes = n;
	return n;
}

struct mp_vnode *
mp_tmpl_node(struct mp_view *v, const char *name)
{

	return vnode_get(v, v->hdf, name);
}

struct mp_vnode *
mp_tmpl_vnode_node(struct mp_vnode *n, const char *name)
{

	return vnode_get(n->v, n->hdf, name);
}

enum mp_err
mp_tmpl_vnode_set(struct mp_vnode *n, const char *name, const char *value)
{

	/* The dead node's hdf is never used: its view has failed. */
	return view_set(n->v, n->hdf, name, value);
}

enum mp_err
mp_tmpl_vnode_set_int(struct mp_vnode *n, const char *name, long long val)
{
	char	 num[32];

	if (n->v->err != MP_OK)
		return n->v->err;
	return view_set(n->v, n->hdf, name, fmt_int(num, val));
}

const char *
mp_tmpl_get(const struct mp_view *v, const char *name)
{

	return hdf_get_value(v->hdf, name, NULL);
}

void
mp_tmpl_set_lang(struct mp_view *v, const char *lang)
{

	v->lang = mp_i18n_find(lang);
}

const char *
mp_tmpl_lang(const struct mp_view *v)
{

	return v->lang != NULL ? v->lang : mp_i18n_shipped[0];
}

const char *
mp_tmpl_text(const struct mp_view *v, const char *key)
{

	return mp_i18n_text(v->lang, key);
}

/*
 * The parse tree of name, parsed on first use.  Fails (logged) when the
 * template cannot be read or parsed; a failure is not kept, so a
 * template fixed on disk is read again (only tests do that).
 */
static struct tparsed *
parsed_get(const char *name)
{
	struct tparsed	*tp;
	NEOERR		*nerr;
	size_t		 i;

	for (i = 0; i < nparsed; i++)
		if (strcmp(parsed[i].name, name) == 0)
			return &parsed[i];
	if (nparsed == TMPL_MAX_CACHE) {
		mp_errx("%s: too many templates", __func__);
		return NULL;
	}
	tp = &parsed[nparsed];
	memset(tp, 0, sizeof(*tp));
	if ((tp->name = mp_alloc_strdup(name)) == NULL)
		return NULL;
	if ((nerr = hdf_init(&tp->conf)) != STATUS_OK) {
		nerr_log(__func__, "hdf_init", nerr);
		goto fail;
	}
	/* Before cs_init: the only moment ClearSilver reads it. */
	if ((nerr = hdf_set_value(tp->conf, "Config.VarEscapeMode",
	    "html")) != STATUS_OK) {
		nerr_log(__func__, "escape mode", nerr);
		goto fail;
	}
	if ((nerr = cs_init(&tp->cs, tp->conf)) != STATUS_OK) {
		nerr_log(__func__, "cs_init", nerr);
		goto fail;
	}
	cs_register_fileload(tp->cs, NULL, fileload);
	if ((nerr = cs_register_esc_strfunc(tp->cs, "url_escape",
	    url_escape)) != STATUS_OK) {
		nerr_log(__func__, "register url_escape", nerr);
		goto fail;
	}
	if ((nerr = cs_parse_file(tp->cs, name)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		goto fail;
	}
	nparsed++;
	return tp;
fail:
	cs_destroy(&tp->cs);
	hdf_destroy(&tp->conf);
	free(tp->name);
	tp->name = NULL;
	return NULL;
}

/*
 * Render a kept tree with the request's HDF.  ClearSilver's render
 * leaves the tree as it found it: what it changes while evaluating
 * (the locals of each/loop/call/with, the escaping state of a var:)
 * it restores on the way out, and the strings it allocates belong to
 * the evaluation, not to the tree (parsed arguments point into the
 * template text and are never freed by an evaluation).  What a render
 * reads from the CSPARSE besides the tree is hdf (swapped in here and
 * back), the locals (none at the top; cleared again in case an error
 * left one) and the output callback (set by cs_render itself).  set:
 * writes into the request's HDF, which is new per request.
 */
static NEOERR *
render_parsed(struct tparsed *tp, HDF *hdf, const char *lang,
    struct mp_buf *out)
{
	NEOERR	*nerr;

	tp->cs->hdf = hdf;
	/*
	 * The language's texts (T.*, Lang.*) as the global HDF: what the
	 * request's HDF lacks is looked up there, so no request copies
	 * a catalogue (lib/i18n.c builds the trees once).
	 */
	tp->cs->global_hdf = mp_i18n_tree(lang);
	nerr = cs_render(tp->cs, out, output);
	tp->cs->hdf = tp->conf;
	tp->cs->global_hdf = NULL;
	tp->cs->locals = NULL;
	return nerr;
}

enum mp_err
mp_tmpl_render(struct mp_view *v, const char *name, struct mp_buf *out)
{
	struct tparsed	*tp;
	NEOERR		*nerr;

	/* A failed view was logged where it failed; render nothing. */
	if (v->err != MP_OK)
		return v->err;
	if ((tp = parsed_get(name)) == NULL)
		return MP_ETMPL;
	if ((nerr = render_parsed(tp, v->hdf, v->lang, out)) != STATUS_OK) {
		nerr_log(__func__, name, nerr);
		return MP_ETMPL;
	}
	return MP_OK;
}
