/*
 * spool.c -- reports kept on local disk while the database cannot be
 * reached, so that no report is lost.  A spooled report is serialised
 * as tagged records, sealed under MP_KEY_SPOOL (bound to its file name)
 * and made durable before the reporter sees a receipt: written to a
 * temporary file, fsync'd, linked to its final name (which fails if the
 * same submission is spooled already) and the directory fsync'd.
 * Draining stores each file through the intake's own path; the report's
 * unique submission id makes a second store of the same file a no-op,
 * so a drain that dies between commit and unlink loses and duplicates
 * nothing.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "crypto.h"
#include "errcode.h"
#include "formtoken.h"
#include "i18n.h"
#include "image.h"
#include "keys.h"
#include "log.h"
#include "question.h"
#include "report.h"
#include "spool.h"

#define SPOOL_MAGIC	"MPSPOOL1"
#define SPOOL_MAX	(80 * 1024 * 1024)	/* > 5 files of 10 MiB */
#define NONCE_HEX	(MP_FORMTOKEN_NONCE * 2)

enum tag {
	TAG_AUDIENCE = 0x40,
	TAG_SIGNAL_TYPE,
	TAG_CHANNEL,
	TAG_ANONYMOUS,
	TAG_POSTCODE,
	TAG_RECEIVED,
	TAG_SUBMISSION,
	TAG_CODE_HASH,
	TAG_REFERENCE,
	TAG_ATT_NAME = 0x50,
	TAG_ATT_TYPE,
	TAG_ATT_DATA,
	/* An answer (issue 17): "id position kind", its label, its value. */
	TAG_ANS_QUESTION = 0x60,
	TAG_ANS_LABEL,
	TAG_ANS_VALUE,
	/*
	 * The report's language (issue 17, sql/051), when not Dutch: a
	 * file without it (Dutch, or spooled before it existed) replays
	 * as Dutch.
	 */
	TAG_LANG = 0x70
};

/*
 * A record being written: its buffer and its first error, after which
 * every put does nothing, as a view keeps its first error (tmpl.h).
 * struct mp_buf itself does not keep one: its callers may go on after
 * a refused add (lib/req.c drops a file part that grew too large).
 */
struct rec {
	struct mp_buf	*b;
	enum mp_err	 er;
};

static void
put(struct rec *w, int tag, const void *p, size_t len)
{
	unsigned char	 hdr[5];

	if (w->er != MP_OK)
		return;
	if (len > UINT32_MAX) {
		w->er = MP_ETOOBIG;
		return;
	}
	hdr[0] = (unsigned char)tag;
	hdr[1] = (unsigned char)(len >> 24);
	hdr[2] = (unsigned char)(len >> 16);
	hdr[3] = (unsigned char)(len >> 8);
	hdr[4] = (unsigned char)len;
	if ((w->er = mp_buf_add(w->b, hdr, sizeof(hdr))) == MP_OK)
		w->er = mp_buf_add(w->b, p, len);
}

static void
putstr(struct rec *w, int tag, const char *s)
{

	put(w, tag, s, strlen(s));
}

static void
putint(struct rec *w, int tag, long long v)
{
	char	 num[32];

	(void)snprintf(num, sizeof(num), "%lld", v);
	putstr(w, tag, num);
}

static enum mp_err
serialise(const struct mp_report *r, struct mp_buf *b)
{
	struct rec	 w;
	char		 num[64];
	size_t		 i;

	w.b = b;
	w.er = mp_buf_addstr(b, SPOOL_MAGIC);
	for (i = 0; i < RF_ATTACHMENTS; i++)
		putstr(&w, (int)i, r->val[i] == NULL ? "" : r->val[i]);
	putint(&w, TAG_AUDIENCE, r->audience_id);
	putint(&w, TAG_SIGNAL_TYPE, r->signal_type_id);
	putstr(&w, TAG_CHANNEL, r->channel);
	putint(&w, TAG_ANONYMOUS, r->anonymous);
	putstr(&w, TAG_POSTCODE, r->postcode);
	putint(&w, TAG_RECEIVED, (long long)r->received);
	put(&w, TAG_SUBMISSION, r->submission, MP_FORMTOKEN_NONCE);
	put(&w, TAG_CODE_HASH, r->code_hash, MP_SHA256_LEN);
	putstr(&w, TAG_REFERENCE, r->reference);
	for (i = 0; i < r->natt; i++) {
		putstr(&w, TAG_ATT_NAME, r->att[i].filename);
		putint(&w, TAG_ATT_TYPE, r->att[i].type);
		put(&w, TAG_ATT_DATA, r->att[i].data, r->att[i].size);
	}
	for (i = 0; i < r->nans; i++) {
		(void)snprintf(num, sizeof(num), "%lld %d %d",
		    r->ans[i].question_id, r->ans[i].position,
		    (int)r->ans[i].kind);
		putstr(&w, TAG_ANS_QUESTION, num);
		putstr(&w, TAG_ANS_LABEL, r->ans[i].label);
		putstr(&w, TAG_ANS_VALUE, r->ans[i].value);
	}
	if (r->lang != NULL && strcmp(r->lang, "nl") != 0)
		putstr(&w, TAG_LANG, r->lang);
	return w.er;
}

