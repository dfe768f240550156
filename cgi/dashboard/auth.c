/*
 * auth.c -- signing in and out of the dashboard in local
 * mode: the password form with throttling per account and per client
 * (every failed attempt is recorded, in its own statement, so a failed
 * request still counts), the second factor (TOTP, RFC 6238) with its
 * enrolment, the account's own new password after a reset someone
 * else confirmed (lib/grant.h), and logout.  Portal mode signs in in
 * dashboard.c.
 *
 * The stages after the password: the second factor first (a one-time
 * password alone, which the person who confirmed the reset has seen,
 * gets nobody past it), then the account's own password, then the
 * enrolment of a second factor where one is required.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "meldpunt.h"
#include "dashboard.h"

/*
 * The throttle's keys: the account name in lower case, the client.
 * 0 when the database cannot give the client key: a 503 was sent.
 */
static int
throttle_keys(struct mp_dreq *r, const char *username, struct mp_throttle *t)
{
	char	 name[72];
	size_t	 i;

	(void)snprintf(name, sizeof(name), "%s", username);
	for (i = 0; name[i] != '\0'; i++)
		name[i] = (char)tolower((unsigned char)name[i]);
	if (mp_throttle_keys(r->d->ctx->db, &r->d->ctx->keys, "login", name,
	    r->client, r->now, t) != MP_OK) {
		dash_error(r, 503, NULL);
		return 0;
	}
	return 1;
}

/* The pre-session cookie's path (without TLS), "/dashboard/". */
static const char *
pre_path(struct mp_dreq *r, char path[128])
{

	(void)snprintf(path, 128, "%s/", r->d->mount);
	return path;
}

/*
 * Seconds this client must wait before it may try a password or code
 * again.  Only the client's own failures count: failures on the
 * account from elsewhere never keep the right password (and second
 * factor) out, so nobody can lock an account by guessing at it.  The
 * client's waits grow with its failures (lib/throttle.h), and each
 * guess costs a slow KDF, which bounds guessing from many clients.
 */
static long
client_wait(struct mp_dreq *r, const struct mp_throttle *t)
{

	return mp_throttle_client_wait(r->d->ctx->db, t, r->now,
	    r->d->attempt_window, r->d->max_attempts);
}

/* The Dutch message for a client that waits secs seconds. */
static void
wait_message(char *buf, size_t sz, long secs)
{
	long	 min = (secs + 59) / 60;

	if (min <= 1)
		(void)snprintf(buf, sz, "Te veel mislukte pogingen vanaf "
		    "deze computer. Wacht een minuut en probeer het dan "
		    "opnieuw.");
	else
		(void)snprintf(buf, sz, "Te veel mislukte pogingen vanaf "
		    "deze computer. Wacht %ld minuten en probeer het dan "
		    "opnieuw.", min);
}

static void
failed(struct mp_dreq *r, const struct mp_throttle *t)
{

	mp_throttle_fail(r->d->ctx->db, t, r->now);
}

static void
login_page(struct mp_dreq *r, int status, const char *user,
    const char *msg)
{
	struct mp_view	*v;
	char		 tok[MP_FORMTOKEN_LEN], path[128];

	if ((v = dash_view(r, "Aanmelden")) != NULL &&
	    mp_presession_form(r->req, &r->d->ctx->keys,
	    MP_PRESESSION_DASHBOARD, pre_path(r, path), r->now, tok) !=
	    MP_OK) {
		mp_tmpl_free(v);
		v = NULL;
	}
	if (v != NULL) {
		mp_tmpl_set(v, "Login.Token", tok);
		if (user != NULL && mp_user_valid_name(user))
			mp_tmpl_set(v, "Login.User", user);
		if (msg != NULL)
			mp_tmpl_set(v, "Login.Message", msg);
	}
	dash_render(r, status, v, "dashboard/login.cs");
}

void
mp_dash_login_form(struct mp_dreq *r)
{

	if (r->d->mode != MP_AUTH_LOCAL) {
		dash_redirect(r, "/");
		return;
	}
	login_page(r, 200, NULL, NULL);
}

