/*
 * metrics.c -- meldpuntctl metrics [-o FILE]: what status looks at,
 * and the reports per status and channel and the outbox per state, in
 * the Prometheus text exposition format, for node_exporter's textfile
 * collector (conf/systemd/meldpunt-metrics.timer).  Written to
 * metrics.file or FILE ("-": standard output) atomically: a temporary
 * file in the same directory, flushed, then renamed over the old one,
 * so the collector never reads half a file.  The FastCGI programs keep
 * no counters of their own (each worker is a separate process with
 * nothing shared), so the counts come from the database.  Numbers,
 * names of statuses and channels and server labels only: no report
 * content, no contact details, no client addresses.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "meldpunt.h"
#include "ctl.h"

/* A metric family's HELP and TYPE, once, before its samples. */
static void
family(FILE *fp, const char *name, const char *type, const char *help)
{

	fprintf(fp, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* A label value with \, " and newline escaped (the format's rule). */
static void
label(FILE *fp, const char *v)
{

	for (; *v != '\0'; v++)
		if (*v == '\\' || *v == '"')
			fprintf(fp, "\\%c", *v);
		else if (*v == '\n')
			fputs("\\n", fp);
		else
			fputc(*v, fp);
}

static void
report_count(const char *status, const char *channel, long long n,
    void *arg)
{
	FILE	*fp = arg;

	fputs("meldpunt_reports{status=\"", fp);
	label(fp, status);
	fputs("\",channel=\"", fp);
	label(fp, channel);
	fprintf(fp, "\"} %lld\n", n);
}

static void
write_db(FILE *fp, struct ctl *c, const struct ctl_health *h)
{
	size_t	 i;

	family(fp, "meldpunt_db_server_up", "gauge",
	    "1 if the database server takes a connection and is synced.");
	for (i = 0; i < h->nhosts; i++) {
		fputs("meldpunt_db_server_up{server=\"", fp);
		label(fp, h->host[i].label);
		fprintf(fp, "\"} %d\n", h->host[i].up);
	}
	family(fp, "meldpunt_db_up", "gauge",
	    "1 if meldpuntctl reached a database server.");
	fprintf(fp, "meldpunt_db_up %d\n", h->db_up);
	if (h->have_schema) {
		family(fp, "meldpunt_schema_version", "gauge",
		    "The highest migration applied to the database.");
		fprintf(fp, "meldpunt_schema_version %ld\n", h->schema);
	}
	if (h->have_schema_files) {
		family(fp, "meldpunt_schema_latest", "gauge",
		    "The highest migration among the installed SQL files.");
		fprintf(fp, "meldpunt_schema_latest %ld\n", h->schema_files);
	}
	if (h->have_mail) {
		family(fp, "meldpunt_mail_outbox", "gauge",
		    "Mails in the outbox per state.");
		fprintf(fp, "meldpunt_mail_outbox{state=\"pending\"} %lld\n"
		    "meldpunt_mail_outbox{state=\"sent\"} %lld\n"
		    "meldpunt_mail_outbox{state=\"failed\"} %lld\n",
		    h->mail_pending, h->mail_sent, h->mail_failed);
		family(fp, "meldpunt_mail_failed_recent", "gauge",
		    "Mails given up within status.mail_failed_window.");
		fprintf(fp, "meldpunt_mail_failed_recent %lld\n",
		    h->mail_failed_recent);
	}
	if (h->have_retention && h->retention_at != 0) {
		family(fp, "meldpunt_retention_last_batch_timestamp_seconds",
		    "gauge", "When the last retention batch erased"
		    " something.");
		fprintf(fp, "meldpunt_retention_last_batch_timestamp_seconds "
		    "%lld\n", (long long)h->retention_at);
	}
	if (h->db_up) {
		family(fp, "meldpunt_reports", "gauge",
		    "Reports per status and channel.");
		(void)mp_report_count_by(c->db, report_count, fp);
	}
}

/* Every family; the caller checks fp's error state. */
static void
write_all(FILE *fp, struct ctl *c)
{
	struct ctl_health	 h;
	char			 problems[1024];
	size_t			 i;
	int			 state;

	ctl_health_gather(c, &h);
	state = ctl_health_judge(c, &h, problems, sizeof(problems));
	family(fp, "meldpunt_status", "gauge", "The state meldpuntctl status"
	    " gives: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.");
	fprintf(fp, "meldpunt_status %d\n", state);
	write_db(fp, c, &h);
	if (h.have_spool) {
		family(fp, "meldpunt_spool_reports", "gauge",
		    "Reports waiting in the spool for the database.");
		fprintf(fp, "meldpunt_spool_reports %ld\n", h.spool.files);
		family(fp, "meldpunt_spool_bytes", "gauge",
		    "Bytes of the reports waiting in the spool.");
		fprintf(fp, "meldpunt_spool_bytes %lld\n", h.spool.bytes);
		family(fp, "meldpunt_spool_oldest_age_seconds", "gauge",
		    "How long the oldest spooled report has waited.");
		fprintf(fp, "meldpunt_spool_oldest_age_seconds %lld\n",
		    ctl_health_spool_age(&h));
		family(fp, "meldpunt_spool_bad_files", "gauge",
		    "Spool files set aside as unreadable (.bad).");
		fprintf(fp, "meldpunt_spool_bad_files %ld\n", h.spool.bad);
	}
	family(fp, "meldpunt_key_file_ok", "gauge",
	    "1 if the key file exists (when required) with a safe mode.");
	for (i = 0; i < CTL_HEALTH_NKEYS; i++)
		if (h.key[i].state != CTL_KEY_UNSET)
			fprintf(fp, "meldpunt_key_file_ok{file=\"%s\"} %d\n",
			    h.key[i].name, h.key[i].state == CTL_KEY_OK);
	family(fp, "meldpunt_metrics_timestamp_seconds", "gauge",
	    "When meldpuntctl metrics wrote this file.");
	fprintf(fp, "meldpunt_metrics_timestamp_seconds %lld\n",
	    (long long)h.now);
}

/*
 * To path by way of a temporary file beside it: whole or not at all.
 * 0644: the collector runs as another user, and nothing here is secret.
 */
static int
write_file(struct ctl *c, const char *path)
{
	char	 tmp[4096];
	FILE	*fp = NULL;
	int	 fd = -1, rc = 1;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", path) >=
	    sizeof(tmp)) {
		ctl_warnx("%s: name too long", path);
		return 1;
	}
	if ((fd = mkstemp(tmp)) == -1) {
		ctl_warnx("%s: %s", tmp, strerror(errno));
		return 1;
	}
	if (fchmod(fd, 0644) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		ctl_warnx("%s: %s", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	write_all(fp, c);
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) == -1) {
		ctl_warnx("%s: %s", tmp, strerror(errno));
		goto out;
	}
	if (fclose(fp) != 0) {
		fp = NULL;
		ctl_warnx("%s: %s", tmp, strerror(errno));
		goto out;
	}
	fp = NULL;
	if (rename(tmp, path) == -1) {
		ctl_warnx("%s: %s", path, strerror(errno));
		goto out;
	}
	tmp[0] = '\0';
	rc = 0;
out:
	if (fp != NULL)
		(void)fclose(fp);
	if (fd != -1)
		(void)close(fd);
	if (tmp[0] != '\0')
		(void)unlink(tmp);
	return rc;
}

int
cmd_metrics(struct ctl *c, int argc, char **argv)
{
	const char	*path;

	if (argc == 3 && strcmp(argv[1], "-o") == 0)
		path = argv[2];
	else if (argc == 1)
		path = mp_confkey_str(c->conf, MP_CK_METRICS_FILE);
	else {
		ctl_usage();
		return 2;
	}
	if (path == NULL || path[0] == '\0') {
		ctl_warnx("metrics.file is empty; give -o FILE");
		return 1;
	}
	if (strcmp(path, "-") == 0) {
		write_all(stdout, c);
		return fflush(stdout) != 0 || ferror(stdout) ? 1 : 0;
	}
	return write_file(c, path);
}
