# templates/local.mk -- ClearSilver templates and static files.

commontemplatedir = $(templatedir)/common
dist_commontemplate_DATA = \
	%reldir%/common/layout.cs \
	%reldir%/common/fields.cs \
	%reldir%/common/error.cs

intaketemplatedir = $(templatedir)/intake
dist_intaketemplate_DATA = \
	%reldir%/intake/form.cs \
	%reldir%/intake/receipt.cs \
	%reldir%/intake/privacy.cs \
	%reldir%/intake/duplicate.cs \
	%reldir%/intake/questions.cs

feedbacktemplatedir = $(templatedir)/feedback
dist_feedbacktemplate_DATA = \
	%reldir%/feedback/signin.cs \
	%reldir%/feedback/thread.cs \
	%reldir%/feedback/signedout.cs

statictemplatedir = $(templatedir)/static
dist_statictemplate_DATA = \
	%reldir%/static/meldpunt.css \
	%reldir%/static/dossier-print.css \
	%reldir%/static/404.html \
	%reldir%/static/413.html \
	%reldir%/static/50x.html \
	%reldir%/static/favicon.ico \
	%reldir%/static/robots.txt

dashboardtemplatedir = $(templatedir)/dashboard
dist_dashboardtemplate_DATA = \
	%reldir%/dashboard/layout.cs \
	%reldir%/dashboard/privacy.cs \
	%reldir%/dashboard/retention.cs \
	%reldir%/dashboard/login.cs \
	%reldir%/dashboard/loggedout.cs \
	%reldir%/dashboard/totp.cs \
	%reldir%/dashboard/list.cs \
	%reldir%/dashboard/report.cs \
	%reldir%/dashboard/subject.cs \
	%reldir%/dashboard/audit.cs \
	%reldir%/dashboard/admin.cs \
	%reldir%/dashboard/questions.cs \
	%reldir%/dashboard/grantlist.cs \
	%reldir%/dashboard/grants.cs \
	%reldir%/dashboard/password.cs \
	%reldir%/dashboard/stats.cs \
	%reldir%/dashboard/hotspots.cs \
	%reldir%/dashboard/dossiers.cs \
	%reldir%/dashboard/dossier.cs \
	%reldir%/dashboard/dossier-new.cs \
	%reldir%/dashboard/dossier-print.cs \
	%reldir%/dashboard/dossier-stats.cs \
	%reldir%/dashboard/journal.cs \
	%reldir%/dashboard/journal-task.cs \
	%reldir%/dashboard/journal-mine.cs \
	%reldir%/dashboard/new.cs \
	%reldir%/dashboard/new-done.cs \
	%reldir%/dashboard/routing.cs \
	%reldir%/dashboard/cover.cs \
	%reldir%/dashboard/replytpl.cs \
	%reldir%/dashboard/notice.cs \
	%reldir%/dashboard/maillog.cs

exporttemplatedir = $(templatedir)/export
dist_exporttemplate_DATA = \
	%reldir%/export/meldpunt-export-1.xsd

# The public pages' texts per language (lib/i18n.c, issue 17).
i18ntemplatedir = $(templatedir)/i18n
dist_i18ntemplate_DATA = \
	%reldir%/i18n/nl.hdf \
	%reldir%/i18n/en.hdf \
	%reldir%/i18n/pl.hdf \
	%reldir%/i18n/tr.hdf \
	%reldir%/i18n/ar.hdf
