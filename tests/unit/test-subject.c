/*
 * test-subject.c -- subjects (lib/subject.c): the normal form of each
 * kind from tables of how people write them (every Dutch side code,
 * postcodes, KvK numbers, IBANs with right and wrong check digits,
 * phone numbers national and international, names with accents and
 * legal forms, e-mail addresses), their recognition in free text with
 * its bound, and the SQL against a private MariaDB
 * (tests/lib/mariadb.sh): upsert is idempotent, link and unlink,
 * deleting a report or its last link leaves no orphan subject.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

typedef enum mp_err (*norm_fn)(const char *, size_t, char *, size_t);

/* One row of a table: the text, its normal form (NULL: refused). */
struct row {
	const char	*in;
	const char	*norm;
};

static void
check_table(const char *what, norm_fn fn, const struct row *t, size_t n)
{
	char		 out[MP_SUBJECT_NORM_MAX];
	enum mp_err	 er;
	size_t		 i;

	for (i = 0; i < n; i++) {
		memset(out, 'x', sizeof(out));
		er = fn(t[i].in, strlen(t[i].in), out, sizeof(out));
		if (t[i].norm == NULL) {
			if (er != MP_EINVAL)
				fail_msg("%s \"%s\": %s, want refused (\"%s\")",
				    what, t[i].in, mp_err_str(er), out);
			assert_string_equal(out, "");
		} else {
			if (er != MP_OK || strcmp(out, t[i].norm) != 0)
				fail_msg("%s \"%s\": %s \"%s\", want \"%s\"",
				    what, t[i].in, mp_err_str(er), out,
				    t[i].norm);
			/* A normal form is its own normal form. */
			er = fn(t[i].norm, strlen(t[i].norm), out,
			    sizeof(out));
			if (er != MP_OK || strcmp(out, t[i].norm) != 0)
				fail_msg("%s \"%s\" again: %s \"%s\"", what,
				    t[i].norm, mp_err_str(er), out);
		}
	}
}

static void
test_fold(void **state)
{
	static const struct row	 t[] = {
		{ "Jansen", "jansen" },
		{ "  Van  der   BERG ", "van der berg" },
		{ "Ærø Straße", "aero strasse" },
		{ "José Ñúñez-García", "jose nunez garcia" },
		{ "Gülçin Öztürk", "gulcin ozturk" },
		{ "Łukasz Wałęsa", "lukasz walesa" },
		{ "Ĳsselmeer", "ijsselmeer" },
		{ "'s-Hertogenbosch", "s hertogenbosch" },
		{ "D\xe2\x80\x99Souza", "dsouza" },
		{ "Jose\xcc\x81 Nun\xcc\x83" "ez", "jose nunez" },	/* NFD */
		{ "Jansen & Zn.", "jansen en zn" },
		{ "Müller×Meier", "muller meier" },
		{ "Пётр", "Пётр" },
		{ "...", NULL },
		{ "", NULL },
		{ "\xff", NULL },
		{ "a\xc3", NULL },
		{ "\xc0\xaf", NULL },	/* an overlong "/" */
	};

	(void)state;
	check_table("fold", mp_subject_fold, t, MP_NELEM(t));
}

static enum mp_err
vehicle(const char *in, size_t len, char *out, size_t outsz)
{

	return mp_subject_vehicle(in, len, out, outsz, NULL);
}

static void
test_vehicle(void **state)
{
	/* Each side code, written with dashes, then its number. */
	static const struct {
		const char	*in;
		const char	*norm;
		int		 sidecode;
	} nl[] = {
		{ "AB-12-34", "AB1234", 1 },
		{ "12-34-AB", "1234AB", 2 },
		{ "12-AB-34", "12AB34", 3 },
		{ "BD-12-FG", "BD12FG", 4 },
		{ "BD-FG-12", "BDFG12", 5 },
		{ "12-BD-FG", "12BDFG", 6 },
		{ "12-BDF-3", "12BDF3", 7 },
		{ "1-BDF-23", "1BDF23", 8 },
		{ "BD-123-F", "BD123F", 9 },
		{ "B-123-DF", "B123DF", 10 },
		{ "BDF-12-G", "BDF12G", 11 },
		{ "B-12-DFG", "B12DFG", 12 },
		{ "1-BD-234", "1BD234", 13 },
		{ "123-BD-4", "123BD4", 14 },
		/* The issue's example, however written. */
		{ "12-ABC-3", "12ABC3", 7 },
		{ "12ABC3", "12ABC3", 7 },
		{ "12 abc 3", "12ABC3", 7 },
		{ " 12-abc-3 ", "12ABC3", 7 },
		/* Foreign: as written, upper case, spaces made one. */
		{ "m ab  1234", "M AB 1234", 0 },
		{ "B-1234-XY", "B-1234-XY", 0 },
		{ "ABC123", "ABC123", 0 },	/* LLLDDD: no side code */
		{ "1A2B3C", "1A2B3C", 0 },
		{ "123456", "123456", 0 },
		/* Shapes that are no side code: foreign, not Dutch. */
		{ "123-ABC", "123-ABC", 0 },
		{ "A1-B2-C3", "A1-B2-C3", 0 },
		{ "1A-2B-3C", "1A-2B-3C", 0 },
		{ "1-2345-A", "1-2345-A", 0 },
		{ "12-ABC-34", "12-ABC-34", 0 },	/* 7 characters */
		{ "1-AB-2", "1-AB-2", 0 },		/* 4 */
	};
	static const struct row	 bad[] = {
		{ "ABCDEF", NULL },		/* no digit */
		{ "1", NULL },
		{ "", NULL },
		{ "12-AB<3", NULL },
		{ "12ABC3!", NULL },
		{ "1234567890ABCDEF", NULL },	/* 16 */
		{ "12-ÄBC-3", NULL },
	};
	char	 out[MP_SUBJECT_NORM_MAX];
	size_t	 i;
	int	 sc;

	(void)state;
	for (i = 0; i < MP_NELEM(nl); i++) {
		sc = -1;
		if (mp_subject_vehicle(nl[i].in, strlen(nl[i].in), out,
		    sizeof(out), &sc) != MP_OK ||
		    strcmp(out, nl[i].norm) != 0 || sc != nl[i].sidecode)
			fail_msg("plate \"%s\": \"%s\" side code %d, want"
			    " \"%s\" %d", nl[i].in, out, sc, nl[i].norm,
			    nl[i].sidecode);
	}
	check_table("plate", vehicle, bad, MP_NELEM(bad));
	/*
	 * In free text: each side code as written is found; with a dash
	 * off its group boundaries it is not a plate at all.
	 */
	for (i = 0; i < 14; i++) {
		struct mp_subject_found	 f[2];
		char			 text[64], moved[8];
		size_t			 n, pos;
		int			 cut;

		snprintf(text, sizeof(text), "kenteken %s gezien", nl[i].in);
		assert_int_equal(mp_subject_extract(text, strlen(text), f, 2,
		    &n, &cut), MP_OK);
		if (n != 1 || strcmp(f[0].norm, nl[i].norm) != 0)
			fail_msg("plate in \"%s\": %zu found", text, n);
		/*
		 * A place inside a group: 1 when the first group is longer
		 * than 1, else 2, inside the second (2 or 3 long).
		 */
		pos = strcspn(nl[i].in, "-") > 1 ? 1 : 2;
		memcpy(moved, nl[i].norm, pos);
		moved[pos] = '-';
		memcpy(moved + pos + 1, nl[i].norm + pos, 6 - pos);
		moved[7] = '\0';
		snprintf(text, sizeof(text), "kenteken %s gezien", moved);
		assert_int_equal(mp_subject_extract(text, strlen(text), f, 2,
		    &n, &cut), MP_OK);
		if (n != 0)
			fail_msg("\"%s\" taken for a plate", moved);
	}
	/* Too small a buffer. */
	assert_int_equal(mp_subject_vehicle("12-ABC-3", 8, out, 6, NULL),
	    MP_ETOOBIG);
	assert_string_equal(out, "");
}

