/*
 * report.c -- a report as submitted: the form's fields and their rules
 * in one table, reading and validating a request against it, the
 * reporter's secret code, and storing a report with its sealed contact
 * details, attachments and first event in one transaction; and the
 * dashboard's changes of a report (assign, correct a field, replies
 * read).  The C code writes table `report` only here and, for its
 * status, in lib/workflow.c.  Other writers: the stored functions
 * intake_store() (sql/009, 010, 017) and feedback_reply() (sql/020,
 * unread replies and the return from "wacht op melder"), triggers
 * (sql/007), and the demo data (cgi/meldpuntctl/seed.c, in bulk into a
 * fresh database).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "buf.h"
#include "catalog.h"
#include "confkey.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "formtoken.h"
#include "heic.h"
#include "image.h"
#include "keys.h"
#include "log.h"
#include "outbox.h"
#include "question.h"
#include "ratelimit.h"
#include "report.h"
#include "req.h"
#include "routing.h"
#include "subject.h"
#include "tmpl.h"
#include "valid.h"
#include "workflow.h"

#define F_REQUIRED	0x01	/* must not be blank */
#define F_MULTILINE	0x02	/* may hold newlines */
#define F_CONTACT	0x04	/* only kept for non-anonymous reports */
#define F_STAFF		0x08	/* only on the dashboard's form */

struct rfield {
	const char	*name;		/* HTML name */
	size_t		 max;		/* characters */
	int		 flags;
};

/* The rules of every field; the order is enum mp_rfield's. */
static const struct rfield rfields[RF__MAX] = {
	{ "report-signal-type",	32,	F_REQUIRED },
	{ "report-description",	5000,	F_REQUIRED | F_MULTILINE },
	{ "report-observed-date", 10,	F_REQUIRED },
	{ "report-observed-time", 5,	0 },
	{ "report-street",	100,	0 },
	{ "report-house-number", 12,	0 },
	{ "report-postcode",	7,	0 },
	{ "report-city",	80,	0 },
	{ "report-people",	2000,	F_MULTILINE },
	{ "report-companies",	2000,	F_MULTILINE },
	{ "report-vehicles",	2000,	F_MULTILINE },
	{ "report-anonymous",	3,	F_REQUIRED },
	{ "report-contact-name", 100,	F_CONTACT },
	{ "report-contact-email", 254,	F_CONTACT },
	{ "report-contact-phone", 20,	F_CONTACT },
	{ "report-attachments",	0,	0 },
	{ "report-audience",	32,	F_REQUIRED | F_STAFF },
	{ "report-channel",	8,	F_REQUIRED | F_STAFF },
	{ "report-received-date", 10,	F_REQUIRED | F_STAFF },
};

enum stmt {
	STMT_FIND_SUBMISSION,
	STMT_CONTACT,
	STMT_ATTACHMENT,
	STMT_ATTACHMENT_OWN,
	STMT_STORE,
	STMT_SUBJECTS_DONE,
	STMT_SUBJECTS_DONE_BATCH,
	STMT_SUBJECTS_DONE_OWN,
	STMT_SUBJECTS_UNDONE_OWN,
	STMT_SUBJECTS_TODO,
	STMT_SUBJECTS_ALL,
	STMT_SUBJECTS_COUNT,
	STMT_SUBJECTS_ONE,
	STMT_COUNT_BY,
	STMT_BY_REFERENCE,
	STMT_CLOSE_REASONS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_FIND_SUBMISSION */
	/* Whether it is this request's own hash: sql/016, no hash read. */
	"SELECT reference, id, intake_submission_is_own(submission_id, ?) "
	"FROM report WHERE submission_id = ?",
	/*
	 * STMT_CONTACT, STMT_ATTACHMENT: through the views that take rows
	 * of the report this connection's intake_store() just stored, only
	 * (sql/026).
	 */
	"INSERT INTO intake_own_contact (report_id, name_enc, email_enc, "
	"phone_enc) VALUES (?, ?, ?, ?)",
	"INSERT INTO intake_own_attachment (report_id, message_id, filename,"
	" mime, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/*
	 * STMT_ATTACHMENT_OWN: a reply's file, through the view that takes
	 * rows of the bound reporter's report only (sql/020).
	 */
	"INSERT INTO feedback_own_attachment (report_id, message_id,"
	" filename, mime, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
	/*
	 * STMT_STORE: insert, reference, event, shares, rate limit and
	 * the answers in one round trip (sql/009, sql/010, sql/061); the
	 * row holds the new id.  It
	 * writes although it reads "SELECT", so it must only run under
	 * mp_db_txn or mp_db_txn1 (lib/db.c retries a lost SELECT only
	 * outside them).
	 */
	"SELECT intake_store(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/*
	 * STMT_SUBJECTS_DONE: the report's subjects are indexed (sql/029);
	 * not a change of the report: its version stays.
	 */
	"UPDATE report SET subjects_at = UTC_TIMESTAMP(), subjects_cut = ?"
	" WHERE id = ?",
	/*
	 * STMT_SUBJECTS_DONE_BATCH: the same for a JSON array of [id, cut]
	 * (mp_report_subjects_done_batch).
	 */
	"UPDATE report r JOIN JSON_TABLE(?, '$[*]' COLUMNS ("
	" id BIGINT UNSIGNED PATH '$[0]' ERROR ON EMPTY ERROR ON ERROR,"
	" cut TINYINT UNSIGNED PATH '$[1]' ERROR ON EMPTY ERROR ON ERROR)) j"
	" ON r.id = j.id"
	" SET r.subjects_at = UTC_TIMESTAMP(), r.subjects_cut = j.cut",
	/* STMT_SUBJECTS_DONE_OWN: the same for the report just stored. */
	"UPDATE intake_own_subjects_done SET subjects_at = UTC_TIMESTAMP(),"
	" subjects_cut = ? WHERE id = ?",
	/* STMT_SUBJECTS_UNDONE_OWN: not indexed after all (sql/058). */
	"UPDATE intake_own_subjects_done SET subjects_at = NULL,"
	" subjects_cut = 0 WHERE id = ?",
	/*
	 * STMT_SUBJECTS_TODO: the next reports not indexed after an id,
	 * by report_subjects_todo (subjects_at NULL, id > ?: one range),
	 * of one job's share (id modulo the jobs: 1 and 0 for all).
	 */
	"SELECT id, street, house_number, postcode, city, description,"
	" involved_people, involved_companies, involved_vehicles"
	" FROM report WHERE subjects_at IS NULL AND id > ? AND id % ? = ?"
	" ORDER BY id LIMIT ?",
	/* STMT_SUBJECTS_ALL: the same for every report (rebuild --all). */
	"SELECT id, street, house_number, postcode, city, description,"
	" involved_people, involved_companies, involved_vehicles"
	" FROM report WHERE id > ? AND id % ? = ? ORDER BY id LIMIT ?",
	/* STMT_SUBJECTS_COUNT */
	"SELECT (SELECT COUNT(*) FROM report WHERE subjects_at IS NULL),"
	" (SELECT COUNT(*) FROM report)",
	/* STMT_SUBJECTS_ONE: one report's fields, as STMT_SUBJECTS_TODO. */
	"SELECT id, street, house_number, postcode, city, description,"
	" involved_people, involved_companies, involved_vehicles"
	" FROM report WHERE id = ?",
	/* STMT_COUNT_BY: numbers only, for meldpuntctl metrics. */
	"SELECT status, channel, COUNT(*) FROM report"
	" GROUP BY status, channel ORDER BY status, channel",
	/* STMT_BY_REFERENCE: the unique key report_reference. */
	"SELECT id FROM report WHERE reference = ?",
	/*
	 * STMT_CLOSE_REASONS: reports closed in a range (UTC instants) and
	 * still closed, per reason; a range of report_closed (sql/043).
	 */
	"SELECT COALESCE(closed_reason, ''), COUNT(*) FROM report"
	" WHERE closed_at >= ? AND closed_at < ? GROUP BY 1"
	" ORDER BY 2 DESC, 1",
};

/* STMT_COUNT_BY's columns. */
enum {
	COUNT_BY_STATUS,
	COUNT_BY_CHANNEL,
	COUNT_BY_N
};

/* STMT_CLOSE_REASONS' columns. */
enum {
	CR_REASON,
	CR_N
};
/* STMT_BY_REFERENCE's column. */
enum {
	BYREF_ID
};
/* STMT_SUBJECTS_COUNT's columns. */
enum {
	COUNT_TODO,
	COUNT_TOTAL
};

/* The columns of STMT_SUBJECTS_TODO, _ALL and _ONE. */
enum {
	TODO_ID,
	TODO_STREET,
	TODO_NUMBER,
	TODO_POSTCODE,
	TODO_CITY,
	TODO_DESCRIPTION,
	TODO_PEOPLE,
	TODO_COMPANIES,
	TODO_VEHICLES
};

/* STMT_FIND_SUBMISSION's columns. */
enum {
	FIND_REFERENCE,
	FIND_ID,
	FIND_OWN		/* 1 if it holds this request's hash */
};
/* STMT_STORE's column: intake_store()'s answer. */
enum {
	STORE_ID
};

