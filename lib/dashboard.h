/*
 * dashboard.h -- meldpunt-dashboard, the handlers' pages at /dashboard/:
 * sign-in (portal or local, with TOTP), the work list, a report's
 * detail and actions, new reports taken by phone or e-mail, admin
 * pages and the audit log.
 *
 * The program (cgi/dashboard.c) holds the route table; mp_dash_serve
 * matches a request to a route and, before the page runs, finds who is
 * signed in, checks the CSRF token of every POST and the route's
 * permission (lib/access.h).  Pages never check those themselves.
 */
#ifndef MP_DASHBOARD_H
#define MP_DASHBOARD_H

#include <stddef.h>

#include "access.h"

struct mp_ctx;
struct mp_req;
struct mp_dash;
struct mp_dreq;

typedef void	(*mp_dash_fn)(struct mp_dreq *);

#define MP_ROUTE_PUBLIC	0x01	/* no session needed (sign-in page) */
#define MP_ROUTE_STAGE	0x02	/* also before the second factor */

struct mp_dash_route {
	const char	*method;	/* "GET" (HEAD too) or "POST" */
	const char	*pattern;	/* below the mount; "#" a number */
	enum mp_perm	 perm;
	unsigned int	 flags;
	mp_dash_fn	 fn;
};

/* Process state: configuration read once, caches.  NULL-safe free. */
enum mp_err	 mp_dash_open(struct mp_dash **, struct mp_ctx *);
void		 mp_dash_close(struct mp_dash *);
/* Answer one request through routes[0..n). */
void		 mp_dash_serve(struct mp_dash *, struct mp_req *,
		    const struct mp_dash_route *routes, size_t n);

/* Pages (lib/dashboard-*.c). */
void	mp_dash_home(struct mp_dreq *);
void	mp_dash_login_form(struct mp_dreq *);
void	mp_dash_login(struct mp_dreq *);
void	mp_dash_logout(struct mp_dreq *);
void	mp_dash_totp_form(struct mp_dreq *);
void	mp_dash_totp(struct mp_dreq *);
void	mp_dash_list(struct mp_dreq *);
void	mp_dash_report(struct mp_dreq *);
void	mp_dash_attachment(struct mp_dreq *);
void	mp_dash_action(struct mp_dreq *);
void	mp_dash_new_form(struct mp_dreq *);
void	mp_dash_new(struct mp_dreq *);
void	mp_dash_admin(struct mp_dreq *);
void	mp_dash_admin_post(struct mp_dreq *);
void	mp_dash_audit(struct mp_dreq *);
void	mp_dash_grants(struct mp_dreq *);
void	mp_dash_grants_post(struct mp_dreq *);
void	mp_dash_password_form(struct mp_dreq *);
void	mp_dash_password(struct mp_dreq *);
void	mp_dash_stats(struct mp_dreq *);
void	mp_dash_stats_csv(struct mp_dreq *);
void	mp_dash_export(struct mp_dreq *);

#endif
