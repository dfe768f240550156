/*
 * replytpl.c -- reply templates (issue 16; lib/replytpl.c owns the
 * table): the coordinators' page that keeps them, and the list a
 * handler picks from under "Bericht aan de melder" on the report page
 * (report.c puts the picked text in the message field and shows the
 * preview).  Every change is one transaction with its audit entry,
 * which names the template's id, signal type and whether it is
 * offered, never its words.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meldpunt.h"
#include "dashboard.h"

/* Every signal type, switched-off ones last (a template may keep one). */
static const char stmt_types[] =
	"SELECT id, name, active FROM signal_type"
	" ORDER BY active DESC, sort, name";

/* The columns of stmt_types. */
enum type_col { TYPE_ID, TYPE_NAME, TYPE_ACTIVE };

/* What the page shows besides its lists: error at a field, a note. */
struct page_msg {
	const char	*field;		/* "title", "type", "body" or NULL */
	const char	*error;
	const char	*note;
	/* The form's values (a refused form keeps them). */
	long long	 id;		/* the template edited; 0: new */
	const char	*title, *body, *type;
	int		 active;
	char		 buf[160];	/* an error made with its limit */
};

struct rows {
	struct mp_view	*v;
	size_t		 n;
	long long	 sel;
	size_t		 own;		/* of the signal type's own */
};

/* ------------------------------------------------------------------ */
/* The report page's list.                                             */

static void
offer_row(const struct mp_replytpl *t, void *arg)
{
	struct rows	*a = arg;

	dash_setki(a->v, "Tpl", a->n, "Id", t->id);
	dash_setk(a->v, "Tpl", a->n, "Title", t->title);
	dash_setki(a->v, "Tpl", a->n, "Own", t->signal_type != 0);
	dash_setki(a->v, "Tpl", a->n++, "Sel", t->id == a->sel);
	a->own += t->signal_type != 0;
}

enum mp_err
dash_replytpl_offer(struct mp_dreq *r, struct mp_view *v,
    long long signal_type, long long sel)
{
	struct rows	 a;
	enum mp_err	 er;

	a.v = v;
	a.n = 0;
	a.sel = sel;
	a.own = 0;
	er = mp_replytpl_offer(r->d->ctx->db, signal_type, offer_row, &a);
	if (er != MP_OK)
		return er;
	/* The list's two groups, each only when it has one. */
	mp_tmpl_set_int(v, "TplOwn", (long long)a.own);
	mp_tmpl_set_int(v, "TplGeneral", (long long)(a.n - a.own));
	return mp_tmpl_err(v);
}

/* ------------------------------------------------------------------ */
/* The coordinators' page.                                             */

static void
tpl_row(const struct mp_replytpl *t, void *arg)
{
	struct rows	*a = arg;

	dash_setki(a->v, "Templates", a->n, "Id", t->id);
	dash_setk(a->v, "Templates", a->n, "Title", t->title);
	dash_setk(a->v, "Templates", a->n, "Type", t->signal_type == 0 ?
	    "algemeen (elke soort)" : t->signal_name);
	dash_setki(a->v, "Templates", a->n++, "Active", t->active);
}

static enum mp_err
type_list(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_stmt	*st;
	size_t		 n = 0;
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, stmt_types, NULL, 0)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		dash_setki(v, "Types", n, "Id", mp_db_int(st, TYPE_ID));
		dash_setk(v, "Types", n, "Name", mp_db_text(st, TYPE_NAME,
		    NULL));
		dash_setki(v, "Types", n++, "Active", mp_db_int(st,
		    TYPE_ACTIVE));
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? mp_tmpl_err(v) : er;
}

static void
msg_set(struct mp_view *v, const struct page_msg *m)
{
	char	 key[64];

	if (m->error != NULL) {
		mp_tmpl_set(v, "Form.Message", m->error);
		if (m->field != NULL) {
			(void)snprintf(key, sizeof(key), "Form.Error.%s",
			    m->field);
			mp_tmpl_set(v, key, m->error);
		}
	}
	if (m->note != NULL)
		mp_tmpl_set(v, "Form.Note", m->note);
	if (m->id > 0)
		mp_tmpl_set_int(v, "Form.Id", m->id);
	mp_tmpl_set(v, "Form.Value.title", m->title);
	mp_tmpl_set(v, "Form.Value.body", m->body);
	mp_tmpl_set(v, "Form.Value.type", m->type);
	mp_tmpl_set_int(v, "Form.Value.active", m->active);
	mp_tmpl_set_int(v, "Form.Max.title", MP_REPLYTPL_TITLE_MAX);
	mp_tmpl_set_int(v, "Form.Max.body", MP_REPLYTPL_BODY_MAX);
}

