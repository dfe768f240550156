/*
 * subject.h -- subjects: the things reports are about, each stored once
 * in a normal form (tables subject and report_subject, sql/028) so that
 * reports that mention the same address, plate or company can be
 * linked however each was written.  Pure functions make the normal
 * forms and find candidates in free text; the owner functions at the
 * end hold the SQL.
 *
 * Every normaliser takes the raw text (UTF-8, len bytes, not
 * necessarily NUL-terminated) and writes the NUL-terminated normal form
 * into out, outsz bytes (MP_SUBJECT_NORM_MAX is always enough).  It
 * returns MP_OK, MP_EINVAL when the text is not a valid one of its kind
 * (out is then ""), or MP_ETOOBIG when the normal form does not fit.
 */
#ifndef MP_SUBJECT_H
#define MP_SUBJECT_H

#include <stddef.h>

#include "db.h"
#include "errcode.h"

struct mp_db;
struct mp_dbval;
struct mp_user;

/* The kinds, as stored in subject.kind (sql/028): never renumber. */
enum mp_subject_kind {
	MP_SUBJECT_ADDRESS = 1,
	MP_SUBJECT_COMPANY = 2,	/* a company's name */
	MP_SUBJECT_KVK = 3,	/* KvK (8 digits), establishment number (12) */
	MP_SUBJECT_VEHICLE = 4,	/* a licence plate */
	MP_SUBJECT_PERSON = 5,
	MP_SUBJECT_PHONE = 6,
	MP_SUBJECT_EMAIL = 7,
	MP_SUBJECT_IBAN = 8,
	MP_SUBJECT__MAX
};

/* Where a report's link to a subject came from (report_subject.source). */
enum mp_subject_source {
	MP_SUBJECT_STRUCTURED = 1,	/* the report's address fields */
	MP_SUBJECT_EXTRACTED = 2,	/* recognised in its free text */
	MP_SUBJECT_HANDLER = 3,		/* added by a handler */
	MP_SUBJECT_SOURCE__MAX
};

/* Bytes of a normal form with its NUL (the column is VARCHAR(255)). */
#define MP_SUBJECT_NORM_MAX	256

/* The kind's name for people and URLs ("adres", "kenteken" ...), or NULL. */
const char	*mp_subject_kind_name(enum mp_subject_kind);

/*
 * Fold text for matching: lower case; the accented Latin letters of
 * Latin-1 and Latin Extended-A lose their accents (é ë -> e, ç -> c,
 * ß -> ss, æ -> ae, ø -> o, œ -> oe, the ligature ĳ -> ij; "y" and
 * "ij" stay apart: they are different letters in names); "&" becomes
 * "en"; apostrophes and combining accents (U+0300 to U+036F) vanish
 * ('s-Hertogenbosch -> s hertogenbosch); any other punctuation
 * separates words; runs of space become one; other characters (Greek,
 * Cyrillic ...) are kept as they are.  MP_EINVAL for invalid UTF-8 or
 * nothing left.
 */
enum mp_err	 mp_subject_fold(const char *text, size_t len, char *out,
		    size_t outsz);

/*
 * Address.  With a postcode: "1234AB 12", the house number then its
 * letter and addition upper case, each part after a space ("1234 ab
 * 12-a" -> "1234AB 12 A", "1234AB 12a-2" -> "1234AB 12 A 2").  Without
 * one: the street, folded, with the abbreviations str/str. (also as a
 * word's end: "Hoofdstr."), ln, pln and wg written out as straat, laan,
 * plein and weg (whole words only), the number as above, and the city
 * folded after a comma: "hoofdstraat 12 A, amsterdam" (no comma and no
 * city when there is none).  A postcode is 4 digits, the first not 0,
 * and 2 letters, not SA, SD or SS (never issued); a house number 1 to
 * 99999, with at most 3 parts of at most 4 letters or digits after it.
 *
 * mp_subject_address reads one text: a postcode followed by a number
 * ("1234 AB 12-a"), a street and number before a postcode ("Hoofdstraat
 * 12, 1234 AB Amsterdam"), or a street, number and city without one
 * ("Hoofdstr. 12 Amsterdam").  What follows the number, to the end or
 * to a comma, is its letter and additions when it can be ("1234 AB 12
 * hs" -> "1234AB 12 HS", as from the report's fields; "Hoofdstraat 12
 * hs, Amsterdam"), else a single letter after a space, a dash or
 * slash, or letters and digits close to it, and the rest is the city,
 * without words that hold a digit ("2e etage").  A normal form read
 * again gives itself; a text whose form would not (an odd street that
 * folds into a postcode and number) is refused.
 */
