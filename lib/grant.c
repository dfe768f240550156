/*
 * grant.c -- the rule of two for account rights (see grant.h).
 *
 * Lock order, in every transaction here: the account's app_user row
 * (FOR UPDATE), then the request's row.  A change and a decision about
 * the same account therefore queue one behind the other instead of
 * deadlocking, and a decision sees the account as it is when it
 * applies the change.  On Galera, where row locks are not cluster-wide,
 * the decision's "UPDATE ... WHERE status = 'open'" makes two nodes
 * deciding one request collide at certification; mp_db_txn retries the
 * loser, which then finds the request decided.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "access.h"
#include "alloc.h"
#include "audit.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "grant.h"
#include "outbox.h"
#include "session.h"
#include "user.h"

enum stmt {
	STMT_INSERT,
	STMT_PEEK,
	STMT_LOCK,
	STMT_DECIDE,
	STMT_LIST_OPEN,
	STMT_GET,
	STMT__MAX
};

/* The columns info_row() reads, with the tables they come from. */
#define INFO_SQL \
	"SELECT g.id, g.kind, COALESCE(g.role, ''), COALESCE(t.name, '')," \
	" UNIX_TIMESTAMP(g.requested_at), g.requested_by, rq.username," \
	" rq.display_name, g.target_id, tg.username, tg.display_name," \
	" tg.role, tg.disabled, tg.reporter_identity," \
	" COALESCE((SELECT GROUP_CONCAT(t2.name ORDER BY t2.name" \
	" SEPARATOR ', ') FROM user_team ut JOIN team t2" \
	" ON t2.id = ut.team_id WHERE ut.user_id = g.target_id), '')," \
	" g.status" \
	" FROM grant_request g JOIN app_user rq ON rq.id = g.requested_by" \
	" JOIN app_user tg ON tg.id = g.target_id" \
	" LEFT JOIN team t ON t.id = g.team_id"

/* INFO_SQL's columns, in its SELECT order. */
enum {
	INFO_ID,
	INFO_KIND,
	INFO_ROLE,		/* '' when none */
	INFO_TEAM,		/* the team's name, '' when none */
	INFO_AT,
	INFO_REQUESTER,
	INFO_REQUESTER_NAME,
	INFO_REQUESTER_DISPLAY,
	INFO_TARGET,
	INFO_TARGET_NAME,
	INFO_TARGET_DISPLAY,
	INFO_TARGET_ROLE,
	INFO_TARGET_DISABLED,
	INFO_TARGET_IDENTITY,
	INFO_TARGET_TEAMS,
	INFO_STATUS
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSERT */
	"INSERT INTO grant_request (kind, target_id, role, team_id,"
	" was_role, was_disabled, was_identity, requested_by, requested_at)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	/* STMT_PEEK: whose request, to lock that account first. */
	"SELECT target_id, kind FROM grant_request WHERE id = ?",
	/* STMT_LOCK */
	"SELECT kind, target_id, COALESCE(role, ''), COALESCE(team_id, 0),"
	" was_role, was_disabled, was_identity, requested_by, status"
	" FROM grant_request WHERE id = ? FOR UPDATE",
	/* STMT_DECIDE: once, and only from open. */
	"UPDATE grant_request SET status = ?, decided_by = ?,"
	" decided_at = UTC_TIMESTAMP() WHERE id = ? AND status = 'open'",
	/* STMT_LIST_OPEN */
	INFO_SQL " WHERE g.status = 'open' ORDER BY g.id LIMIT 200",
	/* STMT_GET */
	INFO_SQL " WHERE g.id = ?",
};

/* STMT_PEEK's columns. */
enum {
	PEEK_TARGET,
	PEEK_KIND
};

/* STMT_LOCK's columns. */
enum {
	LOCK_KIND,
	LOCK_TARGET,
	LOCK_ROLE,
	LOCK_TEAM,
	LOCK_WAS_ROLE,
	LOCK_WAS_DISABLED,
	LOCK_WAS_IDENTITY,
	LOCK_REQUESTER,
	LOCK_STATUS
};

