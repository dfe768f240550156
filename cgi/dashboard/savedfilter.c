/*
 * savedfilter.c -- the work list's saved filters (issue 16;
 * lib/savedfilter.c owns the table): save the filters of the list as
 * shown under a name, use one, remove one.  Only what the list's own
 * checks accepted is saved (dash_filter_read, then
 * dash_filter_query's canonical query string), and a saved filter is
 * used by running those checks again on it: the stored text is never
 * trusted.  Each user's filters are their own: another's id is
 * answered as one that does not exist (404).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "dashboard.h"

struct rows {
	struct mp_view	*v;
	size_t		 n;
};

static void
filter_row(const struct mp_savedfilter *f, void *arg)
{
	struct rows	*a = arg;

	dash_setki(a->v, "Saved.List", a->n, "Id", f->id);
	dash_setk(a->v, "Saved.List", a->n++, "Name", f->name);
}

enum mp_err
dash_savedfilter_fill(struct mp_dreq *r, struct mp_view *v,
    const struct dash_saved_msg *m)
{
	struct rows	 a;
	const char	*s = dash_query(r, "filter");
	enum mp_err	 er;

	a.v = v;
	a.n = 0;
	er = mp_savedfilter_list(r->d->ctx->db, r->user.id, filter_row, &a);
	if (er != MP_OK)
		return er;
	mp_tmpl_set_int(v, "Saved.Max", MP_SAVEDFILTER_PER_USER);
	mp_tmpl_set_int(v, "Saved.NameMax", MP_SAVEDFILTER_NAME_MAX);
	if (m != NULL && m->error != NULL)
		mp_tmpl_set(v, "Saved.Error", m->error);
	if (m != NULL && m->name != NULL)
		mp_tmpl_set(v, "Saved.Name", m->name);
	/* A fixed text per outcome; the parameter is never shown. */
	if (s != NULL && strcmp(s, "opgeslagen") == 0)
		mp_tmpl_set(v, "Saved.Note", "Uw filters zijn opgeslagen.");
	else if (s != NULL && strcmp(s, "weg") == 0)
		mp_tmpl_set(v, "Saved.Note", "Het opgeslagen filter is "
		    "verwijderd.");
	return mp_tmpl_err(v);
}

/*
 * GET /filter/#: the work list with the user's saved filter, its
 * query string read as if it had been the request's own.
 */
void
mp_dash_savedfilter(struct mp_dreq *r)
{
	struct mp_savedfilter	 f;
	struct mp_params	 q, own;
	struct mp_limits	 lim;
	size_t			 count = 0;
	enum mp_err		 er;

	er = mp_savedfilter_get(r->d->ctx->db, r->user.id, r->arg[0], &f);
	if (er == MP_ENOTFOUND) {
		dash_audit(r, "geweigerd", "filter", r->arg[0], NULL);
		dash_error(r, 404, "Dit opgeslagen filter bestaat niet, of "
		    "het is niet van u.");
		return;
	}
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	/* Stored by this program, but read as any request would be. */
	memset(&q, 0, sizeof(q));
	/* The defaults fill only what is 0: from zero, not the stack's. */
	memset(&lim, 0, sizeof(lim));
	mp_req_limits_default(&lim);
	lim.max_params = 32;
	if (!mp_savedfilter_query_ok(f.query) ||
	    (er = mp_req_parse_urlencoded(&q, f.query, strlen(f.query), &lim,
	    &count)) != MP_OK) {
		mp_req_params_free(&q);
		dash_error(r, 400, "Dit opgeslagen filter is niet te lezen. "
		    "Verwijder het en sla de filters opnieuw op.");
		return;
	}
	own = r->req->query;
	r->req->query = q;
	mp_dash_list(r);
	r->req->query = own;
	mp_req_params_free(&q);
}

/* One change, with its audit entry (ids only), in mp_db_txn. */
struct fchange {
	struct mp_dreq	*r;
	int		 add;
	const char	*name, *query;
	long long	 id;
};

