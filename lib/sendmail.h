/*
 * sendmail.h -- handing a message to a sendmail-compatible command:
 * the command line is split into words (no shell, no quoting), run
 * with fork and execv, given the message on its standard input, and
 * its exit status checked.  Its output is discarded, since an MTA's
 * complaint may name the recipient and must not reach a log.
 */
#ifndef MP_SENDMAIL_H
#define MP_SENDMAIL_H

#include <stddef.h>

#include "errcode.h"

#define MP_SENDMAIL_ARGS	32	/* words in the command, at most */

/*
 * Run cmd ("/usr/sbin/sendmail -t -i": an absolute path and words
 * separated by blanks) with msg (len bytes) on its standard input and
 * wait at most timeout seconds for it to exit.  MP_OK when it exits
 * with status 0.  Otherwise why (whysz bytes) gets a one-line reason
 * with no part of the message ("exited with status 75", "timed out
 * after 60 s", "cannot run ...: No such file or directory"), and
 * MP_ECONF is returned for a command line that cannot work (empty,
 * relative path, too many words), MP_ESYS for anything else.
 */
enum mp_err	 mp_sendmail(const char *cmd, const char *msg, size_t len,
		    int timeout, char *why, size_t whysz);

#endif
