/*
 * outbox.c -- the mail outbox: queueing notifications inside the
 * caller's transaction and delivering them later, each claimed by one
 * sender with a committed token and lease, through the sendmail
 * command, with a doubling backoff and a limit on tries.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "alloc.h"
#include "buf.h"
#include "confkey.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "i18n.h"
#include "keys.h"
#include "log.h"
#include "mailmsg.h"
#include "outbox.h"
#include "sendmail.h"
#include "siteurl.h"
#include "user.h"
#include "valid.h"

#define BATCH		50	/* rows read per claiming round */
#define MSG_MAX		(64 * 1024)
#define TOKEN_LEN	16
#define WHY_LEN		200	/* mail_outbox.last_error */

/* mail_outbox.kind: to whom, about what. */
enum kind {
	KIND_REPORTER = 0,	/* the reporter of report_id */
	KIND_HANDLER,		/* user_id, the handler of report_id */
	KIND_GRANT,		/* user_id, a coordinator: request_id */
	KIND_TEAM,		/* user_id, of team_id: report_id arrived */
	KIND_ASSIGNED,		/* user_id, report_id's new handler */
	KIND_DIGEST,		/* user_id: overdue tasks on digest_day */
	KIND__MAX
};

static const char *const kind_names[KIND__MAX] = {
	"reporter", "handler", "grant", "team", "assigned", "digest"
};

enum stmt {
	STMT_NOTIFY_REPORTER = 0,
	STMT_NOTIFY_HANDLER,
	STMT_NOTIFY_GRANT,
	STMT_NOTIFY_TEAM,
	STMT_NOTIFY_ASSIGNED,
	STMT_DIGEST,
	STMT_DUE,
	STMT_CLAIM,
	STMT_GET,
	STMT_REPORTER_ADDR,
	STMT_HANDLER_ADDR,
	STMT_SENT,
	STMT_MERGE,
	STMT_RETRY,
	STMT_GIVEUP,
	STMT_COUNT,
	STMT_FAILED_RECENT,
	STMT_LOG,
	STMT_LOG_COUNT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_NOTIFY_REPORTER: only the fact that there is an address. */
	"INSERT INTO mail_outbox (kind, report_id, created_at, next_try_at)"
	" SELECT 'reporter', r.id, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
	" FROM report r JOIN reporter_contact c ON c.report_id = r.id"
	" WHERE r.id = ? AND r.anonymous = 0 AND c.email_enc IS NOT NULL",
	/*
	 * STMT_NOTIFY_HANDLER: the insert runs in the server as the
	 * function's definer (sql/013), so meldpunt-feedback, which calls
	 * this for every reply, needs no right on app_user.  It writes
	 * although it reads "SELECT": only inside a transaction (callers
	 * are), where lib/db.c does not retry a lost SELECT.
	 */
	"SELECT outbox_notify_handler(?)",
	/* STMT_NOTIFY_GRANT: every coordinator who can be mailed. */
	"INSERT INTO mail_outbox (kind, user_id, request_id, created_at,"
	" next_try_at)"
	" SELECT 'grant', u.id, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
	" FROM app_user u WHERE u.role = 'coordinator' AND u.disabled = 0"
	" AND u.email IS NOT NULL AND u.email <> ''",
	/*
	 * STMT_NOTIFY_TEAM: the members who want it, but not who made
	 * the change, through the DEFINER function of sql/048 (the intake
	 * reads no account).  A write read as "SELECT", as above.
	 */
	"SELECT outbox_notify_team(?, ?)",
	/* STMT_NOTIFY_ASSIGNED: the handler, unless they did it. */
	"INSERT INTO mail_outbox (kind, report_id, user_id, created_at,"
	" next_try_at)"
	" SELECT 'assigned', r.id, u.id, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
	" FROM report r JOIN app_user u ON u.id = r.handler_id"
	" WHERE r.id = ? AND u.id <> ? AND u.disabled = 0"
	" AND u.email IS NOT NULL AND u.email <> ''",
	/*
	 * STMT_DIGEST: one row per user with an open task due before the
	 * day (lib/journal.h's overdue rule) who wants the digest and has
	 * none for the day yet; the unique key (user_id, digest_day)
	 * turns a run racing another into no second row.
	 */
	"INSERT INTO mail_outbox (kind, user_id, digest_day, created_at,"
	" next_try_at)"
	" SELECT 'digest', u.id, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP()"
	" FROM app_user u LEFT JOIN user_notice n ON n.user_id = u.id"
	" WHERE u.disabled = 0 AND u.email IS NOT NULL AND u.email <> ''"
	" AND COALESCE(n.digest, 1) = 1"
	" AND EXISTS (SELECT 1 FROM dossier_journal j"
	" WHERE j.assignee_id = u.id AND j.kind = 'task'"
	" AND j.task_status = 'open' AND j.due_date < ?)"
	" AND NOT EXISTS (SELECT 1 FROM mail_outbox o"
	" WHERE o.user_id = u.id AND o.digest_day = ?)"
	" ON DUPLICATE KEY UPDATE digest_day = VALUES(digest_day)",
	/* STMT_DUE: after the cursor, so a run takes each row once. */
	"SELECT id FROM mail_outbox WHERE status = 'pending'"
	" AND next_try_at <= UTC_TIMESTAMP()"
	" AND (claim_until IS NULL OR claim_until < UTC_TIMESTAMP())"
	" AND id > ? ORDER BY id LIMIT 50",
	/* STMT_CLAIM: autocommitted, so other senders see it at once. */
	"UPDATE mail_outbox SET claim_token = ?,"
	" claim_until = UTC_TIMESTAMP() + INTERVAL ? SECOND"
	" WHERE id = ? AND status = 'pending'"
	" AND next_try_at <= UTC_TIMESTAMP()"
	" AND (claim_until IS NULL OR claim_until < UTC_TIMESTAMP())",
	/* STMT_GET */
	"SELECT o.kind, COALESCE(o.report_id, 0), o.user_id, o.tries,"
	" COALESCE(r.reference, ''), COALESCE(o.request_id, 0),"
	" COALESCE(t.name, ''), COALESCE(r.lang, 'nl')"
	" FROM mail_outbox o LEFT JOIN report r ON r.id = o.report_id"
	" LEFT JOIN team t ON t.id = o.team_id"
	" WHERE o.id = ? AND o.claim_token = ?",
	/* STMT_REPORTER_ADDR */
	"SELECT c.email_enc FROM reporter_contact c"
	" JOIN report r ON r.id = c.report_id"
	" WHERE c.report_id = ? AND r.anonymous = 0",
	/* STMT_HANDLER_ADDR */
	"SELECT COALESCE(email, ''), disabled FROM app_user WHERE id = ?",
	/* STMT_SENT */
	"UPDATE mail_outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(),"
	" tries = tries + 1, claim_token = NULL, claim_until = NULL,"
	" last_error = '' WHERE id = ? AND claim_token = ?",
	/*
	 * STMT_MERGE: "there is news" covers every other notice to the
	 * same person about the same report that has not gone out yet,
	 * unless another sender holds it.
	 */
	"UPDATE mail_outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(),"
	" last_error = 'merged', claim_token = NULL, claim_until = NULL"
	" WHERE report_id = ? AND kind = ? AND COALESCE(user_id, 0) = ?"
	" AND id <> ? AND status = 'pending'"
	" AND (claim_until IS NULL OR claim_until < UTC_TIMESTAMP())",
	/* STMT_RETRY */
	"UPDATE mail_outbox SET tries = tries + 1,"
	" next_try_at = UTC_TIMESTAMP() + INTERVAL ? SECOND,"
	" claim_token = NULL, claim_until = NULL, last_error = ?"
	" WHERE id = ? AND claim_token = ?",
	/* STMT_GIVEUP */
	"UPDATE mail_outbox SET status = 'failed', tries = tries + 1,"
	" claim_token = NULL, claim_until = NULL, last_error = ?"
	" WHERE id = ? AND claim_token = ?",
	/* STMT_COUNT */
	"SELECT status, COUNT(*) FROM mail_outbox GROUP BY status",
	/*
	 * STMT_FAILED_RECENT: giving up leaves next_try_at at the last
	 * try's time, so this counts the mails given up in the window.
	 */
	"SELECT COUNT(*) FROM mail_outbox WHERE status = 'failed'"
	" AND next_try_at >= UTC_TIMESTAMP() - INTERVAL ? SECOND",
	/*
	 * STMT_LOG: the coordinators' delivery log, newest first; whom
	 * by name (user or team), never by address.
	 */
	"SELECT o.id, o.kind, o.status, o.tries,"
	" UNIX_TIMESTAMP(o.created_at),"
	" COALESCE(UNIX_TIMESTAMP(o.sent_at), 0),"
	" UNIX_TIMESTAMP(o.next_try_at), o.last_error,"
	" COALESCE(r.reference, ''), COALESCE(o.request_id, 0),"
	" COALESCE(u.display_name, ''), COALESCE(u.username, ''),"
	" COALESCE(t.name, ''),"
	" COALESCE(DATE_FORMAT(o.digest_day, '%Y-%m-%d'), '')"
	" FROM mail_outbox o LEFT JOIN report r ON r.id = o.report_id"
	" LEFT JOIN app_user u ON u.id = o.user_id"
	" LEFT JOIN team t ON t.id = o.team_id"
	" WHERE (? = '' OR o.status = ?) AND (? = '' OR o.kind = ?)"
	" ORDER BY o.id DESC LIMIT ? OFFSET ?",
	/* STMT_LOG_COUNT */
	"SELECT COUNT(*) FROM mail_outbox o"
	" WHERE (? = '' OR o.status = ?) AND (? = '' OR o.kind = ?)",
};

