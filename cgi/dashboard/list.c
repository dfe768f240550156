/*
 * list.c -- the work list: reports the user may see, newest
 * first, 50 a page, with filters on status, signal type, team,
 * handler, audience, channel, date range and a text search, counts per
 * status, markers for reports that wait too long and for replies of
 * the reporter that nobody has read.
 *
 * SQL is never assembled per request (the visibility rule is put into
 * the templates once, at start-up: lib/sqltext.h): each filter is
 * "(? IS NULL OR col = ?)" with the value bound twice, and MariaDB,
 * which optimises a prepared statement anew for each execution with
 * its values, drops the unused ones and picks the index of the ones
 * given.  The text search has a statement of its own, since MATCH
 * needs its FULLTEXT index; it finds reports by their description,
 * street and city, and by their answers to the follow-up questions
 * (issue 17).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "dashboard.h"

#define PER_PAGE	50
#define MAX_PAGE	2000

enum stmt {
	STMT_LIST,
	STMT_LIST_TEXT,
	STMT_LIST_TEAMS,
	STMT_LIST_TEXT_TEAMS,
	STMT_LIST_TEAM_NONE,		/* one team, by index: see below */
	STMT_LIST_TEAM_STATUS,
	STMT_LIST_TEAM_TYPE,
	STMT_LIST_TEAM_AUDIENCE,
	STMT_LIST_TEAM_CHANNEL,
	STMT_FIRST_TEAM_NONE,		/* the same, first page: see below */
	STMT_FIRST_TEAM_STATUS,
	STMT_FIRST_TEAM_TYPE,
	STMT_FIRST_TEAM_AUDIENCE,
	STMT_FIRST_TEAM_CHANNEL,
	STMT_COUNTS_ALL,
	STMT_COUNTS_TEAMS,
	STMT_LIST_WORDS,		/* an answer holds q: LIST_WORDS */
	STMT_LIST_WORDS_TEAMS,
	STMT_LIST_SUBJECT,		/* q is a subject too: LIST_HITS */
	STMT_LIST_SUBJECT_TEAMS,
	STMT_SCAN,			/* the newest-first scan: list_scan */
	STMT_SCAN_TEAMS,
	STMT_LIST_IDS,			/* the page the scan found */
	STMT_LIST_IDS_TEAMS,
	STMT_SCAN_ANSWERS,		/* the scan's answers half */
	STMT_SCAN_ANSWERS_TEAMS,
	STMT_LIST_SUBJECT_ONLY,		/* a subject without words: ONLY */
	STMT_LIST_SUBJECT_ONLY_TEAMS,
	STMT__MAX
};

/*
 * The page is chosen from report alone, in a derived table, and only
 * its rows are joined to the names.  With the joins in the same
 * SELECT, MariaDB put the small tables first (or buffered a join) and
 * sorted every matching report -- 100,000 of a million for one filter,
 * over a second -- before taking 50; alone, it walks the index of the
 * filter given backwards and stops after the page (EXPLAIN in
 * bench/results/dashboard-explain.txt).
 */
#define LIST_COLS_NOSELECT \
	" r.id, r.reference, r.status, UNIX_TIMESTAMP(r.received_at)," \
	" r.taken_at IS NULL, st.name, COALESCE(t.name, '')," \
	" COALESCE(u.display_name, ''), r.channel, LEFT(r.description, 140)," \
	" r.street, r.city, r.unread_replies"
/* LIST_COLS_NOSELECT's columns, in every STMT_LIST* and STMT_FIRST*. */
enum list_col {
	LC_ID, LC_REFERENCE, LC_STATUS, LC_RECEIVED, LC_NOT_TAKEN, LC_TYPE,
	LC_TEAM, LC_HANDLER, LC_CHANNEL, LC_SUMMARY, LC_STREET, LC_CITY,
	LC_UNREAD
};
#define LIST_COLS	"SELECT" LIST_COLS_NOSELECT
/* The names joined to a page's reports, and the list's order. */
#define LIST_JOINS \
	" JOIN signal_type st ON st.id = r.signal_type_id" \
	" LEFT JOIN team t ON t.id = r.team_id" \
	" LEFT JOIN app_user u ON u.id = r.handler_id"
#define LIST_SORT	" ORDER BY r.received_at DESC, r.id DESC"
#define LIST_HEAD	LIST_COLS " FROM (SELECT r.id FROM report r WHERE "
/*
 * The list of a user of one team with one filter (or none), the common
 * case by far, names its index.  MariaDB found the same index by
 * itself, but it plans a prepared statement anew at each execution and
 * weighed some fifteen candidate indexes each time: half of the 0.6 to
 * 1 ms the page query took in the server (bench/results/
 * dashboard-explain.txt).  The hint changes only the plan; the WHERE
 * is the same as STMT_LIST_TEAMS's, so the rows are too.
 */
#define LIST_HEAD_INDEX(ix) \
	LIST_COLS " FROM (SELECT r.id FROM report r FORCE INDEX (" ix ")" \
	" WHERE "
#define LIST_TEAM(ix) \
	LIST_HEAD_INDEX(ix) "{in_teams}" LIST_FILTERS LIST_ORDER
/*
 * And its first page, which is most of what is asked, in one flat
 * SELECT: with the index named and report first (STRAIGHT_JOIN) the
 * index gives the order and MariaDB stops after 51 rows, without the
 * derived table's temporary table and sort of 51 rows (0.30 against
 * 0.40 ms a query, client included).  Not for later pages: an OFFSET
 * would read every skipped report in full, where the derived table
 * skips index entries only.
 */
#define LIST_FIRST(ix) \
	"SELECT STRAIGHT_JOIN" LIST_COLS_NOSELECT \
	" FROM report r FORCE INDEX (" ix ")" LIST_JOINS \
	" WHERE {in_teams}" LIST_FILTERS \
	LIST_SORT " LIMIT ? OFFSET ?"
#define LIST_PAGE	LIST_HEAD "{visible}"
/*
 * For a user of a few teams, the teams as values (access.h): the page
 * then comes from an index that starts with team_id (002, 007) and
 * reads 51 entries, not the 8 x 51 or more of checking each row.
 */
#define LIST_PAGE_TEAMS	LIST_HEAD "{in_teams}"

/*
 * The filters, each "(? IS NULL OR ...)" with its value bound twice
 * (filter_pairs), and the text search: the list's, and the CSV
 * export's through dash_list_sql_filters and dash_list_sql_text.
 */
#define LIST_FILTERS \
	" AND (? IS NULL OR r.status = ?)" \
	" AND (? IS NULL OR r.signal_type_id = ?)" \
	" AND (? IS NULL OR r.team_id = ?)" \
	" AND (? IS NULL OR r.handler_id = ?)" \
	" AND (? IS NULL OR r.audience_id = ?)" \
	" AND (? IS NULL OR r.channel = ?)" \
	" AND (? IS NULL OR r.received_at >= ?)" \
	" AND (? IS NULL OR r.received_at < ? + INTERVAL 1 DAY)"
#define LIST_FILTER_VALUES	16	/* LIST_FILTERS's placeholders */
#define LIST_TEXT \
	" AND MATCH (r.description, r.street, r.city) AGAINST" \
	" (? IN BOOLEAN MODE)"

