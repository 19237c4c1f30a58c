/* Reading named entries of a zip archive held in memory, within limits, refusing what a workbook never holds. */
#ifndef SSECMM_ZIPREAD_H
#define SSECMM_ZIPREAD_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Bounds on one archive; each breach is reported with its value and
 * EXIT_LIMIT.  Sizes are of inflated data, measured while inflating: the
 * sizes an archive declares are never trusted. */
struct zipread_limits {
	size_t max_entries;      /* entries in the central directory */
	size_t max_entry_bytes;  /* one entry, inflated */
	size_t max_total_bytes;  /* every entry read, inflated, together */
};

struct zipread;

/* Open the archive in bytes[0..len) (not copied: it must outlive the
 * archive), named display in diagnostics.  Every entry is checked before
 * any is read: at most max_entries, no name that is absolute, holds a
 * backslash or a '..' component, no encryption, no compression but
 * deflate or none; the archive is on one disk, its central directory
 * consistent and no name in it twice (libzip's checks).  NULL after reporting to d. */
struct zipread *zipread_open(const char *bytes, size_t len, const char *display,
                             const struct zipread_limits *limits, struct diag *d);
void zipread_close(struct zipread *z);

/* True when the archive has an entry of exactly this name. */
bool zipread_has(struct zipread *z, const char *name);

/* The inflated bytes of entry name, NUL-terminated (g_free), *len their
 * count; NULL after reporting (missing, corrupt, over a limit). */
char *zipread_entry(struct zipread *z, const char *name, size_t *len);

#endif
