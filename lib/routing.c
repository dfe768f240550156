/*
 * routing.c -- the owner of table routing_rule (see routing.h).  A
 * report's match reads the at most four rules that can fit it (its
 * signal type or any, its audience or any) in one statement, and
 * mp_routing_pick chooses among them in C, where the order is plain to
 * read and to test (tests/unit/test-routing.c).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "errcode.h"
#include "routing.h"

enum stmt {
	STMT_MATCH,
	STMT_LIST,
	STMT_TYPE_OK,
	STMT_AUD_OK,
	STMT_TEAM_OK,
	STMT_ADD,
	STMT_GET,
	STMT_DEL,
	STMT_TYPE_SLUG,
	STMT_AUD_SLUG,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_MATCH: the candidates; an inactive team's rule is passed. */
	"SELECT rr.id, rr.signal_type_id, rr.audience_id, rr.team_id,"
	" t.name FROM routing_rule rr JOIN team t ON t.id = rr.team_id"
	" WHERE rr.signal_type_id IN (?, 0) AND rr.audience_id IN (?, 0)"
	" AND t.active = 1",
	/* STMT_LIST */
	"SELECT rr.id, rr.signal_type_id, rr.audience_id, rr.team_id,"
	" t.name, COALESCE(st.name, ''), COALESCE(a.name, ''), t.active"
	" FROM routing_rule rr JOIN team t ON t.id = rr.team_id"
	" LEFT JOIN signal_type st ON st.id = rr.signal_type_id"
	" LEFT JOIN audience a ON a.id = rr.audience_id"
	" ORDER BY t.name, rr.signal_type_id = 0, rr.audience_id = 0,"
	" st.name, a.name, rr.id",
	/* STMT_TYPE_OK */
	"SELECT 1 FROM signal_type WHERE id = ?",
	/* STMT_AUD_OK */
	"SELECT 1 FROM audience WHERE id = ?",
	/* STMT_TEAM_OK: locked, so it cannot be switched off meanwhile. */
	"SELECT 1 FROM team WHERE id = ? AND active = 1 FOR UPDATE",
	/* STMT_ADD */
	"INSERT INTO routing_rule (signal_type_id, audience_id, team_id)"
	" VALUES (?, ?, ?)",
	/* STMT_GET */
	"SELECT rr.id, rr.signal_type_id, rr.audience_id, rr.team_id,"
	" t.name FROM routing_rule rr JOIN team t ON t.id = rr.team_id"
	" WHERE rr.id = ? FOR UPDATE",
	/* STMT_DEL */
	"DELETE FROM routing_rule WHERE id = ?",
	/* STMT_TYPE_SLUG */
	"SELECT id FROM signal_type WHERE slug = ?",
	/* STMT_AUD_SLUG */
	"SELECT id FROM audience WHERE slug = ?",
};

/* The columns of STMT_MATCH, STMT_GET and (first five) STMT_LIST. */
enum rule_col {
	RC_ID, RC_TYPE, RC_AUDIENCE, RC_TEAM, RC_TEAM_NAME, RC_TYPE_NAME,
	RC_AUD_NAME, RC_TEAM_ACTIVE
};

/* The column of STMT_TYPE_SLUG and STMT_AUD_SLUG. */
enum id_col { ID_ID };

/* Its rank: 0 the most specific; -1 when the rule does not fit. */
static int
rank(const struct mp_routing_rule *rule, long long type, long long aud)
{
	int	 t, a;

	t = rule->signal_type == type ? 0 :
	    rule->signal_type == MP_ROUTING_ANY ? 1 : -1;
	a = rule->audience == aud ? 0 :
	    rule->audience == MP_ROUTING_ANY ? 1 : -1;
	if (t < 0 || a < 0)
		return -1;
	/* The signal type first: (0,0) 0, (0,1) 1, (1,0) 2, (1,1) 3. */
	return t * 2 + a;
}

int
mp_routing_pick(const struct mp_routing_rule *rules, size_t n,
    long long type, long long aud)
{
	size_t	 i;
	int	 best = -1, bestrank = 4, k;

	for (i = 0; i < n; i++) {
		k = rank(&rules[i], type, aud);
		/* Equal ranks cannot happen (one rule a pair): the first. */
		if (k >= 0 && k < bestrank) {
			bestrank = k;
			best = (int)i;
		}
	}
	return best;
}

static void
rule_row(struct mp_stmt *st, struct mp_routing_rule *r)
{

	memset(r, 0, sizeof(*r));
	r->id = mp_db_int(st, RC_ID);
	r->signal_type = mp_db_int(st, RC_TYPE);
	r->audience = mp_db_int(st, RC_AUDIENCE);
	r->team = mp_db_int(st, RC_TEAM);
	(void)snprintf(r->team_name, sizeof(r->team_name), "%s",
	    mp_db_text(st, RC_TEAM_NAME, NULL));
	r->team_active = 1;
}

enum mp_err
mp_routing_match(struct mp_db *db, long long type, long long aud,
    struct mp_routing_rule *out, int *found)
{
	struct mp_routing_rule	 c[4];
	struct mp_dbval		 v[2];
	struct mp_stmt		*st;
	size_t			 n = 0;
	int			 k;
	enum mp_err		 er;

