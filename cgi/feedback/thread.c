/*
 * thread.c -- the signed-in reporter's page: the report's status and
 * date, the messages, and a reply with text and files.
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

enum stmt {
	STMT_REPORT,
	STMT_MESSAGES,
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
};

/* STMT_REPORT's columns. */
enum report_col { REP_REFERENCE, REP_STATUS, REP_RECEIVED };

/* STMT_MESSAGES's columns. */
enum msg_col { MSG_AT, MSG_DIRECTION, MSG_BODY };

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

	/* "Received" is the first message, from the configuration. */
	if ((auto_new = mp_message_auto_text(r->f->ctx->conf, MP_ST_NEW)) !=
	    NULL) {
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
		feedback_time(t, (time_t)mp_db_int(st, MSG_AT));
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
 * The report's page for the signed-in reporter: status, date, the
 * messages and the reply form; text and err (may be NULL) are a reply
 * that came back with a problem, note a line above the thread.
 */
static void
thread_page(struct freq *r, int status, const char *text, const char *err,
    const char *note)
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
	if ((v = feedback_view(r, "Uw melding")) == NULL) {
		er = MP_ENOMEM;
		goto out;
	}
	received = (time_t)mp_db_int(st, REP_RECEIVED);
	feedback_time(t, received);
	if ((er = mp_tmpl_set(v, "R.Reference", mp_db_text(st,
	    REP_REFERENCE, NULL))) != MP_OK || (er = mp_tmpl_set(v,
	    "R.Status", mp_workflow_public(mp_db_text(st, REP_STATUS,
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
	if ((er = thread_messages(r, v, p, t)) != MP_OK)
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

void
feedback_reply(struct freq *r)
{
	struct mp_report	 files;
	struct mp_reply		 rp;
	const char		*text, *err = NULL;
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
	if (!mp_valid_utf8(text, len))
		err = "Uw bericht bevat tekens die wij niet kunnen lezen. Typ "
		    "het opnieuw.";
	else if (!mp_valid_text(text, len, MP_MSG_MAX, 1))
		err = "Uw bericht is te lang: ten hoogste 4000 tekens.";
	else if (files.err[RF_ATTACHMENTS] != NULL)
		err = files.err[RF_ATTACHMENTS];
	else if (mp_valid_blank(text, len) && files.natt == 0)
		err = "Schrijf een bericht of voeg een bestand toe.";
	if (err != NULL) {
		thread_page(r, 400, mp_valid_utf8(text, len) ? text : "",
		    err, NULL);
		mp_report_free(&files);
		return;
	}
	memset(&rp, 0, sizeof(rp));
	rp.report_id = r->sess.user_id;
	rp.body = mp_valid_blank(text, len) ? "" : text;
	rp.att = files.att;
	rp.natt = files.natt;
	rp.keys = &r->f->ctx->keys;
	rp.rl = &r->f->replies;
	rp.now = r->now;
	er = mp_message_reply(r->f->ctx->db, &rp);
	mp_report_free(&files);
	if (er == MP_ELIMIT) {
		thread_page(r, 429, text, "U heeft de laatste tijd veel "
		    "berichten gestuurd. Dit bericht is niet verstuurd; de "
		    "tekst staat hieronder nog (bestanden moet u opnieuw "
		    "kiezen). Probeer het later opnieuw.", NULL);
		return;
	}
	if (er != MP_OK) {
		(void)mp_http_error(r->req, mp_err_status(er),
		    "Uw bericht kon niet worden opgeslagen. Probeer het over "
		    "enkele minuten opnieuw.");
		return;
	}
	feedback_redirect(r, "/?verstuurd=1");
}

/* "/": the sign-in form, or the thread when signed in. */
void
feedback_home(struct freq *r)
{

	if (!feedback_session(r, 0)) {
		if (!r->req->sent)
			feedback_signin_page(r, 200, NULL, NULL);
		return;
	}
	thread_page(r, 200, NULL, NULL,
	    mp_req_params_get(&r->req->query, "verstuurd", NULL) != NULL ?
	    "Uw bericht is verstuurd. Dank u wel." : NULL);
}
