/*
 * migrate.c -- schema migrations: apply sql/NNN_name.sql files in
 * numeric order, each once, and record each in schema_migrations with
 * the SHA-256 of its text so that an applied file edited afterwards is
 * noticed instead of silently diverging from the databases it built.
 *
 * MariaDB commits DDL implicitly, so a migration is not atomic: a file
 * that fails halfway is not recorded and the error names the statement;
 * the operator repairs the database and runs migrate again.  Migration
 * files therefore prefer statements that can be repeated.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "log.h"
#include "migrate.h"

#define MIGRATION_MAX	(16 * 1024 * 1024)

enum stmt {
	STMT_BOOTSTRAP,
	STMT_LIST,
	STMT_RECORD,
	STMT_VERSION,
	STMT_EXISTS,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_BOOTSTRAP */
	"CREATE TABLE IF NOT EXISTS schema_migrations ("
	" version INT UNSIGNED NOT NULL PRIMARY KEY,"
	" name VARCHAR(200) NOT NULL,"
	" sha256 CHAR(64) NOT NULL,"
	" applied_at DATETIME NOT NULL"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
	" COLLATE=utf8mb4_unicode_ci",
	/* STMT_LIST */
	"SELECT version, name, sha256 FROM schema_migrations"
	" ORDER BY version",
	/* STMT_RECORD */
	"INSERT INTO schema_migrations (version, name, sha256, applied_at)"
	" VALUES (?, ?, ?, UTC_TIMESTAMP())",
	/* STMT_VERSION */
	"SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
	/* STMT_EXISTS */
	"SELECT COUNT(*) FROM information_schema.tables"
	" WHERE table_schema = DATABASE()"
	" AND table_name = 'schema_migrations'",
};

/* STMT_LIST's columns (STMT_VERSION and STMT_EXISTS have one). */
enum {
	LIST_VERSION,
	LIST_NAME,
	LIST_SHA
};

struct mfile {
	long	 version;
	char	 name[256];
};

struct applied {
	long	 version;
	char	 name[201];
	char	 sha[65];
};

/* 1 if name is NNN_[a-z0-9_]+.sql; *version gets NNN. */
static int
migration_name(const char *name, long *version)
{
	size_t	 len = strlen(name), i;

	if (len < 4 + 1 + 4 || len >= sizeof(((struct mfile *)0)->name))
		return 0;
	for (i = 0; i < 3; i++)
		if (!isdigit((unsigned char)name[i]))
			return 0;
	if (name[3] != '_' || strcmp(name + len - 4, ".sql") != 0)
		return 0;
	for (i = 4; i < len - 4; i++)
		if (!(islower((unsigned char)name[i]) ||
		    isdigit((unsigned char)name[i]) || name[i] == '_') ||
		    (unsigned char)name[i] > 0x7f)
			return 0;
	*version = (name[0] - '0') * 100 + (name[1] - '0') * 10 +
	    (name[2] - '0');
	return 1;
}

static int
mfile_cmp(const void *a, const void *b)
{
	const struct mfile	*x = a, *y = b;

	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* The migration files of dir, sorted; *files is malloc'd. */
static enum mp_err
scan(const char *dir, struct mfile **files, size_t *nfiles, char *err,
    size_t errsz)
{
	DIR		*d;
	struct dirent	*de;
	struct mfile	*f = NULL, *nf;
	size_t		 n = 0, i;
	long		 v;
	enum mp_err	 er = MP_ESYS;

	*files = NULL;
	*nfiles = 0;
	if ((d = opendir(dir)) == NULL) {
		snprintf(err, errsz, "%s: %s", dir, strerror(errno));
		return MP_ESYS;
	}
	while ((de = readdir(d)) != NULL) {
		if (!migration_name(de->d_name, &v))
			continue;
		if ((nf = mp_alloc_reallocarray(f, n + 1,
		    sizeof(*f))) == NULL) {
			snprintf(err, errsz, "out of memory");
			er = MP_ENOMEM;
			goto fail;
		}
		f = nf;
		f[n].version = v;
		(void)snprintf(f[n].name, sizeof(f[n].name), "%s", de->d_name);
		n++;
	}
	/* qsort(NULL, 0, ...) is undefined: an empty directory has no list. */
	if (n > 1)
		qsort(f, n, sizeof(*f), mfile_cmp);
	for (i = 1; i < n; i++)
		if (f[i].version == f[i - 1].version) {
			snprintf(err, errsz, "two migrations numbered %03ld:"
			    " %s and %s", f[i].version, f[i - 1].name,
			    f[i].name);
			er = MP_ECONF;
			goto fail;
		}
	closedir(d);
	*files = f;
	*nfiles = n;
	return MP_OK;
fail:
	closedir(d);
	free(f);
	return er;
}

/* Read a whole file into b. */
static enum mp_err
slurp(const char *path, struct mp_buf *b, char *err, size_t errsz)
{
	char		 tmp[8192];
	ssize_t		 n;
	int		 fd;
	enum mp_err	 er = MP_OK;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return MP_ESYS;
	}
	for (;;) {
		n = read(fd, tmp, sizeof(tmp));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			snprintf(err, errsz, "%s: %s", path, strerror(errno));
			er = MP_ESYS;
			break;
		}
		if (n == 0)
			break;
		if ((er = mp_buf_add(b, tmp, (size_t)n)) != MP_OK) {
			snprintf(err, errsz, "%s: %s", path, mp_err_str(er));
			break;
		}
	}
	close(fd);
	return er;
}

