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
 * A term of months in words of lang: "1 maand", "6 maanden", "1 jaar",
 * "5 jaar" (whole years as years).  The catalogues have a word for one
 * month, for months, for one year and for years; a language with more
 * plural forms uses one that fits every number (Polish "mies.").
 */
static void
term_text(const char *lang, int months, char out[64])
{

	if (months > 0 && months % 12 == 0)
		(void)snprintf(out, 64, "%d %s", months / 12,
		    mp_i18n_text(lang, months == 12 ? "privacy.year" :
		    "privacy.years"));
	else
		(void)snprintf(out, 64, "%d %s", months,
		    mp_i18n_text(lang, months == 1 ? "privacy.month" :
		    "privacy.months"));
}

/*
 * The default retention terms (retention.*, lib/retention.c) into v
 * under Terms, so that the statement says how long, as configured.
 */
static void
set_terms(const struct mp_conf *conf, struct mp_view *v)
{
	struct mp_retention_terms	 t;
	const char			*lang = mp_tmpl_lang(v);
	char				 buf[64];

	mp_retention_terms(conf, NULL, &t);
	term_text(lang, t.identity, buf);
	mp_tmpl_set(v, "Terms.Identity", buf);
	term_text(lang, t.content, buf);
	mp_tmpl_set(v, "Terms.Content", buf);
	term_text(lang, t.unfounded, buf);
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
	intake_view(in, v, mp_i18n_text(in->lang, "privacy.title"));
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
