/*
 * req.c -- parsing one request: CGI variables, the query string,
 * cookies and an application/x-www-form-urlencoded or
 * multipart/form-data body.  Every size and count is limited by
 * struct mp_limits; the multipart parser streams the body through a
 * fixed window, so memory grows only with the parts that are kept.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "crypto.h"
#include "errcode.h"
#include "log.h"
#include "req.h"

#define CHUNK		(64 * 1024)	/* bytes asked of read_fn at once */
#define BOUNDARY_MAX	70		/* RFC 2046, section 5.1.1 */
#define DELIM_MAX	(2 + 2 + BOUNDARY_MAX)	/* "\r\n--" boundary */

/*
 * The body, read through read_fn: as long as CONTENT_LENGTH announced,
 * or, without one (open), until the stream ends.  Apache's
 * mod_proxy_fcgi passes a chunked body that way once it is larger than
 * what it reads ahead; FastCGI ends the stream with an empty record,
 * CGI with end of file.
 */
struct body {
	mp_read_fn	 fn;
	void		*arg;
	size_t		 remain;	/* to read (open: max_body + 1) */
	int		 open;		/* no length: read to the end */
	int		 failed;	/* ended early or read_fn failed */
	int		 toobig;	/* open: longer than max_body */
};

/* State of the streaming multipart parser. */
struct mpart {
	struct mp_req		*req;
	const struct mp_limits	*lim;
	struct body		*in;
	size_t			*count;		/* pairs so far */
	unsigned char		*w;		/* window on the body */
	size_t			 wcap;
	size_t			 wpos;		/* first unconsumed byte */
	size_t			 wlen;		/* end of valid bytes */
	char			 delim[DELIM_MAX + 1];
	size_t			 dlen;
};

/* The part being read: a text field, a kept file or discarded data. */
struct part {
	char		*name;
	char		*filename;	/* NULL for a text field */
	char		*ctype;
	int		 keep;		/* file: a slot is free */
	int		 over;		/* file: larger than max_file */
	size_t		 seen;		/* bytes of content so far */
	struct mp_buf	 data;
};

void
mp_req_limits_default(struct mp_limits *l)
{

	if (l->max_body == 0)
		l->max_body = 1024 * 1024;
	if (l->max_params == 0)
		l->max_params = 200;
	if (l->max_name == 0)
		l->max_name = 64;
	if (l->max_value == 0)
		l->max_value = 64 * 1024;
	if (l->max_files == 0)
		l->max_files = 5;
	if (l->max_file == 0)
		l->max_file = 10 * 1024 * 1024;
	if (l->max_cookies == 0)
		l->max_cookies = 32;
	if (l->max_part_header == 0)
		l->max_part_header = 4 * 1024;
}

/* Copy limits (NULL: all defaults) and fill in the zeros. */
static void
limits_get(struct mp_limits *dst, const struct mp_limits *src)
{

	if (src != NULL)
		*dst = *src;
	else
		memset(dst, 0, sizeof(*dst));
	mp_req_limits_default(dst);
}

void
mp_req_params_free(struct mp_params *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].name);
		free(ps->v[i].val);
	}
	free(ps->v);
	ps->v = NULL;
	ps->n = ps->cap = 0;
}

/*
 * Append a pair.  Takes ownership of name and val (both malloc'd, val
 * NUL-terminated after valsz bytes) in every case: on MP_ENOMEM they
 * are freed.
 */
static enum mp_err
params_add_own(struct mp_params *ps, char *name, char *val, size_t valsz)
{
	struct mp_param	*v;
	size_t		 ncap;

	if (ps->n == ps->cap) {
		ncap = ps->cap == 0 ? 16 : ps->cap * 2;
		if ((v = mp_alloc_reallocarray(ps->v, ncap,
		    sizeof(*v))) == NULL) {
			free(name);
			free(val);
			return MP_ENOMEM;
		}
		ps->v = v;
		ps->cap = ncap;
	}
	ps->v[ps->n].name = name;
	ps->v[ps->n].val = val;
	ps->v[ps->n].valsz = valsz;
	ps->n++;
	return MP_OK;
}

