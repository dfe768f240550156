/*
 * share.h -- what is shared with which partner, and the change
 * sequence that partners' cursors walk.
 *
 * Every transaction that shares a report or changes a shared one takes
 * the next number from a one-row counter (export_counter) and writes it
 * to the report's share rows.  The counter's row lock is held until the
 * commit, so numbers become visible in the order they were taken: a
 * reader that sees number N sees every number below it, and a cursor
 * (seq, report id) never skips a change committed late.  The price is
 * that such transactions queue on that one row, which at a
 * municipality's rate of changes costs nothing worth measuring
 * (docs/architecture.md, "Partner export").
 */
#ifndef MP_SHARE_H
#define MP_SHARE_H

#include "errcode.h"

struct mp_db;

/* A position in a partner's feed: after (seq, id). */
struct mp_cursor {
	unsigned long long	 seq;
	unsigned long long	 id;
};

/* "<seq>-<id>", at most 41 characters. */
#define MP_CURSOR_SZ	48

/*
 * Parse a cursor as the export sends it ("" or NULL is the start).  0
 * when it is malformed: anything but two decimal numbers without
 * leading zeros, joined by "-", each below 2^63.
 */
int		 mp_share_cursor_parse(const char *, struct mp_cursor *);
void		 mp_share_cursor_format(const struct mp_cursor *,
		    char out[MP_CURSOR_SZ]);

/*
 * Take the next change sequence number into *seq.  Inside a
 * transaction only: it locks the counter row until the commit.
 */
enum mp_err	 mp_share_next_seq(struct mp_db *, unsigned long long *seq);

/*
 * Note a change of report id inside the transaction that made it:
 * share it by the partners' rules on its signal type if not yet done,
 * and give all its shares a new sequence number.  The caller holds
 * the report's row lock (it has just updated the row, or selected it
 * FOR UPDATE), so a share and a change cannot pass each other.  A new
 * report is shared by intake_store() itself (sql/010).
 */
enum mp_err	 mp_share_touch(struct mp_db *, long long id);

/*
 * Share report id with partner_id by hand (the coordinator's action),
 * inside a transaction holding the report's row lock; by is the user
 * name.  MP_EDUP when it was shared with that partner already.
 */
enum mp_err	 mp_share_report(struct mp_db *, long long partner_id,
		    long long id, const char *by);

/*
 * Share every stored report of the partner's rule that is not yet
 * shared with it; *n gets how many.  Not inside a transaction: it runs
 * its own, one per batch of report ids, each with one sequence number.
 */
enum mp_err	 mp_share_backfill(struct mp_db *, long long partner_id,
		    long long *n);

#endif
