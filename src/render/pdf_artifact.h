/* Page content outside the structure tree marked as artifacts: what cairo 1.16 draws untagged wrapped in /Artifact marked content. */
#ifndef SSECMM_PDF_ARTIFACT_H
#define SSECMM_PDF_ARTIFACT_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

/* Append to out the content stream in (len bytes, decoded) with every
 * graphics object drawn outside tagged marked content (a sequence whose
 * properties carry an /MCID) enclosed in "/Artifact BMC" ... "EMC": the
 * running heads, footers, rules, borders and watermarks that cairo leaves
 * untagged.  Neighbouring objects share one sequence; a sequence never
 * crosses q or Q, a text object or a tagged sequence, so the marks nest
 * with everything else.  False, with out unspecified, on a stream that is
 * malformed (an unterminated string, dictionary or array, an EMC without
 * its sequence) or that puts tagged content inside untagged marked
 * content. */
bool pdf_artifact_wrap(const unsigned char *in, size_t len, GByteArray *out);

#endif
