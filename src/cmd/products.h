/* The product commands' shared parts: where a product is written, from the command line, and the standalone chart and XML writers. */
#ifndef SSECMM_PRODUCTS_H
#define SSECMM_PRODUCTS_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "diag.h"
#include "pipeline.h"
#include "rate/results.h"
#include "render/chart.h"
#include "render/typeset.h"

/* Where and how a product is written. */
struct product_dest {
	const char *output;       /* -o: a directory (existing, or ending in '/'), a
	                           * file, "-" (the stream out), or NULL: beside
	                           * input_path, or in the working directory */
	const char *input_path;   /* may be NULL */
	int formats;              /* PRODUCT_HTML, PRODUCT_PDF or both */
	enum typeset_paper paper;
	const char *lang;         /* --lang, or NULL: the inputs' xml:lang */
	FILE *out;                /* standard output, for "-" */
	FILE *log;                /* gets "ssecmm: wrote PATH" lines; NULL for none */
	const char *const *inputs;   /* files never to be overwritten */
	size_t n_inputs;
	bool directory_only;      /* set before product_dest_from_cli: -o must
	                           * name a directory (batch) */
};

struct cli;

/* Fill dest's formats, paper, output and streams from the command line
 * (--format, --paper, -o, -q).  -o is "-", a directory (existing, or
 * ending in '/': both formats) or a file ending in .html or .pdf in any
 * case (that format alone); anything else is a usage error.  Returns -1 to go on, or the exit status of
 * a usage error after reporting it. */
int product_dest_from_cli(struct cli *c, struct product_dest *dest);

/* Warn about every character of a's text that no installed font has,
 * when dest asks for PDF (HTML leaves fonts to the browser). */
void product_check_glyphs(const struct product_dest *dest, const struct appraisal *a,
                          struct diag *d);

/* The path a product called name gets for the extension ext (".pdf"):
 * see struct product_dest.  g_free the result. */
char *product_path(const struct product_dest *dest, const char *name, const char *ext);

/* Write chart as a standalone SVG document to o; commits or aborts o. */
bool product_write_svg(struct chart *chart, const char *title, struct output *o,
                       struct diag *d);

/* Write a document (the result document, say) as indented XML to o;
 * commits or aborts o. */
bool product_write_xml(xmlDoc *doc, struct output *o, struct diag *d);

/* The file name stem of an input: its base name without ".xml". */
char *product_stem(const char *path);

#endif
