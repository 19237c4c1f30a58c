/* Tests of the PDF post-pass: reading cairo's file, artifacts in page content, the tags added, and malformed files refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <libdeflate.h>

#include "output.h"
#include "render/pdf_access.h"
#include "render/pdf_artifact.h"
#include "render/pdf_file.h"

/* ---- content streams ---- */

static void
artifacts_wrap_what_is_drawn_untagged(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		/* A running head inside q ... Q: the mark stays inside the pair. */
		{"q BT (head) Tj ET Q", "q /Artifact BMC\nBT (head) Tj ET EMC\nQ"},
		/* A rule after tagged text, at the end of the stream. */
		{"/P <</MCID 0>> BDC BT (a) Tj ET EMC 0 0 m 9 0 l S",
		 "/P <</MCID 0>> BDC BT (a) Tj ET EMC /Artifact BMC\n0 0 m 9 0 l S\nEMC\n"},
		/* Neighbouring objects share one mark, which ends before tagged content. */
		{"1 0 0 rg 0 0 5 5 re f BT (p) Tj ET /H1 <</MCID 3>> BDC BT (t) Tj ET EMC",
		 "1 0 0 rg /Artifact BMC\n0 0 5 5 re f BT (p) Tj ET EMC\n/H1 <</MCID 3>> BDC BT (t) Tj "
		 "ET EMC"},
		/* cairo's ActualText spans in untagged text nest inside the mark. */
		{"BT /Span <</ActualText <FEFF0066>>> BDC <01> Tj EMC ET",
		 "/Artifact BMC\nBT /Span <</ActualText <FEFF0066>>> BDC <01> Tj EMC ET\nEMC\n"},
		/* Tagged content, state operators only, strings that look like operators:
		 * nothing to mark. */
		{"/P <</MCID 0>> BDC BT (EMC \\) BT\\() Tj ET EMC", NULL},
		{"q 1 0 0 -1 0 842 cm 0.5 w Q", NULL},
		{"% BT a comment\n/TD <</MCID 1>> BDC EMC", NULL},
		{"", NULL},
	};
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		GByteArray *out = g_byte_array_new();
		const char *want = cases[i].out != NULL ? cases[i].out : cases[i].in;

		assert_true(pdf_artifact_wrap((const unsigned char *)cases[i].in, strlen(cases[i].in),
		                              out));
		g_byte_array_append(out, (const guint8 *)"", 1);
		assert_string_equal((const char *)out->data, want);
		g_byte_array_free(out, TRUE);
	}
}

static void
artifacts_refuse_malformed_content(void **state)
{
	static const char *const cases[] = {
		"EMC",                                       /* no sequence to end */
		"/P <</MCID 0>> BDC BT (a) Tj ET",           /* a sequence never ended */
		"BT (unterminated Tj ET",
		"<< /MCID 0 BDC",                            /* a dictionary never closed */
		"] TJ",
		"/P <</MCID 0>> BDC <</X 1>> >> EMC",
		"BT (a) Tj",                                 /* a text object never ended */
		/* Tagged content inside untagged marked content. */
		"/Span BMC /P <</MCID 1>> BDC EMC EMC",
		/* Tagged content starting inside a text object that is an artifact. */
		"BT (a) Tj /P <</MCID 1>> BDC (b) Tj EMC ET",
	};
	size_t i;

	(void)state;
	for (i = 0; i < G_N_ELEMENTS(cases); i++) {
		GByteArray *out = g_byte_array_new();

		assert_false(pdf_artifact_wrap((const unsigned char *)cases[i], strlen(cases[i]), out));
		g_byte_array_free(out, TRUE);
	}
}

/* ---- values ---- */

