/* Unit tests of the workbook reader (src/load/xlsx.c, zipread.c): references, numbers, cells of the test corpus, refusals. */
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
#include "load/xlsx.h"
#include "load/xmlload.h"

/* The corpus that tests/xlsx/mkworkbook.py writes; read from the tree. */
#define CORPUS "tests/cli/xlsx/"

static struct xlsx_book *
read_corpus(const char *name)
{
	char *path = g_strconcat(CORPUS, name, ".xlsx", NULL), *bytes = NULL;
	gsize len = 0;
	struct xlsx_book *book;

	if (!g_file_get_contents(path, &bytes, &len, NULL))
		fail_msg("cannot read %s (run from the source tree)", path);
	book = xlsx_read(bytes, len, name, &xlsx_default_limits, &d);
	g_free(bytes);
	g_free(path);
	fflush(sink);
	return book;
}

static const struct xlsx_sheet *
sheet_named(const struct xlsx_book *book, const char *name)
{
	for (size_t i = 0; i < book->n_sheets; i++)
		if (strcmp(book->sheets[i].name, name) == 0)
			return &book->sheets[i];
	fail_msg("no sheet %s", name);
	return NULL;
}

static void
assert_cell(const struct xlsx_sheet *s, long row, long col, const char *text)
{
	const struct xlsx_cell *c = xlsx_cell(s, row, col);

	if (c == NULL)
		fail_msg("no cell at row %ld, column %ld", row, col);
	assert_string_equal(c->text, text);
}

static void
refs_parsed(void **state)
{
	long row = 0, col = 0;

	(void)state;
	assert_true(xlsx_parse_ref("A1", &row, &col));
	assert_int_equal(row, 1);
	assert_int_equal(col, 1);
	assert_true(xlsx_parse_ref("E42", &row, &col));
	assert_int_equal(row, 42);
	assert_int_equal(col, 5);
	assert_true(xlsx_parse_ref("XFD1048576", &row, &col));
	assert_int_equal(row, 1048576);
	assert_int_equal(col, 16384);
	assert_true(xlsx_parse_ref("AA10", &row, &col));
	assert_int_equal(col, 27);
}

static void
refs_out_of_range_refused(void **state)
{
	static const char *const bad[] = {"", "A", "1", "A0", "A01", "XFE1", "A1048577", "AAAA1",
	                                  "a1", "$A$1", "A1:B2", "A1 ", "E-4", "A99999999"};
	long row = -1, col = -1;

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(bad); i++)
		if (xlsx_parse_ref(bad[i], &row, &col))
			fail_msg("'%s' taken as a reference", bad[i]);
	assert_int_equal(row, -1);
}

static void
numbers_shortest(void **state)
{
	static const char *const cases[][2] = {
		{"42", "42"}, {"42.000000", "42"}, {"0.1", "0.1"}, {"0.10000000000000001", "0.1"},
		{"1E+2", "100"}, {"-3.5", "-3.5"}, {"1e21", "1e+21"}, {"7", "7"},
		{"0.30000000000000004", "0.30000000000000004"}, {" 5 ", "5"},
	};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		if (!xlsx_number_text(cases[i][0], buf, sizeof buf))
			fail_msg("'%s' not taken as a number", cases[i][0]);
		assert_string_equal(buf, cases[i][1]);
	}
	assert_false(xlsx_number_text("", buf, sizeof buf));
	assert_false(xlsx_number_text("abc", buf, sizeof buf));
	assert_false(xlsx_number_text("1e999", buf, sizeof buf));
	assert_false(xlsx_number_text("nan", buf, sizeof buf));
	assert_false(xlsx_number_text("0x10", buf, sizeof buf));
	assert_false(xlsx_number_text("4 2", buf, sizeof buf));
}

static void
escapes_decoded(void **state)
{
	static const char *const cases[][2] = {
		{"a_x000D_b", "a\rb"}, {"_x005F_x000D_", "_x000D_"}, {"_x00e9_", "\u00e9"},
		{"_x4E2D_", "\u4e2d"}, {"_x0000_", "_x0000_"}, {"_xD800_", "_xD800_"},
		{"_x12_", "_x12_"}, {"_x12G4_", "_x12G4_"}, {"x_x0041", "x_x0041"},
		{"__x0041__", "_A_"}, {"", ""}, {"plain", "plain"},
	};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(cases); i++) {
		GString *s = g_string_new(cases[i][0]);

		xlsx_unescape(s);
		assert_string_equal(s->str, cases[i][1]);
		g_string_free(s, TRUE);
	}
}

static void
workbook_names(void **state)
{
	(void)state;
	assert_true(xlsx_is_workbook_name("r.xlsx"));
	assert_true(xlsx_is_workbook_name("dir/R.XLSX"));
	assert_true(xlsx_is_workbook_name("r.xlsm"));
	assert_false(xlsx_is_workbook_name("r.csv"));
	assert_false(xlsx_is_workbook_name("xlsx"));
}

