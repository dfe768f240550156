# tests/local.mk -- unit tests (cmocka, TAP) and the end-to-end suite.

LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) \
	$(top_srcdir)/build-aux/tap-driver.sh
TESTS_ENVIRONMENT = CMOCKA_MESSAGE_OUTPUT=TAP; export CMOCKA_MESSAGE_OUTPUT; \
	LSAN_OPTIONS=suppressions='$(abs_top_srcdir)/tests/lsan.supp'; \
	export LSAN_OPTIONS; \
	top_srcdir='$(abs_top_srcdir)'; top_builddir='$(abs_top_builddir)'; \
	export top_srcdir top_builddir; \
	CC='$(CC)'; MP_HDR_CFLAGS='$(CLEARSILVER_CFLAGS) $(FCGI_CFLAGS) \
	$(MARIADB_CFLAGS) $(XML_CFLAGS) $(OPENSSL_CFLAGS) $(QRENCODE_CFLAGS) \
	$(SECCOMP_CFLAGS) $(HEIF_CFLAGS) $(JPEG_CFLAGS)'; export CC MP_HDR_CFLAGS;

UNIT_LDADD = $(MP_LIBS) $(CMOCKA_LIBS)
UNIT_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)

if HAVE_CMOCKA
UNIT_TESTS = \
	tests/unit/test-alloc \
	tests/unit/test-log \
	tests/unit/test-buf \
	tests/unit/test-csv \
	tests/unit/test-image \
	tests/unit/test-heic \
	tests/unit/test-stats \
	tests/unit/test-conf \
	tests/unit/test-confkey \
	tests/unit/test-crypto \
	tests/unit/test-totp \
	tests/unit/test-qr \
	tests/unit/test-keys \
	tests/unit/test-pk \
	tests/unit/test-valid \
	tests/unit/test-route \
	tests/unit/test-req \
	tests/unit/test-http \
	tests/unit/test-tmpl \
	tests/unit/test-formtoken \
	tests/unit/test-report \
	tests/unit/test-message \
	tests/unit/test-workflow \
	tests/unit/test-event \
	tests/unit/test-subject \
	tests/unit/test-link \
	tests/unit/test-journal \
	tests/unit/test-dossier \
	tests/unit/test-dossierstat \
	tests/unit/test-retention \
	tests/unit/test-throttle \
	tests/unit/test-spool \
	tests/unit/test-db \
	tests/unit/test-mailmsg \
	tests/unit/test-outbox \
	tests/unit/test-grant \
	tests/unit/test-user \
	tests/unit/test-ratelimit \
	tests/unit/test-sendmail \
	tests/unit/test-partner \
	tests/unit/test-share \
	tests/unit/test-xmlout \
	tests/unit/test-sandbox \
	tests/unit/test-session \
	tests/unit/test-access \
	tests/unit/test-migrate \
	tests/unit/test-audit \
	tests/unit/test-presession \
	tests/unit/test-clientkey \
	tests/unit/test-catalog \
	tests/unit/test-dashsql \
	tests/unit/test-listsearch \
	tests/unit/test-contact \
	tests/unit/test-routing \
	tests/unit/test-replytpl \
	tests/unit/test-question
check_PROGRAMS += $(UNIT_TESTS)
TESTS += $(UNIT_TESTS)
endif

