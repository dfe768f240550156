/*
 * db.c -- MariaDB access through Connector/C prepared statements: one
 * lazily made connection per process, a statement cache keyed by the
 * address of the (static) SQL text, typed parameter binding, row
 * fetching into growing per-column buffers, error classification and a
 * transaction helper that retries transient failures.
 *
 * Connection generations: every (re)connect bumps db->gen.  A cached
 * statement prepared under an older generation belongs to a connection
 * that is gone; it is closed and prepared again the next time it is
 * used, so a lost connection costs nothing until a statement is needed.
 *
 * Several servers (db.hosts, or db.admin.hosts for the administrator;
 * dbhost.c): a connection goes to the first in the list that answers
 * within db.connect_timeout and is synced (a Galera node in state 4; a
 * server without wsrep always is).  A
 * connection lost to a dead or unready server (conn_error) moves the
 * next connect on to the following server, the lost one last; after
 * db.failback seconds on a later server, the first is tried again when
 * the next request begins (mp_db_idle).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>
#include <mysqld_error.h>
#include <errmsg.h>

#include "alloc.h"
#include "confkey.h"
#include "crypto.h"
#include "db.h"
#include "dbhost.h"
#include "errcode.h"
#include "log.h"

/* Parameters of this size or more go to the server in chunks. */
#define LONGDATA_MIN	(1024 * 1024)
#define LONGDATA_CHUNK	(256 * 1024)
/* A column buffer starts this big and grows to the largest value seen. */
#define COL_INITIAL	64
/* Buffers grown beyond this are given back when a result is done. */
#define COL_KEEP	(256 * 1024)
#define MAX_PACKET	(64UL * 1024 * 1024)
#define PWFILE_MAX	4096

struct col {
	char		*buf;		/* cap + 1 bytes, for a NUL */
	size_t		 cap;
	unsigned long	 len;
	long long	 i;
	my_bool		 isnull;
	my_bool		 error;
	int		 isint;
};

/*
 * A cached prepared statement.  It doubles as the result handle that
 * mp_db_query hands out, which is why one SQL text can have only one
 * open result at a time (db.h).
 */
struct mp_stmt {
	struct mp_db	*db;
	const char	*sql;		/* key; NULL for one-shots */
	MYSQL_STMT	*st;
	unsigned	 gen;		/* connection generation */
	unsigned	 nparams;
	MYSQL_BIND	*pbind;
	unsigned long	*plen;
	unsigned	 ncols;
	MYSQL_BIND	*rbind;
	struct col	*cols;
	int		 active;	/* a result set is open */
};

/* Cached statements' text is NUL-terminated; one-shots log none. */
#define SQLLEN(s)	((s)->sql != NULL ? strlen((s)->sql) : 0)

struct mp_db {
	MYSQL		*my;		/* NULL while not connected */
	unsigned	 gen;
	unsigned	 lasterr;
	int		 downlogged;	/* MP_EDBDOWN logged */
	int		 intxn;
	unsigned	 nactive;	/* statements with an open result */

	struct mp_dbhost hosts[MP_DBHOST_MAX];
	int		 hostdown[MP_DBHOST_MAX]; /* its failure logged */
	size_t		 nhosts;
	size_t		 cur;		/* connected to, or to try first */
	size_t		 last;		/* last connected to; nhosts: none */
	long		 connected_ms;	/* when, now_ms() */
	long		 failback_ms;	/* 0: stay where it is */
	char		*name;
	char		*user;
	char		*password;	/* NULL: none; wiped on close */
	int		 retries;
	long		 retry_total_ms; /* retries end within this */
	unsigned	 connect_timeout;
	unsigned	 rw_timeout;
	int		 galera;	/* the server is a Galera node */

	/*
	 * The transaction mark (sql/063_txn_mark.sql): this process's
	 * random id (made again in a forked child, markpid), the number
	 * of its last txn(), whether that one's work wrote, and for the
	 * tests the commits yet to be treated as unanswered.
	 */
	unsigned char	 markid[16];
	pid_t		 markpid;
	int		 markrow;	/* its row is there (mark_row) */
	unsigned long long markseq;
	unsigned	 nomarkgen;	/* gen + 1 of a connection without */
	int		 wrote;
	int		 loseacks;

	/*
	 * What mp_db_bind set for the connection, set again on every new
	 * one (values copied into bindbuf, wiped on close).
	 */
	const char	*bindsql;
	size_t		 nbind;
	unsigned	 bindgen;	/* gen of the connection bound */
	struct mp_dbval	 bindv[MP_DB_BIND_MAX];
	unsigned char	 bindbuf[MP_DB_BIND_MAX][MP_DB_BIND_LEN];

	/* Open-addressed hash of statements by SQL address. */
	struct mp_stmt	**cache;
	size_t		 ncache;	/* slots, a power of two */
	size_t		 nused;
};

static const char *const stmts_db[] = {
	"SET time_zone = '+00:00'",
	"START TRANSACTION",
	/*
	 * GLOBAL_STATUS needs no privilege, so every program's account
	 * can ask.  Without wsrep the two values are NULL or OFF and the
	 * first column decides.
	 */
	"SELECT @@global.wsrep_on,"
	" (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
	"  WHERE VARIABLE_NAME = 'WSREP_READY'),"
	" (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS"
	"  WHERE VARIABLE_NAME = 'WSREP_LOCAL_STATE')",
	/* The process's mark, written last in a transaction that wrote. */
	"UPDATE txn_mark SET seq = ? WHERE client = ?",
	/* The row itself, once a process, outside any transaction. */
	"INSERT IGNORE INTO txn_mark (client, seq) VALUES (?, 0)",
	"SELECT seq FROM txn_mark WHERE client = ?",
	/*
	 * A causal read on Galera: the node applies what the cluster
	 * committed before it answers, the unanswered commit included
	 * had it reached the cluster.
	 */
	"SET SESSION wsrep_sync_wait = 1",
	"SET SESSION wsrep_sync_wait = DEFAULT",
	("DELETE FROM txn_mark WHERE updated_at < UTC_TIMESTAMP()"
	 " - INTERVAL ? SECOND"),
};
enum {
	STMT_TZ = 0, STMT_BEGIN, STMT_SYNCED, STMT_MARK, STMT_MARK_ROW,
	STMT_MARK_READ,
	STMT_SYNC_WAIT, STMT_SYNC_NOWAIT, STMT_MARK_PURGE
};
enum { COL_SYNCED_ON = 0, COL_SYNCED_READY, COL_SYNCED_STATE };
/* wsrep_local_state of a node that serves: Synced. */
#define WSREP_SYNCED	"4"

static long	 now_ms(void);
static struct mp_stmt *stmt_new(struct mp_db *, const char *);
static enum mp_err stmt_prepare(struct mp_stmt *, const char *, size_t);
static void	 stmt_unprepare(struct mp_stmt *);
static enum mp_err stmt_run(struct mp_stmt *, const struct mp_dbval *,
		    size_t, const char *);

/*
 * Errors that mean the connection is gone: the statement may be retried
 * on a new one.
 */
static int
conn_error(unsigned int e)
{

	switch (e) {
	case CR_CONNECTION_ERROR:	/* 2002 */
	case CR_CONN_HOST_ERROR:	/* 2003 */
	case CR_SERVER_GONE_ERROR:	/* 2006 */
	case CR_SERVER_LOST:		/* 2013 */
	case CR_SERVER_LOST_EXTENDED:	/* 2055 */
	case 1047:	/* WSREP not ready: another node may be */
	case 1053:	/* ER_SERVER_SHUTDOWN */
	case 1927:	/* ER_CONNECTION_KILLED */
	case 4031:	/* ER_NET_READ_ERROR idle disconnect */
		return 1;
	default:
		return 0;
	}
}

