/*
 * alloc.h -- allocation wrappers that log a failure and return NULL
 * (never exit), and wiping of secrets before they are freed.
 */
#ifndef MP_ALLOC_H
#define MP_ALLOC_H

#include <stddef.h>

/* Each returns memory the caller frees with free(3), or NULL (logged). */
void	*mp_alloc(size_t);
void	*mp_alloc_calloc(size_t, size_t);
void	*mp_alloc_realloc(void *, size_t);
void	*mp_alloc_reallocarray(void *, size_t, size_t);
char	*mp_alloc_strdup(const char *);
char	*mp_alloc_strndup(const char *, size_t);
/* NUL-terminated copy of len bytes that may themselves hold NULs. */
char	*mp_alloc_memdup0(const void *, size_t);

/* Overwrite len bytes in a way the compiler may not remove. */
void	 mp_alloc_wipe(void *, size_t);
/* mp_alloc_wipe(p, len) then free(p); p may be NULL. */
void	 mp_alloc_freezero(void *, size_t);

#endif
