/*
 * test-req.c -- request parsing: query strings, urlencoded and
 * multipart bodies (read in pieces of every size), limits, malformed
 * bodies and cookies.
 */
#include "config.h"

#include "util.h"

/* An in-memory body that hands out at most step bytes per call. */
struct src {
	const char	*p;
	size_t		 len;
	size_t		 pos;
	size_t		 step;
	size_t		 calls;
	size_t		 asked;		/* largest len asked for */
};

static long
src_read(void *arg, void *buf, size_t len)
{
	struct src	*s = arg;
	size_t		 n;

	s->calls++;
	if (len > s->asked)
		s->asked = len;
	n = s->len - s->pos;
	if (n > len)
		n = len;
	if (s->step > 0 && n > s->step)
		n = s->step;
	memcpy(buf, s->p + s->pos, n);
	s->pos += n;
	return (long)n;
}

/* src_read, but the stream breaks (-1) where the data end. */
static long
broken_read(void *arg, void *buf, size_t len)
{
	struct src	*s = arg;

	if (s->pos == s->len) {
		s->calls++;
		return -1;
	}
	return src_read(arg, buf, len);
}

/* A reader that must never be called. */
static long
no_read(void *arg, void *buf, size_t len)
{

	(void)arg;
	(void)buf;
	(void)len;
	fail_msg("the body was read");
	return -1;
}

/* Environment for a POST of body with content type ct. */
struct env {
	char	*v[8];
	char	 cl[64];
	char	 ct[256];
};

static char **
post_env(struct env *e, const char *ct, size_t len)
{
	size_t	 i = 0;

	snprintf(e->cl, sizeof(e->cl), "CONTENT_LENGTH=%zu", len);
	snprintf(e->ct, sizeof(e->ct), "CONTENT_TYPE=%s", ct);
	e->v[i++] = "REQUEST_METHOD=POST";
	e->v[i++] = "REQUEST_URI=/melden";
	e->v[i++] = e->cl;
	e->v[i++] = e->ct;
	e->v[i++] = NULL;
	return e->v;
}

/*
 * Environment for a POST with content type ct and no CONTENT_LENGTH,
 * as Apache's mod_proxy_fcgi passes a chunked body it has not read
 * whole: the end of the stream ends the body.
 */
static char **
chunked_env(struct env *e, const char *ct)
{
	size_t	 i = 0;

	snprintf(e->ct, sizeof(e->ct), "CONTENT_TYPE=%s", ct);
	e->v[i++] = "REQUEST_METHOD=POST";
	e->v[i++] = "REQUEST_URI=/melden";
	e->v[i++] = "HTTP_TRANSFER_ENCODING=chunked";
	e->v[i++] = e->ct;
	e->v[i++] = NULL;
	return e->v;
}

/*
 * Parse a POST of body (len bytes) without CONTENT_LENGTH, read step
 * bytes at a time through fn; the source is left in *sp.
 */
static void
parse_chunked(struct mp_req *req, const char *ct, const char *body,
    size_t len, size_t step, mp_read_fn fn, const struct mp_limits *lim,
    struct src *sp)
{
	static struct env	 e;

	memset(sp, 0, sizeof(*sp));
	sp->p = body;
	sp->len = len;
	sp->step = step;
	assert_int_equal(mp_req_parse(req, chunked_env(&e, ct), fn, sp,
	    NULL, NULL, lim), MP_OK);
}

/* Parse a POST of body (len bytes) read step bytes at a time. */
static void
parse_post(struct mp_req *req, const char *ct, const char *body, size_t len,
    size_t step, const struct mp_limits *lim)
{
	static struct env	 e;
	static struct src	 s;

	memset(&s, 0, sizeof(s));
	s.p = body;
	s.len = len;
	s.step = step;
	assert_int_equal(mp_req_parse(req, post_env(&e, ct, len), src_read,
	    &s, NULL, NULL, lim), MP_OK);
}

