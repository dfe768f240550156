/*
 * partner.c -- meldpuntctl partner: the partners of the XML export and
 * their keys.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "ctl.h"

static void
partner_usage(void)
{

	fprintf(stderr,
	    "usage: " PROG " partner add NAME DISPLAY-NAME [OPTIONS]\n"
	    "       " PROG " partner set NAME OPTIONS\n"
	    "       " PROG " partner list\n"
	    "       " PROG " partner disable|enable NAME\n"
	    "       " PROG " partner rotate-key NAME\n"
	    "options:\n"
	    "  --fields LIST        profile: alle, or a comma list of status,"
	    "\n"
	    "                       signaaltype, kanaal, doelgroep, data,"
	    " waarneming,\n"
	    "                       omschrijving, adres, personen, bedrijven,"
	    "\n"
	    "                       voertuigen, onderwerpen (default: alle)\n"
	    "  --signal-types LIST  share every report of these signal types"
	    "\n"
	    "                       (comma list of slugs; \"\" for none)\n"
	    "  --cert-subject DN    require this TLS client certificate"
	    " subject\n"
	    "                       (\"\" for none)\n"
	    "  --pulls-per-minute N pulls allowed per minute (0: the"
	    " configured\n"
	    "                       export.pulls_per_minute)\n"
	    "The key is printed once, on stdout; only its hash is stored.\n");
}

struct popts {
	const char	*fields, *types, *cert;
	long long	 ppm;		/* -1: not given */
};

/* Read the options from argv[i...]; -1 on a usage error. */
static int
partner_opts(int argc, char **argv, int i, struct popts *o)
{

	memset(o, 0, sizeof(*o));
	o->ppm = -1;
	for (; i < argc; i++) {
		if (i + 1 >= argc)
			return -1;
		if (strcmp(argv[i], "--fields") == 0)
			o->fields = argv[++i];
		else if (strcmp(argv[i], "--signal-types") == 0)
			o->types = argv[++i];
		else if (strcmp(argv[i], "--cert-subject") == 0)
			o->cert = argv[++i];
		else if (strcmp(argv[i], "--pulls-per-minute") == 0) {
			if ((o->ppm = ctl_number(argv[++i], 0, 1000000)) < 0)
				return -1;
		} else
			return -1;
	}
	return 0;
}

static void
print_partner(const struct mp_partner *p, const char *rule,
    long long shares, void *arg)
{
	char	 f[256];

	(void)arg;
	mp_partner_fields_format(p->fields, f, sizeof(f));
	printf("%-16s %-8s %-30s shares %lld\n", p->name, p->disabled ?
	    "disabled" : "active", p->display, shares);
	printf("  fields: %s\n  signal types: %s\n  certificate: %s\n"
	    "  pulls per minute: %lld%s\n", f, rule[0] != '\0' ? rule :
	    "(none)", p->cert[0] != '\0' ? p->cert : "(none)",
	    p->pulls_per_minute, p->pulls_per_minute == 0 ? " (default)" :
	    "");
}

