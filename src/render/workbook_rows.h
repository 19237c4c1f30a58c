/* What the rating workbook holds, apart from how it is drawn: each project sheet's name and rows, and each practice's short statement. */
#ifndef SSECMM_WORKBOOK_ROWS_H
#define SSECMM_WORKBOOK_ROWS_H

#include <stddef.h>

#include <glib.h>

#include "load/appraisal.h"
#include "load/model.h"

/* One row of a project sheet.  Strings belong to the model, the appraisal
 * or the statements table the rows were made with. */
struct workbook_row {
	const struct model_pa *pa;
	const char *practice;           /* as the XML writes it: BP.01.01, GP-2.1.1, PA1.1 */
	const char *title;
	const char *statement;          /* never NULL; "" when the model has none */
	const struct ap_rating *rating; /* NULL while the project has not rated it */
};

/* The short statement of every practice of m, by id: a base practice's
 * <statement>, a generic practice's description, each cut to its first
 * sentence, and a line of our own for each process attribute.  The caller
 * destroys the table (g_hash_table_destroy); it must not outlive m. */
GHashTable *workbook_statements_new(const struct model *m);

/* The first sentence of text with its white space folded: up to the first
 * '.', '!' or '?' followed by a space and a word that does not start in
 * lower case (so "e.g. a" goes on), or up to an ideographic full stop; the
 * whole text when none.  The caller frees the result (g_free). */
char *workbook_first_sentence(const char *text);

/* The rows of project p's sheet, in order: for every process area in the
 * appraisal's scope (model order) its base practices, then the generic
 * practices by level (method ssam) or the nine process attributes (method
 * iso15504); a practice the project rated that these leave out (a generic
 * practice under iso15504) keeps its row, in model order, so that the
 * workbook holds every rating of the appraisal.  The caller frees the
 * array (g_array_unref). */
GArray *workbook_project_rows(const struct model *m, const struct appraisal *a, size_t p,
                              GHashTable *statements);

/* The name of each project's sheet, in the appraisal's order: the project id
 * when a spreadsheet takes it (31 characters at most) and it is not the name
 * of another sheet in any case ("Read me", "Evidence", an earlier project's
 * sheet), else "Project N" with N its place from 1.  The caller frees the
 * vector (g_strfreev). */
char **workbook_sheet_names(const struct appraisal *a);

/* How many lines text takes when wrapped at width characters (a column's
 * width in a spreadsheet's units, which fit about as many characters of
 * ordinary text): its own line breaks kept, words wrapped greedily, a word
 * longer than a line cut.  At least 1.  Spreadsheets size a row to its text
 * only when the text is typed, so the writer gives each row its height.
 * An East Asian wide character counts as two. */
unsigned workbook_text_lines(const char *text, double width);

/* text as a cell's string holds it: spreadsheets read "_xHHHH_" (four hex
 * digits) in a string as an escaped character (ECMA-376 ST_Xstring), so the
 * underscore that begins such a sequence in the text is itself escaped as
 * "_x005F_", and the cell shows the text as it is.  The caller frees the
 * result (g_free). */
char *workbook_cell_text(const char *text);

#define WORKBOOK_SHEET_NAME_MAX 31

#endif