enum mp_err	 mp_subject_address(const char *text, size_t len, char *out,
		    size_t outsz);
/*
 * The same from a report's fields (NUL-terminated, NULL for empty): the
 * postcode form when postcode and number are valid, else the street
 * form, which needs a street and a number.
 */
enum mp_err	 mp_subject_address_fields(const char *street,
		    const char *number, const char *postcode, const char *city,
		    char *out, size_t outsz);

/*
 * A company's name for matching: folded, the legal forms dropped as
 * whole words wherever they stand: B.V., N.V., V.O.F., C.V. (with or
 * without the dots), Holding, i.o. ("in oprichting"), and the foreign
 * BVBA, GmbH and Ltd.  Stichting and vereniging stay: they name a
 * different entity than a company of the same name.  Letters standing
 * alone are joined first ("J.P. Bakker" -> "jp bakker"), so that
 * "B.V." and "BV" meet.  The caller keeps the name as written for
 * display.  MP_EINVAL when nothing is left ("Holding B.V.").
 */
enum mp_err	 mp_subject_company(const char *text, size_t len, char *out,
		    size_t outsz);
/*
 * A KvK number (8 digits) or establishment number (12 digits), spaces
 * and dots allowed between the digits: the digits.
 */
enum mp_err	 mp_subject_kvk(const char *text, size_t len, char *out,
		    size_t outsz);
/*
 * A licence plate.  Dutch: spaces and dashes dropped, upper case, the
 * letters and digits in the order of one of the 14 side codes
 * (XX-99-99 ... 999-XX-9); *sidecode (may be NULL) gets 1 to 14.  The
 * letters are not held to the series' rules (no vowels from side code
 * 4 on): plates are written down from memory, and a vowel would make
 * "12-ABC-3" and "12ABC3" (the issue's own example) two vehicles.
 * Otherwise a foreign plate, kept as written: upper case, runs of
 * space made one, 2 to 15 letters, digits, spaces and dashes with a
 * digit among them; *sidecode gets 0.
 */
enum mp_err	 mp_subject_vehicle(const char *text, size_t len, char *out,
		    size_t outsz, int *sidecode);
/*
 * A person: the folded name, and when dob is not NULL or "" the date
 * of birth (YYYY-MM-DD, a real date) after a "|": "jan de vries",
 * "jan de vries|1980-02-29".
 */
enum mp_err	 mp_subject_person(const char *name, size_t len,
		    const char *dob, char *out, size_t outsz);
/*
 * A phone number in E.164 ("+31612345678").  Spaces, dashes, dots,
 * slashes and parentheses are dropped, and a "(0)" after a country
 * code.  "+" or "00" starts an international number: 8 to 15 digits;
 * for +31 exactly 9 after it, not starting with 0.  A national number
 * is Dutch: 0 and 9 digits, or 0800, 0900, 0906 or 0909 and 4 or 7
 * digits.
 */
enum mp_err	 mp_subject_phone(const char *text, size_t len, char *out,
		    size_t outsz);
/*
 * An e-mail address: trimmed, the domain lower case.  The local part is
 * kept as written: it may be case-sensitive (RFC 5321, 2.4), so folding
 * it could make two mailboxes one subject.  Valid: one "@", a local
 * part of 1 to 64 letters, digits and . _ % + - ' (what real addresses
 * use; RFC 5322 allows more, such as & { } |, that only tricks use),
 * with no dot first, last or doubled, and a domain of at least two
 * labels of letters, digits and inner dashes, the last letters only.
 */
enum mp_err	 mp_subject_email(const char *text, size_t len, char *out,
		    size_t outsz);
/*
 * An IBAN: spaces dropped, upper case, the length of its country (NL
 * 18, BE 16, DE 22 ... the EU/EEA and a few more; an unknown country is
 * refused) and the mod-97 check (ISO 13616).  A Dutch one also has 4
 * letters for its bank and 10 digits.
 */
