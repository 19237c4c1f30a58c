/* The rating workbook's layout: its project sheets read into the rows every rating sheet's checks take. */
#include "load/sheet_xlsx.h"

#include <string.h>

#include <glib.h>

#define PROJECT_ROW 2
#define HEADER_ROW 4
#define FIRST_DATA_ROW 5
#define N_LAYOUT_COLUMNS 7

static const char *const header[N_LAYOUT_COLUMNS] = {
	"Area", "Practice", "Title", "Statement", "Rating", "Evidence", "Note",
};

/* The sheet's column (1 for A) of each of the CSV sheet's columns. */
static const long column_of[SHEET_N_COLUMNS] = {
	[SHEET_PROJECT] = 2, [SHEET_AREA] = 1, [SHEET_PRACTICE] = 2, [SHEET_RATING] = 5,
	[SHEET_EVIDENCE] = 6, [SHEET_NOTE] = 7,
};

/* The text of a cell the reader takes ("" when there is none); a formula's
 * cached value is taken with a warning naming the cell. */
static const char *
take(struct sheet_check *ck, const struct xlsx_sheet *sheet, long row, long col)
{
	const struct xlsx_cell *cell = xlsx_cell(sheet, row, col);
	struct diag_pos pos = {sheet->name, row, col};

	if (cell == NULL)
		return "";
	if (cell->formula)
		sheet_report(ck, &pos, M_XLSX_FORMULA_CACHED, cell->text);
	return cell->text;
}

/* The same text, white space around it aside, in any case. */
static bool
reads(const char *text, const char *want)
{
	char *trimmed = g_strstrip(g_strdup(text));
	bool same = g_ascii_strcasecmp(trimmed, want) == 0;

	g_free(trimmed);
	return same;
}

static bool
is_project_sheet(const struct xlsx_sheet *sheet)
{
	const struct xlsx_cell *b2 = xlsx_cell(sheet, PROJECT_ROW, 2);

	if (b2 == NULL || b2->text[0] == '\0')
		return false;
	for (long col = 1; col <= N_LAYOUT_COLUMNS; col++) {
		const struct xlsx_cell *cell = xlsx_cell(sheet, HEADER_ROW, col);

		if (cell == NULL || !reads(cell->text, header[col - 1]))
			return false;
	}
	return true;
}

/* Check the rows of one project sheet whose project is in b2. */
static void
check_rows(struct sheet_check *ck, const struct xlsx_sheet *sheet,
           const struct sheet_field *project)
{
	size_t i = 0;

	while (i < sheet->n_cells && sheet->cells[i].row < FIRST_DATA_ROW)
		i++;
	while (i < sheet->n_cells) {
		long row = sheet->cells[i].row;
		struct sheet_field fields[SHEET_N_COLUMNS];
		struct sheet_row r = {.pos = {sheet->name, row, 1}};
		size_t k;

		while (i < sheet->n_cells && sheet->cells[i].row == row)
			i++;
		fields[SHEET_PROJECT] = *project;
		for (k = SHEET_AREA; k < SHEET_N_COLUMNS; k++) {
			const char *text = take(ck, sheet, row, column_of[k]);

			fields[k] = (struct sheet_field){text, strlen(text),
			                                 {sheet->name, row, column_of[k]}};
		}
		for (k = 0; k < SHEET_N_COLUMNS; k++)
			r.fields[k] = &fields[k];
		/* Unrated practices (blank generic practices above all) cost nothing. */
		if (fields[SHEET_RATING].len == 0 && fields[SHEET_EVIDENCE].len == 0 &&
		    fields[SHEET_NOTE].len == 0)
			continue;
		if (fields[SHEET_RATING].len == 0) {
			sheet_report(ck, &fields[SHEET_RATING].pos, M_XLSX_RATING_MISSING);
			continue;
		}
		sheet_check_row(ck, &r);
	}
}

bool
workbook_check(struct sheet_check *ck, const struct xlsx_book *book)
{
	/* project id -> the name of the sheet that rates it */
	GHashTable *rated = g_hash_table_new(g_str_hash, g_str_equal);
	size_t n_project_sheets = 0;
	bool ok = true;

	for (size_t s = 0; s < book->n_sheets; s++) {
		const struct xlsx_sheet *sheet = &book->sheets[s];
		struct sheet_field project;
		const char *other;

		if (g_ascii_strcasecmp(sheet->name, "Read me") == 0 ||
		    g_ascii_strcasecmp(sheet->name, "Evidence") == 0)
			continue;
		if (!is_project_sheet(sheet)) {
			sheet_report(ck, NULL, M_XLSX_NOT_PROJECT_SHEET, sheet->name);
			continue;
		}
		n_project_sheets++;
		project.text = take(ck, sheet, PROJECT_ROW, 2);
		project.len = strlen(project.text);
		project.pos = (struct diag_pos){sheet->name, PROJECT_ROW, 2};
		other = g_hash_table_lookup(rated, project.text);
		if (other != NULL) {
			sheet_report(ck, &project.pos, M_XLSX_PROJECT_TWICE, project.text, other,
			             sheet->name);
			ok = false;
			continue;
		}
		g_hash_table_insert(rated, (gpointer)project.text, (gpointer)sheet->name);
		/* Said once at B2, not at every row. */
		if (sheet_check_project(ck, &project))
			check_rows(ck, sheet, &project);
	}
	g_hash_table_destroy(rated);
	if (ok && n_project_sheets == 0) {
		sheet_report(ck, NULL, M_XLSX_NO_PROJECT_SHEET);
		ok = false;
	}
	return ok;
}
