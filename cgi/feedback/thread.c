/*
 * thread.c -- the signed-in reporter's page: the report's status and
 * date, the report as the reporter sent it and their own files (with
 * a download), the messages, and a reply with text and files.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "feedback.h"

#define THREAD_MAX	500		/* messages shown */
#define FILES_MAX	100		/* files listed */

enum stmt {
	STMT_REPORT,
	STMT_MESSAGES,
	STMT_SENT,
	STMT_FILES,
	STMT_FILE,
	STMT_LANG,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/*
	 * STMT_REPORT: the views show the report of the session the
	 * request came with and no other (sql/020, lib/session.c).
	 */
	"SELECT reference, status, UNIX_TIMESTAMP(received_at)"
	" FROM feedback_own_report WHERE id = ?",
	/* STMT_MESSAGES: what the reporter may see is only this table. */
	"SELECT UNIX_TIMESTAMP(at), direction, body FROM feedback_own_message"
	" WHERE report_id = ? ORDER BY at, id LIMIT 500",
	/*
	 * STMT_SENT: what the reporter typed and chose, and nothing a
	 * handler added (sql/046).
	 */
	"SELECT signal_type, audience, description,"
	" DATE_FORMAT(observed_date, '%d-%m-%Y'),"
	" TIME_FORMAT(observed_time, '%H:%i'), street, house_number,"
	" postcode, city, involved_people, involved_companies,"
	" involved_vehicles, anonymous, content_erased_at IS NOT NULL"
	" FROM feedback_own_report_sent WHERE id = ?",
	/* STMT_FILES: the reporter's own files, never a handler's. */
	"SELECT id, filename, size FROM feedback_own_file"
	" WHERE report_id = ? ORDER BY created_at, id LIMIT 100",
	/* STMT_FILE: one of them with its bytes. */
	"SELECT filename, mime, data FROM feedback_own_file_data WHERE id = ?",
	/* STMT_LANG: the language the report was made in (sql/051). */
	"SELECT lang FROM feedback_own_report_lang WHERE id = ?",
};

/* STMT_REPORT's columns. */
enum report_col { REP_REFERENCE, REP_STATUS, REP_RECEIVED };

/* STMT_MESSAGES's columns. */
enum msg_col { MSG_AT, MSG_DIRECTION, MSG_BODY };

/* STMT_SENT's columns. */
enum sent_col {
	SENT_TYPE, SENT_AUDIENCE, SENT_DESCRIPTION, SENT_DATE, SENT_TIME,
	SENT_STREET, SENT_NUMBER, SENT_POSTCODE, SENT_CITY, SENT_PEOPLE,
	SENT_COMPANIES, SENT_VEHICLES, SENT_ANONYMOUS, SENT_ERASED
};

/* STMT_FILES's and STMT_FILE's columns. */
enum files_col { FILES_ID, FILES_NAME, FILES_SIZE };
enum file_col { FILE_NAME, FILE_MIME, FILE_DATA };

/* STMT_LANG's column. */
enum lang_col { LANG_CODE };

/* The text columns of STMT_SENT and their names in the view (Sent.*). */
static const struct {
	enum sent_col	 col;
	const char	*key;
} sent_text[] = {
	{ SENT_TYPE, "Sent.Type" },
	{ SENT_AUDIENCE, "Sent.Audience" },
	{ SENT_DESCRIPTION, "Sent.Description" },
	{ SENT_DATE, "Sent.Date" },
	{ SENT_TIME, "Sent.Time" },
	{ SENT_STREET, "Sent.Street" },
	{ SENT_NUMBER, "Sent.Number" },
	{ SENT_POSTCODE, "Sent.Postcode" },
	{ SENT_CITY, "Sent.City" },
	{ SENT_PEOPLE, "Sent.People" },
	{ SENT_COMPANIES, "Sent.Companies" },
	{ SENT_VEHICLES, "Sent.Vehicles" },
};

