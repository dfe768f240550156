/*
 * test-catalog.c -- audiences and signal types (lib/catalog.c) against
 * a private MariaDB (tests/lib/mariadb.sh), with a catalogue of its
 * own: only active audiences and types, in their sort order, each form
 * with exactly the types linked to it; lookups by slug, the default
 * audience (or the first without one); the worker's copy kept for ttl
 * seconds and read again after, or when the clock went back; a failed
 * read keeps the copy it had.
 */
#include "config.h"

#include "util.h"
#include "testdb.h"

#define T0	((time_t)1790000000)

static struct testenv	 E;
static struct mp_catalog cat;

static const char *const fixture[] = {
	"DELETE FROM audience_signal_type",
	"DELETE FROM audience",
	"DELETE FROM signal_type",
	"INSERT INTO audience (id, slug, name, intro, is_default, active,"
	" sort) VALUES (1, 'bewoners', 'Bewoners', 'Voor bewoners.', 1, 1, 2),"
	" (2, 'ondernemers', 'Ondernemers', '', 0, 1, 1),"
	" (3, 'oud', 'Oud', 'Weg.', 0, 0, 0),"
	" (4, 'leeg', 'Leeg', 'Niets.', 0, 1, 3)",
	"INSERT INTO signal_type (id, slug, name, description, active, sort)"
	" VALUES (1, 'drugs', 'Drugs', 'Productie en handel', 1, 2),"
	" (2, 'fraude', 'Fraude', '', 1, 1),"
	" (3, 'weg', 'Weg', 'Niet meer', 0, 0)",
	"INSERT INTO audience_signal_type VALUES (1, 1), (1, 2), (1, 3),"
	" (2, 1), (3, 2)",
};

static int
group_setup(void **state)
{

	(void)state;
	return testenv_setup(&E, "test-catalog", 1);
}

static int
group_teardown(void **state)
{

	(void)state;
	mp_catalog_free(&cat);
	testenv_teardown(&E);
	return 0;
}

static int
setup(void **state)
{
	size_t	 i;

	(void)state;
	mp_catalog_free(&cat);
	for (i = 0; i < MP_NELEM(fixture); i++)
		if (mp_db_exec(E.db, fixture[i], NULL, 0, NULL, NULL) != MP_OK)
			return -1;
	return 0;
}

/* Active only, in sort order, each with its own active types. */
static void
test_load(void **state)
{
	const struct mp_audience	*a;

	(void)state;
	assert_int_equal(mp_catalog_load(&cat, E.db, T0, 60), MP_OK);
	assert_int_equal(cat.naud, 3);
	assert_int_equal(cat.loaded, T0);
	a = &cat.aud[0];
	assert_string_equal(a->slug, "ondernemers");
	assert_int_equal(a->id, 2);
	assert_string_equal(a->intro, "");
	assert_false(a->is_default);
	assert_int_equal(a->ntypes, 1);
	assert_string_equal(a->types[0].slug, "drugs");
	a = &cat.aud[1];
	assert_string_equal(a->slug, "bewoners");
	assert_string_equal(a->name, "Bewoners");
	assert_string_equal(a->intro, "Voor bewoners.");
	assert_true(a->is_default);
	assert_int_equal(a->ntypes, 2);
	assert_string_equal(a->types[0].slug, "fraude");
	assert_string_equal(a->types[0].description, "");
	assert_string_equal(a->types[1].slug, "drugs");
	assert_string_equal(a->types[1].name, "Drugs");
	assert_string_equal(a->types[1].description, "Productie en handel");
	assert_int_equal(a->types[1].id, 1);
	a = &cat.aud[2];
	assert_string_equal(a->slug, "leeg");
	assert_int_equal(a->ntypes, 0);
}

/* Lookups: by slug, the default for none, NULL for what is not there. */
static void
test_lookup(void **state)
{
	const struct mp_audience	*a;

	(void)state;
	assert_int_equal(mp_catalog_load(&cat, E.db, T0, 60), MP_OK);
	assert_non_null(a = mp_catalog_audience(&cat, NULL));
	assert_string_equal(a->slug, "bewoners");
	assert_ptr_equal(mp_catalog_audience(&cat, ""), a);
	assert_ptr_equal(mp_catalog_audience(&cat, "bewoners"), a);
	assert_non_null(mp_catalog_type(a, "fraude"));
	assert_string_equal(mp_catalog_type(a, "drugs")->name, "Drugs");
	assert_null(mp_catalog_type(a, "weg"));		/* inactive */
	assert_null(mp_catalog_type(a, "onbekend"));
	assert_null(mp_catalog_type(a, NULL));
	assert_null(mp_catalog_type(a, ""));
	assert_non_null(a = mp_catalog_audience(&cat, "ondernemers"));
	assert_null(mp_catalog_type(a, "fraude"));	/* not offered */
	assert_non_null(mp_catalog_type(a, "drugs"));
	assert_null(mp_catalog_audience(&cat, "oud"));	/* inactive */
	assert_null(mp_catalog_audience(&cat, "onbekend"));
	assert_null(mp_catalog_audience(&cat, "Bewoners"));
	assert_null(mp_catalog_audience(&cat, "bewoners "));
	assert_null(mp_catalog_type(mp_catalog_audience(&cat, "leeg"),
	    "drugs"));
}

