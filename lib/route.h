/*
 * route.h -- the route tables of the FastCGI programs: which page
 * answers which method and path below the program's mount.  Each
 * program keeps its table in its main.c (cgi/<program>/main.c).  An
 * entry of such a table begins with struct mp_route and adds what the
 * program needs to run the page (the page function, a permission,
 * flags); mp_route_find walks the table and finds the entry.
 */
#ifndef MP_ROUTE_H
#define MP_ROUTE_H

#include <stddef.h>

#define MP_ROUTE_NUMS		2		/* "#" in one pattern */
#define MP_ROUTE_NUM_MAX	999999999999LL
#define MP_ROUTE_SLUG_MAX	32

/*
 * The pattern is the path below the mount, byte for byte, except:
 *	#	a number, 1 to MP_ROUTE_NUM_MAX, in at most 18 digits
 *	*	a slug (mp_valid_slug) up to the next "/" or the end
 *	$	any text of at least one byte; only literal bytes may
 *		follow it, and the path must end with them
 */
struct mp_route {
	const char	*method;	/* "GET" (answers HEAD too), "POST" */
	const char	*pattern;
};

/* What the pattern's "#", "*" and "$" matched. */
struct mp_route_args {
	long long	 num[MP_ROUTE_NUMS];	/* in order */
	char		 slug[MP_ROUTE_SLUG_MAX + 1];
	const char	*text;		/* into the path; not terminated */
	size_t		 textlen;
};

/*
 * Find method and path in table, n entries of size bytes each, each
 * beginning with struct mp_route: the first entry whose pattern
 * matches path and whose method is method (HEAD counts as GET).
 * Returns 0 with *found its index and args set; 404 when no pattern
 * matches the path; 405 when one does, but not for this method.
 */
int	 mp_route_find(const void *table, size_t n, size_t size,
	    const char *method, const char *path,
	    struct mp_route_args *args, size_t *found);

#endif