const char *
mp_report_field_name(enum mp_rfield f)
{

	return (unsigned)f < RF__MAX ? rfields[f].name : NULL;
}

size_t
mp_report_field_max(enum mp_rfield f)
{

	return (unsigned)f < RF__MAX ? rfields[f].max : 0;
}

int
mp_report_field_required(enum mp_rfield f)
{

	return (unsigned)f < RF__MAX && (rfields[f].flags & F_REQUIRED);
}

enum mp_filetype
mp_report_filetype_sniff(const unsigned char *p, size_t n)
{

	if (n >= 3 && p[0] == 0xff && p[1] == 0xd8 && p[2] == 0xff)
		return MP_FILE_JPEG;
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return MP_FILE_PNG;
	if (n >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return MP_FILE_PDF;
	if (mp_heic_sniff(p, n))
		return MP_FILE_HEIC;
	return MP_FILE_UNKNOWN;
}

const char *
mp_report_filetype_mime(enum mp_filetype t)
{

	switch (t) {
	case MP_FILE_JPEG:
		return "image/jpeg";
	case MP_FILE_PNG:
		return "image/png";
	case MP_FILE_PDF:
		return "application/pdf";
	default:
		return "application/octet-stream";
	}
}

static const char *
filetype_ext(enum mp_filetype t)
{

	switch (t) {
	case MP_FILE_JPEG:
		return "jpg";
	case MP_FILE_PNG:
		return "png";
	default:
		return "pdf";
	}
}

void
mp_report_init(struct mp_report *r)
{

	memset(r, 0, sizeof(*r));
}

void
mp_report_free(struct mp_report *r)
{
	size_t	 i;

	for (i = 0; i < RF__MAX; i++)
		mp_alloc_freezero(r->val[i], r->val[i] == NULL ? 0 :
		    strlen(r->val[i]));
	for (i = 0; i < r->natt; i++) {
		free(r->att[i].filename);
		free(r->att[i].clean);
	}
	free(r->att);
	mp_question_answers_free(r->ans, r->nans);
	mp_alloc_wipe(r, sizeof(*r));
}

/*
 * A copy of len bytes fit to show back in the form: invalid UTF-8 and
 * control characters (other than newlines and tabs) become U+FFFD, so
 * the page stays valid whatever was sent.
 */
static char *
display_copy(const char *s, size_t len)
{
	struct mp_buf	 b;
	size_t		 i, n;
	unsigned char	 c;

	mp_buf_init(&b, len * 3 + 1);
	for (i = 0; i < len; i += n) {
		c = (unsigned char)s[i];
		n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		if (i + n > len || !mp_valid_utf8(s + i, n) ||
		    (c < 0x80 && c < 0x20 && c != '\n' && c != '\t' &&
		    c != '\r')) {
			n = 1;
			if (mp_buf_add(&b, "\xef\xbf\xbd", 3) != MP_OK)
				break;
			continue;
		}
		if (mp_buf_add(&b, s + i, n) != MP_OK)
			break;
	}
	if (mp_buf_len(&b) == 0) {
		mp_buf_free(&b);
		return mp_alloc_strdup("");
	}
	return mp_buf_take(&b, NULL);
}

/* Trimmed view of s: *start and *len without outer white space. */
static void
trim(const char *s, size_t len, const char **start, size_t *outlen)
{

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\r' ||
	    *s == '\n')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	*start = s;
	*outlen = len;
}

/* Set a field's error once: the first problem found is the one shown. */
static void
fail(struct mp_report *r, enum mp_rfield f, const char *msg)
{

	if (r->err[f] == NULL) {
		r->err[f] = msg;
		r->nerr++;
	}
}

/* Today's date in the local time zone as "YYYY-MM-DD". */
static void
today(time_t now, char out[11])
{
	struct tm	 tm;

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(out, 11, "%Y-%m-%d", &tm) == 0)
		(void)strftime(out, 11, "%Y-%m-%d", gmtime_r(&now, &tm));
}

/* Check one text field's generic rules; 1 when it may go on. */
static int
check_text(struct mp_report *r, enum mp_rfield f, const char *raw,
    size_t rawlen)
{
	const struct rfield	*rf = &rfields[f];

	if (!mp_valid_utf8(raw, rawlen)) {
		fail(r, f, "Dit veld bevat tekens die wij niet kunnen "
		    "lezen. Typ de tekst opnieuw.");
		return 0;
	}
	if (mp_valid_utf8_chars(raw, rawlen) > rf->max) {
		fail(r, f, rf->max == 1 ? "Deze tekst is te lang." :
		    "Deze tekst is te lang. Kort hem in tot het aangegeven "
		    "aantal tekens.");
		return 0;
	}
	if (!(rf->flags & F_MULTILINE) &&
	    !mp_valid_text(raw, rawlen, rf->max, 0)) {
		fail(r, f, "Dit veld mag geen regeleinden of tabs bevatten.");
		return 0;
	}
	return 1;
}

/*
 * Point a at what is kept of upload u: a picture's copy without its
 * metadata (lib/image.c), a PDF as sent.  A picture that cannot be
 * read sets the field's error and leaves a->data NULL, so nothing of it
 * is stored or spooled.  MP_ENOMEM only.
 */
static enum mp_err
clean_picture(struct mp_report *r, struct mp_attachment *a,
    const struct mp_upload *u)
{
	enum mp_err	 er;
	const char	*why = NULL;

	a->data = NULL;
	a->clean = NULL;
	a->size = 0;
	if (a->type == MP_FILE_PDF) {
		a->data = u->data;
		a->size = u->size;
		return MP_OK;
	}
	if (a->type == MP_FILE_HEIC) {
		er = mp_heic_to_jpeg(u->data, u->size, &a->clean, &a->size,
		    &why);
		a->type = MP_FILE_JPEG;
	} else if (a->type == MP_FILE_JPEG)
		er = mp_image_clean_jpeg(u->data, u->size, &a->clean,
		    &a->size, &why);
	else
		er = mp_image_clean_png(u->data, u->size, &a->clean,
		    &a->size, &why);
	if (er == MP_ENOMEM)
		return er;
	if (er == MP_ETOOBIG) {
		mp_warnx("%s: picture refused: %s", __func__, why);
		fail(r, RF_ATTACHMENTS, "Een foto is te groot (te veel "
		    "beeldpunten). Verklein de foto en probeer het opnieuw.");
		return MP_OK;
	}
	if (er != MP_OK) {
		mp_warnx("%s: picture refused: %s", __func__, why);
		fail(r, RF_ATTACHMENTS, "Een foto is beschadigd of geen "
		    "echte JPEG, PNG of HEIC; wij kunnen hem niet opslaan. "
		    "Kies een andere foto.");
		return MP_OK;
	}
	a->data = a->clean;
	return MP_OK;
}

enum mp_err
mp_report_read_files(struct mp_report *r, const struct mp_req *req,
    const char *field)
{
	const struct mp_upload	*u;
	struct mp_attachment	*a;
	const char		*base, *p;
	char			 fallback[32], jname[208];
	size_t			 i, blen;
	enum mp_err		 er;
	int			 heic;

	if (req->files_dropped > 0)
		fail(r, RF_ATTACHMENTS, "U kunt hoogstens het aangegeven "
		    "aantal bestanden meesturen.");
	if (req->nfiles == 0)
		return MP_OK;
	if ((r->att = mp_alloc_calloc(req->nfiles, sizeof(*r->att))) == NULL)
		return MP_ENOMEM;
	for (i = 0; i < req->nfiles; i++) {
		u = &req->files[i];
		if (strcmp(u->field, field) != 0)
			continue;	/* another field's: not ours */
		if (u->over) {
			fail(r, RF_ATTACHMENTS, "Een bestand is groter dan "
			    "toegestaan.");
			continue;
		}
		a = &r->att[r->natt];
		if ((a->type = mp_report_filetype_sniff(u->data, u->size)) ==
		    MP_FILE_UNKNOWN) {
			fail(r, RF_ATTACHMENTS, "U kunt alleen foto's (JPEG "
			    "of PNG) en PDF-bestanden meesturen.");
			continue;
		}
		heic = a->type == MP_FILE_HEIC;
		if ((er = clean_picture(r, a, u)) != MP_OK)
			return er;
		if (a->data == NULL)
			continue;	/* refused: the error is set */
		/* Keep only the last path element of the name sent. */
		base = u->filename;
		for (p = u->filename; *p != '\0'; p++)
			if (*p == '/' || *p == '\\')
				base = p + 1;
		blen = strlen(base);
		if (blen == 0 || blen > 200 || !mp_valid_text(base, blen,
		    200, 0)) {
			(void)snprintf(fallback, sizeof(fallback),
			    "bijlage-%zu.%s", r->natt + 1,
			    filetype_ext(a->type));
			base = fallback;
		} else if (heic && (p = strrchr(base, '.')) != NULL)
			blen = (size_t)(p - base);
		/* A photo turned from HEIC into JPEG is named so. */
		if (heic && base != fallback) {
			(void)snprintf(jname, sizeof(jname), "%.*s.jpg",
			    (int)blen, base);
			base = jname;
		}
		if ((a->filename = mp_alloc_strdup(base)) == NULL) {
			free(a->clean);
			a->clean = NULL;
			return MP_ENOMEM;
		}
		mp_crypto_sha256(a->sha256, a->data, a->size);
		r->natt++;
	}
	return MP_OK;
}

