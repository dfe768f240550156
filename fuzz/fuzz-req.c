/*
 * fuzz-req.c -- a whole request through mp_req_parse: CGI variables
 * (query string, cookies, content type and length, any header) and a
 * body, urlencoded or multipart, read in pieces of a chosen size, with
 * or without CONTENT_LENGTH (a chunked body as Apache passes it).
 *
 * Input: one flag byte, then "NAME=value" lines up to an empty line,
 * then the body.  Flags: bit 0 no CONTENT_LENGTH unless given (open
 * body), bit 1 small limits, bit 2 the reader fails at the end instead
 * of ending, bits 3-5 the read size.
 *
 * Invariants: parsing never fails but for memory; every limit holds
 * for what was kept; values are NUL-terminated at their size.
 */
#include "config.h"

#include "fuzz.h"

#define MAX_ENV	32

struct src {
	const uint8_t	*p;
	size_t		 len;
	size_t		 pos;
	size_t		 step;
	int		 broken;
};

static long
src_read(void *arg, void *buf, size_t len)
{
	struct src	*s = arg;
	size_t		 n;

	if (s->pos == s->len && s->broken)
		return -1;
	n = s->len - s->pos;
	if (n > len)
		n = len;
	if (n > s->step)
		n = s->step;
	if (n > 0)
		memcpy(buf, s->p + s->pos, n);
	s->pos += n;
	return (long)n;
}

static long
sink_write(void *arg, const void *buf, size_t len)
{

	(void)arg;
	(void)buf;
	return (long)len;
}

static void
check_params(const struct mp_params *ps, size_t max_name, size_t max_value)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++) {
		FUZZ_ASSERT(ps->v[i].name != NULL && ps->v[i].val != NULL);
		FUZZ_ASSERT(ps->v[i].val[ps->v[i].valsz] == '\0');
		FUZZ_ASSERT(ps->v[i].name[0] != '\0');
		FUZZ_ASSERT(strlen(ps->v[i].name) <= max_name);
		FUZZ_ASSERT(ps->v[i].valsz <= max_value);
		FUZZ_ASSERT(mp_req_params_get(ps, ps->v[i].name,
		    NULL) != NULL);
		FUZZ_ASSERT(mp_req_params_count(ps, ps->v[i].name) >= 1);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{

	(void)argc;
	(void)argv;
	FUZZ_QUIET_LOG();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t steps[8] = { 1, 2, 3, 7, 64, 1000, 4096, 1 << 20 };
	struct fuzz_in	 in = { data, size };
	struct mp_limits lim;
	struct mp_req	 req;
	struct src	 s;
	char		*env[MAX_ENV + 4], cl[64];
	size_t		 nenv = 0, nfuzz, i, kept;
	uint8_t		 flags;
	int		 has_cl = 0;

	flags = fuzz_byte(&in);
	while (in.len > 0 && in.p[0] != '\n' && nenv < MAX_ENV) {
		env[nenv] = fuzz_piece(&in, '\n', NULL);
		if (strncmp(env[nenv], "CONTENT_LENGTH=", 15) == 0)
			has_cl = 1;
		nenv++;
	}
	nfuzz = nenv;
	if (in.len > 0 && in.p[0] == '\n')
		(void)fuzz_byte(&in);
	memset(&s, 0, sizeof(s));
	s.p = in.p;
	s.len = in.len;
	s.step = steps[(flags >> 3) & 7];
	s.broken = (flags & 4) != 0;

	/* The body's length as a web server announces it, unless given. */
	if (!has_cl && !(flags & 1)) {
		snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", s.len);
		env[nenv++] = cl;
	}
	env[nenv++] = "REQUEST_METHOD=POST";
	env[nenv] = NULL;

	memset(&lim, 0, sizeof(lim));
	if (flags & 2) {
		lim.max_body = 2048;
		lim.max_params = 8;
		lim.max_name = 8;
		lim.max_value = 32;
		lim.max_files = 2;
		lim.max_file = 100;
		lim.max_cookies = 3;
		lim.max_part_header = 128;
	}
	FUZZ_ASSERT(mp_req_parse(&req, env, src_read, &s, sink_write, NULL,
	    &lim) == MP_OK);
	mp_req_limits_default(&lim);

	FUZZ_ASSERT(req.path != NULL && req.method != NULL);
	FUZZ_ASSERT(req.err == MP_OK || req.err == MP_EINVAL ||
	    req.err == MP_ETOOBIG);
	FUZZ_ASSERT(req.cookies.n <= lim.max_cookies);
	FUZZ_ASSERT(req.query.n + req.form.n <= lim.max_params);
	check_params(&req.query, lim.max_name, lim.max_value);
	check_params(&req.form, lim.max_name, lim.max_value);
	/* A cookie is as long as the header allows; names are C strings. */
	check_params(&req.cookies, SIZE_MAX, SIZE_MAX);
	FUZZ_ASSERT(req.nfiles <= lim.max_files);
	FUZZ_ASSERT(s.pos <= lim.max_body || (flags & 1));
	for (i = kept = 0; i < req.nfiles; i++) {
		FUZZ_ASSERT(req.files[i].field != NULL &&
		    req.files[i].filename != NULL);
		FUZZ_ASSERT(strlen(req.files[i].field) <= lim.max_name);
		FUZZ_ASSERT(req.files[i].size <= lim.max_body);
		if (req.files[i].over) {
			FUZZ_ASSERT(req.files[i].data == NULL);
			FUZZ_ASSERT(req.files[i].size > lim.max_file);
		} else {
			FUZZ_ASSERT(req.files[i].data != NULL);
			FUZZ_ASSERT(req.files[i].size <= lim.max_file);
			kept += req.files[i].size;
		}
	}
	FUZZ_ASSERT(kept <= lim.max_body);
	FUZZ_ASSERT(mp_req_env(&req, "REQUEST_URI") == NULL ||
	    strchr(req.path, '?') == NULL);
	mp_req_free(&req);
	for (i = 0; i < nfuzz; i++)
		free(env[i]);
	return 0;
}