/*
 * The stage after the password and any second factor: the account's
 * own password if someone else set it, then an enrolment if a second
 * factor is required and missing.
 */
static enum mp_sess_stage
after_password(struct mp_dreq *r)
{

	if (r->user.password_change)
		return MP_SESS_NEWPW;
	if (!r->user.totp_enabled && r->d->totp_required)
		return MP_SESS_ENROL;
	return MP_SESS_FULL;
}

/* Start a fresh session (new id) for r->user at stage. */
static int
new_session(struct mp_dreq *r, enum mp_sess_stage stage)
{
	char	 cookie[MP_SESSION_TOKEN_LEN];

	if (mp_session_create(r->d->ctx->db, &r->d->ctx->keys, MP_SESS_STAFF,
	    r->user.id,
	    stage, r->now, r->d->absolute, cookie, &r->sess) != MP_OK) {
		dash_error(r, 503, NULL);
		return 0;
	}
	dash_cookie(r, cookie);
	mp_alloc_wipe(cookie, sizeof(cookie));
	r->signed_in = 1;
	return 1;
}

/*
 * The form must come from this browser's own sign-in page, once
 * (lib/presession.h): no foreign page can sign someone in to an
 * account of the attacker's.  1 when it does; else 0, answered.
 */
static int
login_form_ok(struct mp_dreq *r, const char *name)
{
	enum mp_err	 er;

	er = mp_presession_check(r->req, r->d->ctx->db, &r->d->ctx->keys,
	    MP_PRESESSION_DASHBOARD, dash_form(r, "token"), r->now);
	if (er == MP_ENOTFOUND) {
		login_page(r, 400, name, "Uw browser stuurde het cookie van "
		    "dit formulier niet mee. Sta cookies voor deze site toe "
		    "en probeer het opnieuw.");
		return 0;
	}
	if (er == MP_EINVAL) {
		login_page(r, 403, name, "Het formulier was verlopen of "
		    "hoort niet bij deze browser. Probeer het opnieuw.");
		return 0;
	}
	if (er == MP_EDUP) {
		login_page(r, 403, name, "Dit formulier was al verstuurd. "
		    "Probeer het opnieuw.");
		return 0;
	}
	if (er != MP_OK) {
		dash_error(r, 503, NULL);
		return 0;
	}
	return 1;
}

void
mp_dash_login(struct mp_dreq *r)
{
	static const char	 dummy[] = "$scrypt$ln=15,r=8,p=1$"
	    "AAAAAAAAAAAAAAAAAAAAAA$"
	    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	struct mp_session	 old;
	struct mp_throttle	 t;
	const char		*name, *pw, *have;
	char			 hash[MP_PWHASH_LEN], msg[160], path[128];
	long			 wait;
	int			 ok;
	enum mp_err		 er;

	if (r->d->mode != MP_AUTH_LOCAL) {
		dash_error(r, 404, "Aanmelden gaat via het intranetportaal.");
		return;
	}
	name = dash_form(r, "gebruiker");
	pw = dash_form(r, "wachtwoord");
	if (!login_form_ok(r, name))
		return;
	if (name == NULL || pw == NULL || !mp_user_valid_name(name))
		name = "";
	if (!throttle_keys(r, name, &t))
		return;
	if ((wait = client_wait(r, &t)) > 0) {
		/* Not a failure: nothing was tried, and the wait would
		 * otherwise never end for a client that keeps asking. */
		(void)mp_audit(r->d->ctx->db, 0, name, "aanmelden geweigerd",
		    "", 0, r->client, "te veel pogingen");
		wait_message(msg, sizeof(msg), wait);
		login_page(r, 429, name, msg);
		return;
	}
	hash[0] = '\0';
	er = name[0] != '\0' ? mp_user_get(r->d->ctx->db, name, &r->user,
	    hash) : MP_ENOTFOUND;
	if (er != MP_OK && er != MP_ENOTFOUND) {
		dash_error(r, 503, NULL);
		return;
	}
	/* The same slow work whether or not the account exists. */
	ok = mp_crypto_password_verify(hash[0] != '\0' ? hash : dummy,
	    pw != NULL ? pw : "");
	ok = ok && er == MP_OK && hash[0] != '\0' && !r->user.disabled;
	mp_alloc_wipe(hash, sizeof(hash));
	if (!ok) {
		failed(r, &t);
		(void)mp_audit(r->d->ctx->db, er == MP_OK ? r->user.id : 0,
		    name, "aanmelden mislukt", "", 0, r->client,
		    er != MP_OK ? "onbekende gebruiker" : r->user.disabled ?
		    "uitgeschakeld" : "wachtwoord onjuist");
		login_page(r, 403, name, "De gebruikersnaam of het "
		    "wachtwoord is onjuist, of uw account is uitgeschakeld.");
		return;
	}
	/* A session id from before sign-in never survives it. */
	have = mp_req_params_get(&r->req->cookies, MP_SESSION_COOKIE, NULL);
	if (mp_session_load(r->d->ctx->db, &r->d->ctx->keys, MP_SESS_STAFF,
	    have, r->now, r->d->idle, &old) == MP_OK)
		(void)mp_session_destroy(r->d->ctx->db, &old);
	/* The session cookie replaces the pre-session's. */
	mp_presession_end(r->req, MP_PRESESSION_DASHBOARD,
	    pre_path(r, path));
	if (!new_session(r, r->user.totp_enabled ? MP_SESS_TOTP :
	    after_password(r)))
		return;
	dash_audit(r, r->sess.stage == MP_SESS_FULL ? "aanmelden" :
	    "wachtwoord juist", "", 0, "lokaal");
	dash_redirect(r, dash_stage_path(r->sess.stage));
}

