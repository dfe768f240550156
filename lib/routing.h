/*
 * routing.h -- the routing rules (table routing_rule): signal type and
 * audience -> team, applied by mp_report_store to every report as it
 * arrives (web form, a handler's phone or e-mail report, the spool).
 *
 * Either side of a rule may be "any" (MP_ROUTING_ANY).  Of the rules
 * that fit a report the most specific wins, in this order:
 *   1. this signal type and this audience;
 *   2. this signal type, any audience;
 *   3. any signal type, this audience;
 *   4. any signal type, any audience.
 * The signal type weighs more than the audience: it says what the
 * report is about, the audience only who sent it.  A rule whose team
 * is switched off is passed over (the next one down applies).  A
 * report no rule fits goes to no team: the coordinators' queue.
 */
#ifndef MP_ROUTING_H
#define MP_ROUTING_H

#include <stddef.h>

#include "errcode.h"

struct mp_db;

#define MP_ROUTING_ANY		0
#define MP_ROUTING_NAME_MAX	404	/* 100 characters of UTF-8 */
#define MP_ROUTING_DETAIL_MAX	512

struct mp_routing_rule {
	long long	 id;
	long long	 signal_type;	/* MP_ROUTING_ANY: any */
	long long	 audience;	/* MP_ROUTING_ANY: any */
	long long	 team;
	char		 team_name[MP_ROUTING_NAME_MAX];
	/* Filled by mp_routing_list only ("" for any). */
	char		 signal_name[MP_ROUTING_NAME_MAX];
	char		 audience_name[MP_ROUTING_NAME_MAX];
	int		 team_active;
};

/*
 * The rule of rules[0..n) that wins for signal_type and audience (the
 * order above), as its index; -1 when none fits.  Rules that do not
 * fit may be among them.
 */
int		 mp_routing_pick(const struct mp_routing_rule *, size_t n,
		    long long signal_type, long long audience);
/*
 * The winning rule for a report of signal_type from audience into
 * *out, *found 1; *found 0 when none fits.  Runs in the caller's
 * transaction.
 */
enum mp_err	 mp_routing_match(struct mp_db *, long long signal_type,
		    long long audience, struct mp_routing_rule *out,
		    int *found);
/*
 * The history row's text of a report routed by rule: "automatisch
 * toegewezen aan team X volgens regel N (...)", into out.
 */
void		 mp_routing_detail(const struct mp_routing_rule *,
		    char out[MP_ROUTING_DETAIL_MAX]);

/* Every rule, by team name and specificity, to fn. */
typedef void	(*mp_routing_fn)(const struct mp_routing_rule *, void *);
enum mp_err	 mp_routing_list(struct mp_db *, mp_routing_fn, void *);
/*
 * Add a rule (its id to *id when not NULL).  MP_ENOTFOUND when the
 * signal type, audience or team does not exist (or the team is
 * switched off), MP_EDUP when the pair has a rule already; nothing
 * written then.
 */
enum mp_err	 mp_routing_add(struct mp_db *, long long signal_type,
		    long long audience, long long team, long long *id);
/*
 * Remove rule id, what it was into *was when not NULL; MP_ENOTFOUND
 * when there is no such rule.
 */
enum mp_err	 mp_routing_remove(struct mp_db *, long long id,
		    struct mp_routing_rule *was);
/* The ids of a signal type and an audience by slug; MP_ENOTFOUND. */
enum mp_err	 mp_routing_signal_id(struct mp_db *, const char *slug,
		    long long *id);
enum mp_err	 mp_routing_audience_id(struct mp_db *, const char *slug,
		    long long *id);

#endif
