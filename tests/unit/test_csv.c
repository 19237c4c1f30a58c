/* Unit tests of the CSV reader (src/load/csv.c): RFC 4180 records, quoting, line ends, errors and limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

#include "load/csv.h"

static const struct csv_limits roomy = {1024 * 1024, 64, 1000000};

static struct csv_table *
parse_with(const char *buf, size_t len, const struct csv_limits *limits)
{
	struct csv_error_info err;
	struct csv_table *t = csv_parse(buf, len, limits, &err);

	if (t == NULL)
		fail_msg("unexpected error at %ld:%ld: %s", err.line, err.column, err.message);
	assert_int_equal(err.code, CSV_OK);
	return t;
}

static struct csv_table *
parse_ok(const char *text)
{
	return parse_with(text, strlen(text), &roomy);
}

/* Parse buf, which must fail with code at line:column. */
static void
assert_error_len(const char *buf, size_t len, const struct csv_limits *limits,
                 enum csv_error code, long line, long column)
{
	struct csv_error_info err;
	struct csv_table *t = csv_parse(buf, len, limits, &err);

	if (t != NULL) {
		csv_free(t);
		fail_msg("expected error %d, the parse succeeded", (int)code);
	}
	assert_int_equal(err.code, code);
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
	assert_true(err.message[0] != '\0');
}

static void
assert_error(const char *text, enum csv_error code, long line, long column)
{
	assert_error_len(text, strlen(text), &roomy, code, line, column);
}

static void
assert_field(const struct csv_table *t, size_t row, size_t col, const char *want)
{
	const struct csv_row *r = csv_row(t, row);

	assert_non_null(r);
	assert_true(col < r->n_fields);
	assert_string_equal(r->fields[col].text, want);
	assert_int_equal(r->fields[col].len, strlen(want));
}

static void
assert_shape(const struct csv_table *t, size_t n_rows, size_t n_fields)
{
	size_t i;

	assert_int_equal(csv_n_rows(t), n_rows);
	for (i = 0; i < n_rows; i++)
		assert_int_equal(csv_row(t, i)->n_fields, n_fields);
}

/* ---- files with no rows, headers alone ---- */

static void
empty_file_has_no_rows(void **state)
{
	struct csv_table *t = parse_with("", 0, &roomy);

	assert_int_equal(csv_n_rows(t), 0);
	assert_null(csv_row(t, 0));
	csv_free(t);
}

static void
bom_alone_has_no_rows(void **state)
{
	struct csv_table *t = parse_ok("\xEF\xBB\xBF");

	assert_int_equal(csv_n_rows(t), 0);
	csv_free(t);
}

static void
header_only_with_and_without_newline(void **state)
{
	const char *texts[] = {"project,practice", "project,practice\n", "project,practice\r\n"};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(texts); i++) {
		struct csv_table *t = parse_ok(texts[i]);

		assert_shape(t, 1, 2);
		assert_field(t, 0, 0, "project");
		assert_field(t, 0, 1, "practice");
		assert_int_equal(csv_row(t, 0)->line, 1);
		csv_free(t);
	}
}

/* ---- byte-order marks ---- */

static void
utf8_bom_skipped(void **state)
{
	struct csv_table *t = parse_ok("\xEF\xBB\xBFproject,rating\nGW,F\n");

	assert_shape(t, 2, 2);
	assert_field(t, 0, 0, "project");
	assert_field(t, 1, 1, "F");
	csv_free(t);
}

static void
utf8_bom_before_quoted_field(void **state)
{
	struct csv_table *t = parse_ok("\xEF\xBB\xBF\"a,b\",c");

	assert_shape(t, 1, 2);
	assert_field(t, 0, 0, "a,b");
	csv_free(t);
}

static void
bom_elsewhere_is_data(void **state)
{
	struct csv_table *t = parse_ok("a,\xEF\xBB\xBF" "b");

	assert_field(t, 0, 1, "\xEF\xBB\xBF" "b");
	csv_free(t);
}

static void
utf16_refused(void **state)
{
	assert_error_len("\xFF\xFE" "a\0,\0", 6, &roomy, CSV_ERR_UTF16, 1, 1);
	assert_error_len("\xFE\xFF\0a\0,", 6, &roomy, CSV_ERR_UTF16, 1, 1);
}

/* ---- line ends ---- */

