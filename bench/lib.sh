# bench/lib.sh -- what the benchmark scripts share: building, the
# trivial FastCGI baseline behind the harness's nginx, and reading wrk's
# output and /proc, seeding many reports fast.  Sourced by bench/intake,
# bench/dashboard and bench/export after they set top (the source tree)
# and BUILD.
# shellcheck shell=bash disable=SC2154 # top: set by the script

say()
{
	printf 'bench: %s\n' "$*" >&2
}

die()
{
	printf 'bench: %s\n' "$*" >&2
	exit 1
}

# bench_tools TOOL...: die unless every tool is on PATH (or in sbin).
bench_tools()
{
	local t
	for t in "$@"; do
		PATH=$PATH:/usr/sbin:/sbin command -v "$t" >/dev/null 2>&1 ||
		    die "$t not found (apt-get install wrk mariadb-client" \
		    "nginx spawn-fcgi build-essential libfcgi-dev curl)"
	done
}

# bench_build: configure $BUILD when it has no Makefile (like
# scripts/demo), make, and build the trivial program as $trivial.
bench_build()
{
	if [ ! -x "$top/configure" ]; then
		say "autoreconf -fi"
		(cd "$top" && autoreconf -fi)
	fi
	if [ -f "$top/config.status" ]; then
		die "the source tree is configured in place; run 'make" \
		    "distclean' there first (the benchmark builds in \$BUILD)"
	fi
	mkdir -p "$BUILD"
	BUILD=$(cd "$BUILD" && pwd)
	if [ ! -f "$BUILD/Makefile" ]; then
		say "configuring in $BUILD"
		(cd "$BUILD" && "$top/configure" --quiet)
	fi
	say "building in $BUILD"
	make -C "$BUILD" -j"$(nproc)" >"$BUILD/bench-make.log" 2>&1 || {
		tail -n 40 "$BUILD/bench-make.log" >&2
		die "the build failed; see $BUILD/bench-make.log"
	}
	trivial=$BUILD/bench-trivial-fcgi
	if [ ! -x "$trivial" ] ||
	    [ "$top/bench/trivial-fcgi.c" -nt "$trivial" ]; then
		cc -O2 -Wall -Wextra -o "$trivial" \
		    "$top/bench/trivial-fcgi.c" -lfcgi ||
		    die "cannot build $trivial (libfcgi-dev?)"
	fi
}

# bench_nginx_conf: after tests/e2e/lib.sh is sourced, wrap its
# mp_nginx_conf so that nginx also serves the trivial program at
# /trivial/ and does not log /static/: the baselines measure serving,
# not log writing (the FastCGI locations of the harness do not log).
bench_nginx_conf()
{
	eval "$(declare -f mp_nginx_conf |
	    sed '1s/^mp_nginx_conf/harness_nginx_conf/')"
	mp_nginx_conf()
	{
		harness_nginx_conf "$@"
		sed -i -e "/^[[:space:]]*location \/melden\/ {/i\\
		location = /trivial/ {\\
			access_log off;\\
			include $E2E_NGINX/conf/fastcgi_params;\\
			fastcgi_pass unix:$E2E_RUN/trivial.sock;\\
		}" \
		    -e "/^[[:space:]]*location \/static\/ {/a\\
			access_log off;" "$E2E_NGINX/conf/nginx.conf"
	}
}

# bench_start_trivial WORKERS: the trivial program under spawn-fcgi;
# its pid file is $trivial_pidf.
bench_start_trivial()
{
	trivial_pidf=$E2E_RUN/trivial.pid
	rm -f "$E2E_RUN/trivial.sock"
	spawn-fcgi -s "$E2E_RUN/trivial.sock" -M 0660 -F "$1" \
	    -P "$trivial_pidf" -d "$E2E_DIR" -- "$trivial" \
	    >>"$E2E_DIR/spawn-fcgi.log" 2>&1 || die "spawn-fcgi trivial failed"
}

# wrk_rate OUTFILE: the Requests/sec figure of a wrk run.
wrk_rate()
{
	awk '/^Requests\/sec:/ { printf "%.0f\n", $2 }' "$1"
}

# wrk_latency OUTFILE: average and 99th percentile latency.
wrk_latency()
{
	awk '/^    Latency / { avg = $2 } /^ +99%/ { p99 = $2 }
	    END { printf "avg %s, p99 %s\n", avg, p99 }' "$1"
}

# wrk_pct OUTFILE N: the Nth percentile (50, 75, 90, 99) as wrk wrote it.
wrk_pct()
{
	awk -v p="$2%" '$1 == p { print $2 }' "$1"
}

# wrk_ms OUTFILE N: the Nth percentile in milliseconds, a number.
wrk_ms()
{
	wrk_pct "$1" "$2" | awk '{ v = $1 + 0
	    if ($1 ~ /us$/) v /= 1000; else if ($1 ~ /ms$/) v += 0;
	    else if ($1 ~ /m$/) v *= 60000; else if ($1 ~ /s$/) v *= 1000
	    printf "%.2f\n", v }'
}

