/*
 * privacy.c -- GET <mount>/privacy: the privacy statement for
 * reporters: what is stored, how long, who sees it, with whom it may
 * be shared, how anonymity works.  Each section is the instance's own
 * text (privacy.<section>.text) or the built-in one in the template.
 */
#include "config.h"

#include <stdio.h>

#include "meldpunt.h"
#include "intake.h"

/*
 * A term of months in plain Dutch: "1 maand", "6 maanden", "1 jaar",
 * "5 jaar" (whole years as years).
 */
static void
term_text(int months, char out[32])
{

	if (months > 0 && months % 12 == 0)
		(void)snprintf(out, 32, "%d jaar", months / 12);
	else
		(void)snprintf(out, 32, "%d %s", months,
		    months == 1 ? "maand" : "maanden");
}

/*
 * The default retention terms (retention.*, lib/retention.c) into v
 * under Terms, so that the statement says how long, as configured.
 */
static void
set_terms(const struct mp_conf *conf, struct mp_view *v)
{
	struct mp_retention_terms	 t;
	char				 buf[32];

	mp_retention_terms(conf, NULL, &t);
	term_text(t.identity, buf);
	mp_tmpl_set(v, "Terms.Identity", buf);
	term_text(t.content, buf);
	mp_tmpl_set(v, "Terms.Content", buf);
	term_text(t.unfounded, buf);
	mp_tmpl_set(v, "Terms.Unfounded", buf);
}

void
mp_intake_privacy(struct mp_intake *in, struct mp_req *req,
    const char *slug)
{
	struct mp_view	*v;
	const char	*text;
	char		 key[64];
	size_t		 i;

	(void)slug;
	if ((v = mp_tmpl_new()) == NULL) {
		(void)mp_http_error(req, 500, NULL);
		return;
	}
	intake_view(in, v, "Privacyverklaring");
	set_terms(in->ctx->conf, v);
	for (i = 0; mp_confkey_privacy_sections[i] != NULL; i++) {
		text = mp_confkey_str_at(in->ctx->conf, MP_CK_PRIVACY_TEXT,
		    mp_confkey_privacy_sections[i]);
		if (text == NULL || *text == '\0')
			continue;
		(void)snprintf(key, sizeof(key), "Privacy.%s",
		    mp_confkey_privacy_sections[i]);
		mp_tmpl_set(v, key, text);
	}
	intake_render(req, 200, v, "intake/privacy.cs");
	mp_tmpl_free(v);
}
