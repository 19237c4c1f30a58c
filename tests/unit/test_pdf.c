/* Tests of PDF text strings: data that XML allows but cairo refuses never fails a PDF. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>

#include "output.h"
#include "render/chart.h"
#include "render/chart_cairo.h"
#include "render/pdf.h"
#include "render/typeset.h"

/* Output into memory, and the diagnostics of the run. */
struct sink {
	char *bytes;
	size_t len;
	FILE *stream;
	struct diag d;
	struct output *o;
};

static void
sink_open(struct sink *s)
{
	memset(s, 0, sizeof *s);
	s->stream = open_memstream(&s->bytes, &s->len);
	assert_non_null(s->stream);
	diag_init(&s->d, stderr, false, false);
	s->o = output_open("-", s->stream, NULL, 0, &s->d);
	assert_non_null(s->o);
}

/* Closes the stream and checks that a whole PDF was written without a
 * diagnostic. */
static void
sink_close_pdf(struct sink *s)
{
	fclose(s->stream);
	assert_int_equal(s->d.errors, 0);
	assert_true(s->len > 5);
	assert_memory_equal(s->bytes, "%PDF-", 5);
	assert_non_null(memmem(s->bytes, s->len, "%%EOF", 5));
	free(s->bytes);
}

static void
noncharacters_become_replacement_characters(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain ASCII", "plain ASCII"},
		{"caf\xC3\xA9 \xE2\x80\xAE \xEF\xBF\xBD", "caf\xC3\xA9 \xE2\x80\xAE \xEF\xBF\xBD"},
		{"\xEF\xB7\x8F|\xEF\xB7\x90|\xEF\xB7\xAF|\xEF\xB7\xB0",    /* U+FDCF-U+FDF0 */
		 "\xEF\xB7\x8F|\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xB7\xB0"},
		{"\xEF\xBF\xBE\xEF\xBF\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD"}, /* U+FFFE, U+FFFF */
		{"\xF0\x9F\xBF\xBE \xF4\x8F\xBF\xBF \xF0\x9F\x98\x80",    /* U+1FFFE, U+10FFFF */
		 "\xEF\xBF\xBD \xEF\xBF\xBD \xF0\x9F\x98\x80"},
		{"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
		{"", ""},
	};
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *t = pdf_text(cases[i].in);

		assert_string_equal(t, cases[i].out);
		g_free(t);
	}
}

/* An organization's name with U+FDD0 in a chart's title: cairo 1.16 failed
 * the whole file with "input string not valid UTF-8" (found by fuzz_typeset). */
static void
chart_title_with_noncharacter_is_written(void **state)
{
	const struct chart_bar bars[] = {{.label = "PA01", .level = 2, .max_level = -1,
	                                  .target = 3}};
	struct chart *c = chart_profile(bars, 1);
	struct sink s;

	(void)state;
	sink_open(&s);
	assert_true(chart_write_pdf(c, "Capability profile of Example \xEF\xB7\x90 Ltd", s.o,
	                            &s.d));
	sink_close_pdf(&s);
	chart_free(c);
}

/* The same characters in a document's title, author, description, and in
 * headings that become outline entries. */
static void
document_with_noncharacters_is_typeset(void **state)
{
	static const char doc_text[] =
		"<html lang=\"en\"><head><title>Report \xEF\xB7\x90</title>"
		"<meta name=\"author\" content=\"Lead \xF0\x9F\xBF\xBE\"/>"
		"<meta name=\"description\" content=\"\xEF\xB7\xAF\"/>"
		"<meta name=\"generator\" content=\"ssecmm \xEF\xB7\x95\"/></head><body>"
		"<section id=\"s1\"><h2>Project \xEF\xB7\x90</h2><p>Text \xEF\xB7\x90.</p>"
		"<section id=\"s2\"><h3>\xF4\x8F\xBF\xBF area</h3><p>More.</p></section>"
		"</section></body></html>";
	xmlDoc *doc = xmlReadMemory(doc_text, (int)sizeof doc_text - 1, "test.xml", "UTF-8",
	                            XML_PARSE_NONET);
	struct typesetter *t;
	struct sink s;

	(void)state;
	assert_non_null(doc);
	t = typeset_new();
	sink_open(&s);
	assert_true(typeset_render(t, doc, PAPER_A4, NULL, NULL, s.o, &s.d));
	sink_close_pdf(&s);
	typeset_free(t);
	xmlFreeDoc(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(noncharacters_become_replacement_characters),
		cmocka_unit_test(chart_title_with_noncharacter_is_written),
		cmocka_unit_test(document_with_noncharacters_is_typeset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
