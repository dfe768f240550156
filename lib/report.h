/*
 * report.h -- a report as a reporter submits it: reading and validating
 * the form (every rule in one table), and storing it with its contact
 * details (sealed), attachments and first event in one transaction.
 */
#ifndef MP_REPORT_H
#define MP_REPORT_H

#include <stddef.h>
#include <time.h>

#include "crypto.h"
#include "errcode.h"
#include "formtoken.h"

struct mp_db;
struct mp_view;
struct mp_keys;
struct mp_req;
struct mp_catalog;
struct mp_audience;
struct mp_answer;

/* The form's fields, named "report-<name>" in HTML (see report.c). */
enum mp_rfield {
	RF_SIGNAL_TYPE = 0,
	RF_DESCRIPTION,
	RF_OBSERVED_DATE,
	RF_OBSERVED_TIME,
	RF_STREET,
	RF_HOUSE_NUMBER,
	RF_POSTCODE,
	RF_CITY,
	RF_PEOPLE,
	RF_COMPANIES,
	RF_VEHICLES,
	RF_ANONYMOUS,		/* "ja" or "nee" */
	RF_CONTACT_NAME,
	RF_CONTACT_EMAIL,
	RF_CONTACT_PHONE,
	RF_ATTACHMENTS,		/* errors about files only */
	/* Only on the dashboard's form (mp_report_read_staff). */
	RF_AUDIENCE,		/* who reported: an audience's slug */
	RF_CHANNEL,		/* "telefoon" or "email" */
	RF_RECEIVED_DATE,	/* "YYYY-MM-DD", not in the future */
	RF__MAX
};

/* The HTML name of a field ("report-description"). */
const char	*mp_report_field_name(enum mp_rfield);
/* Its maximum length in characters (0 for fields without text). */
size_t		 mp_report_field_max(enum mp_rfield);
/* 1 when the field must not be blank. */
int		 mp_report_field_required(enum mp_rfield);

enum mp_filetype {
	MP_FILE_UNKNOWN = 0,
	MP_FILE_JPEG,
	MP_FILE_PNG,
	MP_FILE_PDF,
	MP_FILE_HEIC	/* only as sent: stored as JPEG (lib/heic.c) */
};
/* Recognise a file by its content (magic bytes), not its name. */
enum mp_filetype mp_report_filetype_sniff(const unsigned char *, size_t);
const char	*mp_report_filetype_mime(enum mp_filetype);

struct mp_attachment {
	char		*filename;	/* cleaned: no path, valid UTF-8 */
	enum mp_filetype type;
	/*
	 * Borrowed from the request (a PDF) or pointing at clean: a
	 * picture's copy without metadata (lib/image.c), owned here and
	 * freed by mp_report_free.
	 */
	const unsigned char *data;
	unsigned char	*clean;
	size_t		 size;
	unsigned char	 sha256[MP_SHA256_LEN];
};

struct mp_report {
	char		*val[RF__MAX];	/* the values as entered (owned) */
	const char	*err[RF__MAX];	/* Dutch message per field, or NULL */
	int		 nerr;

	/* Derived by mp_report_validate. */
	long long	 audience_id;
	long long	 signal_type_id;
	const char	*channel;	/* "web", "intranet", ... */
	int		 anonymous;
	char		 postcode[8];	/* normalised */
	struct mp_attachment *att;
	size_t		 natt;
	time_t		 received;
	long long	 team_id;	/* 0: none yet */
	int		 no_code;	/* no secret code: code_hash NULL */
	const char	*actor;		/* user name; NULL: the reporter */
	long long	 actor_id;	/* its id, not told of it; 0: none */
	/* The reporter's language (sql/051); NULL or "nl": the default. */
	const char	*lang;
	/*
	 * Called last in the storing transaction when not NULL (an audit
	 * entry, say); anything but MP_OK rolls the report back.
	 */
	enum mp_err	(*also)(struct mp_db *, const struct mp_report *,
			    void *);
	void		*also_arg;
	/* Subjects at most (subject.max_per_report); 0: its default. */
	size_t		 subject_max;
	/*
	 * The answers to the signal type's follow-up questions
	 * (lib/question.h), stored in the report's transaction; owned
	 * here, freed by mp_report_free.
	 */
	struct mp_answer *ans;
	size_t		 nans;

	/* Set when stored (or spooled). */
	unsigned char	 submission[MP_FORMTOKEN_NONCE];
	int		 has_submission;
	unsigned char	 code_hash[MP_SHA256_LEN];
	char		 reference[24];
	int		 spooled;	/* reference given by the spool */
	long long	 id;
	int		 subjects_indexed;	/* its subjects are linked */
	int		 subjects_cut;	/* more than subject_max found */
};

