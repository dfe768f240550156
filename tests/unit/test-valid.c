/*
 * test-valid.c -- the field validators, each with inputs it must
 * accept and inputs it must refuse, UTF-8 edge cases above all.
 */
#include "config.h"

#include "util.h"

#define U8(s)	mp_valid_utf8((s), sizeof(s) - 1)

/* Say which case is being checked, control bytes escaped for TAP. */
static void
show(const char *what, const char *s)
{
	char	 buf[512];
	size_t	 o = 0;

	for (; *s != '\0' && o + 5 < sizeof(buf); s++) {
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			o += (size_t)snprintf(buf + o, sizeof(buf) - o,
			    "\\x%02x", (unsigned char)*s);
		else
			buf[o++] = *s;
	}
	buf[o] = '\0';
	print_message("# %s: \"%s\"\n", what, buf);
}

static void
test_utf8_accept(void **state)
{

	(void)state;
	assert_true(mp_valid_utf8("", 0));
	assert_true(mp_valid_utf8(NULL, 0));
	assert_true(U8("Hallo wereld"));
	assert_true(U8("tab\there\nline\r\n"));
	assert_true(U8("caf\xc3\xa9"));			/* é */
	assert_true(U8("\xc2\x80"));			/* U+0080 */
	assert_true(U8("\xdf\xbf"));			/* U+07FF */
	assert_true(U8("\xe0\xa0\x80"));		/* U+0800 */
	assert_true(U8("\xe2\x82\xac"));		/* € */
	assert_true(U8("\xed\x9f\xbf"));		/* U+D7FF */
	assert_true(U8("\xee\x80\x80"));		/* U+E000 */
	assert_true(U8("\xef\xbf\xbd"));		/* U+FFFD */
	assert_true(U8("\xf0\x90\x80\x80"));		/* U+10000 */
	assert_true(U8("\xf0\x9f\x98\x80"));		/* emoji */
	assert_true(U8("\xf4\x8f\xbf\xbf"));		/* U+10FFFF */
	assert_true(U8(" ~"));
}

static void
test_utf8_reject(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
		const char	*why;
	} bad[] = {
		{ "\0", 1, "NUL" },
		{ "a\0b", 3, "embedded NUL" },
		{ "\x01", 1, "C0 control" },
		{ "\x1b[31m", 5, "escape" },
		{ "\x0b", 1, "vertical tab" },
		{ "\x0c", 1, "form feed" },
		{ "\x7f", 1, "DEL" },
		{ "\x80", 1, "lone continuation" },
		{ "\xbf", 1, "lone continuation" },
		{ "\xc0\x80", 2, "overlong NUL" },
		{ "\xc1\xbf", 2, "overlong 2-byte" },
		{ "\xc0\xaf", 2, "overlong /" },
		{ "\xe0\x80\x80", 3, "overlong 3-byte" },
		{ "\xe0\x9f\xbf", 3, "overlong U+07FF" },
		{ "\xf0\x80\x80\x80", 4, "overlong 4-byte" },
		{ "\xf0\x8f\xbf\xbf", 4, "overlong U+FFFF" },
		{ "\xed\xa0\x80", 3, "surrogate U+D800" },
		{ "\xed\xbf\xbf", 3, "surrogate U+DFFF" },
		{ "\xed\xa0\xbd\xed\xb8\x80", 6, "surrogate pair (CESU)" },
		{ "\xf4\x90\x80\x80", 4, "U+110000" },
		{ "\xf5\x80\x80\x80", 4, "lead F5" },
		{ "\xf8\x88\x80\x80\x80", 5, "5-byte form" },
		{ "\xfe", 1, "FE" },
		{ "\xff", 1, "FF" },
		{ "\xc3", 1, "truncated 2-byte" },
		{ "caf\xc3", 4, "truncated at end" },
		{ "\xe2\x82", 2, "truncated 3-byte" },
		{ "\xf0\x9f\x98", 3, "truncated 4-byte" },
		{ "\xc3\x41", 2, "bad continuation" },
		{ "\xe2\x28\xa1", 3, "bad second byte" },
		{ "\xe2\x82\x28", 3, "bad third byte" },
		{ "\xf0\x9f\x98\x28", 4, "bad fourth byte" },
		{ "\xc3\xa9\xa9", 3, "extra continuation" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(bad); i++) {
		print_message("# utf8 reject: %s\n", bad[i].why);
		assert_false(mp_valid_utf8(bad[i].s, bad[i].len));
	}
	/* The length is honoured: the bad byte just past it is unseen. */
	assert_true(mp_valid_utf8("ab\x01", 2));
	assert_false(mp_valid_utf8("ab\x01", 3));
	/* A multibyte character cut by the length. */
	assert_false(mp_valid_utf8("\xe2\x82\xac", 2));
}

