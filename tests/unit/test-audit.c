/*
 * test-audit.c -- appending to the audit log (lib/audit.c) against a
 * private MariaDB (tests/lib/mariadb.sh): every field stored as given,
 * no user and no object stored as NULL, missing texts as "", values
 * too long for their column cut to it on a character boundary (the
 * server is strict and would refuse them), the server's time, an entry
 * rolled back with its transaction, and a failure returned.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"

static struct testenv	 E;

static const char sql_clear[] = "DELETE FROM audit_log";
static const char sql_count[] = "SELECT COUNT(*) FROM audit_log";
static const char sql_last[] =
    "SELECT user_id, username, action, object_type, object_id,"
    " client_addr, detail, user_id IS NULL, object_id IS NULL,"
    " ABS(TIMESTAMPDIFF(SECOND, at, UTC_TIMESTAMP())),"
    " CHAR_LENGTH(username), CHAR_LENGTH(action),"
    " CHAR_LENGTH(object_type), CHAR_LENGTH(client_addr),"
    " CHAR_LENGTH(detail)"
    " FROM audit_log ORDER BY id DESC LIMIT 1";

enum {
	C_USER, C_USERNAME, C_ACTION, C_OTYPE, C_OID, C_CLIENT, C_DETAIL,
	C_USER_NULL, C_OID_NULL, C_AGE, C_LUSER, C_LACTION, C_LOTYPE,
	C_LCLIENT, C_LDETAIL, C__MAX
};

struct row {
	long long	 n[C__MAX];
	char		 t[C__MAX][4100];
};

static int
group_setup(void **state)
{

	(void)state;
	return testenv_setup(&E, "test-audit", 6);
}

static int
group_teardown(void **state)
{

	(void)state;
	testenv_teardown(&E);
	return 0;
}

static int
clear(void **state)
{

	(void)state;
	return mp_db_exec(E.db, sql_clear, NULL, 0, NULL, NULL) == MP_OK ?
	    0 : -1;
}

static struct row *
last(void)
{
	static struct row	 r;
	struct mp_stmt		*s;
	const char		*p;
	int			 i;

	memset(&r, 0, sizeof(r));
	assert_int_equal(mp_db_query(E.db, &s, sql_last, NULL, 0), MP_OK);
	assert_int_equal(mp_db_next(s), MP_OK);
	for (i = 0; i < C__MAX; i++) {
		if (mp_db_isnull(s, i))
			continue;
		p = mp_db_text(s, i, NULL);
		(void)snprintf(r.t[i], sizeof(r.t[i]), "%s", p ? p : "");
		if (i == C_USER || i == C_OID || i >= C_USER_NULL)
			r.n[i] = mp_db_int(s, i);
	}
	mp_db_done(s);
	return &r;
}

/* Every field as given; the time is the server's now. */
static void
test_fields(void **state)
{
	struct row	*r;

	(void)state;
	assert_int_equal(mp_audit(E.db, 12, "hanna", "melding bekeken",
	    "melding", 345, "192.0.2.7", "tab: historie"), MP_OK);
	r = last();
	assert_int_equal(r->n[C_USER], 12);
	assert_string_equal(r->t[C_USERNAME], "hanna");
	assert_string_equal(r->t[C_ACTION], "melding bekeken");
	assert_string_equal(r->t[C_OTYPE], "melding");
	assert_int_equal(r->n[C_OID], 345);
	assert_string_equal(r->t[C_CLIENT], "192.0.2.7");
	assert_string_equal(r->t[C_DETAIL], "tab: historie");
	assert_true(r->n[C_AGE] <= 5);
	assert_int_equal(testdb_int(E.db, sql_count, NULL, 0), 1);
}

/*
 * A failed sign-in: no user id and no object are NULL (not 0, which
 * would name nobody); missing texts are empty.
 */
static void
test_nothing_known(void **state)
{
	struct row	*r;

	(void)state;
	assert_int_equal(mp_audit(E.db, 0, NULL, "aanmelden geweigerd", NULL,
	    0, NULL, NULL), MP_OK);
	r = last();
	assert_int_equal(r->n[C_USER_NULL], 1);
	assert_int_equal(r->n[C_OID_NULL], 1);
	assert_string_equal(r->t[C_USERNAME], "");
	assert_string_equal(r->t[C_OTYPE], "");
	assert_string_equal(r->t[C_CLIENT], "");
	assert_string_equal(r->t[C_DETAIL], "");
	assert_string_equal(r->t[C_ACTION], "aanmelden geweigerd");
	/* Negative ids are no ids either. */
	assert_int_equal(mp_audit(E.db, -5, "x", "y", "z", -9, "", ""),
	    MP_OK);
	r = last();
	assert_int_equal(r->n[C_USER_NULL], 1);
	assert_int_equal(r->n[C_OID_NULL], 1);
}