static void
test_address(void **state)
{
	static const struct row	 t[] = {
		{ "1234 ab 12-a", "1234AB 12 A" },
		{ "1234AB12", "1234AB 12" },
		{ "1234 AB 12", "1234AB 12" },
		{ "1234AB, 12", "1234AB 12" },
		{ "1234ab 12a-2", "1234AB 12 A 2" },
		{ "1234 AB 12 hs", "1234AB 12 HS" },
		{ "1234AB 12 A 2", "1234AB 12 A 2" },
		{ "1234 AB 12 Amsterdam", "1234AB 12" },
		{ "Hoofdstraat 12 hs", "hoofdstraat 12 HS" },
		{ "1234 AB 12-hs", "1234AB 12 HS" },
		{ "9999 ZZ 99999", "9999ZZ 99999" },
		{ "Hoofdstraat 12, 1234 AB Amsterdam", "1234AB 12" },
		{ "Hoofdstraat 12 A, 1234 AB", "1234AB 12 A" },
		{ "Hoofdstr. 12 Amsterdam", "hoofdstraat 12, amsterdam" },
		{ "HOOFDSTRAAT 12A, AMSTERDAM", "hoofdstraat 12 A, amsterdam" },
		{ "Dorpsstr 3", "dorpsstraat 3" },
		{ "Kerk Str. 3", "kerk straat 3" },
		{ "Oude Wg 4, Ede", "oude weg 4, ede" },
		{ "Emma pln. 1", "emma plein 1" },
		{ "Beuk ln 7 Zeist", "beuk laan 7, zeist" },
		{ "Wgstraat 5", "wgstraat 5" },	/* whole words only */
		{ "Rue d'Élysée 3 Zürich", "rue delysee 3, zurich" },
		{ "1e Jan Steenstraat 5", "1e jan steenstraat 5" },
		{ "Hoofdweg 1234 hs", "hoofdweg 1234 HS" },
		{ "Hoofdstraat 12 hs, Amsterdam",
		    "hoofdstraat 12 HS, amsterdam" },
		{ "1234 AB 12 hs 2, Amsterdam", "1234AB 12 HS 2" },
		{ "Hoofdstraat 12 Amsterdam, NL", "hoofdstraat 12, amsterdam nl" },
		{ "Hoofdstraat 12, 2e etage, Amsterdam",
		    "hoofdstraat 12, etage amsterdam" },
		/* Not valid. */
		{ "0123 AB 12", NULL },		/* no postcode starts 0 */
		{ "1234 SA 5", NULL },		/* SA, SD, SS: never issued */
		{ "1234 SS 5", NULL },
		{ "1234 AB", NULL },		/* no number */
		{ "1234 AB 0", NULL },
		{ "1234 AB 123456", NULL },
		{ "Hoofdstraat", NULL },
		{ "12", NULL },
		{ "", NULL },
	};
	char	 out[MP_SUBJECT_NORM_MAX], big[300];

	(void)state;
	check_table("address", mp_subject_address, t, MP_NELEM(t));
	/* The report's fields. */
	assert_int_equal(mp_subject_address_fields("Hoofdstraat", "12-a",
	    "1234 ab", "Amsterdam", out, sizeof(out)), MP_OK);
	assert_string_equal(out, "1234AB 12 A");
	assert_int_equal(mp_subject_address_fields("Hoofdstraat", " 12 hs ",
	    "1234AB", "", out, sizeof(out)), MP_OK);
	assert_string_equal(out, "1234AB 12 HS");
	assert_int_equal(mp_subject_address_fields("Hoofdstr.", "12", "",
	    "Amsterdam", out, sizeof(out)), MP_OK);
	assert_string_equal(out, "hoofdstraat 12, amsterdam");
	assert_int_equal(mp_subject_address_fields("Hoofdstraat", "12",
	    "1234 SA", NULL, out, sizeof(out)), MP_OK);
	assert_string_equal(out, "hoofdstraat 12");
	assert_int_equal(mp_subject_address_fields("Hoofdstraat", "",
	    "1234AB", "X", out, sizeof(out)), MP_EINVAL);
	assert_int_equal(mp_subject_address_fields("Hoofdstraat",
	    "naast de kerk", "1234AB", "X", out, sizeof(out)), MP_EINVAL);
	assert_int_equal(mp_subject_address_fields(NULL, "12", "", "X",
	    out, sizeof(out)), MP_EINVAL);
	assert_string_equal(out, "");
	/* A street longer than a normal form: too big, not a mangled one. */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(mp_subject_address_fields(big, "12", "", "X",
	    out, sizeof(out)), MP_ETOOBIG);
	assert_string_equal(out, "");
	assert_int_equal(mp_subject_address_fields("Kort", "12", "", big,
	    out, sizeof(out)), MP_ETOOBIG);
	assert_int_equal(mp_subject_address_fields("Kort", "12", "", "X",
	    out, 8), MP_ETOOBIG);
	assert_string_equal(out, "");
}

static void
test_company(void **state)
{
	static const struct row	 t[] = {
		{ "Bakkerij Jansen B.V.", "bakkerij jansen" },
		{ "BAKKERIJ JANSEN BV", "bakkerij jansen" },
		{ "Bakkerij Jansen b.v", "bakkerij jansen" },
		{ "Jansen & Zn. V.O.F.", "jansen en zn" },
		{ "Jansen en Zn vof", "jansen en zn" },
		{ "Holding Jansen Beheer B.V.", "jansen beheer" },
		{ "Café Óscar N.V.", "cafe oscar" },
		{ "J.P. Bakker C.V.", "jp bakker" },
		{ "Nieuw B.V. i.o.", "nieuw" },
		{ "Müller GmbH", "muller" },
		{ "Stichting Groen", "stichting groen" },
		{ "Z. Holding N.", "zn" },	/* letters that meet later */
		{ "B. Holding V.", NULL },
		{ "Holding B.V.", NULL },
		{ "", NULL },
	};

	(void)state;
	check_table("company", mp_subject_company, t, MP_NELEM(t));
}

static void
test_kvk(void **state)
{
	static const struct row	 t[] = {
		{ "12345678", "12345678" },
		{ "01234567", "01234567" },
		{ " 1234 5678 ", "12345678" },
		{ "12.34.56.78", "12345678" },
		{ "000012345678", "000012345678" },	/* establishment */
		{ "1234567", NULL },
		{ "123456789", NULL },
		{ "12345678901", NULL },
		{ "1234567a", NULL },
		{ "1234-5678", NULL },
		{ "", NULL },
	};

	(void)state;
	check_table("kvk", mp_subject_kvk, t, MP_NELEM(t));
}