int
mp_db_transient(unsigned int e)
{

	if (conn_error(e))
		return 1;
	switch (e) {
	case 1205:	/* ER_LOCK_WAIT_TIMEOUT */
	case 1213:	/* ER_LOCK_DEADLOCK, Galera certification failure */
	case 1180:	/* ER_ERROR_DURING_COMMIT (Galera) */
	case 1412:	/* ER_TABLE_DEF_CHANGED */
	case 1615:	/* ER_NEED_REPREPARE */
		return 1;
	default:
		return 0;
	}
}

static int
dup_error(unsigned int e)
{

	switch (e) {
	case 1062:	/* ER_DUP_ENTRY */
	case 1586:	/* ER_DUP_ENTRY_WITH_KEY_NAME */
	case 1557:	/* ER_FOREIGN_DUPLICATE_KEY */
	case 1451:	/* ER_ROW_IS_REFERENCED_2 */
	case 1452:	/* ER_NO_REFERENCED_ROW_2 */
	case 4025:	/* ER_CONSTRAINT_FAILED (CHECK) */
		return 1;
	default:
		return 0;
	}
}

unsigned int
mp_db_errno(const struct mp_db *db)
{

	return db->lasterr;
}

/*
 * Forget the connection: statements keep their handles until they are
 * next used (or the db is closed), when the generation tells they are
 * stale.
 */
static void
disconnect(struct mp_db *db)
{

	if (db->my == NULL)
		return;
	mysql_close(db->my);
	db->my = NULL;
	db->gen++;
}

/*
 * Turn the last error of a statement (or of the connection when st is
 * NULL) into an mp_err, log it and drop a broken connection.  what names
 * the failing step; never log parameter values.
 */
/*
 * The start of a statement's text for a log line: at most 60 bytes of
 * it (migration text need not be NUL-terminated), on one line.
 */
