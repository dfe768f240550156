/*
 * formtoken.c -- one-time form tokens: base64url of a 16-byte random
 * nonce, the issue time (8 bytes, big-endian) and the first 16 bytes of
 * an HMAC-SHA-256 over both under MP_KEY_FORM.  Issuing needs no
 * storage, so showing a form never writes to the database; the "one
 * time" is enforced when the nonce is stored with the report.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "meldpunt.h"

#define TOK_TIME	8
#define TOK_MAC		16
#define TOK_RAW		(MP_FORMTOKEN_NONCE + TOK_TIME + TOK_MAC)

static enum mp_err
tok_mac(const struct mp_keys *keys, const unsigned char *msg,
    unsigned char mac[MP_SHA256_LEN])
{

	return mp_hmac_sha256(mac, mp_key(keys, MP_KEY_FORM), MP_KEY_LEN,
	    msg, MP_FORMTOKEN_NONCE + TOK_TIME);
}

enum mp_err
mp_formtoken_issue(const struct mp_keys *keys, time_t now,
    char out[MP_FORMTOKEN_LEN])
{
	unsigned char	 raw[TOK_RAW], mac[MP_SHA256_LEN];
	uint64_t	 t = (uint64_t)now;
	enum mp_err	 er;
	int		 i;

	if ((er = mp_random(raw, MP_FORMTOKEN_NONCE)) != MP_OK)
		return er;
	for (i = 0; i < TOK_TIME; i++)
		raw[MP_FORMTOKEN_NONCE + i] =
		    (unsigned char)(t >> (56 - 8 * i));
	if ((er = tok_mac(keys, raw, mac)) != MP_OK)
		return er;
	memcpy(raw + MP_FORMTOKEN_NONCE + TOK_TIME, mac, TOK_MAC);
	mp_b64url(out, raw, sizeof(raw));
	return MP_OK;
}

enum mp_err
mp_formtoken_check(const struct mp_keys *keys, const char *token,
    time_t now, long ttl, unsigned char nonce[MP_FORMTOKEN_NONCE])
{
	unsigned char	 raw[TOK_RAW + 4], mac[MP_SHA256_LEN];
	uint64_t	 t = 0;
	long		 n;
	int		 i;

	if (token == NULL || strlen(token) >= MP_FORMTOKEN_LEN)
		return MP_EINVAL;
	if ((n = mp_unb64url(raw, sizeof(raw), token)) != TOK_RAW)
		return MP_EINVAL;
	if (tok_mac(keys, raw, mac) != MP_OK)
		return MP_ECRYPTO;
	if (!mp_ct_equal(mac, raw + MP_FORMTOKEN_NONCE + TOK_TIME, TOK_MAC))
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
