/* The rating workbook's layout: its project sheets read into the rows every rating sheet's checks take. */
#ifndef SSECMM_SHEET_XLSX_H
#define SSECMM_SHEET_XLSX_H

#include <stdbool.h>

#include "load/sheet_check.h"
#include "load/xlsx.h"

/* Hand every rated row of every project sheet of book to ck, in the
 * book's order.  A project sheet has its project in B2 and the header
 * Area, Practice, Title, Statement, Rating, Evidence, Note in A4:G4
 * (any case, white space around); sheets named "Read me" and "Evidence"
 * are passed over, any other with a warning.  Rows from 5 on map to the
 * CSV sheet's columns (project B2, area A, practice B, rating E, evidence F,
 * note G); a row without rating, evidence and note is a practice not rated.
 * False when the book cannot be read so (no project sheet, two sheets for
 * one project), after reporting.  book outlives ck. */
bool workbook_check(struct sheet_check *ck, const struct xlsx_book *book);

#endif