/*
 * The text search when an answer to a follow-up question holds the
 * words too (issue 17; dash_filter_answers found one): the reports
 * whose description, street and city hold them (the FULLTEXT index
 * report_text), and those whose answers hold them (lib/question.c's
 * fragment, report_answer_text's FULLTEXT index, sql/060), in
 * one derived table that the visibility rule and the filters then
 * narrow.  Each half reads its own index; a UNION in a derived table,
 * not an OR in the WHERE, which would leave MariaDB no index for
 * either (as the subject half below).  Every word must be in one half:
 * the report's text, or its answers ("+nacht* +busjes*" does not find a
 * report with "nacht" in its description and "busjes" in an answer).
 * Without an answer that holds the words, LIST_TEXT answers as before:
 * the UNION's derived table of every match cost 1.6 to 1.9 times
 * LIST_TEXT's time for a word in one report in six (docs/
 * architecture.md, "Answers in the work list's search").  Its
 * parameters, the words twice, come before the WHERE's: hit_params.
 *
 * When q is also a subject (dash_filter's subj, issue 13: a plate, a
 * postcode and number, a KvK number, an IBAN, a phone number, an
 * e-mail address), LIST_HITS adds the reports linked to the subject
 * in its normal form, confirmed or not (lib/subject.c's fragment).
 * The words stay in: "Hoofdstraat 12" is an address and words of a
 * description alike, and a search that found a report before must
 * find it still.  Each side reads its own index (FULLTEXT; subject_norm,
 * then report_subject_subject), as a text search alone does.
 */
#define LIST_WORDS_UNION \
	" (SELECT f.id FROM report f" \
	" WHERE MATCH (f.description, f.street, f.city) AGAINST" \
	" (? IN BOOLEAN MODE) UNION {answer_reports}"
#define LIST_WORDS \
	LIST_WORDS_UNION ") hit JOIN report r ON r.id = hit.id"
#define LIST_HITS \
	LIST_WORDS_UNION " UNION {subject_reports}) hit" \
	" JOIN report r ON r.id = hit.id"
/*
 * A subject search whose words half could find nothing (hit_words):
 * the subject half alone, without the two empty FULLTEXT halves that
 * MariaDB would still plan and open at every execution (bench/
 * dashboard run 10: three searches in four are plates with dashes or
 * postcodes and numbers).  DISTINCT as LIST_HITS's UNION: a report
 * may hold two of the subjects q reads as.
 */
#define LIST_SUBJECT_ONLY \
	" (SELECT DISTINCT h.report_id AS id FROM ({subject_reports}) h)" \
	" hit JOIN report r ON r.id = hit.id"
#define LIST_SEARCH(hits, vis) \
	LIST_COLS " FROM (SELECT r.id FROM" hits " WHERE " vis \
	LIST_FILTERS LIST_ORDER

/*
 * The newest-first scan of a text search (list_scan, issue 13): the
 * newest K reports the user may see that pass the filters, by the same
 * derived table as the plain list (it walks the received_at index and
 * stops after K), and of those the ones that hold every word somewhere
 * in the three columns: LIKE '%word%', a superset of the FULLTEXT
 * query's prefix match (the collation folds case and accents as the
 * index does), which C then narrows to the exact rule
 * (dash_words_match).  Eight words at most (boolean_query), each
 * "(? IS NULL OR ...)" bound twice like the filters.
 */
#define SCAN_LIKE \
	" AND (? IS NULL OR CONCAT_WS(' ', r.description, r.street, r.city)" \
	" LIKE ? ESCAPE '!')"
#define SCAN_LIKE2	SCAN_LIKE SCAN_LIKE
#define SCAN_LIKE8	SCAN_LIKE2 SCAN_LIKE2 SCAN_LIKE2 SCAN_LIKE2
#define LIST_SCAN(vis) \
	"SELECT r.id, r.description, r.street, r.city," SCAN_AT \
	" FROM (SELECT r.id" \
	" FROM report r WHERE " vis LIST_FILTERS LIST_SORT " LIMIT ?) k" \
	" JOIN report r ON r.id = k.id WHERE 1 = 1" SCAN_LIKE8 LIST_SORT
/*
 * A report's place in the list's order as text that sorts as
 * received_at does (fixed width, microseconds included): for merging
 * the scan's matches with its answers half's (scan_merge).
 */
#define SCAN_AT	" DATE_FORMAT(r.received_at, '%Y%m%d%H%i%s%f')"
/* LIST_SCAN's columns. */
enum scan_col { SC_ID, SC_DESCRIPTION, SC_STREET, SC_CITY, SC_AT };
/*
 * The scan's answers half (issue 17): the newest reports the user may
 * see that pass the filters with an answer that holds the words, by
 * report_answer_text's FULLTEXT index (LIST_WORDS's answers half); the
 * scan's own matches are by the report's text only.  Its columns are
 * SC_ID and SC_AT's: 0 and 1.
 */
#define LIST_SCAN_ANSWERS(vis) \
	"SELECT r.id," SCAN_AT " FROM (SELECT DISTINCT h.id FROM" \
	" ({answer_reports}) h) hit JOIN report r ON r.id = hit.id" \
	" WHERE " vis LIST_FILTERS LIST_SORT " LIMIT ?"
#define SA_AT	1
/*
 * The page the scan found, by id (PER_PAGE + 1 of them), with the
 * visibility rule again: a report moved to another team since the
 * scan read it is not shown.
 */
#define IDS5	"?, ?, ?, ?, ?, "
#define IDS50	IDS5 IDS5 IDS5 IDS5 IDS5 IDS5 IDS5 IDS5 IDS5 IDS5
#define LIST_IDS(vis) \
	LIST_COLS " FROM report r" LIST_JOINS " WHERE r.id IN (" IDS50 "?)" \
	" AND " vis LIST_SORT

const char dash_list_sql_filters[] = LIST_FILTERS;
const char dash_list_sql_text[] = LIST_TEXT;
const char dash_list_sql_words[] = LIST_WORDS;
const char dash_list_sql_hits[] = LIST_HITS;
const char dash_list_sql_subject_only[] = LIST_SUBJECT_ONLY;

#define LIST_ORDER \
	LIST_SORT " LIMIT ? OFFSET ?) page" \
	" JOIN report r ON r.id = page.id" LIST_JOINS LIST_SORT

