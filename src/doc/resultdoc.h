/* The result document: computed results as XML, for `rate --format xml` and the product templates. */
#ifndef SSECMM_RESULTDOC_H
#define SSECMM_RESULTDOC_H

#include <libxml/tree.h>

#include "rate/results.h"

#define RESULT_NS "urn:ssecmm:result:1"

/* Build the result document (namespace RESULT_NS) from computed results:
 * every number already computed, so templates only arrange and word them.
 * No time stamps: the same inputs give the same document.  The caller owns
 * the tree (xmlFreeDoc). */
xmlDoc *result_document(const struct results *r);

#endif
