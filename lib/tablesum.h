/*
 * tablesum.h -- every row of the tables that hold an instance's
 * reports, dossiers and history, read in key order and reduced to one
 * SHA-256 per row, so that two databases (the live one and a restored
 * backup: meldpuntctl backup-check) can be compared row by row without
 * any content leaving this module.  Only reads; the tables stay their
 * owners' for everything else.
 */
#ifndef MP_TABLESUM_H
#define MP_TABLESUM_H

#include <stddef.h>

#include "buf.h"
#include "crypto.h"
#include "errcode.h"

struct mp_db;
struct mp_stmt;

/* The tables compared, in the order of mp_tablesum_name. */
#define MP_TABLESUM_NTABLES	22

/* Table i's name ("report"), NULL past the end. */
const char	*mp_tablesum_name(size_t i);
/* The name of the column mp_tablesum_next's key comes from ("id"). */
const char	*mp_tablesum_keyname(size_t i);
/*
 * 1 when table i is ordered by an id that only grows, so that rows
 * added after a backup come after all of its rows (backup-check
 * --allow-newer); 0 for a composite key.
 */
int		 mp_tablesum_appends(size_t i);

/* One table being read: the result stream and a row buffer. */
struct mp_tablesum_scan {
	struct mp_stmt	*st;
	struct mp_buf	 row;
};

/*
 * Start reading table i of db, streamed (no other statement on db
 * until mp_tablesum_done).  Errors of mp_db_query_stream; MP_EINVAL
 * for i out of range.
 */
enum mp_err	 mp_tablesum_start(struct mp_db *, size_t i,
		    struct mp_tablesum_scan *);
/*
 * The next row: its key (the first key column) and a SHA-256 over
 * every column's value, NULL told apart from the empty value.  MP_OK,
 * MP_ENOTFOUND after the last row, or an error.
 */
enum mp_err	 mp_tablesum_next(struct mp_tablesum_scan *, long long *key,
		    unsigned char digest[MP_SHA256_LEN]);
/* End the scan (also after an error); safe to call twice. */
void		 mp_tablesum_done(struct mp_tablesum_scan *);
/*
 * The ids of the attachments whose content does not match their stored
 * SHA-256, in id order: mp_tablesum_bad_start, then mp_tablesum_bad_next
 * until MP_ENOTFOUND, then mp_tablesum_done.  Errors as above.
 */
enum mp_err	 mp_tablesum_bad_start(struct mp_db *,
		    struct mp_tablesum_scan *);
enum mp_err	 mp_tablesum_bad_next(struct mp_tablesum_scan *,
		    long long *id);

#endif