/* STMT_DUE's column. */
enum {
	DUE_ID
};
/* STMT_GET's columns. */
enum {
	GET_KIND,
	GET_REPORT,		/* 0 when none */
	GET_USER,
	GET_TRIES,
	GET_REF,		/* '' when none */
	GET_REQUEST,		/* 0 when none */
	GET_TEAM,		/* '' when none */
	GET_LANG		/* the report's language (sql/051) */
};
/* STMT_LOG's columns. */
enum {
	LOG_ID,
	LOG_KIND,
	LOG_STATUS,
	LOG_TRIES,
	LOG_CREATED,
	LOG_SENT,		/* 0 when not sent */
	LOG_NEXT,
	LOG_ERROR,
	LOG_REF,
	LOG_REQUEST,
	LOG_USER_NAME,
	LOG_USER,
	LOG_TEAM,
	LOG_DAY
};
/* STMT_REPORTER_ADDR's column. */
enum {
	RADDR_EMAIL		/* sealed */
};
/* STMT_HANDLER_ADDR's columns. */
enum {
	HADDR_EMAIL,
	HADDR_DISABLED
};
/* STMT_COUNT's columns. */
enum {
	COUNT_STATUS,
	COUNT_N
};

static enum mp_err
notify(struct mp_db *db, enum stmt s, uint64_t report_id)
{
	struct mp_dbval	 v[1];

	if (report_id == 0 || report_id > (uint64_t)INT64_MAX)
		return MP_EINVAL;
	v[0] = MP_DBINT((long long)report_id);
	return mp_db_exec(db, stmts[s], v, 1, NULL, NULL);
}

enum mp_err
mp_outbox_notify_reporter(struct mp_db *db, uint64_t report_id)
{

	return notify(db, STMT_NOTIFY_REPORTER, report_id);
}

