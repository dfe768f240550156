/*
 * access.c -- what an account may do and see (see access.h).  The
 * whole policy is the roles' table (lib/role.c) and
 * mp_access_sql_visible: change either and every page follows.
 */
#include "config.h"

#include "access.h"
#include "db.h"
#include "role.h"
#include "user.h"

/*
 * The visibility rule's SQL (access.h), for templates to put in
 * (lib/sqltext.h).  The text is what the statements held before it
 * moved out of the header, byte for byte: MariaDB plans the same.
 */
/*
 * The teams come from user_team_access (sql/042): user_team and, while
 * a cover runs (lib/cover.h), the teams of the colleague covered.
 */
#define SQL_TEAMS \
	"r.team_id IN (SELECT ut.team_id FROM user_team_access ut" \
	" WHERE ut.user_id = ?)"
const char mp_access_sql_visible[] = "(? = 1 OR " SQL_TEAMS ")";
const char mp_access_sql_teams[] = SQL_TEAMS;
/* MP_ACCESS_TEAMS_MAX placeholders. */
const char mp_access_sql_in_teams[] = "r.team_id IN (?, ?, ?, ?)";

/* By enum mp_perm (lib/role.h). */
static const char *const names[MP_PERM__MAX] = {
	"aangemeld", "werklijst", "melding bekijken", "alle teams",
	"melding behandelen", "melding toewijzen", "identiteit melder",
	"melding invoeren", "beheer", "auditlog", "statistiek",
	"export", "delen met partner", "verzoeken beoordelen",
	"dossier bekijken", "dossier bewerken", "dossiers beheren",
	"bewaartermijn aanhouden",
};

int
mp_access_user(const struct mp_user *u, enum mp_perm perm)
{

	if (u->disabled || !mp_role_can(u->role, perm))
		return 0;
	return perm != MP_PERM_REPORTER_ID || u->identity;
}

/* Every permission a grant guards: all but the audit log. */
static int
guarded(enum mp_perm perm)
{

	return perm != MP_PERM_NONE && perm != MP_PERM_AUDIT;
}

int
mp_access_role_widens(enum mp_role from, enum mp_role to)
{
	int	 p;

	for (p = 0; p < MP_PERM__MAX; p++)
		if (guarded(p) && mp_role_can(to, p) &&
		    !mp_role_can(from, p))
			return 1;
	return 0;
}

int
mp_access_role_guarded(enum mp_role role)
{
	int	 p;

	for (p = 0; p < MP_PERM__MAX; p++)
		if (guarded(p) && mp_role_can(role, p))
			return 1;
	return 0;
}

const char *
mp_access_perm_name(enum mp_perm perm)
{

	return (unsigned)perm < MP_PERM__MAX ? names[perm] : "";
}

void
mp_access_report_params(const struct mp_user *u, struct mp_dbval v[2])
{

	v[0] = MP_DBINT(mp_role_can(u->role, MP_PERM_REPORT_ALL));
	v[1] = MP_DBINT(u->id);
}

/* The user must carry at least as many teams as the list binds. */
_Static_assert(MP_ACCESS_TEAMS_MAX <= MP_USER_TEAMS,
    "struct mp_user keeps too few teams");

void
mp_access_report_teams(const struct mp_user *u,
    struct mp_dbval v[MP_ACCESS_TEAMS_MAX], int *fits)
{
	size_t	 n;

	/* A cover adds teams the user's own do not list. */
	*fits = !u->teams_more && !u->covering &&
	    u->nteams <= MP_ACCESS_TEAMS_MAX;
	for (n = 0; n < MP_ACCESS_TEAMS_MAX; n++)
		v[n] = n < u->nteams ? MP_DBINT(u->teams[n]) : MP_DBNULL();
	/*
	 * Pad with the last team, not NULL: with a NULL in the list
	 * MariaDB plans a range and sorts, with the same value repeated an
	 * equality that walks the index in order (one team: 51 rows).
	 */
	for (n = u->nteams; n > 0 && n < MP_ACCESS_TEAMS_MAX; n++)
		v[n] = v[n - 1];
}
