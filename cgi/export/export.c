/*
 * export.c -- meldpunt-export: partners pull what was shared with them
 * as XML (see export.h).
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "meldpunt.h"
#include "export.h"
#include "xmlout.h"

#define PAGE_ROWS	1000		/* rows per keyset page */
#define REFS_MAX	(PAGE_ROWS * 26)
#define DETAIL_REFS	40		/* references named in audit_log */
#define XSD_MAX		(256 * 1024)

enum stmt {
	STMT_PAGE,
	STMT_ONE,
	STMT_MORE,
	STMT_WINDOW,
	STMT_PULL,
	STMT_PULL_PAGE,
	STMT_AUDIT,
	STMT__MAX
};

/*
 * The columns of a report as exported, shared by STMT_PAGE and STMT_ONE,
 * from the views of sql/021: they show only what was shared with the
 * partner whose key came with the request (mp_partner_auth binds it),
 * so the export's account can read no other partner's feed and no
 * report that was not shared.
 */
#define REPORT_COLS \
	"SELECT seq, report_id, reference, status, signal_slug," \
	" signal_name, channel, audience_slug, audience_name," \
	" DATE_FORMAT(received_at, '%Y-%m-%dT%H:%i:%sZ')," \
	" DATE_FORMAT(taken_at, '%Y-%m-%dT%H:%i:%sZ')," \
	" DATE_FORMAT(closed_at, '%Y-%m-%dT%H:%i:%sZ')," \
	" DATE_FORMAT(observed_date, '%Y-%m-%d')," \
	" TIME_FORMAT(observed_time, '%H:%i:%s'), description," \
	" street, house_number, postcode, city, involved_people," \
	" involved_companies, involved_vehicles," \
	" DATE_FORMAT(shared_at, '%Y-%m-%dT%H:%i:%sZ')," \
	" DATE_FORMAT(changed_at, '%Y-%m-%dT%H:%i:%sZ')," \
	" DATE_FORMAT(content_erased_at, '%Y-%m-%dT%H:%i:%sZ')"
/* REPORT_COLS's columns. */
enum col {
	C_SEQ, C_ID, C_REF, C_STATUS, C_ST_SLUG, C_ST_NAME, C_CHANNEL,
	C_AUD_SLUG, C_AUD_NAME, C_RECEIVED, C_TAKEN, C_CLOSED, C_OBS_DATE,
	C_OBS_TIME, C_DESCRIPTION, C_STREET, C_HOUSE, C_POSTCODE, C_CITY,
	C_PEOPLE, C_COMPANIES, C_VEHICLES, C_SHARED, C_CHANGED, C_ERASED
};

/*
 * The feed walks its index (partner_id, seq, report_id) and joins each
 * row by primary key.  Left to itself the optimiser reads the
 * partner's whole share list by the primary key, joins the three-row
 * audience table through a join buffer and sorts the lot in a
 * temporary table, for every page: a full pull would cost the square
 * of its size.  export_feed holds the hints that keep one page at one
 * page of reads (sql/021).
 */

static const char *const stmts[STMT__MAX] = {
	/* STMT_PAGE: the next keyset page of the feed. */
	REPORT_COLS " FROM export_feed"
	" WHERE partner_id = ? AND (seq > ? OR (seq = ? AND"
	" report_id > ?)) ORDER BY seq, report_id LIMIT ?",
	/* STMT_ONE */
	REPORT_COLS " FROM export_shared_report"
	" WHERE partner_id = ? AND reference = ?",
	/* STMT_MORE */
	"SELECT 1 FROM export_feed"
	" WHERE partner_id = ? AND (seq > ?"
	" OR (seq = ? AND report_id > ?)) LIMIT 1",
	/*
	 * STMT_WINDOW: count this pull in the bound partner's current
	 * minute and read the count (sql/021).
	 */
	"SELECT export_count_pull(?)",
	/*
	 * The record of a pull, in the bound partner's name only: the
	 * account has no INSERT on these tables (sql/027).  They write
	 * although they read "SELECT", so they run under mp_db_txn1
	 * (record()).
	 */
	/* STMT_PULL: the new pull's id. */
	"SELECT export_log_pull(?, ?, ?)",
	/* STMT_PULL_PAGE: 1 when written. */
	"SELECT export_log_page(?, ?, ?, ?, ?)",
	/* STMT_AUDIT: 1 when written. */
	"SELECT export_log_audit(?, ?, ?)",
};

/* STMT_WINDOW's column: the pulls in the minute, this one included. */
enum window_col { WINDOW_PULLS };

