/*
 * stats.c -- the statistics page for coordinators: a range of
 * months (the last twelve unless the form says otherwise), tables and
 * bar charts drawn as inline SVG from the template, and the same
 * figures as CSV.  The figures come from lib/stats.c; this file checks
 * the range, lays out the charts and writes the view or the CSV.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

/* Chart geometry, in SVG user units (the SVG scales to the page). */
#define CH_LEFT		48	/* room for the axis labels */
#define CH_TOP		12
#define CH_PLOT		200	/* height of the plot area */
#define CH_BOTTOM	40	/* room for the month labels */
#define CH_GROUP	36	/* width per month */
#define CH_BAR		10	/* one bar of three in a group */
#define HB_LABEL	230	/* horizontal bars: room for the names */
#define HB_PLOT		300
#define HB_ROW		24

static const char *const month_abbr[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep",
	"okt", "nov", "dec"
};

struct range {
	int		 from, to;
	const char	*err_from, *err_to;	/* Dutch, tied to the field */
	char		 from_s[16], to_s[16];	/* as typed, for the form */
};

/*
 * The range of the form: "van" and "tot" as YYYY-MM.  Missing values
 * default to the twelve months ending with this one; a wrong value
 * sets an error for its field and the page shows no figures.
 */
static int
read_range(struct mp_dreq *r, struct range *rg)
{
	const char	*van = dash_query(r, "van");
	const char	*tot = dash_query(r, "tot");
	struct tm	 tm;
	time_t		 now = r->now;
	int		 cur;

	memset(rg, 0, sizeof(*rg));
	(void)gmtime_r(&now, &tm);
	cur = (tm.tm_year + 1900) * 12 + tm.tm_mon;
	rg->to = cur;
	rg->from = cur - 11;
	if (van != NULL && van[0] != '\0') {
		(void)snprintf(rg->from_s, sizeof(rg->from_s), "%.15s", van);
		if ((rg->from = mp_stats_month_parse(van)) < 0)
			rg->err_from = "Vul een maand in als jjjj-mm, "
			    "bijvoorbeeld 2026-01.";
	}
	if (tot != NULL && tot[0] != '\0') {
		(void)snprintf(rg->to_s, sizeof(rg->to_s), "%.15s", tot);
		if ((rg->to = mp_stats_month_parse(tot)) < 0)
			rg->err_to = "Vul een maand in als jjjj-mm, "
			    "bijvoorbeeld 2026-12.";
	} else if (van != NULL && van[0] != '\0' && rg->from >= 0)
		rg->to = rg->from + 11 < cur ? rg->from + 11 : cur;
	if (rg->err_from == NULL && rg->err_to == NULL) {
		if (van == NULL || van[0] == '\0')
			rg->from = rg->to - 11;
		if (rg->from > rg->to)
			rg->err_to = "De laatste maand ligt voor de eerste.";
		else if (rg->to - rg->from >= MP_STATS_MAX_MONTHS)
			rg->err_to = "Kies hoogstens 120 maanden (tien jaar).";
	}
	if (rg->err_from == NULL && rg->err_to == NULL) {
		mp_stats_month_format(rg->from, rg->from_s);
		mp_stats_month_format(rg->to, rg->to_s);
		return 1;
	}
	return 0;
}

/* A median in days, Dutch notation ("2,5"); "" when there is none. */
static void
median_text(long long tenths, char out[32])
{

	if (tenths == MP_STATS_NONE)
		out[0] = '\0';
	else if (tenths % 10 == 0)
		(void)snprintf(out, 32, "%lld", tenths / 10);
	else
		(void)snprintf(out, 32, "%lld,%lld", tenths / 10, tenths % 10);
}

/* Set prefix.suffix = value in v; v keeps the first error (tmpl.h). */
static void
seti(struct mp_view *v, const char *prefix,
    const char *suffix, long long value)
{
	char	 key[128];

	(void)snprintf(key, sizeof(key), "%s.%s", prefix, suffix);
	mp_tmpl_set_int(v, key, value);
}

