/*
 * test-contact.c -- moving reporter contact details from the old
 * symmetric scheme to boxes sealed to the contact public key
 * (lib/contact.c, meldpuntctl contact-key migrate) against a private
 * MariaDB (tests/lib/mariadb.sh): refused without a public key; every
 * old box re-sealed to the same text under the same binding (report id
 * and field), new boxes and NULLs left byte for byte; a second run
 * finds nothing; a damaged old box stops the run at its row with the
 * rows before it done and its own untouched.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"
#include "../../cgi/meldpuntctl/seed.h"

static struct testenv	 E;
static char		 kdir[64];

static const char sql_report[] =
    "INSERT INTO report (channel, audience_id, signal_type_id,"
    " description, observed_date, involved_people, involved_companies,"
    " involved_vehicles, anonymous, received_at)"
    " SELECT 'web', MIN(a.id), MIN(t.id), 'x', '2026-01-01', '', '', '',"
    " 0, UTC_TIMESTAMP() FROM audience a, signal_type t";
static const char sql_contact[] =
    "INSERT INTO reporter_contact (report_id, name_enc, email_enc,"
    " phone_enc) VALUES (?, ?, ?, ?)";
static const char sql_get[] =
    "SELECT name_enc, email_enc, phone_enc FROM reporter_contact"
    " WHERE report_id = ?";
static const char sql_legacy[] =
    "SELECT COUNT(*) FROM reporter_contact WHERE ASCII(name_enc) = 1"
    " OR ASCII(email_enc) = 1 OR ASCII(phone_enc) = 1";
static const char sql_clear[] = "DELETE FROM reporter_contact";

static const char *const fname[3] = { "name", "email", "phone" };

struct box {
	unsigned char	*b;
	size_t		 len;
};

static int
group_setup(void **state)
{

	(void)state;
	if (testenv_setup(&E, "test-contact", 11) != 0 ||
	    mp_seed_catalog(E.db) != MP_OK)
		return -1;
	(void)snprintf(kdir, sizeof(kdir), "/tmp/mp-test-contact.XXXXXX");
	return mkdtemp(kdir) != NULL ? 0 : -1;
}

static int
group_teardown(void **state)
{
	char	 cmd[128];

	(void)state;
	mp_pk_ring_wipe(&E.keys.contact);
	testenv_teardown(&E);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", kdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* No public key: the old scheme (a fresh ring each test). */
static int
setup(void **state)
{

	(void)state;
	mp_pk_ring_wipe(&E.keys.contact);
	memset(&E.keys.contact, 0, sizeof(E.keys.contact));
	return mp_db_exec(E.db, sql_clear, NULL, 0, NULL, NULL) == MP_OK ?
	    0 : -1;
}

/* Load a new contact key pair into E.keys: the new scheme from now. */
static void
new_key(void)
{
	char	 priv[128], pub[128], id[2 * MP_PK_IDLEN + 1], err[256];

	(void)snprintf(priv, sizeof(priv), "%s/contact.key", kdir);
	(void)snprintf(pub, sizeof(pub), "%s/contact.pub", kdir);
	assert_int_equal(mp_pk_ring_rotate(priv, pub, id, err, sizeof(err)),
	    MP_OK);
	mp_pk_ring_wipe(&E.keys.contact);
	memset(&E.keys.contact, 0, sizeof(E.keys.contact));
	assert_int_equal(mp_pk_ring_load(&E.keys.contact, priv, 1, err,
	    sizeof(err)), MP_OK);
	assert_non_null(mp_pk_ring_current(&E.keys.contact));
}

static long long
add_report(void)
{
	unsigned long long	 id = 0;

	assert_int_equal(mp_db_exec(E.db, sql_report, NULL, 0, NULL, &id),
	    MP_OK);
	return (long long)id;
}

/* A box of val for report id's field f (NULL val: NULL). */
static struct box
seal(long long id, int f, const char *val)
{
	struct box	 b = { NULL, 0 };
	char		 aad[64];

	if (val == NULL)
		return b;
	(void)snprintf(aad, sizeof(aad), "%lld:%s", id, fname[f]);
	assert_int_equal(mp_keys_contact_seal(&E.keys, aad, val, &b.b, &b.len),
	    MP_OK);
	return b;
}

