# bench/lib.sh -- pieces the benchmarks share: build, a private
# instance by the end-to-end harness (tests/e2e/lib.sh), and seeding
# many reports fast.  Sourced by bench/export (bench/intake predates
# it and keeps its own copy of the build step).
#
# Before sourcing set top (the source tree) and BUILD.

say()
{
	printf 'bench: %s\n' "$*" >&2
}

die()
{
	printf 'bench: %s\n' "$*" >&2
	exit 1
}

# bench_build: configure in $BUILD when it has no Makefile, then make.
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
