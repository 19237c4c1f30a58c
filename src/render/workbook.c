/* The rating workbook (XLSX) a team fills in on site: written with libxlsxwriter, in the layout `import` reads back. */
#include "render/workbook.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "render/workbook_rows.h"
#include "signals.h"

/* Columns of a project sheet (A-G) and its first rows (0-based). */
enum { COL_AREA, COL_PRACTICE, COL_TITLE, COL_STATEMENT, COL_RATING, COL_EVIDENCE, COL_NOTE };
#define ROW_TITLE 0
#define ROW_PROJECT 1
#define ROW_HEADER 3
#define ROW_FIRST 4

static const char *const header[] = {
	"Area", "Practice", "Title", "Statement", "Rating", "Evidence", "Note",
};
static const double widths[] = {7, 11, 34, 60, 8, 16, 44};

/* The height of a line of the default font (11 points) in points, and how
 * many characters of ordinary text a unit of column width holds (a unit is
 * the width of a digit; measured in LibreOffice with Carlito, a little
 * short of it so that a row is never too low). */
#define LINE_HEIGHT 15.0
#define CHARS_PER_UNIT 1.15

/* The fill and text colours of each rating: those of the HTML products' chips. */
static const struct {
	const char *value;   /* as a formula compares it */
	lxw_color_t fill, text;
} rating_colours[] = {
	{"\"F\"", 0xD1F0D9, 0x0B4A1D},
	{"\"L\"", 0xE3F2C8, 0x34520B},
	{"\"P\"", 0xFFF1C2, 0x6B4E00},
	{"\"N\"", 0xFFD9D6, 0x8A1C12},
	{"\"NA\"", 0xE8EAED, 0x3C4043},
};

struct book {
	const struct model *m;
	const struct appraisal *a;
	lxw_workbook *wb;
	lxw_error error;      /* the first the library returned */
	lxw_format *title, *heading, *header, *locked, *text, *rating, *input;
	lxw_format *mark[G_N_ELEMENTS(rating_colours)];
};

static void
keep_error(struct book *b, lxw_error e)
{
	if (b->error == LXW_NO_ERROR)
		b->error = e;
}

/* A text cell, shown as the text is: never a formula, whatever the text
 * starts with, and with no escape sequence in it read as one. */
static void
put(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *text,
    lxw_format *f)
{
	char *cell;

	if (text == NULL || *text == '\0') {
		keep_error(b, worksheet_write_blank(ws, row, col, f));
		return;
	}
	cell = workbook_cell_text(text);
	keep_error(b, worksheet_write_string(ws, row, col, cell, f));
	g_free(cell);
}

static lxw_format *
new_format(struct book *b, bool wrap, bool locked)
{
	lxw_format *f = workbook_add_format(b->wb);

	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (wrap)
		format_set_text_wrap(f);
	if (!locked) {
		format_set_unlocked(f);
		/* Typed "7" stays the text 7, not a number that reads back as 7.0. */
		format_set_num_format(f, "@");
	}
	return f;
}

static void
make_formats(struct book *b)
{
	size_t k;

	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	b->heading = workbook_add_format(b->wb);
	format_set_bold(b->heading);
	format_set_font_size(b->heading, 12);
	b->header = new_format(b, true, true);
	format_set_bold(b->header);
	format_set_bg_color(b->header, 0xE8EAED);
	format_set_bottom(b->header, LXW_BORDER_THIN);
	b->locked = new_format(b, false, true);
	b->text = new_format(b, true, true);
	b->rating = new_format(b, false, false);
	format_set_align(b->rating, LXW_ALIGN_CENTER);
	format_set_bold(b->rating);
	b->input = new_format(b, true, false);
	for (k = 0; k < G_N_ELEMENTS(rating_colours); k++) {
		b->mark[k] = workbook_add_format(b->wb);
		format_set_bg_color(b->mark[k], rating_colours[k].fill);
		format_set_font_color(b->mark[k], rating_colours[k].text);
	}
}

