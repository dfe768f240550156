/*
 * buf.c -- a growable, always NUL-terminated byte buffer that refuses
 * to grow past its cap (so no input can make a worker allocate without
 * bound).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "errcode.h"

void
mp_buf_init(struct mp_buf *b, size_t max)
{

	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

void
mp_buf_free(struct mp_buf *b)
{

	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
mp_buf_freezero(struct mp_buf *b)
{

	mp_alloc_freezero(b->data, b->cap);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
mp_buf_reset(struct mp_buf *b)
{

	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

/* Make room for need more bytes plus the NUL. */
static enum mp_err
grow(struct mp_buf *b, size_t need)
{
	size_t	 want, ncap;
	char	*p;

	if (need > b->max || b->len > b->max - need)
		return MP_ETOOBIG;
	want = b->len + need + 1;
	if (want <= b->cap)
		return MP_OK;
	ncap = b->cap < 256 ? 256 : b->cap;
	while (ncap < want)
		ncap = ncap > SIZE_MAX / 2 ? want : ncap * 2;
	if (ncap > b->max + 1)
		ncap = b->max + 1;
	if ((p = mp_alloc_realloc(b->data, ncap)) == NULL)
		return MP_ENOMEM;
	b->data = p;
	b->cap = ncap;
	return MP_OK;
}

enum mp_err
mp_buf_add(struct mp_buf *b, const void *p, size_t len)
{
	enum mp_err	 er;

	if ((er = grow(b, len)) != MP_OK)
		return er;
	if (len > 0)
		memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
	return MP_OK;
}

enum mp_err
mp_buf_addstr(struct mp_buf *b, const char *s)
{

	return mp_buf_add(b, s, strlen(s));
}

enum mp_err
mp_buf_addc(struct mp_buf *b, char c)
{

	return mp_buf_add(b, &c, 1);
}

enum mp_err
mp_buf_add_json(struct mp_buf *b, const char *s, size_t len)
{
	enum mp_err	 er;
	size_t		 i;
	char		 esc[8];

	if ((er = mp_buf_addc(b, '"')) != MP_OK)
		return er;
	for (i = 0; er == MP_OK && i < len; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			esc[0] = '\\';
			esc[1] = s[i];
			er = mp_buf_add(b, esc, 2);
		} else if ((unsigned char)s[i] < 0x20) {
			(void)snprintf(esc, sizeof(esc), "\\u%04x",
			    (unsigned)(unsigned char)s[i]);
			er = mp_buf_add(b, esc, 6);
		} else
			er = mp_buf_addc(b, s[i]);
	}
	if (er != MP_OK)
		return er;
	return mp_buf_addc(b, '"');
}

enum mp_err
mp_buf_vprintf(struct mp_buf *b, const char *fmt, va_list ap)
{
	va_list		 ap2;
	int		 n;
	enum mp_err	 er;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return MP_EINVAL;
	if ((er = grow(b, (size_t)n)) != MP_OK)
		return er;
	(void)vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return MP_OK;
}

enum mp_err
mp_buf_printf(struct mp_buf *b, const char *fmt, ...)
{
	va_list		 ap;
	enum mp_err	 er;

	va_start(ap, fmt);
	er = mp_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return er;
}

const char *
mp_buf_str(const struct mp_buf *b)
{

	return b->data == NULL ? "" : b->data;
}

size_t
mp_buf_len(const struct mp_buf *b)
{

	return b->len;
}

char *
mp_buf_take(struct mp_buf *b, size_t *len)
{
	char	*p;

	p = b->data;
	if (len != NULL)
		*len = b->len;
	if (b->len == 0) {
		free(p);
		p = NULL;
	}
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}