/* The column of STMT_PULL, STMT_PULL_PAGE and STMT_AUDIT: the answer. */
enum rec_col { REC_OUT };

struct mp_export {
	struct mp_ctx	*ctx;
	const char	*mount;
	long long	 default_limit, max_limit, ppm;
	const char	*cert_param;
	char		*xsd;		/* the schema, read at start */
	size_t		 xsdlen;
};

/* ------------------------------------------------------------------ */
/* Errors.                                                             */

/* An error document <fout status="N"><bericht>msg</bericht></fout>. */
static void
xml_error(struct mp_req *req, int status, const char *msg)
{
	struct mp_xml	*x;
	char		 code[8];

	if (status == 401)
		(void)mp_http_header(req, "WWW-Authenticate",
		    "Bearer realm=\"meldpunt\"");
	if (mp_xmlout_begin(&x, req, status) != MP_OK)
		return;
	(void)snprintf(code, sizeof(code), "%d", status);
	(void)(mp_xmlout_start_ns(x, "fout", MP_EXPORT_NS) != MP_OK ||
	    mp_xmlout_attr(x, "status", code) != MP_OK ||
	    mp_xmlout_elem(x, "bericht", msg, (size_t)-1) != MP_OK ||
	    mp_xmlout_close(x) != MP_OK);
	(void)mp_xmlout_end(x);
}

/* ------------------------------------------------------------------ */
/* Start and stop.                                                     */

static enum mp_err
read_xsd(struct mp_export *e)
{
	const char	*dir;
	char		 path[1024];
	struct mp_buf	 b;
	char		 chunk[8192];
	ssize_t		 n;
	int		 fd;
	enum mp_err	 er = MP_OK;

	dir = mp_confkey_str(e->ctx->conf, MP_CK_PATHS_TEMPLATES);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
	    MP_EXPORT_XSD) >= sizeof(path))
		return MP_ECONF;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		mp_errx("%s: %s: %s", __func__, path, strerror(errno));
		return MP_ECONF;
	}
	mp_buf_init(&b, XSD_MAX);
	while (er == MP_OK && (n = read(fd, chunk, sizeof(chunk))) > 0)
		er = mp_buf_add(&b, chunk, (size_t)n);
	if (er == MP_OK && n < 0)
		er = MP_ESYS;
	(void)close(fd);
	if (er == MP_OK)
		e->xsd = mp_buf_take(&b, &e->xsdlen);
	mp_buf_free(&b);
	return er;
}

enum mp_err
mp_export_open(struct mp_export **ep, struct mp_ctx *ctx)
{
	struct mp_export	*e;
	enum mp_err		 er;

	if ((e = calloc(1, sizeof(*e))) == NULL)
		return MP_ENOMEM;
	e->ctx = ctx;
	e->mount = mp_confkey_str(ctx->conf, MP_CK_EXPORT_MOUNT);
	e->max_limit = mp_confkey_int(ctx->conf, MP_CK_EXPORT_MAX_LIMIT);
	e->default_limit = mp_confkey_int_max(ctx->conf,
	    MP_CK_EXPORT_DEFAULT_LIMIT, e->max_limit);
	e->ppm = mp_confkey_int(ctx->conf, MP_CK_EXPORT_PULLS_PER_MINUTE);
	e->cert_param = mp_confkey_str(ctx->conf, MP_CK_EXPORT_CERT_PARAM);
	if ((er = read_xsd(e)) != MP_OK) {
		free(e);
		return er;
	}
	*ep = e;
	return MP_OK;
}

void
mp_export_close(struct mp_export *e)
{

	if (e == NULL)
		return;
	free(e->xsd);
	free(e);
}

/* ------------------------------------------------------------------ */
/* Who is asking.                                                      */

struct rate {
	long long	 partner, window, pulls;
};