static void
store(long long id, struct box b[3])
{
	struct mp_dbval	 v[4];
	int		 i;

	v[0] = MP_DBINT(id);
	for (i = 0; i < 3; i++)
		v[i + 1] = b[i].b == NULL ? MP_DBNULL() :
		    MP_DBBLOB(b[i].b, b[i].len);
	assert_int_equal(mp_db_exec(E.db, sql_contact, v, 4, NULL, NULL),
	    MP_OK);
}

/* The stored boxes of report id (malloc'd copies; NULL for NULL). */
static void
fetch(long long id, struct box b[3])
{
	struct mp_stmt	*s;
	struct mp_dbval	 v[1];
	const char	*p;
	int		 i;

	v[0] = MP_DBINT(id);
	assert_int_equal(mp_db_query(E.db, &s, sql_get, v, 1), MP_OK);
	assert_int_equal(mp_db_next(s), MP_OK);
	for (i = 0; i < 3; i++) {
		b[i].b = NULL;
		b[i].len = 0;
		if (mp_db_isnull(s, (unsigned)i))
			continue;
		p = mp_db_text(s, (unsigned)i, &b[i].len);
		assert_non_null(b[i].b = malloc(b[i].len + 1));
		memcpy(b[i].b, p, b[i].len);
	}
	mp_db_done(s);
}

static void
boxes_free(struct box b[3])
{
	int	 i;

	for (i = 0; i < 3; i++)
		free(b[i].b);
}

/* The text in box b of report id's field f, compared with want. */
static void
opens_to(long long id, int f, const struct box *b, const char *want)
{
	unsigned char	*pt = NULL;
	size_t		 len = 0;
	char		 aad[64];

	if (want == NULL) {
		assert_null(b->b);
		return;
	}
	assert_non_null(b->b);
	(void)snprintf(aad, sizeof(aad), "%lld:%s", id, fname[f]);
	assert_int_equal(mp_keys_contact_open(&E.keys, aad, b->b, b->len, &pt,
	    &len), MP_OK);
	assert_string_equal((char *)pt, want);
	mp_alloc_freezero(pt, len);
}

/* Without a public key nothing is touched. */
static void
test_no_key(void **state)
{
	struct box		 b[3], after[3];
	unsigned long long	 done = 99;
	long long		 id;
	int			 i;

	(void)state;
	id = add_report();
	b[0] = seal(id, 0, "Marieke de Melder");
	b[1] = seal(id, 1, "marieke@voorbeeld.nl");
	b[2] = seal(id, 2, NULL);
	assert_true(mp_keys_contact_is_legacy(b[0].b, b[0].len));
	store(id, b);
	assert_int_equal(mp_contact_migrate(E.db, &E.keys, &done), MP_ECONF);
	assert_int_equal(done, 0);
	fetch(id, after);
	for (i = 0; i < 2; i++) {
		assert_int_equal(after[i].len, b[i].len);
		assert_memory_equal(after[i].b, b[i].b, b[i].len);
	}
	assert_null(after[2].b);
	boxes_free(b);
	boxes_free(after);
}

/*
 * Old boxes re-sealed to the same text and binding, new boxes and
 * NULLs kept as they were, rows without an old box not counted; then
 * nothing is left to do.
 */