/* Append copies of name (namesz bytes) and val (valsz bytes). */
static enum mp_err
params_add(struct mp_params *ps, const char *name, size_t namesz,
    const char *val, size_t valsz)
{
	char	*n, *v;

	if ((n = mp_alloc_memdup0(name, namesz)) == NULL)
		return MP_ENOMEM;
	if ((v = mp_alloc_memdup0(val, valsz)) == NULL) {
		free(n);
		return MP_ENOMEM;
	}
	return params_add_own(ps, n, v, valsz);
}

const char *
mp_req_params_get(const struct mp_params *ps, const char *name, size_t *len)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0) {
			if (len != NULL)
				*len = ps->v[i].valsz;
			return ps->v[i].val;
		}
	if (len != NULL)
		*len = 0;
	return NULL;
}

size_t
mp_req_params_count(const struct mp_params *ps, const char *name)
{
	size_t	 i, c = 0;

	for (i = 0; i < ps->n; i++)
		if (strcmp(ps->v[i].name, name) == 0)
			c++;
	return c;
}

int
mp_req_form_known(const struct mp_req *req, int (*known)(const char *),
    const char *files)
{
	const char	*n;
	size_t		 i;

	for (i = 0; i < req->form.n; i++) {
		n = req->form.v[i].name;
		if (!known(n) || mp_req_params_count(&req->form, n) != 1)
			return 0;
	}
	for (i = 0; i < req->nfiles; i++)
		if (strcmp(req->files[i].field, files) != 0)
			return 0;
	return 1;
}

/* The first occurrence of n (nlen > 0 bytes) in h, or NULL. */
static void *
findmem(const void *h, size_t hlen, const void *n, size_t nlen)
{
	const unsigned char	*p = h, *end, *first = n;

	if (nlen == 0 || hlen < nlen)
		return NULL;
	end = p + (hlen - nlen) + 1;
	while (p < end) {
		if ((p = memchr(p, *first, end - p)) == NULL)
			return NULL;
		if (memcmp(p, n, nlen) == 0)
			return (void *)p;
		p++;
	}
	return NULL;
}

/*
 * Decode len bytes of urlencoded s ('+' is a space, %XX a byte) into a
 * new NUL-terminated string in *out (caller frees), its size in
 * *outsz.  MP_EINVAL for a broken escape, MP_ETOOBIG when the result
 * would be longer than max.
 */
static enum mp_err
urldecode(const char *s, size_t len, size_t max, char **out, size_t *outsz)
{
	char	*d;
	size_t	 i, j;
	int	 hi, lo;

	*out = NULL;
	*outsz = 0;
	if ((d = mp_alloc(len + 1)) == NULL)
		return MP_ENOMEM;
	for (i = j = 0; i < len; j++) {
		if (j >= max) {
			free(d);
			return MP_ETOOBIG;
		}
		if (s[i] == '+') {
			d[j] = ' ';
			i++;
		} else if (s[i] == '%') {
			hi = lo = -1;
			if (len - i >= 3) {
				hi = mp_crypto_hexval((unsigned char)s[i + 1]);
				lo = mp_crypto_hexval((unsigned char)s[i + 2]);
			}
			if (hi < 0 || lo < 0) {
				free(d);
				return MP_EINVAL;
			}
			d[j] = (char)(hi << 4 | lo);
			i += 3;
		} else
			d[j] = s[i++];
	}
	d[j] = '\0';
	*out = d;
	*outsz = j;
	return MP_OK;
}

