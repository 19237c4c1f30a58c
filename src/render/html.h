/* The HTML writer: a product document becomes one self-contained HTML file. */
#ifndef SSECMM_HTML_H
#define SSECMM_HTML_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "diag.h"
#include "output.h"
#include "render/chart.h"

/* The style sheet, read once and shared by every document written. */
struct html_style;

/* Read stylesheets/ssecmm.css from the data directory.  NULL after
 * reporting.  Free with html_style_free. */
struct html_style *html_style_load(struct diag *d);
void html_style_free(struct html_style *s);

/* Write doc (the product's document in the subset of xhtml-subset.xsd) to o
 * as HTML5: the style sheet inlined, a Content-Security-Policy that allows
 * that style sheet and nothing else (no script, no network, no frames), and
 * every chart placeholder filled with its chart as SVG.  doc is left as it
 * is (the writer fills a copy), so the typesetter may read it before or
 * after.  Commits or aborts o; false after reporting. */
bool html_write(const xmlDoc *doc, const struct html_style *style, chart_maker charts,
                void *ctx, struct output *o, struct diag *d);

#endif
