/*
 * hotspot.c -- "Terugkerende onderwerpen": the subjects (addresses,
 * plates, companies ...) with two or more reports in a period, the list
 * from which a municipality plans its thematic checks (issue 13), and
 * the same list as CSV.  Counts come from the reports the user may see
 * (lib/access.h): a handler sees the places that keep coming back in
 * the reports of their teams, a coordinator in all.  The query is
 * lib/subject.c's (mp_subject_hotspots).
 *
 * Filters are GET parameters, so a view can be bookmarked and works
 * without JavaScript: van, tot (YYYY-MM-DD; the last twelve months when
 * absent), onderwerp (a kind's name from mp_subject_kind_name), soort
 * (a signal type's id, as in the work list), volgorde (aantal or
 * recent) and pagina.  A wrong value gets a Dutch message at its field
 * and a 400, and no rows: a list for a period other than the one asked
 * would be read as the answer.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define PER_PAGE	50
#define MAX_PAGE	2000
#define MAX_DAYS	3660	/* ten years */

/* The filters as read; err_* are Dutch, each tied to its field. */
struct hot_filter {
	struct mp_subject_hotspot_q q;
	char		 from[11], to[11];
	const char	*kind_s;		/* as typed, for the form */
	const char	*type_s;
	const char	*sort_s;
	long long	 page;
	const char	*err_from, *err_to, *err_kind, *err_type;
	const char	*err_sort, *err_page;
	int		 bad;
};

/* The kinds' labels, by enum mp_subject_kind. */
static const char *const kind_labels[MP_SUBJECT__MAX] = {
	NULL, "Adres", "Bedrijf", "KvK-nummer", "Kenteken", "Persoon",
	"Telefoonnummer", "E-mailadres", "IBAN"
};

/* The label of a kind read from the database (its CHECK keeps 1-8). */
static const char *
kind_label(enum mp_subject_kind k)
{

	return (int)k > 0 && k < MP_SUBJECT__MAX ? kind_labels[k] : "onbekend";
}

/* "YYYY-MM-DD" of t, UTC. */
static void
ymd(time_t t, char out[11])
{
	struct tm	 tm;

	(void)gmtime_r(&t, &tm);
	(void)strftime(out, 11, "%Y-%m-%d", &tm);
}

/*
 * A date field: "" and 0 when absent (*t untouched), 1 when valid
 * (copied to out, its time at 00:00 UTC in *t), -1 when wrong.
 */
static int
date_field(const char *s, char out[11], time_t *t)
{
	struct tm	 tm;

	if (s == NULL || s[0] == '\0')
		return 0;
	memset(&tm, 0, sizeof(tm));
	if (!mp_valid_date_nl(s, out, &tm))
		return -1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	*t = timegm(&tm);
	return 1;
}

/* The period: default the twelve months up to today. */
static void
read_period(struct mp_dreq *r, struct hot_filter *f)
{
	time_t		 from = 0, to = r->now;
	struct tm	 tm;
	int		 hf, ht;

	ymd(r->now, f->to);
	if ((hf = date_field(dash_query(r, "van"), f->from, &from)) < 0)
		f->err_from = "Vul een datum in als dd-mm-jjjj of jjjj-mm-dd, "
		    "bijvoorbeeld 31-01-2026.";
	if ((ht = date_field(dash_query(r, "tot"), f->to, &to)) < 0)
		f->err_to = "Vul een datum in als dd-mm-jjjj of jjjj-mm-dd, "
		    "bijvoorbeeld 31-12-2026.";
	if (hf <= 0 && ht >= 0) {
		/* A year before the end, plus a day: twelve months. */
		(void)gmtime_r(&to, &tm);
		tm.tm_year--;
		tm.tm_mday++;
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
		from = timegm(&tm);
		if (hf == 0)
			ymd(from, f->from);
	}
	if (f->err_from == NULL && f->err_to == NULL) {
		if (to < from)
			f->err_to = "De einddatum ligt voor de begindatum.";
		else if (to - from > (time_t)MAX_DAYS * 86400)
			f->err_to = "Kies een periode van hoogstens tien "
			    "jaar.";
	}
}

/* The signal type: one of the catalog's (d->opts[0]). */
static void
read_type(struct mp_dreq *r, struct hot_filter *f)
{
	const struct opt_list	*o = &r->d->opts[0];
	size_t			 i;

	if ((f->type_s = dash_query(r, "soort")) == NULL ||
	    f->type_s[0] == '\0')
		return;
	f->q.type = dash_number(f->type_s, 1, 4294967295LL);
	for (i = 0; f->q.type > 0 && i < o->n; i++)
		if (o->id[i] == f->q.type)
			return;
	f->q.type = 0;
	f->err_type = "Kies een soort melding uit de lijst.";
}