static void
excerpt(char out[64], const char *sql, size_t len)
{
	size_t	 i, n = 0;

	if (sql == NULL)
		len = 0;
	for (i = 0; i < len && n < 60 && sql[i] != '\0'; i++) {
		if (sql[i] == '\n' || sql[i] == '\t' || sql[i] == '\r') {
			if (n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
		} else if (sql[i] != ' ' || (n > 0 && out[n - 1] != ' '))
			out[n++] = sql[i];
	}
	out[n] = '\0';
}

static enum mp_err
fail(struct mp_db *db, MYSQL_STMT *st, const char *func, const char *what,
    const char *sql, size_t sqllen)
{
	unsigned int	 e;
	const char	*msg;
	char		 ex[64];
	enum mp_err	 er;

	if (st != NULL) {
		e = mysql_stmt_errno(st);
		msg = mysql_stmt_error(st);
	} else if (db->my != NULL) {
		e = mysql_errno(db->my);
		msg = mysql_error(db->my);
	} else {
		e = CR_SERVER_GONE_ERROR;
		msg = "not connected";
	}
	db->lasterr = e;
	excerpt(ex, sql, sqllen);
	if (dup_error(e)) {
		mp_debugx("%s: %s: %u %s", func, what, e, msg);
		return MP_EDUP;
	}
	if (e == MP_DB_ERRNO_LIMIT) {
		mp_debugx("%s: %s: %u %s", func, what, e, msg);
		return MP_ELIMIT;
	}
	if (mp_db_transient(e)) {
		er = MP_EDBTRANS;
		mp_warnx("%s: %s: %u %s [%s]", func, what, e, msg, ex);
		/*
		 * The server died or stopped serving: the next connect
		 * starts at the next one in the list, this one last.  4031
		 * is the server closing an idle connection: it still
		 * answers, so it stays first.
		 */
		if (conn_error(e) && db->my != NULL && e != 4031 &&
		    db->nhosts > 1)
			db->cur = (db->cur + 1) % db->nhosts;
		if (conn_error(e))
			disconnect(db);
	} else {
		er = MP_EDB;
		mp_errx("%s: %s: %u %s [%s]", func, what, e, msg, ex);
	}
	return er;
}

/*
 * Read a password file: its first line, without the newline.  The
 * reason it failed goes to err, for the caller to log or print.
 */
static enum mp_err
read_pwfile(const char *path, char **out, char *err, size_t errsz)
{
	char		 buf[PWFILE_MAX + 1];
	ssize_t		 n;
	size_t		 len = 0;
	int		 fd;
	enum mp_err	 er = MP_ECONF;

	*out = NULL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		mp_err_set(err, errsz, "%s: %s", path, strerror(errno));
		return MP_ECONF;
	}
	while (len < sizeof(buf) - 1) {
		n = read(fd, buf + len, sizeof(buf) - 1 - len);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			mp_err_set(err, errsz, "%s: %s", path,
			    strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len == sizeof(buf) - 1) {
		mp_err_set(err, errsz, "%s: longer than %d bytes", path,
		    PWFILE_MAX - 1);
		goto out;
	}
	buf[len] = '\0';
	buf[strcspn(buf, "\r\n")] = '\0';
	er = (*out = mp_alloc_strdup(buf)) == NULL ? MP_ENOMEM : MP_OK;
out:
	mp_alloc_wipe(buf, sizeof(buf));
	close(fd);
	return er;
}

enum mp_err
mp_db_open(struct mp_db **dbp, const struct mp_conf *conf, int admin)
{

	return mp_db_open_as(dbp, conf, admin ? "admin" : NULL);
}

/*
 * The credentials of account into *user, *pw, *pwfile (strings of
 * conf).  "admin" is db.admin.* (root over the socket by default); a
 * program's name is db.<program>.* when db.<program>.user is set, and
 * the shared db.* account otherwise, so a simple installation keeps
 * one account for everything.
 */
static void
account_creds(const struct mp_conf *conf, const char *account,
    const char **user, const char **pw, const char **pwfile)
{
	const char	*u;

	if (account != NULL && strcmp(account, "admin") == 0) {
		*user = mp_confkey_str(conf, MP_CK_DB_ADMIN_USER);
		*pw = mp_confkey_str(conf, MP_CK_DB_ADMIN_PASSWORD);
		*pwfile = mp_confkey_str(conf, MP_CK_DB_ADMIN_PASSWORD_FILE);
		return;
	}
	if (account != NULL && strlen(account) < 32 &&
	    (u = mp_confkey_str_at(conf, MP_CK_DB_PROG_USER, account)) !=
	    NULL && u[0] != '\0') {
		*user = u;
		*pw = mp_confkey_str_at(conf, MP_CK_DB_PROG_PASSWORD, account);
		*pwfile = mp_confkey_str_at(conf, MP_CK_DB_PROG_PASSWORD_FILE,
		    account);
		return;
	}
	*user = mp_confkey_str(conf, MP_CK_DB_USER);
	*pw = mp_confkey_str(conf, MP_CK_DB_PASSWORD);
	*pwfile = mp_confkey_str(conf, MP_CK_DB_PASSWORD_FILE);
}

enum mp_err
mp_db_password(const struct mp_conf *conf, const char *account, char **pw,
    char *err, size_t errsz)
{
	const char	*user, *p, *pwfile;

	*pw = NULL;
	account_creds(conf, account, &user, &p, &pwfile);
	if (p != NULL)
		return (*pw = mp_alloc_strdup(p)) == NULL ? MP_ENOMEM : MP_OK;
	if (pwfile == NULL || pwfile[0] == '\0')
		return MP_ENOTFOUND;
	return read_pwfile(pwfile, pw, err, errsz);
}

enum mp_err
mp_db_open_as(struct mp_db **dbp, const struct mp_conf *conf,
    const char *account)
{
	struct mp_db	*db;
	const char	*user, *pw, *pwfile;
	char		 err[256];
	int		 admin = account != NULL &&
			    strcmp(account, "admin") == 0;
	enum mp_err	 er = MP_ENOMEM;

	*dbp = NULL;
	if ((db = mp_alloc_calloc(1, sizeof(*db))) == NULL)
		return MP_ENOMEM;
	db->gen = 1;
	/* meldpuntctl's own list of servers, if it has one. */
	if (admin)
		er = mp_dbhost_admin_list(conf, db->hosts, &db->nhosts, err,
		    sizeof(err));
	else
		er = mp_dbhost_list(conf, db->hosts, &db->nhosts, err,
		    sizeof(err));
	if (er != MP_OK) {
		mp_errx("%s: %s", __func__, err);
		goto fail;
	}
	er = MP_ENOMEM;
	db->last = db->nhosts;
	/*
	 * Back to the first server after a minute: long enough that a
	 * node flapping does not bounce every worker, short enough that
	 * workers which moved do not stay writers beside the first for
	 * long (README, one writer node).
	 */
	db->failback_ms = 1000L * (long)mp_confkey_int(conf,
	    MP_CK_DB_FAILBACK);
	/*
	 * Certification conflicts between two writer nodes come in runs:
	 * three retries 20-60 ms apart were measured too few (issue 11).
	 * Retries are bounded by time, well under the web server's 60 s.
	 */
	db->retries = (int)mp_confkey_int(conf, MP_CK_DB_RETRIES);
	db->retry_total_ms = (long)mp_confkey_int(conf,
	    MP_CK_DB_RETRY_TOTAL_MS);
	db->connect_timeout = (unsigned)mp_confkey_int(conf,
	    MP_CK_DB_CONNECT_TIMEOUT);
	/*
	 * Schema changes may run long; the application's statements
	 * should not.
	 */
	db->rw_timeout = (unsigned)mp_confkey_int(conf, admin ?
	    MP_CK_DB_ADMIN_RW_TIMEOUT : MP_CK_DB_RW_TIMEOUT);
	if ((db->name = mp_alloc_strdup(mp_confkey_str(conf,
	    MP_CK_DB_NAME))) ==
	    NULL)
		goto fail;
	account_creds(conf, account, &user, &pw, &pwfile);
	if ((db->user = mp_alloc_strdup(user)) == NULL)
		goto fail;
	/* No password at all is the server's business (socket auth). */
	if ((er = mp_db_password(conf, account, &db->password, err,
	    sizeof(err))) == MP_ECONF)
		mp_errx("%s: %s", __func__, err);
	if (er != MP_OK && er != MP_ENOTFOUND)
		goto fail;
	er = MP_ENOMEM;
	db->ncache = 64;
	if ((db->cache = mp_alloc_calloc(db->ncache,
	    sizeof(*db->cache))) == NULL)
		goto fail;
	*dbp = db;
	return MP_OK;
fail:
	mp_db_close(db);
	return er;
}

static void
stmt_free(struct mp_stmt *s)
{

	if (s == NULL)
		return;
	stmt_unprepare(s);
	free(s);
}

void
mp_db_close(struct mp_db *db)
{
	size_t	 i;

	if (db == NULL)
		return;
	for (i = 0; i < db->ncache; i++)
		stmt_free(db->cache[i]);
	free(db->cache);
	if (db->my != NULL)
		mysql_close(db->my);
	free(db->name);
	free(db->user);
	if (db->password != NULL)
		mp_alloc_freezero(db->password, strlen(db->password));
	mp_alloc_wipe(db->bindbuf, sizeof(db->bindbuf));
	free(db);
}

/* A statement's result set is open: count it (failback_due). */
static void
stmt_activate(struct mp_stmt *s)
{

	if (!s->active)
		s->db->nactive++;
	s->active = 1;
}

static void
stmt_deactivate(struct mp_stmt *s)
{

	if (s->active && s->db->nactive > 0)
		s->db->nactive--;
	s->active = 0;
}

/*
 * Time to leave a later server for the first.  Never with a
 * transaction or a result open, so nothing in flight is cut.
 */
static int
failback_due(const struct mp_db *db)
{

	return db->cur != 0 && db->failback_ms > 0 && !db->intxn &&
	    db->nactive == 0 && now_ms() - db->connected_ms >= db->failback_ms;
}

/* wsrep's "ON"/"1" as a truth value. */
static int
is_on(const char *v)
{

	return v != NULL && (strcmp(v, "1") == 0 ||
	    strcasecmp(v, "ON") == 0);
}

/*
 * 1 if the server on db->my, host i, may serve: wsrep off, or ready
 * and synced; 0 if not (logged once a burst); -1 if asking failed.
 */
static int
synced(struct mp_db *db, size_t i)
{
	const char	*sql = stmts_db[STMT_SYNCED];
	const char	*on, *ready, *state;
	struct mp_stmt	*s;
	int		 ok = -1;

	db->galera = 0;
	if ((s = stmt_new(db, NULL)) == NULL)
		return -1;
	if (stmt_prepare(s, sql, strlen(sql)) != MP_OK ||
	    stmt_run(s, NULL, 0, __func__) != MP_OK) {
		/* A server built without wsrep has no wsrep_on. */
		if (db->lasterr == ER_UNKNOWN_SYSTEM_VARIABLE)
			ok = 1;
		goto out;
	}
	if (mysql_stmt_store_result(s->st)) {
		(void)fail(db, s->st, __func__, "store_result", sql,
		    strlen(sql));
		goto out;
	}
	stmt_activate(s);
	if (mp_db_next(s) != MP_OK)
		goto out;
	on = mp_db_text(s, COL_SYNCED_ON, NULL);
	ready = mp_db_text(s, COL_SYNCED_READY, NULL);
	state = mp_db_text(s, COL_SYNCED_STATE, NULL);
	/* For txn(): a Galera node gets begin/commit around one statement. */
	db->galera = is_on(on);
	if (!is_on(on) || (is_on(ready) && state != NULL &&
	    strcmp(state, WSREP_SYNCED) == 0))
		ok = 1;
	else {
		ok = 0;
		if (!db->hostdown[i])
			mp_warnx("%s: %s is not synced (wsrep_ready %s, "
			    "wsrep_local_state %s): not used",
			    __func__, db->hosts[i].label,
			    ready != NULL ? ready : "-",
			    state != NULL ? state : "-");
		db->hostdown[i] = 1;
	}
out:
	mp_db_done(s);
	stmt_free(s);
	return ok;
}

/*
 * Connect to host i: MP_OK, MP_EDBDOWN (it does not answer within
 * db.connect_timeout, refuses us or is not synced; logged once a
 * burst), or MP_ENOMEM / MP_EDB for failures that another host would
 * not mend.
 */
static enum mp_err
connect_host(struct mp_db *db, size_t i)
{
	const struct mp_dbhost	*h = &db->hosts[i];
	MYSQL			*my;
	unsigned long		 maxpacket = MAX_PACKET;
	my_bool			 reconnect = 0;
	unsigned		 e;
	int			 ok;

	if ((my = mysql_init(NULL)) == NULL) {
		mp_errx("%s: mysql_init failed", __func__);
		return MP_ENOMEM;
	}
	if (mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4") ||
	    mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT,
	    &db->connect_timeout) ||
	    mysql_options(my, MYSQL_OPT_READ_TIMEOUT, &db->rw_timeout) ||
	    mysql_options(my, MYSQL_OPT_WRITE_TIMEOUT, &db->rw_timeout) ||
	    mysql_options(my, MYSQL_OPT_MAX_ALLOWED_PACKET, &maxpacket) ||
	    mysql_options(my, MYSQL_OPT_RECONNECT, &reconnect)) {
		mp_errx("%s: mysql_options: %s", __func__, mysql_error(my));
		mysql_close(my);
		return MP_EDB;
	}
	if (mysql_real_connect(my, h->host, db->user, db->password,
	    db->name, h->port, h->socket[0] != '\0' ? h->socket : NULL,
	    0) == NULL) {
		e = db->lasterr = mysql_errno(my);
		/* Once per burst: a dead server must not flood the log. */
		if (!db->hostdown[i])
			mp_errx("%s: %s@%s/%s: %u %s", __func__, db->user,
			    h->label, db->name, e, mysql_error(my));
		db->hostdown[i] = 1;
		mysql_close(my);
		return MP_EDBDOWN;
	}
	db->my = my;
	db->gen++;
	db->cur = i;
	db->connected_ms = now_ms();
	/*
	 * Every DATETIME we store or read is UTC.  Run uncached: the
	 * statement is prepared once per connection either way, and the
	 * cached path could reconnect from inside this function.
	 */
	if (mp_db_exec_once(db, stmts_db[STMT_TZ],
	    strlen(stmts_db[STMT_TZ]), NULL, 0, NULL) != MP_OK ||
	    (ok = synced(db, i)) != 1 ||
	    /* The binding the last connection had (mp_db_bind). */
	    (db->bindsql != NULL && mp_db_exec_once(db, db->bindsql,
	    strlen(db->bindsql), db->bindv, db->nbind, NULL) != MP_OK)) {
		disconnect(db);
		return MP_EDBDOWN;
	}
	if (db->bindsql != NULL)
		db->bindgen = db->gen;
	if (db->hostdown[i])
		mp_infox("%s: %s answers again", __func__, h->label);
	db->hostdown[i] = 0;
	return MP_OK;
}

