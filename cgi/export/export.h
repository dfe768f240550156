/*
 * export.h -- meldpunt-export, the partners' XML interface at /api/:
 *
 *	GET /api/v1/reports.xml?since=<cursor>&limit=<n>
 *	GET /api/v1/reports/<reference>.xml
 *	GET /api/v1/schema.xsd
 *
 * A partner authenticates with "Authorization: Bearer <key>" (and, when
 * its record names one, the TLS client certificate subject the web
 * server passes); it sees only reports shared with it, only the fields
 * of its profile.  Pulls follow the change sequence of lib/share.h,
 * stream through lib/xmlout.h in keyset pages, and every pull is
 * recorded page by page (export_pull, export_pull_page) and in the
 * audit log.  Errors are XML documents of the same schema.
 */
#ifndef MP_EXPORT_H
#define MP_EXPORT_H

#include <stddef.h>

#include "route.h"

struct mp_ctx;
struct mp_req;
struct mp_export;

typedef void	(*export_fn)(struct mp_export *, struct mp_req *,
		    const struct mp_route_args *);

/* A line of the route table (main.c); patterns are below mount/v1/. */
struct export_route {
	struct mp_route	 r;		/* method and pattern */
	export_fn	 fn;
};

/* The schema's namespace; a new major version gets a new one. */
#define MP_EXPORT_NS	"urn:meldpunt:export:1"
#define MP_EXPORT_XSD	"export/meldpunt-export-1.xsd"

/*
 * Read export.* from the configuration: mount (/api), default_limit
 * (100), max_limit (10000), pulls_per_minute (60), cert_param
 * (SSL_CLIENT_S_DN).
 */
enum mp_err	 mp_export_open(struct mp_export **, struct mp_ctx *);
void		 mp_export_close(struct mp_export *);
/* Answer one request through routes[0..n). */
void		 mp_export_serve(struct mp_export *, struct mp_req *,
		    const struct export_route *routes, size_t n);

/* Pages. */
void		 export_schema(struct mp_export *, struct mp_req *,
		    const struct mp_route_args *);
void		 export_reports(struct mp_export *, struct mp_req *,
		    const struct mp_route_args *);
void		 export_report(struct mp_export *, struct mp_req *,
		    const struct mp_route_args *);

#endif
