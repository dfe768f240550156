/*
 * valid.c -- pure field validators: UTF-8 text, Dutch postcodes and
 * house numbers, dates and times, e-mail addresses, phone numbers and
 * slugs.  Nothing here allocates, logs or depends on the locale: each
 * character class is spelled out in ASCII.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "valid.h"

#define EMAIL_MAX	254
#define EMAIL_LOCAL_MAX	64
#define DNS_LABEL_MAX	63
#define HOUSENR_MAX	16
#define HOUSENR_DIGITS	5
#define HOUSENR_ADD	6
#define PHONE_MIN	6
#define PHONE_MAX	20
/* Separators included: anything longer is not a phone number. */
#define PHONE_BYTES	40
#define SLUG_MAX	32

static int
isdigit_a(int c)
{

	return c >= '0' && c <= '9';
}

static int
isalpha_a(int c)
{

	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
isalnum_a(int c)
{

	return isdigit_a(c) || isalpha_a(c);
}

static int
toupper_a(int c)
{

	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/*
 * Strict UTF-8 after RFC 3629 (the table in its section 4): the ranges
 * for the second byte exclude overlongs (E0, F0), surrogates (ED) and
 * code points past U+10FFFF (F4); the lead bytes C0, C1 and F5-FF
 * never occur.
 */
int
mp_valid_utf8(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned char		 lo, hi;
	size_t			 i = 0, n, k;

	if (s == NULL)
		return len == 0;
	while (i < len) {
		if (s[i] < 0x80) {
			if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n' &&
			    s[i] != '\r') || s[i] == 0x7f)
				return 0;
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xbf;
		if (s[i] >= 0xc2 && s[i] <= 0xdf)
			n = 1;
		else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			n = 2;
			if (s[i] == 0xe0)
				lo = 0xa0;
			else if (s[i] == 0xed)
				hi = 0x9f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			n = 3;
			if (s[i] == 0xf0)
				lo = 0x90;
			else if (s[i] == 0xf4)
				hi = 0x8f;
		} else
			return 0;
		if (len - i - 1 < n)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (k = 2; k <= n; k++)
			if (s[i + k] < 0x80 || s[i + k] > 0xbf)
				return 0;
		i += n + 1;
	}
	return 1;
}

size_t
mp_valid_utf8_chars(const char *s, size_t len)
{
	size_t	 i, n = 0;

	/* Count every byte that is not a continuation byte. */
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

int
mp_valid_text(const char *s, size_t len, size_t maxchars, int multiline)
{
	size_t	 i;

	if (!mp_valid_utf8(s, len))
		return 0;
	if (!multiline)
		for (i = 0; i < len; i++)
			if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
				return 0;
	return mp_valid_utf8_chars(s, len) <= maxchars;
}

int
mp_valid_blank(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
		    s[i] != '\r' && s[i] != '\v' && s[i] != '\f')
			return 0;
	return 1;
}

/*
 * PostNL never issues the letter pairs SA, SD and SS (for their
 * historical connotations), so such a postcode is a typing error.
 */
int
mp_valid_postcode(const char *s, char out[8])
{
	const char	*e;
	char		 a, b;

	if (s == NULL)
		return 0;
	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && e[-1] == ' ')
		e--;
	if (e - s != 6 && e - s != 7)
		return 0;
	if (s[0] < '1' || s[0] > '9' || !isdigit_a(s[1]) ||
	    !isdigit_a(s[2]) || !isdigit_a(s[3]))
		return 0;
	if (e - s == 7 && s[4] != ' ')
		return 0;
	a = (char)toupper_a(e[-2]);
	b = (char)toupper_a(e[-1]);
	if (!isalpha_a(a) || !isalpha_a(b))
		return 0;
	if (a == 'S' && (b == 'A' || b == 'D' || b == 'S'))
		return 0;
	memcpy(out, s, 4);
	out[4] = ' ';
	out[5] = a;
	out[6] = b;
	out[7] = '\0';
	return 1;
}

/*
 * 1-5 digits (no leading 0), then optionally an addition of 1-6 letters
 * and digits, set off by one space or '-', or directly when it starts
 * with a letter ("12a", "12 bis", "12-3", "1 hs").  An addition of
 * digits must be set off, or "123456" would pass as 12345 + "6".
 */
int
mp_valid_housenumber(const char *s)
{
	size_t	 i = 0, n, len;

	if (s == NULL || (len = strlen(s)) == 0 || len > HOUSENR_MAX)
		return 0;
	if (s[0] == '0')
		return 0;
	while (isdigit_a(s[i]))
		i++;
	if (i == 0 || i > HOUSENR_DIGITS)
		return 0;
	if (s[i] == '\0')
		return 1;
	if (s[i] == ' ' || s[i] == '-')
		i++;
	for (n = 0; isalnum_a(s[i + n]); n++)
		continue;
	return n >= 1 && n <= HOUSENR_ADD && s[i + n] == '\0';
}

