/*
 * dossierstat.c -- the dossiers' statistics: five grouped counts over
 * the dossier and dossier_journal tables (see dossierstat.h for what
 * each counts).  Each statement reads a range of an index:
 * dossier_created, dossier_closed and dossier_journal_type, from the
 * UTC instant the first local month begins to that of the month after
 * the last; months are Amsterdam's (lib/nltime.h; nl_month() of
 * sql/043 in the statements).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "dossierstat.h"
#include "nltime.h"
#include "stats.h"

enum stmt {
	STMT_OPENED,
	STMT_CLOSED,
	STMT_TASKS,
	STMT_OUTCOME_DOSSIER,
	STMT_OUTCOME_TASK,
	STMT__MAX
};

/* Every statement takes the range's start and end (exclusive). */
static const char *const stmts[STMT__MAX] = {
	/* STMT_OPENED */
	"SELECT YEAR(nl_month(created_at)) * 12"
	" + MONTH(nl_month(created_at)) - 1, theme,"
	" COUNT(*), 0 FROM dossier WHERE created_at >= ? AND created_at < ?"
	" GROUP BY 1, 2",
	/* STMT_CLOSED */
	"SELECT YEAR(nl_month(closed_at)) * 12"
	" + MONTH(nl_month(closed_at)) - 1, theme,"
	" COUNT(*), 0 FROM dossier WHERE closed_at >= ? AND closed_at < ?"
	" AND status = 'afgesloten' GROUP BY 1, 2",
	/* STMT_TASKS */
	"SELECT -1, COALESCE(task_type, ''), COUNT(*),"
	" SUM(task_status = 'done') FROM dossier_journal"
	" WHERE kind = 'task' AND created_at >= ? AND created_at < ?"
	" GROUP BY 2",
	/* STMT_OUTCOME_DOSSIER */
	"SELECT -1, COALESCE(outcome, ''), COUNT(*), 0 FROM dossier"
	" WHERE closed_at >= ? AND closed_at < ? AND status = 'afgesloten'"
	" GROUP BY 2",
	/* STMT_OUTCOME_TASK */
	"SELECT -1, COALESCE(outcome, ''), COUNT(*), 0 FROM dossier_journal"
	" WHERE kind = 'task' AND task_status = 'done'"
	" AND COALESCE(updated_at, created_at) >= ?"
	" AND COALESCE(updated_at, created_at) < ? GROUP BY 2",
};

/* Every statement's columns. */
enum col { C_MONTH, C_NAME, C_N, C_M };

static const enum mp_dossierstat_part parts[STMT__MAX] = {
	MP_DSP_OPENED, MP_DSP_CLOSED, MP_DSP_TASKS, MP_DSP_OUTCOME_DOSSIER,
	MP_DSP_OUTCOME_TASK
};

enum mp_err
mp_dossierstat_each(struct mp_db *db, int from, int to,
    mp_dossierstat_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2];
	char		 a[MP_NLTIME_UTC_LEN], b[MP_NLTIME_UTC_LEN];
	const char	*name;
	size_t		 i;
	enum mp_err	 er;

	if (from < 2000 * 12 || to < from || to - from >= MP_STATS_MAX_MONTHS)
		return MP_EINVAL;
	mp_nltime_month_start(from, a);
	mp_nltime_month_start(to + 1, b);
	v[0] = MP_DBTEXT(a);
	v[1] = MP_DBTEXT(b);
	for (i = 0; i < STMT__MAX; i++) {
		if ((er = mp_db_query(db, &st, stmts[i], v, 2)) != MP_OK)
			return er;
		while ((er = mp_db_next(st)) == MP_OK) {
			name = mp_db_text(st, C_NAME, NULL);
			fn(parts[i], (int)mp_db_int(st, C_MONTH),
			    name != NULL ? name : "", mp_db_int(st, C_N),
			    mp_db_int(st, C_M), arg);
		}
		mp_db_done(st);
		if (er != MP_ENOTFOUND)
			return er;
	}
	return MP_OK;
}
