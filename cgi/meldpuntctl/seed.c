/*
 * seed.c -- the catalogue every installation starts with (audiences,
 * signal types and which audience's form offers which type) and
 * realistic Dutch demo reports for demonstrations, load tests and
 * development.  Demo data is made by a small seeded PRNG, so a given
 * seed yields the same reports (relative to the day it is run).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "meldpunt.h"
#include "seed.h"

#define BATCH		1000
#define MAX_CREW	256	/* (team, handler) pairs a report may get */
#define DAY		86400L
#define YEAR_SECS	(365L * DAY)

enum stmt {
	STMT_AUDIENCE,
	STMT_TYPE,
	STMT_LINK,
	STMT_AUDIENCE_IDS,
	STMT_TYPE_IDS,
	STMT_REPORT,
	STMT_IN_DOSSIER,
	STMT__MAX
};

static const char *const stmts[STMT__MAX] = {
	/* STMT_AUDIENCE: keep what an administrator changed since. */
	"INSERT INTO audience (slug, name, intro, is_default, sort)"
	" VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id",
	/* STMT_TYPE */
	"INSERT INTO signal_type (slug, name, description, sort)"
	" VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id",
	/*
	 * STMT_LINK: IGNORE, since the application may not UPDATE this
	 * table (grants.sql); the join leaves only duplicates to ignore.
	 */
	"INSERT IGNORE INTO audience_signal_type (audience_id, signal_type_id)"
	" SELECT a.id, s.id FROM audience a, signal_type s"
	" WHERE a.slug = ? AND s.slug = ?",
	/* STMT_AUDIENCE_IDS */
	"SELECT slug, id FROM audience",
	/* STMT_TYPE_IDS */
	"SELECT slug, id FROM signal_type",
	/* STMT_REPORT */
	"INSERT INTO report (channel, audience_id, signal_type_id,"
	" description, observed_date, observed_time, street, house_number,"
	" postcode, city, involved_people, involved_companies,"
	" involved_vehicles, anonymous, status, received_at, taken_at,"
	" closed_at, team_id, handler_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/*
	 * STMT_IN_DOSSIER: demo reports already "in dossier" without
	 * one, with their team, for the demo dossiers.
	 */
	"SELECT r.id, r.team_id FROM report r WHERE r.status = 'in dossier'"
	" AND r.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
	" dossier_report x WHERE x.report_id = r.id) ORDER BY r.id LIMIT ?",
};

/* STMT_IN_DOSSIER's columns. */
enum dcol { DOC_ID, DOC_TEAM };

/* The columns of STMT_AUDIENCE_IDS and STMT_TYPE_IDS. */
enum idcol {
	IDC_SLUG,
	IDC_ID
};

/*
 * Each report's id is known only after its INSERT (auto-increment ids
 * need not be consecutive, e.g. on Galera), but what follows from the
 * id -- the reference, the "ontvangen" event and the sealed contact
 * details -- is written for up to FLUSH reports at a time with
 * multi-row statements of 64, 16, 4 or 1 rows.  That takes a report
 * from three or four round trips to little more than one.  The texts
 * are static: only the number of placeholders differs.
 */
#define FLUSH		64
#define X4(sep, x)	x sep x sep x sep x
#define X16(sep, x)	X4(sep, X4(sep, x))
#define X64(sep, x)	X4(sep, X16(sep, x))
#define EV		"(?, ?, 'ontvangen', 'seed', '')"
#define CT		"(?, ?, ?, ?)"
#define WT		"WHEN ? THEN ?"

static const size_t	 rowsizes[] = { 64, 16, 4, 1 };

static const char *const sql_event[] = {
	"INSERT INTO event (report_id, at, kind, actor, detail) VALUES "
	    X64(", ", EV),
	"INSERT INTO event (report_id, at, kind, actor, detail) VALUES "
	    X16(", ", EV),
	"INSERT INTO event (report_id, at, kind, actor, detail) VALUES "
	    X4(", ", EV),
	"INSERT INTO event (report_id, at, kind, actor, detail) VALUES " EV,
};

static const char *const sql_reference[] = {
	"UPDATE report SET reference = CASE id " X64(" ", WT)
	    " END WHERE id IN (" X64(", ", "?") ")",
	"UPDATE report SET reference = CASE id " X16(" ", WT)
	    " END WHERE id IN (" X16(", ", "?") ")",
	"UPDATE report SET reference = CASE id " X4(" ", WT)
	    " END WHERE id IN (" X4(", ", "?") ")",
	"UPDATE report SET reference = ? WHERE id = ?",
};

static const char *const sql_contact[] = {
	"INSERT INTO reporter_contact (report_id, name_enc, email_enc,"
	    " phone_enc) VALUES " X64(", ", CT),
	"INSERT INTO reporter_contact (report_id, name_enc, email_enc,"
	    " phone_enc) VALUES " X16(", ", CT),
	"INSERT INTO reporter_contact (report_id, name_enc, email_enc,"
	    " phone_enc) VALUES " X4(", ", CT),
	"INSERT INTO reporter_contact (report_id, name_enc, email_enc,"
	    " phone_enc) VALUES " CT,
};

/* ------------------------------------------------------------------ */
/* The catalogue.                                                      */

enum aud { AUD_BEWONERS, AUD_MEDEWERKERS, AUD_ONDERNEMERS, AUD__MAX };

static const struct {
	const char	*slug, *name, *intro;
	int		 is_default;
} audiences[AUD__MAX] = {
	{ "bewoners", "Bewoners",
	  "Ziet of hoort u in uw buurt iets dat niet klopt? Bijvoorbeeld een"
	  " woning waar steeds andere mensen komen, een loods waar 's nachts"
	  " busjes af en aan rijden of een sterke chemische lucht. Vertel ons"
	  " wat u zag. Dat mag anoniem.", 1 },
	{ "medewerkers", "Medewerkers van de gemeente",
	  "Ziet u tijdens uw werk iets dat wijst op criminaliteit,"
	  " bijvoorbeeld bij een huisbezoek, een vergunningaanvraag of in de"
	  " openbare ruimte? Meld het hier. U kiest zelf of u anoniem meldt."
	  " Geeft u uw naam, dan kan alleen de coördinator van het meldpunt"
	  " uw gegevens zien.",
	  0 },
	{ "ondernemers", "Ondernemers",
	  "Krijgt u als ondernemer een verdacht voorstel, zoals huur van een"
	  " bedrijfspand in contant geld, een overname waarbij niet duidelijk"
	  " is waar het geld vandaan komt, of druk om mee te werken? Of ziet"
	  " u iets vreemds op uw bedrijventerrein? Meld het hier, ook"
	  " anoniem.", 0 },
};

