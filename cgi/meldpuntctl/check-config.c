/*
 * check-config.c -- meldpuntctl check-config: check the configuration,
 * the master key, the paths and every database account, naming each
 * problem on its own line.
 */
#include "config.h"

#include <sys/stat.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "meldpunt.h"
#include "ctl.h"

static void	problem(int *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
problem(int *n, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	ctl_vwarnx(fmt, ap);
	va_end(ap);
	(*n)++;
}

/* A finding of mp_confkey_check: an error counts, a warning does not. */
static void
check_report(void *arg, int error, const char *msg)
{

	(void)arg;
	ctl_warnx("%s%s", error ? "" : "warning: ", msg);
}

static void
check_dir(int *n, const char *key, const char *path, int writable)
{
	struct stat	 st;

	if (stat(path, &st) == -1)
		problem(n, "%s: %s: %s", key, path, strerror(errno));
	else if (!S_ISDIR(st.st_mode))
		problem(n, "%s: %s: not a directory", key, path);
	else if (access(path, writable ? R_OK | W_OK | X_OK : R_OK | X_OK))
		problem(n, "%s: %s: %s", key, path, writable ?
		    "not writable" : "not readable");
}

/*
 * The addresses reporters are given (lib/siteurl.c): https, except on
 * the loopback, where only a demo or a test can be.  A site that sets
 * secure cookies is taken for a real one: without site.public_url its
 * receipts would name the bare path, which is worth a warning.
 */
static void
check_urls(struct ctl *c, int *n, const char *mailfrom)
{
	const char	*base, *own;
	char		 url[MP_SITEURL_MAX];

	base = mp_confkey_str(c->conf, MP_CK_SITE_PUBLIC_URL);
	own = mp_confkey_str(c->conf, MP_CK_MAIL_FEEDBACK_URL);
	if (base[0] != '\0' && !mp_siteurl_valid(base))
		problem(n, "site.public_url: not an absolute address"
		    " (https://host)");
	else if (base[0] != '\0' && !mp_siteurl_public_ok(base))
		problem(n, "site.public_url: not an https:// address");
	else if (base[0] != '\0' && (strchr(base, '?') != NULL ||
	    strchr(base, '#') != NULL))
		problem(n, "site.public_url: a base address has no ? or #");
	if (own[0] != '\0' && !mp_siteurl_public_ok(own))
		problem(n, "mail.feedback_url: not an https:// address");
	own = mp_confkey_str(c->conf, MP_CK_MAIL_PRIVACY_URL);
	if (own[0] != '\0' && !mp_siteurl_public_ok(own))
		problem(n, "mail.privacy_url: not an https:// address");
	/* Neither set (a bad one is named above). */
	if (!mp_siteurl_feedback(c->conf, url) && base[0] == '\0' &&
	    mp_confkey_str(c->conf, MP_CK_MAIL_FEEDBACK_URL)[0] == '\0') {
		if (mailfrom[0] != '\0')
			problem(n, "site.public_url: not set (nor"
			    " mail.feedback_url); mail must name the"
			    " follow-up page");
		else if (mp_confkey_bool(c->conf, MP_CK_HTTP_SECURE_COOKIES))
			ctl_warnx("warning: site.public_url: not set; the"
			    " receipt names %s without the site's address",
			    url);
	}
}

/* The key file, mail and directories: what needs no database. */
static void
check_local(struct ctl *c, int *n)
{
	struct mp_keys	 keys;
	const char	*kf, *mailfrom;
	char		 err[512];

	if ((kf = mp_confkey_str(c->conf, MP_CK_CRYPTO_KEY_FILE)) == NULL ||
	    kf[0] == '\0')
		problem(n, "crypto.key_file: not set");
	else if (mp_keys_load(&keys, kf, err, sizeof(err)) != MP_OK)
		problem(n, "crypto.key_file: %s", err);
	else
		mp_keys_wipe(&keys);
	/* Mail is optional until mail.from is set. */
	mailfrom = mp_confkey_str(c->conf, MP_CK_MAIL_FROM);
	if (mailfrom[0] != '\0' && !mp_valid_email(mailfrom))
		problem(n, "mail.from: not a valid e-mail address");
	check_urls(c, n, mailfrom);
	check_dir(n, "paths.templates", mp_confkey_str(c->conf,
	    MP_CK_PATHS_TEMPLATES), 0);
	check_dir(n, "paths.spool", mp_confkey_str(c->conf,
	    MP_CK_PATHS_SPOOL), 1);
	check_dir(n, "paths.sql", mp_confkey_str(c->conf,
	    MP_CK_PATHS_SQL), 0);
}

/* The shared account connects and finds a schema. */
static void
check_db(struct ctl *c, int *n)
{
	struct mp_db	*db = NULL;
	long		 v;
	enum mp_err	 er;

	if ((er = mp_db_open(&db, c->conf, 0)) != MP_OK)
		problem(n, "db: %s (password file?)", mp_err_str(er));
	else if ((er = mp_db_connect(db)) != MP_OK)
		problem(n, "db: cannot connect as %s (error %u)",
		    mp_confkey_str(c->conf, MP_CK_DB_USER),
		    mp_db_errno(db));
	else if ((v = mp_migrate_version(db)) == 0)
		problem(n, "db: no schema yet; run " PROG " migrate");
	else if (v < 0)
		problem(n, "db: cannot read the schema version"
		    " (error %u)", mp_db_errno(db));
	mp_db_close(db);
}

/* Each program's own account, where one is set, connects. */
static void
check_prog_accounts(struct ctl *c, int *n)
{
	struct mp_db	*db = NULL;
	char		 sect[64];
	size_t		 i;
	enum mp_err	 er;

	for (i = 0; i < CTL_NPROGS; i++) {
		(void)snprintf(sect, sizeof(sect), "db.%s.user",
		    ctl_grant_progs[i]);
		if (ctl_conf_get(c, sect, "")[0] == '\0')
			continue;
		if ((er = mp_db_open_as(&db, c->conf, ctl_grant_progs[i])) !=
		    MP_OK)
			problem(n, "%s: %s (password file?)", sect,
			    mp_err_str(er));
		else if ((er = mp_db_connect(db)) != MP_OK)
			problem(n, "db: cannot connect as %s (error %u);"
			    " run " PROG " grants", ctl_conf_get(c, sect, ""),
			    mp_db_errno(db));
		mp_db_close(db);
		db = NULL;
	}
}

int
cmd_check_config(struct ctl *c, int argc, char **argv)
{
	struct mp_dbhost hosts[MP_DBHOST_MAX];
	char		 err[512];
	size_t		 nhosts;
	int		 n = 0;

	(void)argv;
	if (argc > 2) {
		ctl_usage();
		return 2;
	}
	/* Every key against the table (lib/confkey.c). */
	n += mp_confkey_check(c->conf, check_report, NULL);
	/* meldpuntctl's own list, when it has one. */
	if (mp_confkey_str(c->conf, MP_CK_DB_ADMIN_HOSTS) != NULL &&
	    mp_dbhost_admin_list(c->conf, hosts, &nhosts, err,
	    sizeof(err)) != MP_OK)
		problem(&n, "%s", err);
	if (mp_dbhost_list(c->conf, hosts, &nhosts, err, sizeof(err)) !=
	    MP_OK)
		problem(&n, "%s", err);
	if (mp_confkey_str(c->conf, MP_CK_DB_NAME)[0] == '\0')
		problem(&n, "db.name: empty");
	if (mp_confkey_str(c->conf, MP_CK_DB_USER)[0] == '\0')
		problem(&n, "db.user: empty");
	check_local(c, &n);

	/* With a bad list every connection would fail the same way. */
	if (nhosts == 0)
		return 1;
	check_db(c, &n);
	check_prog_accounts(c, &n);
	if (n > 0)
		return 1;
	printf("configuration OK\n");
	return 0;
}