static const struct {
	const char	*kind;		/* grant_request.kind */
	const char	*action;	/* audit action when done at once */
} kinds[MP_GRANT__MAX] = {
	{ "rol", "gebruiker-rol" },
	{ "team", "gebruiker-team" },
	{ "identiteit", "gebruiker-identiteit" },
	{ "actief", "gebruiker-actief" },
	{ "wachtwoord", "gebruiker-wachtwoord" },
	{ "tweede-factor", "gebruiker-tweede-factor" },
};

static const char *const outcomes[MP_GRANT_OUTCOME__MAX] = {
	[MP_GRANT_DONE] = "",
	[MP_GRANT_PENDING] = "Deze wijziging gaat pas in als een tweede "
	    "persoon haar bevestigt: een andere beheerder of een "
	    "coördinator.",
	[MP_GRANT_SELF] = "U kunt uw eigen rol, teams en rechten niet "
	    "wijzigen. Vraag een andere beheerder.",
	[MP_GRANT_GONE] = "Dat bestaat niet (meer).",
	[MP_GRANT_CANNOT] = "Met deze rol kan een account het recht op de "
	    "identiteit van de melder niet krijgen. Alleen behandelaars en "
	    "coördinatoren kunnen dat.",
	[MP_GRANT_WAITING] = "Voor deze wijziging wacht al een verzoek op "
	    "bevestiging.",
	[MP_GRANT_DECIDED] = "Over dit verzoek is al beslist; er is niets "
	    "gewijzigd.",
	[MP_GRANT_STALE] = "Het account is gewijzigd sinds het verzoek "
	    "werd gedaan. Het verzoek is vervallen en niet uitgevoerd; dien "
	    "zo nodig een nieuw verzoek in.",
	[MP_GRANT_OWN_REQUEST] = "U heeft dit verzoek zelf gedaan. Een "
	    "tweede persoon moet het bevestigen of afwijzen; u kunt het "
	    "wel intrekken.",
	[MP_GRANT_CONCERNS_YOU] = "Dit verzoek gaat over uw eigen account. "
	    "Een ander moet het bevestigen.",
	[MP_GRANT_NOT_YOURS] = "Alleen wie het verzoek deed, kan het "
	    "intrekken.",
	[MP_GRANT_NOT_ALLOWED] = "U mag dit niet (meer) doen.",
};

const char *
mp_grant_outcome_text(enum mp_grant_outcome o)
{

	return (unsigned)o < MP_GRANT_OUTCOME__MAX ? outcomes[o] : "";
}

static int
kind_parse(const char *s, enum mp_grant_kind *k)
{
	size_t	 i;

	for (i = 0; s != NULL && i < MP_GRANT__MAX; i++)
		if (strcmp(s, kinds[i].kind) == 0) {
			*k = (enum mp_grant_kind)i;
			return 1;
		}
	return 0;
}

/* The change in a few Dutch words, into out (MP_GRANT_WHAT_MAX). */
static void
describe(char *out, enum mp_grant_kind k, enum mp_role role,
    const char *team, int on)
{

	switch (k) {
	case MP_GRANT_ROLE:
		(void)snprintf(out, MP_GRANT_WHAT_MAX, "rol %s",
		    mp_role_label(role));
		break;
	case MP_GRANT_TEAM:
		(void)snprintf(out, MP_GRANT_WHAT_MAX, "team %s %s", team,
		    on ? "erbij" : "eraf");
		break;
	case MP_GRANT_IDENTITY:
		(void)snprintf(out, MP_GRANT_WHAT_MAX, "recht identiteit "
		    "melder %s", on ? "erbij" : "eraf");
		break;
	case MP_GRANT_ACTIVE:
		(void)snprintf(out, MP_GRANT_WHAT_MAX, "account %s",
		    on ? "inschakelen" : "uitschakelen");
		break;
	case MP_GRANT_PASSWORD:
		(void)snprintf(out, MP_GRANT_WHAT_MAX,
		    "wachtwoord herstellen");
		break;
	case MP_GRANT_TOTP:
		(void)snprintf(out, MP_GRANT_WHAT_MAX,
		    "tweede factor herstellen");
		break;
	default:
		out[0] = '\0';
		break;
	}
}

