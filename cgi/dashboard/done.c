/*
 * done.c -- what every dashboard page does after a state change (issue
 * 16): a successful action redirects to the page it returns to with
 * "?gedaan=<code>", and that page shows the code's fixed Dutch text in
 * its status region (dash_view sets Done; templates/dashboard/layout.cs
 * shows it, role="status").  The parameter is never shown itself: an
 * unknown code shows nothing.  A refused action renders its page again
 * with what was typed (dash_keep), escaped as every value.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "meldpunt.h"
#include "dashboard.h"

/* One table for every page; codes are unique across pages. */
static const struct {
	const char	*code;
	const char	*text;
} done_texts[] = {
	/* The report page (report.c, links.c, retention.c, new.c). */
	{ "oppakken", "U heeft de melding opgepakt." },
	{ "toewijzen", "De melding is toegewezen." },
	{ "status", "De status is gewijzigd." },
	{ "notitie", "Uw notitie is toegevoegd." },
	{ "wijzigen", "Uw correctie is opgeslagen; de oude waarde staat in "
	  "de geschiedenis." },
	{ "delen", "De melding is gedeeld met de partner." },
	{ "bericht", "Uw bericht aan de melder is verstuurd." },
	{ "gelezen", "De antwoorden van de melder zijn als gelezen "
	  "gemarkeerd." },
	{ "vragen", "Uw vraag is verstuurd; de melding wacht nu op de "
	  "melder." },
	{ "onderwerpen", "De onderwerpen van de melding zijn bijgewerkt." },
	{ "verband", "Het verband tussen de meldingen is vastgelegd." },
	{ "bewaren", "De aanhouding van de bewaartermijn is bijgewerkt." },
	{ "ingevoerd", "De melding is ingevoerd." },
	{ "in-dossier", "De melding is aan het dossier toegevoegd." },
	/* Dossiers (dossier.c, journal.c, dossier_doc.c). */
	{ "dossier-nieuw", "Het dossier is aangemaakt." },
	{ "dossier-status", "De status van het dossier is gewijzigd." },
	{ "dossier-analyse", "De analyse is opgeslagen." },
	{ "dossier-melding", "De melding is aan het dossier toegevoegd." },
	{ "dossier-melding-weg", "De melding is uit het dossier gehaald." },
	{ "dossier-onderwerp", "Het onderwerp is aan het dossier "
	  "toegevoegd." },
	{ "dossier-lid", "Het lid is aan het dossier toegevoegd." },
	{ "dossier-lid-weg", "Het lid is uit het dossier gehaald." },
	{ "journaal-notitie", "De notitie staat in het journaal." },
	{ "journaal-besluit", "Het besluit staat in het journaal." },
	{ "journaal-taak", "De taak staat in het journaal." },
	{ "taak", "De taak is bijgewerkt." },
	{ "document", "Het document is toegevoegd." },
	{ "document-weg", "Het document is verwijderd." },
	/* Beheer (admin.c). */
	{ "gebruiker-nieuw", "De gebruiker is aangemaakt." },
	{ "rechten", "De rechten van de gebruiker zijn gewijzigd." },
	{ "gebruiker-naam", "De naam van de gebruiker is gewijzigd." },
	{ "team-nieuw", "Het team is aangemaakt." },
	{ "team-naam", "De naam van het team is gewijzigd." },
	{ "team-actief", "Het team is bijgewerkt." },
	{ "soort-nieuw", "De signaalsoort is toegevoegd." },
	{ "soort-wijzig", "De signaalsoort is gewijzigd." },
	{ "soort-actief", "De signaalsoort is bijgewerkt." },
	{ "publiek-nieuw", "De doelgroep is toegevoegd." },
	{ "publiek-wijzig", "De doelgroep is gewijzigd." },
	{ "publiek-actief", "De doelgroep is bijgewerkt." },
	{ "publiek-soort", "De signaalsoorten van de doelgroep zijn "
	  "bijgewerkt." },
	/* Requests for rights (grant.c). */
	{ "verzoek-bevestigd", "Het verzoek is bevestigd en uitgevoerd." },
	{ "verzoek-afgewezen", "Het verzoek is afgewezen." },
	{ "verzoek-ingetrokken", "Het verzoek is ingetrokken." },
	/* Routing and cover (routing.c). */
	{ "regel-nieuw", "De regel is opgeslagen." },
	{ "regel-weg", "De regel is verwijderd." },
	{ "vervanging-nieuw", "De vervanging is opgeslagen." },
	{ "vervanging-einde", "De vervanging is beëindigd." },
	/* The user's own account (auth.c). */
	{ "wachtwoord", "Uw wachtwoord is gewijzigd." },
	{ "tweede-factor", "Uw tweede factor is ingesteld." },
};

const char *
dash_done_text(const char *code)
{
	size_t	 i;

	for (i = 0; code != NULL && i < MP_NELEM(done_texts); i++)
		if (strcmp(code, done_texts[i].code) == 0)
			return done_texts[i].text;
	return NULL;
}

void
dash_done(struct mp_dreq *r, const char *path, const char *code)
{
	char		 loc[256];
	const char	*frag;
	size_t		 n;

	if (code == NULL) {
		dash_redirect(r, path);
		return;
	}
	/* The query goes before a "#part" of the page. */
	frag = strchr(path, '#');
	n = frag != NULL ? (size_t)(frag - path) : strlen(path);
	if (dash_done_text(code) == NULL ||
	    snprintf(loc, sizeof(loc), "%.*s%sgedaan=%s%s", (int)n, path,
	    memchr(path, '?', n) != NULL ? "&" : "?", code,
	    frag != NULL ? frag : "") >= (int)sizeof(loc)) {
		/* A code missing from the table is a bug: no text, no harm. */
		mp_warnx("%s: a code without its text (%s)", __func__, path);
		dash_redirect(r, path);
		return;
	}
	dash_redirect(r, loc);
}

enum mp_err
dash_keep(struct mp_dreq *r, struct mp_view *v, const struct dash_keep *k,
    size_t n)
{
	const char	*s;
	size_t		 i;
	enum mp_err	 er = MP_OK;

	for (i = 0; er == MP_OK && i < n; i++)
		if ((s = dash_form(r, k[i].field)) != NULL)
			er = mp_tmpl_set(v, k[i].name, s);
	return er;
}
