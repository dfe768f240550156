/*
 * grant.h -- the rule of two for what a dashboard account may do
 * (issue 10): nobody changes their own role, teams or rights, and a
 * change that widens what an account may read or grant -- a role with a
 * guarded permission it lacked (lib/access.h), a team, the identity
 * right, switching a guarded account on, a password or second-factor
 * reset of one -- waits as a request (table grant_request) until a
 * second person confirms it: another administrator or a coordinator,
 * never the one who asked and never the account concerned.  Changes
 * that only take away take effect at once.  Every step is audited and
 * every request is mailed to the coordinators (lib/outbox.h).
 *
 * This module owns grant_request and is the dashboard's one way to
 * change an account's rights.  meldpuntctl changes them directly
 * (lib/user.h): it runs on the server, as IT's way to set up the first
 * accounts.
 */
#ifndef MP_GRANT_H
#define MP_GRANT_H

#include <time.h>

#include "errcode.h"
#include "user.h"

struct mp_db;

enum mp_grant_kind {
	MP_GRANT_ROLE = 0,	/* the role becomes role */
	MP_GRANT_TEAM,		/* member of team (on) or not */
	MP_GRANT_IDENTITY,	/* the identity right on or off */
	MP_GRANT_ACTIVE,	/* the account switched on or off */
	MP_GRANT_PASSWORD,	/* a new one-time password */
	MP_GRANT_TOTP,		/* the second factor forgotten */
	MP_GRANT__MAX
};

/* A change of one account, as the admin page asks for it. */
struct mp_grant_change {
	enum mp_grant_kind kind;
	long long	 target;	/* app_user id */
	enum mp_role	 role;		/* MP_GRANT_ROLE */
	long long	 team;		/* MP_GRANT_TEAM */
	int		 on;		/* TEAM, IDENTITY, ACTIVE */
};

/* Who acts, as the dashboard signed them in; strings are borrowed. */
struct mp_grant_actor {
	long long	 id;
	const char	*username;
	const char	*client;	/* for the audit log */
};

enum mp_grant_outcome {
	MP_GRANT_DONE = 0,	/* applied now */
	MP_GRANT_PENDING,	/* waits for a second person */
	MP_GRANT_SELF,		/* refused: the actor's own account */
	MP_GRANT_GONE,		/* no such account, team or request */
	MP_GRANT_CANNOT,	/* the account's role cannot hold it */
	MP_GRANT_WAITING,	/* the same change waits already */
	MP_GRANT_DECIDED,	/* the request was decided before */
	MP_GRANT_STALE,		/* the account changed since: lapsed */
	MP_GRANT_OWN_REQUEST,	/* refused: the actor asked for it */
	MP_GRANT_CONCERNS_YOU,	/* refused: the actor is the account */
	MP_GRANT_NOT_YOURS,	/* refused: only the requester withdraws */
	MP_GRANT_NOT_ALLOWED,	/* the actor may not do this (any more) */
	MP_GRANT_OUTCOME__MAX
};

/* What a person does with a waiting request. */
enum mp_grant_decision {
	MP_GRANT_CONFIRM = 0,	/* another admin or a coordinator */
	MP_GRANT_REJECT,	/* anyone who may decide but the requester */
	MP_GRANT_WITHDRAW	/* the requester */
};

/* A one-time password: four groups of four Crockford base32 digits. */
#define MP_GRANT_PW_LEN	20

/*
 * 1 if change, made to an account whose role is now role, widens what
 * the account may read or grant, so that it must wait for a second
 * person; 0 if it may take effect at once.  Pure.
 */
int		 mp_grant_widens(const struct mp_grant_change *,
		    enum mp_role role);

