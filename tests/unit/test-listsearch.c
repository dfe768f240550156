/*
 * test-listsearch.c -- the work list's newest-first scan (list.c,
 * issue 13) decides a page only when its C test of the words agrees
 * with the FULLTEXT query ("+word*" for every word): folded for case
 * and accents, a prefix at the start of a word only, every word
 * required, punctuation splitting words as boolean_query splits q,
 * and the LIKE patterns of the superset test with "%", "_" and "!"
 * escaped.
 */
#include "config.h"

#include "util.h"
#include "../../cgi/dashboard/dashboard.h"

/* q against one text (description; street and city empty). */
static int
match1(const char *q, const char *text)
{
	struct dash_words w;
	const char	*t[3] = { text, "", NULL };
	size_t		 len[3] = { strlen(text), 0, 0 };
	char		*buf = NULL;
	size_t		 bufsz = 0;
	int		 m;

	assert_int_equal(dash_words_read(q, &w), 1);
	m = dash_words_match(&w, t, len, 3, &buf, &bufsz);
	free(buf);
	return m;
}

static void
test_words(void **state)
{
	struct dash_words w;

	(void)state;
	/* As boolean_query: letters and digits (and UTF-8), folded. */
	assert_int_equal(dash_words_read("Café, de-Vries!", &w), 1);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.fold[0], "cafe");
	assert_string_equal(w.fold[1], "de");
	assert_string_equal(w.fold[2], "vries");
	assert_string_equal(w.like[0], "%Café%");
	/* "%" and "_" separate words, as in the FULLTEXT query. */
	assert_int_equal(dash_words_read("50% korting_actie", &w), 1);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.fold[0], "50");
	assert_string_equal(w.fold[1], "korting");
	assert_string_equal(w.fold[2], "actie");
	/* At most eight words, as the FULLTEXT query has. */
	assert_int_equal(dash_words_read("a b c d e f g h i j", &w), 1);
	assert_int_equal(w.n, DASH_WORDS_MAX);
	/* Nothing to search for: no scan. */
	assert_int_equal(dash_words_read("%%% ___ !!", &w), 0);
	assert_int_equal(dash_words_read("", &w), 0);
	/*
	 * Words that do not fold to ASCII letter for letter leave the
	 * page to the FULLTEXT query: a letter that folds to two, which
	 * LIKE might not match, and letters outside Latin, whose case the
	 * fold keeps.
	 */
	assert_int_equal(dash_words_read("Ærø", &w), 0);
	assert_int_equal(dash_words_read("loods straße", &w), 0);
	assert_int_equal(dash_words_read("\xce\x91\xce\xb2", &w), 0);
	assert_int_equal(dash_words_read("Cafe\xcc\x81", &w), 0);
	assert_int_equal(dash_words_read("Éénmaal", &w), 1);
	assert_string_equal(w.fold[0], "eenmaal");
}

static void
test_like(void **state)
{
	char	 out[64];

	(void)state;
	dash_like_pattern("abc", 3, out, sizeof(out));
	assert_string_equal(out, "%abc%");
	dash_like_pattern("50%", 3, out, sizeof(out));
	assert_string_equal(out, "%50!%%");
	dash_like_pattern("a_b", 3, out, sizeof(out));
	assert_string_equal(out, "%a!_b%");
	dash_like_pattern("wow!", 4, out, sizeof(out));
	assert_string_equal(out, "%wow!!%");
	/* "\" is an ordinary character with ESCAPE '!'. */
	dash_like_pattern("a\\b", 3, out, sizeof(out));
	assert_string_equal(out, "%a\\b%");
	/* Too small: cut short, still a pattern. */
	dash_like_pattern("abcdef", 6, out, 6);
	assert_string_equal(out, "%ab%");
	dash_like_pattern("abc", 3, out, 2);
	assert_string_equal(out, "");
}