enum mp_err
mp_outbox_notify_handler(struct mp_db *db, uint64_t report_id)
{

	struct mp_dbval	 v[1];
	struct mp_stmt	*st;
	enum mp_err	 er;

	if (report_id == 0 || report_id > (uint64_t)INT64_MAX)
		return MP_EINVAL;
	v[0] = MP_DBINT((long long)report_id);
	if ((er = mp_db_query(db, &st, stmts[STMT_NOTIFY_HANDLER], v, 1)) !=
	    MP_OK)
		return er;
	/* The row count it returns: 0 when the report has no handler. */
	if ((er = mp_db_next(st)) == MP_ENOTFOUND)
		er = MP_EDB;
	mp_db_done(st);
	return er;
}

/* A notice to staff about report_id, but not to except (0: none). */
static enum mp_err
notify_staff(struct mp_db *db, enum stmt s, uint64_t report_id,
    long long except)
{
	struct mp_dbval	 v[2];
	struct mp_stmt	*st;
	enum mp_err	 er;

	if (report_id == 0 || report_id > (uint64_t)INT64_MAX || except < 0)
		return MP_EINVAL;
	v[0] = MP_DBINT((long long)report_id);
	v[1] = MP_DBINT(except);
	if (s != STMT_NOTIFY_TEAM)
		return mp_db_exec(db, stmts[s], v, 2, NULL, NULL);
	if ((er = mp_db_query(db, &st, stmts[s], v, 2)) != MP_OK)
		return er;
	/* The rows queued, 0 when nobody wants it. */
	if ((er = mp_db_next(st)) == MP_ENOTFOUND)
		er = MP_EDB;
	mp_db_done(st);
	return er;
}

enum mp_err
mp_outbox_notify_team(struct mp_db *db, uint64_t report_id,
    long long except)
{

	return notify_staff(db, STMT_NOTIFY_TEAM, report_id, except);
}

enum mp_err
mp_outbox_notify_assigned(struct mp_db *db, uint64_t report_id,
    long long except)
{

	return notify_staff(db, STMT_NOTIFY_ASSIGNED, report_id, except);
}

enum mp_err
mp_outbox_queue_digest(struct mp_db *db, const char *day,
    unsigned long long *n)
{
	struct mp_dbval	 v[3];

	*n = 0;
	if (day == NULL || strlen(day) != 10)
		return MP_EINVAL;
	v[0] = v[1] = v[2] = MP_DBTEXT(day);
	return mp_db_exec(db, stmts[STMT_DIGEST], v, 3, n, NULL);
}