static enum mp_err
filter_txn(struct mp_db *db, void *arg)
{
	struct fchange	*c = arg;
	struct mp_dreq	*r = c->r;
	enum mp_err	 er;

	if (c->add)
		er = mp_savedfilter_add(db, r->user.id, c->name, c->query,
		    &c->id);
	else
		er = mp_savedfilter_remove(db, r->user.id, c->id);
	if (er != MP_OK)
		return er;
	return mp_audit(db, r->user.id, r->user.username, c->add ?
	    "filter-opslaan" : "filter-weg", "filter", c->id, r->client,
	    NULL);
}

/* The list again, with the error at the name field. */
static void
refuse(struct mp_dreq *r, const char *name, const char *error)
{
	struct dash_saved_msg	 m;

	m.name = name;
	m.error = error;
	dash_list_page(r, 400, &m);
}

/* Save the filters of the list the form was on (its query string). */
static void
save(struct mp_dreq *r, struct fchange *c)
{
	struct dash_filter	 f;
	struct mp_buf		 qs;
	char			 err[160];
	enum mp_err		 er;

	c->add = 1;
	c->name = dash_form(r, "naam");
	dash_filter_read(r, &f);
	mp_buf_init(&qs, 4 * MP_SAVEDFILTER_QUERY_MAX);
	dash_filter_query(&f, &qs);
	c->query = mp_buf_str(&qs);
	if (!mp_savedfilter_name_ok(c->name)) {
		(void)snprintf(err, sizeof(err), "Geef de filters een naam "
		    "van ten hoogste %d tekens, op één regel.",
		    MP_SAVEDFILTER_NAME_MAX);
		refuse(r, c->name, err);
	} else if (f.bad)
		refuse(r, c->name, "Een of meer filters waren ongeldig. Kies "
		    "de filters opnieuw en sla ze dan op.");
	else if (c->query[0] == '\0')
		refuse(r, c->name, "Kies eerst een of meer filters en klik op "
		    "Filteren; sla ze daarna op.");
	else if (!mp_savedfilter_query_ok(c->query))
		refuse(r, c->name, "Deze filters zijn te lang om op te slaan. "
		    "Maak de zoektekst korter.");
	else if ((er = mp_db_txn(r->d->ctx->db, filter_txn, c)) == MP_OK)
		dash_redirect(r, "/?filter=opgeslagen");
	else if (er == MP_ETOOBIG) {
		(void)snprintf(err, sizeof(err), "U heeft al %d opgeslagen "
		    "filters. Verwijder er eerst een.",
		    MP_SAVEDFILTER_PER_USER);
		refuse(r, c->name, err);
	} else if (er == MP_EDUP)
		refuse(r, c->name, "U heeft al filters met deze naam. Kies "
		    "een andere naam.");
	else
		dash_error(r, mp_err_status(er), NULL);
	mp_buf_free(&qs);
}

/* POST /filters: actie "opslaan" (naam) or "verwijderen" (id). */
void
mp_dash_savedfilter_post(struct mp_dreq *r)
{
	struct fchange	 c;
	const char	*s = dash_form(r, "actie");
	enum mp_err	 er;

	memset(&c, 0, sizeof(c));
	c.r = r;
	if (s != NULL && strcmp(s, "opslaan") == 0) {
		save(r, &c);
		return;
	}
	if (s == NULL || strcmp(s, "verwijderen") != 0) {
		dash_error(r, 400, "Onbekende actie.");
		return;
	}
	if ((c.id = dash_number(dash_form(r, "id"), 1, 4294967295LL)) < 0) {
		dash_error(r, 400, "Het formulier mist welk filter.");
		return;
	}
	er = mp_db_txn(r->d->ctx->db, filter_txn, &c);
	if (er == MP_OK)
		dash_redirect(r, "/?filter=weg");
	else if (er == MP_ENOTFOUND) {
		dash_audit(r, "geweigerd", "filter", c.id, NULL);
		dash_error(r, 404, "Dit opgeslagen filter bestaat niet, of "
		    "het is niet van u.");
	} else
		dash_error(r, mp_err_status(er), NULL);
}
