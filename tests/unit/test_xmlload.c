/* Tests of the hardened loader: what it accepts, what it refuses, and the limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/xmlload.h"

#include "capture.h"

/* Parse text; return whether a tree came back (freeing it). */
static bool
loads(const char *text, size_t len, const struct xml_limits *limits)
{
	xmlDoc *doc = xmlload_memory(text, len, "t.xml", limits, &d);
	bool ok = doc != NULL;

	xmlFreeDoc(doc);
	fflush(sink);
	return ok;
}

#define LOADS(s) loads((s), sizeof(s) - 1, NULL)

static void
accepts_plain_document(void **state)
{
	(void)state;
	assert_true(LOADS("<?xml version=\"1.0\"?><a xmlns=\"urn:x\"><b>t &amp; u</b></a>"));
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.status, EXIT_OK);
}

static void
refuses_doctype_before_entities(void **state)
{
	(void)state;
	assert_false(LOADS("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "
	                   "\"file:///etc/passwd\">]>\n<a>&x;</a>"));
	assert_non_null(strstr(captured, "t.xml:2: error: a document type declaration"));
	assert_null(strstr(captured, "root:"));
	assert_int_equal(d.errors, 1);
	assert_int_equal(d.status, EXIT_INVALID);
}

static void
refuses_nul_bytes_with_line(void **state)
{
	static const char text[] = "<a>\n\n<b>x\0y</b></a>";

	(void)state;
	assert_false(loads(text, sizeof text - 1, NULL));
	assert_non_null(strstr(captured, "t.xml:3: error: NUL byte"));
}

static void
refuses_trailing_nul_padding(void **state)
{
	static const char text[] = "<a/>\0\0\0\0";

	(void)state;
	assert_false(loads(text, sizeof text - 1, NULL));
}

static void
refuses_compressed_data(void **state)
{
	static const char gz[] = "\x1f\x8b\x08\x00rest";
	static const char xz[] = "\xfd" "7zXZ\x00rest";

	(void)state;
	assert_false(loads(gz, sizeof gz - 1, NULL));
	assert_non_null(strstr(captured, "gzip-compressed"));
	assert_false(loads(xz, sizeof xz - 1, NULL));
	assert_non_null(strstr(captured, "xz-compressed"));
}

static void
refuses_empty_input(void **state)
{
	(void)state;
	assert_false(loads("", 0, NULL));
	assert_non_null(strstr(captured, "empty file"));
}

static void
enforces_size_limit(void **state)
{
	struct xml_limits small = xmlload_default_limits;

	(void)state;
	small.max_bytes = 8;
	assert_false(loads("<a>0123456789</a>", 17, &small));
	assert_int_equal(d.status, EXIT_LIMIT);
	assert_non_null(strstr(captured, "exceeds the limit of 8 bytes"));
}

/* Only an appraisal meets the lower cap for appraisals; another document of
 * the same size, or an element of that name in another namespace, does not. */
static void
caps_appraisals_lower(void **state)
{
	static const char appraisal[] = "<appraisal xmlns=\"urn:ssecmm:appraisal:1\">x</appraisal>";
	static const char other[] = "<appraisal xmlns=\"urn:ssecmm:model:1\">xxxxxx</appraisal>";
	struct xml_limits small = xmlload_default_limits;

	(void)state;
	small.max_appraisal_bytes = 40;
	assert_true(loads(other, sizeof other - 1, &small));
	assert_false(loads(appraisal, sizeof appraisal - 1, &small));
	assert_int_equal(d.status, EXIT_LIMIT);
	assert_non_null(strstr(captured, ":1: error: an appraisal of 55 bytes exceeds the limit "
	                                 "of 40 bytes for appraisals"));
	small.max_appraisal_bytes = sizeof appraisal - 1;
	assert_true(loads(appraisal, sizeof appraisal - 1, &small));
}

static void
enforces_depth_limit(void **state)
{
	struct xml_limits small = xmlload_default_limits;

	(void)state;
	small.max_depth = 3;
	assert_true(LOADS("<a><b><c/></b></a>"));
	assert_false(loads("<a><b><c><d/></c></b></a>", 25, &small));
	assert_int_equal(d.status, EXIT_LIMIT);
	assert_non_null(strstr(captured, "nesting depth exceeds the limit of 3"));
}