enum mp_err
mp_outbox_notify_grant(struct mp_db *db, long long request_id)
{
	struct mp_dbval	 v[1];

	if (request_id <= 0)
		return MP_EINVAL;
	v[0] = MP_DBINT(request_id);
	return mp_db_exec(db, stmts[STMT_NOTIFY_GRANT], v, 1, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Sending.                                                            */

/* The mail.* settings one run uses; strings belong to the conf. */
struct settings {
	const char	*sendmail;
	const char	*from;
	const char	*from_name;
	/* Made from site.public_url unless mail.* names them. */
	char		 feedback_url[MP_SITEURL_MAX];
	int		 feedback_ok;	/* an address, not the bare path */
	char		 dashboard_url[MP_SITEURL_MAX];	/* "" or ends in / */
	char		 privacy_url[MP_SITEURL_MAX];
	const char	*subject_reporter;
	const char	*subject_handler;
	const char	*subject_grant;
	const char	*subject_team;
	const char	*subject_assigned;
	const char	*subject_digest;
	const char	*signature;
	const char	*instance;
	long long	 max_tries;
	long long	 retry_delay;
	long long	 retry_max_delay;
	long long	 send_timeout;
	long long	 lease;
};

static enum mp_err
settings(struct settings *s, const struct mp_conf *c)
{

	s->instance = mp_confkey_str(c, MP_CK_INSTANCE_NAME);
	s->sendmail = mp_confkey_str(c, MP_CK_MAIL_SENDMAIL);
	s->from = mp_confkey_str(c, MP_CK_MAIL_FROM);
	s->from_name = mp_confkey_str(c, MP_CK_MAIL_FROM_NAME);
	s->feedback_ok = mp_siteurl_feedback(c, s->feedback_url);
	mp_siteurl_dashboard(c, s->dashboard_url);
	mp_siteurl_privacy(c, s->privacy_url);
	s->subject_reporter = mp_confkey_str(c, MP_CK_MAIL_REPORTER_SUBJECT);
	s->subject_handler = mp_confkey_str(c, MP_CK_MAIL_HANDLER_SUBJECT);
	s->subject_grant = mp_confkey_str(c, MP_CK_MAIL_GRANT_SUBJECT);
	s->subject_team = mp_confkey_str(c, MP_CK_MAIL_TEAM_SUBJECT);
	s->subject_assigned = mp_confkey_str(c, MP_CK_MAIL_ASSIGNED_SUBJECT);
	s->subject_digest = mp_confkey_str(c, MP_CK_MAIL_DIGEST_SUBJECT);
	if ((s->signature = mp_confkey_str(c, MP_CK_MAIL_SIGNATURE)) == NULL)
		s->signature = s->instance;
	s->max_tries = mp_confkey_int(c, MP_CK_MAIL_MAX_TRIES);
	s->retry_delay = mp_confkey_int(c, MP_CK_MAIL_RETRY_DELAY);
	s->retry_max_delay = mp_confkey_int(c, MP_CK_MAIL_RETRY_MAX_DELAY);
	s->send_timeout = mp_confkey_int(c, MP_CK_MAIL_SEND_TIMEOUT);
	s->lease = mp_confkey_int(c, MP_CK_MAIL_CLAIM_TIMEOUT);
	/* A lease shorter than a send would let a second sender in. */
	if (s->lease < s->send_timeout + 60)
		s->lease = s->send_timeout + 60;
	if (!mp_valid_email(s->from)) {
		mp_errx("%s: mail.from is not a valid address", __func__);
		return MP_ECONF;
	}
	/* A bare path would be useless in a mail. */
	if (!s->feedback_ok) {
		mp_errx("%s: mail.feedback_url (or site.public_url) does not "
		    "make an http(s) URL",
		    __func__);
		return MP_ECONF;
	}
	if (s->privacy_url[0] != '\0' && !mp_siteurl_valid(s->privacy_url)) {
		mp_errx("%s: mail.privacy_url (or site.public_url) does not "
		    "make an http(s) URL",
		    __func__);
		return MP_ECONF;
	}
	if (s->dashboard_url[0] != '\0' &&
	    !mp_siteurl_valid(s->dashboard_url)) {
		mp_errx("%s: mail.dashboard_url (or site.public_url) does not"
		    " make an http(s) URL",
		    __func__);
		return MP_ECONF;
	}
	return MP_OK;
}

static const char *
subject(const struct settings *s, enum kind k)
{

	switch (k) {
	case KIND_HANDLER:
		return s->subject_handler;
	case KIND_GRANT:
		return s->subject_grant;
	case KIND_TEAM:
		return s->subject_team;
	case KIND_ASSIGNED:
		return s->subject_assigned;
	case KIND_DIGEST:
		return s->subject_digest;
	default:
		return s->subject_reporter;
	}
}

/*
 * The reporter's text.  Deliberately nothing about the report: not its
 * reference, not its status, no message, and no link that signs in
 * (docs/architecture.md, "Mail").
 */
static enum mp_err
body_reporter(struct mp_buf *b, const struct settings *s)
{
	enum mp_err	 er;

	er = mp_buf_printf(b,
	    "Beste melder,\n"
	    "\n"
	    "Er is nieuws over uw melding bij het meldpunt van %s.\n"
	    "\n"
	    "U leest het door zelf naar %s te gaan en in te loggen met de\n"
	    "referentie en de geheime code van uw ontvangstbewijs.\n"
	    "\n"
	    "Om u en uw melding te beschermen staat in deze e-mail niets\n"
	    "over de inhoud, en er staat geen link in waarmee u direct\n"
	    "inlogt. Bent u de code kwijt? Dan kunt u niet meer inloggen,\n"
	    "want wij weten niet wie u bent. U kunt wel een nieuwe melding\n"
	    "doen.\n"
	    "\n"
	    "Deze e-mail is automatisch verstuurd; u kunt er niet op\n"
	    "antwoorden.\n"
	    "\n", s->instance, s->feedback_url);
	if (er == MP_OK && s->privacy_url[0] != '\0')
		er = mp_buf_printf(b, "Wat wij met uw melding en uw gegevens "
		    "doen, leest u in\nonze privacyverklaring: %s\n\n",
		    s->privacy_url);
	if (er == MP_OK)
		er = mp_buf_printf(b, "%s\n", s->signature);
	return er;
}

/*
 * The reporter's text in another language than Dutch (issue 17): the
 * same sentences from the catalogue (mail.*, lib/i18n.c), which the
 * sender reads at the start of its run; Dutch when it has none.
 */
static enum mp_err
body_reporter_lang(struct mp_buf *b, const struct settings *s,
    const char *lang)
{
	enum mp_err	 er;

	if (lang == NULL || strcmp(lang, "nl") == 0 ||
	    mp_i18n_find(lang) == NULL)
		return body_reporter(b, s);
	er = mp_buf_printf(b, "%s\n\n%s %s.\n\n%s %s %s\n\n%s\n\n%s\n\n",
	    mp_i18n_text(lang, "mail.greeting"),
	    mp_i18n_text(lang, "mail.news"), s->instance,
	    mp_i18n_text(lang, "mail.read_pre"), s->feedback_url,
	    mp_i18n_text(lang, "mail.read_post"),
	    mp_i18n_text(lang, "mail.protect"),
	    mp_i18n_text(lang, "mail.auto"));
	if (er == MP_OK && s->privacy_url[0] != '\0')
		er = mp_buf_printf(b, "%s %s\n\n",
		    mp_i18n_text(lang, "mail.privacy"), s->privacy_url);
	if (er == MP_OK)
		er = mp_buf_printf(b, "%s\n", s->signature);
	return er;
}

/* The reporter's subject in lang: the catalogue's, or the configured. */
static const char *
subject_lang(const struct settings *s, enum kind k, const char *lang)
{

	if (k != KIND_REPORTER || lang == NULL || strcmp(lang, "nl") == 0 ||
	    mp_i18n_find(lang) == NULL)
		return subject(s, k);
	return mp_i18n_text(lang, "mail.subject");
}

/* The handler's text: the reference, no words of the reporter. */
static enum mp_err
body_handler(struct mp_buf *b, const struct settings *s, const char *ref)
{
	enum mp_err	 er;

	er = mp_buf_printf(b,
	    "De melder heeft gereageerd op melding %s.\n"
	    "\n", ref);
	if (er == MP_OK && s->dashboard_url[0] != '\0')
		er = mp_buf_printf(b, "U leest de reactie in het dashboard:"
		    "\n%s\n\n", s->dashboard_url);
	if (er == MP_OK)
		er = mp_buf_printf(b, "Deze e-mail is automatisch verstuurd."
		    "\n\n%s\n", s->signature);
	return er;
}

/*
 * A team's or a handler's notice of a report: the kind of news, the
 * reference and the report's page in the dashboard, nothing of the
 * report itself (issue 16).  team is the team's name for KIND_TEAM.
 */
static enum mp_err
body_report(struct mp_buf *b, const struct settings *s, enum kind k,
    const char *ref, long long report_id, const char *team)
{
	enum mp_err	 er;

	if (k == KIND_TEAM)
		er = mp_buf_printf(b, "Er is een nieuwe melding in de "
		    "wachtrij van team %s:\nmelding %s.\n\n", team, ref);
	else
		er = mp_buf_printf(b, "Melding %s is aan u toegewezen.\n\n",
		    ref);
	if (er == MP_OK && s->dashboard_url[0] != '\0')
		er = mp_buf_printf(b, "U vindt de melding in het dashboard:\n"
		    "%smelding/%lld\n\n", s->dashboard_url, report_id);
	if (er == MP_OK && k == KIND_TEAM)
		er = mp_buf_addstr(b, "Wilt u deze berichten niet meer? Zet "
		    "ze uit in het dashboard,\nonder \"Meldingen per "
		    "e-mail\".\n\n");
	if (er == MP_OK)
		er = mp_buf_printf(b, "Deze e-mail is automatisch verstuurd."
		    "\n\n%s\n", s->signature);
	return er;
}

/* The daily digest: that there are overdue tasks, and where. */
static enum mp_err
body_digest(struct mp_buf *b, const struct settings *s)
{
	enum mp_err	 er;

	er = mp_buf_printf(b,
	    "In het meldpunt van %s staan taken op uw naam waarvan\n"
	    "de einddatum voorbij is.\n"
	    "\n", s->instance);
	if (er == MP_OK && s->dashboard_url[0] != '\0')
		er = mp_buf_printf(b, "U ziet ze in het dashboard onder "
		    "\"Mijn taken\":\n%staken\n\n", s->dashboard_url);
	if (er == MP_OK)
		er = mp_buf_addstr(b, "U krijgt dit overzicht hooguit een "
		    "keer per dag. Wilt u het niet\nmeer? Zet het uit in het "
		    "dashboard, onder \"Meldingen per e-mail\".\n\n");
	if (er == MP_OK)
		er = mp_buf_printf(b, "Deze e-mail is automatisch verstuurd."
		    "\n\n%s\n", s->signature);
	return er;
}

/*
 * The coordinators' text: which account, what change, who asked, and
 * where to decide -- staff names only, never anything of a report.
 */
static enum mp_err
body_grant(struct mp_buf *b, const struct settings *s,
    const struct mp_outbox_request *t)
{
	struct tm	 tm;
	char		 when[32] = "";
	enum mp_err	 er;

	if (localtime_r(&t->at, &tm) != NULL)
		(void)strftime(when, sizeof(when), "%d-%m-%Y %H:%M", &tm);
	er = mp_buf_printf(b,
	    "In het meldpunt van %s wacht een verzoek op bevestiging.\n"
	    "\n"
	    "Verzoek %lld: %s voor account %s,\n"
	    "gevraagd door %s op %s.\n"
	    "\n"
	    "Het gaat pas in als een tweede persoon het bevestigt: een\n"
	    "andere beheerder of een coördinator, niet wie het vroeg en\n"
	    "niet het account zelf. Klopt het niet, wijs het dan af.\n"
	    "\n", s->instance, t->id, t->what, t->target, t->requester,
	    when);
	if (er == MP_OK && strcmp(t->status, "open") != 0)
		er = mp_buf_printf(b, "Over dit verzoek is inmiddels "
		    "beslist: %s.\n\n", t->status);
	if (er == MP_OK && s->dashboard_url[0] != '\0')
		er = mp_buf_printf(b, "De verzoeken staan in het dashboard:\n"
		    "%sverzoeken\n\n", s->dashboard_url);
	if (er == MP_OK)
		er = mp_buf_printf(b, "Deze e-mail is automatisch verstuurd."
		    "\n\n%s\n", s->signature);
	return er;
}

/*
 * Compose both kinds of mail once with a stand-in address, so a
 * configured text that a header refuses (a control character in a
 * subject or the sender's name) stops the run before anything is
 * claimed, instead of giving every mail up.
 */
static enum mp_err
check_texts(const struct settings *s)
{
	struct mp_outbox_request t;
	struct mp_buf	 body, msg;
	struct mp_mail	 m;
	int		 k;
	enum mp_err	 er = MP_OK;

	memset(&t, 0, sizeof(t));
	(void)snprintf(t.what, sizeof(t.what), "rol coördinator");
	(void)snprintf(t.target, sizeof(t.target), "j.jansen");
	(void)snprintf(t.requester, sizeof(t.requester), "beheer");
	(void)snprintf(t.status, sizeof(t.status), "open");
	mp_buf_init(&body, MSG_MAX);
	mp_buf_init(&msg, MSG_MAX);
	for (k = 0; k < KIND__MAX && er == MP_OK; k++) {
		mp_buf_reset(&body);
		if (k == KIND_HANDLER)
			er = body_handler(&body, s, "M-2026-000001");
		else if (k == KIND_GRANT)
			er = body_grant(&body, s, &t);
		else if (k == KIND_TEAM || k == KIND_ASSIGNED)
			er = body_report(&body, s, (enum kind)k,
			    "M-2026-000001", 1, "Noord");
		else if (k == KIND_DIGEST)
			er = body_digest(&body, s);
		else
			er = body_reporter(&body, s);
		memset(&m, 0, sizeof(m));
		m.from_name = s->from_name;
		m.from_addr = s->from;
		m.to_addr = "ontvanger@example.nl";
		m.subject = subject(s, (enum kind)k);
		m.body = mp_buf_str(&body);
		m.date = time(NULL);
		if (er == MP_OK && (er = mp_mailmsg_compose(&msg,
		    &m)) != MP_OK)
			mp_errx("%s: mail.from_name, mail.%s.subject or"
			    " mail.signature is refused in a mail (a control"
			    " character?)", __func__, kind_names[k]);
	}
	mp_buf_free(&body);
	mp_buf_free(&msg);
	return er == MP_EINVAL ? MP_ECONF : er;
}

/* One claimed row as read back. */
struct row {
	long long	 id;
	enum kind	 kind;
	long long	 report_id;	/* 0 for KIND_GRANT */
	long long	 user_id;
	long long	 request_id;	/* KIND_GRANT */
	long long	 tries;
	char		 ref[24];
	char		 team[404];	/* KIND_TEAM: the team's name */
	char		 lang[8];	/* the report's language */
};

/*
 * The recipient's address into *addr (malloc'd, wiped and freed by the
 * caller).  MP_ENOTFOUND when there is none any more (contact removed,
 * handler disabled or without address): nothing to retry.
 */
static enum mp_err
recipient(struct mp_db *db, const struct mp_keys *keys, const struct row *w,
    char **addr, size_t *addrlen, const char **why)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	const char	*p;
	unsigned char	*pt = NULL;
	size_t		 len = 0, ptlen = 0;
	char		 aad[64];
	int		 staff;
	enum mp_err	 er;

	*addr = NULL;
	*addrlen = 0;
	*why = "no address";
	/* Staff (a handler, a coordinator) by their work address. */
	staff = w->kind != KIND_REPORTER;
	v[0] = MP_DBINT(staff ? w->user_id : w->report_id);
	if ((er = mp_db_query(db, &st, stmts[staff ?
	    STMT_HANDLER_ADDR : STMT_REPORTER_ADDR], v, 1)) != MP_OK) {
		*why = "database error reading the address";
		return er;
	}
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		return er == MP_ENOTFOUND ? MP_ENOTFOUND : er;
	}
	if (staff) {
		p = mp_db_text(st, HADDR_EMAIL, &len);
		if (mp_db_int(st, HADDR_DISABLED) != 0) {
			*why = w->kind == KIND_HANDLER ?
			    "the handler is disabled" : w->kind == KIND_GRANT ?
			    "the coordinator is disabled" :
			    "the user is disabled";
			er = MP_ENOTFOUND;
		} else if (p == NULL || len == 0)
			er = MP_ENOTFOUND;
		else if ((*addr = mp_alloc_memdup0(p, len)) == NULL)
			er = MP_ENOMEM;
		else
			*addrlen = len;
	} else if (mp_db_isnull(st, RADDR_EMAIL) ||
	    (p = mp_db_text(st, RADDR_EMAIL, &len)) == NULL || len == 0)
		er = MP_ENOTFOUND;
	else {
		(void)snprintf(aad, sizeof(aad), "%lld:email", w->report_id);
		if (mp_keys_contact_open(keys, aad, (const unsigned char *)p,
		    len,
		    &pt, &ptlen) != MP_OK) {
			*why = "the sealed address cannot be opened";
			er = MP_ECRYPTO;
		} else {
			*addr = (char *)pt;
			*addrlen = ptlen;
		}
	}
	mp_db_done(st);
	return er;
}

