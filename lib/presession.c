/*
 * presession.c -- sign-in forms bound to a pre-session cookie and
 * accepted once (see presession.h).
 *
 * Single use needs state: a token bound to the cookie alone could be
 * replayed, with its cookie, by whoever saw one request (a shared
 * computer's history, a proxy log).  The state is the used token's
 * random nonce, stored at the POST with its expiry and refused by the
 * primary key a second time; showing the form stays free of writes,
 * as the report form is (formtoken.h).  A stateless alternative, a
 * cookie rotated at each POST, would refuse nothing to a replay that
 * brings the old cookie along.  The table holds nothing worth reading
 * (random nonces of forms already used), so the public feedback
 * program may insert and delete there and read back no row.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "crypto.h"
#include "ctx.h"
#include "db.h"
#include "errcode.h"
#include "formtoken.h"
#include "http.h"
#include "keys.h"
#include "presession.h"
#include "req.h"

#define ID_LEN		32			/* random bytes */
#define ID_TEXT		43			/* their base64url */
#define NAME_MAX	64

enum stmt {
	STMT_USE,
	STMT_PURGE,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_USE: the primary key makes the second use MP_EDUP. */
	"INSERT INTO signin_token_used (nonce, expires_at) VALUES (?, ?)",
	/* STMT_PURGE */
	"DELETE FROM signin_token_used WHERE expires_at < ?",
};

/* The cookie's name: "__Host-" + name under TLS. */
static void
cookie_name(const struct mp_req *req, const char *name, char out[NAME_MAX])
{
	int	 tls = req->ctx == NULL || req->ctx->secure_cookies;

	(void)snprintf(out, NAME_MAX, "%s%s", tls ? "__Host-" : "", name);
}

/* The pre-session id of the request's cookie; 0 when it has none. */
static int
cookie_id(const struct mp_req *req, const char *name,
    unsigned char id[ID_LEN])
{
	const char	*v;
	char		 full[NAME_MAX];

	cookie_name(req, name, full);
	v = mp_req_params_get(&req->cookies, full, NULL);
	return v != NULL && strlen(v) == ID_TEXT &&
	    mp_crypto_unb64url(id, ID_LEN, v) == ID_LEN;
}

static enum mp_err
set_cookie(struct mp_req *req, const char *name, const char *path,
    const char *value)
{
	char	 full[NAME_MAX];
	int	 tls = req->ctx == NULL || req->ctx->secure_cookies;

	cookie_name(req, name, full);
	return mp_http_cookie(req, full, value, value[0] == '\0' ? 0 : -1,
	    tls ? "/" : path, MP_COOKIE_HTTPONLY | MP_COOKIE_STRICT |
	    MP_COOKIE_SECURE);
}

enum mp_err
mp_presession_form(struct mp_req *req, const struct mp_keys *keys,
    const char *name, const char *path, time_t now,
    char tok[MP_FORMTOKEN_LEN])
{
	unsigned char	 id[ID_LEN];
	char		 text[ID_TEXT + 1];
	enum mp_err	 er = MP_OK;

	if (!cookie_id(req, name, id)) {
		if ((er = mp_crypto_random(id, sizeof(id))) != MP_OK)
			goto out;
		mp_crypto_b64url(text, id, sizeof(id));
		er = set_cookie(req, name, path, text);
		mp_alloc_wipe(text, sizeof(text));
		if (er != MP_OK)
			goto out;
	}
	er = mp_formtoken_issue_bound(keys, id, sizeof(id), now, tok);
out:
	mp_alloc_wipe(id, sizeof(id));
	return er;
}

enum mp_err
mp_presession_check(struct mp_req *req, struct mp_db *db,
    const struct mp_keys *keys, const char *name, const char *token,
    time_t now)
{
	unsigned char	 id[ID_LEN], nonce[MP_FORMTOKEN_NONCE];
	struct mp_dbval	 v[2];
	enum mp_err	 er;

	if (!cookie_id(req, name, id))
		return MP_ENOTFOUND;
	er = mp_formtoken_check_bound(keys, id, sizeof(id), token, now,
	    MP_PRESESSION_TTL, nonce);
	mp_alloc_wipe(id, sizeof(id));
	if (er != MP_OK)
		return er == MP_ECRYPTO ? er : MP_EINVAL;
	/* Kept as long as the token could pass the check above. */
	v[0] = MP_DBBLOB(nonce, sizeof(nonce));
	v[1] = MP_DBINT((long long)now + MP_PRESESSION_TTL + 120);
	return mp_db_exec(db, stmts[STMT_USE], v, 2, NULL, NULL);
}

void
mp_presession_end(struct mp_req *req, const char *name, const char *path)
{

	(void)set_cookie(req, name, path, "");
}

enum mp_err
mp_presession_purge(struct mp_db *db, time_t now)
{
	struct mp_dbval	 v[1];

	v[0] = MP_DBINT((long long)now);
	return mp_db_exec(db, stmts[STMT_PURGE], v, 1, NULL, NULL);
}
