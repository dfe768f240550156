# shellcheck shell=bash disable=SC2154 # top_builddir: set by the caller
# tests/cluster/app.sh -- meldpunt's programs in front of a cluster:
# several instances of a program, each with its own configuration (and
# so its own node), and the harness's nginx sending the form to all
# intake instances.  Sourced after tests/e2e/lib.sh by
# tests/cluster/run.sh and bench/cluster.

# cl_start NAME PROGRAM CONFIG: meldpunt-PROGRAM with CONFIG under
# spawn-fcgi (MP_WORKERS workers), socket $E2E_RUN/NAME.sock, pid file
# $E2E_RUN/NAME.pid.
cl_start()
{
	rm -f "$E2E_RUN/$1.sock"
	spawn-fcgi -s "$E2E_RUN/$1.sock" -M 0660 -F "$MP_WORKERS" \
	    -P "$E2E_RUN/$1.pid" -d "$E2E_DIR" -- \
	    "$top_builddir/meldpunt-$2" -c "$3" \
	    >>"$E2E_DIR/spawn-fcgi.log" 2>&1 || return 1
	sleep 0.3
	mp_alive "$E2E_RUN/$1.pid"
}

# cl_stop NAME
cl_stop()
{
	mp_kill_pidfile "$E2E_RUN/$1.pid" TERM
	rm -f "$E2E_RUN/$1.sock"
}

# cl_node_config FILE HOSTS SPOOL [ADMIN_HOSTS]: a copy of $E2E_CONF
# whose programs connect to the nodes of HOSTS (a db.hosts list: one
# node's socket, or the app server's own node first and the others
# after), meldpuntctl migrate and grants to those of ADMIN_HOSTS if
# given, and which spools to SPOOL (each app server has its own spool;
# README "Running on a cluster").
cl_node_config()
{
	mkdir -p "$3" && chmod 0700 "$3" || return 1
	{
		cat "$E2E_CONF"
		printf 'db.hosts = %s\n' "$2"
		[ -z "${4:-}" ] || printf 'db.admin.hosts = %s\n' "$4"
		printf 'paths.spool = %s\n' "$3"
	} >"$1"
}

# cl_intake_upstream NAME...: from now on start_nginx writes the
# harness's configuration with /melden/ served by the intake instances
# NAME... (round robin, as a load balancer in front of two app
# servers would).
cl_intake_upstream()
{
	CL_INTAKES="$*"
	if ! declare -f e2e_nginx_conf >/dev/null; then
		eval "$(declare -f mp_nginx_conf |
		    sed '1s/^mp_nginx_conf/e2e_nginx_conf/')"
	fi
	mp_nginx_conf()
	{
		local i servers=
		e2e_nginx_conf "$@"
		for i in $CL_INTAKES; do
			servers="$servers\\
		server unix:$E2E_RUN/$i.sock;"
		done
		# X-Cluster-Upstream: which instance answered (the test
		# counts intake B's receipts while its node is down).
		sed -i -e "s|fastcgi_pass unix:$E2E_RUN/intake.sock;|fastcgi_pass meldpunt_intake;\\
			add_header X-Cluster-Upstream \$upstream_addr always;|" \
		    -e "/^http {/a\\
	upstream meldpunt_intake {$servers\\
	}" "$E2E_NGINX/conf/nginx.conf"
	}
}
