/* Unit tests of the rating workbook's layout (src/load/sheet_xlsx.c): which sheets are read, which rows, and where problems are said. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

#include "capture.h"
#include "load/session.h"
#include "load/sheet_check.h"
#include "load/sheet_frame.h"
#include "load/sheet_xlsx.h"
#include "load/xmlload.h"

static struct session session;
static struct sheet_frame frame;
static struct sheet_check check;

/* The mini model and appraisal of tests/data, and a fresh check of a sheet. */
static int
setup_check(void **state)
{
	setup(state);
	if (!session_open(&session, "tests/data/mini-model.xml", &d))
		fail_msg("cannot load the mini model (run from the source tree)");
	memset(&frame, 0, sizeof frame);
	if (!sheet_frame_load(&frame, "tests/data/mini-appraisal.xml", session.model, &d))
		fail_msg("cannot load the mini appraisal");
	sheet_check_init(&check, session.model, &frame, &d, "r.xlsx");
	return 0;
}

static int
teardown_check(void **state)
{
	sheet_check_free(&check);
	sheet_frame_free(&frame);
	session_close(&session);
	return teardown(state);
}

#define CELL(r, c, t) {(r), (c), (t), false}

/* A project sheet's first rows: title, project, header (spaced, any case). */
#define HEAD(project)                                                                   \
	CELL(1, 1, "Ratings"), CELL(2, 1, "Project"), CELL(2, 2, project),                    \
	CELL(4, 1, "Area"), CELL(4, 2, " practice "), CELL(4, 3, "Title"),                    \
	CELL(4, 4, "Statement"), CELL(4, 5, "RATING"), CELL(4, 6, "Evidence"), CELL(4, 7, "Note")

static struct xlsx_cell p1_cells[] = {
	HEAD("P1"),
	CELL(5, 1, "PA01"), CELL(5, 2, "BP.01.01"), CELL(5, 3, "t"), CELL(5, 5, "F"), CELL(5, 6, "E1"),
	/* Not rated: skipped. */
	CELL(6, 1, "PA01"), CELL(6, 2, "GP-2.1.3"), CELL(6, 3, "t"), CELL(6, 4, "s"),
	{7, 1, "PA01", false}, {7, 2, "BP.01.02", false}, {7, 5, "L", true}, {7, 6, "E2", false},
	/* Beyond G: not read. */
	CELL(8, 8, "stray"),
	CELL(9, 1, "PA02"), CELL(9, 2, "BP.02.01"), CELL(9, 5, "NA"), CELL(9, 7, "No capabilities."),
};

static struct xlsx_cell notes_cells[] = {CELL(1, 1, "todo")};
static struct xlsx_cell readme_cells[] = {CELL(1, 1, "Read me")};

static void
project_sheet_rows_read(void **state)
{
	struct xlsx_sheet sheets[] = {
		{"READ ME", NULL, readme_cells, G_N_ELEMENTS(readme_cells)},
		{"Gateway", "xl/worksheets/sheet2.xml", p1_cells, G_N_ELEMENTS(p1_cells)},
		{"My notes", "xl/worksheets/sheet3.xml", notes_cells, G_N_ELEMENTS(notes_cells)},
		{"evidence", NULL, NULL, 0},
	};
	struct xlsx_book book = {sheets, G_N_ELEMENTS(sheets)};
	const struct sheet_rating *r;

	(void)state;
	assert_true(workbook_check(&check, &book));
	fflush(sink);
	assert_int_equal(d.errors, 0);
	assert_int_equal(check.order->len, 3);
	r = g_ptr_array_index(check.order, 0);
	assert_string_equal(r->project, "P1");
	assert_string_equal(r->practice, "BP.01.01");
	assert_string_equal(r->evidence, "E1");
	r = g_ptr_array_index(check.order, 1);
	assert_string_equal(r->rating, "L");
	assert_string_equal(r->rating_pos.sheet, "Gateway");
	assert_int_equal(r->rating_pos.line, 7);
	assert_int_equal(r->rating_pos.col, 5);
	r = g_ptr_array_index(check.order, 2);
	assert_string_equal(r->note, "No capabilities.");
	/* Only the other sheet and the formula are worth a word. */
	assert_string_equal(captured,
	                    "ssecmm: r.xlsx:Gateway!E7: warning: a formula: its value as last saved, "
	                    "'L', is taken (formulas are never evaluated)\n"
	                    "ssecmm: r.xlsx: warning: sheet 'My notes' is skipped: not a project sheet "
	                    "(the project in B2 and the header Area, Practice, Title, Statement, "
	                    "Rating, Evidence, Note in A4:G4)\n");
}

static struct xlsx_cell unrated_with_evidence[] = {
	HEAD("P1"),
	CELL(5, 1, "PA01"), CELL(5, 2, "BP.01.01"), CELL(5, 6, "E1"),
};

static void
evidence_without_rating_refused(void **state)
{
	struct xlsx_sheet sheets[] = {
		{"P1", "p", unrated_with_evidence, G_N_ELEMENTS(unrated_with_evidence)},
	};
	struct xlsx_book book = {sheets, 1};

	(void)state;
	workbook_check(&check, &book);
	fflush(sink);
	assert_int_equal(d.errors, 1);
	assert_int_equal(check.order->len, 0);
	assert_non_null(strstr(captured, "r.xlsx:P1!E5: error: evidence or a note but no rating"));
}

static struct xlsx_cell no_project[] = {
	CELL(4, 1, "Area"), CELL(4, 2, "Practice"), CELL(4, 3, "Title"), CELL(4, 4, "Statement"),
	CELL(4, 5, "Rating"), CELL(4, 6, "Evidence"), CELL(4, 7, "Note"),
};
static struct xlsx_cell other_header[] = {
	CELL(2, 2, "P1"), CELL(4, 1, "Area"), CELL(4, 2, "Practice"), CELL(4, 3, "Title"),
	CELL(4, 4, "Statement"), CELL(4, 5, "Rating"), CELL(4, 6, "Evidence"), CELL(4, 7, "Notes"),
};

static void
two_sheets_one_project_and_no_project(void **state)
{
	struct xlsx_sheet sheets[] = {
		{"P1", "a", p1_cells, G_N_ELEMENTS(p1_cells)},
		{"Project 2", "b", p1_cells, G_N_ELEMENTS(p1_cells)},
	};
	struct xlsx_sheet neither[] = {
		{"No B2", "c", no_project, G_N_ELEMENTS(no_project)},
		{"Header", "d", other_header, G_N_ELEMENTS(other_header)},
	};
	struct xlsx_book book = {sheets, 2}, none = {neither, 2};

	(void)state;
	assert_false(workbook_check(&check, &book));
	fflush(sink);
	assert_non_null(strstr(captured, "r.xlsx:'Project 2'!B2: error: project P1 is rated by two "
	                                 "sheets, 'P1' and 'Project 2'"));
	assert_false(workbook_check(&check, &none));
	fflush(sink);
	assert_non_null(strstr(captured, "sheet 'No B2' is skipped"));
	assert_non_null(strstr(captured, "sheet 'Header' is skipped"));
	assert_non_null(strstr(captured, "r.xlsx: error: no project sheet"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(project_sheet_rows_read, setup_check, teardown_check),
		cmocka_unit_test_setup_teardown(evidence_without_rating_refused, setup_check,
		                                teardown_check),
		cmocka_unit_test_setup_teardown(two_sheets_one_project_and_no_project, setup_check,
		                                teardown_check),
	};
	int failed;

	xmlload_init();
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	xmlload_cleanup();
	return failed;
}