static void
values_parse_references_and_limit_nesting(void **state)
{
	const unsigned char text[] = "<< /K [ 12 0 R 7 (a\\)b) /N ] /L 3 0 R /F -1.5 >>";
	size_t p = 0, i;
	struct pdf_value *v = pdf_parse_value(text, sizeof text - 1, &p), *k;
	GString *deep = g_string_new("");

	(void)state;
	assert_non_null(v);
	assert_int_equal(v->kind, PDF_DICT);
	assert_int_equal(p, sizeof text - 1);
	k = pdf_dict_get(text, v, "K");
	assert_int_equal(k->kind, PDF_ARRAY);
	assert_int_equal(k->items->len, 4);
	assert_int_equal(((struct pdf_value *)g_ptr_array_index(k->items, 0))->kind, PDF_REF);
	assert_int_equal(((struct pdf_value *)g_ptr_array_index(k->items, 0))->ref, 12);
	assert_int_equal(((struct pdf_value *)g_ptr_array_index(k->items, 1))->kind, PDF_NUMBER);
	assert_int_equal(((struct pdf_value *)g_ptr_array_index(k->items, 2))->kind, PDF_STRING);
	assert_true(pdf_is_name(text, g_ptr_array_index(k->items, 3), "N"));
	assert_int_equal(pdf_dict_get(text, v, "L")->ref, 3);
	assert_true(pdf_dict_get(text, v, "F")->number == -1.5);
	assert_null(pdf_dict_get(text, v, "Missing"));
	pdf_value_free(v);

	/* Nesting deeper than 32 is refused rather than followed. */
	for (i = 0; i < 40; i++)
		g_string_append_c(deep, '[');
	for (i = 0; i < 40; i++)
		g_string_append_c(deep, ']');
	p = 0;
	assert_null(pdf_parse_value((const unsigned char *)deep->str, deep->len, &p));
	g_string_free(deep, TRUE);
}

/* ---- whole files ---- */

/* pdf_sink into a GByteArray. */
static void
append(void *closure, const void *data, size_t len)
{
	g_byte_array_append(closure, data, (guint)len);
}

/* A small tagged PDF laid out as cairo 1.16 writes one: objects with a
 * classic cross-reference table, page content deflated. */
static GByteArray *
cairo_like_pdf(const char *content)
{
	GByteArray *pdf = g_byte_array_new();
	GString *s = g_string_new("%PDF-1.5\n");
	size_t offsets[12] = {0}, i, packed_len, xref;
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	unsigned char packed[4096];

	packed_len = libdeflate_zlib_compress(c, content, strlen(content), packed, sizeof packed);
	libdeflate_free_compressor(c);
#define OBJ(n, text) (offsets[n] = s->len, g_string_append_printf(s, "%d 0 obj\n%s\nendobj\n", n, text))
	OBJ(1, "<< /Type /Pages\n   /Kids [ 2 0 R ]\n   /Count 1\n>>");
	OBJ(2, "<< /Type /Page\n   /Parent 1 0 R\n   /Contents 3 0 R\n   /Annots [ 6 0 R ]\n>>");
	offsets[3] = s->len;
	g_string_append(s, "3 0 obj\n<< /Length 10 0 R\n   /Filter /FlateDecode\n>>\nstream\n");
	g_string_append_len(s, (const char *)packed, (gssize)packed_len);
	g_string_append(s, "\nendstream\nendobj\n");
	OBJ(4, "<< /Type /StructTreeRoot\n   /K [ 5 0 R ]\n>>");
	OBJ(5, "<< /Type /StructElem\n   /S /Document\n   /P 4 0 R\n   /K [ 7 0 R 8 0 R 11 0 R ]\n>>");
	OBJ(6, "<< /Type /Annot\n   /Subtype /Link\n   /Rect [ 0 0 1 1 ]\n>>");
	OBJ(7, "<< /Type /StructElem\n   /S /Figure\n   /P 5 0 R\n   /Pg 2 0 R\n   /K 0\n>>");
	OBJ(8, "<< /Type /StructElem\n   /S /TH\n   /P 5 0 R\n   /Pg 2 0 R\n   /K 1\n>>");
	OBJ(9, "<< /Type /Catalog\n   /Pages 1 0 R\n   /StructTreeRoot 4 0 R\n>>");
	offsets[10] = s->len;
	g_string_append_printf(s, "10 0 obj\n   %zu\nendobj\n", packed_len);
	OBJ(11, "<< /Type /StructElem\n   /S /TH\n   /P 5 0 R\n   /Pg 2 0 R\n   /K 2\n>>");
#undef OBJ
	xref = s->len;
	g_string_append_printf(s, "xref\n0 12\n0000000000 65535 f \n");
	for (i = 1; i < 12; i++)
		g_string_append_printf(s, "%010zu 00000 n \n", offsets[i]);
	g_string_append_printf(s, "trailer\n<< /Size 12\n   /Root 9 0 R\n>>\nstartxref\n%zu\n%%%%EOF\n",
	                       xref);
	g_byte_array_append(pdf, (const guint8 *)s->str, (guint)s->len);
	g_string_free(s, TRUE);
	return pdf;
}