enum typ {
	T_DRUGS, T_WOONFRAUDE, T_WITWASSEN, T_MENSENHANDEL, T_UITBUITING,
	T_INTIMIDATIE, T_VASTGOED, T_OVERIG, T__MAX
};

static const struct {
	const char	*slug, *name, *description;
	int		 weight;	/* share of demo reports, percent */
} types[T__MAX] = {
	{ "drugs", "Drugs (productie, opslag, handel)",
	  "Bijvoorbeeld een hennepkwekerij, een drugslab, opslag van"
	  " chemicaliën of handel vanuit een woning of bedrijf.", 30 },
	{ "woonfraude", "Woonfraude en illegale bewoning",
	  "Bijvoorbeeld veel wisselende bewoners, onderverhuur of een woning"
	  " waar niemand woont maar die wel wordt gebruikt.", 18 },
	{ "witwassen", "Witwassen",
	  "Bijvoorbeeld een zaak zonder klanten die toch blijft bestaan, of"
	  " betalingen met grote bedragen contant geld.", 10 },
	{ "mensenhandel", "Mensenhandel",
	  "Bijvoorbeeld mensen die gedwongen worden te werken of zich te"
	  " prostitueren, of die niet vrij kunnen gaan en staan.", 6 },
	{ "uitbuiting", "Uitbuiting van werknemers",
	  "Bijvoorbeeld werknemers die erg lang werken voor weinig loon of"
	  " op de werkplek moeten slapen.", 8 },
	{ "intimidatie", "Intimidatie en bedreiging",
	  "Bijvoorbeeld bedreiging van buren, ondernemers of medewerkers van"
	  " de gemeente.", 10 },
	{ "vastgoed", "Verdachte vastgoedtransacties",
	  "Bijvoorbeeld panden die snel na elkaar of met contant geld worden"
	  " gekocht of verkocht.", 8 },
	{ "overig", "Iets anders",
	  "Iets anders dat niet klopt en waarvan u vindt dat de gemeente het"
	  " moet weten.", 10 },
};

enum mp_err
mp_seed_catalog(struct mp_db *db)
{
	struct mp_dbval	 v[5];
	size_t		 a, t;
	enum mp_err	 er;

	for (a = 0; a < AUD__MAX; a++) {
		v[0] = MP_DBTEXT(audiences[a].slug);
		v[1] = MP_DBTEXT(audiences[a].name);
		v[2] = MP_DBTEXT(audiences[a].intro);
		v[3] = MP_DBINT(audiences[a].is_default);
		v[4] = MP_DBINT((long long)a * 10);
		if ((er = mp_db_exec(db, stmts[STMT_AUDIENCE], v, 5, NULL,
		    NULL)) != MP_OK)
			return er;
	}
	for (t = 0; t < T__MAX; t++) {
		v[0] = MP_DBTEXT(types[t].slug);
		v[1] = MP_DBTEXT(types[t].name);
		v[2] = MP_DBTEXT(types[t].description);
		v[3] = MP_DBINT((long long)t * 10);
		if ((er = mp_db_exec(db, stmts[STMT_TYPE], v, 4, NULL,
		    NULL)) != MP_OK)
			return er;
	}
	/* Everyone gets every type, except housing fraud for businesses. */
	for (a = 0; a < AUD__MAX; a++)
		for (t = 0; t < T__MAX; t++) {
			if (a == AUD_ONDERNEMERS && t == T_WOONFRAUDE)
				continue;
			v[0] = MP_DBTEXT(audiences[a].slug);
			v[1] = MP_DBTEXT(types[t].slug);
			if ((er = mp_db_exec(db, stmts[STMT_LINK], v, 2, NULL,
			    NULL)) != MP_OK)
				return er;
		}
	return MP_OK;
}

/* ------------------------------------------------------------------ */
/* Demo reports: word lists.                                           */

static const char *const opening[T__MAX][6] = {
	[T_DRUGS] = {
	    "Al weken komen er 's nachts busjes af en aan bij de loods.",
	    "Sterke chemische lucht uit de kelder, vooral 's avonds.",
	    "De ramen van de bovenverdieping zijn altijd afgeplakt en er"
	    " brandt de hele dag licht.",
	    "Er wordt vanuit de woning gehandeld: steeds andere mensen die"
	    " een paar minuten binnen blijven.",
	    "Bij de garageboxen worden 's nachts jerrycans en vaten"
	    " uitgeladen.",
	    "Het ruikt in het hele portiek naar hennep en de meterkast"
	    " zoemt." },
	[T_WOONFRAUDE] = {
	    "In de woning naast mij wonen steeds andere mensen, soms wel"
	    " acht tegelijk.",
	    "De huurder woont er al maanden niet meer, maar er komen"
	    " regelmatig onbekenden met een sleutel.",
	    "Er staan elke week andere namen op de brievenbus.",
	    "De benedenwoning lijkt als opslag te worden gebruikt; er woont"
	    " niemand.",
	    "Op zolder worden kamers verhuurd aan arbeidsmigranten.",
	    NULL },
	[T_WITWASSEN] = {
	    "De kapsalon op de hoek heeft nooit klanten, maar de eigenaar"
	    " rijdt in een nieuwe Porsche.",
	    "In de winkel wordt alles contant afgerekend, ook grote"
	    " bedragen.",
	    "Het restaurant is bijna altijd dicht maar er wordt wel steeds"
	    " verbouwd.",
	    "Iemand bood aan mijn auto te kopen voor veel meer dan hij waard"
	    " is, contant.",
	    NULL, NULL },
	[T_MENSENHANDEL] = {
	    "In het pand worden vrouwen gebracht en gehaald door steeds"
	    " dezelfde man.",
	    "De vrouwen in de massagesalon lijken niet vrij te kunnen gaan"
	    " en staan.",
	    "Er worden 's avonds jonge mensen afgezet die geen Nederlands"
	    " spreken en bang lijken.",
	    NULL, NULL, NULL },
	[T_UITBUITING] = {
	    "Werknemers van het bedrijf slapen in de loods achter het"
	    " bedrijfspand.",
	    "De mensen in de kas werken van 's ochtends vroeg tot laat in de"
	    " avond, ook in het weekend.",
	    "Een busje brengt elke ochtend een groep arbeiders die hun"
	    " paspoort hebben moeten inleveren.",
	    NULL, NULL, NULL },
	[T_INTIMIDATIE] = {
	    "Mijn buurman wordt bedreigd door mannen die zeggen dat hij moet"
	    " betalen.",
	    "Ondernemers in de straat worden onder druk gezet om een"
	    " 'beveiligingsbedrijf' in te huren.",
	    "Een medewerker van de gemeente werd na een controle thuis"
	    " opgewacht.",
	    "Er is een ruit ingegooid na een ruzie over een pand.",
	    NULL, NULL },
	[T_VASTGOED] = {
	    "Het pand is dit jaar al drie keer verkocht, steeds voor een"
	    " hogere prijs.",
	    "Een onbekende koper betaalde het bedrijfspand grotendeels"
	    " contant.",
	    "Verschillende woningen in de straat zijn opgekocht door"
	    " hetzelfde bedrijf met een buitenlands adres.",
	    NULL, NULL, NULL },
	[T_OVERIG] = {
	    "Er gebeurt iets vreemds op het bedrijventerrein.",
	    "Ik weet niet precies wat het is, maar het klopt niet.",
	    "Er staan al weken auto's met buitenlandse kentekens die niemand"
	    " gebruikt.",
	    NULL, NULL, NULL },
};