enum mp_err
mp_db_connect(struct mp_db *db)
{
	size_t		 from, k, i;
	enum mp_err	 er;

	if (db->my != NULL)
		return MP_OK;
	from = db->cur < db->nhosts ? db->cur : 0;
	for (k = 0; k < db->nhosts; k++) {
		i = (from + k) % db->nhosts;
		if ((er = connect_host(db, i)) == MP_EDBDOWN)
			continue;
		if (er != MP_OK)
			return er;
		/* Where it went, never how (no password, no user). */
		if (db->last < db->nhosts && db->last != i)
			mp_log(i == 0 ? MP_LOG_INFO : MP_LOG_WARN,
			    "%s: moved from database server %s to %s "
			    "(%zu of %zu)", __func__,
			    db->hosts[db->last].label, db->hosts[i].label,
			    i + 1, db->nhosts);
		else if (db->last == db->nhosts && i != 0)
			mp_warnx("%s: using database server %s (%zu of %zu)",
			    __func__, db->hosts[i].label, i + 1,
			    db->nhosts);
		if (db->downlogged)
			mp_infox("%s: connected to %s/%s again", __func__,
			    db->hosts[i].label, db->name);
		db->downlogged = 0;
		db->last = i;
		return MP_OK;
	}
	db->cur = from;
	if (!db->downlogged && db->nhosts > 1)
		mp_errx("%s: none of the %zu database servers answers and "
		    "is synced (last error %u)", __func__, db->nhosts,
		    db->lasterr);
	db->downlogged = 1;
	return MP_EDBDOWN;
}

/*
 * Between requests, not inside one: a request that wrote on one node
 * reads its own writes there, where another node might not have
 * applied them yet.
 */
void
mp_db_idle(struct mp_db *db)
{

	if (db == NULL || db->my == NULL || !failback_due(db))
		return;
	mp_debugx("%s: trying %s again after %ld s on %s", __func__,
	    db->hosts[0].label, db->failback_ms / 1000,
	    db->hosts[db->cur].label);
	disconnect(db);
	db->cur = 0;
}

const char *
mp_db_host(const struct mp_db *db)
{

	return db->my != NULL ? db->hosts[db->cur].label : NULL;
}

size_t
mp_db_nhosts(const struct mp_db *db)
{

	return db->nhosts;
}

const char *
mp_db_host_label(const struct mp_db *db, size_t i)
{

	return i < db->nhosts ? db->hosts[i].label : NULL;
}

enum mp_err
mp_db_probe(struct mp_db *db, size_t i)
{
	enum mp_err	 er;

	if (i >= db->nhosts)
		return MP_EINVAL;
	/* connect_host takes a handle without a connection. */
	disconnect(db);
	er = connect_host(db, i);
	disconnect(db);
	return er;
}

/* Statement cache: open addressing on the SQL text's address. */
static size_t
slot_of(const struct mp_db *db, const char *sql)
{
	uintptr_t	 h = (uintptr_t)sql;

	h ^= h >> 17;
	h *= (uintptr_t)0x9E3779B97F4A7C15ULL;
	h ^= h >> 29;
	return (size_t)h & (db->ncache - 1);
}

static enum mp_err
cache_grow(struct mp_db *db)
{
	struct mp_stmt	**old = db->cache, **nc;
	size_t		 oldn = db->ncache, i, j;

	if ((nc = mp_alloc_calloc(oldn * 2, sizeof(*nc))) == NULL)
		return MP_ENOMEM;
	db->cache = nc;
	db->ncache = oldn * 2;
	for (i = 0; i < oldn; i++) {
		if (old[i] == NULL)
			continue;
		j = slot_of(db, old[i]->sql);
		while (nc[j] != NULL)
			j = (j + 1) & (db->ncache - 1);
		nc[j] = old[i];
	}
	free(old);
	return MP_OK;
}

/* Make a statement handle, without preparing it. */
static struct mp_stmt *
stmt_new(struct mp_db *db, const char *sql)
{
	struct mp_stmt	*s;

	if ((s = mp_alloc_calloc(1, sizeof(*s))) == NULL)
		return NULL;
	s->db = db;
	s->sql = sql;
	return s;
}

/* Drop the prepared state (not the cache entry). */
static void
stmt_unprepare(struct mp_stmt *s)
{
	unsigned	 i;

	if (s->st != NULL)
		mysql_stmt_close(s->st);
	s->st = NULL;
	for (i = 0; i < s->ncols; i++)
		free(s->cols[i].buf);
	free(s->cols);
	free(s->rbind);
	free(s->pbind);
	free(s->plen);
	s->cols = NULL;
	s->rbind = NULL;
	s->pbind = NULL;
	s->plen = NULL;
	s->nparams = s->ncols = 0;
	stmt_deactivate(s);
	s->gen = 0;
}

/*
 * Prepare s->sql (len bytes) on the current connection and set up its
 * parameter and result bindings.
 */
