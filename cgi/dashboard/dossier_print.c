/*
 * dossier_print.c -- the print view of a dossier (issue 14),
 * /dossier/N/afdrukken: one A4 page flow without the menu, for the
 * browser's "print" or "save as PDF", to file in the municipality's
 * case system.  It shows what the dossier page shows to the same user
 * (reports under their own rule: a report out of sight is one line),
 * its journal and documents, with the date and who printed it.  Each
 * print is in the audit log as "dossier afdrukken".  The style sheet
 * (templates/static/dossier-print.css) sets the page size, margins
 * and page numbers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define PRINT_MAX	2000	/* lines of each part */

struct pr {
	struct mp_view	*v;
	size_t		 n;
};

static void
setk(struct mp_view *v, const char *list, size_t n, const char *name,
    const char *val)
{
	char	 key[128];

	(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, n, name);
	(void)mp_tmpl_set(v, key, val != NULL ? val : "");
}

static void
pr_analysis(long long version, const char *text, const char *author,
    long long at, void *arg)
{
	struct pr	*p = arg;
	char		 t[32];

	(void)mp_tmpl_set(p->v, "A.Text", text);
	(void)mp_tmpl_set_int(p->v, "A.Version", version);
	(void)mp_tmpl_set(p->v, "A.Author", author);
	dash_time(t, (time_t)at);
	(void)mp_tmpl_set(p->v, "A.At", t);
}

static void
pr_report(const struct mp_dossier_report *x, void *arg)
{
	struct pr	*p = arg;
	char		 t[32];

	setk(p->v, "Rep", p->n, "Visible", x->visible ? "1" : "");
	if (x->visible) {
		setk(p->v, "Rep", p->n, "Reference", x->reference);
		setk(p->v, "Rep", p->n, "Type", x->type);
		setk(p->v, "Rep", p->n, "Status", x->status);
		dash_time(t, (time_t)x->received);
		setk(p->v, "Rep", p->n, "Date", t);
	}
	p->n++;
}

static void
pr_subject(long long subject, int kind, const char *display, int direct,
    void *arg)
{
	struct pr	*p = arg;

	(void)subject;
	setk(p->v, "Subj", p->n, "Kind",
	    mp_subject_kind_name((enum mp_subject_kind)kind));
	setk(p->v, "Subj", p->n, "Display", display);
	setk(p->v, "Subj", p->n, "Direct", direct ? "1" : "");
	p->n++;
}

static void
pr_member(long long user, const char *name, const char *display,
    long long at, void *arg)
{
	struct pr	*p = arg;

	(void)user;
	(void)at;
	setk(p->v, "Mem", p->n, "Name", name);
	setk(p->v, "Mem", p->n, "Display", display);
	p->n++;
}

static void
pr_entry(const struct mp_dossierdoc_entry *e, void *arg)
{
	static const struct { const char *kind, *label; } kinds[] = {
		{ "note", "notitie" }, { "decision", "besluit" },
		{ "task", "taak" }
	};
	struct pr	*p = arg;
	const char	*label = e->kind;
	char		 t[32];
	size_t		 i;

	for (i = 0; e->kind != NULL && i < MP_NELEM(kinds); i++)
		if (strcmp(e->kind, kinds[i].kind) == 0)
			label = kinds[i].label;
	setk(p->v, "Jrn", p->n, "Kind", label);
	setk(p->v, "Jrn", p->n, "Body", e->body);
	setk(p->v, "Jrn", p->n, "Reason", e->reason);
	setk(p->v, "Jrn", p->n, "TaskType", e->task_type);
	setk(p->v, "Jrn", p->n, "Assignee", e->assignee);
	setk(p->v, "Jrn", p->n, "Due", e->due);
	setk(p->v, "Jrn", p->n, "TaskStatus", e->task_status);
	setk(p->v, "Jrn", p->n, "Outcome", e->outcome);
	setk(p->v, "Jrn", p->n, "Author", e->author);
	dash_time(t, (time_t)e->created_at);
	setk(p->v, "Jrn", p->n, "At", t);
	p->n++;
}

