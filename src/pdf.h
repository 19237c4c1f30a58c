/* cairo output to our atomic files: PDF surfaces with reproducible dates, and the write callback. */
#ifndef SSECMM_PDF_H
#define SSECMM_PDF_H

#include <stdbool.h>

#include <cairo.h>

#include "diag.h"
#include "output.h"

/* cairo's write callback (cairo_write_func_t): closure is a struct output. */
cairo_status_t pdf_write_output(void *closure, const unsigned char *data, unsigned int length);

/* A PDF surface of width x height points writing to o, its creator set to
 * ssecmm and its dates taken from SOURCE_DATE_EPOCH when that is set. */
cairo_surface_t *pdf_surface_new(struct output *o, double width, double height);

/* Commit o when status (of a finished cairo surface or stream) is success;
 * else report it and abort o.  False after reporting. */
bool pdf_commit_status(cairo_status_t status, struct output *o, struct diag *d);

/* Finish and destroy surface, check for write errors (cairo reports them
 * only now), and commit o, or abort it on failure.  False after reporting. */
bool pdf_surface_close(cairo_surface_t *surface, struct output *o, struct diag *d);

#endif
