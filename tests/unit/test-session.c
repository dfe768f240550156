/*
 * test-session.c -- server-side sessions (lib/session.c) against a
 * private MariaDB (tests/lib/mariadb.sh): the cookie is random and only
 * its keyed hash is stored; a session is found by its cookie and by
 * nothing else; idle and absolute expiry end it and delete the row;
 * the last use is written at most every minute (a quarter of a short
 * idle time); sign-out, the end of every session of one owner and the
 * purge remove exactly their rows; the CSRF check; a reporter signs in
 * only with the code of the report (through the database's definer
 * function) and a bad cookie never reaches the previous request's
 * session; the dashboard's user-and-session read in portal and local
 * mode.  (The HTTP side is tested end to end: test-31, test-43.)
 */
#include "config.h"

#include <time.h>

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

/* A fixed moment for staff sessions: the program passes its clock. */
#define T0	((time_t)1790000000)
#define IDLE	3600L
#define ABS	(8L * 3600L)

static struct testenv	 E;
static long long	 hanna, henk;	/* two users */
static long long	 report;	/* a report with a code */
static const char	 code[] = "ABCDE-FGHJK-MNPQR-STVWX";
static const char	 reference[] = "M-2026-000042";

static const char sql_user[] =
    "INSERT INTO app_user (username, display_name, role)"
    " VALUES (?, ?, 'handler')";
static const char sql_user_id[] =
    "SELECT id FROM app_user WHERE username = ?";
static const char sql_report[] =
    "INSERT INTO report (reference, channel, audience_id, signal_type_id,"
    " description, observed_date, involved_people, involved_companies,"
    " involved_vehicles, anonymous, code_hash, received_at)"
    " SELECT ?, 'web', MIN(a.id), MIN(t.id), 'Een melding', '2026-01-01',"
    " '', '', '', 1, ?, UTC_TIMESTAMP() FROM audience a, signal_type t";
static const char sql_report_id[] =
    "SELECT id FROM report WHERE reference = ?";
static const char sql_staff_rows[] = "SELECT COUNT(*) FROM session";
static const char sql_staff_of[] =
    "SELECT COUNT(*) FROM session WHERE user_id = ?";
static const char sql_staff_hash[] =
    "SELECT COUNT(*) FROM session WHERE id_hash = ?";
static const char sql_staff_seen[] =
    "SELECT UNIX_TIMESTAMP(last_seen) FROM session WHERE id_hash = ?";
static const char sql_staff_cookie[] =
    "SELECT COUNT(*) FROM session WHERE LOCATE(?, id_hash) > 0"
    " OR LOCATE(?, csrf) > 0";
static const char sql_rep_rows[] = "SELECT COUNT(*) FROM reporter_session";
static const char sql_rep_seen[] =
    "SELECT UNIX_TIMESTAMP(last_seen) FROM reporter_session"
    " WHERE id_hash = ?";
/* The report the connection is bound to (sql/020), NULL for none. */
static const char sql_bound[] = "SELECT feedback_bound_report()";
static const char sql_clear_staff[] = "DELETE FROM session";
static const char sql_clear_rep[] = "DELETE FROM reporter_session";

static long long
one_text(const char *sql, const char *text)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBTEXT(text);
	return testdb_int(E.db, sql, v, 1);
}

static long long
one_blob(const char *sql, const unsigned char *b, size_t len)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBBLOB(b, len);
	return testdb_int(E.db, sql, v, 1);
}

static long long
add_user(const char *name, const char *display)
{
	struct mp_dbval	 v[2];

	v[0] = MP_DBTEXT(name);
	v[1] = MP_DBTEXT(display);
	if (mp_db_exec(E.db, sql_user, v, 2, NULL, NULL) != MP_OK)
		return -1;
	return one_text(sql_user_id, name);
}

