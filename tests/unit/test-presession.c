/*
 * test-presession.c -- the pre-session of a sign-in form
 * (lib/presession.c), with the request and response of lib/req.c and
 * lib/http.c and a private MariaDB (tests/lib/mariadb.sh): the form
 * sets a random cookie (__Host- under TLS, the program's path without)
 * unless the browser has a good one, and writes nothing; the POST is
 * accepted only with that cookie and a token bound to it, once; another
 * browser's token, a forged, missing or expired one are refused and
 * use up nothing; the used nonces are purged when expired; sign-in
 * deletes the cookie.  (End to end: test-47-signin-presession.)
 */
#include "config.h"

#include <time.h>

#include "util.h"
#include "testdb.h"

#define T0	((time_t)1790000000)
#define NAME	MP_PRESESSION_FEEDBACK
#define PATH	"/melding/"

static struct testenv	 E;

static const char sql_rows[] = "SELECT COUNT(*) FROM signin_token_used";
static const char sql_clear[] = "DELETE FROM signin_token_used";
static const char sql_has[] =
    "SELECT COUNT(*) FROM signin_token_used WHERE LOCATE(?, nonce) > 0";

/* One request: its environment (kept alive), response and output. */
struct rq {
	char		*env[4];
	char		 cookie[160];
	struct mp_req	 req;
	struct mp_buf	 out;
	struct mp_ctx	 ctx;
};

static long
buf_write(void *arg, const void *p, size_t len)
{

	if (mp_buf_add(arg, p, len) != MP_OK)
		return -1;
	return (long)len;
}

/* A request with Cookie: cookie (NULL: none); tls as configured. */
static void
rq_open(struct rq *r, const char *cookie, int tls)
{

	memset(r, 0, sizeof(*r));
	r->env[0] = "REQUEST_METHOD=GET";
	r->env[1] = "REQUEST_URI=" PATH;
	if (cookie != NULL) {
		(void)snprintf(r->cookie, sizeof(r->cookie), "HTTP_COOKIE=%s",
		    cookie);
		r->env[2] = r->cookie;
	}
	mp_buf_init(&r->out, 1024 * 1024);
	assert_int_equal(mp_req_parse(&r->req, r->env, NULL, NULL, buf_write,
	    &r->out, NULL), MP_OK);
	r->ctx.secure_cookies = tls;
	r->req.ctx = &r->ctx;
}

/* Send the response; the headers as text. */
static const char *
rq_send(struct rq *r)
{

	assert_int_equal(mp_http_send(&r->req, 200, NULL, "", 0), MP_OK);
	return mp_buf_str(&r->out);
}

static void
rq_close(struct rq *r)
{

	mp_req_free(&r->req);
	mp_buf_free(&r->out);
}

/* The value of the cookie full set in headers into v; 0 if none. */
static int
set_cookie(const char *headers, const char *full, char v[64])
{
	char		 want[80];
	const char	*p;
	size_t		 n;

	(void)snprintf(want, sizeof(want), "Set-Cookie: %s=", full);
	if ((p = strstr(headers, want)) == NULL)
		return 0;
	p += strlen(want);
	n = strcspn(p, ";\r");
	assert_true(n < 64);
	memcpy(v, p, n);
	v[n] = '\0';
	return 1;
}

static int
group_setup(void **state)
{

	(void)state;
	return testenv_setup(&E, "test-presession", 8);
}

static int
group_teardown(void **state)
{

	(void)state;
	testenv_teardown(&E);
	return 0;
}

static int
clear(void **state)
{

	(void)state;
	return mp_db_exec(E.db, sql_clear, NULL, 0, NULL, NULL) == MP_OK ?
	    0 : -1;
}

/*
 * A form for a browser (cookie header, or NULL) at now: the token into
 * tok and the cookie set, if any, into id ("" for none).
 */
static void
form(const char *cookie, int tls, time_t now, char tok[MP_FORMTOKEN_LEN],
    char id[64], char headers[2048])
{
	struct rq	 r;
	const char	*h;

	rq_open(&r, cookie, tls);
	assert_int_equal(mp_presession_form(&r.req, &E.keys, NAME, PATH, now,
	    tok), MP_OK);
	h = rq_send(&r);
	(void)snprintf(headers, 2048, "%s", h);
	id[0] = '\0';
	(void)set_cookie(h, tls ? "__Host-" NAME : NAME, id);
	rq_close(&r);
}

