/*
 * test-totp.c -- HOTP and TOTP against the RFC 4226 and RFC 6238
 * vectors, the verify window and replay refusal, code syntax, base32
 * and the otpauth:// URI.
 */
#include "config.h"

#include "util.h"

/* The RFC 4226 and RFC 6238 SHA-1 secret. */
static const unsigned char rfc_secret[] = "12345678901234567890";
#define RFC_LEN	20

/* Print a code with leading zeros, as a user would type it. */
static void
fmt(char *out, size_t outsz, int code, unsigned digits)
{

	assert_true(code >= 0);
	assert_true((size_t)snprintf(out, outsz, "%0*d", (int)digits,
	    code) < outsz);
}

static void
test_hotp_rfc4226(void **state)
{
	static const char *const want[] = {
		"755224", "287082", "359152", "969429", "338314",
		"254676", "287922", "162583", "399871", "520489"
	};
	char		 got[16];
	uint64_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(want); i++) {
		fmt(got, sizeof(got), mp_totp_code(rfc_secret, RFC_LEN, i, 6),
		    6);
		assert_string_equal(got, want[i]);
	}
}

static void
test_totp_rfc6238(void **state)
{
	static const struct {
		long long	 t;
		const char	*code;
	} v[] = {
		{ 59LL, "94287082" },
		{ 1111111109LL, "07081804" },
		{ 1111111111LL, "14050471" },
		{ 1234567890LL, "89005924" },
		{ 2000000000LL, "69279037" },
		{ 20000000000LL, "65353130" },
	};
	char		 got[16];
	size_t		 i;
	uint64_t	 step;

	(void)state;
	for (i = 0; i < MP_NELEM(v); i++) {
		step = (uint64_t)v[i].t / MP_TOTP_PERIOD;
		fmt(got, sizeof(got), mp_totp_code(rfc_secret, RFC_LEN,
		    step, 8), 8);
		assert_string_equal(got, v[i].code);
		/* Six digits are the last six of eight (mod 10^6). */
		fmt(got, sizeof(got), mp_totp_code(rfc_secret, RFC_LEN,
		    step, 6), 6);
		assert_string_equal(got, v[i].code + 2);
	}
	assert_int_equal(mp_totp_code(rfc_secret, RFC_LEN, 0, 0), -1);
	assert_int_equal(mp_totp_code(rfc_secret, RFC_LEN, 0, 10), -1);
}

/* The 6-digit code for the step holding time t. */
static void
code_at(char out[8], long long t)
{

	fmt(out, 8, mp_totp_code(rfc_secret, RFC_LEN,
	    (uint64_t)(t / MP_TOTP_PERIOD), 6), 6);
}

static void
test_verify_window(void **state)
{
	const long long	 now = 1234567890LL, cur = now / MP_TOTP_PERIOD;
	char		 c[8];
	long long	 m;
	int		 d;

	(void)state;
	for (d = -1; d <= 1; d++) {
		code_at(c, now + d * MP_TOTP_PERIOD);
		m = -7;
		assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c,
		    (time_t)now, -1, &m), MP_OK);
		assert_int_equal(m, cur + d);
	}
	code_at(c, now - 2 * MP_TOTP_PERIOD);
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c, (time_t)now,
	    -1, &m), MP_ECRYPTO);
	code_at(c, now + 2 * MP_TOTP_PERIOD);
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c, (time_t)now,
	    -1, &m), MP_ECRYPTO);
	/* Another secret's code for now. */
	code_at(c, now);
	assert_int_equal(mp_totp_verify((const unsigned char *)
	    "12345678901234567891", RFC_LEN, c, (time_t)now, -1, &m),
	    MP_ECRYPTO);
	/* Spaces, as apps show them, are fine. */
	c[7] = '\0';
	memmove(c + 4, c + 3, 4);
	c[3] = ' ';
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c, (time_t)now,
	    -1, NULL), MP_OK);
}

