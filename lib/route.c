/*
 * route.c -- finding a program's page in its route table (route.h).
 */
#include "config.h"

#include <string.h>

#include "route.h"
#include "valid.h"

/* Match path against pattern; 1 and a set if so. */
static int
match(const char *p, const char *s, struct mp_route_args *a)
{
	size_t		 n = 0, len, tail;
	long long	 v;

	memset(a, 0, sizeof(*a));
	while (*p != '\0') {
		switch (*p) {
		case '#':
			v = 0;
			for (len = 0; s[len] >= '0' && s[len] <= '9'; len++)
				if (len < 18)
					v = v * 10 + (s[len] - '0');
			if (len == 0 || len > 18 || n >= MP_ROUTE_NUMS ||
			    v < 1 || v > MP_ROUTE_NUM_MAX)
				return 0;
			a->num[n++] = v;
			s += len;
			p++;
			break;
		case '*':
			len = strcspn(s, "/");
			if (len == 0 || len > MP_ROUTE_SLUG_MAX)
				return 0;
			memcpy(a->slug, s, len);
			a->slug[len] = '\0';
			if (!mp_valid_slug(a->slug))
				return 0;
			s += len;
			p++;
			break;
		case '$':
			p++;
			tail = strlen(p);
			len = strlen(s);
			if (len <= tail || strcmp(s + len - tail, p) != 0)
				return 0;
			a->text = s;
			a->textlen = len - tail;
			return 1;
		default:
			if (*p++ != *s++)
				return 0;
			break;
		}
	}
	return *s == '\0';
}

int
mp_route_find(const void *table, size_t n, size_t size, const char *method,
    const char *path, struct mp_route_args *args, size_t *found)
{
	const struct mp_route	*rt;
	struct mp_route_args	 a;
	size_t			 i;
	int			 path_found = 0;

	if (strcmp(method, "HEAD") == 0)
		method = "GET";
	for (i = 0; i < n; i++) {
		rt = (const struct mp_route *)(const void *)
		    ((const char *)table + i * size);
		if (!match(rt->pattern, path, &a))
			continue;
		path_found = 1;
		if (strcmp(rt->method, method) == 0) {
			*args = a;
			*found = i;
			return 0;
		}
	}
	return path_found ? 405 : 404;
}
