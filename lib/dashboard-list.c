/*
 * dashboard-list.c -- the work list: reports the user may see, newest
 * first, 50 a page, with filters on status, signal type, team,
 * handler, audience, channel, date range and a text search, counts per
 * status, markers for reports that wait too long and for replies of
 * the reporter that nobody has read.
 *
 * SQL is never assembled: each filter is "(? IS NULL OR col = ?)" with
 * the value bound twice, and MariaDB, which optimises a prepared
 * statement anew for each execution with its values, drops the unused
 * ones and picks the index of the ones given.  The text search has a
 * statement of its own, since MATCH needs its FULLTEXT index.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"
#include "dashboard-int.h"

#define PER_PAGE	50
#define MAX_PAGE	2000
#define Q_MAX		100

enum stmt {
	STMT_LIST,
	STMT_LIST_TEXT,
	STMT_COUNTS,
	STMT_OPT_TYPES,
	STMT_OPT_AUDIENCES,
	STMT_OPT_TEAMS,
	STMT_OPT_HANDLERS,
	STMT__MAX
};

#define LIST_COLS \
	"SELECT r.id, r.reference, r.status, UNIX_TIMESTAMP(r.received_at)," \
	" r.taken_at IS NULL, st.name, a.name, COALESCE(t.name, '')," \
	" COALESCE(u.display_name, ''), r.channel, LEFT(r.description, 140)," \
	" r.street, r.city, r.unread_replies FROM report r" \
	" JOIN signal_type st ON st.id = r.signal_type_id" \
	" JOIN audience a ON a.id = r.audience_id" \
	" LEFT JOIN team t ON t.id = r.team_id" \
	" LEFT JOIN app_user u ON u.id = r.handler_id" \
	" WHERE " MP_ACCESS_REPORT_VISIBLE

#define LIST_FILTERS \
	" AND (? IS NULL OR r.status = ?)" \
	" AND (? IS NULL OR r.signal_type_id = ?)" \
	" AND (? IS NULL OR r.team_id = ?)" \
	" AND (? IS NULL OR r.handler_id = ?)" \
	" AND (? IS NULL OR r.audience_id = ?)" \
	" AND (? IS NULL OR r.channel = ?)" \
	" AND (? IS NULL OR r.received_at >= ?)" \
	" AND (? IS NULL OR r.received_at < ? + INTERVAL 1 DAY)"

#define LIST_ORDER \
	" ORDER BY r.received_at DESC, r.id DESC LIMIT ? OFFSET ?"

static const char *const stmts[STMT__MAX] = {
	/* STMT_LIST */
	LIST_COLS LIST_FILTERS LIST_ORDER,
	/* STMT_LIST_TEXT */
	LIST_COLS LIST_FILTERS
	" AND MATCH (r.description, r.street, r.city) AGAINST"
	" (? IN BOOLEAN MODE)" LIST_ORDER,
	/* STMT_COUNTS */
	"SELECT r.status, COUNT(*) FROM report r WHERE "
	MP_ACCESS_REPORT_VISIBLE " GROUP BY r.status",
	/* STMT_OPT_TYPES */
	"SELECT id, name FROM signal_type ORDER BY sort, name",
	/* STMT_OPT_AUDIENCES */
	"SELECT id, name FROM audience ORDER BY sort, name",
	/* STMT_OPT_TEAMS */
	"SELECT id, name FROM team ORDER BY name",
	/* STMT_OPT_HANDLERS */
	"SELECT id, display_name FROM app_user WHERE role IN"
	" ('handler', 'coordinator') ORDER BY display_name",
};

static const char *const channels[] = {
	"web", "intranet", "telefoon", "email"
};

/* The filters as given, checked; NULL where not set. */
struct filter {
	const char	*status;
	long long	 type, team, handler, audience;
	const char	*channel;
	char		 from[11], to[11];
	const char	*q;
	char		 boolean[Q_MAX * 3];
	long long	 page;
	int		 bad;
};

/*
 * The text search as a FULLTEXT boolean query: every word required, as
 * a prefix.  Only letters and digits pass (any byte >= 0x80 too, for
 * UTF-8 letters), so no operator of the boolean syntax can come in.
 */
static void
boolean_query(const char *q, char *out, size_t outsz)
{
	size_t	 o = 0, words = 0;
	int	 inword = 0;

	out[0] = '\0';
	for (; *q != '\0' && o + 4 < outsz; q++) {
		if (isalnum((unsigned char)*q) || (unsigned char)*q >= 0x80) {
			if (!inword) {
				if (words++ == 8)
					break;
				if (o > 0)
					out[o++] = ' ';
				out[o++] = '+';
				inword = 1;
			}
			out[o++] = *q;
		} else if (inword) {
			out[o++] = '*';
			inword = 0;
		}
	}
	if (inword)
		out[o++] = '*';
	out[o] = '\0';
}

