# cgi/local.mk -- the programs: FastCGI responders and meldpuntctl.

bin_PROGRAMS += meldpunt-intake
meldpunt_intake_SOURCES = %reldir%/intake.c
meldpunt_intake_LDADD = $(MP_LIBS)

bin_PROGRAMS += meldpunt-feedback
meldpunt_feedback_SOURCES = %reldir%/feedback.c
meldpunt_feedback_LDADD = $(MP_LIBS)

bin_PROGRAMS += meldpunt-dashboard
meldpunt_dashboard_SOURCES = %reldir%/dashboard.c
meldpunt_dashboard_LDADD = $(MP_LIBS)

bin_PROGRAMS += meldpunt-export
meldpunt_export_SOURCES = %reldir%/export.c
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
	%reldir%/meldpuntctl/team.c \
	%reldir%/meldpuntctl/user.c
meldpuntctl_LDADD = $(MP_LIBS)
