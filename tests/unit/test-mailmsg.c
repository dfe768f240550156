/*
 * test-mailmsg.c -- composing mail: every header function refuses CR,
 * LF, NUL and other controls (header injection), UTF-8 subjects become
 * RFC 2047 encoded-words that fold within the line limit and decode
 * back to the text, bodies become quoted-printable.
 */
#include "config.h"

#include "util.h"

#include <openssl/evp.h>

/* Check that b holds exactly want. */
static void
assert_buf(const struct mp_buf *b, const char *want)
{

	assert_string_equal(mp_buf_str(b), want);
}

static void
test_header_refuses_controls(void **state)
{
	static const struct {
		const char	*v;
		size_t		 len;
	} bad[] = {
		{ "a\r\nBcc: x@example.nl", 20 },
		{ "a\nBcc: x@example.nl", 19 },
		{ "a\rb", 3 },
		{ "a\0b", 3 },
		{ "a\tb", 3 },
		{ "a\x7f", 2 },
		{ "\xc3\xa9", 2 },
		{ "\n", 1 },
	};
	struct mp_buf	 b;
	size_t		 i;

	(void)state;
	mp_buf_init(&b, 4096);
	for (i = 0; i < MP_NELEM(bad); i++) {
		assert_int_equal(mp_mailmsg_header(&b, "X-Test", bad[i].v,
		    bad[i].len), MP_EINVAL);
		assert_int_equal(mp_mailmsg_header_text(&b, "Subject",
		    bad[i].v, bad[i].len), i == 6 ? MP_OK : MP_EINVAL);
		if (i == 6)
			mp_buf_reset(&b);
		assert_int_equal(mp_buf_len(&b), 0);
	}
	/* Bad names: a colon or a line end would forge a header too. */
	assert_int_equal(mp_mailmsg_header(&b, "X:Y", "v", 1), MP_EINVAL);
	assert_int_equal(mp_mailmsg_header(&b, "X\nBcc", "v", 1), MP_EINVAL);
	assert_int_equal(mp_mailmsg_header(&b, "", "v", 1), MP_EINVAL);
	assert_int_equal(mp_mailmsg_header(&b, "Sub ject", "v", 1), MP_EINVAL);
	/* Invalid UTF-8 and empty text. */
	assert_int_equal(mp_mailmsg_header_text(&b, "Subject", "\xc3(", 2),
	    MP_EINVAL);
	assert_int_equal(mp_mailmsg_header_text(&b, "Subject", "", 0),
	    MP_EINVAL);
	/* An over-long plain header is refused, not folded blindly. */
	{
		char	 l[100];

		memset(l, 'x', sizeof(l));
		assert_int_equal(mp_mailmsg_header(&b, "X-Test", l, sizeof(l)),
		    MP_EINVAL);
	}
	assert_int_equal(mp_buf_len(&b), 0);
	assert_int_equal(mp_mailmsg_header(&b, "X-Test", "ok", 2), MP_OK);
	assert_buf(&b, "X-Test: ok\n");
	mp_buf_free(&b);
}

static void
test_addr_refuses_injection(void **state)
{
	struct mp_buf	 b;

	(void)state;
	mp_buf_init(&b, 4096);
	assert_int_equal(mp_mailmsg_header_addr(&b, "To", NULL,
	    "a@example.nl\r\nBcc: x@example.nl"), MP_EINVAL);
	assert_int_equal(mp_mailmsg_header_addr(&b, "To", NULL,
	    "a@example.nl\n"), MP_EINVAL);
	assert_int_equal(mp_mailmsg_header_addr(&b, "To", NULL,
	    "a@example.nl, b@example.nl"), MP_EINVAL);
	assert_int_equal(mp_mailmsg_header_addr(&b, "From", "Meldpunt\r\nBcc:"
	    " x@example.nl", "a@example.nl"), MP_EINVAL);
	assert_int_equal(mp_buf_len(&b), 0);
	assert_int_equal(mp_mailmsg_header_addr(&b, "From",
	    "Meldpunt Gemeente",
	    "meldpunt@example.nl"), MP_OK);
	assert_buf(&b, "From: Meldpunt Gemeente <meldpunt@example.nl>\n");
	mp_buf_reset(&b);
	/* Specials in a display name go encoded, never raw. */
	assert_int_equal(mp_mailmsg_header_addr(&b, "From", "A, \"B\" <c>",
	    "meldpunt@example.nl"), MP_OK);
	assert_buf(&b, "From: =?UTF-8?B?QSwgIkIiIDxjPg==?="
	    " <meldpunt@example.nl>\n");
	mp_buf_free(&b);
}

