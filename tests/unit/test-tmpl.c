/*
 * test-tmpl.c -- rendering: values are HTML-escaped by default, macros
 * and includes resolve under the template directory, errors are
 * reported instead of half pages, and the shipped templates render.
 */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include "util.h"

static char	 dir[] = "/tmp/mp-tmpl-XXXXXX";

static void
put(const char *name, const char *text)
{
	char	 path[256];
	FILE	*f;

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

static int
setup(void **state)
{

	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	return mp_tmpl_init(dir) == MP_OK ? 0 : -1;
}

static int
teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	(void)snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_escapes_by_default(void **state)
{
	struct mp_view	*v;
	struct mp_buf	 out;

	(void)state;
	put("esc.cs", "<p><?cs var:X ?></p><a href=\"?q=<?cs var:url_escape(X) ?>\">");
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_tmpl_set(v, "X",
	    "<script>alert('x')</script> & \"q\""), MP_OK);
	mp_buf_init(&out, 4096);
	assert_int_equal(mp_tmpl_render(v, "esc.cs", &out), MP_OK);
	assert_null(strstr(mp_buf_str(&out), "<script>"));
	assert_non_null(strstr(mp_buf_str(&out),
	    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"));
	/* url_escape output is not escaped a second time. */
	assert_non_null(strstr(mp_buf_str(&out), "?q=%3Cscript%3E"));
	mp_buf_free(&out);
	mp_tmpl_free(v);
}

static void
test_values_are_not_templates(void **state)
{
	struct mp_view	*v;
	struct mp_buf	 out;

	(void)state;
	put("val.cs", "[<?cs var:X ?>]");
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_tmpl_set(v, "Y", "geheim"), MP_OK);
	assert_int_equal(mp_tmpl_set(v, "X", "<?cs var:Y ?>"), MP_OK);
	mp_buf_init(&out, 4096);
	assert_int_equal(mp_tmpl_render(v, "val.cs", &out), MP_OK);
	assert_null(strstr(mp_buf_str(&out), "geheim"));
	assert_string_equal(mp_buf_str(&out), "[&lt;?cs var:Y ?&gt;]");
	mp_buf_free(&out);
	mp_tmpl_free(v);
}

static void
test_include_macro_and_setn(void **state)
{
	struct mp_view	*v;
	struct mp_buf	 out;

	(void)state;
	put("lib.cs", "<?cs def:twice(x) ?><?cs var:x ?><?cs var:x ?><?cs /def ?>");
	put("main.cs", "<?cs include:\"lib.cs\" ?><?cs call:twice(A.b) ?>"
	    "<?cs var:N ?>");
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_tmpl_setn(v, "A.b", "xyz", 2), MP_OK);
	assert_int_equal(mp_tmpl_set_int(v, "N", -42), MP_OK);
	assert_string_equal(mp_tmpl_get(v, "A.b"), "xy");
	mp_buf_init(&out, 4096);
	assert_int_equal(mp_tmpl_render(v, "main.cs", &out), MP_OK);
	assert_string_equal(mp_buf_str(&out), "xyxy-42");
	mp_buf_free(&out);
	mp_tmpl_free(v);
}

static void
test_errors(void **state)
{
	struct mp_view	*v;
	struct mp_buf	 out;

	(void)state;
	put("bad.cs", "<?cs if:X ?>never closed");
	assert_non_null(v = mp_tmpl_new());
	mp_buf_init(&out, 4096);
	assert_int_equal(mp_tmpl_render(v, "missing.cs", &out), MP_ETMPL);
	assert_int_equal(mp_tmpl_render(v, "bad.cs", &out), MP_ETMPL);
	assert_int_equal(mp_tmpl_render(v, "../etc/passwd", &out), MP_ETMPL);
	/* A page larger than the buffer's cap fails rather than truncates. */
	put("big.cs", "<?cs var:X ?><?cs var:X ?>");
	assert_int_equal(mp_tmpl_set(v, "X", "0123456789"), MP_OK);
	mp_buf_free(&out);
	mp_buf_init(&out, 15);
	assert_int_equal(mp_tmpl_render(v, "big.cs", &out), MP_ETMPL);
	mp_buf_free(&out);
	mp_tmpl_free(v);
}

/*
 * A view keeps its first error: after a failed set (a value over
 * mp_tmpl_setf's 64 KiB, or a wide character the C locale cannot
 * print), every later set and node is a no-op that returns that first
 * error, and rendering returns it without writing anything.
 */
