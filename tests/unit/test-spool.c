/*
 * test-spool.c -- the spool: a report is written whole, sealed, once
 * per submission, and reads back as it was; damaged files are set aside
 * without touching the database.  Includes spool.c for its statics.
 */
#define _GNU_SOURCE	/* memmem */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "../../lib/spool.c"

static char		 dir[] = "/tmp/mp-spool-XXXXXX";
static struct mp_keys	 keys;
static unsigned char	 photo[3000];

static int
setup(void **state)
{
	unsigned char	 m[MP_KEY_LEN];
	size_t		 i;

	(void)state;
	memset(m, 9, sizeof(m));
	for (i = 0; i < sizeof(photo); i++)
		photo[i] = (unsigned char)(i * 7);
	photo[0] = 0xff;
	photo[1] = 0xd8;
	photo[2] = 0xff;
	if (mkdtemp(dir) == NULL)
		return -1;
	return mp_keys_derive(&keys, m);
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
make_report(struct mp_report *r, unsigned char fill)
{
	size_t	 i;

	mp_report_init(r);
	for (i = 0; i < RF_ATTACHMENTS; i++)
		assert_non_null(r->val[i] = mp_alloc_strdup(""));
	free(r->val[RF_DESCRIPTION]);
	assert_non_null(r->val[RF_DESCRIPTION] =
	    mp_alloc_strdup("Geheime beschrijving <script> ' OR 1=1 --"));
	r->audience_id = 1;
	r->signal_type_id = 2;
	r->channel = "web";
	r->anonymous = 1;
	(void)snprintf(r->postcode, sizeof(r->postcode), "3511 AB");
	r->received = 1790000000;
	memset(r->submission, fill, sizeof(r->submission));
	r->has_submission = 1;
	memset(r->code_hash, 0xab, sizeof(r->code_hash));
	assert_non_null(r->att = mp_alloc_calloc(1, sizeof(*r->att)));
	assert_non_null(r->att[0].filename = mp_alloc_strdup("foto.jpg"));
	r->att[0].type = MP_FILE_JPEG;
	r->att[0].data = photo;
	r->att[0].size = sizeof(photo);
	r->natt = 1;
}

static int
count_files(const char *suffix)
{
	DIR		*d;
	struct dirent	*de;
	int		 n = 0;
	size_t		 len;

	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (strncmp(suffix, ".tmp-", 5) == 0) {
			n += strncmp(de->d_name, suffix, 5) == 0;
			continue;
		}
		if (len >= strlen(suffix) && strcmp(de->d_name + len -
		    strlen(suffix), suffix) == 0)
			n++;
	}
	(void)closedir(d);
	return n;
}

static void
test_write_once_sealed(void **state)
{
	struct mp_report	 r, r2;
	struct mp_buf		 file;
	char			 hex[40], path[256];
	struct stat		 sb;

	(void)state;
	make_report(&r, 0x11);
	assert_false(mp_spool_has(dir, r.submission));
	assert_int_equal(mp_spool_write(dir, &keys, &r), MP_OK);
	assert_true(mp_spool_has(dir, r.submission));
	assert_int_equal(strncmp(r.reference, "M-2026-S", 8), 0);
	assert_int_equal(strlen(r.reference), 16);
	mp_crypto_hex(hex, r.submission, MP_FORMTOKEN_NONCE);
	(void)snprintf(path, sizeof(path), "%s/%s.rpt", dir, hex);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	/* No plaintext on disk, and no temporary file left behind. */
	mp_buf_init(&file, 1 << 20);
	assert_int_equal(read_file(path, &file), MP_OK);
	assert_null(memmem(mp_buf_str(&file), mp_buf_len(&file), "Geheime",
	    7));
	mp_buf_free(&file);
	assert_int_equal(count_files(".rpt"), 1);
	assert_int_equal(count_files(".tmp-"), 0);
	/* The same submission again is refused. */
	make_report(&r2, 0x11);
	assert_int_equal(mp_spool_write(dir, &keys, &r2), MP_EDUP);
	assert_int_equal(count_files(".rpt"), 1);
	mp_report_free(&r);
	mp_report_free(&r2);
}

