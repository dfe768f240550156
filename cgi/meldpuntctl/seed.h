/*
 * seed.h -- realistic Dutch demo data: audiences, signal types and
 * nreports reports spread over the last year (deterministic for a given
 * seed), some with contact details, through the same insert path as the
 * intake.
 */
#ifndef MP_SEED_H
#define MP_SEED_H

struct mp_db;
struct mp_keys;

/*
 * Insert the catalogue (idempotent) and nreports reports.  Reports are
 * inserted in transactions of up to 1000 rows.  When active teams have
 * enabled handlers, each report goes to one of those teams, and one
 * taken into handling (any status but "nieuw") gets a handler of its
 * team; make teams and users first.  *inserted may be NULL.
 */
enum mp_err	 mp_seed_catalog(struct mp_db *);
enum mp_err	 mp_seed_demo(struct mp_db *, const struct mp_keys *,
		    long nreports, unsigned int seed, long *inserted);

/*
 * A few demo dossiers (issue 14): both themes, several statuses, the
 * demo reports already "in dossier" without one, the first with a
 * member outside its team.  Nothing without teams and handlers.
 */
enum mp_err	 mp_seed_dossiers(struct mp_db *);

#endif
