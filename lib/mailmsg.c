/*
 * mailmsg.c -- composing an Internet message for the mail outbox:
 * header lines that refuse control characters, RFC 2047 encoded-words,
 * quoted-printable bodies, dates and Message-IDs.  Each header
 * function checks its whole value before it writes anything.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "buf.h"
#include "crypto.h"
#include "errcode.h"
#include "mailmsg.h"
#include "valid.h"

#define NAME_MAX_LEN	64
#define TEXT_MAX	1000	/* bytes of a text header's value */
#define QP_LINE		76	/* RFC 2045: encoded lines at most 76 */
#define EW_MAX		75	/* RFC 2047: an encoded-word at most 75 */
#define EW_OVERHEAD	12	/* "=?UTF-8?B?" and "?=" */

/* A header field name: 1-64 of [A-Za-z0-9-]. */
static int
valid_name(const char *name)
{
	size_t	 i;

	for (i = 0; name[i] != '\0'; i++)
		if (!((name[i] >= 'A' && name[i] <= 'Z') ||
		    (name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= '0' && name[i] <= '9') || name[i] == '-'))
			return 0;
	return i > 0 && i <= NAME_MAX_LEN;
}

/* 1 if every byte is printable ASCII (space to '~'). */
static int
printable(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7e)
			return 0;
	return 1;
}

/*
 * 1 if s is UTF-8 text without any control character: mp_valid_utf8
 * allows tab, CR and LF, which have no place in a header.
 */
static int
header_text(const char *s, size_t len)
{
	size_t	 i;

	if (!mp_valid_utf8(s, len))
		return 0;
	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] == 0x7f)
			return 0;
	return 1;
}

enum mp_err
mp_mailmsg_header(struct mp_buf *b, const char *name, const char *value,
    size_t len)
{
	enum mp_err	 er;

	if (name == NULL || value == NULL || !valid_name(name) ||
	    !printable(value, len) ||
	    strlen(name) + 2 + len > MP_MAIL_LINE)
		return MP_EINVAL;
	if ((er = mp_buf_addstr(b, name)) != MP_OK ||
	    (er = mp_buf_add(b, ": ", 2)) != MP_OK ||
	    (er = mp_buf_add(b, value, len)) != MP_OK ||
	    (er = mp_buf_addc(b, '\n')) != MP_OK)
		return er;
	return MP_OK;
}

/* Length of the UTF-8 sequence that starts with byte c (valid text). */
static size_t
seqlen(unsigned char c)
{

	if (c < 0x80)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return 4;
}

/*
 * Append s (len bytes of checked UTF-8) as encoded-words.  *col is the
 * column the first word starts at; a word that would pass MP_MAIL_LINE
 * goes on a continuation line (LF and a space).  Words hold whole
 * characters, so each decodes to valid UTF-8 on its own (RFC 2047 5).
 */
static enum mp_err
encode_words(struct mp_buf *b, const char *s, size_t len, size_t *col)
{
	unsigned char	 out[4 * (EW_MAX / 4) + 1];
	size_t		 i = 0, n, k, room, maxin;
	enum mp_err	 er;

	while (i < len) {
		/* The bytes that fit in a word starting at *col. */
		room = MP_MAIL_LINE - *col;
		if (room > EW_MAX)
			room = EW_MAX;
		if (room < EW_OVERHEAD + 8) {
			if ((er = mp_buf_add(b, "\n ", 2)) != MP_OK)
				return er;
			*col = 1;
			continue;
		}
		maxin = (room - EW_OVERHEAD) / 4 * 3;
		for (n = 0; i + n < len; n += k) {
			k = seqlen((unsigned char)s[i + n]);
			if (n + k > maxin)
				break;
		}
		if (n == 0) {
			/* Not even one character fits: next line. */
			if ((er = mp_buf_add(b, "\n ", 2)) != MP_OK)
				return er;
			*col = 1;
			continue;
		}
		k = (size_t)EVP_EncodeBlock(out, (const unsigned char *)s + i,
		    (int)n);
		if ((er = mp_buf_add(b, "=?UTF-8?B?", 10)) != MP_OK ||
		    (er = mp_buf_add(b, out, k)) != MP_OK ||
		    (er = mp_buf_add(b, "?=", 2)) != MP_OK)
			return er;
		*col += EW_OVERHEAD + k;
		i += n;
		/* Adjacent words are separated by folding white space. */
		if (i < len) {
			if ((er = mp_buf_add(b, "\n ", 2)) != MP_OK)
				return er;
			*col = 1;
		}
	}
	return MP_OK;
}

