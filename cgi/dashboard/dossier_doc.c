/*
 * dossier_doc.c -- a dossier's documents (upload, list, download,
 * removal) and its print view (issue 14).  The SQL is lib/dossierdoc.c's
 * and lib/dossier.c's; the files pass the report attachments' own
 * check, mp_report_read_files (count, size, type by content, cleaned
 * name), so a change there (lib/image.c's metadata stripping, say)
 * reaches documents too.
 *
 * Decisions.  One file per upload (the dashboard's request limits,
 * dash_dossier_doc_limits): the web servers pass 20 MB to the
 * dashboard.  Who removes a document: the one who added it or a
 * coordinator; a removal keeps the file's name and the start of its
 * SHA-256 in the dossier's history, the bytes go.  The audit log
 * names a document by id, size and SHA-256, never its name or content
 * (a name can be personal data).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"


/* "1,5 MB", "12 kB", "300 bytes". */
static void
size_text(long long n, char out[32])
{

	if (n >= 1024 * 1024)
		(void)snprintf(out, 32, "%lld,%lld MB", n / (1024 * 1024),
		    n % (1024 * 1024) * 10 / (1024 * 1024));
	else if (n >= 1024)
		(void)snprintf(out, 32, "%lld kB", n / 1024);
	else
		(void)snprintf(out, 32, "%lld bytes", n);
}

void
dash_dossier_doc_limits(struct mp_ctx *ctx)
{
	size_t	 file;

	file = (size_t)mp_confkey_int(ctx->conf, MP_CK_INTAKE_MAX_FILE_SIZE);
	/*
	 * As many files as the intake's form takes: a handler's telephone
	 * or e-mail report (new.c) is that form; a dossier document is
	 * one, which its page checks itself.
	 */
	ctx->limits.max_files = (size_t)mp_confkey_int(ctx->conf,
	    MP_CK_INTAKE_MAX_FILES);
	if (ctx->limits.max_files < 1)
		ctx->limits.max_files = 1;
	ctx->limits.max_file = file;
	/* The file and the form around it. */
	if (ctx->limits.max_body < file + 1024 * 1024)
		ctx->limits.max_body = file + 1024 * 1024;
}

/* ------------------------------------------------------------------ */
/* The list on the dossier page.                                       */

struct docs {
	struct mp_dreq	*r;
	struct mp_view	*v;
	const char	*list;
	size_t		 n;
};

static void
doc_row(const struct mp_dossierdoc *d, void *arg)
{
	struct docs	*x = arg;
	char		 t[32];

	dash_setki(x->v, x->list, x->n, "Id", d->id);
	dash_setk(x->v, x->list, x->n, "Name", d->filename);
	dash_setk(x->v, x->list, x->n, "Type", d->content_type);
	dash_setki(x->v, x->list, x->n, "Bytes", d->size);
	size_text(d->size, t);
	dash_setk(x->v, x->list, x->n, "Size", t);
	dash_setk(x->v, x->list, x->n, "Sha", d->sha256);
	dash_setk(x->v, x->list, x->n, "Uploader", d->uploader);
	dash_time(t, (time_t)d->uploaded_at);
	dash_setk(x->v, x->list, x->n, "At", t);
	dash_setki(x->v, x->list, x->n, "Mine",
	    d->uploaded_by == x->r->user.id);
	x->n++;
}

enum mp_err
dash_dossier_docs_fill(struct mp_dreq *r, struct mp_view *v, long long id,
    unsigned max)
{
	struct docs	 x;

	memset(&x, 0, sizeof(x));
	x.r = r;
	x.v = v;
	x.list = "Doc";
	(void)mp_tmpl_set_int(v, "DocMaxMb", (long long)
	    (r->d->ctx->limits.max_file / (1024 * 1024)));
	return mp_dossierdoc_list(r->d->ctx->db, id, max, doc_row, &x);
}

/* ------------------------------------------------------------------ */
/* Upload and removal.                                                 */

struct up {
	struct mp_dreq		*r;
	const struct mp_attachment *a;
	char			 sha[MP_DOSSIERDOC_SHA_HEX];
	long long		 doc;	/* removal: which; upload: new id */
	int			 status;	/* 0: done */
	const char		*msg;
	char			 detail[200];
};

/* Dossier r->arg[0], locked, when the user may see it; else 404. */
static enum mp_err
up_lock(struct mp_db *db, struct up *u, struct mp_dossier *d)
{
	struct mp_dbval		 vis[MP_DOSSIER_VIS];
	enum mp_err		 er;

	mp_dossier_params(&u->r->user, vis);
	if ((er = mp_dossier_get(db, u->r->arg[0], vis, 1, d)) ==
	    MP_ENOTFOUND)
		u->status = 404;
	return er;
}

static enum mp_err
up_txn(struct mp_db *db, void *arg)
{
	struct up		*u = arg;
	struct mp_dreq		*r = u->r;
	struct mp_dossier	 d;
	enum mp_err		 er;

	if ((er = up_lock(db, u, &d)) != MP_OK)
		return er;
	if ((er = mp_dossierdoc_insert(db, d.id, u->a->filename,
	    mp_report_filetype_mime(u->a->type), u->a->data, u->a->size,
	    u->sha, r->user.id, r->user.username, &u->doc)) != MP_OK)
		return er;
	(void)snprintf(u->detail, sizeof(u->detail), "document %lld "
	    "toegevoegd; %zu bytes; sha256 %s", u->doc, u->a->size, u->sha);
	return mp_audit(db, r->user.id, r->user.username, "dossier wijzigen",
	    "dossier", d.id, r->client, u->detail);
}