static const char page[] = "q BT (Page 1 of 1) Tj ET Q /Figure <</MCID 0>> BDC 0 0 9 9 re f EMC "
                           "/TH <</MCID 1>> BDC EMC /TH <</MCID 2>> BDC EMC";

static struct pdf_access *
typeset_notes(void)
{
	struct pdf_access *a = pdf_access_new("en-GB");

	pdf_access_element(a, "Figure", "Levels: PA01 at 2", NULL, NULL);
	pdf_access_element(a, "TH", NULL, "Column", NULL);
	pdf_access_element(a, "TH", NULL, "Row", "zh-CN");
	return a;
}

/* The text of object num in f, from "obj" to "endobj". */
static char *
object_text(const struct pdf_file *f, unsigned num)
{
	const char *start = (const char *)f->data + f->offsets[num];
	const char *end = g_strstr_len(start, (gssize)(f->len - f->offsets[num]), "endobj");

	assert_non_null(end);
	return g_strndup(start, (gsize)(end - start));
}

static void
post_pass_adds_the_tags_cairo_cannot(void **state)
{
	GByteArray *in = cairo_like_pdf(page), *out = g_byte_array_new(), *plain = g_byte_array_new();
	struct pdf_access *a = typeset_notes();
	struct pdf_file f;
	struct pdf_value *dict;
	const unsigned char *data;
	const char *error = NULL;
	size_t len, actual;
	char *text;
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();

	(void)state;
	assert_true(pdf_access_apply(a, in->data, in->len, append, out, &error));
	assert_null(error);
	/* Read again: every offset of the new table names its own object. */
	assert_true(pdf_file_read(&f, out->data, out->len, &error));
	text = object_text(&f, 9);
	assert_non_null(strstr(text, "/Lang (en-GB)"));
	assert_non_null(strstr(text, "/ViewerPreferences << /DisplayDocTitle true >>"));
	assert_non_null(strstr(text, "/StructTreeRoot 4 0 R"));
	g_free(text);
	text = object_text(&f, 7);
	/* "Levels" in UTF-16BE after its byte order mark. */
	assert_non_null(strstr(text, "/Alt <FEFF004C006500760065006C0073003A"));
	g_free(text);
	text = object_text(&f, 8);
	assert_non_null(strstr(text, "/A << /O /Table /Scope /Column >>"));
	assert_null(strstr(text, "/Lang"));
	g_free(text);
	text = object_text(&f, 11);
	assert_non_null(strstr(text, "/Scope /Row"));
	assert_non_null(strstr(text, "/Lang (zh-CN)"));
	g_free(text);
	text = object_text(&f, 2);
	assert_non_null(strstr(text, "/Tabs /S"));
	g_free(text);
	/* The content: the running head an artifact, its /Length told anew. */
	assert_true(pdf_file_stream(&f, 3, &dict, &data, &len));
	assert_true(pdf_file_number(&f, pdf_dict_get(f.data, dict, "Length")) == (double)len);
	g_byte_array_set_size(plain, 4096);
	assert_int_equal(libdeflate_zlib_decompress(d, data, len, plain->data, plain->len, &actual),
	                 LIBDEFLATE_SUCCESS);
	g_byte_array_set_size(plain, (guint)actual);
	g_byte_array_append(plain, (const guint8 *)"", 1);
	assert_string_equal((const char *)plain->data,
	                    "q /Artifact BMC\nBT (Page 1 of 1) Tj ET EMC\nQ /Figure <</MCID 0>> BDC "
	                    "0 0 9 9 re f EMC /TH <</MCID 1>> BDC EMC /TH <</MCID 2>> BDC EMC");
	pdf_value_free(dict);
	pdf_file_clear(&f);
	libdeflate_free_decompressor(d);
	g_byte_array_free(plain, TRUE);
	g_byte_array_free(out, TRUE);
	g_byte_array_free(in, TRUE);
	pdf_access_free(a);
}

