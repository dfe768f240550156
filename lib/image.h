/*
 * image.h -- make an uploaded picture safe to keep: a JPEG or PNG
 * copied without what identifies its maker (EXIF with GPS, camera and
 * owner, XMP, IPTC, comments, PNG text chunks), still the right way
 * up and still decodable.  Pure computation on memory: no files, no
 * system calls beyond malloc, so it runs in every sandbox.
 */
#ifndef MP_IMAGE_H
#define MP_IMAGE_H

#include <stddef.h>

#include "errcode.h"

/* The largest picture accepted, in pixels (width times height). */
#define MP_IMAGE_MAX_PIXELS	(40UL * 1000 * 1000)

/*
 * Copy the JPEG in (n bytes) into *out (newly allocated, n + 64 bytes
 * at most; the caller frees it with free(3)) without metadata:
 *  - kept: the frame, tables and scans; APP0 JFIF (rewritten without
 *    its thumbnail); APP2 ICC_PROFILE (colour, needed to show phone
 *    photos in wide gamut right); APP14 Adobe (needed to decode CMYK
 *    and YCCK);
 *  - dropped: APP1 (EXIF, XMP), APP13 (IPTC, Photoshop), COM, every
 *    other APPn, and anything after EOI (MPF second pictures and
 *    maker trailers, which carry their own EXIF);
 *  - the orientation: when EXIF held one other than 1 (normal), a
 *    minimal EXIF APP1 is written back with IFD0 holding only the
 *    Orientation tag.  Lossless, unlike turning the pixels.
 * Returns MP_OK; MP_EINVAL for malformed input (a truncated or
 * overlong segment, no frame or scan, no EOI) or MP_ETOOBIG for a
 * picture over MP_IMAGE_MAX_PIXELS, with *why (may be NULL) set to a
 * static English reason for the log; MP_ENOMEM.  On error *out is
 * NULL.
 */
enum mp_err	 mp_image_clean_jpeg(const unsigned char *in, size_t n,
		    unsigned char **out, size_t *outlen, const char **why);
/*
 * As mp_image_clean_jpeg, for a PNG: the signature and every chunk's
 * length and CRC checked; kept are the critical chunks (IHDR, PLTE,
 * IDAT, IEND) and the ancillary ones for colour and transparency
 * (gAMA, cHRM, sRGB, iCCP, cICP, sBIT, pHYs, tRNS, bKGD, hIST);
 * dropped are tEXt, zTXt, iTXt, eXIf, tIME and any other ancillary
 * chunk, and whatever follows IEND.  An unknown critical chunk is an
 * error, as it is for a decoder.
 */
enum mp_err	 mp_image_clean_png(const unsigned char *in, size_t n,
		    unsigned char **out, size_t *outlen, const char **why);

/*
 * The EXIF orientation (1..8) in a JPEG's APP1, or 1 when there is
 * none or it cannot be read.  For tests and for callers that want to
 * know.
 */
int		 mp_image_jpeg_orientation(const unsigned char *, size_t);

#endif /* MP_IMAGE_H */
