/*
 * test-image.c -- pictures made safe to keep: a JPEG with EXIF (GPS,
 * maker, model, owner, orientation 6), XMP, IPTC, a comment and a
 * trailer comes out without any of it, orientation 6 kept, the scans
 * untouched; a PNG loses its text, EXIF and time chunks and keeps its
 * colour ones; every malformed picture (truncated, a length past the
 * end, 0xFFFF, a bad CRC, JPEG bytes behind a PNG signature, too many
 * pixels) gets an error, and every truncation of a good one is either
 * refused or clean.  The fixtures are tiny pictures made with
 * ImageMagick (convert -size 16x8 gradient:red-blue -strip), the
 * metadata is added here; when jpeginfo, identify or pngcheck are
 * installed the cleaned bytes are also decoded by them.
 */
#include "config.h"

#include <unistd.h>

#include "util.h"

/* A string literal and its length without the NUL. */
#define LIT(s)	(s), sizeof(s) - 1

static const unsigned char base_jpg[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
	0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43,
	0x00, 0x06, 0x04, 0x05, 0x06, 0x05, 0x04, 0x06, 0x06, 0x05, 0x06, 0x07,
	0x07, 0x06, 0x08, 0x0a, 0x10, 0x0a, 0x0a, 0x09, 0x09, 0x0a, 0x14, 0x0e,
	0x0f, 0x0c, 0x10, 0x17, 0x14, 0x18, 0x18, 0x17, 0x14, 0x16, 0x16, 0x1a,
	0x1d, 0x25, 0x1f, 0x1a, 0x1b, 0x23, 0x1c, 0x16, 0x16, 0x20, 0x2c, 0x20,
	0x23, 0x26, 0x27, 0x29, 0x2a, 0x29, 0x19, 0x1f, 0x2d, 0x30, 0x2d, 0x28,
	0x30, 0x25, 0x28, 0x29, 0x28, 0xff, 0xdb, 0x00, 0x43, 0x01, 0x07, 0x07,
	0x07, 0x0a, 0x08, 0x0a, 0x13, 0x0a, 0x0a, 0x13, 0x28, 0x1a, 0x16, 0x1a,
	0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28,
	0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28,
	0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28,
	0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28, 0x28,
	0x28, 0x28, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x08, 0x00, 0x10, 0x03,
	0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xc4, 0x00,
	0x15, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 0xff, 0xc4, 0x00, 0x16,
	0x10, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x15, 0x62, 0xff, 0xc4, 0x00, 0x15,
	0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x07, 0xff, 0xc4, 0x00, 0x19, 0x11,
	0x00, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x16, 0x53, 0x91, 0xf0, 0xff, 0xda,
	0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00,
	0x8d, 0xd9, 0xd1, 0x67, 0x40, 0xad, 0x33, 0x52, 0x63, 0xd4, 0x32, 0xec,
	0x53, 0x93, 0x59, 0xff, 0xd9,
};
static const unsigned char prog_jpg[] = {
	0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01,
	0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xdb, 0x00, 0x43,
	0x00, 0x03, 0x02, 0x02, 0x02, 0x02, 0x02, 0x03, 0x02, 0x02, 0x02, 0x03,
	0x03, 0x03, 0x03, 0x04, 0x06, 0x04, 0x04, 0x04, 0x04, 0x04, 0x08, 0x06,
	0x06, 0x05, 0x06, 0x09, 0x08, 0x0a, 0x0a, 0x09, 0x08, 0x09, 0x09, 0x0a,
	0x0c, 0x0f, 0x0c, 0x0a, 0x0b, 0x0e, 0x0b, 0x09, 0x09, 0x0d, 0x11, 0x0d,
	0x0e, 0x0f, 0x10, 0x10, 0x11, 0x10, 0x0a, 0x0c, 0x12, 0x13, 0x12, 0x10,
	0x13, 0x0f, 0x10, 0x10, 0x10, 0xff, 0xdb, 0x00, 0x43, 0x01, 0x03, 0x03,
	0x03, 0x04, 0x03, 0x04, 0x08, 0x04, 0x04, 0x08, 0x10, 0x0b, 0x09, 0x0b,
	0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
	0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
	0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
	0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x10,
	0x10, 0x10, 0xff, 0xc2, 0x00, 0x11, 0x08, 0x00, 0x08, 0x00, 0x10, 0x03,
	0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xc4, 0x00,
	0x15, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 0xff, 0xc4, 0x00, 0x16,
	0x01, 0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x07, 0xff, 0xda, 0x00, 0x0c,
	0x03, 0x01, 0x00, 0x02, 0x10, 0x03, 0x10, 0x00, 0x00, 0x01, 0x8d, 0x5c,
	0x68, 0xe3, 0xff, 0xc4, 0x00, 0x15, 0x10, 0x01, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x14, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x05, 0x02, 0xbd,
	0x7b, 0xff, 0xc4, 0x00, 0x16, 0x11, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x17,
	0x62, 0xff, 0xda, 0x00, 0x08, 0x01, 0x03, 0x01, 0x01, 0x3f, 0x01, 0x60,
	0x50, 0xc0, 0xa3, 0xff, 0xc4, 0x00, 0x16, 0x11, 0x00, 0x03, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x17, 0x62, 0xff, 0xda, 0x00, 0x08, 0x01, 0x02, 0x01, 0x01, 0x3f,
	0x01, 0x5a, 0xc0, 0xb5, 0x83, 0xff, 0xc4, 0x00, 0x15, 0x10, 0x01, 0x01,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x31, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x06,
	0x3f, 0x02, 0xaa, 0xff, 0xc4, 0x00, 0x14, 0x10, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x10, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x3f, 0x21, 0x17,
	0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x00,
	0x00, 0x10, 0xdb, 0xff, 0xc4, 0x00, 0x16, 0x11, 0x00, 0x03, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x11, 0xf0, 0xff, 0xda, 0x00, 0x08, 0x01, 0x03, 0x01, 0x01, 0x3f,
	0x10, 0xb6, 0x5b, 0x3f, 0xff, 0xc4, 0x00, 0x16, 0x11, 0x00, 0x03, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x11, 0xf0, 0xff, 0xda, 0x00, 0x08, 0x01, 0x02, 0x01, 0x01,
	0x3f, 0x10, 0x84, 0x42, 0x3f, 0xff, 0xc4, 0x00, 0x16, 0x10, 0x00, 0x03,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x71, 0x91, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00,
	0x01, 0x3f, 0x10, 0x55, 0x15, 0x4f, 0xff, 0xd9,
};
static const unsigned char base_png[] = {
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
	0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x03,
	0x08, 0x02, 0x00, 0x00, 0x00, 0x3b, 0x96, 0x39, 0x91, 0x00, 0x00, 0x00,
	0x16, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xfc, 0xcf, 0x80, 0x00,
	0x8c, 0xf5, 0x0c, 0xf5, 0x08, 0x0e, 0x03, 0x03, 0x42, 0x0e, 0x00, 0x48,
	0x15, 0x03, 0x00, 0x88, 0x9c, 0x8b, 0x04, 0x00, 0x00, 0x00, 0x00, 0x49,
	0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The owner's name, GPS and the rest: none may survive cleaning. */
static const char *const secrets[] = {
	"iPhone van Jan", "Apple", "iPhone 12", "GPSInfo52N", "xmpmeta",
	"Photoshop 3.0", "Gemaakt door Jan", "2026:03:01 10:00:00",
	"Trailer-EXIF", "Jan de Vries"
};

static void
add(struct mp_buf *b, const void *p, size_t n)
{

	assert_int_equal(mp_buf_add(b, p, n), MP_OK);
}

static void
add16(struct mp_buf *b, unsigned v, int big)
{
	unsigned char	 x[2];

	x[big ? 0 : 1] = (unsigned char)(v >> 8);
	x[big ? 1 : 0] = (unsigned char)v;
	add(b, x, 2);
}

static void
add32(struct mp_buf *b, unsigned long v, int big)
{

	add16(b, big ? (unsigned)(v >> 16) : (unsigned)(v & 0xffff), big);
	add16(b, big ? (unsigned)(v & 0xffff) : (unsigned)(v >> 16), big);
}

/* One JPEG segment: marker m and payload p. */
static void
segment(struct mp_buf *b, int m, const void *p, size_t n)
{
	unsigned char	 h[2] = { 0xff, (unsigned char)m };

	add(b, h, 2);
	add16(b, (unsigned)n + 2, 1);
	add(b, p, n);
}

/*
 * An EXIF APP1 payload in byte order big: IFD0 with Make, Model,
 * Artist (the owner), DateTime, Orientation o and a GPS pointer.
 */
static void
exif(struct mp_buf *out, int o, int big)
{
	struct mp_buf	 t;
	const char	*make = "Apple", *model = "iPhone 12",
			*artist = "iPhone van Jan",
			*date = "2026:03:01 10:00:00";
	size_t		 data = 8 + 2 + 6 * 12 + 4;

	mp_buf_init(&t, 4096);
	add(&t, big ? "MM\0*" : "II*\0", 4);
	add32(&t, 8, big);
	add16(&t, 6, big);
	add16(&t, 0x010f, big); add16(&t, 2, big);
	add32(&t, strlen(make) + 1, big); add32(&t, data, big);
	data += strlen(make) + 1;
	add16(&t, 0x0110, big); add16(&t, 2, big);
	add32(&t, strlen(model) + 1, big); add32(&t, data, big);
	data += strlen(model) + 1;
	add16(&t, 0x0112, big); add16(&t, 3, big); add32(&t, 1, big);
	add16(&t, (unsigned)o, big); add16(&t, 0, big);
	add16(&t, 0x0132, big); add16(&t, 2, big);
	add32(&t, strlen(date) + 1, big); add32(&t, data, big);
	data += strlen(date) + 1;
	add16(&t, 0x013b, big); add16(&t, 2, big);
	add32(&t, strlen(artist) + 1, big); add32(&t, data, big);
	data += strlen(artist) + 1;
	add16(&t, 0x8825, big); add16(&t, 4, big); add32(&t, 1, big);
	add32(&t, data, big);
	add32(&t, 0, big);
	add(&t, make, strlen(make) + 1);
	add(&t, model, strlen(model) + 1);
	add(&t, date, strlen(date) + 1);
	add(&t, artist, strlen(artist) + 1);
	add(&t, "GPSInfo52N", 10);	/* stands for the GPS IFD */
	add(out, "Exif\0\0", 6);
	add(out, mp_buf_str(&t), mp_buf_len(&t));
	mp_buf_free(&t);
}

/* base_jpg with every kind of metadata; orientation o. */
static void
dirty_jpeg(struct mp_buf *b, int o, int big)
{
	struct mp_buf	 e;
	const char	*xmp = "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>"
			    "<exif:GPSLatitude>GPSInfo52N</exif:GPSLatitude>"
			    "<dc:creator>Jan de Vries</dc:creator></x:xmpmeta>";
	const char	*iptc = "Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x10"
			    "\x1c\x02\x50\0\x0bJan de Vries";
	unsigned char	 jfif[14 + 6] = { 'J', 'F', 'I', 'F', 0, 1, 1, 0,
			    0, 1, 0, 1, 1, 2 };	/* a 1x2 thumbnail */

	mp_buf_init(&e, 4096);
	exif(&e, o, big);
	add(b, base_jpg, 2);
	memcpy(jfif + 14, "Jan de", 6);
	segment(b, 0xe0, jfif, sizeof(jfif));
	segment(b, 0xe1, mp_buf_str(&e), mp_buf_len(&e));
	segment(b, 0xe1, xmp, 29 + strlen(xmp + 29));
	segment(b, 0xed, iptc, strlen(iptc) + 1 + 29);
	segment(b, 0xfe, "Gemaakt door Jan", 16);
	segment(b, 0xe2, "MPF\0Trailer-EXIF", 16);
	add(b, base_jpg + 20, sizeof(base_jpg) - 20);
	add(b, LIT("\xff\xd8Trailer-EXIF iPhone van Jan\xff\xd9"));
	mp_buf_free(&e);
}

static const unsigned char *
find(const unsigned char *h, size_t n, const void *needle, size_t nn)
{
	size_t	 i;

	for (i = 0; nn <= n && i <= n - nn; i++)
		if (memcmp(h + i, needle, nn) == 0)
			return h + i;
	return NULL;
}

static void
no_secrets(const unsigned char *p, size_t n)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(secrets); i++)
		if (find(p, n, secrets[i], strlen(secrets[i])) != NULL)
			fail_msg("\"%s\" survived", secrets[i]);
}

