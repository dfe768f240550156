/*
 * subjects.c -- meldpuntctl subjects: index the subjects of stored
 * reports (issue 13).  The intake indexes every report it stores; one
 * whose indexing failed, or that was stored before sql/029, or loaded
 * by `seed`, has report.subjects_at NULL, and "rebuild" indexes it.
 *
 * Bounded batches in id order, each in its own transaction: an
 * interrupted run loses at most one batch's work, and the next run
 * goes on where it stopped (the reports done are marked).  Indexing is
 * idempotent, so two runs at once, or a run beside the intake, only do
 * some work twice.  The output has counts and ids only, never a
 * subject: subjects are personal data.
 */
#include "config.h"

#include <sys/wait.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "meldpunt.h"
#include "ctl.h"

#define BATCH_DEFAULT	200
#define BATCH_MAX	2000
#define JOBS_MAX	16

/* One batch: the reports read, with their subjects found. */
struct batch {
	long long		*id;
	struct mp_subject_set	*set;
	size_t			 n, cap;
	size_t			 max;		/* subjects per report */
	enum mp_err		 er;		/* of mp_subject_collect */
};

/* The totals of a run. */
struct totals {
	long long	 reports, links, cut, failed, after;
};

static void
batch_clear(struct batch *b)
{
	size_t	 i;

	for (i = 0; i < b->n; i++)
		mp_subject_set_free(&b->set[i]);
	b->n = 0;
}

/* mp_report_subjects_todo's callback: find, store nothing yet. */
static enum mp_err
batch_add(long long id, const struct mp_subject_fields *f, void *arg)
{
	struct batch	*b = arg;
	enum mp_err	 er;

	if (b->n == b->cap)
		return MP_ETOOBIG;
	if ((er = mp_subject_collect(&b->set[b->n], f, b->max)) != MP_OK) {
		mp_subject_set_free(&b->set[b->n]);
		return er;
	}
	b->id[b->n++] = id;
	return MP_OK;
}

/* Store report i of b and mark it. */
static enum mp_err
store_one(struct mp_db *db, const struct batch *b, size_t i)
{
	enum mp_err	 er;

	if ((er = mp_subject_store_set(db, b->id[i], &b->set[i], 0)) !=
	    MP_OK)
		return er;
	return mp_report_subjects_done(db, b->id[i], b->set[i].cutoff, 0);
}

/*
 * The whole batch in three statements (subjects, links, marks): one
 * a subject and a report cost the round trips and the planning of
 * about six million statements for a million reports, a fifth of the
 * server's time (bench/README.md, Subjects rebuild).
 */
static enum mp_err
batch_txn(struct mp_db *db, void *arg)
{
	const struct batch	*b = arg;
	int			 cut[BATCH_MAX];
	size_t			 i;
	enum mp_err		 er;

	for (i = 0; i < b->n; i++)
		cut[i] = b->set[i].cutoff;
	if ((er = mp_subject_store_batch(db, b->id, b->set, b->n)) != MP_OK)
		return er;
	return mp_report_subjects_done_batch(db, b->id, cut, b->n);
}

/* One report of a batch that failed as a whole, on its own. */
struct one {
	const struct batch	*b;
	size_t			 i;
};

static enum mp_err
one_txn(struct mp_db *db, void *arg)
{
	const struct one	*o = arg;

	return store_one(db, o->b, o->i);
}

/* Add b's counts to t; failed[i] for reports not stored. */
static void
count(struct totals *t, const struct batch *b, const int *failed)
{
	size_t	 i;

	for (i = 0; i < b->n; i++) {
		if (failed != NULL && failed[i]) {
			t->failed++;
			continue;
		}
		t->reports++;
		t->links += (long long)b->set[i].n;
		t->cut += b->set[i].cutoff;
	}
	if (b->n > 0)
		t->after = b->id[b->n - 1];
}

/*
 * Store b in one transaction; when that fails for another reason than
 * the database being down, report by report, so that one bad report
 * (deleted meanwhile, say) does not hold up the rest.
 */