static long long
toint(const unsigned char *p, size_t len)
{
	char	 num[32];

	if (len == 0 || len >= sizeof(num))
		return -1;
	memcpy(num, p, len);
	num[len] = '\0';
	return strtoll(num, NULL, 10);
}

/* A new answer of r from its record "id position kind"; NULL if bad. */
static struct mp_answer *
answer_add(struct mp_report *r, const unsigned char *v, size_t vlen)
{
	struct mp_answer	*na, *a;
	char			 num[64];
	long long		 id;
	int			 pos, kind;

	if (vlen == 0 || vlen >= sizeof(num) || r->nans >= 64)
		return NULL;
	memcpy(num, v, vlen);
	num[vlen] = '\0';
	if (sscanf(num, "%lld %d %d", &id, &pos, &kind) != 3 || id <= 0 ||
	    kind < 0 || kind >= MP_Q__MAX)
		return NULL;
	na = mp_alloc_reallocarray(r->ans, r->nans + 1, sizeof(*na));
	if (na == NULL)
		return NULL;
	r->ans = na;
	a = &na[r->nans++];
	memset(a, 0, sizeof(*a));
	a->question_id = id;
	a->position = pos;
	a->kind = (enum mp_qkind)kind;
	return a;
}

/*
 * The shipped language named by a TAG_LANG record, as the static code
 * r->lang holds; NULL (Dutch) for one meldpunt no longer ships: the
 * report is stored all the same.
 */
static const char *
spool_lang(const unsigned char *v, size_t vlen)
{
	size_t	 i;

	for (i = 0; mp_i18n_shipped[i] != NULL; i++)
		if (strlen(mp_i18n_shipped[i]) == vlen &&
		    memcmp(mp_i18n_shipped[i], v, vlen) == 0)
			return mp_i18n_shipped[i];
	return NULL;
}

/*
 * Rebuild a report from plain (which must outlive r: attachment data
 * points into it).  MP_EINVAL when the records are not well-formed.
 *
 * A parser whose length is its format: one case per record tag, so the
 * switch reads as the table of the spool format, next to the bounds
 * each tag must keep.  It is fuzzed (fuzz/) as it stands; splitting the
 * switch would only scatter that table.
 * long: one case per record tag, the table of the spool format.
 */