static void
test_iban(void **state)
{
	static const struct row	 t[] = {
		{ "NL91ABNA0417164300", "NL91ABNA0417164300" },
		{ "nl91 abna 0417 1643 00", "NL91ABNA0417164300" },
		{ "NL20INGB0001234567", "NL20INGB0001234567" },
		{ "NL39 RABO 0300 0652 64", "NL39RABO0300065264" },
		{ "BE68539007547034", "BE68539007547034" },
		{ "DE89 3704 0044 0532 0130 00", "DE89370400440532013000" },
		{ "GB82WEST12345698765432", "GB82WEST12345698765432" },
		{ "FR1420041010050500013M02606",
		    "FR1420041010050500013M02606" },
		/* A wrong check digit, or a changed digit. */
		{ "NL91ABNA0417164301", NULL },
		{ "NL92ABNA0417164300", NULL },
		{ "DE89370400440532013001", NULL },
		{ "BE68539007547035", NULL },
		/* A wrong length, shape or country. */
		{ "NL91ABNA041716430", NULL },
		{ "NL91ABNA04171643000", NULL },
		{ "NL91AB1A0417164300", NULL },
		{ "XX91ABNA0417164300", NULL },
		{ "NL91-ABNA-0417-1643-00", NULL },
		{ "", NULL },
	};

	(void)state;
	check_table("iban", mp_subject_iban, t, MP_NELEM(t));
}

static void
test_phone(void **state)
{
	static const struct row	 t[] = {
		{ "06-12345678", "+31612345678" },
		{ "0612345678", "+31612345678" },
		{ "06 12 34 56 78", "+31612345678" },
		{ "+31 6 1234 5678", "+31612345678" },
		{ "+31612345678", "+31612345678" },
		{ "0031612345678", "+31612345678" },
		{ "0031 (0)6 12345678", "+31612345678" },
		{ "+31 (0)6 1234 5678", "+31612345678" },
		{ "+31 06 1234 5678", "+31612345678" },
		{ "020-1234567", "+31201234567" },
		{ "(020) 123 45 67", "+31201234567" },
		{ "020/1234567", "+31201234567" },
		{ "+31 20 123 4567", "+31201234567" },
		{ "0800-1234", "+318001234" },
		{ "0900-1234567", "+319001234567" },
		{ "+32 2 123 45 67", "+3221234567" },
		{ "0032 2 123 45 67", "+3221234567" },
		{ "+44 20 7946 0958", "+442079460958" },
		{ "+49 (0)30 1234567", "+49301234567" },
		/* Too short, too long, not a number. */
		{ "061234567", NULL },
		{ "06123456789", NULL },
		{ "12345678", NULL },
		{ "0012345", NULL },
		{ "+31 6 1234", NULL },
		{ "+31 6 1234 56789", NULL },
		{ "+1234567", NULL },
		{ "+1234567890123456", NULL },
		{ "+0612345678", NULL },
		{ "06-1234abcd", NULL },
		{ "0800-123", NULL },
		{ "112", NULL },
		{ "", NULL },
	};

	(void)state;
	check_table("phone", mp_subject_phone, t, MP_NELEM(t));
}

static void
test_email(void **state)
{
	static const struct row	 t[] = {
		{ " Jan.Jansen@Example.NL ", "Jan.Jansen@example.nl" },
		{ "jan+meld@sub.example.com", "jan+meld@sub.example.com" },
		{ "o'brien@x.nl", "o'brien@x.nl" },
		{ "a_b-c%d@x-y.nl", "a_b-c%d@x-y.nl" },
		{ "jan@", NULL },
		{ "@x.nl", NULL },
		{ "jan@x", NULL },
		{ "jan@x.n1", NULL },
		{ "jan@x.n", NULL },
		{ "jan..j@x.nl", NULL },
		{ ".jan@x.nl", NULL },
		{ "jan.@x.nl", NULL },
		{ "jan@-x.nl", NULL },
		{ "jan@x-.nl", NULL },
		{ "jan@x..nl", NULL },
		{ "jan@x.nl@y.nl", NULL },
		{ "a b@x.nl", NULL },
		{ "<script>@x.nl", NULL },
		{ "jan\"@x.nl", NULL },
		{ "", NULL },
	};

	(void)state;
	check_table("email", mp_subject_email, t, MP_NELEM(t));
}

static void
test_person(void **state)
{
	char	 out[MP_SUBJECT_NORM_MAX];
	const char *n = "  José  Ñúñez ";

	(void)state;
	assert_int_equal(mp_subject_person(n, strlen(n), NULL, out,
	    sizeof(out)), MP_OK);
	assert_string_equal(out, "jose nunez");
	assert_int_equal(mp_subject_person("Jan de Vries", 12, "1980-02-29",
	    out, sizeof(out)), MP_OK);
	assert_string_equal(out, "jan de vries|1980-02-29");
	assert_int_equal(mp_subject_person("Jan de Vries", 12, "", out,
	    sizeof(out)), MP_OK);
	assert_string_equal(out, "jan de vries");
	assert_int_equal(mp_subject_person("IJsbrand van 't Hoff", 20, NULL,
	    out, sizeof(out)), MP_OK);
	assert_string_equal(out, "ijsbrand van t hoff");
	/* Not a real date, not a name. */
	assert_int_equal(mp_subject_person("Jan", 3, "1981-02-29", out,
	    sizeof(out)), MP_EINVAL);
	assert_string_equal(out, "");
	assert_int_equal(mp_subject_person("Jan", 3, "1980-13-01", out,
	    sizeof(out)), MP_EINVAL);
	assert_int_equal(mp_subject_person("Jan", 3, "80-01-01", out,
	    sizeof(out)), MP_EINVAL);
	assert_int_equal(mp_subject_person("-", 1, NULL, out, sizeof(out)),
	    MP_EINVAL);
}

static void
test_norm(void **state)
{
	char	 out[MP_SUBJECT_NORM_MAX];

	(void)state;
	assert_int_equal(mp_subject_norm(MP_SUBJECT_VEHICLE, "12 ABC 3", 8,
	    out, sizeof(out)), MP_OK);
	assert_string_equal(out, "12ABC3");
	assert_int_equal(mp_subject_norm(MP_SUBJECT_ADDRESS, "1234AB12", 8,
	    out, sizeof(out)), MP_OK);
	assert_string_equal(out, "1234AB 12");
	assert_int_equal(mp_subject_norm(MP_SUBJECT_IBAN,
	    "NL91 ABNA 0417 1643 00", 22, out, sizeof(out)), MP_OK);
	assert_string_equal(out, "NL91ABNA0417164300");
	assert_int_equal(mp_subject_norm((enum mp_subject_kind)0, "x", 1,
	    out, sizeof(out)), MP_EINVAL);
	assert_int_equal(mp_subject_norm(MP_SUBJECT__MAX, "x", 1, out,
	    sizeof(out)), MP_EINVAL);
	assert_string_equal(mp_subject_kind_name(MP_SUBJECT_VEHICLE),
	    "kenteken");
	assert_null(mp_subject_kind_name(MP_SUBJECT__MAX));
}

/* found[i] as "kind norm display". */
static void
check_found(const char *text, const struct mp_subject_found *f,
    enum mp_subject_kind kind, const char *norm, const char *display)
{

	assert_int_equal(f->kind, kind);
	assert_string_equal(f->norm, norm);
	assert_int_equal(f->len, strlen(display));
	assert_memory_equal(text + f->off, display, f->len);
}

