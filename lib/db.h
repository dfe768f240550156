/*
 * db.h -- MariaDB access: one connection per worker process, made
 * lazily and remade after it is lost; every statement a prepared
 * statement with bound parameters, prepared once per connection and
 * cached by the address of its (static) SQL text; a transaction helper
 * that retries transient errors a bounded number of times.
 */
#ifndef MP_DB_H
#define MP_DB_H

#include <stddef.h>
#include <string.h>

#include "errcode.h"

struct mp_conf;
struct mp_db;
struct mp_stmt;

enum mp_dbtype {
	MP_DBT_NULL = 0,
	MP_DBT_INT,	/* long long */
	MP_DBT_TEXT,	/* p, len: UTF-8 text */
	MP_DBT_BLOB	/* p, len: bytes */
};

/* One bound parameter.  Use the constructors below. */
struct mp_dbval {
	enum mp_dbtype	 type;
	long long	 i;
	const void	*p;
	size_t		 len;
};

/*
 * Text and blob constructors are functions, not macros, so that the
 * argument is evaluated once and an array argument does not trip
 * -Waddress.  A NULL pointer makes an SQL NULL.
 */
static inline struct mp_dbval
mp_dbval_text(const char *s)
{
	struct mp_dbval	 v = { .type = MP_DBT_NULL };

	if (s != NULL) {
		v.type = MP_DBT_TEXT;
		v.p = s;
		v.len = strlen(s);
	}
	return v;
}

static inline struct mp_dbval
mp_dbval_blob(const void *b, size_t n)
{
	struct mp_dbval	 v = { .type = MP_DBT_NULL };

	if (b != NULL) {
		v.type = MP_DBT_BLOB;
		v.p = b;
		v.len = n;
	}
	return v;
}

#define MP_DBNULL()	((struct mp_dbval){ .type = MP_DBT_NULL })
#define MP_DBINT(v)	((struct mp_dbval){ .type = MP_DBT_INT, .i = (v) })
#define MP_DBTEXT(s)	mp_dbval_text(s)
#define MP_DBTEXTN(s, n) ((struct mp_dbval){ .type = MP_DBT_TEXT, \
			    .p = (s), .len = (n) })
#define MP_DBBLOB(b, n)	mp_dbval_blob((b), (n))

/*
 * Create a handle from the configuration (db.hosts, or db.host,
 * db.port and db.socket; db.name, db.user, db.password or
 * db.password_file, db.retries, db.retry_total_ms, db.connect_timeout,
 * db.rw_timeout, db.failback).  admin selects db.admin.* credentials
 * and db.admin.hosts, when set, instead (meldpuntctl).  Does not
 * connect.  MP_ECONF (logged)
 * for a bad server list (dbhost.h).
 */
enum mp_err	 mp_db_open(struct mp_db **, const struct mp_conf *,
		    int admin);
/*
 * As mp_db_open, with the credentials of a named account: "admin"
 * (db.admin.*, and db.admin.hosts as its servers), a program
 * ("intake", "feedback", "export", "dashboard": db.<program>.user
 * and .password or .password_file, when db.<program>.user is set;
 * its grants are sql/grants-<program>.sql) or NULL for the shared db.*
 * account, which a program without an account of its own uses too.
 */
enum mp_err	 mp_db_open_as(struct mp_db **, const struct mp_conf *,
		    const char *account);
/*
 * The password of account (as mp_db_open_as names it) into *pw, which
 * the caller frees with mp_alloc_freezero: <account>.password, or the first
 * line of the file <account>.password_file without its newline
 * (meldpuntctl grants hashes it for CREATE USER).  MP_ENOTFOUND when
 * neither is set; MP_ECONF with the reason in err when the file cannot
 * be read or is too long.
 */
enum mp_err	 mp_db_password(const struct mp_conf *, const char *account,
		    char **pw, char *err, size_t errsz);
