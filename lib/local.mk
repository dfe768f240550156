# lib/local.mk -- libmeldpunt, the library every program links.

noinst_LTLIBRARIES += lib/libmeldpunt.la
lib_libmeldpunt_la_SOURCES = \
	%reldir%/meldpunt.h \
	%reldir%/err.c %reldir%/errcode.h \
	%reldir%/alloc.c %reldir%/alloc.h \
	%reldir%/buf.c %reldir%/buf.h \
	%reldir%/csv.c %reldir%/csv.h \
	%reldir%/image.c %reldir%/image.h \
	%reldir%/heic.c %reldir%/heic.h \
	%reldir%/log.c %reldir%/log.h \
	%reldir%/conf.c %reldir%/conf.h \
	%reldir%/confkey.c %reldir%/confkey.h \
	%reldir%/cs.h \
	%reldir%/tmpl.c %reldir%/tmpl.h \
	%reldir%/req.c %reldir%/req.h \
	%reldir%/http.c %reldir%/http.h \
	%reldir%/fcgi.c %reldir%/fcgi.h %reldir%/ctx.h \
	%reldir%/sandbox.c %reldir%/sandbox.h \
	%reldir%/dbhost.c %reldir%/dbhost.h \
	%reldir%/db.c %reldir%/db.h \
	%reldir%/migrate.c %reldir%/migrate.h \
	%reldir%/crypto.c %reldir%/crypto.h \
	%reldir%/totp.c %reldir%/totp.h \
	%reldir%/qr.c %reldir%/qr.h \
	%reldir%/keys.c %reldir%/keys.h \
	%reldir%/pk.c %reldir%/pk.h \
	%reldir%/contact.c %reldir%/contact.h \
	%reldir%/valid.c %reldir%/valid.h \
	%reldir%/formtoken.c %reldir%/formtoken.h \
	%reldir%/presession.c %reldir%/presession.h \
	%reldir%/clientkey.c %reldir%/clientkey.h \
	%reldir%/ratelimit.c %reldir%/ratelimit.h \
	%reldir%/catalog.c %reldir%/catalog.h \
	%reldir%/report.c %reldir%/report.h \
	%reldir%/spool.c %reldir%/spool.h \
	%reldir%/role.c %reldir%/role.h \
	%reldir%/user.c %reldir%/user.h \
	%reldir%/audit.c %reldir%/audit.h \
	%reldir%/session.c %reldir%/session.h \
	%reldir%/throttle.c %reldir%/throttle.h \
	%reldir%/access.c %reldir%/access.h \
	%reldir%/grant.c %reldir%/grant.h \
	%reldir%/event.c %reldir%/event.h \
	%reldir%/subject.c %reldir%/subject.h \
	%reldir%/link.c %reldir%/link.h \
	%reldir%/dossier.c %reldir%/dossier.h \
	%reldir%/dossierdoc.c %reldir%/dossierdoc.h \
	%reldir%/dossierstat.c %reldir%/dossierstat.h \
	%reldir%/journal.c %reldir%/journal.h \
	%reldir%/nltime.c %reldir%/nltime.h \
	%reldir%/retention.c %reldir%/retention.h \
	%reldir%/sqltext.c %reldir%/sqltext.h \
	%reldir%/workflow.c %reldir%/workflow.h \
	%reldir%/stats.c %reldir%/stats.h \
	%reldir%/mailmsg.c %reldir%/mailmsg.h \
	%reldir%/sendmail.c %reldir%/sendmail.h \
	%reldir%/outbox.c %reldir%/outbox.h \
	%reldir%/siteurl.c %reldir%/siteurl.h \
	%reldir%/partner.c %reldir%/partner.h \
	%reldir%/share.c %reldir%/share.h \
	%reldir%/xmlout.c %reldir%/xmlout.h \
	%reldir%/message.c %reldir%/message.h \
	%reldir%/route.c %reldir%/route.h \
	%reldir%/routing.c %reldir%/routing.h \
	%reldir%/cover.c %reldir%/cover.h \
	%reldir%/tablesum.c %reldir%/tablesum.h
