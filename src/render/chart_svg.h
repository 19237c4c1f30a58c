/* Charts as SVG elements, text kept as text. */
#ifndef SSECMM_CHART_SVG_H
#define SSECMM_CHART_SVG_H

#include <libxml/tree.h>

#include "render/chart.h"

/* An <svg> element (SVG namespace) drawing c in doc, not yet attached.
 * title becomes the SVG's <title> (its accessible name) and id_prefix makes
 * the ids inside unique when several charts share a page. */
xmlNode *chart_svg(const struct chart *c, xmlDoc *doc, const char *title, const char *id_prefix);

#endif
