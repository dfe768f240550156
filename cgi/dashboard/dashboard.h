/*
 * dashboard.h -- meldpunt-dashboard, the handlers' pages at /dashboard/:
 * sign-in (portal or local, with TOTP), the work list, a report's
 * detail and actions, new reports taken by phone or e-mail, admin
 * pages and the audit log.  What the files of cgi/dashboard/ share and
 * nothing else sees: the process state, one request's state and the
 * helpers every page uses.
 *
 * main.c holds the route table; mp_dash_serve (dashboard.c) matches a
 * request to a route and, before the page runs, finds who is signed
 * in, checks the CSRF token of every POST and the route's permission
 * (lib/access.h).  Pages never check those themselves.
 */
#ifndef MP_DASHBOARD_H
#define MP_DASHBOARD_H

#include <stddef.h>
#include <time.h>

#include "access.h"
#include "buf.h"
#include "catalog.h"
#include "dossier.h"
#include "route.h"
#include "session.h"
#include "sqltext.h"
#include "subject.h"
#include "user.h"

struct mp_view;

enum mp_authmode {
	MP_AUTH_PORTAL = 0,
	MP_AUTH_LOCAL
};

#define COUNT_CACHE	16

struct count_cache {
	long long	 user_id;	/* 0: free; -1: all reports */
	time_t		 at;
	long long	 n[8];
};

/*
 * The choices of the work list's filters (signal types, audiences,
 * teams, handlers), kept per worker for catalog.ttl seconds: they change
 * by an administrator's hand, and reading them took four of a list
 * page's seven statements.  Owned by mp_dash; options.c reads and
 * frees them.
 */
#define OPT_KINDS	4

struct opt_list {
	size_t		 n;
	long long	*id;
	char		**name;
};

struct mp_dash {
	struct mp_ctx	*ctx;
	enum mp_authmode mode;
	const char	*portal_var;
	const char	*mount;		/* "/dashboard" */
	const char	*instance;
	const char	*static_url;
	int		 totp_required;
	long		 idle, absolute;
	long		 take_days, close_days;
	long		 max_attempts, attempt_window;
	size_t		 pw_min;
	long		 count_ttl;
	long		 catalog_ttl;
	long		 token_ttl;
	char		 csv_sep;	/* dashboard.csv_separator */
	size_t		 subject_max;	/* subject.max_per_report */
	struct mp_catalog cat;		/* for the new-report form */
	time_t		 purged;
	struct count_cache counts[COUNT_CACHE];
	struct opt_list	 opts[OPT_KINDS];
	time_t		 opts_at;
	/*
	 * The page being rendered, kept between requests: grown from
	 * 256 bytes to a work list's 25 kB anew for every page it cost
	 * eight reallocations, each a large one for malloc.
	 */
	struct mp_buf	 page;
};

struct mp_dreq {
	struct mp_dash	*d;
	struct mp_req	*req;
	struct mp_user	 user;		/* valid when signed_in */
	struct mp_session sess;
	int		 signed_in;
	long long	 arg[2];	/* the "#" numbers of the path */
	time_t		 now;
	const char	*client;	/* REMOTE_ADDR, for the audit log */
};

/* The filters' choices (d->opts), read again when catalog.ttl passed. */
enum mp_err	 dash_options_refresh(struct mp_dash *, time_t now);
/* Free them (d->opts). */
void		 dash_options_free(struct mp_dash *);

/* A view with what every page shows (title, user, menu, CSRF). */
struct mp_view	*dash_view(struct mp_dreq *, const char *title);
/*
 * Render a template and send it with status; frees v.  A NULL v, or a
 * view that failed while it was filled (mp_tmpl_err), gets a 500.
 */
void		 dash_render(struct mp_dreq *, int status, struct mp_view *,
		    const char *tmpl);
/*
 * The end of a page whose building also read the database: er (the
 * first error met) gets its error page (mp_err_status), otherwise as
 * dash_render.  Frees v.
 */
void		 dash_finish(struct mp_dreq *, enum mp_err er, int status,
		    struct mp_view *, const char *tmpl);