static void
test_utf8_chars(void **state)
{

	(void)state;
	assert_int_equal(mp_valid_utf8_chars("", 0), 0);
	assert_int_equal(mp_valid_utf8_chars("abc", 3), 3);
	assert_int_equal(mp_valid_utf8_chars("caf\xc3\xa9", 5), 4);
	assert_int_equal(mp_valid_utf8_chars("\xe2\x82\xac\xf0\x9f\x98\x80",
	    7), 2);
}

static void
test_text(void **state)
{
	char	 buf[401];
	size_t	 i;

	(void)state;
	assert_true(mp_valid_text("", 0, 10, 0));
	assert_true(mp_valid_text("abc", 3, 3, 0));
	assert_false(mp_valid_text("abcd", 4, 3, 0));
	/* Characters, not bytes: three é in six bytes fit in 3. */
	assert_true(mp_valid_text("\xc3\xa9\xc3\xa9\xc3\xa9", 6, 3, 0));
	assert_false(mp_valid_text("\xc3\xa9\xc3\xa9\xc3\xa9", 6, 2, 0));
	assert_true(mp_valid_text("a\nb", 3, 10, 1));
	assert_false(mp_valid_text("a\nb", 3, 10, 0));
	assert_true(mp_valid_text("a\r\nb\tc", 6, 10, 1));
	assert_false(mp_valid_text("a\rb", 3, 10, 0));
	assert_false(mp_valid_text("a\tb", 3, 10, 0));
	assert_false(mp_valid_text("a\x01", 2, 10, 1));
	assert_false(mp_valid_text("\xc0\x80", 2, 10, 1));
	/* 200 two-byte characters: 400 bytes, 200 characters. */
	for (i = 0; i < 200; i++)
		memcpy(buf + 2 * i, "\xc3\xab", 2);
	assert_true(mp_valid_text(buf, 400, 200, 0));
	assert_false(mp_valid_text(buf, 400, 199, 0));
}

static void
test_blank(void **state)
{

	(void)state;
	assert_true(mp_valid_blank("", 0));
	assert_true(mp_valid_blank(" \t\r\n", 4));
	assert_false(mp_valid_blank(" x ", 3));
	assert_false(mp_valid_blank("\xc3\xa9", 2));
	assert_true(mp_valid_blank("  x", 2));	/* only len bytes count */
}

static void
test_postcode(void **state)
{
	static const struct {
		const char	*in;
		const char	*out;
	} good[] = {
		{ "1234AB", "1234 AB" },
		{ "1234 AB", "1234 AB" },
		{ "1234 ab", "1234 AB" },
		{ "1234aB", "1234 AB" },
		{ " 1234 AB ", "1234 AB" },
		{ "   9999zz", "9999 ZZ" },
		{ "1000 AA", "1000 AA" },
		{ "1234 SB", "1234 SB" },
		{ "1234 AS", "1234 AS" },
	};
	static const char *const bad[] = {
		"", " ", "0123 AB", "1234 SA", "1234 sd", "1234 SS", "1234ss",
		"12345", "1234 A1", "1234  AB", "1234 A", "123 AB", "12345 AB",
		"1234-AB", "1234 ABC", "AB 1234", "1234\tAB", "\t1234 AB",
		"1234 \xc3\x89" "A", "1234 A B", "１２３４AB",
	};
	char	 out[8];
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(good); i++) {
		memset(out, 'X', sizeof(out));
		assert_true(mp_valid_postcode(good[i].in, out));
		assert_string_equal(out, good[i].out);
	}
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("postcode reject", bad[i]);
		assert_false(mp_valid_postcode(bad[i], out));
	}
	assert_false(mp_valid_postcode(NULL, out));
}