enum mp_err
mp_req_parse_urlencoded(struct mp_params *ps, const char *s, size_t len,
    const struct mp_limits *limits, size_t *count)
{
	struct mp_limits lim;
	const char	*p, *end, *amp, *eq;
	char		*name, *val;
	size_t		 namesz, valsz, local = 0;
	enum mp_err	 er;

	limits_get(&lim, limits);
	if (count == NULL)
		count = &local;
	for (p = s, end = s + len; p < end; p = amp + 1) {
		if ((amp = memchr(p, '&', end - p)) == NULL)
			amp = end;
		if ((eq = memchr(p, '=', amp - p)) == NULL)
			eq = amp;
		/* "&&" and "=v" carry no name: skip them. */
		if (eq == p)
			continue;
		if (*count >= lim.max_params)
			return MP_ETOOBIG;
		er = urldecode(p, eq - p, lim.max_name, &name, &namesz);
		if (er != MP_OK)
			return er;
		if (memchr(name, '\0', namesz) != NULL) {
			/* Names are C strings: a NUL in one is malformed. */
			free(name);
			return MP_EINVAL;
		}
		er = eq == amp ? urldecode("", 0, 1, &val, &valsz) :
		    urldecode(eq + 1, amp - eq - 1, lim.max_value, &val,
		    &valsz);
		if (er != MP_OK) {
			free(name);
			return er;
		}
		if ((er = params_add_own(ps, name, val, valsz)) != MP_OK)
			return er;
		(*count)++;
	}
	return MP_OK;
}

static int
isbl(int c)
{

	return c == ' ' || c == '\t';
}

enum mp_err
mp_req_parse_cookies(struct mp_params *ps, const char *hdr,
    const struct mp_limits *limits)
{
	struct mp_limits lim;
	const char	*p, *semi, *eq, *ns, *ne, *vs, *ve;
	size_t		 n = 0;
	enum mp_err	 er;

	limits_get(&lim, limits);
	for (p = hdr; *p != '\0'; p = *semi == '\0' ? semi : semi + 1) {
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		if ((eq = memchr(p, '=', semi - p)) == NULL)
			continue;
		for (ns = p; ns < eq && isbl(*ns); ns++)
			continue;
		for (ne = eq; ne > ns && isbl(ne[-1]); ne--)
			continue;
		for (vs = eq + 1; vs < semi && isbl(*vs); vs++)
			continue;
		for (ve = semi; ve > vs && isbl(ve[-1]); ve--)
			continue;
		if (ns == ne)
			continue;
		if (n >= lim.max_cookies)
			return MP_ETOOBIG;
		if ((er = params_add(ps, ns, ne - ns, vs, ve - vs)) != MP_OK)
			return er;
		n++;
	}
	return MP_OK;
}

size_t
mp_req_env_count(const struct mp_req *req, const char *name)
{
	char	**e;
	size_t	  len = strlen(name), n = 0;

	for (e = req->env; e != NULL && *e != NULL; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			n++;
	return n;
}

const char *
mp_req_env(const struct mp_req *req, const char *name)
{
	char	**e;
	size_t	  len;

	if (req->env == NULL)
		return NULL;
	len = strlen(name);
	for (e = req->env; *e != NULL; e++)
		if (strncmp(*e, name, len) == 0 && (*e)[len] == '=')
			return *e + len + 1;
	return NULL;
}

/*
 * Read up to len bytes of the body into buf.  Returns the count, 0 at
 * the end of the body; -1 when the body ended early or read_fn failed
 * (a truncated body), or when an open body went past the limit (then
 * b->toobig is set).
 */
static long
body_read(struct body *b, void *buf, size_t len)
{
	long	 n;

	if (len > b->remain)
		len = b->remain;
	if (len > CHUNK)
		len = CHUNK;
	if (len == 0)
		return 0;
	n = b->fn(b->arg, buf, len);
	if (n == 0 && b->open)
		return 0;
	if (n <= 0 || (size_t)n > len) {
		/* Never trust the announced length, nor the reader. */
		b->failed = 1;
		return -1;
	}
	b->remain -= (size_t)n;
	if (b->open && b->remain == 0) {
		/* One byte past max_body: refused, nothing more read. */
		b->toobig = 1;
		return -1;
	}
	return n;
}

/*
 * Compare the media type of a Content-Type value (before any ';',
 * without surrounding blanks) with type, ignoring case.  On a match
 * *params points at the ';' or the end.
 */
static int
ctype_is(const char *ct, const char *type, const char **params)
{
	size_t	 tlen = strlen(type);

	while (*ct == ' ' || *ct == '\t')
		ct++;
	if (strncasecmp(ct, type, tlen) != 0)
		return 0;
	ct += tlen;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	if (*ct != '\0' && *ct != ';')
		return 0;
	*params = ct;
	return 1;
}

static int
istchar(int c)
{

	return isalnum(c) || (c != '\0' && strchr("!#$%&'*+-.^_`|~", c)
	    != NULL);
}

/*
 * Read the next "; name=value" header parameter from [*pp, end).
 * Returns 1 with *name and *namelen pointing into the input and *val a new
 * string (unquoted, backslash escapes resolved; caller frees), 0 at
 * the end, -1 when malformed, -2 when out of memory.
 */
static int
hparam_next(const char **pp, const char *end, const char **name,
    size_t *namelen, char **val)
{
	const char	*p = *pp, *vs;
	char		*v;
	size_t		 i;

	*val = NULL;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end)
		return 0;
	if (*p != ';')
		return -1;
	p++;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end)
		return 0;	/* a trailing ';' is harmless */
	*name = p;
	while (p < end && istchar((unsigned char)*p))
		p++;
	if ((*namelen = p - *name) == 0)
		return -1;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p++ != '=')
		return -1;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && *p == '"') {
		vs = ++p;
		if ((v = mp_alloc(end - vs + 1)) == NULL)
			return -2;
		for (i = 0; p < end && *p != '"'; p++) {
			if (*p == '\\' && p + 1 < end)
				p++;
			v[i++] = *p;
		}
		if (p == end) {
			free(v);
			return -1;	/* unterminated quoted string */
		}
		p++;
		v[i] = '\0';
	} else {
		vs = p;
		while (p < end && istchar((unsigned char)*p))
			p++;
		if (p == vs)
			return -1;
		if ((v = mp_alloc_strndup(vs, p - vs)) == NULL)
			return -2;
	}
	*pp = p;
	*val = v;
	return 1;
}

