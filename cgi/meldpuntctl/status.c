/*
 * status.c -- meldpuntctl status: the health of one instance in one
 * line, in the conventions of Nagios plugins, for Nagios, Icinga and
 * Zabbix: "MELDPUNT OK - ... | perfdata", exit 0 OK, 1 WARNING,
 * 2 CRITICAL, 3 UNKNOWN.  What it looks at (ctl_health_gather, which
 * meldpuntctl metrics shares): each configured database server, the
 * schema against the migration files, the spool, the mail outbox, the
 * last retention batch and the modes of the key files.  Thresholds are
 * status.* in the configuration.  Only numbers, server labels and file
 * names are printed: never report content, contact details or client
 * addresses (nothing here reads them).
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "meldpunt.h"
#include "ctl.h"

/* The key files and what their mode may allow (lib/keys.c). */
static const struct {
	enum mp_ck	 key;
	const char	*name;
	mode_t		 forbidden;	/* CRITICAL when any is set */
	int		 required;
} keyfiles[CTL_HEALTH_NKEYS] = {
	/* mp_keys_load refuses any group or other bit: nothing starts. */
	{ MP_CK_CRYPTO_KEY_FILE, "key_file", S_IRWXG | S_IRWXO, 1 },
	/* 0600 or 0640 (README): others never, the group only reads. */
	{ MP_CK_CRYPTO_CONTACT_PRIVATE_FILE, "contact_private_file",
	  S_IWGRP | S_IXGRP | S_IRWXO, 0 },
	/* Whoever may replace the public key receives the contacts. */
	{ MP_CK_CRYPTO_CONTACT_PUBLIC_FILE, "contact_public_file",
	  S_IWGRP | S_IWOTH, 0 },
};

static void
gather_keys(struct ctl *c, struct ctl_health *h)
{
	struct stat	 sb;
	const char	*path;
	size_t		 i;

	for (i = 0; i < CTL_HEALTH_NKEYS; i++) {
		h->key[i].name = keyfiles[i].name;
		h->key[i].state = CTL_KEY_OK;
		path = mp_confkey_str(c->conf, keyfiles[i].key);
		if (path == NULL || path[0] == '\0') {
			h->key[i].state = keyfiles[i].required ?
			    CTL_KEY_MISSING : CTL_KEY_UNSET;
			continue;
		}
		if (stat(path, &sb) == -1)
			h->key[i].state = errno == ENOENT ? CTL_KEY_MISSING :
			    CTL_KEY_UNREADABLE;
		else if (!S_ISREG(sb.st_mode))
			h->key[i].state = CTL_KEY_MISSING;
		else {
			h->key[i].mode = sb.st_mode & 07777;
			if ((sb.st_mode & keyfiles[i].forbidden) != 0)
				h->key[i].state = CTL_KEY_BADMODE;
		}
	}
}

static void
last_run(const struct mp_retention_run *run, void *arg)
{
	struct ctl_health	*h = arg;

	h->retention_at = run->at;
}

/*
 * The database part: every server on its own, then the rest over a
 * connection to whichever answers first.
 */
static void
gather_db(struct ctl *c, struct ctl_health *h)
{
	const char	*label;
	char		 err[256];
	size_t		 i;

	h->nhosts = mp_db_nhosts(c->db);
	if (h->nhosts > MP_DBHOST_MAX)
		h->nhosts = MP_DBHOST_MAX;
	for (i = 0; i < h->nhosts; i++) {
		label = mp_db_host_label(c->db, i);
		(void)snprintf(h->host[i].label, sizeof(h->host[i].label),
		    "%s", label != NULL ? label : "?");
		h->host[i].up = mp_db_probe(c->db, i) == MP_OK;
		h->hosts_up += h->host[i].up;
	}
	if (mp_migrate_latest(mp_confkey_str(c->conf, MP_CK_PATHS_SQL),
	    &h->schema_files, err, sizeof(err)) == MP_OK)
		h->have_schema_files = 1;
	if (h->hosts_up == 0 || mp_db_connect(c->db) != MP_OK)
		return;
	h->db_up = 1;
	if ((h->schema = mp_migrate_version(c->db)) >= 0)
		h->have_schema = 1;
	if (mp_outbox_count(c->db, &h->mail_pending, &h->mail_sent,
	    &h->mail_failed) == MP_OK &&
	    mp_outbox_failed_recent(c->db, mp_confkey_int(c->conf,
	    MP_CK_STATUS_MAIL_FAILED_WINDOW), &h->mail_failed_recent) ==
	    MP_OK)
		h->have_mail = 1;
	if (mp_retention_runs(c->db, 1, last_run, h) == MP_OK)
		h->have_retention = 1;
}