static enum mp_err
deserialise(struct mp_report *r, const unsigned char *plain, size_t len)
{
	struct mp_attachment	*na, *a = NULL;
	struct mp_answer	*ans = NULL;
	const unsigned char	*p = plain, *end = plain + len, *v;
	char			**s;
	size_t			 vlen, i, ml = strlen(SPOOL_MAGIC);
	int			 tag;

	if (len < ml || memcmp(p, SPOOL_MAGIC, ml) != 0)
		return MP_EINVAL;
	for (p += ml; p < end; p += vlen) {
		if (end - p < 5)
			return MP_EINVAL;
		tag = p[0];
		vlen = (size_t)p[1] << 24 | (size_t)p[2] << 16 |
		    (size_t)p[3] << 8 | p[4];
		p += 5;
		if ((size_t)(end - p) < vlen)
			return MP_EINVAL;
		v = p;
		if (tag < RF_ATTACHMENTS) {
			free(r->val[tag]);
			if ((r->val[tag] = mp_alloc_memdup0(v, vlen)) == NULL)
				return MP_ENOMEM;
			continue;
		}
		switch (tag) {
		case TAG_AUDIENCE:
			r->audience_id = toint(v, vlen);
			break;
		case TAG_SIGNAL_TYPE:
			r->signal_type_id = toint(v, vlen);
			break;
		case TAG_CHANNEL:
			/* Only the known channels; the schema checks too. */
			r->channel = vlen == 8 && memcmp(v, "intranet", 8) ==
			    0 ? "intranet" : "web";
			break;
		case TAG_ANONYMOUS:
			r->anonymous = toint(v, vlen) != 0;
			break;
		case TAG_POSTCODE:
			if (vlen >= sizeof(r->postcode))
				return MP_EINVAL;
			memcpy(r->postcode, v, vlen);
			r->postcode[vlen] = '\0';
			break;
		case TAG_RECEIVED:
			r->received = (time_t)toint(v, vlen);
			break;
		case TAG_SUBMISSION:
			if (vlen != MP_FORMTOKEN_NONCE)
				return MP_EINVAL;
			memcpy(r->submission, v, vlen);
			r->has_submission = 1;
			break;
		case TAG_CODE_HASH:
			if (vlen != MP_SHA256_LEN)
				return MP_EINVAL;
			memcpy(r->code_hash, v, vlen);
			break;
		case TAG_REFERENCE:
			if (vlen >= sizeof(r->reference))
				return MP_EINVAL;
			memcpy(r->reference, v, vlen);
			r->reference[vlen] = '\0';
			break;
		case TAG_ATT_NAME:
			na = mp_alloc_reallocarray(r->att, r->natt + 1,
			    sizeof(*na));
			if (na == NULL)
				return MP_ENOMEM;
			r->att = na;
			a = &na[r->natt++];
			memset(a, 0, sizeof(*a));
			if ((a->filename = mp_alloc_memdup0(v, vlen)) == NULL)
				return MP_ENOMEM;
			break;
		case TAG_ATT_TYPE:
			if (a == NULL)
				return MP_EINVAL;
			a->type = (enum mp_filetype)toint(v, vlen);
			break;
		case TAG_ATT_DATA:
			if (a == NULL)
				return MP_EINVAL;
			a->data = v;
			a->size = vlen;
			mp_crypto_sha256(a->sha256, v, vlen);
			break;
		case TAG_ANS_QUESTION:
			if ((ans = answer_add(r, v, vlen)) == NULL)
				return MP_EINVAL;
			break;
		case TAG_ANS_LABEL:
		case TAG_ANS_VALUE:
			if (ans == NULL)
				return MP_EINVAL;
			s = tag == TAG_ANS_LABEL ? &ans->label : &ans->value;
			free(*s);
			if ((*s = mp_alloc_memdup0(v, vlen)) == NULL)
				return MP_ENOMEM;
			break;
		case TAG_LANG:
			r->lang = spool_lang(v, vlen);
			break;
		default:
			return MP_EINVAL;
		}
	}
	for (i = 0; i < r->nans; i++)
		if (r->ans[i].label == NULL || r->ans[i].value == NULL)
			return MP_EINVAL;
	for (tag = 0; tag < RF_ATTACHMENTS; tag++)
		if (r->val[tag] == NULL)
			return MP_EINVAL;
	if (!r->has_submission || r->reference[0] == '\0' ||
	    r->channel == NULL || r->audience_id <= 0 ||
	    r->signal_type_id <= 0)
		return MP_EINVAL;
	r->spooled = 1;
	return MP_OK;
}

/*
 * Pictures in a file spooled by a version that kept them as sent are
 * cleaned now, before they are stored (lib/image.c); a clean picture
 * cleans to the same bytes.  One that cannot be cleaned is left out,
 * with a log line: a report without it beats a photo with its owner's
 * GPS position.  MP_ENOMEM only.
 */
static enum mp_err
reclean(struct mp_report *r)
{
	struct mp_attachment	*a;
	unsigned char		*out;
	size_t			 i, j, outlen;
	enum mp_err		 er;
	const char		*why = NULL;

	for (i = j = 0; i < r->natt; i++) {
		a = &r->att[i];
		if (a->type != MP_FILE_JPEG && a->type != MP_FILE_PNG) {
			r->att[j++] = *a;
			continue;
		}
		if (a->type == MP_FILE_JPEG)
			er = mp_image_clean_jpeg(a->data, a->size, &out,
			    &outlen, &why);
		else
			er = mp_image_clean_png(a->data, a->size, &out,
			    &outlen, &why);
		if (er == MP_ENOMEM) {
			for (; i < r->natt; i++)
				r->att[j++] = r->att[i];
			r->natt = j;
			return er;
		}
		if (er != MP_OK) {
			mp_warnx("%s: a spooled picture left out: %s",
			    __func__, why);
			free(a->filename);
			free(a->clean);
			continue;
		}
		free(a->clean);
		a->clean = out;
		a->data = out;
		a->size = outlen;
		mp_crypto_sha256(a->sha256, a->data, a->size);
		r->att[j++] = *a;
	}
	r->natt = j;
	return MP_OK;
}

