/*
 * cs.h -- the one place ClearSilver is included.  Its cs_config.h
 * defines PACKAGE_NAME and friends as "" and would clash with our
 * config.h, so they are saved and restored around it.  Only lib/conf.c,
 * lib/tmpl.c and lib/i18n.c include this file.
 */
#ifndef MP_CS_H
#define MP_CS_H

#pragma push_macro("PACKAGE_NAME")
#pragma push_macro("PACKAGE_VERSION")
#pragma push_macro("PACKAGE_STRING")
#pragma push_macro("PACKAGE_TARNAME")
#pragma push_macro("PACKAGE_BUGREPORT")
#pragma push_macro("PACKAGE_URL")
#pragma push_macro("PACKAGE")
#pragma push_macro("VERSION")
#undef PACKAGE_NAME
#undef PACKAGE_VERSION
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_BUGREPORT
#undef PACKAGE_URL
#undef PACKAGE
#undef VERSION
#include <ClearSilver.h>
#undef PACKAGE_NAME
#undef PACKAGE_VERSION
#undef PACKAGE_STRING
#undef PACKAGE_TARNAME
#undef PACKAGE_BUGREPORT
#undef PACKAGE_URL
#undef PACKAGE
#undef VERSION
#pragma pop_macro("PACKAGE_NAME")
#pragma pop_macro("PACKAGE_VERSION")
#pragma pop_macro("PACKAGE_STRING")
#pragma pop_macro("PACKAGE_TARNAME")
#pragma pop_macro("PACKAGE_BUGREPORT")
#pragma pop_macro("PACKAGE_URL")
#pragma pop_macro("PACKAGE")
#pragma pop_macro("VERSION")

#endif