/* Read back a row this run has claimed. */
static enum mp_err
get_row(struct mp_db *db, long long id, const unsigned char *tok,
    struct row *w)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[2];
	const char	*p;
	enum mp_err	 er;

	memset(w, 0, sizeof(*w));
	v[0] = MP_DBINT(id);
	v[1] = MP_DBBLOB(tok, TOKEN_LEN);
	if ((er = mp_db_query(db, &st, stmts[STMT_GET], v, 2)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		w->id = id;
		p = mp_db_text(st, GET_KIND, NULL);
		for (w->kind = KIND_REPORTER; w->kind < KIND__MAX; w->kind++)
			if (p != NULL && strcmp(p, kind_names[w->kind]) == 0)
				break;
		if (w->kind == KIND__MAX)
			w->kind = KIND_REPORTER;
		w->report_id = mp_db_int(st, GET_REPORT);
		w->user_id = mp_db_int(st, GET_USER);
		w->tries = mp_db_int(st, GET_TRIES);
		w->request_id = mp_db_int(st, GET_REQUEST);
		p = mp_db_text(st, GET_REF, NULL);
		(void)snprintf(w->ref, sizeof(w->ref), "%s",
		    p != NULL && p[0] != '\0' ? p : "(zonder referentie)");
		p = mp_db_text(st, GET_TEAM, NULL);
		(void)snprintf(w->team, sizeof(w->team), "%s",
		    p != NULL ? p : "");
		p = mp_db_text(st, GET_LANG, NULL);
		(void)snprintf(w->lang, sizeof(w->lang), "%s",
		    p != NULL ? p : "nl");
	}
	mp_db_done(st);
	return er;
}

