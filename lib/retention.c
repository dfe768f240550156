/*
 * retention.c -- the retention terms of the privacy protocol (issue
 * 15) and the erasure of what has outlived them.  Every term counts
 * from a date that does not move: a report's closing (closed_at), a
 * dossier's closing.  A report in a dossier that is not closed is
 * held, whatever its own term says, until that dossier closes.
 *
 * Erasure is real: rows are deleted, free text is overwritten, in one
 * transaction per batch.  What stays of a report is what the
 * statistics and the reference need: its id and reference, channel,
 * audience, signal type, status, team, handler and the dates received,
 * taken and closed (stats_month and stats_days are kept by triggers
 * that no column changed here touches; observed_date becomes the day
 * of receipt, which the report already shows).  The subjects that no
 * report or dossier mentions any more go with their last link
 * (sql/028's trigger for reports, here for dossiers).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "confkey.h"
#include "db.h"
#include "log.h"
#include "question.h"
#include "report.h"
#include "audit.h"
#include "share.h"
#include "retention.h"

/* An unfounded or duplicate report: params pattern, pattern. */
#define UNFOUNDED \
	"((? <> '' AND r.closed_reason REGEXP ?)" \
	" OR EXISTS (SELECT 1 FROM report_link l WHERE l.report_a = r.id" \
	" AND l.duplicate_id = r.id)" \
	" OR EXISTS (SELECT 1 FROM report_link l WHERE l.report_b = r.id" \
	" AND l.duplicate_id = r.id))"
/* Content due: params cut_content, cut_unfounded, pattern, pattern. */
#define CONTENT_TERM \
	"(r.closed_at < ? OR (r.closed_at < ? AND " UNFOUNDED "))"
/* In a dossier that is not closed. */
#define IN_OPEN_DOSSIER \
	"EXISTS (SELECT 1 FROM dossier_report dr JOIN dossier d" \
	" ON d.id = dr.dossier_id WHERE dr.report_id = r.id" \
	" AND d.status <> 'afgesloten')"
/* Held: in an open dossier, or by a coordinator. */
#define HELD \
	"(" IN_OPEN_DOSSIER " OR EXISTS (SELECT 1 FROM report_hold h" \
	" WHERE h.report_id = r.id))"
#define CONTENT_OPEN \
	" r.signal_type_id = ? AND r.closed_at IS NOT NULL" \
	" AND r.content_erased_at IS NULL"
#define IDENTITY_OPEN CONTENT_OPEN " AND r.identity_erased_at IS NULL"

enum stmt {
	STMT_COUNT_CONTENT,
	STMT_COUNT_IDENTITY,
	STMT_NEXT_CONTENT,
	STMT_NEXT_IDENTITY,
	STMT_COUNT_DOSSIER,
	STMT_NEXT_DOSSIER,
	STMT_PICK_CONTENT,
	STMT_PICK_IDENTITY,
	STMT_PICK_DOSSIER,
	STMT_BATCH,
	STMT_SHARE,
	STMT_DOSSIER_SUBJECTS,
	STMT_DOSSIER_UNLINK,
	STMT_SUBJECT_ORPHAN,
	STMT_TYPES,
	STMT_OVERVIEW,
	STMT_OVERVIEW_DOSSIER,
	STMT_RUNS,
	STMT_REPORT,
	STMT_LOCK,
	STMT_HOLD,
	STMT_UNHOLD,
	STMT__MAX
};

/* Result columns. */
enum { CNT_ALL, CNT_HELD };
enum { NEXT_AT };
enum { PICK_ID, PICK_REF, PICK_IDENTITY };
enum { DS_SUBJECT };
enum { TY_ID, TY_SLUG };
enum { OV_ALL, OV_OPEN, OV_KEPT, OV_IDGONE, OV_GONE, OV_HELD };
enum { OD_ALL, OD_OPEN, OD_CLOSED, OD_GONE };
enum { RUN_ID, RUN_AT, RUN_KIND, RUN_ITEMS, RUN_IDS };
enum { REP_CLOSED, REP_SLUG, REP_IDGONE, REP_GONE, REP_UNFOUNDED,
	REP_DOSSIER, REP_HOLD, REP_HELD_AT };

