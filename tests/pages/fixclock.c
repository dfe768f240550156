/*
 * tests/pages/fixclock.c -- an LD_PRELOAD shim that stops the wall
 * clock at MP_FIXED_TIME (seconds since the epoch) for tests/pages/
 * snapshot.sh, so that the programs and meldpuntctl seed-demo write
 * and show the same dates on every run.  Only the wall clock is fixed
 * (time, gettimeofday, clock_gettime of CLOCK_REALTIME*); the
 * monotonic clocks still run, so timeouts measured with them end.
 *
 * Not installed and not part of the build: snapshot.sh compiles it
 * with cc into its instance directory.  The real clock_gettime is
 * looked up in a constructor, before a worker confines itself with
 * seccomp (lib/sandbox.c).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <sys/time.h>
#include <time.h>

static time_t	 fixed;
static int	(*real_clock_gettime)(clockid_t, struct timespec *);

__attribute__((constructor)) static void
fixclock_init(void)
{
	const char	*s = getenv("MP_FIXED_TIME");

	fixed = s != NULL ? (time_t)strtoll(s, NULL, 10) : 0;
	real_clock_gettime = (int (*)(clockid_t, struct timespec *))
	    dlsym(RTLD_NEXT, "clock_gettime");
}

time_t
time(time_t *t)
{
	if (t != NULL)
		*t = fixed;
	return fixed;
}

/* glibc declares tv nonnull; callers may still pass NULL. */
#pragma GCC diagnostic ignored "-Wnonnull-compare"

int
gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	(void)tz;
	if (tv != NULL) {
		tv->tv_sec = fixed;
		tv->tv_usec = 0;
	}
	return 0;
}

int
clock_gettime(clockid_t id, struct timespec *ts)
{
	if (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE) {
		ts->tv_sec = fixed;
		ts->tv_nsec = 0;
		return 0;
	}
	if (real_clock_gettime == NULL)
		return -1;
	return real_clock_gettime(id, ts);
}