static void
test_extract(void **state)
{
	static const char	 text[] =
	    "Auto 12-ABC-3 en later (12abc3) gezien bij 1234 AB 12-a.\n"
	    "Bel 06-12345678 of mail info@Example.NL. KvK: 12345678,"
	    " rekening NL91 ABNA 0417 1643 00. Ook 87654321 zonder"
	    " nummer, 1234AB zonder huisnummer, kenteken 12 BDF 3 en"
	    " +31 20 123 4567; vestigingsnummer 000012345678.";
	struct mp_subject_found	 f[20];
	size_t			 n = 99;
	int			 cut = -1;

	(void)state;
	assert_int_equal(mp_subject_extract(text, strlen(text), f,
	    MP_NELEM(f), &n, &cut), MP_OK);
	assert_int_equal(cut, 0);
	assert_int_equal(n, 9);
	check_found(text, &f[0], MP_SUBJECT_VEHICLE, "12ABC3", "12-ABC-3");
	check_found(text, &f[1], MP_SUBJECT_ADDRESS, "1234AB 12 A",
	    "1234 AB 12-a");
	check_found(text, &f[2], MP_SUBJECT_PHONE, "+31612345678",
	    "06-12345678");
	check_found(text, &f[3], MP_SUBJECT_EMAIL, "info@example.nl",
	    "info@Example.NL");
	check_found(text, &f[4], MP_SUBJECT_KVK, "12345678", "12345678");
	check_found(text, &f[5], MP_SUBJECT_IBAN, "NL91ABNA0417164300",
	    "NL91 ABNA 0417 1643 00");
	check_found(text, &f[6], MP_SUBJECT_VEHICLE, "12BDF3", "12 BDF 3");
	check_found(text, &f[7], MP_SUBJECT_PHONE, "+31201234567",
	    "+31 20 123 4567");
	check_found(text, &f[8], MP_SUBJECT_KVK, "000012345678",
	    "000012345678");

	/* Nothing in nothing. */
	assert_int_equal(mp_subject_extract("", 0, f, MP_NELEM(f), &n,
	    &cut), MP_OK);
	assert_int_equal(n, 0);
	assert_int_equal(mp_subject_extract("x", 1, NULL, 1, &n, &cut),
	    MP_EINVAL);
	/* max 0: only whether there is anything. */
	assert_int_equal(mp_subject_extract(text, strlen(text), NULL, 0, &n,
	    &cut), MP_OK);
	assert_int_equal(n, 0);
	assert_int_equal(cut, 1);
}

static void
test_extract_near_misses(void **state)
{
	/* Look-alikes that are not subjects. */
	static const char *const none[] = {
		"Op 12-03-2024 om 10:30 uur, 87654321 euro",
		"kvk is onbekend en twee drie vier 12345678",
		"NL91 ABNA 0417 1643 01",	/* wrong check digit */
		"bel 061234567 of 0612345 67890",
		"1234AB en 1234 AB zonder nummer",
		"ABC123 en 12-AB-C3 en 1-2ABC-3 en 12ABC34",
		"jan@x en @x.nl en jan@@x.nl",
		"in 12 de buurt, en 1234 gezien, om 12 uur, AB 12 34 5",
		"12 ABC en 12 abc 3",
	};
	struct mp_subject_found	 f[10];
	size_t			 i, n;
	int			 cut;

	(void)state;
	for (i = 0; i < MP_NELEM(none); i++) {
		assert_int_equal(mp_subject_extract(none[i], strlen(none[i]),
		    f, MP_NELEM(f), &n, &cut), MP_OK);
		if (n != 0)
			fail_msg("\"%s\": found \"%s\"", none[i], f[0].norm);
	}
}

static void
test_extract_hostile(void **state)
{
	static const char	 text[] =
	    "\"><script>alert(1)</script> 12-ABC-3 <img src=x"
	    " onerror=alert('06-12345678')> evil@x.nl"
	    " <b> 1234AB 12</b> javascript:alert(document.cookie)"
	    " \"><svg/onload=alert(1)>@x.nl";
	struct mp_subject_found	 f[10];
	size_t			 i, n;
	int			 cut;

	(void)state;
	assert_int_equal(mp_subject_extract(text, strlen(text), f,
	    MP_NELEM(f), &n, &cut), MP_OK);
	assert_int_equal(n, 3);
	check_found(text, &f[0], MP_SUBJECT_VEHICLE, "12ABC3", "12-ABC-3");
	check_found(text, &f[1], MP_SUBJECT_EMAIL, "evil@x.nl", "evil@x.nl");
	check_found(text, &f[2], MP_SUBJECT_ADDRESS, "1234AB 12",
	    "1234AB 12");
	for (i = 0; i < n; i++)
		assert_null(strpbrk(f[i].norm, "<>\"&"));
}

/*
 * 10,000 different plates in one field: 50 found and the cut-off set;
 * the same plate 10,000 times: one.  Linear, however long the field
 * (no timing assertion: the machine is shared).
 */