/*
 * Check a date field: a valid date as dd-mm-jjjj or jjjj-mm-dd
 * (mp_valid_date_nl), not after today, not before 1950; 1 when it is
 * good, and then r->val[f] holds it as jjjj-mm-dd.  A refused value
 * stays as typed, for the form shown again.
 */
static int
check_date(struct mp_report *r, enum mp_rfield f, const char *day)
{
	struct tm	 tm;
	char		 iso[11], *p;

	if (r->err[f] != NULL)
		return 0;
	if (!mp_valid_date_nl(r->val[f], iso, &tm)) {
		fail(r, f, "Vul een datum in als dd-mm-jjjj of jjjj-mm-dd, "
		    "bijvoorbeeld 01-03-2026.");
		return 0;
	}
	if ((p = mp_alloc_strdup(iso)) == NULL) {
		fail(r, f, "Deze datum kunnen wij niet verwerken.");
		return 0;
	}
	free(r->val[f]);
	r->val[f] = p;
	if (strcmp(r->val[f], day) > 0)
		fail(r, f, "Deze datum ligt in de toekomst.");
	else if (tm.tm_year + 1900 < 1950)
		fail(r, f, "Deze datum ligt te ver in het verleden.");
	return r->err[f] == NULL;
}

/* What only the dashboard's form has: channel and date received. */
static void
read_staff(struct mp_report *r, time_t now, const char *day)
{
	struct tm	 tm;
	time_t		 t;

	if (r->err[RF_CHANNEL] == NULL) {
		if (strcmp(r->val[RF_CHANNEL], "telefoon") == 0)
			r->channel = "telefoon";
		else if (strcmp(r->val[RF_CHANNEL], "email") == 0)
			r->channel = "email";
		else
			fail(r, RF_CHANNEL, "Kies hoe de melding binnenkwam: "
			    "telefoon of e-mail.");
	}
	if (!check_date(r, RF_RECEIVED_DATE, day))
		return;
	if (r->err[RF_OBSERVED_DATE] == NULL && strcmp(
	    r->val[RF_OBSERVED_DATE], r->val[RF_RECEIVED_DATE]) > 0)
		fail(r, RF_OBSERVED_DATE, "Deze datum ligt na de datum van "
		    "ontvangst.");
	/*
	 * Received today: now.  Earlier: noon of that day, local time, so
	 * the stored UTC time keeps the date whatever the time zone does.
	 */
	if (strcmp(r->val[RF_RECEIVED_DATE], day) == 0)
		return;
	(void)mp_valid_date(r->val[RF_RECEIVED_DATE], &tm);
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1)
		fail(r, RF_RECEIVED_DATE, "Deze datum kunnen wij niet "
		    "verwerken.");
	else if (t < now)
		r->received = t;
}

/*
 * The form's fields, each checked against the generic rules of
 * rfields[] (length, characters, required), into r->val and r->err.
 * Which fields: see read_form.
 */
static enum mp_err
read_fields(struct mp_report *r, const struct mp_req *req, int staff)
{
	const char	*raw, *v;
	size_t		 rawlen, vlen, i;

	for (i = 0; i < RF__MAX; i++) {
		if (i == RF_ATTACHMENTS || (!staff &&
		    (rfields[i].flags & F_STAFF)) ||
		    (staff && i == RF_ANONYMOUS))
			continue;
		raw = mp_req_params_get(&req->form, rfields[i].name, &rawlen);
		if (raw == NULL) {
			raw = "";
			rawlen = 0;
		}
		/*
		 * A value that fails is shown back as typed, with what
		 * cannot be shown replaced; one that passes is stored
		 * trimmed.  (Only a failing value is copied for display:
		 * copying each one took a tenth of the intake's work.)
		 */
		if (!check_text(r, i, raw, rawlen)) {
			if ((r->val[i] = display_copy(raw, rawlen)) == NULL)
				return MP_ENOMEM;
			continue;
		}
		trim(raw, rawlen, &v, &vlen);
		if ((r->val[i] = mp_alloc_memdup0(v, vlen)) == NULL)
			return MP_ENOMEM;
		if ((rfields[i].flags & F_REQUIRED) && vlen == 0)
			fail(r, i, i == RF_ANONYMOUS ? "Kies of u anoniem "
			    "wilt melden." : i == RF_SIGNAL_TYPE ? "Kies "
			    "waar uw melding over gaat." : "Dit veld is "
			    "verplicht.");
	}
	return MP_OK;
}

/* The subject chosen must be one of aud's (when aud is known). */
static void
check_signal_type(struct mp_report *r, const struct mp_audience *aud,
    int staff)
{
	const struct mp_signal_type *st;

	if (r->err[RF_SIGNAL_TYPE] != NULL || aud == NULL)
		return;
	st = mp_catalog_type(aud, r->val[RF_SIGNAL_TYPE]);
	if (st == NULL)
		fail(r, RF_SIGNAL_TYPE, staff ? "Dit onderwerp hoort "
		    "niet bij deze melders; kies een ander onderwerp "
		    "of andere melders." : "Kies een onderwerp uit de "
		    "lijst.");
	else
		r->signal_type_id = st->id;
}

/* The time observed and the place: each in its form, one at least. */
static void
check_time_place(struct mp_report *r)
{
	struct tm	 tm;

	if (r->err[RF_OBSERVED_TIME] == NULL &&
	    r->val[RF_OBSERVED_TIME][0] != '\0' &&
	    !mp_valid_time(r->val[RF_OBSERVED_TIME], &tm))
		fail(r, RF_OBSERVED_TIME, "Vul een tijd in als uu:mm, "
		    "bijvoorbeeld 21:30.");
	if (r->err[RF_POSTCODE] == NULL && r->val[RF_POSTCODE][0] != '\0' &&
	    !mp_valid_postcode(r->val[RF_POSTCODE], r->postcode))
		fail(r, RF_POSTCODE, "Vul een postcode in als 1234 AB.");
	if (r->err[RF_HOUSE_NUMBER] == NULL &&
	    r->val[RF_HOUSE_NUMBER][0] != '\0' &&
	    !mp_valid_housenumber(r->val[RF_HOUSE_NUMBER]))
		fail(r, RF_HOUSE_NUMBER, "Vul een huisnummer in, eventueel "
		    "met toevoeging, bijvoorbeeld 12 of 12a.");
	if (r->err[RF_STREET] == NULL && r->err[RF_POSTCODE] == NULL &&
	    r->err[RF_CITY] == NULL && r->val[RF_STREET][0] == '\0' &&
	    r->val[RF_POSTCODE][0] == '\0' && r->val[RF_CITY][0] == '\0')
		fail(r, RF_STREET, "Vul ten minste een straat, postcode of "
		    "plaats in.");
}

/* Whether any contact field holds more than white space. */
static int
contact_typed(const struct mp_report *r)
{
	size_t	 i;

	for (i = RF_CONTACT_NAME; i <= RF_CONTACT_PHONE; i++)
		if (r->val[i] != NULL &&
		    !mp_valid_blank(r->val[i], strlen(r->val[i])))
			return 1;
	return 0;
}

/*
 * Anonymous or not, and the contact details that go with it: staff
 * record a caller as anonymous when no detail was given; a reporter
 * who chose anonymous yet typed details is asked which is meant (with
 * only blanks typed nothing is kept); one who did not choose anonymous
 * must leave a name and a way to be reached.
 */
