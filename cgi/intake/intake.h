/*
 * intake.h -- the report form (meldpunt-intake): showing the form of an
 * audience, and taking a submission: validation, the one-time token,
 * honeypot and rate limit, storing (or spooling when the database is
 * down), and the receipt with the reporter's secret code.
 */
#ifndef MP_INTAKE_H
#define MP_INTAKE_H

struct mp_ctx;
struct mp_req;
struct mp_intake;

/* Process state of the intake, from the context's configuration. */
enum mp_err	 mp_intake_open(struct mp_intake **, struct mp_ctx *);
void		 mp_intake_close(struct mp_intake *);

/* GET/HEAD: the form of audience slug ("" or NULL for the default). */
void		 mp_intake_form(struct mp_intake *, struct mp_req *,
		    const char *slug);
/* POST: take a submission for audience slug. */
void		 mp_intake_submit(struct mp_intake *, struct mp_req *,
		    const char *slug);
/*
 * Housekeeping after a stored report: drop rate-limit counters of
 * windows long past (every few minutes).  The spool is not drained
 * here but by meldpuntctl drain-spool (conf/systemd/meldpunt-spool.*).
 */
void		 mp_intake_drain(struct mp_intake *);

#endif
