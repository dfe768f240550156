/*
 * dossier.c -- the dossier pages (issue 14): the list with its
 * filters and counts, a new dossier (also from a report), the dossier
 * page and its actions (status, analysis, reports, subjects, members),
 * and adding a report to a dossier from the report page.  The SQL is
 * lib/dossier.c's.
 *
 * Need-to-know: a dossier the user may not see answers exactly as one
 * that does not exist (dossier_refused), so no one learns numbers or
 * ids by trying.  Membership shows the dossier, not its reports: a
 * report line keeps the report rule (docs/architecture.md,
 * "Decisions").  Every view and change is in the audit log, every
 * change in the dossier's own history (lib/dossier.c), each change in
 * one transaction with both.
 *
 * Later parts hook in at the places marked "HOOK:" here and in
 * templates/dashboard/dossier.cs: the journal (notes, decisions,
 * tasks), documents, the print view and statistics.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define LINES_MAX	500	/* reports, subjects, events, documents */
#define VERSIONS_MAX	50	/* analysis versions shown */
#define PAGES_MAX	100000	/* of the journal or history */
#define REF_MAX		24

/*
 * The one answer for a dossier that does not exist and one the user
 * may not see: the same status and text, audited as refused.
 */
static void
dossier_refused(struct mp_dreq *r, long long id)
{

	dash_audit(r, "geweigerd", "dossier", id, NULL);
	dash_error(r, 404, "Dit dossier bestaat niet, of u heeft er geen "
	    "toegang toe.");
}

/* The year of a new number, in Europe/Amsterdam as the users count. */
static int
this_year(time_t now)
{
	struct tm	 tm;

	if (localtime_r(&now, &tm) == NULL)
		return 2000;
	return tm.tm_year + 1900;
}

static int
in_teams(const struct mp_user *u, long long team)
{
	size_t	 i;

	for (i = 0; i < u->nteams; i++)
		if (u->teams[i] == team)
			return 1;
	return 0;
}

void
dash_dossier_set_list(struct mp_dreq *r, struct mp_view *v,
    enum mp_dossier_list l, const char *key, const char *sel)
{
	char	 e[MP_DOSSIER_ENTRY_MAX * 4 + 1];
	size_t	 i;

	for (i = 0; mp_dossier_list_entry(r->d->ctx->conf, l, i, e,
	    sizeof(e)); i++) {
		dash_setk(v, key, i, "Name", e);
		dash_setki(v, key, i, "Sel", sel != NULL &&
		    strcmp(sel, e) == 0);
	}
}

struct teams {
	struct mp_dreq	*r;
	struct mp_view	*v;
	size_t		 n;
	long long	 sel;
	int		 all;	/* any team, not only the user's */
};

static void
team_row(const struct mp_team *t, void *arg)
{
	struct teams	*x = arg;

	if (!t->active || (!x->all && !in_teams(&x->r->user, t->id)))
		return;
	dash_setki(x->v, "List.Teams", x->n, "Id", t->id);
	dash_setk(x->v, "List.Teams", x->n, "Name", t->name);
	dash_setki(x->v, "List.Teams", x->n, "Sel", t->id == x->sel);
	x->n++;
}

static enum mp_err
set_teams(struct mp_dreq *r, struct mp_view *v, long long sel, int all)
{
	struct teams	 x;

	memset(&x, 0, sizeof(x));
	x.r = r;
	x.v = v;
	x.sel = sel;
	x.all = all;
	return mp_user_team_list(r->d->ctx->db, team_row, &x);
}

/* ------------------------------------------------------------------ */
/* The list.                                                           */

struct lst {
	struct mp_view	*v;
	size_t		 n;
};

static void
list_row(const struct mp_dossier *d, void *arg)
{
	struct lst	*l = arg;
	char		 t[32];

	dash_setki(l->v, "Dos", l->n, "Id", d->id);
	dash_setk(l->v, "Dos", l->n, "Number", d->number);
	dash_setk(l->v, "Dos", l->n, "Title", d->title);
	dash_setk(l->v, "Dos", l->n, "Theme", d->theme);
	dash_setk(l->v, "Dos", l->n, "Status", d->status);
	dash_setk(l->v, "Dos", l->n, "Team", d->team);
	dash_setki(l->v, "Dos", l->n, "Reports", d->reports);
	dash_time(t, (time_t)d->created_at);
	dash_setk(l->v, "Dos", l->n, "Created", t);
	l->n++;
}

/* The filters from the query string; *bad when one was wrong. */
static void
list_filter(struct mp_dreq *r, struct mp_dossier_filter *f, int *bad,
    const char **who)
{
	struct mp_user	 u;
	const char	*s;

	memset(f, 0, sizeof(*f));
	*bad = 0;
	*who = "";
	if ((s = dash_query(r, "status")) != NULL && *s != '\0') {
		if (mp_dossier_status(s))
			f->status = s;
		else
			*bad = 1;
	}
	if ((s = dash_query(r, "thema")) != NULL && *s != '\0') {
		if (mp_dossier_in_list(r->d->ctx->conf, MP_DOSSIER_THEMES, s))
			f->theme = s;
		else
			*bad = 1;
	}
	if ((s = dash_query(r, "team")) != NULL && *s != '\0' &&
	    (f->team = dash_number(s, 1, 4294967295LL)) < 0) {
		f->team = 0;
		*bad = 1;
	}
	/* "mijn": the dossiers the user is a member of. */
	if ((s = dash_query(r, "lid")) != NULL && strcmp(s, "mijn") == 0)
		f->member = r->user.id;
	/* A coordinator asks whose need-to-know reaches where. */
	if ((s = dash_query(r, "lid-van")) != NULL && *s != '\0' &&
	    mp_access_user(&r->user, MP_PERM_DOSSIER_MANAGE)) {
		if (!mp_user_valid_name(s) || mp_user_get(r->d->ctx->db, s,
		    &u, NULL) != MP_OK)
			*bad = 1;
		else {
			f->member = u.id;
			*who = s;
		}
	}
	if ((s = dash_query(r, "pagina")) != NULL && *s != '\0' &&
	    (f->page = dash_number(s, 1, 100000)) < 1)
		f->page = 1;
	f->page = f->page > 0 ? f->page - 1 : 0;
}