static void
sets(struct mp_view *v, const char *prefix,
    const char *suffix, const char *value)
{
	char	 key[128];

	(void)snprintf(key, sizeof(key), "%s.%s", prefix, suffix);
	mp_tmpl_set(v, key, value);
}

static void
set_counts(struct mp_view *v, const char *prefix,
    const struct mp_stats_counts *c)
{

	seti(v, prefix, "Received", c->received);
	seti(v, prefix, "Taken", c->taken);
	seti(v, prefix, "Closed", c->closed);
	seti(v, prefix, "Reopened", c->reopened);
	seti(v, prefix, "Open", c->open);
}

/* A bar of height value / max of the plot, bottom on the axis. */
static void
set_bar(struct mp_view *v, const char *prefix,
    const char *name, long long x, long long value, long long max)
{
	char		 p[96];
	long long	 h = max > 0 && value > 0 ? value * CH_PLOT / max : 0;

	if (value > 0 && h == 0)
		h = 1;		/* a count above 0 stays visible */
	(void)snprintf(p, sizeof(p), "%s.%s", prefix, name);
	seti(v, p, "X", x);
	seti(v, p, "Y", CH_TOP + CH_PLOT - h);
	seti(v, p, "H", h);
}

/* A round axis maximum at or above max: 1, 2 or 5 times a power of 10. */
static long long
nice_max(long long max)
{
	long long	 p = 1;

	while (p * 10 <= max)
		p *= 10;
	if (max <= p)
		return p;
	if (max <= 2 * p)
		return 2 * p;
	if (max <= 5 * p)
		return 5 * p;
	return 10 * p;
}

static void
set_items(struct mp_view *v, const struct mp_stats *s,
    enum mp_stats_dim d, const char *what)
{
	char		 p[64];
	long long	 max = 0, w;
	size_t		 i;

	for (i = 0; i < s->nitems[d]; i++)
		if (s->items[d][i].total.received > max)
			max = s->items[d][i].total.received;
	max = nice_max(max > 0 ? max : 1);
	(void)snprintf(p, sizeof(p), "Stats.%s", what);
	seti(v, p, "Max", max);
	seti(v, p, "H", (long long)s->nitems[d] * HB_ROW + 8);
	for (i = 0; i < s->nitems[d]; i++) {
		(void)snprintf(p, sizeof(p), "Stats.%s.Rows.%zu", what, i);
		sets(v, p, "Name", s->items[d][i].name);
		set_counts(v, p, &s->items[d][i].total);
		w = s->items[d][i].total.received * HB_PLOT / max;
		if (s->items[d][i].total.received > 0 && w == 0)
			w = 1;
		seti(v, p, "Y", (long long)i * HB_ROW + 4);
		seti(v, p, "TY", (long long)i * HB_ROW + 4 + 15);
		seti(v, p, "W", w);
		seti(v, p, "TX", HB_LABEL + w + 6);
	}
}

