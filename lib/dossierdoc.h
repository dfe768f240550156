/*
 * dossierdoc.h -- the documents of a dossier (issue 14, the
 * dossier_document table of sql/034): files with the limits and
 * content sniffing of report attachments (the caller reads them with
 * mp_report_read_files), stored with their size and SHA-256; and a
 * plain read of the dossier's journal for the print view.
 *
 * The caller has checked that the user may see the dossier
 * (mp_dossier_get): every function here takes a dossier id and finds
 * a document only within it.  Changes run in the caller's
 * transaction and write the dossier's history row
 * (mp_dossier_event_add); the caller writes the audit row.
 */
#ifndef MP_DOSSIERDOC_H
#define MP_DOSSIERDOC_H

#include <stddef.h>

#include "errcode.h"

struct mp_db;

#define MP_DOSSIERDOC_SHA_HEX	65	/* 64 hex digits and the NUL */

/* One document as listed (no bytes); pointers valid during a call. */
struct mp_dossierdoc {
	long long	 id;
	const char	*filename;
	const char	*content_type;
	long long	 size;
	const char	*sha256;	/* lower-case hex */
	long long	 uploaded_by;
	const char	*uploader;	/* display name */
	long long	 uploaded_at;	/* unix time */
};

/*
 * Store a document of dossier: filename (cleaned by the caller),
 * content_type, data of size bytes and its SHA-256 in hex; *id gets
 * the new row's id.  Writes the history row "document toegevoegd"
 * with the file's name.
 */
enum mp_err	 mp_dossierdoc_insert(struct mp_db *, long long dossier,
		    const char *filename, const char *content_type,
		    const void *data, size_t size, const char *sha256,
		    long long user, const char *actor, long long *id);

/* The documents of dossier, newest first, at most limit. */
typedef void	(*mp_dossierdoc_fn)(const struct mp_dossierdoc *,
		    void *arg);
enum mp_err	 mp_dossierdoc_list(struct mp_db *, long long dossier,
		    unsigned limit, mp_dossierdoc_fn fn, void *arg);

/*
 * Document id of dossier with its bytes: fn gets the row and the data
 * (valid during the call).  MP_ENOTFOUND when dossier has no such
 * document.
 */
typedef void	(*mp_dossierdoc_data_fn)(const struct mp_dossierdoc *,
		    const void *data, size_t len, void *arg);
enum mp_err	 mp_dossierdoc_read(struct mp_db *, long long dossier,
		    long long id, mp_dossierdoc_data_fn fn, void *arg);

/*
 * Remove document id of dossier, if by is 0 (anyone allowed: the
 * caller checked) or its uploader.  MP_ENOTFOUND when dossier has no
 * such document; MP_EINVAL, nothing removed, when by is set and is
 * not its uploader.
 * Writes the history row "document verwijderd" with its name.
 */
enum mp_err	 mp_dossierdoc_delete(struct mp_db *, long long dossier,
		    long long id, long long by, const char *actor);

/*
 * The journal of dossier in time order, at most limit rows, as the
 * print view shows it: kind ("note", "decision", "task"), text,
 * reason, task type, assignee's display name, due date (YYYY-MM-DD),
 * task status, outcome, author, creation time; NULL where not set.
 */
struct mp_dossierdoc_entry {
	const char	*kind;
	const char	*body;
	const char	*reason;
	const char	*task_type;
	const char	*assignee;
	const char	*due;
	const char	*task_status;
	const char	*outcome;
	const char	*author;
	long long	 created_at;
};
typedef void	(*mp_dossierdoc_entry_fn)(const struct mp_dossierdoc_entry *,
		    void *arg);
enum mp_err	 mp_dossierdoc_journal(struct mp_db *, long long dossier,
		    unsigned limit, mp_dossierdoc_entry_fn fn, void *arg);

#endif /* MP_DOSSIERDOC_H */
