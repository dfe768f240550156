/*
 * links.c -- a report's subjects and links (issue 13): the
 * "Onderwerpen" and "Verbanden" parts of the report page, their
 * actions (add, confirm, remove and edit a subject; mark two reports
 * the same case, unrelated, or one a duplicate), and the subject page.
 * The SQL is lib/subject.c's and lib/link.c's.  Need-to-know holds
 * across links: a linked report the user may not see is named only as
 * "a report in another team"; lib/subject.c leaves its content empty.
 * Every change runs in one transaction with its history events and
 * audit row; the audit names ids, never a subject's value.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

/* Rows of "Verbanden", of decisions, and of a subject's page. */
#define RELATED_MAX	200
#define DECISIONS_MAX	50
#define SUBJECT_PAGE_MAX 500
#define VALUE_MAX	255	/* characters of a subject as typed */
#define REASON_CHARS	500

enum stmt {
	STMT_LOCK,
	STMT_BY_REF,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_LOCK: a report the user may see, locked for a change. */
	"SELECT r.id, r.reference, r.status, r.version FROM report r"
	" WHERE {visible} AND r.id = ? FOR UPDATE",
	/* STMT_BY_REF: a report the user may see, by its reference. */
	"SELECT r.id FROM report r"
	" WHERE {visible} AND r.reference = ?",
};

/* The visibility rule (access.h) in both. */
static const struct mp_sqltext_part parts[] = {
	{ "visible", mp_access_sql_visible },
	{ NULL, NULL }
};

struct mp_sqltext_set dash_links_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&dash_links_sql, (s))

/* STMT_LOCK's columns. */
enum lock_col { LOCK_ID, LOCK_REFERENCE, LOCK_STATUS, LOCK_VERSION };

/* STMT_BY_REF's column. */
enum ref_col { REF_ID };

#define COORD_NAMES	10	/* coordinators named at most */

static const char *const sources[MP_SUBJECT_SOURCE__MAX] = {
	[MP_SUBJECT_STRUCTURED] = "adres van de melding",
	[MP_SUBJECT_EXTRACTED] = "herkend in de tekst",
	[MP_SUBJECT_HANDLER] = "toegevoegd door behandelaar",
};

static const char *
source_name(enum mp_subject_source s)
{

	return (int)s > 0 && s < MP_SUBJECT_SOURCE__MAX ? sources[s] : "";
}

struct coord {
	struct mp_buf	 b;
	size_t		 n;
};

static void
coord_add(const char *name, void *arg)
{
	struct coord	*c = arg;

	(void)mp_buf_printf(&c->b, "%s%s", c->n > 0 ? ", " : "", name);
	c->n++;
}

/*
 * Who can be asked about a report in another team: the coordinators
 * (they see all), by name, into Coordinators.  Read only when a page
 * has such a report, once.
 */
static enum mp_err
coordinators(struct mp_dreq *r, struct mp_view *v)
{
	struct coord	 c;
	enum mp_err	 er;

	memset(&c, 0, sizeof(c));
	mp_buf_init(&c.b, 4096);
	er = mp_user_coordinators(r->d->ctx->db, COORD_NAMES, coord_add,
	    &c);
	if (er == MP_OK && c.n > 0)
		er = mp_tmpl_set(v, "Coordinators", mp_buf_str(&c.b));
	mp_buf_free(&c.b);
	return er;
}

/* ------------------------------------------------------------------ */
/* The report page's parts.                                            */

struct fill {
	struct mp_dreq	*r;
	struct mp_view	*v;
	size_t		 n;		/* rows so far */
	size_t		 g, m;		/* group, row in it */
	long long	 subject;	/* the group's */
	int		 nearby;
	int		 unseen;	/* a report the user may not see */
	long long	 gunseen;	/* of those, in the group */
	long long	 hide[DECISIONS_MAX];	/* unrelated reports */
	size_t		 nhide;
};

