/*
 * dbhost.c -- the ordered list of database servers a program may use,
 * read from db.hosts ("127.0.0.1:3306, 10.0.0.2, /run/mysqld/n3.sock")
 * or, in the older form, from db.host, db.port and db.socket as a list
 * of one; meldpuntctl's administrator may have its own list,
 * db.admin.hosts.  Pure parsing: db.c connects, meldpuntctl check-config
 * reports what is wrong.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "confkey.h"
#include "dbhost.h"
#include "errcode.h"

/* One entry's text, trimmed; longer entries are refused. */
#define ENTRY_MAX	(MP_DBHOST_NAMELEN + 16)

/* A port: 1 to 65535, digits only.  0 on success, -1 otherwise. */
static int
parse_port(const char *s, unsigned *port)
{
	unsigned long	 v = 0;
	size_t		 i;

	if (s[0] == '\0' || strlen(s) > 5)
		return -1;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (v < 1 || v > 65535)
		return -1;
	*port = (unsigned)v;
	return 0;
}

/* A host name or IPv4 address: letters, digits, '.', '-', '_'. */
static int
valid_name(const char *s)
{
	size_t	 i;

	if (s[0] == '\0' || strlen(s) >= MP_DBHOST_NAMELEN)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '.' &&
		    s[i] != '-' && s[i] != '_')
			return 0;
	return 1;
}

/* An IPv6 address's characters (the resolver checks the rest). */
static int
valid_v6(const char *s)
{
	size_t	 i;

	if (s[0] == '\0' || strlen(s) >= MP_DBHOST_NAMELEN)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!isxdigit((unsigned char)s[i]) && s[i] != ':' &&
		    s[i] != '.')
			return 0;
	return 1;
}

static void
set_label(struct mp_dbhost *h)
{
	unsigned	 port = h->port != 0 ? h->port : 3306;

	if (strcmp(h->host, "localhost") == 0 && h->socket[0] != '\0')
		(void)snprintf(h->label, sizeof(h->label), "%s", h->socket);
	else if (strcmp(h->host, "localhost") == 0)
		(void)snprintf(h->label, sizeof(h->label), "localhost");
	else if (strchr(h->host, ':') != NULL)
		(void)snprintf(h->label, sizeof(h->label), "[%s]:%u",
		    h->host, port);
	else
		(void)snprintf(h->label, sizeof(h->label), "%s:%u", h->host,
		    port);
}

/*
 * Parse one trimmed entry e (number i, from 1) of key into h.  defport
 * and defsock are db.port and db.socket, for entries that do not say.
 */
static enum mp_err
parse_entry(const char *key, char *e, size_t i, unsigned defport,
    const char *defsock, struct mp_dbhost *h, char *err, size_t errsz)
{
	char	*p, *port = NULL;

	memset(h, 0, sizeof(*h));
	h->port = defport;
	if (e[0] == '\0') {
		mp_err_set(err, errsz, "%s: entry %zu is empty", key, i);
		return MP_ECONF;
	}
	if (e[0] == '/') {
		if (strlen(e) >= sizeof(h->socket)) {
			mp_err_set(err, errsz,
			    "%s: entry %zu: socket path longer than %zu "
			    "bytes", key, i, sizeof(h->socket) - 1);
			return MP_ECONF;
		}
		(void)snprintf(h->host, sizeof(h->host), "localhost");
		(void)snprintf(h->socket, sizeof(h->socket), "%s", e);
		h->port = 0;
		set_label(h);
		return MP_OK;
	}
	if (e[0] == '[') {
		if ((p = strchr(e, ']')) == NULL) {
			mp_err_set(err, errsz,
			    "%s: entry %zu (%s): no ']'"
			    " after the IPv6 address", key, i, e);
			return MP_ECONF;
		}
		*p++ = '\0';
		if (*p == ':')
			port = p + 1;
		else if (*p != '\0') {
			mp_err_set(err, errsz,
			    "%s: entry %zu: ':port' or "
			    "nothing expected after ']'", key, i);
			return MP_ECONF;
		}
		if (!valid_v6(e + 1)) {
			mp_err_set(err, errsz,
			    "%s: entry %zu (%s]): not an "
			    "IPv6 address", key, i, e);
			return MP_ECONF;
		}
		(void)snprintf(h->host, sizeof(h->host), "%s", e + 1);
	} else {
		if ((p = strchr(e, ':')) != NULL) {
			*p = '\0';
			port = p + 1;
			if (strchr(port, ':') != NULL) {
				mp_err_set(err, errsz,
				    "%s: entry %zu: more "
				    "than one ':' (write an IPv6 address as "
				    "[addr]:port)", key, i);
				return MP_ECONF;
			}
		}
		if (!valid_name(e)) {
			mp_err_set(err, errsz,
			    "%s: entry %zu (%s): not a "
			    "host name or address", key, i, e);
			return MP_ECONF;
		}
		(void)snprintf(h->host, sizeof(h->host), "%s", e);
		/* As with db.host: "localhost" is the socket db.socket. */
		if (strcmp(e, "localhost") == 0 && port == NULL)
			(void)snprintf(h->socket, sizeof(h->socket), "%s",
			    defsock);
	}
	if (port != NULL && parse_port(port, &h->port) != 0) {
		mp_err_set(err, errsz, "%s: entry %zu (%s): port '%s' is "
		    "not a number from 1 to 65535", key, i, h->host, port);
		return MP_ECONF;
	}
	set_label(h);
	return MP_OK;
}