/* Apply the options of set (or add, after the insert). */
static int
partner_apply(struct ctl *c, const char *name, const struct popts *o)
{
	unsigned	 mask;
	long long	 n = 0;
	enum mp_err	 er = MP_OK;

	if (o->fields != NULL) {
		if (mp_partner_fields_parse(o->fields, &mask) != MP_OK) {
			ctl_warnx("--fields: unknown field in \"%s\"",
			    o->fields);
			return 2;
		}
		er = mp_partner_set_fields(c->db, name, mask);
	}
	if (er == MP_OK && o->cert != NULL)
		er = mp_partner_set_cert(c->db, name, o->cert);
	if (er == MP_OK && o->ppm >= 0)
		er = mp_partner_set_limit(c->db, name, o->ppm);
	if (er == MP_OK && o->types != NULL) {
		er = mp_partner_set_rule(c->db, name, o->types, &n);
		if (er == MP_OK)
			printf("signal types set; %lld reports newly"
			    " shared\n", n);
		else if (er == MP_EINVAL) {
			ctl_warnx("--signal-types: unknown signal type in"
			    " \"%s\"", o->types);
			return 2;
		}
	}
	if (er == MP_ENOTFOUND) {
		ctl_warnx("no partner %s", name);
		return 1;
	}
	if (er == MP_EINVAL) {
		ctl_warnx("a value is not valid (subject: one line of at most"
		    " %d characters)", MP_PARTNER_CERT_MAX);
		return 2;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	return 0;
}

static int
partner_add(struct ctl *c, int argc, char **argv)
{
	struct popts	 o;
	char		 key[MP_PARTNER_KEY_SZ];
	unsigned	 mask = MP_PF_ALL;
	enum mp_err	 er;

	if (partner_opts(argc, argv, 4, &o) == -1) {
		partner_usage();
		return 2;
	}
	if (o.fields != NULL &&
	    mp_partner_fields_parse(o.fields, &mask) != MP_OK) {
		ctl_warnx("--fields: unknown field in \"%s\"", o.fields);
		return 2;
	}
	er = mp_partner_add(c->db, &c->keys, argv[2], argv[3], mask,
	    o.cert, o.ppm > 0 ? o.ppm : 0, o.types, key, NULL);
	if (er == MP_EDUP) {
		ctl_warnx("partner %s exists already", argv[2]);
		return 1;
	}
	if (er == MP_EINVAL) {
		ctl_warnx("a partner name is 1-%d of a-z, 0-9 and -; the"
		    " display name one line of at most %d characters;"
		    " signal types must exist", MP_PARTNER_NAME_MAX,
		    MP_PARTNER_DISPLAY_MAX);
		return 2;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	fprintf(stderr, "partner %s added; its key (shown only now):\n",
	    argv[2]);
	printf("%s\n", key);
	mp_alloc_wipe(key, sizeof(key));
	return 0;
}

static int
partner_set(struct ctl *c, int argc, char **argv)
{
	struct popts	 o;

	if (partner_opts(argc, argv, 3, &o) == -1) {
		partner_usage();
		return 2;
	}
	return partner_apply(c, argv[2], &o);
}

static int
partner_list(struct ctl *c, int argc, char **argv)
{
	enum mp_err	 er;

	(void)argc;
	(void)argv;
	if ((er = mp_partner_list(c->db, print_partner, NULL)) != MP_OK)
		return ctl_dberr(c, er);
	return 0;
}

/* disable or enable */
static int
partner_state(struct ctl *c, int argc, char **argv)
{
	enum mp_err	 er;

	(void)argc;
	er = mp_partner_set_disabled(c->db, argv[2],
	    strcmp(argv[1], "disable") == 0);
	if (er == MP_ENOTFOUND) {
		ctl_warnx("no partner %s", argv[2]);
		return 1;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	printf("partner %s %sd\n", argv[2], argv[1]);
	return 0;
}

static int
partner_rotate_key(struct ctl *c, int argc, char **argv)
{
	char		 key[MP_PARTNER_KEY_SZ];
	enum mp_err	 er;

	(void)argc;
	er = mp_partner_rotate_key(c->db, &c->keys, argv[2], key);
	if (er == MP_ENOTFOUND) {
		ctl_warnx("no partner %s", argv[2]);
		return 1;
	}
	if (er != MP_OK)
		return ctl_dberr(c, er);
	fprintf(stderr, "new key for %s (the old one no longer works;"
	    " shown only now):\n", argv[2]);
	printf("%s\n", key);
	mp_alloc_wipe(key, sizeof(key));
	return 0;
}

/* The subcommands and the number of words each takes. */
static const struct {
	const char	*name;
	int		 min, max;
	int		(*fn)(struct ctl *, int, char **);
} subs[] = {
	{ "add", 4, INT_MAX, partner_add },
	{ "set", 5, INT_MAX, partner_set },
	{ "list", 2, 2, partner_list },
	{ "disable", 3, 3, partner_state },
	{ "enable", 3, 3, partner_state },
	{ "rotate-key", 3, 3, partner_rotate_key },
};

int
cmd_partner(struct ctl *c, int argc, char **argv)
{
	const char	*sub = argc > 1 ? argv[1] : "help";
	size_t		 i;

	for (i = 0; i < MP_NELEM(subs); i++)
		if (strcmp(sub, subs[i].name) == 0 && argc >= subs[i].min &&
		    argc <= subs[i].max)
			return subs[i].fn(c, argc, argv);
	partner_usage();
	return strcmp(sub, "help") == 0 ? 0 : 2;
}