/* Templates (lib/sqltext.h), expanded at start-up (mp_dash_open). */
static const char *const stmts[STMT__MAX] = {
	/* STMT_LIST */
	LIST_PAGE LIST_FILTERS LIST_ORDER,
	/* STMT_LIST_TEXT */
	LIST_PAGE LIST_FILTERS LIST_TEXT LIST_ORDER,
	/* STMT_LIST_TEAMS */
	LIST_PAGE_TEAMS LIST_FILTERS LIST_ORDER,
	/* STMT_LIST_TEXT_TEAMS */
	LIST_PAGE_TEAMS LIST_FILTERS LIST_TEXT LIST_ORDER,
	/* STMT_LIST_TEAM_NONE ... STMT_LIST_TEAM_CHANNEL (002, 007) */
	LIST_TEAM("report_team"),
	LIST_TEAM("report_team_status"),
	LIST_TEAM("report_team_type"),
	LIST_TEAM("report_team_audience"),
	LIST_TEAM("report_team_channel"),
	/* STMT_FIRST_TEAM_NONE ... STMT_FIRST_TEAM_CHANNEL */
	LIST_FIRST("report_team"),
	LIST_FIRST("report_team_status"),
	LIST_FIRST("report_team_type"),
	LIST_FIRST("report_team_audience"),
	LIST_FIRST("report_team_channel"),
	/*
	 * STMT_COUNTS_ALL, STMT_COUNTS_TEAMS: from report_count, which
	 * triggers keep (sql/007_dashboard_perf.sql): a sum over a few
	 * dozen rows instead of a count over a million.  The visibility
	 * rule in its two cases; report_count has the team_id it needs.
	 */
	"SELECT r.status, SUM(r.n) FROM report_count r GROUP BY r.status",
	"SELECT r.status, SUM(r.n) FROM report_count r WHERE "
	"{teams} GROUP BY r.status",
	/* STMT_LIST_WORDS, STMT_LIST_WORDS_TEAMS */
	LIST_SEARCH(LIST_WORDS, "{visible}"),
	LIST_SEARCH(LIST_WORDS, "{in_teams}"),
	/* STMT_LIST_SUBJECT, STMT_LIST_SUBJECT_TEAMS */
	LIST_SEARCH(LIST_HITS, "{visible}"),
	LIST_SEARCH(LIST_HITS, "{in_teams}"),
	/* STMT_SCAN, STMT_SCAN_TEAMS, STMT_LIST_IDS, STMT_LIST_IDS_TEAMS */
	LIST_SCAN("{visible}"),
	LIST_SCAN("{in_teams}"),
	LIST_IDS("{visible}"),
	LIST_IDS("{in_teams}"),
	/* STMT_SCAN_ANSWERS, STMT_SCAN_ANSWERS_TEAMS */
	LIST_SCAN_ANSWERS("{visible}"),
	LIST_SCAN_ANSWERS("{in_teams}"),
	/* STMT_LIST_SUBJECT_ONLY, STMT_LIST_SUBJECT_ONLY_TEAMS */
	LIST_SEARCH(LIST_SUBJECT_ONLY, "{visible}"),
	LIST_SEARCH(LIST_SUBJECT_ONLY, "{in_teams}"),
};

/*
 * The visibility rule's cases (access.h), the reports of a subject
 * (subject.h) and of answers (question.h) the templates above name.
 */
static const struct mp_sqltext_part parts[] = {
	{ "visible", mp_access_sql_visible },
	{ "teams", mp_access_sql_teams },
	{ "in_teams", mp_access_sql_in_teams },
	{ "subject_reports", mp_subject_sql_search },
	{ "answer_reports", mp_question_sql_search },
	{ NULL, NULL }
};

struct mp_sqltext_set dash_list_sql = { stmts, STMT__MAX, parts, NULL };
#define SQL(s)	mp_sqltext_get(&dash_list_sql, (s))

/* The columns of STMT_COUNTS_ALL and STMT_COUNTS_TEAMS. */
enum count_col { CC_STATUS, CC_N };

static const char *const channels[] = {
	"web", "intranet", "telefoon", "email"
};


/*
 * The text search as a FULLTEXT boolean query: every word required, as
 * a prefix.  Only letters and digits pass (any byte >= 0x80 too, for
 * UTF-8 letters), so no operator of the boolean syntax can come in.
 */
static void
boolean_query(const char *q, char *out, size_t outsz)
{
	size_t	 o = 0, words = 0;
	int	 inword = 0;

	out[0] = '\0';
	for (; *q != '\0' && o + 4 < outsz; q++) {
		if (isalnum((unsigned char)*q) || (unsigned char)*q >= 0x80) {
			if (!inword) {
				if (words++ == 8)
					break;
				if (o > 0)
					out[o++] = ' ';
				out[o++] = '+';
				inword = 1;
			}
			out[o++] = *q;
		} else if (inword) {
			out[o++] = '*';
			inword = 0;
		}
	}
	if (inword)
		out[o++] = '*';
	out[o] = '\0';
}