int
mp_grant_widens(const struct mp_grant_change *c, enum mp_role role)
{

	switch (c->kind) {
	case MP_GRANT_ROLE:
		return mp_access_role_widens(role, c->role);
	case MP_GRANT_TEAM:
	case MP_GRANT_IDENTITY:
		return c->on != 0;
	case MP_GRANT_ACTIVE:
		return c->on && mp_access_role_guarded(role);
	case MP_GRANT_PASSWORD:
	case MP_GRANT_TOTP:
		/* Whoever knows the new password gets in as the account. */
		return mp_access_role_guarded(role);
	default:
		return 1;
	}
}

/*
 * A one-time password (80 random bits, grouped for reading out) and
 * its hash, made before the transaction: the hash is slow on purpose,
 * and a retried transaction must store the same one.
 */
static enum mp_err
new_password(char pw[MP_GRANT_PW_LEN], char hash[MP_PWHASH_LEN])
{
	unsigned char	 rnd[10];
	char		 b32[17];
	size_t		 i, o = 0;
	enum mp_err	 er;

	if ((er = mp_crypto_random(rnd, sizeof(rnd))) != MP_OK)
		return er;
	mp_crypto_b32(b32, rnd, sizeof(rnd));
	for (i = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			pw[o++] = '-';
		pw[o++] = b32[i];
	}
	pw[o] = '\0';
	er = mp_crypto_password_hash(hash, pw);
	mp_alloc_wipe(rnd, sizeof(rnd));
	mp_alloc_wipe(b32, sizeof(b32));
	return er;
}

/* 1 if the actor (re-read in this transaction) still has perm. */
static int
actor_may(struct mp_db *db, const struct mp_grant_actor *a,
    enum mp_perm perm, enum mp_err *er)
{
	struct mp_user	 me;

	if ((*er = mp_user_get_id(db, a->id, &me)) != MP_OK) {
		if (*er == MP_ENOTFOUND)
			*er = MP_OK;
		return 0;
	}
	return mp_access_user(&me, perm);
}

/* Make the change on the locked account. */
static enum mp_err
apply(struct mp_db *db, const struct mp_grant_change *c, const char *hash)
{
	enum mp_err	 er;

	switch (c->kind) {
	case MP_GRANT_ROLE:
		return mp_user_set_role(db, c->target, c->role);
	case MP_GRANT_TEAM:
		return c->on ? mp_user_team_add_member(db, c->team,
		    c->target) :
		    mp_user_team_remove_member(db, c->team, c->target);
	case MP_GRANT_IDENTITY:
		return mp_user_set_identity(db, c->target, c->on);
	case MP_GRANT_ACTIVE:
		if ((er = mp_user_set_disabled(db, c->target, !c->on)) !=
		    MP_OK || c->on)
			return er;
		break;
	case MP_GRANT_PASSWORD:
		if (hash == NULL)
			return MP_EINVAL;
		if ((er = mp_user_set_temporary_password(db, c->target,
		    hash)) != MP_OK)
			return er;
		break;
	case MP_GRANT_TOTP:
		if ((er = mp_user_reset_totp(db, c->target)) != MP_OK)
			return er;
		break;
	default:
		return MP_EINVAL;
	}
	/* Whoever was signed in with the old key is out. */
	return mp_session_end_owner(db, MP_SESS_STAFF, c->target);
}

/* 1 if the change would change nothing on account u. */
static int
no_change(struct mp_db *db, const struct mp_grant_change *c,
    const struct mp_user *u, enum mp_err *er)
{
	int	 member;

	*er = MP_OK;
	switch (c->kind) {
	case MP_GRANT_ROLE:
		return u->role == c->role;
	case MP_GRANT_TEAM:
		if ((member = mp_user_team_is_member(db, c->team,
		    c->target)) < 0) {
			*er = MP_EDB;
			return 0;
		}
		return member == (c->on != 0);
	case MP_GRANT_IDENTITY:
		return u->identity == (c->on != 0);
	case MP_GRANT_ACTIVE:
		return !u->disabled == (c->on != 0);
	default:
		return 0;
	}
}

