/*
 * fuzz-image.c -- pictures made safe to keep (lib/image.c) from hostile
 * bytes.
 *
 * Input: the bytes of a JPEG or PNG (the first byte decides which
 * cleaner, as the sniffing does; anything else goes to both).
 * Invariants: an error leaves no output; a cleaned picture is at most
 * 64 bytes longer than its input, starts and ends as its kind must,
 * holds no COM segment and no APP1 but our orientation block (JPEG),
 * no tEXt, zTXt, iTXt, eXIf or tIME chunk (PNG), and cleaning it again
 * gives the same bytes.  mp_heic_sniff never reads past the input.
 */
#include "config.h"

#include "fuzz.h"

/* The JPEG segments of p before the first scan: none of the dropped. */
static void
check_jpeg(const unsigned char *p, size_t n)
{
	size_t	 i = 2, len;

	FUZZ_ASSERT(n >= 4 && p[0] == 0xff && p[1] == 0xd8);
	FUZZ_ASSERT(p[n - 2] == 0xff && p[n - 1] == 0xd9);
	while (i + 4 <= n && p[i] == 0xff && p[i + 1] != 0xda) {
		len = (size_t)p[i + 2] << 8 | p[i + 3];
		FUZZ_ASSERT(p[i + 1] != 0xfe);
		FUZZ_ASSERT(p[i + 1] != 0xed);
		if (p[i + 1] == 0xe1)
			FUZZ_ASSERT(len == 34 &&
			    memcmp(p + i + 4, "Exif\0\0MM", 8) == 0);
		i += 2 + len;
	}
}

static void
check_png(const unsigned char *p, size_t n)
{
	static const char *const gone[] = {
		"tEXt", "zTXt", "iTXt", "eXIf", "tIME"
	};
	size_t	 i = 8, k, len;

	while (i + 12 <= n) {
		len = (size_t)p[i] << 24 | (size_t)p[i + 1] << 16 |
		    (size_t)p[i + 2] << 8 | p[i + 3];
		for (k = 0; k < MP_NELEM(gone); k++)
			FUZZ_ASSERT(memcmp(p + i + 4, gone[k], 4) != 0);
		i += 12 + len;
	}
	FUZZ_ASSERT(i == n);
	FUZZ_ASSERT(memcmp(p + n - 8, "IEND", 4) == 0);
}

static void
one(enum mp_err (*clean)(const unsigned char *, size_t, unsigned char **,
    size_t *, const char **), void (*check)(const unsigned char *, size_t),
    const uint8_t *data, size_t size)
{
	unsigned char	*out, *again;
	size_t		 n, n2;
	const char	*why = NULL;

	if (clean(data, size, &out, &n, &why) != MP_OK) {
		FUZZ_ASSERT(out == NULL && n == 0 && why != NULL);
		return;
	}
	FUZZ_ASSERT(out != NULL && n <= size + 64);
	check(out, n);
	FUZZ_ASSERT(clean(out, n, &again, &n2, &why) == MP_OK);
	FUZZ_ASSERT(n2 == n && memcmp(again, out, n) == 0);
	free(again);
	free(out);
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

	(void)mp_heic_sniff(data, size);
	if (size == 0 || data[0] != 0x89)
		one(mp_image_clean_jpeg, check_jpeg, data, size);
	if (size == 0 || data[0] != 0xff)
		one(mp_image_clean_png, check_png, data, size);
	return 0;
}
