/*
 * backup-check.c -- meldpuntctl backup-check: proof that a backup was
 * restored whole.  It compares the live database (the configuration)
 * with a restored copy (a second configuration file naming its server,
 * database and key files): every row of the tables lib/tablesum.c
 * lists, by key and SHA-256, every reporter contact opened with each
 * side's own keys and compared by digest, and every attachment's
 * content against its stored SHA-256.  One line in the conventions of
 * Nagios plugins: exit 0 when equal, 2 on any difference (the table and
 * the first differing key, never content), 3 when it cannot look.
 * With --allow-newer, rows the live side added after the backup (past
 * the copy's last id, in tables whose ids only grow) are counted, not
 * differences: for a copy of a database that kept taking reports.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "ctl.h"

/* One database and its keys. */
struct side {
	const char		*label;		/* "live", "restored" */
	struct mp_db		*db;
	const struct mp_keys	*keys;
};

/* What the comparison found. */
struct tally {
	long long	 rows[MP_TABLESUM_NTABLES];
	long long	 nrows, newer, fields, attachments;
	/* As bad in the live database: not a difference of the copy. */
	long long	 both_unopened, both_bad;
	int		 diffs, unknown;
	char		 problems[1024];
};

static void
note(struct tally *t, int unknown, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Add a problem to the line: a difference, or a failure to look. */
static void
note(struct tally *t, int unknown, const char *fmt, ...)
{
	va_list	 ap;
	size_t	 len = strlen(t->problems);

	if (unknown)
		t->unknown++;
	else
		t->diffs++;
	if (len > 0 && len + 2 < sizeof(t->problems)) {
		memcpy(t->problems + len, "; ", 3);
		len += 2;
	}
	va_start(ap, fmt);
	(void)vsnprintf(t->problems + len, sizeof(t->problems) - len, fmt,
	    ap);
	va_end(ap);
}

/* "MELDPUNT BACKUP UNKNOWN - why" on stdout; returns CTL_UNKNOWN. */
static int
unknown(const char *why)
{

	printf("MELDPUNT BACKUP UNKNOWN - %s\n", why);
	return CTL_UNKNOWN;
}

/* Step one side's scan unless it ended; 1 row, 0 end, -1 error. */
static int
step(struct mp_tablesum_scan *sc, int *ended, long long *key,
    unsigned char d[MP_SHA256_LEN])
{
	enum mp_err	 er;

	if (*ended)
		return 0;
	if ((er = mp_tablesum_next(sc, key, d)) == MP_ENOTFOUND) {
		*ended = 1;
		return 0;
	}
	return er == MP_OK ? 1 : -1;
}

/*
 * The rows of both sides side by side, in key order: the first row
 * that is missing on one side or differs is the table's difference.
 */
static void
compare_rows(struct mp_tablesum_scan *l, struct mp_tablesum_scan *r,
    size_t i, int allow_newer, struct tally *t)
{
	unsigned char	 dl[MP_SHA256_LEN], dr[MP_SHA256_LEN];
	const char	*name = mp_tablesum_name(i), *key;
	long long	 kl = 0, kr = 0;
	int		 endl = 0, endr = 0, hl, hr;

	key = mp_tablesum_keyname(i);
	for (;;) {
		hl = step(l, &endl, &kl, dl);
		hr = step(r, &endr, &kr, dr);
		if (hl < 0 || hr < 0) {
			note(t, 1, "%s: cannot read the %s side", name,
			    hl < 0 ? "live" : "restored");
			return;
		}
		if (!hl && !hr)
			return;
		if (hl && !hr && allow_newer && mp_tablesum_appends(i)) {
			t->newer++;
			continue;
		}
		if (hl && (!hr || kl < kr)) {
			note(t, 0, "%s: %s %lld missing from the restored "
			    "copy", name, key, kl);
			return;
		}
		if (hr && (!hl || kr < kl)) {
			note(t, 0, "%s: %s %lld only in the restored copy",
			    name, key, kr);
			return;
		}
		if (memcmp(dl, dr, sizeof(dl)) != 0) {
			note(t, 0, "%s: row %s %lld differs", name, key, kl);
			return;
		}
		t->rows[i]++;
		t->nrows++;
	}
}

static void
compare_table(struct side *live, struct side *rest, size_t i,
    int allow_newer, struct tally *t)
{
	struct mp_tablesum_scan	 l, r;

	if (mp_tablesum_start(live->db, i, &l) != MP_OK)
		note(t, 1, "%s: cannot read the live side",
		    mp_tablesum_name(i));
	else if (mp_tablesum_start(rest->db, i, &r) != MP_OK) {
		note(t, 1, "%s: cannot read the restored side",
		    mp_tablesum_name(i));
		mp_tablesum_done(&r);
	} else {
		compare_rows(&l, &r, i, allow_newer, t);
		mp_tablesum_done(&r);
	}
	mp_tablesum_done(&l);
}

/*
 * One side's next contact: 1 a row, 2 a row whose boxes do not open
 * with that side's keys, 0 the end, -1 stop (noted).
 */
static int
contact_step(struct side *s, struct mp_contact_scan *sc, int *ended,
    long long *id, unsigned char d[32], struct tally *t)
{
	enum mp_err	 er;
	int		 nf;

	if (*ended)
		return 0;
	er = mp_contact_scan_next(sc, s->keys, id, d, &nf);
	if (er == MP_ENOTFOUND) {
		*ended = 1;
		return 0;
	}
	/* The row is read; whether it matters depends on the other side. */
	if (er == MP_ECRYPTO)
		return 2;
	if (er != MP_OK) {
		note(t, 1, "reporter_contact: cannot read the %s side",
		    s->label);
		return -1;
	}
	if (s->db != NULL && strcmp(s->label, "live") == 0)
		t->fields += nf;
	return 1;
}

/* The contact details, opened on each side with that side's keys. */
static void
compare_contacts(struct side *live, struct side *rest, int allow_newer,
    struct tally *t)
{
	struct mp_contact_scan	 l, r;
	unsigned char		 dl[32], dr[32];
	long long		 kl = 0, kr = 0;
	int			 endl = 0, endr = 0, hl, hr;

	l.st = r.st = NULL;
	if (mp_contact_scan_start(live->db, &l) != MP_OK ||
	    mp_contact_scan_start(rest->db, &r) != MP_OK) {
		note(t, 1, "reporter_contact: cannot read the contacts");
		goto done;
	}
	for (;;) {
		if ((hl = contact_step(live, &l, &endl, &kl, dl, t)) < 0 ||
		    (hr = contact_step(rest, &r, &endr, &kr, dr, t)) < 0)
			break;
		if (!hl && !hr)
			break;
		if (hl && !hr && allow_newer)
			continue;
		if (hl && (!hr || kl < kr)) {
			note(t, 0, "reporter_contact: the contact of report "
			    "%lld is missing from the restored copy", kl);
			break;
		}
		if (hr && (!hl || kr < kl)) {
			note(t, 0, "reporter_contact: the contact of report "
			    "%lld is only in the restored copy", kr);
			break;
		}
		if (hl == 2 && hr == 2) {
			t->both_unopened++;
			continue;
		}
		if (hl != hr) {
			note(t, 0, "reporter_contact: the contact of report "
			    "%lld does not open with the %s keys", kl,
			    hr == 2 ? "restored" : "live");
			break;
		}
		if (memcmp(dl, dr, sizeof(dl)) != 0) {
			note(t, 0, "reporter_contact: the contact details of "
			    "report %lld differ", kl);
			break;
		}
	}
done:
	mp_contact_scan_done(&r);
	mp_contact_scan_done(&l);
}

/* One side's next bad attachment: 1 an id, 0 the end, -1 an error. */
static int
bad_step(struct mp_tablesum_scan *sc, int *ended, long long *id)
{
	enum mp_err	 er;

	if (*ended)
		return 0;
	if ((er = mp_tablesum_bad_next(sc, id)) == MP_ENOTFOUND) {
		*ended = 1;
		return 0;
	}
	return er == MP_OK ? 1 : -1;
}

/*
 * Each side's attachments against their own SHA-256 column: one that
 * does not match in the copy but does live is a difference; one that
 * matches on neither side is as the live database has it.
 */
static void
check_attachments(struct side *live, struct side *rest, struct tally *t)
{
	struct mp_tablesum_scan	 l, r;
	long long		 kl = 0, kr = 0;
	int			 endl = 0, endr = 0, hl, hr;

	memset(&l, 0, sizeof(l));
	memset(&r, 0, sizeof(r));
	if (mp_tablesum_bad_start(live->db, &l) != MP_OK ||
	    mp_tablesum_bad_start(rest->db, &r) != MP_OK) {
		note(t, 1, "attachment: cannot check the SHA-256 sums");
		goto done;
	}
	for (;;) {
		hl = bad_step(&l, &endl, &kl);
		hr = bad_step(&r, &endr, &kr);
		if (hl < 0 || hr < 0) {
			note(t, 1, "attachment: cannot read the SHA-256 sums");
			break;
		}
		if (!hl && !hr)
			break;
		if (hr && (!hl || kr < kl)) {
			note(t, 0, "attachment: id %lld does not match its "
			    "SHA-256 in the restored copy", kr);
			break;
		}
		if (hl && (!hr || kl < kr)) {
			note(t, 0, "attachment: id %lld does not match its "
			    "SHA-256 in the live database only", kl);
			break;
		}
		t->both_bad++;
	}
done:
	mp_tablesum_done(&r);
	mp_tablesum_done(&l);
}

static void
report(struct tally *t)
{
	size_t	 i;
	int	 state;

	state = t->diffs > 0 ? CTL_CRITICAL : t->unknown > 0 ?
	    CTL_UNKNOWN : CTL_OK;
	printf("MELDPUNT BACKUP %s - ", ctl_health_state_name(state));
	if (state == CTL_OK)
		printf("the restored copy equals the live database: ");
	else
		printf("%s; ", t->problems);
	printf("%d tables, %lld rows, %lld contact fields, %lld "
	    "attachments equal", MP_TABLESUM_NTABLES, t->nrows, t->fields,
	    t->attachments);
	if (t->newer > 0)
		printf(", %lld newer rows on the live side", t->newer);
	/* Not differences, but an operator should know of them. */
	if (t->both_unopened > 0)
		printf(", %lld contacts unreadable on both sides as live",
		    t->both_unopened);
	if (t->both_bad > 0)
		printf(", %lld attachments off their SHA-256 on both sides as"
		    " live", t->both_bad);
	printf(" | differences=%d;;1;0; newer=%lld;;;0; contact_fields=%lld;"
	    ";;0;", t->diffs, t->newer, t->fields);
	for (i = 0; i < MP_TABLESUM_NTABLES; i++)
		printf(" %s=%lld;;;0;", mp_tablesum_name(i), t->rows[i]);
	putchar('\n');
}

/* db.name of a configuration, "" when unset. */
static const char *
dbname(const struct mp_conf *conf)
{
	const char	*v = mp_confkey_str(conf, MP_CK_DB_NAME);

	return v != NULL ? v : "";
}

/* The restored side from its configuration file: keys and database. */
static int
open_restored(const char *path, struct mp_conf **conf, struct mp_keys *keys,
    struct mp_db **db, char *err, size_t errsz)
{
	const char	*kf;

	if (mp_conf_load(conf, path, err, errsz) != MP_OK)
		return -1;
	kf = mp_confkey_str(*conf, MP_CK_CRYPTO_KEY_FILE);
	if (kf == NULL || kf[0] == '\0') {
		(void)snprintf(err, errsz, "%s: crypto.key_file is not set",
		    path);
		return -1;
	}
	if (mp_keys_load(keys, kf, err, errsz) != MP_OK ||
	    mp_keys_load_contact(keys, *conf, 1, err, errsz) != MP_OK)
		return -1;
	if (mp_db_open_as(db, *conf, "admin") != MP_OK) {
		(void)snprintf(err, errsz, "%s: cannot set up the database "
		    "connection (password file?)", path);
		return -1;
	}
	return 0;
}

int
cmd_backup_check(struct ctl *c, int argc, char **argv)
{
	struct side	 live, rest;
	struct tally	 t;
	struct mp_conf	*rconf = NULL;
	struct mp_keys	 rkeys;
	struct mp_db	*rdb = NULL;
	const char	*path;
	char		 err[512], why[600];
	size_t		 i;
	int		 allow_newer = 0, rc;

	memset(&t, 0, sizeof(t));
	memset(&rkeys, 0, sizeof(rkeys));
	if (argc == 3 && strcmp(argv[1], "--allow-newer") == 0)
		allow_newer = 1;
	else if (argc != 2 || argv[1][0] == '-')
		return unknown("usage: meldpuntctl backup-check "
		    "[--allow-newer] RESTORED.hdf");
	path = argv[argc - 1];
	if (open_restored(path, &rconf, &rkeys, &rdb, err, sizeof(err)) ==
	    -1) {
		(void)snprintf(why, sizeof(why), "restored copy: %s", err);
		rc = unknown(why);
		goto done;
	}
	if (mp_db_connect(c->db) != MP_OK || mp_db_connect(rdb) != MP_OK) {
		rc = unknown(mp_db_host(c->db) == NULL ?
		    "cannot connect to the live database" :
		    "cannot connect to the restored database");
		goto done;
	}
	/* A copy compared with itself would prove nothing. */
	if (strcmp(mp_db_host(c->db), mp_db_host(rdb)) == 0 &&
	    strcmp(dbname(c->conf), dbname(rconf)) == 0) {
		rc = unknown("the restored copy is the live "
		    "database (same server and db.name)");
		goto done;
	}
	live = (struct side){ "live", c->db, &c->keys };
	rest = (struct side){ "restored", rdb, &rkeys };
	for (i = 0; i < MP_TABLESUM_NTABLES; i++)
		compare_table(&live, &rest, i, allow_newer, &t);
	compare_contacts(&live, &rest, allow_newer, &t);
	check_attachments(&live, &rest, &t);
	for (i = 0; i < MP_TABLESUM_NTABLES; i++)
		if (strcmp(mp_tablesum_name(i), "attachment") == 0)
			t.attachments = t.rows[i];
	report(&t);
	rc = t.diffs > 0 ? CTL_CRITICAL : t.unknown > 0 ? CTL_UNKNOWN :
	    CTL_OK;
done:
	mp_db_close(rdb);
	mp_conf_free(rconf);
	mp_keys_wipe(&rkeys);
	return rc;
}
