# tests/e2e/lib.sh -- the end-to-end harness: a private MariaDB, the
# FastCGI programs under spawn-fcgi and a private nginx laid out like the
# production site (conf/nginx/meldpunt.conf), plus TAP, SQL and HTTP
# helpers for the tests/e2e/test-*.sh scripts.
#
# Sourced (bash) by tests/e2e/run.sh, by every test-*.sh and by
# scripts/demo.  Needs top_srcdir and top_builddir (absolute), which
# TESTS_ENVIRONMENT exports under make check.
#
# The instance lives in one directory, E2E_DIR:
#	meldpunt.hdf	the configuration (mp_write_config)
#	meldpunt.key	crypto.key_file, made by meldpuntctl gen-key
#	contact.key	crypto.contact_private_file (0600), and
#	contact.pub	crypto.contact_public_file (0644), made by
#			meldpuntctl contact-key rotate
#	db.password	the shared account's password (mode 0600)
#	db.PROG.password  each program's own account's password
#	meldpunt.log	log.target of every program
#	spool/		paths.spool
#	nginx/		nginx prefix: conf, logs and the *_temp dirs
#	run/		unix sockets and pid files (E2E_RUN; moved to a
#			short directory under /tmp when the path would be
#			too long for a unix socket)
#	run/db/		the MariaDB data directory and socket (E2E_DB)
#	tests/NAME/	per test: cookie jar, last response (E2E_TEST_DIR)
#
# Processes run as the invoking user; nginx's workers do too (a "user"
# line is written when the master starts as root), so they can reach the
# sockets, the static files under the source tree and their own temp
# directories wherever the tree is checked out.  Production instead
# gives the socket to the web server's group (conf/systemd).
#
# Everything started here is stopped by pid (e2e_teardown, called from
# an EXIT trap by run.sh and scripts/demo).

if [ -n "${MP_E2E_LIB_LOADED:-}" ]; then
	return 0
fi
MP_E2E_LIB_LOADED=1

PATH=$PATH:/usr/sbin:/sbin
export PATH

: "${top_srcdir:?top_srcdir must be set}"
: "${top_builddir:?top_builddir must be set}"

# shellcheck source=../lib/mariadb.sh
. "$top_srcdir/tests/lib/mariadb.sh"

# MELDPUNT_E2E_ENCRYPT=1: the whole suite against a server with
# data-at-rest encryption on (tests/lib/mariadb.sh, MARIADB_ENCRYPT;
# test-79 shows what it changes in the data files).
if [ "${MELDPUNT_E2E_ENCRYPT:-0}" = 1 ]; then
	MARIADB_ENCRYPT=1
	export MARIADB_ENCRYPT
fi

# The programs nginx routes to, by socket name and URL prefix.  Only
# those built are started; the others answer 502 through nginx.
MP_PROGRAMS="intake feedback dashboard export"

# ---------------------------------------------------------------------
# TAP.  Results are appended to $E2E_DIR/tap.results, one line each, so
# that the count survives the subshell each test runs in; run.sh prints
# the plan 1..N from it at the end.
# ---------------------------------------------------------------------