void
mp_dash_logout(struct mp_dreq *r)
{
	struct mp_view	*v;

	(void)mp_session_destroy(r->d->ctx->db, &r->sess);
	dash_audit(r, "afmelden", "", 0, NULL);
	dash_cookie(r, "");
	if (r->d->mode == MP_AUTH_LOCAL) {
		dash_redirect(r, "/aanmelden");
		return;
	}
	r->signed_in = 0;
	v = dash_view(r, "Afgemeld");
	dash_render(r, 200, v, "dashboard/loggedout.cs");
}

/* ------------------------------------------------------------------ */
/* The second factor.                                                  */

/* Standard base64 (for a data: URI) of len bytes into b. */
static enum mp_err
base64(struct mp_buf *b, const void *in, size_t len)
{
	unsigned char	*out;
	int		 n;
	enum mp_err	 er;

	if (len > 4 * 1024 * 1024)
		return MP_ETOOBIG;
	if ((out = mp_alloc((len + 2) / 3 * 4 + 1)) == NULL)
		return MP_ENOMEM;
	n = EVP_EncodeBlock(out, in, (int)len);
	er = mp_buf_add(b, out, (size_t)n);
	free(out);
	return er;
}

/*
 * The enrolment page: a new secret, stored sealed but not yet
 * confirmed, shown once as a QR code and as text.  Showing the page
 * again makes another secret, so an old screen is worth nothing.
 */