static int
same(const struct mp_dbhost *a, const struct mp_dbhost *b)
{

	return strcmp(a->host, b->host) == 0 &&
	    strcmp(a->socket, b->socket) == 0 &&
	    (a->port != 0 ? a->port : 3306) == (b->port != 0 ? b->port : 3306);
}

/*
 * The list of key (db.hosts or db.admin.hosts), or without db.hosts
 * the older form; mp_dbhost_list and mp_dbhost_admin_list choose key.
 */
static enum mp_err
list_of(const struct mp_conf *conf, enum mp_ck which,
    struct mp_dbhost hosts[MP_DBHOST_MAX], size_t *n, char *err,
    size_t errsz)
{
	const char	*key = mp_confkey_table[which].name;
	const char	*list, *p, *q, *sock;
	char		 e[ENTRY_MAX + 1];
	size_t		 i, j, len, count = 1;
	unsigned	 defport;
	enum mp_err	 er;

	*n = 0;
	mp_err_set(err, errsz, "no error");
	defport = (unsigned)mp_confkey_int(conf, MP_CK_DB_PORT);
	sock = mp_confkey_str(conf, MP_CK_DB_SOCKET);
	if (strlen(sock) >= MP_DBHOST_SOCKLEN) {
		mp_err_set(err, errsz, "db.socket: longer than %d bytes",
		    MP_DBHOST_SOCKLEN - 1);
		return MP_ECONF;
	}
	if ((list = mp_confkey_str(conf, which)) == NULL) {
		/* The older form: one server. */
		p = mp_confkey_str(conf, MP_CK_DB_HOST);
		if (p[0] == '\0' || strlen(p) >= MP_DBHOST_NAMELEN) {
			mp_err_set(err, errsz,
			    "db.host: empty or longer than %d "
			    "bytes", MP_DBHOST_NAMELEN - 1);
			return MP_ECONF;
		}
		memset(&hosts[0], 0, sizeof(hosts[0]));
		(void)snprintf(hosts[0].host, sizeof(hosts[0].host), "%s", p);
		(void)snprintf(hosts[0].socket, sizeof(hosts[0].socket), "%s",
		    sock);
		hosts[0].port = defport;
		set_label(&hosts[0]);
		*n = 1;
		return MP_OK;
	}
	for (p = list; *p != '\0'; p++)
		if (*p == ',')
			count++;
	if (count > MP_DBHOST_MAX) {
		mp_err_set(err, errsz, "%s: %zu hosts, more than the %d "
		    "allowed", key, count, MP_DBHOST_MAX);
		return MP_ECONF;
	}
	for (i = 0, p = list; i < count; i++, p = q + 1) {
		if ((q = strchr(p, ',')) == NULL)
			q = p + strlen(p);
		while (p < q && (*p == ' ' || *p == '\t'))
			p++;
		len = (size_t)(q - p);
		while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len > ENTRY_MAX) {
			mp_err_set(err, errsz, "%s: entry %zu is longer "
			    "than %d bytes", key, i + 1, ENTRY_MAX);
			return MP_ECONF;
		}
		memcpy(e, p, len);
		e[len] = '\0';
		if ((er = parse_entry(key, e, i + 1, defport, sock,
		    &hosts[i], err, errsz)) != MP_OK)
			return er;
		for (j = 0; j < i; j++)
			if (same(&hosts[j], &hosts[i])) {
				mp_err_set(err, errsz,
				    "%s: entry %zu (%s) "
				    "is entry %zu again", key, i + 1,
				    hosts[i].label, j + 1);
				return MP_ECONF;
			}
		if (*q == '\0')
			break;
	}
	*n = count;
	return MP_OK;
}

enum mp_err
mp_dbhost_list(const struct mp_conf *conf,
    struct mp_dbhost hosts[MP_DBHOST_MAX], size_t *n, char *err,
    size_t errsz)
{

	return list_of(conf, MP_CK_DB_HOSTS, hosts, n, err, errsz);
}

/*
 * meldpuntctl's administrator (migrate, grants) may reach the cluster
 * another way than the programs (an app server's own node first for
 * them; every node, in any order, for a migration): db.admin.hosts,
 * and the programs' list where it is unset.
 */
enum mp_err
mp_dbhost_admin_list(const struct mp_conf *conf,
    struct mp_dbhost hosts[MP_DBHOST_MAX], size_t *n, char *err,
    size_t errsz)
{

	if (mp_confkey_str(conf, MP_CK_DB_ADMIN_HOSTS) == NULL)
		return mp_dbhost_list(conf, hosts, n, err, errsz);
	return list_of(conf, MP_CK_DB_ADMIN_HOSTS, hosts, n, err, errsz);
}