/* list.N.name = val in v (NULL as ""); v keeps the first error. */
void		 dash_setk(struct mp_view *, const char *list, size_t n,
		    const char *name, const char *val);
void		 dash_setki(struct mp_view *, const char *list, size_t n,
		    const char *name, long long val);
/*
 * A stored file as a download: its type when it is one the checks let
 * in (JPEG, PNG, PDF), else application/octet-stream; filename made
 * safe for the header in namesz bytes (at most 256), none when
 * nothing is left of it.
 */
void		 dash_send_file(struct mp_dreq *, const char *filename,
		    size_t namesz, const char *none, const char *mime,
		    const void *data, size_t len);
/* An error page (mp_http_error) with status and a Dutch message. */
void		 dash_error(struct mp_dreq *, int status, const char *msg);
/* 303 to mount + path. */
void		 dash_redirect(struct mp_dreq *, const char *path);
/*
 * done.c: after a state change, 303 to mount + path with "?gedaan=code"
 * (before a "#part"); the page shows code's fixed text from one table
 * in its status region (dash_view sets Done).  dash_done_text: the
 * text of a code, NULL for an unknown one.
 */
void		 dash_done(struct mp_dreq *, const char *path,
		    const char *code);
const char	*dash_done_text(const char *code);
/* A refused action's page keeps what was typed: form field -> name. */
struct dash_keep {
	const char	*field;
	const char	*name;
};
enum mp_err	 dash_keep(struct mp_dreq *, struct mp_view *,
		    const struct dash_keep *, size_t n);
/* Audit in its own statement (logged on failure). */
void		 dash_audit(struct mp_dreq *, const char *action,
		    const char *objtype, long long objid, const char *detail);
/* A form or query value, NULL when absent. */
const char	*dash_form(struct mp_dreq *, const char *name);
/*
 * A form's date: dd-mm-jjjj taken too, as the report forms take it
 * (mp_valid_date_nl), given as jjjj-mm-dd in buf; anything else as
 * typed (NULL when absent), for the caller's check to refuse.
 */
const char	*dash_form_date(struct mp_dreq *, const char *name,
		    char buf[11]);
/*
 * The query parameter name as a date (dd-mm-jjjj or jjjj-mm-dd) in ISO
 * form in out, which it returns; NULL when not given, and when not a
 * date, which also sets *bad.
 */
const char	*dash_query_date(struct mp_dreq *, const char *name,
		    char out[11], int *bad);
const char	*dash_query(struct mp_dreq *, const char *name);
/* A whole number in [min, max] from s, or -1. */
long long	 dash_number(const char *s, long long min, long long max);
/* "12-03-2026 14:05" in Amsterdam's time (lib/nltime.h); "" for 0. */
void		 dash_time(char out[32], time_t);
/*
 * "vandaag", "gisteren", "3 dagen", "5 weken", ... since t, in calendar
 * days in Amsterdam.
 */
void		 dash_age(char out[32], time_t t, time_t now);
/* Where a session at stage goes next: "/", "/tweede-factor", ... */
const char	*dash_stage_path(enum mp_sess_stage);
/* Set the session cookie (value "" deletes it). */
void		 dash_cookie(struct mp_dreq *, const char *value);

/*
 * The open grant requests (lib/grant.h) into v under Grants.N, with
 * what the user may do with each; back ("beheer" or "verzoeken") is
 * where a decision returns to.
 */
enum mp_err	 dash_grant_list(struct mp_dreq *, struct mp_view *,
		    const char *back);
/*
 * The note after a request was made ("?verzoek=N"), into note (sz
 * bytes); 0 when there is none.  A decision's is a code of done.c.
 */
int		 dash_grant_note(struct mp_dreq *, char *note, size_t sz);

struct mp_csv;

/*
 * Start a CSV download called filename: headers, the BOM, and c set
 * up to write to the client with the configured separator.  On an
 * error before the headers went out an error page was sent.
 */
enum mp_err	 dash_csv_begin(struct mp_dreq *, struct mp_csv *c,
		    const char *filename);

