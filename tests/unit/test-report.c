/*
 * test-report.c -- the report form's rules: a good report passes with
 * its values normalised; each bad input gets an error on its own field;
 * anonymity with contact details typed asks which is meant; files are judged by content; the
 * secret code has 100 bits and survives the ways people retype it.
 */
#include "config.h"

#include "util.h"

static struct mp_signal_type	 types[2] = {
	{ 1, "drugs", "Drugs", "" },
	{ 2, "overig", "Iets anders", "" },
};
static struct mp_audience	 aud = { 3, "bewoners", "Bewoners", "",
				    1, types, 2 };

#define NOW	((time_t)1790000000)	/* 2026-09-21 */

static const char *const good =
	"report-signal-type=drugs&report-description=++Sterke+lucht+uit+de"
	"+kelder%0D%0Aelke+nacht++&report-observed-date=2026-09-01"
	"&report-observed-time=21%3A30&report-street=Dorpsstraat"
	"&report-house-number=12a&report-postcode=3511ab&report-city=Utrecht"
	"&report-people=&report-companies=&report-vehicles=AB-123-C"
	"&report-anonymous=nee&report-contact-name=Jan+Jansen"
	"&report-contact-email=jan%40voorbeeld.nl&report-contact-phone=";

/* Parse body into req and read it as a report. */
static void
readit(struct mp_req *req, struct mp_report *r, const char *body)
{
	struct mp_limits	 l;
	size_t			 count = 0;

	memset(req, 0, sizeof(*req));
	memset(&l, 0, sizeof(l));
	mp_req_limits_default(&l);
	assert_int_equal(mp_req_parse_urlencoded(&req->form, body,
	    strlen(body),
	    &l, &count), MP_OK);
	mp_report_init(r);
	assert_int_equal(mp_report_read(r, req, &aud, NOW), MP_OK);
}

static void
done(struct mp_req *req, struct mp_report *r)
{

	mp_report_free(r);
	mp_req_params_free(&req->form);
}

/* good with one field replaced (appended pairs are refused upstream,
 * so build a fresh body). */
static char *
with_from(const char *base, const char *field, const char *value)
{
	struct mp_buf	 b;
	const char	*p, *amp, *eq;

	mp_buf_init(&b, 1 << 20);
	for (p = base; *p != '\0'; p = amp + (*amp == '&')) {
		amp = strchr(p, '&');
		if (amp == NULL)
			amp = p + strlen(p);
		eq = strchr(p, '=');
		if (mp_buf_len(&b) > 0)
			assert_int_equal(mp_buf_addc(&b, '&'), MP_OK);
		if ((size_t)(eq - p) == strlen(field) &&
		    strncmp(p, field, (size_t)(eq - p)) == 0)
			assert_int_equal(mp_buf_printf(&b, "%s=%s", field,
			    value), MP_OK);
		else
			assert_int_equal(mp_buf_add(&b, p, (size_t)(amp - p)),
			    MP_OK);
	}
	return mp_buf_take(&b, NULL);
}

static char *
with(const char *field, const char *value)
{

	return with_from(good, field, value);
}

static void
test_good_report(void **state)
{
	struct mp_req		 req;
	struct mp_report	 r;

	(void)state;
	readit(&req, &r, good);
	assert_int_equal(r.nerr, 0);
	assert_int_equal(r.signal_type_id, 1);
	assert_int_equal(r.audience_id, 3);
	assert_int_equal(r.anonymous, 0);
	assert_string_equal(r.val[RF_DESCRIPTION],
	    "Sterke lucht uit de kelder\r\nelke nacht");
	assert_string_equal(r.postcode, "3511 AB");
	assert_string_equal(r.val[RF_CONTACT_EMAIL], "jan@voorbeeld.nl");
	done(&req, &r);
}

static void
expect_error(const char *field, const char *value, enum mp_rfield f)
{
	struct mp_req		 req;
	struct mp_report	 r;
	char			*body;
	enum mp_rfield		 i;

	body = with(field, value);
	readit(&req, &r, body);
	if (r.err[f] == NULL)
		fail_msg("%s=%.40s: no error on field %d", field, value, f);
	for (i = 0; i < RF__MAX; i++)
		if (i != f && r.err[i] != NULL)
			fail_msg("%s: unexpected error on %d: %s", field, i,
			    r.err[i]);
	done(&req, &r);
	free(body);
}

