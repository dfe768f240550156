/*
 * test-heic.c -- HEIC photos (lib/heic.c): recognised by their ftyp
 * brand and nothing else; a HEIC made here from a picture with EXIF
 * (heif-enc from libheif-examples copies a JPEG's EXIF into the HEIC)
 * comes out as a JPEG without any of it, the size of the picture, and
 * decodes; the same inside the seccomp sandbox the workers run in
 * (libheif's decoder may start a thread); a picture that says it has
 * 400 Mpx is refused before decoding; every truncation is refused.
 * Without heif-enc and convert the conversion tests are skipped.
 */
#include "config.h"

#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include "util.h"

static void
test_sniff(void **state)
{
	static const unsigned char heic[] = {
		0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0,
		'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'
	};
	unsigned char	 b[sizeof(heic)];

	(void)state;
	assert_int_equal(mp_heic_sniff(heic, sizeof(heic)), 1);
	assert_int_equal(mp_report_filetype_sniff(heic, sizeof(heic)),
	    MP_FILE_HEIC);
	memcpy(b, heic, sizeof(b));
	memcpy(b + 8, "mif1", 4);
	assert_int_equal(mp_heic_sniff(b, sizeof(b)), 1);
	memcpy(b + 8, "avif", 4);	/* AV1: not ours */
	assert_int_equal(mp_heic_sniff(b, sizeof(b)), 0);
	memcpy(b + 8, "isom", 4);	/* an MP4 video */
	assert_int_equal(mp_heic_sniff(b, sizeof(b)), 0);
	memcpy(b, heic, sizeof(b));
	b[3] = 200;			/* box longer than the file */
	assert_int_equal(mp_heic_sniff(b, sizeof(b)), 0);
	assert_int_equal(mp_heic_sniff(heic, 11), 0);
}

