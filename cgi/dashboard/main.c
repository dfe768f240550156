/*
 * main.c -- meldpunt-dashboard, the handlers' pages at /dashboard/
 * (see dashboard.h).  This file is the route table: which page
 * answers which method and path, and the permission it needs.  Who is
 * signed in, the CSRF token and the permission are checked in
 * dashboard.c before a page runs.
 */
#include "config.h"

#include <err.h>
#include <stdio.h>

#include "meldpunt.h"
#include "dashboard.h"

static const struct dash_route routes[] = {
	{ { "GET", "/" }, MP_PERM_NONE, 0, mp_dash_home },
	{ { "GET", "/aanmelden" }, MP_PERM_NONE, DASH_PUBLIC,
	  mp_dash_login_form },
	{ { "POST", "/aanmelden" }, MP_PERM_NONE, DASH_PUBLIC, mp_dash_login },
	{ { "POST", "/afmelden" }, MP_PERM_NONE, DASH_STAGE, mp_dash_logout },
	{ { "GET", "/tweede-factor" }, MP_PERM_NONE, DASH_STAGE,
	  mp_dash_totp_form },
	{ { "POST", "/tweede-factor" }, MP_PERM_NONE, DASH_STAGE,
	  mp_dash_totp },
	{ { "GET", "/wachtwoord" }, MP_PERM_NONE, DASH_STAGE,
	  mp_dash_password_form },
	{ { "POST", "/wachtwoord" }, MP_PERM_NONE, DASH_STAGE,
	  mp_dash_password },
	{ { "GET", "/melding/#" }, MP_PERM_REPORT_VIEW, 0, mp_dash_report },
	{ { "POST", "/melding/#" }, MP_PERM_REPORT_VIEW, 0, mp_dash_action },
	{ { "POST", "/melding/#/onderwerpen" }, MP_PERM_REPORT_WORK, 0,
	  mp_dash_subjects_post },
	{ { "POST", "/melding/#/verband" }, MP_PERM_REPORT_WORK, 0,
	  mp_dash_link_post },
	{ { "POST", "/melding/#/bewaren" }, MP_PERM_RETENTION_HOLD, 0,
	  mp_dash_hold_post },
	{ { "GET", "/onderwerp/#" }, MP_PERM_REPORT_VIEW, 0,
	  mp_dash_subject },
	{ { "GET", "/melding/#/bijlage/#" }, MP_PERM_REPORT_VIEW, 0,
	  mp_dash_attachment },
	{ { "GET", "/nieuw" }, MP_PERM_REPORT_CREATE, 0, mp_dash_new_form },
	{ { "POST", "/nieuw" }, MP_PERM_REPORT_CREATE, 0, mp_dash_new },
	{ { "GET", "/beheer" }, MP_PERM_ADMIN, 0, mp_dash_admin },
	{ { "POST", "/beheer" }, MP_PERM_ADMIN, 0, mp_dash_admin_post },
	{ { "GET", "/beheer/vragen" }, MP_PERM_ADMIN, 0, mp_dash_questions },
	{ { "POST", "/beheer/vragen" }, MP_PERM_ADMIN, 0,
	  mp_dash_questions_post },
	{ { "GET", "/verzoeken" }, MP_PERM_GRANT_DECIDE, 0, mp_dash_grants },
	{ { "POST", "/verzoeken" }, MP_PERM_GRANT_DECIDE, 0,
	  mp_dash_grants_post },
	{ { "GET", "/audit" }, MP_PERM_AUDIT, 0, mp_dash_audit },
	{ { "GET", "/privacy" }, MP_PERM_AUDIT, 0, mp_dash_privacy },
	{ { "GET", "/privacy/csv" }, MP_PERM_AUDIT, 0, mp_dash_privacy_csv },
	{ { "GET", "/statistiek" }, MP_PERM_STATS, 0, mp_dash_stats },
	{ { "GET", "/statistiek/csv" }, MP_PERM_STATS, 0, mp_dash_stats_csv },
	{ { "GET", "/export" }, MP_PERM_EXPORT, 0, mp_dash_export },
	{ { "GET", "/onderwerpen" }, MP_PERM_REPORT_LIST, 0,
	  mp_dash_hotspots },
	{ { "GET", "/onderwerpen/csv" }, MP_PERM_EXPORT, 0,
	  mp_dash_hotspots_csv },
	{ { "GET", "/dossiers" }, MP_PERM_DOSSIER_VIEW, 0, mp_dash_dossiers },
	{ { "GET", "/dossier/nieuw" }, MP_PERM_DOSSIER_WORK, 0,
	  mp_dash_dossier_new_form },
	{ { "POST", "/dossier/nieuw" }, MP_PERM_DOSSIER_WORK, 0,
	  mp_dash_dossier_new },
	{ { "GET", "/dossier/#" }, MP_PERM_DOSSIER_VIEW, 0, mp_dash_dossier },
	{ { "POST", "/dossier/#" }, MP_PERM_DOSSIER_WORK, 0,
	  mp_dash_dossier_post },
	{ { "POST", "/dossier/#/journaal" }, MP_PERM_DOSSIER_WORK, 0,
	  mp_dash_journal_post },
	{ { "GET", "/dossier/#/taak/#" }, MP_PERM_DOSSIER_VIEW, 0,
	  mp_dash_task },
	{ { "POST", "/dossier/#/taak/#" }, MP_PERM_DOSSIER_WORK, 0,
	  mp_dash_task_post },
	{ { "GET", "/taken" }, MP_PERM_DOSSIER_VIEW, 0, mp_dash_tasks },
	{ { "POST", "/melding/#/dossier" }, MP_PERM_DOSSIER_WORK, 0,
	  mp_dash_report_dossier_post },
	{ { "POST", "/dossier/#/documenten" }, MP_PERM_DOSSIER_WORK, 0,
	  mp_dash_dossier_doc_post },
	{ { "GET", "/dossier/#/document/#" }, MP_PERM_DOSSIER_VIEW, 0,
	  mp_dash_dossier_doc },
	{ { "POST", "/dossier/#/document/#/verwijderen" },
	  MP_PERM_DOSSIER_WORK, 0, mp_dash_dossier_doc_del },
	{ { "GET", "/dossier/#/afdrukken" }, MP_PERM_DOSSIER_VIEW, 0,
	  mp_dash_dossier_print },
	{ { "GET", "/dossiers/statistiek" }, MP_PERM_STATS, 0,
	  mp_dash_dossier_stats },
	{ { "GET", "/dossiers/statistiek/csv" }, MP_PERM_STATS, 0,
	  mp_dash_dossier_stats_csv },
	{ { "GET", "/routering" }, MP_PERM_ADMIN, 0, mp_dash_routing },
	{ { "POST", "/routering" }, MP_PERM_ADMIN, 0, mp_dash_routing_post },
	{ { "GET", "/vervanging" }, MP_PERM_REPORT_ASSIGN, 0,
	  mp_dash_cover },
	{ { "POST", "/vervanging" }, MP_PERM_REPORT_ASSIGN, 0,
	  mp_dash_cover_post },
	{ { "GET", "/sjablonen" }, MP_PERM_REPORT_ASSIGN, 0,
	  mp_dash_replytpl },
	{ { "GET", "/sjablonen/#" }, MP_PERM_REPORT_ASSIGN, 0,
	  mp_dash_replytpl_edit },
	{ { "POST", "/sjablonen" }, MP_PERM_REPORT_ASSIGN, 0,
	  mp_dash_replytpl_post },
	{ { "GET", "/filter/#" }, MP_PERM_REPORT_LIST, 0,
	  mp_dash_savedfilter },
	{ { "POST", "/filters" }, MP_PERM_REPORT_LIST, 0,
	  mp_dash_savedfilter_post },
	{ { "GET", "/meldingen-per-mail" }, MP_PERM_REPORT_LIST, 0,
	  mp_dash_notice },
	{ { "POST", "/meldingen-per-mail" }, MP_PERM_REPORT_LIST, 0,
	  mp_dash_notice_post },
	{ { "GET", "/maillog" }, MP_PERM_REPORT_ASSIGN, 0, mp_dash_maillog },
};

int
main(int argc, char *argv[])
{
	struct mp_ctx	 ctx;
	struct mp_fcgi	*f;
	struct mp_dash	*d;
	struct mp_req	 r;
	char		 errbuf[512];
	enum mp_err	 er;

	if (mp_fcgi_ctx_open(&ctx, "meldpunt-dashboard", argc, argv, errbuf,
	    sizeof(errbuf)) != MP_OK)
		errx(1, "%s", errbuf);
	/* Dossier documents: one file of the attachments' size. */
	dash_dossier_doc_limits(&ctx);
	if (mp_dash_open(&d, &ctx) != MP_OK)
		errx(1, "cannot start the dashboard; see the log");
	if (mp_fcgi_init(&f, &ctx) != MP_OK)
		errx(1, "cannot start FastCGI");
	while ((er = mp_fcgi_accept(f, &r)) == MP_OK) {
		mp_dash_serve(d, &r, routes, MP_NELEM(routes));
		mp_req_free(&r);
	}
	mp_fcgi_free(f);
	mp_dash_close(d);
	mp_fcgi_ctx_close(&ctx);
	return er == MP_EXIT ? 0 : 1;
}