/* All filters into f (the options must be fresh: read_type). */
static void
hot_read(struct mp_dreq *r, struct hot_filter *f)
{
	const char	*s;
	int		 k;

	memset(f, 0, sizeof(*f));
	read_period(r, f);
	if ((f->kind_s = dash_query(r, "onderwerp")) != NULL &&
	    f->kind_s[0] != '\0') {
		for (k = 1; k < MP_SUBJECT__MAX; k++)
			if (strcmp(f->kind_s, mp_subject_kind_name(
			    (enum mp_subject_kind)k)) == 0)
				f->q.kind = (enum mp_subject_kind)k;
		if (f->q.kind == 0)
			f->err_kind = "Kies een soort onderwerp uit de lijst.";
	}
	read_type(r, f);
	f->sort_s = "aantal";
	if ((s = dash_query(r, "volgorde")) != NULL && s[0] != '\0') {
		if (strcmp(s, "recent") == 0) {
			f->sort_s = "recent";
			f->q.by_latest = 1;
		} else if (strcmp(s, "aantal") != 0)
			f->err_sort = "Kies een volgorde uit de lijst.";
	}
	f->page = 1;
	if ((s = dash_query(r, "pagina")) != NULL && s[0] != '\0' &&
	    (f->page = dash_number(s, 1, MAX_PAGE)) < 0) {
		f->page = 1;
		f->err_page = "Deze pagina bestaat niet.";
	}
	f->bad = f->err_from != NULL || f->err_to != NULL ||
	    f->err_kind != NULL || f->err_type != NULL ||
	    f->err_sort != NULL || f->err_page != NULL;
	f->q.from = f->from;
	f->q.to = f->to;
}

/* The filters as a query string, for paging and the CSV link. */
static void
hot_query(const struct hot_filter *f, struct mp_buf *b)
{

	(void)mp_buf_printf(b, "van=%s&tot=%s&volgorde=%s", f->from, f->to,
	    f->sort_s);
	if (f->q.kind > 0)
		(void)mp_buf_printf(b, "&onderwerp=%s",
		    mp_subject_kind_name(f->q.kind));
	if (f->q.type > 0)
		(void)mp_buf_printf(b, "&soort=%lld", f->q.type);
}

struct hot_rows {
	struct mp_view	*v;
	struct mp_vnode	*rows;
	size_t		 n;
	int		 more;		/* a row beyond the page came */
};

static enum mp_err
hot_row(const struct mp_subject_hotspot *h, void *arg)
{
	struct hot_rows	*hr = arg;
	struct mp_vnode	*rn;
	char		 key[24];

	/* One more than a page was asked: it only says there is a next. */
	if (hr->n == PER_PAGE) {
		hr->more = 1;
		return MP_OK;
	}
	(void)snprintf(key, sizeof(key), "%zu", hr->n++);
	if ((rn = mp_tmpl_vnode_node(hr->rows, key)) == NULL)
		return MP_ENOMEM;
	mp_tmpl_vnode_set_int(rn, "Id", h->subject);
	mp_tmpl_vnode_set(rn, "Kind", kind_label(h->kind));
	mp_tmpl_vnode_set(rn, "Display", h->display);
	mp_tmpl_vnode_set_int(rn, "Reports", h->reports);
	mp_tmpl_vnode_set(rn, "Latest", h->latest);
	return mp_tmpl_err(hr->v);
}

/* The form's values, errors and choices into v (Hot.*). */
static enum mp_err
hot_values(struct mp_dreq *r, struct mp_view *v, const struct hot_filter *f)
{
	const struct opt_list	*o = &r->d->opts[0];
	struct mp_buf		 qs;
	char			 key[48];
	size_t			 i;
	int			 k;

	mp_tmpl_set(v, "Hot.F.From", f->err_from != NULL ?
	    dash_query(r, "van") : f->from);
	mp_tmpl_set(v, "Hot.F.To", f->err_to != NULL ? dash_query(r, "tot") :
	    f->to);
	mp_tmpl_set(v, "Hot.F.Kind", f->kind_s);
	mp_tmpl_set(v, "Hot.F.Type", f->type_s);
	mp_tmpl_set(v, "Hot.F.Sort", f->sort_s);
	mp_tmpl_set(v, "Hot.Err.From", f->err_from);
	mp_tmpl_set(v, "Hot.Err.To", f->err_to);
	mp_tmpl_set(v, "Hot.Err.Kind", f->err_kind);
	mp_tmpl_set(v, "Hot.Err.Type", f->err_type);
	mp_tmpl_set(v, "Hot.Err.Sort", f->err_sort);
	mp_tmpl_set(v, "Hot.Err.Page", f->err_page);
	for (k = 1; k < MP_SUBJECT__MAX; k++) {
		(void)snprintf(key, sizeof(key), "Hot.Kinds.%d.Name", k);
		mp_tmpl_set(v, key, mp_subject_kind_name(
		    (enum mp_subject_kind)k));
		(void)snprintf(key, sizeof(key), "Hot.Kinds.%d.Label", k);
		mp_tmpl_set(v, key, kind_labels[k]);
	}
	for (i = 0; i < o->n; i++) {
		(void)snprintf(key, sizeof(key), "Hot.Types.%zu.Id", i);
		mp_tmpl_set_int(v, key, o->id[i]);
		(void)snprintf(key, sizeof(key), "Hot.Types.%zu.Name", i);
		mp_tmpl_set(v, key, o->name[i]);
	}
	mp_buf_init(&qs, 1024);
	hot_query(f, &qs);
	mp_tmpl_set(v, "Hot.Query", mp_buf_str(&qs));
	mp_buf_free(&qs);
	mp_tmpl_set_int(v, "Hot.Page", f->page);
	return mp_tmpl_err(v);
}