static enum mp_err
rate_txn(struct mp_db *db, void *arg)
{
	struct rate	*r = arg;
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(r->window);
	if ((er = mp_db_query(db, &st, stmts[STMT_WINDOW], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		r->pulls = mp_db_int(st, WINDOW_PULLS);
	mp_db_done(st);
	return er;
}

/*
 * Authenticate the request into p; on failure the error response is
 * sent and -1 returned.
 */
static int
authenticate(struct mp_export *e, struct mp_req *req, struct mp_partner *p)
{
	const char	*dn;
	struct rate	 r;
	enum mp_err	 er;

	er = mp_partner_auth(e->ctx->db, &e->ctx->keys,
	    mp_req_env(req, "HTTP_AUTHORIZATION"), p);
	if (er == MP_ENOTFOUND) {
		xml_error(req, 401, "Geen geldige sleutel: stuur "
		    "\"Authorization: Bearer <sleutel>\".");
		return -1;
	}
	if (er != MP_OK) {
		xml_error(req, mp_err_status(er),
		    "De export is tijdelijk niet beschikbaar.");
		return -1;
	}
	if (p->disabled) {
		xml_error(req, 403, "Deze sleutel is uitgeschakeld.");
		return -1;
	}
	if (p->cert[0] != '\0' && ((dn = mp_req_env(req, e->cert_param)) ==
	    NULL || strcmp(dn, p->cert) != 0)) {
		xml_error(req, 403, "Het clientcertificaat ontbreekt of hoort "
		    "niet bij deze sleutel.");
		return -1;
	}
	memset(&r, 0, sizeof(r));
	r.partner = p->id;
	r.window = (long long)(time(NULL) / 60);
	if ((er = mp_db_txn(e->ctx->db, rate_txn, &r)) != MP_OK) {
		xml_error(req, mp_err_status(er),
		    "De export is tijdelijk niet beschikbaar.");
		return -1;
	}
	if (r.pulls > (p->pulls_per_minute > 0 ? p->pulls_per_minute :
	    e->ppm)) {
		(void)mp_http_header(req, "Retry-After", "60");
		xml_error(req, 429, "Te veel verzoeken; probeer het over een "
		    "minuut opnieuw.");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Writing reports.                                                    */

static enum mp_err
elem(struct mp_xml *x, struct mp_stmt *st, const char *name, enum col c)
{
	const char	*s;
	size_t		 len;

	if (mp_db_isnull(st, c) || (s = mp_db_text(st, c, &len)) == NULL)
		return MP_OK;
	return mp_xmlout_elem(x, name, s, len);
}

/* Text columns that may be empty are left out when they are. */
static enum mp_err
elem_nonempty(struct mp_xml *x, struct mp_stmt *st, const char *name,
    enum col c)
{
	const char	*s;
	size_t		 len;

	if (mp_db_isnull(st, c) || (s = mp_db_text(st, c, &len)) ==
	    NULL || len == 0)
		return MP_OK;
	return mp_xmlout_elem(x, name, s, len);
}

static enum mp_err
coded(struct mp_xml *x, struct mp_stmt *st, const char *name, enum col slug,
    enum col label)
{
	enum mp_err	 er;

	if ((er = mp_xmlout_start(x, name)) != MP_OK ||
	    (er = mp_xmlout_attr(x, "code", mp_db_text(st, slug, NULL))) !=
	    MP_OK ||
	    (er = mp_xmlout_text(x, mp_db_text(st, label, NULL), (size_t)-1))
	    != MP_OK)
		return er;
	return mp_xmlout_close(x);
}

/* Writing <onderwerpen>: the writer and its first error. */
struct subjects {
	struct mp_xml	*x;
	enum mp_err	 er;
};

static void
subject_elem(const struct mp_subject_link *l, void *arg)
{
	struct subjects	*s = arg;
	const char	*kind = mp_subject_kind_name(l->kind);

	if (s->er != MP_OK)
		return;
	if (kind == NULL) {
		/* A kind this program does not know: not in the schema. */
		mp_warnx("%s: subject of unknown kind %d left out", __func__,
		    (int)l->kind);
		return;
	}
	if ((s->er = mp_xmlout_start(s->x, "onderwerp")) != MP_OK ||
	    (s->er = mp_xmlout_attr(s->x, "soort", kind)) != MP_OK ||
	    (s->er = mp_xmlout_elem(s->x, "genormaliseerd", l->norm,
	    (size_t)-1)) != MP_OK ||
	    (s->er = mp_xmlout_elem(s->x, "weergave", l->display,
	    (size_t)-1)) !=
	    MP_OK)
		return;
	s->er = mp_xmlout_close(s->x);
}

/*
 * <onderwerpen> of report id: present (perhaps empty) for a partner
 * whose profile names it, so that "none" and "not in your profile"
 * look different.  The rows of the page stay buffered in their own
 * result set (mp_db_query), so this statement may run between them.
 */
static enum mp_err
write_subjects(struct mp_xml *x, struct mp_db *db, long long id)
{
	struct subjects	 s = { x, MP_OK };
	enum mp_err	 er;

	if ((er = mp_xmlout_start(x, "onderwerpen")) != MP_OK)
		return er;
	if ((er = mp_subject_list_shared(db, id, subject_elem, &s)) != MP_OK)
		return er;
	if (s.er != MP_OK)
		return s.er;
	return mp_xmlout_close(x);
}

/* Writing <antwoorden>: the writer, whether it is open, first error. */
struct answers {
	struct mp_xml	*x;
	int		 open;
	enum mp_err	 er;
};

static void
answer_elem(const char *kind, const char *label, const char *value,
    void *arg)
{
	struct answers	*a = arg;

	if (a->er != MP_OK)
		return;
	if (!a->open && (a->er = mp_xmlout_start(a->x, "antwoorden")) !=
	    MP_OK)
		return;
	a->open = 1;
	if ((a->er = mp_xmlout_start(a->x, "antwoord")) != MP_OK ||
	    (a->er = mp_xmlout_attr(a->x, "soort", kind)) != MP_OK ||
	    (a->er = mp_xmlout_elem(a->x, "vraag", label, (size_t)-1)) !=
	    MP_OK ||
	    (a->er = mp_xmlout_elem(a->x, "waarde", value, (size_t)-1)) !=
	    MP_OK)
		return;
	a->er = mp_xmlout_close(a->x);
}

/*
 * <antwoorden> of report id (schema 1.3): the answers to the follow-up
 * questions with the text each was asked with, for a partner whose
 * profile names "antwoorden"; left out when there are none, so that a
 * report of a signal type without questions is as under 1.2.
 */
static enum mp_err
write_answers(struct mp_xml *x, struct mp_db *db, long long id)
{
	struct answers	 a = { x, 0, MP_OK };
	enum mp_err	 er;

	if ((er = mp_question_answers_shared(db, id, answer_elem, &a)) !=
	    MP_OK)
		return er;
	if (a.er != MP_OK)
		return a.er;
	return a.open ? mp_xmlout_close(x) : MP_OK;
}

/*
 * One <melding> from the current row, with the fields of the profile
 * in the schema's order.  The cursor of the row goes into cur.
 */
static enum mp_err
write_report(struct mp_xml *x, struct mp_db *db, struct mp_stmt *st,
    unsigned f, struct mp_cursor *cur, int ns)
{
	char		 cs[MP_CURSOR_SZ];
	enum mp_err	 er;

	cur->seq = (unsigned long long)mp_db_int(st, C_SEQ);
	cur->id = (unsigned long long)mp_db_int(st, C_ID);
	mp_share_cursor_format(cur, cs);
	er = ns ? mp_xmlout_start_ns(x, "melding", MP_EXPORT_NS) :
	    mp_xmlout_start(x, "melding");
	if (er != MP_OK ||
	    (er = mp_xmlout_attr(x, "referentie", mp_db_text(st, C_REF,
	    NULL))) != MP_OK ||
	    (er = mp_xmlout_attr(x, "wijziging", cs)) != MP_OK ||
	    (er = mp_xmlout_attr(x, "gedeeld", mp_db_text(st, C_SHARED,
	    NULL))) != MP_OK ||
	    (er = mp_xmlout_attr(x, "gewijzigd", mp_db_text(st, C_CHANGED,
	    NULL))) != MP_OK)
		return er;
	/*
	 * Erased under the retention terms (lib/retention.c, schema 1.2):
	 * the reference and the date only, once more in the feed, so that
	 * the partner can follow; no field, even of the profile.
	 */
	if (!mp_db_isnull(st, C_ERASED))
		return (er = mp_xmlout_attr(x, "gewist", mp_db_text(st,
		    C_ERASED, NULL))) != MP_OK ? er : mp_xmlout_close(x);
	if (MP_PF_HAS(f, MP_PF_STATUS) &&
	    (er = elem(x, st, "status", C_STATUS)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_SIGNALTYPE) && (er = coded(x, st,
	    "signaaltype", C_ST_SLUG, C_ST_NAME)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_CHANNEL) &&
	    (er = elem(x, st, "kanaal", C_CHANNEL)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_AUDIENCE) && (er = coded(x, st,
	    "doelgroep", C_AUD_SLUG, C_AUD_NAME)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_DATES) &&
	    ((er = elem(x, st, "ontvangen", C_RECEIVED)) != MP_OK ||
	    (er = elem(x, st, "inBehandeling", C_TAKEN)) != MP_OK ||
	    (er = elem(x, st, "afgerond", C_CLOSED)) != MP_OK))
		return er;
	if (MP_PF_HAS(f, MP_PF_OBSERVED) &&
	    ((er = elem(x, st, "waargenomenOp", C_OBS_DATE)) != MP_OK ||
	    (er = elem(x, st, "waargenomenOm", C_OBS_TIME)) != MP_OK))
		return er;
	if (MP_PF_HAS(f, MP_PF_DESCRIPTION) &&
	    (er = elem(x, st, "omschrijving", C_DESCRIPTION)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_ADDRESS)) {
		if ((er = mp_xmlout_start(x, "adres")) != MP_OK ||
		    (er = elem_nonempty(x, st, "straat", C_STREET)) != MP_OK ||
		    (er = elem_nonempty(x, st, "huisnummer", C_HOUSE)) !=
		    MP_OK ||
		    (er = elem_nonempty(x, st, "postcode", C_POSTCODE)) !=
		    MP_OK ||
		    (er = elem_nonempty(x, st, "plaats", C_CITY)) != MP_OK ||
		    (er = mp_xmlout_close(x)) != MP_OK)
			return er;
	}
	if (MP_PF_HAS(f, MP_PF_PEOPLE) && (er = elem_nonempty(x, st,
	    "betrokkenPersonen", C_PEOPLE)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_COMPANIES) && (er = elem_nonempty(x, st,
	    "betrokkenBedrijven", C_COMPANIES)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_VEHICLES) && (er = elem_nonempty(x, st,
	    "voertuigen", C_VEHICLES)) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_SUBJECTS) &&
	    (er = write_subjects(x, db, mp_db_int(st, C_ID))) != MP_OK)
		return er;
	if (MP_PF_HAS(f, MP_PF_ANSWERS) &&
	    (er = write_answers(x, db, mp_db_int(st, C_ID))) != MP_OK)
		return er;
	return mp_xmlout_close(x);
}

/* ------------------------------------------------------------------ */
/* The record of a pull.                                               */

struct pull {
	struct mp_export	*e;
	struct mp_req		*req;
	struct mp_partner	*p;
	long long		 id;		/* export_pull.id */
	long long		 pages, count;
	struct mp_buf		 refs;		/* this page's references */
	struct mp_buf		 detail;	/* the first few, for audit */
};

/* One statement of the record and its answer. */
struct rec {
	enum stmt		 stmt;
	const struct mp_dbval	*v;
	size_t			 n;
	long long		 out;
};

static enum mp_err
record_txn(struct mp_db *db, void *arg)
{
	struct rec	*r = arg;
	struct mp_stmt	*st;
	enum mp_err	 er;

	r->out = 0;
	if ((er = mp_db_query(db, &st, stmts[r->stmt], r->v, r->n)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK && !mp_db_isnull(st, REC_OUT))
		r->out = mp_db_int(st, REC_OUT);
	mp_db_done(st);
	return er;
}

/*
 * Run one statement of the record; MP_EDB when it wrote nothing (no
 * partner bound to the connection, or not this pull's).
 */
static enum mp_err
record(struct mp_db *db, enum stmt stmt, const struct mp_dbval *v, size_t n,
    long long *out)
{
	struct rec	 r = { stmt, v, n, 0 };
	enum mp_err	 er;

	if ((er = mp_db_txn1(db, record_txn, &r)) != MP_OK)
		return er;
	if (r.out <= 0) {
		mp_errx("%s: %s: nothing written", __func__, stmts[stmt]);
		return MP_EDB;
	}
	if (out != NULL)
		*out = r.out;
	return MP_OK;
}

static enum mp_err
pull_start(struct pull *pl, const char *what, const char *since)
{
	struct mp_dbval		 v[3];

	v[0] = MP_DBTEXT(what);
	v[1] = MP_DBTEXT(since);
	v[2] = MP_DBTEXT(pl->req->remote_addr != NULL ?
	    pl->req->remote_addr : "");
	pl->id = 0;
	return record(pl->e->ctx->db, STMT_PULL, v, 3, &pl->id);
}

/* Note one reference sent. */
static enum mp_err
pull_ref(struct pull *pl, const char *ref)
{
	enum mp_err	 er;

	pl->count++;
	if (pl->count <= DETAIL_REFS && (er = mp_buf_printf(&pl->detail,
	    "%s%s", pl->count > 1 ? ", " : "", ref)) != MP_OK)
		return er;
	return mp_buf_printf(&pl->refs, "%s%s", mp_buf_len(&pl->refs) > 0 ?
	    "," : "", ref);
}

/* Record the page just sent (its references) under the pull. */
static enum mp_err
pull_page(struct pull *pl, long long n, const struct mp_cursor *next)
{
	struct mp_dbval	 v[5];
	char		 cs[MP_CURSOR_SZ];
	enum mp_err	 er;

	if (n == 0)
		return MP_OK;
	mp_share_cursor_format(next, cs);
	v[0] = MP_DBINT(pl->id);
	v[1] = MP_DBINT(++pl->pages);
	v[2] = MP_DBINT(n);
	v[3] = MP_DBTEXT(cs);
	v[4] = MP_DBTEXTN(mp_buf_str(&pl->refs), mp_buf_len(&pl->refs));
	er = record(pl->e->ctx->db, STMT_PULL_PAGE, v, 5, NULL);
	mp_buf_reset(&pl->refs);
	return er;
}

/* The audit_log entry that closes a pull. */
static void
pull_audit(struct pull *pl, const char *action, const char *since,
    const struct mp_cursor *next, int complete)
{
	struct mp_buf	 d;
	struct mp_dbval	 v[3];
	char		 cs[MP_CURSOR_SZ];

	mp_share_cursor_format(next, cs);
	mp_buf_init(&d, 4096);
	/*
	 * The user (partner:<name>) and object are the bound partner's,
	 * set by the database (sql/027); the detail is cut to its column
	 * there.
	 */
	v[0] = MP_DBTEXT(action);
	v[1] = MP_DBTEXT(pl->req->remote_addr != NULL ?
	    pl->req->remote_addr : "");
	if (mp_buf_printf(&d, "ophaling %lld: %lld meldingen, cursor %s ->"
	    " %s%s; %s%s", pl->id, pl->count, since[0] != '\0' ? since : "0-0",
	    cs, complete ? "" : " (afgebroken)", mp_buf_str(&pl->detail),
	    pl->count > DETAIL_REFS ? ", ..." : "") == MP_OK) {
		v[2] = MP_DBTEXTN(mp_buf_str(&d), mp_buf_len(&d));
		(void)record(pl->e->ctx->db, STMT_AUDIT, v, 3, NULL);
	}
	mp_buf_free(&d);
}

/* ------------------------------------------------------------------ */
/* The requests.                                                       */

/* A positive decimal number of at most 7 digits, or -1. */
static long long
small_number(const char *s)
{
	long long	 v = 0;
	size_t		 i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > 7 || s[0] == '0')
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/*
 * since and limit from the query string into *since, *cur and *limit;
 * -1 when they are wrong (an error was sent).
 */
static int
list_params(struct mp_export *e, struct mp_req *req, const char **since,
    struct mp_cursor *cur, long long *limit)
{
	const char	*ls;
	size_t		 i;

	for (i = 0; i < req->query.n; i++)
		if (strcmp(req->query.v[i].name, "since") != 0 &&
		    strcmp(req->query.v[i].name, "limit") != 0) {
			xml_error(req, 400, "Onbekende parameter; gebruik "
			    "alleen since en limit.");
			return -1;
		}
	if (mp_req_params_count(&req->query, "since") > 1 ||
	    mp_req_params_count(&req->query, "limit") > 1) {
		xml_error(req, 400, "Geef since en limit elk hoogstens "
		    "een keer.");
		return -1;
	}
	*since = mp_req_params_get(&req->query, "since", NULL);
	if (*since == NULL)
		*since = "";
	if (!mp_share_cursor_parse(*since, cur)) {
		xml_error(req, 400, "Ongeldige cursor in since: gebruik de "
		    "cursor uit het vorige antwoord.");
		return -1;
	}
	if ((ls = mp_req_params_get(&req->query, "limit", NULL)) == NULL)
		*limit = e->default_limit;
	else if ((*limit = small_number(ls)) < 1 || *limit > e->max_limit) {
		xml_error(req, 400, "Ongeldige limit: een getal van 1 tot en "
		    "met het maximum van deze server.");
		return -1;
	}
	return 0;
}

/*
 * Up to limit reports after *cur into x, in keyset pages, each read
 * whole and written before the next: the page is the only thing held
 * in memory, and the pull is recorded page by page as it leaves.
 * *cur moves past what was written; *more says whether more wait.
 * -1 when the document must be abandoned.
 */
static int
list_pages(struct pull *pl, struct mp_xml *x, struct mp_cursor *cur,
    long long limit, int *more)
{
	struct mp_partner	*p = pl->p;
	struct mp_stmt		*st;
	struct mp_dbval		 v[5];
	long long		 left, n = 0, want = 0;
	enum mp_err		 er;

	for (left = limit; left > 0; left -= n) {
		want = left < PAGE_ROWS ? left : PAGE_ROWS;
		v[0] = MP_DBINT(p->id);
		v[1] = MP_DBINT((long long)cur->seq);
		v[2] = MP_DBINT((long long)cur->seq);
		v[3] = MP_DBINT((long long)cur->id);
		v[4] = MP_DBINT(want);
		if (mp_db_query(pl->e->ctx->db, &st, stmts[STMT_PAGE], v, 5) !=
		    MP_OK)
			return -1;
		n = 0;
		while ((er = mp_db_next(st)) == MP_OK) {
			if (write_report(x, pl->e->ctx->db, st, p->fields,
			    cur, 0) != MP_OK ||
			    pull_ref(pl, mp_db_text(st, C_REF, NULL)) !=
			    MP_OK)
				break;
			n++;
		}
		mp_db_done(st);
		if (er != MP_ENOTFOUND) {
			(void)pull_page(pl, n, cur);
			return -1;
		}
		if (pull_page(pl, n, cur) != MP_OK)
			return -1;
		if (n < want)
			break;
	}
	*more = 0;
	if (left <= 0 || n == want) {
		v[0] = MP_DBINT(p->id);
		v[1] = MP_DBINT((long long)cur->seq);
		v[2] = MP_DBINT((long long)cur->seq);
		v[3] = MP_DBINT((long long)cur->id);
		if (mp_db_query(pl->e->ctx->db, &st, stmts[STMT_MORE], v, 4) !=
		    MP_OK)
			return -1;
		*more = mp_db_next(st) == MP_OK;
		mp_db_done(st);
	}
	return 0;
}

static void
serve_list(struct mp_export *e, struct mp_req *req, struct mp_partner *p)
{
	struct pull		 pl;
	struct mp_cursor	 cur, start;
	struct mp_xml		*x = NULL;
	const char		*since;
	char			 cs[MP_CURSOR_SZ], cnt[24];
	long long		 limit;
	int			 more = 0, complete = 0;
	enum mp_err		 er;

	if (list_params(e, req, &since, &cur, &limit) != 0)
		return;
	start = cur;
	memset(&pl, 0, sizeof(pl));
	pl.e = e;
	pl.req = req;
	pl.p = p;
	mp_buf_init(&pl.refs, REFS_MAX * 2);
	mp_buf_init(&pl.detail, 4096);
	if ((er = pull_start(&pl, "meldingen", since)) != MP_OK) {
		xml_error(req, mp_err_status(er),
		    "De export is tijdelijk niet beschikbaar.");
		goto out;
	}
	if (mp_xmlout_begin(&x, req, 200) != MP_OK)
		goto out;
	mp_share_cursor_format(&start, cs);
	if (mp_xmlout_start_ns(x, "meldingen", MP_EXPORT_NS) != MP_OK ||
	    mp_xmlout_attr(x, "partner", p->name) != MP_OK ||
	    mp_xmlout_attr(x, "vanaf", cs) != MP_OK)
		goto out;
	if (list_pages(&pl, x, &cur, limit, &more) != 0)
		goto out;
	mp_share_cursor_format(&cur, cs);
	(void)snprintf(cnt, sizeof(cnt), "%lld", pl.count);
	if (mp_xmlout_start(x, "volgende") != MP_OK ||
	    mp_xmlout_attr(x, "cursor", cs) != MP_OK ||
	    mp_xmlout_attr(x, "aantal", cnt) != MP_OK ||
	    mp_xmlout_attr(x, "meer", more ? "true" : "false") != MP_OK ||
	    mp_xmlout_close(x) != MP_OK || mp_xmlout_close(x) != MP_OK)
		goto out;
	complete = 1;
out:
	/*
	 * On a failure mid-stream the document is left unclosed, so the
	 * partner's parser refuses it rather than taking half a page for
	 * the whole; its cursor stays where it was.
	 */
	if (x != NULL) {
		if (complete)
			complete = mp_xmlout_end(x) == MP_OK;
		else
			mp_xmlout_abort(x);
	}
	if (pl.id > 0)
		pull_audit(&pl, "export", since, &cur, complete);
	mp_buf_free(&pl.refs);
	mp_buf_free(&pl.detail);
}

/* A reference as the URL carries it: [A-Z0-9-], 1-24 characters. */
static int
valid_ref(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || n > 24)
		return 0;
	for (i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]) &&
		    !isdigit((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return 1;
}

static void
serve_one(struct mp_export *e, struct mp_req *req, struct mp_partner *p,
    const char *ref)
{
	struct pull		 pl;
	struct mp_cursor	 cur;
	struct mp_stmt		*st;
	struct mp_xml		*x = NULL;
	struct mp_dbval		 v[2];
	int			 complete = 0;
	enum mp_err		 er;

	if (req->query.n > 0) {
		xml_error(req, 400, "Deze opvraging kent geen parameters.");
		return;
	}
	memset(&pl, 0, sizeof(pl));
	memset(&cur, 0, sizeof(cur));
	pl.e = e;
	pl.req = req;
	pl.p = p;
	mp_buf_init(&pl.refs, REFS_MAX);
	mp_buf_init(&pl.detail, 4096);
	v[0] = MP_DBINT(p->id);
	v[1] = MP_DBTEXT(ref);
	if ((er = mp_db_query(e->ctx->db, &st, stmts[STMT_ONE], v, 2)) !=
	    MP_OK) {
		xml_error(req, mp_err_status(er),
		    "De export is tijdelijk niet beschikbaar.");
		goto out;
	}
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		/* Not shared and not existing look the same. */
		if (er == MP_ENOTFOUND)
			xml_error(req, 404, "Deze melding is niet met u "
			    "gedeeld.");
		else
			xml_error(req, 500, "De export is tijdelijk niet "
			    "beschikbaar.");
		goto out;
	}
	/*
	 * The row stays with the result set; the pull record is written
	 * after it (one statement at a time on the connection is not
	 * needed for buffered results).
	 */
	if (pull_start(&pl, "melding", ref) != MP_OK ||
	    mp_xmlout_begin(&x, req, 200) != MP_OK) {
		mp_db_done(st);
		if (x == NULL && pl.id == 0)
			xml_error(req, 500, "De export is tijdelijk niet "
			    "beschikbaar.");
		goto out;
	}
	if (write_report(x, e->ctx->db, st, p->fields, &cur, 1) == MP_OK &&
	    pull_ref(&pl, mp_db_text(st, C_REF, NULL)) == MP_OK)
		complete = 1;
	mp_db_done(st);
	if (complete)
		complete = pull_page(&pl, 1, &cur) == MP_OK;
out:
	if (x != NULL && mp_xmlout_end(x) != MP_OK)
		complete = 0;
	if (pl.id > 0)
		pull_audit(&pl, "export melding", ref, &cur, complete);
	mp_buf_free(&pl.refs);
	mp_buf_free(&pl.detail);
}

static void
serve_xsd(struct mp_export *e, struct mp_req *req)
{

	(void)mp_http_send(req, 200, "application/xml; charset=utf-8",
	    e->xsd, e->xsdlen);
}

/* GET v1/schema.xsd */
void
export_schema(struct mp_export *e, struct mp_req *req,
    const struct mp_route_args *a)
{

	MP_UNUSED(a);
	serve_xsd(e, req);
}

/* GET v1/reports.xml */
void
export_reports(struct mp_export *e, struct mp_req *req,
    const struct mp_route_args *a)
{
	struct mp_partner	 p;

	MP_UNUSED(a);
	if (authenticate(e, req, &p) == 0)
		serve_list(e, req, &p);
}

/* GET v1/reports/<reference>.xml */
void
export_report(struct mp_export *e, struct mp_req *req,
    const struct mp_route_args *a)
{
	struct mp_partner	 p;
	char			 ref[32];

	if (!valid_ref(a->text, a->textlen)) {
		xml_error(req, 404, "Deze melding is niet met u gedeeld.");
		return;
	}
	memcpy(ref, a->text, a->textlen);
	ref[a->textlen] = '\0';
	if (authenticate(e, req, &p) == 0)
		serve_one(e, req, &p, ref);
}

void
mp_export_serve(struct mp_export *e, struct mp_req *req,
    const struct export_route *routes, size_t n)
{
	struct mp_route_args	 a;
	const char		*path = req->path;
	size_t			 mlen = strlen(e->mount), i;

	if (req->err != MP_OK) {
		xml_error(req, req->err == MP_ETOOBIG ? 413 : 400,
		    "Het verzoek is niet te lezen.");
		return;
	}
	if (strncmp(path, e->mount, mlen) != 0 ||
	    strncmp(path + mlen, "/v1/", 4) != 0) {
		xml_error(req, 404, "Deze pagina bestaat niet.");
		return;
	}
	/* Any other method is refused before the path is looked at. */
	if (strcmp(req->method, "GET") != 0 &&
	    strcmp(req->method, "HEAD") != 0) {
		(void)mp_http_header(req, "Allow", "GET, HEAD");
		xml_error(req, 405, "Alleen GET en HEAD.");
		return;
	}
	if (mp_route_find(routes, n, sizeof(routes[0]), req->method,
	    path + mlen + 4, &a, &i) != 0) {
		xml_error(req, 404, "Deze pagina bestaat niet.");
		return;
	}
	routes[i].fn(e, req, &a);
}
