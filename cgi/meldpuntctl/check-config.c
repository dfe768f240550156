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

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	(*n)++;
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

int
cmd_check_config(struct ctl *c, int argc, char **argv)
{
	static const struct {
		const char	*name;
		long long	 min, max;
	} ints[] = {
		{ "intake.max_files", 1, 20 },
		{ "intake.max_file_size", 1, 104857600 },
		{ "intake.rate.per_client", 0, 1000000 },
		{ "intake.rate.global", 0, 100000000 },
		{ "intake.rate.window", 60, 86400 },
		{ "db.port", 0, 65535 },
		{ "db.retries", 0, 1000 },
		{ "db.retry_total_ms", 0, 600000 },
		{ "db.connect_timeout", 1, 3600 },
		{ "db.failback", 0, 86400 },
		{ "db.rw_timeout", 1, 86400 },
		{ "mail.max_tries", 1, 100 },
		{ "mail.retry_delay", 0, 86400 },
		{ "mail.retry_max_delay", 0, 604800 },
		{ "mail.send_timeout", 1, 3600 },
		{ "mail.claim_timeout", 60, 86400 },
		{ "export.default_limit", 1, 1000000 },
		{ "export.max_limit", 1, 1000000 },
		{ "export.pulls_per_minute", 1, 1000000 },
	};
	struct mp_keys	 keys;
	struct mp_dbhost hosts[MP_DBHOST_MAX];
	struct mp_db	*db = NULL;
	const char	*kf, *mailfrom, *url;
	char		 err[512], sect[64];
	size_t		 i, nhosts;
	int		 n = 0;
	long		 v;
	enum mp_err	 er;

	(void)argc;
	(void)argv;
	for (i = 0; i < MP_NELEM(ints); i++)
		if (!mp_conf_check_int(c->conf, ints[i].name, ints[i].min,
		    ints[i].max))
			problem(&n, "%s: not a whole number from %lld to %lld",
			    ints[i].name, ints[i].min, ints[i].max);
	if (mp_dbhost_list(c->conf, hosts, &nhosts, err, sizeof(err)) !=
	    MP_OK)
		problem(&n, "%s", err);
	if (mp_conf_str(c->conf, "db.name", "meldpunt")[0] == '\0')
		problem(&n, "db.name: empty");
	if (mp_conf_str(c->conf, "db.user", "meldpunt")[0] == '\0')
		problem(&n, "db.user: empty");
	if ((kf = mp_conf_str(c->conf, "crypto.key_file", NULL)) == NULL ||
	    kf[0] == '\0')
		problem(&n, "crypto.key_file: not set");
	else if (mp_keys_load(&keys, kf, err, sizeof(err)) != MP_OK)
		problem(&n, "crypto.key_file: %s", err);
	else
		mp_keys_wipe(&keys);
	/* Mail is optional until mail.from is set. */
	mailfrom = mp_conf_str(c->conf, "mail.from", "");
	if (mailfrom[0] != '\0' && !mp_valid_email(mailfrom))
		problem(&n, "mail.from: not a valid e-mail address");
	/*
	 * Reporters are sent to this address: https, except on the
	 * loopback, where only a demo or a test can be.
	 */
	url = mp_conf_str(c->conf, "mail.feedback_url", "");
	if (mailfrom[0] != '\0' && strncmp(url, "https://", 8) != 0 &&
	    strncmp(url, "http://127.0.0.1:", 17) != 0 &&
	    strncmp(url, "http://localhost:", 17) != 0)
		problem(&n, "mail.feedback_url: not an https:// address");
	check_dir(&n, "paths.templates", mp_conf_str(c->conf,
	    "paths.templates", TEMPLATEDIR), 0);
	check_dir(&n, "paths.spool", mp_conf_str(c->conf, "paths.spool",
	    SPOOLDIR), 1);
	check_dir(&n, "paths.sql", mp_conf_str(c->conf, "paths.sql",
	    SQLDIR), 0);

	/* With a bad list every connection would fail the same way. */
	if (nhosts == 0)
		return 1;
	if ((er = mp_db_open(&db, c->conf, 0)) != MP_OK)
		problem(&n, "db: %s (password file?)", mp_strerror(er));
	else if ((er = mp_db_connect(db)) != MP_OK)
		problem(&n, "db: cannot connect as %s (error %u)",
		    mp_conf_str(c->conf, "db.user", "meldpunt"),
		    mp_db_errno(db));
	else if ((v = mp_migrate_version(db)) == 0)
		problem(&n, "db: no schema yet; run " PROG " migrate");
	else if (v < 0)
		problem(&n, "db: cannot read the schema version"
		    " (error %u)", mp_db_errno(db));
	mp_db_close(db);
	db = NULL;
	/* Each program's own account, where one is set. */
	for (i = 0; i < CTL_NPROGS; i++) {
		(void)snprintf(sect, sizeof(sect), "db.%s.user",
		    ctl_grant_progs[i]);
		if (mp_conf_str(c->conf, sect, "")[0] == '\0')
			continue;
		if ((er = mp_db_open_as(&db, c->conf, ctl_grant_progs[i])) !=
		    MP_OK)
			problem(&n, "%s: %s (password file?)", sect,
			    mp_strerror(er));
		else if ((er = mp_db_connect(db)) != MP_OK)
			problem(&n, "db: cannot connect as %s (error %u);"
			    " run " PROG " grants", mp_conf_str(c->conf, sect,
			    ""), mp_db_errno(db));
		mp_db_close(db);
		db = NULL;
	}
	if (n > 0)
		return 1;
	printf("configuration OK\n");
	return 0;
}