static void
test_extract_bound(void **state)
{
	static const char	 letters[] = "BDFGHJKLNPRSTVXZ";
	struct mp_subject_found	 f[50];
	char			*text, *p;
	size_t			 i, n;
	int			 cut;

	(void)state;
	text = malloc(10000 * 10 + 1);
	assert_non_null(text);
	for (i = 0, p = text; i < 10000; i++, p += 9)
		snprintf(p, 10, "%02zu-%c%c%c-0 ", i / 4096,
		    letters[(i >> 8) & 15], letters[(i >> 4) & 15],
		    letters[i & 15]);
	assert_int_equal(mp_subject_extract(text, strlen(text), f, 50, &n,
	    &cut), MP_OK);
	assert_int_equal(n, 50);
	assert_int_equal(cut, 1);
	for (i = 0; i < n; i++) {
		assert_int_equal(f[i].kind, MP_SUBJECT_VEHICLE);
		assert_int_equal(f[i].off, i * 9);
	}
	assert_string_equal(f[49].norm, "00BGD0");
	for (i = 0, p = text; i < 10000; i++, p += 9)
		memcpy(p, "12-ABC-3 ", 9);
	assert_int_equal(mp_subject_extract(text, strlen(text), f, 50, &n,
	    &cut), MP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(cut, 0);
	free(text);
}

/* The SQL, against a private server. */
static struct testenv	 E;
static long long	 report[3];

static const char sql_report[] =
    "INSERT INTO report (channel, audience_id, signal_type_id,"
    " description, observed_date, involved_people, involved_companies,"
    " involved_vehicles, anonymous, received_at)"
    " SELECT 'web', MIN(a.id), MIN(t.id), 'x', '2026-01-01', '', '', '',"
    " 0, UTC_TIMESTAMP() - INTERVAL ? DAY FROM audience a, signal_type t";
static const char sql_user[] =
    "INSERT INTO app_user (username, display_name, role)"
    " VALUES ('behandelaar', 'B', 'handler')";
static const char sql_subjects[] =
    "SELECT COUNT(*) FROM subject WHERE norm LIKE ?";
static const char sql_subject_id[] =
    "SELECT COUNT(*) FROM subject WHERE id = ?";
static const char sql_links[] =
    "SELECT COUNT(*) FROM report_subject WHERE report_id = ?";
static const char sql_display[] =
    "SELECT display = ? FROM subject WHERE id = ?";
static const char sql_delete[] = "DELETE FROM report WHERE id = ?";

static int
group_setup(void **state)
{
	unsigned long long	 id;
	struct mp_dbval		 v[1];
	size_t			 i;

	(void)state;
	if (testenv_setup(&E, "test-subject", 28) != 0 ||
	    mp_seed_catalog(E.db) != MP_OK)
		return -1;
	/* Report 0 the oldest, 2 the newest. */
	for (i = 0; i < MP_NELEM(report); i++) {
		v[0] = MP_DBINT((long long)(10 - i));
		if (mp_db_exec(E.db, sql_report, v, 1, NULL, &id) != MP_OK)
			return -1;
		report[i] = (long long)id;
	}
	return 0;
}

static int
group_teardown(void **state)
{

	(void)state;
	testenv_teardown(&E);
	return 0;
}

static long long
count(const char *sql, struct mp_dbval v)
{

	return testdb_int(E.db, sql, &v, 1);
}

static void
test_upsert(void **state)
{
	struct mp_dbval	 v[2];
	long long	 a = 0, b = 0, c = 0, d = 0, e = 0;

	(void)state;
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_VEHICLE,
	    "99XXX9", "99-xxx-9", &a), MP_OK);
	assert_true(a > 0);
	/* Again, written otherwise: the same row, the first display. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_VEHICLE,
	    "99XXX9", "99xxx9", &b), MP_OK);
	assert_int_equal(b, a);
	assert_int_equal(count(sql_subjects, MP_DBTEXT("99XXX9")), 1);
	v[0] = MP_DBTEXT("99-xxx-9");
	v[1] = MP_DBINT(a);
	assert_int_equal(testdb_int(E.db, sql_display, v, 2), 1);
	/* The same text of another kind is another subject. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_COMPANY,
	    "99XXX9", NULL, &c), MP_OK);
	assert_true(c != a);
	v[0] = MP_DBTEXT("99XXX9");
	v[1] = MP_DBINT(c);
	assert_int_equal(testdb_int(E.db, sql_display, v, 2), 1);
	/* Normal forms compare byte for byte: a local part keeps case. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_EMAIL,
	    "Jan@x.nl", NULL, &d), MP_OK);
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_EMAIL,
	    "jan@x.nl", NULL, &e), MP_OK);
	assert_true(d != e);
	/* Refused. */
	assert_int_equal(mp_subject_upsert(E.db, (enum mp_subject_kind)0,
	    "x", NULL, &e), MP_EINVAL);
	assert_int_equal(e, 0);
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT__MAX, "x", NULL,
	    &e), MP_EINVAL);
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_EMAIL, "", NULL,
	    &e), MP_EINVAL);
	/* Leave no subject without a link for the tests below. */
	assert_int_equal(mp_subject_link(E.db, report[0], a,
	    MP_SUBJECT_HANDLER, 1, 0), MP_OK);
	assert_int_equal(mp_subject_unlink(E.db, report[0], a), MP_OK);
	assert_int_equal(count(sql_subject_id, MP_DBINT(a)), 0);
	assert_int_equal(mp_subject_link(E.db, report[0], c,
	    MP_SUBJECT_HANDLER, 1, 0), MP_OK);
	assert_int_equal(mp_subject_unlink(E.db, report[0], c), MP_OK);
	assert_int_equal(count(sql_subject_id, MP_DBINT(c)), 0);
}

struct listed {
	int			 n;
	struct mp_subject_link	 last;
	char			 norm[MP_SUBJECT_NORM_MAX];
	char			 display[MP_SUBJECT_NORM_MAX * 4];
};

static void
list_cb(const struct mp_subject_link *l, void *arg)
{
	struct listed	*x = arg;

	x->n++;
	x->last = *l;
	snprintf(x->norm, sizeof(x->norm), "%s", l->norm);
	snprintf(x->display, sizeof(x->display), "%s", l->display);
	x->last.norm = x->norm;
	x->last.display = x->display;
}

struct shared {
	int		 n;
	long long	 report[8];
	long long	 subject[8];
};

static void
reports_cb(long long r, long long s, void *arg)
{
	struct shared	*x = arg;

	if (x->n < 8) {
		x->report[x->n] = r;
		x->subject[x->n] = s;
	}
	x->n++;
}

static void
test_link(void **state)
{
	struct listed	 l;
	struct shared	 sh;
	long long	 s, user;
	unsigned long long id = 0;

	(void)state;
	assert_int_equal(mp_db_exec(E.db, sql_user, NULL, 0, NULL, &id),
	    MP_OK);
	user = (long long)id;
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_VEHICLE,
	    "12ABC3", "12-ABC-3", &s), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[0], s,
	    MP_SUBJECT_EXTRACTED, 0, 0), MP_OK);
	memset(&l, 0, sizeof(l));
	assert_int_equal(mp_subject_list_for_report(E.db, report[0],
	    list_cb, &l), MP_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.last.subject, s);
	assert_int_equal(l.last.kind, MP_SUBJECT_VEHICLE);
	assert_string_equal(l.last.norm, "12ABC3");
	assert_string_equal(l.last.display, "12-ABC-3");
	assert_int_equal(l.last.source, MP_SUBJECT_EXTRACTED);
	assert_int_equal(l.last.confirmed, 0);
	assert_int_equal(l.last.user, 0);
	assert_true(l.last.created > 1700000000);
	/* Linking again by the system keeps it a proposal. */
	assert_int_equal(mp_subject_link(E.db, report[0], s,
	    MP_SUBJECT_STRUCTURED, 0, 0), MP_OK);
	memset(&l, 0, sizeof(l));
	assert_int_equal(mp_subject_list_for_report(E.db, report[0],
	    list_cb, &l), MP_OK);
	assert_int_equal(l.last.source, MP_SUBJECT_EXTRACTED);
	assert_int_equal(l.last.confirmed, 0);
	/*
	 * A handler's link confirms it and makes it the handler's (a
	 * re-index keeps it); linking again never clears either.
	 */
	assert_int_equal(mp_subject_link(E.db, report[0], s,
	    MP_SUBJECT_HANDLER, 1, user), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[0], s,
	    MP_SUBJECT_EXTRACTED, 0, 0), MP_OK);
	memset(&l, 0, sizeof(l));
	assert_int_equal(mp_subject_list_for_report(E.db, report[0],
	    list_cb, &l), MP_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.last.confirmed, 1);
	assert_int_equal(l.last.source, MP_SUBJECT_HANDLER);
	assert_int_equal(l.last.user, user);
	/* Two more reports with it: both, newest first. */
	assert_int_equal(mp_subject_link(E.db, report[1], s,
	    MP_SUBJECT_HANDLER, 1, user), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[2], s,
	    MP_SUBJECT_STRUCTURED, 0, 0), MP_OK);
	memset(&l, 0, sizeof(l));
	assert_int_equal(mp_subject_list_for_report(E.db, report[1],
	    list_cb, &l), MP_OK);
	assert_int_equal(l.last.user, user);
	memset(&sh, 0, sizeof(sh));
	assert_int_equal(mp_subject_reports(E.db, report[0], 10, reports_cb,
	    &sh), MP_OK);
	assert_int_equal(sh.n, 2);
	assert_int_equal(sh.report[0], report[2]);
	assert_int_equal(sh.report[1], report[1]);
	assert_int_equal(sh.subject[0], s);
	memset(&sh, 0, sizeof(sh));
	assert_int_equal(mp_subject_reports(E.db, report[0], 1, reports_cb,
	    &sh), MP_OK);
	assert_int_equal(sh.n, 1);
	assert_int_equal(mp_subject_reports(E.db, report[0], 0, reports_cb,
	    &sh), MP_EINVAL);
	/* Unlink: once; the subject stays while a report has it. */
	assert_int_equal(mp_subject_unlink(E.db, report[0], s), MP_OK);
	assert_int_equal(mp_subject_unlink(E.db, report[0], s),
	    MP_ENOTFOUND);
	assert_int_equal(count(sql_links, MP_DBINT(report[0])), 0);
	assert_int_equal(count(sql_subject_id, MP_DBINT(s)), 1);
	assert_int_equal(mp_subject_unlink(E.db, report[1], s), MP_OK);
	assert_int_equal(count(sql_subject_id, MP_DBINT(s)), 1);
	/* The last link goes: so does the subject. */
	assert_int_equal(mp_subject_unlink(E.db, report[2], s), MP_OK);
	assert_int_equal(count(sql_subject_id, MP_DBINT(s)), 0);
	/* Refused: a bad source, a report or subject that is not there. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_PHONE,
	    "+31612345678", NULL, &s), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[0], s,
	    (enum mp_subject_source)0, 0, 0), MP_EINVAL);
	assert_int_equal(mp_subject_link(E.db, report[0], s,
	    MP_SUBJECT_SOURCE__MAX, 0, 0), MP_EINVAL);
	assert_int_not_equal(mp_subject_link(E.db, report[2] + 1000, s,
	    MP_SUBJECT_HANDLER, 0, 0), MP_OK);
	assert_int_not_equal(mp_subject_link(E.db, report[0], s + 1000,
	    MP_SUBJECT_HANDLER, 0, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[0], s,
	    MP_SUBJECT_HANDLER, 0, 0), MP_OK);
	assert_int_equal(mp_subject_unlink(E.db, report[0], s), MP_OK);
	assert_int_equal(count(sql_subjects, MP_DBTEXT("%")), 2);
}

/*
 * A search box's text as subjects: the issue's ways of writing a plate
 * give the same plate; kinds that refuse the text get NULL parameters.
 */
