/*
 * report.c -- one report: its detail page (reporter identity
 * only for those allowed, attachments, history, the actions open to the
 * user), attachment downloads, and the actions: take into handling,
 * assign, change status (lib/workflow.c decides which), note, edit a
 * field, share with a partner (lib/share.c), write to the reporter,
 * mark the reporter's replies read.  The conversation with the
 * reporter (lib/message.c) is shown as a thread; a status change adds
 * the configured automatic text for the reporter, with the handler's
 * personal line.  Every change runs in one
 * transaction with its event and audit entry, and checks the version
 * the user saw, so two people acting at once cannot silently overwrite
 * each other.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define NOTE_MAX	4000
#define REASON_MAX	500

enum stmt {
	STMT_DETAIL,
	STMT_CONTACT,
	STMT_ATTACHMENTS,
	STMT_EVENTS,
	STMT_ATTACHMENT,
	STMT_LOCK,
	STMT_TEAMS,
	STMT_HANDLERS,
	STMT_MESSAGES,
	STMT_PARTNERS,
	STMT_PARTNER_OK,
	STMT__MAX
};

/* Templates (lib/sqltext.h), expanded at start-up (mp_dash_open). */
static const char *const stmts[STMT__MAX] = {
	/* STMT_DETAIL */
	"SELECT r.id, r.reference, r.status, r.channel,"
	" UNIX_TIMESTAMP(r.received_at), COALESCE(UNIX_TIMESTAMP(r.taken_at),"
	" 0), COALESCE(UNIX_TIMESTAMP(r.closed_at), 0),"
	" COALESCE(r.closed_reason, ''), st.name, a.name, r.description,"
	" DATE_FORMAT(r.observed_date, '%d-%m-%Y'),"
	" COALESCE(TIME_FORMAT(r.observed_time, '%H:%i'), ''), r.street,"
	" r.house_number, r.postcode, r.city, r.involved_people,"
	" r.involved_companies, r.involved_vehicles, r.anonymous, r.version,"
	" COALESCE(r.team_id, 0), COALESCE(t.name, ''),"
	" COALESCE(r.handler_id, 0), COALESCE(u.display_name, ''),"
	" r.unread_replies, r.subjects_cut, r.signal_type_id, r.lang"
	" FROM report r JOIN signal_type st ON st.id = r.signal_type_id"
	" JOIN audience a ON a.id = r.audience_id"
	" LEFT JOIN team t ON t.id = r.team_id"
	" LEFT JOIN app_user u ON u.id = r.handler_id"
	" WHERE {visible} AND r.id = ?",
	/* STMT_CONTACT */
	"SELECT name_enc, email_enc, phone_enc FROM reporter_contact"
	" WHERE report_id = ?",
	/* STMT_ATTACHMENTS */
	"SELECT id, filename, mime, size FROM attachment WHERE report_id = ?"
	" ORDER BY id",
	/* STMT_EVENTS */
	"SELECT UNIX_TIMESTAMP(at), kind, actor, detail FROM event"
	" WHERE report_id = ? ORDER BY at, id",
	/* STMT_ATTACHMENT */
	"SELECT a.filename, a.mime, a.data FROM attachment a"
	" JOIN report r ON r.id = a.report_id"
	" WHERE {visible} AND r.id = ? AND a.id = ?",
	/* STMT_LOCK: the row as it is now, locked for the change. */
	"SELECT r.status, r.version, r.description, r.street,"
	" r.house_number, r.postcode, r.city, r.involved_people,"
	" r.involved_companies, r.involved_vehicles,"
	" (SELECT name FROM signal_type WHERE id = r.signal_type_id),"
	" (SELECT name FROM audience WHERE id = r.audience_id),"
	" DATE_FORMAT(r.observed_date, '%Y-%m-%d'),"
	" COALESCE(r.team_id, 0), COALESCE(r.handler_id, 0)"
	" FROM report r WHERE {visible} AND r.id = ?"
	" FOR UPDATE",
	/* STMT_TEAMS */
	"SELECT id, name FROM team WHERE active = 1 ORDER BY name",
	/* STMT_HANDLERS */
	"SELECT id, display_name FROM app_user WHERE disabled = 0"
	" AND role IN ('handler', 'coordinator') ORDER BY display_name",
	/* STMT_MESSAGES */
	"SELECT UNIX_TIMESTAMP(m.at), m.direction, m.kind, m.author, m.body,"
	" (SELECT COUNT(*) FROM attachment a WHERE a.message_id = m.id)"
	" FROM message m WHERE m.report_id = ? ORDER BY m.at, m.id LIMIT 500",
	/* STMT_PARTNERS: active partners, and whether this report is
	 * shared with each. */
	"SELECT p.id, p.display_name, s.via, DATE_FORMAT(s.shared_at,"
	" '%d-%m-%Y %H:%i') FROM partner p LEFT JOIN report_share s ON"
	" s.partner_id = p.id AND s.report_id = ? WHERE p.disabled = 0"
	" ORDER BY p.display_name",
	/* STMT_PARTNER_OK */
	"SELECT display_name FROM partner WHERE id = ? AND disabled = 0",
};

/* The visibility rule (access.h), in STMT_DETAIL, _ATTACHMENT, _LOCK. */
static const struct mp_sqltext_part parts[] = {
	{ "visible", mp_access_sql_visible },
	{ NULL, NULL }
};

struct mp_sqltext_set dash_report_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&dash_report_sql, (s))

/* STMT_DETAIL's columns. */
enum detail_col {
	DET_ID,
	DET_REFERENCE,
	DET_STATUS,
	DET_CHANNEL,
	DET_RECEIVED,
	DET_TAKEN,
	DET_CLOSED,
	DET_CLOSED_REASON,
	DET_TYPE,
	DET_AUDIENCE,
	DET_DESCRIPTION,
	DET_OBSERVED_DATE,
	DET_OBSERVED_TIME,
	DET_STREET,
	DET_HOUSE_NUMBER,
	DET_POSTCODE,
	DET_CITY,
	DET_PEOPLE,
	DET_COMPANIES,
	DET_VEHICLES,
	DET_ANONYMOUS,
	DET_VERSION,
	DET_TEAM_ID,
	DET_TEAM,
	DET_HANDLER_ID,
	DET_HANDLER,
	DET_UNREAD,
	DET_SUBJECTS_CUT,
	DET_TYPE_ID,
	DET_LANG
};

/* STMT_CONTACT's columns. */
enum contact_col { CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE };

/* STMT_ATTACHMENTS's columns. */
enum atts_col { ATTS_ID, ATTS_NAME, ATTS_MIME, ATTS_SIZE };

/* STMT_EVENTS's columns. */
enum ev_col { EV_AT, EV_KIND, EV_ACTOR, EV_DETAIL };

/* STMT_ATTACHMENT's columns. */
enum att_col { ATT_NAME, ATT_MIME, ATT_DATA };

/* STMT_LOCK's columns. */
enum lock_col {
	LOCK_STATUS,
	LOCK_VERSION,
	LOCK_DESCRIPTION,
	LOCK_STREET,
	LOCK_HOUSE_NUMBER,
	LOCK_POSTCODE,
	LOCK_CITY,
	LOCK_PEOPLE,
	LOCK_COMPANIES,
	LOCK_VEHICLES,
	LOCK_TYPE_NAME,
	LOCK_AUDIENCE_NAME,
	LOCK_OBSERVED_DATE,
	LOCK_TEAM,		/* 0: none */
	LOCK_HANDLER		/* 0: none */
};

/* The column of STMT_PARTNER_OK. */
enum ok_col { OK_NAME };

/* The columns of STMT_TEAMS and STMT_HANDLERS. */
enum pick_col { PICK_ID, PICK_NAME };

/* STMT_MESSAGES's columns. */
enum msg_col {
	MSG_AT, MSG_DIRECTION, MSG_KIND, MSG_AUTHOR, MSG_BODY, MSG_FILES
};

