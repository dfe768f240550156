/*
 * fuzz-conf.c -- the configuration reader (lib/conf.c over
 * ClearSilver's HDF parser) on any text.  The configuration is written
 * by the administrator, not by the public, but a typing error must
 * give a message, never a crash.  ClearSilver itself is the system's
 * library, not instrumented: its memory errors are seen only where
 * they pass through the C library (ASan's interceptors).
 *
 * Invariants: every node of a parsed tree can be read back by its
 * dotted name; mp_conf_int returns a number in range or the default,
 * and agrees with mp_conf_check_int; mp_conf_bool returns 0, 1 or the
 * default; a refused text leaves a one-line reason.
 */
#include "config.h"

#include "fuzz.h"

#define DEPTH	16

static void
walk(const struct mp_conf *c, const char *prefix, int depth)
{
	void		*cur = NULL;
	const char	*child, *v;
	char		 name[512];
	long long	 n;
	int		 b, ok;

	if (depth > DEPTH)
		return;
	while ((child = mp_conf_child(c, prefix, &cur)) != NULL) {
		if ((size_t)snprintf(name, sizeof(name), "%s%s%s", prefix,
		    prefix[0] != '\0' ? "." : "", child) >= sizeof(name))
			continue;
		v = mp_conf_str(c, name, NULL);
		n = mp_conf_int(c, name, -7, 0, 100);
		ok = mp_conf_check_int(c, name, 0, 100);
		FUZZ_ASSERT(n == -7 || (n >= 0 && n <= 100));
		FUZZ_ASSERT(ok == (n != -7 || v == NULL || v[0] == '\0'));
		b = mp_conf_bool(c, name, 5);
		FUZZ_ASSERT(b == 0 || b == 1 || b == 5);
		if (strchr(child, '.') == NULL)
			walk(c, name, depth + 1);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{

	(void)argc;
	(void)argv;
	FUZZ_QUIET_LOG();
	return 0;
}

/* db.hosts: a list in bounds, or a one-line reason naming the key. */
static void
hosts_check(const struct mp_conf *c)
{
	struct mp_dbhost h[MP_DBHOST_MAX];
	char		 err[256];
	size_t		 n = 99, i;

	if (mp_dbhost_list(c, h, &n, err, sizeof(err)) == MP_OK) {
		FUZZ_ASSERT(n >= 1 && n <= MP_DBHOST_MAX);
		for (i = 0; i < n; i++)
			FUZZ_ASSERT(h[i].host[0] != '\0' &&
			    memchr(h[i].label, '\0', sizeof(h[i].label)) !=
			    NULL);
	} else {
		FUZZ_ASSERT(n == 0);
		FUZZ_ASSERT(strncmp(err, "db.", 3) == 0 &&
		    strchr(err, '\n') == NULL);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mp_conf	*c;
	char		*text, err[256];
	enum mp_err	 er;

	if ((text = malloc(size + 1)) == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	err[0] = '\0';
	er = mp_conf_parse(&c, text, err, sizeof(err));
	if (er == MP_OK) {
		FUZZ_ASSERT(c != NULL);
		walk(c, "", 0);
		(void)mp_conf_str(c, "db.socket", "");
		(void)mp_conf_int(c, "db.port", 3306, 1, 65535);
		hosts_check(c);
		FUZZ_ASSERT(mp_conf_file(c)[0] == '\0');
		mp_conf_free(c);
	} else {
		FUZZ_ASSERT(er == MP_ECONF || er == MP_ENOMEM);
		FUZZ_ASSERT(c == NULL);
		FUZZ_ASSERT(err[0] != '\0' && memchr(err, '\0', sizeof(err))
		    != NULL && strchr(err, '\n') == NULL);
	}
	free(text);
	return 0;
}
