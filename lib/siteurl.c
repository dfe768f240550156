/*
 * siteurl.c -- the public addresses meldpunt names to reporters (see
 * siteurl.h).  The base is configured rather than taken from the
 * request's Host header: a receipt or mail must not name whatever host
 * a client claimed.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "confkey.h"
#include "siteurl.h"

int
mp_siteurl_valid(const char *u)
{
	size_t	 i, skip;

	if (u == NULL)
		return 0;
	if (strncmp(u, "https://", 8) == 0)
		skip = 8;
	else if (strncmp(u, "http://", 7) == 0)
		skip = 7;
	else
		return 0;
	/*
	 * Nothing a page or a mail would have to quote: the address is
	 * also shown as text and written into an href.
	 */
	for (i = 0; u[i] != '\0'; i++)
		if ((unsigned char)u[i] <= 0x20 ||
		    (unsigned char)u[i] >= 0x7f ||
		    strchr("\"'<>\\^`{|}", u[i]) != NULL)
			return 0;
	/* A host must follow the scheme. */
	return i > skip && u[skip] != '/' && i < MP_SITEURL_MAX;
}

int
mp_siteurl_public_ok(const char *u)
{

	if (!mp_siteurl_valid(u))
		return 0;
	return strncmp(u, "https://", 8) == 0 ||
	    strncmp(u, "http://127.0.0.1:", 17) == 0 ||
	    strncmp(u, "http://localhost:", 17) == 0;
}

/*
 * base + path into out, without a doubled "/" where they meet; "" when
 * it does not fit.
 */
static void
join(char out[MP_SITEURL_MAX], const char *base, const char *path,
    const char *tail)
{
	size_t	 n = strlen(base);
	int	 w;

	while (n > 0 && base[n - 1] == '/')
		n--;
	w = snprintf(out, MP_SITEURL_MAX, "%.*s%s%s", (int)n, base, path,
	    tail);
	if (w < 0 || w >= MP_SITEURL_MAX)
		out[0] = '\0';
}

int
mp_siteurl_feedback(const struct mp_conf *c, char out[MP_SITEURL_MAX])
{
	const char	*own, *base, *mount;

	own = mp_confkey_str(c, MP_CK_MAIL_FEEDBACK_URL);
	base = mp_confkey_str(c, MP_CK_SITE_PUBLIC_URL);
	mount = mp_confkey_str(c, MP_CK_FEEDBACK_MOUNT);
	if (own[0] != '\0' && mp_siteurl_valid(own)) {
		(void)snprintf(out, MP_SITEURL_MAX, "%s", own);
		return 1;
	}
	if (own[0] == '\0' && base[0] != '\0' && mp_siteurl_valid(base)) {
		join(out, base, mount, "/");
		if (mp_siteurl_valid(out))
			return 1;
	}
	/*
	 * No address, or one that is not an address: never show it (it
	 * might need quoting); the bare path still finds the page.
	 */
	join(out, "", mount, "/");
	return 0;
}

void
mp_siteurl_privacy(const struct mp_conf *c, char out[MP_SITEURL_MAX])
{
	const char	*own, *base;

	own = mp_confkey_str(c, MP_CK_MAIL_PRIVACY_URL);
	base = mp_confkey_str(c, MP_CK_SITE_PUBLIC_URL);
	out[0] = '\0';
	/* The caller checks what was set (lib/outbox.c refuses it). */
	if (own[0] != '\0')
		(void)snprintf(out, MP_SITEURL_MAX, "%s", own);
	else if (base[0] != '\0' && mp_siteurl_valid(base))
		join(out, base, mp_confkey_str(c, MP_CK_INTAKE_MOUNT),
		    "/privacy");
}

void
mp_siteurl_dashboard(const struct mp_conf *c, char out[MP_SITEURL_MAX])
{
	const char	*own, *base;
	size_t		 n;

	own = mp_confkey_str(c, MP_CK_MAIL_DASHBOARD_URL);
	base = mp_confkey_str(c, MP_CK_SITE_PUBLIC_URL);
	out[0] = '\0';
	if (own[0] != '\0') {
		/* Links to pages are made by appending their paths. */
		n = strlen(own);
		if (snprintf(out, MP_SITEURL_MAX, "%s%s", own,
		    own[n - 1] == '/' ? "" : "/") >= MP_SITEURL_MAX)
			out[0] = '\0';
	} else if (base[0] != '\0' && mp_siteurl_valid(base))
		join(out, base, mp_confkey_str(c, MP_CK_DASHBOARD_MOUNT), "/");
}
