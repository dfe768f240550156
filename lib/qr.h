/*
 * qr.h -- QR codes (libqrencode) drawn as a small inline SVG, so the
 * dashboard can show an otpauth:// URI without an image file, a script
 * or a third-party service that would see the secret.
 */
#ifndef MP_QR_H
#define MP_QR_H

#include "errcode.h"

struct mp_buf;

/*
 * Encode text (8-bit, error correction level M) and append to out a
 * standalone <svg> element: black modules on white with a 4-module
 * quiet zone, role="img" and a Dutch aria-label.  Nothing of text is
 * copied into the markup, only its modules, so the result can be
 * printed unescaped inside HTML.  The SVG holds the text in visual
 * form: if text is secret, use mp_buf_freezero on out.  Either the
 * whole SVG is appended or nothing.  MP_EINVAL for an empty text,
 * MP_ETOOBIG if text does not fit in a QR code or past out's cap,
 * MP_ENOMEM.
 */
enum mp_err	 mp_qr_svg(struct mp_buf *out, const char *text);

#endif
