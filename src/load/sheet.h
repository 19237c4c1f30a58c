/* A rating sheet's rows as the checks see them, whichever file they came from (CSV sheet or workbook). */
#ifndef SSECMM_SHEET_H
#define SSECMM_SHEET_H

#include <stddef.h>

#include "diag.h"

/* The columns of a rating sheet, in the CSV sheet's order. */
enum sheet_column {
	SHEET_PROJECT, SHEET_AREA, SHEET_PRACTICE, SHEET_RATING, SHEET_EVIDENCE, SHEET_NOTE,
	SHEET_N_COLUMNS
};

/* The columns' names as a CSV header writes them (project, process_area, ...). */
extern const char *const sheet_column_names[SHEET_N_COLUMNS];

/* One value and where it stands: a CSV field's line and column, or a
 * workbook cell.  text is NUL-terminated valid UTF-8 without NUL. */
struct sheet_field {
	const char *text;
	size_t len;
	struct diag_pos pos;
};

/* One row.  A column the sheet does not have is NULL (a CSV header may
 * leave evidence and note out); pos is where the row starts, for the
 * problems of a whole row or area.  The texts and the sheet names of the
 * positions must outlive the check that reads the row; the row itself may
 * be a temporary. */
struct sheet_row {
	const struct sheet_field *fields[SHEET_N_COLUMNS];
	struct diag_pos pos;
};

#endif