void
mp_dash_hotspots(struct mp_dreq *r)
{
	struct hot_filter f;
	struct hot_rows	 hr;
	struct mp_view	*v;
	enum mp_err	 er;

	if ((er = dash_options_refresh(r->d, r->now)) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	hot_read(r, &f);
	if ((v = dash_view(r, "Terugkerende onderwerpen")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	er = hot_values(r, v, &f);
	memset(&hr, 0, sizeof(hr));
	hr.v = v;
	if (er == MP_OK && !f.bad) {
		f.q.limit = PER_PAGE + 1;
		f.q.offset = (unsigned)((f.page - 1) * PER_PAGE);
		if ((hr.rows = mp_tmpl_node(v, "Hot.Rows")) == NULL)
			er = MP_ENOMEM;
		else
			er = mp_subject_hotspots(r->d->ctx->db, &r->user,
			    &f.q, hot_row, &hr);
	}
	if (er == MP_OK && !f.bad) {
		mp_tmpl_set_int(v, "Hot.Count", (long long)hr.n);
		mp_tmpl_set(v, "Hot.Shown", "1");
		if (f.page > 1)
			mp_tmpl_set_int(v, "Hot.Prev", f.page - 1);
		if (hr.more && f.page < MAX_PAGE)
			mp_tmpl_set_int(v, "Hot.Next", f.page + 1);
		er = mp_tmpl_err(v);
	}
	dash_finish(r, er, f.bad ? 400 : 200, v, "dashboard/hotspots.cs");
}

static const char *const csv_header[] = {
	"soort onderwerp", "onderwerp", "genormaliseerd",
	"aantal meldingen", "laatste melding"
};

static enum mp_err
csv_row(const struct mp_subject_hotspot *h, void *arg)
{
	struct mp_csv	*c = arg;

	(void)mp_csv_field(c, kind_label(h->kind));
	(void)mp_csv_field(c, h->display);
	(void)mp_csv_field(c, h->norm);
	(void)mp_csv_int(c, h->reports);
	(void)mp_csv_field(c, h->latest);
	return mp_csv_endrow(c);
}

/*
 * The whole list for the filters (no paging) as CSV.  Audited first,
 * with the filters only: they hold no subject, and the values of the
 * list are not written to any log.
 */
void
mp_dash_hotspots_csv(struct mp_dreq *r)
{
	struct hot_filter f;
	struct mp_buf	 qs;
	struct mp_csv	 c;
	char		 fname[64], detail[300];
	size_t		 i;
	enum mp_err	 er;

	if ((er = dash_options_refresh(r->d, r->now)) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	hot_read(r, &f);
	if (f.bad) {
		dash_error(r, 400, "Een of meer filters zijn ongeldig. Ga "
		    "terug naar Terugkerende onderwerpen en pas de filters "
		    "aan.");
		return;
	}
	mp_buf_init(&qs, 1024);
	hot_query(&f, &qs);
	(void)snprintf(detail, sizeof(detail), "onderwerpen; filter: %s",
	    mp_buf_str(&qs));
	mp_buf_free(&qs);
	/* An export that cannot be audited does not run. */
	if (mp_audit(r->d->ctx->db, r->user.id, r->user.username,
	    "export csv onderwerpen", "", 0, r->client, detail) != MP_OK) {
		dash_error(r, 503, NULL);
		return;
	}
	(void)snprintf(fname, sizeof(fname), "onderwerpen-%s-%s.csv",
	    f.from, f.to);
	if (dash_csv_begin(r, &c, fname) != MP_OK ||
	    strcmp(r->req->method, "HEAD") == 0)
		return;
	for (i = 0; i < MP_NELEM(csv_header); i++)
		(void)mp_csv_field(&c, csv_header[i]);
	(void)mp_csv_endrow(&c);
	f.q.limit = 0;
	if ((er = mp_subject_hotspots(r->d->ctx->db, &r->user, &f.q,
	    csv_row, &c)) != MP_OK)
		mp_warnx("%s: stopped: %s", __func__, mp_err_str(er));
	if (mp_csv_flush(&c) != MP_OK)
		mp_warnx("%s: the client went away", __func__);
}