enum mp_err	 mp_subject_iban(const char *text, size_t len, char *out,
		    size_t outsz);
/*
 * The normaliser of kind (the person without a date of birth; any
 * plate), for a search box that tries each kind.
 */
enum mp_err	 mp_subject_norm(enum mp_subject_kind, const char *text,
		    size_t len, char *out, size_t outsz);

/*
 * A candidate found in free text: its kind and normal form, and where
 * it stands (bytes off to off + len of the text, as written, for
 * display).
 */
struct mp_subject_found {
	enum mp_subject_kind	 kind;
	size_t			 off;
	size_t			 len;
	char			 norm[MP_SUBJECT_NORM_MAX];
};

/*
 * Find candidates in text: licence plates in a Dutch side code (one
 * word, "12-ABC-3" or "12abc3", or three words in capitals, "12 ABC
 * 3"), IBANs (also in groups of four), phone numbers, e-mail
 * addresses, a postcode followed by a house number, and KvK numbers: 8
 * or 12 digits in one word only with "kvk" (any case, also in
 * "KvK-nummer" and "KvK:"), "vestigingsnummer" or "handelsregister" at
 * most three words before, because 8 digits alone are too common
 * (amounts, dates, other numbers).  An IBAN-shaped run of words that
 * fails its check is skipped whole, so that its digits are not taken
 * for a phone number.  Each is checked as its normaliser checks it; the same
 * kind and normal form is reported once, at its first place.  At most
 * max go into found[], in the order they stand; *n gets their number
 * and *cutoff 1 when more were there.  Time is linear in len (each
 * recogniser looks at a bounded window of words; the duplicate check
 * compares with at most max).  MP_EINVAL when found is NULL with max
 * above 0.
 */
enum mp_err	 mp_subject_extract(const char *text, size_t len,
		    struct mp_subject_found *found, size_t max, size_t *n,
		    int *cutoff);

/*
 * The SQL (lib/subject.c owns tables subject and report_subject).
 *
 * The subject of kind with normal form norm, made with display (as
 * written; norm when NULL) if it is new: its id to *id.  Idempotent:
 * a second call returns the same id and keeps the first display.
 * MP_EINVAL for a bad kind or an empty norm.  Call it and
 * mp_subject_link in one transaction (mp_db_txn): the row lock the
 * upsert takes keeps sql/028's purge from deleting the subject (its
 * last link gone elsewhere) before the link is made.
 */
enum mp_err	 mp_subject_upsert(struct mp_db *, enum mp_subject_kind,
		    const char *norm, const char *display, long long *id);
/*
 * Link report and subject (source as above; user the handler's id, 0
 * for the system).  Linking again keeps the first source and user and
 * only ever sets confirmed (a confirmation), never clears it.
 * MP_EINVAL for a bad source; the database's error for a report or
 * subject that does not exist.
 */
enum mp_err	 mp_subject_link(struct mp_db *, long long report,
		    long long subject, enum mp_subject_source, int confirmed,
		    long long user);
/*
 * Remove the link; a subject no report links any more is deleted with
 * it (sql/028's trigger).  MP_ENOTFOUND when there was no link.
 */
enum mp_err	 mp_subject_unlink(struct mp_db *, long long report,
		    long long subject);

/*
 * A handler removes a subject from a report: remember it (sql/032, by
 * kind and normal form; user the handler, 0 for none) so that no
 * indexing of the report links it again (mp_subject_store_set without
 * own, mp_subject_reindex).  Call it before mp_subject_unlink, in the
 * same transaction: it reads the subject through the link.  Nothing
 * happens when there is no such link.
 */
enum mp_err	 mp_subject_refuse(struct mp_db *, long long report,
		    long long subject, long long user);
/*
 * A handler adds kind and norm to report by hand: indexing may link it
 * again.  Nothing happens when it was not refused.
 */
enum mp_err	 mp_subject_unrefuse(struct mp_db *, long long report,
		    enum mp_subject_kind, const char *norm);

/* One subject of a report, as the list functions hand it over. */
struct mp_subject_link {
	long long		 subject;
	enum mp_subject_kind	 kind;
	const char		*norm;
	const char		*display;
	enum mp_subject_source	 source;
	int			 confirmed;
	long long		 user;		/* 0: the system */
	long long		 created;	/* unix time */
};
typedef void	(*mp_subject_fn)(const struct mp_subject_link *, void *arg);

