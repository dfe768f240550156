/*
 * dossierdoc.c -- the documents of a dossier (dossier_document, sql/034)
 * and the print view's plain read of its journal (see dossierdoc.h).
 * The bytes are checked before they come here: the dashboard reads
 * them with mp_report_read_files, the report attachments' rules.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "dossier.h"
#include "dossierdoc.h"

enum stmt {
	STMT_INSERT,
	STMT_LIST,
	STMT_READ,
	STMT_LOCK,
	STMT_DELETE,
	STMT_JOURNAL,
	STMT__MAX
};

#define DOC_COLS \
	"SELECT d.id, d.filename, d.content_type, d.size, d.sha256," \
	" d.uploaded_by, u.display_name, UNIX_TIMESTAMP(d.uploaded_at)"

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSERT */
	"INSERT INTO dossier_document (dossier_id, filename, content_type,"
	" size, sha256, data, uploaded_by, uploaded_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	/* STMT_LIST: by the index (dossier_id, uploaded_at). */
	DOC_COLS " FROM dossier_document d"
	" JOIN app_user u ON u.id = d.uploaded_by WHERE d.dossier_id = ?"
	" ORDER BY d.uploaded_at DESC, d.id DESC LIMIT ?",
	/* STMT_READ */
	DOC_COLS ", d.data FROM dossier_document d"
	" JOIN app_user u ON u.id = d.uploaded_by"
	" WHERE d.dossier_id = ? AND d.id = ?",
	/* STMT_LOCK */
	"SELECT uploaded_by, filename, sha256 FROM dossier_document"
	" WHERE dossier_id = ? AND id = ? FOR UPDATE",
	/* STMT_DELETE */
	"DELETE FROM dossier_document WHERE dossier_id = ? AND id = ?",
	/* STMT_JOURNAL: by the index (dossier_id, created_at, id). */
	"SELECT j.kind, j.body, j.reason, j.task_type, a.display_name,"
	" DATE_FORMAT(j.due_date, '%Y-%m-%d'), j.task_status, j.outcome,"
	" c.display_name, UNIX_TIMESTAMP(j.created_at)"
	" FROM dossier_journal j JOIN app_user c ON c.id = j.created_by"
	" LEFT JOIN app_user a ON a.id = j.assignee_id"
	" WHERE j.dossier_id = ? ORDER BY j.created_at, j.id LIMIT ?",
};

/* DOC_COLS' columns, and STMT_READ's data after them. */
enum dcol {
	DC_ID, DC_NAME, DC_TYPE, DC_SIZE, DC_SHA, DC_BY, DC_UPLOADER, DC_AT,
	DC_DATA
};
/* STMT_LOCK's. */
enum lcol { LC_BY, LC_NAME, LC_SHA };
/* STMT_JOURNAL's. */
enum jcol {
	JC_KIND, JC_BODY, JC_REASON, JC_TYPE, JC_ASSIGNEE, JC_DUE,
	JC_STATUS, JC_OUTCOME, JC_AUTHOR, JC_AT
};

static void
read_doc(struct mp_stmt *st, struct mp_dossierdoc *d)
{

	memset(d, 0, sizeof(*d));
	d->id = mp_db_int(st, DC_ID);
	d->filename = mp_db_text(st, DC_NAME, NULL);
	d->content_type = mp_db_text(st, DC_TYPE, NULL);
	d->size = mp_db_int(st, DC_SIZE);
	d->sha256 = mp_db_text(st, DC_SHA, NULL);
	d->uploaded_by = mp_db_int(st, DC_BY);
	d->uploader = mp_db_text(st, DC_UPLOADER, NULL);
	d->uploaded_at = mp_db_int(st, DC_AT);
}

