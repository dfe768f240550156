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

/* Pages (feedback.c). */
void		 feedback_home(struct freq *);
void		 feedback_sign_in(struct freq *);
void		 feedback_reply(struct freq *);
void		 feedback_sign_out(struct freq *);

#endif
