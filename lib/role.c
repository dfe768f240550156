/*
 * role.c -- the roles and their permissions (see role.h): what each
 * role is called and the one table of what it may do.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>

#include "role.h"

static const struct {
	const char	*name;
	const char	*label;
} roles[MP_ROLE__MAX] = {
	{ "handler", "behandelaar" },
	{ "coordinator", "coördinator" },
	{ "admin", "functioneel beheerder" },
	{ "auditor", "auditor" },
};

const char *
mp_role_name(enum mp_role r)
{

	return (unsigned)r < MP_ROLE__MAX ? roles[r].name : "";
}

const char *
mp_role_label(enum mp_role r)
{

	return (unsigned)r < MP_ROLE__MAX ? roles[r].label : "";
}

int
mp_role_parse(const char *s, enum mp_role *r)
{
	size_t	 i;

	if (s == NULL)
		return 0;
	for (i = 0; i < MP_ROLE__MAX; i++)
		if (strcmp(s, roles[i].name) == 0) {
			*r = (enum mp_role)i;
			return 1;
		}
	return 0;
}

static const char perms[MP_ROLE__MAX][MP_PERM__MAX] = {
	[MP_ROLE_HANDLER] = {
		[MP_PERM_NONE] = 1,
		[MP_PERM_REPORT_LIST] = 1,
		[MP_PERM_REPORT_VIEW] = 1,
		[MP_PERM_REPORT_WORK] = 1,
		[MP_PERM_REPORTER_ID] = 1,
		[MP_PERM_REPORT_CREATE] = 1,
		[MP_PERM_DOSSIER_VIEW] = 1,
		[MP_PERM_DOSSIER_WORK] = 1,
	},
	[MP_ROLE_COORDINATOR] = {
		[MP_PERM_NONE] = 1,
		[MP_PERM_REPORT_LIST] = 1,
		[MP_PERM_REPORT_VIEW] = 1,
		[MP_PERM_REPORT_ALL] = 1,
		[MP_PERM_REPORT_WORK] = 1,
		[MP_PERM_REPORT_ASSIGN] = 1,
		[MP_PERM_REPORTER_ID] = 1,
		[MP_PERM_REPORT_CREATE] = 1,
		[MP_PERM_STATS] = 1,
		[MP_PERM_EXPORT] = 1,
		[MP_PERM_REPORT_SHARE] = 1,
		[MP_PERM_GRANT_DECIDE] = 1,
		[MP_PERM_DOSSIER_VIEW] = 1,
		[MP_PERM_DOSSIER_WORK] = 1,
		[MP_PERM_DOSSIER_MANAGE] = 1,
		[MP_PERM_RETENTION_HOLD] = 1,
	},
	/*
	 * The functional administrator sees no report or dossier
	 * content at all (it configures the dossiers' lists),
	 * and what it grants takes a second person (lib/grant.h).
	 */
	[MP_ROLE_ADMIN] = {
		[MP_PERM_NONE] = 1,
		[MP_PERM_ADMIN] = 1,
		[MP_PERM_GRANT_DECIDE] = 1,
	},
	[MP_ROLE_AUDITOR] = {
		[MP_PERM_NONE] = 1,
		[MP_PERM_AUDIT] = 1,
	},
};

int
mp_role_can(enum mp_role role, enum mp_perm perm)
{

	if ((unsigned)role >= MP_ROLE__MAX || (unsigned)perm >= MP_PERM__MAX)
		return 0;
	return perms[role][perm];
}