/* The report as sent into v (Sent.*). */
static enum mp_err
thread_sent(struct freq *r, struct mp_view *v, struct mp_dbval *p)
{
	struct mp_stmt	*st;
	char		 date[16];
	size_t		 i;
	enum mp_err	 er;

	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_SENT], p,
	    1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		for (i = 0; er == MP_OK && i < MP_NELEM(sent_text); i++)
			er = mp_tmpl_set(v, sent_text[i].key, mp_db_isnull(st,
			    sent_text[i].col) ? "" : mp_db_text(st,
			    sent_text[i].col, NULL));
		/* The language's separator, as the received date has. */
		if (er == MP_OK && !mp_db_isnull(st, SENT_DATE)) {
			(void)snprintf(date, sizeof(date), "%s",
			    mp_db_text(st, SENT_DATE, NULL));
			feedback_date_sep(r, date);
			er = mp_tmpl_set(v, "Sent.Date", date);
		}
		if (er == MP_OK)
			er = mp_tmpl_set_int(v, "Sent.Anonymous",
			    mp_db_int(st, SENT_ANONYMOUS) != 0);
		if (er == MP_OK)
			er = mp_tmpl_set_int(v, "Sent.Erased",
			    mp_db_int(st, SENT_ERASED) != 0);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* The reporter's own files into v (File.N: Id, Name, Size in kB). */
static enum mp_err
thread_files(struct freq *r, struct mp_view *v, struct mp_dbval *p)
{
	struct mp_stmt	*st;
	char		 key[64];
	size_t		 n = 0;
	long long	 size;
	enum mp_err	 er;

	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_FILES], p,
	    1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK && n < FILES_MAX) {
		size = mp_db_int(st, FILES_SIZE);
		(void)snprintf(key, sizeof(key), "File.%zu.Id", n);
		if ((er = mp_tmpl_set_int(v, key, mp_db_int(st, FILES_ID))) !=
		    MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "File.%zu.Name", n);
		if ((er = mp_tmpl_set(v, key, mp_db_text(st, FILES_NAME,
		    NULL))) != MP_OK)
			break;
		/* Rounded up: a file of a few bytes is not "0 kB". */
		(void)snprintf(key, sizeof(key), "File.%zu.KB", n++);
		if ((er = mp_tmpl_set_int(v, key, (size + 1023) / 1024)) !=
		    MP_OK)
			break;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * The thread into v (Msg.N): first "received", from the configuration,
 * dated received, then the messages the views hold.
 */
static enum mp_err
thread_messages(struct freq *r, struct mp_view *v, struct mp_dbval *p,
    const char *received)
{
	struct mp_stmt	*st;
	const char	*auto_new;
	char		 key[64], t[32];
	size_t		 n = 0;
	enum mp_err	 er;

	/*
	 * "Received" is the first message, from the configuration, in
	 * the page's language (auto.new of lib/i18n.c).
	 */
	if ((auto_new = mp_message_auto_text_lang(r->f->ctx->conf, MP_ST_NEW,
	    r->req->lang)) != NULL) {
		(void)snprintf(key, sizeof(key), "Msg.%zu.At", n);
		if ((er = mp_tmpl_set(v, key, received)) != MP_OK)
			return er;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Out", n);
		if ((er = mp_tmpl_set_int(v, key, 1)) != MP_OK)
			return er;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Body", n++);
		if ((er = mp_tmpl_set(v, key, auto_new)) != MP_OK)
			return er;
	}
	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_MESSAGES], p,
	    1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK && n <= THREAD_MAX) {
		feedback_time(r, t, (time_t)mp_db_int(st, MSG_AT));
		(void)snprintf(key, sizeof(key), "Msg.%zu.At", n);
		if ((er = mp_tmpl_set(v, key, t)) != MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Out", n);
		if ((er = mp_tmpl_set_int(v, key, strcmp(mp_db_text(st,
		    MSG_DIRECTION, NULL), "uit") == 0)) != MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "Msg.%zu.Body", n++);
		if ((er = mp_tmpl_set(v, key, mp_db_text(st, MSG_BODY,
		    NULL))) != MP_OK)
			break;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * What the reporter reads of a status: mp_workflow_public's Dutch, or
 * the catalogue's status.* in another language (the same four texts:
 * with a partner and in a dossier read as "in behandeling").
 */
static const char *
status_text(struct freq *r, const char *status)
{
	const char	*key = "status.taken";

	if (r->req->lang == NULL || strcmp(r->req->lang, "nl") == 0)
		return mp_workflow_public(status);
	if (status != NULL && strcmp(status, MP_ST_NEW) == 0)
		key = "status.new";
	else if (status != NULL && strcmp(status, MP_ST_WAITING) == 0)
		key = "status.waiting";
	else if (status != NULL && strcmp(status, MP_ST_CLOSED) == 0)
		key = "status.closed";
	return mp_i18n_text(r->req->lang, key);
}

/*
 * The reporter's pages stay in the language the report was made in
 * (sql/051), unless the reporter chose one by the link just now.  A
 * language no longer switched on is left to the usual choice.
 */
void
feedback_report_lang(struct freq *r)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[1];
	const char	*l;

	p[0] = MP_DBINT(r->sess.user_id);
	if (r->lang_chosen || mp_db_query(r->f->ctx->db, &st,
	    stmts[STMT_LANG], p, 1) != MP_OK)
		return;
	if (mp_db_next(st) == MP_OK &&
	    (l = mp_i18n_find(mp_db_text(st, LANG_CODE, NULL))) != NULL)
		r->req->lang = l;
	mp_db_done(st);
}