/* The dossier page again with msg at the file field, or its 404. */
static void
up_refuse(struct mp_dreq *r, int status, const char *msg)
{

	dash_dossier_again(r, status, msg, "document-bestand");
}

void
mp_dash_dossier_doc_post(struct mp_dreq *r)
{
	struct mp_report	 rep;
	struct mp_dossier	 d;
	struct up		 u;
	char			 back[64];
	enum mp_err		 er;

	/* Out of sight first: no file check tells a stranger anything. */
	if (!dash_dossier_seen(r, &d))
		return;
	mp_report_init(&rep);
	if ((er = mp_report_read_files(&rep, r->req,
	    "document-bestand")) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		goto out;
	}
	if (rep.err[RF_ATTACHMENTS] != NULL) {
		up_refuse(r, 400, rep.err[RF_ATTACHMENTS]);
		goto out;
	}
	if (rep.natt != 1) {
		up_refuse(r, 400, "Kies een bestand om toe te voegen.");
		goto out;
	}
	memset(&u, 0, sizeof(u));
	u.r = r;
	u.a = &rep.att[0];
	mp_crypto_hex(u.sha, u.a->sha256, MP_SHA256_LEN);
	er = mp_db_txn(r->d->ctx->db, up_txn, &u);
	if (er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/dossier/%lld#documenten",
		    r->arg[0]);
		dash_done(r, back, "document");
	} else if (u.status == 404)
		dash_dossier_refused(r);
	else
		dash_error(r, mp_err_status(er), NULL);
out:
	mp_report_free(&rep);
}

static enum mp_err
del_txn(struct mp_db *db, void *arg)
{
	struct up		*u = arg;
	struct mp_dreq		*r = u->r;
	struct mp_dossier	 d;
	enum mp_err		 er;

	if ((er = up_lock(db, u, &d)) != MP_OK)
		return er;
	/* A coordinator removes any; anyone else what they added. */
	er = mp_dossierdoc_delete(db, d.id, u->doc, mp_access_user(&r->user,
	    MP_PERM_DOSSIER_MANAGE) ? 0 : r->user.id, r->user.username);
	if (er == MP_ENOTFOUND) {
		u->status = 400;
		u->msg = "Dit document hoort niet (meer) bij dit dossier.";
		return er;
	}
	if (er == MP_EINVAL) {
		u->status = 403;
		u->msg = "Alleen wie het document toevoegde of een "
		    "coördinator kan het weghalen.";
		return er;
	}
	if (er != MP_OK)
		return er;
	(void)snprintf(u->detail, sizeof(u->detail), "document %lld "
	    "verwijderd", u->doc);
	return mp_audit(db, r->user.id, r->user.username, "dossier wijzigen",
	    "dossier", d.id, r->client, u->detail);
}

void
mp_dash_dossier_doc_del(struct mp_dreq *r)
{
	struct up	 u;
	char		 back[64];
	enum mp_err	 er;

	memset(&u, 0, sizeof(u));
	u.r = r;
	u.doc = r->arg[1];
	er = mp_db_txn(r->d->ctx->db, del_txn, &u);
	if (er == MP_OK) {
		(void)snprintf(back, sizeof(back), "/dossier/%lld#documenten",
		    r->arg[0]);
		dash_done(r, back, "document-weg");
	} else if (u.status == 404)
		dash_dossier_refused(r);
	else if (u.status != 0)
		up_refuse(r, u.status, u.msg);
	else
		dash_error(r, mp_err_status(er), NULL);
}

/* ------------------------------------------------------------------ */
/* Download.                                                           */

struct dl {
	struct mp_dreq	*r;
	long long	 dossier;
	int		 sent;
};

static void
dl_send(const struct mp_dossierdoc *d, const void *data, size_t len,
    void *arg)
{
	struct dl	*x = arg;
	char		 what[64];

	(void)snprintf(what, sizeof(what), "document %lld", d->id);
	dash_audit(x->r, "document downloaden", "dossier", x->dossier, what);
	x->sent = 1;
	dash_send_file(x->r, d->filename, 256, "document", d->content_type,
	    data, len);
}

void
mp_dash_dossier_doc(struct mp_dreq *r)
{
	struct mp_dossier	 d;
	struct dl		 x;
	enum mp_err		 er;

	if (!dash_dossier_seen(r, &d))
		return;
	memset(&x, 0, sizeof(x));
	x.r = r;
	x.dossier = d.id;
	er = mp_dossierdoc_read(r->d->ctx->db, d.id, r->arg[1], dl_send, &x);
	if (er == MP_ENOTFOUND) {
		dash_audit(r, "geweigerd", "dossier", d.id, NULL);
		dash_error(r, 404, "Dit document bestaat niet.");
	} else if (er != MP_OK)
		dash_error(r, mp_err_status(er), NULL);
}
