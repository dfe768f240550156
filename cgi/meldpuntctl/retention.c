/*
 * retention.c -- meldpuntctl retention: apply the retention terms of
 * the privacy protocol (issue 15, lib/retention.h).  "plan" prints
 * what a run would erase now, per kind and signal type, with the
 * reports held in open dossiers and the earliest next due date, and
 * changes nothing; "run" erases in batches of retention.batch, each
 * its own transaction with one audit entry.  A run that is
 * interrupted loses at most its open batch, which rolls back whole;
 * two runs at once take different rows (FOR UPDATE SKIP LOCKED); a
 * second run finds nothing more.  Output has counts and references,
 * never content.  Runs as the administrative account: erasure deletes
 * from tables (message, event's text, subject) that no program's
 * account may change (docs/architecture.md, "Retention").
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "ctl.h"

#define TYPES_MAX	1000
/*
 * A transaction mark not written for a day is a program's that ended:
 * a mark is read only seconds after its commit.
 */
#define MARK_AGE	(24L * 60 * 60)

struct type {
	long long			 id;
	char				 slug[64];
	struct mp_retention_terms	 t;
};

struct types {
	struct type	 v[TYPES_MAX];
	size_t		 n;
	struct ctl	*c;
};

static enum mp_err
type_add(long long id, const char *slug, void *arg)
{
	struct types	*ts = arg;
	struct type	*t;

	if (ts->n == TYPES_MAX)
		return MP_ETOOBIG;
	t = &ts->v[ts->n++];
	t->id = id;
	(void)snprintf(t->slug, sizeof(t->slug), "%s",
	    slug != NULL ? slug : "");
	mp_retention_terms(ts->c->conf, t->slug, &t->t);
	return MP_OK;
}

static void
date_of(time_t t, char *buf, size_t sz)
{
	char	 ts[MP_RETENTION_TS];

	if (t <= 0) {
		(void)snprintf(buf, sz, "-");
		return;
	}
	mp_retention_ts(t, ts);
	(void)snprintf(buf, sz, "%.10s", ts);
}

/* One line of plan; adds to the totals. */
static void
plan_line(enum mp_retention_kind k, const char *slug, int months,
    const struct mp_retention_count *n, long long *due, long long *held,
    time_t *next)
{
	char	 d[16];

	date_of(n->next, d, sizeof(d));
	printf("%-9s %-24s %4d months  due %7lld  held %5lld  next %s\n",
	    mp_retention_kind_name(k), slug, months, n->due, n->held, d);
	due[k] += n->due;
	*held += n->held;
	if (n->next > 0 && (*next == 0 || n->next < *next))
		*next = n->next;
}

static int
cmd_plan(struct ctl *c, struct types *ts, time_t now)
{
	struct mp_retention_count	 n;
	struct mp_retention_terms	 dt;
	long long			 due[MP_RETENTION__MAX] = { 0 };
	long long			 held = 0;
	time_t				 next = 0;
	char				 d[16];
	size_t				 i;
	enum mp_err			 er;

	for (i = 0; i < ts->n; i++) {
		if ((er = mp_retention_count(c->db, c->conf,
		    MP_RETENTION_IDENTITY, ts->v[i].id, &ts->v[i].t, now,
		    &n)) != MP_OK)
			return ctl_dberr(c, er);
		plan_line(MP_RETENTION_IDENTITY, ts->v[i].slug,
		    ts->v[i].t.identity, &n, due, &held, &next);
		if ((er = mp_retention_count(c->db, c->conf,
		    MP_RETENTION_CONTENT, ts->v[i].id, &ts->v[i].t, now,
		    &n)) != MP_OK)
			return ctl_dberr(c, er);
		plan_line(MP_RETENTION_CONTENT, ts->v[i].slug,
		    ts->v[i].t.content, &n, due, &held, &next);
	}
	memset(&dt, 0, sizeof(dt));
	dt.identity = dt.unfounded = dt.content =
	    mp_retention_dossier_months(c->conf);
	if ((er = mp_retention_count(c->db, c->conf, MP_RETENTION_DOSSIER,
	    0, &dt, now, &n)) != MP_OK)
		return ctl_dberr(c, er);
	plan_line(MP_RETENTION_DOSSIER, "-", dt.content, &n, due, &held,
	    &next);
	date_of(next, d, sizeof(d));
	printf("total: identity %lld content %lld dossier %lld held %lld"
	    " next %s\n", due[MP_RETENTION_IDENTITY],
	    due[MP_RETENTION_CONTENT], due[MP_RETENTION_DOSSIER], held, d);
	return 0;
}

