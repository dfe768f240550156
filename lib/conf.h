/*
 * conf.h -- the configuration: one HDF file per instance (see
 * conf/meldpunt.hdf.in).  Values are looked up by dotted name, e.g.
 * "db.socket"; a missing value yields the caller's default.
 */
#ifndef MP_CONF_H
#define MP_CONF_H

#include "errcode.h"

struct mp_conf;

/*
 * The configuration path a program uses: the -c argument if given
 * (arg may be NULL), else $MELDPUNT_CONFIG, else the installed default
 * SYSCONFDIR/meldpunt/meldpunt.hdf.  Returns a static or the given string.
 */
const char	*mp_conf_path(const char *arg);

/*
 * Read and parse path into *conf (freed with mp_conf_free).  On failure
 * a one-line reason is written to err (errsz bytes) and MP_ECONF or
 * MP_ENOMEM returned.
 */
enum mp_err	 mp_conf_load(struct mp_conf **conf, const char *path,
		    char *err, size_t errsz);
/* Parse HDF text (tests, drop-in snippets); same contract as load. */
enum mp_err	 mp_conf_parse(struct mp_conf **conf, const char *text,
		    char *err, size_t errsz);
void		 mp_conf_free(struct mp_conf *);

/* The value, or def when unset.  The string belongs to conf. */
const char	*mp_conf_str(const struct mp_conf *, const char *name,
		    const char *def);
/*
 * An integer value, or def when unset.  A value that is not a whole
 * number in [min, max] is logged and def is returned; check-config
 * reports it instead, with mp_conf_check_int.
 */
long long	 mp_conf_int(const struct mp_conf *, const char *name,
		    long long def, long long min, long long max);
/* 1 for "1", "yes", "true", "on"; 0 for "0", "no", "false", "off". */
int		 mp_conf_bool(const struct mp_conf *, const char *name,
		    int def);
/* 1 if set and a whole number in [min, max] (or unset); else 0. */
int		 mp_conf_check_int(const struct mp_conf *, const char *name,
		    long long min, long long max);
/* 1 if set to a word mp_conf_bool takes (or unset); else 0. */
int		 mp_conf_check_bool(const struct mp_conf *, const char *name);
/* The path the configuration was read from ("" when parsed from text). */
const char	*mp_conf_file(const struct mp_conf *);

/*
 * Iterate the children of a node ("intake.audiences"): call with
 * *cursor NULL first; returns the next child's name or NULL at the end.
 */
const char	*mp_conf_child(const struct mp_conf *, const char *name,
		    void **cursor);

/*
 * Call fn(name, value, arg) for every node that has a value, in file
 * order, with its full dotted name ("db.admin.user"); a block such as
 * "db { ... }" has none of its own.  A name longer than 255 bytes is
 * passed cut short, ending in "...".  Stops at the first non-zero
 * return of fn and returns it; 0 after the last node.
 */
int		 mp_conf_walk(const struct mp_conf *,
		    int (*fn)(const char *name, const char *value,
		    void *arg), void *arg);

#endif
