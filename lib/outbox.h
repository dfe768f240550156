/*
 * outbox.h -- the mail outbox: notifications are queued as rows of
 * mail_outbox inside the transaction of the change that causes them
 * (so a rolled-back change sends nothing) and delivered later, outside
 * any request, by "meldpuntctl mail send" through the configured
 * sendmail command, with retries and a backoff.  A queued row holds
 * the report and whom to tell, never an address or any text: a
 * reporter's address is opened from its sealed box only to send.
 */
#ifndef MP_OUTBOX_H
#define MP_OUTBOX_H

#include <stdint.h>
#include <time.h>

#include "errcode.h"
#include "user.h"

struct mp_conf;
struct mp_db;
struct mp_keys;

/*
 * Queue "there is news about your report" for the reporter of
 * report_id, if and only if they left an e-mail address (a sealed
 * reporter_contact.email_enc on a report that is not anonymous).  One
 * prepared INSERT ... SELECT, meant to run inside the caller's
 * transaction (mp_db_txn): it reads no address and decrypts nothing.
 * MP_OK also when nothing was queued (anonymous, no address, no such
 * report); a database error otherwise (the caller rolls back).
 */
enum mp_err	 mp_outbox_notify_reporter(struct mp_db *, uint64_t report_id);

/*
 * Queue "the reporter replied to report M-..." for the report's
 * handler, if it has one who is not disabled and has an address
 * (meldpuntctl user set-email).  Same contract as above.
 */
enum mp_err	 mp_outbox_notify_handler(struct mp_db *, uint64_t report_id);

/*
 * Queue "request N waits for confirmation" (lib/grant.h) for every
 * coordinator who is not disabled and has an address.  Same contract
 * as above; the text, made at send time, names the accounts and the
 * change, never anything of a report.
 */
enum mp_err	 mp_outbox_notify_grant(struct mp_db *, long long request_id);

/*
 * Issue 16, notices to staff; same contract as above (inside the
 * caller's transaction, MP_OK also when nobody was told).  The team
 * of report_id hears that it arrived in the team's queue: one row per
 * member who is not disabled, has an address and did not switch team
 * notices off (lib/notice.h), except the user except (who made the
 * change; 0 for none).  Runs as the definer of outbox_notify_team()
 * (sql/048), so the intake needs no right on accounts.
 */
enum mp_err	 mp_outbox_notify_team(struct mp_db *, uint64_t report_id,
		    long long except);
/* The handler of report_id hears it was assigned to them (not except). */
enum mp_err	 mp_outbox_notify_assigned(struct mp_db *,
		    uint64_t report_id, long long except);
/*
 * Queue the daily digest for day (YYYY-MM-DD, today in
 * Europe/Amsterdam: mp_journal_today) for every user who has an open
 * task due before day, an address, and the digest on; at most one per
 * user and day, so a second run queues nothing.  *n: rows queued.
 */
enum mp_err	 mp_outbox_queue_digest(struct mp_db *, const char *day,
		    unsigned long long *n);

/*
 * What the coordinators' mail says about one grant request, read when
 * the mail is sent, so it tells how the request stands then.  The
 * outbox, a mechanism below the domain, does not read requests
 * itself: the caller of mp_outbox_send passes a function of the grant
 * module (mp_grant_mail, lib/grant.h) that fills this in.
 */
#define MP_OUTBOX_WHAT_MAX	600
struct mp_outbox_request {
	long long	 id;
	char		 what[MP_OUTBOX_WHAT_MAX];	/* "rol coördinator" */
	char		 target[MP_USERNAME_MAX + 1];
	char		 requester[MP_USERNAME_MAX + 1];
	char		 status[24];			/* "open", ... */
	time_t		 at;				/* requested at */
};
/* Fill *r for request id; MP_ENOTFOUND when there is no such request. */
typedef enum mp_err (*mp_outbox_request_fn)(struct mp_db *, long long id,
		    struct mp_outbox_request *r);

/* What one mp_outbox_send run did. */
struct mp_outbox_stats {
	long		 sent;		/* handed to sendmail, marked sent */
	long		 merged;	/* covered by a mail sent (not sent) */
	long		 deferred;	/* failed, to be tried again later */
	long		 failed;	/* given up (status 'failed') */
	long		 lost;		/* taken by another sender meanwhile */
};

/*
 * Deliver every pending row that is due, each at most once per run:
 * claim it (a random token and a lease, committed, so concurrent
 * senders never take the same row), open the address, compose the
 * Dutch text (mail.* in the configuration), run mail.sendmail, and
 * mark it sent, together with the other pending notices to the same
 * person about the same report (one "there is news" covers them); a
 * failed delivery is tried again after mail.retry_delay seconds,
 * doubling up to mail.retry_max_delay, and given up after
 * mail.max_tries tries; a row whose address is gone is given up at
 * once, and so is a mail about a request that request (the function
 * that reads requests) no longer finds.  Every failure is logged with
 * the row and report id and the reason, never the address or any
 * text.  st is filled in.  Returns MP_EINVAL (nothing claimed) when
 * request is NULL, MP_ECONF (nothing claimed) when mail.from or a URL
 * is missing or wrong or a configured text is refused in a header, a
 * database error when the outbox cannot be read, else MP_OK.
 */
enum mp_err	 mp_outbox_send(struct mp_db *, const struct mp_conf *,
		    const struct mp_keys *, mp_outbox_request_fn request,
		    struct mp_outbox_stats *st);

/* Rows per status: pending, sent, failed. */
enum mp_err	 mp_outbox_count(struct mp_db *, long long *pending,
		    long long *sent, long long *failed);
/*
 * The mails given up (status failed) whose last try lies within the
 * last seconds, into *n: what meldpuntctl status warns about; an old
 * failure that was dealt with stops counting when it leaves the window.
 */
enum mp_err	 mp_outbox_failed_recent(struct mp_db *, long long seconds,
		    long long *n);

/*
 * The delivery log (the coordinators' page): one notice as the log
 * shows it, whom by name only -- a user's or a team's, never an
 * address -- and why it failed (last_error, never an address).
 */
struct mp_outbox_entry {
	long long	 id;
	char		 kind[16];	/* "reporter", "team", ... */
	char		 status[16];	/* "pending", "sent", "failed" */
	long long	 tries;
	time_t		 created;
	time_t		 sent;		/* 0: not sent */
	time_t		 next_try;	/* pending: next try; failed: last */
	char		 error[201];
	char		 ref[24];	/* "" when about no report */
	long long	 request_id;	/* kind "grant" */
	char		 user_name[404];	/* display name; "" for none */
	char		 user[MP_USERNAME_MAX + 1];
	char		 team[404];	/* kind "team" */
	char		 day[11];	/* kind "digest" */
};
typedef void	(*mp_outbox_log_fn)(const struct mp_outbox_entry *, void *);
/*
 * The notices of status and kind ("" or NULL: any), newest first, rows
 * offset .. offset + limit (limit 1..1000) to fn; *total: how many
 * match in all.
 */
enum mp_err	 mp_outbox_log(struct mp_db *, const char *status,
		    const char *kind, long long offset, long long limit,
		    mp_outbox_log_fn fn, void *arg, long long *total);
/* 1 when kind is one of mail_outbox's kinds. */
int		 mp_outbox_kind_valid(const char *kind);

#endif