static void
test_verify_refuses_replay(void **state)
{
	const long long	 now = 2000000000LL, cur = now / MP_TOTP_PERIOD;
	char		 c[8];
	long long	 m = -1;

	(void)state;
	code_at(c, now);
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c, (time_t)now,
	    cur - 1, &m), MP_OK);
	assert_int_equal(m, cur);
	/* The same code again, a second later: refused. */
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c,
	    (time_t)now + 1, m, &m), MP_ECRYPTO);
	assert_int_equal(m, cur);
	/* An older code still inside the window: refused too. */
	code_at(c, now - MP_TOTP_PERIOD);
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c, (time_t)now,
	    cur, &m), MP_ECRYPTO);
	/* The next step's code is still good. */
	code_at(c, now + MP_TOTP_PERIOD);
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, c, (time_t)now,
	    cur, &m), MP_OK);
	assert_int_equal(m, cur + 1);
}

static void
test_verify_malformed(void **state)
{
	static const char *const bad[] = {
		"12345", "1234567", "12a456", "", " ", "12345\n6",
		"-12345", "123456 7",
		"\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93" "456"
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < MP_NELEM(bad); i++)
		assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, bad[i],
		    (time_t)59, -1, NULL), MP_EINVAL);
	assert_int_equal(mp_totp_verify(rfc_secret, RFC_LEN, NULL,
	    (time_t)59, -1, NULL), MP_EINVAL);
}

static void
test_base32(void **state)
{
	static const struct {
		const char	*in, *out;
	} v[] = {
		/* RFC 4648 section 10, without the padding. */
		{ "", "" },
		{ "f", "MY" },
		{ "fo", "MZXQ" },
		{ "foo", "MZXW6" },
		{ "foob", "MZXW6YQ" },
		{ "fooba", "MZXW6YTB" },
		{ "foobar", "MZXW6YTBOI" },
	};
	char		 out[64];
	unsigned char	 s[MP_TOTP_SECRET_LEN], t[MP_TOTP_SECRET_LEN];
	size_t		 i;

	(void)state;
	for (i = 0; i < MP_NELEM(v); i++) {
		mp_totp_base32_rfc4648(out, v[i].in, strlen(v[i].in));
		assert_string_equal(out, v[i].out);
	}
	mp_totp_base32(out, rfc_secret);
	assert_string_equal(out, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");

	assert_int_equal(mp_totp_secret_new(s), MP_OK);
	assert_int_equal(mp_totp_secret_new(t), MP_OK);
	assert_memory_not_equal(s, t, sizeof(s));
	mp_totp_base32(out, s);
	assert_int_equal(strlen(out), MP_TOTP_B32_LEN);
	assert_int_equal(strspn(out, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
	    MP_TOTP_B32_LEN);
}

static void
test_uri(void **state)
{
	struct mp_buf	 b;

	(void)state;
	mp_buf_init(&b, 4096);
	assert_int_equal(mp_totp_uri(&b, "Meldpunt Gemeente",
	    "Jan de Vries: j.vries@gemeente.nl",
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"), MP_OK);
	assert_string_equal(mp_buf_str(&b),
	    "otpauth://totp/Meldpunt%20Gemeente:"
	    "Jan%20de%20Vries%3A%20j.vries%40gemeente.nl"
	    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	    "&issuer=Meldpunt%20Gemeente"
	    "&algorithm=SHA1&digits=6&period=30");
	mp_buf_reset(&b);
	assert_int_equal(mp_totp_uri(&b, "a&b=c?", "x_y-z.~/#é", "AB"),
	    MP_OK);
	assert_string_equal(mp_buf_str(&b),
	    "otpauth://totp/a%26b%3Dc%3F:x_y-z.~%2F%23%C3%A9"
	    "?secret=AB&issuer=a%26b%3Dc%3F"
	    "&algorithm=SHA1&digits=6&period=30");
	mp_buf_freezero(&b);

	/* Too small a buffer: refused, and nothing half-written. */
	mp_buf_init(&b, 32);
	assert_int_equal(mp_totp_uri(&b, "i", "a", "AB"), MP_ETOOBIG);
	assert_int_equal(mp_buf_len(&b), 0);
	mp_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hotp_rfc4226),
		cmocka_unit_test(test_totp_rfc6238),
		cmocka_unit_test(test_verify_window),
		cmocka_unit_test(test_verify_refuses_replay),
		cmocka_unit_test(test_verify_malformed),
		cmocka_unit_test(test_base32),
		cmocka_unit_test(test_uri),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
