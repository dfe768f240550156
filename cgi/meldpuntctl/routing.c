/*
 * routing.c -- meldpuntctl routing: the routing rules (lib/routing.h),
 * signal type and audience -> team, as the admin page of the dashboard
 * keeps them.  Each change is one transaction with its audit entry
 * (by "meldpuntctl", client "cli"), as on the page.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "ctl.h"

static void
print_rule(const struct mp_routing_rule *r, void *arg)
{

	(void)arg;
	printf("%-6lld %-30s %-30s -> %s%s\n", r->id,
	    r->signal_type == MP_ROUTING_ANY ? "*" : r->signal_name,
	    r->audience == MP_ROUTING_ANY ? "*" : r->audience_name,
	    r->team_name, r->team_active ? "" : " (team inactive)");
}

struct change {
	const char		*type, *aud, *team;	/* add */
	long long		 id;			/* remove */
	int			 missing;	/* which name was unknown */
	struct mp_routing_rule	 was;
};

/* A slug, or "*" / "any" for any. */
static enum mp_err
slug(struct mp_db *db, const char *s, int type, long long *id)
{

	*id = MP_ROUTING_ANY;
	if (strcmp(s, "*") == 0 || strcmp(s, "any") == 0)
		return MP_OK;
	return type ? mp_routing_signal_id(db, s, id) :
	    mp_routing_audience_id(db, s, id);
}

static enum mp_err
add_txn(struct mp_db *db, void *arg)
{
	struct change	*c = arg;
	struct mp_team	 t;
	long long	 type, aud;
	char		 detail[1024];
	enum mp_err	 er;

	c->missing = 0;
	if ((er = slug(db, c->type, 1, &type)) != MP_OK) {
		c->missing = 1;
		return er;
	}
	if ((er = slug(db, c->aud, 0, &aud)) != MP_OK) {
		c->missing = 2;
		return er;
	}
	if ((er = mp_user_team_get(db, c->team, &t)) != MP_OK) {
		c->missing = 3;
		return er;
	}
	if ((er = mp_routing_add(db, type, aud, t.id, &c->id)) != MP_OK) {
		if (er == MP_ENOTFOUND)
			c->missing = 3;
		return er;
	}
	(void)snprintf(detail, sizeof(detail), "%s / %s -> team %s",
	    c->type, c->aud, t.name);
	return mp_audit(db, 0, "meldpuntctl", "routering-nieuw", "routering",
	    c->id, "cli", detail);
}

static enum mp_err
remove_txn(struct mp_db *db, void *arg)
{
	struct change	*c = arg;
	char		 detail[1024];
	enum mp_err	 er;

	if ((er = mp_routing_remove(db, c->id, &c->was)) != MP_OK)
		return er;
	(void)snprintf(detail, sizeof(detail), "regel %lld -> team %s",
	    c->id, c->was.team_name);
	return mp_audit(db, 0, "meldpuntctl", "routering-weg", "routering",
	    c->id, "cli", detail);
}

static int
cmd_add(struct ctl *c, char **argv)
{
	static const char *const what[] = {
		"", "signal type", "audience", "active team"
	};
	struct change	 ch;
	enum mp_err	 er;

	memset(&ch, 0, sizeof(ch));
	ch.type = argv[2];
	ch.aud = argv[3];
	ch.team = argv[4];
	er = mp_db_txn(c->db, add_txn, &ch);
	if (er == MP_ENOTFOUND) {
		ctl_warnx("no %s %s", what[ch.missing], ch.missing == 1 ?
		    ch.type : ch.missing == 2 ? ch.aud : ch.team);
		return 1;
	}
	if (er == MP_EDUP) {
		ctl_warnx("%s / %s has a rule already; remove it first",
		    ch.type, ch.aud);
		return 1;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	printf("rule %lld added\n", ch.id);
	return 0;
}

int
cmd_routing(struct ctl *c, int argc, char **argv)
{
	struct change	 ch;
	enum mp_err	 er;

	if (argc == 2 && strcmp(argv[1], "list") == 0) {
		if ((er = mp_routing_list(c->db, print_rule, NULL)) != MP_OK)
			return ctl_dberr(c, er);
		return 0;
	}
	if (argc == 5 && strcmp(argv[1], "add") == 0)
		return cmd_add(c, argv);
	if (argc == 3 && strcmp(argv[1], "remove") == 0) {
		memset(&ch, 0, sizeof(ch));
		if (sscanf(argv[2], "%lld", &ch.id) != 1 || ch.id <= 0) {
			ctl_warnx("a rule is given by its number (routing "
			    "list)");
			return 2;
		}
		er = mp_db_txn(c->db, remove_txn, &ch);
		if (er == MP_ENOTFOUND) {
			ctl_warnx("no rule %lld", ch.id);
			return 1;
		}
		if (er != MP_OK)
			return ctl_dberr(c, er);
		printf("rule %lld removed\n", ch.id);
		return 0;
	}
	fprintf(stderr, "usage: " PROG " routing list | routing add "
	    "SIGNAL-TYPE|* AUDIENCE|* TEAM | routing remove ID\n");
	return 2;
}
