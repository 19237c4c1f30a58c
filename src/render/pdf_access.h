/* What cairo 1.16 cannot write into a tagged PDF, added after it has written the file: /Lang, DisplayDocTitle, alternate text, header scope, artifacts. */
#ifndef SSECMM_PDF_ACCESS_H
#define SSECMM_PDF_ACCESS_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>
#include <glib.h>

#include "diag.h"
#include "output.h"
#include "render/pdf_file.h"

/* The notes of one PDF being typeset, and cairo's output kept in memory. */
struct pdf_access;

/* Notes for a document in language lang (a language tag; NULL or empty
 * for none).  Free with pdf_access_free, which accepts NULL. */
struct pdf_access *pdf_access_new(const char *lang);
void pdf_access_free(struct pdf_access *a);

/* A PDF surface of width x height points (pdf_surface_for: creator and
 * dates set) writing into a's memory, for pdf_access_close. */
cairo_surface_t *pdf_access_surface(struct pdf_access *a, double width, double height);

/* Count a structure element of type (as given to cairo_tag_begin) that is
 * begun now, with what cairo cannot write for it: alternate text, the
 * scope of a table header ("Column" or "Row"), a language.  Each may be
 * NULL.  Every element of a type given here must be noted, in the order
 * begun: the n-th noted is the n-th of its type in the structure tree. */
void pdf_access_element(struct pdf_access *a, const char *type, const char *alt,
                        const char *scope, const char *lang);

/* Finish and destroy surface (from pdf_access_surface), add to what cairo
 * wrote the catalog's /Lang and /ViewerPreferences << /DisplayDocTitle
 * true >>, each noted element's /Alt, /A << /O /Table /Scope ... >> and
 * /Lang, /Tabs /S on pages with annotations, and /Artifact marks around
 * everything drawn outside the structure tree; write the result to o and
 * commit it.  On failure, report and abort o.  False after reporting. */
bool pdf_access_close(struct pdf_access *a, cairo_surface_t *surface, struct output *o,
                      struct diag *d);

/* The rewrite of pdf_access_close on the bytes of a PDF: in (len bytes, as
 * cairo 1.16 writes one) written through sink(closure, ...), only once it
 * is known to succeed.  False, nothing written, with *error (static text)
 * when in is not such a file or its structure tree does not hold the
 * noted elements. */
bool pdf_access_apply(const struct pdf_access *a, const unsigned char *in, size_t len,
                      pdf_sink sink, void *closure, const char **error);

#endif