static const char *const detail[] = {
	"Meestal tussen 23.00 en 03.00 uur.",
	"Het gaat al een paar maanden zo.",
	"De auto's rijden steeds achteruit de loods in.",
	"De ramen zijn geblindeerd.",
	"Er staat vaak een man op de uitkijk bij de ingang.",
	"Ik heb gezien dat er grote zakken potgrond naar binnen gingen.",
	"Buren hebben het ook gemerkt.",
	"Er werd met contant geld betaald.",
	"Het licht blijft de hele nacht aan.",
	"Op de stoep liggen lege verpakkingen van chemicaliën.",
	"De mensen die er komen hebben haast en kijken om zich heen.",
	"Ik durf het niet aan te spreken.",
};

static const char *const closing[] = {
	"",
	" Ik hoop dat iemand ernaar kijkt.",
	" Ik wil liever niet dat ze weten dat dit van mij komt.",
	" Ik kan meer vertellen als dat nodig is.",
	" Ik heb er foto's van gemaakt.",
};

static const char *const streets[] = {
	"Dorpsstraat", "Kerkweg", "Industrieweg", "Stationsstraat",
	"Molenweg", "Schoolstraat", "Nieuwe Gracht", "Oudegracht",
	"Amsterdamsestraatweg", "Kanaalweg", "Havenstraat", "Lindelaan",
	"Beukenlaan", "Julianastraat", "Handelsweg", "Ambachtsweg",
	"Marktplein", "Zandweg", "Vondellaan", "Noordersingel",
};

static const struct {
	const char	*name;
	int		 pc_from, pc_to;	/* postcode number range */
} cities[] = {
	{ "Voorbeeld", 9990, 9999 },
	{ "Utrecht", 3511, 3585 },
	{ "Amersfoort", 3811, 3829 },
	{ "Nieuwegein", 3430, 3439 },
	{ "Zeist", 3700, 3709 },
	{ "Houten", 3990, 3998 },
};

static const char *const people[] = {
	"Een man van ongeveer 40 jaar, kaal, met een zwarte jas.",
	"Twee jonge mannen die Pools of Russisch spreken.",
	"Een vrouw met lang donker haar die steeds de deur opendoet.",
	"De huurder van de loods; zijn naam weet ik niet.",
	"Een oudere man die zich voorstelt als 'de eigenaar'.",
	"Meerdere mannen in werkkleding zonder bedrijfsnaam.",
};

static const char *const companies[] = {
	"Autobedrijf De Snelle Wissel", "Kapsalon Chic & Trendy",
	"Bouwbedrijf Van Dam en Zonen", "Holding Noordoost B.V.",
	"Shishalounge Oase", "Uitzendbureau Flexwerk Direct",
	"Nagelstudio Glamour", "Vastgoed Invest Utrecht B.V.",
	"Belwinkel Mobile Point", "Transportbedrijf Snel en Zeker",
};

static const char *const vehicles[] = {
	"witte Mercedes Sprinter", "zwarte Audi A6", "grijze VW Transporter",
	"donkerblauwe BMW X5", "rode Ford Transit", "zilveren Opel Vivaro",
};

static const char *const firstnames[] = {
	"Jan", "Fatima", "Pieter", "Sanne", "Mohamed", "Anouk", "Kees",
	"Priya", "Daan", "Emma", "Hüseyin", "Marieke", "Joost", "Noor",
};

static const char *const lastnames[] = {
	"de Vries", "Jansen", "Bakker", "El Amrani", "Visser", "Smit",
	"Yılmaz", "van den Berg", "Mulder", "de Boer", "Meijer", "Bos",
};

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64 to seed, xorshift64* to draw.                      */

static uint64_t
rnd_next(uint64_t *s)
{
	uint64_t	 x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1DULL;
}

static uint64_t
rnd_seed(unsigned int seed)
{
	uint64_t	 z = (uint64_t)seed + 0x9E3779B97F4A7C15ULL;

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	z ^= z >> 31;
	return z != 0 ? z : 1;
}

/* Uniform in [0, n). */
static long
rnd(uint64_t *s, long n)
{

	if (n <= 1)
		return 0;
	return (long)((rnd_next(s) >> 11) % (uint64_t)n);
}

/* A non-NULL entry of a NULL-padded list. */
static const char *
pick(uint64_t *s, const char *const *list, size_t n)
{
	size_t	 len;

	for (len = 0; len < n && list[len] != NULL; len++)
		continue;
	return list[rnd(s, (long)len)];
}

#define PICK(s, a)	pick((s), (a), MP_NELEM(a))

/* ------------------------------------------------------------------ */
/* Demo reports: one batch per transaction.                            */

struct seedctx {
	const struct mp_keys	*keys;
	long long		 aud[AUD__MAX];
	long long		 typ[T__MAX];
	time_t			 now, start;
	long			 total;		/* reports in all */
	long			 first;		/* its first index */
	long			 count;		/* its reports */
	uint64_t		 rng;		/* state at batch start */
	size_t			 ncrew;
	struct {
		long long	 team, handler;
	}			 crew[MAX_CREW];
};

/* What waits to be written for the reports inserted since a flush. */
struct pending {
	size_t		 n;
	long long	 id[FLUSH];
	char		 ref[FLUSH][24];
	char		 recv[FLUSH][20];
	size_t		 nc;
	struct {
		long long	 id;
		unsigned char	*box[3];	/* name, email, phone */
		size_t		 len[3];
	}		 c[FLUSH];
};