static void
set_stats(struct mp_view *v, const struct mp_stats *s)
{
	char		 p[64], label[16], med[32];
	long long	 max = 0, omax = 0, x;
	size_t		 m;

	for (m = 0; m < s->nmonths; m++) {
		const struct mp_stats_counts *c = &s->months[m].c;

		if (c->received > max)
			max = c->received;
		if (c->taken > max)
			max = c->taken;
		if (c->closed > max)
			max = c->closed;
		if (c->open > omax)
			omax = c->open;
	}
	max = nice_max(max > 0 ? max : 1);
	omax = nice_max(omax > 0 ? omax : 1);
	seti(v, "Stats", "Max", max);
	seti(v, "Stats", "HalfMax", max / 2);
	seti(v, "Stats", "OpenMax", omax);
	seti(v, "Stats", "OpenHalfMax", omax / 2);
	seti(v, "Stats.Chart", "W", CH_LEFT + (long long)s->nmonths *
	    CH_GROUP + 8);
	seti(v, "Stats.Chart", "H", CH_TOP + CH_PLOT + CH_BOTTOM);
	seti(v, "Stats.Chart", "Left", CH_LEFT);
	seti(v, "Stats.Chart", "Right", CH_LEFT + (long long)s->nmonths *
	    CH_GROUP);
	seti(v, "Stats.Chart", "Top", CH_TOP);
	seti(v, "Stats.Chart", "Mid", CH_TOP + CH_PLOT / 2);
	seti(v, "Stats.Chart", "Base", CH_TOP + CH_PLOT);
	seti(v, "Stats.Chart", "LabelY", CH_TOP + CH_PLOT + 16);
	seti(v, "Stats.Chart", "YearY", CH_TOP + CH_PLOT + 30);
	seti(v, "Stats.Chart", "HbLabel", HB_LABEL);
	seti(v, "Stats.Chart", "HbW", HB_LABEL + HB_PLOT + 60);
	for (m = 0; m < s->nmonths; m++) {
		const struct mp_stats_month *sm = &s->months[m];

		(void)snprintf(p, sizeof(p), "Stats.Months.%zu", m);
		mp_stats_month_format(sm->month, label);
		sets(v, p, "Key", label);
		(void)snprintf(label, sizeof(label), "%s %d",
		    month_abbr[sm->month % 12], sm->month / 12);
		sets(v, p, "Label", label);
		sets(v, p, "Abbr", month_abbr[sm->month % 12]);
		if (sm->month % 12 == 0 || m == 0) {
			(void)snprintf(label, sizeof(label), "%d",
			    sm->month / 12);
			sets(v, p, "Year", label);
		}
		set_counts(v, p, &sm->c);
		median_text(sm->take_median, med);
		sets(v, p, "TakeMedian", med);
		median_text(sm->close_median, med);
		sets(v, p, "CloseMedian", med);
		x = CH_LEFT + (long long)m * CH_GROUP;
		seti(v, p, "LX", x + CH_GROUP / 2);
		set_bar(v, p, "R", x + 3, sm->c.received, max);
		set_bar(v, p, "T", x + 3 + CH_BAR, sm->c.taken, max);
		set_bar(v, p, "C", x + 3 + 2 * CH_BAR, sm->c.closed, max);
		set_bar(v, p, "O", x + 6, sm->c.open, omax);
	}
	set_counts(v, "Stats.Total", &s->total);
	median_text(s->take_median, med);
	sets(v, "Stats.Total", "TakeMedian", med);
	median_text(s->close_median, med);
	sets(v, "Stats.Total", "CloseMedian", med);
	set_items(v, s, MP_SD_TYPE, "Types");
	set_items(v, s, MP_SD_AUDIENCE, "Audiences");
	set_items(v, s, MP_SD_CHANNEL, "Channels");
}

