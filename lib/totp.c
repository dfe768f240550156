/*
 * totp.c -- HOTP (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA-1 for
 * the dashboard's second factor, the RFC 4648 base32 of the secret and
 * the otpauth:// URI an authenticator app scans.
 */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "alloc.h"
#include "buf.h"
#include "crypto.h"
#include "errcode.h"
#include "log.h"
#include "totp.h"

#define SHA1_LEN	20
/* Steps accepted either side of now: one covers a slow phone clock. */
#define SKEW		1
/* Ceiling for the URI we build before it is copied into the caller's. */
#define URI_MAX		1024

static const char b32rfc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static const uint32_t powers[] = {
	1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000,
	1000000000
};

enum mp_err
mp_totp_secret_new(unsigned char secret[MP_TOTP_SECRET_LEN])
{

	return mp_crypto_random(secret, MP_TOTP_SECRET_LEN);
}

void
mp_totp_base32_rfc4648(char *out, const void *in, size_t len)
{
	const unsigned char	*p = in;
	uint32_t		 acc = 0;
	int			 bits = 0;

	/* Five bits at a time, most significant first; pad the tail. */
	while (len-- > 0) {
		acc = (acc << 8) | *p++;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			*out++ = b32rfc[(acc >> bits) & 0x1f];
		}
	}
	if (bits > 0)
		*out++ = b32rfc[(acc << (5 - bits)) & 0x1f];
	*out = '\0';
}

void
mp_totp_base32(char out[MP_TOTP_B32_LEN + 1],
    const unsigned char secret[MP_TOTP_SECRET_LEN])
{

	/* 160 bits are exactly 32 characters: no padding to leave out. */
	mp_totp_base32_rfc4648(out, secret, MP_TOTP_SECRET_LEN);
}

int
mp_totp_code(const unsigned char *secret, size_t len, uint64_t step,
    unsigned digits)
{
	static const unsigned char	 nokey[1];
	unsigned char			 msg[8], mac[EVP_MAX_MD_SIZE];
	unsigned int			 maclen = 0;
	uint32_t			 bin;
	unsigned			 off;
	int				 i;

	if (digits < 1 || digits >= MP_NELEM(powers) || len > INT_MAX) {
		mp_errx("%s: bad digits or key length", __func__);
		return -1;
	}
	if (secret == NULL)
		secret = nokey;
	for (i = 7; i >= 0; i--) {
		msg[i] = (unsigned char)(step & 0xff);
		step >>= 8;
	}
	if (HMAC(EVP_sha1(), secret, (int)len, msg, sizeof(msg), mac,
	    &maclen) == NULL || maclen != SHA1_LEN) {
		mp_errx("%s: HMAC-SHA-1 failed", __func__);
		ERR_clear_error();
		return -1;
	}
	/* Dynamic truncation, RFC 4226 section 5.3. */
	off = mac[SHA1_LEN - 1] & 0x0f;
	bin = (uint32_t)(mac[off] & 0x7f) << 24 |
	    (uint32_t)mac[off + 1] << 16 |
	    (uint32_t)mac[off + 2] << 8 |
	    (uint32_t)mac[off + 3];
	/* The MAC gives away the code; do not leave it on the stack. */
	mp_alloc_wipe(mac, sizeof(mac));
	return (int)(bin % powers[digits]);
}

/* Write code as exactly MP_TOTP_DIGITS digits with leading zeros. */
static void
fmt_code(char out[MP_TOTP_DIGITS], int code)
{
	int	 i;

	for (i = MP_TOTP_DIGITS - 1; i >= 0; i--) {
		out[i] = (char)('0' + code % 10);
		code /= 10;
	}
}

enum mp_err
mp_totp_verify(const unsigned char *secret, size_t len, const char *code,
    time_t now, long long last_step, long long *matched_step)
{
	char		 want[MP_TOTP_DIGITS], got[MP_TOTP_DIGITS];
	long long	 cur, step, found = -1;
	size_t		 n = 0;
	int		 c, ok;
	const char	*p;

	if (code == NULL || now < 0 || len == 0)
		return MP_EINVAL;
	for (p = code; *p != '\0'; p++) {
		if (*p == ' ')
			continue;
		if (*p < '0' || *p > '9' || n == sizeof(got))
			return MP_EINVAL;
		got[n++] = *p;
	}
	if (n != sizeof(got))
		return MP_EINVAL;

	/*
	 * Try every step in the window, even after a match, so the time
	 * taken does not tell which one matched.  Steps at or before the
	 * last one used are skipped: that is what stops a replay of a code
	 * seen over a shoulder or in a proxy log.
	 */
	cur = (long long)(now / MP_TOTP_PERIOD);
	for (step = cur - SKEW; step <= cur + SKEW; step++) {
		if (step < 0 || step <= last_step)
			continue;
		if ((c = mp_totp_code(secret, len, (uint64_t)step,
		    MP_TOTP_DIGITS)) < 0) {
			mp_alloc_wipe(got, sizeof(got));
			return MP_ECRYPTO;
		}
		fmt_code(want, c);
		ok = mp_crypto_ct_equal(want, got, sizeof(got));
		if (ok && found < 0)
			found = step;
	}
	mp_alloc_wipe(want, sizeof(want));
	mp_alloc_wipe(got, sizeof(got));
	if (found < 0)
		return MP_ECRYPTO;
	if (matched_step != NULL)
		*matched_step = found;
	return MP_OK;
}

/* Append s percent-encoded, keeping RFC 3986 unreserved characters. */
static enum mp_err
pct_encode(struct mp_buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 c;
	char			 esc[3];
	enum mp_err		 er;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~') {
			er = mp_buf_addc(b, (char)c);
		} else {
			esc[0] = '%';
			esc[1] = hex[c >> 4];
			esc[2] = hex[c & 0x0f];
			er = mp_buf_add(b, esc, sizeof(esc));
		}
		if (er != MP_OK)
			return er;
	}
	return MP_OK;
}

enum mp_err
mp_totp_uri(struct mp_buf *out, const char *issuer, const char *account,
    const char *b32)
{
	struct mp_buf	 b;
	enum mp_err	 er;

	/*
	 * Build in a private buffer and append in one go, so that out
	 * never holds half a URI; the label's ':' stays literal, which is
	 * how Google's Key Uri Format separates issuer from account.
	 */
	mp_buf_init(&b, URI_MAX);
	if ((er = mp_buf_addstr(&b, "otpauth://totp/")) != MP_OK ||
	    (er = pct_encode(&b, issuer)) != MP_OK ||
	    (er = mp_buf_addc(&b, ':')) != MP_OK ||
	    (er = pct_encode(&b, account)) != MP_OK ||
	    (er = mp_buf_addstr(&b, "?secret=")) != MP_OK ||
	    (er = pct_encode(&b, b32)) != MP_OK ||
	    (er = mp_buf_addstr(&b, "&issuer=")) != MP_OK ||
	    (er = pct_encode(&b, issuer)) != MP_OK ||
	    (er = mp_buf_addstr(&b,
	    "&algorithm=SHA1&digits=6&period=30")) != MP_OK ||
	    (er = mp_buf_add(out, mp_buf_str(&b), mp_buf_len(&b))) != MP_OK)
		mp_errx("%s: %s", __func__, mp_err_str(er));
	mp_buf_freezero(&b);
	return er;
}
