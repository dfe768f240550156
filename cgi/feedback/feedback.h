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

struct mp_ctx;
struct mp_req;
struct mp_feedback;

/* Process state from the context's configuration (feedback.*). */
enum mp_err	 mp_feedback_open(struct mp_feedback **, struct mp_ctx *);
void		 mp_feedback_close(struct mp_feedback *);
/* Answer one request below feedback.mount. */
void		 mp_feedback_serve(struct mp_feedback *, struct mp_req *);

#endif