static enum mp_err
stmt_prepare(struct mp_stmt *s, const char *sql, size_t len)
{
	struct mp_db	*db = s->db;
	MYSQL_RES	*meta;
	MYSQL_FIELD	*f;
	unsigned	 i;
	enum mp_err	 er;

	stmt_unprepare(s);
	if ((s->st = mysql_stmt_init(db->my)) == NULL)
		return fail(db, NULL, __func__, "mysql_stmt_init", sql, len);
	if (mysql_stmt_prepare(s->st, sql, len)) {
		er = fail(db, s->st, __func__, "prepare", sql, len);
		stmt_unprepare(s);
		return er;
	}
	s->gen = db->gen;
	s->nparams = mysql_stmt_param_count(s->st);
	if (s->nparams > 0 &&
	    ((s->pbind = mp_alloc_calloc(s->nparams,
	    sizeof(*s->pbind))) == NULL ||
	    (s->plen = mp_alloc_calloc(s->nparams, sizeof(*s->plen))) == NULL))
		goto nomem;
	if ((meta = mysql_stmt_result_metadata(s->st)) == NULL)
		return MP_OK;
	s->ncols = mysql_num_fields(meta);
	f = mysql_fetch_fields(meta);
	if ((s->rbind = mp_alloc_calloc(s->ncols,
	    sizeof(*s->rbind))) == NULL ||
	    (s->cols = mp_alloc_calloc(s->ncols, sizeof(*s->cols))) == NULL) {
		mysql_free_result(meta);
		s->ncols = 0;
		goto nomem;
	}
	for (i = 0; i < s->ncols; i++) {
		struct col	*c = &s->cols[i];
		MYSQL_BIND	*b = &s->rbind[i];

		switch (f[i].type) {
		case MYSQL_TYPE_TINY:
		case MYSQL_TYPE_SHORT:
		case MYSQL_TYPE_LONG:
		case MYSQL_TYPE_INT24:
		case MYSQL_TYPE_LONGLONG:
		case MYSQL_TYPE_YEAR:
			c->isint = 1;
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = &c->i;
			b->is_unsigned = (f[i].flags & UNSIGNED_FLAG) != 0;
			break;
		default:
			/*
			 * Everything else, DATETIME and DECIMAL included,
			 * arrives as text: "2026-11-23 10:00:00".
			 */
			if ((c->buf = mp_alloc(COL_INITIAL + 1)) == NULL) {
				mysql_free_result(meta);
				goto nomem;
			}
			c->cap = COL_INITIAL;
			b->buffer_type = MYSQL_TYPE_STRING;
			b->buffer = c->buf;
			b->buffer_length = c->cap;
			break;
		}
		b->length = &c->len;
		b->is_null = &c->isnull;
		b->error = &c->error;
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(s->st, s->rbind)) {
		er = fail(db, s->st, __func__, "bind_result", sql, len);
		stmt_unprepare(s);
		return er;
	}
	return MP_OK;
nomem:
	stmt_unprepare(s);
	return MP_ENOMEM;
}

/* The cached statement for sql, prepared on the current connection. */
static enum mp_err
stmt_get(struct mp_db *db, const char *sql, struct mp_stmt **sp)
{
	struct mp_stmt	*s;
	size_t		 i;
	enum mp_err	 er;

	*sp = NULL;
	if ((er = mp_db_connect(db)) != MP_OK)
		return er;
	i = slot_of(db, sql);
	while ((s = db->cache[i]) != NULL && s->sql != sql)
		i = (i + 1) & (db->ncache - 1);
	if (s == NULL) {
		if ((s = stmt_new(db, sql)) == NULL)
			return MP_ENOMEM;
		db->cache[i] = s;
		db->nused++;
		if (db->nused * 2 > db->ncache &&
		    (er = cache_grow(db)) != MP_OK)
			return er;
	}
	if (s->active) {
		/* A caller forgot mp_db_done: recover, but say so. */
		mp_warnx("%s: result still open [%.60s]", __func__, sql);
		mp_db_done(s);
	}
	if (s->st == NULL || s->gen != db->gen)
		if ((er = stmt_prepare(s, sql, strlen(sql))) != MP_OK)
			return er;
	*sp = s;
	return MP_OK;
}

/* Bind params to s and execute it. */
static enum mp_err
stmt_run(struct mp_stmt *s, const struct mp_dbval *params, size_t nparams,
    const char *func)
{
	struct mp_db	*db = s->db;
	const char	*p;
	size_t		 off, n;
	unsigned	 i;
	enum mp_err	 er;

	if (nparams != s->nparams) {
		mp_errx("%s: %zu parameters for %u placeholders [%.60s]",
		    func, nparams, s->nparams, s->sql ? s->sql : "");
		return MP_EDB;
	}
	for (i = 0; i < s->nparams; i++) {
		MYSQL_BIND		*b = &s->pbind[i];
		const struct mp_dbval	*v = &params[i];

		memset(b, 0, sizeof(*b));
		switch (v->type) {
		case MP_DBT_INT:
			b->buffer_type = MYSQL_TYPE_LONGLONG;
			b->buffer = (void *)&v->i;
			break;
		case MP_DBT_TEXT:
		case MP_DBT_BLOB:
			b->buffer_type = v->type == MP_DBT_TEXT ?
			    MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			b->buffer = v->p != NULL ? (void *)v->p : (void *)"";
			s->plen[i] = v->p != NULL ? v->len : 0;
			b->buffer_length = s->plen[i];
			b->length = &s->plen[i];
			break;
		default:
			b->buffer_type = MYSQL_TYPE_NULL;
			break;
		}
	}
	if (s->nparams > 0 && mysql_stmt_bind_param(s->st, s->pbind))
		return fail(db, s->st, func, "bind_param", s->sql, SQLLEN(s));
	/*
	 * Large values (attachments) go ahead in chunks so that no single
	 * packet has to hold them whole.
	 */
	for (i = 0; i < s->nparams; i++) {
		if ((params[i].type != MP_DBT_BLOB &&
		    params[i].type != MP_DBT_TEXT) ||
		    params[i].p == NULL || params[i].len < LONGDATA_MIN)
			continue;
		p = params[i].p;
		for (off = 0; off < params[i].len; off += n) {
			n = params[i].len - off;
			if (n > LONGDATA_CHUNK)
				n = LONGDATA_CHUNK;
			if (mysql_stmt_send_long_data(s->st, i, p + off, n))
				return fail(db, s->st, func,
				    "send_long_data", s->sql, SQLLEN(s));
		}
	}
	if (mysql_stmt_execute(s->st)) {
		er = fail(db, s->st, func, "execute", s->sql, SQLLEN(s));
		/*
		 * After DDL a statement must be prepared afresh; after a
		 * deadlock or conflict it is too, so that nothing of the
		 * failed run is left in its state.
		 */
		if (er == MP_EDBTRANS && db->my != NULL && s->sql != NULL)
			stmt_unprepare(s);
		return er;
	}
	db->lasterr = 0;
	return MP_OK;
}

/*
 * A statement failed while its result was read (store_result, fetch).
 * The error packet came in the middle of a result set, and reusing the
 * statement or the connection after that was measured to leave the
 * client waiting for packets that never come: the next execute sat out
 * the whole read timeout (db.rw_timeout) and ended in 2006 (issue 11,
 * a deadlock in intake_store()).  So the statement is always prepared
 * afresh, and unless the server refused the row cleanly (duplicate,
 * rate limit) the connection is dropped too: a reconnect costs a
 * millisecond, the stall cost 30 s.
 */