_tap_result()
{
	local pass=$1 desc=$2 n
	printf '%s\n' "$pass" >>"$E2E_DIR/tap.results"
	n=$(wc -l <"$E2E_DIR/tap.results")
	n=${n// /}
	desc=${desc//#/\\#}
	if [ "$pass" = ok ]; then
		printf 'ok %d - %s\n' "$n" "$desc"
	else
		printf 'not ok %d - %s\n' "$n" "$desc"
	fi
}

# diag MSG...: TAP comments, one per argument and per line of each.
diag()
{
	printf '%s\n' "$@" | sed 's/^/# /'
}

# ok 'SHELL CONDITION' DESC: passes when the condition, run with eval,
# exits 0.  Example: ok '[ -s "$HTTP_BODY" ]' "body not empty"
ok()
{
	local cond=$1 desc=${2:-}
	if (eval "$cond") >/dev/null 2>&1; then
		_tap_result ok "$desc"
		return 0
	fi
	_tap_result 'not ok' "$desc"
	diag "  failed: $cond"
	return 1
}

# is GOT WANT DESC: string equality.
is()
{
	if [ "$1" = "$2" ]; then
		_tap_result ok "${3:-}"
		return 0
	fi
	_tap_result 'not ok' "${3:-}"
	diag "       got: '$1'" "  expected: '$2'"
	return 1
}

# isnt GOT UNWANTED DESC
isnt()
{
	if [ "$1" != "$2" ]; then
		_tap_result ok "${3:-}"
		return 0
	fi
	_tap_result 'not ok' "${3:-}"
	diag "       got: '$1'" "  expected anything else"
	return 1
}

# like GOT ERE DESC / unlike GOT ERE DESC: bash [[ =~ ]] matching.
like()
{
	if [[ $1 =~ $2 ]]; then
		_tap_result ok "${3:-}"
		return 0
	fi
	_tap_result 'not ok' "${3:-}"
	diag "                  '$(printf '%s' "$1" | head -c 2000)'" \
	    "  doesn't match '$2'"
	return 1
}

unlike()
{
	if ! [[ $1 =~ $2 ]]; then
		_tap_result ok "${3:-}"
		return 0
	fi
	_tap_result 'not ok' "${3:-}"
	diag "                  '$(printf '%s' "$1" | head -c 2000)'" \
	    "        matches '$2'"
	return 1
}

# pass DESC / fail DESC: an unconditional result.
pass()
{
	_tap_result ok "${1:-}"
}

fail()
{
	_tap_result 'not ok' "${1:-}"
	return 1
}

# skip DESC REASON: a skipped test (counts as passed in TAP).
skip()
{
	printf 'ok\n' >>"$E2E_DIR/tap.results"
	printf 'ok %d - %s # SKIP %s\n' \
	    "$(wc -l <"$E2E_DIR/tap.results")" "${1:-}" "${2:-}"
}

# ---------------------------------------------------------------------
# Small utilities.
# ---------------------------------------------------------------------

# wait_for SECONDS 'SHELL CONDITION': poll every 0.1 s; 0 when it held.
wait_for()
{
	local tries=$(( $1 * 10 ))
	while [ "$tries" -gt 0 ]; do
		if (eval "$2") >/dev/null 2>&1; then
			return 0
		fi
		sleep 0.1
		tries=$(( tries - 1 ))
	done
	return 1
}

# mp_pids FILE: the pids in a pid file (spawn-fcgi -F N writes N of
# them with no trailing newline).
mp_pids()
{
	# The file may vanish meanwhile (nginx removes its own).
	{ tr -s '\n\r\t' '   ' <"$1"; } 2>/dev/null || true
}

# mp_pid_alive PID: 0 when the process runs.  A zombie does not: a
# killed process whose parent has gone stays one where PID 1 reaps
# nothing (some containers), and kill -0 still finds it.
mp_pid_alive()
{
	kill -0 "$1" 2>/dev/null &&
	    ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# mp_alive FILE: 0 when any pid of the file runs.
mp_alive()
{
	local p
	for p in $(mp_pids "$1"); do
		if mp_pid_alive "$p"; then
			return 0
		fi
	done
	return 1
}

# mp_kill_pidfile FILE [SIGNAL]: signal every pid of FILE (TERM unless
# told), wait up to 10 s for them to go, then KILL; removes FILE.
mp_kill_pidfile()
{
	local file=$1 sig=${2:-TERM} p left i
	[ -e "$file" ] || return 0
	for p in $(mp_pids "$file"); do
		kill -"$sig" "$p" 2>/dev/null || true
	done
	for i in $(seq 100); do
		left=
		for p in $(mp_pids "$file"); do
			if mp_pid_alive "$p"; then
				left="$left $p"
			fi
		done
		[ -z "$left" ] && break
		sleep 0.1
	done
	for p in $left; do
		kill -KILL "$p" 2>/dev/null || true
	done
	rm -f "$file"
}

# mp_free_port: print a TCP port on 127.0.0.1 that nothing listens on.
mp_free_port()
{
	local port i
	for i in $(seq 50); do
		port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
		if ! mp_port_busy "$port"; then
			printf '%s\n' "$port"
			return 0
		fi
	done
	return 1
}

# mp_port_busy PORT: 0 when something accepts connections on it.
mp_port_busy()
{
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---------------------------------------------------------------------
# Instance layout.
# ---------------------------------------------------------------------

# mp_layout DIR: set the instance variables for DIR (absolute or
# relative to the current directory; made absolute).  Sockets need short
# paths (108 bytes at most): when DIR is deep, run/ becomes a link to a
# directory under /tmp.
mp_layout()
{
	mkdir -p "$1"
	E2E_DIR=$(cd "$1" && pwd)
	E2E_CONF=$E2E_DIR/meldpunt.hdf
	E2E_KEY=$E2E_DIR/meldpunt.key
	E2E_CPRIV=$E2E_DIR/contact.key
	E2E_CPUB=$E2E_DIR/contact.pub
	E2E_PWFILE=$E2E_DIR/db.password
	E2E_LOG=$E2E_DIR/meldpunt.log
	E2E_SPOOL=$E2E_DIR/spool
	E2E_NGINX=$E2E_DIR/nginx
	if [ ! -e "$E2E_DIR/run" ] && [ ! -L "$E2E_DIR/run" ]; then
		# Behind Apache always: its workers (another user when
		# started as root) must reach the sockets, which a source
		# tree under /root would hide (tests/e2e/apache.sh).
		if [ ${#E2E_DIR} -gt 60 ] ||
		    [ "${MELDPUNT_E2E_WEB:-nginx}" = apache ]; then
			ln -s "$(mktemp -d /tmp/meldpunt-run.XXXXXX)" \
			    "$E2E_DIR/run"
		else
			mkdir "$E2E_DIR/run"
		fi
	fi
	if [ -L "$E2E_DIR/run" ]; then
		E2E_RUN=$(readlink "$E2E_DIR/run")
	else
		E2E_RUN=$E2E_DIR/run
	fi
	E2E_DB=$E2E_RUN/db
	E2E_DBSOCK=$E2E_DB/mysql.sock
	mkdir -p "$E2E_DB"
	# The data themselves stay in DIR (run/ may be under /tmp).
	if [ -L "$E2E_DIR/run" ] && [ ! -e "$E2E_DB/data" ]; then
		mkdir -p "$E2E_DIR/mariadb-data"
		ln -s "$E2E_DIR/mariadb-data" "$E2E_DB/data"
	fi
	export E2E_CPRIV E2E_CPUB
	export E2E_DIR E2E_CONF E2E_KEY E2E_PWFILE E2E_LOG E2E_SPOOL \
	    E2E_NGINX E2E_RUN E2E_DB E2E_DBSOCK
	export MELDPUNT_CONFIG=$E2E_CONF
}

# mp_remove_instance DIR: remove an instance directory, and the /tmp
# directory its run/ link points to.
mp_remove_instance()
{
	local run
	[ -e "$1" ] || return 0
	if [ -L "$1/run" ]; then
		run=$(readlink "$1/run")
		case $run in
		/tmp/meldpunt-run.*) rm -rf "$run" ;;
		esac
	fi
	rm -rf "$1"
}

# mp_write_config: write $E2E_CONF for the instance.  Tunables, from the
# environment: MP_SECURE_COOKIES (0), MP_RATE_PER_CLIENT (1000),
# MP_RATE_GLOBAL (100000), MP_RATE_WINDOW (3600), MP_LOG_LEVEL (debug),
# MP_CATALOG_TTL (1), MP_FORM_TOKEN_TTL (86400).
mp_write_config()
{
	mkdir -p "$E2E_SPOOL"
	chmod 0700 "$E2E_SPOOL"
	cat >"$E2E_CONF" <<EOF
# Generated by tests/e2e/lib.sh for a private, loopback-only instance.
instance.name = Gemeente Voorbeeld (test)

log.target = $E2E_LOG
log.level = ${MP_LOG_LEVEL:-debug}

paths.templates = $top_srcdir/templates
paths.spool = $E2E_SPOOL
paths.sql = $top_srcdir/sql

crypto.key_file = $E2E_KEY
crypto.contact_public_file = $E2E_CPUB
crypto.contact_private_file = $E2E_CPRIV

db {
	host = localhost
	port = 0
	socket = $E2E_DBSOCK
	name = meldpunt
	user = meldpunt
	password_file = $E2E_PWFILE
	retries = 3
	connect_timeout = 2
	app_host = localhost
	admin.user = root
	admin.password_file =
$(mp_account_config)
}

http.secure_cookies = ${MP_SECURE_COOKIES:-0}

intake {
	max_files = 5
	max_file_size = 10485760
	max_body = 56623104
	form_token_ttl = ${MP_FORM_TOKEN_TTL:-86400}
	rate.per_client = ${MP_RATE_PER_CLIENT:-1000}
	rate.global = ${MP_RATE_GLOBAL:-100000}
	rate.window = ${MP_RATE_WINDOW:-3600}
}

catalog.ttl = ${MP_CATALOG_TTL:-1}
EOF
	cp "$E2E_CONF" "$E2E_CONF.orig"
}

# The programs' own database accounts (sql/grants-<program>.sql), as
# production has them (conf/meldpunt.hdf.in): each program connects as
# meldpunt_<program> with the password in db.<program>.password.  With
# MP_SHARED_DB_ACCOUNT=1 every program uses the shared account instead
# (the simple installation).
mp_account_config()
{
	local p
	[ "${MP_SHARED_DB_ACCOUNT:-0}" = 1 ] && return 0
	for p in $MP_PROGRAMS; do
		printf '\t%s.user = meldpunt_%s\n' "$p" "$p"
		printf '\t%s.password_file = %s\n' "$p" "$E2E_DIR/db.$p.password"
	done
}

# conf_set NAME VALUE: override one configuration value (a later line
# wins in HDF); restart_programs makes the programs read it.
conf_set()
{
	printf '%s = %s\n' "$1" "$2" >>"$E2E_CONF"
}

# conf_reset: back to the configuration mp_write_config wrote.
conf_reset()
{
	cp "$E2E_CONF.orig" "$E2E_CONF"
}

# mp_ctl ARGS...: run meldpuntctl against the instance.
mp_ctl()
{
	"$top_builddir/meldpuntctl" -c "$E2E_CONF" "$@"
}

# mp_prepare_db: password file, key, migrate (which installs the
# standard catalogue on a new database), grants.  Safe to run again on
# an existing instance (reuses password and key).
mp_prepare_db()
{
	if [ ! -s "$E2E_PWFILE" ]; then
		(umask 077 &&
		    od -An -N24 -tx1 /dev/urandom | tr -d ' \n' \
		    >"$E2E_PWFILE") || return 1
	fi
	chmod 0600 "$E2E_PWFILE"
	local p
	for p in $MP_PROGRAMS; do
		if [ ! -s "$E2E_DIR/db.$p.password" ]; then
			(umask 077 &&
			    od -An -N24 -tx1 /dev/urandom | tr -d ' \n' \
			    >"$E2E_DIR/db.$p.password") || return 1
		fi
	done
	if [ ! -s "$E2E_KEY" ]; then
		mp_ctl gen-key "$E2E_KEY" >>"$E2E_DIR/ctl.log" 2>&1 || {
			diag "meldpuntctl gen-key failed:"
			diag "$(tail -n 20 "$E2E_DIR/ctl.log")"
			return 1
		}
	fi
	if [ ! -s "$E2E_CPRIV" ]; then
		mp_ctl contact-key rotate >>"$E2E_DIR/ctl.log" 2>&1 || {
			diag "meldpuntctl contact-key rotate failed:"
			diag "$(tail -n 20 "$E2E_DIR/ctl.log")"
			return 1
		}
	fi
	chmod 0600 "$E2E_CPRIV"
	chmod 0644 "$E2E_CPUB"
	mp_ctl migrate >>"$E2E_DIR/ctl.log" 2>&1 || {
		diag "meldpuntctl migrate failed:"
		diag "$(tail -n 20 "$E2E_DIR/ctl.log")"
		return 1
	}
	mp_ctl grants >>"$E2E_DIR/ctl.log" 2>&1 || {
		diag "meldpuntctl grants failed:"
		diag "$(tail -n 20 "$E2E_DIR/ctl.log")"
		return 1
	}
}

# ---------------------------------------------------------------------
# MariaDB (tests/lib/mariadb.sh does the work).
# ---------------------------------------------------------------------

start_mariadb_only()
{
	mariadb_start "$E2E_DB" >>"$E2E_DIR/mariadb.log" 2>&1 || {
		diag "MariaDB did not start:"
		diag "$(tail -n 20 "$E2E_DIR/mariadb.log")"
		return 1
	}
}

stop_mariadb_only()
{
	mariadb_stop "$E2E_DB" >>"$E2E_DIR/mariadb.log" 2>&1
}

restart_mariadb()
{
	stop_mariadb_only
	start_mariadb_only
}

# mariadb_up: 0 when the private server answers.
mariadb_up()
{
	mariadb-admin --no-defaults -S "$E2E_DBSOCK" -uroot ping \
	    >/dev/null 2>&1
}

# sql "STATEMENTS": run as root over the socket on database meldpunt,
# tab-separated, no column names.
sql()
{
	mariadb --no-defaults -S "$E2E_DBSOCK" -uroot -N -B \
	    --default-character-set=utf8mb4 meldpunt -e "$1"
}

# ---------------------------------------------------------------------
# The FastCGI programs under spawn-fcgi: socket $E2E_RUN/NAME.sock, pid
# file $E2E_RUN/NAME.pid (two workers), binary meldpunt-NAME.
# ---------------------------------------------------------------------

MP_WORKERS=${MP_WORKERS:-2}

# start_program NAME
start_program()
{
	local name=$1 bin="$top_builddir/meldpunt-$1"
	local sock="$E2E_RUN/$1.sock" pidf="$E2E_RUN/$1.pid"
	if [ ! -x "$bin" ]; then
		diag "$bin not built"
		return 1
	fi
	rm -f "$sock"
	# MELDPUNT_E2E_VALGRIND=1: every worker runs under valgrind, which
	# writes one log per process; run.sh fails on any error or leak.
	local wrap=()
	if [ "${MELDPUNT_E2E_VALGRIND:-0}" = 1 ]; then
		# spawn-fcgi uses execv(3): give the full path.
		wrap=("$(command -v valgrind)" --quiet --error-exitcode=99
		    --leak-check=full --show-leak-kinds=definite
		    --errors-for-leak-kinds=definite
		    "--log-file=$E2E_DIR/valgrind.$1.%p.log")
	fi
	spawn-fcgi -s "$sock" -M 0660 -F "$MP_WORKERS" -P "$pidf" \
	    -d "$E2E_DIR" -- "${wrap[@]}" "$bin" -c "$E2E_CONF" \
	    >>"$E2E_DIR/spawn-fcgi.log" 2>&1 || {
		diag "spawn-fcgi $name failed:"
		diag "$(tail -n 5 "$E2E_DIR/spawn-fcgi.log")"
		return 1
	}
	# A program that cannot start (configuration, database,
	# templates) exits at once: give it a moment to do so.
	if [ "${MELDPUNT_E2E_VALGRIND:-0}" = 1 ]; then
		sleep 2
	else
		sleep 0.3
	fi
	if ! mp_alive "$pidf"; then
		diag "meldpunt-$name exited at start; log:"
		diag "$(tail -n 20 "$E2E_LOG" 2>/dev/null)"
		return 1
	fi
}

stop_program()
{
	mp_kill_pidfile "$E2E_RUN/$1.pid" TERM
	rm -f "$E2E_RUN/$1.sock"
}

restart_program()
{
	stop_program "$1"
	start_program "$1"
}

restart_intake()
{
	restart_program intake
}

# start_programs: every built program of MP_PROGRAMS.
start_programs()
{
	local p
	for p in $MP_PROGRAMS; do
		if [ -x "$top_builddir/meldpunt-$p" ]; then
			start_program "$p" || return 1
		fi
	done
}

stop_programs()
{
	local p
	for p in $MP_PROGRAMS; do
		stop_program "$p"
	done
}

restart_programs()
{
	stop_programs
	start_programs
}

# ---------------------------------------------------------------------
# nginx: a private instance under $E2E_NGINX, like the production site.
# ---------------------------------------------------------------------

# mp_nginx_conf PORT
mp_nginx_conf()
{
	local port=$1 n=$E2E_NGINX user_line=
	mkdir -p "$n/conf" "$n/logs" "$n/tmp/client_body" "$n/tmp/fastcgi" \
	    "$n/tmp/proxy" "$n/tmp/scgi" "$n/tmp/uwsgi"
	if [ -r /etc/nginx/fastcgi_params ]; then
		cp /etc/nginx/fastcgi_params "$n/conf/fastcgi_params"
	else
		cat >"$n/conf/fastcgi_params" <<'EOF'
fastcgi_param  QUERY_STRING       $query_string;
fastcgi_param  REQUEST_METHOD     $request_method;
fastcgi_param  CONTENT_TYPE       $content_type;
fastcgi_param  CONTENT_LENGTH     $content_length;
fastcgi_param  SCRIPT_NAME        $fastcgi_script_name;
fastcgi_param  REQUEST_URI        $request_uri;
fastcgi_param  DOCUMENT_URI       $document_uri;
fastcgi_param  DOCUMENT_ROOT      $document_root;
fastcgi_param  SERVER_PROTOCOL    $server_protocol;
fastcgi_param  REQUEST_SCHEME     $scheme;
fastcgi_param  HTTPS              $https if_not_empty;
fastcgi_param  GATEWAY_INTERFACE  CGI/1.1;
fastcgi_param  SERVER_SOFTWARE    nginx/$nginx_version;
fastcgi_param  REMOTE_ADDR        $remote_addr;
fastcgi_param  REMOTE_PORT        $remote_port;
fastcgi_param  REMOTE_USER        $remote_user;
fastcgi_param  SERVER_ADDR        $server_addr;
fastcgi_param  SERVER_PORT        $server_port;
fastcgi_param  SERVER_NAME        $server_name;
fastcgi_param  HTTP_HOST          $host;
EOF
	fi
	# The dashboard trusts REMOTE_USER in portal mode, so nothing but
	# the portal may set it.  fastcgi_params passes nginx's
	# $remote_user, which any client sets with an Authorization: Basic
	# header; the dashboard's location gets the parameters without it.
	grep -v 'REMOTE_USER' "$n/conf/fastcgi_params" \
	    >"$n/conf/fastcgi_params_dashboard"
	if [ "$(id -u)" -eq 0 ]; then
		user_line="user $(id -un) $(id -gn);"
	fi
	cat >"$n/conf/nginx.conf" <<EOF
# Generated by tests/e2e/lib.sh: a private nginx on 127.0.0.1:$port with
# the location layout of conf/nginx/meldpunt.conf.
$user_line
worker_processes 2;
pid $E2E_RUN/nginx.pid;
error_log $n/logs/error.log warn;
events {
	worker_connections 256;
}
http {
	types {
		text/html html;
		text/css css;
		image/svg+xml svg;
		image/png png;
		application/javascript js;
	}
	default_type application/octet-stream;
	# As in production (conf/nginx/meldpunt.conf): the public host
	# logs nothing that identifies a client; only the staff's and the
	# partners' locations keep an access log.
	access_log off;
	log_not_found off;
	client_body_temp_path $n/tmp/client_body;
	fastcgi_temp_path $n/tmp/fastcgi;
	proxy_temp_path $n/tmp/proxy;
	scgi_temp_path $n/tmp/scgi;
	uwsgi_temp_path $n/tmp/uwsgi;
	server_tokens off;
	sendfile on;
	charset utf-8;
	charset_types text/css text/plain application/javascript;

	server {
		listen 127.0.0.1:$port;
		server_name localhost;
		client_max_body_size 1m;

		error_log $n/logs/error.log crit;

		location = / {
			return 302 /melden/;
		}
		location /static/ {
			alias $top_srcdir/templates/static/;
			expires 1h;
		}
		location = /favicon.ico {
			alias $top_srcdir/templates/static/favicon.ico;
		}
		location = /robots.txt {
			alias $top_srcdir/templates/static/robots.txt;
		}
		location / {
			return 404;
		}
		error_page 404 /static/404.html;
		location /melden/ {
			client_max_body_size 60m;
			error_page 413 /static/413.html;
			error_page 502 503 504 /static/50x.html;
			include $n/conf/fastcgi_params;
			fastcgi_pass unix:$E2E_RUN/intake.sock;
		}
		location /melding/ {
			client_max_body_size 60m;
			error_page 413 /static/413.html;
			error_page 502 503 504 /static/50x.html;
			include $n/conf/fastcgi_params;
			fastcgi_pass unix:$E2E_RUN/feedback.sock;
		}
		location /dashboard/ {
			access_log $n/logs/dashboard.log;
			error_log $n/logs/error.log warn;
			client_max_body_size 20m;
			include $n/conf/fastcgi_params_dashboard;
			# The intranet portal's login, simulated: tests name
			# the handler in an X-Test-Remote-User header.
			fastcgi_param REMOTE_USER \$http_x_test_remote_user;
			fastcgi_pass unix:$E2E_RUN/dashboard.sock;
		}
		location /intranet/melden/ {
			client_max_body_size 60m;
			include $n/conf/fastcgi_params_dashboard;
			# The portal's login, simulated as for /dashboard/.
			fastcgi_param REMOTE_USER \$http_x_test_remote_user;
			fastcgi_pass unix:$E2E_RUN/intake.sock;
		}
		location /api/ {
			access_log $n/logs/api.log;
			error_log $n/logs/error.log warn;
			include $n/conf/fastcgi_params;
			# TLS client certificates, simulated: tests name the
			# subject in an X-Test-Client-DN header (in production
			# nginx passes \$ssl_client_s_dn; conf/nginx).
			fastcgi_param SSL_CLIENT_S_DN \$http_x_test_client_dn;
			fastcgi_max_temp_file_size 0;
			fastcgi_pass unix:$E2E_RUN/export.sock;
		}
	}
}
EOF
}

# start_nginx [PORT]: a free port is picked when none is given (and
# again should the port be taken meanwhile); sets E2E_PORT, E2E_BASE.
start_nginx()
{
	local port=${1:-} tries=5 n=$E2E_NGINX
	while [ "$tries" -gt 0 ]; do
		tries=$(( tries - 1 ))
		if [ -z "${1:-}" ]; then
			port=$(mp_free_port) || return 1
		fi
		mp_nginx_conf "$port"
		if nginx -p "$n" -c "$n/conf/nginx.conf" -e "$n/logs/error.log" \
		    >>"$n/logs/start.log" 2>&1 &&
		    wait_for 5 "[ -s '$E2E_RUN/nginx.pid' ] && mp_port_busy $port"
		then
			E2E_PORT=$port
			E2E_BASE=http://127.0.0.1:$port
			export E2E_PORT E2E_BASE
			return 0
		fi
		mp_kill_pidfile "$E2E_RUN/nginx.pid" QUIT
		if [ -n "${1:-}" ]; then
			break
		fi
	done
	diag "nginx did not start:"
	diag "$(tail -n 10 "$n/logs/start.log" "$n/logs/error.log" \
	    2>/dev/null)"
	return 1
}

stop_nginx()
{
	mp_kill_pidfile "$E2E_RUN/nginx.pid" QUIT
}

# ---------------------------------------------------------------------
# The web server in front, by MELDPUNT_E2E_WEB: nginx (the default,
# above) or apache (the shipped Apache site, tests/e2e/apache.sh).
# Either sets E2E_PORT and E2E_BASE.
# ---------------------------------------------------------------------

# shellcheck source=apache.sh
. "$top_srcdir/tests/e2e/apache.sh"

MELDPUNT_E2E_WEB=${MELDPUNT_E2E_WEB:-nginx}
export MELDPUNT_E2E_WEB

# start_web [PORT] / stop_web
start_web()
{
	case $MELDPUNT_E2E_WEB in
	apache)	start_apache "$@" ;;
	*)	start_nginx "$@" ;;
	esac
}

stop_web()
{
	case $MELDPUNT_E2E_WEB in
	apache)	stop_apache ;;
	*)	stop_nginx ;;
	esac
}

# web_error_log: the web server's main error log.
web_error_log()
{
	case $MELDPUNT_E2E_WEB in
	apache)	printf '%s\n' "$E2E_DIR/apache/logs/error.log" ;;
	*)	printf '%s\n' "$E2E_NGINX/logs/error.log" ;;
	esac
}