/*
 * The work list's filters (list.c), shared with the CSV
 * export so both select the same reports.  A statement selecting from
 * "report r" appends dash_list_sql_filters after the visibility rule
 * (mp_access_sql_visible), and dash_list_sql_text when f->boolean is
 * set, both through its template (lib/sqltext.h); dash_filter_params
 * binds their values in that order.  When an answer to a follow-up
 * question holds the words too (f->answers, from dash_filter_answers)
 * the statement selects from dash_list_sql_words instead (the reports
 * whose text or answers hold them: lib/question.h's fragment); when q
 * is also a subject (f->subj.n > 0) from dash_list_sql_hits (those and
 * the subject's reports: lib/subject.h's fragment too) when its words
 * can find something (f->subj_words), else from
 * dash_list_sql_subject_only (the subject's reports alone).  None has
 * dash_list_sql_text: the search's values then come first.
 */
#define DASH_Q_MAX		100
#define DASH_FILTER_PARAMS	(2 + 2 * MP_SUBJECT_SEARCH_MAX + 2 + 16)
extern const char dash_list_sql_filters[];
extern const char dash_list_sql_text[];
extern const char dash_list_sql_words[];
extern const char dash_list_sql_hits[];
extern const char dash_list_sql_subject_only[];

/*
 * The statements of the pages that put in a fragment of another
 * module: expanded by mp_dash_open, freed by mp_dash_close.
 */
extern struct mp_sqltext_set dash_list_sql, dash_report_sql,
		    dash_export_sql, dash_links_sql;
/* Expand them all (MP_EINVAL for a bad template) and free them. */
enum mp_err	 dash_sql_open(void);
void		 dash_sql_close(void);

struct mp_buf;
struct mp_dbval;

/* The filters as given, checked; NULL where not set. */
struct dash_filter {
	const char	*status;
	long long	 type, team, handler, audience;
	const char	*channel;
	char		 from[11], to[11];
	const char	*q;
	char		 boolean[DASH_Q_MAX * 3];
	struct mp_subject_search subj;	/* q as subjects (n 0: none) */
	int		 subj_words;	/* subj.n > 0 and its words count */
	int		 answers;	/* an answer holds the words */
	long long	 page;
	int		 bad;		/* a value was wrong and ignored */
};

/*
 * A text search's words for the work list's newest-first scan
 * (list.c): those of its FULLTEXT query, each folded as
 * mp_subject_fold does (the exact test, dash_words_match) and as a
 * pattern for LIKE ... ESCAPE '!' (the superset test in SQL).
 */
#define DASH_WORDS_MAX	8
struct dash_words {
	size_t	 n;
	char	 fold[DASH_WORDS_MAX][DASH_Q_MAX * 9 + 1];
	char	 like[DASH_WORDS_MAX][DASH_Q_MAX * 6 + 3];
};

/* The words of q; 0 when there are none or one does not fold. */
int		 dash_words_read(const char *q, struct dash_words *);
/* "%word%", the word's "%", "_" and "!" escaped with "!". */
void		 dash_like_pattern(const char *word, size_t len, char *out,
		    size_t outsz);
/*
 * 1 when every word starts a word of one of the n texts (folded), 0
 * when not, -1 out of memory; *buf (size *bufsz) is scratch the caller
 * frees.
 */
int		 dash_words_match(const struct dash_words *,
		    const char *const text[], const size_t len[], size_t n,
		    char **buf, size_t *bufsz);

/* Read the filters from the query string; f->bad when one is wrong. */
void		 dash_filter_read(struct mp_dreq *, struct dash_filter *);
/*
 * Set f->answers: whether an answer to a follow-up question holds the
 * words of a text search that is no subject (issue 17).  Before
 * dash_filter_params; MP_EDB* when the database fails.
 */
enum mp_err	 dash_filter_answers(struct mp_dreq *, struct dash_filter *);
/* Bind visibility and filters into p; returns how many were bound. */
size_t		 dash_filter_params(struct mp_dreq *,
		    const struct dash_filter *,
		    struct mp_dbval p[DASH_FILTER_PARAMS]);
/* Append the filters as a query string ("status=...&soort=..."). */
void		 dash_filter_query(const struct dash_filter *,
		    struct mp_buf *);

