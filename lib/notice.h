/*
 * notice.h -- a user's choice of notices by mail (issue 16, table
 * user_notice): whether they hear of every report that arrives in
 * their team's queue, and whether they get the daily digest of their
 * overdue tasks.  A report assigned to them is always told.  No row
 * means both on.  The notices themselves are queued by lib/outbox.c,
 * which reads these choices in its statements.
 */
#ifndef MP_NOTICE_H
#define MP_NOTICE_H

#include "errcode.h"

struct mp_db;

struct mp_notice {
	int	 team_arrival;	/* 1: a mail per report new in the team */
	int	 digest;	/* 1: the daily digest of overdue tasks */
};

/* The choices of user_id into *n (the defaults when none were made). */
enum mp_err	 mp_notice_get(struct mp_db *, long long user_id,
		    struct mp_notice *n);
/* Store the choices of user_id, in the caller's transaction. */
enum mp_err	 mp_notice_set(struct mp_db *, long long user_id,
		    const struct mp_notice *n);

#endif