void
ctl_health_gather(struct ctl *c, struct ctl_health *h)
{

	memset(h, 0, sizeof(*h));
	h->now = time(NULL);
	if (mp_spool_stat(mp_confkey_str(c->conf, MP_CK_PATHS_SPOOL),
	    &h->spool) == MP_OK)
		h->have_spool = 1;
	gather_keys(c, h);
	gather_db(c, h);
}

/* What one check found: raise the state, add a problem to the text. */
struct verdict {
	int	 state;
	char	 problems[1024];
};

/* UNKNOWN (3) weighs more than WARNING (1), less than CRITICAL (2). */
static int
rank(int state)
{

	return state == CTL_UNKNOWN ? 2 : state == CTL_CRITICAL ? 3 : state;
}

static void
raise_to(struct verdict *v, int state, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
raise_to(struct verdict *v, int state, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 len = strlen(v->problems);

	if (rank(state) > rank(v->state))
		v->state = state;
	if (len > 0 && len + 2 < sizeof(v->problems)) {
		memcpy(v->problems + len, "; ", 3);
		len += 2;
	}
	va_start(ap, fmt);
	(void)vsnprintf(v->problems + len, sizeof(v->problems) - len, fmt,
	    ap);
	va_end(ap);
}

/* A value against a pair of thresholds (0: off). */
static int
level(long long v, long long warn, long long crit)
{

	if (crit > 0 && v >= crit)
		return CTL_CRITICAL;
	if (warn > 0 && v >= warn)
		return CTL_WARNING;
	return CTL_OK;
}

long long
ctl_health_spool_age(const struct ctl_health *h)
{

	if (h->spool.files == 0 || h->spool.oldest > h->now)
		return 0;
	return (long long)(h->now - h->spool.oldest);
}

long long
ctl_health_retention_age(const struct ctl_health *h)
{

	if (h->retention_at == 0 || h->retention_at > h->now)
		return 0;
	return (long long)(h->now - h->retention_at);
}

static void
judge_db(struct ctl *c, const struct ctl_health *h, struct verdict *v)
{
	long long	 w, k, rw, rc;
	size_t		 i;
	int		 l;

	for (i = 0; i < h->nhosts; i++)
		if (!h->host[i].up)
			raise_to(v, CTL_CRITICAL, "database server %s does "
			    "not answer or is not synced", h->host[i].label);
	if (!h->db_up) {
		raise_to(v, CTL_CRITICAL, "no database server answers");
		return;
	}
	if (!h->have_schema || !h->have_schema_files)
		raise_to(v, CTL_UNKNOWN, "cannot read the schema version%s",
		    h->have_schema_files ? "" : " of paths.sql");
	else if (h->schema < h->schema_files)
		raise_to(v, CTL_CRITICAL, "schema %ld behind migrations %ld;"
		    " run meldpuntctl migrate", h->schema, h->schema_files);
	else if (h->schema > h->schema_files)
		raise_to(v, CTL_WARNING, "schema %ld newer than these "
		    "programs' migrations (%ld)", h->schema,
		    h->schema_files);
	if (!h->have_mail)
		raise_to(v, CTL_UNKNOWN, "cannot read the mail outbox");
	else {
		w = mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_PENDING_WARN);
		k = mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_PENDING_CRIT);
		if ((l = level(h->mail_pending, w, k)) != CTL_OK)
			raise_to(v, l, "%lld mails waiting", h->mail_pending);
		w = mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_FAILED_WARN);
		k = mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_FAILED_CRIT);
		if ((l = level(h->mail_failed_recent, w, k)) != CTL_OK)
			raise_to(v, l, "%lld mails given up",
			    h->mail_failed_recent);
	}
	rw = mp_confkey_int(c->conf, MP_CK_STATUS_RETENTION_WARN_AGE);
	rc = mp_confkey_int(c->conf, MP_CK_STATUS_RETENTION_CRIT_AGE);
	if (rw == 0 && rc == 0)
		return;
	if (!h->have_retention)
		raise_to(v, CTL_UNKNOWN, "cannot read the retention runs");
	else if (h->retention_at == 0)
		raise_to(v, CTL_WARNING, "no retention batch yet");
	else if ((l = level(ctl_health_retention_age(h), rw, rc)) != CTL_OK)
		raise_to(v, l, "last retention batch %llds ago",
		    ctl_health_retention_age(h));
}