/* No default marked: the first in order serves; none at all: NULL. */
static void
test_no_default(void **state)
{

	(void)state;
	assert_int_equal(mp_db_exec(E.db, "UPDATE audience SET is_default = 0",
	    NULL, 0, NULL, NULL), MP_OK);
	assert_int_equal(mp_catalog_load(&cat, E.db, T0, 60), MP_OK);
	assert_string_equal(mp_catalog_audience(&cat, NULL)->slug,
	    "ondernemers");
	assert_int_equal(mp_db_exec(E.db, "UPDATE audience SET active = 0",
	    NULL, 0, NULL, NULL), MP_OK);
	assert_int_equal(mp_catalog_load(&cat, E.db, T0 + 100, 60), MP_OK);
	assert_int_equal(cat.naud, 0);
	assert_null(mp_catalog_audience(&cat, NULL));
	assert_null(mp_catalog_audience(&cat, "bewoners"));
}

/*
 * The copy is kept for ttl seconds, then read again; a clock that went
 * back reads again too.
 */
static void
test_ttl(void **state)
{

	(void)state;
	assert_int_equal(mp_catalog_load(&cat, E.db, T0, 60), MP_OK);
	assert_int_equal(mp_db_exec(E.db, "UPDATE audience SET name ="
	    " 'Inwoners' WHERE slug = 'bewoners'", NULL, 0, NULL, NULL),
	    MP_OK);
	assert_int_equal(mp_catalog_load(&cat, E.db, T0 + 59, 60), MP_OK);
	assert_string_equal(mp_catalog_audience(&cat, NULL)->name,
	    "Bewoners");
	assert_int_equal(cat.loaded, T0);
	assert_int_equal(mp_catalog_load(&cat, E.db, T0 + 60, 60), MP_OK);
	assert_string_equal(mp_catalog_audience(&cat, NULL)->name,
	    "Inwoners");
	assert_int_equal(cat.loaded, T0 + 60);
	assert_int_equal(mp_db_exec(E.db, "UPDATE audience SET name ="
	    " 'Buurt' WHERE slug = 'bewoners'", NULL, 0, NULL, NULL), MP_OK);
	assert_int_equal(mp_catalog_load(&cat, E.db, T0 + 30, 60), MP_OK);
	assert_string_equal(mp_catalog_audience(&cat, NULL)->name, "Buurt");
	/* ttl 0: every time. */
	assert_int_equal(mp_db_exec(E.db, "UPDATE audience SET name ="
	    " 'Wijk' WHERE slug = 'bewoners'", NULL, 0, NULL, NULL), MP_OK);
	assert_int_equal(mp_catalog_load(&cat, E.db, T0 + 30, 0), MP_OK);
	assert_string_equal(mp_catalog_audience(&cat, NULL)->name, "Wijk");
}

/* A read that fails keeps the copy the worker had, whole. */
static void
test_failed_read(void **state)
{

	(void)state;
	assert_int_equal(mp_catalog_load(&cat, E.db, T0, 60), MP_OK);
	assert_int_equal(mp_db_exec(E.db,
	    "RENAME TABLE signal_type TO signal_type_away", NULL, 0, NULL,
	    NULL), MP_OK);
	assert_int_not_equal(mp_catalog_load(&cat, E.db, T0 + 100, 60),
	    MP_OK);
	assert_int_equal(mp_db_exec(E.db,
	    "RENAME TABLE signal_type_away TO signal_type", NULL, 0, NULL,
	    NULL), MP_OK);
	assert_int_equal(cat.naud, 3);
	assert_int_equal(cat.loaded, T0);
	assert_int_equal(mp_catalog_audience(&cat, NULL)->ntypes, 2);
	/* A fresh worker with nothing yet gets nothing half-made either. */
	mp_catalog_free(&cat);
	assert_int_equal(mp_db_exec(E.db,
	    "RENAME TABLE audience TO audience_away", NULL, 0, NULL, NULL),
	    MP_OK);
	assert_int_not_equal(mp_catalog_load(&cat, E.db, T0, 60), MP_OK);
	assert_int_equal(mp_db_exec(E.db,
	    "RENAME TABLE audience_away TO audience", NULL, 0, NULL, NULL),
	    MP_OK);
	assert_null(cat.aud);
	assert_int_equal(cat.naud, 0);
	assert_null(mp_catalog_audience(&cat, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_load, setup),
		cmocka_unit_test_setup(test_lookup, setup),
		cmocka_unit_test_setup(test_no_default, setup),
		cmocka_unit_test_setup(test_ttl, setup),
		cmocka_unit_test_setup(test_failed_read, setup),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
