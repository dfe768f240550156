/*
 * mailmsg.h -- composing an Internet message (RFC 5322, MIME) for the
 * mail outbox.  Every header line is written by one of the functions
 * below, and each refuses a value with CR, LF, NUL or another control
 * character, so no value can add a header or start the body: header
 * injection is impossible by construction, not by escaping.  Text that
 * is not plain ASCII goes out as RFC 2047 encoded-words; the body as
 * quoted-printable UTF-8.  Lines end in LF, as the sendmail command
 * expects on its standard input.
 */
#ifndef MP_MAILMSG_H
#define MP_MAILMSG_H

#include <stddef.h>
#include <time.h>

#include "errcode.h"

struct mp_buf;

/* Recommended line length (RFC 5322 2.1.1), without the line end. */
#define MP_MAIL_LINE	78

/*
 * Append "Name: value\n" to b.  name is 1-64 of [A-Za-z0-9-]; value
 * (len bytes) must be printable ASCII (space to '~') and fit on one
 * line of at most MP_MAIL_LINE characters with its name.  Anything else
 * (CR, LF, NUL, tab, other controls, 8-bit bytes, too long) is refused
 * with MP_EINVAL and b is left as it was.
 */
enum mp_err	 mp_mailmsg_header(struct mp_buf *b, const char *name,
		    const char *value, size_t len);

/*
 * Append an unstructured header (Subject) whose value is UTF-8 text of
 * len bytes, at most 1000.  Printable ASCII that fits on the line goes
 * as it is; anything else as "=?UTF-8?B?...?=" encoded-words, each
 * holding whole characters, folded so no line exceeds MP_MAIL_LINE.
 * Refused (MP_EINVAL, b unchanged): invalid UTF-8, any control
 * character (CR, LF, NUL, tab, ...), an empty value.
 */
enum mp_err	 mp_mailmsg_header_text(struct mp_buf *b, const char *name,
		    const char *value, size_t len);

/*
 * Append an address header: "Name: addr" or, with a display name
 * (UTF-8, may be NULL or ""), "Name: display <addr>", the display name
 * as an encoded-word unless it is plain letters, digits and spaces.
 * addr must pass mp_valid_email; the display name obeys the rules of
 * mp_mailmsg_header_text.  MP_EINVAL (b unchanged) otherwise.
 */
enum mp_err	 mp_mailmsg_header_addr(struct mp_buf *b, const char *name,
		    const char *display, const char *addr);

/*
 * The RFC 5322 date of t in UTC, "Mon, 23 Nov 2026 14:05:00 +0000"
 * (English names whatever the locale) into out.
 */
#define MP_MAIL_DATE_LEN 64
void		 mp_mailmsg_date(char out[MP_MAIL_DATE_LEN], time_t t);

/*
 * Append text (len bytes of UTF-8, lines separated by LF) to b as
 * quoted-printable (RFC 2045 6.7): lines of at most 76 characters with
 * soft breaks, "=" and every byte outside printable ASCII encoded, a
 * space or tab at the end of a line encoded.  Ends with a line end.
 */
enum mp_err	 mp_mailmsg_qp(struct mp_buf *b, const char *text, size_t len);

/* What a message says; every string is borrowed. */
struct mp_mail {
	const char	*from_name;	/* UTF-8 display name, or NULL */
	const char	*from_addr;	/* envelope sender and From: */
	const char	*to_addr;
	const char	*subject;	/* UTF-8 */
	const char	*body;		/* UTF-8, lines separated by LF */
	time_t		 date;
};

/*
 * Compose the whole message into b (reset first): Date, From, To,
 * Subject, Message-ID (random, at the From address's domain),
 * MIME-Version, Content-Type text/plain; charset=UTF-8,
 * Content-Transfer-Encoding quoted-printable and Auto-Submitted
 * (RFC 3834, so auto-replies stay away), a blank line and the body.
 * MP_EINVAL when any field is refused by the functions above.
 */
enum mp_err	 mp_mailmsg_compose(struct mp_buf *b, const struct mp_mail *m);

#endif