static const char *const stmts[STMT__MAX] = {
	/* STMT_COUNT_CONTENT: type, 4 x content term */
	"SELECT COUNT(*), COALESCE(SUM(" HELD "), 0) FROM report r WHERE"
	CONTENT_OPEN " AND " CONTENT_TERM,
	/* STMT_COUNT_IDENTITY: type, cut_identity, content term */
	"SELECT COUNT(*), COALESCE(SUM(" HELD "), 0) FROM report r WHERE"
	IDENTITY_OPEN " AND (r.closed_at < ? OR " CONTENT_TERM ")",
	/* STMT_NEXT_CONTENT: pattern x2, months unfounded, months content,
	 * type, content term */
	"SELECT UNIX_TIMESTAMP(MIN(IF(" UNFOUNDED ","
	" r.closed_at + INTERVAL ? MONTH, r.closed_at + INTERVAL ? MONTH)))"
	" FROM report r WHERE" CONTENT_OPEN " AND NOT " CONTENT_TERM,
	/* STMT_NEXT_IDENTITY: months identity, type, cut_identity */
	"SELECT UNIX_TIMESTAMP(MIN(r.closed_at) + INTERVAL ? MONTH)"
	" FROM report r WHERE" IDENTITY_OPEN " AND r.closed_at >= ?",
	/* STMT_COUNT_DOSSIER: cut */
	"SELECT COUNT(*), 0 FROM dossier WHERE status = 'afgesloten'"
	" AND erased_at IS NULL AND closed_at < ?",
	/* STMT_NEXT_DOSSIER: months, cut */
	"SELECT UNIX_TIMESTAMP(MIN(closed_at) + INTERVAL ? MONTH)"
	" FROM dossier WHERE status = 'afgesloten' AND erased_at IS NULL"
	" AND closed_at >= ?",
	/* STMT_PICK_CONTENT: type, content term, limit */
	"SELECT r.id, r.reference, r.identity_erased_at IS NULL"
	" FROM report r WHERE" CONTENT_OPEN " AND " CONTENT_TERM
	" AND NOT " HELD " ORDER BY r.id LIMIT ? FOR UPDATE SKIP LOCKED",
	/* STMT_PICK_IDENTITY: type, cut_identity, limit */
	"SELECT r.id, r.reference, 1 FROM report r WHERE" IDENTITY_OPEN
	" AND r.closed_at < ? AND NOT " HELD
	" ORDER BY r.id LIMIT ? FOR UPDATE SKIP LOCKED",
	/* STMT_PICK_DOSSIER: cut, limit */
	"SELECT id, number, 0 FROM dossier WHERE status = 'afgesloten'"
	" AND erased_at IS NULL AND closed_at < ?"
	" ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
	/* STMT_BATCH */
	"INSERT INTO retention_batch (at, kind, items, identities, refs)"
	" VALUES (UTC_TIMESTAMP(), ?, ?, ?, ?)",
	/* STMT_SHARE: the partner sees the report once more, as erased */
	"UPDATE report_share SET seq = ?, changed_at = UTC_TIMESTAMP()"
	" WHERE report_id = ?",
	/* STMT_DOSSIER_SUBJECTS: a bounded number (dossier_one) */
	"SELECT subject_id FROM dossier_subject WHERE dossier_id = ?"
	" ORDER BY subject_id LIMIT 256",
	/* STMT_DOSSIER_UNLINK */
	"DELETE FROM dossier_subject WHERE dossier_id = ? AND subject_id = ?",
	/* STMT_SUBJECT_ORPHAN: id x3; IGNORE as in sql/028's trigger */
	"DELETE IGNORE FROM subject WHERE id = ? AND NOT EXISTS"
	" (SELECT 1 FROM report_subject WHERE subject_id = ?) AND NOT EXISTS"
	" (SELECT 1 FROM dossier_subject WHERE subject_id = ?)",
	/* STMT_TYPES: every type, also those no form offers any more */
	"SELECT id, slug FROM signal_type ORDER BY id",
	/* STMT_OVERVIEW */
	"SELECT COUNT(*), COALESCE(SUM(r.closed_at IS NULL), 0),"
	" COALESCE(SUM(r.closed_at IS NOT NULL AND"
	" r.identity_erased_at IS NULL AND r.content_erased_at IS NULL), 0),"
	" COALESCE(SUM(r.identity_erased_at IS NOT NULL AND"
	" r.content_erased_at IS NULL), 0),"
	" COALESCE(SUM(r.content_erased_at IS NOT NULL), 0),"
	" COALESCE(SUM(r.closed_at IS NOT NULL AND r.content_erased_at IS NULL"
	" AND " HELD "), 0) FROM report r",
	/* STMT_OVERVIEW_DOSSIER */
	"SELECT COUNT(*), COALESCE(SUM(status <> 'afgesloten'), 0),"
	" COALESCE(SUM(status = 'afgesloten' AND erased_at IS NULL), 0),"
	" COALESCE(SUM(erased_at IS NOT NULL), 0) FROM dossier",
	/* STMT_RUNS */
	"SELECT id, UNIX_TIMESTAMP(at), kind, items, identities"
	" FROM retention_batch ORDER BY id DESC LIMIT ?",
	/* STMT_REPORT: pattern x2, id */
	"SELECT UNIX_TIMESTAMP(r.closed_at), st.slug,"
	" UNIX_TIMESTAMP(r.identity_erased_at),"
	" UNIX_TIMESTAMP(r.content_erased_at), " UNFOUNDED ","
	" " IN_OPEN_DOSSIER ", h.reason, UNIX_TIMESTAMP(h.held_at)"
	" FROM report r JOIN signal_type st ON st.id = r.signal_type_id"
	" LEFT JOIN report_hold h ON h.report_id = r.id WHERE r.id = ?",
	/* STMT_LOCK */
	"SELECT id FROM report WHERE id = ? FOR UPDATE",
	/* STMT_HOLD: id, reason, user */
	"INSERT INTO report_hold (report_id, reason, held_by, held_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE"
	" reason = VALUES(reason), held_by = VALUES(held_by),"
	" held_at = VALUES(held_at)",
	/* STMT_UNHOLD */
	"DELETE FROM report_hold WHERE report_id = ?",
};