/* 1 if the text may go as it is: printable ASCII, no "=?" to confuse. */
static int
plain(const char *s, size_t len)
{

	size_t	 i;

	for (i = 0; i + 1 < len; i++)
		if (s[i] == '=' && s[i + 1] == '?')
			return 0;
	return printable(s, len);
}

enum mp_err
mp_mailmsg_header_text(struct mp_buf *b, const char *name, const char *value,
    size_t len)
{
	size_t		 col;
	enum mp_err	 er;

	if (name == NULL || value == NULL || !valid_name(name) ||
	    len == 0 || len > TEXT_MAX || !header_text(value, len))
		return MP_EINVAL;
	col = strlen(name) + 2;
	if (plain(value, len) && col + len <= MP_MAIL_LINE)
		return mp_mailmsg_header(b, name, value, len);
	if ((er = mp_buf_addstr(b, name)) != MP_OK ||
	    (er = mp_buf_add(b, ": ", 2)) != MP_OK ||
	    (er = encode_words(b, value, len, &col)) != MP_OK ||
	    (er = mp_buf_addc(b, '\n')) != MP_OK)
		return er;
	return MP_OK;
}

/* Letters, digits and spaces only: a phrase that needs no quoting. */
static int
atoms(const char *s)
{

	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == ' '))
			return 0;
	return 1;
}

enum mp_err
mp_mailmsg_header_addr(struct mp_buf *b, const char *name, const char *display,
    const char *addr)
{
	size_t		 col, dlen, alen;
	enum mp_err	 er;

	if (name == NULL || addr == NULL || !valid_name(name) ||
	    !mp_valid_email(addr) || !printable(addr, strlen(addr)))
		return MP_EINVAL;
	alen = strlen(addr);
	if (display == NULL || display[0] == '\0')
		return mp_mailmsg_header(b, name, addr, alen);
	dlen = strlen(display);
	if (dlen > TEXT_MAX || !header_text(display, dlen))
		return MP_EINVAL;
	col = strlen(name) + 2;
	if ((er = mp_buf_addstr(b, name)) != MP_OK ||
	    (er = mp_buf_add(b, ": ", 2)) != MP_OK)
		return er;
	if (atoms(display) && col + dlen <= MP_MAIL_LINE) {
		if ((er = mp_buf_add(b, display, dlen)) != MP_OK)
			return er;
		col += dlen;
	} else if ((er = encode_words(b, display, dlen, &col)) != MP_OK)
		return er;
	/* " <addr>", on a continuation line if it does not fit. */
	if (col + alen + 3 > MP_MAIL_LINE) {
		if ((er = mp_buf_addc(b, '\n')) != MP_OK)
			return er;
		col = 0;
	}
	if ((er = mp_buf_add(b, " <", 2)) != MP_OK ||
	    (er = mp_buf_add(b, addr, alen)) != MP_OK ||
	    (er = mp_buf_add(b, ">\n", 2)) != MP_OK)
		return er;
	return MP_OK;
}