static void
test_search(void **state)
{
	static const char *const plates[] = {
		"12-abc-3", "12ABC3", "12 ABC 3", " 12-ABC-3 "
	};
	struct mp_subject_search s;
	struct mp_dbval	 v[2 * MP_SUBJECT_SEARCH_MAX];
	size_t		 i, j;
	int		 found;

	(void)state;
	for (i = 0; i < MP_NELEM(plates); i++) {
		mp_subject_search(plates[i], strlen(plates[i]), &s);
		found = 0;
		for (j = 0; j < s.n; j++)
			if (s.kind[j] == MP_SUBJECT_VEHICLE &&
			    strcmp(s.norm[j], "12ABC3") == 0)
				found = 1;
		assert_true(found);
	}
	mp_subject_search("NL91 ABNA 0417 1643 00", 22, &s);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.kind[0], MP_SUBJECT_IBAN);
	assert_string_equal(s.norm[0], "NL91ABNA0417164300");
	mp_subject_search_params(&s, v);
	assert_int_equal(v[0].type, MP_DBT_INT);
	assert_int_equal(v[0].i, MP_SUBJECT_IBAN);
	assert_int_equal(v[1].type, MP_DBT_TEXT);
	for (i = 2; i < MP_NELEM(v); i++)
		assert_int_equal(v[i].type, MP_DBT_NULL);
	/* A word is no subject (nor a company's name). */
	mp_subject_search("hennepkwekerij", 14, &s);
	assert_int_equal(s.n, 0);
	mp_subject_search("", 0, &s);
	assert_int_equal(s.n, 0);
	/*
	 * Markup and plate-like junk are at most an address without a
	 * postcode (words and a number: the street form takes much),
	 * which only finds a report linked to that very text.
	 */
	mp_subject_search("<script>alert(1)</script>", 25, &s);
	for (i = 0; i < s.n; i++)
		assert_int_equal(s.kind[i], MP_SUBJECT_ADDRESS);
	mp_subject_search("12-ABC-312-ABC-312-ABC-312-ABC-3", 32, &s);
	for (i = 0; i < s.n; i++)
		assert_int_equal(s.kind[i], MP_SUBJECT_ADDRESS);
}

/*
 * The search's fragment finds every report of the subject, confirmed
 * or not, and no other: the rows, the distinct reports, those of the
 * two expected.
 */
static const char sql_search_count[] =
    "SELECT COUNT(*), COUNT(DISTINCT x.report_id),"
    " COALESCE(SUM(x.report_id IN (?, ?)), 0)"
    " FROM (%s) x";
enum { SC_ROWS, SC_REPORTS, SC_EXPECTED };

static void
test_search_db(void **state)
{
	struct mp_subject_search ss;
	struct mp_dbval	 v[2 + 2 * MP_SUBJECT_SEARCH_MAX];
	struct mp_stmt	*st;
	static char	 sql[2048];	/* a fixed address: the cache's key */
	long long	 a, b;

	(void)state;
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_VEHICLE,
	    "77XYZ7", NULL, &a), MP_OK);
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_KVK,
	    "87654321", NULL, &b), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[0], a,
	    MP_SUBJECT_EXTRACTED, 0, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[1], a,
	    MP_SUBJECT_HANDLER, 1, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[2], b,
	    MP_SUBJECT_EXTRACTED, 0, 0), MP_OK);
	(void)snprintf(sql, sizeof(sql), sql_search_count,
	    mp_subject_sql_search);
	mp_subject_search("77 xyz 7", 8, &ss);
	v[0] = MP_DBINT(report[0]);
	v[1] = MP_DBINT(report[1]);
	mp_subject_search_params(&ss, v + 2);
	assert_int_equal(mp_db_query(E.db, &st, sql, v, MP_NELEM(v)),
	    MP_OK);
	assert_int_equal(mp_db_next(st), MP_OK);
	assert_int_equal(mp_db_int(st, SC_ROWS), 2);
	assert_int_equal(mp_db_int(st, SC_REPORTS), 2);
	assert_int_equal(mp_db_int(st, SC_EXPECTED), 2);
	mp_db_done(st);
	assert_int_equal(mp_subject_unlink(E.db, report[0], a), MP_OK);
	assert_int_equal(mp_subject_unlink(E.db, report[1], a), MP_OK);
	assert_int_equal(mp_subject_unlink(E.db, report[2], b), MP_OK);
}

/* Deleting a report takes its links and the subjects only it had. */
static void
test_delete_report(void **state)
{
	long long	 own, shared, n;
	struct mp_dbval	 v[1];

	(void)state;
	n = count(sql_subjects, MP_DBTEXT("%"));
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_IBAN,
	    "NL91ABNA0417164300", NULL, &own), MP_OK);
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_ADDRESS,
	    "1234AB 12 A", NULL, &shared), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[2], own,
	    MP_SUBJECT_EXTRACTED, 0, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[2], shared,
	    MP_SUBJECT_STRUCTURED, 1, 0), MP_OK);
	assert_int_equal(mp_subject_link(E.db, report[1], shared,
	    MP_SUBJECT_STRUCTURED, 1, 0), MP_OK);
	v[0] = MP_DBINT(report[2]);
	assert_int_equal(mp_db_exec(E.db, sql_delete, v, 1, NULL, NULL),
	    MP_OK);
	assert_int_equal(count(sql_links, MP_DBINT(report[2])), 0);
	assert_int_equal(count(sql_subject_id, MP_DBINT(own)), 0);
	assert_int_equal(count(sql_subject_id, MP_DBINT(shared)), 1);
	assert_int_equal(count(sql_links, MP_DBINT(report[1])), 1);
	/* And the other report: nothing left at all. */
	v[0] = MP_DBINT(report[1]);
	assert_int_equal(mp_db_exec(E.db, sql_delete, v, 1, NULL, NULL),
	    MP_OK);
	assert_int_equal(count(sql_subject_id, MP_DBINT(shared)), 0);
	assert_int_equal(count(sql_subjects, MP_DBTEXT("%")), n);
}