/* Every batch of kind for one type (dossiers: type NULL). */
static int
run_kind(struct ctl *c, enum mp_retention_kind k, const struct type *ty,
    const struct mp_retention_terms *t, time_t now, int limit,
    long long *items, long long *ids, long long *batches)
{
	struct mp_retention_batch	*b;
	struct timespec			 pause;
	enum mp_err			 er;
	long long			 ms;
	int				 rc = 0;

	ms = mp_confkey_int(c->conf, MP_CK_RETENTION_PAUSE_MS);
	pause.tv_sec = (time_t)(ms / 1000);
	pause.tv_nsec = (long)(ms % 1000) * 1000000L;
	if ((b = malloc(sizeof(*b))) == NULL) {
		ctl_warnx("out of memory");
		return 1;
	}
	for (;;) {
		er = mp_retention_erase(c->db, c->conf, k,
		    ty != NULL ? ty->id : 0, t, now, limit, b);
		if (er != MP_OK) {
			rc = ctl_dberr(c, er);
			break;
		}
		if (b->n == 0)
			break;
		items[k] += b->n;
		*ids += b->identities;
		(*batches)++;
		if (c->verbose)
			printf("batch %lld: %s %lld\n", b->batch_id,
			    mp_retention_kind_name(k), b->n);
		if (b->n < limit)
			break;
		if (pause.tv_sec > 0 || pause.tv_nsec > 0)
			(void)nanosleep(&pause, NULL);
	}
	free(b);
	return rc;
}

static int
cmd_run(struct ctl *c, struct types *ts, time_t now)
{
	struct mp_retention_terms	 dt;
	long long			 items[MP_RETENTION__MAX] = { 0 };
	long long			 ids = 0, batches = 0;
	size_t				 i;
	int				 limit;
	enum mp_err			 er;

	limit = (int)mp_confkey_int(c->conf, MP_CK_RETENTION_BATCH);
	/* Content first: it takes the identity with it. */
	for (i = 0; i < ts->n; i++)
		if (run_kind(c, MP_RETENTION_CONTENT, &ts->v[i], &ts->v[i].t,
		    now, limit, items, &ids, &batches) != 0 ||
		    run_kind(c, MP_RETENTION_IDENTITY, &ts->v[i],
		    &ts->v[i].t, now, limit, items, &ids, &batches) != 0)
			return 1;
	memset(&dt, 0, sizeof(dt));
	dt.identity = dt.unfounded = dt.content =
	    mp_retention_dossier_months(c->conf);
	if (run_kind(c, MP_RETENTION_DOSSIER, NULL, &dt, now, limit, items,
	    &ids, &batches) != 0)
		return 1;
	/* Housekeeping: the marks of programs that ended (lib/db.h). */
	if ((er = mp_db_marks_purge(c->db, MARK_AGE, NULL)) != MP_OK)
		return ctl_dberr(c, er);
	printf("erased: identity %lld content %lld dossier %lld"
	    " in %lld batches\n", ids, items[MP_RETENTION_CONTENT],
	    items[MP_RETENTION_DOSSIER], batches);
	return 0;
}

int
cmd_retention(struct ctl *c, int argc, char **argv)
{
	struct types	*ts;
	enum mp_err	 er;
	time_t		 now;
	char		 pat[512];
	int		 rc;

	if (argc != 2 || (strcmp(argv[1], "plan") != 0 &&
	    strcmp(argv[1], "run") != 0)) {
		ctl_warnx("usage: retention plan | run");
		return 2;
	}
	if (mp_retention_reason_pattern(mp_confkey_str(c->conf,
	    MP_CK_RETENTION_UNFOUNDED_REASONS), pat, sizeof(pat)) != 0) {
		ctl_warnx("retention.unfounded_reasons: words of letters,"
		    " digits, spaces and hyphens, comma-separated");
		return 1;
	}
	if ((ts = calloc(1, sizeof(*ts))) == NULL) {
		ctl_warnx("out of memory");
		return 1;
	}
	ts->c = c;
	now = time(NULL);
	if ((er = mp_retention_types(c->db, type_add, ts)) != MP_OK)
		rc = ctl_dberr(c, er);
	else if (strcmp(argv[1], "plan") == 0)
		rc = cmd_plan(c, ts, now);
	else
		rc = cmd_run(c, ts, now);
	free(ts);
	return rc;
}
