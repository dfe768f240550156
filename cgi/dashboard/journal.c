/*
 * journal.c -- the journal of a dossier (issue 14) on the dashboard:
 * its part of the dossier page (the journal newest first, the open
 * tasks with their due dates and overdue marked in words, the forms),
 * its actions (a note, a decision, a task; editing a task, with
 * optimistic locking), a task's edit page, "Mijn taken" and the
 * dossier list's task filters.  The SQL and the rules are
 * lib/journal.c's.
 *
 * Newest first, as the dossier's history: a handler opening a dossier
 * wants what happened last; the open tasks stand above it, earliest
 * due first.  A decision has no edit route: it is only followed by a
 * new one that may replace it.  Every action is a POST with the CSRF
 * token (dashboard.c), one transaction with the dossier locked, a
 * history row (lib/journal.c) and an audit row with ids and field
 * names only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define MINE_MAX	200	/* rows of "Mijn taken" */

/* ------------------------------------------------------------------ */
/* The dossier page's part.                                            */

struct fill {
	struct mp_view	*v;
	const char	*list;
	size_t		 n;
	long long	 sel;
	/* A page of the journal: its entries and their chain links. */
	long long	 id[DASH_DOSSIER_PAGE];
	long long	 link[DASH_DOSSIER_PAGE][2];	/* replaces, by */
};

static void
entry_row(const struct mp_journal_entry *e, void *arg)
{
	struct fill	*f = arg;
	char		 t[32];

	dash_setki(f->v, f->list, f->n, "Id", e->id);
	dash_setk(f->v, f->list, f->n, "Kind", e->kind);
	dash_setk(f->v, f->list, f->n, "KindLabel",
	    mp_journal_kind_label(e->kind));
	dash_setk(f->v, f->list, f->n, "Body", e->body);
	dash_setk(f->v, f->list, f->n, "Reason", e->reason);
	dash_setk(f->v, f->list, f->n, "DecidedBy", e->decided_by);
	dash_setk(f->v, f->list, f->n, "DecidedOn", e->decided_on);
	dash_setki(f->v, f->list, f->n, "Replaces", e->replaces);
	dash_setki(f->v, f->list, f->n, "ReplacedBy", e->replaced_by);
	dash_setk(f->v, f->list, f->n, "Type", e->task_type);
	dash_setki(f->v, f->list, f->n, "AssigneeId", e->assignee);
	dash_setk(f->v, f->list, f->n, "Assignee", e->assignee_name);
	dash_setk(f->v, f->list, f->n, "Due", e->due);
	dash_setk(f->v, f->list, f->n, "Status", e->task_status);
	dash_setk(f->v, f->list, f->n, "StatusLabel",
	    mp_journal_task_label(e->task_status));
	dash_setk(f->v, f->list, f->n, "Outcome", e->outcome);
	dash_setk(f->v, f->list, f->n, "Note", e->outcome_note);
	dash_setki(f->v, f->list, f->n, "Version", e->version);
	dash_setk(f->v, f->list, f->n, "Author", e->author);
	dash_time(t, (time_t)e->created_at);
	dash_setk(f->v, f->list, f->n, "At", t);
	dash_setki(f->v, f->list, f->n, "Overdue", e->overdue);
	if (f->n < DASH_DOSSIER_PAGE) {
		f->id[f->n] = e->id;
		f->link[f->n][0] = e->replaces;
		f->link[f->n][1] = e->replaced_by;
	}
	f->n++;
}

static int
on_page(const struct fill *f, long long id)
{
	size_t	 i;

	for (i = 0; i < f->n && i < DASH_DOSSIER_PAGE; i++)
		if (f->id[i] == id)
			return 1;
	return 0;
}

/*
 * A decision the page links to ("vervangt", "vervangen door") that is
 * on another page of the journal: that page's number, so the link goes
 * there (ReplacesPage, ReplacedByPage; absent: on this page).
 */
static enum mp_err
link_pages(struct mp_dreq *r, struct fill *f, long long id)
{
	static const char *const names[2] = { "ReplacesPage",
	    "ReplacedByPage" };
	long long	 pos;
	size_t		 i, k;
	enum mp_err	 er;

	for (i = 0; i < f->n && i < DASH_DOSSIER_PAGE; i++)
		for (k = 0; k < 2; k++) {
			if (f->link[i][k] <= 0 || on_page(f, f->link[i][k]))
				continue;
			if ((er = mp_journal_position(r->d->ctx->db, id,
			    f->link[i][k], &pos)) != MP_OK)
				return er;
			dash_setki(f->v, "J.E", i, names[k],
			    pos / DASH_DOSSIER_PAGE + 1);
		}
	return MP_OK;
}

