/*
 * test-partner.c -- partner names, profiles and keys: what a profile
 * may name (never the reporter, notes or attachments), how keys are
 * read, and that a key's hash is bound to its partner and master key.
 */
#include "config.h"

#include "util.h"

static void
test_names(void **state)
{

	(void)state;
	assert_true(mp_partner_valid_name("politie"));
	assert_true(mp_partner_valid_name("politie-oost-2"));
	assert_true(mp_partner_valid_name("0"));
	assert_true(mp_partner_valid_name(
	    "abcdefghijklmnopqrstuvwxyz012345"));		/* 32 */
	assert_false(mp_partner_valid_name(
	    "abcdefghijklmnopqrstuvwxyz0123456"));	/* 33 */
	assert_false(mp_partner_valid_name(""));
	assert_false(mp_partner_valid_name(NULL));
	assert_false(mp_partner_valid_name("Politie"));
	assert_false(mp_partner_valid_name("-politie"));
	assert_false(mp_partner_valid_name("poli tie"));
	assert_false(mp_partner_valid_name("politie;"));
	assert_false(mp_partner_valid_name("caf\xc3\xa9"));
}

static void
test_fields(void **state)
{
	unsigned	 m;
	char		 out[256];

	(void)state;
	assert_int_equal(mp_partner_fields_parse("alle", &m), MP_OK);
	assert_int_equal(m, MP_PF_ALL);
	mp_partner_fields_format(m, out, sizeof(out));
	assert_string_equal(out, "status,signaaltype,kanaal,doelgroep,data,"
	    "waarneming,omschrijving,adres,personen,bedrijven,voertuigen,"
	    "onderwerpen,antwoorden");
	assert_int_equal(mp_partner_fields_parse(out, &m), MP_OK);
	assert_int_equal(m, MP_PF_ALL);

	assert_int_equal(mp_partner_fields_parse("adres,status", &m), MP_OK);
	assert_int_equal(m, (1u << MP_PF_ADDRESS) | (1u << MP_PF_STATUS));
	mp_partner_fields_format(m, out, sizeof(out));
	assert_string_equal(out, "status,adres");
	assert_int_equal(mp_partner_fields_parse("status,status", &m), MP_OK);
	assert_int_equal(m, 1u << MP_PF_STATUS);

	/* What is never exported cannot be named. */
	assert_int_equal(mp_partner_fields_parse("melder", &m), MP_EINVAL);
	assert_int_equal(mp_partner_fields_parse("status,notities", &m),
	    MP_EINVAL);
	assert_int_equal(m, 0);
	assert_int_equal(mp_partner_fields_parse("bijlagen", &m), MP_EINVAL);
	assert_int_equal(mp_partner_fields_parse("", &m), MP_EINVAL);
	assert_int_equal(mp_partner_fields_parse("status,", &m), MP_EINVAL);
	assert_int_equal(mp_partner_fields_parse(",status", &m), MP_EINVAL);
	assert_int_equal(mp_partner_fields_parse("Status", &m), MP_EINVAL);
	assert_int_equal(mp_partner_fields_parse("stat", &m), MP_EINVAL);
	assert_int_equal(mp_partner_fields_parse(NULL, &m), MP_EINVAL);

	/* A short buffer is cut, never overrun. */
	mp_partner_fields_format(MP_PF_ALL, out, 10);
	assert_true(strlen(out) < 10);
}

static void
test_key_parse(void **state)
{
	unsigned char	 s[MP_PARTNER_SECRET];
	long long	 id = 0;
	const char	*good = "mpx1.42.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8";
	size_t		 i;
	static const char *const bad[] = {
		"",
		"mpx1.42.",
		"mpx2.42.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
		"mpx1.042.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
		"mpx1.0.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
		"mpx1.-1.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
		"mpx1.12345678901.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
		"mpx1.42.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh",
		"mpx1.42.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8A",
		"mpx1.42.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh+",
		"mpx1.42.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh*",
		"mpx1..AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
		"mpx1.4a.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
		" mpx1.42.AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8",
	};

	(void)state;
	assert_true(mp_partner_key_parse(good, &id, s));
	assert_int_equal(id, 42);
	for (i = 0; i < sizeof(s); i++)
		assert_int_equal(s[i], i);
	for (i = 0; i < MP_NELEM(bad); i++) {
		print_message("# refusing \"%s\"\n", bad[i]);
		assert_false(mp_partner_key_parse(bad[i], &id, s));
	}
	assert_false(mp_partner_key_parse(NULL, &id, s));
}

static void
test_key_hash(void **state)
{
	struct mp_keys	 k1, k2;
	unsigned char	 m1[MP_KEY_LEN], m2[MP_KEY_LEN];
	unsigned char	 s[MP_PARTNER_SECRET], h1[32], h2[32], h3[32];

	(void)state;
	memset(m1, 1, sizeof(m1));
	memset(m2, 2, sizeof(m2));
	memset(s, 7, sizeof(s));
	assert_int_equal(mp_keys_derive(&k1, m1), MP_OK);
	assert_int_equal(mp_keys_derive(&k2, m2), MP_OK);
	/* The partner key is its own subkey. */
	assert_memory_not_equal(mp_key(&k1, MP_KEY_PARTNER),
	    mp_key(&k1, MP_KEY_CODE), MP_KEY_LEN);
	assert_memory_not_equal(mp_key(&k1, MP_KEY_PARTNER),
	    mp_key(&k1, MP_KEY_SESSION), MP_KEY_LEN);
	assert_int_equal(mp_partner_key_hash(&k1, 5, s, h1), MP_OK);
	assert_int_equal(mp_partner_key_hash(&k1, 5, s, h2), MP_OK);
	assert_memory_equal(h1, h2, 32);
	/* Bound to the partner: the same secret under another id. */
	assert_int_equal(mp_partner_key_hash(&k1, 6, s, h2), MP_OK);
	assert_memory_not_equal(h1, h2, 32);
	/* And to the instance's master key. */
	assert_int_equal(mp_partner_key_hash(&k2, 5, s, h3), MP_OK);
	assert_memory_not_equal(h1, h3, 32);
	mp_keys_wipe(&k1);
	mp_keys_wipe(&k2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_key_parse),
		cmocka_unit_test(test_key_hash),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