static void
fill_subject(const struct mp_subject_link *l, void *arg)
{
	struct fill	*f = arg;

	dash_setki(f->v, "Subj", f->n, "Id", l->subject);
	dash_setk(f->v, "Subj", f->n, "Kind", mp_subject_kind_name(l->kind));
	dash_setk(f->v, "Subj", f->n, "Display", l->display);
	dash_setk(f->v, "Subj", f->n, "Norm", l->norm);
	dash_setk(f->v, "Subj", f->n, "Source", source_name(l->source));
	dash_setki(f->v, "Subj", f->n, "Proposal",
	    !MP_SUBJECT_COUNTS(l->source, l->confirmed));
	f->n++;
}

static void
fill_decision(const struct mp_link_row *l, void *arg)
{
	struct fill	*f = arg;
	char		 t[32];
	const char	*what;

	if (l->kind == MP_LINK_UNRELATED && f->nhide < DECISIONS_MAX)
		f->hide[f->nhide++] = l->other;
	what = l->kind == MP_LINK_SAME ? "zelfde zaak" :
	    l->kind == MP_LINK_UNRELATED ? "geen verband" :
	    l->this_dup ? "deze melding is dubbel van" : "dubbel hiervan";
	dash_setki(f->v, "Dec", f->n, "Visible", l->visible);
	if (l->visible) {
		dash_setki(f->v, "Dec", f->n, "Other", l->other);
		dash_setk(f->v, "Dec", f->n, "Reference", l->reference);
		dash_setk(f->v, "Dec", f->n, "Reason", l->reason);
	} else
		f->unseen = 1;
	dash_setk(f->v, "Dec", f->n, "Kind", what);
	dash_time(t, (time_t)l->at);
	dash_setk(f->v, "Dec", f->n, "At", t);
	f->n++;
}

static void
fill_related(const struct mp_subject_rep *x, void *arg)
{
	struct fill	*f = arg;
	char		 list[64], t[32];
	size_t		 i;

	for (i = 0; i < f->nhide; i++)
		if (f->hide[i] == x->report)
			return;
	if (f->n == 0 || x->subject != f->subject || x->nearby != f->nearby) {
		f->g = f->n == 0 ? 0 : f->g + 1;
		f->m = 0;
		f->gunseen = 0;
		f->subject = x->subject;
		f->nearby = x->nearby;
		dash_setki(f->v, "Verb", f->g, "Subject", x->subject);
		dash_setk(f->v, "Verb", f->g, "Kind",
		    mp_subject_kind_name(x->kind));
		dash_setk(f->v, "Verb", f->g, "Display", x->display);
		dash_setki(f->v, "Verb", f->g, "Nearby", x->nearby);
	}
	/*
	 * Reports out of sight are one line a group with their number:
	 * a line each said the same thing again and again.
	 */
	if (!x->visible) {
		f->unseen = 1;
		dash_setki(f->v, "Verb", f->g, "Unseen", ++f->gunseen);
	} else {
		(void)snprintf(list, sizeof(list), "Verb.%zu.Rep", f->g);
		dash_setki(f->v, list, f->m, "Visible", 1);
		dash_setki(f->v, list, f->m, "Id", x->report);
		dash_setk(f->v, list, f->m, "Reference", x->reference);
		dash_setk(f->v, list, f->m, "Type", x->type);
		dash_setk(f->v, list, f->m, "Status", x->status);
		dash_time(t, (time_t)x->received);
		dash_setk(f->v, list, f->m, "Date", t);
		f->m++;
	}
	f->n++;
}