static void
cand_row(long long id, const char *username, const char *display,
    void *arg)
{
	struct fill	*f = arg;

	dash_setki(f->v, "J.Cand", f->n, "Id", id);
	dash_setk(f->v, "J.Cand", f->n, "Name", username);
	dash_setk(f->v, "J.Cand", f->n, "Display", display);
	dash_setki(f->v, "J.Cand", f->n, "Sel", id == f->sel);
	f->n++;
}

static void
current_row(long long id, const char *body, const char *on, void *arg)
{
	struct fill	*f = arg;
	char		 s[96];
	size_t		 len;

	/* A short label: the date and the first words. */
	len = strcspn(body, "\r\n");
	(void)snprintf(s, sizeof(s), "%.*s", (int)(len > 60 ? 60 : len), body);
	dash_setki(f->v, "J.Cur", f->n, "Id", id);
	dash_setk(f->v, "J.Cur", f->n, "On", on);
	dash_setk(f->v, "J.Cur", f->n, "Body", s);
	dash_setki(f->v, "J.Cur", f->n, "Sel", id == f->sel);
	f->n++;
}

/* What the user typed in a refused form, given back (a POST only). */
static void
keep_input(struct mp_dreq *r, struct mp_view *v, const char *today)
{
	static const struct dash_keep fields[] = {
		{ "notitie-tekst", "J.Keep.Note" },
		{ "besluit-wat", "J.Keep.DecWhat" },
		{ "besluit-reden", "J.Keep.DecWhy" },
		{ "besluit-door", "J.Keep.DecBy" },
		{ "besluit-datum", "J.Keep.DecOn" },
		{ "taak-omschrijving", "J.Keep.TaskBody" },
		{ "taak-datum", "J.Keep.TaskDue" },
	};

	(void)mp_tmpl_set(v, "J.Keep.DecOn", today);
	(void)dash_keep(r, v, fields, MP_NELEM(fields));
}

enum mp_err
dash_journal_fill(struct mp_dreq *r, struct mp_view *v, long long id,
    unsigned from)
{
	struct mp_db	*db = r->d->ctx->db;
	char		 today[MP_JOURNAL_DATE_LEN];
	struct fill	 f;
	enum mp_err	 er;

	mp_journal_today(r->now, today);
	(void)mp_tmpl_set(v, "J.Today", today);
	memset(&f, 0, sizeof(f));
	f.v = v;
	f.list = "J.Open";
	if ((er = mp_journal_open_tasks(db, id, today, entry_row, &f)) !=
	    MP_OK)
		return er;
	f.n = 0;
	f.list = "J.E";
	if ((er = mp_journal_list(db, id, today, from, DASH_DOSSIER_PAGE,
	    entry_row, &f)) != MP_OK || (er = link_pages(r, &f, id)) != MP_OK)
		return er;
	if (!mp_access_user(&r->user, MP_PERM_DOSSIER_WORK))
		return MP_OK;
	keep_input(r, v, today);
	dash_dossier_set_list(r, v, MP_DOSSIER_TASK_TYPES, "J.Types",
	    dash_form(r, "taak-soort"));
	f.n = 0;
	f.sel = dash_number(dash_form(r, "taak-uitvoerder"), 1,
	    4294967295LL);
	if (f.sel < 0)
		f.sel = r->user.id;
	if ((er = mp_journal_candidates(db, id, cand_row, &f)) != MP_OK)
		return er;
	f.n = 0;
	f.sel = dash_number(dash_form(r, "besluit-vervangt"), 1,
	    9223372036854775806LL);
	return mp_journal_decisions_current(db, id, current_row, &f);
}

/* ------------------------------------------------------------------ */
/* A note, a decision, a task.                                         */

struct add {
	struct mp_dreq		*r;
	struct mp_journal_new	 n;
	char			 decided[11], due[11];	/* dash_form_date's */
	/* Results. */
	int			 status;	/* 0: done */
	const char		*msg, *field;
};

static int
refuse(struct add *a, int status, const char *msg, const char *field)
{

	a->status = status;
	a->msg = msg;
	a->field = field;
	return 0;
}