/*
 * A report's identity, each statement with the report id as its one
 * parameter.  The reporter's mail waiting in the outbox goes too: it
 * holds no address, but it is about to be sent to one.  The report
 * row's code is lib/report.c's (mp_report_erase_identity).
 */
static const char *const erase_identity[] = {
	"DELETE FROM reporter_session WHERE report_id = ?",
	"DELETE FROM reporter_contact WHERE report_id = ?",
	"DELETE FROM mail_outbox WHERE report_id = ? AND kind = 'reporter'",
	NULL
};

/*
 * A report's content, and its identity with it.  Attachments before
 * messages (a reply's files point at it); subject links by report, so
 * that sql/028's trigger takes each subject with its last link; a
 * link's decision stays for the other report, its reason goes; the
 * history keeps its kinds, times and actors and a status change's
 * "from -> to" (what the statistics are made of), not its words.  The
 * report row itself is lib/report.c's (mp_report_erase_content).
 */
static const char *const erase_content[] = {
	"DELETE FROM reporter_session WHERE report_id = ?",
	"DELETE FROM reporter_contact WHERE report_id = ?",
	"DELETE FROM mail_outbox WHERE report_id = ?",
	"DELETE FROM attachment WHERE report_id = ?",
	"DELETE FROM message WHERE report_id = ?",
	/* "nieuw -> afgerond; reden: ..." keeps "nieuw -> afgerond". */
	"UPDATE event SET detail = IF(kind = 'status',"
	" SUBSTRING_INDEX(detail, '; reden: ', 1), '') WHERE report_id = ?",
	"DELETE FROM report_subject WHERE report_id = ?",
	"DELETE FROM report_subject_refused WHERE report_id = ?",
	"UPDATE report_link SET reason = '' WHERE report_a = ?",
	"UPDATE report_link SET reason = '' WHERE report_b = ?",
	NULL
};

/*
 * The content in other modules' tables and the report row: the answers
 * to the follow-up questions are report content like the description
 * (lib/question.c, issue 17).
 */
static enum mp_err
erase_content_rows(struct mp_db *db, long long id)
{
	enum mp_err	 er;

	if ((er = mp_question_answers_erase(db, id)) != MP_OK)
		return er;
	return mp_report_erase_content(db, id);
}

/* A closed dossier: all but its number, theme, team, outcome, dates. */
static const char *const erase_dossier[] = {
	"DELETE FROM dossier_subject WHERE dossier_id = ?",
	"DELETE FROM dossier_journal WHERE dossier_id = ?",
	"DELETE FROM dossier_document WHERE dossier_id = ?",
	"DELETE FROM dossier_analysis WHERE dossier_id = ?",
	"DELETE FROM dossier_member WHERE dossier_id = ?",
	"DELETE FROM dossier_report WHERE dossier_id = ?",
	"UPDATE dossier_event SET old_value = NULL, new_value = NULL"
	" WHERE dossier_id = ? AND kind <> 'status'",
	"UPDATE dossier SET title = '', erased_at = UTC_TIMESTAMP(),"
	" version = version + 1 WHERE id = ?",
	NULL
};

