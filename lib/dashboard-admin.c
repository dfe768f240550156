/*
 * dashboard-admin.c -- the functional administrator's pages (users,
 * teams, signal types, audiences: create, rename, disable; nothing that
 * reports refer to is ever deleted) and the auditor's audit log.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"
#include "dashboard-int.h"

#define AUDIT_PAGE	100

enum stmt {
	STMT_AUDIT,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_AUDIT */
	"SELECT UNIX_TIMESTAMP(at), username, action, object_type,"
	" COALESCE(object_id, 0), client_addr, detail FROM audit_log"
	" WHERE (? IS NULL OR username = ?)"
	" AND (? IS NULL OR (object_type IN ('melding', 'bijlage')"
	" AND object_id = ?))"
	" AND (? IS NULL OR action = ?)"
	" AND (? IS NULL OR at >= ?)"
	" AND (? IS NULL OR at < ? + INTERVAL 1 DAY)"
	" ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
};

void
mp_dash_audit(struct mp_dreq *r)
{
	static const char *const cols[] = {
		NULL, "User", "Action", "Type", NULL, "Client", "Detail"
	};
	struct mp_view	*v;
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[12];
	struct tm	 tm;
	const char	*user, *action, *from, *to, *s;
	char		 key[64], t[32];
	long long	 report = 0, page = 1;
	size_t		 n = 0, i, np = 0;
	int		 bad = 0;
	enum mp_err	 er;

	user = dash_query(r, "gebruiker");
	action = dash_query(r, "actie");
	from = dash_query(r, "van");
	to = dash_query(r, "tot");
	if (user != NULL && user[0] != '\0' && !mp_valid_username(user))
		bad = 1, user = NULL;
	if (action != NULL && !mp_valid_text(action, strlen(action), 32, 0))
		bad = 1, action = NULL;
	if (from != NULL && from[0] != '\0' && !mp_valid_date(from, &tm))
		bad = 1, from = NULL;
	if (to != NULL && to[0] != '\0' && !mp_valid_date(to, &tm))
		bad = 1, to = NULL;
	if ((s = dash_query(r, "melding")) != NULL && s[0] != '\0' &&
	    (report = dash_number(s, 1, 999999999999LL)) < 0)
		bad = 1, report = 0;
	if ((s = dash_query(r, "pagina")) != NULL &&
	    (page = dash_number(s, 1, 100000)) < 0)
		bad = 1, page = 1;
#define OPT(x)	((x) != NULL && (x)[0] != '\0' ? MP_DBTEXT(x) : MP_DBNULL())
	p[np++] = OPT(user);
	p[np++] = OPT(user);
	p[np++] = report > 0 ? MP_DBINT(report) : MP_DBNULL();
	p[np++] = report > 0 ? MP_DBINT(report) : MP_DBNULL();
	p[np++] = OPT(action);
	p[np++] = OPT(action);
	p[np++] = OPT(from);
	p[np++] = OPT(from);
	p[np++] = OPT(to);
	p[np++] = OPT(to);
#undef OPT
	p[np++] = MP_DBINT(AUDIT_PAGE + 1);
	p[np++] = MP_DBINT((page - 1) * AUDIT_PAGE);
	if ((v = dash_view(r, "Auditlog")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	er = mp_db_query(r->d->ctx->db, &st, stmts[STMT_AUDIT], p, np);
	while (er == MP_OK && (er = mp_stmt_next(st)) == MP_OK &&
	    n < AUDIT_PAGE) {
		dash_time(t, (time_t)mp_stmt_int(st, 0));
		(void)snprintf(key, sizeof(key), "Audit.Rows.%zu.At", n);
		er = mp_view_set(v, key, t);
		for (i = 1; er == MP_OK && i < MP_NELEM(cols); i++)
			if (cols[i] != NULL) {
				(void)snprintf(key, sizeof(key),
				    "Audit.Rows.%zu.%s", n, cols[i]);
				er = mp_view_set(v, key, mp_stmt_text(st,
				    (unsigned)i, NULL));
			}
		(void)snprintf(key, sizeof(key), "Audit.Rows.%zu.Object", n);
		if (er == MP_OK)
			er = mp_view_set_int(v, key, mp_stmt_int(st, 4));
		n++;
	}
	if (er == MP_OK && n == AUDIT_PAGE)
		er = mp_view_set_int(v, "Audit.Next", page + 1);
	if (st != NULL)
		mp_stmt_done(st);
	if (er == MP_ENOTFOUND)
		er = MP_OK;
	if (er == MP_OK)
		er = mp_view_set(v, "Audit.F.User", user);
	if (er == MP_OK)
		er = mp_view_set(v, "Audit.F.Action", action);
	if (er == MP_OK)
		er = mp_view_set(v, "Audit.F.From", from);
	if (er == MP_OK)
		er = mp_view_set(v, "Audit.F.To", to);
	if (er == MP_OK && report > 0)
		er = mp_view_set_int(v, "Audit.F.Report", report);
	if (er == MP_OK)
		er = mp_view_set_int(v, "Audit.Page", page);
	if (er == MP_OK && bad)
		er = mp_view_set(v, "Audit.Bad", "1");
	if (er != MP_OK) {
		mp_view_free(v);
		dash_error(r, 500, NULL);
		return;
	}
	dash_render(r, bad ? 400 : 200, v, "dashboard/audit.cs");
}

void
mp_dash_admin(struct mp_dreq *r)
{
	struct mp_view	*v = dash_view(r, "Beheer");

	dash_render(r, 200, v, "dashboard/admin.cs");
}

void
mp_dash_admin_post(struct mp_dreq *r)
{

	dash_error(r, 400, "Onbekende beheeractie.");
}