/* RFC 2046 bchars; a space may not be last. */
static int
boundary_ok(const char *b)
{
	size_t	 i, len = strlen(b);

	if (len < 1 || len > BOUNDARY_MAX || b[len - 1] == ' ')
		return 0;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)b[i]) &&
		    strchr("'()+_,-./:=? ", b[i]) == NULL)
			return 0;
	return 1;
}

/*
 * Move the unconsumed bytes to the front of the window and read more.
 * MP_OK when at least one byte was added; MP_EINVAL when the body has
 * ended (the caller needed more: the body is truncated or malformed).
 */
static enum mp_err
mp_fill(struct mpart *m)
{
	long	 n;

	if (m->wpos > 0) {
		memmove(m->w, m->w + m->wpos, m->wlen - m->wpos);
		m->wlen -= m->wpos;
		m->wpos = 0;
	}
	if (m->wlen == m->wcap)
		return MP_EINVAL;	/* cannot happen: callers consume */
	if ((n = body_read(m->in, m->w + m->wlen, m->wcap - m->wlen)) <= 0)
		return MP_EINVAL;
	m->wlen += (size_t)n;
	return MP_OK;
}

/* Make at least need bytes available from wpos. */
static enum mp_err
mp_need(struct mpart *m, size_t need)
{
	enum mp_err	 er;

	while (m->wlen - m->wpos < need)
		if ((er = mp_fill(m)) != MP_OK)
			return er;
	return MP_OK;
}

static void
part_clear(struct part *pt)
{

	free(pt->name);
	free(pt->filename);
	free(pt->ctype);
	mp_buf_free(&pt->data);
	memset(pt, 0, sizeof(*pt));
}

/*
 * Parse one header block [h, h + len) (lines ending in CRLF) into pt:
 * name, filename and content type.  MP_EINVAL when malformed or
 * without a form-data Content-Disposition and name.
 */