static void
test_housenumber(void **state)
{
	static const char *const good[] = {
		"1", "12", "12a", "12A", "12 A", "12-3", "12 bis", "1 hs",
		"99999", "12-A", "12abcd", "7 1", "10 III", "123 a12",
	};
	static const char *const bad[] = {
		"", "0", "012", "123456", "a12", "12 ", "12-", "12  A",
		"12--3", "12 -3", "12abcdefg", "12 bisbisb", "-12", " 12",
		"12/3", "12.a", "12 a b", "12\n", "99999 abcdef1",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(good); i++) {
		show("housenumber accept", good[i]);
		assert_true(mp_valid_housenumber(good[i]));
	}
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("housenumber reject", bad[i]);
		assert_false(mp_valid_housenumber(bad[i]));
	}
	/* 16 bytes is the limit: 5 digits, separator, 6: 12 bytes. */
	assert_true(mp_valid_housenumber("12345 abcdef"));
	assert_false(mp_valid_housenumber(NULL));
}

static void
test_date(void **state)
{
	static const char *const bad[] = {
		"", "2024-1-01", "2024-01-1", "24-01-01", "2024/01/01",
		"2024-00-10", "2024-13-01", "2024-01-00", "2024-01-32",
		"2023-02-29", "1900-02-29", "2100-02-29", "2024-04-31",
		"2024-06-31", "2024-09-31", "2024-11-31", "1899-12-31",
		"2024-01-01 ", " 2024-01-01", "2024-01-01T00:00", "+024-01-01",
		"2024-0a-01", "20240101", "2024--1-01", "2024-01-+1",
	};
	struct tm	 tm;
	size_t		 i;

	(void)state;
	memset(&tm, 0xff, sizeof(tm));
	assert_true(mp_valid_date("2024-02-29", &tm));
	assert_int_equal(tm.tm_year, 124);
	assert_int_equal(tm.tm_mon, 1);
	assert_int_equal(tm.tm_mday, 29);
	assert_int_equal(tm.tm_hour, 0);
	assert_int_equal(tm.tm_min, 0);
	assert_int_equal(tm.tm_sec, 0);
	assert_true(mp_valid_date("2000-02-29", &tm));
	assert_true(mp_valid_date("1900-01-01", &tm));
	assert_int_equal(tm.tm_year, 0);
	assert_int_equal(tm.tm_mon, 0);
	assert_int_equal(tm.tm_mday, 1);
	assert_true(mp_valid_date("9999-12-31", &tm));
	assert_true(mp_valid_date("2023-02-28", NULL));
	assert_true(mp_valid_date("2024-04-30", NULL));
	assert_true(mp_valid_date("2024-01-31", NULL));
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("date reject", bad[i]);
		assert_false(mp_valid_date(bad[i], &tm));
	}
	assert_false(mp_valid_date(NULL, &tm));
}