/* Characters of UTF-8 text: its bytes but continuation bytes. */
static size_t
utf8_chars(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * The words of q as boolean_query makes them, for the newest-first
 * scan: each folded (mp_subject_fold: case, accents) for the exact
 * test, and as a LIKE pattern for the superset test.  0, no scan, the
 * FULLTEXT query answers, when a word does not fold to ASCII letter
 * for letter: nothing left (combining marks only), letters outside
 * Latin (whose case the fold keeps) or a letter that folds to two (ß,
 * æ), which LIKE, comparing letter by letter, might not find where
 * the index does.
 */
int
dash_words_read(const char *q, struct dash_words *w)
{
	char		 b[DASH_Q_MAX * 3];
	const char	*p, *e;
	size_t		 len;

	memset(w, 0, sizeof(*w));
	boolean_query(q, b, sizeof(b));
	for (p = b; *p != '\0' && w->n < DASH_WORDS_MAX; p = e) {
		p += strspn(p, "+* ");
		if ((len = strcspn(p, "+* ")) == 0)
			break;
		e = p + len;
		if (mp_subject_fold(p, len, w->fold[w->n],
		    sizeof(w->fold[0])) != MP_OK ||
		    strlen(w->fold[w->n]) != utf8_chars(p, len) ||
		    utf8_chars(w->fold[w->n], strlen(w->fold[w->n])) !=
		    strlen(w->fold[w->n]))
			return 0;
		dash_like_pattern(p, len, w->like[w->n], sizeof(w->like[0]));
		w->n++;
	}
	return w->n > 0;
}

/*
 * "%word%" for LIKE ... ESCAPE '!': "%", "_" and "!" in the word are
 * matched as themselves.  (Not "\", whose meaning in a literal
 * depends on sql_mode; here it is an ordinary character.)  Cut short,
 * still ending in "%", when out is too small.
 */
void
dash_like_pattern(const char *word, size_t len, char *out, size_t outsz)
{
	size_t	 o = 0, i;

	if (outsz < 3) {
		if (outsz > 0)
			out[0] = '\0';
		return;
	}
	out[o++] = '%';
	for (i = 0; i < len && o + 3 < outsz; i++) {
		if (word[i] == '%' || word[i] == '_' || word[i] == '!')
			out[o++] = '!';
		out[o++] = word[i];
	}
	out[o++] = '%';
	out[o] = '\0';
}

/*
 * Text folded as the words are, with apostrophes as separators (the
 * fold drops them, "D'Souza" -> "dsouza"; InnoDB's tokenizer splits
 * there, and "souza" must find it): into *buf, grown as needed.
 */
static int
fold_text(const char *t, size_t len, char **buf, size_t *bufsz)
{
	char	*nb;
	size_t	 i, need = len * 4 + 2;

	if (*bufsz < need) {
		if ((nb = mp_alloc_realloc(*buf, need)) == NULL)
			return -1;
		*buf = nb;
		*bufsz = need;
	}
	for (i = 0; i < len; i++)
		(*buf)[i] = t[i] == '\'' ? ' ' : t[i];
	/* The fold writes at most 3 bytes a byte ("&" -> " en"). */
	if (mp_subject_fold(*buf, len, *buf + len, *bufsz - len) != MP_OK)
		(*buf)[len] = '\0';	/* nothing left: no word */
	return 0;
}

/*
 * What InnoDB indexes of a report's text, with the server's defaults
 * (innodb_ft_min_token_size 3, innodb_ft_max_token_size 84, the
 * default stopword list): a word of 3 to 84 characters that is no
 * stopword.  "+ik*" finds "ikzelf", never "ik"; "+the*" "there", not
 * "the".  The words of the default list under 3 characters are too
 * short anyway.
 */
static const char *const stopwords[] = {
	"about", "are", "com", "for", "from", "how", "that", "the", "this",
	"was", "what", "when", "where", "who", "will", "with", "und", "www"
};

static int
indexed(const char *t, size_t bytes, size_t chars)
{
	size_t	 i;

	if (chars < 3 || chars > 84)
		return 0;
	for (i = 0; i < MP_NELEM(stopwords); i++)
		if (strlen(stopwords[i]) == bytes &&
		    memcmp(t, stopwords[i], bytes) == 0)
			return 0;
	return 1;
}

/*
 * Does folded text t hold w at the start of a word that InnoDB
 * indexes?  The word runs to the next ASCII byte that is no letter or
 * digit; its length counts UTF-8 characters.
 */
static int
word_in(const char *t, const char *w)
{
	const unsigned char *p, *e;
	size_t		 chars;

	for (p = (const unsigned char *)t;
	    (p = (const unsigned char *)strstr((const char *)p, w)) != NULL;
	    p++) {
		if (p != (const unsigned char *)t && isalnum(p[-1]))
			continue;
		for (e = p, chars = 0; isalnum(*e) || *e >= 0x80; e++)
			chars += (*e & 0xc0) != 0x80;
		if (indexed((const char *)p, (size_t)(e - p), chars))
			return 1;
	}
	return 0;
}

/*
 * The FULLTEXT query's rule in C: every word is the start of a word
 * that InnoDB indexes (indexed) in one of the n texts, after folding.
 * A word starts after a byte that is no ASCII letter or digit: the
 * fold leaves only those, spaces and characters outside Latin (kept as
 * they are), so a word after a symbol ("€100") counts, as InnoDB has
 * it; and after "_", which InnoDB counts as a letter ("foo_bar" is
 * one word to it) -- a report that holds the word rather shown than
 * not.  *buf is scratch, kept between calls (free it).  1
 * match, 0 not, -1 out of memory.
 */
int
dash_words_match(const struct dash_words *w, const char *const text[],
    const size_t len[], size_t n, char **buf, size_t *bufsz)
{
	unsigned	 found = 0, all = (1u << w->n) - 1;
	size_t		 i, k;

	for (i = 0; i < n && found != all; i++) {
		if (text[i] == NULL || len[i] == 0)
			continue;
		if (fold_text(text[i], len[i], buf, bufsz) != 0)
			return -1;
		for (k = 0; k < w->n; k++)
			if (!(found & (1u << k)) &&
			    word_in(*buf + len[i], w->fold[k]))
				found |= 1u << k;
	}
	return found == all;
}

static long long
id_param(struct mp_dreq *r, const char *name, int *bad)
{
	const char	*s = dash_query(r, name);
	long long	 v;

	if (s == NULL || s[0] == '\0')
		return 0;
	if ((v = dash_number(s, 1, 4294967295LL)) < 0)
		*bad = 1;
	return v < 0 ? 0 : v;
}

/* Whether a subject search's words half can find anything: below. */
static int	hit_words(const struct dash_filter *);

void
dash_filter_read(struct mp_dreq *r, struct dash_filter *f)
{
	const char	*s;
	size_t		 i;

	memset(f, 0, sizeof(*f));
	if ((s = dash_query(r, "status")) != NULL && s[0] != '\0') {
		if (mp_workflow_status(s))
			f->status = s;
		else
			f->bad = 1;
	}
	f->type = id_param(r, "soort", &f->bad);
	f->team = id_param(r, "team", &f->bad);
	f->handler = id_param(r, "behandelaar", &f->bad);
	f->audience = id_param(r, "doelgroep", &f->bad);
	if ((s = dash_query(r, "kanaal")) != NULL && s[0] != '\0') {
		for (i = 0; i < MP_NELEM(channels); i++)
			if (strcmp(s, channels[i]) == 0)
				f->channel = channels[i];
		if (f->channel == NULL)
			f->bad = 1;
	}
	(void)dash_query_date(r, "van", f->from, &f->bad);
	(void)dash_query_date(r, "tot", f->to, &f->bad);
	if ((s = dash_query(r, "q")) != NULL && s[0] != '\0') {
		if (mp_valid_text(s, strlen(s), DASH_Q_MAX, 0)) {
			f->q = s;
			boolean_query(s, f->boolean, sizeof(f->boolean));
			mp_subject_search(s, strlen(s), &f->subj);
			f->subj_words = f->subj.n > 0 && hit_words(f);
		} else
			f->bad = 1;
	}
	f->page = 1;
	if ((s = dash_query(r, "pagina")) != NULL &&
	    (f->page = dash_number(s, 1, MAX_PAGE)) < 0) {
		f->page = 1;
		f->bad = 1;
	}
}

#define PAIR(v, n, x)	do { (v)[(n)++] = (x); (v)[(n)++] = (x); } while (0)
#define OPTINT(i)	((i) > 0 ? MP_DBINT(i) : MP_DBNULL())
#define OPTTEXT(s)	((s) != NULL && (s)[0] != '\0' ? MP_DBTEXT(s) : \
			    MP_DBNULL())

/* Append "name=value&" (urlencoded) to b when value is set. */
static void
qs_add(struct mp_buf *b, const char *name, const char *value)
{
	const char	*p;

	if (value == NULL || value[0] == '\0')
		return;
	(void)mp_buf_printf(b, "%s%s=", mp_buf_len(b) > 0 ? "&" : "", name);
	for (p = value; *p != '\0'; p++)
		if (isalnum((unsigned char)*p) || strchr("-._~", *p) != NULL)
			(void)mp_buf_addc(b, *p);
		else
			(void)mp_buf_printf(b, "%%%02X", (unsigned char)*p);
}

static void
qs_addint(struct mp_buf *b, const char *name, long long v)
{
	char	 s[24];

	if (v <= 0)
		return;
	(void)snprintf(s, sizeof(s), "%lld", v);
	qs_add(b, name, s);
}