/* Decode p with cmd (a Debian decoder) when it is installed. */
static void
decodes(const unsigned char *p, size_t n, const char *tool,
    const char *args, const char *after)
{
	char	 path[] = "/tmp/test-image-XXXXXX", line[512];
	int	 fd, rc;

	if (access(tool, X_OK) != 0)
		return;
	assert_true((fd = mkstemp(path)) != -1);
	assert_int_equal(write(fd, p, n), (ssize_t)n);
	(void)close(fd);
	(void)snprintf(line, sizeof(line), "%s %s %s%s", tool, args, path,
	    after);
	rc = system(line);
	(void)unlink(path);
	if (rc != 0)
		fail_msg("%s refused the cleaned picture", line);
}

static void
test_jpeg_clean(void **state)
{
	struct mp_buf	 b;
	unsigned char	*out;
	size_t		 n;
	const unsigned char *s;
	const char	*why = NULL;
	int		 big;

	(void)state;
	for (big = 0; big <= 1; big++) {
		mp_buf_init(&b, 1 << 16);
		dirty_jpeg(&b, 6, big);
		s = (const unsigned char *)mp_buf_str(&b);
		assert_int_equal(mp_image_jpeg_orientation(s, mp_buf_len(&b)),
		    6);
		assert_int_equal(mp_image_clean_jpeg(s, mp_buf_len(&b), &out,
		    &n, &why), MP_OK);
		no_secrets(out, n);
		assert_int_equal(mp_image_jpeg_orientation(out, n), 6);
		/* SOI, JFIF without thumbnail, our EXIF, then the rest. */
		assert_memory_equal(out, base_jpg, 20);
		assert_int_equal(out[20], 0xff);
		assert_int_equal(out[21], 0xe1);
		assert_int_equal(n, sizeof(base_jpg) + 36);
		assert_memory_equal(out + 56, base_jpg + 20,
		    sizeof(base_jpg) - 20);
		decodes(out, n, "/usr/bin/jpeginfo", "-c", " >/dev/null");
		decodes(out, n, "/usr/bin/identify",
		    "-format '%[EXIF:Orientation]'", " | grep -qx 6");
		free(out);
		mp_buf_free(&b);
	}
}

