/*
 * grants.c -- meldpuntctl grants: create the database accounts (the
 * shared one and each program's own) and give each exactly the grants
 * of its file in paths.sql.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "ctl.h"

#define GRANTS_MAX	(1024 * 1024)

/* 1 if s is safe inside '' in an account name: letters, digits, ._-%: */
static int
account_part(const char *s, size_t max)
{
	size_t	 n;

	for (n = 0; s[n] != '\0'; n++)
		if (!isalnum((unsigned char)s[n]) &&
		    strchr("._-%:", s[n]) == NULL)
			return 0;
	return n > 0 && n <= max;
}

/* The password's hash as the server stores it ("*" and 40 hex). */
static enum mp_err
password_hash(struct mp_db *db, const char *pw, char out[42])
{
	static const char *const sql = "SELECT PASSWORD(?)";
	enum { PW_HASH };	/* sql's column */
	struct mp_stmt	*s;
	struct mp_dbval	 v[1];
	const char	*h;
	size_t		 i, len;
	enum mp_err	 er;

	v[0] = MP_DBTEXT(pw);
	if ((er = mp_db_query(db, &s, sql, v, 1)) != MP_OK)
		return er;
	er = MP_EDB;
	if (mp_db_next(s) == MP_OK &&
	    (h = mp_db_text(s, PW_HASH, &len)) != NULL && len == 41 &&
	    h[0] == '*') {
		for (i = 1; i < 41; i++)
			if (!isxdigit((unsigned char)h[i]))
				break;
		if (i == 41) {
			memcpy(out, h, 42);
			er = MP_OK;
		}
	}
	mp_db_done(s);
	return er;
}

/* A configuration key below an account's section: "db" + ".user". */
static const char *
acct_str(struct ctl *c, const char *sect, const char *key, const char *def)
{
	char	 k[96];

	(void)snprintf(k, sizeof(k), "%s.%s", sect, key);
	return ctl_conf_get(c, k, def);
}

/*
 * An account's password from <sect>.password or the first line of
 * <sect>.password_file (sect "db" for the shared account, "db.intake"
 * for a program's), read as the programs read it (lib/db.c).  The
 * caller frees *pw with mp_alloc_freezero.
 */
static int
app_password(struct ctl *c, const char *sect, char **pw)
{
	const char	*account = strchr(sect, '.');
	char		 err[512];
	enum mp_err	 er;

	er = mp_db_password(c->conf, account != NULL ? account + 1 : NULL,
	    pw, err, sizeof(err));
	if (er == MP_ENOTFOUND)
		ctl_warnx("%s.password or %s.password_file must be set", sect,
		    sect);
	else if (er == MP_ECONF)
		ctl_warnx("%s", err);
	else if (er != MP_OK)
		ctl_warnx("%s", mp_err_str(er));
	else if ((*pw)[0] == '\0' &&
	    acct_str(c, sect, "password", NULL) == NULL)
		ctl_warnx("%s: empty", acct_str(c, sect, "password_file", ""));
	else
		return 0;
	if (*pw != NULL)
		mp_alloc_freezero(*pw, strlen(*pw));
	*pw = NULL;
	return -1;
}

/* Replace every from in text by to, into out. */
static enum mp_err
subst(struct mp_buf *out, const char *text, const char *from,
    const char *to)
{
	const char	*p;
	size_t		 flen = strlen(from);
	enum mp_err	 er;

	while ((p = strstr(text, from)) != NULL) {
		if ((er = mp_buf_add(out, text, (size_t)(p - text))) !=
		    MP_OK || (er = mp_buf_addstr(out, to)) != MP_OK)
			return er;
		text = p + flen;
	}
	return mp_buf_addstr(out, text);
}

