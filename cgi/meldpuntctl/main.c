/*
 * main.c -- meldpuntctl, the command-line tool for IT and cron: schema
 * migrations and grants, configuration checks, the master key, demo
 * data, draining the spool and delivering the mail outbox.  Not a
 * FastCGI program.  This file reads the options, finds the command in
 * the table below and sets up what it needs; each command is the file
 * of its name (ctl.h).  Every error is one line on stderr and exit
 * status 1; a usage error exits 2.  The library's own log goes to
 * stderr only with -v (mail send logs to log.target, for cron and
 * timers).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "meldpunt.h"
#include "ctl.h"

/* The width of the synopsis column of help. */
#define HELP_COL	40

struct cmd {
	const char	*name;
	int		(*fn)(struct ctl *, int, char **);
	int		 needs_conf;
	int		 needs_db;
	int		 needs_keys;
	/*
	 * The database account (mp_db_open_as): NULL the shared one,
	 * "admin", or a program's, for work that is that program's (its
	 * own account when db.<program>.user is set).  A program's account
	 * comes with that program's keys: the contact public key only.
	 */
	const char	*account;
	const char	*args;
	const char	*help;
};

static int	cmd_help(struct ctl *, int, char **);
static int	cmd_version(struct ctl *, int, char **);

static const struct cmd cmds[] = {
	{ "help", cmd_help, 0, 0, 0, NULL, "",
	  "show this list" },
	{ "version", cmd_version, 0, 0, 0, NULL, "",
	  "show the version" },
	{ "migrate", cmd_migrate, 1, 1, 0, "admin", "",
	  "apply new schema migrations from paths.sql (as db.admin)" },
	{ "grants", cmd_grants, 1, 1, 0, "admin", "",
	  "create the database accounts (shared and per program) and"
	  " grant their rights" },
	{ "check-config", cmd_check_config, 1, 0, 0, NULL, "[FILE]",
	  "check the configuration (or FILE), key, paths and database"
	  " connection" },
	{ "gen-key", cmd_gen_key, 0, 0, 0, NULL, "FILE",
	  "write a new random master key to FILE (mode 0600)" },
	{ "contact-key", cmd_contact_key, 1, 0, 0, NULL, "rotate",
	  "new contact key pair: appended to crypto.contact_private_file,"
	  " the public key replaces crypto.contact_public_file" },
	{ "contact-migrate", cmd_contact_migrate, 1, 1, 1, NULL, "",
	  "re-seal contact details of the old symmetric scheme to the"
	  " current contact public key" },
	{ "seed-demo", cmd_seed_demo, 1, 1, 1, NULL,
	  "[--reports N] [--seed S] ...",
	  "fill the database with demo reports (default 300, seed 1),"
	  " indexed unless --no-subjects" },
	{ "subjects", cmd_subjects, 1, 1, 0, NULL,
	  "rebuild [--all] ... | plan",
	  "index the subjects of reports not yet indexed (resumable)" },
	{ "retention", cmd_retention, 1, 1, 0, "retention", "plan | run",
	  "erase what has outlived its retention term (plan: only show)" },
	{ "drain-spool", cmd_drain_spool, 1, 1, 1, "intake", "",
	  "store the reports waiting in the spool directory" },
	{ "user", cmd_user, 1, 1, 0, NULL,
	  "add|disable|enable|list|add-team|reset-totp|set-* ...",
	  "dashboard users, at once (IT's bootstrap); \"user help\"" },
	{ "team", cmd_team, 1, 1, 0, NULL, "add NAME | list",
	  "dashboard teams" },
	{ "mail", cmd_mail, 1, 1, 1, NULL,
	  "send | status | digest | queue ...",
	  "deliver pending mail (cron); \"mail help\" for details" },
	{ "partner", cmd_partner, 1, 1, 1, NULL,
	  "add|list|set|disable|enable|rotate-key ...",
	  "partners of the XML export; \"partner help\" for details" },
	{ "routing", cmd_routing, 1, 1, 0, NULL,
	  "list | add TYPE|* AUDIENCE|* TEAM | remove ID",
	  "routing rules: signal type and audience -> team" },
	{ "status", cmd_status, 1, 1, 0, NULL, "",
	  "the instance's health in one line for Nagios (exit 0-3)" },
	{ "metrics", cmd_metrics, 1, 1, 0, NULL, "[-o FILE]",
	  "the same and counts for Prometheus, to metrics.file or FILE" },
	{ "backup-check", cmd_backup_check, 1, 1, 1, "admin",
	  "[--allow-newer] RESTORED.hdf",
	  "compare the database with a restored backup (Nagios line):"
	  " rows, contact details, attachments" },
};