struct mp_ctx;
struct mp_req;
struct mp_dash;
struct mp_dreq;

typedef void	(*dash_fn)(struct mp_dreq *);

#define DASH_PUBLIC	0x01	/* no session needed (sign-in page) */
#define DASH_STAGE	0x02	/* also before the second factor */

/* A line of the route table (main.c); lib/route.h finds it. */
struct dash_route {
	struct mp_route	 r;		/* method and pattern */
	enum mp_perm	 perm;
	unsigned int	 flags;
	dash_fn		 fn;
};

/* Process state: configuration read once, caches.  NULL-safe free. */
enum mp_err	 mp_dash_open(struct mp_dash **, struct mp_ctx *);
void		 mp_dash_close(struct mp_dash *);
/* Answer one request through routes[0..n). */
void		 mp_dash_serve(struct mp_dash *, struct mp_req *,
		    const struct dash_route *routes, size_t n);

/*
 * The detail page of report r->arg[0] (report.c) with status, an
 * optional message and, when field is not NULL, the form field the
 * message is about (FieldErr, for aria-invalid and its place).
 * MP_ENOTFOUND when the user may not see the report: nothing was sent.
 */
enum mp_err	 dash_report_page(struct mp_dreq *, int status,
		    const char *msg, const char *field);
/* The answer for a report the user may not see: 404, and audited. */
void		 dash_report_refused(struct mp_dreq *);
/* The report's subjects, links and decisions into v (links.c). */
enum mp_err	 dash_links_fill(struct mp_dreq *, struct mp_view *);
/*
 * Re-index the report's subjects after an edit of field (its label)
 * (mp_subject_reindex), in a transaction of its own with its event
 * and audit row.  A failure is logged, never the edit's: the report
 * stays marked not indexed for `meldpuntctl subjects rebuild`.
 */
void		 dash_links_reindex(struct mp_dreq *, const char *field);

/*
 * The dossiers report r->arg[0] is in that the user may see, into v
 * under Dossiers (dossier.c), for the report page.
 */
enum mp_err	 dash_dossier_fill_report(struct mp_dreq *, struct mp_view *);
/*
 * The one answer for dossier r->arg[0] out of sight or missing: 404,
 * the same page for both, audited as refused (dossier.c).
 */
void		 dash_dossier_refused(struct mp_dreq *);
/*
 * Dossier r->arg[0] into d when the user may see it: 1; else its
 * answer is sent (dash_dossier_refused, or the error page): 0.
 */
struct mp_dossier;
int		 dash_dossier_seen(struct mp_dreq *, struct mp_dossier *);
/* Dossier id's first max documents into v under Doc (dossier_doc.c). */
enum mp_err	 dash_dossier_docs_fill(struct mp_dreq *, struct mp_view *,
		    long long id, unsigned max);
/*
 * What the dossier page and its print view share (dossier.c): the
 * summary under D; the analysis (the newest versions), reports,
 * subjects, members and history of dossier id into v, at most max
 * lines of each.
 */
/*
 * A configured list l into key.N.Name, key.N.Sel where it is sel
 * (dossier.c), e.g. "List.Themes".
 */
void		 dash_dossier_set_list(struct mp_dreq *, struct mp_view *,
		    enum mp_dossier_list l, const char *key, const char *sel);
void		 dash_dossier_head(struct mp_view *,
		    const struct mp_dossier *);
/*
 * What dash_dossier_parts reads: the newest versions of the analysis,
 * at most max subjects and documents, and a range of the reports and
 * of the history (from: how many to skip).
 */
struct dash_dossier_range {
	unsigned	 versions;
	unsigned	 max;
	unsigned	 rep_from, rep_max;
	unsigned	 hist_from, hist_max;
};
enum mp_err	 dash_dossier_parts(struct mp_dreq *, struct mp_view *,
		    long long id, const struct dash_dossier_range *);
/*
 * Reports, journal entries and history rows on a page of the dossier
 * page.
 */
#define DASH_DOSSIER_PAGE	50
struct mp_ctx;
/*
 * The dashboard's request limits for documents (dossier_doc.c): one
 * file per request, of the report attachments' size
 * (intake.max_file_size), and a body that holds it.
 */