tests_unit_test_question_SOURCES = %reldir%/unit/test-question.c
tests_unit_test_question_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_question_LDADD = $(UNIT_LDADD)
tests_unit_test_sandbox_SOURCES = %reldir%/unit/test-sandbox.c
tests_unit_test_sandbox_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sandbox_LDADD = $(UNIT_LDADD)
tests_unit_test_alloc_SOURCES = %reldir%/unit/test-alloc.c
tests_unit_test_alloc_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_alloc_LDADD = $(UNIT_LDADD)
tests_unit_test_log_SOURCES = %reldir%/unit/test-log.c
tests_unit_test_log_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_log_LDADD = $(UNIT_LDADD)
tests_unit_test_buf_SOURCES = %reldir%/unit/test-buf.c
tests_unit_test_buf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_buf_LDADD = $(UNIT_LDADD)
tests_unit_test_csv_SOURCES = %reldir%/unit/test-csv.c
tests_unit_test_csv_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_csv_LDADD = $(UNIT_LDADD)
tests_unit_test_image_SOURCES = %reldir%/unit/test-image.c
tests_unit_test_image_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_image_LDADD = $(UNIT_LDADD)
tests_unit_test_heic_SOURCES = %reldir%/unit/test-heic.c
tests_unit_test_heic_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_heic_LDADD = $(UNIT_LDADD)
tests_unit_test_stats_SOURCES = %reldir%/unit/test-stats.c
tests_unit_test_stats_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_stats_LDADD = $(UNIT_LDADD)
tests_unit_test_conf_SOURCES = %reldir%/unit/test-conf.c
tests_unit_test_conf_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_conf_LDADD = $(UNIT_LDADD)
tests_unit_test_confkey_SOURCES = %reldir%/unit/test-confkey.c
tests_unit_test_confkey_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_confkey_LDADD = $(UNIT_LDADD)
tests_unit_test_crypto_SOURCES = %reldir%/unit/test-crypto.c
tests_unit_test_crypto_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_crypto_LDADD = $(UNIT_LDADD)
tests_unit_test_totp_SOURCES = %reldir%/unit/test-totp.c
tests_unit_test_totp_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_totp_LDADD = $(UNIT_LDADD)
tests_unit_test_qr_SOURCES = %reldir%/unit/test-qr.c
tests_unit_test_qr_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_qr_LDADD = $(UNIT_LDADD)
tests_unit_test_keys_SOURCES = %reldir%/unit/test-keys.c
tests_unit_test_keys_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_keys_LDADD = $(UNIT_LDADD)
tests_unit_test_pk_SOURCES = %reldir%/unit/test-pk.c
tests_unit_test_pk_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_pk_LDADD = $(UNIT_LDADD)
tests_unit_test_route_SOURCES = %reldir%/unit/test-route.c
tests_unit_test_route_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_route_LDADD = $(UNIT_LDADD)
tests_unit_test_routing_SOURCES = %reldir%/unit/test-routing.c
tests_unit_test_routing_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_routing_LDADD = $(UNIT_LDADD)
tests_unit_test_replytpl_SOURCES = %reldir%/unit/test-replytpl.c
tests_unit_test_replytpl_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_replytpl_LDADD = $(UNIT_LDADD)
tests_unit_test_valid_SOURCES = %reldir%/unit/test-valid.c
tests_unit_test_valid_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_valid_LDADD = $(UNIT_LDADD)
tests_unit_test_req_SOURCES = %reldir%/unit/test-req.c
tests_unit_test_req_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_req_LDADD = $(UNIT_LDADD)
tests_unit_test_http_SOURCES = %reldir%/unit/test-http.c
tests_unit_test_http_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_http_LDADD = $(UNIT_LDADD)
tests_unit_test_tmpl_SOURCES = %reldir%/unit/test-tmpl.c
tests_unit_test_tmpl_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_tmpl_LDADD = $(UNIT_LDADD)
tests_unit_test_formtoken_SOURCES = %reldir%/unit/test-formtoken.c
tests_unit_test_formtoken_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_formtoken_LDADD = $(UNIT_LDADD)
tests_unit_test_retention_SOURCES = %reldir%/unit/test-retention.c
tests_unit_test_retention_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_retention_LDADD = $(UNIT_LDADD)
tests_unit_test_dossier_SOURCES = %reldir%/unit/test-dossier.c
tests_unit_test_dossier_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_dossier_LDADD = $(UNIT_LDADD)
tests_unit_test_dossierstat_SOURCES = %reldir%/unit/test-dossierstat.c
tests_unit_test_dossierstat_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_dossierstat_LDADD = $(UNIT_LDADD)
tests_unit_test_message_SOURCES = %reldir%/unit/test-message.c
tests_unit_test_message_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_message_LDADD = $(UNIT_LDADD)
tests_unit_test_workflow_SOURCES = %reldir%/unit/test-workflow.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_workflow_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_workflow_LDADD = $(UNIT_LDADD)
tests_unit_test_throttle_SOURCES = %reldir%/unit/test-throttle.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_throttle_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_throttle_LDADD = $(UNIT_LDADD)
tests_unit_test_report_SOURCES = %reldir%/unit/test-report.c
tests_unit_test_report_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_report_LDADD = $(UNIT_LDADD)
tests_unit_test_spool_SOURCES = %reldir%/unit/test-spool.c
tests_unit_test_spool_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_spool_LDADD = $(UNIT_LDADD)
tests_unit_test_db_SOURCES = %reldir%/unit/test-db.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_db_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_db_LDADD = $(UNIT_LDADD)
tests_unit_test_mailmsg_SOURCES = %reldir%/unit/test-mailmsg.c
tests_unit_test_mailmsg_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_mailmsg_LDADD = $(UNIT_LDADD)
tests_unit_test_outbox_SOURCES = %reldir%/unit/test-outbox.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_outbox_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_outbox_LDADD = $(UNIT_LDADD)
tests_unit_test_grant_SOURCES = %reldir%/unit/test-grant.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_grant_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_grant_LDADD = $(UNIT_LDADD)
tests_unit_test_ratelimit_SOURCES = %reldir%/unit/test-ratelimit.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_ratelimit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_ratelimit_LDADD = $(UNIT_LDADD)
tests_unit_test_sendmail_SOURCES = %reldir%/unit/test-sendmail.c
tests_unit_test_sendmail_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_sendmail_LDADD = $(UNIT_LDADD)
tests_unit_test_user_SOURCES = %reldir%/unit/test-user.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_user_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_user_LDADD = $(UNIT_LDADD)
tests_unit_test_partner_SOURCES = %reldir%/unit/test-partner.c
tests_unit_test_partner_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_partner_LDADD = $(UNIT_LDADD)
tests_unit_test_share_SOURCES = %reldir%/unit/test-share.c
tests_unit_test_share_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_share_LDADD = $(UNIT_LDADD)
tests_unit_test_session_SOURCES = %reldir%/unit/test-session.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_session_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_session_LDADD = $(UNIT_LDADD)
tests_unit_test_access_SOURCES = %reldir%/unit/test-access.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_access_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_access_LDADD = $(UNIT_LDADD)
tests_unit_test_migrate_SOURCES = %reldir%/unit/test-migrate.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_migrate_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_migrate_LDADD = $(UNIT_LDADD)
tests_unit_test_audit_SOURCES = %reldir%/unit/test-audit.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_audit_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_audit_LDADD = $(UNIT_LDADD)
tests_unit_test_presession_SOURCES = %reldir%/unit/test-presession.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_presession_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_presession_LDADD = $(UNIT_LDADD)
tests_unit_test_clientkey_SOURCES = %reldir%/unit/test-clientkey.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_clientkey_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_clientkey_LDADD = $(UNIT_LDADD)
tests_unit_test_catalog_SOURCES = %reldir%/unit/test-catalog.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h
tests_unit_test_catalog_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_catalog_LDADD = $(UNIT_LDADD)
tests_unit_test_event_SOURCES = %reldir%/unit/test-event.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_event_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_event_LDADD = $(UNIT_LDADD)
tests_unit_test_subject_SOURCES = %reldir%/unit/test-subject.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_subject_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_subject_LDADD = $(UNIT_LDADD)
tests_unit_test_journal_SOURCES = %reldir%/unit/test-journal.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_journal_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_journal_LDADD = $(UNIT_LDADD)
tests_unit_test_link_SOURCES = %reldir%/unit/test-link.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_link_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_link_LDADD = $(UNIT_LDADD)
tests_unit_test_contact_SOURCES = %reldir%/unit/test-contact.c \
	%reldir%/unit/testdb.c %reldir%/unit/testdb.h \
	cgi/meldpuntctl/seed.c cgi/meldpuntctl/seed.h
