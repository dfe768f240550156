/*
 * confkey.h -- the one table of configuration keys: every key meldpunt
 * reads, with its type, default, bounds and a one-line description.
 * Programs read typed values through the table (never a name and a
 * default of their own), meldpuntctl check-config validates a file
 * against it, and a unit test holds conf/meldpunt.hdf.in to it.
 */
#ifndef MP_CONFKEY_H
#define MP_CONFKEY_H

#include <stddef.h>

struct mp_conf;

enum mp_cktype {
	MP_CKT_STR,	/* any text */
	MP_CKT_PATH,	/* a file or directory */
	MP_CKT_INT,	/* a whole number in [min, max] */
	MP_CKT_BOOL,	/* 1/0, yes/no, true/false, on/off */
	MP_CKT_ENUM,	/* one of values[] */
	MP_CKT_LIST	/* comma-separated entries, checked by the reader */
};

/* The keys, in the order of conf/meldpunt.hdf.in. */
enum mp_ck {
	MP_CK_INSTANCE_NAME,
	MP_CK_SITE_PUBLIC_URL,
	MP_CK_LOG_TARGET,
	MP_CK_LOG_LEVEL,
	MP_CK_PATHS_TEMPLATES,
	MP_CK_PATHS_SPOOL,
	MP_CK_PATHS_SQL,
	MP_CK_CRYPTO_KEY_FILE,
	MP_CK_CRYPTO_CONTACT_PUBLIC_FILE,
	MP_CK_CRYPTO_CONTACT_PRIVATE_FILE,
	MP_CK_DB_HOST,
	MP_CK_DB_PORT,
	MP_CK_DB_SOCKET,
	MP_CK_DB_HOSTS,
	MP_CK_DB_FAILBACK,
	MP_CK_DB_NAME,
	MP_CK_DB_USER,
	MP_CK_DB_PASSWORD,
	MP_CK_DB_PASSWORD_FILE,
	MP_CK_DB_RETRIES,
	MP_CK_DB_RETRY_TOTAL_MS,
	MP_CK_DB_RW_TIMEOUT,
	MP_CK_DB_CONNECT_TIMEOUT,
	MP_CK_DB_APP_HOST,
	MP_CK_DB_PROG_USER,		/* db.<program>.user */
	MP_CK_DB_PROG_PASSWORD,		/* db.<program>.password */
	MP_CK_DB_PROG_PASSWORD_FILE,	/* db.<program>.password_file */
	MP_CK_DB_PROG_APP_HOST,		/* db.<program>.app_host */
	MP_CK_DB_ADMIN_USER,
	MP_CK_DB_ADMIN_PASSWORD,
	MP_CK_DB_ADMIN_PASSWORD_FILE,
	MP_CK_DB_ADMIN_RW_TIMEOUT,
	MP_CK_DB_ADMIN_HOSTS,
	MP_CK_SANDBOX_SECCOMP,
	MP_CK_HTTP_SECURE_COOKIES,
	MP_CK_HTTP_STATIC,
	MP_CK_INTAKE_MOUNT,
	MP_CK_INTAKE_MAX_FILES,
	MP_CK_INTAKE_MAX_FILE_SIZE,
	MP_CK_INTAKE_MAX_BODY,
	MP_CK_INTAKE_FORM_TOKEN_TTL,
	MP_CK_INTAKE_RATE_PER_CLIENT,
	MP_CK_INTAKE_RATE_GLOBAL,
	MP_CK_INTAKE_RATE_WINDOW,
	MP_CK_INTAKE_INTRANET_AUDIENCES,
	MP_CK_INTAKE_INTRANET_MOUNT,
	MP_CK_CATALOG_TTL,
	MP_CK_SUBJECT_MAX_PER_REPORT,
	MP_CK_DOSSIER_THEMES,
	MP_CK_DOSSIER_TASK_TYPES,
	MP_CK_DOSSIER_OUTCOMES,
	MP_CK_RETENTION_IDENTITY_MONTHS,
	MP_CK_RETENTION_CONTENT_YEARS,
	MP_CK_RETENTION_UNFOUNDED_MONTHS,
	MP_CK_RETENTION_UNFOUNDED_REASONS,
	MP_CK_RETENTION_DOSSIER_YEARS,
	MP_CK_RETENTION_BATCH,
	MP_CK_RETENTION_PAUSE_MS,
	MP_CK_RETENTION_TYPE_IDENTITY_MONTHS,	/* retention.type.<slug>. */
	MP_CK_RETENTION_TYPE_CONTENT_YEARS,
	MP_CK_RETENTION_TYPE_UNFOUNDED_MONTHS,
	MP_CK_AUTH_MODE,
	MP_CK_AUTH_PORTAL_VARIABLE,
	MP_CK_AUTH_TOTP_REQUIRED,
	MP_CK_AUTH_PASSWORD_MIN_LENGTH,
	MP_CK_AUTH_MAX_ATTEMPTS,
	MP_CK_AUTH_ATTEMPT_WINDOW,
	MP_CK_SESSION_IDLE,
	MP_CK_SESSION_ABSOLUTE,
	MP_CK_DASHBOARD_MOUNT,
	MP_CK_DASHBOARD_OVERDUE_TAKE_DAYS,
	MP_CK_DASHBOARD_OVERDUE_CLOSE_DAYS,
	MP_CK_DASHBOARD_COUNT_TTL,
	MP_CK_DASHBOARD_CSV_SEPARATOR,
	MP_CK_DASHBOARD_CLOSE_REASONS,
	MP_CK_FEEDBACK_MOUNT,
	MP_CK_FEEDBACK_SESSION_IDLE,
	MP_CK_FEEDBACK_SESSION_ABSOLUTE,
	MP_CK_FEEDBACK_MAX_ATTEMPTS,
	MP_CK_FEEDBACK_ATTEMPT_WINDOW,
	MP_CK_FEEDBACK_REPLY_RATE_PER_REPORT,
	MP_CK_FEEDBACK_REPLY_RATE_GLOBAL,
	MP_CK_FEEDBACK_REPLY_RATE_WINDOW,
	MP_CK_FEEDBACK_CLOSED_REPLY,
	MP_CK_FEEDBACK_AUTO_ENABLED,	/* feedback.auto.<st>.enabled */
	MP_CK_FEEDBACK_AUTO_TEXT,	/* feedback.auto.<st>.text */
	MP_CK_MAIL_SENDMAIL,
	MP_CK_MAIL_FROM,
	MP_CK_MAIL_FROM_NAME,
	MP_CK_MAIL_FEEDBACK_URL,
	MP_CK_MAIL_DASHBOARD_URL,
	MP_CK_MAIL_PRIVACY_URL,
	MP_CK_MAIL_REPORTER_SUBJECT,
	MP_CK_MAIL_HANDLER_SUBJECT,
	MP_CK_MAIL_GRANT_SUBJECT,
	MP_CK_MAIL_TEAM_SUBJECT,
	MP_CK_MAIL_ASSIGNED_SUBJECT,
	MP_CK_MAIL_DIGEST_SUBJECT,
	MP_CK_MAIL_SIGNATURE,
	MP_CK_MAIL_RETRY_DELAY,
	MP_CK_MAIL_RETRY_MAX_DELAY,
	MP_CK_MAIL_MAX_TRIES,
	MP_CK_MAIL_SEND_TIMEOUT,
	MP_CK_MAIL_CLAIM_TIMEOUT,
	MP_CK_EXPORT_MOUNT,
	MP_CK_EXPORT_DEFAULT_LIMIT,
	MP_CK_EXPORT_MAX_LIMIT,
	MP_CK_EXPORT_PULLS_PER_MINUTE,
	MP_CK_EXPORT_CERT_PARAM,
	MP_CK_PRIVACY_TEXT,		/* privacy.<section>.text */
	MP_CK_I18N_LANGUAGES,		/* lib/i18n.c */
	MP_CK_I18N_TEXT,		/* i18n.text.<lang>.<key> */
	MP_CK_STATUS_SPOOL_WARN_AGE,	/* meldpuntctl status, metrics */
	MP_CK_STATUS_SPOOL_CRIT_AGE,
	MP_CK_STATUS_MAIL_PENDING_WARN,
	MP_CK_STATUS_MAIL_PENDING_CRIT,
	MP_CK_STATUS_MAIL_FAILED_WINDOW,
	MP_CK_STATUS_MAIL_FAILED_WARN,
	MP_CK_STATUS_MAIL_FAILED_CRIT,
	MP_CK_STATUS_RETENTION_WARN_AGE,
	MP_CK_STATUS_RETENTION_CRIT_AGE,
	MP_CK_METRICS_FILE,
	MP_CK__MAX
};

