/*
 * fuzz-form.c -- the two pair parsers on their own: an urlencoded
 * string (query string or body; mp_req_parse_urlencoded) and a Cookie
 * header (mp_req_parse_cookies), with default or small limits.
 *
 * Input: a flag byte (bit 0 cookies, bit 1 small limits), then the
 * text.  Invariants: every limit holds; what was parsed, written out
 * again (percent-encoding every byte of an urlencoded pair; "n=v; "
 * for cookies), parses to the very same pairs.
 */
#include "config.h"

#include "fuzz.h"

static void
same(const struct mp_params *a, const struct mp_params *b)
{
	size_t	 i;

	FUZZ_ASSERT(a->n == b->n);
	for (i = 0; i < a->n; i++) {
		FUZZ_ASSERT(strcmp(a->v[i].name, b->v[i].name) == 0);
		FUZZ_ASSERT(a->v[i].valsz == b->v[i].valsz);
		FUZZ_ASSERT(memcmp(a->v[i].val, b->v[i].val, a->v[i].valsz)
		    == 0);
	}
}

static void
pct(struct mp_buf *b, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		FUZZ_ASSERT(mp_buf_printf(b, "%%%02X",
		    (unsigned char)s[i]) == MP_OK);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct mp_limits lim;
	struct mp_params ps, again;
	struct mp_buf	 b;
	char		*text;
	size_t		 len, i, count = 0, count2 = 0;
	uint8_t		 flags;
	enum mp_err	 er;

	flags = fuzz_byte(&in);
	text = fuzz_rest(&in, &len);
	memset(&lim, 0, sizeof(lim));
	if (flags & 2) {
		lim.max_params = 4;
		lim.max_name = 6;
		lim.max_value = 20;
		lim.max_cookies = 3;
	}
	memset(&ps, 0, sizeof(ps));
	memset(&again, 0, sizeof(again));
	mp_buf_init(&b, FUZZ_BUF_MAX);
	if (flags & 1) {
		er = mp_req_parse_cookies(&ps, text, &lim);
		mp_req_limits_default(&lim);
		FUZZ_ASSERT(er == MP_OK || er == MP_ETOOBIG);
		FUZZ_ASSERT(ps.n <= lim.max_cookies);
		for (i = 0; i < ps.n; i++) {
			FUZZ_ASSERT(ps.v[i].name[0] != '\0');
			FUZZ_ASSERT(strpbrk(ps.v[i].name, ";=") == NULL);
			FUZZ_ASSERT(strchr(ps.v[i].val, ';') == NULL);
			FUZZ_ASSERT(mp_buf_printf(&b, "%s=%s; ", ps.v[i].name,
			    ps.v[i].val) == MP_OK);
		}
		FUZZ_ASSERT(mp_req_parse_cookies(&again, mp_buf_str(&b),
		    &lim) ==
		    MP_OK);
		same(&ps, &again);
	} else {
		er = mp_req_parse_urlencoded(&ps, text, len, &lim, &count);
		mp_req_limits_default(&lim);
		FUZZ_ASSERT(er == MP_OK || er == MP_EINVAL ||
		    er == MP_ETOOBIG);
		FUZZ_ASSERT(count == ps.n && ps.n <= lim.max_params);
		for (i = 0; i < ps.n; i++) {
			FUZZ_ASSERT(strlen(ps.v[i].name) <= lim.max_name);
			FUZZ_ASSERT(ps.v[i].valsz <= lim.max_value);
			FUZZ_ASSERT(ps.v[i].val[ps.v[i].valsz] == '\0');
			if (i > 0)
				FUZZ_ASSERT(mp_buf_addc(&b, '&') == MP_OK);
			pct(&b, ps.v[i].name, strlen(ps.v[i].name));
			FUZZ_ASSERT(mp_buf_addc(&b, '=') == MP_OK);
			pct(&b, ps.v[i].val, ps.v[i].valsz);
		}
		FUZZ_ASSERT(mp_req_parse_urlencoded(&again, mp_buf_str(&b),
		    mp_buf_len(&b), &lim, &count2) == MP_OK);
		same(&ps, &again);
	}
	mp_req_params_free(&ps);
	mp_req_params_free(&again);
	mp_buf_free(&b);
	free(text);
	return 0;
}
