/*
 * workflow.h -- the statuses of a report and the transitions between
 * them, in one table.  Every status change goes through
 * mp_workflow_allowed.
 */
#ifndef MP_WORKFLOW_H
#define MP_WORKFLOW_H

#include <stddef.h>

struct mp_db;

/* The statuses as stored in report.status. */
#define MP_ST_NEW	"nieuw"
#define MP_ST_TAKEN	"in behandeling"
#define MP_ST_WAITING	"wacht op melder"
#define MP_ST_PARTNER	"doorgezet naar partner"
#define MP_ST_DOSSIER	"in dossier"
#define MP_ST_CLOSED	"afgerond"

struct mp_transition {
	const char	*from;
	const char	*to;
	const char	*label;		/* the button, in Dutch */
	int		 needs_reason;	/* closing needs a reason */
	/*
	 * Only by adding the report to a dossier (lib/dossier.c, with
	 * mp_status_change.via_dossier): never a button of its own.
	 */
	int		 via_dossier;
};

/* Every status a report can have, in work order; NULL-terminated. */
extern const char *const mp_workflow_statuses[];
/* 1 if s is a known status. */
int		 mp_workflow_status(const char *s);
/* The transition from -> to, or NULL when it is not allowed. */
const struct mp_transition *
		 mp_workflow_allowed(const char *from, const char *to);
/*
 * The status as the reporter sees it, in plain Dutch (a sentence):
 * partners and dossiers are internal, so both read as "in
 * behandeling".  Never NULL.
 */
const char	*mp_workflow_public(const char *status);
/*
 * The i-th transition leaving from that a handler may choose (not
 * via_dossier), or NULL past the last.
 */
const struct mp_transition *
		 mp_workflow_next(const char *from, size_t i);

/*
 * What a reporter's reply does to a report in status: nothing to the
 * status, takes it back from "wacht op melder", reopens it from
 * "afgerond" (to "in behandeling" with its handler, or "nieuw" when it
 * had none), or is refused because it is afgerond and reopen_closed
 * (feedback.closed_reply) is 0.  The change itself is written by
 * feedback_reply_to() (sql/046), whose account may not write report.
 */
enum mp_workflow_reply {
	MP_WF_REPLY_STAYS,
	MP_WF_REPLY_TAKES_BACK,
	MP_WF_REPLY_REOPENS,
	MP_WF_REPLY_REFUSED
};
enum mp_workflow_reply
		 mp_workflow_on_reply(const char *status, int reopen_closed);

/*
 * A status change of one report, by a user, in the caller's
 * transaction, which has locked the row and read its status (from)
 * and the version the user saw.
 */
struct mp_status_change {
	long long	 report_id;
	long long	 version;	/* the row changes only at this one */
	const char	*from;		/* the status now */
	const char	*to;
	const char	*reason;	/* closing: required */
	const char	*note;		/* closing: more words, or NULL */
	long long	 user_id;	/* the handler when it is taken */
	int		 via_dossier;	/* lib/dossier.c adds it to one */
	const char	*actor;		/* the history's name for the user */
	/* Results. */
	const struct mp_transition *tr;	/* NULL: not allowed */
	unsigned long long n;		/* rows changed; 0: version moved */
	long long	 event;		/* the history row's id */
};

/*
 * Check c->from -> c->to, then write the status (taken_at, handler,
 * closed_at, closed_reason with it) and its history row "status"
 * (lib/event.c).  MP_EINVAL with nothing written when the transition
 * is not allowed (c->tr NULL; a via_dossier one without
 * c->via_dossier is not allowed) or needs a reason that is blank (c->tr
 * set); otherwise the database's error.  A moved version (c->n 0)
 * still writes the history row: the caller rolls back.
 */
enum mp_err	 mp_workflow_change(struct mp_db *, struct mp_status_change *);
/*
 * Take report_id into handling by user_id at version: the handler is
 * set, and "nieuw" becomes "in behandeling" (the one transition taking
 * makes; any other status stays); history row "in behandeling
 * genomen" with detail display, its id to *event.  *n: rows changed
 * (0: version moved; the history row is still written, the caller
 * rolls back).
 */
enum mp_err	 mp_workflow_take(struct mp_db *, long long report_id,
		    long long version, long long user_id, const char *actor,
		    const char *display, unsigned long long *n,
		    long long *event);

/*
 * A new report was routed by rule (lib/routing.h) to its team, in the
 * transaction that stored it: its history row "toegewezen" by
 * "systeem", "automatisch toegewezen aan team X volgens regel N ...",
 * through the view that takes only that report (mp_event_add_own).
 */
struct mp_routing_rule;
enum mp_err	 mp_workflow_routed(struct mp_db *, long long report_id,
		    const struct mp_routing_rule *);
/*
 * A handler sends a wrongly routed report back to the coordinators'
 * queue, at version, with a reason (required): team and handler are
 * cleared, the status stays, history row "teruggestuurd" with the
 * reason, its id to *event.  MP_EINVAL with nothing written for a
 * blank reason or a closed report (status, as the caller locked it);
 * *n 0 when the version moved (the history row is written; the caller
 * rolls back).
 */
enum mp_err	 mp_workflow_send_back(struct mp_db *, long long report_id,
		    long long version, const char *status, const char *actor,
		    const char *reason, unsigned long long *n,
		    long long *event);

#endif
