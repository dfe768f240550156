/*
 * privacy.c -- the privacy officer's page (issue 15): the processing
 * as it is configured and as it stands, read-only, for those who may
 * read the audit log.  The kinds of data kept and their retention
 * terms per signal type, how many reports stand at each stage
 * (identity kept, identity erased, content erased, held for an open
 * dossier), the users who may see reporter identity, the partners
 * with their profiles and rules, the last retention batches.  As a
 * page and as CSV, from the same rows; every view is audited.  No
 * report content is on it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meldpunt.h"
#include "dashboard.h"

#define ROWS_MAX	4000
#define RUNS_SHOWN	20

/* The page's sections, in order: template node and CSV name. */
enum sect { S_DATA, S_TERM, S_STAND, S_IDENT, S_PARTNER, S_RUN, S__MAX };

static const char *const sect_node[S__MAX] = {
	"Data", "Terms", "Stand", "Identity", "Partners", "Runs"
};
static const char *const sect_csv[S__MAX] = {
	"gegevens", "bewaartermijn", "stand", "ziet identiteit", "partner",
	"bewaarrun"
};

struct row {
	enum sect	 s;
	char		 c[4][256];
};

struct rows {
	struct row	*v;
	size_t		 n;
	enum mp_err	 er;
	const struct mp_conf *conf;
};

/* Add a row of up to four columns (NULL: empty). */
static void
add(struct rows *rs, enum sect s, const char *a, const char *b,
    const char *c, const char *d)
{
	const char	*col[4] = { a, b, c, d };
	struct row	*r;
	size_t		 i;

	if (rs->n == ROWS_MAX) {
		rs->er = MP_ETOOBIG;
		return;
	}
	r = &rs->v[rs->n++];
	r->s = s;
	for (i = 0; i < 4; i++)
		(void)snprintf(r->c[i], sizeof(r->c[i]), "%s",
		    col[i] != NULL ? col[i] : "");
}

static void
addn(struct rows *rs, enum sect s, const char *a, long long n)
{
	char	 b[32];

	(void)snprintf(b, sizeof(b), "%lld", n);
	add(rs, s, a, b, NULL, NULL);
}

static void
data_rows(struct rows *rs)
{

	add(rs, S_DATA, "identiteit van de melder",
	    "naam, e-mailadres, telefoon (versleuteld), sessies van de"
	    " melder, de gehashte geheime code", "bewaartermijn identiteit",
	    NULL);
	add(rs, S_DATA, "inhoud van de melding",
	    "omschrijving, adres, betrokkenen, voertuigen, bijlagen,"
	    " berichten, onderwerpen, notities en redenen in de"
	    " geschiedenis", "bewaartermijn inhoud (ongegrond of dubbel:"
	    " korter)", NULL);
	add(rs, S_DATA, "dossier",
	    "analyse, journaal, documenten, leden, onderwerpen, meldingen",
	    "bewaartermijn dossier", NULL);
	add(rs, S_DATA, "blijft voor de statistiek",
	    "referentie, soort, doelgroep, kanaal, status, team, data",
	    "zolang de statistiek loopt", NULL);
}

static enum mp_err
term_row(long long id, const char *slug, void *arg)
{
	struct rows			*rs = arg;
	struct mp_retention_terms	 t;
	char				 a[32], b[32], c[32];

	(void)id;
	mp_retention_terms(rs->conf, slug, &t);
	(void)snprintf(a, sizeof(a), "%d maanden", t.identity);
	(void)snprintf(b, sizeof(b), "%d maanden", t.content);
	(void)snprintf(c, sizeof(c), "%d maanden", t.unfounded);
	add(rs, S_TERM, slug, a, b, c);
	return MP_OK;
}

static void
stand_rows(struct rows *rs, const struct mp_retention_overview *o)
{

	addn(rs, S_STAND, "meldingen", o->reports);
	addn(rs, S_STAND, "open (niet afgerond)", o->open);
	addn(rs, S_STAND, "afgerond, identiteit bewaard",
	    o->identity_kept);
	addn(rs, S_STAND, "identiteit gewist, inhoud bewaard",
	    o->identity_gone);
	addn(rs, S_STAND, "inhoud gewist", o->content_gone);
	addn(rs, S_STAND, "vastgehouden voor een open dossier", o->held);
	addn(rs, S_STAND, "dossiers", o->dossiers);
	addn(rs, S_STAND, "dossiers open", o->dossiers_open);
	addn(rs, S_STAND, "dossiers gesloten, bewaard", o->dossiers_closed);
	addn(rs, S_STAND, "dossiers gewist", o->dossiers_gone);
}

static void
user_row(const struct mp_user *u, const char *teams, void *arg)
{

	(void)teams;
	if (u->identity)
		add(arg, S_IDENT, u->username, u->display,
		    mp_role_label(u->role), u->disabled ? "uitgeschakeld" :
		    "actief");
}

