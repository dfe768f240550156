/*
 * savedfilter.c -- the owner of table saved_filter (see
 * savedfilter.h).  Every statement has the user in its WHERE clause:
 * an id of another user's filter finds nothing, the same answer as an
 * id that does not exist.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "errcode.h"
#include "savedfilter.h"
#include "valid.h"

enum stmt {
	STMT_LIST,
	STMT_GET,
	STMT_COUNT,
	STMT_ADD,
	STMT_DEL,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_LIST */
	"SELECT id, name, query FROM saved_filter WHERE user_id = ?"
	" ORDER BY name, id LIMIT 100",
	/* STMT_GET */
	"SELECT id, name, query FROM saved_filter WHERE user_id = ?"
	" AND id = ?",
	/*
	 * STMT_COUNT: locks the user's rows and the gap after them, so two
	 * saves at once cannot both pass the limit.
	 */
	"SELECT COUNT(*) FROM saved_filter WHERE user_id = ? FOR UPDATE",
	/* STMT_ADD */
	"INSERT INTO saved_filter (user_id, name, query) VALUES (?, ?, ?)",
	/* STMT_DEL */
	"DELETE FROM saved_filter WHERE user_id = ? AND id = ?",
};

/* The columns of STMT_LIST and STMT_GET. */
enum sf_col { SF_ID, SF_NAME, SF_QUERY };

/* The column of STMT_COUNT. */
enum count_col { COUNT_N };

int
mp_savedfilter_name_ok(const char *name)
{

	return name != NULL && !mp_valid_blank(name, strlen(name)) &&
	    mp_valid_text(name, strlen(name), MP_SAVEDFILTER_NAME_MAX, 0);
}

int
mp_savedfilter_query_ok(const char *q)
{
	size_t	 len;

	if (q == NULL || (len = strlen(q)) == 0 ||
	    len > MP_SAVEDFILTER_QUERY_MAX)
		return 0;
	/* Nothing that could end a header line or an attribute. */
	return strspn(q, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%&=-._~+") == len;
}

static void
sf_row(struct mp_stmt *st, struct mp_savedfilter *f)
{

	memset(f, 0, sizeof(*f));
	f->id = mp_db_int(st, SF_ID);
	(void)snprintf(f->name, sizeof(f->name), "%s",
	    mp_db_text(st, SF_NAME, NULL));
	(void)snprintf(f->query, sizeof(f->query), "%s",
	    mp_db_text(st, SF_QUERY, NULL));
}

enum mp_err
mp_savedfilter_list(struct mp_db *db, long long user, mp_savedfilter_fn fn,
    void *arg)
{
	struct mp_savedfilter	 f;
	struct mp_dbval		 v[1];
	struct mp_stmt		*st;
	enum mp_err		 er;

	v[0] = MP_DBINT(user);
	if ((er = mp_db_query(db, &st, stmts[STMT_LIST], v, 1)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		sf_row(st, &f);
		fn(&f, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_savedfilter_get(struct mp_db *db, long long user, long long id,
    struct mp_savedfilter *out)
{
	struct mp_dbval	 v[2];
	struct mp_stmt	*st;
	enum mp_err	 er;

	v[0] = MP_DBINT(user);
	v[1] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_GET], v, 2)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		sf_row(st, out);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_savedfilter_add(struct mp_db *db, long long user, const char *name,
    const char *query, long long *id)
{
	struct mp_dbval		 v[3];
	struct mp_stmt		*st;
	unsigned long long	 newid = 0;
	long long		 n = 0;
	enum mp_err		 er;

	if (id != NULL)
		*id = 0;
	if (user <= 0 || !mp_savedfilter_name_ok(name) ||
	    !mp_savedfilter_query_ok(query))
		return MP_EINVAL;
	v[0] = MP_DBINT(user);
	if ((er = mp_db_query(db, &st, stmts[STMT_COUNT], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		n = mp_db_int(st, COUNT_N);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	if (n >= MP_SAVEDFILTER_PER_USER)
		return MP_ETOOBIG;
	v[1] = MP_DBTEXT(name);
	v[2] = MP_DBTEXT(query);
	if ((er = mp_db_exec(db, stmts[STMT_ADD], v, 3, NULL, &newid)) !=
	    MP_OK)
		return er;
	if (id != NULL)
		*id = (long long)newid;
	return MP_OK;
}

enum mp_err
mp_savedfilter_remove(struct mp_db *db, long long user, long long id)
{
	struct mp_dbval		 v[2];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	v[0] = MP_DBINT(user);
	v[1] = MP_DBINT(id);
	if ((er = mp_db_exec(db, stmts[STMT_DEL], v, 2, &n, NULL)) != MP_OK)
		return er;
	return n == 1 ? MP_OK : MP_ENOTFOUND;
}
