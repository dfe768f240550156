/*
 * stats.c -- the monthly statistics (see stats.h).  Four small queries
 * on the counters of sql/005_stats.sql: what was still open when the
 * range began, the counters of each month in the range, and the day
 * histograms for the medians, per month and over the range.  Sums and
 * medians are made here, so no query reads a report.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "db.h"
#include "errcode.h"
#include "stats.h"

enum stmt {
	STMT_TYPES,
	STMT_AUDIENCES,
	STMT_BEFORE,
	STMT_RANGE,
	STMT_DAYS,
	STMT_DAYS_ALL,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_TYPES */
	"SELECT id, name FROM signal_type ORDER BY sort, name, id",
	/* STMT_AUDIENCES */
	"SELECT id, name FROM audience ORDER BY sort, name, id",
	/* STMT_BEFORE: open when the range begins. */
	"SELECT signal_type_id, audience_id, channel,"
	" SUM(received - closed + reopened) FROM stats_month"
	" WHERE month < ? GROUP BY signal_type_id, audience_id, channel",
	/* STMT_RANGE */
	"SELECT YEAR(month) * 12 + MONTH(month) - 1, signal_type_id,"
	" audience_id, channel, SUM(received), SUM(taken), SUM(closed),"
	" SUM(reopened) FROM stats_month WHERE month >= ? AND month < ?"
	" GROUP BY month, signal_type_id, audience_id, channel",
	/* STMT_DAYS */
	"SELECT YEAR(month) * 12 + MONTH(month) - 1, measure, days, n"
	" FROM stats_days WHERE month >= ? AND month < ? AND n <> 0"
	" ORDER BY month, measure, days",
	/* STMT_DAYS_ALL */
	"SELECT measure, days, SUM(n) FROM stats_days"
	" WHERE month >= ? AND month < ? GROUP BY measure, days"
	" HAVING SUM(n) <> 0 ORDER BY measure, days",
};

/* STMT_TYPES' and STMT_AUDIENCES' columns. */
enum {
	ITEM_ID,
	ITEM_NAME
};
/* STMT_BEFORE's columns. */
enum {
	BEFORE_TYPE,
	BEFORE_AUDIENCE,
	BEFORE_CHANNEL,
	BEFORE_OPEN
};
/* STMT_RANGE's columns. */
enum {
	RANGE_MONTH,		/* year * 12 + month - 1 */
	RANGE_TYPE,
	RANGE_AUDIENCE,
	RANGE_CHANNEL,
	RANGE_RECEIVED,
	RANGE_TAKEN,
	RANGE_CLOSED,
	RANGE_REOPENED
};
/* STMT_DAYS' columns. */
enum {
	DAYS_MONTH,		/* year * 12 + month - 1 */
	DAYS_MEASURE,
	DAYS_DAYS,
	DAYS_N
};
/* STMT_DAYS_ALL's columns. */
enum {
	DAYS_ALL_MEASURE,
	DAYS_ALL_DAYS,
	DAYS_ALL_N
};

/* The column of each dimension in STMT_BEFORE and in STMT_RANGE. */
static const unsigned before_dim[MP_SD__MAX] = {
	[MP_SD_TYPE] = BEFORE_TYPE,
	[MP_SD_AUDIENCE] = BEFORE_AUDIENCE,
	[MP_SD_CHANNEL] = BEFORE_CHANNEL
};
static const unsigned range_dim[MP_SD__MAX] = {
	[MP_SD_TYPE] = RANGE_TYPE,
	[MP_SD_AUDIENCE] = RANGE_AUDIENCE,
	[MP_SD_CHANNEL] = RANGE_CHANNEL
};

/* The channels of report.channel (sql/001_init.sql). */
static const char *const channels[] = {
	"web", "intranet", "telefoon", "email"
};

static const char *const dimnames[MP_SD__MAX] = {
	"soort", "doelgroep", "kanaal"
};