static void
test_sticky(void **state)
{
	struct mp_view	*v;
	struct mp_vnode	*n, *before;
	struct mp_buf	 out;

	(void)state;
	put("sticky.cs", "[<?cs var:A ?>|<?cs var:B ?>|<?cs var:N.X ?>]");
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_tmpl_err(v), MP_OK);
	assert_int_equal(mp_tmpl_set(v, "A", "a"), MP_OK);
	assert_non_null(before = mp_tmpl_node(v, "N"));
	assert_int_equal(mp_tmpl_vnode_set(before, "Y", "y"), MP_OK);
	assert_int_equal(mp_tmpl_err(v), MP_OK);
	/* The failure itself: nothing set, the error kept. */
	assert_int_equal(mp_tmpl_setf(v, "Big", "%*s", 70000, ""),
	    MP_ETOOBIG);
	assert_int_equal(mp_tmpl_err(v), MP_ETOOBIG);
	assert_null(mp_tmpl_get(v, "Big"));
	/* Every later setter does nothing and returns the first error. */
	assert_int_equal(mp_tmpl_set(v, "B", "b"), MP_ETOOBIG);
	assert_int_equal(mp_tmpl_setn(v, "B", "b", 1), MP_ETOOBIG);
	assert_int_equal(mp_tmpl_set_int(v, "B", 7), MP_ETOOBIG);
	assert_int_equal(mp_tmpl_setf(v, "B", "%ls", L"\xe9"), MP_ETOOBIG);
	assert_int_equal(mp_tmpl_vnode_set(before, "X", "x"), MP_ETOOBIG);
	assert_int_equal(mp_tmpl_vnode_set_int(before, "X", 1), MP_ETOOBIG);
	assert_non_null(n = mp_tmpl_node(v, "M"));
	assert_non_null(n = mp_tmpl_vnode_node(n, "K"));
	assert_int_equal(mp_tmpl_vnode_set(n, "X", "x"), MP_ETOOBIG);
	assert_null(mp_tmpl_get(v, "B"));
	assert_null(mp_tmpl_get(v, "N.X"));
	assert_null(mp_tmpl_get(v, "M.K.X"));
	assert_null(mp_tmpl_get(v, "M"));
	assert_string_equal(mp_tmpl_get(v, "A"), "a");
	assert_string_equal(mp_tmpl_get(v, "N.Y"), "y");
	assert_int_equal(mp_tmpl_err(v), MP_ETOOBIG);
	/* Render returns the first error and leaves out as it was. */
	mp_buf_init(&out, 4096);
	assert_int_equal(mp_buf_addstr(&out, "vooraf"), MP_OK);
	assert_int_equal(mp_tmpl_render(v, "sticky.cs", &out), MP_ETOOBIG);
	assert_string_equal(mp_buf_str(&out), "vooraf");
	mp_tmpl_free(v);

	/* Another first error is kept as well: a bad format (MP_EINVAL). */
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_tmpl_setf(v, "W", "%ls", L"\xe9"), MP_EINVAL);
	assert_int_equal(mp_tmpl_setf(v, "Big", "%*s", 70000, ""),
	    MP_EINVAL);
	assert_int_equal(mp_tmpl_err(v), MP_EINVAL);
	assert_int_equal(mp_tmpl_render(v, "sticky.cs", &out), MP_EINVAL);
	assert_string_equal(mp_buf_str(&out), "vooraf");
	mp_tmpl_free(v);

	/* The same sets on a view that has not failed render. */
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_tmpl_set(v, "A", "a"), MP_OK);
	assert_int_equal(mp_tmpl_set(v, "B", "b"), MP_OK);
	assert_non_null(n = mp_tmpl_node(v, "N"));
	assert_int_equal(mp_tmpl_vnode_set(n, "X", "x"), MP_OK);
	mp_buf_reset(&out);
	assert_int_equal(mp_tmpl_render(v, "sticky.cs", &out), MP_OK);
	assert_string_equal(mp_buf_str(&out), "[a|b|x]");
	assert_int_equal(mp_tmpl_err(v), MP_OK);
	mp_buf_free(&out);
	mp_tmpl_free(v);
}

/*
 * A template is parsed once per process and its tree kept: each render
 * sees only its own view (also after set:, each and a macro with an
 * argument), and escaping holds on every render, not only the first.
 */
