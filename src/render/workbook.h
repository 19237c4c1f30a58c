/* The rating workbook (XLSX) a team fills in on site: written with libxlsxwriter, in the layout `import` reads back. */
#ifndef SSECMM_WORKBOOK_H
#define SSECMM_WORKBOOK_H

#include <stdbool.h>

#include "diag.h"
#include "load/appraisal.h"
#include "load/model.h"
#include "output.h"

/* Write the workbook of a (checked against m; it may be a template without
 * ratings) to o: the "Read me" sheet, one sheet per project, the
 * "Evidence" sheet.  Its dates are SOURCE_DATE_EPOCH when set, else the
 * appraisal's first day on site, so the same input gives the same bytes.
 * Commits or aborts o; false after reporting. */
bool workbook_write(const struct model *m, const struct appraisal *a, struct output *o,
                    struct diag *d);

#endif
