/*
 * routing.c -- reports reach the right person (issue 16): the admin
 * page of the routing rules (lib/routing.c), the coordinators' page of
 * cover (lib/cover.c), and the counts of "Mijn meldingen" and "Nieuw
 * in mijn team" in the navigation of every page.  Every change is one
 * transaction with its audit entry, which names the rule or cover and
 * who, never a report.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

enum stmt {
	STMT_TYPES,
	STMT_AUDIENCES,
	STMT_MINE,
	STMT_NEW_ALL,
	STMT_NEW_TEAMS,
	STMT__MAX
};

/* Templates (lib/sqltext.h), expanded at start-up (mp_dash_open). */
static const char *const stmts[STMT__MAX] = {
	/* STMT_TYPES */
	"SELECT id, name FROM signal_type WHERE active = 1"
	" ORDER BY sort, name",
	/* STMT_AUDIENCES */
	"SELECT id, name FROM audience WHERE active = 1 ORDER BY sort, name",
	/*
	 * STMT_MINE: what the work list shows for "Mijn meldingen"
	 * (?behandelaar=me&status=in behandeling), from
	 * report_handler_count (sql/057), which triggers keep, with the
	 * visibility rule on its team as on the report's: counted from
	 * report it read a row per report for the team (4-8 ms a page for
	 * a handler of 6,643 such reports).
	 */
	"SELECT COALESCE(SUM(r.n), 0) FROM report_handler_count r"
	" WHERE r.handler_id = ? AND r.status = 'in behandeling'"
	" AND {visible}",
	/*
	 * STMT_NEW_ALL, STMT_NEW_TEAMS: "Nieuw" (?status=nieuw), from
	 * report_count (sql/007) as the work list's own counts are, in the
	 * visibility rule's two cases.
	 */
	"SELECT COALESCE(SUM(r.n), 0) FROM report_count r"
	" WHERE r.status = 'nieuw'",
	"SELECT COALESCE(SUM(r.n), 0) FROM report_count r"
	" WHERE r.status = 'nieuw' AND {teams}",
};

static const struct mp_sqltext_part parts[] = {
	{ "visible", mp_access_sql_visible },
	{ "teams", mp_access_sql_teams },
	{ NULL, NULL }
};

struct mp_sqltext_set dash_routing_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&dash_routing_sql, (s))

/* The columns of STMT_TYPES and STMT_AUDIENCES. */
enum pick_col { PICK_ID, PICK_NAME };
/* The column of the counts. */
enum count_col { COUNT_N };

/* ------------------------------------------------------------------ */
/* The counts in the navigation.                                       */

static long long
count(struct mp_dreq *r, enum stmt s, struct mp_dbval *v, size_t n)
{
	struct mp_stmt	*st;
	long long	 c = -1;

	if (mp_db_query(r->d->ctx->db, &st, SQL(s), v, n) != MP_OK)
		return -1;
	if (mp_db_next(st) == MP_OK)
		c = mp_db_int(st, COUNT_N);
	mp_db_done(st);
	return c;
}

void
dash_queue_counts(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_dbval	 p[3];
	long long	 mine, fresh;
	int		 all = mp_role_can(r->user.role, MP_PERM_REPORT_ALL);

	p[0] = MP_DBINT(r->user.id);
	mp_access_report_params(&r->user, &p[1]);
	mine = count(r, STMT_MINE, p, 3);
	p[0] = MP_DBINT(r->user.id);
	fresh = all ? count(r, STMT_NEW_ALL, NULL, 0) :
	    count(r, STMT_NEW_TEAMS, p, 1);
	/* A count that failed is left out, not shown as 0. */
	if (mine >= 0)
		mp_tmpl_set_int(v, "Queue.Mine", mine);
	if (fresh >= 0)
		mp_tmpl_set_int(v, "Queue.New", fresh);
	mp_tmpl_set_int(v, "Queue.All", all);
	mp_tmpl_set_int(v, "Queue.Me", r->user.id);
}

/* ------------------------------------------------------------------ */
/* Routing rules (Beheer).                                             */

/*
 * What a page shows besides its lists after a refusal: the error at
 * its field and what was chosen or typed.  A change's confirmation
 * is a code of done.c.
 */
struct page_msg {
	const char	*field;		/* the field in error, or NULL */
	const char	*error;
	const char	*val[4];	/* what was chosen or typed */
};

static enum mp_err
pick_list(struct mp_dreq *r, struct mp_view *v, enum stmt s,
    const char *list)
{
	struct mp_stmt	*st;
	size_t		 n = 0;
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(s), NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		dash_setki(v, list, n, "Id", mp_db_int(st, PICK_ID));
		dash_setk(v, list, n++, "Name", mp_db_text(st, PICK_NAME,
		    NULL));
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? mp_tmpl_err(v) : er;
}

