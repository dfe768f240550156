/*
 * dashboard-int.h -- what the lib/dashboard*.c files share and nothing
 * else sees: the process state, one request's state and the helpers
 * every page uses.
 */
#ifndef MP_DASHBOARD_INT_H
#define MP_DASHBOARD_INT_H

#include <time.h>

#include "catalog.h"
#include "session.h"
#include "user.h"

struct mp_view;

enum mp_authmode {
	MP_AUTH_PORTAL = 0,
	MP_AUTH_LOCAL
};

#define COUNT_CACHE	16

struct count_cache {
	long long	 user_id;	/* 0: free; -1: all reports */
	time_t		 at;
	long long	 n[8];
};

/*
 * The choices of the work list's filters (signal types, audiences,
 * teams, handlers), kept per worker for catalog.ttl seconds: they change
 * by an administrator's hand, and reading them took four of a list
 * page's seven statements.  Owned by mp_dash; freed by
 * mp_dash_list_close.
 */
#define OPT_KINDS	4

struct opt_list {
	size_t		 n;
	long long	*id;
	char		**name;
};

struct mp_dash {
	struct mp_ctx	*ctx;
	enum mp_authmode mode;
	const char	*portal_var;
	const char	*mount;		/* "/dashboard" */
	const char	*instance;
	const char	*static_url;
	int		 totp_required;
	long		 idle, absolute;
	long		 take_days, close_days;
	long		 max_attempts, attempt_window;
	size_t		 pw_min;
	long		 count_ttl;
	long		 catalog_ttl;
	long		 token_ttl;
	struct mp_catalog cat;		/* for the new-report form */
	time_t		 purged;
	struct count_cache counts[COUNT_CACHE];
	struct opt_list	 opts[OPT_KINDS];
	time_t		 opts_at;
};

struct mp_dreq {
	struct mp_dash	*d;
	struct mp_req	*req;
	struct mp_user	 user;		/* valid when signed_in */
	struct mp_session sess;
	int		 signed_in;
	long long	 arg[2];	/* the "#" numbers of the path */
	time_t		 now;
	const char	*client;	/* REMOTE_ADDR, for the audit log */
};

/* Free what the work list keeps between requests (d->opts). */
void		 mp_dash_list_close(struct mp_dash *);

/* A view with what every page shows (title, user, menu, CSRF). */
struct mp_view	*dash_view(struct mp_dreq *, const char *title);
/* Render a template and send it with status; frees v. */
void		 dash_render(struct mp_dreq *, int status, struct mp_view *,
		    const char *tmpl);
/* An error page (mp_http_error) with status and a Dutch message. */
void		 dash_error(struct mp_dreq *, int status, const char *msg);
/* 303 to mount + path. */
void		 dash_redirect(struct mp_dreq *, const char *path);
/* Audit in its own statement (logged on failure). */
void		 dash_audit(struct mp_dreq *, const char *action,
		    const char *objtype, long long objid, const char *detail);
/* A form or query value, NULL when absent. */
const char	*dash_form(struct mp_dreq *, const char *name);
const char	*dash_query(struct mp_dreq *, const char *name);
/* A whole number in [min, max] from s, or -1. */
long long	 dash_number(const char *s, long long min, long long max);
/* "12-03-2026 14:05" in local time; "" for 0. */
void		 dash_time(char out[32], time_t);
/* "vandaag", "3 dagen", "5 weken", ... since t. */
void		 dash_age(char out[32], time_t t, time_t now);
/* Set the session cookie (value "" deletes it). */
void		 dash_cookie(struct mp_dreq *, const char *value);

#endif
