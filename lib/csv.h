/*
 * csv.h -- writing CSV for spreadsheets (RFC 4180): a field is quoted
 * when it holds the separator, a quote, CR or LF, quotes are doubled,
 * rows end in CRLF.  A text field that starts with =, +, -, @, a tab or
 * a CR gets a leading apostrophe, so that a spreadsheet shows it as
 * text instead of running it as a formula (CSV injection).  Output
 * goes through a small buffer to a write callback, so a caller can
 * stream any number of rows in constant memory.
 */
#ifndef MP_CSV_H
#define MP_CSV_H

#include <stddef.h>

#include "errcode.h"

/* Receives output; an error stops the writer (it is kept in err). */
typedef enum mp_err (*mp_csv_write_fn)(void *arg, const void *, size_t);

#define MP_CSV_BUFSZ	8192

/* Members are private: use the functions. */
struct mp_csv {
	mp_csv_write_fn	 write;
	void		*arg;
	char		 sep;
	size_t		 nfield;	/* fields so far in this row */
	size_t		 len;
	enum mp_err	 err;		/* the first error; sticky */
	char		 buf[MP_CSV_BUFSZ];
};

/* Start a writer with separator sep (';' or ','); writes nothing. */
void		 mp_csv_init(struct mp_csv *, char sep, mp_csv_write_fn,
		    void *arg);
/* The UTF-8 byte order mark, for Excel; call first. */
enum mp_err	 mp_csv_bom(struct mp_csv *);
/* A text field (NULL: empty), neutralised and quoted as needed. */
enum mp_err	 mp_csv_field(struct mp_csv *, const char *);
enum mp_err	 mp_csv_fieldn(struct mp_csv *, const char *, size_t);
/* A number, written as it is (never neutralised). */
enum mp_err	 mp_csv_int(struct mp_csv *, long long);
/* Tenths as "2,5" under ';', "2.5" under ','; "4" when whole. */
enum mp_err	 mp_csv_tenths(struct mp_csv *, long long tenths);
/* End the row (CRLF). */
enum mp_err	 mp_csv_endrow(struct mp_csv *);
/* Hand what is buffered to the callback; returns the sticky error. */
enum mp_err	 mp_csv_flush(struct mp_csv *);

#endif