static const char *const kind_names[MP_RETENTION__MAX] = {
	[MP_RETENTION_IDENTITY] = "identity",
	[MP_RETENTION_CONTENT] = "content",
	[MP_RETENTION_DOSSIER] = "dossier",
};

const char *
mp_retention_kind_name(enum mp_retention_kind k)
{

	return (unsigned)k < MP_RETENTION__MAX ? kind_names[k] : "?";
}

/* retention.type.<slug>.<key> if set and valid, else def. */
static int
term_at(const struct mp_conf *conf, enum mp_ck key, const char *slug,
    int scale, int def)
{
	const struct mp_confkey	*k = &mp_confkey_table[key];
	char			 name[128];
	const char		*star;
	size_t			 pre;

	if (slug == NULL || (star = strchr(k->name, '*')) == NULL)
		return def;
	pre = (size_t)(star - k->name);
	if ((size_t)snprintf(name, sizeof(name), "%.*s%s%s", (int)pre,
	    k->name, slug, star + 1) >= sizeof(name))
		return def;
	if (mp_conf_str(conf, name, NULL) == NULL)
		return def;
	return (int)mp_conf_int(conf, name, def / scale, k->min, k->max) *
	    scale;
}

void
mp_retention_terms(const struct mp_conf *conf, const char *slug,
    struct mp_retention_terms *t)
{

	t->identity = (int)mp_confkey_int(conf,
	    MP_CK_RETENTION_IDENTITY_MONTHS);
	t->content = 12 * (int)mp_confkey_int(conf,
	    MP_CK_RETENTION_CONTENT_YEARS);
	t->unfounded = (int)mp_confkey_int(conf,
	    MP_CK_RETENTION_UNFOUNDED_MONTHS);
	t->identity = term_at(conf, MP_CK_RETENTION_TYPE_IDENTITY_MONTHS,
	    slug, 1, t->identity);
	t->content = term_at(conf, MP_CK_RETENTION_TYPE_CONTENT_YEARS, slug,
	    12, t->content);
	t->unfounded = term_at(conf, MP_CK_RETENTION_TYPE_UNFOUNDED_MONTHS,
	    slug, 1, t->unfounded);
	if (t->unfounded > t->content)
		t->unfounded = t->content;
}

int
mp_retention_dossier_months(const struct mp_conf *conf)
{

	return 12 * (int)mp_confkey_int(conf, MP_CK_RETENTION_DOSSIER_YEARS);
}

time_t
mp_retention_add_months(time_t t, int months)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	struct tm	 tm;
	long		 m;
	int		 last, y;

	if (gmtime_r(&t, &tm) == NULL)
		return (time_t)-1;
	m = (long)tm.tm_year * 12 + tm.tm_mon + months;
	if (m < 0 || m > 12L * 8000)
		return (time_t)-1;
	tm.tm_year = (int)(m / 12);
	tm.tm_mon = (int)(m % 12);
	y = tm.tm_year + 1900;
	last = mdays[tm.tm_mon];
	if (tm.tm_mon == 1 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	if (tm.tm_mday > last)
		tm.tm_mday = last;
	tm.tm_isdst = 0;
	return timegm(&tm);
}

time_t
mp_retention_cutoff(time_t now, int months)
{

	return mp_retention_add_months(now, -months);
}

void
mp_retention_ts(time_t t, char buf[MP_RETENTION_TS])
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, MP_RETENTION_TS, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		(void)snprintf(buf, MP_RETENTION_TS, "1970-01-01 00:00:00");
}

int
mp_retention_reason_pattern(const char *words, char *buf, size_t sz)
{
	const char	*p, *e;
	size_t		 len = 0, n;
	int		 first = 1;

	buf[0] = '\0';
	if (words == NULL)
		return 0;
	for (p = words; *p != '\0'; p = *e == ',' ? e + 1 : e) {
		while (*p == ' ' || *p == '\t')
			p++;
		for (e = p; *e != '\0' && *e != ','; e++)
			if (!(*e == ' ' || *e == '-' ||
			    (unsigned char)*e >= 0x80 ||
			    (*e >= 'a' && *e <= 'z') ||
			    (*e >= 'A' && *e <= 'Z') ||
			    (*e >= '0' && *e <= '9')))
				return -1;
		n = (size_t)(e - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n == 0)
			continue;
		/* "^(" or "|", the word, and room for ")" and NUL. */
		if (len + 2 + n + 2 > sz)
			return -1;
		len += (size_t)snprintf(buf + len, sz - len, "%s%.*s",
		    first ? "^(" : "|", (int)n, p);
		first = 0;
	}
	if (!first)
		(void)snprintf(buf + len, sz - len, ")");
	return 0;
}