static enum mp_err
batch_store(struct ctl *c, const struct batch *b, struct totals *t)
{
	int		 failed[BATCH_MAX];
	struct one	 o;
	size_t		 i;
	enum mp_err	 er;

	if ((er = mp_db_txn(c->db, batch_txn, (void *)b)) == MP_OK) {
		count(t, b, NULL);
		return MP_OK;
	}
	if (er == MP_EDBDOWN)
		return er;
	mp_warnx("%s: a batch of %zu reports failed (%s); storing them one "
	    "by one", __func__, b->n, mp_err_str(er));
	o.b = b;
	for (i = 0; i < b->n; i++) {
		o.i = i;
		er = mp_db_txn(c->db, one_txn, &o);
		if (er == MP_EDBDOWN)
			return er;
		failed[i] = er != MP_OK;
	}
	count(t, b, failed);
	return MP_OK;
}

/* The options of rebuild. */
struct opts {
	int		 all;
	unsigned	 batch;
	long long	 after;
	long long	 limit;		/* reports at most, 0: no limit */
	unsigned	 jobs;		/* connections sharing the work */
	unsigned	 job;		/* this one's share: id % jobs */
};

static int
rebuild_opts(int argc, char **argv, struct opts *o)
{
	int	 i;

	o->all = 0;
	o->batch = BATCH_DEFAULT;
	o->after = 0;
	o->limit = 0;
	o->jobs = 1;
	o->job = 0;
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--all") == 0)
			o->all = 1;
		else if (strcmp(argv[i], "--batch") == 0 && i + 1 < argc) {
			long long n = ctl_number(argv[++i], 1, BATCH_MAX);

			if (n < 0)
				return -1;
			o->batch = (unsigned)n;
		} else if (strcmp(argv[i], "--after") == 0 && i + 1 < argc) {
			if ((o->after = ctl_number(argv[++i], 0,
			    9000000000000000000LL)) < 0)
				return -1;
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc) {
			if ((o->limit = ctl_number(argv[++i], 1,
			    9000000000000000000LL)) < 0)
				return -1;
		} else if (strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
			long long n = ctl_number(argv[++i], 1, JOBS_MAX);

			if (n < 0)
				return -1;
			o->jobs = (unsigned)n;
		} else
			return -1;
	}
	return 0;
}

/* A line of counts: "what: ..." ("job K of N what: ..." for a job). */
static void
progress(const struct opts *o, const struct totals *t, time_t start,
    const char *what)
{
	long long	 secs = (long long)(time(NULL) - start);

	if (o->jobs > 1)
		printf("job %u of %u ", o->job + 1, o->jobs);
	printf("%s: %lld reports, %lld subject links, %lld cut off, "
	    "%lld failed; up to report id %lld; %llds\n", what, t->reports,
	    t->links, t->cut, t->failed, t->after, secs);
	fflush(stdout);
}

/* The loop of rebuild: batches until none is left (or the limit). */
static enum mp_err
rebuild_run(struct ctl *c, const struct opts *o, struct batch *b,
    struct totals *t)
{
	time_t		 start = time(NULL), shown = start;
	unsigned	 want;
	enum mp_err	 er;

	t->after = o->after;
	for (;;) {
		want = o->batch;
		if (o->limit > 0 && o->limit - t->reports - t->failed < want)
			want = (unsigned)(o->limit - t->reports - t->failed);
		if (want == 0)
			break;
		b->er = MP_OK;
		er = mp_report_subjects_todo(c->db, t->after, o->all, o->jobs,
		    o->job, want, batch_add, b);
		if (er == MP_OK && b->n > 0)
			er = batch_store(c, b, t);
		if (er != MP_OK || b->n == 0) {
			batch_clear(b);
			return er;
		}
		batch_clear(b);
		if (time(NULL) - shown >= 5) {
			shown = time(NULL);
			progress(o, t, start, "progress");
		}
	}
	return MP_OK;
}