static void
partner_row(const struct mp_partner *p, const char *rule, long long shares,
    void *arg)
{
	char	 fields[512], d[64];

	mp_partner_fields_format(p->fields, fields, sizeof(fields));
	(void)snprintf(d, sizeof(d), "%lld gedeeld%s", shares,
	    p->disabled ? ", uitgeschakeld" : "");
	add(arg, S_PARTNER, p->display, fields, rule[0] != '\0' ? rule :
	    "geen regel", d);
}

static void
run_row(const struct mp_retention_run *run, void *arg)
{
	char	 at[32], a[32], b[32];

	dash_time(at, run->at);
	(void)snprintf(a, sizeof(a), "%lld", run->items);
	(void)snprintf(b, sizeof(b), "%lld", run->identities);
	add(arg, S_RUN, at, run->kind != NULL ? run->kind : "", a, b);
}

/* Every row of the page into rs; the first error stays in rs->er. */
static void
collect(struct mp_dreq *r, struct rows *rs)
{
	struct mp_db			*db = r->d->ctx->db;
	struct mp_retention_overview	 o;
	char				 a[32];
	enum mp_err			 er;

	rs->conf = r->d->ctx->conf;
	data_rows(rs);
	(void)term_row(0, "standaard", rs);
	if ((er = mp_retention_types(db, term_row, rs)) != MP_OK)
		rs->er = er;
	(void)snprintf(a, sizeof(a), "%d maanden",
	    mp_retention_dossier_months(rs->conf));
	add(rs, S_TERM, "dossiers (na sluiten)", NULL, a, NULL);
	if (rs->er == MP_OK && (er = mp_retention_overview(db, &o)) != MP_OK)
		rs->er = er;
	else if (rs->er == MP_OK)
		stand_rows(rs, &o);
	if (rs->er == MP_OK && (er = mp_user_list(db, user_row, rs)) !=
	    MP_OK)
		rs->er = er;
	if (rs->er == MP_OK && (er = mp_partner_list(db, partner_row, rs)) !=
	    MP_OK)
		rs->er = er;
	if (rs->er == MP_OK && (er = mp_retention_runs(db, RUNS_SHOWN,
	    run_row, rs)) != MP_OK)
		rs->er = er;
}

static int
rows_open(struct rows *rs)
{

	memset(rs, 0, sizeof(*rs));
	return (rs->v = calloc(ROWS_MAX, sizeof(*rs->v))) != NULL;
}

void
mp_dash_privacy(struct mp_dreq *r)
{
	struct rows	 rs;
	struct mp_view	*v;
	struct mp_vnode	*n;
	char		 name[64];
	size_t		 i, k[S__MAX] = { 0 };

	if (!rows_open(&rs) || (v = dash_view(r, "Privacy")) == NULL) {
		free(rs.v);
		dash_error(r, 500, NULL);
		return;
	}
	collect(r, &rs);
	for (i = 0; rs.er == MP_OK && i < rs.n; i++) {
		(void)snprintf(name, sizeof(name), "Privacy.%s.%zu",
		    sect_node[rs.v[i].s], k[rs.v[i].s]++);
		n = mp_tmpl_node(v, name);
		(void)mp_tmpl_vnode_set(n, "A", rs.v[i].c[0]);
		(void)mp_tmpl_vnode_set(n, "B", rs.v[i].c[1]);
		(void)mp_tmpl_vnode_set(n, "C", rs.v[i].c[2]);
		(void)mp_tmpl_vnode_set(n, "D", rs.v[i].c[3]);
	}
	if (rs.er == MP_OK)
		dash_audit(r, "privacyoverzicht", "", 0, "bekeken");
	free(rs.v);
	dash_finish(r, rs.er, 200, v, "dashboard/privacy.cs");
}

void
mp_dash_privacy_csv(struct mp_dreq *r)
{
	struct rows	 rs;
	struct mp_csv	 c;
	char		 day[MP_NLTIME_DATE_LEN], fname[64];
	size_t		 i, j;

	if (!rows_open(&rs)) {
		dash_error(r, 500, NULL);
		return;
	}
	collect(r, &rs);
	if (rs.er != MP_OK) {
		free(rs.v);
		dash_error(r, mp_err_status(rs.er), NULL);
		return;
	}
	dash_audit(r, "privacyoverzicht", "", 0, "csv");
	mp_nltime_date(r->now, day);
	(void)snprintf(fname, sizeof(fname), "privacyoverzicht-%s.csv", day);
	if (dash_csv_begin(r, &c, fname) == MP_OK) {
		(void)mp_csv_field(&c, "onderdeel");
		(void)mp_csv_field(&c, "naam");
		(void)mp_csv_field(&c, "waarde");
		(void)mp_csv_field(&c, "waarde 2");
		(void)mp_csv_field(&c, "waarde 3");
		(void)mp_csv_endrow(&c);
		for (i = 0; i < rs.n; i++) {
			(void)mp_csv_field(&c, sect_csv[rs.v[i].s]);
			for (j = 0; j < 4; j++)
				(void)mp_csv_field(&c, rs.v[i].c[j]);
			(void)mp_csv_endrow(&c);
		}
		if (mp_csv_flush(&c) != MP_OK)
			mp_warnx("%s: the CSV was cut off", __func__);
	}
	free(rs.v);
}
