/*
 * replytpl.h -- the owner of table reply_template (sql/049): the
 * standard texts coordinators keep for a handler's message to the
 * reporter (issue 16), each for one signal type or general.  A handler
 * picks one on the report page; its text goes into the message field,
 * where the handler edits it before sending.  What is sent is the
 * message (lib/message.c), a copy: a template changed or removed later
 * changes no message.
 */
#ifndef MP_REPLYTPL_H
#define MP_REPLYTPL_H

#include "errcode.h"

struct mp_db;

#define MP_REPLYTPL_TITLE_MAX	100	/* characters */
#define MP_REPLYTPL_BODY_MAX	4000	/* characters: one message's */
#define MP_REPLYTPL_MAX		200	/* templates in all: a usable list */
#define MP_REPLYTPL_TITLE_SZ	(MP_REPLYTPL_TITLE_MAX * 4 + 1)
#define MP_REPLYTPL_BODY_SZ	(MP_REPLYTPL_BODY_MAX * 4 + 1)
#define MP_REPLYTPL_NAME_SZ	404

struct mp_replytpl {
	long long	 id;
	long long	 signal_type;	/* 0: general */
	int		 active;
	char		 title[MP_REPLYTPL_TITLE_SZ];
	char		 body[MP_REPLYTPL_BODY_SZ];
	/* Filled by the reads: the signal type's name ("" when general). */
	char		 signal_name[MP_REPLYTPL_NAME_SZ];
};

/*
 * Which field of t breaks the limits: "title" (blank, a line break, or
 * over MP_REPLYTPL_TITLE_MAX characters), "body" (blank or over
 * MP_REPLYTPL_BODY_MAX), "type" (negative); NULL when none does.
 */
const char	*mp_replytpl_invalid(const struct mp_replytpl *t);

/* Every template (the coordinators' page): active first, by title. */
typedef void	(*mp_replytpl_fn)(const struct mp_replytpl *, void *);
enum mp_err	 mp_replytpl_list(struct mp_db *, mp_replytpl_fn, void *);
/*
 * The active templates a handler is offered for a report of
 * signal_type: that type's first, then the general ones, each by title.
 */
enum mp_err	 mp_replytpl_offer(struct mp_db *, long long signal_type,
		    mp_replytpl_fn, void *);
/* Template id into *out; MP_ENOTFOUND. */
enum mp_err	 mp_replytpl_get(struct mp_db *, long long id,
		    struct mp_replytpl *out);
/*
 * Add t (its id to *id) as actor.  MP_EINVAL when it breaks the limits
 * (mp_replytpl_invalid), MP_ENOTFOUND when its signal type does not
 * exist, MP_ETOOBIG when MP_REPLYTPL_MAX exist already; nothing
 * written then.  Runs in the caller's transaction.
 */
enum mp_err	 mp_replytpl_add(struct mp_db *, const struct mp_replytpl *t,
		    const char *actor, long long *id);
/* Change template t->id to t; errors as mp_replytpl_add. */
enum mp_err	 mp_replytpl_change(struct mp_db *,
		    const struct mp_replytpl *t, const char *actor);
/* Remove template id; MP_ENOTFOUND when there is none. */
enum mp_err	 mp_replytpl_remove(struct mp_db *, long long id);

#endif
