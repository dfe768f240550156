/*
 * partner.c -- partners of the XML export: names, keys, profiles,
 * rules, certificate subjects (see partner.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "crypto.h"
#include "db.h"
#include "errcode.h"
#include "keys.h"
#include "partner.h"
#include "share.h"
#include "valid.h"

#define KEY_PREFIX	"mpx1."
#define SECRET_B64	43	/* base64url of 32 bytes, no padding */
#define SLUGS_MAX	2000

enum stmt {
	STMT_INSERT,
	STMT_GET,
	STMT_BIND,
	STMT_SELF,
	STMT_SET_KEY,
	STMT_SET_DISABLED,
	STMT_SET_FIELDS,
	STMT_SET_CERT,
	STMT_SET_LIMIT,
	STMT_RULE_CLEAR,
	STMT_RULE_ADD,
	STMT_LIST,
	STMT_RULE_NAMES,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_INSERT: the hash is set once the id is known. */
	"INSERT INTO partner (name, display_name, key_hash, fields,"
	" cert_subject, pulls_per_minute) VALUES (?, ?, ?, ?, ?, ?)",
	/* STMT_GET */
	"SELECT id, name, display_name, fields, COALESCE(cert_subject, ''),"
	" pulls_per_minute, disabled, key_hash FROM partner WHERE name = ?",
	/*
	 * STMT_BIND: the key sent with the request, as its keyed hash,
	 * binds meldpunt-export's connection to its partner (sql/021):
	 * the export's account reads no key hash and no partner, report
	 * or share but through views that show the bound partner's.
	 */
	"SET @meldpunt_partner_id = ?, @meldpunt_partner_key = ?",
	/* STMT_SELF: the bound partner, when the key's hash matched. */
	"SELECT id, name, display_name, fields, COALESCE(cert_subject, ''),"
	" pulls_per_minute, disabled FROM export_self WHERE id = ?",
	/* STMT_SET_KEY */
	"UPDATE partner SET key_hash = ?, key_set_at = UTC_TIMESTAMP()"
	" WHERE id = ?",
	/* STMT_SET_DISABLED */
	"UPDATE partner SET disabled = ? WHERE name = ?",
	/* STMT_SET_FIELDS */
	"UPDATE partner SET fields = ? WHERE name = ?",
	/* STMT_SET_CERT */
	"UPDATE partner SET cert_subject = ? WHERE name = ?",
	/* STMT_SET_LIMIT */
	"UPDATE partner SET pulls_per_minute = ? WHERE name = ?",
	/* STMT_RULE_CLEAR */
	"DELETE FROM partner_rule WHERE partner_id = ?",
	/* STMT_RULE_ADD */
	"INSERT INTO partner_rule (partner_id, signal_type_id) SELECT ?, id"
	" FROM signal_type WHERE slug = ?",
	/* STMT_LIST */
	"SELECT p.id, p.name, p.display_name, p.fields,"
	" COALESCE(p.cert_subject, ''), p.pulls_per_minute, p.disabled,"
	" COALESCE((SELECT GROUP_CONCAT(st.slug ORDER BY st.slug)"
	" FROM partner_rule pr JOIN signal_type st ON st.id ="
	" pr.signal_type_id WHERE pr.partner_id = p.id), ''),"
	" (SELECT COUNT(*) FROM report_share s WHERE s.partner_id = p.id)"
	" FROM partner p ORDER BY p.name",
	/*
	 * STMT_RULE_NAMES: who receives a signal type's reports by rule,
	 * as intake_store() shares them (sql/026): enabled partners only.
	 * The intake's account reads these columns only.
	 */
	"SELECT pr.signal_type_id, p.display_name FROM partner_rule pr"
	" JOIN partner p ON p.id = pr.partner_id AND p.disabled = 0"
	" ORDER BY pr.signal_type_id, p.display_name",
};

/* STMT_RULE_NAMES's columns. */
enum {
	RN_TYPE,
	RN_DISPLAY
};

/* The columns STMT_GET, STMT_SELF and STMT_LIST begin with. */
enum {
	PC_ID,
	PC_NAME,
	PC_DISPLAY,
	PC_FIELDS,
	PC_CERT,
	PC_PULLS,
	PC_DISABLED,
	PC__COMMON
};
/* STMT_GET's column after those. */
enum {
	GET_HASH = PC__COMMON
};
/* STMT_LIST's columns after those. */
enum {
	LIST_RULES = PC__COMMON,
	LIST_SHARES
};