/* STMT_PARTNERS's columns; PART_VIA is NULL where not shared. */
enum part_col { PART_ID, PART_NAME, PART_VIA, PART_AT };

/* Fields a handler may correct; the old value stays in the history. */
static const struct efield {
	const char	*name;		/* form value of "veld" */
	const char	*label;
	enum lock_col	 lockcol;	/* its column in STMT_LOCK */
	enum mp_rfield	 rf;		/* rules, write: lib/report.c */
	int		 multiline;
	int		 pick;		/* not free text: a form of its own */
} efields[] = {
	{ "omschrijving", "Omschrijving", LOCK_DESCRIPTION, RF_DESCRIPTION,
	  1, 0 },
	{ "straat", "Straat", LOCK_STREET, RF_STREET, 0, 0 },
	{ "huisnummer", "Huisnummer", LOCK_HOUSE_NUMBER, RF_HOUSE_NUMBER,
	  0, 0 },
	{ "postcode", "Postcode", LOCK_POSTCODE, RF_POSTCODE, 0, 0 },
	{ "plaats", "Plaats", LOCK_CITY, RF_CITY, 0, 0 },
	{ "personen", "Betrokken personen", LOCK_PEOPLE,
	  RF_PEOPLE, 1, 0 },
	{ "bedrijven", "Betrokken bedrijven", LOCK_COMPANIES,
	  RF_COMPANIES, 1, 0 },
	{ "voertuigen", "Voertuigen", LOCK_VEHICLES, RF_VEHICLES, 1, 0 },
	/* Issue 16: chosen from the catalogue or typed as a date. */
	{ "soort", "Soort", LOCK_TYPE_NAME, RF_SIGNAL_TYPE, 0, 1 },
	{ "doelgroep", "Doelgroep", LOCK_AUDIENCE_NAME, RF_AUDIENCE, 0, 1 },
	{ "datum", "Datum waarneming", LOCK_OBSERVED_DATE, RF_OBSERVED_DATE,
	  0, 1 },
};

/* The actions, each with the permission it needs (lib/access.c). */
enum akind {
	A_TAKE, A_ASSIGN, A_STATUS, A_NOTE, A_EDIT, A_SHARE, A_MESSAGE, A_READ,
	A_SEND_BACK,
	A_ASK,
	A__MAX
};

static const struct {
	const char	*name;		/* form value of "actie" */
	enum mp_perm	 perm;
	int		 versioned;	/* refuses a stale version */
} actions[A__MAX] = {
	{ "oppakken", MP_PERM_REPORT_WORK, 1 },
	{ "toewijzen", MP_PERM_REPORT_ASSIGN, 1 },
	{ "status", MP_PERM_REPORT_WORK, 1 },
	{ "notitie", MP_PERM_REPORT_WORK, 0 },
	{ "wijzigen", MP_PERM_REPORT_WORK, 1 },
	{ "delen", MP_PERM_REPORT_SHARE, 0 },
	{ "bericht", MP_PERM_REPORT_WORK, 0 },
	{ "gelezen", MP_PERM_REPORT_WORK, 0 },
	{ "terugsturen", MP_PERM_REPORT_WORK, 1 },
	{ "vragen", MP_PERM_REPORT_WORK, 1 },
};

/* ------------------------------------------------------------------ */
/* The detail page.                                                    */

/* Set list.N.name in the view. */
static enum mp_err
setk(struct mp_view *v, const char *list, size_t n, const char *name,
    const char *val)
{
	char	 key[96];

	(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, n, name);
	return mp_tmpl_set(v, key, val);
}

static enum mp_err
setki(struct mp_view *v, const char *list, size_t n, const char *name,
    long long val)
{
	char	 key[96];

	(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, n, name);
	return mp_tmpl_set_int(v, key, val);
}

/* Open one sealed contact value into the view. */
static enum mp_err
contact(struct mp_dreq *r, struct mp_view *v, struct mp_stmt *st,
    enum contact_col col, const char *field, const char *name)
{
	const char	*box;
	unsigned char	*pt = NULL;
	size_t		 len, ptlen = 0;
	char		 aad[64];
	enum mp_err	 er = MP_OK;

	if (mp_db_isnull(st, col) || (box = mp_db_text(st, col,
	    &len)) == NULL || len == 0)
		return MP_OK;
	(void)snprintf(aad, sizeof(aad), "%lld:%s", r->arg[0], field);
	if (mp_keys_contact_open(&r->d->ctx->keys, aad,
	    (const unsigned char *)box, len, &pt, &ptlen) == MP_OK)
		er = mp_tmpl_set(v, name, (const char *)pt);
	else
		er = mp_tmpl_set(v, name, "(niet te lezen)");
	mp_alloc_freezero(pt, ptlen);
	return er;
}

static enum mp_err
pick_list(struct mp_dreq *r, struct mp_view *v, enum stmt s,
    const char *what, long long selected)
{
	struct mp_stmt	*st;
	char		 key[96];
	size_t		 i = 0;
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(s), NULL, 0)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK && i < 500) {
		(void)snprintf(key, sizeof(key), "Opt.%s.%zu.Id", what, i);
		if ((er = mp_tmpl_set_int(v, key, mp_db_int(st,
		    PICK_ID))) != MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "Opt.%s.%zu.Name", what, i);
		if ((er = mp_tmpl_set(v, key, mp_db_text(st, PICK_NAME,
		    NULL))) != MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "Opt.%s.%zu.Sel", what, i++);
		if ((er = mp_tmpl_set_int(v, key, mp_db_int(st, PICK_ID) ==
		    selected)) != MP_OK)
			break;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * The conversation with the reporter into R.Msg: the configured
 * "received" text first (the reporter sees it so), then every message.
 */
static enum mp_err
thread(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[1];
	const char	*auto_new, *dir;
	char		 t[32];
	size_t		 n = 0;
	enum mp_err	 er = MP_OK;

	auto_new = mp_message_auto_text(r->d->ctx->conf, MP_ST_NEW);
	if (auto_new != NULL) {
		if ((er = setk(v, "R.Msg", n, "At", mp_tmpl_get(v,
		    "R.Received"))) != MP_OK || (er = setki(v, "R.Msg", n,
		    "Out", 1)) != MP_OK || (er = setk(v, "R.Msg", n, "Who",
		    "automatisch bij ontvangst")) != MP_OK ||
		    (er = setk(v, "R.Msg", n, "Body", auto_new)) != MP_OK)
			return er;
		n++;
	}
	p[0] = MP_DBINT(r->arg[0]);
	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(STMT_MESSAGES), p,
	    1)) != MP_OK)
		return er;
	for (; (er = mp_db_next(st)) == MP_OK; n++) {
		dash_time(t, (time_t)mp_db_int(st, MSG_AT));
		dir = mp_db_text(st, MSG_DIRECTION, NULL);
		if ((er = setk(v, "R.Msg", n, "At", t)) != MP_OK ||
		    (er = setki(v, "R.Msg", n, "Out", strcmp(dir, "uit") ==
		    0)) != MP_OK || (er = setk(v, "R.Msg", n, "Kind",
		    mp_db_text(st, MSG_KIND, NULL))) != MP_OK ||
		    (er = setk(v, "R.Msg", n, "Who", strcmp(dir, "uit") == 0 ?
		    mp_db_text(st, MSG_AUTHOR, NULL) : "melder")) != MP_OK ||
		    (er = setk(v, "R.Msg", n, "Body", mp_db_text(st,
		    MSG_BODY, NULL))) != MP_OK || (er = setki(v, "R.Msg", n,
		    "Files", mp_db_int(st, MSG_FILES))) != MP_OK)
			break;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * The partners for the share action: Opt.Partners.N.{Id,Name} for
 * those not yet shared with, R.Shares.N.{Name,Via,At} for the others.
 */
static enum mp_err
partner_list(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[1];
	size_t		 i = 0, j = 0;
	enum mp_err	 er;

	p[0] = MP_DBINT(r->arg[0]);
	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(STMT_PARTNERS), p,
	    1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK && i + j < 500) {
		if (mp_db_isnull(st, PART_VIA)) {
			if ((er = setki(v, "Opt.Partners", i, "Id",
			    mp_db_int(st, PART_ID))) != MP_OK ||
			    (er = setk(v, "Opt.Partners", i++, "Name",
			    mp_db_text(st, PART_NAME, NULL))) != MP_OK)
				break;
		} else if ((er = setk(v, "R.Shares", j, "Name",
		    mp_db_text(st, PART_NAME, NULL))) != MP_OK ||
		    (er = setk(v, "R.Shares", j, "Via", strcmp(mp_db_text(st,
		    PART_VIA, NULL), "regel") == 0 ? "regel op signaaltype" :
		    "met de hand")) != MP_OK ||
		    (er = setk(v, "R.Shares", j++, "At", mp_db_text(st,
		    PART_AT, NULL))) != MP_OK)
			break;
	}
	mp_db_done(st);
	if (er == MP_ENOTFOUND)
		er = mp_tmpl_set(v, "Act.Share", "1");
	return er;
}

