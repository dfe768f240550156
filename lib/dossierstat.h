/*
 * dossierstat.h -- the statistics of dossiers (issue 14): dossiers
 * opened and closed per month and theme, tasks per type (created and
 * done), and results per outcome (dossiers closed with it, tasks done
 * with it), over a range of months.  Months are UTC months, numbered
 * as lib/stats.h numbers them (year * 12 + month - 1), as the reports'
 * statistics count.
 *
 * What counts (docs/architecture.md, "Dossiers"):
 *  - opened: dossiers created in the month;
 *  - closed: dossiers now closed ("afgesloten") whose closing moment
 *    (closed_at) is in the month; a reopened dossier counts again only
 *    once it is closed again, in the month of its last closing;
 *  - tasks per type: journal tasks created in the range, and how many
 *    of those are done now;
 *  - results: the outcomes of the dossiers counted as closed, and of
 *    the tasks done (status "done") whose last change (updated_at, or
 *    their creation when never changed) is in the range.
 */
#ifndef MP_DOSSIERSTAT_H
#define MP_DOSSIERSTAT_H

#include "errcode.h"

struct mp_db;

enum mp_dossierstat_part {
	MP_DSP_OPENED,		/* month, theme, n */
	MP_DSP_CLOSED,		/* month, theme, n */
	MP_DSP_TASKS,		/* type, n created, m done */
	MP_DSP_OUTCOME_DOSSIER,	/* outcome, n */
	MP_DSP_OUTCOME_TASK	/* outcome, n */
};

/*
 * Call fn once per counted group of months from..to (inclusive, at
 * most MP_STATS_MAX_MONTHS): month is the group's month for
 * MP_DSP_OPENED and MP_DSP_CLOSED, -1 otherwise; name the theme, task
 * type or outcome ("" for none); n and m the counts (m 0 where the
 * part has one).  MP_EINVAL for a bad range.
 */
typedef void	(*mp_dossierstat_fn)(enum mp_dossierstat_part, int month,
		    const char *name, long long n, long long m, void *arg);
enum mp_err	 mp_dossierstat_each(struct mp_db *, int from, int to,
		    mp_dossierstat_fn fn, void *arg);

#endif /* MP_DOSSIERSTAT_H */