static enum mp_err
audit(struct mp_db *db, const struct mp_grant_actor *a, const char *action,
    const char *objtype, long long id, const struct mp_user *u,
    const char *what)
{
	char	 detail[MP_USERNAME_MAX + MP_GRANT_WHAT_MAX + 48];

	(void)snprintf(detail, sizeof(detail), "gebruiker %s (%lld): %s",
	    u->username, u->id, what);
	return mp_audit(db, a->id, a->username, action, objtype, id,
	    a->client, detail);
}

/* Store a request for change c of the locked account u. */
static enum mp_err
request(struct mp_db *db, const struct mp_grant_actor *a,
    const struct mp_grant_change *c, const struct mp_user *u,
    const char *what, enum mp_grant_outcome *outcome, long long *id)
{
	struct mp_dbval		 v[8];
	unsigned long long	 rid = 0;
	enum mp_err		 er;

	v[0] = MP_DBTEXT(kinds[c->kind].kind);
	v[1] = MP_DBINT(c->target);
	v[2] = c->kind == MP_GRANT_ROLE ? MP_DBTEXT(mp_role_name(c->role)) :
	    MP_DBNULL();
	v[3] = c->kind == MP_GRANT_TEAM ? MP_DBINT(c->team) : MP_DBNULL();
	v[4] = MP_DBTEXT(mp_role_name(u->role));
	v[5] = MP_DBINT(u->disabled);
	v[6] = MP_DBINT(u->identity);
	v[7] = MP_DBINT(a->id);
	er = mp_db_exec(db, stmts[STMT_INSERT], v, 8, NULL, &rid);
	if (er == MP_EDUP) {
		*outcome = MP_GRANT_WAITING;
		return MP_OK;
	}
	if (er != MP_OK)
		return er;
	*id = (long long)rid;
	if ((er = mp_outbox_notify_grant(db, *id)) != MP_OK)
		return er;
	*outcome = MP_GRANT_PENDING;
	return audit(db, a, "verzoek ingediend", "verzoek", *id, u, what);
}

struct change_ctx {
	const struct mp_grant_actor	*a;
	const struct mp_grant_change	*c;
	const char			*hash;
	enum mp_grant_outcome		 outcome;
	long long			 request;
	int				 reset;	/* password applied */
};