static enum mp_err
fsync_dir(const char *dir)
{
	int	 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		mp_errx("%s: %s: %s", __func__, dir, strerror(errno));
		return MP_ESYS;
	}
	if (fsync(fd) == -1) {
		mp_errx("%s: fsync %s: %s", __func__, dir, strerror(errno));
		(void)close(fd);
		return MP_ESYS;
	}
	(void)close(fd);
	return MP_OK;
}

static enum mp_err
write_all(int fd, const unsigned char *p, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return MP_ESYS;
		}
		p += n;
		len -= (size_t)n;
	}
	return MP_OK;
}

int
mp_spool_has(const char *dir, const unsigned char *nonce)
{
	char		 hex[NONCE_HEX + 1], path[4096];
	struct stat	 sb;

	mp_crypto_hex(hex, nonce, MP_FORMTOKEN_NONCE);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s.rpt", dir, hex) >=
	    sizeof(path))
		return 0;
	return stat(path, &sb) == 0;
}

enum mp_err
mp_spool_write(const char *dir, const struct mp_keys *keys,
    struct mp_report *r)
{
	struct mp_buf	 plain;
	unsigned char	*box = NULL, rnd[5];
	size_t		 boxlen = 0;
	char		 hex[NONCE_HEX + 1], tmp[4096], final[4096], b32[16];
	struct tm	 tm;
	enum mp_err	 er;
	int		 fd = -1, linked = 0;

	mp_buf_init(&plain, SPOOL_MAX);
	mp_crypto_hex(hex, r->submission, MP_FORMTOKEN_NONCE);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s/.tmp-%s-%ld", dir, hex,
	    (long)getpid()) >= sizeof(tmp) ||
	    (size_t)snprintf(final, sizeof(final), "%s/%s.rpt", dir, hex) >=
	    sizeof(final)) {
		er = MP_ECONF;
		goto out;
	}
	/* 40 random bits: spooled reports are few, and the unique key on
	 * reference would still refuse a collision when draining. */
	if ((er = mp_crypto_random(rnd, sizeof(rnd))) != MP_OK)
		goto out;
	mp_crypto_b32(b32, rnd, sizeof(rnd));
	if (localtime_r(&r->received, &tm) == NULL) {
		er = MP_ESYS;
		goto out;
	}
	(void)snprintf(r->reference, sizeof(r->reference), "M-%04d-S%.8s",
	    tm.tm_year + 1900, b32);
	r->spooled = 1;
	if ((er = serialise(r, &plain)) != MP_OK)
		goto out;
	if ((er = mp_crypto_seal(mp_key(keys, MP_KEY_SPOOL), hex, NONCE_HEX,
	    mp_buf_str(&plain), mp_buf_len(&plain), &box, &boxlen)) != MP_OK)
		goto out;
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1) {
		mp_errx("%s: %s: %s", __func__, tmp, strerror(errno));
		er = MP_ESYS;
		goto out;
	}
	if (write_all(fd, box, boxlen) != MP_OK || fsync(fd) == -1) {
		mp_errx("%s: write %s: %s", __func__, tmp, strerror(errno));
		er = MP_ESYS;
		goto out;
	}
	if (close(fd) == -1) {
		fd = -1;
		mp_errx("%s: close %s: %s", __func__, tmp, strerror(errno));
		er = MP_ESYS;
		goto out;
	}
	fd = -1;
	/* link(2) refuses an existing name, unlike rename(2). */
	if (link(tmp, final) == -1) {
		er = errno == EEXIST ? MP_EDUP : MP_ESYS;
		if (er == MP_ESYS)
			mp_errx("%s: link %s: %s", __func__, final,
			    strerror(errno));
		goto out;
	}
	linked = 1;
	er = fsync_dir(dir);
out:
	if (fd != -1)
		(void)close(fd);
	(void)unlink(tmp);
	if (er != MP_OK && !linked)
		r->spooled = 0;
	/* Without its reference: the log's time and the reference
	 * together would tie a reporter's visit to the report. */
	if (er == MP_OK)
		mp_infox("%s: a report was spooled", __func__);
	mp_buf_freezero(&plain);
	free(box);
	return er;
}

/* Read a whole file of at most max bytes. */
static enum mp_err
read_file(const char *path, struct mp_buf *b)
{
	char	 chunk[65536];
	ssize_t	 n;
	int	 fd;
	enum mp_err er = MP_OK;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return errno == ENOENT ? MP_ENOTFOUND : MP_ESYS;
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		if ((er = mp_buf_add(b, chunk, (size_t)n)) != MP_OK)
			break;
	if (n == -1)
		er = MP_ESYS;
	(void)close(fd);
	return er;
}

