/*
 * conf.c -- the configuration: one ClearSilver HDF file per instance,
 * looked up by dotted name.  ClearSilver's NEOERR stops here: every
 * error chain is turned into a one-line message and freed.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cs.h"
#include "alloc.h"
#include "conf.h"
#include "errcode.h"
#include "log.h"

#define CONF_DEFAULT	SYSCONFDIR "/meldpunt/meldpunt.hdf"
#define CONF_MAX	(1024 * 1024)	/* far above any real file */

struct mp_conf {
	HDF	*hdf;
	char	*path;	/* "" when parsed from text */
};

/*
 * Turn a NEOERR chain into a message in err prefixed by what, free the
 * chain and return the matching mp_err.
 */
static enum mp_err
neoerr(NEOERR *nerr, const char *what, char *err, size_t errsz)
{
	STRING		 str;
	enum mp_err	 er;

	er = nerr_match(nerr, NERR_NOMEM) ? MP_ENOMEM : MP_ECONF;
	string_init(&str);
	nerr_error_string(nerr, &str);
	mp_err_set(err, errsz, "%s: %s", what,
	    str.buf != NULL && str.buf[0] != '\0' ? str.buf : "unknown error");
	string_clear(&str);
	nerr_ignore(&nerr);
	return er;
}

const char *
mp_conf_path(const char *arg)
{
	const char	*env;

	if (arg != NULL)
		return arg;
	if ((env = getenv("MELDPUNT_CONFIG")) != NULL && env[0] != '\0')
		return env;
	return CONF_DEFAULT;
}

/* Make an empty configuration remembering path. */
static enum mp_err
conf_new(struct mp_conf **conf, const char *path, char *err, size_t errsz)
{
	struct mp_conf	*c;
	NEOERR		*nerr;

	*conf = NULL;
	if ((nerr = nerr_init()) != STATUS_OK)
		return neoerr(nerr, "nerr_init", err, errsz);
	if ((c = mp_alloc_calloc(1, sizeof(*c))) == NULL ||
	    (c->path = mp_alloc_strdup(path)) == NULL) {
		mp_err_set(err, errsz, "out of memory");
		mp_conf_free(c);
		return MP_ENOMEM;
	}
	if ((nerr = hdf_init(&c->hdf)) != STATUS_OK) {
		mp_conf_free(c);
		return neoerr(nerr, "hdf_init", err, errsz);
	}
	*conf = c;
	return MP_OK;
}

/*
 * Refuse the two HDF forms that make one node refer to another, a link
 * ("name : other") and a splice ("@name"), and attributes ("name [a=b]
 * = v").  ClearSilver follows links without a cycle check, so "a : a"
 * or "a : b" with "b : a" overflows its stack when parsed or read, and
 * it leaks a line's attributes when the rest of the line fails (both
 * found by fuzz-conf).  meldpunt's configuration has no use for any of
 * them.  Every line is screened, also inside a here-document, so that
 * no difference between this reading and ClearSilver's can let one
 * through; a value line of the form
 * "word : word" needs "=" instead.
 */
/*
 * ClearSilver skips what isspace() calls space at the start of a line
 * and after a name; so must the screen, or "\va:a" slips through.
 */