static void
shared_strings_and_rich_text(void **state)
{
	struct xlsx_book *book = read_corpus("ok-shared");
	const struct xlsx_sheet *p1;

	(void)state;
	assert_non_null(book);
	assert_int_equal(book->n_sheets, 3);
	assert_string_equal(book->sheets[0].name, "Read me");
	p1 = sheet_named(book, "P1");
	assert_cell(p1, 2, 2, "P1");
	assert_cell(p1, 4, 5, "Rating");
	assert_cell(p1, 5, 5, "F");
	/* Runs joined, the phonetic run left out. */
	assert_cell(p1, 10, 7, "No capabilities.");
	assert_null(xlsx_cell(p1, 9, 5));
	assert_null(xlsx_cell(p1, 3, 1));
	xlsx_free(book);
}

static void
inline_strings_rows_reversed(void **state)
{
	struct xlsx_book *book = read_corpus("ok-inline");
	const struct xlsx_sheet *p1;

	(void)state;
	assert_non_null(book);
	p1 = sheet_named(book, "P1");
	for (size_t i = 1; i < p1->n_cells; i++)
		assert_true(p1->cells[i - 1].row < p1->cells[i].row ||
		            (p1->cells[i - 1].row == p1->cells[i].row &&
		             p1->cells[i - 1].col < p1->cells[i].col));
	assert_cell(p1, 5, 2, "BP.01.01");
	assert_cell(p1, 10, 7, "No capabilities.");
	xlsx_free(book);
}

static void
cells_placed_by_order(void **state)
{
	struct xlsx_book *book = read_corpus("no-references");
	const struct xlsx_sheet *p1;

	(void)state;
	assert_non_null(book);
	p1 = sheet_named(book, "P1");
	assert_cell(p1, 1, 1, "Ratings");
	assert_cell(p1, 2, 2, "P1");
	assert_cell(p1, 4, 7, "Note");
	assert_cell(p1, 6, 5, "L");
	xlsx_free(book);
}

static void
numbers_booleans_formulas(void **state)
{
	struct xlsx_book *book = read_corpus("numbers-formulas");
	const struct xlsx_sheet *p1;

	(void)state;
	assert_non_null(book);
	p1 = sheet_named(book, "P1");
	assert_cell(p1, 5, 7, "42");
	assert_cell(p1, 6, 7, "TRUE");
	assert_cell(p1, 7, 7, "0.1");
	assert_cell(p1, 8, 5, "P");
	assert_true(xlsx_cell(p1, 8, 5)->formula);
	assert_true(xlsx_cell(p1, 7, 5)->formula);
	assert_false(xlsx_cell(p1, 5, 5)->formula);
	xlsx_free(book);
}

/* A refusal: NULL, and the one message expected. */
static void
assert_refused(const char *name, const char *message)
{
	struct xlsx_book *book = read_corpus(name);

	assert_null(book);
	if (strstr(captured, message) == NULL)
		fail_msg("%s: expected '%s' in: %s", name, message, captured);
	assert_true(d.errors > 0);
}

static void
hostile_refused(void **state)
{
	(void)state;
	assert_refused("entry-dotdot", "climbs with '..'");
	assert_refused("encrypted", "is encrypted");
	assert_refused("multi-disk", "spanning several disks");
	assert_refused("bomb-entry", "inflates to more than the limit of 16777216 bytes");
	assert_refused("target-dotdot", "not a part inside the workbook's xl/ folder");
	assert_refused("doctype", "(DOCTYPE) is not accepted");
	assert_refused("ref-out-of-range", "'XFE1' is not a cell");
	assert_int_equal(d.status, EXIT_LIMIT);
}

static void
garbage_refused(void **state)
{
	static const char *const inputs[] = {"", "PK", "PK\3\4", "PK\5\6", "PK\3\4 not a zip at all"};

	(void)state;
	for (size_t i = 0; i < G_N_ELEMENTS(inputs); i++)
		assert_null(xlsx_read(inputs[i], strlen(inputs[i]), "g.xlsx", &xlsx_default_limits, &d));
	assert_int_equal(d.errors, G_N_ELEMENTS(inputs));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refs_parsed),
		cmocka_unit_test(refs_out_of_range_refused),
		cmocka_unit_test(numbers_shortest),
		cmocka_unit_test(escapes_decoded),
		cmocka_unit_test(workbook_names),
		cmocka_unit_test_setup_teardown(shared_strings_and_rich_text, setup, teardown),
		cmocka_unit_test_setup_teardown(inline_strings_rows_reversed, setup, teardown),
		cmocka_unit_test_setup_teardown(cells_placed_by_order, setup, teardown),
		cmocka_unit_test_setup_teardown(numbers_booleans_formulas, setup, teardown),
		cmocka_unit_test_setup_teardown(hostile_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(garbage_refused, setup, teardown),
	};
	int failed;

	xmlload_init();
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	xmlload_cleanup();
	return failed;
}