void		 mp_report_init(struct mp_report *);
void		 mp_report_free(struct mp_report *);

/*
 * Copy the form fields of req into r and validate them for audience
 * aud at time now: every field's rules, the files (count, size, type).
 * Returns MP_OK even when fields are wrong (see r->nerr and r->err[]);
 * MP_ENOMEM only on allocation failure.
 */
enum mp_err	 mp_report_read(struct mp_report *, const struct mp_req *,
		    const struct mp_audience *, time_t now);

/*
 * As mp_report_read, for a report that a member of staff enters after
 * a telephone call or an e-mail: the audience (who reported) comes from
 * the form and must be one of cat's, the signal type must be offered to
 * it, the channel ("telefoon" or "email") and the date received (not in
 * the future, not before the date observed) come from the form too.
 * There is no anonymous choice: the contact fields are all optional and
 * the report is anonymous when they are all blank.  No files are read.
 */
enum mp_err	 mp_report_read_staff(struct mp_report *,
		    const struct mp_req *, const struct mp_catalog *,
		    time_t now);

/*
 * Read the files of req's field named field ("report-attachments" on
 * the form and the reporter's reply, the dossier's own field for a
 * document) into r->att with the intake's rules (count, size, type by
 * content, cleaned name); files of other fields are left alone;
 * a problem sets r->err[RF_ATTACHMENTS].  The data stays borrowed from
 * req.  Used by mp_report_read and by the reporter's replies.
 * MP_ENOMEM only on allocation failure.
 */
enum mp_err	 mp_report_read_files(struct mp_report *,
		    const struct mp_req *, const char *field);
/*
 * Put what a report form shows of r into v: each field's maximum
 * length (Form.Max.<name>) and, when r is not NULL, its value
 * (Form.Value), its error (Form.Error), the error summary in form order
 * (Form.ErrorList) and the number of errors (Form.Errors).  The intake's
 * and the dashboard's forms share it, so both keep the same names.
 */
enum mp_err	 mp_report_view(struct mp_view *, const struct mp_report *);

/* Store one attachment of report_id (and of message_id when > 0). */
enum mp_err	 mp_report_attachment_store(struct mp_db *,
    long long report_id,
		    long long message_id, const struct mp_attachment *);
/*
 * As mp_report_attachment_store, for a reporter's reply: report_id must be
 * the report of the session bound to the connection (sql/020), else
 * the database refuses the row (MP_EDB).
 */
enum mp_err	 mp_report_attachment_store_own(struct mp_db *,
    long long report_id,
		    long long message_id, const struct mp_attachment *);

/*
 * Make the reporter's secret code (20 Crockford base32 characters, 100
 * bits, shown as four groups of five) into code (MP_CODE_LEN) and its
 * HMAC into r->code_hash.
 */
#define MP_CODE_LEN	24
enum mp_err	 mp_report_new_code(struct mp_report *, const struct mp_keys *,
		    char code[MP_CODE_LEN]);
/* Normalise a typed code (case, spaces, dashes, O/0, I/L/1) and HMAC it. */
enum mp_err	 mp_report_code_hash(const struct mp_keys *, const char *code,
		    unsigned char out[MP_SHA256_LEN]);

/*
 * Store r in one transaction (with the per-client and global rate limit
 * when rl is not NULL, and addr the client's address): the report, its
 * reference, sealed contact details, attachments, the "ontvangen"
 * event (by r->actor), the shares by the partners' rules, the answers
 * to the follow-up questions (lib/question.h), then r->also.  On
 * success r->id and r->reference are set.  MP_EDUP when the
 * submission was stored before (r->reference and r->id then name the
 * earlier report), MP_ELIMIT when rate-limited, MP_EDBDOWN when the
 * database cannot be reached (the caller spools).
 */
struct mp_ratelimit;
enum mp_err	 mp_report_store(struct mp_db *, const struct mp_keys *,
		    struct mp_report *, const struct mp_ratelimit *rl,
		    const char *addr);

/*
 * Subjects (lib/subject.h).  mp_report_store indexes a report it
 * stores in the same transaction; one whose indexing failed is stored
 * without, report.subjects_at NULL, for `meldpuntctl subjects rebuild`.
 *
 * Mark report id indexed (subjects_cut: cut off at the maximum), in
 * the caller's transaction; own: the report intake_store() stored just
 * now on this connection (the intake account's view, sql/029).
 */
enum mp_err	 mp_report_subjects_done(struct mp_db *, long long id,
		    int cutoff, int own);
/* The same for n reports at once, not own (subjects rebuild). */
enum mp_err	 mp_report_subjects_done_batch(struct mp_db *,
		    const long long *id, const int *cutoff, size_t n);