static void
test_round_trip(void **state)
{
	struct mp_report	 r, back;
	struct mp_buf		 b;
	size_t			 i;

	(void)state;
	make_report(&r, 0x22);
	(void)snprintf(r.reference, sizeof(r.reference), "M-2026-SABCDEFGH");
	mp_buf_init(&b, SPOOL_MAX);
	assert_int_equal(serialise(&r, &b), MP_OK);
	mp_report_init(&back);
	assert_int_equal(deserialise(&back, (const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b)), MP_OK);
	for (i = 0; i < RF_ATTACHMENTS; i++)
		assert_string_equal(back.val[i], r.val[i]);
	assert_int_equal(back.audience_id, 1);
	assert_int_equal(back.signal_type_id, 2);
	assert_int_equal(back.anonymous, 1);
	assert_int_equal(back.received, r.received);
	assert_string_equal(back.postcode, "3511 AB");
	assert_string_equal(back.reference, "M-2026-SABCDEFGH");
	assert_memory_equal(back.submission, r.submission, 16);
	assert_memory_equal(back.code_hash, r.code_hash, 32);
	assert_int_equal(back.natt, 1);
	assert_int_equal(back.att[0].size, sizeof(photo));
	assert_memory_equal(back.att[0].data, photo, sizeof(photo));
	assert_true(back.spooled);
	mp_report_free(&back);
	/* Every truncation is refused. */
	for (i = 0; i < mp_buf_len(&b); i += 97) {
		mp_report_init(&back);
		assert_int_not_equal(deserialise(&back, (const unsigned char *)
		    mp_buf_str(&b), i), MP_OK);
		mp_report_free(&back);
	}
	mp_buf_free(&b);
	mp_report_free(&r);
}

/*
 * The report's language (issue 17) survives the spool: a language other
 * than Dutch as its own record; Dutch writes none, so its file is as
 * one spooled before the record existed, and such a file replays as
 * Dutch; a language meldpunt no longer ships replays as Dutch too.
 */
static void
lang_back(struct mp_report *r, const char **lang, size_t *len)
{
	struct mp_report	 back;
	struct mp_buf		 b;

	mp_buf_init(&b, SPOOL_MAX);
	assert_int_equal(serialise(r, &b), MP_OK);
	*len = mp_buf_len(&b);
	mp_report_init(&back);
	assert_int_equal(deserialise(&back, (const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b)), MP_OK);
	*lang = back.lang;
	mp_report_free(&back);
	mp_buf_free(&b);
}

static void
test_lang(void **state)
{
	struct mp_report	 r;
	const char		*lang;
	size_t			 dutch, nl, ar;

	(void)state;
	make_report(&r, 0x23);
	(void)snprintf(r.reference, sizeof(r.reference), "M-2026-SLANGTEST");
	lang_back(&r, &lang, &dutch);
	assert_null(lang);
	r.lang = "nl";
	lang_back(&r, &lang, &nl);
	assert_null(lang);
	assert_int_equal(nl, dutch);	/* no record: the old format */
	r.lang = "ar";
	lang_back(&r, &lang, &ar);
	assert_non_null(lang);
	assert_string_equal(lang, "ar");
	assert_int_equal(ar, dutch + 5 + 2);
	r.lang = "xx";
	lang_back(&r, &lang, &ar);
	assert_null(lang);
	r.lang = NULL;
	mp_report_free(&r);
}

static void
test_damaged_file_set_aside(void **state)
{
	struct mp_report	 r;
	char			 hex[40], path[256];
	long			 stored = -1, failed = -1;
	FILE			*f;
	int			 c;

	(void)state;
	make_report(&r, 0x33);
	assert_int_equal(mp_spool_write(dir, &keys, &r), MP_OK);
	mp_crypto_hex(hex, r.submission, MP_FORMTOKEN_NONCE);
	(void)snprintf(path, sizeof(path), "%s/%s.rpt", dir, hex);
	/*
	 * Flip the byte at 40, not overwrite it with 'X': a ciphertext
	 * byte that was 'X' already (1 run in 256) left the file whole,
	 * and the drain went on to store it without a database.
	 */
	assert_non_null(f = fopen(path, "r+"));
	assert_int_equal(fseek(f, 40, SEEK_SET), 0);
	assert_true((c = fgetc(f)) != EOF);
	assert_int_equal(fseek(f, 40, SEEK_SET), 0);
	assert_int_equal(fputc(c ^ 0xff, f), c ^ 0xff);
	assert_int_equal(fclose(f), 0);
	/* Remove the good file of the first test: only the bad one stays. */
	mp_report_free(&r);
	make_report(&r, 0x11);
	mp_crypto_hex(hex, r.submission, MP_FORMTOKEN_NONCE);
	(void)snprintf(path, sizeof(path), "%s/%s.rpt", dir, hex);
	assert_int_equal(unlink(path), 0);
	/* No database is needed to find it damaged. */
	assert_int_equal(mp_spool_drain(dir, NULL, &keys, 0, &stored, &failed),
	    MP_OK);
	assert_int_equal(stored, 0);
	assert_int_equal(failed, 1);
	assert_int_equal(count_files(".rpt"), 0);
	assert_int_equal(count_files(".bad"), 1);
	mp_report_free(&r);
}