static void
enrol_page(struct mp_dreq *r, int status, const char *msg)
{
	unsigned char	 secret[MP_TOTP_SECRET_LEN];
	char		 b32[MP_TOTP_B32_LEN + 1];
	struct mp_buf	 uri, svg, img;
	struct mp_view	*view = NULL;
	enum mp_err	 er;

	mp_buf_init(&uri, 1024);
	mp_buf_init(&svg, 256 * 1024);
	mp_buf_init(&img, 512 * 1024);
	if ((er = mp_totp_secret_new(secret)) != MP_OK ||
	    (er = mp_user_totp_set_secret(r->d->ctx->db, &r->d->ctx->keys,
	    r->user.id, secret)) != MP_OK)
		goto out;
	mp_totp_base32(b32, secret);
	if ((er = mp_totp_uri(&uri, r->d->instance, r->user.username,
	    b32)) != MP_OK || (er = mp_qr_svg(&svg, mp_buf_str(&uri))) !=
	    MP_OK || (er = mp_buf_addstr(&img, "data:image/svg+xml;base64,"))
	    != MP_OK || (er = base64(&img, mp_buf_str(&svg),
	    mp_buf_len(&svg))) != MP_OK)
		goto out;
	er = MP_ENOMEM;
	if ((view = dash_view(r, "Tweede factor instellen")) == NULL ||
	    mp_tmpl_set(view, "Totp.Enrol", "1") != MP_OK ||
	    mp_tmpl_set(view, "Totp.Secret", b32) != MP_OK ||
	    mp_tmpl_set(view, "Totp.Qr", mp_buf_str(&img)) != MP_OK ||
	    (msg != NULL && mp_tmpl_set(view, "Totp.Message", msg) != MP_OK))
		goto out;
	dash_render(r, status, view, "dashboard/totp.cs");
	view = NULL;
	er = MP_OK;
out:
	if (er != MP_OK)
		dash_error(r, 500, NULL);
	mp_tmpl_free(view);
	mp_alloc_wipe(secret, sizeof(secret));
	mp_alloc_wipe(b32, sizeof(b32));
	mp_buf_freezero(&uri);
	mp_buf_freezero(&svg);
	mp_buf_freezero(&img);
}

static void
code_page(struct mp_dreq *r, int status, const char *msg)
{
	struct mp_view	*v;

	if ((v = dash_view(r, "Tweede factor")) != NULL && msg != NULL)
		mp_tmpl_set(v, "Totp.Message", msg);
	dash_render(r, status, v, "dashboard/totp.cs");
}

void
mp_dash_totp_form(struct mp_dreq *r)
{

	if (r->d->mode != MP_AUTH_LOCAL) {
		dash_error(r, 404, "Deze pagina bestaat niet.");
		return;
	}
	if (r->sess.stage == MP_SESS_NEWPW)
		dash_redirect(r, dash_stage_path(r->sess.stage));
	else if (r->sess.stage == MP_SESS_TOTP)
		code_page(r, 200, NULL);
	else if (!r->user.totp_enabled)
		enrol_page(r, 200, NULL);
	else
		dash_redirect(r, "/");
}

void
mp_dash_totp(struct mp_dreq *r)
{
	struct mp_session	 old = r->sess;
	struct mp_user_totp	 ts;
	struct mp_throttle	 t;
	long long		 step = 0;
	long			 wait;
	char			 msg[160];
	int			 enrol = r->sess.stage != MP_SESS_TOTP;
	enum mp_err		 er;

	if (r->d->mode != MP_AUTH_LOCAL || (enrol && r->user.totp_enabled) ||
	    r->sess.stage == MP_SESS_NEWPW) {
		dash_error(r, 404, "Deze pagina bestaat niet.");
		return;
	}
	if (!throttle_keys(r, r->user.username, &t))
		return;
	if ((wait = client_wait(r, &t)) > 0) {
		dash_audit(r, "tweede factor geweigerd", "", 0,
		    "te veel pogingen");
		wait_message(msg, sizeof(msg), wait);
		code_page(r, 429, msg);
		return;
	}
	if ((er = mp_user_totp_get(r->d->ctx->db, &r->d->ctx->keys,
	    r->user.id, &ts)) != MP_OK) {
		dash_error(r, 503, NULL);
		return;
	}
	if (ts.has_secret)
		er = mp_totp_verify(ts.secret, sizeof(ts.secret),
		    dash_form(r, "code") != NULL ? dash_form(r, "code") : "",
		    r->now, ts.last_step, &step);
	else
		er = MP_ECRYPTO;
	mp_alloc_wipe(ts.secret, sizeof(ts.secret));
	if (er == MP_OK)	/* MP_ECRYPTO: used meanwhile */
		er = mp_user_totp_accept_step(r->d->ctx->db, r->user.id, step);
	if (er != MP_OK) {
		failed(r, &t);
		dash_audit(r, "tweede factor mislukt", "", 0, NULL);
		if (enrol)
			enrol_page(r, 403, "De code klopte niet. Scan deze "
			    "nieuwe code en probeer het opnieuw.");
		else
			code_page(r, 403, "De code klopt niet of is al "
			    "gebruikt. Wacht op de volgende code.");
		return;
	}
	/* The next stage (in full, mostly): with a new session id. */
	(void)mp_session_destroy(r->d->ctx->db, &old);
	r->user.totp_enabled = 1;
	if (!new_session(r, old.stage == MP_SESS_FULL ? MP_SESS_FULL :
	    after_password(r)))
		return;
	dash_audit(r, enrol ? "tweede factor ingesteld" :
	    r->sess.stage == MP_SESS_FULL ? "aanmelden" :
	    "tweede factor juist", "", 0, "met tweede factor");
	if (enrol)
		dash_done(r, dash_stage_path(r->sess.stage), "tweede-factor");
	else
		dash_redirect(r, dash_stage_path(r->sess.stage));
}

