/*
 * grant.c -- the requests that wait for a second person
 * (lib/grant.h): listed on the admin page and on /verzoeken, where an
 * administrator or a coordinator confirms or rejects another's request
 * and a requester withdraws their own.  Each decision is a POST with
 * the CSRF token; lib/grant.c decides who may do what, in one
 * transaction, so the buttons shown here are only a convenience.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

struct list_ctx {
	struct mp_dreq	*r;
	struct mp_view	*v;
	size_t		 n;
};

static void
list_one(const struct mp_grant_info *g, void *arg)
{
	struct list_ctx		*x = arg;
	struct mp_vnode		*n;
	char			 key[48], t[32];
	long long		 me = x->r->user.id;

	(void)snprintf(key, sizeof(key), "Grants.%zu", x->n++);
	n = mp_tmpl_node(x->v, key);
	dash_time(t, g->at);
	mp_tmpl_vnode_set_int(n, "Id", g->id);
	mp_tmpl_vnode_set(n, "What", g->what);
	mp_tmpl_vnode_set(n, "At", t);
	mp_tmpl_vnode_set(n, "By", g->requester_name);
	mp_tmpl_vnode_set(n, "ByName", g->requester_display);
	mp_tmpl_vnode_set(n, "User", g->target_name);
	mp_tmpl_vnode_set(n, "UserName", g->target_display);
	mp_tmpl_vnode_set(n, "Role", mp_role_label(g->target_role));
	mp_tmpl_vnode_set(n, "Teams", g->target_teams);
	mp_tmpl_vnode_set_int(n, "Disabled", g->target_disabled);
	mp_tmpl_vnode_set_int(n, "Identity", g->target_identity);
	/* What this user may do; lib/grant.c checks again. */
	mp_tmpl_vnode_set_int(n, "MayConfirm", g->requester != me &&
	    g->target != me);
	mp_tmpl_vnode_set_int(n, "MayReject", g->requester != me);
	mp_tmpl_vnode_set_int(n, "MayWithdraw", g->requester == me);
}

enum mp_err
dash_grant_list(struct mp_dreq *r, struct mp_view *v, const char *back)
{
	struct list_ctx	 x;
	enum mp_err	 er;

	memset(&x, 0, sizeof(x));
	x.r = r;
	x.v = v;
	if ((er = mp_tmpl_set(v, "GrantBack", back)) != MP_OK)
		return er;
	if ((er = mp_grant_list_open(r->d->ctx->db, list_one, &x)) != MP_OK)
		return er;
	/* A set that failed in list_one is kept in the view. */
	return mp_tmpl_err(v);
}

/*
 * The page: its list, a note of what was done, or a refusal; and once,
 * after a confirmed password reset, the one-time password.
 */
