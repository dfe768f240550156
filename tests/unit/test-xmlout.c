/*
 * test-xmlout.c -- values are made fit for XML before the writer sees
 * them, and a document streamed through a request's write callback is
 * well-formed whatever the values held.
 */
#include "config.h"

#include <libxml/parser.h>

#include "util.h"
#include "xmlout.h"

static void
clean_is(const char *in, size_t len, const char *want)
{
	struct mp_buf	 b;

	mp_buf_init(&b, 1024);
	assert_int_equal(mp_xmlout_clean(&b, in, len), MP_OK);
	assert_string_equal(mp_buf_str(&b), want);
	mp_buf_free(&b);
}

#define CLEAN(in, want)	clean_is((in), sizeof(in) - 1, (want))

static void
test_clean(void **state)
{

	(void)state;
	CLEAN("Gewoon", "Gewoon");
	CLEAN("tab\tnl\n", "tab\tnl\n");
	CLEAN("cr\r\n", "cr\n");
	CLEAN("a\0b", "ab");
	CLEAN("bel\x07 esc\x1b", "bel esc");
	CLEAN("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
	    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	CLEAN("\xff", "\xef\xbf\xbd");			/* not UTF-8 */
	CLEAN("\xc3", "\xef\xbf\xbd");			/* cut short */
	CLEAN("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd");	/* overlong */
	CLEAN("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	CLEAN("\xef\xbf\xbe", "");			/* U+FFFE */
	CLEAN("<&>\"'", "<&>\"'");	/* the writer escapes these */
}

/* A request whose response goes into a buffer. */
static long
to_buf(void *arg, const void *p, size_t len)
{

	return mp_buf_add(arg, p, len) == MP_OK ? (long)len : -1;
}

static void
test_stream(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	struct mp_xml	*x;
	const char	*body;
	xmlDocPtr	 doc;
	char		*env[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/api/",
			    NULL };

	(void)state;
	mp_buf_init(&out, 1 << 20);
	assert_int_equal(mp_req_parse(&req, env, NULL, NULL, to_buf, &out,
	    NULL), MP_OK);
	assert_int_equal(mp_xmlout_begin(&x, &req, 200), MP_OK);
	assert_int_equal(mp_xmlout_start_ns(x, "meldingen", "urn:t"), MP_OK);
	assert_int_equal(mp_xmlout_attr(x, "a", "x\"<\x01y"), MP_OK);
	assert_int_equal(mp_xmlout_elem(x, "b", "</b>&\x0b\xff", (size_t)-1),
	    MP_OK);
	assert_int_equal(mp_xmlout_elem(x, "c", "]]>", 3), MP_OK);
	assert_int_equal(mp_xmlout_close(x), MP_OK);
	assert_int_equal(mp_xmlout_end(x), MP_OK);
	body = strstr(mp_buf_str(&out), "\r\n\r\n");
	assert_non_null(body);
	body += 4;
	assert_non_null(strstr(mp_buf_str(&out), "application/xml"));
	doc = xmlReadMemory(body, (int)strlen(body), "t.xml", NULL,
	    XML_PARSE_NONET);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	assert_non_null(strstr(body, "&lt;/b&gt;&amp;"));
	mp_req_free(&req);
	mp_buf_free(&out);
}

/* A document stopped midway must not parse. */
static void
test_abort(void **state)
{
	struct mp_req	 req;
	struct mp_buf	 out;
	struct mp_xml	*x;
	const char	*body;
	xmlDocPtr	 doc;
	char		*env[] = { "REQUEST_METHOD=GET", "REQUEST_URI=/api/",
			    NULL };

	(void)state;
	mp_buf_init(&out, 1 << 20);
	assert_int_equal(mp_req_parse(&req, env, NULL, NULL, to_buf, &out,
	    NULL), MP_OK);
	assert_int_equal(mp_xmlout_begin(&x, &req, 200), MP_OK);
	assert_int_equal(mp_xmlout_start_ns(x, "meldingen", "urn:t"), MP_OK);
	assert_int_equal(mp_xmlout_elem(x, "b", "half", (size_t)-1), MP_OK);
	mp_xmlout_abort(x);
	body = strstr(mp_buf_str(&out), "\r\n\r\n");
	assert_non_null(body);
	body += 4;
	assert_non_null(strstr(body, "half"));
	assert_null(strstr(body, "</meldingen>"));
	doc = xmlReadMemory(body, (int)strlen(body), "t.xml", NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_null(doc);
	mp_req_free(&req);
	mp_buf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_stream),
		cmocka_unit_test(test_abort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
