/* XML Schema (XSD) validation of loaded documents, with errors as diagnostics. */
#ifndef SSECMM_SCHEMA_H
#define SSECMM_SCHEMA_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "diag.h"

struct schema;

/* Load and compile the XSD at path (one of our own data files, read through
 * the hardened loader).  Returns NULL after reporting.  Free with schema_free. */
struct schema *schema_load(const char *path, struct diag *d);
void schema_free(struct schema *s);

/* Validate doc; report each violation as "display:LINE: error: ..." with the
 * namespace braces removed from libxml2's wording.  True when valid. */
bool schema_validate(struct schema *s, xmlDoc *doc, const char *display, struct diag *d);

#endif