void		 mp_db_close(struct mp_db *);
/*
 * Connect if not connected, to the first server of the list, from the
 * one after a server that was lost, that answers within
 * db.connect_timeout and is synced (Galera: wsrep_ready ON and
 * wsrep_local_state 4; a server without wsrep is).  MP_OK, or
 * MP_EDBDOWN when none will do (logged once a burst).
 */
enum mp_err	 mp_db_connect(struct mp_db *);
/*
 * A request is about to begin (mp_fcgi_accept): after db.failback
 * seconds on a later server, drop the connection so that the next
 * statement tries the first server again.  Does nothing inside a
 * transaction or with a result open.  db may be NULL.
 */
void		 mp_db_idle(struct mp_db *);
/*
 * The server connected to, as in the logs ("10.0.0.2:3306" or a socket
 * path), or NULL when not connected.  The string belongs to db.
 */
const char	*mp_db_host(const struct mp_db *);
/*
 * Each server of the list on its own, for meldpuntctl status: how many
 * there are, server i's label ("10.0.0.2:3306" or a socket path; NULL
 * past the end), and whether it takes a connection and is synced now
 * (MP_OK, MP_EDBDOWN; MP_EINVAL past the end).  The probe drops any
 * connection db had, before and after: never inside a transaction.
 */
size_t		 mp_db_nhosts(const struct mp_db *);
const char	*mp_db_host_label(const struct mp_db *, size_t i);
enum mp_err	 mp_db_probe(struct mp_db *, size_t i);

/*
 * Run a statement that returns no rows.  sql must be a string with
 * static storage (it keys the statement cache).  affected and
 * insert_id may be NULL.  Errors: MP_EDUP (duplicate key / constraint),
 * MP_EDBTRANS (lost connection, deadlock, lock wait timeout, Galera
 * conflict), MP_EDBDOWN, MP_EDB.
 */
enum mp_err	 mp_db_exec(struct mp_db *, const char *sql,
		    const struct mp_dbval *params, size_t nparams,
		    unsigned long long *affected,
		    unsigned long long *insert_id);

/*
 * Bind the connection: run sql (static storage, a SET of user
 * variables, say) with at most MP_DB_BIND_MAX parameters of at most
 * MP_DB_BIND_LEN bytes each, now and again on every new connection, so
 * that a reconnect cannot lose what the statements after it rely on
 * (sql/020, sql/021: the secret that binds a connection to one
 * reporter's report or one partner's feed).  Replaces the previous
 * binding; the values are copied, and wiped at mp_db_close.  Errors as
 * mp_db_exec; MP_EINVAL when the values do not fit.
 */
#define MP_DB_BIND_MAX	2
#define MP_DB_BIND_LEN	64
enum mp_err	 mp_db_bind(struct mp_db *, const char *sql,
		    const struct mp_dbval *params, size_t nparams);

/*
 * As mp_db_exec, for SQL text that is not static (migration files,
 * grants): prepared, executed and closed at once, never cached.  len is
 * the text's length.  Not for application statements.
 */
enum mp_err	 mp_db_exec_once(struct mp_db *, const char *sql,
		    size_t len, const struct mp_dbval *params, size_t nparams,
		    unsigned long long *affected);

/*
 * Run a query and keep its result set (buffered) in *stmt; read rows
 * with mp_db_next and finish with mp_db_done, always, before the
 * next statement of the same SQL text is run.
 */
enum mp_err	 mp_db_query(struct mp_db *, struct mp_stmt **stmt,
		    const char *sql, const struct mp_dbval *params,
		    size_t nparams);
/*
 * As mp_db_query, but rows stream from the server as they are read
 * (memory does not grow with the row count).  No other statement may
 * run on the connection until mp_db_done.
 */
enum mp_err	 mp_db_query_stream(struct mp_db *, struct mp_stmt **stmt,
		    const char *sql, const struct mp_dbval *params,
		    size_t nparams);