/* The message for a field mp_journal_add found wrong. */
static const char *
field_msg(const char *field)
{
	static const char *const msgs[][2] = {
		{ "notitie-tekst", "Schrijf een notitie van ten hoogste "
		    "10.000 tekens." },
		{ "besluit-wat", "Schrijf wat er besloten is (ten hoogste "
		    "10.000 tekens)." },
		{ "besluit-reden", "Geef de reden van het besluit (ten "
		    "hoogste 10.000 tekens)." },
		{ "besluit-door", "Geef aan wie besloot, op één regel van ten "
		    "hoogste 200 tekens." },
		{ "besluit-datum", "Geef de datum van het besluit als "
		    "dd-mm-jjjj of jjjj-mm-dd." },
		{ "besluit-vervangt", "Kies een besluit van dit dossier dat "
		    "nog niet vervangen is." },
		{ "taak-omschrijving", "Omschrijf de taak (ten hoogste "
		    "10.000 tekens)." },
		{ "taak-soort", "Kies een soort taak uit de lijst." },
		{ "taak-uitvoerder", "Kies een uitvoerder die dit dossier mag "
		    "zien." },
		{ "taak-datum", "Geef een geldige uiterste datum als "
		    "dd-mm-jjjj of jjjj-mm-dd." },
	};
	size_t	 i;

	for (i = 0; field != NULL && i < MP_NELEM(msgs); i++)
		if (strcmp(field, msgs[i][0]) == 0)
			return msgs[i][1];
	return "Controleer de invoer.";
}

/* Read the form into a->n; 0 with a->msg when wrong. */
static int
add_read(struct mp_dreq *r, struct add *a)
{
	const char	*s = dash_form(r, "actie");

	a->n.dossier = r->arg[0];
	a->n.user_id = r->user.id;
	a->n.actor = r->user.username;
	if (s != NULL && strcmp(s, "notitie") == 0) {
		a->n.kind = MP_JOURNAL_NOTE;
		a->n.body = dash_form(r, "notitie-tekst");
	} else if (s != NULL && strcmp(s, "besluit") == 0) {
		a->n.kind = MP_JOURNAL_DECISION;
		a->n.body = dash_form(r, "besluit-wat");
		a->n.reason = dash_form(r, "besluit-reden");
		a->n.decided_by = dash_form(r, "besluit-door");
		a->n.decided_on = dash_form_date(r, "besluit-datum",
		    a->decided);
		if ((s = dash_form(r, "besluit-vervangt")) != NULL &&
		    *s != '\0' && (a->n.replaces = dash_number(s, 1,
		    9223372036854775806LL)) < 0)
			return refuse(a, 400, field_msg("besluit-vervangt"),
			    "besluit-vervangt");
	} else if (s != NULL && strcmp(s, "taak") == 0) {
		a->n.kind = MP_JOURNAL_TASK;
		a->n.body = dash_form(r, "taak-omschrijving");
		a->n.task_type = dash_form(r, "taak-soort");
		if (!mp_dossier_in_list(r->d->ctx->conf,
		    MP_DOSSIER_TASK_TYPES, a->n.task_type))
			return refuse(a, 400, field_msg("taak-soort"),
			    "taak-soort");
		if ((a->n.assignee = dash_number(dash_form(r,
		    "taak-uitvoerder"), 1, 4294967295LL)) < 0)
			return refuse(a, 400, field_msg("taak-uitvoerder"),
			    "taak-uitvoerder");
		a->n.due = dash_form_date(r, "taak-datum", a->due);
	} else
		/* There is no action that edits a decision or a note. */
		return refuse(a, 400, "Onbekende actie.", NULL);
	if (a->n.replaces < 0)
		a->n.replaces = 0;
	return 1;
}