/* Dates as typed on the report forms (issue 16). */
static void
test_date_nl(void **state)
{
	static const char *const good[][2] = {
		{ "01-03-2026", "2026-03-01" }, { "1-3-2026", "2026-03-01" },
		{ "29-02-2024", "2024-02-29" }, { "31-12-2025", "2025-12-31" },
		{ "2026-03-01", "2026-03-01" }, { " 7-11-2025 ", "2025-11-07" },
		{ "07-1-2026", "2026-01-07" }, { "7-01-2026", "2026-01-07" },
	};
	static const char *const bad[] = {
		"31-02-2026", "29-02-2025", "2026-13-01", "32-01-2026",
		"00-01-2026", "01-00-2026", "gisteren", "", "1-3-26",
		"01/03/2026", "01-03-02026", "001-03-2026", "01--03-2026",
		"2026-3-1", "-1-3-2026", "01-03-2026x", "1 -3-2026",
		"01-03-1899", "a1-03-2026", "01-0b-2026", "01-03-20x6",
	};
	struct tm	 tm;
	char		 out[11];
	size_t		 i;

	(void)state;
	for (i = 0; i < MP_NELEM(good); i++) {
		show("date nl accept", good[i][0]);
		assert_true(mp_valid_date_nl(good[i][0], out, &tm));
		assert_string_equal(out, good[i][1]);
	}
	assert_int_equal(tm.tm_mday, 7);
	assert_int_equal(tm.tm_mon, 0);
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("date nl reject", bad[i]);
		memcpy(out, "unchanged", 10);
		assert_false(mp_valid_date_nl(bad[i], out, &tm));
		assert_string_equal(out, "unchanged");
	}
	assert_false(mp_valid_date_nl(NULL, out, &tm));
}

static void
test_time(void **state)
{
	static const char *const bad[] = {
		"", "24:00", "23:60", "9:30", "09:3", "0930", "09.30",
		"09:30:00", " 09:30", "-1:30", "ab:cd", "09:+3",
	};
	struct tm	 tm;
	size_t		 i;

	(void)state;
	memset(&tm, 0, sizeof(tm));
	tm.tm_mday = 5;
	assert_true(mp_valid_time("09:30", &tm));
	assert_int_equal(tm.tm_hour, 9);
	assert_int_equal(tm.tm_min, 30);
	assert_int_equal(tm.tm_mday, 5);	/* the date is left alone */
	assert_true(mp_valid_time("00:00", &tm));
	assert_int_equal(tm.tm_hour, 0);
	assert_true(mp_valid_time("23:59", &tm));
	assert_int_equal(tm.tm_hour, 23);
	assert_int_equal(tm.tm_min, 59);
	assert_true(mp_valid_time("12:00", NULL));
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("time reject", bad[i]);
		assert_false(mp_valid_time(bad[i], &tm));
	}
}

static void
test_email(void **state)
{
	static const char *const good[] = {
		"jan@example.nl",
		"j.jansen@gemeente.example.nl",
		"jan+meldpunt@example.com",
		"a_b-c+d.e@example.org",
		"x@a-b.example.museum",
		"1@2.nl",
		"JAN@EXAMPLE.NL",
	};
	static const char *const bad[] = {
		"", "jan", "@example.nl", "jan@", "jan@@example.nl",
		"jan@exa@mple.nl", ".jan@example.nl", "jan.@example.nl",
		"j..an@example.nl", "jan @example.nl", "jan@ example.nl",
		"jan@example.nl ", "jan@example", "jan@localhost",
		"jan@example.n", "jan@example.n1", "jan@example.123",
		"jan@-example.nl", "jan@example-.nl", "jan@example..nl",
		"jan@.example.nl", "jan@example.nl.", "jan@exa_mple.nl",
		"jan@[192.168.0.1]", "\"jan\"@example.nl", "jan\r@example.nl",
		"jan@example.nl\n", "jan@example.nl\r\nBcc: x@y.nl",
		"j(an)@example.nl", "jan,piet@example.nl",
		"j\xc3\xa1n@example.nl", "jan@exampl\xc3\xa9.nl",
		/* Characters RFC 5322 allows but a mailer may act on. */
		"|/bin/sh@x.nl", "/tmp/x@x.nl", "jan|x@example.nl",
		"-oQ/tmp@example.nl", "+jan@example.nl", "_jan@example.nl",
		"jan!piet@example.nl", "jan%piet@example.nl",
		"o'brien@example.ie", "`id`@example.nl", "$(id)@example.nl",
		"{x}@example.nl", "a#b@example.nl", "a=b@example.nl",
		"a?b@example.nl", "a&b@example.nl", "a*b@example.nl",
		"a^b@example.nl", "a~b@example.nl", "jan\t@example.nl",
		"jan\x01@example.nl", "jan\x7f@example.nl", "ja n@example.nl",
		"\"jan piet\"@example.nl", "jan\n@example.nl",
	};
	char	 buf[300];
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(good); i++) {
		show("email accept", good[i]);
		assert_true(mp_valid_email(good[i]));
	}
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("email reject", bad[i]);
		assert_false(mp_valid_email(bad[i]));
	}
	assert_false(mp_valid_email(NULL));

	/* Local part: 64 is fine, 65 not. */
	memset(buf, 'a', 64);
	snprintf(buf + 64, sizeof(buf) - 64, "@example.nl");
	assert_true(mp_valid_email(buf));
	memset(buf, 'a', 65);
	snprintf(buf + 65, sizeof(buf) - 65, "@example.nl");
	assert_false(mp_valid_email(buf));

	/* A label of 63 is fine, 64 not. */
	memcpy(buf, "a@", 2);
	memset(buf + 2, 'b', 63);
	snprintf(buf + 65, sizeof(buf) - 65, ".nl");
	assert_true(mp_valid_email(buf));
	memset(buf + 2, 'b', 64);
	snprintf(buf + 66, sizeof(buf) - 66, ".nl");
	assert_false(mp_valid_email(buf));

	/* 254 bytes in all is the limit. */
	memcpy(buf, "a@", 2);
	for (i = 2; i < 250; i += 62) {
		memset(buf + i, 'b', 61);
		buf[i + 61] = '.';
	}
	/* buf[0..249] is "a@" + 4 labels of 61 + '.'; add "nl" -> 252. */
	snprintf(buf + 250, sizeof(buf) - 250, "nl");
	assert_int_equal(strlen(buf), 252);
	assert_true(mp_valid_email(buf));
	snprintf(buf + 250, sizeof(buf) - 250, "nlnl");
	assert_int_equal(strlen(buf), 254);
	assert_true(mp_valid_email(buf));
	snprintf(buf + 250, sizeof(buf) - 250, "nlnln");
	assert_int_equal(strlen(buf), 255);
	assert_false(mp_valid_email(buf));
}

