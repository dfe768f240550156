/*
 * formtoken.c -- one-time form tokens: base64url of a 16-byte random
 * nonce, the issue time (8 bytes, big-endian) and the first 16 bytes of
 * an HMAC-SHA-256 over both under MP_KEY_FORM.  Issuing needs no
 * storage, so showing a form never writes to the database; the "one
 * time" is enforced when the nonce is stored with the report.  A bound
 * token's HMAC also covers the value it is bound to (the sign-in
 * forms' pre-session id, lib/presession.c).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "crypto.h"
#include "errcode.h"
#include "formtoken.h"
#include "keys.h"

#define TOK_TIME	8
#define TOK_MAC		16
#define TOK_RAW		(MP_FORMTOKEN_NONCE + TOK_TIME + TOK_MAC)

/*
 * The MAC of nonce and time (msg), and of the value a bound token is
 * bound to.  A bound token's message starts with a label and the
 * value's length, so it is never as short as an unbound one's: no
 * token of one kind passes for the other.
 */
static enum mp_err
tok_mac(const struct mp_keys *keys, const void *bind, size_t bindlen,
    const unsigned char *msg, unsigned char mac[MP_SHA256_LEN])
{
	static const char	 label[] = "bound";
	unsigned char		 m[sizeof(label) + 1 + MP_FORMTOKEN_BIND_MAX +
				    MP_FORMTOKEN_NONCE + TOK_TIME];
	size_t			 n = 0;
	enum mp_err		 er;

	if (bind == NULL)
		return mp_crypto_hmac_sha256(mac, mp_key(keys, MP_KEY_FORM),
		    MP_KEY_LEN, msg, MP_FORMTOKEN_NONCE + TOK_TIME);
	if (bindlen == 0 || bindlen > MP_FORMTOKEN_BIND_MAX)
		return MP_EINVAL;
	memcpy(m, label, sizeof(label));	/* with its NUL */
	n = sizeof(label);
	m[n++] = (unsigned char)bindlen;
	memcpy(m + n, bind, bindlen);
	n += bindlen;
	memcpy(m + n, msg, MP_FORMTOKEN_NONCE + TOK_TIME);
	n += MP_FORMTOKEN_NONCE + TOK_TIME;
	er = mp_crypto_hmac_sha256(mac, mp_key(keys, MP_KEY_FORM), MP_KEY_LEN,
	    m, n);
	mp_alloc_wipe(m, sizeof(m));
	return er;
}

enum mp_err
mp_formtoken_issue(const struct mp_keys *keys, time_t now,
    char out[MP_FORMTOKEN_LEN])
{

	return mp_formtoken_issue_bound(keys, NULL, 0, now, out);
}

enum mp_err
mp_formtoken_check(const struct mp_keys *keys, const char *token,
    time_t now, long ttl, unsigned char nonce[MP_FORMTOKEN_NONCE])
{

	return mp_formtoken_check_bound(keys, NULL, 0, token, now, ttl,
	    nonce);
}

enum mp_err
mp_formtoken_issue_bound(const struct mp_keys *keys, const void *bind,
    size_t bindlen, time_t now, char out[MP_FORMTOKEN_LEN])
{
	unsigned char	 raw[TOK_RAW], mac[MP_SHA256_LEN];
	uint64_t	 t = (uint64_t)now;
	enum mp_err	 er;
	int		 i;

	if ((er = mp_crypto_random(raw, MP_FORMTOKEN_NONCE)) != MP_OK)
		return er;
	for (i = 0; i < TOK_TIME; i++)
		raw[MP_FORMTOKEN_NONCE + i] =
		    (unsigned char)(t >> (56 - 8 * i));
	if ((er = tok_mac(keys, bind, bindlen, raw, mac)) != MP_OK)
		return er;
	memcpy(raw + MP_FORMTOKEN_NONCE + TOK_TIME, mac, TOK_MAC);
	mp_crypto_b64url(out, raw, sizeof(raw));
	return MP_OK;
}

enum mp_err
mp_formtoken_check_bound(const struct mp_keys *keys, const void *bind,
    size_t bindlen, const char *token, time_t now, long ttl,
    unsigned char nonce[MP_FORMTOKEN_NONCE])
{
	unsigned char	 raw[TOK_RAW + 4], mac[MP_SHA256_LEN];
	uint64_t	 t = 0;
	long		 n;
	int		 i;

	if (token == NULL || strlen(token) >= MP_FORMTOKEN_LEN)
		return MP_EINVAL;
	if ((n = mp_crypto_unb64url(raw, sizeof(raw), token)) != TOK_RAW)
		return MP_EINVAL;
	if (tok_mac(keys, bind, bindlen, raw, mac) != MP_OK)
		return bind != NULL && (bindlen == 0 ||
		    bindlen > MP_FORMTOKEN_BIND_MAX) ? MP_EINVAL : MP_ECRYPTO;
	if (!mp_crypto_ct_equal(mac, raw + MP_FORMTOKEN_NONCE + TOK_TIME,
	    TOK_MAC))
		return MP_EINVAL;
	for (i = 0; i < TOK_TIME; i++)
		t = (t << 8) | raw[MP_FORMTOKEN_NONCE + i];
	/* A token from the future (clock skew between app servers) gets a
	 * minute's grace; older than ttl is expired. */
	if ((time_t)t > now + 60 || now - (time_t)t > ttl)
		return MP_EINVAL;
	memcpy(nonce, raw, MP_FORMTOKEN_NONCE);
	return MP_OK;
}
