/*
 * image.c -- make an uploaded picture safe to keep: JPEG and PNG copied
 * marker by marker (chunk by chunk) with only what decoding and colour
 * need, so GPS positions, camera and owner names, comments and
 * timestamps never reach the database or the spool.  Every length read
 * from the input is checked against what is left before it is used.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "image.h"

/* JPEG markers (ITU T.81 table B.1). */
#define M_SOF0	0xc0
#define M_SOF15	0xcf
#define M_DHT	0xc4
#define M_JPG	0xc8
#define M_DAC	0xcc
#define M_RST0	0xd0
#define M_RST7	0xd7
#define M_SOI	0xd8
#define M_EOI	0xd9
#define M_SOS	0xda
#define M_APP0	0xe0
#define M_APP1	0xe1
#define M_APP2	0xe2
#define M_APP14	0xee
#define M_COM	0xfe
#define M_TEM	0x01

#define EXIF_ORIENTATION	0x0112

/* The output never outgrows the input by more than our own EXIF. */
#define JPEG_SLACK	64

static unsigned
be16(const unsigned char *p)
{

	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{

	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* A TIFF number in the byte order of the EXIF block (big: 1). */
static unsigned
tiff16(const unsigned char *p, int big)
{

	return big ? be16(p) : (unsigned)p[1] << 8 | p[0];
}

static uint32_t
tiff32(const unsigned char *p, int big)
{

	return big ? be32(p) : (uint32_t)p[3] << 24 |
	    (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/*
 * The Orientation of IFD0 in an APP1 payload p (len bytes, after the
 * length field), or 1 when there is none or it cannot be read.  A
 * broken EXIF block costs the orientation only: the block is dropped
 * in any case.
 */
static int
exif_orientation(const unsigned char *p, size_t len)
{
	const unsigned char	*t, *e;
	size_t			 tlen, ifd, count, i;
	int			 big;
	unsigned		 v;

	if (len < 6 + 8 || memcmp(p, "Exif\0\0", 6) != 0)
		return 1;
	t = p + 6;
	tlen = len - 6;
	if (memcmp(t, "MM\0*", 4) == 0)
		big = 1;
	else if (memcmp(t, "II*\0", 4) == 0)
		big = 0;
	else
		return 1;
	ifd = tiff32(t + 4, big);
	if (ifd < 8 || ifd > tlen - 2)
		return 1;
	count = tiff16(t + ifd, big);
	if (count > (tlen - ifd - 2) / 12)
		return 1;
	for (i = 0; i < count; i++) {
		e = t + ifd + 2 + i * 12;
		if (tiff16(e, big) != EXIF_ORIENTATION)
			continue;
		/* SHORT, one value, held in the entry itself. */
		if (tiff16(e + 2, big) != 3 || tiff32(e + 4, big) != 1)
			return 1;
		v = tiff16(e + 8, big);
		return v >= 1 && v <= 8 ? (int)v : 1;
	}
	return 1;
}

/* Append a minimal EXIF APP1: IFD0 with only the Orientation. */
static enum mp_err
put_orientation(struct mp_buf *b, int orientation)
{
	unsigned char	 seg[] = {
		0xff, M_APP1, 0x00, 0x22,		/* length 34 */
		'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0x00, 0x2a, 0, 0, 0, 8,	/* TIFF, IFD0 at 8 */
		0x00, 0x01,				/* one entry */
		0x01, 0x12, 0x00, 0x03,			/* Orientation SHORT */
		0, 0, 0, 1,				/* count 1 */
		0x00, 0x00, 0, 0,			/* the value */
		0, 0, 0, 0				/* no next IFD */
	};

	seg[29] = (unsigned char)orientation;
	return mp_buf_add(b, seg, sizeof(seg));
}

/*
 * Append APP0 JFIF without its thumbnail (a thumbnail is a picture of
 * its own that might show what the reporter cropped away); any other
 * APP0 (JFXX thumbnails, AVI1) is dropped.
 */
static enum mp_err
put_jfif(struct mp_buf *b, const unsigned char *p, size_t len)
{
	unsigned char	 seg[18];

	if (len < 12 || memcmp(p, "JFIF\0", 5) != 0)
		return MP_OK;
	seg[0] = 0xff;
	seg[1] = M_APP0;
	seg[2] = 0;
	seg[3] = 16;
	memcpy(seg + 4, p, 12);		/* id, version, units, density */
	seg[16] = 0;			/* no thumbnail */
	seg[17] = 0;
	return mp_buf_add(b, seg, sizeof(seg));
}

/* Whether an APPn/COM segment m with payload p (len bytes) is kept. */
static int
jpeg_keep_app(int m, const unsigned char *p, size_t len)
{

	if (m == M_APP2)
		return len >= 12 && memcmp(p, "ICC_PROFILE\0", 12) == 0;
	if (m == M_APP14)
		return len >= 5 && memcmp(p, "Adobe", 5) == 0;
	return 0;
}

/*
 * The end of the entropy-coded data that starts at p: the first
 * marker other than a stuffed zero or a restart marker, or NULL when
 * the data runs off the end.
 */
static const unsigned char *
scan_end(const unsigned char *p, const unsigned char *end)
{

	for (; p + 1 < end; p++) {
		if (p[0] != 0xff)
			continue;
		if (p[1] == 0x00 || p[1] == 0xff ||
		    (p[1] >= M_RST0 && p[1] <= M_RST7))
			continue;
		return p;
	}
	return NULL;
}

/* The frame header of SOF payload p: bounded picture size. */
static enum mp_err
check_frame(const unsigned char *p, size_t len, const char **why)
{
	unsigned long	 w, h;

	if (len < 6) {
		*why = "frame header too short";
		return MP_EINVAL;
	}
	h = be16(p + 1);
	w = be16(p + 3);
	if (w == 0) {
		*why = "frame of width 0";
		return MP_EINVAL;
	}
	/* Height 0 means "given by DNL": bounded by the largest one. */
	if (h == 0)
		h = 65535;
	if (w * h > MP_IMAGE_MAX_PIXELS) {
		*why = "picture has too many pixels";
		return MP_ETOOBIG;
	}
	return MP_OK;
}

struct jpeg_walk {
	struct mp_buf	 b;
	int		 orientation;
	int		 frame, scan, jfif_done;
	const char	*why;
};

/*
 * Handle one segment m whose payload p holds len bytes (the whole
 * segment, marker and length included, starts at seg).
 */
static enum mp_err
jpeg_segment(struct jpeg_walk *w, int m, const unsigned char *seg,
    const unsigned char *p, size_t len)
{
	enum mp_err	 er;
	int		 o;

	if (m == M_APP1) {
		if ((o = exif_orientation(p, len)) != 1)
			w->orientation = o;
		return MP_OK;
	}
	if (m == M_APP0) {
		if (w->jfif_done || w->frame)
			return MP_OK;
		w->jfif_done = 1;
		return put_jfif(&w->b, p, len);
	}
	if ((m >= M_APP0 && m <= 0xef) || m == M_COM)
		return jpeg_keep_app(m, p, len) ?
		    mp_buf_add(&w->b, seg, len + 4) : MP_OK;
	if (m >= M_SOF0 && m <= M_SOF15 && m != M_DHT && m != M_JPG &&
	    m != M_DAC) {
		if (w->frame) {
			w->why = "more than one frame";
			return MP_EINVAL;
		}
		w->frame = 1;
		if ((er = check_frame(p, len, &w->why)) != MP_OK)
			return er;
	}
	return mp_buf_add(&w->b, seg, len + 4);
}

/*
 * Walk the markers of in (n bytes) into w->b.  The EXIF orientation is
 * only known once APP1 has been read, and APP1 comes after APP0, so
 * the segments are collected first and our EXIF inserted after JFIF
 * by jpeg_assemble.
 * long: one loop over the marker grammar with its bounds checks.
 */
static enum mp_err
jpeg_walk(struct jpeg_walk *w, const unsigned char *in, size_t n)
{
	const unsigned char	*p = in + 2, *end = in + n, *q;
	enum mp_err		 er;
	size_t			 len;
	int			 m;

	for (;;) {
		if (p >= end || *p != 0xff) {
			w->why = p >= end ? "no EOI marker" :
			    "bytes between segments";
			return MP_EINVAL;
		}
		while (p < end && *p == 0xff)	/* fill bytes */
			p++;
		if (p >= end) {
			w->why = "no EOI marker";
			return MP_EINVAL;
		}
		m = *p++;
		if (m == M_EOI) {
			if (!w->frame || !w->scan) {
				w->why = "EOI before a frame and a scan";
				return MP_EINVAL;
			}
			return mp_buf_add(&w->b, "\xff\xd9", 2);
		}
		if (m == M_SOI || m == 0x00 ||
		    (m >= M_RST0 && m <= M_RST7)) {
			w->why = "unexpected marker";
			return MP_EINVAL;
		}
		if (m == M_TEM)
			continue;
		if (end - p < 2 || (len = be16(p)) < 2 ||
		    len > (size_t)(end - p)) {
			w->why = "segment length past the end";
			return MP_EINVAL;
		}
		len -= 2;
		if ((er = jpeg_segment(w, m, p - 2, p + 2, len)) != MP_OK)
			return er;
		p += 2 + len;
		if (m != M_SOS)
			continue;
		if (!w->frame) {
			w->why = "scan before a frame";
			return MP_EINVAL;
		}
		w->scan = 1;
		if ((q = scan_end(p, end)) == NULL) {
			w->why = "scan runs off the end";
			return MP_EINVAL;
		}
		if ((er = mp_buf_add(&w->b, p, (size_t)(q - p))) != MP_OK)
			return er;
		p = q;
	}
}

/*
 * The cleaned picture: SOI, the JFIF segment if any, our orientation,
 * then the rest of what jpeg_walk kept.
 */
static enum mp_err
jpeg_assemble(struct jpeg_walk *w, struct mp_buf *out)
{
	const unsigned char	*s = (const unsigned char *)mp_buf_str(&w->b);
	size_t			 n = mp_buf_len(&w->b), head = 0;
	enum mp_err		 er;

	if (n >= 4 && s[0] == 0xff && s[1] == M_APP0)
		head = 18;
	if ((er = mp_buf_add(out, "\xff\xd8", 2)) != MP_OK ||
	    (er = mp_buf_add(out, s, head)) != MP_OK)
		return er;
	if (w->orientation != 1 &&
	    (er = put_orientation(out, w->orientation)) != MP_OK)
		return er;
	return mp_buf_add(out, s + head, n - head);
}

enum mp_err
mp_image_clean_jpeg(const unsigned char *in, size_t n, unsigned char **out,
    size_t *outlen, const char **why)
{
	struct jpeg_walk	 w;
	struct mp_buf		 o;
	enum mp_err		 er;

	*out = NULL;
	*outlen = 0;
	memset(&w, 0, sizeof(w));
	w.orientation = 1;
	if (n < 4 || in[0] != 0xff || in[1] != M_SOI) {
		if (why != NULL)
			*why = "not a JPEG";
		return MP_EINVAL;
	}
	mp_buf_init(&w.b, n + JPEG_SLACK);
	mp_buf_init(&o, n + JPEG_SLACK);
	if ((er = jpeg_walk(&w, in, n)) == MP_OK &&
	    (er = jpeg_assemble(&w, &o)) == MP_OK)
		*out = (unsigned char *)mp_buf_take(&o, outlen);
	if (er != MP_OK && why != NULL)
		*why = w.why != NULL ? w.why : mp_err_str(er);
	mp_buf_free(&w.b);
	mp_buf_free(&o);
	return er;
}

int
mp_image_jpeg_orientation(const unsigned char *in, size_t n)
{
	const unsigned char	*p = in + 2, *end = in + n;
	size_t			 len;

	if (n < 4 || in[0] != 0xff || in[1] != M_SOI)
		return 1;
	while (end - p >= 4 && p[0] == 0xff && p[1] != M_SOS &&
	    p[1] != M_EOI) {
		len = be16(p + 2);
		if (len < 2 || len > (size_t)(end - p - 2))
			return 1;
		if (p[1] == M_APP1 && exif_orientation(p + 4, len - 2) != 1)
			return exif_orientation(p + 4, len - 2);
		p += 2 + len;
	}
	return 1;
}

/* PNG ------------------------------------------------------------- */

static const unsigned char png_sig[8] = {
	0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
};

/* The ancillary chunks that carry colour or transparency: kept. */
static const char *const png_keep[] = {
	"gAMA", "cHRM", "sRGB", "iCCP", "cICP", "sBIT", "pHYs", "tRNS",
	"bKGD", "hIST"
};

/* CRC-32 of ISO 3309 as PNG uses it (the table built on first use). */
static uint32_t
png_crc(const unsigned char *p, size_t n)
{
	static uint32_t	 table[256];
	static int	 ready;
	uint32_t	 c;
	size_t		 i;
	int		 k;

	if (!ready) {
		for (i = 0; i < 256; i++) {
			c = (uint32_t)i;
			for (k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
		ready = 1;
	}
	c = 0xffffffffU;
	for (i = 0; i < n; i++)
		c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
	return c ^ 0xffffffffU;
}

static int
png_type_ok(const unsigned char *t)
{
	int	 i;

	for (i = 0; i < 4; i++)
		if (!((t[i] >= 'A' && t[i] <= 'Z') ||
		    (t[i] >= 'a' && t[i] <= 'z')))
			return 0;
	return 1;
}

/* Whether chunk type t is kept; -1 for an unknown critical chunk. */
static int
png_keep_chunk(const unsigned char *t)
{
	size_t	 i;

	if (memcmp(t, "IHDR", 4) == 0 || memcmp(t, "PLTE", 4) == 0 ||
	    memcmp(t, "IDAT", 4) == 0 || memcmp(t, "IEND", 4) == 0)
		return 1;
	if (t[0] >= 'A' && t[0] <= 'Z')
		return -1;
	for (i = 0; i < MP_NELEM(png_keep); i++)
		if (memcmp(t, png_keep[i], 4) == 0)
			return 1;
	return 0;
}

/* The IHDR payload p: a bounded picture. */
static enum mp_err
png_check_header(const unsigned char *p, uint32_t len, const char **why)
{
	uint32_t	 w, h;

	if (len != 13) {
		*why = "IHDR of the wrong length";
		return MP_EINVAL;
	}
	w = be32(p);
	h = be32(p + 4);
	if (w == 0 || h == 0) {
		*why = "picture of size 0";
		return MP_EINVAL;
	}
	if ((unsigned long long)w * h > MP_IMAGE_MAX_PIXELS) {
		*why = "picture has too many pixels";
		return MP_ETOOBIG;
	}
	return MP_OK;
}

/*
 * Walk the chunks of in (n bytes) into b.
 * long: one loop over the chunk grammar with its bounds checks.
 */
static enum mp_err
png_walk(struct mp_buf *b, const unsigned char *in, size_t n,
    const char **why)
{
	const unsigned char	*p = in + 8, *end = in + n;
	uint32_t		 len;
	enum mp_err		 er;
	int			 keep, idat = 0, first = 1;

	for (;;) {
		if (end - p < 12) {
			*why = "no IEND chunk";
			return MP_EINVAL;
		}
		len = be32(p);
		if (len > 0x7fffffffU || len > (size_t)(end - p) - 12) {
			*why = "chunk length past the end";
			return MP_EINVAL;
		}
		if (!png_type_ok(p + 4)) {
			*why = "chunk of a bad type";
			return MP_EINVAL;
		}
		if (png_crc(p + 4, (size_t)len + 4) != be32(p + 8 + len)) {
			*why = "chunk with a bad CRC";
			return MP_EINVAL;
		}
		if (first != (memcmp(p + 4, "IHDR", 4) == 0)) {
			*why = "IHDR not first or twice";
			return MP_EINVAL;
		}
		if (first && (er = png_check_header(p + 8, len, why)) != MP_OK)
			return er;
		first = 0;
		if ((keep = png_keep_chunk(p + 4)) < 0) {
			*why = "unknown critical chunk";
			return MP_EINVAL;
		}
		if (memcmp(p + 4, "IDAT", 4) == 0)
			idat = 1;
		if (keep && (er = mp_buf_add(b, p, (size_t)len + 12)) != MP_OK)
			return er;
		if (memcmp(p + 4, "IEND", 4) == 0)
			break;
		p += (size_t)len + 12;
	}
	if (!idat) {
		*why = "no image data";
		return MP_EINVAL;
	}
	return MP_OK;	/* what follows IEND is dropped */
}

enum mp_err
mp_image_clean_png(const unsigned char *in, size_t n, unsigned char **out,
    size_t *outlen, const char **why)
{
	struct mp_buf	 b;
	enum mp_err	 er;
	const char	*w = NULL;

	*out = NULL;
	*outlen = 0;
	if (n < sizeof(png_sig) || memcmp(in, png_sig, sizeof(png_sig)) != 0) {
		if (why != NULL)
			*why = "not a PNG";
		return MP_EINVAL;
	}
	mp_buf_init(&b, n);
	if ((er = mp_buf_add(&b, png_sig, sizeof(png_sig))) == MP_OK &&
	    (er = png_walk(&b, in, n, &w)) == MP_OK)
		*out = (unsigned char *)mp_buf_take(&b, outlen);
	if (er != MP_OK && why != NULL)
		*why = w != NULL ? w : mp_err_str(er);
	mp_buf_free(&b);
	return er;
}
