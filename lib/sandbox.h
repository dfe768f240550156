/*
 * sandbox.h -- confine a FastCGI worker, once it serves requests, to
 * the system calls it needs (libseccomp, when configure found it).
 */
#ifndef MP_SANDBOX_H
#define MP_SANDBOX_H

#include "errcode.h"

/* 1 when built with libseccomp, else 0. */
int		 mp_sandbox_available(void);

/*
 * Install the allow-list filter on the calling process (and threads it
 * starts later).  Any other system call kills the whole process
 * (SCMP_ACT_KILL_PROCESS): an unlisted call means the worker runs code
 * it was not written to run, and a dead worker is restarted by systemd
 * (Restart=on-failure) while a live one would let an attacker keep
 * probing.  Irreversible.  MP_OK when installed; MP_ESYS (logged) when
 * the kernel refused it or without libseccomp.
 */
enum mp_err	 mp_sandbox_enter(void);

#endif
