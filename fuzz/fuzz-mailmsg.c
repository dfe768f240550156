/*
 * fuzz-mailmsg.c -- composing mail (lib/mailmsg.c) from hostile values:
 * a display name, addresses, a subject and a body as a reporter's or a
 * partner's text could make them, plus a free header name and value.
 *
 * Input: a selector byte, then fields separated by 0xff.  Invariants
 * of an accepted message: the header block is 7-bit printable ASCII
 * in lines of at most 78 characters (998 for one holding an address)
 * ending in LF, with no CR anywhere; each continuation line starts
 * with a space, so no value can start a header of its own; each of
 * the nine fields occurs exactly once; the Subject and the display
 * name decode (RFC 2047) back to the text given; the body decodes
 * (quoted-printable) back to the text given, in lines of at most 76.
 * A refused value leaves the buffer as it was.
 */
#include "config.h"

#include "fuzz.h"

static const char *const fields[] = { "Date", "From", "To", "Subject",
    "Message-ID", "MIME-Version", "Content-Type",
    "Content-Transfer-Encoding", "Auto-Submitted" };

static int
b64val(int c)
{

	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

/* Decode base64 [p, e) onto b; 0 when malformed. */
static int
b64dec(struct mp_buf *b, const char *p, const char *e)
{
	unsigned long	 acc = 0;
	int		 bits = 0, v;

	if ((e - p) % 4 != 0)
		return 0;
	for (; p < e; p++) {
		if (*p == '=')
			break;
		if ((v = b64val((unsigned char)*p)) < 0)
			return 0;
		acc = acc << 6 | (unsigned long)v;
		if ((bits += 6) >= 8) {
			bits -= 8;
			FUZZ_ASSERT(mp_buf_addc(b, (char)(acc >> bits &
			    0xff)) == MP_OK);
		}
	}
	return 1;
}

/*
 * The unfolded value [p, e) of a text header: plain, or encoded-words
 * separated by folding white space.  Decoded onto b; 0 if malformed.
 */
static int
ew_decode(struct mp_buf *b, const char *p, const char *e)
{
	const char	*q;

	if (e - p < 10 || memcmp(p, "=?UTF-8?B?", 10) != 0) {
		FUZZ_ASSERT(mp_buf_add(b, p, (size_t)(e - p)) == MP_OK);
		return 1;
	}
	while (p < e) {
		if (e - p < 12 || memcmp(p, "=?UTF-8?B?", 10) != 0)
			return 0;
		p += 10;
		for (q = p; q + 1 < e && !(q[0] == '?' && q[1] == '='); q++)
			continue;
		if (q + 1 >= e || !b64dec(b, p, q))
			return 0;
		p = q + 2;
		while (p < e && *p == ' ')
			p++;
	}
	return 1;
}

/* The value of field name in header block h, unfolded, onto out. */
static int
field_value(const char *h, const char *name, struct mp_buf *out)
{
	size_t		 n = strlen(name);
	const char	*p, *eol;

	for (p = h; *p != '\0'; p = eol + 1) {
		eol = strchr(p, '\n');
		FUZZ_ASSERT(eol != NULL);
		if (strncmp(p, name, n) != 0 || p[n] != ':')
			continue;
		p += n + 2;
		for (;;) {
			FUZZ_ASSERT(mp_buf_add(out, p, (size_t)(eol - p)) ==
			    MP_OK);
			if (eol[1] != ' ')
				return 1;
			/* RFC 5322 unfolding removes the line end only. */
			p = eol + 1;
			eol = strchr(p, '\n');
			FUZZ_ASSERT(eol != NULL);
		}
	}
	return 0;
}

static int
hexv(int c)
{

	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void
check_message(const struct mp_mail *m, const struct mp_buf *b)
{
	struct mp_buf	 v, d;
	const char	*s = mp_buf_str(b), *body, *p, *eol;
	char		*hdr, *ew;
	size_t		 i, n, len, hl;
	int		 hi, lo;

	FUZZ_ASSERT(memchr(s, '\r', mp_buf_len(b)) == NULL);
	FUZZ_ASSERT(strlen(s) == mp_buf_len(b));
	body = strstr(s, "\n\n");
	FUZZ_ASSERT(body != NULL);
	hl = (size_t)(body - s) + 1;
	hdr = strndup(s, hl);
	body += 2;

	for (p = hdr; *p != '\0'; p = eol + 1) {
		eol = strchr(p, '\n');
		FUZZ_ASSERT(eol != NULL);
		len = (size_t)(eol - p);
		FUZZ_ASSERT(len > 0);
		FUZZ_ASSERT(len <= 78 || (len <= 998 && strchr(p, '@') != NULL &&
		    strchr(p, '@') < eol));
		for (i = 0; i < len; i++)
			FUZZ_ASSERT(p[i] >= 0x20 && p[i] <= 0x7e);
		if (p[0] != ' ') {
			for (i = 0, n = 0; i < MP_NELEM(fields); i++)
				if (strncmp(p, fields[i], strlen(fields[i]))
				    == 0 && p[strlen(fields[i])] == ':')
					n++;
			FUZZ_ASSERT(n == 1);	/* a known field */
		}
	}
	for (i = 0; i < MP_NELEM(fields); i++) {
		mp_buf_init(&v, FUZZ_BUF_MAX);
		FUZZ_ASSERT(field_value(hdr, fields[i], &v));
		mp_buf_free(&v);
		/* Exactly once: no second line starts with this name. */
		n = 0;
		for (p = hdr; (p = strstr(p, fields[i])) != NULL; p++)
			if ((p == hdr || p[-1] == '\n') &&
			    p[strlen(fields[i])] == ':')
				n++;
		FUZZ_ASSERT(n == 1);
	}

	mp_buf_init(&v, FUZZ_BUF_MAX);
	mp_buf_init(&d, FUZZ_BUF_MAX);
	FUZZ_ASSERT(field_value(hdr, "Subject", &v));
	FUZZ_ASSERT(ew_decode(&d, mp_buf_str(&v), mp_buf_str(&v) +
	    mp_buf_len(&v)));
	FUZZ_ASSERT(strcmp(mp_buf_str(&d), m->subject) == 0);
	mp_buf_reset(&v);
	mp_buf_reset(&d);
	FUZZ_ASSERT(field_value(hdr, "To", &v));
	FUZZ_ASSERT(strcmp(mp_buf_str(&v), m->to_addr) == 0);
	mp_buf_reset(&v);
	FUZZ_ASSERT(field_value(hdr, "From", &v));
	if (m->from_name == NULL || m->from_name[0] == '\0')
		FUZZ_ASSERT(strcmp(mp_buf_str(&v), m->from_addr) == 0);
	else {
		len = mp_buf_len(&v);
		n = strlen(m->from_addr);
		FUZZ_ASSERT(len > n + 3);
		FUZZ_ASSERT(memcmp(mp_buf_str(&v) + len - n - 3, " <", 2) ==
		    0 && memcmp(mp_buf_str(&v) + len - n - 1, m->from_addr,
		    n) == 0 && mp_buf_str(&v)[len - 1] == '>');
		ew = strndup(mp_buf_str(&v), len - n - 3);
		FUZZ_ASSERT(ew_decode(&d, ew, ew + strlen(ew)));
		FUZZ_ASSERT(strcmp(mp_buf_str(&d), m->from_name) == 0);
		free(ew);
	}
	mp_buf_free(&v);

	/* The body: quoted-printable back to the text. */
	mp_buf_reset(&d);
	for (p = body; *p != '\0'; p = eol + 1) {
		eol = strchr(p, '\n');
		FUZZ_ASSERT(eol != NULL);
		FUZZ_ASSERT(eol - p <= 76);
		for (; p < eol; p++) {
			FUZZ_ASSERT((*p >= 0x21 && *p <= 0x7e) || ((*p == ' ' ||
			    *p == '\t') && p + 1 < eol));
			if (*p != '=') {
				FUZZ_ASSERT(mp_buf_addc(&d, *p) == MP_OK);
				continue;
			}
			if (p + 1 == eol)
				break;		/* soft line break */
			FUZZ_ASSERT(eol - p >= 3);
			hi = hexv((unsigned char)p[1]);
			lo = hexv((unsigned char)p[2]);
			FUZZ_ASSERT(hi >= 0 && lo >= 0);
			FUZZ_ASSERT(mp_buf_addc(&d, (char)(hi << 4 | lo)) ==
			    MP_OK);
			p += 2;
		}
		if (p == eol)
			FUZZ_ASSERT(mp_buf_addc(&d, '\n') == MP_OK);
	}
	len = strlen(m->body);
	FUZZ_ASSERT(mp_buf_len(&d) == len + (len == 0 ||
	    m->body[len - 1] != '\n'));
	FUZZ_ASSERT(memcmp(mp_buf_str(&d), m->body, len) == 0);
	mp_buf_free(&d);
	free(hdr);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{

	(void)argc;
	(void)argv;
	FUZZ_QUIET_LOG();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct mp_mail	 m;
	struct mp_buf	 b;
	char		*f[5], *before;
	size_t		 i, len, blen;
	uint8_t		 sel;
	enum mp_err	 er;

	sel = fuzz_byte(&in);
	for (i = 0; i < MP_NELEM(f); i++)
		f[i] = fuzz_piece(&in, 0xff, i == 4 ? &len : NULL);
	mp_buf_init(&b, FUZZ_BUF_MAX);
	if (sel & 1) {
		/* One header line: name f[0], value f[4] (with its NULs). */
		FUZZ_ASSERT(mp_buf_addstr(&b, "X: y\n") == MP_OK);
		before = strdup(mp_buf_str(&b));
		blen = mp_buf_len(&b);
		if (sel & 2)
			er = mp_mailmsg_header(&b, f[0], f[4], len);
		else if (sel & 4)
			er = mp_mailmsg_header_text(&b, f[0], f[4], len);
		else
			er = mp_mailmsg_header_addr(&b, f[0], f[1], f[4]);
		if (er != MP_OK)
			FUZZ_ASSERT(mp_buf_len(&b) == blen &&
			    strcmp(mp_buf_str(&b), before) == 0);
		else {
			/* One field: lines after the first are folded. */
			const char *p = mp_buf_str(&b) + blen;

			FUZZ_ASSERT(strncmp(p, f[0], strlen(f[0])) == 0 &&
			    p[strlen(f[0])] == ':');
			FUZZ_ASSERT(memchr(p, '\r', mp_buf_len(&b) - blen) ==
			    NULL);
			FUZZ_ASSERT(strlen(p) == mp_buf_len(&b) - blen);
			for (; (p = strchr(p, '\n')) != NULL && p[1] != '\0';
			    p++)
				FUZZ_ASSERT(p[1] == ' ');
			FUZZ_ASSERT(mp_buf_str(&b)[mp_buf_len(&b) - 1] ==
			    '\n');
		}
		free(before);
	} else {
		memset(&m, 0, sizeof(m));
		m.from_name = (sel & 2) ? f[0] : NULL;
		m.from_addr = (sel & 4) ? f[1] : "meldpunt@gemeente.example";
		m.to_addr = (sel & 8) ? f[2] : "partner@example.nl";
		m.subject = f[3];
		m.body = f[4];
		m.date = (time_t)sel << 24;
		if (mp_mailmsg_compose(&b, &m) == MP_OK)
			check_message(&m, &b);
		else
			FUZZ_ASSERT(mp_buf_len(&b) == 0);
	}
	mp_buf_free(&b);
	for (i = 0; i < MP_NELEM(f); i++)
		free(f[i]);
	return 0;
}
