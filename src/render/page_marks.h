/* Marks a page carries because of the document's status: DRAFT across every page of a draft. */
#ifndef SSECMM_PAGE_MARKS_H
#define SSECMM_PAGE_MARKS_H

#include <stdbool.h>

#include <cairo.h>
#include <pango/pango.h>

/* Does the document's <meta name="document-status"> say draft?  status may
 * be NULL (no such meta: a final document or one without a record). */
bool page_marks_is_draft(const char *status);

/* Draw "DRAFT" large and faint across a page_w x page_h page, under what is
 * drawn after it.  Leaves cr's state as it found it. */
void page_marks_draft(cairo_t *cr, PangoContext *pango, double page_w, double page_h);

#endif