/* s: n copies of the UTF-8 character c into buf. */
static char *
rep(char *buf, size_t bufsz, const char *c, size_t n)
{
	size_t	 i, len = strlen(c);

	assert_true(n * len < bufsz);
	for (i = 0; i < n; i++)
		memcpy(buf + i * len, c, len);
	buf[n * len] = '\0';
	return buf;
}

/*
 * Too long for a column: cut to its length in characters, never in
 * the middle of one (a cut multi-byte character would be refused).
 */
static void
test_cut(void **state)
{
	static char	 user[400], action[200], otype[100], client[300];
	static char	 detail[4100], want[4100];
	struct row	*r;

	(void)state;
	assert_int_equal(mp_audit(E.db, 1, rep(user, sizeof(user), "\xc3\xa9",
	    70), rep(action, sizeof(action), "a", 40), rep(otype,
	    sizeof(otype), "o", 20), 1, rep(client, sizeof(client), "1",
	    50), rep(detail, sizeof(detail), "d", 1001)), MP_OK);
	r = last();
	assert_int_equal(r->n[C_LUSER], 64);
	assert_string_equal(r->t[C_USERNAME], rep(want, sizeof(want),
	    "\xc3\xa9", 64));
	assert_int_equal(r->n[C_LACTION], 32);
	assert_int_equal(r->n[C_LOTYPE], 16);
	assert_int_equal(r->n[C_LCLIENT], 45);
	assert_int_equal(r->n[C_LDETAIL], 1000);
	assert_string_equal(r->t[C_DETAIL], rep(want, sizeof(want), "d",
	    1000));
	/* Four-byte characters: 1000 of them fit, the 1001st goes. */
	assert_int_equal(mp_audit(E.db, 1, "u", "a", "o", 1, "c",
	    rep(detail, sizeof(detail), "\xf0\x9f\x9a\x90", 1001)), MP_OK);
	r = last();
	assert_int_equal(r->n[C_LDETAIL], 1000);
	/* Exactly the column's length is kept whole. */
	assert_int_equal(mp_audit(E.db, 1, rep(user, sizeof(user), "u", 64),
	    "a", "o", 1, "c", "d"), MP_OK);
	r = last();
	assert_int_equal(r->n[C_LUSER], 64);
	assert_int_equal(testdb_int(E.db, sql_count, NULL, 0), 3);
}

static enum mp_err
audit_then_fail(struct mp_db *db, void *arg)
{
	enum mp_err	 er;

	(void)arg;
	if ((er = mp_audit(db, 3, "cor", "melding gewijzigd", "melding", 9,
	    "192.0.2.1", "status")) != MP_OK)
		return er;
	return MP_EINVAL;
}

/*
 * An entry written in a transaction that fails goes with it; the
 * caller's change and its entry are one.  A failure of the insert
 * itself is returned.
 */
static void
test_txn_and_failure(void **state)
{

	(void)state;
	assert_int_equal(mp_db_txn(E.db, audit_then_fail, NULL), MP_EINVAL);
	assert_int_equal(testdb_int(E.db, sql_count, NULL, 0), 0);
	assert_int_equal(mp_db_exec(E.db,
	    "RENAME TABLE audit_log TO audit_log_away", NULL, 0, NULL, NULL),
	    MP_OK);
	assert_int_not_equal(mp_audit(E.db, 1, "u", "a", "o", 1, "c", "d"),
	    MP_OK);
	assert_int_equal(mp_db_exec(E.db,
	    "RENAME TABLE audit_log_away TO audit_log", NULL, 0, NULL, NULL),
	    MP_OK);
	assert_int_equal(mp_audit(E.db, 1, "u", "a", "o", 1, "c", "d"),
	    MP_OK);
	assert_int_equal(testdb_int(E.db, sql_count, NULL, 0), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_fields, clear),
		cmocka_unit_test_setup(test_nothing_known, clear),
		cmocka_unit_test_setup(test_cut, clear),
		cmocka_unit_test_setup(test_txn_and_failure, clear),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
