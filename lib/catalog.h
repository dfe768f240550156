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

struct mp_catalog {
	struct mp_audience	*aud;
	size_t			 naud;
	time_t			 loaded;
};

/*
 * Load active audiences and their active signal types into cat
 * (replacing what it held) if it is older than ttl seconds at now.
 */
enum mp_err	 mp_catalog_load(struct mp_catalog *, struct mp_db *,
		    time_t now, long ttl);
void		 mp_catalog_free(struct mp_catalog *);
/* The audience with slug, or the default one for NULL/""; NULL if none. */
const struct mp_audience *
		 mp_catalog_audience(const struct mp_catalog *,
		    const char *slug);
/* A signal type offered to aud by slug; NULL if not offered. */
const struct mp_signal_type *
		 mp_catalog_type(const struct mp_audience *, const char *slug);

#endif