enum mp_err
mp_retention_types(struct mp_db *db,
    enum mp_err (*fn)(long long, const char *, void *), void *arg)
{
	struct mp_stmt	*st;
	enum mp_err	 er, fer = MP_OK;

	if ((er = mp_db_query(db, &st, stmts[STMT_TYPES], NULL, 0)) !=
	    MP_OK)
		return er;
	while (fer == MP_OK && (er = mp_db_next(st)) == MP_OK)
		fer = fn(mp_db_int(st, TY_ID), mp_db_text(st, TY_SLUG, NULL),
		    arg);
	mp_db_done(st);
	if (fer != MP_OK)
		return fer;
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* The parameters of CONTENT_TERM into v. */
struct cut {
	char	 identity[MP_RETENTION_TS];
	char	 content[MP_RETENTION_TS];
	char	 unfounded[MP_RETENTION_TS];
	char	 pattern[512];
};

static enum mp_err
cuts(const struct mp_conf *conf, const struct mp_retention_terms *t,
    time_t now, struct cut *c)
{

	mp_retention_ts(mp_retention_cutoff(now, t->identity), c->identity);
	mp_retention_ts(mp_retention_cutoff(now, t->content), c->content);
	mp_retention_ts(mp_retention_cutoff(now, t->unfounded),
	    c->unfounded);
	if (mp_retention_reason_pattern(mp_confkey_str(conf,
	    MP_CK_RETENTION_UNFOUNDED_REASONS), c->pattern,
	    sizeof(c->pattern)) != 0) {
		mp_errx("%s: retention.unfounded_reasons: letters, digits,"
		    " spaces and hyphens only", __func__);
		return MP_ECONF;
	}
	return MP_OK;
}

static size_t
content_params(struct mp_dbval *v, const struct cut *c)
{

	v[0] = MP_DBTEXT(c->content);
	v[1] = MP_DBTEXT(c->unfounded);
	v[2] = v[3] = MP_DBTEXT(c->pattern);
	return 4;
}

/* One row of two counts or one time. */
static enum mp_err
one_row(struct mp_db *db, enum stmt s, const struct mp_dbval *v, size_t n,
    long long *a, long long *b)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	*a = 0;
	if (b != NULL)
		*b = 0;
	if ((er = mp_db_query(db, &st, stmts[s], v, n)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		*a = mp_db_isnull(st, CNT_ALL) ? 0 : mp_db_int(st, CNT_ALL);
		if (b != NULL)
			*b = mp_db_int(st, CNT_HELD);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_retention_count(struct mp_db *db, const struct mp_conf *conf,
    enum mp_retention_kind kind, long long type_id,
    const struct mp_retention_terms *t, time_t now,
    struct mp_retention_count *out)
{
	struct mp_dbval	 v[12];
	struct cut	 c;
	long long	 all, held, next;
	size_t		 n;
	enum mp_err	 er;

	memset(out, 0, sizeof(*out));
	if ((er = cuts(conf, t, now, &c)) != MP_OK)
		return er;
	switch (kind) {
	case MP_RETENTION_DOSSIER:
		v[0] = MP_DBTEXT(c.content);
		if ((er = one_row(db, STMT_COUNT_DOSSIER, v, 1, &all,
		    &held)) != MP_OK)
			return er;
		v[0] = MP_DBINT(t->content);
		v[1] = MP_DBTEXT(c.content);
		er = one_row(db, STMT_NEXT_DOSSIER, v, 2, &next, NULL);
		break;
	case MP_RETENTION_CONTENT:
		v[0] = MP_DBINT(type_id);
		n = 1 + content_params(v + 1, &c);
		if ((er = one_row(db, STMT_COUNT_CONTENT, v, n, &all,
		    &held)) != MP_OK)
			return er;
		v[0] = v[1] = MP_DBTEXT(c.pattern);
		v[2] = MP_DBINT(t->unfounded);
		v[3] = MP_DBINT(t->content);
		v[4] = MP_DBINT(type_id);
		n = 5 + content_params(v + 5, &c);
		er = one_row(db, STMT_NEXT_CONTENT, v, n, &next, NULL);
		break;
	case MP_RETENTION_IDENTITY:
		v[0] = MP_DBINT(type_id);
		v[1] = MP_DBTEXT(c.identity);
		n = 2 + content_params(v + 2, &c);
		if ((er = one_row(db, STMT_COUNT_IDENTITY, v, n, &all,
		    &held)) != MP_OK)
			return er;
		v[0] = MP_DBINT(t->identity);
		v[1] = MP_DBINT(type_id);
		v[2] = MP_DBTEXT(c.identity);
		er = one_row(db, STMT_NEXT_IDENTITY, v, 3, &next, NULL);
		break;
	default:
		return MP_EINVAL;
	}
	if (er != MP_OK)
		return er;
	out->due = all - held;
	out->held = held;
	out->next = (time_t)next;
	return MP_OK;
}

/* One batch's work, for the transaction. */
struct erase {
	const struct mp_conf		*conf;
	enum mp_retention_kind		 kind;
	long long			 type_id;
	const struct mp_retention_terms	*t;
	struct cut			 c;
	int				 limit;
	struct mp_retention_batch	*b;
	long long			*ids;
};

/* Add ref to b->refs, or mark them cut. */
static void
add_ref(struct mp_retention_batch *b, const char *ref, long long id)
{
	size_t	 len = strlen(b->refs);
	char	 tmp[40];
	int	 n;

	if (ref == NULL) {
		(void)snprintf(tmp, sizeof(tmp), "#%lld", id);
		ref = tmp;
	}
	n = snprintf(b->refs + len, sizeof(b->refs) - len, "%s%s",
	    len > 0 ? " " : "", ref);
	if (n < 0 || (size_t)n >= sizeof(b->refs) - len) {
		b->refs[len] = '\0';
		b->refs_cut = 1;
	}
}

/* Claim the batch's rows: ids into e->ids, references into b->refs. */
static enum mp_err
pick(struct mp_db *db, struct erase *e)
{
	struct mp_dbval	 v[8];
	struct mp_stmt	*st;
	enum stmt	 s;
	size_t		 n;
	enum mp_err	 er;

	switch (e->kind) {
	case MP_RETENTION_DOSSIER:
		s = STMT_PICK_DOSSIER;
		v[0] = MP_DBTEXT(e->c.content);
		n = 1;
		break;
	case MP_RETENTION_CONTENT:
		s = STMT_PICK_CONTENT;
		v[0] = MP_DBINT(e->type_id);
		n = 1 + content_params(v + 1, &e->c);
		break;
	default:
		s = STMT_PICK_IDENTITY;
		v[0] = MP_DBINT(e->type_id);
		v[1] = MP_DBTEXT(e->c.identity);
		n = 2;
		break;
	}
	v[n++] = MP_DBINT(e->limit);
	if ((er = mp_db_query(db, &st, stmts[s], v, n)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK && e->b->n < e->limit) {
		e->ids[e->b->n++] = mp_db_int(st, PICK_ID);
		add_ref(e->b, mp_db_text(st, PICK_REF, NULL),
		    mp_db_int(st, PICK_ID));
		if (e->kind != MP_RETENTION_DOSSIER &&
		    mp_db_int(st, PICK_IDENTITY) != 0)
			e->b->identities++;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND || er == MP_OK ? MP_OK : er;
}

/* Run each statement of list with id. */
static enum mp_err
run_list(struct mp_db *db, const char *const *list, long long id)
{
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	for (; *list != NULL; list++)
		if ((er = mp_db_exec(db, *list, v, 1, NULL, NULL)) != MP_OK)
			return er;
	return MP_OK;
}

/*
 * Erase dossier id and the subjects only it mentioned: its subject
 * links a bounded number at a time, each subject deleted after its
 * link when nothing else mentions it, then the rest of the dossier.
 */
static enum mp_err
dossier_one(struct mp_db *db, long long id)
{
	struct mp_dbval	 v[3];
	struct mp_stmt	*st;
	long long	 sub[256];
	size_t		 n, i;
	enum mp_err	 er;

	do {
		v[0] = MP_DBINT(id);
		if ((er = mp_db_query(db, &st, stmts[STMT_DOSSIER_SUBJECTS],
		    v, 1)) != MP_OK)
			return er;
		n = 0;
		while (n < MP_NELEM(sub) && (er = mp_db_next(st)) == MP_OK)
			sub[n++] = mp_db_int(st, DS_SUBJECT);
		mp_db_done(st);
		if (er != MP_OK && er != MP_ENOTFOUND)
			return er;
		for (i = 0; i < n; i++) {
			v[1] = MP_DBINT(sub[i]);
			if ((er = mp_db_exec(db, stmts[STMT_DOSSIER_UNLINK], v,
			    2, NULL, NULL)) != MP_OK)
				return er;
			v[0] = v[1] = v[2] = MP_DBINT(sub[i]);
			if ((er = mp_db_exec(db, stmts[STMT_SUBJECT_ORPHAN], v,
			    3, NULL, NULL)) != MP_OK)
				return er;
			v[0] = MP_DBINT(id);
		}
	} while (n == MP_NELEM(sub));
	return run_list(db, erase_dossier, id);
}

/* The audit line: counts and as many references as fit. */
static void
audit_detail(const struct mp_retention_batch *b, char *buf, size_t sz)
{
	int	 n;

	n = snprintf(buf, sz, "%s: %lld %s, %lld identiteiten; batch %lld:"
	    " %s", mp_retention_kind_name(b->kind), b->n,
	    b->kind == MP_RETENTION_DOSSIER ? "dossiers" : "meldingen",
	    b->identities, b->batch_id, b->refs);
	if (n < 0 || (size_t)n >= sz)
		(void)snprintf(buf + sz - 40, 40, " ... (alle in batch %lld)",
		    b->batch_id);
}

static enum mp_err
erase_txn(struct mp_db *db, void *arg)
{
	struct erase			*e = arg;
	struct mp_retention_batch	*b = e->b;
	const char *const		*list;
	unsigned long long		 seq = 0, bid = 0;
	struct mp_dbval			 v[4];
	char				 detail[1000];
	int				 i;
	enum mp_err			 er;

	/* A retried transaction starts again from nothing. */
	b->n = b->identities = b->batch_id = 0;
	b->refs[0] = '\0';
	b->refs_cut = 0;
	b->kind = e->kind;
	if ((er = pick(db, e)) != MP_OK || b->n == 0)
		return er;
	list = e->kind == MP_RETENTION_CONTENT ? erase_content :
	    erase_identity;
	for (i = 0; i < b->n; i++) {
		if (e->kind == MP_RETENTION_DOSSIER)
			er = dossier_one(db, e->ids[i]);
		else if ((er = run_list(db, list, e->ids[i])) == MP_OK)
			er = e->kind == MP_RETENTION_CONTENT ?
			    erase_content_rows(db, e->ids[i]) :
			    mp_report_erase_identity(db, e->ids[i]);
		if (er != MP_OK)
			return er;
	}
	/*
	 * The change sequence last: its row lock (held to the commit)
	 * makes the intake's sharing wait, so for the shares' updates
	 * only, not for the whole batch.
	 */
	if (e->kind == MP_RETENTION_CONTENT) {
		if ((er = mp_share_next_seq(db, &seq)) != MP_OK)
			return er;
		v[0] = MP_DBINT((long long)seq);
		for (i = 0; i < b->n; i++) {
			v[1] = MP_DBINT(e->ids[i]);
			if ((er = mp_db_exec(db, stmts[STMT_SHARE], v, 2, NULL,
			    NULL)) != MP_OK)
				return er;
		}
	}
	v[0] = MP_DBTEXT(mp_retention_kind_name(e->kind));
	v[1] = MP_DBINT(b->n);
	v[2] = MP_DBINT(b->identities);
	v[3] = MP_DBTEXT(b->refs);
	if ((er = mp_db_exec(db, stmts[STMT_BATCH], v, 4, NULL, &bid)) !=
	    MP_OK)
		return er;
	b->batch_id = (long long)bid;
	audit_detail(b, detail, sizeof(detail));
	return mp_audit(db, 0, "meldpuntctl", "bewaartermijn", "retentie",
	    b->batch_id, "", detail);
}

enum mp_err
mp_retention_erase(struct mp_db *db, const struct mp_conf *conf,
    enum mp_retention_kind kind, long long type_id,
    const struct mp_retention_terms *t, time_t now, int limit,
    struct mp_retention_batch *b)
{
	struct erase	 e;
	enum mp_err	 er;

	memset(b, 0, sizeof(*b));
	if (limit < 1 || limit > 5000 || (unsigned)kind >= MP_RETENTION__MAX)
		return MP_EINVAL;
	memset(&e, 0, sizeof(e));
	e.conf = conf;
	e.kind = kind;
	e.type_id = type_id;
	e.t = t;
	e.limit = limit;
	e.b = b;
	if ((er = cuts(conf, t, now, &e.c)) != MP_OK)
		return er;
	if ((e.ids = calloc((size_t)limit, sizeof(*e.ids))) == NULL)
		return MP_ENOMEM;
	er = mp_db_txn(db, erase_txn, &e);
	free(e.ids);
	return er;
}

enum mp_err
mp_retention_overview(struct mp_db *db, struct mp_retention_overview *o)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	memset(o, 0, sizeof(*o));
	if ((er = mp_db_query(db, &st, stmts[STMT_OVERVIEW], NULL, 0)) !=
	    MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		o->reports = mp_db_int(st, OV_ALL);
		o->open = mp_db_int(st, OV_OPEN);
		o->identity_kept = mp_db_int(st, OV_KEPT);
		o->identity_gone = mp_db_int(st, OV_IDGONE);
		o->content_gone = mp_db_int(st, OV_GONE);
		o->held = mp_db_int(st, OV_HELD);
	}
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	if ((er = mp_db_query(db, &st, stmts[STMT_OVERVIEW_DOSSIER], NULL,
	    0)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		o->dossiers = mp_db_int(st, OD_ALL);
		o->dossiers_open = mp_db_int(st, OD_OPEN);
		o->dossiers_closed = mp_db_int(st, OD_CLOSED);
		o->dossiers_gone = mp_db_int(st, OD_GONE);
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_retention_runs(struct mp_db *db, int limit,
    void (*fn)(const struct mp_retention_run *, void *), void *arg)
{
	struct mp_retention_run	 run;
	struct mp_stmt		*st;
	struct mp_dbval		 v[1];
	enum mp_err		 er;

	v[0] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, stmts[STMT_RUNS], v, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		run.id = mp_db_int(st, RUN_ID);
		run.at = (time_t)mp_db_int(st, RUN_AT);
		run.kind = mp_db_text(st, RUN_KIND, NULL);
		run.items = mp_db_int(st, RUN_ITEMS);
		run.identities = mp_db_int(st, RUN_IDS);
		fn(&run, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_retention_report(struct mp_db *db, const struct mp_conf *conf,
    long long id, struct mp_retention_status *out)
{
	struct mp_retention_terms	 t;
	struct mp_stmt			*st;
	struct mp_dbval			 v[3];
	struct cut			 c;
	const char			*reason;
	time_t				 closed;
	enum mp_err			 er;

	memset(out, 0, sizeof(*out));
	mp_retention_terms(conf, NULL, &t);
	if ((er = cuts(conf, &t, 0, &c)) != MP_OK)
		return er;
	v[0] = v[1] = MP_DBTEXT(c.pattern);
	v[2] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_REPORT], v, 3)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		return er;
	}
	closed = mp_db_isnull(st, REP_CLOSED) ? 0 :
	    (time_t)mp_db_int(st, REP_CLOSED);
	mp_retention_terms(conf, mp_db_text(st, REP_SLUG, NULL), &t);
	out->identity_erased = mp_db_isnull(st, REP_IDGONE) ? 0 :
	    (time_t)mp_db_int(st, REP_IDGONE);
	out->content_erased = mp_db_isnull(st, REP_GONE) ? 0 :
	    (time_t)mp_db_int(st, REP_GONE);
	out->unfounded = mp_db_int(st, REP_UNFOUNDED) != 0;
	out->in_open_dossier = mp_db_int(st, REP_DOSSIER) != 0;
	if ((reason = mp_db_text(st, REP_HOLD, NULL)) != NULL) {
		out->held = 1;
		(void)snprintf(out->hold_reason, sizeof(out->hold_reason),
		    "%s", reason);
		out->held_at = (time_t)mp_db_int(st, REP_HELD_AT);
	}
	mp_db_done(st);
	if (closed > 0) {
		out->identity_due = mp_retention_add_months(closed,
		    t.identity);
		out->content_due = mp_retention_add_months(closed,
		    out->unfounded ? t.unfounded : t.content);
	}
	return MP_OK;
}

enum mp_err
mp_retention_hold(struct mp_db *db, long long id, long long user,
    const char *reason)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	enum mp_err	 er;

	if (reason == NULL || reason[0] == '\0' || strlen(reason) > 500)
		return MP_EINVAL;
	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_LOCK], v, 1)) != MP_OK)
		return er;
	er = mp_db_next(st);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	if (user > 0) {
		v[1] = MP_DBTEXT(reason);
		v[2] = MP_DBINT(user);
		return mp_db_exec(db, stmts[STMT_HOLD], v, 3, NULL, NULL);
	}
	return mp_db_exec(db, stmts[STMT_UNHOLD], v, 1, NULL, NULL);
}