static const char *const pfnames[MP_PF__MAX] = {
	"status", "signaaltype", "kanaal", "doelgroep", "data", "waarneming",
	"omschrijving", "adres", "personen", "bedrijven", "voertuigen",
	"onderwerpen", "antwoorden",
};

int
mp_partner_valid_name(const char *s)
{
	size_t	 i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > MP_PARTNER_NAME_MAX)
		return 0;
	if (!islower((unsigned char)s[0]) && !isdigit((unsigned char)s[0]))
		return 0;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) &&
		    !isdigit((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return 1;
}

const char *
mp_partner_field_name(enum mp_pfield f)
{

	return f < MP_PF__MAX ? pfnames[f] : "";
}

enum mp_err
mp_partner_fields_parse(const char *s, unsigned *mask)
{
	const char	*p, *e;
	size_t		 n, i;

	*mask = 0;
	if (s == NULL)
		return MP_EINVAL;
	if (strcmp(s, "alle") == 0) {
		*mask = MP_PF_ALL;
		return MP_OK;
	}
	for (p = s; ; p = e + 1) {
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		for (i = 0; i < MP_PF__MAX; i++)
			if (strlen(pfnames[i]) == n &&
			    strncmp(p, pfnames[i], n) == 0)
				break;
		if (i == MP_PF__MAX) {
			*mask = 0;
			return MP_EINVAL;
		}
		*mask |= 1u << i;
		if (e == NULL)
			break;
	}
	return MP_OK;
}

void
mp_partner_fields_format(unsigned mask, char *out, size_t outsz)
{
	size_t	 i, len = 0;
	int	 n;

	if (outsz == 0)
		return;
	out[0] = '\0';
	for (i = 0; i < MP_PF__MAX; i++) {
		if (!MP_PF_HAS(mask, i))
			continue;
		n = snprintf(out + len, outsz - len, "%s%s",
		    len > 0 ? "," : "", pfnames[i]);
		if (n < 0 || (size_t)n >= outsz - len)
			return;
		len += (size_t)n;
	}
}

int
mp_partner_key_parse(const char *key, long long *id,
    unsigned char secret[MP_PARTNER_SECRET])
{
	const char	*p, *dot;
	unsigned char	 buf[MP_PARTNER_SECRET + 2];
	long long	 v = 0;
	size_t		 n;

	if (key == NULL || strncmp(key, KEY_PREFIX, strlen(KEY_PREFIX)) != 0)
		return 0;
	p = key + strlen(KEY_PREFIX);
	if ((dot = strchr(p, '.')) == NULL || dot == p || dot - p > 10 ||
	    p[0] == '0')
		return 0;
	for (; p < dot; p++) {
		if (!isdigit((unsigned char)*p))
			return 0;
		v = v * 10 + (*p - '0');
	}
	n = strlen(dot + 1);
	if (n != SECRET_B64 || mp_crypto_unb64url(buf, sizeof(buf), dot + 1) !=
	    MP_PARTNER_SECRET)
		return 0;
	memcpy(secret, buf, MP_PARTNER_SECRET);
	mp_alloc_wipe(buf, sizeof(buf));
	*id = v;
	return 1;
}

enum mp_err
mp_partner_key_hash(const struct mp_keys *keys, long long id,
    const unsigned char secret[MP_PARTNER_SECRET], unsigned char out[32])
{
	unsigned char	 msg[24 + MP_PARTNER_SECRET];
	int		 n;
	enum mp_err	 er;

	/* Bound to the id, so a hash cannot be moved to another partner. */
	n = snprintf((char *)msg, 24, "%lld:", id);
	if (n < 0 || n >= 24)
		return MP_EINVAL;
	memcpy(msg + n, secret, MP_PARTNER_SECRET);
	er = mp_crypto_hmac_sha256(out, mp_key(keys, MP_KEY_PARTNER),
	    MP_KEY_LEN,
	    msg, (size_t)n + MP_PARTNER_SECRET);
	mp_alloc_wipe(msg, sizeof(msg));
	return er;
}

/* A new key for partner id into key, its hash into hash. */
static enum mp_err
new_key(const struct mp_keys *keys, long long id, char key[MP_PARTNER_KEY_SZ],
    unsigned char hash[32])
{
	unsigned char	 secret[MP_PARTNER_SECRET];
	char		 b64[SECRET_B64 + 2];
	enum mp_err	 er;
	int		 n;

	if ((er = mp_crypto_random(secret, sizeof(secret))) != MP_OK)
		return er;
	mp_crypto_b64url(b64, secret, sizeof(secret));
	n = snprintf(key, MP_PARTNER_KEY_SZ, KEY_PREFIX "%lld.%s", id, b64);
	if (n < 0 || n >= MP_PARTNER_KEY_SZ)
		er = MP_EINVAL;
	else
		er = mp_partner_key_hash(keys, id, secret, hash);
	mp_alloc_wipe(secret, sizeof(secret));
	mp_alloc_wipe(b64, sizeof(b64));
	return er;
}

static int
valid_cert(const char *cert)
{

	return cert == NULL || (mp_valid_text(cert, strlen(cert),
	    MP_PARTNER_CERT_MAX, 0));
}

struct rule {
	const char	*name, *slugs;
	long long	 id, shared;
	int		 bad;
};

static enum mp_err	rule_set(struct mp_db *, long long, struct rule *);

struct add {
	const struct mp_keys	*keys;
	const char		*name, *display, *cert;
	unsigned		 fields;
	long long		 ppm;
	char			*key;
	long long		 id;
	struct rule		 rule;		/* slugs NULL: none */
};

static enum mp_err
add_txn(struct mp_db *db, void *arg)
{
	struct add		*a = arg;
	struct mp_dbval		 v[6];
	unsigned char		 hash[32];
	unsigned long long	 id;
	char			 list[256];
	enum mp_err		 er;

	mp_partner_fields_format(a->fields, list, sizeof(list));
	memset(hash, 0, sizeof(hash));
	v[0] = MP_DBTEXT(a->name);
	v[1] = MP_DBTEXT(a->display);
	v[2] = MP_DBBLOB(hash, sizeof(hash));
	v[3] = MP_DBTEXT(list);
	v[4] = a->cert != NULL && a->cert[0] != '\0' ? MP_DBTEXT(a->cert) :
	    MP_DBNULL();
	v[5] = MP_DBINT(a->ppm);
	if ((er = mp_db_exec(db, stmts[STMT_INSERT], v, 6, NULL, &id)) !=
	    MP_OK)
		return er;
	a->id = (long long)id;
	if ((er = new_key(a->keys, a->id, a->key, hash)) != MP_OK)
		return er;
	v[0] = MP_DBBLOB(hash, sizeof(hash));
	v[1] = MP_DBINT(a->id);
	if ((er = mp_db_exec(db, stmts[STMT_SET_KEY], v, 2, NULL, NULL)) !=
	    MP_OK)
		return er;
	/* The rule in the same transaction: a bad one leaves nothing. */
	if (a->rule.slugs != NULL)
		er = rule_set(db, a->id, &a->rule);
	return er;
}

enum mp_err
mp_partner_add(struct mp_db *db, const struct mp_keys *keys,
    const char *name, const char *display, unsigned fields,
    const char *cert, long long ppm, const char *slugs,
    char key[MP_PARTNER_KEY_SZ], long long *id)
{
	struct add	 a;
	enum mp_err	 er;

	if (!mp_partner_valid_name(name) || display == NULL ||
	    mp_valid_blank(display, strlen(display)) ||
	    !mp_valid_text(display, strlen(display), MP_PARTNER_DISPLAY_MAX,
	    0) || !valid_cert(cert) || (fields & ~MP_PF_ALL) != 0 ||
	    ppm < 0 || ppm > 1000000 || (slugs != NULL &&
	    strlen(slugs) > SLUGS_MAX))
		return MP_EINVAL;
	memset(&a, 0, sizeof(a));
	a.rule.slugs = slugs;
	a.keys = keys;
	a.name = name;
	a.display = display;
	a.cert = cert;
	a.fields = fields;
	a.ppm = ppm;
	a.key = key;
	er = mp_db_txn(db, add_txn, &a);
	if (er == MP_OK && slugs != NULL)
		er = mp_share_backfill(db, a.id, NULL);
	if (er == MP_OK && id != NULL)
		*id = a.id;
	if (er != MP_OK)
		mp_alloc_wipe(key, MP_PARTNER_KEY_SZ);
	return er;
}

/* Read a partner row (STMT_GET / STMT_SELF); hash may be NULL. */
static enum mp_err
get(struct mp_db *db, enum stmt s, struct mp_dbval *v, struct mp_partner *p,
    unsigned char *hash)
{
	struct mp_stmt	*st;
	const char	*t;
	size_t		 len;
	enum mp_err	 er;

	memset(p, 0, sizeof(*p));
	if ((er = mp_db_query(db, &st, stmts[s], v, 1)) != MP_OK)
		return er;
	if ((er = mp_db_next(st)) == MP_OK) {
		p->id = mp_db_int(st, PC_ID);
		(void)snprintf(p->name, sizeof(p->name), "%s",
		    mp_db_text(st, PC_NAME, NULL));
		(void)snprintf(p->display, sizeof(p->display), "%s",
		    mp_db_text(st, PC_DISPLAY, NULL));
		if (mp_partner_fields_parse(mp_db_text(st, PC_FIELDS, NULL),
		    &p->fields) != MP_OK)
			p->fields = 0;	/* an unknown name: send least */
		(void)snprintf(p->cert, sizeof(p->cert), "%s",
		    mp_db_text(st, PC_CERT, NULL));
		p->pulls_per_minute = mp_db_int(st, PC_PULLS);
		p->disabled = mp_db_int(st, PC_DISABLED) != 0;
		if (hash != NULL) {
			t = mp_db_text(st, GET_HASH, &len);
			if (t == NULL || len != 32)
				memset(hash, 0, 32);
			else
				memcpy(hash, t, 32);
		}
	}
	mp_db_done(st);
	return er;
}

enum mp_err
mp_partner_get(struct mp_db *db, const char *name, struct mp_partner *p)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBTEXT(name);
	return get(db, STMT_GET, v, p, NULL);
}