static void
test_match(void **state)
{

	(void)state;
	/* Case and accents folded, both ways. */
	assert_int_equal(match1("cafe", "Het CAFÉ op de hoek"), 1);
	assert_int_equal(match1("CAFÉ", "het cafe op de hoek"), 1);
	assert_int_equal(match1("strasse", "Hauptstraße"), 0);
	assert_int_equal(match1("hauptstrasse", "Hauptstraße 1"), 1);
	/* A prefix of a word, at its start only. */
	assert_int_equal(match1("hennep", "hennepkwekerij gevonden"), 1);
	assert_int_equal(match1("kwekerij", "hennepkwekerij gevonden"), 0);
	assert_int_equal(match1("gevonden", "hennepkwekerij gevond"), 0);
	assert_int_equal(match1("oed", "goed"), 0);
	/* Every word required, anywhere, in any order. */
	assert_int_equal(match1("loods nacht", "'s nachts bij de loods"), 1);
	assert_int_equal(match1("loods nacht", "bij de loods"), 0);
	/* Punctuation starts a word, in the text and in q. */
	assert_int_equal(match1("vries", "Jan de-Vries"), 1);
	assert_int_equal(match1("jan-vries", "Jan de Vries"), 1);
	assert_int_equal(match1("de-vries", "de Vries"), 0);
	assert_int_equal(match1("100", "(100)"), 1);
	assert_int_equal(match1("100", "€100 contant"), 1);
	assert_int_equal(match1("souza", "mevrouw D'Souza"), 1);
	assert_int_equal(match1("korting", "50%korting"), 1);
	assert_int_equal(match1("50", "50%korting"), 0);
	assert_int_equal(match1("500%", "500 euro"), 1);
	assert_int_equal(match1("abc_def", "abcd defg"), 1);
	assert_int_equal(match1("abc_def", "abcdef"), 0);
	/* "_" is a letter to InnoDB, not here: rather shown than not. */
	assert_int_equal(match1("bar", "foo_bar"), 1);
	/* Only words InnoDB indexes: 3 to 84 characters, no stopword. */
	assert_int_equal(match1("ik", "ik zag het"), 0);
	assert_int_equal(match1("ik", "ikzelf zag het"), 1);
	assert_int_equal(match1("ik", "ik zag het, ikzelf"), 1);
	assert_int_equal(match1("the", "the house"), 0);
	assert_int_equal(match1("the", "thereafter"), 1);
	assert_int_equal(match1("wil", "ik will"), 0);
	assert_int_equal(match1("wil", "ik wil"), 1);
	assert_int_equal(match1("ab", "ab-cd"), 0);
	assert_int_equal(match1("aa", "aaa"), 1);
	assert_int_equal(match1("é", "é"), 0);
	assert_int_equal(match1("xyz", "\xce\xb1\xce\xb2xyz"), 1);
	assert_int_equal(match1("xyz", "\xce\xb1\xce\xb2 xy"), 0);
	/* Decomposed accents fold as composed ones do. */
	assert_int_equal(match1("cafe", "cafe\xcc\x81"), 1);
	/* Empty and all-punctuation texts hold no word. */
	assert_int_equal(match1("xyz", ""), 0);
	assert_int_equal(match1("xyz", "?!"), 0);
}

/* The three columns each count; a word does not span two. */
static void
test_columns(void **state)
{
	struct dash_words w;
	const char	*t[3] = { "melding over drugs", "Hoofdstraat",
			    "Utrecht" };
	size_t		 len[3];
	char		*buf = NULL;
	size_t		 bufsz = 0, i;

	(void)state;
	for (i = 0; i < 3; i++)
		len[i] = strlen(t[i]);
	assert_int_equal(dash_words_read("drugs hoofd utrecht", &w), 1);
	assert_int_equal(dash_words_match(&w, t, len, 3, &buf, &bufsz), 1);
	assert_int_equal(dash_words_read("drugshoofd", &w), 1);
	assert_int_equal(dash_words_match(&w, t, len, 3, &buf, &bufsz), 0);
	assert_int_equal(dash_words_read("zeist", &w), 1);
	assert_int_equal(dash_words_match(&w, t, len, 3, &buf, &bufsz), 0);
	/* NULL columns are empty. */
	t[1] = NULL;
	assert_int_equal(dash_words_read("hoofdstraat", &w), 1);
	assert_int_equal(dash_words_match(&w, t, len, 3, &buf, &bufsz), 0);
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_like),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_columns),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	dash_sql_close();
	return rc;
}
