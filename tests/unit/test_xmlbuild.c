/* Unit tests of the document-building helpers (src/doc/xmlbuild.c): file names become valid XML text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/tree.h>

#include "doc/xmlbuild.h"

/* The attribute value xb_set_file_name stores for name, and whether the
 * serialised document parses back. */
static void
assert_file_name_becomes(const char *name, const char *want)
{
	xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0"), *again;
	xmlNode *root = xmlNewDocNode(doc, NULL, (const xmlChar *)"r", NULL);
	xmlChar *value, *mem = NULL;
	int len = 0;

	xmlDocSetRootElement(doc, root);
	xb_set_file_name(root, "name", name);
	value = xmlGetProp(root, (const xmlChar *)"name");
	assert_string_equal((const char *)value, want);
	xmlDocDumpMemoryEnc(doc, &mem, &len, "UTF-8");
	again = xmlReadMemory((const char *)mem, len, "again.xml", NULL, XML_PARSE_NONET);
	assert_non_null(again);
	xmlFreeDoc(again);
	xmlFree(mem);
	xmlFree(value);
	xmlFreeDoc(doc);
}

static void
valid_names_kept(void **state)
{
	(void)state;
	assert_file_name_becomes("acme.xml", "acme.xml");
	assert_file_name_becomes("Zürich – 東京 <&> \"q\".xml", "Zürich – 東京 <&> \"q\".xml");
}

static void
bad_bytes_and_controls_replaced(void **state)
{
	(void)state;
	/* Latin-1 é, a lone continuation byte, an overlong '/', ESC, BEL, tab,
	 * U+FFFE and U+FFFF: each one U+FFFD. */
	assert_file_name_becomes("r\xE9sum\xE9", "r\xEF\xBF\xBDsum\xEF\xBF\xBD");
	assert_file_name_becomes("a\x80z", "a\xEF\xBF\xBDz");
	assert_file_name_becomes("\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_file_name_becomes("e\033[31m\a\t", "e\xEF\xBF\xBD[31m\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_file_name_becomes("\xEF\xBF\xBE\xEF\xBF\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_names_kept),
		cmocka_unit_test(bad_bytes_and_controls_replaced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