/* mp_subject_collect: structured first, each once, bounded. */
static void
test_collect(void **state)
{
	struct mp_subject_fields f;
	struct mp_subject_set	 set;
	char			*big;
	size_t			 i, off = 0;

	(void)state;
	memset(&f, 0, sizeof(f));
	f.street = "Hoofdstr.";
	f.number = "12";
	f.postcode = "1234ab";
	f.text[MP_SUBJECT_T_DESCRIPTION] = "Auto 12ABC3 bij 1234 AB 12, "
	    "bel 06-12345678";
	f.text[MP_SUBJECT_T_VEHICLES] = "12-abc-3 en 99-XX-99";
	assert_int_equal(mp_subject_collect(&set, &f, 50), MP_OK);
	assert_int_equal(set.n, 4);
	assert_int_equal(set.cutoff, 0);
	assert_int_equal(set.c[0].kind, MP_SUBJECT_ADDRESS);
	assert_int_equal(set.c[0].source, MP_SUBJECT_STRUCTURED);
	assert_string_equal(set.c[0].norm, "1234AB 12");
	assert_int_equal(set.c[1].kind, MP_SUBJECT_VEHICLE);
	assert_int_equal(set.c[1].source, MP_SUBJECT_EXTRACTED);
	assert_string_equal(set.c[1].norm, "12ABC3");
	assert_string_equal(set.c[1].display, "12ABC3");
	assert_int_equal(set.c[2].kind, MP_SUBJECT_PHONE);
	assert_string_equal(set.c[3].norm, "99XX99");
	mp_subject_set_free(&set);
	/* Bounds. */
	assert_int_equal(mp_subject_collect(&set, &f, 0), MP_EINVAL);
	mp_subject_set_free(&set);
	assert_int_equal(mp_subject_collect(&set, &f,
	    MP_SUBJECT_MAX_PER_REPORT + 1), MP_EINVAL);
	mp_subject_set_free(&set);
	assert_int_equal(mp_confkey_table[MP_CK_SUBJECT_MAX_PER_REPORT].max,
	    MP_SUBJECT_MAX_PER_REPORT);
	/* 10,000 distinct plates in one field: max, cut off. */
	big = malloc(10000 * 8 + 1);
	assert_non_null(big);
	for (i = 0; i < 10000; i++)
		off += (size_t)sprintf(big + off, "%02zu%c%c%c%zu ",
		    10 + i % 90, 'A' + (int)(i % 26), 'A' + (int)(i / 26 % 26),
		    'B' + (int)(i / 676 % 20), 1 + i % 9);
	memset(&f, 0, sizeof(f));
	f.text[MP_SUBJECT_T_PEOPLE] = big;
	assert_int_equal(mp_subject_collect(&set, &f, 50), MP_OK);
	assert_int_equal(set.n, 50);
	assert_int_equal(set.cutoff, 1);
	mp_subject_set_free(&set);
	free(big);
}

/* mp_subject_index_report outside the intake: links, idempotent. */
static enum mp_err
done_cb(struct mp_db *db, long long id, int cutoff, void *arg)
{
	int	*called = arg;

	(void)db;
	(void)id;
	(void)cutoff;
	(*called)++;
	return MP_OK;
}

