/*
 * export.c -- the work list as CSV for coordinators: the
 * same filters as the list (list.c), every matching
 * report, newest first, without anything that identifies the
 * reporter.  Rows stream from the server (mp_db_query_stream) through
 * the CSV writer to the FastCGI stream, so memory stays the same for
 * ten reports or a million.  Every export is audited with its filter
 * before the first byte goes out.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meldpunt.h"
#include "dashboard.h"

enum stmt {
	STMT_EXPORT,
	STMT_EXPORT_TEXT,
	STMT_EXPORT_WORDS,
	STMT_EXPORT_SUBJECT,
	STMT_EXPORT_SUBJECT_ONLY,
	STMT__MAX
};

/*
 * The columns.  No column of reporter_contact, no code hash, no
 * submission id: the reporter's identity never leaves this way.
 * Times are UTC in ISO 8601 with a Z.
 */
#define EXPORT_SELECT \
	"SELECT COALESCE(r.reference, ''), r.status," \
	" DATE_FORMAT(r.received_at, '%Y-%m-%dT%H:%i:%sZ')," \
	" COALESCE(DATE_FORMAT(r.taken_at, '%Y-%m-%dT%H:%i:%sZ'), '')," \
	" COALESCE(DATE_FORMAT(r.closed_at, '%Y-%m-%dT%H:%i:%sZ'), '')," \
	" COALESCE(r.closed_reason, ''), r.channel, a.name, st.name," \
	" COALESCE(t.name, ''), COALESCE(u.display_name, '')," \
	" DATE_FORMAT(r.observed_date, '%Y-%m-%d')," \
	" COALESCE(TIME_FORMAT(r.observed_time, '%H:%i'), '')," \
	" r.street, r.house_number, r.postcode, r.city, r.description," \
	" r.involved_people, r.involved_companies, r.involved_vehicles," \
	" IF(r.anonymous, 'ja', 'nee')," \
	EXPORT_ANSWERS
/*
 * The answers to the follow-up questions (issue 17), twice: as the
 * column "antwoorden", one "vraag: antwoord" a line (several choices
 * joined by "; "), the text each question was asked with; and coded,
 * "<question id> US <value>" joined by RS, for a column per question
 * when the export is filtered on one signal type (qcols_row).
 */
#define EXPORT_ANSWERS \
	" COALESCE((SELECT GROUP_CONCAT(CONCAT(qa.label, ': '," \
	" REPLACE(qa.value, CHAR(10 USING utf8mb4), '; '))" \
	" ORDER BY qa.position, qa.question_id SEPARATOR '\\n')" \
	" FROM report_answer qa WHERE qa.report_id = r.id), '')," \
	" COALESCE((SELECT GROUP_CONCAT(CONCAT(qa.question_id," \
	" CHAR(31 USING utf8mb4)," \
	" REPLACE(qa.value, CHAR(10 USING utf8mb4), '; ')) SEPARATOR 0x1e)" \
	" FROM report_answer qa WHERE qa.report_id = r.id), '')"
#define EXPORT_JOINS \
	" JOIN signal_type st ON st.id = r.signal_type_id" \
	" JOIN audience a ON a.id = r.audience_id" \
	" LEFT JOIN team t ON t.id = r.team_id" \
	" LEFT JOIN app_user u ON u.id = r.handler_id"
#define EXPORT_WHERE	" WHERE {visible}{filters}"
#define EXPORT_COLS \
	EXPORT_SELECT " FROM report r" EXPORT_JOINS EXPORT_WHERE

#define EXPORT_ORDER	" ORDER BY r.received_at DESC, r.id DESC"

