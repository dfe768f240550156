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