static enum mp_err
change_txn(struct mp_db *db, void *arg)
{
	struct change_ctx		*x = arg;
	const struct mp_grant_change	*c = x->c;
	struct mp_user			 u;
	struct mp_team			 t;
	char				 what[MP_GRANT_WHAT_MAX];
	enum mp_err			 er;

	x->outcome = MP_GRANT_DONE;
	x->request = 0;
	x->reset = 0;
	if (c->target == x->a->id) {
		x->outcome = MP_GRANT_SELF;
		return MP_OK;
	}
	if (!actor_may(db, x->a, MP_PERM_ADMIN, &er)) {
		x->outcome = MP_GRANT_NOT_ALLOWED;
		return er;
	}
	if ((er = mp_user_lock(db, c->target, &u)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			x->outcome = MP_GRANT_GONE;
		return er == MP_ENOTFOUND ? MP_OK : er;
	}
	t.name[0] = '\0';
	if (c->kind == MP_GRANT_TEAM) {
		er = mp_user_team_get_id(db, c->team, &t);
		if (er == MP_ENOTFOUND || (er == MP_OK && c->on &&
		    !t.active)) {
			x->outcome = MP_GRANT_GONE;
			return MP_OK;
		}
		if (er != MP_OK)
			return er;
	}
	if (c->kind == MP_GRANT_IDENTITY && c->on &&
	    !mp_role_can(u.role, MP_PERM_REPORTER_ID)) {
		x->outcome = MP_GRANT_CANNOT;
		return MP_OK;
	}
	if (no_change(db, c, &u, &er) || er != MP_OK)
		return er;
	describe(what, c->kind, c->role, t.name, c->on);
	if (mp_grant_widens(c, u.role))
		return request(db, x->a, c, &u, what, &x->outcome,
		    &x->request);
	if ((er = apply(db, c, x->hash)) != MP_OK)
		return er;
	x->reset = c->kind == MP_GRANT_PASSWORD;
	return audit(db, x->a, kinds[c->kind].action, "gebruiker", u.id, &u,
	    what);
}

enum mp_err
mp_grant_change(struct mp_db *db, const struct mp_grant_actor *a,
    const struct mp_grant_change *c, enum mp_grant_outcome *outcome,
    long long *req, char password[MP_GRANT_PW_LEN])
{
	struct change_ctx	 x;
	char			 hash[MP_PWHASH_LEN];
	enum mp_err		 er;

	password[0] = '\0';
	*req = 0;
	*outcome = MP_GRANT_GONE;
	if ((unsigned)c->kind >= MP_GRANT__MAX ||
	    (c->kind == MP_GRANT_ROLE && (unsigned)c->role >= MP_ROLE__MAX))
		return MP_EINVAL;
	memset(&x, 0, sizeof(x));
	x.a = a;
	x.c = c;
	if (c->kind == MP_GRANT_PASSWORD) {
		if ((er = new_password(password, hash)) != MP_OK)
			return er;
		x.hash = hash;
	}
	er = mp_db_txn(db, change_txn, &x);
	if (x.hash != NULL)
		mp_alloc_wipe(hash, sizeof(hash));
	if (er != MP_OK || !x.reset)
		mp_alloc_wipe(password, MP_GRANT_PW_LEN);
	if (er == MP_OK) {
		*outcome = x.outcome;
		*req = x.request;
	}
	return er;
}

struct new_ctx {
	const struct mp_grant_actor	*a;
	const char			*username, *display;
	enum mp_role			 role;
	enum mp_grant_outcome		 outcome;
	long long			 user, request;
};

static enum mp_err
new_txn(struct mp_db *db, void *arg)
{
	struct new_ctx		*x = arg;
	struct mp_grant_change	 c;
	struct mp_user		 u;
	char			 what[MP_GRANT_WHAT_MAX];
	char			 detail[MP_USERNAME_MAX + 64];
	enum mp_err		 er;

	x->outcome = MP_GRANT_DONE;
	x->request = 0;
	if (!actor_may(db, x->a, MP_PERM_ADMIN, &er)) {
		x->outcome = MP_GRANT_NOT_ALLOWED;
		return er;
	}
	if ((er = mp_user_insert(db, x->username, x->display, x->role,
	    &x->user)) != MP_OK)
		return er;
	(void)snprintf(detail, sizeof(detail), "%s (%s)", x->username,
	    mp_role_name(x->role));
	if ((er = mp_audit(db, x->a->id, x->a->username, "gebruiker-nieuw",
	    "gebruiker", x->user, x->a->client, detail)) != MP_OK)
		return er;
	memset(&c, 0, sizeof(c));
	c.kind = MP_GRANT_ACTIVE;
	c.target = x->user;
	c.on = 1;
	if (!mp_grant_widens(&c, x->role))
		return MP_OK;
	/* Off until a second person says yes. */
	if ((er = mp_user_set_disabled(db, x->user, 1)) != MP_OK ||
	    (er = mp_user_lock(db, x->user, &u)) != MP_OK)
		return er;
	describe(what, c.kind, x->role, "", 1);
	return request(db, x->a, &c, &u, what, &x->outcome, &x->request);
}

enum mp_err
mp_grant_user_new(struct mp_db *db, const struct mp_grant_actor *a,
    const char *username, const char *display, enum mp_role role,
    enum mp_grant_outcome *outcome, long long *user, long long *req)
{
	struct new_ctx	 x;
	enum mp_err	 er;

	memset(&x, 0, sizeof(x));
	x.a = a;
	x.username = username;
	x.display = display;
	x.role = role;
	*user = *req = 0;
	if ((er = mp_db_txn(db, new_txn, &x)) != MP_OK)
		return er;
	*outcome = x.outcome;
	*user = x.user;
	*req = x.request;
	return MP_OK;
}

/* ------------------------------------------------------------------ */
/* Decisions.                                                          */

struct decide_ctx {
	const struct mp_grant_actor	*a;
	long long			 id;
	enum mp_grant_decision		 decision;
	const char			*hash;
	enum mp_grant_outcome		 outcome;
	char				 what[MP_GRANT_WHAT_MAX];
	int				 reset;	/* password applied */
};

/* The request's row, as STMT_LOCK reads it. */
struct row {
	struct mp_grant_change	 c;
	char			 was_role[24];
	int			 was_disabled, was_identity;
	long long		 requester;
	char			 status[24];
};

static enum mp_err
lock_row(struct mp_db *db, long long id, struct row *w)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	memset(w, 0, sizeof(*w));
	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_LOCK], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		if (!kind_parse(mp_db_text(st, LOCK_KIND, NULL), &w->c.kind))
			er = MP_EDB;
		w->c.target = mp_db_int(st, LOCK_TARGET);
		if (w->c.kind == MP_GRANT_ROLE &&
		    !mp_role_parse(mp_db_text(st, LOCK_ROLE, NULL),
		    &w->c.role))
			er = MP_EDB;
		w->c.team = mp_db_int(st, LOCK_TEAM);
		w->c.on = 1;	/* a request only ever widens */
		(void)snprintf(w->was_role, sizeof(w->was_role), "%s",
		    mp_db_text(st, LOCK_WAS_ROLE, NULL));
		w->was_disabled = mp_db_int(st, LOCK_WAS_DISABLED) != 0;
		w->was_identity = mp_db_int(st, LOCK_WAS_IDENTITY) != 0;
		w->requester = mp_db_int(st, LOCK_REQUESTER);
		(void)snprintf(w->status, sizeof(w->status), "%s",
		    mp_db_text(st, LOCK_STATUS, NULL));
	}
	mp_db_done(st);
	return er;
}

