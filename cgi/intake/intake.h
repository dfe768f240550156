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
/* GET/HEAD: the privacy statement (slug unused). */
void		 mp_intake_privacy(struct mp_intake *, struct mp_req *,
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

/* ------------------------------------------------------------------ */
/* What the files of cgi/intake/ share.                                */

#include <stddef.h>
#include <time.h>

#include "catalog.h"
#include "question.h"
#include "ratelimit.h"

struct mp_audience;
struct mp_report;
struct mp_view;

#define INTAKE_PAGE_MAX	(1024 * 1024)

/* A rendered empty form: page[0..head) + token + the rest. */
struct blank {
	long long	 audience_id;
	const char	*lang;		/* lib/i18n.c's code */
	char		*page;
	size_t		 head;		/* offset of TOKEN_MARK */
	size_t		 len;
};

/*
 * A rendered receipt: page[0..at[0]) + first value + page[at[0] +
 * marklen..at[1]) + second value + the rest; which[] says whether the
 * reference (0) or the code (1) comes first.
 */
struct receipt {
	const char	*lang;		/* lib/i18n.c's code */
	char		*page;		/* NULL: not rendered yet */
	size_t		 len;
	size_t		 at[2];
	int		 which[2];
};

/*
 * The partners that receive a signal type's reports automatically, as
 * the form names them: "Politie, Belastingdienst en FIOD".
 */
struct intake_rule {
	long long	 type;		/* signal type id */
	char		 names[512];
	size_t		 n;
	char		 last[128];	/* the name to join with " en " */
};

/*
 * Where the request being served came in: the public form at
 * intake.mount, or the intranet's at intake.intranet_mount, where the
 * portal names the user (auth.portal_variable).  client is what the
 * per-client rate limit counts by: the address, or on the intranet
 * the user (all staff come through one gateway address).
 */
#define INTAKE_CLIENT_MAX	320
struct intake_site {
	int		 intranet;
	const char	*mount;
	char		 client[INTAKE_CLIENT_MAX];
};

struct mp_intake {
	struct mp_ctx		*ctx;
	struct intake_rule	*rules;
	size_t			 nrules;
	time_t			 rules_loaded;	/* catalogue they go with */
	struct blank		*blanks;
	size_t			 nblanks;
	time_t			 blanks_loaded;	/* catalogue they show */
	struct receipt		*receipts;	/* by language, anonymous */
	size_t			 nreceipts;
	struct mp_catalog	 cat;
	struct mp_qset		 questions;	/* of every type */
	time_t			 questions_loaded;	/* catalogue's */
	struct mp_ratelimit	 rl;
	const char		*spool;
	const char		*instance;
	const char		*mount;
	long			 token_ttl;
	long			 catalog_ttl;
	time_t			 purged;	/* rate counters */
	long			 max_files;
	long			 max_file_mb;
	const char		*intranet_mount;
	const char		*portal_var;
	int			 has_intranet;	/* any audience listed */
	struct intake_site	 here;		/* of the request served */
	/* The request being served: its language and path (main.c). */
	const char		*lang;
	const char		*here_path;
};

/*
 * The request came in at the intranet's form (intranet 1) or the
 * public one: set in->here before a page is served.
 */
void		 intake_site_set(struct mp_intake *, const struct mp_req *,
		    int intranet);
/*
 * The slug to look up: on the intranet, no slug is its first audience
 * (into buf).
 */
const char	*intake_site_slug(struct mp_intake *, const char *slug,
		    char *buf, size_t bufsz);
/* 1 if aud's form is the intranet's (intake.intranet_audiences). */
int		 intake_audience_intranet(struct mp_intake *,
		    const struct mp_audience *);
/*
 * May aud's form be served where the request came in?  1, or 0 when
 * the refusal was sent.  On the intranet it also takes the portal's
 * user into in->here.client.
 */
int		 intake_site_check(struct mp_intake *, struct mp_req *,
		    const struct mp_audience *);
/* The catalogue, reloaded when stale; 0 when there is none at all. */
int		 intake_catalog(struct mp_intake *);
/*
 * The names of the partners that receive reports of signal type id
 * automatically ("Politie en Belastingdienst"), or NULL for none.
 */
const char	*intake_rule_names(struct mp_intake *, long long id,
		    char *buf, size_t bufsz);
/*
 * The language the follow-up questions are asked in (issue 17): the
 * request's, as main.c picked it (lib/i18n.c); in->lang without one.
 */
const char	*intake_lang(const struct mp_intake *, const struct mp_req *);
/* Title, instance, mount and static URL into a page's view. */
enum mp_err	 intake_view(struct mp_intake *, struct mp_view *,
		    const char *title);
/* Render tmpl with v and send it with status (500 if it fails). */
void		 intake_render(struct mp_req *, int status, struct mp_view *,
		    const char *tmpl);
/*
 * Render and send the form: r holds the values and errors to show
 * (NULL for an empty form); token is reused when still good; the
 * follow-up questions of signal type type (0: none chosen) with the
 * answers and errors of f (may be NULL).
 */
void		 intake_show_form_q(struct mp_intake *, struct mp_req *,
		    int status, const struct mp_audience *,
		    const struct mp_report *r, long long type,
		    const struct mp_qform *f, const char *token,
		    const char *message);

#endif
