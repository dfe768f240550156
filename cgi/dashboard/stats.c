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
#define CH_TOP		DASH_CHART_TOP
#define CH_PLOT		DASH_CHART_PLOT
#define CH_BOTTOM	40	/* room for the month labels */
#define CH_GROUP	36	/* width per month */
#define CH_BAR		10	/* one bar of three in a group */
#define HB_LABEL	230	/* horizontal bars: room for the names */
#define HB_PLOT		300
#define HB_ROW		24

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

static void
set_counts(struct mp_view *v, const char *prefix,
    const struct mp_stats_counts *c)
{

	dash_seti(v, prefix, "Received", c->received);
	dash_seti(v, prefix, "Taken", c->taken);
	dash_seti(v, prefix, "Closed", c->closed);
	dash_seti(v, prefix, "Reopened", c->reopened);
	dash_seti(v, prefix, "Open", c->open);
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
	max = dash_chart_max(max > 0 ? max : 1);
	(void)snprintf(p, sizeof(p), "Stats.%s", what);
	dash_seti(v, p, "Max", max);
	dash_seti(v, p, "H", (long long)s->nitems[d] * HB_ROW + 8);
	for (i = 0; i < s->nitems[d]; i++) {
		(void)snprintf(p, sizeof(p), "Stats.%s.Rows.%zu", what, i);
		dash_sets(v, p, "Name", s->items[d][i].name);
		set_counts(v, p, &s->items[d][i].total);
		w = s->items[d][i].total.received * HB_PLOT / max;
		if (s->items[d][i].total.received > 0 && w == 0)
			w = 1;
		dash_seti(v, p, "Y", (long long)i * HB_ROW + 4);
		dash_seti(v, p, "TY", (long long)i * HB_ROW + 4 + 15);
		dash_seti(v, p, "W", w);
		dash_seti(v, p, "TX", HB_LABEL + w + 6);
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
	max = dash_chart_max(max > 0 ? max : 1);
	omax = dash_chart_max(omax > 0 ? omax : 1);
	dash_seti(v, "Stats", "Max", max);
	dash_seti(v, "Stats", "HalfMax", max / 2);
	dash_seti(v, "Stats", "OpenMax", omax);
	dash_seti(v, "Stats", "OpenHalfMax", omax / 2);
	dash_seti(v, "Stats.Chart", "W", CH_LEFT + (long long)s->nmonths *
	    CH_GROUP + 8);
	dash_seti(v, "Stats.Chart", "H", CH_TOP + CH_PLOT + CH_BOTTOM);
	dash_seti(v, "Stats.Chart", "Left", CH_LEFT);
	dash_seti(v, "Stats.Chart", "Right", CH_LEFT + (long long)s->nmonths *
	    CH_GROUP);
	dash_seti(v, "Stats.Chart", "Top", CH_TOP);
	dash_seti(v, "Stats.Chart", "Mid", CH_TOP + CH_PLOT / 2);
	dash_seti(v, "Stats.Chart", "Base", CH_TOP + CH_PLOT);
	dash_seti(v, "Stats.Chart", "LabelY", CH_TOP + CH_PLOT + 16);
	dash_seti(v, "Stats.Chart", "YearY", CH_TOP + CH_PLOT + 30);
	dash_seti(v, "Stats.Chart", "HbLabel", HB_LABEL);
	dash_seti(v, "Stats.Chart", "HbW", HB_LABEL + HB_PLOT + 60);
	for (m = 0; m < s->nmonths; m++) {
		const struct mp_stats_month *sm = &s->months[m];

		(void)snprintf(p, sizeof(p), "Stats.Months.%zu", m);
		mp_stats_month_format(sm->month, label);
		dash_sets(v, p, "Key", label);
		(void)snprintf(label, sizeof(label), "%s %d",
		    dash_chart_abbr[sm->month % 12], sm->month / 12);
		dash_sets(v, p, "Label", label);
		dash_sets(v, p, "Abbr", dash_chart_abbr[sm->month % 12]);
		if (sm->month % 12 == 0 || m == 0) {
			(void)snprintf(label, sizeof(label), "%d",
			    sm->month / 12);
			dash_sets(v, p, "Year", label);
		}
		set_counts(v, p, &sm->c);
		median_text(sm->take_median, med);
		dash_sets(v, p, "TakeMedian", med);
		median_text(sm->close_median, med);
		dash_sets(v, p, "CloseMedian", med);
		x = CH_LEFT + (long long)m * CH_GROUP;
		dash_seti(v, p, "LX", x + CH_GROUP / 2);
		dash_bar(v, p, "R", x + 3, sm->c.received, max);
		dash_bar(v, p, "T", x + 3 + CH_BAR, sm->c.taken, max);
		dash_bar(v, p, "C", x + 3 + 2 * CH_BAR, sm->c.closed, max);
		dash_bar(v, p, "O", x + 6, sm->c.open, omax);
	}
	set_counts(v, "Stats.Total", &s->total);
	median_text(s->take_median, med);
	dash_sets(v, "Stats.Total", "TakeMedian", med);
	median_text(s->close_median, med);
	dash_sets(v, "Stats.Total", "CloseMedian", med);
	set_items(v, s, MP_SD_TYPE, "Types");
	set_items(v, s, MP_SD_AUDIENCE, "Audiences");
	set_items(v, s, MP_SD_CHANNEL, "Channels");
}

/* Closings per reason: the configured reasons first, then others. */
#define REASONS_MAX	64
struct reasons {
	char		 name[REASONS_MAX][404];
	long long	 n[REASONS_MAX];
	size_t		 len;
};

static void
reason_add(const char *name, long long n, void *arg)
{
	struct reasons	*rs = arg;
	size_t		 i;

	for (i = 0; i < rs->len; i++)
		if (strcmp(rs->name[i], name) == 0) {
			rs->n[i] += n;
			return;
		}
	if (rs->len == REASONS_MAX)
		return;
	(void)snprintf(rs->name[rs->len], sizeof(rs->name[0]), "%s",
	    name[0] != '\0' ? name : "(geen reden)");
	rs->n[rs->len++] = n;
}

/*
 * Stats.Reasons: the reports closed in the range's Dutch months and
 * closed still, per reason (lib/report.c reads them).
 */
static enum mp_err
set_reasons(struct mp_dreq *r, struct mp_view *v,
    const struct dash_range *rg)
{
	struct reasons	*rs;
	char		 a[MP_NLTIME_UTC_LEN], b[MP_NLTIME_UTC_LEN], p[64];
	size_t		 i;
	enum mp_err	 er;

	if ((rs = mp_alloc_calloc(1, sizeof(*rs))) == NULL)
		return MP_ENOMEM;
	for (i = 0; rs->len < REASONS_MAX && mp_confkey_list_entry(
	    r->d->ctx->conf, MP_CK_DASHBOARD_CLOSE_REASONS, i,
	    rs->name[rs->len], sizeof(rs->name[0])); i++)
		rs->len++;
	mp_nltime_month_start(rg->from, a);
	mp_nltime_month_start(rg->to + 1, b);
	er = mp_report_close_reasons(r->d->ctx->db, a, b, reason_add, rs);
	for (i = 0; er == MP_OK && i < rs->len; i++) {
		(void)snprintf(p, sizeof(p), "Stats.Reasons.%zu", i);
		dash_sets(v, p, "Name", rs->name[i]);
		dash_seti(v, p, "N", rs->n[i]);
	}
	free(rs);
	return er == MP_OK ? mp_tmpl_err(v) : er;
}

/*
 * The answers to choice and yes/no questions (issue 17), per question
 * and option: a report that chose several options counts for each.
 */
#define ANSWER_QUESTIONS	40
#define ANSWER_OPTIONS		24

struct answer_counts {
	struct {
		long long	 id;
		char		 label[404];
		char		 opt[ANSWER_OPTIONS][404];
		long long	 n[ANSWER_OPTIONS];
		size_t		 nopt;
	}		 q[ANSWER_QUESTIONS];
	size_t		 nq;
};

static void
answer_count_one(struct answer_counts *ac, size_t k, const char *opt,
    size_t len, long long n)
{
	size_t	 i;

	for (i = 0; i < ac->q[k].nopt; i++)
		if (strlen(ac->q[k].opt[i]) == len &&
		    memcmp(ac->q[k].opt[i], opt, len) == 0) {
			ac->q[k].n[i] += n;
			return;
		}
	if (ac->q[k].nopt == ANSWER_OPTIONS)
		return;
	(void)snprintf(ac->q[k].opt[i], sizeof(ac->q[k].opt[i]), "%.*s",
	    (int)len, opt);
	ac->q[k].n[ac->q[k].nopt++] = n;
}

static void
answer_add(long long question, const char *label, const char *value,
    long long n, void *arg)
{
	struct answer_counts	*ac = arg;
	const char		*e;
	size_t			 k;

	for (k = 0; k < ac->nq && ac->q[k].id != question; k++)
		continue;
	if (k == ac->nq) {
		if (ac->nq == ANSWER_QUESTIONS)
			return;
		ac->q[k].id = question;
		(void)snprintf(ac->q[k].label, sizeof(ac->q[k].label), "%s",
		    label);
		ac->nq++;
	}
	/* Several choices are stored one a line. */
	for (; (e = strchr(value, '\n')) != NULL; value = e + 1)
		answer_count_one(ac, k, value, (size_t)(e - value), n);
	answer_count_one(ac, k, value, strlen(value), n);
}

/* Stats.Answers.N: Label, Options.K.Name and .N. */
static enum mp_err
set_answers(struct mp_dreq *r, struct mp_view *v,
    const struct dash_range *rg)
{
	struct answer_counts	*ac;
	char			 a[MP_NLTIME_UTC_LEN], b[MP_NLTIME_UTC_LEN];
	char			 p[64];
	size_t			 i, k;
	enum mp_err		 er;

	if ((ac = mp_alloc_calloc(1, sizeof(*ac))) == NULL)
		return MP_ENOMEM;
	mp_nltime_month_start(rg->from, a);
	mp_nltime_month_start(rg->to + 1, b);
	er = mp_question_count(r->d->ctx->db, a, b, answer_add, ac);
	for (i = 0; er == MP_OK && i < ac->nq; i++) {
		(void)snprintf(p, sizeof(p), "Stats.Answers.%zu", i);
		dash_sets(v, p, "Label", ac->q[i].label);
		for (k = 0; k < ac->q[i].nopt; k++) {
			(void)snprintf(p, sizeof(p),
			    "Stats.Answers.%zu.Options.%zu", i, k);
			dash_sets(v, p, "Name", ac->q[i].opt[k]);
			dash_seti(v, p, "N", ac->q[i].n[k]);
		}
	}
	free(ac);
	return er == MP_OK ? mp_tmpl_err(v) : er;
}

void
mp_dash_stats(struct mp_dreq *r)
{
	struct dash_range	 rg;
	struct mp_stats	*s = NULL;
	struct mp_view	*v;
	int		 ok;
	enum mp_err	 er;

	ok = dash_chart_range(r, &rg);
	if ((v = dash_view(r, "Statistiek")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	dash_sets(v, "Stats", "From", rg.from_s);
	dash_sets(v, "Stats", "To", rg.to_s);
	if (rg.err_from != NULL)
		dash_sets(v, "Stats.Err", "From", rg.err_from);
	if (rg.err_to != NULL)
		dash_sets(v, "Stats.Err", "To", rg.err_to);
	/* The figures read the database: only for a view still good. */
	if ((er = mp_tmpl_err(v)) == MP_OK && ok &&
	    (er = mp_stats_load(r->d->ctx->db, rg.from, rg.to, &s)) == MP_OK) {
		set_stats(v, s);
		er = set_reasons(r, v, &rg);
		if (er == MP_OK)
			er = set_answers(r, v, &rg);
	}
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
	struct dash_range	 rg;
	struct mp_stats	*s = NULL;
	struct mp_csv	 c;
	char		 period[16], fname[64];
	size_t		 m, d, i;
	enum mp_err	 er;

	if (!dash_chart_range(r, &rg)) {
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
