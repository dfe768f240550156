/*
 * csv.c -- the CSV writer (see csv.h).  Everything passes through
 * put(), which buffers and hands full buffers to the callback; the
 * first error sticks, so a caller may write a whole row and check once.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "errcode.h"

void
mp_csv_init(struct mp_csv *c, char sep, mp_csv_write_fn fn, void *arg)
{

	memset(c, 0, sizeof(*c));
	c->sep = sep;
	c->write = fn;
	c->arg = arg;
}

enum mp_err
mp_csv_flush(struct mp_csv *c)
{

	if (c->err == MP_OK && c->len > 0)
		c->err = c->write(c->arg, c->buf, c->len);
	c->len = 0;
	return c->err;
}

static enum mp_err
put(struct mp_csv *c, const char *p, size_t n)
{
	size_t	 k;

	while (c->err == MP_OK && n > 0) {
		if (c->len == sizeof(c->buf) && mp_csv_flush(c) != MP_OK)
			break;
		k = sizeof(c->buf) - c->len;
		if (k > n)
			k = n;
		memcpy(c->buf + c->len, p, k);
		c->len += k;
		p += k;
		n -= k;
	}
	return c->err;
}

enum mp_err
mp_csv_bom(struct mp_csv *c)
{

	return put(c, "\xef\xbb\xbf", 3);
}

/* The separator before every field but a row's first. */
static enum mp_err
begin(struct mp_csv *c)
{

	if (c->nfield++ > 0)
		return put(c, &c->sep, 1);
	return c->err;
}

enum mp_err
mp_csv_fieldn(struct mp_csv *c, const char *s, size_t n)
{
	const char	*q;
	size_t		 i;
	int		 quote, inert;
	char		 stop[4] = { '"', '\r', '\n', '\0' };

	if (begin(c) != MP_OK || s == NULL || n == 0)
		return c->err;
	stop[3] = c->sep;
	quote = 0;
	for (i = 0; i < n && !quote; i++)
		if (memchr(stop, s[i], sizeof(stop)) != NULL)
			quote = 1;
	inert = s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
	if (quote)
		(void)put(c, "\"", 1);
	if (inert)
		(void)put(c, "'", 1);
	if (!quote)
		return put(c, s, n);
	/* Inside quotes only the quote itself is special: double it. */
	while (n > 0 && (q = memchr(s, '"', n)) != NULL) {
		(void)put(c, s, (size_t)(q - s) + 1);
		(void)put(c, "\"", 1);
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	(void)put(c, s, n);
	return put(c, "\"", 1);
}

enum mp_err
mp_csv_field(struct mp_csv *c, const char *s)
{

	return mp_csv_fieldn(c, s, s != NULL ? strlen(s) : 0);
}

enum mp_err
mp_csv_int(struct mp_csv *c, long long v)
{
	char	 s[24];
	int	 n;

	n = snprintf(s, sizeof(s), "%lld", v);
	if (begin(c) != MP_OK)
		return c->err;
	return put(c, s, (size_t)n);
}

enum mp_err
mp_csv_tenths(struct mp_csv *c, long long t)
{
	char			 s[32];
	unsigned long long	 m;
	int			 n;

	/* The magnitude unsigned: -LLONG_MIN does not fit a long long. */
	m = t < 0 ? 0ULL - (unsigned long long)t : (unsigned long long)t;
	if (t % 10 == 0)
		n = snprintf(s, sizeof(s), "%lld", t / 10);
	else
		n = snprintf(s, sizeof(s), "%s%llu%c%llu", t < 0 ? "-" : "",
		    m / 10, c->sep == ',' ? '.' : ',', m % 10);
	if (begin(c) != MP_OK)
		return c->err;
	return put(c, s, (size_t)n);
}

enum mp_err
mp_csv_endrow(struct mp_csv *c)
{

	c->nfield = 0;
	return put(c, "\r\n", 2);
}
