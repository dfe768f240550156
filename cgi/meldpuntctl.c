/*
 * meldpuntctl.c -- the command-line tool for IT and cron: schema
 * migrations and grants, configuration checks, the master key, demo
 * data, draining the spool and delivering the mail outbox.  Not a
 * FastCGI program.  Every error is one line on stderr and exit status
 * 1; a usage error exits 2.  The library's own log goes to stderr only
 * with -v (mail send logs to log.target, for cron and timers).
 */
#include "config.h"

#include <sys/stat.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "meldpunt.h"

#define PROG		"meldpuntctl"
#define GRANTS_MAX	(1024 * 1024)

struct ctl {
	struct mp_conf	*conf;
	struct mp_db	*db;
	struct mp_keys	 keys;
	int		 haskeys;
	int		 verbose;
};

struct cmd {
	const char	*name;
	int		(*fn)(struct ctl *, int, char **);
	int		 needs_conf;
	int		 needs_db;
	int		 needs_keys;
	int		 admin;
	const char	*args;
	const char	*help;
};

static int	cmd_help(struct ctl *, int, char **);
static int	cmd_version(struct ctl *, int, char **);
static int	cmd_migrate(struct ctl *, int, char **);
static int	cmd_grants(struct ctl *, int, char **);
static int	cmd_check_config(struct ctl *, int, char **);
static int	cmd_gen_key(struct ctl *, int, char **);
static int	cmd_contact_key(struct ctl *, int, char **);
static int	cmd_contact_migrate(struct ctl *, int, char **);
static int	cmd_seed_demo(struct ctl *, int, char **);
static int	cmd_drain_spool(struct ctl *, int, char **);
static int	cmd_user(struct ctl *, int, char **);
static int	cmd_team(struct ctl *, int, char **);
static int	cmd_mail(struct ctl *, int, char **);
static int	cmd_partner(struct ctl *, int, char **);

static const struct cmd cmds[] = {
	{ "help", cmd_help, 0, 0, 0, 0, "",
	  "show this list" },
	{ "version", cmd_version, 0, 0, 0, 0, "",
	  "show the version" },
	{ "migrate", cmd_migrate, 1, 1, 0, 1, "",
	  "apply new schema migrations from paths.sql (as db.admin)" },
	{ "grants", cmd_grants, 1, 1, 0, 1, "",
	  "create the database accounts (shared and per program) and"
	  " grant their rights" },
	{ "check-config", cmd_check_config, 1, 0, 0, 0, "[FILE]",
	  "check the configuration (or FILE), key, paths and database"
	  " connection" },
	{ "gen-key", cmd_gen_key, 0, 0, 0, 0, "FILE",
	  "write a new random master key to FILE (mode 0600)" },
	{ "contact-key", cmd_contact_key, 1, 0, 0, 0, "rotate",
	  "new contact key pair: appended to crypto.contact_private_file,"
	  " the public key replaces crypto.contact_public_file" },
	{ "contact-migrate", cmd_contact_migrate, 1, 1, 1, 0, "",
	  "re-seal contact details of the old symmetric scheme to the"
	  " current contact public key" },
	{ "seed-demo", cmd_seed_demo, 1, 1, 1, 0, "[--reports N] [--seed S]",
	  "fill the database with demo reports (default 300, seed 1)" },
	{ "drain-spool", cmd_drain_spool, 1, 1, 1, 0, "",
	  "store the reports waiting in the spool directory" },
	{ "user", cmd_user, 1, 1, 0, 0,
	  "add|disable|enable|list|set-role|set-identity|set-password"
	  "|reset-totp|set-email|add-team ...",
	  "dashboard users, at once (IT's bootstrap); \"user help\"" },
	{ "team", cmd_team, 1, 1, 0, 0, "add NAME | list",
	  "dashboard teams" },
	{ "mail", cmd_mail, 1, 1, 1, 0, "send | status | queue ...",
	  "deliver pending mail (cron); \"mail help\" for details" },
	{ "partner", cmd_partner, 1, 1, 1, 0,
	  "add|list|set|disable|enable|rotate-key ...",
	  "partners of the XML export; \"partner help\" for details" },
};