static int
group_setup(void **state)
{
	unsigned char	 h[MP_SHA256_LEN];
	struct mp_dbval	 v[2];

	(void)state;
	if (testenv_setup(&E, "test-session", 3) != 0)
		return -1;
	if (mp_seed_catalog(E.db) != MP_OK ||
	    (hanna = add_user("hanna", "Hanna Handel")) <= 0 ||
	    (henk = add_user("henk", "Henk Zuidema")) <= 0 ||
	    mp_report_code_hash(&E.keys, code, h) != MP_OK) {
		fprintf(stderr, "# fixtures failed\n");
		return -1;
	}
	v[0] = MP_DBTEXT(reference);
	v[1] = MP_DBBLOB(h, sizeof(h));
	if (mp_db_exec(E.db, sql_report, v, 2, NULL, NULL) != MP_OK ||
	    (report = one_text(sql_report_id, reference)) <= 0) {
		fprintf(stderr, "# report failed\n");
		return -1;
	}
	return 0;
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
	return mp_db_exec(E.db, sql_clear_staff, NULL, 0, NULL, NULL) ==
	    MP_OK && mp_db_exec(E.db, sql_clear_rep, NULL, 0, NULL, NULL) ==
	    MP_OK ? 0 : -1;
}

/* A staff session of user at now; its cookie into cookie. */
static struct mp_session
staff(long long user, time_t now, char cookie[MP_SESSION_TOKEN_LEN])
{
	struct mp_session	 s;

	assert_int_equal(mp_session_create(E.db, &E.keys, MP_SESS_STAFF,
	    user, MP_SESS_FULL, now, ABS, cookie, &s), MP_OK);
	return s;
}

static enum mp_err
load(const char *cookie, time_t now, long idle, struct mp_session *s)
{

	return mp_session_load(E.db, &E.keys, MP_SESS_STAFF, cookie, now,
	    idle, s);
}

/*
 * A new session: a cookie of 43 base64url characters (32 random
 * bytes), a fresh one each time; the row holds the cookie's HMAC under
 * the session key, never the cookie, and the CSRF token of the
 * session.
 */
