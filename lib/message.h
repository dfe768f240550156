/*
 * message.h -- the conversation between the meldpunt and a reporter:
 * messages in both directions on a report, the automatic texts sent on
 * a status change (feedback.auto.* in the configuration) and the
 * reporter's reply with its effects (unread marker, "wacht op melder"
 * ended).  mp_message_add is the one place a message is written, and so
 * the one place that queues mail about it.
 */
#ifndef MP_MESSAGE_H
#define MP_MESSAGE_H

#include <stddef.h>
#include <time.h>

#include "errcode.h"

struct mp_conf;
struct mp_db;
struct mp_attachment;

#define MP_MSG_MAX	4000	/* characters of one message */

enum mp_msg_dir {
	MP_MSG_OUT = 0,		/* to the reporter ("uit") */
	MP_MSG_IN		/* from the reporter ("in") */
};

/* message.kind */
#define MP_MSG_HANDLER	"bericht"	/* written by a handler */
#define MP_MSG_AUTO	"automatisch"	/* a status change's text */
#define MP_MSG_REPLY	"antwoord"	/* the reporter's */

/*
 * Add a message to report_id inside the caller's transaction, now
 * (UTC_TIMESTAMP()), and queue the mail it causes in the same
 * transaction.  author_id (0: none) and author name the handler.  *id
 * (may be NULL) gets the new row's id.
 */
enum mp_err	 mp_message_add(struct mp_db *, long long report_id,
		    enum mp_msg_dir, const char *kind, long long author_id,
		    const char *author, const char *body, long long *id);

/*
 * The configured automatic text for a report that reaches status
 * (feedback.auto.<status with "_" for spaces>.text and .enabled), or
 * NULL when there is none or it is switched off.  "nieuw" is shown to
 * the reporter as the first message, at the time received.
 */
const char	*mp_message_auto_text(const struct mp_conf *,
		    const char *status);
/*
 * As mp_message_auto_text, in language lang (lib/i18n.c): the text of
 * the catalogue's auto.<new|taken|dossier|closed> for a language other
 * than Dutch (an instance sets it with i18n.text.<lang>.auto.*), the
 * configured Dutch one otherwise, and NULL when that is switched off.
 */
const char	*mp_message_auto_text_lang(const struct mp_conf *,
		    const char *status, const char *lang);

/*
 * Inside a status change's transaction: add the automatic text for
 * status, followed by the handler's personal line when given (either
 * may be absent; with neither nothing is written).
 */
enum mp_err	 mp_message_on_status(struct mp_db *, const struct mp_conf *,
		    long long report_id, const char *status,
		    long long author_id, const char *author,
		    const char *personal);

/* A reporter's reply; see mp_message_reply. */
struct mp_keys;
struct mp_ratelimit;

struct mp_reply {
	long long		 report_id;
	const char		*body;		/* may be "" with files */
	const struct mp_attachment *att;
	size_t			 natt;
	/*
	 * When rl is not NULL the reply counts against it, with the report
	 * in the per-client bucket (keyed under keys, at now).
	 */
	const struct mp_keys	*keys;
	const struct mp_ratelimit *rl;
	time_t			 now;
	/*
	 * 1: a report that is afgerond goes back to the queue
	 * (mp_workflow_on_reply); 0: such a reply fails (MP_EDB) and
	 * nothing is stored.
	 */
	int			 reopen;
	/* Set by mp_message_reply. */
	long long		 message_id;
};

/*
 * Store a reply in one transaction: the message, its files, one more
 * unread reply on the report, an event, and when the report waited for
 * the reporter its return to "in behandeling" with an event of its own.
 * The reply goes to the report of the reporter's session bound to the
 * connection (mp_session_load, sql/020); rp->report_id must be that
 * report (its files are refused otherwise).  MP_ENOTFOUND (nothing
 * stored) when no live session is bound, MP_ELIMIT (nothing stored)
 * when rp->rl refuses it.
 */
enum mp_err	 mp_message_reply(struct mp_db *, struct mp_reply *);

#endif
