/* What making products needs once per run: compiled templates, the document subset's schema, the style sheet and the typesetter. */
#ifndef SSECMM_PRESS_H
#define SSECMM_PRESS_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "diag.h"
#include "doc/xform.h"
#include "render/html.h"
#include "render/typeset.h"

struct press;

/* An empty press: everything is loaded on first use and kept, so a batch
 * compiles each template once.  Free with press_free.  Each function
 * reports its problems to the d it is given. */
struct press *press_new(void);
void press_free(struct press *p);

/* The compiled template at rel (a path under the data directory, such as
 * "templates/report.xsl"); NULL after reporting. */
struct xform *press_template(struct press *p, const char *rel, struct diag *d);

/* Load now what later renderings with the templates rels (NULL-terminated)
 * will need: the templates, the subset's schema and the style sheet; so a
 * batch's workers share them instead of each loading its own.  False after
 * reporting. */
bool press_load(struct press *p, const char *const *rels, struct diag *d);

/* The typesetter of the PDF renderings, made on first use and freed with
 * the press. */
struct typesetter *press_typesetter(struct press *p);

/* The style sheet of the HTML renderings; NULL after reporting. */
const struct html_style *press_style(struct press *p, struct diag *d);

/* Transform input with the template at rel and check that the result stays
 * inside templates/xhtml-subset.xsd, the document both renderings read.  A
 * template that leaves the subset is a bug in the program (EXIT_INTERNAL),
 * never a document to print.  NULL after reporting; the caller frees. */
xmlDoc *press_document(struct press *p, const char *rel, xmlDoc *input,
                       const char *const *params, struct diag *d);

#endif