/*
 * Call fn for each subject of report, by kind and then normal form.
 * The pointers in the struct are valid during the call only.
 */
enum mp_err	 mp_subject_list_for_report(struct mp_db *, long long report,
		    mp_subject_fn fn, void *arg);
/*
 * Call fn(other report id, subject id, arg) for each other report that
 * shares a subject with report, newest report first, at most limit
 * rows (1 to 1000).  A report that shares several subjects comes once
 * per subject.
 */
typedef void	(*mp_subject_report_fn)(long long report, long long subject,
		    void *arg);
enum mp_err	 mp_subject_reports(struct mp_db *, long long report,
		    unsigned limit, mp_subject_report_fn fn, void *arg);

/* 1 when the link counts for "Verbanden": confirmed, or structured. */
#define MP_SUBJECT_COUNTS(src, confirmed) \
	((confirmed) || (src) == MP_SUBJECT_STRUCTURED)

/*
 * Confirm a proposal (report_subject.confirmed 0 -> 1).  MP_ENOTFOUND
 * when there is no such link, or it was confirmed already.
 */
enum mp_err	 mp_subject_confirm(struct mp_db *, long long report,
		    long long subject);
/* The number of subjects of report into *n. */
enum mp_err	 mp_subject_count(struct mp_db *, long long report,
		    long long *n);
/*
 * The kind and display of subject id (display: sz bytes).
 * MP_ENOTFOUND when there is none.
 */
enum mp_err	 mp_subject_get(struct mp_db *, long long id,
		    enum mp_subject_kind *kind, char *display, size_t sz);

/*
 * Another report met through a subject.  visible: the user may see it
 * (mp_access_sql_visible); only then are reference, type, status,
 * received and team set (else "" and 0), so a page cannot show what it
 * must not.  nearby: a weaker link, an address of the same postcode
 * with another house number (subject is then the other address).
 */
struct mp_subject_rep {
	long long		 subject;
	enum mp_subject_kind	 kind;
	const char		*display;
	long long		 report;
	int			 nearby;
	int			 visible;
	const char		*reference;
	const char		*type;
	const char		*status;
	long long		 received;	/* unix time */
	int			 confirmed;	/* subject page: the link's */
	enum mp_subject_source	 source;
};
typedef void	(*mp_subject_rep_fn)(const struct mp_subject_rep *,
		    void *arg);
/*
 * The reports linked to report through a subject, for a user whose
 * visibility parameters vis[nvis] came from mp_access_report_params
 * (nvis 2) or, where they fit, mp_access_report_teams (nvis
 * MP_ACCESS_TEAMS_MAX, the cheaper statement): only
 * links that count (MP_SUBJECT_COUNTS) on both sides; first the shared
 * subjects, by kind and subject, each newest report first, then the
 * nearby addresses so.  At most limit rows (1 to 1000), one a report
 * and subject.  One statement, whatever the number of reports.
 */
enum mp_err	 mp_subject_related(struct mp_db *, long long report,
		    const struct mp_dbval *vis, size_t nvis, unsigned limit,
		    mp_subject_rep_fn fn, void *arg);
/*
 * Every report linked to subject (any source, confirmed or not),
 * newest first, at most limit (1 to 1000), visible as above.
 */
enum mp_err	 mp_subject_reports_of(struct mp_db *, long long subject,
		    const struct mp_dbval *vis, unsigned limit,
		    mp_subject_rep_fn fn, void *arg);
/*
 * A search box's text as subjects (issue 13: "12-abc-3", "12ABC3" and
 * "12 ABC 3" find the same reports).  The kinds tried are those whose
 * normal form is a real identifier: address, KvK number, plate, phone
 * number, e-mail address and IBAN.  Not a company's name or a person:
 * any word is one of those, and the full-text search already finds
 * words.
 */
