/*
 * message.c -- the conversation with the reporter (see message.h).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "confkey.h"
#include "db.h"
#include "errcode.h"
#include "i18n.h"
#include "message.h"
#include "outbox.h"
#include "ratelimit.h"
#include "report.h"
#include "valid.h"
#include "workflow.h"

enum stmt {
	STMT_INSERT,
	STMT_REPLY,
	STMT_LANG,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSERT */
	"INSERT INTO message (report_id, at, direction, kind, author_id,"
	" author, body) VALUES (?, UTC_TIMESTAMP(), ?, ?, ?, ?, ?)",
	/*
	 * STMT_REPLY: the reply, its event, the handler's notice and a
	 * report taken back into handling or reopened (sql/046), for the
	 * report of the session bound to the connection (sql/020): the
	 * follow-up's account has
	 * no right on these tables, so a reply to any other report is
	 * impossible rather than merely not asked for.
	 */
	"SELECT feedback_reply_to(?, ?, ?)",
	/* STMT_LANG: the language the report was made in (sql/051). */
	"SELECT lang FROM report WHERE id = ?",
};

/* STMT_LANG's column. */
enum {
	LANG_CODE
};

/* STMT_REPLY's column: the new message's id, 0 when none was written. */
enum {
	REPLY_ID
};

/*
 * The mail a message causes (lib/outbox.c), queued in the caller's
 * transaction: "there is news" for a reporter who left an address, "the
 * reporter answered" for the report's handler.  Every message goes
 * through here, so none can forget it.
 */
static enum mp_err
notify(struct mp_db *db, enum mp_msg_dir dir, long long report_id)
{

	if (dir == MP_MSG_OUT)
		return mp_outbox_notify_reporter(db, (uint64_t)report_id);
	return mp_outbox_notify_handler(db, (uint64_t)report_id);
}

enum mp_err
mp_message_add(struct mp_db *db, long long report_id, enum mp_msg_dir dir,
    const char *kind, long long author_id, const char *author,
    const char *body, long long *id)
{
	struct mp_dbval		 v[6];
	unsigned long long	 newid = 0;
	enum mp_err		 er;

	v[0] = MP_DBINT(report_id);
	v[1] = MP_DBTEXT(dir == MP_MSG_OUT ? "uit" : "in");
	v[2] = MP_DBTEXT(kind);
	v[3] = author_id > 0 ? MP_DBINT(author_id) : MP_DBNULL();
	v[4] = MP_DBTEXT(author != NULL ? author : "");
	v[5] = MP_DBTEXT(body != NULL ? body : "");
	if ((er = mp_db_exec(db, stmts[STMT_INSERT], v, 6, NULL, &newid)) !=
	    MP_OK)
		return er;
	if (id != NULL)
		*id = (long long)newid;
	return notify(db, dir, report_id);
}

/*
 * Defaults: received, taken, in a dossier, closed; the rest is off
 * unless set.
 */
static const struct {
	const char	*status;
	const char	*text;
} defaults[] = {
	{ MP_ST_NEW, "Wij hebben uw melding ontvangen. Een medewerker van "
	  "het meldpunt gaat ernaar kijken. Dank u wel." },
	{ MP_ST_TAKEN, "Een medewerker heeft uw melding in behandeling "
	  "genomen." },
	/* Neutral: nothing of a dossier is the reporter's to know. */
	{ MP_ST_DOSSIER, "Uw melding wordt verder behandeld. Een medewerker "
	  "werkt eraan." },
	{ MP_ST_CLOSED, "De behandeling van uw melding is afgerond. Wat "
	  "wij precies hebben gedaan, kunnen wij u niet vertellen: dat "
	  "beschermt iedereen die erbij betrokken is. Dank u wel voor uw "
	  "melding." },
};

const char *
mp_message_auto_text(const struct mp_conf *c, const char *status)
{
	const char	*def = "", *text;
	char		 name[32];
	size_t		 i;

	if (status == NULL || !mp_workflow_status(status))
		return NULL;
	for (i = 0; i < MP_NELEM(defaults); i++)
		if (strcmp(defaults[i].status, status) == 0)
			def = defaults[i].text;
	(void)snprintf(name, sizeof(name), "%s", status);
	for (i = 0; name[i] != '\0'; i++)
		if (name[i] == ' ')
			name[i] = '_';
	if ((text = mp_confkey_str_at(c, MP_CK_FEEDBACK_AUTO_TEXT, name)) ==
	    NULL)
		text = def;
	if (text == NULL || mp_valid_blank(text, strlen(text)))
		return NULL;
	/* A text is on unless switched off. */
	return mp_confkey_bool_at(c, MP_CK_FEEDBACK_AUTO_ENABLED, name) ?
	    text : NULL;
}

