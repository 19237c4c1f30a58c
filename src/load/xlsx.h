/* An XLSX workbook's parts read into sheets of cells with their references: values as text, never evaluated. */
#ifndef SSECMM_XLSX_H
#define SSECMM_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include <glib.h>

#include "diag.h"
#include "load/zipread.h"

/* Bounds on one workbook; each breach is reported with its value and
 * EXIT_LIMIT.  Every XML part is read by the hardened loader with its own
 * limits besides. */
struct xlsx_limits {
	struct zipread_limits zip;
	size_t max_shared_strings;
	size_t max_rows;         /* <row> elements, every sheet together */
	size_t max_cells;        /* <c> elements, every sheet together */
};

extern const struct xlsx_limits xlsx_default_limits;

/* A cell's value as text: a string as it is, a number in the shortest form
 * that reads back as the same double (42, 0.1), a boolean as TRUE or
 * FALSE, an error as written (#N/A).  A formula's value is the one cached
 * when the file was last saved. */
struct xlsx_cell {
	long row;                /* 1 to 1048576 */
	long col;                /* 1 (A) to 16384 (XFD) */
	const char *text;        /* valid UTF-8, "" when the cell holds none */
	bool formula;
};

struct xlsx_sheet {
	const char *name;        /* as the workbook names it */
	const char *part;        /* its entry in the archive, or NULL (not a worksheet) */
	struct xlsx_cell *cells; /* sorted by row, then column; no two alike */
	size_t n_cells;
};

/* The workbook: its sheets in the workbook's order.  Read-only; every
 * string lives as long as the book. */
struct xlsx_book {
	struct xlsx_sheet *sheets;
	size_t n_sheets;
};

/* Read the workbook in bytes[0..len), named display in diagnostics.  The
 * parts are found from xl/workbook.xml and its relationships (targets are
 * resolved inside xl/ only); every part passes the hardened XML loader,
 * named "display(part)" in its diagnostics.  NULL after reporting to d;
 * the caller owns the book (xlsx_free). */
struct xlsx_book *xlsx_read(const char *bytes, size_t len, const char *display,
                            const struct xlsx_limits *limits, struct diag *d);
void xlsx_free(struct xlsx_book *book);

/* The cell at row, col of sheet, or NULL when the sheet has none there. */
const struct xlsx_cell *xlsx_cell(const struct xlsx_sheet *sheet, long row, long col);

/* True when path ends in .xlsx or .xlsm, in any case. */
bool xlsx_is_workbook_name(const char *path);

/* Parse a cell reference such as E42 (no '$', upper case) into row and
 * column; false when it is not one of A1 to XFD1048576. */
bool xlsx_parse_ref(const char *ref, long *row, long *col);

/* Decode the escapes of ECMA-376's ST_Xstring in text, in place: _xHHHH_
 * (four hex digits, either case) is the character U+HHHH, so _x000D_ is a
 * carriage return and _x005F_ an underscore.  An escape of U+0000 or of a
 * surrogate is not a character and stays as written. */
void xlsx_unescape(GString *text);

/* The shortest text of number that reads back as the same double, into
 * buf; false when number is not a finite decimal number. */
bool xlsx_number_text(const char *number, char *buf, size_t size);

#endif