enum mp_err
dash_links_fill(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_db	*db = r->d->ctx->db;
	struct mp_dbval	 vis[2], teams[MP_ACCESS_TEAMS_MAX];
	struct fill	 f;
	size_t		 i;
	int		 fits = 0;
	enum mp_err	 er;

	memset(&f, 0, sizeof(f));
	f.r = r;
	f.v = v;
	if ((er = mp_subject_list_for_report(db, r->arg[0], fill_subject,
	    &f)) != MP_OK)
		return er;
	f.n = 0;
	mp_access_report_params(&r->user, vis);
	if ((er = mp_link_list(db, r->arg[0], vis, DECISIONS_MAX,
	    fill_decision, &f)) != MP_OK)
		return er;
	f.n = 0;
	/* A handler's teams as values where they fit (subject.h). */
	if (!mp_role_can(r->user.role, MP_PERM_REPORT_ALL))
		mp_access_report_teams(&r->user, teams, &fits);
	if ((er = mp_subject_related(db, r->arg[0], fits ? teams : vis,
	    fits ? MP_ACCESS_TEAMS_MAX : 2, RELATED_MAX, fill_related,
	    &f)) != MP_OK)
		return er;
	if (f.unseen && (er = coordinators(r, v)) != MP_OK)
		return er;
	for (i = 1; i < MP_SUBJECT__MAX; i++)
		dash_setk(v, "Opt.Kinds", i, "Name",
		    mp_subject_kind_name((enum mp_subject_kind)i));
	(void)mp_tmpl_set_int(v, "Act.Subj", mp_role_can(r->user.role,
	    MP_PERM_REPORT_WORK));
	(void)mp_tmpl_set_int(v, "SubjMax", (long long)r->d->subject_max);
	return mp_tmpl_err(v);
}

/* ------------------------------------------------------------------ */
/* Changes.                                                            */

enum sact { S_ADD, S_CONFIRM, S_REMOVE, S_EDIT, S__MAX };
static const char *const snames[S__MAX] = {
	"toevoegen", "bevestigen", "verwijderen", "wijzigen"
};

struct sub {
	struct mp_dreq		*r;
	enum sact		 act;
	enum mp_subject_kind	 kind;
	const char		*value;		/* as typed */
	long long		 subject;	/* but for S_ADD */
	char			 norm[MP_SUBJECT_NORM_MAX];
	/* Results. */
	int			 status;
	const char		*msg, *field;
	char			 msgbuf[128];
	char			 ref[64];
};

/* Lock report id if the user may see it; ref gets its reference. */
static enum mp_err
lock_report(struct mp_dreq *r, struct mp_db *db, long long id, char *ref,
    size_t refsz, char *status, size_t stsz, long long *version)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	enum mp_err	 er;

	mp_access_report_params(&r->user, v);
	v[2] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, SQL(STMT_LOCK), v, 3)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		(void)snprintf(ref, refsz, "%s", mp_db_text(st,
		    LOCK_REFERENCE, NULL));
		if (status != NULL)
			(void)snprintf(status, stsz, "%s", mp_db_text(st,
			    LOCK_STATUS, NULL));
		if (version != NULL)
			*version = mp_db_int(st, LOCK_VERSION);
	}
	mp_db_done(st);
	return er;
}

/* The subject of one of the report's own links, by id, into old. */
struct own {
	long long	 id;
	int		 found;
	char		 display[MP_SUBJECT_NORM_MAX];
};

static void
own_find(const struct mp_subject_link *l, void *arg)
{
	struct own	*o = arg;

	if (l->subject == o->id) {
		o->found = 1;
		(void)snprintf(o->display, sizeof(o->display), "%s",
		    l->display);
	}
}

static enum mp_err
sub_add(struct sub *s, struct mp_db *db)
{
	long long	 id, n;
	enum mp_err	 er;

	if ((er = mp_subject_count(db, s->r->arg[0], &n)) != MP_OK)
		return er;
	if (n >= (long long)s->r->d->subject_max) {
		(void)snprintf(s->msgbuf, sizeof(s->msgbuf), "Deze melding "
		    "heeft al het grootste aantal onderwerpen (%zu). "
		    "Verwijder er eerst een.", s->r->d->subject_max);
		s->status = 400;
		s->field = "onderwerp-waarde";
		s->msg = s->msgbuf;
		return MP_OK;
	}
	/* By hand: indexing may link it again (sql/032). */
	if ((er = mp_subject_unrefuse(db, s->r->arg[0], s->kind, s->norm)) !=
	    MP_OK || (er = mp_subject_upsert(db, s->kind, s->norm, s->value,
	    &id)) != MP_OK)
		return er;
	s->subject = id;
	return mp_subject_link(db, s->r->arg[0], id, MP_SUBJECT_HANDLER, 1,
	    s->r->user.id);
}

