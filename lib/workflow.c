/*
 * workflow.c -- the status transitions of a report (see workflow.h).
 * nieuw -> in behandeling -> doorgezet naar partner / afgerond, with
 * reopening.  "in dossier" is known (demo data has it) but reached only
 * through dossiers, which come later.  "wacht op melder" is set by a
 * handler who asked the reporter something; the reporter's reply ends
 * it (lib/message.c), back to "in behandeling".
 */
#include "config.h"

#include <string.h>

#include "errcode.h"
#include "workflow.h"

const char *const mp_statuses[] = {
	MP_ST_NEW, MP_ST_TAKEN, MP_ST_WAITING, MP_ST_PARTNER, MP_ST_DOSSIER,
	MP_ST_CLOSED,
	NULL
};

static const struct mp_transition transitions[] = {
	{ MP_ST_NEW, MP_ST_TAKEN, "In behandeling nemen", 0 },
	{ MP_ST_NEW, MP_ST_CLOSED, "Afronden zonder behandeling", 1 },
	{ MP_ST_TAKEN, MP_ST_WAITING, "Wachten op antwoord melder", 0 },
	{ MP_ST_TAKEN, MP_ST_PARTNER, "Doorzetten naar partner", 0 },
	{ MP_ST_TAKEN, MP_ST_CLOSED, "Afronden", 1 },
	{ MP_ST_WAITING, MP_ST_TAKEN, "Terug in behandeling", 0 },
	{ MP_ST_WAITING, MP_ST_CLOSED, "Afronden", 1 },
	{ MP_ST_PARTNER, MP_ST_TAKEN, "Terug in behandeling", 0 },
	{ MP_ST_PARTNER, MP_ST_CLOSED, "Afronden", 1 },
	{ MP_ST_DOSSIER, MP_ST_TAKEN, "Terug in behandeling", 0 },
	{ MP_ST_DOSSIER, MP_ST_CLOSED, "Afronden", 1 },
	{ MP_ST_CLOSED, MP_ST_TAKEN, "Heropenen", 0 },
};

int
mp_workflow_status(const char *s)
{
	size_t	 i;

	for (i = 0; s != NULL && mp_statuses[i] != NULL; i++)
		if (strcmp(s, mp_statuses[i]) == 0)
			return 1;
	return 0;
}

const struct mp_transition *
mp_workflow_allowed(const char *from, const char *to)
{
	size_t	 i;

	if (from == NULL || to == NULL)
		return NULL;
	for (i = 0; i < MP_NELEM(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0 &&
		    strcmp(transitions[i].to, to) == 0)
			return &transitions[i];
	return NULL;
}

static const struct {
	const char	*status;
	const char	*text;
} public[] = {
	{ MP_ST_NEW, "Ontvangen. Uw melding wacht op beoordeling door een "
	  "medewerker." },
	{ MP_ST_TAKEN, "In behandeling. Een medewerker werkt aan uw "
	  "melding." },
	{ MP_ST_WAITING, "Wij hebben u een vraag gesteld. Wilt u die "
	  "hieronder beantwoorden?" },
	{ MP_ST_PARTNER, "In behandeling. Een medewerker werkt aan uw "
	  "melding." },
	{ MP_ST_DOSSIER, "In behandeling. Een medewerker werkt aan uw "
	  "melding." },
	{ MP_ST_CLOSED, "Afgerond. De behandeling van uw melding is "
	  "klaar." },
};

const char *
mp_workflow_public(const char *status)
{
	size_t	 i;

	for (i = 0; status != NULL && i < MP_NELEM(public); i++)
		if (strcmp(public[i].status, status) == 0)
			return public[i].text;
	return "In behandeling. Een medewerker werkt aan uw melding.";
}

const struct mp_transition *
mp_workflow_next(const char *from, size_t n)
{
	size_t	 i;

	for (i = 0; from != NULL && i < MP_NELEM(transitions); i++)
		if (strcmp(transitions[i].from, from) == 0 && n-- == 0)
			return &transitions[i];
	return NULL;
}