static void
test_create(void **state)
{
	struct mp_session	 a, b;
	char			 ca[MP_SESSION_TOKEN_LEN];
	char			 cb[MP_SESSION_TOKEN_LEN];
	unsigned char		 id[32], h[MP_SHA256_LEN];
	struct mp_dbval		 v[2];
	size_t			 i;

	(void)state;
	a = staff(hanna, T0, ca);
	b = staff(hanna, T0, cb);
	assert_int_equal(strlen(ca), 43);
	for (i = 0; i < 43; i++)
		assert_non_null(strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789-_", ca[i]));
	assert_string_not_equal(ca, cb);
	assert_string_not_equal(a.csrf, b.csrf);
	assert_true(strlen(a.csrf) >= 40);
	assert_int_equal(a.user_id, hanna);
	assert_int_equal(a.kind, MP_SESS_STAFF);
	assert_int_equal(a.stage, MP_SESS_FULL);
	assert_int_equal(a.created, T0);
	assert_int_equal(a.last_seen, T0);
	assert_int_equal(a.expires, T0 + ABS);
	/* The stored hash is HMAC-SHA-256(session key, cookie bytes). */
	assert_int_equal(mp_crypto_unb64url(id, sizeof(id), ca), 32);
	assert_int_equal(mp_crypto_hmac_sha256(h, mp_key(&E.keys,
	    MP_KEY_SESSION),
	    MP_KEY_LEN, id, sizeof(id)), MP_OK);
	assert_memory_equal(h, a.id_hash, sizeof(h));
	assert_int_equal(one_blob(sql_staff_hash, h, sizeof(h)), 1);
	assert_int_equal(one_blob(sql_staff_hash, id, sizeof(id)), 0);
	v[0] = MP_DBTEXT(ca);
	v[1] = MP_DBTEXT(ca);
	assert_int_equal(testdb_int(E.db, sql_staff_cookie, v, 2), 0);
	assert_int_equal(testdb_int(E.db, sql_staff_rows, NULL, 0), 2);
}

/* Found by its cookie, with what was stored; by no other string. */
static void
test_load(void **state)
{
	struct mp_session	 a, s;
	char			 ca[MP_SESSION_TOKEN_LEN];
	char			 other[MP_SESSION_TOKEN_LEN];
	const char		*bad[] = { "", "abc",
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* 42 */
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* 44 */
	    "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",	/* 43 */
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* none */
	};
	size_t			 i;

	(void)state;
	a = staff(henk, T0, ca);
	assert_int_equal(load(ca, T0 + 5, IDLE, &s), MP_OK);
	assert_int_equal(s.user_id, henk);
	assert_string_equal(s.csrf, a.csrf);
	assert_memory_equal(s.id_hash, a.id_hash, sizeof(s.id_hash));
	assert_int_equal(s.stage, MP_SESS_FULL);
	assert_int_equal(s.created, T0);
	assert_int_equal(s.expires, T0 + ABS);
	assert_int_equal(load(NULL, T0, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(s.user_id, 0);
	for (i = 0; i < MP_NELEM(bad); i++) {
		assert_int_equal(load(bad[i], T0, IDLE, &s), MP_ENOTFOUND);
		assert_int_equal(s.user_id, 0);
		assert_string_equal(s.csrf, "");
	}
	/* The cookie with one character changed is another session. */
	memcpy(other, ca, sizeof(other));
	other[10] = other[10] == 'A' ? 'B' : 'A';
	assert_int_equal(load(other, T0, IDLE, &s), MP_ENOTFOUND);
	/* A staff cookie is no reporter's session. */
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, ca,
	    time(NULL), IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(load(ca, T0 + 6, IDLE, &s), MP_OK);
}

/* The stage and the owner come back as they were stored. */
static void
test_stage(void **state)
{
	struct mp_session	 a, s;
	char			 c[MP_SESSION_TOKEN_LEN];

	(void)state;
	assert_int_equal(mp_session_create(E.db, &E.keys, MP_SESS_STAFF,
	    henk, MP_SESS_TOTP, T0, ABS, c, &a), MP_OK);
	assert_int_equal(load(c, T0 + 1, IDLE, &s), MP_OK);
	assert_int_equal(s.stage, MP_SESS_TOTP);
	assert_int_equal(s.user_id, henk);
}

/*
 * Idle too long or past the absolute expiry: not found, and the row is
 * gone (the next load cannot revive it with an earlier clock).
 */
static void
test_expiry(void **state)
{
	struct mp_session	 s;
	char			 c1[MP_SESSION_TOKEN_LEN];
	char			 c2[MP_SESSION_TOKEN_LEN];
	char			 c3[MP_SESSION_TOKEN_LEN];

	(void)state;
	(void)staff(hanna, T0, c1);
	(void)staff(hanna, T0, c2);
	(void)staff(hanna, T0, c3);
	/* Exactly idle seconds is still in time; one more is not. */
	assert_int_equal(load(c1, T0 + IDLE, IDLE, &s), MP_OK);
	assert_int_equal(load(c2, T0 + IDLE + 1, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(load(c2, T0, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(testdb_int(E.db, sql_staff_rows, NULL, 0), 2);
	/*
	 * Used often enough to stay, c1 still ends at the absolute
	 * expiry: T0 + ABS is already too late.
	 */
	assert_int_equal(load(c1, T0 + ABS - 60, ABS, &s), MP_OK);
	assert_int_equal(load(c1, T0 + ABS, ABS, &s), MP_ENOTFOUND);
	assert_int_equal(load(c1, T0 + 10, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(testdb_int(E.db, sql_staff_rows, NULL, 0), 1);
	assert_int_equal(load(c3, T0 + 10, IDLE, &s), MP_OK);
}

/*
 * The last use is written when a minute has passed (or a quarter of a
 * shorter idle time), not on every request.
 */
static void
test_touch(void **state)
{
	struct mp_session	 a, s;
	char			 c[MP_SESSION_TOKEN_LEN];

	(void)state;
	a = staff(hanna, T0, c);
	assert_int_equal(load(c, T0 + 59, IDLE, &s), MP_OK);
	assert_int_equal(s.last_seen, T0);
	assert_int_equal(one_blob(sql_staff_seen, a.id_hash,
	    sizeof(a.id_hash)), T0);
	assert_int_equal(load(c, T0 + 60, IDLE, &s), MP_OK);
	assert_int_equal(s.last_seen, T0 + 60);
	assert_int_equal(one_blob(sql_staff_seen, a.id_hash,
	    sizeof(a.id_hash)), T0 + 60);
	/* Idle 100 s: written after 25 s, so 99 s of use never time out. */
	assert_int_equal(load(c, T0 + 84, 100, &s), MP_OK);
	assert_int_equal(s.last_seen, T0 + 60);
	assert_int_equal(load(c, T0 + 85, 100, &s), MP_OK);
	assert_int_equal(one_blob(sql_staff_seen, a.id_hash,
	    sizeof(a.id_hash)), T0 + 85);
	assert_int_equal(load(c, T0 + 85 + 100, 100, &s), MP_OK);
	assert_int_equal(load(c, T0 + 185 + 101, 100, &s), MP_ENOTFOUND);
}

/* Sign-out ends one session; the end of an owner's ends all of his. */
static void
test_destroy(void **state)
{
	struct mp_session	 a, s;
	char			 ca[MP_SESSION_TOKEN_LEN];
	char			 cb[MP_SESSION_TOKEN_LEN];
	char			 cc[MP_SESSION_TOKEN_LEN];
	char			 cd[MP_SESSION_TOKEN_LEN];

	(void)state;
	a = staff(hanna, T0, ca);
	(void)staff(hanna, T0, cb);
	(void)staff(henk, T0, cc);
	(void)staff(henk, T0, cd);
	assert_int_equal(mp_session_destroy(E.db, &a), MP_OK);
	assert_int_equal(load(ca, T0, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(load(cb, T0, IDLE, &s), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_staff_rows, NULL, 0), 3);
	/* Twice is harmless. */
	assert_int_equal(mp_session_destroy(E.db, &a), MP_OK);
	assert_int_equal(mp_session_end_owner(E.db, MP_SESS_STAFF, henk),
	    MP_OK);
	assert_int_equal(load(cc, T0, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(load(cd, T0, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(load(cb, T0, IDLE, &s), MP_OK);
	{
		struct mp_dbval	 v[1];

		v[0] = MP_DBINT(hanna);
		assert_int_equal(testdb_int(E.db, sql_staff_of, v, 1), 1);
	}
}

/* The purge removes the expired and the idle, and only those. */
static void
test_purge(void **state)
{
	struct mp_session	 s;
	char			 old[MP_SESSION_TOKEN_LEN];
	char			 idle[MP_SESSION_TOKEN_LEN];
	char			 fresh[MP_SESSION_TOKEN_LEN];

	(void)state;
	(void)staff(hanna, T0 - ABS - 1, old);		/* expired */
	(void)staff(hanna, T0 - IDLE - 10, idle);	/* idle too long */
	(void)staff(henk, T0 - 10, fresh);
	assert_int_equal(mp_session_purge(E.db, MP_SESS_STAFF, T0, IDLE),
	    MP_OK);
	assert_int_equal(testdb_int(E.db, sql_staff_rows, NULL, 0), 1);
	assert_int_equal(load(fresh, T0, IDLE, &s), MP_OK);
	assert_int_equal(s.user_id, henk);
}

/* The CSRF token: only the session's own, whole and exact. */
static void
test_csrf(void **state)
{
	struct mp_session	 a, none;
	char			 c[MP_SESSION_TOKEN_LEN], t[80];
	size_t			 len;

	(void)state;
	a = staff(hanna, T0, c);
	len = strlen(a.csrf);
	assert_true(mp_session_csrf_ok(&a, a.csrf));
	assert_false(mp_session_csrf_ok(&a, NULL));
	assert_false(mp_session_csrf_ok(&a, ""));
	memcpy(t, a.csrf, len - 1);
	t[len - 1] = '\0';
	assert_false(mp_session_csrf_ok(&a, t));	/* a prefix */
	snprintf(t, sizeof(t), "%sA", a.csrf);
	assert_false(mp_session_csrf_ok(&a, t));	/* longer */
	snprintf(t, sizeof(t), "%s", a.csrf);
	t[len / 2] = t[len / 2] == 'x' ? 'y' : 'x';
	assert_false(mp_session_csrf_ok(&a, t));	/* one changed */
	/* A session without a token (none loaded) accepts nothing. */
	memset(&none, 0, sizeof(none));
	assert_false(mp_session_csrf_ok(&none, ""));
	assert_false(mp_session_csrf_ok(&none, a.csrf));
}

/*
 * A reporter's session starts only through the code: the wrong code,
 * an unknown reference or no code give nothing (and no row); the right
 * one a session for the report.  mp_session_create refuses the kind.
 */
static void
test_reporter(void **state)
{
	struct mp_session	 s, r;
	unsigned char		 good[MP_SHA256_LEN], bad[MP_SHA256_LEN];
	char			 c[MP_SESSION_TOKEN_LEN];
	time_t			 now = time(NULL);

	(void)state;
	assert_int_equal(mp_report_code_hash(&E.keys, code, good), MP_OK);
	assert_int_equal(mp_report_code_hash(&E.keys, "ABCDE-FGHJK-MNPQR-"
	    "STVWY", bad), MP_OK);
	snprintf(c, sizeof(c), "x");
	assert_int_equal(mp_session_create(E.db, &E.keys, MP_SESS_REPORTER,
	    report, MP_SESS_FULL, now, ABS, c, &s), MP_EINVAL);
	assert_int_equal(s.user_id, 0);
	assert_int_equal(mp_session_create_reporter(E.db, &E.keys, reference,
	    bad, now, ABS, c, &s), MP_ENOTFOUND);
	assert_string_equal(c, "");
	assert_int_equal(s.user_id, 0);
	assert_string_equal(s.csrf, "");
	assert_int_equal(mp_session_create_reporter(E.db, &E.keys,
	    "M-2026-999999", good, now, ABS, c, &s), MP_ENOTFOUND);
	assert_string_equal(c, "");
	assert_int_equal(testdb_int(E.db, sql_rep_rows, NULL, 0), 0);

	assert_int_equal(mp_session_create_reporter(E.db, &E.keys, reference,
	    good, now, ABS, c, &s), MP_OK);
	assert_int_equal(strlen(c), 43);
	assert_int_equal(s.user_id, report);
	assert_int_equal(s.kind, MP_SESS_REPORTER);
	assert_int_equal(testdb_int(E.db, sql_rep_rows, NULL, 0), 1);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c,
	    now + 1, IDLE, &r), MP_OK);
	assert_int_equal(r.user_id, report);
	assert_string_equal(r.csrf, s.csrf);
	/* A reporter's cookie is no staff session. */
	assert_int_equal(load(c, now, IDLE, &r), MP_ENOTFOUND);
}

/*
 * The reporter's connection is bound to the cookie of this request:
 * after a request with a good cookie, one with a malformed or an
 * unknown cookie must not find that session.
 */
static void
test_reporter_binding(void **state)
{
	struct mp_session	 s;
	unsigned char		 good[MP_SHA256_LEN];
	char			 c[MP_SESSION_TOKEN_LEN];
	time_t			 now = time(NULL);

	(void)state;
	assert_int_equal(mp_report_code_hash(&E.keys, code, good), MP_OK);
	assert_int_equal(mp_session_create_reporter(E.db, &E.keys, reference,
	    good, now, ABS, c, &s), MP_OK);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c,
	    now, IDLE, &s), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_bound, NULL, 0), report);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER,
	    "kort", now, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(s.user_id, 0);
	/* What the page reads next sees no report. */
	assert_int_equal(testdb_int(E.db, sql_bound, NULL, 0), 0);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c,
	    now, IDLE, &s), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_bound, NULL, 0), report);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER,
	    NULL, now, IDLE, &s), MP_ENOTFOUND);
	assert_int_equal(testdb_int(E.db, sql_bound, NULL, 0), 0);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c,
	    now, IDLE, &s), MP_OK);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER,
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", now, IDLE, &s),
	    MP_ENOTFOUND);
	assert_int_equal(s.user_id, 0);
	assert_int_equal(testdb_int(E.db, sql_bound, NULL, 0), 0);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c,
	    now, IDLE, &s), MP_OK);
	assert_int_equal(s.user_id, report);
}