/* The change, its event (detail: the value) and audit (ids only). */
static enum mp_err
sub_change(struct sub *s, struct mp_db *db, const struct own *o)
{
	struct mp_dreq	*r = s->r;
	char		 detail[700], audit[128];
	long long	 old = s->subject, ev = 0;
	const char	*kind = NULL;
	enum mp_err	 er = MP_OK;

	switch (s->act) {
	case S_ADD:
		er = sub_add(s, db);
		kind = "onderwerp toegevoegd";
		(void)snprintf(detail, sizeof(detail), "%s: %s",
		    mp_subject_kind_name(s->kind), s->value);
		break;
	case S_CONFIRM:
		er = mp_subject_confirm(db, r->arg[0], s->subject);
		kind = "onderwerp bevestigd";
		(void)snprintf(detail, sizeof(detail), "%s", o->display);
		break;
	case S_REMOVE:
		/* Removed by a handler: indexing does not bring it back. */
		if ((er = mp_subject_refuse(db, r->arg[0], s->subject,
		    r->user.id)) == MP_OK)
			er = mp_subject_unlink(db, r->arg[0], s->subject);
		kind = "onderwerp verwijderd";
		(void)snprintf(detail, sizeof(detail), "%s", o->display);
		break;
	case S_EDIT:
		/* The old value replaced: refused as if removed. */
		if ((er = mp_subject_refuse(db, r->arg[0], s->subject,
		    r->user.id)) == MP_OK && (er = mp_subject_unlink(db,
		    r->arg[0], s->subject)) == MP_OK)
			er = sub_add(s, db);
		kind = "onderwerp gewijzigd";
		(void)snprintf(detail, sizeof(detail), "was: %s; nu: %s: %s",
		    o->display, mp_subject_kind_name(s->kind), s->value);
		break;
	default:
		return MP_EINVAL;
	}
	if (er == MP_ENOTFOUND) {
		s->status = 400;
		s->msg = "Dit onderwerp is al bevestigd of hoort niet (meer) "
		    "bij deze melding.";
		return MP_OK;
	}
	if (er != MP_OK || s->status != 0)
		return er;
	if ((er = mp_event_add(db, r->arg[0], kind, r->user.username, detail,
	    &ev)) != MP_OK)
		return er;
	/* Ids only: the value is personal data, the history has it. */
	if (s->act == S_EDIT)
		(void)snprintf(audit, sizeof(audit), "onderwerp %lld -> %lld; "
		    "gebeurtenis %lld", old, s->subject, ev);
	else
		(void)snprintf(audit, sizeof(audit), "onderwerp %lld; "
		    "gebeurtenis %lld", s->subject, ev);
	(void)snprintf(detail, sizeof(detail), "onderwerp %s", snames[s->act]);
	return mp_audit(db, r->user.id, r->user.username, detail, "melding",
	    r->arg[0], r->client, audit);
}