enum mp_err
mp_partner_rotate_key(struct mp_db *db, const struct mp_keys *keys,
    const char *name, char key[MP_PARTNER_KEY_SZ])
{
	struct mp_partner	 p;
	struct mp_dbval		 v[2];
	unsigned char		 hash[32];
	enum mp_err		 er;

	if ((er = mp_partner_get(db, name, &p)) != MP_OK)
		return er;
	if ((er = new_key(keys, p.id, key, hash)) != MP_OK)
		return er;
	v[0] = MP_DBBLOB(hash, sizeof(hash));
	v[1] = MP_DBINT(p.id);
	er = mp_db_exec(db, stmts[STMT_SET_KEY], v, 2, NULL, NULL);
	if (er != MP_OK)
		mp_alloc_wipe(key, MP_PARTNER_KEY_SZ);
	return er;
}

/* One UPDATE by name; MP_ENOTFOUND when there is no such partner. */
static enum mp_err
set(struct mp_db *db, enum stmt s, struct mp_dbval val, const char *name)
{
	struct mp_partner	 p;
	struct mp_dbval		 v[2];
	enum mp_err		 er;

	if ((er = mp_partner_get(db, name, &p)) != MP_OK)
		return er;
	v[0] = val;
	v[1] = MP_DBTEXT(name);
	return mp_db_exec(db, stmts[s], v, 2, NULL, NULL);
}

