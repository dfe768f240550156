/*
 * alloc.c -- allocation wrappers: log a failure with the size asked for
 * and return NULL, so callers return MP_ENOMEM instead of exiting.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "log.h"

void *
mp_alloc(size_t sz)
{
	void	*p;

	if ((p = malloc(sz == 0 ? 1 : sz)) == NULL)
		mp_errx("malloc: %zu bytes", sz);
	return p;
}

void *
mp_alloc_calloc(size_t n, size_t sz)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, sz == 0 ? 1 : sz)) == NULL)
		mp_errx("calloc: %zu x %zu bytes", n, sz);
	return p;
}

void *
mp_alloc_realloc(void *old, size_t sz)
{
	void	*p;

	if ((p = realloc(old, sz == 0 ? 1 : sz)) == NULL)
		mp_errx("realloc: %zu bytes", sz);
	return p;
}

void *
mp_alloc_reallocarray(void *old, size_t n, size_t sz)
{

	if (sz != 0 && n > SIZE_MAX / sz) {
		mp_errx("reallocarray: %zu x %zu overflows", n, sz);
		return NULL;
	}
	return mp_alloc_realloc(old, n * sz);
}

char *
mp_alloc_strdup(const char *s)
{

	return mp_alloc_memdup0(s, strlen(s));
}

char *
mp_alloc_strndup(const char *s, size_t max)
{
	size_t	 len;

	for (len = 0; len < max && s[len] != '\0'; len++)
		continue;
	return mp_alloc_memdup0(s, len);
}

char *
mp_alloc_memdup0(const void *src, size_t len)
{
	char	*p;

	if (len == SIZE_MAX || (p = mp_alloc(len + 1)) == NULL)
		return NULL;
	if (len > 0)
		memcpy(p, src, len);
	p[len] = '\0';
	return p;
}

void
mp_alloc_wipe(void *p, size_t len)
{
	/* A volatile function pointer keeps the compiler from dropping it. */
	static void *(*const volatile wipe)(void *, int, size_t) = memset;

	if (p != NULL && len > 0)
		(void)wipe(p, 0, len);
}

void
mp_alloc_freezero(void *p, size_t len)
{

	if (p == NULL)
		return;
	mp_alloc_wipe(p, len);
	free(p);
}
