/* The product commands' shared parts: where products go, from the command line; the glyph check; the standalone chart and XML writers. */
#ifndef SSECMM_PRODUCTS_H
#define SSECMM_PRODUCTS_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "diag.h"
#include "pipeline.h"
#include "rate/results.h"
#include "render/chart.h"
#include "render/typeset.h"

struct cli;

/* Fill dest's formats, paper, output and streams from the command line
 * (--format, --paper, -o, -q).  -o is "-", a directory (existing, or
 * ending in '/': the formats --format names, HTML and PDF by default) or a
 * file ending in .html, .pdf, .docx or .odt in any case (that format
 * alone); anything else, or a format outside dest->allowed (set before the
 * call), is a usage error.  Returns -1 to go on, or the exit status of a
 * usage error after reporting it. */
int product_dest_from_cli(struct cli *c, struct product_dest *dest);

/* Warn about every character of a's text that no installed font has,
 * when dest asks for PDF (HTML leaves fonts to the browser). */
void product_check_glyphs(const struct product_dest *dest, const struct appraisal *a,
                          struct diag *d);

/* Write chart as a standalone SVG document to o; commits or aborts o. */
bool product_write_svg(struct chart *chart, const char *title, struct output *o,
                       struct diag *d);

/* Write a document (the result document, say) as indented XML to o;
 * commits or aborts o. */
bool product_write_xml(xmlDoc *doc, struct output *o, struct diag *d);

/* The file name stem of an input: its base name without ".xml". */
char *product_stem(const char *path);

#endif