static enum mp_err
read_contact(struct mp_report *r, int staff)
{
	size_t		 i;

	if (staff) {
		/* The caller may leave contact details, or not. */
		r->anonymous = 1;
		for (i = RF_CONTACT_NAME; i <= RF_CONTACT_PHONE; i++)
			if (r->val[i][0] != '\0')
				r->anonymous = 0;
	} else if (r->err[RF_ANONYMOUS] == NULL) {
		if (strcmp(r->val[RF_ANONYMOUS], "ja") == 0)
			r->anonymous = 1;
		else if (strcmp(r->val[RF_ANONYMOUS], "nee") != 0)
			fail(r, RF_ANONYMOUS, "Kies of u anoniem wilt "
			    "melden.");
	}
	if (r->err[RF_ANONYMOUS] == NULL && r->anonymous && !staff &&
	    contact_typed(r)) {
		/*
		 * Anonymous, yet details typed: ask which is meant rather
		 * than drop them silently (issue 15).  Everything typed is
		 * shown again; nothing is stored.
		 */
		fail(r, RF_ANONYMOUS, "U koos voor anoniem melden, maar u "
		    "vulde ook uw gegevens in. Wilt u anoniem blijven? Maak "
		    "dan de velden onder \"Uw gegevens\" leeg. Mogen wij "
		    "weten wie u bent? Kies dan \"Nee, ik geef mijn "
		    "gegevens\".");
		return MP_OK;
	}
	if (r->err[RF_ANONYMOUS] == NULL && r->anonymous && !staff) {
		/* Anonymous means anonymous: nothing of contact is kept. */
		for (i = RF_CONTACT_NAME; i <= RF_CONTACT_PHONE; i++) {
			if (r->err[i] != NULL) {
				r->err[i] = NULL;
				r->nerr--;
			}
			mp_alloc_freezero(r->val[i], strlen(r->val[i]));
			if ((r->val[i] = mp_alloc_strdup("")) == NULL)
				return MP_ENOMEM;
		}
		return MP_OK;
	}
	if (r->err[RF_ANONYMOUS] != NULL)
		return MP_OK;
	if (!staff && r->err[RF_CONTACT_NAME] == NULL &&
	    r->val[RF_CONTACT_NAME][0] == '\0')
		fail(r, RF_CONTACT_NAME, "Vul uw naam in, of kies "
		    "voor anoniem melden.");
	if (r->err[RF_CONTACT_EMAIL] == NULL &&
	    r->val[RF_CONTACT_EMAIL][0] != '\0' &&
	    !mp_valid_email(r->val[RF_CONTACT_EMAIL]))
		fail(r, RF_CONTACT_EMAIL, "Vul een e-mailadres in "
		    "als naam@voorbeeld.nl.");
	if (r->err[RF_CONTACT_PHONE] == NULL &&
	    r->val[RF_CONTACT_PHONE][0] != '\0' &&
	    !mp_valid_phone(r->val[RF_CONTACT_PHONE]))
		fail(r, RF_CONTACT_PHONE, "Vul een geldig "
		    "telefoonnummer in, bijvoorbeeld 06 12345678.");
	if (!staff && r->err[RF_CONTACT_EMAIL] == NULL &&
	    r->err[RF_CONTACT_PHONE] == NULL &&
	    r->val[RF_CONTACT_EMAIL][0] == '\0' &&
	    r->val[RF_CONTACT_PHONE][0] == '\0')
		fail(r, RF_CONTACT_EMAIL, "Vul een e-mailadres of "
		    "telefoonnummer in, zodat wij u kunnen bereiken.");
	return MP_OK;
}

/*
 * The form's fields into r, for the intake (staff 0: every field but
 * the dashboard's own) or the dashboard (staff 1: no anonymous choice,
 * no files, plus audience, channel and date received).  aud may be
 * NULL for staff only, when the audience chosen is not known.
 */
static enum mp_err
read_form(struct mp_report *r, const struct mp_req *req,
    const struct mp_audience *aud, time_t now, int staff)
{
	char		 day[11];
	enum mp_err	 er;

	r->audience_id = aud != NULL ? aud->id : 0;
	r->channel = "web";
	r->received = now;
	if ((er = read_fields(r, req, staff)) != MP_OK)
		return er;
	/* Field-specific rules, for fields that passed the generic ones. */
	check_signal_type(r, aud, staff);
	today(now, day);
	(void)check_date(r, RF_OBSERVED_DATE, day);
	if (staff)
		read_staff(r, now, day);
	check_time_place(r);
	if ((er = read_contact(r, staff)) != MP_OK)
		return er;
	/* A handler's telephone or e-mail report takes files too. */
	return mp_report_read_files(r, req, rfields[RF_ATTACHMENTS].name);
}

enum mp_err
mp_report_read(struct mp_report *r, const struct mp_req *req,
    const struct mp_audience *aud, time_t now)
{

	return read_form(r, req, aud, now, 0);
}

enum mp_err
mp_report_read_staff(struct mp_report *r, const struct mp_req *req,
    const struct mp_catalog *cat, time_t now)
{
	const struct mp_audience	*aud = NULL;
	const char			*slug;
	enum mp_err			 er;

	slug = mp_req_params_get(&req->form, rfields[RF_AUDIENCE].name, NULL);
	if (slug != NULL && slug[0] != '\0')
		aud = mp_catalog_audience(cat, slug);
	if ((er = read_form(r, req, aud, now, 1)) != MP_OK)
		return er;
	if (aud == NULL)
		fail(r, RF_AUDIENCE, "Kies wie de melding deed.");
	return MP_OK;
}

void
mp_report_reference(char out[24], int year, long long id)
{

	/* Both bounded so that the result always fits. */
	if (year < 0 || year > 9999)
		year = 0;
	if (id < 0 || id > 999999999999LL)
		id = 0;
	(void)snprintf(out, 24, "M-%04d-%06lld", year, id);
}

/* Normalise a code as typed into its 20 canonical characters. */
static int
code_normalise(const char *in, char out[21])
{
	static const char	 alphabet[] =
				    "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	size_t			 n = 0;
	char			 c;

	for (; *in != '\0'; in++) {
		c = *in;
		if (c == ' ' || c == '-')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == 'O')
			c = '0';
		else if (c == 'I' || c == 'L')
			c = '1';
		if (c == '\0' || strchr(alphabet, c) == NULL || n == 20)
			return 0;
		out[n++] = c;
	}
	out[n] = '\0';
	return n == 20;
}

enum mp_err
mp_report_code_hash(const struct mp_keys *keys, const char *code,
    unsigned char out[MP_SHA256_LEN])
{
	char		 norm[21];
	enum mp_err	 er;

	if (!code_normalise(code, norm))
		return MP_EINVAL;
	er = mp_crypto_hmac_sha256(out, mp_key(keys, MP_KEY_CODE), MP_KEY_LEN,
	    norm,
	    20);
	mp_alloc_wipe(norm, sizeof(norm));
	return er;
}

enum mp_err
mp_report_new_code(struct mp_report *r, const struct mp_keys *keys,
    char code[MP_CODE_LEN])
{
	unsigned char	 raw[13];	/* 104 bits, of which 100 are used */
	char		 b32[24];
	enum mp_err	 er;

	if ((er = mp_crypto_random(raw, sizeof(raw))) != MP_OK)
		return er;
	mp_crypto_b32(b32, raw, sizeof(raw));
	(void)snprintf(code, MP_CODE_LEN, "%.5s-%.5s-%.5s-%.5s", b32,
	    b32 + 5, b32 + 10, b32 + 15);
	er = mp_report_code_hash(keys, code, r->code_hash);
	mp_alloc_wipe(raw, sizeof(raw));
	mp_alloc_wipe(b32, sizeof(b32));
	return er;
}

/* What one run of the storing transaction needs. */
struct store {
	const struct mp_keys		*keys;
	struct mp_report		*r;
	const struct mp_ratelimit	*rl;
	const char			*addr;
	struct mp_ratehit		 h;	/* rl's hit, prepared */
	int				 fresh;	/* stored by this call */
	struct mp_routing_rule		 rule;	/* routed by it */
	int				 routed;
	struct mp_subject_set		 set;	/* r's subjects, to link */
	struct mp_buf			 ans;	/* r's answers, JSON */
	struct mp_buf			 words;	/* and their words */
	int				 index;	/* link it, else unmark */
	int				 unlinked; /* failed for good */
};

static void
utc_datetime(time_t t, char out[20])
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		(void)snprintf(out, 20, "%s", "1970-01-01 00:00:00");
}

/* Seal one contact value, bound to its report and field. */
static enum mp_err
seal_field(const struct mp_keys *keys, long long id, const char *field,
    const char *val, unsigned char **box, size_t *boxlen)
{
	char	 aad[64];

	*box = NULL;
	*boxlen = 0;
	if (val == NULL || val[0] == '\0')
		return MP_OK;
	(void)snprintf(aad, sizeof(aad), "%lld:%s", id, field);
	return mp_keys_contact_seal(keys, aad, val, box, boxlen);
}

static enum mp_err
store_contact(struct mp_db *db, const struct mp_keys *keys,
    const struct mp_report *r)
{
	static const char *const fields[3] = { "name", "email", "phone" };
	unsigned char	*box[3] = { NULL, NULL, NULL };
	size_t		 boxlen[3];
	struct mp_dbval	 p[4];
	enum mp_err	 er = MP_OK;
	int		 i;

	for (i = 0; i < 3 && er == MP_OK; i++)
		er = seal_field(keys, r->id, fields[i],
		    r->val[RF_CONTACT_NAME + i], &box[i], &boxlen[i]);
	if (er == MP_OK) {
		p[0] = MP_DBINT(r->id);
		for (i = 0; i < 3; i++)
			p[i + 1] = MP_DBBLOB(box[i], boxlen[i]);
		er = mp_db_exec(db, stmts[STMT_CONTACT], p, 4, NULL, NULL);
	}
	for (i = 0; i < 3; i++)
		free(box[i]);
	return er;
}

/*
 * intake_store()'s first 31 parameters for r into p: the report's columns,
 * its event's actor and detail, and the rate-limit hits unless they are
 * counted late (rl_late).  received and detail are p's text for those
 * two and must outlive it.
 */