static void
lf_and_crlf_and_mixed(void **state)
{
	const char *texts[] = {"a,b\nc,d\n", "a,b\r\nc,d\r\n", "a,b\r\nc,d\n", "a,b\nc,d"};
	size_t i;

	for (i = 0; i < G_N_ELEMENTS(texts); i++) {
		struct csv_table *t = parse_ok(texts[i]);

		assert_shape(t, 2, 2);
		assert_field(t, 0, 1, "b");
		assert_field(t, 1, 0, "c");
		assert_field(t, 1, 1, "d");
		assert_int_equal(csv_row(t, 1)->line, 2);
		csv_free(t);
	}
}

static void
trailing_newline_or_none_same_rows(void **state)
{
	struct csv_table *with = parse_ok("a\nb\n");
	struct csv_table *without = parse_ok("a\nb");

	assert_shape(with, 2, 1);
	assert_shape(without, 2, 1);
	assert_field(with, 1, 0, "b");
	assert_field(without, 1, 0, "b");
	csv_free(with);
	csv_free(without);
}

static void
blank_line_is_one_empty_field(void **state)
{
	struct csv_table *t = parse_ok("a,b\n\nc,d\n\n");

	assert_int_equal(csv_n_rows(t), 4);
	assert_int_equal(csv_row(t, 1)->n_fields, 1);
	assert_field(t, 1, 0, "");
	assert_int_equal(csv_row(t, 1)->line, 2);
	assert_int_equal(csv_row(t, 2)->line, 3);
	assert_int_equal(csv_row(t, 3)->n_fields, 1);
	csv_free(t);
}

static void
bare_cr_refused(void **state)
{
	assert_error("a,b\rc,d\n", CSV_ERR_BARE_CR, 1, 2);
	assert_error("a\nb\r", CSV_ERR_BARE_CR, 2, 1);
	assert_error("\"a\"\rb", CSV_ERR_BARE_CR, 1, 1);
}

/* ---- empty fields ---- */

static void
empty_fields(void **state)
{
	struct csv_table *t = parse_ok(",,\na,,b\nc,\n,d\n");

	assert_int_equal(csv_n_rows(t), 4);
	assert_int_equal(csv_row(t, 0)->n_fields, 3);
	assert_field(t, 0, 0, "");
	assert_field(t, 0, 2, "");
	assert_field(t, 1, 1, "");
	assert_field(t, 1, 2, "b");
	assert_int_equal(csv_row(t, 2)->n_fields, 2);
	assert_field(t, 2, 1, "");
	assert_field(t, 3, 0, "");
	csv_free(t);
}

static void
quoted_empty_field(void **state)
{
	struct csv_table *t = parse_ok("\"\",a,\"\"\n\"\"");

	assert_int_equal(csv_n_rows(t), 2);
	assert_int_equal(csv_row(t, 0)->n_fields, 3);
	assert_field(t, 0, 0, "");
	assert_field(t, 0, 2, "");
	assert_int_equal(csv_row(t, 1)->n_fields, 1);
	assert_field(t, 1, 0, "");
	csv_free(t);
}

static void
trailing_comma_at_end_of_file(void **state)
{
	struct csv_table *t = parse_ok("a,");

	assert_shape(t, 1, 2);
	assert_field(t, 0, 1, "");
	csv_free(t);
}

/* ---- quoting ---- */

static void
quoted_comma(void **state)
{
	struct csv_table *t = parse_ok("\"a,b\",c\n\",\",\",,\"\n");

	assert_shape(t, 2, 2);
	assert_field(t, 0, 0, "a,b");
	assert_field(t, 0, 1, "c");
	assert_field(t, 1, 0, ",");
	assert_field(t, 1, 1, ",,");
	csv_free(t);
}

static void
doubled_quotes(void **state)
{
	struct csv_table *t = parse_ok("\"say \"\"F\"\"\",\"\"\"\"\"\",\"\"\"\"\n");

	assert_shape(t, 1, 3);
	assert_field(t, 0, 0, "say \"F\"");
	assert_field(t, 0, 1, "\"\"");
	assert_field(t, 0, 2, "\"");
	csv_free(t);
}

static void
quoted_newlines_kept_and_counted(void **state)
{
	struct csv_table *t = parse_ok("id,note\nGW,\"one\ntwo\r\nthree\"\nBC,x\n");

	assert_int_equal(csv_n_rows(t), 3);
	assert_field(t, 1, 1, "one\ntwo\r\nthree");
	assert_int_equal(csv_row(t, 1)->line, 2);
	assert_int_equal(csv_row(t, 1)->fields[1].line, 2);
	assert_int_equal(csv_row(t, 2)->line, 5);
	csv_free(t);
}

static void
field_lines_after_multiline_field(void **state)
{
	struct csv_table *t = parse_ok("\"a\nb\",c\n");

	assert_int_equal(csv_row(t, 0)->fields[0].line, 1);
	assert_int_equal(csv_row(t, 0)->fields[1].line, 2);
	csv_free(t);
}

