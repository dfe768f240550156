/*
 * test-i18n.c -- the public pages' languages (lib/i18n.c, issue 17):
 * every shipped catalogue has exactly the keys of nl.hdf, none of them
 * empty or left in Dutch where it should not be (a catalogue missing a
 * key fails here, naming it); texts fall back to Dutch; an instance's
 * override wins; the language of a request comes from the parameter,
 * the cookie, Accept-Language, in that order; Arabic is right to left;
 * the shipped pages render in every language with no key unresolved.
 */
#include "config.h"

#include <ctype.h>

#include "util.h"

#define MAX_KEYS	1024

struct cat {
	char	*key[MAX_KEYS];
	char	*val[MAX_KEYS];
	size_t	 n;
};

/* Keys whose text may be empty: the halves around a number. */
static const char *const may_be_empty[] = {
	"summary.many_pre", "summary.many_post", NULL
};

static const char *
tdir(void)
{
	static char	 buf[1024];
	const char	*src = getenv("top_srcdir");

	(void)snprintf(buf, sizeof(buf), "%s/templates",
	    src == NULL ? ".." : src);
	return buf;
}

/*
 * Read a catalogue as the flat keys HDF makes of it: "name {" opens a
 * level, "}" closes it, "name = value" is a text, "#" a comment.  The
 * catalogues use nothing else (no includes, no multi-line values),
 * which this also checks.
 */
static void
cat_read(const char *lang, struct cat *c)
{
	char	 path[1100], line[4096], prefix[512], *p, *e, *eq;
	size_t	 depth = 0, plen[16], lineno = 0, len;
	FILE	*f;

	memset(c, 0, sizeof(*c));
	prefix[0] = '\0';
	(void)snprintf(path, sizeof(path), "%s/i18n/%s.hdf", tdir(), lang);
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("%s: cannot open", path);
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		line[strcspn(line, "\n")] = '\0';
		for (p = line; isspace((unsigned char)*p); p++)
			;
		if (*p == '\0' || *p == '#')
			continue;
		if (strcmp(p, "}") == 0) {
			if (depth == 0)
				fail_msg("%s:%zu: } without {", path, lineno);
			prefix[plen[--depth]] = '\0';
			continue;
		}
		e = p + strlen(p);
		while (e > p && isspace((unsigned char)e[-1]))
			*--e = '\0';
		if (e > p && e[-1] == '{') {
			*--e = '\0';
			while (e > p && isspace((unsigned char)e[-1]))
				*--e = '\0';
			if (depth == 16)
				fail_msg("%s:%zu: too deep", path, lineno);
			plen[depth++] = strlen(prefix);
			(void)snprintf(prefix + strlen(prefix),
			    sizeof(prefix) - strlen(prefix), "%s%s",
			    prefix[0] != '\0' ? "." : "", p);
			continue;
		}
		if ((eq = strchr(p, '=')) == NULL || strstr(p, "<<") != NULL)
			fail_msg("%s:%zu: not \"name = text\"", path, lineno);
		e = eq;
		while (e > p && isspace((unsigned char)e[-1]))
			e--;
		*e = '\0';
		for (eq++; isspace((unsigned char)*eq); eq++)
			;
		if (c->n == MAX_KEYS)
			fail_msg("%s: too many keys", path);
		len = strlen(prefix) + strlen(p) + 2;
		assert_non_null(c->key[c->n] = malloc(len));
		(void)snprintf(c->key[c->n], len, "%s%s%s", prefix,
		    prefix[0] != '\0' ? "." : "", p);
		assert_non_null(c->val[c->n] = strdup(eq));
		c->n++;
	}
	fclose(f);
	if (depth != 0)
		fail_msg("%s: { without }", path);
}

static void
cat_free(struct cat *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++) {
		free(c->key[i]);
		free(c->val[i]);
	}
}

static const char *
cat_get(const struct cat *c, const char *key)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->key[i], key) == 0)
			return c->val[i];
	return NULL;
}

static int
empty_ok(const char *key)
{
	size_t	 i;

	for (i = 0; may_be_empty[i] != NULL; i++)
		if (strcmp(may_be_empty[i], key) == 0)
			return 1;
	return 0;
}

/*
 * Every catalogue has every key of nl.hdf and no other, each once,
 * with a text (but the few that may be empty).  All findings are
 * listed before the test fails, so one run names every gap.
 */