static enum mp_err
sub_txn(struct mp_db *db, void *arg)
{
	struct sub	*s = arg;
	struct own	 o;
	enum mp_err	 er;

	s->status = 0;
	if ((er = lock_report(s->r, db, s->r->arg[0], s->ref,
	    sizeof(s->ref), NULL, 0, NULL)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			s->status = 404;
		return er;
	}
	memset(&o, 0, sizeof(o));
	o.id = s->subject;
	if (s->act != S_ADD) {
		if ((er = mp_subject_list_for_report(db, s->r->arg[0],
		    own_find, &o)) != MP_OK)
			return er;
		if (!o.found) {
			s->status = 400;
			s->msg = "Dit onderwerp hoort niet (meer) bij deze "
			    "melding.";
			return MP_EINVAL;
		}
	}
	er = sub_change(s, db, &o);
	/* A refused change leaves nothing behind. */
	if (er == MP_OK && s->status != 0)
		er = MP_EINVAL;
	return er;
}

/* Read the form; 0 with s->msg and s->field when wrong. */
static int
sub_read(struct mp_dreq *r, struct sub *s)
{
	const char	*a = dash_form(r, "actie"), *k;
	size_t		 i;

	s->act = S__MAX;
	for (i = 0; a != NULL && i < S__MAX; i++)
		if (strcmp(a, snames[i]) == 0)
			s->act = (enum sact)i;
	if (s->act == S__MAX) {
		s->msg = "Onbekende actie voor onderwerpen.";
		return 0;
	}
	if (s->act != S_ADD && (s->subject = dash_number(dash_form(r,
	    "onderwerp"), 1, 9223372036854775806LL)) < 0) {
		s->msg = "Dit onderwerp hoort niet bij deze melding.";
		return 0;
	}
	if (s->act == S_CONFIRM || s->act == S_REMOVE)
		return 1;
	k = dash_form(r, "soort");
	for (i = 1; k != NULL && i < MP_SUBJECT__MAX; i++)
		if (strcmp(k, mp_subject_kind_name((enum mp_subject_kind)i))
		    == 0)
			s->kind = (enum mp_subject_kind)i;
	s->value = dash_form(r, "waarde");
	if (s->kind == 0) {
		s->field = "onderwerp-soort";
		s->msg = "Kies een soort onderwerp uit de lijst.";
		return 0;
	}
	if (s->value == NULL || mp_valid_blank(s->value, strlen(s->value)) ||
	    !mp_valid_text(s->value, strlen(s->value), VALUE_MAX, 0) ||
	    mp_subject_norm(s->kind, s->value, strlen(s->value), s->norm,
	    sizeof(s->norm)) != MP_OK) {
		s->field = "onderwerp-waarde";
		s->msg = "Deze waarde is geen geldig onderwerp van de gekozen "
		    "soort (bijvoorbeeld een adres met postcode en "
		    "huisnummer, een Nederlands kenteken of een IBAN met "
		    "juist controlegetal).";
		return 0;
	}
	return 1;
}

/* After a refused change: the page again with the reason, or 404. */
static void
refused(struct mp_dreq *r, int status, const char *msg, const char *field)
{

	if (status == 404 || dash_report_page(r, status, msg, field) ==
	    MP_ENOTFOUND)
		dash_report_refused(r);
}

void
mp_dash_subjects_post(struct mp_dreq *r)
{
	struct sub	 s;
	char		 back[64];
	enum mp_err	 er;

	memset(&s, 0, sizeof(s));
	s.r = r;
	if (!sub_read(r, &s)) {
		refused(r, 400, s.msg, s.field);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, sub_txn, &s);
	if (er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/melding/%lld#onderwerpen",
		    r->arg[0]);
		dash_done(r, back, "onderwerpen");
	} else if (s.status != 0)
		refused(r, s.status, s.msg, s.field);
	else
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* Re-indexing after an edit of the report.                            */

struct rx {
	struct mp_dreq	*r;
	const char	*field;
	struct mp_buf	 added, removed;	/* the event's lists */
};

static void
rx_change(int added, enum mp_subject_kind kind, const char *display,
    void *arg)
{
	struct rx	*x = arg;
	struct mp_buf	*b = added ? &x->added : &x->removed;

	/* Capped: a long list ends early, the counts in the audit do not. */
	(void)mp_buf_printf(b, "%s%s: %s", mp_buf_len(b) > 0 ? "; " : "",
	    mp_subject_kind_name(kind), display);
}

/* The event (the values: the history may hold them) and audit (counts). */
static enum mp_err
rx_record(struct rx *x, struct mp_db *db, const struct mp_subject_reindex *res)
{
	struct mp_dreq	*r = x->r;
	struct mp_buf	 d;
	char		 audit[160];
	long long	 ev = 0;
	enum mp_err	 er;

	mp_buf_init(&d, 8192);
	er = mp_buf_printf(&d, "na wijziging van %s", x->field);
	if (er == MP_OK && res->added > 0)
		er = mp_buf_printf(&d, "; nieuw: %s", mp_buf_str(&x->added));
	if (er == MP_OK && res->removed > 0)
		er = mp_buf_printf(&d, "; vervallen: %s",
		    mp_buf_str(&x->removed));
	if (er == MP_OK)
		er = mp_event_add(db, r->arg[0], "onderwerpen bijgewerkt",
		    r->user.username, mp_buf_str(&d), &ev);
	mp_buf_free(&d);
	if (er != MP_OK)
		return er;
	/* Counts and ids only: the values are personal data. */
	(void)snprintf(audit, sizeof(audit), "nieuw %zu, vervallen %zu%s; "
	    "gebeurtenis %lld", res->added, res->removed, res->cutoff ?
	    "; afgekapt" : "", ev);
	return mp_audit(db, r->user.id, r->user.username,
	    "onderwerpen bijwerken", "melding", r->arg[0], r->client, audit);
}

static enum mp_err
rx_txn(struct mp_db *db, void *arg)
{
	struct rx			*x = arg;
	struct mp_subject_set		 set;
	struct mp_subject_reindex	 res;
	char				 ref[64];
	enum mp_err			 er;

	mp_buf_reset(&x->added);
	mp_buf_reset(&x->removed);
	memset(&set, 0, sizeof(set));
	/* Locked first: the fields read next are the latest edit's. */
	if ((er = lock_report(x->r, db, x->r->arg[0], ref, sizeof(ref), NULL,
	    0, NULL)) == MP_OK)
		er = mp_report_subjects_collect(db, x->r->arg[0],
		    x->r->d->subject_max, &set);
	if (er == MP_OK)
		er = mp_subject_reindex(db, x->r->arg[0], &set, rx_change, x,
		    &res);
	if (er == MP_OK)
		er = mp_report_subjects_done(db, x->r->arg[0], res.cutoff, 0);
	if (er == MP_OK && res.added + res.removed > 0)
		er = rx_record(x, db, &res);
	mp_subject_set_free(&set);
	return er;
}

void
dash_links_reindex(struct mp_dreq *r, const char *field)
{
	struct rx	 x;
	enum mp_err	 er;

	memset(&x, 0, sizeof(x));
	x.r = r;
	x.field = field;
	mp_buf_init(&x.added, 4096);
	mp_buf_init(&x.removed, 4096);
	if ((er = mp_db_txn(r->d->ctx->db, rx_txn, &x)) != MP_OK)
		mp_warnx("%s: report %lld: subjects not re-indexed (%s); "
		    "meldpuntctl subjects rebuild will", __func__, r->arg[0],
		    mp_err_str(er));
	mp_buf_free(&x.added);
	mp_buf_free(&x.removed);
}

/* ------------------------------------------------------------------ */
/* Decisions about two reports.                                        */

static const struct {
	const char		*name;		/* form value of "soort" */
	enum mp_link_kind	 kind;
	const char		*event;
} lkinds[] = {
	{ "zelfde", MP_LINK_SAME, "verband: zelfde zaak" },
	{ "los", MP_LINK_UNRELATED, "verband: geen verband" },
	{ "dubbel", MP_LINK_DUPLICATE, "verband: dubbel" },
};

struct lnk {
	struct mp_dreq	*r;
	size_t		 k;		/* in lkinds */
	long long	 other;
	const char	*reason;
	char		 ref[64], oref[64], status[32];
	long long	 version;
	int		 status_code;
	const char	*msg, *field;
};

/* The duplicate closes through the workflow, without a message. */
static enum mp_err
lnk_close(struct lnk *l, struct mp_db *db)
{
	struct mp_status_change	 c;
	char			 why[700];
	enum mp_err		 er;

	(void)snprintf(why, sizeof(why), "dubbel van %s: %s", l->oref,
	    l->reason);
	memset(&c, 0, sizeof(c));
	c.report_id = l->r->arg[0];
	c.version = l->version;
	c.from = l->status;
	c.to = MP_ST_CLOSED;
	c.reason = why;
	c.user_id = l->r->user.id;
	c.actor = l->r->user.username;
	er = mp_workflow_change(db, &c);
	if (er == MP_EINVAL) {
		l->status_code = 400;
		l->msg = "Deze melding kan in haar huidige status niet als "
		    "dubbel worden afgerond.";
		return MP_OK;
	}
	return er == MP_OK && c.n != 1 ? MP_EINVAL : er;
}

static enum mp_err
lnk_txn(struct mp_db *db, void *arg)
{
	struct lnk	*l = arg;
	struct mp_dreq	*r = l->r;
	char		 d[900], audit[160];
	long long	 e1 = 0, e2 = 0;
	enum mp_err	 er;

	l->status_code = 0;
	/* Both locked, the lower id first: no deadlock between two. */
	if ((er = lock_report(r, db, r->arg[0] < l->other ? r->arg[0] :
	    l->other, r->arg[0] < l->other ? l->ref : l->oref, 64,
	    r->arg[0] < l->other ? l->status : NULL, sizeof(l->status),
	    r->arg[0] < l->other ? &l->version : NULL)) == MP_OK)
		er = lock_report(r, db, r->arg[0] < l->other ? l->other :
		    r->arg[0], r->arg[0] < l->other ? l->oref : l->ref, 64,
		    r->arg[0] < l->other ? NULL : l->status,
		    sizeof(l->status), r->arg[0] < l->other ? NULL :
		    &l->version);
	if (er == MP_ENOTFOUND) {
		l->status_code = 400;
		l->field = "verband-ander";
		l->msg = "Die andere melding bestaat niet, of u heeft er geen "
		    "toegang toe.";
		return MP_EINVAL;
	}
	if (er == MP_OK && lkinds[l->k].kind == MP_LINK_DUPLICATE)
		er = lnk_close(l, db);
	if (er != MP_OK || l->status_code != 0)
		return er != MP_OK ? er : MP_EINVAL;
	if ((er = mp_link_mark(db, lkinds[l->k].kind, r->arg[0], l->other,
	    l->reason, r->user.id)) != MP_OK)
		return er;
	(void)snprintf(d, sizeof(d), "met %s: %s", l->oref, l->reason);
	if ((er = mp_event_add(db, r->arg[0], lkinds[l->k].event,
	    r->user.username, d, &e1)) != MP_OK)
		return er;
	(void)snprintf(d, sizeof(d), "met %s: %s", l->ref, l->reason);
	if ((er = mp_event_add(db, l->other, lkinds[l->k].event,
	    r->user.username, d, &e2)) != MP_OK)
		return er;
	(void)snprintf(audit, sizeof(audit), "%s; andere melding %lld; "
	    "gebeurtenissen %lld en %lld", lkinds[l->k].name, l->other, e1,
	    e2);
	return mp_audit(db, r->user.id, r->user.username, "verband",
	    "melding", r->arg[0], r->client, audit);
}

/* The other report by number or reference ("M-2026-000012"); -1. */
static long long
other_report(struct mp_dreq *r, const char *s)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	long long	 id;

	if (s == NULL || (id = dash_number(s, 1, 9223372036854775806LL)) >=
	    0 || strlen(s) > 32)
		return s == NULL ? -1 : id;
	mp_access_report_params(&r->user, v);
	v[2] = MP_DBTEXT(s);
	if (mp_db_query(r->d->ctx->db, &st, SQL(STMT_BY_REF), v, 3) !=
	    MP_OK)
		return -1;
	id = mp_db_next(st) == MP_OK ? mp_db_int(st, REF_ID) : -1;
	mp_db_done(st);
	return id;
}

