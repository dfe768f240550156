/*
 * test-http.c -- responses: status and headers, the security headers,
 * charset, header injection, cookies, redirects, HEAD, a second send,
 * streamed bodies and the built-in error page.
 */
#include "config.h"

#include "util.h"

static long
buf_write(void *arg, const void *p, size_t len)
{

	if (mp_buf_add(arg, p, len) != MP_OK)
		return -1;
	return (long)len;
}

static char	*env_get[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/", NULL };
static char	*env_head[] = { "REQUEST_METHOD=HEAD", "REQUEST_URI=/", NULL };

static void
req_open(struct mp_req *req, struct mp_buf *out, char **env)
{

	mp_buf_init(out, 1024 * 1024);
	assert_int_equal(mp_req_parse(req, env, NULL, NULL, buf_write, out,
	    NULL), MP_OK);
}

static void
req_close(struct mp_req *req, struct mp_buf *out)
{

	mp_req_free(req);
	mp_buf_free(out);
}

/* The header block of a response (up to the blank line). */
static const char *
body_of(const struct mp_buf *out)
{
	const char	*p;

	p = strstr(mp_buf_str(out), "\r\n\r\n");
	assert_non_null(p);
	return p + 4;
}

static void
has_header(const struct mp_buf *out, const char *line)
{
	const char	*s = mp_buf_str(out), *end = body_of(out);
	const char	*p;
	char		 want[1024];

	snprintf(want, sizeof(want), "\r\n%s\r\n", line);
	p = strstr(s, want);
	if (p == NULL || p > end)
		fail_msg("header \"%s\" missing in:\n%s", line, s);
}

static void
check_security_headers(const struct mp_buf *out)
{

	has_header(out, "Cache-Control: no-store");
	has_header(out, "Content-Security-Policy: default-src 'none'; "
	    "style-src 'self'; img-src 'self' data:; form-action 'self'; "
	    "frame-ancestors 'none'; base-uri 'none'");
	has_header(out, "X-Content-Type-Options: nosniff");
	has_header(out, "Referrer-Policy: no-referrer");
	has_header(out, "X-Frame-Options: DENY");
	has_header(out, "Cross-Origin-Opener-Policy: same-origin");
}

static void
test_send(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;

	(void)state;
	req_open(&req, &out, env_get);
	assert_int_equal(mp_http_header(&req, "X-Extra", "ja"), MP_OK);
	assert_int_equal(mp_http_send(&req, 200, "text/html", "hallo", 5),
	    MP_OK);
	assert_int_equal(strncmp(mp_buf_str(&out), "Status: 200 OK\r\n", 16),
	    0);
	has_header(&out, "Content-Type: text/html; charset=utf-8");
	has_header(&out, "Content-Length: 5");
	has_header(&out, "X-Extra: ja");
	check_security_headers(&out);
	assert_string_equal(body_of(&out), "hallo");
	assert_int_equal(req.sent, 1);
	assert_int_equal(req.status, 200);
	req_close(&req, &out);
}

static void
test_charset(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	size_t		 i;
	const struct {
		const char	*in;
		const char	*out;
	} cases[] = {
		{ NULL, "text/html; charset=utf-8" },
		{ "text/plain", "text/plain; charset=utf-8" },
		{ "text/csv; header=present",
		  "text/csv; header=present; charset=utf-8" },
		{ "text/csv; charset=iso-8859-1",
		  "text/csv; charset=iso-8859-1" },
		{ "application/xml", "application/xml; charset=utf-8" },
		{ "application/atom+xml",
		  "application/atom+xml; charset=utf-8" },
		{ "application/json", "application/json" },
		{ "image/png", "image/png" },
	};
	char		 line[200];

	(void)state;
	for (i = 0; i < MP_NELEM(cases); i++) {
		req_open(&req, &out, env_get);
		assert_int_equal(mp_http_send(&req, 200, cases[i].in, "", 0),
		    MP_OK);
		snprintf(line, sizeof(line), "Content-Type: %s",
		    cases[i].out);
		has_header(&out, line);
		has_header(&out, "Content-Length: 0");
		req_close(&req, &out);
	}
}

static void
test_header_injection(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	const char	*badnames[] = { "X-A\r\nSet-Cookie", "X-A\n", "X A",
	    "X-A:", "", "X-\x01" };
	const char	*badvals[] = { "a\r\nSet-Cookie: x=y", "a\nb", "a\rb",
	    "a\x7f", "a\x01" };
	size_t		 i;

	(void)state;
	req_open(&req, &out, env_get);
	for (i = 0; i < MP_NELEM(badnames); i++)
		assert_int_equal(mp_http_header(&req, badnames[i], "v"),
		    MP_EINVAL);
	for (i = 0; i < MP_NELEM(badvals); i++)
		assert_int_equal(mp_http_header(&req, "X-A", badvals[i]),
		    MP_EINVAL);
	assert_int_equal(mp_http_header(&req, "X-Ok", "tab\tis goed"), MP_OK);
	assert_int_equal(mp_http_send(&req, 200, "text/plain", "x", 1), MP_OK);
	has_header(&out, "X-Ok: tab\tis goed");
	assert_null(strstr(mp_buf_str(&out), "Set-Cookie"));
	assert_null(strstr(mp_buf_str(&out), "X-A"));
	assert_null(strstr(mp_buf_str(&out), "x=y"));
	req_close(&req, &out);

	/* A content type cannot carry headers either. */
	req_open(&req, &out, env_get);
	assert_int_equal(mp_http_send(&req, 200, "text/plain\r\nX-B: 1", "",
	    0), MP_EINVAL);
	assert_int_equal(mp_buf_len(&out), 0);
	assert_int_equal(req.sent, 0);
	req_close(&req, &out);
}

static void
test_cookie(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	struct mp_ctx	 ctx;
	const int	 all = MP_COOKIE_SECURE | MP_COOKIE_HTTPONLY |
			    MP_COOKIE_STRICT;

	(void)state;
	req_open(&req, &out, env_get);
	assert_int_equal(mp_http_cookie(&req, "sid", "abc-123_X", 3600, NULL,
	    all), MP_OK);
	assert_int_equal(mp_http_cookie(&req, "sess", "v", -1, "/melden",
	    MP_COOKIE_HTTPONLY), MP_OK);
	assert_int_equal(mp_http_cookie(&req, "oud", "", 0, NULL, all),
	    MP_OK);
	assert_int_equal(mp_http_cookie(&req, "x", "a;b", 1, NULL, all),
	    MP_EINVAL);
	assert_int_equal(mp_http_cookie(&req, "x", "a b", 1, NULL, all),
	    MP_EINVAL);
	assert_int_equal(mp_http_cookie(&req, "x", "\"ab\"", 1, NULL, all),
	    MP_EINVAL);
	assert_int_equal(mp_http_cookie(&req, "x", "a\r\nb", 1, NULL, all),
	    MP_EINVAL);
	assert_int_equal(mp_http_cookie(&req, "x y", "a", 1, NULL, all),
	    MP_EINVAL);
	assert_int_equal(mp_http_cookie(&req, "x", "a", 1, "/a; Domain=evil",
	    all), MP_EINVAL);
	assert_int_equal(mp_http_send(&req, 200, NULL, "", 0), MP_OK);
	has_header(&out, "Set-Cookie: sid=abc-123_X; Path=/; Max-Age=3600; "
	    "HttpOnly; Secure; SameSite=Strict");
	has_header(&out, "Set-Cookie: sess=v; Path=/melden; HttpOnly; "
	    "SameSite=Lax");
	has_header(&out, "Set-Cookie: oud=; Path=/; Max-Age=0; HttpOnly; "
	    "Secure; SameSite=Strict");
	assert_null(strstr(mp_buf_str(&out), "Set-Cookie: x"));
	req_close(&req, &out);

	/* http.secure_cookies = 0 (plain-HTTP test setups). */
	memset(&ctx, 0, sizeof(ctx));
	req_open(&req, &out, env_get);
	req.ctx = &ctx;
	assert_int_equal(mp_http_cookie(&req, "sid", "a", -1, NULL, all),
	    MP_OK);
	assert_int_equal(mp_http_send(&req, 200, NULL, "", 0), MP_OK);
	has_header(&out, "Set-Cookie: sid=a; Path=/; HttpOnly; "
	    "SameSite=Strict");
	req_close(&req, &out);
}

static void
test_redirect(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	const char	*bad[] = { "//evil.example", "http://evil.example",
	    "/\\evil.example", "evil", "", "/a\r\nSet-Cookie: x=y",
	    /* Browsers drop tabs from a URL: "//evil.example" (fuzz-http). */
	    "/\t/evil.example", "/\t\\evil.example" };
	size_t		 i;

	(void)state;
	for (i = 0; i < MP_NELEM(bad); i++) {
		req_open(&req, &out, env_get);
		assert_int_equal(mp_http_redirect(&req, bad[i]), MP_EINVAL);
		assert_int_equal(mp_buf_len(&out), 0);
		assert_int_equal(req.sent, 0);
		req_close(&req, &out);
	}
	req_open(&req, &out, env_get);
	assert_int_equal(mp_http_redirect(&req, "/ontvangen?ref=\"a\"&b"),
	    MP_OK);
	assert_int_equal(strncmp(mp_buf_str(&out),
	    "Status: 303 See Other\r\n", 23), 0);
	has_header(&out, "Location: /ontvangen?ref=\"a\"&b");
	check_security_headers(&out);
	assert_non_null(strstr(body_of(&out),
	    "href=\"/ontvangen?ref=&quot;a&quot;&amp;b\""));
	assert_int_equal(req.status, 303);
	req_close(&req, &out);
}

static void
test_head(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;

	(void)state;
	req_open(&req, &out, env_head);
	assert_int_equal(mp_http_send(&req, 200, "text/html", "hallo", 5),
	    MP_OK);
	has_header(&out, "Content-Length: 5");
	assert_string_equal(body_of(&out), "");
	req_close(&req, &out);

	req_open(&req, &out, env_head);
	assert_int_equal(mp_http_begin(&req, 200, "text/csv"), MP_OK);
	assert_int_equal(mp_http_write(&req, "a,b\n", 4), MP_OK);
	assert_string_equal(body_of(&out), "");
	req_close(&req, &out);
}

static void
test_double_send(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	size_t		 len;

	(void)state;
	req_open(&req, &out, env_get);
	assert_int_equal(mp_http_send(&req, 200, NULL, "een", 3), MP_OK);
	len = mp_buf_len(&out);
	assert_int_equal(mp_http_send(&req, 500, NULL, "twee", 4), MP_EINVAL);
	assert_int_equal(mp_http_begin(&req, 200, NULL), MP_EINVAL);
	assert_int_equal(mp_http_error(&req, 500, "x"), MP_EINVAL);
	assert_int_equal(mp_http_redirect(&req, "/x"), MP_EINVAL);
	assert_int_equal(mp_http_header(&req, "X-Laat", "1"), MP_EINVAL);
	assert_int_equal(mp_buf_len(&out), len);
	assert_int_equal(req.status, 200);
	req_close(&req, &out);
}

static void
test_stream(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;

	(void)state;
	req_open(&req, &out, env_get);
	assert_int_equal(mp_http_write(&req, "x", 1), MP_EINVAL);
	assert_int_equal(mp_buf_len(&out), 0);
	assert_int_equal(mp_http_header(&req, "Content-Disposition",
	    "attachment; filename=\"export.csv\""), MP_OK);
	assert_int_equal(mp_http_begin(&req, 200, "text/csv"), MP_OK);
	assert_int_equal(mp_http_write(&req, "a,b\n", 4), MP_OK);
	assert_int_equal(mp_http_write(&req, "1,2\n", 4), MP_OK);
	has_header(&out, "Content-Type: text/csv; charset=utf-8");
	has_header(&out, "Content-Disposition: attachment; "
	    "filename=\"export.csv\"");
	check_security_headers(&out);
	assert_null(strstr(mp_buf_str(&out), "Content-Length"));
	assert_string_equal(body_of(&out), "a,b\n1,2\n");
	req_close(&req, &out);
}

static void
test_error_page(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	const char	*b;
	size_t		 i;
	const struct {
		int		 status;
		const char	*line;
		const char	*title;
	} cases[] = {
		{ 400, "Status: 400 Bad Request", "Ongeldig verzoek" },
		{ 403, "Status: 403 Forbidden", "Geen toegang" },
		{ 404, "Status: 404 Not Found", "Niet gevonden" },
		{ 405, "Status: 405 Method Not Allowed",
		  "Methode niet toegestaan" },
		{ 413, "Status: 413 Content Too Large", "Te groot" },
		{ 429, "Status: 429 Too Many Requests", "Te veel verzoeken" },
		{ 500, "Status: 500 Internal Server Error",
		  "Er ging iets mis" },
		{ 503, "Status: 503 Service Unavailable",
		  "Tijdelijk niet beschikbaar" },
	};

	(void)state;
	/* No templates here: the built-in page must answer. */
	(void)mp_tmpl_init("/nonexistent/meldpunt-templates");
	for (i = 0; i < MP_NELEM(cases); i++) {
		req_open(&req, &out, env_get);
		assert_int_equal(mp_http_error(&req, cases[i].status,
		    "<script>alert(1)</script> & \"x\" 'y'"), MP_OK);
		assert_int_equal(strncmp(mp_buf_str(&out), cases[i].line,
		    strlen(cases[i].line)), 0);
		has_header(&out, "Content-Type: text/html; charset=utf-8");
		check_security_headers(&out);
		b = body_of(&out);
		assert_non_null(strstr(b, cases[i].title));
		assert_non_null(strstr(b, "&lt;script&gt;alert(1)&lt;/script"
		    "&gt; &amp; &quot;x&quot; &#39;y&#39;"));
		assert_null(strstr(b, "<script>"));
		assert_int_equal(req.status, cases[i].status);
		if (cases[i].status == 405)
			has_header(&out, "Allow: GET, POST");
		else
			assert_null(strstr(mp_buf_str(&out), "Allow:"));
		req_close(&req, &out);
	}

	/* HEAD: headers only. */
	req_open(&req, &out, env_head);
	assert_int_equal(mp_http_error(&req, 404, NULL), MP_OK);
	assert_string_equal(body_of(&out), "");
	req_close(&req, &out);
}

static void
test_reason(void **state)
{

	(void)state;
	assert_string_equal(mp_http_reason(200), "OK");
	assert_string_equal(mp_http_reason(303), "See Other");
	assert_string_equal(mp_http_reason(404), "Not Found");
	assert_string_equal(mp_http_reason(429), "Too Many Requests");
	assert_string_equal(mp_http_reason(503), "Service Unavailable");
	assert_non_null(mp_http_reason(299));
}

static long
fail_write(void *arg, const void *p, size_t len)
{

	(void)arg;
	(void)p;
	(void)len;
	return -1;
}

static void
test_write_failure(void **state)
{
	struct mp_req	 req;

	(void)state;
	assert_int_equal(mp_req_parse(&req, env_get, NULL, NULL, fail_write,
	    NULL, NULL), MP_OK);
	assert_int_equal(mp_http_send(&req, 200, NULL, "x", 1), MP_ESYS);
	/* Whatever went out, a second response is never started. */
	assert_int_equal(req.sent, 1);
	mp_req_free(&req);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_send),
		cmocka_unit_test(test_charset),
		cmocka_unit_test(test_header_injection),
		cmocka_unit_test(test_cookie),
		cmocka_unit_test(test_redirect),
		cmocka_unit_test(test_head),
		cmocka_unit_test(test_double_send),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_error_page),
		cmocka_unit_test(test_reason),
		cmocka_unit_test(test_write_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
