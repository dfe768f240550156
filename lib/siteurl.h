/*
 * siteurl.h -- the public addresses meldpunt names to reporters: the
 * follow-up page (on the receipt and in every mail) and the privacy
 * statement (in every mail), made from one configured base,
 * site.public_url, and the programs' mounts.  The older keys
 * mail.feedback_url and mail.privacy_url still work: when set they win,
 * so a configuration that named them keeps its addresses.
 */
#ifndef MP_SITEURL_H
#define MP_SITEURL_H

#include <stddef.h>

struct mp_conf;

#define MP_SITEURL_MAX	512	/* the longest address made or accepted */

/*
 * An absolute http(s) address of printable ASCII without blanks,
 * quotes or angle brackets, shorter than MP_SITEURL_MAX bytes: 1,
 * else 0.
 */
int	 mp_siteurl_valid(const char *);
/*
 * 1 when u may be given to reporters of a real installation: https://,
 * or http:// on the loopback (127.0.0.1 or localhost with a port),
 * where only a demo or a test runs.
 */
int	 mp_siteurl_public_ok(const char *);
/*
 * The follow-up page into out: mail.feedback_url when set, else
 * site.public_url + feedback.mount + "/".  Returns 1 when that is a
 * valid address (mp_siteurl_valid); else 0, and out is the bare path,
 * feedback.mount + "/", which is never an address to refuse.
 */
int	 mp_siteurl_feedback(const struct mp_conf *, char out[MP_SITEURL_MAX]);
/*
 * The privacy statement into out: mail.privacy_url as set (the caller
 * checks it), else site.public_url + intake.mount + "/privacy" when
 * the base is valid, else "" (not named).
 */
void	 mp_siteurl_privacy(const struct mp_conf *, char out[MP_SITEURL_MAX]);
/*
 * The dashboard, named in staff mail, into out, ending in "/":
 * mail.dashboard_url as set (the caller checks it), else
 * site.public_url + dashboard.mount + "/" when the base is valid, else
 * "" (not named).
 */
void	 mp_siteurl_dashboard(const struct mp_conf *,
	    char out[MP_SITEURL_MAX]);

#endif
