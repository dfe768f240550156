/*
 * spool.h -- reports taken while the database cannot be reached.  Each
 * is written to the spool directory sealed under MP_KEY_SPOOL: to a
 * temporary file, fsync'd, renamed to <submission nonce>.rpt and the
 * directory fsync'd, so a file is either whole or absent.  Draining
 * stores each file through mp_report_store; the submission's unique key
 * makes that exactly-once even when two drainers meet or a drain is cut
 * off between the commit and the unlink.
 */
#ifndef MP_SPOOL_H
#define MP_SPOOL_H

#include <time.h>

#include "errcode.h"

struct mp_db;
struct mp_keys;
struct mp_report;

/*
 * Spool r (validated, with its code hash and submission nonce set).
 * Gives r a spool reference ("M-2026-S" and 8 base32 characters).
 * MP_EDUP when this submission is spooled already.
 */
enum mp_err	 mp_spool_write(const char *dir, const struct mp_keys *,
		    struct mp_report *);
/* 1 if a report with this submission nonce waits in the spool. */
int		 mp_spool_has(const char *dir, const unsigned char *nonce);
/*
 * Store every spooled report; each stored (or found stored already) is
 * removed.  *stored and *failed (may be NULL) count files.  A file that
 * cannot be opened (wrong key, damaged) is moved aside to .bad and
 * counted as failed; MP_EDBDOWN stops the drain early.  Each report
 * gets at most subject_max subjects (subject.max_per_report; 0: its
 * default), as the intake would have given it.
 */
enum mp_err	 mp_spool_drain(const char *dir, struct mp_db *,
		    const struct mp_keys *, size_t subject_max, long *stored,
		    long *failed);

/*
 * What waits in the spool, for meldpuntctl status and metrics: the
 * reports (files, bytes, the modification time of the oldest; 0 when
 * none) and the files moved aside as unreadable (.bad).  Only names
 * and stat(2): nothing is opened or decrypted.
 */
struct mp_spool_stat {
	long		 files;
	long long	 bytes;
	time_t		 oldest;
	long		 bad;
};
/* MP_ESYS (not logged) when dir cannot be read; errno tells why. */
enum mp_err	 mp_spool_stat(const char *dir, struct mp_spool_stat *);
#endif