/* Mark the notices that the mail just sent covers as sent too. */
static void
merge(struct mp_db *db, const struct row *w, struct mp_outbox_stats *st)
{
	struct mp_dbval	 v[4];
	unsigned long long n = 0;

	/* Each request's notice and each digest is a mail of its own. */
	if (w->kind == KIND_GRANT || w->kind == KIND_DIGEST)
		return;
	v[0] = MP_DBINT(w->report_id);
	v[1] = MP_DBTEXT(kind_names[w->kind]);
	v[2] = MP_DBINT(w->kind != KIND_REPORTER ? w->user_id : 0);
	v[3] = MP_DBINT(w->id);
	if (mp_db_exec(db, stmts[STMT_MERGE], v, 4, &n, NULL) != MP_OK) {
		/* Harmless: they go out as mails of their own. */
		mp_warnx("%s: mail %lld: cannot merge the others", __func__,
		    w->id);
		return;
	}
	if (n > 0) {
		st->merged += (long)n;
		mp_infox("%s: mail %lld covered %llu more for report %lld",
		    __func__, w->id, n, w->report_id);
	}
}

/* Record the outcome of one row: sent, retry later, or given up. */
static enum mp_err
finish(struct mp_db *db, const struct settings *s, const struct row *w,
    const unsigned char *tok, enum mp_err sent, int permanent,
    const char *reason, struct mp_outbox_stats *st)
{
	struct mp_dbval	 v[4];
	unsigned long long n = 0;
	long long	 delay;
	char		 why[WHY_LEN + 1];
	size_t		 i;
	int		 k;
	enum mp_err	 er;

	/* Printable ASCII that fits last_error, whatever a path holds. */
	for (i = 0; reason[i] != '\0' && i < WHY_LEN; i++)
		why[i] = (unsigned char)reason[i] >= 0x20 &&
		    (unsigned char)reason[i] < 0x7f ? reason[i] : '?';
	why[i] = '\0';

	if (sent == MP_OK) {
		v[0] = MP_DBINT(w->id);
		v[1] = MP_DBBLOB(tok, TOKEN_LEN);
		er = mp_db_exec(db, stmts[STMT_SENT], v, 2, &n, NULL);
		if (er == MP_OK && n == 1) {
			st->sent++;
			mp_infox("%s: mail %lld (report %lld, %s) sent",
			    __func__, w->id, w->report_id,
			    kind_names[w->kind]);
			merge(db, w, st);
		}
	} else if (permanent || w->tries + 1 >= s->max_tries) {
		v[0] = MP_DBTEXT(why);
		v[1] = MP_DBINT(w->id);
		v[2] = MP_DBBLOB(tok, TOKEN_LEN);
		er = mp_db_exec(db, stmts[STMT_GIVEUP], v, 3, &n, NULL);
		if (er == MP_OK && n == 1) {
			st->failed++;
			mp_errx("%s: mail %lld (report %lld, %s) given up"
			    " after %lld tries: %s", __func__, w->id,
			    w->report_id, kind_names[w->kind],
			    w->tries + 1, why);
		}
	} else {
		/* retry_delay, doubled per failed try, at most the max. */
		delay = s->retry_delay;
		for (k = 1; k <= w->tries && delay < s->retry_max_delay; k++)
			delay *= 2;
		if (delay > s->retry_max_delay)
			delay = s->retry_max_delay;
		v[0] = MP_DBINT(delay);
		v[1] = MP_DBTEXT(why);
		v[2] = MP_DBINT(w->id);
		v[3] = MP_DBBLOB(tok, TOKEN_LEN);
		er = mp_db_exec(db, stmts[STMT_RETRY], v, 4, &n, NULL);
		if (er == MP_OK && n == 1) {
			st->deferred++;
			mp_warnx("%s: mail %lld (report %lld, %s) failed"
			    " (try %lld of %lld), next try in %lld s: %s",
			    __func__, w->id, w->report_id,
			    kind_names[w->kind], w->tries + 1,
			    s->max_tries, delay, why);
		}
	}
	if (er != MP_OK)
		mp_errx("%s: mail %lld: cannot record the outcome: %s%s",
		    __func__, w->id, mp_err_str(er), sent == MP_OK ?
		    " (it was sent; it may be sent again)" : "");
	else if (n != 1) {
		/* Our lease ran out and another sender took the row. */
		st->lost++;
		mp_warnx("%s: mail %lld was claimed by another sender"
		    " meanwhile%s", __func__, w->id, sent == MP_OK ?
		    "; it may have been sent twice" : "");
	}
	return er;
}