/* Orientation 1 needs no EXIF at all; a clean picture stays as it was. */
static void
test_jpeg_upright_and_progressive(void **state)
{
	struct mp_buf	 b;
	unsigned char	*out;
	size_t		 n;

	(void)state;
	mp_buf_init(&b, 1 << 16);
	dirty_jpeg(&b, 1, 0);
	assert_int_equal(mp_image_clean_jpeg((const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b), &out, &n, NULL), MP_OK);
	assert_int_equal(n, sizeof(base_jpg));
	assert_memory_equal(out, base_jpg, n);
	free(out);
	mp_buf_free(&b);
	assert_int_equal(mp_image_clean_jpeg(prog_jpg, sizeof(prog_jpg),
	    &out, &n, NULL), MP_OK);
	assert_int_equal(n, sizeof(prog_jpg));
	assert_memory_equal(out, prog_jpg, n);
	decodes(out, n, "/usr/bin/jpeginfo", "-c", " >/dev/null");
	free(out);
}

/* The input with its bytes at off replaced by the n bytes of r. */
static enum mp_err
clean_patched(const unsigned char *in, size_t len, size_t off,
    const void *r, size_t n, size_t cut, const char **why)
{
	unsigned char	*copy, *out = (unsigned char *)"x";
	size_t		 outlen = 1;
	enum mp_err	 er;

	copy = malloc(len);
	assert_non_null(copy);
	memcpy(copy, in, len);
	if (n > 0)
		memcpy(copy + off, r, n);
	*why = NULL;
	if (in[0] == 0xff)
		er = mp_image_clean_jpeg(copy, cut, &out, &outlen, why);
	else
		er = mp_image_clean_png(copy, cut, &out, &outlen, why);
	if (er != MP_OK) {
		assert_null(out);
		assert_int_equal(outlen, 0);
		assert_non_null(*why);
	}
	free(out);
	free(copy);
	return er;
}

