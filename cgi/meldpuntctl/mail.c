/*
 * mail.c -- meldpuntctl mail: deliver the mail outbox (cron), show its
 * counts, queue the daily digest (a timer), queue a notification by
 * hand.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "ctl.h"

static void
mail_usage(void)
{

	fprintf(stderr, "usage: " PROG " mail send\n"
	    "       " PROG " mail status\n"
	    "       " PROG " mail digest\n"
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
	enum { REF_ID };	/* sql_ref's column */
	struct queue_arg q;
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	memset(&q, 0, sizeof(q));
	if (strcmp(kind, "handler") == 0)
		q.handler = 1;
	else if (strcmp(kind, "reporter") != 0) {
		mail_usage();
		return 2;
	}
	if (strlen(ref) > 24 || strncmp(ref, "M-", 2) != 0) {
		ctl_warnx("%s: not a report reference (M-...)", ref);
		return 2;
	}
	v[0] = MP_DBTEXT(ref);
	if ((er = mp_db_query(c->db, &st, sql_ref, v, 1)) == MP_OK) {
		if ((er = mp_db_next(st)) == MP_OK)
			q.id = mp_db_int(st, REF_ID);
		mp_db_done(st);
	}
	if (er == MP_ENOTFOUND) {
		ctl_warnx("%s: no such report", ref);
		return 1;
	}
	if (er == MP_OK)
		er = mp_db_txn(c->db, queue_txn, &q);
	if (er != MP_OK)
		return ctl_dberr(c, er);
	printf("queued for the %s of %s if there is an address\n", kind,
	    ref);
	return 0;
}

/*
 * Queue today's digests (issue 16); today in Europe/Amsterdam, so a
 * timer shortly after midnight local time starts a new day.
 */
static int
mail_digest(struct ctl *c)
{
	char			 day[MP_JOURNAL_DATE_LEN];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	mp_journal_today(time(NULL), day);
	if ((er = mp_outbox_queue_digest(c->db, day, &n)) != MP_OK)
		return ctl_dberr(c, er);
	printf("queued %llu digests for %s\n", n, day);
	return 0;
}

int
cmd_mail(struct ctl *c, int argc, char **argv)
{
	struct mp_outbox_stats st;
	long long	 pending, sent, failed;
	const char	*sub = argc > 1 ? argv[1] : "";
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
		/*
		 * A reporter's mail goes out in the report's language
		 * (lib/i18n.c); without the catalogues it is Dutch.
		 */
		if (mp_i18n_init(c->conf, mp_confkey_str(c->conf,
		    MP_CK_PATHS_TEMPLATES)) != MP_OK)
			mp_warnx("the catalogues cannot be read: mail to"
			    " reporters goes out in Dutch");
		er = mp_outbox_send(c->db, c->conf, &c->keys, mp_grant_mail,
		    &st);
		mp_i18n_free();
		printf("sent %ld, merged %ld, deferred %ld, given up %ld\n",
		    st.sent, st.merged, st.deferred, st.failed);
		if (er == MP_ECONF) {
			ctl_warnx("the mail settings are incomplete or wrong"
			    " (mail.from, site.public_url or"
			    " mail.feedback_url, texts); see the log");
			return 1;
		}
		if (er != MP_OK)
			return ctl_dberr(c, er);
		return st.failed > 0 ? 1 : 0;
	}
	if (strcmp(sub, "status") == 0 && argc == 2) {
		if ((er = mp_outbox_count(c->db, &pending, &sent, &failed)) !=
		    MP_OK)
			return ctl_dberr(c, er);
		printf("pending %lld, sent %lld, failed %lld\n", pending,
		    sent, failed);
		return 0;
	}
	if (strcmp(sub, "digest") == 0 && argc == 2)
		return mail_digest(c);
	if (strcmp(sub, "queue") == 0 && argc == 4)
		return mail_queue(c, argv[2], argv[3]);
	mail_usage();
	return strcmp(sub, "help") == 0 ? 0 : 2;
}
