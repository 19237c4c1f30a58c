/* Tests of the pipeline: the product table is whole, and a run loads, rates and makes products through it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "cmd/index.h"
#include "cmd/products.h"
#include "datadir.h"
#include "pipeline.h"
#include "render/office.h"

#include "capture.h"

static struct pipeline *
mini_pipeline(void)
{
	char *model = datadir_path("tests/data/mini-model.xml");
	struct pipeline *pl = pipeline_new(model, &d);

	g_free(model);
	assert_non_null(pl);
	return pl;
}

/* Every row names its product, has its files named one way (a fixed name
 * or a suffix after the input's stem), a format, and a template that
 * exists when it has one; no two rows share a name or a file name. */
static void
every_row_is_whole(void **state)
{
	GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *files = g_hash_table_new(g_str_hash, g_str_equal);
	int id;

	(void)state;
	for (id = 0; id < PRODUCT_COUNT; id++) {
		const struct product *p = pipeline_product(id);

		assert_non_null(p->name);
		assert_true((p->file == NULL) != (p->suffix == NULL));
		assert_int_not_equal(p->formats, 0);
		assert_true(g_hash_table_add(names, (gpointer)p->name));
		assert_true(g_hash_table_add(files, (gpointer)(p->file != NULL ? p->file
		                                                                : p->suffix)));
		if (p->template != NULL) {
			char *path = datadir_path(p->template);

			assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
			g_free(path);
		}
	}
	g_hash_table_destroy(names);
	g_hash_table_destroy(files);
}

/* The index finds result files by the suffix the result row gives them. */
static void
result_files_are_what_the_index_reads(void **state)
{
	char *name = g_strconcat(pipeline_product(PRODUCT_RESULT)->suffix, ".xml", NULL);

	(void)state;
	assert_string_equal(name, INDEX_RESULT_SUFFIX);
	g_free(name);
}

static void
missing_model_is_reported(void **state)
{
	(void)state;
	assert_null(pipeline_new("no-such-model.xml", &d));
	fflush(sink);
	assert_non_null(strstr(captured, "no-such-model.xml"));
	assert_true(d.errors > 0);
	pipeline_free(NULL);
}

/* What a batch loads before its workers start: every template compiles. */
static void
prepare_compiles_the_templates(void **state)
{
	static const enum product_id all[] = {PRODUCT_HANDBOOK, PRODUCT_REPORT, PRODUCT_STATEMENT,
	                                      PRODUCT_COMPARISON, PRODUCT_INDEX, PRODUCT_COUNT};
	struct pipeline *pl = mini_pipeline();

	(void)state;
	assert_true(pipeline_prepare(pl, all, false, &d));
	assert_int_equal(d.errors, 0);
	pipeline_free(pl);
}

/* An appraisal rated and its statement made as HTML on a stream: the
 * template's document, with the profile chart the row's chart maker drew. */
static void
rates_and_makes_a_statement(void **state)
{
	static const enum product_id statement[] = {PRODUCT_STATEMENT, PRODUCT_COUNT};
	struct pipeline *pl = mini_pipeline();
	struct product_dest dest = {0};
	struct rated rated = {0};
	char *appraisal = datadir_path("tests/data/mini-appraisal.xml"), *html = NULL;
	size_t html_len = 0;
	FILE *out = open_memstream(&html, &html_len);

	(void)state;
	dest.output = "-";
	dest.formats = PRODUCT_HTML;
	dest.out = out;
	assert_true(pipeline_rate(pl, appraisal, NULL, &rated, &d));
	assert_true(pipeline_make_appraisal(pl, rated.results, statement, "mini", &dest, &d));
	fclose(out);
	assert_non_null(strstr(html, "<html"));
	assert_non_null(strstr(html, "<svg"));
	free(html);
	rated_free(&rated);
	pipeline_free(pl);
	g_free(appraisal);
}

/* --format's words and -o's extensions (any case) name the same formats;
 * every office format has its template. */
static void
formats_by_name_and_extension(void **state)
{
	(void)state;
	assert_int_equal(pipeline_format_named("html"), PRODUCT_HTML);
	assert_int_equal(pipeline_format_named("pdf"), PRODUCT_PDF);
	assert_int_equal(pipeline_format_named("docx"), PRODUCT_DOCX);
	assert_int_equal(pipeline_format_named("odt"), PRODUCT_ODT);
	assert_int_equal(pipeline_format_named("doc"), 0);
	assert_int_equal(pipeline_format_named(""), 0);
	assert_int_equal(pipeline_format_of_path("out/Report.DOCX"), PRODUCT_DOCX);
	assert_int_equal(pipeline_format_of_path("report.odt"), PRODUCT_ODT);
	assert_int_equal(pipeline_format_of_path("report.pdf"), PRODUCT_PDF);
	assert_int_equal(pipeline_format_of_path("report.docx.bak"), 0);
	assert_int_equal(pipeline_format_of_path("odt"), 0);
	for (int k = 0; k < OFFICE_KINDS; k++) {
		char *path = datadir_path(office_template(k));

		assert_true(g_file_test(path, G_FILE_TEST_IS_REGULAR));
		g_free(path);
	}
	assert_true(pipeline_product(PRODUCT_REPORT)->formats & PRODUCT_DOCX);
	assert_true(pipeline_product(PRODUCT_STATEMENT)->formats & PRODUCT_ODT);
	assert_false(pipeline_product(PRODUCT_HANDBOOK)->formats & PRODUCT_DOCX);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_row_is_whole),
		cmocka_unit_test(result_files_are_what_the_index_reads),
		cmocka_unit_test(formats_by_name_and_extension),
		cmocka_unit_test_setup_teardown(missing_model_is_reported, setup, teardown),
		cmocka_unit_test_setup_teardown(prepare_compiles_the_templates, setup, teardown),
		cmocka_unit_test_setup_teardown(rates_and_makes_a_statement, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
