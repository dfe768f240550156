/*
 * team.c -- meldpuntctl team: the dashboard's teams.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "ctl.h"

static void
print_team(const struct mp_team *t, void *arg)
{

	(void)arg;
	printf("%-30s %-8s %lld members\n", t->name, t->active ? "active" :
	    "inactive", t->members);
}

int
cmd_team(struct ctl *c, int argc, char **argv)
{
	enum mp_err	 er;

	if (argc == 3 && strcmp(argv[1], "add") == 0) {
		er = mp_user_team_insert(c->db, argv[2], NULL);
		if (er == MP_EDUP) {
			ctl_warnx("team %s exists already", argv[2]);
			return 1;
		}
		if (er == MP_EINVAL) {
			ctl_warnx("a team name is one line of at most %d"
			    " characters", MP_TEAMNAME_MAX);
			return 2;
		}
		if (er != MP_OK)
			return ctl_dberr(c, er);
		printf("team %s added\n", argv[2]);
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((er = mp_user_team_list(c->db, print_team, NULL)) != MP_OK)
			return ctl_dberr(c, er);
		return 0;
	}
	fprintf(stderr, "usage: " PROG " team add NAME | team list\n");
	return 2;
}