static long long
id_param(struct mp_dreq *r, const char *name, int *bad)
{
	const char	*s = dash_query(r, name);
	long long	 v;

	if (s == NULL || s[0] == '\0')
		return 0;
	if ((v = dash_number(s, 1, 4294967295LL)) < 0)
		*bad = 1;
	return v < 0 ? 0 : v;
}

static void
date_param(struct mp_dreq *r, const char *name, char out[11], int *bad)
{
	const char	*s = dash_query(r, name);
	struct tm	 tm;

	out[0] = '\0';
	if (s == NULL || s[0] == '\0')
		return;
	if (strlen(s) != 10 || !mp_valid_date(s, &tm)) {
		*bad = 1;
		return;
	}
	memcpy(out, s, 11);
}

static void
read_filter(struct mp_dreq *r, struct filter *f)
{
	const char	*s;
	size_t		 i;

	memset(f, 0, sizeof(*f));
	if ((s = dash_query(r, "status")) != NULL && s[0] != '\0') {
		if (mp_workflow_status(s))
			f->status = s;
		else
			f->bad = 1;
	}
	f->type = id_param(r, "soort", &f->bad);
	f->team = id_param(r, "team", &f->bad);
	f->handler = id_param(r, "behandelaar", &f->bad);
	f->audience = id_param(r, "doelgroep", &f->bad);
	if ((s = dash_query(r, "kanaal")) != NULL && s[0] != '\0') {
		for (i = 0; i < MP_NELEM(channels); i++)
			if (strcmp(s, channels[i]) == 0)
				f->channel = channels[i];
		if (f->channel == NULL)
			f->bad = 1;
	}
	date_param(r, "van", f->from, &f->bad);
	date_param(r, "tot", f->to, &f->bad);
	if ((s = dash_query(r, "q")) != NULL && s[0] != '\0') {
		if (mp_valid_text(s, strlen(s), Q_MAX, 0)) {
			f->q = s;
			boolean_query(s, f->boolean, sizeof(f->boolean));
		} else
			f->bad = 1;
	}
	f->page = 1;
	if ((s = dash_query(r, "pagina")) != NULL &&
	    (f->page = dash_number(s, 1, MAX_PAGE)) < 0) {
		f->page = 1;
		f->bad = 1;
	}
}

#define PAIR(v, n, x)	do { (v)[(n)++] = (x); (v)[(n)++] = (x); } while (0)
#define OPTINT(i)	((i) > 0 ? MP_DBINT(i) : MP_DBNULL())
#define OPTTEXT(s)	((s) != NULL && (s)[0] != '\0' ? MP_DBTEXT(s) : \
			    MP_DBNULL())

/* Append "name=value&" (urlencoded) to b when value is set. */
static void
qs_add(struct mp_buf *b, const char *name, const char *value)
{
	const char	*p;

	if (value == NULL || value[0] == '\0')
		return;
	(void)mp_buf_printf(b, "%s%s=", mp_buf_len(b) > 0 ? "&" : "", name);
	for (p = value; *p != '\0'; p++)
		if (isalnum((unsigned char)*p) || strchr("-._~", *p) != NULL)
			(void)mp_buf_addc(b, *p);
		else
			(void)mp_buf_printf(b, "%%%02X", (unsigned char)*p);
}

static void
qs_addint(struct mp_buf *b, const char *name, long long v)
{
	char	 s[24];

	if (v <= 0)
		return;
	(void)snprintf(s, sizeof(s), "%lld", v);
	qs_add(b, name, s);
}

/* Options of a <select>: List.Opt.<what>.N.{Id,Name,Sel}. */
static enum mp_err
options(struct mp_dreq *r, struct mp_view *v, enum stmt s, const char *what,
    long long selected)
{
	struct mp_stmt	*st;
	char		 key[96];
	size_t		 i = 0;
	long long	 id;
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, stmts[s], NULL, 0)) !=
	    MP_OK)
		return er;
	while ((er = mp_stmt_next(st)) == MP_OK && i < 500) {
		id = mp_stmt_int(st, 0);
		(void)snprintf(key, sizeof(key), "List.Opt.%s.%zu.Id", what,
		    i);
		if ((er = mp_view_set_int(v, key, id)) != MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "List.Opt.%s.%zu.Name", what,
		    i);
		if ((er = mp_view_set(v, key, mp_stmt_text(st, 1, NULL))) !=
		    MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "List.Opt.%s.%zu.Sel", what,
		    i++);
		if ((er = mp_view_set_int(v, key, id == selected)) != MP_OK)
			break;
	}
	mp_stmt_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * Counts per status of all reports the user may see.  Counting a
 * million rows takes a good part of a second, so each worker keeps the
 * answer per user for dashboard.count_ttl seconds (30): the counts may
 * lag that much, the list itself never does.
 */