/*
 * One key.  A name with a "*" is a pattern: the "*" stands for one
 * name part from parts[] ("db.*.user" for db.intake.user and the
 * other programs').  def is the default as it would be written in the
 * file, or NULL when an unset key means "not set" (the reader then
 * decides, as the description says).
 */
struct mp_confkey {
	const char		*name;
	enum mp_cktype		 type;
	const char		*def;
	long long		 min, max;	/* MP_CKT_INT */
	const char *const	*values;	/* MP_CKT_ENUM; NULL ends */
	const char *const	*parts;		/* patterns; NULL ends */
	int			 nocase;	/* enum: case ignored */
	const char		*desc;
};

/*
 * The sections of the privacy statement (privacy.<section>.text),
 * NULL-terminated, in the order the page shows them.
 */
extern const char *const mp_confkey_privacy_sections[];

/* The table, indexed by enum mp_ck (MP_CK__MAX entries). */
extern const struct mp_confkey mp_confkey_table[MP_CK__MAX];

/*
 * The entry that a full name such as "db.intake.user" is, explicit or
 * by pattern, or NULL when meldpunt reads no such key.
 */
const struct mp_confkey *
		 mp_confkey_find(const char *name);

/*
 * Typed values.  The value set in conf, else the table's default.  A
 * string belongs to conf or the table and may be NULL where the
 * default is.  An int or bool value that does not parse or lies out
 * of bounds is logged (naming file, key, value and range) and the
 * default used, so a program starts; check-config reports it as an
 * error.  Asking for a key of another type is a programming error: it
 * is logged and 0 or the default text returned.
 */
