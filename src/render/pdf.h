/* cairo output to our atomic files: PDF surfaces with reproducible dates, and the write callback. */
#ifndef SSECMM_PDF_H
#define SSECMM_PDF_H

#include <stdbool.h>

#include <cairo.h>
#include <cairo-pdf.h>

#include "diag.h"
#include "output.h"

/* cairo's write callback (cairo_write_func_t): closure is a struct output. */
cairo_status_t pdf_write_output(void *closure, const unsigned char *data, unsigned int length);

/* A PDF surface of width x height points writing through write(closure),
 * its creator set to ssecmm and its dates taken from SOURCE_DATE_EPOCH when
 * that is set. */
cairo_surface_t *pdf_surface_for(cairo_write_func_t write, void *closure, double width,
                                 double height);

/* pdf_surface_for writing to o. */
cairo_surface_t *pdf_surface_new(struct output *o, double width, double height);

/* A copy of text (g_free) fit for cairo's PDF text strings (metadata, outline
 * entries): cairo refuses the Unicode noncharacters, which XML allows
 * (U+FDD0-U+FDEF and the last two code points of every plane), and fails
 * the whole file when it meets one; each becomes U+FFFD, as does invalid
 * UTF-8. */
char *pdf_text(const char *text);

/* cairo_pdf_surface_set_metadata with value (may be NULL) passed through pdf_text. */
void pdf_set_metadata(cairo_surface_t *surface, cairo_pdf_metadata_t key, const char *value);

/* Commit o when status (of a finished cairo surface or stream) is success;
 * else report it and abort o.  False after reporting. */
bool pdf_commit_status(cairo_status_t status, struct output *o, struct diag *d);

/* Finish and destroy surface, check for write errors (cairo reports them
 * only now), and commit o, or abort it on failure.  False after reporting. */
bool pdf_surface_close(cairo_surface_t *surface, struct output *o, struct diag *d);

#endif
