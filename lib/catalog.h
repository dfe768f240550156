/*
 * catalog.h -- audiences and signal types: which forms there are and
 * what each offers.  Read from the database and kept per worker for a
 * short time (catalog.ttl, 60 s by default), since they change rarely
 * and every form page needs them.
 */
#ifndef MP_CATALOG_H
#define MP_CATALOG_H

#include <stddef.h>
#include <time.h>

#include "errcode.h"

struct mp_db;

struct mp_signal_type {
	long long	 id;
	char		*slug;
	char		*name;
	char		*description;
};

struct mp_audience {
	long long		 id;
	char			*slug;
	char			*name;
	char			*intro;
	int			 is_default;
	struct mp_signal_type	*types;		/* offered on its form */
	size_t			 ntypes;
};

/*
 * A name and text (intro, description) of an audience or signal type
 * in another language than Dutch (table catalog_text, sql/051).
 */
enum mp_catalog_kind { MP_CATALOG_AUDIENCE, MP_CATALOG_SIGNAL_TYPE };

struct mp_catalog_text {
	enum mp_catalog_kind	 kind;
	long long		 id;
	char			 lang[3];
	char			*name;
	char			*text;
};

struct mp_catalog {
	struct mp_audience	*aud;
	size_t			 naud;
	struct mp_catalog_text	*texts;		/* translations */
	size_t			 ntexts;
	time_t			 loaded;
};

/*
 * Load active audiences and their active signal types into cat
 * (replacing what it held) if it is older than ttl seconds at now,
 * with their translations (a failure to read those is logged and
 * leaves the forms Dutch).
 */
enum mp_err	 mp_catalog_load(struct mp_catalog *, struct mp_db *,
		    time_t now, long ttl);
void		 mp_catalog_free(struct mp_catalog *);
/* The audience with slug, or the default one for NULL/""; NULL if none. */
const struct mp_audience *
		 mp_catalog_audience(const struct mp_catalog *,
		    const char *slug);
/*
 * The translation of audience or signal type id into lang, NULL when
 * there is none (then the Dutch name and text are the ones to show).
 */
const struct mp_catalog_text *
		 mp_catalog_text(const struct mp_catalog *,
		    enum mp_catalog_kind, long long id, const char *lang);
/* A signal type offered to aud by slug; NULL if not offered. */
const struct mp_signal_type *
		 mp_catalog_type(const struct mp_audience *, const char *slug);

#endif