/*
 * Split SQL text into statements: a statement ends at a ";" that is the
 * last thing on its line outside quotes.  "-- " comments (to the end of
 * the line, outside quotes) are dropped, blank statements skipped.  As
 * in the mariadb client, a line "DELIMITER //" between statements makes
 * "//" the end instead, so that a stored function's body, whose lines
 * end in ";", stays one statement ("DELIMITER ;" goes back).  For each
 * statement fn(arg, text, len) is called; its error stops the split.
 * *lineno gets the first line of the statement being run.
 */
typedef enum mp_err (*stmt_fn)(void *, const char *, size_t);

#define DELIM_MAX	8

/*
 * If the code line (no leading space) is "DELIMITER x", make x the
 * delimiter and say 1.
 */
static int
delimiter_line(const char *p, size_t len, char delim[DELIM_MAX + 1],
    size_t *dlen)
{
	size_t	 n;

	if (len < 10 || strncasecmp(p, "DELIMITER", 9) != 0 ||
	    !isspace((unsigned char)p[9]))
		return 0;
	p += 9;
	len -= 9;
	while (len > 0 && isspace((unsigned char)*p)) {
		p++;
		len--;
	}
	for (n = 0; n < len && !isspace((unsigned char)p[n]); n++)
		continue;
	if (n == 0 || n > DELIM_MAX)
		return 0;
	memcpy(delim, p, n);
	delim[n] = '\0';
	*dlen = n;
	return 1;
}

/*
 * A parser, kept in one piece on purpose: the quote state q, the
 * statement's first line and the delimiter carry from one line to the
 * next, and the comment, delimiter and end-of-statement tests all read
 * them.  Split into helpers, each would take and return that whole state;
 * read top to bottom it is one pass over the lines.
 * long: one pass over the lines, with the state carried between them.
 */
static enum mp_err
split_sql(const char *text, size_t len, stmt_fn fn, void *arg,
    int *lineno)
{
	struct mp_buf	 st;
	size_t		 i, lend, cend, dlen = 1;
	char		 q = '\0', delim[DELIM_MAX + 1] = ";";
	int		 line = 1, first = 0;
	enum mp_err	 er = MP_OK;
	int		 blank;
	size_t		 k;

	mp_buf_init(&st, MIGRATION_MAX);
	for (i = 0; i < len; i = lend + 1, line++) {
		for (lend = i; lend < len && text[lend] != '\n'; lend++)
			continue;
		/* Find where the code on this line ends (comment start). */
		for (cend = i; cend < lend; cend++) {
			char	 c = text[cend];

			if (q != '\0') {
				if (c == '\\' && q != '`' && cend + 1 < lend)
					cend++;
				else if (c == q)
					q = '\0';
				continue;
			}
			if (c == '\'' || c == '"' || c == '`')
				q = c;
			else if (c == '-' && cend + 1 < lend &&
			    text[cend + 1] == '-' && (cend + 2 == lend ||
			    isspace((unsigned char)text[cend + 2])))
				break;
		}
		/* A statement starts on its first line with code. */
		if (first == 0) {
			for (k = i; k < cend; k++)
				if (!isspace((unsigned char)text[k]))
					break;
			if (k < cend && delimiter_line(text + k, cend - k,
			    delim, &dlen))
				continue;
			if (k < cend)
				first = line;
		}
		if ((er = mp_buf_add(&st, text + i, cend - i)) != MP_OK ||
		    (er = mp_buf_addc(&st, '\n')) != MP_OK)
			goto out;
		if (q != '\0')
			continue;
		/* Does the code end in the delimiter? */
		k = cend;
		while (k > i && isspace((unsigned char)text[k - 1]))
			k--;
		if (k - i < dlen || memcmp(text + k - dlen, delim, dlen) != 0)
			continue;
		{
			const char	*s = mp_buf_str(&st);
			size_t		 n = mp_buf_len(&st), j;

			/* Drop the delimiter and trailing space. */
			while (n > 0 && (isspace((unsigned char)s[n - 1])))
				n--;
			if (n >= dlen &&
			    memcmp(s + n - dlen, delim, dlen) == 0)
				n -= dlen;
			blank = 1;
			for (j = 0; j < n; j++)
				if (!isspace((unsigned char)s[j]) &&
				    s[j] != ';') {
					blank = 0;
					break;
				}
			if (!blank) {
				if (lineno != NULL)
					*lineno = first;
				if ((er = fn(arg, s, n)) != MP_OK)
					goto out;
			}
			mp_buf_reset(&st);
			first = 0;
		}
	}
	/* A last statement without ";". */
	{
		const char	*s = mp_buf_str(&st);
		size_t		 n = mp_buf_len(&st), j;

		for (j = 0; j < n; j++)
			if (!isspace((unsigned char)s[j])) {
				if (lineno != NULL)
					*lineno = first;
				er = fn(arg, s, n);
				break;
			}
	}
out:
	mp_buf_free(&st);
	return er;
}

