/*
 * confkey.c -- the one table of configuration keys and the typed
 * values read through it.  A key read in two places cannot have two
 * defaults or two ranges: both read this entry.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "confkey.h"
#include "log.h"

#define NAME_MAX_	128	/* the longest key name, with its part */
#define MSG_MAX		512

/*
 * The programs that may have a database account of their own, and
 * meldpuntctl retention's (sql/grants-retention.sql).
 */
static const char *const programs[] = {
	"intake", "feedback", "export", "dashboard", "retention", NULL
};

/*
 * The statuses as feedback.auto.<status> names them ("_" for " "); a
 * unit test holds this list to mp_workflow_statuses.
 */
/* The sections of the privacy statement at /melden/privacy. */
const char *const mp_confkey_privacy_sections[] = {
	"intro", "stored", "terms", "access", "sharing", "anonymity",
	"photos", "rights", NULL
};

static const char *const statuses[] = {
	"nieuw", "in_behandeling", "wacht_op_melder",
	"doorgezet_naar_partner", "in_dossier", "afgerond", NULL
};

static const char *const loglevels[] = {
	"err", "warn", "info", "debug", NULL
};
static const char *const authmodes[] = { "portal", "local", NULL };
static const char *const separators[] = { ";", ",", NULL };
static const char *const closedreplies[] = { "reopen", "refuse", NULL };