/*
 * The language the reporter wrote in (sql/051, lib/i18n.c), in Dutch,
 * so that a handler knows which language to answer in.
 */
static const char *
lang_name(const char *code)
{
	static const struct {
		const char	*code;
		const char	*name;
	} names[] = {
		{ "nl", "Nederlands" }, { "en", "Engels (en)" },
		{ "pl", "Pools (pl)" }, { "tr", "Turks (tr)" },
		{ "ar", "Arabisch (ar)" },
	};
	size_t	 i;

	for (i = 0; code != NULL && i < MP_NELEM(names); i++)
		if (strcmp(names[i].code, code) == 0)
			return names[i].name;
	return code == NULL ? "Nederlands" : code;
}

/* The report's row (STMT_DETAIL) into v. */
static enum mp_err
detail_row(struct mp_dreq *r, struct mp_view *v, struct mp_stmt *st,
    int *anonymous_out, long long *team_out, long long *handler_out)
{
	static const char *const cols[] = {
		[DET_REFERENCE] = "Reference", [DET_STATUS] = "Status",
		[DET_CHANNEL] = "Channel",
		[DET_CLOSED_REASON] = "ClosedReason", [DET_TYPE] = "Type",
		[DET_AUDIENCE] = "Audience",
		[DET_DESCRIPTION] = "Description",
		[DET_OBSERVED_DATE] = "ObservedDate",
		[DET_OBSERVED_TIME] = "ObservedTime", [DET_STREET] = "Street",
		[DET_HOUSE_NUMBER] = "HouseNumber",
		[DET_POSTCODE] = "Postcode", [DET_CITY] = "City",
		[DET_PEOPLE] = "People", [DET_COMPANIES] = "Companies",
		[DET_VEHICLES] = "Vehicles"
	};
	char		 key[96], t[32];
	size_t		 i;
	int		 anonymous;
	long long	 team = 0, handler = 0;

	mp_tmpl_set_int(v, "R.Id", r->arg[0]);
	for (i = 0; i < MP_NELEM(cols); i++)
		if (cols[i] != NULL) {
			(void)snprintf(key, sizeof(key), "R.%s", cols[i]);
			mp_tmpl_set(v, key, mp_db_text(st,
			    (unsigned)i, NULL));
		}
	dash_time(t, (time_t)mp_db_int(st, DET_RECEIVED));
	mp_tmpl_set(v, "R.Received", t);
	dash_age(t, (time_t)mp_db_int(st, DET_RECEIVED), r->now);
	mp_tmpl_set(v, "R.Age", t);
	dash_time(t, (time_t)mp_db_int(st, DET_TAKEN));
	mp_tmpl_set(v, "R.Taken", t);
	dash_time(t, (time_t)mp_db_int(st, DET_CLOSED));
	mp_tmpl_set(v, "R.Closed", t);
	anonymous = mp_db_int(st, DET_ANONYMOUS) != 0;
	mp_tmpl_set_int(v, "R.Anonymous", anonymous);
	mp_tmpl_set_int(v, "R.Version", mp_db_int(st, DET_VERSION));
	team = mp_db_int(st, DET_TEAM_ID);
	handler = mp_db_int(st, DET_HANDLER_ID);
	mp_tmpl_set(v, "R.Team", mp_db_text(st, DET_TEAM, NULL));
	mp_tmpl_set(v, "R.Handler", mp_db_text(st, DET_HANDLER, NULL));
	mp_tmpl_set_int(v, "R.Mine", handler == r->user.id);
	mp_tmpl_set_int(v, "R.HasTeam", team > 0);
	mp_tmpl_set_int(v, "R.Unread", mp_db_int(st, DET_UNREAD));
	mp_tmpl_set_int(v, "R.SubjectsCut", mp_db_int(st, DET_SUBJECTS_CUT));
	mp_tmpl_set(v, "R.Lang", lang_name(mp_db_text(st, DET_LANG, NULL)));
	*anonymous_out = anonymous;
	*team_out = team;
	*handler_out = handler;
	return mp_tmpl_err(v);
}

/* The reporter's name, e-mail and phone into v (R.Contact). */
static enum mp_err
detail_contact(struct mp_dreq *r, struct mp_view *v, struct mp_dbval *p)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(STMT_CONTACT), p,
	    1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK &&
	    (er = mp_tmpl_set(v, "R.Contact.Shown", "1")) == MP_OK &&
	    (er = contact(r, v, st, CONTACT_NAME, "name",
	    "R.Contact.Name")) == MP_OK && (er = contact(r, v, st,
	    CONTACT_EMAIL, "email", "R.Contact.Email")) == MP_OK)
		er = contact(r, v, st, CONTACT_PHONE, "phone",
		    "R.Contact.Phone");
	mp_db_done(st);
	return er;
}

/*
 * The reporter's identity: to an account given the right (a role may
 * hold it, lib/access.c), and to the handler who entered the report
 * from a call or an e-mail and typed the details (sql/054), audited
 * as such, since that is not what the right allows.
 */
static enum mp_err
detail_contact_if(struct mp_dreq *r, struct mp_view *v, struct mp_dbval *p)
{
	long long	 by;
	enum mp_err	 er;

	if (!mp_access_user(&r->user, MP_PERM_REPORTER_ID)) {
		if ((er = mp_report_entered_by(r->d->ctx->db, r->arg[0],
		    &by)) != MP_OK)
			return er;
		if (by == 0 || by != r->user.id)
			return MP_OK;
		dash_audit(r, "identiteit bekijken", "melding", r->arg[0],
		    "zelf ingevoerd");
	}
	er = detail_contact(r, v, p);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* The attachments, the conversation and the history into v. */
static enum mp_err
detail_lists(struct mp_dreq *r, struct mp_view *v, struct mp_dbval *p)
{
	struct mp_stmt	*st;
	char		 t[32];
	size_t		 n;
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(STMT_ATTACHMENTS), p,
	    1)) != MP_OK)
		return er;
	for (n = 0; (er = mp_db_next(st)) == MP_OK; n++)
		if ((er = setki(v, "R.Att", n, "Id", mp_db_int(st,
		    ATTS_ID))) != MP_OK || (er = setk(v, "R.Att", n, "Name",
		    mp_db_text(st, ATTS_NAME, NULL))) != MP_OK ||
		    (er = setk(v, "R.Att", n, "Mime", mp_db_text(st,
		    ATTS_MIME, NULL))) != MP_OK || (er = setki(v, "R.Att", n,
		    "Size", mp_db_int(st, ATTS_SIZE))) != MP_OK)
			break;
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		return er;
	if ((er = thread(r, v)) != MP_OK)
		return er;
	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(STMT_EVENTS), p,
	    1)) != MP_OK)
		return er;
	for (n = 0; (er = mp_db_next(st)) == MP_OK; n++) {
		dash_time(t, (time_t)mp_db_int(st, EV_AT));
		if ((er = setk(v, "R.Ev", n, "At", t)) != MP_OK ||
		    (er = setk(v, "R.Ev", n, "Kind", mp_db_text(st, EV_KIND,
		    NULL))) != MP_OK || (er = setk(v, "R.Ev", n, "Actor",
		    mp_db_text(st, EV_ACTOR, NULL))) != MP_OK ||
		    (er = setk(v, "R.Ev", n, "Detail", mp_db_text(st,
		    EV_DETAIL, NULL))) != MP_OK)
			break;
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		return er;
	return MP_OK;
}