/* A reporter's session: the touch, the expiry and the purge. */
static void
test_reporter_expiry(void **state)
{
	struct mp_session	 s, a;
	unsigned char		 good[MP_SHA256_LEN];
	char			 c1[MP_SESSION_TOKEN_LEN];
	char			 c2[MP_SESSION_TOKEN_LEN];
	time_t			 now = time(NULL);

	(void)state;
	assert_int_equal(mp_report_code_hash(&E.keys, code, good), MP_OK);
	assert_int_equal(mp_session_create_reporter(E.db, &E.keys, reference,
	    good, now - 2000, ABS, c1, &a), MP_OK);
	assert_int_equal(mp_session_create_reporter(E.db, &E.keys, reference,
	    good, now - 2000, ABS, c2, &s), MP_OK);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c1,
	    now, IDLE, &s), MP_OK);
	assert_int_equal(one_blob(sql_rep_seen, a.id_hash,
	    sizeof(a.id_hash)), now);
	/* Idle 1800 s: c2, unused for 2000 s, is ended and deleted. */
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c2,
	    now, 1800, &s), MP_ENOTFOUND);
	assert_int_equal(testdb_int(E.db, sql_rep_rows, NULL, 0), 1);
	/* Sign-out. */
	assert_int_equal(mp_session_destroy(E.db, &a), MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rep_rows, NULL, 0), 0);
	/* The purge takes the idle one and keeps the fresh one. */
	assert_int_equal(mp_session_create_reporter(E.db, &E.keys, reference,
	    good, now - 2000, ABS, c1, &s), MP_OK);
	assert_int_equal(mp_session_create_reporter(E.db, &E.keys, reference,
	    good, now, ABS, c2, &s), MP_OK);
	assert_int_equal(mp_session_purge(E.db, MP_SESS_REPORTER, now, 1800),
	    MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rep_rows, NULL, 0), 1);
	assert_int_equal(mp_session_load(E.db, &E.keys, MP_SESS_REPORTER, c2,
	    now, 1800, &s), MP_OK);
	/* The dashboard ends a report's sessions (its owner). */
	assert_int_equal(mp_session_end_owner(E.db, MP_SESS_REPORTER, report),
	    MP_OK);
	assert_int_equal(testdb_int(E.db, sql_rep_rows, NULL, 0), 0);
}