/*
 * Unfold a header, decode its encoded-words and check the limits:
 * every line at most 78 characters, every word at most 75 and valid
 * UTF-8 by itself.  Returns the decoded value (static).
 */
static const char *
decode_header(const char *h)
{
	static char	 out[4096];
	unsigned char	 dec[512];
	const char	*p, *e, *line = h;
	size_t		 o = 0, n;
	int		 k;

	/* Line lengths. */
	for (p = h; *p != '\0'; p++)
		if (*p == '\n') {
			assert_true(p - line <= MP_MAIL_LINE);
			line = p + 1;
		}
	p = strchr(h, ':');
	assert_non_null(p);
	p += 2;
	while (*p != '\0') {
		if (*p == '\n' || *p == ' ') {
			p++;
			continue;
		}
		if (strncmp(p, "=?UTF-8?B?", 10) == 0) {
			e = strstr(p + 10, "?=");
			assert_non_null(e);
			assert_true(e + 2 - p <= 75);
			n = (size_t)(e - (p + 10));
			k = EVP_DecodeBlock(dec, (const unsigned char *)p + 10,
			    (int)n);
			assert_true(k >= 0);
			/* EVP_DecodeBlock keeps the padding's zero bytes. */
			while (n > 0 && p[10 + n - 1] == '=') {
				k--;
				n--;
			}
			assert_true(mp_valid_utf8((char *)dec, (size_t)k));
			memcpy(out + o, dec, (size_t)k);
			o += (size_t)k;
			p = e + 2;
		} else {
			/* A plain value: the rest of the line. */
			e = strchr(p, '\n');
			memcpy(out + o, p, (size_t)(e - p));
			o += (size_t)(e - p);
			p = e;
		}
	}
	out[o] = '\0';
	return out;
}

static void
test_subject_encoding(void **state)
{
	static const char *const subjects[] = {
		"Nieuws over uw melding",
		"Reactie op \xe2\x80\x98uw\xe2\x80\x99 melding \xe2\x80\x94"
		    " \xc3\xa9\xc3\xa9n keer",
		"Een heel lange onderwerpregel die niet op een regel past"
		    " omdat hij langer is dan achtenzeventig tekens",
		"=?UTF-8?B?bmVw?= lijkt gecodeerd",
		"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
		    " \xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
		    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
		    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80"
		    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80",
	};
	struct mp_buf	 b;
	size_t		 i;

	(void)state;
	mp_buf_init(&b, 8192);
	for (i = 0; i < MP_NELEM(subjects); i++) {
		mp_buf_reset(&b);
		assert_int_equal(mp_mailmsg_header_text(&b, "Subject",
		    subjects[i], strlen(subjects[i])), MP_OK);
		print_message("# %s", mp_buf_str(&b));
		if (i == 0)
			assert_buf(&b, "Subject: Nieuws over uw melding\n");
		else
			assert_non_null(strstr(mp_buf_str(&b),
			    "=?UTF-8?B?"));
		assert_string_equal(decode_header(mp_buf_str(&b)),
		    subjects[i]);
	}
	/* A known encoding, checked by hand. */
	mp_buf_reset(&b);
	assert_int_equal(mp_mailmsg_header_text(&b, "Subject",
	    "\xc3\xa9\xc3\xa9n", 5), MP_OK);
	assert_buf(&b, "Subject: =?UTF-8?B?w6nDqW4=?=\n");
	mp_buf_free(&b);
}