/* What this user may do here: Act.* in v. */
static enum mp_err
detail_actions(struct mp_dreq *r, struct mp_view *v, const char *status_now,
    long long team, long long handler)
{
	const struct mp_transition	*tr;
	char				 reason[404];
	size_t				 i;
	enum mp_err			 er = MP_OK;

	if (mp_role_can(r->user.role, MP_PERM_REPORT_WORK)) {
		er = mp_tmpl_set(v, "Act.Work", "1");
		/* "Vraag de melder" where "wacht op melder" may follow. */
		tr = mp_workflow_allowed(status_now, MP_ST_WAITING);
		if (er == MP_OK && tr != NULL && !tr->via_dossier)
			er = mp_tmpl_set(v, "Act.Ask", "1");
		for (i = 0; er == MP_OK && (tr = mp_workflow_next(status_now,
		    i)) != NULL; i++)
			if ((er = setk(v, "Act.Next", i, "To", tr->to)) ==
			    MP_OK && (er = setk(v, "Act.Next", i, "Label",
			    tr->label)) == MP_OK)
				er = setki(v, "Act.Next", i, "Reason",
				    tr->needs_reason);
		for (i = 0; er == MP_OK && mp_confkey_list_entry(
		    r->d->ctx->conf, MP_CK_DASHBOARD_CLOSE_REASONS, i, reason,
		    sizeof(reason)); i++)
			er = setk(v, "Act.Reasons", i, "Name", reason);
		for (i = 0; er == MP_OK && i < MP_NELEM(efields); i++)
			if (!efields[i].pick && (er = setk(v, "Act.Fields", i,
			    "Name", efields[i].name)) == MP_OK)
				er = setk(v, "Act.Fields", i, "Label",
				    efields[i].label);
		/* Soort and doelgroep are picked from the catalogue. */
		if (er == MP_OK && dash_catalog(r))
			er = dash_catalog_view(v, &r->d->cat);
	}
	if (er == MP_OK && mp_role_can(r->user.role,
	    MP_PERM_REPORT_ASSIGN)) {
		er = mp_tmpl_set(v, "Act.Assign", "1");
		if (er == MP_OK)
			er = pick_list(r, v, STMT_TEAMS, "Teams", team);
		if (er == MP_OK)
			er = pick_list(r, v, STMT_HANDLERS, "Handlers",
			    handler);
	}
	if (er == MP_OK && mp_role_can(r->user.role, MP_PERM_REPORT_SHARE))
		er = partner_list(r, v);
	return er;
}

struct compose;
static enum mp_err report_page(struct mp_dreq *, int, const char *,
		    const char *, int, const struct compose *);

/* As dash_report_page, without a field. */
static enum mp_err
detail(struct mp_dreq *r, int status, const char *msg)
{

	return dash_report_page(r, status, msg, NULL);
}

/*
 * A refused action's page keeps what was typed (issue 16): the form's
 * fields as Keep.*, shown again in the form of that action (escaped as
 * every value).
 */
static enum mp_err
keep_typed(struct mp_dreq *r, struct mp_view *v)
{
	static const struct dash_keep fields[] = {
		{ "actie", "Keep.Actie" }, { "tekst", "Keep.Tekst" },
		{ "naar", "Keep.Naar" }, { "reden", "Keep.Reden" },
		{ "toelichting", "Keep.Toelichting" },
		{ "bericht", "Keep.Bericht" }, { "veld", "Keep.Veld" },
		{ "waarde", "Keep.Waarde" }, { "ander", "Keep.Ander" },
		{ "dossier", "Keep.Dossier" },
	};

	return dash_keep(r, v, fields, MP_NELEM(fields));
}

/* As dash_report_page, after a refused action of this file. */
static enum mp_err
detail_keep(struct mp_dreq *r, int status, const char *msg)
{

	return report_page(r, status, msg, NULL, 1, NULL);
}

/* The other files' refusals (links, dossier, hold) keep it too. */
enum mp_err
dash_report_page(struct mp_dreq *r, int status, const char *msg,
    const char *field)
{

	return report_page(r, status, msg, field, 1, NULL);
}

/*
 * Writing to the reporter with a template (issue 16), without
 * JavaScript: "Gebruik sjabloon" and "Voorbeeld" post the message form
 * and get the report page again, with the template's text in the
 * message field, or with the text as typed and, beside it, as the
 * reporter will read it (escaped as every value, in the reporter's
 * thread's markup).  Neither writes anything; sending is "bericht".
 */
struct compose {
	const struct mp_replytpl *tpl;	/* "Gebruik sjabloon": picked */
	const char	*text;		/* "Voorbeeld": as typed */
	long long	 sel;		/* the template chosen in the list */
};

/* The compose's part of the page into v; *status 400 when refused. */
static enum mp_err
compose_fill(struct mp_dreq *r, struct mp_view *v, const struct compose *c,
    long long type, int *status)
{
	enum mp_err	 er;

	/* A refused one's page: only the choice in the list is kept. */
	if (c->tpl == NULL && c->text == NULL)
		return MP_OK;
	/* Only a template offered for this report's signal type. */
	if (c->tpl != NULL && (!c->tpl->active ||
	    (c->tpl->signal_type != 0 && c->tpl->signal_type != type))) {
		*status = 400;
		if ((er = mp_tmpl_set(v, "Message", "Kies een sjabloon uit de "
		    "lijst.")) == MP_OK &&
		    (er = mp_tmpl_set(v, "FieldErr", "sjabloon")) == MP_OK &&
		    (er = mp_tmpl_set(v, "Keep.Actie", "bericht")) == MP_OK)
			er = mp_tmpl_set(v, "Keep.Tekst", dash_form(r,
			    "tekst"));
		return er;
	}
	if ((er = mp_tmpl_set(v, "Keep.Actie", "bericht")) != MP_OK)
		return er;
	if (c->tpl != NULL) {
		if ((er = mp_tmpl_set(v, "Keep.Tekst", c->tpl->body)) ==
		    MP_OK)
			er = mp_tmpl_set(v, "Compose.Note", "De tekst van het "
			    "sjabloon staat in het berichtvak. Pas hem aan, "
			    "bekijk het voorbeeld en verstuur het bericht.");
		return er;
	}
	if ((er = mp_tmpl_set(v, "Keep.Tekst", c->text)) == MP_OK)
		er = mp_tmpl_set(v, "Compose.Preview", c->text);
	return er;
}

