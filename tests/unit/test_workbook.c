/* Tests of what the rating workbook holds: the rows of a project sheet, the sheet names, the short statements, the row heights and the cells' text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/appraisal.h"
#include "load/model.h"
#include "load/schema.h"
#include "load/xmlload.h"
#include "render/workbook_rows.h"

struct fixture {
	char *captured;
	size_t len;
	FILE *sink;
	struct diag d;
	struct schema *model_xsd;
	struct schema *appraisal_xsd;
	struct model *m;
	GHashTable *statements;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->sink = open_memstream(&f->captured, &f->len);
	diag_init(&f->d, f->sink, false, false);
	f->model_xsd = schema_load("model-xml/model.xsd", &f->d);
	f->appraisal_xsd = schema_load("model-xml/appraisal.xsd", &f->d);
	f->m = model_load("tests/data/mini-model.xml", f->model_xsd, &f->d);
	if (f->m != NULL)
		f->statements = workbook_statements_new(f->m);
	*state = f;
	return f->m == NULL;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	if (f->statements != NULL)
		g_hash_table_destroy(f->statements);
	model_free(f->m);
	schema_free(f->model_xsd);
	schema_free(f->appraisal_xsd);
	fclose(f->sink);
	free(f->captured);
	free(f);
	return 0;
}

static const struct workbook_row *
row_at(GArray *rows, size_t i)
{
	return &g_array_index(rows, struct workbook_row, i);
}

static void
first_sentence_ends_where_the_next_begins(void **state)
{
	static const struct {
		const char *text, *sentence;
	} cases[] = {
		{"One thing. Another.", "One thing."},
		{"  Folded\n   white\tspace.  Then more.", "Folded white space."},
		{"Tools, e.g. scanners, help. Then.", "Tools, e.g. scanners, help."},
		{"Is it done? Yes.", "Is it done?"},
		{"No full stop at all", "No full stop at all"},
		{"Ends at the end.", "Ends at the end."},
		{"PA 1.1 holds. Next.", "PA 1.1 holds."},
		{"\xe8\xaf\x84\xe5\xae\x9a\xe3\x80\x82\xe4\xb8\x8b", "\xe8\xaf\x84\xe5\xae\x9a\xe3\x80\x82"},
		{"", ""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = workbook_first_sentence(cases[i].text);

		assert_string_equal(s, cases[i].sentence);
		g_free(s);
	}
}

static void
text_lines_wrap_words_and_keep_breaks(void **state)
{
	(void)state;
	assert_int_equal(workbook_text_lines(NULL, 10), 1);
	assert_int_equal(workbook_text_lines("", 10), 1);
	assert_int_equal(workbook_text_lines("abc def", 7), 1);
	assert_int_equal(workbook_text_lines("abc def", 6), 2);
	assert_int_equal(workbook_text_lines("a\nb\n\nc", 40), 4);
	/* Ten letters on lines of four: 4 + 4 + 2. */
	assert_int_equal(workbook_text_lines("abcdefghij", 4), 3);
	/* "ab", "abcd", "efgh", "ij x". */
	assert_int_equal(workbook_text_lines("ab abcdefghij x", 4), 4);
	/* Characters, not bytes; a wide character takes two columns. */
	assert_int_equal(workbook_text_lines("\xc3\xa9\xc3\xa9\xc3\xa9 \xc3\xa9\xc3\xa9", 6), 1);
	assert_int_equal(workbook_text_lines("\xe8\xaf\x84\xe5\xae\x9a\xe8\xaf\x84", 4), 2);
}

/* Statements come from the model: a base practice's <statement>, a generic
 * practice's description, and our own line for a process attribute. */
static void
statements_come_from_the_model(void **state)
{
	struct fixture *f = *state;

	assert_string_equal(g_hash_table_lookup(f->statements, "BP.01.01"), "Assign security roles.");
	assert_string_equal(g_hash_table_lookup(f->statements, "GP-2.1.1"), "Resources.");
	assert_non_null(g_hash_table_lookup(f->statements, "PA5.2"));
	assert_null(g_hash_table_lookup(f->statements, "BP.99.99"));
}

/* Method ssam: base practices, then every generic practice, per area in
 * scope; ratings, evidence and notes where the appraisal has them. */
static void
rows_of_a_rated_project(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;
	GArray *rows;
	const struct model_pa *pa01 = model_pa(f->m, "PA01"), *pa02 = model_pa(f->m, "PA02");
	size_t per_pa01 = pa01->n_bps + f->m->n_gps;

	a = appraisal_load("tests/data/mini-appraisal.xml", f->m, f->appraisal_xsd, &f->d);
	assert_non_null(a);
	rows = workbook_project_rows(f->m, a, 0, f->statements);
	assert_int_equal(rows->len, per_pa01 + pa02->n_bps + f->m->n_gps);
	assert_ptr_equal(row_at(rows, 0)->pa, pa01);
	assert_string_equal(row_at(rows, 0)->practice, "BP.01.01");
	assert_string_equal(row_at(rows, 0)->title, "Establish Security Responsibilities");
	assert_string_equal(row_at(rows, 0)->statement, "Assign security roles.");
	assert_int_equal(row_at(rows, 0)->rating->rating, RATING_F);
	assert_string_equal(row_at(rows, 0)->rating->evidence, "E1");
	assert_string_equal(row_at(rows, pa01->n_bps)->practice, f->m->gps[0].id);
	assert_null(row_at(rows, pa01->n_bps)->rating);
	assert_string_equal(row_at(rows, per_pa01)->practice, "BP.02.01");
	assert_int_equal(row_at(rows, per_pa01)->rating->rating, RATING_NA);
	assert_string_equal(row_at(rows, per_pa01)->rating->note, "No capabilities.");
	g_array_unref(rows);

	/* An area excluded from scope has no rows. */
	a->excluded[1] = "Out of scope.";
	rows = workbook_project_rows(f->m, a, 0, f->statements);
	assert_int_equal(rows->len, per_pa01);
	g_array_unref(rows);
	appraisal_free(a);
}