static void
test_each_bad_input_on_its_field(void **state)
{

	(void)state;
	expect_error("report-signal-type", "", RF_SIGNAL_TYPE);
	expect_error("report-signal-type", "wapens", RF_SIGNAL_TYPE);
	expect_error("report-signal-type", "drugs%27+OR+1%3D1+--",
	    RF_SIGNAL_TYPE);
	expect_error("report-description", "+++", RF_DESCRIPTION);
	expect_error("report-description", "a%00b", RF_DESCRIPTION);
	expect_error("report-description", "caf%C3", RF_DESCRIPTION);
	expect_error("report-description", "%C0%AF", RF_DESCRIPTION);
	expect_error("report-observed-date", "", RF_OBSERVED_DATE);
	expect_error("report-observed-date", "2026-09-22", RF_OBSERVED_DATE);
	expect_error("report-observed-date", "2026-02-30", RF_OBSERVED_DATE);
	/* dd-mm-jjjj is a date too (issue 16), but not the 31st of February. */
	expect_error("report-observed-date", "31-02-2026", RF_OBSERVED_DATE);
	expect_error("report-observed-date", "2026-13-01", RF_OBSERVED_DATE);
	expect_error("report-observed-time", "25%3A00", RF_OBSERVED_TIME);
	expect_error("report-postcode", "0123AB", RF_POSTCODE);
	expect_error("report-postcode", "1234+SS", RF_POSTCODE);
	expect_error("report-house-number", "twaalf", RF_HOUSE_NUMBER);
	expect_error("report-city", "Utrecht%0A", RF_CITY);
	expect_error("report-anonymous", "misschien", RF_ANONYMOUS);
	expect_error("report-contact-name", "", RF_CONTACT_NAME);
	expect_error("report-contact-email", "jan%40", RF_CONTACT_EMAIL);
	expect_error("report-contact-email", "jan%40x.nl%0D%0ABcc%3A+a%40b.nl",
	    RF_CONTACT_EMAIL);
}

static void
test_one_over_every_limit(void **state)
{
	static const char *const fill[RF__MAX] = {
		[RF_DESCRIPTION] = "%C3%A9",	/* two bytes, one character */
		[RF_STREET] = "s", [RF_CITY] = "c", [RF_PEOPLE] = "p",
		[RF_COMPANIES] = "b", [RF_VEHICLES] = "v",
		[RF_CONTACT_NAME] = "n",
	};
	struct mp_buf	 v;
	enum mp_rfield	 f;
	size_t		 i, max;

	(void)state;
	for (f = 0; f < RF__MAX; f++) {
		if (fill[f] == NULL)
			continue;
		max = mp_report_field_max(f);
		/* Exactly at the limit passes... */
		mp_buf_init(&v, 1 << 20);
		for (i = 0; i < max; i++)
			assert_int_equal(mp_buf_addstr(&v, fill[f]), MP_OK);
		{
			struct mp_req		 req;
			struct mp_report	 r;
			char			*body;

			body = with(mp_report_field_name(f), mp_buf_str(&v));
			readit(&req, &r, body);
			assert_null(r.err[f]);
			done(&req, &r);
			free(body);
		}
		/* ...one character more does not. */
		assert_int_equal(mp_buf_addstr(&v, fill[f]), MP_OK);
		expect_error(mp_report_field_name(f), mp_buf_str(&v), f);
		mp_buf_free(&v);
	}
}

/*
 * Anonymous with contact details typed: the form asks which is meant
 * (issue 15), keeping what was typed; with the details cleared it is
 * anonymous and keeps nothing of them.
 */
static void
test_anonymous_with_contact(void **state)
{
	struct mp_req		 req;
	struct mp_report	 r;
	char			*body, *b2, *b3;

	(void)state;
	body = with("report-anonymous", "ja");
	readit(&req, &r, body);
	assert_int_equal(r.nerr, 1);
	assert_non_null(r.err[RF_ANONYMOUS]);
	assert_non_null(strstr(r.err[RF_ANONYMOUS], "vulde ook uw gegevens"));
	assert_string_equal(r.val[RF_CONTACT_NAME], "Jan Jansen");
	done(&req, &r);
	b2 = with_from(body, "report-contact-name", "+");
	b3 = with_from(b2, "report-contact-email", "");
	readit(&req, &r, b3);
	assert_int_equal(r.nerr, 0);
	assert_int_equal(r.anonymous, 1);
	assert_string_equal(r.val[RF_CONTACT_NAME], "");
	assert_string_equal(r.val[RF_CONTACT_EMAIL], "");
	done(&req, &r);
	free(b3);
	free(b2);
	free(body);
}