static void
tpl_page(struct mp_dreq *r, int status, const struct page_msg *m)
{
	struct mp_view	*v;
	struct rows	 a;
	enum mp_err	 er;

	if ((v = dash_view(r, "Sjablonen")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	msg_set(v, m);
	a.v = v;
	a.n = 0;
	a.sel = 0;
	a.own = 0;
	er = mp_replytpl_list(r->d->ctx->db, tpl_row, &a);
	if (er == MP_OK)
		er = type_list(r, v);
	dash_finish(r, er, status, v, "dashboard/replytpl.cs");
}

/* GET /sjablonen: the list and the form of a new template. */
void
mp_dash_replytpl(struct mp_dreq *r)
{
	struct page_msg	 m;
	const char	*s = dash_query(r, "klaar");

	memset(&m, 0, sizeof(m));
	m.active = 1;
	if (s != NULL && strcmp(s, "nieuw") == 0)
		m.note = "Het sjabloon is opgeslagen.";
	else if (s != NULL && strcmp(s, "gewijzigd") == 0)
		m.note = "Het sjabloon is gewijzigd.";
	else if (s != NULL && strcmp(s, "weg") == 0)
		m.note = "Het sjabloon is verwijderd.";
	tpl_page(r, 200, &m);
}

/* GET /sjablonen/#: the list and the form filled with template #. */
void
mp_dash_replytpl_edit(struct mp_dreq *r)
{
	struct mp_replytpl	 t;
	struct page_msg		 m;
	char			 type[24];
	enum mp_err		 er;

	memset(&m, 0, sizeof(m));
	if ((er = mp_replytpl_get(r->d->ctx->db, r->arg[0], &t)) ==
	    MP_ENOTFOUND) {
		dash_error(r, 404, "Dit sjabloon bestaat niet (meer).");
		return;
	}
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	(void)snprintf(type, sizeof(type), "%lld", t.signal_type);
	m.id = t.id;
	m.title = t.title;
	m.body = t.body;
	m.type = type;
	m.active = t.active;
	tpl_page(r, 200, &m);
}

/* One change, with its audit entry, in mp_db_txn. */
struct tchange {
	struct mp_dreq		*r;
	const char		*action;	/* the audit's */
	struct mp_replytpl	 t;
};

static enum mp_err
tpl_txn(struct mp_db *db, void *arg)
{
	struct tchange	*c = arg;
	struct mp_dreq	*r = c->r;
	char		 detail[96];
	enum mp_err	 er;

	if (strcmp(c->action, "sjabloon-nieuw") == 0)
		er = mp_replytpl_add(db, &c->t, r->user.username, &c->t.id);
	else if (strcmp(c->action, "sjabloon-wijzigen") == 0)
		er = mp_replytpl_change(db, &c->t, r->user.username);
	else
		er = mp_replytpl_remove(db, c->t.id);
	if (er != MP_OK)
		return er;
	/* Ids and switches only: the words are the template's. */
	(void)snprintf(detail, sizeof(detail), "signaalsoort %lld "
	    "(0: algemeen), aangeboden %d", c->t.signal_type, c->t.active);
	return mp_audit(db, r->user.id, r->user.username, c->action,
	    "sjabloon", c->t.id, r->client, strcmp(c->action,
	    "sjabloon-weg") == 0 ? NULL : detail);
}

/* The form's fields into c->t and m; 0 with m's error when wrong. */
static int
tpl_read(struct mp_dreq *r, struct tchange *c, struct page_msg *m)
{
	const char	*field;

	m->title = dash_form(r, "titel");
	m->body = dash_form(r, "tekst");
	m->type = dash_form(r, "soort");
	m->active = dash_form(r, "actief") != NULL;
	c->t.active = m->active;
	c->t.signal_type = m->type == NULL || m->type[0] == '\0' ? -1 :
	    strcmp(m->type, "0") == 0 ? 0 :
	    dash_number(m->type, 1, 4294967295LL);
	/* Too long for the buffers is too long for the limits as well. */
	if (m->title == NULL || strlen(m->title) >= sizeof(c->t.title))
		field = "title";
	else if (m->body == NULL || strlen(m->body) >= sizeof(c->t.body))
		field = "body";
	else {
		(void)snprintf(c->t.title, sizeof(c->t.title), "%s",
		    m->title);
		(void)snprintf(c->t.body, sizeof(c->t.body), "%s", m->body);
		field = mp_replytpl_invalid(&c->t);
	}
	if (field == NULL)
		return 1;
	m->field = field;
	m->error = m->buf;
	if (strcmp(field, "title") == 0)
		(void)snprintf(m->buf, sizeof(m->buf), "Geef het sjabloon een "
		    "titel van ten hoogste %d tekens, op één regel.",
		    MP_REPLYTPL_TITLE_MAX);
	else if (strcmp(field, "body") == 0)
		(void)snprintf(m->buf, sizeof(m->buf), "Schrijf de tekst van "
		    "het sjabloon, ten hoogste %d tekens.",
		    MP_REPLYTPL_BODY_MAX);
	else
		(void)snprintf(m->buf, sizeof(m->buf), "Kies een signaalsoort "
		    "of \"algemeen\".");
	return 0;
}

/* The answer to a change the transaction refused or failed. */
static void
tpl_refused(struct mp_dreq *r, enum mp_err er, struct tchange *c,
    struct page_msg *m)
{
	int	 add = strcmp(c->action, "sjabloon-nieuw") == 0;

	if (er == MP_ENOTFOUND && strcmp(c->action, "sjabloon-weg") == 0) {
		dash_error(r, 404, "Dit sjabloon bestaat niet (meer).");
		return;
	}
	m->field = "type";
	if (er == MP_ENOTFOUND)
		m->error = add ? "Die signaalsoort bestaat niet (meer)." :
		    "Dit sjabloon of die signaalsoort bestaat niet (meer).";
	else if (er == MP_ETOOBIG) {
		m->field = "title";
		(void)snprintf(m->buf, sizeof(m->buf), "Er zijn al %d "
		    "sjablonen. Verwijder er eerst een.", MP_REPLYTPL_MAX);
		m->error = m->buf;
	} else if (er == MP_EINVAL)
		m->error = "Dit sjabloon past niet binnen de grenzen.";
	else {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	tpl_page(r, 400, m);
}

/* POST /sjablonen: actie "nieuw", "wijzigen" (id) or "verwijderen" (id). */
void
mp_dash_replytpl_post(struct mp_dreq *r)
{
	struct tchange	*c;
	struct page_msg	 m;
	const char	*s = dash_form(r, "actie");
	enum mp_err	 er;

	memset(&m, 0, sizeof(m));
	/* 17 kB: the template's text, off the stack. */
	if ((c = mp_alloc_calloc(1, sizeof(*c))) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	c->r = r;
	if (s != NULL && strcmp(s, "nieuw") == 0)
		c->action = "sjabloon-nieuw";
	else if (s != NULL && strcmp(s, "wijzigen") == 0)
		c->action = "sjabloon-wijzigen";
	else if (s != NULL && strcmp(s, "verwijderen") == 0)
		c->action = "sjabloon-weg";
	if (c->action == NULL) {
		dash_error(r, 400, "Onbekende actie.");
		goto out;
	}
	if (strcmp(c->action, "sjabloon-nieuw") != 0 &&
	    (c->t.id = dash_number(dash_form(r, "id"), 1,
	    4294967295LL)) < 0) {
		dash_error(r, 400, "Het formulier mist welk sjabloon.");
		goto out;
	}
	m.id = c->t.id;
	if (strcmp(c->action, "sjabloon-weg") != 0 && !tpl_read(r, c, &m)) {
		tpl_page(r, 400, &m);
		goto out;
	}
	er = mp_db_txn(r->d->ctx->db, tpl_txn, c);
	if (er == MP_OK)
		dash_redirect(r, strcmp(c->action, "sjabloon-nieuw") == 0 ?
		    "/sjablonen?klaar=nieuw" : strcmp(c->action,
		    "sjabloon-wijzigen") == 0 ? "/sjablonen?klaar=gewijzigd" :
		    "/sjablonen?klaar=weg");
	else
		tpl_refused(r, er, c, &m);
out:
	free(c);
}