static void
test_same_keys(void **state)
{
	struct cat	 nl, c;
	char		 msg[8192];
	size_t		 i, j, len;
	int		 li;

	(void)state;
	msg[0] = '\0';
	cat_read("nl", &nl);
	assert_true(nl.n > 100);
	for (li = 0; mp_i18n_shipped[li] != NULL; li++) {
		cat_read(mp_i18n_shipped[li], &c);
		for (i = 0; i < nl.n; i++)
			if (cat_get(&c, nl.key[i]) == NULL) {
				len = strlen(msg);
				(void)snprintf(msg + len, sizeof(msg) - len,
				    "%s.hdf lacks %s\n", mp_i18n_shipped[li],
				    nl.key[i]);
			}
		for (i = 0; i < c.n; i++) {
			len = strlen(msg);
			if (cat_get(&nl, c.key[i]) == NULL)
				(void)snprintf(msg + len, sizeof(msg) - len,
				    "%s.hdf has %s, which nl.hdf has not\n",
				    mp_i18n_shipped[li], c.key[i]);
			else if (c.val[i][0] == '\0' && !empty_ok(c.key[i]))
				(void)snprintf(msg + len, sizeof(msg) - len,
				    "%s.hdf: %s is empty\n",
				    mp_i18n_shipped[li], c.key[i]);
			for (j = i + 1; j < c.n; j++)
				if (strcmp(c.key[i], c.key[j]) == 0) {
					len = strlen(msg);
					(void)snprintf(msg + len,
					    sizeof(msg) - len,
					    "%s.hdf has %s twice\n",
					    mp_i18n_shipped[li], c.key[i]);
				}
		}
		cat_free(&c);
	}
	cat_free(&nl);
	if (msg[0] != '\0')
		fail_msg("%s", msg);
}

/*
 * The translations are translations: a language's text equal to the
 * Dutch one is a slip (copied, not translated) unless it is a word
 * both share ("Status", "Conflict", a postcode example).  At most a
 * handful per language, so that a catalogue left Dutch fails.
 */
static void
test_not_dutch(void **state)
{
	struct cat	 nl, c;
	size_t		 i, same;
	int		 li;

	(void)state;
	cat_read("nl", &nl);
	for (li = 1; mp_i18n_shipped[li] != NULL; li++) {
		cat_read(mp_i18n_shipped[li], &c);
		same = 0;
		for (i = 0; i < c.n; i++)
			if (c.val[i][0] != '\0' &&
			    strcmp(c.val[i], cat_get(&nl, c.key[i]) == NULL ?
			    "" : cat_get(&nl, c.key[i])) == 0)
				same++;
		if (same > 8)
			fail_msg("%s.hdf: %zu texts are the Dutch ones",
			    mp_i18n_shipped[li], same);
		cat_free(&c);
	}
	cat_free(&nl);
}

static struct mp_conf *
conf(const char *text)
{
	struct mp_conf	*c;
	char		 err[256];

	assert_int_equal(mp_conf_parse(&c, text, err, sizeof(err)), MP_OK);
	return c;
}

/* What is switched on, overrides, the Dutch fallback, the direction. */
static void
test_init_and_text(void **state)
{
	struct mp_conf	*c;

	(void)state;
	c = conf("i18n {\n languages = en, ar, xx, nl\n"
	    " text {\n  en {\n   form {\n    title = Our own title\n"
	    "   }\n  }\n }\n}\n");
	assert_int_equal(mp_i18n_init(c, tdir()), MP_OK);
	/* Dutch first, whatever the order; an unknown one left out. */
	assert_int_equal(mp_i18n_count(), 3);
	assert_string_equal(mp_i18n_lang(0), "nl");
	assert_string_equal(mp_i18n_lang(1), "en");
	assert_string_equal(mp_i18n_lang(2), "ar");
	assert_null(mp_i18n_lang(3));
	assert_null(mp_i18n_find("pl"));
	assert_string_equal(mp_i18n_find("EN"), "en");
	assert_string_equal(mp_i18n_text("en", "form.title"), "Our own title");
	assert_string_equal(mp_i18n_text("nl", "form.title"),
	    "Meld een vermoeden van ondermijning");
	assert_string_equal(mp_i18n_text("ar", "receipt.title"),
	    "تم استلام بلاغك");
	/* Not switched on, or none: Dutch. */
	assert_string_equal(mp_i18n_text("pl", "receipt.title"),
	    "Uw melding is ontvangen");
	assert_string_equal(mp_i18n_text(NULL, "receipt.title"),
	    "Uw melding is ontvangen");
	/* A key no catalogue has comes back as itself. */
	assert_string_equal(mp_i18n_text("en", "no.such.key"), "no.such.key");
	assert_true(mp_i18n_rtl("ar"));
	assert_false(mp_i18n_rtl("en"));
	assert_false(mp_i18n_rtl(NULL));
	mp_i18n_free();
	assert_int_equal(mp_i18n_count(), 0);
	mp_conf_free(c);

	/* Shipped default: Dutch and English. */
	c = conf("");
	assert_int_equal(mp_i18n_init(c, tdir()), MP_OK);
	assert_int_equal(mp_i18n_count(), 2);
	assert_string_equal(mp_i18n_lang(1), "en");
	mp_i18n_free();
	mp_conf_free(c);

	/* A catalogue that cannot be read stops the start. */
	c = conf("");
	assert_int_equal(mp_i18n_init(c, "/nonexistent"), MP_EINVAL);
	assert_int_equal(mp_i18n_count(), 0);
	mp_conf_free(c);
}