	*found = 0;
	v[0] = MP_DBINT(type);
	v[1] = MP_DBINT(aud);
	if ((er = mp_db_query(db, &st, stmts[STMT_MATCH], v, 2)) != MP_OK)
		return er;
	/* The unique pair leaves at most four rows. */
	while (n < MP_NELEM(c) && (er = mp_db_next(st)) == MP_OK)
		rule_row(st, &c[n++]);
	mp_db_done(st);
	if (er != MP_OK && er != MP_ENOTFOUND)
		return er;
	if ((k = mp_routing_pick(c, n, type, aud)) >= 0) {
		*out = c[k];
		*found = 1;
	}
	return MP_OK;
}

void
mp_routing_detail(const struct mp_routing_rule *r,
    char out[MP_ROUTING_DETAIL_MAX])
{
	static const char *const which[4] = {
		"signaalsoort en doelgroep", "signaalsoort, elke doelgroep",
		"doelgroep, elke signaalsoort", "elke melding"
	};
	int	 k = (r->signal_type == MP_ROUTING_ANY) * 2 +
		    (r->audience == MP_ROUTING_ANY);

	(void)snprintf(out, MP_ROUTING_DETAIL_MAX, "automatisch toegewezen "
	    "aan team %s volgens regel %lld (%s)", r->team_name, r->id,
	    which[k]);
}

enum mp_err
mp_routing_list(struct mp_db *db, mp_routing_fn fn, void *arg)
{
	struct mp_routing_rule	 r;
	struct mp_stmt		*st;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_LIST], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		rule_row(st, &r);
		(void)snprintf(r.signal_name, sizeof(r.signal_name), "%s",
		    mp_db_text(st, RC_TYPE_NAME, NULL));
		(void)snprintf(r.audience_name, sizeof(r.audience_name), "%s",
		    mp_db_text(st, RC_AUD_NAME, NULL));
		r.team_active = mp_db_int(st, RC_TEAM_ACTIVE) == 1;
		fn(&r, arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* MP_OK if statement s finds a row for id, MP_ENOTFOUND if not. */
static enum mp_err
exists(struct mp_db *db, enum stmt s, long long id)
{
	struct mp_dbval	 v[1];
	struct mp_stmt	*st;
	enum mp_err	 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[s], v, 1)) != MP_OK)
		return er;
	er = mp_db_next(st);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_routing_add(struct mp_db *db, long long type, long long aud,
    long long team, long long *id)
{
	struct mp_dbval		 v[3];
	unsigned long long	 newid = 0;
	enum mp_err		 er;

	if (id != NULL)
		*id = 0;
	if (type < 0 || aud < 0 || team <= 0)
		return MP_EINVAL;
	if ((type != MP_ROUTING_ANY &&
	    (er = exists(db, STMT_TYPE_OK, type)) != MP_OK) ||
	    (aud != MP_ROUTING_ANY &&
	    (er = exists(db, STMT_AUD_OK, aud)) != MP_OK) ||
	    (er = exists(db, STMT_TEAM_OK, team)) != MP_OK)
		return er;
	v[0] = MP_DBINT(type);
	v[1] = MP_DBINT(aud);
	v[2] = MP_DBINT(team);
	if ((er = mp_db_exec(db, stmts[STMT_ADD], v, 3, NULL, &newid)) !=
	    MP_OK)
		return er;
	if (id != NULL)
		*id = (long long)newid;
	return MP_OK;
}

enum mp_err
mp_routing_remove(struct mp_db *db, long long id,
    struct mp_routing_rule *was)
{
	struct mp_routing_rule	 r;
	struct mp_dbval		 v[1];
	struct mp_stmt		*st;
	enum mp_err		 er;

	v[0] = MP_DBINT(id);
	if ((er = mp_db_query(db, &st, stmts[STMT_GET], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		rule_row(st, &r);
	mp_db_done(st);
	if (er != MP_OK)
		return er;
	if ((er = mp_db_exec(db, stmts[STMT_DEL], v, 1, NULL, NULL)) !=
	    MP_OK)
		return er;
	if (was != NULL)
		*was = r;
	return MP_OK;
}

static enum mp_err
slug_id(struct mp_db *db, enum stmt s, const char *slug, long long *id)
{
	struct mp_dbval	 v[1];
	struct mp_stmt	*st;
	enum mp_err	 er;

	*id = 0;
	if (slug == NULL)
		return MP_EINVAL;
	v[0] = MP_DBTEXT(slug);
	if ((er = mp_db_query(db, &st, stmts[s], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK)
		*id = mp_db_int(st, ID_ID);
	mp_db_done(st);
	return er;
}

enum mp_err
mp_routing_signal_id(struct mp_db *db, const char *slug, long long *id)
{

	return slug_id(db, STMT_TYPE_SLUG, slug, id);
}

enum mp_err
mp_routing_audience_id(struct mp_db *db, const char *slug, long long *id)
{

	return slug_id(db, STMT_AUD_SLUG, slug, id);
}
