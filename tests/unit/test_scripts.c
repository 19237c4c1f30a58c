/* Tests of text in any script: language tags, the CJK face of each language, missing glyphs, lang in products. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <pango/pangocairo.h>

#include "diag.h"
#include "load/lang.h"
#include "rate/names.h"
#include "render/fonts.h"

static void
test_lang_tags(void **state)
{
	assert_true(lang_tag_valid("en"));
	assert_true(lang_tag_valid("zh-CN"));
	assert_true(lang_tag_valid("zh-Hant-TW"));
	assert_true(lang_tag_valid("ja"));
	assert_true(lang_tag_valid("ast"));
	assert_true(lang_tag_valid("de-CH-1901"));
	assert_false(lang_tag_valid(""));
	assert_false(lang_tag_valid("e"));
	assert_false(lang_tag_valid("english"));
	assert_false(lang_tag_valid("zh_CN"));
	assert_false(lang_tag_valid("zh-"));
	assert_false(lang_tag_valid("zh--CN"));
	assert_false(lang_tag_valid("en-abcdefghi"));
	assert_false(lang_tag_valid("en\" onload=\"x"));
	assert_false(lang_tag_valid("zh-CN-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd-eeeeeeee-ffffffff-gggg-h"));
}

static void
test_cjk_family(void **state)
{
	assert_string_equal(fonts_cjk_family("zh-CN", false, false), "Noto Sans CJK SC");
	assert_string_equal(fonts_cjk_family("zh", false, false), "Noto Sans CJK SC");
	assert_string_equal(fonts_cjk_family("zh-Hans-SG", false, false), "Noto Sans CJK SC");
	assert_string_equal(fonts_cjk_family("zh-TW", false, false), "Noto Sans CJK TC");
	assert_string_equal(fonts_cjk_family("zh-Hant-HK", false, false), "Noto Sans CJK TC");
	assert_string_equal(fonts_cjk_family("zh-HK", false, false), "Noto Sans CJK HK");
	assert_string_equal(fonts_cjk_family("ja-JP", false, false), "Noto Sans CJK JP");
	assert_string_equal(fonts_cjk_family("KO", false, false), "Noto Sans CJK KR");
	/* No CJK language: the characters decide, Han alone is Chinese. */
	assert_string_equal(fonts_cjk_family(NULL, false, false), "Noto Sans CJK SC");
	assert_string_equal(fonts_cjk_family("en", true, false), "Noto Sans CJK JP");
	assert_string_equal(fonts_cjk_family(NULL, false, true), "Noto Sans CJK KR");
	/* "jam" (Jamaican) is not "ja". */
	assert_string_equal(fonts_cjk_family("jam", false, false), "Noto Sans CJK SC");
}

static PangoLayout *
new_layout(void)
{
	PangoFontMap *map = pango_cairo_font_map_get_default();
	PangoContext *c = pango_font_map_create_context(map);
	PangoLayout *l = pango_layout_new(c);
	PangoFontDescription *f = pango_font_description_from_string("DejaVu Sans 10");

	pango_context_set_language(c, pango_language_from_string("en"));
	pango_layout_set_font_description(l, f);
	pango_font_description_free(f);
	g_object_unref(c);
	return l;
}

