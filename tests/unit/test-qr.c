/*
 * test-qr.c -- QR codes as SVG: well-formed XML, the right size, the
 * path draws exactly the dark modules, no text leaks into the markup,
 * and texts that do not fit are refused.
 */
#include "config.h"

#include <qrencode.h>
#include <libxml/parser.h>

#include "util.h"

#define URI "otpauth://totp/Meldpunt:j.vries%40gemeente.nl" \
	"?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Meldpunt" \
	"&algorithm=SHA1&digits=6&period=30"

/* Encode text into b; fail the test unless it works. */
static void
svg_of(struct mp_buf *b, const char *text)
{

	mp_buf_init(b, 1024 * 1024);
	assert_int_equal(mp_qr_svg(b, text), MP_OK);
}

static void
test_shape_and_size(void **state)
{
	struct mp_buf	 b;
	QRcode		*qr;
	char		 vb[64];
	const char	*s;

	(void)state;
	svg_of(&b, URI);
	s = mp_buf_str(&b);
	assert_int_equal(strncmp(s, "<svg", 4), 0);
	assert_non_null(strstr(s, "</svg>"));
	qr = QRcode_encodeString(URI, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	assert_non_null(qr);
	snprintf(vb, sizeof(vb), "viewBox=\"0 0 %d %d\"", qr->width + 8,
	    qr->width + 8);
	assert_non_null(strstr(s, vb));
	QRcode_free(qr);
	assert_non_null(strstr(s, "role=\"img\""));
	assert_non_null(strstr(s,
	    "aria-label=\"QR-code voor de authenticator-app\""));
	assert_non_null(strstr(s, "shape-rendering=\"crispEdges\""));
	/* One path, no references to anything outside. */
	assert_non_null(strstr(s, "<path"));
	assert_null(strstr(strstr(s, "<path") + 1, "<path"));
	assert_null(strstr(s, "href"));
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "style"));
	mp_buf_free(&b);
}

static void
test_well_formed(void **state)
{
	struct mp_buf	 b;
	xmlDocPtr	 doc;
	xmlNodePtr	 root;

	(void)state;
	svg_of(&b, URI);
	doc = xmlReadMemory(mp_buf_str(&b), (int)mp_buf_len(&b),
	    "qr.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	assert_non_null(doc);
	root = xmlDocGetRootElement(doc);
	assert_non_null(root);
	assert_string_equal((const char *)root->name, "svg");
	assert_non_null(root->ns);
	assert_string_equal((const char *)root->ns->href,
	    "http://www.w3.org/2000/svg");
	xmlFreeDoc(doc);
	mp_buf_free(&b);
}

/*
 * Redraw the path into a grid and compare it with libqrencode's
 * modules: every dark module drawn once, no light one drawn, and
 * neighbouring runs merged.
 */
static void
test_path_draws_modules(void **state)
{
	struct mp_buf	 b;
	QRcode		*qr;
	unsigned char	*grid;
	const char	*p;
	int		 w, size, x, y, n, m, used, lastx, lasty, i;

	(void)state;
	svg_of(&b, URI);
	qr = QRcode_encodeString(URI, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	assert_non_null(qr);
	w = qr->width;
	size = w + 8;
	grid = calloc((size_t)size * (size_t)size, 1);
	assert_non_null(grid);
	p = strstr(mp_buf_str(&b), " d=\"");
	assert_non_null(p);
	p += 4;
	lastx = lasty = -1;
	while (*p == 'M') {
		assert_int_equal(sscanf(p, "M%d %dh%dv1h-%dz%n", &x, &y, &n,
		    &m, &used), 4);
		assert_int_equal(n, m);
		assert_true(n > 0 && x >= 4 && y >= 4 && x + n <= w + 4 &&
		    y < w + 4);
		/* A run never starts where the previous one ended. */
		assert_false(y == lasty && x <= lastx);
		for (i = 0; i < n; i++) {
			assert_int_equal(grid[y * size + x + i], 0);
			grid[y * size + x + i] = 1;
		}
		lastx = x + n;
		lasty = y;
		p += used;
	}
	assert_int_equal(*p, '"');
	for (y = 0; y < size; y++)
		for (x = 0; x < size; x++) {
			m = (x >= 4 && y >= 4 && x < w + 4 && y < w + 4) ?
			    qr->data[(y - 4) * w + (x - 4)] & 1 : 0;
			assert_int_equal(grid[y * size + x], m);
		}
	free(grid);
	QRcode_free(qr);
	mp_buf_free(&b);
}

static void
test_texts_differ_and_do_not_leak(void **state)
{
	struct mp_buf	 a, b;

	(void)state;
	svg_of(&a, "<script>alert(1)</script>");
	svg_of(&b, "<script>alert(2)</script>");
	assert_string_not_equal(mp_buf_str(&a), mp_buf_str(&b));
	assert_null(strstr(mp_buf_str(&a), "script"));
	assert_null(strstr(mp_buf_str(&a), "alert"));
	mp_buf_free(&a);
	mp_buf_free(&b);
}

static void
test_refuses(void **state)
{
	struct mp_buf	 b;
	char		*big;

	(void)state;
	/* Version 40-M holds 2331 bytes in 8-bit mode. */
	big = malloc(4001);
	assert_non_null(big);
	memset(big, 'x', 4000);
	big[4000] = '\0';
	mp_buf_init(&b, 1024 * 1024);
	assert_int_equal(mp_qr_svg(&b, big), MP_ETOOBIG);
	assert_int_equal(mp_buf_len(&b), 0);
	assert_int_equal(mp_qr_svg(&b, ""), MP_EINVAL);
	assert_int_equal(mp_buf_len(&b), 0);
	mp_buf_free(&b);
	free(big);

	/* The caller's cap: refused whole, nothing half-written. */
	mp_buf_init(&b, 256);
	assert_int_equal(mp_qr_svg(&b, URI), MP_ETOOBIG);
	assert_int_equal(mp_buf_len(&b), 0);
	mp_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shape_and_size),
		cmocka_unit_test(test_well_formed),
		cmocka_unit_test(test_path_draws_modules),
		cmocka_unit_test(test_texts_differ_and_do_not_leak),
		cmocka_unit_test(test_refuses),
	};
	int	 rc;

	rc = cmocka_run_group_tests(tests, NULL, NULL);
	xmlCleanupParser();
	return rc;
}
