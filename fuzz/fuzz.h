/*
 * fuzz.h -- what the libFuzzer targets in fuzz/ share: an invariant
 * check that aborts (so libFuzzer keeps the input as a crash), quiet
 * logging, and a reader of the fuzzer's bytes.
 *
 * Each target is one file fuzz/fuzz-NAME.c defining
 * LLVMFuzzerTestOneInput; fuzz/fuzz.sh builds and runs them.
 */
#ifndef MP_FUZZ_H
#define MP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meldpunt.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

/* An invariant of the code under test: abort with where and what. */
#define FUZZ_ASSERT(c) do {						\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

/* Log only errors, to stderr: a warning per input would drown libFuzzer. */
#define FUZZ_QUIET_LOG() \
	(void)mp_log_open("fuzz", "stderr", MP_LOG_ERR)

/* A cap for the targets' own buffers (mp_buf_init(b, 0) holds none). */
#define FUZZ_BUF_MAX	(64 * 1024 * 1024)

/* The fuzzer's input, consumed from the front. */
struct fuzz_in {
	const uint8_t	*p;
	size_t		 len;
};

/* One byte (0 when used up). */
static inline uint8_t
fuzz_byte(struct fuzz_in *in)
{
	uint8_t	 c;

	if (in->len == 0)
		return 0;
	c = in->p[0];
	in->p++;
	in->len--;
	return c;
}

/*
 * The next piece up to (not including) the byte sep, as a new
 * NUL-terminated string (caller frees); the rest when sep is absent.
 * *len (may be NULL) gets its size, which may include NULs.
 */
static inline char *
fuzz_piece(struct fuzz_in *in, uint8_t sep, size_t *len)
{
	const uint8_t	*e;
	size_t		 n;
	char		*s;

	e = in->len > 0 ? memchr(in->p, sep, in->len) : NULL;
	n = e != NULL ? (size_t)(e - in->p) : in->len;
	if ((s = malloc(n + 1)) == NULL)
		abort();
	if (n > 0)
		memcpy(s, in->p, n);
	s[n] = '\0';
	in->p += n;
	in->len -= n;
	if (e != NULL) {
		in->p++;
		in->len--;
	}
	if (len != NULL)
		*len = n;
	return s;
}

/* All of the rest, as fuzz_piece does it. */
static inline char *
fuzz_rest(struct fuzz_in *in, size_t *len)
{
	char	*s;

	if ((s = malloc(in->len + 1)) == NULL)
		abort();
	if (in->len > 0)
		memcpy(s, in->p, in->len);
	s[in->len] = '\0';
	if (len != NULL)
		*len = in->len;
	in->p += in->len;
	in->len = 0;
	return s;
}

#endif
