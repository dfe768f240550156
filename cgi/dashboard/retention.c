/*
 * retention.c -- a report's retention on its page (issue 15): the
 * dates its identity and content are due to be erased (or were), the
 * holds that keep it (an open dossier, a coordinator's hold for legal
 * proceedings), and the coordinator's form to hold it or lift the
 * hold, with a reason, as an event and an audit entry.  The terms and
 * the SQL are lib/retention.c's.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "dashboard.h"

#define HOLD_REASON_CHARS	500

/* "12-03-2026" of t, or "" for 0. */
static void
day(char out[32], time_t t)
{

	dash_time(out, t);
	if (t > 0 && strlen(out) > 10)
		out[10] = '\0';
}

enum mp_err
dash_retention_fill(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_retention_status	 s;
	char				 t[32];
	enum mp_err			 er;

	if ((er = mp_retention_report(r->d->ctx->db, r->d->ctx->conf,
	    r->arg[0], &s)) != MP_OK)
		return er == MP_ENOTFOUND ? MP_OK : er;
	day(t, s.identity_due);
	(void)mp_tmpl_set(v, "Ret.IdentityDue", t);
	day(t, s.content_due);
	(void)mp_tmpl_set(v, "Ret.ContentDue", t);
	day(t, s.identity_erased);
	(void)mp_tmpl_set(v, "Ret.IdentityErased", t);
	day(t, s.content_erased);
	(void)mp_tmpl_set(v, "Ret.ContentErased", t);
	(void)mp_tmpl_set_int(v, "Ret.Unfounded", s.unfounded);
	(void)mp_tmpl_set_int(v, "Ret.Dossier", s.in_open_dossier);
	(void)mp_tmpl_set_int(v, "Ret.Held", s.held);
	if (s.held) {
		(void)mp_tmpl_set(v, "Ret.Reason", s.hold_reason);
		dash_time(t, s.held_at);
		(void)mp_tmpl_set(v, "Ret.HeldAt", t);
	}
	return mp_tmpl_set_int(v, "Can.Hold", mp_access_user(&r->user,
	    MP_PERM_RETENTION_HOLD) && s.content_erased == 0);
}

/* One hold or lift, for the transaction. */
struct hold {
	struct mp_dreq	*r;
	int		 on;
	const char	*reason;
};

static enum mp_err
hold_txn(struct mp_db *db, void *arg)
{
	struct hold	*h = arg;
	enum mp_err	 er;

	if ((er = mp_retention_hold(db, h->r->arg[0], h->on ?
	    h->r->user.id : 0, h->reason)) != MP_OK)
		return er;
	/* The reason is on the hold (and goes with it), not in history. */
	if ((er = mp_event_add(db, h->r->arg[0], "bewaartermijn",
	    h->r->user.username, h->on ? "aangehouden" :
	    "aanhouding opgeheven", NULL)) != MP_OK)
		return er;
	return mp_audit(db, h->r->user.id, h->r->user.username, h->on ?
	    "bewaartermijn aanhouden" : "aanhouding opheffen", "melding",
	    h->r->arg[0], h->r->client, "reden bij de aanhouding");
}

void
mp_dash_hold_post(struct mp_dreq *r)
{
	struct hold	 h;
	const char	*a = dash_form(r, "actie");
	char		 back[64];
	enum mp_err	 er;

	memset(&h, 0, sizeof(h));
	h.r = r;
	h.reason = dash_form(r, "reden");
	if (a == NULL || (strcmp(a, "aanhouden") != 0 &&
	    strcmp(a, "opheffen") != 0)) {
		if (dash_report_page(r, 400, "Kies aanhouden of opheffen.",
		    "bewaren-reden") == MP_ENOTFOUND)
			dash_report_refused(r);
		return;
	}
	h.on = strcmp(a, "aanhouden") == 0;
	if (h.reason == NULL || mp_valid_blank(h.reason, strlen(h.reason)) ||
	    !mp_valid_text(h.reason, strlen(h.reason), HOLD_REASON_CHARS,
	    1)) {
		if (dash_report_page(r, 400, "Geef een reden, ten hoogste 500"
		    " tekens.", "bewaren-reden") == MP_ENOTFOUND)
			dash_report_refused(r);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, hold_txn, &h);
	if (er == MP_ENOTFOUND)
		dash_report_refused(r);
	else if (er != MP_OK)
		dash_error(r, mp_err_status(er), NULL);
	else {
		(void)snprintf(back, sizeof(back), "/melding/%lld#bewaren",
		    r->arg[0]);
		dash_done(r, back, "bewaren");
	}
}