/* The automatic texts per status follow the report's language. */
static void
test_auto_texts(void **state)
{
	struct mp_conf	*c;
	const char	*nl;

	(void)state;
	c = conf("i18n.languages = nl, en, ar\n"
	    "feedback.auto.afgerond.enabled = 0\n");
	assert_int_equal(mp_i18n_init(c, tdir()), MP_OK);
	nl = mp_message_auto_text(c, MP_ST_TAKEN);
	assert_non_null(nl);
	assert_string_equal(mp_message_auto_text_lang(c, MP_ST_TAKEN, "nl"),
	    nl);
	assert_string_equal(mp_message_auto_text_lang(c, MP_ST_TAKEN, "en"),
	    "A member of staff has taken up your report.");
	assert_string_equal(mp_message_auto_text_lang(c, MP_ST_NEW, "ar"),
	    mp_i18n_text("ar", "auto.new"));
	/* Not switched on: Dutch. */
	assert_string_equal(mp_message_auto_text_lang(c, MP_ST_TAKEN, "pl"),
	    nl);
	/* Switched off is off in every language. */
	assert_null(mp_message_auto_text_lang(c, MP_ST_CLOSED, "en"));
	/* A status without a text of its own in the catalogues. */
	assert_true(mp_message_auto_text_lang(c, MP_ST_WAITING, "en") ==
	    mp_message_auto_text(c, MP_ST_WAITING));
	mp_i18n_free();
	mp_conf_free(c);
}

static long
no_write(void *arg, const void *p, size_t len)
{

	(void)arg;
	(void)p;
	return (long)len;
}

/* The language of a request with env (NULL-terminated). */
static const char *
pick(char **env, int *chosen)
{
	struct mp_req	 req;
	const char	*l;

	assert_int_equal(mp_req_parse(&req, env, NULL, NULL, no_write, NULL,
	    NULL), MP_OK);
	l = mp_i18n_pick(&req, chosen);
	mp_req_free(&req);
	return l;
}