/*
 * The report's page for the signed-in reporter (feedback.h): status,
 * date, the report as sent, the files, the messages and the reply
 * form.
 */
void
feedback_thread_page(struct freq *r, int status, const char *text,
    const char *err, const char *note)
{
	struct mp_view	*v = NULL;
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[1];
	char		 t[32];
	time_t		 received;
	enum mp_err	 er;

	p[0] = MP_DBINT(r->sess.user_id);
	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_REPORT], p,
	    1)) != MP_OK)
		goto out;
	if ((er = mp_db_next(st)) != MP_OK)
		goto out;
	if ((v = feedback_view(r, mp_i18n_text(r->req->lang,
	    "thread.title"))) == NULL) {
		er = MP_ENOMEM;
		goto out;
	}
	received = (time_t)mp_db_int(st, REP_RECEIVED);
	/* What a reply would do to a closed report, said before it. */
	if ((er = mp_tmpl_set_int(v, "R.Closed", strcmp(mp_db_text(st,
	    REP_STATUS, NULL), MP_ST_CLOSED) == 0 ? (r->f->reopen ? 1 : 2) :
	    0)) != MP_OK)
		goto out;
	feedback_time(r, t, received);
	if ((er = mp_tmpl_set(v, "R.Reference", mp_db_text(st,
	    REP_REFERENCE, NULL))) != MP_OK || (er = mp_tmpl_set(v,
	    "R.Status", status_text(r, mp_db_text(st, REP_STATUS,
	    NULL)))) != MP_OK ||
	    (er = mp_tmpl_set(v, "R.Received", t)) != MP_OK ||
	    (er = mp_tmpl_set(v, "Csrf", r->sess.csrf)) != MP_OK ||
	    (er = mp_tmpl_set_int(v, "Limits.MaxFiles", r->f->max_files)) !=
	    MP_OK || (er = mp_tmpl_set_int(v, "Limits.MaxFileMB",
	    r->f->max_file_mb)) != MP_OK || (er = mp_tmpl_set_int(v,
	    "Limits.MaxText", MP_MSG_MAX)) != MP_OK)
		goto out;
	mp_db_done(st);
	st = NULL;
	if ((er = thread_sent(r, v, p)) != MP_OK ||
	    (er = thread_files(r, v, p)) != MP_OK ||
	    (er = thread_messages(r, v, p, t)) != MP_OK)
		goto out;
	if (text != NULL)
		er = mp_tmpl_set(v, "Reply.Text", text);
	if (er == MP_OK && err != NULL)
		er = mp_tmpl_set(v, "Reply.Error", err);
	if (er == MP_OK && note != NULL)
		er = mp_tmpl_set(v, "Note", note);
	if (er != MP_OK)
		goto out;
	feedback_render(r, status, v, "feedback/thread.cs");
	v = NULL;
