/*
 * notice.c -- notices by mail on the dashboard (issue 16): a user's
 * own choice of notices (/meldingen-per-mail: a team's new reports,
 * the daily digest of overdue tasks; lib/notice.h), and the
 * coordinators' delivery log (/maillog): per notice when it was
 * queued, sent or given up and why, whom by name, never an address.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define LOG_PAGE	50	/* notices per page of the delivery log */
#define LOG_PAGES	100000	/* the last page one may ask for */

/* ------------------------------------------------------------------ */
/* A user's own choice.                                                */

static void
notice_page(struct mp_dreq *r, int status, const char *note)
{
	struct mp_notice n;
	struct mp_view	*v;
	enum mp_err	 er;

	if ((v = dash_view(r, "Meldingen per e-mail")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	er = mp_notice_get(r->d->ctx->db, r->user.id, &n);
	mp_tmpl_set_int(v, "Notice.Team", n.team_arrival);
	mp_tmpl_set_int(v, "Notice.Digest", n.digest);
	if (note != NULL)
		mp_tmpl_set(v, "Notice.Note", note);
	dash_finish(r, er, status, v, "dashboard/notice.cs");
}

void
mp_dash_notice(struct mp_dreq *r)
{
	const char	*s = dash_query(r, "klaar");

	notice_page(r, 200, s != NULL && strcmp(s, "1") == 0 ?
	    "Uw keuze is opgeslagen." : NULL);
}

struct nchange {
	struct mp_dreq		*r;
	struct mp_notice	 n;
};

static enum mp_err
notice_txn(struct mp_db *db, void *arg)
{
	struct nchange	*c = arg;
	struct mp_dreq	*r = c->r;
	char		 detail[64];
	enum mp_err	 er;

	if ((er = mp_notice_set(db, r->user.id, &c->n)) != MP_OK)
		return er;
	(void)snprintf(detail, sizeof(detail), "team: %s; overzicht: %s",
	    c->n.team_arrival ? "aan" : "uit", c->n.digest ? "aan" : "uit");
	return mp_audit(db, r->user.id, r->user.username,
	    "meldingen-per-mail", "gebruiker", r->user.id, r->client, detail);
}

/* A checkbox: "ja" when ticked, absent when not; anything else -1. */
static int
tick(const char *s)
{

	if (s == NULL)
		return 0;
	return strcmp(s, "ja") == 0 ? 1 : -1;
}

void
mp_dash_notice_post(struct mp_dreq *r)
{
	struct nchange	 c;
	int		 t, d;
	enum mp_err	 er;

	memset(&c, 0, sizeof(c));
	c.r = r;
	t = tick(dash_form(r, "team"));
	d = tick(dash_form(r, "overzicht"));
	if (t < 0 || d < 0) {
		dash_error(r, 400, "Het formulier is niet volledig.");
		return;
	}
	c.n.team_arrival = t;
	c.n.digest = d;
	if ((er = mp_db_txn(r->d->ctx->db, notice_txn, &c)) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	dash_redirect(r, "/meldingen-per-mail?klaar=1");
}

/* ------------------------------------------------------------------ */
/* The coordinators' delivery log.                                     */

/* The kinds and statuses as the page names them. */
static const struct {
	const char	*kind, *label;
} kinds[] = {
	{ "reporter", "melder: er is nieuws" },
	{ "handler", "behandelaar: melder reageerde" },
	{ "assigned", "behandelaar: toegewezen" },
	{ "team", "team: nieuwe melding" },
	{ "digest", "overzicht: taken over de datum" },
	{ "grant", "coördinator: verzoek" },
};
static const struct {
	const char	*status, *label;
} statuses[] = {
	{ "pending", "in de wachtrij" },
	{ "sent", "verstuurd" },
	{ "failed", "mislukt" },
};

static const char *
kind_label(const char *k)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(kinds); i++)
		if (strcmp(k, kinds[i].kind) == 0)
			return kinds[i].label;
	return k;
}

static const char *
status_label(const char *s)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(statuses); i++)
		if (strcmp(s, statuses[i].status) == 0)
			return statuses[i].label;
	return s;
}

struct logrows {
	struct mp_view	*v;
	size_t		 n;
};

