/*
 * dossier_stats.c -- the dossiers' statistics for coordinators
 * (issue 14), /dossiers/statistiek: dossiers opened and closed per
 * month and theme, tasks per type, results per outcome, as tables and
 * bar charts in inline SVG (no script), and the same figures as CSV.
 * The counts are lib/dossierstat.c's (what each counts is written
 * there); the range works as on the reports' statistics page: months
 * "van" and "tot" as YYYY-MM, the last twelve by default, Amsterdam months.
 * The configured themes, task types and outcomes always have a row,
 * so a zero is seen; others found in the data follow them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define NAMES_MAX	64	/* themes, types or outcomes shown */
#define NAME_SZ		(MP_DOSSIER_ENTRY_MAX * 4 + 1)

/* Chart geometry, in SVG user units, as stats.c draws. */
#define CH_LEFT		48
#define CH_TOP		DASH_CHART_TOP
#define CH_PLOT		DASH_CHART_PLOT
#define CH_BOTTOM	40
#define CH_GROUP	36
#define CH_BAR		12
#define HB_LABEL	230
#define HB_PLOT		300
#define HB_ROW		24

/* Named counts: a, b over the range; per month for themes. */
struct names {
	size_t		 n;
	char		 name[NAMES_MAX][NAME_SZ];
	long long	 a[NAMES_MAX], b[NAMES_MAX];
	long long	 ma[NAMES_MAX][MP_STATS_MAX_MONTHS];
	long long	 mb[NAMES_MAX][MP_STATS_MAX_MONTHS];
};

struct dst {
	int		 from, to;
	size_t		 nmonths;
	long long	 opened[MP_STATS_MAX_MONTHS];
	long long	 closed[MP_STATS_MAX_MONTHS];
	long long	 topened, tclosed;
	struct names	 themes, types, outcomes;
	int		 cut;	/* a name past NAMES_MAX was left out */
};

/* The slot of name in x, added when new; -1 when x is full. */
static int
slot(struct dst *s, struct names *x, const char *name)
{
	size_t	 i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->name[i], name) == 0)
			return (int)i;
	if (x->n == NAMES_MAX) {
		s->cut = 1;
		return -1;
	}
	(void)snprintf(x->name[x->n], NAME_SZ, "%s", name);
	return (int)x->n++;
}

static void
count(enum mp_dossierstat_part part, int month, const char *name,
    long long n, long long m, void *arg)
{
	struct dst	*s = arg;
	int		 i, k = month - s->from;

	switch (part) {
	case MP_DSP_OPENED:
	case MP_DSP_CLOSED:
		if (k < 0 || (size_t)k >= s->nmonths ||
		    (i = slot(s, &s->themes, name)) < 0)
			return;
		if (part == MP_DSP_OPENED) {
			s->opened[k] += n;
			s->topened += n;
			s->themes.a[i] += n;
			s->themes.ma[i][k] += n;
		} else {
			s->closed[k] += n;
			s->tclosed += n;
			s->themes.b[i] += n;
			s->themes.mb[i][k] += n;
		}
		break;
	case MP_DSP_TASKS:
		if ((i = slot(s, &s->types, name)) >= 0) {
			s->types.a[i] += n;
			s->types.b[i] += m;
		}
		break;
	case MP_DSP_OUTCOME_DOSSIER:
	case MP_DSP_OUTCOME_TASK:
		if ((i = slot(s, &s->outcomes, name)) >= 0) {
			if (part == MP_DSP_OUTCOME_DOSSIER)
				s->outcomes.a[i] += n;
			else
				s->outcomes.b[i] += n;
		}
		break;
	}
}