/* Locked cells stay locked, the rest may be filled; filtering, sorting and
 * resizing stay allowed.  No password: the lock guards against slips, not
 * against a user, and import checks every cell it reads anyway. */
static void
protect(lxw_worksheet *ws)
{
	lxw_protection p = {0};

	p.format_columns = 1;
	p.format_rows = 1;
	p.sort = 1;
	p.autofilter = 1;
	worksheet_protect(ws, NULL, &p);
}

static void
print_setup(lxw_worksheet *ws, lxw_row_t header_row)
{
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);   /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, header_row, header_row);
}

static const char *
lead_appraiser(const struct appraisal *a)
{
	size_t i;

	for (i = 0; i < a->n_members; i++)
		if (strcmp(a->members[i].role, "lead-appraiser") == 0)
			return a->members[i].name;
	return NULL;
}

/* ---- the sheets ---- */

/* The Read me sheet's one column, and a line of it: a heading or a
 * paragraph, as high as its wrapped text. */
#define README_WIDTH 70

static void
readme_line(struct book *b, lxw_worksheet *ws, lxw_row_t row, const char *text, lxw_format *f)
{
	unsigned lines = workbook_text_lines(text, CHARS_PER_UNIT * README_WIDTH);

	put(b, ws, row, 0, text, f);
	if (f == b->text)
		keep_error(b, worksheet_set_row(ws, row, LINE_HEIGHT * lines, NULL));
}