static void
enforces_element_limit(void **state)
{
	struct xml_limits small = xmlload_default_limits;

	(void)state;
	small.max_elements = 3;
	assert_false(loads("<a><b/><b/><b/></a>", 19, &small));
	assert_non_null(strstr(captured, "number of elements exceeds the limit of 3"));
}

static void
enforces_attribute_limit_before_parsing(void **state)
{
	struct xml_limits small = xmlload_default_limits;
	static const char ok[] = "<a x='=' y=\"a=b\"><!-- a=b=c --><?p a=b c=d?>t=x</a>";

	(void)state;
	small.max_attributes = 2;
	/* '=' in values, comments, processing instructions and text do not count. */
	assert_true(loads(ok, sizeof ok - 1, &small));
	assert_false(loads("<a>\n<b x='1' y='2' z='3'/></a>", 29, &small));
	assert_non_null(strstr(captured, "t.xml:2: error: attributes on one element"));
}

static void
accepts_utf16_with_bom(void **state)
{
	/* "<a>é</a>" in UTF-16LE and UTF-16BE with byte-order marks. */
	static const char le[] = "\xff\xfe<\0a\0>\0\xe9\0<\0/\0a\0>\0";
	static const char be[] = "\xfe\xff\0<\0a\0>\0\xe9\0<\0/\0a\0>";
	xmlDoc *doc;
	xmlChar *text;

	(void)state;
	doc = xmlload_memory(le, sizeof le - 1, "t.xml", NULL, &d);
	assert_non_null(doc);
	text = xmlNodeGetContent(xmlDocGetRootElement(doc));
	assert_string_equal((char *)text, "\xc3\xa9");
	xmlFree(text);
	xmlFreeDoc(doc);
	assert_true(loads(be, sizeof be - 1, NULL));
}

static void
refuses_odd_length_utf16(void **state)
{
	static const char odd[] = "\xff\xfe<\0a\0/\0>\0x";

	(void)state;
	assert_false(loads(odd, sizeof odd - 1, NULL));
	assert_non_null(strstr(captured, "invalid UTF-16LE"));
}

static void
refuses_undeclared_prefix(void **state)
{
	(void)state;
	assert_false(LOADS("<a><x:b/></a>"));
}

static void
reports_first_error_only(void **state)
{
	(void)state;
	assert_false(LOADS("<a>\n<b></c>\n</d>\n</a>"));
	assert_int_equal(d.errors, 1);
	assert_non_null(strstr(captured, "t.xml:2:"));
}

static void
refuses_fifo_without_blocking(void **state)
{
	char dir[] = "/tmp/xmlload-XXXXXX", path[64];
	size_t len;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_null(xmlload_read_bytes(path, 1024, &len, &d));
	fflush(sink);
	assert_non_null(strstr(captured, "not a regular file"));
	assert_int_equal(d.status, EXIT_IO);
	unlink(path);
	rmdir(dir);
}

static void
reads_file_and_hashes_it(void **state)
{
	char path[] = "/tmp/xmlload-XXXXXX";
	char sha[65];
	int fd;
	xmlDoc *doc;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "<a/>", 4), 4);
	close(fd);
	doc = xmlload_file(path, NULL, &d, sha);
	assert_non_null(doc);
	/* sha256 of the four bytes "<a/>" */
	assert_string_equal(sha, "29114363f749a0226b6988dda3ca2492a954117ab6b5f382706c20300dabc079");
	xmlFreeDoc(doc);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(accepts_plain_document, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_doctype_before_entities, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_nul_bytes_with_line, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_trailing_nul_padding, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_compressed_data, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_empty_input, setup, teardown),
		cmocka_unit_test_setup_teardown(enforces_size_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(enforces_depth_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(enforces_element_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(enforces_attribute_limit_before_parsing, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(accepts_utf16_with_bom, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_odd_length_utf16, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_undeclared_prefix, setup, teardown),
		cmocka_unit_test_setup_teardown(reports_first_error_only, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_fifo_without_blocking, setup, teardown),
		cmocka_unit_test_setup_teardown(reads_file_and_hashes_it, setup, teardown),
		cmocka_unit_test_setup_teardown(caps_appraisals_lower, setup, teardown),
	};
	int failed;

	xmlload_init();
	failed = cmocka_run_group_tests(tests, NULL, NULL);
	xmlload_cleanup();
	return failed;
}