#define MP_SUBJECT_SEARCH_MAX	6
struct mp_subject_search {
	size_t			 n;	/* kinds that took the text: 0 to 6 */
	enum mp_subject_kind	 kind[MP_SUBJECT_SEARCH_MAX];
	char			 norm[MP_SUBJECT_SEARCH_MAX]
				    [MP_SUBJECT_NORM_MAX];
};
/* Normalise q (len bytes) with each kind's normaliser into s. */
void		 mp_subject_search(const char *q, size_t len,
		    struct mp_subject_search *s);
/*
 * "The ids of the reports linked to one of s's subjects", confirmed or
 * not: a SELECT of one column for a statement to put in (a UNION, an
 * IN; lib/sqltext.h, as "{subject_reports}").  It reads the subjects
 * by their unique key (kind, norm) and their links by
 * report_subject_subject.  Its 2 * MP_SUBJECT_SEARCH_MAX parameters
 * come from mp_subject_search_params (NULL for the kinds that did not
 * take the text: they match nothing).
 */
extern const char mp_subject_sql_search[];
void		 mp_subject_search_params(const struct mp_subject_search *,
		    struct mp_dbval v[2 * MP_SUBJECT_SEARCH_MAX]);

/*
 * The statements that put in the visibility rule (mp_subject_related,
 * mp_subject_reports_of), expanded by mp_sqltext_open(&mp_subject_sql)
 * at a program's start (the dashboard's dash_sql_open) and freed by
 * mp_sqltext_close; the other functions need no opening.
 */
struct mp_sqltext_set;
extern struct mp_sqltext_set mp_subject_sql;
/*
 * Indexing a report: its subjects from its structured address and its
 * free text, at most max of them.
 *
 * The fields of a report that subjects come from (NUL-terminated, NULL
 * or "" for empty).
 */
enum mp_subject_text {
	MP_SUBJECT_T_DESCRIPTION,
	MP_SUBJECT_T_PEOPLE,
	MP_SUBJECT_T_COMPANIES,
	MP_SUBJECT_T_VEHICLES,
	MP_SUBJECT_T__MAX
};
struct mp_subject_fields {
	const char	*street;
	const char	*number;
	const char	*postcode;
	const char	*city;
	const char	*text[MP_SUBJECT_T__MAX];
};

/* The most subject.max_per_report may be (conf/meldpunt.hdf.in). */
#define MP_SUBJECT_MAX_PER_REPORT	1000

/* One subject found for a report, with how it was written. */
struct mp_subject_cand {
	enum mp_subject_kind	 kind;
	enum mp_subject_source	 source;
	char			 norm[MP_SUBJECT_NORM_MAX];
	char			 display[MP_SUBJECT_NORM_MAX * 4];
};
/* A report's subjects, found but not yet stored. */
struct mp_subject_set {
	struct mp_subject_cand	*c;
	size_t			 n;
	size_t			 max;
	int			 cutoff;	/* more were found than max */
};

/*
 * Find the subjects of f (no database): the structured address first
 * (source MP_SUBJECT_STRUCTURED), then what mp_subject_extract finds
 * in each text in the order of enum mp_subject_text (source
 * MP_SUBJECT_EXTRACTED), each kind and normal form once, at most max
 * (1 to MP_SUBJECT_MAX_PER_REPORT; set->cutoff 1 when there were
 * more).  Time is linear in the texts' length.  Free set with
 * mp_subject_set_free, also after an error.  MP_EINVAL for a bad max.
 */
enum mp_err	 mp_subject_collect(struct mp_subject_set *,
		    const struct mp_subject_fields *, size_t max);
void		 mp_subject_set_free(struct mp_subject_set *);

/*
 * Upsert and link every subject of set to report, in the caller's
 * transaction: the structured address confirmed, the rest proposals
 * (confirmed 0); without own, not those a handler removed from it
 * (mp_subject_refuse).  Linking again changes nothing (mp_subject_link), so
 * a report may be indexed twice.  own: the report was stored on this
 * connection by intake_store() just now, and the links go through the
 * function sql/029 gives the intake (any other report is refused).
 */
enum mp_err	 mp_subject_store_set(struct mp_db *, long long report,
		    const struct mp_subject_set *, int own);
/*
 * The same for n reports at once (report[i] with sets[i]), not own:
 * two statements for the whole batch instead of two a subject, as
 * meldpuntctl subjects rebuild stores its batches (a million reports
 * had about six million round trips).
 */