static void
log_row(const struct mp_outbox_entry *e, void *arg)
{
	struct logrows	*a = arg;
	char		 t[32], who[1024];

	dash_setki(a->v, "Mails", a->n, "Id", e->id);
	dash_setk(a->v, "Mails", a->n, "Kind", kind_label(e->kind));
	dash_setk(a->v, "Mails", a->n, "Status", status_label(e->status));
	dash_setk(a->v, "Mails", a->n, "StatusCode", e->status);
	dash_setki(a->v, "Mails", a->n, "Tries", e->tries);
	dash_time(t, e->created);
	dash_setk(a->v, "Mails", a->n, "Queued", t);
	dash_time(t, e->sent);
	dash_setk(a->v, "Mails", a->n, "Sent", t);
	if (strcmp(e->status, "failed") == 0) {
		dash_time(t, e->next_try);
		dash_setk(a->v, "Mails", a->n, "Failed", t);
	} else if (strcmp(e->status, "pending") == 0 && e->tries > 0) {
		dash_time(t, e->next_try);
		dash_setk(a->v, "Mails", a->n, "Next", t);
	}
	/* Why: last_error, which never holds an address (lib/outbox.c). */
	dash_setk(a->v, "Mails", a->n, "Error", strcmp(e->error, "merged") ==
	    0 ? "samengevoegd met een ander bericht" : e->error);
	/* Whom: the reporter unnamed, staff by name, a team's name. */
	if (strcmp(e->kind, "reporter") == 0)
		(void)snprintf(who, sizeof(who), "de melder");
	else if (e->team[0] != '\0')
		(void)snprintf(who, sizeof(who), "%s (team %s)",
		    e->user_name, e->team);
	else
		(void)snprintf(who, sizeof(who), "%s", e->user_name);
	dash_setk(a->v, "Mails", a->n, "Who", who);
	if (e->ref[0] != '\0')
		dash_setk(a->v, "Mails", a->n, "About", e->ref);
	else if (e->request_id > 0) {
		(void)snprintf(who, sizeof(who), "verzoek %lld",
		    e->request_id);
		dash_setk(a->v, "Mails", a->n, "About", who);
	} else if (e->day[0] != '\0') {
		(void)snprintf(who, sizeof(who), "dag %s", e->day);
		dash_setk(a->v, "Mails", a->n, "About", who);
	}
	a->n++;
}

/* A filter's value: "" for any, the value when known, NULL if not. */
static const char *
log_filter(struct mp_dreq *r, const char *name, int kind)
{
	const char	*s = dash_query(r, name);
	size_t		 i;

	if (s == NULL || s[0] == '\0')
		return "";
	if (kind)
		return mp_outbox_kind_valid(s) ? s : NULL;
	for (i = 0; i < MP_NELEM(statuses); i++)
		if (strcmp(s, statuses[i].status) == 0)
			return s;
	return NULL;
}

void
mp_dash_maillog(struct mp_dreq *r)
{
	struct logrows	 a;
	struct mp_view	*v;
	const char	*status, *kind, *p;
	char		 detail[96];
	long long	 page = 1, total = 0;
	size_t		 i;
	int		 bad = 0;
	enum mp_err	 er;

	status = log_filter(r, "status", 0);
	kind = log_filter(r, "soort", 1);
	if ((p = dash_query(r, "pagina")) != NULL && p[0] != '\0' &&
	    (page = dash_number(p, 1, LOG_PAGES)) < 0) {
		bad = 1;
		page = 1;
	}
	if (status == NULL || kind == NULL)
		bad = 1;
	if (status == NULL)
		status = "";
	if (kind == NULL)
		kind = "";
	if ((v = dash_view(r, "Maillog")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	/* Who looked at the log, with which filters: no content. */
	(void)snprintf(detail, sizeof(detail), "status: %s; soort: %s; "
	    "pagina: %lld", status[0] != '\0' ? status : "alle",
	    kind[0] != '\0' ? kind : "alle", page);
	dash_audit(r, "maillog-bekijken", "mail", 0, detail);
	a.v = v;
	a.n = 0;
	er = mp_outbox_log(r->d->ctx->db, status, kind,
	    (page - 1) * LOG_PAGE, LOG_PAGE, log_row, &a, &total);
	for (i = 0; i < MP_NELEM(kinds); i++) {
		dash_setk(v, "Kinds", i, "Code", kinds[i].kind);
		dash_setk(v, "Kinds", i, "Label", kinds[i].label);
	}
	for (i = 0; i < MP_NELEM(statuses); i++) {
		dash_setk(v, "Statuses", i, "Code", statuses[i].status);
		dash_setk(v, "Statuses", i, "Label", statuses[i].label);
	}
	mp_tmpl_set(v, "Log.F.Status", status);
	mp_tmpl_set(v, "Log.F.Kind", kind);
	mp_tmpl_set_int(v, "Log.Page", page);
	mp_tmpl_set_int(v, "Log.Total", total);
	mp_tmpl_set_int(v, "Log.Pages", (total + LOG_PAGE - 1) / LOG_PAGE);
	if (page > 1)
		mp_tmpl_set_int(v, "Log.Prev", page - 1);
	if (page * LOG_PAGE < total)
		mp_tmpl_set_int(v, "Log.Next", page + 1);
	if (bad)
		mp_tmpl_set(v, "Log.Bad", "1");
	dash_finish(r, er, bad ? 400 : 200, v, "dashboard/maillog.cs");
}