const char	*mp_confkey_str(const struct mp_conf *, enum mp_ck);
long long	 mp_confkey_int(const struct mp_conf *, enum mp_ck);
int		 mp_confkey_bool(const struct mp_conf *, enum mp_ck);
/* An int whose upper bound is another key's value (at most max). */
long long	 mp_confkey_int_max(const struct mp_conf *, enum mp_ck,
		    long long max);
/* A pattern key with its "*" replaced by part ("intake"). */
const char	*mp_confkey_str_at(const struct mp_conf *, enum mp_ck,
		    const char *part);
int		 mp_confkey_bool_at(const struct mp_conf *, enum mp_ck,
		    const char *part);
/*
 * A key by its full name, for code that builds names from a section
 * ("db" or "db.intake" + ".user"): the value or the table's default;
 * NULL (and logged) for a name that is not in the table.
 */
const char	*mp_confkey_get(const struct mp_conf *, const char *name);

/*
 * A list key's i-th entry (comma-separated, trimmed, empty ones
 * skipped) into out; 0 past the last.  mp_confkey_in_list: 1 when s is
 * an entry.
 */
int		 mp_confkey_list_entry(const struct mp_conf *, enum mp_ck,
		    size_t i, char *out, size_t outsz);
int		 mp_confkey_in_list(const struct mp_conf *, enum mp_ck,
		    const char *s);

/* "string", "path", "int", "bool", "one of", "list". */
const char	*mp_confkey_typename(enum mp_cktype);

/*
 * Check every value in conf against the table.  report(arg, error,
 * msg) is called once per finding: error 0 for a key meldpunt does not
 * read ("unknown key ..."), 1 for a value it would not accept (naming
 * key, value and what is allowed).  Returns the number of errors.
 */
int		 mp_confkey_check(const struct mp_conf *,
		    void (*report)(void *arg, int error, const char *msg),
		    void *arg);

/*
 * The longest window a configuration may set.  Programs purge with it,
 * so that one program's purge never drops a window of a longer limit
 * that another program counts in the same table.  It bounds the
 * window keys of the table (confkey.c), so it lives here.
 */
#define MP_RATELIMIT_WINDOW_MAX	86400

#endif