static void
pending_clear(struct pending *p)
{
	size_t	 i, j;

	for (i = 0; i < p->nc; i++)
		for (j = 0; j < 3; j++) {
			free(p->c[i].box[j]);
			p->c[i].box[j] = NULL;
		}
	p->n = p->nc = 0;
}

/* The largest statement size that fits n rows: an index of rowsizes. */
static size_t
rowsize(size_t n)
{
	size_t	 k;

	for (k = 0; k < MP_NELEM(rowsizes) - 1; k++)
		if (rowsizes[k] <= n)
			break;
	return k;
}

static enum mp_err
flush(struct mp_db *db, struct pending *p)
{
	struct mp_dbval	 v[4 * FLUSH];
	size_t		 off, k, rows, i, j, nv;
	enum mp_err	 er = MP_OK;

	for (off = 0; off < p->n; off += rows) {
		k = rowsize(p->n - off);
		rows = rowsizes[k];
		for (i = 0; i < rows; i++) {
			v[2 * i] = MP_DBINT(p->id[off + i]);
			v[2 * i + 1] = MP_DBTEXT(p->recv[off + i]);
		}
		if ((er = mp_db_exec(db, sql_event[k], v, 2 * rows, NULL,
		    NULL)) != MP_OK)
			goto out;
		nv = 0;
		if (rows == 1) {
			v[nv++] = MP_DBTEXT(p->ref[off]);
			v[nv++] = MP_DBINT(p->id[off]);
		} else {
			for (i = 0; i < rows; i++) {
				v[nv++] = MP_DBINT(p->id[off + i]);
				v[nv++] = MP_DBTEXT(p->ref[off + i]);
			}
			for (i = 0; i < rows; i++)
				v[nv++] = MP_DBINT(p->id[off + i]);
		}
		if ((er = mp_db_exec(db, sql_reference[k], v, nv, NULL,
		    NULL)) != MP_OK)
			goto out;
	}
	for (off = 0; off < p->nc; off += rows) {
		k = rowsize(p->nc - off);
		rows = rowsizes[k];
		for (i = 0, nv = 0; i < rows; i++) {
			v[nv++] = MP_DBINT(p->c[off + i].id);
			for (j = 0; j < 3; j++)
				v[nv++] = MP_DBBLOB(p->c[off + i].box[j],
				    p->c[off + i].len[j]);
		}
		if ((er = mp_db_exec(db, sql_contact[k], v, nv, NULL,
		    NULL)) != MP_OK)
			goto out;
	}
out:
	pending_clear(p);
	return er;
}

static void
fmt_datetime(char out[20], time_t t)
{
	struct tm	 tm;

	(void)gmtime_r(&t, &tm);
	(void)strftime(out, 20, "%Y-%m-%d %H:%M:%S", &tm);
}

/* A Dutch licence plate in one of the current side codes. */
static void
plate(uint64_t *s, char out[12])
{
	static const char	 L[] = "BDFGHJKLNPRSTVXZ";
	char			 l[3];
	int			 i;

	for (i = 0; i < 3; i++)
		l[i] = L[rnd(s, (long)sizeof(L) - 1)];
	switch (rnd(s, 4)) {
	case 0:		/* AB-123-C */
		(void)snprintf(out, 12, "%c%c-%03ld-%c", l[0], l[1],
		    rnd(s, 900) + 100, l[2]);
		break;
	case 1:		/* 12-ABC-3 */
		(void)snprintf(out, 12, "%02ld-%c%c%c-%ld", rnd(s, 90) + 10,
		    l[0], l[1], l[2], rnd(s, 9) + 1);
		break;
	case 2:		/* 1-ABC-23 */
		(void)snprintf(out, 12, "%ld-%c%c%c-%02ld", rnd(s, 9) + 1,
		    l[0], l[1], l[2], rnd(s, 90) + 10);
		break;
	default:	/* A-123-BC */
		(void)snprintf(out, 12, "%c-%03ld-%c%c", l[0],
		    rnd(s, 900) + 100, l[1], l[2]);
		break;
	}
}

static enum typ
pick_type(uint64_t *s)
{
	long	 r = rnd(s, 100), acc = 0;
	int	 t;

	for (t = 0; t < T__MAX; t++) {
		acc += types[t].weight;
		if (r < acc)
			return (enum typ)t;
	}
	return T_OVERIG;
}

/* Status and its timestamps, by the report's age. */
static const char *
pick_status(uint64_t *s, time_t received, time_t now, time_t *taken,
    time_t *closed)
{
	long		 age = (long)(now - received), r = rnd(s, 100);
	const char	*st;

	if (age > 60 * DAY)
		st = r < 85 ? "afgerond" : r < 90 ? "in dossier" :
		    r < 95 ? "doorgezet naar partner" : "in behandeling";
	else if (age > 14 * DAY)
		st = r < 5 ? "nieuw" : r < 45 ? "in behandeling" :
		    r < 65 ? "doorgezet naar partner" : r < 80 ?
		    "in dossier" : "afgerond";
	else
		st = r < 60 ? "nieuw" : r < 95 ? "in behandeling" :
		    "afgerond";
	*taken = *closed = 0;
	if (strcmp(st, "nieuw") == 0)
		return st;
	/* Taken within three working days, never in the future. */
	*taken = received + 3600 + rnd(s, 3 * DAY);
	if (*taken > now)
		*taken = received + (now - received) / 2;
	if (strcmp(st, "afgerond") == 0) {
		*closed = *taken + DAY + rnd(s, 45 * DAY);
		if (*closed > now)
			*closed = *taken + (now - *taken) / 2;
	}
	return st;
}

static enum mp_err
seal_field(const struct mp_keys *keys, long long id, const char *field,
    const char *val, unsigned char **box, size_t *boxlen)
{
	char	 aad[64];

	/* The same binding as the intake (report.c): "<id>:<field>". */
	(void)snprintf(aad, sizeof(aad), "%lld:%s", id, field);
	return mp_keys_contact_seal(keys, aad, val, box, boxlen);
}

/* Seal made-up contact details for report id into p. */
static enum mp_err
contact(const struct mp_keys *keys, uint64_t *s, long long id,
    struct pending *p)
{
	const char	*fn = PICK(s, firstnames), *ln = PICK(s, lastnames);
	char		 name[128], email[128], phone[32], *q;
	int		 has_email, has_phone;
	size_t		 i = p->nc;
	enum mp_err	 er;

