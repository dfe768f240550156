/*
 * replytpl.c -- the owner of table reply_template (see replytpl.h).
 * The limits are checked here as well as on the page, so meldpuntctl
 * or a later page cannot store a template no message could carry.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "errcode.h"
#include "replytpl.h"
#include "valid.h"

enum stmt {
	STMT_LIST,
	STMT_OFFER,
	STMT_GET,
	STMT_COUNT,
	STMT_TYPE_OK,
	STMT_ADD,
	STMT_LOCK,
	STMT_CHANGE,
	STMT_DEL,
	STMT__MAX
};

#define TPL_COLS \
	"SELECT t.id, COALESCE(t.signal_type_id, 0), t.active, t.title," \
	" t.body, COALESCE(st.name, '') FROM reply_template t" \
	" LEFT JOIN signal_type st ON st.id = t.signal_type_id"

static const char *const stmts[STMT__MAX] = {
	/* STMT_LIST */
	TPL_COLS " ORDER BY t.active DESC, t.signal_type_id IS NULL,"
	" st.name, t.title, t.id",
	/* STMT_OFFER: this type's first, then the general ones. */
	TPL_COLS " WHERE t.active = 1 AND (t.signal_type_id = ?"
	" OR t.signal_type_id IS NULL)"
	" ORDER BY t.signal_type_id IS NULL, t.title, t.id LIMIT 200",
	/* STMT_GET */
	TPL_COLS " WHERE t.id = ?",
	/*
	 * STMT_COUNT: locks what it counts, so two coordinators adding at
	 * once cannot both pass the limit.
	 */
	"SELECT COUNT(*) FROM reply_template FOR UPDATE",
	/* STMT_TYPE_OK */
	"SELECT 1 FROM signal_type WHERE id = ?",
	/* STMT_ADD */
	"INSERT INTO reply_template (title, body, signal_type_id, active,"
	" updated_by) VALUES (?, ?, ?, ?, ?)",
	/* STMT_LOCK: whether it exists, locked for the change. */
	"SELECT 1 FROM reply_template WHERE id = ? FOR UPDATE",
	/* STMT_CHANGE */
	"UPDATE reply_template SET title = ?, body = ?, signal_type_id = ?,"
	" active = ?, updated_by = ?, updated_at = CURRENT_TIMESTAMP"
	" WHERE id = ?",
	/* STMT_DEL */
	"DELETE FROM reply_template WHERE id = ?",
};

/* The columns of STMT_LIST, STMT_OFFER and STMT_GET. */
enum tpl_col {
	TC_ID, TC_TYPE, TC_ACTIVE, TC_TITLE, TC_BODY, TC_TYPE_NAME
};

/* The column of STMT_COUNT. */
enum count_col { COUNT_N };

const char *
mp_replytpl_invalid(const struct mp_replytpl *t)
{

	if (mp_valid_blank(t->title, strlen(t->title)) ||
	    !mp_valid_text(t->title, strlen(t->title), MP_REPLYTPL_TITLE_MAX,
	    0))
		return "title";
	if (mp_valid_blank(t->body, strlen(t->body)) ||
	    !mp_valid_text(t->body, strlen(t->body), MP_REPLYTPL_BODY_MAX, 1))
		return "body";
	if (t->signal_type < 0)
		return "type";
	return NULL;
}

static void
tpl_row(struct mp_stmt *st, struct mp_replytpl *t)
{

	memset(t, 0, sizeof(*t));
	t->id = mp_db_int(st, TC_ID);
	t->signal_type = mp_db_int(st, TC_TYPE);
	t->active = mp_db_int(st, TC_ACTIVE) != 0;
	(void)snprintf(t->title, sizeof(t->title), "%s",
	    mp_db_text(st, TC_TITLE, NULL));
	(void)snprintf(t->body, sizeof(t->body), "%s",
	    mp_db_text(st, TC_BODY, NULL));
	(void)snprintf(t->signal_name, sizeof(t->signal_name), "%s",
	    mp_db_text(st, TC_TYPE_NAME, NULL));
}