static enum mp_err
counts(struct mp_dreq *r, struct mp_view *v)
{
	struct count_cache	*c = NULL, *oldest = &r->d->counts[0];
	struct mp_stmt		*st;
	struct mp_dbval		 p[2];
	const char		*s;
	char			 key[64];
	size_t			 i;
	enum mp_err		 er;

	for (i = 0; i < COUNT_CACHE; i++) {
		if (r->d->counts[i].user_id == r->user.id)
			c = &r->d->counts[i];
		if (r->d->counts[i].at < oldest->at)
			oldest = &r->d->counts[i];
	}
	if (c == NULL || c->at + r->d->count_ttl <= r->now) {
		if (c == NULL)
			c = oldest;
		memset(c, 0, sizeof(*c));
		mp_access_report_params(&r->user, p);
		if ((er = mp_db_query(r->d->ctx->db, &st, stmts[STMT_COUNTS],
		    p, 2)) != MP_OK)
			return er;
		while ((er = mp_stmt_next(st)) == MP_OK) {
			s = mp_stmt_text(st, 0, NULL);
			for (i = 0; mp_statuses[i] != NULL && i < 8; i++)
				if (s != NULL &&
				    strcmp(s, mp_statuses[i]) == 0)
					c->n[i] = mp_stmt_int(st, 1);
		}
		mp_stmt_done(st);
		if (er != MP_ENOTFOUND)
			return er;
		c->user_id = r->user.id;
		c->at = r->now;
	}
	for (i = 0; mp_statuses[i] != NULL && i < 8; i++) {
		(void)snprintf(key, sizeof(key), "List.Counts.%zu.Status", i);
		if ((er = mp_view_set(v, key, mp_statuses[i])) != MP_OK)
			return er;
		(void)snprintf(key, sizeof(key), "List.Counts.%zu.N", i);
		if ((er = mp_view_set_int(v, key, c->n[i])) != MP_OK)
			return er;
	}
	return MP_OK;
}

static enum mp_err
row(struct mp_dreq *r, struct mp_view *v, struct mp_stmt *st, size_t n)
{
	static const char *const cols[] = {
		NULL, "Reference", "Status", NULL, NULL, "Type", "Audience",
		"Team", "Handler", "Channel", "Summary", "Street", "City"
	};
	char		 key[64], when[32], age[32];
	const char	*status = mp_stmt_text(st, 2, NULL);
	time_t		 recv = (time_t)mp_stmt_int(st, 3);
	size_t		 i;
	int		 closed;
	enum mp_err	 er;

	(void)snprintf(key, sizeof(key), "List.Rows.%zu.Id", n);
	if ((er = mp_view_set_int(v, key, mp_stmt_int(st, 0))) != MP_OK)
		return er;
	for (i = 0; i < MP_NELEM(cols); i++) {
		if (cols[i] == NULL)
			continue;
		(void)snprintf(key, sizeof(key), "List.Rows.%zu.%s", n,
		    cols[i]);
		if ((er = mp_view_set(v, key, mp_stmt_text(st, (unsigned)i,
		    NULL))) != MP_OK)
			return er;
	}
	dash_time(when, recv);
	dash_age(age, recv, r->now);
	(void)snprintf(key, sizeof(key), "List.Rows.%zu.Received", n);
	if ((er = mp_view_set(v, key, when)) != MP_OK)
		return er;
	(void)snprintf(key, sizeof(key), "List.Rows.%zu.Age", n);
	if ((er = mp_view_set(v, key, age)) != MP_OK)
		return er;
	/* Replies of the reporter nobody has read yet. */
	(void)snprintf(key, sizeof(key), "List.Rows.%zu.Unread", n);
	if ((er = mp_view_set_int(v, key, mp_stmt_int(st, 13))) != MP_OK)
		return er;
	closed = status != NULL && strcmp(status, MP_ST_CLOSED) == 0;
	if (!closed && mp_stmt_int(st, 4) != 0 &&
	    r->now - recv > r->d->take_days * 86400) {
		(void)snprintf(key, sizeof(key), "List.Rows.%zu.LateTake", n);
		if ((er = mp_view_set(v, key, "1")) != MP_OK)
			return er;
	}
	if (!closed && r->now - recv > r->d->close_days * 86400) {
		(void)snprintf(key, sizeof(key), "List.Rows.%zu.LateClose", n);
		if ((er = mp_view_set(v, key, "1")) != MP_OK)
			return er;
	}
	return MP_OK;
}