static void
store_bind(struct mp_dbval p[31], const struct mp_report *r,
    const struct mp_ratehit *h, int rl_late, int year,
    const char *received, const char *detail)
{
	size_t		 i;

	p[0] = r->spooled ? MP_DBTEXT(r->reference) : MP_DBNULL();
	p[1] = r->has_submission ? MP_DBBLOB(r->submission,
	    MP_FORMTOKEN_NONCE) : MP_DBNULL();
	p[2] = MP_DBTEXT(r->channel);
	p[3] = MP_DBINT(r->audience_id);
	p[4] = MP_DBINT(r->signal_type_id);
	p[5] = MP_DBTEXT(r->val[RF_DESCRIPTION]);
	p[6] = MP_DBTEXT(r->val[RF_OBSERVED_DATE]);
	p[7] = r->val[RF_OBSERVED_TIME][0] == '\0' ? MP_DBNULL() :
	    MP_DBTEXT(r->val[RF_OBSERVED_TIME]);
	p[8] = MP_DBTEXT(r->val[RF_STREET]);
	p[9] = MP_DBTEXT(r->val[RF_HOUSE_NUMBER]);
	p[10] = MP_DBTEXT(r->postcode);
	p[11] = MP_DBTEXT(r->val[RF_CITY]);
	p[12] = MP_DBTEXT(r->val[RF_PEOPLE]);
	p[13] = MP_DBTEXT(r->val[RF_COMPANIES]);
	p[14] = MP_DBTEXT(r->val[RF_VEHICLES]);
	p[15] = MP_DBINT(r->anonymous);
	p[16] = r->no_code ? MP_DBNULL() : MP_DBBLOB(r->code_hash,
	    MP_SHA256_LEN);
	p[17] = MP_DBTEXT(received);
	p[18] = r->team_id > 0 ? MP_DBINT(r->team_id) : MP_DBNULL();
	p[19] = MP_DBINT(year);
	p[20] = MP_DBTEXT(r->actor != NULL ? r->actor : "");
	p[21] = MP_DBTEXT(detail);
	p[22] = h->n > 0 && !rl_late ? MP_DBINT(h->wstart) : MP_DBNULL();
	for (i = 0; i < 2; i++) {
		struct mp_dbval	*b = &p[23 + 4 * i];

		if ((int)i < h->n && !rl_late) {
			b[0] = MP_DBBLOB(h->bucket[i], MP_SHA256_LEN);
			b[1] = MP_DBINT(h->slot[i]);
			b[2] = MP_DBINT(h->limit[i]);
			b[3] = MP_DBINT(h->check[i]);
		} else
			b[0] = b[1] = b[2] = b[3] = MP_DBNULL();
	}
}

/*
 * r's submission was sent before: name the report it became.  If it
 * holds this very code's hash, it is this request's own earlier
 * attempt, which committed although the client saw an error (Galera
 * retries an autocommit itself, a commit's answer can be lost): then
 * it is stored, and the reporter gets the receipt and the code (issue
 * 11), not "already received".  The earlier attempt wrote everything
 * this one would have, in one transaction.  Returns MP_OK for that
 * case, MP_EDUP otherwise.
 */
static enum mp_err
stored_before(struct mp_db *db, struct mp_report *r)
{
	struct mp_dbval	 p[2];
	struct mp_stmt	*st;
	const char	*ref;
	int		 own = 0;

	p[0] = r->no_code ? MP_DBNULL() :
	    MP_DBBLOB(r->code_hash, MP_SHA256_LEN);
	p[1] = MP_DBBLOB(r->submission, MP_FORMTOKEN_NONCE);
	if (mp_db_query(db, &st, stmts[STMT_FIND_SUBMISSION], p,
	    2) == MP_OK) {
		if (mp_db_next(st) == MP_OK &&
		    (ref = mp_db_text(st, FIND_REFERENCE, NULL)) !=
		    NULL) {
			(void)snprintf(r->reference,
			    sizeof(r->reference), "%s", ref);
			r->id = mp_db_int(st, FIND_ID);
			own = !r->no_code &&
			    mp_db_int(st, FIND_OWN) == 1;
		}
		mp_db_done(st);
	}
	if (!own)
		return MP_EDUP;
	mp_infox("%s: report %s was stored by an earlier attempt of this "
	    "request", __func__, r->reference);
	return MP_OK;
}

/* Dutch is the column's default: no write, the one-statement path. */
static int
store_has_lang(const struct mp_report *r)
{

	return r->lang != NULL && strcmp(r->lang, "nl") != 0;
}

/*
 * The report's language (sql/051), through the view of the report
 * this connection just stored (the intake may write nothing else of
 * it).  A report spooled while the database was down stays Dutch.
 */
static enum mp_err
store_lang(struct mp_db *db, const struct mp_report *r)
{
	struct mp_dbval	 p[2];

	p[0] = MP_DBTEXT(r->lang);
	p[1] = MP_DBINT(r->id);
	return mp_db_exec(db, "UPDATE intake_own_report_lang SET lang = ?"
	    " WHERE id = ?", p, 2, NULL, NULL);
}

/*
 * What follows the report row: its contact row unless anonymous, its
 * attachments, its language, r->also, and the rate limit when it is
 * counted late.
 */
static enum mp_err
store_rest(struct mp_db *db, const struct store *s, int rl_late)
{
	struct mp_report	*r = s->r;
	size_t			 i;
	enum mp_err		 er = MP_OK;

	if (!r->anonymous && (er = store_contact(db, s->keys, r)) != MP_OK)
		return er;
	for (i = 0; i < r->natt; i++)
		if ((er = mp_report_attachment_store(db, r->id, 0,
		    &r->att[i])) !=
		    MP_OK)
			return er;
	if (store_has_lang(r) && (er = store_lang(db, r)) != MP_OK)
		return er;
	if (r->also != NULL && (er = r->also(db, r, r->also_arg)) != MP_OK)
		return er;
	if (rl_late)
		er = mp_ratelimit_count(db, &s->h);
	return er;
}

/*
 * Link the subjects of s->r, just stored by store_txn, in the report's
 * own transaction: one commit for the report and its subjects, where a
 * transaction of their own after it cost the intake a second commit and
 * an UPDATE of the report -- bench/README.md, "Subjects in the intake".
 * intake_store() marked the report indexed (sql/058).  A transient
 * error (a deadlock on a shared subject row) fails the transaction,
 * which mp_db_txn runs again; any other also ends it (lib/db.c drops a
 * connection whose statement failed mid-result) and sets s->unlinked,
 * so that mp_report_store stores the report again without its
 * subjects (s->index 0: unmarked), for `meldpuntctl subjects rebuild`.
 * A store that found its own earlier attempt (issue 11) links nothing:
 * store_txn returns before.
 */
static enum mp_err
store_subjects(struct mp_db *db, struct store *s)
{
	struct mp_report	*r = s->r;
	struct mp_dbval		 p[1];
	enum mp_err		 er;

	if (!s->index) {
		/* Not indexed after all. */
		p[0] = MP_DBINT(r->id);
		return mp_db_exec(db, stmts[STMT_SUBJECTS_UNDONE_OWN], p, 1,
		    NULL, NULL);
	}
	if ((er = mp_subject_store_set(db, r->id, &s->set, 1)) == MP_OK &&
	    s->set.cutoff)
		er = mp_report_subjects_done(db, r->id, 1, 1);
	if (er == MP_OK) {
		r->subjects_indexed = 1;
		r->subjects_cut = s->set.cutoff;
	} else if (er != MP_ENOMEM && !mp_db_transient(mp_db_errno(db)))
		s->unlinked = 1;
	return er;
}

/*
 * Store r: one call of intake_store() for the report, its reference,
 * its event, the partners' rule shares, the rate limit and the answers
 * (s->ans, s->words: its 32nd and 33rd parameters, NULL for none); then
 * the contact row and attachments when given, r->also, and the
 * subjects (store_subjects), all in the one transaction of
 * mp_report_store.
 * Each statement costs the server more than the rows do (bench/intake),
 * hence the one call.  A report with attachments counts
 * its rate limit at the end instead, so that the shared counter rows
 * are not locked while the attachments travel.
 */