static void
pr_doc(const struct mp_dossierdoc *d, void *arg)
{
	struct pr	*p = arg;
	char		 t[32];

	setk(p->v, "Doc", p->n, "Name", d->filename);
	setk(p->v, "Doc", p->n, "Type", d->content_type);
	(void)snprintf(t, sizeof(t), "%lld", d->size);
	setk(p->v, "Doc", p->n, "Bytes", t);
	setk(p->v, "Doc", p->n, "Sha", d->sha256);
	setk(p->v, "Doc", p->n, "Uploader", d->uploader);
	dash_time(t, (time_t)d->uploaded_at);
	setk(p->v, "Doc", p->n, "At", t);
	p->n++;
}

static void
pr_event(const char *kind, const char *actor, long long at,
    const char *old, const char *new_value, void *arg)
{
	struct pr	*p = arg;
	char		 t[32];

	setk(p->v, "Hist", p->n, "Kind", kind);
	setk(p->v, "Hist", p->n, "Actor", actor);
	dash_time(t, (time_t)at);
	setk(p->v, "Hist", p->n, "At", t);
	setk(p->v, "Hist", p->n, "Old", old);
	setk(p->v, "Hist", p->n, "New", new_value);
	p->n++;
}

/* Every part, each its own list; the first error stops. */
static enum mp_err
print_parts(struct mp_dreq *r, struct mp_view *v, long long id)
{
	struct mp_db	*db = r->d->ctx->db;
	struct mp_dbval	 vis[2];
	struct pr	 p;
	enum mp_err	 er;

	memset(&p, 0, sizeof(p));
	p.v = v;
	mp_access_report_params(&r->user, vis);
	if ((er = mp_dossier_analysis_list(db, id, 1, pr_analysis, &p)) !=
	    MP_OK || (er = mp_dossier_report_list(db, id, vis, PRINT_MAX,
	    pr_report, &p)) != MP_OK)
		return er;
	p.n = 0;
	if ((er = mp_dossier_subject_list(db, id, vis, PRINT_MAX,
	    pr_subject, &p)) != MP_OK)
		return er;
	p.n = 0;
	if ((er = mp_dossier_member_list(db, id, pr_member, &p)) != MP_OK)
		return er;
	p.n = 0;
	if ((er = mp_dossierdoc_journal(db, id, PRINT_MAX, pr_entry, &p)) !=
	    MP_OK)
		return er;
	p.n = 0;
	if ((er = mp_dossierdoc_list(db, id, PRINT_MAX, pr_doc, &p)) != MP_OK)
		return er;
	p.n = 0;
	return mp_dossier_event_list(db, id, PRINT_MAX, pr_event, &p);
}

void
mp_dash_dossier_print(struct mp_dreq *r)
{
	struct mp_dossier	 d;
	struct mp_dbval		 vis[MP_DOSSIER_VIS];
	struct mp_view		*v;
	char			 t[32], title[64];
	enum mp_err		 er;

	mp_dossier_params(&r->user, vis);
	if ((er = mp_dossier_get(r->d->ctx->db, r->arg[0], vis, 0, &d)) ==
	    MP_ENOTFOUND) {
		dash_dossier_refused(r);
		return;
	}
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	(void)snprintf(title, sizeof(title), "Dossier %s", d.number);
	if ((v = dash_view(r, title)) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	(void)mp_tmpl_set(v, "D.Number", d.number);
	(void)mp_tmpl_set(v, "D.Title", d.title);
	(void)mp_tmpl_set(v, "D.Theme", d.theme);
	(void)mp_tmpl_set(v, "D.Status", d.status);
	(void)mp_tmpl_set(v, "D.Team", d.team);
	(void)mp_tmpl_set(v, "D.Outcome", d.outcome);
	dash_time(t, (time_t)d.created_at);
	(void)mp_tmpl_set(v, "D.Created", t);
	dash_time(t, (time_t)d.closed_at);
	(void)mp_tmpl_set(v, "D.Closed", t);
	dash_time(t, r->now);
	(void)mp_tmpl_set(v, "Print.At", t);
	(void)mp_tmpl_set(v, "Print.By", r->user.display);
	(void)mp_tmpl_set(v, "Print.User", r->user.username);
	er = print_parts(r, v, d.id);
	if (er == MP_OK)
		dash_audit(r, "dossier afdrukken", "dossier", d.id, d.number);
	dash_finish(r, er, 200, v, "dashboard/dossier-print.cs");
}
