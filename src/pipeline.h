/* The state of a run (model, schemas, compiled templates, style sheet, typesetter) and the table of the products made from it. */
#ifndef SSECMM_PIPELINE_H
#define SSECMM_PIPELINE_H

#include <stdbool.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "diag.h"
#include "load/session.h"
#include "render/chart.h"
#include "render/typeset.h"

/* The products, one row each in pipeline.c's table. */
enum product_id {
	PRODUCT_HANDBOOK,
	PRODUCT_REPORT,
	PRODUCT_STATEMENT,
	PRODUCT_COMPARISON,
	PRODUCT_INDEX,
	PRODUCT_CHART,
	PRODUCT_RESULT,
	PRODUCT_COUNT
};

/* The formats a product can be written in. */
enum {
	PRODUCT_HTML = 1, PRODUCT_PDF = 2, PRODUCT_SVG = 4, PRODUCT_PNG = 8, PRODUCT_XML = 16,
	PRODUCT_DOCX = 32, PRODUCT_ODT = 64
};

/* The document formats (html, pdf, docx, odt) by name and by file name:
 * the PRODUCT_ format of the word name, or of path's extension (any case);
 * 0 for none. */
int pipeline_format_named(const char *name);
int pipeline_format_of_path(const char *path);

/* A product: a template's document and the files it is written to. */
struct product {
	const char *name;       /* its name, as commands and the index call it */
	const char *template;   /* under the data directory; NULL for the chart
	                         * and the result document, written without one */
	const char *file;       /* the file name without extension, or NULL:
	                         * the input's stem followed by suffix */
	const char *suffix;
	int formats;            /* the PRODUCT_ formats it can be written in */
	chart_maker charts;     /* draws the charts its document asks for;
	                         * its context is what pipeline_make is given */
};

/* Where and how a product is written. */
struct product_dest {
	const char *output;       /* -o: a directory (existing, or ending in '/'), a
	                           * file, "-" (the stream out), or NULL: beside
	                           * input_path, or in the working directory */
	const char *input_path;   /* may be NULL */
	int formats;              /* PRODUCT_HTML, PDF, DOCX, ODT: one or more */
	int allowed;              /* set before product_dest_from_cli: the
	                           * formats the command's products have */
	enum typeset_paper paper;
	const char *lang;         /* --lang, or NULL: the inputs' xml:lang */
	FILE *out;                /* standard output, for "-" */
	FILE *log;                /* gets "ssecmm: wrote PATH" lines; NULL for none */
	const char *const *inputs;   /* files never to be overwritten */
	size_t n_inputs;
	bool directory_only;      /* set before product_dest_from_cli: -o must
	                           * name a directory (batch) */
};

/* The path a product called name gets for the extension ext (".pdf"):
 * see struct product_dest.  g_free the result. */
char *product_path(const struct product_dest *dest, const char *name, const char *ext);

/* Whether option (-o) names a directory: an existing one, or one to be
 * made (a trailing '/'). */
bool product_names_directory(const char *option);

/* The row of id. */
const struct product *pipeline_product(enum product_id id);

/* The schemas and the model at model_path, loaded now; the templates,
 * style sheet and typesetter on first use and kept, so a batch compiles
 * each template once.  NULL after reporting to d.  Free with
 * pipeline_free, which accepts NULL. */
struct pipeline *pipeline_new(const char *model_path, struct diag *d);
void pipeline_free(struct pipeline *pl);

/* The model every appraisal of the run is read against. */
const struct model *pipeline_model(const struct pipeline *pl);

/* Load what making the products ids (ending with PRODUCT_COUNT) will need
 * (their templates, the document subset's schema, the style sheet) and,
 * when pdf, the typesetter with its fonts; so that a batch's workers share
 * them instead of each loading its own.  False after reporting. */
bool pipeline_prepare(struct pipeline *pl, const enum product_id *ids, bool pdf,
                      struct diag *d);

/* Start loading the typesetter's fonts when dest asks for PDF: call as a
 * command starts, and never in a process that forks afterwards. */
void pipeline_warm_fonts(struct pipeline *pl, const struct product_dest *dest);

/* Load, check and rate the appraisal at path against its own target
 * profile, or the one at target_path when that is not NULL.  False after
 * reporting to d; rated_free(out) either way. */
bool pipeline_rate(struct pipeline *pl, const char *path, const char *target_path,
                   struct rated *out, struct diag *d);

/* The same for an appraisal already read into doc (taken; may be NULL,
 * its reading having reported why) from path, whose digest is sha256. */
bool pipeline_rate_doc(struct pipeline *pl, xmlDoc *doc, const char *path,
                       const char *sha256, const char *target_path, struct rated *out,
                       struct diag *d);

/* Make the product id (a row with a template) from input: the template's
 * document, checked to stay inside templates/xhtml-subset.xsd, written as
 * the renderings dest asks for (NAME.pdf by the typesetter, NAME.html by
 * the HTML writer, NAME.docx and NAME.odt by their templates, where NAME
 * is the row's file, or stem and the row's suffix).  ctx is the context of the row's chart maker.  The renderings
 * appear together, or none does and the files they would replace stay as
 * they were.  False after reporting to d. */
bool pipeline_make(struct pipeline *pl, enum product_id id, xmlDoc *input, void *ctx,
                   const char *stem, const struct product_dest *dest, struct diag *d);

/* Make the products ids (ending with PRODUCT_COUNT: report, statement) of
 * r, a rated appraisal whose file's stem is stem, from one input document
 * (the result document with copies of the model and the appraisal under
 * <sources>); stops at the first that fails.  False after reporting to d. */
bool pipeline_make_appraisal(struct pipeline *pl, const struct results *r,
                             const enum product_id *ids, const char *stem,
                             const struct product_dest *dest, struct diag *d);

/* The profile chart of r for scope ("organization" or a project id), with
 * its accessible name in *title (g_free); NULL for an unknown scope.  The
 * chart maker of the appraisal products, with r as the context. */
struct chart *pipeline_profile_chart(void *r, const char *scope, char **title);

/* The comparison's chart maker, beside the comparison document it draws
 * (compare.c); the context is that command's comparison. */
struct chart *compare_chart(void *cmp, const char *scope, char **title);

#endif
