/*
 * subject.c -- subjects (see subject.h): the normal forms of addresses,
 * companies, KvK numbers, plates, persons, phone numbers, e-mail
 * addresses and IBANs, their recognition in free text, and the owner
 * of tables subject and report_subject (sql/028).
 *
 * The normalisers are pure: no allocation, no global state, bounded
 * output; they write through struct out, which notes an overflow
 * instead of failing at each step.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "access.h"
#include "buf.h"
#include "db.h"
#include "sqltext.h"
#include "errcode.h"
#include "nltime.h"
#include "subject.h"

/* A bounded output: what does not fit sets over. */
struct out {
	char	*p;
	size_t	 sz;
	size_t	 len;
	int	 over;
};

static void
out_init(struct out *o, char *p, size_t sz)
{

	o->p = p;
	o->sz = sz;
	o->len = 0;
	o->over = sz == 0;
	if (sz > 0)
		p[0] = '\0';
}

static void
out_add(struct out *o, const char *s, size_t n)
{

	if (o->over || o->len + n >= o->sz) {
		o->over = 1;
		return;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void
out_c(struct out *o, char c)
{

	out_add(o, &c, 1);
}

/* MP_OK, or the error with out made "" (when there is room for it). */
static enum mp_err
out_end(struct out *o, enum mp_err er)
{

	if (er == MP_OK && o->over)
		er = MP_ETOOBIG;
	if (er != MP_OK && o->sz > 0)
		o->p[0] = '\0';
	return er;
}

static int
is_digit(int c)
{

	return c >= '0' && c <= '9';
}

static int
is_alpha(int c)
{

	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(int c)
{

	return is_digit(c) || is_alpha(c);
}

static int
is_space(int c)
{

	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\v' || c == '\f';
}

static int
to_upper(int c)
{

	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static int
to_lower(int c)
{

	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* Trim ASCII white space from both ends of [*p, *p + *n). */
static void
trim(const char **p, size_t *n)
{

	while (*n > 0 && is_space((unsigned char)**p)) {
		(*p)++;
		(*n)--;
	}
	while (*n > 0 && is_space((unsigned char)(*p)[*n - 1]))
		(*n)--;
}

/*
 * Decode one UTF-8 character at p (n bytes left) into *cp: its length,
 * or 0 when the bytes are not valid UTF-8 (overlong forms, surrogates
 * and values past U+10FFFF included).
 */
static size_t
utf8_next(const unsigned char *p, size_t n, unsigned long *cp)
{
	size_t		 len, i;
	unsigned long	 c, min;

	if (n == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xe0) == 0xc0) {
		len = 2;
		c = p[0] & 0x1f;
		min = 0x80;
	} else if ((p[0] & 0xf0) == 0xe0) {
		len = 3;
		c = p[0] & 0x0f;
		min = 0x800;
	} else if ((p[0] & 0xf8) == 0xf0) {
		len = 4;
		c = p[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/*
 * The ASCII letters of U+00C0 to U+00FF and U+0100 to U+017F; a space
 * separates words (× ÷), a digit stands for a pair of letters.
 */
static const char latin1[] =
    "aaaaaa1ceeeeiiiidnooooo ouuuuy25"
    "aaaaaa1ceeeeiiiidnooooo ouuuuy2y";
static const char latin_ext_a[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii33jjkkk"
    "llllllllllnnnnnnnnnoooooo44rrrrrrsssssssstttttt"
    "uuuuuuuuuuuuwwyyyzzzzzzs";
static const char *const pairs[] = {
	"", "ae", "th", "ij", "oe", "ss"
};

/* A separator: ASCII punctuation and space, Unicode punctuation. */
static int
separator(unsigned long cp)
{

	if (cp < 0x80)
		return !is_alnum((int)cp);
	return (cp >= 0x80 && cp <= 0xbf) || (cp >= 0x2000 && cp <= 0x206f) ||
	    cp == 0x3000;
}

enum mp_err
mp_subject_fold(const char *text, size_t len, char *out, size_t outsz)
{
	const unsigned char	*p = (const unsigned char *)text;
	struct out		 o;
	unsigned long		 cp;
	size_t			 k, i;
	int			 gap = 0;
	char			 c;
	const char		*s;

	out_init(&o, out, outsz);
	for (i = 0; i < len; i += k) {
		if ((k = utf8_next(p + i, len - i, &cp)) == 0)
			return out_end(&o, MP_EINVAL);
		/*
		 * Apostrophes vanish ('s-Hertogenbosch, D'Souza), and so
		 * do combining accents: "e" + U+0301 (decomposed, as some
		 * systems paste it) folds as "é" does.
		 */
		if (cp == '\'' || cp == 0x2018 || cp == 0x2019 ||
		    cp == 0x2bc || (cp >= 0x300 && cp <= 0x36f))
			continue;
		if (cp == '&') {
			if (o.len > 0)
				out_c(&o, ' ');
			out_add(&o, "en", 2);
			gap = 1;
			continue;
		}
		if (separator(cp)) {
			gap = 1;
			continue;
		}
		s = NULL;
		c = 0;
		if (cp < 0x80)
			c = (char)to_lower((int)cp);
		else if (cp >= 0xc0 && cp <= 0xff)
			c = latin1[cp - 0xc0];
		else if (cp >= 0x100 && cp <= 0x17f)
			c = latin_ext_a[cp - 0x100];
		if (c == ' ') {
			gap = 1;
			continue;
		}
		if (cp >= 0x80 && c >= '1' && c <= '5')
			s = pairs[c - '0'];
		if (gap && o.len > 0)
			out_c(&o, ' ');
		gap = 0;
		if (s != NULL)
			out_add(&o, s, 2);
		else if (c != 0)
			out_c(&o, c);
		else
			out_add(&o, (const char *)p + i, k);
	}
	return out_end(&o, o.len == 0 ? MP_EINVAL : MP_OK);
}

/*
 * The words of a folded string, in place: calls fn for each with its
 * length; fn writes what it makes of it to o.
 */
static void
words(const char *s, void (*fn)(struct out *, const char *, size_t,
    void *), struct out *o, void *arg)
{
	const char	*e;

	while (*s != '\0') {
		if ((e = strchr(s, ' ')) == NULL)
			e = s + strlen(s);
		fn(o, s, (size_t)(e - s), arg);
		s = *e == ' ' ? e + 1 : e;
	}
}

static void
out_word(struct out *o, const char *w, size_t n)
{

	if (n == 0)
		return;
	if (o->len > 0)
		out_c(o, ' ');
	out_add(o, w, n);
}

static int
word_is(const char *w, size_t n, const char *s)
{

	return strlen(s) == n && memcmp(w, s, n) == 0;
}

/* Street abbreviations, whole folded words (subject.h). */
static const char *const abbrev[][2] = {
	{ "str", "straat" },
	{ "ln", "laan" },
	{ "pln", "plein" },
	{ "wg", "weg" },
};

static void
street_word(struct out *o, const char *w, size_t n, void *arg)
{
	size_t	 i;

	(void)arg;
	for (i = 0; i < MP_NELEM(abbrev); i++)
		if (word_is(w, n, abbrev[i][0])) {
			out_word(o, abbrev[i][1], strlen(abbrev[i][1]));
			return;
		}
	/* "hoofdstr" (from "Hoofdstr."): the end written out. */
	if (n > 3 && memcmp(w + n - 3, "str", 3) == 0) {
		out_word(o, w, n - 3);
		out_add(o, "straat", 6);
		return;
	}
	out_word(o, w, n);
}

/* A folded street with its abbreviations written out. */
static enum mp_err
fold_street(const char *text, size_t len, char *out, size_t outsz)
{
	char		 f[MP_SUBJECT_NORM_MAX];
	struct out	 o;
	enum mp_err	 er;

	out_init(&o, out, outsz);
	if ((er = mp_subject_fold(text, len, f, sizeof(f))) != MP_OK)
		return out_end(&o, er);
	words(f, street_word, &o, NULL);
	return out_end(&o, o.len == 0 ? MP_EINVAL : MP_OK);
}

/*
 * A postcode at p (n bytes): "1234AB" or "1234 AB", any case, not
 * followed by a letter.  Its length (0 if none) and the normal form in
 * pc.
 */
static size_t
postcode(const char *p, size_t n, char pc[7])
{
	size_t	 i, k;

	if (n < 6 || p[0] < '1' || p[0] > '9')
		return 0;
	for (i = 1; i < 4; i++)
		if (!is_digit((unsigned char)p[i]))
			return 0;
	k = 4;
	if (p[k] == ' ')
		k++;
	if (k + 2 > n || !is_alpha((unsigned char)p[k]) ||
	    !is_alpha((unsigned char)p[k + 1]) ||
	    (k + 2 < n && is_alpha((unsigned char)p[k + 2])))
		return 0;
	memcpy(pc, p, 4);
	pc[4] = (char)to_upper((unsigned char)p[k]);
	pc[5] = (char)to_upper((unsigned char)p[k + 1]);
	pc[6] = '\0';
	if (pc[4] == 'S' && (pc[5] == 'A' || pc[5] == 'D' || pc[5] == 'S'))
		return 0;
	return k + 2;
}

#define HOUSE_PARTS	3	/* letter and additions after the number */
#define HOUSE_PART_LEN	4

/*
 * A house number at p (n bytes) with its letter and additions, written
 * to o as "12 A 2".  whole: the text is the number field alone, every
 * byte must belong to it and parts may follow a space; in running text
 * only a single letter may follow after a space ("12 A"), others need
 * a dash or slash or stand close ("12a", "12-hs").  The bytes used, or
 * 0 when there is no house number.
 */
static size_t
house(const char *p, size_t n, int whole, struct out *o)
{
	size_t	 i = 0, j, k, start = o->len;
	long	 v = 0;
	int	 parts = 0, sp, dash;

	while (i < n && is_digit((unsigned char)p[i]) && i < 6) {
		v = v * 10 + (p[i] - '0');
		i++;
	}
	if (i == 0 || i > 5 || p[0] == '0' || v < 1 || v > 99999 ||
	    (i < n && is_digit((unsigned char)p[i])))
		return 0;
	out_add(o, p, i);
	while (parts < HOUSE_PARTS) {
		j = i;
		sp = dash = 0;
		while (j < n && (p[j] == ' ' || p[j] == '-' || p[j] == '/')) {
			if (p[j] == ' ')
				sp = 1;
			else
				dash = 1;
			j++;
		}
		if (j == n || !is_alnum((unsigned char)p[j]))
			break;
		k = j;
		if (is_digit((unsigned char)p[j]))
			while (k < n && is_digit((unsigned char)p[k]))
				k++;
		else
			while (k < n && is_alpha((unsigned char)p[k]))
				k++;
		/* Not the start of a longer word: "12 Zürich". */
		if (k - j > HOUSE_PART_LEN || (k < n &&
		    (unsigned char)p[k] >= 0x80))
			break;
		if (!whole && sp && !dash && (k - j != 1 ||
		    !is_alpha((unsigned char)p[j]) || parts > 0 ||
		    (k < n && is_alnum((unsigned char)p[k]))))
			break;
		out_c(o, ' ');
		for (; j < k; j++)
			out_c(o, (char)to_upper((unsigned char)p[j]));
		i = k;
		parts++;
	}
	if (whole) {
		while (i < n && is_space((unsigned char)p[i]))
			i++;
		if (i != n) {
			o->len = start;
			if (o->sz > 0 && !o->over)
				o->p[start] = '\0';
			return 0;
		}
	}
	return i;
}

/*
 * A house number at p as the rest of the text (whole, "12 hs"), else
 * as all up to a comma ("12 hs, Amsterdam"), else as the start of
 * running text ("12 Amsterdam"); as house().  The comma is what the
 * street form writes after the number, so a normal form reads back as
 * itself; the price is that "12 Ede, Gelderland" takes Ede for an
 * addition (write "12, Ede").
 */
static size_t
house_rest(const char *p, size_t n, struct out *o)
{
	const char	*c;
	size_t		 h;

	if ((h = house(p, n, 1, o)) != 0)
		return h;
	if ((c = memchr(p, ',', n)) != NULL &&
	    (h = house(p, (size_t)(c - p), 1, o)) != 0)
		return h;
	return house(p, n, 0, o);
}

/*
 * A postcode and a house number at the start of p: the normal form to
 * o, the bytes used (0 when there is none).  rest: the number may be
 * the rest of the text (house_rest), else only running text's.
 */
static size_t
postcode_house(const char *p, size_t n, int rest, struct out *o)
{
	char	 pc[7];
	size_t	 k, h;

	if ((k = postcode(p, n, pc)) == 0)
		return 0;
	while (k < n && (p[k] == ' ' || p[k] == ','))
		k++;
	out_add(o, pc, 6);
	out_c(o, ' ');
	h = rest ? house_rest(p + k, n - k, o) : house(p + k, n - k, 0, o);
	if (h == 0) {
		o->len = 0;
		return 0;
	}
	return k + h;
}

/*
 * The first digit of a number after a letter (the street's; ASCII or
 * not, punctuation is none); n if none.
 */
static size_t
first_number(const char *p, size_t n)
{
	size_t	 i;
	int	 letter = 0;

	for (i = 0; i < n; i++) {
		if (is_digit((unsigned char)p[i]) && letter &&
		    (i == 0 || !is_alnum((unsigned char)p[i - 1])))
			return i;
		if (is_alpha((unsigned char)p[i]) || p[i] == '&' ||
		    (unsigned char)p[i] >= 0x80)	/* & folds as "en" */
			letter = 1;
	}
	return n;
}

/*
 * A word of a city: none with a digit ("2e etage" after the number is
 * no city, and "1234 ab" in one could be read as a postcode later).
 */
static void
city_word(struct out *o, const char *w, size_t n, void *arg)
{
	size_t	 i;

	(void)arg;
	for (i = 0; i < n; i++)
		if (is_digit((unsigned char)w[i]))
			return;
	out_word(o, w, n);
}

/*
 * ", " and the folded city to o, or nothing when p holds only ASCII
 * space and punctuation or words with digits; an error when the city
 * cannot be folded (invalid UTF-8, too long), rather than a form
 * without it.
 */
static enum mp_err
add_city(const char *p, size_t n, struct out *o)
{
	char		 f[MP_SUBJECT_NORM_MAX], city[MP_SUBJECT_NORM_MAX];
	struct out	 c;
	size_t		 i;
	enum mp_err	 er;

	for (i = 0; i < n; i++)
		if (is_alnum((unsigned char)p[i]) ||
		    (unsigned char)p[i] >= 0x80)
			break;
	if (i == n)
		return MP_OK;
	if ((er = mp_subject_fold(p, n, f, sizeof(f))) != MP_OK)
		return er;
	out_init(&c, city, sizeof(city));
	words(f, city_word, &c, NULL);
	if (c.len > 0) {
		out_add(o, ", ", 2);
		out_add(o, city, c.len);
	}
	return MP_OK;
}

/*
 * The street form from running text: street, number, then city.  With
 * pc not NULL the postcode form with that postcode instead.
 */
static enum mp_err
street_form(const char *p, size_t n, const char *pc, struct out *o)
{
	char		 num[64], f[MP_SUBJECT_NORM_MAX];
	struct out	 no;
	size_t		 i, h;
	const char	*rest;
	size_t		 restn;
	enum mp_err	 er;

	if ((i = first_number(p, n)) == n)
		return MP_EINVAL;
	out_init(&no, num, sizeof(num));
	if ((h = house_rest(p + i, n - i, &no)) == 0 || no.over)
		return MP_EINVAL;
	if (pc != NULL) {
		out_add(o, pc, 6);
		out_c(o, ' ');
		out_add(o, num, no.len);
		return MP_OK;
	}
	if ((er = fold_street(p, i, f, sizeof(f))) != MP_OK)
		return er;
	/* "1234 SA 5": a postcode that is none, not a street. */
	if (is_digit((unsigned char)f[0]) && is_digit((unsigned char)f[1]) &&
	    is_digit((unsigned char)f[2]) && is_digit((unsigned char)f[3]))
		return MP_EINVAL;
	out_add(o, f, strlen(f));
	out_c(o, ' ');
	out_add(o, num, no.len);
	rest = p + i + h;
	restn = n - i - h;
	return add_city(rest, restn, o);
}

static enum mp_err
address_text(const char *text, size_t len, char *out, size_t outsz)
{
	struct out	 o;
	char		 pc[7];
	size_t		 i;

	out_init(&o, out, outsz);
	trim(&text, &len);
	/* A postcode: its number after it, else before it. */
	for (i = 0; i + 6 <= len; i++) {
		if (i > 0 && is_alnum((unsigned char)text[i - 1]))
			continue;
		if (postcode(text + i, len - i, pc) == 0)
			continue;
		if (postcode_house(text + i, len - i, 1, &o) > 0 ||
		    street_form(text, i, pc, &o) == MP_OK)
			return out_end(&o, MP_OK);
		/* "Hoofdweg 1234 hs": a house number, not a postcode. */
		o.len = 0;
		o.over = 0;
	}
	return out_end(&o, street_form(text, len, NULL, &o));
}

/*
 * A normal form must read back as itself, or a search for it would
 * find another subject: an odd street ("3 00-4678, mn") can fold into
 * something that reads as a postcode and number.  Such a text is
 * refused rather than stored under a form nobody can find.
 */
static enum mp_err
address_check(char *out, size_t outsz, enum mp_err er)
{
	char	 again[MP_SUBJECT_NORM_MAX];

	if (er != MP_OK)
		return er;
	if (strlen(out) >= sizeof(again))
		er = MP_ETOOBIG;
	else if (address_text(out, strlen(out), again, sizeof(again)) !=
	    MP_OK || strcmp(out, again) != 0)
		er = MP_EINVAL;
	if (er != MP_OK && outsz > 0)
		out[0] = '\0';
	return er;
}

enum mp_err
mp_subject_address(const char *text, size_t len, char *out, size_t outsz)
{

	return address_check(out, outsz, address_text(text, len, out,
	    outsz));
}

enum mp_err
mp_subject_address_fields(const char *street, const char *number,
    const char *postcode_field, const char *city, char *out, size_t outsz)
{
	struct out	 o;
	char		 pc[7], f[MP_SUBJECT_NORM_MAX], num[64];
	struct out	 no;
	const char	*p;
	size_t		 n, k;
	enum mp_err	 er;

	out_init(&o, out, outsz);
	out_init(&no, num, sizeof(num));
	p = number != NULL ? number : "";
	n = strlen(p);
	trim(&p, &n);
	if (house(p, n, 1, &no) == 0 || no.over)
		return out_end(&o, MP_EINVAL);
	p = postcode_field != NULL ? postcode_field : "";
	n = strlen(p);
	trim(&p, &n);
	if ((k = postcode(p, n, pc)) != 0 && k == n) {
		out_add(&o, pc, 6);
		out_c(&o, ' ');
		out_add(&o, num, no.len);
		return address_check(out, outsz, out_end(&o, MP_OK));
	}
	if (street == NULL)
		return out_end(&o, MP_EINVAL);
	if ((er = fold_street(street, strlen(street), f, sizeof(f))) != MP_OK)
		return out_end(&o, er);
	out_add(&o, f, strlen(f));
	out_c(&o, ' ');
	out_add(&o, num, no.len);
	if (city != NULL && (er = add_city(city, strlen(city), &o)) != MP_OK)
		return out_end(&o, er);
	return address_check(out, outsz, out_end(&o, MP_OK));
}

/* Legal forms dropped from company names (subject.h). */
static const char *const legal_forms[] = {
	"bv", "nv", "vof", "cv", "holding", "io", "bvba", "gmbh", "ltd"
};

struct company {
	char	 run[MP_SUBJECT_NORM_MAX];	/* single letters so far */
	size_t	 runlen;
};

/*
 * Legal forms written in single letters that letters joined into one
 * run ("b v i o" -> "bvio"): taken off its end, one after the other.
 */
static const char *const legal_letters[] = { "bv", "nv", "vof", "cv", "io" };

static void
company_flush(struct out *o, struct company *c)
{
	size_t	 i, k;

	for (i = 0; i < MP_NELEM(legal_forms); i++)
		if (word_is(c->run, c->runlen, legal_forms[i])) {
			c->runlen = 0;
			return;
		}
	for (i = 0; i < MP_NELEM(legal_letters); i++) {
		k = strlen(legal_letters[i]);
		if (c->runlen >= k && memcmp(c->run + c->runlen - k,
		    legal_letters[i], k) == 0) {
			c->runlen -= k;
			i = (size_t)-1;		/* and again from the first */
		}
	}
	out_word(o, c->run, c->runlen);
	c->runlen = 0;
}

static void
company_word(struct out *o, const char *w, size_t n, void *arg)
{
	struct company	*c = arg;

	/* Letters standing alone join: "b v" -> "bv", "j p" -> "jp". */
	if (n == 1 && is_alpha((unsigned char)w[0])) {
		if (c->runlen + 1 < sizeof(c->run))
			c->run[c->runlen++] = w[0];
		return;
	}
	if (c->runlen > 0)
		company_flush(o, c);
	if (n < sizeof(c->run)) {
		memcpy(c->run, w, n);
		c->runlen = n;
		company_flush(o, c);
	}
}

enum mp_err
mp_subject_company(const char *text, size_t len, char *out, size_t outsz)
{
	char		 f[MP_SUBJECT_NORM_MAX];
	struct company	 c;
	struct out	 o;
	enum mp_err	 er;

	out_init(&o, out, outsz);
	if ((er = mp_subject_fold(text, len, f, sizeof(f))) != MP_OK)
		return out_end(&o, er);
	/*
	 * Again until nothing changes: a form dropped between letters
	 * ("z bv n") leaves letters that now stand together.  Each pass
	 * that changes anything makes the text shorter.
	 */
	while (!o.over) {
		o.len = 0;
		o.p[0] = '\0';
		c.runlen = 0;
		words(f, company_word, &o, &c);
		if (c.runlen > 0)
			company_flush(&o, &c);
		if (o.over || o.len >= sizeof(f) || strcmp(f, o.p) == 0)
			break;
		memcpy(f, o.p, o.len + 1);
	}
	return out_end(&o, o.len == 0 ? MP_EINVAL : MP_OK);
}

enum mp_err
mp_subject_kvk(const char *text, size_t len, char *out, size_t outsz)
{
	struct out	 o;
	size_t		 i;

	out_init(&o, out, outsz);
	trim(&text, &len);
	for (i = 0; i < len; i++) {
		if (is_digit((unsigned char)text[i]))
			out_c(&o, text[i]);
		else if (text[i] != ' ' && text[i] != '.')
			return out_end(&o, MP_EINVAL);
	}
	if (o.len != 8 && o.len != 12)
		return out_end(&o, MP_EINVAL);
	return out_end(&o, MP_OK);
}

/* The 14 Dutch side codes: L a letter, D a digit, dashes dropped. */
static const char *const sidecodes[] = {
	"LLDDDD", "DDDDLL", "DDLLDD", "LLDDLL", "LLLLDD", "DDLLLL",
	"DDLLLD", "DLLLDD", "LLDDDL", "LDDDLL", "LLLDDL", "LDDLLL",
	"DLLDDD", "DDDLLD"
};

/* The side code (1 to 14) of 6 letters and digits, 0 if none. */
static int
sidecode(const char *p)
{
	char	 shape[7];
	size_t	 i;

	for (i = 0; i < 6; i++) {
		if (is_digit((unsigned char)p[i]))
			shape[i] = 'D';
		else if (is_alpha((unsigned char)p[i]))
			shape[i] = 'L';
		else
			return 0;
	}
	shape[6] = '\0';
	for (i = 0; i < MP_NELEM(sidecodes); i++)
		if (strcmp(shape, sidecodes[i]) == 0)
			return (int)i + 1;
	return 0;
}

/* How each side code is written: the lengths of its three groups. */
static const unsigned char sidecode_groups[][3] = {
	{ 2, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 }, { 2, 2, 2 },
	{ 2, 2, 2 }, { 2, 3, 1 }, { 1, 3, 2 }, { 2, 3, 1 }, { 1, 3, 2 },
	{ 3, 2, 1 }, { 1, 2, 3 }, { 1, 2, 3 }, { 3, 2, 1 }
};

_Static_assert(MP_NELEM(sidecode_groups) == MP_NELEM(sidecodes),
    "a grouping for every side code");

enum mp_err
mp_subject_vehicle(const char *text, size_t len, char *out, size_t outsz,
    int *sc)
{
	struct out	 o;
	char		 nl[7];
	size_t		 i, k = 0, alnum = 0;
	int		 dutch = 1, digit = 0, code, gap = 0;

	out_init(&o, out, outsz);
	if (sc != NULL)
		*sc = 0;
	trim(&text, &len);
	for (i = 0; i < len; i++) {
		if (is_alnum((unsigned char)text[i])) {
			if (k < 6)
				nl[k] = (char)to_upper((unsigned char)text[i]);
			k++;
		} else if (text[i] != '-' && !is_space((unsigned char)text[i]))
			dutch = 0;
	}
	if (dutch && k == 6) {
		nl[6] = '\0';
		if ((code = sidecode(nl)) != 0) {
			if (sc != NULL)
				*sc = code;
			out_add(&o, nl, 6);
			return out_end(&o, MP_OK);
		}
	}
	/* Foreign: as written. */
	for (i = 0; i < len; i++) {
		if (is_alnum((unsigned char)text[i])) {
			if (gap)
				out_c(&o, ' ');
			gap = 0;
			out_c(&o, (char)to_upper((unsigned char)text[i]));
			digit |= is_digit((unsigned char)text[i]);
			alnum++;
		} else if (text[i] == '-') {
			gap = 0;
			out_c(&o, '-');
		} else if (is_space((unsigned char)text[i]))
			gap = 1;
		else
			return out_end(&o, MP_EINVAL);
	}
	if (alnum < 2 || alnum > 15 || !digit)
		return out_end(&o, MP_EINVAL);
	return out_end(&o, MP_OK);
}

static int
leap(int y)
{

	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* 1 if s is a real date YYYY-MM-DD (years 1900 to 2999). */
static int
valid_date(const char *s)
{
	static const int	 days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int			 y, m, d, i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !is_digit((unsigned char)s[i]))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && leap(y));
}

enum mp_err
mp_subject_person(const char *name, size_t len, const char *dob,
    char *out, size_t outsz)
{
	struct out	 o;
	enum mp_err	 er;

	out_init(&o, out, outsz);
	if (dob != NULL && *dob != '\0' && !valid_date(dob))
		return out_end(&o, MP_EINVAL);
	if ((er = mp_subject_fold(name, len, out, outsz)) != MP_OK)
		return out_end(&o, er);
	o.len = strlen(out);
	if (dob != NULL && *dob != '\0') {
		out_c(&o, '|');
		out_add(&o, dob, 10);
	}
	return out_end(&o, MP_OK);
}

#define PHONE_DIGITS	20

/* 1 if the national number d (after its 0) is a Dutch one we take. */
static int
phone_nl(const char *d, size_t n)
{

	if (n == 9 && d[0] != '0')
		return 1;
	if ((n == 7 || n == 10) && (strncmp(d, "800", 3) == 0 ||
	    strncmp(d, "900", 3) == 0 || strncmp(d, "906", 3) == 0 ||
	    strncmp(d, "909", 3) == 0))
		return 1;
	return 0;
}

enum mp_err
mp_subject_phone(const char *text, size_t len, char *out, size_t outsz)
{
	struct out	 o;
	char		 d[PHONE_DIGITS + 1];
	size_t		 i, n = 0;
	int		 plus = 0;
	const char	*r;

	out_init(&o, out, outsz);
	trim(&text, &len);
	for (i = 0; i < len; i++) {
		if (i == 0 && text[i] == '+') {
			plus = 1;
			continue;
		}
		/* A trunk "(0)" after a country code: +31 (0)6 ... */
		if ((plus || n >= 2) && text[i] == '(' && i + 2 < len &&
		    text[i + 1] == '0' && text[i + 2] == ')' && n > 0) {
			i += 2;
			continue;
		}
		if (is_digit((unsigned char)text[i])) {
			if (n == PHONE_DIGITS)
				return out_end(&o, MP_EINVAL);
			d[n++] = text[i];
		} else if (text[i] != ' ' && text[i] != '-' &&
		    text[i] != '.' && text[i] != '/' && text[i] != '(' &&
		    text[i] != ')')
			return out_end(&o, MP_EINVAL);
	}
	d[n] = '\0';
	r = d;
	if (!plus && n > 2 && d[0] == '0' && d[1] == '0') {
		plus = 1;
		r = d + 2;
	}
	if (!plus) {
		if (n < 2 || d[0] != '0' || !phone_nl(d + 1, n - 1))
			return out_end(&o, MP_EINVAL);
		out_add(&o, "+31", 3);
		out_add(&o, d + 1, n - 1);
		return out_end(&o, MP_OK);
	}
	n = strlen(r);
	if (n >= 2 && r[0] == '3' && r[1] == '1') {
		/* +31 06 ...: the national 0 written after the code. */
		if (n > 2 && r[2] == '0' && phone_nl(r + 3, n - 3)) {
			out_add(&o, "+31", 3);
			out_add(&o, r + 3, n - 3);
			return out_end(&o, MP_OK);
		}
		if (!phone_nl(r + 2, n - 2))
			return out_end(&o, MP_EINVAL);
	} else if (n < 8 || n > 15 || r[0] == '0')
		return out_end(&o, MP_EINVAL);
	out_c(&o, '+');
	out_add(&o, r, n);
	return out_end(&o, MP_OK);
}

/* Characters of a local part we take (subject.h). */
static int
local_char(int c)
{

	return is_alnum(c) || c == '.' || c == '_' || c == '%' ||
	    c == '+' || c == '-' || c == '\'';
}

enum mp_err
mp_subject_email(const char *text, size_t len, char *out, size_t outsz)
{
	struct out	 o;
	const char	*at;
	size_t		 i, local, label = 0, labels = 1, tld = 0;
	int		 tldalpha = 1;

	out_init(&o, out, outsz);
	trim(&text, &len);
	if ((at = memchr(text, '@', len)) == NULL)
		return out_end(&o, MP_EINVAL);
	local = (size_t)(at - text);
	if (local == 0 || local > 64 || text[0] == '.' ||
	    text[local - 1] == '.')
		return out_end(&o, MP_EINVAL);
	for (i = 0; i < local; i++)
		if (!local_char((unsigned char)text[i]) ||
		    (text[i] == '.' && text[i + 1] == '.'))
			return out_end(&o, MP_EINVAL);
	out_add(&o, text, local + 1);
	if (len - local - 1 > 253)
		return out_end(&o, MP_EINVAL);
	for (i = local + 1; i < len; i++) {
		if (text[i] == '.') {
			if (label == 0 || text[i - 1] == '-')
				return out_end(&o, MP_EINVAL);
			labels++;
			label = tld = 0;
			tldalpha = 1;
		} else if (is_alnum((unsigned char)text[i]) ||
		    text[i] == '-') {
			if ((label == 0 && text[i] == '-') || ++label > 63)
				return out_end(&o, MP_EINVAL);
			tld++;
			tldalpha &= is_alpha((unsigned char)text[i]);
		} else
			return out_end(&o, MP_EINVAL);
		out_c(&o, (char)to_lower((unsigned char)text[i]));
	}
	if (labels < 2 || tld < 2 || !tldalpha)
		return out_end(&o, MP_EINVAL);
	return out_end(&o, MP_OK);
}

/* IBAN lengths by country (the SWIFT IBAN registry). */
static const struct {
	char	 cc[3];
	int	 len;
} iban_len[] = {
	{ "AD", 24 }, { "AE", 23 }, { "AL", 28 }, { "AT", 20 },
	{ "BA", 20 }, { "BE", 16 }, { "BG", 22 }, { "CH", 21 },
	{ "CY", 28 }, { "CZ", 24 }, { "DE", 22 }, { "DK", 18 },
	{ "EE", 20 }, { "ES", 24 }, { "FI", 18 }, { "FO", 18 },
	{ "FR", 27 }, { "GB", 22 }, { "GI", 23 }, { "GL", 18 },
	{ "GR", 27 }, { "HR", 21 }, { "HU", 28 }, { "IE", 22 },
	{ "IL", 23 }, { "IS", 26 }, { "IT", 27 }, { "LI", 21 },
	{ "LT", 20 }, { "LU", 20 }, { "LV", 21 }, { "MC", 27 },
	{ "ME", 22 }, { "MK", 19 }, { "MT", 31 }, { "NL", 18 },
	{ "NO", 15 }, { "PL", 28 }, { "PT", 25 }, { "RO", 24 },
	{ "RS", 22 }, { "SA", 24 }, { "SE", 24 }, { "SI", 19 },
	{ "SK", 24 }, { "SM", 27 }, { "TR", 26 }, { "UA", 29 },
	{ "VA", 22 }, { "XK", 20 },
};

#define IBAN_MAX	34

/* 1 if the IBAN s (n upper-case letters and digits) passes mod 97. */
static int
iban_mod97(const char *s, size_t n)
{
	unsigned	 r = 0;
	size_t		 i, k;
	int		 v;

	for (i = 0; i < n; i++) {
		k = (i + 4) % n;
		v = is_digit((unsigned char)s[k]) ? s[k] - '0' :
		    s[k] - 'A' + 10;
		r = v >= 10 ? (r * 100 + (unsigned)v) % 97 :
		    (r * 10 + (unsigned)v) % 97;
	}
	return r == 1;
}

enum mp_err
mp_subject_iban(const char *text, size_t len, char *out, size_t outsz)
{
	struct out	 o;
	char		 s[IBAN_MAX + 1];
	size_t		 i, n = 0;

	out_init(&o, out, outsz);
	for (i = 0; i < len; i++) {
		if (is_space((unsigned char)text[i]))
			continue;
		if (!is_alnum((unsigned char)text[i]) || n == IBAN_MAX)
			return out_end(&o, MP_EINVAL);
		s[n++] = (char)to_upper((unsigned char)text[i]);
	}
	s[n] = '\0';
	if (n < 15 || !is_alpha((unsigned char)s[0]) ||
	    !is_alpha((unsigned char)s[1]) || !is_digit((unsigned char)s[2]) ||
	    !is_digit((unsigned char)s[3]))
		return out_end(&o, MP_EINVAL);
	for (i = 0; i < MP_NELEM(iban_len); i++)
		if (memcmp(s, iban_len[i].cc, 2) == 0)
			break;
	if (i == MP_NELEM(iban_len) || (size_t)iban_len[i].len != n)
		return out_end(&o, MP_EINVAL);
	if (memcmp(s, "NL", 2) == 0) {
		for (i = 4; i < 8; i++)
			if (!is_alpha((unsigned char)s[i]))
				return out_end(&o, MP_EINVAL);
		for (; i < 18; i++)
			if (!is_digit((unsigned char)s[i]))
				return out_end(&o, MP_EINVAL);
	}
	if (!iban_mod97(s, n))
		return out_end(&o, MP_EINVAL);
	out_add(&o, s, n);
	return out_end(&o, MP_OK);
}

enum mp_err
mp_subject_norm(enum mp_subject_kind kind, const char *text, size_t len,
    char *out, size_t outsz)
{

	switch (kind) {
	case MP_SUBJECT_ADDRESS:
		return mp_subject_address(text, len, out, outsz);
	case MP_SUBJECT_COMPANY:
		return mp_subject_company(text, len, out, outsz);
	case MP_SUBJECT_KVK:
		return mp_subject_kvk(text, len, out, outsz);
	case MP_SUBJECT_VEHICLE:
		return mp_subject_vehicle(text, len, out, outsz, NULL);
	case MP_SUBJECT_PERSON:
		return mp_subject_person(text, len, NULL, out, outsz);
	case MP_SUBJECT_PHONE:
		return mp_subject_phone(text, len, out, outsz);
	case MP_SUBJECT_EMAIL:
		return mp_subject_email(text, len, out, outsz);
	case MP_SUBJECT_IBAN:
		return mp_subject_iban(text, len, out, outsz);
	default:
		if (outsz > 0)
			out[0] = '\0';
		return MP_EINVAL;
	}
}

const char *
mp_subject_kind_name(enum mp_subject_kind kind)
{
	static const char *const names[MP_SUBJECT__MAX] = {
		NULL, "adres", "bedrijf", "kvk", "kenteken", "persoon",
		"telefoon", "e-mail", "iban"
	};

	if ((int)kind <= 0 || kind >= MP_SUBJECT__MAX)
		return NULL;
	return names[kind];
}

/*
 * Extraction.  The text is read as words: runs of bytes between white
 * space, commas, semicolons and colons ("KvK:12345678"), with brackets,
 * quotes and final punctuation trimmed from each.  At each word the
 * recognisers look at most WINDOW words ahead; a match consumes its
 * words.  Each recogniser's work is bounded by its window, so the
 * whole is linear in the text.
 */
#define WINDOW		9	/* an IBAN in groups of four: 34 / 4 + 1 */
#define PHONE_WORDS	6
#define KVK_CUE_WORDS	3

struct word {
	size_t	 s, e;		/* the word, trimmed */
	size_t	 end;		/* where it ends in the text, untrimmed */
};

static int
word_sep(int c)
{

	return is_space(c) || c == ',' || c == ';' || c == ':';
}

/* The next word at or after pos: 1, or 0 at the end of the text. */
static int
next_word(const char *t, size_t len, size_t pos, struct word *w)
{
	static const char	 lead[] = "([{<\"'";
	static const char	 tail[] = ".!?)]}>\"'";
	size_t			 s, e;

	while (pos < len && word_sep((unsigned char)t[pos]))
		pos++;
	if (pos == len)
		return 0;
	for (e = pos; e < len && !word_sep((unsigned char)t[e]); e++)
		continue;
	w->end = e;
	for (s = pos; s < e && strchr(lead, t[s]) != NULL; s++)
		continue;
	while (e > s && strchr(tail, t[e - 1]) != NULL)
		e--;
	w->s = s;
	w->e = e;
	return 1;
}

struct extract {
	const char		*t;
	struct word		 w[WINDOW];
	size_t			 nw;
	char			 norm[MP_SUBJECT_NORM_MAX];
	enum mp_subject_kind	 kind;
	size_t			 used;	/* words */
	size_t			 end;	/* byte after the match */
	size_t			 since_cue;
};

static size_t
wlen(const struct extract *x, size_t i)
{

	return x->w[i].e - x->w[i].s;
}

static const char *
wstr(const struct extract *x, size_t i)
{

	return x->t + x->w[i].s;
}

/* 1 if words 0 to j, as they stand in the text, normalise by fn. */
static int
try_span(struct extract *x, size_t j, enum mp_subject_kind kind,
    enum mp_err (*fn)(const char *, size_t, char *, size_t))
{

	if (fn(wstr(x, 0), x->w[j].e - x->w[0].s, x->norm,
	    sizeof(x->norm)) != MP_OK)
		return 0;
	x->kind = kind;
	x->used = j + 1;
	x->end = x->w[j].e;
	return 1;
}

static int
all_alnum(const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!is_alnum((unsigned char)p[i]))
			return 0;
	return n > 0;
}

static int
rec_email(struct extract *x)
{

	return memchr(wstr(x, 0), '@', wlen(x, 0)) != NULL &&
	    try_span(x, 0, MP_SUBJECT_EMAIL, mp_subject_email);
}

static int
rec_iban(struct extract *x)
{
	const char	*p = wstr(x, 0);
	size_t		 i, j, total = 0;

	if (wlen(x, 0) < 4 || !is_alpha((unsigned char)p[0]) ||
	    !is_alpha((unsigned char)p[1]) || !is_digit((unsigned char)p[2]) ||
	    !is_digit((unsigned char)p[3]))
		return 0;
	for (j = 0; j < x->nw; j++) {
		if (!all_alnum(wstr(x, j), wlen(x, j)) ||
		    (j > 0 && wlen(x, j) > 4) ||
		    (total += wlen(x, j)) > IBAN_MAX)
			return 0;
		if (total >= 15 &&
		    try_span(x, j, MP_SUBJECT_IBAN, mp_subject_iban))
			return 1;
		/*
		 * An IBAN of a known country's length that fails its
		 * check: its words are no phone number or anything else.
		 */
		for (i = 0; i < MP_NELEM(iban_len); i++)
			if (strncasecmp(p, iban_len[i].cc, 2) == 0 &&
			    (size_t)iban_len[i].len == total && j > 0) {
				x->kind = 0;
				x->used = j + 1;
				return 1;
			}
	}
	return 0;
}

static int
phone_word(const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!is_digit((unsigned char)p[i]) && strchr("+-./()",
		    p[i]) == NULL)
			return 0;
	return 1;
}

/* The longest run of words from the first that is a phone number. */
static int
rec_phone(struct extract *x)
{
	struct extract	 best;
	size_t		 j;
	int		 found = 0;

	if (wlen(x, 0) == 0 || (wstr(x, 0)[0] != '+' && wstr(x, 0)[0] != '0'))
		return 0;
	for (j = 0; j < x->nw && j < PHONE_WORDS; j++) {
		if (!phone_word(wstr(x, j), wlen(x, j)))
			break;
		if (try_span(x, j, MP_SUBJECT_PHONE, mp_subject_phone)) {
			best = *x;
			found = 1;
		}
	}
	if (found)
		*x = best;
	return found;
}

static int
rec_postcode(struct extract *x)
{
	struct out	 o;
	size_t		 j, last, used;

	last = x->nw < 4 ? x->nw - 1 : 3;
	out_init(&o, x->norm, sizeof(x->norm));
	used = postcode_house(wstr(x, 0), x->w[last].e - x->w[0].s, 0, &o);
	if (used == 0 || o.over)
		return 0;
	x->kind = MP_SUBJECT_ADDRESS;
	x->end = x->w[0].s + used;
	for (j = 0; j <= last && x->w[j].s < x->end; j++)
		continue;
	x->used = j;
	return 1;
}

/* 1 if alnum position k (0 to 6) is a group boundary of side code sc. */
static int
plate_boundary(int sc, size_t k)
{
	const unsigned char	*g = sidecode_groups[sc - 1];

	return k == g[0] || k == (size_t)g[0] + g[1];
}

/* 1 if p is capitals and digits only. */
static int
all_upper(const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (!is_digit((unsigned char)p[i]) &&
		    (p[i] < 'A' || p[i] > 'Z'))
			return 0;
	return n > 0;
}

/*
 * A plate: one word of letters, digits and dashes at the side code's
 * group boundaries ("12-ABC-3", "12abc3"), or three words in capitals
 * that are its groups ("12 ABC 3"): Dutch is full of short words and
 * numbers ("in 12 de", "en 1234") that would otherwise be plates.  A
 * postcode written as one ("1234AB", side code 2's shape) is not taken
 * for a plate without its dashes.
 */
static int
rec_plate(struct extract *x)
{
	char		 p[7], pc[7];
	size_t		 i, j, k = 0, cut[6], ncut = 0, n, span;
	const char	*s;
	int		 sc;

	for (j = 0; j < x->nw && j < 3; j++) {
		s = wstr(x, j);
		n = wlen(x, j);
		if (j > 0) {
			/* The next group: one space on, nothing trimmed. */
			if (x->w[j - 1].e != x->w[j - 1].end ||
			    x->w[j].s != x->w[j - 1].end + 1 ||
			    x->t[x->w[j - 1].end] != ' ' || !all_upper(s, n))
				return 0;
			cut[ncut++] = k;
		}
		for (i = 0; i < n; i++) {
			if (s[i] == '-' && j == 0 && i > 0 && i + 1 < n &&
			    s[i + 1] != '-' && ncut < 2)
				cut[ncut++] = k;
			else if (is_alnum((unsigned char)s[i]) && k < 6)
				p[k++] = (char)to_upper((unsigned char)s[i]);
			else
				return 0;
		}
		if (k == 6)
			break;
	}
	/* Written in groups: three, in capitals, as on the plate. */
	if (k != 6 || (j > 0 && (j != 2 || !all_upper(wstr(x, 0),
	    wlen(x, 0)))))
		return 0;
	/* ... and not the start of a longer row of groups ("AB 12 34 5"). */
	if (j == 2 && x->nw > 3 && x->w[2].e == x->w[2].end &&
	    x->w[3].s == x->w[2].end + 1 && x->t[x->w[2].end] == ' ' &&
	    wlen(x, 3) <= 3 && all_upper(wstr(x, 3), wlen(x, 3)))
		return 0;
	p[6] = '\0';
	if ((sc = sidecode(p)) == 0)
		return 0;
	for (i = 0; i < ncut; i++)
		if (!plate_boundary(sc, cut[i]))
			return 0;
	span = x->w[j].e - x->w[0].s;
	if (sc == 2 && postcode(wstr(x, 0), span, pc) == span)
		return 0;
	memcpy(x->norm, p, sizeof(p));
	x->kind = MP_SUBJECT_VEHICLE;
	x->used = j + 1;
	x->end = x->w[j].e;
	return 1;
}

/* A KvK cue: "kvk" anywhere in the word, or a word for the number. */
static int
kvk_cue(const char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i + 3 <= n; i++)
		if (to_lower((unsigned char)p[i]) == 'k' &&
		    to_lower((unsigned char)p[i + 1]) == 'v' &&
		    to_lower((unsigned char)p[i + 2]) == 'k')
			return 1;
	return (n >= 16 && strncasecmp(p, "vestigingsnummer", 16) == 0) ||
	    (n >= 15 && strncasecmp(p, "handelsregister", 15) == 0);
}

static int
rec_kvk(struct extract *x)
{

	if (x->since_cue > KVK_CUE_WORDS)
		return 0;
	if (wlen(x, 0) == 0 || !is_digit((unsigned char)wstr(x, 0)[0]))
		return 0;
	return try_span(x, 0, MP_SUBJECT_KVK, mp_subject_kvk);
}

static int (*const recognisers[])(struct extract *) = {
	rec_email, rec_iban, rec_phone, rec_postcode, rec_plate, rec_kvk
};

/* 1 if kind and norm are among found[0 .. n). */
static int
already(const struct mp_subject_found *found, size_t n,
    enum mp_subject_kind kind, const char *norm)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (found[i].kind == kind && strcmp(found[i].norm, norm) == 0)
			return 1;
	return 0;
}

enum mp_err
mp_subject_extract(const char *text, size_t len,
    struct mp_subject_found *found, size_t max, size_t *n, int *cutoff)
{
	struct extract	 x;
	size_t		 pos = 0, i, r;

	*n = 0;
	*cutoff = 0;
	if (found == NULL && max > 0)
		return MP_EINVAL;
	if (text == NULL)
		return MP_OK;
	memset(&x, 0, sizeof(x));
	x.t = text;
	x.since_cue = KVK_CUE_WORDS + 1;
	for (;;) {
		for (x.nw = 0; x.nw < WINDOW; x.nw++)
			if (!next_word(text, len, x.nw == 0 ? pos :
			    x.w[x.nw - 1].end, &x.w[x.nw]))
				break;
		if (x.nw == 0)
			break;
		x.used = 0;
		x.kind = 0;
		for (r = 0; r < MP_NELEM(recognisers); r++)
			if (recognisers[r](&x))
				break;
		if (x.used > 0 && x.kind != 0 &&
		    !already(found, *n, x.kind, x.norm)) {
			if (*n == max) {
				*cutoff = 1;
				break;
			}
			found[*n].kind = x.kind;
			found[*n].off = x.w[0].s;
			found[*n].len = x.end - x.w[0].s;
			memcpy(found[*n].norm, x.norm, sizeof(x.norm));
			(*n)++;
		}
		if (x.used == 0)
			x.used = 1;
		for (i = 0; i < x.used; i++)
			x.since_cue = kvk_cue(wstr(&x, i), wlen(&x, i)) ? 0 :
			    x.since_cue + 1;
		pos = x.w[x.used - 1].end;
	}
	return MP_OK;
}

/*
 * The SQL.  subject rows are made by mp_subject_upsert and deleted
 * only by sql/028's trigger, when their last link goes.
 */
/* A report r's visibility (2 parameters) and, if visible, its content. */
#define REL_VIS	"({visible})"
/*
 * For STMT_REPORTS_OF: a report's content only where visible, so that
 * a page cannot leak it.
 */
#define REL_CONTENT \
	"IF(" REL_VIS ", r.reference, '') AS reference," \
	" IF(" REL_VIS ", st.name, '') AS type," \
	" IF(" REL_VIS ", r.status, '') AS status," \
	" IF(" REL_VIS ", UNIX_TIMESTAMP(r.received_at), 0) AS received"

/*
 * STMT_RELATED: the shared subjects, then the nearby addresses
 * (postcode form "1234AB 12 ...": the same first 7 bytes, another
 * number), with vis the visibility rule.  Content only where visible: a
 * page cannot leak it.
 *
 * The links are found, ordered and cut to the limit in report_subject
 * alone: its copies of the report's team, time and signal type
 * (sql/035, kept by triggers in the report's own transaction) are in
 * report_subject_hot with the key, so the visibility rule (which reads
 * r.team_id: the link is "r" here) and the order need no report row.
 * Only a visible link then reads its report, for the reference and
 * status (the outer LEFT JOIN's "x.vis AND"): for a handler of one team
 * in eight, a report row for one link in eight, where every link read
 * one before; on a buffer pool smaller than the data, half the time
 * (docs/architecture.md, "The links without the reports").
 *
 * The nearby branch in the order written (STRAIGHT_JOIN), s2 by
 * sql/033's postcode column: the range on s2 depends on s, so MariaDB
 * saw no index for it and began at signal_type and report, joining
 * every report of the database to its subjects (110 to 150 ms a page at
 * 30,000 reports; under 0.3 ms so, ANALYZE in docs/architecture.md).
 * The range stays as the rule; the equality on postcode is the index,
 * and implied by it for every normal form mp_subject_norm makes (the
 * postcode form always has a number after "1234AB ").
 */
#define REL_ORDER(x) \
	" ORDER BY " x "near, " x "kind, " x "id," \
	" IF(" x "vis, " x "received, 0) DESC, " x "rid DESC"
#define RELATED(vis) \
	"SELECT x.id, x.kind, x.display, x.rid, x.near, x.vis," \
	" IF(x.vis, rr.reference, ''), IF(x.vis, st.name, '')," \
	" IF(x.vis, rr.status, '')," \
	" IF(x.vis, UNIX_TIMESTAMP(x.received), 0) FROM (" \
	"SELECT s.id, s.kind, s.display, r.report_id AS rid, 0 AS near," \
	" " vis " AS vis, r.received_at AS received," \
	" r.signal_type_id AS stype" \
	" FROM report_subject me JOIN subject s ON s.id = me.subject_id" \
	" JOIN report_subject r ON r.subject_id = me.subject_id" \
	" AND r.report_id <> me.report_id" \
	" AND (r.confirmed = 1 OR r.source = 1)" \
	" WHERE me.report_id = ? AND (me.confirmed = 1 OR me.source = 1)" \
	" UNION ALL " \
	"SELECT STRAIGHT_JOIN s2.id, s2.kind, s2.display, r.report_id, 1," \
	" " vis ", r.received_at, r.signal_type_id" \
	" FROM report_subject me JOIN subject s ON s.id = me.subject_id" \
	" AND s.kind = 1" \
	" AND s.norm REGEXP '^[0-9][0-9][0-9][0-9][A-Z][A-Z] '" \
	/* A range on subject_norm: after "1234AB " comes a digit. */ \
	" JOIN subject s2 ON s2.postcode = s.postcode AND s2.kind = 1" \
	" AND s2.norm >= LEFT(s.norm, 7)" \
	" AND s2.norm < CONCAT(LEFT(s.norm, 7), ':')" \
	" AND SUBSTRING_INDEX(SUBSTRING(s2.norm, 8), ' ', 1) <>" \
	" SUBSTRING_INDEX(SUBSTRING(s.norm, 8), ' ', 1)" \
	" JOIN report_subject r ON r.subject_id = s2.id" \
	" AND r.report_id <> me.report_id" \
	" AND (r.confirmed = 1 OR r.source = 1)" \
	" WHERE me.report_id = ? AND (me.confirmed = 1 OR me.source = 1)" \
	REL_ORDER("") " LIMIT ?) x" \
	" LEFT JOIN report rr ON x.vis AND rr.id = x.rid" \
	" LEFT JOIN signal_type st ON x.vis AND st.id = x.stype" \
	REL_ORDER("x.")

/*
 * The rows of a batch of reports' subjects (mp_subject_store_batch):
 * one JSON array of [report, kind, norm, display, source], read by
 * JSON_TABLE as intake_store() reads a report's answers (sql/061).  A
 * row that does not fit its column fails the statement, as a bad value
 * would fail the row's own INSERT.
 */
#define BATCH_ROWS \
	"JSON_TABLE(?, '$[*]' COLUMNS (" \
	" report BIGINT UNSIGNED PATH '$[0]' ERROR ON EMPTY ERROR ON ERROR," \
	" kind TINYINT UNSIGNED PATH '$[1]' ERROR ON EMPTY ERROR ON ERROR," \
	" norm VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" \
	"  PATH '$[2]' ERROR ON EMPTY ERROR ON ERROR," \
	" display VARCHAR(255) CHARACTER SET utf8mb4" \
	"  PATH '$[3]' ERROR ON EMPTY ERROR ON ERROR," \
	" source TINYINT UNSIGNED PATH '$[4]' ERROR ON EMPTY ERROR ON ERROR" \
	")) j"
/*
 * The JSON of a batch stays under MariaDB's default max_allowed_packet
 * (16 MB); a batch with more (reports with a thousand subjects each)
 * fails with MP_ETOOBIG, and the caller stores its reports one by one.
 */
#define BATCH_JSON_MAX	(8 * 1024 * 1024)
#define BATCH_NOT_REFUSED \
	"NOT EXISTS (SELECT 1 FROM report_subject_refused f" \
	" WHERE f.report_id = j.report AND f.kind = j.kind" \
	" AND f.norm = j.norm)"

enum stmt {
	STMT_UPSERT,
	STMT_LINK,
	STMT_UNLINK,
	STMT_LIST,
	STMT_REPORTS,
	STMT_CONFIRM,
	STMT_COUNT,
	STMT_GET,
	STMT_RELATED,
	STMT_RELATED_TEAMS,
	STMT_REPORTS_OF,
	STMT_LINK_OWN,
	STMT_HOT_COUNT,		/* the next seven in this order */
	STMT_HOT_LATEST,
	STMT_HOT_COUNT_TEAMS,
	STMT_HOT_LATEST_TEAMS,
	STMT_HOT_COUNT_LONG,
	STMT_HOT_LATEST_LONG,
	STMT_HOT_COUNT_TEAMS_LONG,
	STMT_HOT_LATEST_TEAMS_LONG,
	STMT_SHARED,
	STMT_REFUSE,
	STMT_UNREFUSE,
	STMT_REFUSED,
	STMT_BATCH_UPSERT,
	STMT_BATCH_LINK,
	STMT__MAX
};

/*
 * The hotspots (mp_subject_hotspots).  Only the sure links of a subject
 * with two or more of them can count, and subject_hot_link holds
 * exactly those (sql/056, kept by triggers), with the copies of their
 * report's time, signal type and team (sql/035): the period, the
 * signal type and the visibility rule are tested in that table alone,
 * grouped per subject in one pass.  Before, a dive per subject with two
 * or more sure links into report_subject_hot: 1.6 s for a year at a
 * million reports as the coordinator (bench/dashboard run 11), where
 * one pass over the table is what a year costs
 * (docs/architecture.md).  The visibility rule reads r.team_id, so
 * the link is "r" here.  For a handler the teams go in as values
 * (mp_access_sql_in_teams, as the work list does).  Only the grouped
 * subjects with two or more reports in the period are joined to
 * subject (the outer STRAIGHT_JOIN), so a kind filter costs a lookup
 * per hotspot, not per link.  COUNT(*) counts reports: (subject_id,
 * report_id) is the primary key.
 */
#define HOT_SELECT(index, visible, order) \
	"SELECT STRAIGHT_JOIN s.id, s.kind, s.norm, s.display, h.n," \
	" DATE_FORMAT(h.latest, '%Y-%m-%d')" \
	" FROM (SELECT r.subject_id, COUNT(*) AS n," \
	" MAX(r.received_at) AS latest" \
	" FROM subject_hot_link r FORCE INDEX (" index ")" \
	" WHERE r.received_at >= ? AND r.received_at < ? + INTERVAL 1 DAY" \
	" AND (? IS NULL OR r.signal_type_id = ?)" \
	" AND " visible \
	" AND (? IS NULL OR r.kind = ?)" \
	" GROUP BY r.subject_id HAVING COUNT(*) >= 2" \
	" ORDER BY " order " LIMIT ? OFFSET ?) h" \
	" JOIN subject s ON s.id = h.subject_id ORDER BY " order
#define HOT_BY_COUNT	"n DESC, latest DESC, subject_id"
#define HOT_BY_LATEST	"latest DESC, n DESC, subject_id"
#define HOT_LONG	"subject_hot_link_subject"
#define HOT_SHORT	"subject_hot_link_period"
/*
 * A period from this many days on is read by subject (the whole
 * table, grouped as it is read: 65-75 ms at a million reports, 128,255
 * rows), a shorter one by its range of subject_hot_link_period, then
 * grouped in a temporary table (a year that way: 157 ms).
 */
#define HOT_LONG_DAYS	120

static const char *const stmts[STMT__MAX] = {
	/* STMT_UPSERT: the id, new or existing, by LAST_INSERT_ID. */
	"INSERT INTO subject (kind, norm, display, created_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)",
	/* STMT_LINK */
	"INSERT INTO report_subject (report_id, subject_id, source,"
	" confirmed, created_by, created_at)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE"
	" confirmed = GREATEST(confirmed, VALUES(confirmed)),"
	/*
	 * A handler who adds what the system linked vouches for it: the
	 * link becomes the handler's, so that a re-index after an edit
	 * (mp_subject_reindex) keeps it.  created_by before source: the
	 * assignments run in order, each seeing the one before.
	 */
	" created_by = IF(VALUES(source) = 3 AND source <> 3,"
	" VALUES(created_by), created_by),"
	" source = IF(VALUES(source) = 3, 3, source)",
	/* STMT_UNLINK */
	"DELETE FROM report_subject WHERE report_id = ? AND subject_id = ?",
	/* STMT_LIST */
	"SELECT s.id, s.kind, s.norm, s.display, rs.source, rs.confirmed,"
	" rs.created_by, UNIX_TIMESTAMP(rs.created_at)"
	" FROM report_subject rs JOIN subject s ON s.id = rs.subject_id"
	" WHERE rs.report_id = ? ORDER BY s.kind, s.norm",
	/* STMT_REPORTS */
	"SELECT o.report_id, o.subject_id"
	" FROM report_subject me"
	" JOIN report_subject o ON o.subject_id = me.subject_id"
	" AND o.report_id <> me.report_id"
	" JOIN report r ON r.id = o.report_id"
	" WHERE me.report_id = ?"
	" ORDER BY r.received_at DESC, r.id DESC, o.subject_id LIMIT ?",
	/* STMT_CONFIRM */
	"UPDATE report_subject SET confirmed = 1"
	" WHERE report_id = ? AND subject_id = ? AND confirmed = 0",
	/* STMT_COUNT */
	"SELECT COUNT(*) FROM report_subject WHERE report_id = ?",
	/* STMT_GET */
	"SELECT kind, display FROM subject WHERE id = ?",
	/* STMT_RELATED: RELATED's comment. */
	RELATED(REL_VIS),
	/*
	 * STMT_RELATED_TEAMS: the same for a user whose teams go in as
	 * values (mp_access_sql_in_teams): no subquery of the teams per
	 * branch, which MariaDB plans anew at every execution (ANALYZE at
	 * a million: 3.2 to 2.4 ms a page, bench/README.md).
	 */
	RELATED("({in_teams})"),
	/* STMT_REPORTS_OF */
	"SELECT s.id, s.kind, s.display, r.id, 0, " REL_VIS ", "
	REL_CONTENT ", rs.confirmed, rs.source"
	" FROM report_subject rs JOIN subject s ON s.id = rs.subject_id"
	" JOIN report r ON r.id = rs.report_id"
	" JOIN signal_type st ON st.id = r.signal_type_id"
	" WHERE rs.subject_id = ?"
	" ORDER BY r.received_at DESC, r.id DESC LIMIT ?",
	/*
	 * STMT_LINK_OWN: upsert and link for the report intake_store()
	 * stored just now on this connection (sql/029's function refuses
	 * any other); the row holds the subject's id.  It writes although
	 * it reads "SELECT": only under mp_db_txn.
	 */
	"SELECT intake_subject_link(?, ?, ?, ?)",
	/* STMT_HOT_COUNT ... STMT_HOT_LATEST_TEAMS_LONG */
	HOT_SELECT(HOT_SHORT, "{visible}", HOT_BY_COUNT),
	HOT_SELECT(HOT_SHORT, "{visible}", HOT_BY_LATEST),
	HOT_SELECT(HOT_SHORT, "{in_teams}", HOT_BY_COUNT),
	HOT_SELECT(HOT_SHORT, "{in_teams}", HOT_BY_LATEST),
	HOT_SELECT(HOT_LONG, "{visible}", HOT_BY_COUNT),
	HOT_SELECT(HOT_LONG, "{visible}", HOT_BY_LATEST),
	HOT_SELECT(HOT_LONG, "{in_teams}", HOT_BY_COUNT),
	HOT_SELECT(HOT_LONG, "{in_teams}", HOT_BY_LATEST),
	/* STMT_SHARED: sql/031's view, for the export's account. */
	"SELECT kind, norm, display FROM export_subject"
	" WHERE report_id = ? ORDER BY kind, norm",
	/*
	 * STMT_REFUSE: the subject of one of the report's links, by kind
	 * and normal form (sql/032), before the link goes.  IGNORE: a
	 * refusal there already is the same refusal (and the dashboard
	 * has no UPDATE on the table, which ON DUPLICATE KEY would need).
	 */
	"INSERT IGNORE INTO report_subject_refused (report_id, kind, norm,"
	" created_by, created_at)"
	" SELECT rs.report_id, s.kind, s.norm, ?, UTC_TIMESTAMP()"
	" FROM report_subject rs JOIN subject s ON s.id = rs.subject_id"
	" WHERE rs.report_id = ? AND rs.subject_id = ?",
	/* STMT_UNREFUSE */
	"DELETE FROM report_subject_refused"
	" WHERE report_id = ? AND kind = ? AND norm = ?",
	/* STMT_REFUSED: by the primary key's range. */
	"SELECT kind, norm FROM report_subject_refused WHERE report_id = ?"
	" LIMIT 10000",
	/*
	 * STMT_BATCH_UPSERT, STMT_BATCH_LINK: mp_subject_store_batch's,
	 * STMT_UPSERT and STMT_LINK for the rows of a JSON array (its
	 * comment), less what a handler removed from each report.
	 */
	"INSERT INTO subject (kind, norm, display, created_at)"
	" SELECT j.kind, j.norm, j.display, UTC_TIMESTAMP()"
	" FROM " BATCH_ROWS
	" WHERE " BATCH_NOT_REFUSED
	" ON DUPLICATE KEY UPDATE id = subject.id",
	"INSERT INTO report_subject (report_id, subject_id, source,"
	" confirmed, created_by, created_at)"
	" SELECT j.report, s.id, j.source, j.source = 1, NULL,"
	" UTC_TIMESTAMP()"
	" FROM " BATCH_ROWS
	" JOIN subject s ON s.kind = j.kind AND s.norm = j.norm"
	" WHERE " BATCH_NOT_REFUSED
	" ON DUPLICATE KEY UPDATE"
	" confirmed = GREATEST(report_subject.confirmed, VALUES(confirmed))",
};

/* STMT_REFUSED's columns. */
enum fcol {
	FC_KIND,
	FC_NORM
};

/* STMT_SHARED's columns. */
enum scol {
	SC_KIND,
	SC_NORM,
	SC_DISPLAY
};

/* The columns of STMT_HOT_*. */
enum hcol {
	HC_ID,
	HC_KIND,
	HC_NORM,
	HC_DISPLAY,
	HC_REPORTS,
	HC_LATEST
};

/*
 * The visibility rule (access.h) in STMT_RELATED, STMT_REPORTS_OF and
 * STMT_HOT_*, and for a handler's hotspots the teams as values.
 */
static const struct mp_sqltext_part parts[] = {
	{ "visible", mp_access_sql_visible },
	{ "in_teams", mp_access_sql_in_teams },
	{ NULL, NULL }
};

struct mp_sqltext_set mp_subject_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&mp_subject_sql, (s))

/* STMT_LIST's columns. */
enum lcol {
	LC_ID,
	LC_KIND,
	LC_NORM,
	LC_DISPLAY,
	LC_SOURCE,
	LC_CONFIRMED,
	LC_USER,
	LC_CREATED
};

/* STMT_REPORTS' columns. */
enum rcol {
	RC_REPORT,
	RC_SUBJECT
};

#define DISPLAY_CHARS	255	/* subject.display is VARCHAR(255) */

/* The bytes of at most DISPLAY_CHARS characters of UTF-8 text s. */
static size_t
display_len(const char *s)
{
	size_t	 i = 0, chars = 0;

	while (s[i] != '\0' && chars < DISPLAY_CHARS) {
		i++;
		while ((s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	return i;
}

/* STMT_COUNT's column. */
enum ccol { CC_N };

/* STMT_GET's columns. */
enum gcol { GC_KIND, GC_DISPLAY };

/* The columns of STMT_RELATED and STMT_REPORTS_OF (the last two). */
enum xcol {
	XC_SUBJECT,
	XC_KIND,
	XC_DISPLAY,
	XC_REPORT,
	XC_NEAR,
	XC_VIS,
	XC_REFERENCE,
	XC_TYPE,
	XC_STATUS,
	XC_RECEIVED,
	XC_CONFIRMED,
	XC_SOURCE
};

enum mp_err
mp_subject_upsert(struct mp_db *db, enum mp_subject_kind kind,
    const char *norm, const char *display, long long *id)
{
	struct mp_dbval		 v[3];
	unsigned long long	 newid = 0;
	enum mp_err		 er;

	*id = 0;
	if ((int)kind <= 0 || kind >= MP_SUBJECT__MAX || norm == NULL ||
	    *norm == '\0' || strlen(norm) >= MP_SUBJECT_NORM_MAX)
		return MP_EINVAL;
	if (display == NULL || *display == '\0')
		display = norm;
	v[0] = MP_DBINT(kind);
	v[1] = MP_DBTEXT(norm);
	v[2] = MP_DBTEXTN(display, display_len(display));
	if ((er = mp_db_exec(db, SQL(STMT_UPSERT), v, 3, NULL, &newid)) !=
	    MP_OK)
		return er;
	*id = (long long)newid;
	return MP_OK;
}

enum mp_err
mp_subject_link(struct mp_db *db, long long report, long long subject,
    enum mp_subject_source source, int confirmed, long long user)
{
	struct mp_dbval	 v[5];

	if ((int)source <= 0 || source >= MP_SUBJECT_SOURCE__MAX)
		return MP_EINVAL;
	v[0] = MP_DBINT(report);
	v[1] = MP_DBINT(subject);
	v[2] = MP_DBINT(source);
	v[3] = MP_DBINT(confirmed != 0);
	v[4] = user > 0 ? MP_DBINT(user) : MP_DBNULL();
	return mp_db_exec(db, SQL(STMT_LINK), v, 5, NULL, NULL);
}

/*
 * Run statement s on the link of report and subject: MP_ENOTFOUND when
 * it changed no row (no such link, or nothing to change).
 */
static enum mp_err
exec_link(struct mp_db *db, enum stmt s, long long report, long long subject)
{
	struct mp_dbval		 v[2];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	v[0] = MP_DBINT(report);
	v[1] = MP_DBINT(subject);
	if ((er = mp_db_exec(db, SQL(s), v, 2, &n, NULL)) != MP_OK)
		return er;
	return n == 0 ? MP_ENOTFOUND : MP_OK;
}

enum mp_err
mp_subject_unlink(struct mp_db *db, long long report, long long subject)
{

	return exec_link(db, STMT_UNLINK, report, subject);
}

enum mp_err
mp_subject_list_for_report(struct mp_db *db, long long report,
    mp_subject_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_subject_link	 l;
	struct mp_dbval		 v[1];
	enum mp_err		 er;

	v[0] = MP_DBINT(report);
	if ((er = mp_db_query(db, &st, SQL(STMT_LIST), v, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		l.subject = mp_db_int(st, LC_ID);
		l.kind = (enum mp_subject_kind)mp_db_int(st, LC_KIND);
		l.norm = mp_db_text(st, LC_NORM, NULL);
		l.display = mp_db_text(st, LC_DISPLAY, NULL);
		l.source = (enum mp_subject_source)mp_db_int(st, LC_SOURCE);
		l.confirmed = mp_db_int(st, LC_CONFIRMED) != 0;
		l.user = mp_db_int(st, LC_USER);
		l.created = mp_db_int(st, LC_CREATED);
		fn(&l, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_subject_reports(struct mp_db *db, long long report, unsigned limit,
    mp_subject_report_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2];
	enum mp_err	 er;

	if (limit < 1 || limit > 1000)
		return MP_EINVAL;
	v[0] = MP_DBINT(report);
	v[1] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, SQL(STMT_REPORTS), v, 2)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, RC_REPORT), mp_db_int(st, RC_SUBJECT),
		    arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* Every row, for a streamed export: more than any database holds. */
#define HOT_ALL		4000000000LL

/* Days from from to to (jjjj-mm-dd, checked by the caller); 0 if not. */
static long long
hot_days(const char *from, const char *to)
{
	int	 y0, m0, d0, y1, m1, d1;

	if (sscanf(from, "%4d-%2d-%2d", &y0, &m0, &d0) != 3 ||
	    sscanf(to, "%4d-%2d-%2d", &y1, &m1, &d1) != 3)
		return 0;
	return mp_nltime_days(y1, m1, d1) - mp_nltime_days(y0, m0, d0);
}

enum mp_err
mp_subject_hotspots(struct mp_db *db, const struct mp_user *user,
    const struct mp_subject_hotspot_q *q, mp_subject_hotspot_fn fn,
    void *arg)
{
	struct mp_stmt			*st;
	struct mp_subject_hotspot	 h;
	struct mp_dbval			 v[4 + MP_ACCESS_TEAMS_MAX + 4];
	size_t				 n = 4;
	int				 teams = 0;
	enum stmt			 s;
	enum mp_err			 er;

	if (q->from == NULL || q->to == NULL || (int)q->kind < 0 ||
	    q->kind >= MP_SUBJECT__MAX || q->limit > 1000)
		return MP_EINVAL;
	v[0] = MP_DBTEXT(q->from);
	v[1] = MP_DBTEXT(q->to);
	v[2] = v[3] = q->type > 0 ? MP_DBINT(q->type) : MP_DBNULL();
	if (!mp_role_can(user->role, MP_PERM_REPORT_ALL))
		mp_access_report_teams(user, &v[n], &teams);
	if (!teams)
		mp_access_report_params(user, &v[n]);
	n += teams ? MP_ACCESS_TEAMS_MAX : 2;
	v[n] = v[n + 1] = q->kind > 0 ? MP_DBINT(q->kind) : MP_DBNULL();
	v[n + 2] = MP_DBINT(q->limit > 0 ? (long long)q->limit : HOT_ALL);
	v[n + 3] = MP_DBINT(q->offset);
	s = (enum stmt)(STMT_HOT_COUNT + (q->by_latest ? 1 : 0) +
	    (teams ? 2 : 0) +
	    (hot_days(q->from, q->to) >= HOT_LONG_DAYS ? 4 : 0));
	er = (q->limit > 0 ? mp_db_query : mp_db_query_stream)(db, &st,
	    SQL(s), v, n + 4);
	if (er != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		h.subject = mp_db_int(st, HC_ID);
		h.kind = (enum mp_subject_kind)mp_db_int(st, HC_KIND);
		h.norm = mp_db_text(st, HC_NORM, NULL);
		h.display = mp_db_text(st, HC_DISPLAY, NULL);
		h.reports = mp_db_int(st, HC_REPORTS);
		h.latest = mp_db_text(st, HC_LATEST, NULL);
		if ((er = fn(&h, arg)) != MP_OK)
			break;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_subject_list_shared(struct mp_db *db, long long report,
    mp_subject_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_subject_link	 l;
	struct mp_dbval		 v[1];
	enum mp_err		 er;

	memset(&l, 0, sizeof(l));
	v[0] = MP_DBINT(report);
	if ((er = mp_db_query(db, &st, SQL(STMT_SHARED), v, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		l.kind = (enum mp_subject_kind)mp_db_int(st, SC_KIND);
		l.norm = mp_db_text(st, SC_NORM, NULL);
		l.display = mp_db_text(st, SC_DISPLAY, NULL);
		fn(&l, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_subject_confirm(struct mp_db *db, long long report, long long subject)
{

	return exec_link(db, STMT_CONFIRM, report, subject);
}

enum mp_err
mp_subject_count(struct mp_db *db, long long report, long long *n)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	*n = 0;
	v[0] = MP_DBINT(report);
	if ((er = mp_db_query(db, &st, SQL(STMT_COUNT), v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		*n = mp_db_int(st, CC_N);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_subject_get(struct mp_db *db, long long id, enum mp_subject_kind *kind,
    char *display, size_t sz)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	*kind = 0;
	display[0] = '\0';
	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, SQL(STMT_GET), v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		*kind = (enum mp_subject_kind)mp_db_int(st, GC_KIND);
		(void)snprintf(display, sz, "%s", mp_db_text(st,
		    GC_DISPLAY, NULL));
	}
	mp_db_done(st);
	return er;
}

/* Run STMT_RELATED or STMT_REPORTS_OF, one row at a time into fn. */
static enum mp_err
rep_rows(struct mp_db *db, enum stmt s, struct mp_dbval *v, size_t nv,
    mp_subject_rep_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_subject_rep	 x;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, SQL(s), v, nv)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		memset(&x, 0, sizeof(x));
		x.subject = mp_db_int(st, XC_SUBJECT);
		x.kind = (enum mp_subject_kind)mp_db_int(st, XC_KIND);
		x.display = mp_db_text(st, XC_DISPLAY, NULL);
		x.report = mp_db_int(st, XC_REPORT);
		x.nearby = mp_db_int(st, XC_NEAR) != 0;
		x.visible = mp_db_int(st, XC_VIS) != 0;
		x.reference = x.visible ? mp_db_text(st, XC_REFERENCE,
		    NULL) : "";
		x.type = x.visible ? mp_db_text(st, XC_TYPE, NULL) : "";
		x.status = x.visible ? mp_db_text(st, XC_STATUS, NULL) : "";
		x.received = x.visible ? mp_db_int(st, XC_RECEIVED) : 0;
		if (s == STMT_REPORTS_OF) {
			x.confirmed = mp_db_int(st, XC_CONFIRMED) != 0;
			x.source = (enum mp_subject_source)mp_db_int(st,
			    XC_SOURCE);
		}
		fn(&x, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_subject_related(struct mp_db *db, long long report,
    const struct mp_dbval *vis, size_t nvis, unsigned limit,
    mp_subject_rep_fn fn, void *arg)
{
	struct mp_dbval	 v[2 * (MP_ACCESS_TEAMS_MAX + 1) + 1];
	size_t		 n = 0, b, i;

	if (limit < 1 || limit > 1000 ||
	    (nvis != 2 && nvis != MP_ACCESS_TEAMS_MAX))
		return MP_EINVAL;
	/* Each branch: the rule's values once, then the report. */
	for (b = 0; b < 2; b++) {
		for (i = 0; i < nvis; i++)
			v[n++] = vis[i];
		v[n++] = MP_DBINT(report);
	}
	v[n++] = MP_DBINT(limit);
	return rep_rows(db, nvis == 2 ? STMT_RELATED : STMT_RELATED_TEAMS,
	    v, n, fn, arg);
}

enum mp_err
mp_subject_reports_of(struct mp_db *db, long long subject,
    const struct mp_dbval *vis, unsigned limit, mp_subject_rep_fn fn,
    void *arg)
{
	struct mp_dbval	 v[12];
	size_t		 i, n = 0;

	if (limit < 1 || limit > 1000)
		return MP_EINVAL;
	for (i = 0; i < 5; i++) {
		v[n++] = vis[0];
		v[n++] = vis[1];
	}
	v[n++] = MP_DBINT(subject);
	v[n++] = MP_DBINT(limit);
	return rep_rows(db, STMT_REPORTS_OF, v, n, fn, arg);
}

/* The kinds a search tries, in the order of their parameters. */
static const enum mp_subject_kind search_kinds[MP_SUBJECT_SEARCH_MAX] = {
	MP_SUBJECT_ADDRESS, MP_SUBJECT_KVK, MP_SUBJECT_VEHICLE,
	MP_SUBJECT_PHONE, MP_SUBJECT_EMAIL, MP_SUBJECT_IBAN
};

void
mp_subject_search(const char *q, size_t len, struct mp_subject_search *s)
{
	size_t	 i;

	s->n = 0;
	for (i = 0; i < MP_SUBJECT_SEARCH_MAX; i++)
		if (mp_subject_norm(search_kinds[i], q, len, s->norm[s->n],
		    sizeof(s->norm[s->n])) == MP_OK)
			s->kind[s->n++] = search_kinds[i];
}

/*
 * One (kind, norm) pair per kind: an OR of equalities on the unique
 * key, which MariaDB reads as that many point ranges (a NULL pair is
 * an empty one).
 */
#define SEARCH_PAIR	"(s.kind = ? AND s.norm = ?)"
const char mp_subject_sql_search[] =
	"SELECT rs.report_id FROM subject s"
	" JOIN report_subject rs ON rs.subject_id = s.id"
	" WHERE " SEARCH_PAIR " OR " SEARCH_PAIR " OR " SEARCH_PAIR
	" OR " SEARCH_PAIR " OR " SEARCH_PAIR " OR " SEARCH_PAIR;

void
mp_subject_search_params(const struct mp_subject_search *s,
    struct mp_dbval v[2 * MP_SUBJECT_SEARCH_MAX])
{
	size_t	 i;

	for (i = 0; i < MP_SUBJECT_SEARCH_MAX; i++) {
		if (i < s->n) {
			v[2 * i] = MP_DBINT((long long)s->kind[i]);
			v[2 * i + 1] = MP_DBTEXT(s->norm[i]);
		} else
			v[2 * i] = v[2 * i + 1] = MP_DBNULL();
	}
}

enum mp_err
mp_subject_refuse(struct mp_db *db, long long report, long long subject,
    long long user)
{
	struct mp_dbval	 v[3];

	v[0] = user > 0 ? MP_DBINT(user) : MP_DBNULL();
	v[1] = MP_DBINT(report);
	v[2] = MP_DBINT(subject);
	return mp_db_exec(db, SQL(STMT_REFUSE), v, 3, NULL, NULL);
}

enum mp_err
mp_subject_unrefuse(struct mp_db *db, long long report,
    enum mp_subject_kind kind, const char *norm)
{
	struct mp_dbval	 v[3];

	v[0] = MP_DBINT(report);
	v[1] = MP_DBINT(kind);
	v[2] = MP_DBTEXT(norm);
	return mp_db_exec(db, SQL(STMT_UNREFUSE), v, 3, NULL, NULL);
}

/*
 * Set skip[i] for each subject of set a handler removed from report
 * (sql/032).  One statement, and none for an empty set.
 */
static enum mp_err
refused_marks(struct mp_db *db, long long report,
    const struct mp_subject_set *set, char *skip)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	const char	*norm;
	size_t		 i;
	int		 kind;
	enum mp_err	 er;

	if (set->n == 0)
		return MP_OK;
	v[0] = MP_DBINT(report);
	if ((er = mp_db_query(db, &st, SQL(STMT_REFUSED), v, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		kind = (int)mp_db_int(st, FC_KIND);
		norm = mp_db_text(st, FC_NORM, NULL);
		for (i = 0; norm != NULL && i < set->n; i++)
			if ((int)set->c[i].kind == kind &&
			    strcmp(set->c[i].norm, norm) == 0)
				skip[i] = 1;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* ------------------------------------------------------------------ */
/* Indexing a report.                                                  */

/* How the subject stands in the text: at most display's size, whole
 * UTF-8 characters. */
static void
cand_display(struct mp_subject_cand *c, const char *p, size_t len)
{
	if (len >= sizeof(c->display))
		len = sizeof(c->display) - 1;
	while (len > 0 && (p[len] & 0xc0) == 0x80)
		len--;
	memcpy(c->display, p, len);
	c->display[len] = '\0';
}

/* 1 when set holds kind and norm already. */
static int
set_has(const struct mp_subject_set *set, enum mp_subject_kind kind,
    const char *norm)
{
	size_t	 i;

	for (i = 0; i < set->n; i++)
		if (set->c[i].kind == kind &&
		    strcmp(set->c[i].norm, norm) == 0)
			return 1;
	return 0;
}

/* The structured address, as the report's fields have it. */
static void
collect_address(struct mp_subject_set *set,
    const struct mp_subject_fields *f)
{
	struct mp_subject_cand	*c = &set->c[set->n];
	char			 disp[sizeof(c->display)];

	if (mp_subject_address_fields(f->street, f->number, f->postcode,
	    f->city, c->norm, sizeof(c->norm)) != MP_OK)
		return;
	(void)snprintf(disp, sizeof(disp), "%s %s, %s %s",
	    f->street != NULL ? f->street : "",
	    f->number != NULL ? f->number : "",
	    f->postcode != NULL ? f->postcode : "",
	    f->city != NULL ? f->city : "");
	cand_display(c, disp, strlen(disp));
	c->kind = MP_SUBJECT_ADDRESS;
	c->source = MP_SUBJECT_STRUCTURED;
	set->n++;
}

/*
 * What mp_subject_extract finds in text, into set after what is there;
 * found has set->max entries (a text may repeat what an earlier one
 * had, so each is searched for up to max).
 */
static enum mp_err
collect_text(struct mp_subject_set *set, const char *text,
    struct mp_subject_found *found)
{
	size_t		 i, n = 0;
	int		 cut = 0;
	enum mp_err	 er;

	if (text == NULL || *text == '\0')
		return MP_OK;
	if ((er = mp_subject_extract(text, strlen(text), found, set->max,
	    &n, &cut)) != MP_OK)
		return er;
	if (cut)
		set->cutoff = 1;
	for (i = 0; i < n; i++) {
		if (set_has(set, found[i].kind, found[i].norm))
			continue;
		if (set->n == set->max) {
			set->cutoff = 1;
			break;
		}
		set->c[set->n].kind = found[i].kind;
		set->c[set->n].source = MP_SUBJECT_EXTRACTED;
		(void)snprintf(set->c[set->n].norm, MP_SUBJECT_NORM_MAX,
		    "%s", found[i].norm);
		cand_display(&set->c[set->n], text + found[i].off,
		    found[i].len);
		set->n++;
	}
	return MP_OK;
}

enum mp_err
mp_subject_collect(struct mp_subject_set *set,
    const struct mp_subject_fields *f, size_t max)
{
	struct mp_subject_found	*found = NULL;
	struct mp_subject_cand	*c;
	size_t			 t;
	enum mp_err		 er = MP_OK;

	memset(set, 0, sizeof(*set));
	if (max < 1 || max > MP_SUBJECT_MAX_PER_REPORT)
		return MP_EINVAL;
	set->max = max;
	if ((set->c = calloc(max, sizeof(*set->c))) == NULL ||
	    (found = calloc(max, sizeof(*found))) == NULL) {
		free(found);
		return MP_ENOMEM;
	}
	collect_address(set, f);
	for (t = 0; t < MP_SUBJECT_T__MAX && er == MP_OK; t++)
		er = collect_text(set, f->text[t], found);
	free(found);
	/*
	 * Keep what was found only: a rebuild holds a batch of sets, most
	 * with a few subjects of max.
	 */
	if (er == MP_OK && set->n > 0 && set->n < max &&
	    (c = realloc(set->c, set->n * sizeof(*set->c))) != NULL)
		set->c = c;
	return er;
}

void
mp_subject_set_free(struct mp_subject_set *set)
{

	free(set->c);
	set->c = NULL;
	set->n = 0;
}

/* Upsert and link one subject of the report just stored (own). */
static enum mp_err
link_own(struct mp_db *db, const struct mp_subject_cand *c)
{
	struct mp_dbval	 v[4];
	struct mp_stmt	*st;
	enum mp_err	 er;

	v[0] = MP_DBINT(c->kind);
	v[1] = MP_DBTEXT(c->norm);
	v[2] = MP_DBTEXTN(c->display, display_len(c->display));
	v[3] = MP_DBINT(c->source);
	if ((er = mp_db_query(db, &st, SQL(STMT_LINK_OWN), v, 4)) != MP_OK)
		return er;
	er = mp_db_next(st);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_EDB : er;
}

enum mp_err
mp_subject_store_set(struct mp_db *db, long long report,
    const struct mp_subject_set *set, int own)
{
	const struct mp_subject_cand	*c;
	long long			 id;
	size_t				 i;
	char				*skip = NULL;
	enum mp_err			 er = MP_OK;

	/* A report just stored has no refusals (and the intake no right). */
	if (!own && set->n > 0) {
		if ((skip = calloc(set->n, 1)) == NULL)
			return MP_ENOMEM;
		if ((er = refused_marks(db, report, set, skip)) != MP_OK)
			goto out;
	}
	for (i = 0; i < set->n; i++) {
		c = &set->c[i];
		if (skip != NULL && skip[i])
			continue;
		if (own)
			er = link_own(db, c);
		else if ((er = mp_subject_upsert(db, c->kind, c->norm,
		    c->display[0] != '\0' ? c->display : NULL, &id)) == MP_OK)
			er = mp_subject_link(db, report, id, c->source,
			    c->source == MP_SUBJECT_STRUCTURED, 0);
		if (er != MP_OK)
			goto out;
	}
out:
	free(skip);
	return er;
}

/*
 * The JSON rows of mp_subject_store_batch: each report's subjects as
 * [report, kind, norm, display, source], the display as
 * mp_subject_upsert stores it.
 */
static enum mp_err
batch_json(struct mp_buf *b, const long long *report,
    const struct mp_subject_set *sets, size_t n, size_t *rows)
{
	const struct mp_subject_cand	*c;
	const char			*d;
	size_t				 i, k;
	enum mp_err			 er;

	*rows = 0;
	er = mp_buf_addc(b, '[');
	for (i = 0; er == MP_OK && i < n; i++)
		for (k = 0; er == MP_OK && k < sets[i].n; k++) {
			c = &sets[i].c[k];
			if ((int)c->kind <= 0 || c->kind >= MP_SUBJECT__MAX ||
			    c->norm[0] == '\0')
				return MP_EINVAL;
			d = c->display[0] != '\0' ? c->display : c->norm;
			er = mp_buf_printf(b, "%s[%lld,%d,", *rows > 0 ?
			    "," : "", report[i], (int)c->kind);
			if (er == MP_OK)
				er = mp_buf_add_json(b, c->norm,
				    strlen(c->norm));
			if (er == MP_OK)
				er = mp_buf_addc(b, ',');
			if (er == MP_OK)
				er = mp_buf_add_json(b, d, display_len(d));
			if (er == MP_OK)
				er = mp_buf_printf(b, ",%d]", (int)c->source);
			(*rows)++;
		}
	if (er == MP_OK)
		er = mp_buf_addc(b, ']');
	return er;
}

enum mp_err
mp_subject_store_batch(struct mp_db *db, const long long *report,
    const struct mp_subject_set *sets, size_t n)
{
	struct mp_buf	 b;
	struct mp_dbval	 v[1];
	size_t		 rows;
	enum mp_err	 er;

	mp_buf_init(&b, BATCH_JSON_MAX);
	if ((er = batch_json(&b, report, sets, n, &rows)) != MP_OK ||
	    rows == 0)
		goto out;
	v[0] = MP_DBTEXTN(mp_buf_str(&b), mp_buf_len(&b));
	if ((er = mp_db_exec(db, SQL(STMT_BATCH_UPSERT), v, 1, NULL, NULL)) ==
	    MP_OK)
		er = mp_db_exec(db, SQL(STMT_BATCH_LINK), v, 1, NULL, NULL);
out:
	mp_buf_free(&b);
	return er;
}

/* One run of mp_subject_index_report's transaction. */
struct index_txn {
	long long			 report;
	const struct mp_subject_set	*set;
	int				 own;
	mp_subject_done_fn		 done;
	void				*arg;
};

static enum mp_err
index_txn(struct mp_db *db, void *arg)
{
	struct index_txn	*x = arg;
	enum mp_err		 er;

	if ((er = mp_subject_store_set(db, x->report, x->set, x->own)) !=
	    MP_OK)
		return er;
	return x->done != NULL ? x->done(db, x->report, x->set->cutoff,
	    x->arg) : MP_OK;
}

enum mp_err
mp_subject_index_report(struct mp_db *db, long long report,
    const struct mp_subject_fields *f, size_t max, int own,
    mp_subject_done_fn done, void *arg, size_t *nlinked, int *cutoff)
{
	struct mp_subject_set	 set;
	struct index_txn	 x;
	enum mp_err		 er;

	if (nlinked != NULL)
		*nlinked = 0;
	if (cutoff != NULL)
		*cutoff = 0;
	if ((er = mp_subject_collect(&set, f, max)) == MP_OK) {
		x.report = report;
		x.set = &set;
		x.own = own;
		x.done = done;
		x.arg = arg;
		er = mp_db_txn(db, index_txn, &x);
	}
	if (er == MP_OK && nlinked != NULL)
		*nlinked = set.n;
	if (er == MP_OK && cutoff != NULL)
		*cutoff = set.cutoff;
	mp_subject_set_free(&set);
	return er;
}

/* ------------------------------------------------------------------ */
/* Re-indexing a report after an edit.                                 */

/* A link of the report as it was before the re-index. */
struct have {
	long long		 subject;
	enum mp_subject_kind	 kind;
	enum mp_subject_source	 source;
	int			 confirmed;
	int			 gone;
	char			 norm[MP_SUBJECT_NORM_MAX];
	char			 display[MP_SUBJECT_NORM_MAX * 4];
};

struct haves {
	struct have	*h;
	size_t		 n, cap;
	enum mp_err	 er;
};

static void
have_add(const struct mp_subject_link *l, void *arg)
{
	struct haves	*hs = arg;
	struct have	*h;
	size_t		 cap;

	if (hs->er != MP_OK)
		return;
	if (hs->n == hs->cap) {
		cap = hs->cap == 0 ? 16 : hs->cap * 2;
		if ((h = realloc(hs->h, cap * sizeof(*h))) == NULL) {
			hs->er = MP_ENOMEM;
			return;
		}
		hs->h = h;
		hs->cap = cap;
	}
	h = &hs->h[hs->n++];
	memset(h, 0, sizeof(*h));
	h->subject = l->subject;
	h->kind = l->kind;
	h->source = l->source;
	h->confirmed = l->confirmed;
	(void)snprintf(h->norm, sizeof(h->norm), "%s", l->norm);
	(void)snprintf(h->display, sizeof(h->display), "%s", l->display);
}

/* The link of kind and norm among hs that stays, or NULL. */
static struct have *
have_find(struct haves *hs, enum mp_subject_kind kind, const char *norm)
{
	size_t	 i;

	for (i = 0; i < hs->n; i++)
		if (!hs->h[i].gone && hs->h[i].kind == kind &&
		    strcmp(hs->h[i].norm, norm) == 0)
			return &hs->h[i];
	return NULL;
}

/* Unlink what the system made from fields that no longer hold it. */
static enum mp_err
reindex_drop(struct mp_db *db, long long report,
    const struct mp_subject_set *set, struct haves *hs,
    mp_subject_change_fn fn, void *arg, struct mp_subject_reindex *res)
{
	struct have	*h;
	size_t		 i;
	enum mp_err	 er;

	for (i = 0; i < hs->n; i++) {
		h = &hs->h[i];
		if (set_has(set, h->kind, h->norm) ||
		    !(h->source == MP_SUBJECT_STRUCTURED ||
		    (h->source == MP_SUBJECT_EXTRACTED && !h->confirmed)))
			continue;
		if ((er = mp_subject_unlink(db, report, h->subject)) != MP_OK)
			return er;
		h->gone = 1;
		res->removed++;
		if (fn != NULL)
			fn(0, h->kind, h->display, arg);
	}
	return MP_OK;
}

/* Link what set holds and the report does not, up to set->max. */
static enum mp_err
reindex_add(struct mp_db *db, long long report,
    const struct mp_subject_set *set, const char *skip, struct haves *hs,
    mp_subject_change_fn fn, void *arg, struct mp_subject_reindex *res)
{
	const struct mp_subject_cand	*c;
	struct have			*h;
	size_t				 i, n;
	long long			 id;
	int				 structured;
	enum mp_err			 er;

	for (n = 0, i = 0; i < hs->n; i++)
		n += !hs->h[i].gone;
	for (i = 0; i < set->n; i++) {
		c = &set->c[i];
		structured = c->source == MP_SUBJECT_STRUCTURED;
		if ((h = have_find(hs, c->kind, c->norm)) != NULL) {
			/* The new address was a proposal: now it is sure. */
			if (structured && !h->confirmed && (er =
			    mp_subject_link(db, report, h->subject,
			    c->source, 1, 0)) != MP_OK)
				return er;
			continue;
		}
		if (skip[i])
			continue;	/* a handler removed it */
		if (n >= set->max) {
			res->cutoff = 1;
			continue;
		}
		if ((er = mp_subject_upsert(db, c->kind, c->norm,
		    c->display[0] != '\0' ? c->display : NULL, &id)) !=
		    MP_OK || (er = mp_subject_link(db, report, id, c->source,
		    structured, 0)) != MP_OK)
			return er;
		n++;
		res->added++;
		if (fn != NULL)
			fn(1, c->kind, c->display[0] != '\0' ? c->display :
			    c->norm, arg);
	}
	return MP_OK;
}

enum mp_err
mp_subject_reindex(struct mp_db *db, long long report,
    const struct mp_subject_set *set, mp_subject_change_fn fn, void *arg,
    struct mp_subject_reindex *res)
{
	struct haves	 hs;
	char		*skip;
	enum mp_err	 er;

	memset(res, 0, sizeof(*res));
	memset(&hs, 0, sizeof(hs));
	if (set->max < 1)
		return MP_EINVAL;
	if ((skip = calloc(set->n + 1, 1)) == NULL)
		return MP_ENOMEM;
	res->cutoff = set->cutoff;
	er = mp_subject_list_for_report(db, report, have_add, &hs);
	if (er == MP_OK)
		er = hs.er;
	if (er == MP_OK)
		er = refused_marks(db, report, set, skip);
	if (er == MP_OK)
		er = reindex_drop(db, report, set, &hs, fn, arg, res);
	if (er == MP_OK)
		er = reindex_add(db, report, set, skip, &hs, fn, arg, res);
	free(hs.h);
	free(skip);
	return er;
}
