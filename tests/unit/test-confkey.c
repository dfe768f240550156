/*
 * test-confkey.c -- the table of configuration keys: the table is
 * consistent, typed values come from it (defaults, bounds, bad values
 * warned about and replaced by the default, patterns), check finds
 * unknown keys and bad values with clear messages, and
 * conf/meldpunt.hdf.in documents exactly the keys of the table.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <regex.h>
#include <unistd.h>

#include "util.h"

/* Parse text or fail the test. */
static struct mp_conf *
parse(const char *text)
{
	struct mp_conf	*c;
	char		 err[256];

	err[0] = '\0';
	if (mp_conf_parse(&c, text, err, sizeof(err)) != MP_OK)
		fail_msg("parse: %s", err);
	return c;
}

/* The log lines written while the test runs, captured in a file. */
static char	logpath[64];
static int	logfd = -1;

static void
log_start(void)
{

	(void)snprintf(logpath, sizeof(logpath), "/tmp/test-confkey.XXXXXX");
	assert_true((logfd = mkstemp(logpath)) != -1);
	assert_int_equal(mp_log_open("test-confkey", logpath, MP_LOG_DEBUG),
	    MP_OK);
}

/* Stop capturing; the log's text into buf. */
static void
log_stop(char *buf, size_t sz)
{
	ssize_t	 n;

	mp_log_close();
	n = read(logfd, buf, sz - 1);
	close(logfd);
	unlink(logpath);
	logfd = -1;
	assert_true(n >= 0);
	buf[n] = '\0';
}

/* Every entry is complete and its default is a value it accepts. */
static void
test_table(void **state)
{
	const struct mp_confkey	*k, *f;
	char			 name[128], *ep;
	const char		*star;
	long long		 n;
	size_t			 i, j;
	int			 found;

	(void)state;
	for (i = 0; i < MP_CK__MAX; i++) {
		k = &mp_confkey_table[i];
		if (k->name == NULL)
			fail_msg("entry %zu has no name", i);
		assert_non_null(k->desc);
		assert_true(k->desc[0] != '\0');
		for (j = 0; j < i; j++)
			if (strcmp(mp_confkey_table[j].name, k->name) == 0)
				fail_msg("%s twice in the table", k->name);
		star = strchr(k->name, '*');
		/*
		 * A pattern names its parts; an explicit key has none.  The
		 * parts of retention.type.* are the signal types' slugs,
		 * which live in the database, not in the table; those of
		 * i18n.text.** a language and a key of its catalogue, which
		 * live in templates/i18n/ (lib/i18n.c).
		 */
		if (strncmp(k->name, "retention.type.", 15) == 0 ||
		    strncmp(k->name, "i18n.text.", 10) == 0)
			assert_null(k->parts);
		else
			assert_true((star != NULL) == (k->parts != NULL));
		switch (k->type) {
		case MP_CKT_INT:
			assert_non_null(k->def);
			errno = 0;
			n = strtoll(k->def, &ep, 10);
			if (*ep != '\0' || n < k->min || n > k->max)
				fail_msg("%s: default %s outside [%lld, %lld]",
				    k->name, k->def, k->min, k->max);
			break;
		case MP_CKT_BOOL:
			assert_non_null(k->def);
			assert_true(strcmp(k->def, "0") == 0 ||
			    strcmp(k->def, "1") == 0);
			break;
		case MP_CKT_ENUM:
			assert_non_null(k->values);
			assert_non_null(k->def);
			for (j = 0, found = 0; k->values[j] != NULL; j++)
				found |= strcmp(k->values[j], k->def) == 0;
			if (!found)
				fail_msg("%s: default %s not allowed", k->name,
				    k->def);
			break;
		default:
			assert_null(k->values);
			break;
		}
		/* Each name, and each instance of a pattern, finds itself. */
		if (star == NULL) {
			assert_ptr_equal(mp_confkey_find(k->name), k);
			continue;
		}
		if (k->parts == NULL) {
			(void)snprintf(name, sizeof(name), "%.*s%s%s",
			    (int)(star - k->name), k->name, "drugs",
			    star + 1);
			assert_ptr_equal(mp_confkey_find(name), k);
			continue;
		}
		for (j = 0; k->parts[j] != NULL; j++) {
			(void)snprintf(name, sizeof(name), "%.*s%s%s",
			    (int)(star - k->name), k->name, k->parts[j],
			    star + 1);
			f = mp_confkey_find(name);
			if (f != k)
				fail_msg("%s finds %s, not %s", name,
				    f == NULL ? "nothing" : f->name, k->name);
		}
	}
}