static int
leapyear(int y)
{

	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Parse exactly n decimal digits at s; -1 if any is not a digit. */
static int
digits(const char *s, size_t n)
{
	size_t	 i;
	int	 v = 0;

	for (i = 0; i < n; i++) {
		if (!isdigit_a(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int
mp_valid_date(const char *s, struct tm *tm)
{
	static const int mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d, dim;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	if ((y = digits(s, 4)) < 1900 || (m = digits(s + 5, 2)) < 1 ||
	    m > 12 || (d = digits(s + 8, 2)) < 1)
		return 0;
	dim = mdays[m - 1] + (m == 2 && leapyear(y));
	if (d > dim)
		return 0;
	if (tm != NULL) {
		memset(tm, 0, sizeof(*tm));
		tm->tm_year = y - 1900;
		tm->tm_mon = m - 1;
		tm->tm_mday = d;
	}
	return 1;
}

int
mp_valid_date_nl(const char *s, char out[11], struct tm *tm)
{
	char	 iso[11];
	size_t	 n, a, b;

	if (s == NULL)
		return 0;
	while (*s == ' ')
		s++;
	for (n = strlen(s); n > 0 && s[n - 1] == ' '; n--)
		;
	if (n == 10 && s[4] == '-' && s[7] == '-') {
		memcpy(iso, s, 10);
	} else {
		/* d-m-jjjj: the lengths of day and month, 1 or 2 each. */
		for (a = 0; a < n && isdigit_a(s[a]); a++)
			;
		if (a < 1 || a > 2 || a >= n || s[a] != '-')
			return 0;
		for (b = a + 1; b < n && isdigit_a(s[b]); b++)
			;
		b -= a + 1;
		if (b < 1 || b > 2 || a + 1 + b >= n ||
		    s[a + 1 + b] != '-' || n - (a + 2 + b) != 4)
			return 0;
		memcpy(iso, s + a + 2 + b, 4);
		iso[4] = iso[7] = '-';
		iso[5] = b == 2 ? s[a + 1] : '0';
		iso[6] = s[a + b];
		iso[8] = a == 2 ? s[0] : '0';
		iso[9] = s[a - 1];
	}
	iso[10] = '\0';
	if (!mp_valid_date(iso, tm))
		return 0;
	memcpy(out, iso, 11);
	return 1;
}

int
mp_valid_time(const char *s, struct tm *tm)
{
	int	 h, m;

	if (s == NULL || strlen(s) != 5 || s[2] != ':')
		return 0;
	if ((h = digits(s, 2)) < 0 || h > 23 ||
	    (m = digits(s + 3, 2)) < 0 || m > 59)
		return 0;
	if (tm != NULL) {
		tm->tm_hour = h;
		tm->tm_min = m;
	}
	return 1;
}

/*
 * The local part takes letters, digits and "._+-" only.  RFC 5322 allows
 * far more ("|", "/", "!", "%", "{" ...), but an address like
 * "|/bin/sh@x.nl" then passes, ends up in a To: header and in front of
 * mail software that reads some of those characters as pipes, paths or
 * routes.  No address a reporter or handler uses needs them.
 */
static int
email_localchar(int c)
{

	return isalnum_a(c) || c == '.' || c == '_' || c == '+' || c == '-';
}

/*
 * A conservative check, not RFC 5322: a dot-atom local part of letters,
 * digits and "._+-" that starts with a letter or digit (no quoted
 * strings, no comments, nothing a mailer reads as an option, pipe or
 * path) and a DNS host name with an alphabetic TLD (no address
 * literals).  That is what a reporter types.
 */
int
mp_valid_email(const char *s)
{
	const char	*at, *dom, *label, *p;
	size_t		 len, n;

	if (s == NULL || (len = strlen(s)) == 0 || len > EMAIL_MAX)
		return 0;
	if ((at = strchr(s, '@')) == NULL || strchr(at + 1, '@') != NULL)
		return 0;
	n = (size_t)(at - s);
	if (n == 0 || n > EMAIL_LOCAL_MAX || !isalnum_a((unsigned char)s[0]) ||
	    at[-1] == '.')
		return 0;
	for (p = s; p < at; p++)
		if (!email_localchar((unsigned char)*p) ||
		    (p[0] == '.' && p[1] == '.'))
			return 0;

	dom = at + 1;
	label = dom;
	for (p = dom;; p++) {
		if (*p == '.' || *p == '\0') {
			n = (size_t)(p - label);
			if (n == 0 || n > DNS_LABEL_MAX || label[0] == '-' ||
			    p[-1] == '-')
				return 0;
			if (*p == '\0')
				break;
			label = p + 1;
		} else if (!isalnum_a((unsigned char)*p) && *p != '-')
			return 0;
	}
	/* label is now the TLD: letters only, two or more, and not alone. */
	if (label == dom || p - label < 2)
		return 0;
	for (p = label; *p != '\0'; p++)
		if (!isalpha_a((unsigned char)*p))
			return 0;
	return 1;
}

int
mp_valid_phone(const char *s)
{
	size_t	 i, nd = 0;

	if (s == NULL || strlen(s) > PHONE_BYTES)
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (isdigit_a(s[i]))
			nd++;
		else if (s[i] == '+' && i == 0)
			continue;
		else if (s[i] != ' ' && s[i] != '-' && s[i] != '(' &&
		    s[i] != ')')
			return 0;
	}
	return nd >= PHONE_MIN && nd <= PHONE_MAX;
}

int
mp_valid_slug(const char *s)
{
	size_t	 i;

	if (s == NULL || s[0] == '\0' || s[0] == '-')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i == SLUG_MAX)
			return 0;
		if (!(s[i] >= 'a' && s[i] <= 'z') && !isdigit_a(s[i]) &&
		    s[i] != '-')
			return 0;
	}
	return 1;
}