/* Templates (lib/sqltext.h), expanded at start-up (mp_dash_open). */
static const char *const stmts[STMT__MAX] = {
	/* STMT_EXPORT */
	EXPORT_COLS EXPORT_ORDER,
	/*
	 * STMT_EXPORT_TEXT: the FULLTEXT query, not the list's
	 * newest-first scan (list.c's list_scan): the export takes every
	 * match, not the newest 51, so producing them all is its work
	 * anyway; and on the reports the scan decides a page on, the two
	 * agree (docs/architecture.md, "A common word's page").
	 */
	EXPORT_COLS "{text}" EXPORT_ORDER,
	/*
	 * STMT_EXPORT_WORDS: an answer holds the words too (issue 17):
	 * the reports' text and their answers, list.c's LIST_WORDS.
	 */
	EXPORT_SELECT " FROM{words}" EXPORT_JOINS EXPORT_WHERE EXPORT_ORDER,
	/* STMT_EXPORT_SUBJECT: q is also a subject (list.c's LIST_HITS) */
	EXPORT_SELECT " FROM{hits}" EXPORT_JOINS EXPORT_WHERE EXPORT_ORDER,
	/* STMT_EXPORT_SUBJECT_ONLY: its words cannot find it (list.c) */
	EXPORT_SELECT " FROM{subject_only}" EXPORT_JOINS EXPORT_WHERE
	EXPORT_ORDER,
};

/*
 * The visibility rule (access.h), the list's filters and search
 * (list.c), and the reports of a subject (subject.h) and those of
 * answers (question.h), which the list's search names.
 */
static const struct mp_sqltext_part parts[] = {
	{ "visible", mp_access_sql_visible },
	{ "filters", dash_list_sql_filters },
	{ "text", dash_list_sql_text },
	{ "words", dash_list_sql_words },
	{ "hits", dash_list_sql_hits },
	{ "subject_only", dash_list_sql_subject_only },
	{ "answer_reports", mp_question_sql_search },
	{ "subject_reports", mp_subject_sql_search },
	{ NULL, NULL }
};

struct mp_sqltext_set dash_export_sql = { stmts, STMT__MAX, parts, NULL };

static const char *const header[] = {
	"referentie", "status", "ontvangen", "in behandeling genomen",
	"afgerond", "reden afronding", "kanaal", "doelgroep", "soort",
	"team", "behandelaar", "datum waarneming", "tijd waarneming",
	"straat", "huisnummer", "postcode", "plaats", "omschrijving",
	"betrokken personen", "betrokken bedrijven", "betrokken voertuigen",
	"anoniem", "antwoorden"
};
/* The coded answers' column, after the header's; not a column itself. */
#define COL_CODED	MP_NELEM(header)

/*
 * The questions of the signal type filtered on, as the header of a
 * column each: (id, Dutch text) in their order, inactive ones too
 * (older reports answered them).  None without a type filter.
 */
struct qcols {
	struct mp_qset	 set;
};

static void
qcols_header(struct mp_csv *c, const struct qcols *q)
{
	size_t	 i;

	for (i = 0; i < q->set.n; i++)
		(void)mp_csv_field(c, q->set.q[i].texts[0].label);
}

/* The value of question id in the coded column s, into the CSV. */
static void
qcols_row(struct mp_csv *c, const struct qcols *q, const char *s)
{
	const char	*p, *e, *us;
	char		 num[24];
	size_t		 i;
	int		 found;

	for (i = 0; i < q->set.n; i++) {
		(void)snprintf(num, sizeof(num), "%lld", q->set.q[i].id);
		found = 0;
		for (p = s; p != NULL && *p != '\0' && !found; p = e) {
			e = strchr(p, '\x1e');
			us = strchr(p, '\x1f');
			if (us != NULL && (e == NULL || us < e) &&
			    (size_t)(us - p) == strlen(num) &&
			    memcmp(p, num, strlen(num)) == 0) {
				(void)mp_csv_fieldn(c, us + 1, e != NULL ?
				    (size_t)(e - us - 1) : strlen(us + 1));
				found = 1;
			}
			if (e != NULL)
				e++;
		}
		if (!found)
			(void)mp_csv_field(c, "");
	}
}

static enum mp_err
to_client(void *arg, const void *p, size_t n)
{

	return mp_http_write(arg, p, n);
}

enum mp_err
dash_csv_begin(struct mp_dreq *r, struct mp_csv *c, const char *filename)
{
	char		 disp[160];
	enum mp_err	 er;

	(void)snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"",
	    filename);
	if ((er = mp_http_header(r->req, "Content-Disposition", disp)) !=
	    MP_OK) {
		dash_error(r, 500, NULL);
		return er;
	}
	if ((er = mp_http_begin(r->req, 200, "text/csv; charset=utf-8")) !=
	    MP_OK)
		return er;
	mp_csv_init(c, r->d->csv_sep, to_client, r->req);
	return mp_csv_bom(c);
}