void
mp_dash_link_post(struct mp_dreq *r)
{
	struct lnk	 l;
	const char	*k = dash_form(r, "soort");
	char		 back[64];
	enum mp_err	 er;

	memset(&l, 0, sizeof(l));
	l.r = r;
	for (l.k = 0; k != NULL && l.k < MP_NELEM(lkinds); l.k++)
		if (strcmp(k, lkinds[l.k].name) == 0)
			break;
	l.other = other_report(r, dash_form(r, "ander"));
	l.reason = dash_form(r, "reden");
	if (k == NULL || l.k == MP_NELEM(lkinds)) {
		refused(r, 400, "Kies zelfde zaak, geen verband of dubbel.",
		    "verband-soort");
		return;
	}
	if (l.other < 0 || l.other == r->arg[0]) {
		refused(r, 400, "Geef het nummer of meldingsnummer van een "
		    "andere melding die u mag zien.", "verband-ander");
		return;
	}
	if (l.reason == NULL || mp_valid_blank(l.reason, strlen(l.reason)) ||
	    !mp_valid_text(l.reason, strlen(l.reason), REASON_CHARS, 1)) {
		refused(r, 400, "Geef een reden, ten hoogste 500 tekens.",
		    "verband-reden");
		return;
	}
	er = mp_db_txn(r->d->ctx->db, lnk_txn, &l);
	if (er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/melding/%lld#verbanden",
		    r->arg[0]);
		dash_done(r, back, "verband");
	} else if (l.status_code != 0)
		refused(r, l.status_code, l.msg, l.field);
	else
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* The subject page.                                                   */