/* The HEIC made by make_heic, or NULL when the tools are missing. */
static unsigned char *
make_heic(size_t *n)
{
	const char	*dir = getenv("TMPDIR") != NULL ? getenv("TMPDIR") :
			    "/tmp";
	char		 cmd[4096], path[256];
	unsigned char	*p;
	FILE		*f;
	long		 len;

	if (access("/usr/bin/heif-enc", X_OK) != 0 ||
	    access("/usr/bin/convert", X_OK) != 0)
		return NULL;
	(void)snprintf(path, sizeof(path), "%s/test-heic-%ld.heic", dir,
	    (long)getpid());
	/* 96x64 with an EXIF Artist, the owner, which heif-enc keeps. */
	(void)snprintf(cmd, sizeof(cmd), "convert -size 96x64 "
	    "gradient:red-blue %s.jpg && python3 -c '"
	    "import struct, sys\n"
	    "d = open(sys.argv[1], \"rb\").read()\n"
	    "a = b\"iPhone van Jan\\0\"\n"
	    "t = b\"MM\\0*\" + struct.pack(\">IHHHII\", 8, 1, 0x13b, 2, "
	    "len(a), 26) + bytes(4) + a\n"
	    "x = b\"Exif\\0\\0\" + t\n"
	    "open(sys.argv[1], \"wb\").write(d[:2] + b\"\\xff\\xe1\" + "
	    "struct.pack(\">H\", len(x) + 2) + x + d[2:])' %s.jpg && "
	    "heif-enc -q 60 -o %s %s.jpg >/dev/null 2>&1; rm -f %s.jpg",
	    path, path, path, path, path);
	if (system(cmd) != 0 || (f = fopen(path, "rb")) == NULL)
		return NULL;
	(void)fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	assert_true(len > 0 && (p = malloc((size_t)len)) != NULL);
	assert_int_equal(fread(p, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	(void)unlink(path);
	*n = (size_t)len;
	return p;
}

static const unsigned char *
find(const unsigned char *h, size_t n, const char *s)
{
	size_t	 i, k = strlen(s);

	for (i = 0; k <= n && i <= n - k; i++)
		if (memcmp(h + i, s, k) == 0)
			return h + i;
	return NULL;
}

/* 0 when the HEIC converts to a clean JPEG of 96x64. */
static int
convert_ok(const unsigned char *heic, size_t n)
{
	unsigned char	*out;
	size_t		 len;
	const char	*why;

	if (mp_heic_to_jpeg(heic, n, &out, &len, &why) != MP_OK)
		return 1;
	if (len < 200 || out[0] != 0xff || out[1] != 0xd8 ||
	    out[len - 2] != 0xff || out[len - 1] != 0xd9)
		return 2;
	if (find(out, len, "Exif") != NULL || find(out, len, "Jan") != NULL ||
	    find(out, len, "ICC_PROFILE") != NULL)
		return 3;
	/* SOF0: height 64, width 96. */
	if ((heic = find(out, len, "\xff\xc0")) == NULL ||
	    heic[5] != 0 || heic[6] != 64 || heic[7] != 0 || heic[8] != 96)
		return 4;
	free(out);
	return 0;
}

static void
test_convert(void **state)
{
	unsigned char	*heic;
	size_t		 n;

	(void)state;
	if ((heic = make_heic(&n)) == NULL)
		skip();
	assert_int_equal(mp_heic_sniff(heic, n), 1);
	/* The owner's name really was in the HEIC. */
	assert_non_null(find(heic, n, "iPhone van Jan"));
	assert_int_equal(convert_ok(heic, n), 0);
	free(heic);
}

/*
 * A decompression bomb: the picture's size (its ispe box) says 20000 x
 * 20000, 400 Mpx.  Refused from the header, before any decoding.
 */
static void
test_too_many_pixels(void **state)
{
	unsigned char	*heic, *out, *p;
	size_t		 n, len;
	const char	*why = NULL;

	(void)state;
	if ((heic = make_heic(&n)) == NULL)
		skip();
	p = heic;
	while ((p = (unsigned char *)find(p, n - (size_t)(p - heic),
	    "ispe")) != NULL) {
		assert_true((size_t)(p - heic) + 16 <= n);
		memcpy(p + 8, "\0\0\x4e\x20\0\0\x4e\x20", 8);
		p += 4;
	}
	assert_int_equal(mp_heic_to_jpeg(heic, n, &out, &len, &why),
	    MP_ETOOBIG);
	assert_null(out);
	assert_string_equal(why, "picture has too many pixels");
	free(heic);
}

static const unsigned char	*sandboxed;
static size_t			 sandboxed_n;

static void
test_convert_sandboxed(void **state)
{
	pid_t	 pid;
	int	 st = 0;

	(void)state;
	if (!mp_sandbox_available() ||
	    (sandboxed = make_heic(&sandboxed_n)) == NULL)
		skip();
	if ((pid = fork()) == 0) {
		if (mp_sandbox_enter() != MP_OK)
			_exit(90);
		_exit(convert_ok(sandboxed, sandboxed_n));
	}
	assert_true(pid > 0);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	if (WIFSIGNALED(st))
		fail_msg("killed by signal %d in the sandbox", WTERMSIG(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	free((void *)sandboxed);
}

static void
test_truncated(void **state)
{
	unsigned char	*heic, *out;
	size_t		 n, cut, len;
	const char	*why;

	(void)state;
	if ((heic = make_heic(&n)) == NULL)
		skip();
	for (cut = 0; cut < n; cut += 1 + cut / 8) {
		out = NULL;
		why = NULL;
		if (mp_heic_to_jpeg(heic, cut, &out, &len, &why) == MP_OK) {
			/* A cut inside the last tile may still decode. */
			assert_null(find(out, len, "Jan"));
			free(out);
			continue;
		}
		assert_null(out);
		assert_non_null(why);
	}
	assert_int_equal(mp_heic_to_jpeg((const unsigned char *)"nonsense",
	    8, &out, &len, &why), MP_EINVAL);
	free(heic);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_convert),
		cmocka_unit_test(test_too_many_pixels),
		cmocka_unit_test(test_convert_sandboxed),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