/* ------------------------------------------------------------------ */
/* The account's own password, after a reset by someone else.          */

static void
password_page(struct mp_dreq *r, int status, const char *msg,
    const char *field)
{
	struct mp_view	*v;

	if ((v = dash_view(r, "Kies uw eigen wachtwoord")) != NULL) {
		mp_tmpl_set_int(v, "Pw.Min", (long long)r->d->pw_min);
		if (msg != NULL) {
			mp_tmpl_set(v, "Pw.Message", msg);
			mp_tmpl_set(v, "Pw.Field", field);
		}
	}
	dash_render(r, status, v, "dashboard/password.cs");
}

void
mp_dash_password_form(struct mp_dreq *r)
{

	if (r->d->mode != MP_AUTH_LOCAL) {
		dash_error(r, 404, "Deze pagina bestaat niet.");
		return;
	}
	if (r->sess.stage != MP_SESS_NEWPW) {
		dash_redirect(r, dash_stage_path(r->sess.stage));
		return;
	}
	password_page(r, 200, NULL, NULL);
}

void
mp_dash_password(struct mp_dreq *r)
{
	struct mp_session	 old = r->sess;
	struct mp_user		 u;
	const char		*pw, *again;
	char			 hash[MP_PWHASH_LEN], msg[160];
	int			 same;
	enum mp_err		 er;

	if (r->d->mode != MP_AUTH_LOCAL || r->sess.stage != MP_SESS_NEWPW) {
		dash_error(r, 404, "Deze pagina bestaat niet.");
		return;
	}
	pw = dash_form(r, "nieuw");
	again = dash_form(r, "herhaling");
	if (!mp_user_password_ok(pw, r->d->pw_min)) {
		(void)snprintf(msg, sizeof(msg), "Kies een wachtwoord van "
		    "ten minste %zu tekens.", r->d->pw_min);
		password_page(r, 400, msg, "nieuw");
		return;
	}
	if (again == NULL || strcmp(pw, again) != 0) {
		password_page(r, 400, "De twee wachtwoorden zijn niet gelijk.",
		    "herhaling");
		return;
	}
	/* Not the one-time password: someone else has seen that one. */
	hash[0] = '\0';
	if ((er = mp_user_get(r->d->ctx->db, r->user.username, &u, hash)) !=
	    MP_OK) {
		dash_error(r, 503, NULL);
		return;
	}
	same = hash[0] != '\0' && mp_crypto_password_verify(hash, pw);
	mp_alloc_wipe(hash, sizeof(hash));
	if (same) {
		password_page(r, 400, "Kies een ander wachtwoord dan het "
		    "eenmalige wachtwoord dat u kreeg.", "nieuw");
		return;
	}
	if ((er = mp_user_set_password(r->d->ctx->db, r->user.id, pw,
	    r->d->pw_min)) != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	r->user.password_change = 0;
	(void)mp_session_destroy(r->d->ctx->db, &old);
	if (!new_session(r, after_password(r)))
		return;
	dash_audit(r, "wachtwoord gekozen", "", 0, NULL);
	dash_done(r, dash_stage_path(r->sess.stage), "wachtwoord");
}