enum mp_err
mp_partner_set_disabled(struct mp_db *db, const char *name, int disabled)
{

	return set(db, STMT_SET_DISABLED, MP_DBINT(disabled ? 1 : 0), name);
}

enum mp_err
mp_partner_set_fields(struct mp_db *db, const char *name, unsigned fields)
{
	char	 list[256];

	if ((fields & ~MP_PF_ALL) != 0)
		return MP_EINVAL;
	mp_partner_fields_format(fields, list, sizeof(list));
	return set(db, STMT_SET_FIELDS, MP_DBTEXT(list), name);
}

enum mp_err
mp_partner_set_cert(struct mp_db *db, const char *name, const char *cert)
{

	if (!valid_cert(cert))
		return MP_EINVAL;
	return set(db, STMT_SET_CERT, cert != NULL && cert[0] != '\0' ?
	    MP_DBTEXT(cert) : MP_DBNULL(), name);
}

enum mp_err
mp_partner_set_limit(struct mp_db *db, const char *name, long long ppm)
{

	if (ppm < 0 || ppm > 1000000)
		return MP_EINVAL;
	return set(db, STMT_SET_LIMIT, MP_DBINT(ppm), name);
}

/* Replace partner id's rule by r->slugs and share what it covers. */
static enum mp_err
rule_set(struct mp_db *db, long long id, struct rule *r)
{
	struct mp_dbval		 v[2];
	unsigned long long	 n;
	const char		*s, *e;
	char			 slug[64];
	size_t			 len;
	enum mp_err		 er;

	r->shared = 0;
	r->bad = 0;
	v[0] = MP_DBINT(id);
	if ((er = mp_db_exec(db, stmts[STMT_RULE_CLEAR], v, 1, NULL,
	    NULL)) != MP_OK)
		return er;
	for (s = r->slugs; *s != '\0'; s = *e == ',' ? e + 1 : e) {
		e = s + strcspn(s, ",");
		len = (size_t)(e - s);
		if (len == 0 || len >= sizeof(slug)) {
			r->bad = 1;
			return MP_EINVAL;
		}
		memcpy(slug, s, len);
		slug[len] = '\0';
		v[1] = MP_DBTEXT(slug);
		if ((er = mp_db_exec(db, stmts[STMT_RULE_ADD], v, 2, &n,
		    NULL)) != MP_OK)
			return er;
		if (n != 1) {
			r->bad = 1;
			return MP_EINVAL;
		}
	}
	return MP_OK;
}