void		 dash_dossier_doc_limits(struct mp_ctx *);
/*
 * Dossier r->arg[0]'s page again with status and msg at field, after a
 * refused action (dossier.c), or its 404 when it is out of sight.
 */
void		 dash_dossier_again(struct mp_dreq *, int status,
		    const char *msg, const char *field);
/*
 * The journal (journal.c): its part of dossier id's page into v (a
 * page of DASH_DOSSIER_PAGE entries from entry from, newest first); the
 * list's task filters from the query string ("taken": mijn,
 * overtijd; today the caller's buffer for the date) and into a view,
 * with the counts of the user's open and overdue tasks.
 */
struct mp_dossier_filter;
enum mp_err	 dash_journal_fill(struct mp_dreq *, struct mp_view *,
		    long long id, unsigned from);
void		 dash_journal_filter(struct mp_dreq *,
		    struct mp_dossier_filter *, char today[11], int *bad);
enum mp_err	 dash_journal_filter_set(struct mp_dreq *, struct mp_view *,
		    const struct mp_dossier_filter *);
/* The report's retention dates and holds into v (retention.c). */
enum mp_err	 dash_retention_fill(struct mp_dreq *, struct mp_view *);

/*
 * The statistics pages' shared parts (chart.c).  The range of the
 * form: "van" and "tot" as YYYY-MM, the twelve months ending with this
 * one by default; 0 with an error (Dutch, tied to its field) and no
 * figures.  Then "prefix.suffix" setters (the view keeps the first
 * error), a round axis maximum at or above max (1, 2 or 5 times a
 * power of ten; at least 1), and a bar of height value / max of the
 * plot, bottom on the axis, under prefix.name (prefix when name is
 * NULL).
 */
#define DASH_CHART_TOP		12
#define DASH_CHART_PLOT		200	/* height of the plot area */
struct dash_range {
	int		 from, to;
	const char	*err_from, *err_to;	/* Dutch, tied to the field */
	char		 from_s[16], to_s[16];	/* as typed, for the form */
};
/* The months' Dutch abbreviations, "jan" to "dec". */
extern const char *const dash_chart_abbr[12];
int		 dash_chart_range(struct mp_dreq *, struct dash_range *);
void		 dash_seti(struct mp_view *, const char *prefix,
		    const char *suffix, long long value);
void		 dash_sets(struct mp_view *, const char *prefix,
		    const char *suffix, const char *value);
long long	 dash_chart_max(long long max);
void		 dash_bar(struct mp_view *, const char *prefix,
		    const char *name, long long x, long long value,
		    long long max);