static void
test_index_report(void **state)
{
	struct mp_subject_fields f;
	struct listed		 l;
	size_t			 n = 0;
	int			 cut = 1, called = 0, before;

	(void)state;
	memset(&l, 0, sizeof(l));
	assert_int_equal(mp_subject_list_for_report(E.db, report[0], list_cb,
	    &l), MP_OK);
	before = l.n;
	memset(&f, 0, sizeof(f));
	f.street = "Kerkstraat";
	f.number = "3";
	f.city = "Voorbeeld";
	f.text[MP_SUBJECT_T_DESCRIPTION] = "kenteken 12ABC3";
	assert_int_equal(mp_subject_index_report(E.db, report[0], &f, 50, 0,
	    done_cb, &called, &n, &cut), MP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(cut, 0);
	assert_int_equal(called, 1);
	/* Again: nothing more. */
	assert_int_equal(mp_subject_index_report(E.db, report[0], &f, 50, 0,
	    NULL, NULL, &n, NULL), MP_OK);
	memset(&l, 0, sizeof(l));
	assert_int_equal(mp_subject_list_for_report(E.db, report[0], list_cb,
	    &l), MP_OK);
	assert_int_equal(l.n, before + 2);
	/*
	 * Own: the report is not one intake_store() stored on this
	 * connection, so sql/029's function refuses it.
	 */
	assert_int_not_equal(mp_subject_index_report(E.db, report[0], &f,
	    50, 1, NULL, NULL, NULL, NULL), MP_OK);
}

/* A report's links as "kind:norm:source:confirmed ..." (STMT_LIST's order). */
struct links_str {
	char	 s[2048];
};

static void
links_cb(const struct mp_subject_link *l, void *arg)
{
	struct links_str	*x = arg;
	size_t			 n = strlen(x->s);

	(void)snprintf(x->s + n, sizeof(x->s) - n, "%s%d:%s:%d:%d",
	    n > 0 ? " " : "", (int)l->kind, l->norm, (int)l->source,
	    l->confirmed);
}

static const char *
links_of(long long r, struct links_str *x)
{

	x->s[0] = '\0';
	assert_int_equal(mp_subject_list_for_report(E.db, r, links_cb, x),
	    MP_OK);
	return x->s;
}

struct changes {
	int	 added, removed;
};

static void
change_cb(int added, enum mp_subject_kind kind, const char *display,
    void *arg)
{
	struct changes	*c = arg;

	assert_true((int)kind > 0 && kind < MP_SUBJECT__MAX);
	assert_non_null(display);
	if (added)
		c->added++;
	else
		c->removed++;
}

/* Re-index report r from f with max; the counts into res and c. */
static void
reindex(long long r, const struct mp_subject_fields *f, size_t max,
    struct mp_subject_reindex *res, struct changes *c)
{
	struct mp_subject_set	 set;

	memset(c, 0, sizeof(*c));
	assert_int_equal(mp_subject_collect(&set, f, max), MP_OK);
	assert_int_equal(mp_subject_reindex(E.db, r, &set, change_cb, c,
	    res), MP_OK);
	mp_subject_set_free(&set);
	assert_int_equal((size_t)c->added, res->added);
	assert_int_equal((size_t)c->removed, res->removed);
}

static void
test_reindex(void **state)
{
	struct mp_subject_fields	 f;
	struct mp_subject_reindex	 res;
	struct changes			 c;
	struct links_str		 x;
	struct mp_dbval			 v[1];
	unsigned long long		 id;
	long long			 r, plate, company, addr;

	(void)state;
	v[0] = MP_DBINT(1);
	assert_int_equal(mp_db_exec(E.db, sql_report, v, 1, NULL, &id),
	    MP_OK);
	r = (long long)id;
	memset(&f, 0, sizeof(f));
	f.street = "Molenweg";
	f.number = "3";
	f.city = "Voorbeeld";
	f.text[MP_SUBJECT_T_DESCRIPTION] = "kenteken 13BCD4 en 34-XYZ-5";
	reindex(r, &f, 50, &res, &c);
	assert_int_equal(res.added, 3);
	assert_int_equal(res.removed, 0);
	assert_int_equal(res.cutoff, 0);
	assert_string_equal(links_of(r, &x), "1:molenweg 3, voorbeeld:1:1 "
	    "4:13BCD4:2:0 4:34XYZ5:2:0");
	/* A handler confirms one plate and adds a company. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_VEHICLE,
	    "34XYZ5", NULL, &plate), MP_OK);
	assert_int_equal(mp_subject_confirm(E.db, r, plate), MP_OK);
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_COMPANY,
	    "bouw", "Bouw B.V.", &company), MP_OK);
	assert_int_equal(mp_subject_link(E.db, r, company,
	    MP_SUBJECT_HANDLER, 1, 0), MP_OK);
	/*
	 * The address and the text change: the old address and the
	 * proposal the text lost go; the confirmed plate and the
	 * handler's company stay; the new address and plate come.
	 */
	f.number = "5";
	f.text[MP_SUBJECT_T_DESCRIPTION] = "kenteken 56-KLM-7 en 34-XYZ-5";
	reindex(r, &f, 50, &res, &c);
	assert_int_equal(res.added, 2);
	assert_int_equal(res.removed, 2);
	assert_string_equal(links_of(r, &x), "1:molenweg 5, voorbeeld:1:1 "
	    "2:bouw:3:1 4:34XYZ5:2:1 4:56KLM7:2:0");
	/* Again: nothing changes. */
	reindex(r, &f, 50, &res, &c);
	assert_int_equal(res.added + res.removed, 0);
	/* An address a handler added by hand stays when the fields move. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_ADDRESS,
	    "molenweg 5, voorbeeld", NULL, &addr), MP_OK);
	assert_int_equal(mp_subject_link(E.db, r, addr, MP_SUBJECT_HANDLER, 1,
	    0), MP_OK);
	f.number = "7";
	reindex(r, &f, 50, &res, &c);
	assert_int_equal(res.added, 1);
	assert_int_equal(res.removed, 0);
	assert_string_equal(links_of(r, &x), "1:molenweg 5, voorbeeld:3:1 "
	    "1:molenweg 7, voorbeeld:1:1 2:bouw:3:1 4:34XYZ5:2:1 "
	    "4:56KLM7:2:0");
	/* At the maximum: nothing more is linked, and it says so. */
	f.text[MP_SUBJECT_T_DESCRIPTION] = "kenteken 56-KLM-7 en 34-XYZ-5, "
	    "78-PQR-9";
	reindex(r, &f, 5, &res, &c);
	assert_int_equal(res.added, 0);
	assert_int_equal(res.cutoff, 1);
	assert_int_equal(count(sql_links, MP_DBINT(r)), 5);
	/* The subjects no report links any more are gone. */
	assert_int_equal(count(sql_subjects, MP_DBTEXT("13BCD4")), 0);
	assert_int_equal(count(sql_subjects,
	    MP_DBTEXT("molenweg 3, voorbeeld")), 0);
}

static const char sql_refused[] =
    "SELECT COUNT(*) FROM report_subject_refused WHERE report_id = ?";

static void
test_refuse(void **state)
{
	struct mp_subject_fields	 f;
	struct mp_subject_reindex	 res;
	struct changes			 c;
	struct links_str		 x;
	struct mp_dbval			 v[1];
	unsigned long long		 id;
	long long			 r, p1, p2;

	(void)state;
	v[0] = MP_DBINT(1);
	assert_int_equal(mp_db_exec(E.db, sql_report, v, 1, NULL, &id),
	    MP_OK);
	r = (long long)id;
	memset(&f, 0, sizeof(f));
	f.text[MP_SUBJECT_T_DESCRIPTION] = "kenteken 24-CDE-5 en 46-EFG-7";
	assert_int_equal(mp_subject_index_report(E.db, r, &f, 50, 0, NULL,
	    NULL, NULL, NULL), MP_OK);
	assert_string_equal(links_of(r, &x), "4:24CDE5:2:0 4:46EFG7:2:0");
	/* A handler removes one proposal: it is remembered. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_VEHICLE,
	    "24CDE5", NULL, &p1), MP_OK);
	assert_int_equal(mp_subject_refuse(E.db, r, p1, 0), MP_OK);
	assert_int_equal(mp_subject_unlink(E.db, r, p1), MP_OK);
	assert_int_equal(count(sql_refused, MP_DBINT(r)), 1);
	/* The subject itself is gone; the refusal outlives it. */
	assert_int_equal(count(sql_subject_id, MP_DBINT(p1)), 0);
	/* Neither a rebuild nor a re-index links it again. */
	assert_int_equal(mp_subject_index_report(E.db, r, &f, 50, 0, NULL,
	    NULL, NULL, NULL), MP_OK);
	assert_string_equal(links_of(r, &x), "4:46EFG7:2:0");
	reindex(r, &f, 50, &res, &c);
	assert_int_equal(res.added + res.removed, 0);
	assert_string_equal(links_of(r, &x), "4:46EFG7:2:0");
	/* Refusing what the report does not link does nothing. */
	assert_int_equal(mp_subject_refuse(E.db, r, p1, 0), MP_OK);
	assert_int_equal(count(sql_refused, MP_DBINT(r)), 1);
	/* Added by hand: the refusal goes, and indexing may link it. */
	assert_int_equal(mp_subject_unrefuse(E.db, r, MP_SUBJECT_VEHICLE,
	    "24CDE5"), MP_OK);
	assert_int_equal(count(sql_refused, MP_DBINT(r)), 0);
	reindex(r, &f, 50, &res, &c);
	assert_int_equal(res.added, 1);
	assert_string_equal(links_of(r, &x), "4:24CDE5:2:0 4:46EFG7:2:0");
	/* The refusals go with their report. */
	assert_int_equal(mp_subject_upsert(E.db, MP_SUBJECT_VEHICLE,
	    "46EFG7", NULL, &p2), MP_OK);
	assert_int_equal(mp_subject_refuse(E.db, r, p2, 0), MP_OK);
	assert_int_equal(count(sql_refused, MP_DBINT(r)), 1);
	v[0] = MP_DBINT(r);
	assert_int_equal(mp_db_exec(E.db, sql_delete, v, 1, NULL, NULL),
	    MP_OK);
	assert_int_equal(count(sql_refused, MP_DBINT(r)), 0);
	assert_int_equal(count(sql_subject_id, MP_DBINT(p2)), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_vehicle),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_company),
		cmocka_unit_test(test_kvk),
		cmocka_unit_test(test_iban),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_person),
		cmocka_unit_test(test_norm),
		cmocka_unit_test(test_extract),
		cmocka_unit_test(test_extract_near_misses),
		cmocka_unit_test(test_extract_hostile),
		cmocka_unit_test(test_extract_bound),
		cmocka_unit_test(test_upsert),
		cmocka_unit_test(test_link),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_search_db),
		cmocka_unit_test(test_delete_report),
		cmocka_unit_test(test_collect),
		cmocka_unit_test(test_index_report),
		cmocka_unit_test(test_reindex),
		cmocka_unit_test(test_refuse),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