/*
 * Make change as actor, in one transaction (with its audit entries and
 * the coordinators' mail): refused (*outcome SELF, GONE, CANNOT,
 * WAITING, NOT_ALLOWED) with nothing written, applied at once (DONE),
 * or stored as a request (PENDING, its id in *request).  A password
 * reset applied at once writes the one-time password into password
 * (to be shown once to the actor, then wiped), else password is "".
 * The caller checks that resets are possible (local sign-in only).
 * Returns a database error, else MP_OK with *outcome set.
 */
enum mp_err	 mp_grant_change(struct mp_db *,
		    const struct mp_grant_actor *,
		    const struct mp_grant_change *,
		    enum mp_grant_outcome *outcome, long long *request,
		    char password[MP_GRANT_PW_LEN]);

/*
 * Create an account as actor: switched off and with a request to
 * switch it on (PENDING, *request) when its role is guarded, else
 * switched on (DONE).  *user gets the new id.  MP_EDUP when the name is
 * taken, MP_EINVAL when a value is wrong (lib/user.h), nothing written.
 */
enum mp_err	 mp_grant_user_new(struct mp_db *,
		    const struct mp_grant_actor *, const char *username,
		    const char *display, enum mp_role,
		    enum mp_grant_outcome *outcome, long long *user,
		    long long *request);

/*
 * Decide request as actor, in one transaction: the request is locked,
 * must still be open (else DECIDED), and the decision must be the
 * actor's to make (else OWN_REQUEST, CONCERNS_YOU, NOT_YOURS or
 * NOT_ALLOWED).  A confirmation applies the change only while the
 * account is as it was when the request was made (role, switched on
 * or off, identity right) and the team still exists and is active;
 * otherwise the request lapses (STALE, status 'vervallen').  So a
 * request is applied at most once, never after it was withdrawn, and
 * never to an account that changed meanwhile.  DONE when the decision
 * was recorded.  A confirmed password reset writes the one-time
 * password into password (for the actor only).  what (may be NULL,
 * MP_GRANT_WHAT_MAX bytes) gets the request's description.
 */
#define MP_GRANT_WHAT_MAX	(MP_USERNAME_MAX + MP_TEAMNAME_MAX * 4 + 64)
enum mp_err	 mp_grant_decide(struct mp_db *,
		    const struct mp_grant_actor *, long long request,
		    enum mp_grant_decision, enum mp_grant_outcome *outcome,
		    char *what, char password[MP_GRANT_PW_LEN]);

/* One request as listed; strings are valid during the callback only. */
struct mp_grant_info {
	long long	 id;
	enum mp_grant_kind kind;
	const char	*what;		/* "rol coördinator", ... */
	const char	*status;	/* "open", "bevestigd", ... */
	time_t		 at;		/* requested at */
	long long	 requester;
	const char	*requester_name, *requester_display;
	long long	 target;
	const char	*target_name, *target_display;
	enum mp_role	 target_role;	/* the account as it is now */
	int		 target_disabled, target_identity;
	const char	*target_teams;	/* "Noord, Zuid" or "" */
};
typedef void	(*mp_grant_fn)(const struct mp_grant_info *, void *arg);

/* Call fn for each open request, oldest first (at most 200). */
enum mp_err	 mp_grant_list_open(struct mp_db *, mp_grant_fn, void *arg);
/* Call fn for request id, whatever its status; MP_ENOTFOUND if none. */
enum mp_err	 mp_grant_get(struct mp_db *, long long id, mp_grant_fn,
		    void *arg);

/*
 * Request id as the coordinators' mail tells it, into *r (the outbox's
 * mp_outbox_request_fn: meldpuntctl passes it to mp_outbox_send, so
 * the mail says how the request stands when it is sent).
 * MP_ENOTFOUND when there is no such request.
 */
struct mp_outbox_request;
enum mp_err	 mp_grant_mail(struct mp_db *, long long id,
		    struct mp_outbox_request *r);

/* The Dutch word for an outcome's refusal, for messages; "" for DONE. */
const char	*mp_grant_outcome_text(enum mp_grant_outcome);

#endif
