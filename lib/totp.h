/*
 * totp.h -- one-time passwords for the second login factor: HOTP
 * (RFC 4226) and TOTP (RFC 6238) with HMAC-SHA-1, 6 digits and 30 s
 * steps, which is what every authenticator app understands, plus the
 * RFC 4648 base32 and otpauth:// URI used to enrol an app.
 */
#ifndef MP_TOTP_H
#define MP_TOTP_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "errcode.h"

#define MP_TOTP_SECRET_LEN	20	/* 160 bits, RFC 4226 section 4 */
#define MP_TOTP_B32_LEN		32	/* base32 of the secret, no NUL */
#define MP_TOTP_PERIOD		30	/* seconds per step */
#define MP_TOTP_DIGITS		6

struct mp_buf;

/*
 * Fill secret with MP_TOTP_SECRET_LEN bytes from the CSPRNG.  The
 * caller owns the memory and wipes it (mp_alloc_wipe) when done.
 * MP_ECRYPTO (logged) if the CSPRNG fails.
 */
enum mp_err	 mp_totp_secret_new(unsigned char secret[MP_TOTP_SECRET_LEN]);

/*
 * Encode a secret as RFC 4648 base32 (A-Z 2-7, no padding) into out:
 * exactly MP_TOTP_B32_LEN characters and a NUL.  This is what the user
 * types into an app that cannot scan; out is as secret as the secret.
 */
void		 mp_totp_base32(char out[MP_TOTP_B32_LEN + 1],
		    const unsigned char secret[MP_TOTP_SECRET_LEN]);

/*
 * RFC 4648 base32 of len bytes, no padding, into out, which needs
 * (len * 8 + 4) / 5 + 1 bytes.  Not Crockford's (mp_crypto_b32): apps only
 * read the RFC alphabet.
 */
void		 mp_totp_base32_rfc4648(char *out, const void *in, size_t len);

/*
 * HOTP (RFC 4226): HMAC-SHA-1 of the big-endian 8-byte step under the
 * len-byte secret, dynamically truncated to digits (1 to 9) decimal
 * digits.  For TOTP, step is the Unix time / MP_TOTP_PERIOD.  Returns
 * the code (print it with leading zeros) or -1 (logged) if digits is
 * out of range or HMAC fails.
 */
int		 mp_totp_code(const unsigned char *secret, size_t len,
		    uint64_t step, unsigned digits);

/*
 * Check a code typed by the user against the secret at time now.
 * code must hold exactly MP_TOTP_DIGITS ASCII digits; spaces are
 * ignored ("123 456"), anything else is MP_EINVAL.  The steps now - 1,
 * now and now + 1 are accepted (clock skew), but never a step
 * <= last_step: a code that was used once is refused, even within
 * its window.  On MP_OK *matched_step (if not NULL) is the step that
 * matched; the caller must store it and pass it as last_step next time
 * (use -1 before the first success).  A wrong or replayed code is
 * MP_ECRYPTO.  Codes are compared in constant time.
 */
enum mp_err	 mp_totp_verify(const unsigned char *secret, size_t len,
		    const char *code, time_t now, long long last_step,
		    long long *matched_step);

/*
 * Append to out the enrolment URI
 * otpauth://totp/ISSUER:ACCOUNT?secret=B32&issuer=ISSUER&algorithm=SHA1
 * &digits=6&period=30, with issuer, account and b32 percent-encoded
 * (RFC 3986 unreserved characters are kept).  The URI holds the
 * secret: use mp_buf_freezero on out.  Either all of it is appended or
 * nothing: MP_ETOOBIG past out's cap, MP_ENOMEM.
 */
enum mp_err	 mp_totp_uri(struct mp_buf *out, const char *issuer,
		    const char *account, const char *b32);

#endif