static void
page(struct mp_dreq *r, int status, const char *error, const char *note,
    const char *pw_user, const char *pw)
{
	struct mp_view	*v;
	enum mp_err	 er;

	if ((v = dash_view(r, "Verzoeken")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	if (error != NULL)
		mp_tmpl_set(v, "Grant.Error", error);
	if (note != NULL)
		mp_tmpl_set(v, "Grant.Note", note);
	if (pw != NULL && pw[0] != '\0') {
		mp_tmpl_set(v, "Grant.Password", pw);
		mp_tmpl_set(v, "Grant.PasswordUser", pw_user);
	}
	/* The list reads the database: only for a view still good. */
	if ((er = mp_tmpl_err(v)) == MP_OK)
		er = dash_grant_list(r, v, "verzoeken");
	dash_finish(r, er, status, v, "dashboard/grants.cs");
}

/* The account's user name of a request, into arg. */
static void
grant_user(const struct mp_grant_info *g, void *arg)
{

	(void)snprintf(arg, MP_USERNAME_MAX + 1, "%s", g->target_name);
}

static const struct {
	const char		*name;		/* form "actie" */
	enum mp_grant_decision	 decision;
	const char		*done;		/* the confirmation (done.c) */
} decisions[] = {
	{ "bevestigen", MP_GRANT_CONFIRM, "verzoek-bevestigd" },
	{ "afwijzen", MP_GRANT_REJECT, "verzoek-afgewezen" },
	{ "intrekken", MP_GRANT_WITHDRAW, "verzoek-ingetrokken" },
};

/* A decision's confirmation is a code of done.c; this is the request. */
int
dash_grant_note(struct mp_dreq *r, char *note, size_t sz)
{
	long long	 id;

	note[0] = '\0';
	if ((id = dash_number(dash_query(r, "verzoek"), 1,
	    999999999999LL)) < 0)
		return 0;
	(void)snprintf(note, sz, "Verzoek %lld is ingediend. %s", id,
	    mp_grant_outcome_text(MP_GRANT_PENDING));
	return 1;
}

void
mp_dash_grants(struct mp_dreq *r)
{
	char	 note[256];

	page(r, 200, NULL, dash_grant_note(r, note, sizeof(note)) ? note :
	    NULL, NULL, NULL);
}

void
mp_dash_grants_post(struct mp_dreq *r)
{
	struct mp_grant_actor	 a;
	enum mp_grant_outcome	 o;
	const char		*s = dash_form(r, "actie"), *back;
	char			 pw[MP_GRANT_PW_LEN], what[MP_GRANT_WHAT_MAX];
	char			 loc[96], note[MP_GRANT_WHAT_MAX + 96];
	char			 user[MP_USERNAME_MAX + 1];
	long long		 id;
	size_t			 i, d = MP_NELEM(decisions);
	enum mp_err		 er;

	for (i = 0; s != NULL && i < MP_NELEM(decisions); i++)
		if (strcmp(s, decisions[i].name) == 0)
			d = i;
	if (d == MP_NELEM(decisions)) {
		page(r, 400, "Onbekende actie.", NULL, NULL, NULL);
		return;
	}
	if ((id = dash_number(dash_form(r, "id"), 1, 999999999999LL)) < 0) {
		page(r, 400, "Het formulier mist welk verzoek u bedoelt.",
		    NULL, NULL, NULL);
		return;
	}
	/* Only these two pages; never a location from the form. */
	back = (s = dash_form(r, "terug")) != NULL &&
	    strcmp(s, "beheer") == 0 && mp_access_user(&r->user,
	    MP_PERM_ADMIN) ? "/beheer" : "/verzoeken";
	a.id = r->user.id;
	a.username = r->user.username;
	a.client = r->client;
	er = mp_grant_decide(r->d->ctx->db, &a, id, decisions[d].decision,
	    &o, what, pw);
	if (er != MP_OK) {
		dash_error(r, mp_err_status(er), NULL);
		return;
	}
	if (o != MP_GRANT_DONE && o != MP_GRANT_STALE) {
		page(r, o == MP_GRANT_GONE ? 404 : o == MP_GRANT_DECIDED ?
		    409 : 403, mp_grant_outcome_text(o), NULL, NULL, NULL);
		return;
	}
	if (o == MP_GRANT_STALE) {
		page(r, 409, mp_grant_outcome_text(o), NULL, NULL, NULL);
		return;
	}
	if (pw[0] != '\0') {
		/* Shown once, to the one who confirmed; never in a URL. */
		user[0] = '\0';
		(void)snprintf(note, sizeof(note), "Verzoek %lld is "
		    "bevestigd: %s.", id, what);
		if (mp_grant_get(r->d->ctx->db, id, grant_user, user) !=
		    MP_OK)
			user[0] = '\0';
		page(r, 200, NULL, note, user, pw);
		mp_alloc_wipe(pw, sizeof(pw));
		return;
	}
	(void)snprintf(loc, sizeof(loc), "%s#verzoek-%lld", back, id);
	dash_done(r, loc, decisions[d].done);
}