/*
 * The audit entry of an export: the filters, but not the search text:
 * it is words of reports (a name, an address), which the audit log
 * must not hold (issue 10); the entry says only that there was one.
 */
static enum mp_err
export_audit(struct mp_dreq *r, const struct dash_filter *f)
{
	struct dash_filter g;
	struct mp_buf	 qs;
	char		 detail[1000];

	g = *f;
	g.q = NULL;
	mp_buf_init(&qs, 4096);
	dash_filter_query(&g, &qs);
	(void)snprintf(detail, sizeof(detail), "filter: %s%s",
	    mp_buf_len(&qs) > 0 ? mp_buf_str(&qs) : "geen",
	    f->q != NULL && f->q[0] != '\0' ? "; met zoektekst" : "");
	mp_buf_free(&qs);
	return mp_audit(r->d->ctx->db, r->user.id, r->user.username,
	    "export csv", "", 0, r->client, detail);
}

/* The statement for f's search, as list.c's list_stmt chooses it. */
static enum stmt
export_stmt(const struct dash_filter *f)
{

	if (f->subj.n > 0)
		return f->subj_words ? STMT_EXPORT_SUBJECT :
		    STMT_EXPORT_SUBJECT_ONLY;
	if (f->answers)
		return STMT_EXPORT_WORDS;
	return f->boolean[0] != '\0' ? STMT_EXPORT_TEXT : STMT_EXPORT;
}

void
mp_dash_export(struct mp_dreq *r)
{
	struct dash_filter f;
	struct mp_dbval	 p[DASH_FILTER_PARAMS];
	struct mp_stmt	*st = NULL;
	struct mp_csv	 c;
	struct qcols	 qc;
	char		 fname[64], day[MP_NLTIME_DATE_LEN];
	const char	*s;
	size_t		 np, i, len;
	long long	 rows = 0;
	enum mp_err	 er;

	memset(&qc, 0, sizeof(qc));
	dash_filter_read(r, &f);
	if (f.bad) {
		dash_error(r, 400, "Een of meer filters zijn ongeldig. Ga "
		    "terug naar de werklijst en pas de filters aan.");
		return;
	}
	/* Audited first: an export that cannot be audited does not run. */
	if (export_audit(r, &f) != MP_OK) {
		dash_error(r, 503, NULL);
		return;
	}
	/* Before the stream: no other statement may run during it. */
	if (f.type > 0 && (er = mp_question_load(r->d->ctx->db, f.type, 1,
	    &qc.set)) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	if ((er = dash_filter_answers(r, &f)) != MP_OK) {
		mp_question_set_free(&qc.set);
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	np = dash_filter_params(r, &f, p);
	if ((er = mp_db_query_stream(r->d->ctx->db, &st,
	    mp_sqltext_get(&dash_export_sql, export_stmt(&f)), p, np)) !=
	    MP_OK) {
		mp_question_set_free(&qc.set);
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	/* Named after what it holds and the Dutch date of the download. */
	mp_nltime_date(r->now, day);
	(void)snprintf(fname, sizeof(fname), "meldingen-%s.csv", day);
	/* A HEAD gets the headers only. */
	if (dash_csv_begin(r, &c, fname) != MP_OK ||
	    strcmp(r->req->method, "HEAD") == 0)
		goto out;
	for (i = 0; i < MP_NELEM(header); i++)
		(void)mp_csv_field(&c, header[i]);
	qcols_header(&c, &qc);
	(void)mp_csv_endrow(&c);
	while ((er = mp_db_next(st)) == MP_OK && c.err == MP_OK) {
		for (i = 0; i < MP_NELEM(header); i++) {
			s = mp_db_text(st, (unsigned)i, &len);
			(void)mp_csv_fieldn(&c, s, s != NULL ? len : 0);
		}
		qcols_row(&c, &qc, mp_db_text(st, COL_CODED, NULL));
		(void)mp_csv_endrow(&c);
		rows++;
	}
	if (er != MP_ENOTFOUND && er != MP_OK)
		mp_warnx("%s: stopped after %lld rows: %s", __func__, rows,
		    mp_err_str(er));
	if (mp_csv_flush(&c) != MP_OK)
		mp_warnx("%s: the client went away after %lld rows",
		    __func__, rows);
out:
	mp_db_done(st);
	mp_question_set_free(&qc.set);
}