static void
in_doubt(struct mp_db *db, struct mp_stmt *s, enum mp_err er)
{

	if (s->st != NULL && s->gen == db->gen)
		stmt_unprepare(s);
	if (er != MP_EDUP && er != MP_ELIMIT)
		disconnect(db);
}

/* Read-only statements may be run again after a lost connection. */
static int
readonly(const char *sql)
{

	while (*sql == ' ' || *sql == '\t' || *sql == '\n' || *sql == '(')
		sql++;
	return strncasecmp(sql, "SELECT", 6) == 0;
}

/*
 * Prepare (or reuse) and execute.  Outside a transaction a statement
 * that met a lost connection is tried once more on a new one when doing
 * so cannot apply it twice: a read, or a failure while preparing.
 */
static enum mp_err
run(struct mp_db *db, const char *sql, const struct mp_dbval *params,
    size_t nparams, struct mp_stmt **sp, const char *func)
{
	struct mp_stmt	*s;
	enum mp_err	 er;
	int		 try, prepared;

	*sp = NULL;
	/* Whether txn() marks the transaction (txn_mark). */
	if (db->intxn && !readonly(sql))
		db->wrote = 1;
	for (try = 0; ; try++) {
		prepared = 0;
		if ((er = stmt_get(db, sql, &s)) == MP_OK) {
			prepared = 1;
			er = stmt_run(s, params, nparams, func);
		}
		if (er == MP_OK) {
			*sp = s;
			return MP_OK;
		}
		if (try > 0 || er != MP_EDBTRANS || db->intxn ||
		    db->my != NULL || (prepared && !readonly(sql)))
			return er;
	}
}

static enum mp_err
bind_set(struct mp_db *db, const char *sql, const struct mp_dbval *params,
    size_t nparams)
{
	size_t	 i;

	if (nparams > MP_DB_BIND_MAX)
		return MP_EINVAL;
	for (i = 0; i < nparams; i++)
		if ((params[i].type == MP_DBT_TEXT ||
		    params[i].type == MP_DBT_BLOB) &&
		    params[i].len > MP_DB_BIND_LEN)
			return MP_EINVAL;
	mp_alloc_wipe(db->bindbuf, sizeof(db->bindbuf));
	for (i = 0; i < nparams; i++) {
		db->bindv[i] = params[i];
		if (params[i].type != MP_DBT_TEXT &&
		    params[i].type != MP_DBT_BLOB)
			continue;
		if (params[i].len > 0)
			memcpy(db->bindbuf[i], params[i].p, params[i].len);
		db->bindv[i].p = db->bindbuf[i];
	}
	db->nbind = nparams;
	db->bindsql = sql;
	return mp_db_exec(db, sql, db->bindv, db->nbind, NULL, NULL);
}

/* 1 when binding sql, params is what the connection holds already. */
static int
bound_already(const struct mp_db *db, const char *sql,
    const struct mp_dbval *params, size_t nparams)
{
	size_t	 i;

	if (db->my == NULL || db->bindgen != db->gen || db->bindsql != sql ||
	    db->nbind != nparams)
		return 0;
	for (i = 0; i < nparams; i++) {
		if (params[i].type != db->bindv[i].type)
			return 0;
		switch (params[i].type) {
		case MP_DBT_INT:
			if (params[i].i != db->bindv[i].i)
				return 0;
			break;
		case MP_DBT_TEXT:
		case MP_DBT_BLOB:
			if (params[i].len != db->bindv[i].len ||
			    (params[i].len > 0 && memcmp(params[i].p,
			    db->bindbuf[i], params[i].len) != 0))
				return 0;
			break;
		default:
			break;
		}
	}
	return 1;
}

enum mp_err
mp_db_bind(struct mp_db *db, const char *sql, const struct mp_dbval *params,
    size_t nparams)
{
	enum mp_err	 er;

	if (nparams > MP_DB_BIND_MAX)
		return MP_EINVAL;
	/*
	 * A worker binds on every request, mostly to what it bound last
	 * (no session on the sign-in page, the same partner page after
	 * page): that costs no round trip.
	 */
	if (bound_already(db, sql, params, nparams))
		return MP_OK;
	if ((er = bind_set(db, sql, params, nparams)) == MP_OK)
		db->bindgen = db->gen;
	return er;
}

enum mp_err
mp_db_exec(struct mp_db *db, const char *sql, const struct mp_dbval *params,
    size_t nparams, unsigned long long *affected,
    unsigned long long *insert_id)
{
	struct mp_stmt	*s;
	enum mp_err	 er;

	if ((er = run(db, sql, params, nparams, &s, __func__)) != MP_OK)
		return er;
	if (affected != NULL)
		*affected = (unsigned long long)
		    mysql_stmt_affected_rows(s->st);
	if (insert_id != NULL)
		*insert_id = (unsigned long long)mysql_stmt_insert_id(s->st);
	if (s->ncols > 0)
		mysql_stmt_free_result(s->st);
	return MP_OK;
}

static enum mp_err
query(struct mp_db *db, struct mp_stmt **sp, const char *sql,
    const struct mp_dbval *params, size_t nparams, int buffered,
    const char *func)
{
	struct mp_stmt	*s;
	enum mp_err	 er;

	*sp = NULL;
	if ((er = run(db, sql, params, nparams, &s, func)) != MP_OK)
		return er;
	if (buffered && mysql_stmt_store_result(s->st)) {
		er = fail(db, s->st, func, "store_result", sql, strlen(sql));
		in_doubt(db, s, er);
		return er;
	}
	stmt_activate(s);
	*sp = s;
	return MP_OK;
}

enum mp_err
mp_db_query(struct mp_db *db, struct mp_stmt **sp, const char *sql,
    const struct mp_dbval *params, size_t nparams)
{

	return query(db, sp, sql, params, nparams, 1, __func__);
}

enum mp_err
mp_db_query_stream(struct mp_db *db, struct mp_stmt **sp, const char *sql,
    const struct mp_dbval *params, size_t nparams)
{

	return query(db, sp, sql, params, nparams, 0, __func__);
}

/* Fetch the rest of a truncated column into its grown buffer. */
static enum mp_err
col_refetch(struct mp_stmt *s, unsigned i)
{
	struct col	*c = &s->cols[i];
	MYSQL_BIND	 b;
	char		*p;
	size_t		 want = c->len;

	if (want > SIZE_MAX / 2 - 1)
		return MP_ETOOBIG;
	if ((p = mp_alloc_realloc(c->buf, want + 1)) == NULL)
		return MP_ENOMEM;
	c->buf = p;
	c->cap = want;
	memset(&b, 0, sizeof(b));
	b.buffer_type = MYSQL_TYPE_STRING;
	b.buffer = c->buf;
	b.buffer_length = c->cap;
	b.length = &c->len;
	b.is_null = &c->isnull;
	b.error = &c->error;
	c->error = 0;
	if (mysql_stmt_fetch_column(s->st, &b, i, 0))
		return fail(s->db, s->st, __func__, "fetch_column", s->sql,
		    SQLLEN(s));
	/* Rows to come use the bigger buffer directly. */
	s->rbind[i].buffer = c->buf;
	s->rbind[i].buffer_length = c->cap;
	return MP_OK;
}

