/*
 * admin.c -- the functional administrator's pages (users,
 * teams, signal types, audiences: create, rename, disable; nothing that
 * reports refer to is ever deleted) and the auditor's audit log.  What
 * an account may read or grant is changed through lib/grant.c: nobody
 * changes their own, and what widens it waits for a second person.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define AUDIT_PAGE	100

enum stmt {
	STMT_AUDIT,
	STMT_TYPES,
	STMT_AUDIENCES,
	STMT_OFFERS,
	STMT_TYPE_EXISTS,
	STMT_AUD_EXISTS,
	STMT_TYPE_NEW,
	STMT_TYPE_EDIT,
	STMT_TYPE_ACTIVE,
	STMT_AUD_NEW,
	STMT_AUD_EDIT,
	STMT_AUD_ACTIVE,
	STMT_OFFER_ADD,
	STMT_OFFER_DEL,
	STMT_TEXTS,
	STMT_TEXT_SET,
	STMT_TEXT_DEL,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/*
	 * STMT_AUDIT: a report's entries include the downloads of its
	 * attachments, which are recorded under the attachment's own id.
	 */
	"SELECT UNIX_TIMESTAMP(at), username, action, object_type,"
	" COALESCE(object_id, 0), client_addr, detail FROM audit_log"
	" WHERE (? IS NULL OR username = ?)"
	" AND (? IS NULL OR (object_type = 'melding' AND object_id = ?)"
	" OR (object_type = 'bijlage' AND object_id IN"
	" (SELECT id FROM attachment WHERE report_id = ?)))"
	" AND (? IS NULL OR action = ?)"
	" AND (? IS NULL OR at >= ?)"
	" AND (? IS NULL OR at < ? + INTERVAL 1 DAY)"
	" ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
	/* STMT_TYPES */
	"SELECT id, slug, name, description, active FROM signal_type"
	" ORDER BY sort, name",
	/* STMT_AUDIENCES */
	"SELECT id, slug, name, intro, active FROM audience"
	" ORDER BY sort, name",
	/* STMT_OFFERS */
	"SELECT audience_id, signal_type_id FROM audience_signal_type",
	/* STMT_TYPE_EXISTS */
	"SELECT 1 FROM signal_type WHERE id = ? FOR UPDATE",
	/* STMT_AUD_EXISTS */
	"SELECT 1 FROM audience WHERE id = ? FOR UPDATE",
	/* STMT_TYPE_NEW */
	"INSERT INTO signal_type (slug, name, description) VALUES (?, ?, ?)",
	/* STMT_TYPE_EDIT */
	"UPDATE signal_type SET name = ?, description = ? WHERE id = ?",
	/* STMT_TYPE_ACTIVE */
	"UPDATE signal_type SET active = ? WHERE id = ?",
	/* STMT_AUD_NEW */
	"INSERT INTO audience (slug, name, intro) VALUES (?, ?, ?)",
	/* STMT_AUD_EDIT */
	"UPDATE audience SET name = ?, intro = ? WHERE id = ?",
	/* STMT_AUD_ACTIVE */
	"UPDATE audience SET active = ? WHERE id = ?",
	/* STMT_OFFER_ADD */
	"INSERT IGNORE INTO audience_signal_type (audience_id,"
	" signal_type_id) VALUES (?, ?)",
	/* STMT_OFFER_DEL */
	"DELETE FROM audience_signal_type WHERE audience_id = ?"
	" AND signal_type_id = ?",
	/* STMT_TEXTS: the catalogue's translations (sql/051). */
	"SELECT kind, object_id, lang, name, text FROM catalog_text",
	/* STMT_TEXT_SET */
	"INSERT INTO catalog_text (kind, lang, name, text, object_id)"
	" VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
	" name = VALUES(name), text = VALUES(text)",
	/* STMT_TEXT_DEL */
	"DELETE FROM catalog_text WHERE kind = ? AND lang = ?"
	" AND object_id = ?",
};

/* STMT_TEXTS's columns. */
enum text_col { TX_KIND, TX_ID, TX_LANG, TX_NAME, TX_TEXT };

/* STMT_AUDIT's columns. */
enum audit_col {
	AU_AT, AU_USER, AU_ACTION, AU_TYPE, AU_OBJECT, AU_CLIENT, AU_DETAIL
};

/* The columns of STMT_TYPES and STMT_AUDIENCES (description, intro). */
enum cat_col { CAT_ID, CAT_SLUG, CAT_NAME, CAT_TEXT, CAT_ACTIVE, CAT__MAX };

/* STMT_OFFERS's columns. */
enum offer_col { OFFER_AUDIENCE, OFFER_TYPE };

/* The audit log's filters as given, checked; NULL where not set. */
struct audit_filter {
	const char	*user, *action, *from, *to;
	char		 fromiso[11], toiso[11];	/* from, to as ISO */
	const char	*melding;	/* as typed: an id or a reference */
	long long	 report, page;
	int		 bad;		/* a value was wrong and ignored */
	int		 noref;		/* a reference no report has */
	enum mp_err	 er;		/* the reference's look-up failed */
};