# ---------------------------------------------------------------------
# Whole instance.
# ---------------------------------------------------------------------

# e2e_setup DIR: a fresh instance in DIR (removed first).
e2e_setup()
{
	mp_remove_instance "$1"
	mp_layout "$1"
	: >"$E2E_DIR/tap.results"
	mp_write_config
	start_mariadb_only || return 1
	mp_prepare_db || return 1
	start_programs || return 1
	start_web || return 1
}

# e2e_teardown: stop whatever runs, by pid.  Safe to call repeatedly.
e2e_teardown()
{
	[ -n "${E2E_DIR:-}" ] || return 0
	stop_web
	stop_programs
	if mariadb_up; then
		stop_mariadb_only
	fi
	return 0
}

# e2e_diagnostics: the tails of the logs, as TAP comments.
e2e_diagnostics()
{
	local f
	for f in "$E2E_LOG" "$(web_error_log)" \
	    "$E2E_DIR/spawn-fcgi.log" "$E2E_DIR/ctl.log"; do
		if [ -s "$f" ]; then
			diag "--- last lines of $f"
			diag "$(tail -n 25 "$f")"
		fi
	done
}

# ---------------------------------------------------------------------
# HTTP, through curl.  Each call leaves the response in:
#	HTTP_STATUS	the status code ("000" when no response)
#	HTTP_HEADERS	file with the response headers (CR stripped)
#	HTTP_BODY	file with the body
# Cookies persist per test in $E2E_TEST_DIR/cookies.  A URL that starts
# with "/" is taken relative to the instance ($E2E_BASE).
# ---------------------------------------------------------------------

