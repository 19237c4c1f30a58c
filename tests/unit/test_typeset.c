/* Unit tests of the typesetter's measuring and drawing, with the pinned fonts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include <libxml/parser.h>

#include "render/typeset_parts.h"

/* A document state with fonts and nothing else, enough to lay out text. */
struct fixture {
	struct typesetter *t;
	struct ts ts;
};

static int
setup(void **state)
{
	struct fixture *f = g_new0(struct fixture, 1);

	f->t = typeset_new();
	f->ts.pango = ts_fonts_context(f->t);
	ts_fonts_describe(f->ts.fonts);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < S_STYLES; i++)
		pango_font_description_free(f->ts.fonts[i]);
	g_object_unref(f->ts.pango);
	typeset_free(f->t);
	g_free(f);
	return 0;
}

/* t laid out from plain text in style st at width with alignment align. */
static void
text_of(struct fixture *f, struct text *t, const char *s, enum style st, double width,
        PangoAlignment align)
{
	struct inline_text it;

	memset(t, 0, sizeof *t);
	ts_inline_init(&it);
	g_string_append(it.s, s);
	ts_make_text(&f->ts, t, &it, st, width, align);
	ts_inline_clear(&it);
}

/* The leftmost and rightmost columns of an image surface with ink, or -1. */
static void
ink_columns(cairo_surface_t *img, int *left, int *right)
{
	int w = cairo_image_surface_get_width(img), h = cairo_image_surface_get_height(img);
	int stride = cairo_image_surface_get_stride(img), x, y;
	const unsigned char *data;

	cairo_surface_flush(img);
	data = cairo_image_surface_get_data(img);
	*left = *right = -1;
	for (x = 0; x < w; x++)
		for (y = 0; y < h; y++)
			if (data[y * stride + x * 4 + 3] > 64) {
				if (*left < 0)
					*left = x;
				*right = x;
				break;
			}
}

/* A right-aligned cell ("Number" columns) is drawn against its right edge:
 * pango_cairo_show_layout_line ignores the layout's alignment. */
static void
right_aligned_text_is_drawn_at_the_right(void **state)
{
	struct fixture *f = *state;
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 30);
	cairo_t *cr = cairo_create(img);
	GHashTable *pages = g_hash_table_new(g_str_hash, g_str_equal);
	struct text t;
	int left, right;

	text_of(f, &t, "42", S_CELL, 100, PANGO_ALIGN_RIGHT);
	ts_draw_lines(cr, &t, 0x000000, 10, 5, 0, t.n_lines, pages);
	ink_columns(img, &left, &right);
	/* "42" in 8 pt is about 9 pt wide: ink from about 101 to 110. */
	assert_in_range(left, 90, 110);
	assert_in_range(right, 100, 110);
	ts_free_text(&t);
	g_hash_table_destroy(pages);
	cairo_destroy(cr);
	cairo_surface_destroy(img);
}

/* Left-aligned text stays where it was. */
static void
left_aligned_text_is_drawn_at_the_left(void **state)
{
	struct fixture *f = *state;
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 30);
	cairo_t *cr = cairo_create(img);
	GHashTable *pages = g_hash_table_new(g_str_hash, g_str_equal);
	struct text t;
	int left, right;

	text_of(f, &t, "42", S_CELL, 100, PANGO_ALIGN_LEFT);
	ts_draw_lines(cr, &t, 0x000000, 10, 5, 0, t.n_lines, pages);
	ink_columns(img, &left, &right);
	assert_in_range(left, 10, 13);
	assert_in_range(right, 14, 25);
	ts_free_text(&t);
	g_hash_table_destroy(pages);
	cairo_destroy(cr);
	cairo_surface_destroy(img);
}

/* The width of s set on one line in style st. */
static double
natural_width(struct fixture *f, const char *s, enum style st)
{
	PangoRectangle r;
	struct text t;

	text_of(f, &t, s, st, 1000, PANGO_ALIGN_LEFT);
	pango_layout_get_extents(t.layout, NULL, &r);
	ts_free_text(&t);
	return (double)r.width / PANGO_SCALE;
}

/* A cell of two lines, the second a short word: its smallest width is its
 * longest word's, not the stretch from the last word's start to the widest
 * line's end (which measured 155 pt for a 48 pt word). */
