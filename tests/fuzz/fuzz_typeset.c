/* Fuzzes the PDF typesetter and the HTML writer with documents of the subset: fuzzed XML, or fuzzed text in a fixed document. */
#include <stdbool.h>
#include <string.h>

#include "fuzz.h"
#include "load/schema.h"
#include "output.h"
#include "render/chart.h"
#include "render/html.h"
#include "render/typeset.h"

static struct schema *subset_xsd;
static struct html_style *style;
static FILE *devnull;
static struct typesetter *typesetter;  /* the process's: kept from input to input */

/* The profile chart a document may ask for: 22 bars of every kind. */
static struct chart *
fuzz_chart(void *ctx, const char *scope, char **title)
{
	static const char *const labels[] = {
		"PA01", "PA02", "PA03", "PA04", "PA05", "PA06", "PA07", "PA08", "PA09", "PA10", "PA11",
		"PA12", "PA13", "PA14", "PA15", "PA16", "PA17", "PA18", "PA19", "PA20", "PA21", "PA22",
	};
	struct chart_bar bars[G_N_ELEMENTS(labels)];
	size_t i;

	(void)ctx;
	if (strcmp(scope, "organization") != 0)
		return NULL; /* an unknown scope: the typesetter must refuse it cleanly */
	for (i = 0; i < G_N_ELEMENTS(labels); i++)
		bars[i] = (struct chart_bar){
			.label = labels[i],
			.level = (int)(i % 8) - 2, /* CHART_OUT, CHART_NA, 0-5 */
			.max_level = i % 3 == 0 ? 5 : -1,
			.target = (int)(i % 7) - 1,
		};
	*title = g_strdup("Capability profile");
	return chart_profile(bars, G_N_ELEMENTS(labels));
}

/* Text as the loader would let it into a document: valid UTF-8 holding
 * only characters XML allows, escaped for use in content and attributes. */
static char *
xml_text(const char *p, size_t len)
{
	char *valid = g_utf8_make_valid(p, (gssize)len);
	GString *kept = g_string_new(NULL);
	char *escaped;

	for (const char *q = valid; *q != '\0'; q = g_utf8_next_char(q)) {
		gunichar c = g_utf8_get_char(q);

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
			continue;
		g_string_append_unichar(kept, c);
	}
	escaped = g_markup_escape_text(kept->str, (gssize)kept->len);
	g_string_free(kept, TRUE);
	g_free(valid);
	return escaped;
}

/* The document of text mode: NUL bytes divide the input into the texts
 * that fill its places in turn, and places past the last text stay empty. */
static GString *
text_document(const uint8_t *data, size_t size)
{
	static const char *const parts[] = {
		"<html lang=\"en\"><head><title>", "</title><meta name=\"confidentiality\" content=\"",
		"\"/><meta name=\"author\" content=\"", "\"/></head><body><header class=\"cover\"><h1>",
		"</h1><p class=\"confidential\">", "</p></header><nav class=\"toc\"><ol><li>"
		"<a href=\"#s1\">", "</a><ol><li><a href=\"#t1\">", "</a></li></ol></li></ol></nav>"
		"<section id=\"s1\" class=\"page-break\"><h2>", "</h2><p>", " <em>",
		"</em> <a href=\"#t1\">", "</a><br/>", "</p><ul><li>", "</li><li><p>",
		"</p></li></ul><ol><li>", "</li></ol><table id=\"t1\"><caption>",
		"</caption><thead><tr><th>", "</th><th class=\"numeric\">",
		"</th></tr></thead><tbody><tr><td>", "</td><td><span class=\"rating-F\">",
		"</span></td></tr><tr><td colspan=\"2\"><p>", "</p><ul><li>",
		"</li></ul></td></tr></tbody></table><div class=\"chart\" data-chart=\"profile\" "
		"data-scope=\"organization\"/><dl><dt>", "</dt><dd>", "</dd></dl><h3>",
		"</h3><blockquote><p><code>", "</code> <bdi>", "</bdi> <strong>",
		"</strong></p></blockquote><figure><p>", "</p><figcaption>",
		"</figcaption></figure><h4>", "</h4></section></body></html>",
	};
	GString *doc = g_string_new(parts[0]);
	const char *p = (const char *)data, *end = p + size;
	size_t i;

	for (i = 1; i < G_N_ELEMENTS(parts); i++) {
		const char *nul = p < end ? memchr(p, '\0', (size_t)(end - p)) : NULL;
		size_t len = p < end ? (nul != NULL ? (size_t)(nul - p) : (size_t)(end - p)) : 0;
		char *t = xml_text(p, len);

		g_string_append(doc, t);
		g_free(t);
		p += len + (nul != NULL);
		g_string_append(doc, parts[i]);
	}
	return doc;
}

/* Lay doc out as PDF, then write it as HTML (which changes it), both into
 * /dev/null.  A template's document is checked against the subset before
 * either rendering, so only such documents are given here.  True when both
 * succeeded.  Writing to /dev/null cannot fail, so a failure to write is a
 * bug (cairo refusing what we gave it), and stops the run. */
static bool
render(xmlDoc *doc, enum typeset_paper paper)
{
	struct diag d;
	struct output *o;
	bool ok;

	fuzz_diag(&d);
	o = output_open("-", devnull, NULL, 0, &d);
	if (o == NULL)
		abort();
	ok = typeset_render(typesetter, doc, paper, fuzz_chart, NULL, o, &d);
	o = output_open("-", devnull, NULL, 0, &d);
	if (o == NULL)
		abort();
	ok = html_write(doc, style, fuzz_chart, NULL, o, &d) && ok;
	if (d.status == EXIT_IO)
		abort();
	return ok;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const uint8_t warm_up[] = "warm-up";
	struct diag d;

	(void)argc;
	(void)argv;
	fuzz_init();
	diag_init(&d, stderr, false, false);
	subset_xsd = fuzz_schema("templates/xhtml-subset.xsd", &d);
	style = html_style_load(&d);
	fuzz_require(style, "stylesheets/ssecmm.css");
	devnull = fopen("/dev/null", "w");
	typesetter = typeset_new();
	fuzz_require(devnull, "/dev/null");
	/* Fontconfig and pango load their caches on first use; do it here, not
	 * in the first input's time. */
	LLVMFuzzerTestOneInput(warm_up, sizeof warm_up - 1);
	fuzz_initialized();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d;
	xmlDoc *doc;

	fuzz_diag(&d);
	if (size > 0 && data[0] == '<') {
		/* XML mode: the document itself, when the loader and the subset take it. */
		doc = xmlload_memory((const char *)data, size, "fuzz.xml", NULL, &d);
		if (doc != NULL && schema_validate(subset_xsd, doc, "fuzz.xml", &d))
			render(doc, size % 2 ? PAPER_LETTER : PAPER_A4);
	} else {
		GString *text = text_document(data, size);

		doc = xmlload_memory(text->str, text->len, "fuzz.xml", NULL, &d);
		g_string_free(text, TRUE);
		/* Escaped text in a fixed valid document: both checks, and both
		 * renderings, must succeed whatever the text. */
		if (doc == NULL || !schema_validate(subset_xsd, doc, "fuzz.xml", &d) ||
		    !render(doc, PAPER_A4))
			abort();
	}
	xmlFreeDoc(doc);
	return 0;
}