static void
audit_filter_read(struct mp_dreq *r, struct audit_filter *f)
{
	const char	*s;

	memset(f, 0, sizeof(*f));
	f->page = 1;
	f->user = dash_query(r, "gebruiker");
	f->action = dash_query(r, "actie");
	if (f->user != NULL && f->user[0] != '\0' &&
	    !mp_user_valid_name(f->user))
		f->bad = 1, f->user = NULL;
	if (f->action != NULL && !mp_valid_text(f->action,
	    strlen(f->action), 32, 0))
		f->bad = 1, f->action = NULL;
	f->from = dash_query_date(r, "van", f->fromiso, &f->bad);
	f->to = dash_query_date(r, "tot", f->toiso, &f->bad);
	/*
	 * A report by its internal id or by its reference (M-2026-000308),
	 * which is what a handler or a letter quotes.
	 */
	if ((s = dash_query(r, "melding")) != NULL && s[0] != '\0') {
		f->melding = s;
		if (strspn(s, "0123456789") == strlen(s)) {
			if ((f->report = dash_number(s, 1,
			    999999999999LL)) < 0)
				f->bad = 1, f->report = 0, f->melding = NULL;
		} else if ((f->er = mp_report_find_reference(r->d->ctx->db,
		    s, &f->report)) == MP_ENOTFOUND)
			f->noref = 1, f->er = MP_OK;
		else if (f->er == MP_EINVAL)
			f->bad = 1, f->er = MP_OK, f->melding = NULL;
	}
	if ((s = dash_query(r, "pagina")) != NULL &&
	    (f->page = dash_number(s, 1, 100000)) < 0)
		f->bad = 1, f->page = 1;
}