static void
test_pick(void **state)
{
	struct mp_conf	*c;
	int		 chosen;
	char		*plain[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/melden/", NULL };
	char		*accept[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/melden/",
	    "HTTP_ACCEPT_LANGUAGE=de-DE,de;q=0.9,tr;q=0.3,pl-PL;q=0.8", NULL };
	char		*accept_off[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/melden/", "HTTP_ACCEPT_LANGUAGE=fr, de", NULL };
	char		*cookie[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/melden/", "HTTP_ACCEPT_LANGUAGE=pl",
	    "HTTP_COOKIE=mp_taal=tr", NULL };
	char		*param[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/melden/?taal=ar", "HTTP_ACCEPT_LANGUAGE=pl",
	    "HTTP_COOKIE=mp_taal=tr", NULL };
	char		*bad[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/melden/?taal=xx", "HTTP_COOKIE=mp_taal=zz", NULL };

	(void)state;
	c = conf("i18n {\n languages = nl, en, pl, tr, ar\n}\n");
	assert_int_equal(mp_i18n_init(c, tdir()), MP_OK);
	assert_string_equal(pick(plain, &chosen), "nl");
	assert_false(chosen);
	/* The highest q that is on; the region does not matter. */
	assert_string_equal(pick(accept, &chosen), "pl");
	assert_false(chosen);
	assert_string_equal(pick(accept_off, &chosen), "nl");
	/* A cookie beats the browser, the link beats both. */
	assert_string_equal(pick(cookie, &chosen), "tr");
	assert_false(chosen);
	assert_string_equal(pick(param, &chosen), "ar");
	assert_true(chosen);
	/* Unknown codes are ignored, never echoed. */
	assert_string_equal(pick(bad, &chosen), "nl");
	assert_false(chosen);
	mp_i18n_free();
	mp_conf_free(c);
}

/*
 * Every shipped public page renders in every shipped language with
 * lang and dir right and no text missing: a missing key would leave an
 * empty element, so every heading, label, legend, button, link and
 * list item must have text, and the page must not be the Dutch one.
 */
static void
test_pages_every_language(void **state)
{
	static const char *const pages[] = {
		"intake/form.cs", "intake/receipt.cs", "intake/duplicate.cs",
		"intake/privacy.cs", "feedback/signin.cs",
		"feedback/thread.cs", "feedback/signedout.cs",
		"common/error.cs", NULL
	};
	static const char *const empty[] = {
		"<h1></h1>", "<h2></h2>", "<h3></h3>", "<legend></legend>",
		"<li></li>", "<dt></dt>", "<p></p>", "\"></label>",
		"\"></a>", "<button type=\"submit\"></button>", "<em></em>",
		"<span class=\"visually-hidden\"></span>", "aria-label=\"\"",
		NULL
	};
	struct mp_conf	*c;
	struct mp_view	*v;
	struct mp_buf	 out;
	const char	*s, *lang;
	char		 want[64];
	size_t		 i, j, k;

	(void)state;
	c = conf("i18n {\n languages = nl, en, pl, tr, ar\n}\n");
	assert_int_equal(mp_tmpl_init(tdir()), MP_OK);
	assert_int_equal(mp_i18n_init(c, tdir()), MP_OK);
	for (k = 0; (lang = mp_i18n_lang(k)) != NULL; k++)
		for (i = 0; pages[i] != NULL; i++) {
			assert_non_null(v = mp_tmpl_new());
			mp_tmpl_set_lang(v, lang);
			mp_tmpl_set(v, "Page.Title", "T");
			mp_tmpl_set(v, "Page.Here", "/melden/");
			mp_tmpl_set(v, "Page.Privacy", "/melden/privacy");
			mp_tmpl_set(v, "Page.Mount", "/melden");
			mp_tmpl_set(v, "Instance.Name", "Gemeente");
			mp_tmpl_set(v, "Audience.Name", "Bewoners");
			mp_tmpl_set(v, "Audience.Intro", "Intro");
			mp_tmpl_set(v, "Types.0.Slug", "drugs");
			mp_tmpl_set(v, "Types.0.Name", "Drugs");
			mp_tmpl_set(v, "Form.Error.description", "x");
			mp_tmpl_set_int(v, "Form.Errors", 2);
			mp_tmpl_set(v, "Form.ErrorList.0.Id", "report-x");
			mp_tmpl_set(v, "Form.ErrorList.0.Label", "L");
			mp_tmpl_set(v, "Form.ErrorList.0.Message", "M");
			mp_tmpl_set(v, "Error.Title", "E");
			mp_tmpl_set(v, "Error.Back", "/melden");
			mp_tmpl_set(v, "Error.BackText", "B");
			mp_tmpl_set(v, "R.Reference", "M-2026-000001");
			mp_tmpl_set(v, "Receipt.Reference", "M-2026-000001");
			mp_tmpl_set(v, "Receipt.Code", "C");
			mp_tmpl_set(v, "Receipt.Feedback", "https://x/m/");
			mp_tmpl_set(v, "Terms.Identity", "6");
			mp_tmpl_set(v, "Terms.Content", "5");
			mp_tmpl_set(v, "Terms.Unfounded", "1");
			mp_buf_init(&out, 1024 * 1024);
			assert_int_equal(mp_tmpl_render(v, pages[i], &out),
			    MP_OK);
			s = mp_buf_str(&out);
			(void)snprintf(want, sizeof(want),
			    "<html lang=\"%s\"%s>", lang,
			    mp_i18n_rtl(lang) ? " dir=\"rtl\"" : "");
			if (strstr(s, want) == NULL)
				fail_msg("%s in %s: no %s", pages[i], lang,
				    want);
			for (j = 0; empty[j] != NULL; j++)
				if (strstr(s, empty[j]) != NULL)
					fail_msg("%s in %s: empty %s",
					    pages[i], lang, empty[j]);
			/* The switch marks this language current. */
			(void)snprintf(want, sizeof(want),
			    "<span aria-current=\"true\" lang=\"%s\">", lang);
			assert_non_null(strstr(s, want));
			if (strcmp(lang, "nl") != 0 &&
			    strstr(s, "Naar de inhoud") != NULL)
				fail_msg("%s in %s: Dutch skip link", pages[i],
				    lang);
			mp_buf_free(&out);
			mp_tmpl_free(v);
		}
	mp_i18n_free();
	mp_conf_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_keys),
		cmocka_unit_test(test_not_dutch),
		cmocka_unit_test(test_init_and_text),
		cmocka_unit_test(test_pick),
		cmocka_unit_test(test_auto_texts),
		cmocka_unit_test(test_pages_every_language),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
