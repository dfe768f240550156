/*
 * xmlout.h -- XML written with libxml2's xmlTextWriter straight to the
 * response stream (mp_http_write), never built as a string, so memory
 * does not grow with the document.  Values are cleaned first: the
 * writer passes invalid UTF-8 and control characters through, which
 * would leave the document not well-formed.
 */
#ifndef MP_XMLOUT_H
#define MP_XMLOUT_H

#include <stddef.h>

#include "errcode.h"

struct mp_req;
struct mp_xml;
struct mp_buf;

/*
 * Start a response (status, Content-Type application/xml) and an XML
 * document on it.  mp_xmlout_end finishes the document, flushes and frees
 * the writer, and must be called after a successful mp_xmlout_begin.
 */
enum mp_err	 mp_xmlout_begin(struct mp_xml **, struct mp_req *,
    int status);
enum mp_err	 mp_xmlout_end(struct mp_xml *);
/*
 * Stop a document that failed midway: what was written is flushed but
 * no element is closed, so the client's parser refuses the document
 * instead of taking part of it for the whole.  Frees the writer.
 */
void		 mp_xmlout_abort(struct mp_xml *);

/* Open and close elements; the namespace goes on the root only. */
enum mp_err	 mp_xmlout_start(struct mp_xml *, const char *name);
enum mp_err	 mp_xmlout_start_ns(struct mp_xml *, const char *name,
		    const char *ns);
enum mp_err	 mp_xmlout_close(struct mp_xml *);
/* An attribute of the element just opened (value cleaned). */
enum mp_err	 mp_xmlout_attr(struct mp_xml *, const char *name,
		    const char *value);
/* Text content of the open element (value cleaned). */
enum mp_err	 mp_xmlout_text(struct mp_xml *, const char *value,
    size_t len);
/* <name>value</name>, value cleaned; len may be (size_t)-1 for strlen. */
enum mp_err	 mp_xmlout_elem(struct mp_xml *, const char *name,
		    const char *value, size_t len);

/*
 * Clean len bytes of s into b: invalid UTF-8 becomes U+FFFD, and
 * characters XML 1.0 does not allow (C0 controls other than tab, LF,
 * CR; U+FFFE, U+FFFF; surrogates) are dropped.  CR is dropped too, as
 * XML parsers would turn it into LF anyway.
 */
enum mp_err	 mp_xmlout_clean(struct mp_buf *b, const char *s, size_t len);

#endif