const char *
mp_message_auto_text_lang(const struct mp_conf *c, const char *status,
    const char *lang)
{
	static const struct {
		const char	*status;
		const char	*key;
	} keys[] = {
		{ MP_ST_NEW, "auto.new" }, { MP_ST_TAKEN, "auto.taken" },
		{ MP_ST_DOSSIER, "auto.dossier" },
		{ MP_ST_CLOSED, "auto.closed" },
	};
	const char	*text = mp_message_auto_text(c, status), *t;
	size_t		 i;

	if (text == NULL || lang == NULL || strcmp(lang, "nl") == 0 ||
	    mp_i18n_find(lang) == NULL)
		return text;
	for (i = 0; i < MP_NELEM(keys); i++)
		if (strcmp(keys[i].status, status) == 0) {
			t = mp_i18n_text(lang, keys[i].key);
			/* A key returned as itself: no catalogue has it. */
			return t == keys[i].key ? text : t;
		}
	return text;
}

/* The language report_id was made in; "nl" when it cannot be read. */
static void
report_lang(struct mp_db *db, long long report_id, char out[8])
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];

	(void)snprintf(out, 8, "nl");
	v[0] = MP_DBINT(report_id);
	if (mp_db_query(db, &st, stmts[STMT_LANG], v, 1) != MP_OK)
		return;
	if (mp_db_next(st) == MP_OK)
		(void)snprintf(out, 8, "%s", mp_db_text(st, LANG_CODE, NULL));
	mp_db_done(st);
}

enum mp_err
mp_message_on_status(struct mp_db *db, const struct mp_conf *c,
    long long report_id, const char *status, long long author_id,
    const char *author, const char *personal)
{
	struct mp_buf	 b;
	const char	*text;
	char		 lang[8];
	enum mp_err	 er = MP_OK;

	/* In the reporter's language (issue 17). */
	report_lang(db, report_id, lang);
	text = mp_message_auto_text_lang(c, status, lang);

	if (personal != NULL && mp_valid_blank(personal, strlen(personal)))
		personal = NULL;
	if (text == NULL && personal == NULL)
		return MP_OK;
	mp_buf_init(&b, 4 * MP_MSG_MAX + 16);
	if (text != NULL)
		er = mp_buf_addstr(&b, text);
	if (er == MP_OK && text != NULL && personal != NULL)
		er = mp_buf_addstr(&b, "\n\n");
	if (er == MP_OK && personal != NULL)
		er = mp_buf_addstr(&b, personal);
	if (er == MP_OK)
		er = mp_message_add(db, report_id, MP_MSG_OUT, MP_MSG_AUTO,
		    author_id, author, mp_buf_str(&b), NULL);
	mp_buf_free(&b);
	return er;
}

/* A reply and its rate-limit hit, prepared before the transaction. */
struct reply {
	struct mp_reply		*rp;
	struct mp_ratehit	 hit;
};

static enum mp_err
reply_txn(struct mp_db *db, void *arg)
{
	struct reply	*x = arg;
	struct mp_reply	*rp = x->rp;
	struct mp_stmt	*st;
	struct mp_dbval	 v[3];
	size_t		 i;
	enum mp_err	 er;

	rp->message_id = 0;
	/* Counted in this transaction: a refused reply leaves no trace. */
	if ((er = mp_ratelimit_count(db, &x->hit)) != MP_OK)
		return er;
	v[0] = MP_DBTEXT(rp->body != NULL ? rp->body : "");
	v[1] = MP_DBINT((long long)rp->natt);
	v[2] = MP_DBINT(rp->reopen ? 1 : 0);
	if ((er = mp_db_query(db, &st, stmts[STMT_REPLY], v, 3)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		rp->message_id = mp_db_int(st, REPLY_ID);
	mp_db_done(st);
	if (er == MP_ENOTFOUND)
		er = MP_EDB;
	if (er != MP_OK)
		return er;
	/* No live session bound to the connection: nothing was written. */
	if (rp->message_id <= 0)
		return MP_ENOTFOUND;
	for (i = 0; i < rp->natt; i++)
		if ((er = mp_report_attachment_store_own(db, rp->report_id,
		    rp->message_id, &rp->att[i])) != MP_OK)
			return er;
	return MP_OK;
}

enum mp_err
mp_message_reply(struct mp_db *db, struct mp_reply *rp)
{
	struct reply	 x;
	char		 bucket[32];
	enum mp_err	 er;

	x.rp = rp;
	x.hit.n = 0;
	/* Outside the transaction: it may make the window's key. */
	(void)snprintf(bucket, sizeof(bucket), "report %lld", rp->report_id);
	if (rp->rl != NULL && (er = mp_ratelimit_prepare(db, rp->keys,
	    rp->rl, bucket, rp->now, &x.hit)) != MP_OK)
		return er;
	return mp_db_txn(db, reply_txn, &x);
}
