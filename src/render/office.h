/* Editable office documents (DOCX, ODT): a product document made into a word processor's package by a template. */
#ifndef SSECMM_OFFICE_H
#define SSECMM_OFFICE_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "diag.h"
#include "doc/xform.h"
#include "output.h"
#include "render/chart.h"
#include "render/typeset.h"

enum office_kind { OFFICE_DOCX, OFFICE_ODT, OFFICE_KINDS };

/* The template, under the data directory, that turns a product document
 * into the parts of kind's package. */
const char *office_template(enum office_kind kind);

/* Write doc (a product document, inside the document subset) to o as a
 * package of kind, with x the compiled office_template(kind).  Each chart
 * the document asks for is drawn by charts (with ctx) as a PNG image at
 * 300 dpi, and in ODT as SVG too, the PNG its fallback.  paper sets the
 * page size; every entry carries SOURCE_DATE_EPOCH's date, or the time
 * now, so the same document and SOURCE_DATE_EPOCH give the same bytes.  o
 * is committed, or aborted after reporting (false). */
bool office_write(struct xform *x, enum office_kind kind, const xmlDoc *doc,
                  enum typeset_paper paper, chart_maker charts, void *ctx, struct output *o,
                  struct diag *d);

#endif