/* Whose request: the account (its row is locked first) and the kind. */
static enum mp_err
peek(struct mp_db *db, long long id, long long *target,
    enum mp_grant_kind *k)
{
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_PEEK], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		*target = mp_db_int(st, PEEK_TARGET);
		if (!kind_parse(mp_db_text(st, PEEK_KIND, NULL), k))
			er = MP_EDB;
	}
	mp_db_done(st);
	return er;
}

static enum mp_err
set_status(struct mp_db *db, struct decide_ctx *x, const char *status)
{
	struct mp_dbval		 v[3];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	v[0] = MP_DBTEXT(status);
	v[1] = MP_DBINT(x->a->id);
	v[2] = MP_DBINT(x->id);
	if ((er = mp_db_exec(db, stmts[STMT_DECIDE], v, 3, &n, NULL)) !=
	    MP_OK)
		return er;
	/* Decided by another since our locking read: roll back. */
	return n == 1 ? MP_OK : MP_EDBTRANS;
}

/*
 * The status the decision gives the open request w, in *status; NULL
 * when the decision is refused, with x->outcome saying why.  A
 * confirmation of an account unchanged since the request applies the
 * change here, inside the caller's transaction.
 */
static enum mp_err
decide_status(struct mp_db *db, struct decide_ctx *x, const struct row *w,
    const struct mp_user *u, const struct mp_team *t, long long target,
    const char **status)
{
	enum mp_err	 er;
	int		 stale;

	*status = NULL;
	switch (x->decision) {
	case MP_GRANT_WITHDRAW:
		if (w->requester != x->a->id) {
			x->outcome = MP_GRANT_NOT_YOURS;
			return MP_OK;
		}
		*status = "ingetrokken";
		return MP_OK;
	case MP_GRANT_REJECT:
		if (w->requester == x->a->id) {
			x->outcome = MP_GRANT_OWN_REQUEST;
			return MP_OK;
		}
		*status = "afgewezen";
		return MP_OK;
	case MP_GRANT_CONFIRM:
		if (w->requester == x->a->id) {
			x->outcome = MP_GRANT_OWN_REQUEST;
			return MP_OK;
		}
		if (target == x->a->id) {
			x->outcome = MP_GRANT_CONCERNS_YOU;
			return MP_OK;
		}
		/* The account must be as it was when asked for. */
		stale = strcmp(w->was_role, mp_role_name(u->role)) != 0 ||
		    w->was_disabled != u->disabled ||
		    w->was_identity != u->identity ||
		    (w->c.kind == MP_GRANT_TEAM && !t->active);
		if (stale) {
			x->outcome = MP_GRANT_STALE;
			*status = "vervallen";
			return MP_OK;
		}
		if ((er = apply(db, &w->c, x->hash)) != MP_OK)
			return er;
		x->reset = w->c.kind == MP_GRANT_PASSWORD;
		*status = "bevestigd";
		return MP_OK;
	default:
		return MP_EINVAL;
	}
}