/* Pages (auth.c, list.c, report.c, ...). */
void	mp_dash_home(struct mp_dreq *);
void	mp_dash_login_form(struct mp_dreq *);
void	mp_dash_login(struct mp_dreq *);
void	mp_dash_logout(struct mp_dreq *);
void	mp_dash_totp_form(struct mp_dreq *);
void	mp_dash_totp(struct mp_dreq *);
void	mp_dash_list(struct mp_dreq *);
void	mp_dash_report(struct mp_dreq *);
void	mp_dash_attachment(struct mp_dreq *);
void	mp_dash_action(struct mp_dreq *);
void	mp_dash_new_form(struct mp_dreq *);
/* The catalogue (new.c): loaded when stale, 0 when there is none. */
int	dash_catalog(struct mp_dreq *);
/* Types.N and Audiences.N (Slug, Name) of the catalogue into v. */
enum mp_err dash_catalog_view(struct mp_view *, const struct mp_catalog *);
void	mp_dash_new(struct mp_dreq *);
void	mp_dash_admin(struct mp_dreq *);
void	mp_dash_admin_post(struct mp_dreq *);
/* questions.c: follow-up questions per signal type (issue 17). */
void	mp_dash_questions(struct mp_dreq *);
void	mp_dash_questions_post(struct mp_dreq *);
void	mp_dash_audit(struct mp_dreq *);
/* privacy.c: the privacy officer's overview, as a page and as CSV. */
void	mp_dash_privacy(struct mp_dreq *);
void	mp_dash_privacy_csv(struct mp_dreq *);
/* retention.c: hold a report past its terms, or lift the hold. */
void	mp_dash_hold_post(struct mp_dreq *);
void	mp_dash_grants(struct mp_dreq *);
void	mp_dash_grants_post(struct mp_dreq *);
void	mp_dash_password_form(struct mp_dreq *);
void	mp_dash_password(struct mp_dreq *);
void	mp_dash_stats(struct mp_dreq *);
void	mp_dash_stats_csv(struct mp_dreq *);
void	mp_dash_export(struct mp_dreq *);
void	mp_dash_subjects_post(struct mp_dreq *);
void	mp_dash_link_post(struct mp_dreq *);
void	mp_dash_subject(struct mp_dreq *);
void	mp_dash_hotspots(struct mp_dreq *);
void	mp_dash_hotspots_csv(struct mp_dreq *);
void	mp_dash_dossiers(struct mp_dreq *);
void	mp_dash_journal_post(struct mp_dreq *);
void	mp_dash_task(struct mp_dreq *);
void	mp_dash_task_post(struct mp_dreq *);
void	mp_dash_tasks(struct mp_dreq *);
void	mp_dash_dossier_new_form(struct mp_dreq *);
void	mp_dash_dossier_new(struct mp_dreq *);
void	mp_dash_dossier(struct mp_dreq *);
void	mp_dash_dossier_post(struct mp_dreq *);
void	mp_dash_report_dossier_post(struct mp_dreq *);
void	mp_dash_dossier_doc_post(struct mp_dreq *);
void	mp_dash_dossier_doc(struct mp_dreq *);
void	mp_dash_dossier_doc_del(struct mp_dreq *);
void	mp_dash_dossier_print(struct mp_dreq *);
void	mp_dash_dossier_stats(struct mp_dreq *);
void	mp_dash_dossier_stats_csv(struct mp_dreq *);
/*
 * routing.c: the routing rules (Beheer), cover (coordinators), and the
 * counts of "Mijn meldingen" and "Nieuw" in every page's navigation.
 */
void	mp_dash_routing(struct mp_dreq *);
void	mp_dash_routing_post(struct mp_dreq *);
void	mp_dash_cover(struct mp_dreq *);
void	mp_dash_cover_post(struct mp_dreq *);
void	dash_queue_counts(struct mp_dreq *, struct mp_view *);
extern struct mp_sqltext_set dash_routing_sql;
/*
 * replytpl.c: reply templates (issue 16), the coordinators' page, and
 * the templates offered for a report of signal_type into v under
 * Tpl.N.{Id,Title,Own,Sel} (that type's first; Sel where it is sel).
 */
void	mp_dash_replytpl(struct mp_dreq *);
void	mp_dash_replytpl_edit(struct mp_dreq *);
void	mp_dash_replytpl_post(struct mp_dreq *);
enum mp_err dash_replytpl_offer(struct mp_dreq *, struct mp_view *,
	    long long signal_type, long long sel);
/*
 * savedfilter.c: the work list's saved filters (issue 16): use one
 * (/filter/#), save or remove one (/filters), and the user's into the
 * list page's v (Saved.*) with m's error at the name field.  list.c's
 * dash_list_page is the work list with status and that error.
 */
struct dash_saved_msg {
	const char	*name;		/* as typed */
	const char	*error;
};
void	mp_dash_savedfilter(struct mp_dreq *);
void	mp_dash_savedfilter_post(struct mp_dreq *);
enum mp_err dash_savedfilter_fill(struct mp_dreq *, struct mp_view *,
	    const struct dash_saved_msg *);
void	dash_list_page(struct mp_dreq *, int status,
	    const struct dash_saved_msg *);

/*
 * notice.c: a user's own choice of notices by mail, and the
 * coordinators' delivery log of every notice (issue 16).
 */
void	mp_dash_notice(struct mp_dreq *);
void	mp_dash_notice_post(struct mp_dreq *);
void	mp_dash_maillog(struct mp_dreq *);

#endif