/* Read dir/name into b. */
static int
read_grants(const char *dir, const char *name, struct mp_buf *b)
{
	char	 path[PATH_MAX], tmp[4096];
	FILE	*f;
	size_t	 n;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	    sizeof(path)) {
		ctl_warnx("%s: path too long", dir);
		return -1;
	}
	if ((f = fopen(path, "r")) == NULL) {
		ctl_warnx("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0)
		if (mp_buf_add(b, tmp, n) != MP_OK) {
			fclose(f);
			ctl_warnx("%s: too big", path);
			return -1;
		}
	if (ferror(f)) {
		fclose(f);
		ctl_warnx("%s: read error", path);
		return -1;
	}
	fclose(f);
	return 0;
}

/*
 * The programs that may have a database account of their own
 * (db.<program>.user), each with the grants of grants-<program>.sql:
 * what that program needs and no more (see the files for why).
 */
const char *const ctl_grant_progs[CTL_NPROGS] = {
	"intake", "feedback", "export", "dashboard", "retention"
};

/*
 * Create the account qu@qh (both quoted) with the password hash, or set
 * the hash if it exists; with exact, also revoke every right it had, so
 * that the grants file alone says what it may.  0, or -1 with a warning.
 */
static int
create_user(struct ctl *c, const char *qu, const char *qh,
    const char *hash, int exact)
{
	struct mp_buf	 sql;
	char		 why[256];
	int		 rc = -1, i;
	enum mp_err	 er;

	mp_buf_init(&sql, 1024);
	for (i = 0; i < (exact ? 3 : 2); i++) {
		mp_buf_reset(&sql);
		if (i == 0)
			er = mp_buf_printf(&sql, "CREATE USER IF NOT EXISTS"
			    " %s@%s IDENTIFIED BY PASSWORD '%s'", qu, qh,
			    hash);
		else if (i == 1)
			er = mp_buf_printf(&sql, "ALTER USER %s@%s"
			    " IDENTIFIED BY PASSWORD '%s'", qu, qh, hash);
		else
			er = mp_buf_printf(&sql, "REVOKE ALL PRIVILEGES,"
			    " GRANT OPTION FROM %s@%s", qu, qh);
		if (er != MP_OK)
			goto out;
		if ((er = mp_db_exec_once(c->db, mp_buf_str(&sql),
		    mp_buf_len(&sql), NULL, 0, NULL)) != MP_OK) {
			ctl_warnx("cannot %s user %s@%s: %s", i < 2 ?
			    "create" : "reset the rights of", qu, qh,
			    ctl_dbwhy(c, er, why, sizeof(why)));
			goto out;
		}
	}
	rc = 0;
out:
	mp_buf_free(&sql);
	return rc;
}

/*
 * Create (or update) one account and give it the grants of file.  sect
 * is "db" for the shared account or "db.<program>".  A program's
 * account loses every right first, so that it holds exactly what its
 * file grants even after a right was taken out of the file; the shared
 * account keeps the old behaviour (grants only add).
 *
 * CREATE USER and GRANT cannot take placeholders for names or the
 * password, so these statements are text.  Only validated parts go in:
 * the user and host match account_part() and the password enters as
 * the server's own hash of it (hex), computed by a prepared SELECT.
 */
static int
grant_account(struct ctl *c, const char *sect, const char *file,
    int exact)
{
	const char	*user = acct_str(c, sect, "user", "meldpunt");
	const char	*host = acct_str(c, sect, "app_host",
			    mp_confkey_str(c->conf, MP_CK_DB_APP_HOST));
	const char	*dir = mp_confkey_str(c->conf, MP_CK_PATHS_SQL);
	struct mp_buf	 text, a, b;
	char		*pw = NULL;
	char		 hash[42], qu[128], qh[128], why[256];
	int		 rc = 1, line = 0;
	enum mp_err	 er;

	mp_buf_init(&text, GRANTS_MAX);
	mp_buf_init(&a, GRANTS_MAX);
	mp_buf_init(&b, GRANTS_MAX);
	if (!account_part(user, 80)) {
		ctl_warnx("%s.user: only letters, digits and ._- allowed",
		    sect);
		goto out;
	}
	if (!account_part(host, 255)) {
		ctl_warnx("%s.app_host: only letters, digits and ._-%%:"
		    " allowed", sect);
		goto out;
	}
	if (app_password(c, sect, &pw) == -1 ||
	    read_grants(dir, file, &text) == -1)
		goto out;
	if ((er = password_hash(c->db, pw, hash)) != MP_OK) {
		ctl_warnx("cannot hash the password: %s",
		    ctl_dbwhy(c, er, why, sizeof(why)));
		goto out;
	}
	snprintf(qu, sizeof(qu), "'%s'", user);
	snprintf(qh, sizeof(qh), "'%s'", host);
	if (create_user(c, qu, qh, hash, exact) == -1)
		goto out;
	if (subst(&a, mp_buf_str(&text), "@APPUSER@", qu) != MP_OK ||
	    subst(&b, mp_buf_str(&a), "@APPHOST@", qh) != MP_OK) {
		ctl_warnx("%s: too big", file);
		goto out;
	}
	if ((er = mp_migrate_sql_run(c->db, mp_buf_str(&b), mp_buf_len(&b),
	    &line)) != MP_OK) {
		ctl_warnx("%s line %d: %s", file, line,
		    ctl_dbwhy(c, er, why, sizeof(why)));
		goto out;
	}
	printf("user %s@%s has its grants (%s)\n", qu, qh, file);
	rc = 0;
out:
	if (pw != NULL)
		mp_alloc_freezero(pw, strlen(pw));
	mp_buf_free(&text);
	mp_buf_free(&a);
	mp_buf_free(&b);
	return rc;
}

/*
 * The shared account (db.user: meldpuntctl's own commands, and every
 * program without an account of its own) gets grants.sql; each program
 * with db.<program>.user set gets its own account and file.  Two
 * accounts with one name would add up their rights, so that is refused.
 */
int
cmd_grants(struct ctl *c, int argc, char **argv)
{
	const char	*u[CTL_NPROGS + 1];
	char		 sect[32], file[64];
	size_t		 i, j, n = 0;

	(void)argc;
	(void)argv;
	u[n++] = mp_confkey_str(c->conf, MP_CK_DB_USER);
	for (i = 0; i < CTL_NPROGS; i++) {
		(void)snprintf(sect, sizeof(sect), "db.%s",
		    ctl_grant_progs[i]);
		if ((u[n] = acct_str(c, sect, "user", "")) [0] == '\0')
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(u[j], u[n]) == 0) {
				ctl_warnx("%s.user: \"%s\" is another"
				    " account's name; each program needs its"
				    " own", sect, u[n]);
				return 1;
			}
		n++;
	}
	if (grant_account(c, "db", "grants.sql", 0) != 0)
		return 1;
	for (i = 0; i < CTL_NPROGS; i++) {
		(void)snprintf(sect, sizeof(sect), "db.%s",
		    ctl_grant_progs[i]);
		if (acct_str(c, sect, "user", "")[0] == '\0')
			continue;
		(void)snprintf(file, sizeof(file), "grants-%s.sql",
		    ctl_grant_progs[i]);
		if (grant_account(c, sect, file, 1) != 0)
			return 1;
	}
	return 0;
}