/* The family attribute of l in force at byte i, or NULL. */
static const char *
family_at(PangoLayout *l, int i)
{
	PangoAttrList *attrs = pango_layout_get_attributes(l);
	PangoAttrIterator *it;
	const char *family = NULL;

	if (attrs == NULL)
		return NULL;
	it = pango_attr_list_get_iterator(attrs);
	do {
		int start, end;
		PangoAttribute *a;

		pango_attr_iterator_range(it, &start, &end);
		if (start <= i && i < end && (a = pango_attr_iterator_get(it, PANGO_ATTR_FAMILY)))
			family = ((PangoAttrString *)a)->value;
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	return family;
}

static void
test_layout_faces(void **state)
{
	/* "Latin 安全，日本語のテキスト 한국어 end" with the Han-only run marked ja. */
	static const char text[] = "Latin \xE5\xAE\x89\xE5\x85\xA8\xEF\xBC\x8C "
	                           "\xE3\x83\x86\xE3\x82\xAD "
	                           "\xED\x95\x9C\xEA\xB5\xAD end";
	PangoLayout *l = new_layout();
	PangoAttrList *attrs = pango_attr_list_new();
	PangoAttrList *latin = pango_attr_list_new();

	/* Latin alone: the attributes given, nothing added. */
	fonts_layout_set_text(l, "Latin only", -1, latin);
	assert_null(family_at(l, 0));
	assert_int_equal(pango_attr_list_get_attributes(pango_layout_get_attributes(l)) == NULL,
	                 1);

	fonts_mark_language(attrs, "ja", 6, 15);
	fonts_layout_set_text(l, text, -1, attrs);
	assert_null(family_at(l, 0));
	assert_string_equal(family_at(l, 6), "Noto Sans CJK JP");    /* Han marked ja */
	assert_string_equal(family_at(l, 12), "Noto Sans CJK JP");   /* full-width comma */
	assert_null(family_at(l, 15));                               /* the space */
	assert_string_equal(family_at(l, 16), "Noto Sans CJK JP");   /* katakana */
	assert_string_equal(family_at(l, 23), "Noto Sans CJK KR");   /* Hangul */
	assert_null(family_at(l, 30));
	/* The caller's list is left as it was. */
	assert_null(pango_attr_list_get_attributes(latin));
	pango_attr_list_unref(attrs);
	pango_attr_list_unref(latin);
	g_object_unref(l);
}

static void
test_unknown_glyph_warned_once(void **state)
{
	/* A plane-16 private-use character: no font has it. */
	static const char text[] = "x \xF4\x8F\xBF\xBD y \xF4\x8F\xBF\xBD";
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	PangoLayout *l = new_layout();
	struct diag d;

	diag_init(&d, f, false, false);
	fonts_layout_set_text(l, text, -1, NULL);
	assert_int_equal(fonts_check_layout(l, &d), 2);
	assert_int_equal(fonts_check_layout(l, &d), 2);
	fclose(f);
	assert_int_equal(d.warnings, 1);
	assert_non_null(strstr(out, "warning: no installed font has U+10FFFD"));
	/* Text every face has: nothing unknown. */
	fonts_layout_set_text(l, "plain text", -1, NULL);
	assert_int_equal(fonts_check_layout(l, &d), 0);
	g_object_unref(l);
	free(out);
}

static void
test_input_check_locates(void **state)
{
	static const char xml[] = "<a>\n<b n=\"ok\">fine</b>\n<c>line three\nfour \xF4\x8F\xBF\xBC</c>"
	                          "<d v=\"\xF4\x8F\xBF\xBB\"/></a>";
	xmlDoc *doc = xmlReadMemory(xml, (int)sizeof xml - 1, "t.xml", "UTF-8", XML_PARSE_NONET);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct diag d;

	diag_init(&d, f, false, false);
	fonts_check_document(doc, "t.xml", &d);
	fclose(f);
	assert_int_equal(d.warnings, 2);
	assert_non_null(strstr(out, "t.xml:4: warning: no installed font has U+10FFFC"));
	assert_non_null(strstr(out, "t.xml:4: warning: no installed font has U+10FFFB"));
	free(out);
	xmlFreeDoc(doc);
}

static void
test_lang_mark(void **state)
{
	static const char input[] =
		"<appraisal xmlns=\"urn:ssecmm:appraisal:1\" xml:lang=\"zh-CN\">"
		"<name>  \xE4\xBA\x91\xE6\xA0\x88\n  </name>"
		"<member name=\"Naoko\" ref=\"Other\" xml:lang=\"ja\"/><note xml:lang=\"en\">Same</note>"
		"<date>2026</date></appraisal>";
	static const char page[] =
		"<html lang=\"en\"><head><title>\xE4\xBA\x91\xE6\xA0\x88</title></head><body>"
		"<p>\xE4\xBA\x91\xE6\xA0\x88</p><p><bdi>Naoko</bdi> and <bdi>Same</bdi></p>"
		"<p>2026</p><p>Other</p></body></html>";
	xmlDoc *in = xmlReadMemory(input, (int)sizeof input - 1, "in.xml", "UTF-8", 0);
	xmlDoc *out = xmlReadMemory(page, (int)sizeof page - 1, "page.xml", "UTF-8", 0);
	xmlNode *body = xmlDocGetRootElement(out)->children->next;
	xmlNode *p1 = body->children, *p2 = p1->next, *p3 = p2->next, *p4 = p3->next;
	xmlChar *v;

	lang_mark(out, in, NULL);
	/* Text that quotes marked text takes its language. */
	assert_string_equal(lang_quoted(body, "Report of \xE4\xBA\x91\xE6\xA0\x88 Ltd"), "zh-CN");
	assert_string_equal(lang_quoted(body, "by Naoko"), "ja");
	assert_null(lang_quoted(body, "Other"));
	/* A block gets a span around its text (the typesetter reads inline
	 * elements' languages); an inline element gets the attribute. */
	assert_null(xmlGetProp(p1, (const xmlChar *)"lang"));
	assert_string_equal((char *)p1->children->name, "span");
	assert_string_equal((char *)(v = xmlGetProp(p1->children, (const xmlChar *)"lang")),
	                    "zh-CN");
	xmlFree(v);
	assert_string_equal((char *)p1->children->children->content, "\xE4\xBA\x91\xE6\xA0\x88");
	assert_string_equal((char *)(v = xmlGetProp(p2->children, (const xmlChar *)"lang")), "ja");
	xmlFree(v);
	assert_null(xmlGetProp(p2->children->next->next, (const xmlChar *)"lang")); /* en */
	assert_null(xmlGetProp(p3, (const xmlChar *)"lang"));                      /* no letter */
	assert_null(xmlGetProp(p4, (const xmlChar *)"lang"));      /* an identifier attribute */
	assert_int_equal(p4->children->type, XML_TEXT_NODE);
	assert_null(xmlGetProp(p2, (const xmlChar *)"lang"));
	xmlFreeDoc(out);

	/* --lang stands for the root's xml:lang; elements that say otherwise keep theirs. */
	out = xmlReadMemory(page, (int)sizeof page - 1, "page.xml", "UTF-8", 0);
	body = xmlDocGetRootElement(out)->children->next;
	lang_mark(out, in, "zh-TW");
	assert_string_equal((char *)(v = xmlGetProp(body->children->children,
	                                            (const xmlChar *)"lang")), "zh-TW");
	xmlFree(v);
	assert_string_equal((char *)(v = xmlGetProp(body->children->next->children,
	                                            (const xmlChar *)"lang")), "ja");
	xmlFree(v);
	xmlFreeDoc(out);
	xmlFreeDoc(in);
}

static void
test_names_equal(void **state)
{
	/* Full-width letters, a decomposed umlaut, case and sharp s. */
	assert_true(names_equal("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 Ltd", "ABC Ltd"));
	assert_true(names_equal("M\xC3\xBCller GmbH", "Mu\xCC\x88ller GmbH"));
	assert_true(names_equal("STRASSE", "stra\xC3\x9F" "e"));
	assert_true(names_equal(NULL, NULL));
	/* Simplified and traditional forms are different names. */
	assert_false(names_equal("\xE4\xBA\x91\xE6\xA0\x88", "\xE9\x9B\xB2\xE6\xA3\xA7"));
	assert_false(names_equal("ABC Ltd", "ABD Ltd"));
	assert_false(names_equal("ABC", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lang_tags),
		cmocka_unit_test(test_cjk_family),
		cmocka_unit_test(test_layout_faces),
		cmocka_unit_test(test_unknown_glyph_warned_once),
		cmocka_unit_test(test_input_check_locates),
		cmocka_unit_test(test_lang_mark),
		cmocka_unit_test(test_names_equal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