/* Next row: MP_OK, MP_ENOTFOUND after the last, or an error. */
enum mp_err	 mp_db_next(struct mp_stmt *);
/* Column values of the current row; NULL reads as 0 / NULL. */
int		 mp_db_isnull(struct mp_stmt *, unsigned col);
long long	 mp_db_int(struct mp_stmt *, unsigned col);
/*
 * Text or blob column: NUL-terminated, valid until the next
 * mp_db_next or mp_db_done; *len (may be NULL) gets its size.
 */
const char	*mp_db_text(struct mp_stmt *, unsigned col, size_t *len);
/*
 * The first column of the first row of a query into *n: MP_OK,
 * MP_ENOTFOUND (*n unchanged) when there is no row, or an error.
 */
enum mp_err	 mp_db_query_int(struct mp_db *, const char *sql,
		    const struct mp_dbval *params, size_t nparams,
		    long long *n);
/* Free the result set; the prepared statement stays cached. */
void		 mp_db_done(struct mp_stmt *);
/*
 * The number of result columns (0 for NULL or no result), for a reader
 * of whole rows whatever the schema (lib/tablesum.c: SELECT t.*).
 */
unsigned	 mp_db_ncols(const struct mp_stmt *);

/*
 * Run fn(db, arg) inside one transaction.  On MP_EDBTRANS from fn or
 * the commit the transaction is rolled back, the connection remade if
 * it was lost, and fn run again, up to db.retries times (default 30)
 * and within db.retry_total_ms (default 10 s), with a jittered pause
 * growing from 10 to 500 ms.  A statement that fails while its result
 * is read is prepared afresh and its connection dropped (db.c
 * in_doubt).  Any other error from fn rolls back and
 * is returned.  fn may therefore run more than once: it must not
 * consume or change arg in a way a second run could not repeat.
 * A transaction that wrote is stored at most once: when its COMMIT
 * goes unanswered (the connection lost), the process's mark in
 * txn_mark (sql/063) tells on the next connection whether it was
 * stored, and then fn is not run again and arg holds what the stored
 * run left there.
 */
typedef enum mp_err (*mp_txn_fn)(struct mp_db *, void *arg);
enum mp_err	 mp_db_txn(struct mp_db *, mp_txn_fn, void *arg);
/*
 * The same for work that is one statement: it commits by itself
 * (autocommit), which saves the round trips of begin and commit, with
 * the same retries.  fn must run exactly one statement that changes
 * anything, or what it does is not atomic.  On a Galera node it runs
 * with begin and commit all the same: there a statement that fails
 * certification at its autocommit is retried by the server after its
 * rows were sent, and the client loses track (lib/db.c, txn).
 */
enum mp_err	 mp_db_txn1(struct mp_db *, mp_txn_fn, void *arg);
/*
 * Remove the transaction marks (sql/063) not written for age seconds:
 * those of processes that ended.  *n (may be NULL) gets how many.
 */
enum mp_err	 mp_db_marks_purge(struct mp_db *, long age,
		    unsigned long long *n);
/*
 * For the tests: the next n commits of mp_db_txn are stored and then
 * treated as unanswered (the connection dropped, error 2013), as when a
 * Galera node dies between its COMMIT and the answer; for n < 0 the
 * next -n are lost before the server has them (so not stored).
 */
void		 mp_db_test_lose_commit(struct mp_db *, int n);

/* The server's error number of the last failure (0 if none). */
/*
 * The error a stored routine raises (SIGNAL ... MYSQL_ERRNO) when a rate
 * limit refuses: statements report it as MP_ELIMIT, not as a failure.
 */
#define MP_DB_ERRNO_LIMIT	45429
unsigned int	 mp_db_errno(const struct mp_db *);
/* 1 if errno is worth a retry (connection lost, 1205, 1213, 1047...). */
int		 mp_db_transient(unsigned int errnum);

#endif