const char *
mp_stats_dim_name(enum mp_stats_dim d)
{

	return (unsigned)d < MP_SD__MAX ? dimnames[d] : "";
}

int
mp_stats_month_parse(const char *s)
{
	int	 y, m;

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return -1;
	if (strspn(s, "0123456789") != 4 || strspn(s + 5, "0123456789") != 2)
		return -1;
	y = atoi(s);
	m = atoi(s + 5);
	if (y < 2000 || y > 2199 || m < 1 || m > 12)
		return -1;
	return y * 12 + m - 1;
}

void
mp_stats_month_format(int month, char out[16])
{

	(void)snprintf(out, 16, "%04d-%02d", month / 12, month % 12 + 1);
}

/* "YYYY-MM-01" of a month, for the DATE column. */
static void
month_date(int month, char out[11])
{

	(void)snprintf(out, 11, "%04u-%02u-01", (unsigned)(month / 12) % 10000,
	    (unsigned)(month % 12 + 1) % 100);
}

void
mp_stats_free(struct mp_stats *s)
{
	size_t	 d, i;

	if (s == NULL)
		return;
	for (d = 0; d < MP_SD__MAX; d++) {
		for (i = 0; i < s->nitems[d]; i++)
			free(s->items[d][i].months);
		free(s->items[d]);
	}
	free(s->months);
	free(s);
}

/* Read the signal types or audiences as items; channels are fixed. */
static enum mp_err
load_items(struct mp_db *db, struct mp_stats *s, enum mp_stats_dim d)
{
	struct mp_stmt	*st;
	struct mp_stats_item *it;
	size_t		 n = 0, i;
	enum mp_err	 er;

	if ((s->items[d] = mp_alloc_calloc(d == MP_SD_CHANNEL ?
	    MP_NELEM(channels) : MP_STATS_MAX_DIM,
	    sizeof(struct mp_stats_item))) == NULL)
		return MP_ENOMEM;
	if (d == MP_SD_CHANNEL) {
		for (i = 0; i < MP_NELEM(channels); i++)
			(void)snprintf(s->items[d][i].name,
			    sizeof(s->items[d][i].name), "%s", channels[i]);
		n = MP_NELEM(channels);
	} else {
		if ((er = mp_db_query(db, &st, stmts[d == MP_SD_TYPE ?
		    STMT_TYPES : STMT_AUDIENCES], NULL, 0)) != MP_OK)
			return er;
		while ((er = mp_db_next(st)) == MP_OK &&
		    n < MP_STATS_MAX_DIM) {
			it = &s->items[d][n++];
			it->id = mp_db_int(st, ITEM_ID);
			(void)snprintf(it->name, sizeof(it->name), "%s",
			    mp_db_text(st, ITEM_NAME, NULL));
		}
		mp_db_done(st);
		if (er != MP_OK && er != MP_ENOTFOUND)
			return er;
	}
	s->nitems[d] = n;
	for (i = 0; i < n; i++)
		if ((s->items[d][i].months = mp_alloc_calloc(s->nmonths,
		    sizeof(struct mp_stats_counts))) == NULL)
			return MP_ENOMEM;
	return MP_OK;
}

/* The item of a counter row's dimension value; NULL if unknown. */
static struct mp_stats_item *
item(struct mp_stats *s, enum mp_stats_dim d, struct mp_stmt *st,
    unsigned col)
{
	const char	*ch;
	long long	 id;
	size_t		 i;

	if (d == MP_SD_CHANNEL) {
		ch = mp_db_text(st, col, NULL);
		for (i = 0; ch != NULL && i < s->nitems[d]; i++)
			if (strcmp(ch, s->items[d][i].name) == 0)
				return &s->items[d][i];
		return NULL;
	}
	id = mp_db_int(st, col);
	for (i = 0; i < s->nitems[d]; i++)
		if (s->items[d][i].id == id)
			return &s->items[d][i];
	return NULL;
}