void
mp_dash_stats(struct mp_dreq *r)
{
	struct range	 rg;
	struct mp_stats	*s = NULL;
	struct mp_view	*v;
	int		 ok;
	enum mp_err	 er;

	ok = read_range(r, &rg);
	if ((v = dash_view(r, "Statistiek")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	sets(v, "Stats", "From", rg.from_s);
	sets(v, "Stats", "To", rg.to_s);
	if (rg.err_from != NULL)
		sets(v, "Stats.Err", "From", rg.err_from);
	if (rg.err_to != NULL)
		sets(v, "Stats.Err", "To", rg.err_to);
	/* The figures read the database: only for a view still good. */
	if ((er = mp_tmpl_err(v)) == MP_OK && ok &&
	    (er = mp_stats_load(r->d->ctx->db, rg.from, rg.to, &s)) == MP_OK)
		set_stats(v, s);
	mp_stats_free(s);
	dash_finish(r, er, ok ? 200 : 400, v, "dashboard/stats.cs");
}

/* One CSV row of counts, with medians when given. */
static void
csv_counts(struct mp_csv *c, const char *period, const char *dim,
    const char *value, const struct mp_stats_counts *n, long long take,
    long long close, int medians)
{

	(void)mp_csv_field(c, period);
	(void)mp_csv_field(c, dim);
	(void)mp_csv_field(c, value);
	(void)mp_csv_int(c, n->received);
	(void)mp_csv_int(c, n->taken);
	(void)mp_csv_int(c, n->closed);
	(void)mp_csv_int(c, n->reopened);
	(void)mp_csv_int(c, n->open);
	if (medians && take != MP_STATS_NONE)
		(void)mp_csv_tenths(c, take);
	else
		(void)mp_csv_field(c, NULL);
	if (medians && close != MP_STATS_NONE)
		(void)mp_csv_tenths(c, close);
	else
		(void)mp_csv_field(c, NULL);
	(void)mp_csv_endrow(c);
}

/*
 * The figures as CSV, one row per month and grouping ("totaal", then
 * each signal type, audience and channel), then the same for the
 * whole range with period "totaal".  Small (at most a few thousand
 * rows), but written through the same streaming writer as the export.
 */
void
mp_dash_stats_csv(struct mp_dreq *r)
{
	struct range	 rg;
	struct mp_stats	*s = NULL;
	struct mp_csv	 c;
	char		 period[16], fname[64];
	size_t		 m, d, i;
	enum mp_err	 er;

	if (!read_range(r, &rg)) {
		dash_error(r, 400, rg.err_from != NULL ? rg.err_from :
		    rg.err_to);
		return;
	}
	if ((er = mp_stats_load(r->d->ctx->db, rg.from, rg.to, &s)) !=
	    MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	(void)snprintf(fname, sizeof(fname), "statistiek-%s-%s.csv",
	    rg.from_s, rg.to_s);
	if (dash_csv_begin(r, &c, fname) != MP_OK)
		goto out;
	(void)mp_csv_field(&c, "periode");
	(void)mp_csv_field(&c, "indeling");
	(void)mp_csv_field(&c, "waarde");
	(void)mp_csv_field(&c, "ontvangen");
	(void)mp_csv_field(&c, "in behandeling genomen");
	(void)mp_csv_field(&c, "afgerond");
	(void)mp_csv_field(&c, "heropend");
	(void)mp_csv_field(&c, "open aan het eind");
	(void)mp_csv_field(&c, "mediaan dagen tot in behandeling");
	(void)mp_csv_field(&c, "mediaan dagen tot afgerond");
	(void)mp_csv_endrow(&c);
	for (m = 0; m < s->nmonths; m++) {
		mp_stats_month_format(s->months[m].month, period);
		csv_counts(&c, period, "totaal", "", &s->months[m].c,
		    s->months[m].take_median, s->months[m].close_median, 1);
		for (d = 0; d < MP_SD__MAX; d++)
			for (i = 0; i < s->nitems[d]; i++)
				csv_counts(&c, period, mp_stats_dim_name(
				    (enum mp_stats_dim)d),
				    s->items[d][i].name,
				    &s->items[d][i].months[m], 0, 0, 0);
	}
	csv_counts(&c, "totaal", "totaal", "", &s->total, s->take_median,
	    s->close_median, 1);
	for (d = 0; d < MP_SD__MAX; d++)
		for (i = 0; i < s->nitems[d]; i++)
			csv_counts(&c, "totaal", mp_stats_dim_name(
			    (enum mp_stats_dim)d), s->items[d][i].name,
			    &s->items[d][i].total, 0, 0, 0);
	if (mp_csv_flush(&c) != MP_OK)
		mp_warnx("%s: the CSV was cut off", __func__);
out:
	mp_stats_free(s);
}