static void
test_migrate(void **state)
{
	struct box		 b1[3], b2[3], b3[3], a[3];
	unsigned long long	 done = 0;
	long long		 r1, r2, r3;
	int			 i;

	(void)state;
	r1 = add_report();
	r2 = add_report();
	r3 = add_report();
	b1[0] = seal(r1, 0, "Jan Janssen");
	b1[1] = seal(r1, 1, "jan@voorbeeld.nl");
	b1[2] = seal(r1, 2, "06 1234 5678");
	store(r1, b1);
	b2[0] = seal(r2, 0, "Piet");
	b2[1] = seal(r2, 1, NULL);
	new_key();
	b2[2] = seal(r2, 2, "010 555 0000");		/* already new */
	assert_false(mp_keys_contact_is_legacy(b2[2].b, b2[2].len));
	store(r2, b2);
	b3[0] = seal(r3, 0, "Nieuw");
	b3[1] = seal(r3, 1, NULL);
	b3[2] = seal(r3, 2, NULL);
	store(r3, b3);
	assert_int_equal(testdb_int(E.db, sql_legacy, NULL, 0), 2);

	assert_int_equal(mp_contact_migrate(E.db, &E.keys, &done), MP_OK);
	assert_int_equal(done, 2);
	assert_int_equal(testdb_int(E.db, sql_legacy, NULL, 0), 0);
	fetch(r1, a);
	for (i = 0; i < 3; i++)
		assert_false(mp_keys_contact_is_legacy(a[i].b, a[i].len));
	opens_to(r1, 0, &a[0], "Jan Janssen");
	opens_to(r1, 1, &a[1], "jan@voorbeeld.nl");
	opens_to(r1, 2, &a[2], "06 1234 5678");
	/* Bound to its field: the name's box is no email. */
	{
		unsigned char	*pt = NULL;
		size_t		 len = 0;
		char		 aad[64];

		(void)snprintf(aad, sizeof(aad), "%lld:email", r1);
		assert_int_not_equal(mp_keys_contact_open(&E.keys, aad, a[0].b,
		    a[0].len, &pt, &len), MP_OK);
		mp_alloc_freezero(pt, len);
	}
	boxes_free(a);
	fetch(r2, a);
	opens_to(r2, 0, &a[0], "Piet");
	opens_to(r2, 1, &a[1], NULL);
	assert_int_equal(a[2].len, b2[2].len);
	assert_memory_equal(a[2].b, b2[2].b, b2[2].len);
	boxes_free(a);
	fetch(r3, a);
	assert_memory_equal(a[0].b, b3[0].b, b3[0].len);
	boxes_free(a);

	assert_int_equal(mp_contact_migrate(E.db, &E.keys, &done), MP_OK);
	assert_int_equal(done, 0);
	boxes_free(b1);
	boxes_free(b2);
	boxes_free(b3);
}

/*
 * A damaged old box: the run stops there with an error; the rows
 * before it are done (each commits on its own), its own row is left
 * as it was, and the rows after it wait for the next run.
 */
static void
test_damaged(void **state)
{
	struct box		 b1[3], b2[3], b3[3], a[3];
	unsigned long long	 done = 0;
	long long		 r1, r2, r3;

	(void)state;
	r1 = add_report();
	r2 = add_report();
	r3 = add_report();
	b1[0] = seal(r1, 0, "Eerste");
	b1[1] = b1[2] = seal(r1, 1, NULL);
	store(r1, b1);
	b2[0] = seal(r2, 0, "Kapot");
	b2[0].b[b2[0].len - 1] ^= 0x40;
	b2[1] = b2[2] = seal(r2, 1, NULL);
	store(r2, b2);
	b3[0] = seal(r3, 0, "Derde");
	b3[1] = b3[2] = seal(r3, 1, NULL);
	store(r3, b3);
	new_key();
	assert_int_not_equal(mp_contact_migrate(E.db, &E.keys, &done), MP_OK);
	assert_int_equal(done, 1);
	fetch(r1, a);
	assert_false(mp_keys_contact_is_legacy(a[0].b, a[0].len));
	opens_to(r1, 0, &a[0], "Eerste");
	boxes_free(a);
	fetch(r2, a);
	assert_int_equal(a[0].len, b2[0].len);
	assert_memory_equal(a[0].b, b2[0].b, b2[0].len);
	boxes_free(a);
	fetch(r3, a);
	assert_true(mp_keys_contact_is_legacy(a[0].b, a[0].len));
	boxes_free(a);
	assert_int_equal(testdb_int(E.db, sql_legacy, NULL, 0), 2);
	free(b1[0].b);
	free(b2[0].b);
	free(b3[0].b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_no_key, setup),
		cmocka_unit_test_setup(test_migrate, setup),
		cmocka_unit_test_setup(test_damaged, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
