/*
 * heic.h -- photos from iPhones: HEIC/HEIF recognised by content and
 * turned into a JPEG without metadata.  The only module that uses
 * libheif and libjpeg.
 */
#ifndef MP_HEIC_H
#define MP_HEIC_H

#include <stddef.h>

#include "errcode.h"

/*
 * 1 when p (n bytes) is an HEIF file holding a still picture: an
 * ISO-BMFF "ftyp" box first whose major brand is heic, heix, heim,
 * heis, hevc, hevx, mif1 or msf1 (as iPhones and Android phones
 * write them); 0 otherwise.
 */
int		 mp_heic_sniff(const unsigned char *p, size_t n);

/*
 * Decode the primary picture of the HEIF file in (n bytes) with
 * libheif, which applies its rotation and mirroring, and encode it as
 * a baseline JPEG (quality 90, JFIF only: no EXIF, XMP or ICC) into
 * *out, newly allocated; the caller frees it with free(3).  Decoding
 * runs in the calling thread where libheif allows it.  Returns MP_OK;
 * MP_EINVAL when the file cannot be decoded, MP_ETOOBIG over
 * MP_IMAGE_MAX_PIXELS (checked before decoding), with *why (may be
 * NULL) a static English reason; MP_ENOMEM.  On error *out is NULL.
 */
enum mp_err	 mp_heic_to_jpeg(const unsigned char *in, size_t n,
		    unsigned char **out, size_t *outlen, const char **why);

#endif /* MP_HEIC_H */