enum mp_err	 mp_subject_store_batch(struct mp_db *,
		    const long long *report, const struct mp_subject_set *sets,
		    size_t n);

/*
 * Index report: mp_subject_collect, then in one transaction (mp_db_txn)
 * mp_subject_store_set and done(db, report, cutoff, arg) when not NULL
 * (the caller marks the report indexed there, in the same
 * transaction).  *cutoff (may be NULL) as set->cutoff; *nlinked (may
 * be NULL) the subjects linked.
 */
typedef enum mp_err (*mp_subject_done_fn)(struct mp_db *, long long report,
		    int cutoff, void *arg);
enum mp_err	 mp_subject_index_report(struct mp_db *, long long report,
		    const struct mp_subject_fields *, size_t max, int own,
		    mp_subject_done_fn done, void *arg, size_t *nlinked,
		    int *cutoff);
/*
 * Re-index report after a handler changed its address or free text,
 * in the caller's transaction: set is what mp_subject_collect finds in
 * the fields as they are now.  The links the system made from the old
 * fields follow the new ones: the structured address that is no longer
 * the report's goes, and so do proposals (recognised, not confirmed)
 * that the new text no longer holds; what a handler confirmed or added
 * stays.  Subjects of set not linked yet are linked as at the store
 * (the structured address confirmed, the rest proposals), as long as
 * the report has fewer than set->max subjects, except those a handler
 * removed from it (mp_subject_refuse).  fn (may be NULL) is
 * called for each link added (added 1) or removed (0), with the
 * subject's kind and display, valid during the call only.
 */
struct mp_subject_reindex {
	size_t		 added;
	size_t		 removed;
	int		 cutoff;	/* set->cutoff, or max reached */
};
typedef void	(*mp_subject_change_fn)(int added, enum mp_subject_kind,
		    const char *display, void *arg);
enum mp_err	 mp_subject_reindex(struct mp_db *, long long report,
		    const struct mp_subject_set *set, mp_subject_change_fn fn,
		    void *arg, struct mp_subject_reindex *res);

/*
 * The places that keep coming back: subjects with two or more reports
 * received from q->from to q->to (both "YYYY-MM-DD", inclusive, UTC),
 * counting only the reports user may see (lib/access.h) and only
 * links that are sure: the report's own address (source structured)
 * or a link a handler confirmed; a proposal from free text does not
 * count until confirmed.
 */
struct mp_subject_hotspot_q {
	const char		*from;
	const char		*to;
	enum mp_subject_kind	 kind;		/* 0: every kind */
	long long		 type;		/* signal type; 0: every one */
	int			 by_latest;	/* else by number of reports */
	unsigned		 limit;		/* 1 to 1000; 0: all */
	unsigned		 offset;
};
/* One row; the pointers are valid during the call only. */
struct mp_subject_hotspot {
	long long		 subject;
	enum mp_subject_kind	 kind;
	const char		*norm;
	const char		*display;
	long long		 reports;
	const char		*latest;	/* "YYYY-MM-DD", UTC */
};
typedef enum mp_err (*mp_subject_hotspot_fn)(
		    const struct mp_subject_hotspot *, void *arg);
/*
 * Call fn for each such subject of kind and signal type (when given),
 * by number of reports or by latest report, newest or most first,
 * then by subject id; at most limit rows after offset.  With limit 0
 * every row streams from the server (mp_db_query_stream: fn must not
 * use the connection).  An error fn returns stops the rows and is
 * returned.  MP_EINVAL for a missing date, a bad kind or a limit over
 * 1000.
 */
enum mp_err	 mp_subject_hotspots(struct mp_db *, const struct mp_user *,
		    const struct mp_subject_hotspot_q *,
		    mp_subject_hotspot_fn fn, void *arg);

/*
 * For meldpunt-export: call fn for each subject of report that travels
 * to the partner bound to the connection (sql/031's view: the report
 * shared with it, the partner's profile naming "onderwerpen", a sure
 * link), by kind and then normal form.  Only kind, norm and display
 * of the struct are set; the pointers are valid during the call only.
 * Nothing for a report or partner that does not qualify.
 */
enum mp_err	 mp_subject_list_shared(struct mp_db *, long long report,
		    mp_subject_fn fn, void *arg);

#endif /* MP_SUBJECT_H */
