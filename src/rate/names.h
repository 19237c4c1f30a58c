/* Names in any script: when two are the same name, whatever the locale. */
#ifndef SSECMM_NAMES_H
#define SSECMM_NAMES_H

#include <stdbool.h>

/* Whether a and b (UTF-8) name the same thing: equal once both are in
 * Unicode compatibility composed form (NFKC: full-width letters and digits
 * as the ordinary ones, composed and decomposed accents alike) and case
 * folded.  The same answer in every locale.  NULL equals only NULL. */
bool names_equal(const char *a, const char *b);

#endif
