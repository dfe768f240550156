/*
 * stats.h -- the monthly statistics of reports: received, taken into
 * handling, closed, reopened and still open at each month's end, per
 * signal type, audience and channel, with the median days to taking
 * and to closing.  Read from the counters that the triggers of
 * sql/005_stats.sql keep with every change of a report; what each
 * figure counts is written there and in docs/architecture.md.
 *
 * Months are numbered as year * 12 + month - 1 (UTC months).
 */
#ifndef MP_STATS_H
#define MP_STATS_H

#include <stddef.h>

#include "errcode.h"

struct mp_db;

#define MP_STATS_MAX_MONTHS	120	/* ten years in one overview */
#define MP_STATS_MAX_DIM	500	/* signal types or audiences */
#define MP_STATS_NONE		(-1)	/* no median: nothing to count */

enum mp_stats_dim {
	MP_SD_TYPE = 0,
	MP_SD_AUDIENCE,
	MP_SD_CHANNEL,
	MP_SD__MAX
};

struct mp_stats_counts {
	long long	 received, taken, closed, reopened;
	long long	 open;		/* at the end of the month or range */
};

struct mp_stats_month {
	int			 month;	/* year * 12 + month - 1 */
	struct mp_stats_counts	 c;
	long long		 take_median;	/* tenths of days, or NONE */
	long long		 close_median;
	long long		 ntake, nclose;	/* how many the medians span */
};

/* One signal type, audience or channel. */
struct mp_stats_item {
	long long		 id;		/* 0 for a channel */
	char			 name[104];
	struct mp_stats_counts	 total;		/* over the range */
	struct mp_stats_counts	*months;	/* [nmonths] */
};

struct mp_stats {
	int			 from, to;	/* months, inclusive */
	size_t			 nmonths;
	struct mp_stats_month	*months;
	struct mp_stats_counts	 total;
	long long		 take_median, close_median;
	long long		 ntake, nclose;
	struct mp_stats_item	*items[MP_SD__MAX];
	size_t			 nitems[MP_SD__MAX];
};

/*
 * Read the statistics of months from..to (inclusive, at most
 * MP_STATS_MAX_MONTHS) into *out, which the caller frees with
 * mp_stats_free.  Errors: MP_EINVAL (bad range), MP_ENOMEM, database
 * errors.
 */
enum mp_err	 mp_stats_load(struct mp_db *, int from, int to,
		    struct mp_stats **out);
/* NULL-safe. */
void		 mp_stats_free(struct mp_stats *);
/* Parse "YYYY-MM" (2000-01..2199-12) into a month number; -1 if bad. */
int		 mp_stats_month_parse(const char *);
/* "2026-03" into out. */
void		 mp_stats_month_format(int month, char out[16]);
/* Dutch name of a dimension: "soort", "doelgroep", "kanaal". */
const char	*mp_stats_dim_name(enum mp_stats_dim);

#endif