static void
test_query(void **state)
{
	struct mp_req	 req;
	char		*env[] = {
		"REQUEST_METHOD=GET",
		"REQUEST_URI=/a/b?ignored=1",
		"QUERY_STRING=x=1&y=hello+world&z=%41%42%c3%a9&x=2&&=skip"
		    "&flag",
		"REMOTE_ADDR=192.0.2.1",
		NULL
	};
	size_t		 len;

	(void)state;
	assert_int_equal(mp_req_parse(&req, env, no_read, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_OK);
	assert_string_equal(req.method, "GET");
	assert_string_equal(req.path, "/a/b");
	assert_string_equal(req.remote_addr, "192.0.2.1");
	assert_int_equal(req.query.n, 5);
	assert_string_equal(mp_req_params_get(&req.query, "x", &len), "1");
	assert_int_equal(len, 1);
	assert_int_equal(mp_req_params_count(&req.query, "x"), 2);
	assert_string_equal(req.query.v[3].val, "2");
	assert_string_equal(mp_req_params_get(&req.query, "y", NULL),
	    "hello world");
	assert_string_equal(mp_req_params_get(&req.query, "z", NULL),
	    "AB\xc3\xa9");
	assert_string_equal(mp_req_params_get(&req.query, "flag", &len), "");
	assert_int_equal(len, 0);
	assert_null(mp_req_params_get(&req.query, "ignored", NULL));
	assert_null(mp_req_params_get(&req.query, "nope", &len));
	assert_int_equal(mp_req_params_count(&req.query, "nope"), 0);
	assert_string_equal(mp_req_env(&req, "REQUEST_METHOD"), "GET");
	assert_null(mp_req_env(&req, "REQUEST"));
	assert_int_equal(req.form.n, 0);
	mp_req_free(&req);
	assert_null(req.path);
	assert_int_equal(req.query.n, 0);
}

static void
test_query_fallbacks(void **state)
{
	struct mp_req	 req;
	char		*env1[] = { "REQUEST_METHOD=GET",
	    "REQUEST_URI=/lijst?pagina=3", NULL };
	char		*env2[] = { "REQUEST_METHOD=GET",
	    "SCRIPT_NAME=/dashboard", "PATH_INFO=/melding/7",
	    "QUERY_STRING=", NULL };

	(void)state;
	assert_int_equal(mp_req_parse(&req, env1, NULL, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_string_equal(req.path, "/lijst");
	assert_string_equal(mp_req_params_get(&req.query, "pagina", NULL),
	    "3");
	mp_req_free(&req);

	assert_int_equal(mp_req_parse(&req, env2, NULL, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_string_equal(req.path, "/dashboard/melding/7");
	assert_int_equal(req.query.n, 0);
	mp_req_free(&req);
}

static void
test_urlencoded_charset(void **state)
{
	struct mp_req	 req;
	const char	*body =
	    "naam=Jan+de+Vries&tekst=a%0D%0Ab%20+&n%61am=2";
	size_t		 steps[] = { 0, 1, 3, 7 }, i, len;

	(void)state;
	for (i = 0; i < MP_NELEM(steps); i++) {
		parse_post(&req, "Application/X-WWW-Form-URLencoded; "
		    "charset=UTF-8", body, strlen(body), steps[i], NULL);
		assert_int_equal(req.err, MP_OK);
		assert_int_equal(req.form.n, 3);
		assert_string_equal(mp_req_params_get(&req.form, "naam", NULL),
		    "Jan de Vries");
		assert_int_equal(mp_req_params_count(&req.form, "naam"), 2);
		assert_string_equal(mp_req_params_get(&req.form, "tekst",
		    &len),
		    "a\r\nb  ");
		assert_int_equal(len, 6);
		mp_req_free(&req);
	}
}

static void
test_nul_kept(void **state)
{
	struct mp_req	 req;
	const char	*body = "a=x%00y&b=1";
	const char	*v;
	size_t		 len;

	(void)state;
	parse_post(&req, "application/x-www-form-urlencoded", body,
	    strlen(body), 0, NULL);
	assert_int_equal(req.err, MP_OK);
	v = mp_req_params_get(&req.form, "a", &len);
	assert_non_null(v);
	assert_int_equal(len, 3);
	assert_memory_equal(v, "x\0y", 4);
	assert_string_equal(mp_req_params_get(&req.form, "b", NULL), "1");
	mp_req_free(&req);
}

static void
test_bad_escape(void **state)
{
	struct mp_req	 req;
	const char	*bad[] = { "ok=1&a=%zz", "ok=1&a=%4", "ok=1&a=%",
	    "ok=1&%g1=x", "ok=1&a%00=x" };
	size_t		 i;

	(void)state;
	for (i = 0; i < MP_NELEM(bad); i++) {
		parse_post(&req, "application/x-www-form-urlencoded", bad[i],
		    strlen(bad[i]), 0, NULL);
		assert_int_equal(req.err, MP_EINVAL);
		/* The fields before the error are kept. */
		assert_string_equal(mp_req_params_get(&req.form, "ok", NULL),
		    "1");
		mp_req_free(&req);
	}
}

static void
test_limits(void **state)
{
	struct mp_req	 req;
	struct mp_limits lim;
	struct mp_params ps;
	char		*env[] = { "REQUEST_METHOD=POST",
	    "QUERY_STRING=q1=1&q2=2", "CONTENT_LENGTH=7",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	struct src	 s = { "b1=1&b2", 7, 0, 0, 0, 0 };
	size_t		 count;

	(void)state;
	memset(&lim, 0, sizeof(lim));
	lim.max_params = 3;
	lim.max_name = 4;
	lim.max_value = 5;

	/* Query and body count together. */
	assert_int_equal(mp_req_parse(&req, env, src_read, &s, NULL, NULL,
	    &lim), MP_OK);
	assert_int_equal(req.err, MP_ETOOBIG);
	assert_int_equal(req.query.n, 2);
	assert_int_equal(req.form.n, 1);
	mp_req_free(&req);

	memset(&ps, 0, sizeof(ps));
	count = 0;
	assert_int_equal(mp_req_parse_urlencoded(&ps, "abcd=1", 6, &lim,
	    &count),
	    MP_OK);
	assert_int_equal(count, 1);
	assert_int_equal(mp_req_parse_urlencoded(&ps, "abcde=1", 7, &lim,
	    &count), MP_ETOOBIG);
	assert_int_equal(mp_req_parse_urlencoded(&ps, "a=12345", 7, &lim,
	    &count), MP_OK);
	assert_int_equal(mp_req_parse_urlencoded(&ps, "a=123456", 8, &lim,
	    &count), MP_ETOOBIG);
	mp_req_params_free(&ps);

	/* Limits apply to decoded sizes. */
	count = 0;
	assert_int_equal(mp_req_parse_urlencoded(&ps, "%61%62%63%64=%41%41%41"
	    "%41%41", 28, &lim, &count), MP_OK);
	assert_string_equal(mp_req_params_get(&ps, "abcd", NULL), "AAAAA");
	mp_req_params_free(&ps);
	assert_int_equal(ps.n, 0);
}

static void
test_body_too_big_unread(void **state)
{
	struct mp_req	 req;
	struct mp_limits lim;
	char		*env[] = { "REQUEST_METHOD=POST",
	    "CONTENT_LENGTH=1048577",
	    "CONTENT_TYPE=application/x-www-form-urlencoded",
	    "QUERY_STRING=a=1", NULL };
	char		*env2[] = { "REQUEST_METHOD=POST",
	    "CONTENT_LENGTH=99999999999999999999999999",
	    "CONTENT_TYPE=multipart/form-data; boundary=x", NULL };

	(void)state;
	memset(&lim, 0, sizeof(lim));
	assert_int_equal(mp_req_parse(&req, env, no_read, NULL, NULL, NULL,
	    &lim), MP_OK);
	assert_int_equal(req.err, MP_ETOOBIG);
	assert_string_equal(mp_req_params_get(&req.query, "a", NULL), "1");
	mp_req_free(&req);
	assert_int_equal(mp_req_parse(&req, env2, no_read, NULL, NULL, NULL,
	    &lim), MP_OK);
	assert_int_equal(req.err, MP_ETOOBIG);
	mp_req_free(&req);
}

static void
test_bad_length(void **state)
{
	struct mp_req	 req;
	char		*env1[] = { "REQUEST_METHOD=POST", "CONTENT_LENGTH=1x",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	char		*env3[] = { "REQUEST_METHOD=POST", "CONTENT_LENGTH=-1",
	    "CONTENT_TYPE=application/x-www-form-urlencoded", NULL };
	char		*env4[] = { "REQUEST_METHOD=POST", NULL };
	char		*env5[] = { "REQUEST_METHOD=GET", "CONTENT_LENGTH=5",
	    "CONTENT_TYPE=text/plain", NULL };
	struct src	 s;

	(void)state;
	assert_int_equal(mp_req_parse(&req, env1, no_read, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_EINVAL);
	mp_req_free(&req);
	assert_int_equal(mp_req_parse(&req, env3, no_read, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_EINVAL);
	mp_req_free(&req);
	/* No length and no type: an empty POST. */
	assert_int_equal(mp_req_parse(&req, env4, no_read, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_OK);
	mp_req_free(&req);
	/* A GET body is never read. */
	assert_int_equal(mp_req_parse(&req, env5, no_read, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_OK);
	mp_req_free(&req);

	/* Announced 10 bytes, only 5 arrive: truncated. */
	memset(&s, 0, sizeof(s));
	s.p = "a=1&b";
	s.len = 5;
	env1[1] = "CONTENT_LENGTH=10";
	assert_int_equal(mp_req_parse(&req, env1, src_read, &s, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_EINVAL);
	mp_req_free(&req);

	/* Never more than announced is asked for. */
	memset(&s, 0, sizeof(s));
	s.p = "a=1&b=2&c=3";
	s.len = 11;
	env1[1] = "CONTENT_LENGTH=3";
	assert_int_equal(mp_req_parse(&req, env1, src_read, &s, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_OK);
	assert_int_equal(s.asked, 3);
	assert_int_equal(req.form.n, 1);
	assert_null(mp_req_params_get(&req.form, "b", NULL));
	mp_req_free(&req);
}

static void
test_unsupported_type(void **state)
{
	struct mp_req	 req;
	const char	*types[] = { "text/plain", "application/json",
	    "application/x-www-form-urlencodedx", "" };
	size_t		 i;

	(void)state;
	for (i = 0; i < MP_NELEM(types); i++) {
		parse_post(&req, types[i], "a=1", 3, 0, NULL);
		assert_int_equal(req.err, MP_EINVAL);
		assert_int_equal(req.form.n, 0);
		mp_req_free(&req);
	}
	/* An empty body of any type is no error. */
	parse_post(&req, "text/plain", "", 0, 0, NULL);
	assert_int_equal(req.err, MP_OK);
	mp_req_free(&req);
}

#define BND	"----WebKitFormBoundaryAbC123"
#define BNDP	"----WebKitFormBoundaryAbC12"	/* all but the last */
#define CTMP	"multipart/form-data; boundary=" BND

/* Text fields with trailing blanks, a file, an unused file input. */
static const char mpbody[] =
	"preamble to be ignored\r\n"
	"--" BND "\r\n"
	"Content-Disposition: form-data; name=\"naam\"\r\n"
	"\r\n"
	"Jan  \r\n"
	"--" BND "\r\n"
	"content-disposition: Form-Data; name=\"tekst\"\r\n"
	"\r\n"
	"regel 1\r\nregel 2\r\n\r\n \t\r\n"
	"--" BND "\r\n"
	"Content-Disposition: form-data; name=\"lastig\"\r\n"
	"\r\n"
	"x\r\n--" BNDP " is geen grens\r\n--" BNDP "\r"
	"\r\n"
	"--" BND "\r\n"
	"Content-Disposition: form-data; name=\"bijlage\"; "
	"filename=\"foto \\\"1\\\".jpg\"\r\n"
	"Content-Type: image/jpeg\r\n"
	"\r\n"
	"\xff\xd8\x00\r\n--\r\n\xff\xd9"
	"\r\n"
	"--" BND "\r\n"
	"Content-Disposition: form-data; name=\"bijlage2\"; filename=\"\"\r\n"
	"Content-Type: application/octet-stream\r\n"
	"\r\n"
	"\r\n"
	"--" BND "\r\n"
	"Content-Disposition: form-data; name=\"leeg\"\r\n"
	"\r\n"
	"\r\n"
	"--" BND "--\r\n"
	"epilogue, also ignored";

static void
check_mpbody(struct mp_req *req)
{
	const char	*v;
	size_t		 len;

	assert_int_equal(req->err, MP_OK);
	assert_int_equal(req->form.n, 4);
	assert_string_equal(mp_req_params_get(&req->form, "naam", NULL),
	    "Jan  ");
	assert_string_equal(mp_req_params_get(&req->form, "tekst", NULL),
	    "regel 1\r\nregel 2\r\n\r\n \t");
	assert_string_equal(mp_req_params_get(&req->form, "lastig", NULL),
	    "x\r\n--" BNDP " is geen grens\r\n--" BNDP "\r");
	v = mp_req_params_get(&req->form, "leeg", &len);
	assert_string_equal(v, "");
	assert_int_equal(len, 0);
	assert_int_equal(req->nfiles, 1);
	assert_int_equal(req->files_dropped, 0);
	assert_string_equal(req->files[0].field, "bijlage");
	assert_string_equal(req->files[0].filename, "foto \"1\".jpg");
	assert_string_equal(req->files[0].ctype, "image/jpeg");
	assert_int_equal(req->files[0].over, 0);
	assert_int_equal(req->files[0].size, 11);
	assert_memory_equal(req->files[0].data,
	    "\xff\xd8\x00\r\n--\r\n\xff\xd9", 11);
}

static void
test_multipart_every_split(void **state)
{
	struct mp_req	 req;
	size_t		 step;

	(void)state;
	/* 0 is "all at once"; 1 and 7 as asked, and all in between. */
	for (step = 0; step <= 40; step++) {
		parse_post(&req, CTMP, mpbody, sizeof(mpbody) - 1, step, NULL);
		check_mpbody(&req);
		mp_req_free(&req);
	}
}

#define DOTS70	"..................................." \
		"..................................."

static void
test_multipart_preamble(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 b;
	size_t		 plen, i, steps[] = { 0, 1, 2, 3, 7, 31, 32, 33 };

	(void)state;
	/* The first delimiter at every offset, read in pieces. */
	for (plen = 0; plen < 70; plen++)
		for (i = 0; i < MP_NELEM(steps); i++) {
			mp_buf_init(&b, 4096);
			if (plen > 0)
				assert_int_equal(mp_buf_printf(&b, "%.*s\r\n",
				    (int)plen, DOTS70), MP_OK);
			assert_int_equal(mp_buf_addstr(&b, "--" BND "\r\n"
			    "Content-Disposition: form-data; name=\"a\"\r\n"
			    "\r\n1\r\n--" BND "--"), MP_OK);
			parse_post(&req, CTMP, mp_buf_str(&b), mp_buf_len(&b),
			    steps[i], NULL);
			if (req.err != MP_OK)
				fail_msg("preamble %zu, step %zu", plen,
				    steps[i]);
			assert_string_equal(mp_req_params_get(&req.form, "a",
			    NULL), "1");
			mp_req_free(&req);
			mp_buf_free(&b);
		}
}

static void
test_multipart_large_file(void **state)
{
	struct mp_req	 req;
	struct mp_limits lim;
	struct mp_buf	 b;
	char		*file;
	size_t		 fsz, i;

	(void)state;
	memset(&lim, 0, sizeof(lim));
	lim.max_body = 1024 * 1024;
	/* The delimiter falls on each side of the 64 KiB read size. */
	for (fsz = 65536 - 200; fsz < 65536 + 100; fsz += 3) {
		if ((file = malloc(fsz)) == NULL)
			fail();
		for (i = 0; i < fsz; i++)
			file[i] = (char)(i * 7 + fsz);
		mp_buf_init(&b, 1024 * 1024);
		assert_int_equal(mp_buf_printf(&b, "--" BND "\r\nContent-"
		    "Disposition: form-data; name=\"f\"; filename=\"f.bin\""
		    "\r\n\r\n"), MP_OK);
		assert_int_equal(mp_buf_add(&b, file, fsz), MP_OK);
		assert_int_equal(mp_buf_addstr(&b, "\r\n--" BND "\r\nContent-"
		    "Disposition: form-data; name=\"na\"\r\n\r\nwaarde\r\n--"
		    BND "--"), MP_OK);
		parse_post(&req, CTMP, mp_buf_str(&b), mp_buf_len(&b),
		    fsz % 2 ? 0 : 65537, &lim);
		assert_int_equal(req.err, MP_OK);
		assert_int_equal(req.nfiles, 1);
		assert_int_equal(req.files[0].size, fsz);
		assert_memory_equal(req.files[0].data, file, fsz);
		assert_string_equal(mp_req_params_get(&req.form, "na", NULL),
		    "waarde");
		mp_req_free(&req);
		mp_buf_free(&b);
		free(file);
	}
}

static void
test_multipart_quoted_boundary(void **state)
{
	struct mp_req	 req;
	const char	 body[] =
	    "--a:b c?\r\n"
	    "Content-Disposition: form-data; name=\"x\"\r\n\r\n"
	    "1\r\n"
	    "--a:b c?--";

	(void)state;
	parse_post(&req, "Multipart/Form-Data; charset=utf-8; "
	    "boundary=\"a:b c?\"", body, sizeof(body) - 1, 1, NULL);
	assert_int_equal(req.err, MP_OK);
	assert_string_equal(mp_req_params_get(&req.form, "x", NULL), "1");
	mp_req_free(&req);

	/* Unquoted, ':' is not a token character: malformed. */
	parse_post(&req, "multipart/form-data; boundary=a:b c?", body,
	    sizeof(body) - 1, 0, NULL);
	assert_int_equal(req.err, MP_EINVAL);
	mp_req_free(&req);
}

#define B70	"0123456789012345678901234567890123456789" \
		"012345678901234567890123456789"

static void
test_multipart_bad_boundary(void **state)
{
	struct mp_req	 req;
	char		 ct[200], body[300];
	const char	*bad[] = { "multipart/form-data",
	    "multipart/form-data; boundary=",
	    "multipart/form-data; boundary=\"\"",
	    "multipart/form-data; boundary=\"abc",
	    "multipart/form-data; boundary=\"a\r\nb\"" };
	size_t		 i;

	(void)state;
	for (i = 0; i < MP_NELEM(bad); i++) {
		parse_post(&req, bad[i], "--x\r\n", 5, 0, NULL);
		assert_int_equal(req.err, MP_EINVAL);
		mp_req_free(&req);
	}
	/* 70 characters is the maximum, 71 too many. */
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s7", B70);
	parse_post(&req, ct, "--x\r\n", 5, 0, NULL);
	assert_int_equal(req.err, MP_EINVAL);
	mp_req_free(&req);
	snprintf(ct, sizeof(ct), "multipart/form-data; boundary=%s", B70);
	snprintf(body, sizeof(body), "--%s\r\nContent-Disposition: "
	    "form-data; name=a\r\n\r\nv\r\n--%s--", B70, B70);
	parse_post(&req, ct, body, strlen(body), 0, NULL);
	assert_int_equal(req.err, MP_OK);
	assert_string_equal(mp_req_params_get(&req.form, "a", NULL), "v");
	mp_req_free(&req);
}

static void
test_multipart_files(void **state)
{
	struct mp_req	 req;
	struct mp_limits lim;
	const char	 body[] =
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"f1\"; filename=\"a.txt\""
	    "\r\n\r\n0123456789ABCDEFGHIJKLMNO\r\n"
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"f2\"; filename=\"b.txt\""
	    "\r\n\r\nklein\r\n"
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"f3\"; filename=\"c.txt\""
	    "\r\n\r\nnog een\r\n"
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"f4\"; filename=\"\""
	    "\r\n\r\nzonder naam\r\n"
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"t\"\r\n\r\ntekst\r\n"
	    "--b--\r\n";

	(void)state;
	memset(&lim, 0, sizeof(lim));
	lim.max_file = 10;
	lim.max_files = 2;
	parse_post(&req, "multipart/form-data; boundary=b", body,
	    sizeof(body) - 1, 7, &lim);
	assert_int_equal(req.err, MP_OK);
	assert_int_equal(req.nfiles, 2);
	/* Over max_file: recorded without data, all bytes counted. */
	assert_string_equal(req.files[0].field, "f1");
	assert_int_equal(req.files[0].over, 1);
	assert_null(req.files[0].data);
	assert_int_equal(req.files[0].size, 25);
	assert_string_equal(req.files[1].field, "f2");
	assert_string_equal(req.files[1].filename, "b.txt");
	assert_null(req.files[1].ctype);
	assert_int_equal(req.files[1].over, 0);
	assert_int_equal(req.files[1].size, 5);
	assert_memory_equal(req.files[1].data, "klein", 5);
	/* Beyond max_files, even one without a file name, counted. */
	assert_int_equal(req.files_dropped, 2);
	assert_string_equal(mp_req_params_get(&req.form, "t", NULL), "tekst");
	assert_null(mp_req_params_get(&req.form, "f3", NULL));
	mp_req_free(&req);
	assert_null(req.files);
	assert_int_equal(req.nfiles, 0);
}

static int
known_ab(const char *n)
{

	return strcmp(n, "a") == 0 || strcmp(n, "b") == 0;
}

static void
test_form_known(void **state)
{
	struct mp_req	 req;
	const char	*ok = "a=1&b=2", *twice = "a=1&b=2&a=3",
			*odd = "a=1&c=2";
	const char	 mp[] =
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--b\r\n"
	    "Content-Disposition: form-data; name=\"f\"; filename=\"x.txt\""
	    "\r\n\r\ninhoud\r\n"
	    "--b--\r\n";

	(void)state;
	parse_post(&req, "application/x-www-form-urlencoded", ok,
	    strlen(ok), 0, NULL);
	assert_int_equal(mp_req_form_known(&req, known_ab, "f"), 1);
	mp_req_free(&req);
	/* A field twice, or one not known: refused. */
	parse_post(&req, "application/x-www-form-urlencoded", twice,
	    strlen(twice), 0, NULL);
	assert_int_equal(mp_req_form_known(&req, known_ab, "f"), 0);
	mp_req_free(&req);
	parse_post(&req, "application/x-www-form-urlencoded", odd,
	    strlen(odd), 0, NULL);
	assert_int_equal(mp_req_form_known(&req, known_ab, "f"), 0);
	mp_req_free(&req);
	/* Files only under their field. */
	parse_post(&req, "multipart/form-data; boundary=b", mp,
	    sizeof(mp) - 1, 0, NULL);
	assert_int_equal(req.err, MP_OK);
	assert_int_equal(req.nfiles, 1);
	assert_int_equal(mp_req_form_known(&req, known_ab, "f"), 1);
	assert_int_equal(mp_req_form_known(&req, known_ab, "g"), 0);
	mp_req_free(&req);
}

static void
test_multipart_malformed(void **state)
{
	struct mp_req	 req;
	struct mp_limits lim;
	size_t		 i;
	const struct {
		const char	*body;
		enum mp_err	 err;
		size_t		 nform;		/* fields kept */
	} cases[] = {
		/* No closing delimiter. */
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		  "1\r\n--b\r\nContent-Disposition: form-data; name=\"c\"\r\n"
		  "\r\n2\r\n", MP_EINVAL, 1 },
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		  "1\r\n--b", MP_EINVAL, 1 },
		/* No Content-Disposition. */
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		  "1\r\n--b\r\nContent-Type: text/plain\r\n\r\n2\r\n--b--",
		  MP_EINVAL, 1 },
		/* No name. */
		{ "--b\r\nContent-Disposition: form-data; filename=\"x\"\r\n"
		  "\r\n2\r\n--b--", MP_EINVAL, 0 },
		/* Not form-data. */
		{ "--b\r\nContent-Disposition: attachment; name=\"a\"\r\n"
		  "\r\n2\r\n--b--", MP_EINVAL, 0 },
		/* Header block without a blank line. */
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		  "--b--\r\n", MP_EINVAL, 0 },
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n",
		  MP_EINVAL, 0 },
		/* No headers at all. */
		{ "--b\r\n\r\nx\r\n--b--", MP_EINVAL, 0 },
		/* No boundary in the body. */
		{ "a=1&b=2", MP_EINVAL, 0 },
		/* Garbage after a delimiter. */
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		  "1\r\n--bx\r\n", MP_EINVAL, 1 },
		/* An unterminated quoted name. */
		{ "--b\r\nContent-Disposition: form-data; name=\"a\r\n\r\n"
		  "1\r\n--b--", MP_EINVAL, 0 },
		/* Limits: name, value, header block. */
		{ "--b\r\nContent-Disposition: form-data; name=\"abcdefghi\""
		  "\r\n\r\n1\r\n--b--", MP_ETOOBIG, 0 },
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
		  "1234567890123456789\r\n--b--", MP_ETOOBIG, 0 },
		{ "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		  "X-Long: 012345678901234567890123456789012345678901234567890"
		  "123456789012345678901234567890123456789\r\n\r\n1\r\n--b--",
		  MP_ETOOBIG, 0 },
		/* Transport padding after a delimiter is allowed. */
		{ "--b \t\r\nContent-Disposition: form-data; name=\"a\"\r\n"
		  "\r\n1\r\n--b--", MP_OK, 1 },
	};

	(void)state;
	memset(&lim, 0, sizeof(lim));
	lim.max_name = 8;
	lim.max_value = 16;
	lim.max_part_header = 100;
	for (i = 0; i < MP_NELEM(cases); i++) {
		parse_post(&req, "multipart/form-data; boundary=b",
		    cases[i].body, strlen(cases[i].body), i % 3, &lim);
		if (req.err != cases[i].err || req.form.n != cases[i].nform)
			fail_msg("case %zu: err %d, %zu fields", i,
			    (int)req.err, req.form.n);
		if (cases[i].nform > 0)
			assert_string_equal(mp_req_params_get(&req.form, "a",
			    NULL), "1");
		mp_req_free(&req);
	}
}

static void
test_multipart_param_limit(void **state)
{
	struct mp_req	 req;
	struct mp_limits lim;
	const char	 body[] =
	    "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--b\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n"
	    "--b\r\nContent-Disposition: form-data; name=\"c\"\r\n\r\n3\r\n"
	    "--b--";

	(void)state;
	memset(&lim, 0, sizeof(lim));
	lim.max_params = 2;
	parse_post(&req, "multipart/form-data; boundary=b", body,
	    sizeof(body) - 1, 0, &lim);
	assert_int_equal(req.err, MP_ETOOBIG);
	assert_int_equal(req.form.n, 2);
	mp_req_free(&req);
}

/*
 * A body without CONTENT_LENGTH (Apache passes a chunked body that
 * way) is read to the end of the stream: urlencoded.
 */
static void
test_chunked_urlencoded(void **state)
{
	struct mp_req	 req;
	struct src	 s;
	const char	 body[] = "a=1&b=hello+world&c=%41%42";
	size_t		 i, steps[] = { 0, 1, 3, 7 };

	(void)state;
	for (i = 0; i < MP_NELEM(steps); i++) {
		parse_chunked(&req, "application/x-www-form-urlencoded",
		    body, sizeof(body) - 1, steps[i], src_read, NULL, &s);
		assert_int_equal(req.err, MP_OK);
		assert_int_equal(req.form.n, 3);
		assert_string_equal(mp_req_params_get(&req.form, "a", NULL),
		    "1");
		assert_string_equal(mp_req_params_get(&req.form, "b", NULL),
		    "hello world");
		assert_string_equal(mp_req_params_get(&req.form, "c", NULL),
		    "AB");
		assert_int_equal(s.pos, s.len);	/* read to the end */
		mp_req_free(&req);
	}

	/* An empty stream is an empty form. */
	parse_chunked(&req, "application/x-www-form-urlencoded; charset=UTF-8",
	    "", 0, 0, src_read, NULL, &s);
	assert_int_equal(req.err, MP_OK);
	assert_int_equal(req.form.n, 0);
	assert_int_equal(s.calls, 1);
	mp_req_free(&req);

	/* Still only the types we parse. */
	parse_chunked(&req, "text/plain", "a=1", 3, 0, src_read, NULL, &s);
	assert_int_equal(req.err, MP_EINVAL);
	assert_int_equal(req.form.n, 0);
	mp_req_free(&req);
}

/* The same for multipart/form-data, in pieces of every size. */
static void
test_chunked_multipart(void **state)
{
	struct mp_req	 req;
	struct src	 s;
	size_t		 step;

	(void)state;
	for (step = 0; step <= 40; step++) {
		parse_chunked(&req, CTMP, mpbody, sizeof(mpbody) - 1, step,
		    src_read, NULL, &s);
		check_mpbody(&req);
		mp_req_free(&req);
	}
}

/*
 * Without a length the limit is counted while reading: a body of
 * max_body bytes passes, one byte more is MP_ETOOBIG (413, as for an
 * announced length), and no more than max_body + 1 bytes are read.
 */
static void
test_chunked_limit(void **state)
{
	struct mp_req	 req;
	struct mp_limits lim;
	struct src	 s;
	char		*big;
	size_t		 i, steps[] = { 0, 1, 7, 4096 };
	const char	 ct[] = "application/x-www-form-urlencoded";
	const char	 body[] = "a=123456789012345678x";	/* 21 */

	(void)state;
	memset(&lim, 0, sizeof(lim));
	lim.max_body = 20;
	for (i = 0; i < MP_NELEM(steps); i++) {
		parse_chunked(&req, ct, body, 20, steps[i], src_read, &lim,
		    &s);
		assert_int_equal(req.err, MP_OK);
		assert_string_equal(mp_req_params_get(&req.form, "a", NULL),
		    "123456789012345678");
		mp_req_free(&req);

		parse_chunked(&req, ct, body, 21, steps[i], src_read, &lim,
		    &s);
		assert_int_equal(req.err, MP_ETOOBIG);
		assert_int_equal(req.form.n, 0);
		assert_true(s.pos <= 21);
		mp_req_free(&req);
	}

	/* A large stream is not read beyond the limit. */
	assert_non_null(big = malloc(1024 * 1024));
	memset(big, 'x', 1024 * 1024);
	memcpy(big, "a=", 2);
	lim.max_body = 1000;
	for (i = 0; i < MP_NELEM(steps); i++) {
		parse_chunked(&req, ct, big, 1024 * 1024, steps[i], src_read,
		    &lim, &s);
		assert_int_equal(req.err, MP_ETOOBIG);
		assert_true(s.pos <= 1001);
		mp_req_free(&req);

		parse_chunked(&req, CTMP, big, 1024 * 1024, steps[i],
		    src_read, &lim, &s);
		assert_int_equal(req.err, MP_ETOOBIG);
		assert_true(s.pos <= 1001);
		mp_req_free(&req);
	}
	free(big);

	/* Multipart: over the limit before its end, and just within. */
	lim.max_body = 100;
	for (i = 0; i < MP_NELEM(steps); i++) {
		parse_chunked(&req, CTMP, mpbody, sizeof(mpbody) - 1,
		    steps[i], src_read, &lim, &s);
		assert_int_equal(req.err, MP_ETOOBIG);
		assert_true(s.pos <= 101);
		mp_req_free(&req);
	}
	lim.max_body = sizeof(mpbody) - 1;
	for (i = 0; i < MP_NELEM(steps); i++) {
		parse_chunked(&req, CTMP, mpbody, sizeof(mpbody) - 1,
		    steps[i], src_read, &lim, &s);
		check_mpbody(&req);
		mp_req_free(&req);
	}
}

/*
 * A stream that breaks (the client went away) is a malformed body,
 * not a short one: MP_EINVAL, never MP_ETOOBIG; and a multipart body
 * whose stream ends before the closing delimiter is incomplete.
 */
static void
test_chunked_truncated(void **state)
{
	struct mp_req	 req;
	struct src	 s;
	const char	*end;
	size_t		 cut, last, i, steps[] = { 0, 1, 7 };

	(void)state;
	for (i = 0; i < MP_NELEM(steps); i++) {
		parse_chunked(&req, "application/x-www-form-urlencoded",
		    "a=1&b=2", 7, steps[i], broken_read, NULL, &s);
		assert_int_equal(req.err, MP_EINVAL);
		mp_req_free(&req);
	}

	/* Every cut before the closing "--": incomplete.  (The body
	 * holds a NUL, so no strstr.) */
	end = NULL;
	for (i = 0; i + sizeof(BND) + 3 < sizeof(mpbody); i++)
		if (memcmp(mpbody + i, "--" BND "--", sizeof(BND) + 3) == 0)
			end = mpbody + i;
	assert_non_null(end);
	last = (size_t)(end - mpbody) + 2 + strlen(BND) + 1;
	for (cut = 0; cut <= last; cut++)
		for (i = 0; i < MP_NELEM(steps); i++) {
			parse_chunked(&req, CTMP, mpbody, cut, steps[i],
			    src_read, NULL, &s);
			assert_int_equal(req.err, MP_EINVAL);
			mp_req_free(&req);
			parse_chunked(&req, CTMP, mpbody, cut, steps[i],
			    broken_read, NULL, &s);
			assert_int_equal(req.err, MP_EINVAL);
			mp_req_free(&req);
		}
	/* With the closing "--" the rest may be missing. */
	parse_chunked(&req, CTMP, mpbody, last + 1, 0, broken_read, NULL, &s);
	assert_int_equal(req.err, MP_OK);
	assert_int_equal(req.nfiles, 1);
	mp_req_free(&req);
}

static void
test_cookies(void **state)
{
	struct mp_req	 req;
	struct mp_params ps;
	struct mp_limits lim;
	char		*env[] = { "REQUEST_METHOD=GET",
	    "HTTP_COOKIE=sid=abc123;  taal = nl ;kapot; e=f=g; =x; h=;%41=%42",
	    NULL };
	size_t		 len;

	(void)state;
	assert_int_equal(mp_req_parse(&req, env, NULL, NULL, NULL, NULL,
	    NULL), MP_OK);
	assert_int_equal(req.err, MP_OK);
	assert_int_equal(req.cookies.n, 5);
	assert_string_equal(mp_req_params_get(&req.cookies, "sid", NULL),
	    "abc123");
	assert_string_equal(mp_req_params_get(&req.cookies, "taal", NULL),
	    "nl");
	assert_null(mp_req_params_get(&req.cookies, "kapot", NULL));
	assert_string_equal(mp_req_params_get(&req.cookies, "e", NULL), "f=g");
	assert_string_equal(mp_req_params_get(&req.cookies, "h", &len), "");
	assert_int_equal(len, 0);
	/* No decoding. */
	assert_string_equal(mp_req_params_get(&req.cookies, "%41", NULL),
	    "%42");
	mp_req_free(&req);

	memset(&lim, 0, sizeof(lim));
	lim.max_cookies = 2;
	memset(&ps, 0, sizeof(ps));
	assert_int_equal(mp_req_parse_cookies(&ps, "a=1; b=2; c=3", &lim),
	    MP_ETOOBIG);
	assert_int_equal(ps.n, 2);
	mp_req_params_free(&ps);
	assert_int_equal(mp_req_parse_cookies(&ps, "", &lim), MP_OK);
	assert_int_equal(ps.n, 0);
	mp_req_params_free(&ps);
}

static void
test_limits_default(void **state)
{
	struct mp_limits lim;

	(void)state;
	memset(&lim, 0, sizeof(lim));
	lim.max_files = 1;
	mp_req_limits_default(&lim);
	assert_int_equal(lim.max_body, 1024 * 1024);
	assert_int_equal(lim.max_params, 200);
	assert_int_equal(lim.max_name, 64);
	assert_int_equal(lim.max_value, 64 * 1024);
	assert_int_equal(lim.max_files, 1);
	assert_int_equal(lim.max_file, 10 * 1024 * 1024);
	assert_int_equal(lim.max_cookies, 32);
	assert_int_equal(lim.max_part_header, 4096);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_query),
		cmocka_unit_test(test_query_fallbacks),
		cmocka_unit_test(test_urlencoded_charset),
		cmocka_unit_test(test_nul_kept),
		cmocka_unit_test(test_bad_escape),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_body_too_big_unread),
		cmocka_unit_test(test_bad_length),
		cmocka_unit_test(test_unsupported_type),
		cmocka_unit_test(test_multipart_every_split),
		cmocka_unit_test(test_multipart_preamble),
		cmocka_unit_test(test_multipart_large_file),
		cmocka_unit_test(test_multipart_quoted_boundary),
		cmocka_unit_test(test_multipart_bad_boundary),
		cmocka_unit_test(test_multipart_files),
		cmocka_unit_test(test_form_known),
		cmocka_unit_test(test_multipart_malformed),
		cmocka_unit_test(test_multipart_param_limit),
		cmocka_unit_test(test_chunked_urlencoded),
		cmocka_unit_test(test_chunked_multipart),
		cmocka_unit_test(test_chunked_limit),
		cmocka_unit_test(test_chunked_truncated),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_limits_default),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