/*
 * Portal mode: the user by name, with the session of the cookie
 * (whoever owns it: the dashboard compares) or none.
 */
static void
test_load_user_portal(void **state)
{
	struct mp_user		 u;
	struct mp_session	 s;
	char			 ch[MP_SESSION_TOKEN_LEN];
	char			 ck[MP_SESSION_TOKEN_LEN];
	enum mp_err		 ser;

	(void)state;
	(void)staff(hanna, T0, ch);
	(void)staff(henk, T0, ck);
	assert_int_equal(mp_session_load_user(E.db, &E.keys, NULL, "hanna",
	    T0, IDLE, &u, &s, &ser), MP_OK);
	assert_int_equal(u.id, hanna);
	assert_string_equal(u.username, "hanna");
	assert_int_equal(ser, MP_ENOTFOUND);
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ch, "hanna",
	    T0 + 1, IDLE, &u, &s, &ser), MP_OK);
	assert_int_equal(ser, MP_OK);
	assert_int_equal(u.id, hanna);
	assert_int_equal(s.user_id, hanna);
	/* Henk's cookie with the portal saying hanna: told apart. */
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ck, "hanna",
	    T0 + 1, IDLE, &u, &s, &ser), MP_OK);
	assert_int_equal(ser, MP_OK);
	assert_int_equal(u.id, hanna);
	assert_int_equal(s.user_id, henk);
	/* A malformed cookie: the user, no session. */
	assert_int_equal(mp_session_load_user(E.db, &E.keys, "rommel",
	    "hanna", T0, IDLE, &u, &s, &ser), MP_OK);
	assert_int_equal(u.id, hanna);
	assert_int_equal(ser, MP_ENOTFOUND);
	assert_int_equal(s.user_id, 0);
	/* Unknown and impossible names. */
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ch, "niemand",
	    T0, IDLE, &u, &s, &ser), MP_ENOTFOUND);
	assert_int_equal(u.id, 0);
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ch,
	    "hanna' OR '1'='1", T0, IDLE, &u, &s, &ser), MP_ENOTFOUND);
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ch, "",
	    T0, IDLE, &u, &s, &ser), MP_ENOTFOUND);
	/* An expired session: the user still, the session ended. */
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ch, "hanna",
	    T0 + IDLE + 2, IDLE, &u, &s, &ser), MP_OK);
	assert_int_equal(u.id, hanna);
	assert_int_equal(ser, MP_ENOTFOUND);
	assert_int_equal(load(ch, T0 + 2, IDLE, &s), MP_ENOTFOUND);
}