static enum mp_err
store_txn(struct mp_db *db, void *arg)
{
	struct store		*s = arg;
	struct mp_report	*r = s->r;
	struct mp_dbval		 p[33];
	struct mp_stmt		*st;
	char			 received[20], detail[64];
	struct tm		 tm;
	int			 rl_late;
	enum mp_err		 er;

	s->fresh = 0;
	rl_late = s->h.n > 0 && r->natt > 0;
	if (localtime_r(&r->received, &tm) == NULL)
		return MP_ESYS;
	utc_datetime(r->received, received);
	(void)snprintf(detail, sizeof(detail), "kanaal: %s%s", r->channel,
	    r->spooled ? " (via spool)" : "");
	store_bind(p, r, &s->h, rl_late, tm.tm_year + 1900, received,
	    detail);
	p[31] = r->nans > 0 ? MP_DBTEXT(mp_buf_str(&s->ans)) : MP_DBNULL();
	p[32] = r->nans > 0 ? MP_DBTEXT(mp_buf_str(&s->words)) : MP_DBNULL();
	er = mp_db_query(db, &st, stmts[STMT_STORE], p, 33);
	if (er == MP_EDUP && r->has_submission)
		return stored_before(db, r);
	if (er != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		r->id = mp_db_int(st, STORE_ID);
	mp_db_done(st);
	if (er != MP_OK || r->id <= 0)
		return er == MP_OK || er == MP_ENOTFOUND ? MP_EDB : er;
	s->fresh = 1;
	/* As intake_store() made it. */
	if (!r->spooled)
		mp_report_reference(r->reference, tm.tm_year + 1900, r->id);
	if (s->routed && (er = mp_workflow_routed(db, r->id, &s->rule)) !=
	    MP_OK)
		return er;
	/*
	 * Issue 16: the team whose queue it arrives in hears of it in
	 * this transaction, so a report rolled back tells nobody; not
	 * the staff member who entered it.
	 */
	if (r->team_id > 0 && (er = mp_outbox_notify_team(db,
	    (uint64_t)r->id, r->actor_id)) != MP_OK)
		return er;
	if ((er = store_rest(db, s, rl_late)) != MP_OK)
		return er;
	return store_subjects(db, s);
}

/* A field's name in the view: "report-house-number" -> "house_number". */
static void
view_field(enum mp_rfield f, char *out, size_t outsz)
{
	const char	*n = mp_report_field_name(f) + strlen("report-");
	size_t		 i;

	for (i = 0; i + 1 < outsz && n[i] != '\0'; i++)
		out[i] = n[i] == '-' ? '_' : n[i];
	out[i] = '\0';
}

/*
 * Each field's name in the error summary, as the forms label it (the
 * legend where a group of choices has one), so that every line of the
 * summary says which field it is about (issue 16).
 */
static const struct {
	enum mp_rfield	 f;
	const char	*label;
} summary_labels[] = {
	{ RF_SIGNAL_TYPE, "Onderwerp" },
	{ RF_DESCRIPTION, "Beschrijving" },
	{ RF_OBSERVED_DATE, "Datum" },
	{ RF_OBSERVED_TIME, "Tijd" },
	{ RF_STREET, "Straat" },
	{ RF_HOUSE_NUMBER, "Huisnummer" },
	{ RF_POSTCODE, "Postcode" },
	{ RF_CITY, "Plaats" },
	{ RF_PEOPLE, "Personen" },
	{ RF_COMPANIES, "Bedrijven" },
	{ RF_VEHICLES, "Voertuigen" },
	{ RF_ANONYMOUS, "Anoniem melden" },
	{ RF_CONTACT_NAME, "Naam" },
	{ RF_CONTACT_EMAIL, "E-mailadres" },
	{ RF_CONTACT_PHONE, "Telefoonnummer" },
	{ RF_ATTACHMENTS, "Bijlagen" },
	{ RF_AUDIENCE, "Wie meldde" },
	{ RF_CHANNEL, "Hoe binnengekomen" },
	{ RF_RECEIVED_DATE, "Datum ontvangen" },
};

/* The field's name in the error summary; never NULL. */
static const char *
summary_label(enum mp_rfield f)
{
	size_t	 i;

	for (i = 0; i < MP_NELEM(summary_labels); i++)
		if (summary_labels[i].f == f)
			return summary_labels[i].label;
	return "Veld";
}

/*
 * The public form's messages by their catalogue key (valid.*, lib/i18n.c),
 * so that a page in another language shows them in it.  The checks keep
 * writing the Dutch text (the handlers' form is Dutch); a message not
 * here shows in Dutch.
 */
static const struct {
	const char	*nl;
	const char	*key;
} valid_keys[] = {
	{ "Dit veld bevat tekens die wij niet kunnen lezen. Typ de tekst "
	  "opnieuw.", "valid.unreadable" },
	{ "Deze tekst is te lang.", "valid.too_long_short" },
	{ "Deze tekst is te lang. Kort hem in tot het aangegeven aantal "
	  "tekens.", "valid.too_long" },
	{ "Dit veld mag geen regeleinden of tabs bevatten.",
	  "valid.no_breaks" },
	{ "Een foto is te groot (te veel beeldpunten). Verklein de foto en "
	  "probeer het opnieuw.", "valid.photo_too_big" },
	{ "Een foto is beschadigd of geen echte JPEG, PNG of HEIC; wij "
	  "kunnen hem niet opslaan. Kies een andere foto.",
	  "valid.photo_broken" },
	{ "U kunt hoogstens het aangegeven aantal bestanden meesturen.",
	  "valid.too_many_files" },
	{ "Een bestand is groter dan toegestaan.", "valid.file_too_big" },
	{ "U kunt alleen foto's (JPEG of PNG) en PDF-bestanden meesturen.",
	  "valid.file_type" },
	{ "Vul een datum in als dd-mm-jjjj of jjjj-mm-dd, bijvoorbeeld "
	  "01-03-2026.", "valid.date_format" },
	{ "Deze datum kunnen wij niet verwerken.", "valid.bad_date" },
	{ "Deze datum ligt in de toekomst.", "valid.future" },
	{ "Deze datum ligt te ver in het verleden.", "valid.too_old" },
	{ "Kies of u anoniem wilt melden.", "valid.choose_anonymous" },
	{ "Kies waar uw melding over gaat.", "valid.choose_type" },
	{ "Dit veld is verplicht.", "valid.required" },
	{ "Kies een onderwerp uit de lijst.", "valid.type_list" },
	{ "Vul een tijd in als uu:mm, bijvoorbeeld 21:30.", "valid.time" },
	{ "Vul een postcode in als 1234 AB.", "valid.postcode" },
	{ "Vul een huisnummer in, eventueel met toevoeging, bijvoorbeeld 12 "
	  "of 12a.", "valid.house_number" },
	{ "Vul ten minste een straat, postcode of plaats in.",
	  "valid.place" },
	{ "U koos voor anoniem melden, maar u vulde ook uw gegevens in. Wilt "
	  "u anoniem blijven? Maak dan de velden onder \"Uw gegevens\" "
	  "leeg. Mogen wij weten wie u bent? Kies dan \"Nee, ik geef mijn "
	  "gegevens\".", "valid.anonymous_contact" },
	{ "Vul uw naam in, of kies voor anoniem melden.", "valid.name" },
	{ "Vul een e-mailadres in als naam@voorbeeld.nl.", "valid.email" },
	{ "Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.",
	  "valid.phone" },
	{ "Vul een e-mailadres of telefoonnummer in, zodat wij u kunnen "
	  "bereiken.", "valid.reach" },
};

/* msg in the view's language: Dutch pages show it as written. */
static const char *
view_message(const struct mp_view *v, const char *msg)
{
	size_t	 i;

	if (strcmp(mp_tmpl_lang(v), "nl") == 0)
		return msg;
	for (i = 0; i < MP_NELEM(valid_keys); i++)
		if (strcmp(valid_keys[i].nl, msg) == 0)
			return mp_tmpl_text(v, valid_keys[i].key);
	return msg;
}

/* The field's name in the summary in the view's language (field.*). */
static const char *
view_label(const struct mp_view *v, enum mp_rfield f, char *key,
    size_t keysz)
{
	const char	*s;
	char		 name[48];

	if (strcmp(mp_tmpl_lang(v), "nl") == 0 || f >= RF_AUDIENCE)
		return summary_label(f);
	view_field(f, name, sizeof(name));
	(void)snprintf(key, keysz, "field.%s", name);
	s = mp_tmpl_text(v, key);
	return s == key ? summary_label(f) : s;
}

enum mp_err
mp_report_view(struct mp_view *v, const struct mp_report *r)
{
	char		 name[64], key[128], lkey[64];
	size_t		 i, nlisted = 0;

	for (i = 0; i < RF__MAX; i++) {
		view_field(i, name, sizeof(name));
		(void)snprintf(key, sizeof(key), "Form.Max.%s", name);
		mp_tmpl_set_int(v, key, (long long)mp_report_field_max(i));
		if (r != NULL && r->val[i] != NULL) {
			(void)snprintf(key, sizeof(key), "Form.Value.%s",
			    name);
			mp_tmpl_set(v, key, r->val[i]);
		}
		if (r != NULL && r->err[i] != NULL) {
			(void)snprintf(key, sizeof(key), "Form.Error.%s",
			    name);
			mp_tmpl_set(v, key, view_message(v, r->err[i]));
			/* The summary links to the field, in form order. */
			(void)snprintf(key, sizeof(key),
			    "Form.ErrorList.%zu.Id", nlisted);
			mp_tmpl_set(v, key, mp_report_field_name(i));
			(void)snprintf(key, sizeof(key),
			    "Form.ErrorList.%zu.Label", nlisted);
			mp_tmpl_set(v, key, view_label(v, i, lkey,
			    sizeof(lkey)));
			(void)snprintf(key, sizeof(key),
			    "Form.ErrorList.%zu.Message", nlisted++);
			mp_tmpl_set(v, key, view_message(v, r->err[i]));
		}
	}
	if (r != NULL)
		mp_tmpl_set_int(v, "Form.Errors", r->nerr);
	return mp_tmpl_err(v);
}

static enum mp_err
attachment_store(struct mp_db *db, const char *sql, long long report_id,
    long long message_id, const struct mp_attachment *a)
{
	struct mp_dbval	 p[7];

	p[0] = MP_DBINT(report_id);
	p[1] = message_id > 0 ? MP_DBINT(message_id) : MP_DBNULL();
	p[2] = MP_DBTEXT(a->filename);
	p[3] = MP_DBTEXT(mp_report_filetype_mime(a->type));
	p[4] = MP_DBINT((long long)a->size);
	p[5] = MP_DBBLOB(a->sha256, MP_SHA256_LEN);
	p[6] = MP_DBBLOB(a->data, a->size);
	return mp_db_exec(db, sql, p, 7, NULL, NULL);
}

enum mp_err
mp_report_attachment_store(struct mp_db *db, long long report_id,
    long long message_id, const struct mp_attachment *a)
{

	return attachment_store(db, stmts[STMT_ATTACHMENT], report_id,
	    message_id, a);
}

enum mp_err
mp_report_attachment_store_own(struct mp_db *db, long long report_id,
    long long message_id, const struct mp_attachment *a)
{

	return attachment_store(db, stmts[STMT_ATTACHMENT_OWN], report_id,
	    message_id, a);
}

/*
 * The subjects of r for store_subjects (no database), collected once
 * before the transaction that mp_db_txn may run more than once.
 */
static enum mp_err
collect_stored(struct mp_report *r, struct mp_subject_set *set)
{
	struct mp_subject_fields f;
	size_t			 max;

	max = r->subject_max > 0 ? r->subject_max :
	    (size_t)mp_confkey_int(NULL, MP_CK_SUBJECT_MAX_PER_REPORT);
	f.street = r->val[RF_STREET];
	f.number = r->val[RF_HOUSE_NUMBER];
	f.postcode = r->postcode;
	f.city = r->val[RF_CITY];
	f.text[MP_SUBJECT_T_DESCRIPTION] = r->val[RF_DESCRIPTION];
	f.text[MP_SUBJECT_T_PEOPLE] = r->val[RF_PEOPLE];
	f.text[MP_SUBJECT_T_COMPANIES] = r->val[RF_COMPANIES];
	f.text[MP_SUBJECT_T_VEHICLES] = r->val[RF_VEHICLES];
	return mp_subject_collect(set, &f, max);
}

enum mp_err
mp_report_store(struct mp_db *db, const struct mp_keys *keys,
    struct mp_report *r, const struct mp_ratelimit *rl, const char *addr)
{
	struct store	 s;
	enum mp_err	 er;

	s.keys = keys;
	s.r = r;
	s.rl = rl;
	s.addr = addr;
	/*
	 * The hit is prepared before the transaction: the window's
	 * client key may have to be made, and must be committed before
	 * it is used (clientkey.h).
	 */
	s.h.n = 0;
	if (rl != NULL && (er = mp_ratelimit_prepare(db, keys, rl, addr,
	    r->received, &s.h)) != MP_OK)
		return er;
	/*
	 * The routing rules (lib/routing.h): a rule that fits gives the
	 * team, else the caller's (a handler's only team) or none, the
	 * coordinators' queue.  The team is in the report's row and the
	 * history row says why, in the one transaction below.
	 */
	if ((er = mp_routing_match(db, r->signal_type_id, r->audience_id,
	    &s.rule, &s.routed)) != MP_OK)
		return er;
	if (s.routed)
		r->team_id = s.rule.team;
	/*
	 * One transaction for the report and its subjects (store_subjects):
	 * the single-statement store without begin and commit that an
	 * anonymous report used to have saved two round trips, and cost
	 * the subjects' own transaction after it a commit.
	 */
	r->subjects_indexed = 0;
	r->subjects_cut = 0;
	if ((er = collect_stored(r, &s.set)) != MP_OK)
		return er;
	if ((er = mp_question_answers_json(r->ans, r->nans, &s.ans,
	    &s.words)) != MP_OK)
		goto out;
	s.index = 1;
	s.unlinked = 0;
	er = mp_db_txn(db, store_txn, &s);
	if (er != MP_OK && s.unlinked) {
		mp_warnx("%s: subjects not indexed (%s); storing the report "
		    "without them, meldpuntctl subjects rebuild will",
		    __func__, mp_err_str(er));
		s.index = 0;
		er = mp_db_txn(db, store_txn, &s);
	}
out:
	mp_buf_freezero(&s.words);
	mp_buf_freezero(&s.ans);
	mp_subject_set_free(&s.set);
	return er;
}

enum mp_err
mp_report_subjects_done(struct mp_db *db, long long id, int cutoff,
    int own)
{
	struct mp_dbval	 p[2];

	p[0] = MP_DBINT(cutoff != 0);
	p[1] = MP_DBINT(id);
	return mp_db_exec(db, stmts[own ? STMT_SUBJECTS_DONE_OWN :
	    STMT_SUBJECTS_DONE], p, 2, NULL, NULL);
}

enum mp_err
mp_report_subjects_done_batch(struct mp_db *db, const long long *id,
    const int *cutoff, size_t n)
{
	struct mp_buf	 b;
	struct mp_dbval	 p[1];
	size_t		 i;
	enum mp_err	 er;

	if (n == 0)
		return MP_OK;
	/* "[id,c]," is at most 24 bytes an id. */
	mp_buf_init(&b, n * 24 + 2);
	er = mp_buf_addc(&b, '[');
	for (i = 0; er == MP_OK && i < n; i++)
		er = mp_buf_printf(&b, "%s[%lld,%d]", i > 0 ? "," : "", id[i],
		    cutoff[i] != 0);
	if (er == MP_OK)
		er = mp_buf_addc(&b, ']');
	if (er == MP_OK) {
		p[0] = MP_DBTEXTN(mp_buf_str(&b), mp_buf_len(&b));
		er = mp_db_exec(db, stmts[STMT_SUBJECTS_DONE_BATCH], p, 1,
		    NULL, NULL);
	}
	mp_buf_free(&b);
	return er;
}

/* Column col of st, NULL for "". */
static const char *
todo_text(struct mp_stmt *st, unsigned col)
{
	const char	*t = mp_db_text(st, col, NULL);

	return t != NULL && *t != '\0' ? t : NULL;
}

/* The fields of the row st is on (valid while it is). */
static void
todo_fields(struct mp_stmt *st, struct mp_subject_fields *f)
{

	f->street = todo_text(st, TODO_STREET);
	f->number = todo_text(st, TODO_NUMBER);
	f->postcode = todo_text(st, TODO_POSTCODE);
	f->city = todo_text(st, TODO_CITY);
	f->text[MP_SUBJECT_T_DESCRIPTION] = todo_text(st, TODO_DESCRIPTION);
	f->text[MP_SUBJECT_T_PEOPLE] = todo_text(st, TODO_PEOPLE);
	f->text[MP_SUBJECT_T_COMPANIES] = todo_text(st, TODO_COMPANIES);
	f->text[MP_SUBJECT_T_VEHICLES] = todo_text(st, TODO_VEHICLES);
}

enum mp_err
mp_report_subjects_collect(struct mp_db *db, long long id, size_t max,
    struct mp_subject_set *set)
{
	struct mp_subject_fields f;
	struct mp_dbval		 p[1];
	struct mp_stmt		*st;
	enum mp_err		 er;

	memset(set, 0, sizeof(*set));
	p[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_SUBJECTS_ONE], p, 1)) !=
	    MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		todo_fields(st, &f);
		er = mp_subject_collect(set, &f, max);
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_report_subjects_todo(struct mp_db *db, long long after, int all,
    unsigned jobs, unsigned job, unsigned limit, mp_report_subjects_fn fn,
    void *arg)
{
	struct mp_subject_fields f;
	struct mp_dbval		 p[4];
	struct mp_stmt		*st;
	enum mp_err		 er;

	if (limit < 1 || limit > 10000 || jobs < 1 || job >= jobs)
		return MP_EINVAL;
	p[0] = MP_DBINT(after);
	p[1] = MP_DBINT((long long)jobs);
	p[2] = MP_DBINT((long long)job);
	p[3] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, stmts[all ? STMT_SUBJECTS_ALL :
	    STMT_SUBJECTS_TODO], p, 4)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		todo_fields(st, &f);
		if ((er = fn(mp_db_int(st, TODO_ID), &f, arg)) != MP_OK)
			break;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* ------------------------------------------------------------------ */
