/*
 * valid.h -- pure validators for fields.  Each returns 1 when the
 * input is acceptable and 0 when not; none allocates or logs.  Lengths
 * are in characters (code points) unless said otherwise, because a
 * reporter's "200 tekens" counts letters, not bytes.
 */
#ifndef MP_VALID_H
#define MP_VALID_H

#include <stddef.h>
#include <time.h>

/*
 * Well-formed UTF-8: no overlong forms, no surrogates, nothing above
 * U+10FFFF, and no NUL or other C0 control except tab, LF and CR.
 */
int	 mp_valid_utf8(const char *s, size_t len);
/* Code points in valid UTF-8 (undefined for invalid input). */
size_t	 mp_valid_utf8_chars(const char *s, size_t len);
/*
 * Text of at most maxchars characters; valid UTF-8 as above; when
 * multiline is 0 also no tab, CR or LF.
 */
int	 mp_valid_text(const char *s, size_t len, size_t maxchars,
	    int multiline);
/* Only white space (or empty). */
int	 mp_valid_blank(const char *s, size_t len);

/*
 * Dutch postcode: four digits (first not 0), optional space, two
 * letters (not SA, SD or SS), any case.  On success the normalised
 * form "1234 AB" is written to out (8 bytes).
 */
int	 mp_valid_postcode(const char *s, char out[8]);
/* House number: 1-5 digits, optionally a letter and/or an addition. */
int	 mp_valid_housenumber(const char *s);
/* YYYY-MM-DD, a real calendar date; fills *tm (date fields only). */
int	 mp_valid_date(const char *s, struct tm *tm);
/*
 * A date as a Dutch user types it: dd-mm-jjjj (day and month of one or
 * two digits) or jjjj-mm-dd, spaces around allowed; a real calendar
 * date.  On success writes the ISO form "YYYY-MM-DD" to out (11 bytes)
 * and fills *tm as mp_valid_date.  The one parser of the report forms
 * (public and the handler's new report, lib/report.c).
 */
int	 mp_valid_date_nl(const char *s, char out[11], struct tm *tm);
/* HH:MM, 00:00 to 23:59; fills tm_hour, tm_min. */
int	 mp_valid_time(const char *s, struct tm *tm);
/* An e-mail address: one @, sane local part and domain, <= 254 bytes. */
int	 mp_valid_email(const char *s);
/* A phone number: optional leading +, digits, spaces, -, (); 6-20 digits. */
int	 mp_valid_phone(const char *s);
/* A slug: 1-32 of [a-z0-9-], not starting with -. */
int	 mp_valid_slug(const char *s);

#endif