enum mp_err
mp_db_next(struct mp_stmt *s)
{
	unsigned	 i;
	int		 rc;
	enum mp_err	 er;

	if (s == NULL || !s->active || s->st == NULL)
		return MP_ENOTFOUND;
	/* Connector/C reads these before it writes them. */
	for (i = 0; i < s->ncols; i++) {
		s->cols[i].isnull = s->cols[i].error = 0;
		s->cols[i].len = 0;
	}
	rc = mysql_stmt_fetch(s->st);
	if (rc == MYSQL_NO_DATA)
		return MP_ENOTFOUND;
	if (rc == 1) {
		er = fail(s->db, s->st, __func__, "fetch", s->sql, SQLLEN(s));
		in_doubt(s->db, s, er);
		return er;
	}
	if (rc == MYSQL_DATA_TRUNCATED) {
		for (i = 0; i < s->ncols; i++) {
			if (!s->cols[i].error || s->cols[i].isint)
				continue;
			if ((er = col_refetch(s, i)) != MP_OK)
				return er;
		}
		if (mysql_stmt_bind_result(s->st, s->rbind))
			return fail(s->db, s->st, __func__, "bind_result",
			    s->sql, SQLLEN(s));
	}
	for (i = 0; i < s->ncols; i++)
		if (!s->cols[i].isint && !s->cols[i].isnull &&
		    s->cols[i].len <= s->cols[i].cap)
			s->cols[i].buf[s->cols[i].len] = '\0';
	return MP_OK;
}

int
mp_db_isnull(struct mp_stmt *s, unsigned col)
{

	if (s == NULL || col >= s->ncols)
		return 1;
	return s->cols[col].isnull != 0;
}

long long
mp_db_int(struct mp_stmt *s, unsigned col)
{
	struct col	*c;

	if (s == NULL || col >= s->ncols)
		return 0;
	c = &s->cols[col];
	if (c->isnull)
		return 0;
	if (c->isint)
		return c->i;
	return strtoll(c->buf, NULL, 10);
}

const char *
mp_db_text(struct mp_stmt *s, unsigned col, size_t *len)
{
	struct col	*c;

	if (len != NULL)
		*len = 0;
	if (s == NULL || col >= s->ncols || s->cols[col].isnull)
		return NULL;
	c = &s->cols[col];
	if (c->isint) {
		/* Rare: an integer read as text.  Kept in the buffer. */
		char	 tmp[32];
		int	 n;
		char	*p;

		n = snprintf(tmp, sizeof(tmp), "%lld", c->i);
		if (n < 0 || (size_t)n >= sizeof(tmp))
			return NULL;
		if (c->cap < (size_t)n) {
			if ((p = mp_alloc_realloc(c->buf,
			    (size_t)n + 1)) == NULL)
				return NULL;
			c->buf = p;
			c->cap = (size_t)n;
		}
		memcpy(c->buf, tmp, (size_t)n + 1);
		if (len != NULL)
			*len = (size_t)n;
		return c->buf;
	}
	if (len != NULL)
		*len = c->len;
	return c->buf;
}

enum mp_err
mp_db_query_int(struct mp_db *db, const char *sql,
    const struct mp_dbval *params, size_t nparams, long long *n)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, sql, params, nparams)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		*n = mp_db_int(st, 0);
	mp_db_done(st);
	return er;
}

unsigned
mp_db_ncols(const struct mp_stmt *s)
{

	return s == NULL ? 0 : s->ncols;
}

void
mp_db_done(struct mp_stmt *s)
{
	unsigned	 i;

	if (s == NULL || !s->active)
		return;
	stmt_deactivate(s);
	if (s->st == NULL || s->gen != s->db->gen)
		return;
	mysql_stmt_free_result(s->st);
	/* One huge value must not pin its memory for the process's life. */
	for (i = 0; i < s->ncols; i++) {
		struct col	*c = &s->cols[i];
		char		*p;

		if (c->isint || c->cap <= COL_KEEP)
			continue;
		if ((p = mp_alloc_realloc(c->buf, COL_INITIAL + 1)) == NULL)
			continue;
		c->buf = p;
		c->cap = COL_INITIAL;
		s->rbind[i].buffer = c->buf;
		s->rbind[i].buffer_length = c->cap;
		(void)mysql_stmt_bind_result(s->st, s->rbind);
	}
}

/*
 * Prepare, execute and close a statement whose text is not static:
 * migrations and grants, read from files at run time.  Such text has
 * no stable address to key the cache on, and is run once anyway, so
 * caching it would only keep dead handles.  Not for application SQL.
 */
enum mp_err
mp_db_exec_once(struct mp_db *db, const char *sql, size_t len,
    const struct mp_dbval *params, size_t nparams,
    unsigned long long *affected)
{
	struct mp_stmt	*s;
	enum mp_err	 er;

	if ((er = mp_db_connect(db)) != MP_OK)
		return er;
	if ((s = stmt_new(db, NULL)) == NULL)
		return MP_ENOMEM;
	if ((er = stmt_prepare(s, sql, len)) == MP_OK &&
	    (er = stmt_run(s, params, nparams, __func__)) == MP_OK) {
		if (affected != NULL)
			*affected = (unsigned long long)
			    mysql_stmt_affected_rows(s->st);
		if (s->ncols > 0)
			mysql_stmt_free_result(s->st);
	}
	stmt_free(s);
	return er;
}

static void
rollback(struct mp_db *db)
{

	if (db->my != NULL && mysql_rollback(db->my))
		(void)fail(db, NULL, __func__, "rollback", NULL, 0);
}

static void
pause_ms(long ms)
{
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		continue;
}

