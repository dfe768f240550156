/*
 * partner.h -- partners of the XML export (police, tax office, housing
 * corporation): their keys, profiles (which report fields they
 * receive), rules (which signal types are shared with them
 * automatically) and the optional TLS client certificate subject they
 * must present.  A key is "mpx1.<id>.<43 base64url characters>", 256
 * random bits, shown once; only an HMAC of it is stored (MP_KEY_PARTNER)
 * and it is compared in constant time.  A high-entropy key needs no
 * slow KDF.
 */
#ifndef MP_PARTNER_H
#define MP_PARTNER_H

#include <stddef.h>

#include "errcode.h"

struct mp_db;
struct mp_keys;

#define MP_PARTNER_NAME_MAX	32
#define MP_PARTNER_DISPLAY_MAX	100
#define MP_PARTNER_CERT_MAX	255
/* "mpx1." + up to 10 digits + "." + 43 characters + NUL */
#define MP_PARTNER_KEY_SZ	64
#define MP_PARTNER_SECRET	32

/*
 * The fields of a report a profile may name.  Reporter identity, notes
 * and attachments are deliberately not among them: no profile can
 * send them.  The reference and the change cursor are always sent.
 */
enum mp_pfield {
	MP_PF_STATUS = 0,	/* "status" */
	MP_PF_SIGNALTYPE,	/* "signaaltype" */
	MP_PF_CHANNEL,		/* "kanaal" */
	MP_PF_AUDIENCE,		/* "doelgroep" */
	MP_PF_DATES,		/* "data": received, taken, closed */
	MP_PF_OBSERVED,		/* "waarneming": date and time observed */
	MP_PF_DESCRIPTION,	/* "omschrijving" */
	MP_PF_ADDRESS,		/* "adres" */
	MP_PF_PEOPLE,		/* "personen" */
	MP_PF_COMPANIES,	/* "bedrijven" */
	MP_PF_VEHICLES,		/* "voertuigen" */
	MP_PF_SUBJECTS,		/* "onderwerpen": sure links only
				   (lib/subject.h, sql/031) */
	MP_PF_ANSWERS,		/* "antwoorden": to the follow-up
				   questions (lib/question.h, sql/052) */
	MP_PF__MAX
};

#define MP_PF_ALL	((1u << MP_PF__MAX) - 1)
#define MP_PF_HAS(mask, f)	(((mask) >> (f)) & 1u)

struct mp_partner {
	long long	 id;
	char		 name[MP_PARTNER_NAME_MAX + 1];
	char		 display[MP_PARTNER_DISPLAY_MAX * 4 + 1];
	unsigned	 fields;		/* MP_PF_* bits */
	char		 cert[MP_PARTNER_CERT_MAX * 4 + 1]; /* "" none */
	long long	 pulls_per_minute;	/* 0: configured default */
	int		 disabled;
};

/* A partner name: 1-32 of [a-z0-9-], starting with a letter or digit. */
int		 mp_partner_valid_name(const char *);
/* The profile name of a field ("adres"). */
const char	*mp_partner_field_name(enum mp_pfield);
/*
 * Parse a comma list of field names ("status,adres") or "alle" into
 * *mask.  MP_EINVAL on an unknown or empty name (including the names
 * of what is never exported: "melder", "notities", "bijlagen").
 */
enum mp_err	 mp_partner_fields_parse(const char *, unsigned *mask);
/* The comma list of mask into out (truncated to outsz). */
void		 mp_partner_fields_format(unsigned mask, char *out,
		    size_t outsz);

/*
 * Split a key as sent ("mpx1.<id>.<secret>") into the partner id and
 * the secret's 32 bytes.  0 when it is not of that form.
 */
int		 mp_partner_key_parse(const char *key, long long *id,
		    unsigned char secret[MP_PARTNER_SECRET]);
/* The stored hash of a partner's secret (bound to its id). */
enum mp_err	 mp_partner_key_hash(const struct mp_keys *, long long id,
		    const unsigned char secret[MP_PARTNER_SECRET],
		    unsigned char out[32]);

/*
 * Create a partner with a new key, written once to key
 * (MP_PARTNER_KEY_SZ bytes); *id (may be NULL) gets its id.  cert may
 * be NULL or "" for none; slugs (may be NULL) is its rule, as for
 * mp_partner_set_rule, set in the same transaction.  MP_EDUP if the
 * name is taken, MP_EINVAL for a bad name, display name, subject or
 * signal type (nothing is stored then).
 */
enum mp_err	 mp_partner_add(struct mp_db *, const struct mp_keys *,
		    const char *name, const char *display, unsigned fields,
		    const char *cert, long long pulls_per_minute,
		    const char *slugs, char key[MP_PARTNER_KEY_SZ],
		    long long *id);
/* Replace the key; the old one stops working at once. */
enum mp_err	 mp_partner_rotate_key(struct mp_db *, const struct mp_keys *,
		    const char *name, char key[MP_PARTNER_KEY_SZ]);
/* Look a partner up by name (MP_ENOTFOUND when there is none). */
enum mp_err	 mp_partner_get(struct mp_db *, const char *name,
		    struct mp_partner *);
enum mp_err	 mp_partner_set_disabled(struct mp_db *, const char *name,
		    int disabled);
/* Change the profile, subject ("" none) or pull limit. */
enum mp_err	 mp_partner_set_fields(struct mp_db *, const char *name,
		    unsigned fields);
enum mp_err	 mp_partner_set_cert(struct mp_db *, const char *name,
		    const char *cert);
enum mp_err	 mp_partner_set_limit(struct mp_db *, const char *name,
		    long long pulls_per_minute);

/*
 * Replace the partner's rule by the signal types of the comma list of
 * slugs (may be "" for none), and share every stored report of those
 * types (mp_share_backfill: batches, each its own transaction and
 * change number).  MP_EINVAL for an unknown slug (nothing changed);
 * *shared (may be NULL) gets the number of reports newly shared.
 */
enum mp_err	 mp_partner_set_rule(struct mp_db *, const char *name,
		    const char *slugs, long long *shared);

/*
 * Call fn for every partner by name; rule is the comma list of its
 * signal type slugs, shares the number of reports shared with it.
 */
typedef void	(*mp_partner_fn)(const struct mp_partner *, const char *rule,
		    long long shares, void *arg);
enum mp_err	 mp_partner_list(struct mp_db *, mp_partner_fn, void *arg);

/*
 * Call fn for every signal type and enabled partner that receives its
 * reports automatically (the partners' rules), by type, then name;
 * display is the partner's name for people.  The intake shows these
 * on its form before anything is sent.
 */
typedef void	(*mp_partner_rule_fn)(long long signal_type_id,
		    const char *display, void *arg);
enum mp_err	 mp_partner_rule_names(struct mp_db *, mp_partner_rule_fn,
		    void *arg);

/*
 * Find the partner of an Authorization header value ("Bearer <key>")
 * into p.  MP_ENOTFOUND when there is no such header, key or partner,
 * or the key does not match (all 401); a disabled partner is returned
 * with p->disabled set (403 for the caller).
 */
enum mp_err	 mp_partner_auth(struct mp_db *, const struct mp_keys *,
		    const char *authorization, struct mp_partner *p);

#endif