static enum mp_err
add_txn(struct mp_db *db, void *arg)
{
	struct add		*a = arg;
	struct mp_dreq		*r = a->r;
	struct mp_dossier	 d;
	struct mp_dbval		 vis[MP_DOSSIER_VIS];
	char			 detail[128];
	int			 ok = 1;
	enum mp_err		 er;

	a->status = 0;
	mp_dossier_params(&r->user, vis);
	if ((er = mp_dossier_get(db, r->arg[0], vis, 1, &d)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			a->status = 404;
		return er;
	}
	if (a->n.assignee > 0 && (er = mp_journal_may_assign(db, d.id,
	    d.team_id, a->n.assignee, &ok)) != MP_OK)
		return er;
	if (!ok) {
		refuse(a, 400, field_msg("taak-uitvoerder"),
		    "taak-uitvoerder");
		return MP_EINVAL;
	}
	er = mp_journal_add(db, &a->n);
	if (er == MP_EINVAL || ((er == MP_ENOTFOUND || er == MP_EDUP) &&
	    a->n.field != NULL)) {
		refuse(a, 400, field_msg(a->n.field), a->n.field);
		return MP_EINVAL;
	}
	if (er != MP_OK)
		return er;
	/* Ids and field names only: the text is the dossier's. */
	if (a->n.assignee > 0)
		(void)snprintf(detail, sizeof(detail), "%s %lld; uitvoerder "
		    "%lld", mp_journal_kind_label(a->n.kind), a->n.id,
		    a->n.assignee);
	else if (a->n.replaces > 0)
		(void)snprintf(detail, sizeof(detail), "besluit %lld; "
		    "vervangt %lld", a->n.id, a->n.replaces);
	else
		(void)snprintf(detail, sizeof(detail), "%s %lld",
		    mp_journal_kind_label(a->n.kind), a->n.id);
	return mp_audit(db, r->user.id, r->user.username,
	    "dossierjournaal toevoegen", "dossier", d.id, r->client, detail);
}

void
mp_dash_journal_post(struct mp_dreq *r)
{
	struct add	 a;
	char		 back[64], code[32];
	enum mp_err	 er = MP_OK;

	memset(&a, 0, sizeof(a));
	a.r = r;
	if (add_read(r, &a))
		er = mp_db_txn(r->d->ctx->db, add_txn, &a);
	if (a.status == 0 && er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/dossier/%lld#journaal",
		    r->arg[0]);
		/* "journaal-" + the action (notitie, besluit, taak). */
		(void)snprintf(code, sizeof(code), "journaal-%s",
		    dash_form(r, "actie"));
		dash_done(r, back, code);
		return;
	}
	if (a.status == 404) {
		dash_dossier_refused(r);
		return;
	}
	if (a.status != 0)
		dash_dossier_again(r, a.status, a.msg, a.field);
	else
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* A task's page: edit, with optimistic locking.                       */

struct task {
	struct mp_dreq		*r;
	struct mp_dossier	 d;
	struct mp_journal_edit	 e;
	struct mp_view		*v;
	int			 found;
	long long		 assignee;	/* the task's now */
	char			 outcome[MP_DOSSIER_ENTRY_MAX * 4 + 1];
	char			 due[11];	/* dash_form_date's */
	/* Results. */
	int			 status;
};

static void
task_row(const struct mp_journal_entry *e, void *arg)
{
	struct task	*t = arg;
	struct fill	 f;

	memset(&f, 0, sizeof(f));
	f.v = t->v;
	f.list = "T";
	entry_row(e, &f);
	t->found = 1;
	t->assignee = e->assignee;
	(void)snprintf(t->outcome, sizeof(t->outcome), "%s", e->outcome);
}

/*
 * The task's page with status; msg at field; when mine, the user's
 * input in the form instead of the task's values (a conflict or a
 * refusal loses nothing).  MP_ENOTFOUND with nothing sent for a task
 * or dossier out of sight.
 */
static enum mp_err
task_page(struct mp_dreq *r, int status, const char *msg,
    const char *field, int mine)
{
	struct mp_db	*db = r->d->ctx->db;
	struct mp_dbval	 vis[MP_DOSSIER_VIS];
	struct task	 t;
	struct fill	 f;
	char		 today[MP_JOURNAL_DATE_LEN], title[64];
	enum mp_err	 er;

	memset(&t, 0, sizeof(t));
	mp_dossier_params(&r->user, vis);
	if ((er = mp_dossier_get(db, r->arg[0], vis, 0, &t.d)) != MP_OK)
		return er;
	(void)snprintf(title, sizeof(title), "Taak %lld", r->arg[1]);
	if ((t.v = dash_view(r, title)) == NULL) {
		dash_error(r, 500, NULL);
		return MP_OK;
	}
	mp_journal_today(r->now, today);
	if ((er = mp_journal_task_get(db, t.d.id, r->arg[1], today, 0,
	    task_row, &t)) == MP_ENOTFOUND) {
		mp_tmpl_free(t.v);
		return er;
	}
	(void)mp_tmpl_set_int(t.v, "D.Id", t.d.id);
	(void)mp_tmpl_set(t.v, "D.Number", t.d.number);
	(void)mp_tmpl_set(t.v, "D.Title", t.d.title);
	(void)mp_tmpl_set(t.v, "J.Today", today);
	memset(&f, 0, sizeof(f));
	f.v = t.v;
	f.sel = mine ? dash_number(dash_form(r, "taak-uitvoerder"), 1,
	    4294967295LL) : t.assignee;
	if (er == MP_OK)
		er = mp_journal_candidates(db, t.d.id, cand_row, &f);
	dash_dossier_set_list(r, t.v, MP_DOSSIER_OUTCOMES, "J.Outcomes", mine ?
	    dash_form(r, "taak-resultaat") : t.outcome);
	(void)mp_tmpl_set_int(t.v, "Mine", mine);
	if (mine) {
		(void)mp_tmpl_set(t.v, "K.Due", dash_form(r, "taak-datum"));
		(void)mp_tmpl_set(t.v, "K.Status",
		    dash_form(r, "taak-status"));
		(void)mp_tmpl_set(t.v, "K.Note",
		    dash_form(r, "taak-toelichting"));
		(void)mp_tmpl_set(t.v, "K.Version", dash_form(r, "versie"));
	}
	if (msg != NULL)
		(void)mp_tmpl_set(t.v, "Message", msg);
	if (field != NULL)
		(void)mp_tmpl_set(t.v, "FieldErr", field);
	(void)mp_tmpl_set_int(t.v, "Can.DossierWork",
	    mp_access_user(&r->user, MP_PERM_DOSSIER_WORK));
	/* A view of the dossier's content, as its page is. */
	(void)snprintf(title, sizeof(title), "taak %lld", r->arg[1]);
	if (er == MP_OK)
		dash_audit(r, "dossiertaak bekijken", "dossier", t.d.id,
		    title);
	dash_finish(r, er, status, t.v, "dashboard/journal-task.cs");
	return MP_OK;
}

void
mp_dash_task(struct mp_dreq *r)
{

	if (task_page(r, 200, NULL, NULL, 0) == MP_ENOTFOUND)
		dash_dossier_refused(r);
}

static enum mp_err
task_txn(struct mp_db *db, void *arg)
{
	struct task	*t = arg;
	struct mp_dreq	*r = t->r;
	struct mp_dbval	 vis[MP_DOSSIER_VIS];
	char		 detail[200];
	int		 ok = 0;
	enum mp_err	 er;

	t->status = 0;
	mp_dossier_params(&r->user, vis);
	if ((er = mp_dossier_get(db, r->arg[0], vis, 1, &t->d)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			t->status = 404;
		return er;
	}
	t->e.dossier = t->d.id;
	if (t->e.assignee > 0 && (er = mp_journal_may_assign(db, t->d.id,
	    t->d.team_id, t->e.assignee, &ok)) != MP_OK)
		return er;
	if (!ok) {
		t->status = 400;
		t->e.field = "taak-uitvoerder";
		t->e.why = "Kies een uitvoerder die dit dossier mag zien.";
		return MP_EINVAL;
	}
	er = mp_journal_task_update(db, &t->e);
	if (er == MP_ENOTFOUND)
		t->status = 404;
	else if (er == MP_EDUP)
		t->status = 409;
	else if (er == MP_EINVAL)
		t->status = 400;
	if (er != MP_OK || t->e.changed[0] == '\0')
		return er;
	(void)snprintf(detail, sizeof(detail), "taak %lld; gewijzigd: %s",
	    t->e.id, t->e.changed);
	return mp_audit(db, r->user.id, r->user.username,
	    "dossiertaak wijzigen", "dossier", t->d.id, r->client, detail);
}

void
mp_dash_task_post(struct mp_dreq *r)
{
	struct task	 t;
	char		 back[64];
	enum mp_err	 er;

	memset(&t, 0, sizeof(t));
	t.r = r;
	t.e.id = r->arg[1];
	t.e.actor = r->user.username;
	t.e.version = dash_number(dash_form(r, "versie"), 1, 4294967295LL);
	t.e.assignee = dash_number(dash_form(r, "taak-uitvoerder"), 1,
	    4294967295LL);
	t.e.due = dash_form_date(r, "taak-datum", t.due);
	t.e.status = dash_form(r, "taak-status");
	t.e.outcome = dash_form(r, "taak-resultaat");
	t.e.outcome_note = dash_form(r, "taak-toelichting");
	if (t.e.outcome != NULL && *t.e.outcome != '\0' &&
	    !mp_dossier_in_list(r->d->ctx->conf, MP_DOSSIER_OUTCOMES,
	    t.e.outcome)) {
		if (task_page(r, 400, "Kies een resultaat uit de lijst.",
		    "taak-resultaat", 1) == MP_ENOTFOUND)
			dash_dossier_refused(r);
		return;
	}
	if (t.e.version < 0) {
		if (task_page(r, 400, "Het formulier mist zijn versie; laad "
		    "de pagina opnieuw.", NULL, 1) == MP_ENOTFOUND)
			dash_dossier_refused(r);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, task_txn, &t);
	if (er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/dossier/%lld#taak-%lld",
		    r->arg[0], r->arg[1]);
		dash_done(r, back, "taak");
	} else if (t.status == 404)
		dash_dossier_refused(r);
	else if (t.status != 0) {
		if (task_page(r, t.status, t.e.why, t.e.field, 1) ==
		    MP_ENOTFOUND)
			dash_dossier_refused(r);
	} else
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* "Mijn taken".                                                       */

struct mine {
	struct mp_view	*v;
	size_t		 n;
};

static void
mine_row(const struct mp_journal_mine *m, void *arg)
{
	struct mine	*x = arg;

	dash_setki(x->v, "Task", x->n, "Id", m->id);
	dash_setki(x->v, "Task", x->n, "Dossier", m->dossier);
	dash_setk(x->v, "Task", x->n, "Number", m->number);
	dash_setk(x->v, "Task", x->n, "Title", m->title);
	dash_setk(x->v, "Task", x->n, "Type", m->task_type);
	dash_setk(x->v, "Task", x->n, "Body", m->body);
	dash_setk(x->v, "Task", x->n, "Due", m->due);
	dash_setki(x->v, "Task", x->n, "Overdue", m->overdue);
	x->n++;
}

void
mp_dash_tasks(struct mp_dreq *r)
{
	struct mp_dbval	 vis[MP_DOSSIER_VIS];
	struct mp_view	*v;
	struct mine	 x;
	char		 today[MP_JOURNAL_DATE_LEN];
	long long	 total = 0, late = 0;
	enum mp_err	 er;

	if ((v = dash_view(r, "Mijn taken")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	memset(&x, 0, sizeof(x));
	x.v = v;
	mp_journal_today(r->now, today);
	mp_dossier_params(&r->user, vis);
	er = mp_journal_mine(r->d->ctx->db, r->user.id, vis, today, MINE_MAX,
	    mine_row, &x);
	/* Past the page's rows the count says how many are overdue. */
	if (er == MP_OK)
		er = mp_journal_mine_count(r->d->ctx->db, r->user.id, vis,
		    today, &total, &late);
	(void)mp_tmpl_set(v, "J.Today", today);
	(void)mp_tmpl_set_int(v, "Total", total);
	(void)mp_tmpl_set_int(v, "Late", late);
	(void)mp_tmpl_set_int(v, "More", total > (long long)x.n);
	if (er == MP_OK)
		dash_audit(r, "taken bekijken", "dossier", 0, NULL);
	dash_finish(r, er, 200, v, "dashboard/journal-mine.cs");
}

/* ------------------------------------------------------------------ */
/* The dossier list's filters.                                         */

void
dash_journal_filter(struct mp_dreq *r, struct mp_dossier_filter *f,
    char today[MP_JOURNAL_DATE_LEN], int *bad)
{
	const char	*s = dash_query(r, "taken");

	if (s == NULL || *s == '\0')
		return;
	if (strcmp(s, "mijn") == 0)
		f->task_user = r->user.id;
	else if (strcmp(s, "overtijd") == 0) {
		mp_journal_today(r->now, today);
		f->late = today;
	} else
		*bad = 1;
}

enum mp_err
dash_journal_filter_set(struct mp_dreq *r, struct mp_view *v,
    const struct mp_dossier_filter *f)
{
	struct mp_dbval	 vis[MP_DOSSIER_VIS];
	char		 today[MP_JOURNAL_DATE_LEN];
	long long	 total = 0, late = 0;
	enum mp_err	 er;

	(void)mp_tmpl_set(v, "F.Tasks", f->task_user > 0 ? "mijn" :
	    f->late != NULL ? "overtijd" : "");
	/* The link to "Mijn taken" with its counts: one indexed count. */
	mp_journal_today(r->now, today);
	mp_dossier_params(&r->user, vis);
	er = mp_journal_mine_count(r->d->ctx->db, r->user.id, vis, today,
	    &total, &late);
	(void)mp_tmpl_set_int(v, "J.MineTotal", total);
	(void)mp_tmpl_set_int(v, "J.MineLate", late);
	return er;
}