static void
test_location_needed(void **state)
{
	struct mp_req		 req;
	struct mp_report	 r;
	char			*b1, *b2, *b3;

	(void)state;
	b1 = with("report-street", "");
	readit(&req, &r, b1);
	assert_int_equal(r.nerr, 0);	/* postcode and city still there */
	done(&req, &r);
	b2 = with_from(b1, "report-postcode", "+");
	b3 = with_from(b2, "report-city", "");
	readit(&req, &r, b3);
	assert_non_null(r.err[RF_STREET]);
	assert_int_equal(r.nerr, 1);
	done(&req, &r);
	free(b1);
	free(b2);
	free(b3);
}

static void
test_files_by_content(void **state)
{
	/* A frame, a scan and a comment with the owner's name. */
	static unsigned char	 jpeg[] = { 0xff, 0xd8,
		0xff, 0xfe, 0x00, 0x05, 'J', 'a', 'n',
		0xff, 0xc0, 0x00, 0x0b, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
		0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34,
		0xff, 0xd9 };
	unsigned char		 sum[MP_SHA256_LEN];
	static unsigned char	 html[] = "<html><script>x</script>";
	static unsigned char	 pdf[] = "%PDF-1.7\n...";
	struct mp_upload	 up[3];
	struct mp_req		 req;
	struct mp_report	 r;

	(void)state;
	assert_int_equal(mp_report_filetype_sniff(jpeg, sizeof(jpeg)),
	    MP_FILE_JPEG);
	assert_int_equal(mp_report_filetype_sniff(pdf, 5), MP_FILE_PDF);
	assert_int_equal(mp_report_filetype_sniff(
	    (const unsigned char *)"\x89PNG\r\n\x1a\n", 8), MP_FILE_PNG);
	assert_int_equal(mp_report_filetype_sniff(html, sizeof(html)),
	    MP_FILE_UNKNOWN);
	assert_int_equal(mp_report_filetype_sniff(jpeg, 2), MP_FILE_UNKNOWN);

	memset(up, 0, sizeof(up));
	up[0].field = "report-attachments";
	up[0].filename = "C:\\Users\\jan\\foto.jpg";
	up[0].data = jpeg;
	up[0].size = sizeof(jpeg);
	up[1].field = "report-attachments";
	up[1].filename = "scan.pdf";
	up[1].data = pdf;
	up[1].size = sizeof(pdf) - 1;
	readit(&req, &r, good);
	mp_report_free(&r);
	req.files = up;
	req.nfiles = 2;
	mp_report_init(&r);
	assert_int_equal(mp_report_read(&r, &req, &aud, NOW), MP_OK);
	assert_int_equal(r.nerr, 0);
	assert_int_equal(r.natt, 2);
	assert_string_equal(r.att[0].filename, "foto.jpg");
	assert_int_equal(r.att[1].type, MP_FILE_PDF);
	/* The picture is kept without its comment, hashed as kept. */
	assert_int_equal(r.att[0].size, sizeof(jpeg) - 7);
	assert_memory_equal(r.att[0].data, "\xff\xd8\xff\xc0", 4);
	mp_crypto_sha256(sum, r.att[0].data, r.att[0].size);
	assert_memory_equal(r.att[0].sha256, sum, sizeof(sum));
	assert_ptr_equal(r.att[1].data, pdf);
	mp_report_free(&r);

	/* A broken picture is refused with a reason, nothing kept. */
	up[0].size = sizeof(jpeg) - 4;
	mp_report_init(&r);
	assert_int_equal(mp_report_read(&r, &req, &aud, NOW), MP_OK);
	assert_non_null(r.err[RF_ATTACHMENTS]);
	assert_non_null(strstr(r.err[RF_ATTACHMENTS], "beschadigd"));
	assert_int_equal(r.natt, 1);
	assert_int_equal(r.att[0].type, MP_FILE_PDF);
	mp_report_free(&r);
	up[0].size = sizeof(jpeg);

	/* An HTML page named .jpg is refused. */
	up[2].field = "report-attachments";
	up[2].filename = "foto.jpg";
	up[2].data = html;
	up[2].size = sizeof(html);
	req.nfiles = 3;
	mp_report_init(&r);
	assert_int_equal(mp_report_read(&r, &req, &aud, NOW), MP_OK);
	assert_non_null(r.err[RF_ATTACHMENTS]);
	assert_int_equal(r.nerr, 1);
	mp_report_free(&r);

	/* Too large, and too many. */
	up[2].data = NULL;
	up[2].over = 1;
	mp_report_init(&r);
	assert_int_equal(mp_report_read(&r, &req, &aud, NOW), MP_OK);
	assert_non_null(r.err[RF_ATTACHMENTS]);
	mp_report_free(&r);
	req.nfiles = 2;
	req.files_dropped = 1;
	mp_report_init(&r);
	assert_int_equal(mp_report_read(&r, &req, &aud, NOW), MP_OK);
	assert_non_null(r.err[RF_ATTACHMENTS]);
	mp_report_free(&r);
	mp_req_params_free(&req.form);
}