	(void)snprintf(name, sizeof(name), "%s %s", fn, ln);
	(void)snprintf(email, sizeof(email), "%s.%s@example.nl", fn, ln);
	for (q = email; *q != '\0'; q++)
		if (*q == ' ')
			*q = '.';
		else if (*q >= 'A' && *q <= 'Z')
			*q = (char)(*q - 'A' + 'a');
	(void)snprintf(phone, sizeof(phone), "06-%04ld %04ld",
	    rnd(s, 10000), rnd(s, 10000));
	has_email = rnd(s, 100) < 80;
	has_phone = !has_email || rnd(s, 100) < 60;

	p->c[i].id = id;
	p->c[i].box[0] = p->c[i].box[1] = p->c[i].box[2] = NULL;
	p->c[i].len[0] = p->c[i].len[1] = p->c[i].len[2] = 0;
	p->nc++;	/* pending_clear frees what was sealed */
	if ((er = seal_field(keys, id, "name", name, &p->c[i].box[0],
	    &p->c[i].len[0])) != MP_OK ||
	    (has_email && (er = seal_field(keys, id, "email", email,
	    &p->c[i].box[1], &p->c[i].len[1])) != MP_OK) ||
	    (has_phone && (er = seal_field(keys, id, "phone", phone,
	    &p->c[i].box[2], &p->c[i].len[2])) != MP_OK))
		goto out;
out:
	mp_alloc_wipe(name, sizeof(name));
	mp_alloc_wipe(email, sizeof(email));
	mp_alloc_wipe(phone, sizeof(phone));
	return er;
}

/* When a demo report was made, as text for its columns. */
struct when {
	time_t		 received, taken, closed;
	char		 recv[20], obsdate[11], obstime[9];
	char		 tkn[20], cls[20];
};

/* Where a demo report happened, as text for its columns. */
struct place {
	const char	*city;
	char		 pc[24], house[24], veh[64];
};

/*
 * Spread evenly over the year, in id order, with jitter; observed up
 * to ten days before.  The draws from s come in a fixed order, so the
 * set stays the same for a seed: keep them so.
 */
static void
report_received(const struct seedctx *c, uint64_t *s, long idx,
    struct when *w)
{
	struct tm	 tm;
	time_t		 observed;
	long		 slot;

	slot = YEAR_SECS / (c->total > 0 ? c->total : 1);
	w->received = c->start + (time_t)((double)idx * YEAR_SECS /
	    c->total) + rnd(s, slot > 1 ? slot : 1);
	if (w->received > c->now)
		w->received = c->now;
	observed = w->received - rnd(s, 10) * DAY;
	fmt_datetime(w->recv, w->received);
	(void)gmtime_r(&observed, &tm);
	(void)strftime(w->obsdate, sizeof(w->obsdate), "%Y-%m-%d", &tm);
	(void)snprintf(w->obstime, sizeof(w->obstime), "%02ld:%02ld:00",
	    rnd(s, 24), rnd(s, 4) * 15);
}

/* Who the report is for and how it came in, as the mix in practice. */
static void
report_audience(uint64_t *s, enum typ t, enum aud *a, const char **channel)
{
	long	 r;

	r = rnd(s, 100);
	*a = r < 75 ? AUD_BEWONERS : r < 87 ? AUD_MEDEWERKERS :
	    AUD_ONDERNEMERS;
	if (*a == AUD_ONDERNEMERS && t == T_WOONFRAUDE)
		*a = AUD_BEWONERS;
	r = rnd(s, 100);
	if (*a == AUD_MEDEWERKERS)
		*channel = r < 90 ? "intranet" : "email";
	else
		*channel = r < 85 ? "web" : r < 95 ? "telefoon" : "email";
}

/* The description: an opening for the type, details, a closing. */
static enum mp_err
report_desc(uint64_t *s, enum typ t, struct mp_buf *desc)
{
	long		 nd, i;
	enum mp_err	 er;

	if ((er = mp_buf_addstr(desc, pick(s, opening[t],
	    MP_NELEM(opening[t])))) != MP_OK)
		return er;
	nd = rnd(s, 3);
	for (i = 0; i < nd; i++)
		if ((er = mp_buf_printf(desc, " %s", PICK(s, detail))) !=
		    MP_OK)
			return er;
	return mp_buf_addstr(desc, PICK(s, closing));
}

/* A city with a postcode in its range, a house number, maybe a car. */
static void
report_place(uint64_t *s, struct place *pl)
{
	char	 kenteken[12];
	size_t	 ci;
	long	 r;

	ci = (size_t)rnd(s, (long)MP_NELEM(cities));
	pl->city = cities[ci].name;
	(void)snprintf(pl->pc, sizeof(pl->pc), "%04ld %c%c",
	    cities[ci].pc_from + rnd(s, cities[ci].pc_to -
	    cities[ci].pc_from + 1),
	    "ABCEGHJKLMNPRTVWXZ"[rnd(s, 18)],
	    "ABCDEGHJKLMNPRTVWXZ"[rnd(s, 19)]);
	r = rnd(s, 10);
	(void)snprintf(pl->house, sizeof(pl->house), "%ld%s",
	    rnd(s, 180) + 1, r == 0 ? "a" : r == 1 ? "-2" : "");
	pl->veh[0] = '\0';
	if (rnd(s, 100) < 35) {
		plate(s, kenteken);
		(void)snprintf(pl->veh, sizeof(pl->veh), "%s, kenteken %s",
		    PICK(s, vehicles), kenteken);
	}
}

/*
 * A team, and for a report taken into handling one of that team's
 * handlers, when there are any.  Drawn from a stream of its own, so the
 * reports themselves stay the same for a seed whatever teams exist.
 */
static void
report_crew(const struct seedctx *c, long idx, int taken,
    struct mp_dbval *team, struct mp_dbval *handler)
{
	uint64_t	 cs;
	long		 i;

	*team = *handler = MP_DBNULL();
	if (c->ncrew == 0)
		return;
	cs = rnd_seed((unsigned int)idx) ^ c->rng;
	i = rnd(&cs, (long)c->ncrew);
	*team = MP_DBINT(c->crew[i].team);
	if (taken)
		*handler = MP_DBINT(c->crew[i].handler);
}

/* ------------------------------------------------------------------ */
/* Subjects (issue 13): overlaps for the demo, about three a report.   */

/*
 * The demo's overlaps, so that its reports show links at once: a
 * handful of addresses with several reports each, spelled differently
 * (the postcode and number make them one subject), a plate in three
 * reports written three ways, a company with its KvK number in two.
 * Only among the first DEMO_SPAN reports (the demo's size): a bulk load
 * for a benchmark should not pile a million reports onto four
 * addresses.
 */
#define DEMO_SPAN	300