/* feedback.auto.<status> takes exactly the workflow's statuses. */
static void
test_status_parts(void **state)
{
	const struct mp_confkey	*k;
	char			 name[128], *p;
	size_t			 i, n;

	(void)state;
	k = &mp_confkey_table[MP_CK_FEEDBACK_AUTO_TEXT];
	for (i = 0; mp_workflow_statuses[i] != NULL; i++) {
		(void)snprintf(name, sizeof(name), "feedback.auto.%s.text",
		    mp_workflow_statuses[i]);
		for (p = name; *p != '\0'; p++)
			if (*p == ' ')
				*p = '_';
		if (mp_confkey_find(name) != k)
			fail_msg("%s is not in the table", name);
	}
	/* And no more: as many parts as statuses. */
	for (n = 0; k->parts[n] != NULL; n++)
		continue;
	assert_int_equal(n, i);
	assert_ptr_equal(mp_confkey_table[MP_CK_FEEDBACK_AUTO_ENABLED].parts,
	    k->parts);
}

/* Unset (or no configuration at all): the table's default. */
static void
test_defaults(void **state)
{
	struct mp_conf	*c = parse("other = 1\n");

	(void)state;
	assert_string_equal(mp_confkey_str(c, MP_CK_INSTANCE_NAME),
	    "Gemeente");
	assert_string_equal(mp_confkey_str(NULL, MP_CK_INSTANCE_NAME),
	    "Gemeente");
	assert_string_equal(mp_confkey_str(c, MP_CK_LOG_TARGET), "stderr");
	assert_string_equal(mp_confkey_str(c, MP_CK_HTTP_STATIC), "/static");
	assert_null(mp_confkey_str(c, MP_CK_CRYPTO_KEY_FILE));
	assert_null(mp_confkey_str(c, MP_CK_MAIL_SIGNATURE));
	assert_int_equal(mp_confkey_int(c, MP_CK_DB_PORT), 0);
	assert_int_equal(mp_confkey_int(c, MP_CK_CATALOG_TTL), 60);
	assert_int_equal(mp_confkey_int(c, MP_CK_INTAKE_FORM_TOKEN_TTL),
	    86400);
	assert_int_equal(mp_confkey_int(c, MP_CK_INTAKE_MAX_BODY),
	    54 * 1024 * 1024);
	assert_int_equal(mp_confkey_int(NULL, MP_CK_DB_ADMIN_RW_TIMEOUT),
	    3600);
	assert_int_equal(mp_confkey_bool(c, MP_CK_SANDBOX_SECCOMP), 1);
	assert_int_equal(mp_confkey_bool(c, MP_CK_AUTH_TOTP_REQUIRED), 0);
	assert_null(mp_confkey_str_at(c, MP_CK_DB_PROG_USER, "intake"));
	assert_int_equal(mp_confkey_bool_at(c, MP_CK_FEEDBACK_AUTO_ENABLED,
	    "afgerond"), 1);
	assert_string_equal(mp_confkey_get(c, "db.admin.user"), "root");
	assert_null(mp_confkey_get(c, "db.intake.password_file"));
	mp_conf_free(c);
}

/* Set values win; an empty number means the default. */
static void
test_values(void **state)
{
	struct mp_conf	*c = parse(
	    "instance.name = Gemeente Voorbeeld\n"
	    "db {\n port = 3307\n intake.user = mi\n admin.user = beheer\n"
	    " retries =\n}\n"
	    "sandbox.seccomp = off\n"
	    "feedback.auto.in_behandeling.enabled = no\n"
	    "feedback.auto.wacht_op_melder.text = Wij wachten op u.\n");

	(void)state;
	assert_string_equal(mp_confkey_str(c, MP_CK_INSTANCE_NAME),
	    "Gemeente Voorbeeld");
	assert_int_equal(mp_confkey_int(c, MP_CK_DB_PORT), 3307);
	assert_int_equal(mp_confkey_int(c, MP_CK_DB_RETRIES), 30);
	assert_int_equal(mp_confkey_bool(c, MP_CK_SANDBOX_SECCOMP), 0);
	assert_string_equal(mp_confkey_str_at(c, MP_CK_DB_PROG_USER,
	    "intake"), "mi");
	assert_null(mp_confkey_str_at(c, MP_CK_DB_PROG_USER, "export"));
	assert_string_equal(mp_confkey_get(c, "db.intake.user"), "mi");
	assert_string_equal(mp_confkey_get(c, "db.admin.user"), "beheer");
	assert_string_equal(mp_confkey_str(c, MP_CK_DB_ADMIN_USER), "beheer");
	assert_int_equal(mp_confkey_bool_at(c, MP_CK_FEEDBACK_AUTO_ENABLED,
	    "in_behandeling"), 0);
	assert_string_equal(mp_confkey_str_at(c, MP_CK_FEEDBACK_AUTO_TEXT,
	    "wacht_op_melder"), "Wij wachten op u.");
	/* A part with a dot cannot reach another key. */
	assert_null(mp_confkey_str_at(c, MP_CK_DB_PROG_USER, "x.intake"));
	mp_conf_free(c);
}

