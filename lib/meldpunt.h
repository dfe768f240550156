/*
 * meldpunt.h -- the public interface of libmeldpunt, used by every
 * program in cgi/.  Each concept has its own header, which includes
 * what it needs; this one only gathers them for the programs.  The
 * library's own files include the headers they use, never this one.
 */
#ifndef MELDPUNT_H
#define MELDPUNT_H

#include "errcode.h"

#include "alloc.h"
#include "buf.h"
#include "csv.h"
#include "log.h"
#include "conf.h"
#include "confkey.h"
#include "crypto.h"
#include "totp.h"
#include "qr.h"
#include "keys.h"
#include "valid.h"
#include "req.h"
#include "http.h"
#include "tmpl.h"
#include "fcgi.h"
#include "dbhost.h"
#include "db.h"
#include "migrate.h"
#include "formtoken.h"
#include "presession.h"
#include "clientkey.h"
#include "ratelimit.h"
#include "catalog.h"
#include "report.h"
#include "contact.h"
#include "spool.h"
#include "role.h"
#include "user.h"
#include "audit.h"
#include "session.h"
#include "throttle.h"
#include "access.h"
#include "event.h"
#include "subject.h"
#include "sqltext.h"
#include "workflow.h"
#include "stats.h"
#include "mailmsg.h"
#include "sendmail.h"
#include "outbox.h"
#include "grant.h"
#include "partner.h"
#include "share.h"
#include "link.h"
#include "dossier.h"
#include "retention.h"
#include "message.h"
#include "sandbox.h"

#endif /* MELDPUNT_H */