static enum mp_err
part_headers(struct mpart *m, const char *h, size_t len, struct part *pt)
{
	const char	*p = h, *end = h + len, *eol, *colon, *v, *pn;
	char		*pv;
	size_t		 pnlen;
	int		 r, seen_cd = 0;

	for (; p < end; p = eol + 2) {
		if ((eol = findmem(p, end - p, "\r\n", 2)) == NULL)
			return MP_EINVAL;
		if ((colon = memchr(p, ':', eol - p)) == NULL)
			return MP_EINVAL;
		for (v = colon + 1; v < eol && (*v == ' ' || *v == '\t'); v++)
			continue;
		if ((size_t)(colon - p) == 12 &&
		    strncasecmp(p, "Content-Type", 12) == 0) {
			free(pt->ctype);
			if ((pt->ctype = mp_alloc_strndup(v, eol - v)) == NULL)
				return MP_ENOMEM;
			continue;
		}
		if ((size_t)(colon - p) != 19 ||
		    strncasecmp(p, "Content-Disposition", 19) != 0)
			continue;
		if (seen_cd++)
			return MP_EINVAL;
		if ((size_t)(eol - v) < 9 || strncasecmp(v, "form-data", 9))
			return MP_EINVAL;
		v += 9;
		while ((r = hparam_next(&v, eol, &pn, &pnlen, &pv)) == 1) {
			if (pnlen == 4 && strncasecmp(pn, "name", 4) == 0 &&
			    pt->name == NULL)
				pt->name = pv;
			else if (pnlen == 8 &&
			    strncasecmp(pn, "filename", 8) == 0 &&
			    pt->filename == NULL)
				pt->filename = pv;
			else
				free(pv);
		}
		if (r == -2)
			return MP_ENOMEM;
		if (r == -1)
			return MP_EINVAL;
	}
	if (pt->name == NULL)
		return MP_EINVAL;
	if (strlen(pt->name) > m->lim->max_name)
		return MP_ETOOBIG;
	return MP_OK;
}

/* Content bytes of the current part. */
static enum mp_err
part_data(struct part *pt, const unsigned char *p, size_t len)
{
	enum mp_err	 er;

	if (len == 0)
		return MP_OK;
	pt->seen += len;
	if (pt->filename == NULL)
		/* Text field: the cap is max_value. */
		return mp_buf_add(&pt->data, p, len);
	if (!pt->keep || pt->over)
		return MP_OK;
	if ((er = mp_buf_add(&pt->data, p, len)) == MP_ETOOBIG) {
		/* Keep counting, drop the data. */
		pt->over = 1;
		mp_buf_free(&pt->data);
		return MP_OK;
	}
	return er;
}

/* The part's closing delimiter was seen: store what it held. */
static enum mp_err
part_end(struct mpart *m, struct part *pt)
{
	struct mp_req	*req = m->req;
	struct mp_upload *u, *files;
	size_t		 len;
	char		*name, *val;

	if (pt->name[0] == '\0')
		return MP_OK;		/* as with "=v" in urlencoded */
	if (pt->filename == NULL) {
		if (*m->count >= m->lim->max_params)
			return MP_ETOOBIG;
		len = mp_buf_len(&pt->data);
		if ((val = mp_buf_take(&pt->data, &len)) == NULL &&
		    (val = mp_alloc_strdup("")) == NULL)
			return MP_ENOMEM;
		(*m->count)++;
		name = pt->name;
		pt->name = NULL;	/* params_add_own owns it now */
		return params_add_own(&req->form, name, val, len);
	}
	if (pt->filename[0] == '\0' && pt->seen == 0)
		return MP_OK;		/* a file input left empty */
	if (!pt->keep) {
		req->files_dropped++;
		return MP_OK;
	}
	files = mp_alloc_reallocarray(req->files, req->nfiles + 1,
	    sizeof(*files));
	if (files == NULL)
		return MP_ENOMEM;
	req->files = files;
	u = &req->files[req->nfiles++];
	memset(u, 0, sizeof(*u));
	u->field = pt->name;
	u->filename = pt->filename;
	u->ctype = pt->ctype;
	pt->name = pt->filename = pt->ctype = NULL;
	u->size = pt->seen;
	u->over = pt->over;
	if (!pt->over) {
		u->data = (unsigned char *)mp_buf_take(&pt->data, &len);
		if (u->data == NULL &&
		    (u->data = (unsigned char *)mp_alloc_strdup("")) == NULL)
			return MP_ENOMEM;
	}
	return MP_OK;
}