static void
quoted_crlf_row_end(void **state)
{
	struct csv_table *t = parse_ok("\"a\"\r\n\"b\"");

	assert_shape(t, 2, 1);
	assert_field(t, 1, 0, "b");
	csv_free(t);
}

static void
spaces_are_data(void **state)
{
	struct csv_table *t = parse_ok(" a , b ");

	assert_field(t, 0, 0, " a ");
	assert_field(t, 0, 1, " b ");
	csv_free(t);
}

static void
unterminated_quote(void **state)
{
	assert_error("\"abc", CSV_ERR_UNTERMINATED_QUOTE, 1, 1);
	assert_error("a,b\nc,\"d\ne\nf", CSV_ERR_UNTERMINATED_QUOTE, 2, 2);
	assert_error("\"", CSV_ERR_UNTERMINATED_QUOTE, 1, 1);
	assert_error("a,\"x\"\"", CSV_ERR_UNTERMINATED_QUOTE, 1, 2);
}

static void
text_after_closing_quote(void **state)
{
	assert_error("\"a\"b,c", CSV_ERR_AFTER_QUOTE, 1, 1);
	assert_error("x,\"a\" ,c", CSV_ERR_AFTER_QUOTE, 1, 2);
	assert_error("x\ny,\"a\nb\"c", CSV_ERR_AFTER_QUOTE, 3, 2);
}

static void
quote_inside_plain_field(void **state)
{
	assert_error("ab\"c\",d", CSV_ERR_BARE_QUOTE, 1, 1);
	assert_error("a,b\nc, \"d\"", CSV_ERR_BARE_QUOTE, 2, 2);
}

/* ---- bytes ---- */

static void
nul_refused(void **state)
{
	assert_error_len("a,b\0c\n", 6, &roomy, CSV_ERR_NUL, 1, 2);
	assert_error_len("a\n\"b\n\0\"", 7, &roomy, CSV_ERR_NUL, 3, 1);
	assert_error_len("\0", 1, &roomy, CSV_ERR_NUL, 1, 1);
}

static void
invalid_utf8_refused(void **state)
{
	assert_error("caf\xE9,x", CSV_ERR_INVALID_UTF8, 1, 1);
	assert_error("a,b\nc,\xC0\xAF", CSV_ERR_INVALID_UTF8, 2, 2);      /* overlong */
	assert_error("a,\xED\xA0\x80", CSV_ERR_INVALID_UTF8, 1, 2);       /* surrogate */
	assert_error("a,\xF4\x90\x80\x80", CSV_ERR_INVALID_UTF8, 1, 2);   /* > U+10FFFF */
	assert_error("a,\xE2\x82", CSV_ERR_INVALID_UTF8, 1, 2);           /* cut short */
	assert_error("x\n\"a\nb\nc\xFF\"", CSV_ERR_INVALID_UTF8, 4, 1);   /* line of the byte */
}

static void
valid_utf8_kept(void **state)
{
	struct csv_table *t = parse_ok("Zürich,\"日本, 語\",\xF0\x9F\x94\x92\n");

	assert_field(t, 0, 0, "Zürich");
	assert_field(t, 0, 1, "日本, 語");
	assert_field(t, 0, 2, "\xF0\x9F\x94\x92");
	csv_free(t);
}

static void
buffer_need_not_be_terminated(void **state)
{
	char buf[] = {'a', ',', 'b', 'X'};
	struct csv_table *t = parse_with(buf, 3, &roomy);

	assert_shape(t, 1, 2);
	assert_field(t, 0, 1, "b");
	csv_free(t);
}

/* ---- limits ---- */

static void
field_length_limit(void **state)
{
	const struct csv_limits l = {4, 64, 100};
	struct csv_table *t = parse_with("abcd,\"ab\"\"c\"\n", 13, &l);

	assert_field(t, 0, 0, "abcd");
	assert_field(t, 0, 1, "ab\"c");
	csv_free(t);
	assert_error_len("abcde", 5, &l, CSV_ERR_FIELD_TOO_LONG, 1, 1);
	assert_error_len("a,\"abc\"\"d\"", 10, &l, CSV_ERR_FIELD_TOO_LONG, 1, 2);
	assert_error_len("a\n\"\n\n\n\n\n\"", 9, &l, CSV_ERR_FIELD_TOO_LONG, 2, 1);
	assert_true(csv_error_is_limit(CSV_ERR_FIELD_TOO_LONG));
}