tests_unit_test_contact_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_contact_LDADD = $(UNIT_LDADD)
# The dashboard's statements from their templates: the pages' sources
# without main.c (no database).
tests_unit_test_dashsql_SOURCES = %reldir%/unit/test-dashsql.c \
	cgi/dashboard/dashboard.c cgi/dashboard/dashboard.h \
	cgi/dashboard/auth.c cgi/dashboard/list.c cgi/dashboard/options.c \
	cgi/dashboard/report.c cgi/dashboard/admin.c cgi/dashboard/grant.c \
	cgi/dashboard/new.c cgi/dashboard/stats.c cgi/dashboard/chart.c \
	cgi/dashboard/export.c \
	cgi/dashboard/links.c cgi/dashboard/dossier.c \
	cgi/dashboard/dossier_doc.c \
	cgi/dashboard/journal.c \
	cgi/dashboard/retention.c \
	cgi/dashboard/routing.c \
	cgi/dashboard/replytpl.c cgi/dashboard/savedfilter.c \
	cgi/dashboard/done.c
tests_unit_test_dashsql_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_dashsql_LDADD = $(UNIT_LDADD)
# The list's text search in C (list.c's words and their match).
tests_unit_test_listsearch_SOURCES = %reldir%/unit/test-listsearch.c \
	cgi/dashboard/dashboard.c cgi/dashboard/dashboard.h \
	cgi/dashboard/auth.c cgi/dashboard/list.c cgi/dashboard/options.c \
	cgi/dashboard/report.c cgi/dashboard/admin.c cgi/dashboard/grant.c \
	cgi/dashboard/new.c cgi/dashboard/stats.c cgi/dashboard/chart.c \
	cgi/dashboard/export.c \
	cgi/dashboard/links.c cgi/dashboard/dossier.c \
	cgi/dashboard/dossier_doc.c \
	cgi/dashboard/journal.c \
	cgi/dashboard/retention.c \
	cgi/dashboard/routing.c \
	cgi/dashboard/replytpl.c cgi/dashboard/savedfilter.c \
	cgi/dashboard/done.c