/* Options of a <select>: List.Opt.<what>.N.{Id,Name,Sel}. */
static enum mp_err
options(struct mp_view *v, const struct opt_list *o, const char *what,
    long long selected)
{
	struct mp_vnode	*list = NULL, *on;
	char		 key[96];
	size_t		 i;

	(void)snprintf(key, sizeof(key), "List.Opt.%s", what);
	if (o->n > 0)
		list = mp_tmpl_node(v, key);
	for (i = 0; i < o->n; i++) {
		(void)snprintf(key, sizeof(key), "%zu", i);
		on = mp_tmpl_vnode_node(list, key);
		mp_tmpl_vnode_set_int(on, "Id", o->id[i]);
		mp_tmpl_vnode_set(on, "Name", o->name[i]);
		/* Only the chosen one: an absent Sel tests false. */
		if (o->id[i] == selected)
			mp_tmpl_vnode_set(on, "Sel", "1");
	}
	return mp_tmpl_err(v);
}

/*
 * Counts per status of all reports the user may see, from report_count.
 * Each worker keeps the answer per user for dashboard.count_ttl seconds
 * (30): the counts may lag that much, the list itself never does.
 * Everyone who sees all reports sees the same counts: they share one
 * entry (key ALL_KEY).
 */
#define ALL_KEY		(-1LL)

static enum mp_err
counts(struct mp_dreq *r, struct mp_view *v)
{
	struct count_cache	*c = NULL, *oldest = &r->d->counts[0];
	struct mp_stmt		*st;
	struct mp_dbval		 p[1];
	const char		*s;
	char			 key[64];
	size_t			 i;
	long long		 ckey;
	int			 all;
	enum mp_err		 er;

	all = mp_role_can(r->user.role, MP_PERM_REPORT_ALL);
	ckey = all ? ALL_KEY : r->user.id;
	for (i = 0; i < COUNT_CACHE; i++) {
		if (r->d->counts[i].user_id == ckey)
			c = &r->d->counts[i];
		if (r->d->counts[i].at < oldest->at)
			oldest = &r->d->counts[i];
	}
	if (c == NULL || c->at + r->d->count_ttl <= r->now) {
		if (c == NULL)
			c = oldest;
		memset(c, 0, sizeof(*c));
		p[0] = MP_DBINT(r->user.id);
		if ((er = mp_db_query(r->d->ctx->db, &st, SQL(all ?
		    STMT_COUNTS_ALL : STMT_COUNTS_TEAMS), p, all ? 0 : 1)) !=
		    MP_OK)
			return er;
		while ((er = mp_db_next(st)) == MP_OK) {
			s = mp_db_text(st, CC_STATUS, NULL);
			for (i = 0; mp_workflow_statuses[i] != NULL &&
			    i < 8; i++)
				if (s != NULL &&
				    strcmp(s, mp_workflow_statuses[i]) == 0)
					c->n[i] = mp_db_int(st, CC_N);
		}
		mp_db_done(st);
		if (er != MP_ENOTFOUND)
			return er;
		c->user_id = ckey;
		c->at = r->now;
	}
	for (i = 0; mp_workflow_statuses[i] != NULL && i < 8; i++) {
		(void)snprintf(key, sizeof(key), "List.Counts.%zu.Status", i);
		if ((er = mp_tmpl_set(v, key,
		    mp_workflow_statuses[i])) != MP_OK)
			return er;
		(void)snprintf(key, sizeof(key), "List.Counts.%zu.N", i);
		if ((er = mp_tmpl_set_int(v, key, c->n[i])) != MP_OK)
			return er;
	}
	return MP_OK;
}

/*
 * One row of the page under rows (List.Rows), as node n.  Only what
 * list.cs shows is set, each value once: a page is some 600 nodes of
 * ClearSilver's tree, three allocations each, and building and freeing
 * them was the largest part of the dashboard's own time.  So a zero
 * Unread is left out (the template tests it as a number), and street
 * and city, shown side by side, are one value (escaping works per
 * character: escaped apart or together, the same text).
 */
static enum mp_err
row(struct mp_dreq *r, struct mp_vnode *rows, struct mp_stmt *st, size_t n)
{
	static const char *const cols[] = {
		[LC_REFERENCE] = "Reference", [LC_STATUS] = "Status",
		[LC_TYPE] = "Type", [LC_TEAM] = "Team",
		[LC_HANDLER] = "Handler", [LC_CHANNEL] = "Channel",
		[LC_SUMMARY] = "Summary"
	};
	struct mp_vnode	*rn;
	char		 key[24], when[32], age[32];
	char		 where[(100 + 80) * 4 + 2];	/* street, city: 001 */
	const char	*status = mp_db_text(st, LC_STATUS, NULL);
	const char	*street, *city;
	time_t		 recv = (time_t)mp_db_int(st, LC_RECEIVED);
	long long	 unread;
	size_t		 i;
	int		 closed;
	enum mp_err	 er;

	(void)snprintf(key, sizeof(key), "%zu", n);
	if ((rn = mp_tmpl_vnode_node(rows, key)) == NULL)
		return MP_ENOMEM;
	if ((er = mp_tmpl_vnode_set_int(rn, "Id", mp_db_int(st, LC_ID))) !=
	    MP_OK)
		return er;
	for (i = 0; i < MP_NELEM(cols); i++) {
		if (cols[i] == NULL)
			continue;
		if ((er = mp_tmpl_vnode_set(rn, cols[i], mp_db_text(st,
		    (unsigned)i, NULL))) != MP_OK)
			return er;
	}
	street = mp_db_text(st, LC_STREET, NULL);
	city = mp_db_text(st, LC_CITY, NULL);
	(void)snprintf(where, sizeof(where), "%s %s",
	    street != NULL ? street : "", city != NULL ? city : "");
	if ((er = mp_tmpl_vnode_set(rn, "Where", where)) != MP_OK)
		return er;
	dash_time(when, recv);
	dash_age(age, recv, r->now);
	if ((er = mp_tmpl_vnode_set(rn, "Received", when)) != MP_OK)
		return er;
	if ((er = mp_tmpl_vnode_set(rn, "Age", age)) != MP_OK)
		return er;
	/* Replies of the reporter nobody has read yet. */
	if ((unread = mp_db_int(st, LC_UNREAD)) != 0 &&
	    (er = mp_tmpl_vnode_set_int(rn, "Unread", unread)) != MP_OK)
		return er;
	closed = status != NULL && strcmp(status, MP_ST_CLOSED) == 0;
	if (!closed && mp_db_int(st, LC_NOT_TAKEN) != 0 &&
	    r->now - recv > r->d->take_days * 86400 &&
	    (er = mp_tmpl_vnode_set(rn, "LateTake", "1")) != MP_OK)
		return er;
	if (!closed && r->now - recv > r->d->close_days * 86400 &&
	    (er = mp_tmpl_vnode_set(rn, "LateClose", "1")) != MP_OK)
		return er;
	return MP_OK;
}

/* The values of LIST_FILTERS into p from p[np] on; the new count. */
static size_t
filter_values(const struct dash_filter *f, struct mp_dbval *p, size_t np)
{

	PAIR(p, np, OPTTEXT(f->status));
	PAIR(p, np, OPTINT(f->type));
	PAIR(p, np, OPTINT(f->team));
	PAIR(p, np, OPTINT(f->handler));
	PAIR(p, np, OPTINT(f->audience));
	PAIR(p, np, OPTTEXT(f->channel));
	PAIR(p, np, OPTTEXT(f->from));
	PAIR(p, np, OPTTEXT(f->to));
	return np;
}