static void
cell_minimum_is_longest_word(void **state)
{
	struct fixture *f = *state;
	double word = natural_width(f, "Coordination ", S_CELL);
	double line = natural_width(f, "Coordination of security engineering", S_CELL);
	struct inline_text it;
	PangoLayout *layout;
	double pref, min;

	f->ts.widths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, ts_free_measured);
	ts_inline_init(&it);
	g_string_append(it.s, "Coordination of security engineering\xE2\x80\xA8ok");
	ts_measure_widths(&f->ts, &it, S_CELL, &pref, &min, &layout);
	ts_inline_clear(&it);
	assert_true(pref >= line);
	/* The word and a point of slack; far below the first line's width. */
	if (min > word + 2 || min < word - 2)
		fail_msg("minimum %g, longest word %g, first line %g", min, word, line);
	g_hash_table_destroy(f->ts.widths);
	f->ts.widths = NULL;
}

/* "ISO/IEC" is never broken at its slash, even where only "ISO/" fits. */
static void
iso_iec_is_not_broken_at_the_slash(void **state)
{
	struct fixture *f = *state;
	double upto_slash = natural_width(f, "appraised against ISO/", S_BODY);
	struct text t;
	int i;

	text_of(f, &t, "appraised against ISO/IEC 21827", S_BODY, upto_slash + 2, PANGO_ALIGN_LEFT);
	for (i = 0; i < pango_layout_get_line_count(t.layout); i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(t.layout, i);
		const char *text = pango_layout_get_text(t.layout);

		if (line->start_index + line->length >= 4 &&
		    strncmp(text + line->start_index + line->length - 4, "ISO/", 4) == 0)
			fail_msg("line %d ends with \"ISO/\"", i);
	}
	ts_free_text(&t);
}

/* t laid out from s as a text node of the document (through the inline
 * walk, which offers the break opportunities) at width. */
static void
text_from_node(struct fixture *f, struct text *t, const char *s, double width)
{
	struct inline_text it;
	xmlNode *node = xmlNewText((const xmlChar *)s);

	memset(t, 0, sizeof *t);
	ts_inline_init(&it);
	ts_put_inline(&f->ts, &it, node);
	ts_make_text(&f->ts, t, &it, S_BODY, width, PANGO_ALIGN_LEFT);
	ts_inline_clear(&it);
	xmlFreeNode(node);
}

/* A long file name breaks only after its own separators, never leaving its
 * extension alone; a short id (BP.01.01) not at all.  (Before, the name
 * broke at its 40th character, inside a word.) */
static void
file_names_break_only_after_their_separators(void **state)
{
	static const char name[] = "QMS_library_procedures_secure_development.rev4_final.pdf";
	struct fixture *f = *state;
	double width = natural_width(f, "QMS_library_procedures_", S_BODY) + 2;
	struct text t;
	int i, n;

	text_from_node(f, &t, name, width);
	n = pango_layout_get_line_count(t.layout);
	assert_true(n >= 2);
	for (i = 0; i < n; i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(t.layout, i);
		const char *text = pango_layout_get_text(t.layout) + line->start_index;
		int len = line->length;

		/* The break opportunity is a zero-width space after the separator. */
		while (len >= 3 && strncmp(text + len - 3, "\xE2\x80\x8B", 3) == 0)
			len -= 3;
		if (i + 1 < n && !(len > 0 && strchr("/-_.", text[len - 1]) != NULL))
			fail_msg("line %d ends \"%.*s\", not after a separator", i, len, text);
		if (i + 1 == n && len < 4)
			fail_msg("the last line is \"%.*s\" alone", len, text);
	}
	ts_free_text(&t);

	/* Room for the id on a line, and for "see BP." before it, not for both. */
	width = natural_width(f, "BP.01.01", S_BODY) + 2;
	assert_true(natural_width(f, "see BP.", S_BODY) < width);
	text_from_node(f, &t, "see BP.01.01", width);
	{
		int first_line, last_line, x;

		pango_layout_index_to_line_x(t.layout, 4, FALSE, &first_line, &x);
		pango_layout_index_to_line_x(t.layout, 11, FALSE, &last_line, &x);
		if (first_line != last_line)
			fail_msg("BP.01.01 broken: lines %d to %d of %d (%g pt)", first_line, last_line,
			         pango_layout_get_line_count(t.layout), width);
	}
	ts_free_text(&t);
}