/*
 * Call fn(id, fields, arg) for the first limit (1 to 10000) reports
 * after id after, in id order: those not indexed, or all of them when
 * all is set; of those, job's share of jobs (id modulo jobs is job;
 * 1 and 0: every one), so that jobs connections can share the work.
 * The fields are valid during the call only; fn must not run
 * statements (the result is still open): collect, then store.
 * Stops at fn's first error and returns it.
 */
struct mp_subject_fields;
typedef enum mp_err (*mp_report_subjects_fn)(long long id,
		    const struct mp_subject_fields *, void *arg);
enum mp_err	 mp_report_subjects_todo(struct mp_db *, long long after,
		    int all, unsigned jobs, unsigned job, unsigned limit,
		    mp_report_subjects_fn fn, void *arg);

/*
 * What mp_subject_collect finds in report id's fields as they are now,
 * at most max (1 to MP_SUBJECT_MAX_PER_REPORT), into set; free it with
 * mp_subject_set_free, also after an error.  MP_ENOTFOUND when there
 * is no such report.
 */
struct mp_subject_set;
enum mp_err	 mp_report_subjects_collect(struct mp_db *, long long id,
		    size_t max, struct mp_subject_set *set);

/* The reports not indexed, and all reports, counted. */
enum mp_err	 mp_report_subjects_count(struct mp_db *, long long *todo,
		    long long *total);

/* "M-2026-000123" for id and year. */
void		 mp_report_reference(char out[24], int year, long long id);
/*
 * A reference as typed ("m-2026-000308 ", any case, spaces or tabs
 * around) in its stored form into out: 1 if it has the form of one
 * (M-, a year, -, letters and digits), else 0 and out "".  The one
 * rule for every place a reference is typed: the dashboard's search
 * and audit filter, the reporter's sign-in.
 */
int		 mp_report_reference_norm(const char *s, char out[24]);
/*
 * The id of the report with reference ref (as typed): MP_OK,
 * MP_ENOTFOUND, MP_EINVAL if ref is not the form of a reference.
 */
enum mp_err	 mp_report_find_reference(struct mp_db *, const char *ref,
		    long long *id);
/*
 * The reports closed from from to to (UTC "YYYY-MM-DD HH:MM:SS", the
 * end exclusive) and closed still, per closing reason
 * (dashboard.close_reasons; older reports keep their free text): fn
 * once per reason, most first.
 */
typedef void	(*mp_report_reason_fn)(const char *reason, long long n,
		    void *arg);
enum mp_err	 mp_report_close_reasons(struct mp_db *, const char *from,
		    const char *to, mp_report_reason_fn fn, void *arg);

/*
 * The dashboard's changes of a report, each in the caller's
 * transaction and only at the version the user saw: *n is the rows
 * changed, 0 when the version moved (or there is no such report).
 * The status is the workflow's (lib/workflow.h).
 */
struct mp_db;
/* Give it to team and handler (0: none). */
enum mp_err	 mp_report_assign(struct mp_db *, long long id,
		    long long version, long long team, long long handler,
		    unsigned long long *n);
/*
 * Correct one field a handler may correct (description, street, house
 * number, postcode, city, people, companies, vehicles); MP_EINVAL with
 * nothing written for any other field.  The report is then marked not
 * indexed (subjects_at NULL): the caller re-indexes it
 * (mp_report_subjects_collect, mp_subject_reindex).
 */
/*
 * Who entered report id taken by telephone or e-mail (sql/054), in the
 * storing transaction; and that user for the report page (*user 0 when
 * the report came in otherwise).
 */
enum mp_err	 mp_report_entered(struct mp_db *, long long id,
		    long long user);
enum mp_err	 mp_report_entered_by(struct mp_db *, long long id,
		    long long *user);
enum mp_err	 mp_report_set_field(struct mp_db *, long long id,
		    long long version, enum mp_rfield, const char *value,
		    unsigned long long *n);
/* The reporter's replies have been read (no version: never refused). */
enum mp_err	 mp_report_mark_read(struct mp_db *, long long id);
/*
 * Retention (lib/retention.c), inside its batch transaction: the
 * report row loses its follow-up code (identity), or its code and
 * every free-text and location field (content; the observation date
 * falls back to the day of receipt).  What the statistics count stays.
 */
enum mp_err	 mp_report_erase_identity(struct mp_db *, long long id);
enum mp_err	 mp_report_erase_content(struct mp_db *, long long id);

/*
 * The number of reports per status and channel, one call of fn per
 * pair that has any (meldpuntctl metrics); names and counts only.
 */
enum mp_err	 mp_report_count_by(struct mp_db *,
		    void (*fn)(const char *status, const char *channel,
		    long long n, void *arg), void *arg);

#endif