/* The dashboard's changes.                                            */

static const char sql_assign[] =
    "UPDATE report SET team_id = ?, handler_id = ?, version = version + 1"
    " WHERE id = ? AND version = ?";
static const char sql_read[] =
    "UPDATE report SET unread_replies = 0 WHERE id = ?";

/*
 * The fields a handler may correct, each with its statement.  Each is
 * a field subjects come from: the report is marked not indexed, so
 * that `meldpuntctl subjects rebuild` finds it should the caller's
 * re-index (mp_subject_reindex) not happen.
 */
static const struct {
	enum mp_rfield	 rf;
	const char	*sql;
} setfields[] = {
	{ RF_DESCRIPTION,
	  "UPDATE report SET description = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	{ RF_STREET,
	  "UPDATE report SET street = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	{ RF_HOUSE_NUMBER,
	  "UPDATE report SET house_number = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	{ RF_POSTCODE,
	  "UPDATE report SET postcode = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	{ RF_CITY,
	  "UPDATE report SET city = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	{ RF_PEOPLE,
	  "UPDATE report SET involved_people = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	{ RF_COMPANIES,
	  "UPDATE report SET involved_companies = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	{ RF_VEHICLES,
	  "UPDATE report SET involved_vehicles = ?, version = version + 1,"
	  " subjects_at = NULL WHERE id = ? AND version = ?" },
	/*
	 * Issue 16: what the reporter chose or remembered wrong.  Signal
	 * type and audience by id (the caller checked them against the
	 * catalogue); the counters of the statistics follow (sql/043).
	 */
	{ RF_SIGNAL_TYPE,
	  "UPDATE report SET signal_type_id = ?, version = version + 1"
	  " WHERE id = ? AND version = ?" },
	{ RF_AUDIENCE,
	  "UPDATE report SET audience_id = ?, version = version + 1"
	  " WHERE id = ? AND version = ?" },
	{ RF_OBSERVED_DATE,
	  "UPDATE report SET observed_date = ?, version = version + 1"
	  " WHERE id = ? AND version = ?" },
};

