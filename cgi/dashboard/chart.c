/*
 * chart.c -- what the two statistics pages (stats.c for reports,
 * dossier_stats.c for dossiers) share: the form's range of months,
 * the "prefix.key" setters of the view, a round axis maximum and one
 * bar of a month chart.  The geometry of the plot is here; each page
 * keeps its own group and bar widths.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

const char *const dash_chart_abbr[12] = {
	"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep",
	"okt", "nov", "dec"
};

int
dash_chart_range(struct mp_dreq *r, struct dash_range *rg)
{
	const char	*van = dash_query(r, "van");
	const char	*tot = dash_query(r, "tot");
	int		 cur;

	memset(rg, 0, sizeof(*rg));
	/* Months are Amsterdam's (lib/nltime.h), this one too. */
	cur = mp_nltime_month(r->now);
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
	if (rg->err_from != NULL || rg->err_to != NULL)
		return 0;
	mp_stats_month_format(rg->from, rg->from_s);
	mp_stats_month_format(rg->to, rg->to_s);
	return 1;
}

void
dash_seti(struct mp_view *v, const char *prefix, const char *suffix,
    long long value)
{
	char	 key[128];

	(void)snprintf(key, sizeof(key), "%s.%s", prefix, suffix);
	(void)mp_tmpl_set_int(v, key, value);
}

void
dash_sets(struct mp_view *v, const char *prefix, const char *suffix,
    const char *value)
{
	char	 key[128];

	(void)snprintf(key, sizeof(key), "%s.%s", prefix, suffix);
	(void)mp_tmpl_set(v, key, value);
}

long long
dash_chart_max(long long max)
{
	long long	 p = 1;

	if (max < 1)
		max = 1;
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

void
dash_bar(struct mp_view *v, const char *prefix, const char *name,
    long long x, long long value, long long max)
{
	char		 p[96];
	long long	 h = max > 0 && value > 0 ?
			    value * DASH_CHART_PLOT / max : 0;

	if (value > 0 && h == 0)
		h = 1;		/* a count above 0 stays visible */
	if (name != NULL) {
		(void)snprintf(p, sizeof(p), "%s.%s", prefix, name);
		prefix = p;
	}
	dash_seti(v, prefix, "X", x);
	dash_seti(v, prefix, "Y", DASH_CHART_TOP + DASH_CHART_PLOT - h);
	dash_seti(v, prefix, "H", h);
}
