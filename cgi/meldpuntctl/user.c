/*
 * user.c -- meldpuntctl user: the dashboard's users, changed at once
 * (IT's bootstrap; the dashboard asks a second person).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "meldpunt.h"
#include "ctl.h"

static void
user_usage(void)
{

	fprintf(stderr, "usage: " PROG " user add NAME ROLE [DISPLAY NAME]"
	    " [--team TEAM]... [--identity]\n"
	    "       " PROG " user disable|enable NAME\n"
	    "       " PROG " user list\n"
	    "       " PROG " user set-role NAME ROLE\n"
	    "       " PROG " user set-identity NAME on|off\n"
	    "       " PROG " user set-password NAME   (reads one line from"
	    " stdin)\n"
	    "       " PROG " user reset-totp NAME\n"
	    "       " PROG " user add-team NAME TEAM\n"
	    "       " PROG " user set-email NAME ADDRESS  (\"\" removes"
	    " it)\n"
	    "roles: handler, coordinator, admin, auditor\n"
	    "--identity, set-identity: the right to see reporters' names,"
	    " e-mail and\n"
	    "phone (handler and coordinator only).\n"
	    "\n"
	    "These commands take effect at once.  They are IT's way, on the"
	    " server,\n"
	    "to set up the first accounts.  In the dashboard a change that"
	    " lets an\n"
	    "account read reports or grant rights waits until a second"
	    " person\n"
	    "confirms it, and nobody changes their own rights there.\n");
}

static void
print_user(const struct mp_user *u, const char *teams, void *arg)
{

	(void)arg;
	printf("%-20s %-12s %-8s %-9s %-5s %-8s %s (%s)\n", u->username,
	    mp_role_name(u->role), u->disabled ? "disabled" : "active",
	    u->has_password ? "password" : "-", u->totp_enabled ? "totp" :
	    "-", u->identity ? "identity" : "-", u->display, teams);
}

/* Look up NAME into u, with a message when absent. */
static int
find_user(struct ctl *c, const char *name, struct mp_user *u)
{
	char		 why[256];
	enum mp_err	 er;

	if ((er = mp_user_get(c->db, name, u, NULL)) == MP_OK)
		return 0;
	if (er == MP_ENOTFOUND)
		ctl_warnx("no user %s", name);
	else
		ctl_warnx("%s", ctl_dbwhy(c, er, why, sizeof(why)));
	return -1;
}

static int
find_team(struct ctl *c, const char *name, struct mp_team *t)
{
	char		 why[256];
	enum mp_err	 er;

	if ((er = mp_user_team_get(c->db, name, t)) == MP_OK)
		return 0;
	if (er == MP_ENOTFOUND)
		ctl_warnx("no team %s; make it with " PROG " team add", name);
	else
		ctl_warnx("%s", ctl_dbwhy(c, er, why, sizeof(why)));
	return -1;
}

/* One line from stdin without its newline into b; -1 on none. */
static int
read_line(struct mp_buf *b)
{
	int	 ch;

	while ((ch = getchar()) != EOF && ch != '\n')
		if (mp_buf_addc(b, (char)ch) != MP_OK)
			return -1;
	if (ch == EOF && mp_buf_len(b) == 0)
		return -1;
	if (mp_buf_len(b) > 0 && mp_buf_str(b)[mp_buf_len(b) - 1] == '\r')
		((char *)mp_buf_str(b))[mp_buf_len(b) - 1] = '\0';
	return 0;
}

