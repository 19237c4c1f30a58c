/* The CSV rating sheet: a header naming the columns, then one row per rating, handed to the checks. */
#include "load/sheet_csv.h"

#include <glib.h>

/* A note may hold 20,000 characters (the appraisal format's limit), which is
 * at most 80,000 bytes of UTF-8; 16 fields name the sheet's six columns and
 * a spreadsheet's stray ones in an error; 200,000 rows are twice a complete
 * appraisal at the format's limit of 100 projects. */
static const struct csv_limits sheet_limits = {80 * 1024, 16, 200000};

#define COLUMN_LIST "project, process_area, practice, rating, evidence and note"

struct csv_table *
sheet_csv_parse(struct sheet_check *ck, const char *bytes, size_t len)
{
	struct csv_error_info err;
	struct csv_table *table = csv_parse(bytes, len, &sheet_limits, &err);
	struct diag_pos pos = {NULL, err.line, err.column};

	if (table == NULL) {
		diag_report_at(ck->d, ck->display, &pos,
		               M_RELAYED(DIAG_ERROR,
		                         csv_error_is_limit(err.code) ? EXIT_LIMIT : EXIT_INVALID),
		               err.message);
		return NULL;
	}
	if (csv_n_rows(table) == 0) {
		pos = (struct diag_pos){NULL, 1, 0};
		sheet_report(ck, &pos, M_EMPTY_SHEET);
		csv_free(table);
		return NULL;
	}
	return table;
}

struct diag_pos
sheet_csv_header_pos(const struct csv_table *table)
{
	return (struct diag_pos){NULL, csv_row(table, 0)->line, 0};
}

/* Field index of each column in columns[], -1 when absent; false after
 * reporting what is wrong with the header. */
static bool
read_header(struct sheet_check *ck, const struct csv_row *h, int columns[SHEET_N_COLUMNS])
{
	unsigned errors = ck->d->errors;
	size_t i, k;

	for (k = 0; k < SHEET_N_COLUMNS; k++)
		columns[k] = -1;
	for (i = 0; i < h->n_fields; i++) {
		const struct csv_field *fd = &h->fields[i];
		long col = (long)i + 1;
		struct diag_pos pos = {NULL, fd->line, col};

		if (fd->len == 0) {
			sheet_report(ck, &pos, M_HEADER_COLUMN_UNNAMED, col, COLUMN_LIST);
			continue;
		}
		for (k = 0; k < SHEET_N_COLUMNS; k++)
			if (g_ascii_strcasecmp(fd->text, sheet_column_names[k]) == 0)
				break;
		if (k == SHEET_N_COLUMNS)
			sheet_report(ck, &pos, M_UNKNOWN_COLUMN, fd->text, COLUMN_LIST);
		else if (columns[k] >= 0)
			sheet_report(ck, &pos, M_COLUMN_TWICE, sheet_column_names[k], columns[k] + 1,
			             col);
		else
			columns[k] = (int)i;
	}
	for (k = 0; k <= SHEET_RATING; k++) {
		struct diag_pos pos = {NULL, h->line, 0};

		if (columns[k] < 0)
			sheet_report(ck, &pos, M_HEADER_MISSING_COLUMN, sheet_column_names[k]);
	}
	return ck->d->errors == errors;
}

static bool
blank_row(const struct csv_row *row)
{
	size_t i;

	for (i = 0; i < row->n_fields; i++)
		if (row->fields[i].len > 0)
			return false;
	return true;
}

bool
sheet_csv_check(struct sheet_check *ck, const struct csv_table *table)
{
	const struct csv_row *header = csv_row(table, 0);
	struct sheet_field fields[SHEET_N_COLUMNS];
	int columns[SHEET_N_COLUMNS];
	size_t i, k, n_columns = header->n_fields;

	if (!read_header(ck, header, columns))
		return false;
	for (i = 1; i < csv_n_rows(table); i++) {
		const struct csv_row *row = csv_row(table, i);
		struct sheet_row r = {.pos = {NULL, row->line, 0}};

		if (blank_row(row))
			continue;
		if (row->n_fields != n_columns) {
			size_t n = row->n_fields;
			struct diag_pos pos = {
				NULL,
				n > n_columns ? row->fields[n_columns].line : row->fields[n - 1].line,
				n > n_columns ? (long)n_columns + 1 : (long)n,
			};

			sheet_report(ck, &pos, M_ROW_FIELD_COUNT, n, n == 1 ? "" : "s", n_columns);
			continue;
		}
		for (k = 0; k < SHEET_N_COLUMNS; k++) {
			const struct csv_field *fd;

			if (columns[k] < 0) {
				r.fields[k] = NULL;
				continue;
			}
			fd = &row->fields[columns[k]];
			fields[k] = (struct sheet_field){fd->text, fd->len, {NULL, fd->line, columns[k] + 1}};
			r.fields[k] = &fields[k];
		}
		sheet_check_row(ck, &r);
	}
	return true;
}