/*
 * Bind the filters' values into p from p[np] on, in the order of
 * LIST_FILTERS (and LIST_TEXT, unless the search has its own derived
 * table, LIST_WORDS or LIST_HITS: hit_params has its words then);
 * returns the new count.
 */
static size_t
filter_pairs(const struct dash_filter *f, struct mp_dbval *p, size_t np)
{

	np = filter_values(f, p, np);
	if (f->boolean[0] != '\0' && f->subj.n == 0 && !f->answers)
		p[np++] = MP_DBTEXT(f->boolean);
	return np;
}

/*
 * Whether LIST_HITS's words half runs when q is also a subject (issue
 * 13, docs/architecture.md "Searching for a subject"): not when a word
 * of q is shorter than the FULLTEXT index's shortest word
 * (innodb_ft_min_token_size, 3), unless q is an address by street and
 * number whose street starts with a word of 3 letters or more
 * ("12-abc-3" reads as street "12 abc", number 3, too; "N-105-XH" as
 * street "n", number 105, addition XH, whose "+N*" merged the entries
 * of every n-word: 4 to 8 s a search at a million, bench/dashboard run
 * 10).  Such a word ("N" and "HH" of "N-938-HH",
 * "AB" and "12" of "1234 AB 12") is in no report's index entry, so as
 * a prefix it matches only other, longer words that start with it: the
 * words half could not find q as written, only reports that hold, say,
 * "nu", "9380" and "hhs"; and merging every such word's entries cost
 * 1.6 s a search at a million reports.  A report whose text holds a
 * plate, postcode and number, IBAN, phone number, e-mail address or
 * KvK number (with its cue) as the extractor reads them is linked to
 * that subject (lib/subject.h, mp_subject_extract) and found through
 * the subject half.  A street and number ("Hoofdstraat 12") is not
 * extracted from text: its words stay in.  Without the words half the
 * subject half runs alone (LIST_SUBJECT_ONLY).
 */
#define FT_MIN_WORD	3

static int
hit_words(const struct dash_filter *f)
{
	const char	*p = f->boolean;
	size_t		 i, len;

	for (i = 0; i < f->subj.n; i++)
		if (f->subj.kind[i] == MP_SUBJECT_ADDRESS &&
		    (isalpha((unsigned char)f->subj.norm[i][0]) ||
		    (unsigned char)f->subj.norm[i][0] >= 0x80) &&
		    utf8_chars(f->subj.norm[i], strcspn(f->subj.norm[i],
		    " ")) >= FT_MIN_WORD)
			return 1;
	while (*(p += strspn(p, "+* ")) != '\0') {
		len = strcspn(p, "+* ");
		if (utf8_chars(p, len) < FT_MIN_WORD)
			return 0;
		p += len;
	}
	return 1;
}

/*
 * The values of a search with a derived table of its own, which come
 * first in its statements: LIST_WORDS's, the words for its two halves
 * (the report's text, the answers); when q is also a subject
 * (f->subj.n > 0), LIST_HITS's, the words (twice) then the subjects,
 * or LIST_SUBJECT_ONLY's, the subjects (!f->subj_words).  Into p from
 * p[np] on, returns the new count; none for LIST_TEXT.
 */
static size_t
hit_params(const struct dash_filter *f, struct mp_dbval *p, size_t np)
{

	if (f->subj.n == 0) {
		if (f->boolean[0] == '\0' || !f->answers)
			return np;
		p[np++] = MP_DBTEXT(f->boolean);
		p[np++] = MP_DBTEXT(f->boolean);
		return np;
	}
	if (f->subj_words) {
		p[np++] = MP_DBTEXT(f->boolean);
		p[np++] = MP_DBTEXT(f->boolean);
	}
	mp_subject_search_params(&f->subj, p + np);
	return np + 2 * MP_SUBJECT_SEARCH_MAX;
}

/*
 * The statement for a user of one team (teams: the bound values, all
 * the same team) with at most one of the filters that have an index
 * after the team; STMT_LIST_TEAMS for anything else.
 */
static enum stmt
list_stmt_team(const struct dash_filter *f,
    const struct mp_dbval teams[MP_ACCESS_TEAMS_MAX])
{
	enum stmt	 s;
	size_t		 i;
	int		 n;

	for (i = 1; i < MP_ACCESS_TEAMS_MAX; i++)
		if (teams[i].type != MP_DBT_INT || teams[i].i != teams[0].i)
			return STMT_LIST_TEAMS;
	if (f->team > 0 || f->handler > 0 || f->from[0] != '\0' ||
	    f->to[0] != '\0' || f->boolean[0] != '\0')
		return STMT_LIST_TEAMS;
	n = (f->status != NULL) + (f->type > 0) + (f->audience > 0) +
	    (f->channel != NULL);
	if (n > 1)
		return STMT_LIST_TEAMS;
	s = f->status != NULL ? STMT_LIST_TEAM_STATUS :
	    f->type > 0 ? STMT_LIST_TEAM_TYPE :
	    f->audience > 0 ? STMT_LIST_TEAM_AUDIENCE :
	    f->channel != NULL ? STMT_LIST_TEAM_CHANNEL : STMT_LIST_TEAM_NONE;
	if (f->page == 1)
		s = (enum stmt)(s + STMT_FIRST_TEAM_NONE -
		    STMT_LIST_TEAM_NONE);
	return s;
}

/*
 * The page's statement: by the search (subject, words, none) and the
 * form of the visibility rule (teams as values or not; vis are their
 * values).
 */
static enum stmt
list_stmt(const struct dash_filter *f, int teams,
    const struct mp_dbval vis[MP_ACCESS_TEAMS_MAX])
{

	if (f->subj.n > 0 && !f->subj_words)
		return teams ? STMT_LIST_SUBJECT_ONLY_TEAMS :
		    STMT_LIST_SUBJECT_ONLY;
	if (f->subj.n > 0)
		return teams ? STMT_LIST_SUBJECT_TEAMS : STMT_LIST_SUBJECT;
	if (f->boolean[0] != '\0' && f->answers)
		return teams ? STMT_LIST_WORDS_TEAMS : STMT_LIST_WORDS;
	if (f->boolean[0] != '\0')
		return teams ? STMT_LIST_TEXT_TEAMS : STMT_LIST_TEXT;
	return teams ? list_stmt_team(f, vis) : STMT_LIST;
}

/*
 * A text search's page by the newest-first scan (issue 13): the
 * FULLTEXT engine produces every match before the newest are picked
 * (0.6 s for a word in 15% of a million reports), wherever MATCH
 * stands in a query.  So first the newest SCAN_ROWS x page reports
 * the user may see that pass the filters (LIST_SCAN), tested in C by
 * the FULLTEXT query's rule: when they hold the page and one more
 * (PER_PAGE + 1 matches, counted from the newest), every report newer
 * than the last one read has been tested, so the page is the one the
 * FULLTEXT query gives (docs/architecture.md, "A common word's page":
 * where the rules differ).  ids gets its reports and *done is 1; else (a
 * rarer word, a later page) *done is 0 and the FULLTEXT statement
 * answers, as before.
 *
 * The scan reads the report's text only; when an answer holds the
 * words (f->answers), the reports found by their answers (issue 17)
 * come from the answers half (scan_answers), merged in by the list's
 * order (scan_merge).
 */
