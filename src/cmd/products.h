/* Making products: a template's document written as HTML and PDF, and the appraisal products' shared parts. */
#ifndef SSECMM_PRODUCTS_H
#define SSECMM_PRODUCTS_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "diag.h"
#include "doc/press.h"
#include "rate/results.h"
#include "render/chart.h"
#include "render/typeset.h"

enum { PRODUCT_HTML = 1, PRODUCT_PDF = 2 };

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

/* Start loading p's typesetter's fonts when dest asks for PDF
 * (typeset_warm_fonts): call as a command starts, and never in a process
 * that forks afterwards. */
void product_warm_fonts(struct press *p, const struct product_dest *dest);

/* Warn about every character of a's text that no installed font has,
 * when dest asks for PDF (HTML leaves fonts to the browser). */
void product_check_glyphs(const struct product_dest *dest, const struct appraisal *a,
                          struct diag *d);

/* The path a product called name gets for the extension ext (".pdf"):
 * see struct product_dest.  g_free the result. */
char *product_path(const struct product_dest *dest, const char *name, const char *ext);

/* Transform input with the template at rel (under the data directory) and
 * write the renderings dest asks for, NAME.pdf by the typesetter and
 * NAME.html by the HTML writer, from the same document; charts(ctx, scope)
 * draws the charts the document asks for (charts may be NULL when it asks
 * for none).  The renderings appear together, or none of them does and
 * the files they would replace stay as they were.  False after reporting. */
bool product_render(struct press *p, const char *rel, xmlDoc *input, chart_maker charts,
                    void *ctx, const char *name, const struct product_dest *dest,
                    struct diag *d);

/* The document the report and statement templates read: the result
 * document with copies of the model and the appraisal under <sources>. */
xmlDoc *product_appraisal_input(const struct results *r);

/* The profile chart of r for scope ("organization" or a project id), with
 * its accessible name in *title (g_free); NULL for an unknown scope.  Has
 * the signature of a chart_maker, with r as the context. */
struct chart *product_profile_chart(void *r, const char *scope, char **title);

/* Write chart as a standalone SVG document to o; commits or aborts o. */
bool product_write_svg(struct chart *chart, const char *title, struct output *o,
                       struct diag *d);

/* Write a document (the result document, say) as indented XML to o;
 * commits or aborts o. */
bool product_write_xml(xmlDoc *doc, struct output *o, struct diag *d);

/* The file name stem of an input: its base name without ".xml". */
char *product_stem(const char *path);

/* The templates' parameters: the generator's name and version. */
extern const char *const product_params[];

#endif