static enum mp_err
check(const char *cookie, const char *tok, time_t now)
{
	struct rq	 r;
	enum mp_err	 er;

	rq_open(&r, cookie, 1);
	er = mp_presession_check(&r.req, E.db, &E.keys, NAME, tok, now);
	rq_close(&r);
	return er;
}

/*
 * Without a cookie: a new random one, __Host- under TLS with Path=/,
 * Secure, HttpOnly, SameSite=Strict, ending with the browser; nothing
 * written to the database.
 */
static void
test_form_new_cookie(void **state)
{
	char	 tok[MP_FORMTOKEN_LEN], tok2[MP_FORMTOKEN_LEN];
	char	 id[64], id2[64], h[2048];

	(void)state;
	form(NULL, 1, T0, tok, id, h);
	assert_int_equal(strlen(id), 43);
	assert_non_null(strstr(h, "Set-Cookie: __Host-" NAME "="));
	assert_non_null(strstr(h, "; Path=/; HttpOnly; Secure; "
	    "SameSite=Strict"));
	assert_null(strstr(h, "Max-Age"));
	assert_true(strlen(tok) > 20);
	form(NULL, 1, T0, tok2, id2, h);
	assert_string_not_equal(id, id2);
	assert_string_not_equal(tok, tok2);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 0);
}

/* Without TLS: the plain name, limited to the program's path. */
static void
test_form_plain(void **state)
{
	char	 tok[MP_FORMTOKEN_LEN], id[64], h[2048];

	(void)state;
	form(NULL, 0, T0, tok, id, h);
	assert_int_equal(strlen(id), 43);
	assert_non_null(strstr(h, "Set-Cookie: " NAME "="));
	assert_null(strstr(h, "__Host-"));
	assert_non_null(strstr(h, "; Path=" PATH "; HttpOnly;"));
}

/*
 * A browser with a good cookie keeps it (no Set-Cookie); one with a
 * malformed cookie gets a new one.
 */
static void
test_form_keeps_cookie(void **state)
{
	char	 tok[MP_FORMTOKEN_LEN], id[64], id2[64], h[2048];
	char	 c[128];
	const char *bad[] = {
	    "__Host-" NAME "=kort",
	    "__Host-" NAME "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	    "__Host-" NAME "=!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
	    NAME "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",  /* no prefix */
	    MP_PRESESSION_DASHBOARD "=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
	};
	size_t	 i;

	(void)state;
	form(NULL, 1, T0, tok, id, h);
	(void)snprintf(c, sizeof(c), "__Host-" NAME "=%s", id);
	form(c, 1, T0 + 5, tok, id2, h);
	assert_string_equal(id2, "");
	assert_null(strstr(h, "Set-Cookie"));
	assert_int_equal(check(c, tok, T0 + 6), MP_OK);
	for (i = 0; i < MP_NELEM(bad); i++) {
		form(bad[i], 1, T0, tok, id2, h);
		assert_int_equal(strlen(id2), 43);
	}
}

/*
 * The POST: only with the cookie and a token bound to it, only once.
 * A refused attempt uses nothing up.
 */