/* Run a rebuild with o; prints its totals.  Returns the exit status. */
static int
rebuild_with(struct ctl *c, const struct opts *o, int quiet)
{
	struct batch	 b;
	struct totals	 t;
	time_t		 start = time(NULL);
	enum mp_err	 er;

	memset(&b, 0, sizeof(b));
	memset(&t, 0, sizeof(t));
	b.max = (size_t)mp_confkey_int(c->conf, MP_CK_SUBJECT_MAX_PER_REPORT);
	b.cap = o->batch;
	b.id = calloc(b.cap, sizeof(*b.id));
	b.set = calloc(b.cap, sizeof(*b.set));
	if (b.id == NULL || b.set == NULL)
		er = MP_ENOMEM;
	else
		er = rebuild_run(c, o, &b, &t);
	free(b.id);
	free(b.set);
	if (!quiet || er != MP_OK)
		progress(o, &t, start, er == MP_OK ? "done" : "stopped");
	else
		printf("indexed the subjects of %lld reports\n", t.reports);
	if (er != MP_OK)
		return ctl_dberr(c, er);
	return t.failed > 0 ? 1 : 0;
}

/*
 * --jobs N: N processes, each with a connection of its own (the
 * handle is not connected yet: each connects after the fork) and the
 * reports whose id modulo N is its number.  One connection waits on
 * its round trips: it kept mariadbd at 80 % of one core of two
 * (bench/subjects).  A child returns its status through main, which
 * closes its connection; the parent waits for all and returns the
 * worst.  --limit counts per job.
 */
static int
rebuild_jobs(struct ctl *c, const struct opts *o)
{
	struct opts	 oj = *o;
	pid_t		 pid[JOBS_MAX];
	unsigned	 k, started = 0;
	int		 st, rc = 0;

	fflush(stdout);
	fflush(stderr);
	for (k = 0; k < o->jobs; k++) {
		if ((pid[k] = fork()) == -1) {
			ctl_warnx("subjects rebuild: cannot start job %u of "
			    "%u", k + 1, o->jobs);
			rc = 1;
			break;
		}
		if (pid[k] == 0) {
			oj.job = k;
			return rebuild_with(c, &oj, 0);
		}
		started++;
	}
	for (k = 0; k < started; k++) {
		if (waitpid(pid[k], &st, 0) == -1 || !WIFEXITED(st))
			st = 1;
		else
			st = WEXITSTATUS(st);
		if (st > rc)
			rc = st;
	}
	return rc;
}

static int
rebuild(struct ctl *c, int argc, char **argv)
{
	struct opts	 o;

	if (rebuild_opts(argc, argv, &o) != 0) {
		ctl_warnx("usage: subjects rebuild [--all] [--batch N] "
		    "[--after ID] [--limit N] [--jobs N]");
		return 2;
	}
	return o.jobs > 1 ? rebuild_jobs(c, &o) : rebuild_with(c, &o, 0);
}

int
ctl_subjects_index(struct ctl *c)
{
	struct opts	 o;

	memset(&o, 0, sizeof(o));
	o.batch = BATCH_DEFAULT;
	o.jobs = 1;
	return rebuild_with(c, &o, 1);
}

static int
plan(struct ctl *c)
{
	long long	 todo = 0, total = 0;
	enum mp_err	 er;

	if ((er = mp_report_subjects_count(c->db, &todo, &total)) != MP_OK)
		return ctl_dberr(c, er);
	printf("%lld of %lld reports not indexed\n", todo, total);
	return 0;
}

int
cmd_subjects(struct ctl *c, int argc, char **argv)
{

	if (argc >= 2 && strcmp(argv[1], "rebuild") == 0)
		return rebuild(c, argc, argv);
	if (argc == 2 && strcmp(argv[1], "plan") == 0)
		return plan(c);
	ctl_warnx("usage: subjects rebuild [--all] [--batch N] [--after ID] "
	    "[--limit N] [--jobs N] | subjects plan");
	return 2;
}