/*
 * Parse a multipart/form-data body with the given boundary.  The body
 * is read in chunks into a window; "\r\n--boundary" is searched in the
 * window, and only bytes that cannot start a delimiter are handed on,
 * so a delimiter split across reads is still found.  The body is
 * taken to start with a virtual CRLF, so the first delimiter needs no
 * special case.
 *
 * A parser kept in one piece on purpose: its four loops (preamble,
 * delimiter tail, header block, content) share the window state m and
 * the part pt, and each loop's exit is the next one's entry, so the
 * function reads as the grammar of the body.  It is fuzzed (fuzz/) and
 * covers untrusted input; splitting it would move the window arithmetic
 * into helpers for no reader's gain.
 * long: the grammar of a multipart body, one loop for each of its parts.
 */
static enum mp_err
parse_multipart(struct mp_req *req, struct body *in, const char *boundary,
    const struct mp_limits *lim, size_t *count)
{
	struct mpart	 m;
	struct part	 pt;
	unsigned char	*hit, *hend;
	size_t		 avail, safe;
	enum mp_err	 er;

	memset(&m, 0, sizeof(m));
	memset(&pt, 0, sizeof(pt));
	m.req = req;
	m.lim = lim;
	m.in = in;
	m.count = count;
	m.dlen = (size_t)snprintf(m.delim, sizeof(m.delim), "\r\n--%s",
	    boundary);
	m.wcap = CHUNK + lim->max_part_header + DELIM_MAX + 8;
	if ((m.w = mp_alloc(m.wcap)) == NULL)
		return MP_ENOMEM;
	memcpy(m.w, "\r\n", 2);
	m.wlen = 2;

	/* Preamble: everything before the first delimiter is ignored. */
	for (;;) {
		hit = findmem(m.w + m.wpos, m.wlen - m.wpos, m.delim, m.dlen);
		if (hit != NULL) {
			m.wpos = hit - m.w + m.dlen;
			break;
		}
		if (m.wlen - m.wpos >= m.dlen)
			m.wpos = m.wlen - (m.dlen - 1);
		if ((er = mp_fill(&m)) != MP_OK)
			goto out;
	}

	for (;;) {
		/* After a delimiter: "--" ends the body, else LWSP CRLF. */
		if ((er = mp_need(&m, 2)) != MP_OK)
			goto out;
		if (memcmp(m.w + m.wpos, "--", 2) == 0) {
			er = MP_OK;
			goto out;
		}
		while (m.w[m.wpos] == ' ' || m.w[m.wpos] == '\t') {
			m.wpos++;
			if ((er = mp_need(&m, 2)) != MP_OK)
				goto out;
		}
		if (memcmp(m.w + m.wpos, "\r\n", 2) != 0) {
			er = MP_EINVAL;
			goto out;
		}
		m.wpos += 2;

		/* The header block, up to and including its blank line. */
		for (;;) {
			avail = m.wlen - m.wpos;
			if (avail >= 2 && m.w[m.wpos] == '\r' &&
			    m.w[m.wpos + 1] == '\n') {
				hend = m.w + m.wpos;	/* no headers at all */
				break;
			}
			hend = findmem(m.w + m.wpos, avail, "\r\n\r\n", 4);
			if (hend != NULL) {
				hend += 2;
				break;
			}
			if (findmem(m.w + m.wpos, avail, m.delim, m.dlen)) {
				er = MP_EINVAL;		/* no blank line */
				goto out;
			}
			if (avail > lim->max_part_header) {
				er = MP_ETOOBIG;
				goto out;
			}
			if ((er = mp_fill(&m)) != MP_OK)
				goto out;
		}
		if ((size_t)(hend - (m.w + m.wpos)) > lim->max_part_header) {
			er = MP_ETOOBIG;
			goto out;
		}
		if (findmem(m.w + m.wpos, hend - (m.w + m.wpos), m.delim,
		    m.dlen) != NULL) {
			er = MP_EINVAL;
			goto out;
		}
		er = part_headers(&m, (const char *)m.w + m.wpos,
		    hend - (m.w + m.wpos), &pt);
		if (er != MP_OK)
			goto out;
		m.wpos = hend - m.w + 2;
		if (pt.filename == NULL)
			mp_buf_init(&pt.data, lim->max_value);
		else {
			mp_buf_init(&pt.data, lim->max_file);
			pt.keep = req->nfiles < lim->max_files;
		}

		/* Content, up to the next delimiter. */
		for (;;) {
			avail = m.wlen - m.wpos;
			hit = findmem(m.w + m.wpos, avail, m.delim, m.dlen);
			if (hit != NULL) {
				er = part_data(&pt, m.w + m.wpos,
				    hit - (m.w + m.wpos));
				if (er != MP_OK)
					goto out;
				m.wpos = hit - m.w + m.dlen;
				break;
			}
			if (avail >= m.dlen) {
				safe = avail - (m.dlen - 1);
				er = part_data(&pt, m.w + m.wpos, safe);
				if (er != MP_OK)
					goto out;
				m.wpos += safe;
			}
			if ((er = mp_fill(&m)) != MP_OK)
				goto out;
		}
		if ((er = part_end(&m, &pt)) != MP_OK)
			goto out;
		part_clear(&pt);
	}
out:
	part_clear(&pt);
	free(m.w);
	return er;
}