static void
jpeg_bad(size_t off, const void *r, size_t n, size_t cut, enum mp_err want,
    const char *why)
{
	const char	*got;

	assert_int_equal(clean_patched(base_jpg, sizeof(base_jpg), off, r, n,
	    cut, &got), want);
	assert_string_equal(got, why);
}

static void
test_jpeg_malformed(void **state)
{
	size_t	 len = sizeof(base_jpg), sof;
	const unsigned char *p;

	(void)state;
	/* Cut inside the quantisation table (DQT at 20, 69 bytes). */
	jpeg_bad(0, NULL, 0, 40, MP_EINVAL, "segment length past the end");
	/* A segment length past the end, and 0xFFFF. */
	jpeg_bad(22, "\x7f\x00", 2, len, MP_EINVAL,
	    "segment length past the end");
	jpeg_bad(22, "\xff\xff", 2, len, MP_EINVAL,
	    "segment length past the end");
	/* A length below 2. */
	jpeg_bad(22, "\x00\x01", 2, len, MP_EINVAL,
	    "segment length past the end");
	/* Cut inside the scan, or just before EOI. */
	jpeg_bad(0, NULL, 0, len - 10, MP_EINVAL, "scan runs off the end");
	jpeg_bad(0, NULL, 0, len - 2, MP_EINVAL, "scan runs off the end");
	/* Only the header: EOI before any frame. */
	jpeg_bad(20, "\xff\xd9", 2, 22, MP_EINVAL,
	    "EOI before a frame and a scan");
	/* Garbage where a marker belongs. */
	jpeg_bad(20, "AB", 2, len, MP_EINVAL, "bytes between segments");
	jpeg_bad(0, "\x89PNG", 4, len, MP_EINVAL, "not a JPEG");
	/* 65535 x 65535: a decompression bomb. */
	p = find(base_jpg, len, "\xff\xc0", 2);
	assert_non_null(p);
	sof = (size_t)(p - base_jpg);
	jpeg_bad(sof + 5, "\xff\xff\xff\xff", 4, len, MP_ETOOBIG,
	    "picture has too many pixels");
	jpeg_bad(sof + 7, "\x00\x00", 2, len, MP_EINVAL, "frame of width 0");
}