static void
test_check(void **state)
{
	char	 tok[MP_FORMTOKEN_LEN], other[MP_FORMTOKEN_LEN];
	char	 id[64], oid[64], h[2048], c[128], oc[128], forged[128];

	(void)state;
	form(NULL, 1, T0, tok, id, h);
	form(NULL, 1, T0, other, oid, h);
	(void)snprintf(c, sizeof(c), "__Host-" NAME "=%s", id);
	(void)snprintf(oc, sizeof(oc), "__Host-" NAME "=%s", oid);

	assert_int_equal(check(NULL, tok, T0 + 1), MP_ENOTFOUND);
	assert_int_equal(check(NAME "=x", tok, T0 + 1), MP_ENOTFOUND);
	/* Another browser's form (the login CSRF this is for). */
	assert_int_equal(check(c, other, T0 + 1), MP_EINVAL);
	assert_int_equal(check(oc, tok, T0 + 1), MP_EINVAL);
	assert_int_equal(check(c, NULL, T0 + 1), MP_EINVAL);
	assert_int_equal(check(c, "", T0 + 1), MP_EINVAL);
	(void)snprintf(forged, sizeof(forged), "%s", tok);
	forged[strlen(forged) / 2] ^= 1;
	assert_int_equal(check(c, forged, T0 + 1), MP_EINVAL);
	/* Expired: an hour to fill in the form. */
	assert_int_equal(check(c, tok, T0 + MP_PRESESSION_TTL + 1),
	    MP_EINVAL);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 0);

	assert_int_equal(check(c, tok, T0 + MP_PRESESSION_TTL), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 1);
	assert_int_equal(check(c, tok, T0 + 2), MP_EDUP);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 1);
	/* The other browser's own form still works, once. */
	assert_int_equal(check(oc, other, T0 + 3), MP_OK);
	assert_int_equal(check(oc, other, T0 + 3), MP_EDUP);
	/* What is stored is a nonce, not the cookie. */
	{
		struct mp_dbval	 v[1];
		unsigned char	 raw[32];

		assert_int_equal(mp_crypto_unb64url(raw, sizeof(raw), id), 32);
		v[0] = MP_DBBLOB(raw, 16);
		assert_int_equal(testdb_int(E.db, sql_has, v, 1), 0);
	}
}

/* Two forms in one browser: each token once. */
static void
test_two_forms(void **state)
{
	char	 t1[MP_FORMTOKEN_LEN], t2[MP_FORMTOKEN_LEN];
	char	 id[64], id2[64], h[2048], c[128];

	(void)state;
	form(NULL, 1, T0, t1, id, h);
	(void)snprintf(c, sizeof(c), "__Host-" NAME "=%s", id);
	form(c, 1, T0, t2, id2, h);
	assert_string_not_equal(t1, t2);
	assert_int_equal(check(c, t2, T0 + 1), MP_OK);
	assert_int_equal(check(c, t1, T0 + 1), MP_OK);
	assert_int_equal(check(c, t1, T0 + 1), MP_EDUP);
	assert_int_equal(check(c, t2, T0 + 1), MP_EDUP);
}

/* Used nonces stay while their token could pass, then go. */
static void
test_purge(void **state)
{
	char	 tok[MP_FORMTOKEN_LEN], id[64], h[2048], c[128];

	(void)state;
	form(NULL, 1, T0, tok, id, h);
	(void)snprintf(c, sizeof(c), "__Host-" NAME "=%s", id);
	assert_int_equal(check(c, tok, T0), MP_OK);
	assert_int_equal(mp_presession_purge(E.db, T0 + MP_PRESESSION_TTL),
	    MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 1);
	assert_int_equal(check(c, tok, T0 + MP_PRESESSION_TTL), MP_EDUP);
	assert_int_equal(mp_presession_purge(E.db,
	    T0 + MP_PRESESSION_TTL + 121), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rows, NULL, 0), 0);
}

/* At sign-in the cookie is deleted, under the name it was set with. */
static void
test_end(void **state)
{
	struct rq	 r;
	const char	*h;

	(void)state;
	rq_open(&r, NULL, 1);
	mp_presession_end(&r.req, NAME, PATH);
	h = rq_send(&r);
	assert_non_null(strstr(h, "Set-Cookie: __Host-" NAME "=; Path=/; "
	    "Max-Age=0;"));
	rq_close(&r);
	rq_open(&r, NULL, 0);
	mp_presession_end(&r.req, NAME, PATH);
	h = rq_send(&r);
	assert_non_null(strstr(h, "Set-Cookie: " NAME "=; Path=" PATH "; "
	    "Max-Age=0;"));
	rq_close(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_form_new_cookie, clear),
		cmocka_unit_test_setup(test_form_plain, clear),
		cmocka_unit_test_setup(test_form_keeps_cookie, clear),
		cmocka_unit_test_setup(test_check, clear),
		cmocka_unit_test_setup(test_two_forms, clear),
		cmocka_unit_test_setup(test_purge, clear),
		cmocka_unit_test_setup(test_end, clear),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
