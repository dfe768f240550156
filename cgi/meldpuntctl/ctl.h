/*
 * ctl.h -- private to meldpuntctl: the state every command gets, the
 * commands (one file each, named after the command) and the few
 * helpers they share (main.c).
 */
#ifndef CTL_H
#define CTL_H

#include <stdarg.h>
#include <stddef.h>
#include <time.h>

#define PROG		"meldpuntctl"

/*
 * What setup() in main.c made ready for the command, as the command's
 * table entry asks: the configuration, a database handle (not yet
 * connected) and the keys.
 */
struct ctl {
	struct mp_conf	*conf;
	struct mp_db	*db;
	struct mp_keys	 keys;
	int		 haskeys;
	int		 verbose;
};

/*
 * A command: argv[0] is its name, argv[1...] its arguments.  Returns
 * the exit status: 0, 1 for an error (one line on stderr, from
 * ctl_warnx), 2 for a usage error.
 */
int	cmd_check_config(struct ctl *, int, char **);
int	cmd_contact_key(struct ctl *, int, char **);
int	cmd_contact_migrate(struct ctl *, int, char **);
int	cmd_drain_spool(struct ctl *, int, char **);
int	cmd_gen_key(struct ctl *, int, char **);
int	cmd_grants(struct ctl *, int, char **);
int	cmd_mail(struct ctl *, int, char **);
int	cmd_migrate(struct ctl *, int, char **);
int	cmd_partner(struct ctl *, int, char **);
int	cmd_retention(struct ctl *, int, char **);
int	cmd_seed_demo(struct ctl *, int, char **);
int	cmd_subjects(struct ctl *, int, char **);
int	cmd_team(struct ctl *, int, char **);
int	cmd_user(struct ctl *, int, char **);
int	cmd_routing(struct ctl *, int, char **);
int	cmd_status(struct ctl *, int, char **);
int	cmd_metrics(struct ctl *, int, char **);
int	cmd_backup_check(struct ctl *, int, char **);

/*
 * grants.c: the programs that may have a database account of their
 * own (db.<program>.user), in check-config's order of checking.
 */
#define CTL_NPROGS	5
extern const char *const ctl_grant_progs[CTL_NPROGS];

/*
 * subjects.c: index the subjects of every report not yet indexed, as
 * "subjects rebuild" does (seed-demo's reports are indexed like real
 * ones); prints one line.  Returns the exit status.
 */
int		 ctl_subjects_index(struct ctl *);

/* One line on stderr: "meldpuntctl: ...". */
void		 ctl_warnx(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
/* The same with a va_list, for a caller that counts its lines too. */
void		 ctl_vwarnx(const char *, va_list)
		    __attribute__((format(printf, 1, 0)));
/* The short usage on stderr, for a usage error. */
void		 ctl_usage(void);
/* The reason a database step failed, for a one-line message, in buf. */
const char	*ctl_dbwhy(struct ctl *, enum mp_err, char *buf, size_t sz);
/* ctl_dbwhy's reason as one line on stderr; returns 1, the status. */
int		 ctl_dberr(struct ctl *, enum mp_err);
/*
 * A configuration key by its full name, through the table of keys
 * (lib/confkey.c); def only where the table has no default.
 */
const char	*ctl_conf_get(struct ctl *, const char *name, const char *def);
/* A whole number in [min, max] or -1. */
long long	 ctl_number(const char *, long long min, long long max);

/*
 * status.c: the health of the instance, which status prints for
 * Nagios and metrics for Prometheus.  The states and exit statuses of
 * Nagios plugins.
 */
#define CTL_OK		0
#define CTL_WARNING	1
#define CTL_CRITICAL	2
#define CTL_UNKNOWN	3

#define CTL_HEALTH_NKEYS	3	/* key_file, contact private, public */

enum ctl_keystate {
	CTL_KEY_OK,
	CTL_KEY_UNSET,		/* an optional file not configured */
	CTL_KEY_MISSING,
	CTL_KEY_UNREADABLE,	/* stat failed other than ENOENT */
	CTL_KEY_BADMODE
};

/* What ctl_health_gather found; have_* 0 where it could not look. */
struct ctl_health {
	time_t			 now;
	size_t			 nhosts, hosts_up;
	struct {
		char		 label[MP_DBHOST_NAMELEN + 16];
		int		 up;
	}			 host[MP_DBHOST_MAX];
	int			 db_up;
	int			 have_schema, have_schema_files;
	long			 schema, schema_files;
	int			 have_spool;
	struct mp_spool_stat	 spool;
	int			 have_mail;
	long long		 mail_pending, mail_sent, mail_failed;
	long long		 mail_failed_recent;
	int			 have_retention;
	time_t			 retention_at;	/* 0: no batch yet */
	struct {
		const char	*name;		/* "key_file" */
		enum ctl_keystate state;
		unsigned	 mode;
	}			 key[CTL_HEALTH_NKEYS];
};

void		 ctl_health_gather(struct ctl *, struct ctl_health *);
/* The state (CTL_OK ...) and the problems, "; "-separated, in buf. */
int		 ctl_health_judge(struct ctl *, const struct ctl_health *,
		    char *buf, size_t sz);
const char	*ctl_health_state_name(int);
/* Seconds the oldest spooled report waited; since the last batch. */
long long	 ctl_health_spool_age(const struct ctl_health *);
long long	 ctl_health_retention_age(const struct ctl_health *);
/* "MELDPUNT UNKNOWN - why" on stdout; returns CTL_UNKNOWN. */
int		 ctl_status_unknown(const char *why);

#endif
