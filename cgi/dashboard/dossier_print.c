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
	dash_setk(p->v, "Jrn", p->n, "Kind", label);
	dash_setk(p->v, "Jrn", p->n, "Body", e->body);
	dash_setk(p->v, "Jrn", p->n, "Reason", e->reason);
	dash_setk(p->v, "Jrn", p->n, "TaskType", e->task_type);
	dash_setk(p->v, "Jrn", p->n, "Assignee", e->assignee);
	dash_setk(p->v, "Jrn", p->n, "Due", e->due);
	dash_setk(p->v, "Jrn", p->n, "TaskStatus", e->task_status);
	dash_setk(p->v, "Jrn", p->n, "Outcome", e->outcome);
	dash_setk(p->v, "Jrn", p->n, "Author", e->author);
	dash_time(t, (time_t)e->created_at);
	dash_setk(p->v, "Jrn", p->n, "At", t);
	p->n++;
}

/*
 * Every part, each its own list, as the dossier page reads them (the
 * newest analysis only) but for the journal; the first error stops.
 */
static enum mp_err
print_parts(struct mp_dreq *r, struct mp_view *v, long long id)
{
	const struct dash_dossier_range all = { 1, PRINT_MAX, 0, PRINT_MAX,
	    0, PRINT_MAX };
	struct pr	 p;
	enum mp_err	 er;

	memset(&p, 0, sizeof(p));
	p.v = v;
	if ((er = dash_dossier_parts(r, v, id, &all)) != MP_OK ||
	    (er = mp_dossierdoc_journal(r->d->ctx->db, id, PRINT_MAX,
	    pr_entry, &p)) != MP_OK)
		return er;
	return dash_dossier_docs_fill(r, v, id, PRINT_MAX);
}

void
mp_dash_dossier_print(struct mp_dreq *r)
{
	struct mp_dossier	 d;
	struct mp_view		*v;
	char			 t[32], title[64];
	enum mp_err		 er;

	if (!dash_dossier_seen(r, &d))
		return;
	(void)snprintf(title, sizeof(title), "Dossier %s", d.number);
	if ((v = dash_view(r, title)) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	dash_dossier_head(v, &d);
	dash_time(t, r->now);
	(void)mp_tmpl_set(v, "Print.At", t);
	(void)mp_tmpl_set(v, "Print.By", r->user.display);
	(void)mp_tmpl_set(v, "Print.User", r->user.username);
	er = print_parts(r, v, d.id);
	if (er == MP_OK)
		dash_audit(r, "dossier afdrukken", "dossier", d.id, d.number);
	dash_finish(r, er, 200, v, "dashboard/dossier-print.cs");
}
