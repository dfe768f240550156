/*
 * feedback.h -- meldpunt-feedback, the reporter's side of the
 * conversation at /melding/: sign-in with the reference and the secret
 * code from the receipt (throttled per reference and per client), then
 * the report's status in plain Dutch, the date received, the messages
 * the meldpunt sent, a form to answer with text and files, and
 * sign-out.  The session is short (feedback.session.idle), its cookie
 * HttpOnly and SameSite=Strict, and every POST after sign-in carries
 * the session's CSRF token.  Nothing here learns who the reporter is.
 */
#ifndef MP_FEEDBACK_H
#define MP_FEEDBACK_H

#include <stddef.h>

#include "route.h"

struct mp_ctx;
struct mp_req;
struct mp_feedback;
struct freq;

typedef void	(*feedback_fn)(struct freq *);

/* A line of the route table (main.c). */
struct feedback_route {
	struct mp_route	 r;		/* method and pattern */
	int		 session;	/* needs a session and its token */
	feedback_fn	 fn;
};

/* Process state from the context's configuration (feedback.*). */
enum mp_err	 mp_feedback_open(struct mp_feedback **, struct mp_ctx *);
void		 mp_feedback_close(struct mp_feedback *);
/* Answer one request below feedback.mount through routes[0..n). */
void		 mp_feedback_serve(struct mp_feedback *, struct mp_req *,
		    const struct feedback_route *routes, size_t n);

/* Pages (signin.c, thread.c). */
void		 feedback_home(struct freq *);
void		 feedback_sign_in(struct freq *);
void		 feedback_reply(struct freq *);
void		 feedback_sign_out(struct freq *);
void		 feedback_file(struct freq *);

/* ------------------------------------------------------------------ */
/* What the files of cgi/feedback/ share.                              */

#include <time.h>

#include "ratelimit.h"
#include "session.h"

struct mp_view;

#define FEEDBACK_REF_MAX	24

struct mp_feedback {
	struct mp_ctx	*ctx;
	const char	*mount;		/* "/melding" */
	const char	*instance;
	const char	*static_url;
	long		 idle, absolute;
	long		 max_attempts, attempt_window;
	long		 max_files, max_file_mb;
	int		 reopen;	/* feedback.closed_reply = reopen */
	struct mp_ratelimit replies;
	time_t		 purged;
};

/* One request. */
struct freq {
	struct mp_feedback *f;
	struct mp_req	*req;
	struct mp_session sess;
	int		 signed_in;
	time_t		 now;
	const char	*client;	/* for the throttle's HMAC only */
	long long	 arg;		/* the route's number, if any */
	int		 lang_chosen;	/* by the link, this request */
};

/*
 * A signed-in reporter's pages in the language the report was made in
 * (sql/051) unless one was chosen by the link (thread.c).
 */
void		 feedback_report_lang(struct freq *);
/* A form value, NULL when absent. */
const char	*feedback_form(struct freq *, const char *name);
/*
 * "12-03-2026 14:05" in Amsterdam's time (lib/nltime.h), with the
 * separator of the request's language (date.sep: "12/03/2026").
 */
void		 feedback_time(struct freq *, char out[32], time_t);
/*
 * A date "12-03-2026" in d given the separator of the request's
 * language in place, as feedback_time's; anything else unchanged.
 */
void		 feedback_date_sep(struct freq *, char *d);
/* The session cookie's path (the mount) into path; returns it. */
const char	*feedback_cookie_path(struct freq *, char path[128]);
/* Set the session cookie (value "" deletes it). */
void		 feedback_cookie(struct freq *, const char *value);
/* 303 to mount + path. */
void		 feedback_redirect(struct freq *, const char *path);
/* A view with what every page shows; NULL when out of memory. */
struct mp_view	*feedback_view(struct freq *, const char *title);
/* Render a template and send it with status; frees v. */
void		 feedback_render(struct freq *, int status, struct mp_view *,
		    const char *tmpl);
/*
 * The reply text a POST carried ("tekst"), when it is one the reply
 * form would take (UTF-8, at most MP_MSG_MAX characters, not blank);
 * else NULL.  It is carried through sign-in, never sent by it.
 */
const char	*feedback_kept_reply(struct freq *);
/*
 * The sign-in form with status, the reference typed and a message,
 * carrying feedback_kept_reply in a hidden field.
 */
void		 feedback_signin_page(struct freq *, int status,
		    const char *ref, const char *msg);
/*
 * The report's page for the signed-in reporter with status; text and
 * err (may be NULL) are a reply shown in the form (with a problem),
 * note a line above the page.
 */
void		 feedback_thread_page(struct freq *, int status,
		    const char *text, const char *err, const char *note);
/*
 * 1 when the reporter's session is good; else 0, and an answer was
 * sent when post is set or the cookie was stale.
 */
int		 feedback_session(struct freq *, int post);

#endif