int
ctl_health_judge(struct ctl *c, const struct ctl_health *h, char *buf,
    size_t sz)
{
	struct verdict	 v;
	long long	 age;
	size_t		 i;
	int		 l;

	memset(&v, 0, sizeof(v));
	judge_db(c, h, &v);
	if (!h->have_spool)
		raise_to(&v, CTL_UNKNOWN, "cannot read the spool directory");
	else {
		age = ctl_health_spool_age(h);
		if ((l = level(age, mp_confkey_int(c->conf,
		    MP_CK_STATUS_SPOOL_WARN_AGE), mp_confkey_int(c->conf,
		    MP_CK_STATUS_SPOOL_CRIT_AGE))) != CTL_OK)
			raise_to(&v, l, "%ld spooled reports, the oldest"
			    " %llds", h->spool.files, age);
		if (h->spool.bad > 0)
			raise_to(&v, CTL_WARNING, "%ld unreadable spool files",
			    h->spool.bad);
	}
	for (i = 0; i < CTL_HEALTH_NKEYS; i++)
		switch (h->key[i].state) {
		case CTL_KEY_OK:
		case CTL_KEY_UNSET:
			break;
		case CTL_KEY_MISSING:
			raise_to(&v, CTL_CRITICAL, "crypto.%s missing",
			    h->key[i].name);
			break;
		case CTL_KEY_UNREADABLE:
			raise_to(&v, CTL_UNKNOWN, "cannot stat crypto.%s",
			    h->key[i].name);
			break;
		case CTL_KEY_BADMODE:
			raise_to(&v, CTL_CRITICAL, "crypto.%s has mode %04o",
			    h->key[i].name, (unsigned)h->key[i].mode);
			break;
		}
	(void)snprintf(buf, sz, "%s", v.problems);
	return v.state;
}

const char *
ctl_health_state_name(int state)
{
	static const char *const names[] = {
		"OK", "WARNING", "CRITICAL", "UNKNOWN"
	};

	return state >= 0 && state <= CTL_UNKNOWN ? names[state] : "UNKNOWN";
}

/* The perfdata: label=value[UOM];warn;crit;min;max (Nagios). */
static void
perfdata(struct ctl *c, const struct ctl_health *h)
{

	printf(" | db_servers_up=%zu;;;0;%zu", h->hosts_up, h->nhosts);
	if (h->have_schema && h->have_schema_files)
		printf(" schema_behind=%ld;;1;0;", h->schema_files -
		    h->schema);
	if (h->have_spool)
		printf(" spool_reports=%ld;;;0; spool_oldest_age=%llds;%lld;"
		    "%lld;0;", h->spool.files, ctl_health_spool_age(h),
		    mp_confkey_int(c->conf, MP_CK_STATUS_SPOOL_WARN_AGE),
		    mp_confkey_int(c->conf, MP_CK_STATUS_SPOOL_CRIT_AGE));
	if (h->have_mail)
		printf(" mail_pending=%lld;%lld;%lld;0; mail_failed=%lld;%lld;"
		    "%lld;0;", h->mail_pending,
		    mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_PENDING_WARN),
		    mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_PENDING_CRIT),
		    h->mail_failed_recent,
		    mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_FAILED_WARN),
		    mp_confkey_int(c->conf, MP_CK_STATUS_MAIL_FAILED_CRIT));
	if (h->have_retention && h->retention_at != 0)
		printf(" retention_age=%llds;;;0;",
		    ctl_health_retention_age(h));
	putchar('\n');
}

int
ctl_status_unknown(const char *why)
{

	printf("MELDPUNT UNKNOWN - %s\n", why);
	return CTL_UNKNOWN;
}

int
cmd_status(struct ctl *c, int argc, char **argv)
{
	struct ctl_health	 h;
	char			 problems[1024];
	int			 state;

	(void)argv;
	if (argc != 1)
		return ctl_status_unknown("usage: meldpuntctl status");
	ctl_health_gather(c, &h);
	state = ctl_health_judge(c, &h, problems, sizeof(problems));
	printf("MELDPUNT %s - ", ctl_health_state_name(state));
	if (problems[0] != '\0')
		printf("%s; ", problems);
	printf("database %zu/%zu up", h.hosts_up, h.nhosts);
	if (h.have_schema)
		printf(", schema %ld", h.schema);
	if (h.have_spool)
		printf(", spool %ld", h.spool.files);
	if (h.have_mail)
		printf(", mail %lld pending %lld failed", h.mail_pending,
		    h.mail_failed_recent);
	perfdata(c, &h);
	return state;
}