#define STR(n, d, s)	{ n, MP_CKT_STR, d, 0, 0, NULL, NULL, 0, s }
#define PATH(n, d, s)	{ n, MP_CKT_PATH, d, 0, 0, NULL, NULL, 0, s }
#define INT(n, d, lo, hi, s) \
			{ n, MP_CKT_INT, #d, lo, hi, NULL, NULL, 0, s }
#define BOOL(n, d, s)	{ n, MP_CKT_BOOL, #d, 0, 0, NULL, NULL, 0, s }
#define ENUM(n, d, v, c, s) \
			{ n, MP_CKT_ENUM, d, 0, 0, v, NULL, c, s }

/*
 * A table rather than code: one line per key.  Bounds are what the
 * readers accepted before the table (kept so that no configuration
 * that started a program stops doing so); the reasons for each are in
 * conf/meldpunt.hdf.in.
 */
const struct mp_confkey mp_confkey_table[MP_CK__MAX] = {
[MP_CK_INSTANCE_NAME] = STR("instance.name", "Gemeente",
    "the municipality's name, in page titles and e-mails"),
[MP_CK_SITE_PUBLIC_URL] = STR("site.public_url", "",
    "the public base address, as https://host, that receipts and mail"
    " name"),
[MP_CK_LOG_TARGET] = STR("log.target", "stderr",
    "where the programs log: stderr, syslog or a file's path"),
[MP_CK_LOG_LEVEL] = ENUM("log.level", "info", loglevels, 1,
    "the least important lines logged"),
[MP_CK_PATHS_TEMPLATES] = PATH("paths.templates", TEMPLATEDIR,
    "the ClearSilver templates and static files"),
[MP_CK_PATHS_SPOOL] = PATH("paths.spool", SPOOLDIR,
    "reports taken while the database was unreachable"),
[MP_CK_PATHS_SQL] = PATH("paths.sql", SQLDIR,
    "the SQL migrations and grants"),
[MP_CK_CRYPTO_KEY_FILE] = PATH("crypto.key_file", NULL,
    "the master key (required)"),
[MP_CK_CRYPTO_CONTACT_PUBLIC_FILE] = PATH("crypto.contact_public_file",
    "", "the public key reporter contact details are sealed to"),
[MP_CK_CRYPTO_CONTACT_PRIVATE_FILE] = PATH("crypto.contact_private_file",
    "", "every contact private key (dashboard and meldpuntctl only)"),
[MP_CK_DB_HOST] = STR("db.host", "localhost",
    "the MariaDB server (\"localhost\": the socket)"),
[MP_CK_DB_PORT] = INT("db.port", 0, 0, 65535,
    "its TCP port (0: 3306)"),
[MP_CK_DB_SOCKET] = PATH("db.socket", "",
    "its unix socket, with host localhost"),
[MP_CK_DB_HOSTS] = { "db.hosts", MP_CKT_LIST, NULL, 0, 0, NULL, NULL, 0,
    "several servers in order of preference (replaces host)" },
[MP_CK_DB_FAILBACK] = INT("db.failback", 60, 0, 86400,
    "seconds on a later server before trying the first again"),
[MP_CK_DB_NAME] = STR("db.name", "meldpunt", "the database"),
[MP_CK_DB_USER] = STR("db.user", "meldpunt",
    "the shared application account"),
[MP_CK_DB_PASSWORD] = STR("db.password", NULL,
    "its password (prefer password_file)"),
[MP_CK_DB_PASSWORD_FILE] = PATH("db.password_file", NULL,
    "the file holding its password"),
[MP_CK_DB_RETRIES] = INT("db.retries", 30, 0, 1000,
    "retries of an action after a transient error"),
[MP_CK_DB_RETRY_TOTAL_MS] = INT("db.retry_total_ms", 10000, 0, 600000,
    "milliseconds all retries of one action may take"),
[MP_CK_DB_RW_TIMEOUT] = INT("db.rw_timeout", 30, 1, 86400,
    "seconds a statement may wait for the server"),
[MP_CK_DB_CONNECT_TIMEOUT] = INT("db.connect_timeout", 2, 1, 3600,
    "seconds to wait for a server to accept a connection"),
[MP_CK_DB_APP_HOST] = STR("db.app_host", "localhost",
    "the host part of the application accounts"),
[MP_CK_DB_PROG_USER] = { "db.*.user", MP_CKT_STR, NULL, 0, 0, NULL,
    programs, 0, "a program's own database account (unset: db.user)" },
[MP_CK_DB_PROG_PASSWORD] = { "db.*.password", MP_CKT_STR, NULL, 0, 0,
    NULL, programs, 0, "its password (prefer password_file)" },
[MP_CK_DB_PROG_PASSWORD_FILE] = { "db.*.password_file", MP_CKT_PATH,
    NULL, 0, 0, NULL, programs, 0, "the file holding its password" },
[MP_CK_DB_PROG_APP_HOST] = { "db.*.app_host", MP_CKT_STR, NULL, 0, 0,
    NULL, programs, 0, "its host part (unset: db.app_host)" },
[MP_CK_DB_ADMIN_USER] = STR("db.admin.user", "root",
    "the administrator for meldpuntctl migrate and grants"),
[MP_CK_DB_ADMIN_PASSWORD] = STR("db.admin.password", NULL,
    "its password (prefer password_file)"),
[MP_CK_DB_ADMIN_PASSWORD_FILE] = PATH("db.admin.password_file", NULL,
    "the file holding its password (unset: unix_socket login)"),
[MP_CK_DB_ADMIN_RW_TIMEOUT] = INT("db.admin.rw_timeout", 3600, 1, 86400,
    "seconds a migration statement may wait for the server"),
[MP_CK_DB_ADMIN_HOSTS] = { "db.admin.hosts", MP_CKT_LIST, NULL, 0, 0, NULL,
    NULL, 0, "the servers migrate and grants try in order (unset: hosts)" },
[MP_CK_SANDBOX_SECCOMP] = BOOL("sandbox.seccomp", 1,
    "confine each worker to the system calls it needs"),
[MP_CK_HTTP_SECURE_COOKIES] = BOOL("http.secure_cookies", 1,
    "cookies only over HTTPS"),
[MP_CK_HTTP_STATIC] = STR("http.static", "/static",
    "the URL of the static files (style sheet)"),
[MP_CK_INTAKE_MOUNT] = STR("intake.mount", "/melden",
    "the URL prefix of the report form"),
[MP_CK_INTAKE_MAX_FILES] = INT("intake.max_files", 5, 1, 20,
    "attachments per report or reply"),
[MP_CK_INTAKE_MAX_FILE_SIZE] = INT("intake.max_file_size", 10485760, 1,
    104857600, "bytes in one attachment"),
[MP_CK_INTAKE_MAX_BODY] = INT("intake.max_body", 56623104, 65536,
    1073741824, "bytes in one request body"),
[MP_CK_INTAKE_FORM_TOKEN_TTL] = INT("intake.form_token_ttl", 86400, 60,
    604800, "seconds a form may be open before it is sent"),
[MP_CK_INTAKE_RATE_PER_CLIENT] = INT("intake.rate.per_client", 5, 0,
    1000000, "reports per client per window (0: no limit)"),
[MP_CK_INTAKE_RATE_GLOBAL] = INT("intake.rate.global", 100, 0, 100000000,
    "reports from all clients per window (0: no limit)"),
[MP_CK_INTAKE_RATE_WINDOW] = INT("intake.rate.window", 3600, 60,
    MP_RATELIMIT_WINDOW_MAX, "seconds of the report rate window"),
[MP_CK_INTAKE_INTRANET_AUDIENCES] = { "intake.intranet_audiences",
    MP_CKT_LIST, NULL, 0, 0, NULL, NULL, 0,
    "audiences (slugs) whose form is served only on the intranet" },
[MP_CK_INTAKE_INTRANET_MOUNT] = STR("intake.intranet_mount",
    "/intranet/melden", "the URL prefix of the intranet's report form"),
[MP_CK_CATALOG_TTL] = INT("catalog.ttl", 60, 0, 86400,
    "seconds audiences and signal types are kept in memory"),
/* The upper bound is MP_SUBJECT_MAX_PER_REPORT (test-subject checks). */
[MP_CK_SUBJECT_MAX_PER_REPORT] = INT("subject.max_per_report", 50, 1,
    1000, "subjects a report is linked to at most"),
[MP_CK_DOSSIER_THEMES] = { "dossier.themes", MP_CKT_LIST,
    "ondermijning, woonoverlast", 0, 0, NULL, NULL, 0,
    "a dossier's themes, comma-separated (lib/dossier.h)" },
[MP_CK_DOSSIER_TASK_TYPES] = { "dossier.task_types", MP_CKT_LIST,
    "adrescontrole, Bibob-onderzoek, bestuurlijke rapportage,"
    " sluiting op grond van artikel 13b Opiumwet, last onder dwangsom,"
    " gesprek, doorgezet naar partner, overig", 0, 0, NULL, NULL, 0,
    "the types of a dossier's tasks and interventions" },
[MP_CK_DOSSIER_OUTCOMES] = { "dossier.outcomes", MP_CKT_LIST,
    "pand gesloten, boete of last opgelegd, aangifte gedaan,"
    " doorgezet naar partner, geen actie mogelijk,"
    " vermoeden niet bevestigd", 0, 0, NULL, NULL, 0,
    "the results of a closed task or dossier" },
[MP_CK_RETENTION_IDENTITY_MONTHS] = INT("retention.identity_months", 6,
    1, 120, "months after closing that the reporter's identity is kept"),
[MP_CK_RETENTION_CONTENT_YEARS] = INT("retention.content_years", 5, 1, 30,
    "years after closing that a report's content is kept"),
[MP_CK_RETENTION_UNFOUNDED_MONTHS] = INT("retention.unfounded_months", 12,
    1, 360, "months for the content of unfounded or duplicate reports"),
[MP_CK_RETENTION_UNFOUNDED_REASONS] = { "retention.unfounded_reasons",
    MP_CKT_LIST, "ongegrond, niet gegrond, geen grond", 0, 0, NULL, NULL,
    0, "closing reasons (their first words) that mean unfounded" },
[MP_CK_RETENTION_DOSSIER_YEARS] = INT("retention.dossier_years", 5, 1, 30,
    "years after a dossier's closing that it is kept"),
[MP_CK_RETENTION_BATCH] = INT("retention.batch", 500, 1, 5000,
    "reports or dossiers erased per transaction"),
[MP_CK_RETENTION_PAUSE_MS] = INT("retention.pause_ms", 0, 0, 10000,
    "milliseconds retention waits between two batches"),
[MP_CK_RETENTION_TYPE_IDENTITY_MONTHS] = { "retention.type.*.identity_months",
    MP_CKT_INT, "6", 1, 120, NULL, NULL, 0,
    "identity_months for one signal type (by its slug; unset: the"
    " general one)" },
[MP_CK_RETENTION_TYPE_CONTENT_YEARS] = { "retention.type.*.content_years",
    MP_CKT_INT, "5", 1, 30, NULL, NULL, 0,
    "content_years for one signal type" },
[MP_CK_RETENTION_TYPE_UNFOUNDED_MONTHS] = {
    "retention.type.*.unfounded_months", MP_CKT_INT, "12", 1, 360, NULL,
    NULL, 0, "unfounded_months for one signal type" },
[MP_CK_AUTH_MODE] = ENUM("auth.mode", "portal", authmodes, 0,
    "how dashboard users sign in"),
[MP_CK_AUTH_PORTAL_VARIABLE] = STR("auth.portal_variable", "REMOTE_USER",
    "the variable with the portal's user name"),
[MP_CK_AUTH_TOTP_REQUIRED] = BOOL("auth.totp_required", 0,
    "local mode: a second factor for everyone"),
[MP_CK_AUTH_PASSWORD_MIN_LENGTH] = INT("auth.password_min_length", 12,
    8, 128, "local mode: the shortest password"),
[MP_CK_AUTH_MAX_ATTEMPTS] = INT("auth.max_attempts", 5, 1, 1000,
    "local mode: failed sign-ins before a client waits"),
[MP_CK_AUTH_ATTEMPT_WINDOW] = INT("auth.attempt_window", 60, 1, 86400,
    "local mode: seconds between tries after that"),
[MP_CK_SESSION_IDLE] = INT("session.idle", 1800, 60, 86400,
    "seconds a dashboard session lives without use"),
[MP_CK_SESSION_ABSOLUTE] = INT("session.absolute", 43200, 60, 2592000,
    "seconds a dashboard session lives at most"),
[MP_CK_DASHBOARD_MOUNT] = STR("dashboard.mount", "/dashboard",
    "the URL prefix of the dashboard"),
[MP_CK_DASHBOARD_OVERDUE_TAKE_DAYS] = INT("dashboard.overdue_take_days",
    7, 1, 3650, "days before an untaken report is overdue"),
[MP_CK_DASHBOARD_OVERDUE_CLOSE_DAYS] = INT("dashboard.overdue_close_days",
    92, 1, 3650, "days before an open report is overdue"),
[MP_CK_DASHBOARD_COUNT_TTL] = INT("dashboard.count_ttl", 30, 0, 3600,
    "seconds a worker keeps the counts per status"),
[MP_CK_DASHBOARD_CSV_SEPARATOR] = ENUM("dashboard.csv_separator", ";",
    separators, 0, "the separator of CSV downloads"),
[MP_CK_DASHBOARD_CLOSE_REASONS] = { "dashboard.close_reasons", MP_CKT_LIST,
    "opgelost, doorgezet naar partner, ongegrond, dubbele melding,"
    " onvoldoende informatie, buiten onze bevoegdheid", 0, 0, NULL, NULL,
    0, "the reasons a handler picks from when closing a report" },
[MP_CK_FEEDBACK_MOUNT] = STR("feedback.mount", "/melding",
    "the URL prefix of the reporter's follow-up"),
[MP_CK_FEEDBACK_SESSION_IDLE] = INT("feedback.session.idle", 1800, 1,
    86400, "seconds a reporter's session lives without use"),
[MP_CK_FEEDBACK_SESSION_ABSOLUTE] = INT("feedback.session.absolute",
    7200, 1, 86400, "seconds a reporter's session lives at most"),
[MP_CK_FEEDBACK_MAX_ATTEMPTS] = INT("feedback.max_attempts", 5, 1,
    1000000, "wrong sign-ins per reference and client per window"),
[MP_CK_FEEDBACK_ATTEMPT_WINDOW] = INT("feedback.attempt_window", 900, 1,
    86400, "seconds of the sign-in window"),
[MP_CK_FEEDBACK_REPLY_RATE_PER_REPORT] = INT(
    "feedback.reply_rate.per_report", 20, 0, 1000000,
    "replies per report per window (0: no limit)"),
[MP_CK_FEEDBACK_REPLY_RATE_GLOBAL] = INT("feedback.reply_rate.global",
    1000, 0, 100000000, "replies to all reports per window (0: no limit)"),
[MP_CK_FEEDBACK_REPLY_RATE_WINDOW] = INT("feedback.reply_rate.window",
    3600, 60, MP_RATELIMIT_WINDOW_MAX, "seconds of the reply window"),
[MP_CK_FEEDBACK_CLOSED_REPLY] = ENUM("feedback.closed_reply", "reopen",
    closedreplies, 0, "a reply to a closed report reopens it or is refused"),
[MP_CK_FEEDBACK_AUTO_ENABLED] = { "feedback.auto.*.enabled", MP_CKT_BOOL,
    "1", 0, 0, NULL, statuses, 0,
    "send the automatic message of a status" },
[MP_CK_FEEDBACK_AUTO_TEXT] = { "feedback.auto.*.text", MP_CKT_STR, NULL,
    0, 0, NULL, statuses, 0,
    "its text (unset: built in for nieuw, in_behandeling, in_dossier,"
    " afgerond)" },
[MP_CK_MAIL_SENDMAIL] = STR("mail.sendmail", "/usr/sbin/sendmail -t -i",
    "the sendmail-compatible command, run without a shell"),
[MP_CK_MAIL_FROM] = STR("mail.from", "",
    "the sender (empty: no mail is sent)"),
[MP_CK_MAIL_FROM_NAME] = STR("mail.from_name", "",
    "the name shown with the sender"),
[MP_CK_MAIL_FEEDBACK_URL] = STR("mail.feedback_url", "",
    "where reporters sign in (required with mail.from)"),
[MP_CK_MAIL_DASHBOARD_URL] = STR("mail.dashboard_url", "",
    "the dashboard, named in handlers' mail"),
[MP_CK_MAIL_PRIVACY_URL] = STR("mail.privacy_url", "",
    "the privacy statement, named in every mail to reporters"),
[MP_CK_MAIL_REPORTER_SUBJECT] = STR("mail.reporter.subject",
    "Nieuws over uw melding", "the subject of mail to reporters"),
[MP_CK_MAIL_HANDLER_SUBJECT] = STR("mail.handler.subject",
    "De melder heeft gereageerd", "the subject of mail to handlers"),
[MP_CK_MAIL_GRANT_SUBJECT] = STR("mail.grant.subject",
    "Verzoek om rechten in het meldpunt",
    "the subject of mail to coordinators"),
[MP_CK_MAIL_TEAM_SUBJECT] = STR("mail.team.subject",
    "Nieuwe melding voor uw team",
    "the subject of a team's notice of a new report"),
[MP_CK_MAIL_ASSIGNED_SUBJECT] = STR("mail.assigned.subject",
    "Melding aan u toegewezen",
    "the subject of a handler's notice of an assigned report"),
[MP_CK_MAIL_DIGEST_SUBJECT] = STR("mail.digest.subject",
    "Taken over de datum",
    "the subject of the daily digest of overdue tasks"),
[MP_CK_MAIL_SIGNATURE] = STR("mail.signature", NULL,
    "the last line of every mail (unset: instance.name)"),
[MP_CK_MAIL_RETRY_DELAY] = INT("mail.retry_delay", 300, 0, 86400,
    "seconds before a failed delivery is tried again"),
[MP_CK_MAIL_RETRY_MAX_DELAY] = INT("mail.retry_max_delay", 21600, 0,
    604800, "the longest pause between tries"),
[MP_CK_MAIL_MAX_TRIES] = INT("mail.max_tries", 8, 1, 100,
    "tries before a mail is given up"),
[MP_CK_MAIL_SEND_TIMEOUT] = INT("mail.send_timeout", 60, 1, 3600,
    "seconds one sendmail run may take"),
[MP_CK_MAIL_CLAIM_TIMEOUT] = INT("mail.claim_timeout", 600, 60, 86400,
    "seconds a sender holds a claimed mail"),
[MP_CK_EXPORT_MOUNT] = STR("export.mount", "/api",
    "the URL prefix of the partners' export"),
[MP_CK_EXPORT_DEFAULT_LIMIT] = INT("export.default_limit", 100, 1,
    1000000, "reports per pull without limit= (at most max_limit)"),
[MP_CK_EXPORT_MAX_LIMIT] = INT("export.max_limit", 10000, 1, 1000000,
    "the most reports a pull may ask for"),
[MP_CK_EXPORT_PULLS_PER_MINUTE] = INT("export.pulls_per_minute", 60, 1,
    1000000, "pulls per partner per minute"),
[MP_CK_EXPORT_CERT_PARAM] = STR("export.cert_param", "SSL_CLIENT_S_DN",
    "the FastCGI parameter with the client certificate subject"),
[MP_CK_PRIVACY_TEXT] = { "privacy.*.text", MP_CKT_STR, NULL, 0, 0, NULL,
    mp_confkey_privacy_sections, 0,
    "a section of the privacy statement (unset: the built-in text)" },
[MP_CK_I18N_LANGUAGES] = { "i18n.languages", MP_CKT_LIST, "nl,en", 0, 0,
    NULL, NULL, 0, "the public pages' languages (nl, en, pl, tr, ar); Dutch"
    " always" },
[MP_CK_I18N_TEXT] = { "i18n.text.**", MP_CKT_STR, NULL, 0, 0, NULL, NULL,
    0, "a text of a language's catalogue (i18n.text.en.form.title)" },
/*
 * meldpuntctl status and metrics: a value at or above a threshold
 * makes the state WARNING or CRITICAL; 0 switches that check off.
 */
[MP_CK_STATUS_SPOOL_WARN_AGE] = INT("status.spool_warn_age", 600, 0,
    2592000, "seconds the oldest spooled report may wait: WARNING"),
[MP_CK_STATUS_SPOOL_CRIT_AGE] = INT("status.spool_crit_age", 3600, 0,
    2592000, "seconds the oldest spooled report may wait: CRITICAL"),
[MP_CK_STATUS_MAIL_PENDING_WARN] = INT("status.mail_pending_warn", 200, 0,
    100000000, "mails waiting in the outbox: WARNING"),
[MP_CK_STATUS_MAIL_PENDING_CRIT] = INT("status.mail_pending_crit", 2000,
    0, 100000000, "mails waiting in the outbox: CRITICAL"),
[MP_CK_STATUS_MAIL_FAILED_WINDOW] = INT("status.mail_failed_window", 86400,
    60, 31536000, "seconds a given-up mail counts as recent"),
[MP_CK_STATUS_MAIL_FAILED_WARN] = INT("status.mail_failed_warn", 1, 0,
    100000000, "mails given up within the window: WARNING"),
[MP_CK_STATUS_MAIL_FAILED_CRIT] = INT("status.mail_failed_crit", 20, 0,
    100000000, "mails given up within the window: CRITICAL"),
[MP_CK_STATUS_RETENTION_WARN_AGE] = INT("status.retention_warn_age", 0, 0,
    31536000, "seconds since the last retention batch: WARNING"),
[MP_CK_STATUS_RETENTION_CRIT_AGE] = INT("status.retention_crit_age", 0, 0,
    31536000, "seconds since the last retention batch: CRITICAL"),
[MP_CK_METRICS_FILE] = PATH("metrics.file",
    "/var/lib/prometheus/node-exporter/meldpunt.prom",
    "where meldpuntctl metrics writes (node_exporter's textfile"
    " directory)"),
};

const char *
mp_confkey_typename(enum mp_cktype t)
{

	switch (t) {
	case MP_CKT_STR:
		return "string";
	case MP_CKT_PATH:
		return "path";
	case MP_CKT_INT:
		return "int";
	case MP_CKT_BOOL:
		return "bool";
	case MP_CKT_ENUM:
		return "one of";
	case MP_CKT_LIST:
		return "list";
	}
	return "?";
}

static int
in_list(const char *const *list, const char *s, int nocase)
{

	for (; *list != NULL; list++)
		if ((nocase ? strcasecmp(*list, s) : strcmp(*list, s)) == 0)
			return 1;
	return 0;
}

/*
 * 1 if name is the entry k: equal to an explicit name, or the pattern
 * with one part from k->parts for its "*".
 */
static int
matches(const struct mp_confkey *k, const char *name)
{
	const char	*star, *part;
	char		 buf[NAME_MAX_];
	size_t		 pre, suf, len;

	if ((star = strchr(k->name, '*')) == NULL)
		return strcmp(k->name, name) == 0;
	pre = (size_t)(star - k->name);
	/* A final "**" takes the rest, dots and all (i18n.text.**). */
	if (strcmp(star, "**") == 0)
		return strncmp(name, k->name, pre) == 0 && name[pre] != '\0';
	suf = strlen(star + 1);
	len = strlen(name);
	if (len <= pre + suf || strncmp(name, k->name, pre) != 0 ||
	    strcmp(name + len - suf, star + 1) != 0)
		return 0;
	part = name + pre;
	if (len - pre - suf >= sizeof(buf))
		return 0;
	memcpy(buf, part, len - pre - suf);
	buf[len - pre - suf] = '\0';
	if (strchr(buf, '.') != NULL)
		return 0;
	return k->parts == NULL || in_list(k->parts, buf, 0);
}

const struct mp_confkey *
mp_confkey_find(const char *name)
{
	size_t	 i;

	if (name == NULL)
		return NULL;
	/* Explicit names first: db.admin.user is not db.*.user. */
	for (i = 0; i < MP_CK__MAX; i++)
		if (strchr(mp_confkey_table[i].name, '*') == NULL &&
		    strcmp(mp_confkey_table[i].name, name) == 0)
			return &mp_confkey_table[i];
	for (i = 0; i < MP_CK__MAX; i++)
		if (strchr(mp_confkey_table[i].name, '*') != NULL &&
		    matches(&mp_confkey_table[i], name))
			return &mp_confkey_table[i];
	return NULL;
}

/* The entry for key if it has type t; else logged and NULL. */
static const struct mp_confkey *
entry(enum mp_ck key, enum mp_cktype t, const char *fn)
{
	const struct mp_confkey	*k;

	if ((unsigned)key >= MP_CK__MAX) {
		mp_errx("%s: key %d is not in the table", fn, (int)key);
		return NULL;
	}
	k = &mp_confkey_table[key];
	if (k->type != t && !(t == MP_CKT_STR && k->type != MP_CKT_INT &&
	    k->type != MP_CKT_BOOL)) {
		mp_errx("%s: %s is of type %s, not %s", fn, k->name,
		    mp_confkey_typename(k->type), mp_confkey_typename(t));
		return NULL;
	}
	return k;
}

/* The default of an int or bool entry as a number. */
static long long
def_int(const struct mp_confkey *k)
{

	return k->def == NULL ? 0 : strtoll(k->def, NULL, 10);
}

/*
 * name with its "*" replaced by part into buf: 1, or 0 if part is not
 * one name part or does not fit, or -1 (logged) if k is no pattern.
 */
static int
expand(const struct mp_confkey *k, const char *part, char *buf,
    size_t sz)
{
	const char	*star;
	int		 n;

	if ((star = strchr(k->name, '*')) == NULL) {
		mp_errx("%s: %s is not a pattern", __func__, k->name);
		return -1;
	}
	if (part == NULL ||
	    part[0] == '\0' || strchr(part, '.') != NULL)
		return 0;
	n = snprintf(buf, sz, "%.*s%s%s", (int)(star - k->name), k->name,
	    part, star + 1);
	return n > 0 && (size_t)n < sz;
}

const char *
mp_confkey_str(const struct mp_conf *conf, enum mp_ck key)
{
	const struct mp_confkey	*k;

	if ((k = entry(key, MP_CKT_STR, __func__)) == NULL)
		return NULL;
	return mp_conf_str(conf, k->name, k->def);
}

long long
mp_confkey_int(const struct mp_conf *conf, enum mp_ck key)
{
	const struct mp_confkey	*k;

	if ((k = entry(key, MP_CKT_INT, __func__)) == NULL)
		return 0;
	return mp_conf_int(conf, k->name, def_int(k), k->min, k->max);
}

long long
mp_confkey_int_max(const struct mp_conf *conf, enum mp_ck key,
    long long max)
{
	const struct mp_confkey	*k;

	if ((k = entry(key, MP_CKT_INT, __func__)) == NULL)
		return 0;
	return mp_conf_int(conf, k->name, def_int(k), k->min,
	    max < k->max ? max : k->max);
}

int
mp_confkey_bool(const struct mp_conf *conf, enum mp_ck key)
{
	const struct mp_confkey	*k;

	if ((k = entry(key, MP_CKT_BOOL, __func__)) == NULL)
		return 0;
	return mp_conf_bool(conf, k->name, (int)def_int(k));
}

const char *
mp_confkey_str_at(const struct mp_conf *conf, enum mp_ck key,
    const char *part)
{
	const struct mp_confkey	*k;
	char			 name[NAME_MAX_];
	int			 rc;

	if ((k = entry(key, MP_CKT_STR, __func__)) == NULL)
		return NULL;
	if ((rc = expand(k, part, name, sizeof(name))) != 1)
		return rc == 0 ? k->def : NULL;
	return mp_conf_str(conf, name, k->def);
}

int
mp_confkey_bool_at(const struct mp_conf *conf, enum mp_ck key,
    const char *part)
{
	const struct mp_confkey	*k;
	char			 name[NAME_MAX_];
	int			 rc;

	if ((k = entry(key, MP_CKT_BOOL, __func__)) == NULL)
		return 0;
	if ((rc = expand(k, part, name, sizeof(name))) != 1)
		return rc == 0 ? (int)def_int(k) : 0;
	return mp_conf_bool(conf, name, (int)def_int(k));
}

const char *
mp_confkey_get(const struct mp_conf *conf, const char *name)
{
	const struct mp_confkey	*k;

	if ((k = mp_confkey_find(name)) == NULL) {
		mp_errx("%s: %s is not in the table", __func__,
		    name == NULL ? "(null)" : name);
		return NULL;
	}
	return mp_conf_str(conf, name, k->def);
}

/* What a check walk carries. */
struct check {
	const struct mp_conf	*conf;
	void	(*report)(void *, int, const char *);
	void	 *arg;
	int	  errors;
};

/* The allowed values of an enum, "a, b or c", into buf. */
static void
values_text(const char *const *v, char *buf, size_t sz)
{
	size_t	 len = 0;
	int	 n;

	buf[0] = '\0';
	for (; *v != NULL && len < sz; v++) {
		n = snprintf(buf + len, sz - len, "%s\"%s\"", len == 0 ? "" :
		    v[1] == NULL ? " or " : ", ", *v);
		if (n < 0)
			break;
		len += (size_t)n;
	}
}

static int
check_one(const char *name, const char *value, void *arg)
{
	struct check		*c = arg;
	const struct mp_confkey	*k;
	char			 msg[MSG_MAX], vals[128];
	int			 bad = 0;

	if ((k = mp_confkey_find(name)) == NULL) {
		(void)snprintf(msg, sizeof(msg), "unknown key %s (meldpunt "
		    "does not read it; misspelt?)", name);
		c->report(c->arg, 0, msg);
		return 0;
	}
	/*
	 * Numbers and yes/no are judged by the very functions that read
	 * them (an empty one means "the default" there); an empty choice
	 * is refused by its reader, so here too.
	 */
	switch (k->type) {
	case MP_CKT_INT:
		if (!mp_conf_check_int(c->conf, name, k->min, k->max)) {
			(void)snprintf(msg, sizeof(msg), "%s = \"%.64s\": not "
			    "a whole number from %lld to %lld", name, value,
			    k->min, k->max);
			bad = 1;
		}
		break;
	case MP_CKT_BOOL:
		if (!mp_conf_check_bool(c->conf, name)) {
			(void)snprintf(msg, sizeof(msg), "%s = \"%.64s\": not "
			    "1/0, yes/no, true/false or on/off", name, value);
			bad = 1;
		}
		break;
	case MP_CKT_ENUM:
		if (!in_list(k->values, value, k->nocase)) {
			values_text(k->values, vals, sizeof(vals));
			(void)snprintf(msg, sizeof(msg), "%s = \"%.64s\": not "
			    "one of %s", name, value, vals);
			bad = 1;
		}
		break;
	case MP_CKT_STR:
	case MP_CKT_PATH:
	case MP_CKT_LIST:
		break;
	}
	if (bad) {
		c->report(c->arg, 1, msg);
		c->errors++;
	}
	return 0;
}

int
mp_confkey_check(const struct mp_conf *conf,
    void (*report)(void *, int, const char *), void *arg)
{
	struct check	 c;

	c.conf = conf;
	c.report = report;
	c.arg = arg;
	c.errors = 0;
	(void)mp_conf_walk(conf, check_one, &c);
	return c.errors;
}

int
mp_confkey_list_entry(const struct mp_conf *c, enum mp_ck k, size_t i,
    char *out, size_t outsz)
{
	const char	*p, *e;
	size_t		 len;

	if (outsz == 0 || (p = mp_confkey_str(c, k)) == NULL)
		return 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		len = (size_t)(e - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > 0 && i-- == 0) {
			if (len >= outsz)
				len = outsz - 1;
			memcpy(out, p, len);
			out[len] = '\0';
			return 1;
		}
		if (*e == '\0')
			return 0;
		p = e + 1;
	}
}

int
mp_confkey_in_list(const struct mp_conf *c, enum mp_ck k, const char *s)
{
	char	 e[1024];
	size_t	 i;

	for (i = 0; s != NULL && mp_confkey_list_entry(c, k, i, e,
	    sizeof(e)); i++)
		if (strcmp(e, s) == 0)
			return 1;
	return 0;
}