# wrk_errors OUTFILE: non-2xx/3xx and socket errors, or 0.
wrk_errors()
{
	awk '/Non-2xx or 3xx/ { n += $NF }
	    /Socket errors/ { for (i = 4; i <= NF; i += 2) n += $i }
	    END { print n + 0 }' "$1"
}

# cpu_ticks PID...: utime + stime of the pids, in clock ticks.
cpu_ticks()
{
	local p t=0 v
	for p in "$@"; do
		v=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null) ||
		    v=0
		t=$(( t + ${v:-0} ))
	done
	echo "$t"
}

# all_ticks: the machine's busy ticks (user, nice, system, irq, softirq).
all_ticks()
{
	awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat
}

rss_of()
{
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

hwm_of()
{
	awk '/^VmHWM:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# bench_versions: one line with the versions of the stack.
bench_versions()
{
	printf 'versions: %s; %s; %s\n' \
	    "$(nginx -v 2>&1 | sed 's/^nginx version: //')" \
	    "$(mariadbd --version 2>/dev/null | awk '{ print $1, $3 }' ||
	       echo mariadbd)" \
	    "$(wrk -v 2>&1 | head -n 1 | awk '{ print $1, $2 }')"
}

# bench_commit: the short commit, noting local changes to the code.
bench_commit()
{
	printf 'commit %s%s\n' \
	    "$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?')" \
	    "$( [ -n "$(git -C "$top" status --porcelain -- lib cgi sql \
		templates 2>/dev/null)" ] && echo ' (with local changes)')"
}

# bench_seed_sql N: N anonymous reports in one INSERT ... SELECT from
# MariaDB's sequence engine, spread over the last year, every signal
# type and audience, with realistic text lengths.  Measured here: a
# million in 92 s on a quiet machine, where "meldpuntctl seed-demo"
# (which makes each report as the application would, varied texts and
# sealed contact details included) takes 200,000 in 27 s, a million in
# about three minutes; for benchmarks that need many rows more than
# their variety.  The catalogue must exist (seed-demo --reports 0).
# Runs as root.
bench_seed_sql()
{
	local n=$1 batch=100000 from=1 to base t0 nt a0 na
	# The catalogue's ids are consecutive on a new database.
	set -- $(sql "SELECT COALESCE(MAX(id), 0) FROM report")
	base=$1
	set -- $(sql "SELECT MIN(id), COUNT(*) FROM signal_type")
	t0=$1 nt=$2
	set -- $(sql "SELECT MIN(id), COUNT(*) FROM audience")
	a0=$1 na=$2
	while [ "$from" -le "$n" ]; do
		to=$(( from + batch - 1 ))
		[ "$to" -gt "$n" ] && to=$n
		sql "SET unique_checks = 0;
		INSERT INTO report (id, reference, channel, audience_id,
		    signal_type_id, description, observed_date, observed_time,
		    street, house_number, postcode, city, involved_people,
		    involved_companies, involved_vehicles, anonymous, status,
		    received_at, taken_at)
		SELECT $base + s.seq, CONCAT('M-2026-', IF($base + s.seq >
		    999999, $base + s.seq, LPAD($base + s.seq, 6, '0'))),
		    ELT(1 + s.seq % 4, 'web', 'intranet', 'telefoon', 'email'),
		    $a0 + s.seq % $na, $t0 + s.seq % $nt,
		    CONCAT('Melding ', s.seq, ': al weken komen er ''s nachts',
		    ' busjes bij de loods aan de rand van het bedrijventerrein;',
		    ' de ramen zijn afgeplakt en er hangt een zoete geur.'),
		    DATE(UTC_TIMESTAMP() - INTERVAL (s.seq % 365) DAY),
		    IF(s.seq % 3 = 0, NULL, SEC_TO_TIME((s.seq * 37) % 86400)),
		    'Industrieweg', CAST(1 + s.seq % 200 AS CHAR), '1234 AB',
		    'Voorbeeld', IF(s.seq % 2 = 0, 'Twee mannen van rond de 30',
		    ''), '', IF(s.seq % 5 = 0, 'Witte bestelbus', ''), 1,
		    ELT(1 + s.seq % 3, 'nieuw', 'in behandeling', 'afgerond'),
		    UTC_TIMESTAMP() - INTERVAL (s.seq % 365) DAY
		    - INTERVAL (s.seq % 86400) SECOND,
		    IF(s.seq % 3 = 0, NULL, UTC_TIMESTAMP()
		    - INTERVAL (s.seq % 365) DAY + INTERVAL 1 HOUR)
		FROM seq_${from}_to_${to} s" || return 1
		from=$(( to + 1 ))
	done
}