static const struct {
	const char	*street, *house, *pc;
} hot_places[][3] = {
	{ { "Dorpsstraat", "12", "9991 AB" }, { "Dorpsstr.", "12", "9991ab" },
	  { "dorpsstraat", "12", "9991 AB" } },
	{ { "Industrieweg", "7a", "9993 KL" }, { "Industrieweg", "7-A",
	  "9993kl" }, { "Industriewg", "7 a", "9993 KL" } },
	{ { "Stationsstraat", "101", "9995 BC" }, { "Stationsstr", "101",
	  "9995BC" }, { "Stationsstraat", "101", "9995 bc" } },
	{ { "Kerkweg", "3", "9990 ZX" }, { "Kerkwg", "3", "9990zx" },
	  { "kerkweg", "3", "9990 ZX" } },
};
static const char *const hot_plate[] = {
	"zwarte Audi A6, kenteken 54-TGZ-8",
	"Audi A6 met kenteken 54TGZ8",
	"zwarte auto (54 TGZ 8)",
};
static const char *const hot_company[] = {
	"Autobedrijf De Snelle Wissel B.V., KvK 30124359",
	"autobedrijf de snelle wissel (KvK-nummer 30124359)",
};

/* What one_report writes besides its main stream's draws. */
struct extras {
	const char	*street, *house, *pc, *city;	/* NULL: as drawn */
	const char	*veh;				/* NULL: as drawn */
	char		 company[160];
	char		 people[256];
};

/* A Dutch IBAN with a valid check (ISO 13616 mod 97) for acct. */
static void
iban(char out[40], const char *bank, long long acct)
{
	char		 body[32];
	unsigned	 mod = 0;
	size_t		 i;

	(void)snprintf(body, sizeof(body), "%s%010lld", bank, acct);
	/* body, then "NL00", letters as 10 to 35. */
	for (i = 0; body[i] != '\0'; i++) {
		if (body[i] >= 'A' && body[i] <= 'Z')
			mod = (mod * 100 +
			    (unsigned)(body[i] - 'A' + 10)) % 97;
		else
			mod = (mod * 10 + (unsigned)(body[i] - '0')) % 97;
	}
	mod = (mod * 100 + ('N' - 'A' + 10)) % 97;
	mod = (mod * 100 + ('L' - 'A' + 10)) % 97;
	mod = (mod * 100) % 97;
	(void)snprintf(out, 40, "NL%02u%s", 98 - mod, body);
}

/*
 * The extras of report idx, from a stream of their own (the main
 * stream, and so everything else about a report, stays as it was for
 * a seed): a KvK number with a company, a phone number and an e-mail
 * address among the people, an IBAN in the description.
 */
static enum mp_err
report_extras(long idx, const char *company, const char *ppl,
    struct mp_buf *desc, struct extras *x)
{
	uint64_t	 xs = rnd_seed((unsigned int)idx ^ 0x5ab1ec7u);
	char		 acct[40];
	size_t		 n;
	enum mp_err	 er = MP_OK;

	memset(x, 0, sizeof(*x));
	if (idx < DEMO_SPAN && idx % 20 == 3) {
		n = (size_t)(idx / 20) % MP_NELEM(hot_places);
		x->street = hot_places[n][idx / 80 % 3].street;
		x->house = hot_places[n][idx / 80 % 3].house;
		x->pc = hot_places[n][idx / 80 % 3].pc;
		x->city = "Voorbeeld";
	}
	if (idx == 5 || idx == 65 || idx == 125)
		x->veh = hot_plate[idx / 60];
	if (idx == 9 || idx == 99)
		(void)snprintf(x->company, sizeof(x->company), "%s",
		    hot_company[idx / 90]);
	else if (*company != '\0')
		(void)snprintf(x->company, sizeof(x->company), "%s, KvK %08ld",
		    company, 10000000 + rnd(&xs, 90000000));
	n = (size_t)snprintf(x->people, sizeof(x->people), "%s", ppl);
	if (rnd(&xs, 100) < 50 && n < sizeof(x->people))
		n += (size_t)snprintf(x->people + n, sizeof(x->people) - n,
		    "%sTelefoon: 06-%08ld.", n > 0 ? " " : "",
		    rnd(&xs, 90000000) + 10000000);
	if (rnd(&xs, 100) < 30 && n < sizeof(x->people))
		(void)snprintf(x->people + n, sizeof(x->people) - n,
		    "%sMail: contact%ld@voorbeeld.nl.", n > 0 ? " " : "",
		    rnd(&xs, 1000000));
	if (rnd(&xs, 100) < 35) {
		iban(acct, "INGB", rnd(&xs, 1000000000) + 1000000);
		er = mp_buf_printf(desc, " Betalingen gingen naar %s.", acct);
	}
	return er;
}

/* Insert report number idx of the demo set. */
static enum mp_err
one_report(struct mp_db *db, const struct seedctx *c, uint64_t *s, long idx,
    struct pending *p)
{
	struct mp_dbval		 v[20];
	struct mp_buf		 desc;
	struct when		 w;
	struct place		 pl;
	struct extras		 x;
	const char		*ppl, *com;
	unsigned long long	 id;
	enum typ		 t;
	enum aud		 a;
	const char		*channel, *status;
	int			 anonymous;
	struct tm		 tm;
	enum mp_err		 er;

	report_received(c, s, idx, &w);
	t = pick_type(s);
	report_audience(s, t, &a, &channel);
	mp_buf_init(&desc, 4096);
	if ((er = report_desc(s, t, &desc)) != MP_OK)
		goto out;
	report_place(s, &pl);
	status = pick_status(s, w.received, c->now, &w.taken, &w.closed);
	if (w.taken)
		fmt_datetime(w.tkn, w.taken);
	if (w.closed)
		fmt_datetime(w.cls, w.closed);
	anonymous = rnd(s, 100) >= 30;