static int
is_spool_name(const char *name)
{
	size_t	 i;

	for (i = 0; i < NONCE_HEX; i++)
		if (!((name[i] >= '0' && name[i] <= '9') ||
		    (name[i] >= 'a' && name[i] <= 'f')))
			return 0;
	return strcmp(name + NONCE_HEX, ".rpt") == 0;
}

/* Store one spool file; MP_OK when it is stored (now or before). */
static enum mp_err
drain_one(const char *dir, const char *name, struct mp_db *db,
    const struct mp_keys *keys, size_t subject_max)
{
	struct mp_buf		 file;
	struct mp_report	 r;
	unsigned char		*plain = NULL;
	size_t			 plainlen = 0;
	char			 path[4096], bad[4200];
	enum mp_err		 er;

	mp_report_init(&r);
	mp_buf_init(&file, SPOOL_MAX + MP_SEAL_OVERHEAD);
	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((er = read_file(path, &file)) != MP_OK)
		goto out;
	er = mp_crypto_open(mp_key(keys, MP_KEY_SPOOL), name, NONCE_HEX,
	    (const unsigned char *)mp_buf_str(&file), mp_buf_len(&file),
	    &plain, &plainlen);
	if (er == MP_OK)
		er = deserialise(&r, plain, plainlen);
	if (er == MP_ECRYPTO || er == MP_EINVAL) {
		/* Keep it for a person to look at, out of the drain's way. */
		(void)snprintf(bad, sizeof(bad), "%s.bad", path);
		mp_errx("%s: %s cannot be read (%s); moved to %s", __func__,
		    name, mp_err_str(er), bad);
		(void)rename(path, bad);
		goto out;
	}
	if (er != MP_OK || (er = reclean(&r)) != MP_OK)
		goto out;
	/* Not in the file: the drainer's configuration, not the intake's. */
	r.subject_max = subject_max;
	er = mp_report_store(db, keys, &r, NULL, NULL);
	if (er == MP_EDUP)
		er = MP_OK;	/* stored by an earlier drain */
	if (er != MP_OK)
		goto out;
	if (unlink(path) == -1 && errno != ENOENT) {
		mp_errx("%s: unlink %s: %s", __func__, path, strerror(errno));
		er = MP_ESYS;
		goto out;
	}
	er = fsync_dir(dir);
	mp_infox("%s: a spooled report was stored", __func__);
out:
	mp_report_free(&r);
	mp_alloc_freezero(plain, plainlen);
	mp_buf_freezero(&file);
	return er;
}

enum mp_err
mp_spool_drain(const char *dir, struct mp_db *db, const struct mp_keys *keys,
    size_t subject_max, long *stored, long *failed)
{
	DIR		*d;
	struct dirent	*de;
	enum mp_err	 er = MP_OK, one;
	long		 ok = 0, bad = 0;

	if ((d = opendir(dir)) == NULL) {
		mp_errx("%s: %s: %s", __func__, dir, strerror(errno));
		return MP_ESYS;
	}
	while ((de = readdir(d)) != NULL) {
		if (!is_spool_name(de->d_name))
			continue;
		one = drain_one(dir, de->d_name, db, keys, subject_max);
		if (one == MP_OK)
			ok++;
		else if (one == MP_EDBDOWN || one == MP_EDBTRANS) {
			er = one;
			break;
		} else if (one != MP_ENOTFOUND)
			bad++;	/* another drainer took it: not a failure */
	}
	(void)closedir(d);
	if (stored != NULL)
		*stored = ok;
	if (failed != NULL)
		*failed = bad;
	return er;
}

enum mp_err
mp_spool_stat(const char *dir, struct mp_spool_stat *st)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	char		 path[4096];
	size_t		 len;

	memset(st, 0, sizeof(*st));
	if ((d = opendir(dir)) == NULL)
		return MP_ESYS;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len > 4 && strcmp(de->d_name + len - 4, ".bad") == 0) {
			st->bad++;
			continue;
		}
		if (!is_spool_name(de->d_name))
			continue;
		/* A file drained between readdir and stat is gone: skip. */
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    de->d_name) >= sizeof(path) || stat(path, &sb) == -1)
			continue;
		st->files++;
		st->bytes += (long long)sb.st_size;
		if (st->oldest == 0 || sb.st_mtime < st->oldest)
			st->oldest = sb.st_mtime;
	}
	(void)closedir(d);
	return MP_OK;
}