/* The configured names first, then count everything. */
static enum mp_err
load(struct mp_dreq *r, const struct dash_range *rg, struct dst **out)
{
	static const enum mp_dossier_list lists[3] = {
		MP_DOSSIER_THEMES, MP_DOSSIER_TASK_TYPES, MP_DOSSIER_OUTCOMES
	};
	struct dst	*s;
	struct names	*x;
	char		 e[NAME_SZ];
	size_t		 l, i;
	enum mp_err	 er;

	if ((s = calloc(1, sizeof(*s))) == NULL)
		return MP_ENOMEM;
	s->from = rg->from;
	s->to = rg->to;
	s->nmonths = (size_t)(rg->to - rg->from + 1);
	for (l = 0; l < 3; l++) {
		x = l == 0 ? &s->themes : l == 1 ? &s->types : &s->outcomes;
		for (i = 0; mp_dossier_list_entry(r->d->ctx->conf, lists[l],
		    i, e, sizeof(e)); i++)
			(void)slot(s, x, e);
	}
	if ((er = mp_dossierstat_each(r->d->ctx->db, rg->from, rg->to, count,
	    s)) != MP_OK) {
		free(s);
		return er;
	}
	*out = s;
	return MP_OK;
}

/* ------------------------------------------------------------------ */
/* The page.                                                           */

/* Rows of x under what, with a bar of a + b on one scale. */
static void
set_names(struct mp_view *v, const struct names *x, const char *what)
{
	char		 p[64];
	long long	 max = 0, w;
	size_t		 i;

	for (i = 0; i < x->n; i++)
		if (x->a[i] + x->b[i] > max)
			max = x->a[i] + x->b[i];
	max = dash_chart_max(max);
	(void)snprintf(p, sizeof(p), "DS.%s", what);
	dash_seti(v, p, "Max", max);
	dash_seti(v, p, "H", (long long)x->n * HB_ROW + 8);
	for (i = 0; i < x->n; i++) {
		(void)snprintf(p, sizeof(p), "DS.%s.Rows.%zu", what, i);
		dash_sets(v, p, "Name", x->name[i][0] != '\0' ? x->name[i] :
		    "(geen)");
		dash_seti(v, p, "A", x->a[i]);
		dash_seti(v, p, "B", x->b[i]);
		dash_seti(v, p, "Sum", x->a[i] + x->b[i]);
		w = (x->a[i] + x->b[i]) * HB_PLOT / max;
		if (x->a[i] + x->b[i] > 0 && w == 0)
			w = 1;
		dash_seti(v, p, "Y", (long long)i * HB_ROW + 4);
		dash_seti(v, p, "TY", (long long)i * HB_ROW + 19);
		dash_seti(v, p, "W", w);
		dash_seti(v, p, "TX", HB_LABEL + w + 6);
	}
}

