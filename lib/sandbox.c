/*
 * sandbox.c -- a seccomp allow-list for workers that serve requests:
 * reading and writing sockets and files (templates, spool, log),
 * memory, time, randomness, signals for libfcgi's clean stop,
 * sockets to reach the database again, and threads (for libheif).
 * No exec, no fork, no ptrace,
 * no changes of identity, namespaces, mounts or modules.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#ifdef HAVE_SECCOMP
#include <seccomp.h>
#endif

#include "errcode.h"
#include "log.h"
#include "sandbox.h"

#ifdef HAVE_SECCOMP
/* Looked up by name: a call the architecture lacks is skipped. */
static const char *const allowed[] = {
	"read", "write", "readv", "writev", "pread64", "pwrite64",
	"close", "fstat", "newfstatat", "stat", "lstat", "statx", "lseek",
	"open", "openat", "fcntl", "dup", "dup2", "dup3", "getdents64",
	"getdents", "access", "faccessat", "faccessat2", "readlink",
	"readlinkat", "getcwd", "umask", "ftruncate", "fsync",
	"fdatasync", "rename", "renameat", "renameat2", "link", "linkat",
	"unlink", "unlinkat", "mmap", "munmap", "mremap", "mprotect",
	"brk", "madvise", "rt_sigaction", "rt_sigprocmask",
	"rt_sigreturn", "sigaltstack", "restart_syscall", "poll", "ppoll",
	"select", "pselect6", "accept", "accept4", "socket", "connect",
	"getsockopt", "setsockopt", "getsockname", "getpeername",
	"sendto", "recvfrom", "sendmsg", "recvmsg", "shutdown",
	"clock_gettime", "clock_getres", "clock_nanosleep", "nanosleep",
	"gettimeofday", "time", "getrandom", "getpid", "gettid",
	"getuid", "geteuid", "getgid", "getegid", "uname", "sysinfo",
	"futex", "sched_yield", "sched_getaffinity", "getrlimit",
	"prlimit64", "getrusage", "set_robust_list", "rseq", "tgkill",
	"exit", "exit_group", "ioctl",
};
#endif

#ifdef HAVE_SECCOMP
#ifndef CLONE_THREAD
#define CLONE_THREAD	0x00010000	/* as <linux/sched.h> has it */
#endif

/*
 * Threads, and nothing else clone can make: libheif's HEVC decoder
 * (libde265) starts a worker thread for each picture it decodes
 * (lib/heic.c).  clone is allowed only with CLONE_THREAD set, so no
 * new process can come of it; clone3 passes its flags in memory a
 * filter cannot read, so it fails with ENOSYS and glibc falls back to
 * clone.
 */
static int
allow_threads(scmp_filter_ctx f)
{
	int	 rc;

	if ((rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
	    SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD))) < 0)
		return rc;
	if (seccomp_syscall_resolve_name("clone3") == __NR_SCMP_ERROR)
		return 0;
	return seccomp_rule_add(f, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3),
	    0);
}
#endif

int
mp_sandbox_available(void)
{
#ifdef HAVE_SECCOMP
	return 1;
#else
	return 0;
#endif
}

enum mp_err
mp_sandbox_enter(void)
{
#ifdef HAVE_SECCOMP
	scmp_filter_ctx	 f;
	size_t		 i;
	int		 nr, rc;
	enum mp_err	 er = MP_ESYS;

	if ((f = seccomp_init(SCMP_ACT_KILL_PROCESS)) == NULL) {
		mp_errx("%s: seccomp_init failed", __func__);
		return MP_ESYS;
	}
	for (i = 0; i < MP_NELEM(allowed); i++) {
		if ((nr = seccomp_syscall_resolve_name(allowed[i])) ==
		    __NR_SCMP_ERROR)
			continue;
		if ((rc = seccomp_rule_add(f, SCMP_ACT_ALLOW, nr, 0)) < 0) {
			mp_errx("%s: %s: %s", __func__, allowed[i],
			    strerror(-rc));
			goto out;
		}
	}
	if ((rc = allow_threads(f)) < 0) {
		mp_errx("%s: threads: %s", __func__, strerror(-rc));
		goto out;
	}
	if ((rc = seccomp_load(f)) < 0) {
		mp_errx("%s: seccomp_load: %s", __func__, strerror(-rc));
		goto out;
	}
	er = MP_OK;
out:
	seccomp_release(f);
	return er;
#else
	mp_errx("%s: built without libseccomp", __func__);
	return MP_ESYS;
#endif
}
