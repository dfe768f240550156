/*
 * buf.h -- a growable byte buffer with a hard size cap (after curl's
 * dynbuf).  Members are private: use the functions.  The contents are
 * always NUL-terminated, so text can be read with mp_buf_str().
 */
#ifndef MP_BUF_H
#define MP_BUF_H

#include <stdarg.h>
#include <stddef.h>

#include "errcode.h"

struct mp_buf {
	char	*data;	/* private */
	size_t	 len;	/* private */
	size_t	 cap;	/* private */
	size_t	 max;	/* private: the cap, never exceeded */
};

/* Start empty; the buffer will refuse to grow beyond max bytes. */
void		 mp_buf_init(struct mp_buf *, size_t max);
/* Free the contents; the buffer is empty and usable again. */
void		 mp_buf_free(struct mp_buf *);
/* As mp_buf_free, but wipe the contents first (secrets). */
void		 mp_buf_freezero(struct mp_buf *);
/* Forget the contents, keep the memory. */
void		 mp_buf_reset(struct mp_buf *);
/* Append; MP_ETOOBIG past the cap, MP_ENOMEM; on error nothing added. */
enum mp_err	 mp_buf_add(struct mp_buf *, const void *, size_t);
enum mp_err	 mp_buf_addstr(struct mp_buf *, const char *);
enum mp_err	 mp_buf_addc(struct mp_buf *, char);
enum mp_err	 mp_buf_printf(struct mp_buf *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
enum mp_err	 mp_buf_vprintf(struct mp_buf *, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));
/*
 * len bytes of s (valid UTF-8, as the caller checked) as one JSON
 * string (RFC 8259): quotes, backslashes and control characters
 * escaped.  For values that SQL reads with JSON_TABLE (sql/061).
 */
enum mp_err	 mp_buf_add_json(struct mp_buf *, const char *s, size_t len);
/* Contents (never NULL; "" when empty) and length. */
const char	*mp_buf_str(const struct mp_buf *);
size_t		 mp_buf_len(const struct mp_buf *);
/*
 * Hand the contents to the caller, who frees them with free(3); the
 * buffer is left empty.  Returns NULL (and *len 0) when empty.
 */
char		*mp_buf_take(struct mp_buf *, size_t *len);

#endif