out:
	if (st != NULL)
		mp_db_done(st);
	mp_tmpl_free(v);
	if (er != MP_OK)
		(void)mp_http_error(r->req, mp_err_status(er),
		    NULL);
}

/* A field the reply form has. */
static int
reply_field(const char *n)
{

	return strcmp(n, "csrf") == 0 || strcmp(n, "tekst") == 0;
}

/* Only the reply form's fields, each once. */
static int
reply_fields_known(const struct mp_req *req)
{

	return mp_req_form_known(req, reply_field,
	    mp_report_field_name(RF_ATTACHMENTS));
}

/*
 * The bound report's status into out (at most 31 bytes): MP_OK, or the
 * database's error (MP_ENOTFOUND: no live session).
 */
static enum mp_err
thread_status(struct freq *r, char out[32])
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[1];
	enum mp_err	 er;

	out[0] = '\0';
	p[0] = MP_DBINT(r->sess.user_id);
	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_REPORT], p,
	    1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		(void)snprintf(out, 32, "%s", mp_db_text(st, REP_STATUS,
		    NULL));
	mp_db_done(st);
	return er;
}

/* What is wrong with a reply of text and files, NULL when nothing. */
static const char *
reply_problem(const char *lang, const char *text, size_t len,
    const struct mp_report *files)
{

	if (!mp_valid_utf8(text, len))
		return mp_i18n_text(lang, "thread.unreadable");
	if (!mp_valid_text(text, len, MP_MSG_MAX, 1))
		return mp_i18n_text(lang, "thread.too_long");
	if (files->err[RF_ATTACHMENTS] != NULL)
		return files->err[RF_ATTACHMENTS];
	if (mp_valid_blank(text, len) && files->natt == 0)
		return mp_i18n_text(lang, "thread.empty");
	return NULL;
}

/*
 * Store a checked reply of text and files; MP_OK, or the error with
 * its answer already sent (the text shown again where it can be).
 */
static enum mp_err
reply_store(struct freq *r, const char *text, const struct mp_report *files)
{
	struct mp_reply	 rp;
	char		 status[32];
	enum mp_err	 er;

	memset(&rp, 0, sizeof(rp));
	/*
	 * The setting, not what was just read: closed in between, the
	 * database (which locks the row) reopens or refuses by it.
	 */
	rp.reopen = r->f->reopen;
	rp.report_id = r->sess.user_id;
	rp.body = mp_valid_blank(text, strlen(text)) ? "" : text;
	rp.att = files->att;
	rp.natt = files->natt;
	rp.keys = &r->f->ctx->keys;
	rp.rl = &r->f->replies;
	rp.now = r->now;
	if ((er = mp_message_reply(r->f->ctx->db, &rp)) == MP_OK)
		return MP_OK;
	if (er == MP_ELIMIT)
		feedback_thread_page(r, 429, text, "U heeft de laatste tijd "
		    "veel berichten gestuurd. Dit bericht is niet verstuurd; "
		    "de tekst staat hieronder nog (bestanden moet u opnieuw "
		    "kiezen). Probeer het later opnieuw.", NULL);
	/* Refused by the database: closed since the status was read. */
	else if (thread_status(r, status) == MP_OK &&
	    mp_workflow_on_reply(status, r->f->reopen) == MP_WF_REPLY_REFUSED)
		feedback_thread_page(r, 409, text,
		    mp_i18n_text(r->req->lang, "thread.refused"), NULL);
	else
		(void)mp_http_error(r->req, mp_err_status(er),
		    "Uw bericht kon niet worden opgeslagen. Probeer het over "
		    "enkele minuten opnieuw.");
	return er;
}