static enum mp_err
rule_txn(struct mp_db *db, void *arg)
{
	struct rule		*r = arg;
	struct mp_partner	 p;
	enum mp_err		 er;

	if ((er = mp_partner_get(db, r->name, &p)) != MP_OK)
		return er;
	r->id = p.id;
	return rule_set(db, p.id, r);
}

enum mp_err
mp_partner_set_rule(struct mp_db *db, const char *name, const char *slugs,
    long long *shared)
{
	struct rule	 r;
	enum mp_err	 er;

	if (slugs == NULL || strlen(slugs) > SLUGS_MAX)
		return MP_EINVAL;
	memset(&r, 0, sizeof(r));
	r.name = name;
	r.slugs = slugs;
	/* The rule first; then what it covers, in batches. */
	if ((er = mp_db_txn(db, rule_txn, &r)) == MP_OK)
		er = mp_share_backfill(db, r.id, &r.shared);
	if (er == MP_OK && shared != NULL)
		*shared = r.shared;
	return er;
}

enum mp_err
mp_partner_list(struct mp_db *db, mp_partner_fn fn, void *arg)
{
	struct mp_stmt		*st;
	struct mp_partner	 p;
	enum mp_err		 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_LIST], NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		memset(&p, 0, sizeof(p));
		p.id = mp_db_int(st, PC_ID);
		(void)snprintf(p.name, sizeof(p.name), "%s",
		    mp_db_text(st, PC_NAME, NULL));
		(void)snprintf(p.display, sizeof(p.display), "%s",
		    mp_db_text(st, PC_DISPLAY, NULL));
		if (mp_partner_fields_parse(mp_db_text(st, PC_FIELDS, NULL),
		    &p.fields) != MP_OK)
			p.fields = 0;
		(void)snprintf(p.cert, sizeof(p.cert), "%s",
		    mp_db_text(st, PC_CERT, NULL));
		p.pulls_per_minute = mp_db_int(st, PC_PULLS);
		p.disabled = mp_db_int(st, PC_DISABLED) != 0;
		fn(&p, mp_db_text(st, LIST_RULES, NULL),
		    mp_db_int(st, LIST_SHARES), arg);
	}
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_partner_rule_names(struct mp_db *db, mp_partner_rule_fn fn, void *arg)
{
	struct mp_stmt	*st;
	enum mp_err	 er;

	if ((er = mp_db_query(db, &st, stmts[STMT_RULE_NAMES], NULL, 0)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK)
		fn(mp_db_int(st, RN_TYPE), mp_db_text(st, RN_DISPLAY, NULL),
		    arg);
	mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

enum mp_err
mp_partner_auth(struct mp_db *db, const struct mp_keys *keys,
    const char *authz, struct mp_partner *p)
{
	struct mp_dbval	 v[2];
	unsigned char	 secret[MP_PARTNER_SECRET], got[32];
	long long	 id = 0;
	enum mp_err	 er;
	int		 have = 0;

	memset(p, 0, sizeof(*p));
	if (authz != NULL && strncasecmp(authz, "Bearer ", 7) == 0) {
		authz += 7;
		while (*authz == ' ')
			authz++;
		have = mp_partner_key_parse(authz, &id, secret);
	}
	if (have && (er = mp_partner_key_hash(keys, id, secret, got)) !=
	    MP_OK)
		goto out;
	/*
	 * Bound on every request, to none without a key: a connection
	 * never keeps the last request's partner.  The database compares
	 * the hash (export_self is empty when it does not match).
	 */
	v[0] = have ? MP_DBINT(id) : MP_DBNULL();
	v[1] = have ? MP_DBBLOB(got, sizeof(got)) : MP_DBNULL();
	if ((er = mp_db_bind(db, stmts[STMT_BIND], v, 2)) != MP_OK)
		goto out;
	if (!have) {
		er = MP_ENOTFOUND;
		goto out;
	}
	v[0] = MP_DBINT(id);
	er = get(db, STMT_SELF, v, p, NULL);
out:
	if (er != MP_OK)
		memset(p, 0, sizeof(*p));
	mp_alloc_wipe(secret, sizeof(secret));
	mp_alloc_wipe(got, sizeof(got));
	return er;
}
