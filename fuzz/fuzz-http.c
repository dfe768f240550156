/*
 * fuzz-http.c -- writing the response (lib/http.c) with hostile
 * header names and values, cookie values and paths, redirect targets
 * and content types, as a handler might pass on from a request.
 *
 * Input: a selector byte, then fields separated by 0xff: header name,
 * header value, cookie value, cookie path, location, content type.
 * Invariants: the header block is lines ending in CRLF with no other
 * CR or LF, each "token: value"; it holds exactly one line per
 * accepted call on top of the fixed ones, so no value adds a header
 * or ends the block; an accepted redirect stays on this site as a
 * browser reads it (WHATWG URL: tab and newline removed first).
 */
#include "config.h"

#include "fuzz.h"

struct out {
	struct mp_buf	 b;
};

static long
out_write(void *arg, const void *p, size_t len)
{
	struct out	*o = arg;

	FUZZ_ASSERT(mp_buf_add(&o->b, p, len) == MP_OK);
	return (long)len;
}

static int
tchar(int c)
{

	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* Lines in the header block; aborts when the block is malformed. */
static size_t
header_lines(const struct mp_buf *b)
{
	const char	*s = mp_buf_str(b), *end, *p, *eol, *c;
	size_t		 n = 0;

	end = s + mp_buf_len(b);
	for (p = s;; p = eol + 2) {
		FUZZ_ASSERT(p < end);
		for (eol = p; eol < end && *eol != '\r' && *eol != '\n'; eol++)
			continue;
		FUZZ_ASSERT(end - eol >= 2 && eol[0] == '\r' && eol[1] == '\n');
		if (eol == p)
			break;		/* the blank line */
		for (c = p; c < eol && *c != ':'; c++)
			FUZZ_ASSERT(tchar((unsigned char)*c));
		FUZZ_ASSERT(c > p && c < eol && c[1] == ' ');
		n++;
	}
	return n;
}

static long
no_write(void *arg, const void *p, size_t len)
{

	(void)arg;
	(void)p;
	(void)len;
	return -1;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{

	(void)argc;
	(void)argv;
	/* The refusals are logged as errors: keep them off the screen. */
	(void)mp_log_open("fuzz", "/dev/null", MP_LOG_ERR);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct mp_req	 req;
	struct out	 o, base;
	char		*f[6], *loc, *q;
	const char	*p;
	size_t		 i, added = 0, nbase;
	uint8_t		 sel;
	int		 redirected = 0;

	sel = fuzz_byte(&in);
	for (i = 0; i < MP_NELEM(f); i++)
		f[i] = fuzz_piece(&in, 0xff, NULL);

	/* The fixed lines of a plain 200 with this content type. */
	memset(&req, 0, sizeof(req));
	mp_buf_init(&base.b, FUZZ_BUF_MAX);
	req.write = out_write;
	req.warg = &base;
	if (mp_http_send(&req, 200, f[5][0] != '\0' ? f[5] : NULL, "x", 1)
	    != MP_OK) {
		FUZZ_ASSERT(mp_buf_len(&base.b) == 0);
		f[5][0] = '\0';
		mp_buf_reset(&base.b);
	}
	mp_req_free(&req);

	memset(&req, 0, sizeof(req));
	mp_buf_init(&o.b, FUZZ_BUF_MAX);
	req.write = out_write;
	req.warg = &o;
	req.method = (sel & 8) ? "HEAD" : "GET";
	if (mp_http_header(&req, f[0], f[1]) == MP_OK)
		added++;
	if (mp_http_cookie(&req, (sel & 1) ? f[0] : "mp_s", f[2],
	    (long)(sel & 2) - 1, (sel & 4) ? f[3] : NULL, sel >> 4) == MP_OK)
		added++;
	if ((sel & 0x10) && mp_http_redirect(&req, f[4]) == MP_OK) {
		redirected = 1;
		added++;
	}
	if (!redirected)
		FUZZ_ASSERT(mp_http_send(&req, 200, f[5][0] != '\0' ? f[5] :
		    NULL, "x", 1) == MP_OK);
	FUZZ_ASSERT(req.sent);
	/* A second response is refused and writes nothing. */
	i = mp_buf_len(&o.b);
	FUZZ_ASSERT(mp_http_send(&req, 200, NULL, "y", 1) != MP_OK);
	FUZZ_ASSERT(mp_buf_len(&o.b) == i);

	nbase = mp_buf_len(&base.b) > 0 ? header_lines(&base.b) :
	    header_lines(&o.b) - added;
	FUZZ_ASSERT(header_lines(&o.b) == nbase + added);

	if (redirected) {
		/* As a browser parses it: tab and newline go first. */
		loc = strdup(f[4]);
		for (p = f[4], q = loc; *p != '\0'; p++)
			if (*p != '\t' && *p != '\n' && *p != '\r')
				*q++ = *p;
		*q = '\0';
		FUZZ_ASSERT(loc[0] == '/' && loc[1] != '/' && loc[1] != '\\');
		free(loc);
	}
	mp_req_free(&req);
	mp_buf_free(&o.b);
	mp_buf_free(&base.b);

	/* A writer that fails: the error comes back, nothing breaks. */
	memset(&req, 0, sizeof(req));
	req.write = no_write;
	FUZZ_ASSERT(mp_http_send(&req, 200, NULL, "x", 1) != MP_OK);
	mp_req_free(&req);
	for (i = 0; i < MP_NELEM(f); i++)
		free(f[i]);
	return 0;
}