static long
now_ms(void)
{
	struct timespec	 ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/*
 * The pause before retry attempt (1, 2, ...): exponential from 10 ms,
 * capped at 500 ms, with full jitter so that two nodes' conflicting
 * writers do not meet again in step.
 */
static long
backoff_ms(int attempt)
{
	long		 cap = 10L << (attempt < 6 ? attempt : 6);
	unsigned int	 r;

	if (cap > 500)
		cap = 500;
	if (mp_crypto_random(&r, sizeof(r)) != MP_OK)
		r = (unsigned int)now_ms();
	return cap / 2 + (long)(r % (unsigned int)(cap / 2 + 1));
}

/* 1 if another attempt may start, pausing first. */
static int
may_retry(struct mp_db *db, int attempt, long start)
{
	long	 pause;

	if (attempt >= db->retries)
		return 0;
	pause = backoff_ms(attempt + 1);
	if (now_ms() - start + pause > db->retry_total_ms)
		return 0;
	pause_ms(pause);
	return 1;
}

/*
 * Make the process's row in txn_mark (sql/063), once, in autocommit
 * before its first transaction.  Inside the transactions the mark is
 * then an UPDATE of that row by its key, which locks the row alone:
 * an INSERT ... ON DUPLICATE KEY UPDATE there took a gap lock, and two
 * meldpuntctl mail runs deadlocked on it with their claims of
 * mail_outbox until their retries ran out (test-53, 2026-12-07).  A
 * schema before 063 has no table: then transactions go unmarked, as
 * they did before.  Other failures leave the row for the next time.
 */
static void
mark_row(struct mp_db *db)
{
	struct mp_dbval	 v[1];
	enum mp_err	 er;

	if (db->markpid != getpid()) {
		if (mp_crypto_random(db->markid, sizeof(db->markid)) != MP_OK)
			return;
		db->markpid = getpid();
		db->markrow = 0;
	}
	if (db->markrow || db->nomarkgen == db->gen + 1)
		return;
	v[0] = MP_DBBLOB(db->markid, sizeof(db->markid));
	er = mp_db_exec(db, stmts_db[STMT_MARK_ROW], v, 1, NULL, NULL);
	if (er == MP_EDB && db->lasterr == ER_NO_SUCH_TABLE)
		db->nomarkgen = db->gen + 1;
	db->markrow = er == MP_OK;
}

/*
 * Write the number of this transaction in the process's row, last in
 * it.  No row (not made, or removed by retention run after a day of
 * rest): the transaction goes unmarked and the row is made again
 * before the next one.
 */
static enum mp_err
mark_write(struct mp_db *db, int *marked)
{
	struct mp_dbval		 v[2];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	*marked = 0;
	/* mark_row ran just before, in this process. */
	if (!db->markrow)
		return MP_OK;
	v[0] = MP_DBINT((long long)db->markseq);
	v[1] = MP_DBBLOB(db->markid, sizeof(db->markid));
	if ((er = mp_db_exec(db, stmts_db[STMT_MARK], v, 2, &n, NULL)) !=
	    MP_OK)
		return er;
	if (n == 0)
		db->markrow = 0;
	*marked = n > 0;
	return MP_OK;
}

/*
 * After a COMMIT that went unanswered, on the new connection: MP_OK if
 * the process's mark holds this transaction's number (it was stored),
 * MP_ENOTFOUND if not, or the error of the read.
 */
static enum mp_err
mark_stored(struct mp_db *db)
{
	struct mp_dbval	 v[1];
	long long	 seq = -1;
	enum mp_err	 er, er2;

	if (db->galera && (er = mp_db_exec(db, stmts_db[STMT_SYNC_WAIT], NULL,
	    0, NULL, NULL)) != MP_OK)
		return er;
	v[0] = MP_DBBLOB(db->markid, sizeof(db->markid));
	er = mp_db_query_int(db, stmts_db[STMT_MARK_READ], v, 1, &seq);
	if (db->galera && (er2 = mp_db_exec(db, stmts_db[STMT_SYNC_NOWAIT],
	    NULL, 0, NULL, NULL)) != MP_OK && er == MP_OK)
		er = er2;
	if (er == MP_OK && (unsigned long long)seq != db->markseq)
		er = MP_ENOTFOUND;
	return er;
}

/* COMMIT; on its failure *doubt says whether it may have been stored. */
static enum mp_err
commit(struct mp_db *db, int marked, int *doubt)
{
	enum mp_err	 er;

	*doubt = 0;
	if (db->my == NULL)
		return MP_EDBTRANS;
	if (db->loseacks < 0) {
		/* mp_db_test_lose_commit: lost before the server had it. */
		db->loseacks++;
		db->lasterr = CR_SERVER_LOST;
		disconnect(db);
		*doubt = marked;
		return MP_EDBTRANS;
	}
	if (mysql_commit(db->my)) {
		er = fail(db, NULL, __func__, "commit", NULL, 0);
		*doubt = marked && conn_error(db->lasterr);
		return er;
	}
	if (db->loseacks > 0) {
		/* mp_db_test_lose_commit: stored, and the answer "lost". */
		db->loseacks--;
		db->lasterr = CR_SERVER_LOST;
		disconnect(db);
		*doubt = marked;
		return MP_EDBTRANS;
	}
	return MP_OK;
}

enum mp_err
mp_db_marks_purge(struct mp_db *db, long age, unsigned long long *n)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(age);
	return mp_db_exec(db, stmts_db[STMT_MARK_PURGE], v, 1, n, NULL);
}

void
mp_db_test_lose_commit(struct mp_db *db, int n)
{

	db->loseacks = n;
}

/*
 * One run of a transaction's work: BEGIN, fn, the mark when it wrote,
 * COMMIT; rolled back on failure.  *doubt as commit() sets it.
 */
static enum mp_err
txn_once(struct mp_db *db, mp_txn_fn fn, void *arg, int *doubt)
{
	enum mp_err	 er;
	int		 marked = 0;

	*doubt = 0;
	db->intxn = 1;
	er = mp_db_exec(db, stmts_db[STMT_BEGIN], NULL, 0, NULL, NULL);
	db->wrote = 0;
	if (er == MP_OK)
		er = fn(db, arg);
	if (er == MP_OK && db->wrote)
		er = mark_write(db, &marked);
	if (er == MP_OK)
		er = commit(db, marked, doubt);
	if (er != MP_OK)
		rollback(db);
	db->intxn = 0;
	return er;
}

static enum mp_err
txn(struct mp_db *db, mp_txn_fn fn, void *arg, int single)
{
	enum mp_err	 er;
	int		 attempt, doubt = 0;
	long		 start = now_ms();

	/* Nested: the outer transaction is the unit of work. */
	if (db->intxn)
		return fn(db, arg);
	db->markseq++;
	/*
	 * On Galera a statement is certified when it commits.  In
	 * autocommit that is after a SELECT's rows went out, and the
	 * server retries a statement that failed certification by itself
	 * (wsrep_retry_autocommit): the retry stored the report, but its
	 * second result broke the connection (2013), so the intake spooled
	 * a report that was stored and the receipt named a reference that
	 * no report has (tests/cluster/run.sh: 5 of 400 receipts).  With
	 * an explicit COMMIT the conflict is reported and the whole work
	 * is retried here.
	 */
	for (attempt = 0; ; attempt++) {
		/*
		 * Down from the start: say so at once (the intake spools).
		 * Lost on the way: the server may be restarting or a
		 * Galera node changing, so keep trying until retries.
		 */
		if ((er = mp_db_connect(db)) != MP_OK) {
			if (er == MP_EDBDOWN && attempt > 0 &&
			    may_retry(db, attempt, start))
				continue;
			return er;
		}
		if (single && db->galera)
			single = 0;
		/*
		 * The last COMMIT went unanswered: its work is not run
		 * again if the mark says it was stored (arg then holds
		 * what that run left there).  Work that must happen once
		 * may carry a unique key too (the intake's submission
		 * id), so a run after a mark that could not be read ends
		 * in MP_EDUP.
		 */
		if (doubt) {
			er = mark_stored(db);
			if (er == MP_OK)
				mp_infox("%s: the unanswered commit was "
				    "stored", __func__);
			if (er == MP_EDBTRANS && may_retry(db, attempt, start))
				continue;
			if (er != MP_ENOTFOUND)
				break;
			doubt = 0;
		}
		if (!single)
			mark_row(db);
		if (single) {
			/* Set for one statement too: run() must not retry. */
			db->intxn = 1;
			er = fn(db, arg);
			db->intxn = 0;
		} else
			er = txn_once(db, fn, arg, &doubt);
		if (er != MP_EDBTRANS)
			break;
		if (!may_retry(db, attempt, start)) {
			mp_errx("%s: giving up after %d attempts in %ld ms "
			    "(error %u)", __func__, attempt + 1,
			    now_ms() - start, db->lasterr);
			break;
		}
		/* A retry, not a failure: the caller hears how it ends. */
		mp_infox("%s: retrying (attempt %d) after error %u",
		    __func__, attempt + 2, db->lasterr);
	}
	return er;
}

enum mp_err
mp_db_txn(struct mp_db *db, mp_txn_fn fn, void *arg)
{

	return txn(db, fn, arg, 0);
}

enum mp_err
mp_db_txn1(struct mp_db *db, mp_txn_fn fn, void *arg)
{

	return txn(db, fn, arg, 1);
}
