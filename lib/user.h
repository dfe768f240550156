/*
 * user.h -- the dashboard's users and teams: roles, lookup, creation,
 * disabling, passwords, the second factor and team membership.  Users
 * and teams are never deleted, since reports and the audit log refer
 * to them.
 */
#ifndef MP_USER_H
#define MP_USER_H

#include <stddef.h>

#include "errcode.h"
#include "role.h"
#include "totp.h"

struct mp_db;
struct mp_keys;

#define MP_USERNAME_MAX	64
#define MP_DISPLAY_MAX	100
#define MP_TEAMNAME_MAX	100

/*
 * The teams read with a user: the first MP_USER_TEAMS team ids in
 * order, and teams_more when there are more.  What they let the user
 * see is lib/access.h's business.
 */
#define MP_USER_TEAMS	4

struct mp_user {
	long long	 id;
	char		 username[MP_USERNAME_MAX + 1];
	char		 display[MP_DISPLAY_MAX * 4 + 1];
	enum mp_role	 role;
	int		 disabled;
	int		 identity;	/* may see reporter identity */
	int		 has_password;
	int		 password_change; /* must choose a new password */
	int		 totp_enabled;
	long long	 totp_last_step;
	long long	 teams[MP_USER_TEAMS];
	size_t		 nteams;
	int		 teams_more;
	/*
	 * A cover runs for the user (lib/cover.h): the teams above are
	 * not all the user sees (lib/access.c).
	 */
	int		 covering;
};

/* A user name: 1-64 of [A-Za-z0-9._@-], starting with a letter/digit. */
int		 mp_user_valid_name(const char *);

/*
 * Look a user up by name or id into u, with the user's teams (in the
 * same statement: the work list needs them on every page).  pwhash
 * (MP_PWHASH_LEN bytes, may be NULL) gets the stored password hash or
 * "".  MP_ENOTFOUND when there is no such user.
 */
enum mp_err	 mp_user_get(struct mp_db *, const char *username,
		    struct mp_user *u, char *pwhash);
enum mp_err	 mp_user_get_id(struct mp_db *, long long id,
		    struct mp_user *u);
/* As mp_user_get_id, with the row locked for the caller's transaction. */
enum mp_err	 mp_user_lock(struct mp_db *, long long id, struct mp_user *u);
/*
 * The user of a dashboard request and its staff session, in one
 * statement (the dashboard reads both on every request, and a second
 * round trip cost more than the reading): by username, with the
 * session whose id hash is id_hash (len bytes) if there is one
 * (id_hash NULL: none), or, username NULL, the session of id_hash and
 * its owner.  On MP_OK u is read and *st is on the row, for
 * lib/session.c: column MP_USER_SESSION_COL is 1 when a session was
 * found, and the session's user_id, csrf, stage and three times
 * (UNIX_TIMESTAMP) follow it; the caller calls mp_db_done(*st).
 * MP_ENOTFOUND when there is no such user or session.
 */
#define MP_USER_SESSION_COL	12
struct mp_stmt;
enum mp_err	 mp_user_get_session(struct mp_db *, const char *username,
		    const void *id_hash, size_t len, struct mp_user *u,
		    struct mp_stmt **st);

/* Create a user; *id (may be NULL) gets its id.  MP_EDUP if taken. */
enum mp_err	 mp_user_insert(struct mp_db *, const char *username,
		    const char *display, enum mp_role, long long *id);
/*
 * These change an account at once, without the second person the
 * dashboard asks for (lib/grant.h): for meldpuntctl, IT's way to set
 * up the first accounts, and for lib/grant.c once a change may take
 * effect.  A role that cannot hold the identity right
 * (MP_PERM_REPORTER_ID) drops it.
 */
enum mp_err	 mp_user_set_disabled(struct mp_db *, long long id, int);
enum mp_err	 mp_user_set_role(struct mp_db *, long long id, enum mp_role);
/* MP_EINVAL when on and the account's role cannot hold the right. */
enum mp_err	 mp_user_set_identity(struct mp_db *, long long id, int on);
/* Forget the second factor: enrolled anew at the next sign-in. */
enum mp_err	 mp_user_reset_totp(struct mp_db *, long long id);

/*
 * The account's second factor (TOTP, lib/totp.h), for the dashboard's
 * sign-in and enrolment.  The secret is stored sealed (mp_crypto_seal) with
 * the MP_KEY_TOTP key and the account's id as additional data, so a
 * secret copied into another account's row does not open.
 */
struct mp_user_totp {
	unsigned char	 secret[MP_TOTP_SECRET_LEN];
	int		 has_secret;	/* a stored secret that opened */
	int		 enabled;	/* confirmed by a first code */
	long long	 last_step;	/* the last step accepted; -1: none */
};
/*
 * Read account id's second factor into t (all of it written).  A
 * secret that is absent or does not open (another key, another row)
 * leaves has_secret 0 and is MP_OK all the same.  MP_ENOTFOUND when
 * there is no such account.  t->secret is the caller's to wipe
 * (mp_alloc_wipe) once used.
 */
enum mp_err	 mp_user_totp_get(struct mp_db *, const struct mp_keys *,
		    long long id, struct mp_user_totp *t);
/*
 * Store secret (the caller's, not kept) sealed as the account's new,
 * unconfirmed secret, with no step accepted yet (-1).  Only while no
 * secret is confirmed: a confirmed one is left as it is, and that is
 * MP_OK too (the dashboard enrols only accounts without one).
 */
