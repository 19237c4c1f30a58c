/* Zip packages of named parts (DOCX, ODT), the same bytes for the same parts and date. */
#ifndef SSECMM_PACKAGE_H
#define SSECMM_PACKAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"
#include "output.h"

struct package;

/* An empty package whose entries all carry the date mtime (UTC; dates
 * before 1980, which a zip entry cannot hold, become 1 January 1980).
 * Free with package_write or package_free. */
struct package *package_new(time_t mtime);

/* Add the part name holding len bytes of data (copied), deflated, or
 * stored as it is when stored is set (ODT's mimetype must be).  Entries
 * keep the order they are added in.  False when libzip refuses the entry
 * (a name given twice); the package stays usable. */
bool package_add(struct package *p, const char *name, const void *data, size_t len,
                 bool stored);

/* Write the zip archive to o and commit o.  Frees p; false after reporting,
 * o aborted. */
bool package_write(struct package *p, struct output *o, struct diag *d);

/* Give up p.  Accepts NULL. */
void package_free(struct package *p);

#endif