tests_unit_test_listsearch_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_listsearch_LDADD = $(UNIT_LDADD)
tests_unit_test_xmlout_SOURCES = %reldir%/unit/test-xmlout.c
tests_unit_test_xmlout_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_xmlout_LDADD = $(UNIT_LDADD)

# Dutch local time for the statistics' months (issue 16).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-nltime
TESTS += tests/unit/test-nltime
endif
tests_unit_test_nltime_SOURCES = %reldir%/unit/test-nltime.c
tests_unit_test_nltime_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_nltime_LDADD = $(UNIT_LDADD)

# The public pages' languages and their catalogues (issue 17).
if HAVE_CMOCKA
check_PROGRAMS += tests/unit/test-i18n
TESTS += tests/unit/test-i18n
endif
tests_unit_test_i18n_SOURCES = %reldir%/unit/test-i18n.c
tests_unit_test_i18n_CFLAGS = $(UNIT_CFLAGS)
tests_unit_test_i18n_LDADD = $(UNIT_LDADD)

# meldpuntctl without a database: help, version, usage errors, gen-key.
TESTS += tests/ctl-help.sh
EXTRA_DIST += %reldir%/ctl-help.sh

# A helper of tests/e2e/test-72-upgrade.sh: opens sealed contact
# details with given key files (built for make check, never installed).
# Not in tests/e2e/, which EXTRA_DIST copies whole: from a VPATH build
# that would take the helper's objects into the tarball.
check_PROGRAMS += tests/contact-open
tests_contact_open_SOURCES = %reldir%/contact-open.c
tests_contact_open_LDADD = $(MP_LIBS)
# Its fixture (an old database and its test-only keys), and the Debian
# package's test, which scripts/check runs (tests/package.sh).
EXTRA_DIST += %reldir%/fixtures %reldir%/package.sh
# The manual pages (man/): mandoc -Tlint finds nothing to report.
TESTS += tests/man-lint.sh
EXTRA_DIST += %reldir%/man-lint.sh

# The end-to-end suite starts a private MariaDB, nginx and the programs
# under the build tree, runs every tests/e2e/test-*.sh through nginx and
# stops what it started. It prints one TAP stream.
TESTS += tests/e2e/run.sh
EXTRA_DIST += %reldir%/e2e %reldir%/lib %reldir%/a11y %reldir%/unit/util.h \
	%reldir%/cluster/run.sh %reldir%/cluster/galera.sh \
	%reldir%/cluster/app.sh \
	%reldir%/demo-smoke.sh \
	%reldir%/pages/snapshot.sh %reldir%/pages/fixclock.c \
	%reldir%/lsan.supp

# EXTRA_DIST copies whole directories; keep test results out of the
# tarball (distcheck after check would otherwise trip over them).
dist-hook:
	rm -rf $(distdir)/tests/e2e/*.log $(distdir)/tests/e2e/*.trs \
	    $(distdir)/bench/results/*.tmp

# Readable dependencies: each lib/ header compiles alone, lib/ includes
# neither the umbrella nor cgi/, no include cycle between lib modules,
# every exported symbol starts with mp_.
TESTS += tests/deps.sh
EXTRA_DIST += %reldir%/deps.sh

# The shipped systemd units: a socket and a hardened service for every
# program the nginx and Apache sites route to (no server started).
TESTS += tests/systemd-units.sh
EXTRA_DIST += %reldir%/systemd-units.sh

# The Galera cluster test (three nodes, a node killed in a burst of
# reports; a few minutes), which scripts/check runs in the background.
check-cluster: all
	top_srcdir='$(abs_top_srcdir)' top_builddir='$(abs_top_builddir)' \
	    $(SHELL) $(top_srcdir)/tests/cluster/run.sh
.PHONY: check-cluster

# The accessibility test's copy of axe-core (tests/e2e/test-90-*.sh).
clean-local:
	rm -rf tests/a11y-cache