/* Compose and send one claimed row. */
static enum mp_err
deliver(struct mp_db *db, const struct settings *s,
    const struct mp_keys *keys, mp_outbox_request_fn request, long long id,
    const unsigned char *tok, struct mp_outbox_stats *st)
{
	struct mp_outbox_request gt;
	struct row	 w;
	struct mp_buf	 body, msg;
	struct mp_mail	 m;
	char		*addr = NULL;
	size_t		 addrlen = 0;
	char		 why[WHY_LEN + 1] = "";
	const char	*reason = NULL;
	int		 permanent = 0;
	enum mp_err	 er, sent = MP_ESYS;

	mp_buf_init(&body, MSG_MAX);
	mp_buf_init(&msg, MSG_MAX);
	if ((er = get_row(db, id, tok, &w)) != MP_OK) {
		if (er == MP_ENOTFOUND) {
			st->lost++;
			er = MP_OK;
		}
		goto out;
	}
	er = recipient(db, keys, &w, &addr, &addrlen, &reason);
	if (er == MP_ENOTFOUND || er == MP_ECRYPTO) {
		permanent = 1;
		goto done;
	}
	if (er != MP_OK)
		goto done;
	if (w.kind == KIND_GRANT) {
		memset(&gt, 0, sizeof(gt));
		if ((er = request(db, w.request_id, &gt)) == MP_ENOTFOUND) {
			reason = "the request is gone";
			permanent = 1;
			goto done;
		}
		if (er == MP_OK)
			er = body_grant(&body, s, &gt);
	} else if (w.kind == KIND_HANDLER)
		er = body_handler(&body, s, w.ref);
	else if (w.kind == KIND_TEAM || w.kind == KIND_ASSIGNED)
		er = body_report(&body, s, w.kind, w.ref, w.report_id,
		    w.team);
	else if (w.kind == KIND_DIGEST)
		er = body_digest(&body, s);
	else
		er = body_reporter_lang(&body, s, w.lang);
	if (er != MP_OK) {
		reason = "cannot compose the text";
		goto done;
	}
	memset(&m, 0, sizeof(m));
	m.from_name = s->from_name;
	m.from_addr = s->from;
	m.to_addr = addr;
	m.subject = subject_lang(s, w.kind, w.lang);
	m.body = mp_buf_str(&body);
	m.date = time(NULL);
	if ((er = mp_mailmsg_compose(&msg, &m)) != MP_OK) {
		/* The texts passed check_texts: the address is refused. */
		reason = "the address is refused in a header";
		permanent = er == MP_EINVAL;
		goto done;
	}
	sent = mp_sendmail(s->sendmail, mp_buf_str(&msg), mp_buf_len(&msg),
	    (int)s->send_timeout, why, sizeof(why));
	reason = why;
done:
	er = finish(db, s, &w, tok, sent, permanent,
	    reason != NULL && reason[0] != '\0' ? reason : "error", st);
out:
	mp_alloc_freezero(addr, addrlen);
	mp_buf_freezero(&msg);
	mp_buf_free(&body);
	return er;
}

