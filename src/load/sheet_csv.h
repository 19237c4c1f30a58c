/* The CSV rating sheet: a header naming the columns, then one row per rating, handed to the checks. */
#ifndef SSECMM_SHEET_CSV_H
#define SSECMM_SHEET_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "load/csv.h"
#include "load/sheet_check.h"

/* Parse bytes as a CSV sheet within the sheet's limits; NULL after
 * reporting to ck (a malformed file, a breached limit, an empty file).
 * Only ck's diagnostics are used: call before the template is loaded. */
struct csv_table *sheet_csv_parse(struct sheet_check *ck, const char *bytes, size_t len);

/* Read the header of table and check each of its rows with ck, in order;
 * false when the header is wrong (its errors reported).  Rows with a field
 * count other than the header's are reported here. */
bool sheet_csv_check(struct sheet_check *ck, const struct csv_table *table);

/* Where the sheet says that it rates nothing: its header's line. */
struct diag_pos sheet_csv_header_pos(const struct csv_table *table);

#endif