struct sp {
	struct mp_view	*v;
	size_t		 n;
	long long	 hidden;
};

static void
sp_row(const struct mp_subject_rep *x, void *arg)
{
	struct sp	*s = arg;
	char		 t[32];

	if (!x->visible) {
		s->hidden++;
		return;
	}
	dash_setki(s->v, "Rep", s->n, "Id", x->report);
	dash_setk(s->v, "Rep", s->n, "Reference", x->reference);
	dash_setk(s->v, "Rep", s->n, "Type", x->type);
	dash_setk(s->v, "Rep", s->n, "Status", x->status);
	dash_time(t, (time_t)x->received);
	dash_setk(s->v, "Rep", s->n, "Date", t);
	dash_setk(s->v, "Rep", s->n, "Source", source_name(x->source));
	dash_setki(s->v, "Rep", s->n, "Proposal", !MP_SUBJECT_COUNTS(x->source,
	    x->confirmed));
	s->n++;
}

void
mp_dash_subject(struct mp_dreq *r)
{
	struct mp_db		*db = r->d->ctx->db;
	struct mp_dbval		 vis[2];
	struct sp		 s;
	enum mp_subject_kind	 kind;
	char			 display[MP_SUBJECT_NORM_MAX * 2];
	enum mp_err		 er;

	memset(&s, 0, sizeof(s));
	er = mp_subject_get(db, r->arg[0], &kind, display, sizeof(display));
	if (er == MP_ENOTFOUND) {
		dash_audit(r, "geweigerd", "onderwerp", r->arg[0], NULL);
		dash_error(r, 404, "Dit onderwerp bestaat niet (meer).");
		return;
	}
	if (er != MP_OK || (s.v = dash_view(r, "Onderwerp")) == NULL) {
		dash_error(r, mp_err_status(er != MP_OK ? er : MP_ENOMEM),
		    NULL);
		return;
	}
	mp_access_report_params(&r->user, vis);
	er = mp_subject_reports_of(db, r->arg[0], vis, SUBJECT_PAGE_MAX,
	    sp_row, &s);
	(void)mp_tmpl_set_int(s.v, "S.Id", r->arg[0]);
	(void)mp_tmpl_set(s.v, "S.Kind", mp_subject_kind_name(kind));
	(void)mp_tmpl_set(s.v, "S.Display", display);
	(void)mp_tmpl_set_int(s.v, "S.Hidden", s.hidden);
	if (er == MP_OK && s.hidden > 0)
		er = coordinators(r, s.v);
	/* The subject's id, never its value: the audit log is no place
	 * for personal data. */
	if (er == MP_OK)
		dash_audit(r, "onderwerp bekijken", "onderwerp", r->arg[0],
		    NULL);
	dash_finish(r, er, 200, s.v, "dashboard/subject.cs");
}