/* The page of entries into v (Audit.Rows, Audit.Next). */
static enum mp_err
audit_rows(struct mp_dreq *r, struct mp_view *v, const struct audit_filter *f)
{
	static const char *const cols[] = {
		[AU_USER] = "User", [AU_ACTION] = "Action",
		[AU_TYPE] = "Type", [AU_CLIENT] = "Client",
		[AU_DETAIL] = "Detail"
	};
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[13];
	char		 key[64], t[32];
	size_t		 n = 0, i, np = 0;
	enum mp_err	 er;

#define OPT(x)	((x) != NULL && (x)[0] != '\0' ? MP_DBTEXT(x) : MP_DBNULL())
	p[np++] = OPT(f->user);
	p[np++] = OPT(f->user);
	p[np++] = f->report > 0 ? MP_DBINT(f->report) : MP_DBNULL();
	p[np++] = f->report > 0 ? MP_DBINT(f->report) : MP_DBNULL();
	p[np++] = f->report > 0 ? MP_DBINT(f->report) : MP_DBNULL();
	p[np++] = OPT(f->action);
	p[np++] = OPT(f->action);
	p[np++] = OPT(f->from);
	p[np++] = OPT(f->from);
	p[np++] = OPT(f->to);
	p[np++] = OPT(f->to);
#undef OPT
	p[np++] = MP_DBINT(AUDIT_PAGE + 1);
	p[np++] = MP_DBINT((f->page - 1) * AUDIT_PAGE);
	er = mp_db_query(r->d->ctx->db, &st, stmts[STMT_AUDIT], p, np);
	while (er == MP_OK && (er = mp_db_next(st)) == MP_OK &&
	    n < AUDIT_PAGE) {
		dash_time(t, (time_t)mp_db_int(st, AU_AT));
		(void)snprintf(key, sizeof(key), "Audit.Rows.%zu.At", n);
		mp_tmpl_set(v, key, t);
		for (i = 0; i < MP_NELEM(cols); i++)
			if (cols[i] != NULL) {
				(void)snprintf(key, sizeof(key),
				    "Audit.Rows.%zu.%s", n, cols[i]);
				mp_tmpl_set(v, key, mp_db_text(st,
				    (unsigned)i, NULL));
			}
		(void)snprintf(key, sizeof(key), "Audit.Rows.%zu.Object", n);
		mp_tmpl_set_int(v, key, mp_db_int(st, AU_OBJECT));
		n++;
		er = mp_tmpl_err(v);
	}
	if (er == MP_OK && n == AUDIT_PAGE)
		er = mp_tmpl_set_int(v, "Audit.Next", f->page + 1);
	if (st != NULL)
		mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

void
mp_dash_audit(struct mp_dreq *r)
{
	struct audit_filter	 f;
	struct mp_view		*v;
	enum mp_err		 er;

	audit_filter_read(r, &f);
	if ((v = dash_view(r, "Auditlog")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	/* A reference of no report: no entries, and the page says so. */
	if ((er = f.er) == MP_OK && !f.noref)
		er = audit_rows(r, v, &f);
	if (f.noref)
		mp_tmpl_set(v, "Audit.NoRef", "1");
	mp_tmpl_set(v, "Audit.F.User", f.user);
	mp_tmpl_set(v, "Audit.F.Action", f.action);
	mp_tmpl_set(v, "Audit.F.From", f.from);
	mp_tmpl_set(v, "Audit.F.To", f.to);
	if (f.melding != NULL)
		mp_tmpl_set(v, "Audit.F.Report", f.melding);
	mp_tmpl_set_int(v, "Audit.Page", f.page);
	if (f.bad)
		mp_tmpl_set(v, "Audit.Bad", "1");
	dash_finish(r, er, f.bad ? 400 : 200, v, "dashboard/audit.cs");
}

/* ------------------------------------------------------------------ */
/* Beheer: users, teams, signal types, audiences.                      */

/*
 * Every change that is not about rights is one row of this table: the
 * form's "actie", the object it changes (its id in the form's "id"
 * unless it creates one), locked first, and the statement; users and
 * teams are changed through lib/user.c.  The form's other fields are
 * read by adm_read.  Rights are rights[] below.
 */
enum akind {
	K_USER_NAME,
	K_TEAM_NEW, K_TEAM_NAME, K_TEAM_ACTIVE,
	K_TYPE_NEW, K_TYPE_EDIT, K_TYPE_ACTIVE,
	K_AUD_NEW, K_AUD_EDIT, K_AUD_ACTIVE, K_AUD_TYPE,
	K_TYPE_LANG, K_AUD_LANG,
	K__MAX
};

/* The object an action changes; O_NEW when it creates one. */
enum aobj {
	O_NEW, O_USER, O_TEAM, O_TYPE, O_AUD
};

static const struct adm_action {
	const char	*name;		/* form "actie" and audit action */
	const char	*objtype;	/* audit object type */
	enum aobj	 of;
	enum stmt	 stmt;		/* STMT__MAX: through lib/user.c */
} adm_actions[K__MAX] = {
	{ "gebruiker-naam", "gebruiker", O_USER, STMT__MAX },
	{ "team-nieuw", "team", O_NEW, STMT__MAX },
	{ "team-naam", "team", O_TEAM, STMT__MAX },
	{ "team-actief", "team", O_TEAM, STMT__MAX },
	{ "soort-nieuw", "signaalsoort", O_NEW, STMT_TYPE_NEW },
	{ "soort-wijzig", "signaalsoort", O_TYPE, STMT_TYPE_EDIT },
	{ "soort-actief", "signaalsoort", O_TYPE, STMT_TYPE_ACTIVE },
	{ "publiek-nieuw", "doelgroep", O_NEW, STMT_AUD_NEW },
	{ "publiek-wijzig", "doelgroep", O_AUD, STMT_AUD_EDIT },
	{ "publiek-actief", "doelgroep", O_AUD, STMT_AUD_ACTIVE },
	{ "publiek-soort", "doelgroep", O_AUD, STMT_OFFER_ADD },
	{ "soort-taal", "signaalsoort", O_TYPE, STMT_TEXT_SET },
	{ "publiek-taal", "doelgroep", O_AUD, STMT_TEXT_SET },
};

#define INTRO_MAX	2000
#define DESC_MAX	500
#define NAME_MAX	100

struct adm {
	struct mp_dreq		*r;
	enum akind		 kind;
	long long		 id;		/* set when created */
	long long		 other;		/* team or signal type */
	int			 on;		/* active, member, offered */
	const char		*slug, *name, *text;
	const char		*lang;		/* a translation's */
	const char		*msg;		/* why refused */
	int			 status;
};

/* A one-line text of 1..max characters. */
static int
adm_text(const char *s, size_t max)
{

	return s != NULL && !mp_valid_blank(s, strlen(s)) &&
	    mp_valid_text(s, strlen(s), max, 0);
}

/*
 * A translation (sql/051): a language that is switched on and is not
 * Dutch, a name (none: the translation is removed, the form shows the
 * Dutch one) and a text of the lengths of the Dutch ones.
 */
static int
adm_read_lang(struct mp_dreq *r, struct adm *a)
{

	a->lang = mp_i18n_find(dash_form(r, "taal"));
	if (a->lang == NULL || strcmp(a->lang, "nl") == 0) {
		a->msg = "Kies een taal die aan staat (i18n.languages), niet "
		    "het Nederlands.";
		return 0;
	}
	if (a->name == NULL)
		a->name = "";
	if (a->text == NULL)
		a->text = "";
	if (a->name[0] != '\0' && !adm_text(a->name, NAME_MAX)) {
		a->msg = "Vul een naam in van ten hoogste 100 tekens, op één "
		    "regel, of laat hem leeg om de vertaling weg te halen.";
		return 0;
	}
	if (!mp_valid_text(a->text, strlen(a->text), a->kind == K_TYPE_LANG ?
	    DESC_MAX : INTRO_MAX, 1)) {
		a->msg = "De tekst is te lang of bevat tekens die niet "
		    "kunnen.";
		return 0;
	}
	return 1;
}

/* Read and check the fields the action needs; 0 and a->msg if wrong. */
static int
adm_read(struct mp_dreq *r, struct adm *a)
{
	const char	*s;
	enum akind	 k = a->kind;

	if (adm_actions[k].of != O_NEW &&
	    (a->id = dash_number(dash_form(r, "id"), 1,
	    4294967295LL)) < 0) {
		a->msg = "Het formulier mist wat u wilt wijzigen.";
		return 0;
	}
	a->name = dash_form(r, "naam");
	a->text = dash_form(r, "tekst");
	a->slug = dash_form(r, "code");
	s = dash_form(r, "aan");
	a->on = s != NULL && strcmp(s, "1") == 0;
	switch (k) {
	case K_USER_NAME:
	case K_TEAM_NEW:
	case K_TEAM_NAME:
		if (!adm_text(a->name, NAME_MAX)) {
			a->msg = "Vul een naam in van ten hoogste 100 tekens, "
			    "op één regel.";
			return 0;
		}
		return 1;
	case K_TYPE_NEW:
	case K_AUD_NEW:
		if (a->slug == NULL || !mp_valid_slug(a->slug)) {
			a->msg = "Een code bestaat uit kleine letters, "
			    "cijfers en -, ten hoogste 32 tekens.";
			return 0;
		}
		/* FALLTHROUGH */
	case K_TYPE_EDIT:
	case K_AUD_EDIT:
		if (!adm_text(a->name, NAME_MAX)) {
			a->msg = "Vul een naam in van ten hoogste 100 tekens, "
			    "op één regel.";
			return 0;
		}
		if (a->text == NULL)
			a->text = "";
		if (!mp_valid_text(a->text, strlen(a->text), k == K_TYPE_NEW ||
		    k == K_TYPE_EDIT ? DESC_MAX : INTRO_MAX, 1)) {
			a->msg = "De tekst is te lang of bevat tekens die "
			    "niet kunnen.";
			return 0;
		}
		return 1;
	case K_AUD_TYPE:
		if ((a->other = dash_number(dash_form(r, "soort"), 1,
		    4294967295LL)) < 0) {
			a->msg = "Kies uit de lijst.";
			return 0;
		}
		return 1;
	case K_TYPE_LANG:
	case K_AUD_LANG:
		return adm_read_lang(r, a);
	default:
		return 1;
	}
}

/* 1 if the row exists (and is locked), 0 if not, -1 on error. */
static int
adm_exists(struct mp_db *db, enum aobj o, long long id)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	struct mp_user	 u;
	struct mp_team	 t;
	enum mp_err	 er;

	if (o == O_USER)
		er = mp_user_lock(db, id, &u);
	else if (o == O_TEAM)
		er = mp_user_team_lock(db, id, &t);
	else {
		v[0] = MP_DBINT(id);
		if (mp_db_query(db, &st, stmts[o == O_TYPE ?
		    STMT_TYPE_EXISTS : STMT_AUD_EXISTS], v, 1) != MP_OK)
			return -1;
		er = mp_db_next(st);
		mp_db_done(st);
	}
	return er == MP_OK ? 1 : er == MP_ENOTFOUND ? 0 : -1;
}

/*
 * MP_OK if the object a acts on (and the signal type of K_AUD_TYPE)
 * exists, now locked; MP_EINVAL with a 404 in a if not.
 */
static enum mp_err
adm_target(struct mp_db *db, struct adm *a)
{
	enum aobj	 of = adm_actions[a->kind].of;
	int		 ok;

	if (of == O_NEW)
		return MP_OK;
	if ((ok = adm_exists(db, of, a->id)) == 1 && a->other > 0)
		ok = adm_exists(db, O_TYPE, a->other);
	if (ok < 0)
		return MP_EDB;
	if (ok == 0) {
		a->status = 404;
		a->msg = "Dat bestaat niet (meer).";
		return MP_EINVAL;
	}
	return MP_OK;
}

/*
 * The values of a's statement but the object's id, into v (*n of
 * them; the statement into *s where the form chooses another one), and
 * the audit entry's detail; MP_EINVAL for an action without them.
 */
static enum mp_err
adm_values(const struct adm *a, struct mp_dbval *v, size_t *n,
    enum stmt *s, char *detail, size_t dsz)
{
	size_t	 k = 0;

	detail[0] = '\0';
	switch (a->kind) {
	case K_TYPE_NEW:
	case K_AUD_NEW:
		v[k++] = MP_DBTEXT(a->slug);
		/* FALLTHROUGH */
	case K_TYPE_EDIT:
	case K_AUD_EDIT:
		v[k++] = MP_DBTEXT(a->name);
		v[k++] = MP_DBTEXT(a->text);
		(void)snprintf(detail, dsz, "%s%s%s",
		    a->slug != NULL ? a->slug : "", a->slug != NULL ? ": " :
		    "", a->name);
		break;
	case K_USER_NAME:
	case K_TEAM_NEW:
	case K_TEAM_NAME:
		(void)snprintf(detail, dsz, "naam: %s", a->name);
		break;
	case K_TEAM_ACTIVE:
	case K_TYPE_ACTIVE:
	case K_AUD_ACTIVE:
		v[k++] = MP_DBINT(a->on);
		(void)snprintf(detail, dsz, "%s",
		    a->on ? "ingeschakeld" : "uitgeschakeld");
		break;
	case K_TYPE_LANG:
	case K_AUD_LANG:
		v[k++] = MP_DBTEXT(a->kind == K_AUD_LANG ? "audience" :
		    "signal_type");
		v[k++] = MP_DBTEXT(a->lang);
		if (a->name[0] == '\0')
			*s = STMT_TEXT_DEL;
		else {
			v[k++] = MP_DBTEXT(a->name);
			v[k++] = MP_DBTEXT(a->text);
		}
		(void)snprintf(detail, dsz, "vertaling %s: %s", a->lang,
		    a->name[0] == '\0' ? "weggehaald" : a->name);
		break;
	case K_AUD_TYPE:
		if (!a->on)
			*s = STMT_OFFER_DEL;
		v[k++] = MP_DBINT(a->id);
		v[k++] = MP_DBINT(a->other);
		(void)snprintf(detail, dsz, "signaalsoort %lld %s",
		    a->other, a->on ? "erbij" : "eraf");
		break;
	default:
		return MP_EINVAL;
	}
	*n = k;
	return MP_OK;
}

/*
 * The change itself: users and teams through lib/user.c, the rest by
 * a's statement; the audit entry's detail into detail.
 */
static enum mp_err
adm_change(struct mp_db *db, struct adm *a, char *detail, size_t dsz)
{
	const struct adm_action		*ac = &adm_actions[a->kind];
	struct mp_dbval			 v[5];
	unsigned long long		 id = 0;
	size_t				 n = 0;
	enum stmt			 s = ac->stmt;
	enum mp_err			 er;

	if ((er = adm_values(a, v, &n, &s, detail, dsz)) != MP_OK)
		return er;
	if (a->kind == K_USER_NAME)
		return mp_user_set_display(db, a->id, a->name);
	if (a->kind == K_TEAM_NEW)
		return mp_user_team_insert(db, a->name, &a->id);
	if (a->kind == K_TEAM_NAME)
		return mp_user_team_rename(db, a->id, a->name);
	if (a->kind == K_TEAM_ACTIVE)
		return mp_user_team_set_active(db, a->id, a->on);
	if (ac->of != O_NEW && a->kind != K_AUD_TYPE)
		v[n++] = MP_DBINT(a->id);
	er = mp_db_exec(db, stmts[s], v, n, NULL, &id);
	if (er == MP_OK && ac->of == O_NEW)
		a->id = (long long)id;
	return er;
}

/* One change of the Beheer page with its audit entry, in mp_db_txn. */
static enum mp_err
adm_txn(struct mp_db *db, void *arg)
{
	struct adm			*a = arg;
	struct mp_dreq			*r = a->r;
	const struct adm_action		*ac = &adm_actions[a->kind];
	char				 detail[256];
	enum mp_err			 er;

	a->status = 0;
	if ((er = adm_target(db, a)) != MP_OK)
		return er;
	if ((er = adm_change(db, a, detail, sizeof(detail))) == MP_EDUP) {
		a->status = 400;
		a->msg = "Die naam of code bestaat al.";
		return MP_EINVAL;
	}
	if (er != MP_OK)
		return er;
	return mp_audit(db, r->user.id, r->user.username, ac->name,
	    ac->objtype, a->id, r->client, detail);
}

/* Put the rows of query s into the view under list.N.col. */
static enum mp_err
adm_list(struct mp_dreq *r, struct mp_view *v, enum stmt s,
    const char *list, const char *const *cols, size_t ncols)
{
	struct mp_stmt	*st;
	char		 key[96];
	size_t		 n = 0, i;
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, stmts[s], NULL, 0)) !=
	    MP_OK)
		return er;
	while (er == MP_OK && (er = mp_db_next(st)) == MP_OK) {
		for (i = 0; er == MP_OK && i < ncols; i++) {
			(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, n,
			    cols[i]);
			er = mp_tmpl_set(v, key, mp_db_text(st, (unsigned)i,
			    NULL));
		}
		n++;
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * Pairs (a, b) of query s (its columns as STMT_OFFERS's) as
 * list.a.b = 1, for "is b in a".
 */
static enum mp_err
adm_pairs(struct mp_dreq *r, struct mp_view *v, enum stmt s,
    const char *list)
{
	struct mp_stmt	*st;
	char		 key[96];
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, stmts[s], NULL, 0)) !=
	    MP_OK)
		return er;
	while (er == MP_OK && (er = mp_db_next(st)) == MP_OK) {
		(void)snprintf(key, sizeof(key), "%s.%lld.%lld", list,
		    mp_db_int(st, OFFER_AUDIENCE), mp_db_int(st,
		    OFFER_TYPE));
		er = mp_tmpl_set(v, key, "1");
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * The translations as Tr.<kind>.<id>.<lang>.Name and .Text: the page
 * offers them per language switched on and lists the missing ones.
 */
static enum mp_err
adm_texts(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_stmt	*st;
	char		 key[128];
	enum mp_err	 er;

	if ((er = mp_db_query(r->d->ctx->db, &st, stmts[STMT_TEXTS], NULL,
	    0)) != MP_OK)
		return er;
	while (er == MP_OK && (er = mp_db_next(st)) == MP_OK) {
		(void)snprintf(key, sizeof(key), "Tr.%s.%lld.%s.Name",
		    mp_db_text(st, TX_KIND, NULL), mp_db_int(st, TX_ID),
		    mp_db_text(st, TX_LANG, NULL));
		if ((er = mp_tmpl_set(v, key, mp_db_text(st, TX_NAME,
		    NULL))) != MP_OK)
			break;
		(void)snprintf(key, sizeof(key), "Tr.%s.%lld.%s.Text",
		    mp_db_text(st, TX_KIND, NULL), mp_db_int(st, TX_ID),
		    mp_db_text(st, TX_LANG, NULL));
		er = mp_tmpl_set(v, key, mp_db_text(st, TX_TEXT, NULL));
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * The users, teams and memberships (lib/user.c reads them) into the
 * view as Users.N.*, Teams.N.* and Member.user.team = 1; the view
 * keeps the first error, and sets nothing after it (tmpl.h).
 */
struct adm_rows {
	struct mp_view	*v;
	size_t		 n;
};

static void
adm_set(struct adm_rows *a, const char *list, const char *col,
    const char *s)
{
	char	 key[96];

	(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, a->n, col);
	mp_tmpl_set(a->v, key, s);
}

static void
adm_set_int(struct adm_rows *a, const char *list, const char *col,
    long long i)
{
	char	 key[96];

	(void)snprintf(key, sizeof(key), "%s.%zu.%s", list, a->n, col);
	mp_tmpl_set_int(a->v, key, i);
}

static void
adm_user_row(const struct mp_user *u, const char *teams, void *arg)
{
	struct adm_rows	*a = arg;

	(void)teams;
	adm_set_int(a, "Users", "Id", u->id);
	adm_set(a, "Users", "Name", u->username);
	adm_set(a, "Users", "Display", u->display);
	adm_set(a, "Users", "Role", mp_role_name(u->role));
	adm_set_int(a, "Users", "Disabled", u->disabled);
	adm_set_int(a, "Users", "Identity", u->identity);
	adm_set_int(a, "Users", "HasPassword", u->has_password);
	adm_set_int(a, "Users", "Totp", u->totp_enabled);
	a->n++;
}

static void
adm_team_row(const struct mp_team *t, void *arg)
{
	struct adm_rows	*a = arg;

	adm_set_int(a, "Teams", "Id", t->id);
	adm_set(a, "Teams", "Name", t->name);
	adm_set_int(a, "Teams", "Active", t->active);
	a->n++;
}

static void
adm_member(long long user, long long team, void *arg)
{
	struct adm_rows	*a = arg;
	char		 key[96];

	(void)snprintf(key, sizeof(key), "Member.%lld.%lld", user, team);
	mp_tmpl_set(a->v, key, "1");
}

/* The three lists, each numbered from 0; the first error. */
static enum mp_err
adm_people(struct mp_dreq *r, struct mp_view *v)
{
	struct mp_db	*db = r->d->ctx->db;
	struct adm_rows	 a = { v, 0 };
	enum mp_err	 er;

	if ((er = mp_user_list(db, adm_user_row, &a)) != MP_OK ||
	    (er = mp_tmpl_err(v)) != MP_OK)
		return er;
	a.n = 0;
	if ((er = mp_user_team_list(db, adm_team_row, &a)) != MP_OK ||
	    (er = mp_tmpl_err(v)) != MP_OK)
		return er;
	er = mp_user_team_members(db, adm_member, &a);
	return er != MP_OK ? er : mp_tmpl_err(v);
}

/*
 * What the page says besides its lists: a refusal (error, about the
 * account error_for when not 0), a note that went well, and a one-time
 * password that is shown this once (pw, for the account pw_user).
 */
struct adm_msg {
	const char	*error;
	long long	 error_for;
	const char	*note;
	const char	*pw_user;
	const char	*pw;
};

/* The admin forms' typed fields, kept after a refusal. */
static const struct dash_keep adm_keep[] = {
	{ "actie", "Keep.Actie" }, { "id", "Keep.Id" },
	{ "code", "Keep.Code" }, { "naam", "Keep.Naam" },
	{ "rol", "Keep.Rol" }, { "tekst", "Keep.Tekst" },
};

static void
adm_page(struct mp_dreq *r, int status, const struct adm_msg *m)
{
	static const char *const scols[CAT__MAX] = {
		[CAT_ID] = "Id", [CAT_SLUG] = "Slug", [CAT_NAME] = "Name",
		[CAT_TEXT] = "Text", [CAT_ACTIVE] = "Active"
	};
	struct mp_view	*v;
	char		 key[64];
	size_t		 i;
	enum mp_err	 er = MP_OK;

	if ((v = dash_view(r, "Beheer")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	if (m != NULL && m->error != NULL) {
		mp_tmpl_set(v, "Admin.Message", m->error);
		/* What was typed, back in its form (done.c). */
		(void)dash_keep(r, v, adm_keep, MP_NELEM(adm_keep));
	}
	if (m != NULL && m->error_for > 0)
		mp_tmpl_set_int(v, "Admin.ErrorFor", m->error_for);
	if (m != NULL && m->note != NULL)
		mp_tmpl_set(v, "Admin.Note", m->note);
	if (m != NULL && m->pw != NULL && m->pw[0] != '\0') {
		mp_tmpl_set(v, "Admin.Password", m->pw);
		mp_tmpl_set(v, "Admin.PasswordUser", m->pw_user);
	}
	mp_tmpl_set_int(v, "Admin.Self", r->user.id);
	/* The lists read the database: stop at the first failure. */
	if ((er = mp_tmpl_err(v)) == MP_OK)
		er = adm_people(r, v);
	if (er == MP_OK)
		er = adm_list(r, v, STMT_TYPES, "Types", scols, CAT__MAX);
	if (er == MP_OK)
		er = adm_list(r, v, STMT_AUDIENCES, "Audiences", scols,
		    CAT__MAX);
	if (er == MP_OK)
		er = adm_pairs(r, v, STMT_OFFERS, "Offer");
	if (er == MP_OK)
		er = adm_texts(r, v);
	if (er == MP_OK)
		er = dash_grant_list(r, v, "beheer");
	for (i = 0; i < MP_ROLE__MAX; i++) {
		(void)snprintf(key, sizeof(key), "Roles.%zu.Name", i);
		mp_tmpl_set(v, key, mp_role_name(i));
		(void)snprintf(key, sizeof(key), "Roles.%zu.Label", i);
		mp_tmpl_set(v, key, mp_role_label(i));
	}
	dash_finish(r, er, status, v, "dashboard/admin.cs");
}

void
mp_dash_admin(struct mp_dreq *r)
{
	struct adm_msg	 m;
	char		 note[256];

	memset(&m, 0, sizeof(m));
	/* After a request was stored or decided (redirected here). */
	if (dash_grant_note(r, note, sizeof(note)))
		m.note = note;
	adm_page(r, 200, &m);
}

/* ------------------------------------------------------------------ */
/* Rights: through lib/grant.c.                                        */

static const struct {
	const char		*name;	/* form "actie" */
	enum mp_grant_kind	 kind;
} rights[] = {
	{ "gebruiker-rol", MP_GRANT_ROLE },
	{ "gebruiker-team", MP_GRANT_TEAM },
	{ "gebruiker-identiteit", MP_GRANT_IDENTITY },
	{ "gebruiker-actief", MP_GRANT_ACTIVE },
	{ "gebruiker-wachtwoord", MP_GRANT_PASSWORD },
	{ "gebruiker-tweede-factor", MP_GRANT_TOTP },
};

/* The HTTP status of a refusal. */
static int
refusal_status(enum mp_grant_outcome o)
{

	switch (o) {
	case MP_GRANT_GONE:
		return 404;
	case MP_GRANT_CANNOT:
		return 400;
	case MP_GRANT_WAITING:
		return 409;
	default:
		return 403;
	}
}

static void
adm_error(struct mp_dreq *r, int status, const char *msg, long long about)
{
	struct adm_msg	 m;

	memset(&m, 0, sizeof(m));
	m.error = msg;
	m.error_for = about;
	adm_page(r, status, &m);
}

static void
adm_user_new(struct mp_dreq *r, struct mp_grant_actor *a)
{
	enum mp_grant_outcome	 o;
	const char		*name, *display, *rs;
	enum mp_role		 role;
	long long		 user, req;
	char			 back[64];
	enum mp_err		 er;

	name = dash_form(r, "code");
	display = dash_form(r, "naam");
	rs = dash_form(r, "rol");
	if (name == NULL || !mp_user_valid_name(name)) {
		adm_error(r, 400, "Een gebruikersnaam bestaat uit letters, "
		    "cijfers en . _ @ -, ten hoogste 64 tekens.", 0);
		return;
	}
	if (rs == NULL || !mp_role_parse(rs, &role)) {
		adm_error(r, 400, "Kies een rol uit de lijst.", 0);
		return;
	}
	if (!adm_text(display, NAME_MAX)) {
		adm_error(r, 400, "Vul een naam in van ten hoogste 100 "
		    "tekens, op één regel.", 0);
		return;
	}
	er = mp_grant_user_new(r->d->ctx->db, a, name, display, role, &o,
	    &user, &req);
	if (er == MP_EDUP)
		adm_error(r, 400, "Die naam of code bestaat al.", 0);
	else if (er == MP_EINVAL)
		adm_error(r, 400, "De naam of de rol klopt niet.", 0);
	else if (er != MP_OK)
		dash_error(r, mp_err_status(er), NULL);
	else if (o == MP_GRANT_PENDING) {
		(void)snprintf(back, sizeof(back), "/beheer?verzoek=%lld",
		    req);
		dash_redirect(r, back);
	} else if (o == MP_GRANT_DONE)
		dash_done(r, "/beheer", "gebruiker-nieuw");
	else
		adm_error(r, refusal_status(o), mp_grant_outcome_text(o), 0);
}

/*
 * A change of an account's rights: at once when it only takes away,
 * as a request when it widens, refused for one's own account.
 */
static void
adm_rights(struct mp_dreq *r, enum mp_grant_kind kind)
{
	struct mp_grant_actor	 a;
	struct mp_grant_change	 c;
	struct adm_msg		 m;
	struct mp_user		 u;
	enum mp_grant_outcome	 o;
	const char		*s;
	char			 pw[MP_GRANT_PW_LEN], back[64];
	long long		 req;
	enum mp_err		 er;

	memset(&c, 0, sizeof(c));
	c.kind = kind;
	if ((c.target = dash_number(dash_form(r, "id"), 1, 4294967295LL)) <
	    0) {
		adm_error(r, 400, "Het formulier mist wat u wilt wijzigen.",
		    0);
		return;
	}
	s = dash_form(r, "aan");
	c.on = s != NULL && strcmp(s, "1") == 0;
	if (kind == MP_GRANT_ROLE && !mp_role_parse(dash_form(r, "rol"),
	    &c.role)) {
		adm_error(r, 400, "Kies een rol uit de lijst.", c.target);
		return;
	}
	if (kind == MP_GRANT_TEAM && (c.team = dash_number(dash_form(r,
	    "team"), 1, 4294967295LL)) < 0) {
		adm_error(r, 400, "Kies uit de lijst.", c.target);
		return;
	}
	if ((kind == MP_GRANT_PASSWORD || kind == MP_GRANT_TOTP) &&
	    r->d->mode != MP_AUTH_LOCAL) {
		adm_error(r, 400, "Wachtwoorden en de tweede factor horen "
		    "bij aanmelden met wachtwoord (auth.mode = local). Met "
		    "het intranetportaal regelt het portaal dat.", c.target);
		return;
	}
	a.id = r->user.id;
	a.username = r->user.username;
	a.client = r->client;
	er = mp_grant_change(r->d->ctx->db, &a, &c, &o, &req, pw);
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	switch (o) {
	case MP_GRANT_PENDING:
		(void)snprintf(back, sizeof(back), "/beheer?verzoek=%lld",
		    req);
		dash_redirect(r, back);
		break;
	case MP_GRANT_DONE:
		if (pw[0] == '\0') {
			dash_done(r, "/beheer", "rechten");
			break;
		}
		/* Shown once, to the one who did it; never in a URL. */
		memset(&m, 0, sizeof(m));
		if (mp_user_get_id(r->d->ctx->db, c.target, &u) != MP_OK)
			u.username[0] = '\0';
		m.note = "Het wachtwoord is hersteld.";
		m.pw_user = u.username;
		m.pw = pw;
		adm_page(r, 200, &m);
		break;
	case MP_GRANT_SELF:
		dash_audit(r, "geweigerd", "gebruiker", c.target,
		    "eigen account");
		/* FALLTHROUGH */
	default:
		adm_error(r, refusal_status(o), mp_grant_outcome_text(o),
		    c.target);
		break;
	}
	mp_alloc_wipe(pw, sizeof(pw));
}

void
mp_dash_admin_post(struct mp_dreq *r)
{
	struct mp_grant_actor	 ga;
	struct adm	 a;
	const char	*s = dash_form(r, "actie");
	size_t		 i;
	enum mp_err	 er;

	for (i = 0; s != NULL && i < MP_NELEM(rights); i++)
		if (strcmp(s, rights[i].name) == 0) {
			adm_rights(r, rights[i].kind);
			return;
		}
	if (s != NULL && strcmp(s, "gebruiker-nieuw") == 0) {
		ga.id = r->user.id;
		ga.username = r->user.username;
		ga.client = r->client;
		adm_user_new(r, &ga);
		return;
	}
	memset(&a, 0, sizeof(a));
	a.r = r;
	a.kind = K__MAX;
	for (i = 0; s != NULL && i < K__MAX; i++)
		if (strcmp(s, adm_actions[i].name) == 0)
			a.kind = (enum akind)i;
	if (a.kind == K__MAX) {
		adm_error(r, 400, "Onbekende beheeractie.", 0);
		return;
	}
	if (!adm_read(r, &a)) {
		adm_error(r, 400, a.msg, 0);
		return;
	}
	er = mp_db_txn(r->d->ctx->db, adm_txn, &a);
	if (er == MP_OK)
		dash_done(r, "/beheer", adm_actions[a.kind].name);
	else if (a.status != 0)
		adm_error(r, a.status, a.msg, 0);
	else
		dash_error(r, mp_err_status(er), NULL);
}