/* first_sheet: the first project sheet's name, for an example of a place. */
static void
readme_sheet(struct book *b, const char *first_sheet)
{
	const struct appraisal *a = b->a;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Read me");
	lxw_row_t r = 0;
	char *line, *base;
	bool iso = a->method == RATE_ISO15504;
	/* Spreadsheets quote a sheet name with more than letters, digits, '_', '.'. */
	const char *quote = first_sheet[strspn(first_sheet, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                                                    "abcdefghijklmnopqrstuvwxyz"
	                                                    "0123456789_.")] != '\0' ? "'" : "";

	if (ws == NULL) {
		keep_error(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	worksheet_set_column(ws, 0, 0, README_WIDTH, b->text);
	line = g_strdup_printf("Rating workbook of appraisal %s", a->id);
	readme_line(b, ws, r++, line, b->title);
	g_free(line);
	readme_line(b, ws, r++, a->title, b->text);
	line = g_strdup_printf("%s; on site %s to %s; method %s.", a->organization, a->date_start,
	                       a->date_end, iso ? "iso15504" : "ssam");
	readme_line(b, ws, r++, line, b->text);
	g_free(line);
	r++;
	readme_line(b, ws, r++, "How to fill it in", b->heading);
	readme_line(b, ws, r++,
	            iso ? "Each project of the appraisal has a sheet of its own. Every row is a "
	                  "practice of a process area in the appraisal's scope: its base practices "
	                  "first, then the nine process attributes PA1.1 to PA5.2, which give the "
	                  "level under method iso15504."
	                : "Each project of the appraisal has a sheet of its own. Every row is a "
	                  "practice of a process area in the appraisal's scope: its base practices "
	                  "first, then the generic practices by capability level.", b->text);
	readme_line(b, ws, r++,
	    "Rating (column E): pick N, P, L, F or NA from the cell's list. Leave it empty for a "
	    "practice not rated; empty rows cost nothing.", b->text);
	readme_line(b, ws, r++,
	    "Evidence (column F): the ids of the items on the Evidence sheet that support the "
	    "rating, separated by spaces, such as E12 E14.", b->text);
	readme_line(b, ws, r++,
	    "Note (column G): why the rating is what it is. A practice rated NA needs one; line "
	    "breaks are kept.", b->text);
	r++;
	readme_line(b, ws, r++, "The rating scale", b->heading);
	readme_line(b, ws, r++, "F: fully achieved, more than 85 % up to 100 %.", b->text);
	readme_line(b, ws, r++, "L: largely achieved, more than 50 % up to 85 %.", b->text);
	readme_line(b, ws, r++, "P: partially achieved, more than 15 % up to 50 %.", b->text);
	readme_line(b, ws, r++, "N: not achieved, 0 to 15 %.", b->text);
	readme_line(b, ws, r++,
	    "NA: not applicable to this project; say why in the note. It is left out of every "
	    "level.", b->text);
	r++;
	readme_line(b, ws, r++, "How to import it", b->heading);
	readme_line(b, ws, r++,
	    "Save the workbook as XLSX and import it onto the appraisal it was made from, which "
	    "gives the title, dates, team, scope, projects and evidence:", b->text);
	base = g_path_get_basename(a->path);
	line = g_strdup_printf("ssecmm import RATINGS.xlsx --template %s -o NEW.xml", base);
	readme_line(b, ws, r++, line, b->text);
	g_free(line);
	g_free(base);
	line = g_strdup_printf("Every cell is checked as the CSV rating sheet is, and a problem "
	                       "is named by its sheet and cell, such as %s%s%s!E42. Sheets may be "
	                       "renamed or reordered: each project is known by the id in its "
	                       "cell B2.", quote, first_sheet, quote);
	readme_line(b, ws, r++, line, b->text);
	g_free(line);
	r++;
	readme_line(b, ws, r++, "What is locked", b->heading);
	readme_line(b, ws, r++,
	    "The sheets are protected without a password. Only the rating, evidence and note "
	    "columns can be edited; the ids, titles and statements (columns A to D), the "
	    "project in B2 and the header row are locked, so that a slip cannot change which "
	    "practice a rating belongs to. Filtering, sorting and resizing rows and columns "
	    "stay allowed. The Evidence sheet is for reference: the register itself is kept in "
	    "the appraisal file.", b->text);
	worksheet_set_paper(ws, 9);   /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	protect(ws);
}

static void
project_sheet(struct book *b, size_t p, const char *name, GHashTable *statements)
{
	const struct ap_project *proj = &b->a->projects[p];
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	GArray *rows;
	lxw_row_t last;
	lxw_data_validation dv = {0};
	const char *scale[] = {"N", "P", "L", "F", "NA", NULL};
	char *title;
	unsigned lines;
	size_t i;

	if (ws == NULL) {
		keep_error(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (i = 0; i < G_N_ELEMENTS(widths); i++)
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL);
	title = g_strdup_printf("Ratings of project %s: %s", proj->id, proj->name);
	put(b, ws, ROW_TITLE, 0, title, b->title);
	g_free(title);
	put(b, ws, ROW_PROJECT, 0, "Project", b->locked);
	put(b, ws, ROW_PROJECT, 1, proj->id, b->locked);
	for (i = 0; i < G_N_ELEMENTS(header); i++)
		put(b, ws, ROW_HEADER, (lxw_col_t)i, header[i], b->header);
	rows = workbook_project_rows(b->m, b->a, p, statements);
	for (i = 0; i < rows->len; i++) {
		const struct workbook_row *row = &g_array_index(rows, struct workbook_row, i);
		const struct ap_rating *rt = row->rating;
		lxw_row_t r = ROW_FIRST + (lxw_row_t)i;
		char *evidence = appraisal_evidence_list(rt != NULL ? rt->evidence : NULL);

		put(b, ws, r, COL_AREA, row->pa->id, b->locked);
		put(b, ws, r, COL_PRACTICE, row->practice, b->locked);
		put(b, ws, r, COL_TITLE, row->title, b->text);
		put(b, ws, r, COL_STATEMENT, row->statement, b->text);
		put(b, ws, r, COL_RATING, rt != NULL ? rate_rating_name(rt->rating) : NULL, b->rating);
		put(b, ws, r, COL_EVIDENCE, evidence, b->input);
		put(b, ws, r, COL_NOTE, rt != NULL ? rt->note : NULL, b->input);
		lines = MAX(workbook_text_lines(row->title, CHARS_PER_UNIT * widths[COL_TITLE]),
		            workbook_text_lines(row->statement, CHARS_PER_UNIT * widths[COL_STATEMENT]));
		lines = MAX(lines, workbook_text_lines(evidence, CHARS_PER_UNIT * widths[COL_EVIDENCE]));
		if (rt != NULL)
			lines = MAX(lines, workbook_text_lines(rt->note, CHARS_PER_UNIT * widths[COL_NOTE]));
		keep_error(b, worksheet_set_row(ws, r, LINE_HEIGHT * lines, NULL));
		g_free(evidence);
	}
	/* A sheet of no rows (every area excluded) still gets its header's frame. */
	last = ROW_FIRST + (lxw_row_t)(rows->len > 0 ? rows->len - 1 : 0);
	g_array_unref(rows);

	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = (char **)scale;
	dv.input_title = (char *)"Rating";
	dv.input_message = (char *)"F fully (>85-100 %), L largely (>50-85 %), P partially (>15-50 %), "
	                   "N not achieved (0-15 %), NA not applicable (say why in the note). "
	                   "Leave it empty when the practice is not rated.";
	dv.error_title = (char *)"Not a rating";
	dv.error_message = (char *)"A rating is one of N, P, L, F or NA, or empty for a practice "
	                           "not rated.";
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	keep_error(b, worksheet_data_validation_range(ws, ROW_FIRST, COL_RATING, last, COL_RATING,
	                                              &dv));
	for (i = 0; i < G_N_ELEMENTS(rating_colours); i++) {
		lxw_conditional_format cf = {0};

		cf.type = LXW_CONDITIONAL_TYPE_CELL;
		cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
		cf.value_string = (char *)rating_colours[i].value;
		cf.format = b->mark[i];
		keep_error(b, worksheet_conditional_format_range(ws, ROW_FIRST, COL_RATING, last,
		                                                 COL_RATING, &cf));
	}
	keep_error(b, worksheet_autofilter(ws, ROW_HEADER, COL_AREA, last, COL_NOTE));
	/* The header and the ids stay in sight while the team scrolls. */
	worksheet_freeze_panes(ws, ROW_FIRST, COL_TITLE);
	print_setup(ws, ROW_HEADER);
	protect(ws);
}

static void
evidence_sheet(struct book *b)
{
	static const char *const names[] = {"Id", "Kind", "Date", "Title", "Location"};
	static const double cols[] = {10, 14, 12, 50, 44};
	const struct appraisal *a = b->a;
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, "Evidence");
	unsigned lines;
	size_t i;

	if (ws == NULL) {
		keep_error(b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (i = 0; i < G_N_ELEMENTS(names); i++) {
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, cols[i], NULL);
		put(b, ws, 0, (lxw_col_t)i, names[i], b->header);
	}
	for (i = 0; i < a->n_evidence; i++) {
		const struct ap_evidence *e = &a->evidence[i];
		lxw_row_t r = (lxw_row_t)i + 1;

		put(b, ws, r, 0, e->id, b->locked);
		put(b, ws, r, 1, e->kind, b->locked);
		put(b, ws, r, 2, e->date, b->locked);
		put(b, ws, r, 3, e->title, b->text);
		put(b, ws, r, 4, e->location, b->text);
		lines = MAX(workbook_text_lines(e->title, CHARS_PER_UNIT * cols[3]),
		            workbook_text_lines(e->location, CHARS_PER_UNIT * cols[4]));
		keep_error(b, worksheet_set_row(ws, r, LINE_HEIGHT * lines, NULL));
	}
	keep_error(b, worksheet_autofilter(ws, 0, 0, (lxw_row_t)(a->n_evidence), 4));
	worksheet_freeze_panes(ws, 1, 0);
	print_setup(ws, 0);
	protect(ws);
}

/* The time the workbook says it was made: SOURCE_DATE_EPOCH (checked by
 * the command line) or the first day on site, never the clock. */
static time_t
made_at(const struct appraisal *a)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	GDateTime *dt;
	int y, mo, d;
	time_t t = 0;

	if (epoch != NULL && *epoch != '\0')
		return (time_t)g_ascii_strtoll(epoch, NULL, 10);
	if (sscanf(a->date_start, "%4d-%2d-%2d", &y, &mo, &d) == 3 &&
	    (dt = g_date_time_new_utc(y, mo, d, 0, 0, 0)) != NULL) {
		t = (time_t)g_date_time_to_unix(dt);
		g_date_time_unref(dt);
	}
	return t;
}

static void
set_properties(struct book *b)
{
	const struct appraisal *a = b->a;
	lxw_doc_properties props = {0};
	char *title = g_strdup_printf("Rating workbook: %s", a->title);
	char *subject = g_strdup_printf("SSE-CMM appraisal %s of %s", a->id, a->organization);

	props.title = title;
	props.subject = subject;
	props.author = (char *)lead_appraiser(a);
	props.company = (char *)a->organization;
	props.keywords = (char *)"SSE-CMM, ISO/IEC 21827, ratings";
	props.comments = (char *)"Fill in columns E to G of each project sheet, then ssecmm import.";
	props.created = made_at(a);
	keep_error(b, workbook_set_properties(b->wb, &props));
	g_free(title);
	g_free(subject);
}

/* libxlsxwriter writes to a named file only: a private temporary file,
 * watched so that a fatal signal removes it, whose bytes then go through o
 * like every product's. */
bool
workbook_write(const struct model *m, const struct appraisal *a, struct output *o,
               struct diag *d)
{
	struct book b = {.m = m, .a = a, .error = LXW_NO_ERROR};
	GHashTable *statements = NULL;
	GError *err = NULL;
	char *path = NULL, *bytes = NULL;
	char **names = NULL;
	gsize len = 0;
	size_t p;
	int fd, watch;
	bool ok = false;

	fd = g_file_open_tmp("ssecmm-workbook-XXXXXX.xlsx", &path, &err);
	if (fd < 0) {
		diag_report(d, g_get_tmp_dir(), 0, 0, M_CANNOT_CREATE, err->message);
		g_error_free(err);
		output_abort(o);
		return false;
	}
	close(fd);
	watch = signals_watch_file(path);
	b.wb = workbook_new(path);
	if (b.wb == NULL) {
		diag_report(d, path, 0, 0, M_CANNOT_CREATE, g_strerror(errno));
		goto done;
	}
	make_formats(&b);
	set_properties(&b);
	statements = workbook_statements_new(m);
	names = workbook_sheet_names(a);
	readme_sheet(&b, a->n_projects > 0 ? names[0] : "Project 1");
	for (p = 0; p < a->n_projects; p++)
		project_sheet(&b, p, names[p], statements);
	evidence_sheet(&b);
	keep_error(&b, workbook_close(b.wb));
	if (b.error != LXW_NO_ERROR) {
		diag_report(d, output_path(o), 0, 0, M_WORKBOOK_NOT_WRITTEN, lxw_strerror(b.error));
		goto done;
	}
	if (!g_file_get_contents(path, &bytes, &len, &err)) {
		diag_report(d, path, 0, 0, M_CANNOT_READ, err->message);
		g_error_free(err);
		goto done;
	}
	output_write(o, bytes, len);
	ok = true;
done:
	g_remove(path);
	if (watch >= 0)
		signals_forget_file(watch);
	if (statements != NULL)
		g_hash_table_destroy(statements);
	g_strfreev(names);
	g_free(bytes);
	g_free(path);
	if (!ok) {
		output_abort(o);
		return false;
	}
	return output_commit(o, d);
}