static void
set_months(struct mp_view *v, const struct dst *s)
{
	char		 p[64], label[16];
	long long	 max = 0, x;
	size_t		 m, i, n = 0;

	for (m = 0; m < s->nmonths; m++) {
		if (s->opened[m] > max)
			max = s->opened[m];
		if (s->closed[m] > max)
			max = s->closed[m];
	}
	max = dash_chart_max(max);
	dash_seti(v, "DS", "Max", max);
	dash_seti(v, "DS", "HalfMax", max / 2);
	dash_seti(v, "DS.Chart", "W", CH_LEFT +
	    (long long)s->nmonths * CH_GROUP + 8);
	dash_seti(v, "DS.Chart", "H", CH_TOP + CH_PLOT + CH_BOTTOM);
	dash_seti(v, "DS.Chart", "Left", CH_LEFT);
	dash_seti(v, "DS.Chart", "Right", CH_LEFT + (long long)s->nmonths *
	    CH_GROUP);
	dash_seti(v, "DS.Chart", "Top", CH_TOP);
	dash_seti(v, "DS.Chart", "Mid", CH_TOP + CH_PLOT / 2);
	dash_seti(v, "DS.Chart", "Base", CH_TOP + CH_PLOT);
	dash_seti(v, "DS.Chart", "LabelY", CH_TOP + CH_PLOT + 16);
	dash_seti(v, "DS.Chart", "YearY", CH_TOP + CH_PLOT + 30);
	dash_seti(v, "DS.Chart", "HbLabel", HB_LABEL);
	dash_seti(v, "DS.Chart", "HbW", HB_LABEL + HB_PLOT + 60);
	for (m = 0; m < s->nmonths; m++) {
		int	 mon = s->from + (int)m;

		(void)snprintf(p, sizeof(p), "DS.Months.%zu", m);
		mp_stats_month_format(mon, label);
		dash_sets(v, p, "Key", label);
		(void)snprintf(label, sizeof(label), "%s %d",
		    dash_chart_abbr[mon % 12], mon / 12);
		dash_sets(v, p, "Label", label);
		dash_sets(v, p, "Abbr", dash_chart_abbr[mon % 12]);
		if (mon % 12 == 0 || m == 0) {
			(void)snprintf(label, sizeof(label), "%d", mon / 12);
			dash_sets(v, p, "Year", label);
		}
		dash_seti(v, p, "Opened", s->opened[m]);
		dash_seti(v, p, "Closed", s->closed[m]);
		x = CH_LEFT + (long long)m * CH_GROUP;
		dash_seti(v, p, "LX", x + CH_GROUP / 2);
		(void)snprintf(p, sizeof(p), "DS.Months.%zu.O", m);
		dash_bar(v, p, NULL, x + 5, s->opened[m], max);
		(void)snprintf(p, sizeof(p), "DS.Months.%zu.C", m);
		dash_bar(v, p, NULL, x + 5 + CH_BAR, s->closed[m], max);
		/* Month and theme: the cells that are not 0. */
		for (i = 0; i < s->themes.n; i++) {
			if (s->themes.ma[i][m] == 0 &&
			    s->themes.mb[i][m] == 0)
				continue;
			(void)snprintf(p, sizeof(p), "DS.Cells.%zu", n++);
			mp_stats_month_format(mon, label);
			dash_sets(v, p, "Month", label);
			dash_sets(v, p, "Theme", s->themes.name[i]);
			dash_seti(v, p, "Opened", s->themes.ma[i][m]);
			dash_seti(v, p, "Closed", s->themes.mb[i][m]);
		}
	}
	dash_seti(v, "DS.Total", "Opened", s->topened);
	dash_seti(v, "DS.Total", "Closed", s->tclosed);
}