void
feedback_reply(struct freq *r)
{
	struct mp_report	 files;
	enum mp_workflow_reply	 effect;
	const char		*text, *err;
	char			 status[32];
	size_t			 len;
	enum mp_err		 er;

	if (!reply_fields_known(r->req)) {
		(void)mp_http_error(r->req, 400, "Dit formulier bevat velden "
		    "die wij niet kennen. Laad de pagina opnieuw.");
		return;
	}
	text = feedback_form(r, "tekst");
	if (text == NULL)
		text = "";
	len = strlen(text);
	mp_report_init(&files);
	if (mp_report_read_files(&files, r->req,
	    mp_report_field_name(RF_ATTACHMENTS)) != MP_OK) {
		mp_report_free(&files);
		(void)mp_http_error(r->req, 500, NULL);
		return;
	}
	if ((err = reply_problem(r->req->lang, text, len, &files)) != NULL) {
		feedback_thread_page(r, 400, mp_valid_utf8(text, len) ? text :
		    "", err, NULL);
		mp_report_free(&files);
		return;
	}
	/*
	 * Asked before anything is stored: a closed report either goes
	 * back to the queue with the reply or refuses it, and says so.
	 */
	if ((er = thread_status(r, status)) != MP_OK) {
		mp_report_free(&files);
		(void)mp_http_error(r->req, mp_err_status(er), NULL);
		return;
	}
	effect = mp_workflow_on_reply(status, r->f->reopen);
	if (effect == MP_WF_REPLY_REFUSED) {
		mp_report_free(&files);
		feedback_thread_page(r, 409, text,
		    mp_i18n_text(r->req->lang, "thread.refused"), NULL);
		return;
	}
	er = reply_store(r, text, &files);
	mp_report_free(&files);
	if (er == MP_OK)
		feedback_redirect(r, effect == MP_WF_REPLY_REOPENS ?
		    "/?verstuurd=2" : "/?verstuurd=1");
}

/*
 * GET /bestand/<id>: one of the reporter's own files, through the
 * session (the view has no other report's files, nor a handler's).
 */
void
feedback_file(struct freq *r)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[1];
	const char	*data;
	size_t		 len;
	enum mp_err	 er;

	if (!feedback_session(r, 0)) {
		if (!r->req->sent)
			feedback_signin_page(r, 403, NULL,
			    mp_i18n_text(r->req->lang, "signin.first"));
		return;
	}
	p[0] = MP_DBINT(r->arg);
	if ((er = mp_db_query(r->f->ctx->db, &st, stmts[STMT_FILE], p, 1)) !=
	    MP_OK) {
		(void)mp_http_error(r->req, mp_err_status(er), NULL);
		return;
	}
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		(void)mp_http_error(r->req, er == MP_ENOTFOUND ? 404 :
		    mp_err_status(er), er == MP_ENOTFOUND ? "Dit bestand "
		    "bestaat niet of hoort niet bij uw melding." : NULL);
		return;
	}
	data = mp_db_text(st, FILE_DATA, &len);
	(void)mp_http_send_file(r->req, mp_db_text(st, FILE_NAME, NULL), 200,
	    "bestand", mp_db_text(st, FILE_MIME, NULL), data, len);
	mp_db_done(st);
}

/* "/": the sign-in form, or the thread when signed in. */
void
feedback_home(struct freq *r)
{
	const char	*sent;

	if (!feedback_session(r, 0)) {
		if (!r->req->sent)
			feedback_signin_page(r, 200, NULL, NULL);
		return;
	}
	sent = mp_req_params_get(&r->req->query, "verstuurd", NULL);
	feedback_thread_page(r, 200, NULL, NULL, sent == NULL ? NULL :
	    mp_i18n_text(r->req->lang, strcmp(sent, "2") == 0 ?
	    "thread.sent_reopened" : "thread.sent_ok"));
}