/* Out of bounds or junk: a warning naming key, value, range; default. */
static void
test_bounds(void **state)
{
	struct mp_conf	*c;
	char		 log[4096];

	(void)state;
	c = parse("intake.max_files = 20\ncatalog.ttl = 0\n"
	    "db.port = 65535\n");
	assert_int_equal(mp_confkey_int(c, MP_CK_INTAKE_MAX_FILES), 20);
	assert_int_equal(mp_confkey_int(c, MP_CK_CATALOG_TTL), 0);
	assert_int_equal(mp_confkey_int(c, MP_CK_DB_PORT), 65535);
	mp_conf_free(c);

	log_start();
	c = parse("intake.max_files = 21\ncatalog.ttl = -1\n"
	    "db.port = 12x\nhttp.secure_cookies = maybe\n"
	    "export.max_limit = 200\nexport.default_limit = 500\n");
	assert_int_equal(mp_confkey_int(c, MP_CK_INTAKE_MAX_FILES), 5);
	assert_int_equal(mp_confkey_int(c, MP_CK_CATALOG_TTL), 60);
	assert_int_equal(mp_confkey_int(c, MP_CK_DB_PORT), 0);
	assert_int_equal(mp_confkey_bool(c, MP_CK_HTTP_SECURE_COOKIES), 1);
	/* default_limit is bounded by max_limit's value. */
	assert_int_equal(mp_confkey_int_max(c, MP_CK_EXPORT_DEFAULT_LIMIT,
	    mp_confkey_int(c, MP_CK_EXPORT_MAX_LIMIT)), 100);
	mp_conf_free(c);
	log_stop(log, sizeof(log));
	print_message("# %s", log);
	/* The log quotes its message: a quote in it comes escaped. */
	assert_non_null(strstr(log, "intake.max_files = \\\"21\\\" is not a "
	    "whole number in [1, 20]; using 5"));
	assert_non_null(strstr(log, "catalog.ttl = \\\"-1\\\" is not a whole "
	    "number in [0, 86400]; using 60"));
	assert_non_null(strstr(log, "db.port = \\\"12x\\\""));
	assert_non_null(strstr(log, "http.secure_cookies = \\\"maybe\\\""));
	assert_non_null(strstr(log, "export.default_limit = \\\"500\\\" is not "
	    "a whole number in [1, 200]; using 100"));
}

/* Asking for a key as the wrong type is logged, not trusted. */
static void
test_wrong_type(void **state)
{
	char	 log[2048];

	(void)state;
	log_start();
	assert_int_equal(mp_confkey_int(NULL, MP_CK_INSTANCE_NAME), 0);
	assert_null(mp_confkey_str(NULL, MP_CK_DB_PORT));
	assert_null(mp_confkey_str_at(NULL, MP_CK_DB_NAME, "intake"));
	assert_null(mp_confkey_get(NULL, "db.nothere"));
	assert_null(mp_confkey_str(NULL, MP_CK__MAX));
	log_stop(log, sizeof(log));
	assert_non_null(strstr(log,
	    "instance.name is of type string, not int"));
	assert_non_null(strstr(log, "db.port is of type int, not string"));
	assert_non_null(strstr(log, "db.name is not a pattern"));
	assert_non_null(strstr(log, "db.nothere is not in the table"));
	assert_non_null(strstr(log, "is not in the table"));
}

/* What check reports, one line per finding. */
struct findings {
	char	 text[4096];
	int	 warnings, errors;
};

static void
collect(void *arg, int error, const char *msg)
{
	struct findings	*f = arg;
	size_t		 len = strlen(f->text);

	assert_null(strchr(msg, '\n'));
	(void)snprintf(f->text + len, sizeof(f->text) - len, "%s: %s\n",
	    error ? "error" : "warning", msg);
	if (error)
		f->errors++;
	else
		f->warnings++;
}