struct rows {
	struct mp_view	*v;
	size_t		 n;
	int		 active_only;
};

static void
rule_row(const struct mp_routing_rule *x, void *arg)
{
	struct rows	*a = arg;

	dash_setki(a->v, "Rules", a->n, "Id", x->id);
	dash_setk(a->v, "Rules", a->n, "Type", x->signal_type ==
	    MP_ROUTING_ANY ? "elke signaalsoort" : x->signal_name);
	dash_setk(a->v, "Rules", a->n, "Audience", x->audience ==
	    MP_ROUTING_ANY ? "elke doelgroep" : x->audience_name);
	dash_setk(a->v, "Rules", a->n, "Team", x->team_name);
	dash_setki(a->v, "Rules", a->n++, "Active", x->team_active);
}

static void
team_row(const struct mp_team *t, void *arg)
{
	struct rows	*a = arg;

	if (a->active_only && !t->active)
		return;
	dash_setki(a->v, "Teams", a->n, "Id", t->id);
	dash_setk(a->v, "Teams", a->n++, "Name", t->name);
}

static void
msg_set(struct mp_view *v, const struct page_msg *m, const char *const *keys)
{
	char	 key[64];
	size_t	 i;

	if (m == NULL)
		return;
	if (m->error != NULL) {
		mp_tmpl_set(v, "Form.Message", m->error);
		if (m->field != NULL) {
			(void)snprintf(key, sizeof(key), "Form.Error.%s",
			    m->field);
			mp_tmpl_set(v, key, m->error);
		}
	}
	for (i = 0; keys[i] != NULL; i++)
		if (m->val[i] != NULL) {
			(void)snprintf(key, sizeof(key), "Form.Value.%s",
			    keys[i]);
			mp_tmpl_set(v, key, m->val[i]);
		}
}