static void
test_parse_kept(void **state)
{
	static const char *const xs[] = { "<b>een</b>", "twee & drie", "" };
	struct mp_view	*v;
	struct mp_buf	 out;
	char		 want[256];
	size_t		 i;

	(void)state;
	put("kept-lib.cs", "<?cs def:em(x) ?><em><?cs var:x ?></em><?cs /def ?>");
	put("kept.cs", "<?cs include:\"kept-lib.cs\" ?><?cs "
	    "if:!Seen ?>nieuw<?cs /if ?><?cs set:Seen = 1 ?>[<?cs "
	    "call:em(X) ?>]<?cs each:r = Rows ?>(<?cs var:r.N ?>)<?cs /each ?>");
	for (i = 0; i < 3; i++) {
		assert_non_null(v = mp_tmpl_new());
		assert_int_equal(mp_tmpl_set(v, "X", xs[i]), MP_OK);
		if (i == 1)
			assert_int_equal(mp_tmpl_set(v, "Rows.0.N", "<r>"),
			    MP_OK);
		mp_buf_init(&out, 4096);
		assert_int_equal(mp_tmpl_render(v, "kept.cs", &out), MP_OK);
		(void)snprintf(want, sizeof(want), "nieuw[<em>%s</em>]%s",
		    i == 0 ? "&lt;b&gt;een&lt;/b&gt;" :
		    i == 1 ? "twee &amp; drie" : "",
		    i == 1 ? "(&lt;r&gt;)" : "");
		assert_string_equal(mp_buf_str(&out), want);
		mp_buf_free(&out);
		mp_tmpl_free(v);
	}
	/* A template changed on disk is not read again while running. */
	put("kept.cs", "anders");
	assert_non_null(v = mp_tmpl_new());
	mp_buf_init(&out, 4096);
	assert_int_equal(mp_tmpl_render(v, "kept.cs", &out), MP_OK);
	assert_string_equal(mp_buf_str(&out), "nieuw[<em></em>]");
	mp_buf_free(&out);
	mp_tmpl_free(v);
}

/* The shipped form renders, escaped, with every field labelled. */
static void
test_shipped_form(void **state)
{
	struct mp_view	*v;
	struct mp_buf	 out;
	const char	*src = getenv("top_srcdir");
	char		 tdir[1024];
	const char	*s;

	(void)state;
	(void)snprintf(tdir, sizeof(tdir), "%s/templates",
	    src == NULL ? "." : src);
	assert_int_equal(mp_tmpl_init(tdir), MP_OK);
	/* The texts are the catalogues' (lib/i18n.c); Dutch by default. */
	assert_int_equal(mp_i18n_init(NULL, tdir), MP_OK);
	assert_non_null(v = mp_tmpl_new());
	assert_int_equal(mp_tmpl_set(v, "Audience.Name", "Bewoners"), MP_OK);
	assert_int_equal(mp_tmpl_set(v, "Form.Value.description",
	    "<script>x</script>"), MP_OK);
	assert_int_equal(mp_tmpl_set(v, "Form.Error.description",
	    "Dit veld is verplicht."), MP_OK);
	assert_int_equal(mp_tmpl_set(v, "Form.Max.description", "5000"),
	    MP_OK);
	assert_int_equal(mp_tmpl_set(v, "Types.0.Slug", "drugs"), MP_OK);
	assert_int_equal(mp_tmpl_set(v, "Types.0.Name", "Drugs"), MP_OK);
	mp_buf_init(&out, 1024 * 1024);
	assert_int_equal(mp_tmpl_render(v, "intake/form.cs", &out), MP_OK);
	s = mp_buf_str(&out);
	assert_null(strstr(s, "<script>"));
	assert_non_null(strstr(s, "&lt;script&gt;x&lt;/script&gt;</textarea>"));
	assert_non_null(strstr(s, "<label for=\"report-description\">"));
	assert_non_null(strstr(s, "aria-describedby=\"report-description-hint "
	    "report-description-error\" aria-invalid=\"true\""));
	assert_non_null(strstr(s, "id=\"report-description-error\""));
	assert_non_null(strstr(s, "maxlength=\"5000\""));
	assert_non_null(strstr(s, "Hoogstens 5000 tekens."));
	assert_non_null(strstr(s, "value=\"drugs\""));
	mp_buf_free(&out);
	mp_tmpl_free(v);
	mp_i18n_free();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escapes_by_default),
		cmocka_unit_test(test_values_are_not_templates),
		cmocka_unit_test(test_include_macro_and_setn),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_sticky),
		cmocka_unit_test(test_parse_kept),
		cmocka_unit_test(test_shipped_form),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