static void
test_phone(void **state)
{
	static const char *const good[] = {
		"0201234567", "020-1234567", "020 123 45 67",
		"+31 20 123 4567", "+31 (0)20 123 4567", "06-12345678",
		"112233", "12345678901234567890", "(020) 123 45 67",
	};
	static const char *const bad[] = {
		"", "12345", "1234 5", "123456789012345678901", "020/1234567",
		"020.123.4567", "++31201234567", "31+201234567",
		"06 1234 567a", "+", "tel: 0201234567", "0201234567\n", "0201234567 ext 5",
		" +31201234567",
		/* ten digits, but 56 bytes */
		"0 2 0 1 2 3 4 5 6 7 "
		    "- - - - - - - - - - - - - - - - - -",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(good); i++) {
		show("phone accept", good[i]);
		assert_true(mp_valid_phone(good[i]));
	}
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("phone reject", bad[i]);
		assert_false(mp_valid_phone(bad[i]));
	}
	assert_false(mp_valid_phone(NULL));
}

static void
test_slug(void **state)
{
	static const char *const good[] = {
		"a", "bewoners", "drugs-lab", "type-2", "0", "a-",
		"abcdefghijklmnopqrstuvwxyz012345",	/* 32 */
	};
	static const char *const bad[] = {
		"", "-a", "Bewoners", "drugs_lab", "drugs lab", "a.b",
		"abcdefghijklmnopqrstuvwxyz0123456",	/* 33 */
		"caf\xc3\xa9", "a/b",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(good); i++)
		assert_true(mp_valid_slug(good[i]));
	for (i = 0; i < MP_NELEM(bad); i++) {
		show("slug reject", bad[i]);
		assert_false(mp_valid_slug(bad[i]));
	}
	assert_false(mp_valid_slug(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_accept),
		cmocka_unit_test(test_utf8_reject),
		cmocka_unit_test(test_utf8_chars),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_blank),
		cmocka_unit_test(test_postcode),
		cmocka_unit_test(test_housenumber),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_date_nl),
		cmocka_unit_test(test_time),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_phone),
		cmocka_unit_test(test_slug),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
