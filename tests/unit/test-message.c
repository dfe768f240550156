/*
 * test-message.c -- the automatic texts for the reporter: the built-in
 * ones for received, taken and closed; each switched off or replaced
 * in the configuration; none for statuses without a text or unknown
 * ones.  (Storing messages is tested end to end: test-4x-feedback.)
 */
#include "config.h"

#include "util.h"

static struct mp_conf *
conf(const char *text)
{
	struct mp_conf	*c = NULL;
	char		 err[256];

	assert_int_equal(mp_conf_parse(&c, text, err, sizeof(err)), MP_OK);
	return c;
}

static void
test_defaults(void **state)
{
	struct mp_conf	*c = conf("");
	const char	*t;

	(void)state;
	assert_non_null(t = mp_message_auto_text(c, MP_ST_NEW));
	assert_non_null(strstr(t, "ontvangen"));
	assert_non_null(t = mp_message_auto_text(c, MP_ST_TAKEN));
	assert_non_null(strstr(t, "in behandeling"));
	assert_non_null(t = mp_message_auto_text(c, MP_ST_CLOSED));
	assert_non_null(strstr(t, "afgerond"));
	/*
	 * "in dossier" says only that the work goes on: nothing of a
	 * dossier is the reporter's to know (issue 14).
	 */
	assert_non_null(t = mp_message_auto_text(c, MP_ST_DOSSIER));
	assert_non_null(strstr(t, "verder behandeld"));
	assert_null(strstr(t, "ossier"));
	/* Other internal steps say nothing unless a text is configured. */
	assert_null(mp_message_auto_text(c, MP_ST_PARTNER));
	assert_null(mp_message_auto_text(c, MP_ST_WAITING));
	assert_null(mp_message_auto_text(c, "onbekend"));
	assert_null(mp_message_auto_text(c, NULL));
	mp_conf_free(c);
}

static void
test_configured(void **state)
{
	struct mp_conf	*c;

	(void)state;
	c = conf("feedback.auto.nieuw.enabled = 0\n"
	    "feedback.auto.in_behandeling.text = Wij zijn ermee bezig.\n"
	    "feedback.auto.afgerond.text =\n"
	    "feedback.auto.doorgezet_naar_partner.text = Doorgezet.\n"
	    "feedback.auto.wacht_op_melder.enabled = 1\n"
	    "feedback.auto.in_dossier.enabled = 0\n");
	assert_null(mp_message_auto_text(c, MP_ST_NEW));
	assert_string_equal(mp_message_auto_text(c, MP_ST_TAKEN),
	    "Wij zijn ermee bezig.");
	/* An empty text is off too. */
	assert_null(mp_message_auto_text(c, MP_ST_CLOSED));
	/* A text without "enabled" is on; "enabled" without a text, off. */
	assert_string_equal(mp_message_auto_text(c, MP_ST_PARTNER),
	    "Doorgezet.");
	assert_null(mp_message_auto_text(c, MP_ST_WAITING));
	/* A built-in text switched off. */
	assert_null(mp_message_auto_text(c, MP_ST_DOSSIER));
	mp_conf_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_configured),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