	v[0] = MP_DBTEXT(channel);
	v[1] = MP_DBINT(c->aud[a]);
	v[2] = MP_DBINT(c->typ[t]);
	v[3] = MP_DBTEXTN(mp_buf_str(&desc), mp_buf_len(&desc));
	v[4] = MP_DBTEXTN(w.obsdate, strlen(w.obsdate));
	v[5] = rnd(s, 100) < 40 ? MP_DBNULL() :
	    MP_DBTEXTN(w.obstime, strlen(w.obstime));
	v[6] = MP_DBTEXT(PICK(s, streets));
	ppl = rnd(s, 100) < 40 ? PICK(s, people) : "";
	com = rnd(s, 100) < 25 ? PICK(s, companies) : "";
	if ((er = report_extras(idx, com, ppl, &desc, &x)) != MP_OK)
		goto out;
	v[3] = MP_DBTEXTN(mp_buf_str(&desc), mp_buf_len(&desc));
	if (x.street != NULL)
		v[6] = MP_DBTEXT(x.street);
	v[7] = MP_DBTEXT(x.house != NULL ? x.house : pl.house);
	v[8] = MP_DBTEXT(x.pc != NULL ? x.pc : pl.pc);
	v[9] = MP_DBTEXT(x.city != NULL ? x.city : pl.city);
	v[10] = MP_DBTEXT(x.people);
	v[11] = MP_DBTEXT(x.company);
	v[12] = MP_DBTEXT(x.veh != NULL ? x.veh : pl.veh);
	v[13] = MP_DBINT(anonymous);
	v[14] = MP_DBTEXT(status);
	v[15] = MP_DBTEXTN(w.recv, strlen(w.recv));
	v[16] = w.taken ? MP_DBTEXTN(w.tkn, strlen(w.tkn)) : MP_DBNULL();
	v[17] = w.closed ? MP_DBTEXTN(w.cls, strlen(w.cls)) : MP_DBNULL();
	report_crew(c, idx, w.taken != 0, &v[18], &v[19]);
	if ((er = mp_db_exec(db, stmts[STMT_REPORT], v, 20, NULL, &id)) !=
	    MP_OK)
		goto out;

	(void)gmtime_r(&w.received, &tm);
	mp_report_reference(p->ref[p->n], tm.tm_year + 1900, (long long)id);
	memcpy(p->recv[p->n], w.recv, sizeof(w.recv));
	p->id[p->n] = (long long)id;
	p->n++;
	if (!anonymous)
		er = contact(c->keys, s, (long long)id, p);
out:
	mp_buf_free(&desc);
	return er;
}

/*
 * One transaction's worth.  It starts from the PRNG state saved at the
 * batch start, so a retry after a transient error makes the same rows.
 */
static enum mp_err
batch_txn(struct mp_db *db, void *arg)
{
	const struct seedctx	*c = arg;
	struct pending		*p;
	uint64_t		 s = c->rng;
	long			 i;
	enum mp_err		 er = MP_OK;

	if ((p = mp_alloc_calloc(1, sizeof(*p))) == NULL)
		return MP_ENOMEM;
	for (i = 0; i < c->count && er == MP_OK; i++) {
		er = one_report(db, c, &s, c->first + i, p);
		if (er == MP_OK && p->n == FLUSH)
			er = flush(db, p);
	}
	if (er == MP_OK)
		er = flush(db, p);
	pending_clear(p);
	free(p);
	return er;
}

