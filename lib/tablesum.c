/*
 * tablesum.c -- whole tables read in key order, one SHA-256 per row
 * (tablesum.h).  The statements select "t.*" behind the key, so a
 * column a later migration adds is compared without a change here;
 * each value is digested as a tag (NULL or not), its length and its
 * bytes, so that no two different rows give the same input.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "tablesum.h"

/* A row is at most an attachment (intake.max_file_size) and a bit. */
#define ROW_MAX		((size_t)128 * 1024 * 1024)

/*
 * The SQL texts are static (they key the statement cache).  The key
 * comes first, as the order; every column of the row follows.
 */
static const struct {
	const char	*name;
	const char	*key;
	int		 appends;
	const char	*sql;
} tables[MP_TABLESUM_NTABLES] = {
	{ "report", "id", 1,
	  "SELECT t.id, t.* FROM report t ORDER BY t.id" },
	{ "reporter_contact", "report_id", 1,
	  "SELECT t.report_id, t.* FROM reporter_contact t"
	  " ORDER BY t.report_id" },
	{ "attachment", "id", 1,
	  "SELECT t.id, t.* FROM attachment t ORDER BY t.id" },
	{ "message", "id", 1,
	  "SELECT t.id, t.* FROM message t ORDER BY t.id" },
	{ "event", "id", 1,
	  "SELECT t.id, t.* FROM event t ORDER BY t.id" },
	{ "audit_log", "id", 1,
	  "SELECT t.id, t.* FROM audit_log t ORDER BY t.id" },
	{ "dossier", "id", 1,
	  "SELECT t.id, t.* FROM dossier t ORDER BY t.id" },
	{ "dossier_member", "dossier_id", 0,
	  "SELECT t.dossier_id, t.* FROM dossier_member t"
	  " ORDER BY t.dossier_id, t.user_id" },
	{ "dossier_report", "dossier_id", 0,
	  "SELECT t.dossier_id, t.* FROM dossier_report t"
	  " ORDER BY t.dossier_id, t.report_id" },
	{ "dossier_document", "id", 1,
	  "SELECT t.id, t.* FROM dossier_document t ORDER BY t.id" },
	{ "dossier_event", "id", 1,
	  "SELECT t.id, t.* FROM dossier_event t ORDER BY t.id" },
	{ "dossier_journal", "id", 1,
	  "SELECT t.id, t.* FROM dossier_journal t ORDER BY t.id" },
	{ "subject", "id", 1,
	  "SELECT t.id, t.* FROM subject t ORDER BY t.id" },
	{ "report_subject", "report_id", 0,
	  "SELECT t.report_id, t.* FROM report_subject t"
	  " ORDER BY t.report_id, t.subject_id" },
	{ "app_user", "id", 1,
	  "SELECT t.id, t.* FROM app_user t ORDER BY t.id" },
	{ "team", "id", 1,
	  "SELECT t.id, t.* FROM team t ORDER BY t.id" },
	{ "user_team", "user_id", 0,
	  "SELECT t.user_id, t.* FROM user_team t"
	  " ORDER BY t.user_id, t.team_id" },
	/* Issue 17: the follow-up questions, their texts and answers. */
	{ "question", "id", 1,
	  "SELECT t.id, t.* FROM question t ORDER BY t.id" },
	{ "question_text", "question_id", 0,
	  "SELECT t.question_id, t.* FROM question_text t"
	  " ORDER BY t.question_id, t.lang" },
	{ "report_answer", "report_id", 0,
	  "SELECT t.report_id, t.* FROM report_answer t"
	  " ORDER BY t.report_id, t.question_id" },
	{ "report_answer_text", "report_id", 0,
	  "SELECT t.report_id, t.* FROM report_answer_text t"
	  " ORDER BY t.report_id" },
	{ "report_sent", "report_id", 0,
	  "SELECT t.report_id, t.* FROM report_sent t ORDER BY t.report_id" },
};

/* Every scan's first column, the key. */
enum {
	ROW_KEY
};

static const char sql_bad_attachments[] =
    "SELECT id FROM attachment"
    " WHERE sha256 IS NULL OR sha256 <> UNHEX(SHA2(data, 256))"
    " ORDER BY id";
enum {
	BAD_ID
};

const char *
mp_tablesum_name(size_t i)
{

	return i < MP_TABLESUM_NTABLES ? tables[i].name : NULL;
}

const char *
mp_tablesum_keyname(size_t i)
{

	return i < MP_TABLESUM_NTABLES ? tables[i].key : NULL;
}

int
mp_tablesum_appends(size_t i)
{

	return i < MP_TABLESUM_NTABLES && tables[i].appends;
}

enum mp_err
mp_tablesum_start(struct mp_db *db, size_t i, struct mp_tablesum_scan *sc)
{

	memset(sc, 0, sizeof(*sc));
	mp_buf_init(&sc->row, ROW_MAX);
	if (i >= MP_TABLESUM_NTABLES)
		return MP_EINVAL;
	return mp_db_query_stream(db, &sc->st, tables[i].sql, NULL, 0);
}

/* The length as 8 bytes, big-endian. */
static enum mp_err
add_len(struct mp_buf *b, size_t len)
{
	unsigned char	 n[8];
	int		 i;

	for (i = 7; i >= 0; i--) {
		n[i] = (unsigned char)(len & 0xff);
		len >>= 8;
	}
	return mp_buf_add(b, n, sizeof(n));
}

enum mp_err
mp_tablesum_next(struct mp_tablesum_scan *sc, long long *key,
    unsigned char digest[MP_SHA256_LEN])
{
	const char	*v;
	size_t		 len;
	unsigned	 i, n;
	enum mp_err	 er;

	if ((er = mp_db_next(sc->st)) != MP_OK)
		return er;
	*key = mp_db_int(sc->st, ROW_KEY);
	mp_buf_reset(&sc->row);
	n = mp_db_ncols(sc->st);
	/* Column 0 repeats the key, which the row's own columns hold. */
	for (i = 1; i < n && er == MP_OK; i++) {
		if (mp_db_isnull(sc->st, i)) {
			er = mp_buf_addc(&sc->row, 0);
			continue;
		}
		v = mp_db_text(sc->st, i, &len);
		if ((er = mp_buf_addc(&sc->row, 1)) == MP_OK &&
		    (er = add_len(&sc->row, len)) == MP_OK && len > 0)
			er = mp_buf_add(&sc->row, v, len);
	}
	if (er == MP_OK)
		mp_crypto_sha256(digest, mp_buf_str(&sc->row),
		    mp_buf_len(&sc->row));
	return er;
}

void
mp_tablesum_done(struct mp_tablesum_scan *sc)
{

	mp_db_done(sc->st);
	sc->st = NULL;
	/* The rows were contents: report texts, attachments. */
	mp_buf_freezero(&sc->row);
}

enum mp_err
mp_tablesum_bad_start(struct mp_db *db, struct mp_tablesum_scan *sc)
{

	memset(sc, 0, sizeof(*sc));
	mp_buf_init(&sc->row, ROW_MAX);
	return mp_db_query_stream(db, &sc->st, sql_bad_attachments, NULL, 0);
}

enum mp_err
mp_tablesum_bad_next(struct mp_tablesum_scan *sc, long long *id)
{
	enum mp_err	 er;

	if ((er = mp_db_next(sc->st)) == MP_OK)
		*id = mp_db_int(sc->st, BAD_ID);
	return er;
}