static void
routing_page(struct mp_dreq *r, int status, const struct page_msg *m)
{
	static const char *const keys[] = { "type", "audience", "team",
		NULL };
	struct mp_view	*v;
	struct rows	 a;
	enum mp_err	 er;

	if ((v = dash_view(r, "Routering")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	msg_set(v, m, keys);
	a.v = v;
	a.n = 0;
	a.active_only = 1;
	er = mp_routing_list(r->d->ctx->db, rule_row, &a);
	if (er == MP_OK) {
		a.n = 0;
		er = mp_user_team_list(r->d->ctx->db, team_row, &a);
	}
	if (er == MP_OK)
		er = pick_list(r, v, STMT_TYPES, "Types");
	if (er == MP_OK)
		er = pick_list(r, v, STMT_AUDIENCES, "Audiences");
	dash_finish(r, er, status, v, "dashboard/routing.cs");
}

void
mp_dash_routing(struct mp_dreq *r)
{

	routing_page(r, 200, NULL);
}

/* One change of the rules, with its audit entry, in mp_db_txn. */
struct rchange {
	struct mp_dreq		*r;
	int			 add;
	long long		 type, aud, team, id;
	struct mp_routing_rule	 was;
};

static enum mp_err
routing_txn(struct mp_db *db, void *arg)
{
	struct rchange	*c = arg;
	struct mp_dreq	*r = c->r;
	char		 detail[128];
	enum mp_err	 er;

	if (c->add) {
		if ((er = mp_routing_add(db, c->type, c->aud, c->team,
		    &c->id)) != MP_OK)
			return er;
		/* Ids only: the names are in the rule and may change. */
		(void)snprintf(detail, sizeof(detail), "signaalsoort %lld, "
		    "doelgroep %lld (0: elke) -> team %lld", c->type, c->aud,
		    c->team);
	} else {
		if ((er = mp_routing_remove(db, c->id, &c->was)) != MP_OK)
			return er;
		(void)snprintf(detail, sizeof(detail), "signaalsoort %lld, "
		    "doelgroep %lld (0: elke) -> team %lld",
		    c->was.signal_type, c->was.audience, c->was.team);
	}
	return mp_audit(db, r->user.id, r->user.username, c->add ?
	    "routering-nieuw" : "routering-weg", "routering", c->id,
	    r->client, detail);
}

/* A choice of "any" (0) or an id; -1 when it is neither. */
static long long
choice(const char *s, int any)
{

	if (s == NULL || s[0] == '\0')
		return -1;
	if (any && strcmp(s, "0") == 0)
		return 0;
	return dash_number(s, 1, 4294967295LL);
}

void
mp_dash_routing_post(struct mp_dreq *r)
{
	struct rchange	 c;
	struct page_msg	 m;
	const char	*s = dash_form(r, "actie");
	enum mp_err	 er;

	memset(&c, 0, sizeof(c));
	memset(&m, 0, sizeof(m));
	c.r = r;
	if (s != NULL && strcmp(s, "regel-nieuw") == 0) {
		c.add = 1;
		m.val[0] = dash_form(r, "soort");
		m.val[1] = dash_form(r, "doelgroep");
		m.val[2] = dash_form(r, "team");
		c.type = choice(m.val[0], 1);
		c.aud = choice(m.val[1], 1);
		c.team = choice(m.val[2], 0);
		if (c.type < 0)
			m.field = "type", m.error = "Kies een signaalsoort "
			    "of \"elke signaalsoort\".";
		else if (c.aud < 0)
			m.field = "audience", m.error = "Kies een doelgroep "
			    "of \"elke doelgroep\".";
		else if (c.team < 0)
			m.field = "team", m.error = "Kies het team dat de "
			    "meldingen krijgt.";
	} else if (s != NULL && strcmp(s, "regel-weg") == 0) {
		if ((c.id = dash_number(dash_form(r, "id"), 1,
		    4294967295LL)) < 0)
			m.error = "Het formulier mist welke regel.";
	} else
		m.error = "Onbekende actie.";
	if (m.error != NULL) {
		routing_page(r, 400, &m);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, routing_txn, &c);
	if (er == MP_OK)
		dash_done(r, "/routering", c.add ? "regel-nieuw" :
		    "regel-weg");
	else if (er == MP_EDUP) {
		m.field = "type";
		m.error = "Voor deze signaalsoort en doelgroep bestaat al een "
		    "regel. Verwijder die eerst.";
		routing_page(r, 400, &m);
	} else if (er == MP_ENOTFOUND) {
		m.field = c.add ? "team" : NULL;
		m.error = c.add ? "Die signaalsoort, doelgroep of dat team "
		    "bestaat niet (meer) of is uitgeschakeld." :
		    "Die regel bestaat niet (meer).";
		routing_page(r, c.add ? 400 : 404, &m);
	} else
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* Cover (coordinators).                                               */

static void
cover_row(const struct mp_cover *c, void *arg)
{
	static const char *const states[] = {
		"gepland", "loopt", "voorbij", "beëindigd"
	};
	struct rows	*a = arg;

	dash_setki(a->v, "Covers", a->n, "Id", c->id);
	dash_setk(a->v, "Covers", a->n, "User", c->user_name);
	dash_setk(a->v, "Covers", a->n, "Colleague", c->colleague_name);
	dash_setk(a->v, "Covers", a->n, "From", c->starts_on);
	dash_setk(a->v, "Covers", a->n, "To", c->ends_on);
	dash_setk(a->v, "Covers", a->n, "By", c->created_by);
	dash_setk(a->v, "Covers", a->n, "State", (unsigned)c->state < 4 ?
	    states[c->state] : "");
	dash_setki(a->v, "Covers", a->n++, "Open", c->state ==
	    MP_COVER_PLANNED || c->state == MP_COVER_ACTIVE);
}

static void
staff_row(const struct mp_user *u, const char *teams, void *arg)
{
	struct rows	*a = arg;

	(void)teams;
	/* Those who work on reports: handlers and coordinators. */
	if (u->disabled || !mp_role_can(u->role, MP_PERM_REPORT_WORK))
		return;
	dash_setki(a->v, "Staff", a->n, "Id", u->id);
	dash_setk(a->v, "Staff", a->n, "Name", u->display);
	dash_setk(a->v, "Staff", a->n++, "User", u->username);
}

static void
cover_page(struct mp_dreq *r, int status, const struct page_msg *m)
{
	static const char *const keys[] = { "user", "colleague", "from",
		"to", NULL };
	struct mp_view	*v;
	struct rows	 a;
	enum mp_err	 er;

	if ((v = dash_view(r, "Vervanging")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	msg_set(v, m, keys);
	a.v = v;
	a.n = 0;
	er = mp_cover_list(r->d->ctx->db, cover_row, &a);
	if (er == MP_OK) {
		a.n = 0;
		er = mp_user_list(r->d->ctx->db, staff_row, &a);
	}
	dash_finish(r, er, status, v, "dashboard/cover.cs");
}

void
mp_dash_cover(struct mp_dreq *r)
{

	cover_page(r, 200, NULL);
}

struct cchange {
	struct mp_dreq		*r;
	int			 add;
	long long		 user, colleague, id;
	const char		*from, *to;
	char			 fromiso[11], toiso[11]; /* dash_form_date */
	const char		*missing;	/* field of an unknown user */
	struct mp_cover		 was;
};

static enum mp_err
cover_txn(struct mp_db *db, void *arg)
{
	struct cchange	*c = arg;
	struct mp_dreq	*r = c->r;
	struct mp_user	 u;
	char		 detail[128];
	enum mp_err	 er;

	if (c->add) {
		/* Each account by itself, to say which field is wrong. */
		c->missing = "user";
		if ((er = mp_user_get_id(db, c->user, &u)) != MP_OK ||
		    u.disabled)
			return er == MP_OK ? MP_ENOTFOUND : er;
		c->missing = "colleague";
		if ((er = mp_user_get_id(db, c->colleague, &u)) != MP_OK ||
		    u.disabled)
			return er == MP_OK ? MP_ENOTFOUND : er;
		c->missing = NULL;
		if ((er = mp_cover_add(db, c->user, c->colleague, c->from,
		    c->to, r->user.username, &c->id)) != MP_OK)
			return er;
		(void)snprintf(detail, sizeof(detail), "gebruiker %lld "
		    "vervangt %lld van %s tot en met %s", c->user,
		    c->colleague, c->from, c->to);
	} else {
		if ((er = mp_cover_end(db, c->id, r->user.username,
		    &c->was)) != MP_OK)
			return er;
		(void)snprintf(detail, sizeof(detail), "gebruiker %lld "
		    "vervangt %lld niet meer", c->was.user,
		    c->was.colleague);
	}
	return mp_audit(db, r->user.id, r->user.username, c->add ?
	    "vervanging-nieuw" : "vervanging-einde", "vervanging", c->id,
	    r->client, detail);
}

/* Read and check the new cover's fields; 0 and m's error if wrong. */
static int
cover_read(struct mp_dreq *r, struct cchange *c, struct page_msg *m)
{
	struct tm	 a, b;

	m->val[0] = dash_form(r, "behandelaar");
	m->val[1] = dash_form(r, "collega");
	/* Kept as typed for the form; checked and stored as jjjj-mm-dd. */
	m->val[2] = dash_form(r, "van");
	m->val[3] = dash_form(r, "tot");
	c->from = dash_form_date(r, "van", c->fromiso);
	c->to = dash_form_date(r, "tot", c->toiso);
	c->user = choice(m->val[0], 0);
	c->colleague = choice(m->val[1], 0);
	if (c->user < 0)
		m->field = "user", m->error = "Kies de behandelaar die "
		    "vervangt.";
	else if (c->colleague < 0)
		m->field = "colleague", m->error = "Kies de collega die "
		    "wordt vervangen.";
	else if (c->user == c->colleague)
		m->field = "colleague", m->error = "Iemand kan zichzelf niet "
		    "vervangen. Kies een andere collega.";
	else if (c->from == NULL || !mp_valid_date(c->from, &a))
		m->field = "from", m->error = "Vul de eerste dag in als "
		    "dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 01-03-2026.";
	else if (c->to == NULL || !mp_valid_date(c->to, &b))
		m->field = "to", m->error = "Vul de laatste dag in als "
		    "dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld 14-03-2026.";
	else if (strcmp(c->to, c->from) < 0)
		m->field = "to", m->error = "De laatste dag ligt voor de "
		    "eerste dag.";
	return m->error == NULL;
}

void
mp_dash_cover_post(struct mp_dreq *r)
{
	struct cchange	 c;
	struct page_msg	 m;
	const char	*s = dash_form(r, "actie");
	enum mp_err	 er;

	memset(&c, 0, sizeof(c));
	memset(&m, 0, sizeof(m));
	c.r = r;
	if (s != NULL && strcmp(s, "vervanging-nieuw") == 0) {
		c.add = 1;
		(void)cover_read(r, &c, &m);
	} else if (s != NULL && strcmp(s, "vervanging-einde") == 0) {
		if ((c.id = dash_number(dash_form(r, "id"), 1,
		    4294967295LL)) < 0)
			m.error = "Het formulier mist welke vervanging.";
	} else
		m.error = "Onbekende actie.";
	if (m.error != NULL) {
		cover_page(r, 400, &m);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, cover_txn, &c);
	if (er == MP_OK)
		dash_done(r, "/vervanging", c.add ? "vervanging-nieuw" :
		    "vervanging-einde");
	else if (er == MP_ENOTFOUND && c.add) {
		m.field = c.missing != NULL ? c.missing : "user";
		m.error = strcmp(m.field, "colleague") == 0 ? "Die collega "
		    "bestaat niet of is uitgeschakeld." : "Die behandelaar "
		    "bestaat niet of is uitgeschakeld.";
		cover_page(r, 400, &m);
	} else if (er == MP_ENOTFOUND) {
		m.error = "Die vervanging bestaat niet of is al voorbij.";
		cover_page(r, 404, &m);
	} else if (er == MP_EINVAL) {
		m.field = "to";
		m.error = "Deze data kloppen niet.";
		cover_page(r, 400, &m);
	} else
		dash_error(r, mp_err_status(er), NULL);
}
