/*
 * dbhost.h -- the ordered list of database servers a program may use:
 * db.hosts, or db.host / db.port / db.socket as a list of one.
 */
#ifndef MP_DBHOST_H
#define MP_DBHOST_H

#include <stddef.h>

#include "errcode.h"

struct mp_conf;

/*
 * At most this many servers: a Galera cluster has three or five nodes,
 * and every dead one in front costs up to db.connect_timeout when a
 * program connects.
 */
#define MP_DBHOST_MAX		8
/* A host name (RFC 1035: 253) or a bracketed IPv6 address. */
#define MP_DBHOST_NAMELEN	256
/* A unix socket path: sizeof(sun_path). */
#define MP_DBHOST_SOCKLEN	108

struct mp_dbhost {
	char		 host[MP_DBHOST_NAMELEN];	/* localhost: socket */
	char		 socket[MP_DBHOST_SOCKLEN];	/* "" for TCP */
	unsigned	 port;				/* 0: 3306 */
	char		 label[MP_DBHOST_NAMELEN + 16];	/* for logs */
};

/*
 * The servers of conf in order, into hosts[0 .. *n - 1]
 * (MP_DBHOST_MAX slots).  db.hosts is a comma-separated list whose
 * entries are "/path/to.sock", "host", "host:port", "[v6addr]" or
 * "[v6addr]:port"; a host without a port takes db.port.  Without
 * db.hosts the list is db.host, db.port and db.socket.  On a bad value
 * MP_ECONF with a one-line reason in err (errsz bytes), naming the key
 * and the entry; nothing is logged.
 */
enum mp_err	 mp_dbhost_list(const struct mp_conf *,
		    struct mp_dbhost hosts[MP_DBHOST_MAX], size_t *n,
		    char *err, size_t errsz);

/*
 * The same for the administrator (meldpuntctl): db.admin.hosts, with
 * the same syntax, or mp_dbhost_list's list where it is unset.
 */
enum mp_err	 mp_dbhost_admin_list(const struct mp_conf *,
		    struct mp_dbhost hosts[MP_DBHOST_MAX], size_t *n,
		    char *err, size_t errsz);

#endif
