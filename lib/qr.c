/*
 * qr.c -- QR codes as SVG: libqrencode computes the modules, we write
 * them as one <path> of horizontal runs, which keeps a version 5 code
 * (an otpauth:// URI) to a few kilobytes.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <qrencode.h>

#include "alloc.h"
#include "buf.h"
#include "errcode.h"
#include "log.h"
#include "qr.h"

#define QUIET		4	/* modules of white border, ISO 18004 */
#define PX_PER_MODULE	4	/* default size when no CSS sets one */
/* A version 40 code in runs stays well below this. */
#define SVG_MAX		(1024 * 1024)

static enum mp_err
svg_write(struct mp_buf *b, const QRcode *qr)
{
	const unsigned char	*row;
	enum mp_err		 er;
	int			 w = qr->width, size, x, y, run;

	size = w + 2 * QUIET;
	if ((er = mp_buf_printf(b,
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
	    " viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\""
	    " role=\"img\" aria-label=\"QR-code voor de authenticator-app\""
	    " shape-rendering=\"crispEdges\">"
	    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
	    "<path fill=\"#000\" d=\"",
	    size, size, size * PX_PER_MODULE, size * PX_PER_MODULE,
	    size, size)) != MP_OK)
		return er;
	/*
	 * Bit 0 of each module byte is "dark"; the other bits only say
	 * which function pattern it belongs to.  Each run of dark modules
	 * in a row becomes one closed rectangle.
	 */
	for (y = 0; y < w; y++) {
		row = qr->data + (size_t)y * (size_t)w;
		for (x = 0; x < w; x += run) {
			for (run = 0; x + run < w && (row[x + run] & 1); run++)
				continue;
			if (run == 0) {
				run = 1;
				continue;
			}
			if ((er = mp_buf_printf(b, "M%d %dh%dv1h-%dz",
			    x + QUIET, y + QUIET, run, run)) != MP_OK)
				return er;
		}
	}
	return mp_buf_addstr(b, "\"/></svg>");
}

enum mp_err
mp_qr_svg(struct mp_buf *out, const char *text)
{
	QRcode		*qr;
	struct mp_buf	 b;
	enum mp_err	 er;

	if (text == NULL || *text == '\0')
		return MP_EINVAL;
	errno = 0;
	if ((qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8,
	    1)) == NULL) {
		if (errno == ERANGE) {
			mp_warnx("%s: text too long for a QR code", __func__);
			return MP_ETOOBIG;
		}
		if (errno == ENOMEM) {
			mp_errx("%s: out of memory", __func__);
			return MP_ENOMEM;
		}
		mp_errx("%s: QRcode_encodeString: %s", __func__,
		    strerror(errno));
		return MP_EINVAL;
	}
	/* Build privately so out never holds half an SVG. */
	mp_buf_init(&b, SVG_MAX);
	if ((er = svg_write(&b, qr)) == MP_OK)
		er = mp_buf_add(out, mp_buf_str(&b), mp_buf_len(&b));
	if (er != MP_OK)
		mp_errx("%s: %s", __func__, mp_err_str(er));
	/* The modules spell out the text, which may be a TOTP secret. */
	mp_alloc_wipe(qr->data, (size_t)qr->width * (size_t)qr->width);
	QRcode_free(qr);
	mp_buf_freezero(&b);
	return er;
}