static enum mp_err
decide_txn(struct mp_db *db, void *arg)
{
	struct decide_ctx	*x = arg;
	struct mp_user		 u;
	struct mp_team		 t;
	struct row		 w;
	enum mp_grant_kind	 k;
	const char		*status;
	long long		 target = 0;
	char			 action[32];
	enum mp_err		 er;

	x->outcome = MP_GRANT_DONE;
	x->what[0] = '\0';
	x->reset = 0;
	if ((er = peek(db, x->id, &target, &k)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			x->outcome = MP_GRANT_GONE;
		return er == MP_ENOTFOUND ? MP_OK : er;
	}
	if (!actor_may(db, x->a, MP_PERM_GRANT_DECIDE, &er)) {
		x->outcome = MP_GRANT_NOT_ALLOWED;
		return er;
	}
	if ((er = mp_user_lock(db, target, &u)) != MP_OK ||
	    (er = lock_row(db, x->id, &w)) != MP_OK)
		return er == MP_ENOTFOUND ? MP_EDB : er;
	if (w.c.target != target)
		return MP_EDB;	/* a request never changes its account */
	t.name[0] = '\0';
	t.active = 0;
	if (w.c.kind == MP_GRANT_TEAM && (er = mp_user_team_get_id(db,
	    w.c.team,
	    &t)) != MP_OK)
		return er == MP_ENOTFOUND ? MP_EDB : er;
	describe(x->what, w.c.kind, w.c.role, t.name, 1);
	if (strcmp(w.status, "open") != 0) {
		x->outcome = MP_GRANT_DECIDED;
		return MP_OK;
	}
	if ((er = decide_status(db, x, &w, &u, &t, target, &status)) !=
	    MP_OK || status == NULL)
		return er;
	if ((er = set_status(db, x, status)) != MP_OK)
		return er;
	(void)snprintf(action, sizeof(action), "verzoek %s", status);
	return audit(db, x->a, action, "verzoek", x->id, &u, x->what);
}

enum mp_err
mp_grant_decide(struct mp_db *db, const struct mp_grant_actor *a,
    long long id, enum mp_grant_decision d, enum mp_grant_outcome *outcome,
    char *what, char password[MP_GRANT_PW_LEN])
{
	struct decide_ctx	 x;
	enum mp_grant_kind	 k;
	long long		 target;
	char			 hash[MP_PWHASH_LEN];
	enum mp_err		 er;

	password[0] = '\0';
	if (what != NULL)
		what[0] = '\0';
	*outcome = MP_GRANT_GONE;
	memset(&x, 0, sizeof(x));
	x.a = a;
	x.id = id;
	x.decision = d;
	/* A confirmed reset needs its password before the transaction. */
	er = peek(db, id, &target, &k);
	if (er == MP_ENOTFOUND)
		return MP_OK;
	if (er != MP_OK)
		return er;
	if (d == MP_GRANT_CONFIRM && k == MP_GRANT_PASSWORD) {
		if ((er = new_password(password, hash)) != MP_OK)
			return er;
		x.hash = hash;
	}
	er = mp_db_txn(db, decide_txn, &x);
	if (x.hash != NULL)
		mp_alloc_wipe(hash, sizeof(hash));
	if (er != MP_OK || !x.reset)
		mp_alloc_wipe(password, MP_GRANT_PW_LEN);
	if (er != MP_OK)
		return er;
	*outcome = x.outcome;
	if (what != NULL)
		(void)snprintf(what, MP_GRANT_WHAT_MAX, "%s", x.what);
	return MP_OK;
}

/* ------------------------------------------------------------------ */
/* Lists.                                                              */

static enum mp_err
list(struct mp_db *db, enum stmt s, const struct mp_dbval *v, size_t nv,
    mp_grant_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_grant_info	 g;
	enum mp_role		 role = MP_ROLE_HANDLER;
	char			 what[MP_GRANT_WHAT_MAX];
	size_t			 n = 0;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, stmts[s], v, nv)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		memset(&g, 0, sizeof(g));
		g.id = mp_db_int(st, INFO_ID);
		if (!kind_parse(mp_db_text(st, INFO_KIND, NULL), &g.kind))
			continue;
		if (g.kind == MP_GRANT_ROLE &&
		    !mp_role_parse(mp_db_text(st, INFO_ROLE, NULL), &role))
			continue;
		describe(what, g.kind, role, mp_db_text(st, INFO_TEAM, NULL),
		    1);
		g.what = what;
		g.at = (time_t)mp_db_int(st, INFO_AT);
		g.requester = mp_db_int(st, INFO_REQUESTER);
		g.requester_name = mp_db_text(st, INFO_REQUESTER_NAME, NULL);
		g.requester_display = mp_db_text(st, INFO_REQUESTER_DISPLAY,
		    NULL);
		g.target = mp_db_int(st, INFO_TARGET);
		g.target_name = mp_db_text(st, INFO_TARGET_NAME, NULL);
		g.target_display = mp_db_text(st, INFO_TARGET_DISPLAY, NULL);
		if (!mp_role_parse(mp_db_text(st, INFO_TARGET_ROLE, NULL),
		    &g.target_role))
			g.target_role = MP_ROLE_HANDLER;
		g.target_disabled = mp_db_int(st, INFO_TARGET_DISABLED) != 0;
		g.target_identity = mp_db_int(st, INFO_TARGET_IDENTITY) != 0;
		g.target_teams = mp_db_text(st, INFO_TARGET_TEAMS, NULL);
		g.status = mp_db_text(st, INFO_STATUS, NULL);
		fn(&g, arg);
		n++;
	}
	mp_db_done(st);
	if (er == MP_ENOTFOUND && s == STMT_GET && n == 0)
		return MP_ENOTFOUND;
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_grant_list_open(struct mp_db *db, mp_grant_fn fn, void *arg)
{

	return list(db, STMT_LIST_OPEN, NULL, 0, fn, arg);
}

enum mp_err
mp_grant_get(struct mp_db *db, long long id, mp_grant_fn fn, void *arg)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(id);
	return list(db, STMT_GET, v, 1, fn, arg);
}

/* The mail's copy of a description is never cut short. */
_Static_assert(MP_OUTBOX_WHAT_MAX >= MP_GRANT_WHAT_MAX,
    "struct mp_outbox_request holds a request's description");

static void
mail_copy(const struct mp_grant_info *g, void *arg)
{
	struct mp_outbox_request *t = arg;

	t->id = g->id;
	(void)snprintf(t->what, sizeof(t->what), "%s", g->what);
	(void)snprintf(t->target, sizeof(t->target), "%s", g->target_name);
	(void)snprintf(t->requester, sizeof(t->requester), "%s",
	    g->requester_name);
	(void)snprintf(t->status, sizeof(t->status), "%s", g->status);
	t->at = g->at;
}

enum mp_err
mp_grant_mail(struct mp_db *db, long long id, struct mp_outbox_request *r)
{

	memset(r, 0, sizeof(*r));
	return mp_grant_get(db, id, mail_copy, r);
}
