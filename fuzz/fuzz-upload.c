/*
 * fuzz-upload.c -- files as a reporter uploads them: a multipart body
 * parsed by mp_req_parse, then mp_report_read_files (count, size, the
 * type sniffed from the content by mp_report_filetype_sniff, the name
 * cleaned), the way the intake and the reply form read attachments.
 *
 * Input: one flag byte (bit 0: sniff the rest directly instead), then
 * the body of a multipart/form-data request with boundary "XyZ".
 * Invariants: the sniffed type matches the magic bytes and nothing
 * else; an accepted attachment has a known type, a name without a
 * path, control character or invalid UTF-8, at most 200 characters,
 * and the digest of its data; no more are kept than were uploaded.
 */
#include "config.h"

#include "fuzz.h"

struct src {
	const uint8_t	*p;
	size_t		 len;
	size_t		 pos;
	size_t		 step;
};

static long
src_read(void *arg, void *buf, size_t len)
{
	struct src	*s = arg;
	size_t		 n;

	n = s->len - s->pos;
	if (n > len)
		n = len;
	if (n > s->step)
		n = s->step;
	if (n > 0)
		memcpy(buf, s->p + s->pos, n);
	s->pos += n;
	return (long)n;
}

static void
check_sniff(const unsigned char *p, size_t n)
{
	enum mp_filetype t = mp_report_filetype_sniff(p, n);
	int		 jpeg, png, pdf;

	jpeg = n >= 3 && memcmp(p, "\xff\xd8\xff", 3) == 0;
	png = n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0;
	pdf = n >= 5 && memcmp(p, "%PDF-", 5) == 0;
	FUZZ_ASSERT((t == MP_FILE_JPEG) == jpeg);
	FUZZ_ASSERT((t == MP_FILE_PNG) == png);
	FUZZ_ASSERT((t == MP_FILE_PDF) == pdf);
	FUZZ_ASSERT((t == MP_FILE_UNKNOWN) == !(jpeg || png || pdf));
	FUZZ_ASSERT(mp_report_filetype_mime(t) != NULL);
	FUZZ_ASSERT(strcmp(mp_report_filetype_mime(t), "text/html") != 0);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{

	(void)argc;
	(void)argv;
	FUZZ_QUIET_LOG();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t steps[4] = { 1, 5, 333, 1 << 20 };
	struct fuzz_in	 in = { data, size };
	struct mp_limits lim;
	struct mp_report r;
	struct mp_req	 req;
	struct src	 s;
	unsigned char	 md[MP_SHA256_LEN];
	char		 cl[64], *env[6];
	const char	*fn;
	size_t		 i, j;
	uint8_t		 flags;

	flags = fuzz_byte(&in);
	if (flags & 1) {
		check_sniff(in.p, in.len);
		return 0;
	}
	memset(&s, 0, sizeof(s));
	s.p = in.p;
	s.len = in.len;
	s.step = steps[(flags >> 1) & 3];
	snprintf(cl, sizeof(cl), "CONTENT_LENGTH=%zu", s.len);
	env[0] = "REQUEST_METHOD=POST";
	env[1] = "REQUEST_URI=/melden";
	env[2] = "CONTENT_TYPE=multipart/form-data; boundary=XyZ";
	env[3] = cl;
	env[4] = NULL;
	memset(&lim, 0, sizeof(lim));
	lim.max_file = (flags & 8) ? 64 : 0;
	FUZZ_ASSERT(mp_req_parse(&req, env, src_read, &s, NULL, NULL, &lim)
	    == MP_OK);

	mp_report_init(&r);
	FUZZ_ASSERT(mp_report_read_files(&r, &req,
	    mp_report_field_name(RF_ATTACHMENTS)) == MP_OK);
	FUZZ_ASSERT(r.natt <= req.nfiles);
	for (i = 0; i < r.natt; i++) {
		fn = r.att[i].filename;
		FUZZ_ASSERT(r.att[i].type != MP_FILE_UNKNOWN);
		FUZZ_ASSERT(mp_report_filetype_sniff(r.att[i].data,
		    r.att[i].size) ==
		    r.att[i].type);
		check_sniff(r.att[i].data, r.att[i].size);
		FUZZ_ASSERT(fn != NULL && fn[0] != '\0');
		FUZZ_ASSERT(strchr(fn, '/') == NULL && strchr(fn, '\\') ==
		    NULL);
		FUZZ_ASSERT(mp_valid_text(fn, strlen(fn), 200, 0));
		for (j = 0; fn[j] != '\0'; j++)
			FUZZ_ASSERT((unsigned char)fn[j] >= 0x20 &&
			    fn[j] != 0x7f);
		mp_crypto_sha256(md, r.att[i].data, r.att[i].size);
		FUZZ_ASSERT(memcmp(md, r.att[i].sha256, sizeof(md)) == 0);
	}
	if (req.files_dropped > 0)
		FUZZ_ASSERT(r.err[RF_ATTACHMENTS] != NULL);
	mp_report_free(&r);
	mp_req_free(&req);
	return 0;
}
