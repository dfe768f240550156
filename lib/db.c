/* db.c -- not written yet. */
#include "config.h"

#include "meldpunt.h"