/* PNG ------------------------------------------------------------- */

static unsigned long
crc(const unsigned char *p, size_t n)
{
	unsigned long	 c = 0xffffffffUL;
	size_t		 i;
	int		 k;

	for (i = 0; i < n; i++) {
		c ^= p[i];
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320UL ^ (c >> 1) : c >> 1;
	}
	return (c ^ 0xffffffffUL) & 0xffffffffUL;
}

static void
chunk(struct mp_buf *b, const char *type, const void *p, size_t n)
{
	unsigned char	 t[4 + 256];

	assert_true(n <= 256);
	add32(b, n, 1);
	memcpy(t, type, 4);
	memcpy(t + 4, p, n);
	add(b, t, n + 4);
	add32(b, crc(t, n + 4), 1);
}

/* base_png (signature, IHDR 25 bytes, ...) with text and EXIF added. */
static void
dirty_png(struct mp_buf *b)
{
	struct mp_buf	 e;

	mp_buf_init(&e, 4096);
	exif(&e, 6, 1);
	add(b, base_png, 8 + 25);
	chunk(b, "gAMA", "\0\0\xb1\x8f", 4);
	chunk(b, "tEXt", "Author\0iPhone van Jan", 21);
	chunk(b, "zTXt", LIT("Comment\0\0x\x9c Gemaakt door Jan"));
	chunk(b, "iTXt", LIT("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>"
	    "Jan de Vries"));
	chunk(b, "eXIf", (const char *)mp_buf_str(&e) + 6,
	    mp_buf_len(&e) - 6);
	chunk(b, "tIME", "\x07\xea\x03\x01\x0a\0\0", 7);
	chunk(b, "prVt", "Apple", 5);
	add(b, base_png + 33, sizeof(base_png) - 33);
	add(b, "Trailer-EXIF", 12);
	mp_buf_free(&e);
}

static void
test_png_clean(void **state)
{
	struct mp_buf	 b;
	unsigned char	*out;
	size_t		 n;

	(void)state;
	mp_buf_init(&b, 1 << 16);
	dirty_png(&b);
	assert_int_equal(mp_image_clean_png((const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b), &out, &n, NULL), MP_OK);
	no_secrets(out, n);
	assert_null(find(out, n, "tEXt", 4));
	assert_null(find(out, n, "zTXt", 4));
	assert_null(find(out, n, "iTXt", 4));
	assert_null(find(out, n, "eXIf", 4));
	assert_null(find(out, n, "tIME", 4));
	assert_non_null(find(out, n, "gAMA", 4));
	assert_int_equal(n, sizeof(base_png) + 16);
	decodes(out, n, "/usr/bin/pngcheck", "-q", " >/dev/null");
	decodes(out, n, "/usr/bin/identify", "", " >/dev/null");
	free(out);
	mp_buf_free(&b);
	/* A clean PNG comes back byte for byte. */
	assert_int_equal(mp_image_clean_png(base_png, sizeof(base_png), &out,
	    &n, NULL), MP_OK);
	assert_int_equal(n, sizeof(base_png));
	assert_memory_equal(out, base_png, n);
	free(out);
}