/* Every row of statement s with values v to fn. */
static enum mp_err
each(struct mp_db *db, enum stmt s, const struct mp_dbval *v, size_t n,
    mp_replytpl_fn fn, void *arg)
{
	struct mp_replytpl	 t;
	struct mp_stmt		*st;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, stmts[s], v, n)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		tpl_row(st, &t);
		fn(&t, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_replytpl_list(struct mp_db *db, mp_replytpl_fn fn, void *arg)
{

	return each(db, STMT_LIST, NULL, 0, fn, arg);
}

enum mp_err
mp_replytpl_offer(struct mp_db *db, long long type, mp_replytpl_fn fn,
    void *arg)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT(type);
	return each(db, STMT_OFFER, v, 1, fn, arg);
}

enum mp_err
mp_replytpl_get(struct mp_db *db, long long id, struct mp_replytpl *out)
{
	struct mp_dbval	 v[1];
	struct mp_stmt	*st;
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_GET], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		tpl_row(st, out);
	mp_db_done(st);
	return er;
}

/* The checks of add and change: limits, and that the type exists. */
static enum mp_err
check(struct mp_db *db, const struct mp_replytpl *t)
{
	struct mp_dbval	 v[1];
	struct mp_stmt	*st;
	enum mp_err	 er;

	if (mp_replytpl_invalid(t) != NULL)
		return MP_EINVAL;
	if (t->signal_type == 0)
		return MP_OK;
	v[0] = MP_DBINT(t->signal_type);
	if ((er = mp_db_query(db, &st, stmts[STMT_TYPE_OK], v, 1)) != MP_OK)
		return er;
	er = mp_db_next(st);
	mp_db_done(st);
	return er;
}

/* The values of STMT_ADD, and the first five of STMT_CHANGE. */
static void
values(const struct mp_replytpl *t, const char *actor, struct mp_dbval *v)
{

	v[0] = MP_DBTEXT(t->title);
	v[1] = MP_DBTEXT(t->body);
	v[2] = t->signal_type > 0 ? MP_DBINT(t->signal_type) : MP_DBNULL();
	v[3] = MP_DBINT(t->active ? 1 : 0);
	v[4] = MP_DBTEXT(actor != NULL ? actor : "");
}

enum mp_err
mp_replytpl_add(struct mp_db *db, const struct mp_replytpl *t,
    const char *actor, long long *id)
{
	struct mp_dbval		 v[5];
	struct mp_stmt		*st;
	unsigned long long	 newid = 0;
	long long		 n = 0;
	enum mp_err		 er;

	if (id != NULL)
		*id = 0;
	if ((er = check(db, t)) != MP_OK)
		return er;
	if ((er = mp_db_query(db, &st, stmts[STMT_COUNT], NULL, 0)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		n = mp_db_int(st, COUNT_N);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	if (n >= MP_REPLYTPL_MAX)
		return MP_ETOOBIG;
	values(t, actor, v);
	if ((er = mp_db_exec(db, stmts[STMT_ADD], v, 5, NULL, &newid)) !=
	    MP_OK)
		return er;
	if (id != NULL)
		*id = (long long)newid;
	return MP_OK;
}

enum mp_err
mp_replytpl_change(struct mp_db *db, const struct mp_replytpl *t,
    const char *actor)
{
	struct mp_dbval		 v[6];
	struct mp_stmt		*st;
	enum mp_err		 er;

	if ((er = check(db, t)) != MP_OK)
		return er;
	/*
	 * Whether it exists, read first: an UPDATE that changes nothing
	 * hits no row either, which is no error.
	 */
	v[0] = MP_DBINT(t->id);
	if ((er = mp_db_query(db, &st, stmts[STMT_LOCK], v, 1)) != MP_OK)
		return er;
	er = mp_db_next(st);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	values(t, actor, v);
	v[5] = MP_DBINT(t->id);
	return mp_db_exec(db, stmts[STMT_CHANGE], v, 6, NULL, NULL);
}

enum mp_err
mp_replytpl_remove(struct mp_db *db, long long id)
{
	struct mp_dbval		 v[1];
	unsigned long long	 n = 0;
	enum mp_err		 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_exec(db, stmts[STMT_DEL], v, 1, &n, NULL)) != MP_OK)
		return er;
	return n == 1 ? MP_OK : MP_ENOTFOUND;
}