/* long: the page's parts, each a call; splitting would only move them. */
static enum mp_err
report_page(struct mp_dreq *r, int status, const char *msg,
    const char *field, int keep, const struct compose *c)
{
	struct mp_view	*v = NULL;
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[3];
	const char	*status_now;
	int		 anonymous;
	long long	 team = 0, handler = 0, type;
	enum mp_err	 er;

	mp_access_report_params(&r->user, p);
	p[2] = MP_DBINT(r->arg[0]);
	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(STMT_DETAIL), p,
	    3)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		return er;
	}
	if ((v = dash_view(r, mp_db_text(st, DET_REFERENCE, NULL))) ==
	    NULL) {
		er = MP_ENOMEM;
		goto out;
	}
	er = detail_row(r, v, st, &anonymous, &team, &handler);
	type = mp_db_int(st, DET_TYPE_ID);
	status_now = mp_tmpl_get(v, "R.Status");
	mp_db_done(st);
	st = NULL;
	if (er != MP_OK)
		goto out;

	p[0] = MP_DBINT(r->arg[0]);
	/*
	 * The reporter's identity: an account given the right (a role
	 * may hold it, lib/access.c), and only when the reporter gave it.
	 */
	if (!anonymous && (er = detail_contact_if(r, v, p)) != MP_OK)
		goto out;
	if ((er = detail_lists(r, v, p)) != MP_OK)
		goto out;
	/* The follow-up questions as they were asked (issue 17). */
	if ((er = mp_question_answers_view(r->d->ctx->db, r->arg[0], v,
	    "Answers")) != MP_OK)
		goto out;
	er = detail_actions(r, v, status_now, team, handler);
	/* The reply templates for this report's type (replytpl.c). */
	if (er == MP_OK && mp_role_can(r->user.role, MP_PERM_REPORT_WORK))
		er = dash_replytpl_offer(r, v, type, c != NULL ? c->sel : 0);
	if (er == MP_OK && c != NULL)
		er = compose_fill(r, v, c, type, &status);
	if (er == MP_OK)
		er = dash_links_fill(r, v);
	if (er == MP_OK)
		er = dash_dossier_fill_report(r, v);
	if (er == MP_OK)
		er = dash_retention_fill(r, v);
	if (er == MP_OK && msg != NULL)
		er = mp_tmpl_set(v, "Message", msg);
	if (er == MP_OK && msg != NULL && field != NULL)
		er = mp_tmpl_set(v, "FieldErr", field);
	if (er == MP_OK && msg != NULL && keep)
		er = keep_typed(r, v);
	if (er != MP_OK)
		goto out;
	dash_audit(r, "bekijken", "melding", r->arg[0], NULL);
	dash_render(r, status, v, "dashboard/report.cs");
	v = NULL;
out:
	if (st != NULL)
		mp_db_done(st);
	mp_tmpl_free(v);
	if (er != MP_OK && er != MP_ENOTFOUND)
		dash_error(r, mp_err_status(er), NULL);
	return er;
}

/* As dash_report_refused. */
static void
not_yours(struct mp_dreq *r)
{

	dash_report_refused(r);
}

void
dash_report_refused(struct mp_dreq *r)
{

	dash_audit(r, "geweigerd", "melding", r->arg[0], NULL);
	dash_error(r, 404, "Deze melding bestaat niet, of u heeft er geen "
	    "toegang toe.");
}

void
mp_dash_report(struct mp_dreq *r)
{

	if (detail(r, 200, NULL) == MP_ENOTFOUND)
		not_yours(r);
}

/* ------------------------------------------------------------------ */
/* Attachments.                                                        */

void
mp_dash_attachment(struct mp_dreq *r)
{
	struct mp_stmt	*st;
	struct mp_dbval	 p[4];
	const char	*data;
	char		 disp[300];
	size_t		 len;
	enum mp_err	 er;

	mp_access_report_params(&r->user, p);
	p[2] = MP_DBINT(r->arg[0]);
	p[3] = MP_DBINT(r->arg[1]);
	if ((er = mp_db_query(r->d->ctx->db, &st, SQL(STMT_ATTACHMENT), p,
	    4)) != MP_OK) {
		dash_error(r, 503, NULL);
		return;
	}
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		if (er == MP_ENOTFOUND)
			not_yours(r);
		else
			dash_error(r, 500, NULL);
		return;
	}
	data = mp_db_text(st, ATT_DATA, &len);
	/* Which report, not the file's name (the reporter chose it). */
	(void)snprintf(disp, sizeof(disp), "melding %lld", r->arg[0]);
	dash_audit(r, "bijlage downloaden", "bijlage", r->arg[1], disp);
	dash_send_file(r, mp_db_text(st, ATT_NAME, NULL), 200, "bijlage",
	    mp_db_text(st, ATT_MIME, NULL), data, len);
	mp_db_done(st);
}

/* ------------------------------------------------------------------ */
/* Actions.                                                            */

struct act {
	struct mp_dreq	*r;
	enum akind	 kind;
	long long	 version;
	const char	*to, *reason, *text, *value;
	const char	*personal;	/* line for the reporter */
	const char	*note;		/* closing: explanation */
	char		 pickval[24];	/* a picked field's value to store */
	char		 pickname[404];	/* and as the history shows it */
	const struct efield *field;
	long long	 team, handler, partner;
	/* Results. */
	long long	 event;		/* the history event written */
	int		 status;	/* 0 done, else the HTTP status */
	const char	*msg;
};

/*
 * A history event of the report; its id goes to a->event, which the
 * audit entry names instead of the event's words.
 */
static enum mp_err
event(struct act *a, struct mp_db *db, const char *kind, const char *detail)
{

	return mp_event_add(db, a->r->arg[0], kind, a->r->user.username,
	    detail, &a->event);
}

/* The name of a team or handler by id, into out; 0 if none (refused). */
static int
lookup(struct mp_db *db, enum stmt s, long long id, char *out, size_t sz)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	int		 found = 0;

	v[0] = MP_DBINT(id);
	if (mp_db_query(db, &st, SQL(s), v, 1) != MP_OK)
		return -1;
	if (mp_db_next(st) == MP_OK) {
		(void)snprintf(out, sz, "%s", mp_db_text(st, OK_NAME, NULL));
		found = 1;
	}
	mp_db_done(st);
	return found;
}

/*
 * What the steps of one action's transaction share: the statement's
 * values, the event's text, and what the locked row said.
 */
struct act_run {
	struct mp_dbval		 v[3];		/* STMT_LOCK's */
	struct mp_buf		 detail;
	const struct mp_transition *tr;	/* A_STATUS */
	unsigned long long	 n;		/* rows the change hit */
	char			 status[32];	/* the report's, before */
	char			 tname[404];	/* team or partner */
	long long		 team, handler;	/* the report's, before */
};

/*
 * Lock the report if the user may see it, and check the version the
 * form was made from; a->status 404 or 409 when not.
 */
static enum mp_err
act_lock(struct act *a, struct mp_db *db, struct act_run *u)
{
	struct mp_dreq	*r = a->r;
	struct mp_stmt	*st;
	long long	 version;
	enum mp_err	 er;

	mp_access_report_params(&r->user, u->v);
	u->v[2] = MP_DBINT(r->arg[0]);
	if ((er = mp_db_query(db, &st, SQL(STMT_LOCK), u->v, 3)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) != MP_OK) {
		mp_db_done(st);
		if (er == MP_ENOTFOUND) {
			a->status = 404;
			er = MP_OK;
		}
		return er;
	}
	(void)snprintf(u->status, sizeof(u->status), "%s",
	    mp_db_text(st, LOCK_STATUS, NULL));
	version = mp_db_int(st, LOCK_VERSION);
	u->team = mp_db_int(st, LOCK_TEAM);
	u->handler = mp_db_int(st, LOCK_HANDLER);
	if (a->kind == A_EDIT)
		er = mp_buf_printf(&u->detail, "%s gewijzigd; was: %s",
		    a->field->label, mp_db_text(st, a->field->lockcol,
		    NULL));
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	if (actions[a->kind].versioned && version != a->version) {
		a->status = 409;
		a->msg = "Iemand anders heeft deze melding gewijzigd terwijl "
		    "u ernaar keek. Hieronder staat de nieuwe stand; voer uw "
		    "wijziging zo nodig opnieuw uit.";
	}
	return MP_OK;
}

static enum mp_err
act_take(struct act *a, struct mp_db *db, struct act_run *u)
{
	struct mp_dreq	*r = a->r;
	enum mp_err	 er;

	er = mp_workflow_take(db, r->arg[0], a->version, r->user.id,
	    r->user.username, r->user.display, &u->n, &a->event);
	if (er == MP_OK && u->n == 1 && strcmp(u->status, MP_ST_NEW) == 0)
		er = mp_message_on_status(db, r->d->ctx->conf, r->arg[0],
		    MP_ST_TAKEN, r->user.id, r->user.display, NULL);
	return er;
}