/* The blocks and flow items of the document text, built in f's typesetter
 * state on a 400 pt measure; unbuild frees them. */
static xmlDoc *
build(struct fixture *f, const char *text, size_t len)
{
	xmlDoc *doc = xmlReadMemory(text, (int)len, "doc.xml", "UTF-8", XML_PARSE_NONET);
	struct ts *ts = &f->ts;

	assert_non_null(doc);
	ts->body_w = 400;
	ts->items = g_array_new(FALSE, FALSE, sizeof(struct flow_item));
	ts->blocks = g_ptr_array_new_with_free_func(ts_destroy_block);
	ts->ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ts->widths = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, ts_free_measured);
	ts->pending = g_ptr_array_new_with_free_func(g_free);
	ts->owned = g_ptr_array_new_with_free_func(g_free);
	ts_build(ts, xmlDocGetRootElement(doc));
	return doc;
}

static void
unbuild(struct fixture *f, xmlDoc *doc)
{
	struct ts *ts = &f->ts;

	g_ptr_array_free(ts->owned, TRUE);
	g_ptr_array_free(ts->blocks, TRUE);
	g_array_free(ts->items, TRUE);
	g_hash_table_destroy(ts->ids);
	g_hash_table_destroy(ts->widths);
	g_ptr_array_free(ts->pending, TRUE);
	ts->widths = NULL;
	xmlFreeDoc(doc);
}

/* A figure's caption below its table keeps the table's last row company:
 * the row before the caption keeps with its next. */
static void
figure_caption_keeps_with_its_figure(void **state)
{
	static const char doc_text[] =
		"<body><figure><table><tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody>"
		"</table><figcaption>The caption</figcaption></figure><p>After.</p></body>";
	struct fixture *f = *state;
	xmlDoc *doc = build(f, doc_text, sizeof doc_text - 1);

	/* Two rows, the caption, the paragraph after. */
	assert_int_equal(f->ts.items->len, 4);
	assert_true(g_array_index(f->ts.items, struct flow_item, 1).keep_with_next);
	assert_false(g_array_index(f->ts.items, struct flow_item, 2).keep_with_next);
	unbuild(f, doc);
}

/* A row of one cell across the table is a note on the row above (the
 * statement's reason why an area has no level): that row keeps with it,
 * in a table long enough to be split anywhere else. */
static void
note_row_keeps_with_the_row_it_annotates(void **state)
{
	static const char doc_text[] =
		"<body><table><tbody>"
		"<tr><th>PA01</th><td>1</td></tr><tr><th>PA02</th><td>0</td></tr>"
		"<tr><th>PA03</th><td>not appraised</td></tr><tr><td colspan=\"2\">Why</td></tr>"
		"<tr><th>PA04</th><td>1</td></tr><tr><th>PA05</th><td>1</td></tr>"
		"<tr><th>PA06</th><td>1</td></tr><tr><th>PA07</th><td>1</td></tr>"
		"</tbody></table></body>";
	struct fixture *f = *state;
	xmlDoc *doc = build(f, doc_text, sizeof doc_text - 1);
	size_t i;

	assert_int_equal(f->ts.items->len, 8);
	for (i = 0; i < 8; i++) {
		const struct flow_item *it = &g_array_index(f->ts.items, struct flow_item, i);

		if (i == 2) {
			assert_true(it->keep_with_next);
			assert_int_equal(it->keep, FLOW_KEEP_BLOCK);
		} else if (it->keep_with_next) {
			fail_msg("row %zu keeps with the next", i);
		}
	}
	unbuild(f, doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(right_aligned_text_is_drawn_at_the_right),
		cmocka_unit_test(left_aligned_text_is_drawn_at_the_left),
		cmocka_unit_test(cell_minimum_is_longest_word),
		cmocka_unit_test(iso_iec_is_not_broken_at_the_slash),
		cmocka_unit_test(file_names_break_only_after_their_separators),
		cmocka_unit_test(figure_caption_keeps_with_its_figure),
		cmocka_unit_test(note_row_keeps_with_the_row_it_annotates),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
