/*
 * link.c -- the owner of table report_link (sql/030): a handler's
 * decisions about two reports (see link.h).
 */
#include "config.h"

#include <string.h>

#include "access.h"
#include "db.h"
#include "sqltext.h"
#include "link.h"
#include "valid.h"

static const char *const kinds[MP_LINK__MAX] = {
	[MP_LINK_SAME] = "same",
	[MP_LINK_UNRELATED] = "unrelated",
	[MP_LINK_DUPLICATE] = "duplicate",
};

enum stmt {
	STMT_MARK,
	STMT_LIST,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_MARK: the pair lower id first (the table's CHECK). */
	"INSERT INTO report_link (report_a, report_b, kind, duplicate_id,"
	" reason, created_by, created_at)"
	" VALUES (LEAST(?, ?), GREATEST(?, ?), ?, ?, ?, ?, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE kind = VALUES(kind),"
	" duplicate_id = VALUES(duplicate_id), reason = VALUES(reason),"
	" created_by = VALUES(created_by), created_at = VALUES(created_at)",
	/*
	 * STMT_LIST: both directions, each by its own index; the other
	 * report's reference only where the user may see it.
	 */
	"SELECT l.other, l.kind, l.dup, l.reason, l.at,"
	" {visible},"
	" IF({visible}, r.reference, '') FROM ("
	" SELECT report_b AS other, kind, duplicate_id = report_a AS dup,"
	" reason, UNIX_TIMESTAMP(created_at) AS at FROM report_link"
	" WHERE report_a = ?"
	" UNION ALL"
	" SELECT report_a, kind, duplicate_id = report_b, reason,"
	" UNIX_TIMESTAMP(created_at) FROM report_link WHERE report_b = ?"
	") l JOIN report r ON r.id = l.other"
	" ORDER BY l.at DESC, l.other DESC LIMIT ?",
};

/* The visibility rule (access.h) in STMT_LIST. */
static const struct mp_sqltext_part parts[] = {
	{ "visible", mp_access_sql_visible },
	{ NULL, NULL }
};

struct mp_sqltext_set mp_link_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&mp_link_sql, (s))

/* STMT_LIST's columns. */
enum lcol {
	LC_OTHER, LC_KIND, LC_DUP, LC_REASON, LC_AT, LC_VIS, LC_REFERENCE
};

const char *
mp_link_kind_name(enum mp_link_kind k)
{

	return (int)k > 0 && k < MP_LINK__MAX ? kinds[k] : NULL;
}

enum mp_err
mp_link_mark(struct mp_db *db, enum mp_link_kind kind, long long a,
    long long b, const char *reason, long long user)
{
	struct mp_dbval	 v[8];

	if (mp_link_kind_name(kind) == NULL || a <= 0 || b <= 0 || a == b ||
	    reason == NULL || mp_valid_blank(reason, strlen(reason)) ||
	    strlen(reason) > MP_LINK_REASON_MAX)
		return MP_EINVAL;
	v[0] = v[2] = MP_DBINT(a);
	v[1] = v[3] = MP_DBINT(b);
	v[4] = MP_DBTEXT(kinds[kind]);
	v[5] = kind == MP_LINK_DUPLICATE ? MP_DBINT(a) : MP_DBNULL();
	v[6] = MP_DBTEXT(reason);
	v[7] = MP_DBINT(user);
	return mp_db_exec(db, SQL(STMT_MARK), v, 8, NULL, NULL);
}

enum mp_err
mp_link_list(struct mp_db *db, long long report,
    const struct mp_dbval *vis, unsigned limit, mp_link_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_link_row	 l;
	struct mp_dbval		 v[7];
	const char		*k;
	size_t			 i;
	enum mp_err		 er;

	if (limit < 1 || limit > 1000)
		return MP_EINVAL;
	v[0] = v[2] = vis[0];
	v[1] = v[3] = vis[1];
	v[4] = v[5] = MP_DBINT(report);
	v[6] = MP_DBINT(limit);
	if ((er = mp_db_query(db, &st, SQL(STMT_LIST), v, 7)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		memset(&l, 0, sizeof(l));
		l.other = mp_db_int(st, LC_OTHER);
		k = mp_db_text(st, LC_KIND, NULL);
		for (i = 1; i < MP_LINK__MAX; i++)
			if (k != NULL && strcmp(k, kinds[i]) == 0)
				l.kind = (enum mp_link_kind)i;
		l.this_dup = !mp_db_isnull(st, LC_DUP) &&
		    mp_db_int(st, LC_DUP) != 0;
		l.visible = mp_db_int(st, LC_VIS) != 0;
		/* The reason may tell of the other report: need-to-know. */
		l.reason = l.visible ? mp_db_text(st, LC_REASON, NULL) : "";
		l.reference = l.visible ? mp_db_text(st, LC_REFERENCE,
		    NULL) : "";
		l.at = mp_db_int(st, LC_AT);
		if (l.kind != 0)
			fn(&l, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}