/* Method iso15504: the nine attributes instead of the generic practices,
 * but a generic practice the project rated keeps its row. */
static void
rows_under_iso15504_keep_every_rating(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;
	GArray *rows;
	const struct model_pa *pa01 = model_pa(f->m, "PA01");
	size_t i, rated_gps = 0;

	a = appraisal_load("tests/data/mini-appraisal.xml", f->m, f->appraisal_xsd, &f->d);
	assert_non_null(a);
	a->method = RATE_ISO15504;
	a->excluded[1] = "Out of scope.";
	rows = workbook_project_rows(f->m, a, 0, f->statements);
	for (i = 0; i < rows->len; i++)
		if (strncmp(row_at(rows, i)->practice, "GP-", 3) == 0) {
			assert_non_null(row_at(rows, i)->rating);
			rated_gps++;
		}
	/* mini-appraisal rates GP-2.1.1, GP-2.1.2 and GP-3.1.1 in PA01. */
	assert_int_equal(rated_gps, 3);
	assert_int_equal(rows->len, pa01->n_bps + 3 + 9);
	assert_string_equal(row_at(rows, rows->len - 9)->practice, "PA1.1");
	assert_string_equal(row_at(rows, rows->len - 9)->title, "Process performance");
	assert_string_equal(row_at(rows, rows->len - 1)->practice, "PA5.2");
	assert_null(row_at(rows, rows->len - 1)->rating);
	g_array_unref(rows);
	appraisal_free(a);
}

/* A template: every row, none rated. */
static void
rows_of_a_template(void **state)
{
	struct fixture *f = *state;
	struct appraisal *a;
	GArray *rows;
	size_t i;

	a = appraisal_template_load("tests/data/mini-template.xml", f->m, f->appraisal_xsd, &f->d);
	assert_non_null(a);
	rows = workbook_project_rows(f->m, a, 0, f->statements);
	assert_int_equal(rows->len, f->m->n_bps + f->m->n_pas * f->m->n_gps);
	for (i = 0; i < rows->len; i++)
		assert_null(row_at(rows, i)->rating);
	g_array_unref(rows);
	appraisal_free(a);
}

static void
sheet_names_are_ids_unless_a_spreadsheet_refuses(void **state)
{
	struct ap_project projects[] = {
		{.id = "GW"},
		{.id = "evidence"},
		{.id = "A234567890123456789012345678901"},
		{.id = "A2345678901234567890123456789012"},
		{.id = "gw"},
		{.id = "Read.me"},
	};
	struct appraisal a = {.projects = projects, .n_projects = 6};
	char **names = workbook_sheet_names(&a);

	(void)state;
	assert_string_equal(names[0], "GW");
	assert_string_equal(names[1], "Project 2");
	assert_string_equal(names[2], "A234567890123456789012345678901");
	assert_string_equal(names[3], "Project 4");
	assert_string_equal(names[4], "Project 5");
	assert_string_equal(names[5], "Read.me");
	assert_null(names[6]);
	g_strfreev(names);
}

static void
evidence_cell_joins_ids_by_one_space(void **state)
{
	char *cell;

	(void)state;
	cell = appraisal_evidence_list("  E1\n\tE2  E3 ");
	assert_string_equal(cell, "E1 E2 E3");
	g_free(cell);
	cell = appraisal_evidence_list(NULL);
	assert_string_equal(cell, "");
	g_free(cell);
}

static void
cell_text_escapes_what_reads_as_an_escape(void **state)
{
	static const struct {
		const char *text, *cell;
	} cases[] = {
		{"plain", "plain"},
		{"_x0041_", "_x005F_x0041_"},
		{"a _x000D_ b _x00e9_", "a _x005F_x000D_ b _x005F_x00e9_"},
		{"_x004_ _xZZZZ_ _x0041", "_x004_ _xZZZZ_ _x0041"},
		{"__x0041_", "__x005F_x0041_"},
		{"", ""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *cell = workbook_cell_text(cases[i].text);

		assert_string_equal(cell, cases[i].cell);
		g_free(cell);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(first_sentence_ends_where_the_next_begins),
		cmocka_unit_test(text_lines_wrap_words_and_keep_breaks),
		cmocka_unit_test(statements_come_from_the_model),
		cmocka_unit_test(rows_of_a_rated_project),
		cmocka_unit_test(rows_under_iso15504_keep_every_rating),
		cmocka_unit_test(rows_of_a_template),
		cmocka_unit_test(sheet_names_are_ids_unless_a_spreadsheet_refuses),
		cmocka_unit_test(evidence_cell_joins_ids_by_one_space),
		cmocka_unit_test(cell_text_escapes_what_reads_as_an_escape),
	};
	int failed;

	xmlload_init();
	failed = cmocka_run_group_tests(tests, setup, teardown);
	xmlload_cleanup();
	return failed;
}