static enum mp_err
run_one(void *arg, const char *sql, size_t len)
{

	return mp_db_exec_once(arg, sql, len, NULL, 0, NULL);
}

enum mp_err
mp_migrate_sql_run(struct mp_db *db, const char *text, size_t len, int *line)
{
	int	 l = 0;
	enum mp_err er;

	er = split_sql(text, len, run_one, db, &l);
	if (line != NULL)
		*line = l;
	return er;
}

/* The applied migrations, in version order; *out is malloc'd. */
static enum mp_err
list_applied(struct mp_db *db, struct applied **out, size_t *nout)
{
	struct mp_stmt	*s;
	struct applied	*a = NULL, *na;
	size_t		 n = 0;
	const char	*p;
	enum mp_err	 er;

	*out = NULL;
	*nout = 0;
	if ((er = mp_db_query(db, &s, stmts[STMT_LIST], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(s)) == MP_OK) {
		if ((na = mp_alloc_reallocarray(a, n + 1,
		    sizeof(*a))) == NULL) {
			er = MP_ENOMEM;
			break;
		}
		a = na;
		a[n].version = (long)mp_db_int(s, LIST_VERSION);
		p = mp_db_text(s, LIST_NAME, NULL);
		(void)snprintf(a[n].name, sizeof(a[n].name), "%s", p ? p : "");
		p = mp_db_text(s, LIST_SHA, NULL);
		(void)snprintf(a[n].sha, sizeof(a[n].sha), "%s", p ? p : "");
		n++;
	}
	mp_db_done(s);
	if (er != MP_ENOTFOUND) {
		free(a);
		return er;
	}
	*out = a;
	*nout = n;
	return MP_OK;
}

static const struct applied *
find_applied(const struct applied *a, size_t n, long version)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (a[i].version == version)
			return &a[i];
	return NULL;
}

/* Read dir/name into text; a path too long says so in err. */
static enum mp_err
read_migration(const char *dir, const char *name, struct mp_buf *path,
    struct mp_buf *text, char *err, size_t errsz)
{
	enum mp_err	 er;

	mp_buf_reset(path);
	mp_buf_reset(text);
	if ((er = mp_buf_printf(path, "%s/%s", dir, name)) != MP_OK) {
		snprintf(err, errsz, "%s: path too long", name);
		return er;
	}
	return slurp(mp_buf_str(path), text, err, errsz);
}

/*
 * Check that every file already applied is unchanged, in content and
 * name, so that a refusal comes before anything is changed.
 */
static enum mp_err
check_applied(const char *dir, const struct mfile *files, size_t nfiles,
    const struct applied *done, size_t ndone, struct mp_buf *path,
    struct mp_buf *text, char *err, size_t errsz)
{
	const struct applied	*ap;
	unsigned char		 md[MP_SHA256_LEN];
	char			 hex[2 * MP_SHA256_LEN + 1];
	size_t			 i;
	enum mp_err		 er;

	for (i = 0; i < nfiles; i++) {
		if ((er = read_migration(dir, files[i].name, path, text, err,
		    errsz)) != MP_OK)
			return er;
		if ((ap = find_applied(done, ndone, files[i].version)) ==
		    NULL)
			continue;
		mp_crypto_sha256(md, mp_buf_str(text), mp_buf_len(text));
		mp_crypto_hex(hex, md, sizeof(md));
		if (strcmp(hex, ap->sha) != 0) {
			snprintf(err, errsz, "migration %s changed after it"
			    " was applied", files[i].name);
			return MP_ECONF;
		}
		if (strcmp(ap->name, files[i].name) != 0) {
			snprintf(err, errsz, "migration %s was applied as %s",
			    files[i].name, ap->name);
			return MP_ECONF;
		}
	}
	return MP_OK;
}

