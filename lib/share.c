/*
 * share.c -- sharing reports with partners and the change sequence
 * (see share.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "errcode.h"
#include "log.h"
#include "share.h"

enum stmt {
	STMT_BUMP,
	STMT_SEQ,
	STMT_TOUCH,
	STMT_SET_SEQ,
	STMT_SHARE,
	STMT_BACKFILL,
	STMT_MAXID,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_BUMP */
	"UPDATE export_counter SET seq = seq + 1 WHERE id = 1",
	/* STMT_SEQ */
	"SELECT seq FROM export_counter WHERE id = 1",
	/*
	 * STMT_TOUCH: the partners' rules applied to the report and its
	 * shares renumbered, by the function the follow-up's replies use
	 * too (sql/020), so the rule is written once.
	 */
	"SELECT share_touch(?)",
	/* STMT_SET_SEQ */
	"UPDATE report_share SET seq = ?, changed_at = UTC_TIMESTAMP()"
	" WHERE report_id = ?",
	/* STMT_SHARE */
	"INSERT INTO report_share (partner_id, report_id, seq, via,"
	" shared_by, shared_at, changed_at) VALUES (?, ?, 0, 'actie', ?,"
	" UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/* STMT_BACKFILL */
	"INSERT INTO report_share (partner_id, report_id, seq, via,"
	" shared_at, changed_at) SELECT pr.partner_id, r.id, ?, 'regel',"
	" UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM partner_rule pr JOIN report r"
	" ON r.signal_type_id = pr.signal_type_id WHERE pr.partner_id = ?"
	" AND r.id > ? AND r.id <= ? AND NOT EXISTS (SELECT 1 FROM"
	" report_share s WHERE s.partner_id = pr.partner_id AND"
	" s.report_id = r.id)",
	/* STMT_MAXID */
	"SELECT COALESCE(MAX(id), 0) FROM report",
};

/* Reports per backfill transaction (a rule over a million reports). */
#define BACKFILL_BATCH	20000

#define SEQ_MAX	9223372036854775807ULL

/* One decimal number without sign or leading zero, below 2^63. */
static int
number(const char *s, size_t n, unsigned long long *v)
{
	size_t	 i;

	if (n == 0 || n > 19 || (n > 1 && s[0] == '0'))
		return 0;
	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		if (*v > (SEQ_MAX - (unsigned)(s[i] - '0')) / 10)
			return 0;
		*v = *v * 10 + (unsigned)(s[i] - '0');
	}
	return 1;
}

int
mp_share_cursor_parse(const char *s, struct mp_cursor *c)
{
	const char	*dash;

	c->seq = c->id = 0;
	if (s == NULL || s[0] == '\0')
		return 1;
	if (strlen(s) >= MP_CURSOR_SZ || (dash = strchr(s, '-')) == NULL)
		return 0;
	return number(s, (size_t)(dash - s), &c->seq) &&
	    number(dash + 1, strlen(dash + 1), &c->id);
}

void
mp_share_cursor_format(const struct mp_cursor *c, char out[MP_CURSOR_SZ])
{

	(void)snprintf(out, MP_CURSOR_SZ, "%llu-%llu", c->seq, c->id);
}

enum mp_err
mp_share_next_seq(struct mp_db *db, unsigned long long *seq)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	if ((er = mp_db_exec(db, stmts[STMT_BUMP], NULL, 0, NULL, NULL)) !=
	    MP_OK)
		return er;
	if ((er = mp_db_query(db, &st, stmts[STMT_SEQ], NULL, 0)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		*seq = (unsigned long long)mp_db_int(st, 0);
	else if (er == MP_ENOTFOUND) {
		mp_errx("%s: export_counter has no row", __func__);
		er = MP_EDB;
	}
	mp_db_done(st);
	return er;
}

/* Give every share of report id a new sequence number. */
static enum mp_err
renumber(struct mp_db *db, long long id)
{
	struct mp_dbval		 v[2];
	unsigned long long	 seq;
	enum mp_err		 er;

	if ((er = mp_share_next_seq(db, &seq)) != MP_OK)
		return er;
	v[0] = MP_DBINT((long long)seq);
	v[1] = MP_DBINT(id);
	return mp_db_exec(db, stmts[STMT_SET_SEQ], v, 2, NULL, NULL);
}

enum mp_err
mp_share_touch(struct mp_db *db, long long id)
{
	struct mp_stmt		*st;
	struct mp_dbval		 v[1];
	enum mp_err		 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_TOUCH], v, 1)) != MP_OK)
		return er;
	er = mp_db_next(st);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_EDB : er;
}

enum mp_err
mp_share_report(struct mp_db *db, long long partner_id, long long id,
    const char *by)
{
	struct mp_dbval	 v[3];
	enum mp_err	 er;

	v[0] = MP_DBINT(partner_id);
	v[1] = MP_DBINT(id);
	v[2] = MP_DBTEXT(by != NULL ? by : "");
	if ((er = mp_db_exec(db, stmts[STMT_SHARE], v, 3, NULL, NULL)) !=
	    MP_OK)
		return er;
	return renumber(db, id);
}

struct backfill {
	long long		 partner, from, to;
	unsigned long long	 added;
};

static enum mp_err
backfill_txn(struct mp_db *db, void *arg)
{
	struct backfill		*b = arg;
	struct mp_dbval		 v[4];
	unsigned long long	 seq;
	enum mp_err		 er;

	b->added = 0;
	if ((er = mp_share_next_seq(db, &seq)) != MP_OK)
		return er;
	v[0] = MP_DBINT((long long)seq);
	v[1] = MP_DBINT(b->partner);
	v[2] = MP_DBINT(b->from);
	v[3] = MP_DBINT(b->to);
	return mp_db_exec(db, stmts[STMT_BACKFILL], v, 4, &b->added, NULL);
}

enum mp_err
mp_share_backfill(struct mp_db *db, long long partner_id, long long *n)
{
	struct backfill	 b;
	struct mp_stmt	*st;
	long long	 max = 0;
	enum mp_err	 er;

	if (n != NULL)
		*n = 0;
	if ((er = mp_db_query(db, &st, stmts[STMT_MAXID], NULL, 0)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		max = mp_db_int(st, 0);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	/*
	 * Batches by id, each its own transaction with its own number:
	 * the counter is held for one batch at a time, and no statement
	 * runs into the client's read timeout.  Reports stored meanwhile
	 * are shared by the rule itself (mp_share_touch).
	 */
	memset(&b, 0, sizeof(b));
	b.partner = partner_id;
	for (b.from = 0; b.from < max; b.from += BACKFILL_BATCH) {
		b.to = b.from + BACKFILL_BATCH;
		if ((er = mp_db_txn(db, backfill_txn, &b)) != MP_OK)
			return er;
		if (n != NULL)
			*n += (long long)b.added;
	}
	return MP_OK;
}