/*
 * A file spooled before pictures were cleaned: reclean drops the
 * comment of a good JPEG (hashing what is kept), leaves out a broken
 * one and keeps a PDF as it is.
 */
static void
test_reclean(void **state)
{
	static unsigned char	 jpeg[] = { 0xff, 0xd8,
		0xff, 0xfe, 0x00, 0x05, 'J', 'a', 'n',
		0xff, 0xc0, 0x00, 0x0b, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
		0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 0x3f, 0, 0x12, 0x34,
		0xff, 0xd9 };
	static unsigned char	 pdf[] = "%PDF-1.4 Jan";
	struct mp_report	 r;
	unsigned char		 sum[MP_SHA256_LEN];

	(void)state;
	make_report(&r, 0x21);
	free(r.att[0].filename);
	free(r.att);
	assert_non_null(r.att = mp_alloc_calloc(3, sizeof(*r.att)));
	r.natt = 3;
	assert_non_null(r.att[0].filename = mp_alloc_strdup("kapot.jpg"));
	r.att[0].type = MP_FILE_JPEG;
	r.att[0].data = photo;		/* no frame, no scan */
	r.att[0].size = sizeof(photo);
	assert_non_null(r.att[1].filename = mp_alloc_strdup("foto.jpg"));
	r.att[1].type = MP_FILE_JPEG;
	r.att[1].data = jpeg;
	r.att[1].size = sizeof(jpeg);
	assert_non_null(r.att[2].filename = mp_alloc_strdup("brief.pdf"));
	r.att[2].type = MP_FILE_PDF;
	r.att[2].data = pdf;
	r.att[2].size = sizeof(pdf) - 1;
	assert_int_equal(reclean(&r), MP_OK);
	assert_int_equal(r.natt, 2);
	assert_string_equal(r.att[0].filename, "foto.jpg");
	assert_int_equal(r.att[0].size, sizeof(jpeg) - 7);
	assert_null(memmem(r.att[0].data, r.att[0].size, "Jan", 3));
	mp_crypto_sha256(sum, r.att[0].data, r.att[0].size);
	assert_memory_equal(r.att[0].sha256, sum, sizeof(sum));
	assert_string_equal(r.att[1].filename, "brief.pdf");
	assert_ptr_equal(r.att[1].data, pdf);
	mp_report_free(&r);
}

/*
 * mp_spool_stat counts by name and stat(2) alone: reports (*.rpt with
 * a nonce name), their bytes and the oldest's time, and the files set
 * aside (.bad); other names are not counted; a missing directory is
 * MP_ESYS.
 */
static void
test_stat(void **state)
{
	struct mp_spool_stat	 st;
	struct timespec		 ts[2];
	char			 sub[256], path[512];
	const char		*names[] = {
		"00112233445566778899aabbccddeeff.rpt",
		"ffeeddccbbaa99887766554433221100.rpt",
		"00112233445566778899aabbccddeeff.rpt.bad",
		"readme.txt", "0011.rpt", ".tmp-x"
	};
	size_t			 i;
	FILE			*fp;

	(void)state;
	(void)snprintf(sub, sizeof(sub), "%s/stat", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(mp_spool_stat(sub, &st), MP_OK);
	assert_int_equal(st.files, 0);
	assert_int_equal(st.oldest, 0);
	for (i = 0; i < MP_NELEM(names); i++) {
		(void)snprintf(path, sizeof(path), "%s/%s", sub, names[i]);
		assert_non_null(fp = fopen(path, "w"));
		assert_int_equal(fprintf(fp, "%0*d", (int)(10 + i), 0),
		    (int)(10 + i));
		assert_int_equal(fclose(fp), 0);
		/* The second report is the oldest, by an hour. */
		ts[0].tv_sec = ts[1].tv_sec = 1700000000 - (i == 1) * 3600;
		ts[0].tv_nsec = ts[1].tv_nsec = 0;
		assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
	}
	assert_int_equal(mp_spool_stat(sub, &st), MP_OK);
	assert_int_equal(st.files, 2);
	assert_int_equal(st.bytes, 10 + 11);
	assert_int_equal(st.oldest, 1700000000 - 3600);
	assert_int_equal(st.bad, 1);
	(void)snprintf(path, sizeof(path), "%s/none", dir);
	assert_int_equal(mp_spool_stat(path, &st), MP_ESYS);
	assert_int_equal(st.files, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_write_once_sealed),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_lang),
		cmocka_unit_test(test_damaged_file_set_aside),
		cmocka_unit_test(test_reclean),
		cmocka_unit_test(test_stat),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