/* Look up the ids of the catalogue's slugs. */
static enum mp_err
load_ids(struct mp_db *db, const char *sql, long long *ids, size_t n,
    int audience)
{
	struct mp_stmt	*st;
	const char	*slug;
	size_t		 i;
	enum mp_err	 er;

	for (i = 0; i < n; i++)
		ids[i] = 0;
	if ((er = mp_db_query(db, &st, sql, NULL, 0)) != MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		if ((slug = mp_db_text(st, IDC_SLUG, NULL)) == NULL)
			continue;
		for (i = 0; i < n; i++)
			if (strcmp(slug, audience ? audiences[i].slug :
			    types[i].slug) == 0)
				ids[i] = mp_db_int(st, IDC_ID);
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		return er;
	for (i = 0; i < n; i++)
		if (ids[i] == 0) {
			mp_errx("%s: %s missing from the catalogue", __func__,
			    audience ? audiences[i].slug : types[i].slug);
			return MP_ENOTFOUND;
		}
	return MP_OK;
}

/* One (team, handler) pair into the crew, up to MAX_CREW of them. */
static void
crew_add(long long user, long long team, void *arg)
{
	struct seedctx	*c = arg;

	if (c->ncrew == MAX_CREW)
		return;
	c->crew[c->ncrew].team = team;
	c->crew[c->ncrew].handler = user;
	c->ncrew++;
}

/* The handlers of active teams, as (team, handler) pairs into c. */
static enum mp_err
load_crew(struct mp_db *db, struct seedctx *c)
{

	c->ncrew = 0;
	return mp_user_team_handlers(db, crew_add, c);
}

/* ------------------------------------------------------------------ */
/* Demo dossiers (issue 14).                                           */

#define DEMO_DOSSIERS	6
#define DEMO_PER	4	/* reports a demo dossier holds at most */

static const struct {
	const char	*title, *theme, *status, *analysis;
} demo_dossiers[DEMO_DOSSIERS] = {
	{ "Hennepkwekerij bedrijventerrein De Vaart", "ondermijning",
	  "interventie", "Drie meldingen over stroomverbruik en stank bij "
	  "dezelfde loods. Hypothese: professionele kwekerij." },
	{ "Kamerverhuur Stationsstraat", "woonoverlast", "in onderzoek",
	  "Wisselende bewoners en overlast; mogelijk illegale "
	  "kamerverhuur." },
	{ "Witwassen via kapsalon", "ondermijning", "open", NULL },
	{ "Overlast en intimidatie Parkflat", "woonoverlast", "afgesloten",
	  "Aanpak met de woningcorporatie afgerond." },
	{ "Shishalounge zonder vergunning", "ondermijning", "in onderzoek",
	  NULL },
	{ "Drugshandel vanuit woning", "woonoverlast", "open", NULL },
};

struct seed_rep {
	size_t		 n;
	long long	 id[DEMO_DOSSIERS * DEMO_PER];
	long long	 team[DEMO_DOSSIERS * DEMO_PER];
};

/* The path from open to status, each step through lib/dossier.c. */
static enum mp_err
seed_status(struct mp_db *db, struct mp_dossier *d, const char *status)
{
	static const char *const path[] = {
		MP_DOS_RESEARCH, MP_DOS_INTERVENTION
	};
	const char	*why;
	size_t		 i;
	enum mp_err	 er = MP_OK;

	if (strcmp(status, MP_DOS_CLOSED) == 0) {
		er = mp_dossier_set_status(db, d, d->version, MP_DOS_CLOSED,
		    "pand gesloten", "demo", &why);
		return er;
	}
	for (i = 0; er == MP_OK && i < MP_NELEM(path) &&
	    strcmp(d->status, status) != 0; i++) {
		er = mp_dossier_set_status(db, d, d->version, path[i],
		    NULL, "demo", &why);
		(void)snprintf(d->status, sizeof(d->status), "%s", path[i]);
		d->version++;
	}
	return er;
}

/* The handler of team in the crew, or of another team (other). */
static long long
crew_of(const struct seedctx *c, long long team, int other)
{
	size_t	 i;

	for (i = 0; i < c->ncrew; i++)
		if ((c->crew[i].team == team) != other)
			return c->crew[i].handler;
	return 0;
}

/* Demo dossier k of demo_dossiers, with its reports, analysis, status. */
static enum mp_err
seed_one(struct mp_db *db, const struct seedctx *c,
    const struct seed_rep *rep, size_t k, int year)
{
	struct mp_dossier_new	 n;
	struct mp_dossier_add	 a;
	struct mp_dossier	 d;
	struct mp_dbval		 all[2];
	long long		 team, user, other, saved, cur;
	size_t			 i;
	enum mp_err		 er;

	team = rep->n > 0 ? rep->team[k % rep->n] : c->crew[k % c->ncrew].team;
	if ((user = crew_of(c, team, 0)) == 0)
		return MP_OK;
	memset(&n, 0, sizeof(n));
	n.title = demo_dossiers[k].title;
	n.theme = demo_dossiers[k].theme;
	n.team_id = team;
	n.user_id = user;
	n.actor = "demo";
	n.year = year;
	if ((er = mp_dossier_create(db, &n)) != MP_OK)
		return er;
	/* Reports of its team already "in dossier": no status moves. */
	all[0] = MP_DBINT(1);
	all[1] = MP_DBINT(0);
	for (i = k; er == MP_OK && i < rep->n; i += DEMO_DOSSIERS) {
		if (rep->team[i] != team)
			continue;
		memset(&a, 0, sizeof(a));
		a.dossier = n.id;
		a.number = n.number;
		a.report = rep->id[i];
		a.vis = all;
		a.user_id = user;
		a.actor = "demo";
		a.display = "Demo";
		er = mp_dossier_report_add(db, &a);
	}
	if (er == MP_OK && demo_dossiers[k].analysis != NULL)
		er = mp_dossier_analysis_save(db, n.id, 0,
		    demo_dossiers[k].analysis, user, "demo", &saved, &cur);
	/* The first has a member outside its team (need-to-know). */
	if (er == MP_OK && k == 0 && (other = crew_of(c, team, 1)) != 0)
		er = mp_dossier_member_add(db, n.id, other, "lid", user,
		    "demo");
	memset(&d, 0, sizeof(d));
	d.id = n.id;
	d.version = 1;
	(void)snprintf(d.status, sizeof(d.status), "%s", MP_DOS_OPEN);
	if (er == MP_OK && strcmp(demo_dossiers[k].status, MP_DOS_OPEN) != 0)
		er = seed_status(db, &d, demo_dossiers[k].status);
	return er;
}

struct seed_dos {
	const struct seedctx	*c;
	int			 year;
};

static enum mp_err
dossiers_txn(struct mp_db *db, void *arg)
{
	struct seed_dos	*x = arg;
	struct seed_rep	 rep;
	struct mp_stmt	*st;
	struct mp_dbval	 v[1];
	size_t		 k;
	enum mp_err	 er;

	memset(&rep, 0, sizeof(rep));
	v[0] = MP_DBINT(DEMO_DOSSIERS * DEMO_PER);
	if ((er = mp_db_query(db, &st, stmts[STMT_IN_DOSSIER], v, 1)) !=
	    MP_OK)
		return er;
	while ((er = mp_db_next(st)) == MP_OK) {
		rep.id[rep.n] = mp_db_int(st, DOC_ID);
		rep.team[rep.n++] = mp_db_int(st, DOC_TEAM);
	}
	mp_db_done(st);
	if (er != MP_ENOTFOUND)
		return er;
	er = MP_OK;
	for (k = 0; er == MP_OK && k < DEMO_DOSSIERS; k++)
		er = seed_one(db, x->c, &rep, k, x->year);
	return er;
}

/*
 * A few dossiers of both themes and several statuses, with demo reports
 * that are "in dossier" already (so no report, message or statistic
 * changes) and a member outside the team; none without handlers.
 */
enum mp_err
mp_seed_dossiers(struct mp_db *db)
{
	struct seed_dos	 x;
	struct seedctx	*c;
	struct tm	 tm;
	time_t		 now = time(NULL);
	int		 opened;
	enum mp_err	 er;

	/*
	 * lib/dossier.c's statements put in the visibility rules; closed
	 * again only if opened here.
	 */
	opened = mp_dossier_sql.sql == NULL;
	if ((er = mp_sqltext_open(&mp_dossier_sql)) != MP_OK)
		return er;
	if ((c = calloc(1, sizeof(*c))) == NULL)
		er = MP_ENOMEM;
	else if ((er = load_crew(db, c)) == MP_OK && c->ncrew > 0) {
		x.c = c;
		x.year = localtime_r(&now, &tm) != NULL ? tm.tm_year + 1900 :
		    2026;
		er = mp_db_txn(db, dossiers_txn, &x);
	}
	free(c);
	if (opened)
		mp_sqltext_close(&mp_dossier_sql);
	return er;
}

enum mp_err
mp_seed_demo(struct mp_db *db, const struct mp_keys *keys, long nreports,
    unsigned int seed, long *inserted)
{
	struct seedctx	 c;
	enum mp_err	 er;
	long		 done = 0;
	uint64_t	 s;

	if (inserted != NULL)
		*inserted = 0;
	if (nreports < 0)
		return MP_EINVAL;
	if ((er = mp_seed_catalog(db)) != MP_OK ||
	    (er = load_ids(db, stmts[STMT_AUDIENCE_IDS], c.aud, AUD__MAX,
	    1)) != MP_OK ||
	    (er = load_ids(db, stmts[STMT_TYPE_IDS], c.typ, T__MAX, 0)) !=
	    MP_OK || (er = load_crew(db, &c)) != MP_OK)
		return er;
	c.keys = keys;
	c.now = time(NULL);
	c.start = c.now - YEAR_SECS;
	c.total = nreports;
	s = rnd_seed(seed);
	while (done < nreports) {
		long	 i;

		c.first = done;
		c.count = nreports - done < BATCH ? nreports - done : BATCH;
		c.rng = s;
		if ((er = mp_db_txn(db, batch_txn, &c)) != MP_OK)
			return er;
		/*
		 * Advance the PRNG past the batch for the next one: each
		 * batch draws from a fresh stream derived from its index,
		 * so batch boundaries do not depend on draw counts.
		 */
		for (i = 0; i < 4; i++)
			(void)rnd_next(&s);
		s ^= rnd_seed(seed + (unsigned int)(done / BATCH) + 1);
		if (s == 0)
			s = 1;
		done += c.count;
		if (inserted != NULL)
			*inserted = done;
	}
	return MP_OK;
}