_http_url()
{
	case $1 in
	/*) printf '%s%s\n' "$E2E_BASE" "$1" ;;
	*) printf '%s\n' "$1" ;;
	esac
}

_http_files()
{
	local d=${E2E_TEST_DIR:-$E2E_DIR/tests/adhoc}
	mkdir -p "$d"
	HTTP_HEADERS=$d/headers
	HTTP_BODY=$d/body
	HTTP_COOKIES=$d/cookies
}

# http_request METHOD URL [curl options...]
http_request()
{
	local method=$1 url
	url=$(_http_url "$2")
	shift 2
	_http_files
	HTTP_STATUS=$(curl -sS -X "$method" -o "$HTTP_BODY" \
	    -D "$HTTP_HEADERS.raw" -w '%{http_code}' \
	    -b "$HTTP_COOKIES" -c "$HTTP_COOKIES" -H 'Expect:' \
	    --max-time 60 "$@" "$url" 2>"$HTTP_BODY.err")
	[ -n "$HTTP_STATUS" ] || HTTP_STATUS=000
	tr -d '\r' <"$HTTP_HEADERS.raw" >"$HTTP_HEADERS" 2>/dev/null
	export HTTP_STATUS HTTP_HEADERS HTTP_BODY
	return 0
}

# http_get URL [curl options...]
http_get()
{
	local url=$1
	shift
	http_request GET "$url" "$@"
}

# http_head URL [curl options...]
http_head()
{
	local url=$1
	shift
	http_request HEAD "$url" -I "$@"
}

# http_post_form URL [field=value...]: application/x-www-form-urlencoded;
# each value is urlencoded (the field name is sent as given).
http_post_form()
{
	local url=$1 args=() f
	shift
	for f in "$@"; do
		args+=(--data-urlencode "$f")
	done
	if [ ${#args[@]} -eq 0 ]; then
		args=(--data '')
	fi
	http_request POST "$url" "${args[@]}"
}

# http_post_multipart URL -F 'field=value' -F 'file=@path;type=...' ...
http_post_multipart()
{
	local url=$1
	shift
	http_request POST "$url" "$@"
}

# http_post_raw URL CONTENT-TYPE FILE: a body sent byte for byte.
http_post_raw()
{
	http_request POST "$1" -H "Content-Type: $2" --data-binary "@$3"
}

# http_header NAME: the value of the last NAME header of the response.
http_header()
{
	awk -v n="$1" 'BEGIN { n = tolower(n) ":" }
	    tolower(substr($0, 1, length(n))) == n {
		v = substr($0, length(n) + 1); sub(/^[ \t]+/, "", v); last = v
	    }
	    END { if (last != "") print last }' "$HTTP_HEADERS"
}

# http_body: the body of the last response.
http_body()
{
	cat "$HTTP_BODY"
}

# http_reset_cookies: forget this test's cookies.
http_reset_cookies()
{
	_http_files
	rm -f "$HTTP_COOKIES"
}

# form_value NAME: the value of the first <input name="NAME"> (or
# <textarea>) of the last body, with HTML character references undone.
form_value()
{
	local v
	v=$(tr '\n' ' ' <"$HTTP_BODY" | grep -o '<input[^>]*>' |
	    grep -F "name=\"$1\"" | head -n 1 |
	    sed -n 's/.*value="\([^"]*\)".*/\1/p')
	if [ -z "$v" ]; then
		v=$(tr '\n' '\001' <"$HTTP_BODY" |
		    grep -o "<textarea[^>]*name=\"$1\"[^>]*>[^<]*" |
		    head -n 1 | sed 's/^[^>]*>//' | tr '\001' '\n')
	fi
	printf '%s' "$v" | sed -e 's/&lt;/</g' -e 's/&gt;/>/g' \
	    -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e "s/&#x27;/'/g" \
	    -e 's/&amp;/\&/g'
}