void
mp_mailmsg_date(char out[MP_MAIL_DATE_LEN], time_t t)
{
	static const char *const days[7] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const months[12] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL) {
		t = 0;
		(void)gmtime_r(&t, &tm);
	}
	(void)snprintf(out, MP_MAIL_DATE_LEN,
	    "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday % 7],
	    tm.tm_mday, months[tm.tm_mon % 12], tm.tm_year + 1900,
	    tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Append one encoded token, with a soft break first if it overflows. */
static enum mp_err
qp_token(struct mp_buf *b, const char *tok, size_t n, size_t *col,
    int last)
{
	enum mp_err	 er;

	/*
	 * A line may hold 76 characters; a soft break "=" takes one, so
	 * a token fits if it ends by column 75, or 76 at the line's end.
	 */
	if (*col + n > (last ? QP_LINE : QP_LINE - 1)) {
		if ((er = mp_buf_add(b, "=\n", 2)) != MP_OK)
			return er;
		*col = 0;
	}
	if ((er = mp_buf_add(b, tok, n)) != MP_OK)
		return er;
	*col += n;
	return MP_OK;
}

enum mp_err
mp_mailmsg_qp(struct mp_buf *b, const char *text, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t		 i, col = 0;
	unsigned char	 c;
	char		 tok[3];
	int		 eol;
	enum mp_err	 er;

	for (i = 0; i < len; i++) {
		c = (unsigned char)text[i];
		if (c == '\n') {
			if ((er = mp_buf_addc(b, '\n')) != MP_OK)
				return er;
			col = 0;
			continue;
		}
		eol = i + 1 == len || text[i + 1] == '\n';
		if ((c >= 0x21 && c <= 0x7e && c != '=') ||
		    ((c == ' ' || c == '\t') && !eol)) {
			tok[0] = (char)c;
			er = qp_token(b, tok, 1, &col, eol);
		} else {
			tok[0] = '=';
			tok[1] = hex[c >> 4];
			tok[2] = hex[c & 0x0f];
			er = qp_token(b, tok, 3, &col, eol);
		}
		if (er != MP_OK)
			return er;
	}
	if (len == 0 || text[len - 1] != '\n')
		return mp_buf_addc(b, '\n');
	return MP_OK;
}

enum mp_err
mp_mailmsg_compose(struct mp_buf *b, const struct mp_mail *m)
{
	unsigned char	 rnd[16];
	char		 date[MP_MAIL_DATE_LEN], id[300], hex[33];
	const char	*dom;
	enum mp_err	 er;

	mp_buf_reset(b);
	if (m->from_addr == NULL || m->to_addr == NULL ||
	    m->subject == NULL || m->body == NULL ||
	    !mp_valid_email(m->from_addr) ||
	    !mp_valid_utf8(m->body, strlen(m->body)))
		return MP_EINVAL;
	if ((er = mp_crypto_random(rnd, sizeof(rnd))) != MP_OK)
		return er;
	mp_crypto_hex(hex, rnd, sizeof(rnd));
	dom = strchr(m->from_addr, '@') + 1;
	(void)snprintf(id, sizeof(id), "<%s@%s>", hex, dom);
	mp_mailmsg_date(date, m->date);
	if ((er = mp_mailmsg_header(b, "Date", date, strlen(date))) != MP_OK ||
	    (er = mp_mailmsg_header_addr(b, "From", m->from_name,
	    m->from_addr)) != MP_OK ||
	    (er = mp_mailmsg_header_addr(b, "To", NULL,
	    m->to_addr)) != MP_OK ||
	    (er = mp_mailmsg_header_text(b, "Subject", m->subject,
	    strlen(m->subject))) != MP_OK ||
	    (er = mp_mailmsg_header(b, "Message-ID", id,
	    strlen(id))) != MP_OK ||
	    (er = mp_mailmsg_header(b, "MIME-Version", "1.0", 3)) != MP_OK ||
	    (er = mp_mailmsg_header(b, "Content-Type",
	    "text/plain; charset=UTF-8", 25)) != MP_OK ||
	    (er = mp_mailmsg_header(b, "Content-Transfer-Encoding",
	    "quoted-printable", 16)) != MP_OK ||
	    (er = mp_mailmsg_header(b, "Auto-Submitted", "auto-generated",
	    14)) != MP_OK ||
	    (er = mp_buf_addc(b, '\n')) != MP_OK ||
	    (er = mp_mailmsg_qp(b, m->body, strlen(m->body))) != MP_OK) {
		mp_buf_reset(b);
		return er;
	}
	return MP_OK;
}