void
mp_dash_list(struct mp_dreq *r)
{
	struct filter	 f;
	struct mp_view	*v;
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[2 + 16 + 3];
	struct mp_buf	 qs;
	size_t		 np = 0, n = 0;
	enum mp_err	 er;

	read_filter(r, &f);
	mp_buf_init(&qs, 4096);
	if ((v = dash_view(r, "Werklijst")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	mp_access_report_params(&r->user, p);
	np = 2;
	PAIR(p, np, OPTTEXT(f.status));
	PAIR(p, np, OPTINT(f.type));
	PAIR(p, np, OPTINT(f.team));
	PAIR(p, np, OPTINT(f.handler));
	PAIR(p, np, OPTINT(f.audience));
	PAIR(p, np, OPTTEXT(f.channel));
	PAIR(p, np, OPTTEXT(f.from));
	PAIR(p, np, OPTTEXT(f.to));
	if (f.boolean[0] != '\0')
		p[np++] = MP_DBTEXT(f.boolean);
	p[np++] = MP_DBINT(PER_PAGE + 1);
	p[np++] = MP_DBINT((f.page - 1) * PER_PAGE);
	er = mp_db_query(r->d->ctx->db, &st, stmts[f.boolean[0] != '\0' ?
	    STMT_LIST_TEXT : STMT_LIST], p, np);
	while (er == MP_OK && (er = mp_stmt_next(st)) == MP_OK &&
	    n < PER_PAGE)
		er = row(r, v, st, n++);
	if (er == MP_OK && n == PER_PAGE)
		er = mp_view_set_int(v, "List.Next", f.page + 1);
	if (st != NULL)
		mp_stmt_done(st);
	if (er == MP_ENOTFOUND)
		er = MP_OK;
	if (er == MP_OK)
		er = counts(r, v);
	if (er == MP_OK)
		er = options(r, v, STMT_OPT_TYPES, "Types", f.type);
	if (er == MP_OK)
		er = options(r, v, STMT_OPT_AUDIENCES, "Audiences",
		    f.audience);
	if (er == MP_OK)
		er = options(r, v, STMT_OPT_TEAMS, "Teams", f.team);
	if (er == MP_OK)
		er = options(r, v, STMT_OPT_HANDLERS, "Handlers", f.handler);
	qs_add(&qs, "status", f.status);
	qs_addint(&qs, "soort", f.type);
	qs_addint(&qs, "team", f.team);
	qs_addint(&qs, "behandelaar", f.handler);
	qs_addint(&qs, "doelgroep", f.audience);
	qs_add(&qs, "kanaal", f.channel);
	qs_add(&qs, "van", f.from);
	qs_add(&qs, "tot", f.to);
	qs_add(&qs, "q", f.q);
	if (er == MP_OK)
		er = mp_view_set(v, "List.Query", mp_buf_str(&qs));
	if (er == MP_OK)
		er = mp_view_set_int(v, "List.Count", (long long)n);
	if (er == MP_OK)
		er = mp_view_set_int(v, "List.Page", f.page);
	if (er == MP_OK && f.page > 1)
		er = mp_view_set_int(v, "List.Prev", f.page - 1);
	if (er == MP_OK && f.bad)
		er = mp_view_set(v, "List.Bad", "1");
	if (er == MP_OK)
		er = mp_view_set(v, "List.F.Status", f.status);
	if (er == MP_OK)
		er = mp_view_set(v, "List.F.Channel", f.channel);
	if (er == MP_OK)
		er = mp_view_set(v, "List.F.From", f.from);
	if (er == MP_OK)
		er = mp_view_set(v, "List.F.To", f.to);
	if (er == MP_OK)
		er = mp_view_set(v, "List.F.Q", f.q);
	mp_buf_free(&qs);
	if (er != MP_OK) {
		mp_view_free(v);
		dash_error(r, er == MP_EDBDOWN ? 503 : 500, NULL);
		return;
	}
	dash_render(r, f.bad ? 400 : 200, v, "dashboard/list.cs");
}