static enum mp_err
act_assign(struct act *a, struct mp_db *db, struct act_run *u)
{
	char		 hname[404];
	enum mp_err	 er;

	u->tname[0] = hname[0] = '\0';
	if ((a->team > 0 && mp_user_team_active_name(db, a->team, u->tname,
	    sizeof(u->tname)) != MP_OK) || (a->handler > 0 &&
	    mp_user_handler_name(db, a->handler, hname, sizeof(hname)) !=
	    MP_OK)) {
		a->status = 400;
		a->msg = "Dat team of die behandelaar bestaat niet (meer).";
		return MP_OK;
	}
	if (a->handler > 0 && (er = mp_user_may_handle(db, a->handler,
	    a->team)) != MP_OK) {
		if (er != MP_ENOTFOUND)
			return er;
		a->status = 400;
		a->msg = "Die behandelaar hoort niet bij het gekozen team. "
		    "Kies een behandelaar van dat team of een coördinator.";
		return MP_OK;
	}
	er = mp_report_assign(db, a->r->arg[0], a->version, a->team,
	    a->handler, &u->n);
	if (er == MP_OK)
		er = mp_buf_printf(&u->detail, "team: %s; behandelaar: %s",
		    u->tname[0] != '\0' ? u->tname : "geen",
		    hname[0] != '\0' ? hname : "geen");
	if (er == MP_OK)
		er = event(a, db, "toegewezen", mp_buf_str(&u->detail));
	/*
	 * Issue 16: a team that gets the report hears it arrived in its
	 * queue, a handler that gets it that it is theirs; in this
	 * transaction (a change rolled back, say because its audit
	 * entry that follows fails, tells nobody), not the one who
	 * assigned it.
	 */
	if (er == MP_OK && u->n == 1 && a->team > 0 && a->team != u->team)
		er = mp_outbox_notify_team(db, (uint64_t)a->r->arg[0],
		    a->r->user.id);
	if (er == MP_OK && u->n == 1 && a->handler > 0 &&
	    a->handler != u->handler)
		er = mp_outbox_notify_assigned(db, (uint64_t)a->r->arg[0],
		    a->r->user.id);
	return er;
}

static enum mp_err
act_status(struct act *a, struct mp_db *db, struct act_run *u)
{
	struct mp_dreq			*r = a->r;
	struct mp_status_change		 c;
	enum mp_err			 er;

	memset(&c, 0, sizeof(c));
	c.report_id = r->arg[0];
	c.version = a->version;
	c.from = u->status;
	c.to = a->to;
	c.reason = a->reason;
	c.note = a->note;
	c.user_id = r->user.id;
	c.actor = r->user.username;
	er = mp_workflow_change(db, &c);
	u->tr = c.tr;
	u->n = c.n;
	a->event = c.event;
	if (er == MP_EINVAL) {
		/* Refused by the workflow: nothing was written. */
		a->status = 400;
		a->msg = c.tr == NULL ? "Deze statuswijziging is niet "
		    "mogelijk." : "Geef een reden op om de melding af te "
		    "ronden.";
		return MP_OK;
	}
	/* The reporter hears of it in the same transaction. */
	if (er == MP_OK && u->n == 1)
		er = mp_message_on_status(db, r->d->ctx->conf, r->arg[0],
		    a->to, r->user.id, r->user.display, a->personal);
	return er;
}

static enum mp_err
act_message(struct act *a, struct mp_db *db, struct act_run *u)
{
	struct mp_dreq	*r = a->r;
	enum mp_err	 er;

	u->n = 1;
	er = mp_message_add(db, r->arg[0], MP_MSG_OUT, MP_MSG_HANDLER,
	    r->user.id, r->user.display, a->text, NULL);
	if (er == MP_OK)
		er = event(a, db, "bericht aan melder", a->text);
	/* Who writes to the reporter has read the replies. */
	if (er == MP_OK)
		er = mp_report_mark_read(db, r->arg[0]);
	return er;
}

/*
 * "Vraag de melder": the question and the status "wacht op melder" in
 * one transaction (issue 16), the status through the workflow, the
 * question as the status's message (lib/message.c: the configured
 * text, if any, then the question).  Either failing rolls back both.
 */
static enum mp_err
act_ask(struct act *a, struct mp_db *db, struct act_run *u)
{
	struct mp_dreq			*r = a->r;
	struct mp_status_change		 c;
	enum mp_err			 er;

	memset(&c, 0, sizeof(c));
	c.report_id = r->arg[0];
	c.version = a->version;
	c.from = u->status;
	c.to = MP_ST_WAITING;
	c.user_id = r->user.id;
	c.actor = r->user.username;
	er = mp_workflow_change(db, &c);
	u->tr = c.tr;
	u->n = c.n;
	a->event = c.event;
	if (er == MP_EINVAL) {
		a->status = 400;
		a->msg = "Deze melding kan nu niet op \"wacht op "
		    "melder\". Stuur een gewoon bericht aan de melder.";
		return MP_OK;
	}
	if (er == MP_OK && u->n == 1)
		er = mp_message_on_status(db, r->d->ctx->conf, r->arg[0],
		    MP_ST_WAITING, r->user.id, r->user.display, a->text);
	/* Who asks the reporter has read the replies. */
	if (er == MP_OK && u->n == 1)
		er = mp_report_mark_read(db, r->arg[0]);
	return er;
}

static enum mp_err
act_share(struct act *a, struct mp_db *db, struct act_run *u)
{
	enum mp_err	 er;

	if (lookup(db, STMT_PARTNER_OK, a->partner, u->tname,
	    sizeof(u->tname)) != 1) {
		a->status = 400;
		a->msg = "Die partner bestaat niet (meer).";
		return MP_OK;
	}
	er = mp_share_report(db, a->partner, a->r->arg[0],
	    a->r->user.username);
	if (er == MP_EDUP) {
		a->status = 400;
		a->msg = "Deze melding is al met die partner gedeeld.";
		return MP_OK;
	}
	u->n = 1;
	if (er == MP_OK)
		er = mp_buf_printf(&u->detail, "%s", u->tname);
	if (er == MP_OK)
		er = event(a, db, "gedeeld met partner",
		    mp_buf_str(&u->detail));
	return er;
}

static enum mp_err
act_edit(struct act *a, struct mp_db *db, struct act_run *u)
{
	enum mp_err	 er;

	er = mp_report_set_field(db, a->r->arg[0], a->version, a->field->rf,
	    a->field->pick ? a->pickval : a->value, &u->n);
	if (er == MP_OK)
		er = mp_buf_printf(&u->detail, "; nu: %s", a->field->pick ?
		    a->pickname : a->value);
	if (er == MP_OK)
		er = event(a, db, "gewijzigd", mp_buf_str(&u->detail));
	return er;
}

/*
 * Back to the coordinators' queue (lib/workflow.c): no team, no
 * handler, the reason in the history.
 */
static enum mp_err
act_send_back(struct act *a, struct mp_db *db, struct act_run *u)
{
	enum mp_err	 er;

	er = mp_workflow_send_back(db, a->r->arg[0], a->version, u->status,
	    a->r->user.username, a->reason, &u->n, &a->event);
	if (er == MP_EINVAL) {
		a->status = 400;
		a->msg = strcmp(u->status, MP_ST_CLOSED) == 0 ?
		    "Een afgeronde melding gaat niet terug naar de "
		    "coördinatoren." :
		    "Geef een reden op om de melding terug te sturen.";
		return MP_OK;
	}
	return er;
}

/* The change itself, by kind; a->status when refused. */
static enum mp_err
act_change(struct act *a, struct mp_db *db, struct act_run *u)
{

	switch (a->kind) {
	case A_TAKE:
		return act_take(a, db, u);
	case A_ASSIGN:
		return act_assign(a, db, u);
	case A_STATUS:
		return act_status(a, db, u);
	case A_NOTE:
		u->n = 1;
		return event(a, db, "notitie", a->text);
	case A_MESSAGE:
		return act_message(a, db, u);
	case A_READ:
		u->n = 1;
		return mp_report_mark_read(db, a->r->arg[0]);
	case A_SHARE:
		return act_share(a, db, u);
	case A_EDIT:
		return act_edit(a, db, u);
	case A_SEND_BACK:
		return act_send_back(a, db, u);
	case A_ASK:
		return act_ask(a, db, u);
	default:
		return MP_EINVAL;
	}
}

