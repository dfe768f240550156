# cgi/local.mk -- the programs: FastCGI responders and meldpuntctl.

bin_PROGRAMS += meldpunt-intake
meldpunt_intake_SOURCES = \
	%reldir%/intake/main.c \
	%reldir%/intake/intake.c %reldir%/intake/intake.h \
	%reldir%/intake/form.c \
	%reldir%/intake/privacy.c \
	%reldir%/intake/submit.c
meldpunt_intake_LDADD = $(MP_LIBS)

bin_PROGRAMS += meldpunt-feedback
meldpunt_feedback_SOURCES = \
	%reldir%/feedback/main.c \
	%reldir%/feedback/feedback.c %reldir%/feedback/feedback.h \
	%reldir%/feedback/signin.c \
	%reldir%/feedback/thread.c
meldpunt_feedback_LDADD = $(MP_LIBS)

bin_PROGRAMS += meldpunt-dashboard
meldpunt_dashboard_SOURCES = \
	%reldir%/dashboard/main.c \
	%reldir%/dashboard/dashboard.c %reldir%/dashboard/dashboard.h \
	%reldir%/dashboard/auth.c \
	%reldir%/dashboard/list.c %reldir%/dashboard/options.c \
	%reldir%/dashboard/report.c %reldir%/dashboard/links.c \
	%reldir%/dashboard/admin.c \
	%reldir%/dashboard/grant.c \
	%reldir%/dashboard/new.c \
	%reldir%/dashboard/routing.c \
	%reldir%/dashboard/replytpl.c %reldir%/dashboard/savedfilter.c \
	%reldir%/dashboard/stats.c %reldir%/dashboard/chart.c \
	%reldir%/dashboard/privacy.c %reldir%/dashboard/retention.c \
	%reldir%/dashboard/export.c %reldir%/dashboard/hotspot.c \
	%reldir%/dashboard/dossier.c %reldir%/dashboard/dossier_doc.c \
	%reldir%/dashboard/dossier_print.c %reldir%/dashboard/dossier_stats.c \
	%reldir%/dashboard/journal.c \
	%reldir%/dashboard/notice.c \
	%reldir%/dashboard/done.c \
	%reldir%/dashboard/questions.c
meldpunt_dashboard_LDADD = $(MP_LIBS)

bin_PROGRAMS += meldpunt-export
meldpunt_export_SOURCES = \
	%reldir%/export/main.c \
	%reldir%/export/export.c %reldir%/export/export.h
meldpunt_export_LDADD = $(MP_LIBS)

sbin_PROGRAMS += meldpuntctl
meldpuntctl_SOURCES = \
	%reldir%/meldpuntctl/ctl.h \
	%reldir%/meldpuntctl/main.c \
	%reldir%/meldpuntctl/check-config.c \
	%reldir%/meldpuntctl/contact-key.c \
	%reldir%/meldpuntctl/contact-migrate.c \
	%reldir%/meldpuntctl/drain-spool.c \
	%reldir%/meldpuntctl/gen-key.c \
	%reldir%/meldpuntctl/grants.c \
	%reldir%/meldpuntctl/mail.c \
	%reldir%/meldpuntctl/migrate.c \
	%reldir%/meldpuntctl/partner.c \
	%reldir%/meldpuntctl/seed-demo.c \
	%reldir%/meldpuntctl/seed.c %reldir%/meldpuntctl/seed.h \
	%reldir%/meldpuntctl/retention.c \
	%reldir%/meldpuntctl/subjects.c \
	%reldir%/meldpuntctl/team.c \
	%reldir%/meldpuntctl/routing.c \
	%reldir%/meldpuntctl/user.c \
	%reldir%/meldpuntctl/status.c \
	%reldir%/meldpuntctl/metrics.c \
	%reldir%/meldpuntctl/backup-check.c
meldpuntctl_LDADD = $(MP_LIBS)
