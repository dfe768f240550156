/*
 * workflow.c -- the status transitions of a report (see workflow.h).
 * nieuw -> in behandeling -> doorgezet naar partner / afgerond, with
 * reopening.  "in dossier" is reached only by adding the report to a
 * dossier (lib/dossier.c), from any other status.  "wacht op melder"
 * is set by a handler who asked the reporter something; the reporter's
 * reply ends it (lib/message.c), back to "in behandeling".
 *
 * The status of a report is written here only: mp_workflow_change for
 * a handler's change, mp_workflow_take for taking a report.  Two
 * writers stay in SQL, each in the one statement that does all its
 * work: intake_store() creates a report as "nieuw" (sql/009, 010, 017),
 * and feedback_reply_to() (sql/046, after feedback_reply() of 020),
 * called by lib/message.c, takes a report back from "wacht op melder"
 * to "in behandeling" when the reporter answers, and from "afgerond"
 * back to the queue when feedback.closed_reply lets it
 * (mp_workflow_on_reply: "in behandeling" is "Heropenen" of the table
 * below; "nieuw", for a report closed without a handler, is only this
 * reporter's way, never a handler's button).
 */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "db.h"
#include "errcode.h"
#include "event.h"
#include "routing.h"
#include "valid.h"
#include "workflow.h"

enum stmt {
	STMT_TAKE,
	STMT_STATUS,
	STMT_SEND_BACK,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_TAKE */
	"UPDATE report SET handler_id = ?, taken_at = COALESCE(taken_at,"
	" UTC_TIMESTAMP()), status = IF(status = 'nieuw', 'in behandeling',"
	" status), version = version + 1 WHERE id = ? AND version = ?",
	/* STMT_STATUS */
	"UPDATE report SET status = ?,"
	" taken_at = IF(? = 'in behandeling', COALESCE(taken_at,"
	" UTC_TIMESTAMP()), taken_at),"
	" handler_id = IF(? = 'in behandeling', COALESCE(handler_id, ?),"
	" handler_id),"
	" closed_at = IF(? = 'afgerond', UTC_TIMESTAMP(), NULL),"
	" closed_reason = IF(? = 'afgerond', ?, NULL),"
	" version = version + 1 WHERE id = ? AND version = ?",
	/* STMT_SEND_BACK (parenthesised for clang's -Wstring-concatenation) */
	("UPDATE report SET team_id = NULL, handler_id = NULL,"
	" version = version + 1 WHERE id = ? AND version = ?"),
};

const char *const mp_workflow_statuses[] = {
	MP_ST_NEW, MP_ST_TAKEN, MP_ST_WAITING, MP_ST_PARTNER, MP_ST_DOSSIER,
	MP_ST_CLOSED,
	NULL
};

static const struct mp_transition transitions[] = {
	{ MP_ST_NEW, MP_ST_TAKEN, "In behandeling nemen", 0, 0 },
	{ MP_ST_NEW, MP_ST_CLOSED, "Afronden zonder behandeling", 1, 0 },
	{ MP_ST_TAKEN, MP_ST_WAITING, "Wachten op antwoord melder", 0, 0 },
	{ MP_ST_TAKEN, MP_ST_PARTNER, "Doorzetten naar partner", 0, 0 },
	{ MP_ST_TAKEN, MP_ST_CLOSED, "Afronden", 1, 0 },
	{ MP_ST_WAITING, MP_ST_TAKEN, "Terug in behandeling", 0, 0 },
	{ MP_ST_WAITING, MP_ST_CLOSED, "Afronden", 1, 0 },
	{ MP_ST_PARTNER, MP_ST_TAKEN, "Terug in behandeling", 0, 0 },
	{ MP_ST_PARTNER, MP_ST_CLOSED, "Afronden", 1, 0 },
	{ MP_ST_DOSSIER, MP_ST_TAKEN, "Terug in behandeling", 0, 0 },
	{ MP_ST_DOSSIER, MP_ST_CLOSED, "Afronden", 1, 0 },
	{ MP_ST_CLOSED, MP_ST_TAKEN, "Heropenen", 0, 0 },
	{ MP_ST_NEW, MP_ST_DOSSIER, "In dossier", 0, 1 },
	{ MP_ST_TAKEN, MP_ST_DOSSIER, "In dossier", 0, 1 },
	{ MP_ST_WAITING, MP_ST_DOSSIER, "In dossier", 0, 1 },
	{ MP_ST_PARTNER, MP_ST_DOSSIER, "In dossier", 0, 1 },
	{ MP_ST_CLOSED, MP_ST_DOSSIER, "In dossier", 0, 1 },
};

int
mp_workflow_status(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && mp_workflow_statuses[i] != NULL; i++)
		if (strcmp(s, mp_workflow_statuses[i]) == 0)
			return 1;
	return 0;
}