enum mp_err
mp_outbox_send(struct mp_db *db, const struct mp_conf *c,
    const struct mp_keys *keys, mp_outbox_request_fn request,
    struct mp_outbox_stats *st)
{
	struct settings	 s;
	struct mp_stmt	*q;
	struct mp_dbval	 v[3];
	unsigned char	 tok[TOKEN_LEN];
	long long	 ids[BATCH], cursor = 0;
	unsigned long long n;
	size_t		 nids, i;
	enum mp_err	 er;

	memset(st, 0, sizeof(*st));
	if (request == NULL)
		return MP_EINVAL;
	if ((er = settings(&s, c)) != MP_OK || (er = check_texts(&s)) !=
	    MP_OK)
		return er;
	/* One token per run: every row claimed here carries it. */
	if ((er = mp_crypto_random(tok, sizeof(tok))) != MP_OK)
		return er;
	for (;;) {
		v[0] = MP_DBINT(cursor);
		if ((er = mp_db_query(db, &q, stmts[STMT_DUE], v, 1)) !=
		    MP_OK)
			return er;
		nids = 0;
		while (nids < BATCH && (er = mp_db_next(q)) == MP_OK)
			ids[nids++] = mp_db_int(q, DUE_ID);
		mp_db_done(q);
		if (er != MP_OK && er != MP_ENOTFOUND)
			return er;
		if (nids == 0)
			return MP_OK;
		for (i = 0; i < nids; i++) {
			cursor = ids[i];
			v[0] = MP_DBBLOB(tok, sizeof(tok));
			v[1] = MP_DBINT(s.lease);
			v[2] = MP_DBINT(ids[i]);
			n = 0;
			if ((er = mp_db_exec(db, stmts[STMT_CLAIM], v, 3, &n,
			    NULL)) != MP_OK)
				return er;
			if (n != 1)
				continue;	/* another sender has it */
			if ((er = deliver(db, &s, keys, request, ids[i], tok,
			    st)) != MP_OK)
				return er;
		}
	}
}

enum mp_err
mp_outbox_count(struct mp_db *db, long long *pending, long long *sent,
    long long *failed)
{
	struct mp_stmt	*q;
	const char	*k;
	enum mp_err	 er;

	*pending = *sent = *failed = 0;
	if ((er = mp_db_query(db, &q, stmts[STMT_COUNT], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(q)) == MP_OK) {
		if ((k = mp_db_text(q, COUNT_STATUS, NULL)) == NULL)
			continue;
		if (strcmp(k, "pending") == 0)
			*pending = mp_db_int(q, COUNT_N);
		else if (strcmp(k, "sent") == 0)
			*sent = mp_db_int(q, COUNT_N);
		else if (strcmp(k, "failed") == 0)
			*failed = mp_db_int(q, COUNT_N);
	}
	mp_db_done(q);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_outbox_failed_recent(struct mp_db *db, long long seconds,
    long long *n)
{
	struct mp_dbval	 p[1];

	p[0] = MP_DBINT(seconds);
	return mp_db_query_int(db, stmts[STMT_FAILED_RECENT], p, 1, n);
}

/* Bind the log's filters: "" for any. */
static void
log_filters(struct mp_dbval *v, const char *status, const char *kind)
{

	v[0] = v[1] = MP_DBTEXT(status != NULL ? status : "");
	v[2] = v[3] = MP_DBTEXT(kind != NULL ? kind : "");
}

static void
copy(char *dst, size_t sz, const char *src)
{

	(void)snprintf(dst, sz, "%s", src != NULL ? src : "");
}

enum mp_err
mp_outbox_log(struct mp_db *db, const char *status, const char *kind,
    long long offset, long long limit, mp_outbox_log_fn fn, void *arg,
    long long *total)
{
	struct mp_outbox_entry e;
	struct mp_stmt	*q;
	struct mp_dbval	 v[6];
	enum mp_err	 er;

	*total = 0;
	if (offset < 0 || limit < 1 || limit > 1000)
		return MP_EINVAL;
	log_filters(v, status, kind);
	if ((er = mp_db_query_int(db, stmts[STMT_LOG_COUNT], v, 4,
	    total)) != MP_OK)
		return er;
	v[4] = MP_DBINT(limit);
	v[5] = MP_DBINT(offset);
	if ((er = mp_db_query(db, &q, stmts[STMT_LOG], v, 6)) != MP_OK)
		return er;
	while ((er = mp_db_next(q)) == MP_OK) {
		memset(&e, 0, sizeof(e));
		e.id = mp_db_int(q, LOG_ID);
		copy(e.kind, sizeof(e.kind), mp_db_text(q, LOG_KIND, NULL));
		copy(e.status, sizeof(e.status), mp_db_text(q, LOG_STATUS,
		    NULL));
		e.tries = mp_db_int(q, LOG_TRIES);
		e.created = (time_t)mp_db_int(q, LOG_CREATED);
		e.sent = (time_t)mp_db_int(q, LOG_SENT);
		e.next_try = (time_t)mp_db_int(q, LOG_NEXT);
		copy(e.error, sizeof(e.error), mp_db_text(q, LOG_ERROR, NULL));
		copy(e.ref, sizeof(e.ref), mp_db_text(q, LOG_REF, NULL));
		e.request_id = mp_db_int(q, LOG_REQUEST);
		copy(e.user_name, sizeof(e.user_name), mp_db_text(q,
		    LOG_USER_NAME, NULL));
		copy(e.user, sizeof(e.user), mp_db_text(q, LOG_USER, NULL));
		copy(e.team, sizeof(e.team), mp_db_text(q, LOG_TEAM, NULL));
		copy(e.day, sizeof(e.day), mp_db_text(q, LOG_DAY, NULL));
		fn(&e, arg);
	}
	mp_db_done(q);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

int
mp_outbox_kind_valid(const char *kind)
{
	int	 k;

	for (k = 0; kind != NULL && k < KIND__MAX; k++)
		if (strcmp(kind, kind_names[k]) == 0)
			return 1;
	return 0;
}