/* Local mode: the session of the cookie and its owner, or nothing. */
static void
test_load_user_local(void **state)
{
	struct mp_user		 u;
	struct mp_session	 s;
	char			 ck[MP_SESSION_TOKEN_LEN];
	enum mp_err		 ser;

	(void)state;
	(void)staff(henk, T0, ck);
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ck, NULL,
	    T0 + 1, IDLE, &u, &s, &ser), MP_OK);
	assert_int_equal(ser, MP_OK);
	assert_int_equal(u.id, henk);
	assert_string_equal(u.username, "henk");
	assert_int_equal(s.user_id, henk);
	assert_int_equal(mp_session_load_user(E.db, &E.keys, NULL, NULL,
	    T0, IDLE, &u, &s, &ser), MP_ENOTFOUND);
	assert_int_equal(mp_session_load_user(E.db, &E.keys, "rommel", NULL,
	    T0, IDLE, &u, &s, &ser), MP_ENOTFOUND);
	assert_int_equal(mp_session_load_user(E.db, &E.keys,
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NULL, T0, IDLE,
	    &u, &s, &ser), MP_ENOTFOUND);
	assert_int_equal(u.id, 0);
	/* Expired: not found, and said so. */
	assert_int_equal(mp_session_load_user(E.db, &E.keys, ck, NULL,
	    T0 + ABS, ABS, &u, &s, &ser), MP_ENOTFOUND);
	assert_int_equal(ser, MP_ENOTFOUND);
	assert_int_equal(testdb_int(E.db, sql_staff_rows, NULL, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_create, clear),
		cmocka_unit_test_setup(test_load, clear),
		cmocka_unit_test_setup(test_stage, clear),
		cmocka_unit_test_setup(test_expiry, clear),
		cmocka_unit_test_setup(test_touch, clear),
		cmocka_unit_test_setup(test_destroy, clear),
		cmocka_unit_test_setup(test_purge, clear),
		cmocka_unit_test_setup(test_csrf, clear),
		cmocka_unit_test_setup(test_reporter, clear),
		cmocka_unit_test_setup(test_reporter_binding, clear),
		cmocka_unit_test_setup(test_reporter_expiry, clear),
		cmocka_unit_test_setup(test_load_user_portal, clear),
		cmocka_unit_test_setup(test_load_user_local, clear),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