void
ctl_vwarnx(const char *fmt, va_list ap)
{

	fputs(PROG ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
ctl_warnx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	ctl_vwarnx(fmt, ap);
	va_end(ap);
}

void
ctl_usage(void)
{

	fprintf(stderr, "usage: " PROG " [-v] [-c FILE] COMMAND [ARGS]\n"
	    "       " PROG " help\n");
}

const char *
ctl_dbwhy(struct ctl *c, enum mp_err er, char *buf, size_t sz)
{

	if (er == MP_EDBDOWN)
		snprintf(buf, sz, "cannot connect to the database"
		    " (error %u)%s", mp_db_errno(c->db),
		    c->verbose ? "" : "; -v shows why");
	else
		snprintf(buf, sz, "%s (error %u)%s", mp_err_str(er),
		    mp_db_errno(c->db), c->verbose ? "" : "; -v shows more");
	return buf;
}

int
ctl_dberr(struct ctl *c, enum mp_err er)
{
	char	 why[256];

	ctl_warnx("%s", ctl_dbwhy(c, er, why, sizeof(why)));
	return 1;
}

static int
cmd_help(struct ctl *c, int argc, char **argv)
{
	size_t	 i;
	int	 n;

	(void)c;
	(void)argc;
	(void)argv;
	printf("usage: " PROG " [-v] [-c FILE] COMMAND [ARGS]\n\n"
	    "  -c FILE  configuration (default $MELDPUNT_CONFIG or %s)\n"
	    "  -v       show the library's log on stderr\n\ncommands:\n",
	    mp_conf_path(NULL));
	/*
	 * The synopsis in HELP_COL columns, then the description; a
	 * longer synopsis is printed whole on a line of its own, with the
	 * description under the others (it was cut at 63 bytes, and ran
	 * into its description).
	 */
	for (i = 0; i < MP_NELEM(cmds); i++) {
		if ((n = printf("  %s %s", cmds[i].name, cmds[i].args)) < 0)
			return 1;
		if (n > 2 + HELP_COL)
			printf("\n%*s", 2 + HELP_COL + 1, "");
		else
			printf("%*s", 2 + HELP_COL + 1 - n, "");
		printf("%s\n", cmds[i].help);
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

const char *
ctl_conf_get(struct ctl *c, const char *name, const char *def)
{
	const char	*v;

	return (v = mp_confkey_get(c->conf, name)) != NULL ? v : def;
}

long long
ctl_number(const char *s, long long min, long long max)
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

/* Configuration, log, keys and database as cmd needs them. */
static int
setup(struct ctl *c, const struct cmd *cmd, const char *cfile)
{
	const char	*path, *kf, *acct, *u;
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
		ctl_warnx("cannot open the log");
		return -1;
	}
	if (!cmd->needs_conf)
		return 0;
	path = mp_conf_path(cfile);
	if (mp_conf_load(&c->conf, path, err, sizeof(err)) != MP_OK) {
		ctl_warnx("%s", err);
		return -1;
	}
	if (cmd->needs_keys) {
		kf = mp_confkey_str(c->conf, MP_CK_CRYPTO_KEY_FILE);
		if (kf == NULL || kf[0] == '\0') {
			ctl_warnx("%s: crypto.key_file is not set", path);
			return -1;
		}
		/*
		 * A program's work (drain-spool: the intake's) runs as that
		 * program's user, which cannot read the contact private
		 * key and does not need it.
		 */
		if (mp_keys_load(&c->keys, kf, err, sizeof(err)) != MP_OK ||
		    mp_keys_load_contact(&c->keys, c->conf,
		    cmd->account == NULL || strcmp(cmd->account, "admin") == 0,
		    err, sizeof(err)) != MP_OK) {
			ctl_warnx("%s", err);
			return -1;
		}
		c->haskeys = 1;
	}
	/*
	 * Retention erases where no program may: its own account when one
	 * is set (grants-retention.sql), else the administrator's, never
	 * the shared one, which lacks the rights.
	 */
	acct = cmd->account;
	if (acct != NULL && strcmp(acct, "retention") == 0 &&
	    ((u = mp_confkey_str_at(c->conf, MP_CK_DB_PROG_USER, acct)) ==
	    NULL || u[0] == '\0'))
		acct = "admin";
	if (cmd->needs_db &&
	    mp_db_open_as(&c->db, c->conf, acct) != MP_OK) {
		ctl_warnx("%s: cannot set up the database connection"
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
			ctl_usage();
			return 2;
		}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		ctl_usage();
		return 2;
	}
	for (i = 0; i < MP_NELEM(cmds); i++)
		if (strcmp(argv[0], cmds[i].name) == 0)
			cmd = &cmds[i];
	if (cmd == NULL) {
		ctl_warnx("unknown command %s; try " PROG " help", argv[0]);
		return 2;
	}
	/* check-config FILE checks FILE, whatever -c says. */
	if (cmd->fn == cmd_check_config && argc == 2)
		cfile = argv[1];
	if (setup(&c, cmd, cfile) == -1)
		/* A monitor reads a failed set-up as UNKNOWN, not WARNING. */
		rc = cmd->fn == cmd_status || cmd->fn == cmd_backup_check ?
		    ctl_status_unknown("cannot read the configuration or set"
		    " up the database connection") : 1;
	else
		rc = cmd->fn(&c, argc, argv);
	mp_db_close(c.db);
	mp_conf_free(c.conf);
	if (c.haskeys)
		mp_keys_wipe(&c.keys);
	mp_log_close();
	return rc;
}
