/* Charts drawn with cairo and pango: into PDF pages, PNG images and PDF files. */
#ifndef SSECMM_CHART_CAIRO_H
#define SSECMM_CHART_CAIRO_H

#include <stdbool.h>

#include <cairo.h>

#include "diag.h"
#include "output.h"
#include "render/chart.h"

/* Draw c with its top left corner at the current origin, one unit a point. */
void chart_cairo_draw(const struct chart *c, cairo_t *cr);

/* Draw c as a PNG image, scale pixels a point, passing its bytes to write
 * with closure; cairo's status of the whole. */
cairo_status_t chart_cairo_png(const struct chart *c, double scale, cairo_write_func_t write,
                               void *closure);

/* Write c as a PNG image (scale pixels a point) or a one-page PDF to o.
 * Returns false after reporting; o is committed or aborted either way. */
bool chart_write_png(const struct chart *c, double scale, struct output *o, struct diag *d);
bool chart_write_pdf(const struct chart *c, const char *title, struct output *o,
                     struct diag *d);

#endif