static void
test_qp(void **state)
{
	struct mp_buf	 b;
	const char	*s, *line;
	char		 l[200];

	(void)state;
	mp_buf_init(&b, 8192);
	s = "a=b \xc3\xa9\ttab \nregel 2 \n";
	assert_int_equal(mp_mailmsg_qp(&b, s, strlen(s)), MP_OK);
	assert_buf(&b, "a=3Db =C3=A9\ttab=20\nregel 2=20\n");
	mp_buf_reset(&b);
	memset(l, 'x', sizeof(l));
	assert_int_equal(mp_mailmsg_qp(&b, l, sizeof(l)), MP_OK);
	/* Every line at most 76, soft breaks end in "=". */
	for (s = line = mp_buf_str(&b); *s != '\0'; s++)
		if (*s == '\n') {
			assert_true(s - line <= 76);
			line = s + 1;
		}
	assert_int_equal(mp_buf_len(&b), 200 + 2 * 2 + 1);
	mp_buf_free(&b);
}

static void
test_date(void **state)
{
	char	 d[MP_MAIL_DATE_LEN];

	(void)state;
	mp_mailmsg_date(d, 0);
	assert_string_equal(d, "Thu, 01 Jan 1970 00:00:00 +0000");
	mp_mailmsg_date(d, 1795442700);
	assert_string_equal(d, "Mon, 23 Nov 2026 14:05:00 +0000");
}

static void
test_compose(void **state)
{
	struct mp_buf	 b;
	struct mp_mail	 m;
	const char	*s;

	(void)state;
	mp_buf_init(&b, 65536);
	memset(&m, 0, sizeof(m));
	m.from_name = "Meldpunt Gemeente S\xc3\xba" "dwest";
	m.from_addr = "meldpunt@example.nl";
	m.to_addr = "melder@example.org";
	m.subject = "Nieuws over uw melding";
	m.body = "Beste melder,\n\nEr is nieuws.\n";
	m.date = 0;
	assert_int_equal(mp_mailmsg_compose(&b, &m), MP_OK);
	s = mp_buf_str(&b);
	print_message("# %s", s);
	assert_non_null(strstr(s, "\nTo: melder@example.org\n"));
	assert_non_null(strstr(s, "\nSubject: Nieuws over uw melding\n"));
	assert_non_null(strstr(s, "\nMIME-Version: 1.0\n"));
	assert_non_null(strstr(s,
	    "\nContent-Type: text/plain; charset=UTF-8\n"));
	assert_non_null(strstr(s,
	    "\nContent-Transfer-Encoding: quoted-printable\n"));
	assert_non_null(strstr(s, "\nMessage-ID: <"));
	assert_non_null(strstr(s, "@example.nl>\n"));
	assert_true(strncmp(s, "Date: Thu, 01 Jan 1970", 22) == 0);
	assert_non_null(strstr(s, "\n\nBeste melder,\n\nEr is nieuws.\n"));

	/* Any field with a line end refuses the whole message. */
	m.to_addr = "melder@example.org\nBcc: x@example.nl";
	assert_int_equal(mp_mailmsg_compose(&b, &m), MP_EINVAL);
	assert_int_equal(mp_buf_len(&b), 0);
	m.to_addr = "melder@example.org";
	m.subject = "Nieuws\r\nBcc: x@example.nl";
	assert_int_equal(mp_mailmsg_compose(&b, &m), MP_EINVAL);
	m.subject = "Nieuws";
	m.from_name = "Meldpunt\nBcc: x@example.nl";
	assert_int_equal(mp_mailmsg_compose(&b, &m), MP_EINVAL);
	assert_int_equal(mp_buf_len(&b), 0);
	mp_buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_refuses_controls),
		cmocka_unit_test(test_addr_refuses_injection),
		cmocka_unit_test(test_subject_encoding),
		cmocka_unit_test(test_qp),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_compose),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
