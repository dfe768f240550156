/*
 * heic.c -- HEIC/HEIF photos turned into JPEG without metadata: libheif
 * decodes (HEVC through libde265 in Debian's build) and applies the
 * picture's rotation, libjpeg encodes.  Nothing of the HEIF file but
 * its pixels reaches the JPEG, so its EXIF and XMP items are gone.
 */
#include "config.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <libheif/heif.h>

#include "heic.h"
#include "image.h"
#include "log.h"

#define JPEG_QUALITY	90

int
mp_heic_sniff(const unsigned char *p, size_t n)
{
	static const char *const brands[] = {
		"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"
	};
	size_t	 i, box;

	if (n < 12 || memcmp(p + 4, "ftyp", 4) != 0)
		return 0;
	box = (size_t)p[0] << 24 | (size_t)p[1] << 16 |
	    (size_t)p[2] << 8 | p[3];
	if (box < 16 || box > n)
		return 0;
	for (i = 0; i < MP_NELEM(brands); i++)
		if (memcmp(p + 8, brands[i], 4) == 0)
			return 1;
	return 0;
}

/* libjpeg reports errors by calling error_exit: jump back instead. */
struct jpeg_fail {
	struct jpeg_error_mgr	 pub;
	jmp_buf			 jmp;
};

static void
jpeg_fail_exit(j_common_ptr c)
{
	struct jpeg_fail	*f = (struct jpeg_fail *)c->err;
	char			 msg[JMSG_LENGTH_MAX];

	(*c->err->format_message)(c, msg);
	mp_warnx("%s: libjpeg: %s", __func__, msg);
	longjmp(f->jmp, 1);
}

/* Encode w x h RGB rows (stride bytes apart) as a JPEG into *out. */
static enum mp_err
encode_jpeg(const unsigned char *rgb, int stride, int w, int h,
    unsigned char **out, size_t *outlen)
{
	struct jpeg_compress_struct	 c;
	struct jpeg_fail		 f;
	unsigned char *volatile		 buf = NULL;
	unsigned long			 len = 0;
	JSAMPROW			 row;

	memset(&c, 0, sizeof(c));
	c.err = jpeg_std_error(&f.pub);
	f.pub.error_exit = jpeg_fail_exit;
	if (setjmp(f.jmp)) {
		jpeg_destroy_compress(&c);
		free(buf);
		return MP_ENOMEM;
	}
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, (unsigned char **)&buf, &len);
	c.image_width = (JDIMENSION)w;
	c.image_height = (JDIMENSION)h;
	c.input_components = 3;
	c.in_color_space = JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, JPEG_QUALITY, TRUE);
	jpeg_start_compress(&c, TRUE);
	while (c.next_scanline < c.image_height) {
		row = (JSAMPROW)(rgb + (size_t)c.next_scanline * stride);
		(void)jpeg_write_scanlines(&c, &row, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	*out = buf;
	*outlen = len;
	return MP_OK;
}

enum mp_err
mp_heic_to_jpeg(const unsigned char *in, size_t n, unsigned char **out,
    size_t *outlen, const char **why)
{
	struct heif_context		*ctx;
	struct heif_image_handle	*hd = NULL;
	struct heif_decoding_options	*opt = NULL;
	struct heif_image		*img = NULL;
	struct heif_error		 he;
	const unsigned char		*plane;
	const char			*w = NULL;
	enum mp_err			 er = MP_EINVAL;
	int				 stride, width, height;

	*out = NULL;
	*outlen = 0;
	he.code = heif_error_Ok;
	he.message = NULL;
	if ((ctx = heif_context_alloc()) == NULL)
		return MP_ENOMEM;
	/* Tiles (iPhones write 512x512 grids) in this thread. */
	heif_context_set_max_decoding_threads(ctx, 0);
	he = heif_context_read_from_memory_without_copy(ctx, in, n, NULL);
	if (he.code != heif_error_Ok ||
	    (he = heif_context_get_primary_image_handle(ctx, &hd)).code !=
	    heif_error_Ok) {
		w = "not a HEIF picture";
		goto out;
	}
	width = heif_image_handle_get_width(hd);
	height = heif_image_handle_get_height(hd);
	if (width <= 0 || height <= 0 || (unsigned long long)width *
	    (unsigned long long)height > MP_IMAGE_MAX_PIXELS) {
		w = width <= 0 || height <= 0 ? "picture of size 0" :
		    "picture has too many pixels";
		er = width <= 0 || height <= 0 ? MP_EINVAL : MP_ETOOBIG;
		goto out;
	}
	if ((opt = heif_decoding_options_alloc()) == NULL) {
		er = MP_ENOMEM;
		goto out;
	}
	opt->ignore_transformations = 0;	/* turn it the right way up */
	he = heif_decode_image(hd, &img, heif_colorspace_RGB,
	    heif_chroma_interleaved_RGB, opt);
	if (he.code != heif_error_Ok || (plane =
	    heif_image_get_plane_readonly(img, heif_channel_interleaved,
	    &stride)) == NULL) {
		w = "HEIF picture does not decode";
		goto out;
	}
	width = heif_image_get_width(img, heif_channel_interleaved);
	height = heif_image_get_height(img, heif_channel_interleaved);
	if ((er = encode_jpeg(plane, stride, width, height, out,
	    outlen)) != MP_OK)
		w = "JPEG encoding failed";
out:
	if (er != MP_OK) {
		if (he.code != heif_error_Ok)
			mp_warnx("%s: libheif: %s", __func__, he.message);
		if (why != NULL)
			*why = w != NULL ? w : mp_err_str(er);
	}
	if (img != NULL)
		heif_image_release(img);
	if (opt != NULL)
		heif_decoding_options_free(opt);
	if (hd != NULL)
		heif_image_handle_release(hd);
	heif_context_free(ctx);
	return er;
}
