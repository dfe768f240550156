# mariadb.sh -- start and stop a private MariaDB server for tests.
#
# Source it, then:
#	mariadb_start DIR	# data in DIR/data, socket DIR/mysql.sock
#	mariadb_stop DIR
#
# The server never reads /etc/mysql (--no-defaults), listens on a unix
# socket only, and lets OS root in as its root over that socket without
# a password.  Durability settings are those of production
# (innodb_flush_log_at_trx_commit=1), so timings mean something.
# Works as root on Debian 12 (mariadbd in /usr/sbin).
# MARIADB_BUFFER_POOL (256M) sizes the buffer pool: a benchmark with a
# million reports (bench/dashboard) gives it room for its data, as a
# production server would have.  MARIADB_EXTRA_ARGS adds options (split
# on spaces), e.g. those of a one-node Galera cluster (test-db).
# MARIADB_ENCRYPT=1 switches data-at-rest encryption on, with the
# settings conf/mariadb/encryption.cnf gives production: tables, redo
# log, temporary tables and files, Aria and binlog, under a test-only
# key in DIR/keys/encryption.key (mode 0600, outside the data).

MARIADBD=${MARIADBD:-}

mariadb__find() {
	if [ -n "$MARIADBD" ]; then
		[ -x "$MARIADBD" ] && return 0
		echo "mariadb_start: $MARIADBD is not executable" >&2
		return 1
	fi
	for d in /usr/sbin /usr/libexec /usr/local/sbin /usr/bin; do
		if [ -x "$d/mariadbd" ]; then
			MARIADBD=$d/mariadbd
			return 0
		fi
	done
	MARIADBD=$(command -v mariadbd 2>/dev/null) || MARIADBD=
	if [ -z "$MARIADBD" ]; then
		echo "mariadb_start: mariadbd not found" \
		    "(apt-get install mariadb-server)" >&2
		return 1
	fi
}

# mariadb__encrypt_args DIR: print the encryption options (none unless
# MARIADB_ENCRYPT=1), writing DIR's key file first when it has none.
# The same options go to mariadb-install-db, so that even the system
# tables are written encrypted from the start.
mariadb__encrypt_args() {
	[ "${MARIADB_ENCRYPT:-0}" = 1 ] || return 0
	if [ ! -s "$1/keys/encryption.key" ]; then
		mkdir -p "$1/keys" && chmod 0700 "$1/keys" || return 1
		# Key id 1, 32 random bytes in hex (AES-256).
		(umask 077 && printf '1;%s\n' "$(od -An -N32 -tx1 \
		    /dev/urandom | tr -d ' \n')" >"$1/keys/encryption.key") ||
		    return 1
	fi
	printf '%s\n' --plugin-load-add=file_key_management \
	    --file-key-management-filename="$1/keys/encryption.key" \
	    --file-key-management-encryption-algorithm=AES_CTR \
	    --innodb-encrypt-tables=FORCE \
	    --innodb-encrypt-log=ON \
	    --innodb-encrypt-temporary-tables=ON \
	    --innodb-encryption-threads=2 \
	    --encrypt-tmp-files=ON \
	    --encrypt-tmp-disk-tables=ON \
	    --aria-encrypt-tables=ON \
	    --encrypt-binlog=ON
}

# mariadb_sql DIR SQL: run SQL as the server's root over its socket.
mariadb_sql() {
	mariadb --no-defaults -S "$1/mysql.sock" -uroot -e "$2"
}

mariadb_start() {
	dir=$1
	if [ -z "$dir" ]; then
		echo "usage: mariadb_start DIR" >&2
		return 2
	fi
	mariadb__find || return 1
	mkdir -p "$dir" || return 1
	dir=$(cd "$dir" && pwd) || return 1
	mariadb__enc=$(mariadb__encrypt_args "$dir") || return 1
	# Once more from an empty directory if it fails: a fresh clone's
	# check saw it fail once and pass in the same directory later.  The
	# log's tail goes to stderr, since the directory may be gone by the
	# time anyone looks.
	try=1
	while [ ! -d "$dir/data/mysql" ]; do
		mariadb-install-db --no-defaults --datadir="$dir/data" \
		    --user=root --auth-root-authentication-method=socket \
		    --skip-test-db $mariadb__enc >"$dir/install.log" 2>&1 && break
		echo "mariadb_start: mariadb-install-db failed (attempt" \
		    "$try), see $dir/install.log:" >&2
		tail -n 15 "$dir/install.log" | sed 's/^/  /' >&2
		[ "$try" -lt 2 ] || return 1
		try=$((try + 1))
		# Empty it, keeping a symlinked data directory a symlink.
		if [ -d "$dir/data" ]; then
			find "$dir/data/" -mindepth 1 -delete || return 1
		fi
	done
	# Temporary tables in the instance's own directory: /tmp is shared
	# with whatever else runs on the machine and may be cleaned under
	# the server's feet.
	mkdir -p "$dir/tmp" || return 1
	"$MARIADBD" --no-defaults --datadir="$dir/data" --user=root \
	    --tmpdir="$dir/tmp" \
	    --socket="$dir/mysql.sock" --skip-networking \
	    --pid-file="$dir/mariadbd.pid" --log-error="$dir/mariadbd.err" \
	    --character-set-server=utf8mb4 \
	    --collation-server=utf8mb4_unicode_ci \
	    --max-allowed-packet=64M \
	    --innodb-buffer-pool-size="${MARIADB_BUFFER_POOL:-256M}" \
	    --innodb-log-file-size=256M \
	    --innodb-flush-log-at-trx-commit=1 \
	    ${MARIADB_EXTRA_ARGS:-} $mariadb__enc \
	    </dev/null >/dev/null 2>&1 &
	i=0
	while ! mariadb-admin --no-defaults -S "$dir/mysql.sock" -uroot \
	    ping >/dev/null 2>&1; do
		i=$((i + 1))
		if [ "$i" -gt 300 ]; then
			echo "mariadb_start: server did not answer within" \
			    "30 s, see $dir/mariadbd.err" >&2
			return 1
		fi
		sleep 0.1
	done
	mariadb_sql "$dir" "CREATE DATABASE IF NOT EXISTS meldpunt
	    CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" || return 1
}

mariadb_stop() {
	dir=$1
	if [ -z "$dir" ]; then
		echo "usage: mariadb_stop DIR" >&2
		return 2
	fi
	pid=
	if [ -f "$dir/mariadbd.pid" ]; then
		pid=$(cat "$dir/mariadbd.pid")
	fi
	mariadb-admin --no-defaults -S "$dir/mysql.sock" -uroot \
	    shutdown >/dev/null 2>&1
	if [ -z "$pid" ]; then
		return 0
	fi
	i=0
	# A zombie is gone: where PID 1 reaps nothing, kill -0 finds it.
	while kill -0 "$pid" 2>/dev/null &&
	    ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status" 2>/dev/null; do
		i=$((i + 1))
		if [ "$i" -eq 300 ]; then
			kill "$pid" 2>/dev/null
		elif [ "$i" -gt 600 ]; then
			kill -9 "$pid" 2>/dev/null
			break
		fi
		sleep 0.1
	done
	return 0
}