/* Notes that do not match the tree would land on the wrong elements. */
static void
post_pass_refuses_a_tree_without_the_noted_elements(void **state)
{
	GByteArray *in = cairo_like_pdf(page), *out = g_byte_array_new();
	struct pdf_access *a = typeset_notes();
	const char *error = NULL;

	(void)state;
	pdf_access_element(a, "Figure", "a second figure", NULL, NULL);
	assert_false(pdf_access_apply(a, in->data, in->len, append, out, &error));
	assert_string_equal(error, "the structure tree does not hold the elements typeset");
	g_byte_array_free(out, TRUE);
	g_byte_array_free(in, TRUE);
	pdf_access_free(a);
}

/* Never trust an offset: a file cut short anywhere, an offset that points
 * at another object, a startxref past the table, an update section. */
static void
post_pass_refuses_malformed_files(void **state)
{
	GByteArray *in = cairo_like_pdf(page), *out;
	struct pdf_access *a = typeset_notes();
	const char *error;
	size_t cut, i;
	char *at;

	(void)state;
	/* Cut anywhere before the final end of line, which is optional. */
	for (cut = 0; cut + 1 < in->len; cut++) {
		out = g_byte_array_new();
		error = NULL;
		assert_false(pdf_access_apply(a, in->data, cut, append, out, &error));
		assert_non_null(error);
		assert_int_equal(out->len, 0);
		g_byte_array_free(out, TRUE);
	}
	/* Each byte changed in turn: refused, or a file that reads again. */
	for (i = 0; i < in->len; i++) {
		GByteArray *bad = g_byte_array_new();
		struct pdf_file f;

		out = g_byte_array_new();
		g_byte_array_append(bad, in->data, in->len);
		bad->data[i] ^= 0x41;
		if (pdf_access_apply(a, bad->data, bad->len, append, out, &error)) {
			assert_true(pdf_file_read(&f, out->data, out->len, &error));
			pdf_file_clear(&f);
		}
		g_byte_array_free(out, TRUE);
		g_byte_array_free(bad, TRUE);
	}
	/* Object 1's offset made object 2's. */
	at = memmem(in->data, in->len, "xref\n0 12\n", 10);
	assert_non_null(at);
	at += 10 + 20;
	memcpy(at, at + 20, 10);
	out = g_byte_array_new();
	assert_false(pdf_access_apply(a, in->data, in->len, append, out, &error));
	assert_string_equal(error, "a cross-reference entry points elsewhere than at its object");
	g_byte_array_free(out, TRUE);
	g_byte_array_free(in, TRUE);
	pdf_access_free(a);
}

/* A post-pass that fails reports it and writes nothing: the file is
 * aborted, not committed half done. */
static void
failed_post_pass_writes_nothing(void **state)
{
	char *bytes = NULL, *said = NULL;
	size_t len = 0, said_len = 0;
	FILE *stream = open_memstream(&bytes, &len), *messages = open_memstream(&said, &said_len);
	struct diag d;
	struct output *o;
	struct pdf_access *a = pdf_access_new("en");
	cairo_surface_t *surface = pdf_access_surface(a, 200, 200);
	cairo_t *cr = cairo_create(surface);

	(void)state;
	diag_init(&d, messages, false, false);
	o = output_open("-", stream, NULL, 0, &d);
	assert_non_null(o);
	cairo_tag_begin(cr, "Document", NULL);
	cairo_tag_begin(cr, "P", NULL);
	cairo_rectangle(cr, 10, 10, 20, 20);
	cairo_fill(cr);
	cairo_tag_end(cr, "P");
	cairo_tag_end(cr, "Document");
	cairo_destroy(cr);
	/* A figure noted but never drawn: the tree cannot hold its note. */
	pdf_access_element(a, "Figure", "a chart", NULL, NULL);
	assert_false(pdf_access_close(a, surface, o, &d));
	assert_int_equal(d.errors, 1);
	fclose(stream);
	fclose(messages);
	assert_int_equal(len, 0);
	assert_non_null(strstr(said, "cannot complete the PDF's tags: the structure tree does not "
	                             "hold the elements typeset"));
	free(bytes);
	free(said);
	pdf_access_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(artifacts_wrap_what_is_drawn_untagged),
		cmocka_unit_test(artifacts_refuse_malformed_content),
		cmocka_unit_test(values_parse_references_and_limit_nesting),
		cmocka_unit_test(post_pass_adds_the_tags_cairo_cannot),
		cmocka_unit_test(post_pass_refuses_a_tree_without_the_noted_elements),
		cmocka_unit_test(post_pass_refuses_malformed_files),
		cmocka_unit_test(failed_post_pass_writes_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