enum mp_err	 mp_user_totp_set_secret(struct mp_db *,
		    const struct mp_keys *, long long id,
		    const unsigned char secret[MP_TOTP_SECRET_LEN]);
/*
 * Accept step (mp_totp_verify's) as the account's last step used and
 * confirm its secret, in one statement, so that of two requests with
 * the same code only one succeeds.  MP_ECRYPTO when the step is not
 * after the last one accepted (a replay), the account has no secret
 * or there is no such account; a database error otherwise.
 */
enum mp_err	 mp_user_totp_accept_step(struct mp_db *, long long id,
		    long long step);
enum mp_err	 mp_user_set_display(struct mp_db *, long long id,
		    const char *display);
/*
 * The user's work address for notifications (lib/outbox.h); NULL or ""
 * removes it.  MP_EINVAL when it is not a valid address (mp_valid_email).
 */
enum mp_err	 mp_user_set_email(struct mp_db *, long long id,
		    const char *email);
/*
 * Hash pw (scrypt, lib/crypto.h) and store it.  MP_EINVAL when pw is
 * shorter than minlen characters or longer than 1024 bytes.  The
 * account's own choice: it clears password_change.
 */
enum mp_err	 mp_user_set_password(struct mp_db *, long long id,
		    const char *pw, size_t minlen);
/*
 * Store hash (mp_crypto_password_hash) of a password someone else chose for
 * the account (lib/grant.c): the account must choose its own at its
 * next sign-in (password_change).
 */
enum mp_err	 mp_user_set_temporary_password(struct mp_db *, long long id,
		    const char *hash);
/* 1 if pw is a password mp_user_set_password would take. */
int		 mp_user_password_ok(const char *pw, size_t minlen);

/*
 * Call fn for every user, ordered by name; teams is a comma-separated
 * list of the user's team names (never NULL).  fn's pointers are valid
 * during the call only.
 */
typedef void	(*mp_user_fn)(const struct mp_user *, const char *teams,
		    void *arg);
enum mp_err	 mp_user_list(struct mp_db *, mp_user_fn, void *arg);
/*
 * Call fn with the display name of each enabled coordinator, ordered by
 * username, at most limit (1 to 1000) of them: who may be asked about a
 * report of another team, without reading every user.  MP_EINVAL for a
 * bad limit.
 */
typedef void	(*mp_user_name_fn)(const char *name, void *arg);
enum mp_err	 mp_user_coordinators(struct mp_db *, unsigned limit,
		    mp_user_name_fn fn, void *arg);

struct mp_team {
	long long	 id;
	char		 name[MP_TEAMNAME_MAX * 4 + 1];
	int		 active;
	long long	 members;
};

typedef void	(*mp_team_fn)(const struct mp_team *, void *arg);
enum mp_err	 mp_user_team_insert(struct mp_db *, const char *name,
		    long long *id);
enum mp_err	 mp_user_team_get(struct mp_db *, const char *name,
		    struct mp_team *);
enum mp_err	 mp_user_team_get_id(struct mp_db *, long long id,
		    struct mp_team *);
/* As mp_user_team_get_id, with the row locked for the caller's transaction. */
enum mp_err	 mp_user_team_lock(struct mp_db *, long long id,
    struct mp_team *);
enum mp_err	 mp_user_team_rename(struct mp_db *, long long id,
		    const char *name);
enum mp_err	 mp_user_team_set_active(struct mp_db *, long long id, int);
enum mp_err	 mp_user_team_list(struct mp_db *, mp_team_fn, void *arg);
/* Membership; adding twice or removing what is absent is no error. */
enum mp_err	 mp_user_team_add_member(struct mp_db *, long long team,
		    long long user);
enum mp_err	 mp_user_team_remove_member(struct mp_db *, long long team,
		    long long user);
/* 1 if user is in team, 0 if not, -1 on a database error. */
int		 mp_user_team_is_member(struct mp_db *, long long team,
		    long long user);
/* Call fn for every membership (user id, team id), in no order. */
typedef void	(*mp_member_fn)(long long user, long long team, void *arg);
enum mp_err	 mp_user_team_members(struct mp_db *, mp_member_fn, void *arg);
/*
 * As mp_user_team_members, for the enabled handlers in active teams only,
 * ordered by team and user (who may be given a report).
 */
enum mp_err	 mp_user_team_handlers(struct mp_db *, mp_member_fn,
    void *arg);

/*
 * For assigning a report (the dashboard's report page): the name of
 * active team id, or the display name of enabled handler or
 * coordinator id, into out (sz bytes, cut short if need be).
 * MP_ENOTFOUND when there is no such team or person (out untouched).
 */
enum mp_err	 mp_user_team_active_name(struct mp_db *, long long id,
		    char *name, size_t sz);
enum mp_err	 mp_user_handler_name(struct mp_db *, long long id,
		    char *display, size_t sz);
/*
 * MP_OK if user may be given a report of team (0: of no team): a
 * coordinator may be given any, anyone else only one of their own
 * teams (they see no other).  MP_ENOTFOUND if not, or if there is no
 * such user; a database error otherwise.
 */
enum mp_err	 mp_user_may_handle(struct mp_db *, long long user,
		    long long team);
/*
 * The user's team when they are in exactly one active team, into
 * *team; 0 when in none or more than one (a new report's default).
 */
enum mp_err	 mp_user_only_team(struct mp_db *, long long user,
		    long long *team);

#endif