static void
test_check(void **state)
{
	struct mp_conf	*c;
	struct findings	 f;

	(void)state;
	memset(&f, 0, sizeof(f));
	c = parse("instance.name = X\n"
	    "db {\n prot = 3306\n intak.user = x\n intake.user = y\n"
	    " admin.user = root\n retries = 1001\n port = 0\n}\n"
	    "intake.max_files = 50\n"
	    "http.secure_cookies = maybe\n"
	    "auth.mode = ldap\n"
	    "dashboard.csv_separator =\n"
	    "log.level = INFO\n"
	    "feedback.auto.nieuw.enabled = 0\n"
	    "feedback.auto.gesloten.text = x\n"
	    "session.idle =\n");
	assert_int_equal(mp_confkey_check(c, collect, &f), 5);
	mp_conf_free(c);
	print_message("%s", f.text);
	assert_int_equal(f.errors, 5);
	assert_int_equal(f.warnings, 3);
	assert_non_null(strstr(f.text, "warning: unknown key db.prot "));
	assert_non_null(strstr(f.text, "warning: unknown key db.intak.user "));
	assert_non_null(strstr(f.text,
	    "warning: unknown key feedback.auto.gesloten.text "));
	assert_non_null(strstr(f.text, "error: db.retries = \"1001\": not a "
	    "whole number from 0 to 1000\n"));
	assert_non_null(strstr(f.text, "error: intake.max_files = \"50\": "
	    "not a whole number from 1 to 20\n"));
	assert_non_null(strstr(f.text, "error: http.secure_cookies = "
	    "\"maybe\": not 1/0, yes/no, true/false or on/off\n"));
	assert_non_null(strstr(f.text, "error: auth.mode = \"ldap\": not one "
	    "of \"portal\" or \"local\"\n"));
	assert_non_null(strstr(f.text, "error: dashboard.csv_separator = "
	    "\"\": not one of \";\" or \",\"\n"));
	/* Accepted: level names in any case, as mp_log_level takes them. */
	assert_null(strstr(f.text, "log.level"));
	assert_null(strstr(f.text, "session.idle"));
	assert_null(strstr(f.text, "db.intake.user"));

	/* A good file: nothing to say. */
	memset(&f, 0, sizeof(f));
	c = parse("db.port = 3306\ndb.hosts = a:1, b:2\nlog.level = debug\n"
	    "dashboard.csv_separator = ,\nauth.mode = local\n");
	assert_int_equal(mp_confkey_check(c, collect, &f), 0);
	mp_conf_free(c);
	assert_string_equal(f.text, "");
}

/*
 * The sample configuration with its commented-out settings made live:
 * a line "#name = value", "#name {" or "#}" is a setting shown but
 * not set, prose is anything else.
 */
static char *
sample_text(void)
{
	const char	*top;
	char		 path[1024], *text, *p, *line;
	regex_t		 re;
	FILE		*fp;
	long		 len;

	if ((top = getenv("top_srcdir")) == NULL)
		top = "..";
	(void)snprintf(path, sizeof(path), "%s/conf/meldpunt.hdf.in", top);
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("%s: %s (set top_srcdir)", path, strerror(errno));
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	assert_true((len = ftell(fp)) > 0);
	rewind(fp);
	assert_non_null(text = malloc((size_t)len + 1));
	assert_int_equal(fread(text, 1, (size_t)len, fp), (size_t)len);
	text[len] = '\0';
	fclose(fp);
	assert_int_equal(regcomp(&re, "^[ \t]*#[ \t]*([A-Za-z_][A-Za-z0-9_.]*"
	    "[ \t]*(=|\\{)|\\}[ \t]*$)", REG_EXTENDED | REG_NOSUB), 0);
	for (line = text; *line != '\0'; line = p + (*p != '\0')) {
		if ((p = strchr(line, '\n')) != NULL)
			*p = '\0';
		if (regexec(&re, line, 0, NULL, 0) == 0)
			*strchr(line, '#') = ' ';
		if (p == NULL)
			break;
		*p = '\n';
	}
	regfree(&re);
	return text;
}

struct doc {
	int	 seen[MP_CK__MAX];
	char	 text[4096];
};

