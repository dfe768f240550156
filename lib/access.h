/*
 * access.h -- what an account may do, from its role's permissions
 * (the one table is lib/role.c's), and the one rule of which reports
 * a user may see.  The dashboard checks a page's permission before it
 * runs (mp_dash_serve) and every query of reports includes
 * mp_access_sql_visible with its two parameters from
 * mp_access_report_params, so no page can forget either.  The rule's
 * SQL is data of access.c, not text in this header (issue 12): a
 * statement names it in its template ("{visible}") and lib/sqltext.h
 * puts it in once, at the program's start.
 */
#ifndef MP_ACCESS_H
#define MP_ACCESS_H

#include "db.h"
#include "role.h"
#include "user.h"

/*
 * 1 if the account u has perm: its role has it and, for
 * MP_PERM_REPORTER_ID, the account holds the identity right
 * (u->identity).  Reporter identity is a permission of its own
 * (DESIGN.md): a role may hold it, an account must be given it.
 */
int		 mp_access_user(const struct mp_user *, enum mp_perm);
/*
 * The rule of two (lib/grant.h) asks: does this give an account more?
 * Every permission but the audit log is guarded: reading reports and
 * identity, and managing or confirming what others may do.
 * mp_access_role_widens is 1 when role to has a guarded permission
 * that role from lacks; mp_access_role_guarded is 1 when role has any
 * guarded permission (so enabling such an account, or resetting its
 * password, gives a person access that needs a second person's yes).
 */
int		 mp_access_role_widens(enum mp_role from, enum mp_role to);
int		 mp_access_role_guarded(enum mp_role);
/* A short Dutch name of a permission, for messages and tests. */
const char	*mp_access_perm_name(enum mp_perm);

/*
 * The condition "report r is visible to the user": a user with
 * MP_PERM_REPORT_ALL sees every report, anyone else the reports of
 * the teams they belong to and, while a cover runs for them
 * (lib/cover.h), those of the teams of the colleague they cover.
 * It takes two parameters, in this order, which
 * mp_access_report_params writes into v[0] and v[1].
 */
extern const char mp_access_sql_visible[];
/*
 * The second case alone, with the user id as its one parameter: for a
 * query that has a statement per case (a count that must read an index
 * only), where mp_role_can(role, MP_PERM_REPORT_ALL) picks the
 * statement without this condition.
 */
extern const char mp_access_sql_teams[];
void		 mp_access_report_params(const struct mp_user *,
		    struct mp_dbval v[2]);

/*
 * The second case with the user's teams bound as values, for the work
 * list: a team given as a value lets MariaDB walk an index that starts
 * with team_id (report_team_status, ...) and stop after a page, where
 * the subquery leaves it checking the team of every row it reads.  Its
 * MP_ACCESS_TEAMS_MAX parameters come from mp_access_report_teams.
 */
#define MP_ACCESS_TEAMS_MAX	4
extern const char mp_access_sql_in_teams[];
/*
 * The teams of a user who lacks MP_PERM_REPORT_ALL, as read with the
 * user (struct mp_user), into v (the last one repeated where there are
 * fewer; NULL for a user of no team, which matches no report).  *fits
 * is 0 when the user has more teams than MP_ACCESS_TEAMS_MAX, or a
 * cover runs for the user (u->covering): use mp_access_sql_visible
 * then.
 */
void		 mp_access_report_teams(const struct mp_user *,
		    struct mp_dbval v[MP_ACCESS_TEAMS_MAX], int *fits);

#endif