/*
 * The audit entry says who did what to which report, never the
 * report's words (issue 10): an edit names its field, a status
 * change its statuses, and each names its event in the history,
 * which only those who may see the report can open.  Team,
 * handler and partner are names of the organisation, not content.
 */
static enum mp_err
act_audit(struct act *a, struct mp_db *db, struct act_run *u)
{
	struct mp_dreq	*r = a->r;
	struct mp_buf	 what;
	char		 audit[128];
	enum mp_err	 er = MP_OK;

	mp_buf_init(&what, 2048);
	switch (a->kind) {
	case A_EDIT:
		er = mp_buf_printf(&what, "veld: %s", a->field->name);
		break;
	case A_STATUS:
		er = mp_buf_printf(&what, "%s -> %s%s", u->status, a->to,
		    u->tr != NULL && u->tr->needs_reason ?
		    "; reden in de geschiedenis" : "");
		break;
	case A_SEND_BACK:
		er = mp_buf_addstr(&what, "naar de coördinatoren; reden in de "
		    "geschiedenis");
		break;
	case A_ASSIGN:
	case A_SHARE:
		er = mp_buf_addstr(&what, mp_buf_str(&u->detail));
		break;
	case A_ASK:
		er = mp_buf_printf(&what, "%s -> %s; vraag aan melder",
		    u->status, MP_ST_WAITING);
		break;
	default:
		break;
	}
	if (er == MP_OK && a->event > 0)
		er = mp_buf_printf(&what, "%sgebeurtenis %lld",
		    mp_buf_len(&what) > 0 ? "; " : "", a->event);
	if (er == MP_OK) {
		(void)snprintf(audit, sizeof(audit), "%s",
		    actions[a->kind].name);
		er = mp_audit(db, r->user.id, r->user.username, audit,
		    "melding", r->arg[0], r->client, mp_buf_str(&what));
	}
	mp_buf_free(&what);
	return er;
}

static enum mp_err
act_txn(struct mp_db *db, void *arg)
{
	struct act	*a = arg;
	struct act_run	 u;
	enum mp_err	 er;

	memset(&u, 0, sizeof(u));
	a->status = 0;
	a->msg = NULL;
	a->event = 0;
	mp_buf_init(&u.detail, 64 * 1024);
	if ((er = act_lock(a, db, &u)) != MP_OK || a->status != 0)
		goto out;
	if ((er = act_change(a, db, &u)) != MP_OK || a->status != 0)
		goto out;
	if (u.n != 1) {
		/* The version moved between our read and our write. */
		a->status = 409;
		a->msg = "Iemand anders heeft deze melding tegelijk "
		    "gewijzigd.";
		goto out;
	}
	/*
	 * A change of what partners receive: shared copies get a new
	 * place in their feeds, and partners' rules apply (lib/share.h).
	 */
	if ((a->kind == A_TAKE || a->kind == A_STATUS || a->kind == A_EDIT ||
	    a->kind == A_ASK) && (er = mp_share_touch(db, a->r->arg[0])) !=
	    MP_OK)
		goto out;
	er = act_audit(a, db, &u);
out:
	mp_buf_free(&u.detail);
	/* A refused action must leave nothing behind. */
	if (er == MP_OK && a->status != 0)
		er = MP_EINVAL;
	return er;
}

/* A_STATUS: the new status, a reason, a line for the reporter. */
static int
read_status(struct mp_dreq *r, struct act *a)
{

	a->to = dash_form(r, "naar");
	a->reason = dash_form(r, "reden");
	a->personal = dash_form(r, "bericht");
	if (!mp_workflow_status(a->to) || (a->reason != NULL &&
	    !mp_valid_text(a->reason, strlen(a->reason), REASON_MAX,
	    1))) {
		a->msg = "Kies een status en geef een reden van ten "
		    "hoogste 500 tekens.";
		return 0;
	}
	if (a->personal != NULL && !mp_valid_text(a->personal,
	    strlen(a->personal), MP_MSG_MAX, 1)) {
		a->msg = "Het bericht aan de melder is te lang (ten "
		    "hoogste 4000 tekens) of bevat tekens die niet "
		    "kunnen.";
		return 0;
	}
	if (strcmp(a->to, MP_ST_CLOSED) != 0)
		return 1;
	/*
	 * Closing: a reason of dashboard.close_reasons, so that the
	 * statistics can count outcomes, and words of one's own beside it.
	 */
	if (!mp_confkey_in_list(r->d->ctx->conf, MP_CK_DASHBOARD_CLOSE_REASONS,
	    a->reason)) {
		a->msg = "Kies een reden uit de lijst om de melding af te "
		    "ronden.";
		return 0;
	}
	a->note = dash_form(r, "toelichting");
	if (a->note != NULL && !mp_valid_text(a->note, strlen(a->note),
	    REASON_MAX, 1)) {
		a->msg = "De toelichting is te lang (ten hoogste 500 tekens) "
		    "of bevat tekens die niet kunnen.";
		return 0;
	}
	return 1;
}

/*
 * A picked field's value: a signal type or audience of the catalogue
 * by its slug (stored by id), or a date as the report forms take it
 * (dd-mm-jjjj or jjjj-mm-dd, not in the future, not before 1950).
 */
static int
read_pick(struct mp_dreq *r, struct act *a)
{
	const struct mp_audience	*au;
	const struct mp_signal_type	*t = NULL;
	struct tm			 tm;
	char				 day[MP_NLTIME_DATE_LEN];
	size_t				 i;

	if (a->field->rf == RF_OBSERVED_DATE) {
		mp_nltime_date(r->now, day);
		if (!mp_valid_date_nl(a->value, a->pickval, &tm)) {
			a->msg = "Vul een datum in als dd-mm-jjjj of "
			    "jjjj-mm-dd, bijvoorbeeld 01-03-2026.";
			return 0;
		}
		if (strcmp(a->pickval, day) > 0 ||
		    tm.tm_year + 1900 < 1950) {
			a->msg = "Deze datum ligt in de toekomst of te ver in "
			    "het verleden.";
			return 0;
		}
		(void)snprintf(a->pickname, sizeof(a->pickname), "%s",
		    a->pickval);
		return 1;
	}
	if (!dash_catalog(r)) {
		a->msg = "De lijst van soorten en doelgroepen is nu niet "
		    "beschikbaar. Probeer het later opnieuw.";
		return 0;
	}
	if (a->field->rf == RF_AUDIENCE) {
		if (a->value == NULL || (au = mp_catalog_audience(&r->d->cat,
		    a->value)) == NULL) {
			a->msg = "Kies een doelgroep uit de lijst.";
			return 0;
		}
		(void)snprintf(a->pickval, sizeof(a->pickval), "%lld", au->id);
		(void)snprintf(a->pickname, sizeof(a->pickname), "%s",
		    au->name);
		return 1;
	}
	for (i = 0; a->value != NULL && t == NULL && i < r->d->cat.naud; i++)
		t = mp_catalog_type(&r->d->cat.aud[i], a->value);
	if (t == NULL) {
		a->msg = "Kies een soort uit de lijst.";
		return 0;
	}
	(void)snprintf(a->pickval, sizeof(a->pickval), "%lld", t->id);
	(void)snprintf(a->pickname, sizeof(a->pickname), "%s", t->name);
	return 1;
}