static int
conf_blank(char c)
{

	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

static enum mp_err
conf_screen(const char *text, const char *what, char *err, size_t errsz)
{
	const char	*s, *name;
	size_t		 line = 1;

	for (s = text; *s != '\0'; line++) {
		while (conf_blank(*s))
			s++;
		if (*s == '@') {
			mp_err_set(err, errsz, "%s: line %zu: \"@\" (copy of "
			    "another node) is not supported", what, line);
			return MP_ECONF;
		}
		name = s;
		while (*s == '_' || *s == '.' || *s == '*' ||
		    (*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z'))
			s++;
		while (conf_blank(*s))
			s++;
		if (*s == '[') {
			mp_err_set(err, errsz, "%s: line %zu: attributes "
			    "(\"name [...]\") are not supported", what, line);
			return MP_ECONF;
		}
		if (s[0] == ':' && s[1] != '=') {
			mp_err_set(err, errsz, "%s: line %zu: \"%.*s:\" (a "
			    "link to another node) is not supported; use "
			    "\"=\"", what, line,
			    s - name > 64 ? 64 : (int)(s - name), name);
			return MP_ECONF;
		}
		while (*s != '\0' && *s != '\n')
			s++;
		if (*s == '\n')
			s++;
	}
	return MP_OK;
}

/* Parse a screened text into a configuration remembering path. */
static enum mp_err
conf_read(struct mp_conf **conf, const char *path, const char *what,
    const char *text, char *err, size_t errsz)
{
	struct mp_conf	*c;
	NEOERR		*nerr;
	enum mp_err	 er;

	*conf = NULL;
	if ((er = conf_screen(text, what, err, errsz)) != MP_OK)
		return er;
	if ((er = conf_new(&c, path, err, errsz)) != MP_OK)
		return er;
	if ((nerr = hdf_read_string(c->hdf, text)) != STATUS_OK) {
		mp_conf_free(c);
		return neoerr(nerr, what, err, errsz);
	}
	*conf = c;
	return MP_OK;
}

/*
 * The file is read here rather than by hdf_read_file, so that it passes
 * the same screen as a text and so that the operator reads errno's
 * reason instead of ClearSilver's bare "not found".
 */
enum mp_err
mp_conf_load(struct mp_conf **conf, const char *path, char *err,
    size_t errsz)
{
	char		*text = NULL;
	size_t		 len = 0;
	ssize_t		 n;
	enum mp_err	 er = MP_ECONF;
	int		 fd = -1, saved;

	*conf = NULL;
	if (path == NULL || path[0] == '\0') {
		mp_err_set(err, errsz, "no configuration file given");
		return MP_ECONF;
	}
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		saved = errno;
		mp_err_set(err, errsz, "cannot read %s: %s", path,
		    strerror(saved));
		goto out;
	}
	if ((text = mp_alloc(CONF_MAX + 1)) == NULL) {
		mp_err_set(err, errsz, "out of memory");
		er = MP_ENOMEM;
		goto out;
	}
	while ((n = read(fd, text + len, CONF_MAX + 1 - len)) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			saved = errno;
			mp_err_set(err, errsz, "cannot read %s: %s", path,
			    strerror(saved));
			goto out;
		}
		if ((len += (size_t)n) > CONF_MAX) {
			mp_err_set(err, errsz, "%s: larger than %d bytes",
			    path,
			    CONF_MAX);
			goto out;
		}
	}
	text[len] = '\0';
	if (memchr(text, '\0', len) != NULL) {
		mp_err_set(err, errsz, "%s: contains a NUL byte", path);
		goto out;
	}
	er = conf_read(conf, path, path, text, err, errsz);
out:
	if (fd != -1)
		close(fd);
	free(text);
	return er;
}

enum mp_err
mp_conf_parse(struct mp_conf **conf, const char *text, char *err,
    size_t errsz)
{

	*conf = NULL;
	if (text == NULL) {
		mp_err_set(err, errsz, "no configuration text given");
		return MP_ECONF;
	}
	return conf_read(conf, "", "configuration text", text, err, errsz);
}

void
mp_conf_free(struct mp_conf *conf)
{

	if (conf == NULL)
		return;
	if (conf->hdf != NULL)
		hdf_destroy(&conf->hdf);
	free(conf->path);
	free(conf);
}

const char *
mp_conf_str(const struct mp_conf *conf, const char *name, const char *def)
{

	if (conf == NULL || name == NULL)
		return def;
	return hdf_get_value(conf->hdf, name, def);
}

/*
 * Parse a whole decimal number in [min, max] into *v.  0 if it is
 * junk, has trailing characters or is out of range.
 */
static int
parse_int(const char *s, long long min, long long max, long long *v)
{
	char		*ep;
	long long	 n;

	errno = 0;
	n = strtoll(s, &ep, 10);
	if (ep == s || *ep != '\0' || errno == ERANGE || n < min || n > max)
		return 0;
	*v = n;
	return 1;
}

/* An unset or empty value means "use the default". */
static const char *
conf_value(const struct mp_conf *conf, const char *name)
{
	const char	*v;

	if ((v = mp_conf_str(conf, name, NULL)) == NULL || v[0] == '\0')
		return NULL;
	return v;
}

long long
mp_conf_int(const struct mp_conf *conf, const char *name, long long def,
    long long min, long long max)
{
	const char	*v;
	long long	 n;

	if ((v = conf_value(conf, name)) == NULL)
		return def;
	if (!parse_int(v, min, max, &n)) {
		mp_warnx("%s: %s: %s = \"%s\" is not a whole number in "
		    "[%lld, %lld]; using %lld", __func__,
		    conf->path[0] != '\0' ? conf->path : "(text)", name, v,
		    min, max, def);
		return def;
	}
	return n;
}

/* 1 or 0 for the words of a yes/no value; -1 for anything else. */
static int
bool_word(const char *v)
{
	static const char *const yes[] = { "1", "yes", "true", "on" };
	static const char *const no[] = { "0", "no", "false", "off" };
	size_t		 i;

	for (i = 0; i < MP_NELEM(yes); i++)
		if (strcasecmp(v, yes[i]) == 0)
			return 1;
	for (i = 0; i < MP_NELEM(no); i++)
		if (strcasecmp(v, no[i]) == 0)
			return 0;
	return -1;
}

int
mp_conf_bool(const struct mp_conf *conf, const char *name, int def)
{
	const char	*v;
	int		 b;

	if ((v = conf_value(conf, name)) == NULL)
		return def;
	if ((b = bool_word(v)) != -1)
		return b;
	mp_warnx("%s: %s: %s = \"%s\" is not yes/no, true/false, on/off or "
	    "1/0; using %s", __func__,
	    conf->path[0] != '\0' ? conf->path : "(text)", name, v,
	    def ? "yes" : "no");
	return def;
}

int
mp_conf_check_int(const struct mp_conf *conf, const char *name,
    long long min, long long max)
{
	const char	*v;
	long long	 n;

	if ((v = conf_value(conf, name)) == NULL)
		return 1;
	return parse_int(v, min, max, &n);
}

int
mp_conf_check_bool(const struct mp_conf *conf, const char *name)
{
	const char	*v;

	if ((v = conf_value(conf, name)) == NULL)
		return 1;
	return bool_word(v) != -1;
}

const char *
mp_conf_file(const struct mp_conf *conf)
{

	return conf == NULL ? "" : conf->path;
}

const char *
mp_conf_child(const struct mp_conf *conf, const char *name, void **cursor)
{
	HDF	*obj;

	if (conf == NULL) {
		*cursor = NULL;
		return NULL;
	}
	if (*cursor == NULL) {
		obj = name == NULL || name[0] == '\0' ? conf->hdf :
		    hdf_get_obj(conf->hdf, name);
		obj = obj == NULL ? NULL : hdf_obj_child(obj);
	} else
		obj = hdf_obj_next(*cursor);
	*cursor = obj;
	return obj == NULL ? NULL : hdf_obj_name(obj);
}

#define WALK_NAMEMAX	256

/* Walk the children of obj, whose dotted name is name[0..len). */
static int
conf_walk(HDF *obj, char *name, size_t len,
    int (*fn)(const char *, const char *, void *), void *arg)
{
	HDF		*h;
	const char	*part, *value;
	size_t		 plen, n;
	int		 rc;

	for (h = hdf_obj_child(obj); h != NULL; h = hdf_obj_next(h)) {
		part = hdf_obj_name(h);
		plen = strlen(part);
		n = len;
		if (n > 0 && n < WALK_NAMEMAX - 1)
			name[n++] = '.';
		if (n + plen < WALK_NAMEMAX) {
			memcpy(name + n, part, plen + 1);
			n += plen;
		} else {
			/* Cut short and say so, rather than fail the walk. */
			memcpy(name + n, part, WALK_NAMEMAX - 1 - n);
			memcpy(name + WALK_NAMEMAX - 4, "...", 4);
			n = WALK_NAMEMAX - 1;
		}
		if ((value = hdf_obj_value(h)) != NULL &&
		    (rc = fn(name, value, arg)) != 0)
			return rc;
		if ((rc = conf_walk(h, name, n, fn, arg)) != 0)
			return rc;
		name[len] = '\0';
	}
	return 0;
}

int
mp_conf_walk(const struct mp_conf *conf,
    int (*fn)(const char *, const char *, void *), void *arg)
{
	char	 name[WALK_NAMEMAX];

	if (conf == NULL)
		return 0;
	name[0] = '\0';
	return conf_walk(conf->hdf, name, 0, fn, arg);
}