static void
fields_per_row_limit(void **state)
{
	const struct csv_limits l = {100, 3, 100};
	struct csv_table *t = parse_with("a,b,c\n,,\n", 9, &l);

	assert_shape(t, 2, 3);
	csv_free(t);
	assert_error_len("a,b,c\nd,e,f,g\n", 14, &l, CSV_ERR_TOO_MANY_FIELDS, 2, 4);
	assert_error_len("a,b,c,", 6, &l, CSV_ERR_TOO_MANY_FIELDS, 1, 4);
	assert_true(csv_error_is_limit(CSV_ERR_TOO_MANY_FIELDS));
}

static void
rows_limit(void **state)
{
	const struct csv_limits l = {100, 10, 2};
	struct csv_table *t = parse_with("a\nb\n", 4, &l);

	assert_int_equal(csv_n_rows(t), 2);
	csv_free(t);
	assert_error_len("a\nb\nc", 5, &l, CSV_ERR_TOO_MANY_ROWS, 3, 1);
	assert_error_len("a\nb\n\n", 5, &l, CSV_ERR_TOO_MANY_ROWS, 3, 1);
	assert_true(csv_error_is_limit(CSV_ERR_TOO_MANY_ROWS));
	assert_false(csv_error_is_limit(CSV_ERR_NUL));
	assert_false(csv_error_is_limit(CSV_ERR_UNTERMINATED_QUOTE));
}

/* ---- size: linear time, one long field, many rows ---- */

static void
many_rows(void **state)
{
	GString *s = g_string_new("project,process_area,practice,rating\n");
	struct csv_table *t;
	size_t i;

	for (i = 0; i < 200000; i++)
		g_string_append_printf(s, "P%zu,PA01,\"BP.01.01\",F\r\n", i);
	t = parse_with(s->str, s->len, &roomy);
	assert_int_equal(csv_n_rows(t), 200001);
	assert_field(t, 200000, 0, "P199999");
	assert_int_equal(csv_row(t, 200000)->line, 200001);
	csv_free(t);
	g_string_free(s, TRUE);
}

static void
one_long_quoted_field(void **state)
{
	const struct csv_limits big = {8 * 1024 * 1024, 4, 4};
	GString *s = g_string_new("\"");
	struct csv_table *t;
	size_t i;

	for (i = 0; i < 1024 * 1024; i++)
		g_string_append(s, "a\"\"\n");
	g_string_append(s, "\",x");
	t = parse_with(s->str, s->len, &big);
	assert_int_equal(csv_row(t, 0)->fields[0].len, 3 * 1024 * 1024);
	assert_int_equal(csv_row(t, 0)->fields[1].line, 1024 * 1024 + 1);
	csv_free(t);
	g_string_free(s, TRUE);
}

static void
free_accepts_null(void **state)
{
	csv_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(empty_file_has_no_rows),
		cmocka_unit_test(bom_alone_has_no_rows),
		cmocka_unit_test(header_only_with_and_without_newline),
		cmocka_unit_test(utf8_bom_skipped),
		cmocka_unit_test(utf8_bom_before_quoted_field),
		cmocka_unit_test(bom_elsewhere_is_data),
		cmocka_unit_test(utf16_refused),
		cmocka_unit_test(lf_and_crlf_and_mixed),
		cmocka_unit_test(trailing_newline_or_none_same_rows),
		cmocka_unit_test(blank_line_is_one_empty_field),
		cmocka_unit_test(bare_cr_refused),
		cmocka_unit_test(empty_fields),
		cmocka_unit_test(quoted_empty_field),
		cmocka_unit_test(trailing_comma_at_end_of_file),
		cmocka_unit_test(quoted_comma),
		cmocka_unit_test(doubled_quotes),
		cmocka_unit_test(quoted_newlines_kept_and_counted),
		cmocka_unit_test(field_lines_after_multiline_field),
		cmocka_unit_test(quoted_crlf_row_end),
		cmocka_unit_test(spaces_are_data),
		cmocka_unit_test(unterminated_quote),
		cmocka_unit_test(text_after_closing_quote),
		cmocka_unit_test(quote_inside_plain_field),
		cmocka_unit_test(nul_refused),
		cmocka_unit_test(invalid_utf8_refused),
		cmocka_unit_test(valid_utf8_kept),
		cmocka_unit_test(buffer_need_not_be_terminated),
		cmocka_unit_test(field_length_limit),
		cmocka_unit_test(fields_per_row_limit),
		cmocka_unit_test(rows_limit),
		cmocka_unit_test(many_rows),
		cmocka_unit_test(one_long_quoted_field),
		cmocka_unit_test(free_accepts_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