static void	warnx1(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

/* One line on stderr: "meldpuntctl: ...". */
static void
warnx1(const char *fmt, ...)
{
	va_list	 ap;

	fputs(PROG ": ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
usage(void)
{

	fprintf(stderr, "usage: " PROG " [-v] [-c FILE] COMMAND [ARGS]\n"
	    "       " PROG " help\n");
}

/* The reason a database step failed, for a one-line message. */
static const char *
dbwhy(struct ctl *c, enum mp_err er, char *buf, size_t sz)
{

	if (er == MP_EDBDOWN)
		snprintf(buf, sz, "cannot connect to the database"
		    " (error %u)%s", mp_db_errno(c->db),
		    c->verbose ? "" : "; -v shows why");
	else
		snprintf(buf, sz, "%s (error %u)%s", mp_strerror(er),
		    mp_db_errno(c->db), c->verbose ? "" : "; -v shows more");
	return buf;
}

static int
cmd_help(struct ctl *c, int argc, char **argv)
{
	size_t	 i;
	char	 left[64];

	(void)c;
	(void)argc;
	(void)argv;
	printf("usage: " PROG " [-v] [-c FILE] COMMAND [ARGS]\n\n"
	    "  -c FILE  configuration (default $MELDPUNT_CONFIG or %s)\n"
	    "  -v       show the library's log on stderr\n\ncommands:\n",
	    mp_conf_path(NULL));
	for (i = 0; i < MP_NELEM(cmds); i++) {
		snprintf(left, sizeof(left), "%s %s", cmds[i].name,
		    cmds[i].args);
		printf("  %-40s %s\n", left, cmds[i].help);
	}
	return 0;
}

static int
cmd_version(struct ctl *c, int argc, char **argv)
{

	(void)c;
	(void)argc;
	(void)argv;
	printf(PROG " %s\n", PACKAGE_VERSION);
	return 0;
}

static int
cmd_migrate(struct ctl *c, int argc, char **argv)
{
	const char	*dir = mp_confkey_str(c->conf, MP_CK_PATHS_SQL);
	struct mp_catalog cat;
	char		 err[512];
	int		 n, empty;
	long		 v;
	enum mp_err	 er;

	(void)argc;
	(void)argv;
	if ((er = mp_db_connect(c->db)) != MP_OK) {
		warnx1("%s", dbwhy(c, er, err, sizeof(err)));
		return 1;
	}
	if (mp_migrate(c->db, dir, &n, err, sizeof(err)) != MP_OK) {
		warnx1("%s", err);
		return 1;
	}
	if ((v = mp_migrate_version(c->db)) < 0) {
		warnx1("cannot read the schema version");
		return 1;
	}
	if (n > 0)
		printf("applied %d migration%s, schema at version %ld\n", n,
		    n == 1 ? "" : "s", v);
	else
		printf("schema up to date at version %ld\n", v);
	/* A new installation gets the standard forms, or every form would
	 * be a 404 until someone ran seed-demo; an existing catalogue is
	 * the administrators' and is left alone. */
	memset(&cat, 0, sizeof(cat));
	if ((er = mp_catalog_load(&cat, c->db, time(NULL), 0)) != MP_OK) {
		warnx1("cannot read the catalogue: %s", mp_strerror(er));
		return 1;
	}
	empty = cat.naud == 0;
	mp_catalog_free(&cat);
	if (empty) {
		if ((er = mp_seed_catalog(c->db)) != MP_OK) {
			warnx1("cannot install the standard catalogue: %s",
			    mp_strerror(er));
			return 1;
		}
		printf("installed the standard audiences and signal types\n");
	}
	return 0;
}

/* 1 if s is safe inside '' in an account name: letters, digits, ._-%: */
static int
account_part(const char *s, size_t max)
{
	size_t	 n;

	for (n = 0; s[n] != '\0'; n++)
		if (!isalnum((unsigned char)s[n]) &&
		    strchr("._-%:", s[n]) == NULL)
			return 0;
	return n > 0 && n <= max;
}

/* The password's hash as the server stores it ("*" and 40 hex). */
static enum mp_err
password_hash(struct mp_db *db, const char *pw, char out[42])
{
	static const char *const sql = "SELECT PASSWORD(?)";
	struct mp_stmt	*s;
	struct mp_dbval	 v[1];
	const char	*h;
	size_t		 i, len;
	enum mp_err	 er;

	v[0] = MP_DBTEXT(pw);
	if ((er = mp_db_query(db, &s, sql, v, 1)) != MP_OK)
		return er;
	er = MP_EDB;
	if (mp_stmt_next(s) == MP_OK &&
	    (h = mp_stmt_text(s, 0, &len)) != NULL && len == 41 &&
	    h[0] == '*') {
		for (i = 1; i < 41; i++)
			if (!isxdigit((unsigned char)h[i]))
				break;
		if (i == 41) {
			memcpy(out, h, 42);
			er = MP_OK;
		}
	}
	mp_stmt_done(s);
	return er;
}

/*
 * A configuration key by its full name, through the table of keys;
 * def only where the table has no default (the key is "not set").
 */
static const char *
conf_get(struct ctl *c, const char *name, const char *def)
{
	const char	*v;

	return (v = mp_confkey_get(c->conf, name)) != NULL ? v : def;
}

/* A configuration key below an account's section: "db" + ".user". */
static const char *
acct_str(struct ctl *c, const char *sect, const char *key, const char *def)
{
	char	 k[96];

	(void)snprintf(k, sizeof(k), "%s.%s", sect, key);
	return conf_get(c, k, def);
}

/*
 * An account's password from <sect>.password or <sect>.password_file
 * (sect "db" for the shared account, "db.intake" for a program's).
 */
static int
app_password(struct ctl *c, const char *sect, struct mp_buf *pw)
{
	const char	*p, *file;
	char		 tmp[512];
	ssize_t		 n;
	int		 fd;

	if ((p = acct_str(c, sect, "password", NULL)) != NULL)
		return mp_buf_addstr(pw, p) == MP_OK ? 0 : -1;
	file = acct_str(c, sect, "password_file", "");
	if (file[0] == '\0') {
		warnx1("%s.password or %s.password_file must be set", sect,
		    sect);
		return -1;
	}
	if ((fd = open(file, O_RDONLY | O_CLOEXEC)) == -1) {
		warnx1("%s: %s", file, strerror(errno));
		return -1;
	}
	while ((n = read(fd, tmp, sizeof(tmp))) > 0)
		if (mp_buf_add(pw, tmp, (size_t)n) != MP_OK) {
			n = -1;
			break;
		}
	mp_wipe(tmp, sizeof(tmp));
	close(fd);
	if (n < 0) {
		warnx1("%s: cannot read", file);
		return -1;
	}
	if (strcspn(mp_buf_str(pw), "\r\n") == 0) {
		warnx1("%s: empty", file);
		return -1;
	}
	return 0;
}

/* Replace every from in text by to, into out. */
static enum mp_err
subst(struct mp_buf *out, const char *text, const char *from,
    const char *to)
{
	const char	*p;
	size_t		 flen = strlen(from);
	enum mp_err	 er;

	while ((p = strstr(text, from)) != NULL) {
		if ((er = mp_buf_add(out, text, (size_t)(p - text))) !=
		    MP_OK || (er = mp_buf_addstr(out, to)) != MP_OK)
			return er;
		text = p + flen;
	}
	return mp_buf_addstr(out, text);
}

/* Read dir/name into b. */
static int
read_grants(const char *dir, const char *name, struct mp_buf *b)
{
	char	 path[PATH_MAX], tmp[4096];
	FILE	*f;
	size_t	 n;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path)) {
		warnx1("%s: path too long", dir);
		return -1;
	}
	if ((f = fopen(path, "r")) == NULL) {
		warnx1("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		if (mp_buf_add(b, tmp, n) != MP_OK) {
			fclose(f);
			warnx1("%s: too big", path);
			return -1;
		}
	if (ferror(f)) {
		fclose(f);
		warnx1("%s: read error", path);
		return -1;
	}
	fclose(f);
	return 0;
}

/*
 * The programs that may have a database account of their own
 * (db.<program>.user), each with the grants of grants-<program>.sql:
 * what that program needs and no more (see the files for why).
 */
static const char *const grant_progs[] = {
	"intake", "feedback", "export", "dashboard"
};

/*
 * Create (or update) one account and give it the grants of file.  sect
 * is "db" for the shared account or "db.<program>".  A program's
 * account loses every right first, so that it holds exactly what its
 * file grants even after a right was taken out of the file; the shared
 * account keeps the old behaviour (grants only add).
 *
 * CREATE USER and GRANT cannot take placeholders for names or the
 * password, so these statements are text.  Only validated parts go in:
 * the user and host match account_part() and the password enters as
 * the server's own hash of it (hex), computed by a prepared SELECT.
 */
static int
grant_account(struct ctl *c, const char *sect, const char *file,
    int exact)
{
	const char	*user = acct_str(c, sect, "user", "meldpunt");
	const char	*host = acct_str(c, sect, "app_host",
			    mp_confkey_str(c->conf, MP_CK_DB_APP_HOST));
	const char	*dir = mp_confkey_str(c->conf, MP_CK_PATHS_SQL);
	struct mp_buf	 pw, text, a, b, sql;
	char		 hash[42], qu[128], qh[128], why[256];
	int		 rc = 1, line = 0, i;
	enum mp_err	 er;

	mp_buf_init(&pw, 1024);
	mp_buf_init(&text, GRANTS_MAX);
	mp_buf_init(&a, GRANTS_MAX);
	mp_buf_init(&b, GRANTS_MAX);
	mp_buf_init(&sql, 1024);
	if (!account_part(user, 80)) {
		warnx1("%s.user: only letters, digits and ._- allowed", sect);
		goto out;
	}
	if (!account_part(host, 255)) {
		warnx1("%s.app_host: only letters, digits and ._-%%: allowed",
		    sect);
		goto out;
	}
	if (app_password(c, sect, &pw) == -1 ||
	    read_grants(dir, file, &text) == -1)
		goto out;
	{
		/* The file's first line, without the newline. */
		char	*p = (char *)mp_buf_str(&pw);

		p[strcspn(p, "\r\n")] = '\0';
		if ((er = password_hash(c->db, p, hash)) != MP_OK) {
			warnx1("cannot hash the password: %s",
			    dbwhy(c, er, why, sizeof(why)));
			goto out;
		}
	}
	snprintf(qu, sizeof(qu), "'%s'", user);
	snprintf(qh, sizeof(qh), "'%s'", host);
	for (i = 0; i < (exact ? 3 : 2); i++) {
		mp_buf_reset(&sql);
		if (i == 0)
			er = mp_buf_printf(&sql, "CREATE USER IF NOT EXISTS"
			    " %s@%s IDENTIFIED BY PASSWORD '%s'", qu, qh,
			    hash);
		else if (i == 1)
			er = mp_buf_printf(&sql, "ALTER USER %s@%s"
			    " IDENTIFIED BY PASSWORD '%s'", qu, qh, hash);
		else
			er = mp_buf_printf(&sql, "REVOKE ALL PRIVILEGES,"
			    " GRANT OPTION FROM %s@%s", qu, qh);
		if (er != MP_OK)
			goto out;
		if ((er = mp_db_exec_once(c->db, mp_buf_str(&sql),
		    mp_buf_len(&sql), NULL, 0, NULL)) != MP_OK) {
			warnx1("cannot %s user %s@%s: %s", i < 2 ? "create" :
			    "reset the rights of", qu, qh,
			    dbwhy(c, er, why, sizeof(why)));
			goto out;
		}
	}
	if (subst(&a, mp_buf_str(&text), "@APPUSER@", qu) != MP_OK ||
	    subst(&b, mp_buf_str(&a), "@APPHOST@", qh) != MP_OK) {
		warnx1("%s: too big", file);
		goto out;
	}
	if ((er = mp_sql_run(c->db, mp_buf_str(&b), mp_buf_len(&b),
	    &line)) != MP_OK) {
		warnx1("%s line %d: %s", file, line,
		    dbwhy(c, er, why, sizeof(why)));
		goto out;
	}
	printf("user %s@%s has its grants (%s)\n", qu, qh, file);
	rc = 0;
out:
	mp_buf_freezero(&pw);
	mp_buf_free(&text);
	mp_buf_free(&a);
	mp_buf_free(&b);
	mp_buf_free(&sql);
	return rc;
}

/*
 * The shared account (db.user: meldpuntctl's own commands, and every
 * program without an account of its own) gets grants.sql; each program
 * with db.<program>.user set gets its own account and file.  Two
 * accounts with one name would add up their rights, so that is refused.
 */
static int
cmd_grants(struct ctl *c, int argc, char **argv)
{
	const char	*u[MP_NELEM(grant_progs) + 1];
	char		 sect[32], file[64];
	size_t		 i, j, n = 0;

	(void)argc;
	(void)argv;
	u[n++] = mp_confkey_str(c->conf, MP_CK_DB_USER);
	for (i = 0; i < MP_NELEM(grant_progs); i++) {
		(void)snprintf(sect, sizeof(sect), "db.%s", grant_progs[i]);
		if ((u[n] = acct_str(c, sect, "user", "")) [0] == '\0')
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(u[j], u[n]) == 0) {
				warnx1("%s.user: \"%s\" is another account's"
				    " name; each program needs its own", sect,
				    u[n]);
				return 1;
			}
		n++;
	}
	if (grant_account(c, "db", "grants.sql", 0) != 0)
		return 1;
	for (i = 0; i < MP_NELEM(grant_progs); i++) {
		(void)snprintf(sect, sizeof(sect), "db.%s", grant_progs[i]);
		if (acct_str(c, sect, "user", "")[0] == '\0')
			continue;
		(void)snprintf(file, sizeof(file), "grants-%s.sql",
		    grant_progs[i]);
		if (grant_account(c, sect, file, 1) != 0)
			return 1;
	}
	return 0;
}

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

/* A finding of mp_confkey_check: an error counts, a warning does not. */
static void
check_report(void *arg, int error, const char *msg)
{

	(void)arg;
	warnx1("%s%s", error ? "" : "warning: ", msg);
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

static int
cmd_check_config(struct ctl *c, int argc, char **argv)
{
	struct mp_keys	 keys;
	struct mp_dbhost hosts[MP_DBHOST_MAX];
	struct mp_db	*db = NULL;
	const char	*kf, *mailfrom, *url;
	char		 err[512], sect[64];
	size_t		 i, nhosts;
	int		 n = 0;
	long		 v;
	enum mp_err	 er;

	(void)argv;
	if (argc > 2) {
		usage();
		return 2;
	}
	/* Every key against the table (lib/confkey.c). */
	n += mp_confkey_check(c->conf, check_report, NULL);
	if (mp_dbhost_list(c->conf, hosts, &nhosts, err, sizeof(err)) !=
	    MP_OK)
		problem(&n, "%s", err);
	if (mp_confkey_str(c->conf, MP_CK_DB_NAME)[0] == '\0')
		problem(&n, "db.name: empty");
	if (mp_confkey_str(c->conf, MP_CK_DB_USER)[0] == '\0')
		problem(&n, "db.user: empty");
	if ((kf = mp_confkey_str(c->conf, MP_CK_CRYPTO_KEY_FILE)) == NULL ||
	    kf[0] == '\0')
		problem(&n, "crypto.key_file: not set");
	else if (mp_keys_load(&keys, kf, err, sizeof(err)) != MP_OK)
		problem(&n, "crypto.key_file: %s", err);
	else
		mp_keys_wipe(&keys);
	/* Mail is optional until mail.from is set. */
	mailfrom = mp_confkey_str(c->conf, MP_CK_MAIL_FROM);
	if (mailfrom[0] != '\0' && !mp_valid_email(mailfrom))
		problem(&n, "mail.from: not a valid e-mail address");
	/*
	 * Reporters are sent to this address: https, except on the
	 * loopback, where only a demo or a test can be.
	 */
	url = mp_confkey_str(c->conf, MP_CK_MAIL_FEEDBACK_URL);
	if (mailfrom[0] != '\0' && strncmp(url, "https://", 8) != 0 &&
	    strncmp(url, "http://127.0.0.1:", 17) != 0 &&
	    strncmp(url, "http://localhost:", 17) != 0)
		problem(&n, "mail.feedback_url: not an https:// address");
	check_dir(&n, "paths.templates", mp_confkey_str(c->conf,
	    MP_CK_PATHS_TEMPLATES), 0);
	check_dir(&n, "paths.spool", mp_confkey_str(c->conf,
	    MP_CK_PATHS_SPOOL), 1);
	check_dir(&n, "paths.sql", mp_confkey_str(c->conf,
	    MP_CK_PATHS_SQL), 0);

	/* With a bad list every connection would fail the same way. */
	if (nhosts == 0)
		return 1;
	if ((er = mp_db_open(&db, c->conf, 0)) != MP_OK)
		problem(&n, "db: %s (password file?)", mp_strerror(er));
	else if ((er = mp_db_connect(db)) != MP_OK)
		problem(&n, "db: cannot connect as %s (error %u)",
		    mp_confkey_str(c->conf, MP_CK_DB_USER),
		    mp_db_errno(db));
	else if ((v = mp_migrate_version(db)) == 0)
		problem(&n, "db: no schema yet; run " PROG " migrate");
	else if (v < 0)
		problem(&n, "db: cannot read the schema version"
		    " (error %u)", mp_db_errno(db));
	mp_db_close(db);
	db = NULL;
	/* Each program's own account, where one is set. */
	for (i = 0; i < MP_NELEM(grant_progs); i++) {
		(void)snprintf(sect, sizeof(sect), "db.%s.user",
		    grant_progs[i]);
		if (conf_get(c, sect, "")[0] == '\0')
			continue;
		if ((er = mp_db_open_as(&db, c->conf, grant_progs[i])) !=
		    MP_OK)
			problem(&n, "%s: %s (password file?)", sect,
			    mp_strerror(er));
		else if ((er = mp_db_connect(db)) != MP_OK)
			problem(&n, "db: cannot connect as %s (error %u);"
			    " run " PROG " grants", conf_get(c, sect, ""),
			    mp_db_errno(db));
		mp_db_close(db);
		db = NULL;
	}
	if (n > 0)
		return 1;
	printf("configuration OK\n");
	return 0;
}

static int
cmd_gen_key(struct ctl *c, int argc, char **argv)
{
	char	 err[512];

	(void)c;
	if (argc != 2) {
		usage();
		return 2;
	}
	if (mp_keys_generate(argv[1], err, sizeof(err)) != MP_OK) {
		warnx1("%s", err);
		return 1;
	}
	printf("wrote a new key to %s\n", argv[1]);
	return 0;
}

/*
 * Rotation and first generation are one operation: the new pair goes
 * at the end of the private file (older keys stay, to open older
 * rows) and becomes the only key in the public file.
 */
static int
cmd_contact_key(struct ctl *c, int argc, char **argv)
{
	const char	*priv, *pub;
	char		 err[512], id[2 * MP_PK_IDLEN + 1];

	if (argc != 2 || strcmp(argv[1], "rotate") != 0) {
		usage();
		return 2;
	}
	priv = mp_confkey_str(c->conf, MP_CK_CRYPTO_CONTACT_PRIVATE_FILE);
	pub = mp_confkey_str(c->conf, MP_CK_CRYPTO_CONTACT_PUBLIC_FILE);
	if (priv[0] == '\0' || pub[0] == '\0') {
		warnx1("crypto.contact_private_file and "
		    "crypto.contact_public_file must both be set");
		return 1;
	}
	if (mp_pkring_rotate(priv, pub, id, err, sizeof(err)) != MP_OK) {
		warnx1("%s", err);
		return 1;
	}
	printf("new contact key %s: private key added to %s, public key "
	    "in %s\n", id, priv, pub);
	printf("restart the programs to seal to it; back up %s now\n",
	    priv);
	return 0;
}

static int
cmd_contact_migrate(struct ctl *c, int argc, char **argv)
{
	unsigned long long	 n = 0;
	enum mp_err		 er;

	(void)argv;
	if (argc != 1) {
		usage();
		return 2;
	}
	if (mp_pkring_current(&c->keys.contact) == NULL) {
		warnx1("no contact key: set crypto.contact_private_file and "
		    "run \"meldpuntctl contact-key rotate\" first");
		return 1;
	}
	er = mp_contact_migrate(c->db, &c->keys, &n);
	printf("re-sealed %llu contact row(s)\n", n);
	if (er != MP_OK) {
		warnx1("contact-migrate: %s", mp_strerror(er));
		return 1;
	}
	return 0;
}

/* A whole number in [min, max] or -1. */
static long long
number(const char *s, long long min, long long max)
{
	char		*end;
	long long	 v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (s[0] == '\0' || *end != '\0' || errno != 0 || v < min ||
	    v > max)
		return -1;
	return v;
}

static int
cmd_seed_demo(struct ctl *c, int argc, char **argv)
{
	long long	 nrep = 300, seed = 1;
	long		 done = 0;
	char		 why[256];
	int		 i;
	enum mp_err	 er;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--reports") == 0 && i + 1 < argc) {
			if ((nrep = number(argv[++i], 0, 100000000)) < 0) {
				warnx1("--reports: a number from 0 to"
				    " 100000000");
				return 2;
			}
		} else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
			if ((seed = number(argv[++i], 0, UINT_MAX)) < 0) {
				warnx1("--seed: a number from 0 to %u",
				    UINT_MAX);
				return 2;
			}
		} else {
			usage();
			return 2;
		}
	}
	er = mp_seed_demo(c->db, &c->keys, (long)nrep, (unsigned int)seed,
	    &done);
	if (er != MP_OK) {
		warnx1("seeding stopped after %ld reports: %s", done,
		    dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	printf("inserted %ld demo reports\n", done);
	return 0;
}

static int
cmd_drain_spool(struct ctl *c, int argc, char **argv)
{
	const char	*dir = mp_confkey_str(c->conf, MP_CK_PATHS_SPOOL);
	long		 stored = 0, failed = 0;
	char		 why[256];
	enum mp_err	 er;

	(void)argc;
	(void)argv;
	er = mp_spool_drain(dir, c->db, &c->keys, &stored, &failed);
	printf("stored %ld, failed %ld\n", stored, failed);
	if (er != MP_OK) {
		warnx1("%s: %s", dir, dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	return failed > 0 ? 1 : 0;
}

/* ------------------------------------------------------------------ */
/* Users and teams of the dashboard.                                   */

static void
user_usage(void)
{

	fprintf(stderr, "usage: " PROG " user add NAME ROLE [DISPLAY NAME]"
	    " [--team TEAM]... [--identity]\n"
	    "       " PROG " user disable|enable NAME\n"
	    "       " PROG " user list\n"
	    "       " PROG " user set-role NAME ROLE\n"
	    "       " PROG " user set-identity NAME on|off\n"
	    "       " PROG " user set-password NAME   (reads one line from"
	    " stdin)\n"
	    "       " PROG " user reset-totp NAME\n"
	    "       " PROG " user add-team NAME TEAM\n"
	    "       " PROG " user set-email NAME ADDRESS  (\"\" removes"
	    " it)\n"
	    "roles: handler, coordinator, admin, auditor\n"
	    "--identity, set-identity: the right to see reporters' names,"
	    " e-mail and\n"
	    "phone (handler and coordinator only).\n"
	    "\n"
	    "These commands take effect at once.  They are IT's way, on the"
	    " server,\n"
	    "to set up the first accounts.  In the dashboard a change that"
	    " lets an\n"
	    "account read reports or grant rights waits until a second"
	    " person\n"
	    "confirms it, and nobody changes their own rights there.\n");
}

static void
print_user(const struct mp_user *u, const char *teams, void *arg)
{

	(void)arg;
	printf("%-20s %-12s %-8s %-9s %-5s %-8s %s (%s)\n", u->username,
	    mp_role_name(u->role), u->disabled ? "disabled" : "active",
	    u->has_password ? "password" : "-", u->totp_enabled ? "totp" :
	    "-", u->identity ? "identity" : "-", u->display, teams);
}

/* Look up NAME into u, with a message when absent. */
static int
find_user(struct ctl *c, const char *name, struct mp_user *u)
{
	char		 why[256];
	enum mp_err	 er;

	if ((er = mp_user_get(c->db, name, u, NULL)) == MP_OK)
		return 0;
	if (er == MP_ENOTFOUND)
		warnx1("no user %s", name);
	else
		warnx1("%s", dbwhy(c, er, why, sizeof(why)));
	return -1;
}

static int
find_team(struct ctl *c, const char *name, struct mp_team *t)
{
	char		 why[256];
	enum mp_err	 er;

	if ((er = mp_team_get(c->db, name, t)) == MP_OK)
		return 0;
	if (er == MP_ENOTFOUND)
		warnx1("no team %s; make it with " PROG " team add", name);
	else
		warnx1("%s", dbwhy(c, er, why, sizeof(why)));
	return -1;
}

/* One line from stdin without its newline into b; -1 on none. */
static int
read_line(struct mp_buf *b)
{
	int	 ch;

	while ((ch = getchar()) != EOF && ch != '\n')
		if (mp_buf_addc(b, (char)ch) != MP_OK)
			return -1;
	if (ch == EOF && mp_buf_len(b) == 0)
		return -1;
	if (mp_buf_len(b) > 0 && mp_buf_str(b)[mp_buf_len(b) - 1] == '\r')
		((char *)mp_buf_str(b))[mp_buf_len(b) - 1] = '\0';
	return 0;
}

static int
user_add(struct ctl *c, int argc, char **argv)
{
	struct mp_team	 t;
	enum mp_role	 role;
	long long	 id;
	const char	*display = NULL;
	char		 why[256];
	int		 i, identity = 0;
	enum mp_err	 er;

	if (argc < 4) {
		user_usage();
		return 2;
	}
	if (!mp_valid_username(argv[2])) {
		warnx1("%s: a user name is 1-64 letters, digits and ._@-",
		    argv[2]);
		return 2;
	}
	if (!mp_role_parse(argv[3], &role)) {
		warnx1("%s: unknown role", argv[3]);
		return 2;
	}
	for (i = 4; i < argc; i++) {
		if (strcmp(argv[i], "--team") == 0 && i + 1 < argc) {
			if (find_team(c, argv[++i], &t) == -1)
				return 1;
		} else if (strcmp(argv[i], "--identity") == 0) {
			if (!mp_access_can(role, MP_PERM_REPORTER_ID)) {
				warnx1("a %s cannot have the identity right",
				    mp_role_name(role));
				return 2;
			}
			identity = 1;
		} else if (display == NULL && argv[i][0] != '-')
			display = argv[i];
		else {
			user_usage();
			return 2;
		}
	}
	er = mp_user_insert(c->db, argv[2], display != NULL ? display :
	    argv[2], role, &id);
	if (er == MP_EDUP) {
		warnx1("user %s exists already", argv[2]);
		return 1;
	}
	if (er == MP_EINVAL) {
		warnx1("the display name must be one line of at most %d"
		    " characters", MP_DISPLAY_MAX);
		return 2;
	}
	if (er != MP_OK) {
		warnx1("%s", dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	for (i = 4; i < argc; i++)
		if (strcmp(argv[i], "--team") == 0) {
			if (find_team(c, argv[++i], &t) == -1)
				return 1;
			if ((er = mp_team_add_member(c->db, t.id, id)) !=
			    MP_OK) {
				warnx1("%s", dbwhy(c, er, why, sizeof(why)));
				return 1;
			}
		}
	if (identity && (er = mp_user_set_identity(c->db, id, 1)) != MP_OK) {
		warnx1("%s", dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	printf("user %s added as %s%s\n", argv[2], mp_role_name(role),
	    identity ? " with the identity right" : "");
	return 0;
}

static int
cmd_user(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	struct mp_team	 t;
	struct mp_buf	 pw;
	enum mp_role	 role;
	const char	*sub = argc > 1 ? argv[1] : "";
	char		 why[256];
	long long	 minlen;
	enum mp_err	 er;

	if (strcmp(sub, "add") == 0)
		return user_add(c, argc, argv);
	if (strcmp(sub, "list") == 0 && argc == 2) {
		if ((er = mp_user_list(c->db, print_user, NULL)) != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		return 0;
	}
	if ((strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) &&
	    argc == 3) {
		if (find_user(c, argv[2], &u) == -1)
			return 1;
		if ((er = mp_user_set_disabled(c->db, u.id,
		    sub[0] == 'd')) != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("user %s %sd\n", argv[2], sub);
		return 0;
	}
	if (strcmp(sub, "set-role") == 0 && argc == 4) {
		if (!mp_role_parse(argv[3], &role)) {
			warnx1("%s: unknown role", argv[3]);
			return 2;
		}
		if (find_user(c, argv[2], &u) == -1)
			return 1;
		if ((er = mp_user_set_role(c->db, u.id, role)) != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("user %s is now %s\n", argv[2], argv[3]);
		return 0;
	}
	if (strcmp(sub, "set-identity") == 0 && argc == 4 &&
	    (strcmp(argv[3], "on") == 0 || strcmp(argv[3], "off") == 0)) {
		if (find_user(c, argv[2], &u) == -1)
			return 1;
		er = mp_user_set_identity(c->db, u.id, argv[3][1] == 'n');
		if (er == MP_EINVAL) {
			warnx1("a %s cannot have the identity right",
			    mp_role_name(u.role));
			return 2;
		}
		if (er != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("identity right of %s %s\n", argv[2], argv[3]);
		return 0;
	}
	if (strcmp(sub, "reset-totp") == 0 && argc == 3) {
		if (find_user(c, argv[2], &u) == -1)
			return 1;
		if ((er = mp_user_reset_totp(c->db, u.id)) != MP_OK ||
		    (er = mp_session_end_owner(c->db, MP_SESS_STAFF, u.id)) !=
		    MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("second factor of %s removed; set up anew at the next"
		    " sign-in\n", argv[2]);
		return 0;
	}
	if (strcmp(sub, "add-team") == 0 && argc == 4) {
		if (find_user(c, argv[2], &u) == -1 ||
		    find_team(c, argv[3], &t) == -1)
			return 1;
		if ((er = mp_team_add_member(c->db, t.id, u.id)) != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("user %s is in team %s\n", argv[2], argv[3]);
		return 0;
	}
	if (strcmp(sub, "set-email") == 0 && argc == 4) {
		if (argv[3][0] != '\0' && !mp_valid_email(argv[3])) {
			warnx1("%s: not a valid e-mail address", argv[3]);
			return 2;
		}
		if (find_user(c, argv[2], &u) == -1)
			return 1;
		if ((er = mp_user_set_email(c->db, u.id, argv[3])) != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("e-mail address of %s %s\n", argv[2],
		    argv[3][0] != '\0' ? "set" : "removed");
		return 0;
	}
	if (strcmp(sub, "set-password") == 0 && argc == 3) {
		if (find_user(c, argv[2], &u) == -1)
			return 1;
		minlen = mp_confkey_int(c->conf,
		    MP_CK_AUTH_PASSWORD_MIN_LENGTH);
		mp_buf_init(&pw, 2048);
		if (isatty(STDIN_FILENO))
			fprintf(stderr, "password for %s (at least %lld"
			    " characters): ", argv[2], minlen);
		if (read_line(&pw) == -1) {
			mp_buf_freezero(&pw);
			warnx1("no password on stdin");
			return 1;
		}
		er = mp_user_set_password(c->db, u.id, mp_buf_str(&pw),
		    (size_t)minlen);
		mp_buf_freezero(&pw);
		if (er == MP_EINVAL) {
			warnx1("a password has at least %lld characters",
			    minlen);
			return 1;
		}
		if (er != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("password of %s set\n", argv[2]);
		return 0;
	}
	user_usage();
	return strcmp(sub, "help") == 0 ? 0 : 2;
}

static void
print_team(const struct mp_team *t, void *arg)
{

	(void)arg;
	printf("%-30s %-8s %lld members\n", t->name, t->active ? "active" :
	    "inactive", t->members);
}

static int
cmd_team(struct ctl *c, int argc, char **argv)
{
	char		 why[256];
	enum mp_err	 er;

	if (argc == 3 && strcmp(argv[1], "add") == 0) {
		er = mp_team_insert(c->db, argv[2], NULL);
		if (er == MP_EDUP) {
			warnx1("team %s exists already", argv[2]);
			return 1;
		}
		if (er == MP_EINVAL) {
			warnx1("a team name is one line of at most %d"
			    " characters", MP_TEAMNAME_MAX);
			return 2;
		}
		if (er != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("team %s added\n", argv[2]);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((er = mp_team_list(c->db, print_team, NULL)) != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		return 0;
	}
	fprintf(stderr, "usage: " PROG " team add NAME | team list\n");
	return 2;
}

/* ------------------------------------------------------------------ */
/* The mail outbox.                                                    */

static void
mail_usage(void)
{

	fprintf(stderr, "usage: " PROG " mail send\n"
	    "       " PROG " mail status\n"
	    "       " PROG " mail queue reporter|handler REFERENCE\n");
}

/* Queue one notification by hand, in a transaction as the programs do. */
struct queue_arg {
	int		 handler;
	long long	 id;
};

static enum mp_err
queue_txn(struct mp_db *db, void *arg)
{
	struct queue_arg *q = arg;

	return q->handler ? mp_outbox_notify_handler(db, (uint64_t)q->id) :
	    mp_outbox_notify_reporter(db, (uint64_t)q->id);
}

static int
mail_queue(struct ctl *c, const char *kind, const char *ref)
{
	static const char sql_ref[] =
	    "SELECT id FROM report WHERE reference = ?";
	struct queue_arg q;
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	char		 why[256];
	enum mp_err	 er;

	memset(&q, 0, sizeof(q));
	if (strcmp(kind, "handler") == 0)
		q.handler = 1;
	else if (strcmp(kind, "reporter") != 0) {
		mail_usage();
		return 2;
	}
	if (strlen(ref) > 24 || strncmp(ref, "M-", 2) != 0) {
		warnx1("%s: not a report reference (M-...)", ref);
		return 2;
	}
	v[0] = MP_DBTEXT(ref);
	if ((er = mp_db_query(c->db, &st, sql_ref, v, 1)) == MP_OK) {
		if ((er = mp_stmt_next(st)) == MP_OK)
			q.id = mp_stmt_int(st, 0);
		mp_stmt_done(st);
	}
	if (er == MP_ENOTFOUND) {
		warnx1("%s: no such report", ref);
		return 1;
	}
	if (er == MP_OK)
		er = mp_db_txn(c->db, queue_txn, &q);
	if (er != MP_OK) {
		warnx1("%s", dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	printf("queued for the %s of %s if there is an address\n", kind,
	    ref);
	return 0;
}

static int
cmd_mail(struct ctl *c, int argc, char **argv)
{
	struct mp_outbox_stats st;
	long long	 pending, sent, failed;
	const char	*sub = argc > 1 ? argv[1] : "";
	char		 why[256];
	int		 level;
	enum mp_err	 er;

	if (strcmp(sub, "send") == 0 && argc == 2) {
		/*
		 * A run from cron or a timer must leave its reasons in
		 * the instance's log, not only on a terminal: use the
		 * configured log unless -v asked for stderr.
		 */
		if (!c->verbose) {
			if ((level = mp_log_level(mp_confkey_str(c->conf,
			    MP_CK_LOG_LEVEL))) < 0)
				level = MP_LOG_INFO;
			mp_log_close();
			if (mp_log_open(PROG, mp_confkey_str(c->conf,
			    MP_CK_LOG_TARGET),
			    (enum mp_loglevel)level) != MP_OK)
				(void)mp_log_open(PROG, "stderr",
				    (enum mp_loglevel)level);
		}
		er = mp_outbox_send(c->db, c->conf, &c->keys, &st);
		printf("sent %ld, merged %ld, deferred %ld, given up %ld\n",
		    st.sent, st.merged, st.deferred, st.failed);
		if (er == MP_ECONF) {
			warnx1("the mail settings are incomplete or wrong"
			    " (mail.from, mail.feedback_url, texts); see the"
			    " log");
			return 1;
		}
		if (er != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		return st.failed > 0 ? 1 : 0;
	}
	if (strcmp(sub, "status") == 0 && argc == 2) {
		if ((er = mp_outbox_count(c->db, &pending, &sent, &failed)) !=
		    MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("pending %lld, sent %lld, failed %lld\n", pending,
		    sent, failed);
		return 0;
	}
	if (strcmp(sub, "queue") == 0 && argc == 4)
		return mail_queue(c, argv[2], argv[3]);
	mail_usage();
	return strcmp(sub, "help") == 0 ? 0 : 2;
}

/* ------------------------------------------------------------------ */
/* Partners of the XML export.                                         */

static void
partner_usage(void)
{

	fprintf(stderr,
	    "usage: " PROG " partner add NAME DISPLAY-NAME [OPTIONS]\n"
	    "       " PROG " partner set NAME OPTIONS\n"
	    "       " PROG " partner list\n"
	    "       " PROG " partner disable|enable NAME\n"
	    "       " PROG " partner rotate-key NAME\n"
	    "options:\n"
	    "  --fields LIST        profile: alle, or a comma list of status,"
	    "\n"
	    "                       signaaltype, kanaal, doelgroep, data,"
	    " waarneming,\n"
	    "                       omschrijving, adres, personen, bedrijven,"
	    "\n"
	    "                       voertuigen (default: alle)\n"
	    "  --signal-types LIST  share every report of these signal types"
	    "\n"
	    "                       (comma list of slugs; \"\" for none)\n"
	    "  --cert-subject DN    require this TLS client certificate"
	    " subject\n"
	    "                       (\"\" for none)\n"
	    "  --pulls-per-minute N pulls allowed per minute (0: the"
	    " configured\n"
	    "                       export.pulls_per_minute)\n"
	    "The key is printed once, on stdout; only its hash is stored.\n");
}

struct popts {
	const char	*fields, *types, *cert;
	long long	 ppm;		/* -1: not given */
};

/* Read the options from argv[i...]; -1 on a usage error. */
static int
partner_opts(int argc, char **argv, int i, struct popts *o)
{

	memset(o, 0, sizeof(*o));
	o->ppm = -1;
	for (; i < argc; i++) {
		if (i + 1 >= argc)
			return -1;
		if (strcmp(argv[i], "--fields") == 0)
			o->fields = argv[++i];
		else if (strcmp(argv[i], "--signal-types") == 0)
			o->types = argv[++i];
		else if (strcmp(argv[i], "--cert-subject") == 0)
			o->cert = argv[++i];
		else if (strcmp(argv[i], "--pulls-per-minute") == 0) {
			if ((o->ppm = number(argv[++i], 0, 1000000)) < 0)
				return -1;
		} else
			return -1;
	}
	return 0;
}

static void
print_partner(const struct mp_partner *p, const char *rule,
    long long shares, void *arg)
{
	char	 f[256];

	(void)arg;
	mp_partner_fields_format(p->fields, f, sizeof(f));
	printf("%-16s %-8s %-30s shares %lld\n", p->name, p->disabled ?
	    "disabled" : "active", p->display, shares);
	printf("  fields: %s\n  signal types: %s\n  certificate: %s\n"
	    "  pulls per minute: %lld%s\n", f, rule[0] != '\0' ? rule :
	    "(none)", p->cert[0] != '\0' ? p->cert : "(none)",
	    p->pulls_per_minute, p->pulls_per_minute == 0 ? " (default)" :
	    "");
}

/* Apply the options of set (or add, after the insert). */
static int
partner_apply(struct ctl *c, const char *name, const struct popts *o)
{
	unsigned	 mask;
	long long	 n = 0;
	char		 why[256];
	enum mp_err	 er = MP_OK;

	if (o->fields != NULL) {
		if (mp_partner_fields_parse(o->fields, &mask) != MP_OK) {
			warnx1("--fields: unknown field in \"%s\"",
			    o->fields);
			return 2;
		}
		er = mp_partner_set_fields(c->db, name, mask);
	}
	if (er == MP_OK && o->cert != NULL)
		er = mp_partner_set_cert(c->db, name, o->cert);
	if (er == MP_OK && o->ppm >= 0)
		er = mp_partner_set_limit(c->db, name, o->ppm);
	if (er == MP_OK && o->types != NULL) {
		er = mp_partner_set_rule(c->db, name, o->types, &n);
		if (er == MP_OK)
			printf("signal types set; %lld reports newly"
			    " shared\n", n);
		else if (er == MP_EINVAL) {
			warnx1("--signal-types: unknown signal type in"
			    " \"%s\"", o->types);
			return 2;
		}
	}
	if (er == MP_ENOTFOUND) {
		warnx1("no partner %s", name);
		return 1;
	}
	if (er == MP_EINVAL) {
		warnx1("a value is not valid (subject: one line of at most"
		    " %d characters)", MP_PARTNER_CERT_MAX);
		return 2;
	}
	if (er != MP_OK) {
		warnx1("%s", dbwhy(c, er, why, sizeof(why)));
		return 1;
	}
	return 0;
}

static int
cmd_partner(struct ctl *c, int argc, char **argv)
{
	const char	*sub = argc > 1 ? argv[1] : "help";
	struct popts	 o;
	char		 key[MP_PARTNER_KEY_SZ], why[256];
	unsigned	 mask = MP_PF_ALL;
	enum mp_err	 er;

	if (strcmp(sub, "add") == 0 && argc >= 4) {
		if (partner_opts(argc, argv, 4, &o) == -1) {
			partner_usage();
			return 2;
		}
		if (o.fields != NULL &&
		    mp_partner_fields_parse(o.fields, &mask) != MP_OK) {
			warnx1("--fields: unknown field in \"%s\"", o.fields);
			return 2;
		}
		er = mp_partner_add(c->db, &c->keys, argv[2], argv[3], mask,
		    o.cert, o.ppm > 0 ? o.ppm : 0, o.types, key, NULL);
		if (er == MP_EDUP) {
			warnx1("partner %s exists already", argv[2]);
			return 1;
		}
		if (er == MP_EINVAL) {
			warnx1("a partner name is 1-%d of a-z, 0-9 and -; the"
			    " display name one line of at most %d characters;"
			    " signal types must exist", MP_PARTNER_NAME_MAX,
			    MP_PARTNER_DISPLAY_MAX);
			return 2;
		}
		if (er != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		fprintf(stderr, "partner %s added; its key (shown only"
		    " now):\n", argv[2]);
		printf("%s\n", key);
		mp_wipe(key, sizeof(key));
		return 0;
	}
	if (strcmp(sub, "set") == 0 && argc >= 5) {
		if (partner_opts(argc, argv, 3, &o) == -1) {
			partner_usage();
			return 2;
		}
		return partner_apply(c, argv[2], &o);
	}
	if (strcmp(sub, "list") == 0 && argc == 2) {
		if ((er = mp_partner_list(c->db, print_partner, NULL)) !=
		    MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		return 0;
	}
	if ((strcmp(sub, "disable") == 0 || strcmp(sub, "enable") == 0) &&
	    argc == 3) {
		er = mp_partner_set_disabled(c->db, argv[2],
		    strcmp(sub, "disable") == 0);
		if (er == MP_ENOTFOUND) {
			warnx1("no partner %s", argv[2]);
			return 1;
		}
		if (er != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		printf("partner %s %sd\n", argv[2], sub);
		return 0;
	}
	if (strcmp(sub, "rotate-key") == 0 && argc == 3) {
		er = mp_partner_rotate_key(c->db, &c->keys, argv[2], key);
		if (er == MP_ENOTFOUND) {
			warnx1("no partner %s", argv[2]);
			return 1;
		}
		if (er != MP_OK) {
			warnx1("%s", dbwhy(c, er, why, sizeof(why)));
			return 1;
		}
		fprintf(stderr, "new key for %s (the old one no longer"
		    " works; shown only now):\n", argv[2]);
		printf("%s\n", key);
		mp_wipe(key, sizeof(key));
		return 0;
	}
	partner_usage();
	return strcmp(sub, "help") == 0 ? 0 : 2;
}

/* Configuration, log, keys and database as cmd needs them. */
static int
setup(struct ctl *c, const struct cmd *cmd, const char *cfile)
{
	const char	*path, *kf;
	char		 err[512];
	enum mp_err	 er;

	/*
	 * The library logs for operators; here its lines would come on
	 * top of our one-line message, so they show only with -v.
	 */
	if (c->verbose)
		er = mp_log_open(PROG, "stderr", MP_LOG_DEBUG);
	else
		er = mp_log_open(PROG, "/dev/null", MP_LOG_ERR);
	if (er != MP_OK) {
		warnx1("cannot open the log");
		return -1;
	}
	if (!cmd->needs_conf)
		return 0;
	path = mp_conf_path(cfile);
	if (mp_conf_load(&c->conf, path, err, sizeof(err)) != MP_OK) {
		warnx1("%s", err);
		return -1;
	}
	if (cmd->needs_keys) {
		kf = mp_confkey_str(c->conf, MP_CK_CRYPTO_KEY_FILE);
		if (kf == NULL || kf[0] == '\0') {
			warnx1("%s: crypto.key_file is not set", path);
			return -1;
		}
		if (mp_keys_load(&c->keys, kf, err, sizeof(err)) != MP_OK ||
		    mp_keys_load_contact(&c->keys, c->conf, 1, err,
		    sizeof(err)) != MP_OK) {
			warnx1("%s", err);
			return -1;
		}
		c->haskeys = 1;
	}
	if (cmd->needs_db &&
	    mp_db_open(&c->db, c->conf, cmd->admin) != MP_OK) {
		warnx1("%s: cannot set up the database connection"
		    " (password file?)", path);
		return -1;
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	struct ctl		 c;
	const struct cmd	*cmd = NULL;
	const char		*cfile = NULL;
	size_t			 i;
	int			 ch, rc;

	memset(&c, 0, sizeof(c));
	while ((ch = getopt(argc, argv, "+c:v")) != -1)
		switch (ch) {
		case 'c':
			cfile = optarg;
			break;
		case 'v':
			c.verbose = 1;
			break;
		default:
			usage();
			return 2;
		}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage();
		return 2;
	}
	for (i = 0; i < MP_NELEM(cmds); i++)
		if (strcmp(argv[0], cmds[i].name) == 0)
			cmd = &cmds[i];
	if (cmd == NULL) {
		warnx1("unknown command %s; try " PROG " help", argv[0]);
		return 2;
	}
	/* check-config FILE checks FILE, whatever -c says. */
	if (cmd->fn == cmd_check_config && argc == 2)
		cfile = argv[1];
	if (setup(&c, cmd, cfile) == -1)
		rc = 1;
	else
		rc = cmd->fn(&c, argc, argv);
	mp_db_close(c.db);
	mp_conf_free(c.conf);
	if (c.haskeys)
		mp_keys_wipe(&c.keys);
	mp_log_close();
	return rc;
}