static void
test_code(void **state)
{
	struct mp_keys		 keys;
	struct mp_report	 r;
	unsigned char		 m[MP_KEY_LEN], h[MP_SHA256_LEN];
	char			 code[MP_CODE_LEN], typed[MP_CODE_LEN];
	size_t			 i;

	(void)state;
	memset(m, 1, sizeof(m));
	assert_int_equal(mp_keys_derive(&keys, m), MP_OK);
	mp_report_init(&r);
	assert_int_equal(mp_report_new_code(&r, &keys, code), MP_OK);
	assert_int_equal(strlen(code), 23);
	assert_true(code[5] == '-' && code[11] == '-' && code[17] == '-');
	/* Typed in lower case without dashes, it is the same code. */
	for (i = 0; i < strlen(code) + 1; i++)
		typed[i] = (char)(code[i] >= 'A' && code[i] <= 'Z' ?
		    code[i] - 'A' + 'a' : code[i]);
	assert_int_equal(mp_report_code_hash(&keys, typed, h), MP_OK);
	assert_memory_equal(h, r.code_hash, sizeof(h));
	typed[0] = typed[0] == '0' ? '1' : '0';
	assert_int_equal(mp_report_code_hash(&keys, typed, h), MP_OK);
	assert_memory_not_equal(h, r.code_hash, sizeof(h));
	assert_int_equal(mp_report_code_hash(&keys, "ABC", h), MP_EINVAL);
	assert_int_equal(mp_report_code_hash(&keys, "UUUUU-UUUUU-UUUUU-UUUUU",
	    h), MP_EINVAL);
	mp_report_free(&r);
	mp_report_reference(code, 2026, 123);
	assert_string_equal(code, "M-2026-000123");
}

/*
 * The one reference rule (the dashboard's search and audit filter, the
 * reporter's sign-in): any case, blanks and pasted tabs around; any
 * other shape is refused with out "", so a caller that goes on with
 * it looks up nothing.
 */
static void
test_reference_norm(void **state)
{
	static const char *const bad[] = {
		"", "   ", "M-2026", "X-2026-000123", "M-20a6-000123",
		"M-2026-0001 23", "M-2026-000123!", "M2026-000123",
		"M-2026-0000000000000000123", "M-2026-000123\n",
	};
	char	 out[24];
	size_t	 i;

	(void)state;
	assert_true(mp_report_reference_norm("m-2026-000308", out));
	assert_string_equal(out, "M-2026-000308");
	assert_true(mp_report_reference_norm(" \tM-2026-000308\t ", out));
	assert_string_equal(out, "M-2026-000308");
	/* A spooled report's reference: S and letters and digits. */
	assert_true(mp_report_reference_norm("m-2026-s7k2p9", out));
	assert_string_equal(out, "M-2026-S7K2P9");
	assert_false(mp_report_reference_norm(NULL, out));
	assert_string_equal(out, "");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(out, 'x', sizeof(out));
		assert_false(mp_report_reference_norm(bad[i], out));
		assert_string_equal(out, "");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_report),
		cmocka_unit_test(test_each_bad_input_on_its_field),
		cmocka_unit_test(test_one_over_every_limit),
		cmocka_unit_test(test_anonymous_with_contact),
		cmocka_unit_test(test_location_needed),
		cmocka_unit_test(test_files_by_content),
		cmocka_unit_test(test_code),
		cmocka_unit_test(test_reference_norm),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