enum mp_err
mp_dossierdoc_insert(struct mp_db *db, long long dossier,
    const char *filename, const char *content_type, const void *data,
    size_t size, const char *sha256, long long user, const char *actor,
    long long *id)
{
	struct mp_dbval		 v[7];
	unsigned long long	 newid = 0;
	char			 what[300];
	enum mp_err		 er;

	if (filename == NULL || content_type == NULL || sha256 == NULL ||
	    strlen(sha256) != 64)
		return MP_EINVAL;
	v[0] = MP_DBINT(dossier);
	v[1] = MP_DBTEXT(filename);
	v[2] = MP_DBTEXT(content_type);
	v[3] = MP_DBINT((long long)size);
	v[4] = MP_DBTEXT(sha256);
	v[5] = MP_DBBLOB(data, size);
	v[6] = MP_DBINT(user);
	if ((er = mp_db_exec(db, stmts[STMT_INSERT], v, 7, NULL, &newid)) !=
	    MP_OK)
		return er;
	*id = (long long)newid;
	(void)snprintf(what, sizeof(what), "%s (%zu bytes)", filename, size);
	return mp_dossier_event_add(db, dossier, "document toegevoegd", actor,
	    NULL, what);
}

enum mp_err
mp_dossierdoc_list(struct mp_db *db, long long dossier, unsigned limit,
    mp_dossierdoc_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_dbval		 v[2];
	struct mp_dossierdoc	 d;
	enum mp_err		 er;

	v[0] = MP_DBINT(dossier);
	v[1] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, stmts[STMT_LIST], v, 2)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		read_doc(st, &d);
		fn(&d, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_dossierdoc_read(struct mp_db *db, long long dossier, long long id,
    mp_dossierdoc_data_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_dbval		 v[2];
	struct mp_dossierdoc	 d;
	const char		*data;
	size_t			 len = 0;
	enum mp_err		 er;

	v[0] = MP_DBINT(dossier);
	v[1] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_READ], v, 2)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		read_doc(st, &d);
		data = mp_db_text(st, DC_DATA, &len);
		fn(&d, data, len, arg);
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_dossierdoc_delete(struct mp_db *db, long long dossier, long long id,
    long long by, const char *actor)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2];
	char		 what[400];
	long long	 owner = 0;
	enum mp_err	 er;

	v[0] = MP_DBINT(dossier);
	v[1] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_LOCK], v, 2)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		owner = mp_db_int(st, LC_BY);
		(void)snprintf(what, sizeof(what), "%s (sha256 %.16s)",
		    mp_db_text(st, LC_NAME, NULL) != NULL ?
		    mp_db_text(st, LC_NAME, NULL) : "",
		    mp_db_text(st, LC_SHA, NULL) != NULL ?
		    mp_db_text(st, LC_SHA, NULL) : "");
	}
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	if (by != 0 && owner != by)
		return MP_EINVAL;
	if ((er = mp_db_exec(db, stmts[STMT_DELETE], v, 2, NULL, NULL)) !=
	    MP_OK)
		return er;
	return mp_dossier_event_add(db, dossier, "document verwijderd", actor,
	    what, NULL);
}

enum mp_err
mp_dossierdoc_journal(struct mp_db *db, long long dossier, unsigned limit,
    mp_dossierdoc_entry_fn fn, void *arg)
{
	struct mp_stmt			*st;
	struct mp_dbval			 v[2];
	struct mp_dossierdoc_entry	 e;
	enum mp_err			 er;

	v[0] = MP_DBINT(dossier);
	v[1] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, stmts[STMT_JOURNAL], v, 2)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		e.kind = mp_db_text(st, JC_KIND, NULL);
		e.body = mp_db_text(st, JC_BODY, NULL);
		e.reason = mp_db_text(st, JC_REASON, NULL);
		e.task_type = mp_db_text(st, JC_TYPE, NULL);
		e.assignee = mp_db_text(st, JC_ASSIGNEE, NULL);
		e.due = mp_db_text(st, JC_DUE, NULL);
		e.task_status = mp_db_text(st, JC_STATUS, NULL);
		e.outcome = mp_db_text(st, JC_OUTCOME, NULL);
		e.author = mp_db_text(st, JC_AUTHOR, NULL);
		e.created_at = mp_db_int(st, JC_AT);
		fn(&e, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}