static int
user_add(struct ctl *c, int argc, char **argv)
{
	struct mp_team	 t;
	enum mp_role	 role;
	long long	 id;
	const char	*display = NULL;
	int		 i, identity = 0;
	enum mp_err	 er;

	if (argc < 4) {
		user_usage();
		return 2;
	}
	if (!mp_user_valid_name(argv[2])) {
		ctl_warnx("%s: a user name is 1-64 letters, digits and ._@-",
		    argv[2]);
		return 2;
	}
	if (!mp_role_parse(argv[3], &role)) {
		ctl_warnx("%s: unknown role", argv[3]);
		return 2;
	}
	for (i = 4; i < argc; i++) {
		if (strcmp(argv[i], "--team") == 0 && i + 1 < argc) {
			if (find_team(c, argv[++i], &t) == -1)
				return 1;
		} else if (strcmp(argv[i], "--identity") == 0) {
			if (!mp_role_can(role, MP_PERM_REPORTER_ID)) {
				ctl_warnx("a %s cannot have the identity"
				    " right", mp_role_name(role));
				return 2;
			}
			identity = 1;
		} else if (display == NULL && argv[i][0] != '-')
			display = argv[i];
		else {
			user_usage();
			return 2;
		}
	}
	er = mp_user_insert(c->db, argv[2], display != NULL ? display :
	    argv[2], role, &id);
	if (er == MP_EDUP) {
		ctl_warnx("user %s exists already", argv[2]);
		return 1;
	}
	if (er == MP_EINVAL) {
		ctl_warnx("the display name must be one line of at most %d"
		    " characters", MP_DISPLAY_MAX);
		return 2;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	for (i = 4; i < argc; i++)
		if (strcmp(argv[i], "--team") == 0) {
			if (find_team(c, argv[++i], &t) == -1)
				return 1;
			if ((er = mp_user_team_add_member(c->db, t.id, id)) !=
			    MP_OK)
				return ctl_dberr(c, er);
		}
	if (identity && (er = mp_user_set_identity(c->db, id, 1)) != MP_OK)
		return ctl_dberr(c, er);
	printf("user %s added as %s%s\n", argv[2], mp_role_name(role),
	    identity ? " with the identity right" : "");
	return 0;
}

static int
user_list(struct ctl *c, int argc, char **argv)
{
	enum mp_err	 er;

	(void)argc;
	(void)argv;
	if ((er = mp_user_list(c->db, print_user, NULL)) != MP_OK)
		return ctl_dberr(c, er);
	return 0;
}

/* disable or enable */
static int
user_state(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	enum mp_err	 er;

	(void)argc;
	if (find_user(c, argv[2], &u) == -1)
		return 1;
	if ((er = mp_user_set_disabled(c->db, u.id, argv[1][0] == 'd')) !=
	    MP_OK)
		return ctl_dberr(c, er);
	printf("user %s %sd\n", argv[2], argv[1]);
	return 0;
}

static int
user_set_role(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	enum mp_role	 role;
	enum mp_err	 er;

	(void)argc;
	if (!mp_role_parse(argv[3], &role)) {
		ctl_warnx("%s: unknown role", argv[3]);
		return 2;
	}
	if (find_user(c, argv[2], &u) == -1)
		return 1;
	if ((er = mp_user_set_role(c->db, u.id, role)) != MP_OK)
		return ctl_dberr(c, er);
	printf("user %s is now %s\n", argv[2], argv[3]);
	return 0;
}

static int
user_set_identity(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	enum mp_err	 er;

	(void)argc;
	if (strcmp(argv[3], "on") != 0 && strcmp(argv[3], "off") != 0) {
		user_usage();
		return 2;
	}
	if (find_user(c, argv[2], &u) == -1)
		return 1;
	er = mp_user_set_identity(c->db, u.id, argv[3][1] == 'n');
	if (er == MP_EINVAL) {
		ctl_warnx("a %s cannot have the identity right",
		    mp_role_name(u.role));
		return 2;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	printf("identity right of %s %s\n", argv[2], argv[3]);
	return 0;
}

static int
user_reset_totp(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	enum mp_err	 er;

	(void)argc;
	if (find_user(c, argv[2], &u) == -1)
		return 1;
	if ((er = mp_user_reset_totp(c->db, u.id)) != MP_OK ||
	    (er = mp_session_end_owner(c->db, MP_SESS_STAFF, u.id)) != MP_OK)
		return ctl_dberr(c, er);
	printf("second factor of %s removed; set up anew at the next"
	    " sign-in\n", argv[2]);
	return 0;
}

static int
user_add_team(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	struct mp_team	 t;
	enum mp_err	 er;

	(void)argc;
	if (find_user(c, argv[2], &u) == -1 ||
	    find_team(c, argv[3], &t) == -1)
		return 1;
	if ((er = mp_user_team_add_member(c->db, t.id, u.id)) != MP_OK)
		return ctl_dberr(c, er);
	printf("user %s is in team %s\n", argv[2], argv[3]);
	return 0;
}

static int
user_set_email(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	enum mp_err	 er;

	(void)argc;
	if (argv[3][0] != '\0' && !mp_valid_email(argv[3])) {
		ctl_warnx("%s: not a valid e-mail address", argv[3]);
		return 2;
	}
	if (find_user(c, argv[2], &u) == -1)
		return 1;
	if ((er = mp_user_set_email(c->db, u.id, argv[3])) != MP_OK)
		return ctl_dberr(c, er);
	printf("e-mail address of %s %s\n", argv[2],
	    argv[3][0] != '\0' ? "set" : "removed");
	return 0;
}

static int
user_set_password(struct ctl *c, int argc, char **argv)
{
	struct mp_user	 u;
	struct mp_buf	 pw;
	long long	 minlen;
	enum mp_err	 er;

	(void)argc;
	if (find_user(c, argv[2], &u) == -1)
		return 1;
	minlen = mp_confkey_int(c->conf,
	    MP_CK_AUTH_PASSWORD_MIN_LENGTH);
	mp_buf_init(&pw, 2048);
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "password for %s (at least %lld"
		    " characters): ", argv[2], minlen);
	if (read_line(&pw) == -1) {
		mp_buf_freezero(&pw);
		ctl_warnx("no password on stdin");
		return 1;
	}
	er = mp_user_set_password(c->db, u.id, mp_buf_str(&pw),
	    (size_t)minlen);
	mp_buf_freezero(&pw);
	if (er == MP_EINVAL) {
		ctl_warnx("a password has at least %lld characters", minlen);
		return 1;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	printf("password of %s set\n", argv[2]);
	return 0;
}

/* The subcommands and their number of words (0: add checks its own). */
static const struct {
	const char	*name;
	int		 argc;
	int		(*fn)(struct ctl *, int, char **);
} subs[] = {
	{ "add", 0, user_add },
	{ "list", 2, user_list },
	{ "disable", 3, user_state },
	{ "enable", 3, user_state },
	{ "set-role", 4, user_set_role },
	{ "set-identity", 4, user_set_identity },
	{ "reset-totp", 3, user_reset_totp },
	{ "add-team", 4, user_add_team },
	{ "set-email", 4, user_set_email },
	{ "set-password", 3, user_set_password },
};

int
cmd_user(struct ctl *c, int argc, char **argv)
{
	const char	*sub = argc > 1 ? argv[1] : "";
	size_t		 i;

	for (i = 0; i < MP_NELEM(subs); i++)
		if (strcmp(sub, subs[i].name) == 0 &&
		    (subs[i].argc == 0 || subs[i].argc == argc))
			return subs[i].fn(c, argc, argv);
	user_usage();
	return strcmp(sub, "help") == 0 ? 0 : 2;
}
