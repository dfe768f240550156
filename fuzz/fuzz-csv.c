/*
 * fuzz-csv.c -- the CSV writer (lib/csv.c) fed hostile field values.
 *
 * Input: a flag byte (separator, BOM), then fields separated by 0xff;
 * a field starting with 0xfe ends the row, one starting with 0xfd is
 * a number (its next 8 bytes), 0xfc tenths.  The output is read back
 * with an RFC 4180 reader written here.  Invariants: the same rows
 * and fields come back, a text field that a spreadsheet would run as
 * a formula (=, +, -, @, tab, CR first) comes back with one apostrophe
 * in front, and no text field read back starts with such a character.
 */
#include "config.h"

#include <inttypes.h>

#include "fuzz.h"

#define MAXF	64

struct sink {
	struct mp_buf	 b;
};

static enum mp_err
sink_write(void *arg, const void *p, size_t n)
{
	struct sink	*s = arg;

	return mp_buf_add(&s->b, p, n);
}

/* What was written, as the reader must see it. */
struct want {
	char	*text;		/* expected field text (owned) */
	size_t	 len;
	int	 is_text;
	int	 endrow;	/* a row ends after this field */
};

static int
risky(const char *s, size_t n)
{

	return n > 0 && strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
}

/*
 * Read one field from p (at most end): its text into a new buffer, the
 * position after its separator or row end in *next, *rowend 1 when a
 * CRLF followed.  0 when the input is not valid CSV.
 */
static int
read_field(const char *p, const char *end, char sep, char **out,
    size_t *outlen, const char **next, int *rowend)
{
	char	*o;
	size_t	 n = 0;

	if ((o = malloc((size_t)(end - p) + 1)) == NULL)
		abort();
	if (p < end && *p == '"') {
		for (p++;; p++) {
			if (p >= end)
				goto bad;
			if (*p == '"') {
				if (p + 1 < end && p[1] == '"') {
					o[n++] = '"';
					p++;
					continue;
				}
				p++;
				break;
			}
			o[n++] = *p;
		}
	} else
		while (p < end && *p != sep && *p != '\r' && *p != '\n' &&
		    *p != '"')
			o[n++] = *p++;
	if (p < end && *p == sep) {
		*next = p + 1;
		*rowend = 0;
	} else if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
		*next = p + 2;
		*rowend = 1;
	} else
		goto bad;
	o[n] = '\0';
	*out = o;
	*outlen = n;
	return 1;
bad:
	free(o);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in	 in = { data, size };
	struct mp_csv	 c;
	struct sink	 s;
	struct want	 w[MAXF];
	const char	*p, *end;
	char		*f, sep, *got;
	size_t		 nw = 0, len, i, glen;
	uint8_t		 flags;
	int64_t		 v;
	int		 rowend;

	flags = fuzz_byte(&in);
	sep = flags & 1 ? ',' : ';';
	mp_buf_init(&s.b, FUZZ_BUF_MAX);
	mp_csv_init(&c, sep, sink_write, &s);
	if (flags & 2)
		FUZZ_ASSERT(mp_csv_bom(&c) == MP_OK);
	while (in.len > 0 && nw < MAXF) {
		f = fuzz_piece(&in, 0xff, &len);
		memset(&w[nw], 0, sizeof(w[nw]));
		if (len > 0 && (uint8_t)f[0] == 0xfe) {
			FUZZ_ASSERT(mp_csv_endrow(&c) == MP_OK);
			if (nw > 0 && !w[nw - 1].endrow)
				w[nw - 1].endrow = 1;
			else {
				/* An empty row reads as one empty field. */
				w[nw].text = strdup("");
				w[nw++].endrow = 1;
			}
			free(f);
			continue;
		}
		if (len > 0 && ((uint8_t)f[0] == 0xfd ||
		    (uint8_t)f[0] == 0xfc)) {
			v = 0;
			memcpy(&v, f + 1, len - 1 < sizeof(v) ? len - 1 :
			    sizeof(v));
			if ((uint8_t)f[0] == 0xfd) {
				FUZZ_ASSERT(mp_csv_int(&c, v) == MP_OK);
				if ((w[nw].text = malloc(24)) == NULL)
					abort();
				snprintf(w[nw].text, 24, "%" PRId64, v);
			} else {
				FUZZ_ASSERT(mp_csv_tenths(&c, v) == MP_OK);
				w[nw].text = NULL;	/* checked loosely */
			}
			w[nw].len = w[nw].text != NULL ? strlen(w[nw].text) : 0;
			nw++;
			free(f);
			continue;
		}
		FUZZ_ASSERT(mp_csv_fieldn(&c, f, len) == MP_OK);
		w[nw].is_text = 1;
		if (risky(f, len)) {
			if ((w[nw].text = malloc(len + 2)) == NULL)
				abort();
			w[nw].text[0] = '\'';
			memcpy(w[nw].text + 1, f, len + 1);
			w[nw].len = len + 1;
			free(f);
		} else {
			w[nw].text = f;
			w[nw].len = len;
		}
		nw++;
	}
	if (nw == 0 || !w[nw - 1].endrow) {
		FUZZ_ASSERT(mp_csv_endrow(&c) == MP_OK);
		if (nw == 0) {
			w[nw].text = strdup("");
			w[nw].is_text = 0;
			w[nw++].len = 0;
		}
		w[nw - 1].endrow = 1;
	}
	FUZZ_ASSERT(mp_csv_flush(&c) == MP_OK);

	p = mp_buf_str(&s.b);
	end = p + mp_buf_len(&s.b);
	if (flags & 2) {
		FUZZ_ASSERT(end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0);
		p += 3;
	}
	for (i = 0; i < nw; i++) {
		FUZZ_ASSERT(read_field(p, end, sep, &got, &glen, &p,
		    &rowend));
		FUZZ_ASSERT(rowend == w[i].endrow);
		if (w[i].text != NULL)
			FUZZ_ASSERT(glen == w[i].len &&
			    memcmp(got, w[i].text, glen) == 0);
		else
			FUZZ_ASSERT(glen > 0 && strchr(got, sep) == NULL);
		if (w[i].is_text)
			FUZZ_ASSERT(!risky(got, glen));
		free(got);
		free(w[i].text);
	}
	FUZZ_ASSERT(p == end);
	mp_buf_free(&s.b);
	return 0;
}