/* Read the whole body (at most max_body) into b. */
static enum mp_err
read_all(struct body *in, struct mp_buf *b)
{
	unsigned char	*chunk;
	long		 n;
	enum mp_err	 er = MP_OK;

	if ((chunk = mp_alloc(CHUNK)) == NULL)
		return MP_ENOMEM;
	while ((n = body_read(in, chunk, CHUNK)) > 0)
		if ((er = mp_buf_add(b, chunk, (size_t)n)) != MP_OK)
			break;
	if (n < 0)
		er = MP_EINVAL;
	free(chunk);
	return er;
}

/*
 * CONTENT_LENGTH: digits only.  MP_EINVAL when malformed, MP_ETOOBIG
 * when it does not fit.
 */
static enum mp_err
parse_length(const char *s, size_t *len)
{
	size_t	 v = 0;

	if (*s == '\0')
		return MP_EINVAL;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return MP_EINVAL;
		if (v > (SIZE_MAX - 9) / 10)
			return MP_ETOOBIG;
		v = v * 10 + (size_t)(*s - '0');
	}
	*len = v;
	return MP_OK;
}

/* Find the boundary parameter of a multipart Content-Type. */
static enum mp_err
get_boundary(const char *params, char **boundary)
{
	const char	*p = params, *end = params + strlen(params), *pn;
	char		*pv;
	size_t		 pnlen;
	int		 r;

	*boundary = NULL;
	while ((r = hparam_next(&p, end, &pn, &pnlen, &pv)) == 1) {
		if (pnlen == 8 && strncasecmp(pn, "boundary", 8) == 0 &&
		    *boundary == NULL)
			*boundary = pv;
		else
			free(pv);
	}
	if (r == -1 || r == -2 || *boundary == NULL ||
	    !boundary_ok(*boundary)) {
		free(*boundary);
		*boundary = NULL;
		return r == -2 ? MP_ENOMEM : MP_EINVAL;
	}
	return MP_OK;
}

/* The body of a POST or PUT: MP_ENOMEM, or a client error, or MP_OK. */
static enum mp_err
parse_body(struct mp_req *req, mp_read_fn read_fn, void *rarg,
    const struct mp_limits *lim, size_t *count)
{
	struct body	 in;
	struct mp_buf	 b;
	const char	*cl, *ct, *params;
	char		*boundary = NULL;
	size_t		 len;
	enum mp_err	 er;

	cl = mp_req_env(req, "CONTENT_LENGTH");
	ct = mp_req_env(req, "CONTENT_TYPE");
	memset(&in, 0, sizeof(in));
	if (cl != NULL && *cl != '\0') {
		if ((er = parse_length(cl, &len)) != MP_OK)
			return er;
		if (len > lim->max_body)
			return MP_ETOOBIG;	/* refused unread */
		if (len == 0)
			return MP_OK;
		in.remain = len;
	} else {
		/* No length and no type: a POST without a body. */
		if (ct == NULL || *ct == '\0')
			return MP_OK;
		/* A chunked body: read to its end, counting the limit. */
		in.open = 1;
		in.remain = lim->max_body < SIZE_MAX ? lim->max_body + 1 :
		    SIZE_MAX;
	}
	if (read_fn == NULL)
		return MP_EINVAL;
	in.fn = read_fn;
	in.arg = rarg;

	if (ct != NULL &&
	    ctype_is(ct, "application/x-www-form-urlencoded", &params)) {
		mp_buf_init(&b, lim->max_body);
		if ((er = read_all(&in, &b)) == MP_OK)
			er = mp_req_parse_urlencoded(&req->form,
			    mp_buf_str(&b),
			    mp_buf_len(&b), lim, count);
		mp_buf_free(&b);
	} else if (ct != NULL &&
	    ctype_is(ct, "multipart/form-data", &params)) {
		if ((er = get_boundary(params, &boundary)) != MP_OK)
			return er;
		er = parse_multipart(req, &in, boundary, lim, count);
		free(boundary);
	} else
		return MP_EINVAL;
	if (in.toobig)
		er = MP_ETOOBIG;	/* as for an announced length */
	else if (in.failed)
		mp_debugx("%s: the body ended early", __func__);
	return er;
}

