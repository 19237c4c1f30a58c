/* The files of a directory that an operand stands for: regular files by name suffix, in name order. */
#ifndef SSECMM_LISTING_H
#define SSECMM_LISTING_H

#include <stdbool.h>

#include <glib.h>

#include "diag.h"

/* Append to paths (g_free'd strings) dir/NAME for every regular file NAME
 * directly in dir that ends in suffix and is longer than it, sorted by
 * name (bytes, so the order is the same on every machine).  False after
 * reporting a directory that cannot be read (EXIT_IO). */
bool listing_read(const char *dir, const char *suffix, GPtrArray *paths, struct diag *d);

#endif