/*
 * The median of a histogram given as (days, n) pairs in days order,
 * in tenths of a day: the middle value, or the mean of the two middle
 * values when the count is even (as MariaDB's MEDIAN()).
 */
struct hist {
	long long	 days[4096];
	long long	 n[4096];
	size_t		 len;
	long long	 total;
	int		 over;		/* more distinct values than fit */
};

static void
hist_add(struct hist *h, long long days, long long n)
{

	if (h->len == MP_NELEM(h->days)) {
		h->over = 1;
		return;
	}
	h->days[h->len] = days;
	h->n[h->len++] = n;
	h->total += n;
}

static long long
hist_median(const struct hist *h)
{
	long long	 lo = (h->total - 1) / 2, hi = h->total / 2, seen = 0;
	long long	 a = 0, b = 0;
	size_t		 i;
	int		 have_a = 0;

	if (h->total <= 0 || h->over)
		return MP_STATS_NONE;
	for (i = 0; i < h->len; i++) {
		seen += h->n[i];
		if (!have_a && seen > lo) {
			a = h->days[i];
			have_a = 1;
		}
		if (seen > hi) {
			b = h->days[i];
			break;
		}
	}
	return (a + b) * 5;
}

static enum mp_err
load_counts(struct mp_db *db, struct mp_stats *s, const char *from,
    const char *end)
{
	struct mp_stmt		*st;
	struct mp_dbval		 p[2];
	struct mp_stats_item	*it[MP_SD__MAX];
	struct mp_stats_counts	*c;
	long long		 v[4];
	size_t			 d, m;
	int			 month;
	enum mp_err		 er;

	p[0] = MP_DBTEXT(from);
	if ((er = mp_db_query(db, &st, stmts[STMT_BEFORE], p, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		v[0] = mp_db_int(st, BEFORE_OPEN);
		s->total.open += v[0];
		for (d = 0; d < MP_SD__MAX; d++)
			if ((it[d] = item(s, (enum mp_stats_dim)d, st,
			    before_dim[d])) != NULL)
				it[d]->total.open += v[0];
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		return er;
	p[1] = MP_DBTEXT(end);
	if ((er = mp_db_query(db, &st, stmts[STMT_RANGE], p, 2)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		month = (int)mp_db_int(st, RANGE_MONTH);
		if (month < s->from || month > s->to)
			continue;
		m = (size_t)(month - s->from);
		v[0] = mp_db_int(st, RANGE_RECEIVED);
		v[1] = mp_db_int(st, RANGE_TAKEN);
		v[2] = mp_db_int(st, RANGE_CLOSED);
		v[3] = mp_db_int(st, RANGE_REOPENED);
		for (d = 0; d <= MP_SD__MAX; d++) {
			if (d == MP_SD__MAX)
				c = &s->months[m].c;
			else if ((it[d] = item(s, (enum mp_stats_dim)d, st,
			    range_dim[d])) != NULL)
				c = &it[d]->months[m];
			else
				continue;
			c->received += v[0];
			c->taken += v[1];
			c->closed += v[2];
			c->reopened += v[3];
		}
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* Running sums: the range's totals and the open count at month end. */
static void
sum_up(struct mp_stats_counts *total, struct mp_stats_counts *months,
    size_t n)
{
	size_t	 m;

	for (m = 0; m < n; m++) {
		total->received += months[m].received;
		total->taken += months[m].taken;
		total->closed += months[m].closed;
		total->reopened += months[m].reopened;
		total->open += months[m].received - months[m].closed +
		    months[m].reopened;
		months[m].open = total->open;
	}
}

static enum mp_err
load_medians(struct mp_db *db, struct mp_stats *s, const char *from,
    const char *end)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[2];
	struct hist	*h = NULL;
	const char	*meas;
	int		 month, cur = -1, curm = 0;
	size_t		 k;
	enum mp_err	 er;

	if ((h = mp_alloc_calloc(2, sizeof(*h))) == NULL)
		return MP_ENOMEM;
	p[0] = MP_DBTEXT(from);
	p[1] = MP_DBTEXT(end);
	if ((er = mp_db_query(db, &st, stmts[STMT_DAYS], p, 2)) != MP_OK)
		goto out;
	/* h[0] takings, h[1] closings of the month being read. */
	for (;;) {
		er = mp_db_next(st);
		month = er == MP_OK ? (int)mp_db_int(st, DAYS_MONTH) : -1;
		if (cur >= s->from && cur <= s->to && (er != MP_OK ||
		    month != cur)) {
			k = (size_t)(cur - s->from);
			s->months[k].take_median = hist_median(&h[0]);
			s->months[k].ntake = h[0].total;
			s->months[k].close_median = hist_median(&h[1]);
			s->months[k].nclose = h[1].total;
		}
		if (er != MP_OK)
			break;
		if (month != cur) {
			memset(h, 0, 2 * sizeof(*h));
			cur = month;
		}
		meas = mp_db_text(st, DAYS_MEASURE, NULL);
		curm = meas != NULL && meas[0] == 'c';
		hist_add(&h[curm], mp_db_int(st, DAYS_DAYS),
		    mp_db_int(st, DAYS_N));
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		goto out;
	memset(h, 0, 2 * sizeof(*h));
	if ((er = mp_db_query(db, &st, stmts[STMT_DAYS_ALL], p, 2)) != MP_OK)
		goto out;
	while ((er = mp_db_next(st)) == MP_OK) {
		meas = mp_db_text(st, DAYS_ALL_MEASURE, NULL);
		curm = meas != NULL && meas[0] == 'c';
		hist_add(&h[curm], mp_db_int(st, DAYS_ALL_DAYS),
		    mp_db_int(st, DAYS_ALL_N));
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		goto out;
	er = MP_OK;
	s->take_median = hist_median(&h[0]);
	s->ntake = h[0].total;
	s->close_median = hist_median(&h[1]);
	s->nclose = h[1].total;
out:
	free(h);
	return er;
}

enum mp_err
mp_stats_load(struct mp_db *db, int from, int to, struct mp_stats **out)
{
	struct mp_stats	*s;
	char		 fromd[11], endd[11];
	size_t		 d, i, m;
	enum mp_err	 er = MP_ENOMEM;

	*out = NULL;
	if (from < 0 || to < from || to - from >= MP_STATS_MAX_MONTHS)
		return MP_EINVAL;
	if ((s = mp_alloc_calloc(1, sizeof(*s))) == NULL)
		return MP_ENOMEM;
	s->from = from;
	s->to = to;
	s->nmonths = (size_t)(to - from + 1);
	if ((s->months = mp_alloc_calloc(s->nmonths,
	    sizeof(*s->months))) == NULL)
		goto fail;
	for (m = 0; m < s->nmonths; m++) {
		s->months[m].month = from + (int)m;
		s->months[m].take_median = MP_STATS_NONE;
		s->months[m].close_median = MP_STATS_NONE;
	}
	for (d = 0; d < MP_SD__MAX; d++)
		if ((er = load_items(db, s, (enum mp_stats_dim)d)) != MP_OK)
			goto fail;
	month_date(from, fromd);
	month_date(to + 1, endd);
	if ((er = load_counts(db, s, fromd, endd)) != MP_OK ||
	    (er = load_medians(db, s, fromd, endd)) != MP_OK)
		goto fail;
	for (m = 0; m < s->nmonths; m++)
		sum_up(&s->total, &s->months[m].c, 1);
	for (d = 0; d < MP_SD__MAX; d++)
		for (i = 0; i < s->nitems[d]; i++)
			sum_up(&s->items[d][i].total, s->items[d][i].months,
			    s->nmonths);
	*out = s;
	return MP_OK;
fail:
	mp_stats_free(s);
	return er;
}