/*
 * The correctable columns as the reporter sent them, copied before a
 * report's first correction; a later one leaves the copy (the key
 * exists).  With the version, so a stale form copies nothing either.
 */
static const char sql_keep_sent[] =
    "INSERT IGNORE INTO report_sent (report_id, signal_type_id,"
    " audience_id, description, observed_date, street, house_number,"
    " postcode, city, involved_people, involved_companies,"
    " involved_vehicles, created_at)"
    " SELECT id, signal_type_id, audience_id, description, observed_date,"
    " street, house_number, postcode, city, involved_people,"
    " involved_companies, involved_vehicles, UTC_TIMESTAMP()"
    " FROM report WHERE id = ? AND version = ?";

static const char sql_entered[] =
    "INSERT INTO report_entered (report_id, user_id) VALUES (?, ?)";
static const char sql_entered_by[] =
    "SELECT user_id FROM report_entered WHERE report_id = ?";

enum mp_err
mp_report_entered(struct mp_db *db, long long id, long long user)
{
	struct mp_dbval	 v[2];

	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(user);
	return mp_db_exec(db, sql_entered, v, 2, NULL, NULL);
}

enum mp_err
mp_report_entered_by(struct mp_db *db, long long id, long long *user)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	*user = 0;
	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, sql_entered_by, v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		*user = mp_db_int(st, 0);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_report_assign(struct mp_db *db, long long id, long long version,
    long long team, long long handler, unsigned long long *n)
{
	struct mp_dbval	 v[4];

	*n = 0;
	v[0] = team > 0 ? MP_DBINT(team) : MP_DBNULL();
	v[1] = handler > 0 ? MP_DBINT(handler) : MP_DBNULL();
	v[2] = MP_DBINT(id);
	v[3] = MP_DBINT(version);
	return mp_db_exec(db, sql_assign, v, 4, n, NULL);
}

enum mp_err
mp_report_set_field(struct mp_db *db, long long id, long long version,
    enum mp_rfield rf, const char *value, unsigned long long *n)
{
	struct mp_dbval	 v[3];
	size_t		 i;
	enum mp_err	 er;

	*n = 0;
	for (i = 0; i < MP_NELEM(setfields); i++)
		if (setfields[i].rf == rf)
			break;
	if (i == MP_NELEM(setfields) || value == NULL)
		return MP_EINVAL;
	/* What the reporter sent, before its first correction (sql/053). */
	v[0] = MP_DBINT(id);
	v[1] = MP_DBINT(version);
	if ((er = mp_db_exec(db, sql_keep_sent, v, 2, NULL, NULL)) != MP_OK)
		return er;
	v[0] = MP_DBTEXT(value);
	v[1] = MP_DBINT(id);
	v[2] = MP_DBINT(version);
	return mp_db_exec(db, setfields[i].sql, v, 3, n, NULL);
}

enum mp_err
mp_report_mark_read(struct mp_db *db, long long id)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(id);
	return mp_db_exec(db, sql_read, v, 1, NULL, NULL);
}

/* Retention's erasures of the report row (lib/retention.c holds the rest). */
static const char sql_erase_identity[] =
	"UPDATE report SET code_hash = NULL,"
	" identity_erased_at = UTC_TIMESTAMP() WHERE id = ?";
/* The copy as sent (sql/053) is content too. */
static const char sql_erase_sent[] =
    "DELETE FROM report_sent WHERE report_id = ?";
static const char sql_erase_content[] =
	"UPDATE report SET description = '', observed_date ="
	" DATE(received_at), observed_time = NULL, street = '',"
	" house_number = '', postcode = '', city = '',"
	" involved_people = '', involved_companies = '',"
	" involved_vehicles = '', closed_reason = NULL, code_hash = NULL,"
	" subjects_cut = 0, identity_erased_at = COALESCE("
	"identity_erased_at, UTC_TIMESTAMP()),"
	" content_erased_at = UTC_TIMESTAMP() WHERE id = ?";

enum mp_err
mp_report_erase_identity(struct mp_db *db, long long id)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(id);
	return mp_db_exec(db, sql_erase_identity, v, 1, NULL, NULL);
}

enum mp_err
mp_report_erase_content(struct mp_db *db, long long id)
{
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_exec(db, sql_erase_sent, v, 1, NULL, NULL)) != MP_OK)
		return er;
	return mp_db_exec(db, sql_erase_content, v, 1, NULL, NULL);
}

enum mp_err
mp_report_subjects_count(struct mp_db *db, long long *todo,
    long long *total)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	*todo = *total = 0;
	if ((er = mp_db_query(db, &st, stmts[STMT_SUBJECTS_COUNT], NULL,
	    0)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		*todo = mp_db_int(st, COUNT_TODO);
		*total = mp_db_int(st, COUNT_TOTAL);
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_report_count_by(struct mp_db *db,
    void (*fn)(const char *status, const char *channel, long long n,
    void *arg), void *arg)
{
	struct mp_stmt	*st;
	const char	*status, *channel;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_COUNT_BY], NULL, 0)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		status = mp_db_text(st, COUNT_BY_STATUS, NULL);
		channel = mp_db_text(st, COUNT_BY_CHANNEL, NULL);
		if (status != NULL && channel != NULL)
			fn(status, channel, mp_db_int(st, COUNT_BY_N), arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* A blank around a typed reference: a space or a tab (pasted). */
#define REF_BLANK(c)	((c) == ' ' || (c) == '\t')

int
mp_report_reference_norm(const char *s, char out[24])
{
	size_t	 i, n = 0, tail;

	out[0] = '\0';
	if (s == NULL)
		return 0;
	while (REF_BLANK(*s))
		s++;
	for (i = 0; s[i] != '\0' && !REF_BLANK(s[i]); i++) {
		if (n + 1 >= 24)
			goto bad;
		out[n++] = (char)(s[i] >= 'a' && s[i] <= 'z' ?
		    s[i] - 'a' + 'A' : s[i]);
	}
	for (; REF_BLANK(s[i]); i++)
		;
	out[n] = '\0';
	if (s[i] != '\0' || n < 8 || out[0] != 'M' || out[1] != '-' ||
	    out[6] != '-')
		goto bad;
	for (i = 2; i < 6; i++)
		if (out[i] < '0' || out[i] > '9')
			goto bad;
	/* The number, or the spool's S and letters and digits. */
	for (tail = 7; tail < n; tail++)
		if (!((out[tail] >= '0' && out[tail] <= '9') ||
		    (out[tail] >= 'A' && out[tail] <= 'Z')))
			goto bad;
	return 1;
bad:
	out[0] = '\0';
	return 0;
}

enum mp_err
mp_report_find_reference(struct mp_db *db, const char *ref, long long *id)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[1];
	char		 norm[24];
	enum mp_err	 er;

	*id = 0;
	if (!mp_report_reference_norm(ref, norm))
		return MP_EINVAL;
	p[0] = MP_DBTEXT(norm);
	if ((er = mp_db_query(db, &st, stmts[STMT_BY_REFERENCE], p, 1)) !=
	    MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		*id = mp_db_int(st, BYREF_ID);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_report_close_reasons(struct mp_db *db, const char *from, const char *to,
    mp_report_reason_fn fn, void *arg)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[2];
	enum mp_err	 er;

	p[0] = MP_DBTEXT(from);
	p[1] = MP_DBTEXT(to);
	if ((er = mp_db_query(db, &st, stmts[STMT_CLOSE_REASONS], p, 2)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_text(st, CR_REASON, NULL), mp_db_int(st, CR_N), arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}