#define SCAN_ROWS	2000
#define SCAN_PAGES	5
#define SCAN_HITS	(SCAN_PAGES * PER_PAGE + 1)

/* A match of the scan: the report and its place in the order. */
struct scan_hit {
	long long	 id;
	char		 at[24];	/* SCAN_AT: 20 digits */
};

/* Read a match's id (column 0) and place (column at) into h. */
static void
scan_hit_read(struct mp_stmt *st, unsigned at, struct scan_hit *h)
{
	const char	*s = mp_db_text(st, at, NULL);

	h->id = mp_db_int(st, 0);
	(void)snprintf(h->at, sizeof(h->at), "%s", s != NULL ? s : "");
}

/* Newer first, as LIST_SORT: received_at, then id, descending. */
static int
scan_newer(const struct scan_hit *a, const struct scan_hit *b)
{
	int	 c = strcmp(a->at, b->at);

	return c != 0 ? c > 0 : a->id > b->id;
}

/*
 * The newest n reports the user may see that pass the filters with an
 * answer that holds the words, newest first, into a; *na how many.
 */
static enum mp_err
scan_answers(struct mp_dreq *r, const struct dash_filter *f, int teams,
    const struct mp_dbval *vis, size_t nvis, struct scan_hit *a,
    size_t n, size_t *na)
{
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[1 + MP_ACCESS_TEAMS_MAX + LIST_FILTER_VALUES + 1];
	size_t		 np = 1;
	enum mp_err	 er;

	*na = 0;
	p[0] = MP_DBTEXT(f->boolean);
	memcpy(p + np, vis, nvis * sizeof(vis[0]));
	np = filter_values(f, p, np + nvis);
	p[np++] = MP_DBINT((long long)n);
	er = mp_db_query(r->d->ctx->db, &st, SQL(teams ?
	    STMT_SCAN_ANSWERS_TEAMS : STMT_SCAN_ANSWERS), p, np);
	while (er == MP_OK && *na < n && (er = mp_db_next(st)) == MP_OK)
		scan_hit_read(st, SA_AT, &a[(*na)++]);
	if (st != NULL)
		mp_db_done(st);
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/*
 * The page from the scan's matches s (ns, newest first) and the
 * answers half's a (na, newest first): the two merged by the list's
 * order, a report in both once, from skip on.  Every report in the
 * merged list's first skip + PER_PAGE + 1 is in s (the scan tested
 * every report newer than its last match) or in a (the newest that
 * many answer matches), so the page is the one LIST_WORDS gives.
 */
static void
scan_merge(const struct scan_hit *s, size_t ns, const struct scan_hit *a,
    size_t na, size_t skip, long long ids[PER_PAGE + 1])
{
	const struct scan_hit *next;
	size_t		 i = 0, j = 0, k = 0;

	while (k <= skip + PER_PAGE && (i < ns || j < na)) {
		if (j >= na || (i < ns && scan_newer(&s[i], &a[j])))
			next = &s[i++];
		else if (i < ns && s[i].id == a[j].id) {
			next = &s[i++];
			j++;
		} else
			next = &a[j++];
		if (k++ >= skip)
			ids[k - 1 - skip] = next->id;
	}
}

static enum mp_err
list_scan(struct mp_dreq *r, const struct dash_filter *f, int teams,
    const struct mp_dbval *vis, size_t nvis, long long ids[PER_PAGE + 1],
    int *done)
{
	struct dash_words w;
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 p[MP_ACCESS_TEAMS_MAX + LIST_FILTER_VALUES + 1 +
			    2 * DASH_WORDS_MAX];
	struct scan_hit	 hits[SCAN_HITS], ans[SCAN_HITS];
	const char	*text[3];
	char		*buf = NULL;
	size_t		 len[3], np, i, bufsz = 0, found = 0, nans = 0;
	size_t		 skip = (size_t)(f->page - 1) * PER_PAGE;
	int		 m = 0;
	enum mp_err	 er;

	*done = 0;
	if (f->page > SCAN_PAGES || !dash_words_read(f->q, &w))
		return MP_OK;
	memcpy(p, vis, nvis * sizeof(vis[0]));
	np = filter_values(f, p, nvis);
	p[np++] = MP_DBINT(SCAN_ROWS * f->page);
	for (i = 0; i < DASH_WORDS_MAX; i++)
		PAIR(p, np, i < w.n ? MP_DBTEXT(w.like[i]) : MP_DBNULL());
	er = mp_db_query(r->d->ctx->db, &st, SQL(teams ? STMT_SCAN_TEAMS :
	    STMT_SCAN), p, np);
	while (er == MP_OK && found <= skip + PER_PAGE &&
	    (er = mp_db_next(st)) == MP_OK) {
		for (i = 0; i < 3; i++)
			text[i] = mp_db_text(st, SC_DESCRIPTION + (unsigned)i,
			    &len[i]);
		if ((m = dash_words_match(&w, text, len, 3, &buf, &bufsz)) < 0)
			er = MP_ENOMEM;
		else if (m)
			scan_hit_read(st, SC_AT, &hits[found++]);
	}
	if (st != NULL)
		mp_db_done(st);
	free(buf);
	if (er == MP_ENOTFOUND)
		er = MP_OK;
	/* Not done: the FULLTEXT statement, with its answers half, answers. */
	if (er != MP_OK || found != skip + PER_PAGE + 1)
		return er;
	if (f->answers && (er = scan_answers(r, f, teams, vis, nvis, ans,
	    found, &nans)) != MP_OK)
		return er;
	scan_merge(hits, found, ans, nans, skip, ids);
	*done = 1;
	return MP_OK;
}

/*
 * The page's statement and its values into p: the page the scan found
 * (ids, when scanned) or the list's statement for visibility (vis,
 * nvis; teams as values when teams), filters and search.
 */
static enum stmt
page_params(const struct dash_filter *f, int teams,
    const struct mp_dbval *vis, size_t nvis, const long long *ids,
    struct mp_dbval *p, size_t *np)
{
	size_t	 i;

	if (ids != NULL) {
		for (i = 0; i <= PER_PAGE; i++)
			p[i] = MP_DBINT(ids[i]);
		memcpy(p + PER_PAGE + 1, vis, nvis * sizeof(vis[0]));
		*np = PER_PAGE + 1 + nvis;
		return teams ? STMT_LIST_IDS_TEAMS : STMT_LIST_IDS;
	}
	*np = hit_params(f, p, 0);
	memcpy(p + *np, vis, nvis * sizeof(vis[0]));
	*np = filter_pairs(f, p, *np + nvis);
	p[(*np)++] = MP_DBINT(PER_PAGE + 1);
	p[(*np)++] = MP_DBINT((f->page - 1) * PER_PAGE);
	return list_stmt(f, teams, vis);
}

/*
 * Whether the answers half of a text search can find anything: one
 * lookup in report_answer_text's FULLTEXT index (lib/question.c).  Not
 * for a subject, whose LIST_HITS has the answers half always (a UNION
 * already), nor without words.  An answer stored between this and
 * the page's statement shows on the next search.
 */
enum mp_err
dash_filter_answers(struct mp_dreq *r, struct dash_filter *f)
{

	f->answers = 0;
	if (f->boolean[0] == '\0' || f->subj.n > 0)
		return MP_OK;
	return mp_question_search_any(r->d->ctx->db, f->boolean,
	    &f->answers);
}

/*
 * The page's rows into v (List.Rows, List.Next): visibility, filters,
 * the page.  *count is how many are shown.
 */
static enum mp_err
list_rows(struct mp_dreq *r, struct mp_view *v, const struct dash_filter *f,
    size_t *count)
{
	struct mp_vnode	*rows = NULL;
	struct mp_stmt	*st = NULL;
	struct mp_dbval	 vis[MP_ACCESS_TEAMS_MAX];
	struct mp_dbval	 p[PER_PAGE + 1 + DASH_FILTER_PARAMS +
			    MP_ACCESS_TEAMS_MAX + 2];
	long long	 ids[PER_PAGE + 1];
	size_t		 np, nvis, n = 0;
	int		 teams = 0, scanned = 0;
	enum stmt	 s;
	enum mp_err	 er;

	*count = 0;
	if (!mp_role_can(r->user.role, MP_PERM_REPORT_ALL))
		mp_access_report_teams(&r->user, vis, &teams);
	if (teams)
		nvis = MP_ACCESS_TEAMS_MAX;
	else {
		mp_access_report_params(&r->user, vis);
		nvis = 2;
	}
	if (f->subj.n == 0 && f->boolean[0] != '\0' &&
	    (er = list_scan(r, f, teams, vis, nvis, ids, &scanned)) != MP_OK)
		return er;
	s = page_params(f, teams, vis, nvis, scanned ? ids : NULL, p, &np);
	er = mp_db_query(r->d->ctx->db, &st, SQL(s), p, np);
	if (er == MP_OK && (rows = mp_tmpl_node(v, "List.Rows")) == NULL)
		er = MP_ENOMEM;
	while (er == MP_OK && (er = mp_db_next(st)) == MP_OK &&
	    n < PER_PAGE)
		er = row(r, rows, st, n++);
	if (er == MP_OK && n == PER_PAGE)
		er = mp_tmpl_set_int(v, "List.Next", f->page + 1);
	if (st != NULL)
		mp_db_done(st);
	*count = n;
	return er == MP_ENOTFOUND ? MP_OK : er;
}

/* The choices of the filters' <select>s into v (List.Opt). */
static enum mp_err
list_options(struct mp_dreq *r, struct mp_view *v,
    const struct dash_filter *f)
{
	enum mp_err	 er;

	if ((er = dash_options_refresh(r->d, r->now)) != MP_OK)
		return er;
	options(v, &r->d->opts[0], "Types", f->type);
	options(v, &r->d->opts[1], "Audiences", f->audience);
	options(v, &r->d->opts[2], "Teams", f->team);
	options(v, &r->d->opts[3], "Handlers", f->handler);
	return mp_tmpl_err(v);
}

/* The paging and the filters' values into v (List.*, List.F). */
static enum mp_err
list_values(struct mp_view *v, const struct dash_filter *f, size_t n)
{
	struct mp_buf	 qs;

	mp_buf_init(&qs, 4096);
	dash_filter_query(f, &qs);
	mp_tmpl_set(v, "List.Query", mp_buf_str(&qs));
	mp_buf_free(&qs);
	mp_tmpl_set_int(v, "List.Count", (long long)n);
	mp_tmpl_set_int(v, "List.Page", f->page);
	if (f->page > 1)
		mp_tmpl_set_int(v, "List.Prev", f->page - 1);
	if (f->bad)
		mp_tmpl_set(v, "List.Bad", "1");
	mp_tmpl_set(v, "List.F.Status", f->status);
	mp_tmpl_set(v, "List.F.Channel", f->channel);
	mp_tmpl_set(v, "List.F.From", f->from);
	mp_tmpl_set(v, "List.F.To", f->to);
	mp_tmpl_set(v, "List.F.Q", f->q);
	return mp_tmpl_err(v);
}

void
mp_dash_list(struct mp_dreq *r)
{

	dash_list_page(r, 200, NULL);
}

/*
 * The work list with status (a wrong filter makes a 200 a 400), and a
 * refused save of the filters (savedfilter.c) at its name field.
 */
void
dash_list_page(struct mp_dreq *r, int status, const struct dash_saved_msg *m)
{
	struct dash_filter f;
	struct mp_view	*v;
	size_t		 n = 0;
	enum mp_err	 er;

	dash_filter_read(r, &f);
	if ((v = dash_view(r, "Werklijst")) == NULL) {
		dash_error(r, 500, NULL);
		return;
	}
	er = dash_filter_answers(r, &f);
	if (er == MP_OK)
		er = list_rows(r, v, &f, &n);
	if (er == MP_OK)
		er = counts(r, v);
	if (er == MP_OK)
		er = list_options(r, v, &f);
	if (er == MP_OK)
		er = list_values(v, &f, n);
	if (er == MP_OK)
		er = dash_savedfilter_fill(r, v, m);
	dash_finish(r, er, f.bad && status == 200 ? 400 : status, v,
	    "dashboard/list.cs");
}

/*
 * For the CSV export (export.c): the filters' values
 * bound after the visibility rule (after the search's, when q is a
 * subject: hit_params), and the filters as a query string.
 */
size_t
dash_filter_params(struct mp_dreq *r, const struct dash_filter *f,
    struct mp_dbval p[DASH_FILTER_PARAMS])
{
	size_t	 np = hit_params(f, p, 0);

	mp_access_report_params(&r->user, p + np);
	return filter_pairs(f, p, np + 2);
}

void
dash_filter_query(const struct dash_filter *f, struct mp_buf *qs)
{

	qs_add(qs, "status", f->status);
	qs_addint(qs, "soort", f->type);
	qs_addint(qs, "team", f->team);
	qs_addint(qs, "behandelaar", f->handler);
	qs_addint(qs, "doelgroep", f->audience);
	qs_add(qs, "kanaal", f->channel);
	qs_add(qs, "van", f->from);
	qs_add(qs, "tot", f->to);
	qs_add(qs, "q", f->q);
}

/* "/": the first page a role has. */
void
mp_dash_home(struct mp_dreq *r)
{
	const char	*done = dash_query(r, "gedaan");

	/* A confirmation (done.c) goes along to the first page. */
	if (dash_done_text(done) == NULL)
		done = NULL;
	if (mp_role_can(r->user.role, MP_PERM_REPORT_LIST))
		mp_dash_list(r);
	else if (mp_role_can(r->user.role, MP_PERM_ADMIN))
		dash_done(r, "/beheer", done);
	else if (mp_role_can(r->user.role, MP_PERM_AUDIT))
		dash_done(r, "/audit", done);
	else
		dash_error(r, 403, "U heeft geen toegang tot het meldpunt.");
}
