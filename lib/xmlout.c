/*
 * xmlout.c -- streaming XML output through libxml2's xmlTextWriter
 * (see xmlout.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "buf.h"
#include "errcode.h"
#include "http.h"
#include "req.h"
#include "xmlout.h"

/* Values longer than this are cut (report texts are far shorter). */
#define VALUE_MAX	(1024 * 1024)

struct mp_xml {
	xmlTextWriterPtr	 w;
	struct mp_req		*req;
	struct mp_buf		 tmp;	/* the cleaned value */
	int			 failed; /* the client went away */
};

static int
write_cb(void *arg, const char *buf, int len)
{
	struct mp_xml	*x = arg;

	if (x->failed || len < 0)
		return -1;
	if (mp_http_write(x->req, buf, (size_t)len) != MP_OK) {
		x->failed = 1;
		return -1;
	}
	return len;
}

static int
close_cb(void *arg)
{

	(void)arg;
	return 0;
}

enum mp_err
mp_xmlout_begin(struct mp_xml **xp, struct mp_req *req, int status)
{
	struct mp_xml		*x;
	xmlOutputBufferPtr	 out;
	enum mp_err		 er;

	*xp = NULL;
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return MP_ENOMEM;
	x->req = req;
	mp_buf_init(&x->tmp, VALUE_MAX * 2);
	if ((er = mp_http_begin(req, status, "application/xml; charset=utf-8"))
	    != MP_OK)
		goto fail;
	er = MP_ENOMEM;
	if ((out = xmlOutputBufferCreateIO(write_cb, close_cb, x, NULL)) ==
	    NULL)
		goto fail;
	/* The writer owns and closes the buffer from here. */
	if ((x->w = xmlNewTextWriter(out)) == NULL) {
		(void)xmlOutputBufferClose(out);
		goto fail;
	}
	/*
	 * No indentation: partners' programs read this, and indenting
	 * cost a sixth of the writer's time and bytes in a full pull
	 * (xmllint --format makes it readable for people).
	 */
	if (xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL) < 0) {
		er = MP_ESYS;
		goto fail;
	}
	*xp = x;
	return MP_OK;
fail:
	if (x->w != NULL)
		xmlFreeTextWriter(x->w);
	mp_buf_free(&x->tmp);
	free(x);
	return er;
}

enum mp_err
mp_xmlout_end(struct mp_xml *x)
{
	enum mp_err	 er = MP_OK;

	if (x == NULL)
		return MP_OK;
	if (xmlTextWriterEndDocument(x->w) < 0 || xmlTextWriterFlush(x->w) < 0)
		er = MP_ESYS;
	if (x->failed)
		er = MP_ESYS;
	xmlFreeTextWriter(x->w);
	mp_buf_free(&x->tmp);
	free(x);
	return er;
}

void
mp_xmlout_abort(struct mp_xml *x)
{

	if (x == NULL)
		return;
	(void)xmlTextWriterFlush(x->w);
	/* From here the writer must not add the missing end tags. */
	x->failed = 1;
	xmlFreeTextWriter(x->w);
	mp_buf_free(&x->tmp);
	free(x);
}

static enum mp_err
rc(struct mp_xml *x, int n)
{

	return n < 0 || x->failed ? MP_ESYS : MP_OK;
}

enum mp_err
mp_xmlout_start(struct mp_xml *x, const char *name)
{

	return rc(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

enum mp_err
mp_xmlout_start_ns(struct mp_xml *x, const char *name, const char *ns)
{

	return rc(x, xmlTextWriterStartElementNS(x->w, NULL, BAD_CAST name,
	    BAD_CAST ns));
}

enum mp_err
mp_xmlout_close(struct mp_xml *x)
{

	return rc(x, xmlTextWriterEndElement(x->w));
}

/* The cleaned value of s (len bytes) in x->tmp, or s itself if clean. */
static const char *
cleaned(struct mp_xml *x, const char *s, size_t len, enum mp_err *er)
{
	size_t	 i;

	*er = MP_OK;
	if (s == NULL)
		return "";
	if (len == (size_t)-1)
		len = strlen(s);
	if (len > VALUE_MAX)
		len = VALUE_MAX;
	/* Fast path: printable ASCII, tab and LF need nothing. */
	for (i = 0; i < len; i++) {
		unsigned char	 c = (unsigned char)s[i];

		if (c >= 0x80 || (c < 0x20 && c != '\t' && c != '\n'))
			break;
	}
	if (i == len && s[len] == '\0')
		return s;
	mp_buf_reset(&x->tmp);
	if ((*er = mp_xmlout_clean(&x->tmp, s, len)) != MP_OK)
		return NULL;
	return mp_buf_str(&x->tmp);
}

enum mp_err
mp_xmlout_attr(struct mp_xml *x, const char *name, const char *value)
{
	const char	*v;
	enum mp_err	 er;

	if ((v = cleaned(x, value, (size_t)-1, &er)) == NULL)
		return er;
	return rc(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
	    BAD_CAST v));
}

enum mp_err
mp_xmlout_elem(struct mp_xml *x, const char *name, const char *value,
    size_t len)
{
	const char	*v;
	enum mp_err	 er;

	if ((v = cleaned(x, value, len, &er)) == NULL)
		return er;
	return rc(x, xmlTextWriterWriteElement(x->w, BAD_CAST name,
	    BAD_CAST v));
}

enum mp_err
mp_xmlout_text(struct mp_xml *x, const char *value, size_t len)
{
	const char	*v;
	enum mp_err	 er;

	if ((v = cleaned(x, value, len, &er)) == NULL)
		return er;
	return rc(x, xmlTextWriterWriteString(x->w, BAD_CAST v));
}

/* Length of a valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t	 len, i;
	unsigned long c;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return len;
}

enum mp_err
mp_xmlout_clean(struct mp_buf *b, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 cp;
	size_t			 i = 0, n;
	enum mp_err		 er = MP_OK;

	while (er == MP_OK && i < len) {
		if ((n = utf8_len(p + i, len - i, &cp)) == 0) {
			er = mp_buf_addstr(b, "\xef\xbf\xbd");
			i++;
			continue;
		}
		if ((cp < 0x20 && cp != '\t' && cp != '\n') ||
		    cp == 0xfffe || cp == 0xffff) {
			i += n;
			continue;
		}
		er = mp_buf_add(b, s + i, n);
		i += n;
	}
	return er;
}