/* A_EDIT: one of efields and its new value, checked as the intake would. */
static int
read_edit(struct mp_dreq *r, struct act *a)
{
	const char	*s;
	size_t		 i;
	char		 pc[8];

	s = dash_form(r, "veld");
	for (i = 0; s != NULL && i < MP_NELEM(efields); i++)
		if (strcmp(s, efields[i].name) == 0)
			a->field = &efields[i];
	a->value = dash_form(r, "waarde");
	if (a->field != NULL && a->field->pick)
		return read_pick(r, a);
	if (a->field == NULL || a->value == NULL ||
	    !mp_valid_text(a->value, strlen(a->value),
	    mp_report_field_max(a->field->rf), a->field->multiline) ||
	    /* What the intake requires cannot be corrected away. */
	    (mp_report_field_required(a->field->rf) &&
	    mp_valid_blank(a->value, strlen(a->value))) ||
	    (a->field->rf == RF_POSTCODE && a->value[0] != '\0' &&
	    !mp_valid_postcode(a->value, pc)) ||
	    (a->field->rf == RF_HOUSE_NUMBER && a->value[0] != '\0' &&
	    !mp_valid_housenumber(a->value))) {
		a->msg = "Deze waarde past niet in dit veld.";
		return 0;
	}
	return 1;
}

/* Read and check the action's fields; 0 and a->msg when wrong. */
static int
read_action(struct mp_dreq *r, struct act *a)
{
	const char	*s;

	s = dash_form(r, "versie");
	a->version = dash_number(s, 1, 4294967295LL);
	if (actions[a->kind].versioned && a->version < 0) {
		a->msg = "Het formulier mist de versie van de melding.";
		return 0;
	}
	switch (a->kind) {
	case A_ASSIGN:
		s = dash_form(r, "team");
		a->team = s == NULL || s[0] == '\0' ? 0 :
		    dash_number(s, 1, 4294967295LL);
		s = dash_form(r, "behandelaar");
		a->handler = s == NULL || s[0] == '\0' ? 0 :
		    dash_number(s, 1, 4294967295LL);
		if (a->team < 0 || a->handler < 0) {
			a->msg = "Kies een team en een behandelaar uit de "
			    "lijst.";
			return 0;
		}
		return 1;
	case A_STATUS:
		return read_status(r, a);
	case A_MESSAGE:
	case A_ASK:
		a->text = dash_form(r, "tekst");
		if (a->text == NULL || mp_valid_blank(a->text,
		    strlen(a->text)) ||
		    !mp_valid_text(a->text, strlen(a->text), MP_MSG_MAX, 1)) {
			a->msg = a->kind == A_ASK ? "Een vraag aan de melder "
			    "heeft tekst, ten hoogste 4000 tekens." :
			    "Een bericht aan de melder heeft tekst, ten "
			    "hoogste 4000 tekens.";
			return 0;
		}
		return 1;
	case A_NOTE:
		a->text = dash_form(r, "tekst");
		if (a->text == NULL || mp_valid_blank(a->text,
		    strlen(a->text)) ||
		    !mp_valid_text(a->text, strlen(a->text), NOTE_MAX, 1)) {
			a->msg = "Een notitie heeft tekst, ten hoogste 4000 "
			    "tekens.";
			return 0;
		}
		return 1;
	case A_SHARE:
		s = dash_form(r, "partner");
		a->partner = dash_number(s, 1, 4294967295LL);
		if (a->partner < 0) {
			a->msg = "Kies een partner uit de lijst.";
			return 0;
		}
		return 1;
	case A_EDIT:
		return read_edit(r, a);
	case A_SEND_BACK:
		a->reason = dash_form(r, "reden");
		if (a->reason == NULL || mp_valid_blank(a->reason,
		    strlen(a->reason)) || !mp_valid_text(a->reason,
		    strlen(a->reason), REASON_MAX, 1)) {
			a->msg = "Geef een reden op om de melding terug te "
			    "sturen, ten hoogste 500 tekens.";
			return 0;
		}
		return 1;
	default:
		return 1;
	}
}

/*
 * "Gebruik sjabloon" (use) and "Voorbeeld": the report page again with
 * the template's text or the preview (struct compose); nothing is
 * written.  The report's visibility is report_page's, as for a GET.
 */
static void
compose(struct mp_dreq *r, int use)
{
	struct mp_replytpl	*t = NULL;
	struct compose		 c, sel;
	const char		*msg = NULL;
	enum mp_err		 er = MP_OK;

	memset(&c, 0, sizeof(c));
	if (!mp_role_can(r->user.role, MP_PERM_REPORT_WORK)) {
		dash_audit(r, "geweigerd", "melding", r->arg[0],
		    use ? "sjabloon" : "voorbeeld");
		dash_error(r, 403, "U mag deze actie niet uitvoeren.");
		return;
	}
	if ((c.sel = dash_number(dash_form(r, "sjabloon"), 1,
	    4294967295LL)) < 0)
		c.sel = 0;
	if (use && c.sel == 0)
		msg = "Kies een sjabloon uit de lijst.";
	else if (use) {
		/* 17 kB of text: off the stack. */
		if ((t = mp_alloc(sizeof(*t))) == NULL)
			er = MP_ENOMEM;
		else if ((er = mp_replytpl_get(r->d->ctx->db, c.sel, t)) ==
		    MP_ENOTFOUND) {
			msg = "Dat sjabloon bestaat niet (meer). Kies een "
			    "ander.";
			er = MP_OK;
		}
		c.tpl = t;
	} else {
		c.text = dash_form(r, "tekst");
		if (c.text == NULL || mp_valid_blank(c.text,
		    strlen(c.text)) || !mp_valid_text(c.text, strlen(c.text),
		    MP_MSG_MAX, 1))
			msg = "Een bericht aan de melder heeft tekst, ten "
			    "hoogste 4000 tekens.";
	}
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		goto out;
	}
	memset(&sel, 0, sizeof(sel));
	sel.sel = c.sel;
	if (msg != NULL)
		er = report_page(r, 400, msg, use ? "sjabloon" : "bericht", 1,
		    &sel);
	else
		er = report_page(r, 200, NULL, NULL, 0, &c);
	if (er == MP_ENOTFOUND)
		not_yours(r);
out:
	free(t);
}

void
mp_dash_action(struct mp_dreq *r)
{
	struct act	 a;
	const char	*s = dash_form(r, "actie");
	char		 back[64];
	size_t		 i;
	enum mp_err	 er;

	memset(&a, 0, sizeof(a));
	a.r = r;
	a.kind = A__MAX;
	if (s != NULL && (strcmp(s, "sjabloon") == 0 ||
	    strcmp(s, "voorbeeld") == 0)) {
		compose(r, s[0] == 's');
		return;
	}
	for (i = 0; s != NULL && i < A__MAX; i++)
		if (strcmp(s, actions[i].name) == 0)
			a.kind = (enum akind)i;
	if (a.kind == A__MAX) {
		dash_error(r, 400, "Onbekende actie.");
		return;
	}
	/* The matrix of lib/access.c decides, per action. */
	if (!mp_role_can(r->user.role, actions[a.kind].perm)) {
		dash_audit(r, "geweigerd", "melding", r->arg[0],
		    actions[a.kind].name);
		dash_error(r, 403, "U mag deze actie niet uitvoeren.");
		return;
	}
	if (!read_action(r, &a)) {
		if (detail_keep(r, 400, a.msg) == MP_ENOTFOUND)
			not_yours(r);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, act_txn, &a);
	/*
	 * After the edit's own transaction, as a report's store indexes
	 * it: a deadlock on a subject row shared with other reports must
	 * not cost the handler the edit.
	 */
	if (er == MP_OK && a.kind == A_EDIT && !a.field->pick)
		dash_links_reindex(r, a.field->label);
	if (er == MP_OK && a.kind == A_SEND_BACK) {
		/* It has left the user's queues: back to the work list. */
		dash_redirect(r, "/");
		return;
	}
	if (er == MP_OK) {
		/* A fixed confirmation per action on the page (done.c). */
		(void)snprintf(back, sizeof(back), "/melding/%lld",
		    r->arg[0]);
		dash_done(r, back, actions[a.kind].name);
		return;
	}
	if (a.status == 404)
		not_yours(r);
	else if (a.status != 0) {
		if (detail_keep(r, a.status, a.msg) == MP_ENOTFOUND)
			not_yours(r);
	} else
		dash_error(r, mp_err_status(er), NULL);
}