/*
 * Run one migration whose text is read and record it with its checksum,
 * so that a later change to the file is refused.
 */
static enum mp_err
apply_one(struct mp_db *db, const struct mfile *f, const struct mp_buf *text,
    char *err, size_t errsz)
{
	struct mp_dbval		 v[3];
	unsigned char		 md[MP_SHA256_LEN];
	char			 hex[2 * MP_SHA256_LEN + 1];
	int			 line = 0;
	enum mp_err		 er;

	mp_crypto_sha256(md, mp_buf_str(text), mp_buf_len(text));
	mp_crypto_hex(hex, md, sizeof(md));
	/* The log line names the entry point, as it always has. */
	mp_infox("%s: applying %s", "mp_migrate", f->name);
	if ((er = mp_migrate_sql_run(db, mp_buf_str(text), mp_buf_len(text),
	    &line)) != MP_OK) {
		snprintf(err, errsz, "migration %s failed at the"
		    " statement on line %d: %s (error %u)",
		    f->name, line, mp_err_str(er), mp_db_errno(db));
		return er;
	}
	v[0] = MP_DBINT(f->version);
	v[1] = MP_DBTEXTN(f->name, strlen(f->name));
	v[2] = MP_DBTEXTN(hex, strlen(hex));
	if ((er = mp_db_exec(db, stmts[STMT_RECORD], v, 3, NULL,
	    NULL)) != MP_OK) {
		snprintf(err, errsz, "migration %s applied but not"
		    " recorded: %s", f->name, mp_err_str(er));
		return er;
	}
	return MP_OK;
}

enum mp_err
mp_migrate(struct mp_db *db, const char *dir, int *applied, char *err,
    size_t errsz)
{
	struct mfile		*files = NULL;
	struct applied		*done = NULL;
	struct mp_buf		 text, path;
	size_t			 nfiles = 0, ndone = 0, i;
	enum mp_err		 er;

	*applied = 0;
	if (errsz > 0)
		err[0] = '\0';
	mp_buf_init(&text, MIGRATION_MAX);
	mp_buf_init(&path, 4096);
	if ((er = scan(dir, &files, &nfiles, err, errsz)) != MP_OK)
		goto out;
	if ((er = mp_db_exec(db, stmts[STMT_BOOTSTRAP], NULL, 0, NULL,
	    NULL)) != MP_OK) {
		snprintf(err, errsz, "cannot create schema_migrations: %s",
		    mp_err_str(er));
		goto out;
	}
	if ((er = list_applied(db, &done, &ndone)) != MP_OK) {
		snprintf(err, errsz, "cannot read schema_migrations: %s",
		    mp_err_str(er));
		goto out;
	}
	if ((er = check_applied(dir, files, nfiles, done, ndone, &path,
	    &text, err, errsz)) != MP_OK)
		goto out;
	for (i = 0; i < nfiles; i++) {
		if (find_applied(done, ndone, files[i].version) != NULL)
			continue;
		if ((er = read_migration(dir, files[i].name, &path, &text,
		    err, errsz)) != MP_OK ||
		    (er = apply_one(db, &files[i], &text, err, errsz)) !=
		    MP_OK)
			goto out;
		(*applied)++;
	}
	er = MP_OK;
out:
	mp_buf_free(&text);
	mp_buf_free(&path);
	free(files);
	free(done);
	return er;
}

long
mp_migrate_version(struct mp_db *db)
{
	struct mp_stmt	*s;
	long		 v;
	enum mp_err	 er;

	/* A fresh database has no table yet: version 0, not an error. */
	if (mp_db_query(db, &s, stmts[STMT_EXISTS], NULL, 0) != MP_OK)
		return -1;
	v = mp_db_next(s) == MP_OK ? (long)mp_db_int(s, 0) : -1;
	mp_db_done(s);
	if (v <= 0)
		return v;
	if (mp_db_query(db, &s, stmts[STMT_VERSION], NULL, 0) != MP_OK)
		return -1;
	if ((er = mp_db_next(s)) == MP_OK)
		v = (long)mp_db_int(s, 0);
	else
		v = er == MP_ENOTFOUND ? 0 : -1;
	mp_db_done(s);
	return v;
}

enum mp_err
mp_migrate_latest(const char *dir, long *version, char *err, size_t errsz)
{
	struct mfile	*files = NULL;
	size_t		 nfiles = 0;
	enum mp_err	 er;

	*version = 0;
	if ((er = scan(dir, &files, &nfiles, err, errsz)) != MP_OK)
		return er;
	/* scan sorts by version. */
	if (nfiles > 0)
		*version = files[nfiles - 1].version;
	free(files);
	return MP_OK;
}