enum mp_err
mp_req_parse(struct mp_req *req, char **env, mp_read_fn read_fn,
    void *rarg, mp_write_fn write_fn, void *warg,
    const struct mp_limits *limits)
{
	struct mp_limits lim;
	const char	*uri, *q, *sn, *pi, *cookie;
	size_t		 count = 0, len;
	enum mp_err	 er;

	memset(req, 0, sizeof(*req));
	req->env = env;
	req->write = write_fn;
	req->warg = warg;
	limits_get(&lim, limits);

	if ((req->method = mp_req_env(req, "REQUEST_METHOD")) == NULL)
		req->method = "GET";
	req->remote_addr = mp_req_env(req, "REMOTE_ADDR");

	uri = mp_req_env(req, "REQUEST_URI");
	if (uri != NULL) {
		len = strcspn(uri, "?");
		req->path = mp_alloc_strndup(uri, len);
	} else {
		if ((sn = mp_req_env(req, "SCRIPT_NAME")) == NULL)
			sn = "";
		if ((pi = mp_req_env(req, "PATH_INFO")) == NULL)
			pi = "";
		len = strlen(sn);
		if ((req->path = mp_alloc(len + strlen(pi) + 1)) != NULL) {
			memcpy(req->path, sn, len);
			memcpy(req->path + len, pi, strlen(pi) + 1);
		}
	}
	if (req->path == NULL)
		return MP_ENOMEM;

	if ((cookie = mp_req_env(req, "HTTP_COOKIE")) != NULL) {
		er = mp_req_parse_cookies(&req->cookies, cookie, &lim);
		if (er == MP_ENOMEM)
			return er;
		/* Too many cookies: keep the first ones, serve anyway. */
		if (er != MP_OK)
			mp_warnx("%s: cookies: %s", __func__, mp_err_str(er));
	}

	if ((q = mp_req_env(req, "QUERY_STRING")) == NULL && uri != NULL &&
	    (q = strchr(uri, '?')) != NULL)
		q++;
	if (q != NULL) {
		er = mp_req_parse_urlencoded(&req->query, q, strlen(q), &lim,
		    &count);
		if (er == MP_ENOMEM)
			return er;
		if (er != MP_OK) {
			req->err = er;
			return MP_OK;
		}
	}

	if (strcmp(req->method, "POST") == 0 ||
	    strcmp(req->method, "PUT") == 0) {
		er = parse_body(req, read_fn, rarg, &lim, &count);
		if (er == MP_ENOMEM)
			return er;
		req->err = er;
	}
	return MP_OK;
}

void
mp_req_free(struct mp_req *req)
{
	size_t	 i;

	free(req->path);
	mp_req_params_free(&req->query);
	mp_req_params_free(&req->cookies);
	mp_req_params_free(&req->form);
	for (i = 0; i < req->nfiles; i++) {
		free(req->files[i].field);
		free(req->files[i].filename);
		free(req->files[i].ctype);
		free(req->files[i].data);
	}
	free(req->files);
	if (req->hdrs != NULL) {
		mp_buf_free(req->hdrs);
		free(req->hdrs);
	}
	memset(req, 0, sizeof(*req));
}
