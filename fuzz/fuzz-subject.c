/*
 * fuzz-subject.c -- the subject normalisers and extraction
 * (lib/subject.c) on any bytes.
 *
 * Input: one selector byte (the kind, and a small output size when its
 * high bit is set), then the text.  Invariants:
 * - a normaliser that fails leaves "" in its buffer; one that succeeds
 *   leaves a NUL-terminated form that fits, and that form read again
 *   gives itself;
 * - extraction finds at most max candidates, each inside the text,
 *   cut off only when max were found, no kind and form twice, and the
 *   text where each stands normalises to its form.
 */
#include "config.h"

#include "fuzz.h"

#define MAX_FOUND	8

static void
check_norm(enum mp_subject_kind kind, const char *text, size_t len,
    size_t outsz)
{
	char		 out[MP_SUBJECT_NORM_MAX], again[MP_SUBJECT_NORM_MAX];
	enum mp_err	 er;

	memset(out, 'x', sizeof(out));
	er = mp_subject_norm(kind, text, len, out, outsz);
	if (er != MP_OK) {
		FUZZ_ASSERT(er == MP_EINVAL || er == MP_ETOOBIG);
		FUZZ_ASSERT(out[0] == '\0');
		return;
	}
	FUZZ_ASSERT(memchr(out, '\0', outsz) != NULL);
	FUZZ_ASSERT(out[0] != '\0');
	er = mp_subject_norm(kind, out, strlen(out), again, sizeof(again));
	FUZZ_ASSERT(er == MP_OK);
	FUZZ_ASSERT(strcmp(out, again) == 0);
}

static void
check_extract(const char *text, size_t len)
{
	struct mp_subject_found	 f[MAX_FOUND];
	char			 norm[MP_SUBJECT_NORM_MAX];
	size_t			 n, i, j;
	int			 cut;

	FUZZ_ASSERT(mp_subject_extract(text, len, f, MAX_FOUND, &n, &cut) ==
	    MP_OK);
	FUZZ_ASSERT(n <= MAX_FOUND);
	FUZZ_ASSERT(!cut || n == MAX_FOUND);
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(f[i].len > 0 && f[i].off + f[i].len <= len);
		FUZZ_ASSERT(i == 0 || f[i].off > f[i - 1].off);
		for (j = 0; j < i; j++)
			FUZZ_ASSERT(f[j].kind != f[i].kind ||
			    strcmp(f[j].norm, f[i].norm) != 0);
		FUZZ_ASSERT(mp_subject_norm(f[i].kind, text + f[i].off,
		    f[i].len, norm, sizeof(norm)) == MP_OK);
		FUZZ_ASSERT(strcmp(norm, f[i].norm) == 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*text;
	size_t		 len, outsz;
	int		 kind;

	if (size < 1)
		return 0;
	text = (const char *)data + 1;
	len = size - 1;
	kind = data[0] & 0x0f;
	outsz = data[0] & 0x80 ? (size_t)(data[0] & 0x70) / 8 + 1 :
	    MP_SUBJECT_NORM_MAX;
	if (kind > 0 && kind < MP_SUBJECT__MAX)
		check_norm((enum mp_subject_kind)kind, text, len, outsz);
	else
		check_extract(text, len);
	return 0;
}
