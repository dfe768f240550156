/*
 * workflow.h -- the statuses of a report and the transitions between
 * them, in one table.  Every status change goes through
 * mp_workflow_allowed.
 */
#ifndef MP_WORKFLOW_H
#define MP_WORKFLOW_H

#include <stddef.h>

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
};

/* Every status a report can have, in work order; NULL-terminated. */
extern const char *const mp_statuses[];
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
/* The i-th transition leaving from, or NULL past the last. */
const struct mp_transition *
		 mp_workflow_next(const char *from, size_t i);

#endif
