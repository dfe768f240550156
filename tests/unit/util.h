/*
 * util.h -- what every unit test includes: cmocka and the library.
 * Tests print TAP (CMOCKA_MESSAGE_OUTPUT=TAP, set by make check).
 */
#ifndef MP_TEST_UTIL_H
#define MP_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "meldpunt.h"

#endif