static void
png_bad(size_t off, const void *r, size_t n, size_t cut, enum mp_err want,
    const char *why)
{
	const char	*got;

	assert_int_equal(clean_patched(base_png, sizeof(base_png), off, r, n,
	    cut, &got), want);
	assert_string_equal(got, why);
}

static void
test_png_malformed(void **state)
{
	size_t		 len = sizeof(base_png);
	struct mp_buf	 b;
	unsigned char	*out;
	size_t		 n;
	const char	*why;

	(void)state;
	/* A bad CRC: one bit of the IHDR's width. */
	png_bad(19, "\x05", 1, len, MP_EINVAL, "chunk with a bad CRC");
	/* A length past the end, and the largest lengths. */
	png_bad(8, "\x00\x00\x10\x00", 4, len, MP_EINVAL,
	    "chunk length past the end");
	png_bad(8, "\xff\xff\xff\xff", 4, len, MP_EINVAL,
	    "chunk length past the end");
	png_bad(8, "\x7f\xff\xff\xff", 4, len, MP_EINVAL,
	    "chunk length past the end");
	/* Truncated: no IEND. */
	png_bad(0, NULL, 0, len - 12, MP_EINVAL, "no IEND chunk");
	png_bad(0, NULL, 0, len - 3, MP_EINVAL, "no IEND chunk");
	png_bad(0, "\x89PNX", 4, len, MP_EINVAL, "not a PNG");
	png_bad(12, "I%DR", 4, len, MP_EINVAL, "chunk of a bad type");
	/* A JPEG behind a PNG signature. */
	mp_buf_init(&b, 1 << 16);
	add(&b, base_png, 8);
	add(&b, base_jpg, sizeof(base_jpg));
	assert_int_equal(mp_image_clean_png((const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b), &out, &n, &why), MP_EINVAL);
	assert_null(out);
	mp_buf_free(&b);
	/* An unknown critical chunk; IHDR not first; too many pixels. */
	mp_buf_init(&b, 1 << 16);
	add(&b, base_png, 8 + 25);
	chunk(&b, "ABCD", "x", 1);
	add(&b, base_png + 33, len - 33);
	assert_int_equal(mp_image_clean_png((const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b), &out, &n, &why), MP_EINVAL);
	assert_string_equal(why, "unknown critical chunk");
	mp_buf_reset(&b);
	add(&b, base_png, 8);
	chunk(&b, "gAMA", "\0\0\xb1\x8f", 4);
	add(&b, base_png + 8, len - 8);
	assert_int_equal(mp_image_clean_png((const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b), &out, &n, &why), MP_EINVAL);
	assert_string_equal(why, "IHDR not first or twice");
	mp_buf_reset(&b);
	add(&b, base_png, 8);
	chunk(&b, "IHDR", "\0\0\x27\x10\0\0\x27\x10\x08\x02\0\0\0", 13);
	add(&b, base_png + 33, len - 33);
	assert_int_equal(mp_image_clean_png((const unsigned char *)
	    mp_buf_str(&b), mp_buf_len(&b), &out, &n, &why), MP_ETOOBIG);
	mp_buf_free(&b);
}

/*
 * Every truncation of the dirty pictures: refused, or clean and
 * without any secret (run under the sanitizers in scripts/check).
 */
static void
test_truncations(void **state)
{
	struct mp_buf	 b;
	unsigned char	*out;
	size_t		 n, cut;
	int		 png;

	(void)state;
	for (png = 0; png <= 1; png++) {
		mp_buf_init(&b, 1 << 16);
		if (png)
			dirty_png(&b);
		else
			dirty_jpeg(&b, 6, 1);
		for (cut = 0; cut <= mp_buf_len(&b); cut++) {
			if ((png ? mp_image_clean_png : mp_image_clean_jpeg)(
			    (const unsigned char *)mp_buf_str(&b), cut, &out,
			    &n, NULL) != MP_OK)
				continue;
			no_secrets(out, n);
			free(out);
		}
		mp_buf_free(&b);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jpeg_clean),
		cmocka_unit_test(test_jpeg_upright_and_progressive),
		cmocka_unit_test(test_jpeg_malformed),
		cmocka_unit_test(test_png_clean),
		cmocka_unit_test(test_png_malformed),
		cmocka_unit_test(test_truncations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
