/*
 * fuzz-valid.c -- the field validators (lib/valid.c) on any bytes.
 *
 * Input: one selector byte, then the value.  Invariants:
 * - mp_valid_utf8 agrees with an independent decoder written here
 *   from the definition (code points, not byte ranges), and
 *   mp_valid_utf8_chars counts what that decoder counts;
 * - mp_valid_text never accepts more characters than allowed, nor a
 *   line break in a single-line field;
 * - an accepted postcode normalises to "1234 AB", which is itself
 *   accepted and normalises to itself;
 * - an accepted date or time reads back as the text it came from;
 * - an accepted e-mail address, phone number, house number or slug
 *   is short printable ASCII without a space, CR, LF or any character
 *   that would end or split a header field.
 */
#include "config.h"

#include <time.h>

#include "fuzz.h"

/* Strict UTF-8 by decoding: 1 and the number of code points, or 0. */
static int
ref_utf8(const unsigned char *s, size_t len, size_t *chars)
{
	size_t		 i = 0, n, k;
	unsigned long	 cp, min;

	*chars = 0;
	while (i < len) {
		if (s[i] < 0x80) {
			n = 0;
			cp = s[i];
			min = 0;
		} else if ((s[i] & 0xe0) == 0xc0) {
			n = 1;
			cp = s[i] & 0x1f;
			min = 0x80;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 2;
			cp = s[i] & 0x0f;
			min = 0x800;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 3;
			cp = s[i] & 0x07;
			min = 0x10000;
		} else
			return 0;
		if (len - i - 1 < n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		/* Controls: only tab, LF and CR; no DEL. */
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    cp == 0x7f)
			return 0;
		i += n + 1;
		(*chars)++;
	}
	return 1;
}

/* Printable ASCII without space and without header specials. */
static int
safe_token(const char *s, size_t maxlen)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++) {
		if (i >= maxlen)
			return 0;
		if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7f)
			return 0;
		if (strchr("<>,;:\"\\[]()", s[i]) != NULL &&
		    s[i] != '(' && s[i] != ')')
			return 0;
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct tm	 tm;
	char		*s, out[8], out2[8], back[16];
	size_t		 len, chars, max;
	int		 ok, sel;

	sel = fuzz_byte(&in);
	s = fuzz_rest(&in, &len);

	switch (sel % 8) {
	case 0:
		ok = mp_valid_utf8(s, len);
		FUZZ_ASSERT(ok == ref_utf8((const unsigned char *)s, len,
		    &chars));
		if (ok)
			FUZZ_ASSERT(mp_valid_utf8_chars(s, len) == chars);
		break;
	case 1:
		max = (size_t)(sel >> 3);
		ok = mp_valid_text(s, len, max, sel & 0x80);
		if (ok) {
			FUZZ_ASSERT(ref_utf8((const unsigned char *)s, len,
			    &chars) && chars <= max);
			if (!(sel & 0x80))
				FUZZ_ASSERT(memchr(s, '\n', len) == NULL &&
				    memchr(s, '\r', len) == NULL &&
				    memchr(s, '\t', len) == NULL);
		}
		(void)mp_valid_blank(s, len);
		break;
	case 2:
		if (mp_valid_postcode(s, out)) {
			FUZZ_ASSERT(strlen(out) == 7 && out[4] == ' ');
			FUZZ_ASSERT(out[0] >= '1' && out[0] <= '9');
			FUZZ_ASSERT(out[5] >= 'A' && out[5] <= 'Z' &&
			    out[6] >= 'A' && out[6] <= 'Z');
			FUZZ_ASSERT(mp_valid_postcode(out, out2) &&
			    strcmp(out, out2) == 0);
		}
		break;
	case 3:
		if (mp_valid_date(s, &tm)) {
			snprintf(back, sizeof(back), "%04d-%02d-%02d",
			    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
			FUZZ_ASSERT(strcmp(back, s) == 0);
			/* The calendar agrees: normalising changes nothing. */
			tm.tm_hour = 12;
			tm.tm_isdst = 0;
			FUZZ_ASSERT(timegm(&tm) != (time_t)-1);
			snprintf(back, sizeof(back), "%04d-%02d-%02d",
			    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
			FUZZ_ASSERT(strcmp(back, s) == 0);
		}
		break;
	case 4:
		if (mp_valid_time(s, &tm)) {
			snprintf(back, sizeof(back), "%02d:%02d", tm.tm_hour,
			    tm.tm_min);
			FUZZ_ASSERT(strcmp(back, s) == 0);
		}
		break;
	case 5:
		if (mp_valid_email(s)) {
			FUZZ_ASSERT(safe_token(s, 254));
			FUZZ_ASSERT(strchr(s, '@') != NULL &&
			    strchr(s, '@') == strrchr(s, '@'));
		}
		break;
	case 6:
		if (mp_valid_phone(s))
			FUZZ_ASSERT(strlen(s) <= 40 &&
			    strspn(s, "+0123456789 -()") == strlen(s));
		break;
	default:
		if (mp_valid_housenumber(s))
			FUZZ_ASSERT(safe_token(s, 16) ||
			    strspn(s, "0123456789abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ -") == strlen(s));
		if (mp_valid_slug(s))
			FUZZ_ASSERT(safe_token(s, 32) && s[0] != '-');
		break;
	}
	free(s);
	return 0;
}