static int
doc_one(const char *name, const char *value, void *arg)
{
	struct doc		*d = arg;
	const struct mp_confkey	*k;
	size_t			 len = strlen(d->text);

	(void)value;
	if ((k = mp_confkey_find(name)) == NULL)
		(void)snprintf(d->text + len, sizeof(d->text) - len,
		    "# conf/meldpunt.hdf.in has %s, which is not in the "
		    "table (lib/confkey.c)\n", name);
	else
		d->seen[k - mp_confkey_table]++;
	return 0;
}

/* conf/meldpunt.hdf.in documents exactly the keys of the table. */
static void
test_sample_documents_table(void **state)
{
	struct mp_conf	*c;
	struct doc	 d;
	struct findings	 f;
	char		*text;
	size_t		 i, len;

	(void)state;
	text = sample_text();
	c = parse(text);
	free(text);
	memset(&d, 0, sizeof(d));
	(void)mp_conf_walk(c, doc_one, &d);
	for (i = 0; i < MP_CK__MAX; i++)
		if (d.seen[i] == 0) {
			len = strlen(d.text);
			(void)snprintf(d.text + len, sizeof(d.text) - len,
			    "# %s is in the table but not in "
			    "conf/meldpunt.hdf.in\n",
			    mp_confkey_table[i].name);
		}
	if (d.text[0] != '\0')
		fail_msg("\n%s", d.text);
	/* And the sample's own values pass the check. */
	memset(&f, 0, sizeof(f));
	assert_int_equal(mp_confkey_check(c, collect, &f), 0);
	assert_string_equal(f.text, "");
	mp_conf_free(c);
}

/*
 * One manual page's keys: every word after an "Ic" macro on a macro
 * line must be a key meldpunt reads (the pages use Ic for keys only);
 * with seen non-NULL each ".It Ic name" entry counts for its table
 * entry, matched by its exact name (a pattern with its "*").
 * Findings are appended to msg.
 */
static void
manpage_keys(const char *page, int *seen, char *msg, size_t msgsz)
{
	const char	*top;
	char		 path[1024], line[1024], *w, *next, *save;
	size_t		 i, len, lineno = 0;
	FILE		*fp;
	int		 found, item;

	if ((top = getenv("top_srcdir")) == NULL)
		top = "..";
	(void)snprintf(path, sizeof(path), "%s/man/%s", top, page);
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("%s: %s (set top_srcdir)", path, strerror(errno));
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		if (line[0] != '.')
			continue;
		item = strncmp(line, ".It Ic ", 7) == 0;
		line[strcspn(line, "\n")] = '\0';
		for (w = strtok_r(line, " ", &save); w != NULL; w = next) {
			next = strtok_r(NULL, " ", &save);
			if (strcmp(w, "Ic") != 0 && strcmp(w, ".Ic") != 0)
				continue;
			if (next == NULL)
				break;
			found = 0;
			for (i = 0; i < MP_CK__MAX; i++)
				if (strcmp(mp_confkey_table[i].name, next) == 0) {
					found = 1;
					if (item && seen != NULL)
						seen[i]++;
				}
			if (!found && mp_confkey_find(next) == NULL) {
				len = strlen(msg);
				(void)snprintf(msg + len, msgsz - len,
				    "# man/%s:%zu names %s, which is not in "
				    "the table (lib/confkey.c)\n", page, lineno,
				    next);
			}
			item = 0;
		}
	}
	fclose(fp);
}

/*
 * man/meldpunt.hdf.5 documents exactly the keys of the table, one
 * ".It Ic" entry each; no page names a key the table does not have.
 * A key added to the table without its entry fails here.
 */
static void
test_manpage_documents_table(void **state)
{
	char	 msg[4096];
	int	 seen[MP_CK__MAX];
	size_t	 i, len;

	(void)state;
	memset(seen, 0, sizeof(seen));
	msg[0] = '\0';
	manpage_keys("meldpunt.hdf.5", seen, msg, sizeof(msg));
	manpage_keys("meldpuntctl.8", NULL, msg, sizeof(msg));
	manpage_keys("meldpunt-intake.8", NULL, msg, sizeof(msg));
	for (i = 0; i < MP_CK__MAX; i++) {
		len = strlen(msg);
		if (seen[i] != 1)
			(void)snprintf(msg + len, sizeof(msg) - len,
			    "# %s is in the table but has %d entries in "
			    "man/meldpunt.hdf.5\n", mp_confkey_table[i].name,
			    seen[i]);
	}
	if (msg[0] != '\0')
		fail_msg("\n%s", msg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_status_parts),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_sample_documents_table),
		cmocka_unit_test(test_manpage_documents_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