void
mp_dash_dossier_stats(struct mp_dreq *r)
{
	struct dash_range	 rg;
	struct dst	*s = NULL;
	struct mp_view	*v;
	int		 ok;
	enum mp_err	 er;

	ok = dash_chart_range(r, &rg);
	if ((v = dash_view(r, "Statistiek dossiers")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	dash_sets(v, "DS", "From", rg.from_s);
	dash_sets(v, "DS", "To", rg.to_s);
	if (rg.err_from != NULL)
		dash_sets(v, "DS.Err", "From", rg.err_from);
	if (rg.err_to != NULL)
		dash_sets(v, "DS.Err", "To", rg.err_to);
	if ((er = mp_tmpl_err(v)) == MP_OK && ok &&
	    (er = load(r, &rg, &s)) == MP_OK) {
		set_months(v, s);
		set_names(v, &s->themes, "Themes");
		set_names(v, &s->types, "Types");
		set_names(v, &s->outcomes, "Outcomes");
		dash_seti(v, "DS", "Cut", s->cut);
	}
	free(s);
	dash_finish(r, er, ok ? 200 : 400, v, "dashboard/dossier-stats.cs");
}

/* ------------------------------------------------------------------ */
/* The CSV.                                                            */

static const char *const csv_header[] = {
	"indeling", "periode", "naam", "dossiers geopend",
	"dossiers afgesloten", "taken aangemaakt", "taken afgerond",
	"dossiers met dit resultaat", "taken met dit resultaat"
};

/* One row: the counts at their columns (3..8), -1 for empty. */
static void
csv_row(struct mp_csv *c, const char *dim, const char *period,
    const char *name, const long long n[6])
{
	size_t	 i;

	(void)mp_csv_field(c, dim);
	(void)mp_csv_field(c, period);
	(void)mp_csv_field(c, name);
	for (i = 0; i < 6; i++)
		if (n[i] < 0)
			(void)mp_csv_field(c, NULL);
		else
			(void)mp_csv_int(c, n[i]);
	(void)mp_csv_endrow(c);
}

/*
 * The page's tables in rows: per month ("totaal"), per month and
 * theme (the cells not 0), per theme over the range, per task type,
 * per outcome.
 */
static void
csv_write(struct mp_csv *c, const struct dst *s)
{
	char		 period[16];
	long long	 n[6];
	size_t		 m, i;

	for (i = 0; i < MP_NELEM(csv_header); i++)
		(void)mp_csv_field(c, csv_header[i]);
	(void)mp_csv_endrow(c);
	for (m = 0; m < s->nmonths; m++) {
		mp_stats_month_format(s->from + (int)m, period);
		n[0] = s->opened[m];
		n[1] = s->closed[m];
		n[2] = n[3] = n[4] = n[5] = -1;
		csv_row(c, "maand", period, "", n);
		for (i = 0; i < s->themes.n; i++) {
			if (s->themes.ma[i][m] == 0 &&
			    s->themes.mb[i][m] == 0)
				continue;
			n[0] = s->themes.ma[i][m];
			n[1] = s->themes.mb[i][m];
			csv_row(c, "maand en thema", period,
			    s->themes.name[i], n);
		}
	}
	n[0] = s->topened;
	n[1] = s->tclosed;
	csv_row(c, "maand", "totaal", "", n);
	for (i = 0; i < s->themes.n; i++) {
		n[0] = s->themes.a[i];
		n[1] = s->themes.b[i];
		csv_row(c, "thema", "totaal", s->themes.name[i], n);
	}
	for (i = 0; i < s->types.n; i++) {
		n[0] = n[1] = n[4] = n[5] = -1;
		n[2] = s->types.a[i];
		n[3] = s->types.b[i];
		csv_row(c, "taaktype", "totaal", s->types.name[i][0] != '\0' ?
		    s->types.name[i] : "(geen)", n);
	}
	for (i = 0; i < s->outcomes.n; i++) {
		n[0] = n[1] = n[2] = n[3] = -1;
		n[4] = s->outcomes.a[i];
		n[5] = s->outcomes.b[i];
		csv_row(c, "resultaat", "totaal", s->outcomes.name[i][0] !=
		    '\0' ? s->outcomes.name[i] : "(geen)", n);
	}
}

void
mp_dash_dossier_stats_csv(struct mp_dreq *r)
{
	struct dash_range	 rg;
	struct dst	*s = NULL;
	struct mp_csv	 c;
	char		 fname[64], detail[64];
	enum mp_err	 er;

	if (!dash_chart_range(r, &rg)) {
		dash_error(r, 400, rg.err_from != NULL ? rg.err_from :
		    rg.err_to);
		return;
	}
	(void)snprintf(detail, sizeof(detail), "dossierstatistiek %s tot %s",
	    rg.from_s, rg.to_s);
	/* An export that cannot be audited does not run. */
	if (mp_audit(r->d->ctx->db, r->user.id, r->user.username,
	    "export csv dossierstatistiek", "", 0, r->client, detail) !=
	    MP_OK) {
		dash_error(r, 503, NULL);
		return;
	}
	if ((er = load(r, &rg, &s)) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	(void)snprintf(fname, sizeof(fname), "dossierstatistiek-%s-%s.csv",
	    rg.from_s, rg.to_s);
	if (dash_csv_begin(r, &c, fname) == MP_OK &&
	    strcmp(r->req->method, "HEAD") != 0) {
		csv_write(&c, s);
		if (mp_csv_flush(&c) != MP_OK)
			mp_warnx("%s: the CSV was cut off", __func__);
	}
	free(s);
}
