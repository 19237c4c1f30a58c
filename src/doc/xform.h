/* XSLT transforms of our own templates, with file and network access forbidden and limits set. */
#ifndef SSECMM_XFORM_H
#define SSECMM_XFORM_H

#include <libxml/tree.h>

#include "diag.h"

struct xform;

/* Compile the template at path.  It may import or include templates from
 * its own directory and nothing else; every file goes through the hardened
 * loader.  Returns NULL after reporting (EXIT_INTERNAL: our templates are
 * part of the program).  Free with xform_free. */
struct xform *xform_load(const char *path, struct diag *d);
void xform_free(struct xform *x);

/* Apply x to input.  params is NULL or a NULL-terminated list of name,
 * value pairs; values are passed as strings, never evaluated as XPath.  The
 * transform may not read or write any file or open any connection
 * (document(), xsl:document and the like are refused), and is stopped past
 * a template depth and an XPath operation budget.  Returns the result tree
 * (the caller frees it), or NULL after reporting every transform error. */
xmlDoc *xform_apply(struct xform *x, xmlDoc *input, const char *const *params, struct diag *d);

/* Release libxslt's global state at exit. */
void xform_cleanup(void);

#endif