const struct mp_transition *
mp_workflow_allowed(const char *from, const char *to)
{
	size_t	 i;

	if (from == NULL || to == NULL)
		return NULL;
	for (i = 0; i < MP_NELEM(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    strcmp(transitions[i].to, to) == 0)
			return &transitions[i];
	return NULL;
}

static const struct {
	const char	*status;
	const char	*text;
} public[] = {
	{ MP_ST_NEW, "Ontvangen. Uw melding wacht op beoordeling door een "
	  "medewerker." },
	{ MP_ST_TAKEN, "In behandeling. Een medewerker werkt aan uw "
	  "melding." },
	{ MP_ST_WAITING, "Wij hebben u een vraag gesteld. Wilt u die "
	  "hieronder beantwoorden?" },
	{ MP_ST_PARTNER, "In behandeling. Een medewerker werkt aan uw "
	  "melding." },
	{ MP_ST_DOSSIER, "In behandeling. Een medewerker werkt aan uw "
	  "melding." },
	{ MP_ST_CLOSED, "Afgerond. De behandeling van uw melding is "
	  "klaar." },
};

const char *
mp_workflow_public(const char *status)
{
	size_t	 i;

	for (i = 0; status != NULL && i < MP_NELEM(public); i++)
		if (strcmp(public[i].status, status) == 0)
			return public[i].text;
	return "In behandeling. Een medewerker werkt aan uw melding.";
}

enum mp_workflow_reply
mp_workflow_on_reply(const char *status, int reopen_closed)
{

	if (status != NULL && strcmp(status, MP_ST_WAITING) == 0)
		return MP_WF_REPLY_TAKES_BACK;
	if (status != NULL && strcmp(status, MP_ST_CLOSED) == 0)
		return reopen_closed ? MP_WF_REPLY_REOPENS :
		    MP_WF_REPLY_REFUSED;
	return MP_WF_REPLY_STAYS;
}

const struct mp_transition *
mp_workflow_next(const char *from, size_t n)
{
	size_t	 i;

	for (i = 0; from != NULL && i < MP_NELEM(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    !transitions[i].via_dossier && n-- == 0)
			return &transitions[i];
	return NULL;
}

enum mp_err
mp_workflow_change(struct mp_db *db, struct mp_status_change *c)
{
	struct mp_dbval		 v[9];
	struct mp_buf		 detail;
	const struct mp_transition *tr;
	enum mp_err		 er;

	c->n = 0;
	c->event = 0;
	if ((tr = c->tr = mp_workflow_allowed(c->from, c->to)) == NULL)
		return MP_EINVAL;
	if (tr->via_dossier && !c->via_dossier) {
		c->tr = NULL;
		return MP_EINVAL;
	}
	if (tr->needs_reason && (c->reason == NULL ||
	    mp_valid_blank(c->reason, strlen(c->reason))))
		return MP_EINVAL;
	v[0] = MP_DBTEXT(c->to);
	v[1] = MP_DBTEXT(c->to);
	v[2] = MP_DBTEXT(c->to);
	v[3] = MP_DBINT(c->user_id);
	v[4] = MP_DBTEXT(c->to);
	v[5] = MP_DBTEXT(c->to);
	v[6] = tr->needs_reason ? MP_DBTEXT(c->reason) : MP_DBNULL();
	v[7] = MP_DBINT(c->report_id);
	v[8] = MP_DBINT(c->version);
	mp_buf_init(&detail, 64 * 1024);
	er = mp_db_exec(db, stmts[STMT_STATUS], v, 9, &c->n, NULL);
	if (er == MP_OK)
		er = mp_buf_printf(&detail, "%s -> %s%s%s", c->from, c->to,
		    tr->needs_reason ? "; reden: " : "",
		    tr->needs_reason ? c->reason : "");
	/* The closing's explanation lives in the history only. */
	if (er == MP_OK && tr->needs_reason && c->note != NULL &&
	    !mp_valid_blank(c->note, strlen(c->note)))
		er = mp_buf_printf(&detail, "; toelichting: %s", c->note);
	if (er == MP_OK)
		er = mp_event_add(db, c->report_id, "status", c->actor,
		    mp_buf_str(&detail), &c->event);
	mp_buf_free(&detail);
	return er;
}

enum mp_err
mp_workflow_take(struct mp_db *db, long long report_id, long long version,
    long long user_id, const char *actor, const char *display,
    unsigned long long *n, long long *event)
{
	struct mp_dbval	 v[3];
	enum mp_err	 er;

	*n = 0;
	*event = 0;
	v[0] = MP_DBINT(user_id);
	v[1] = MP_DBINT(report_id);
	v[2] = MP_DBINT(version);
	if ((er = mp_db_exec(db, stmts[STMT_TAKE], v, 3, n, NULL)) != MP_OK)
		return er;
	return mp_event_add(db, report_id, "in behandeling genomen", actor,
	    display, event);
}

enum mp_err
mp_workflow_routed(struct mp_db *db, long long report_id,
    const struct mp_routing_rule *rule)
{
	char	 detail[MP_ROUTING_DETAIL_MAX];

	mp_routing_detail(rule, detail);
	return mp_event_add_own(db, report_id, "toegewezen", "systeem",
	    detail);
}

enum mp_err
mp_workflow_send_back(struct mp_db *db, long long report_id,
    long long version, const char *status, const char *actor,
    const char *reason, unsigned long long *n, long long *event)
{
	struct mp_dbval	 v[2];
	struct mp_buf	 detail;
	enum mp_err	 er;

	*n = 0;
	*event = 0;
	if (reason == NULL || mp_valid_blank(reason, strlen(reason)) ||
	    status == NULL || strcmp(status, MP_ST_CLOSED) == 0)
		return MP_EINVAL;
	v[0] = MP_DBINT(report_id);
	v[1] = MP_DBINT(version);
	if ((er = mp_db_exec(db, stmts[STMT_SEND_BACK], v, 2, n, NULL)) !=
	    MP_OK)
		return er;
	mp_buf_init(&detail, 64 * 1024);
	er = mp_buf_printf(&detail, "teruggestuurd naar de coördinatoren; "
	    "reden: %s", reason);
	if (er == MP_OK)
		er = mp_event_add(db, report_id, "teruggestuurd", actor,
		    mp_buf_str(&detail), event);
	mp_buf_free(&detail);
	return er;
}