void
mp_dash_dossiers(struct mp_dreq *r)
{
	struct mp_db			*db = r->d->ctx->db;
	struct mp_dossier_filter	 f;
	struct mp_dbval			 vis[MP_DOSSIER_VIS];
	struct mp_view			*v;
	struct lst			 l;
	long long			 n[4];
	size_t				 i;
	const char			*who;
	char				 today[MP_JOURNAL_DATE_LEN];
	int				 bad, more = 0;
	enum mp_err			 er;

	list_filter(r, &f, &bad, &who);
	dash_journal_filter(r, &f, today, &bad);
	if ((v = dash_view(r, "Dossiers")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	memset(&l, 0, sizeof(l));
	l.v = v;
	mp_dossier_params(&r->user, vis);
	f.user = &r->user;
	er = mp_dossier_list(db, &f, vis, list_row, &l, &more);
	if (er == MP_OK)
		er = mp_dossier_count(db, &f, vis, n);
	for (i = 0; er == MP_OK && i < 4; i++) {
		dash_setk(v, "Count", i, "Status", mp_dossier_statuses[i]);
		dash_setki(v, "Count", i, "N", n[i]);
		dash_setki(v, "Count", i, "Sel", f.status != NULL &&
		    strcmp(f.status, mp_dossier_statuses[i]) == 0);
	}
	dash_dossier_set_list(r, v, MP_DOSSIER_THEMES, "List.Themes", f.theme);
	if (er == MP_OK)
		er = set_teams(r, v, f.team, 1);
	(void)mp_tmpl_set(v, "F.Status", f.status != NULL ? f.status : "");
	(void)mp_tmpl_set(v, "F.Theme", f.theme != NULL ? f.theme : "");
	(void)mp_tmpl_set_int(v, "F.Team", f.team);
	(void)mp_tmpl_set_int(v, "F.Member", f.member != 0 && *who == '\0');
	(void)mp_tmpl_set(v, "F.Who", who);
	(void)mp_tmpl_set_int(v, "F.Bad", bad);
	(void)mp_tmpl_set_int(v, "F.Page", f.page + 1);
	(void)mp_tmpl_set_int(v, "F.More", more);
	(void)mp_tmpl_set_int(v, "Can.DossierNew", mp_access_user(&r->user,
	    MP_PERM_DOSSIER_WORK));
	(void)mp_tmpl_set_int(v, "Can.DossierManage",
	    mp_access_user(&r->user, MP_PERM_DOSSIER_MANAGE));
	/*
	 * HOOK: the journal's filters ("mijn open taken", "taken over
	 * tijd") join struct mp_dossier_filter and list_filter here.
	 */
	if (er == MP_OK)
		er = dash_journal_filter_set(r, v, &f);
	if (er == MP_OK)
		dash_audit(r, "dossiers bekijken", "dossier", 0, NULL);
	dash_finish(r, er, 200, v, "dashboard/dossiers.cs");
}

/* ------------------------------------------------------------------ */
/* A new dossier.                                                      */

struct create {
	struct mp_dreq		*r;
	struct mp_dossier_new	 n;
	long long		 report;	/* 0: none */
	struct mp_dossier_add	 add;
	struct mp_dbval		 vis[2];
	/* Results. */
	const char		*msg, *field;
};

/* The form again, with what was typed and the error at its field. */
static void
new_page(struct mp_dreq *r, int status, const struct create *c)
{
	struct mp_view	*v;
	enum mp_err	 er;

	if ((v = dash_view(r, "Nieuw dossier")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	dash_dossier_set_list(r, v, MP_DOSSIER_THEMES, "List.Themes",
	    c->n.theme);
	er = set_teams(r, v, c->n.team_id, mp_access_user(&r->user,
	    MP_PERM_DOSSIER_MANAGE));
	(void)mp_tmpl_set(v, "N.Title", c->n.title != NULL ? c->n.title : "");
	(void)mp_tmpl_set_int(v, "N.Report", c->report);
	if (c->msg != NULL)
		(void)mp_tmpl_set(v, "Message", c->msg);
	if (c->field != NULL)
		(void)mp_tmpl_set(v, "FieldErr", c->field);
	dash_finish(r, er, status, v, "dashboard/dossier-new.cs");
}

void
mp_dash_dossier_new_form(struct mp_dreq *r)
{
	struct create	 c;
	const char	*s;

	memset(&c, 0, sizeof(c));
	if ((s = dash_query(r, "melding")) != NULL &&
	    (c.report = dash_number(s, 1, 9223372036854775806LL)) < 0)
		c.report = 0;
	c.n.team_id = r->user.nteams > 0 ? r->user.teams[0] : 0;
	new_page(r, 200, &c);
}

/* Read the form into c; 0 with c->msg and c->field when wrong. */
static int
create_read(struct mp_dreq *r, struct create *c)
{
	const char	*s;

	c->n.title = dash_form(r, "titel");
	c->n.theme = dash_form(r, "thema");
	if (c->n.title == NULL || mp_valid_blank(c->n.title,
	    strlen(c->n.title)) || !mp_valid_text(c->n.title,
	    strlen(c->n.title), MP_DOSSIER_TITLE_MAX, 0)) {
		c->field = "dossier-titel";
		c->msg = "Geef het dossier een titel van ten hoogste 200 "
		    "tekens, op één regel.";
		return 0;
	}
	if (!mp_dossier_in_list(r->d->ctx->conf, MP_DOSSIER_THEMES,
	    c->n.theme)) {
		c->field = "dossier-thema";
		c->msg = "Kies een thema uit de lijst.";
		return 0;
	}
	c->n.team_id = dash_number(dash_form(r, "team"), 1, 4294967295LL);
	/* Handlers create dossiers in their own teams only. */
	if (c->n.team_id < 0 || (!mp_access_user(&r->user,
	    MP_PERM_DOSSIER_MANAGE) && !in_teams(&r->user, c->n.team_id))) {
		c->field = "dossier-team";
		c->msg = "Kies een team waarvan u lid bent.";
		return 0;
	}
	if ((s = dash_form(r, "melding")) != NULL && *s != '\0' &&
	    (c->report = dash_number(s, 1, 9223372036854775806LL)) < 0) {
		c->msg = "Deze melding bestaat niet, of u heeft er geen "
		    "toegang toe.";
		return 0;
	}
	return 1;
}

static enum mp_err
create_txn(struct mp_db *db, void *arg)
{
	struct create	*c = arg;
	struct mp_dreq	*r = c->r;
	struct mp_team	 t;
	char		 detail[128];
	enum mp_err	 er;

	if ((er = mp_user_team_get_id(db, c->n.team_id, &t)) != MP_OK ||
	    !t.active) {
		c->field = "dossier-team";
		c->msg = "Kies een team uit de lijst.";
		return er == MP_OK || er == MP_ENOTFOUND ? MP_EINVAL : er;
	}
	if ((er = mp_dossier_create(db, &c->n)) != MP_OK)
		return er;
	(void)snprintf(detail, sizeof(detail), "%s; team %lld; thema %s",
	    c->n.number, c->n.team_id, c->n.theme);
	if ((er = mp_audit(db, r->user.id, r->user.username,
	    "dossier aanmaken", "dossier", c->n.id, r->client, detail)) !=
	    MP_OK || c->report == 0)
		return er;
	/* From a report: it goes in, if the user may see it. */
	c->add.dossier = c->n.id;
	c->add.number = c->n.number;
	c->add.report = c->report;
	c->add.vis = c->vis;
	c->add.user_id = r->user.id;
	c->add.actor = r->user.username;
	c->add.display = r->user.display;
	c->add.conf = r->d->ctx->conf;
	if ((er = mp_dossier_report_add(db, &c->add)) == MP_ENOTFOUND) {
		c->msg = "Deze melding bestaat niet, of u heeft er geen "
		    "toegang toe.";
		return MP_EINVAL;
	}
	if (er == MP_OK)
		er = mp_audit(db, r->user.id, r->user.username,
		    "melding aan dossier", "melding", c->report, r->client,
		    c->n.number);
	return er;
}

void
mp_dash_dossier_new(struct mp_dreq *r)
{
	struct create	 c;
	char		 back[64];
	enum mp_err	 er;

	memset(&c, 0, sizeof(c));
	c.r = r;
	c.n.user_id = r->user.id;
	c.n.actor = r->user.username;
	c.n.year = this_year(r->now);
	mp_access_report_params(&r->user, c.vis);
	if (!create_read(r, &c)) {
		new_page(r, 400, &c);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, create_txn, &c);
	if (er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/dossier/%lld", c.n.id);
		dash_done(r, back, "dossier-nieuw");
	} else if (c.msg != NULL)
		new_page(r, 400, &c);
	else
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* The dossier page.                                                   */

struct pg {
	struct mp_dreq	*r;
	struct mp_view	*v;
	size_t		 n;
	int		 unseen;
};

static void
pg_version(long long version, const char *text, const char *author,
    long long at, void *arg)
{
	struct pg	*p = arg;
	char		 t[32];

	dash_time(t, (time_t)at);
	if (p->n == 0) {
		(void)mp_tmpl_set(p->v, "A.Text", text);
		(void)mp_tmpl_set_int(p->v, "A.Version", version);
		(void)mp_tmpl_set(p->v, "A.Author", author);
		(void)mp_tmpl_set(p->v, "A.At", t);
	}
	dash_setki(p->v, "A.Ver", p->n, "Version", version);
	dash_setk(p->v, "A.Ver", p->n, "Text", text);
	dash_setk(p->v, "A.Ver", p->n, "Author", author);
	dash_setk(p->v, "A.Ver", p->n, "At", t);
	p->n++;
}

static void
pg_report(const struct mp_dossier_report *x, void *arg)
{
	struct pg	*p = arg;
	char		 t[32];

	dash_setki(p->v, "Rep", p->n, "Visible", x->visible);
	if (x->visible) {
		dash_setki(p->v, "Rep", p->n, "Id", x->report);
		dash_setk(p->v, "Rep", p->n, "Reference", x->reference);
		dash_setk(p->v, "Rep", p->n, "Type", x->type);
		dash_setk(p->v, "Rep", p->n, "Status", x->status);
		dash_time(t, (time_t)x->received);
		dash_setk(p->v, "Rep", p->n, "Date", t);
	} else
		p->unseen = 1;
	p->n++;
}

static void
pg_subject(long long subject, int kind, const char *display, int direct,
    void *arg)
{
	struct pg	*p = arg;

	dash_setki(p->v, "Subj", p->n, "Id", subject);
	dash_setk(p->v, "Subj", p->n, "Kind",
	    mp_subject_kind_name((enum mp_subject_kind)kind));
	dash_setk(p->v, "Subj", p->n, "Display", display);
	dash_setki(p->v, "Subj", p->n, "Direct", direct);
	p->n++;
}

static void
pg_member(long long user, const char *name, const char *display,
    long long at, void *arg)
{
	struct pg	*p = arg;

	(void)at;
	dash_setki(p->v, "Mem", p->n, "Id", user);
	dash_setk(p->v, "Mem", p->n, "Name", name);
	dash_setk(p->v, "Mem", p->n, "Display", display);
	p->n++;
}

static void
pg_event(const char *kind, const char *actor, long long at,
    const char *old, const char *new_value, void *arg)
{
	struct pg	*p = arg;
	char		 t[32];

	dash_setk(p->v, "Hist", p->n, "Kind", kind);
	dash_setk(p->v, "Hist", p->n, "Actor", actor);
	dash_time(t, (time_t)at);
	dash_setk(p->v, "Hist", p->n, "At", t);
	dash_setk(p->v, "Hist", p->n, "Old", old);
	dash_setk(p->v, "Hist", p->n, "New", new_value);
	p->n++;
}

/* The summary under D, for the page and the print view. */
void
dash_dossier_head(struct mp_view *v, const struct mp_dossier *d)
{
	char		 t[32];

	(void)mp_tmpl_set_int(v, "D.Id", d->id);
	(void)mp_tmpl_set(v, "D.Number", d->number);
	(void)mp_tmpl_set(v, "D.Title", d->title);
	(void)mp_tmpl_set(v, "D.Theme", d->theme);
	(void)mp_tmpl_set(v, "D.Status", d->status);
	(void)mp_tmpl_set(v, "D.Team", d->team);
	(void)mp_tmpl_set(v, "D.Outcome", d->outcome);
	(void)mp_tmpl_set_int(v, "D.Version", d->version);
	dash_time(t, (time_t)d->created_at);
	(void)mp_tmpl_set(v, "D.Created", t);
	dash_time(t, (time_t)d->closed_at);
	(void)mp_tmpl_set(v, "D.Closed", t);
}

/* The summary and the status form. */
static void
page_summary(struct mp_dreq *r, struct mp_view *v,
    const struct mp_dossier *d)
{
	const struct mp_dossier_transition *tr;
	size_t		 i;

	dash_dossier_head(v, d);
	for (i = 0; (tr = mp_dossier_next(d->status, i)) != NULL; i++) {
		dash_setk(v, "Next", i, "To", tr->to);
		dash_setk(v, "Next", i, "Label", tr->label);
		dash_setki(v, "Next", i, "Outcome", tr->needs_outcome);
	}
	dash_dossier_set_list(r, v, MP_DOSSIER_OUTCOMES, "List.Outcomes",
	    NULL);
	for (i = 1; i < MP_SUBJECT__MAX; i++)
		dash_setk(v, "Opt.Kinds", i, "Name",
		    mp_subject_kind_name((enum mp_subject_kind)i));
	(void)mp_tmpl_set_int(v, "Can.DossierWork", mp_access_user(&r->user,
	    MP_PERM_DOSSIER_WORK));
	(void)mp_tmpl_set_int(v, "Can.DossierManage",
	    mp_access_user(&r->user, MP_PERM_DOSSIER_MANAGE));
}

/*
 * The parts the dossier page and its print view share, each its own
 * list: the newest versions of the analysis (also A.Text, A.Version,
 * A.Author, A.At of the newest), the reports (Unseen when one is out
 * of sight), subjects, members and the history.
 */
enum mp_err
dash_dossier_parts(struct mp_dreq *r, struct mp_view *v, long long id,
    const struct dash_dossier_range *rg)
{
	struct mp_db	*db = r->d->ctx->db;
	struct mp_dbval	 vis[2];
	struct pg	 p;
	enum mp_err	 er;

	memset(&p, 0, sizeof(p));
	p.r = r;
	p.v = v;
	mp_access_report_params(&r->user, vis);
	if ((er = mp_dossier_analysis_list(db, id, rg->versions, pg_version,
	    &p)) != MP_OK)
		return er;
	p.n = 0;
	if ((er = mp_dossier_report_list(db, id, vis, rg->rep_from,
	    rg->rep_max, pg_report, &p)) != MP_OK)
		return er;
	(void)mp_tmpl_set_int(v, "Unseen", p.unseen);
	p.n = 0;
	if ((er = mp_dossier_subject_list(db, id, vis, rg->max, pg_subject,
	    &p)) != MP_OK)
		return er;
	p.n = 0;
	if ((er = mp_dossier_member_list(db, id, pg_member, &p)) != MP_OK)
		return er;
	p.n = 0;
	return mp_dossier_event_list(db, id, rg->hist_from, rg->hist_max,
	    pg_event, &p);
}

/*
 * The reports, the journal and the history come in pages of
 * DASH_DOSSIER_PAGE, the newest first, chosen by ?meldingen=N,
 * ?journaal=N and ?historie=N (links, no JavaScript): 500 journal
 * entries cost 13-20 ms of the dashboard's CPU to render (bench/
 * dossier), a page of 50 a tenth of that; 200 reports with the report
 * rule on each were most of the rest of the big dossier's page.
 */
enum { PG_JOURNAL, PG_HISTORY, PG_REPORTS, PAGES_N };
struct pages {
	const char	*param;		/* the query parameter */
	const char	*key;		/* its HDF prefix */
	long long	 page;		/* 1-based */
	long long	 pages;		/* at least 1 */
};

/* The page asked for in param: 1 when absent, -1 when no page. */
static long long
page_arg(struct mp_dreq *r, const char *param)
{
	const char	*s = dash_query(r, param);

	if (s == NULL)
		return 1;
	return dash_number(s, 1, PAGES_MAX);
}

static void
set_page(struct mp_view *v, const char *key, const char *name, long long n)
{
	char	 k[32];

	(void)snprintf(k, sizeof(k), "%s.%s", key, name);
	(void)mp_tmpl_set_int(v, k, n);
}

/* Count in pages; the page, the pages and the links' numbers into v. */
static int
page_fits(struct mp_view *v, struct pages *pg, long long count)
{

	pg->pages = count > 0 ? (count + DASH_DOSSIER_PAGE - 1) /
	    DASH_DOSSIER_PAGE : 1;
	if (pg->page > pg->pages)
		return 0;
	set_page(v, pg->key, "Page", pg->page);
	set_page(v, pg->key, "Pages", pg->pages);
	set_page(v, pg->key, "Count", count);
	set_page(v, pg->key, "Size", DASH_DOSSIER_PAGE);
	/* The number of the page's first item in a list in order. */
	set_page(v, pg->key, "First", (pg->page - 1) * DASH_DOSSIER_PAGE +
	    1);
	/* The links' pages; 0: none that way. */
	set_page(v, pg->key, "Newer", pg->page > 1 ? pg->page - 1 : 0);
	set_page(v, pg->key, "Older", pg->page < pg->pages ? pg->page + 1 :
	    0);
	/* The number of the page's first item in a reversed list. */
	set_page(v, pg->key, "Start", count - (pg->page - 1) *
	    DASH_DOSSIER_PAGE);
	return 1;
}

/*
 * The pages asked for, checked against the counts: 0 with the answer
 * sent (400 for no page number, 404 past the last page), else 1.
 */
static int
page_numbers(struct mp_dreq *r, struct mp_view *v, long long id,
    struct pages pg[PAGES_N])
{
	static const char *const what[PAGES_N] = { "het journaal",
	    "de geschiedenis", "de lijst van meldingen" };
	char		 msg[200];
	long long	 n[PAGES_N];
	enum mp_err	 er;
	int		 i;

	pg[PG_JOURNAL].param = "journaal";
	pg[PG_JOURNAL].key = "Pg.J";
	pg[PG_HISTORY].param = "historie";
	pg[PG_HISTORY].key = "Pg.H";
	pg[PG_REPORTS].param = "meldingen";
	pg[PG_REPORTS].key = "Pg.R";
	for (i = 0; i < PAGES_N; i++)
		if ((pg[i].page = page_arg(r, pg[i].param)) < 1) {
			(void)snprintf(msg, sizeof(msg), "Ongeldige pagina: "
			    "%s= vraagt een paginanummer (1, 2, ...).",
			    pg[i].param);
			dash_error(r, 400, msg);
			return 0;
		}
	if ((er = mp_journal_count(r->d->ctx->db, id, &n[PG_JOURNAL])) !=
	    MP_OK ||
	    (er = mp_dossier_event_count(r->d->ctx->db, id,
	    &n[PG_HISTORY])) != MP_OK ||
	    (er = mp_dossier_report_count(r->d->ctx->db, id,
	    &n[PG_REPORTS])) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return 0;
	}
	for (i = 0; i < PAGES_N; i++)
		if (!page_fits(v, &pg[i], n[i])) {
			(void)snprintf(msg, sizeof(msg), "Deze pagina bestaat "
			    "niet: %s van dit dossier heeft %lld pagina%s.",
			    what[i], pg[i].pages,
			    pg[i].pages == 1 ? "" : "'s");
			dash_error(r, 404, msg);
			return 0;
		}
	return 1;
}

/* The parts read from the database, each its own list. */
static enum mp_err
page_parts(struct mp_dreq *r, struct mp_view *v, long long id,
    const struct pages pg[PAGES_N])
{
	struct dash_dossier_range rg;
	enum mp_err	 er;

	rg.versions = VERSIONS_MAX;
	rg.max = LINES_MAX;
	rg.rep_from = (unsigned)((pg[PG_REPORTS].page - 1) *
	    DASH_DOSSIER_PAGE);
	rg.rep_max = DASH_DOSSIER_PAGE;
	rg.hist_from = (unsigned)((pg[PG_HISTORY].page - 1) *
	    DASH_DOSSIER_PAGE);
	rg.hist_max = DASH_DOSSIER_PAGE;
	if ((er = dash_dossier_parts(r, v, id, &rg)) != MP_OK)
		return er;
	/*
	 * HOOK: the journal (dossier_journal: notes, decisions, tasks
	 * with their due dates and overdue marks) and the documents
	 * (dossier_document) fill their lists here.
	 */
	if ((er = dash_dossier_docs_fill(r, v, id, LINES_MAX)) != MP_OK)
		return er;
	return dash_journal_fill(r, v, id, (unsigned)((pg[PG_JOURNAL].page -
	    1) * DASH_DOSSIER_PAGE));
}

/* The dossier page's typed fields, kept after a refusal. */
static const struct dash_keep dossier_keep[] = {
	{ "actie", "Keep.Actie" }, { "melding", "Keep.Melding" },
	{ "waarde", "Keep.Waarde" }, { "soort", "Keep.Soort" },
	{ "gebruiker", "Keep.Gebruiker" }, { "naar", "Keep.Naar" },
	{ "resultaat", "Keep.Resultaat" },
};

/*
 * The dossier page with status and, after a refused action, msg at
 * field; keep: the analysis text the user sent, given back on a
 * conflict.  MP_ENOTFOUND, with nothing sent, when the user may not
 * see the dossier.
 */
static enum mp_err
dossier_page(struct mp_dreq *r, int status, const char *msg,
    const char *field, const char *keep, long long keep_base)
{
	struct mp_dossier	 d;
	struct mp_dbval		 vis[MP_DOSSIER_VIS];
	struct mp_view		*v;
	struct pages		 pg[PAGES_N];
	enum mp_err		 er;

	mp_dossier_params(&r->user, vis);
	if ((er = mp_dossier_get(r->d->ctx->db, r->arg[0], vis, 0, &d)) ==
	    MP_ENOTFOUND)
		return er;
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return MP_OK;
	}
	if ((v = dash_view(r, d.number)) == NULL) {
		dash_error(r, 500, NULL);
		return MP_OK;
	}
	/* After the rule: no probing of a hidden dossier by page. */
	if (!page_numbers(r, v, d.id, pg)) {
		mp_tmpl_free(v);
		return MP_OK;
	}
	page_summary(r, v, &d);
	er = page_parts(r, v, d.id, pg);
	if (er == MP_OK && msg != NULL)
		er = mp_tmpl_set(v, "Message", msg);
	if (er == MP_OK && field != NULL)
		er = mp_tmpl_set(v, "FieldErr", field);
	/* A refusal keeps what was typed in the other forms (done.c). */
	if (er == MP_OK && msg != NULL)
		er = dash_keep(r, v, dossier_keep, MP_NELEM(dossier_keep));
	/* A conflict: the user's own text back, to merge by hand. */
	if (er == MP_OK && keep != NULL) {
		er = mp_tmpl_set(v, "A.Mine", keep);
		(void)mp_tmpl_set_int(v, "A.MineBase", keep_base);
	}
	/* HOOK: the print view and statistics link from here. */
	if (er == MP_OK)
		dash_audit(r, "dossier bekijken", "dossier", d.id, d.number);
	dash_finish(r, er, status, v, "dashboard/dossier.cs");
	return MP_OK;
}

int
dash_dossier_seen(struct mp_dreq *r, struct mp_dossier *d)
{
	struct mp_dbval		 vis[MP_DOSSIER_VIS];
	enum mp_err		 er;

	mp_dossier_params(&r->user, vis);
	if ((er = mp_dossier_get(r->d->ctx->db, r->arg[0], vis, 0, d)) ==
	    MP_OK)
		return 1;
	if (er == MP_ENOTFOUND)
		dossier_refused(r, r->arg[0]);
	else
		dash_error(r, mp_err_status(er), NULL);
	return 0;
}

void
dash_dossier_refused(struct mp_dreq *r)
{

	dossier_refused(r, r->arg[0]);
}

void
dash_dossier_again(struct mp_dreq *r, int status, const char *msg,
    const char *field)
{

	if (dossier_page(r, status, msg, field, NULL, 0) == MP_ENOTFOUND)
		dossier_refused(r, r->arg[0]);
}

void
mp_dash_dossier(struct mp_dreq *r)
{

	if (dossier_page(r, 200, NULL, NULL, NULL, 0) == MP_ENOTFOUND)
		dossier_refused(r, r->arg[0]);
}

/* ------------------------------------------------------------------ */
/* Actions on a dossier.                                               */

enum dact {
	D_STATUS, D_ANALYSIS, D_REPORT, D_REPORT_DEL, D_SUBJECT, D_MEMBER,
	D_MEMBER_DEL, D__MAX
};
static const char *const dnames[D__MAX] = {
	"status", "analyse", "melding", "melding-weg", "onderwerp", "lid",
	"lid-weg"
};

struct act {
	struct mp_dreq		*r;
	enum dact		 act;
	struct mp_dossier	 d;
	long long		 version;	/* as the user saw it */
	const char		*to, *outcome, *text;
	long long		 other;		/* report, subject or user */
	char			 name[200];	/* its display for history */
	char			 ref[REF_MAX + 1];
	enum mp_subject_kind	 kind;
	char			 norm[MP_SUBJECT_NORM_MAX];
	struct mp_dbval		 vis[2];
	/* Results. */
	int			 status;	/* 0: done */
	const char		*msg, *field;
	char			 detail[256];
};

/* The refusal of a change: the page again, with msg at field. */
static enum mp_err
refuse(struct act *a, int status, const char *msg, const char *field)
{

	a->status = status;
	a->msg = msg;
	a->field = field;
	return MP_EINVAL;
}

static enum mp_err
act_status(struct act *a, struct mp_db *db)
{
	const char	*why = NULL;
	enum mp_err	 er;

	if (a->outcome != NULL && *a->outcome != '\0' &&
	    !mp_dossier_in_list(a->r->d->ctx->conf, MP_DOSSIER_OUTCOMES,
	    a->outcome))
		return refuse(a, 400, "Kies een resultaat uit de lijst.",
		    "dossier-resultaat");
	er = mp_dossier_set_status(db, &a->d, a->version, a->to, a->outcome,
	    a->r->user.username, &why);
	if (er == MP_EINVAL || er == MP_ENOTFOUND)
		return refuse(a, er == MP_EINVAL ? 400 : 409, why,
		    "dossier-status");
	(void)snprintf(a->detail, sizeof(a->detail), "status %s -> %s",
	    a->d.status, a->to);
	return er;
}

static enum mp_err
act_analysis(struct act *a, struct mp_db *db)
{
	long long	 saved, current;
	enum mp_err	 er;

	er = mp_dossier_analysis_save(db, a->d.id, a->version, a->text,
	    a->r->user.id, a->r->user.username, &saved, &current);
	if (er == MP_EINVAL)
		return refuse(a, 400, "De analyse is te lang of bevat "
		    "ongeldige tekens.", "dossier-analyse");
	if (er == MP_EDUP) {
		a->version = current;
		return refuse(a, 409, "Iemand anders heeft de analyse "
		    "intussen opgeslagen. Uw tekst staat hieronder; neem "
		    "over wat nog ontbreekt en sla opnieuw op.",
		    "dossier-analyse");
	}
	(void)snprintf(a->detail, sizeof(a->detail), "analyse versie %lld",
	    saved);
	return er;
}

static enum mp_err
act_report(struct act *a, struct mp_db *db)
{
	struct mp_dossier_add	 x;
	struct mp_dreq		*r = a->r;
	enum mp_err		 er;

	memset(&x, 0, sizeof(x));
	x.dossier = a->d.id;
	x.number = a->d.number;
	x.report = a->other;
	x.vis = a->vis;
	x.user_id = r->user.id;
	x.actor = r->user.username;
	x.display = r->user.display;
	x.conf = r->d->ctx->conf;
	er = mp_dossier_report_add(db, &x);
	if (er == MP_ENOTFOUND)
		return refuse(a, 400, "Deze melding bestaat niet, of u heeft "
		    "er geen toegang toe.", "dossier-melding");
	if (er == MP_EDUP)
		return refuse(a, 400, "Deze melding zit al in dit dossier.",
		    "dossier-melding");
	if (er == MP_OK)
		er = mp_audit(db, r->user.id, r->user.username,
		    "melding aan dossier", "melding", a->other, r->client,
		    a->d.number);
	(void)snprintf(a->detail, sizeof(a->detail), "melding %lld "
	    "toegevoegd%s", a->other, x.moved ? "; status in dossier" : "");
	return er;
}

static enum mp_err
act_subject(struct act *a, struct mp_db *db)
{
	long long	 id;
	enum mp_err	 er;

	if ((er = mp_subject_upsert(db, a->kind, a->norm, a->text, &id)) !=
	    MP_OK)
		return er;
	er = mp_dossier_subject_add(db, a->d.id, id, a->text, a->r->user.id,
	    a->r->user.username);
	if (er == MP_EDUP)
		return refuse(a, 400, "Dit onderwerp hoort al bij dit "
		    "dossier.", "onderwerp-waarde");
	/* The subject's id: its value is personal data. */
	(void)snprintf(a->detail, sizeof(a->detail), "onderwerp %lld "
	    "toegevoegd", id);
	return er;
}

static enum mp_err
act_member(struct act *a, struct mp_db *db)
{
	struct mp_user	 u;
	enum mp_err	 er;

	if (a->act == D_MEMBER) {
		er = a->text == NULL || !mp_user_valid_name(a->text) ?
		    MP_ENOTFOUND : mp_user_get(db, a->text, &u, NULL);
		/* Staff who may see dossiers: not admins, not auditors. */
		if (er == MP_ENOTFOUND || (er == MP_OK && (u.disabled ||
		    !mp_role_can(u.role, MP_PERM_DOSSIER_VIEW))))
			return refuse(a, 400, "Er is geen actieve behandelaar "
			    "of coördinator met deze gebruikersnaam.",
			    "dossier-lid");
		if (er != MP_OK)
			return er;
		er = mp_dossier_member_add(db, a->d.id, u.id, u.username,
		    a->r->user.id, a->r->user.username);
		if (er == MP_EDUP)
			return refuse(a, 400, "Deze gebruiker is al lid van "
			    "dit dossier.", "dossier-lid");
		a->other = u.id;
	} else {
		if ((er = mp_user_get_id(db, a->other, &u)) == MP_ENOTFOUND ||
		    (er == MP_OK && (er = mp_dossier_member_remove(db,
		    a->d.id, u.id, u.username, a->r->user.username)) ==
		    MP_ENOTFOUND))
			return refuse(a, 400, "Deze gebruiker is geen lid van "
			    "dit dossier.", "dossier-lid");
	}
	(void)snprintf(a->detail, sizeof(a->detail), "lid %lld %s",
	    a->other, a->act == D_MEMBER ? "toegevoegd" : "verwijderd");
	return er;
}

static enum mp_err
act_txn(struct mp_db *db, void *arg)
{
	struct act	*a = arg;
	struct mp_dreq	*r = a->r;
	struct mp_dbval	 vis[MP_DOSSIER_VIS];
	enum mp_err	 er;

	a->status = 0;
	mp_dossier_params(&r->user, vis);
	if ((er = mp_dossier_get(db, r->arg[0], vis, 1, &a->d)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			a->status = 404;
		return er;
	}
	switch (a->act) {
	case D_STATUS:
		er = act_status(a, db);
		break;
	case D_ANALYSIS:
		er = act_analysis(a, db);
		break;
	case D_REPORT:
		er = act_report(a, db);
		break;
	case D_REPORT_DEL:
		if ((er = mp_dossier_report_remove(db, a->d.id, a->other,
		    r->user.username)) == MP_ENOTFOUND)
			er = refuse(a, 400, "Deze melding zit niet in dit "
			    "dossier.", NULL);
		(void)snprintf(a->detail, sizeof(a->detail), "melding %lld "
		    "verwijderd", a->other);
		break;
	case D_SUBJECT:
		er = act_subject(a, db);
		break;
	default:
		er = act_member(a, db);
		break;
	}
	if (er != MP_OK)
		return er;
	return mp_audit(db, r->user.id, r->user.username, "dossier wijzigen",
	    "dossier", a->d.id, r->client, a->detail);
}

/* A report given by its id or reference; 0 with a->msg when wrong. */
static int
read_report(struct act *a, const char *s)
{

	if (s == NULL || *s == '\0' || strlen(s) > REF_MAX) {
		refuse(a, 400, "Geef het nummer of kenmerk van een melding.",
		    "dossier-melding");
		return 0;
	}
	if ((a->other = dash_number(s, 1, 9223372036854775806LL)) > 0)
		return 1;
	(void)snprintf(a->ref, sizeof(a->ref), "%s", s);
	return 1;
}

/* The subject's kind and value, normalised; 0 with a->msg. */
static int
read_subject(struct act *a)
{
	const char	*k = dash_form(a->r, "soort");
	size_t		 i;

	for (i = 1; k != NULL && i < MP_SUBJECT__MAX; i++)
		if (strcmp(k, mp_subject_kind_name((enum mp_subject_kind)i))
		    == 0)
			a->kind = (enum mp_subject_kind)i;
	a->text = dash_form(a->r, "waarde");
	if (a->kind == 0) {
		refuse(a, 400, "Kies een soort onderwerp uit de lijst.",
		    "onderwerp-soort");
		return 0;
	}
	if (a->text == NULL || mp_valid_blank(a->text, strlen(a->text)) ||
	    !mp_valid_text(a->text, strlen(a->text), 255, 0) ||
	    mp_subject_norm(a->kind, a->text, strlen(a->text), a->norm,
	    sizeof(a->norm)) != MP_OK) {
		refuse(a, 400, "Deze waarde is geen geldig onderwerp van de "
		    "gekozen soort.", "onderwerp-waarde");
		return 0;
	}
	return 1;
}

/* Read the form; 0 with a->msg when wrong or not allowed. */
static int
act_read(struct mp_dreq *r, struct act *a)
{
	const char	*s = dash_form(r, "actie");
	size_t		 i;

	a->act = D__MAX;
	for (i = 0; s != NULL && i < D__MAX; i++)
		if (strcmp(s, dnames[i]) == 0)
			a->act = (enum dact)i;
	if (a->act == D__MAX) {
		refuse(a, 400, "Onbekende actie.", NULL);
		return 0;
	}
	if ((a->act == D_MEMBER || a->act == D_MEMBER_DEL) &&
	    !mp_access_user(&r->user, MP_PERM_DOSSIER_MANAGE)) {
		refuse(a, 403, "Alleen een coördinator voegt leden toe of "
		    "haalt ze weg.", "dossier-lid");
		return 0;
	}
	a->version = dash_number(dash_form(r, "versie"), 0, 4294967295LL);
	a->to = dash_form(r, "naar");
	a->outcome = dash_form(r, "resultaat");
	a->text = dash_form(r, "tekst");
	switch (a->act) {
	case D_STATUS:
	case D_ANALYSIS:
		if (a->version < 0) {
			refuse(a, 400, "Het formulier mist zijn versie; laad "
			    "de pagina opnieuw.", NULL);
			return 0;
		}
		return 1;
	case D_REPORT:
		return read_report(a, dash_form(r, "melding"));
	case D_SUBJECT:
		return read_subject(a);
	case D_MEMBER:
		a->text = dash_form(r, "gebruiker");
		return 1;
	default:
		if ((a->other = dash_number(dash_form(r, a->act ==
		    D_MEMBER_DEL ? "gebruiker" : "melding"), 1,
		    9223372036854775806LL)) < 0) {
			refuse(a, 400, "Onbekende regel.", NULL);
			return 0;
		}
		return 1;
	}
}

/* A report's id by its reference, if the user may see it. */
static enum mp_err
report_by_ref(struct mp_dreq *r, struct act *a)
{

	if (a->other > 0)
		return MP_OK;
	return mp_dossier_report_find(r->d->ctx->db, a->ref, a->vis,
	    &a->other);
}

void
mp_dash_dossier_post(struct mp_dreq *r)
{
	struct act	 a;
	char		 back[64], code[32];
	enum mp_err	 er = MP_OK;

	memset(&a, 0, sizeof(a));
	a.r = r;
	mp_access_report_params(&r->user, a.vis);
	if (act_read(r, &a) && a.act == D_REPORT &&
	    (er = report_by_ref(r, &a)) == MP_ENOTFOUND)
		refuse(&a, 400, "Deze melding bestaat niet, of u heeft er "
		    "geen toegang toe.", "dossier-melding");
	if (a.status == 0 && er == MP_OK)
		er = mp_db_txn(r->d->ctx->db, act_txn, &a);
	if (a.status == 0 && er == MP_OK) {
		/* "dossier-" + the action's name: its confirmation. */
		(void)snprintf(back, sizeof(back), "/dossier/%lld",
		    r->arg[0]);
		(void)snprintf(code, sizeof(code), "dossier-%s",
		    dnames[a.act]);
		dash_done(r, back, code);
		return;
	}
	if (a.status == 404 || (a.status != 0 && dossier_page(r, a.status,
	    a.msg, a.field, a.act == D_ANALYSIS ? a.text : NULL,
	    a.version) == MP_ENOTFOUND)) {
		dossier_refused(r, r->arg[0]);
		return;
	}
	if (a.status == 0)
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* From the report page.                                               */

struct of {
	struct mp_view	*v;
	size_t		 n;
};

static void
of_row(long long id, const char *number, const char *title, void *arg)
{
	struct of	*o = arg;

	dash_setki(o->v, "Dossiers", o->n, "Id", id);
	dash_setk(o->v, "Dossiers", o->n, "Number", number);
	dash_setk(o->v, "Dossiers", o->n, "Title", title);
	o->n++;
}

enum mp_err
dash_dossier_fill_report(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_dbval	 vis[MP_DOSSIER_VIS];
	struct of	 o;

	if (!mp_access_user(&r->user, MP_PERM_DOSSIER_VIEW))
		return MP_OK;
	memset(&o, 0, sizeof(o));
	o.v = v;
	(void)mp_tmpl_set_int(v, "Can.DossierWork", mp_access_user(&r->user,
	    MP_PERM_DOSSIER_WORK));
	mp_dossier_params(&r->user, vis);
	return mp_dossier_of_report(r->d->ctx->db, r->arg[0], vis, of_row,
	    &o);
}

void
mp_dash_report_dossier_post(struct mp_dreq *r)
{
	struct mp_dbval	 vis[MP_DOSSIER_VIS];
	struct act	 a;
	char		 back[64];
	long long	 report = r->arg[0], id = 0;
	enum mp_err	 er;

	memset(&a, 0, sizeof(a));
	a.r = r;
	a.act = D_REPORT;
	a.other = report;
	mp_access_report_params(&r->user, a.vis);
	mp_dossier_params(&r->user, vis);
	er = mp_dossier_find_number(r->d->ctx->db, dash_form(r, "dossier"),
	    vis, &id);
	if (er == MP_ENOTFOUND) {
		if (dash_report_page(r, 400, "Er is geen dossier met dit "
		    "nummer dat u mag zien.", "dossier-nummer") ==
		    MP_ENOTFOUND)
			dash_report_refused(r);
		return;
	}
	/* The action runs on the dossier: its path's number is the id. */
	r->arg[0] = id;
	if (er == MP_OK)
		er = mp_db_txn(r->d->ctx->db, act_txn, &a);
	r->arg[0] = report;
	if (er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/melding/%lld#dossiers",
		    report);
		dash_done(r, back, "in-dossier");
	} else if (a.status != 0 && a.status != 404) {
		if (dash_report_page(r, a.status, a.msg, "dossier-nummer") ==
		    MP_ENOTFOUND)
			dash_report_refused(r);
	} else
		dash_error(r, mp_err_status(er), NULL);
}
